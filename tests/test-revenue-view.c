/* test-revenue-view.c: the Revenue Share view, under Xvfb with
 * G_DEBUG=fatal-criticals, in English (en_US.UTF-8) */
#include "config.h"

#include <string.h>

#include "cpl-application.h"
#include "cpl-test-ui.h"
#include "cpl-window.h"
#include "views/revenue/cpl-revenue-view.h"

static CplApplication *app;

static CplRevenueView *
open_view (CplWindow **window_out)
{
  CplWindow *window = cpl_test_open_window (app, "revenue", NULL, -1, -1);

  *window_out = window;
  return CPL_REVENUE_VIEW (cpl_test_find_widget (GTK_WIDGET (window), CPL_TYPE_REVENUE_VIEW));
}

/* Types @text into the input of @key, as a user would. */
static void
type_into (CplRevenueView *view,
           const char     *key,
           const char     *text)
{
  CplNumberRow *row = cpl_revenue_view_get_input (view, key);

  g_assert_nonnull (row);
  gtk_editable_set_text (GTK_EDITABLE (row), text);
}

static void
test_h200_case (void)
{
  CplWindow *window;
  CplRevenueView *view = open_view (&window);
  CplDataset *dataset = cpl_application_get_dataset (app);
  guint n_cases = g_list_model_get_n_items (cpl_dataset_get_revenue_cases (dataset));
  CplRevenueCase *rc = cpl_revenue_view_add_case (view);

  g_assert_cmpuint (g_list_model_get_n_items (cpl_dataset_get_revenue_cases (dataset)), ==, n_cases + 1);
  g_assert_true (cpl_revenue_view_get_selected (view) == rc);

  type_into (view, "units", "1,000,000");
  type_into (view, "price_usd", "27,000");
  type_into (view, "revenue_share", "25");
  type_into (view, "unit_cost_usd", "6,500");
  type_into (view, "compare_share", "15");
  cpl_test_wait_for_draw (GTK_WIDGET (window));

  /* the inputs reached the dataset */
  g_assert_cmpfloat (cpl_revenue_case_get (rc, CPL_REVENUE_CASE_UNITS), ==, 1e6);
  g_assert_cmpfloat (cpl_revenue_case_get (rc, CPL_REVENUE_CASE_REVENUE_SHARE), ==, 0.25);

  /* G = 0.25 × 1,000,000 × 27,000 = 6.75 × 10⁹ */
  g_assert_cmpstr (cpl_revenue_view_get_output (view, "government_take", "this"), ==, "$6.75 B");
  /* s* = (27,000 − 6,500) / 27,000 = 0.75926 → 75.9% */
  g_assert_cmpstr (cpl_revenue_view_get_output (view, "break_even_share", "this"), ==, "75.9%");
  /* at 15%: 0.15 × 27 × 10⁹ = 4.05 × 10⁹; the difference 2.70 × 10⁹ */
  g_assert_cmpstr (cpl_revenue_view_get_output (view, "government_take", "comparison"), ==, "$4.05 B");
  g_assert_cmpstr (cpl_revenue_view_get_output (view, "government_take", "difference"), ==, "$2.70 B");
  /* the ban column: nothing shipped */
  g_assert_cmpstr (cpl_revenue_view_get_output (view, "gross_revenue", "ban"), ==, "$0");
  /* vendor profit: 27 × 10⁹ × 0.75 − 6,500 × 10⁶ = 20.25 − 6.5 = $13.75 B */
  g_assert_cmpstr (cpl_revenue_view_get_output (view, "vendor_gross_profit", "this"), ==, "$13.8 B");

  /* approval 0 is a ban: zero revenue */
  type_into (view, "license_approval_rate", "0");
  g_assert_cmpstr (cpl_revenue_view_get_output (view, "gross_revenue", "this"), ==, "$0");
  g_assert_cmpstr (cpl_revenue_view_get_output (view, "government_take", "this"), ==, "$0");
  type_into (view, "license_approval_rate", "100");
  g_assert_cmpstr (cpl_revenue_view_get_output (view, "government_take", "this"), ==, "$6.75 B");

  /* invalid input: a message, and no output changes */
  type_into (view, "units", "-5");
  g_assert_nonnull (strstr (cpl_revenue_view_get_messages (view),
                            "Units: -5 units is out of range; enter 0 units or more"));
  g_assert_cmpfloat (cpl_revenue_case_get (rc, CPL_REVENUE_CASE_UNITS), ==, 1e6);
  g_assert_cmpstr (cpl_revenue_view_get_output (view, "government_take", "this"), ==, "$6.75 B");
  type_into (view, "revenue_share", "130");
  g_assert_nonnull (strstr (cpl_revenue_view_get_messages (view), "Share rate: 130% is out of range; enter 0% to 100%"));
  g_assert_cmpfloat (cpl_revenue_case_get (rc, CPL_REVENUE_CASE_REVENUE_SHARE), ==, 0.25);
  g_assert_cmpstr (cpl_revenue_view_get_output (view, "government_take", "this"), ==, "$6.75 B");
  type_into (view, "units", "lots");
  g_assert_nonnull (strstr (cpl_revenue_view_get_messages (view), "Units: “lots” is not a number"));
  /* the unit agrees with the number (ngettext): one unit, 1,000,000 units */
  type_into (view, "units", "1");
  g_assert_cmpstr (cpl_number_row_get_unit (cpl_revenue_view_get_input (view, "units")), ==, "unit");
  /* mended: the messages go */
  type_into (view, "units", "1000000");
  g_assert_cmpstr (cpl_number_row_get_unit (cpl_revenue_view_get_input (view, "units")), ==, "units");
  type_into (view, "revenue_share", "25");
  g_assert_cmpstr (cpl_revenue_view_get_messages (view), ==, "");

  cpl_dataset_remove (dataset, CPL_ENTITY (rc));
  gtk_window_destroy (GTK_WINDOW (window));
}

/* The sale lines of the dataset, their totals, and the list's actions. */
static void
test_all_cases (void)
{
  CplWindow *window;
  CplRevenueView *view = open_view (&window);
  CplDataset *dataset = cpl_application_get_dataset (app);
  GListModel *cases = cpl_dataset_get_revenue_cases (dataset);
  guint n = g_list_model_get_n_items (cases);
  CplRevenueCase *h200 = CPL_REVENUE_CASE (cpl_dataset_lookup (dataset, CPL_TYPE_REVENUE_CASE, "h200-share-25"));
  CplRevenueCase *copy;

  /* built-in totals: H20 1,000,000 × $12,000 × 15% = $1.8 B; MI308X
   * 125,000 × $12,000 × 15% = $0.225 B; H200 $6.75 B; take $8.775 B */
  g_assert_cmpstr (cpl_revenue_view_get_total (view, "take"), ==, "$8.78 B");
  /* gross 12 + 1.5 + 27 = $40.5 B; vendor net 40.5 − 8.775 = $31.7 B */
  g_assert_cmpstr (cpl_revenue_view_get_total (view, "gross"), ==, "$40.5 B");
  g_assert_cmpstr (cpl_revenue_view_get_total (view, "net"), ==, "$31.7 B");

  /* duplicate: a copy with its own id; the totals count it */
  cpl_revenue_view_select (view, h200);
  gtk_widget_activate_action (GTK_WIDGET (view), "revenue.duplicate", NULL);
  g_assert_cmpuint (g_list_model_get_n_items (cases), ==, n + 1);
  copy = cpl_revenue_view_get_selected (view);
  g_assert_true (copy != h200);
  g_assert_cmpstr (cpl_entity_get_id (CPL_ENTITY (copy)), ==, "h200-share-25-2");
  g_assert_cmpstr (cpl_entity_get_name (CPL_ENTITY (copy)), ==, "NVIDIA H200 at a 25% revenue share (copy)");
  /* $8.775 B + $6.75 B = $15.525 B */
  g_assert_cmpstr (cpl_revenue_view_get_total (view, "take"), ==, "$15.5 B");

  /* rename through the Name row: the dataset entry is renamed */
  gtk_editable_set_text (GTK_EDITABLE (cpl_test_find_widget (GTK_WIDGET (view), ADW_TYPE_ENTRY_ROW)), "H200, second wave");
  g_assert_cmpstr (cpl_entity_get_name (CPL_ENTITY (copy)), ==, "H200, second wave");

  /* delete: gone, totals back */
  gtk_widget_activate_action (GTK_WIDGET (view), "revenue.delete", NULL);
  g_assert_cmpuint (g_list_model_get_n_items (cases), ==, n);
  g_assert_null (cpl_dataset_lookup (dataset, CPL_TYPE_REVENUE_CASE, "h200-share-25-2"));
  g_assert_cmpstr (cpl_revenue_view_get_total (view, "take"), ==, "$8.78 B");

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_dark_and_narrow (void)
{
  CplWindow *window;

  /* sized before it is shown, in dark mode */
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_FORCE_DARK);
  window = cpl_test_open_window (app, "revenue", NULL, 360, 640);
  g_assert_nonnull (cpl_test_find_widget (GTK_WIDGET (window), CPL_TYPE_REVENUE_VIEW));
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_DEFAULT);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* Ctrl+Z restores the selected line in place: the view keeps the very
 * line selected and shows the old value; a deleted line comes back as the
 * same object, where it was. */
static void
test_undo_keeps_selection (void)
{
  CplWindow *window;
  CplRevenueView *view = open_view (&window);
  CplDataset *dataset = cpl_application_get_dataset (app);
  GListModel *cases = cpl_dataset_get_revenue_cases (dataset);
  guint n_cases = g_list_model_get_n_items (cases);
  g_autoptr(CplRevenueCase) first = g_list_model_get_item (cases, 0);
  g_autoptr(CplRevenueCase) second = g_list_model_get_item (cases, 1);
  double share;
  guint position;

  cpl_revenue_view_select (view, first);
  share = cpl_revenue_case_get (first, CPL_REVENUE_CASE_REVENUE_SHARE);
  /* the built-in first line, the H20 at 15%: 30% is an edit */
  g_assert_cmpstr (cpl_entity_get_id (CPL_ENTITY (first)), ==, "h20-share-15");
  g_assert_cmpfloat (share, ==, 0.15);
  type_into (view, "revenue_share", "30");
  g_assert_cmpfloat (cpl_revenue_case_get (first, CPL_REVENUE_CASE_REVENUE_SHARE), ==, 0.3);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  g_assert_cmpfloat (cpl_revenue_case_get (first, CPL_REVENUE_CASE_REVENUE_SHARE), ==, share);
  g_assert_true (cpl_revenue_view_get_selected (view) == first);
  g_assert_true (g_list_store_find (G_LIST_STORE (cases), first, &position));
  g_assert_cmpuint (position, ==, 0);

  /* delete the first line: its neighbour is selected; undo: the same
   * object is back at position 0, and the neighbour stays selected */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "revenue.delete", NULL));
  g_assert_cmpuint (g_list_model_get_n_items (cases), ==, n_cases - 1);
  g_assert_true (cpl_revenue_view_get_selected (view) == second);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  g_assert_cmpuint (g_list_model_get_n_items (cases), ==, n_cases);
  g_assert_true (g_list_store_find (G_LIST_STORE (cases), first, &position));
  g_assert_cmpuint (position, ==, 0);
  g_assert_true (cpl_revenue_view_get_selected (view) == second);

  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  int status;

  app = cpl_test_ui_init (&argc, &argv);
  g_test_add_func ("/revenue-view/h200-case", test_h200_case);
  g_test_add_func ("/revenue-view/all-cases", test_all_cases);
  g_test_add_func ("/revenue-view/dark-and-narrow", test_dark_and_narrow);
  g_test_add_func ("/revenue-view/undo-keeps-selection", test_undo_keeps_selection);
  status = g_test_run ();
  g_clear_object (&app);
  return status;
}
