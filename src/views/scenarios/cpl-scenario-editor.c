/* cpl-scenario-editor.c: every parameter of one scenario
 *
 * Grouped as the analyst thinks of them: the policy, the market, the
 * domestic industry, the energy bill.  Each number row writes to the
 * scenario as it is typed (the results redraw at once) and refuses what
 * is out of its range with a message.
 *
 * Every parameter from the revenue share on may carry a range for the
 * Monte Carlo run (MODEL.md §6): a button at the end of its row opens a
 * low / most likely / high form, checked like the row itself; a ranged
 * row's button shows the range.  Setting or removing a range is one
 * undoable edit of the scenario.
 *
 * What no one sees until a button is pressed (the range forms, the
 * rules' calendar) is built when its popover first opens.
 */
#define G_LOG_DOMAIN "cpl-scenario-editor"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "cpl-scenario-editor.h"
#include "cpl-scenario-results.h"
#include "cpl-scenario-summary.h"
#include "cpl-window.h"
#include "views/cpl-check-list.h"
#include "views/cpl-view-util.h"

typedef enum {
  GROUP_SCENARIO,
  GROUP_POLICY,
  GROUP_MARKET,
  GROUP_DOMESTIC,
  GROUP_ENERGY,
  N_GROUPS
} Group;

static const char * const group_titles[N_GROUPS] = {
  N_("Scenario"), N_("Policy"), N_("Market"), N_("Domestic Industry"), N_("Energy"),
};

static const struct {
  const char *key;
  int         field;        /* CplScenarioField */
  Group       group;
  const char *title;        /* N_() */
  const char *unit;         /* N_(), or "%" */
  double      scale;
  int         digits;
  const char *explanation;  /* N_() */
  CplCountUnit count;       /* instead of @unit: a unit that agrees with the number */
} inputs[] = {
  { "start_year", CPL_SCENARIO_START_YEAR, GROUP_SCENARIO, N_("First year"), "", 1, 0,
    N_("The first year of the projection") },
  { "years", CPL_SCENARIO_YEARS, GROUP_SCENARIO, N_("Years"), "", 1, 0,
    N_("How many years to project"), CPL_COUNT_UNIT_YEARS },
  { "revenue_share", CPL_SCENARIO_REVENUE_SHARE, GROUP_POLICY, N_("Revenue share"), "%", 100, 1,
    N_("The part of the revenue from exported chips paid to the US government") },
  { "price_pass_through", CPL_SCENARIO_PRICE_PASS_THROUGH, GROUP_POLICY, N_("Price pass-through"), "%", 100, 0,
    N_("The part of the share the vendor adds to the buyer's price") },
  { "license_approval_rate", CPL_SCENARIO_LICENSE_APPROVAL_RATE, GROUP_POLICY, N_("Licence approval rate"), "%", 100, 0,
    N_("The part of orders for exported chips that the licensing agency approves; refused orders turn to domestic chips") },
  { "demand_pflops", CPL_SCENARIO_DEMAND_PFLOPS, GROUP_MARKET, N_("Demand"), N_("PFLOP/s a year"), 1, 0,
    N_("New accelerator compute China buys in the first year, in BF16 PFLOP/s") },
  { "demand_growth", CPL_SCENARIO_DEMAND_GROWTH, GROUP_MARKET, N_("Demand growth"),
    /* xgettext:no-c-format */
    N_("% a year"), 100, 0,
    N_("How fast demand grows each year") },
  { "price_sensitivity", CPL_SCENARIO_PRICE_SENSITIVITY, GROUP_MARKET, N_("Price sensitivity"), "", 1, 1,
    N_("How strongly buyers favour the cheaper compute: 0 ignores cost, 2 or more follows it closely") },
  { "domestic_preference", CPL_SCENARIO_DOMESTIC_PREFERENCE, GROUP_MARKET, N_("Domestic preference"), "", 1, 1,
    N_("A lean towards domestic chips at equal cost (a log-weight: 0 none, 1 about 2.7 times the weight, negative leans away)") },
  { "domestic_capacity_pflops", CPL_SCENARIO_DOMESTIC_CAPACITY_PFLOPS, GROUP_DOMESTIC, N_("Domestic capacity"), N_("PFLOP/s a year"), 1, 0,
    N_("How much domestic compute can be made in the first year; demand above it turns to exported chips (see capacity spill) or is the compute gap") },
  { "domestic_capacity_growth", CPL_SCENARIO_DOMESTIC_CAPACITY_GROWTH, GROUP_DOMESTIC, N_("Domestic capacity growth"),
    /* xgettext:no-c-format */
    N_("% a year"), 100, 0,
    N_("How fast domestic capacity grows each year") },
  { "capacity_spill", CPL_SCENARIO_CAPACITY_SPILL, GROUP_DOMESTIC, N_("Capacity spill"), "%", 100, 0,
    N_("The part of the demand above domestic capacity that turns to the allowed exported chips (at the licence approval rate); the rest is the compute gap") },
  { "domestic_installed_pflops", CPL_SCENARIO_DOMESTIC_INSTALLED_PFLOPS, GROUP_DOMESTIC, N_("Domestic installed base"), N_("PFLOP/s"), 1, 0,
    N_("Domestic compute already in use when the projection starts") },
  { "domestic_learning_rate", CPL_SCENARIO_DOMESTIC_LEARNING_RATE, GROUP_DOMESTIC, N_("Learning rate"), "%", 100, 0,
    N_("How much the domestic chip's cost of compute falls each time its installed base doubles") },
  { "electricity_usd_per_kwh", CPL_SCENARIO_ELECTRICITY_USD_PER_KWH, GROUP_ENERGY, N_("Electricity price"), N_("USD/kWh"), 1, 3,
    N_("What data centres pay for power") },
  { "domestic_power_subsidy", CPL_SCENARIO_DOMESTIC_POWER_SUBSIDY, GROUP_ENERGY, N_("Domestic power subsidy"), "%", 100, 0,
    N_("The part of the power bill refunded to data centres that run domestic chips") },
  { "pue", CPL_SCENARIO_PUE, GROUP_ENERGY, N_("PUE"), "", 1, 2,
    N_("Power usage effectiveness: the data centre's total power over the chips' power") },
  { "utilization", CPL_SCENARIO_UTILIZATION, GROUP_ENERGY, N_("Utilization"), "%", 100, 0,
    N_("The part of the year the chips run") },
  { "amortization_years", CPL_SCENARIO_AMORTIZATION_YEARS, GROUP_ENERGY, N_("Amortization"), "", 1, 1,
    N_("The years over which a chip's price is written off"), CPL_COUNT_UNIT_YEARS },
};

#define N_INPUTS G_N_ELEMENTS (inputs)

enum { END_LOW, END_MODE, END_HIGH, N_ENDS };

/* The range form of one input row: the button is made with the row, the
 * popover with the rest when first opened (ends[0] NULL until then). */
typedef struct
{
  GtkMenuButton *button;
  GtkLabel      *mark;              /* the range, on a ranged row's button */
  char          *says;              /* what the button says (its name) */
  GtkEntry      *ends[N_ENDS];
  GtkLabel      *message;
  GtkWidget     *remove;
} RangeForm;

/* The domestic chip's row's subtitle where the window is wide (on a
 * phone the row shows the chip's name there). */
#define DOMESTIC_SUBTITLE N_("The chip that meets the rest of the demand")

struct _CplScenarioEditor
{
  GtkBox          parent_instance;

  gboolean        compact;          /* narrow: ranges by their icon alone */
  guint           compact_idle;     /* applies the width's compactness */
  GtkSizeGroup   *unit_sizes;       /* the number rows' units, one width */
  GtkSizeGroup   *range_sizes;      /* their range buttons (or room for one) */

  GtkWidget      *groups[N_GROUPS];
  AdwEntryRow    *name_row;
  AdwActionRow   *allowed_row;      /* the summary; opens the chooser */
  GtkMenuButton  *allowed_button;
  GtkFilterListModel *chip_matches; /* the chooser's chips, by its search */
  GtkFilter      *chip_filter;
  char           *chip_search;      /* trimmed, NULL: every chip */
  GtkWidget      *chip_list;        /* NULL until the chooser is first opened */
  AdwComboRow    *domestic_row;
  GtkMenuButton  *rules_button;     /* "Use the rules in force on …" */
  GtkBox         *rule_dates;       /* its quick picks; NULL until first opened */
  GtkCalendar    *rules_calendar;
  GtkLabel       *policy_note;      /* what the last use of the rules did */
  GStrv           policy_allowed;   /* what it set, to hide the note once */
  double          policy_share;     /* the scenario differs (an undo, an edit) */
  CplNumberRow   *input_rows[N_INPUTS];
  RangeForm       ranges[N_INPUTS]; /* button NULL: the input takes no range */
  GtkLabel       *messages[N_GROUPS]; /* under each group: its rows' refusals */
  GtkLabel       *hints[N_GROUPS];    /* under each group: what its focused row means */
  GtkRoot        *root;             /* whose focus the hints follow */
  gulong          focus_handler;

  CplDataset     *dataset;
  CplScenario    *scenario;
  gboolean        syncing;
  char           *messages_text;    /* what cpl_scenario_editor_get_messages() gave */
  char           *stale_note;       /* cpl_number_rows_stale_note(), or NULL */
};

G_DEFINE_FINAL_TYPE (CplScenarioEditor, cpl_scenario_editor, GTK_TYPE_BOX)

enum {
  PROP_0,
  PROP_STALE_NOTE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
update_messages (CplScenarioEditor *self)
{
  guint groups[N_INPUTS];

  for (guint i = 0; i < N_INPUTS; i++)
    groups[i] = inputs[i].group;
  cpl_number_rows_show_grouped_messages (self->input_rows, groups, N_INPUTS, self->messages, N_GROUPS);

  /* and by the results, whose figures are of the values last accepted */
  {
    g_autofree char *note = cpl_number_rows_stale_note (self->input_rows, N_INPUTS);

    if (g_strcmp0 (note, self->stale_note) != 0)
      {
        g_free (self->stale_note);
        self->stale_note = g_steal_pointer (&note);
        g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STALE_NOTE]);
      }
  }
}

static void
on_name_changed (CplScenarioEditor *self)
{
  if (!self->syncing && self->scenario != NULL)
    cpl_entity_set_name (CPL_ENTITY (self->scenario), gtk_editable_get_text (GTK_EDITABLE (self->name_row)));
}

/* Where @id is in the dataset's chips: the allowed list keeps their order. */
static int
compare_chip_positions (gconstpointer a,
                        gconstpointer b,
                        gpointer      data)
{
  CplDataset *dataset = data;
  CplChip *chip_a = cpl_dataset_lookup_chip (dataset, *(const char * const *) a);
  CplChip *chip_b = cpl_dataset_lookup_chip (dataset, *(const char * const *) b);
  guint pa = chip_a ? cpl_dataset_position (dataset, CPL_ENTITY (chip_a)) : G_MAXUINT;
  guint pb = chip_b ? cpl_dataset_position (dataset, CPL_ENTITY (chip_b)) : G_MAXUINT;

  return pa < pb ? -1 : pa > pb;
}

/* A chip's tick in the chooser: one undoable edit of the allowed list. */
static void
on_allowed_toggled (GtkWidget *row,
                    gpointer   chip,
                    gpointer   data)
{
  CplScenarioEditor *self = data;
  const char *id = cpl_entity_get_id (CPL_ENTITY (chip));
  const char * const *allowed;
  g_autoptr(GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);  /* copies: the set frees the old list */

  if (self->syncing || self->scenario == NULL)
    return;
  allowed = cpl_scenario_get_allowed_chips (self->scenario);
  for (guint i = 0; allowed[i] != NULL; i++)
    if (!g_str_equal (allowed[i], id))
      g_ptr_array_add (ids, g_strdup (allowed[i]));
  if (cpl_check_row_get_active (row))
    g_ptr_array_add (ids, g_strdup (id));
  g_ptr_array_sort_with_data (ids, compare_chip_positions, self->dataset);
  g_ptr_array_add (ids, NULL);
  cpl_scenario_set_allowed_chips (self->scenario, (const char * const *) ids->pdata);
}

static void
on_domestic_selected (CplScenarioEditor *self)
{
  guint selected = adw_combo_row_get_selected (self->domestic_row);
  g_autoptr(CplEntity) chip = NULL;

  if (self->syncing || self->scenario == NULL || selected == GTK_INVALID_LIST_POSITION)
    return;
  chip = g_list_model_get_item (cpl_dataset_get_chips (self->dataset), selected);
  if (chip != NULL)
    cpl_scenario_set_domestic_chip (self->scenario, cpl_entity_get_id (chip));
}

static void sync_from_scenario (CplScenarioEditor *self);

/* Ranges ------------------------------------------------------------------ */

/* "10–40%": the ends of a range as the row shows values. */
static char *
range_text (CplScenarioEditor *self,
            guint              input,
            const double      *range)
{
  return cpl_scenario_parameter_format_range (inputs[input].key, range[END_LOW], range[END_HIGH]);
}

/* A ranged row's button shows the range beside its icon, and says it. */
static void
update_range_mark (CplScenarioEditor *self,
                   guint              input)
{
  RangeForm *form = &self->ranges[input];
  const char *title = _(inputs[input].title);
  double range[N_ENDS];
  g_autofree char *text = NULL;
  g_autofree char *label = NULL;
  g_autofree char *spaced = NULL;
  g_autofree char *kept = NULL;

  if (form->button == NULL)
    return;
  if (self->scenario == NULL || !cpl_scenario_get_range (self->scenario, inputs[input].key, range))
    {
      gtk_widget_set_visible (GTK_WIDGET (form->mark), FALSE);
      gtk_widget_remove_css_class (GTK_WIDGET (form->button), "accent");
      /* Translators: a button's tooltip; %s is an input, "Revenue share" */
      label = g_strdup_printf (_("Give %s a range for the uncertainty"), title);
    }
  else
    {
      double value = cpl_scenario_get (self->scenario, inputs[input].field);
      /* the point value the key figures use, outside the range the
       * P10–P90 figures are drawn from: they would not contain it */
      gboolean outside = value < range[END_LOW] || value > range[END_HIGH];

      text = range_text (self, input, range);
      gtk_label_set_text (form->mark, text);
      /* on a phone the range's text squeezed the row's title to "Dem…":
       * the accent icon says the row is ranged, its tooltip the range */
      gtk_widget_set_visible (GTK_WIDGET (form->mark), !self->compact);
      gtk_widget_add_css_class (GTK_WIDGET (form->button), "accent");
      if (outside)
        {
          g_autofree char *shown = cpl_number_row_format (self->input_rows[input], value);

          gtk_widget_add_css_class (GTK_WIDGET (form->mark), "warning");
          /* Translators: a ranged input's button when its value lies
           * outside its range: %1$s the input, %2$s its value, %3$s the
           * range "10–60% a year" */
          label = g_strdup_printf (_("%1$s is %2$s, outside its range %3$s: the key figures use %2$s, "
                                     "their P10–P90 ranges are drawn from %3$s"), title, shown, text);
        }
      else
        {
          g_autofree char *mode = cpl_number_row_format (self->input_rows[input], range[END_MODE]);

          gtk_widget_remove_css_class (GTK_WIDGET (form->mark), "warning");
          /* Translators: what a ranged input's button says: %1$s the input,
           * %2$s its range "10%–40%", %3$s its most likely value */
          label = g_strdup_printf (_("%1$s is ranged: %2$s, most likely %3$s"), title, text, mode);
        }
    }
  /* an input named in Latin letters ("PUE") spliced into a Chinese
   * sentence, spaced as the translations space them */
  spaced = cpl_text_space_han (label);
  /* the tooltip wraps: the range whole, each number on its unit's line
   * ("10%–" ended a line, "60% a year" began the next) */
  kept = cpl_text_keep_units (spaced);
  cpl_widget_set_tooltip (GTK_WIDGET (form->button), kept);
  gtk_accessible_update_property (GTK_ACCESSIBLE (form->button), GTK_ACCESSIBLE_PROPERTY_LABEL, spaced, -1);
  g_free (form->says);
  form->says = g_steal_pointer (&spaced);
}

static guint
form_input (CplScenarioEditor *self,
            GtkWidget         *widget)
{
  return GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (widget), "cpl-input"));
}

static void on_range_end_changed (GtkEditable       *end,
                                  CplScenarioEditor *self);

/* The form opens with the range, or with the value at all three ends. */
static void
fill_range_form (CplScenarioEditor *self,
                 guint              input)
{
  RangeForm *form = &self->ranges[input];
  double range[N_ENDS];
  gboolean ranged;

  if (self->scenario == NULL)
    return;
  ranged = cpl_scenario_get_range (self->scenario, inputs[input].key, range);
  if (!ranged)
    range[END_LOW] = range[END_MODE] = range[END_HIGH] =
      cpl_scenario_get (self->scenario, inputs[input].field);
  for (guint e = 0; e < N_ENDS; e++)
    {
      g_autofree char *text = cpl_number_row_format_plain (self->input_rows[input], range[e]);

      gtk_editable_set_text (GTK_EDITABLE (form->ends[e]), text);
    }
  /* no message, no end marked: a range kept is in order */
  on_range_end_changed (GTK_EDITABLE (form->ends[0]), self);
  gtk_widget_set_sensitive (form->remove, ranged);
}

/* "Low", or in a message after the input's name, "low" */
static const char *
end_title (guint    end,
           gboolean in_message)
{
  static const char * const labels[N_ENDS] = { N_("Low"), N_("Most likely"), N_("High") };
  /* Translators: ends of a range in a message, "Revenue share, low: …" */
  static const char * const names[N_ENDS] = { N_("low"), N_("most likely"), N_("high") };

  return _(in_message ? names[end] : labels[end]);
}

/* %NULL when @range is in order, low ≤ most likely ≤ high; else which
 * pair is not ("low 30% is above most likely 25%"), the end just typed
 * (@typed, or -1) marked as the error where it is one of the pair, else
 * both ends of the pair. */
static char *
order_message (CplScenarioEditor *self,
               guint              input,
               const double      *range,
               int                typed)
{
  RangeForm *form = &self->ranges[input];
  const char *title = _(inputs[input].title);
  int first = -1, second = -1;
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;

  if (range[END_LOW] > range[END_MODE])
    first = END_LOW, second = END_MODE;
  else if (range[END_MODE] > range[END_HIGH])
    first = END_MODE, second = END_HIGH;
  else if (range[END_LOW] > range[END_HIGH])
    first = END_LOW, second = END_HIGH;
  for (int e = 0; e < N_ENDS; e++)
    {
      gboolean wrong = first >= 0 && ((typed == first || typed == second) ? e == typed : e == first || e == second);

      if (wrong)
        gtk_widget_add_css_class (GTK_WIDGET (form->ends[e]), "error");
      else
        gtk_widget_remove_css_class (GTK_WIDGET (form->ends[e]), "error");
    }
  if (first < 0)
    return NULL;

  a = cpl_number_row_format (self->input_rows[input], range[first]);
  b = cpl_number_row_format (self->input_rows[input], range[second]);
  if (first == END_LOW && second == END_MODE)
    /* Translators: %1$s is an input; %2$s and %3$s the values typed */
    return g_strdup_printf (_("%1$s: low %2$s is above most likely %3$s; enter low ≤ most likely ≤ high"),
                            title, a, b);
  if (first == END_MODE)
    /* Translators: %1$s is an input; %2$s and %3$s the values typed */
    return g_strdup_printf (_("%1$s: most likely %2$s is above high %3$s; enter low ≤ most likely ≤ high"),
                            title, a, b);
  /* Translators: %1$s is an input; %2$s and %3$s the values typed */
  return g_strdup_printf (_("%1$s: low %2$s is above high %3$s; enter low ≤ most likely ≤ high"), title, a, b);
}

/* @message under the form's ends, or none. */
static void
show_range_message (RangeForm  *form,
                    const char *message)
{
  gtk_label_set_text (form->message, message ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (form->message), message != NULL);
}

/* As an end is typed: three numbers out of order say so at once (a low
 * above the most likely was told only on Set Range), the end typed
 * marked where it breaks the order; an end that does not read as a
 * number yet says nothing until Set Range ("1." half typed is not an
 * error). */
static void
on_range_end_changed (GtkEditable       *end,
                      CplScenarioEditor *self)
{
  guint input = form_input (self, GTK_WIDGET (end));
  RangeForm *form = &self->ranges[input];
  g_autofree char *message = NULL;
  double range[N_ENDS];
  gboolean read = TRUE;
  int typed = -1;

  for (guint e = 0; e < N_ENDS; e++)
    if (GTK_EDITABLE (form->ends[e]) == end)
      typed = (int) e;
  for (guint e = 0; e < N_ENDS && read; e++)
    {
      g_autofree char *unread = NULL;

      read = cpl_number_row_read (self->input_rows[input], gtk_editable_get_text (GTK_EDITABLE (form->ends[e])),
                                  "", &range[e], &unread);
    }
  if (read)
    message = order_message (self, input, range, typed);
  else
    for (guint e = 0; e < N_ENDS; e++)
      gtk_widget_remove_css_class (GTK_WIDGET (form->ends[e]), "error");
  show_range_message (form, message);
}

/* Reads the form; sets the range, or says why not and changes nothing. */
static gboolean
apply_range_form (CplScenarioEditor *self,
                  guint              input)
{
  RangeForm *form = &self->ranges[input];
  const char *title = _(inputs[input].title);
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  double range[N_ENDS];

  for (guint e = 0; e < N_ENDS && message == NULL; e++)
    {
      /* Translators: an input and one end of its range, "Revenue share, low" */
      g_autofree char *what = g_strdup_printf (_("%1$s, %2$s"), title, end_title (e, TRUE));

      cpl_number_row_read (self->input_rows[input], gtk_editable_get_text (GTK_EDITABLE (form->ends[e])),
                           what, &range[e], &message);
    }
  if (message == NULL)
    message = order_message (self, input, range, -1);
  if (message == NULL && !cpl_scenario_set_range (self->scenario, inputs[input].key, range, &error))
    message = g_strdup (error->message);
  show_range_message (form, message);
  if (message != NULL)
    return FALSE;
  gtk_menu_button_popdown (form->button);
  return TRUE;
}

static void
on_range_set (GtkWidget         *button,
              CplScenarioEditor *self)
{
  if (self->scenario != NULL)
    apply_range_form (self, form_input (self, button));
}

static void
on_range_removed (GtkWidget         *button,
                  CplScenarioEditor *self)
{
  guint input = form_input (self, button);

  if (self->scenario == NULL)
    return;
  cpl_scenario_set_range (self->scenario, inputs[input].key, NULL, NULL);
  gtk_menu_button_popdown (self->ranges[input].button);
}

static void
on_range_popover_shown (GtkWidget         *popover,
                        CplScenarioEditor *self)
{
  fill_range_form (self, form_input (self, popover));
}

/* The form of row @input, in the popover of its button: built once. */
static void
ensure_range_form (CplScenarioEditor *self,
                   guint              input)
{
  RangeForm *form = &self->ranges[input];
  const char *unit;
  GtkWidget *grid, *box, *buttons, *popover, *set;
  g_autofree char *heading = NULL;

  if (form->ends[0] != NULL)
    return;
  unit = cpl_number_row_get_unit (self->input_rows[input]);
  grid = gtk_grid_new ();
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  popover = gtk_popover_new ();
  set = gtk_button_new_with_mnemonic (_("_Set Range"));
  {
    /* Translators: a heading; %s is an input, "Revenue share" */
    g_autofree char *named = g_strdup_printf (_("Range of %s"), _(inputs[input].title));

    heading = cpl_text_space_han (named);
  }

  {
    GtkWidget *title = cpl_wrapped_label_new (heading, "heading");
    GtkWidget *note = cpl_wrapped_label_new (_("A triangle: the draws fall between the low and high "
                                               "values, most often near the most likely one."), "dim-label");

    /* a popover as wide as its form, not as its longest sentence */
    gtk_label_set_max_width_chars (GTK_LABEL (title), 32);
    gtk_label_set_max_width_chars (GTK_LABEL (note), 32);
    gtk_box_append (GTK_BOX (box), title);
    gtk_box_append (GTK_BOX (box), note);
  }
  gtk_grid_set_row_spacing (GTK_GRID (grid), 6);
  gtk_grid_set_column_spacing (GTK_GRID (grid), 12);
  for (guint e = 0; e < N_ENDS; e++)
    {
      GtkWidget *label = gtk_label_new (end_title (e, FALSE));

      gtk_label_set_xalign (GTK_LABEL (label), 0);
      form->ends[e] = GTK_ENTRY (gtk_entry_new ());
      gtk_editable_set_width_chars (GTK_EDITABLE (form->ends[e]), 8);
      gtk_entry_set_input_purpose (form->ends[e], GTK_INPUT_PURPOSE_NUMBER);
      gtk_editable_set_max_width_chars (GTK_EDITABLE (form->ends[e]), 12);
      gtk_accessible_update_relation (GTK_ACCESSIBLE (form->ends[e]), GTK_ACCESSIBLE_RELATION_LABELLED_BY,
                                      label, NULL, -1);
      g_object_set_data (G_OBJECT (form->ends[e]), "cpl-input", GUINT_TO_POINTER (input));
      g_signal_connect_object (form->ends[e], "activate", G_CALLBACK (on_range_set), self, 0);
      g_signal_connect_object (form->ends[e], "changed", G_CALLBACK (on_range_end_changed), self, 0);
      gtk_grid_attach (GTK_GRID (grid), label, 0, e, 1, 1);
      gtk_grid_attach (GTK_GRID (grid), GTK_WIDGET (form->ends[e]), 1, e, 1, 1);
      if (unit != NULL && unit[0] != '\0')
        {
          GtkWidget *unit_label = gtk_label_new (unit);

          gtk_label_set_xalign (GTK_LABEL (unit_label), 0);
          gtk_widget_add_css_class (unit_label, "dim-label");
          gtk_grid_attach (GTK_GRID (grid), unit_label, 2, e, 1, 1);
        }
    }
  gtk_box_append (GTK_BOX (box), grid);

  form->message = GTK_LABEL (cpl_wrapped_label_new (NULL, "error"));
  /* as wide as the note: a wider popover, measured at one width and
   * shown at another, cut its buttons off */
  gtk_label_set_max_width_chars (form->message, 32);
  gtk_widget_set_visible (GTK_WIDGET (form->message), FALSE);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (form->message));

  form->remove = gtk_button_new_with_mnemonic (_("_Remove Range"));
  g_object_set_data (G_OBJECT (form->remove), "cpl-input", GUINT_TO_POINTER (input));
  g_signal_connect_object (form->remove, "clicked", G_CALLBACK (on_range_removed), self, 0);
  gtk_widget_add_css_class (set, "suggested-action");
  g_object_set_data (G_OBJECT (set), "cpl-input", GUINT_TO_POINTER (input));
  g_signal_connect_object (set, "clicked", G_CALLBACK (on_range_set), self, 0);
  gtk_widget_set_halign (buttons, GTK_ALIGN_END);
  gtk_box_append (GTK_BOX (buttons), form->remove);
  gtk_box_append (GTK_BOX (buttons), set);
  gtk_box_append (GTK_BOX (box), buttons);
  gtk_popover_set_child (GTK_POPOVER (popover), box);
  g_object_set_data (G_OBJECT (popover), "cpl-input", GUINT_TO_POINTER (input));
  g_signal_connect_object (popover, "show", G_CALLBACK (on_range_popover_shown), self, 0);
  gtk_menu_button_set_popover (form->button, popover);
  cpl_buttons_name_by_label (popover);
}

static void
create_range_popover (GtkMenuButton *button,
                      gpointer       data)
{
  CplScenarioEditor *self = data;

  ensure_range_form (self, form_input (self, GTK_WIDGET (button)));
}

/* The room at the end of number row @input for its range button, as wide
 * as the widest (where the window is wide): with their units as wide as
 * the widest too, the rows' pencils stand in one column (they were
 * wherever a unit and a range ended: "% a year 10–60% a year" beside
 * "%"). */
static GtkWidget *
range_room_new (CplScenarioEditor *self,
                guint              input)
{
  GtkWidget *room = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  GtkWidget *unit = cpl_number_row_get_unit_label (self->input_rows[input]);

  /* its button expands within it, to its end; the room itself does not
   * take the row's spare width (it did, more in some rows than others) */
  gtk_widget_set_hexpand (room, FALSE);
  gtk_label_set_xalign (GTK_LABEL (unit), 0);
  gtk_size_group_add_widget (self->unit_sizes, unit);
  gtk_size_group_add_widget (self->range_sizes, room);
  adw_entry_row_add_suffix (ADW_ENTRY_ROW (self->input_rows[input]), room);
  return room;
}

/* The button at the end of row @input; its form is built when it first
 * opens. */
static void
add_range_button (CplScenarioEditor *self,
                  guint              input)
{
  RangeForm *form = &self->ranges[input];
  GtkWidget *content = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);

  gtk_box_append (GTK_BOX (content), gtk_image_new_from_icon_name ("media-playlist-shuffle-symbolic"));
  form->mark = GTK_LABEL (gtk_label_new (NULL));
  gtk_widget_add_css_class (GTK_WIDGET (form->mark), "numeric");
  gtk_widget_set_visible (GTK_WIDGET (form->mark), FALSE);
  gtk_box_append (GTK_BOX (content), GTK_WIDGET (form->mark));

  form->button = GTK_MENU_BUTTON (gtk_menu_button_new ());
  gtk_menu_button_set_child (form->button, content);
  g_object_set_data (G_OBJECT (form->button), "cpl-input", GUINT_TO_POINTER (input));
  gtk_menu_button_set_create_popup_func (form->button, create_range_popover, self, NULL);
  gtk_widget_set_valign (GTK_WIDGET (form->button), GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (GTK_WIDGET (form->button), "flat");
  gtk_widget_set_hexpand (GTK_WIDGET (form->button), TRUE);
  gtk_widget_set_halign (GTK_WIDGET (form->button), GTK_ALIGN_END);
  gtk_box_append (GTK_BOX (range_room_new (self, input)), GTK_WIDGET (form->button));
  update_range_mark (self, input);
}

/* The chips: the allowed ones (a chooser with a tick per chip, made
 * when first opened; its rows only for the chips on screen), and the
 * domestic chip (a combo over the dataset's chips: nothing to rebuild
 * when they change).  A file may hold 10,000 chips. */

static void
update_chip_row (GtkWidget *row,
                 gpointer   item,
                 gpointer   data)
{
  CplScenarioEditor *self = data;
  CplChip *chip = item;
  CplVendor *vendor = self->dataset ? cpl_dataset_lookup_vendor (self->dataset, cpl_chip_get_vendor_id (chip)) : NULL;
  const char *vendor_name = vendor ? cpl_entity_get_name (CPL_ENTITY (vendor)) : cpl_chip_get_vendor_id (chip);
  g_autofree char *subtitle = NULL;
  g_autofree char *label = NULL;

  if (cpl_chip_get_domestic (chip))
    /* Translators: a chip in the allowed-chips chooser: %s its vendor */
    subtitle = g_strdup_printf (_("%s · Domestic"), vendor_name);
  else
    subtitle = g_strdup (vendor_name);
  /* Translators: the accessible name of a chip's tick box in the allowed-chips chooser */
  label = g_strdup_printf (_("Allow “%s”"), cpl_entity_get_name (CPL_ENTITY (chip)));
  cpl_check_row_set_text (row, cpl_entity_get_name (CPL_ENTITY (chip)), subtitle, label);
}

static gboolean
is_allowed (gpointer chip,
            gpointer data)
{
  CplScenarioEditor *self = data;

  return self->scenario != NULL &&
         g_strv_contains (cpl_scenario_get_allowed_chips (self->scenario), cpl_entity_get_id (CPL_ENTITY (chip)));
}

/* The search finds what the Chips view's search does
 * (cpl_dataset_chip_matches(): a name in any language, an id). */
static gboolean
chip_matches (gpointer item,
              gpointer data)
{
  CplScenarioEditor *self = data;

  return self->dataset == NULL || cpl_dataset_chip_matches (self->dataset, item, self->chip_search);
}

static void
on_chip_search_changed (GtkSearchEntry    *entry,
                        CplScenarioEditor *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (entry));
  g_autofree char *stripped = g_strstrip (g_strdup (text));

  g_clear_pointer (&self->chip_search, g_free);
  if (*stripped != '\0')
    self->chip_search = g_steal_pointer (&stripped);
  gtk_filter_changed (self->chip_filter, GTK_FILTER_CHANGE_DIFFERENT);
}

/* Enter or a tap on a chip's row moves its tick. */
static void
on_chip_activated (GtkWidget         *list,
                   guint              position,
                   CplScenarioEditor *self)
{
  g_autoptr(CplChip) chip = g_list_model_get_item (G_LIST_MODEL (self->chip_matches), position);
  GtkWidget *row = chip ? cpl_check_list_find_row (list, chip) : NULL;

  if (row != NULL)
    gtk_check_button_set_active (cpl_check_row_get_check (row), !cpl_check_row_get_active (row));
}

/* The chooser, made when first opened: a search over a list with a tick
 * per chip.  Narrow enough for a 360-pixel window. */
static void
create_chip_chooser (GtkMenuButton *button,
                     gpointer       data)
{
  CplScenarioEditor *self = data;
  GtkWidget *popover;
  GtkWidget *box;
  GtkWidget *search;
  GtkWidget *scrolled;
  g_autoptr(GtkListItemFactory) factory = NULL;

  if (gtk_menu_button_get_popover (button) != NULL)
    return;
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  search = gtk_search_entry_new ();
  /* Translators: the placeholder of the allowed-chips chooser's search */
  g_object_set (search, "placeholder-text", _("Search by name, vendor or id"), NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (search), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Search chips"), -1);
  g_signal_connect_object (search, "search-changed", G_CALLBACK (on_chip_search_changed), self, 0);
  gtk_box_append (GTK_BOX (box), search);

  factory = cpl_check_list_factory_new (_("Allowed under this policy"), 1, update_chip_row, is_allowed,
                                        on_allowed_toggled, self);
  self->chip_list = cpl_check_list_new (GTK_SELECTION_MODEL (gtk_no_selection_new (
                                          g_object_ref (G_LIST_MODEL (self->chip_matches)))),
                                        g_steal_pointer (&factory));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->chip_list), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Allowed chips"), -1);
  g_signal_connect_object (self->chip_list, "activate", G_CALLBACK (on_chip_activated), self, 0);
  gtk_search_entry_set_key_capture_widget (GTK_SEARCH_ENTRY (search), self->chip_list);
  scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_min_content_width (GTK_SCROLLED_WINDOW (scrolled), 260);
  gtk_scrolled_window_set_min_content_height (GTK_SCROLLED_WINDOW (scrolled), 320);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), self->chip_list);
  gtk_box_append (GTK_BOX (box), scrolled);

  popover = gtk_popover_new ();
  gtk_popover_set_child (GTK_POPOVER (popover), box);
  gtk_popover_set_default_widget (GTK_POPOVER (popover), search);
  gtk_menu_button_set_popover (button, popover);
}

/* The scenario changed (here or by undo): show it. */
static void
sync_from_scenario (CplScenarioEditor *self)
{
  const char * const *allowed;
  g_autofree char *summary = NULL;
  CplChip *domestic;

  if (self->scenario == NULL)
    return;
  self->syncing = TRUE;
  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (self->name_row)),
                 cpl_entity_get_name (CPL_ENTITY (self->scenario))) != 0)
    gtk_editable_set_text (GTK_EDITABLE (self->name_row), cpl_entity_get_name (CPL_ENTITY (self->scenario)));

  allowed = cpl_scenario_get_allowed_chips (self->scenario);
  /* the chooser's rows on screen; the others are ticked as they are bound */
  if (self->chip_list != NULL)
    cpl_check_list_update_ticks (self->chip_list);
  summary = cpl_scenario_allowed_chip_names (self->scenario, self->dataset);
  adw_action_row_set_subtitle (self->allowed_row, summary ? summary : _("None: a full ban"));
  if (self->policy_allowed == NULL ||
      !g_strv_equal ((const char * const *) self->policy_allowed, allowed) ||
      cpl_scenario_get (self->scenario, CPL_SCENARIO_REVENUE_SHARE) != self->policy_share)
    gtk_widget_set_visible (GTK_WIDGET (self->policy_note), FALSE);

  domestic = cpl_dataset_lookup_chip (self->dataset, cpl_scenario_get_domestic_chip (self->scenario));
  if (domestic != NULL)
    adw_combo_row_set_selected (self->domestic_row, cpl_dataset_position (self->dataset, CPL_ENTITY (domestic)));
  for (guint i = 0; i < N_INPUTS; i++)
    update_range_mark (self, i);
  self->syncing = FALSE;
}

/* The history of the window's document, to make one undoable step. */
static CplHistory *
editor_history (CplScenarioEditor *self)
{
  return cpl_widget_get_history (GTK_WIDGET (self));
}

/* What cpl_scenario_editor_use_rules_on() did, and which chips it left out. */
/* Sorts rates, largest first. */
static int
compare_rates_down (gconstpointer a,
                    gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x < y) - (x > y);
}

/* What a scenario's one share rate cannot say of the chips @allowed on
 * @date, who pay @shares (cpl_scenario_policy_on()), a paragraph each:
 * that the rules set them different shares (the scenario takes the
 * largest, @share, and overstates the take on the others), and which of
 * them were not yet released then.  "" when neither. */
static char *
policy_caveats (CplDataset         *dataset,
                const char * const *allowed,
                GArray             *shares,
                const GDate        *date,
                const char         *day,
                double              share)
{
  g_autoptr(GArray) rates = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  g_autoptr(GPtrArray) unreleased = g_ptr_array_new ();
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < shares->len; i++)
    {
      CplChip *chip = cpl_dataset_lookup_chip (dataset, allowed[i]);
      double rate = g_array_index (shares, double, i);
      gboolean seen = FALSE;

      g_ptr_array_add (names, (gpointer) cpl_entity_get_name (CPL_ENTITY (chip)));
      for (guint r = 0; r < rates->len; r++)
        seen |= g_array_index (rates, double, r) == rate;
      if (!seen)
        g_array_append_val (rates, rate);
      if (!cpl_chip_released_by (chip, date))
        g_ptr_array_add (unreleased, names->pdata[i]);
    }

  if (rates->len > 1)
    {
      g_autoptr(GPtrArray) groups = g_ptr_array_new_with_free_func (g_free);
      g_autofree char *rate = cpl_format_rate (share);
      g_autofree char *list = NULL;

      g_array_sort (rates, compare_rates_down);
      for (guint r = 0; r < rates->len; r++)
        {
          g_autoptr(GPtrArray) paying = g_ptr_array_new ();
          g_autofree char *these = NULL;
          g_autofree char *at = cpl_format_rate (g_array_index (rates, double, r));

          for (guint i = 0; i < shares->len; i++)
            if (g_array_index (shares, double, i) == g_array_index (rates, double, r))
              g_ptr_array_add (paying, names->pdata[i]);
          these = cpl_text_join_list ((const char * const *) paying->pdata, paying->len);
          /* Translators: a revenue share and the chips that pay it, "25% for H200 SXM and Instinct MI325X" */
          {
            g_autofree char *group = g_strdup_printf (_("%1$s for %2$s"), at, these);

            /* "H200 SXM 为 25%" */
            g_ptr_array_add (groups, cpl_text_space_han (group));
          }
        }
      g_ptr_array_add (groups, NULL);
      /* Translators: between the groups of chips of one share rate */
      list = g_strjoinv (_("; "), (char **) groups->pdata);
      /* Translators: %1$s lists the rates and their chips, "25% for H200 SXM; 0% for A100 SXM4 80GB";
       * %2$s is the largest rate, "25%" */
      g_string_append_printf (text, _("The rules set different revenue shares: %1$s. A scenario has one share "
                                      "rate: it takes the largest, %2$s, which overstates the US take on the "
                                      "chips that pay less."), list, rate);
    }
  if (unreleased->len > 0)
    {
      g_autofree char *list = cpl_text_join_list ((const char * const *) unreleased->pdata, unreleased->len);

      if (text->len > 0)
        g_string_append_c (text, '\n');
      /* Translators: %1$s names chips, %2$s is a date, "7 October 2022" */
      g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE,
                                                 "%1$s was not yet released on %2$s: the rules are applied to it "
                                                 "as if it had been.",
                                                 "%1$s were not yet released on %2$s: the rules are applied to "
                                                 "them as if they had been.", unreleased->len),
                              list, day);
    }
  return g_string_free (text, FALSE);
}

static char *
policy_note_text (const char *day,
                  guint       n_allowed,
                  double      share,
                  const char *caveats,
                  GPtrArray  *left_out)
{
  g_autofree char *rate = cpl_format_rate (share);
  GString *text = g_string_new (NULL);

  if (n_allowed == 0)
    /* Translators: %1$s is a date, "1 June 2025"; %2$s a rate, "0%" */
    g_string_append_printf (text, _("From the rules in force on %1$s: no chip allowed (a full ban), "
                                    "revenue share %2$s."), day, rate);
  else
    /* Translators: %1$s is a date, "1 February 2026"; %2$u a number of chips; %3$s a rate, "25%" */
    g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE,
                                               "From the rules in force on %1$s: %2$u chip allowed, "
                                               "revenue share %3$s.",
                                               "From the rules in force on %1$s: %2$u chips allowed, "
                                               "revenue share %3$s.", n_allowed),
                            day, n_allowed, rate);
  if (*caveats != '\0')
    g_string_append_printf (text, "\n%s", caveats);
  /* the list and a rewritten scenario kept "H200 with a 25% revenue
   * share (December 2025)" over the H20 and MI308X at 15% */
  g_string_append_c (text, '\n');
  g_string_append (text, _("The name and description are left as they were: change them if they no longer fit."));
  if (left_out->len > 0)
    {
      g_string_append_c (text, '\n');
      /* Translators: the chips the rules open but the scenario cannot take follow */
      g_string_append (text, _("Left out:"));
      for (guint i = 0; i < left_out->len; i++)
        /* Translators: one item of a list */
        g_string_append_printf (text, _("\n• %s"), (const char *) g_ptr_array_index (left_out, i));
    }
  return g_string_free (text, FALSE);
}

/**
 * cpl_scenario_editor_use_rules_on:
 *
 * Sets the scenario's allowed chips and revenue share to those of the
 * rules in force on @date (cpl_scenario_policy_on()), as one step of the
 * window's history, and says what it did and what it left out.
 */
void
cpl_scenario_editor_use_rules_on (CplScenarioEditor *self,
                                  const GDate       *date)
{
  g_auto(GStrv) allowed = NULL;
  g_autoptr(GPtrArray) left_out = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *note = NULL;
  g_autofree char *caveats = NULL;
  g_autoptr(GArray) shares = NULL;
  CplHistory *history;
  double share;
  g_autofree char *day = NULL;

  g_return_if_fail (CPL_IS_SCENARIO_EDITOR (self));
  g_return_if_fail (date != NULL && g_date_valid (date));
  if (self->scenario == NULL || self->dataset == NULL)
    return;

  cpl_scenario_policy_on (self->dataset, self->scenario, date, &allowed, &share, &shares, &left_out);
  history = editor_history (self);
  if (history != NULL)
    cpl_history_begin_group (history);
  cpl_scenario_set_allowed_chips (self->scenario, (const char * const *) allowed);
  if (!cpl_entity_set_number (CPL_ENTITY (self->scenario), CPL_SCENARIO_REVENUE_SHARE, share, &error))
    g_ptr_array_add (left_out, g_strdup (error->message));
  if (history != NULL)
    cpl_history_end_group (history);

  day = cpl_date_format_long (date);
  caveats = policy_caveats (self->dataset, (const char * const *) allowed, shares, date, day, share);
  note = policy_note_text (day, g_strv_length (allowed), share, caveats, left_out);
  g_strfreev (self->policy_allowed);
  self->policy_allowed = g_steal_pointer (&allowed);
  self->policy_share = share;
  gtk_label_set_text (self->policy_note, note);
  gtk_widget_set_visible (GTK_WIDGET (self->policy_note), TRUE);
}

static void
on_rule_date_picked (gpointer     data,
                     const GDate *date)
{
  CplScenarioEditor *self = data;

  gtk_menu_button_popdown (self->rules_button);
  cpl_scenario_editor_use_rules_on (self, date);
}

static void
on_use_calendar_day (CplScenarioEditor *self)
{
  GDate date;

  cpl_calendar_get_day (self->rules_calendar, &date);
  on_rule_date_picked (self, &date);
}

/* A button per rule date (50 rules, 50 buttons), made when the popover
 * shows rather than at every change of the dataset's rules. */
static void
rebuild_rule_dates (CplScenarioEditor *self)
{
  if (self->rule_dates != NULL && self->dataset != NULL)
    cpl_rule_dates_fill (self->rule_dates, self->dataset, on_rule_date_picked, self);
}

/* The rules' popover: quick picks at every rule's effective date and a
 * calendar, built when first opened. */
static void
create_rules_popover (GtkMenuButton *button,
                      gpointer       data)
{
  CplScenarioEditor *self = data;
  GtkWidget *calendar_part, *use, *popover;

  if (self->rule_dates != NULL)
    return;
  /* a day on the calendar is used only on the button: the calendar's
   * own arrows and clicks change the day shown, not the scenario */
  calendar_part = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  self->rules_calendar = GTK_CALENDAR (gtk_calendar_new ());
  gtk_box_append (GTK_BOX (calendar_part), GTK_WIDGET (self->rules_calendar));
  use = gtk_button_new_with_mnemonic (_("_Use This Day's Rules"));
  gtk_widget_add_css_class (use, "suggested-action");
  g_signal_connect_object (use, "clicked", G_CALLBACK (on_use_calendar_day), self, G_CONNECT_SWAPPED);
  gtk_box_append (GTK_BOX (calendar_part), use);
  self->rule_dates = GTK_BOX (gtk_box_new (GTK_ORIENTATION_VERTICAL, 0));
  popover = cpl_date_popover_new (calendar_part, self->rule_dates);
  gtk_menu_button_set_popover (button, popover);
  cpl_buttons_name_by_label (popover);
  rebuild_rule_dates (self);
}

/* "Use the rules in force on …": a date popover with quick picks at
 * every rule's effective date, like the Chips view's date control. */
static GtkWidget *
rules_row_new (CplScenarioEditor *self)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Use the rules in force on…"));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row),
                               _("Fills the allowed chips and the revenue share from the export rules of a day"));

  self->rules_button = GTK_MENU_BUTTON (gtk_menu_button_new ());
  gtk_menu_button_set_icon_name (self->rules_button, "x-office-calendar-symbolic");
  gtk_menu_button_set_create_popup_func (self->rules_button, create_rules_popover, self, NULL);
  gtk_widget_set_valign (GTK_WIDGET (self->rules_button), GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (GTK_WIDGET (self->rules_button), "flat");
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->rules_button), _("Choose the day of the rules"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->rules_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Use the rules in force on…"), -1);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), GTK_WIDGET (self->rules_button));
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), GTK_WIDGET (self->rules_button));
  return row;
}

static void
cpl_scenario_editor_dispose (GObject *object)
{
  CplScenarioEditor *self = CPL_SCENARIO_EDITOR (object);

  cpl_scenario_editor_bind (self, NULL, NULL);
  g_clear_handle_id (&self->compact_idle, g_source_remove);
  for (guint i = 0; i < N_INPUTS; i++)
    g_clear_pointer (&self->ranges[i].says, g_free);
  g_clear_object (&self->chip_matches);
  g_clear_pointer (&self->chip_search, g_free);
  g_clear_pointer (&self->policy_allowed, g_strfreev);
  g_clear_pointer (&self->messages_text, g_free);
  g_clear_pointer (&self->stale_note, g_free);
  g_clear_object (&self->unit_sizes);
  g_clear_object (&self->range_sizes);
  G_OBJECT_CLASS (cpl_scenario_editor_parent_class)->dispose (object);
}

static void
cpl_scenario_editor_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  switch (prop_id)
    {
    case PROP_STALE_NOTE:
      g_value_set_string (value, CPL_SCENARIO_EDITOR (object)->stale_note);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

/* The focused input's meaning under its group, as a form gives its
 * field's help: a tooltip (the rows have theirs) never opens on a touch
 * screen, and "Price sensitivity 2" or "Capacity spill 100" says little
 * by itself. */
static void
update_hints (CplScenarioEditor *self)
{
  GtkWidget *focus = self->root != NULL ? gtk_root_get_focus (self->root) : NULL;
  int focused = -1;

  for (guint i = 0; i < N_INPUTS && focus != NULL; i++)
    if (focus == GTK_WIDGET (self->input_rows[i]) || gtk_widget_is_ancestor (focus, GTK_WIDGET (self->input_rows[i])))
      focused = (int) i;
  for (guint g = 0; g < N_GROUPS; g++)
    {
      gboolean here = focused >= 0 && inputs[focused].group == g;

      if (here)
        gtk_label_set_text (self->hints[g], _(inputs[focused].explanation));
      gtk_widget_set_visible (GTK_WIDGET (self->hints[g]), here);
    }
}

static void
cpl_scenario_editor_root (GtkWidget *widget)
{
  CplScenarioEditor *self = CPL_SCENARIO_EDITOR (widget);

  GTK_WIDGET_CLASS (cpl_scenario_editor_parent_class)->root (widget);
  self->root = gtk_widget_get_root (widget);
  self->focus_handler = g_signal_connect_swapped (self->root, "notify::focus-widget", G_CALLBACK (update_hints), self);
}

static void
cpl_scenario_editor_unroot (GtkWidget *widget)
{
  CplScenarioEditor *self = CPL_SCENARIO_EDITOR (widget);

  g_clear_signal_handler (&self->focus_handler, self->root);
  self->root = NULL;
  GTK_WIDGET_CLASS (cpl_scenario_editor_parent_class)->unroot (widget);
}

/* The width under which the editor is compact: its rows' units and
 * ranges each as wide as their own text, a range by its icon alone and
 * the domestic chip's name under its title.  Wider, the units and the
 * ranges take the widest one's width, so that the pencils stand in one
 * column, and still leave a title such as "Domestic capacity growth" and
 * a value such as "2,000,000" whole.  In a 1100 px window's parameters
 * pane (400 px) the aligned rows read "Fir…", "De…" and "2,00". */
#define COMPACT_BELOW 560

static gboolean
apply_width (gpointer data)
{
  CplScenarioEditor *self = data;

  self->compact_idle = 0;
  cpl_scenario_editor_set_compact (self, gtk_widget_get_width (GTK_WIDGET (self)) < COMPACT_BELOW);
  return G_SOURCE_REMOVE;
}

/* Compact or not by the width the editor is given, not the window's: a
 * wide window shows the editor in a pane at the side.  Changed after the
 * frame that drew it at its new width, not inside its layout (a GtkBox
 * lays out with its layout manager, and has no size_allocate to wrap). */
static void
cpl_scenario_editor_snapshot (GtkWidget   *widget,
                              GtkSnapshot *snapshot)
{
  CplScenarioEditor *self = CPL_SCENARIO_EDITOR (widget);

  GTK_WIDGET_CLASS (cpl_scenario_editor_parent_class)->snapshot (widget, snapshot);
  if ((gtk_widget_get_width (widget) < COMPACT_BELOW) != self->compact && self->compact_idle == 0)
    self->compact_idle = g_idle_add (apply_width, self);
}

static void
cpl_scenario_editor_class_init (CplScenarioEditorClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = cpl_scenario_editor_dispose;
  G_OBJECT_CLASS (klass)->get_property = cpl_scenario_editor_get_property;
  GTK_WIDGET_CLASS (klass)->root = cpl_scenario_editor_root;
  GTK_WIDGET_CLASS (klass)->unroot = cpl_scenario_editor_unroot;
  GTK_WIDGET_CLASS (klass)->snapshot = cpl_scenario_editor_snapshot;

  /**
   * CplScenarioEditor:stale-note: (nullable)
   *
   * While an input holds text it refused, what to say by the scenario's
   * figures: they are of the value last accepted (cpl_number_rows_stale_note()).
   */
  properties[PROP_STALE_NOTE] =
    g_param_spec_string ("stale-note", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (G_OBJECT_CLASS (klass), N_PROPS, properties);
}

static void
cpl_scenario_editor_init (CplScenarioEditor *self)
{
  gtk_orientable_set_orientation (GTK_ORIENTABLE (self), GTK_ORIENTATION_VERTICAL);
  gtk_box_set_spacing (GTK_BOX (self), 18);

  for (guint g = 0; g < N_GROUPS; g++)
    {
      self->groups[g] = adw_preferences_group_new ();
      adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (self->groups[g]), _(group_titles[g]));
      gtk_box_append (GTK_BOX (self), self->groups[g]);
    }

  self->name_row = ADW_ENTRY_ROW (adw_entry_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->name_row), _("Name"));
  g_signal_connect_object (self->name_row, "changed", G_CALLBACK (on_name_changed), self, G_CONNECT_SWAPPED);
  /* each keystroke is an edit: Ctrl+Z is the document's */
  gtk_editable_set_enable_undo (GTK_EDITABLE (self->name_row), FALSE);
  cpl_widget_take_undo_keys (GTK_WIDGET (self->name_row));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self->groups[GROUP_SCENARIO]), GTK_WIDGET (self->name_row));

  self->allowed_row = ADW_ACTION_ROW (adw_action_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->allowed_row), _("Allowed chips"));
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (self->allowed_row), FALSE);
  adw_action_row_set_subtitle_lines (self->allowed_row, 3);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->allowed_row),
                               _("The chips that may be sold to China under this policy; none is a full ban"));
  self->allowed_button = GTK_MENU_BUTTON (gtk_menu_button_new ());
  gtk_menu_button_set_icon_name (self->allowed_button, "document-edit-symbolic");
  gtk_widget_add_css_class (GTK_WIDGET (self->allowed_button), "flat");
  gtk_widget_set_valign (GTK_WIDGET (self->allowed_button), GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->allowed_button), _("Choose the Allowed Chips"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->allowed_button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Choose the Allowed Chips"), -1);
  gtk_menu_button_set_create_popup_func (self->allowed_button, create_chip_chooser, self, NULL);
  adw_action_row_add_suffix (self->allowed_row, GTK_WIDGET (self->allowed_button));
  adw_action_row_set_activatable_widget (self->allowed_row, GTK_WIDGET (self->allowed_button));
  self->chip_filter = GTK_FILTER (gtk_custom_filter_new (chip_matches, self, NULL));
  self->chip_matches = gtk_filter_list_model_new (NULL, self->chip_filter);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self->groups[GROUP_POLICY]), GTK_WIDGET (self->allowed_row));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self->groups[GROUP_POLICY]), rules_row_new (self));
  self->policy_note = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->policy_note, TRUE);
  gtk_label_set_xalign (self->policy_note, 0);
  gtk_label_set_selectable (self->policy_note, TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self->policy_note), "dim-label");
  gtk_widget_set_margin_top (GTK_WIDGET (self->policy_note), 6);
  gtk_widget_set_visible (GTK_WIDGET (self->policy_note), FALSE);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self->groups[GROUP_POLICY]), GTK_WIDGET (self->policy_note));

  self->domestic_row = ADW_COMBO_ROW (adw_combo_row_new ());
  adw_combo_row_set_expression (self->domestic_row, gtk_property_expression_new (CPL_TYPE_ENTITY, NULL, "name"));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->domestic_row), _("Domestic chip"));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->domestic_row), _(DOMESTIC_SUBTITLE));
  g_signal_connect_object (self->domestic_row, "notify::selected", G_CALLBACK (on_domestic_selected), self, G_CONNECT_SWAPPED);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self->groups[GROUP_DOMESTIC]), GTK_WIDGET (self->domestic_row));

  self->unit_sizes = gtk_size_group_new (GTK_SIZE_GROUP_HORIZONTAL);
  self->range_sizes = gtk_size_group_new (GTK_SIZE_GROUP_HORIZONTAL);
  for (guint i = 0; i < N_INPUTS; i++)
    {
      const char *unit = (*inputs[i].unit == '\0' || g_str_equal (inputs[i].unit, "%")) ? inputs[i].unit : _(inputs[i].unit);

      self->input_rows[i] = cpl_number_row_new (_(inputs[i].title), unit, inputs[i].scale, inputs[i].digits);
      cpl_number_row_set_explanation (self->input_rows[i], _(inputs[i].explanation));
      cpl_number_row_set_plain (self->input_rows[i], inputs[i].field == CPL_SCENARIO_START_YEAR);
      cpl_number_row_set_count_unit (self->input_rows[i], inputs[i].count);
      g_signal_connect_object (self->input_rows[i], "notify::message", G_CALLBACK (update_messages), self, G_CONNECT_SWAPPED);
      if (inputs[i].field >= CPL_SCENARIO_REVENUE_SHARE)
        add_range_button (self, i);
      else
        range_room_new (self, i);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (self->groups[inputs[i].group]), GTK_WIDGET (self->input_rows[i]));
    }

  for (guint g = 0; g < N_GROUPS; g++)
    {
      self->messages[g] = cpl_number_messages_append (self->groups[g]);
      self->hints[g] = GTK_LABEL (gtk_label_new (NULL));
      gtk_label_set_wrap (self->hints[g], TRUE);
      gtk_label_set_xalign (self->hints[g], 0);
      gtk_widget_add_css_class (GTK_WIDGET (self->hints[g]), "caption");
      gtk_widget_add_css_class (GTK_WIDGET (self->hints[g]), "dim-label");
      gtk_widget_set_margin_top (GTK_WIDGET (self->hints[g]), 6);
      gtk_widget_set_visible (GTK_WIDGET (self->hints[g]), FALSE);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (self->groups[g]), GTK_WIDGET (self->hints[g]));
    }
  /* until it is given a width: the pane at a wide window's side is
   * narrow too, so its first frame is the one it keeps */
  cpl_scenario_editor_set_compact (self, TRUE);
}

/* Returns: the meaning shown under the focused input's group, or "" */
const char *
cpl_scenario_editor_get_hint (CplScenarioEditor *self)
{
  for (guint g = 0; g < N_GROUPS; g++)
    if (gtk_widget_get_visible (GTK_WIDGET (self->hints[g])))
      return gtk_label_get_text (self->hints[g]);
  return "";
}

CplScenarioEditor *
cpl_scenario_editor_new (void)
{
  return g_object_new (CPL_TYPE_SCENARIO_EDITOR, NULL);
}

/* Shows @scenario of @dataset, and writes edits to it; NULL unbinds. */
void
cpl_scenario_editor_bind (CplScenarioEditor *self,
                          CplDataset        *dataset,
                          CplScenario       *scenario)
{
  g_return_if_fail (CPL_IS_SCENARIO_EDITOR (self));

  if (self->scenario != NULL)
    g_signal_handlers_disconnect_by_data (self->scenario, self);
  if (self->dataset != NULL && self->dataset != dataset)
    {
      g_signal_handlers_disconnect_by_data (cpl_dataset_get_chips (self->dataset), self);
      g_signal_handlers_disconnect_by_data (cpl_dataset_get_rules (self->dataset), self);
    }

  if (dataset != NULL && self->dataset != dataset)
    {
      g_set_object (&self->dataset, dataset);
      gtk_filter_list_model_set_model (self->chip_matches, cpl_dataset_get_chips (dataset));
      self->syncing = TRUE;
      adw_combo_row_set_model (self->domestic_row, cpl_dataset_get_chips (dataset));
      self->syncing = FALSE;
      /* a chip added or removed moves the domestic chip's position */
      g_signal_connect_object (cpl_dataset_get_chips (dataset), "items-changed",
                               G_CALLBACK (sync_from_scenario), self, G_CONNECT_SWAPPED);
      rebuild_rule_dates (self);
      g_signal_connect_object (cpl_dataset_get_rules (dataset), "items-changed",
                               G_CALLBACK (rebuild_rule_dates), self, G_CONNECT_SWAPPED);
    }
  else if (dataset == NULL && self->dataset != NULL)
    {
      gtk_filter_list_model_set_model (self->chip_matches, NULL);
      g_clear_object (&self->dataset);
    }

  if (self->scenario != scenario)
    gtk_widget_set_visible (GTK_WIDGET (self->policy_note), FALSE);
  g_set_object (&self->scenario, scenario);
  for (guint i = 0; i < N_INPUTS; i++)
    cpl_number_row_bind (self->input_rows[i], CPL_ENTITY (scenario), inputs[i].field);
  if (scenario == NULL)
    return;
  g_signal_connect_object (scenario, "changed", G_CALLBACK (sync_from_scenario), self, G_CONNECT_SWAPPED);
  sync_from_scenario (self);
}

/* Returns: (transfer none): the button that opens the allowed-chips
 * chooser (its popover made when first opened) */
GtkMenuButton *
cpl_scenario_editor_get_chip_chooser (CplScenarioEditor *self)
{
  g_return_val_if_fail (CPL_IS_SCENARIO_EDITOR (self), NULL);

  return self->allowed_button;
}

/* Returns: (transfer none): the input of @field_key ("revenue_share", …). */
CplNumberRow *
cpl_scenario_editor_get_input (CplScenarioEditor *self,
                               const char        *field_key)
{
  for (guint i = 0; i < N_INPUTS; i++)
    if (g_str_equal (inputs[i].key, field_key))
      return self->input_rows[i];
  return NULL;
}

/* Every refusal shown, one a line, in the order of the groups; "" when
 * there is none. */
const char *
cpl_scenario_editor_get_messages (CplScenarioEditor *self)
{
  g_free (self->messages_text);
  self->messages_text = cpl_number_messages_join (self->messages, N_GROUPS);
  return self->messages_text;
}

/* The note of the last use of the rules, or "" when there is none. */
const char *
cpl_scenario_editor_get_policy_note (CplScenarioEditor *self)
{
  return gtk_widget_get_visible (GTK_WIDGET (self->policy_note)) ? gtk_label_get_text (self->policy_note) : "";
}

/**
 * cpl_scenario_editor_set_range_text:
 * @field_key: an input that takes a range, "revenue_share"
 * @low: (nullable): the texts typed in the range form, as the user would;
 *   all three %NULL presses "Remove Range" instead
 *
 * Fills the input's range form and presses "Set Range": what the form
 * does with typed text.
 *
 * Returns: whether the range was set (or removed); when not, the form's
 *   message says why (cpl_scenario_editor_get_range_message())
 */
gboolean
cpl_scenario_editor_set_range_text (CplScenarioEditor *self,
                                    const char        *field_key,
                                    const char        *low,
                                    const char        *mode,
                                    const char        *high)
{
  const char *texts[N_ENDS] = { low, mode, high };

  g_return_val_if_fail (CPL_IS_SCENARIO_EDITOR (self), FALSE);

  for (guint i = 0; i < N_INPUTS; i++)
    if (g_str_equal (inputs[i].key, field_key) && self->ranges[i].button != NULL && self->scenario != NULL)
      {
        ensure_range_form (self, i);
        fill_range_form (self, i);
        if (low == NULL && mode == NULL && high == NULL)
          {
            g_signal_emit_by_name (self->ranges[i].remove, "clicked");
            return !cpl_scenario_get_range (self->scenario, field_key, NULL);
          }
        for (guint e = 0; e < N_ENDS; e++)
          gtk_editable_set_text (GTK_EDITABLE (self->ranges[i].ends[e]), texts[e]);
        return apply_range_form (self, i);
      }
  return FALSE;
}

/**
 * cpl_scenario_editor_get_range_end:
 * @end: 0 low, 1 most likely, 2 high
 *
 * The entry of one end in @field_key's range form, the form made and
 * filled as it is when its popover opens, for tests.
 *
 * Returns: (transfer none) (nullable): %NULL when the input takes no range
 */
GtkEditable *
cpl_scenario_editor_get_range_end (CplScenarioEditor *self,
                                   const char        *field_key,
                                   guint              end)
{
  g_return_val_if_fail (CPL_IS_SCENARIO_EDITOR (self), NULL);
  g_return_val_if_fail (end < N_ENDS, NULL);

  for (guint i = 0; i < N_INPUTS; i++)
    if (g_str_equal (inputs[i].key, field_key) && self->ranges[i].button != NULL && self->scenario != NULL)
      {
        ensure_range_form (self, i);
        fill_range_form (self, i);
        return GTK_EDITABLE (self->ranges[i].ends[end]);
      }
  return NULL;
}

/* The range form's message for @field_key, or "". */
const char *
cpl_scenario_editor_get_range_message (CplScenarioEditor *self,
                                       const char        *field_key)
{
  for (guint i = 0; i < N_INPUTS; i++)
    if (g_str_equal (inputs[i].key, field_key) && self->ranges[i].message != NULL)
      return gtk_widget_get_visible (GTK_WIDGET (self->ranges[i].message))
             ? gtk_label_get_text (self->ranges[i].message) : "";
  return "";
}

/* What the range button of @field_key says (its accessible label; its
 * tooltip too, with the range and its numbers kept whole for wrapping),
 * or NULL when the input takes no range. */
const char *
cpl_scenario_editor_get_range_mark (CplScenarioEditor *self,
                                    const char        *field_key)
{
  for (guint i = 0; i < N_INPUTS; i++)
    if (g_str_equal (inputs[i].key, field_key) && self->ranges[i].button != NULL)
      return self->ranges[i].says;
  return NULL;
}

/**
 * cpl_scenario_editor_set_compact:
 *
 * Compact (narrower than COMPACT_BELOW: on a phone, or in a wide
 * window's parameters pane), a ranged row shows its range by its accent
 * icon, the range in its tooltip, and keeps its title whole; the
 * domestic chip's name stands under its title.  The editor sets it from
 * its width; a call sets it until the width next says otherwise.
 */
void
cpl_scenario_editor_set_compact (CplScenarioEditor *self,
                                 gboolean           compact)
{
  g_return_if_fail (CPL_IS_SCENARIO_EDITOR (self));

  if (self->compact == !!compact)
    return;
  self->compact = !!compact;
  for (guint i = 0; i < N_INPUTS; i++)
    update_range_mark (self, i);
  /* a phone has no width to spare for a column of pencils */
  gtk_size_group_set_mode (self->unit_sizes, compact ? GTK_SIZE_GROUP_NONE : GTK_SIZE_GROUP_HORIZONTAL);
  gtk_size_group_set_mode (self->range_sizes, compact ? GTK_SIZE_GROUP_NONE : GTK_SIZE_GROUP_HORIZONTAL);
  /* nor beside the domestic chip's title for its name, which read "A…"
   * after "The chip that meets the rest of the demand": the name goes
   * under the title, in the row's whole width */
  adw_combo_row_set_use_subtitle (self->domestic_row, compact);
  if (!compact)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (self->domestic_row), _(DOMESTIC_SUBTITLE));
}

/**
 * cpl_scenario_parameter_key:
 * @index: from 0
 *
 * The numeric parameters that may carry a range or be sought, in the
 * editor's order.
 *
 * Returns: (nullable): the key of parameter @index ("revenue_share"), or
 *   %NULL past the last
 */
const char *
cpl_scenario_parameter_key (guint index)
{
  for (guint i = 0, n = 0; i < N_INPUTS; i++)
    if (inputs[i].field >= CPL_SCENARIO_REVENUE_SHARE && n++ == index)
      return inputs[i].key;
  return NULL;
}

/**
 * cpl_scenario_input_key:
 * @index: from 0
 * @group: (out) (optional): the title of its group ("Policy"), translated
 *
 * Every numeric parameter the editor shows, in its order, from the first
 * year on.
 *
 * Returns: (nullable): the key of input @index ("start_year"), or %NULL
 *   past the last
 */
const char *
cpl_scenario_input_key (guint        index,
                        const char **group)
{
  if (index >= N_INPUTS)
    return NULL;
  if (group != NULL)
    *group = _(group_titles[inputs[index].group]);
  return inputs[index].key;
}

/* The title of parameter @key as the editor shows it ("Revenue share"),
 * translated; the key itself when the editor has no row for it. */
const char *
cpl_scenario_parameter_title (const char *key)
{
  for (guint i = 0; i < N_INPUTS; i++)
    if (g_str_equal (inputs[i].key, key))
      return _(inputs[i].title);
  return key;
}

static int
input_of (const char *key)
{
  for (guint i = 0; i < N_INPUTS; i++)
    if (g_str_equal (inputs[i].key, key))
      return (int) i;
  return -1;
}

/* The number of @value as input @i shows it, without its unit: "25", "4.5" */
static char *
input_number (guint  i,
              double value)
{
  double shown = value * inputs[i].scale;

  return cpl_format_number (shown, shown == round (shown) ? 0 : inputs[i].digits);
}

/* A parameter as the editor shows it (cpl_notes_caveat()). */
static char *
format_parameter (guint        index,
                  double       value,
                  const char **title,
                  gpointer     data)
{
  const char *key = cpl_entity_get_field (data, index)->key;

  *title = cpl_scenario_parameter_title (key);
  /* the Monte Carlo seed has no row */
  return *title != key ? cpl_scenario_parameter_format (key, value) : NULL;
}

/* The scenario's chips, named by their rows' titles. */
static void
other_changes (CplEntity *entity,
               CplEntity *shipped,
               GPtrArray *changes)
{
  CplScenario *scenario = CPL_SCENARIO (entity), *was = CPL_SCENARIO (shipped);

  if (!g_strv_equal (cpl_scenario_get_allowed_chips (scenario), cpl_scenario_get_allowed_chips (was)))
    g_ptr_array_add (changes, g_strdup (_("Allowed chips")));
  if (g_strcmp0 (cpl_scenario_get_domestic_chip (scenario), cpl_scenario_get_domestic_chip (was)) != 0)
    g_ptr_array_add (changes, g_strdup (_("Domestic chip")));
}

/**
 * cpl_scenario_notes_caveat:
 *
 * Returns: (transfer full) (nullable): what of @scenario's parameters
 *   and chips differ from those its built-in notes were written for
 *   (cpl_notes_caveat()), or %NULL
 */
char *
cpl_scenario_notes_caveat (CplScenario *scenario)
{
  g_return_val_if_fail (CPL_IS_SCENARIO (scenario), NULL);
  return cpl_notes_caveat (CPL_ENTITY (scenario), format_parameter, other_changes, scenario);
}

/* A range of parameter @key, its unit once: "10–40%", "1–3 years". */
char *
cpl_scenario_parameter_format_range (const char *key,
                                     double      low,
                                     double      high)
{
  int i = input_of (key);
  g_autofree char *from = NULL;
  g_autofree char *to = cpl_scenario_parameter_format (key, high);

  /* a percentage at both ends, "10%–40%", "10%–60% a year", as the
   * glossary writes a Chinese range (10%～40%: "50～100%" read as 50 to
   * 100 percent in no language); another unit once, "1.2–1.5" */
  if (i >= 0 && g_str_equal (inputs[i].unit, "%"))
    from = cpl_scenario_parameter_format (key, low);
  else if (i >= 0 && inputs[i].unit[0] == '%')
    {
      g_autofree char *number = input_number (i, low);

      from = g_strconcat (number, "%", NULL);
    }
  else
    from = i >= 0 ? input_number (i, low) : cpl_format_number (low, 2);

  /* Translators: the low and high ends of a range: "10%–40%", "1.2–1.5" */
  return g_strdup_printf (_("%1$s–%2$s"), from, to);
}

/* A value of parameter @key as its row shows it: "25%", "1,000 PFLOP/s
 * a year", "4.5 years". */
char *
cpl_scenario_parameter_format (const char *key,
                               double      value)
{
  for (guint i = 0; i < N_INPUTS; i++)
    if (g_str_equal (inputs[i].key, key))
      {
        double shown = value * inputs[i].scale;
        int digits = inputs[i].digits;
        g_autofree char *number = NULL;

        if (inputs[i].field == CPL_SCENARIO_START_YEAR)
          return cpl_scenario_format_year (value, NULL);  /* plain, as its row */
        if (g_str_equal (inputs[i].unit, "%"))
          return cpl_format_percent (value, shown == round (shown) ? 0 : digits);
        number = input_number (i, value);
        if (inputs[i].count == CPL_COUNT_UNIT_YEARS)
          /* Translators: a number of years, "4.5 years" */
          return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s year", "%s years", cpl_plural_count (shown)),
                                  number);
        if (inputs[i].unit[0] == '\0')
          return g_steal_pointer (&number);
        /* a percent sign stays with its number: "60% a year" */
        if (inputs[i].unit[0] == '%')
          return g_strconcat (number, _(inputs[i].unit), NULL);
        return g_strdup_printf (C_("number with unit", "%1$s %2$s"), number, _(inputs[i].unit));
      }
  return cpl_format_number (value, 2);
}
