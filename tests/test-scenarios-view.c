/* test-scenarios-view.c: the Scenarios view, under Xvfb with
 * G_DEBUG=fatal-criticals, in English (en_US.UTF-8)
 *
 * tests/fixtures/two-chips.json is laid over the built-in dataset; its
 * scenario "two-years" is worked by hand in test-projection.c: gross
 * revenue 1,600,000 in 2026 and 51,200,000/17 = 3,011,764.71 in 2027.
 */
#include "config.h"

#include <glib/gstdio.h>
#include <math.h>
#include <string.h>

#include "cpl-application.h"
#include "cpl-test-ui.h"
#include "cpl-window.h"
#include "views/cpl-chart-export.h"
#include "views/cpl-check-list.h"
#include "views/cpl-pdf-report.h"
#include "views/cpl-view-util.h"
#include "views/scenarios/cpl-scenario-editor.h"
#include "views/scenarios/cpl-scenarios-view.h"
#include "widgets/cpl-chart.h"

static CplApplication *app;

static CplScenariosView *
open_fixture_sized (CplWindow  **window_out,
                    const char  *fixture,
                    int          width,
                    int          height)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fixtures", fixture, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  CplWindow *window = cpl_test_open_window (app, "scenarios", file, width, height);

  *window_out = window;
  return CPL_SCENARIOS_VIEW (cpl_test_find_widget (GTK_WIDGET (window), CPL_TYPE_SCENARIOS_VIEW));
}

static CplScenariosView *
open_view_sized (CplWindow **window_out,
                 int         width,
                 int         height)
{
  return open_fixture_sized (window_out, "two-chips.json", width, height);
}

static CplScenariosView *
open_view (CplWindow **window_out)
{
  return open_view_sized (window_out, -1, -1);
}

static void
select_id (CplScenariosView *view,
           const char       *id)
{
  CplDataset *dataset = cpl_application_get_dataset (app);

  cpl_scenarios_view_select (view, CPL_SCENARIO (cpl_dataset_lookup (dataset, CPL_TYPE_SCENARIO, id)));
}

static void
test_edit_share (void)
{
  CplWindow *window;
  CplScenariosView *view = open_view (&window);
  CplScenarioEditor *editor = cpl_scenarios_view_get_editor (view);
  CplScenarioResults *results = cpl_scenarios_view_get_results (view);

  select_id (view, "two-years");
  /* the fixture's English name heads the results */
  g_assert_cmpstr (cpl_scenario_results_get_title (results), ==, "Two years");
  /* at 20%, with the demand above capacity spilling to X and Y (see
   * test-projection.c): gross 2 × (2,720,000/3 + 107,840,000/51) =
   * 308,160,000/51 = 6,042,352.94, take 0.2 × that = 1,208,470.59 */
  g_assert_cmpstr (cpl_scenario_results_get_total (results, "take"), ==, "$1.21 M");
  /* typed 25: no cost changes (π = 0), so the same gross at 25%:
   * 0.25 × 6,042,352.94 = 1,510,588.24 → $1.51 M */
  gtk_editable_set_text (GTK_EDITABLE (cpl_scenario_editor_get_input (editor, "revenue_share")), "25");
  g_assert_cmpstr (cpl_scenario_results_get_total (results, "take"), ==, "$1.51 M");
  /* gross of US vendors is $6.04 M either way */
  g_assert_cmpstr (cpl_scenario_results_get_total (results, "vendors"), ==, "$6.04 M");
  /* the crossover sentence: c_X = 2,000 stays below c_D (4,000, then
   * 3,200), the cheapest exported chip; c_Y = 1000 × $2,000 / 500 TFLOPS
   * = 4,000 is above c_D in 2027 (not in 2026: 4,000, no cheaper); then
   * what binds: capacity 300 is below the domestic demand of both years
   * (400, then 870.59), and a·σ = 0.8 × 1 of the demand above it goes to
   * X and Y */
  g_assert_cmpstr (cpl_scenario_results_get_summary (results), ==,
                   "The D stays dearer per PFLOP/s-year than the X, the cheapest exported chip, through 2027. "
                   "It is cheaper than the Y from 2027.\n"
                   "Domestic supply is capped by capacity in 2026–2027.\n"
                   "Of the demand for domestic chips above their capacity, 80% goes to exported chips (capacity spill 100% × "
                   "licence approval 80%) and the rest becomes a compute gap.");

  /* out of range: a message, the scenario and its results unchanged */
  gtk_editable_set_text (GTK_EDITABLE (cpl_scenario_editor_get_input (editor, "revenue_share")), "130");
  g_assert_nonnull (strstr (cpl_scenario_editor_get_messages (editor), "Revenue share: 130% is out of range"));
  g_assert_cmpstr (cpl_scenario_results_get_total (results, "take"), ==, "$1.51 M");
  /* and the figures say whose value they use, and which, under their
   * headline (as Revenue Share's do): one field, then two, in the
   * editor's order: the share 25% typed before, the fixture's spill 1 */
  g_assert_cmpstr (cpl_scenario_results_get_stale_note (results), ==,
                   "These figures use the last value accepted for “Revenue share” (25%); what is typed there now is "
                   "not used.");
  gtk_editable_set_text (GTK_EDITABLE (cpl_scenario_editor_get_input (editor, "capacity_spill")), "lots");
  g_assert_cmpstr (cpl_scenario_results_get_stale_note (results), ==,
                   "These figures use the last values accepted for “Revenue share” (25%) and “Capacity spill” "
                   "(100%); what is typed there now is not used.");
  gtk_editable_set_text (GTK_EDITABLE (cpl_scenario_editor_get_input (editor, "capacity_spill")), "100");
  /* typed key by key, "1", "13", "130" (each key inserted after the one
   * before, as typing does): the figures went back to the 25% the run
   * started from, and the note names 25%, not the 13% of the key before
   * (it named 13% while the figures were of 25%) */
  {
    GtkEditable *share = GTK_EDITABLE (cpl_scenario_editor_get_input (editor, "revenue_share"));
    int end;

    gtk_editable_set_text (share, "1");
    g_assert_cmpstr (cpl_scenario_results_get_total (results, "take"), ==, "$60,424");
    end = 1;
    gtk_editable_insert_text (share, "3", -1, &end);
    g_assert_cmpstr (cpl_scenario_results_get_total (results, "take"), ==, "$785,506");
    gtk_editable_insert_text (share, "0", -1, &end);
    g_assert_cmpstr (gtk_editable_get_text (share), ==, "130");
  }
  g_assert_cmpstr (cpl_scenario_results_get_total (results, "take"), ==, "$1.51 M");
  g_assert_cmpstr (cpl_scenario_results_get_stale_note (results), ==,
                   "These figures use the last value accepted for “Revenue share” (25%); what is typed there now is "
                   "not used.");
  gtk_editable_set_text (GTK_EDITABLE (cpl_scenario_editor_get_input (editor, "revenue_share")), "25");
  g_assert_null (cpl_scenario_results_get_stale_note (results));
  /* another scenario shown: its own values in the fields, no note */
  select_id (view, "ban");
  g_assert_null (cpl_scenario_results_get_stale_note (results));
  select_id (view, "two-years");
  gtk_editable_set_text (GTK_EDITABLE (cpl_scenario_editor_get_input (editor, "revenue_share")), "130");
  g_assert_nonnull (cpl_scenario_results_get_stale_note (results));
  gtk_editable_set_text (GTK_EDITABLE (cpl_scenario_editor_get_input (editor, "revenue_share")), "20");
  g_assert_null (cpl_scenario_results_get_stale_note (results));

  /* no spill: the demand above capacity is all a gap, and the summary
   * says so; the take falls back to that of exports before the spill,
   * 0.2 × (1,600,000 + 3,011,764.71) = 922,352.94 */
  gtk_editable_set_text (GTK_EDITABLE (cpl_scenario_editor_get_input (editor, "capacity_spill")), "0");
  g_assert_nonnull (strstr (cpl_scenario_results_get_summary (results),
                            "\nThe demand for domestic chips above their capacity becomes a compute gap (capacity spill 0%)."));
  g_assert_cmpstr (cpl_scenario_results_get_total (results, "take"), ==, "$922,353");
  gtk_editable_set_text (GTK_EDITABLE (cpl_scenario_editor_get_input (editor, "capacity_spill")), "100");

  gtk_window_destroy (GTK_WINDOW (window));
}

/* The unit after the entry once @text is typed into @row. */
static const char *
unit_after (CplNumberRow *row,
            const char   *text)
{
  gtk_editable_set_text (GTK_EDITABLE (row), text);
  return cpl_number_row_get_unit (row);
}

/* Counted units agree with the number (ngettext): the label after the
 * entry, the message and the range in the tooltip say "1 year" but
 * "5 years". */
static void
test_count_units (void)
{
  CplWindow *window;
  CplScenariosView *view = open_view (&window);
  CplScenarioEditor *editor = cpl_scenarios_view_get_editor (view);
  CplNumberRow *years = cpl_scenario_editor_get_input (editor, "years");
  CplNumberRow *amortization = cpl_scenario_editor_get_input (editor, "amortization_years");

  select_id (view, "two-years");
  /* "years": 2 in the fixture */
  g_assert_cmpstr (cpl_number_row_get_unit (years), ==, "years");
  g_assert_cmpstr (unit_after (years, "1"), ==, "year");
  g_assert_cmpstr (unit_after (years, "5"), ==, "years");
  /* years is a whole number from 1 to 50: 0 is refused, and the bounds
   * read "1 year" (singular) and "50 years" */
  gtk_editable_set_text (GTK_EDITABLE (years), "0");
  g_assert_cmpstr (cpl_number_row_get_message (years), ==,
                   "Years: 0 years is out of range; enter 1 year to 50 years");
  g_assert_cmpstr (gtk_widget_get_tooltip_text (GTK_WIDGET (years)), ==,
                   "How many years to project\nFrom 1 year to 50 years");
  gtk_editable_set_text (GTK_EDITABLE (years), "2");
  g_assert_null (cpl_number_row_get_message (years));

  /* amortization is more than 0 and at most 50 years, with a decimal:
   * a fraction takes the plural ("1.5 years", cpl_plural_count), 1 the
   * singular */
  g_assert_cmpstr (unit_after (amortization, "1.5"), ==, "years");
  g_assert_cmpstr (unit_after (amortization, "1"), ==, "year");
  gtk_editable_set_text (GTK_EDITABLE (amortization), "51");
  g_assert_cmpstr (cpl_number_row_get_message (amortization), ==,
                   "Amortization: 51 years is out of range; enter 0 years to 50 years");

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_duplicate_delete_move (void)
{
  CplWindow *window;
  CplScenariosView *view = open_view (&window);
  CplDataset *dataset = cpl_application_get_dataset (app);
  GListModel *scenarios = cpl_dataset_get_scenarios (dataset);
  guint n = g_list_model_get_n_items (scenarios);
  CplScenario *copy;
  guint position;

  select_id (view, "two-years");
  gtk_widget_activate_action (GTK_WIDGET (view), "scenarios.duplicate", NULL);
  g_assert_cmpuint (g_list_model_get_n_items (scenarios), ==, n + 1);
  copy = cpl_scenarios_view_get_selected (view);
  g_assert_cmpstr (cpl_entity_get_id (CPL_ENTITY (copy)), ==, "two-years-2");
  g_assert_cmpstr (cpl_entity_get_name (CPL_ENTITY (copy)), ==, "Two years (copy)");
  /* right after the original */
  g_assert_true (g_list_store_find (G_LIST_STORE (scenarios), copy, &position));
  g_assert_true (g_list_store_find (G_LIST_STORE (scenarios), cpl_dataset_lookup (dataset, CPL_TYPE_SCENARIO, "two-years"), &n));
  g_assert_cmpuint (position, ==, n + 1);

  /* move up: it swaps with the original */
  gtk_widget_activate_action (GTK_WIDGET (view), "scenarios.move-up", NULL);
  g_assert_true (g_list_store_find (G_LIST_STORE (scenarios), copy, &position));
  g_assert_cmpuint (position, ==, n);
  g_assert_true (cpl_scenarios_view_get_selected (view) == copy);

  /* delete */
  n = g_list_model_get_n_items (scenarios);
  gtk_widget_activate_action (GTK_WIDGET (view), "scenarios.delete", NULL);
  g_assert_cmpuint (g_list_model_get_n_items (scenarios), ==, n - 1);
  g_assert_null (cpl_dataset_lookup (dataset, CPL_TYPE_SCENARIO, "two-years-2"));
  /* a neighbour is selected */
  g_assert_nonnull (cpl_scenarios_view_get_selected (view));

  gtk_window_destroy (GTK_WINDOW (window));
}

/* The editor and the results follow the selection through a duplicate
 * and through the list changing around the selected scenario (which
 * selects it again without binding the editor again: it stays bound). */
static void
test_duplicate_editor (void)
{
  CplWindow *window;
  CplScenariosView *view = open_view (&window);
  CplDataset *dataset = cpl_application_get_dataset (app);
  CplScenarioEditor *editor = cpl_scenarios_view_get_editor (view);
  CplScenarioResults *results = cpl_scenarios_view_get_results (view);
  GtkEditable *share = GTK_EDITABLE (cpl_scenario_editor_get_input (editor, "revenue_share"));
  CplScenario *original;
  CplScenario *copy;

  select_id (view, "two-years");
  original = cpl_scenarios_view_get_selected (view);
  gtk_widget_activate_action (GTK_WIDGET (view), "scenarios.duplicate", NULL);
  copy = cpl_scenarios_view_get_selected (view);
  g_assert_true (copy != original);
  /* the editor shows the copy: its name, and its share (20%, as the
   * original's in tests/fixtures/two-chips.json) */
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (cpl_scenario_editor_get_input (editor, "years"))), ==, "2");
  g_assert_cmpstr (gtk_editable_get_text (share), ==, "20");
  /* typed 25 changes the copy only; its take is 0.25 × 6,042,352.94 =
   * 1,510,588.24 → $1.51 M (the gross of test_edit_share) */
  gtk_editable_set_text (share, "25");
  g_assert_cmpfloat (cpl_scenario_get (copy, CPL_SCENARIO_REVENUE_SHARE), ==, 0.25);
  g_assert_cmpfloat (cpl_scenario_get (original, CPL_SCENARIO_REVENUE_SHARE), ==, 0.2);
  g_assert_cmpstr (cpl_scenario_results_get_total (results, "take"), ==, "$1.51 M");

  /* the original goes: the list changes around the copy, which stays
   * selected, with the editor still bound to it both ways */
  g_object_ref (original);
  cpl_dataset_remove (dataset, CPL_ENTITY (original));
  g_assert_true (cpl_scenarios_view_get_selected (view) == copy);
  gtk_editable_set_text (share, "30");
  g_assert_cmpfloat (cpl_scenario_get (copy, CPL_SCENARIO_REVENUE_SHARE), ==, 0.3);
  /* 0.3 × 6,042,352.94 = 1,812,705.88 → $1.81 M */
  g_assert_cmpstr (cpl_scenario_results_get_total (results, "take"), ==, "$1.81 M");
  g_assert_true (cpl_entity_set_number (CPL_ENTITY (copy), CPL_SCENARIO_REVENUE_SHARE, 0.4, NULL));
  g_assert_cmpstr (gtk_editable_get_text (share), ==, "40");
  g_assert_cmpfloat (cpl_scenario_get (original, CPL_SCENARIO_REVENUE_SHARE), ==, 0.2);
  g_object_unref (original);

  gtk_window_destroy (GTK_WINDOW (window));
}

/* Undo through the dataset's history restores the value in place: the
 * view keeps the very scenario it had selected, and its input reads the
 * old value. */
static void
test_undo (void)
{
  CplWindow *window;
  CplScenariosView *view = open_view (&window);
  CplDataset *dataset = cpl_application_get_dataset (app);
  g_autoptr(CplHistory) history = cpl_history_new (dataset);
  CplScenarioEditor *editor = cpl_scenarios_view_get_editor (view);
  CplScenario *restored;
  CplScenario *edited;

  select_id (view, "two-years");
  edited = cpl_scenarios_view_get_selected (view);
  gtk_editable_set_text (GTK_EDITABLE (cpl_scenario_editor_get_input (editor, "revenue_share")), "35");
  g_assert_cmpfloat (cpl_scenario_get (cpl_scenarios_view_get_selected (view), CPL_SCENARIO_REVENUE_SHARE), ==, 0.35);
  g_assert_true (cpl_history_undo (history));
  restored = CPL_SCENARIO (cpl_dataset_lookup (dataset, CPL_TYPE_SCENARIO, "two-years"));
  g_assert_cmpfloat (cpl_scenario_get (restored, CPL_SCENARIO_REVENUE_SHARE), ==, 0.2);
  /* the same object, still selected, and its input reads 20 */
  g_assert_true (restored == edited);
  g_assert_true (cpl_scenarios_view_get_selected (view) == restored);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (cpl_scenario_editor_get_input (editor, "revenue_share"))), ==, "20");

  gtk_window_destroy (GTK_WINDOW (window));
}

/* A range typed into a row's range form: set, shown on the row, refused
 * with a message (and nothing changed) when out of order, out of the
 * field's range or not a number, undone by Ctrl+Z, removed. */
static void
test_range_editor (void)
{
  CplWindow *window;
  CplScenariosView *view = open_view (&window);
  CplScenarioEditor *editor = cpl_scenarios_view_get_editor (view);
  CplScenario *scenario;
  double range[3];

  select_id (view, "two-years");
  scenario = cpl_scenarios_view_get_selected (view);
  g_assert_false (cpl_scenario_get_range (scenario, "revenue_share", NULL));
  g_assert_cmpstr (cpl_scenario_editor_get_range_mark (editor, "revenue_share"), ==,
                   "Give Revenue share a range for the uncertainty");
  /* the first year and the number of years take none */
  g_assert_null (cpl_scenario_editor_get_range_mark (editor, "years"));

  /* typed in percent: 10, 25, 40 are 0.1, 0.25, 0.4 */
  g_assert_true (cpl_scenario_editor_set_range_text (editor, "revenue_share", "10", "25", "40%"));
  g_assert_true (cpl_scenario_get_range (scenario, "revenue_share", range));
  g_assert_cmpfloat_with_epsilon (range[0], .1, 1e-12);
  g_assert_cmpfloat_with_epsilon (range[1], .25, 1e-12);
  g_assert_cmpfloat_with_epsilon (range[2], .4, 1e-12);
  g_assert_cmpstr (cpl_scenario_editor_get_range_mark (editor, "revenue_share"), ==,
                   "Revenue share is ranged: 10%–40%, most likely 25%");
  /* its tooltip wraps, but not after the range's dash (a word joiner) */
  g_assert_cmpstr (gtk_widget_get_tooltip_text (cpl_test_find_widget (GTK_WIDGET (cpl_scenario_editor_get_input (editor,
                                                                                                              "revenue_share")),
                                                                      GTK_TYPE_MENU_BUTTON)),
                   ==, "Revenue share is ranged: 10%–\u206040%, most likely 25%");

  /* refused, each with a message; the range stays 10–25–40 */
  g_assert_false (cpl_scenario_editor_set_range_text (editor, "revenue_share", "30", "25", "40"));
  g_assert_cmpstr (cpl_scenario_editor_get_range_message (editor, "revenue_share"), ==,
                   "Revenue share: low 30% is above most likely 25%; enter low ≤ most likely ≤ high");
  g_assert_false (cpl_scenario_editor_set_range_text (editor, "revenue_share", "10", "25", "140"));
  g_assert_cmpstr (cpl_scenario_editor_get_range_message (editor, "revenue_share"), ==,
                   "Revenue share, high: 140% is out of range; enter 0% to 100%");
  g_assert_false (cpl_scenario_editor_set_range_text (editor, "revenue_share", "lots", "25", "40"));
  g_assert_nonnull (strstr (cpl_scenario_editor_get_range_message (editor, "revenue_share"),
                            "Revenue share, low: "));
  g_assert_true (cpl_scenario_get_range (scenario, "revenue_share", range));
  g_assert_cmpfloat_with_epsilon (range[0], .1, 1e-12);
  g_assert_cmpfloat_with_epsilon (range[2], .4, 1e-12);

  /* said as it is typed, not only on Set Range: the form opens on
   * 10–25–40; a low of 30 typed is above the most likely 25 (30 > 25 ≤
   * 40): the low, just typed, is marked, not the most likely nor the
   * high; "lots" does not read as a number yet: no message until Set
   * Range; 20 is in order (20 ≤ 25 ≤ 40): nothing marked */
  {
    GtkEditable *ends[3];

    for (guint e = 0; e < 3; e++)
      ends[e] = cpl_scenario_editor_get_range_end (editor, "revenue_share", e);
    g_assert_cmpstr (gtk_editable_get_text (ends[0]), ==, "10");
    g_assert_cmpstr (cpl_scenario_editor_get_range_message (editor, "revenue_share"), ==, "");
    gtk_editable_set_text (ends[0], "30");
    g_assert_cmpstr (cpl_scenario_editor_get_range_message (editor, "revenue_share"), ==,
                     "Revenue share: low 30% is above most likely 25%; enter low ≤ most likely ≤ high");
    g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (ends[0]), "error"));
    g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (ends[1]), "error"));
    g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (ends[2]), "error"));
    /* a high of 20 typed, under the most likely 25: the high is marked */
    gtk_editable_set_text (ends[0], "10");
    gtk_editable_set_text (ends[2], "20");
    g_assert_cmpstr (cpl_scenario_editor_get_range_message (editor, "revenue_share"), ==,
                     "Revenue share: most likely 25% is above high 20%; enter low ≤ most likely ≤ high");
    g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (ends[2]), "error"));
    g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (ends[1]), "error"));
    gtk_editable_set_text (ends[2], "40");
    gtk_editable_set_text (ends[0], "lots");
    g_assert_cmpstr (cpl_scenario_editor_get_range_message (editor, "revenue_share"), ==, "");
    g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (ends[0]), "error"));
    gtk_editable_set_text (ends[0], "20");
    g_assert_cmpstr (cpl_scenario_editor_get_range_message (editor, "revenue_share"), ==, "");
    for (guint e = 0; e < 3; e++)
      g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (ends[e]), "error"));
    /* typing alone changes nothing: the range is still 10–25–40 */
    g_assert_true (cpl_scenario_get_range (scenario, "revenue_share", range));
    g_assert_cmpfloat_with_epsilon (range[0], .1, 1e-12);
  }

  /* Ctrl+Z: back to no range, and the row says so */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  g_assert_false (cpl_scenario_get_range (scenario, "revenue_share", NULL));
  g_assert_cmpstr (cpl_scenario_editor_get_range_mark (editor, "revenue_share"), ==,
                   "Give Revenue share a range for the uncertainty");

  /* the value the key figures use outside the range (50% against
   * 10%–40%): the mark says so, in the warning colour, and back inside
   * (30%) it does not */
  g_assert_true (cpl_scenario_editor_set_range_text (editor, "revenue_share", "10", "25", "40"));
  gtk_editable_set_text (GTK_EDITABLE (cpl_scenario_editor_get_input (editor, "revenue_share")), "50");
  g_assert_cmpstr (cpl_scenario_editor_get_range_mark (editor, "revenue_share"), ==,
                   "Revenue share is 50%, outside its range 10%–40%: the key figures use 50%, "
                   "their P10–P90 ranges are drawn from 10%–40%");
  gtk_editable_set_text (GTK_EDITABLE (cpl_scenario_editor_get_input (editor, "revenue_share")), "30");
  g_assert_cmpstr (cpl_scenario_editor_get_range_mark (editor, "revenue_share"), ==,
                   "Revenue share is ranged: 10%–40%, most likely 25%");
  gtk_editable_set_text (GTK_EDITABLE (cpl_scenario_editor_get_input (editor, "revenue_share")), "20");
  cpl_scenario_set_range (scenario, "revenue_share", NULL, NULL);

  /* a plain number row: demand growth in "% a year", 0 to 50 */
  g_assert_true (cpl_scenario_editor_set_range_text (editor, "demand_growth", "0", "20", "50"));
  g_assert_true (cpl_scenario_get_range (scenario, "demand_growth", range));
  g_assert_cmpfloat_with_epsilon (range[2], .5, 1e-12);
  /* removed */
  g_assert_true (cpl_scenario_editor_set_range_text (editor, "demand_growth", NULL, NULL, NULL));
  g_assert_false (cpl_scenario_get_range (scenario, "demand_growth", NULL));

  gtk_window_destroy (GTK_WINDOW (window));
}

/* Opens the parameters beside the results, as the Edit button does. */
static void
show_parameters (CplScenariosView *view)
{
  AdwFlap *flap = ADW_FLAP (cpl_test_find_widget (GTK_WIDGET (view), ADW_TYPE_FLAP));

  adw_flap_set_reveal_flap (flap, TRUE);
  cpl_test_iterate_for (500);  /* the flap slides in */
}

/* Whether @row shows its title and its value whole: its title's label
 * (a GtkLabel under the row with the title's text) is not ellipsized, and
 * its entry is as wide as its text. */
static void
assert_row_whole (CplNumberRow *row)
{
  const char *title = adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row));
  GtkWidget *text = GTK_WIDGET (gtk_editable_get_delegate (GTK_EDITABLE (row)));
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();
  PangoLayout *layout = gtk_widget_create_pango_layout (text, gtk_editable_get_text (GTK_EDITABLE (row)));
  gboolean found = FALSE;
  int text_width;

  cpl_test_collect_widgets (GTK_WIDGET (row), GTK_TYPE_LABEL, labels);
  for (guint i = 0; i < labels->len; i++)
    if (g_strcmp0 (gtk_label_get_text (labels->pdata[i]), title) == 0)
      {
        found = TRUE;
        g_test_message ("“%s”: title %d px wide", title, gtk_widget_get_width (labels->pdata[i]));
        g_assert_false (pango_layout_is_ellipsized (gtk_label_get_layout (labels->pdata[i])));
      }
  g_assert_true (found);
  pango_layout_get_pixel_size (layout, &text_width, NULL);
  g_object_unref (layout);
  g_test_message ("“%s”: “%s” is %d px, its entry %d px", title, gtk_editable_get_text (GTK_EDITABLE (row)),
                  text_width, gtk_widget_get_width (text));
  g_assert_cmpint (gtk_widget_get_width (text), >=, text_width);
}

/* The parameters pane at a wide window's side is narrow (some 400 px):
 * there each row's unit and range take their own width, and every title
 * and value stands whole.  Its rows' units took the widest unit's width
 * and their ranges the widest range's, and in a 1100 px window the rows
 * read "Fir…" over "2026" cut in half, "De…" over "2,00".  An editor
 * wider than that (here alone in a 760 px window) sets its pencils in one
 * column: each row's unit takes the width of the widest unit, and its
 * range button (or the room for one) that of the widest range, so the
 * unit, and the pencil before it, start at one place in every row (they
 * were wherever "% a year" and "10–60% a year" ended, or "%" alone).
 * Two-chips.json's scenario "two-years" has the domestic chip D; a narrow
 * editor names it under the row's title, a wide one beside it. */
static void
test_editor_width (void)
{
  const int widths[] = { 360, 1100, 1280 };
  const char *keys[] = { "start_year", "years", "revenue_share", "demand_pflops", "demand_growth",
                         "electricity_usd_per_kwh" };
  CplWindow *window;
  CplScenariosView *view;
  CplScenarioEditor *editor;
  GtkWidget *alone;
  AdwLeaflet *leaflet;
  AdwComboRow *domestic;
  double first = NAN;

  for (guint w = 0; w < G_N_ELEMENTS (widths); w++)
    {
      view = open_view_sized (&window, widths[w], 760);
      editor = cpl_scenarios_view_get_editor (view);
      select_id (view, "two-years");
      g_assert_true (cpl_scenario_editor_set_range_text (editor, "demand_growth", "10", "30", "60"));
      show_parameters (view);
      leaflet = ADW_LEAFLET (cpl_test_find_widget (GTK_WIDGET (view), ADW_TYPE_LEAFLET));
      if (adw_leaflet_get_folded (leaflet))
        {
          /* a phone: the scenario's page, as a tap on its row shows it */
          adw_leaflet_navigate (leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
          cpl_test_iterate_for (500);
        }
      cpl_test_wait_for_draw (GTK_WIDGET (window));
      g_test_message ("%d px window: the editor %d px", widths[w], gtk_widget_get_width (GTK_WIDGET (editor)));
      for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
        assert_row_whole (cpl_scenario_editor_get_input (editor, keys[i]));
      domestic = ADW_COMBO_ROW (cpl_test_find_widget (GTK_WIDGET (editor), ADW_TYPE_COMBO_ROW));
      g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (domestic)), ==, "Domestic chip");
      g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (domestic)), ==, "D");
      gtk_window_destroy (GTK_WINDOW (window));
    }

  view = open_view (&window);
  alone = gtk_window_new ();
  editor = cpl_scenario_editor_new ();
  cpl_scenario_editor_bind (editor, cpl_application_get_dataset (app),
                            CPL_SCENARIO (cpl_dataset_lookup (cpl_application_get_dataset (app), CPL_TYPE_SCENARIO,
                                                              "two-years")));
  g_assert_true (cpl_scenario_editor_set_range_text (editor, "demand_growth", "10", "30", "60"));
  gtk_window_set_child (GTK_WINDOW (alone), GTK_WIDGET (editor));
  gtk_window_set_default_size (GTK_WINDOW (alone), 760, -1);
  gtk_window_present (GTK_WINDOW (alone));
  cpl_test_wait_for_draw (alone);
  cpl_test_iterate_for (100);   /* the width's layout, after the first */
  cpl_test_wait_for_draw (alone);
  g_test_message ("alone: the editor %d px", gtk_widget_get_width (GTK_WIDGET (editor)));
  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    {
      CplNumberRow *row = cpl_scenario_editor_get_input (editor, keys[i]);
      graphene_rect_t bounds;

      assert_row_whole (row);
      g_assert_true (gtk_widget_compute_bounds (cpl_number_row_get_unit_label (row), GTK_WIDGET (row), &bounds));
      g_test_message ("%s: unit “%s” at %.1f", keys[i], cpl_number_row_get_unit (row), bounds.origin.x);
      if (i == 0)
        first = bounds.origin.x;
      g_assert_cmpfloat_with_epsilon (bounds.origin.x, first, .5);
      /* and the room after the unit takes no spare width of its row: in
       * Chinese, whose titles leave some, it took more in one row than
       * in the next */
      g_assert_false (gtk_widget_compute_expand (gtk_widget_get_next_sibling (cpl_number_row_get_unit_label (row)),
                                                 GTK_ORIENTATION_HORIZONTAL));
    }
  /* the range's text beside its icon */
  g_assert_cmpuint (cpl_test_n_mapped_labels (GTK_WIDGET (editor), "10%–60% a year"), ==, 1);
  domestic = ADW_COMBO_ROW (cpl_test_find_widget (GTK_WIDGET (editor), ADW_TYPE_COMBO_ROW));
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (domestic)), ==,
                   "The chip that meets the rest of the demand");
  gtk_window_destroy (GTK_WINDOW (alone));
  gtk_window_destroy (GTK_WINDOW (window));
}

/* The texts of the GtkEntry widgets under @root, in order. */
static void
collect_entry_texts (GtkWidget *root,
                     GPtrArray *texts)
{
  g_autoptr(GPtrArray) entries = g_ptr_array_new ();

  cpl_test_collect_widgets (root, GTK_TYPE_ENTRY, entries);
  for (guint i = 0; i < entries->len; i++)
    g_ptr_array_add (texts, g_strdup (gtk_editable_get_text (GTK_EDITABLE (entries->pdata[i]))));
}

/* Opens the range button of @key's row as a click would, and returns its
 * popover (which must not exist before); the texts of its low, most
 * likely and high entries go to @texts. */
static GtkWidget *
open_range_form (CplScenarioEditor *editor,
                 const char        *key,
                 GPtrArray         *texts)
{
  GtkMenuButton *button = GTK_MENU_BUTTON (cpl_test_find_widget (GTK_WIDGET (cpl_scenario_editor_get_input (editor, key)),
                                                                 GTK_TYPE_MENU_BUTTON));
  GtkWidget *popover;

  g_assert_nonnull (button);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (button)));
  /* not built before anyone opens it */
  g_assert_null (gtk_menu_button_get_popover (button));
  gtk_menu_button_popup (button);
  popover = GTK_WIDGET (gtk_menu_button_get_popover (button));
  g_assert_nonnull (popover);
  cpl_test_wait_for_draw (popover);
  g_assert_true (gtk_widget_get_visible (popover));
  collect_entry_texts (popover, texts);
  return popover;
}

/* The editor is made when the parameters are first shown, bound to the
 * selected scenario; a range form is built when its button is first
 * pressed, and opens with the scenario's range, or with the value at all
 * three ends. */
static void
test_range_form_on_demand (void)
{
  CplWindow *window;
  CplScenariosView *view = open_view (&window);
  CplScenarioEditor *editor;
  g_autoptr(GPtrArray) texts = g_ptr_array_new_with_free_func (g_free);
  /* 1/8, 1/5, 3/8: 12.5%, 20% (0.2 × 100 rounds to 20 exactly), 37.5% */
  const double range[3] = { 0.125, 0.2, 0.375 };
  CplScenario *scenario;
  GtkWidget *popover;

  select_id (view, "two-years");
  scenario = cpl_scenarios_view_get_selected (view);
  g_assert_false (cpl_scenarios_view_has_editor (view));
  show_parameters (view);
  g_assert_true (cpl_scenarios_view_has_editor (view));
  editor = cpl_scenarios_view_get_editor (view);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (editor)));
  /* two-years' revenue share, 0.2, in percent */
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (cpl_scenario_editor_get_input (editor, "revenue_share"))), ==,
                   "20");
  g_assert_true (cpl_scenario_set_range (scenario, "revenue_share", range, NULL));

  /* shown in percent, a whole number without decimals: 12.5, 20, 37.5 */
  popover = open_range_form (editor, "revenue_share", texts);
  g_assert_cmpuint (texts->len, ==, 3);
  g_assert_cmpstr (texts->pdata[0], ==, "12.5");
  g_assert_cmpstr (texts->pdata[1], ==, "20");
  g_assert_cmpstr (texts->pdata[2], ==, "37.5");
  gtk_popover_popdown (GTK_POPOVER (popover));

  /* the licence approval rate of two-years.json, 0.8, unranged: 80 (in
   * percent, 0.8 × 100 rounds to 80 exactly) at every end; a row near
   * the top, as a popover under Xvfb must open on the screen */
  g_ptr_array_set_size (texts, 0);
  popover = open_range_form (editor, "license_approval_rate", texts);
  g_assert_cmpuint (texts->len, ==, 3);
  for (guint e = 0; e < 3; e++)
    g_assert_cmpstr (texts->pdata[e], ==, "80");
  gtk_popover_popdown (GTK_POPOVER (popover));

  gtk_window_destroy (GTK_WINDOW (window));
}

static gboolean
is_label_reading (GtkWidget     *widget,
                  gconstpointer  data)
{
  return GTK_IS_LABEL (widget) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), data) == 0;
}

/* The compute gap over all years is the yearly gaps added up, new
 * compute (PFLOP/s) that was wanted and not supplied, in the unit of the
 * domestic compute installed over all years, the same kind of sum: the
 * full ban's 2026 and 2027 gaps, 1,400,000 + 1,760,000 = 3,160,000
 * PFLOP/s (it read "PFLOP/s-years", a unit of capacity held over time). */
static void
test_total_units (void)
{
  g_autofree char *gap = cpl_scenario_format_total (CPL_TOTAL_COMPUTE_GAP, 1400000 + 1760000);
  g_autofree char *installed = cpl_scenario_format_total (CPL_TOTAL_DOMESTIC_INSTALLED, 6567360);

  g_assert_cmpstr (gap, ==, "3,160,000 PFLOP/s");
  g_assert_cmpstr (installed, ==, "6,567,360 PFLOP/s");
}

/* The card of the share-rate curve's chart of the take. */
static GtkWidget *
share_card (CplScenarioAnalysis *analysis)
{
  GtkWidget *view = cpl_test_find_chart_view (GTK_WIDGET (analysis), cpl_scenario_analysis_get_share_chart (analysis));

  g_assert_nonnull (view);
  return gtk_widget_get_ancestor (view, GTK_TYPE_FLOW_BOX_CHILD);
}

/* The share-rate card's note (fixtures/share-curve.json, worked by hand
 * in test-sensitivity.c): "linear" has no unit cost and no pass-through,
 * so the vendors sell at every rate and buyers pay the same at every
 * rate: the take is highest at 100% because X's cost is missing, the
 * one reason given (it said "as buyers do not turn away from the dearer
 * chips", but with no pass-through no chip is dearer; and before that
 * "From 100% no exported chip nets its unit cost").  With a unit cost of
 * $1,556 on a $2,000 chip the take climbs to the cliff at 1 − 1556/2000 =
 * 22.2% and is highest just under it: one sentence gives the one rate
 * ("highest at 22.2%" beside "from 22.2% none is sold" read as a
 * contradiction). */
static void
test_share_note (void)
{
  CplWindow *window;
  CplScenariosView *view = open_fixture_sized (&window, "share-curve.json", -1, -1);
  CplScenarioAnalysis *analysis = cpl_scenario_results_get_analysis (cpl_scenarios_view_get_results (view));
  const char *note;

  select_id (view, "linear");
  cpl_test_wait_for_draw (GTK_WIDGET (window));
  g_assert_cmpstr (cpl_scenario_analysis_get_share_note (analysis), ==,
                   "The take rises with the rate all the way, to its highest at 100%: X has no unit cost in the "
                   "dataset, so the model takes it to be sold at any rate, even where its vendor keeps nothing.");

  /* the note stands over the charts it is read from */
  {
    GtkWidget *label = cpl_test_find_matching (GTK_WIDGET (analysis), is_label_reading,
                                               cpl_scenario_analysis_get_share_note (analysis));
    graphene_point_t below;

    g_assert_nonnull (label);
    g_assert_true (gtk_widget_compute_point (share_card (analysis), label, &GRAPHENE_POINT_INIT (0, 0), &below));
    g_assert_cmpfloat (below.y, >=, gtk_widget_get_height (label));
  }

  select_id (view, "cliff");
  cpl_test_wait_for_draw (GTK_WIDGET (window));
  note = cpl_scenario_analysis_get_share_note (analysis);
  g_test_message ("%s", note);
  /* both 22.2% within 1e-4, to a tenth of a point */
  g_assert_cmpstr (note, ==, "The take is highest just under the vendors' break-even, 22.2%: from that rate no "
                             "exported chip nets its unit cost, so none is sold.");

  gtk_window_destroy (GTK_WINDOW (window));
}

/* The built-in H20 scenario: the H20 has a unit cost ($4,500, so at
 * $12,000 it is sold up to a share of 1 − 4,500/12,000 = 62.5%), the
 * MI308X none, so it is taken to be sold at any rate and no break-even
 * is marked.  The note names the chip whose cost is missing: a gap in
 * the data, not a finding that the vendors sell at 100%. */
static void
test_share_note_uncosted (void)
{
  CplWindow *window;
  CplScenariosView *view = open_view (&window);
  CplScenarioAnalysis *analysis = cpl_scenario_results_get_analysis (cpl_scenarios_view_get_results (view));
  const char *note;

  select_id (view, "h20-mi308-share-15");
  cpl_test_wait_for_draw (GTK_WIDGET (window));
  note = cpl_scenario_analysis_get_share_note (analysis);
  g_test_message ("%s", note);
  /* the take then keeps rising to 100%: MI308X, sold at any rate, takes
   * the H20's buyers (no pass-through: the same price at every rate) */
  g_assert_cmpstr (note, ==, "The take rises with the rate all the way, to its highest at 100%: Instinct MI308X has "
                             "no unit cost in the dataset, so the model takes it to be sold at any rate, even where "
                             "its vendor keeps nothing.");
  gtk_window_destroy (GTK_WINDOW (window));
}

/* Under a ban nothing is sold at any rate: the share-rate card says so
 * instead of naming a best rate (the take is $0 at all 101 rates).  The
 * built-in full ban ranges the demand growth, the capacity growth, the
 * learning rate and the price sensitivity: none can move a take of $0
 * (no tornado bars, a sentence), while the gap, C − K in every year with
 * nothing exported, moves with the demand and capacity growth (bars). */
static void
test_nothing_sold (void)
{
  CplWindow *window;
  CplScenariosView *view = open_view (&window);
  CplScenarioAnalysis *analysis = cpl_scenario_results_get_analysis (cpl_scenarios_view_get_results (view));
  CplWindow *builtin_window;
  CplScenariosView *builtin;
  CplTornadoChart *tornado;
  GtkWidget *card;

  select_id (view, "ban");
  cpl_test_wait_for_draw (GTK_WIDGET (window));
  g_assert_cmpstr (cpl_scenario_analysis_get_share_note (analysis), ==,
                   "No exported chip is sold at any share rate in this scenario, so the rate changes nothing: "
                   "the take stays $0 and there is no best rate or break-even.");
  /* and the sentence alone: no cards of flat lines at $0 */
  g_assert_false (gtk_widget_get_visible (share_card (analysis)));
  /* a scenario that sells has them again */
  select_id (view, "two-years");
  cpl_test_wait_for_draw (GTK_WIDGET (window));
  g_assert_true (gtk_widget_get_visible (share_card (analysis)));
  gtk_window_destroy (GTK_WINDOW (window));

  builtin_window = cpl_test_open_window (app, "scenarios", NULL, -1, -1);
  builtin = CPL_SCENARIOS_VIEW (cpl_test_find_widget (GTK_WIDGET (builtin_window), CPL_TYPE_SCENARIOS_VIEW));
  select_id (builtin, "full-ban-2025");
  analysis = cpl_scenario_results_get_analysis (cpl_scenarios_view_get_results (builtin));
  cpl_test_wait_for_draw (GTK_WIDGET (builtin_window));
  /* under the full ban nothing is sold: the take and the vendors' revenue
   * are $0 whatever the inputs, so the tornado and goal seek start from
   * the compute gap and the domestic capacity; a scenario that sells,
   * from the take and the share rate; once the user picks, the pick stays */
  {
    CplTotal tornado_total, seek_total;
    const char *parameter;

    cpl_scenario_analysis_get_picked (analysis, &tornado_total, &seek_total, &parameter);
    g_assert_cmpint (tornado_total, ==, CPL_TOTAL_COMPUTE_GAP);
    g_assert_cmpint (seek_total, ==, CPL_TOTAL_COMPUTE_GAP);
    g_assert_cmpstr (parameter, ==, "domestic_capacity_pflops");
    select_id (builtin, "h200-share-25");
    cpl_test_wait_for_draw (GTK_WIDGET (builtin_window));
    cpl_scenario_analysis_get_picked (analysis, &tornado_total, &seek_total, &parameter);
    g_assert_cmpint (tornado_total, ==, CPL_TOTAL_GOVERNMENT_TAKE);
    g_assert_cmpint (seek_total, ==, CPL_TOTAL_GOVERNMENT_TAKE);
    g_assert_cmpstr (parameter, ==, "revenue_share");
    /* the user picks the domestic share: the ban keeps it */
    cpl_scenario_analysis_get_tornado (analysis, CPL_TOTAL_FINAL_DOMESTIC_SHARE);
    select_id (builtin, "full-ban-2025");
    cpl_test_wait_for_draw (GTK_WIDGET (builtin_window));
    cpl_scenario_analysis_get_picked (analysis, &tornado_total, &seek_total, &parameter);
    g_assert_cmpint (tornado_total, ==, CPL_TOTAL_FINAL_DOMESTIC_SHARE);
    g_assert_cmpint (seek_total, ==, CPL_TOTAL_GOVERNMENT_TAKE);
  }
  tornado = cpl_scenario_analysis_get_tornado (analysis, CPL_TOTAL_GOVERNMENT_TAKE);
  g_assert_false (gtk_widget_get_visible (cpl_test_find_chart_view (GTK_WIDGET (analysis), tornado)));
  /* its card holds the menu and the sentence, and is not as tall as a
   * chart's 260 px (it was, mostly blank) */
  card = gtk_widget_get_ancestor (cpl_test_find_chart_view (GTK_WIDGET (analysis), tornado), GTK_TYPE_FLOW_BOX_CHILD);
  cpl_test_wait_for_draw (GTK_WIDGET (builtin_window));
  g_test_message ("the card with the sentence: %d px", gtk_widget_get_height (card));
  g_assert_cmpint (gtk_widget_get_height (card), <, 260);
  /* the compute gap moves with the growth rates: bars, at least 260 px */
  tornado = cpl_scenario_analysis_get_tornado (analysis, CPL_TOTAL_COMPUTE_GAP);
  g_assert_true (gtk_widget_get_visible (cpl_test_find_chart_view (GTK_WIDGET (analysis), tornado)));
  cpl_test_wait_for_draw (GTK_WIDGET (builtin_window));
  g_assert_cmpint (gtk_widget_get_height (cpl_test_find_chart_view (GTK_WIDGET (analysis), tornado)), >=, 260);
  gtk_window_destroy (GTK_WINDOW (builtin_window));
}

/* The share-rate curve of two-years (20%, no pass-through, so the gross
 * of 6,042,352.94 is the same at every rate the vendors still sell at):
 * pressing on the chart at the point of 35% sets the revenue share to
 * 0.35, and Ctrl+Z puts back 0.2. */
static void
test_share_drag (void)
{
  CplWindow *window;
  CplScenariosView *view = open_view (&window);
  CplScenarioResults *results = cpl_scenarios_view_get_results (view);
  CplScenario *scenario;
  CplLineChart *chart;
  GtkWidget *chart_view;
  double x, y;

  select_id (view, "two-years");
  scenario = cpl_scenarios_view_get_selected (view);
  chart = cpl_scenario_analysis_get_share_chart (cpl_scenario_results_get_analysis (results));
  cpl_test_wait_for_draw (GTK_WIDGET (window));
  /* 101 rates: point 35 is 35%; its take 0.35 × 6,042,352.94 */
  g_assert_cmpfloat_with_epsilon (cpl_line_chart_get_x_value (chart, 35), .35, 1e-12);
  g_assert_true (cpl_line_chart_point_position (chart, 0, 35, &x, &y));
  chart_view = cpl_test_find_chart_view (GTK_WIDGET (window), chart);
  g_signal_emit_by_name (GTK_GESTURE (cpl_test_find_controller (chart_view, GTK_TYPE_GESTURE_DRAG)), "drag-begin", x, y);
  g_assert_cmpfloat_with_epsilon (cpl_scenario_get (scenario, CPL_SCENARIO_REVENUE_SHARE), .35, 1e-12);
  /* the results follow: 0.35 × 6,042,352.94 = 2,114,823.53 */
  g_assert_cmpstr (cpl_scenario_results_get_total (results, "take"), ==, "$2.11 M");

  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  g_assert_cmpfloat (cpl_scenario_get (scenario, CPL_SCENARIO_REVENUE_SHARE), ==, .2);
  g_assert_cmpstr (cpl_scenario_results_get_total (results, "take"), ==, "$1.21 M");

  /* the keys: the first rate, 0%, then the next, 1%, though the chart
   * was filled again in between */
  gtk_widget_grab_focus (chart_view);
  g_assert_true (gtk_widget_activate_action (chart_view, "chart.next-x", NULL));
  g_assert_cmpfloat (cpl_scenario_get (scenario, CPL_SCENARIO_REVENUE_SHARE), ==, 0);
  g_assert_cmpstr (cpl_scenario_results_get_total (results, "take"), ==, "$0");
  g_assert_true (gtk_widget_activate_action (chart_view, "chart.next-x", NULL));
  g_assert_cmpfloat (cpl_scenario_get (scenario, CPL_SCENARIO_REVENUE_SHARE), ==, .01);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* Goal seek on two-years: a take of 1.5 M (typed in billions, 0.0015)
 * needs s = 1,500,000 / 6,042,352.94 = 0.248248 (the take is linear in s
 * without pass-through); Apply sets it, Ctrl+Z undoes it.  A take of
 * $100 B is beyond the 6.04 M the take reaches at 100%: no answer, and
 * the reason. */
static void
test_goal_seek (void)
{
  CplWindow *window;
  CplScenariosView *view = open_view (&window);
  CplScenarioResults *results = cpl_scenarios_view_get_results (view);
  CplScenarioAnalysis *analysis;
  CplScenario *scenario;

  select_id (view, "two-years");
  scenario = cpl_scenarios_view_get_selected (view);
  analysis = cpl_scenario_results_get_analysis (results);

  /* under the empty target, the total as it is, to aim from: 0.2 ×
   * 6,042,352.94 = 1,208,470.59 */
  g_assert_cmpstr (cpl_scenario_analysis_get_seek_now (analysis), ==, "US government take now: $1.21 M");
  g_assert_true (cpl_scenario_analysis_seek (analysis, "revenue_share", CPL_TOTAL_GOVERNMENT_TAKE, "0.0015"));
  g_assert_cmpstr (cpl_scenario_analysis_get_seek_answer (analysis), ==,
                   "“Revenue share” at 24.8% gives “US government take” of $1.50 M.");
  /* nothing changes before Apply */
  g_assert_cmpfloat (cpl_scenario_get (scenario, CPL_SCENARIO_REVENUE_SHARE), ==, .2);
  g_assert_true (cpl_scenario_analysis_apply_seek (analysis));
  g_assert_cmpfloat_with_epsilon (cpl_scenario_get (scenario, CPL_SCENARIO_REVENUE_SHARE),
                                  1500000 / (308160000. / 51), 1e-7);
  g_assert_cmpstr (cpl_scenario_results_get_total (results, "take"), ==, "$1.50 M");
  g_assert_cmpstr (cpl_scenario_analysis_get_seek_now (analysis), ==, "US government take now: $1.50 M");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  g_assert_cmpfloat (cpl_scenario_get (scenario, CPL_SCENARIO_REVENUE_SHARE), ==, .2);
  g_assert_cmpstr (cpl_scenario_results_get_total (results, "take"), ==, "$1.21 M");
  g_assert_cmpstr (cpl_scenario_analysis_get_seek_now (analysis), ==, "US government take now: $1.21 M");

  /* what the take can reach is said: $0 at 0% to 0.2 × … at 100%, the
   * gross of 308,160,000 / 51 = $6.04 M */
  g_assert_false (cpl_scenario_analysis_seek (analysis, "revenue_share", CPL_TOTAL_GOVERNMENT_TAKE, "100"));
  g_assert_cmpstr (cpl_scenario_analysis_get_seek_answer (analysis), ==,
                   "No value of “Revenue share” from 0% to 100% brings “US government take” to $100 B: over that "
                   "range it goes from $0 to $6.04 M.");
  g_assert_false (cpl_scenario_analysis_apply_seek (analysis));
  /* a take below zero: the same, where it read as if −$1 M were possible */
  g_assert_false (cpl_scenario_analysis_seek (analysis, "revenue_share", CPL_TOTAL_GOVERNMENT_TAKE, "-0.001"));
  g_assert_cmpstr (cpl_scenario_analysis_get_seek_answer (analysis), ==,
                   "No value of “Revenue share” from 0% to 100% brings “US government take” to −$1.00 M: over "
                   "that range it goes from $0 to $6.04 M.");
  /* not a number: said, nothing sought */
  g_assert_false (cpl_scenario_analysis_seek (analysis, "revenue_share", CPL_TOTAL_GOVERNMENT_TAKE, "lots"));
  g_assert_true (g_str_has_prefix (cpl_scenario_analysis_get_seek_answer (analysis), "Target: "));
  g_assert_cmpfloat (cpl_scenario_get (scenario, CPL_SCENARIO_REVENUE_SHARE), ==, .2);
  /* under the ban the take is $0 at every rate: said so */
  select_id (view, "ban");
  cpl_test_wait_for_draw (GTK_WIDGET (window));
  g_assert_false (cpl_scenario_analysis_seek (analysis, "revenue_share", CPL_TOTAL_GOVERNMENT_TAKE, "0.001"));
  g_assert_cmpstr (cpl_scenario_analysis_get_seek_answer (analysis), ==,
                   "No value of “Revenue share” from 0% to 100% brings “US government take” to $1.00 M: it stays $0.");
  g_assert_cmpstr (cpl_scenario_analysis_get_seek_now (analysis), ==, "US government take now: $0");
  gtk_window_destroy (GTK_WINDOW (window));
}

/* two-years with its revenue share ranged 10%–20%–40%: without
 * pass-through the gross (6,042,352.94 over both years) does not move
 * with the share, so the take is the share times it, and its P10/P50/P90
 * are the triangle's quantiles times the gross: P10 = 0.1 + √(0.1 × 0.3 ×
 * 0.1) = 0.15477, P50 = 0.4 − √(0.5 × 0.3 × 0.2) = 0.22679, P90 = 0.4 −
 * √(0.1 × 0.3 × 0.2) = 0.32254 (within 2% for sampling).  Each year's
 * band holds the point (the take at 20%).  The tornado card lists the
 * ranged parameters in the model's order: the share, then the PUE, which
 * moves nothing while power is free. */
static void
test_uncertainty_bands (void)
{
  CplWindow *window;
  CplScenariosView *view = open_view (&window);
  CplScenarioEditor *editor = cpl_scenarios_view_get_editor (view);
  CplScenarioResults *results = cpl_scenarios_view_get_results (view);
  CplDataset *dataset = cpl_application_get_dataset (app);
  const double gross = 308160000. / 51;
  const CplYearOutput outputs[] = { CPL_YEAR_DOMESTIC_SHARE, CPL_YEAR_GOVERNMENT_TAKE, CPL_YEAR_COMPUTE_GAP };
  CplUncertainty *uncertainty;
  const CplQuantiles *take;
  CplScenario *scenario;
  CplTornadoChart *tornado;
  g_autoptr(GArray) bars = NULL;

  select_id (view, "two-years");
  scenario = cpl_scenarios_view_get_selected (view);
  /* no ranges: no run, no band, no tornado */
  g_assert_null (cpl_scenario_results_get_uncertainty (results, TRUE));
  g_assert_null (cpl_scenario_analysis_get_tornado (cpl_scenario_results_get_analysis (results),
                                                    CPL_TOTAL_GOVERNMENT_TAKE));

  g_assert_true (cpl_scenario_editor_set_range_text (editor, "revenue_share", "10", "20", "40"));
  /* the fixture's power is free (0 USD/kWh), so the PUE moves nothing */
  g_assert_true (cpl_scenario_editor_set_range_text (editor, "pue", "1.2", "1.3", "1.5"));
  uncertainty = cpl_scenario_results_get_uncertainty (results, TRUE);
  g_assert_nonnull (uncertainty);
  g_assert_false (cpl_scenario_results_get_estimating (results));
  take = cpl_uncertainty_get_total (uncertainty, CPL_TOTAL_GOVERNMENT_TAKE);
  g_assert_cmpfloat_with_epsilon (take->p10 / gross, cpl_test_triangle_quantile (.1, .2, .4, .1), .02 * .15477);
  g_assert_cmpfloat_with_epsilon (take->p50 / gross, cpl_test_triangle_quantile (.1, .2, .4, .5), .02 * .22679);
  g_assert_cmpfloat_with_epsilon (take->p90 / gross, cpl_test_triangle_quantile (.1, .2, .4, .9), .02 * .32254);

  for (guint o = 0; o < G_N_ELEMENTS (outputs); o++)
    {
      CplLineChart *chart = cpl_scenario_results_get_band_chart (results, outputs[o]);
      double min, max;

      cpl_test_wait_for_draw (GTK_WIDGET (window));
      cpl_line_chart_get_y_range (chart, &min, &max);
      for (guint t = 0; t < 2; t++)
        {
          double low, high;

          g_assert_true (cpl_line_chart_get_band (chart, 0, t, &low, &high));
          g_assert_cmpfloat (cpl_line_chart_get_x_value (chart, t), ==, 2026 + t);
          /* band low ≤ point ≤ high, in values: the projection's year t */
          {
            g_autoptr(CplProjection) p = cpl_projection_compute (scenario, dataset, NULL);
            double point = outputs[o] == CPL_YEAR_DOMESTIC_SHARE ? p->years[t].domestic_share
                           : outputs[o] == CPL_YEAR_GOVERNMENT_TAKE ? p->years[t].government_take_usd
                           : p->years[t].compute_gap_pflops;

            g_assert_cmpfloat (low, <=, point + 1e-9 * MAX (1, fabs (point)));
            g_assert_cmpfloat (high, >=, point - 1e-9 * MAX (1, fabs (point)));
            g_assert_cmpfloat (high, <=, max);
            g_assert_cmpfloat (low, >=, min);
          }
        }
    }

  /* the tornado of the take: the model's rows, in its order */
  tornado = cpl_scenario_analysis_get_tornado (cpl_scenario_results_get_analysis (results),
                                               CPL_TOTAL_GOVERNMENT_TAKE);
  g_assert_nonnull (tornado);
  bars = cpl_tornado_compute (scenario, dataset, CPL_TOTAL_GOVERNMENT_TAKE, NULL);
  g_assert_cmpuint (cpl_tornado_chart_get_n_bars (tornado), ==, bars->len);
  g_assert_cmpuint (bars->len, ==, 2);
  for (guint i = 0; i < bars->len; i++)
    g_assert_true (g_str_has_prefix (cpl_tornado_chart_get_bar_name (tornado, i),
                                     cpl_scenario_parameter_title (g_array_index (bars, CplTornadoBar, i).parameter)));
  /* the share moves the take by 0.3 × 6.04 M: the widest swing; the
   * PUE, without effect, last (a word joiner after each range's dash) */
  g_assert_cmpstr (cpl_tornado_chart_get_bar_name (tornado, 0), ==, "Revenue share 10%–\u206040%");
  g_assert_cmpstr (cpl_tornado_chart_get_bar_name (tornado, 1), ==, "PUE 1.20–\u20601.50");

  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  g_assert_null (cpl_scenario_get_ranges (scenario));
  g_assert_null (cpl_scenario_results_get_uncertainty (results, TRUE));
  gtk_window_destroy (GTK_WINDOW (window));
}

/* The results' scroller, and its position. */
static GtkAdjustment *
results_scroll (CplScenariosView *view)
{
  GtkWidget *results = GTK_WIDGET (cpl_scenarios_view_get_results (view));

  return gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (gtk_widget_get_ancestor (results,
                                                                                            GTK_TYPE_SCROLLED_WINDOW)));
}

/* Another scenario's results start at their headline, not where the last
 * one's were left (a scenario opened at its share-rate curve); an edit of
 * the one shown, or its results updated, leaves the place alone. */
static void
test_other_scenario_from_top (void)
{
  CplWindow *window;
  CplScenariosView *view = open_view (&window);
  CplScenarioEditor *editor = cpl_scenarios_view_get_editor (view);
  GtkAdjustment *scroll = results_scroll (view);

  select_id (view, "two-years");
  cpl_test_wait_for_draw (GTK_WIDGET (window));
  g_assert_cmpfloat (gtk_adjustment_get_upper (scroll) - gtk_adjustment_get_page_size (scroll), >, 300);
  gtk_adjustment_set_value (scroll, 300);
  gtk_editable_set_text (GTK_EDITABLE (cpl_scenario_editor_get_input (editor, "revenue_share")), "25");
  cpl_test_wait_for_draw (GTK_WIDGET (window));
  g_assert_cmpfloat (gtk_adjustment_get_value (scroll), ==, 300);
  select_id (view, "ban");
  g_assert_cmpfloat (gtk_adjustment_get_value (scroll), ==, 0);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* The line under Compare says what to do, then how many scenarios are
 * ticked (it said "Tick scenarios to compare them." with all ticked), and
 * follows a ticked scenario's deletion. */
static void
test_tick_hint (void)
{
  CplWindow *window;
  CplScenariosView *view = open_view (&window);
  CplDataset *dataset = cpl_application_get_dataset (app);

  g_assert_cmpstr (cpl_scenarios_view_get_tick_hint (view), ==, "Tick scenarios to compare them.");
  cpl_scenarios_view_set_compared (view, CPL_SCENARIO (cpl_dataset_lookup (dataset, CPL_TYPE_SCENARIO, "ban")), TRUE);
  g_assert_cmpstr (cpl_scenarios_view_get_tick_hint (view), ==, "One scenario ticked: tick another to compare them.");
  cpl_scenarios_view_set_compared (view, CPL_SCENARIO (cpl_dataset_lookup (dataset, CPL_TYPE_SCENARIO, "two-years")),
                                   TRUE);
  g_assert_cmpstr (cpl_scenarios_view_get_tick_hint (view), ==, "2 scenarios ticked to compare.");
  /* the ticked "ban" deleted: one left ticked; back by Undo, unticked */
  select_id (view, "ban");
  gtk_widget_activate_action (GTK_WIDGET (view), "scenarios.delete", NULL);
  g_assert_null (cpl_dataset_lookup (dataset, CPL_TYPE_SCENARIO, "ban"));
  g_assert_cmpstr (cpl_scenarios_view_get_tick_hint (view), ==, "One scenario ticked: tick another to compare them.");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  g_assert_nonnull (cpl_dataset_lookup (dataset, CPL_TYPE_SCENARIO, "ban"));
  g_assert_cmpstr (cpl_scenarios_view_get_tick_hint (view), ==, "One scenario ticked: tick another to compare them.");
  cpl_scenarios_view_set_compared (view, CPL_SCENARIO (cpl_dataset_lookup (dataset, CPL_TYPE_SCENARIO, "two-years")),
                                   FALSE);
  g_assert_cmpstr (cpl_scenarios_view_get_tick_hint (view), ==, "Tick scenarios to compare them.");
  gtk_window_destroy (GTK_WINDOW (window));
}

/* Closing the window stops its Monte Carlo runs: the results' and the
 * comparison's.  Each run holds a reference on its view, which outlived
 * the window until the run ended, and the run then updated a view no one
 * saw.  Once the window is gone no run is under way, and the views go
 * once the runs' threads have stopped. */
static void
test_close_stops_runs (void)
{
  CplWindow *window;
  CplScenariosView *view = open_view (&window);
  CplDataset *dataset = cpl_application_get_dataset (app);
  CplScenarioResults *results = cpl_scenarios_view_get_results (view);
  CplScenarioComparison *comparison = cpl_scenarios_view_get_comparison (view);

  select_id (view, "two-years");
  g_assert_true (cpl_scenario_editor_set_range_text (cpl_scenarios_view_get_editor (view), "revenue_share",
                                                     "10", "20", "40"));
  cpl_scenario_results_get_summary (results);
  cpl_scenarios_view_set_compared (view, CPL_SCENARIO (cpl_dataset_lookup (dataset, CPL_TYPE_SCENARIO, "ban")), TRUE);
  cpl_scenarios_view_set_compared (view, CPL_SCENARIO (cpl_dataset_lookup (dataset, CPL_TYPE_SCENARIO, "two-years")),
                                   TRUE);
  cpl_scenario_comparison_get_summary (comparison);
  /* two-years has a range: a run for the results, one for the comparison */
  g_assert_true (cpl_scenario_results_get_running (results));
  g_assert_cmpuint (cpl_scenario_comparison_get_n_runs (comparison), ==, 1);

  g_object_ref (results);
  g_object_ref (comparison);
  gtk_window_destroy (GTK_WINDOW (window));
  g_assert_false (cpl_scenario_results_get_running (results));
  g_assert_cmpuint (cpl_scenario_comparison_get_n_runs (comparison), ==, 0);

  /* the cancelled runs end here, not in the tests after this one */
  g_object_add_weak_pointer (G_OBJECT (results), (gpointer *) &results);
  g_object_add_weak_pointer (G_OBJECT (comparison), (gpointer *) &comparison);
  g_object_unref (results);
  g_object_unref (comparison);
  while (results != NULL || comparison != NULL)
    g_main_context_iteration (NULL, TRUE);
}

/* A change while a run is under way cancels it: its result never shows,
 * only that of the new inputs.  A degenerate range of 30% gives P10 = P90
 * = 0.3 × 6,042,352.94 = 1,812,705.88 ($1.81 M), said in the summary
 * beside the point take at 20% ($1.21 M). */
static void
test_uncertainty_cancel (void)
{
  CplWindow *window;
  CplScenariosView *view = open_view (&window);
  CplScenarioEditor *editor = cpl_scenarios_view_get_editor (view);
  CplScenarioResults *results = cpl_scenarios_view_get_results (view);
  CplUncertainty *uncertainty;
  const CplQuantiles *take;

  select_id (view, "two-years");
  g_assert_true (cpl_scenario_editor_set_range_text (editor, "revenue_share", "10", "20", "40"));
  /* the run of 10–20–40 starts; a new range before it is done */
  g_assert_null (cpl_scenario_results_get_uncertainty (results, FALSE));
  g_assert_true (cpl_scenario_editor_set_range_text (editor, "revenue_share", "30", "30", "30"));
  g_assert_null (cpl_scenario_results_get_uncertainty (results, FALSE));
  uncertainty = cpl_scenario_results_get_uncertainty (results, TRUE);
  take = cpl_uncertainty_get_total (uncertainty, CPL_TOTAL_GOVERNMENT_TAKE);
  g_assert_cmpfloat_with_epsilon (take->p10, .3 * 308160000. / 51, 1e-3);
  g_assert_cmpfloat_with_epsilon (take->p90, .3 * 308160000. / 51, 1e-3);
  g_assert_nonnull (strstr (cpl_scenario_results_get_summary (results),
                            "\nUS government take $1.21 M (P10 = P90 = $1.81 M)"));

  /* the progress shows only once a run has taken 150 ms: not at its
   * start, and if it is still going 300 ms later, by then; and the
   * preference sets the draws */
  g_settings_set_int (cpl_application_get_settings (app), "monte-carlo-draws", 100000);
  g_assert_null (cpl_scenario_results_get_uncertainty (results, FALSE));
  g_assert_false (cpl_scenario_results_get_estimating (results));
  cpl_test_iterate_for (300);
  if (cpl_scenario_results_get_uncertainty (results, FALSE) == NULL)
    g_assert_true (cpl_scenario_results_get_estimating (results));
  g_assert_cmpuint (cpl_uncertainty_get_n_draws (cpl_scenario_results_get_uncertainty (results, TRUE)), ==, 100000);
  g_assert_false (cpl_scenario_results_get_estimating (results));
  g_settings_reset (cpl_application_get_settings (app), "monte-carlo-draws");
  g_assert_cmpuint (cpl_uncertainty_get_n_draws (cpl_scenario_results_get_uncertainty (results, TRUE)), ==, 10000);

  /* an edit of another input: the result of the old inputs goes at once */
  gtk_editable_set_text (GTK_EDITABLE (cpl_scenario_editor_get_input (editor, "demand_growth")), "40");
  g_assert_null (cpl_scenario_results_get_uncertainty (results, FALSE));
  g_assert_null (strstr (cpl_scenario_results_get_summary (results), "P10–P90"));
  g_assert_nonnull (cpl_scenario_results_get_uncertainty (results, TRUE));
  gtk_window_destroy (GTK_WINDOW (window));
}

/* "$935,187" or "$1.94 M" as a number of dollars */
static double
dollars (const char *text)
{
  g_autoptr(GString) digits = g_string_new (NULL);
  const char *p;

  g_assert_true (text[0] == '$');
  for (p = text + 1; g_ascii_isdigit (*p) || *p == ',' || *p == '.'; p++)
    if (*p != ',')
      g_string_append_c (digits, *p);
  if (g_str_equal (p, " M"))
    return g_ascii_strtod (digits->str, NULL) * 1e6;
  g_assert_cmpstr (p, ==, "");
  return g_ascii_strtod (digits->str, NULL);
}

/* Compared, a ranged scenario gets its band on every chart, in its
 * series; one without ranges gets none.  two-years comes before ban in
 * the fixture, so it is series 0. */
static void
test_comparison_bands (void)
{
  CplWindow *window;
  CplScenariosView *view = open_view (&window);
  CplDataset *dataset = cpl_application_get_dataset (app);
  CplScenario *two_years = CPL_SCENARIO (cpl_dataset_lookup (dataset, CPL_TYPE_SCENARIO, "two-years"));
  CplScenarioComparison *comparison = cpl_scenarios_view_get_comparison (view);
  CplLineChart *take;
  double low, high;

  g_assert_true (cpl_scenario_set_range (two_years, "revenue_share", (double[]) { .1, .2, .4 }, NULL));
  cpl_scenarios_view_set_compared (view, two_years, TRUE);
  cpl_scenarios_view_set_compared (view, CPL_SCENARIO (cpl_dataset_lookup (dataset, CPL_TYPE_SCENARIO, "ban")), TRUE);
  cpl_test_wait_for_draw (GTK_WIDGET (window));
  cpl_scenario_comparison_wait_for_bands (comparison);

  take = cpl_scenario_comparison_get_chart (comparison, CPL_YEAR_GOVERNMENT_TAKE);
  /* 2026: the take at 20% is 0.2 × 2 × 2,720,000/3 = 362,666.67; the
   * band runs from about 0.155 to 0.323 of the gross, 280,662 to 584,873 */
  g_assert_true (cpl_line_chart_get_band (take, 0, 0, &low, &high));
  g_assert_cmpfloat (low, <, 362666.67);
  g_assert_cmpfloat (high, >, 362666.67);
  g_assert_false (cpl_line_chart_get_band (take, 1, 0, &low, &high));
  /* 2027: 0.2 × 2 × 107,840,000/51 = 845,803.92 within the band */
  g_assert_true (cpl_line_chart_get_band (take, 0, 1, &low, &high));
  g_assert_cmpfloat (low, <, 845803.92);
  g_assert_cmpfloat (high, >, 845803.92);

  /* whose bands the charts draw is chosen: all (the default), the one
   * ranged scenario, none; the ban has no ranges and is not offered */
  {
    g_autoptr(GPtrArray) menus = g_ptr_array_new ();
    GtkDropDown *bands = NULL;
    GListModel *names;

    cpl_test_collect_widgets (GTK_WIDGET (comparison), GTK_TYPE_DROP_DOWN, menus);
    for (guint i = 0; i < menus->len; i++)
      if (g_str_equal (gtk_string_list_get_string (GTK_STRING_LIST (gtk_drop_down_get_model (menus->pdata[i])), 0),
                       "All scenarios"))
        bands = menus->pdata[i];
    g_assert_nonnull (bands);
    g_assert_true (gtk_widget_get_visible (gtk_widget_get_parent (GTK_WIDGET (bands))));
    names = gtk_drop_down_get_model (bands);
    g_assert_cmpuint (g_list_model_get_n_items (names), ==, 3);
    g_assert_cmpstr (gtk_string_list_get_string (GTK_STRING_LIST (names), 1), ==,
                     cpl_entity_get_name (CPL_ENTITY (two_years)));
    g_assert_cmpstr (gtk_string_list_get_string (GTK_STRING_LIST (names), 2), ==, "None");
    gtk_drop_down_set_selected (bands, 2);
    g_assert_false (cpl_line_chart_get_band (take, 0, 0, &low, &high));
    gtk_drop_down_set_selected (bands, 1);
    g_assert_true (cpl_line_chart_get_band (take, 0, 0, &low, &high));
    g_assert_cmpfloat (low, <, 362666.67);
    /* kept when the comparison is shown again (a tick elsewhere) */
    gtk_drop_down_set_selected (bands, 2);
    cpl_scenarios_view_set_compared (view, two_years, FALSE);
    cpl_test_wait_for_draw (GTK_WIDGET (window));
    cpl_scenarios_view_set_compared (view, two_years, TRUE);
    cpl_test_wait_for_draw (GTK_WIDGET (window));
    cpl_scenario_comparison_wait_for_bands (comparison);
    g_assert_cmpuint (gtk_drop_down_get_selected (bands), ==, 2);
    g_assert_false (cpl_line_chart_get_band (take, 0, 0, &low, &high));
    gtk_drop_down_set_selected (bands, 0);
    g_assert_true (cpl_line_chart_get_band (take, 0, 0, &low, &high));
  }

  /* The totals table carries each ranged total's P10–P90 under its value.
   * The gross does not move with the share, so the take is the share ×
   * the two years' gross, 2 × 2,720,000/3 + 2 × 107,840,000/51 =
   * 1,813,333.33 + 4,229,019.61 = 6,042,352.94.  The share's triangle 10%,
   * 20%, 40% has its P10 at 0.1 + √(0.1 × 0.3 × 0.1) = 0.154772 and its
   * P90 at 0.4 − √(0.1 × 0.3 × 0.2) = 0.322540: a take of $935,187 and
   * $1,948,902 (shown "$1.95 M", or a neighbour: three digits; the P10 in
   * the same unit, "$0.94 M").  10,000 draws put a P10 within one
   * standard error, √(0.1 × 0.9 / 10,000) ÷ the density there (2 ×
   * 0.054772 / 0.03 = 3.65) = 0.00082 of share, $4,960 of take: the test
   * allows $25,000.
   * The ban has no ranges, so nothing under its take. */
  {
    const char *range = cpl_scenario_comparison_get_range (comparison, "take", "two-years");
    g_auto(GStrv) ends = NULL;
    double p10, p90;

    g_assert_nonnull (range);
    g_assert_true (g_str_has_prefix (range, "P10–P90: $"));
    ends = g_strsplit (range + strlen ("P10–P90: "), "–", 2);
    g_assert_cmpuint (g_strv_length (ends), ==, 2);
    p10 = dollars (ends[0]);
    p90 = dollars (ends[1]);
    /* both ends in the unit of the take over them, $1.21 M: "$0.94 M",
     * not "$935,187" */
    g_assert_true (g_str_has_suffix (ends[0], " M"));
    /* shown with each number kept with its unit: a no-break space (U+00A0)
     * before "M", where the label wrapped "$1.95" away from it; "P10–P90"
     * is kept whole too */
    {
      g_autoptr(GPtrArray) labels = g_ptr_array_new ();
      guint shown = 0;

      cpl_test_collect_widgets (GTK_WIDGET (comparison), GTK_TYPE_LABEL, labels);
      for (guint i = 0; i < labels->len; i++)
        {
          const char *text = gtk_label_get_text (labels->pdata[i]);

          if (!g_str_has_prefix (text, "P10–\u2060P90: $"))
            continue;
          shown++;
          g_assert_null (strstr (text, " M"));
          g_assert_nonnull (strstr (text, "\u00a0M"));
          /* and no break after a dash: a word joiner (U+2060) after it,
           * where "$0.94 M–" stood over "$1.95 M" */
          g_assert_nonnull (strstr (text, "\u00a0M–\u2060$"));
        }
      g_assert_cmpuint (shown, >, 0);
    }
    g_assert_cmpfloat_with_epsilon (p10, 935187, 25000);
    g_assert_cmpfloat_with_epsilon (p90, 1948902, 25000);
    g_assert_null (cpl_scenario_comparison_get_range (comparison, "take", "ban"));
    /* no run ranges a vendor's net revenue */
    g_assert_null (cpl_scenario_comparison_get_range (comparison, "net:va", "two-years"));
  }

  cpl_scenario_set_range (two_years, "revenue_share", NULL, NULL);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* 100 edits in one main-loop iteration project the selected scenario once,
 * before the next frame; while another view is shown, not at all, until
 * the Scenarios view is shown again. */
static void
test_coalesced (void)
{
  CplWindow *window;
  CplScenariosView *view = open_view (&window);
  GtkWidget *results = GTK_WIDGET (cpl_scenarios_view_get_results (view));
  CplEntity *two_years;
  guint before;

  select_id (view, "two-years");
  two_years = CPL_ENTITY (cpl_scenarios_view_get_selected (view));
  cpl_test_iterate_for (300);
  before = cpl_deferred_update_get_count (results);

  /* 0.0025, 0.005, … 100/400 = 0.25 */
  for (guint i = 1; i <= 100; i++)
    g_assert_true (cpl_entity_set_number (two_years, CPL_SCENARIO_REVENUE_SHARE, i / 400.0, NULL));
  cpl_test_iterate_for (300);
  g_assert_cmpuint (cpl_deferred_update_get_count (results), ==, before + 1);
  /* the last edit's: 0.25 × 6,042,352.94 = 1,510,588.24 (see test_edit_share) */
  g_assert_cmpstr (cpl_scenario_results_get_total (CPL_SCENARIO_RESULTS (results), "take"), ==, "$1.51 M");
  g_assert_cmpuint (cpl_deferred_update_get_count (results), ==, before + 1);

  /* hidden behind the Chips view: deferred */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-view", "s", "chips");
  cpl_test_iterate_for (300);
  g_assert_false (gtk_widget_get_mapped (results));
  before = cpl_deferred_update_get_count (results);
  /* … 80/400 = 0.2 */
  for (guint i = 1; i <= 80; i++)
    g_assert_true (cpl_entity_set_number (two_years, CPL_SCENARIO_REVENUE_SHARE, i / 400.0, NULL));
  cpl_test_iterate_for (300);
  g_assert_cmpuint (cpl_deferred_update_get_count (results), ==, before);
  /* shown again: once, with the last value: 0.2 × 6,042,352.94 = 1,208,470.59 */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-view", "s", "scenarios");
  cpl_test_iterate_for (300);
  g_assert_cmpuint (cpl_deferred_update_get_count (results), ==, before + 1);
  g_assert_cmpstr (cpl_scenario_results_get_total (CPL_SCENARIO_RESULTS (results), "take"), ==, "$1.21 M");

  gtk_window_destroy (GTK_WINDOW (window));
}

static guint
count_id (GListModel *list,
          const char *id)
{
  guint count = 0;

  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(CplEntity) entity = g_list_model_get_item (list, i);
      count += g_str_equal (cpl_entity_get_id (entity), id);
    }
  return count;
}

/* Issue #11: delete a scenario, press Ctrl+Z, then the toast's Undo: the
 * dataset held two entries with one id, and the saved file did not open.
 * The toast's Undo now goes through the same history. */
static void
test_delete_undo_toast (void)
{
  CplWindow *window;
  CplScenariosView *view = open_view (&window);
  CplDataset *dataset = cpl_application_get_dataset (app);
  GListModel *scenarios = cpl_dataset_get_scenarios (dataset);
  guint n = g_list_model_get_n_items (scenarios);
  CplEntity *two_years = cpl_dataset_lookup (dataset, CPL_TYPE_SCENARIO, "two-years");
  g_autoptr(CplDataset) reopened = cpl_dataset_new ();
  g_autoptr(GBytes) saved = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *data = NULL;
  gsize length;
  AdwToast *toast;

  select_id (view, "two-years");
  /* what the view's Delete does */
  toast = cpl_remove_with_undo (GTK_WIDGET (view), dataset, two_years);
  g_assert_nonnull (toast);
  g_assert_cmpstr (adw_toast_get_action_name (toast), ==, "win.undo-removal");
  g_assert_cmpuint (count_id (scenarios, "two-years"), ==, 0);

  /* Ctrl+Z, then the toast's button (an actionable: it activates its
   * action with its target on the window) */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  g_assert_cmpuint (count_id (scenarios, "two-years"), ==, 1);
  gtk_widget_activate_action_variant (GTK_WIDGET (view), adw_toast_get_action_name (toast),
                                      adw_toast_get_action_target_value (toast));
  g_assert_cmpuint (count_id (scenarios, "two-years"), ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (scenarios), ==, n);
  /* the very object is back, and the view has it */
  g_assert_true (cpl_dataset_lookup (dataset, CPL_TYPE_SCENARIO, "two-years") == two_years);

  /* saved, the file opens again */
  data = cpl_dataset_to_data (dataset, &length);
  saved = g_bytes_new_take (g_steal_pointer (&data), length);
  g_assert_true (cpl_dataset_load_bytes (reopened, saved, "saved.json", CPL_LOAD_ALONE, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (cpl_dataset_get_scenarios (reopened)), ==, n);

  /* the toast pressed twice puts it back once */
  toast = cpl_remove_with_undo (GTK_WIDGET (view), dataset, two_years);
  gtk_widget_activate_action_variant (GTK_WIDGET (view), adw_toast_get_action_name (toast),
                                      adw_toast_get_action_target_value (toast));
  g_assert_cmpuint (count_id (scenarios, "two-years"), ==, 1);
  gtk_widget_activate_action_variant (GTK_WIDGET (view), adw_toast_get_action_name (toast),
                                      adw_toast_get_action_target_value (toast));
  g_assert_cmpuint (count_id (scenarios, "two-years"), ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (scenarios), ==, n);

  gtk_window_destroy (GTK_WINDOW (window));
}

/* The label of the comparison's sentence @index. */
static GtkLabel *
summary_label (CplScenariosView *view,
               guint             index)
{
  CplScenarioComparison *comparison = cpl_scenarios_view_get_comparison (view);
  g_auto(GStrv) sentences = g_strsplit (cpl_scenario_comparison_get_summary (comparison), "\n", -1);
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();

  g_autofree char *shown = NULL;

  g_assert_cmpuint (index, <, g_strv_length (sentences));
  /* as shown: its units kept whole */
  shown = cpl_text_keep_units (sentences[index]);
  cpl_test_collect_widgets (GTK_WIDGET (comparison), GTK_TYPE_LABEL, labels);
  for (guint i = 0; i < labels->len; i++)
    if (g_str_equal (gtk_label_get_text (labels->pdata[i]), shown))
      return labels->pdata[i];
  g_assert_not_reached ();
}

static gboolean
summary_label_has_class (CplScenariosView *view,
                         guint             index,
                         const char       *css_class)
{
  return gtk_widget_has_css_class (GTK_WIDGET (summary_label (view, index)), css_class);
}

static void
test_comparison (void)
{
  CplWindow *window;
  CplScenariosView *view = open_view (&window);
  CplDataset *dataset = cpl_application_get_dataset (app);

  cpl_scenarios_view_set_compared (view, CPL_SCENARIO (cpl_dataset_lookup (dataset, CPL_TYPE_SCENARIO, "full-ban-2025")), TRUE);
  cpl_scenarios_view_set_compared (view, CPL_SCENARIO (cpl_dataset_lookup (dataset, CPL_TYPE_SCENARIO, "h200-share-25")), TRUE);
  cpl_test_wait_for_draw (GTK_WIDGET (window));
  /* the built-in 25% H200 scenario sells $289 B over 2026–2030 against
   * nothing under the ban: capacity (600,000 PFLOP/s growing 40% a year)
   * binds in every year, and 80% of the demand above it (capacity spill
   * 100% × approval 80%) goes to the H200 on top of its own approved
   * demand.  Recomputed from MODEL.md §5 outside the app (a Python
   * transcription of the steps): 2026 C = 2,000,000, R_d = 1,006,676,
   * I = 600,000, O = 406,676, spill 325,341, X = 1,318,665; … 2030
   * C = 5,712,200, I = 2,304,960, X = 3,098,713, share 2,304,960 /
   * 5,403,673 = 42.7%; X × 1000 / 989.5 TFLOPS × $27,000 summed over
   * the five years = $289.48 B */
  g_test_message ("%s", cpl_scenario_comparison_get_summary (cpl_scenarios_view_get_comparison (view)));
  g_assert_true (g_str_has_prefix (cpl_scenario_comparison_get_summary (cpl_scenarios_view_get_comparison (view)),
                                   "H200 with a 25% revenue share (December 2025): US vendors sell $289 B more than "
                                   "under Full ban (April 2025) over 2026–2030; the domestic share of new compute in 2030 "
                                   "is 42.7%, against 100.0%"));
  /* one sentence is the answer, large; with a third scenario there are
   * two, each read against the table, in body text with the scenario's
   * name in bold (two paragraphs all in bold were a wall of heavy text):
   * the H20 scenario first, in the dataset's order */
  g_assert_true (summary_label_has_class (view, 0, "title-4"));
  cpl_scenarios_view_set_compared (view, CPL_SCENARIO (cpl_dataset_lookup (dataset, CPL_TYPE_SCENARIO, "h20-mi308-share-15")), TRUE);
  cpl_test_wait_for_draw (GTK_WIDGET (window));
  for (guint i = 0; i < 2; i++)
    {
      g_assert_false (summary_label_has_class (view, i, "title-4"));
      g_assert_false (summary_label_has_class (view, i, "heading"));
      g_assert_true (gtk_label_get_use_markup (summary_label (view, i)));
    }
  /* (as shown: "H20 and" with a no-break space, cpl_text_keep_units()) */
  {
    g_autofree char *first = cpl_text_keep_units ("<b>H20 and MI308X with a 15% revenue share (August 2025)</b>: "
                                                  "US vendors sell ");
    g_autofree char *second = cpl_text_keep_units ("<b>H200 with a 25% revenue share (December 2025)</b>: "
                                                   "US vendors sell ");

    g_assert_true (g_str_has_prefix (gtk_label_get_label (summary_label (view, 0)), first));
    g_assert_true (g_str_has_prefix (gtk_label_get_label (summary_label (view, 1)), second));
  }
  /* back to one: large again, plain text */
  cpl_scenarios_view_set_compared (view, CPL_SCENARIO (cpl_dataset_lookup (dataset, CPL_TYPE_SCENARIO, "h20-mi308-share-15")), FALSE);
  cpl_test_wait_for_draw (GTK_WIDGET (window));
  g_assert_true (summary_label_has_class (view, 0, "title-4"));
  g_assert_false (gtk_label_get_use_markup (summary_label (view, 0)));

  gtk_window_destroy (GTK_WINDOW (window));

  /* the comparison on a phone, in dark mode, draws without a warning */
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_FORCE_DARK);
  view = open_view_sized (&window, 360, 640);
  cpl_test_wait_for_draw (GTK_WIDGET (window));
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_DEFAULT);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* The top-left pixel of @texture, B, G, R, A. */
static void
corner_pixel (GdkTexture *texture,
              guchar      pixel[4])
{
  gsize stride = (gsize) gdk_texture_get_width (texture) * 4;
  g_autofree guchar *data = g_malloc (stride * gdk_texture_get_height (texture));

  gdk_texture_download (texture, data, stride);
  memcpy (pixel, data, 4);
}

/* Every chart card of the results, the share-rate curve, the tornado and
 * the comparison has an Export… button named "Export Chart…" beside its
 * title, and its chart a title for exports.  What the dialog does once a
 * file is chosen (cpl_chart_export_write(), called here with a path as
 * the portal would give it) writes the chart: PNG 2× is 2 × 1000 by 2 ×
 * 600 pixels; the suggested name is the scenario's id and the chart's.
 * The dialog itself opens over the window and closes without a warning. */
static void
test_export_buttons (void)
{
  CplWindow *window;
  CplScenariosView *view = open_view (&window);
  CplDataset *dataset = cpl_application_get_dataset (app);
  g_autoptr(GPtrArray) cards = g_ptr_array_new ();
  g_autofree char *dir = g_dir_make_tmp ("cpl-export-ui-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "share.png", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  CplChartView *share = NULL;
  guint n_charts = 0;

  select_id (view, "two-years");
  /* ranges: the take's card and the tornado's show */
  g_assert_true (cpl_scenario_editor_set_range_text (cpl_scenarios_view_get_editor (view), "revenue_share",
                                                     "10", "20", "40"));
  /* the results shown (their update waits for a frame) */
  cpl_scenario_results_get_summary (cpl_scenarios_view_get_results (view));
  cpl_scenarios_view_set_compared (view, CPL_SCENARIO (cpl_dataset_lookup (dataset, CPL_TYPE_SCENARIO, "ban")), TRUE);
  cpl_scenarios_view_set_compared (view, CPL_SCENARIO (cpl_dataset_lookup (dataset, CPL_TYPE_SCENARIO, "two-years")),
                                   TRUE);
  cpl_scenario_comparison_get_summary (cpl_scenarios_view_get_comparison (view));
  cpl_test_wait_for_draw (GTK_WIDGET (window));
  cpl_test_collect_widgets (GTK_WIDGET (view), GTK_TYPE_FLOW_BOX_CHILD, cards);
  for (guint i = 0; i < cards->len; i++)
    {
      GtkWidget *card = g_ptr_array_index (cards, i);
      CplChartView *chart_view = CPL_CHART_VIEW (cpl_test_find_widget (card, CPL_TYPE_CHART_VIEW));
      GtkWidget *button;
      char *mismatch;

      if (chart_view == NULL)
        continue;
      n_charts++;
      button = cpl_test_find_widget (card, GTK_TYPE_BUTTON);
      g_assert_nonnull (button);
      mismatch = gtk_test_accessible_check_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                                     "Export Chart…");
      g_assert_null (mismatch);
      g_assert_nonnull (cpl_chart_get_title (cpl_chart_view_get_chart (chart_view)));
      if (share == NULL)
        share = chart_view;
    }
  /* results: share, units, revenue, take, gap, cost; the curve's two and
   * the tornado; the comparison's share, revenue, take and gap */
  g_assert_cmpuint (n_charts, ==, 13);

  g_assert_cmpstr (cpl_chart_get_title (cpl_chart_view_get_chart (share)), ==, "Domestic Share of New Compute");
  {
    g_autofree char *name = cpl_chart_export_suggest_name (cpl_chart_view_get_chart (share), CPL_CHART_SAVE_PNG_2X);

    g_assert_cmpstr (name, ==, "two-years-domestic-share.png");
  }
  /* the picture names whose figures it shows, under its title */
  g_assert_cmpstr (cpl_chart_get_subject (cpl_chart_view_get_chart (share)), ==, "Two years");
  g_assert_true (cpl_chart_export_write (cpl_chart_view_get_chart (share), file, CPL_CHART_SAVE_PNG_2X, FALSE,
                                         NULL, FALSE, &error));
  g_assert_no_error (error);
  texture = gdk_texture_new_from_file (file, &error);
  g_assert_no_error (error);
  g_assert_cmpint (gdk_texture_get_width (texture), ==, 2000);
  g_assert_cmpint (gdk_texture_get_height (texture), ==, 1200);
  g_assert_cmpstr (cpl_chart_get_source (cpl_chart_view_get_chart (share)), ==,
                   "Chip Policy Lab · data: built-in dataset (2026-12-04.6)");
  /* the light palette by default whatever the theme: a white margin; the
   * dark one on request: a margin with every channel below a half */
  {
    guchar pixel[4];
    g_autoptr(GdkTexture) dark = NULL;

    corner_pixel (texture, pixel);
    g_assert_cmpuint (MIN (pixel[0], MIN (pixel[1], pixel[2])), >, 0xe0);
    g_assert_true (cpl_chart_export_write (cpl_chart_view_get_chart (share), file, CPL_CHART_SAVE_PNG_1X, TRUE,
                                           NULL, TRUE, &error));
    /* written with changes not saved: its source line says so */
    g_assert_cmpstr (cpl_chart_get_source (cpl_chart_view_get_chart (share)), ==,
                     "Chip Policy Lab · data: built-in dataset (2026-12-04.6) with unsaved changes");
    dark = gdk_texture_new_from_file (file, &error);
    g_assert_no_error (error);
    g_assert_cmpint (gdk_texture_get_width (dark), ==, 1000);
    corner_pixel (dark, pixel);
    g_assert_cmpuint (MAX (pixel[0], MAX (pixel[1], pixel[2])), <, 0x80);
  }

  /* the dialog: over the window, modal, gone on Cancel */
  {
    GListModel *toplevels = gtk_window_get_toplevels ();
    guint before = g_list_model_get_n_items (toplevels);
    g_autoptr(GtkWindow) dialog = NULL;

    cpl_chart_export_present (share);
    cpl_test_wait_for_draw (GTK_WIDGET (window));
    g_assert_cmpuint (g_list_model_get_n_items (toplevels), ==, before + 1);
    for (guint i = 0; i < g_list_model_get_n_items (toplevels) && dialog == NULL; i++)
      {
        g_autoptr(GtkWindow) toplevel = g_list_model_get_item (toplevels, i);

        if (g_strcmp0 (gtk_window_get_title (toplevel), "Export Chart") == 0)
          dialog = g_steal_pointer (&toplevel);
      }
    g_assert_nonnull (dialog);
    g_assert_true (gtk_window_get_modal (dialog));
    g_assert_true (gtk_window_get_transient_for (dialog) == GTK_WINDOW (window));
    gtk_window_destroy (dialog);
  }

  g_unlink (path);
  g_rmdir (dir);
  gtk_window_destroy (GTK_WINDOW (window));
}

typedef const char *(*ButtonKey) (GtkWidget *button);

typedef struct {
  ButtonKey   key;
  const char *value;
} ButtonWanted;

static gboolean
is_button_wanted (GtkWidget     *widget,
                  gconstpointer  data)
{
  const ButtonWanted *wanted = data;

  return GTK_IS_BUTTON (widget) && g_strcmp0 (wanted->key (widget), wanted->value) == 0;
}

/* The first button under @widget whose @key is @value, or NULL. */
static GtkWidget *
find_button (GtkWidget  *widget,
             ButtonKey   key,
             const char *value)
{
  ButtonWanted wanted = { key, value };

  return cpl_test_find_matching (widget, is_button_wanted, &wanted);
}

static const char *
rule_date_of (GtkWidget *button)
{
  return g_object_get_data (G_OBJECT (button), "cpl-date");
}

static const char *
action_of (GtkWidget *button)
{
  return gtk_actionable_get_action_name (GTK_ACTIONABLE (button));
}

/* The button under @widget whose quick pick is @iso_date, or NULL. */
static GtkWidget *
find_rule_date (GtkWidget  *widget,
                const char *iso_date)
{
  return find_button (widget, rule_date_of, iso_date);
}

static gboolean
is_rules_button (GtkWidget     *widget,
                 gconstpointer  data)
{
  return GTK_IS_MENU_BUTTON (widget) &&
         g_strcmp0 (gtk_menu_button_get_icon_name (GTK_MENU_BUTTON (widget)), "x-office-calendar-symbolic") == 0;
}

/* The editor's "Use the rules in force on…" button, under @widget. */
static GtkMenuButton *
find_rules_button (GtkWidget *widget)
{
  return GTK_MENU_BUTTON (cpl_test_find_matching (widget, is_rules_button, NULL));
}

/* Opens that button's popover, as a click on it would. */
static void
open_rules_popover (CplScenarioEditor *editor)
{
  GtkMenuButton *button = find_rules_button (GTK_WIDGET (editor));

  g_assert_nonnull (button);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (button)));
  gtk_menu_button_popup (button);
  g_assert_nonnull (gtk_menu_button_get_popover (button));
}

/* "Use the rules in force on …": the quick pick of 2026-01-15 (the
 * case-by-case rule) fills the scenario from the built-in rules, and one
 * Ctrl+Z puts back what it replaced.
 *
 * On 2026-01-15 every rule of the built-in dataset is in force.  The
 * built-in chips allowed (see test-status.c, /status/policy-builtin, for
 * the arithmetic): A100, H100, H800, H20, H200, MI300X, MI308X, MI325X =
 * 8 chips; the largest share is H200's and MI325X's 25%, and the note
 * says who pays what: in the 25% tariff bands the H200 (TPP 15,832 in
 * 14,000–17,500, 4,800 GB/s in 4,500–5,000) and the MI325X (20,800 in
 * 20,800–21,100, 6,000 GB/s in 5,800–6,200); the H20 and the MI308X
 * 15% by name; the A100, H100, H800 (3,350 GB/s, out of the band) and
 * MI300X (5,300 GB/s, below 5,800) none.  The fixture's
 * X (bf16 1000 → TPP 16,000) and Y (8,000) are controlled by 3A090.a
 * (≥ 4,800), but give no bandwidth, so the case-by-case licence (TPP <
 * 21,000 and bandwidth < 6,500 GB/s) is unknown: their status needs
 * data, and they are left out with a word each.  D is domestic. */
static void
test_use_rules (void)
{
  CplWindow *window;
  CplScenariosView *view = open_view (&window);
  CplScenarioEditor *editor = cpl_scenarios_view_get_editor (view);
  CplScenario *scenario;
  GtkWidget *pick;
  const char * const *allowed;
  g_autofree char *joined = NULL;
  g_autofree char *restored = NULL;

  select_id (view, "two-years");
  scenario = cpl_scenarios_view_get_selected (view);
  g_assert_cmpstr (cpl_scenario_editor_get_policy_note (editor), ==, "");

  /* the quick picks are made when their popover first opens */
  g_assert_null (find_rule_date (GTK_WIDGET (editor), "2026-01-15"));
  show_parameters (view);
  open_rules_popover (editor);
  pick = find_rule_date (GTK_WIDGET (editor), "2026-01-15");
  g_assert_nonnull (pick);
  g_signal_emit_by_name (pick, "clicked");

  allowed = cpl_scenario_get_allowed_chips (scenario);
  joined = g_strjoinv (" ", (char **) allowed);
  g_assert_cmpstr (joined, ==, "nvidia-a100 nvidia-h100 nvidia-h800 nvidia-h20 nvidia-h200 "
                               "amd-mi300x amd-mi308x amd-mi325x");
  g_assert_cmpfloat (cpl_scenario_get (scenario, CPL_SCENARIO_REVENUE_SHARE), ==, 0.25);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (cpl_scenario_editor_get_input (editor, "revenue_share"))), ==, "25");
  g_assert_cmpstr (cpl_scenario_editor_get_policy_note (editor), ==,
                   "From the rules in force on 15 January 2026: 8 chips allowed, revenue share 25%.\n"
                   "The rules set different revenue shares: 25% for H200 SXM and Instinct MI325X; 15% for H20 "
                   "and Instinct MI308X; 0% for A100 SXM4 80GB, H100 SXM5 80GB, H800 SXM5 and Instinct MI300X. "
                   "A scenario has one share rate: it takes the largest, 25%, which overstates the US take on the "
                   "chips that pay less.\n"
                   "The name and description are left as they were: change them if they no longer fit.\n"
                   "Left out:\n"
                   "• X: its status on 15 January 2026 needs data (a figure the rules need is missing)\n"
                   "• Y: its status on 15 January 2026 needs data (a figure the rules need is missing)");

  /* one Ctrl+Z: both the chips and the share are back (X, Y at 20%) */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  restored = g_strjoinv (" ", (char **) cpl_scenario_get_allowed_chips (scenario));
  g_assert_cmpstr (restored, ==, "chip-x chip-y");
  g_assert_cmpfloat (cpl_scenario_get (scenario, CPL_SCENARIO_REVENUE_SHARE), ==, 0.2);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (cpl_scenario_editor_get_input (editor, "revenue_share"))), ==, "20");
  /* the note no longer describes the scenario: gone */
  g_assert_cmpstr (cpl_scenario_editor_get_policy_note (editor), ==, "");

  /* 2025-06-01, a calendar day: a full ban */
  {
    GDate date;

    g_assert_true (cpl_iso_date_parse ("2025-06-01", &date));
    cpl_scenario_editor_use_rules_on (editor, &date);
  }
  g_assert_cmpuint (g_strv_length ((char **) cpl_scenario_get_allowed_chips (scenario)), ==, 0);
  g_assert_cmpfloat (cpl_scenario_get (scenario, CPL_SCENARIO_REVENUE_SHARE), ==, 0);
  g_assert_cmpstr (cpl_scenario_editor_get_policy_note (editor), ==,
                   "From the rules in force on 1 June 2025: no chip allowed (a full ban), revenue share 0%.\n"
                   "The name and description are left as they were: change them if they no longer fit.");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  g_assert_cmpfloat (cpl_scenario_get (scenario, CPL_SCENARIO_REVENUE_SHARE), ==, 0.2);

  /* 2022-10-07, the first rule (TPP ≥ 4,800 and interconnect ≥ 600 GB/s):
   * it leaves the H800 (400 GB/s), the H20 and the MI308X (TPP 2,368)
   * uncaught, none of them on sale yet (2023-03, 2024, 2024); no share */
  {
    GDate date;

    g_assert_true (cpl_iso_date_parse ("2022-10-07", &date));
    cpl_scenario_editor_use_rules_on (editor, &date);
  }
  g_assert_cmpstr (cpl_scenario_editor_get_policy_note (editor), ==,
                   "From the rules in force on 7 October 2022: 3 chips allowed, revenue share 0%.\n"
                   "H800 SXM5, H20 and Instinct MI308X were not yet released on 7 October 2022: the rules are "
                   "applied to them as if they had been.\n"
                   "The name and description are left as they were: change them if they no longer fit.\n"
                   "Left out:\n"
                   "• X: its status on 7 October 2022 needs data (a figure the rules need is missing)\n"
                   "• Y: its status on 7 October 2022 needs data (a figure the rules need is missing)");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);

  gtk_window_destroy (GTK_WINDOW (window));
}

/* The button under @widget that activates @action, or NULL. */
static GtkWidget *
find_action_button (GtkWidget  *widget,
                    const char *action)
{
  return find_button (widget, action_of, action);
}

/* The row the list made for scenario @id (it makes rows only for what is
 * on screen: the fixtures' few scenarios all are). */
static GtkWidget *
row_of (CplScenariosView *view,
        const char       *id)
{
  CplDataset *dataset = cpl_application_get_dataset (app);
  CplEntity *scenario = cpl_dataset_lookup (dataset, CPL_TYPE_SCENARIO, id);
  GtkWidget *row = cpl_check_list_find_row (cpl_scenarios_view_get_list (view), scenario);

  g_assert_nonnull (row);
  return row;
}

static guint
position_of_id (const char *id)
{
  CplDataset *dataset = cpl_application_get_dataset (app);

  return cpl_dataset_position (dataset, cpl_dataset_lookup (dataset, CPL_TYPE_SCENARIO, id));
}

/* At 360 × 640 the leaflet is folded: the list is in front.  Selecting a
 * row (as the arrow keys do) does not leave it; activating a row (a tap,
 * Enter) opens that scenario's results; the back button returns to the
 * list; "Compare" opens the comparison, which says how to choose
 * scenarios while fewer than two are ticked. */
static void
test_narrow_navigation (void)
{
  CplWindow *window;
  CplScenariosView *view = open_view_sized (&window, 360, 640);
  CplDataset *dataset = cpl_application_get_dataset (app);
  AdwLeaflet *leaflet = ADW_LEAFLET (cpl_test_find_widget (GTK_WIDGET (view), ADW_TYPE_LEAFLET));
  GtkWidget *back = find_action_button (GTK_WIDGET (view), "scenarios.back");
  GtkWidget *list = cpl_scenarios_view_get_list (view);

  g_assert_true (adw_leaflet_get_folded (leaflet));
  g_assert_cmpstr (cpl_scenarios_view_get_visible_page (view), ==, "list");

  /* what the arrow keys do: select, through the list's selection */
  g_assert_true (gtk_selection_model_select_item (gtk_grid_view_get_model (GTK_GRID_VIEW (list)), position_of_id ("ban"), TRUE));
  cpl_test_wait_for_draw (GTK_WIDGET (window));
  g_assert_true (cpl_scenarios_view_get_selected (view) ==
                 CPL_SCENARIO (cpl_dataset_lookup (dataset, CPL_TYPE_SCENARIO, "ban")));
  g_assert_cmpstr (cpl_scenarios_view_get_visible_page (view), ==, "list");

  /* Enter or a tap on the row: the list's "activate-item" */
  g_assert_nonnull (row_of (view, "two-years"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (list), "list.activate-item", "u", position_of_id ("two-years")));
  cpl_test_wait_for_draw (GTK_WIDGET (window));
  g_assert_cmpstr (cpl_scenarios_view_get_visible_page (view), ==, "scenario");
  g_assert_true (cpl_scenarios_view_get_selected (view) ==
                 CPL_SCENARIO (cpl_dataset_lookup (dataset, CPL_TYPE_SCENARIO, "two-years")));
  g_assert_true (gtk_widget_get_visible (back));
  g_signal_emit_by_name (back, "clicked");
  cpl_test_wait_for_draw (GTK_WIDGET (window));
  g_assert_cmpstr (cpl_scenarios_view_get_visible_page (view), ==, "list");

  /* "Compare" with nothing ticked: the comparison page says what to do;
   * it is made when first shown */
  g_assert_null (cpl_test_find_widget (GTK_WIDGET (view), CPL_TYPE_SCENARIO_COMPARISON));
  g_signal_emit_by_name (find_action_button (GTK_WIDGET (view), "scenarios.compare"), "clicked");
  cpl_test_wait_for_draw (GTK_WIDGET (window));
  g_assert_cmpstr (cpl_scenarios_view_get_visible_page (view), ==, "comparison");
  g_assert_nonnull (cpl_test_find_widget (GTK_WIDGET (view), CPL_TYPE_SCENARIO_COMPARISON));
  g_assert_true (gtk_widget_get_mapped (cpl_test_find_widget (GTK_WIDGET (view), ADW_TYPE_STATUS_PAGE)));
  g_signal_emit_by_name (back, "clicked");
  cpl_test_wait_for_draw (GTK_WIDGET (window));
  g_assert_cmpstr (cpl_scenarios_view_get_visible_page (view), ==, "list");

  gtk_window_destroy (GTK_WINDOW (window));

  /* wide: not folded, no back button, the list and the results side by side */
  view = open_view (&window);
  leaflet = ADW_LEAFLET (cpl_test_find_widget (GTK_WIDGET (view), ADW_TYPE_LEAFLET));
  g_assert_false (adw_leaflet_get_folded (leaflet));
  g_assert_false (gtk_widget_get_visible (find_action_button (GTK_WIDGET (view), "scenarios.back")));
  g_assert_cmpstr (cpl_scenarios_view_get_visible_page (view), ==, "scenario");

  /* a click or Enter on a row leaves the keyboard focus in the list, for
   * the arrow keys to go on along it (the first one sent it to the
   * results' view switcher) */
  list = cpl_scenarios_view_get_list (view);
  dataset = cpl_application_get_dataset (app);
  gtk_widget_grab_focus (list);
  g_assert_true (gtk_widget_activate_action (list, "list.activate-item", "u", position_of_id ("two-years")));
  cpl_test_wait_for_draw (GTK_WIDGET (window));
  g_assert_true (cpl_scenarios_view_get_selected (view) ==
                 CPL_SCENARIO (cpl_dataset_lookup (dataset, CPL_TYPE_SCENARIO, "two-years")));
  {
    GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (window));

    g_assert_nonnull (focus);
    g_assert_true (focus == list || gtk_widget_is_ancestor (focus, list));
  }
  gtk_window_destroy (GTK_WINDOW (window));
}

/* A dim, wrapped label (the built-in full ban's description, two lines
 * in the window: a text node each) is drawn in a dimmer colour, not
 * under an opacity node (cpl_test_assert_dim_by_colour()). */
static void
test_dim_text (void)
{
  CplWindow *window;
  CplScenariosView *view = open_view (&window);
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();
  GtkWidget *description = NULL;

  select_id (view, "full-ban-2025");
  cpl_test_wait_for_draw (GTK_WIDGET (window));
  cpl_test_collect_widgets (GTK_WIDGET (view), GTK_TYPE_LABEL, labels);
  for (guint i = 0; i < labels->len && description == NULL; i++)
    if (gtk_widget_get_mapped (labels->pdata[i]) && gtk_widget_has_css_class (labels->pdata[i], "dim-label") &&
        /* its date kept whole, as the chips' notes (cpl_text_keep_units()) */
        g_str_has_prefix (gtk_label_get_text (labels->pdata[i]), "From April\u00a02025"))
      description = labels->pdata[i];
  g_assert_nonnull (description);
  g_assert_cmpint (pango_layout_get_line_count (gtk_label_get_layout (GTK_LABEL (description))), >=, 2);
  cpl_test_assert_dim_by_colour (description);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* A file with 1,000 scenarios: the list makes rows for what is on screen,
 * not one per scenario, and selecting the 500th from code shows it in the
 * editor and scrolls the list to it. */
static void
test_many_rows (void)
{
  g_autoptr(GString) json = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(CplScenario) middle = NULL;
  CplWindow *window;
  CplScenariosView *view;
  CplDataset *dataset;
  GtkWidget *list;
  g_autofree char *wrong = NULL;
  guint n_rows;
  int fd;

  /* the chips of tests/fixtures/two-chips.json; scenario i has a share of
   * i / 1000, so the 500th (index 500) reads 500 / 1000 = 50% */
  g_string_append (json,
                   "{ \"format\": \"chip-policy-lab\", \"version\": 1,\n"
                   "  \"vendors\": [ { \"id\": \"va\", \"name\": \"Vendor A\", \"country\": \"US\" },\n"
                   "                 { \"id\": \"vd\", \"name\": \"Domestic Vendor\", \"country\": \"CN\" } ],\n"
                   "  \"chips\": [ { \"id\": \"chip-x\", \"name\": \"X\", \"vendor\": \"va\", \"domestic\": false,"
                   " \"datacenter\": true, \"tdp_w\": 500, \"price_usd\": 2000, \"performance\": { \"bf16\": 1000 } },\n"
                   "             { \"id\": \"chip-d\", \"name\": \"D\", \"vendor\": \"vd\", \"domestic\": true,"
                   " \"datacenter\": true, \"tdp_w\": 500, \"price_usd\": 1000, \"performance\": { \"bf16\": 250 } } ],\n"
                   "  \"rules\": [], \"revenue_cases\": [],\n  \"scenarios\": [\n");
  for (guint i = 0; i < 1000; i++)
    g_string_append_printf (json,
                            "    { \"id\": \"s%u\", \"name\": \"Scenario %u\", \"start_year\": 2026, \"years\": 1,"
                            " \"allowed_chips\": [ \"chip-x\" ], \"domestic_chip\": \"chip-d\","
                            " \"revenue_share\": %u.%03u, \"demand_pflops\": 100,"
                            " \"domestic_capacity_pflops\": 50, \"domestic_installed_pflops\": 10 }%s\n",
                            i, i, i / 1000, i % 1000, i < 999 ? "," : "");
  g_string_append (json, "  ] }\n");
  fd = g_file_open_tmp ("cpl-many-scenarios-XXXXXX.json", &path, &error);
  g_assert_no_error (error);
  g_assert_true (g_close (fd, NULL));
  g_assert_true (g_file_set_contents (path, json->str, json->len, &error));
  file = g_file_new_for_path (path);

  window = cpl_test_open_window (app, "scenarios", file, -1, -1);
  view = CPL_SCENARIOS_VIEW (cpl_test_find_widget (GTK_WIDGET (window), CPL_TYPE_SCENARIOS_VIEW));
  dataset = cpl_application_get_dataset (app);
  list = cpl_scenarios_view_get_list (view);
  /* the file is laid over the built-in dataset (DATA-FORMAT.md,
   * "Merging"): its 5 scenarios, then the file's 1,000 */
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (gtk_grid_view_get_model (GTK_GRID_VIEW (list)))), ==, 1005);

  /* a window 900 pixels high shows about 15 rows of ~50 pixels; a
   * one-column GtkGridView keeps 30 rows around them
   * (GTK_GRID_VIEW_MAX_VISIBLE_ROWS) and 3 for its trackers: at most 33,
   * where GTK 4.8's list view kept 200 + 5 and a list box made one per
   * scenario, 1,005 */
  n_rows = cpl_check_list_n_rows (list);
  g_test_message ("%u rows for 1005 scenarios", n_rows);
  g_assert_cmpuint (n_rows, >=, 15);
  g_assert_cmpuint (n_rows, <=, 30 + 3);

  middle = g_list_model_get_item (cpl_dataset_get_scenarios (dataset), 505);
  g_assert_cmpstr (cpl_entity_get_id (CPL_ENTITY (middle)), ==, "s500");
  cpl_scenarios_view_select (view, middle);
  cpl_test_iterate_for (200);
  g_assert_true (cpl_scenarios_view_get_selected (view) == middle);
  g_assert_cmpuint (gtk_single_selection_get_selected (GTK_SINGLE_SELECTION (gtk_grid_view_get_model (GTK_GRID_VIEW (list)))), ==, 505);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (cpl_scenario_editor_get_input (cpl_scenarios_view_get_editor (view),
                                                                                      "revenue_share"))), ==, "50");
  /* scrolled to it: its row exists, named for it */
  wrong = gtk_test_accessible_check_property (GTK_ACCESSIBLE (cpl_check_row_get_check (row_of (view, "s500"))),
                                              GTK_ACCESSIBLE_PROPERTY_LABEL, "Compare “Scenario 500”");
  g_assert_null (wrong);
  g_test_message ("%u rows scrolled to the middle", cpl_check_list_n_rows (list));
  g_assert_cmpuint (cpl_check_list_n_rows (list), <=, 30 + 3);

  gtk_window_destroy (GTK_WINDOW (window));
  g_unlink (path);
}

/* The allowed-chips chooser of tests/fixtures/two-chips.json (X by
 * Vendor A, Y by Vendor B, D by Domestic Vendor): its search matches a
 * chip's name, id or vendor in any case and any language; a tick there adds the chip to
 * the scenario, and one undo takes it back. */
static void
test_chip_chooser (void)
{
  CplWindow *window;
  CplScenariosView *view = open_view (&window);
  CplDataset *dataset = cpl_application_get_dataset (app);
  CplHistory *history = cpl_document_get_history (cpl_window_get_document (window));
  CplScenarioEditor *editor = cpl_scenarios_view_get_editor (view);
  GtkMenuButton *button = cpl_scenario_editor_get_chip_chooser (editor);
  CplScenario *ban = CPL_SCENARIO (cpl_dataset_lookup (dataset, CPL_TYPE_SCENARIO, "ban"));
  CplEntity *chip_y = cpl_dataset_lookup (dataset, CPL_TYPE_CHIP, "chip-y");
  GtkWidget *popover;
  GtkEditable *search;
  GtkWidget *list;
  GListModel *shown;
  GtkWidget *row;
  const char * const *allowed;
  gpointer first;

  select_id (view, "ban");
  g_assert_cmpuint (g_strv_length ((char **) cpl_scenario_get_allowed_chips (ban)), ==, 0);
  /* nothing made before it is first opened; "Edit" shows the editor */
  g_assert_null (gtk_menu_button_get_popover (button));
  adw_flap_set_reveal_flap (ADW_FLAP (cpl_test_find_widget (GTK_WIDGET (view), ADW_TYPE_FLAP)), TRUE);
  cpl_test_iterate_for (500);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (button)));
  gtk_menu_button_popup (button);
  cpl_test_wait_for_draw (GTK_WIDGET (window));
  popover = GTK_WIDGET (gtk_menu_button_get_popover (button));
  g_assert_true (gtk_widget_get_mapped (popover));
  search = GTK_EDITABLE (cpl_test_find_widget (popover, GTK_TYPE_SEARCH_ENTRY));
  list = cpl_test_find_widget (popover, GTK_TYPE_GRID_VIEW);
  shown = G_LIST_MODEL (gtk_grid_view_get_model (GTK_GRID_VIEW (list)));
  /* no search: every chip, the built-in ones and the file's three */
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, g_list_model_get_n_items (cpl_dataset_get_chips (dataset)));
  g_assert_cmpuint (cpl_check_list_n_rows (list), >, 0);

  /* "vendor b": only Y's vendor; "DOMESTIC": only D's vendor; "chip-x":
   * X's id; none in another chip's name, id or vendor (the built-in ones
   * are NVIDIA's, AMD's, Huawei's…) */
  gtk_editable_set_text (search, "vendor b");
  cpl_test_iterate_for (400);  /* the entry waits 150 ms for more typing */
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, 1);
  first = g_list_model_get_item (shown, 0);
  g_assert_true (first == (gpointer) chip_y);
  g_object_unref (first);
  gtk_editable_set_text (search, "DOMESTIC");
  cpl_test_iterate_for (400);
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, 1);
  first = g_list_model_get_item (shown, 0);
  g_assert_cmpstr (cpl_entity_get_id (first), ==, "chip-d");
  g_object_unref (first);
  gtk_editable_set_text (search, "chip-x");
  cpl_test_iterate_for (400);
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, 1);
  first = g_list_model_get_item (shown, 0);
  g_assert_cmpstr (cpl_entity_get_id (first), ==, "chip-x");
  g_object_unref (first);
  /* a name in a language the interface is not in, as in the Chips
   * table: "昇腾" is the zh_CN name of the built-in Ascend 910B and 910C */
  gtk_editable_set_text (search, "昇腾");
  cpl_test_iterate_for (400);
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, 2);
  first = g_list_model_get_item (shown, 0);
  g_assert_cmpstr (cpl_entity_get_id (first), ==, "huawei-ascend-910b");
  g_object_unref (first);
  gtk_editable_set_text (search, "vendor b");
  cpl_test_iterate_for (400);
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, 1);

  /* the user ticks Y: one edit, undone by one undo */
  row = cpl_check_list_find_row (list, chip_y);
  g_assert_nonnull (row);
  g_assert_false (cpl_check_row_get_active (row));
  gtk_check_button_set_active (cpl_check_row_get_check (row), TRUE);
  allowed = cpl_scenario_get_allowed_chips (ban);
  g_assert_cmpuint (g_strv_length ((char **) allowed), ==, 1);
  g_assert_cmpstr (allowed[0], ==, "chip-y");
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (gtk_widget_get_ancestor (GTK_WIDGET (button), ADW_TYPE_ACTION_ROW))),
                   ==, "Y");
  g_assert_true (cpl_history_undo (history));
  g_assert_cmpuint (g_strv_length ((char **) cpl_scenario_get_allowed_chips (ban)), ==, 0);
  /* the tick follows the undo */
  g_assert_false (cpl_check_row_get_active (row));
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (gtk_widget_get_ancestor (GTK_WIDGET (button), ADW_TYPE_ACTION_ROW))),
                   ==, "None: a full ban");

  /* Enter on Y's row ticks it too; the list keeps the chips' order
   * (X before Y) whatever the order of the ticks */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (list), "list.activate-item", "u", 0));
  gtk_editable_set_text (search, "chip-");
  cpl_test_iterate_for (400);
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, 3);
  /* a pause longer than the history's burst (700 ms): two steps */
  cpl_test_iterate_for (800);
  row = cpl_check_list_find_row (list, cpl_dataset_lookup (dataset, CPL_TYPE_CHIP, "chip-x"));
  gtk_check_button_set_active (cpl_check_row_get_check (row), TRUE);
  allowed = cpl_scenario_get_allowed_chips (ban);
  g_assert_cmpuint (g_strv_length ((char **) allowed), ==, 2);
  g_assert_cmpstr (allowed[0], ==, "chip-x");
  g_assert_cmpstr (allowed[1], ==, "chip-y");
  g_assert_true (cpl_history_undo (history));
  allowed = cpl_scenario_get_allowed_chips (ban);
  g_assert_cmpuint (g_strv_length ((char **) allowed), ==, 1);
  g_assert_cmpstr (allowed[0], ==, "chip-y");
  g_assert_true (cpl_history_undo (history));
  g_assert_cmpuint (g_strv_length ((char **) cpl_scenario_get_allowed_chips (ban)), ==, 0);

  gtk_popover_popdown (GTK_POPOVER (popover));
  gtk_window_destroy (GTK_WINDOW (window));
}

/* Each row's check box is named for screen readers after its scenario. */
static void
test_check_names (void)
{
  CplWindow *window;
  CplScenariosView *view = open_fixture_sized (&window, "compare-vendors.json", -1, -1);
  GtkWidget *check = cpl_test_find_widget (row_of (view, "only-x"), GTK_TYPE_CHECK_BUTTON);

  g_autofree char *wrong_x = NULL;
  g_autofree char *wrong_xy = NULL;

  /* NULL when the property has that value, else what it has */
  wrong_x = gtk_test_accessible_check_property (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                                "Compare “Only X at 40%”");
  g_assert_null (wrong_x);
  check = cpl_test_find_widget (row_of (view, "x-and-y"), GTK_TYPE_CHECK_BUTTON);
  wrong_xy = gtk_test_accessible_check_property (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                                 "Compare “X and Y at 15%”");
  g_assert_null (wrong_xy);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* On a phone, with no scenario ticked, the comparison page says what to
 * do in full: the status page had less height than its text in the
 * page's scrolled window, and its description stopped mid-line over an
 * empty half of the window. */
static void
test_narrow_nothing_to_compare (void)
{
  CplWindow *window;
  CplScenariosView *view = open_view_sized (&window, 360, 640);
  GtkWidget *status;
  GtkWidget *description = NULL;
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();
  graphene_rect_t bounds;

  gtk_widget_activate_action (GTK_WIDGET (view), "scenarios.compare", NULL);
  cpl_test_iterate_for (500);   /* the leaflet slides */
  cpl_test_wait_for_draw (GTK_WIDGET (window));
  g_assert_cmpstr (cpl_scenarios_view_get_visible_page (view), ==, "comparison");
  status = cpl_test_find_widget (GTK_WIDGET (view), ADW_TYPE_STATUS_PAGE);
  g_assert_nonnull (status);
  g_assert_true (gtk_widget_get_mapped (status));
  cpl_test_collect_widgets (status, GTK_TYPE_LABEL, labels);
  for (guint i = 0; i < labels->len; i++)
    if (g_str_has_prefix (gtk_label_get_text (labels->pdata[i]), "Tick the check box beside two or more"))
      description = labels->pdata[i];
  g_assert_nonnull (description);
  g_assert_true (gtk_widget_compute_bounds (description, status, &bounds));
  g_test_message ("the description ends at %.0f px of the page's %d", bounds.origin.y + bounds.size.height,
                  gtk_widget_get_height (status));
  g_assert_cmpfloat (bounds.origin.y + bounds.size.height, <=, gtk_widget_get_height (status));
  gtk_window_destroy (GTK_WINDOW (window));
}

/* The comparison's rows for two ticked scenarios of
 * tests/fixtures/compare-vendors.json, worked by hand (MODEL.md §5).
 * Both: one year, C = 1,000 PFLOP/s, a = 1, π = 0 (buyer price = list
 * price), no electricity and L = 1, so c = 1000 · p / F:
 *   c_X = 1000 · 2,000 / 1,000 = 2,000;  c_Y = 1000 · 2,000 / 500 = 4,000;
 *   c_D = 1000 · 1,000 / 250 = 4,000;  β = 1, b = 0: weights 1/c.
 * Capacity (1,000) never binds, so no spill and no gap.
 *
 * "only-x" (X at s = 0.4): weights 2 : 1 → X 666.67, D 333.33 PFLOP/s.
 *   X units 1000 · 666.67 / 1,000 = 666.67; gross of Vendor A
 *   666.67 × $2,000 = $1,333,333; take 0.4 × that = $533,333;
 *   net of Vendor A 0.6 × $1,333,333 = $800,000; Vendor B sells nothing.
 *   Share of new compute 333.33 / 1,000 = 33%.
 * "x-and-y" (s = 0.15): weights 2 : 1 : 1 → X 500, Y 250, D 250.
 *   X units 500, Y units 1000 · 250 / 500 = 500; gross $1,000,000 each;
 *   take 0.15 × $2,000,000 = $300,000; net 0.85 × $1,000,000 = $850,000
 *   each.  Share 250 / 1,000 = 25%.
 * λ = 0: D stays at $4,000 against X's $2,000, never cheaper. */
static void
test_comparison_rows (void)
{
  CplWindow *window;
  CplScenariosView *view = open_fixture_sized (&window, "compare-vendors.json", -1, -1);
  CplScenarioComparison *comparison = cpl_scenarios_view_get_comparison (view);
  CplDataset *dataset = cpl_application_get_dataset (app);
  GtkDropDown *baseline;

  cpl_scenarios_view_set_compared (view, CPL_SCENARIO (cpl_dataset_lookup (dataset, CPL_TYPE_SCENARIO, "only-x")), TRUE);
  cpl_scenarios_view_set_compared (view, CPL_SCENARIO (cpl_dataset_lookup (dataset, CPL_TYPE_SCENARIO, "x-and-y")), TRUE);
  gtk_widget_activate_action (GTK_WIDGET (view), "scenarios.compare", NULL);
  cpl_test_wait_for_draw (GTK_WIDGET (window));

  /* first the gross revenue of all US vendors, the figure the summary
   * compares: $1,333,333 ($1.33 M) under only-x, 2 × $1,000,000 = $2.00 M
   * under x-and-y, $666,667 more */
  g_assert_cmpstr (cpl_scenario_comparison_get_value (comparison, "gross", "only-x"), ==, "$1.33 M");
  g_assert_cmpstr (cpl_scenario_comparison_get_value (comparison, "gross", "x-and-y"), ==, "$2.00 M");
  g_assert_cmpstr (cpl_scenario_comparison_get_difference (comparison, "gross", "x-and-y"), ==, "+$666,667");
  /* one row per vendor that sells in either scenario */
  g_assert_cmpstr (cpl_scenario_comparison_get_value (comparison, "net:va", "only-x"), ==, "$800,000");
  g_assert_cmpstr (cpl_scenario_comparison_get_value (comparison, "net:va", "x-and-y"), ==, "$850,000");
  /* Vendor B sells nothing under only-x: said in words, where "—" read
   * as a figure missing */
  g_assert_cmpstr (cpl_scenario_comparison_get_value (comparison, "net:vb", "only-x"), ==, "none sold");
  g_assert_cmpstr (cpl_scenario_comparison_get_value (comparison, "net:vb", "x-and-y"), ==, "$850,000");
  g_assert_null (cpl_scenario_comparison_get_value (comparison, "net:vd", "x-and-y"));
  g_assert_cmpstr (cpl_scenario_comparison_get_value (comparison, "take", "only-x"), ==, "$533,333");
  g_assert_cmpstr (cpl_scenario_comparison_get_value (comparison, "take", "x-and-y"), ==, "$300,000");
  g_assert_cmpstr (cpl_scenario_comparison_get_value (comparison, "gap", "x-and-y"), ==, "0");
  g_assert_cmpstr (cpl_scenario_comparison_get_value (comparison, "installed", "only-x"), ==, "333");
  g_assert_cmpstr (cpl_scenario_comparison_get_value (comparison, "installed", "x-and-y"), ==, "250");
  /* shares at one decimal, as every view shows them: 333 / 1000 and 250 / 1000 */
  g_assert_cmpstr (cpl_scenario_comparison_get_value (comparison, "share", "only-x"), ==, "33.3%");
  g_assert_cmpstr (cpl_scenario_comparison_get_value (comparison, "share", "x-and-y"), ==, "25.0%");
  g_assert_cmpstr (cpl_scenario_comparison_get_value (comparison, "crossover", "only-x"), ==, "not within the horizon");

  /* against the first ticked: 850,000 − 800,000 = +$50,000;
   * 300,000 − 533,333 = −$233,333; where the baseline sells nothing it
   * nets $0: Vendor B's 850,000 − 0 = +$850,000 */
  g_assert_null (cpl_scenario_comparison_get_difference (comparison, "net:va", "only-x"));
  g_assert_cmpstr (cpl_scenario_comparison_get_difference (comparison, "net:va", "x-and-y"), ==, "+$50,000");
  g_assert_cmpstr (cpl_scenario_comparison_get_difference (comparison, "take", "x-and-y"), ==, "−$233,333");
  g_assert_cmpstr (cpl_scenario_comparison_get_difference (comparison, "net:vb", "x-and-y"), ==, "+$850,000");
  /* 250 − 333.33 = −83 PFLOP/s; 25% − 33.3% = −8.3 points, each with a
   * true minus sign like the money */
  g_assert_cmpstr (cpl_scenario_comparison_get_difference (comparison, "installed", "x-and-y"), ==, "−83");
  g_assert_cmpstr (cpl_scenario_comparison_get_difference (comparison, "share", "x-and-y"), ==, "−8.3 pp");
  /* gross 2,000,000 − 1,333,333 = $666,667 more */
  g_assert_true (g_str_has_prefix (cpl_scenario_comparison_get_summary (comparison),
                                   "X and Y at 15%: US vendors sell $666,667 more than under Only X at 40%"));

  /* the baseline menu: against "X and Y at 15%" the signs turn */
  baseline = GTK_DROP_DOWN (cpl_test_find_widget (GTK_WIDGET (comparison), GTK_TYPE_DROP_DOWN));
  g_assert_cmpuint (gtk_drop_down_get_selected (baseline), ==, 0);
  gtk_drop_down_set_selected (baseline, 1);
  g_assert_cmpstr (cpl_scenario_comparison_get_difference (comparison, "net:va", "only-x"), ==, "−$50,000");
  /* and Vendor B, selling nothing under only-x: 0 − 850,000 */
  g_assert_cmpstr (cpl_scenario_comparison_get_difference (comparison, "net:vb", "only-x"), ==, "−$850,000");
  g_assert_cmpstr (cpl_scenario_comparison_get_difference (comparison, "take", "only-x"), ==, "+$233,333");
  g_assert_null (cpl_scenario_comparison_get_difference (comparison, "take", "x-and-y"));
  g_assert_true (g_str_has_prefix (cpl_scenario_comparison_get_summary (comparison),
                                   "Only X at 40%: US vendors sell $666,667 less than under X and Y at 15%"));

  /* the choice stays while its scenario is ticked, through an edit: only-x
   * at s = 0.5 takes 0.5 × $1,333,333 = $666,667, which is
   * 666,667 − 300,000 = +$366,667 against X and Y */
  g_assert_true (cpl_entity_set_number (cpl_dataset_lookup (dataset, CPL_TYPE_SCENARIO, "only-x"),
                                        CPL_SCENARIO_REVENUE_SHARE, 0.5, NULL));
  cpl_test_wait_for_draw (GTK_WIDGET (window));
  g_assert_cmpstr (cpl_scenario_comparison_get_value (comparison, "take", "only-x"), ==, "$666,667");
  g_assert_cmpuint (gtk_drop_down_get_selected (baseline), ==, 1);
  g_assert_cmpstr (cpl_scenario_comparison_get_difference (comparison, "take", "only-x"), ==, "+$366,667");

  /* once unticked, the baseline falls back to the first ticked in the
   * list: the built-in full ban, which comes before the fixture's
   * scenarios and takes nothing: only-x is $666,667 − $0 = +$666,667 */
  cpl_scenarios_view_set_compared (view, CPL_SCENARIO (cpl_dataset_lookup (dataset, CPL_TYPE_SCENARIO, "x-and-y")), FALSE);
  cpl_scenarios_view_set_compared (view, CPL_SCENARIO (cpl_dataset_lookup (dataset, CPL_TYPE_SCENARIO, "full-ban-2025")), TRUE);
  cpl_test_wait_for_draw (GTK_WIDGET (window));
  g_assert_cmpstr (cpl_scenario_comparison_get_value (comparison, "take", "full-ban-2025"), ==, "$0");
  g_assert_cmpuint (gtk_drop_down_get_selected (baseline), ==, 0);
  g_assert_cmpstr (cpl_scenario_comparison_get_difference (comparison, "take", "only-x"), ==, "+$666,667");
  g_assert_cmpstr (cpl_scenario_comparison_get_value (comparison, "crossover", "full-ban-2025"), ==,
                   "no exported chip to compare");

  gtk_window_destroy (GTK_WINDOW (window));
}

/* A window 1,280 px wide comparing the built-in scenarios @ids (NULL
 * ended), drawn; returns its comparison. */
static CplScenarioComparison *
compare_builtin_wide (CplWindow          **window,
                      const char * const  *ids)
{
  CplScenariosView *view = open_view_sized (window, 1280, 800);
  CplDataset *dataset = cpl_application_get_dataset (app);

  for (guint i = 0; ids[i] != NULL; i++)
    cpl_scenarios_view_set_compared (view, CPL_SCENARIO (cpl_dataset_lookup (dataset, CPL_TYPE_SCENARIO, ids[i])), TRUE);
  gtk_widget_activate_action (GTK_WIDGET (view), "scenarios.compare", NULL);
  cpl_test_wait_for_draw (GTK_WIDGET (*window));
  cpl_test_wait_for_draw (GTK_WIDGET (*window));
  return cpl_scenarios_view_get_comparison (view);
}

/* The five built-in scenarios side by side in a window 1,280 px wide:
 * every column in view, no sideways scrolling (at 24 characters a cell
 * the fifth was past the edge and the fourth cut): a value's P10–P90
 * wraps after "P10–P90:", a name over three lines. */
static void
test_comparison_five_fit (void)
{
  const char * const ids[] = { "full-ban-2025", "h20-mi308-share-15", "h200-share-25",
                               "h200-share-25-power-subsidy", "blackwell-allowed", NULL };
  CplWindow *window;
  CplScenarioComparison *comparison = compare_builtin_wide (&window, ids);
  GtkWidget *value, *values;
  GtkAdjustment *across;

  /* the Blackwell scenario's take, the last column: 0.25 × its gross */
  value = cpl_test_find_mapped_label (GTK_WIDGET (comparison),
                                      cpl_scenario_comparison_get_value (comparison, "take", "blackwell-allowed"));
  g_assert_nonnull (value);
  values = gtk_widget_get_ancestor (value, GTK_TYPE_SCROLLED_WINDOW);
  across = gtk_scrolled_window_get_hadjustment (GTK_SCROLLED_WINDOW (values));
  g_test_message ("across: upper %.1f, page %.1f", gtk_adjustment_get_upper (across),
                  gtk_adjustment_get_page_size (across));
  g_assert_cmpfloat (gtk_adjustment_get_upper (across), <=, gtk_adjustment_get_page_size (across) + .5);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* Two scenarios side by side take the room they have: at 1,280 px their
 * cells may be 28 characters wide, not the 16 that five need, and the
 * name "H20 and MI308X with a 15% revenue share (August 2025)" (53
 * characters) stands on two lines; at 16 it took four, and a Chinese
 * name and range four or five, in a table 480 px wide in a pane of 960. */
static void
test_comparison_two_wide (void)
{
  const char * const ids[] = { "h20-mi308-share-15", "h200-share-25", NULL };
  /* its date whole (a no-break space) */
  const char *h20 = "H20 and MI308X with a 15% revenue share (August\u00a02025)";
  CplWindow *window;
  CplScenarioComparison *comparison = compare_builtin_wide (&window, ids);
  GtkWidget *name;

  {
    /* the table's heading, not the baseline's menu button */
    g_autoptr(GPtrArray) labels = g_ptr_array_new ();

    name = NULL;
    cpl_test_collect_widgets (GTK_WIDGET (comparison), GTK_TYPE_LABEL, labels);
    for (guint i = 0; i < labels->len; i++)
      if (gtk_widget_get_mapped (labels->pdata[i]) && gtk_widget_get_ancestor (labels->pdata[i], GTK_TYPE_GRID) != NULL
          && g_str_equal (gtk_label_get_text (labels->pdata[i]), h20))
        name = labels->pdata[i];
  }
  g_assert_nonnull (name);
  g_assert_cmpint (pango_layout_get_line_count (gtk_label_get_layout (GTK_LABEL (name))), ==, 2);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* The paragraphs of the comparison's summary in @comparison: checks that
 * there are @n, each as tall as its lines at its width and at least
 * @min_lines lines, and that the next line (the baseline's) comes after
 * them; returns their box. */
static GtkWidget *
check_summary (CplScenarioComparison *comparison,
               guint                  n,
               int                    min_lines)
{
  g_auto(GStrv) sentences = g_strsplit (cpl_scenario_comparison_get_summary (comparison), "\n", -1);
  GtkWidget *summary = NULL;
  graphene_rect_t bounds;
  double bottom;

  g_assert_cmpuint (g_strv_length (sentences), ==, n);
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *shown = cpl_text_keep_units (sentences[i]);
      GtkWidget *label = cpl_test_find_mapped_label (GTK_WIDGET (comparison), shown);
      int width, minimum;

      g_assert_nonnull (label);
      summary = gtk_widget_get_parent (label);
      width = gtk_widget_get_width (label);
      gtk_widget_measure (label, GTK_ORIENTATION_VERTICAL, width, &minimum, NULL, NULL, NULL);
      g_test_message ("paragraph %u: %d × %d, needs %d", i, width, gtk_widget_get_height (label), minimum);
      g_assert_cmpint (gtk_widget_get_height (label), >=, minimum);
      g_assert_cmpint (pango_layout_get_line_count (gtk_label_get_layout (GTK_LABEL (label))), >=, min_lines);
    }
  g_assert_cmpint (gtk_widget_get_request_mode (summary), ==, GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH);
  g_assert_true (gtk_widget_compute_bounds (summary, GTK_WIDGET (comparison), &bounds));
  bottom = bounds.origin.y + bounds.size.height;
  g_assert_true (gtk_widget_compute_bounds (gtk_widget_get_next_sibling (summary), GTK_WIDGET (comparison), &bounds));
  g_assert_cmpfloat (bounds.origin.y, >=, bottom);
  return summary;
}

/* The summary sentence's label in @comparison, drawn. */
static GtkWidget *
comparison_summary_label (CplScenarioComparison *comparison)
{
  g_autofree char *shown = cpl_text_keep_units (cpl_scenario_comparison_get_summary (comparison));
  GtkWidget *label = cpl_test_find_mapped_label (GTK_WIDGET (comparison), shown);

  g_assert_nonnull (label);
  return label;
}

static gboolean
is_label_starting (GtkWidget     *widget,
                   gconstpointer  start)
{
  return GTK_IS_LABEL (widget) && gtk_widget_get_mapped (widget) &&
         g_str_has_prefix (gtk_label_get_text (GTK_LABEL (widget)), start);
}

/* The first of @root's mapped labels whose text starts with @start. */
static GtkLabel *
label_starting (GtkWidget  *root,
                const char *start)
{
  GtkWidget *label = cpl_test_find_matching (root, is_label_starting, start);

  if (label == NULL)
    g_error ("no label starts with “%s”", start);
  return GTK_LABEL (label);
}

/* The results' headline and its explanation keep their units whole, as
 * the other sentences do (cpl_text_keep_units()): under the built-in
 * power subsidy, "… cheaper per PFLOP/s-year …" with a word joiner after
 * the slash, and the explanation's "2026–2030" with one after the dash
 * (a phone may break a line there otherwise). */
static void
test_results_units_whole (void)
{
  CplWindow *window = cpl_test_open_window (app, "scenarios", NULL, 1280, 800);
  CplScenariosView *view = CPL_SCENARIOS_VIEW (cpl_test_find_widget (GTK_WIDGET (window), CPL_TYPE_SCENARIOS_VIEW));
  GtkWidget *results = GTK_WIDGET (cpl_scenarios_view_get_results (view));

  select_id (view, "h200-share-25-power-subsidy");
  cpl_test_wait_for_draw (GTK_WIDGET (window));
  cpl_test_wait_for_draw (GTK_WIDGET (window));
  g_assert_nonnull (strstr (gtk_label_get_text (label_starting (results, "The Ascend 910C is cheaper per ")),
                            "per PFLOP/\u2060s-year"));
  g_assert_nonnull (strstr (gtk_label_get_text (label_starting (results, "Domestic supply is capped by capacity in ")),
                            "in 2026–\u20602030"));

  /* the heading, the scenario's name, keeps its date whole as the list
   * does: "(December" ended a phone's line, "2025)" began the next (in
   * Chinese "（2025 年" over "12 月）") */
  select_id (view, "h200-share-25");
  cpl_test_wait_for_draw (GTK_WIDGET (window));
  g_assert_cmpstr (gtk_label_get_text (label_starting (results, "H200 with a 25% revenue share")), ==,
                   "H200 with a 25% revenue share (December\u00a02025)");

  gtk_window_destroy (GTK_WINDOW (window));
}

/* One sentence compares two scenarios (the fixture's "Ban", of one year,
 * against "Two years"): in a wide window it is the answer,
 * in the answer's size ("title-4"); on a phone it is body text with the
 * scenario's name in bold, as several sentences are (in the answer's
 * size it took some 230 of the 640 px, a third of the screen).  The
 * window folding and unfolding restyles the same sentence. */
static void
test_comparison_summary_phone (void)
{
  CplWindow *window;
  CplScenariosView *view = open_view_sized (&window, 1280, 800);
  CplDataset *dataset = cpl_application_get_dataset (app);
  CplScenarioComparison *comparison = cpl_scenarios_view_get_comparison (view);
  const char * const ids[] = { "ban", "two-years" };
  GtkWidget *label;

  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    cpl_scenarios_view_set_compared (view, CPL_SCENARIO (cpl_dataset_lookup (dataset, CPL_TYPE_SCENARIO, ids[i])),
                                     TRUE);
  gtk_widget_activate_action (GTK_WIDGET (view), "scenarios.compare", NULL);
  cpl_test_wait_for_draw (GTK_WIDGET (window));
  cpl_test_wait_for_draw (GTK_WIDGET (window));
  label = comparison_summary_label (comparison);
  g_assert_true (gtk_widget_has_css_class (label, "title-4"));
  g_assert_false (gtk_label_get_use_markup (GTK_LABEL (label)));

  gtk_window_set_default_size (GTK_WINDOW (window), 360, 640);
  cpl_test_wait_for_draw (GTK_WIDGET (window));
  cpl_test_iterate_for (100);
  cpl_test_wait_for_draw (GTK_WIDGET (window));
  label = comparison_summary_label (comparison);
  g_assert_false (gtk_widget_has_css_class (label, "title-4"));
  g_assert_true (gtk_label_get_use_markup (GTK_LABEL (label)));
  g_assert_true (g_str_has_prefix (gtk_label_get_label (GTK_LABEL (label)), "<b>"));
  /* its unit whole: a word joiner after the slash of "PFLOP/s" (a
   * phone's line ended at "PFLOP/") */
  g_test_message ("%s", cpl_scenario_comparison_get_summary (comparison));
  g_assert_nonnull (strstr (cpl_scenario_comparison_get_summary (comparison), "PFLOP/s"));
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (label)), "PFLOP/\u2060s"));
  /* "Ban" is a scenario of one year, 2026: its sentence says "in 2026"
   * and "that year" (it read "over 2026–2026" and "over those years") */
  g_assert_true (g_str_has_prefix (cpl_scenario_comparison_get_summary (comparison),
                                   "Ban: US vendors sell "));
  g_assert_nonnull (strstr (cpl_scenario_comparison_get_summary (comparison), " than under Two years in 2026; "));
  g_assert_nonnull (strstr (cpl_scenario_comparison_get_summary (comparison), "; the compute gap that year is "));
  g_assert_null (strstr (cpl_scenario_comparison_get_summary (comparison), "2026–2026"));

  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  cpl_test_wait_for_draw (GTK_WIDGET (window));
  cpl_test_iterate_for (100);
  cpl_test_wait_for_draw (GTK_WIDGET (window));
  g_assert_true (gtk_widget_has_css_class (comparison_summary_label (comparison), "title-4"));

  gtk_window_destroy (GTK_WINDOW (window));
}

/* Compared on a phone: two scenarios, then three.  The summary is one
 * paragraph (some 300 characters in some 330 px: at least four lines),
 * then two, each as tall as its lines, and the baseline's line comes
 * after them, its menu showing the baseline's name in two lines.  Another number of paragraphs comes in a new box: in the
 * app folded to a phone, GTK 4.8 kept the summary's box measuring as it
 * had while empty and not yet shown (of a fixed size: one line a
 * paragraph), and the baseline's line was drawn over the paragraphs. */
static void
test_comparison_summary_room (void)
{
  CplWindow *window;
  CplScenariosView *view = open_view_sized (&window, 360, 640);
  CplDataset *dataset = cpl_application_get_dataset (app);
  const char * const ids[] = { "full-ban-2025", "h20-mi308-share-15", "h200-share-25" };
  CplScenarioComparison *comparison = cpl_scenarios_view_get_comparison (view);
  GtkWidget *one = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    {
      cpl_scenarios_view_set_compared (view, CPL_SCENARIO (cpl_dataset_lookup (dataset, CPL_TYPE_SCENARIO, ids[i])),
                                       TRUE);
      if (i == 1)
        {
          gtk_widget_activate_action (GTK_WIDGET (view), "scenarios.compare", NULL);
          cpl_test_wait_for_draw (GTK_WIDGET (window));
          cpl_test_wait_for_draw (GTK_WIDGET (window));
          one = check_summary (comparison, 1, 4);
        }
    }
  cpl_test_wait_for_draw (GTK_WIDGET (window));
  cpl_test_wait_for_draw (GTK_WIDGET (window));
  g_assert_true (check_summary (comparison, 2, 4) != one);
  /* a block's heading keeps its date whole: "…（2025 年 12" over "月）" */
  g_assert_cmpuint (cpl_test_n_mapped_labels (GTK_WIDGET (comparison), "H200 with a 25% revenue share (December\u00a02025)"),
                    ==, 1);

  {
    /* the baseline's name on its button in two lines, not cut to one:
     * "H20 and MI308X with a 15% revenue share (August 2025)", its date
     * whole (a no-break space: "(August" ended a line, "2025)" began the
     * next) */
    const char *h20 = "H20 and MI308X with a 15% revenue share (August\u00a02025)";
    const char *ban = "Full ban (April\u00a02025)";
    GtkWidget *menu = cpl_test_find_widget (GTK_WIDGET (comparison), GTK_TYPE_DROP_DOWN);
    GtkLabel *name;

    /* the first baseline, "Full ban (April 2025)": its date the second
     * line, whole (it read "Full ban (April" over "2025)") */
    name = GTK_LABEL (cpl_test_find_mapped_label (menu, ban));
    g_assert_nonnull (name);
    g_assert_cmpint (pango_layout_get_line_count (gtk_label_get_layout (name)), ==, 2);
    {
      PangoLayoutLine *line = pango_layout_get_line_readonly (gtk_label_get_layout (name), 1);

      g_assert_cmpstr (ban + line->start_index, ==, "(April\u00a02025)");
    }

    gtk_drop_down_set_selected (GTK_DROP_DOWN (menu), 1);
    cpl_test_wait_for_draw (GTK_WIDGET (window));
    name = GTK_LABEL (cpl_test_find_mapped_label (menu, h20));
    g_assert_nonnull (name);
    g_assert_cmpint (pango_layout_get_line_count (gtk_label_get_layout (name)), ==, 2);
  }
  gtk_window_destroy (GTK_WINDOW (window));
}

/* The tornado is a row of its own at 1,280 px, as wide as the two
 * share-rate cards above it side by side (the third card of their flow,
 * it stood alone in half the row, its parameters' names wrapped). */
static void
test_tornado_full_width (void)
{
  CplWindow *window = cpl_test_open_window (app, "scenarios", NULL, 1280, 800);
  CplScenariosView *view = CPL_SCENARIOS_VIEW (cpl_test_find_widget (GTK_WIDGET (window), CPL_TYPE_SCENARIOS_VIEW));
  CplScenarioAnalysis *analysis = cpl_scenario_results_get_analysis (cpl_scenarios_view_get_results (view));
  g_autoptr(GPtrArray) views = g_ptr_array_new ();
  GtkWidget *tornado = NULL;
  int share_width;

  select_id (view, "h200-share-25");
  cpl_test_wait_for_draw (GTK_WIDGET (window));
  cpl_test_wait_for_draw (GTK_WIDGET (window));
  cpl_test_collect_widgets (GTK_WIDGET (analysis), CPL_TYPE_CHART_VIEW, views);
  for (guint i = 0; i < views->len; i++)
    if (CPL_IS_TORNADO_CHART (cpl_chart_view_get_chart (views->pdata[i])))
      tornado = gtk_widget_get_ancestor (views->pdata[i], GTK_TYPE_FLOW_BOX_CHILD);
  g_assert_nonnull (tornado);
  g_assert_true (gtk_widget_get_visible (tornado));
  share_width = gtk_widget_get_width (share_card (analysis));
  g_test_message ("tornado %d, share card %d", gtk_widget_get_width (tornado), share_width);
  g_assert_cmpint (share_width, >, 200);
  g_assert_cmpint (gtk_widget_get_width (tornado), >=, 2 * share_width);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* The totals fit a phone: at 360 px each scenario is a block of its name
 * over the row titles beside its values, so nothing scrolls sideways; at
 * 1280 px the scenarios stand side by side, the titles once.  The values
 * are those of /scenarios-view/comparison-rows: the take $533,333 for
 * Only X at 40% and $300,000 for X and Y at 15%, −$233,333 against the
 * first.  The summary is a paragraph per sentence: one here, as one
 * scenario is compared with the baseline. */
static void
test_comparison_narrow (void)
{
  const int widths[] = { 360, 1280 };

  for (guint w = 0; w < G_N_ELEMENTS (widths); w++)
    {
      CplWindow *window;
      CplScenariosView *view = open_fixture_sized (&window, "compare-vendors.json", widths[w], 800);
      CplScenarioComparison *comparison = cpl_scenarios_view_get_comparison (view);
      CplDataset *dataset = cpl_application_get_dataset (app);
      GtkWidget *squeezer, *shown;
      GtkAdjustment *sideways;

      cpl_scenarios_view_set_compared (view, CPL_SCENARIO (cpl_dataset_lookup (dataset, CPL_TYPE_SCENARIO, "only-x")), TRUE);
      cpl_scenarios_view_set_compared (view, CPL_SCENARIO (cpl_dataset_lookup (dataset, CPL_TYPE_SCENARIO, "x-and-y")), TRUE);
      gtk_widget_activate_action (GTK_WIDGET (view), "scenarios.compare", NULL);
      cpl_test_wait_for_draw (GTK_WIDGET (window));
      squeezer = cpl_test_find_widget (GTK_WIDGET (comparison), ADW_TYPE_SQUEEZER);
      shown = adw_squeezer_get_visible_child (ADW_SQUEEZER (squeezer));
      sideways = gtk_scrolled_window_get_hadjustment (GTK_SCROLLED_WINDOW (gtk_widget_get_ancestor (squeezer, GTK_TYPE_SCROLLED_WINDOW)));
      if (widths[w] == 360)
        {
          /* the narrow table: the row titles in each scenario's block */
          g_assert_cmpuint (cpl_test_n_mapped_labels (shown, "US government take"), ==, 2);
        }
      else
        g_assert_cmpuint (cpl_test_n_mapped_labels (shown, "US government take"), ==, 1);
      g_assert_cmpuint (cpl_test_n_mapped_labels (shown, "Only X at 40%"), ==, 1);
      g_assert_cmpuint (cpl_test_n_mapped_labels (shown, "X and Y at 15%"), ==, 1);
      g_assert_cmpuint (cpl_test_n_mapped_labels (shown, "$533,333"), ==, 1);
      g_assert_cmpuint (cpl_test_n_mapped_labels (shown, "$300,000"), ==, 1);
      g_assert_cmpuint (cpl_test_n_mapped_labels (shown, "−$233,333"), ==, 1);
      /* nothing beyond the card's width */
      g_assert_cmpfloat (gtk_adjustment_get_upper (sideways), <=, gtk_adjustment_get_page_size (sideways));
      /* gross 2,000,000 − 1,333,333 = $666,667 more, in its own paragraph
       * (as shown: its units kept whole) */
      {
        g_autofree char *shown_summary = cpl_text_keep_units (cpl_scenario_comparison_get_summary (comparison));

        g_assert_cmpuint (cpl_test_n_mapped_labels (GTK_WIDGET (comparison), shown_summary), ==, 1);
      }
      g_assert_true (g_str_has_prefix (cpl_scenario_comparison_get_summary (comparison),
                                       "X and Y at 15%: US vendors sell $666,667 more than under Only X at 40%"));
      if (widths[w] == 1280)
        {
          /* five more columns than fit: on a laptop still side by side,
           * scrolling sideways, not a block per scenario */
          const char * const more[] = { "full-ban-2025", "h20-mi308-share-15", "h200-share-25",
                                        "h200-share-25-power-subsidy", "blackwell-allowed" };

          for (guint i = 0; i < G_N_ELEMENTS (more); i++)
            cpl_scenarios_view_set_compared (view, CPL_SCENARIO (cpl_dataset_lookup (dataset, CPL_TYPE_SCENARIO, more[i])),
                                             TRUE);
          cpl_test_wait_for_draw (GTK_WIDGET (window));
          cpl_test_wait_for_draw (GTK_WIDGET (window));
          shown = adw_squeezer_get_visible_child (ADW_SQUEEZER (squeezer));
          g_assert_cmpuint (cpl_test_n_mapped_labels (shown, "US government take"), ==, 1);
          g_assert_cmpuint (cpl_test_n_mapped_labels (shown, "$533,333"), ==, 1);
          /* the values scroll sideways, their row titles stay in view
           * ("Gross revenue of US vendors" scrolled away from its
           * numbers), and each title is level with its row of values */
          {
            GtkWidget *title = cpl_test_find_mapped_label (shown, "US government take");
            GtkWidget *value = cpl_test_find_mapped_label (shown, "$533,333");
            GtkWidget *values = gtk_widget_get_ancestor (value, GTK_TYPE_SCROLLED_WINDOW);
            GtkAdjustment *across = gtk_scrolled_window_get_hadjustment (GTK_SCROLLED_WINDOW (values));
            GtkWidget *titles = gtk_widget_get_parent (title);
            GtkWidget *table = gtk_widget_get_ancestor (gtk_widget_get_parent (value), GTK_TYPE_GRID);
            graphene_rect_t before, after, row_title, row_value;
            int column, row;

            g_assert_nonnull (title);
            g_assert_nonnull (value);
            g_assert_false (gtk_widget_is_ancestor (title, values));
            g_assert_cmpfloat (gtk_adjustment_get_upper (across), >, gtk_adjustment_get_page_size (across));
            g_assert_true (gtk_widget_compute_bounds (title, GTK_WIDGET (comparison), &before));
            gtk_adjustment_set_value (across, gtk_adjustment_get_upper (across));
            cpl_test_wait_for_draw (GTK_WIDGET (window));
            g_assert_true (gtk_widget_compute_bounds (title, GTK_WIDGET (comparison), &after));
            g_assert_cmpfloat (after.origin.x, ==, before.origin.x);
            g_assert_true (gtk_widget_get_mapped (title));

            /* every row: the title's top and the values' top within a pixel */
            for (GtkWidget *child = gtk_widget_get_first_child (titles); child; child = gtk_widget_get_next_sibling (child))
              {
                GtkWidget *cell;

                gtk_grid_query_child (GTK_GRID (titles), child, &column, &row, NULL, NULL);
                cell = gtk_grid_get_child_at (GTK_GRID (table), 0, row);
                if (column != 0 || cell == NULL)
                  continue;
                g_assert_true (gtk_widget_compute_bounds (child, GTK_WIDGET (comparison), &row_title));
                g_assert_true (gtk_widget_compute_bounds (cell, GTK_WIDGET (comparison), &row_value));
                g_assert_cmpfloat_with_epsilon (row_title.origin.y, row_value.origin.y, 1);
              }
          }
          /* the built-in scenarios have ranges: their Monte Carlo runs
           * end here, not in the tests after this one */
          cpl_scenario_comparison_wait_for_bands (comparison);

          /* five ranged scenarios: the charts draw the baseline's ranges
           * alone, not five sets of faint bands over each other.  The
           * columns follow the list, the built-in scenarios first: the
           * baseline is the full ban, whose compute gap is uncertain; the
           * H20 deal's next to it is not drawn */
          {
            CplLineChart *gap = cpl_scenario_comparison_get_chart (comparison, CPL_YEAR_COMPUTE_GAP);
            GtkDropDown *baseline = GTK_DROP_DOWN (cpl_test_find_widget (GTK_WIDGET (comparison), GTK_TYPE_DROP_DOWN));
            double low, high;

            /* (in 2026 its gap is 2,000,000 − 600,000 whatever the
             * growth rates; by 2030 they spread it) */
            g_assert_true (cpl_line_chart_get_band (gap, 0, 4, &low, &high));
            g_assert_cmpfloat (low, <, high);
            for (guint i = 1; i < 7; i++)
              g_assert_false (cpl_line_chart_get_band (gap, i, 0, &low, &high));
            /* against Only X (the sixth column), which has no ranges: none */
            gtk_drop_down_set_selected (baseline, 5);
            cpl_test_wait_for_draw (GTK_WIDGET (window));
            cpl_scenario_comparison_wait_for_bands (comparison);
            gap = cpl_scenario_comparison_get_chart (comparison, CPL_YEAR_COMPUTE_GAP);
            for (guint i = 0; i < 7; i++)
              g_assert_false (cpl_line_chart_get_band (gap, i, 0, &low, &high));
          }
        }
      gtk_window_destroy (GTK_WINDOW (window));
    }
}

/* The y of @widget's bottom edge in @ancestor's coordinates. */
static double
bottom_in (GtkWidget *widget,
           GtkWidget *ancestor)
{
  graphene_rect_t bounds;

  g_assert_true (gtk_widget_compute_bounds (widget, ancestor, &bounds));
  return bounds.origin.y + bounds.size.height;
}

/* At 1280 × 800 the results come first: the summary and the key figures
 * show without scrolling, the charts sit two to a row, and "Edit" opens
 * the parameters beside them. */
static void
test_results_first (void)
{
  CplWindow *window;
  CplScenariosView *view = open_view_sized (&window, 1280, 800);
  CplScenarioResults *results = cpl_scenarios_view_get_results (view);
  GtkWidget *page = gtk_widget_get_ancestor (GTK_WIDGET (results), GTK_TYPE_SCROLLED_WINDOW);
  GtkWidget *figures = cpl_test_find_widget (GTK_WIDGET (results), GTK_TYPE_FRAME);
  GtkFlowBox *charts = GTK_FLOW_BOX (cpl_test_find_widget (GTK_WIDGET (results), GTK_TYPE_FLOW_BOX));
  GtkToggleButton *edit;
  graphene_rect_t first, second;

  select_id (view, "h200-share-25");
  cpl_test_wait_for_draw (GTK_WIDGET (window));
  g_assert_false (gtk_widget_get_mapped (GTK_WIDGET (cpl_scenarios_view_get_editor (view))));
  /* the key figures end above the bottom of the page's view */
  g_assert_cmpfloat (bottom_in (figures, page), <=, gtk_widget_get_height (page));
  g_assert_true (gtk_widget_compute_bounds (GTK_WIDGET (gtk_flow_box_get_child_at_index (charts, 0)), page, &first));
  g_assert_true (gtk_widget_compute_bounds (GTK_WIDGET (gtk_flow_box_get_child_at_index (charts, 1)), page, &second));
  g_assert_cmpfloat (first.origin.y, ==, second.origin.y);
  g_assert_cmpfloat (second.origin.x, >, first.origin.x + first.size.width);

  /* Edit: the parameters beside the results, and they still fit */
  edit = GTK_TOGGLE_BUTTON (gtk_widget_get_ancestor (cpl_test_find_styled (GTK_WIDGET (view), GTK_TYPE_LABEL, "edit-label"),
                                                     GTK_TYPE_TOGGLE_BUTTON));
  gtk_toggle_button_set_active (edit, TRUE);
  cpl_test_iterate_for (500);  /* the flap slides in */
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (cpl_scenarios_view_get_editor (view))));
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (results)));
  gtk_toggle_button_set_active (edit, FALSE);

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
report_done (GObject      *source,
             GAsyncResult *result,
             gpointer      data)
{
  *(GAsyncResult **) data = g_object_ref (result);
}

/* Export Report…: with none ticked it covers the selected scenario, with
 * some ticked those, in list order; the paper is the locale's (en_US:
 * Letter); the report is written in a worker thread. */
static void
test_export_report (void)
{
  CplWindow *window;
  CplScenariosView *view = open_view (&window);
  CplDataset *dataset = cpl_application_get_dataset (app);
  AdwMessageDialog *dialog;
  GtkWidget *paper;
  g_autoptr(GPtrArray) scenarios = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autofree char *dir = g_dir_make_tmp ("cpl-report-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "report.pdf", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *contents = NULL;

  g_assert_no_error (error);
  select_id (view, "ban");
  dialog = cpl_scenarios_view_export_report (view);
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_body (dialog), ==, "A PDF report of this scenario:\nBan");
  paper = adw_message_dialog_get_extra_child (dialog);
  /* A4 first, then Letter: Letter is the paper of en_US */
  g_assert_false (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (gtk_widget_get_first_child (paper))));
  g_assert_true (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (gtk_widget_get_last_child (paper))));
  adw_message_dialog_response (dialog, "cancel");
  gtk_window_destroy (GTK_WINDOW (dialog));

  /* ticked: those, whatever is selected, in the list's order */
  cpl_scenarios_view_set_compared (view, CPL_SCENARIO (cpl_dataset_lookup (dataset, CPL_TYPE_SCENARIO, "ban")), TRUE);
  cpl_scenarios_view_set_compared (view, CPL_SCENARIO (cpl_dataset_lookup (dataset, CPL_TYPE_SCENARIO, "two-years")), TRUE);
  /* the menu's action asks the same question */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.export-report", NULL));
  dialog = NULL;
  {
    g_autoptr(GList) toplevels = gtk_window_list_toplevels ();

    for (GList *l = toplevels; l != NULL; l = l->next)
      if (ADW_IS_MESSAGE_DIALOG (l->data) && gtk_widget_get_visible (l->data))
        dialog = l->data;
  }
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_body (dialog), ==, "A PDF report of these scenarios:\nTwo years\nBan");
  adw_message_dialog_response (dialog, "cancel");
  gtk_window_destroy (GTK_WINDOW (dialog));

  /* the worker thread writes a PDF of a copy of the dataset */
  g_ptr_array_add (scenarios, cpl_dataset_lookup (dataset, CPL_TYPE_SCENARIO, "two-years"));
  cpl_pdf_report_write_async (dataset, scenarios, file, CPL_PAPER_A4, "two-chips.json", FALSE, NULL, report_done,
                              &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (cpl_pdf_report_write_finish (result, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_true (g_str_has_prefix (contents, "%PDF-"));
  g_remove (path);
  g_rmdir (dir);

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
count_call (gpointer  object,
            gpointer  arg,
            guint    *count)
{
  (*count)++;
}

static void
count_chart_update (CplChart *chart,
                    guint     what,
                    guint    *count)
{
  if (what & (CPL_CHART_UPDATE_DRAW | CPL_CHART_UPDATE_SIZE))
    (*count)++;
}

/* @widget's bounds in @row's coordinates */
static graphene_rect_t
bounds_in (GtkWidget *widget,
           GtkWidget *row)
{
  graphene_rect_t bounds;

  g_assert_true (gtk_widget_compute_bounds (widget, row, &bounds));
  return bounds;
}

/* Issue #16: a list row has its own layout, which asks its wrapped title
 * only for its height at a width (a horizontal box asked for its width at
 * a height: a search over a dozen layouts of it per row made).  It shows
 * what it did: the tick at the start, then, 12 px after it and to the
 * row's end, the name over the subtitle, both (the tick, the two lines of
 * text together) centred on the row's middle.
 * A name of 40 words ("word1 word2 … word40", 270 characters) does not
 * fit three lines of the sidebar (~220 px, ~30 characters a line): it
 * wraps to three, the third ellipsized, and shows them all; "Ban" takes
 * one line, so the long title is more than twice as tall. */
static void
test_row_layout (void)
{
  CplWindow *window;
  CplScenariosView *view = open_view (&window);
  GtkWidget *list = cpl_scenarios_view_get_list (view);
  CplDataset *dataset = cpl_application_get_dataset (app);
  CplEntity *two_years = cpl_dataset_lookup (dataset, CPL_TYPE_SCENARIO, "two-years");
  CplEntity *ban = cpl_dataset_lookup (dataset, CPL_TYPE_SCENARIO, "ban");
  g_autoptr(GString) name = g_string_new (NULL);
  GtkWidget *row, *check, *title, *subtitle;
  graphene_rect_t tick, words, name_box, below, one_line;
  PangoLayout *layout;
  int row_width, row_height;

  for (guint i = 1; i <= 40; i++)
    g_string_append_printf (name, "%sword%u", i > 1 ? " " : "", i);
  cpl_entity_set_name (two_years, name->str);
  /* the list gives a row its new height in the layout after the one in
   * which the row asked for it */
  cpl_test_wait_for_draw (GTK_WIDGET (window));
  cpl_test_iterate_for (200);

  row = cpl_check_list_find_row (list, two_years);
  g_assert_nonnull (row);
  check = GTK_WIDGET (cpl_check_row_get_check (row));
  title = gtk_widget_get_next_sibling (check);
  subtitle = gtk_widget_get_next_sibling (title);
  g_assert_cmpstr (cpl_check_row_get_title (row), ==, name->str);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (title)), ==, name->str);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (subtitle)), ==, cpl_check_row_get_subtitle (row));
  g_assert_cmpstr (cpl_check_row_get_subtitle (row), ==, "X, Y · 20% share");

  layout = gtk_label_get_layout (GTK_LABEL (title));
  g_assert_cmpint (pango_layout_get_line_count (layout), ==, 3);
  g_assert_true (pango_layout_is_ellipsized (layout));

  row_width = gtk_widget_get_width (row);
  row_height = gtk_widget_get_height (row);
  tick = bounds_in (check, row);
  name_box = bounds_in (title, row);
  below = bounds_in (subtitle, row);
  g_assert_cmpfloat (tick.origin.x, ==, 0);
  g_assert_cmpfloat (tick.size.width, >, 0);
  /* the text: from the name's top to the subtitle's bottom */
  graphene_rect_union (&name_box, &below, &words);
  g_assert_cmpfloat (words.origin.x, ==, tick.size.width + 12);
  g_assert_cmpfloat (words.origin.x + words.size.width, ==, row_width);
  g_assert_cmpfloat (fabs (tick.origin.y + tick.size.height / 2 - row_height / 2.), <=, .5);
  g_assert_cmpfloat (fabs (words.origin.y + words.size.height / 2 - row_height / 2.), <=, .5);
  /* all three lines show, the subtitle under them */
  {
    int layout_height;

    pango_layout_get_pixel_size (layout, NULL, &layout_height);
    g_assert_cmpfloat (name_box.size.height, >=, layout_height);
  }
  g_assert_cmpfloat (below.origin.y, >=, name_box.origin.y + name_box.size.height);
  g_assert_cmpfloat (below.origin.y + below.size.height, <=, row_height);

  row = cpl_check_list_find_row (list, ban);
  g_assert_nonnull (row);
  title = gtk_widget_get_next_sibling (GTK_WIDGET (cpl_check_row_get_check (row)));
  g_assert_cmpint (pango_layout_get_line_count (gtk_label_get_layout (GTK_LABEL (title))), ==, 1);
  one_line = bounds_in (title, row);
  g_assert_cmpfloat (name_box.size.height, >, 2 * one_line.size.height);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* Issue #16: a Monte Carlo run draws from the scenario's inputs and the
 * chips, with the scenario's own seed.  A new name, a copy of the
 * scenario or an edit of another scenario leaves them as they are: the
 * result stays (the very same object, at once, no new run) and so do the
 * bands, without the charts drawing again.  Any change outside the
 * scenarios (a chip's memory, which the projection does not read) starts
 * a new run, whose result is the same numbers: same inputs, same seed.
 * The take's P50 is that of test_uncertainty_bands: 0.22679 × the gross
 * 6,042,352.94 (within 2% for sampling); its band in 2026 is wider than
 * a point, the share ranging from 10% to 40%. */
static void
test_uncertainty_kept (void)
{
  CplWindow *window;
  CplScenariosView *view = open_view (&window);
  CplScenarioEditor *editor = cpl_scenarios_view_get_editor (view);
  CplScenarioResults *results = cpl_scenarios_view_get_results (view);
  CplDataset *dataset = cpl_application_get_dataset (app);
  CplEntity *two_years;
  CplUncertainty *uncertainty;
  CplLineChart *take;
  double p50, low, high;
  guint updates = 0;

  select_id (view, "two-years");
  two_years = CPL_ENTITY (cpl_scenarios_view_get_selected (view));
  g_assert_true (cpl_scenario_editor_set_range_text (editor, "revenue_share", "10", "20", "40"));
  uncertainty = cpl_scenario_results_get_uncertainty (results, TRUE);
  g_assert_nonnull (uncertainty);
  p50 = cpl_uncertainty_get_total (uncertainty, CPL_TOTAL_GOVERNMENT_TAKE)->p50;
  g_assert_cmpfloat_with_epsilon (p50 / (308160000. / 51), .22679, .02 * .22679);
  take = cpl_scenario_results_get_band_chart (results, CPL_YEAR_GOVERNMENT_TAKE);
  cpl_test_wait_for_draw (GTK_WIDGET (window));
  g_signal_connect (take, "update", G_CALLBACK (count_chart_update), &updates);

  /* a new name: it heads the results, the run kept */
  cpl_entity_set_name (two_years, "Two years, renamed");
  g_assert_cmpstr (cpl_scenario_results_get_title (results), ==, "Two years, renamed");
  g_assert_true (cpl_scenario_results_get_uncertainty (results, FALSE) == uncertainty);

  /* a copy, selected: its results show the original's run at once */
  gtk_widget_activate_action (GTK_WIDGET (view), "scenarios.duplicate", NULL);
  g_assert_true (cpl_scenarios_view_get_selected (view) != CPL_SCENARIO (two_years));
  g_assert_cmpstr (cpl_scenario_results_get_title (results), ==, "Two years, renamed (copy)");
  g_assert_true (cpl_scenario_results_get_uncertainty (results, FALSE) == uncertainty);
  g_assert_false (cpl_scenario_results_get_estimating (results));
  g_assert_true (cpl_line_chart_get_band (take, 0, 0, &low, &high));
  g_assert_cmpfloat (low, <, high);

  /* another scenario's edit */
  g_assert_true (cpl_entity_set_number (cpl_dataset_lookup (dataset, CPL_TYPE_SCENARIO, "ban"),
                                        CPL_SCENARIO_DEMAND_PFLOPS, 200, NULL));
  g_assert_true (cpl_scenario_results_get_uncertainty (results, FALSE) == uncertainty);
  cpl_test_iterate_for (100);
  g_assert_cmpuint (updates, ==, 0);
  g_assert_true (cpl_line_chart_get_band (take, 0, 0, &low, &high));

  /* a chip's memory: a new run, gone at once, the same numbers after */
  g_assert_true (cpl_entity_set_number (CPL_ENTITY (cpl_dataset_lookup_chip (dataset, "chip-x")),
                                        CPL_CHIP_MEMORY_GB, 80, NULL));
  g_assert_null (cpl_scenario_results_get_uncertainty (results, FALSE));
  uncertainty = cpl_scenario_results_get_uncertainty (results, TRUE);
  g_assert_nonnull (uncertainty);
  g_assert_cmpfloat (cpl_uncertainty_get_total (uncertainty, CPL_TOTAL_GOVERNMENT_TAKE)->p50, ==, p50);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* On a phone, and in the parameters pane at a wide window's side, a
 * ranged row keeps its title whole: the range's text ("10%–60% a year")
 * squeezed "Demand growth" to "Dem…"; its accent icon and tooltip say it
 * is ranged.  A wider editor shows the text (/scenarios-view/editor-width). */
static void
test_narrow_ranged_title (void)
{
  const int widths[] = { 360, 1280 };

  for (guint w = 0; w < G_N_ELEMENTS (widths); w++)
    {
      CplWindow *window;
      CplScenariosView *view = open_view_sized (&window, widths[w], 640);
      CplScenarioEditor *editor;
      g_autoptr(GPtrArray) labels = g_ptr_array_new ();
      GtkWidget *title = NULL;
      int natural;

      /* a tap on the row: on a phone its results take the window */
      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (cpl_scenarios_view_get_list (view)), "list.activate-item",
                                                 "u", position_of_id ("two-years")));
      cpl_test_wait_for_draw (GTK_WIDGET (window));
      adw_flap_set_reveal_flap (ADW_FLAP (cpl_test_find_widget (GTK_WIDGET (view), ADW_TYPE_FLAP)), TRUE);
      cpl_test_iterate_for (500);  /* the flap slides in */
      editor = cpl_scenarios_view_get_editor (view);
      g_assert_true (cpl_scenario_editor_set_range_text (editor, "demand_growth", "10", "30", "60"));
      cpl_test_wait_for_draw (GTK_WIDGET (window));

      cpl_test_collect_widgets (GTK_WIDGET (cpl_scenario_editor_get_input (editor, "demand_growth")),
                                GTK_TYPE_LABEL, labels);
      for (guint i = 0; i < labels->len; i++)
        if (g_str_equal (gtk_label_get_text (labels->pdata[i]), "Demand growth") && gtk_widget_get_mapped (labels->pdata[i]))
          title = labels->pdata[i];
      g_assert_nonnull (title);
      gtk_widget_measure (title, GTK_ORIENTATION_HORIZONTAL, -1, NULL, &natural, NULL, NULL);
      g_test_message ("%d px: the title %d px of its %d", widths[w], gtk_widget_get_width (title), natural);
      g_assert_cmpint (gtk_widget_get_width (title), >=, natural);
      g_assert_cmpuint (cpl_test_n_mapped_labels (GTK_WIDGET (editor), "10%–60% a year"), ==, 0);
      gtk_window_destroy (GTK_WINDOW (window));
    }
}

/* One key typed at the end of @row's text, as a keyboard does: the text
 * grows by @key in one change (gtk_editable_set_text() empties it first). */
static void
type_key (GtkWidget  *row,
          const char *key)
{
  int position = g_utf8_strlen (gtk_editable_get_text (GTK_EDITABLE (row)), -1);

  gtk_editable_insert_text (GTK_EDITABLE (row), key, -1, &position);
}

/* A refused value is explained under the group of its row, where the
 * eye is: an out-of-range utilization (the Energy group, at the foot of
 * the editor) reads under the Energy rows, not at the top of the pane,
 * and no other group shows it.  Utilization takes 0% to 100%, so 130%
 * is refused, and the scenario keeps the value it had before. */
static void
test_message_by_row (void)
{
  CplWindow *window;
  CplScenariosView *view = open_view_sized (&window, 1280, 800);
  CplScenarioEditor *editor;
  GtkWidget *row, *group;
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();
  GtkWidget *message = NULL;
  guint n_shown = 0;
  graphene_rect_t row_box, message_box;
  double utilization;

  select_id (view, "two-years");
  adw_flap_set_reveal_flap (ADW_FLAP (cpl_test_find_widget (GTK_WIDGET (view), ADW_TYPE_FLAP)), TRUE);
  cpl_test_iterate_for (500);  /* the flap slides in */
  editor = cpl_scenarios_view_get_editor (view);
  row = GTK_WIDGET (cpl_scenario_editor_get_input (editor, "utilization"));
  utilization = cpl_scenario_get (CPL_SCENARIO (cpl_dataset_lookup (cpl_application_get_dataset (app),
                                                                     CPL_TYPE_SCENARIO, "two-years")),
                                  CPL_SCENARIO_UTILIZATION);
  /* typed a key at a time, "1", "13", "130": the first two are numbers
   * and are used as they come, the third is refused, and the scenario
   * goes back to what it was before the typing, not to the 13% of the
   * keystroke before (its results showed 13% under a field of 130) */
  gtk_editable_set_text (GTK_EDITABLE (row), "1");
  type_key (row, "3");
  cpl_assert_near (cpl_scenario_get (CPL_SCENARIO (cpl_dataset_lookup (cpl_application_get_dataset (app),
                                                                       CPL_TYPE_SCENARIO, "two-years")),
                                     CPL_SCENARIO_UTILIZATION), 0.13, 1e-12);
  type_key (row, "0");
  cpl_test_wait_for_draw (GTK_WIDGET (window));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row)), ==, "130");
  g_assert_cmpstr (cpl_scenario_editor_get_messages (editor), ==,
                   "Utilization: 130% is out of range; enter 0% to 100%");
  cpl_assert_near (cpl_scenario_get (CPL_SCENARIO (cpl_dataset_lookup (cpl_application_get_dataset (app),
                                                                       CPL_TYPE_SCENARIO, "two-years")),
                                     CPL_SCENARIO_UTILIZATION), utilization, 1e-12);

  cpl_test_collect_widgets (GTK_WIDGET (editor), GTK_TYPE_LABEL, labels);
  for (guint i = 0; i < labels->len; i++)
    if (gtk_widget_get_mapped (labels->pdata[i]) && gtk_widget_has_css_class (labels->pdata[i], "error")
        && strstr (gtk_label_get_text (labels->pdata[i]), "Utilization: 130%") != NULL)
      {
        message = labels->pdata[i];
        n_shown++;
      }
  g_assert_cmpuint (n_shown, ==, 1);
  group = gtk_widget_get_ancestor (row, ADW_TYPE_PREFERENCES_GROUP);
  g_assert_true (gtk_widget_is_ancestor (message, group));
  /* below the row, within the group's last rows (Utilization is the one
   * before the last: a row's height and a bit) */
  g_assert_true (gtk_widget_compute_bounds (row, GTK_WIDGET (editor), &row_box));
  g_assert_true (gtk_widget_compute_bounds (message, GTK_WIDGET (editor), &message_box));
  g_assert_cmpfloat (message_box.origin.y, >=, row_box.origin.y + row_box.size.height);
  g_assert_cmpfloat (message_box.origin.y, <, row_box.origin.y + 3 * row_box.size.height);

  /* a good value takes the message away */
  gtk_editable_set_text (GTK_EDITABLE (row), "70");
  cpl_test_wait_for_draw (GTK_WIDGET (window));
  g_assert_cmpstr (cpl_scenario_editor_get_messages (editor), ==, "");
  g_assert_false (gtk_widget_get_mapped (message));
  gtk_window_destroy (GTK_WINDOW (window));
}

/* What an input means shows under its group while it has the focus, as
 * a form gives its field's help: the rows' tooltips never open on a touch
 * screen.  The text is the row's own explanation; leaving the row for one
 * of another group moves it there. */
static void
test_focus_hint (void)
{
  CplWindow *window;
  CplScenariosView *view = open_view_sized (&window, 1280, 800);
  CplScenarioEditor *editor;
  GtkWidget *sensitivity, *spill;

  select_id (view, "two-years");
  adw_flap_set_reveal_flap (ADW_FLAP (cpl_test_find_widget (GTK_WIDGET (view), ADW_TYPE_FLAP)), TRUE);
  cpl_test_iterate_for (500);  /* the flap slides in */
  editor = cpl_scenarios_view_get_editor (view);
  g_assert_cmpstr (cpl_scenario_editor_get_hint (editor), ==, "");

  sensitivity = GTK_WIDGET (cpl_scenario_editor_get_input (editor, "price_sensitivity"));
  g_assert_true (gtk_widget_grab_focus (sensitivity));
  cpl_test_wait_for_draw (GTK_WIDGET (window));
  g_assert_cmpstr (cpl_scenario_editor_get_hint (editor), ==,
                   "How strongly buyers favour the cheaper compute: 0 ignores cost, 2 or more follows it closely");
  {
    g_autoptr(GPtrArray) labels = g_ptr_array_new ();
    GtkWidget *hint = NULL;

    cpl_test_collect_widgets (GTK_WIDGET (editor), GTK_TYPE_LABEL, labels);
    for (guint i = 0; i < labels->len; i++)
      if (gtk_widget_get_mapped (labels->pdata[i])
          && g_str_equal (gtk_label_get_text (labels->pdata[i]), cpl_scenario_editor_get_hint (editor)))
        hint = labels->pdata[i];
    g_assert_nonnull (hint);
    g_assert_true (gtk_widget_is_ancestor (hint, gtk_widget_get_ancestor (sensitivity, ADW_TYPE_PREFERENCES_GROUP)));
  }

  spill = GTK_WIDGET (cpl_scenario_editor_get_input (editor, "capacity_spill"));
  g_assert_true (gtk_widget_grab_focus (spill));
  cpl_test_wait_for_draw (GTK_WIDGET (window));
  g_assert_true (g_str_has_prefix (cpl_scenario_editor_get_hint (editor),
                                   "The part of the demand above domestic capacity that turns to the allowed exported chips"));
  gtk_window_destroy (GTK_WINDOW (window));
}

/* The year-by-year table keeps its year in view on a phone: the other
 * columns scroll sideways, the year stays (it scrolled away with them,
 * leaving rows of numbers without their year).  The title rows of the two
 * parts are of one height, so each year's row lines up with its
 * numbers.  two-years: 2026 and 2027. */
static void
test_year_column_stays (void)
{
  CplWindow *window;
  CplScenariosView *view = open_view_sized (&window, 360, 640);
  CplScenarioResults *results = cpl_scenarios_view_get_results (view);
  GtkWidget *list = cpl_scenarios_view_get_list (view);
  GtkWidget *year, *demand, *gap;
  GtkScrolledWindow *scroller;
  GtkAdjustment *sideways;
  graphene_point_t at;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (list), "list.activate-item", "u", position_of_id ("two-years")));
  cpl_test_wait_for_draw (GTK_WIDGET (window));
  g_assert_cmpstr (cpl_scenarios_view_get_visible_page (view), ==, "scenario");
  year = GTK_WIDGET (cpl_scenario_results_get_table_cell (results, 1, 0));
  demand = GTK_WIDGET (cpl_scenario_results_get_table_cell (results, 1, 1));
  gap = GTK_WIDGET (cpl_scenario_results_get_table_cell (results, 1, 4));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (year)), ==, "2027");
  cpl_test_wait_for_draw (GTK_WIDGET (window));
  cpl_test_iterate_for (100);

  /* the table is wider than a phone: scrolled to its end */
  scroller = GTK_SCROLLED_WINDOW (gtk_widget_get_ancestor (gap, GTK_TYPE_SCROLLED_WINDOW));
  sideways = gtk_scrolled_window_get_hadjustment (scroller);
  g_assert_cmpfloat (gtk_adjustment_get_upper (sideways), >, gtk_adjustment_get_page_size (sideways));
  gtk_adjustment_set_value (sideways, gtk_adjustment_get_upper (sideways));
  cpl_test_wait_for_draw (GTK_WIDGET (window));
  cpl_test_iterate_for (100);

  /* the year still within the window, left of the scrolled part */
  g_assert_true (gtk_widget_compute_point (year, GTK_WIDGET (window), &GRAPHENE_POINT_INIT (0, 0), &at));
  g_assert_cmpfloat (at.x, >=, 0);
  g_assert_cmpfloat (at.x + gtk_widget_get_width (year), <=, 360);
  g_assert_false (gtk_widget_is_ancestor (year, GTK_WIDGET (scroller)));
  /* the scrolled columns end the column spacing (18 px) right of the
   * year's column: they passed right beside it, and the last glyph of a
   * title cut at the scroller's edge read as the year's ("Year)") */
  {
    graphene_point_t edge;
    GtkWidget *years = gtk_widget_get_parent (year);

    g_assert_true (gtk_widget_compute_point (GTK_WIDGET (scroller), GTK_WIDGET (window), &GRAPHENE_POINT_INIT (0, 0),
                                             &edge));
    g_assert_true (gtk_widget_compute_point (years, GTK_WIDGET (window), &GRAPHENE_POINT_INIT (0, 0), &at));
    g_test_message ("the years' column ends at %.0f px, the scroller begins at %.0f px",
                    at.x + gtk_widget_get_width (years), edge.x);
    g_assert_cmpfloat (edge.x, >=, at.x + gtk_widget_get_width (years) + 18);
    g_assert_true (gtk_widget_compute_point (year, GTK_WIDGET (window), &GRAPHENE_POINT_INIT (0, 0), &at));
  }
  /* and on the line of its numbers: the same top, to a pixel */
  {
    graphene_point_t numbers;

    g_assert_true (gtk_widget_compute_point (demand, GTK_WIDGET (window), &GRAPHENE_POINT_INIT (0, 0), &numbers));
    g_assert_cmpfloat_with_epsilon (at.y, numbers.y, 1);
  }
  /* a sideways scrollbar in a place of its own under the last row,
   * shown while there is something to scroll (an overlay scrollbar showed
   * only under the pointer, and "Domest…" cut at the edge gave no sign of
   * more; with overlay scrolling off, GTK 4.8 drew it over the last row) */
  {
    GtkWidget *bar = NULL;
    GtkWidget *last = GTK_WIDGET (cpl_scenario_results_get_table_cell (results, 1, 1));
    graphene_rect_t bar_bounds, last_bounds;

    for (GtkWidget *w = gtk_widget_get_next_sibling (GTK_WIDGET (scroller)); w; w = gtk_widget_get_next_sibling (w))
      if (GTK_IS_SCROLLBAR (w))
        bar = w;
    g_assert_nonnull (bar);
    g_assert_true (gtk_widget_get_mapped (bar));
    g_assert_true (gtk_widget_compute_bounds (bar, GTK_WIDGET (window), &bar_bounds));
    g_assert_true (gtk_widget_compute_bounds (last, GTK_WIDGET (window), &last_bounds));
    g_assert_cmpfloat (bar_bounds.origin.y, >=, last_bounds.origin.y + last_bounds.size.height);
  }
  gtk_window_destroy (GTK_WINDOW (window));
}

/* Issue #16: an edit updates the year-by-year table in place: the same
 * label widgets take the new numbers, a cell whose text stays is not set
 * again, and only a change in the number of years adds or removes a row.
 * "ban": one year, 2026, demand 100, domestic capacity 50, nothing
 * exported, so the gap is 100 − 50 = 50 PFLOP/s. */
static void
test_table_in_place (void)
{
  CplWindow *window;
  CplScenariosView *view = open_view (&window);
  CplScenarioResults *results = cpl_scenarios_view_get_results (view);
  CplEntity *ban;
  GtkLabel *year, *demand, *gap;
  guint year_sets = 0, gap_sets = 0;

  select_id (view, "ban");
  ban = CPL_ENTITY (cpl_scenarios_view_get_selected (view));
  cpl_test_iterate_for (100);
  year = cpl_scenario_results_get_table_cell (results, 0, 0);
  demand = cpl_scenario_results_get_table_cell (results, 0, 1);
  gap = cpl_scenario_results_get_table_cell (results, 0, 4);
  g_assert_cmpstr (gtk_label_get_text (year), ==, "2026");
  g_assert_cmpstr (gtk_label_get_text (demand), ==, "100");
  g_assert_cmpstr (gtk_label_get_text (gap), ==, "50");
  g_assert_null (cpl_scenario_results_get_table_cell (results, 1, 0));
  g_signal_connect (year, "notify::label", G_CALLBACK (count_call), &year_sets);
  g_signal_connect (gap, "notify::label", G_CALLBACK (count_call), &gap_sets);

  /* demand 300: the gap 300 − 50 = 250, in the same cells */
  g_assert_true (cpl_entity_set_number (ban, CPL_SCENARIO_DEMAND_PFLOPS, 300, NULL));
  cpl_test_iterate_for (100);
  g_assert_true (cpl_scenario_results_get_table_cell (results, 0, 1) == demand);
  g_assert_true (cpl_scenario_results_get_table_cell (results, 0, 4) == gap);
  g_assert_cmpstr (gtk_label_get_text (demand), ==, "300");
  g_assert_cmpstr (gtk_label_get_text (gap), ==, "250");
  g_assert_cmpuint (gap_sets, ==, 1);
  /* the year did not change: its label was not set again */
  g_assert_cmpuint (year_sets, ==, 0);

  /* two years: a row for 2027 is added under the same first row */
  g_assert_true (cpl_entity_set_number (ban, CPL_SCENARIO_YEARS, 2, NULL));
  cpl_test_iterate_for (100);
  g_assert_true (cpl_scenario_results_get_table_cell (results, 0, 0) == year);
  g_assert_cmpstr (gtk_label_get_text (cpl_scenario_results_get_table_cell (results, 1, 0)), ==, "2027");
  g_assert_cmpuint (year_sets, ==, 0);
  /* and taken away again */
  g_assert_true (cpl_entity_set_number (ban, CPL_SCENARIO_YEARS, 1, NULL));
  cpl_test_iterate_for (100);
  g_assert_null (cpl_scenario_results_get_table_cell (results, 1, 0));
  g_assert_true (cpl_scenario_results_get_table_cell (results, 0, 0) == year);
  g_assert_cmpstr (gtk_label_get_text (gap), ==, "250");

  gtk_window_destroy (GTK_WINDOW (window));
}

typedef struct {
  GtkLabel *figure;
  char     *shown;   /* its text when the first frame was drawn */
} FirstFrame;

static void
note_first_frame (GdkFrameClock *clock,
                  FirstFrame    *first)
{
  if (first->shown == NULL)
    first->shown = g_strdup (gtk_label_get_text (first->figure));
}

/* Issue #16: a window's first frame shows the selected scenario's results
 * (the leaflet maps them while that frame is laid out, after its ticks),
 * not an empty page that a later frame fills. */
static void
test_first_frame_filled (void)
{
  CplWindow *window = cpl_window_new (app);
  CplScenariosView *view = CPL_SCENARIOS_VIEW (cpl_test_find_widget (GTK_WIDGET (window), CPL_TYPE_SCENARIOS_VIEW));
  GtkWidget *results = GTK_WIDGET (cpl_scenarios_view_get_results (view));
  FirstFrame first = { NULL, NULL };
  GdkFrameClock *clock;
  gulong id;

  /* the first key figure: the US vendors' gross revenue */
  first.figure = GTK_LABEL (cpl_test_find_styled (results, GTK_TYPE_LABEL, "title-3"));
  g_assert_cmpstr (gtk_label_get_text (first.figure), ==, "");
  gtk_window_set_default_size (GTK_WINDOW (window), 1100, 760);
  gtk_window_present (GTK_WINDOW (window));
  clock = gtk_widget_get_frame_clock (GTK_WIDGET (window));
  id = g_signal_connect (clock, "after-paint", G_CALLBACK (note_first_frame), &first);
  while (first.shown == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_signal_handler_disconnect (clock, id);
  /* the built-in list starts with the full ban: nothing is exported, so
   * the vendors' gross revenue is 0 */
  g_assert_true (gtk_widget_get_mapped (results));
  g_assert_cmpstr (first.shown, ==, "$0");

  g_free (first.shown);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* The cells of the results' year table that read @text. */
static guint
count_table_cells (CplScenarioResults *results,
                   const char         *text)
{
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();
  guint n = 0;

  cpl_test_collect_matching (GTK_WIDGET (results), is_label_reading, text, labels);
  for (guint i = 0; i < labels->len; i++)
    if (GTK_IS_GRID (gtk_widget_get_parent (g_ptr_array_index (labels, i)))
        && gtk_widget_has_css_class (g_ptr_array_index (labels, i), "numeric"))
      n++;
  return n;
}

/* Issue #16: a window is made with the results' first row of charts;
 * the other charts, the analysis and the year table are made after its
 * first frame, showing the scenario shown, and follow the selection. */
static void
test_below_after_first_frame (void)
{
  CplWindow *window = cpl_window_new (app);
  CplScenariosView *view = CPL_SCENARIOS_VIEW (cpl_test_find_widget (GTK_WIDGET (window), CPL_TYPE_SCENARIOS_VIEW));
  CplScenarioResults *results = cpl_scenarios_view_get_results (view);
  g_autoptr(GPtrArray) before = g_ptr_array_new ();
  g_autoptr(GPtrArray) after = g_ptr_array_new ();

  /* the charts' cards (the key figures are in a flow box too) */
  GtkWidget *flow = gtk_widget_get_ancestor (cpl_test_find_widget (GTK_WIDGET (results), CPL_TYPE_CHART_VIEW),
                                             GTK_TYPE_FLOW_BOX);

  cpl_test_collect_widgets (flow, CPL_TYPE_CHART_VIEW, before);
  g_assert_cmpuint (before->len, ==, 2);
  g_assert_null (cpl_test_find_widget (GTK_WIDGET (results), CPL_TYPE_SCENARIO_ANALYSIS));
  g_assert_null (cpl_test_find_matching (GTK_WIDGET (results), is_label_reading, "Year by Year"));

  gtk_window_present (GTK_WINDOW (window));
  cpl_test_wait_for_draw (GTK_WIDGET (window));
  /* domestic share, units, revenue, take, compute gap, cost of compute */
  cpl_test_collect_widgets (flow, CPL_TYPE_CHART_VIEW, after);
  g_assert_cmpuint (after->len, ==, 6);
  g_assert_true (g_ptr_array_index (after, 0) == g_ptr_array_index (before, 0));
  g_assert_nonnull (cpl_test_find_widget (GTK_WIDGET (results), CPL_TYPE_SCENARIO_ANALYSIS));
  g_assert_nonnull (cpl_test_find_matching (GTK_WIDGET (results), is_label_reading, "Year by Year"));
  /* the built-in scenarios start in 2026: the first row of the table */
  g_assert_cmpuint (count_table_cells (results, "2026"), ==, 1);

  /* two-chips.json's "ban", one year (worked in test_table_in_place):
   * demand 100 PFLOP/s, no exports, domestic supply capped at 50, so
   * the gap is 100 − 0 − 50 = 50: "50" twice, "100" once */
  {
    g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fixtures", "two-chips.json", NULL);
    g_autoptr(GFile) file = g_file_new_for_path (path);
    g_autoptr(GError) error = NULL;

    cpl_test_load_file (window, file, &error);
    g_assert_no_error (error);
  }
  select_id (view, "ban");
  cpl_test_iterate_for (100);
  g_assert_cmpuint (count_table_cells (results, "100"), ==, 1);
  g_assert_cmpuint (count_table_cells (results, "50"), ==, 2);
  g_assert_cmpuint (count_table_cells (results, "2027"), ==, 0);

  gtk_window_destroy (GTK_WINDOW (window));
}

/* Issue #16: an edit that leaves a chart's data as it was (a new name, a
 * duplicate of the scenario shown) does not ask the chart's view to draw
 * again; one that changes it asks once. */
static void
test_charts_unchanged (void)
{
  CplWindow *window;
  CplScenariosView *view = open_view (&window);
  CplScenarioResults *results = cpl_scenarios_view_get_results (view);
  CplEntity *two_years;
  CplLineChart *share;
  GtkLabel *take;
  guint updates = 0, take_sets = 0;

  select_id (view, "two-years");
  two_years = CPL_ENTITY (cpl_scenarios_view_get_selected (view));
  cpl_test_iterate_for (100);
  share = cpl_scenario_results_get_band_chart (results, CPL_YEAR_DOMESTIC_SHARE);
  g_signal_connect (share, "update", G_CALLBACK (count_chart_update), &updates);
  /* year 2026, column 6: the take; with the spill the gross of 2026 is
   * 2 × 2,720,000/3 = 1,813,333.33 (see test_edit_share), the take 0.2 ×
   * that = 362,666.67 */
  take = cpl_scenario_results_get_table_cell (results, 0, 6);
  g_assert_cmpstr (gtk_label_get_text (take), ==, "$362,667");
  g_signal_connect (take, "notify::label", G_CALLBACK (count_call), &take_sets);

  /* a new name: shown again, nothing drawn again */
  cpl_entity_set_name (two_years, "Two years, renamed");
  cpl_test_iterate_for (100);
  cpl_deferred_update_flush (GTK_WIDGET (results));
  g_assert_cmpuint (updates, ==, 0);
  g_assert_cmpuint (take_sets, ==, 0);

  /* a duplicate: the copy is selected and shows the same numbers */
  gtk_widget_activate_action (GTK_WIDGET (view), "scenarios.duplicate", NULL);
  cpl_test_iterate_for (100);
  g_assert_true (cpl_scenarios_view_get_selected (view) != CPL_SCENARIO (two_years));
  g_assert_true (cpl_scenario_results_get_band_chart (results, CPL_YEAR_DOMESTIC_SHARE) == share);
  g_assert_cmpuint (updates, ==, 0);
  g_assert_cmpuint (take_sets, ==, 0);
  g_assert_cmpstr (gtk_label_get_text (take), ==, "$362,667");

  /* the original again, its buyers twice as sensitive to price and the
   * rate at 25%: its share chart changes, and asks once for both */
  cpl_scenarios_view_select (view, CPL_SCENARIO (two_years));
  g_assert_true (cpl_entity_set_number (two_years, CPL_SCENARIO_REVENUE_SHARE, 0.25, NULL));
  g_assert_true (cpl_entity_set_number (two_years, CPL_SCENARIO_PRICE_SENSITIVITY, 2, NULL));
  cpl_test_iterate_for (100);
  cpl_deferred_update_flush (GTK_WIDGET (results));
  g_assert_cmpuint (updates, ==, 1);

  gtk_window_destroy (GTK_WINDOW (window));
}

/* Issue #16: two changes of the selected scenario in one main-loop
 * iteration project it once, and the table shows the last values:
 * demand 2,000 in 2026 growing by 50%: 2,000 × 1.5 = 3,000 in 2027. */
static void
test_one_projection (void)
{
  CplWindow *window;
  CplScenariosView *view = open_view (&window);
  CplScenarioResults *results = cpl_scenarios_view_get_results (view);
  CplEntity *two_years;
  guint before;

  select_id (view, "two-years");
  two_years = CPL_ENTITY (cpl_scenarios_view_get_selected (view));
  cpl_test_iterate_for (300);
  before = cpl_projection_get_debug_count (CPL_SCENARIO (two_years));
  g_assert_true (cpl_entity_set_number (two_years, CPL_SCENARIO_DEMAND_PFLOPS, 2000, NULL));
  g_assert_true (cpl_entity_set_number (two_years, CPL_SCENARIO_DEMAND_GROWTH, 0.5, NULL));
  cpl_test_iterate_for (300);
  g_assert_cmpuint (cpl_projection_get_debug_count (CPL_SCENARIO (two_years)), ==, before + 1);
  g_assert_cmpstr (gtk_label_get_text (cpl_scenario_results_get_table_cell (results, 0, 1)), ==, "2,000");
  g_assert_cmpstr (gtk_label_get_text (cpl_scenario_results_get_table_cell (results, 1, 1)), ==, "3,000");
  g_assert_cmpuint (cpl_projection_get_debug_count (CPL_SCENARIO (two_years)), ==, before + 1);

  gtk_window_destroy (GTK_WINDOW (window));
}

/* The built-in notes describe the built-in figures: a scenario whose
 * figures were changed since says which, over its notes.  H200 at 25%
 * ships with revenue share 25% and demand 2,000,000 PFLOP/s a year
 * (data/builtin-dataset.json); set to 30% and 2,500,000, the caveat
 * names both, in the editor's order (policy, then market), with the
 * values before and now.  Undone, it goes; a copy of the scenario keeps
 * the built-in notes and so the caveat once edited; notes of one's own
 * have none. */
static void
test_notes_caveat (void)
{
  CplWindow *window = cpl_test_open_window (app, "scenarios", NULL, -1, -1);
  CplScenariosView *view = CPL_SCENARIOS_VIEW (cpl_test_find_widget (GTK_WIDGET (window), CPL_TYPE_SCENARIOS_VIEW));
  CplScenarioResults *results = cpl_scenarios_view_get_results (view);
  CplDataset *dataset = cpl_application_get_dataset (app);
  CplEntity *h200 = cpl_dataset_lookup (dataset, CPL_TYPE_SCENARIO, "h200-share-25");
  GtkWidget *notes;
  g_autofree char *caveat = NULL;

  select_id (view, "h200-share-25");
  notes = GTK_WIDGET (cpl_scenario_results_get_notes (results));
  g_assert_nonnull (cpl_notes_group_get_text (notes));
  g_assert_null (cpl_notes_group_get_caveat (notes));

  g_assert_true (cpl_entity_set_number (h200, CPL_SCENARIO_DEMAND_PFLOPS, 2500000, NULL));
  g_assert_true (cpl_entity_set_number (h200, CPL_SCENARIO_REVENUE_SHARE, 0.30, NULL));
  cpl_test_iterate_for (50);
  caveat = cpl_test_plain_text (cpl_notes_group_get_caveat (notes));
  g_assert_cmpstr (caveat, ==, "These notes were written for the built-in figures. Changed since: "
                               "Revenue share: 25% → 30%; Demand: 2,000,000 PFLOP/s a year → 2,500,000 PFLOP/s a year.");
  /* the notes themselves stay as written */
  g_assert_true (g_str_has_prefix (cpl_notes_group_get_text (notes), "Allowed: H200\u00a0only; share"));
  /* the PDF report says it too, before the notes */
  {
    g_autoptr(GString) transcript = g_string_new (NULL);
    g_autoptr(GPtrArray) scenarios = g_ptr_array_new ();
    g_autofree char *dir = g_dir_make_tmp ("cpl-caveat-XXXXXX", NULL);
    g_autofree char *path = g_build_filename (dir, "report.pdf", NULL);

    g_ptr_array_add (scenarios, h200);
    cpl_pdf_report_set_transcript (transcript);
    g_assert_true (cpl_pdf_report_write (dataset, scenarios, path, CPL_PAPER_A4, NULL, FALSE, NULL, NULL));
    cpl_pdf_report_set_transcript (NULL);
    g_assert_nonnull (strstr (transcript->str, "\nNotes\nThese notes were written for the built-in figures. "
                                               "Changed since: Revenue share: 25% → 30%; Demand: 2,000,000 PFLOP/s "
                                               "a year → 2,500,000 PFLOP/s a year.\nAllowed: H200 only; share 25%;"));
    g_remove (path);
    g_rmdir (dir);
  }

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  cpl_test_iterate_for (50);
  g_assert_null (cpl_notes_group_get_caveat (notes));

  /* a copy has the built-in notes: its allowed chips changed, it says so */
  gtk_widget_activate_action (GTK_WIDGET (view), "scenarios.duplicate", NULL);
  cpl_test_iterate_for (50);
  {
    CplScenario *copy = cpl_scenarios_view_get_selected (view);
    static const char * const b200[] = { "nvidia-b200", NULL };

    g_assert_false (CPL_ENTITY (copy) == h200);
    g_assert_null (cpl_notes_group_get_caveat (notes));
    cpl_scenario_set_allowed_chips (copy, b200);
    cpl_test_iterate_for (50);
    g_clear_pointer (&caveat, g_free);
    caveat = cpl_test_plain_text (cpl_notes_group_get_caveat (notes));
    g_assert_cmpstr (caveat, ==, "These notes were written for the built-in figures. Changed since: Allowed chips.");

    /* notes of one's own describe what they say: no caveat */
    cpl_entity_edit_notes (CPL_ENTITY (copy), "B200 alone, our own estimate");
    cpl_test_iterate_for (50);
    g_clear_pointer (&caveat, g_free);
    caveat = cpl_test_plain_text (cpl_notes_group_get_text (notes));
    g_assert_cmpstr (caveat, ==, "B200 alone, our own estimate");
    g_assert_null (cpl_notes_group_get_caveat (notes));
  }
  gtk_window_destroy (GTK_WINDOW (window));
}

/* Issue #16: a copy of the scenario shown has its inputs: the results
 * show it without projecting it (its projection count stays 0) and keep
 * every figure; what is its own follows it (a goal sought applies to the
 * copy, not to the original).  Its first edit projects it once.  With
 * the share at 20% the take of 2026 is 0.2 × 1,813,333.33 = $362,667
 * (see test_charts_unchanged); at 25%, 0.25 × 1,813,333.33 = $453,333.
 * A take of $1.50 M over both years needs 1,500,000 / 6,042,352.94 =
 * 24.8% (see test_goal_seek). */
/* A scenario's notes, where its parameters come from, at the end of its
 * results; none for a scenario without them. */
static void
test_notes (void)
{
  CplWindow *window = cpl_test_open_window (app, "scenarios", NULL, -1, -1);
  CplScenariosView *view = CPL_SCENARIOS_VIEW (cpl_test_find_widget (GTK_WIDGET (window), CPL_TYPE_SCENARIOS_VIEW));
  CplScenarioResults *results = cpl_scenarios_view_get_results (view);

  select_id (view, "h200-share-25");
  /* (shown with a number and the word after it kept on one line) */
  g_assert_true (g_str_has_prefix (cpl_notes_group_get_text (cpl_scenario_results_get_notes (results)), "Allowed: H200\u00a0only; share"));
  g_assert_nonnull (strstr (cpl_notes_group_get_text (cpl_scenario_results_get_notes (results)),
                            "Market parameters are identical in all built-in scenarios"));
  /* a new scenario has none: no Notes group */
  gtk_widget_activate_action (GTK_WIDGET (view), "scenarios.add", NULL);
  cpl_test_iterate_for (50);
  g_assert_false (cpl_scenarios_view_get_selected (view) == CPL_SCENARIO (cpl_dataset_lookup (
                    cpl_application_get_dataset (app), CPL_TYPE_SCENARIO, "h200-share-25")));
  g_assert_null (cpl_notes_group_get_text (cpl_scenario_results_get_notes (results)));
  /* written in the dialog of the group's Edit button: the scenario's,
   * shown at the end of its results, one edit that Ctrl+Z undoes;
   * Cancel keeps none of what was typed */
  {
    CplScenario *added = cpl_scenarios_view_get_selected (view);
    GtkWidget *dialog = cpl_notes_group_edit (cpl_scenario_results_get_notes (results));
    GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (cpl_test_find_widget (dialog, GTK_TYPE_TEXT_VIEW)));
    GtkTextIter start, end;
    g_autofree char *shown = NULL;

    gtk_text_buffer_get_bounds (buffer, &start, &end);
    shown = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
    g_assert_cmpstr (shown, ==, "");
    gtk_text_buffer_set_text (buffer, "Demand from our own survey of buyers", -1);
    /* nothing is kept until Save */
    g_assert_null (cpl_entity_get_notes (CPL_ENTITY (added)));
    adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "save");
    g_assert_cmpstr (cpl_text_get (cpl_entity_get_notes (CPL_ENTITY (added))), ==, "Demand from our own survey of buyers");
    g_assert_cmpstr (cpl_notes_group_get_text (cpl_scenario_results_get_notes (results)), ==,
                     "Demand from our own survey of buyers");
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
    g_assert_null (cpl_entity_get_notes (CPL_ENTITY (added)));
    g_assert_null (cpl_notes_group_get_text (cpl_scenario_results_get_notes (results)));

    dialog = cpl_notes_group_edit (cpl_scenario_results_get_notes (results));
    buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (cpl_test_find_widget (dialog, GTK_TYPE_TEXT_VIEW)));
    gtk_text_buffer_set_text (buffer, "Not kept", -1);
    adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
    g_assert_null (cpl_entity_get_notes (CPL_ENTITY (added)));
  }
  /* and another's are its own */
  select_id (view, "full-ban-2025");
  g_assert_true (g_str_has_prefix (cpl_notes_group_get_text (cpl_scenario_results_get_notes (results)), "No chip is allowed"));

  /* the PDF report gives them under the scenario's parameters */
  {
    g_autoptr(GString) transcript = g_string_new (NULL);
    g_autoptr(GPtrArray) scenarios = g_ptr_array_new ();
    g_autoptr(GError) error = NULL;
    g_autofree char *dir = g_dir_make_tmp ("cpl-notes-XXXXXX", NULL);
    g_autofree char *path = g_build_filename (dir, "report.pdf", NULL);
    const char *parameters, *notes;

    g_ptr_array_add (scenarios, cpl_dataset_lookup (cpl_application_get_dataset (app), CPL_TYPE_SCENARIO,
                                                    "h200-share-25"));
    cpl_pdf_report_set_transcript (transcript);
    g_assert_true (cpl_pdf_report_write (cpl_application_get_dataset (app), scenarios, path, CPL_PAPER_A4, NULL,
                                         FALSE, NULL, &error));
    cpl_pdf_report_set_transcript (NULL);
    g_assert_no_error (error);
    parameters = strstr (transcript->str, "\nParameters\n");
    notes = strstr (transcript->str, "\nNotes\nAllowed: H200 only; share 25%;");
    g_assert_nonnull (parameters);
    g_assert_nonnull (notes);
    g_assert_true (notes > parameters);
    g_remove (path);
    g_rmdir (dir);
  }
  gtk_window_destroy (GTK_WINDOW (window));
}

/* Waits for the results' Monte Carlo run to end (a few seconds at most). */
static void
wait_for_run (CplScenarioResults *results)
{
  cpl_scenario_results_get_summary (results);
  for (guint i = 0; i < 400 && (cpl_scenario_results_get_running (results) ||
                                cpl_scenario_results_get_estimating (results)); i++)
    cpl_test_iterate_for (25);
  g_assert_false (cpl_scenario_results_get_running (results));
}

/* A ranged value outside its range: the key figures use the value, their
 * P10–P90 the range, which need not hold them; the results say so under
 * the totals, in the editor's words.  The H200 scenario ranges its
 * demand growth over 10%–60% a year (data/builtin-dataset.json); at 0%
 * every total fell under its own P10, and only the editor's tooltip
 * said why. */
static void
test_value_outside_range (void)
{
  CplWindow *window = cpl_test_open_window (app, "scenarios", NULL, -1, -1);
  CplScenariosView *view = CPL_SCENARIOS_VIEW (cpl_test_find_widget (GTK_WIDGET (window), CPL_TYPE_SCENARIOS_VIEW));
  CplScenarioResults *results = cpl_scenarios_view_get_results (view);
  CplEntity *h200 = cpl_dataset_lookup (cpl_application_get_dataset (app), CPL_TYPE_SCENARIO, "h200-share-25");
  g_autofree char *warning = NULL;

  select_id (view, "h200-share-25");
  wait_for_run (results);
  g_assert_null (cpl_scenario_results_get_ranges_warning (results));
  g_assert_true (cpl_entity_set_number (h200, CPL_SCENARIO_DEMAND_GROWTH, 0, NULL));
  wait_for_run (results);
  warning = cpl_test_plain_text (cpl_scenario_results_get_ranges_warning (results));
  g_assert_cmpstr (warning, ==, "Demand growth is 0% a year, outside its range 10%–60% a year: the key figures use "
                                "0% a year, their P10–P90 ranges are drawn from 10%–60% a year");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  wait_for_run (results);
  g_assert_null (cpl_scenario_results_get_ranges_warning (results));
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_copy_not_projected (void)
{
  CplWindow *window;
  CplScenariosView *view = open_view (&window);
  CplScenarioResults *results = cpl_scenarios_view_get_results (view);
  CplScenario *original, *copy;
  CplScenarioAnalysis *analysis;

  select_id (view, "two-years");
  original = cpl_scenarios_view_get_selected (view);
  cpl_test_iterate_for (100);
  g_assert_cmpstr (gtk_label_get_text (cpl_scenario_results_get_table_cell (results, 0, 6)), ==, "$362,667");

  gtk_widget_activate_action (GTK_WIDGET (view), "scenarios.duplicate", NULL);
  copy = cpl_scenarios_view_get_selected (view);
  g_assert_true (copy != original);
  cpl_test_iterate_for (100);
  cpl_deferred_update_flush (GTK_WIDGET (results));
  g_assert_cmpuint (cpl_projection_get_debug_count (copy), ==, 0);
  g_assert_cmpstr (gtk_label_get_text (cpl_scenario_results_get_table_cell (results, 0, 6)), ==, "$362,667");

  analysis = cpl_scenario_results_get_analysis (results);
  g_assert_true (cpl_scenario_analysis_seek (analysis, "revenue_share", CPL_TOTAL_GOVERNMENT_TAKE, "0.0015"));
  g_assert_true (cpl_scenario_analysis_apply_seek (analysis));
  g_assert_cmpfloat_with_epsilon (cpl_scenario_get (copy, CPL_SCENARIO_REVENUE_SHARE), 1500000 / (308160000. / 51), 1e-7);
  g_assert_cmpfloat (cpl_scenario_get (original, CPL_SCENARIO_REVENUE_SHARE), ==, .2);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  g_assert_cmpfloat (cpl_scenario_get (copy, CPL_SCENARIO_REVENUE_SHARE), ==, .2);

  /* the apply and its undo changed the copy: back at its original's
   * inputs, it still shows them; its own edit projects it once */
  cpl_deferred_update_flush (GTK_WIDGET (results));
  g_assert_cmpstr (gtk_label_get_text (cpl_scenario_results_get_table_cell (results, 0, 6)), ==, "$362,667");
  {
    guint before = cpl_projection_get_debug_count (copy);

    g_assert_true (cpl_entity_set_number (CPL_ENTITY (copy), CPL_SCENARIO_REVENUE_SHARE, .25, NULL));
    cpl_deferred_update_flush (GTK_WIDGET (results));
    g_assert_cmpuint (cpl_projection_get_debug_count (copy), ==, before + 1);
  }
  g_assert_cmpstr (gtk_label_get_text (cpl_scenario_results_get_table_cell (results, 0, 6)), ==, "$453,333");
  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  int status;

  app = cpl_test_ui_init (&argc, &argv);
  cpl_projection_count_calls ();
  g_test_add_func ("/scenarios-view/edit-share", test_edit_share);
  g_test_add_func ("/scenarios-view/tick-hint", test_tick_hint);
  g_test_add_func ("/scenarios-view/other-scenario-from-top", test_other_scenario_from_top);
  g_test_add_func ("/scenarios-view/editor-width", test_editor_width);
  g_test_add_func ("/scenarios-view/narrow-nothing-to-compare", test_narrow_nothing_to_compare);
  g_test_add_func ("/scenarios-view/share-note", test_share_note);
  g_test_add_func ("/scenarios-view/total-units", test_total_units);
  g_test_add_func ("/scenarios-view/share-note-uncosted", test_share_note_uncosted);
  g_test_add_func ("/scenarios-view/count-units", test_count_units);
  g_test_add_func ("/scenarios-view/duplicate-delete-move", test_duplicate_delete_move);
  g_test_add_func ("/scenarios-view/duplicate-editor", test_duplicate_editor);
  g_test_add_func ("/scenarios-view/undo", test_undo);
  g_test_add_func ("/scenarios-view/range-editor", test_range_editor);
  g_test_add_func ("/scenarios-view/message-by-row", test_message_by_row);
  g_test_add_func ("/scenarios-view/focus-hint", test_focus_hint);
  g_test_add_func ("/scenarios-view/narrow-ranged-title", test_narrow_ranged_title);
  g_test_add_func ("/scenarios-view/share-drag", test_share_drag);
  g_test_add_func ("/scenarios-view/nothing-sold", test_nothing_sold);
  g_test_add_func ("/scenarios-view/goal-seek", test_goal_seek);
  g_test_add_func ("/scenarios-view/uncertainty-bands", test_uncertainty_bands);
  g_test_add_func ("/scenarios-view/uncertainty-cancel", test_uncertainty_cancel);
  g_test_add_func ("/scenarios-view/close-stops-runs", test_close_stops_runs);
  g_test_add_func ("/scenarios-view/uncertainty-kept", test_uncertainty_kept);
  g_test_add_func ("/scenarios-view/comparison-bands", test_comparison_bands);
  g_test_add_func ("/scenarios-view/use-rules", test_use_rules);
  g_test_add_func ("/scenarios-view/delete-undo-toast", test_delete_undo_toast);
  g_test_add_func ("/scenarios-view/coalesced", test_coalesced);
  g_test_add_func ("/scenarios-view/comparison", test_comparison);
  g_test_add_func ("/scenarios-view/narrow-navigation", test_narrow_navigation);
  g_test_add_func ("/scenarios-view/dim-text", test_dim_text);
  g_test_add_func ("/scenarios-view/year-column-stays", test_year_column_stays);
  g_test_add_func ("/scenarios-view/check-names", test_check_names);
  g_test_add_func ("/scenarios-view/many-rows", test_many_rows);
  g_test_add_func ("/scenarios-view/row-layout", test_row_layout);
  g_test_add_func ("/scenarios-view/chip-chooser", test_chip_chooser);
  g_test_add_func ("/scenarios-view/comparison-rows", test_comparison_rows);
  g_test_add_func ("/scenarios-view/comparison-narrow", test_comparison_narrow);
  g_test_add_func ("/scenarios-view/comparison-five-fit", test_comparison_five_fit);
  g_test_add_func ("/scenarios-view/comparison-two-wide", test_comparison_two_wide);
  g_test_add_func ("/scenarios-view/tornado-full-width", test_tornado_full_width);
  g_test_add_func ("/scenarios-view/comparison-summary-room", test_comparison_summary_room);
  g_test_add_func ("/scenarios-view/comparison-summary-phone", test_comparison_summary_phone);
  g_test_add_func ("/scenarios-view/results-units-whole", test_results_units_whole);
  g_test_add_func ("/scenarios-view/results-first", test_results_first);
  g_test_add_func ("/scenarios-view/export-report", test_export_report);
  g_test_add_func ("/scenarios-view/export-buttons", test_export_buttons);
  g_test_add_func ("/scenarios-view/table-in-place", test_table_in_place);
  g_test_add_func ("/scenarios-view/below-after-first-frame", test_below_after_first_frame);
  g_test_add_func ("/scenarios-view/first-frame-filled", test_first_frame_filled);
  g_test_add_func ("/scenarios-view/charts-unchanged", test_charts_unchanged);
  g_test_add_func ("/scenarios-view/one-projection", test_one_projection);
  g_test_add_func ("/scenarios-view/copy-not-projected", test_copy_not_projected);
  g_test_add_func ("/scenarios-view/notes", test_notes);
  g_test_add_func ("/scenarios-view/notes-caveat", test_notes_caveat);
  g_test_add_func ("/scenarios-view/value-outside-range", test_value_outside_range);
  g_test_add_func ("/scenarios-view/range-form-on-demand", test_range_form_on_demand);
  status = g_test_run ();
  g_clear_object (&app);
  return status;
}
