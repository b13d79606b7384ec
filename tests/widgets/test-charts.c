/* test-charts.c: the chart widgets and the axis arithmetic under them
 *
 * Runs under Xvfb with G_DEBUG=fatal-criticals; g_test_init() makes GTK
 * warnings fatal too, so drawing at any size or in either colour scheme
 * must not warn at all.
 */
#include "config.h"

#include <adwaita.h>
#include <math.h>

#include "widgets/cpl-bar-chart.h"
#include "widgets/cpl-chart-axis.h"
#include "widgets/cpl-chart-private.h"
#include "widgets/cpl-scatter-chart.h"
#include "cpl-format.h"

#define assert_near(a, b) g_assert_cmpfloat_with_epsilon ((a), (b), 1e-9 * MAX (1, fabs ((double) (b))))

static void
assert_ticks (const CplChartAxis *axis,
              guint               max_ticks,
              const double       *expected,
              guint               n_expected)
{
  double ticks[CPL_CHART_AXIS_MAX_TICKS];
  guint n = cpl_chart_axis_ticks (axis, ticks, max_ticks);

  g_assert_cmpuint (n, ==, n_expected);
  for (guint i = 0; i < n; i++)
    assert_near (ticks[i], expected[i]);
}

/* ---- axis ---- */

static void
test_axis_linear_ticks (void)
{
  CplChartAxis axis;

  cpl_chart_axis_init (&axis, CPL_CHART_SCALE_LINEAR);

  /* 0..23, at most 6: a step of 23 / 5 = 4.6 at least; 1 gives 24 ticks,
   * 2 gives 12, 5 gives 0, 5, 10, 15, 20: five */
  cpl_chart_axis_set_range (&axis, 0, 23);
  assert_ticks (&axis, 6, (double[]) { 0, 5, 10, 15, 20 }, 5);
  g_assert_cmpint (cpl_chart_axis_tick_decimals (&axis, 5, 6), ==, 0);

  /* 0..1, at most 6: step ≥ 0.2; 0.1 gives 11, 0.2 gives 0, 0.2 … 1: six,
   * and a step of 2 × 10⁻¹ needs one decimal */
  cpl_chart_axis_set_range (&axis, 0, 1);
  assert_ticks (&axis, 6, (double[]) { 0, .2, .4, .6, .8, 1 }, 6);
  g_assert_cmpint (cpl_chart_axis_tick_decimals (&axis, .4, 6), ==, 1);

  /* -7..13, at most 5: step ≥ 20 / 4 = 5; 5 gives -5, 0, 5, 10 */
  cpl_chart_axis_set_range (&axis, -7, 13);
  assert_ticks (&axis, 5, (double[]) { -5, 0, 5, 10 }, 4);

  /* 1,800..7,900, at most 4: step ≥ 6,100 / 3 ≈ 2,033; 2,000 gives
   * 2,000 4,000 6,000 (three, as 8,000 is past the end) */
  cpl_chart_axis_set_range (&axis, 1800, 7900);
  assert_ticks (&axis, 4, (double[]) { 2000, 4000, 6000 }, 3);

  /* and the label is the number, in the user's locale */
  {
    g_autofree char *label = cpl_chart_axis_format_tick (&axis, 4000, 4);
    g_autofree char *expected = cpl_format_number (4000, 0);

    g_assert_cmpstr (label, ==, expected);
  }
}

static void
test_axis_log_ticks (void)
{
  CplChartAxis axis;

  cpl_chart_axis_init (&axis, CPL_CHART_SCALE_LOG);

  /* 1,000..50,000: 1.7 decades, few, so the powers 1,000 and 10,000 with
   * the 2 and 5 multiples: 1,000 2,000 5,000 10,000 20,000 50,000 */
  cpl_chart_axis_set_range (&axis, 1000, 50000);
  assert_ticks (&axis, 6, (double[]) { 1000, 2000, 5000, 10000, 20000, 50000 }, 6);

  /* with room for only 4 of those, the powers alone */
  assert_ticks (&axis, 4, (double[]) { 1000, 10000 }, 2);

  /* 1..10⁶: six decades, powers only: 1, 10, … 10⁶ (seven) */
  cpl_chart_axis_set_range (&axis, 1, 1e6);
  assert_ticks (&axis, 8, (double[]) { 1, 10, 100, 1e3, 1e4, 1e5, 1e6 }, 7);

  /* at most 4: every second power, from 10⁰: 1, 100, 10⁴, 10⁶ */
  assert_ticks (&axis, 4, (double[]) { 1, 100, 1e4, 1e6 }, 4);

  /* 0.01..1 labels: 0.01 needs two decimals, 0.5 one, 1 none */
  cpl_chart_axis_set_range (&axis, .01, 1);
  g_assert_cmpint (cpl_chart_axis_tick_decimals (&axis, .01, 10), ==, 2);
  g_assert_cmpint (cpl_chart_axis_tick_decimals (&axis, .5, 10), ==, 1);
  g_assert_cmpint (cpl_chart_axis_tick_decimals (&axis, 1, 10), ==, 0);

  /* 1,900..8,500: under a decade, only 2,000 and 5,000 are 1-2-5
   * multiples, so even steps instead: ≥ 6,600 / 5 = 1,320 → 2,000:
   * 2,000 4,000 6,000 8,000 */
  cpl_chart_axis_set_range (&axis, 1900, 8500);
  assert_ticks (&axis, 6, (double[]) { 2000, 4000, 6000, 8000 }, 4);
}

static void
test_axis_to_unit (void)
{
  CplChartAxis axis;

  /* log10 10 = 1 is halfway between log10 1 = 0 and log10 100 = 2 */
  cpl_chart_axis_init (&axis, CPL_CHART_SCALE_LOG);
  cpl_chart_axis_set_range (&axis, 1, 100);
  assert_near (cpl_chart_axis_to_unit (&axis, 10), .5);
  assert_near (cpl_chart_axis_to_unit (&axis, 1), 0);
  assert_near (cpl_chart_axis_to_unit (&axis, 100), 1);
  assert_near (cpl_chart_axis_to_unit (&axis, 1000), 1.5);
  assert_near (cpl_chart_axis_from_unit (&axis, .5), 10);
  g_assert_true (isnan (cpl_chart_axis_to_unit (&axis, 0)));
  g_assert_true (isnan (cpl_chart_axis_to_unit (&axis, -5)));
  g_assert_false (cpl_chart_axis_accepts (&axis, 0));
  g_assert_true (cpl_chart_axis_accepts (&axis, .001));

  cpl_chart_axis_init (&axis, CPL_CHART_SCALE_LINEAR);
  cpl_chart_axis_set_range (&axis, 0, 10);
  assert_near (cpl_chart_axis_to_unit (&axis, 2.5), .25);
  g_assert_true (isnan (cpl_chart_axis_to_unit (&axis, NAN)));
  g_assert_true (cpl_chart_axis_accepts (&axis, -3));
}

static void
test_axis_fit (void)
{
  CplChartAxis axis;

  /* 2..12: a span of 10, 5 % = 0.5 each side */
  cpl_chart_axis_init (&axis, CPL_CHART_SCALE_LINEAR);
  cpl_chart_axis_fit (&axis, (double[]) { 12, NAN, 2, INFINITY }, 4);
  assert_near (axis.min, 1.5);
  assert_near (axis.max, 12.5);

  /* 0..10: the padding does not take a positive range below zero */
  cpl_chart_axis_fit (&axis, (double[]) { 0, 10 }, 2);
  assert_near (axis.min, 0);
  assert_near (axis.max, 10.5);

  /* log 10..1,000: two decades, 0.1 decade each side; 0 and -1 skipped */
  cpl_chart_axis_init (&axis, CPL_CHART_SCALE_LOG);
  cpl_chart_axis_fit (&axis, (double[]) { 10, 0, 1000, -1 }, 4);
  assert_near (axis.min, pow (10, .9));
  assert_near (axis.max, pow (10, 3.1));

  /* one value: half a decade each side */
  cpl_chart_axis_fit (&axis, (double[]) { 100 }, 1);
  assert_near (axis.min, pow (10, 1.5));
  assert_near (axis.max, pow (10, 2.5));

  /* nothing to show: the default range */
  cpl_chart_axis_fit (&axis, NULL, 0);
  assert_near (axis.min, 1);
  assert_near (axis.max, 10);
}

/* ---- widgets ---- */

static gboolean
count_tick (GtkWidget     *widget,
            GdkFrameClock *clock,
            gpointer       data)
{
  guint *ticks = data;

  (*ticks)++;
  return G_SOURCE_CONTINUE;
}

/* Lets the window map, then lay out and draw a few frames. */
static void
wait_for_draw (GtkWidget *widget)
{
  guint ticks = 0;
  guint id;

  while (!gtk_widget_get_mapped (widget))
    g_main_context_iteration (NULL, TRUE);

  id = gtk_widget_add_tick_callback (widget, count_tick, &ticks, NULL);
  while (ticks < 3)
    g_main_context_iteration (NULL, TRUE);
  gtk_widget_remove_tick_callback (widget, id);
}

static GtkWidget *
window_with (GtkWidget *child,
             int        width,
             int        height)
{
  GtkWidget *window = gtk_window_new ();

  gtk_window_set_default_size (GTK_WINDOW (window), width, height);
  gtk_window_set_child (GTK_WINDOW (window), child);
  gtk_window_present (GTK_WINDOW (window));
  wait_for_draw (child);
  return window;
}

static GtkWidget *
new_scatter (void)
{
  GtkWidget *widget = cpl_scatter_chart_new ();
  CplScatterChart *chart = CPL_SCATTER_CHART (widget);

  cpl_scatter_chart_set_axes (chart, "TPP", FALSE, "Memory bandwidth (GB/s)", FALSE);
  cpl_scatter_chart_add_region (chart, "case-by-case review", -INFINITY, 21000, -INFINITY, 6500, CPL_CHART_COLOR_ORANGE);
  cpl_scatter_chart_add_vline (chart, "3A090.a (2023)", 4800, CPL_CHART_COLOR_RED);
  cpl_scatter_chart_add_point (chart, "a100", "A100", 4992, 2039, CPL_POINT_STYLE_NORMAL);
  cpl_scatter_chart_add_point (chart, "h100", "H100", 15832, 3350, CPL_POINT_STYLE_NORMAL);
  cpl_scatter_chart_add_point (chart, "910c", "Ascend 910C", 12800, 3200, CPL_POINT_STYLE_DOMESTIC);
  return widget;
}

static void
test_scatter_hit (void)
{
  GtkWidget *widget = new_scatter ();
  CplScatterChart *chart = CPL_SCATTER_CHART (widget);
  GtkWidget *window = window_with (widget, 600, 400);
  double x, y, x2, y2;

  g_assert_cmpint (gtk_widget_get_width (widget), >=, 500);
  g_assert_cmpint (gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (widget)), ==, GTK_ACCESSIBLE_ROLE_IMG);
  g_assert_true (gtk_widget_get_focusable (widget));

  /* where a point is drawn, the hit test finds it, and within 10 px */
  g_assert_true (cpl_scatter_chart_point_position (chart, "h100", &x, &y));
  g_assert_cmpfloat (x, >, 0);
  g_assert_cmpfloat (x, <, gtk_widget_get_width (widget));
  g_assert_cmpfloat (y, >, 0);
  g_assert_cmpfloat (y, <, gtk_widget_get_height (widget));
  g_assert_cmpstr (cpl_scatter_chart_point_at (chart, x, y), ==, "h100");
  g_assert_cmpstr (cpl_scatter_chart_point_at (chart, x + 5, y - 5), ==, "h100");
  g_assert_null (cpl_scatter_chart_point_at (chart, x + 12, y));
  g_assert_null (cpl_scatter_chart_point_at (chart, 2, 2));

  /* higher TPP is further right, more bandwidth further up */
  g_assert_true (cpl_scatter_chart_point_position (chart, "a100", &x2, &y2));
  g_assert_cmpfloat (x2, <, x);
  g_assert_cmpfloat (y2, >, y);
  g_assert_cmpstr (cpl_scatter_chart_point_at (chart, x2, y2), ==, "a100");

  /* unknown or unplaceable values are not drawn */
  cpl_scatter_chart_add_point (chart, "unknown", "Unknown", NAN, 100, CPL_POINT_STYLE_NORMAL);
  cpl_scatter_chart_add_point (chart, "zero", "Zero", 0, 100, CPL_POINT_STYLE_HYPOTHETICAL);
  wait_for_draw (widget);
  g_assert_false (cpl_scatter_chart_point_position (chart, "unknown", NULL, NULL));
  g_assert_true (cpl_scatter_chart_point_position (chart, "zero", NULL, NULL));
  g_assert_false (cpl_scatter_chart_point_position (chart, "no-such-point", NULL, NULL));

  /* on log axes, zero cannot be placed either */
  cpl_scatter_chart_set_axes (chart, "TPP", TRUE, "Memory bandwidth (GB/s)", TRUE);
  wait_for_draw (widget);
  g_assert_false (cpl_scatter_chart_point_position (chart, "zero", NULL, NULL));
  g_assert_true (cpl_scatter_chart_point_position (chart, "h100", &x, &y));
  g_assert_cmpstr (cpl_scatter_chart_point_at (chart, x, y), ==, "h100");

  /* cleared, nothing is hit */
  cpl_scatter_chart_clear (chart);
  wait_for_draw (widget);
  g_assert_null (cpl_scatter_chart_point_at (chart, x, y));

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
on_point_activated (CplScatterChart *chart,
                    const char      *id,
                    GPtrArray       *activated)
{
  g_ptr_array_add (activated, g_strdup (id));
}

static void
on_notify (GObject    *object,
           GParamSpec *pspec,
           guint      *count)
{
  (*count)++;
}

static void
test_scatter_keyboard (void)
{
  GtkWidget *widget = new_scatter ();
  CplScatterChart *chart = CPL_SCATTER_CHART (widget);
  GtkWidget *window = window_with (widget, 600, 400);
  g_autoptr(GPtrArray) activated = g_ptr_array_new_with_free_func (g_free);
  guint notified = 0;

  g_signal_connect (chart, "point-activated", G_CALLBACK (on_point_activated), activated);
  g_signal_connect (chart, "notify::selected", G_CALLBACK (on_notify), &notified);

  /* by TPP: A100 4,992 < Ascend 910C 12,800 < H100 15,832 */
  cpl_scatter_chart_set_selected (chart, "a100");
  g_assert_cmpuint (notified, ==, 1);
  g_assert_true (gtk_widget_activate_action (widget, "chart.next-point", NULL));
  g_assert_cmpstr (cpl_scatter_chart_get_selected (chart), ==, "910c");
  gtk_widget_activate_action (widget, "chart.next-point", NULL);
  g_assert_cmpstr (cpl_scatter_chart_get_selected (chart), ==, "h100");
  gtk_widget_activate_action (widget, "chart.next-point", NULL);  /* the last stays */
  g_assert_cmpstr (cpl_scatter_chart_get_selected (chart), ==, "h100");
  gtk_widget_activate_action (widget, "chart.previous-point", NULL);
  g_assert_cmpstr (cpl_scatter_chart_get_selected (chart), ==, "910c");
  gtk_widget_activate_action (widget, "chart.first-point", NULL);
  g_assert_cmpstr (cpl_scatter_chart_get_selected (chart), ==, "a100");
  gtk_widget_activate_action (widget, "chart.last-point", NULL);
  g_assert_cmpstr (cpl_scatter_chart_get_selected (chart), ==, "h100");
  g_assert_cmpuint (notified, ==, 6);

  /* by bandwidth: A100 2,039 < Ascend 910C 3,200 < H100 3,350 */
  gtk_widget_activate_action (widget, "chart.point-below", NULL);
  g_assert_cmpstr (cpl_scatter_chart_get_selected (chart), ==, "910c");
  gtk_widget_activate_action (widget, "chart.point-below", NULL);
  g_assert_cmpstr (cpl_scatter_chart_get_selected (chart), ==, "a100");
  gtk_widget_activate_action (widget, "chart.point-above", NULL);
  g_assert_cmpstr (cpl_scatter_chart_get_selected (chart), ==, "910c");

  /* moving selects, only Enter (or a click) activates */
  g_assert_cmpuint (activated->len, ==, 0);
  gtk_widget_activate_action (widget, "chart.activate-point", NULL);
  g_assert_cmpuint (activated->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (activated, 0), ==, "910c");

  /* nothing selected: Right starts at the first point, Enter does nothing */
  cpl_scatter_chart_set_selected (chart, NULL);
  gtk_widget_activate_action (widget, "chart.activate-point", NULL);
  g_assert_cmpuint (activated->len, ==, 1);
  gtk_widget_activate_action (widget, "chart.next-point", NULL);
  g_assert_cmpstr (cpl_scatter_chart_get_selected (chart), ==, "a100");

  gtk_window_destroy (GTK_WINDOW (window));
}

static GtkWidget *
new_bars (void)
{
  GtkWidget *widget = cpl_bar_chart_new ();
  CplBarChart *chart = CPL_BAR_CHART (widget);
  const char *categories[] = { "TPP", "Memory", "Bandwidth", NULL };

  cpl_bar_chart_set_categories (chart, categories);
  cpl_bar_chart_add_series (chart, "H200", (double[]) { 1, 1, 1 });
  cpl_bar_chart_add_series (chart, "H20", (double[]) { .15, NAN, .83 });
  cpl_bar_chart_set_value_title (chart, "× H200");
  cpl_bar_chart_set_reference (chart, 1.0);
  cpl_bar_chart_set_description (chart, "H20 against H200");
  return widget;
}

static void
test_bar_hit (void)
{
  GtkWidget *widget = new_bars ();
  CplBarChart *chart = CPL_BAR_CHART (widget);
  GtkWidget *window = window_with (widget, 600, 400);
  guint series = G_MAXUINT, category = G_MAXUINT;
  double x, y, x_h200, y_h200;

  g_assert_cmpint (gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (widget)), ==, GTK_ACCESSIBLE_ROLE_IMG);

  /* H20's Bandwidth bar: series 1 of 2, category 2: bar 2 × 2 + 1 = 5 */
  g_assert_true (cpl_bar_chart_bar_position (chart, 1, 2, &x, &y));
  g_assert_cmpint (cpl_bar_chart_bar_at (chart, x, y, &series, &category), ==, 5);
  g_assert_cmpuint (series, ==, 1);
  g_assert_cmpuint (category, ==, 2);

  /* H200's is left of it, and taller (its middle is higher up) */
  g_assert_true (cpl_bar_chart_bar_position (chart, 0, 2, &x_h200, &y_h200));
  g_assert_cmpfloat (x_h200, <, x);
  g_assert_cmpfloat (y_h200, <, y);
  g_assert_cmpint (cpl_bar_chart_bar_at (chart, x_h200, y_h200, NULL, NULL), ==, 4);

  /* the missing value has a stub that can be pointed at */
  g_assert_true (cpl_bar_chart_bar_position (chart, 1, 1, &x, &y));
  g_assert_cmpint (cpl_bar_chart_bar_at (chart, x, y, &series, &category), ==, 3);
  g_assert_cmpuint (category, ==, 1);

  /* outside the plot, or no such bar */
  g_assert_cmpint (cpl_bar_chart_bar_at (chart, 2, 2, NULL, NULL), ==, -1);
  g_assert_false (cpl_bar_chart_bar_position (chart, 2, 0, NULL, NULL));

  /* the cursor moves without complaint, even past the ends */
  for (guint i = 0; i < 8; i++)
    g_assert_true (gtk_widget_activate_action (widget, "chart.next-bar", NULL));
  gtk_widget_activate_action (widget, "chart.first-bar", NULL);
  gtk_widget_activate_action (widget, "chart.previous-bar", NULL);

  cpl_bar_chart_clear_series (chart);
  wait_for_draw (widget);
  g_assert_cmpint (cpl_bar_chart_bar_at (chart, x, y, NULL, NULL), ==, -1);

  gtk_window_destroy (GTK_WINDOW (window));
}

/* ---- drawing ---- */

static void
collect_nodes (GskRenderNode *node,
               GskRenderNodeType type,
               GPtrArray     *found)
{
  if (gsk_render_node_get_node_type (node) == type)
    g_ptr_array_add (found, node);

  switch ((int) gsk_render_node_get_node_type (node))
    {
    case GSK_CONTAINER_NODE:
      for (guint i = 0; i < gsk_container_node_get_n_children (node); i++)
        collect_nodes (gsk_container_node_get_child (node, i), type, found);
      break;
    case GSK_TRANSFORM_NODE:
      collect_nodes (gsk_transform_node_get_child (node), type, found);
      break;
    case GSK_CLIP_NODE:
      collect_nodes (gsk_clip_node_get_child (node), type, found);
      break;
    case GSK_ROUNDED_CLIP_NODE:
      collect_nodes (gsk_rounded_clip_node_get_child (node), type, found);
      break;
    case GSK_OPACITY_NODE:
      collect_nodes (gsk_opacity_node_get_child (node), type, found);
      break;
    case GSK_DEBUG_NODE:
      collect_nodes (gsk_debug_node_get_child (node), type, found);
      break;
    default:
      break;
    }
}

/* Renders @widget as it is now, and returns the lightness of its text
 * (0 black … 1 white); checks that text, filled shapes and hatching or
 * outlines are there. */
static double
render (GtkWidget *widget)
{
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GPtrArray) texts = g_ptr_array_new ();
  g_autoptr(GPtrArray) colors = g_ptr_array_new ();
  const GdkRGBA *color;

  /* as the parent draws it on the next frame */
  gtk_widget_snapshot_child (gtk_widget_get_parent (widget), widget, snapshot);
  node = gtk_snapshot_free_to_node (snapshot);
  g_assert_nonnull (node);

  collect_nodes (node, GSK_TEXT_NODE, texts);
  collect_nodes (node, GSK_COLOR_NODE, colors);
  g_assert_cmpuint (texts->len, >=, 5);    /* legend, title, ticks, labels */
  g_assert_cmpuint (colors->len, >=, 5);   /* gridlines, bars, markers */

  color = gsk_text_node_get_color (g_ptr_array_index (texts, 0));
  return 0.2126 * color->red + 0.7152 * color->green + 0.0722 * color->blue;
}

static void
test_render (void)
{
  AdwStyleManager *style = adw_style_manager_get_default ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *scatter = new_scatter ();
  GtkWidget *bars = new_bars ();
  GtkWidget *window;
  CplChartPalette palette;
  int wide_height, narrow_height, unused;

  gtk_widget_set_vexpand (scatter, TRUE);
  gtk_widget_set_vexpand (bars, TRUE);
  cpl_scatter_chart_add_point (CPL_SCATTER_CHART (scatter), "what-if", "What-if", 9000, 5600,
                               CPL_POINT_STYLE_HYPOTHETICAL);
  cpl_scatter_chart_set_selected (CPL_SCATTER_CHART (scatter), "h100");
  gtk_box_append (GTK_BOX (box), scatter);
  gtk_box_append (GTK_BOX (box), bars);

  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_FORCE_LIGHT);
  window = window_with (box, 600, 800);

  /* light: dark text, the light palette */
  g_assert_cmpfloat (render (scatter), <, .5);
  g_assert_cmpfloat (render (bars), <, .5);
  cpl_chart_palette_update (&palette, scatter);
  g_assert_false (palette.dark);

  /* dark: light text, without any call to the charts */
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_FORCE_DARK);
  wait_for_draw (scatter);
  g_assert_cmpfloat (render (scatter), >, .5);
  g_assert_cmpfloat (render (bars), >, .5);
  cpl_chart_palette_update (&palette, scatter);
  g_assert_true (palette.dark);

  /* focused, with the focus ring */
  gtk_widget_grab_focus (scatter);
  wait_for_draw (scatter);
  render (scatter);

  /* the legend wraps at narrow widths, so needs more height */
  gtk_widget_measure (scatter, GTK_ORIENTATION_VERTICAL, 1000, &wide_height, NULL, NULL, NULL);
  gtk_widget_measure (scatter, GTK_ORIENTATION_VERTICAL, 300, &narrow_height, NULL, NULL, NULL);
  g_assert_cmpint (narrow_height, >, wide_height);
  gtk_widget_measure (scatter, GTK_ORIENTATION_HORIZONTAL, -1, &unused, NULL, NULL, NULL);
  g_assert_cmpint (unused, <=, 300);
  gtk_window_destroy (GTK_WINDOW (window));

  /* 300 px wide, in both schemes, with no warnings */
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  scatter = new_scatter ();
  bars = new_bars ();
  gtk_box_append (GTK_BOX (box), scatter);
  gtk_box_append (GTK_BOX (box), bars);
  window = window_with (box, 300, 800);
  g_assert_cmpint (gtk_widget_get_width (scatter), <=, 300);
  g_assert_cmpint (gtk_widget_get_width (bars), <=, 300);
  g_assert_cmpfloat (render (scatter), >, .5);
  render (bars);
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_FORCE_LIGHT);
  wait_for_draw (scatter);
  g_assert_cmpfloat (render (scatter), <, .5);
  render (bars);

  /* empty charts draw too */
  cpl_scatter_chart_clear (CPL_SCATTER_CHART (scatter));
  cpl_bar_chart_set_categories (CPL_BAR_CHART (bars), NULL);
  wait_for_draw (scatter);
  render (scatter);
  render (bars);

  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/charts/axis/linear-ticks", test_axis_linear_ticks);
  g_test_add_func ("/charts/axis/log-ticks", test_axis_log_ticks);
  g_test_add_func ("/charts/axis/to-unit", test_axis_to_unit);
  g_test_add_func ("/charts/axis/fit", test_axis_fit);
  g_test_add_func ("/charts/scatter/hit-test", test_scatter_hit);
  g_test_add_func ("/charts/scatter/keyboard", test_scatter_keyboard);
  g_test_add_func ("/charts/bar/hit-test", test_bar_hit);
  g_test_add_func ("/charts/render", test_render);

  return g_test_run ();
}
