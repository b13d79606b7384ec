/* test-window.c: the main window with the built-in dataset, under Xvfb,
 * with G_DEBUG=fatal-criticals (a GTK critical fails the test).
 *
 * Run once in English (LC_ALL=en_US.UTF-8) and once in Chinese
 * (LANGUAGE=zh_CN, LC_ALL=zh_CN.UTF-8); CPL_TEST_LANG says which, and the
 * expected strings are those a reader of that language must see.
 */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "cpl-application.h"
#include "cpl-test-ui.h"
#include "cpl-window.h"
#include "views/chips/cpl-chips-view.h"
#include "views/cpl-check-list.h"
#include "views/cpl-view-util.h"
#include "views/revenue/cpl-revenue-view.h"
#include "views/scenarios/cpl-scenario-results.h"
#include "views/scenarios/cpl-scenario-editor.h"
#include "views/scenarios/cpl-scenarios-view.h"

static gboolean chinese;     /* zh_CN or zh_TW */
static gboolean traditional; /* zh_TW */

/* The string a reader of the test's language must see. */
static const char *
expect (const char *en,
        const char *zh_cn,
        const char *zh_tw)
{
  return traditional ? zh_tw : chinese ? zh_cn : en;
}
static CplApplication *app;

/* The rows a list view made (for the entries on screen: all of them in
 * the built-in dataset), once it is drawn, in the list's order. */
static GList *
rows_of (GtkWidget  *view,
         const char *list_class)
{
  GtkWidget *list = cpl_test_find_styled (view, GTK_TYPE_GRID_VIEW, list_class);
  GList *rows = NULL;

  g_assert_nonnull (list);
  cpl_test_wait_for_draw (list);
  for (GtkWidget *child = gtk_widget_get_first_child (list); child; child = gtk_widget_get_next_sibling (child))
    if (cpl_check_row_get_item (gtk_widget_get_first_child (child)) != NULL)
      rows = g_list_append (rows, gtk_widget_get_first_child (child));
  return rows;
}


static CplWindow *
open_window (void)
{
  return cpl_test_open_window (app, NULL, NULL, -1, -1);
}

static void
test_pages_translated (void)
{
  CplWindow *window = open_window ();
  AdwViewStack *stack = ADW_VIEW_STACK (cpl_test_find_widget (GTK_WIDGET (window), ADW_TYPE_VIEW_STACK));
  const char *expected[][2] = {
    { "scenarios", expect ("Scenarios", "情景", "情境") },
    { "chips", expect ("Chips", "芯片", "晶片") },
    { "revenue", expect ("Revenue Share", "收入分成", "營收分成") },
  };

  g_assert_nonnull (stack);
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      GtkWidget *child = adw_view_stack_get_child_by_name (stack, expected[i][0]);
      AdwViewStackPage *page = adw_view_stack_get_page (stack, child);

      g_assert_cmpstr (adw_view_stack_page_get_title (page), ==, expected[i][1]);
    }
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_lists (void)
{
  CplWindow *window = open_window ();
  CplDataset *dataset = cpl_application_get_dataset (app);
  CplChipsView *chips = cpl_window_get_chips_view (window);
  g_autoptr(GList) scenarios = NULL;
  g_autoptr(GList) cases = NULL;
  g_autofree char *tpp = NULL;
  g_autofree char *verdict = NULL;
  g_autofree char *origin = NULL;
  guint h20 = G_MAXUINT;

  /* the Chips and Revenue views fill when first shown */
  scenarios = rows_of (cpl_test_find_widget (GTK_WIDGET (window), CPL_TYPE_SCENARIOS_VIEW), "navigation-sidebar");
  cpl_window_set_visible_view (window, "revenue");
  cases = rows_of (cpl_test_find_widget (GTK_WIDGET (window), CPL_TYPE_REVENUE_VIEW), "navigation-sidebar");
  cpl_window_set_visible_view (window, "chips");

  /* one row per entry of the built-in dataset */
  g_assert_cmpuint (cpl_chips_view_get_n_rows (chips), ==, g_list_model_get_n_items (cpl_dataset_get_chips (dataset)));
  g_assert_cmpuint (cpl_chips_view_get_n_rows (chips), >=, 14);
  g_assert_cmpuint (g_list_length (scenarios), ==, 5);
  g_assert_cmpuint (g_list_length (cases), ==, 3);

  /* H20: TPP 296 × 8 = 2,368 with the locale's grouping; not caught by
   * 3A090.a of 2023 (2,368 < 4,800 and PD 2.91 < 5.92) */
  for (guint i = 0; i < cpl_chips_view_get_n_rows (chips); i++)
    if (g_str_equal (cpl_entity_get_id (CPL_ENTITY (cpl_chips_view_get_row_chip (chips, i))), "nvidia-h20"))
      h20 = i;
  g_assert_cmpuint (h20, !=, G_MAXUINT);
  tpp = cpl_chips_view_get_cell_text (chips, h20, "tpp");
  verdict = cpl_chips_view_get_cell_text (chips, h20, "rule:eccn-3a090a-2023");
  origin = cpl_chips_view_get_cell_text (chips, h20, "origin");
  g_assert_cmpstr (tpp, ==, "2,368");
  g_assert_cmpstr (verdict, ==, expect ("Not caught", "不受本规则管制", "不受本規則管制"));
  g_assert_cmpstr (origin, ==, expect ("Foreign", "进口", "進口"));
  /* the scenarios list: the full ban exports nothing */
  g_assert_cmpstr (cpl_check_row_get_subtitle (scenarios->data), ==,
                   expect ("No exports", "无出口", "無出口"));

  gtk_window_destroy (GTK_WINDOW (window));
}

/* A new window on the Scenarios view, whatever view a window closed
 * earlier in this process left in the settings. */
static CplWindow *
open_on_scenarios (void)
{
  g_settings_set_string (cpl_application_get_settings (app), "last-view", "scenarios");
  return open_window ();
}

/* Shows view @name for the first time, through win.show-view (as Ctrl+2,
 * Ctrl+3 and the switcher do): before, no widget of @type exists; after,
 * the window's is there and mapped. */
static GtkWidget *
show_new_view (CplWindow  *window,
               const char *name,
               GType       type)
{
  GtkWidget *view;

  g_assert_false (cpl_window_has_view (window, name));
  g_assert_null (cpl_test_find_widget (GTK_WIDGET (window), type));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-view", "s", name));
  cpl_test_wait_for_draw (GTK_WIDGET (window));
  g_assert_true (cpl_window_has_view (window, name));
  view = cpl_test_find_widget (GTK_WIDGET (window), type);
  g_assert_nonnull (view);
  g_assert_true (gtk_widget_get_mapped (view));
  return view;
}

/* The Chips view is made when first shown (Ctrl+2 or the switcher, both
 * win.show-view), with every chip of the built-in dataset. */
static void
test_chips_made_when_shown (void)
{
  CplWindow *window = open_on_scenarios ();
  CplChipsView *view = CPL_CHIPS_VIEW (show_new_view (window, "chips", CPL_TYPE_CHIPS_VIEW));
  guint h20 = G_MAXUINT, ascend = G_MAXUINT;
  g_autofree char *h20_name = NULL;
  g_autofree char *ascend_name = NULL;

  g_assert_true (cpl_window_get_chips_view (window) == view);
  /* the built-in dataset has 14 chips: 7 NVIDIA, 4 AMD, 1 Intel, 2 Huawei */
  g_assert_cmpuint (cpl_chips_view_get_n_rows (view), ==, 14);
  for (guint i = 0; i < cpl_chips_view_get_n_rows (view); i++)
    {
      const char *id = cpl_entity_get_id (CPL_ENTITY (cpl_chips_view_get_row_chip (view, i)));

      if (g_str_equal (id, "nvidia-h20"))
        h20 = i;
      else if (g_str_equal (id, "huawei-ascend-910c"))
        ascend = i;
    }
  g_assert_cmpuint (h20, !=, G_MAXUINT);
  g_assert_cmpuint (ascend, !=, G_MAXUINT);
  h20_name = cpl_chips_view_get_cell_text (view, h20, "name");
  ascend_name = cpl_chips_view_get_cell_text (view, ascend, "name");
  g_assert_cmpstr (h20_name, ==, "H20");
  g_assert_cmpstr (ascend_name, ==, expect ("Ascend 910C", "昇腾 910C", "昇騰 910C"));
  /* the other view is still not made */
  g_assert_false (cpl_window_has_view (window, "revenue"));
  g_assert_null (cpl_test_find_widget (GTK_WIDGET (window), CPL_TYPE_REVENUE_VIEW));

  gtk_window_destroy (GTK_WINDOW (window));
}

/* The menu button under @root whose tooltip is @tooltip (NULL: any
 * tooltip) and icon @icon_name (NULL: any), other than @not, or NULL. */
static GtkMenuButton *
find_menu_button (GtkWidget     *root,
                  const char    *tooltip,
                  const char    *icon_name,
                  GtkMenuButton *not)
{
  if (GTK_IS_MENU_BUTTON (root) && GTK_MENU_BUTTON (root) != not &&
      (tooltip == NULL || g_strcmp0 (gtk_widget_get_tooltip_text (root), tooltip) == 0) &&
      (icon_name == NULL || g_strcmp0 (gtk_menu_button_get_icon_name (GTK_MENU_BUTTON (root)), icon_name) == 0))
    return GTK_MENU_BUTTON (root);
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkMenuButton *found = find_menu_button (child, tooltip, icon_name, not);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* Opens @button's menu and returns the label of its first item (in its
 * first section, if it has sections), as written in the menu ("_New
 * Window"). */
static char *
first_menu_item (GtkMenuButton *button)
{
  GtkPopover *popover;
  GMenuModel *model, *section;
  char *label = NULL;

  gtk_menu_button_popup (button);
  popover = gtk_menu_button_get_popover (button);
  g_assert_true (GTK_IS_POPOVER_MENU (popover));
  cpl_test_wait_for_draw (GTK_WIDGET (popover));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (popover)));
  model = gtk_popover_menu_get_menu_model (GTK_POPOVER_MENU (popover));
  /* a menu of sections, or of items */
  section = g_menu_model_get_item_link (model, 0, G_MENU_LINK_SECTION);
  if (section == NULL)
    section = g_object_ref (model);
  g_assert_true (g_menu_model_get_item_attribute (section, 0, G_MENU_ATTRIBUTE_LABEL, "s", &label));
  g_object_unref (section);
  gtk_popover_popdown (popover);
  return label;
}

/* The main menu, the scenario list's More menu and the year table's
 * actions are made when first opened, not with the window (the first
 * two's popovers were 91 of its 472 widgets at start, none of them
 * shown); opened, they are the menus. */
static void
test_menus_made_when_opened (void)
{
  CplWindow *window = open_on_scenarios ();
  GtkMenuButton *main_menu = find_menu_button (GTK_WIDGET (window), expect ("Main Menu", "主菜单", "主選單"),
                                               "open-menu-symbolic", NULL);
  GtkMenuButton *more = find_menu_button (GTK_WIDGET (window), expect ("More", "更多", "更多"),
                                          "view-more-symbolic", NULL);
  g_autofree char *first_main = NULL;
  g_autofree char *first_more = NULL;
  GtkMenuButton *table;

  g_assert_nonnull (main_menu);
  g_assert_nonnull (more);
  g_assert_null (gtk_menu_button_get_popover (main_menu));
  g_assert_null (gtk_menu_button_get_popover (more));
  g_assert_null (cpl_test_find_widget (GTK_WIDGET (window), GTK_TYPE_POPOVER_MENU));

  first_main = first_menu_item (main_menu);
  g_assert_cmpstr (first_main, ==, expect ("_New Window", "新建窗口(_N)", "新視窗(_N)"));
  first_more = first_menu_item (more);
  g_assert_cmpstr (first_more, ==, expect ("Move _Up", "上移(_U)", "上移(_U)"));

  /* the year table's, made after the first frame (at once when asked
   * for): the other "more" button */
  cpl_scenario_results_get_analysis (CPL_SCENARIO_RESULTS (cpl_test_find_widget (GTK_WIDGET (window),
                                                                                 CPL_TYPE_SCENARIO_RESULTS)));
  table = find_menu_button (GTK_WIDGET (window), NULL, "view-more-symbolic", more);
  g_assert_nonnull (table);
  g_assert_null (gtk_menu_button_get_popover (table));
  /* (it is below the fold: a popover there would open off the screen;
   * test-table-csv runs its actions) */
  gtk_window_destroy (GTK_WINDOW (window));
}

/* The Revenue Share view too, with its first sale line selected. */
static void
test_revenue_made_when_shown (void)
{
  CplWindow *window = open_on_scenarios ();
  CplRevenueView *view = CPL_REVENUE_VIEW (show_new_view (window, "revenue", CPL_TYPE_REVENUE_VIEW));

  g_assert_true (cpl_window_get_revenue_view (window) == view);
  /* the first of the built-in lines, H20 at 15%: the take is
   * 0.15 × 1,000,000 × $12,000 = $1.8 B (18 亿美元), a key figure of
   * three significant figures */
  g_assert_cmpstr (cpl_entity_get_id (CPL_ENTITY (cpl_revenue_view_get_selected (view))), ==, "h20-share-15");
  g_assert_cmpstr (cpl_revenue_view_get_key_figure (view, "government_take"), ==,
                   expect ("$1.80 B", "18.0 亿美元", "18.0 億美元"));
  g_assert_false (cpl_window_has_view (window, "chips"));

  gtk_window_destroy (GTK_WINDOW (window));
}

/* An input named in Latin letters spliced into a Chinese sentence is
 * spaced as the translations space names (po/GLOSSARY.md): the PUE's
 * range button read "为PUE设定不确定性区间"; a Chinese name stays unspaced.
 * And a range of percentages says so at both ends. */
static void
test_range_names_spaced (void)
{
  CplWindow *window = open_on_scenarios ();
  CplScenariosView *view = CPL_SCENARIOS_VIEW (cpl_test_find_widget (GTK_WIDGET (window), CPL_TYPE_SCENARIOS_VIEW));
  CplScenarioEditor *editor = cpl_scenarios_view_get_editor (view);

  g_assert_cmpstr (cpl_scenario_editor_get_range_mark (editor, "pue"), ==,
                   expect ("Give PUE a range for the uncertainty", "为 PUE 设定不确定性区间", "為 PUE 設定不確定性區間"));
  g_assert_cmpstr (cpl_scenario_editor_get_range_mark (editor, "revenue_share"), ==,
                   expect ("Give Revenue share a range for the uncertainty", "为收入分成比例设定不确定性区间",
                           "為營收分成比例設定不確定性區間"));
  /* a range of percentages gives the sign at both ends, as the glossary
   * writes it (10%～40%; it read "10～40%") */
  {
    /* the built-in full ban's demand growth, 30% a year, ranged 10%–60%:
     * a percent sign stays with its number ("most likely 30 % a year") */
    g_auto(GStrv) words = g_strsplit (cpl_scenario_editor_get_range_mark (editor, "demand_growth"), "\u2060", -1);
    g_autofree char *mark = g_strjoinv ("", words);

    g_assert_cmpstr (mark, ==, expect ("Demand growth is ranged: 10%–60% a year, most likely 30% a year",
                                       "需求增速已设区间：10%～60%/年，最可能值 30%/年",
                                       "需求成長率已設區間：10%～60%/年，最可能值 30%/年"));
  }
  g_assert_true (cpl_scenario_editor_set_range_text (editor, "revenue_share", "0", "10", "40"));
  {
    /* the words of a long tooltip are kept whole with word joiners: read
     * without them */
    g_auto(GStrv) words = g_strsplit (cpl_scenario_editor_get_range_mark (editor, "revenue_share"), "\u2060", -1);
    g_autofree char *mark = g_strjoinv ("", words);

    g_assert_cmpstr (mark, ==, expect ("Revenue share is ranged: 0%–40%, most likely 10%",
                                       "收入分成比例已设区间：0%～40%，最可能值 10%",
                                       "營收分成比例已設區間：0%～40%，最可能值 10%"));
  }
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
date_picked_nowhere (gpointer     data,
                     const GDate *date)
{
}

/* The quick picks of a day's rules keep each rule name's date whole when
 * the name wraps: "（2025 年 8" ended a line of the popover, "月）" began
 * the next (no-break spaces in the date; in English between its month
 * and year). */
static void
test_rule_dates_whole (void)
{
  CplWindow *window = open_on_scenarios ();
  GtkWidget *box = g_object_ref_sink (gtk_box_new (GTK_ORIENTATION_VERTICAL, 0));
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();
  const char *wanted = expect ("Licences for H20 and MI308X (August\u00a02025)",
                               "H20 与 MI308X 获发许可（2025\u00a0年\u00a08\u00a0月）",
                               "H20 與 MI308X 獲發許可（2025\u00a0年\u00a08\u00a0月）");
  gboolean found = FALSE;

  cpl_rule_dates_fill (GTK_BOX (box), cpl_document_get_dataset (cpl_window_get_document (window)),
                       date_picked_nowhere, NULL);
  cpl_test_collect_widgets (box, GTK_TYPE_LABEL, labels);
  for (guint i = 0; i < labels->len; i++)
    found |= strstr (gtk_label_get_label (labels->pdata[i]), wanted) != NULL;
  g_assert_true (found);
  g_object_unref (box);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* The width of the list beside @view's content (its leaflet's first
 * page). */
static int
sidebar_width (GtkWidget *view)
{
  GtkWidget *leaflet = cpl_test_find_widget (view, ADW_TYPE_LEAFLET);
  g_autoptr(GListModel) pages = NULL;
  g_autoptr(AdwLeafletPage) first = NULL;

  g_assert_nonnull (leaflet);
  g_assert_false (adw_leaflet_get_folded (ADW_LEAFLET (leaflet)));
  pages = G_LIST_MODEL (adw_leaflet_get_pages (ADW_LEAFLET (leaflet)));
  first = g_list_model_get_item (pages, 0);
  return gtk_widget_get_width (adw_leaflet_page_get_child (first));
}

/* The Scenarios and Revenue Share views' lists are as wide as each
 * other, so the edge between list and content stays put when the
 * switcher goes from one to the other (they were 280 and 300 px); and
 * as wide as asked, 300 px, in every language. */
static void
test_sidebars_aligned (void)
{
  CplWindow *window = open_on_scenarios ();
  GtkWidget *scenarios = cpl_test_find_widget (GTK_WIDGET (window), CPL_TYPE_SCENARIOS_VIEW);
  GtkWidget *revenue;
  int width;

  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  cpl_test_wait_for_draw (GTK_WIDGET (window));
  width = sidebar_width (scenarios);
  revenue = show_new_view (window, "revenue", CPL_TYPE_REVENUE_VIEW);
  cpl_test_wait_for_draw (GTK_WIDGET (window));
  g_assert_cmpint (sidebar_width (revenue), ==, width);
  g_assert_cmpint (width, ==, 300);

  gtk_window_destroy (GTK_WINDOW (window));
}

/* Goal seek's money target is typed in the unit the figures around it
 * read in: billions of US dollars in English, 亿 (10⁸) in Chinese, where
 * the take of $6.75 B reads 67.5 亿美元: typing 67.5 must mean it, not
 * 67.5 × 10⁹. */
static void
test_money_input_unit (void)
{
  const char *unit = NULL;
  double scale = cpl_money_input_scale (&unit);

  g_assert_cmpstr (unit, ==, expect ("billion USD", "亿美元", "億美元"));
  g_assert_cmpfloat_with_epsilon (6.75e9 * scale, chinese ? 67.5 : 6.75, 1e-9);
}

/* An axis of money reads in one unit, its largest tick's: a Chinese
 * reader saw "0 美元 / 5,000 美元 / 1 万美元" on the cost of compute, and
 * then "0.5 万美元", which is not how an analyst writes 5,000: up to 10 万
 * the axis is in whole dollars. */
static void
test_money_scaled (void)
{
  g_autofree char *half = cpl_format_money_scaled (5000, 15000);
  g_autofree char *wan = cpl_format_money_scaled (50000, 200000);
  g_autofree char *yi = cpl_format_money_scaled (5e8, 1.5e9);
  g_autofree char *loss = cpl_format_money_scaled (-2.5e6, 1e7);
  g_autofree char *zero = cpl_format_money_scaled (0, 1.5e9);

  /* 15,000: $15,000 in English; in Chinese below 10 万, so whole
   * dollars too */
  g_assert_cmpstr (half, ==, expect ("$5,000", "5,000 美元", "5,000 美元"));
  /* 200,000: $200,000 in English; 20 万 in Chinese (three figures: one
   * decimal), and 50,000 in the same unit: 5.0 万 */
  g_assert_cmpstr (wan, ==, expect ("$50,000", "5.0 万美元", "5.0 萬美元"));
  /* 1.5e9: $1.50 B, or 15.0 亿 (one decimal); 5e8 = $0.50 B = 5.0 亿 */
  g_assert_cmpstr (yi, ==, expect ("$0.50 B", "5.0 亿美元", "5.0 億美元"));
  /* 1e7: $10.0 M, or 1,000 万 (no decimals); −2.5e6 = −$2.5 M = −250 万 */
  g_assert_cmpstr (loss, ==, expect ("−$2.5 M", "−250 万美元", "−250 萬美元"));
  /* zero in no unit */
  g_assert_cmpstr (zero, ==, expect ("$0", "0 美元", "0 美元"));
}

/* An edit of the dataset shows at once in the view. */
static void
test_edit_updates_row (void)
{
  CplWindow *window = open_window ();
  CplDataset *dataset = cpl_application_get_dataset (app);
  CplEntity *h200 = cpl_dataset_lookup (dataset, CPL_TYPE_REVENUE_CASE, "h200-share-25");
  g_autoptr(GList) cases = NULL;
  GtkWidget *row = NULL;

  cpl_window_set_visible_view (window, "revenue");
  cases = rows_of (cpl_test_find_widget (GTK_WIDGET (window), CPL_TYPE_REVENUE_VIEW), "navigation-sidebar");
  g_assert_nonnull (h200);
  for (GList *l = cases; l; l = l->next)
    if (g_strcmp0 (cpl_check_row_get_title (l->data), cpl_entity_get_name (h200)) == 0)
      row = l->data;
  g_assert_nonnull (row);

  /* 1,000,000 × $27,000 × 25% = $6.75 B = 67.5 亿美元 */
  g_assert_nonnull (strstr (cpl_check_row_get_subtitle (row),
                            expect ("US government take $6.75 B", "美国政府分成 67.5 亿美元", "美國政府分成 67.5 億美元")));
  /* at 15%: 1,000,000 × 27,000 × 0.15 = $4.05 B = 40.5 亿美元 */
  g_assert_true (cpl_entity_set_number (h200, CPL_REVENUE_CASE_REVENUE_SHARE, 0.15, NULL));
  g_assert_nonnull (strstr (cpl_check_row_get_subtitle (row),
                            expect ("US government take $4.05 B", "美国政府分成 40.5 亿美元", "美國政府分成 40.5 億美元")));
  g_assert_true (cpl_entity_set_number (h200, CPL_REVENUE_CASE_REVENUE_SHARE, 0.25, NULL));

  gtk_window_destroy (GTK_WINDOW (window));
}

/* A bad file shows a dialog and leaves the open data as it was.  The
 * model's message reaches the dialog in the reader's language, with the
 * file, the JSON path and the id as the file gives them. */
static void
test_bad_file_keeps_data (void)
{
  CplWindow *window = open_window ();
  CplDataset *dataset = cpl_application_get_dataset (app);
  g_autofree char *before = cpl_dataset_to_data (dataset, NULL);
  g_autofree char *after = NULL;
  g_autofree char *dir = g_dir_make_tmp ("cpl-window-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "broken.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  /* document_validate's reference check, as po/zh_CN.po and zh_TW.po
   * translate "unknown vendor \"%s\"; expected …" */
  g_autofree char *expected_body =
    g_strconcat (path, ": chips[0].vendor: ",
                 expect ("unknown vendor \"nobody\"; expected the id of one of the dataset's vendors",
                         "未知厂商“nobody”，应为数据集中某个厂商的 id",
                         "未知廠商「nobody」，應為資料集中某家廠商的 id"), NULL);
  GList *toplevels;
  gboolean dialog_found = FALSE;

  g_assert_true (g_file_set_contents (path, "{ \"format\": \"chip-policy-lab\", \"chips\": [ { \"id\": \"x\", \"vendor\": \"nobody\" } ] }", -1, NULL));
  cpl_window_load_file (window, file);
  cpl_test_wait_for_document (cpl_window_get_document (window));
  cpl_test_wait_for_draw (GTK_WIDGET (window));

  after = cpl_dataset_to_data (dataset, NULL);
  g_assert_cmpstr (before, ==, after);

  toplevels = gtk_window_list_toplevels ();
  for (GList *l = toplevels; l; l = l->next)
    if (ADW_IS_MESSAGE_DIALOG (l->data))
      {
        g_assert_cmpstr (adw_message_dialog_get_heading (l->data), ==,
                         expect ("Could Not Open the File", "无法打开文件", "無法開啟檔案"));
        g_assert_cmpstr (adw_message_dialog_get_body (l->data), ==, expected_body);
        dialog_found = TRUE;
        gtk_window_destroy (l->data);
      }
  g_list_free (toplevels);
  g_assert_true (dialog_found);

  gtk_window_destroy (GTK_WINDOW (window));
  g_unlink (path);
  g_rmdir (dir);
}

/* Every malformed fixture, opened in the running app: refused with its
 * message in a dialog, and the open data exactly as it was. */
static void
test_every_bad_file (void)
{
  CplWindow *window = open_window ();
  CplDataset *dataset = cpl_application_get_dataset (app);
  g_autofree char *before = cpl_dataset_to_data (dataset, NULL);
  g_autofree char *dir_path = g_test_build_filename (G_TEST_DIST, "fixtures", "bad", NULL);
  g_autoptr(GDir) dir = g_dir_open (dir_path, 0, NULL);
  const char *name;
  guint n = 0;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir_path, name, NULL);
      g_autoptr(GFile) file = g_file_new_for_path (path);
      g_autofree char *after = NULL;
      GList *toplevels;
      gboolean shown = FALSE;

      cpl_window_load_file (window, file);
      cpl_test_wait_for_document (cpl_window_get_document (window));
      cpl_test_wait_for_draw (GTK_WIDGET (window));
      after = cpl_dataset_to_data (dataset, NULL);
      g_assert_cmpstr (before, ==, after);

      toplevels = gtk_window_list_toplevels ();
      for (GList *l = toplevels; l; l = l->next)
        if (ADW_IS_MESSAGE_DIALOG (l->data))
          {
            /* the message names the file */
            if (strstr (adw_message_dialog_get_body (l->data), name) != NULL)
              shown = TRUE;
            gtk_window_destroy (l->data);
          }
      g_list_free (toplevels);
      if (!shown)
        g_test_message ("no dialog naming %s", name);
      g_assert_true (shown);
      n++;
    }
  /* at least the 40 fixtures of the malformed suite */
  g_assert_cmpuint (n, >=, 40);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* Ctrl+N opens a second window on a new untitled document with the
 * built-in data: the windows share nothing. */
static void
test_new_window (void)
{
  g_auto(GStrv) accels = gtk_application_get_accels_for_action (GTK_APPLICATION (app), "app.new-window");
  CplWindow *first = open_window ();
  guint before = g_list_length (gtk_application_get_windows (GTK_APPLICATION (app)));
  GtkWindow *window;
  CplDocument *document;

  g_assert_true (g_strv_contains ((const char * const *) accels, "<Control>n"));
  g_action_group_activate_action (G_ACTION_GROUP (app), "new-window", NULL);
  g_assert_cmpuint (g_list_length (gtk_application_get_windows (GTK_APPLICATION (app))), ==, before + 1);
  window = gtk_application_get_active_window (GTK_APPLICATION (app));
  g_assert_true (window != GTK_WINDOW (first));
  cpl_test_wait_for_draw (GTK_WIDGET (window));
  document = cpl_window_get_document (CPL_WINDOW (window));
  g_assert_true (document != cpl_window_get_document (first));
  g_assert_true (cpl_document_is_untouched (document));
  g_assert_nonnull (cpl_dataset_lookup (cpl_document_get_dataset (document), CPL_TYPE_SCENARIO, "full-ban-2025"));
  gtk_window_destroy (window);
  gtk_window_destroy (GTK_WINDOW (first));
}

/* `chip-policy-lab FILE.json` goes through GApplication::open: a window
 * shows at once (before the main loop has run: the file cannot have
 * loaded yet) with the built-in data untouched behind its loading page,
 * then the file is laid over the built-in dataset and the window is
 * named after it; opening it again, while it loads or after, brings that
 * window forward instead of a second one. */
static void
test_open_from_command_line (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fixtures", "unknown-keys.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  CplDataset *dataset;
  GtkWindow *window;

  window = GTK_WINDOW (cpl_test_open_from_command_line (app, file));
  dataset = cpl_document_get_dataset (cpl_window_get_document (CPL_WINDOW (window)));
  g_assert_null (cpl_dataset_lookup (dataset, CPL_TYPE_SCENARIO, "mine"));
  /* again while it loads: the same window */
  g_application_open (G_APPLICATION (app), &file, 1, "");
  g_assert_cmpuint (g_list_length (gtk_application_get_windows (GTK_APPLICATION (app))), ==, 1);

  while (cpl_window_get_loading (CPL_WINDOW (window)))
    g_main_context_iteration (NULL, TRUE);
  cpl_test_wait_for_draw (GTK_WIDGET (window));

  /* the overlay's scenario "mine" is there, beside the built-in ones */
  g_assert_nonnull (cpl_dataset_lookup (dataset, CPL_TYPE_SCENARIO, "mine"));
  g_assert_nonnull (cpl_dataset_lookup (dataset, CPL_TYPE_SCENARIO, "full-ban-2025"));
  {
    /* the title names the file, then the app */
    g_autofree char *title = g_strdup_printf (_("%s – Chip Policy Lab"), "unknown-keys.json");
    g_assert_cmpstr (gtk_window_get_title (window), ==, title);
  }

  /* again: the same window */
  g_application_open (G_APPLICATION (app), &file, 1, "");
  g_assert_cmpuint (g_list_length (gtk_application_get_windows (GTK_APPLICATION (app))), ==, 1);
  gtk_window_destroy (window);
}

/* A save that fails says so in the reader's language, names the user's
 * file, offers Save As, and leaves nothing behind. */
static void
test_save_error_translated (void)
{
  CplWindow *window = open_window ();
  g_autofree char *dir = g_dir_make_tmp ("cpl-window-XXXXXX", NULL);
  g_autofree char *blocker = g_build_filename (dir, "notes.txt", NULL);
  g_autofree char *path = g_build_filename (blocker, "x.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  GtkWidget *dialog = NULL;

  g_assert_true (g_file_set_contents (blocker, "not a folder", -1, NULL));
  cpl_window_save_to (window, file);
  cpl_test_wait_for_document (cpl_window_get_document (window));
  for (guint i = 0; i < 100 && dialog == NULL; i++)
    {
      g_autoptr(GList) toplevels = gtk_window_list_toplevels ();

      g_main_context_iteration (NULL, FALSE);
      for (GList *l = toplevels; l != NULL; l = l->next)
        if (ADW_IS_MESSAGE_DIALOG (l->data) && gtk_widget_get_visible (l->data))
          dialog = l->data;
    }
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (dialog)), ==,
                   expect ("Could Not Save the File", "无法保存文件", "無法儲存檔案"));
  g_assert_cmpstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog)), ==,
                   expect ("“x.json” was not saved because its folder does not exist. Save the dataset in another folder.",
                           "“x.json”未能保存：所在文件夹不存在。请将数据集保存到其他文件夹。",
                           "「x.json」未能儲存：所在資料夾不存在。請將資料集儲存到其他資料夾。"));
  g_assert_cmpstr (adw_message_dialog_get_response_label (ADW_MESSAGE_DIALOG (dialog), "save-as"), ==,
                   expect ("Save _As…", "另存为(_A)…", "另存新檔(_A)…"));
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_assert_null (cpl_document_get_file (cpl_window_get_document (window)));

  gtk_window_destroy (GTK_WINDOW (window));
  g_unlink (blocker);
  g_rmdir (dir);
}

/* The least width a label of @text that wraps (as GTK's tooltip's
 * does) can be given, and @text's width on one line. */
static void
wrapped_label_widths (const char *text,
                      int        *minimum,
                      int        *one_line)
{
  GtkWidget *label = g_object_ref_sink (gtk_label_new (text));
  PangoLayout *layout;

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 50);
  gtk_widget_measure (label, GTK_ORIENTATION_HORIZONTAL, -1, minimum, NULL, NULL, NULL);
  layout = gtk_widget_create_pango_layout (label, text);
  pango_layout_get_pixel_size (layout, one_line, NULL);
  g_object_unref (layout);
  g_object_unref (label);
}

/* A Chinese tooltip stands on one line: GTK 4.8's tooltip window gave
 * its wrapping label too little width for Chinese, and "主菜单" stood
 * one character per line.  Before GTK reads a tooltip, the app joins
 * its Han words (cpl_tooltips_keep_words()), and a label of the joined
 * words cannot be narrower than their line. */
static void
test_tooltip_words (void)
{
  GtkWidget *button = g_object_ref_sink (gtk_button_new ());
  GtkTooltip *tooltip = g_object_new (GTK_TYPE_TOOLTIP, NULL);
  gboolean shown = FALSE;
  int minimum, one_line;

  /* plain, a label of it may break after any character; joined, not */
  wrapped_label_widths ("主菜单", &minimum, &one_line);
  g_assert_cmpint (minimum, <, one_line / 2);
  wrapped_label_widths ("主\u2060菜\u2060单", &minimum, &one_line);
  g_assert_cmpint (minimum, >=, one_line);

  cpl_tooltips_keep_words ();
  gtk_widget_set_tooltip_text (button, "主菜单");
  g_signal_emit_by_name (button, "query-tooltip", 1, 1, FALSE, tooltip, &shown);
  g_assert_true (shown);
  g_assert_cmpstr (gtk_widget_get_tooltip_text (button), ==, "主\u2060菜\u2060单");
  /* English is left as it was */
  gtk_widget_set_tooltip_text (button, "Main Menu");
  g_signal_emit_by_name (button, "query-tooltip", 1, 1, FALSE, tooltip, &shown);
  g_assert_cmpstr (gtk_widget_get_tooltip_text (button), ==, "Main Menu");

  g_object_unref (tooltip);
  g_object_unref (button);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  chinese = g_str_has_prefix (g_getenv ("CPL_TEST_LANG") ? g_getenv ("CPL_TEST_LANG") : "", "zh");
  traditional = g_strcmp0 (g_getenv ("CPL_TEST_LANG"), "zh_TW") == 0;

  app = cpl_test_ui_init (&argc, &argv);

  g_test_add_func ("/window/pages-translated", test_pages_translated);
  g_test_add_func ("/window/lists", test_lists);
  g_test_add_func ("/window/chips-made-when-shown", test_chips_made_when_shown);
  g_test_add_func ("/window/revenue-made-when-shown", test_revenue_made_when_shown);
  g_test_add_func ("/window/menus-made-when-opened", test_menus_made_when_opened);
  g_test_add_func ("/window/sidebars-aligned", test_sidebars_aligned);
  g_test_add_func ("/window/range-names-spaced", test_range_names_spaced);
  g_test_add_func ("/window/rule-dates-whole", test_rule_dates_whole);
  g_test_add_func ("/window/edit-updates-row", test_edit_updates_row);
  g_test_add_func ("/window/money-input-unit", test_money_input_unit);
  g_test_add_func ("/window/money-scaled", test_money_scaled);
  g_test_add_func ("/window/bad-file-keeps-data", test_bad_file_keeps_data);
  g_test_add_func ("/window/every-bad-file", test_every_bad_file);
  g_test_add_func ("/window/new-window", test_new_window);
  g_test_add_func ("/window/open-from-command-line", test_open_from_command_line);
  g_test_add_func ("/window/save-error-translated", test_save_error_translated);
  g_test_add_func ("/window/tooltip-words", test_tooltip_words);
  status = g_test_run ();
  g_clear_object (&app);
  return status;
}
