/* cpl-scenario.c: a policy scenario */
#define G_LOG_DOMAIN "cpl-scenario"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "cpl-json-private.h"
#include "cpl-scenario.h"

struct _CplScenario
{
  CplEntity   parent_instance;
  CplText    *description;
  char      **allowed_chips;
  char       *domestic_chip;
  JsonObject *ranges;       /* parameter → {low, mode, high}, validated */
};

G_DEFINE_FINAL_TYPE (CplScenario, cpl_scenario, CPL_TYPE_ENTITY)

#define REQ  CPL_FIELD_REQUIRED
#define INT  CPL_FIELD_INTEGER
#define GT   CPL_FIELD_MIN_EXCLUSIVE
#define LT   CPL_FIELD_MAX_EXCLUSIVE

/* Ranges and defaults of MODEL.md §5.  Where the model gives no bound, the
 * bound keeps the projection finite (growth above −100%, at most 1000% a
 * year) and the number plausible (PUE 1–5, power below $10/kWh). */
static const CplField scenario_fields[CPL_SCENARIO_N_FIELDS] = {
  { "start_year",                NULL, REQ | INT, 1900, 2200, 0 },
  { "years",                     NULL, REQ | INT, 1, 50, 0 },
  { "revenue_share",             NULL, 0, 0, 1, 0 },
  { "price_pass_through",        NULL, 0, 0, 1, 0 },
  { "license_approval_rate",     NULL, 0, 0, 1, 1 },
  { "demand_pflops",             NULL, REQ, 0, INFINITY, 0 },
  { "demand_growth",             NULL, GT, -1, 10, 0 },
  { "domestic_capacity_pflops",  NULL, REQ, 0, INFINITY, 0 },
  { "domestic_capacity_growth",  NULL, GT, -1, 10, 0 },
  { "domestic_installed_pflops", NULL, REQ | GT, 0, INFINITY, 0 },
  { "domestic_learning_rate",    NULL, LT, 0, 1, 0 },
  { "price_sensitivity",         NULL, 0, 0, 50, 1 },
  { "domestic_preference",       NULL, 0, -50, 50, 0 },
  { "electricity_usd_per_kwh",   NULL, 0, 0, 10, 0.08 },
  { "domestic_power_subsidy",    NULL, 0, 0, 1, 0 },
  { "pue",                       NULL, 0, 1, 5, 1.3 },
  { "utilization",               NULL, 0, 0, 1, 0.7 },
  { "amortization_years",        NULL, GT, 0, 50, 4 },
  { "capacity_spill",            NULL, 0, 0, 1, 1 },
  /* up to 2⁵³ − 1, the largest integer a JSON number keeps exactly */
  { "seed",                      NULL, INT, 0, 9007199254740991.0, 1 },
};

static const char * const scenario_keys[] = {
  "description", "notes", "allowed_chips", "domestic_chip", "ranges", NULL
};

static const char * const range_ends[] = { "low", "mode", "high" };

/* What is wrong with the range @v (low, mode, high) of @field: -1 when
 * nothing, 0–2 when that end is outside the field's range, 3 when they
 * are out of order; @problem says it. */
static int
range_problem (const CplField *field,
               const double    v[3],
               char          **problem)
{
  for (guint i = 0; i < 3; i++)
    if (!cpl_field_check (field, v[i], problem))
      return (int) i;
  if (!(v[0] <= v[1] && v[1] <= v[2]))
    {
      g_autofree char *low = cpl_format_number_c (v[0]);
      g_autofree char *mode = cpl_format_number_c (v[1]);
      g_autofree char *high = cpl_format_number_c (v[2]);

      /* Translators: the three numbers of a range; low, mode and high
       * are the file's keys, not translated */
      *problem = g_strdup_printf (_("low %s, mode %s, high %s are out of order; expected low ≤ mode ≤ high"),
                                  low, mode, high);
      return 3;
    }
  return -1;
}

static gboolean
cpl_scenario_load_ranges (CplScenario    *self,
                          JsonObject     *ranges,
                          CplLoadContext *ctx,
                          GError        **error)
{
  const char * const *ends = range_ends;
  g_autoptr(GList) members = json_object_get_members (ranges);
  gsize mark = cpl_load_push_key (ctx, "ranges");

  for (const GList *l = members; l != NULL; l = l->next)
    {
      const char *key = l->data;
      int index = cpl_entity_find_field (CPL_ENTITY (self), key);
      JsonNode *node = json_object_get_member (ranges, key);
      JsonObject *range;
      double v[3];

      /* kept with the ranges, as read */
      if (cpl_is_extension_key (key))
        continue;
      if (index < CPL_SCENARIO_REVENUE_SHARE || index == CPL_SCENARIO_SEED)
        {
          g_autofree char *shown = cpl_message_escape (key, CPL_MESSAGE_MAX_CHARS);

          cpl_load_fail_at (ctx, key, error, CPL_DATASET_ERROR_INVALID,
                            /* Translators: %s is a JSON key; demand_growth is one too */
                            _("\"%s\" cannot carry a range; expected a numeric scenario "
                              "parameter such as demand_growth"), shown);
          goto fail;
        }
      if (!JSON_NODE_HOLDS_OBJECT (node))
        {
          g_autofree char *shown = cpl_json_describe (node);
          cpl_load_fail_at (ctx, key, error, CPL_DATASET_ERROR_TYPE,
                            /* Translators: %s describes the value found, "the number 1.5";
                             * "low", "mode" and "high" are JSON keys, not translated */
                            _("%s; expected {\"low\", \"mode\", \"high\"}"), shown);
          goto fail;
        }
      range = json_node_get_object (node);
      for (guint i = 0; i < 3; i++)
        {
          JsonNode *end = json_object_get_member (range, ends[i]);

          if (!cpl_json_node_is_number (end))
            {
              g_autofree char *shown = cpl_json_describe (end);
              g_autofree char *where = g_strdup_printf ("%s.%s", key, ends[i]);

              cpl_load_fail_at (ctx, where, error,
                                end ? CPL_DATASET_ERROR_TYPE : CPL_DATASET_ERROR_MISSING,
                                /* Translators: %s describes the value found, "the string \"1\"" */
                                _("%s; expected a number"), shown);
              goto fail;
            }
          v[i] = json_node_get_double (end);
        }
      {
        g_autofree char *problem = NULL;
        int bad = range_problem (&scenario_fields[index], v, &problem);

        if (bad >= 0)
          {
            g_autofree char *where = bad < 3 ? g_strdup_printf ("%s.%s", key, ends[bad]) : g_strdup (key);

            cpl_load_fail_at (ctx, where, error, CPL_DATASET_ERROR_RANGE, "%s", problem);
            goto fail;
          }
      }
    }
  cpl_load_pop (ctx, mark);
  return TRUE;

fail:
  cpl_load_pop (ctx, mark);
  return FALSE;
}

static gboolean
cpl_scenario_load (CplEntity   *entity,
                   JsonObject  *object,
                   gpointer     ctx_pointer,
                   GError     **error)
{
  CplLoadContext *ctx = ctx_pointer;
  CplScenario *self = CPL_SCENARIO (entity);
  g_autoptr(GStrvBuilder) allowed = g_strv_builder_new ();
  const char *domestic;
  g_autoptr(JsonNode) kept = NULL;
  JsonArray *array;
  JsonNode *ranges;

  if (!cpl_json_get_text (ctx, object, "description", &self->description, error) ||
      !cpl_entity_load_notes (entity, object, ctx, error) ||
      !cpl_json_get_string (ctx, object, "domestic_chip", TRUE, &domestic, error))
    return FALSE;
  self->domestic_chip = g_strdup (domestic);

  array = cpl_json_get_array (ctx, object, "allowed_chips", FALSE, error);
  if (array == NULL && json_object_has_member (object, "allowed_chips"))
    return FALSE;
  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    {
      JsonNode *node = json_array_get_element (array, i);
      g_autofree char *key = g_strdup_printf ("allowed_chips[%u]", i);

      if (!cpl_json_node_is_string (node))
        {
          g_autofree char *shown = cpl_json_describe (node);
          return cpl_load_fail_at (ctx, key, error, CPL_DATASET_ERROR_TYPE,
                                   /* Translators: %s describes the value found, "the number 1.5" */
                                   _("%s; expected a chip id"), shown);
        }
      g_strv_builder_add (allowed, json_node_get_string (node));
    }
  g_strfreev (self->allowed_chips);
  self->allowed_chips = g_strv_builder_end (allowed);

  ranges = json_object_get_member (object, "ranges");
  if (ranges != NULL)
    {
      if (!JSON_NODE_HOLDS_OBJECT (ranges))
        {
          g_autofree char *shown = cpl_json_describe (ranges);
          return cpl_load_fail_at (ctx, "ranges", error, CPL_DATASET_ERROR_TYPE,
                                   /* Translators: %s describes the value found, "an array" */
                                   _("%s; expected an object from parameter to range"), shown);
        }
      if (!cpl_scenario_load_ranges (self, json_node_get_object (ranges), ctx, error))
        return FALSE;
      /* kept as read, apart from the file's tree (cpl_json_keep()) */
      kept = cpl_json_keep (ranges);
      self->ranges = json_object_ref (json_node_get_object (kept));
    }
  return TRUE;
}

static void
cpl_scenario_save (CplEntity  *entity,
                   JsonObject *object)
{
  CplScenario *self = CPL_SCENARIO (entity);
  JsonArray *allowed = json_array_new ();

  if (self->description != NULL)
    json_object_set_member (object, "description", cpl_text_to_json (self->description));
  cpl_entity_save_notes (entity, object);
  for (guint i = 0; self->allowed_chips[i] != NULL; i++)
    json_array_add_string_element (allowed, self->allowed_chips[i]);
  json_object_set_array_member (object, "allowed_chips", allowed);
  json_object_set_string_member (object, "domestic_chip", self->domestic_chip);
  if (self->ranges != NULL)
    {
      JsonNode *node = json_node_init_object (json_node_alloc (), self->ranges);
      json_object_set_member (object, "ranges", json_node_copy (node));
      json_node_unref (node);
    }
}

static void
cpl_scenario_finalize (GObject *object)
{
  CplScenario *self = CPL_SCENARIO (object);

  g_clear_pointer (&self->description, cpl_text_unref);
  g_strfreev (self->allowed_chips);
  g_free (self->domestic_chip);
  g_clear_pointer (&self->ranges, json_object_unref);
  G_OBJECT_CLASS (cpl_scenario_parent_class)->finalize (object);
}

/* π·s < 1 (MODEL.md §3), as for a sale line. */
static gboolean
cpl_scenario_check_number (CplEntity  *entity,
                           guint       index,
                           double      value,
                           char      **problem)
{
  CplScenario *self = CPL_SCENARIO (entity);
  double share = cpl_scenario_get (self, CPL_SCENARIO_REVENUE_SHARE);

  if (index == CPL_SCENARIO_PRICE_PASS_THROUGH)
    return cpl_check_pass_through (value, &share, 1, TRUE, problem);
  if (index == CPL_SCENARIO_REVENUE_SHARE)
    return cpl_check_pass_through (cpl_scenario_get (self, CPL_SCENARIO_PRICE_PASS_THROUGH), &value, 1, FALSE,
                                   problem);
  return TRUE;
}

static void
cpl_scenario_class_init (CplScenarioClass *klass)
{
  CplEntityClass *entity_class = CPL_ENTITY_CLASS (klass);

  G_OBJECT_CLASS (klass)->finalize = cpl_scenario_finalize;
  cpl_entity_class_install_fields (entity_class, scenario_fields, CPL_SCENARIO_N_FIELDS,
                                   scenario_keys);
  entity_class->load = cpl_scenario_load;
  entity_class->save = cpl_scenario_save;
  entity_class->check_number = cpl_scenario_check_number;
}

static void
cpl_scenario_init (CplScenario *self)
{
  self->allowed_chips = g_new0 (char *, 1);
}

/**
 * cpl_scenario_new:
 *
 * A new scenario: a five-year ban from 2026 with a modest market, every
 * other parameter at the default of MODEL.md §5, for the user to fill in.
 */
CplScenario *
cpl_scenario_new (const char *id,
                  const char *name,
                  const char *domestic_chip)
{
  CplScenario *self = g_object_new (CPL_TYPE_SCENARIO, "id", id, NULL);
  CplEntity *entity = CPL_ENTITY (self);

  cpl_text_set_current (cpl_entity_get_name_text (entity), name);
  self->domestic_chip = g_strdup (domestic_chip);
  cpl_entity_set_number (entity, CPL_SCENARIO_START_YEAR, 2026, NULL);
  cpl_entity_set_number (entity, CPL_SCENARIO_YEARS, 5, NULL);
  cpl_entity_set_number (entity, CPL_SCENARIO_DEMAND_PFLOPS, 1000000, NULL);
  cpl_entity_set_number (entity, CPL_SCENARIO_DOMESTIC_CAPACITY_PFLOPS, 500000, NULL);
  cpl_entity_set_number (entity, CPL_SCENARIO_DOMESTIC_INSTALLED_PFLOPS, 500000, NULL);
  return self;
}

double
cpl_scenario_get (CplScenario      *self,
                  CplScenarioField  field)
{
  return cpl_entity_get_number (CPL_ENTITY (self), field);
}

const char * const *
cpl_scenario_get_allowed_chips (CplScenario *self)
{
  g_return_val_if_fail (CPL_IS_SCENARIO (self), NULL);
  return (const char * const *) self->allowed_chips;
}

void
cpl_scenario_set_allowed_chips (CplScenario        *self,
                                const char * const *chip_ids)
{
  g_return_if_fail (CPL_IS_SCENARIO (self));
  cpl_entity_will_change (CPL_ENTITY (self));
  g_strfreev (self->allowed_chips);
  self->allowed_chips = chip_ids ? g_strdupv ((char **) chip_ids) : g_new0 (char *, 1);
  cpl_entity_emit_changed (CPL_ENTITY (self));
}

const char *
cpl_scenario_get_domestic_chip (CplScenario *self)
{
  g_return_val_if_fail (CPL_IS_SCENARIO (self), NULL);
  return self->domestic_chip;
}

void
cpl_scenario_set_domestic_chip (CplScenario *self,
                                const char  *chip_id)
{
  g_return_if_fail (CPL_IS_SCENARIO (self));
  if (g_strcmp0 (self->domestic_chip, chip_id) == 0)
    return;
  cpl_entity_will_change (CPL_ENTITY (self));
  cpl_set_str (&self->domestic_chip, chip_id);
  cpl_entity_emit_changed (CPL_ENTITY (self));
}

CplText *
cpl_scenario_get_description (CplScenario *self)
{
  g_return_val_if_fail (CPL_IS_SCENARIO (self), NULL);
  return self->description;
}

/* Returns: (nullable): parameter → {low, mode, high} for Monte Carlo. */
JsonObject *
cpl_scenario_get_ranges (CplScenario *self)
{
  g_return_val_if_fail (CPL_IS_SCENARIO (self), NULL);
  return self->ranges;
}

/**
 * cpl_scenario_get_range:
 * @key: a numeric parameter, "revenue_share"
 * @range: (out) (array fixed-size=3) (optional): its low, mode and high
 *
 * Returns: whether the parameter carries a range
 */
gboolean
cpl_scenario_get_range (CplScenario *self,
                        const char  *key,
                        double      *range)
{
  JsonObject *object;

  g_return_val_if_fail (CPL_IS_SCENARIO (self), FALSE);
  g_return_val_if_fail (key != NULL, FALSE);

  if (self->ranges == NULL || !json_object_has_member (self->ranges, key)
      || cpl_is_extension_key (key))
    return FALSE;
  object = json_object_get_object_member (self->ranges, key);
  for (guint i = 0; range != NULL && i < 3; i++)
    range[i] = json_object_get_double_member (object, range_ends[i]);
  return TRUE;
}

/**
 * cpl_scenario_set_range:
 * @key: a numeric parameter from revenue_share on, "demand_growth"
 * @range: (array fixed-size=3) (nullable): low, mode and high, in the
 *   file's units; %NULL removes the range
 *
 * Gives the parameter a triangular range (MODEL.md §6), checked as a file's
 * is: each end within the parameter's range, low ≤ mode ≤ high.  The
 * ranges object is replaced, never changed in place, so an undo step that
 * holds the old one keeps it.
 *
 * Returns: %FALSE (with @error) when the range is refused; the scenario
 *   is then unchanged.
 */
gboolean
cpl_scenario_set_range (CplScenario   *self,
                        const char    *key,
                        const double  *range,
                        GError       **error)
{
  int index;
  g_autoptr(JsonObject) ranges = json_object_new ();

  g_return_val_if_fail (CPL_IS_SCENARIO (self), FALSE);
  g_return_val_if_fail (key != NULL, FALSE);

  index = cpl_entity_find_field (CPL_ENTITY (self), key);
  if (index < CPL_SCENARIO_REVENUE_SHARE)
    {
      g_autofree char *shown = cpl_message_escape (key, CPL_MESSAGE_MAX_CHARS);

      g_set_error (error, CPL_DATASET_ERROR, CPL_DATASET_ERROR_INVALID,
                   _("\"%s\" cannot carry a range; expected a numeric scenario "
                     "parameter such as demand_growth"), shown);
      return FALSE;
    }
  if (range != NULL)
    {
      g_autofree char *problem = NULL;
      int bad = range_problem (&scenario_fields[index], range, &problem);

      if (bad >= 0)
        {
          g_set_error (error, CPL_DATASET_ERROR, CPL_DATASET_ERROR_RANGE, "%s: %s: %s",
                       cpl_entity_get_id (CPL_ENTITY (self)), key, problem);
          return FALSE;
        }
    }
  else if (!cpl_scenario_get_range (self, key, NULL))
    return TRUE;

  /* a new object: the old one may be shared with an undo step */
  if (self->ranges != NULL)
    {
      g_autoptr(GList) members = json_object_get_members (self->ranges);

      for (const GList *l = members; l != NULL; l = l->next)
        if (!g_str_equal (l->data, key))
          json_object_set_member (ranges, l->data, json_node_copy (json_object_get_member (self->ranges, l->data)));
    }
  if (range != NULL)
    {
      JsonObject *triangle = json_object_new ();

      for (guint i = 0; i < 3; i++)
        json_object_set_double_member (triangle, range_ends[i], range[i]);
      json_object_set_object_member (ranges, key, triangle);
    }
  cpl_entity_will_change (CPL_ENTITY (self));
  g_clear_pointer (&self->ranges, json_object_unref);
  if (json_object_get_size (ranges) > 0)
    self->ranges = g_steal_pointer (&ranges);
  cpl_entity_emit_changed (CPL_ENTITY (self));
  return TRUE;
}
