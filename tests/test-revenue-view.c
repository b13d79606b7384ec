/* test-revenue-view.c: the Revenue Share view, under Xvfb with
 * G_DEBUG=fatal-criticals, in English (en_US.UTF-8) */
#include "config.h"

#include <string.h>

#include "cpl-application.h"
#include "cpl-test-ui.h"
#include "cpl-window.h"
#include "views/cpl-check-list.h"
#include "views/cpl-view-util.h"
#include "views/revenue/cpl-revenue-view.h"
#include "widgets/cpl-chart-private.h"
#include "widgets/cpl-chart-view.h"
#include "widgets/cpl-line-chart.h"

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

/* The selected line's notes as shown, or NULL. */
static const char *
notes_text (CplRevenueView *view)
{
  return cpl_notes_group_get_text (cpl_revenue_view_get_notes (view));
}

/* Another sale line's calculator starts at its top, its headline in
 * sight (on a phone a sale line opened at its vendor and chip); the line
 * edited keeps its place. */
static void
test_other_line_from_top (void)
{
  CplWindow *window;
  CplRevenueView *view = open_view (&window);
  CplDataset *dataset = cpl_application_get_dataset (app);
  GtkWidget *units = GTK_WIDGET (cpl_revenue_view_get_input (view, "units"));
  GtkAdjustment *scroll = gtk_scrolled_window_get_vadjustment (
    GTK_SCROLLED_WINDOW (gtk_widget_get_ancestor (units, GTK_TYPE_SCROLLED_WINDOW)));

  cpl_revenue_view_select (view, CPL_REVENUE_CASE (cpl_dataset_lookup (dataset, CPL_TYPE_REVENUE_CASE, "h20-share-15")));
  cpl_test_wait_for_draw (GTK_WIDGET (window));
  g_assert_cmpfloat (gtk_adjustment_get_upper (scroll) - gtk_adjustment_get_page_size (scroll), >, 200);
  gtk_adjustment_set_value (scroll, 200);
  type_into (view, "units", "2000000");
  cpl_test_wait_for_draw (GTK_WIDGET (window));
  g_assert_cmpfloat (gtk_adjustment_get_value (scroll), ==, 200);
  type_into (view, "units", "1000000");
  cpl_revenue_view_select (view, CPL_REVENUE_CASE (cpl_dataset_lookup (dataset, CPL_TYPE_REVENUE_CASE,
                                                                       "h200-share-25")));
  g_assert_cmpfloat (gtk_adjustment_get_value (scroll), ==, 0);
  /* its charts' exports name the sale line under their titles (an
   * exported "Where the Revenue Goes" named none) */
  cpl_test_wait_for_draw (GTK_WIDGET (window));
  {
    g_autoptr(GPtrArray) charts = g_ptr_array_new ();

    cpl_test_collect_widgets (GTK_WIDGET (view), CPL_TYPE_CHART_VIEW, charts);
    g_assert_cmpuint (charts->len, ==, 2);
    for (guint i = 0; i < charts->len; i++)
      g_assert_cmpstr (cpl_chart_get_subject (cpl_chart_view_get_chart (charts->pdata[i])), ==,
                       "NVIDIA H200 at a 25% revenue share");
  }
  gtk_window_destroy (GTK_WINDOW (window));
}

/* Whether the line chart of the view (the profit and take at every share
 * rate) has an entry labelled @label in its legend. */
/* Whether @chart's legend has an item @label. */
static gboolean
chart_has_legend (CplChart   *chart,
                  const char *label)
{
  g_autoptr(GArray) items = cpl_chart_build_legend (chart);
  gboolean found = FALSE;

  for (guint j = 0; j < items->len; j++)
    found |= g_strcmp0 (g_array_index (items, CplChartLegendItem, j).label, label) == 0;
  return found;
}

static gboolean
rate_chart_has_legend (CplRevenueView *view,
                       const char     *label)
{
  g_autoptr(GPtrArray) views = g_ptr_array_new ();
  gboolean found = FALSE;
  guint n_line_charts = 0;

  cpl_test_collect_widgets (GTK_WIDGET (view), CPL_TYPE_CHART_VIEW, views);
  for (guint i = 0; i < views->len; i++)
    {
      CplChart *chart = cpl_chart_view_get_chart (views->pdata[i]);

      if (!CPL_IS_LINE_CHART (chart))
        continue;
      n_line_charts++;
      found |= chart_has_legend (chart, label);
    }
  g_assert_cmpuint (n_line_charts, ==, 1);
  return found;
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
  /* a new line has no notes */
  g_assert_null (notes_text (view));

  type_into (view, "units", "1,000,000");
  type_into (view, "price_usd", "27,000");
  type_into (view, "revenue_share", "25");
  type_into (view, "unit_cost_usd", "6,500");
  type_into (view, "compare_share", "15");
  cpl_test_wait_for_draw (GTK_WIDGET (window));

  /* the inputs reached the dataset */
  g_assert_cmpfloat (cpl_revenue_case_get (rc, CPL_REVENUE_CASE_UNITS), ==, 1e6);
  g_assert_cmpfloat (cpl_revenue_case_get (rc, CPL_REVENUE_CASE_REVENUE_SHARE), ==, 0.25);

  /* the price is the price of one unit, and the table says so */
  g_assert_cmpuint (cpl_test_n_mapped_labels (GTK_WIDGET (view), "Buyer price per unit"), ==, 1);
  /* G = 0.25 × 1,000,000 × 27,000 = 6.75 × 10⁹ */
  g_assert_cmpstr (cpl_revenue_view_get_output (view, "government_take", "this"), ==, "$6.75 B");
  /* s* = (27,000 − 6,500) / 27,000 = 0.75926 → 75.9% */
  g_assert_cmpstr (cpl_revenue_view_get_output (view, "break_even_share", "this"), ==, "75.9%");
  /* at 15%: 0.15 × 27 × 10⁹ = 4.05 × 10⁹; the difference +2.70 × 10⁹,
   * signed as a difference */
  g_assert_cmpstr (cpl_revenue_view_get_output (view, "government_take", "comparison"), ==, "$4.05 B");
  g_assert_cmpstr (cpl_revenue_view_get_output (view, "government_take", "difference"), ==, "+$2.70 B");
  /* its heading says which way: 25% (this line) − 15% */
  g_assert_cmpstr (cpl_revenue_view_get_case_title (view, "difference"), ==, "Difference\n25% − 15%");
  g_assert_cmpstr (cpl_revenue_view_get_case_title (view, "this"), ==, "At 25%");
  /* the share rate set to the comparison rate: nothing to compare, one
   * "At 15%" column and no "15% − 15%" of zeros; then back to 25% */
  type_into (view, "revenue_share", "15");
  cpl_test_wait_for_draw (GTK_WIDGET (window));
  g_assert_cmpuint (cpl_test_n_mapped_labels (GTK_WIDGET (view), "At 15%"), ==, 1);
  g_assert_cmpuint (cpl_test_n_mapped_labels (GTK_WIDGET (view), "Difference\n15% − 15%"), ==, 0);
  type_into (view, "revenue_share", "25");
  cpl_test_wait_for_draw (GTK_WIDGET (window));
  g_assert_cmpuint (cpl_test_n_mapped_labels (GTK_WIDGET (view), "At 15%"), ==, 1);
  g_assert_cmpuint (cpl_test_n_mapped_labels (GTK_WIDGET (view), "Difference\n25% − 15%"), ==, 1);
  /* the margin after the share, P / R: (27,000 × 0.75 − 6,500) / 27,000
   * = 50.9% at 25%, (27,000 × 0.85 − 6,500) / 27,000 = 60.9% at 15%: a
   * difference of −10.0 percentage points, not "−10.0%"; the break-even
   * rate is the same at both (75.9%): 0.0 pp, unsigned; the units the
   * same: 0; the vendor keeps 20.25 − 22.95 = −$2.70 B */
  g_assert_cmpstr (cpl_revenue_view_get_output (view, "margin_after_share", "difference"), ==, "−10.0 pp");
  g_assert_cmpstr (cpl_revenue_view_get_output (view, "break_even_share", "difference"), ==, "0.0 pp");
  g_assert_cmpstr (cpl_revenue_view_get_output (view, "units_shipped", "difference"), ==, "0");
  g_assert_cmpstr (cpl_revenue_view_get_output (view, "vendor_net_revenue", "difference"), ==, "−$2.70 B");
  /* the ban column: nothing shipped */
  g_assert_cmpstr (cpl_revenue_view_get_output (view, "gross_revenue", "ban"), ==, "$0");
  /* vendor profit: 27 × 10⁹ × 0.75 − 6,500 × 10⁶ = 20.25 − 6.5 = $13.75 B */
  g_assert_cmpstr (cpl_revenue_view_get_output (view, "vendor_gross_profit", "this"), ==, "$13.8 B");
  /* past the break-even of 75.9% the vendor sells at a loss: the rate
   * chart shades it, and says so in its legend */
  g_assert_true (rate_chart_has_legend (view, "Vendor sells at a loss"));
  /* at a unit cost above the price, $30,000, it loses at every rate:
   * (27,000 − 30,000) / 27,000 < 0, clamped to 0 (MODEL.md §3), where it
   * still loses: there is no break-even ("None", not "0.0%") and the whole
   * chart is shaded; with no cost there is no break-even, no loss */
  type_into (view, "unit_cost_usd", "30,000");
  g_assert_cmpstr (cpl_revenue_view_get_output (view, "break_even_share", "this"), ==, "None");
  g_assert_true (rate_chart_has_legend (view, "Vendor sells at a loss"));
  type_into (view, "unit_cost_usd", "");
  g_assert_false (rate_chart_has_legend (view, "Vendor sells at a loss"));
  type_into (view, "unit_cost_usd", "6,500");

  /* approval 0 is a ban: zero revenue */
  type_into (view, "license_approval_rate", "0");
  g_assert_cmpstr (cpl_revenue_view_get_output (view, "gross_revenue", "this"), ==, "$0");
  g_assert_cmpstr (cpl_revenue_view_get_output (view, "government_take", "this"), ==, "$0");
  type_into (view, "license_approval_rate", "100");
  g_assert_cmpstr (cpl_revenue_view_get_output (view, "government_take", "this"), ==, "$6.75 B");

  /* invalid input: a message, and no output changes */
  type_into (view, "units", "-5");
  g_assert_nonnull (strstr (cpl_revenue_view_get_messages (view),
                            "Units: \u22125 units is out of range; enter 0 units or more"));
  g_assert_cmpfloat (cpl_revenue_case_get (rc, CPL_REVENUE_CASE_UNITS), ==, 1e6);
  g_assert_cmpstr (cpl_revenue_view_get_output (view, "government_take", "this"), ==, "$6.75 B");
  type_into (view, "revenue_share", "130");
  g_assert_nonnull (strstr (cpl_revenue_view_get_messages (view), "Share rate: 130% is out of range; enter 0% to 100%"));
  g_assert_cmpfloat (cpl_revenue_case_get (rc, CPL_REVENUE_CASE_REVENUE_SHARE), ==, 0.25);
  g_assert_cmpstr (cpl_revenue_view_get_output (view, "government_take", "this"), ==, "$6.75 B");
  type_into (view, "units", "lots");
  g_assert_nonnull (strstr (cpl_revenue_view_get_messages (view), "Units: “lots” is not a number"));
  /* and by the answer, which still shows the values last accepted: both
   * fields named (units "lots", share "130"), with the values the figures
   * use, 1,000,000 units and 0.25 */
  g_assert_cmpstr (cpl_revenue_view_get_stale_note (view), ==,
                   "These figures use the last values accepted for “Units” (1,000,000 units) and “Share rate” "
                   "(25%); what is typed there now is not used.");
  /* the unit agrees with the number (ngettext): one unit, 1,000,000 units */
  type_into (view, "units", "1");
  g_assert_cmpstr (cpl_number_row_get_unit (cpl_revenue_view_get_input (view, "units")), ==, "unit");
  /* mended: the messages go */
  type_into (view, "units", "1000000");
  g_assert_cmpstr (cpl_number_row_get_unit (cpl_revenue_view_get_input (view, "units")), ==, "units");
  type_into (view, "revenue_share", "25");
  g_assert_cmpstr (cpl_revenue_view_get_messages (view), ==, "");
  g_assert_null (cpl_revenue_view_get_stale_note (view));

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

  /* the ticked lines by default: the H20 and the MI308X at 15% (one
   * deal); take 1,000,000 × $12,000 × 15% = $1.8 B plus 125,000 ×
   * $12,000 × 15% = $0.225 B = $2.025 B, three figures rounded half up
   * as a reader rounds it: $2.03 B (2.025 is 2.0249999… in binary, which
   * printf alone rounds to $2.02 B) */
  g_assert_cmpstr (cpl_revenue_view_get_total (view, "take"), ==, "$2.03 B");
  /* gross 12 + 1.5 = $13.5 B; vendor net 13.5 − 2.025 = $11.475 B */
  g_assert_cmpstr (cpl_revenue_view_get_total (view, "gross"), ==, "$13.5 B");
  g_assert_cmpstr (cpl_revenue_view_get_total (view, "net"), ==, "$11.5 B");

  /* duplicate: a copy with its own id, unticked (an alternative to its
   * original, not an addition): the totals stay */
  /* the line's notes, where its figures come from, at the end of the page */
  cpl_revenue_view_select (view, h200);
  g_assert_nonnull (strstr (notes_text (view), "(total orders were reported above two million)"));
  gtk_widget_activate_action (GTK_WIDGET (view), "revenue.duplicate", NULL);
  g_assert_cmpuint (g_list_model_get_n_items (cases), ==, n + 1);
  copy = cpl_revenue_view_get_selected (view);
  g_assert_true (copy != h200);
  g_assert_cmpstr (cpl_entity_get_id (CPL_ENTITY (copy)), ==, "h200-share-25-2");
  g_assert_cmpstr (cpl_entity_get_name (CPL_ENTITY (copy)), ==, "NVIDIA H200 at a 25% revenue share (copy)");
  g_assert_false (gtk_check_button_get_active (cpl_revenue_view_get_tick (view, copy)));
  g_assert_cmpstr (cpl_revenue_view_get_total (view, "take"), ==, "$2.03 B");
  /* ticked: $2.025 B + 0.25 × 1,000,000 × $27,000 = $2.025 B + $6.75 B
   * = $8.775 B, half up: $8.78 B */
  gtk_check_button_set_active (cpl_revenue_view_get_tick (view, copy), TRUE);
  g_assert_cmpstr (cpl_revenue_view_get_total (view, "take"), ==, "$8.78 B");

  /* rename through the Name row: the dataset entry is renamed */
  {
    g_autoptr(GPtrArray) rows = g_ptr_array_new ();
    GtkWidget *name = NULL;

    cpl_test_collect_widgets (GTK_WIDGET (view), ADW_TYPE_ENTRY_ROW, rows);
    for (guint i = 0; i < rows->len; i++)
      if (g_str_equal (adw_preferences_row_get_title (rows->pdata[i]), "Name"))
        name = rows->pdata[i];
    g_assert_nonnull (name);
    gtk_editable_set_text (GTK_EDITABLE (name), "H200, second wave");
  }
  g_assert_cmpstr (cpl_entity_get_name (CPL_ENTITY (copy)), ==, "H200, second wave");

  /* delete: gone, totals back */
  gtk_widget_activate_action (GTK_WIDGET (view), "revenue.delete", NULL);
  g_assert_cmpuint (g_list_model_get_n_items (cases), ==, n);
  g_assert_null (cpl_dataset_lookup (dataset, CPL_TYPE_REVENUE_CASE, "h200-share-25-2"));
  g_assert_cmpstr (cpl_revenue_view_get_total (view, "take"), ==, "$2.03 B");

  gtk_window_destroy (GTK_WINDOW (window));
}

/* Under a ban nothing is sold: no buyer price, margin or break-even, and
 * the table says why. */
static void
test_ban_column (void)
{
  CplWindow *window;
  CplRevenueView *view = open_view (&window);
  CplDataset *dataset = cpl_application_get_dataset (app);
  CplRevenueCase *h200 = CPL_REVENUE_CASE (cpl_dataset_lookup (dataset, CPL_TYPE_REVENUE_CASE, "h200-share-25"));

  cpl_revenue_view_select (view, h200);
  /* the built-in H200 line sells at its list price, $27,000, with no
   * pass-through; s* = (27,000 − 6,500) / 27,000 = 0.75926 → 75.9% */
  g_assert_cmpstr (cpl_revenue_view_get_output (view, "buyer_price", "this"), ==, "$27,000");
  g_assert_cmpstr (cpl_revenue_view_get_output (view, "break_even_share", "this"), ==, "75.9%");
  /* the Ban column: no price, no margin, no break-even; nothing shipped,
   * no revenue */
  g_assert_cmpstr (cpl_revenue_view_get_output (view, "buyer_price", "ban"), ==, "—");
  g_assert_cmpstr (cpl_revenue_view_get_output (view, "break_even_share", "ban"), ==, "—");
  g_assert_cmpstr (cpl_revenue_view_get_output (view, "margin_after_share", "ban"), ==, "—");
  g_assert_cmpstr (cpl_revenue_view_get_output (view, "units_shipped", "ban"), ==, "0");
  g_assert_cmpstr (cpl_revenue_view_get_output (view, "gross_revenue", "ban"), ==, "$0");
  g_assert_cmpstr (cpl_revenue_view_get_output (view, "government_take", "ban"), ==, "$0");
  g_assert_cmpstr (cpl_revenue_view_get_output (view, "vendor_net_revenue", "ban"), ==, "$0");
  /* the key figures above the table: G = 0.25 × 1,000,000 × $27,000 */
  g_assert_cmpstr (cpl_revenue_view_get_key_figure (view, "government_take"), ==, "$6.75 B");
  g_assert_cmpstr (cpl_revenue_view_get_key_figure (view, "break_even_share"), ==, "75.9%");

  /* an approval rate of 0 is a ban too, in every column */
  type_into (view, "license_approval_rate", "0");
  g_assert_cmpstr (cpl_revenue_view_get_output (view, "buyer_price", "this"), ==, "—");
  g_assert_cmpstr (cpl_revenue_view_get_output (view, "break_even_share", "comparison"), ==, "—");
  g_assert_cmpstr (cpl_revenue_view_get_output (view, "buyer_price", "difference"), ==, "—");
  g_assert_cmpstr (cpl_revenue_view_get_key_figure (view, "break_even_share"), ==, "—");
  g_assert_cmpstr (cpl_revenue_view_get_key_figure (view, "government_take"), ==, "$0");
  g_assert_cmpstr (cpl_revenue_view_get_summary (view), ==,
                   "With no licence approved nothing is sold: the US government takes nothing "
                   "and the vendor earns nothing from this line.");
  type_into (view, "license_approval_rate", "100");
  g_assert_cmpstr (cpl_revenue_view_get_output (view, "buyer_price", "this"), ==, "$27,000");
  g_assert_cmpfloat (cpl_revenue_case_get (h200, CPL_REVENUE_CASE_LICENSE_APPROVAL_RATE), ==, 1);

  /* past the 75.9% break-even, at 80%: the vendor keeps 0.2 × $27 B =
   * $5.4 B against a cost of 1,000,000 × $6,500 = $6.5 B, a loss of
   * $1.10 B, and the take 0.8 × $27 B = $21.6 B counts sales no vendor
   * would make: the sentence says so */
  type_into (view, "revenue_share", "80");
  g_assert_cmpstr (cpl_revenue_view_get_summary (view), ==,
                   "At this rate the vendor loses $1.10\u00a0B on the line: above a 75.9% share selling does not pay, "
                   "so the $21.6\u00a0B take counts sales a vendor would not make.");
  type_into (view, "revenue_share", "25");
  /* at 25%, below the break-even: the take is 0.25 × $27 B = $6.75 B,
   * the vendor keeps $27 B − $6.75 B = $20.25 B (its rounding aside),
   * and above 75.9% selling would not pay; each amount is kept with its
   * unit (a no-break space: "102 亿美元" broke after the number) */
  g_assert_true (g_str_has_prefix (cpl_revenue_view_get_summary (view),
                                   "The US government takes $6.75\u00a0B and the vendor keeps $20."));
  g_assert_true (g_str_has_suffix (cpl_revenue_view_get_summary (view),
                                   "\u00a0B; selling is unprofitable for the vendor above a 75.9% share."));

  /* full pass-through: the buyer pays p ÷ (1 − 1 × 0.25) = $36,000, the
   * take is 0.25 × 1,000,000 × $36,000 = $9.00 B, the vendor keeps
   * $27.0 B whatever the rate, and s* = (27,000 − 6,500) / (27,000 −
   * 1 × 6,500) = 1: the sentence says the profit does not move (it read
   * "selling stops paying for the vendor above a 100.0% share") */
  type_into (view, "price_pass_through", "100");
  g_assert_cmpstr (cpl_revenue_view_get_summary (view), ==,
                   "The US government takes $9.00\u00a0B and the vendor keeps $27.0\u00a0B: with full pass-through the "
                   "buyer pays the share, so the vendor's profit is the same at every rate (the units stay as "
                   "typed: the calculator does not cut them for the higher price).");
  /* and the break-even figure agrees: none, not "100.0%" beside that
   * sentence; the table's cell says the same, and no difference is
   * taken from it */
  g_assert_cmpstr (cpl_revenue_view_get_key_figure (view, "break_even_share"), ==, "None");
  g_assert_cmpstr (cpl_revenue_view_get_output (view, "break_even_share", "this"), ==, "None");
  /* ... and a share of 100% passed on in full has no buyer price, p ÷
   * (1 − 1 × 1), and a file that says so does not load (MODEL.md §3): the
   * row refuses it and says why, the line keeps 25% and its figures (it
   * took it, showed the last figures beside "pass-through 1 × share 1 is
   * not below 1", and the draft it saved could not be restored) */
  type_into (view, "revenue_share", "100");
  g_assert_cmpfloat (cpl_revenue_case_get (h200, CPL_REVENUE_CASE_REVENUE_SHARE), ==, 0.25);
  g_assert_cmpstr (cpl_revenue_view_get_messages (view), ==,
                   "Share rate: a 100% share passed on in full would make the buyer price infinite; enter less "
                   "than 100% or lower the price pass-through");
  g_assert_cmpstr (cpl_revenue_view_get_key_figure (view, "government_take"), ==, "$9.00 B");
  type_into (view, "revenue_share", "25");
  g_assert_cmpstr (cpl_revenue_view_get_messages (view), ==, "");
  /* the other way round: at 100%, a pass-through of 100% is refused */
  type_into (view, "price_pass_through", "0");
  type_into (view, "revenue_share", "100");
  type_into (view, "price_pass_through", "100");
  g_assert_cmpfloat (cpl_revenue_case_get (h200, CPL_REVENUE_CASE_PRICE_PASS_THROUGH), ==, 0);
  g_assert_cmpstr (cpl_revenue_view_get_messages (view), ==,
                   "Price pass-through: all of a 100% share passed on would make the buyer price infinite; enter "
                   "less than 100%");
  type_into (view, "price_pass_through", "0");
  type_into (view, "revenue_share", "25");
  type_into (view, "price_pass_through", "0");
  /* back at no pass-through: 75.9% again */
  g_assert_cmpstr (cpl_revenue_view_get_key_figure (view, "break_even_share"), ==, "75.9%");

  /* a unit cost of $30,000 above the $27,000 price: the vendor keeps
   * 0.75 × $27 B = $20.25 B against 1,000,000 × $30,000 = $30 B, a loss
   * of $9.75 B at 25%, and a loss at any rate (s* = (27,000 − 30,000) /
   * 27,000 < 0, clamped to 0 by MODEL.md §3): the sentence blames the
   * cost, not "above a 0.0% share"; the take is 0.25 × $27 B = $6.75 B.
   * The break-even is none, in the tile and the table alike (they said
   * "0.0%", a rate at which the vendor still loses $3 B) */
  type_into (view, "unit_cost_usd", "30000");
  g_assert_cmpstr (cpl_revenue_view_get_summary (view), ==,
                   "The vendor loses $9.75\u00a0B on the line: its unit cost is above its price, so selling does not "
                   "pay at any share rate, and the $6.75\u00a0B take counts sales a vendor would not make.");
  g_assert_cmpstr (cpl_revenue_view_get_key_figure (view, "break_even_share"), ==, "None");
  g_assert_cmpstr (cpl_revenue_view_get_output (view, "break_even_share", "this"), ==, "None");
  type_into (view, "unit_cost_usd", "6500");

  gtk_window_destroy (GTK_WINDOW (window));
}

/* The totals add up the ticked lines only, and say which. */
static void
test_ticked_totals (void)
{
  CplWindow *window;
  CplRevenueView *view = open_view (&window);
  CplDataset *dataset = cpl_application_get_dataset (app);
  CplRevenueCase *h20 = CPL_REVENUE_CASE (cpl_dataset_lookup (dataset, CPL_TYPE_REVENUE_CASE, "h20-share-15"));
  CplRevenueCase *mi308 = CPL_REVENUE_CASE (cpl_dataset_lookup (dataset, CPL_TYPE_REVENUE_CASE, "mi308-share-15"));
  CplRevenueCase *h200 = CPL_REVENUE_CASE (cpl_dataset_lookup (dataset, CPL_TYPE_REVENUE_CASE, "h200-share-25"));
  CplRevenueCase *added;
  g_autofree char *mismatch = NULL;

  /* by default the first line and the others at its 15% rate */
  g_assert_true (gtk_check_button_get_active (cpl_revenue_view_get_tick (view, h20)));
  g_assert_true (gtk_check_button_get_active (cpl_revenue_view_get_tick (view, mi308)));
  g_assert_false (gtk_check_button_get_active (cpl_revenue_view_get_tick (view, h200)));
  g_assert_cmpstr (cpl_revenue_view_get_total (view, "lines"), ==,
                   "Total of 2 ticked sale lines: NVIDIA H20 at a 15% revenue share, "
                   "AMD MI308X at a 15% revenue share.");
  /* its tick box's accessible name (NULL: the property has that value) */
  mismatch = gtk_test_accessible_check_property (GTK_ACCESSIBLE (cpl_revenue_view_get_tick (view, h200)),
                                                 GTK_ACCESSIBLE_PROPERTY_LABEL,
                                                 "Include NVIDIA H200 at a 25% revenue share in the total");
  g_assert_null (mismatch);

  /* the H20 and the H200 deals instead: gross 1,000,000 × $12,000 +
   * 1,000,000 × $27,000 = $39 B; take $1.8 B + $6.75 B = $8.55 B */
  gtk_check_button_set_active (cpl_revenue_view_get_tick (view, mi308), FALSE);
  gtk_check_button_set_active (cpl_revenue_view_get_tick (view, h200), TRUE);
  g_assert_cmpstr (cpl_revenue_view_get_total (view, "gross"), ==, "$39.0 B");
  g_assert_cmpstr (cpl_revenue_view_get_total (view, "take"), ==, "$8.55 B");

  /* the H200 alone: one line (the singular); take $6.75 B, gross $27 B */
  gtk_check_button_set_active (cpl_revenue_view_get_tick (view, h20), FALSE);
  g_assert_cmpstr (cpl_revenue_view_get_total (view, "lines"), ==,
                   "Total of 1 ticked sale line: NVIDIA H200 at a 25% revenue share.");
  g_assert_cmpstr (cpl_revenue_view_get_total (view, "take"), ==, "$6.75 B");
  g_assert_cmpstr (cpl_revenue_view_get_total (view, "gross"), ==, "$27.0 B");

  /* a new line starts unticked while another is ticked: the totals stay */
  added = cpl_revenue_view_add_case (view);
  type_into (view, "units", "1000");
  type_into (view, "price_usd", "10000");
  type_into (view, "revenue_share", "10");
  g_assert_false (gtk_check_button_get_active (cpl_revenue_view_get_tick (view, added)));
  g_assert_cmpstr (cpl_revenue_view_get_total (view, "take"), ==, "$6.75 B");
  /* ticked: 0.1 × 1,000 × $10,000 = $1 M more: $6.751 B, still $6.75 B;
   * the gross 27 + 0.01 = $27.01 B, still $27.0 B; the sentence names it */
  gtk_check_button_set_active (cpl_revenue_view_get_tick (view, added), TRUE);
  g_assert_cmpstr (cpl_revenue_view_get_total (view, "lines"), ==,
                   "Total of 2 ticked sale lines: NVIDIA H200 at a 25% revenue share, New sale line.");
  cpl_dataset_remove (dataset, CPL_ENTITY (added));

  /* none ticked: nothing to add, and how to add a line */
  gtk_check_button_set_active (cpl_revenue_view_get_tick (view, h200), FALSE);
  g_assert_cmpstr (cpl_revenue_view_get_total (view, "take"), ==, "$0");
  g_assert_cmpstr (cpl_revenue_view_get_total (view, "gross"), ==, "$0");
  g_assert_cmpstr (cpl_revenue_view_get_total (view, "lines"), ==,
                   "No sale line is ticked: tick the box beside a sale line to add it to the totals.");

  gtk_window_destroy (GTK_WINDOW (window));
}

/* At 360 × 640 the leaflet folds: activating a line (a tap, or Enter on
 * the focused row) opens its page; Back returns to the list. */
static void
test_narrow_navigation (void)
{
  CplWindow *window = cpl_test_open_window (app, "revenue", NULL, 360, 640);
  CplRevenueView *view = CPL_REVENUE_VIEW (cpl_test_find_widget (GTK_WIDGET (window), CPL_TYPE_REVENUE_VIEW));
  CplDataset *dataset = cpl_application_get_dataset (app);
  AdwLeaflet *leaflet = ADW_LEAFLET (cpl_test_find_widget (GTK_WIDGET (view), ADW_TYPE_LEAFLET));
  GtkWidget *list = cpl_test_find_styled (GTK_WIDGET (view), GTK_TYPE_GRID_VIEW, "navigation-sidebar");
  CplRevenueCase *h200 = CPL_REVENUE_CASE (cpl_dataset_lookup (dataset, CPL_TYPE_REVENUE_CASE, "h200-share-25"));
  CplRevenueCase *added;

  g_assert_true (adw_leaflet_get_folded (leaflet));
  g_assert_cmpstr (cpl_revenue_view_get_visible_page (view), ==, "lines");

  /* the third built-in line is the H200 at 25%: Enter on its row (the
   * list's "activate-item") */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (list), "list.activate-item", "u", 2));
  cpl_test_wait_for_draw (GTK_WIDGET (window));
  g_assert_true (cpl_revenue_view_get_selected (view) == h200);
  g_assert_cmpstr (cpl_revenue_view_get_visible_page (view), ==, "line");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "revenue.back", NULL));
  cpl_test_wait_for_draw (GTK_WIDGET (window));
  g_assert_cmpstr (cpl_revenue_view_get_visible_page (view), ==, "lines");
  g_assert_true (cpl_revenue_view_get_selected (view) == h200);
  /* back on the list, the line just seen still looks selected: the
   * header's Duplicate and Delete act on it (its background, in the
   * row's padding, against none for another line) */
  g_assert_cmpuint (cpl_test_edge_alpha (gtk_widget_get_parent (cpl_check_list_find_row (list, h200))), >, 0);
  g_assert_cmpuint (cpl_test_edge_alpha (gtk_widget_get_parent (
                      cpl_check_list_find_row (list, cpl_dataset_lookup (dataset, CPL_TYPE_REVENUE_CASE, "h20-share-15")))), ==, 0);

  /* a new line opens on its page, to be filled in */
  added = cpl_revenue_view_add_case (view);
  g_assert_cmpstr (cpl_revenue_view_get_visible_page (view), ==, "line");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "revenue.back", NULL));
  g_assert_cmpstr (cpl_revenue_view_get_visible_page (view), ==, "lines");
  cpl_dataset_remove (dataset, CPL_ENTITY (added));

  gtk_window_destroy (GTK_WINDOW (window));
}

/* On a phone the line's page scrolls under Back: once the line's title
 * is out of sight its name shows beside Back, and goes when the title
 * comes back; beside the list (not folded) there is no Back row. */
static void
test_narrow_header (void)
{
  CplWindow *window = cpl_test_open_window (app, "revenue", NULL, 360, 640);
  CplRevenueView *view = CPL_REVENUE_VIEW (cpl_test_find_widget (GTK_WIDGET (window), CPL_TYPE_REVENUE_VIEW));
  GtkWidget *list = cpl_test_find_styled (GTK_WIDGET (view), GTK_TYPE_GRID_VIEW, "navigation-sidebar");
  AdwLeaflet *leaflet = ADW_LEAFLET (cpl_test_find_widget (GTK_WIDGET (view), ADW_TYPE_LEAFLET));
  GtkScrolledWindow *scroller = GTK_SCROLLED_WINDOW (gtk_widget_get_template_child (GTK_WIDGET (view), CPL_TYPE_REVENUE_VIEW,
                                                                                    "calc_scroller"));
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (scroller);

  /* the H200 at 25%, the third built-in line */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (list), "list.activate-item", "u", 2));
  cpl_test_wait_for_draw (GTK_WIDGET (window));
  g_assert_cmpstr (cpl_revenue_view_get_visible_page (view), ==, "line");
  /* at the top the title itself is in sight */
  g_assert_cmpfloat (gtk_adjustment_get_value (adjustment), ==, 0);
  g_assert_null (cpl_revenue_view_get_header_title (view));

  /* the page is taller than a phone: scrolled to its end */
  g_assert_cmpfloat (gtk_adjustment_get_upper (adjustment), >, 2 * gtk_adjustment_get_page_size (adjustment));
  gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment));
  cpl_test_wait_for_draw (GTK_WIDGET (window));
  g_assert_cmpstr (cpl_revenue_view_get_header_title (view), ==, "NVIDIA H200 at a 25% revenue share");
  /* with a line under the row while the page is scrolled (style.css) */
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (scroller), "scrolls-under"));

  gtk_adjustment_set_value (adjustment, 0);
  cpl_test_wait_for_draw (GTK_WIDGET (window));
  g_assert_null (cpl_revenue_view_get_header_title (view));

  /* wide: the list beside the page, no Back and no header */
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  cpl_test_wait_for_draw (GTK_WIDGET (window));
  g_assert_false (adw_leaflet_get_folded (leaflet));
  gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment));
  cpl_test_wait_for_draw (GTK_WIDGET (window));
  g_assert_cmpfloat (gtk_adjustment_get_value (adjustment), >, 0);
  g_assert_null (cpl_revenue_view_get_header_title (view));

  gtk_window_destroy (GTK_WINDOW (window));
}

static gboolean
is_label_reading (GtkWidget     *widget,
                  gconstpointer  text)
{
  return GTK_IS_LABEL (widget) && g_str_equal (gtk_label_get_text (GTK_LABEL (widget)), text);
}

static gboolean
is_button_labelled (GtkWidget     *widget,
                    gconstpointer  data)
{
  return GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), data) == 0;
}

/* On a phone the share's presets stand under their title, the slider and
 * the rates the row's width: beside them "Presets" broke into "Pre-sets"
 * in some 30 px, its line a word a line, the slider 50 px wide.  Their
 * line keeps its dates whole (a no-break space in "August 2025"). */
static void
test_narrow_presets (void)
{
  CplWindow *window = cpl_test_open_window (app, "revenue", NULL, 360, 640);
  CplRevenueView *view = CPL_REVENUE_VIEW (cpl_test_find_widget (GTK_WIDGET (window), CPL_TYPE_REVENUE_VIEW));
  GtkWidget *list = cpl_test_find_styled (GTK_WIDGET (view), GTK_TYPE_GRID_VIEW, "navigation-sidebar");
  GtkWidget *title, *subtitle, *scale;
  int natural;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (list), "list.activate-item", "u", 2));
  cpl_test_wait_for_draw (GTK_WIDGET (window));
  title = cpl_test_find_matching (GTK_WIDGET (view), is_label_reading, "Presets");
  subtitle = cpl_test_find_matching (GTK_WIDGET (view), is_label_reading,
                                     "Drag the share rate, or pick a rate the US has set: 15% (August\u00a02025) or 25% "
                                     "(December\u00a02025)");
  scale = cpl_test_find_widget (GTK_WIDGET (view), GTK_TYPE_SCALE);
  g_assert_nonnull (title);
  g_assert_nonnull (subtitle);
  g_assert_nonnull (scale);

  /* the title as wide as its one line, or wider */
  gtk_widget_measure (title, GTK_ORIENTATION_HORIZONTAL, -1, NULL, &natural, NULL, NULL);
  g_assert_cmpint (gtk_widget_get_width (title), >=, natural);
  /* its line and the controls take the row's width: 360 less the page's
   * and the row's margins is more than 250 px */
  g_assert_cmpint (gtk_widget_get_width (subtitle), >, 250);
  g_assert_cmpint (gtk_widget_get_width (gtk_widget_get_parent (scale)), >, 250);
  /* the slider under the title, not beside it */
  {
    graphene_point_t below;

    g_assert_true (gtk_widget_compute_point (scale, title, &GRAPHENE_POINT_INIT (0, 0), &below));
    g_assert_cmpfloat (below.y, >=, gtk_widget_get_height (title));
  }
  /* the slider itself the row's width, the presets under it: beside
   * them it was some 90 px for 0–100%, its marks under the knob */
  {
    GtkWidget *preset = cpl_test_find_matching (GTK_WIDGET (view), is_button_labelled, "25%");
    graphene_point_t at;

    g_assert_nonnull (preset);
    g_assert_cmpint (gtk_widget_get_width (scale), >, 250);
    g_assert_true (gtk_widget_compute_point (preset, scale, &GRAPHENE_POINT_INIT (0, 0), &at));
    g_assert_cmpfloat (at.y, >=, gtk_widget_get_height (scale));

    /* a wide window: beside the slider again, on its line */
    gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
    cpl_test_wait_for_draw (GTK_WIDGET (window));
    g_assert_true (gtk_widget_compute_point (preset, scale, &GRAPHENE_POINT_INIT (0, 0), &at));
    g_assert_cmpfloat (at.x, >=, gtk_widget_get_width (scale));
    g_assert_cmpfloat (at.y, <, gtk_widget_get_height (scale));
  }

  gtk_window_destroy (GTK_WINDOW (window));
}

/* The table of the cases fits a phone: at 360 px this rate and the
 * comparison stand above the difference and the ban, each pair under the
 * row titles, so nothing scrolls sideways; at 1280 px the four stand side
 * by side, once.  The H20 line (the first built-in one): 1,000,000 units
 * at $12,000 = $12.0 B gross; the take at 15% is $1.80 B, at 25% $3.00 B,
 * a difference of −$1.20 B; under the ban, $0. */
static void
test_narrow_table (void)
{
  const int widths[] = { 360, 1280 };

  for (guint w = 0; w < G_N_ELEMENTS (widths); w++)
    {
      CplWindow *window = cpl_test_open_window (app, "revenue", NULL, widths[w], 800);
      CplRevenueView *view = CPL_REVENUE_VIEW (cpl_test_find_widget (GTK_WIDGET (window), CPL_TYPE_REVENUE_VIEW));
      GtkWidget *list = cpl_test_find_styled (GTK_WIDGET (view), GTK_TYPE_GRID_VIEW,
                                              "navigation-sidebar");
      GtkWidget *squeezer = cpl_test_find_widget (GTK_WIDGET (view), ADW_TYPE_SQUEEZER);
      GtkScrolledWindow *scroller = GTK_SCROLLED_WINDOW (gtk_widget_get_ancestor (squeezer, GTK_TYPE_SCROLLED_WINDOW));
      GtkAdjustment *sideways = gtk_scrolled_window_get_hadjustment (scroller);
      GtkWidget *shown;

      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (list), "list.activate-item", "u", 0));
      cpl_test_wait_for_draw (GTK_WIDGET (window));
      g_assert_cmpstr (cpl_revenue_view_get_output (view, "government_take", "difference"), ==, "−$1.20 B");
      shown = adw_squeezer_get_visible_child (ADW_SQUEEZER (squeezer));
      if (widths[w] == 360)
        {
          /* two tables, the second with the difference and the ban */
          g_assert_true (GTK_IS_BOX (shown));
          /* the H20's line at 15%, compared at 25% */
          g_assert_cmpuint (cpl_test_n_mapped_labels (shown, "Difference\n15% − 25%"), ==, 1);
          g_assert_cmpuint (cpl_test_n_mapped_labels (shown, "Ban"), ==, 1);
          g_assert_cmpuint (cpl_test_n_mapped_labels (shown, "US government take"), ==, 2);
        }
      else
        {
          g_assert_true (GTK_IS_GRID (shown));
          g_assert_cmpuint (cpl_test_n_mapped_labels (shown, "US government take"), ==, 1);
        }
      g_assert_cmpuint (cpl_test_n_mapped_labels (shown, "$1.80 B"), ==, 1);
      g_assert_cmpuint (cpl_test_n_mapped_labels (shown, "$3.00 B"), ==, 1);
      g_assert_cmpuint (cpl_test_n_mapped_labels (shown, "−$1.20 B"), ==, 1);
      /* nothing beyond the card's width */
      g_assert_cmpfloat (gtk_adjustment_get_upper (sideways), <=, gtk_adjustment_get_page_size (sideways));
      gtk_window_destroy (GTK_WINDOW (window));
    }
}

/* At 1280 × 800 the answer comes first: the sentence and the key figures
 * are on screen without scrolling, above the table and the inputs. */
static void
test_answer_first (void)
{
  CplWindow *window = cpl_test_open_window (app, "revenue", NULL, 1280, 800);
  CplRevenueView *view = CPL_REVENUE_VIEW (cpl_test_find_widget (GTK_WIDGET (window), CPL_TYPE_REVENUE_VIEW));
  GtkWidget *figures = cpl_test_find_widget (GTK_WIDGET (view), GTK_TYPE_FLOW_BOX);
  GtkWidget *inputs = cpl_test_find_widget (GTK_WIDGET (view), ADW_TYPE_PREFERENCES_GROUP);
  graphene_rect_t figures_box, inputs_box;

  g_assert_true (gtk_widget_compute_bounds (figures, GTK_WIDGET (window), &figures_box));
  g_assert_true (gtk_widget_compute_bounds (inputs, GTK_WIDGET (window), &inputs_box));
  g_assert_cmpfloat (figures_box.size.height, >, 0);
  g_assert_cmpfloat (figures_box.origin.y + figures_box.size.height, <=, 800);
  /* the first input group comes after the answer */
  g_assert_cmpfloat (inputs_box.origin.y, >, figures_box.origin.y + figures_box.size.height);
  /* and it is the share rate's, in view with the figures it changes
   * (it was below the table and both charts, some 1,500 px down) */
  {
    GtkWidget *share = GTK_WIDGET (cpl_revenue_view_get_input (view, "revenue_share"));
    graphene_rect_t share_box;

    g_assert_true (gtk_widget_is_ancestor (share, inputs));
    g_assert_true (gtk_widget_compute_bounds (share, GTK_WIDGET (window), &share_box));
    g_assert_cmpfloat (share_box.origin.y + share_box.size.height, <=, 800);
  }
  /* what is sold and its cost come next, before the cases table and the
   * charts (they were below both charts, three screens down) */
  {
    GtkWidget *units = GTK_WIDGET (cpl_revenue_view_get_input (view, "units"));
    GtkWidget *cost = GTK_WIDGET (cpl_revenue_view_get_input (view, "unit_cost_usd"));
    GtkWidget *chart = cpl_test_find_widget (GTK_WIDGET (view), CPL_TYPE_CHART_VIEW);
    GtkWidget *table = gtk_widget_get_ancestor (GTK_WIDGET (cpl_test_find_widget (GTK_WIDGET (view), ADW_TYPE_SQUEEZER)),
                                                GTK_TYPE_FRAME);
    graphene_rect_t units_box, cost_box, chart_box, table_box;

    g_assert_true (gtk_widget_compute_bounds (units, GTK_WIDGET (window), &units_box));
    g_assert_true (gtk_widget_compute_bounds (cost, GTK_WIDGET (window), &cost_box));
    g_assert_true (gtk_widget_compute_bounds (chart, GTK_WIDGET (window), &chart_box));
    g_assert_true (gtk_widget_compute_bounds (table, GTK_WIDGET (window), &table_box));
    g_assert_cmpfloat (units_box.origin.y, >, inputs_box.origin.y);
    g_assert_cmpfloat (cost_box.origin.y + cost_box.size.height, <, table_box.origin.y);
    g_assert_cmpfloat (cost_box.origin.y + cost_box.size.height, <, chart_box.origin.y);
  }

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

/* A name that gives another rate than the line's says so under the
 * heading, with a button that puts the line's rate in the name: the
 * built-in "NVIDIA H20 at a 15% revenue share" at 70% read 15% in its
 * heading over a table "At 70%".  Renaming is one step, undone by
 * Ctrl+Z; at its own rate the line says nothing. */
static void
test_name_rate (void)
{
  CplWindow *window;
  CplRevenueView *view = open_view (&window);
  CplDataset *dataset = cpl_application_get_dataset (app);
  CplRevenueCase *h20 = CPL_REVENUE_CASE (cpl_dataset_lookup (dataset, CPL_TYPE_REVENUE_CASE, "h20-share-15"));
  GtkWidget *button;

  cpl_revenue_view_select (view, h20);
  g_assert_null (cpl_revenue_view_get_name_hint (view));
  type_into (view, "revenue_share", "70");
  g_assert_cmpstr (cpl_revenue_view_get_name_hint (view), ==, "The name says 15%; the share rate is 70%.");
  button = cpl_test_find_matching (GTK_WIDGET (view), is_button_labelled, "Put 70% in the Name");
  g_assert_nonnull (button);
  g_signal_emit_by_name (button, "clicked");
  g_assert_cmpstr (cpl_entity_get_name (CPL_ENTITY (h20)), ==, "NVIDIA H20 at a 70% revenue share");
  g_assert_null (cpl_revenue_view_get_name_hint (view));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  g_assert_cmpstr (cpl_entity_get_name (CPL_ENTITY (h20)), ==, "NVIDIA H20 at a 15% revenue share");
  type_into (view, "revenue_share", "15");
  g_assert_null (cpl_revenue_view_get_name_hint (view));
  gtk_window_destroy (GTK_WINDOW (window));
}

/* A sale line's notes, written in the dialog of the Notes group's Edit
 * button: they are the line's, saved with it, one edit that Ctrl+Z
 * undoes; another line shows its own, and a dialog saved after another
 * line was picked writes the line it was opened on. */
static void
test_notes_edit (void)
{
  CplWindow *window;
  CplRevenueView *view = open_view (&window);
  CplDataset *dataset = cpl_application_get_dataset (app);
  CplRevenueCase *h20 = CPL_REVENUE_CASE (cpl_dataset_lookup (dataset, CPL_TYPE_REVENUE_CASE, "h20-share-15"));
  g_autoptr(JsonObject) saved = NULL;
  CplRevenueCase *rc;
  GtkWidget *dialog;
  GtkTextBuffer *buffer;

  cpl_revenue_view_select (view, h20);
  g_assert_true (g_str_has_prefix (notes_text (view), "One million units at US$12,000"));
  /* the dialog starts from them, as written */
  dialog = cpl_notes_group_edit (cpl_revenue_view_get_notes (view));
  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (cpl_test_find_widget (dialog, GTK_TYPE_TEXT_VIEW)));
  {
    GtkTextIter start, end;
    g_autofree char *text = NULL;

    gtk_text_buffer_get_bounds (buffer, &start, &end);
    text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
    g_assert_cmpstr (text, ==, cpl_text_get (cpl_entity_get_notes (CPL_ENTITY (h20))));
  }
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "cancel");

  rc = cpl_revenue_view_add_case (view);
  g_assert_null (notes_text (view));
  dialog = cpl_notes_group_edit (cpl_revenue_view_get_notes (view));
  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (cpl_test_find_widget (dialog, GTK_TYPE_TEXT_VIEW)));
  gtk_text_buffer_set_text (buffer, "Units from our survey of twelve buyers", -1);
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "save");
  g_assert_cmpstr (cpl_text_get (cpl_entity_get_notes (CPL_ENTITY (rc))), ==, "Units from our survey of twelve buyers");
  g_assert_cmpstr (notes_text (view), ==, "Units from our survey of twelve buyers");
  saved = cpl_entity_to_json (CPL_ENTITY (rc));
  g_assert_cmpstr (json_object_get_string_member (saved, "notes"), ==, "Units from our survey of twelve buyers");

  /* undone: no notes */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  g_assert_null (cpl_entity_get_notes (CPL_ENTITY (rc)));
  g_assert_null (notes_text (view));

  /* another line: its own */
  cpl_revenue_view_select (view, h20);
  g_assert_true (g_str_has_prefix (notes_text (view), "One million units at US$12,000"));

  /* the dialog writes the notes of the line it was opened on, though
   * another is shown when it is saved; the other keeps its own */
  dialog = cpl_notes_group_edit (cpl_revenue_view_get_notes (view));
  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (cpl_test_find_widget (dialog, GTK_TYPE_TEXT_VIEW)));
  gtk_text_buffer_set_text (buffer, "H20 units: our estimate", -1);
  cpl_revenue_view_select (view, rc);
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "save");
  g_assert_cmpstr (cpl_text_get (cpl_entity_get_notes (CPL_ENTITY (h20))), ==, "H20 units: our estimate");
  g_assert_null (cpl_entity_get_notes (CPL_ENTITY (rc)));
  g_assert_null (notes_text (view));
  gtk_window_destroy (GTK_WINDOW (window));
}

/* A sale line's built-in notes describe its built-in figures: the H200
 * line ships at US$27,000 a unit, US$6,500 unit cost, on the H200 SXM
 * (data/builtin-dataset.json).  Typed at 30,000, its cost cleared and
 * put on the B200, the notes say so, in the fields' order then the chip;
 * undone, nothing is said. */
static void
test_notes_caveat (void)
{
  CplWindow *window;
  CplRevenueView *view = open_view (&window);
  CplDataset *dataset = cpl_application_get_dataset (app);
  CplRevenueCase *h200 = CPL_REVENUE_CASE (cpl_dataset_lookup (dataset, CPL_TYPE_REVENUE_CASE, "h200-share-25"));
  GtkWidget *notes = cpl_revenue_view_get_notes (view);
  g_autofree char *caveat = NULL;

  cpl_revenue_view_select (view, h200);
  g_assert_nonnull (notes_text (view));
  g_assert_null (cpl_notes_group_get_caveat (notes));
  type_into (view, "price_usd", "30000");
  type_into (view, "unit_cost_usd", "");
  cpl_revenue_case_set_chip_id (h200, "nvidia-b200");
  caveat = cpl_test_plain_text (cpl_notes_group_get_caveat (notes));
  g_assert_cmpstr (caveat, ==, "These notes were written for the built-in figures. Changed since: "
                                    "Unit price: 27,000 USD → 30,000 USD; Unit cost: 6,500 USD → —; Chip.");
  for (guint i = 0; i < 3; i++)
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  g_assert_cmpfloat (cpl_revenue_case_get (h200, CPL_REVENUE_CASE_UNIT_COST_USD), ==, 6500);
  g_assert_null (cpl_notes_group_get_caveat (notes));
  gtk_window_destroy (GTK_WINDOW (window));
}

/* The wheel over the share-rate slider scrolls the page and leaves the
 * rate alone unless the slider has the keyboard: scrolling a phone's page
 * past it took the H20 line from 15% to 5%. */
static void
test_slider_wheel (void)
{
  CplWindow *window;
  CplRevenueView *view = open_view (&window);
  CplRevenueCase *h20 = CPL_REVENUE_CASE (cpl_dataset_lookup (cpl_application_get_dataset (app),
                                                              CPL_TYPE_REVENUE_CASE, "h20-share-15"));
  GtkWidget *scale;
  GtkAdjustment *page;
  g_autoptr(GListModel) controllers = NULL;
  GtkEventController *wheel = NULL;
  gboolean stopped = FALSE;

  gtk_window_set_default_size (GTK_WINDOW (window), 360, 640);
  cpl_revenue_view_select (view, h20);
  cpl_test_wait_for_draw (GTK_WIDGET (window));
  scale = cpl_test_find_widget (GTK_WIDGET (view), GTK_TYPE_SCALE);
  page = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (gtk_widget_get_ancestor (scale,
                                                                                         GTK_TYPE_SCROLLED_WINDOW)));
  controllers = gtk_widget_observe_controllers (scale);
  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_EVENT_CONTROLLER_SCROLL (controller) &&
          gtk_event_controller_get_propagation_phase (controller) == GTK_PHASE_CAPTURE)
        wheel = controller;
    }
  g_assert_nonnull (wheel);
  g_assert_cmpfloat (gtk_adjustment_get_value (page), ==, 0);
  g_signal_emit_by_name (wheel, "scroll", 0.0, 1.0, &stopped);
  g_assert_true (stopped);
  g_assert_cmpfloat (gtk_adjustment_get_value (page), >, 0);
  g_assert_cmpfloat (cpl_revenue_case_get (h20, CPL_REVENUE_CASE_REVENUE_SHARE), ==, 0.15);
  /* with the keyboard in it, the wheel is the slider's own */
  gtk_widget_grab_focus (scale);
  g_signal_emit_by_name (wheel, "scroll", 0.0, 1.0, &stopped);
  g_assert_false (stopped);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* Choosing a chip fills in its price and vendor, and the three are one
 * step to undo: the H20 line (NVIDIA's H20, US$12,000) put on the H200
 * SXM reads US$27,000; put on AMD's Instinct MI308X it reads AMD and
 * US$12,000; one Ctrl+Z gives the H200 SXM, NVIDIA and US$27,000 (it
 * went through AMD with the H200, then NVIDIA with the MI308X), a second
 * the line as it was. */
static void
test_chip_choice_undo (void)
{
  CplWindow *window;
  CplRevenueView *view = open_view (&window);
  CplDataset *dataset = cpl_application_get_dataset (app);
  CplRevenueCase *h20 = CPL_REVENUE_CASE (cpl_dataset_lookup (dataset, CPL_TYPE_REVENUE_CASE, "h20-share-15"));
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();
  AdwComboRow *chip_row = NULL;

  cpl_revenue_view_select (view, h20);
  cpl_test_collect_widgets (GTK_WIDGET (view), ADW_TYPE_COMBO_ROW, rows);
  for (guint i = 0; i < rows->len; i++)
    if (g_str_equal (adw_preferences_row_get_title (rows->pdata[i]), "Chip"))
      chip_row = rows->pdata[i];
  g_assert_nonnull (chip_row);

  /* the row's first item is "—", no chip */
  adw_combo_row_set_selected (chip_row, 1 + cpl_dataset_position (dataset, cpl_dataset_lookup (dataset, CPL_TYPE_CHIP,
                                                                                                "nvidia-h200")));
  g_assert_cmpfloat (cpl_revenue_case_get (h20, CPL_REVENUE_CASE_PRICE_USD), ==, 27000);
  /* the row's first item is "—", no chip */
  adw_combo_row_set_selected (chip_row, 1 + cpl_dataset_position (dataset, cpl_dataset_lookup (dataset, CPL_TYPE_CHIP,
                                                                                                "amd-mi308x")));
  g_assert_cmpstr (cpl_revenue_case_get_vendor_id (h20), ==, "amd");
  g_assert_cmpfloat (cpl_revenue_case_get (h20, CPL_REVENUE_CASE_PRICE_USD), ==, 12000);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  g_assert_cmpstr (cpl_revenue_case_get_chip_id (h20), ==, "nvidia-h200");
  g_assert_cmpstr (cpl_revenue_case_get_vendor_id (h20), ==, "nvidia");
  g_assert_cmpfloat (cpl_revenue_case_get (h20, CPL_REVENUE_CASE_PRICE_USD), ==, 27000);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  g_assert_cmpstr (cpl_revenue_case_get_chip_id (h20), ==, "nvidia-h20");
  g_assert_cmpstr (cpl_revenue_case_get_vendor_id (h20), ==, "nvidia");
  g_assert_cmpfloat (cpl_revenue_case_get (h20, CPL_REVENUE_CASE_PRICE_USD), ==, 12000);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* "Where the Revenue Goes" stacks cost, profit and take as tall as the
 * gross revenue.  The H20 line: 1,000,000 units at US$12,000, R = $12 B,
 * a 15% take G = $1.8 B, so N = $10.2 B.  At its US$4,500 cost: cost
 * $4.5 B + profit (10.2 − 4.5 =) $5.7 B + take $1.8 B = $12 B.  At a
 * US$15,000 cost the profit is 10.2 − 15 = −$4.8 B: the bar holds the
 * cost the revenue covers, N = $10.2 B, and the take above the axis
 * (10.2 + 1.8 = 12), the loss below; with the whole $15 B of cost above,
 * it rose to $16.8 B under a "$12.0 B" label.  That segment is then
 * named as the cost the sale covers. */
static void
test_split_bars (void)
{
  CplWindow *window;
  CplRevenueView *view = open_view (&window);
  CplRevenueCase *h20 = CPL_REVENUE_CASE (cpl_dataset_lookup (cpl_application_get_dataset (app),
                                                              CPL_TYPE_REVENUE_CASE, "h20-share-15"));
  CplBarChart *chart;

  cpl_revenue_view_select (view, h20);
  chart = cpl_revenue_view_get_split_chart (view);
  /* series: vendor cost, vendor gross profit, US government take */
  cpl_assert_near (cpl_bar_chart_get_value (chart, 0, 0), 4.5e9, 1e-9);
  cpl_assert_near (cpl_bar_chart_get_value (chart, 1, 0), 5.7e9, 1e-9);
  cpl_assert_near (cpl_bar_chart_get_value (chart, 2, 0), 1.8e9, 1e-9);
  g_assert_true (chart_has_legend (CPL_CHART (cpl_revenue_view_get_split_chart (view)), "Vendor cost"));
  type_into (view, "unit_cost_usd", "15000");
  /* named as what it is: the part of the cost the sale pays for */
  g_assert_true (chart_has_legend (CPL_CHART (cpl_revenue_view_get_split_chart (view)), "Vendor cost covered by the sale"));
  cpl_assert_near (cpl_bar_chart_get_value (chart, 0, 0), 10.2e9, 1e-9);
  cpl_assert_near (cpl_bar_chart_get_value (chart, 1, 0), -4.8e9, 1e-9);
  cpl_assert_near (cpl_bar_chart_get_value (chart, 2, 0), 1.8e9, 1e-9);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  gtk_window_destroy (GTK_WINDOW (window));
}

/* Ctrl+Z in the Name field undoes the document's last edit (the whole
 * rename), not a word of the field's own history, which made a new edit
 * of what was left. */
static void
test_name_undo_keys (void)
{
  CplWindow *window;
  CplRevenueView *view = open_view (&window);
  CplRevenueCase *h20 = CPL_REVENUE_CASE (cpl_dataset_lookup (cpl_application_get_dataset (app),
                                                              CPL_TYPE_REVENUE_CASE, "h20-share-15"));
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();
  GtkWidget *name = NULL;

  cpl_revenue_view_select (view, h20);
  cpl_test_collect_widgets (GTK_WIDGET (view), ADW_TYPE_ENTRY_ROW, rows);
  for (guint i = 0; i < rows->len; i++)
    if (g_str_equal (adw_preferences_row_get_title (rows->pdata[i]), "Name"))
      name = rows->pdata[i];
  g_assert_nonnull (name);
  g_assert_false (gtk_editable_get_enable_undo (GTK_EDITABLE (name)));
  gtk_editable_set_text (GTK_EDITABLE (name), "H20, the 2024 forecast");
  g_assert_cmpstr (cpl_entity_get_name (CPL_ENTITY (h20)), ==, "H20, the 2024 forecast");
  gtk_widget_grab_focus (name);
  g_assert_true (cpl_test_press_keys (GTK_WINDOW (window), "<Control>z"));
  g_assert_cmpstr (cpl_entity_get_name (CPL_ENTITY (h20)), ==, "NVIDIA H20 at a 15% revenue share");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (name)), ==, "NVIDIA H20 at a 15% revenue share");
  g_assert_true (cpl_test_press_keys (GTK_WINDOW (window), "<Control><Shift>z"));
  g_assert_cmpstr (cpl_entity_get_name (CPL_ENTITY (h20)), ==, "H20, the 2024 forecast");
  gtk_window_destroy (GTK_WINDOW (window));
}

/* A label under @root that reads @text and is mapped, or NULL. */
static gboolean
is_mapped_label (GtkWidget     *widget,
                 gconstpointer  text)
{
  return GTK_IS_LABEL (widget) && gtk_widget_get_mapped (widget) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), text) == 0;
}

/* Ctrl+Z in another view took a sale line back to 15% unseen: a toast
 * says what changed and where, with a button that shows it; in the view
 * that shows the change, nothing more is said. */
static void
test_undo_elsewhere_says_where (void)
{
  CplWindow *window;
  CplRevenueView *view = open_view (&window);
  CplRevenueCase *h20 = CPL_REVENUE_CASE (cpl_dataset_lookup (cpl_application_get_dataset (app),
                                                              CPL_TYPE_REVENUE_CASE, "h20-share-15"));
  const char *undid = "Undid a change to “NVIDIA H20 at a 15% revenue share” in Revenue Share";

  cpl_revenue_view_select (view, h20);
  type_into (view, "revenue_share", "25");
  cpl_window_set_visible_view (window, "chips");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  cpl_test_wait_for_draw (GTK_WIDGET (window));
  g_assert_cmpfloat (cpl_revenue_case_get (h20, CPL_REVENUE_CASE_REVENUE_SHARE), ==, 0.15);
  g_assert_nonnull (cpl_test_find_matching (GTK_WIDGET (window), is_mapped_label, undid));
  /* its button shows the view */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-view", "s", "revenue"));
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (ADW_VIEW_STACK (cpl_test_find_widget (GTK_WIDGET (window),
                                                                                             ADW_TYPE_VIEW_STACK))),
                   ==, "revenue");

  /* redone where it shows: no toast of it */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.redo", NULL));
  cpl_test_wait_for_draw (GTK_WIDGET (window));
  g_assert_cmpfloat (cpl_revenue_case_get (h20, CPL_REVENUE_CASE_REVENUE_SHARE), ==, 0.25);
  g_assert_null (cpl_test_find_matching (GTK_WIDGET (window), is_mapped_label,
                                         "Redid a change to “NVIDIA H20 at a 15% revenue share” in Revenue Share"));
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
  /* and with its tick: the H20 line is ticked by default (the first line) */
  g_assert_true (gtk_check_button_get_active (cpl_revenue_view_get_tick (view, first)));

  gtk_window_destroy (GTK_WINDOW (window));
}

/* On a phone a refused value's message, under its group's rows, is
 * scrolled into view with its row still in sight: it was below the fold,
 * the row only red.  The share rate's row put at the foot of the page,
 * 150 typed: its message ("Share rate: 150% is out of range; …") comes
 * up, inside the page, and so does the row. */
static void
test_narrow_message_in_view (void)
{
  CplWindow *window = cpl_test_open_window (app, "revenue", NULL, 360, 640);
  CplRevenueView *view = CPL_REVENUE_VIEW (cpl_test_find_widget (GTK_WIDGET (window), CPL_TYPE_REVENUE_VIEW));
  GtkWidget *list = cpl_test_find_styled (GTK_WIDGET (view), GTK_TYPE_GRID_VIEW, "navigation-sidebar");
  GtkWidget *scroller = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (view), CPL_TYPE_REVENUE_VIEW,
                                                                   "calc_scroller"));
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller));
  GtkWidget *share = GTK_WIDGET (cpl_revenue_view_get_input (view, "revenue_share"));
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();
  GtkWidget *message = NULL;
  graphene_rect_t row, shown;
  int page;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (list), "list.activate-item", "u", 2));
  cpl_test_wait_for_draw (GTK_WIDGET (window));
  page = gtk_widget_get_height (scroller);
  /* the row's foot 10 px above the page's */
  g_assert_true (gtk_widget_compute_bounds (share, scroller, &row));
  gtk_adjustment_set_value (adjustment, gtk_adjustment_get_value (adjustment) + row.origin.y + row.size.height + 10 - page);
  cpl_test_wait_for_draw (GTK_WIDGET (window));
  g_assert_true (gtk_widget_compute_bounds (share, scroller, &row));
  g_assert_cmpfloat (row.origin.y + row.size.height, <=, page);
  g_assert_cmpfloat (row.origin.y + row.size.height, >, page - 20);

  gtk_widget_grab_focus (share);
  type_into (view, "revenue_share", "150");
  for (guint i = 0; i < 4; i++)
    cpl_test_wait_for_draw (GTK_WIDGET (window));

  cpl_test_collect_widgets (GTK_WIDGET (view), GTK_TYPE_LABEL, labels);
  for (guint i = 0; i < labels->len; i++)
    if (gtk_widget_get_mapped (labels->pdata[i])
        && g_str_has_prefix (gtk_label_get_text (labels->pdata[i]), "Share rate: 150%"))
      message = labels->pdata[i];
  g_assert_nonnull (message);
  g_assert_true (gtk_widget_compute_bounds (message, scroller, &shown));
  g_test_message ("message %.0f–%.0f, row %.0f, page %d", shown.origin.y, shown.origin.y + shown.size.height,
                  row.origin.y, page);
  g_assert_cmpfloat (shown.origin.y + shown.size.height, <=, page);
  g_assert_true (gtk_widget_compute_bounds (share, scroller, &row));
  g_assert_cmpfloat (row.origin.y, >=, 0);

  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  int status;

  app = cpl_test_ui_init (&argc, &argv);
  g_test_add_func ("/revenue-view/h200-case", test_h200_case);
  g_test_add_func ("/revenue-view/other-line-from-top", test_other_line_from_top);
  g_test_add_func ("/revenue-view/all-cases", test_all_cases);
  g_test_add_func ("/revenue-view/ban-column", test_ban_column);
  g_test_add_func ("/revenue-view/ticked-totals", test_ticked_totals);
  g_test_add_func ("/revenue-view/narrow-navigation", test_narrow_navigation);
  g_test_add_func ("/revenue-view/narrow-header", test_narrow_header);
  g_test_add_func ("/revenue-view/narrow-presets", test_narrow_presets);
  g_test_add_func ("/revenue-view/narrow-message-in-view", test_narrow_message_in_view);
  g_test_add_func ("/revenue-view/answer-first", test_answer_first);
  g_test_add_func ("/revenue-view/narrow-table", test_narrow_table);
  g_test_add_func ("/revenue-view/dark-and-narrow", test_dark_and_narrow);
  g_test_add_func ("/revenue-view/undo-keeps-selection", test_undo_keeps_selection);
  g_test_add_func ("/revenue-view/undo-elsewhere-says-where", test_undo_elsewhere_says_where);
  g_test_add_func ("/revenue-view/name-rate", test_name_rate);
  g_test_add_func ("/revenue-view/notes-edit", test_notes_edit);
  g_test_add_func ("/revenue-view/notes-caveat", test_notes_caveat);
  g_test_add_func ("/revenue-view/slider-wheel", test_slider_wheel);
  g_test_add_func ("/revenue-view/chip-choice-undo", test_chip_choice_undo);
  g_test_add_func ("/revenue-view/split-bars", test_split_bars);
  g_test_add_func ("/revenue-view/name-undo-keys", test_name_undo_keys);
  status = g_test_run ();
  g_clear_object (&app);
  return status;
}
