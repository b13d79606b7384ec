/* test-table-csv.c: every table to CSV and to the clipboard.  The tables'
 * text comes from the model without widgets (read back through the CSV
 * reader to the numbers worked out by hand); then, under Xvfb, each
 * table's menu button has its accessible name and Copy puts the table on
 * the clipboard as tab-separated text.  In English (en_US.UTF-8). */
#include "config.h"

#include <string.h>

#include "cpl-test-ui.h"
#include "views/cpl-table-actions.h"
#include "views/revenue/cpl-revenue-view.h"
#include "views/scenarios/cpl-scenario-comparison.h"
#include "views/scenarios/cpl-scenario-results.h"
#include "views/scenarios/cpl-scenarios-view.h"

static CplApplication *app;

#define HOSTILE "=HYPERLINK(\\\"x\\\")"   /* as JSON text */
#define NEUTRALISED "'=HYPERLINK(\"x\")"

static const char dataset_json[] =
  "{ \"format\": \"chip-policy-lab\", \"version\": 1,"
  "  \"vendors\": [ { \"id\": \"va\", \"name\": \"Vendor A\", \"country\": \"US\" },"
  "                 { \"id\": \"vd\", \"name\": \"Domestic Vendor\", \"country\": \"CN\" } ],"
  "  \"chips\": [ { \"id\": \"chip-x\", \"name\": \"" HOSTILE "\", \"vendor\": \"va\", \"domestic\": false,"
  "                 \"datacenter\": true, \"tdp_w\": 500, \"price_usd\": 2000, \"performance\": { \"bf16\": 1000 } },"
  "               { \"id\": \"chip-d\", \"name\": \"D\", \"vendor\": \"vd\", \"domestic\": true,"
  "                 \"datacenter\": true, \"tdp_w\": 500, \"price_usd\": 1000, \"performance\": { \"bf16\": 500 } } ],"
  "  \"rules\": [],"
  "  \"revenue_cases\": [ { \"id\": \"line\", \"name\": \"" HOSTILE "\", \"vendor\": \"va\", \"chip\": \"chip-x\","
  "      \"units\": 1000, \"price_usd\": 10000, \"unit_cost_usd\": 4000, \"revenue_share\": 0.15,"
  "      \"price_pass_through\": 0, \"license_approval_rate\": 1 } ],"
  "  \"scenarios\": ["
  "    { \"id\": \"linear\", \"name\": \"" HOSTILE "\", \"start_year\": 2026, \"years\": 2,"
  "      \"allowed_chips\": [ \"chip-x\" ], \"domestic_chip\": \"chip-d\","
  "      \"revenue_share\": 0.3, \"price_pass_through\": 0, \"license_approval_rate\": 1,"
  "      \"demand_pflops\": 1000, \"domestic_capacity_pflops\": 1000000000,"
  "      \"domestic_installed_pflops\": 1, \"domestic_learning_rate\": 0,"
  "      \"price_sensitivity\": 2, \"domestic_preference\": 0,"
  "      \"electricity_usd_per_kwh\": 0, \"amortization_years\": 1 },"
  "    { \"id\": \"ban\", \"name\": \"Ban\", \"start_year\": 2026, \"years\": 2,"
  "      \"allowed_chips\": [], \"domestic_chip\": \"chip-d\","
  "      \"revenue_share\": 0, \"price_pass_through\": 0, \"license_approval_rate\": 1,"
  "      \"demand_pflops\": 1000, \"domestic_capacity_pflops\": 1000000000,"
  "      \"domestic_installed_pflops\": 1, \"domestic_learning_rate\": 0,"
  "      \"price_sensitivity\": 2, \"domestic_preference\": 0,"
  "      \"electricity_usd_per_kwh\": 0, \"amortization_years\": 1 } ] }";

static CplDataset *
load_dataset (void)
{
  g_autoptr(GError) error = NULL;
  CplDataset *dataset = cpl_test_load_string (dataset_json, &error);

  g_assert_no_error (error);
  return dataset;
}

static CplCsvTable *
parse (const char *text)
{
  g_autoptr(GError) error = NULL;
  CplCsvTable *table = cpl_csv_table_parse (text, strlen (text), "table.csv", &error);

  g_assert_no_error (error);
  /* RFC 4180 line ends */
  g_assert_nonnull (strstr (text, "\r\n"));
  return table;
}

/* The cell of @row under the column titled @title. */
static const char *
cell (CplCsvTable *table,
      guint        row,
      const char  *title)
{
  int column = cpl_csv_table_find_column (table, (const char * const[]) { title, NULL });

  if (column < 0)
    g_error ("no column “%s”", title);
  return cpl_csv_table_get (table, row, column);
}

static double
number (CplCsvTable *table,
        guint        row,
        const char  *title)
{
  const char *text = cell (table, row, title);
  char *end;
  double value = g_ascii_strtod (text, &end);

  if (*text == '\0' || *end != '\0')
    g_error ("“%s” under “%s” is not a number", text, title);
  return value;
}

static void
test_chips (void)
{
  g_autoptr(CplDataset) dataset = load_dataset ();
  g_autoptr(GDate) date = g_date_new_dmy (1, G_DATE_JANUARY, 2026);
  CplEnergyTerms terms = { 0.08, 0, 1.3, 0.7, 4 };
  g_autofree char *text = cpl_chips_table_text (dataset, cpl_dataset_get_chips (dataset), date, &terms,
                                                CPL_CSV_COMMAS);
  g_autoptr(CplCsvTable) table = parse (text);

  g_assert_cmpuint (cpl_csv_table_get_n_rows (table), ==, 2);
  g_assert_cmpstr (cell (table, 0, "ID"), ==, "chip-x");
  /* a name a spreadsheet would run as a formula is neutralised */
  g_assert_cmpstr (cell (table, 0, "Chip"), ==, NEUTRALISED);
  g_assert_cmpstr (cell (table, 0, "Vendor"), ==, "Vendor A");
  g_assert_cmpstr (cell (table, 0, "Origin"), ==, "Foreign");
  g_assert_cmpfloat (number (table, 0, "Price (USD)"), ==, 2000);
  g_assert_cmpfloat (number (table, 0, "TDP (W)"), ==, 500);
  /* TPP = 16 × BF16 = 16 × 1,000; 16-bit TFLOPS per watt (BF16 here) = 1,000 / 500 */
  g_assert_cmpfloat (number (table, 0, "TPP"), ==, 16000);
  g_assert_cmpfloat (number (table, 0, "16-bit TFLOPS per watt"), ==, 2);
  /* unknown: an empty cell, not a made-up number */
  g_assert_cmpstr (cell (table, 0, "Memory (GB)"), ==, "");
  g_assert_cmpstr (cell (table, 1, "Origin"), ==, "Domestic");
  /* D: 16 × 500 */
  g_assert_cmpfloat (number (table, 1, "TPP"), ==, 8000);
}

static void
test_revenue (void)
{
  g_autoptr(CplDataset) dataset = load_dataset ();
  g_autofree char *text = cpl_revenue_lines_text (dataset, CPL_CSV_COMMAS);
  g_autoptr(CplCsvTable) table = parse (text);

  g_assert_cmpuint (cpl_csv_table_get_n_rows (table), ==, 1);
  g_assert_cmpstr (cell (table, 0, "ID"), ==, "line");
  g_assert_cmpstr (cell (table, 0, "Name"), ==, NEUTRALISED);
  g_assert_cmpstr (cell (table, 0, "Chip ID"), ==, "chip-x");
  g_assert_cmpstr (cell (table, 0, "Share rate (fraction)"), ==, "0.15");
  /* no comparison rate: empty */
  g_assert_cmpstr (cell (table, 0, "Comparison share rate (fraction)"), ==, "");
  /* no pass-through: the buyer pays the list price; all 1,000 ship */
  g_assert_cmpfloat (number (table, 0, "Buyer price per unit (USD)"), ==, 10000);
  g_assert_cmpfloat (number (table, 0, "Units shipped"), ==, 1000);
  /* R = 1,000 × 10,000 = 10,000,000; G = 0.15 × R = 1,500,000 exactly in
   * the text, whatever the last bit of 0.15 × 10⁷ in binary */
  g_assert_cmpstr (cell (table, 0, "Gross revenue (USD)"), ==, "10000000");
  g_assert_cmpstr (cell (table, 0, "US government take (USD)"), ==, "1500000");
  g_assert_cmpfloat (number (table, 0, "Vendor net revenue (USD)"), ==, 8500000);
  /* P = 8,500,000 − 1,000 × 4,000; margin P / R = 0.45; break-even
   * (10,000 − 4,000) / 10,000 = 0.6 */
  g_assert_cmpfloat (number (table, 0, "Vendor gross profit (USD)"), ==, 4500000);
  g_assert_cmpstr (cell (table, 0, "Margin after share (fraction)"), ==, "0.45");
  g_assert_cmpstr (cell (table, 0, "Break-even share rate (fraction)"), ==, "0.6");
}

static void
test_scenario_years (void)
{
  g_autoptr(CplDataset) dataset = load_dataset ();
  CplScenario *scenario = CPL_SCENARIO (cpl_dataset_lookup (dataset, CPL_TYPE_SCENARIO, "linear"));
  g_autoptr(GError) error = NULL;
  CplProjection *projection = cpl_projection_compute (scenario, dataset, &error);
  g_autofree char *text = NULL;
  g_autoptr(CplCsvTable) table = NULL;

  g_assert_no_error (error);
  text = cpl_scenario_years_text (projection, CPL_CSV_COMMAS);
  table = parse (text);
  g_assert_cmpuint (cpl_csv_table_get_n_rows (table), ==, 2);
  /* the inputs: two years from 2026, 1,000 PFLOP/s of demand */
  g_assert_cmpstr (cell (table, 0, "Year"), ==, "2026");
  g_assert_cmpstr (cell (table, 1, "Year"), ==, "2027");
  g_assert_cmpfloat (number (table, 0, "Demand (PFLOP/s)"), ==, 1000);
  for (guint t = 0; t < 2; t++)
    {
      const CplProjectionYear *y = &projection->years[t];

      /* the model's numbers to 15 significant digits */
      cpl_assert_near (number (table, t, "US government take (USD)"), y->government_take_usd, 1e-14);
      cpl_assert_near (number (table, t, "Domestic share of new compute (fraction)"), y->domestic_share, 1e-14);
      cpl_assert_near (number (table, t, "Domestic (PFLOP/s)"), y->domestic_pflops, 1e-14);
      /* a share is a fraction, not a percentage */
      g_assert_cmpfloat (number (table, t, "Domestic share of new compute (fraction)"), <=, 1);
    }
  /* 30% of something sold: a take */
  g_assert_cmpfloat (number (table, 0, "US government take (USD)"), >, 0);
  cpl_projection_unref (projection);

  /* nothing shown: the header alone */
  g_clear_pointer (&text, g_free);
  text = cpl_scenario_years_text (NULL, CPL_CSV_TABS);
  g_assert_true (g_str_has_prefix (text, "Year\tDemand (PFLOP/s)\t"));
  g_assert_nonnull (strchr (text, '\n'));
  g_assert_null (strchr (strchr (text, '\n') + 1, '\n'));
}

static void
test_comparison (void)
{
  g_autoptr(CplDataset) dataset = load_dataset ();
  g_autoptr(GPtrArray) scenarios = g_ptr_array_new ();
  CplScenario *linear = CPL_SCENARIO (cpl_dataset_lookup (dataset, CPL_TYPE_SCENARIO, "linear"));
  CplScenario *ban = CPL_SCENARIO (cpl_dataset_lookup (dataset, CPL_TYPE_SCENARIO, "ban"));
  g_autoptr(GError) error = NULL;
  CplProjection *p = cpl_projection_compute (linear, dataset, &error);
  g_autofree char *text = NULL;
  g_autoptr(CplCsvTable) table = NULL;
  int take_row = -1;

  g_assert_no_error (error);
  g_ptr_array_add (scenarios, linear);
  g_ptr_array_add (scenarios, ban);
  /* the ban is the baseline */
  text = cpl_scenario_comparison_text (dataset, scenarios, "ban", CPL_CSV_COMMAS);
  table = parse (text);
  g_assert_cmpstr (cpl_csv_table_get_header (table, 3), ==, NEUTRALISED);
  g_assert_cmpstr (cpl_csv_table_get_header (table, 4), ==, "Ban");
  g_assert_cmpstr (cpl_csv_table_get_header (table, 5), ==, "'=HYPERLINK(\"x\") minus Ban");
  for (guint r = 0; r < cpl_csv_table_get_n_rows (table); r++)
    if (g_str_equal (cell (table, r, "ID"), "take"))
      take_row = r;
  g_assert_cmpint (take_row, >=, 0);
  g_assert_cmpstr (cell (table, take_row, "Unit"), ==, "USD");
  cpl_assert_near (number (table, take_row, NEUTRALISED), p->total_government_take_usd, 1e-14);
  /* nothing is sold under the ban: no take, and the difference is the
   * other scenario's whole take */
  g_assert_cmpfloat (number (table, take_row, "Ban"), ==, 0);
  cpl_assert_near (number (table, take_row, "'=HYPERLINK(\"x\") minus Ban"), p->total_government_take_usd, 1e-14);
  cpl_projection_unref (p);
}

/* The UI ------------------------------------------------------------------ */

static void
store_text (GObject      *clipboard,
            GAsyncResult *result,
            gpointer      data)
{
  g_autoptr(GError) error = NULL;

  *(char **) data = gdk_clipboard_read_text_finish (GDK_CLIPBOARD (clipboard), result, &error);
  g_assert_no_error (error);
}

static gboolean
is_menu_button_with_tooltip (GtkWidget     *widget,
                             gconstpointer  tooltip)
{
  return GTK_IS_MENU_BUTTON (widget) && g_strcmp0 (gtk_widget_get_tooltip_text (widget), tooltip) == 0;
}

/* The menu button under @root with the tooltip "Table Actions". */
static GtkWidget *
find_table_actions (GtkWidget *root)
{
  return cpl_test_find_matching (root, is_menu_button_with_tooltip, "Table Actions");
}

/* The Ctrl+C shortcut of a widget under @root, and that widget, or NULL. */
static GtkShortcut *
find_copy_shortcut (GtkWidget  *root,
                    GtkWidget **widget)
{
  g_autoptr(GtkShortcutTrigger) ctrl_c = gtk_shortcut_trigger_parse_string ("<Control>c");
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (root);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      for (guint k = 0; GTK_IS_SHORTCUT_CONTROLLER (controller) &&
                        k < g_list_model_get_n_items (G_LIST_MODEL (controller)); k++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), k);
          GtkShortcutAction *action = gtk_shortcut_get_action (shortcut);

          if (gtk_shortcut_trigger_equal (gtk_shortcut_get_trigger (shortcut), ctrl_c) &&
              GTK_IS_NAMED_ACTION (action) &&
              g_str_equal (gtk_named_action_get_action_name (GTK_NAMED_ACTION (action)), "table.copy"))
            {
              *widget = root;
              return shortcut;
            }
        }
    }
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkShortcut *found = find_copy_shortcut (child, widget);
      if (found != NULL)
        return found;
    }
  return NULL;
}

static char *
read_clipboard (GdkClipboard *clipboard)
{
  char *text = NULL;

  gdk_clipboard_read_text_async (clipboard, NULL, store_text, &text);
  while (text == NULL)
    g_main_context_iteration (NULL, TRUE);
  return text;
}

/* The "Table Actions" button under @owner: named for assistive
 * technologies; its Copy puts @expected on the clipboard. */
static void
check_copy (GtkWidget  *owner,
            const char *expected)
{
  GtkWidget *button = find_table_actions (owner);
  g_autofree char *wrong_name = NULL;
  g_autofree char *text = NULL;
  GdkClipboard *clipboard = gtk_widget_get_clipboard (owner);
  GtkWidget *table = NULL;
  GtkShortcut *ctrl_c;

  g_assert_nonnull (button);
  wrong_name = gtk_test_accessible_check_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                                   "Table Actions");
  g_assert_null (wrong_name);
  gdk_clipboard_set_text (clipboard, "before");
  g_assert_true (gtk_widget_activate_action (button, "table.copy", NULL));
  text = read_clipboard (clipboard);
  g_assert_cmpstr (text, ==, expected);

  /* Ctrl+C in the table does the same */
  ctrl_c = find_copy_shortcut (owner, &table);
  g_assert_nonnull (ctrl_c);
  gdk_clipboard_set_text (clipboard, "before");
  g_assert_true (gtk_shortcut_action_activate (gtk_shortcut_get_action (ctrl_c), 0, table, NULL));
  g_clear_pointer (&text, g_free);
  text = read_clipboard (clipboard);
  g_assert_cmpstr (text, ==, expected);
}

static void
test_ui_copy (void)
{
  CplWindow *window = cpl_test_open_window (app, "revenue", NULL, -1, -1);
  CplDataset *dataset = cpl_application_get_dataset (app);
  CplRevenueView *revenue = CPL_REVENUE_VIEW (cpl_test_find_widget (GTK_WIDGET (window), CPL_TYPE_REVENUE_VIEW));
  CplChipsView *chips = cpl_window_get_chips_view (window);
  CplScenariosView *scenarios = CPL_SCENARIOS_VIEW (cpl_test_find_widget (GTK_WIDGET (window),
                                                                          CPL_TYPE_SCENARIOS_VIEW));
  CplScenarioResults *results = cpl_scenarios_view_get_results (scenarios);
  CplScenarioComparison *comparison = cpl_scenarios_view_get_comparison (scenarios);
  g_autofree char *lines = cpl_revenue_lines_text (dataset, CPL_CSV_TABS);
  g_autofree char *chips_text = NULL;
  g_autoptr(GPtrArray) compared = g_ptr_array_new ();
  g_autofree char *comparison_text = NULL;
  CplEnergyTerms terms;
  CplScenario *first, *second;
  CplProjection *projection;
  g_autofree char *years = NULL;

  /* the built-in H20 line: G = 0.15 × 12,000 × 1,000,000 = 1,800,000,000,
   * in a tab-separated row */
  g_assert_nonnull (strstr (lines, "\t1800000000\t"));
  g_assert_true (g_str_has_prefix (lines, "ID\tName\tVendor ID\tChip ID\t"));
  check_copy (GTK_WIDGET (revenue), lines);

  cpl_window_set_visible_view (window, "chips");
  cpl_test_wait_for_draw (GTK_WIDGET (window));
  cpl_chips_view_get_energy_terms (chips, &terms);
  {
    g_autoptr(GtkFilterListModel) all = gtk_filter_list_model_new (g_object_ref (cpl_dataset_get_chips (dataset)), NULL);

    /* no search: every chip, in the table's order */
    g_assert_cmpuint (cpl_chips_view_get_n_rows (chips), ==, g_list_model_get_n_items (G_LIST_MODEL (all)));
  }
  {
    g_autoptr(GListStore) rows = g_list_store_new (CPL_TYPE_CHIP);

    for (guint i = 0; i < cpl_chips_view_get_n_rows (chips); i++)
      g_list_store_append (rows, cpl_chips_view_get_row_chip (chips, i));
    chips_text = cpl_chips_table_text (dataset, G_LIST_MODEL (rows), cpl_chips_view_get_date (chips), &terms,
                                       CPL_CSV_TABS);
  }
  check_copy (GTK_WIDGET (chips), chips_text);

  cpl_window_set_visible_view (window, "scenarios");
  cpl_test_wait_for_draw (GTK_WIDGET (window));
  first = g_list_model_get_item (cpl_dataset_get_scenarios (dataset), 0);
  cpl_scenarios_view_select (scenarios, first);
  cpl_test_wait_for_draw (GTK_WIDGET (window));
  projection = cpl_projection_compute (first, dataset, NULL);
  years = cpl_scenario_years_text (projection, CPL_CSV_TABS);
  check_copy (GTK_WIDGET (results), years);
  cpl_projection_unref (projection);

  /* the first two compared, in the dataset's order, the first the
   * baseline */
  second = g_list_model_get_item (cpl_dataset_get_scenarios (dataset), 1);
  g_ptr_array_add (compared, first);
  g_ptr_array_add (compared, second);
  comparison_text = cpl_scenario_comparison_text (dataset, compared, NULL, CPL_CSV_TABS);
  g_assert_true (g_str_has_prefix (comparison_text, "ID\tTotal\tUnit\t"));
  cpl_scenarios_view_set_compared (scenarios, first, TRUE);
  cpl_scenarios_view_set_compared (scenarios, second, TRUE);
  gtk_widget_activate_action (GTK_WIDGET (scenarios), "scenarios.compare", NULL);
  cpl_test_wait_for_draw (GTK_WIDGET (window));
  check_copy (GTK_WIDGET (comparison), comparison_text);
  g_object_unref (first);
  g_object_unref (second);

  gtk_window_destroy (GTK_WINDOW (window));
}

/* The first message dialog among the toplevels, or NULL. */
static GtkWidget *
find_message_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWidget) window = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (window))
        return window;
    }
  return NULL;
}

/* Export CSV… once the file is chosen: the file holds the CSV; a folder
 * that does not exist gets a dialog that names the file. */
static void
test_ui_export (void)
{
  CplWindow *window = cpl_test_open_window (app, "revenue", NULL, -1, -1);
  CplDataset *dataset = cpl_application_get_dataset (app);
  GtkWidget *revenue = cpl_test_find_widget (GTK_WIDGET (window), CPL_TYPE_REVENUE_VIEW);
  g_autofree char *expected = cpl_revenue_lines_text (dataset, CPL_CSV_COMMAS);
  g_autofree char *dir = g_dir_make_tmp ("cpl-table-csv-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "revenue-share.csv", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *bad_path = g_build_filename (dir, "no-such-folder", "revenue-share.csv", NULL);
  g_autoptr(GFile) bad = g_file_new_for_path (bad_path);
  g_autofree char *contents = NULL;
  GtkWidget *dialog;

  /* the built-in H20 line's take, 0.15 × 12,000 × 1,000,000 */
  g_assert_nonnull (strstr (expected, ",1800000000,"));
  cpl_table_actions_export_to (revenue, file);
  /* written asynchronously: give it up to 10 s */
  for (gint64 end = g_get_monotonic_time () + 10 * G_USEC_PER_SEC; g_get_monotonic_time () < end;)
    {
      g_clear_pointer (&contents, g_free);
      if (g_file_get_contents (path, &contents, NULL, NULL) && strlen (contents) >= strlen (expected))
        break;
      g_main_context_iteration (NULL, FALSE);
    }
  g_assert_cmpstr (contents, ==, expected);

  cpl_table_actions_export_to (revenue, bad);
  while ((dialog = find_message_dialog ()) == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (dialog)), ==, "Could Not Export the Table");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog)), bad_path));
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_assert_false (g_file_test (bad_path, G_FILE_TEST_EXISTS));

  g_unlink (path);
  g_rmdir (dir);
  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  int status;

  app = cpl_test_ui_init (&argc, &argv);
  g_test_add_func ("/table-csv/chips", test_chips);
  g_test_add_func ("/table-csv/revenue", test_revenue);
  g_test_add_func ("/table-csv/scenario-years", test_scenario_years);
  g_test_add_func ("/table-csv/comparison", test_comparison);
  g_test_add_func ("/table-csv/ui-copy", test_ui_copy);
  g_test_add_func ("/table-csv/ui-export", test_ui_export);
  status = g_test_run ();
  g_clear_object (&app);
  return status;
}
