/* cpl-scenario-analysis.c: what moves one scenario's totals
 *
 * The share-rate curve (MODEL.md §6.1): the government's take and the
 * vendors' net revenue (gross − take) against the revenue share from 0 to
 * 100%, and the final domestic share beside them, with the current rate,
 * the rate that maximises the take, and the rate past which no exported
 * chip is offered any more (the vendors' break-even) marked.  Pressing or
 * dragging on either chart (or Left/Right on it) sets the scenario's
 * revenue share: an edit like any other, undone with Ctrl+Z.
 *
 * The tornado (MODEL.md §6), when the scenario has ranges: each ranged
 * parameter alone at its low and its high value, and how far that moves
 * the total the user picks, widest swing first.
 *
 * Goal seek: the parameter to find, the total to reach and its target,
 * with the answer and an "Apply" button, or the reason there is none.
 */
#define G_LOG_DOMAIN "cpl-scenario-analysis"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "cpl-scenario-analysis.h"
#include "cpl-scenario-editor.h"
#include "cpl-scenario-results.h"
#include "views/cpl-chart-builders.h"
#include "views/cpl-chart-export.h"
#include "views/cpl-view-util.h"
#include "widgets/cpl-chart-view.h"
#include "widgets/cpl-tornado-chart.h"

/* A target typed for a total, in a unit that reads well: money as the
 * language counts it (cpl_money_input_scale(): billions of US dollars,
 * or 亿美元), a percentage, PFLOP/s(-years). */
static const struct {
  double      scale;      /* typed = value × scale; 0: money */
  const char *unit;       /* N_(), "%", or NULL: money */
} target_units[CPL_N_TOTALS] = {
  [CPL_TOTAL_GOVERNMENT_TAKE] = { 0, NULL },
  [CPL_TOTAL_COMPUTE_GAP] = { 1, N_("PFLOP/s") },
  [CPL_TOTAL_DOMESTIC_INSTALLED] = { 1, N_("PFLOP/s") },
  [CPL_TOTAL_FINAL_DOMESTIC_SHARE] = { 100, "%" },
  [CPL_TOTAL_GROSS_REVENUE] = { 0, NULL },
};

/* typed = value × target_scale(), in the unit target_unit() */
static double
target_scale (CplTotal total)
{
  return target_units[total].unit == NULL ? cpl_money_input_scale (NULL) : target_units[total].scale;
}

/* The order of the totals in the goal-seek menu. */
static const CplTotal total_order[CPL_N_TOTALS] = {
  CPL_TOTAL_GOVERNMENT_TAKE, CPL_TOTAL_GROSS_REVENUE, CPL_TOTAL_COMPUTE_GAP,
  CPL_TOTAL_DOMESTIC_INSTALLED, CPL_TOTAL_FINAL_DOMESTIC_SHARE,
};

struct _CplScenarioAnalysis
{
  GtkBox          parent_instance;

  CplLineChart   *money_chart;     /* take and vendors' net revenue */
  CplLineChart   *share_chart;     /* final domestic share */
  GtkWidget      *curve_cards[2];  /* the two charts' cards: hidden when nothing is sold */
  GtkLabel       *share_note;

  GtkWidget      *tornado_card;    /* shown when the scenario has ranges */
  GtkDropDown    *tornado_total;
  CplTornadoChart *tornado;
  GtkWidget       *tornado_view;
  GtkLabel       *tornado_note;    /* instead of the chart when nothing swings */

  AdwComboRow    *seek_parameter;
  AdwComboRow    *seek_total;
  gboolean        totals_chosen;   /* the user picked a total or parameter:
                                    * a scenario no longer picks them */
  gboolean        picking;         /* the defaults being set, not the user */
  AdwEntryRow    *seek_target;
  GtkLabel       *seek_unit;
  GtkLabel       *seek_now;        /* under the target: the total as it is */
  GtkLabel       *seek_answer;
  GtkWidget      *seek_apply;
  char           *seek_key;        /* the answer's parameter, or NULL */
  double          seek_value;

  CplDataset     *dataset;
  CplScenario    *scenario;
};

G_DEFINE_FINAL_TYPE (CplScenarioAnalysis, cpl_scenario_analysis, GTK_TYPE_BOX)

/* The share-rate curve ---------------------------------------------------- */

static void
show_curve_cards (CplScenarioAnalysis *self,
                  gboolean             shown)
{
  for (guint i = 0; i < G_N_ELEMENTS (self->curve_cards); i++)
    gtk_widget_set_visible (self->curve_cards[i], shown);
}

/* The names of the chips @scenario allows that have no unit cost, as a
 * reader lists them ("H20, B200 and Instinct MI308X"), or NULL; @n: how
 * many.  The offer rule (MODEL.md §5 step 3) takes such a chip to be sold
 * at any rate. */
static char *
uncosted_chips (CplScenario *scenario,
                CplDataset  *dataset,
                guint       *n)
{
  const char * const *allowed = cpl_scenario_get_allowed_chips (scenario);
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; allowed != NULL && allowed[i] != NULL; i++)
    {
      CplChip *chip = cpl_dataset_lookup_chip (dataset, allowed[i]);

      if (chip != NULL && !isfinite (cpl_chip_get (chip, CPL_CHIP_UNIT_COST_USD)))
        g_ptr_array_add (names, (gpointer) cpl_entity_get_name (CPL_ENTITY (chip)));
    }
  *n = names->len;
  if (names->len == 0)
    return NULL;
  for (guint i = 0; i < names->len; i++)
    {
      if (i > 0)
        /* Translators: between the last two names of a list, "H20 and B200" */
        g_string_append (text, i + 1 == names->len ? _(" and ") : _(", "));
      g_string_append (text, g_ptr_array_index (names, i));
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static void
fill_share_curve (CplScenarioAnalysis *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) curve = cpl_share_curve_compute (self->scenario, self->dataset, &error);
  g_autoptr(GString) note = g_string_new (NULL);
  g_autofree char *uncosted = NULL;
  guint n_uncosted = 0;
  gboolean said_uncosted = FALSE;
  CplShareMarks marks;
  /* the keys step the rate from where the crosshair was */
  int cursors[2] = { cpl_line_chart_get_cursor (self->money_chart), cpl_line_chart_get_cursor (self->share_chart) };

  cpl_line_chart_clear (self->money_chart);
  cpl_line_chart_clear (self->share_chart);
  if (curve == NULL)
    {
      show_curve_cards (self, FALSE);
      cpl_label_set_text (self->share_note, error->message);
      return;
    }

  cpl_share_marks_compute (self->scenario, self->dataset, curve, &marks);
  /* two flat lines at $0 and a marker say less than the note: the note
   * alone when nothing is sold at any rate */
  show_curve_cards (self, marks.sold);
  cpl_share_curve_fill (self->money_chart, "share-curve", self->scenario, curve, &marks);
  cpl_share_curve_fill (self->share_chart, "share-curve-domestic", self->scenario, curve, &marks);
  cpl_line_chart_set_cursor (self->money_chart, cursors[0]);
  cpl_line_chart_set_cursor (self->share_chart, cursors[1]);

  if (!marks.sold)
    {
      cpl_label_set_text (self->share_note, _("No exported chip is sold at any share rate in this scenario, so the "
                                              "rate changes nothing: the take stays $0 and there is no best rate "
                                              "or break-even."));
      return;
    }

  uncosted = uncosted_chips (self->scenario, self->dataset, &n_uncosted);
  if (isfinite (marks.best))
    {
      /* at the break-even (within 1e-4), as the break-even reads */
      g_autofree char *rate = marks.at_even ? cpl_format_percent (marks.even, 1) : cpl_format_rate (marks.best);

      if (marks.at_even)
        /* one rate, one sentence: "highest at 82.2%" beside "from 82.2%
         * none is sold" read as a contradiction */
        g_string_append_printf (note,
                                /* Translators: %s is a rate, "82.2%" */
                                _("The take is highest just under the vendors' break-even, %s: from that rate "
                                  "no exported chip nets its unit cost, so none is sold."), rate);
      else if (marks.at_top && uncosted != NULL)
        {
          /* the reason is a gap in the data: the H20's "still sold at
           * 100%" read as a policy result */
          g_string_append_printf (note,
                                  /* Translators: %1$s is a rate, "100%"; %2$s names chips,
                                   * "Instinct MI308X" or "H20 and B200" */
                                  ngettext ("The take rises with the rate all the way, to its highest at %1$s: "
                                            "%2$s has no unit cost in the dataset, so the model takes it to be "
                                            "sold at any rate, even where its vendor keeps nothing.",
                                            "The take rises with the rate all the way, to its highest at %1$s: "
                                            "%2$s have no unit cost in the dataset, so the model takes them to be "
                                            "sold at any rate, even where their vendors keep nothing.", n_uncosted),
                                  rate, uncosted);
          said_uncosted = TRUE;
        }
      else if (marks.at_top && cpl_scenario_get (self->scenario, CPL_SCENARIO_PRICE_PASS_THROUGH) == 0)
        /* Translators: %s is a rate, "100%" */
        g_string_append_printf (note, _("The take rises with the rate all the way, to its highest at %s: with no "
                                        "price pass-through, buyers pay the same at every rate."), rate);
      else if (marks.at_top)
        /* Translators: %s is a rate, "100%" */
        g_string_append_printf (note, _("The take rises with the rate all the way: it is highest at %s, "
                                        "as buyers do not turn away from the dearer chips enough to offset it."), rate);
      else
        /* Translators: %s is a rate, "62%" */
        g_string_append_printf (note, _("The take is highest at a share rate of %s; above it, buyers turn to "
                                        "domestic chips faster than the rate rises."), rate);
    }
  /* the break-even, unless the sentence above gave it or why there is
   * none */
  if (!marks.at_even && !said_uncosted)
    {
      if (note->len > 0)
        g_string_append_c (note, '\n');
      if (isfinite (marks.even))
        {
          /* found to 1e-4: a tenth of a point */
          g_autofree char *rate = cpl_format_percent (marks.even, 1);

          /* Translators: %s is a rate, "76%" */
          g_string_append_printf (note, _("From %s no exported chip nets its unit cost, so none is sold: "
                                          "that is the vendors' break-even."), rate);
        }
      else if (uncosted != NULL)
        /* a gap in the data, not a finding */
        g_string_append_printf (note,
                                /* Translators: %s names chips, "Instinct MI308X" or "H20 and B200" */
                                ngettext ("No break-even is marked: %s has no unit cost in the dataset, so the "
                                          "model takes it to be sold at any rate.",
                                          "No break-even is marked: %s have no unit cost in the dataset, so the "
                                          "model takes them to be sold at any rate.", n_uncosted),
                                uncosted);
      else
        g_string_append (note, _("No break-even is marked: at every rate up to 100% the vendors still sell, "
                                 "or they sell nothing even at 0%."));
    }
  cpl_label_set_text (self->share_note, note->str);
}

/* A press, a drag or a key on a share chart: the revenue share there,
 * to a tenth of a percent. */
static void
on_rate_dragged (CplScenarioAnalysis *self,
                 double               x)
{
  if (self->scenario == NULL)
    return;
  cpl_entity_set_number (CPL_ENTITY (self->scenario), CPL_SCENARIO_REVENUE_SHARE,
                         CLAMP (round (x * 1000) / 1000, 0, 1), NULL);
}

static CplLineChart *
share_chart_new (CplScenarioAnalysis *self,
                 const char          *chart_id)
{
  CplLineChart *chart = CPL_LINE_CHART (cpl_chart_new_for (chart_id, FALSE));

  cpl_line_chart_set_draggable (chart, TRUE);
  g_signal_connect_object (chart, "x-dragged", G_CALLBACK (on_rate_dragged), self, G_CONNECT_SWAPPED);
  return chart;
}

/* The tornado --------------------------------------------------------------- */

/* A total or parameter picked by the user: kept from scenario to scenario. */
static void
on_choice (CplScenarioAnalysis *self)
{
  if (!self->picking)
    self->totals_chosen = TRUE;
}

static void
fill_tornado (CplScenarioAnalysis *self)
{
  CplTotal total = total_order[MIN (gtk_drop_down_get_selected (self->tornado_total), CPL_N_TOTALS - 1)];
  g_autoptr(GError) error = NULL;
  gboolean ranged = cpl_scenario_has_ranges (self->scenario);
  gboolean still;

  gtk_widget_set_visible (self->tornado_card, ranged);
  if (!ranged)
    return;
  cpl_tornado_fill (self->tornado, self->scenario, self->dataset, total, &error);
  /* when nothing moves the total, a sentence says so instead of the chart */
  still = g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  gtk_widget_set_visible (self->tornado_view, !still);
  gtk_widget_set_visible (GTK_WIDGET (self->tornado_note), still);
  cpl_label_set_text (self->tornado_note, still ? error->message : "");
  gtk_widget_set_size_request (self->tornado_view, -1,
                               MAX (260, 120 + 36 * (int) cpl_tornado_chart_get_n_bars (self->tornado)));
}

static GtkWidget *
tornado_box_new (CplScenarioAnalysis *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  g_autoptr(GtkStringList) totals = gtk_string_list_new (NULL);

  for (guint i = 0; i < CPL_N_TOTALS; i++)
    gtk_string_list_append (totals, cpl_scenario_total_title (total_order[i]));
  self->tornado_total = GTK_DROP_DOWN (gtk_drop_down_new (G_LIST_MODEL (g_steal_pointer (&totals)), NULL));
  gtk_widget_set_halign (GTK_WIDGET (self->tornado_total), GTK_ALIGN_START);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->tornado_total), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("The total the tornado shows"), -1);
  g_signal_connect_object (self->tornado_total, "notify::selected", G_CALLBACK (fill_tornado), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->tornado_total, "notify::selected", G_CALLBACK (on_choice), self,
                           G_CONNECT_SWAPPED);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->tornado_total));
  self->tornado = CPL_TORNADO_CHART (cpl_chart_new_for ("tornado", FALSE));
  self->tornado_view = cpl_chart_view_new_take (self->tornado);
  gtk_widget_set_vexpand (self->tornado_view, TRUE);
  gtk_box_append (GTK_BOX (box), self->tornado_view);
  self->tornado_note = GTK_LABEL (cpl_wrapped_label_new (NULL, "body"));
  gtk_widget_set_visible (GTK_WIDGET (self->tornado_note), FALSE);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->tornado_note));
  return box;
}

/* Goal seek ---------------------------------------------------------------- */

static CplTotal
selected_total (CplScenarioAnalysis *self)
{
  guint i = adw_combo_row_get_selected (self->seek_total);

  return total_order[MIN (i, CPL_N_TOTALS - 1)];
}

static const char *
target_unit (CplTotal total)
{
  const char *unit = NULL;

  if (target_units[total].unit == NULL)
    cpl_money_input_scale (&unit);
  else
    unit = g_str_equal (target_units[total].unit, "%") ? "%" : _(target_units[total].unit);
  return unit;
}

static void
clear_answer (CplScenarioAnalysis *self)
{
  g_clear_pointer (&self->seek_key, g_free);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->seek_answer), NULL);
  gtk_label_set_text (self->seek_answer, "");
  gtk_widget_set_visible (GTK_WIDGET (self->seek_answer), FALSE);
  gtk_widget_set_visible (self->seek_apply, FALSE);
}

/* Under the target, the total as the scenario stands, something to aim
 * from: the field is empty until a target is typed.  The dataset's
 * projection, the one the results show: no projection of its own. */
static void
show_now (CplScenarioAnalysis *self)
{
  g_autoptr(CplProjection) projection = NULL;
  g_autofree char *value = NULL;
  g_autofree char *text = NULL;
  CplTotal total = selected_total (self);

  if (self->scenario != NULL && self->dataset != NULL)
    projection = cpl_dataset_get_projection (self->dataset, self->scenario, NULL);
  if (projection == NULL)
    {
      gtk_widget_set_visible (GTK_WIDGET (self->seek_now), FALSE);
      return;
    }
  value = cpl_scenario_format_total (total, cpl_projection_get_total (projection, total));
  /* Translators: under goal seek's target; %1$s is a total, %2$s its
   * value: "US government take now: $72.4 B" */
  text = g_strdup_printf (_("%1$s now: %2$s"), cpl_scenario_total_title (total), value);
  gtk_label_set_text (self->seek_now, text);
  gtk_widget_set_visible (GTK_WIDGET (self->seek_now), TRUE);
}

static void
on_total_selected (CplScenarioAnalysis *self)
{
  gtk_label_set_text (self->seek_unit, target_unit (selected_total (self)));
  show_now (self);
  clear_answer (self);
}

static void
show_answer (CplScenarioAnalysis *self,
             const char          *text,
             gboolean             error)
{
  gtk_label_set_text (self->seek_answer, text);
  gtk_widget_set_visible (GTK_WIDGET (self->seek_answer), TRUE);
  if (error)
    gtk_widget_add_css_class (GTK_WIDGET (self->seek_answer), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->seek_answer), "error");
}

/* "Find": reads the target, seeks, and shows the answer or why not. */
static void
on_find (CplScenarioAnalysis *self)
{
  const char *key = cpl_scenario_parameter_key (adw_combo_row_get_selected (self->seek_parameter));
  CplTotal total = selected_total (self);
  g_autoptr(GError) error = NULL;
  double typed, value, achieved, least, most;

  clear_answer (self);
  if (self->scenario == NULL || key == NULL)
    return;
  if (!cpl_parse_number (gtk_editable_get_text (GTK_EDITABLE (self->seek_target)),
                         target_scale (total) == 100 ? CPL_PARSE_NUMBER_PERCENT : CPL_PARSE_NUMBER_DEFAULT,
                         &typed, &error))
    {
      /* Translators: %s says why the target typed is not a number */
      g_autofree char *message = g_strdup_printf (_("Target: %s"), error->message);

      show_answer (self, message, TRUE);
      return;
    }
  if (!cpl_goal_seek (self->scenario, self->dataset, key, total, typed / target_scale (total),
                      &value, &achieved, &least, &most, &error))
    {
      double lo, hi;

      if (cpl_goal_seek_bounds (self->scenario, key, &lo, &hi, NULL))
        {
          g_autofree char *from = cpl_scenario_parameter_format (key, lo);
          g_autofree char *to = cpl_scenario_parameter_format (key, hi);
          g_autofree char *target = cpl_scenario_format_total (total, typed / target_scale (total));
          g_autofree char *low = isfinite (least) ? cpl_scenario_format_total (total, least) : NULL;
          g_autofree char *high = isfinite (most) ? cpl_scenario_format_total (total, most) : NULL;
          g_autofree char *text = NULL;

          if (low != NULL && high != NULL && g_str_equal (low, high))
            /* Translators: goal seek found nothing because the total does
             * not move: %1$s a parameter, %2$s and %3$s its range, %4$s a
             * total, %5$s the target, %6$s the total's one value: "No value
             * of “Revenue share” from 0% to 100% brings “US government
             * take” to $100 B: it stays $0." */
            text = g_strdup_printf (_("No value of “%1$s” from %2$s to %3$s brings “%4$s” to %5$s: it stays %6$s."),
                                    cpl_scenario_parameter_title (key), from, to,
                                    cpl_scenario_total_title (total), target, low);
          else if (low != NULL && high != NULL)
            /* Translators: goal seek found nothing: %1$s a parameter, %2$s
             * and %3$s its range, %4$s a total, %5$s the target, %6$s and
             * %7$s what the total reaches over the range: "No value of
             * “Revenue share” from 0% to 100% brings “US government take”
             * to −$50 B: over that range it goes from $0 to $934 B." */
            text = g_strdup_printf (_("No value of “%1$s” from %2$s to %3$s brings “%4$s” to %5$s: over that range "
                                      "it goes from %6$s to %7$s."),
                                    cpl_scenario_parameter_title (key), from, to,
                                    cpl_scenario_total_title (total), target, low, high);
          else
            /* Translators: goal seek found nothing: %1$s a parameter, %2$s
             * and %3$s its range, %4$s a total, %5$s the target: "No value
             * of “Revenue share” from 0% to 100% brings “US government take”
             * to $100 B." (the titles quoted, as labels of the UI) */
            text = g_strdup_printf (_("No value of “%1$s” from %2$s to %3$s brings “%4$s” to %5$s."),
                                    cpl_scenario_parameter_title (key), from, to,
                                    cpl_scenario_total_title (total), target);

          show_answer (self, text, TRUE);
          /* the model's reason, with the range the total covers */
          gtk_widget_set_tooltip_text (GTK_WIDGET (self->seek_answer), error->message);
        }
      else
        show_answer (self, error->message, TRUE);
      return;
    }

  {
    g_autofree char *shown = cpl_scenario_parameter_format (key, value);
    g_autofree char *reached = cpl_scenario_format_total (total, achieved);
    /* Translators: goal seek's answer: %1$s a parameter, %2$s its value,
     * %3$s a total, %4$s what the total then is: "“Revenue share” at
     * 31.2% gives “US government take” of $50 B." */
    g_autofree char *text = g_strdup_printf (_("“%1$s” at %2$s gives “%3$s” of %4$s."),
                                             cpl_scenario_parameter_title (key), shown,
                                             cpl_scenario_total_title (total), reached);
    /* Translators: a button that sets the value goal seek found, "Apply 31.2%" */
    g_autofree char *apply = g_strdup_printf (_("Apply %s"), shown);

    show_answer (self, text, FALSE);
    gtk_button_set_label (GTK_BUTTON (self->seek_apply), apply);
    gtk_widget_set_visible (self->seek_apply, TRUE);
    self->seek_key = g_strdup (key);
    self->seek_value = value;
  }
}

/* "Apply": the value found, an edit like any other. */
static void
on_apply (CplScenarioAnalysis *self)
{
  int field;

  if (self->scenario == NULL || self->seek_key == NULL)
    return;
  field = cpl_entity_find_field (CPL_ENTITY (self->scenario), self->seek_key);
  if (field >= 0)
    cpl_entity_set_number (CPL_ENTITY (self->scenario), field, self->seek_value, NULL);
  gtk_widget_set_visible (self->seek_apply, FALSE);
}

static GtkWidget *
seek_group_new (CplScenarioAnalysis *self)
{
  GtkWidget *group = adw_preferences_group_new ();
  g_autoptr(GtkStringList) parameters = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) totals = gtk_string_list_new (NULL);
  GtkWidget *find = gtk_button_new_with_mnemonic (_("_Find"));
  GtkWidget *buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  const char *key;

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("Goal Seek"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group),
                                         _("Find the value of one parameter at which a total reaches a target; "
                                           "the other parameters stay as they are."));

  for (guint i = 0; (key = cpl_scenario_parameter_key (i)) != NULL; i++)
    gtk_string_list_append (parameters, cpl_scenario_parameter_title (key));
  self->seek_parameter = ADW_COMBO_ROW (adw_combo_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->seek_parameter), _("Parameter to find"));
  adw_combo_row_set_model (self->seek_parameter, G_LIST_MODEL (parameters));
  g_signal_connect_object (self->seek_parameter, "notify::selected", G_CALLBACK (clear_answer), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->seek_parameter, "notify::selected", G_CALLBACK (on_choice), self,
                           G_CONNECT_SWAPPED);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (self->seek_parameter));

  for (guint i = 0; i < CPL_N_TOTALS; i++)
    gtk_string_list_append (totals, cpl_scenario_total_title (total_order[i]));
  self->seek_total = ADW_COMBO_ROW (adw_combo_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->seek_total), _("Total to reach"));
  adw_combo_row_set_model (self->seek_total, G_LIST_MODEL (totals));
  g_signal_connect_object (self->seek_total, "notify::selected", G_CALLBACK (on_total_selected), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->seek_total, "notify::selected", G_CALLBACK (on_choice), self,
                           G_CONNECT_SWAPPED);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (self->seek_total));

  self->seek_target = ADW_ENTRY_ROW (adw_entry_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->seek_target), _("Target value"));
  gtk_editable_set_max_width_chars (GTK_EDITABLE (self->seek_target), CPL_EXCERPT_CHARS);
  self->seek_unit = GTK_LABEL (gtk_label_new (NULL));
  gtk_widget_add_css_class (GTK_WIDGET (self->seek_unit), "dim-label");
  adw_entry_row_add_suffix (self->seek_target, GTK_WIDGET (self->seek_unit));
  g_signal_connect_object (self->seek_target, "entry-activated", G_CALLBACK (on_find), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->seek_target, "changed", G_CALLBACK (clear_answer), self, G_CONNECT_SWAPPED);
  adw_entry_row_set_activates_default (self->seek_target, FALSE);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (self->seek_target));
  self->seek_now = GTK_LABEL (cpl_wrapped_label_new (NULL, "caption"));
  gtk_widget_add_css_class (GTK_WIDGET (self->seek_now), "dim-label");
  gtk_widget_add_css_class (GTK_WIDGET (self->seek_now), "numeric");
  gtk_widget_set_margin_top (GTK_WIDGET (self->seek_now), 6);
  gtk_widget_set_visible (GTK_WIDGET (self->seek_now), FALSE);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (self->seek_now));

  self->seek_answer = GTK_LABEL (cpl_wrapped_label_new (NULL, "body"));
  gtk_label_set_selectable (self->seek_answer, TRUE);
  gtk_widget_set_margin_top (GTK_WIDGET (self->seek_answer), 12);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (self->seek_answer));

  self->seek_apply = gtk_button_new ();
  gtk_widget_add_css_class (self->seek_apply, "suggested-action");
  g_signal_connect_object (self->seek_apply, "clicked", G_CALLBACK (on_apply), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (find, "clicked", G_CALLBACK (on_find), self, G_CONNECT_SWAPPED);
  gtk_widget_set_margin_top (buttons, 12);
  gtk_widget_set_halign (buttons, GTK_ALIGN_END);
  gtk_box_append (GTK_BOX (buttons), find);
  gtk_box_append (GTK_BOX (buttons), self->seek_apply);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), buttons);

  on_total_selected (self);
  return group;
}

/* Life cycle ---------------------------------------------------------------- */

static void
cpl_scenario_analysis_dispose (GObject *object)
{
  CplScenarioAnalysis *self = CPL_SCENARIO_ANALYSIS (object);

  g_clear_object (&self->dataset);
  g_clear_object (&self->scenario);
  g_clear_pointer (&self->seek_key, g_free);
  G_OBJECT_CLASS (cpl_scenario_analysis_parent_class)->dispose (object);
}

static void
cpl_scenario_analysis_class_init (CplScenarioAnalysisClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = cpl_scenario_analysis_dispose;
}

static void
cpl_scenario_analysis_init (CplScenarioAnalysis *self)
{
  GtkWidget *flow = cpl_scenario_chart_flow_new ();
  GtkWidget *tornado_flow;
  GtkWidget *curve = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);

  gtk_orientable_set_orientation (GTK_ORIENTABLE (self), GTK_ORIENTATION_VERTICAL);
  gtk_box_set_spacing (GTK_BOX (self), 12);

  gtk_box_append (GTK_BOX (self), cpl_wrapped_label_new (_("Share-Rate Curve"), "heading"));
  gtk_box_append (GTK_BOX (self), cpl_wrapped_label_new (_("Every total again at each revenue share from 0% to "
                                                           "100%. Press or drag on a chart to set the rate."),
                                                         "dim-label"));
  self->money_chart = share_chart_new (self, "share-curve");
  self->share_chart = share_chart_new (self, "share-curve-domestic");
  {
    g_autofree char *money = cpl_chart_dup_title ("share-curve");
    g_autofree char *share = cpl_chart_dup_title ("share-curve-domestic");

    GtkWidget *views[2] = { cpl_chart_view_new_take (self->money_chart),
                            cpl_chart_view_new_take (self->share_chart) };

    cpl_scenario_chart_flow_append (flow, money, views[0]);
    cpl_scenario_chart_flow_append (flow, share, views[1]);
    for (guint i = 0; i < G_N_ELEMENTS (views); i++)
      self->curve_cards[i] = gtk_widget_get_ancestor (views[i], GTK_TYPE_FLOW_BOX_CHILD);
  }
  {
    GtkWidget *box = tornado_box_new (self);
    /* a row of its own, the window's width: the third card of the
     * curve's flow stood alone in half of it, its names wrapped */
    GtkWidget *own = cpl_scenario_chart_flow_new ();

    g_autofree char *title = cpl_chart_dup_title ("tornado");

    gtk_flow_box_set_max_children_per_line (GTK_FLOW_BOX (own), 1);
    cpl_scenario_chart_flow_append (own, title, box);
    tornado_flow = own;
    /* the chart asks for its own height (fill_tornado()); the sentence
     * that stands instead of it needs no chart's room below it */
    gtk_widget_set_size_request (box, -1, -1);
    self->tornado_card = gtk_widget_get_ancestor (box, GTK_TYPE_FLOW_BOX_CHILD);
    gtk_widget_set_visible (self->tornado_card, FALSE);
  }
  /* what the curve says, over the charts it is read from (under them it
   * came after the tornado's card) */
  self->share_note = GTK_LABEL (cpl_wrapped_label_new (NULL, "body"));
  gtk_label_set_selectable (self->share_note, TRUE);
  gtk_box_append (GTK_BOX (curve), GTK_WIDGET (self->share_note));
  gtk_box_append (GTK_BOX (curve), flow);
  gtk_box_append (GTK_BOX (curve), tornado_flow);
  gtk_box_append (GTK_BOX (self), curve);

  gtk_box_append (GTK_BOX (self), seek_group_new (self));
}

CplScenarioAnalysis *
cpl_scenario_analysis_new (void)
{
  return g_object_new (CPL_TYPE_SCENARIO_ANALYSIS, NULL);
}

/* Until the user picks, the tornado and goal seek start from a question
 * the scenario answers: under a full ban the government's take and the
 * vendors' revenue are $0 whatever the inputs (the tornado said "no
 * parameter changes it", goal seek sought the share at which $0 reaches
 * a target), so they start from the compute gap and the domestic
 * capacity that closes it; otherwise from the take and the share rate. */
static void
pick_defaults (CplScenarioAnalysis *self,
               CplScenario         *scenario)
{
  const char * const *allowed = cpl_scenario_get_allowed_chips (scenario);
  gboolean ban = allowed == NULL || allowed[0] == NULL;
  CplTotal total = ban ? CPL_TOTAL_COMPUTE_GAP : CPL_TOTAL_GOVERNMENT_TAKE;
  const char *parameter = ban ? "domestic_capacity_pflops" : "revenue_share";
  const char *key;

  self->picking = TRUE;
  for (guint i = 0; i < CPL_N_TOTALS; i++)
    if (total_order[i] == total)
      {
        gtk_drop_down_set_selected (self->tornado_total, i);
        adw_combo_row_set_selected (self->seek_total, i);
      }
  for (guint i = 0; (key = cpl_scenario_parameter_key (i)) != NULL; i++)
    if (g_str_equal (key, parameter))
      adw_combo_row_set_selected (self->seek_parameter, i);
  self->picking = FALSE;
}

/* Shows the share-rate curve of @scenario; goal seek works on it. */
/**
 * cpl_scenario_analysis_bind:
 *
 * Follows @scenario without computing anything again: for a scenario
 * whose inputs are those of the one shown (a copy of it, a new name), so
 * that a goal sought applies to it and its charts export under its id.
 */
void
cpl_scenario_analysis_bind (CplScenarioAnalysis *self,
                            CplDataset          *dataset,
                            CplScenario         *scenario)
{
  g_return_if_fail (CPL_IS_SCENARIO_ANALYSIS (self));

  if (self->scenario != scenario)
    clear_answer (self);
  g_set_object (&self->dataset, dataset);
  g_set_object (&self->scenario, scenario);
  if (scenario != NULL && !self->totals_chosen)
    pick_defaults (self, scenario);
  if (scenario != NULL)
    {
      cpl_chart_export_set_entity (CPL_CHART (self->money_chart), CPL_ENTITY (scenario));
      cpl_chart_export_set_entity (CPL_CHART (self->share_chart), CPL_ENTITY (scenario));
      cpl_chart_export_set_entity (CPL_CHART (self->tornado), CPL_ENTITY (scenario));
    }
}

void
cpl_scenario_analysis_show (CplScenarioAnalysis *self,
                            CplDataset          *dataset,
                            CplScenario         *scenario)
{
  g_return_if_fail (CPL_IS_SCENARIO_ANALYSIS (self));

  cpl_scenario_analysis_bind (self, dataset, scenario);
  if (scenario != NULL && dataset != NULL)
    {
      CplChart *charts[] = { CPL_CHART (self->money_chart), CPL_CHART (self->share_chart),
                             CPL_CHART (self->tornado) };

      /* a chart filled with what it shows keeps its drawing */
      for (guint i = 0; i < G_N_ELEMENTS (charts); i++)
        cpl_chart_freeze_updates (charts[i]);
      fill_share_curve (self);
      fill_tornado (self);
      show_now (self);
      for (guint i = 0; i < G_N_ELEMENTS (charts); i++)
        cpl_chart_thaw_updates (charts[i]);
    }
}

/* The line under goal seek's target: the total as it is (for tests). */
const char *
cpl_scenario_analysis_get_seek_now (CplScenarioAnalysis *self)
{
  return gtk_widget_get_visible (GTK_WIDGET (self->seek_now)) ? gtk_label_get_text (self->seek_now) : NULL;
}

/* The share-rate chart of the take and net revenue (for tests). */
CplLineChart *
cpl_scenario_analysis_get_share_chart (CplScenarioAnalysis *self)
{
  return self->money_chart;
}

/* The totals the tornado and goal seek show, and goal seek's parameter
 * (for tests). */
void
cpl_scenario_analysis_get_picked (CplScenarioAnalysis *self,
                                  CplTotal            *tornado_total,
                                  CplTotal            *seek_total,
                                  const char         **seek_parameter)
{
  *tornado_total = total_order[MIN (gtk_drop_down_get_selected (self->tornado_total), CPL_N_TOTALS - 1)];
  *seek_total = selected_total (self);
  *seek_parameter = cpl_scenario_parameter_key (adw_combo_row_get_selected (self->seek_parameter));
}

/* The tornado chart (for tests), and picks its total. */
CplTornadoChart *
cpl_scenario_analysis_get_tornado (CplScenarioAnalysis *self,
                                   CplTotal             total)
{
  for (guint i = 0; i < CPL_N_TOTALS; i++)
    if (total_order[i] == total)
      gtk_drop_down_set_selected (self->tornado_total, i);
  return gtk_widget_get_visible (self->tornado_card) ? self->tornado : NULL;
}

/* What the share-rate curve says in words. */
const char *
cpl_scenario_analysis_get_share_note (CplScenarioAnalysis *self)
{
  return gtk_label_get_text (self->share_note);
}

/**
 * cpl_scenario_analysis_seek:
 * @parameter: a key, "revenue_share"
 * @target: as typed, in the total's unit ("50" billion USD)
 *
 * Picks @parameter and @total, types @target and presses "Find", as the
 * user would.
 *
 * Returns: whether there is an answer to apply
 */
gboolean
cpl_scenario_analysis_seek (CplScenarioAnalysis *self,
                            const char          *parameter,
                            CplTotal             total,
                            const char          *target)
{
  const char *key;

  for (guint i = 0; (key = cpl_scenario_parameter_key (i)) != NULL; i++)
    if (g_str_equal (key, parameter))
      adw_combo_row_set_selected (self->seek_parameter, i);
  for (guint i = 0; i < CPL_N_TOTALS; i++)
    if (total_order[i] == total)
      adw_combo_row_set_selected (self->seek_total, i);
  gtk_editable_set_text (GTK_EDITABLE (self->seek_target), target);
  on_find (self);
  return self->seek_key != NULL;
}

/* Goal seek's answer, or why there is none; "" before "Find". */
const char *
cpl_scenario_analysis_get_seek_answer (CplScenarioAnalysis *self)
{
  return gtk_label_get_text (self->seek_answer);
}

/* Presses "Apply"; %FALSE when there is nothing to apply. */
gboolean
cpl_scenario_analysis_apply_seek (CplScenarioAnalysis *self)
{
  if (!gtk_widget_get_visible (self->seek_apply))
    return FALSE;
  g_signal_emit_by_name (self->seek_apply, "clicked");
  return TRUE;
}
