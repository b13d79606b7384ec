/* cpl-number-row.c: a number typed into an entry row
 *
 * The row shows the value in the reader's locale (grouping, decimal mark)
 * and scaled for reading (a share of 0.25 reads 25 with the unit "%").
 * Bound to a field of a dataset entry it takes its range from the field's
 * table, writes every valid value to the entry, and follows the entry when
 * something else changes it.  A value it cannot use (not a number, out of
 * range) leaves the entry as it was, marks the row and says why.
 *
 * Typed text is read by cpl_parse_number() (full-width digits, grouping
 * only by three, "%" only where the row shows a percentage).  The row
 * takes at most CPL_EXCERPT_CHARS characters, so a message quotes all of
 * what it holds and a pasted page cannot make a message, or the window,
 * grow.
 */
#define G_LOG_DOMAIN "cpl-number-row"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "cpl-number-row.h"
#include "cpl-view-util.h"

struct _CplNumberRow
{
  AdwEntryRow  parent_instance;

  GtkWidget   *unit_label;
  GtkWidget   *error_icon;
  double       scale;
  int          digits;
  double       value;      /* in the entry's units (unscaled) */
  char        *message;
  gboolean     updating;

  CplEntity   *entity;     /* weak */
  guint        field;
  char        *explanation;
  char        *typed;      /* the text at the last keystroke */
  double       run_start;  /* the entity's value before the keys that typed on to that text */
  gboolean     plain;      /* no grouping: years */
  CplCountUnit count_unit; /* the unit label agrees with the number */
};

G_DEFINE_FINAL_TYPE (CplNumberRow, cpl_number_row, ADW_TYPE_ENTRY_ROW)

enum {
  PROP_0,
  PROP_VALUE,
  PROP_MESSAGE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
cpl_number_row_set_message (CplNumberRow *self,
                            const char   *message)
{
  if (g_strcmp0 (self->message, message) == 0)
    return;
  g_free (self->message);
  self->message = g_strdup (message);
  gtk_widget_set_visible (self->error_icon, message != NULL);
  gtk_widget_set_tooltip_text (self->error_icon, message);
  /* what a screen reader says of the icon: the message itself */
  if (message != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (self->error_icon), GTK_ACCESSIBLE_PROPERTY_LABEL, message, -1);
  if (message != NULL)
    gtk_widget_add_css_class (GTK_WIDGET (self), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self), "error");
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MESSAGE]);
}

static char *
format_scaled (CplNumberRow *self,
               double        value)
{
  double shown = value * self->scale;
  g_autofree char *text = NULL;

  if (self->plain)
    text = g_strdup_printf ("%.0f", shown);
  else
    /* 25, not 25.0; 15.5 stays */
    text = cpl_format_number (shown, shown == floor (shown) ? 0 : self->digits);

  /* 1e40 units would read as 54 characters, more than the row takes:
   * the exponent form, which reads back as the same number */
  if (g_utf8_strlen (text, -1) > CPL_EXCERPT_CHARS)
    return g_strdup_printf ("%.17g", shown);
  return g_steal_pointer (&text);
}

/* The unit's name after @shown: the label's, or for a counted unit the
 * form that agrees with the number ("1 year", "4 years"). */
static const char *
unit_name (CplNumberRow *self,
           double        shown)
{
  gulong n = cpl_plural_count (shown);

  switch (self->count_unit)
    {
    case CPL_COUNT_UNIT_YEARS:
      /* Translators: the unit after a number of years, "1 year", "4 years" */
      return ngettext ("year", "years", n);
    case CPL_COUNT_UNIT_UNITS:
      /* Translators: the unit after a number of chips sold, "1 unit",
       * "1,000 units" */
      return ngettext ("unit", "units", n);
    case CPL_COUNT_UNIT_NONE:
    default:
      return gtk_label_get_text (GTK_LABEL (self->unit_label));
    }
}

/* "130%", "-5 units", "27,000 USD", "1 year": whole numbers without
 * decimals */
static char *
with_unit (CplNumberRow *self,
           double        value)
{
  const char *unit = unit_name (self, value);
  g_autofree char *number = cpl_format_number (value, value == floor (value) ? 0 : self->digits);

  if (unit == NULL || *unit == '\0')
    return g_steal_pointer (&number);
  if (g_str_equal (unit, "%"))
    return cpl_format_percent (value / 100, value == floor (value) ? 0 : self->digits);
  /* a percent sign stays with its number, "30% a year", "30%/年", as
   * cpl_scenario_parameter_format() writes it (a range's tooltip said
   * "10%–60% a year, most likely 30 % a year") */
  if (unit[0] == '%')
    return g_strconcat (number, unit, NULL);
  /* Translators: a number and its unit, "27,000 USD" */
  return g_strdup_printf (C_("number with unit", "%1$s %2$s"), number, unit);
}

/* The unit after the entry agrees with the number in it: "1 year",
 * "4 years". */
static void
update_count_label (CplNumberRow *self,
                    double        shown)
{
  if (self->count_unit != CPL_COUNT_UNIT_NONE)
    gtk_label_set_text (GTK_LABEL (self->unit_label), unit_name (self, shown));
}

/**
 * cpl_number_row_read:
 * @text: typed text, in the row's units ("25" or "25%" for a share)
 * @title: the input's name in a message: the row's title, or another
 *   ("Revenue share, low")
 * @value: (out): the number in the entry's units (0.25)
 * @message: (out) (optional): why @text is refused, when it is
 *
 * Reads @text as the row reads what is typed: by cpl_parse_number(), and
 * within the bound field's range.
 *
 * Returns: whether @text is a number the field takes
 */
gboolean
cpl_number_row_read (CplNumberRow  *self,
                     const char    *text,
                     const char    *title,
                     double        *value,
                     char         **message)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *problem = NULL;
  const CplField *field;
  double typed;

  g_return_val_if_fail (CPL_IS_NUMBER_ROW (self), FALSE);

  *value = NAN;
  /* a row that shows a fraction as a percentage ("%", "% a year") takes
   * the percent sign */
  field = self->entity != NULL ? cpl_entity_get_field (self->entity, self->field) : NULL;
  if (!cpl_parse_number (text, self->scale == 100 ? CPL_PARSE_NUMBER_PERCENT : CPL_PARSE_NUMBER_DEFAULT,
                         &typed, &error))
    {
      if (message == NULL)
        return FALSE;
      /* what the field takes, after text that is no number at all (an
       * empty field's message asks for a number, an ambiguous or badly
       * grouped one says what to type) */
      if (field != NULL && g_error_matches (error, CPL_NUMBER_ERROR, CPL_NUMBER_ERROR_INVALID))
        {
          g_autofree char *min = with_unit (self, field->min * self->scale);
          g_autofree char *max = with_unit (self, field->max * self->scale);

          if (isfinite (field->max))
            /* Translators: "Share rate: “lots” is not a number; enter 0% to 100%" */
            *message = g_strdup_printf (_("%1$s: %2$s; enter %3$s to %4$s"), title, error->message, min, max);
          else if (field->flags & CPL_FIELD_MIN_EXCLUSIVE)
            /* Translators: "TDP: “lots” is not a number; enter more than 0 W" */
            *message = g_strdup_printf (_("%1$s: %2$s; enter more than %3$s"), title, error->message, min);
          else
            /* Translators: "Units: “lots” is not a number; enter 0 units or more" */
            *message = g_strdup_printf (_("%1$s: %2$s; enter %3$s or more"), title, error->message, min);
          return FALSE;
        }
      /* Translators: %1$s an input's name, %2$s why what was typed is
       * refused: "Units: “lots” is not a number" */
      *message = g_strdup_printf (_("%1$s: %2$s"), title, error->message);
      return FALSE;
    }
  *value = typed / self->scale;
  if (field != NULL && !cpl_field_check (field, *value, NULL))
    {
      if (message != NULL)
        {
          /* "1e300" would read as 301 digits */
          g_autofree char *number = with_unit (self, typed);
          g_autofree char *shown = cpl_format_excerpt (number);
          g_autofree char *min = with_unit (self, field->min * self->scale);
          g_autofree char *max = with_unit (self, field->max * self->scale);

          if (isfinite (field->max))
            /* Translators: "Share rate: 130% is out of range; enter 0% to 100%" */
            *message = g_strdup_printf (_("%1$s: %2$s is out of range; enter %3$s to %4$s"),
                                        title, shown, min, max);
          else if (field->flags & CPL_FIELD_MIN_EXCLUSIVE)
            /* Translators: "TDP: 0 W is out of range; enter more than 0 W" */
            *message = g_strdup_printf (_("%1$s: %2$s is out of range; enter more than %3$s"),
                                        title, shown, min);
          else
            /* Translators: "Units: -5 units is out of range; enter 0 units or more" */
            *message = g_strdup_printf (_("%1$s: %2$s is out of range; enter %3$s or more"),
                                        title, shown, min);
        }
      return FALSE;
    }
  /* in range, and beside the entity's other values (a sale line's share
   * and its pass-through) */
  if (self->entity != NULL && field != NULL && !cpl_entity_check_number (self->entity, self->field, *value, &problem))
    {
      if (message != NULL)
        /* Translators: %1$s an input's name, %2$s why the value is refused */
        *message = g_strdup_printf (_("%1$s: %2$s"), title, problem);
      return FALSE;
    }
  return TRUE;
}

/* A value in the row's units, as the row shows it with its unit:
 * "25%", "1,000 PFLOP/s a year". */
char *
cpl_number_row_format (CplNumberRow *self,
                       double        value)
{
  g_return_val_if_fail (CPL_IS_NUMBER_ROW (self), NULL);

  return with_unit (self, value * self->scale);
}

/* The value as the row's entry shows it: "25", "1,000". */
char *
cpl_number_row_format_plain (CplNumberRow *self,
                             double        value)
{
  g_return_val_if_fail (CPL_IS_NUMBER_ROW (self), NULL);

  return format_scaled (self, value);
}

static void
on_text_changed (CplNumberRow *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self));
  const char *title = adw_preferences_row_get_title (ADW_PREFERENCES_ROW (self));
  g_autofree char *message = NULL;
  g_autoptr(GError) error = NULL;
  double value, typed;
  gboolean valid;

  if (self->updating)
    return;

  /* an optional field left empty (spaces, full-width ones too) is "not given" */
  if (self->entity != NULL &&
      (cpl_entity_get_field (self->entity, self->field)->flags & CPL_FIELD_OPTIONAL) &&
      !cpl_parse_number (text, CPL_PARSE_NUMBER_PERCENT, &typed, &error) &&
      g_error_matches (error, CPL_NUMBER_ERROR, CPL_NUMBER_ERROR_EMPTY))
    {
      cpl_number_row_set_message (self, NULL);
      self->value = NAN;
      self->updating = TRUE;
      cpl_entity_set_number (self->entity, self->field, NAN, NULL);
      self->updating = FALSE;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VALUE]);
      return;
    }

  /* a run of keys typing on ("1", "13", "130") starts from the value the
   * entity (a scenario, a sale line) had before its first key; any other
   * change starts a run */
  if (self->entity != NULL
      && (self->typed == NULL || strlen (text) <= strlen (self->typed) || !g_str_has_prefix (text, self->typed)))
    self->run_start = cpl_entity_get_number (self->entity, self->field);
  g_free (self->typed);
  self->typed = g_strdup (text);

  valid = cpl_number_row_read (self, text, title, &value, &message);
  if (!isnan (value))
    update_count_label (self, value * self->scale);
  if (!valid)
    {
      /* what was there before the keys of this run, not the last of
       * them that read as a number: "130" went through "13", and the
       * results showed 13% under a field that said 130 and was refused */
      if (self->entity != NULL)
        {
          double now = cpl_entity_get_number (self->entity, self->field);

          if (now != self->run_start && !(isnan (now) && isnan (self->run_start)))
            {
              self->updating = TRUE;
              cpl_entity_set_number (self->entity, self->field, self->run_start, NULL);
              self->updating = FALSE;
              self->value = self->run_start;
              g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VALUE]);
            }
        }
      /* then the message: those who hear it read the value the figures
       * use (cpl_number_rows_stale_note()), which named the 13% */
      cpl_number_row_set_message (self, message);
      return;
    }

  cpl_number_row_set_message (self, NULL);
  self->value = value;
  if (self->entity != NULL)
    {
      self->updating = TRUE;
      cpl_entity_set_number (self->entity, self->field, value, NULL);
      self->updating = FALSE;
    }
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VALUE]);
}

/* Shows @value without writing it back. */
void
cpl_number_row_set_value (CplNumberRow *self,
                          double        value)
{
  g_autofree char *text = NULL;

  g_return_if_fail (CPL_IS_NUMBER_ROW (self));
  self->value = value;
  text = isnan (value) ? g_strdup ("") : format_scaled (self, value);
  update_count_label (self, value * self->scale);
  self->updating = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (self), text);
  self->updating = FALSE;
  g_clear_pointer (&self->typed, g_free);
  cpl_number_row_set_message (self, NULL);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VALUE]);
}

static void
on_entity_changed (CplNumberRow *self)
{
  double value;

  if (self->updating || self->entity == NULL)
    return;
  value = cpl_entity_get_number (self->entity, self->field);
  /* leave what the user is typing alone while it means the same value */
  if ((value == self->value || (isnan (value) && isnan (self->value))) && self->message == NULL)
    return;
  cpl_number_row_set_value (self, value);
}

static void
entity_finalized (gpointer  data,
                  GObject  *where_the_object_was)
{
  CPL_NUMBER_ROW (data)->entity = NULL;
}

static void
cpl_number_row_unbind (CplNumberRow *self)
{
  if (self->entity == NULL)
    return;
  g_signal_handlers_disconnect_by_data (self->entity, self);
  g_object_weak_unref (G_OBJECT (self->entity), entity_finalized, self);
  self->entity = NULL;
}

/* The range in the tooltip, so it can be read before anything is typed. */
static void
cpl_number_row_describe_range (CplNumberRow *self)
{
  const CplField *field = cpl_entity_get_field (self->entity, self->field);
  g_autofree char *min = with_unit (self, field->min * self->scale);
  g_autofree char *max = with_unit (self, field->max * self->scale);
  g_autofree char *range = NULL;

  if (isfinite (field->max))
    /* Translators: the range of an input, "0% to 100%" */
    range = g_strdup_printf (_("From %1$s to %2$s"), min, max);
  else if (field->flags & CPL_FIELD_MIN_EXCLUSIVE)
    range = g_strdup_printf (_("More than %s"), min);
  else
    range = g_strdup_printf (_("%s or more"), min);
  if (field->flags & CPL_FIELD_OPTIONAL)
    {
      /* Translators: %s is a range; the input may be left empty */
      g_autofree char *optional = g_strdup_printf (_("%s; leave empty when unknown"), range);
      g_free (range);
      range = g_steal_pointer (&optional);
    }
  if (self->explanation != NULL)
    {
      g_autofree char *both = g_strdup_printf ("%s\n%s", self->explanation, range);
      cpl_widget_set_tooltip (GTK_WIDGET (self), both);
    }
  else
    cpl_widget_set_tooltip (GTK_WIDGET (self), range);
}

/* Shows the number without grouping, as years are written. */
void
cpl_number_row_set_plain (CplNumberRow *self,
                          gboolean      plain)
{
  g_return_if_fail (CPL_IS_NUMBER_ROW (self));
  self->plain = plain;
}

/* Counts @unit: the label after the entry and the unit in messages agree
 * with the number ("1 year", "4 years"). */
void
cpl_number_row_set_count_unit (CplNumberRow *self,
                               CplCountUnit  unit)
{
  g_return_if_fail (CPL_IS_NUMBER_ROW (self));
  self->count_unit = unit;
  update_count_label (self, self->value * self->scale);
  if (self->entity != NULL)
    cpl_number_row_describe_range (self);
}

/* A sentence on what the input means, shown above its range. */
void
cpl_number_row_set_explanation (CplNumberRow *self,
                                const char   *explanation)
{
  g_return_if_fail (CPL_IS_NUMBER_ROW (self));
  g_free (self->explanation);
  self->explanation = g_strdup (explanation);
  if (self->entity != NULL)
    cpl_number_row_describe_range (self);
  else
    gtk_widget_set_tooltip_text (GTK_WIDGET (self), explanation);
}

/**
 * cpl_number_row_bind:
 *
 * Shows the field @field of @entity and writes valid input to it; the
 * range is the field's.  %NULL @entity unbinds.
 */
void
cpl_number_row_bind (CplNumberRow *self,
                     CplEntity    *entity,
                     guint         field)
{
  g_return_if_fail (CPL_IS_NUMBER_ROW (self));

  cpl_number_row_unbind (self);
  if (entity == NULL)
    return;
  self->entity = entity;
  self->field = field;
  g_object_weak_ref (G_OBJECT (entity), entity_finalized, self);
  cpl_number_row_describe_range (self);
  g_signal_connect_object (entity, "changed", G_CALLBACK (on_entity_changed), self, G_CONNECT_SWAPPED);
  cpl_number_row_set_value (self, cpl_entity_get_number (entity, field));
}

double
cpl_number_row_get_value (CplNumberRow *self)
{
  g_return_val_if_fail (CPL_IS_NUMBER_ROW (self), NAN);
  return self->value;
}

/* Returns: (transfer none): the label of the unit after the entry (to
 * give the units of several rows one width). */
GtkWidget *
cpl_number_row_get_unit_label (CplNumberRow *self)
{
  g_return_val_if_fail (CPL_IS_NUMBER_ROW (self), NULL);
  return self->unit_label;
}

gboolean
cpl_number_row_get_valid (CplNumberRow *self)
{
  g_return_val_if_fail (CPL_IS_NUMBER_ROW (self), FALSE);
  return self->message == NULL;
}

/* Returns: (nullable): why the typed text is refused. */
const char *
cpl_number_row_get_message (CplNumberRow *self)
{
  g_return_val_if_fail (CPL_IS_NUMBER_ROW (self), NULL);
  return self->message;
}

/* The unit shown after the number, "USD", "years". */
const char *
cpl_number_row_get_unit (CplNumberRow *self)
{
  g_return_val_if_fail (CPL_IS_NUMBER_ROW (self), NULL);
  return gtk_label_get_text (GTK_LABEL (self->unit_label));
}

static void
cpl_number_row_dispose (GObject *object)
{
  cpl_number_row_unbind (CPL_NUMBER_ROW (object));
  G_OBJECT_CLASS (cpl_number_row_parent_class)->dispose (object);
}

static void
cpl_number_row_finalize (GObject *object)
{
  g_free (CPL_NUMBER_ROW (object)->message);
  g_free (CPL_NUMBER_ROW (object)->explanation);
  g_free (CPL_NUMBER_ROW (object)->typed);
  G_OBJECT_CLASS (cpl_number_row_parent_class)->finalize (object);
}

static void
cpl_number_row_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  CplNumberRow *self = CPL_NUMBER_ROW (object);

  switch (prop_id)
    {
    case PROP_VALUE:
      g_value_set_double (value, self->value);
      break;
    case PROP_MESSAGE:
      g_value_set_string (value, self->message);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cpl_number_row_class_init (CplNumberRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = cpl_number_row_dispose;
  object_class->finalize = cpl_number_row_finalize;
  object_class->get_property = cpl_number_row_get_property;

  properties[PROP_VALUE] =
    g_param_spec_double ("value", NULL, NULL, -INFINITY, INFINITY, 0,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_MESSAGE] =
    g_param_spec_string ("message", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

/* Once the user is done with the field (the focus leaves it, or Enter),
 * the number is written as the row writes it: "601,000" for "601000",
 * "25" for "25.0".  Text that is refused stays as typed, marked; so does
 * a number the row would round ("0.354" in a field of one decimal). */
static void
cpl_number_row_tidy (CplNumberRow *self)
{
  g_autofree char *text = NULL;
  double reads;

  if (self->message != NULL || isnan (self->value))
    return;
  text = format_scaled (self, self->value);
  if (g_strcmp0 (text, gtk_editable_get_text (GTK_EDITABLE (self))) == 0 ||
      !cpl_number_row_read (self, text, "", &reads, NULL) || reads != self->value)
    return;
  self->updating = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (self), text);
  /* after Enter the cursor stays at the end, where typing left it */
  gtk_editable_set_position (GTK_EDITABLE (self), -1);
  self->updating = FALSE;
  g_clear_pointer (&self->typed, g_free);
}

static gboolean
on_escape (GtkWidget *widget,
           GVariant  *args,
           gpointer   user_data)
{
  CplNumberRow *self = CPL_NUMBER_ROW (widget);

  if (self->message == NULL)
    return FALSE;
  cpl_number_row_set_value (self, self->entity != NULL ? cpl_entity_get_number (self->entity, self->field)
                                                       : self->value);
  return TRUE;
}

static void
cpl_number_row_init (CplNumberRow *self)
{
  GtkEventController *shortcuts, *focus;

  self->scale = 1;
  self->unit_label = gtk_label_new (NULL);
  gtk_widget_add_css_class (self->unit_label, "dim-label");
  self->error_icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");
  gtk_widget_add_css_class (self->error_icon, "error");
  gtk_widget_set_visible (self->error_icon, FALSE);
  adw_entry_row_add_suffix (ADW_ENTRY_ROW (self), self->error_icon);
  adw_entry_row_add_suffix (ADW_ENTRY_ROW (self), self->unit_label);
  adw_entry_row_set_input_purpose (ADW_ENTRY_ROW (self), GTK_INPUT_PURPOSE_NUMBER);
  gtk_text_set_max_length (GTK_TEXT (gtk_editable_get_delegate (GTK_EDITABLE (self))), CPL_EXCERPT_CHARS);
  /* Ctrl+Z is the document's: every valid keystroke is already an edit
   * of the dataset, so the text's own undo would only fight it (it went
   * back to the empty text and said it was no number).  The row takes
   * the keys before its text does and asks the window to undo or redo;
   * the field then shows the value restored.  With nothing to undo the
   * keys reach the text, which keeps no history of its own. */
  gtk_editable_set_enable_undo (GTK_EDITABLE (self), FALSE);
  cpl_widget_take_undo_keys (GTK_WIDGET (self));
  shortcuts = gtk_shortcut_controller_new ();
  gtk_event_controller_set_propagation_phase (shortcuts, GTK_PHASE_CAPTURE);
  /* Escape gives up a refused value: the field shows the value in use
   * again (it stayed red with "150" in it); with nothing refused the key
   * goes on (a dialog closes) */
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
                                        gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_Escape, 0),
                                                          gtk_callback_action_new (on_escape, NULL, NULL)));
  gtk_widget_add_controller (GTK_WIDGET (self), shortcuts);
  g_signal_connect (self, "changed", G_CALLBACK (on_text_changed), NULL);
  focus = gtk_event_controller_focus_new ();
  g_signal_connect_swapped (focus, "leave", G_CALLBACK (cpl_number_row_tidy), self);
  gtk_widget_add_controller (GTK_WIDGET (self), focus);
  g_signal_connect (self, "entry-activated", G_CALLBACK (cpl_number_row_tidy), NULL);
}

/**
 * cpl_number_row_new:
 * @unit: shown after the number ("USD", "%")
 * @scale: the shown number is the value × @scale (100 for a percentage)
 * @digits: decimals shown
 */
CplNumberRow *
cpl_number_row_new (const char *title,
                    const char *unit,
                    double      scale,
                    int         digits)
{
  CplNumberRow *self = g_object_new (CPL_TYPE_NUMBER_ROW, "title", title, NULL);

  self->scale = scale;
  self->digits = digits;
  gtk_label_set_text (GTK_LABEL (self->unit_label), unit ? unit : "");
  return self;
}

static int
on_spin_input (GtkSpinButton *spin,
               double        *value,
               gpointer       flags)
{
  if (cpl_parse_number (gtk_editable_get_text (GTK_EDITABLE (spin)), GPOINTER_TO_UINT (flags), value, NULL))
    return TRUE;
  /* with the default update policy (always) GTK uses *value even after an
   * error: keep the value the spin button has */
  *value = gtk_spin_button_get_value (spin);
  gtk_widget_error_bell (GTK_WIDGET (spin));
  return GTK_INPUT_ERROR;
}

/**
 * cpl_spin_button_read_typed:
 * @flags: %CPL_PARSE_NUMBER_PERCENT where the value is a percentage
 *
 * Makes @spin read typed text as a number row does, with
 * cpl_parse_number(): full-width digits, grouping only by three, and an
 * ambiguous "0,35" refused (the spin button keeps its value) rather than
 * read as 35.
 */
void
cpl_spin_button_read_typed (GtkSpinButton       *spin,
                            CplParseNumberFlags  flags)
{
  g_return_if_fail (GTK_IS_SPIN_BUTTON (spin));
  g_signal_connect (spin, "input", G_CALLBACK (on_spin_input), GUINT_TO_POINTER (flags));
}

static gboolean
on_spin_output (GtkSpinButton *spin)
{
  g_autofree char *text = cpl_format_number (gtk_spin_button_get_value (spin),
                                             (int) gtk_spin_button_get_digits (spin));

  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (spin)), text) != 0)
    gtk_editable_set_text (GTK_EDITABLE (spin), text);
  return TRUE;
}

/**
 * cpl_spin_button_show_grouped:
 *
 * Makes @spin show its value as the app writes numbers, "10,000" with
 * its digits, not "10000"; typed text is read back with
 * cpl_spin_button_read_typed().  It takes away the "numeric" filter,
 * which drops the grouping marks.
 */
void
cpl_spin_button_show_grouped (GtkSpinButton *spin)
{
  g_return_if_fail (GTK_IS_SPIN_BUTTON (spin));
  gtk_spin_button_set_numeric (spin, FALSE);
  g_signal_connect (spin, "output", G_CALLBACK (on_spin_output), NULL);
  cpl_spin_button_read_typed (spin, CPL_PARSE_NUMBER_DEFAULT);
  gtk_spin_button_update (spin);
}

/* The label for cpl_number_rows_show_messages(), under @group's rows (it
 * is not a row: below the group's list): red, hidden until there is a
 * message, and wrapped at any character so that no message makes it
 * wider than the view. */
GtkLabel *
cpl_number_messages_append (GtkWidget *group)
{
  GtkLabel *label = GTK_LABEL (gtk_label_new (NULL));

  gtk_label_set_wrap (label, TRUE);
  gtk_label_set_wrap_mode (label, PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (label, 0);
  gtk_widget_add_css_class (GTK_WIDGET (label), "error");
  gtk_widget_set_margin_top (GTK_WIDGET (label), 6);
  gtk_widget_set_visible (GTK_WIDGET (label), FALSE);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (label));
  return label;
}

/* Once @label is laid out: scrolls its page, if need be, so that it shows
 * under the rows, the focused row still in view where both fit. */
static gboolean
reveal_message (GtkWidget     *label,
                GdkFrameClock *clock,
                gpointer       data)
{
  GtkWidget *scrolled = gtk_widget_get_ancestor (label, GTK_TYPE_SCROLLED_WINDOW);
  GtkRoot *root = gtk_widget_get_root (label);
  GtkWidget *focus = root ? gtk_root_get_focus (root) : NULL;
  graphene_rect_t bounds, focused;
  GtkAdjustment *scroll;
  double below;

  /* the frame after the one that lays it out first */
  if (gdk_frame_clock_get_frame_counter (clock) < (gint64) GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (label), "cpl-reveal-at")))
    return G_SOURCE_CONTINUE;
  if (scrolled == NULL || !gtk_widget_get_mapped (label) || !gtk_widget_compute_bounds (label, scrolled, &bounds))
    return G_SOURCE_REMOVE;
  scroll = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));
  /* how far its bottom, and a little room, is below the page's */
  below = bounds.origin.y + bounds.size.height + 12 - gtk_widget_get_height (scrolled);
  if (below <= 0)
    return G_SOURCE_REMOVE;
  if (focus != NULL && gtk_widget_is_ancestor (focus, scrolled) && gtk_widget_compute_bounds (focus, scrolled, &focused))
    below = MIN (below, focused.origin.y - 12);
  if (below > 0)
    gtk_adjustment_set_value (scroll, gtk_adjustment_get_value (scroll) + below);
  return G_SOURCE_REMOVE;
}

/* Every refusal of @rows, one a line, in @label; hidden when none.  A
 * new refusal is scrolled into view: on a phone the message under the
 * group's rows was below the fold, the row only red. */
void
cpl_number_rows_show_messages (CplNumberRow * const *rows,
                               guint                n_rows,
                               GtkLabel            *label)
{
  g_autoptr(GString) text = g_string_new (NULL);
  gboolean changed;

  for (guint i = 0; i < n_rows; i++)
    {
      const char *message = cpl_number_row_get_message (rows[i]);

      if (message == NULL)
        continue;
      if (text->len > 0)
        g_string_append_c (text, '\n');
      g_string_append (text, message);
    }
  changed = g_strcmp0 (gtk_label_get_text (label), text->str) != 0;
  gtk_label_set_text (label, text->str);
  gtk_widget_set_visible (GTK_WIDGET (label), text->len > 0);
  /* at the next frame, when the label is laid out */
  if (changed && text->len > 0 && gtk_widget_get_mapped (GTK_WIDGET (label)))
    {
      GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (label));

      g_object_set_data (G_OBJECT (label), "cpl-reveal-at",
                         GSIZE_TO_POINTER ((gsize) gdk_frame_clock_get_frame_counter (clock) + 2));
      gtk_widget_add_tick_callback (GTK_WIDGET (label), reveal_message, NULL, NULL);
    }
}

/* Each refusal of @rows under its own group: @groups[i] is the index in
 * @labels (made with cpl_number_messages_new(), one under each group of
 * rows) of the group of @rows[i].  A message stands where the eye is when
 * a value is refused, not at the top of a page scrolled away. */
void
cpl_number_rows_show_grouped_messages (CplNumberRow * const *rows,
                                       const guint         *groups,
                                       guint                n_rows,
                                       GtkLabel * const    *labels,
                                       guint                n_labels)
{
  g_autoptr(GPtrArray) mine = g_ptr_array_new ();

  for (guint g = 0; g < n_labels; g++)
    {
      g_ptr_array_set_size (mine, 0);
      for (guint i = 0; i < n_rows; i++)
        if (groups[i] == g)
          g_ptr_array_add (mine, rows[i]);
      cpl_number_rows_show_messages ((CplNumberRow * const *) mine->pdata, mine->len, labels[g]);
    }
}

/* Returns: (transfer full): the refusals @labels show, one a line, in
 * their order; "" when there is none. */
char *
cpl_number_messages_join (GtkLabel * const *labels,
                          guint             n_labels)
{
  GString *text = g_string_new (NULL);

  for (guint g = 0; g < n_labels; g++)
    if (gtk_widget_get_visible (GTK_WIDGET (labels[g])))
      g_string_append_printf (text, "%s%s", text->len > 0 ? "\n" : "", gtk_label_get_text (labels[g]));
  return g_string_free (text, FALSE);
}

/**
 * cpl_number_rows_stale_note:
 *
 * What to say by the figures that @rows feed while some of them hold
 * text they refused: the figures are of the values last accepted, and
 * which fields and values those are ("These figures use the last value
 * accepted for “Share rate” (25%); …").  Said by the answer, not only under the field: a
 * red line under a field far below went unseen while the answer read as
 * if "150%" had been taken.
 *
 * Returns: (transfer full) (nullable): the note, or %NULL when every row
 *   holds a value it took
 */
char *
cpl_number_rows_stale_note (CplNumberRow * const *rows,
                            guint                 n_rows)
{
  g_autoptr(GPtrArray) refused = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *names = NULL;

  for (guint i = 0; i < n_rows; i++)
    if (!cpl_number_row_get_valid (rows[i]))
      {
        g_autofree char *value = cpl_number_row_format (rows[i], cpl_number_row_get_value (rows[i]));

        /* Translators: a field's title quoted in a sentence, and the
         * value it last accepted, which the figures use: “Share rate” (25%) */
        g_ptr_array_add (refused, g_strdup_printf (_("“%1$s” (%2$s)"),
                                                   adw_preferences_row_get_title (ADW_PREFERENCES_ROW (rows[i])), value));
      }
  if (refused->len == 0)
    return NULL;
  names = cpl_text_join_list ((const char * const *) refused->pdata, refused->len);
  /* Translators: under an answer while a field holds text it refused;
   * %s names the fields and their values: "“Share rate” (25%)",
   * "“Units” (1,000 units) and “Share rate” (25%)" */
  return g_strdup_printf (ngettext ("These figures use the last value accepted for %s; "
                                    "what is typed there now is not used.",
                                    "These figures use the last values accepted for %s; "
                                    "what is typed there now is not used.", refused->len),
                          names);
}
