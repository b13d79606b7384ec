/* test-chips.c: the Chips view with the built-in dataset, under Xvfb with
 * G_DEBUG=fatal-criticals, in English (en_US.UTF-8, for the grouping
 * of 2,368) */
#include "config.h"

#include <math.h>
#include <string.h>

#include "cpl-application.h"
#include "cpl-test-ui.h"
#include "cpl-window.h"
#include "views/chips/cpl-chip-text.h"
#include "views/chips/cpl-chips-view.h"
#include "views/chips/cpl-compare-chooser.h"
#include "views/chips/cpl-compare-window.h"
#include "views/chips/cpl-what-if-window.h"
#include "views/cpl-chart-builders.h"
#include "views/cpl-view-util.h"
#include "views/cpl-chart-export.h"
#include "widgets/cpl-bar-chart.h"
#include "widgets/cpl-chart-private.h"
#include "widgets/cpl-chart-view.h"
#include "widgets/cpl-scatter-chart.h"

static CplApplication *app;

static CplChipsView *
open_chips_view (CplWindow **window_out)
{
  CplWindow *window = cpl_test_open_window (app, "chips", NULL, -1, -1);

  *window_out = window;
  return CPL_CHIPS_VIEW (cpl_test_find_widget (GTK_WIDGET (window), CPL_TYPE_CHIPS_VIEW));
}

#define row_of cpl_test_chips_row

/* The first label under @root that reads @text (and is mapped, if
 * @mapped), or NULL. */
static GtkWidget *
find_label_where (GtkWidget  *root,
                  const char *text,
                  gboolean    mapped)
{
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();

  cpl_test_collect_widgets (root, GTK_TYPE_LABEL, labels);
  for (guint i = 0; i < labels->len; i++)
    if (g_str_equal (gtk_label_get_text (labels->pdata[i]), text) && (!mapped || gtk_widget_get_mapped (labels->pdata[i])))
      return labels->pdata[i];
  return NULL;
}

/* Shows the table on @iso, as cpl_chips_view_set_date() does. */
static void
set_date_iso (CplChipsView *view,
              const char   *iso)
{
  GDate date;

  g_assert_true (cpl_iso_date_parse (iso, &date));
  cpl_chips_view_set_date (view, &date);
}

static void
test_table (void)
{
  CplWindow *window;
  CplChipsView *view = open_chips_view (&window);
  CplDataset *dataset = cpl_application_get_dataset (app);
  g_autofree char *first_tpp = NULL;
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;
  g_autofree char *tpp = NULL;
  int h20;

  /* every built-in chip is listed */
  g_assert_cmpuint (cpl_chips_view_get_n_rows (view), ==,
                    g_list_model_get_n_items (cpl_dataset_get_chips (dataset)));
  g_assert_cmpuint (cpl_chips_view_get_n_rows (view), >=, 14);

  /* sorting by TPP, highest first: the GB200 (fp8 5,000 × 8 = 40,000)
   * beats the MI355X (37,440) and the B200 (36,000) */
  g_assert_true (cpl_chips_view_sort_by (view, "tpp", GTK_SORT_DESCENDING));
  cpl_test_wait_for_draw (GTK_WIDGET (window));
  g_assert_cmpstr (cpl_entity_get_id (CPL_ENTITY (cpl_chips_view_get_row_chip (view, 0))), ==, "nvidia-gb200");
  first_tpp = cpl_chips_view_get_cell_text (view, 0, "tpp");
  g_assert_cmpstr (first_tpp, ==, "40,000");

  /* the H20 is not caught by either 2023 rule (TPP 2,368 < 2,400 and
   * PD 2.91 < 3.2) */
  h20 = row_of (view, "nvidia-h20");
  g_assert_cmpint (h20, >=, 0);
  a = cpl_chips_view_get_cell_text (view, h20, "rule:eccn-3a090a-2023");
  b = cpl_chips_view_get_cell_text (view, h20, "rule:eccn-3a090b-2023");
  tpp = cpl_chips_view_get_cell_text (view, h20, "tpp");
  g_assert_cmpstr (a, ==, "Not caught");
  g_assert_cmpstr (b, ==, "Not caught");
  g_assert_cmpstr (tpp, ==, "2,368");

  gtk_window_destroy (GTK_WINDOW (window));
}

/* Picks @iso in the date control's calendar, as a click on the day does. */
static void
pick_date (CplChipsView *view,
           const char   *iso)
{
  GtkCalendar *calendar = GTK_CALENDAR (cpl_test_find_widget (GTK_WIDGET (view), GTK_TYPE_CALENDAR));
  g_autoptr(GDateTime) day = NULL;
  char shown[16];
  GDate date;

  g_assert_true (cpl_iso_date_parse (iso, &date));
  day = g_date_time_new_local (g_date_get_year (&date), g_date_get_month (&date), g_date_get_day (&date), 12, 0, 0);
  gtk_calendar_select_day (calendar, day);
  g_date_strftime (shown, sizeof shown, "%Y-%m-%d", cpl_chips_view_get_date (view));
  g_assert_cmpstr (shown, ==, iso);
}

static gboolean
is_quick_pick (GtkWidget     *widget,
               gconstpointer  data)
{
  return GTK_IS_BUTTON (widget) && g_object_get_data (G_OBJECT (widget), "cpl-date") != NULL;
}

/* Every quick pick of the date control (a button holding "cpl-date")
 * under @widget, in order. */
static void
find_quick_picks (GtkWidget *widget,
                  GPtrArray *found)
{
  cpl_test_collect_matching (widget, is_quick_pick, NULL, found);
}

/* The "Status in China" column at two dates, and the rule columns in
 * the words of their effect (MODEL.md §2.1; the built-in rules). */
/* A verdict cell's explanation is its tooltip, given when asked for
 * (not set on the widget: that asks the display where the pointer is, at
 * every cell bound), and its accessible description, kept in step. */
static void
test_verdict_tooltip (void)
{
  GtkWidget *box = g_object_ref_sink (cpl_verdict_box_new ());
  g_autofree char *wrong = NULL;
  g_autofree char *wrong_again = NULL;

  cpl_verdict_box_set (box, CPL_TRI_TRUE, "TPP 16,000 ≥ 4,800");
  g_assert_true (gtk_widget_get_has_tooltip (box));
  wrong = gtk_test_accessible_check_property (GTK_ACCESSIBLE (box), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                              "TPP 16,000 ≥ 4,800");
  g_assert_null (wrong);
  cpl_verdict_box_set (box, CPL_TRI_FALSE, "TPP 2,368 < 4,800");
  wrong_again = gtk_test_accessible_check_property (GTK_ACCESSIBLE (box), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                                    "TPP 2,368 < 4,800");
  g_assert_null (wrong_again);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (gtk_widget_get_last_child (box))), ==,
                   cpl_verdict_get_label (CPL_TRI_FALSE));
  g_object_unref (box);
}

/* The date control's popover at @width × @height: its box's orientation
 * once shown, and it fits in the window, the calendar shown whole
 * without scrolling where the window is wide (a wheel over the calendar
 * turns its month, not the popover). */
static GtkOrientation
date_popover_orientation (int width,
                          int height)
{
  CplWindow *window = cpl_test_open_window (app, "chips", NULL, width, height);
  GtkWidget *calendar = cpl_test_find_widget (GTK_WIDGET (window), GTK_TYPE_CALENDAR);
  GtkWidget *popover = gtk_widget_get_ancestor (calendar, GTK_TYPE_POPOVER);
  GtkAdjustment *scroll;
  GtkOrientation orientation;

  /* the tooltip of the date control (on the box of its label and
   * button) off while its popover is open (it covered the popover's
   * heading), back once it closes */
  GtkWidget *control = gtk_widget_get_parent (gtk_widget_get_parent (popover));

  g_assert_true (gtk_widget_get_has_tooltip (control));
  gtk_popover_popup (GTK_POPOVER (popover));
  cpl_test_wait_for_draw (popover);
  g_assert_false (gtk_widget_get_has_tooltip (control));
  orientation = gtk_orientable_get_orientation (GTK_ORIENTABLE (gtk_widget_get_parent (calendar)));
  g_assert_cmpint (gtk_widget_get_height (popover), <=, height);
  scroll = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (gtk_widget_get_ancestor (calendar,
                                                                                           GTK_TYPE_SCROLLED_WINDOW)));
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    g_assert_cmpfloat (gtk_adjustment_get_upper (scroll), <=, gtk_adjustment_get_page_size (scroll));
  gtk_popover_popdown (GTK_POPOVER (popover));
  g_assert_true (gtk_widget_get_has_tooltip (control));
  gtk_window_destroy (GTK_WINDOW (window));
  return orientation;
}

/* The date popover: the calendar beside the rule changes on a wide
 * window (at 1280 × 800 the editor's, under a row at mid-height, went up
 * and cut its calendar), under them on a phone; each rule change gives
 * the names of its rules whole (cut at 40 characters, "Licence letters
 * for H20 and MI30…" and "Licences for H20 and MI308X (Au…" read alike),
 * and a long list scrolls within 320 px (50 rules went off the screen). */
static void
test_date_popover (void)
{
  CplWindow *window;
  CplChipsView *view = open_chips_view (&window);
  g_autoptr(GPtrArray) picks = g_ptr_array_new ();
  GtkWidget *names;

  g_assert_cmpint (date_popover_orientation (1280, 800), ==, GTK_ORIENTATION_HORIZONTAL);
  g_assert_cmpint (date_popover_orientation (360, 640), ==, GTK_ORIENTATION_VERTICAL);

  /* 2023-11-17 (the sixth, the latest first): both 2023 rules, 41
   * characters together */
  find_quick_picks (GTK_WIDGET (view), picks);
  g_assert_cmpstr (g_object_get_data (picks->pdata[5], "cpl-date"), ==, "2023-11-17");
  names = gtk_widget_get_last_child (gtk_button_get_child (picks->pdata[5]));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (names)), ==, "ECCN 3A090.a (2023); ECCN 3A090.b (2023)");
  g_assert_cmpint (gtk_label_get_ellipsize (GTK_LABEL (names)), ==, PANGO_ELLIPSIZE_NONE);
  g_assert_true (gtk_label_get_wrap (GTK_LABEL (names)));
  gtk_window_destroy (GTK_WINDOW (window));

  /* 60 rule changes of 40 px each (2,400 px): 320 px of them shown */
  {
    GtkWidget *top = gtk_window_new ();
    GtkWidget *button = gtk_menu_button_new ();
    GtkBox *quick = GTK_BOX (gtk_box_new (GTK_ORIENTATION_VERTICAL, 0));
    GtkWidget *popover = cpl_date_popover_new (gtk_calendar_new (), quick);

    for (guint i = 0; i < 60; i++)
      {
        GtkWidget *pick = gtk_button_new_with_label ("2022-10-07");

        gtk_widget_set_size_request (pick, -1, 40);
        gtk_box_append (quick, pick);
      }
    gtk_menu_button_set_popover (GTK_MENU_BUTTON (button), popover);
    /* at the window's top, with room below */
    gtk_widget_set_valign (button, GTK_ALIGN_START);
    gtk_widget_set_halign (button, GTK_ALIGN_CENTER);
    gtk_window_set_child (GTK_WINDOW (top), button);
    gtk_window_set_default_size (GTK_WINDOW (top), 1280, 800);
    gtk_window_present (GTK_WINDOW (top));
    cpl_test_wait_for_draw (top);
    gtk_popover_popup (GTK_POPOVER (popover));
    cpl_test_wait_for_draw (popover);
    g_assert_cmpint (gtk_widget_get_height (gtk_widget_get_ancestor (GTK_WIDGET (quick), GTK_TYPE_SCROLLED_WINDOW)),
                     ==, 320);
    gtk_popover_popdown (GTK_POPOVER (popover));
    gtk_window_destroy (GTK_WINDOW (top));
  }
}

static void
test_status_column (void)
{
  CplWindow *window;
  CplChipsView *view = open_chips_view (&window);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  const GDate *shown = cpl_chips_view_get_date (view);
  g_autofree char *june = NULL;
  g_autofree char *september = NULL;
  g_autofree char *h200 = NULL;
  g_autofree char *b200 = NULL;
  g_autofree char *licence = NULL;
  g_autofree char *share = NULL;
  g_autofree char *no_share = NULL;
  g_autofree char *ascend = NULL;

  /* the table opens on today */
  g_assert_cmpint (g_date_get_year (shown), ==, g_date_time_get_year (now));
  g_assert_cmpint (g_date_get_day_of_year (shown), ==, g_date_time_get_day_of_year (now));

  /* 2025-06-01: the April letters name the H20 (control) and no licence
   * rule is in force yet → denied.  2025-09-01: the August licences and
   * the 15% share name it → licensable at 15%. */
  pick_date (view, "2025-06-01");
  june = cpl_chips_view_get_cell_text (view, row_of (view, "nvidia-h20"), "status");
  g_assert_cmpstr (june, ==, "Denied");
  pick_date (view, "2025-09-01");
  cpl_test_wait_for_draw (GTK_WIDGET (window));
  september = cpl_chips_view_get_cell_text (view, row_of (view, "nvidia-h20"), "status");
  g_assert_cmpstr (september, ==, "Licensable · 15% share");

  /* 2026-02-01: the H200 (TPP 15,832, 4,800 GB/s) is in the case-by-case
   * rule and the first tariff band; the B200 (TPP 36,000) in neither */
  pick_date (view, "2026-02-01");
  h200 = cpl_chips_view_get_cell_text (view, row_of (view, "nvidia-h200"), "status");
  b200 = cpl_chips_view_get_cell_text (view, row_of (view, "nvidia-b200"), "status");
  ascend = cpl_chips_view_get_cell_text (view, row_of (view, "huawei-ascend-910c"), "status");
  g_assert_cmpstr (h200, ==, "Licensable · 25% share");
  g_assert_cmpstr (b200, ==, "Denied");
  g_assert_cmpstr (ascend, ==, "Domestic");

  /* the quick picks: one per date a built-in rule comes into force, the
   * latest first: 2026-01-15, 2026-01-14, 2025-12-08 (H200 licence and
   * share), 2025-08-11 (H20 licence and share), 2025-04-09, 2023-11-17
   * (both 2023 rules), 2022-10-07 → 7.  The fourth sets 2025-08-11, the
   * first day the H20 is licensable at 15%. */
  {
    g_autoptr(GPtrArray) picks = g_ptr_array_new ();
    g_autofree char *picked = NULL;

    find_quick_picks (GTK_WIDGET (view), picks);
    g_assert_cmpuint (picks->len, ==, 7);
    g_assert_cmpstr (g_object_get_data (picks->pdata[0], "cpl-date"), ==, "2026-01-15");
    g_assert_cmpstr (g_object_get_data (picks->pdata[6], "cpl-date"), ==, "2022-10-07");
    g_assert_cmpstr (g_object_get_data (picks->pdata[3], "cpl-date"), ==, "2025-08-11");
    g_signal_emit_by_name (picks->pdata[3], "clicked");
    picked = cpl_chips_view_get_cell_text (view, row_of (view, "nvidia-h20"), "status");
    g_assert_cmpstr (picked, ==, "Licensable · 15% share");
    pick_date (view, "2026-02-01");
  }

  /* a licence rule's match reads "Licensable", a share rule's "25% share
   * applies", not "Controlled" */
  licence = cpl_chips_view_get_cell_text (view, row_of (view, "nvidia-h200"), "rule:case-by-case-2026");
  share = cpl_chips_view_get_cell_text (view, row_of (view, "nvidia-h200"), "rule:tariff-25-2026");
  no_share = cpl_chips_view_get_cell_text (view, row_of (view, "nvidia-b200"), "rule:tariff-25-2026");
  g_assert_cmpstr (licence, ==, "Licensable");
  g_assert_cmpstr (share, ==, "25% share applies");
  g_assert_cmpstr (no_share, ==, "Does not apply");

  gtk_window_destroy (GTK_WINDOW (window));
}

/* Clicks the timeline in @chip_id's row on @iso, as a pointer does. */
static void
click_timeline (CplTimelineChart *timeline,
                const char       *chip_id,
                const char       *iso)
{
  GDate date;
  double y = NAN;

  g_assert_true (cpl_iso_date_parse (iso, &date));
  for (guint r = 0; r < cpl_timeline_chart_get_n_rows (timeline); r++)
    if (g_str_equal (cpl_entity_get_id (CPL_ENTITY (cpl_timeline_chart_get_row_chip (timeline, r))), chip_id))
      g_assert_true (cpl_timeline_chart_row_y (timeline, r, &y));
  g_assert_false (isnan (y));
  CPL_CHART_GET_CLASS (timeline)->pressed (CPL_CHART (timeline), 1,
                                           cpl_timeline_chart_date_x (timeline, &date) + .5, y);
}

/* The Timeline page: its rows, and a click on a span sets the table's
 * date to the span's first day. */
static void
test_timeline (void)
{
  CplWindow *window;
  CplChipsView *view = open_chips_view (&window);
  CplTimelineChart *timeline = cpl_chips_view_get_timeline (view);
  GtkWidget *timeline_view = cpl_test_find_chart_view (GTK_WIDGET (view), timeline);
  GtkStack *stack = GTK_STACK (gtk_widget_get_ancestor (timeline_view, GTK_TYPE_STACK));
  g_autofree char *denied = NULL;
  g_autofree char *licensable = NULL;
  char shown[16];
  CplChipStatus status;
  GDate start;
  double share;
  guint h20 = G_MAXUINT;

  /* filled when its page is first shown, not with the table */
  g_assert_cmpuint (cpl_timeline_chart_get_n_rows (timeline), ==, 0);
  gtk_stack_set_visible_child_name (stack, "timeline");
  cpl_test_iterate_for (300);
  g_assert_true (gtk_widget_get_mapped (timeline_view));
  g_assert_cmpint (gtk_widget_get_width (timeline_view), >, 0);

  /* 14 built-in chips, less Huawei's two: 12 rows, the H20 among them
   * with its three spans: free, denied by the 2025-04-09 letters,
   * licensable at 15% from 2025-08-11 */
  g_assert_cmpuint (cpl_timeline_chart_get_n_rows (timeline), ==, 12);
  /* and the page says why the Ascend 910B and 910C have no row */
  g_assert_nonnull (find_label_where (GTK_WIDGET (view), "Foreign chips only: the sale of domestic chips in China "
                                                         "is not subject to US export rules.", TRUE));
  for (guint r = 0; r < 12; r++)
    if (g_str_equal (cpl_entity_get_id (CPL_ENTITY (cpl_timeline_chart_get_row_chip (timeline, r))), "nvidia-h20"))
      h20 = r;
  g_assert_cmpuint (h20, <, 12);
  g_assert_cmpuint (cpl_timeline_chart_get_n_spans (timeline, h20), ==, 3);
  g_assert_true (cpl_timeline_chart_get_span (timeline, h20, 2, &start, NULL, &status, &share));
  g_date_strftime (shown, sizeof shown, "%Y-%m-%d", &start);
  g_assert_cmpstr (shown, ==, "2025-08-11");
  g_assert_cmpint (status, ==, CPL_CHIP_STATUS_LICENSABLE);
  g_assert_cmpfloat_with_epsilon (share, .15, 1e-12);

  /* a click on the H20's row in June 2025, inside the denied span, shows
   * the table on the span's first day, 2025-04-09: the H20 is denied;
   * the table comes into view (it stayed on the timeline), the H20's
   * detail beside it (the chip shown before stayed) */
  cpl_chips_view_show_chip (view, cpl_dataset_lookup_chip (cpl_application_get_dataset (app), "nvidia-a100"));
  click_timeline (timeline, "nvidia-h20", "2025-06-15");
  g_assert_cmpstr (cpl_entity_get_id (CPL_ENTITY (cpl_chips_view_get_shown_chip (view))), ==, "nvidia-h20");
  g_date_strftime (shown, sizeof shown, "%Y-%m-%d", cpl_chips_view_get_date (view));
  g_assert_cmpstr (shown, ==, "2025-04-09");
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "table");
  denied = cpl_chips_view_get_cell_text (view, row_of (view, "nvidia-h20"), "status");
  g_assert_cmpstr (denied, ==, "Denied");
  /* its legend names the date the line stands on, as the date control
   * does ("Date in the table" was read with no table in view) */
  {
    g_auto(GStrv) legend = cpl_timeline_chart_dup_legend_labels (timeline);

    g_assert_cmpstr (legend[g_strv_length (legend) - 1], ==, "Rules in force on 2025-04-09");
  }

  /* in October 2025, the licensable span from 2025-08-11 */
  gtk_stack_set_visible_child_name (stack, "timeline");
  cpl_test_iterate_for (300);
  click_timeline (timeline, "nvidia-h20", "2025-10-01");
  g_date_strftime (shown, sizeof shown, "%Y-%m-%d", cpl_chips_view_get_date (view));
  g_assert_cmpstr (shown, ==, "2025-08-11");
  licensable = cpl_chips_view_get_cell_text (view, row_of (view, "nvidia-h20"), "status");
  g_assert_cmpstr (licensable, ==, "Licensable · 15% share");
  /* and the timeline marks the table's date */
  g_date_strftime (shown, sizeof shown, "%Y-%m-%d", cpl_timeline_chart_get_date (timeline));
  g_assert_cmpstr (shown, ==, "2025-08-11");

  gtk_window_destroy (GTK_WINDOW (window));
}

/* A chip without figures has no TPP: it sorts after every chip that has
 * one, whichever way the column sorts. */
/* The threshold map and the timeline have Export… in their context menus
 * (the "chart-export.export" action of their views), which opens the
 * Export Chart dialog over the window; their exports carry their titles
 * and a name from their ids. */
static void
test_export_menu (void)
{
  CplWindow *window;
  CplChipsView *view = open_chips_view (&window);
  CplTimelineChart *timeline = cpl_chips_view_get_timeline (view);
  GtkWidget *timeline_view = cpl_test_find_chart_view (GTK_WIDGET (view), timeline);
  GListModel *toplevels = gtk_window_get_toplevels ();
  guint before = g_list_model_get_n_items (toplevels);
  g_autofree char *name = cpl_chart_export_suggest_name (CPL_CHART (timeline), CPL_CHART_SAVE_SVG);

  g_assert_cmpstr (cpl_chart_get_title (CPL_CHART (timeline)), ==, "Timeline of each chip's status in China");
  g_assert_cmpstr (name, ==, "timeline.svg");
  g_assert_true (gtk_widget_activate_action (timeline_view, "chart-export.export", NULL));
  cpl_test_wait_for_draw (GTK_WIDGET (window));
  g_assert_cmpuint (g_list_model_get_n_items (toplevels), ==, before + 1);
  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) toplevel = g_list_model_get_item (toplevels, i);

      if (g_strcmp0 (gtk_window_get_title (toplevel), "Export Chart") == 0)
        {
          g_assert_true (gtk_window_get_transient_for (toplevel) == GTK_WINDOW (window));
          gtk_window_destroy (toplevel);
        }
    }
  g_assert_cmpuint (g_list_model_get_n_items (toplevels), ==, before);
  gtk_window_destroy (GTK_WINDOW (window));
}

static gboolean
is_shown_export_button (GtkWidget     *widget,
                        gconstpointer  data)
{
  return GTK_IS_BUTTON (widget) && gtk_widget_get_mapped (widget) &&
         g_strcmp0 (gtk_widget_get_tooltip_text (widget), "Export Chart…") == 0;
}

/* The one Export Chart… button shown under @root (NULL if none), and that
 * it is the only one. */
static GtkWidget *
shown_export_button (GtkWidget *root)
{
  g_autoptr(GPtrArray) found = g_ptr_array_new ();

  cpl_test_collect_matching (root, is_shown_export_button, NULL, found);
  g_assert_cmpuint (found->len, <=, 1);
  return found->len == 1 ? g_ptr_array_index (found, 0) : NULL;
}

/* The chart pages' Export… is a button too, not only in the context menu:
 * the threshold map's page and the timeline's show one beside the table's
 * menu, each for its own chart, and the table's page none.  The Compare
 * and What-If windows show one beside their chart's heading; their exports
 * keep their titles and names. */
static void
test_export_buttons (void)
{
  CplWindow *window;
  CplChipsView *view = open_chips_view (&window);
  GtkWidget *timeline_view = cpl_test_find_chart_view (GTK_WIDGET (view), cpl_chips_view_get_timeline (view));
  GtkStack *stack = GTK_STACK (gtk_widget_get_ancestor (timeline_view, GTK_TYPE_STACK));
  GtkWidget *map_view = cpl_test_find_widget (gtk_stack_get_child_by_name (stack, "map"), CPL_TYPE_CHART_VIEW);
  const char *ids[] = { "nvidia-h20", "nvidia-h200", NULL };
  GtkWindow *compare, *what_if;
  GtkWidget *button;
  CplChart *chart;
  g_autofree char *compare_name = NULL;
  g_autofree char *what_if_name = NULL;

  cpl_test_wait_for_draw (GTK_WIDGET (window));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "table");
  g_assert_null (shown_export_button (GTK_WIDGET (view)));

  gtk_stack_set_visible_child_name (stack, "map");
  cpl_test_wait_for_draw (GTK_WIDGET (window));
  button = shown_export_button (GTK_WIDGET (view));
  g_assert_nonnull (button);
  g_assert_true (GTK_WIDGET (cpl_chart_export_button_get_view (button)) == map_view);

  gtk_stack_set_visible_child_name (stack, "timeline");
  cpl_test_wait_for_draw (GTK_WIDGET (window));
  button = shown_export_button (GTK_WIDGET (view));
  g_assert_nonnull (button);
  g_assert_true (GTK_WIDGET (cpl_chart_export_button_get_view (button)) == timeline_view);

  gtk_stack_set_visible_child_name (stack, "table");
  cpl_test_wait_for_draw (GTK_WIDGET (window));
  g_assert_null (shown_export_button (GTK_WIDGET (view)));

  compare = cpl_chips_view_compare (view, ids);
  cpl_test_wait_for_draw (GTK_WIDGET (compare));
  button = shown_export_button (GTK_WIDGET (compare));
  g_assert_nonnull (button);
  chart = cpl_chart_view_get_chart (cpl_chart_export_button_get_view (button));
  g_assert_true (CPL_IS_BAR_CHART (chart));
  g_assert_cmpstr (cpl_chart_get_title (chart), ==, "Each Chip Against the First");
  compare_name = cpl_chart_export_suggest_name (chart, CPL_CHART_SAVE_SVG);
  g_assert_cmpstr (compare_name, ==, "chip-comparison.svg");
  gtk_window_destroy (compare);

  what_if = cpl_chips_view_show_what_if (view);
  cpl_test_wait_for_draw (GTK_WIDGET (what_if));
  button = shown_export_button (GTK_WIDGET (what_if));
  g_assert_nonnull (button);
  chart = cpl_chart_view_get_chart (cpl_chart_export_button_get_view (button));
  g_assert_true (chart == CPL_CHART (cpl_what_if_window_get_map (CPL_WHAT_IF_WINDOW (what_if))));
  g_assert_cmpstr (cpl_chart_get_title (chart), ==, "What-If Chip");
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (gtk_widget_get_first_child (gtk_widget_get_parent (button)))), ==,
                   "Threshold Map");
  what_if_name = cpl_chart_export_suggest_name (chart, CPL_CHART_SAVE_SVG);
  g_assert_cmpstr (what_if_name, ==, "what-if-chip.svg");
  gtk_window_destroy (what_if);

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_unknown_last (void)
{
  CplWindow *window;
  CplChipsView *view = open_chips_view (&window);
  CplDataset *dataset = cpl_application_get_dataset (app);
  g_autoptr(CplChip) blank = cpl_chip_new ("zz-no-figures", "No figures", "nvidia");
  guint last;

  cpl_dataset_append (dataset, CPL_ENTITY (blank));
  cpl_test_wait_for_draw (GTK_WIDGET (window));
  last = cpl_chips_view_get_n_rows (view) - 1;

  g_assert_true (cpl_chips_view_sort_by (view, "tpp", GTK_SORT_DESCENDING));
  g_assert_true (cpl_chips_view_get_row_chip (view, last) == blank);
  g_assert_cmpstr (cpl_entity_get_id (CPL_ENTITY (cpl_chips_view_get_row_chip (view, 0))), ==, "nvidia-gb200");
  g_assert_true (cpl_chips_view_sort_by (view, "tpp", GTK_SORT_ASCENDING));
  g_assert_true (cpl_chips_view_get_row_chip (view, last) == blank);
  /* H20 and MI308X, 2,368 each, are the smallest known TPP */
  {
    g_autofree char *smallest = cpl_chips_view_get_cell_text (view, 0, "tpp");
    g_assert_cmpstr (smallest, ==, "2,368");
  }

  cpl_dataset_remove (dataset, CPL_ENTITY (blank));
  gtk_window_destroy (GTK_WINDOW (window));
}

/* What If… from the chip shown starts from its figures, "what if the
 * H20 had…": its TPP, FP8 296 × 8 = 2,368, and density 2,368 / 814 mm² =
 * 2.91 at once, under the name "H20 (what if)" (the form started empty,
 * every rule "needs data"). */
static void
test_what_if_from_chip (void)
{
  CplWindow *window;
  CplChipsView *view = open_chips_view (&window);
  CplWhatIfWindow *what_if;
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();
  gboolean named = FALSE;

  cpl_chips_view_show_chip (view, cpl_dataset_lookup_chip (cpl_application_get_dataset (app), "nvidia-h20"));
  what_if = CPL_WHAT_IF_WINDOW (cpl_chips_view_show_what_if (view));
  cpl_test_wait_for_draw (GTK_WIDGET (what_if));
  g_assert_cmpstr (cpl_what_if_window_get_result (what_if, "tpp"), ==, "2,368");
  /* the density with its unit, never broken from it */
  g_assert_cmpstr (cpl_what_if_window_get_result (what_if, "pd"), ==, "2.91\xc2\xa0TPP/\xe2\x81\xa0mm²");
  cpl_test_collect_widgets (GTK_WIDGET (what_if), ADW_TYPE_ENTRY_ROW, rows);
  for (guint i = 0; i < rows->len; i++)
    named |= g_str_equal (gtk_editable_get_text (rows->pdata[i]), "H20 (what if)");
  g_assert_true (named);
  gtk_window_destroy (GTK_WINDOW (what_if));
  gtk_window_destroy (GTK_WINDOW (window));
}

/* The wheel over the What If… form's numbers scrolls the form and leaves
 * them alone unless one has the keyboard: scrolling down it took the
 * H20's FP32 from 44 to 43 and its TF32 from 74 to 73.9. */
static void
test_what_if_wheel (void)
{
  CplWindow *window;
  CplChipsView *view = open_chips_view (&window);
  GtkWidget *what_if, *spin;
  GtkAdjustment *page;
  g_autoptr(GListModel) controllers = NULL;
  GtkEventController *wheel = NULL;
  gboolean stopped = FALSE;
  double before;

  cpl_chips_view_show_chip (view, cpl_dataset_lookup_chip (cpl_application_get_dataset (app), "nvidia-h20"));
  what_if = GTK_WIDGET (cpl_chips_view_show_what_if (view));
  gtk_window_set_default_size (GTK_WINDOW (what_if), 360, 640);
  cpl_test_wait_for_draw (what_if);
  spin = cpl_test_find_widget (what_if, GTK_TYPE_SPIN_BUTTON);
  page = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (gtk_widget_get_ancestor (spin,
                                                                                         GTK_TYPE_SCROLLED_WINDOW)));
  controllers = gtk_widget_observe_controllers (spin);
  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_EVENT_CONTROLLER_SCROLL (controller) &&
          gtk_event_controller_get_propagation_phase (controller) == GTK_PHASE_CAPTURE)
        wheel = controller;
    }
  g_assert_nonnull (wheel);
  before = gtk_spin_button_get_value (GTK_SPIN_BUTTON (spin));
  g_assert_cmpfloat (gtk_adjustment_get_value (page), ==, 0);
  g_signal_emit_by_name (wheel, "scroll", 0.0, 1.0, &stopped);
  g_assert_true (stopped);
  g_assert_cmpfloat (gtk_adjustment_get_value (page), >, 0);
  g_assert_cmpfloat (gtk_spin_button_get_value (GTK_SPIN_BUTTON (spin)), ==, before);
  /* with the keyboard in it, the wheel is the spin button's own */
  gtk_widget_grab_focus (spin);
  g_signal_emit_by_name (wheel, "scroll", 0.0, 1.0, &stopped);
  g_assert_false (stopped);
  gtk_window_destroy (GTK_WINDOW (what_if));
  gtk_window_destroy (GTK_WINDOW (window));
}

/* "Needs data" wears a question mark in a ring, the app's own icon (from
 * its resources when nothing is installed): Adwaita's
 * dialog-question-symbolic, a black diamond holding "?", read as U+FFFD,
 * the sign of a character that could not be shown. */
static void
test_needs_data_icon (void)
{
  GtkIconTheme *theme = gtk_icon_theme_get_for_display (gdk_display_get_default ());
  const char *verdict_icon = cpl_verdict_get_icon_name (CPL_TRI_UNKNOWN);
  const char *status_icon, *css_class;
  g_autoptr(GtkIconPaintable) icon = NULL;
  g_autoptr(GFile) file = NULL;
  g_autofree char *uri = NULL;

  cpl_chip_status_get_style (CPL_CHIP_STATUS_UNKNOWN, &status_icon, &css_class);
  g_assert_cmpstr (verdict_icon, ==, "cpl-needs-data-symbolic");
  g_assert_cmpstr (status_icon, ==, verdict_icon);
  g_assert_true (gtk_icon_theme_has_icon (theme, verdict_icon));
  icon = gtk_icon_theme_lookup_icon (theme, verdict_icon, NULL, 16, 1, GTK_TEXT_DIR_LTR, 0);
  file = gtk_icon_paintable_get_file (icon);
  g_assert_nonnull (file);
  uri = g_file_get_uri (file);
  g_assert_true (g_str_has_suffix (uri, "/icons/scalable/actions/cpl-needs-data-symbolic.svg"));
  g_assert_true (g_str_has_prefix (uri, "resource://"));
}

static gboolean
is_dim_verdict (GtkWidget     *widget,
                gconstpointer  data)
{
  return GTK_IS_BOX (widget) && gtk_widget_has_css_class (widget, "verdict") &&
         gtk_widget_has_css_class (widget, "dim-label") && gtk_widget_get_mapped (widget) &&
         gtk_widget_get_width (widget) > 0;
}

/* A dim verdict (a domestic chip's, in a rule's column) is drawn in a
 * dimmer colour, not under an opacity node over its icon and word,
 * which GTK drew into a texture of its own first, for every such cell on
 * screen, every frame (cpl_test_assert_dim_by_colour()). */
static void
test_dim_verdict (void)
{
  CplWindow *window;
  CplChipsView *view = open_chips_view (&window);
  GtkWidget *verdict;

  cpl_test_wait_for_draw (GTK_WIDGET (window));
  verdict = cpl_test_find_matching (GTK_WIDGET (view), is_dim_verdict, NULL);
  g_assert_nonnull (verdict);
  cpl_test_assert_dim_by_colour (verdict);
  gtk_window_destroy (GTK_WINDOW (window));
}

static gboolean
is_lapsed_controlled (GtkWidget     *widget,
                      gconstpointer  data)
{
  const char *tooltip = g_object_get_data (G_OBJECT (widget), "cpl-tooltip");
  GtkWidget *label = GTK_IS_BOX (widget) ? gtk_widget_get_last_child (widget) : NULL;

  return label != NULL && GTK_IS_LABEL (label) && gtk_widget_has_css_class (widget, "verdict") &&
         g_strcmp0 (gtk_label_get_text (GTK_LABEL (label)), "Controlled") == 0 &&
         tooltip != NULL && g_str_has_prefix (tooltip, "No longer in force on 1 June 2025: it ended on 17 November 2023\n");
}

/* A rule not in force on the table's date has its verdicts in grey, and
 * their tooltips say so first, as the detail and Compare do: on
 * 2025-06-01 the October 2022 rule (ended 2023-11-17) still reads
 * "Controlled" of the A100 (TPP 4,992 ≥ 4,800, 600 GB/s ≥ 600), in red
 * beside the rules in force, before. */
static void
test_table_lapsed_rule (void)
{
  CplWindow *window;
  CplChipsView *view = open_chips_view (&window);
  GtkWidget *cell;

  set_date_iso (view, "2025-06-01");
  cpl_test_wait_for_draw (GTK_WIDGET (window));
  cell = cpl_test_find_matching (GTK_WIDGET (view), is_lapsed_controlled, NULL);
  g_assert_nonnull (cell);
  g_assert_true (gtk_widget_has_css_class (cell, "dim-label"));
  gtk_window_destroy (GTK_WINDOW (window));
}

/* The switch row titled @title in @what_if, or NULL when there is none
 * shown. */
static GtkSwitch *
what_if_switch (CplWhatIfWindow *what_if,
                const char      *title)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();

  cpl_test_collect_widgets (GTK_WIDGET (what_if), ADW_TYPE_ACTION_ROW, rows);
  for (guint i = 0; i < rows->len; i++)
    if (g_str_equal (adw_preferences_row_get_title (rows->pdata[i]), title)
        && gtk_widget_get_visible (rows->pdata[i]))
      {
        g_autoptr(GPtrArray) switches = g_ptr_array_new ();

        cpl_test_collect_widgets (rows->pdata[i], GTK_TYPE_SWITCH, switches);
        return switches->len > 0 ? switches->pdata[0] : NULL;
      }
  return NULL;
}

/* What If… says what all the rules make of the chip on the Chips view's
 * date, as the table's status column does.  On 2026-02-01 (see
 * test_compare_status): an H200 twin is caught by 3A090.a (2023) (TPP
 * 15,832 ≥ 4,800), opened by the case-by-case review (15,832 < 21,000
 * and 4,800 < 6,500 GB/s) and in the 25% tariff band (TPP 14,000–17,500,
 * 4,500–5,000 GB/s): licensable at 25%, as the H200 itself.  The
 * December 2025 licence and share name the H200: "Rules naming H200 SXM
 * apply" is on; off, the twin is judged by its figures alone and the
 * January 2026 rules above still make it licensable at 25%.  The
 * thresholds do not catch an
 * H20 twin (TPP 2,368 < 2,400 and 4,800; density 2.91 < 3.2), but the
 * April 2025 letters, the August licences and the 15% share name the
 * H20: while "Rules naming H20 apply" is on (as it starts), the twin is
 * licensable at 15% like the H20 (it needed no licence, and read as a
 * finding that an H20-class chip ships freely); off, judged by its
 * figures alone, as a new product would be, it needs no licence. */
static void
test_what_if_status (void)
{
  CplWindow *window;
  CplChipsView *view = open_chips_view (&window);
  CplDataset *dataset = cpl_application_get_dataset (app);
  const char *ids[] = { "nvidia-h200", "nvidia-h20" };
  const char *statuses[] = { "Licensable · 25% share", "Licensable · 15% share" };

  set_date_iso (view, "2026-02-01");
  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    {
      CplWhatIfWindow *what_if;
      GtkSwitch *named;

      cpl_chips_view_show_chip (view, cpl_dataset_lookup_chip (dataset, ids[i]));
      what_if = CPL_WHAT_IF_WINDOW (cpl_chips_view_show_what_if (view));
      cpl_test_wait_for_draw (GTK_WIDGET (what_if));
      g_assert_cmpstr (cpl_what_if_window_get_result (what_if, "status-caption"), ==, "Status in China on 1 February 2026");
      g_assert_cmpstr (cpl_what_if_window_get_result (what_if, "status"), ==, statuses[i]);
      named = what_if_switch (what_if, "Rules naming H20 apply");
      if (i == 0)
        {
          named = what_if_switch (what_if, "Rules naming H200 SXM apply");
          g_assert_nonnull (named);
          g_assert_true (gtk_switch_get_active (named));
          gtk_switch_set_active (named, FALSE);
          g_assert_cmpstr (cpl_what_if_window_get_result (what_if, "status"), ==, "Licensable · 25% share");
        }
      else
        {
          g_assert_nonnull (named);
          g_assert_true (gtk_switch_get_active (named));
          gtk_switch_set_active (named, FALSE);
          g_assert_cmpstr (cpl_what_if_window_get_result (what_if, "status"), ==, "No licence needed");
          /* a name is text, not markup: "H20 & co" is a title as typed */
          cpl_entity_set_name (CPL_ENTITY (cpl_dataset_lookup_chip (dataset, ids[i])), "H20 & co");
          cpl_what_if_window_start_from (what_if, cpl_dataset_lookup_chip (dataset, ids[i]));
          named = what_if_switch (what_if, "Rules naming H20 & co apply");
          g_assert_nonnull (named);
          g_assert_false (adw_preferences_row_get_use_markup (
            ADW_PREFERENCES_ROW (gtk_widget_get_ancestor (GTK_WIDGET (named), ADW_TYPE_ACTION_ROW))));
          cpl_entity_set_name (CPL_ENTITY (cpl_dataset_lookup_chip (dataset, ids[i])), "H20");
        }
      gtk_window_destroy (GTK_WINDOW (what_if));
    }
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_what_if (void)
{
  CplWindow *window;
  CplChipsView *view = open_chips_view (&window);
  CplWhatIfWindow *what_if = CPL_WHAT_IF_WINDOW (cpl_chips_view_show_what_if (view));
  CplDataset *dataset = cpl_application_get_dataset (app);
  guint n_chips = g_list_model_get_n_items (cpl_dataset_get_chips (dataset));
  CplChip *added;

  cpl_test_wait_for_draw (GTK_WIDGET (what_if));
  /* the map draws the rules that test only TPP and memory bandwidth, one
   * mark per such clause of the built-in rules: 3A090.a (2023)'s TPP ≥
   * 4,800 alone is a line; the case-by-case review (TPP < 21,000 and
   * bandwidth < 6,500) is a region, and the 25% tariff's two boxes are
   * two more.  3A090.a (2022) also tests interconnect, 3A090.b and
   * 3A090.a (2023)'s second clause performance density, the H20/MI308
   * rules name chips: none of those can be drawn.  1 line, 3 regions. */
  g_assert_cmpuint (cpl_scatter_chart_get_n_lines (cpl_what_if_window_get_map (what_if)), ==, 1);
  g_assert_cmpuint (cpl_scatter_chart_get_n_regions (cpl_what_if_window_get_map (what_if)), ==, 3);
  /* an empty form is no chip to keep: "Add to Dataset" waits for a
   * figure, and adds nothing if called */
  g_assert_false (cpl_what_if_window_can_add (what_if));
  g_assert_null (cpl_what_if_window_add_to_dataset (what_if));
  g_assert_cmpuint (g_list_model_get_n_items (cpl_dataset_get_chips (dataset)), ==, n_chips);
  /* and says what it lacks, under TPP and on the map, where it is not
   * drawn */
  g_assert_cmpstr (cpl_what_if_window_get_result (what_if, "tpp"), ==, "needs a throughput");
  g_assert_cmpstr (cpl_what_if_window_get_result (what_if, "map-note"), ==,
                   "Enter a throughput and the memory bandwidth to place the chip on the map");
  /* fp8 592 from a sparse datasheet: dense 296, TPP 296 × 8 = 2,368 */
  cpl_what_if_window_set_value (what_if, "fp8", 592);
  g_assert_true (cpl_what_if_window_can_add (what_if));
  g_assert_cmpstr (cpl_what_if_window_get_result (what_if, "map-note"), ==,
                   "Enter the memory bandwidth to place the chip on the map");
  /* with both, drawn, and the note gone */
  cpl_what_if_window_set_value (what_if, "bandwidth_tbs", 4);
  g_assert_null (cpl_what_if_window_get_result (what_if, "map-note"));
  /* typed in the datasheet's TB/s, and said in the GB/s of the rules and
   * the map: 4 TB/s × 1,000 = 4,000 GB/s */
  g_assert_cmpstr (cpl_what_if_window_get_result (what_if, "bandwidth-subtitle"), ==,
                   "TB/s · 4,000\u00a0GB/s, the unit of the export rules");
  cpl_what_if_window_set_sparse (what_if, TRUE);
  g_assert_cmpstr (cpl_what_if_window_get_result (what_if, "tpp"), ==, "2,368");
  /* with the H20's 814 mm²: PD = 2,368 / 814 = 2.91 */
  g_assert_cmpstr (cpl_what_if_window_get_result (what_if, "pd"), ==, "needs the die area");
  cpl_what_if_window_set_value (what_if, "die_area_mm2", 814);
  g_assert_cmpstr (cpl_what_if_window_get_result (what_if, "pd"), ==, "2.91\xc2\xa0TPP/\xe2\x81\xa0mm²");
  /* the switch off: 592 × 8 = 4,736 */
  cpl_what_if_window_set_sparse (what_if, FALSE);
  g_assert_cmpstr (cpl_what_if_window_get_result (what_if, "tpp"), ==, "4,736");

  /* kept as a user chip: one more row in the table */
  added = cpl_what_if_window_add_to_dataset (what_if);
  g_assert_true (g_str_has_prefix (cpl_entity_get_id (CPL_ENTITY (added)), "user-"));
  g_assert_cmpuint (g_list_model_get_n_items (cpl_dataset_get_chips (dataset)), ==, n_chips + 1);
  cpl_test_wait_for_draw (GTK_WIDGET (window));
  g_assert_cmpint (row_of (view, cpl_entity_get_id (CPL_ENTITY (added))), >=, 0);
  cpl_dataset_remove (dataset, CPL_ENTITY (added));

  gtk_window_destroy (GTK_WINDOW (what_if));
  gtk_window_destroy (GTK_WINDOW (window));
}

/* The check button labelled @name in @chooser. */
static GtkCheckButton *
chooser_check (GtkWidget  *chooser,
               const char *name)
{
  g_autoptr(GPtrArray) checks = g_ptr_array_new ();

  cpl_test_collect_widgets (chooser, GTK_TYPE_CHECK_BUTTON, checks);
  for (guint i = 0; i < checks->len; i++)
    if (g_strcmp0 (gtk_check_button_get_label (checks->pdata[i]), name) == 0)
      return checks->pdata[i];
  g_error ("no chip %s in the chooser", name);
  return NULL;
}

/* The compare window among the toplevels, or NULL. */
static CplCompareWindow *
find_compare_window (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (CPL_IS_COMPARE_WINDOW (window))
        return CPL_COMPARE_WINDOW (window);
    }
  return NULL;
}

/* Compare with fewer than two rows selected (a phone has no Ctrl+click:
 * a tap opens the chip) opens a list to tick 2 to 4 chips in; the row
 * selected comes ticked, and with one ticked Compare is off.  H800
 * selected, H200 and H20 ticked: "Compare 3 Chips", in the table's order
 * (A100, H100, H800, H20, H200), so the H800 is the one the others are
 * measured against: H20 / H800 TPP 2,368 / 15,832 = 0.1496 → "0.15×"
 * (two decimals under 1: "0.1×" stood for the chart's 0.15); H200 / H800
 * 15,832 / 15,832 → "1.0×" (one decimal under 10). */
static void
test_compare_chooser (void)
{
  CplWindow *window;
  CplChipsView *view = open_chips_view (&window);
  GtkWidget *chooser, *button;
  GtkButton *go = NULL;
  CplCompareWindow *compare;

  g_assert_true (gtk_selection_model_select_item (GTK_SELECTION_MODEL (gtk_column_view_get_model (
                   GTK_COLUMN_VIEW (cpl_test_find_widget (GTK_WIDGET (view), GTK_TYPE_COLUMN_VIEW)))),
                 row_of (view, "nvidia-h800"), TRUE));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "chips.compare", NULL));
  chooser = cpl_chips_view_get_compare_chooser (view);
  g_assert_nonnull (chooser);
  cpl_test_wait_for_draw (chooser);
  g_assert_true (gtk_widget_get_visible (chooser));
  /* Compare's tooltip is off while the list is open (on a phone it stood
   * over the list's heading), and back once it closes */
  button = gtk_widget_get_parent (chooser);
  g_assert_true (GTK_IS_BUTTON (button));
  g_assert_false (gtk_widget_get_has_tooltip (button));
  g_assert_cmpuint (cpl_compare_chooser_get_n_ticked (chooser), ==, 1);
  g_assert_true (gtk_check_button_get_active (chooser_check (chooser, "H800 SXM5")));
  {
    g_autoptr(GPtrArray) buttons = g_ptr_array_new ();

    cpl_test_collect_widgets (chooser, GTK_TYPE_BUTTON, buttons);
    for (guint i = 0; i < buttons->len; i++)
      if (gtk_widget_has_css_class (buttons->pdata[i], "suggested-action"))
        go = buttons->pdata[i];
  }
  g_assert_nonnull (go);
  g_assert_false (gtk_widget_get_sensitive (GTK_WIDGET (go)));

  /* its search finds a chip by a name in another language, as the
   * table's does: "昇腾" the two Ascend chips; "h20" their ids, the H20's
   * and the H200's; nothing typed, all 14 */
  {
    GtkEditable *search = GTK_EDITABLE (cpl_test_find_widget (chooser, GTK_TYPE_SEARCH_ENTRY));
    GListModel *shown = G_LIST_MODEL (gtk_list_view_get_model (GTK_LIST_VIEW (cpl_test_find_widget (chooser,
                                                                                                  GTK_TYPE_LIST_VIEW))));

    gtk_editable_set_text (search, "昇腾");
    g_signal_emit_by_name (search, "search-changed");
    g_assert_cmpuint (g_list_model_get_n_items (shown), ==, 2);
    gtk_editable_set_text (search, "H20");
    g_signal_emit_by_name (search, "search-changed");
    g_assert_cmpuint (g_list_model_get_n_items (shown), ==, 2);
    gtk_editable_set_text (search, "");
    g_signal_emit_by_name (search, "search-changed");
    g_assert_cmpuint (g_list_model_get_n_items (shown), ==, 14);
    cpl_test_wait_for_draw (chooser);
  }

  gtk_check_button_set_active (chooser_check (chooser, "H200 SXM"), TRUE);
  gtk_check_button_set_active (chooser_check (chooser, "H20"), TRUE);
  g_assert_cmpuint (cpl_compare_chooser_get_n_ticked (chooser), ==, 3);
  g_assert_cmpstr (gtk_button_get_label (go), ==, "_Compare 3 Chips");
  g_assert_true (gtk_widget_get_sensitive (GTK_WIDGET (go)));

  g_signal_emit_by_name (go, "clicked");
  compare = find_compare_window ();
  g_assert_nonnull (compare);
  cpl_test_wait_for_draw (GTK_WIDGET (compare));
  g_assert_cmpstr (cpl_compare_window_get_ratio (compare, "tpp", 1), ==, "0.15×");
  g_assert_cmpstr (cpl_compare_window_get_ratio (compare, "tpp", 2), ==, "1.0×");
  g_assert_true (gtk_widget_get_has_tooltip (button));
  gtk_window_destroy (GTK_WINDOW (compare));
  gtk_window_destroy (GTK_WINDOW (window));
}

/* In Compare, a rule not in force on the view's date has its verdicts in
 * grey, as the detail pane has: on 2022-10-07 the 2023 rules are not in
 * force yet; 3A090.a (2023) catches the H100 by its TPP (15,832 ≥
 * 4,800), which read as a red "Controlled"; the October 2022 rule in
 * force catches it (TPP and 900 ≥ 600 GB/s), in red. */
static void
test_compare_not_in_force (void)
{
  CplWindow *window;
  CplChipsView *view = open_chips_view (&window);
  const char *ids[] = { "nvidia-h800", "nvidia-h100", NULL };
  CplCompareWindow *compare;
  GtkWidget *later, *then;

  set_date_iso (view, "2022-10-07");
  compare = CPL_COMPARE_WINDOW (cpl_chips_view_compare (view, ids));
  cpl_test_wait_for_draw (GTK_WIDGET (compare));
  later = cpl_compare_window_get_verdict (compare, "eccn-3a090a-2023", 1);
  then = cpl_compare_window_get_verdict (compare, "eccn-3a090a-2022", 1);
  g_assert_nonnull (later);
  g_assert_nonnull (then);
  g_assert_true (gtk_widget_has_css_class (later, "dim-label"));
  g_assert_false (gtk_widget_has_css_class (later, "error"));
  g_assert_true (gtk_widget_has_css_class (then, "error"));
  gtk_window_destroy (GTK_WINDOW (compare));
  gtk_window_destroy (GTK_WINDOW (window));
}

/* A dash in the table says why on pointing at it: the chiplet designs
 * (B200, MI300X…: no single die area in the built-in data) have no
 * performance density. */
static void
test_table_dash_says_why (void)
{
  CplWindow *window;
  CplChipsView *view = open_chips_view (&window);
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();
  guint explained = 0;

  cpl_test_wait_for_draw (GTK_WIDGET (window));
  cpl_test_collect_widgets (GTK_WIDGET (view), GTK_TYPE_LABEL, labels);
  for (guint i = 0; i < labels->len; i++)
    if (g_str_equal (gtk_label_get_text (labels->pdata[i]), "—") &&
        g_strcmp0 (gtk_widget_get_tooltip_text (labels->pdata[i]),
                   "Needs the die area, which the dataset does not give (a chiplet design has no single die)") == 0)
      explained++;
  g_assert_cmpuint (explained, >, 0);
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_compare (void)
{
  CplWindow *window;
  CplChipsView *view = open_chips_view (&window);
  const char *ids[] = { "nvidia-h20", "nvidia-h200", NULL };
  CplCompareWindow *compare = CPL_COMPARE_WINDOW (cpl_chips_view_compare (view, ids));

  cpl_test_wait_for_draw (GTK_WIDGET (compare));
  /* H200 / H20: TPP 15,832 / 2,368 = 6.69 → 6.7×; memory 141 / 96 = 1.47 → 1.5× */
  g_assert_cmpstr (cpl_compare_window_get_ratio (compare, "tpp", 1), ==, "6.7×");
  g_assert_cmpstr (cpl_compare_window_get_ratio (compare, "memory", 1), ==, "1.5×");
  g_assert_nonnull (strstr (cpl_compare_window_get_summary (compare), "H200 SXM / H20: TPP 6.7×, memory 1.5×"));

  /* the chart: H200's bars against the dashed line where H20's figures
   * are, 1×; no bars of H20's own, each of them 1.00 on that line */
  {
    GtkWidget *chart_view = cpl_test_find_widget (GTK_WIDGET (compare), CPL_TYPE_CHART_VIEW);
    CplBarChart *chart = CPL_BAR_CHART (cpl_chart_view_get_chart (CPL_CHART_VIEW (chart_view)));
    g_autoptr(GArray) legend = cpl_chart_build_legend (CPL_CHART (chart));
    graphene_rect_t place;

    g_assert_cmpuint (legend->len, ==, 2);
    g_assert_cmpstr (g_array_index (legend, CplChartLegendItem, 0).label, ==, "H200 SXM");
    g_assert_cmpstr (g_array_index (legend, CplChartLegendItem, 1).label, ==, "H20 = 1×");
    g_assert_true (cpl_bar_chart_get_value_place (chart, 0, 0, &place));
    g_assert_false (cpl_bar_chart_get_value_place (chart, 1, 0, &place));
  }
  gtk_window_destroy (GTK_WINDOW (compare));

  /* a missing figure says what it lacks, and has no ratio: the MI300X
   * (chiplets, no one die area) has no performance density, "needs the
   * die area", not "—" over "—"; its TPP, 20,919 / 2,368 = 8.83 →
   * 8.8× */
  {
    const char *chiplet[] = { "nvidia-h20", "amd-mi300x", NULL };

    compare = CPL_COMPARE_WINDOW (cpl_chips_view_compare (view, chiplet));
    cpl_test_wait_for_draw (GTK_WIDGET (compare));
    g_assert_cmpstr (cpl_compare_window_get_value (compare, "pd", 0), ==, "2.91");
    g_assert_cmpstr (cpl_compare_window_get_value (compare, "pd", 1), ==, "needs the die area");
    g_assert_null (cpl_compare_window_get_ratio (compare, "pd", 1));
    g_assert_cmpstr (cpl_compare_window_get_ratio (compare, "tpp", 1), ==, "8.8×");
    /* interconnect 896 / 900 = 0.9956: two figures, "1.0×" as 900 / 900
     * reads, not "1.00×" */
    g_assert_cmpstr (cpl_compare_window_get_ratio (compare, "interconnect", 1), ==, "1.0×");
    gtk_window_destroy (GTK_WINDOW (compare));
  }
  gtk_window_destroy (GTK_WINDOW (window));
}

/* The comparison's sentences wrap to the window on a phone (in a page
 * that scrolled sideways they were cut at its edge: "H200 SXM / H20: TPP
 * 6.7×, memor"), first in the page, which scrolls them away (fixed over
 * it, three in bold took 260 of the 640 px); several are in body text,
 * each chip's name in bold. */
static void
test_compare_summary_narrow (void)
{
  CplWindow *window;
  CplChipsView *view = open_chips_view (&window);
  const char *ids[] = { "nvidia-h20", "nvidia-h200", "nvidia-b200", NULL };
  CplCompareWindow *compare = CPL_COMPARE_WINDOW (cpl_chips_view_compare (view, ids));
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();
  GtkWidget *summary = NULL;
  graphene_rect_t bounds;

  gtk_window_set_default_size (GTK_WINDOW (compare), 360, 640);
  cpl_test_wait_for_draw (GTK_WIDGET (compare));
  cpl_test_collect_widgets (GTK_WIDGET (compare), GTK_TYPE_LABEL, labels);
  for (guint i = 0; i < labels->len; i++)
    if (g_str_equal (gtk_label_get_text (labels->pdata[i]), cpl_compare_window_get_summary (compare)))
      summary = labels->pdata[i];
  g_assert_nonnull (summary);
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (compare)), <=, 400);
  g_assert_nonnull (gtk_widget_get_ancestor (summary, GTK_TYPE_SCROLLED_WINDOW));
  g_assert_false (gtk_widget_has_css_class (summary, "title-4"));
  g_assert_true (g_str_has_prefix (gtk_label_get_label (GTK_LABEL (summary)), "<b>H200 SXM</b> / H20: TPP 6.7×"));
  g_assert_true (gtk_widget_compute_bounds (summary, GTK_WIDGET (compare), &bounds));
  g_assert_cmpfloat (bounds.origin.x, >=, 0);
  g_assert_cmpfloat (bounds.origin.x + bounds.size.width, <=, gtk_widget_get_width (GTK_WIDGET (compare)));
  /* two sentences, wrapped onto more lines than two */
  g_assert_cmpint (pango_layout_get_line_count (gtk_label_get_layout (GTK_LABEL (summary))), >, 2);

  gtk_window_destroy (GTK_WINDOW (compare));
  gtk_window_destroy (GTK_WINDOW (window));
}

/* The comparison of @ids in a window of a phone's size, its page not
 * scrolling sideways. */
static CplCompareWindow *
open_compare_narrow (CplChipsView       *view,
                     const char * const *ids)
{
  CplCompareWindow *compare = CPL_COMPARE_WINDOW (cpl_chips_view_compare (view, ids));
  GtkScrolledWindow *page;
  GtkAdjustment *sideways;

  gtk_window_set_default_size (GTK_WINDOW (compare), 360, 640);
  cpl_test_wait_for_draw (GTK_WIDGET (compare));
  cpl_test_wait_for_draw (GTK_WIDGET (compare));
  page = GTK_SCROLLED_WINDOW (cpl_test_find_widget (GTK_WIDGET (compare), GTK_TYPE_SCROLLED_WINDOW));
  sideways = gtk_scrolled_window_get_hadjustment (page);
  g_assert_cmpfloat (gtk_adjustment_get_upper (sideways), <=, gtk_adjustment_get_page_size (sideways) + .5);
  return compare;
}

/* @text is on screen, within @compare's width. */
static void
assert_shown_within (CplCompareWindow *compare,
                     const char       *text)
{
  GtkWidget *label = cpl_test_find_mapped_label (GTK_WIDGET (compare), text);
  graphene_rect_t bounds;

  if (label == NULL)
    g_error ("“%s” is not shown", text);
  g_assert_true (gtk_widget_compute_bounds (label, GTK_WIDGET (compare), &bounds));
  g_assert_cmpfloat (bounds.origin.x + bounds.size.width, <=, gtk_widget_get_width (GTK_WIDGET (compare)));
}

/* Two chips on a phone: the page does not scroll sideways.  Each rule's
 * name stands over its verdicts, the chips' columns side by side within
 * the window; beside a column of rule names the second chip's column was
 * past the window's edge, nothing compared.  (Three or four chips' words
 * need more than 360 px: see /chips/compare-four-narrow.) */
static void
test_compare_two_narrow (void)
{
  CplWindow *window;
  CplChipsView *view = open_chips_view (&window);
  const char *ids[] = { "nvidia-h20", "nvidia-h200", NULL };
  CplCompareWindow *compare = open_compare_narrow (view, ids);

  /* the second chip's name, over its column, within the window (its
   * space a no-break one, after a digit) */
  assert_shown_within (compare, "H200\u00a0SXM");
  /* each chip's conditions under its own line, the page's width (360 px
   * less some 60 of margins), not in a column of some 150 px beside the
   * other chip's, where they wrapped every few words */
  {
    g_autoptr(GPtrArray) labels = g_ptr_array_new ();
    guint conditions = 0;

    cpl_test_collect_widgets (GTK_WIDGET (compare), GTK_TYPE_LABEL, labels);
    for (guint i = 0; i < labels->len; i++)
      if (gtk_widget_get_mapped (labels->pdata[i]) && gtk_widget_has_css_class (labels->pdata[i], "caption")
          && strstr (gtk_label_get_text (labels->pdata[i]), "TPP 2,368") != NULL)
        {
          g_test_message ("conditions %d px wide", gtk_widget_get_width (labels->pdata[i]));
          g_assert_cmpint (gtk_widget_get_width (labels->pdata[i]), >=, 240);
          conditions++;
        }
    g_assert_cmpuint (conditions, >=, 1);
  }
  gtk_window_destroy (GTK_WINDOW (compare));
  gtk_window_destroy (GTK_WINDOW (window));
}

/* Four chips on a phone: even the narrow grid's four columns need more
 * than 360 px, and the fourth chip was past the window's edge (the page
 * scrolled sideways).  A block per rule and per metric instead, a line
 * per chip: nothing scrolls sideways, the fourth chip's name is in the
 * window, and each figure carries its ratio to the first chip's: FP8
 * 1,979 ÷ 296 = 6.69 for the H200 ("1,979 (6.7×)"), memory 192 ÷ 96 =
 * 2.0 for the MI308X ("192 (2.0×)"). */
static void
test_compare_four_narrow (void)
{
  CplWindow *window;
  CplChipsView *view = open_chips_view (&window);
  const char *ids[] = { "nvidia-h20", "nvidia-h200", "nvidia-b200", "amd-mi308x", NULL };
  CplCompareWindow *compare = open_compare_narrow (view, ids);
  const char *shown[] = { "Instinct MI308X", "1,979 (6.7×)", "192 (2.0×)" };

  for (guint i = 0; i < G_N_ELEMENTS (shown); i++)
    assert_shown_within (compare, shown[i]);
  /* a wide window keeps the table, a column per chip */
  gtk_window_set_default_size (GTK_WINDOW (compare), 1000, 700);
  cpl_test_wait_for_draw (GTK_WIDGET (compare));
  cpl_test_wait_for_draw (GTK_WIDGET (compare));
  g_assert_null (cpl_test_find_mapped_label (GTK_WIDGET (compare), "1,979 (6.7×)"));
  g_assert_nonnull (cpl_test_find_mapped_label (GTK_WIDGET (compare), "6.7×"));
  /* and a chip's column there is never narrower than 112 px, as a
   * status "可申请许可 · 15% 分成" needs on two lines: Chinese, which may
   * break after any character, fitted three columns of 100 px on a
   * phone, three lines to a status, where English took the blocks */
  {
    g_autoptr(GPtrArray) labels = g_ptr_array_new ();
    guint headings = 0;

    cpl_test_collect_widgets (GTK_WIDGET (compare), GTK_TYPE_LABEL, labels);
    for (guint i = 0; i < labels->len; i++)
      if (gtk_widget_get_mapped (labels->pdata[i]) && gtk_widget_has_css_class (labels->pdata[i], "heading")
          && g_str_equal (gtk_label_get_text (labels->pdata[i]), "H20"))
        {
          int minimum;

          gtk_widget_measure (labels->pdata[i], GTK_ORIENTATION_HORIZONTAL, -1, &minimum, NULL, NULL, NULL);
          g_assert_cmpint (minimum, >=, 112);
          headings++;
        }
    g_assert_cmpuint (headings, >=, 1);
  }
  gtk_window_destroy (GTK_WINDOW (compare));
  gtk_window_destroy (GTK_WINDOW (window));
}

/* The comparison's status in China, on the Chips view's date, and the
 * distance to each threshold of a rule (the detail pane's margins).
 *
 * 2026-02-01 (see test-status.c, /status/builtin-expectations): H20 is
 * licensable at 15% (the August 2025 licence and share rules name it);
 * H200 is licensable at 25% (case-by-case: 15,832 < 21,000 and 4,800 <
 * 6,500 GB/s; the 25% band holds it).  On 2025-06-01 both are denied
 * (the April letters control H20, 3A090.a H200; no licence rule yet). */
/* Asserts that @text is @expected, where in @expected "~" stands for a
 * no-break space (U+00A0) and "^" for a word joiner (U+2060): a value
 * stays on the line of its unit, and "GB/s" is not broken at its slash. */
static void
assert_kept_units (const char *text,
                   const char *expected)
{
  GString *bytes = g_string_new (NULL);

  for (const char *p = expected; *p != '\0'; p++)
    {
      if (*p == '~')
        g_string_append (bytes, "\xc2\xa0");
      else if (*p == '^')
        g_string_append (bytes, "\xe2\x81\xa0");
      else
        g_string_append_c (bytes, *p);
    }
  g_assert_cmpstr (text, ==, bytes->str);
  g_string_free (bytes, TRUE);
}

/* How many widgets of @type are in the tree under @widget, itself too. */
static guint
count_widgets (GtkWidget *widget,
               GType      type)
{
  g_autoptr(GPtrArray) found = g_ptr_array_new ();

  cpl_test_collect_widgets (widget, type, found);
  return found->len;
}

static void
test_compare_status (void)
{
  CplWindow *window;
  CplChipsView *view = open_chips_view (&window);
  const char *ids[] = { "nvidia-h20", "nvidia-h200", NULL };
  CplCompareWindow *compare;

  set_date_iso (view, "2026-02-01");
  compare = CPL_COMPARE_WINDOW (cpl_chips_view_compare (view, ids));
  cpl_test_wait_for_draw (GTK_WIDGET (compare));
  g_assert_cmpstr (cpl_compare_window_get_status (compare, 0), ==, "Licensable · 15% share");
  g_assert_cmpstr (cpl_compare_window_get_status (compare, 1), ==, "Licensable · 25% share");

  /* 3A090.a (2023) for H200, clause by clause (either is enough): TPP
   * 15,832 − 4,800 = 11,032 above; the second clause's TPP line, 15,832 −
   * 1,600 = 14,232 above, and performance density 15,832 / 814 mm² =
   * 19.45, 19.45 − 5.92 = 13.53 TPP/mm² above, the unit, TPP per mm² of
   * die, with the rule's line and with the distance ("≥ 5.92: yes, 13.53
   * above" did not say 5.92 of what).  Both clauses met. */
  assert_kept_units (cpl_compare_window_get_distances (compare, "eccn-3a090a-2023", 1),
                     "Clause 1~of 2: met\n"
                     "•~TPP 15,832~≥ 4,800: yes, 11,032~above\n"
                     "Clause 2~of 2, all must hold: met\n"
                     "•~TPP 15,832~≥ 1,600: yes, 14,232~above\n"
                     "•~performance density 19.45~≥ 5.92~TPP/^mm²: yes, 13.53~TPP/^mm²~above");
  /* case-by-case for H20, one clause of two conditions: 21,000 − 2,368 =
   * 18,632 below; bandwidth 6,500 − 4,000 = 2,500 GB/s below; both hold */
  assert_kept_units (cpl_compare_window_get_distances (compare, "case-by-case-2026", 0),
                     "All must hold: met\n"
                     "•~TPP 2,368~< 21,000: yes, 18,632~below\n"
                     "•~memory bandwidth 4,000~< 6,500~GB/^s: yes, 2,500~GB/^s~below");

  /* one scroller, the window's: the tables are as tall as their rows and
   * do not take the mouse wheel */
  g_assert_cmpuint (count_widgets (GTK_WIDGET (compare), GTK_TYPE_SCROLLED_WINDOW), ==, 1);
  /* the April letters only name chips: a verdict, no distance */
  g_assert_null (cpl_compare_window_get_distances (compare, "h20-mi308-letters-2025", 0));
  gtk_window_destroy (GTK_WINDOW (compare));

  set_date_iso (view, "2025-06-01");
  compare = CPL_COMPARE_WINDOW (cpl_chips_view_compare (view, ids));
  g_assert_cmpstr (cpl_compare_window_get_status (compare, 0), ==, "Denied");
  g_assert_cmpstr (cpl_compare_window_get_status (compare, 1), ==, "Denied");

  gtk_window_destroy (GTK_WINDOW (compare));
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_filters_and_dark (void)
{
  CplWindow *window;
  CplChipsView *view = open_chips_view (&window);
  GtkSearchEntry *search = GTK_SEARCH_ENTRY (cpl_test_find_widget (GTK_WIDGET (view), GTK_TYPE_SEARCH_ENTRY));

  /* "ascend" finds the two Huawei Ascend chips */
  gtk_editable_set_text (GTK_EDITABLE (search), "ascend");
  g_signal_emit_by_name (search, "search-changed");
  cpl_test_wait_for_draw (GTK_WIDGET (window));
  g_assert_cmpuint (cpl_chips_view_get_n_rows (view), ==, 2);
  gtk_editable_set_text (GTK_EDITABLE (search), "");
  g_signal_emit_by_name (search, "search-changed");

  /* the detail pane of a chip, in dark mode, draws without a warning */
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_FORCE_DARK);
  cpl_chips_view_show_chip (view, cpl_dataset_lookup_chip (cpl_application_get_dataset (app), "nvidia-h200"));
  cpl_test_wait_for_draw (GTK_WIDGET (window));
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_DEFAULT);

  gtk_window_destroy (GTK_WINDOW (window));
}

/* On a phone (360 × 640) the table and the detail are two pages: a tap
 * that selects one chip opens its detail, and Back returns to the table. */
static void
test_narrow_tap_opens_detail (void)
{
  CplWindow *window = cpl_test_open_window (app, "chips", NULL, 360, 640);
  CplChipsView *view = CPL_CHIPS_VIEW (cpl_test_find_widget (GTK_WIDGET (window), CPL_TYPE_CHIPS_VIEW));
  AdwLeaflet *leaflet = ADW_LEAFLET (cpl_test_find_widget (GTK_WIDGET (view), ADW_TYPE_LEAFLET));
  GtkWidget *table = cpl_test_find_widget (GTK_WIDGET (view), GTK_TYPE_COLUMN_VIEW);
  GtkSelectionModel *selection = gtk_column_view_get_model (GTK_COLUMN_VIEW (table));
  int row = row_of (view, "nvidia-h20");

  for (guint i = 0; i < 40 && !adw_leaflet_get_folded (leaflet); i++)
    cpl_test_iterate_for (50);
  g_assert_true (adw_leaflet_get_folded (leaflet));
  g_assert_true (gtk_widget_is_ancestor (table, adw_leaflet_get_visible_child (leaflet)));
  g_assert_cmpint (row, >=, 0);
  g_assert_true (gtk_selection_model_select_item (selection, row, TRUE));
  g_assert_false (gtk_widget_is_ancestor (table, adw_leaflet_get_visible_child (leaflet)));
  adw_leaflet_navigate (leaflet, ADW_NAVIGATION_DIRECTION_BACK);
  g_assert_true (gtk_widget_is_ancestor (table, adw_leaflet_get_visible_child (leaflet)));
  gtk_window_destroy (GTK_WINDOW (window));
}

static GtkWidget *
find_label (GtkWidget  *root,
            const char *text)
{
  return find_label_where (root, text, FALSE);
}

/* @widget's left edge in @view's coordinates. */
static double
x_in (GtkWidget *widget,
      GtkWidget *view)
{
  graphene_point_t point;

  g_assert_true (gtk_widget_compute_point (widget, view, &GRAPHENE_POINT_INIT (0, 0), &point));
  return point.x;
}

/* The table's two column views: the frozen part (name, status) comes
 * first, then the part that scrolls sideways. */
static void
table_parts (CplChipsView  *view,
             GtkWidget    **frozen,
             GtkWidget    **scrolling)
{
  g_autoptr(GPtrArray) views = g_ptr_array_new ();

  cpl_test_collect_widgets (GTK_WIDGET (view), GTK_TYPE_COLUMN_VIEW, views);
  g_assert_cmpuint (views->len, ==, 2);
  *frozen = views->pdata[0];
  *scrolling = views->pdata[1];
}

/* The chip's name and status stay in view while the other columns
 * scroll sideways; both parts sort, select and scroll as one table. */
static void
test_frozen_name (void)
{
  CplWindow *window = cpl_test_open_window (app, "chips", NULL, 1000, 700);
  CplChipsView *view = CPL_CHIPS_VIEW (cpl_test_find_widget (GTK_WIDGET (window), CPL_TYPE_CHIPS_VIEW));
  GtkWidget *frozen, *scrolling, *name, *vendor, *scrollbar;
  GtkAdjustment *hadjustment;
  double name_x, vendor_x, far_right;

  table_parts (view, &frozen, &scrolling);
  g_assert_true (gtk_column_view_get_model (GTK_COLUMN_VIEW (frozen)) ==
                 gtk_column_view_get_model (GTK_COLUMN_VIEW (scrolling)));
  cpl_test_wait_for_draw (GTK_WIDGET (window));

  /* "H200 SXM" is a cell of the frozen part, "NVIDIA" (a vendor) of the
   * scrolling one */
  name = find_label (frozen, "H200 SXM");
  vendor = find_label (scrolling, "NVIDIA");
  g_assert_nonnull (name);
  g_assert_nonnull (vendor);
  g_assert_null (find_label (scrolling, "H200 SXM"));
  name_x = x_in (name, GTK_WIDGET (view));
  vendor_x = x_in (vendor, GTK_WIDGET (view));

  /* 16 columns and 7 rule columns are wider than 1,000 px: something to
   * scroll, and the sideways scrollbar shows */
  hadjustment = gtk_scrollable_get_hadjustment (GTK_SCROLLABLE (scrolling));
  g_assert_cmpfloat (gtk_adjustment_get_upper (hadjustment), >, gtk_adjustment_get_page_size (hadjustment));
  scrollbar = NULL;
  {
    g_autoptr(GPtrArray) scrollbars = g_ptr_array_new ();

    /* the scrolled windows' own are hidden (policy "external") */
    cpl_test_collect_widgets (GTK_WIDGET (view), GTK_TYPE_SCROLLBAR, scrollbars);
    for (guint i = 0; i < scrollbars->len; i++)
      if (gtk_widget_get_mapped (scrollbars->pdata[i]) &&
          gtk_scrollbar_get_adjustment (scrollbars->pdata[i]) == hadjustment)
        scrollbar = scrollbars->pdata[i];
  }
  g_assert_nonnull (scrollbar);
  /* under the scrolling part only */
  g_assert_cmpfloat (x_in (scrollbar, GTK_WIDGET (view)), >=, x_in (scrolling, GTK_WIDGET (view)));

  /* to the far right: the vendor cell moves left by the distance
   * scrolled, the name stays where it was, mapped */
  far_right = gtk_adjustment_get_upper (hadjustment) - gtk_adjustment_get_page_size (hadjustment);
  gtk_adjustment_set_value (hadjustment, far_right);
  cpl_test_iterate_for (300);  /* a frame or more: the new allocation */
  g_assert_cmpfloat (gtk_adjustment_get_value (hadjustment), ==, far_right);
  g_assert_true (gtk_widget_get_mapped (name));
  g_assert_cmpfloat (x_in (name, GTK_WIDGET (view)), ==, name_x);
  g_assert_cmpfloat_with_epsilon (x_in (vendor, GTK_WIDGET (view)), vendor_x - far_right, 1);
  g_assert_cmpint (gtk_widget_get_width (frozen), >, 0);

  /* one vertical adjustment: scrolling either part scrolls both */
  g_assert_true (gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (frozen)) ==
                 gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (scrolling)));

  /* sorting by a header of either part sorts both, the last click wins:
   * by name, "A100 SXM4 80GB" is first (en_US collation); then by TPP,
   * highest first, the GB200 (40,000); then by name again */
  g_assert_true (cpl_chips_view_sort_by (view, "name", GTK_SORT_ASCENDING));
  g_assert_cmpstr (cpl_entity_get_id (CPL_ENTITY (cpl_chips_view_get_row_chip (view, 0))), ==, "nvidia-a100");
  g_assert_true (cpl_chips_view_sort_by (view, "tpp", GTK_SORT_DESCENDING));
  g_assert_cmpstr (cpl_entity_get_id (CPL_ENTITY (cpl_chips_view_get_row_chip (view, 0))), ==, "nvidia-gb200");
  g_assert_true (cpl_chips_view_sort_by (view, "name", GTK_SORT_ASCENDING));
  g_assert_cmpstr (cpl_entity_get_id (CPL_ENTITY (cpl_chips_view_get_row_chip (view, 0))), ==, "nvidia-a100");

  /* a row selected in the frozen part is selected in both, and its chip
   * fills the detail pane */
  gtk_selection_model_select_item (gtk_column_view_get_model (GTK_COLUMN_VIEW (frozen)), 0, TRUE);
  cpl_test_wait_for_draw (GTK_WIDGET (window));
  g_assert_nonnull (find_label (GTK_WIDGET (view), "A100 SXM4 80GB"));
  {
    GtkLabel *title = GTK_LABEL (cpl_test_find_styled (GTK_WIDGET (view), GTK_TYPE_LABEL, "title-2"));
    g_assert_cmpstr (gtk_label_get_text (title), ==, "A100 SXM4 80GB");
  }
  /* the A100 has no unit cost in data/builtin-dataset.json, the H200
   * $4,800 (Silicon Analysts' estimate): a row only where there is one */
  g_assert_null (find_label (GTK_WIDGET (view), "Unit cost"));
  cpl_chips_view_show_chip (view, cpl_dataset_lookup_chip (cpl_application_get_dataset (app), "nvidia-h200"));
  g_assert_nonnull (find_label (GTK_WIDGET (view), "Unit cost"));
  g_assert_nonnull (find_label (GTK_WIDGET (view), "$4,800"));

  gtk_window_destroy (GTK_WINDOW (window));
}

/* The row of @view lit as under the pointer (:hover), if there is one,
 * and that it is the only one; rows that GTK lit under the test's real
 * pointer (Xvfb's, somewhere over the window), in @real, do not count. */
static GtkWidget *
lit_row (GtkWidget *view,
         GPtrArray *real)
{
  g_autoptr(GPtrArray) widgets = g_ptr_array_new ();
  GtkWidget *lit = NULL;

  cpl_test_collect_widgets (view, GTK_TYPE_WIDGET, widgets);
  for (guint i = 0; i < widgets->len; i++)
    if (g_str_equal (gtk_widget_get_css_name (widgets->pdata[i]), "row") &&
        (gtk_widget_get_state_flags (widgets->pdata[i]) & GTK_STATE_FLAG_PRELIGHT) &&
        (real == NULL || !g_ptr_array_find (real, widgets->pdata[i], NULL)))
      {
        g_assert_null (lit);
        lit = widgets->pdata[i];
      }
  return lit;
}

/* The pointer moving over @label, in its column view @view. */
static void
point_at (GtkWidget *view,
          GtkWidget *label)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (view);
  graphene_point_t point;
  guint moved = 0;

  g_assert_true (gtk_widget_compute_point (label, view, &GRAPHENE_POINT_INIT (2, 2), &point));
  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_EVENT_CONTROLLER_MOTION (controller))
        {
          g_signal_emit_by_name (controller, "motion", (double) point.x, (double) point.y);
          moved++;
        }
    }
  g_assert_cmpuint (moved, >, 0);
}

/* The row under the pointer is lit across both parts of the table, not
 * only in the part the pointer is over. */
static void
test_hover_whole_row (void)
{
  CplWindow *window = cpl_test_open_window (app, "chips", NULL, 1280, 800);
  CplChipsView *view = CPL_CHIPS_VIEW (cpl_test_find_widget (GTK_WIDGET (window), CPL_TYPE_CHIPS_VIEW));
  g_autoptr(GPtrArray) real = NULL;
  GtkWidget *frozen, *scrolling, *lit;

  table_parts (view, &frozen, &scrolling);
  cpl_test_wait_for_draw (GTK_WIDGET (window));
  /* what the real pointer lights, if it is over a row */
  real = g_ptr_array_new ();
  if (lit_row (scrolling, NULL) != NULL)
    g_ptr_array_add (real, lit_row (scrolling, NULL));
  if (lit_row (frozen, NULL) != NULL)
    g_ptr_array_add (real, lit_row (frozen, NULL));
  g_test_message ("rows lit by the real pointer: %u", real->len);

  /* over the H200's name: its row of the other part lights, the one
   * with its 141 GB of memory (data/builtin-dataset.json: 141 GB HBM3e,
   * the only chip with 141) */
  point_at (frozen, find_label (frozen, "H200 SXM"));
  lit = lit_row (scrolling, real);
  g_assert_nonnull (lit);
  g_assert_nonnull (find_label (lit, "141"));

  /* on to the Ascend 910C (3.20 TB/s, the only one): that row instead */
  point_at (frozen, find_label (frozen, "Ascend 910C"));
  lit = lit_row (scrolling, real);
  g_assert_nonnull (lit);
  g_assert_nonnull (find_label (lit, "3.20"));
  g_assert_null (find_label (lit, "141"));

  /* the other way: over the H200's memory (in view at 1280 px, where the
   * columns run to Bandwidth), its name lights */
  point_at (scrolling, find_label (scrolling, "141"));
  lit = lit_row (frozen, real);
  g_assert_nonnull (lit);
  g_assert_nonnull (find_label (lit, "H200 SXM"));

  /* the pointer gone: nothing lit that GTK would not clear itself */
  {
    g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (scrolling);

    for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
      {
        g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

        if (GTK_IS_EVENT_CONTROLLER_MOTION (controller))
          g_signal_emit_by_name (controller, "leave");
      }
  }
  g_assert_null (lit_row (frozen, real));

  gtk_window_destroy (GTK_WINDOW (window));
}

/* The detail pane's row titled @title: whether its verdict icon has the
 * style class @css_class (%NULL: none of the colours), and its subtitle
 * starts with @words. */
/* The detail's row titled @title (the last, if several), which must be
 * there. */
static AdwActionRow *
detail_row (CplChipsView *view,
            const char   *title)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();
  AdwActionRow *found = NULL;

  cpl_test_collect_widgets (GTK_WIDGET (view), ADW_TYPE_ACTION_ROW, rows);
  for (guint i = 0; i < rows->len; i++)
    if (g_str_equal (adw_preferences_row_get_title (rows->pdata[i]), title))
      found = rows->pdata[i];
  g_assert_nonnull (found);
  return found;
}

static void
assert_detail_row (CplChipsView *view,
                   const char   *title,
                   const char   *words,
                   const char   *css_class)
{
  AdwActionRow *found = detail_row (view, title);

  g_assert_true (g_str_has_prefix (adw_action_row_get_subtitle (found), words));
  {
    g_autoptr(GPtrArray) images = g_ptr_array_new ();
    gboolean styled = FALSE;

    static const char * const colours[] = { "accent", "success", "warning", "error", "dim-label" };

    cpl_test_collect_widgets (GTK_WIDGET (found), GTK_TYPE_IMAGE, images);
    g_assert_cmpuint (images->len, >, 0);
    for (guint i = 0; i < images->len; i++)
      for (guint c = 0; c < G_N_ELEMENTS (colours); c++)
        if (css_class != NULL ? g_str_equal (colours[c], css_class) : TRUE)
          styled |= gtk_widget_has_css_class (images->pdata[i], colours[c]);
    g_test_message ("%s: %s", title, css_class ? css_class : "(no colour)");
    g_assert_true (css_class != NULL ? styled : !styled);
  }
}

/* The Chips view on @iso_date, showing the chip @chip_id in its detail. */
static CplChipsView *
open_chip_on (CplWindow  **window,
              const char  *iso_date,
              const char  *chip_id)
{
  CplChipsView *view = open_chips_view (window);

  set_date_iso (view, iso_date);
  cpl_chips_view_show_chip (view, cpl_dataset_lookup_chip (cpl_application_get_dataset (app), chip_id));
  return view;
}

/* A chip's notes keep each number on its unit's line and each date whole
 * (zh_CN broke "814" over "mm²" and "2025 年 8" over "月起"): the built-in
 * H20's note reads "Same 814 mm² GH100 die" and "(Financial Times, July
 * 2024)", their spaces no-break ones in the detail. */
static void
test_notes_keep_units (void)
{
  CplWindow *window;
  CplChipsView *view = open_chips_view (&window);
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();
  const char *note = NULL;

  cpl_chips_view_show_chip (view, cpl_dataset_lookup_chip (cpl_application_get_dataset (app), "nvidia-h20"));
  cpl_test_wait_for_draw (GTK_WIDGET (window));
  cpl_test_collect_widgets (GTK_WIDGET (view), GTK_TYPE_LABEL, labels);
  for (guint i = 0; i < labels->len; i++)
    if (strstr (gtk_label_get_text (labels->pdata[i]), "die as the H100") != NULL)
      note = gtk_label_get_text (labels->pdata[i]);
  g_assert_nonnull (note);
  g_assert_nonnull (strstr (note, "Same 814\u00a0mm² GH100\u00a0die"));
  g_assert_nonnull (strstr (note, "July\u00a02024"));
  gtk_window_destroy (GTK_WINDOW (window));
}

/* The chips view's Notes group (the detail's), or NULL. */
static GtkWidget *
notes_group_of (CplChipsView *view)
{
  g_autoptr(GPtrArray) groups = g_ptr_array_new ();

  cpl_test_collect_widgets (GTK_WIDGET (view), ADW_TYPE_PREFERENCES_GROUP, groups);
  for (guint i = 0; i < groups->len; i++)
    if (g_strcmp0 (adw_preferences_group_get_title (groups->pdata[i]), "Notes") == 0)
      return groups->pdata[i];
  return NULL;
}

/* A chip's notes are written in the dialog of the Notes group's pencil:
 * in the user's language (English here), the Chinese kept; one edit,
 * undone with Ctrl+Z; the detail shows them. */
static void
test_notes_edit (void)
{
  CplWindow *window;
  CplChipsView *view = open_chips_view (&window);
  CplChip *h20 = cpl_dataset_lookup_chip (cpl_application_get_dataset (app), "nvidia-h20");
  g_autofree char *chinese = NULL;
  GtkWidget *dialog;

  cpl_chips_view_show_chip (view, h20);
  chinese = g_strdup (cpl_text_get_locale (cpl_entity_get_notes (CPL_ENTITY (h20)), "zh_CN"));
  dialog = cpl_notes_group_edit (notes_group_of (view));
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (cpl_test_find_widget (dialog, GTK_TYPE_TEXT_VIEW))),
                            "Checked against the datasheet", -1);
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "save");
  g_assert_cmpstr (cpl_text_get_locale (cpl_entity_get_notes (CPL_ENTITY (h20)), "en"), ==, "Checked against the datasheet");
  g_assert_cmpstr (cpl_text_get_locale (cpl_entity_get_notes (CPL_ENTITY (h20)), "zh_CN"), ==, chinese);
  g_assert_cmpstr (cpl_notes_group_get_text (notes_group_of (view)), ==, "Checked against the datasheet");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  g_assert_true (g_str_has_prefix (cpl_text_get_locale (cpl_entity_get_notes (CPL_ENTITY (h20)), "en"), "Designed for China"));
  gtk_window_destroy (GTK_WINDOW (window));
}

/* A built-in chip given new figures under its built-in notes (a file
 * that changes them, or an edit) says so over the notes: the H20 ships
 * at US$12,000 and 148 dense BF16 TFLOPS (data/builtin-dataset.json);
 * at US$15,000 and 150, the caveat names both, price first (the fields'
 * order), in the detail's units; undone, none. */
static void
test_notes_caveat (void)
{
  CplWindow *window;
  CplChipsView *view = open_chips_view (&window);
  CplChip *h20 = cpl_dataset_lookup_chip (cpl_application_get_dataset (app), "nvidia-h20");
  g_autofree char *caveat = NULL;

  cpl_chips_view_show_chip (view, h20);
  g_assert_null (cpl_notes_group_get_caveat (notes_group_of (view)));
  g_assert_true (cpl_entity_set_number (CPL_ENTITY (h20), CPL_CHIP_PRICE_USD, 15000, NULL));
  g_assert_true (cpl_entity_set_number (CPL_ENTITY (h20), CPL_CHIP_PERFORMANCE + CPL_PRECISION_BF16, 150, NULL));
  cpl_chips_view_show_chip (view, h20);
  caveat = cpl_test_plain_text (cpl_notes_group_get_caveat (notes_group_of (view)));
  g_assert_cmpstr (caveat, ==, "These notes were written for the built-in figures. Changed since: "
                               "Price: $12,000 → $15,000; BF16 (dense): 148.0 TFLOPS → 150.0 TFLOPS.");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  g_assert_cmpfloat (cpl_chip_get (h20, CPL_CHIP_PRICE_USD), ==, 12000);
  cpl_chips_view_show_chip (view, h20);
  g_assert_null (cpl_notes_group_get_caveat (notes_group_of (view)));
  gtk_window_destroy (GTK_WINDOW (window));
}

/* A chip not yet on sale on the view's date has no status in the table:
 * "Not yet released", grey, its tooltip saying when it was released and
 * what the rules would have said.  On 2023-04-09 (the October 2022 rule
 * alone: TPP ≥ 4,800 and interconnect ≥ 600 GB/s) four of the fourteen
 * built-in chips were on sale: the A100 (2020-11; TPP 4,992, 600 GB/s)
 * and the H100 (2022-09) Denied, the H800 (2023-03; 400 GB/s) No licence
 * needed, the Ascend 910B (2023) Domestic.  Sorted by status, those four
 * come first, domestic, free, denied (the status's order), and the ten
 * others after. */
static void
test_not_yet_released (void)
{
  CplWindow *window;
  CplChipsView *view = open_chips_view (&window);
  const char *sorted[] = { "Domestic", "No licence needed", "Denied", "Denied" };
  const char *on_sale[][2] = {
    { "nvidia-a100", "Denied" }, { "nvidia-h100", "Denied" }, { "nvidia-h800", "No licence needed" },
    { "huawei-ascend-910b", "Domestic" }, { "nvidia-b200", "Not yet released" }, { "nvidia-h20", "Not yet released" },
  };
  GtkWidget *label, *box;
  const char *tooltip;

  pick_date (view, "2023-04-09");
  for (guint i = 0; i < G_N_ELEMENTS (on_sale); i++)
    {
      g_autofree char *text = cpl_chips_view_get_cell_text (view, row_of (view, on_sale[i][0]), "status");

      g_assert_cmpstr (text, ==, on_sale[i][1]);
    }

  g_assert_true (cpl_chips_view_sort_by (view, "status", GTK_SORT_ASCENDING));
  for (guint row = 0; row < 14; row++)
    {
      g_autofree char *text = cpl_chips_view_get_cell_text (view, row, "status");

      g_assert_cmpstr (text, ==, row < G_N_ELEMENTS (sorted) ? sorted[row] : "Not yet released");
    }

  /* the cell as drawn: a grey box, its tooltip the B200's (first of the
   * unreleased rows in the table's order, all ten say the same first
   * words) */
  cpl_test_wait_for_draw (GTK_WIDGET (window));
  label = find_label (GTK_WIDGET (view), "Not yet released");
  g_assert_nonnull (label);
  box = gtk_widget_get_parent (label);
  g_assert_true (gtk_widget_has_css_class (box, "dim-label"));
  tooltip = g_object_get_data (G_OBJECT (box), "cpl-tooltip");
  g_test_message ("%s", tooltip);
  g_assert_true (g_str_has_prefix (tooltip, "Not yet released on 9 April 2023 (released "));
  g_assert_nonnull (strstr (tooltip, "). Had it been on sale, its status would have been “"));
  g_assert_nonnull (strstr (tooltip, "”.\nUnder the rules in force on 9 April 2023"));

  /* on 2026-02-01 every built-in chip was on sale (the last, the MI355X,
   * from 2025-06) */
  pick_date (view, "2026-02-01");
  for (guint row = 0; row < 14; row++)
    {
      g_autofree char *text = cpl_chips_view_get_cell_text (view, row, "status");

      g_assert_cmpstr (text, !=, "Not yet released");
    }
  gtk_window_destroy (GTK_WINDOW (window));
}

/* On 2025-06-01 (MODEL.md §2.1: the H20 is denied) the H20's status
 * names the April letters as what catches it; no licence rule is in
 * force yet: the August licences come on 2025-08-11 and the case-by-case
 * review on 2026-01-15, and their rows say so first, in grey, whatever
 * they would say of the chip.  H20: TPP 2,368 (FP8 296 × 8), density
 * 2,368 ÷ 814 = 2.91: below every 3A090 line (4,800; 1,600 with 5.92;
 * 2,400 or 3.2 for .b), so only the letters, which name it, catch it. */
static void
test_detail_deciding_rules (void)
{
  CplWindow *window;
  CplChipsView *view = open_chip_on (&window, "2025-06-01", "nvidia-h20");

  /* the rules' names keep their dates whole (a no-break space between
   * month and year; in Chinese "（2025 年 12" ended a phone's line) */
  assert_detail_row (view, "Denied",
                     "Under the rules in force on 1\u00a0June\u00a02025: caught by “Licence letters for H20 and MI308X "
                     "(April\u00a02025)”, and no licence rule opens it, so an export to China is presumed denied.",
                     "error");
  assert_detail_row (view, "Licences for H20 and MI308X (August 2025)",
                     "Not yet in force on 1\u00a0June\u00a02025: in force from 11\u00a0August\u00a02025\nLicensable", "dim-label");
  assert_detail_row (view, "Case-by-case review for China (January 2026)",
                     "Not yet in force on 1\u00a0June\u00a02025: in force from 15\u00a0January\u00a02026\n", "dim-label");
  /* a rule in force keeps its verdict's colour */
  assert_detail_row (view, "Licence letters for H20 and MI308X (April 2025)", "Controlled", "error");
  /* its lines go clause by clause, each condition saying whether it
   * holds: 3A090.b's first clause fails on TPP 2,368 ≥ 2,400 (32 short),
   * though TPP 2,368 < 4,800 holds (2,432 below the line) */
  assert_detail_row (view, "ECCN 3A090.b (2023)",
                     "Not caught\nClause 1\u00a0of 2, all must hold: not met\n"
                     "•\u00a0TPP 2,368\u00a0≥ 2,400: no, 32\u00a0below\n"
                     "•\u00a0TPP 2,368\u00a0< 4,800: yes, 2,432\u00a0below\n", "dim-label");

  /* on 2025-09-01 the licences are in force: licensable at 15%, the
   * August share rule named (the 25% bands are not yet in force, and
   * would not catch the H20's TPP 2,368 anyway) */
  set_date_iso (view, "2025-09-01");
  assert_detail_row (view, "Licensable · 15% share",
                     "Under the rules in force on 1\u00a0September\u00a02025: caught by “Licence letters for H20 and MI308X "
                     "(April\u00a02025)”, but a licence may be granted under “Licences for H20 and MI308X (August\u00a0"
                     "2025)”; a licensed sale pays 15% of its revenue to the US under “15% share for H20 and "
                     "MI308X (August\u00a02025)”.", "warning");
  assert_detail_row (view, "Licences for H20 and MI308X (August 2025)", "Licensable", "warning");
  gtk_window_destroy (GTK_WINDOW (window));
}

/* The distance from @place to the point @x, @y (0 inside). */
static double
place_distance (const graphene_rect_t *place,
                double                 x,
                double                 y)
{
  double dx = MAX (MAX (place->origin.x - x, 0), x - (place->origin.x + place->size.width));
  double dy = MAX (MAX (place->origin.y - y, 0), y - (place->origin.y + place->size.height));

  return hypot (dx, dy);
}

/* The threshold map of the built-in chips and the rules in force on
 * 2026-12-04, 448 px wide, the H200 selected (its marker and ring reach
 * 11 px from its centre, the others' markers 5 px): a name beside its
 * marker is nearer that marker's edge than any other's, by a pixel.
 * "Gaudi 3 (OAM)" stood 2 px above its square and began 2 px from the
 * selected H200's ring, at its height: it read as the H200's name.  The
 * selected chip keeps its name. */
static void
test_map_names_own (void)
{
  CplWindow *app_window;
  CplChipsView *view = open_chips_view (&app_window);
  CplDataset *dataset = cpl_application_get_dataset (app);
  GListModel *chips = cpl_dataset_get_chips (dataset);
  const int widths[] = { 448, 400, 360 };
  GDate date;

  g_assert_nonnull (view);

  g_date_set_dmy (&date, 4, G_DATE_DECEMBER, 2026);
  for (guint w = 0; w < G_N_ELEMENTS (widths); w++)
    {
      CplChart *chart = cpl_chart_new_for ("threshold-map", FALSE);
      CplScatterChart *map = CPL_SCATTER_CHART (chart);
      GtkWidget *window = gtk_window_new ();

      cpl_threshold_map_fill (map, dataset, chips, &date);
      cpl_scatter_chart_set_selected (map, "nvidia-h200");
      gtk_window_set_default_size (GTK_WINDOW (window), widths[w], 330);
      gtk_window_set_child (GTK_WINDOW (window), cpl_chart_view_new_take (chart));
      gtk_window_present (GTK_WINDOW (window));
      cpl_test_wait_for_draw (window);
      g_test_message ("%d px: %u names hidden", widths[w], cpl_scatter_chart_get_n_hidden_labels (map));
      g_assert_true (cpl_scatter_chart_get_named (map, "nvidia-h200"));
      for (guint i = 0; i < g_list_model_get_n_items (chips); i++)
        {
          g_autoptr(CplEntity) chip = g_list_model_get_item (chips, i);
          const char *id = cpl_entity_get_id (chip);
          graphene_rect_t place;
          double x, y, own;

          if (g_str_equal (id, "nvidia-h200") || !cpl_scatter_chart_get_name_place (map, id, &place) ||
              !cpl_scatter_chart_point_position (map, id, &x, &y))
            continue;
          own = place_distance (&place, x, y) - 5;
          /* a name further off has a leader from its marker to say whose */
          if (own >= 7)
            continue;
          for (guint j = 0; j < g_list_model_get_n_items (chips); j++)
            {
              g_autoptr(CplEntity) other = g_list_model_get_item (chips, j);
              const char *other_id = cpl_entity_get_id (other);
              double ox, oy, apart;

              if (j == i || !cpl_scatter_chart_point_position (map, other_id, &ox, &oy) || (ox == x && oy == y))
                continue;
              apart = place_distance (&place, ox, oy) - (g_str_equal (other_id, "nvidia-h200") ? 11 : 5);
              if (apart < own + 1)
                g_error ("at %d px the name of %s (%.1f px from its marker) is %.1f px from that of %s", widths[w],
                         id, own, apart, other_id);
            }
        }
      gtk_window_destroy (GTK_WINDOW (window));
    }
  gtk_window_destroy (GTK_WINDOW (app_window));
}

/* Another chip's detail starts at its top, its status in sight, not where
 * the last chip's was left (on a phone a chip opened at its price, its
 * status above, out of sight); the chip shown again keeps its place. */
static void
test_detail_from_top (void)
{
  CplWindow *window;
  CplChipsView *view = open_chips_view (&window);
  CplDataset *dataset = cpl_application_get_dataset (app);
  GtkWidget *rules;
  GtkAdjustment *scroll;

  cpl_chips_view_show_chip (view, cpl_dataset_lookup_chip (dataset, "nvidia-h20"));
  cpl_test_wait_for_draw (GTK_WIDGET (window));
  rules = find_label_where (GTK_WIDGET (view), "Export Rules", TRUE);
  g_assert_nonnull (rules);
  scroll = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (gtk_widget_get_ancestor (rules,
                                                                                           GTK_TYPE_SCROLLED_WINDOW)));
  g_assert_cmpfloat (gtk_adjustment_get_upper (scroll) - gtk_adjustment_get_page_size (scroll), >, 200);
  gtk_adjustment_set_value (scroll, 200);
  cpl_chips_view_show_chip (view, cpl_dataset_lookup_chip (dataset, "nvidia-h20"));
  g_assert_cmpfloat (gtk_adjustment_get_value (scroll), ==, 200);
  cpl_chips_view_show_chip (view, cpl_dataset_lookup_chip (dataset, "nvidia-h200"));
  g_assert_cmpfloat (gtk_adjustment_get_value (scroll), ==, 0);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* The detail pane opens on the chip's status, as the table gives it, and
 * each rule's verdict looks as in the table's rule columns: a licence
 * that opens the chip amber, not a red lock; a licence or share that
 * does not apply dimmed, not a green tick. */
static void
test_detail_verdicts (void)
{
  CplWindow *window;
  CplChipsView *view = open_chip_on (&window, "2026-02-01", "nvidia-h200");

  /* on 2026-02-01 the H200 (TPP 15,832 < 21,000; 4,800 GB/s < 6,500) is
   * under case-by-case review and in the 25% band (14,000 ≤ 15,832 <
   * 17,500), and named by the December 2025 licence and 25% share:
   * licensable, 25% */
  g_assert_nonnull (find_label_where (GTK_WIDGET (view), "Status in China", TRUE));
  /* the status names the rules that decide it: TPP 15,832 ≥ 4,800
   * (3A090.a of 2023) catches it; 3A090.b does not (density 19.45 is not
   * below 5.92), and 3A090.a of October 2022 was replaced on 2023-11-17;
   * the December 2025 licence and the case-by-case review open it, and
   * the December 2025 share and the January 2026 25% band set its share
   * (the rules in the dataset's order, the order they took effect): 25%
   * each, and it pays the largest,
   * 25% once, not 50% (MODEL.md §2.1, said so: two "25%" rules named
   * after one "pays 25%" read as if they added up) */
  assert_detail_row (view, "Licensable · 25% share",
                     "Under the rules in force on 1\u00a0February\u00a02026: caught by “ECCN 3A090.a (2023)”, but a licence "
                     "may be granted under “Licences for H200 (December\u00a02025)” and “Case-by-case review for China "
                     "(January\u00a02026)”; a licensed sale pays 25% of its revenue to the US, the largest of the "
                     "shares set by “25% share for H200 (December\u00a02025)” and “25% tariff share (January\u00a02026)” "
                     "(the shares of several rules are not added together).", "warning");
  /* the replaced rule says so, in grey (it read "Controlled", in red) */
  assert_detail_row (view, "ECCN 3A090.a (October 2022)",
                     "No longer in force on 1\u00a0February\u00a02026: it ended on 17\u00a0November\u00a02023\nControlled", "dim-label");
  /* its figures carry their units: 15,832 TPP ÷ 814 mm² = 19.45 TPP per
   * mm² of die, a no-break space before the unit (it read a bare
   * "19.45") */
  g_assert_nonnull (find_label (GTK_WIDGET (view), "19.45\u00a0TPP/mm²"));
  /* FP16 989.5 × 16 = BF16 989.5 × 16 = FP8 1,979 × 8 = 15,832 (TF32
   * 494.5 × 32 = 15,824 is less): FP8, as the chip's note and export-
   * control texts quote it, written as the precisions' rows write it (it
   * read "from fp16") */
  g_assert_nonnull (find_label (GTK_WIDGET (view), "TPP (from FP8)"));
  g_assert_null (find_label (GTK_WIDGET (view), "What each rule would say of this chip if it were exported "
                                                "from the United States; its sale in China is not subject to them."));
  /* its distances keep each number with its unit, and the unit whole:
   * 15,832 / 814 mm² = 19.45 TPP/mm², the line 5.92 TPP/mm², 19.45 −
   * 5.92 = 13.53 TPP/mm² above it ("TPP/" ended a line, "mm²" began the
   * next) */
  {
    const char *subtitle = adw_action_row_get_subtitle (detail_row (view, "ECCN 3A090.a (2023)"));

    g_assert_nonnull (subtitle);
    g_assert_nonnull (strstr (subtitle, "performance density 19.45\u00a0≥ 5.92\u00a0TPP/\u2060mm²: "
                                        "yes, 13.53\u00a0TPP/\u2060mm²\u00a0above"));
  }
  /* its tooltip gives the condition as a reader writes it: "≥", not the
   * file's ">=" */
  {
    CplDataset *dataset = cpl_application_get_dataset (app);
    CplRule *rule = CPL_RULE (cpl_dataset_lookup (dataset, CPL_TYPE_RULE, "eccn-3a090a-2023"));
    CplChipMetrics m;
    g_autofree char *tooltip = NULL;

    cpl_chip_metrics_compute (cpl_dataset_lookup_chip (dataset, "nvidia-h200"), &m);
    tooltip = cpl_rule_describe_verdict (rule, "nvidia-h200", m.values);
    g_test_message ("%s", tooltip);
    g_assert_nonnull (strstr (tooltip, "TPP 15,832 (rule: ≥ 4,800)"));
  }
  /* a tooltip's first line gives the verdict in its row's words: the April
   * 2025 letters name the H20 and MI308X, not the H200, "Not caught" (it
   * read "Not controlled" under the row's "Not caught"); the January 2026
   * share matches it, "25% share applies" (it read "Controlled") */
  {
    CplDataset *dataset = cpl_application_get_dataset (app);
    CplChipMetrics m;
    g_autofree char *letters = NULL;
    g_autofree char *share = NULL;

    cpl_chip_metrics_compute (cpl_dataset_lookup_chip (dataset, "nvidia-h200"), &m);
    letters = cpl_rule_describe_verdict (CPL_RULE (cpl_dataset_lookup (dataset, CPL_TYPE_RULE, "h20-mi308-letters-2025")),
                                         "nvidia-h200", m.values);
    share = cpl_rule_describe_verdict (CPL_RULE (cpl_dataset_lookup (dataset, CPL_TYPE_RULE, "tariff-25-2026")),
                                       "nvidia-h200", m.values);
    g_assert_true (g_str_has_prefix (letters, "Licence letters for H20 and MI308X (April 2025): Not caught\n"));
    g_assert_true (g_str_has_prefix (share, "25% tariff share (January 2026): 25% share applies\n"));
  }
  /* TPP 15,832 ≥ 4,800: 3A090.a (2023) controls it, red */
  assert_detail_row (view, "ECCN 3A090.a (2023)", "Controlled", "error");
  assert_detail_row (view, "Case-by-case review for China (January 2026)", "Licensable", "warning");
  assert_detail_row (view, "25% tariff share (January 2026)", "25% share applies", "warning");
  /* the April letters name the H20 and MI308X only: they do not catch
   * the H200, and say so in grey, not with the green tick of a chip that
   * needs no licence (3A090.a above denies it) */
  assert_detail_row (view, "Licence letters for H20 and MI308X (April 2025)", "Not caught", "dim-label");
  /* a licence for other chips says nothing of it: "Does not apply", not
   * "Not licensable" beside the licence that opens it */
  assert_detail_row (view, "Licences for H20 and MI308X (August 2025)", "Does not apply", "dim-label");
  assert_detail_row (view, "15% share for H20 and MI308X (August 2025)", "Does not apply", "dim-label");
  /* and not with the barred circle that means Denied in the table */
  {
    g_autoptr(GPtrArray) rows = g_ptr_array_new ();
    const char *denied_icon, *denied_class;

    cpl_chip_status_get_style (CPL_CHIP_STATUS_DENIED, &denied_icon, &denied_class);
    cpl_test_collect_widgets (GTK_WIDGET (view), ADW_TYPE_ACTION_ROW, rows);
    for (guint i = 0; i < rows->len; i++)
      if (g_str_has_prefix (adw_action_row_get_subtitle (rows->pdata[i]) ? adw_action_row_get_subtitle (rows->pdata[i]) : "",
                            "Does not apply"))
        {
          g_autoptr(GPtrArray) images = g_ptr_array_new ();

          cpl_test_collect_widgets (GTK_WIDGET (rows->pdata[i]), GTK_TYPE_IMAGE, images);
          for (guint k = 0; k < images->len; k++)
            g_assert_cmpstr (gtk_image_get_icon_name (images->pdata[k]), !=, denied_icon);
        }
  }

  /* a clause whose figure is missing "needs data", in the sentence's
   * lower case: the B200 (FP8 4,500 × 8 = TPP 36,000 ≥ 4,800) meets
   * 3A090.a (2023)'s first clause; its second needs the die area the
   * dataset lacks */
  cpl_chips_view_show_chip (view, cpl_dataset_lookup_chip (cpl_application_get_dataset (app), "nvidia-b200"));
  assert_detail_row (view, "ECCN 3A090.a (2023)",
                     "Controlled\nClause 1\u00a0of 2: met\n"
                     "•\u00a0TPP 36,000\u00a0≥ 4,800: yes, 31,200\u00a0above\n"
                     "Clause 2\u00a0of 2, all must hold: needs data\n", "error");

  /* a chip not yet released on the view's date says so first: the B200
   * (released 2024-11) on 2023-04-09, caught by 3A090.a of October 2022
   * (TPP 36,000 ≥ 4,800, interconnect 1,800 ≥ 600 GB/s), would be
   * "Denied", but did not exist yet; grey, as in its table cell */
  set_date_iso (view, "2023-04-09");
  assert_detail_row (view, "Not yet released",
                     "Not yet released on 9\u00a0April\u00a02023 (released November\u00a02024). Had it been on sale, its status would "
                     "have been “Denied”.\nUnder the rules in force on 9\u00a0April\u00a02023: caught by “ECCN 3A090.a "
                     "(October\u00a02022)”", "dim-label");
  set_date_iso (view, "2026-02-01");

  /* a domestic chip in the text's colour, not blue: on the threshold map
   * blue dots are the foreign chips */
  cpl_chips_view_show_chip (view, cpl_dataset_lookup_chip (cpl_application_get_dataset (app), "huawei-ascend-910c"));
  assert_detail_row (view, "Domestic", "", NULL);
  /* its rule verdicts say what they are: the rules' view of it as a US
   * export, not a ban on its sale (the H200's had no such note) */
  g_assert_nonnull (find_label (GTK_WIDGET (view), "What each rule would say of this chip if it were exported "
                                                   "from the United States; its sale in China is not subject to them."));
  /* and so in the table and the comparison, which share the style */
  {
    const char *icon_name, *css_class;

    cpl_chip_status_get_style (CPL_CHIP_STATUS_DOMESTIC, &icon_name, &css_class);
    g_assert_cmpstr (icon_name, ==, "go-home-symbolic");
    g_assert_null (css_class);
  }
  /* a rule's match of it is what the rule would say of it as a US
   * export, in grey: the Ascend 910C's TPP 12,800 ≥ 4,800 meets
   * 3A090.a (2023)'s first clause, as the H200's 15,832 does, but where
   * the H200 reads a red "Controlled" it reads "If exported: Controlled"
   * (a red "Controlled" beside "Domestic" read as a US ban on its sale);
   * a rule that does not catch it says so in the same words ("If
   * exported: Not caught": a bare "Not caught" beside it read as the
   * rule's word on its sale) */
  assert_detail_row (view, "ECCN 3A090.a (2023)", "If exported: Controlled\n", "dim-label");
  assert_detail_row (view, "Licence letters for H20 and MI308X (April 2025)", "If exported: Not caught", "dim-label");
  /* and its tooltip says so first, as the table cell's does */
  {
    const char *tip = gtk_widget_get_tooltip_text (GTK_WIDGET (detail_row (view, "ECCN 3A090.a (2023)")));

    g_assert_nonnull (tip);
    g_assert_true (g_str_has_prefix (tip, "Made by a Chinese vendor: US export rules do not decide its sale in China.\n"));
  }
  {
    g_autofree char *ascend = cpl_chips_view_get_cell_text (view, row_of (view, "huawei-ascend-910c"),
                                                            "rule:eccn-3a090a-2023");
    g_autofree char *h200 = cpl_chips_view_get_cell_text (view, row_of (view, "nvidia-h200"),
                                                          "rule:eccn-3a090a-2023");

    g_assert_cmpstr (ascend, ==, "If exported: Controlled");
    g_assert_cmpstr (h200, ==, "Controlled");
  }

  gtk_window_destroy (GTK_WINDOW (window));
}

/* The labels of the threshold map's legend, joined by "|". */
static char *
map_legend (CplChipsView *view)
{
  GtkWidget *timeline_view = cpl_test_find_chart_view (GTK_WIDGET (view), cpl_chips_view_get_timeline (view));
  GtkStack *stack = GTK_STACK (gtk_widget_get_ancestor (timeline_view, GTK_TYPE_STACK));
  GtkWidget *map_view = cpl_test_find_widget (gtk_stack_get_child_by_name (stack, "map"), CPL_TYPE_CHART_VIEW);
  g_autoptr(GArray) items = cpl_chart_build_legend (cpl_chart_view_get_chart (CPL_CHART_VIEW (map_view)));
  g_autoptr(GString) labels = g_string_new (NULL);

  for (guint i = 0; i < items->len; i++)
    g_string_append_printf (labels, "%s%s", i > 0 ? "|" : "", g_array_index (items, CplChartLegendItem, i).label);
  return g_string_free (g_steal_pointer (&labels), FALSE);
}

/* The threshold map's chips wear their statuses of the view's date, as
 * the table writes them: on 2026-02-01 the H200 and the A100 are
 * licensable (case-by-case review), the B200 and the GB200 denied (TPP
 * 36,000 and 40,000 ≥ 21,000); on 2022-01-01, before any rule, the
 * one chip on sale then, the A100 (2020-11), needs no licence, the rest
 * (the H100 2022-09 first, the Ascend 910B 2023) are not yet released,
 * and no rule's region or line is drawn.  Domestic chips stay diamonds. */
static void
test_map_statuses (void)
{
  CplWindow *window;
  CplChipsView *view = open_chips_view (&window);
  g_autofree char *in_2026 = NULL;
  g_autofree char *in_2022 = NULL;

  set_date_iso (view, "2026-02-01");
  in_2026 = map_legend (view);
  g_test_message ("%s", in_2026);
  /* the regions in the order the rules took effect (January 14, then
   * 15), then the lines */
  g_assert_cmpstr (in_2026, ==, "Licensable|Denied|Domestic chip|25% tariff share (January 2026)|"
                                "Case-by-case review for China (January 2026)|ECCN 3A090.a (2023)");
  set_date_iso (view, "2022-01-01");
  in_2022 = map_legend (view);
  g_test_message ("%s", in_2022);
  /* and the map draws the rules of that day: none then */
  g_assert_cmpstr (in_2022, ==, "No licence needed|Not yet released");
  gtk_window_destroy (GTK_WINDOW (window));
}

/* At 1280 px the figures that decide a chip's status, TPP and
 * performance density, are in view without scrolling sideways, before
 * the specs they come from (they stood after TDP, right of the fold). */
static void
test_deciding_columns_in_view (void)
{
  CplWindow *window = cpl_test_open_window (app, "chips", NULL, 1280, 800);
  CplChipsView *view = CPL_CHIPS_VIEW (cpl_test_find_widget (GTK_WIDGET (window), CPL_TYPE_CHIPS_VIEW));
  GtkWidget *frozen, *scrolling, *scroller, *tpp, *density, *memory;

  table_parts (view, &frozen, &scrolling);
  scroller = gtk_widget_get_ancestor (scrolling, GTK_TYPE_SCROLLED_WINDOW);
  cpl_test_wait_for_draw (GTK_WIDGET (window));
  tpp = find_label (scrolling, "TPP");
  density = find_label (scrolling, "Perf. density (TPP/mm²)");
  memory = find_label (scrolling, "Memory (GB)");
  g_assert_nonnull (tpp);
  g_assert_nonnull (density);
  g_assert_nonnull (memory);
  g_assert_cmpfloat (x_in (tpp, scroller), <, x_in (memory, scroller));
  g_assert_cmpfloat (x_in (density, scroller), <, x_in (memory, scroller));
  g_assert_cmpfloat (x_in (density, scroller) + gtk_widget_get_width (density), <=, gtk_widget_get_width (scroller));

  gtk_window_destroy (GTK_WINDOW (window));
}

/* The search and the date: side by side at 1280 px; at 360 px the search
 * has a line of its own, the width of the view less its 12 px margins
 * and the flow box child's 3 px padding on each side, 360 − 24 − 6 =
 * 330, shared with the filters' button 6 px beside it (it was squeezed to
 * "Se…" beside the date).  Tab goes from the search to the date's button
 * (on a phone by the filters' button): the flow boxes' wrappers are no
 * focus stops. */
static void
test_search_line (void)
{
  const int widths[] = { 360, 1280 };

  for (guint w = 0; w < G_N_ELEMENTS (widths); w++)
    {
      CplWindow *window = cpl_test_open_window (app, "chips", NULL, widths[w], 640);
      CplChipsView *view = CPL_CHIPS_VIEW (cpl_test_find_widget (GTK_WIDGET (window), CPL_TYPE_CHIPS_VIEW));
      GtkWidget *search = cpl_test_find_widget (GTK_WIDGET (view), GTK_TYPE_SEARCH_ENTRY);
      GtkWidget *date = cpl_test_find_widget (GTK_WIDGET (view), GTK_TYPE_MENU_BUTTON);
      GtkWidget *toggle = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (view), CPL_TYPE_CHIPS_VIEW,
                                                                     "filters_toggle"));
      graphene_rect_t search_box, date_box;

      cpl_test_wait_for_draw (GTK_WIDGET (window));
      g_assert_true (gtk_widget_compute_bounds (search, GTK_WIDGET (view), &search_box));
      g_assert_true (gtk_widget_compute_bounds (date, GTK_WIDGET (view), &date_box));
      if (widths[w] == 360)
        {
          graphene_rect_t toggle_box;

          g_assert_cmpfloat (date_box.origin.y, >=, search_box.origin.y + search_box.size.height);
          g_assert_true (gtk_widget_get_mapped (toggle));
          g_assert_true (gtk_widget_compute_bounds (toggle, GTK_WIDGET (view), &toggle_box));
          /* from the search's left edge to the button's right edge */
          g_assert_cmpfloat_with_epsilon (toggle_box.origin.x + toggle_box.size.width - search_box.origin.x,
                                          gtk_widget_get_width (GTK_WIDGET (view)) - 24 - 6, 1);
          g_assert_cmpfloat_with_epsilon (toggle_box.origin.x - (search_box.origin.x + search_box.size.width), 6, 1);
        }
      else
        g_assert_cmpfloat (date_box.origin.y, <, search_box.origin.y + search_box.size.height);

      g_assert_true (gtk_widget_grab_focus (search));
      g_assert_true (gtk_widget_child_focus (GTK_WIDGET (window), GTK_DIR_TAB_FORWARD));
      if (widths[w] == 360)
        {
          g_assert_true (gtk_root_get_focus (GTK_ROOT (window)) == toggle);
          g_assert_true (gtk_widget_child_focus (GTK_WIDGET (window), GTK_DIR_TAB_FORWARD));
        }
      g_assert_true (gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (window)), date) ||
                     gtk_root_get_focus (GTK_ROOT (window)) == date);
      gtk_window_destroy (GTK_WINDOW (window));
    }
}

/* On a phone the filters and the power prices fold away behind a button
 * beside the search, so that the table has the room; the button shows
 * them, and is in the accent colour while a filter hides chips.  At 1280
 * px they stand above the table, with no button. */
static void
test_filters_fold (void)
{
  const int widths[] = { 360, 1280 };

  for (guint w = 0; w < G_N_ELEMENTS (widths); w++)
    {
      gboolean narrow = widths[w] == 360;
      CplWindow *window = cpl_test_open_window (app, "chips", NULL, widths[w], narrow ? 640 : 800);
      CplChipsView *view = CPL_CHIPS_VIEW (cpl_test_find_widget (GTK_WIDGET (window), CPL_TYPE_CHIPS_VIEW));
      GtkToggleButton *toggle = GTK_TOGGLE_BUTTON (gtk_widget_get_template_child (GTK_WIDGET (view), CPL_TYPE_CHIPS_VIEW,
                                                                                  "filters_toggle"));
      GtkRevealer *revealer = GTK_REVEALER (gtk_widget_get_template_child (GTK_WIDGET (view), CPL_TYPE_CHIPS_VIEW,
                                                                           "filters_revealer"));
      GtkDropDown *vendors = GTK_DROP_DOWN (gtk_widget_get_template_child (GTK_WIDGET (view), CPL_TYPE_CHIPS_VIEW,
                                                                           "vendor_dropdown"));
      GtkStringList *names = GTK_STRING_LIST (gtk_drop_down_get_model (vendors));
      guint amd = G_MAXUINT;

      g_test_message ("%d px", widths[w]);
      cpl_test_wait_for_draw (GTK_WIDGET (window));
      cpl_test_iterate_for (300);
      g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (toggle)) == narrow);
      g_assert_true (gtk_revealer_get_reveal_child (revealer) == !narrow);
      /* the 14 built-in chips: NVIDIA 7 (A100, H100, H800, H20, H200, B200,
       * GB200), AMD 4, Intel 1, Huawei 2 */
      g_assert_cmpuint (cpl_chips_view_get_n_rows (view), ==, 14);
      if (!narrow)
        {
          gtk_window_destroy (GTK_WINDOW (window));
          continue;
        }

      gtk_toggle_button_set_active (toggle, TRUE);
      g_assert_true (gtk_revealer_get_reveal_child (revealer));
      g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (toggle), "accent"));

      /* AMD: the Instinct MI300X, MI308X, MI325X and MI355X */
      for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (names)); i++)
        if (g_str_equal (gtk_string_list_get_string (names, i), "AMD"))
          amd = i;
      g_assert_cmpuint (amd, !=, G_MAXUINT);
      gtk_drop_down_set_selected (vendors, amd);
      g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (toggle), "accent"));
      gtk_toggle_button_set_active (toggle, FALSE);
      g_assert_false (gtk_revealer_get_reveal_child (revealer));
      g_assert_cmpuint (cpl_chips_view_get_n_rows (view), ==, 4);

      /* all vendors again: the plain button */
      gtk_drop_down_set_selected (vendors, 0);
      g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (toggle), "accent"));
      gtk_window_destroy (GTK_WINDOW (window));
    }
}

/* At 360 px the frozen part takes no more than about half the width (the
 * name ellipsizes): the other columns keep room to scroll into view. */
static void
test_frozen_narrow (void)
{
  CplWindow *window = cpl_test_open_window (app, "chips", NULL, 360, 640);
  CplChipsView *view = CPL_CHIPS_VIEW (cpl_test_find_widget (GTK_WIDGET (window), CPL_TYPE_CHIPS_VIEW));
  GtkWidget *frozen_view, *scrolling_view;
  int frozen, scrolling;

  cpl_test_wait_for_draw (GTK_WIDGET (window));
  cpl_test_iterate_for (300);
  table_parts (view, &frozen_view, &scrolling_view);
  /* the scrolled windows of the frozen part and of the scrolling one */
  frozen = gtk_widget_get_width (gtk_widget_get_ancestor (frozen_view, GTK_TYPE_SCROLLED_WINDOW));
  scrolling = gtk_widget_get_width (gtk_widget_get_ancestor (scrolling_view, GTK_TYPE_SCROLLED_WINDOW));
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (view)), <=, 360);
  g_assert_cmpint (frozen, >, 100);
  g_assert_cmpint (scrolling, >=, frozen - 2);
  /* the frozen part's columns fit in it: a status ("Licensable · 15%
   * share") ellipsizes inside the part instead of running past its
   * edge, where it was cut off */
  {
    g_autoptr(GPtrArray) labels = g_ptr_array_new ();
    GtkWidget *frozen_scroll = gtk_widget_get_ancestor (frozen_view, GTK_TYPE_SCROLLED_WINDOW);
    guint n_status = 0;

    cpl_test_collect_widgets (frozen_view, GTK_TYPE_LABEL, labels);
    for (guint i = 0; i < labels->len; i++)
      {
        GtkWidget *label = labels->pdata[i];
        graphene_point_t end;

        if (!gtk_widget_get_mapped (label) || !g_str_has_prefix (gtk_label_get_text (GTK_LABEL (label)), "Licensable"))
          continue;
        n_status++;
        g_assert_true (gtk_widget_compute_point (label, frozen_scroll,
                                                 &GRAPHENE_POINT_INIT (gtk_widget_get_width (label), 0), &end));
        g_assert_cmpfloat (end.x, <=, frozen);
      }
    /* A100, H100, H800, H20, H200, MI300X, MI308X, MI325X are licensable
     * today; at least the first rows are on screen */
    g_assert_cmpuint (n_status, >=, 3);
  }
  gtk_window_destroy (GTK_WINDOW (window));
}

/* The list of a column view (under its header). */
static GtkWidget *
list_of (GtkWidget *column_view)
{
  for (GtkWidget *child = gtk_widget_get_first_child (column_view); child; child = gtk_widget_get_next_sibling (child))
    if (g_str_equal (gtk_widget_get_css_name (child), "listview"))
      return child;
  g_assert_not_reached ();
}

/* Whether the column of @column_view titled @title shows. */
static gboolean
column_shown (GtkWidget  *column_view,
              const char *title)
{
  GListModel *columns = gtk_column_view_get_columns (GTK_COLUMN_VIEW (column_view));

  for (guint i = 0; i < g_list_model_get_n_items (columns); i++)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, i);

      if (g_str_equal (gtk_column_view_column_get_title (column), title))
        return gtk_column_view_column_get_visible (column);
    }
  g_assert_not_reached ();
}

/* The heights of @view's mapped rows, in order. */
static GArray *
row_heights (GtkWidget *view)
{
  GArray *heights = g_array_new (FALSE, FALSE, sizeof (int));
  GtkWidget *list = list_of (view);

  for (GtkWidget *row = gtk_widget_get_first_child (list); row; row = gtk_widget_get_next_sibling (row))
    if (gtk_widget_get_mapped (row) && g_str_equal (gtk_widget_get_css_name (row), "row"))
      {
        int height = gtk_widget_get_height (row);
        g_array_append_val (heights, height);
      }
  return heights;
}

/* On a phone (360 px) each chip's status stands under its name, and the
 * Status and Origin columns are hidden: the name and status side by side
 * were both ellipsized, to "H100 S…" and "Lice…".  The two parts' rows,
 * now two lines tall, still line up.  At 1280 px both columns are back
 * and the names stand alone. */
static void
test_status_under_name (void)
{
  const int widths[] = { 360, 1280 };

  for (guint w = 0; w < G_N_ELEMENTS (widths); w++)
    {
      gboolean narrow = widths[w] == 360;
      CplWindow *window = cpl_test_open_window (app, "chips", NULL, widths[w], narrow ? 640 : 800);
      CplChipsView *view = CPL_CHIPS_VIEW (cpl_test_find_widget (GTK_WIDGET (window), CPL_TYPE_CHIPS_VIEW));
      GtkWidget *frozen = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (view), CPL_TYPE_CHIPS_VIEW, "frozen_view"));
      GtkWidget *scrolling = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (view), CPL_TYPE_CHIPS_VIEW,
                                                                        "column_view"));
      GtkWidget *b200, *under, *h200;
      GtkLabel *share;
      g_autoptr(GArray) left = NULL;
      g_autoptr(GArray) right = NULL;

      g_test_message ("%d px", widths[w]);
      /* 2026-02-01: the B200 (TPP 36,000) is denied (see /chips/status) */
      pick_date (view, "2026-02-01");
      cpl_test_wait_for_draw (GTK_WIDGET (window));
      /* its row in sight */
      g_assert_true (gtk_widget_activate_action (list_of (frozen), "list.scroll-to-item", "u",
                                                 row_of (view, "nvidia-b200")));
      cpl_test_wait_for_draw (GTK_WIDGET (window));
      cpl_test_iterate_for (300);

      g_assert_true (column_shown (frozen, "Status in China") == !narrow);
      /* the origin too: "Domestic" stood both under the name and in it */
      g_assert_true (column_shown (scrolling, "Origin") == !narrow);

      b200 = find_label_where (frozen, "B200", TRUE);
      g_assert_nonnull (b200);
      under = gtk_widget_get_next_sibling (b200);
      if (narrow)
        {
          g_assert_nonnull (under);
          g_assert_true (gtk_widget_get_mapped (under));
          g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (gtk_widget_get_last_child (under))), ==, "Denied");
          /* the H200 SXM, the row above: licensable at 25% (TPP 15,832,
           * in the January 2026 case-by-case rule and the first tariff
           * band), whole: the share was cut off to "Licensable · 25% …" */
          h200 = find_label_where (frozen, "H200 SXM", TRUE);
          g_assert_nonnull (h200);
          share = GTK_LABEL (gtk_widget_get_last_child (gtk_widget_get_next_sibling (h200)));
          g_assert_cmpstr (gtk_label_get_text (share), ==, "Licensable · 25% share");
          g_assert_false (pango_layout_is_ellipsized (gtk_label_get_layout (share)));
        }
      else
        g_assert_true (under == NULL || !gtk_widget_get_visible (under));

      /* row by row the same heights on both sides */
      left = row_heights (frozen);
      right = row_heights (scrolling);
      g_assert_cmpuint (left->len, >=, 3);
      g_assert_cmpuint (left->len, ==, right->len);
      for (guint i = 0; i < left->len; i++)
        g_assert_cmpint (g_array_index (left, int, i), ==, g_array_index (right, int, i));

      gtk_window_destroy (GTK_WINDOW (window));
    }
}

/* At 360 px the detail pane is a page of its own, and a value stays on
 * one line with its unit: the H100's interconnect 900 GB/s, TDP 700 W and
 * memory bandwidth 3.35 TB/s (its datasheet figures in the built-in
 * dataset) read whole, with a no-break space before the unit, at least as
 * wide as the text (they were squeezed to "900" over "GB/" over "s"). */
static void
test_detail_values_one_line (void)
{
  CplWindow *window = cpl_test_open_window (app, "chips", NULL, 360, 640);
  CplChipsView *view = CPL_CHIPS_VIEW (cpl_test_find_widget (GTK_WIDGET (window), CPL_TYPE_CHIPS_VIEW));
  AdwLeaflet *leaflet = ADW_LEAFLET (cpl_test_find_widget (GTK_WIDGET (view), ADW_TYPE_LEAFLET));
  CplDataset *dataset = cpl_application_get_dataset (app);
  const char *values[] = { "900\u00a0GB/s", "700\u00a0W", "3.35\u00a0TB/s" };

  g_assert_true (adw_leaflet_get_folded (leaflet));
  cpl_chips_view_show_chip (view, CPL_CHIP (cpl_dataset_lookup (dataset, CPL_TYPE_CHIP, "nvidia-h100")));
  g_assert_true (adw_leaflet_navigate (leaflet, ADW_NAVIGATION_DIRECTION_FORWARD));
  cpl_test_iterate_for (400);  /* the leaflet's transition */
  for (guint i = 0; i < G_N_ELEMENTS (values); i++)
    {
      GtkWidget *label = find_label (GTK_WIDGET (view), values[i]);
      int natural;

      g_test_message ("%s", values[i]);
      g_assert_nonnull (label);
      g_assert_true (gtk_widget_get_mapped (label));
      g_assert_false (gtk_label_get_wrap (GTK_LABEL (label)));
      gtk_widget_measure (label, GTK_ORIENTATION_HORIZONTAL, -1, NULL, &natural, NULL, NULL);
      g_assert_cmpint (gtk_widget_get_width (label), >=, natural);
    }
  /* under the datasheet's 3.35 TB/s, the same in the rules' unit:
   * 3.35 × 1,000 = 3,350 GB/s, as the rules' distances give it */
  {
    GtkWidget *row = gtk_widget_get_ancestor (find_label (GTK_WIDGET (view), "3.35\u00a0TB/s"), ADW_TYPE_ACTION_ROW);

    g_assert_nonnull (row);
    g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==,
                     "3,350\u00a0GB/s, the unit of the export rules");
  }
  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  int status;

  app = cpl_test_ui_init (&argc, &argv);

  g_test_add_func ("/chips/notes-keep-units", test_notes_keep_units);
  g_test_add_func ("/chips/notes-edit", test_notes_edit);
  g_test_add_func ("/chips/notes-caveat", test_notes_caveat);
  g_test_add_func ("/chips/table-lapsed-rule", test_table_lapsed_rule);
  g_test_add_func ("/chips/table", test_table);
  g_test_add_func ("/chips/detail-from-top", test_detail_from_top);
  g_test_add_func ("/chips/map-names-own", test_map_names_own);
  g_test_add_func ("/chips/what-if-wheel", test_what_if_wheel);
  g_test_add_func ("/chips/status-column", test_status_column);
  g_test_add_func ("/chips/verdict-tooltip", test_verdict_tooltip);
  g_test_add_func ("/chips/not-yet-released", test_not_yet_released);
  g_test_add_func ("/chips/date-popover", test_date_popover);
  g_test_add_func ("/chips/timeline", test_timeline);
  g_test_add_func ("/chips/export-menu", test_export_menu);
  g_test_add_func ("/chips/export-buttons", test_export_buttons);
  g_test_add_func ("/chips/unknown-last", test_unknown_last);
  g_test_add_func ("/chips/what-if", test_what_if);
  g_test_add_func ("/chips/compare", test_compare);
  g_test_add_func ("/chips/table-dash-says-why", test_table_dash_says_why);
  g_test_add_func ("/chips/compare-chooser", test_compare_chooser);
  g_test_add_func ("/chips/compare-not-in-force", test_compare_not_in_force);
  g_test_add_func ("/chips/compare-summary-narrow", test_compare_summary_narrow);
  g_test_add_func ("/chips/compare-two-narrow", test_compare_two_narrow);
  g_test_add_func ("/chips/compare-four-narrow", test_compare_four_narrow);
  g_test_add_func ("/chips/compare-status", test_compare_status);
  g_test_add_func ("/chips/filters-and-dark", test_filters_and_dark);
  g_test_add_func ("/chips/narrow-tap-opens-detail", test_narrow_tap_opens_detail);
  g_test_add_func ("/chips/frozen-name", test_frozen_name);
  g_test_add_func ("/chips/frozen-narrow", test_frozen_narrow);
  g_test_add_func ("/chips/hover-whole-row", test_hover_whole_row);
  g_test_add_func ("/chips/detail-verdicts", test_detail_verdicts);
  g_test_add_func ("/chips/needs-data-icon", test_needs_data_icon);
  g_test_add_func ("/chips/dim-verdict", test_dim_verdict);
  g_test_add_func ("/chips/detail-deciding-rules", test_detail_deciding_rules);
  g_test_add_func ("/chips/map-statuses", test_map_statuses);
  g_test_add_func ("/chips/what-if-from-chip", test_what_if_from_chip);
  g_test_add_func ("/chips/what-if-status", test_what_if_status);
  g_test_add_func ("/chips/deciding-columns-in-view", test_deciding_columns_in_view);
  g_test_add_func ("/chips/status-under-name", test_status_under_name);
  g_test_add_func ("/chips/filters-fold", test_filters_fold);
  g_test_add_func ("/chips/search-line", test_search_line);
  g_test_add_func ("/chips/detail-values-one-line", test_detail_values_one_line);
  status = g_test_run ();
  g_clear_object (&app);
  return status;
}
