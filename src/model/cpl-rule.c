/* cpl-rule.c: an export-control rule as data
 *
 * A rule is OR-of-ANDs: match_any is a list of clauses, a clause a list of
 * conditions that must all hold.  Evaluation is three-valued, so a missing
 * figure reads "needs data", never "not controlled".
 *
 * A rule also says what a match means (its effect: control, licence or
 * share) and when it is in force: from "effective" (inclusive) until
 * "until" (exclusive), ISO dates (MODEL.md §2.1).
 */
#define G_LOG_DOMAIN "cpl-rule"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "cpl-json-private.h"
#include "cpl-rule.h"

struct _CplRule
{
  CplEntity  parent_instance;
  char      *effective;
  char      *until;
  GDate      effective_date;   /* cleared when the rule gives none */
  GDate      until_date;       /* cleared when the rule gives none */
  CplRuleEffect effect;
  gboolean   effect_given;     /* "effect" was in the file: keep it on save */
  char      *source;
  CplText   *description;
  GPtrArray *clauses;   /* of GArray of CplCondition */
  /* each condition's members the model does not know (or NULL), in the
   * order of the clauses and their conditions; kept on save */
  GPtrArray *condition_extra;
};

G_DEFINE_FINAL_TYPE (CplRule, cpl_rule, CPL_TYPE_ENTITY)

static const CplField rule_fields[CPL_RULE_N_FIELDS] = {
  { "share", NULL, CPL_FIELD_OPTIONAL, 0, 1, 0 },
};

static const char * const rule_keys[] = {
  "effect", "effective", "until", "source", "description", "match_any", NULL
};

static const char * const effect_keys[CPL_RULE_N_EFFECTS] = { "control", "licence", "share" };

/* A chip-list condition's "metric" and "op". */
#define CHIP_METRIC "chip"
#define CHIP_OP "in"

/* NULL-terminated, so the list can be joined into a message */
static const char * const metric_keys[CPL_N_METRICS + 1] = {
  "tpp", "performance_density", "bandwidth_gbs", "interconnect_gbs",
  "memory_gb", "compute_tflops", "tdp_w", "datacenter", NULL
};

static const char * const op_symbols[CPL_N_OPS] = { ">=", ">", "<=", "<", "==" };

const char *
cpl_metric_get_key (CplMetric metric)
{
  g_return_val_if_fail (metric < CPL_N_METRICS, NULL);
  return metric_keys[metric];
}

gboolean
cpl_metric_from_key (const char *key,
                     CplMetric  *metric)
{
  for (guint i = 0; i < CPL_N_METRICS; i++)
    if (g_str_equal (key, metric_keys[i]))
      {
        *metric = i;
        return TRUE;
      }
  return FALSE;
}

const char *
cpl_rule_effect_get_key (CplRuleEffect effect)
{
  g_return_val_if_fail (effect < CPL_RULE_N_EFFECTS, NULL);
  return effect_keys[effect];
}

/* Sets @date to today, in local time. */
void
cpl_date_set_today (GDate *date)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  g_date_clear (date, 1);
  g_date_set_dmy (date, g_date_time_get_day_of_month (now), g_date_time_get_month (now),
                  g_date_time_get_year (now));
}

/**
 * cpl_iso_date_format:
 * @date: a valid date
 *
 * Returns: (transfer full): @date written YYYY-MM-DD, as files and
 *   messages write it (not g_date_strftime(), which converts through the
 *   locale's charset on every call)
 */
char *
cpl_iso_date_format (const GDate *date)
{
  g_return_val_if_fail (g_date_valid (date), NULL);
  return g_strdup_printf ("%04u-%02u-%02u", g_date_get_year (date),
                          g_date_get_month (date), g_date_get_day (date));
}

/**
 * cpl_iso_date_parse:
 * @text: a date written YYYY-MM-DD, exactly
 * @date: (out): the date
 *
 * Returns: whether @text is a valid date in that form (years 1900–2200)
 */
gboolean
cpl_iso_date_parse (const char *text,
                    GDate      *date)
{
  static const char pattern[] = "dddd-dd-dd";
  guint year, month, day;

  if (strlen (text) != strlen (pattern))
    return FALSE;
  for (guint i = 0; pattern[i] != '\0'; i++)
    if (pattern[i] == 'd' ? !g_ascii_isdigit (text[i]) : text[i] != pattern[i])
      return FALSE;
  year = g_ascii_strtoull (text, NULL, 10);
  month = g_ascii_strtoull (text + 5, NULL, 10);
  day = g_ascii_strtoull (text + 8, NULL, 10);
  if (year < 1900 || year > 2200 || !g_date_valid_dmy (day, month, year))
    return FALSE;
  g_date_clear (date, 1);
  g_date_set_dmy (date, day, month, year);
  return TRUE;
}

const char *
cpl_op_get_symbol (CplOp op)
{
  g_return_val_if_fail (op < CPL_N_OPS, NULL);
  return op_symbols[op];
}

static const char * const condition_keys[] = { "metric", "op", "value", NULL };

/* Returns: (transfer full) (nullable): the members of @object that are
 * not a condition's, or %NULL when there are none. */
static JsonObject *
condition_extra (JsonObject *object)
{
  g_autoptr(GList) members = json_object_get_members (object);
  JsonObject *extra = NULL;

  for (const GList *l = members; l != NULL; l = l->next)
    {
      if (g_strv_contains (condition_keys, l->data))
        continue;
      if (extra == NULL)
        extra = json_object_new ();
      json_object_set_member (extra, l->data, cpl_json_keep (json_object_get_member (object, l->data)));
    }
  return extra;
}

/* {"metric": "chip", "op": "in", "value": [CHIP_ID…]}: the ids are
 * checked against the dataset's chips once the whole file is read. */
static gboolean
cpl_rule_load_chip_condition (JsonObject     *object,
                              const char     *op,
                              CplCondition   *condition,
                              CplLoadContext *ctx,
                              GError        **error)
{
  JsonNode *value = json_object_get_member (object, "value");
  g_autoptr(GStrvBuilder) chips = g_strv_builder_new ();
  JsonArray *array;
  gsize mark;

  if (!g_str_equal (op, CHIP_OP))
    {
      g_autofree char *shown = cpl_message_escape (op, CPL_MESSAGE_MAX_CHARS);
      return cpl_load_fail_at (ctx, "op", error, CPL_DATASET_ERROR_INVALID,
                               /* Translators: %s is the operator the file gives; "chip" and
                                * "in" are the file's words, not translated */
                               _("unknown operator \"%s\" for the metric \"chip\"; expected in"), shown);
    }
  if (value == NULL || !JSON_NODE_HOLDS_ARRAY (value) ||
      json_array_get_length (json_node_get_array (value)) == 0)
    {
      g_autofree char *shown = cpl_json_describe (value);
      return cpl_load_fail_at (ctx, "value", error,
                               value ? CPL_DATASET_ERROR_TYPE : CPL_DATASET_ERROR_MISSING,
                               /* Translators: %s describes the value found, "the string \"nvidia-h20\"" */
                               _("%s; expected a non-empty list of chip ids"), shown);
    }
  array = json_node_get_array (value);
  mark = cpl_load_push_key (ctx, "value");
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *element = json_array_get_element (array, i);

      if (!cpl_json_node_is_string (element))
        {
          g_autofree char *shown = cpl_json_describe (element);

          cpl_load_push_index (ctx, i);
          cpl_load_fail (ctx, error, CPL_DATASET_ERROR_TYPE,
                         /* Translators: %s describes the value found, "the number 1" */
                         _("%s; expected a chip id"), shown);
          cpl_load_pop (ctx, mark);
          return FALSE;
        }
      g_strv_builder_add (chips, json_node_get_string (element));
    }
  cpl_load_pop (ctx, mark);
  condition->metric = CPL_N_METRICS;
  condition->op = CPL_N_OPS;
  condition->value = NAN;
  condition->chips = g_strv_builder_end (chips);
  return TRUE;
}

static gboolean
cpl_rule_load_condition (JsonNode       *node,
                         CplCondition   *condition,
                         CplLoadContext *ctx,
                         GError        **error)
{
  g_autofree char *metrics = g_strjoinv (" ", (char **) metric_keys);
  g_autofree char *metric_list = g_strconcat (metrics, " " CHIP_METRIC, NULL);
  JsonObject *object;
  const char *metric, *op;
  JsonNode *value;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      g_autofree char *shown = cpl_json_describe (node);
      return cpl_load_fail (ctx, error, CPL_DATASET_ERROR_TYPE,
                            /* Translators: %s describes the value found, "the number 1.5";
                             * "metric", "op" and "value" are JSON keys, not translated */
                            _("%s; expected a condition {\"metric\", \"op\", \"value\"}"), shown);
    }
  object = json_node_get_object (node);
  if (!cpl_json_get_string (ctx, object, "metric", TRUE, &metric, error) ||
      !cpl_json_get_string (ctx, object, "op", TRUE, &op, error))
    return FALSE;
  if (g_str_equal (metric, CHIP_METRIC))
    return cpl_rule_load_chip_condition (object, op, condition, ctx, error);
  if (!cpl_metric_from_key (metric, &condition->metric))
    {
      g_autofree char *shown = cpl_message_escape (metric, CPL_MESSAGE_MAX_CHARS);
      return cpl_load_fail_at (ctx, "metric", error, CPL_DATASET_ERROR_INVALID,
                               /* Translators: %1$s is the metric the file gives, %2$s the metrics
                                * allowed, separated by spaces */
                               _("unknown metric \"%s\"; expected one of %s"), shown, metric_list);
    }
  condition->op = CPL_N_OPS;
  for (guint i = 0; i < CPL_N_OPS; i++)
    if (g_str_equal (op, op_symbols[i]))
      condition->op = i;
  if (condition->op == CPL_N_OPS)
    {
      g_autofree char *shown = cpl_message_escape (op, CPL_MESSAGE_MAX_CHARS);
      return cpl_load_fail_at (ctx, "op", error, CPL_DATASET_ERROR_INVALID,
                               /* Translators: %s is the operator the file gives */
                               _("unknown operator \"%s\"; expected one of >= > <= < =="), shown);
    }

  value = json_object_get_member (object, "value");
  if (condition->metric == CPL_METRIC_DATACENTER)
    {
      if (value == NULL || !JSON_NODE_HOLDS_VALUE (value) ||
          json_node_get_value_type (value) != G_TYPE_BOOLEAN || condition->op != CPL_OP_EQ)
        {
          g_autofree char *shown = cpl_json_describe (value);
          return cpl_load_fail_at (ctx, "value", error, CPL_DATASET_ERROR_TYPE,
                                   /* Translators: %s describes the value found, "the number 1";
                                    * "datacenter", ==, true and false are the file's words */
                                   _("%s; \"datacenter\" takes the operator == and true or false"),
                                   shown);
        }
      condition->value = json_node_get_boolean (value) ? 1 : 0;
      return TRUE;
    }
  if (!cpl_json_node_is_number (value))
    {
      g_autofree char *shown = cpl_json_describe (value);
      return cpl_load_fail_at (ctx, "value", error,
                               value ? CPL_DATASET_ERROR_TYPE : CPL_DATASET_ERROR_MISSING,
                               /* Translators: %s describes the value found, "the string \"1\"" */
                               _("%s; expected a number"), shown);
    }
  condition->value = json_node_get_double (value);
  if (!isfinite (condition->value))
    {
      g_autofree char *shown = cpl_format_number_c (condition->value);
      return cpl_load_fail_at (ctx, "value", error, CPL_DATASET_ERROR_RANGE,
                               /* Translators: %s is a number, "Infinity" */
                               _("the number %s is not finite; expected a finite number"), shown);
    }
  return TRUE;
}

/* "effective" or "until": absent, or an ISO date. */
static gboolean
cpl_rule_load_date (JsonObject     *object,
                    const char     *key,
                    char          **text,
                    GDate          *date,
                    CplLoadContext *ctx,
                    GError        **error)
{
  const char *value;

  if (!cpl_json_get_string (ctx, object, key, FALSE, &value, error))
    return FALSE;
  if (value != NULL && !cpl_iso_date_parse (value, date))
    {
      g_autofree char *shown = cpl_message_escape (value, CPL_MESSAGE_MAX_CHARS);
      return cpl_load_fail_at (ctx, key, error, CPL_DATASET_ERROR_INVALID,
                               /* Translators: %s is the date the file gives; YYYY-MM-DD is
                                * the form of a date the file must use */
                               _("\"%s\" is not a date; expected YYYY-MM-DD"), shown);
    }
  *text = g_strdup (value);
  return TRUE;
}

/* The effect, the dates and the share, and how they go together. */
static gboolean
cpl_rule_load_regime (CplRule        *self,
                      JsonObject     *object,
                      CplLoadContext *ctx,
                      GError        **error)
{
  double share = cpl_rule_get_share (self);
  const char *effect;

  if (!cpl_json_get_string (ctx, object, "effect", FALSE, &effect, error))
    return FALSE;
  self->effect_given = effect != NULL;
  if (effect != NULL)
    {
      self->effect = CPL_RULE_N_EFFECTS;
      for (guint i = 0; i < CPL_RULE_N_EFFECTS; i++)
        if (g_str_equal (effect, effect_keys[i]))
          self->effect = i;
      if (self->effect == CPL_RULE_N_EFFECTS)
        {
          g_autofree char *shown = cpl_message_escape (effect, CPL_MESSAGE_MAX_CHARS);
          return cpl_load_fail_at (ctx, "effect", error, CPL_DATASET_ERROR_INVALID,
                                   /* Translators: %s is the effect the file gives; control,
                                    * licence and share are the file's words, not translated */
                                   _("unknown effect \"%s\"; expected control, licence or share"),
                                   shown);
        }
    }

  if (!cpl_rule_load_date (object, "effective", &self->effective, &self->effective_date, ctx, error) ||
      !cpl_rule_load_date (object, "until", &self->until, &self->until_date, ctx, error))
    return FALSE;
  if (self->effective != NULL && self->until != NULL &&
      g_date_compare (&self->until_date, &self->effective_date) <= 0)
    return cpl_load_fail_at (ctx, "until", error, CPL_DATASET_ERROR_RANGE,
                             /* Translators: %1$s and %2$s are dates, 2025-01-01; "until" and
                              * "effective" are the file's keys, not translated */
                             _("\"until\" %1$s is not after \"effective\" %2$s; expected a later "
                               "date (the first day the rule no longer applies)"),
                             self->until, self->effective);

  if (self->effect == CPL_RULE_EFFECT_SHARE && isnan (share))
    return cpl_load_fail_at (ctx, "share", error, CPL_DATASET_ERROR_MISSING, "%s",
                             /* Translators: "share" is the file's word, not translated */
                             _("missing; a rule with the effect \"share\" needs a share from 0 to 1"));
  if (self->effect != CPL_RULE_EFFECT_SHARE && !isnan (share))
    {
      g_autofree char *shown = cpl_format_number_c (share);
      return cpl_load_fail_at (ctx, "share", error, CPL_DATASET_ERROR_INVALID,
                               /* Translators: %1$s is a number, 0.15, %2$s the rule's effect
                                * (control or licence); the words in quotes are the file's */
                               _("a share of %1$s on a rule with the effect \"%2$s\"; expected "
                                 "\"effect\": \"share\" (a share applies only to a share rule)"),
                               shown, effect_keys[self->effect]);
    }
  return TRUE;
}

static void
condition_clear (gpointer data)
{
  CplCondition *condition = data;

  g_clear_pointer (&condition->chips, g_strfreev);
}

static gboolean
cpl_rule_load (CplEntity   *entity,
               JsonObject  *object,
               gpointer     ctx_pointer,
               GError     **error)
{
  CplLoadContext *ctx = ctx_pointer;
  CplRule *self = CPL_RULE (entity);
  const char *source;
  JsonNode *description;
  JsonArray *clauses;
  gsize mark;

  if (!cpl_rule_load_regime (self, object, ctx, error) ||
      !cpl_json_get_string (ctx, object, "source", FALSE, &source, error))
    return FALSE;
  self->source = g_strdup (source);

  description = json_object_get_member (object, "description");
  if (description != NULL)
    {
      GError *inner = NULL;

      self->description = cpl_text_from_json (description, &inner);
      if (self->description == NULL)
        return cpl_load_wrap (ctx, "description", error, inner);
    }

  clauses = cpl_json_get_array (ctx, object, "match_any", TRUE, error);
  if (clauses == NULL)
    return FALSE;
  if (json_array_get_length (clauses) == 0)
    return cpl_load_fail_at (ctx, "match_any", error, CPL_DATASET_ERROR_INVALID, "%s",
                             _("an empty list; expected at least one clause"));

  mark = cpl_load_push_key (ctx, "match_any");
  for (guint i = 0; i < json_array_get_length (clauses); i++)
    {
      JsonNode *clause_node = json_array_get_element (clauses, i);
      g_autoptr(GArray) clause = g_array_new (FALSE, TRUE, sizeof (CplCondition));
      gsize clause_mark = cpl_load_push_index (ctx, i);
      JsonArray *conditions;

      g_array_set_clear_func (clause, condition_clear);

      if (!JSON_NODE_HOLDS_ARRAY (clause_node) ||
          json_array_get_length (json_node_get_array (clause_node)) == 0)
        {
          g_autofree char *shown = cpl_json_describe (clause_node);
          cpl_load_fail (ctx, error, CPL_DATASET_ERROR_TYPE,
                         /* Translators: %s describes the value found, "an object" */
                         _("%s; expected a non-empty list of conditions"), shown);
          cpl_load_pop (ctx, mark);
          return FALSE;
        }
      conditions = json_node_get_array (clause_node);
      for (guint j = 0; j < json_array_get_length (conditions); j++)
        {
          CplCondition condition = { 0 };
          gsize condition_mark = cpl_load_push_index (ctx, j);

          if (!cpl_rule_load_condition (json_array_get_element (conditions, j), &condition, ctx, error))
            {
              cpl_load_pop (ctx, mark);
              return FALSE;
            }
          cpl_load_pop (ctx, condition_mark);
          g_array_append_val (clause, condition);
          g_ptr_array_add (self->condition_extra,
                           condition_extra (json_array_get_object_element (conditions, j)));
        }
      cpl_load_pop (ctx, clause_mark);
      g_ptr_array_add (self->clauses, g_steal_pointer (&clause));
    }
  cpl_load_pop (ctx, mark);
  return TRUE;
}

static void
condition_save (const CplCondition *c,
                JsonObject         *condition)
{
  if (c->chips != NULL)
    {
      JsonArray *chips = json_array_new ();

      for (guint k = 0; c->chips[k] != NULL; k++)
        json_array_add_string_element (chips, c->chips[k]);
      json_object_set_string_member (condition, "metric", CHIP_METRIC);
      json_object_set_string_member (condition, "op", CHIP_OP);
      json_object_set_array_member (condition, "value", chips);
      return;
    }
  json_object_set_string_member (condition, "metric", metric_keys[c->metric]);
  json_object_set_string_member (condition, "op", op_symbols[c->op]);
  if (c->metric == CPL_METRIC_DATACENTER)
    json_object_set_boolean_member (condition, "value", c->value != 0);
  else if (c->value == floor (c->value) && fabs (c->value) < 9e15)
    json_object_set_int_member (condition, "value", (gint64) c->value);
  else
    json_object_set_double_member (condition, "value", c->value);
}

static void
cpl_rule_save (CplEntity  *entity,
               JsonObject *object)
{
  CplRule *self = CPL_RULE (entity);
  JsonArray *clauses = json_array_new ();
  guint n = 0;

  if (self->effect_given || self->effect != CPL_RULE_EFFECT_CONTROL)
    json_object_set_string_member (object, "effect", effect_keys[self->effect]);
  if (self->effective != NULL)
    json_object_set_string_member (object, "effective", self->effective);
  if (self->until != NULL)
    json_object_set_string_member (object, "until", self->until);
  if (self->source != NULL)
    json_object_set_string_member (object, "source", self->source);
  if (self->description != NULL)
    json_object_set_member (object, "description", cpl_text_to_json (self->description));

  for (guint i = 0; i < self->clauses->len; i++)
    {
      GArray *clause = g_ptr_array_index (self->clauses, i);
      JsonArray *conditions = json_array_new ();

      for (guint j = 0; j < clause->len; j++)
        {
          const CplCondition *c = &g_array_index (clause, CplCondition, j);
          JsonObject *condition = json_object_new ();

          condition_save (c, condition);
          if (g_ptr_array_index (self->condition_extra, n) != NULL)
            cpl_json_object_merge (condition, g_ptr_array_index (self->condition_extra, n));
          n++;
          json_array_add_object_element (conditions, condition);
        }
      json_array_add_array_element (clauses, conditions);
    }
  json_object_set_array_member (object, "match_any", clauses);
}

static void
free_extra (gpointer extra)
{
  if (extra != NULL)
    json_object_unref (extra);
}

static void
cpl_rule_finalize (GObject *object)
{
  CplRule *self = CPL_RULE (object);

  g_free (self->effective);
  g_free (self->until);
  g_free (self->source);
  g_clear_pointer (&self->description, cpl_text_unref);
  g_ptr_array_unref (self->clauses);
  g_ptr_array_unref (self->condition_extra);
  G_OBJECT_CLASS (cpl_rule_parent_class)->finalize (object);
}

static void
cpl_rule_class_init (CplRuleClass *klass)
{
  CplEntityClass *entity_class = CPL_ENTITY_CLASS (klass);

  G_OBJECT_CLASS (klass)->finalize = cpl_rule_finalize;
  cpl_entity_class_install_fields (entity_class, rule_fields, CPL_RULE_N_FIELDS, rule_keys);
  entity_class->load = cpl_rule_load;
  entity_class->save = cpl_rule_save;
}

static void
cpl_rule_init (CplRule *self)
{
  self->clauses = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
  g_date_clear (&self->effective_date, 1);
  g_date_clear (&self->until_date, 1);
  self->condition_extra = g_ptr_array_new_with_free_func (free_extra);
}

guint
cpl_rule_get_n_clauses (CplRule *self)
{
  g_return_val_if_fail (CPL_IS_RULE (self), 0);
  return self->clauses->len;
}

const CplCondition *
cpl_rule_get_clause (CplRule *self,
                     guint    index,
                     guint   *n_conditions)
{
  GArray *clause;

  g_return_val_if_fail (CPL_IS_RULE (self), NULL);
  g_return_val_if_fail (index < self->clauses->len, NULL);
  clause = g_ptr_array_index (self->clauses, index);
  *n_conditions = clause->len;
  return (const CplCondition *) clause->data;
}

const char *
cpl_rule_get_effective (CplRule *self)
{
  g_return_val_if_fail (CPL_IS_RULE (self), NULL);
  return self->effective;
}

/* Returns: (nullable): the first day the rule no longer applies */
const char *
cpl_rule_get_until (CplRule *self)
{
  g_return_val_if_fail (CPL_IS_RULE (self), NULL);
  return self->until;
}

CplRuleEffect
cpl_rule_get_effect (CplRule *self)
{
  g_return_val_if_fail (CPL_IS_RULE (self), CPL_RULE_EFFECT_CONTROL);
  return self->effect;
}

/* Returns: the share a match pays (0–1), NaN unless the effect is share */
double
cpl_rule_get_share (CplRule *self)
{
  g_return_val_if_fail (CPL_IS_RULE (self), NAN);
  return cpl_entity_get_number (CPL_ENTITY (self), CPL_RULE_SHARE);
}

/**
 * cpl_rule_in_force_on:
 *
 * Whether @date is on or after "effective" and before "until"; a rule
 * without "effective" has always been in force, one without "until" stays.
 */
gboolean
cpl_rule_in_force_on (CplRule     *self,
                      const GDate *date)
{
  g_return_val_if_fail (CPL_IS_RULE (self), FALSE);
  g_return_val_if_fail (date != NULL && g_date_valid (date), FALSE);

  if (g_date_valid (&self->effective_date) && g_date_compare (date, &self->effective_date) < 0)
    return FALSE;
  return !g_date_valid (&self->until_date) || g_date_compare (date, &self->until_date) < 0;
}

const char *
cpl_rule_get_source (CplRule *self)
{
  g_return_val_if_fail (CPL_IS_RULE (self), NULL);
  return self->source;
}

CplText *
cpl_rule_get_description (CplRule *self)
{
  g_return_val_if_fail (CPL_IS_RULE (self), NULL);
  return self->description;
}

/**
 * cpl_condition_evaluate_chip:
 * @chip_id: (nullable): the chip's id; %NULL for a chip of no dataset
 *   (a what-if chip), which no chip-list condition names
 * @metrics: CPL_N_METRICS values indexed by CplMetric, NaN when unknown
 */
CplTriState
cpl_condition_evaluate_chip (const CplCondition *c,
                             const char         *chip_id,
                             const double       *metrics)
{
  double x;
  gboolean holds = FALSE;

  if (c->chips != NULL)
    return chip_id != NULL && g_strv_contains ((const char * const *) c->chips, chip_id)
           ? CPL_TRI_TRUE : CPL_TRI_FALSE;
  x = metrics[c->metric];
  if (isnan (x))
    return CPL_TRI_UNKNOWN;
  switch (c->op)
    {
    case CPL_OP_GE: holds = x >= c->value; break;
    case CPL_OP_GT: holds = x > c->value; break;
    case CPL_OP_LE: holds = x <= c->value; break;
    case CPL_OP_LT: holds = x < c->value; break;
    case CPL_OP_EQ: holds = x == c->value; break;
    case CPL_N_OPS:
    default: g_assert_not_reached ();
    }
  return holds ? CPL_TRI_TRUE : CPL_TRI_FALSE;
}

/* A chip-list condition here names no chip: it is false. */
CplTriState
cpl_condition_evaluate (const CplCondition *c,
                        const double       *metrics)
{
  return cpl_condition_evaluate_chip (c, NULL, metrics);
}

/**
 * cpl_rule_evaluate:
 *
 * cpl_rule_evaluate_chip() for a chip of no dataset: chip-list conditions
 * are false.
 */
CplTriState
cpl_rule_evaluate (CplRule      *self,
                   const double *metrics,
                   int          *matched_clause)
{
  return cpl_rule_evaluate_chip (self, NULL, metrics, matched_clause);
}

/* One clause: the AND of its conditions, three-valued. */
static CplTriState
clause_evaluate (GArray       *clause,
                 const char   *chip_id,
                 const double *metrics)
{
  CplTriState result = CPL_TRI_TRUE;

  for (guint j = 0; j < clause->len && result != CPL_TRI_FALSE; j++)
    {
      CplTriState c = cpl_condition_evaluate_chip (&g_array_index (clause, CplCondition, j), chip_id, metrics);

      if (c == CPL_TRI_FALSE || (c == CPL_TRI_UNKNOWN && result == CPL_TRI_TRUE))
        result = c;
    }
  return result;
}

/**
 * cpl_rule_evaluate_chip:
 * @chip_id: (nullable): the chip's id, for chip-list conditions
 * @metrics: CPL_N_METRICS values indexed by CplMetric, NaN when unknown
 * @matched_clause: (out) (optional): the first clause that holds, or -1
 *
 * A clause is false if any condition is false, else unknown if any is
 * unknown, else true; the rule is true if any clause is true, else unknown
 * if any is unknown, else false.
 */
CplTriState
cpl_rule_evaluate_chip (CplRule      *self,
                        const char   *chip_id,
                        const double *metrics,
                        int          *matched_clause)
{
  gboolean any_unknown = FALSE;

  g_return_val_if_fail (CPL_IS_RULE (self), CPL_TRI_UNKNOWN);
  if (matched_clause != NULL)
    *matched_clause = -1;

  for (guint i = 0; i < self->clauses->len; i++)
    {
      CplTriState result = clause_evaluate (g_ptr_array_index (self->clauses, i), chip_id, metrics);

      if (result == CPL_TRI_TRUE)
        {
          if (matched_clause != NULL)
            *matched_clause = i;
          return CPL_TRI_TRUE;
        }
      any_unknown |= result == CPL_TRI_UNKNOWN;
    }
  return any_unknown ? CPL_TRI_UNKNOWN : CPL_TRI_FALSE;
}

/**
 * cpl_rule_evaluate_clause:
 * @clause: an index below cpl_rule_get_n_clauses()
 * @chip_id: (nullable): the chip's id, for conditions that name chips
 *
 * Whether every condition of clause @clause holds: false as soon as one
 * fails, else unknown when one needs a missing figure.
 */
CplTriState
cpl_rule_evaluate_clause (CplRule      *self,
                          guint         clause,
                          const char   *chip_id,
                          const double *metrics)
{
  g_return_val_if_fail (CPL_IS_RULE (self), CPL_TRI_UNKNOWN);
  g_return_val_if_fail (clause < self->clauses->len, CPL_TRI_UNKNOWN);
  return clause_evaluate (g_ptr_array_index (self->clauses, clause), chip_id, metrics);
}

/**
 * cpl_rule_get_clause_margins:
 * @clause: an index below cpl_rule_get_n_clauses()
 * @metrics: CPL_N_METRICS values indexed by CplMetric, NaN when unknown
 *
 * Every threshold clause @clause tests, in the order the rule gives
 * them, with the chip's value and whether the condition holds.  A list
 * of chips is no threshold and is left out.
 *
 * Returns: (transfer full) (element-type CplMargin): the margins.
 */
GArray *
cpl_rule_get_clause_margins (CplRule      *self,
                             guint         clause,
                             const double *metrics)
{
  GArray *margins = g_array_new (FALSE, FALSE, sizeof (CplMargin));
  GArray *conditions;

  g_return_val_if_fail (CPL_IS_RULE (self), margins);
  g_return_val_if_fail (clause < self->clauses->len, margins);

  conditions = g_ptr_array_index (self->clauses, clause);
  for (guint j = 0; j < conditions->len; j++)
    {
      const CplCondition *c = &g_array_index (conditions, CplCondition, j);
      CplMargin margin;

      if (c->chips != NULL)
        continue;
      margin = (CplMargin) { c->metric, c->op, c->value, metrics[c->metric], cpl_condition_evaluate (c, metrics) };
      g_array_append_val (margins, margin);
    }
  return margins;
}
