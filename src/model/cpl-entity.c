/* cpl-entity.c: the base of every dataset entry */
#define G_LOG_DOMAIN "cpl-entity"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "cpl-entity.h"
#include "cpl-format.h"
#include "cpl-json-private.h"

typedef struct
{
  char       *id;
  CplText    *name;
  CplText    *notes;        /* where the figures come from, or NULL */
  double     *values;
  JsonObject *extra;
  JsonObject *group_extra;  /* group → its "x-" members, kept as read */
  char       *origin;
  JsonObject *snapshot;     /* cpl_entity_to_json() as of the last change, or NULL */
  JsonObject *previous;     /* while CplEntity::changed is emitted: the state before, or NULL */
} CplEntityPrivate;

G_DEFINE_ABSTRACT_TYPE_WITH_PRIVATE (CplEntity, cpl_entity, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_NAME,
  N_PROPS
};

enum {
  CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* Field properties are installed on the subclass, with ids 1 … n_fields;
 * the subclass's get/set_property are these two. */
static void
cpl_entity_field_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  CplEntity *self = CPL_ENTITY (object);

  if (prop_id >= 1 && prop_id <= CPL_ENTITY_GET_CLASS (self)->n_fields)
    g_value_set_double (value, cpl_entity_get_number (self, prop_id - 1));
  else
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
cpl_entity_field_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  CplEntity *self = CPL_ENTITY (object);
  g_autoptr(GError) error = NULL;

  if (prop_id < 1 || prop_id > CPL_ENTITY_GET_CLASS (self)->n_fields)
    {
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
      return;
    }
  if (!cpl_entity_set_number (self, prop_id - 1, g_value_get_double (value), &error))
    g_warning ("%s", error->message);
}

void
cpl_entity_class_install_fields (CplEntityClass     *klass,
                                 const CplField     *fields,
                                 guint               n_fields,
                                 const char * const *keys)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  klass->fields = fields;
  klass->n_fields = n_fields;
  klass->keys = keys;
  object_class->get_property = cpl_entity_field_get_property;
  object_class->set_property = cpl_entity_field_set_property;

  for (guint i = 0; i < n_fields; i++)
    {
      const CplField *field = &fields[i];

      /* Unknown values are NaN, so the spec's own range is open; the
       * field's range is checked by cpl_entity_set_number().  The name is
       * the JSON key, which has '_', so GObject keeps a canonical copy. */
      g_object_class_install_property (object_class, i + 1,
        g_param_spec_double (field->key, NULL, NULL,
                             -INFINITY, INFINITY,
                             (field->flags & (CPL_FIELD_OPTIONAL | CPL_FIELD_REQUIRED))
                               ? 0 : field->default_value,
                             G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY |
                             G_PARAM_STATIC_NICK | G_PARAM_STATIC_BLURB));
    }
}

static void
cpl_entity_constructed (GObject *object)
{
  CplEntity *self = CPL_ENTITY (object);
  CplEntityPrivate *priv = cpl_entity_get_instance_private (self);
  CplEntityClass *klass = CPL_ENTITY_GET_CLASS (self);

  G_OBJECT_CLASS (cpl_entity_parent_class)->constructed (object);

  priv->values = g_new (double, MAX (klass->n_fields, 1));
  for (guint i = 0; i < klass->n_fields; i++)
    {
      const CplField *field = &klass->fields[i];
      priv->values[i] = (field->flags & (CPL_FIELD_OPTIONAL | CPL_FIELD_REQUIRED))
                          ? NAN : field->default_value;
    }
}

static void
cpl_entity_finalize (GObject *object)
{
  CplEntity *self = CPL_ENTITY (object);
  CplEntityPrivate *priv = cpl_entity_get_instance_private (self);

  g_clear_pointer (&priv->id, g_free);
  g_clear_pointer (&priv->name, cpl_text_unref);
  g_clear_pointer (&priv->notes, cpl_text_unref);
  g_clear_pointer (&priv->values, g_free);
  g_clear_pointer (&priv->extra, json_object_unref);
  g_clear_pointer (&priv->group_extra, json_object_unref);
  g_clear_pointer (&priv->origin, g_free);
  g_clear_pointer (&priv->snapshot, json_object_unref);
  g_clear_pointer (&priv->previous, json_object_unref);

  G_OBJECT_CLASS (cpl_entity_parent_class)->finalize (object);
}

static void
cpl_entity_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  CplEntity *self = CPL_ENTITY (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, cpl_entity_get_id (self));
      break;
    case PROP_NAME:
      g_value_set_string (value, cpl_entity_get_name (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cpl_entity_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  CplEntity *self = CPL_ENTITY (object);

  switch (prop_id)
    {
    case PROP_ID:
      cpl_entity_set_id (self, g_value_get_string (value));
      break;
    case PROP_NAME:
      cpl_entity_set_name (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cpl_entity_notify (GObject    *object,
                   GParamSpec *pspec)
{
  if (G_OBJECT_CLASS (cpl_entity_parent_class)->notify)
    G_OBJECT_CLASS (cpl_entity_parent_class)->notify (object, pspec);
  cpl_entity_emit_changed (CPL_ENTITY (object));
}

static void
cpl_entity_class_init (CplEntityClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = cpl_entity_constructed;
  object_class->finalize = cpl_entity_finalize;
  object_class->get_property = cpl_entity_get_property;
  object_class->set_property = cpl_entity_set_property;
  object_class->notify = cpl_entity_notify;

  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * CplEntity::changed:
   *
   * Emitted after any edit of the entry: a property or anything else the
   * subclass holds (a list of allowed chips, a rule's clauses).
   */
  signals[CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
cpl_entity_init (CplEntity *self)
{
  CplEntityPrivate *priv = cpl_entity_get_instance_private (self);

  priv->name = cpl_text_new ("");
  /* extra and group_extra are made when a file gives members the model
   * does not know: most entries have none */
}

const char *
cpl_entity_get_id (CplEntity *self)
{
  CplEntityPrivate *priv = cpl_entity_get_instance_private (self);

  g_return_val_if_fail (CPL_IS_ENTITY (self), NULL);
  return priv->id;
}

void
cpl_entity_set_id (CplEntity  *self,
                   const char *id)
{
  CplEntityPrivate *priv = cpl_entity_get_instance_private (self);

  g_return_if_fail (CPL_IS_ENTITY (self));
  if (g_strcmp0 (priv->id, id) == 0)
    return;
  cpl_entity_will_change (self);
  cpl_set_str (&priv->id, id);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
}

const char *
cpl_entity_get_name (CplEntity *self)
{
  CplEntityPrivate *priv = cpl_entity_get_instance_private (self);

  g_return_val_if_fail (CPL_IS_ENTITY (self), NULL);
  return cpl_text_get (priv->name);
}

CplText *
cpl_entity_get_name_text (CplEntity *self)
{
  CplEntityPrivate *priv = cpl_entity_get_instance_private (self);

  g_return_val_if_fail (CPL_IS_ENTITY (self), NULL);
  return priv->name;
}

/* Renames the entry in the language the user reads it in. */
void
cpl_entity_set_name (CplEntity  *self,
                     const char *name)
{
  CplEntityPrivate *priv = cpl_entity_get_instance_private (self);

  g_return_if_fail (CPL_IS_ENTITY (self));
  if (g_strcmp0 (cpl_text_get (priv->name), name) == 0)
    return;
  cpl_entity_will_change (self);
  cpl_text_set_current (priv->name, name);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NAME]);
}

/* Where the entry was read from ("file.json: chips[3]"), for messages. */
const char *
cpl_entity_get_origin (CplEntity *self)
{
  CplEntityPrivate *priv = cpl_entity_get_instance_private (self);

  return priv->origin;
}

void
cpl_entity_set_origin (CplEntity  *self,
                       const char *origin)
{
  CplEntityPrivate *priv = cpl_entity_get_instance_private (self);

  cpl_set_str (&priv->origin, origin);
}

const CplField *
cpl_entity_get_field (CplEntity *self,
                      guint      index)
{
  CplEntityClass *klass = CPL_ENTITY_GET_CLASS (self);

  g_return_val_if_fail (index < klass->n_fields, NULL);
  return &klass->fields[index];
}

/* How many numeric fields @self's class has (cpl_entity_get_field()). */
guint
cpl_entity_get_n_fields (CplEntity *self)
{
  g_return_val_if_fail (CPL_IS_ENTITY (self), 0);
  return CPL_ENTITY_GET_CLASS (self)->n_fields;
}

int
cpl_entity_find_field (CplEntity  *self,
                       const char *key)
{
  CplEntityClass *klass = CPL_ENTITY_GET_CLASS (self);

  for (guint i = 0; i < klass->n_fields; i++)
    if (g_str_equal (klass->fields[i].key, key))
      return i;
  return -1;
}

double
cpl_entity_get_number (CplEntity *self,
                       guint      index)
{
  CplEntityPrivate *priv = cpl_entity_get_instance_private (self);

  g_return_val_if_fail (index < CPL_ENTITY_GET_CLASS (self)->n_fields, NAN);
  return priv->values[index];
}

/**
 * cpl_entity_get_numbers:
 *
 * Returns: (transfer none): every numeric field, by index (NaN where
 *   unset), to read many at once without a type check for each
 */
const double *
cpl_entity_get_numbers (CplEntity *self)
{
  CplEntityPrivate *priv = cpl_entity_get_instance_private (self);

  g_return_val_if_fail (CPL_IS_ENTITY (self), NULL);
  return priv->values;
}

/* What a field expects, "a number from 0 to 1", as one phrase per shape
 * of range, so that a translation can order it as its language does; the
 * comparison signs and the bounds are arguments, never translated. */
static char *
cpl_field_describe_range (const CplField *field)
{
  gboolean whole = (field->flags & CPL_FIELD_INTEGER) != 0;
  g_autofree char *min = cpl_format_number_c (field->min);
  g_autofree char *max = cpl_format_number_c (field->max);
  const char *min_sign = (field->flags & CPL_FIELD_MIN_EXCLUSIVE) ? ">" : "≥";
  const char *max_sign = (field->flags & CPL_FIELD_MAX_EXCLUSIVE) ? "<" : "≤";
  gboolean has_min = isfinite (field->min);
  gboolean has_max = isfinite (field->max);
  gboolean closed = (field->flags & (CPL_FIELD_MIN_EXCLUSIVE | CPL_FIELD_MAX_EXCLUSIVE)) == 0;

  if (has_min && has_max && closed)
    return g_strdup_printf (whole
                            /* Translators: what a field expects, "a whole number from 1 to 50" */
                            ? _("a whole number from %s to %s")
                            /* Translators: what a field expects, "a number from 0 to 1" */
                            : _("a number from %s to %s"),
                            min, max);
  if (has_min && has_max)
    return g_strdup_printf (whole
                            /* Translators: what a field expects, "a whole number ≥ 0
                             * and < 10": %1$s and %3$s are signs (≥ >, ≤ <), %2$s and
                             * %4$s the bounds */
                            ? _("a whole number %s %s and %s %s")
                            /* Translators: what a field expects, "a number ≥ 0 and <
                             * 1": %1$s and %3$s are signs (≥ >, ≤ <), %2$s and %4$s
                             * the bounds */
                            : _("a number %s %s and %s %s"),
                            min_sign, min, max_sign, max);
  if (has_min || has_max)
    return g_strdup_printf (whole
                            /* Translators: what a field expects, "a whole number ≥ 1":
                             * %1$s is a sign (≥ > ≤ <), %2$s the bound */
                            ? _("a whole number %s %s")
                            /* Translators: what a field expects, "a number > 0": %1$s
                             * is a sign (≥ > ≤ <), %2$s the bound */
                            : _("a number %s %s"),
                            has_min ? min_sign : max_sign, has_min ? min : max);
  return g_strdup (whole
                   /* Translators: what a field with no bounds expects */
                   ? _("a finite whole number")
                   /* Translators: what a field with no bounds expects */
                   : _("a finite number"));
}

/**
 * cpl_field_check:
 * @problem: (out) (optional): "the number 1.5 is out of range; expected …"
 *
 * Returns: whether @value is finite and in the field's range.
 */
gboolean
cpl_field_check (const CplField *field,
                 double          value,
                 char          **problem)
{
  gboolean ok = isfinite (value);
  g_autofree char *shown = NULL;
  g_autofree char *expected = NULL;

  if (ok && (field->flags & CPL_FIELD_INTEGER) && value != floor (value))
    ok = FALSE;
  if (ok && (value < field->min || ((field->flags & CPL_FIELD_MIN_EXCLUSIVE) && value == field->min)))
    ok = FALSE;
  if (ok && (value > field->max || ((field->flags & CPL_FIELD_MAX_EXCLUSIVE) && value == field->max)))
    ok = FALSE;
  if (ok || problem == NULL)
    return ok;

  shown = cpl_format_number_c (value);
  expected = cpl_field_describe_range (field);
  if (!isfinite (value))
    /* Translators: %1$s is a number ("Infinity"), %2$s what the field
     * expects, "a number ≥ 0" */
    *problem = g_strdup_printf (_("the number %s is not finite; expected %s"), shown, expected);
  else
    /* Translators: %1$s is a number, %2$s what the field expects, "a
     * number from 0 to 1" */
    *problem = g_strdup_printf (_("the number %s is out of range; expected %s"), shown, expected);
  return FALSE;
}

/**
 * cpl_entity_check_number:
 * @index: a field
 * @value: in its range
 * @problem: (out) (optional): why @value may not stand there, when so
 *
 * Whether @value may stand in field @index beside the entity's other
 * values: a sale line's price pass-through times its share must stay
 * under 1 (MODEL.md §3; a file with π·s = 1 does not load).
 */
gboolean
cpl_entity_check_number (CplEntity  *self,
                         guint       index,
                         double      value,
                         char      **problem)
{
  CplEntityClass *klass;

  g_return_val_if_fail (CPL_IS_ENTITY (self), FALSE);
  klass = CPL_ENTITY_GET_CLASS (self);
  return klass->check_number == NULL || isnan (value) || klass->check_number (self, index, value, problem);
}

/**
 * cpl_check_pass_through:
 * @pass_through: a price pass-through π
 * @shares: (array length=n_shares): the shares it applies to (NAN: none)
 * @setting_pass_through: whether π is what is being set (else a share)
 * @problem: (out) (optional): why not, when so
 *
 * Whether π·s stays under 1 for every share s (MODEL.md §3): at 1 the
 * buyer price p / (1 − π·s) is infinite, and a file that says so does
 * not load.  For the check_number of the classes that have both.
 */
gboolean
cpl_check_pass_through (double        pass_through,
                        const double *shares,
                        guint         n_shares,
                        gboolean      setting_pass_through,
                        char        **problem)
{
  for (guint i = 0; i < n_shares; i++)
    if (!isnan (shares[i]) && pass_through * shares[i] >= 1)
      {
        if (problem == NULL)
          return FALSE;
        if (setting_pass_through)
          {
            g_autofree char *share = cpl_format_percent (shares[i], 0);

            /* Translators: why a price pass-through is refused; %s is
             * the line's share rate, "100%" */
            *problem = g_strdup_printf (_("all of a %s share passed on would make the buyer price infinite; "
                                          "enter less than 100%%"), share);
          }
        else
          /* Translators: why a share rate is refused when the whole share
           * is passed on to the buyer (not a format: "100% share" is text) */
          /* xgettext:no-c-format */
          *problem = g_strdup (_("a 100% share passed on in full would make the buyer price infinite; "
                                 "enter less than 100% or lower the price pass-through"));
        return FALSE;
      }
  return TRUE;
}

/**
 * cpl_entity_set_number:
 * @value: the new value; NaN makes an optional field unknown
 *
 * Returns: %FALSE (with @error) when @value is outside the field's range,
 *   or may not stand beside the entity's other values
 *   (cpl_entity_check_number()); the entity is then unchanged.
 */
gboolean
cpl_entity_set_number (CplEntity *self,
                       guint      index,
                       double     value,
                       GError   **error)
{
  CplEntityPrivate *priv = cpl_entity_get_instance_private (self);
  const CplField *field;
  g_autofree char *problem = NULL;

  g_return_val_if_fail (CPL_IS_ENTITY (self), FALSE);
  field = cpl_entity_get_field (self, index);
  g_return_val_if_fail (field != NULL, FALSE);

  if (!(isnan (value) && (field->flags & CPL_FIELD_OPTIONAL)) &&
      (!cpl_field_check (field, value, &problem) || !cpl_entity_check_number (self, index, value, &problem)))
    {
      g_set_error (error, CPL_DATASET_ERROR, CPL_DATASET_ERROR_RANGE,
                   "%s: %s: %s", priv->id ? priv->id : "?", field->key, problem);
      return FALSE;
    }
  if (priv->values[index] == value || (isnan (value) && isnan (priv->values[index])))
    return TRUE;
  cpl_entity_will_change (self);
  priv->values[index] = value;
  g_object_notify (G_OBJECT (self), field->key);
  return TRUE;
}

/* The members the file gave that the model does not know, or NULL when
 * there are none. */
JsonObject *
cpl_entity_get_extra (CplEntity *self)
{
  CplEntityPrivate *priv = cpl_entity_get_instance_private (self);

  return priv->extra;
}

/**
 * cpl_entity_will_change:
 *
 * To be called by whatever changes what the entry holds, before it does:
 * when anyone listens to the entry (the dataset that holds it, and so the
 * history), the state before the change is kept for CplEntity::changed's
 * handlers (cpl_entity_get_previous_snapshot()).  An entry no one listens
 * to (one being built, or loaded) keeps nothing.
 */
void
cpl_entity_will_change (CplEntity *self)
{
  CplEntityPrivate *priv = cpl_entity_get_instance_private (self);

  if (priv->snapshot == NULL && g_signal_has_handler_pending (self, signals[CHANGED], 0, TRUE))
    priv->snapshot = cpl_entity_to_json (self);
}

/* Notes ------------------------------------------------------------------
 *
 * A chip's, a scenario's and a sale line's "notes": where its figures come
 * from.  The entity keeps them; the subclass reads and writes the key
 * where its files have it (cpl_entity_load_notes(), cpl_entity_save_notes()).
 */

/* Reads @object's "notes" (a text, or absent). */
gboolean
cpl_entity_load_notes (CplEntity   *self,
                       JsonObject  *object,
                       gpointer     ctx,
                       GError     **error)
{
  CplEntityPrivate *priv = cpl_entity_get_instance_private (self);

  return cpl_json_get_text (ctx, object, "notes", &priv->notes, error);
}

/* Writes the notes into @object as "notes", when there are any. */
void
cpl_entity_save_notes (CplEntity  *self,
                       JsonObject *object)
{
  CplEntityPrivate *priv = cpl_entity_get_instance_private (self);

  if (priv->notes != NULL)
    json_object_set_member (object, "notes", cpl_text_to_json (priv->notes));
}

/**
 * cpl_entity_get_notes:
 *
 * Returns: (transfer none) (nullable): where the entry's figures come
 *   from, or %NULL when it has no notes
 */
CplText *
cpl_entity_get_notes (CplEntity *self)
{
  CplEntityPrivate *priv = cpl_entity_get_instance_private (self);

  g_return_val_if_fail (CPL_IS_ENTITY (self), NULL);
  return priv->notes;
}

/**
 * cpl_entity_set_notes:
 * @notes: (nullable): the notes in every language, or %NULL for none
 *
 * Replaces the notes, as one change of @self.
 */
void
cpl_entity_set_notes (CplEntity *self,
                      CplText   *notes)
{
  CplEntityPrivate *priv = cpl_entity_get_instance_private (self);

  g_return_if_fail (CPL_IS_ENTITY (self));
  cpl_entity_will_change (self);
  g_clear_pointer (&priv->notes, cpl_text_unref);
  priv->notes = notes != NULL ? cpl_text_ref (notes) : NULL;
  cpl_entity_emit_changed (self);
}

/**
 * cpl_entity_edit_notes:
 * @value: (nullable): what the user reads there now, as typed
 *
 * Sets the notes in the user's language (cpl_text_edit_current()), as one
 * change of @self; nothing when they read so already.
 */
void
cpl_entity_edit_notes (CplEntity  *self,
                       const char *value)
{
  CplEntityPrivate *priv = cpl_entity_get_instance_private (self);

  g_return_if_fail (CPL_IS_ENTITY (self));
  if (g_strcmp0 (priv->notes != NULL ? cpl_text_get (priv->notes) : "", value != NULL ? value : "") == 0)
    return;
  cpl_entity_will_change (self);
  cpl_text_edit_current (&priv->notes, value);
  cpl_entity_emit_changed (self);
}

/* The entry has changed: its snapshot, of the state before, is the
 * previous one while the handlers run; they see the new state. */
void
cpl_entity_emit_changed (CplEntity *self)
{
  CplEntityPrivate *priv = cpl_entity_get_instance_private (self);
  JsonObject *outer = priv->previous;  /* a change made by a handler of another */

  priv->previous = g_steal_pointer (&priv->snapshot);
  g_signal_emit (self, signals[CHANGED], 0);
  g_clear_pointer (&priv->previous, json_object_unref);
  priv->previous = outer;
}

/**
 * cpl_entity_get_previous_snapshot:
 *
 * While CplEntity::changed is emitted: the entry as cpl_entity_to_json()
 * gave it before the change, kept by cpl_entity_will_change() (or the
 * snapshot made since the change before).
 *
 * Returns: (transfer none) (nullable): the state before, or %NULL when
 *   no one listened when the change began
 */
JsonObject *
cpl_entity_get_previous_snapshot (CplEntity *self)
{
  CplEntityPrivate *priv = cpl_entity_get_instance_private (self);

  g_return_val_if_fail (CPL_IS_ENTITY (self), NULL);
  return priv->previous;
}

static gboolean
cpl_entity_is_known_key (CplEntityClass *klass,
                         const char     *key)
{
  if (g_str_equal (key, "id") || g_str_equal (key, "name"))
    return TRUE;
  for (guint i = 0; i < klass->n_fields; i++)
    if (g_str_equal (klass->fields[i].group ? klass->fields[i].group : klass->fields[i].key, key))
      return TRUE;
  return klass->keys != NULL && g_strv_contains (klass->keys, key);
}

static gboolean
cpl_entity_load_number (CplEntity      *self,
                        guint           index,
                        JsonNode       *node,
                        CplLoadContext *ctx,
                        GError        **error)
{
  CplEntityPrivate *priv = cpl_entity_get_instance_private (self);
  const CplField *field = &CPL_ENTITY_GET_CLASS (self)->fields[index];
  g_autofree char *problem = NULL;
  double value;

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    {
      if (field->flags & CPL_FIELD_REQUIRED)
        return cpl_load_fail_at (ctx, field->key, error, CPL_DATASET_ERROR_MISSING,
                                 /* Translators: %s is what the field expects, "a number ≥ 0" */
                                 _("missing; expected %s"),
                                 (problem = cpl_field_describe_range (field)));
      return TRUE;
    }
  if (!cpl_json_node_is_number (node))
    {
      g_autofree char *shown = cpl_json_describe (node);
      return cpl_load_fail_at (ctx, field->key, error, CPL_DATASET_ERROR_TYPE,
                               /* Translators: %1$s describes the value found, "the string \"1\"",
                                * %2$s what the field expects, "a number ≥ 0" */
                               _("%s; expected %s"), shown,
                               (problem = cpl_field_describe_range (field)));
    }
  value = json_node_get_double (node);
  if (!cpl_field_check (field, value, &problem))
    return cpl_load_fail_at (ctx, field->key, error, CPL_DATASET_ERROR_RANGE, "%s", problem);
  priv->values[index] = value;
  return TRUE;
}

static gboolean
cpl_entity_load_group (CplEntity      *self,
                       JsonObject     *object,
                       const char     *group,
                       CplLoadContext *ctx,
                       GError        **error)
{
  CplEntityClass *klass = CPL_ENTITY_GET_CLASS (self);
  JsonNode *node = json_object_get_member (object, group);
  JsonObjectIter iter;
  const char *key;
  JsonNode *value;
  JsonObject *inner;
  gsize mark;

  if (node == NULL)
    return TRUE;
  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      g_autofree char *shown = cpl_json_describe (node);
      return cpl_load_fail_at (ctx, group, error, CPL_DATASET_ERROR_TYPE,
                               /* Translators: %s describes the value found, "the number 1.5" */
                               _("%s; expected an object"), shown);
    }

  inner = json_node_get_object (node);
  mark = cpl_load_push_key (ctx, group);
  json_object_iter_init_ordered (&iter, inner);
  while (json_object_iter_next_ordered (&iter, &key, &value))
    {
      int index = cpl_entity_find_field (self, key);

      if (cpl_is_extension_key (key))
        {
          CplEntityPrivate *priv = cpl_entity_get_instance_private (self);

          if (priv->group_extra == NULL)
            priv->group_extra = json_object_new ();
          if (!json_object_has_member (priv->group_extra, group))
            json_object_set_object_member (priv->group_extra, group, json_object_new ());
          json_object_set_member (json_object_get_object_member (priv->group_extra, group), key,
                                  cpl_json_keep (value));
          continue;
        }
      if (index < 0 || g_strcmp0 (klass->fields[index].group, group) != 0)
        {
          g_autofree char *shown = cpl_message_escape (key, CPL_MESSAGE_MAX_CHARS);
          g_autoptr(GString) keys = g_string_new (NULL);

          for (guint i = 0; i < klass->n_fields; i++)
            if (g_strcmp0 (klass->fields[i].group, group) == 0)
              g_string_append_printf (keys, "%s%s", keys->len ? " " : "", klass->fields[i].key);
          cpl_load_fail_at (ctx, key, error, CPL_DATASET_ERROR_INVALID,
                            /* Translators: %1$s is a key the file gives, %2$s the keys
                             * allowed there, separated by spaces */
                            _("unknown key \"%s\"; expected one of %s"), shown, keys->str);
          cpl_load_pop (ctx, mark);
          return FALSE;
        }
      if (!cpl_entity_load_number (self, index, value, ctx, error))
        {
          cpl_load_pop (ctx, mark);
          return FALSE;
        }
    }
  cpl_load_pop (ctx, mark);
  return TRUE;
}

/**
 * cpl_entity_new_from_json:
 * @ctx: a CplLoadContext whose path points at @object
 *
 * Returns: (transfer full) (nullable): the entry, or %NULL with @error set.
 */
CplEntity *
cpl_entity_new_from_json (GType        type,
                          JsonObject  *object,
                          gpointer     ctx_pointer,
                          GError     **error)
{
  CplLoadContext *ctx = ctx_pointer;
  g_autoptr(CplEntity) self = g_object_new (type, NULL);
  CplEntityPrivate *priv = cpl_entity_get_instance_private (self);
  CplEntityClass *klass = CPL_ENTITY_GET_CLASS (self);
  JsonObjectIter iter;
  const char *key;
  JsonNode *value;
  const char *id;
  JsonNode *name;

  if (!cpl_json_check_id (ctx, object, &id, error))
    return NULL;
  priv->id = g_strdup (id);

  name = json_object_get_member (object, "name");
  if (name != NULL)
    {
      GError *inner = NULL;
      CplText *text = cpl_text_from_json (name, &inner);

      if (text == NULL)
        {
          cpl_load_wrap (ctx, "name", error, inner);
          return NULL;
        }
      cpl_text_unref (priv->name);
      priv->name = text;
    }
  else
    {
      cpl_text_unref (priv->name);
      priv->name = cpl_text_new (id);
    }

  for (guint i = 0; i < klass->n_fields; i++)
    {
      const CplField *field = &klass->fields[i];

      if (field->group != NULL)
        continue;
      if (!cpl_entity_load_number (self, i, json_object_get_member (object, field->key), ctx, error))
        return NULL;
    }
  for (guint i = 0; i < klass->n_fields; i++)
    {
      const CplField *field = &klass->fields[i];

      /* each group once, at its first field */
      if (field->group == NULL)
        continue;
      if (i > 0 && g_strcmp0 (klass->fields[i - 1].group, field->group) == 0)
        continue;
      if (!cpl_entity_load_group (self, object, field->group, ctx, error))
        return NULL;
    }

  if (klass->load != NULL && !klass->load (self, object, ctx, error))
    return NULL;

  json_object_iter_init_ordered (&iter, object);
  while (json_object_iter_next_ordered (&iter, &key, &value))
    if (!cpl_entity_is_known_key (klass, key))
      {
        if (priv->extra == NULL)
          priv->extra = json_object_new ();
        json_object_set_member (priv->extra, key, cpl_json_keep (value));
      }

  priv->origin = g_strdup_printf ("%s: %s", ctx->file, ctx->path->str);
  return g_steal_pointer (&self);
}

static void
cpl_set_number_member (JsonObject *object,
                       const char *key,
                       double      value)
{
  if (value == floor (value) && fabs (value) < 9e15)
    json_object_set_int_member (object, key, (gint64) value);
  else
    json_object_set_double_member (object, key, value);
}

/**
 * cpl_entity_to_json:
 *
 * Returns: (transfer full): the entry as the file format writes it, with
 *   the members the model did not know at the end.
 */
/**
 * cpl_entity_dup_snapshot:
 *
 * The entry as cpl_entity_to_json() gives it, made once per state: the
 * same object until the entry changes (CplEntity::changed), when it
 * becomes the previous snapshot.  Not to be modified.
 *
 * Returns: (transfer full): a reference to the snapshot
 */
JsonObject *
cpl_entity_dup_snapshot (CplEntity *self)
{
  CplEntityPrivate *priv = cpl_entity_get_instance_private (self);

  g_return_val_if_fail (CPL_IS_ENTITY (self), NULL);

  if (priv->snapshot == NULL)
    priv->snapshot = cpl_entity_to_json (self);
  return json_object_ref (priv->snapshot);
}

JsonObject *
cpl_entity_to_json (CplEntity *self)
{
  CplEntityPrivate *priv = cpl_entity_get_instance_private (self);
  CplEntityClass *klass = CPL_ENTITY_GET_CLASS (self);
  JsonObject *object = json_object_new ();
  g_autoptr(GList) extra = NULL;

  json_object_set_string_member (object, "id", priv->id);
  json_object_set_member (object, "name", cpl_text_to_json (priv->name));

  for (guint i = 0; i < klass->n_fields; i++)
    {
      const CplField *field = &klass->fields[i];
      JsonObject *target = object;

      if (isnan (priv->values[i]))
        continue;
      if (field->group != NULL)
        {
          if (!json_object_has_member (object, field->group))
            {
              JsonObject *group = json_object_new ();
              json_object_set_object_member (object, field->group, group);
            }
          target = json_object_get_object_member (object, field->group);
        }
      cpl_set_number_member (target, field->key, priv->values[i]);
    }

  extra = priv->group_extra != NULL ? json_object_get_members (priv->group_extra) : NULL;
  for (const GList *l = extra; l != NULL; l = l->next)
    {
      if (!json_object_has_member (object, l->data))
        json_object_set_object_member (object, l->data, json_object_new ());
      cpl_json_object_merge (json_object_get_object_member (object, l->data),
                             json_object_get_object_member (priv->group_extra, l->data));
    }
  g_clear_pointer (&extra, g_list_free);

  if (klass->save != NULL)
    klass->save (self, object);

  if (priv->extra != NULL)
    cpl_json_object_merge (object, priv->extra);
  return object;
}

/* Exchanges what two entries of one type hold, except where they were
 * read from.  Every subclass's instance structure holds only values the
 * instance owns (strings, arrays, CplText, JsonObject), never a pointer
 * back to the instance or a signal connection, so exchanging its bytes
 * exchanges ownership. */
#define SWAP(type, a, b) G_STMT_START { type swap_ = (a); (a) = (b); (b) = swap_; } G_STMT_END

static void
cpl_entity_swap_state (CplEntity *self,
                       CplEntity *other)
{
  CplEntityPrivate *a = cpl_entity_get_instance_private (self);
  CplEntityPrivate *b = cpl_entity_get_instance_private (other);
  guint8 *x = (guint8 *) self + sizeof (CplEntity);
  guint8 *y = (guint8 *) other + sizeof (CplEntity);
  GTypeQuery query;

  g_assert (G_OBJECT_TYPE (self) == G_OBJECT_TYPE (other));
  g_type_query (G_OBJECT_TYPE (self), &query);
  for (gsize i = 0; i < query.instance_size - sizeof (CplEntity); i++)
    SWAP (guint8, x[i], y[i]);
  SWAP (char *, a->id, b->id);
  SWAP (CplText *, a->name, b->name);
  SWAP (CplText *, a->notes, b->notes);
  SWAP (double *, a->values, b->values);
  SWAP (JsonObject *, a->extra, b->extra);
  SWAP (JsonObject *, a->group_extra, b->group_extra);
}

/**
 * cpl_entity_assign_json:
 * @object: the entry as cpl_entity_to_json() wrote it (e.g. before an edit)
 *
 * Makes @self hold what @object says, in place: the same object, so
 * whoever holds or shows it keeps it.  @object is read and checked by the
 * same field tables as a file; on error @self is unchanged.  Emits
 * CplEntity::changed once.
 */
gboolean
cpl_entity_assign_json (CplEntity   *self,
                        JsonObject  *object,
                        GError     **error)
{
  g_autoptr(CplEntity) staged = NULL;
  CplLoadContext ctx;

  g_return_val_if_fail (CPL_IS_ENTITY (self), FALSE);
  g_return_val_if_fail (object != NULL, FALSE);

  cpl_load_context_init (&ctx, cpl_entity_get_id (self));
  staged = cpl_entity_new_from_json (G_OBJECT_TYPE (self), object, &ctx, error);
  cpl_load_context_clear (&ctx);
  if (staged == NULL)
    return FALSE;
  cpl_entity_will_change (self);
  cpl_entity_swap_state (self, staged);
  cpl_entity_emit_changed (self);
  return TRUE;
}

/**
 * cpl_entity_duplicate:
 *
 * Returns: (transfer full): a deep copy of the entry under @new_id.
 */
CplEntity *
cpl_entity_duplicate (CplEntity  *self,
                      const char *new_id)
{
  g_autoptr(JsonObject) object = cpl_entity_to_json (self);
  g_autoptr(GError) error = NULL;
  CplLoadContext ctx;
  CplEntity *copy;

  json_object_set_string_member (object, "id", new_id);
  cpl_load_context_init (&ctx, "copy");
  copy = cpl_entity_new_from_json (G_OBJECT_TYPE (self), object, &ctx, &error);
  cpl_load_context_clear (&ctx);
  /* What the entry wrote, it reads back. */
  g_assert_no_error (error);
  return copy;
}
