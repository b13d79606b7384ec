/* test-charts.c: the chart widgets and the axis arithmetic under them
 *
 * Runs under Xvfb with G_DEBUG=fatal-criticals; g_test_init() makes GTK
 * warnings fatal too, so drawing at any size or in either colour scheme
 * must not warn at all.
 */
#include "config.h"

#include <adwaita.h>
#include <locale.h>
#include <math.h>

#include "widgets/cpl-bar-chart.h"
#include "widgets/cpl-chart-axis.h"
#include "widgets/cpl-chart-private.h"
#include "widgets/cpl-chart-view.h"
#include "widgets/cpl-line-chart.h"
#include "widgets/cpl-scatter-chart.h"
#include "widgets/cpl-timeline-chart.h"
#include "widgets/cpl-tornado-chart.h"
#include "cpl-format.h"
#include "../cpl-test-ui.h"

#define assert_near(a, b) g_assert_cmpfloat_with_epsilon ((a), (b), 1e-9 * MAX (1, fabs ((double) (b))))

/* The chart a CplChartView shows. */
static CplChart *
chart_of (GtkWidget *view)
{
  return cpl_chart_view_get_chart (CPL_CHART_VIEW (view));
}

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

  /* with room for only 4 of those, the 1 and 5 multiples: 1,000 5,000
   * 10,000 50,000, both ends; with room for 3, every other one from
   * 1,000: 1,000 5,000 20,000 (three ticks, one end, where the powers
   * alone, 1,000 10,000, gave two; every other one through 10,000, 2,000
   * 10,000 50,000, also reaches one end, and comes after) */
  assert_ticks (&axis, 4, (double[]) { 1000, 5000, 10000, 50000 }, 4);
  assert_ticks (&axis, 3, (double[]) { 1000, 5000, 20000 }, 3);

  /* 2,000..50,000 (the threshold map's TPP) with room for 4: five 1-2-5
   * multiples (2,000 5,000 10,000 20,000 50,000) are too many, and one
   * power alone (10,000) says nothing of the scale: every other one
   * through 10,000, 2,000 10,000 50,000, which reach both ends (the 1
   * and 5 multiples, 5,000 10,000 50,000, leave 2,000–5,000 unmarked) */
  cpl_chart_axis_set_range (&axis, 2000, 50000);
  assert_ticks (&axis, 4, (double[]) { 2000, 10000, 50000 }, 3);

  /* a chart of ratios, 0.17× to 20× (the B200 and H200 against the
   * H20), with room for 6 of its seven 1-2-5 multiples (0.2 0.5 1 2 5 10
   * 20): every other one through 1, 0.2 1 5 20, the reference and both
   * ends (the 1 and 5 multiples, 0.5 1 5 10, left the 15× and 0.19×
   * bars past the last ticks) */
  cpl_chart_axis_set_range (&axis, .17, 20);
  assert_ticks (&axis, 6, (double[]) { .2, 1, 5, 20 }, 4);
  cpl_chart_axis_set_range (&axis, 1000, 50000);

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

  /* only zeros: 0..1, not 0..0, with one tick: 0 */
  cpl_chart_axis_fit (&axis, (double[]) { 0, 0 }, 2);
  assert_near (axis.min, 0);
  assert_near (axis.max, 1);
  assert_ticks (&axis, 6, (double[]) { 0 }, 1);
  /* a value that is not zero brings the ticks back: 0..0.5 and 5 % over */
  cpl_chart_axis_fit (&axis, (double[]) { 0, .5 }, 2);
  assert_ticks (&axis, 6, (double[]) { 0, .1, .2, .3, .4, .5 }, 6);

  /* log 10..1,000: two decades, 0.1 decade each side; 0 and -1 skipped */
  cpl_chart_axis_init (&axis, CPL_CHART_SCALE_LOG);
  cpl_chart_axis_fit (&axis, (double[]) { 10, 0, 1000, -1 }, 4);
  assert_near (axis.min, pow (10, .9));
  assert_near (axis.max, pow (10, 3.1));

  /* the threshold map's TPP, 2,368 (H20) to 40,000 (GB200): log10 3.3744
   * to 4.6021, padded by 0.05 × 1.2277 = 0.0614 to 2,056–46,080; 2,000
   * is 0.073 decades below 2,368 and 50,000 0.097 above 40,000, within a
   * tenth of a decade: the axis reaches out to them, and ticks stand
   * near both ends (2,000 is a tick; the H20's nearest was 5,000) */
  cpl_chart_axis_fit (&axis, (double[]) { 2368, 15832, 40000 }, 3);
  assert_near (axis.min, 2000);
  assert_near (axis.max, 50000);
  assert_ticks (&axis, 8, (double[]) { 2000, 5000, 10000, 20000, 50000 }, 5);
  /* memory bandwidth 1,600–8,000 GB/s: 1,000 is 0.204 decades below
   * 1,600, too far, so the padding alone: log10 1,600 − 0.05 × 0.699 =
   * 3.1692; 10,000 is 0.097 above 8,000, reached */
  cpl_chart_axis_fit (&axis, (double[]) { 1600, 8000 }, 2);
  assert_near (axis.min, pow (10, log10 (1600) - .05 * log10 (5)));
  assert_near (axis.max, 10000);

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

/* A box of @first and the charts after it (to NULL), one above the
 * other, each as tall as the box lets it be. */
static GtkWidget *
charts_box (GtkWidget *first,
            ...)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  va_list args;

  va_start (args, first);
  for (GtkWidget *chart = first; chart != NULL; chart = va_arg (args, GtkWidget *))
    {
      gtk_widget_set_vexpand (chart, TRUE);
      gtk_box_append (GTK_BOX (box), chart);
    }
  va_end (args);
  return box;
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
  GtkWidget *widget = cpl_chart_view_new_take (cpl_scatter_chart_new ());
  CplScatterChart *chart = CPL_SCATTER_CHART (chart_of (widget));

  cpl_scatter_chart_set_axes (chart, "TPP", FALSE, "Memory bandwidth (GB/s)", FALSE);
  cpl_scatter_chart_add_region (chart, "case-by-case review", -INFINITY, 21000, -INFINITY, 6500, CPL_CHART_COLOR_ORANGE);
  cpl_scatter_chart_add_vline (chart, "3A090.a (2023)", 4800, CPL_CHART_COLOR_VERMILLION);
  cpl_scatter_chart_add_point (chart, "a100", "A100", 4992, 2039, CPL_POINT_STYLE_NORMAL);
  cpl_scatter_chart_add_point (chart, "h100", "H100", 15832, 3350, CPL_POINT_STYLE_NORMAL);
  cpl_scatter_chart_add_point (chart, "910c", "Ascend 910C", 12800, 3200, CPL_POINT_STYLE_DOMESTIC);
  return widget;
}

/* A logarithmic axis says so in its title: its ticks 2,000, 4,000,
 * 8,000 stand evenly apart. */
static void
test_scatter_log_titles (void)
{
  GtkWidget *widget = new_scatter ();
  CplScatterChart *chart = CPL_SCATTER_CHART (chart_of (widget));

  /* new_scatter(): both axes linear */
  g_assert_cmpstr (cpl_scatter_chart_get_axis_title (chart, GTK_ORIENTATION_HORIZONTAL), ==, "TPP");
  g_assert_cmpstr (cpl_scatter_chart_get_axis_title (chart, GTK_ORIENTATION_VERTICAL), ==, "Memory bandwidth (GB/s)");

  cpl_scatter_chart_set_axes (chart, "TPP", TRUE, "Memory bandwidth (GB/s)", FALSE);
  g_assert_cmpstr (cpl_scatter_chart_get_axis_title (chart, GTK_ORIENTATION_HORIZONTAL), ==, "TPP, log scale");
  g_assert_cmpstr (cpl_scatter_chart_get_axis_title (chart, GTK_ORIENTATION_VERTICAL), ==, "Memory bandwidth (GB/s)");

  cpl_scatter_chart_set_axes (chart, "TPP", FALSE, "Memory bandwidth (GB/s)", TRUE);
  g_assert_cmpstr (cpl_scatter_chart_get_axis_title (chart, GTK_ORIENTATION_HORIZONTAL), ==, "TPP");
  g_assert_cmpstr (cpl_scatter_chart_get_axis_title (chart, GTK_ORIENTATION_VERTICAL), ==,
                   "Memory bandwidth (GB/s), log scale");

  g_object_unref (g_object_ref_sink (widget));
}

/* A point given its chip's status wears the status, as the Chips table
 * writes it: no licence needed a green disc, denied a red square; the
 * legend names each status shown, in the table's order, before the plain
 * chips ("Chip", the accent disc) and the domestic diamond. */
static void
test_scatter_statuses (void)
{
  g_autoptr(CplChart) chart = cpl_scatter_chart_new ();
  CplScatterChart *map = CPL_SCATTER_CHART (chart);
  g_autoptr(GArray) legend = NULL;
  CplChartPalette palette;
  const struct {
    const char     *label;
    CplChartMarker  marker;
    const GdkRGBA  *color;
  } expected[] = {
    { "No licence needed", CPL_CHART_MARKER_CIRCLE, &palette.success },
    { "Denied", CPL_CHART_MARKER_SQUARE, &palette.error },
    { "Chip", CPL_CHART_MARKER_CIRCLE, &palette.accent },
    { "Domestic chip", CPL_CHART_MARKER_DIAMOND, NULL },
  };

  cpl_chart_palette_init (&palette, FALSE);
  cpl_scatter_chart_set_axes (map, "TPP", TRUE, "Memory bandwidth (GB/s)", TRUE);
  cpl_scatter_chart_add_point (map, "denied", "B200", 36000, 8000, CPL_POINT_STYLE_NORMAL);
  cpl_scatter_chart_add_point (map, "free", "A100", 4992, 2039, CPL_POINT_STYLE_NORMAL);
  cpl_scatter_chart_add_point (map, "plain", "H20", 2368, 4000, CPL_POINT_STYLE_NORMAL);
  cpl_scatter_chart_add_point (map, "domestic", "910C", 12800, 3200, CPL_POINT_STYLE_DOMESTIC);
  cpl_scatter_chart_set_point_status (map, "denied", CPL_CHIP_STATUS_DENIED);
  cpl_scatter_chart_set_point_status (map, "free", CPL_CHIP_STATUS_FREE);

  legend = cpl_chart_build_legend (chart);
  g_assert_cmpuint (legend->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      const CplChartLegendItem *item = &g_array_index (legend, CplChartLegendItem, i);

      g_assert_cmpstr (item->label, ==, expected[i].label);
      g_assert_cmpint (item->marker, ==, expected[i].marker);
      if (expected[i].color != NULL)
        g_assert_true (gdk_rgba_equal (&item->color, expected[i].color));
    }
}

/* Two value labels side by side keep a gap of 3 px, the second a line
 * further from its bar where they would touch, at every width from 500
 * to 1000 px: the Compare window's ratios against the H20, whose cost
 * bars 0.33 and 0.19 read "0.330.19". */
static void
test_bar_value_gap (void)
{
  GtkWidget *widget = cpl_chart_view_new_take (cpl_bar_chart_new ());
  CplBarChart *chart = CPL_BAR_CHART (chart_of (widget));
  const char *categories[] = { "TPP", "BF16", "Memory", "Bandwidth", "TFLOPS/W", "Price", "Cost", NULL };
  const double h20[] = { 1, 1, 1, 1, 1, 1, 1 };
  const double h200[] = { 6.69, 6.69, 1.47, 1.2, 3.82, 2.25, .33 };
  const double b200[] = { 15.2, 15.2, 1.88, 1.93, 6.08, 2.92, .19 };
  GtkWidget *window;

  cpl_bar_chart_set_categories (chart, categories);
  cpl_bar_chart_add_series (chart, "H20", h20);
  cpl_bar_chart_add_series (chart, "H200 SXM", h200);
  cpl_bar_chart_add_series (chart, "B200", b200);
  window = window_with (widget, 500, 360);
  for (int width = 500; width <= 1000; width += 10)
    {
      gtk_window_set_default_size (GTK_WINDOW (window), width, 360);
      wait_for_draw (widget);
      for (guint c = 0; categories[c] != NULL; c++)
        for (guint s = 1; s < 3; s++)
          {
            graphene_rect_t a, b;

            if (!cpl_bar_chart_get_value_place (chart, s - 1, c, &a) || !cpl_bar_chart_get_value_place (chart, s, c, &b))
              continue;
            graphene_rect_inset (&a, -3 + .01, .01);
            if (graphene_rect_intersection (&a, &b, NULL))
              g_error ("at %d px, %s: values %u and %u at %.1f and %.1f touch", width, categories[c], s - 1, s,
                       a.origin.x, b.origin.x);
          }
    }
  gtk_window_destroy (GTK_WINDOW (window));
}

/* The legend's range swatch looks as the bands are drawn: one or two,
 * a shaded square; three or more (the compared scenarios), which are
 * fainter and edged in dots, a faint square edged in dots (it was the one
 * shaded square whatever was drawn). */
static void
test_line_bands_legend (void)
{
  const double x[] = { 2026, 2027 }, y[] = { 1, 2 }, low[] = { .5, 1 }, high[] = { 2, 3 };
  CplChartLegendKind expected[] = { CPL_CHART_LEGEND_AREA, CPL_CHART_LEGEND_AREA, CPL_CHART_LEGEND_BANDS };

  for (guint n = 1; n <= 3; n++)
    {
      g_autoptr(CplLineChart) chart = CPL_LINE_CHART (cpl_line_chart_new ());
      g_autoptr(GArray) legend = NULL;

      for (guint s = 0; s < n; s++)
        {
          g_autofree char *name = g_strdup_printf ("Scenario %u", s + 1);

          cpl_line_chart_set_series_band (chart, cpl_line_chart_add_series (chart, name, x, y, 2, CPL_LINE_STYLE_LINE),
                                          low, high);
        }
      legend = cpl_chart_build_legend (CPL_CHART (chart));
      g_assert_cmpuint (legend->len, ==, n + 1);
      /* two or more: each band is in its line's colour, which the
       * legend's one neutral swatch says in words */
      g_assert_cmpstr (g_array_index (legend, CplChartLegendItem, n).label, ==,
                       n == 1 ? "P10–P90 range" : "P10–P90 range of each line, in its colour");
      g_assert_cmpint (g_array_index (legend, CplChartLegendItem, n).kind, ==, expected[n - 1]);
    }

  /* one band among two lines (the comparison's "P10–P90 ranges of"
   * picking one): named after its line, in its line's colour */
  {
    g_autoptr(CplLineChart) chart = CPL_LINE_CHART (cpl_line_chart_new ());
    g_autoptr(GArray) legend = NULL;
    const CplChartLegendItem *band;

    cpl_line_chart_add_series (chart, "Scenario 1", x, y, 2, CPL_LINE_STYLE_LINE);
    cpl_line_chart_set_series_band (chart, cpl_line_chart_add_series (chart, "Scenario 2", x, y, 2, CPL_LINE_STYLE_LINE),
                                    low, high);
    legend = cpl_chart_build_legend (CPL_CHART (chart));
    g_assert_cmpuint (legend->len, ==, 3);
    band = &g_array_index (legend, CplChartLegendItem, 2);
    g_assert_cmpstr (band->label, ==, "P10–P90 range of Scenario 2");
    g_assert_true (gdk_rgba_equal (&band->color, &g_array_index (legend, CplChartLegendItem, 1).color));
  }

  /* a band whose P10 and P90 are the line everywhere (a full ban's
   * domestic share, 100% in every draw) draws nothing: no entry */
  {
    g_autoptr(CplLineChart) chart = CPL_LINE_CHART (cpl_line_chart_new ());
    g_autoptr(GArray) legend = NULL;

    cpl_line_chart_set_series_band (chart, cpl_line_chart_add_series (chart, "Full ban", x, y, 2, CPL_LINE_STYLE_LINE),
                                    y, y);
    legend = cpl_chart_build_legend (CPL_CHART (chart));
    g_assert_cmpuint (legend->len, ==, 1);
    g_assert_cmpstr (g_array_index (legend, CplChartLegendItem, 0).label, ==, "Full ban");
  }
}

/* On a log scale the bars stand on the 1× reference line: a tenth
 * hangs under it as far as ten stands over it (log10 10 = 1 = −log10
 * 0.1), a hundred twice as far (log10 100 = 2), and the value of a bar
 * under the line is written under it.  Zero has no place on a log
 * scale: a stub, no value.  (A bar's middle is half its length from the
 * line: 10 → ½ decade over it, 0.1 → ½ under, 100 → 1 over.) */
static void
test_bar_log_scale (void)
{
  GtkWidget *widget = cpl_chart_view_new_take (cpl_bar_chart_new ());
  CplBarChart *chart = CPL_BAR_CHART (chart_of (widget));
  const char *categories[] = { "Ten", "Tenth", "One", "Hundred", NULL };
  GtkWidget *window;
  double x, ten, tenth, one, hundred;
  graphene_rect_t place;

  cpl_bar_chart_set_categories (chart, categories);
  cpl_bar_chart_add_series (chart, "Ratio", (double[]) { 10, .1, 1, 100 });
  cpl_bar_chart_add_series (chart, "Zero", (double[]) { 0, 1, 1, 1 });
  cpl_bar_chart_set_value_title (chart, "× H20");
  cpl_bar_chart_set_reference (chart, 1.0);
  cpl_bar_chart_set_show_values (chart, TRUE);
  cpl_bar_chart_set_log_scale (chart, TRUE);
  window = window_with (widget, 600, 400);

  g_assert_true (cpl_bar_chart_bar_position (chart, 0, 0, &x, &ten));
  g_assert_true (cpl_bar_chart_bar_position (chart, 0, 1, &x, &tenth));
  g_assert_true (cpl_bar_chart_bar_position (chart, 0, 2, &x, &one));
  g_assert_true (cpl_bar_chart_bar_position (chart, 0, 3, &x, &hundred));
  /* the bar of 1 is no bar: its middle is on the line (y grows down) */
  g_assert_cmpfloat (ten, <, one);
  g_assert_cmpfloat (tenth, >, one);
  g_assert_cmpfloat (fabs ((one - ten) - (tenth - one)), <=, 1);
  g_assert_cmpfloat (fabs ((one - hundred) - 2 * (one - ten)), <=, 1);
  /* the tenth's value under its bar, the ten's over it */
  g_assert_true (cpl_bar_chart_get_value_place (chart, 0, 1, &place));
  g_assert_cmpfloat (place.origin.y, >, tenth);
  g_assert_true (cpl_bar_chart_get_value_place (chart, 0, 0, &place));
  g_assert_cmpfloat (place.origin.y + place.size.height, <, ten);
  /* zero: a stub that can be pointed at, with no value written */
  g_assert_true (cpl_bar_chart_bar_position (chart, 1, 0, NULL, NULL));
  g_assert_false (cpl_bar_chart_get_value_place (chart, 1, 0, &place));
  gtk_window_destroy (GTK_WINDOW (window));
}

/* A legend's name too long for its row wraps to a second line, and only
 * then ends in "…": a compared scenario's name on a phone.  One line is
 * the height of one name that fits ("Take"), so the long name at 200 px
 * is twice that, and at 60 px still twice (two lines, the second cut),
 * not more: within a pixel, as a line may be 14.5 px, shown as 15. */
static void
test_legend_wraps (void)
{
  CplChart *chart = CPL_CHART (cpl_line_chart_new ());
  PangoContext *context = cpl_chart_get_pango_context (chart);
  CplChartLegendItem item = { CPL_CHART_LEGEND_LINE, { 0, 0, 0, 1 }, 0, FALSE, "Take" };
  g_autoptr(CplChartLegendCache) cache = cpl_chart_legend_cache_new ();
  int line;

  line = cpl_chart_legend_measure (cache, context, &item, 1, 1000);
  g_assert_cmpint (line, >=, CPL_CHART_LEGEND_SWATCH);
  item.label = "H20 and MI308X with a 15% revenue share (August 2025)";
  g_assert_cmpint (cpl_chart_legend_measure (cache, context, &item, 1, 1000), ==, line);
  g_assert_cmpint (abs (cpl_chart_legend_measure (cache, context, &item, 1, 200) - 2 * line), <=, 1);
  g_assert_cmpint (abs (cpl_chart_legend_measure (cache, context, &item, 1, 60) - 2 * line), <=, 1);
  g_object_unref (chart);
}

static char *
yi_dollars (double   value,
            gpointer data)
{
  g_autofree char *number = cpl_format_number (value, 0);

  return g_strdup_printf ("%s 亿美元", number);
}

/* A value axis too short for two labels of its round ticks keeps two:
 * from 550 to 1,180 over 140 px, "600 亿美元", "800 亿美元" and "1,000
 * 亿美元" (some 60–70 px each, 12 px apart) do not fit, and the round
 * ticks for two labels are one, 1,000 (step 500); so every other tick of
 * the three, 600 and 1,000: at (600 − 550) / 630 × 140 ≈ 11 px and
 * (1,000 − 550) / 630 × 140 = 100 px, apart. */
static void
test_ticks_two_at_least (void)
{
  CplChart *chart = CPL_CHART (cpl_line_chart_new ());
  CplChartFormat format = { yi_dollars, NULL, NULL, NULL };
  CplChartTicks ticks = { 0 };
  CplChartAxis axis;

  cpl_chart_axis_init (&axis, CPL_CHART_SCALE_LINEAR);
  axis.min = 550;
  axis.max = 1180;
  cpl_chart_ticks_compute (&ticks, cpl_chart_get_pango_context (chart), &axis, GTK_ORIENTATION_HORIZONTAL,
                           140, 40, 40, &format, FALSE);
  g_assert_cmpuint (ticks.n, ==, 2);
  g_assert_cmpfloat (ticks.values[0], ==, 600);
  g_assert_cmpfloat (ticks.values[1], ==, 1000);
  cpl_chart_ticks_clear (&ticks);
  g_object_unref (chart);
}

/* Six chips "Chip number 0…5" a few pixels apart on a log axis, from
 * TPP @tpp, 1.5% apart, at @bandwidth. */
static void
add_crowd (CplScatterChart *chart,
           double           tpp,
           double           bandwidth)
{
  for (guint i = 0; i < 6; i++)
    {
      g_autofree char *id = g_strdup_printf ("chip-%u", i);
      g_autofree char *name = g_strdup_printf ("Chip number %u", i);

      cpl_scatter_chart_add_point (chart, id, name, tpp * pow (1.015, i), bandwidth, CPL_POINT_STYLE_NORMAL);
    }
}

/* A crowded map says how many names it left out (they show on
 * pointing at a dot); one with room for every name says nothing.  Six
 * chips a few pixels apart (TPP 1.5% apart on a log axis of 2,000 to
 * 50,000 over some 500 px: 500 × log(1.015)/log(25) ≈ 2.3 px; points on
 * one spot share a label instead): a name fits to the right, the left,
 * above or below (the corners overlap those), at most four, so two to
 * five are left out; new_scatter()'s three chips far apart all have
 * theirs. */
static void
test_scatter_hidden_names (void)
{
  GtkWidget *spread = new_scatter ();
  GtkWidget *crowded = cpl_chart_view_new_take (cpl_scatter_chart_new ());
  CplScatterChart *chart = CPL_SCATTER_CHART (chart_of (crowded));
  GtkWidget *window;
  guint hidden;

  cpl_scatter_chart_set_axes (chart, "TPP", TRUE, "Memory bandwidth (GB/s)", TRUE);
  add_crowd (chart, 4000, 2000);
  cpl_scatter_chart_add_point (chart, "far", "Far", 40000, 8000, CPL_POINT_STYLE_NORMAL);
  window = window_with (charts_box (spread, crowded, NULL), 600, 900);

  g_assert_cmpuint (cpl_scatter_chart_get_n_hidden_labels (CPL_SCATTER_CHART (chart_of (spread))), ==, 0);
  hidden = cpl_scatter_chart_get_n_hidden_labels (chart);
  g_assert_cmpuint (hidden, >=, 2);
  g_assert_cmpuint (hidden, <=, 5);

  gtk_window_destroy (GTK_WINDOW (window));
}

/* In @view's scatter chart, with axes titled @x_title and @y_title (log
 * scales), add_crowd()'s six chips at TPP 8,000 and 3,000 GB/s and a
 * chip in each corner, at the axes' ends (2,000 and 50,000 × 1,000 and
 * 10,000), in a window 360 × 400, drawn: returns the window. */
static GtkWidget *
crowd_in_corners (GtkWidget  *view,
                  const char *x_title,
                  const char *y_title)
{
  CplScatterChart *chart = CPL_SCATTER_CHART (chart_of (view));
  const double corners[][2] = { { 2000, 1000 }, { 50000, 1000 }, { 2000, 10000 }, { 50000, 10000 } };
  GtkWidget *window;
  graphene_rect_t note, plot;

  cpl_scatter_chart_set_axes (chart, x_title, TRUE, y_title, TRUE);
  add_crowd (chart, 8000, 3000);
  for (guint i = 0; i < G_N_ELEMENTS (corners); i++)
    {
      g_autofree char *id = g_strdup_printf ("corner-%u", i);
      g_autofree char *name = g_strdup_printf ("Corner chip %u", i);

      cpl_scatter_chart_add_point (chart, id, name, corners[i][0], corners[i][1], CPL_POINT_STYLE_NORMAL);
    }
  window = window_with (view, 360, 400);
  plot = cpl_chart_get_frame (CPL_CHART (chart))->plot;
  if (cpl_scatter_chart_get_note_place (chart, &note))
    g_test_message ("note at %g,%g %gx%g; plot at %g,%g %gx%g", note.origin.x, note.origin.y, note.size.width,
                    note.size.height, plot.origin.x, plot.origin.y, plot.size.width, plot.size.height);
  return window;
}

/* Where no corner of the plot has room for "N names hidden" (a chip in
 * each corner, at the axes' ends, 2,000 and 50,000 × 1,000 and 10,000
 * on log axes, its marker and name over the corner's place), the note
 * goes above the plot, at its right, on the line of the vertical axis's
 * title, clear of it: a phone's map in Chinese hid names and said
 * nothing. */
static void
test_scatter_hidden_note_outside (void)
{
  GtkWidget *crowded = cpl_chart_view_new_take (cpl_scatter_chart_new ());
  CplScatterChart *chart = CPL_SCATTER_CHART (chart_of (crowded));
  GtkWidget *window = crowd_in_corners (crowded, "TPP", "GB/s");
  graphene_rect_t note, plot;
  const CplChartFrame *frame;
  int title_w;

  g_assert_cmpuint (cpl_scatter_chart_get_n_hidden_labels (chart), >=, 2);
  g_assert_true (cpl_scatter_chart_get_note_place (chart, &note));
  frame = cpl_chart_get_frame (CPL_CHART (chart));
  plot = frame->plot;
  /* above the plot, ending at its right edge */
  g_assert_cmpfloat (note.origin.y + note.size.height, <=, plot.origin.y);
  g_assert_cmpfloat (note.origin.y, >=, 0);
  g_assert_cmpfloat_with_epsilon (note.origin.x + note.size.width, plot.origin.x + plot.size.width, .5);
  cpl_chart_layout_size (frame->y_title, &title_w, NULL);
  g_assert_cmpfloat (note.origin.x, >=, frame->y_title_at.x + title_w);

  gtk_window_destroy (GTK_WINDOW (window));
}

/* Where no corner of the plot and no place outside it has room for
 * "N names hidden" (a chip in each corner as above, its name along the
 * bottom or top edge; a vertical title so long that the note cannot
 * share its line, and a horizontal one so wide that it cannot go beside
 * it, in a plot under 300 px wide), the note goes inside the plot, clear
 * of every marker and name: a phone's what-if map hid names and said
 * nothing. */
static void
test_scatter_hidden_note_inside (void)
{
  GtkWidget *crowded = cpl_chart_view_new_take (cpl_scatter_chart_new ());
  CplScatterChart *chart = CPL_SCATTER_CHART (chart_of (crowded));
  const char *ids[] = { "chip-0", "chip-1", "chip-2", "chip-3", "chip-4", "chip-5",
                        "corner-0", "corner-1", "corner-2", "corner-3" };
  GtkWidget *window = crowd_in_corners (crowded, "Total processing performance (TPP)",
                                        "Memory bandwidth of the chip (GB/s)");
  graphene_rect_t note, plot;

  g_assert_cmpuint (cpl_scatter_chart_get_n_hidden_labels (chart), >=, 2);
  plot = cpl_chart_get_frame (CPL_CHART (chart))->plot;
  g_assert_true (cpl_scatter_chart_get_note_place (chart, &note));
  /* inside the plot */
  g_assert_true (graphene_rect_contains_rect (&plot, &note));
  /* over no marker and no name */
  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    {
      double x, y;
      graphene_rect_t place;

      g_assert_true (cpl_scatter_chart_point_position (chart, ids[i], &x, &y));
      g_assert_false (graphene_rect_contains_point (&note, &GRAPHENE_POINT_INIT (x, y)));
      if (cpl_scatter_chart_get_name_place (chart, ids[i], &place))
        g_assert_false (graphene_rect_intersection (&note, &place, NULL));
    }

  gtk_window_destroy (GTK_WINDOW (window));
}

/* Whether a name at @place touches (within 8 px, beside or over it) the
 * marker at @x, @y. */
static gboolean
name_touches (const graphene_rect_t *place,
              double                 x,
              double                 y)
{
  double dx = MAX (MAX (place->origin.x - x, 0), x - (place->origin.x + place->size.width));
  double dy = MAX (MAX (place->origin.y - y, 0), y - (place->origin.y + place->size.height));

  return dx < 8 && dy < 8;
}

/* Three chips a few pixels apart, where their names have no room beside
 * their markers (the denied B200, MI355X and GB200 at the top right of
 * the map: TPP 36,000, 37,440 and 40,000, 8 and 15 px apart on a log
 * axis of 2,000 to 50,000 over some 800 px): a name with no room goes a
 * little below or above the three, with a leader to its marker, instead
 * of being left out ("1 name hidden" at every width tried); and no name
 * touches another chip's marker than its own ("GB200 (per GPU)" stood
 * over the MI355X's square and its own alike). */
static void
test_scatter_names_apart (void)
{
  GtkWidget *view = cpl_chart_view_new_take (cpl_scatter_chart_new ());
  CplScatterChart *chart = CPL_SCATTER_CHART (chart_of (view));
  const char *ids[] = { "b200", "mi355x", "gb200" };
  GtkWidget *window;

  cpl_scatter_chart_set_axes (chart, "TPP", TRUE, "Memory bandwidth (GB/s)", TRUE);
  cpl_scatter_chart_add_point (chart, "a100", "A100 SXM4 80GB", 2000, 1600, CPL_POINT_STYLE_NORMAL);
  cpl_scatter_chart_add_point (chart, "b200", "B200", 36000, 7700, CPL_POINT_STYLE_NORMAL);
  cpl_scatter_chart_add_point (chart, "gb200", "GB200 (per GPU)", 40000, 8000, CPL_POINT_STYLE_NORMAL);
  cpl_scatter_chart_add_point (chart, "mi355x", "Instinct MI355X", 37440, 8000, CPL_POINT_STYLE_NORMAL);
  window = window_with (view, 900, 500);

  g_assert_cmpuint (cpl_scatter_chart_get_n_hidden_labels (chart), ==, 0);
  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    {
      graphene_rect_t place;

      g_assert_true (cpl_scatter_chart_get_named (chart, ids[i]));
      g_assert_true (cpl_scatter_chart_get_name_place (chart, ids[i], &place));
      for (guint j = 0; j < G_N_ELEMENTS (ids); j++)
        {
          double x, y;

          g_assert_true (cpl_scatter_chart_point_position (chart, ids[j], &x, &y));
          if (j != i && name_touches (&place, x, y))
            g_error ("the name of %s touches the marker of %s", ids[i], ids[j]);
        }
    }
  gtk_window_destroy (GTK_WINDOW (window));
}

/* Where names crowd, a chip that exists gets its name before the chips
 * not yet released (grey rings): six rings and one denied chip among
 * them, on one line of a narrow map, the denied one added last. */
static void
test_scatter_names_released_first (void)
{
  GtkWidget *crowded = cpl_chart_view_new_take (cpl_scatter_chart_new ());
  CplScatterChart *chart = CPL_SCATTER_CHART (chart_of (crowded));
  GtkWidget *window;

  cpl_scatter_chart_set_axes (chart, "TPP", TRUE, "Memory bandwidth (GB/s)", TRUE);
  for (guint i = 0; i < 6; i++)
    {
      g_autofree char *id = g_strdup_printf ("ring-%u", i);
      g_autofree char *name = g_strdup_printf ("Future chip %u", i);

      cpl_scatter_chart_add_point (chart, id, name, 4000 * pow (1.06, i), 2000, CPL_POINT_STYLE_UNRELEASED);
    }
  cpl_scatter_chart_add_point (chart, "denied", "Denied chip", 4000 * pow (1.06, 2.5), 2000, CPL_POINT_STYLE_NORMAL);
  cpl_scatter_chart_set_point_status (chart, "denied", CPL_CHIP_STATUS_DENIED);
  cpl_scatter_chart_add_point (chart, "far", "Far", 40000, 8000, CPL_POINT_STYLE_NORMAL);
  window = window_with (crowded, 600, 450);

  g_assert_cmpuint (cpl_scatter_chart_get_n_hidden_labels (chart), >=, 2);
  g_assert_true (cpl_scatter_chart_get_named (chart, "denied"));
  gtk_window_destroy (GTK_WINDOW (window));
}

/* Over a rule's region, away from any chip, the tooltip gives the rule
 * and its bounds, the smallest region where two overlap; one a few
 * pixels wide is found where it is drawn (the MI325X's 25% band, TPP
 * 20,800–21,100 and 5,800–6,200 GB/s, 3 px on the map). */
static void
test_scatter_region_tooltip (void)
{
  GtkWidget *widget = cpl_chart_view_new_take (cpl_scatter_chart_new ());
  CplScatterChart *chart = CPL_SCATTER_CHART (chart_of (widget));
  GtkWidget *window;
  g_autofree char *band = NULL;
  g_autofree char *open = NULL;
  GdkRectangle area;
  double x, y, x2, y2, unused;

  cpl_scatter_chart_set_axes (chart, "TPP", TRUE, "Memory bandwidth (GB/s)", TRUE);
  cpl_scatter_chart_add_region (chart, "Open", -INFINITY, 21000, -INFINITY, 6500, CPL_CHART_COLOR_ORANGE);
  cpl_scatter_chart_add_region (chart, "Band", 20800, 21100, 5800, 6200, CPL_CHART_COLOR_YELLOW);
  /* points that give the pixels of TPP 20,950 and of 6,000 GB/s, far from
   * where the tooltips are asked */
  cpl_scatter_chart_add_point (chart, "at-x", "A", 20950, 1000, CPL_POINT_STYLE_NORMAL);
  cpl_scatter_chart_add_point (chart, "at-y", "B", 1500, 6000, CPL_POINT_STYLE_NORMAL);
  cpl_scatter_chart_add_point (chart, "at-x2", "C", 5000, 1000, CPL_POINT_STYLE_NORMAL);
  cpl_scatter_chart_add_point (chart, "at-y2", "D", 1500, 3000, CPL_POINT_STYLE_NORMAL);
  window = window_with (widget, 600, 400);

  g_assert_true (cpl_scatter_chart_point_position (chart, "at-x", &x, &unused));
  g_assert_true (cpl_scatter_chart_point_position (chart, "at-y", &unused, &y));
  band = cpl_chart_query_tooltip (CPL_CHART (chart), x, y, FALSE, &area);
  /* (no format set: the chart's plain numbers) */
  g_assert_cmpstr (band, ==, "Band\nTPP: 20800–21100\nMemory bandwidth (GB/s): 5800–6200");

  g_assert_true (cpl_scatter_chart_point_position (chart, "at-x2", &x2, &unused));
  g_assert_true (cpl_scatter_chart_point_position (chart, "at-y2", &unused, &y2));
  open = cpl_chart_query_tooltip (CPL_CHART (chart), x2, y2, FALSE, &area);
  g_assert_cmpstr (open, ==, "Open\nTPP: up to 21000\nMemory bandwidth (GB/s): up to 6500");
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_scatter_hit (void)
{
  GtkWidget *widget = new_scatter ();
  CplScatterChart *chart = CPL_SCATTER_CHART (chart_of (widget));
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
  CplScatterChart *chart = CPL_SCATTER_CHART (chart_of (widget));
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
  GtkWidget *widget = cpl_chart_view_new_take (cpl_bar_chart_new ());
  CplBarChart *chart = CPL_BAR_CHART (chart_of (widget));
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
  CplBarChart *chart = CPL_BAR_CHART (chart_of (widget));
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

static double render        (GtkWidget         *widget);
static void   collect_nodes (GskRenderNode     *node,
                             GskRenderNodeType  type,
                             GPtrArray         *found);

static void
render_chart (GtkWidget *widget)
{
  render (widget);
}

/* ---- stacked bars ---- */

/* Stacked: cost, profit and the government's take per revenue share;
 * at 85 % the vendor makes a loss, a segment under the baseline. */
static GtkWidget *
new_stacked (void)
{
  GtkWidget *widget = cpl_chart_view_new_take (cpl_bar_chart_new ());
  CplBarChart *chart = CPL_BAR_CHART (chart_of (widget));
  const char *categories[] = { "25% share", "85% share", "Ban", NULL };

  cpl_bar_chart_set_categories (chart, categories);
  cpl_bar_chart_add_series (chart, "Vendor cost", (double[]) { 6.5e9, 6.5e9, 0 });
  cpl_bar_chart_add_series (chart, "Vendor profit", (double[]) { 13.75e9, -2.45e9, 0 });
  cpl_bar_chart_add_series (chart, "US government take", (double[]) { 6.75e9, 22.95e9, 0 });
  cpl_bar_chart_set_value_title (chart, "US dollars per year");
  cpl_bar_chart_set_stacked (chart, TRUE);
  return widget;
}

static void
test_bar_stacked (void)
{
  GtkWidget *widget = new_stacked ();
  CplBarChart *chart = CPL_BAR_CHART (chart_of (widget));
  GtkWidget *window = window_with (widget, 600, 400);
  double x[3][3], y[3][3];
  guint series, category;

  g_assert_true (cpl_bar_chart_get_stacked (chart));

  /* every segment is found where it is drawn: bar c × 3 + s */
  for (guint c = 0; c < 2; c++)
    for (guint s = 0; s < 3; s++)
      {
        g_assert_true (cpl_bar_chart_bar_position (chart, s, c, &x[c][s], &y[c][s]));
        series = category = G_MAXUINT;
        g_assert_cmpint (cpl_bar_chart_bar_at (chart, x[c][s], y[c][s], &series, &category), ==, (int) (c * 3 + s));
        g_assert_cmpuint (series, ==, s);
        g_assert_cmpuint (category, ==, c);
      }

  /* one bar per category: the segments share their middle */
  g_assert_cmpfloat_with_epsilon (x[0][0], x[0][1], .01);
  g_assert_cmpfloat_with_epsilon (x[0][1], x[0][2], .01);
  g_assert_cmpfloat (x[0][0], <, x[1][0]);

  /* piled in series order, from the bottom up */
  g_assert_cmpfloat (y[0][0], >, y[0][1]);
  g_assert_cmpfloat (y[0][1], >, y[0][2]);

  /* the loss hangs under the baseline, under the cost; the government's
   * take sits on the cost, not on the loss */
  g_assert_cmpfloat (y[1][1], >, y[1][0]);
  g_assert_cmpfloat (y[1][2], <, y[1][0]);
  g_assert_cmpfloat_with_epsilon (y[1][0], y[0][0], 1);      /* the same cost in both */

  /* above a bar, the column still finds its top segment; below the loss,
   * the loss */
  g_assert_cmpint (cpl_bar_chart_bar_at (chart, x[0][2], y[0][2] - 40, NULL, NULL), ==, 2);
  g_assert_cmpint (cpl_bar_chart_bar_at (chart, x[1][1], y[1][1] + 8, &series, NULL), ==, 4);
  g_assert_cmpuint (series, ==, 1);

  /* the ban: all zero, still pointed at, as its first segment */
  g_assert_true (cpl_bar_chart_bar_position (chart, 1, 2, &x[2][1], &y[2][1]));
  g_assert_cmpint (cpl_bar_chart_bar_at (chart, x[2][1], y[2][1] - 20, NULL, &category), ==, 6);
  g_assert_cmpuint (category, ==, 2);

  /* between bars, nothing */
  g_assert_cmpint (cpl_bar_chart_bar_at (chart, (x[0][0] + x[1][0]) / 2, y[0][0], NULL, NULL), ==, -1);

  /* the keyboard walks the segments */
  for (guint i = 0; i < 12; i++)
    g_assert_true (gtk_widget_activate_action (widget, "chart.next-bar", NULL));
  render_chart (widget);

  /* back to side by side: three bars in the first category again */
  cpl_bar_chart_set_stacked (chart, FALSE);
  wait_for_draw (widget);
  g_assert_true (cpl_bar_chart_bar_position (chart, 0, 0, &x[0][0], NULL));
  g_assert_true (cpl_bar_chart_bar_position (chart, 2, 0, &x[0][2], NULL));
  g_assert_cmpfloat (x[0][2] - x[0][0], >, 10);

  gtk_window_destroy (GTK_WINDOW (window));
}

/* Billions of dollars, one decimal: "12.0". */
static char *
billions (double   value,
          gpointer user_data)
{
  return g_strdup_printf ("%.1f", value / 1e9);
}

/* A revenue split at a loss (the H20 at a US$15,000 cost: of a $12 B
 * revenue the vendor keeps $10.2 B, the US takes $1.8 B, the loss is
 * $4.8 B): its total is what stands above the axis, 10.2 + 1.8 = 12.0,
 * where the sum of every segment, 10.2 − 4.8 + 1.8 = 7.2, is not the
 * revenue the bar shows. */
static void
test_bar_stacked_total_above (void)
{
  GtkWidget *widget = cpl_chart_view_new_take (cpl_bar_chart_new ());
  CplBarChart *chart = CPL_BAR_CHART (chart_of (widget));
  const char *categories[] = { "At 15%", NULL };
  GtkWidget *window;
  g_autofree char *sum = NULL;
  g_autofree char *above = NULL;
  GdkRectangle area;
  double x, y;

  cpl_bar_chart_set_categories (chart, categories);
  cpl_bar_chart_add_series (chart, "Vendor cost", (double[]) { 10.2e9 });
  cpl_bar_chart_add_series (chart, "Vendor gross profit", (double[]) { -4.8e9 });
  cpl_bar_chart_add_series (chart, "US government take", (double[]) { 1.8e9 });
  cpl_bar_chart_set_value_format (chart, billions, NULL, NULL);
  cpl_bar_chart_set_stacked (chart, TRUE);
  window = window_with (widget, 600, 400);
  g_assert_true (cpl_bar_chart_bar_position (chart, 2, 0, &x, &y));
  sum = cpl_chart_query_tooltip (CPL_CHART (chart), x, y, FALSE, &area);
  g_assert_true (g_str_has_suffix (sum, "\nTotal: 7.2"));
  cpl_bar_chart_set_total_above (chart, TRUE);
  wait_for_draw (widget);
  above = cpl_chart_query_tooltip (CPL_CHART (chart), x, y, FALSE, &area);
  g_assert_true (g_str_has_suffix (above, "\nTotal: 12.0"));
  gtk_window_destroy (GTK_WINDOW (window));
}

/* ---- value formats ---- */

typedef struct
{
  guint calls;
  guint destroyed;
} FormatCount;

static char *
format_usd (double   value,
            gpointer data)
{
  FormatCount *count = data;

  if (count != NULL)
    count->calls++;
  return g_strdup_printf ("%.2f USD", value);
}

static char *
format_percent (double   value,
                gpointer data)
{
  return cpl_format_percent (value, 0);
}

static char *
format_year (double   value,
             gpointer data)
{
  return g_strdup_printf ("%.0f", value);
}

static void
count_destroy (gpointer data)
{
  FormatCount *count = data;

  count->destroyed++;
}

static char *
format_money (double   value,
              gpointer data)
{
  return cpl_format_money (value);
}

static char *
format_whole (double   value,
              gpointer data)
{
  return cpl_format_number (value, 0);
}

static char *
format_words (double   value,
              gpointer data)
{
  return g_strdup ("some");
}

static void
assert_labels (const double  *values,
               guint          n,
               CplChartFormatFunc func,
               const char   **expected)
{
  CplChartFormat format = { func, NULL, NULL };
  g_auto(GStrv) labels = cpl_chart_tick_labels (values, n, &format);

  g_assert_cmpuint (g_strv_length (labels), ==, n);
  for (guint i = 0; i < n; i++)
    g_assert_cmpstr (labels[i], ==, expected[i]);
}

/* Tick labels differ even when the format rounds them together (the
 * test runs in the C locale: "." marks decimals, no grouping). */
static void
test_distinct_labels (void)
{
  /* money under $1 M is written in whole dollars: 0.001 … 0.004 all read
   * "$0".  The step is a thousandth, so three decimals, the "$" kept */
  assert_labels ((double[]) { 0, .001, .002, .003, .004 }, 5, format_money,
                 (const char *[]) { "$0", "$0.001", "$0.002", "$0.003", "$0.004" });
  /* a full ban's revenue axis, 0 to 1 by 0.2: "$0 $0 $0 $1 $1 $1" before
   * (0.4 rounds down, 0.6 up); one decimal tells them apart, 1 needs none */
  assert_labels ((double[]) { 0, .2, .4, .6, .8, 1 }, 6, format_money,
                 (const char *[]) { "$0", "$0.2", "$0.4", "$0.6", "$0.8", "$1" });
  /* whole numbers: 0.2 … 0.5 read "0" (0.5 rounds to even), 0.6 reads "1" */
  assert_labels ((double[]) { .2, .3, .4, .5, .6 }, 5, format_whole,
                 (const char *[]) { "0.2", "0.3", "0.4", "0.5", "0.6" });
  /* in billions the format keeps three figures, "$1.00 B" for all three,
   * trimmed to "$1 B"; the number is rewritten in billions, 1.001 */
  assert_labels ((double[]) { 1e9, 1.001e9, 1.002e9 }, 3, format_money,
                 (const char *[]) { "$1 B", "$1.001 B", "$1.002 B" });
  /* labels that already differ are the format's own */
  assert_labels ((double[]) { 0, 5e8, 1e9 }, 3, format_money,
                 (const char *[]) { "$0", "$500 M", "$1 B" });
  /* a format without a number: plain numbers with their decimals */
  assert_labels ((double[]) { 0, .5, 1 }, 3, format_words,
                 (const char *[]) { "0", "0.5", "1" });
}

/* A chart of small values and one of zeros, as drawn. */
static void
test_small_and_zero_ticks (void)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *bars = cpl_chart_view_new_take (cpl_bar_chart_new ());
  GtkWidget *zeros = cpl_chart_view_new_take (cpl_bar_chart_new ());
  GtkWidget *line = cpl_chart_view_new_take (cpl_line_chart_new ());
  GtkWidget *whole = cpl_chart_view_new_take (cpl_line_chart_new ());
  const char *categories[] = { "2026", "2027", "2028", "2029", NULL };
  const char *allowed[] = { "$0", "$0.001", "$0.002", "$0.003", "$0.004", NULL };
  GtkWidget *window;
  g_auto(GStrv) labels = NULL;
  guint n;

  for (guint i = 0; i < 4; i++)
    {
      GtkWidget *chart = i == 0 ? bars : i == 1 ? zeros : i == 2 ? line : whole;

      gtk_widget_set_vexpand (chart, TRUE);
      gtk_box_append (GTK_BOX (box), chart);
    }
  cpl_bar_chart_set_categories (CPL_BAR_CHART (chart_of (bars)), categories);
  cpl_bar_chart_add_series (CPL_BAR_CHART (chart_of (bars)), "Revenue", (double[]) { .001, .002, .003, .004 });
  cpl_bar_chart_set_value_format (CPL_BAR_CHART (chart_of (bars)), format_money, NULL, NULL);
  cpl_bar_chart_set_categories (CPL_BAR_CHART (chart_of (zeros)), categories);
  cpl_bar_chart_add_series (CPL_BAR_CHART (chart_of (zeros)), "Revenue", (double[]) { 0, 0, 0, 0 });
  cpl_bar_chart_set_value_format (CPL_BAR_CHART (chart_of (zeros)), format_money, NULL, NULL);
  cpl_line_chart_add_series (CPL_LINE_CHART (chart_of (line)), "Gap", (double[]) { 2026, 2027, 2028 },
                             (double[]) { 0, 0, 0 }, 3, CPL_LINE_STYLE_LINE);
  cpl_line_chart_add_series (CPL_LINE_CHART (chart_of (whole)), "Share", (double[]) { 2026, 2027, 2028 },
                             (double[]) { .2, .4, .6 }, 3, CPL_LINE_STYLE_LINE);
  cpl_line_chart_set_y_format (CPL_LINE_CHART (chart_of (whole)), format_whole, NULL, NULL);
  window = window_with (box, 600, 1000);

  /* 0 to 0.004 and a little over: ticks by 0.001 or 0.002 as room allows,
   * each a different label from the set, from "$0" up to "$0.004" */
  labels = cpl_chart_dup_tick_labels (chart_of (bars), GTK_ORIENTATION_VERTICAL);
  n = g_strv_length (labels);
  g_assert_cmpuint (n, >=, 3);
  g_assert_cmpstr (labels[0], ==, "$0");
  g_assert_cmpstr (labels[n - 1], ==, "$0.004");
  for (guint i = 0; i < n; i++)
    {
      g_assert_true (g_strv_contains (allowed, labels[i]));
      if (i > 0)
        g_assert_cmpstr (labels[i], !=, labels[i - 1]);
    }
  g_clear_pointer (&labels, g_strfreev);

  /* 0.2 … 0.6 written as whole numbers would read 0 0 0 1: the ticks go
   * up from 0 by 0.1 or 0.2 (as room allows), each written as itself */
  labels = cpl_chart_dup_tick_labels (chart_of (whole), GTK_ORIENTATION_VERTICAL);
  n = g_strv_length (labels);
  g_assert_cmpuint (n, >=, 3);
  g_assert_cmpstr (labels[0], ==, "0");
  g_assert_true (g_str_equal (labels[1], "0.1") || g_str_equal (labels[1], "0.2"));
  for (guint i = 1; i < n; i++)
    {
      g_autofree char *expected = g_strdup_printf ("%.1f", i * g_ascii_strtod (labels[1], NULL));

      g_assert_cmpstr (labels[i], ==, expected);
    }
  g_clear_pointer (&labels, g_strfreev);

  /* nothing but zeros: one tick, "$0", in the chart's unit */
  labels = cpl_chart_dup_tick_labels (chart_of (zeros), GTK_ORIENTATION_VERTICAL);
  g_assert_cmpuint (g_strv_length (labels), ==, 1);
  g_assert_cmpstr (labels[0], ==, "$0");
  g_clear_pointer (&labels, g_strfreev);
  labels = cpl_chart_dup_tick_labels (chart_of (line), GTK_ORIENTATION_VERTICAL);
  g_assert_cmpuint (g_strv_length (labels), ==, 1);
  g_assert_cmpstr (labels[0], ==, "0");
  g_clear_pointer (&labels, g_strfreev);

  gtk_window_destroy (GTK_WINDOW (window));
}

/* '#' stands for the locale's decimal mark */
static void
test_trim_decimals (void)
{
  const char *mark = localeconv ()->decimal_point;
  struct { const char *in; const char *out; } cases[] = {
    { "$5#00 B", "$5 B" },
    { "$7#50 B", "$7#5 B" },
    { "$13#8 B", "$13#8 B" },
    { "67#0 亿美元", "67 亿美元" },
    { "$0", "$0" },
    { "1,234#50 USD", "1,234#5 USD" },
    { "#50 and 2#0", "#50 and 2" },          /* a mark without a digit before it stays */
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_auto(GStrv) in_parts = g_strsplit (cases[i].in, "#", -1);
      g_auto(GStrv) out_parts = g_strsplit (cases[i].out, "#", -1);
      g_autofree char *in = g_strjoinv (mark, in_parts);
      g_autofree char *expected = g_strjoinv (mark, out_parts);
      g_autofree char *trimmed = cpl_chart_trim_decimals (in);

      g_assert_cmpstr (trimmed, ==, expected);
    }
}

static void
test_value_format (void)
{
  GtkWidget *box;
  GtkWidget *bars = new_bars ();
  GtkWidget *line = cpl_chart_view_new_take (cpl_line_chart_new ());
  GtkWidget *window;
  g_auto(GStrv) labels = NULL;
  g_autofree char *value = NULL;
  FormatCount count = { 0, 0 };
  GtkWidget *other;

  box = charts_box (bars, line, NULL);
  cpl_line_chart_add_series (CPL_LINE_CHART (chart_of (line)), "Take",
                             (double[]) { 0, .25, .5, .75, 1 }, (double[]) { 0, 6.75e9, 13.5e9, 20.25e9, 27e9 },
                             5, CPL_LINE_STYLE_LINE);
  window = window_with (box, 600, 800);

  /* by default, plain numbers */
  labels = cpl_chart_dup_tick_labels (chart_of (bars), GTK_ORIENTATION_VERTICAL);
  g_assert_cmpuint (g_strv_length (labels), >=, 2);
  g_assert_null (strstr (labels[0], "USD"));
  g_clear_pointer (&labels, g_strfreev);

  /* the format makes every tick label and the tooltip text, and the
   * ticks lose their trailing zeros: "0.00 USD" reads "0 USD" */
  cpl_bar_chart_set_value_format (CPL_BAR_CHART (chart_of (bars)), format_usd, &count, count_destroy);
  wait_for_draw (bars);
  labels = cpl_chart_dup_tick_labels (chart_of (bars), GTK_ORIENTATION_VERTICAL);
  g_assert_cmpuint (g_strv_length (labels), >=, 2);
  for (guint i = 0; labels[i] != NULL; i++)
    g_assert_true (g_str_has_suffix (labels[i], " USD"));
  g_assert_cmpstr (labels[0], ==, "0 USD");
  g_assert_cmpuint (count.calls, >, 0);
  g_clear_pointer (&labels, g_strfreev);
  value = cpl_chart_format_value (chart_of (bars), GTK_ORIENTATION_VERTICAL, .5);
  {
    g_autofree char *expected = g_strdup_printf ("%.2f USD", .5);

    g_assert_cmpstr (value, ==, expected);
  }
  /* a bar chart has no numeric horizontal axis */
  labels = cpl_chart_dup_tick_labels (chart_of (bars), GTK_ORIENTATION_HORIZONTAL);
  g_assert_cmpuint (g_strv_length (labels), ==, 0);
  g_clear_pointer (&labels, g_strfreev);

  /* replacing a format frees the old one's data, once */
  g_assert_cmpuint (count.destroyed, ==, 0);
  cpl_bar_chart_set_value_format (CPL_BAR_CHART (chart_of (bars)), NULL, NULL, NULL);
  g_assert_cmpuint (count.destroyed, ==, 1);

  /* the line chart: x as percent, y as money */
  cpl_line_chart_set_x_format (CPL_LINE_CHART (chart_of (line)), format_percent, NULL, NULL);
  cpl_line_chart_set_y_format (CPL_LINE_CHART (chart_of (line)), format_usd, NULL, NULL);
  wait_for_draw (line);
  labels = cpl_chart_dup_tick_labels (chart_of (line), GTK_ORIENTATION_HORIZONTAL);
  g_assert_cmpuint (g_strv_length (labels), >=, 3);
  {
    g_autofree char *zero = cpl_format_percent (0, 0);
    g_autofree char *hundred = cpl_format_percent (1, 0);

    /* the axis spans the data exactly: 0 % to 100 % */
    g_assert_cmpstr (labels[0], ==, zero);
    g_assert_cmpstr (labels[g_strv_length (labels) - 1], ==, hundred);
  }
  g_clear_pointer (&labels, g_strfreev);
  labels = cpl_chart_dup_tick_labels (chart_of (line), GTK_ORIENTATION_VERTICAL);
  for (guint i = 0; labels[i] != NULL; i++)
    g_assert_true (g_str_has_suffix (labels[i], " USD"));
  g_clear_pointer (&labels, g_strfreev);

  /* years: whole numbers only, however wide the plot, without grouping */
  cpl_line_chart_clear (CPL_LINE_CHART (chart_of (line)));
  cpl_line_chart_add_series (CPL_LINE_CHART (chart_of (line)), "Cost", (double[]) { 2026, 2027, 2028, 2029, 2030 },
                             (double[]) { 4, 5, 6, 7, 8 }, 5, CPL_LINE_STYLE_LINE);
  cpl_line_chart_set_x_format (CPL_LINE_CHART (chart_of (line)), format_year, NULL, NULL);
  cpl_line_chart_set_x_integer (CPL_LINE_CHART (chart_of (line)), TRUE);
  wait_for_draw (line);
  labels = cpl_chart_dup_tick_labels (chart_of (line), GTK_ORIENTATION_HORIZONTAL);
  g_assert_cmpuint (g_strv_length (labels), ==, 5);
  g_assert_cmpstr (labels[0], ==, "2026");
  g_assert_cmpstr (labels[4], ==, "2030");
  g_clear_pointer (&labels, g_strfreev);

  gtk_window_destroy (GTK_WINDOW (window));

  /* disposing the chart frees the format's data too */
  other = g_object_ref_sink (new_bars ());
  cpl_bar_chart_set_value_format (CPL_BAR_CHART (chart_of (other)), format_usd, &count, count_destroy);
  g_object_unref (other);
  g_assert_cmpuint (count.destroyed, ==, 2);
}

/* ---- line chart ---- */

#define N_SHARES 11

/* Activates what @keyval does on the view @widget, as pressing it would:
 * the action of its shortcut.  FALSE when the key does nothing. */
static gboolean
press_key (GtkWidget *widget,
           guint      keyval)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint c = 0; c < g_list_model_get_n_items (controllers); c++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, c);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;
      for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (controller)); i++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), i);
          GtkShortcutTrigger *trigger = gtk_shortcut_get_trigger (shortcut);

          if (GTK_IS_KEYVAL_TRIGGER (trigger)
              && gtk_keyval_trigger_get_keyval (GTK_KEYVAL_TRIGGER (trigger)) == keyval)
            return gtk_shortcut_action_activate (gtk_shortcut_get_action (shortcut), 0, widget, NULL);
        }
    }
  return FALSE;
}

/* Vendor profit and government take against the share rate, R = 27e9:
 * G = s·R, P = (1 − s)·R − 6.5e9, which goes negative past 75.9 %. */
static GtkWidget *
new_lines (void)
{
  GtkWidget *widget = cpl_chart_view_new_take (cpl_line_chart_new ());
  CplLineChart *chart = CPL_LINE_CHART (chart_of (widget));
  double s[N_SHARES], g[N_SHARES], p[N_SHARES];

  for (guint i = 0; i < N_SHARES; i++)
    {
      s[i] = i / 10.;
      g[i] = s[i] * 27e9;
      p[i] = (1 - s[i]) * 27e9 - 6.5e9;
    }
  cpl_line_chart_set_axes (chart, "Revenue share", "US dollars per year");
  cpl_line_chart_set_x_format (chart, format_percent, NULL, NULL);
  g_assert_cmpuint (cpl_line_chart_add_series (chart, "Vendor gross profit", s, p, N_SHARES, CPL_LINE_STYLE_LINE), ==, 0);
  g_assert_cmpuint (cpl_line_chart_add_series (chart, "Government take", s, g, N_SHARES, CPL_LINE_STYLE_AREA), ==, 1);
  cpl_line_chart_add_marker (chart, .25, "current rate 25%");
  cpl_line_chart_add_marker (chart, 1 - 6.5 / 27, "break-even 75.9%");
  cpl_line_chart_set_description (chart, "Profit and take against the share");
  return widget;
}

/* A share stays on an axis that ends at 100 %: a domestic share of 1 in
 * every year (a full ban) used to round out to a 150 % top tick, and one
 * from 30 % to 45 % to a 50 % top tick, the line then near the top as if
 * it were most of the whole.  With the limit the axis is 0 to 1 exactly
 * for both; past the limit (a share of 1.2, not a share) the axis goes on
 * to the data. */
static void
test_line_y_limit (void)
{
  GtkWidget *widget = cpl_chart_view_new_take (cpl_line_chart_new ());
  CplLineChart *chart = CPL_LINE_CHART (chart_of (widget));
  GtkWidget *window = window_with (widget, 600, 400);
  const double years[5] = { 2026, 2027, 2028, 2029, 2030 };
  const double full[5] = { 1, 1, 1, 1, 1 };
  const double over[5] = { 1, 1, 1.2, 1, 1 };
  const double part[5] = { .3, .35, .4, .42, .45 };
  double min, max;

  cpl_line_chart_set_x_integer (chart, TRUE);
  cpl_line_chart_add_series (chart, "Domestic share", years, full, 5, CPL_LINE_STYLE_LINE);
  wait_for_draw (widget);
  cpl_line_chart_get_y_range (chart, &min, &max);
  /* no limit: "a little past the data, out to the next round tick" */
  g_assert_cmpfloat (max, >, 1);

  cpl_line_chart_set_y_limit (chart, 1);
  wait_for_draw (widget);
  cpl_line_chart_get_y_range (chart, &min, &max);
  g_assert_cmpfloat (min, ==, 0);
  g_assert_cmpfloat (max, ==, 1);

  cpl_line_chart_clear (chart);
  cpl_line_chart_add_series (chart, "Domestic share", years, part, 5, CPL_LINE_STYLE_LINE);
  wait_for_draw (widget);
  cpl_line_chart_get_y_range (chart, &min, &max);
  g_assert_cmpfloat (min, ==, 0);
  g_assert_cmpfloat (max, ==, 1);

  cpl_line_chart_clear (chart);
  cpl_line_chart_add_series (chart, "Not a share", years, over, 5, CPL_LINE_STYLE_LINE);
  wait_for_draw (widget);
  cpl_line_chart_get_y_range (chart, &min, &max);
  g_assert_cmpfloat (max, >=, 1.2);
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_line_positions (void)
{
  GtkWidget *widget = new_lines ();
  CplLineChart *chart = CPL_LINE_CHART (chart_of (widget));
  GtkWidget *window = window_with (widget, 600, 400);
  double px[N_SHARES], py[N_SHARES], gx, gy, zero_y, x, y;

  g_assert_cmpint (gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (widget)), ==, GTK_ACCESSIBLE_ROLE_IMG);
  g_assert_true (gtk_widget_get_focusable (widget));

  /* x maps monotonically, left to right; profit falls, so its points go down */
  for (guint i = 0; i < N_SHARES; i++)
    {
      g_assert_true (cpl_line_chart_point_position (chart, 0, i, &px[i], &py[i]));
      g_assert_cmpfloat (px[i], >, 0);
      g_assert_cmpfloat (px[i], <, gtk_widget_get_width (widget));
      if (i > 0)
        {
          g_assert_cmpfloat (px[i], >, px[i - 1]);
          g_assert_cmpfloat (py[i], >, py[i - 1]);
          /* evenly: the axis is linear */
          g_assert_cmpfloat_with_epsilon (px[i] - px[i - 1], px[1] - px[0], .01);
        }
    }

  /* the axis spans the data: 0 % at the plot's left, at the y axis */
  g_assert_true (cpl_line_chart_point_position (chart, 1, 0, &gx, &zero_y));
  g_assert_cmpfloat_with_epsilon (gx, px[0], .01);
  /* the take rises from zero, over the loss at 100 % (−6.5e9) */
  g_assert_true (cpl_line_chart_point_position (chart, 1, 10, &gx, &gy));
  g_assert_cmpfloat (gy, <, zero_y);
  g_assert_cmpfloat (py[10], >, zero_y);

  /* nearest x from a pixel: the points, a little off them, off the plot */
  g_assert_cmpint (cpl_line_chart_nearest_index (chart, px[3]), ==, 3);
  g_assert_cmpint (cpl_line_chart_nearest_index (chart, px[3] + (px[4] - px[3]) * .4), ==, 3);
  g_assert_cmpint (cpl_line_chart_nearest_index (chart, px[3] + (px[4] - px[3]) * .6), ==, 4);
  g_assert_cmpint (cpl_line_chart_nearest_index (chart, px[10] + 4), ==, 10);
  g_assert_cmpint (cpl_line_chart_nearest_index (chart, 1), ==, -1);
  g_assert_cmpint (cpl_line_chart_nearest_index (chart, gtk_widget_get_width (widget) - 1), ==, -1);
  g_assert_cmpfloat_with_epsilon (cpl_line_chart_get_x_value (chart, 3), .3, 1e-12);
  g_assert_true (isnan (cpl_line_chart_get_x_value (chart, N_SHARES)));

  /* no such point */
  g_assert_false (cpl_line_chart_point_position (chart, 0, N_SHARES, NULL, NULL));
  g_assert_false (cpl_line_chart_point_position (chart, 2, 0, NULL, NULL));

  /* a series colour of its own, markers anywhere, even off the data */
  cpl_line_chart_set_series_color (chart, 1, CPL_CHART_COLOR_GREEN);
  cpl_line_chart_add_marker (chart, 1.2, "beyond");
  cpl_line_chart_add_marker (chart, NAN, "nowhere");
  cpl_line_chart_add_marker (chart, .5, NULL);
  wait_for_draw (widget);
  /* a marker past the data widens the axis: the points move left */
  g_assert_true (cpl_line_chart_point_position (chart, 0, 10, &x, &y));
  g_assert_cmpfloat (x, <, px[10] - 10);
  render_chart (widget);

  /* cleared: nothing drawn, nothing near */
  cpl_line_chart_clear (chart);
  wait_for_draw (widget);
  g_assert_false (cpl_line_chart_point_position (chart, 0, 0, NULL, NULL));
  g_assert_cmpint (cpl_line_chart_nearest_index (chart, px[3]), ==, -1);

  gtk_window_destroy (GTK_WINDOW (window));
}

/* The alpha of the line drawing at (@x, @y) in widget coordinates: the
 * last cairo node is the lines; it holds a recording, played back here
 * onto an image of the widget's size. */
static int
line_alpha_at (GtkWidget *widget,
               double     x,
               double     y)
{
  GdkPaintable *paintable = gtk_widget_paintable_new (widget);
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GPtrArray) cairo_nodes = g_ptr_array_new ();
  cairo_surface_t *image;
  cairo_t *cr;
  int alpha;

  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (snapshot);
  collect_nodes (node, GSK_CAIRO_NODE, cairo_nodes);
  g_assert_cmpuint (cairo_nodes->len, >=, 1);

  image = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  cr = cairo_create (image);
  cairo_set_source_surface (cr, gsk_cairo_node_get_surface (g_ptr_array_index (cairo_nodes, cairo_nodes->len - 1)),
                            0, 0);
  cairo_paint (cr);
  cairo_destroy (cr);
  cairo_surface_flush (image);

  g_assert_cmpint ((int) x, >=, 0);
  g_assert_cmpint ((int) y, >=, 0);
  g_assert_cmpint ((int) x, <, width);
  g_assert_cmpint ((int) y, <, height);
  /* ARGB32 in native byte order: alpha is the top byte of each pixel */
  alpha = (*(guint32 *) (cairo_image_surface_get_data (image)
                         + (int) y * cairo_image_surface_get_stride (image) + (int) x * 4)) >> 24;

  cairo_surface_destroy (image);
  g_object_unref (paintable);
  return alpha;
}

static void
test_line_nan_breaks (void)
{
  GtkWidget *widget = cpl_chart_view_new_take (cpl_line_chart_new ());
  CplLineChart *chart = CPL_LINE_CHART (chart_of (widget));
  double xs[] = { 0, 1, 2, 3, 4, 5, 6 };
  double ys[] = { 5, 5, 5, NAN, 5, 5, 5 };
  GtkWidget *window;
  double x1, x2, x4, y, x, unused;

  cpl_line_chart_add_series (chart, "Level", xs, ys, G_N_ELEMENTS (xs), CPL_LINE_STYLE_LINE);
  window = window_with (widget, 600, 400);

  /* the NaN point is not placed; its neighbours are */
  g_assert_false (cpl_line_chart_point_position (chart, 0, 3, &x, &unused));
  g_assert_true (cpl_line_chart_point_position (chart, 0, 1, &x1, &y));
  g_assert_true (cpl_line_chart_point_position (chart, 0, 2, &x2, NULL));
  g_assert_true (cpl_line_chart_point_position (chart, 0, 4, &x4, NULL));

  /* drawn between two known points, not across the gap */
  g_assert_cmpint (line_alpha_at (widget, (x1 + x2) / 2, y), >, 128);
  g_assert_cmpint (line_alpha_at (widget, (x2 + x4) / 2, y), ==, 0);

  /* the gap's x is no stop for the crosshair: six x values, not seven */
  g_assert_true (isnan (cpl_line_chart_get_x_value (chart, 6)));
  g_assert_cmpfloat (cpl_line_chart_get_x_value (chart, 3), ==, 4);

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_line_keyboard (void)
{
  GtkWidget *widget = new_lines ();
  CplLineChart *chart = CPL_LINE_CHART (chart_of (widget));
  GtkWidget *window = window_with (widget, 600, 400);

  g_assert_cmpint (cpl_line_chart_get_cursor (chart), ==, -1);
  gtk_widget_grab_focus (widget);

  /* Right starts at the first x, and stops at the last */
  g_assert_true (gtk_widget_activate_action (widget, "chart.next-x", NULL));
  g_assert_cmpint (cpl_line_chart_get_cursor (chart), ==, 0);
  gtk_widget_activate_action (widget, "chart.next-x", NULL);
  gtk_widget_activate_action (widget, "chart.next-x", NULL);
  g_assert_cmpint (cpl_line_chart_get_cursor (chart), ==, 2);
  wait_for_draw (widget);
  render_chart (widget);                     /* crosshair and readout */
  gtk_widget_activate_action (widget, "chart.previous-x", NULL);
  g_assert_cmpint (cpl_line_chart_get_cursor (chart), ==, 1);
  gtk_widget_activate_action (widget, "chart.last-x", NULL);
  g_assert_cmpint (cpl_line_chart_get_cursor (chart), ==, N_SHARES - 1);
  gtk_widget_activate_action (widget, "chart.next-x", NULL);
  g_assert_cmpint (cpl_line_chart_get_cursor (chart), ==, N_SHARES - 1);
  wait_for_draw (widget);
  render_chart (widget);                     /* the readout at the right edge */
  gtk_widget_activate_action (widget, "chart.first-x", NULL);
  g_assert_cmpint (cpl_line_chart_get_cursor (chart), ==, 0);
  gtk_widget_activate_action (widget, "chart.previous-x", NULL);
  g_assert_cmpint (cpl_line_chart_get_cursor (chart), ==, 0);

  /* the keys of the view: End to the last of the N_SHARES x values,
   * keypad Left one back, Home to the first */
  g_assert_true (press_key (widget, GDK_KEY_End));
  g_assert_cmpint (cpl_line_chart_get_cursor (chart), ==, N_SHARES - 1);
  g_assert_true (press_key (widget, GDK_KEY_KP_Left));
  g_assert_cmpint (cpl_line_chart_get_cursor (chart), ==, N_SHARES - 2);
  g_assert_true (press_key (widget, GDK_KEY_Home));
  g_assert_cmpint (cpl_line_chart_get_cursor (chart), ==, 0);
  g_assert_false (press_key (widget, GDK_KEY_Up));     /* a line chart has no rows */

  /* hovering shows the crosshair too */
  {
    double x, y;

    g_assert_true (cpl_line_chart_point_position (chart, 0, 5, &x, &y));
    CPL_CHART_GET_CLASS (chart_of (widget))->pointer_moved (chart_of (widget), x, y);
    wait_for_draw (widget);
    render_chart (widget);
    CPL_CHART_GET_CLASS (chart_of (widget))->pointer_moved (chart_of (widget), NAN, NAN);
  }

  /* without data, the keys do nothing, and the cursor is gone */
  cpl_line_chart_clear (chart);
  g_assert_cmpint (cpl_line_chart_get_cursor (chart), ==, -1);
  gtk_widget_activate_action (widget, "chart.next-x", NULL);
  g_assert_cmpint (cpl_line_chart_get_cursor (chart), ==, -1);

  gtk_window_destroy (GTK_WINDOW (window));
}

/* ---- rendering ---- */

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

/* @widget's drawing as it is now, as its parent draws it on the next
 * frame. */
static GskRenderNode *
widget_node (GtkWidget *widget)
{
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  GskRenderNode *node;

  gtk_widget_snapshot_child (gtk_widget_get_parent (widget), widget, snapshot);
  node = gtk_snapshot_free_to_node (snapshot);
  g_assert_nonnull (node);
  return node;
}

/* Renders @widget as it is now, and returns the lightness of its text
 * (0 black … 1 white); checks that text, filled shapes and hatching or
 * outlines are there. */
static double
render (GtkWidget *widget)
{
  g_autoptr(GskRenderNode) node = widget_node (widget);
  g_autoptr(GPtrArray) texts = g_ptr_array_new ();
  g_autoptr(GPtrArray) colors = g_ptr_array_new ();
  const GdkRGBA *color;

  collect_nodes (node, GSK_TEXT_NODE, texts);
  collect_nodes (node, GSK_COLOR_NODE, colors);
  g_assert_cmpuint (texts->len, >=, 5);    /* legend, title, ticks, labels */
  g_assert_cmpuint (colors->len, >=, 5);   /* gridlines, bars, markers */

  color = gsk_text_node_get_color (g_ptr_array_index (texts, 0));
  return 0.2126 * color->red + 0.7152 * color->green + 0.0722 * color->blue;
}

/* The text nodes @widget draws now. */
static guint
n_texts (GtkWidget *widget)
{
  g_autoptr(GskRenderNode) node = widget_node (widget);
  g_autoptr(GPtrArray) texts = g_ptr_array_new ();

  collect_nodes (node, GSK_TEXT_NODE, texts);
  return texts->len;
}

/* A marker's label that can only lie over a data line is ringed by the
 * colour under the plot, one copy of it a pixel off in each of the eight
 * directions, so that the line does not run through its letters (the
 * share-rate curve's "highest take, break-even 82.2%" on a phone).  A
 * line that zigzags from 0 to 1 and back 50 times crosses every place
 * the label could take; the same values with the line along the bottom
 * and up at the end leave the top free: the same ticks, legend and
 * label, 8 text nodes fewer. */
static void
test_line_marker_halo (void)
{
  GtkWidget *widget = cpl_chart_view_new_take (cpl_line_chart_new ());
  CplLineChart *chart = CPL_LINE_CHART (chart_of (widget));
  GtkWidget *window = window_with (widget, 600, 400);
  double x[51], zigzag[51], flat[51];
  guint over, clear;

  for (guint i = 0; i < 51; i++)
    {
      x[i] = i / 50.;
      zigzag[i] = i % 2;
      flat[i] = i == 50 ? 1 : 0;
    }
  /* the axis ends at 1: the zigzag's peaks reach the top of the plot */
  cpl_line_chart_set_y_limit (chart, 1);
  cpl_line_chart_add_series (chart, "Take", x, zigzag, 51, CPL_LINE_STYLE_LINE);
  cpl_line_chart_add_marker (chart, .5, "highest take, break-even 50%");
  wait_for_draw (widget);
  over = n_texts (widget);

  cpl_line_chart_clear (chart);
  cpl_line_chart_add_series (chart, "Take", x, flat, 51, CPL_LINE_STYLE_LINE);
  cpl_line_chart_add_marker (chart, .5, "highest take, break-even 50%");
  wait_for_draw (widget);
  clear = n_texts (widget);
  g_assert_cmpuint (over, ==, clear + 8);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* Whether a vertical gridline (a colour node 1 px wide) @widget draws
 * runs through a text it draws. */
static gboolean
gridline_crosses_text (GtkWidget *widget)
{
  g_autoptr(GskRenderNode) node = widget_node (widget);
  g_autoptr(GPtrArray) texts = g_ptr_array_new ();
  g_autoptr(GPtrArray) colors = g_ptr_array_new ();

  collect_nodes (node, GSK_TEXT_NODE, texts);
  collect_nodes (node, GSK_COLOR_NODE, colors);
  for (guint c = 0; c < colors->len; c++)
    {
      graphene_rect_t line, text;

      gsk_render_node_get_bounds (colors->pdata[c], &line);
      if (line.size.width > 1 || line.size.height < 4)
        continue;
      for (guint t = 0; t < texts->len; t++)
        {
          gsk_render_node_get_bounds (texts->pdata[t], &text);
          if (graphene_rect_intersection (&line, &text, NULL))
            return TRUE;
        }
    }
  return FALSE;
}

/* A name goes where no region's edge runs through it when it can: a
 * chip just inside a region's right edge is named on its left, where
 * its name on the right crossed the edge (a region's edge ran through
 * "H800" on a phone). */
static void
test_scatter_names_clear_edges (void)
{
  GtkWidget *widget = cpl_chart_view_new_take (cpl_scatter_chart_new ());
  CplScatterChart *chart = CPL_SCATTER_CHART (chart_of (widget));
  GtkWidget *window;
  graphene_rect_t name;
  double x, y;

  cpl_scatter_chart_set_axes (chart, "TPP", FALSE, "Bandwidth", FALSE);
  /* the region's right edge at x = 100 */
  cpl_scatter_chart_add_region (chart, "review", -INFINITY, 100, -INFINITY, INFINITY, CPL_CHART_COLOR_ORANGE);
  cpl_scatter_chart_add_point (chart, "low", "Low", 0, 0, CPL_POINT_STYLE_NORMAL);
  cpl_scatter_chart_add_point (chart, "high", "High", 200, 100, CPL_POINT_STYLE_NORMAL);
  cpl_scatter_chart_add_point (chart, "near", "Near the edge", 97, 50, CPL_POINT_STYLE_NORMAL);
  window = window_with (widget, 600, 400);

  g_assert_true (cpl_scatter_chart_point_position (chart, "near", &x, &y));
  g_assert_true (cpl_scatter_chart_get_name_place (chart, "near", &name));
  /* left of its marker (5 px, and 3 px of room); the place is a
   * graphene rectangle, in floats: its right edge is x − 8 to within
   * their rounding (282.657166 for 282.657143) */
  g_assert_cmpfloat (name.origin.x + name.size.width, <=, x - 8 + 1e-3);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* Two chips on one spot (the H100 and the H800: the same TPP and
 * bandwidth) get one label naming both, drawn as a single point named
 * "H100, H800" is, and one tooltip naming both: a second name beside the
 * one marker floated without a marker of its own. */
static void
test_scatter_same_spot (void)
{
  GtkWidget *two = new_scatter ();
  GtkWidget *one = new_scatter ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  CplScatterChart *chart = CPL_SCATTER_CHART (chart_of (two));
  GtkWidget *window;
  g_autofree char *tooltip = NULL;
  GdkRectangle area;
  double x, y;

  cpl_scatter_chart_add_point (chart, "h800", "H800", 15832, 3350, CPL_POINT_STYLE_NORMAL);
  /* the same chart with the H100 renamed for both, and no H800 */
  cpl_scatter_chart_clear (CPL_SCATTER_CHART (chart_of (one)));
  cpl_scatter_chart_set_axes (CPL_SCATTER_CHART (chart_of (one)), "TPP", FALSE, "Memory bandwidth (GB/s)", FALSE);
  cpl_scatter_chart_add_region (CPL_SCATTER_CHART (chart_of (one)), "case-by-case review", -INFINITY, 21000,
                                -INFINITY, 6500, CPL_CHART_COLOR_ORANGE);
  cpl_scatter_chart_add_vline (CPL_SCATTER_CHART (chart_of (one)), "3A090.a (2023)", 4800, CPL_CHART_COLOR_VERMILLION);
  cpl_scatter_chart_add_point (CPL_SCATTER_CHART (chart_of (one)), "a100", "A100", 4992, 2039, CPL_POINT_STYLE_NORMAL);
  cpl_scatter_chart_add_point (CPL_SCATTER_CHART (chart_of (one)), "h100", "H100, H800", 15832, 3350, CPL_POINT_STYLE_NORMAL);
  cpl_scatter_chart_add_point (CPL_SCATTER_CHART (chart_of (one)), "910c", "Ascend 910C", 12800, 3200,
                               CPL_POINT_STYLE_DOMESTIC);
  gtk_box_append (GTK_BOX (box), two);
  gtk_box_append (GTK_BOX (box), one);
  window = window_with (box, 600, 800);

  g_assert_cmpuint (cpl_scatter_chart_get_n_hidden_labels (chart), ==, 0);
  g_assert_cmpuint (n_texts (two), ==, n_texts (one));
  g_assert_true (cpl_scatter_chart_point_position (chart, "h800", &x, &y));
  tooltip = cpl_chart_query_tooltip (CPL_CHART (chart), x, y, FALSE, &area);
  g_assert_nonnull (tooltip);
  g_assert_true (g_str_has_prefix (tooltip, "H100, H800\n"));

  /* the H800 selected: its name first, then the H100's ("H800, H100":
   * as wide as "H100, H800", the same glyphs; it named the H800 alone,
   * and the H100 under it had no name), still one label on the spot */
  {
    graphene_rect_t both, selected;

    g_assert_true (cpl_scatter_chart_get_name_place (chart, "h100", &both));
    cpl_scatter_chart_set_selected (chart, "h800");
    wait_for_draw (two);
    g_assert_cmpuint (cpl_scatter_chart_get_n_hidden_labels (chart), ==, 0);
    g_assert_cmpuint (n_texts (two), ==, n_texts (one));
    g_assert_true (cpl_scatter_chart_get_name_place (chart, "h800", &selected));
    g_assert_cmpfloat (selected.size.width, ==, both.size.width);
  }

  /* a click on the spot of the selected H800 selects the H100 under it,
   * the next one on the spot, and a second click the H800 again */
  CPL_CHART_GET_CLASS (chart)->pressed (CPL_CHART (chart), 1, x, y);
  g_assert_cmpstr (cpl_scatter_chart_get_selected (chart), ==, "h100");
  CPL_CHART_GET_CLASS (chart)->pressed (CPL_CHART (chart), 1, x, y);
  g_assert_cmpstr (cpl_scatter_chart_get_selected (chart), ==, "h800");
  /* with nothing on the spot selected, a click takes the point drawn on
   * top (the last added) */
  cpl_scatter_chart_set_selected (chart, "a100");
  CPL_CHART_GET_CLASS (chart)->pressed (CPL_CHART (chart), 1, x, y);
  g_assert_cmpstr (cpl_scatter_chart_get_selected (chart), ==, "h800");
  gtk_window_destroy (GTK_WINDOW (window));
}

/* Two chips on one spot with different statuses (on 2023-03-01 the H100,
 * caught by the October 2022 rule, and the H800, cut to 400 GB/s of
 * interconnect to pass it): the tooltip gives each name with its
 * status, one a line (it named both over the H800's green disc alone),
 * and their markers stand side by side. */
static void
test_scatter_same_spot_statuses (void)
{
  GtkWidget *widget = new_scatter ();
  CplScatterChart *chart = CPL_SCATTER_CHART (chart_of (widget));
  GtkWidget *window;
  g_autofree char *tooltip = NULL;
  GdkRectangle area;
  double x, y;

  cpl_scatter_chart_add_point (chart, "h800", "H800", 15832, 3350, CPL_POINT_STYLE_NORMAL);
  cpl_scatter_chart_set_point_status (chart, "h100", CPL_CHIP_STATUS_DENIED);
  cpl_scatter_chart_set_point_status (chart, "h800", CPL_CHIP_STATUS_FREE);
  window = window_with (widget, 600, 400);
  g_assert_true (cpl_scatter_chart_point_position (chart, "h800", &x, &y));
  tooltip = cpl_chart_query_tooltip (CPL_CHART (chart), x, y, FALSE, &area);
  g_assert_nonnull (tooltip);
  g_test_message ("%s", tooltip);
  g_assert_true (g_str_has_prefix (tooltip, "H100: Denied\nH800: No licence needed\n"));
  gtk_window_destroy (GTK_WINDOW (window));
}

/* A chart whose values are all zero says what that means in its plot
 * (one text more), where a flat line on an axis with the one tick 0
 * looked like a chart that failed; a chart with a value above zero does
 * not, nor one without a note. */
static void
test_zero_note (void)
{
  GtkWidget *box;
  GtkWidget *zeros = cpl_chart_view_new_take (cpl_line_chart_new ());
  GtkWidget *some = cpl_chart_view_new_take (cpl_line_chart_new ());
  GtkWidget *bars = cpl_chart_view_new_take (cpl_bar_chart_new ());
  static const char * const categories[] = { "2026", "2027", NULL };
  GtkWidget *window;
  guint plain, noted;

  box = charts_box (zeros, some, bars, NULL);
  cpl_line_chart_add_series (CPL_LINE_CHART (chart_of (zeros)), "Gap", (double[]) { 2026, 2027, 2028 },
                             (double[]) { 0, 0, 0 }, 3, CPL_LINE_STYLE_AREA);
  cpl_line_chart_add_series (CPL_LINE_CHART (chart_of (some)), "Gap", (double[]) { 2026, 2027, 2028 },
                             (double[]) { 0, 0, 5 }, 3, CPL_LINE_STYLE_AREA);
  cpl_bar_chart_set_categories (CPL_BAR_CHART (chart_of (bars)), categories);
  cpl_bar_chart_add_series (CPL_BAR_CHART (chart_of (bars)), "Revenue", (double[]) { 0, 0 });
  window = window_with (box, 600, 900);

  /* all zero: one text more with the note */
  plain = n_texts (zeros);
  cpl_chart_set_zero_note (chart_of (zeros), "No compute gap in any year");
  wait_for_draw (zeros);
  noted = n_texts (zeros);
  g_assert_cmpuint (noted, ==, plain + 1);

  /* 5 in 2028: no note */
  plain = n_texts (some);
  cpl_chart_set_zero_note (chart_of (some), "No compute gap in any year");
  wait_for_draw (some);
  g_assert_cmpuint (n_texts (some), ==, plain);

  /* bars of nothing but zeros, the same */
  plain = n_texts (bars);
  cpl_chart_set_zero_note (chart_of (bars), "No revenue in any year");
  wait_for_draw (bars);
  g_assert_cmpuint (n_texts (bars), ==, plain + 1);

  /* the note taken away */
  cpl_chart_set_zero_note (chart_of (zeros), NULL);
  wait_for_draw (zeros);
  g_assert_cmpuint (n_texts (zeros), ==, noted - 1);

  /* a note that wraps to more than two lines in a plot with room for
   * them: a text a line, three or more (it was cut after two, as on a
   * phone "No compute gap in any year: domestic chips and exports m…") */
  cpl_chart_set_zero_note (chart_of (zeros), "No compute gap in any year: domestic chips and the exported "
                                             "chips together meet the whole demand of every year of the "
                                             "horizon, so nothing is left over for a gap to show. The same "
                                             "holds whatever the rate of the revenue share, since the "
                                             "domestic capacity grows faster than the demand does, and the "
                                             "licences for the exported chips are granted at the rate the "
                                             "scenario sets for every year of it, from the first to the last "
                                             "one shown here.");
  wait_for_draw (zeros);
  /* 549 × 217 px: some 450 characters at about 7 px are some six lines
   * of 530 px, of the dozen the plot has room for; cut after two, they
   * were two texts and the ellipsis's */
  g_test_message ("plot %g × %g", cpl_chart_get_frame (chart_of (zeros))->plot.size.width,
                  cpl_chart_get_frame (chart_of (zeros))->plot.size.height);
  g_assert_cmpuint (n_texts (zeros), >=, noted - 1 + 5);

  gtk_window_destroy (GTK_WINDOW (window));
}

/* A bar chart's numbers show over every bar or over none: at 300 px
 * 1,000,000,000,000,000 (21 characters) is wider than its bar, and the
 * bar of 1 beside it had its number alone, as if the other had none;
 * the same for the totals over stacks.  Each number is one text; so is
 * the title under the categories ("Year"). */
static void
test_bar_numbers (void)
{
  static const char * const categories[] = { "2026", "2027", NULL };
  GtkWidget *fit = cpl_chart_view_new_take (cpl_bar_chart_new ());
  GtkWidget *wide = cpl_chart_view_new_take (cpl_bar_chart_new ());
  GtkWidget *stacked = cpl_chart_view_new_take (cpl_bar_chart_new ());
  GtkWidget *charts[] = { fit, wide, stacked };
  GtkWidget *box, *window;
  guint shown[3], hidden[3];

  box = charts_box (fit, wide, stacked, NULL);
  for (guint i = 0; i < 3; i++)
    {
      CplBarChart *chart = CPL_BAR_CHART (chart_of (charts[i]));

      cpl_bar_chart_set_categories (chart, categories);
      cpl_bar_chart_set_stacked (chart, i == 2);
      cpl_bar_chart_add_series (chart, "Units", i == 0 ? (double[]) { 1, 2 } : (double[]) { 1, 1e15 });
    }
  window = window_with (box, 300, 900);
  for (guint i = 0; i < 3; i++)
    {
      shown[i] = n_texts (charts[i]);
      cpl_bar_chart_set_show_values (CPL_BAR_CHART (chart_of (charts[i])), FALSE);
      wait_for_draw (charts[i]);
      hidden[i] = n_texts (charts[i]);
    }

  /* 1 and 2 fit: two numbers */
  g_assert_cmpuint (shown[0], ==, hidden[0] + 2);
  /* 1 and 1e15, over bars or as totals of stacks (the stack of 1 is
   * too thin for its number inside, that of 1e15 too narrow): none */
  g_assert_cmpuint (shown[1], ==, hidden[1]);
  g_assert_cmpuint (shown[2], ==, hidden[2]);

  /* the title under the categories */
  cpl_bar_chart_set_category_title (CPL_BAR_CHART (chart_of (fit)), "Year");
  wait_for_draw (fit);
  g_assert_cmpuint (n_texts (fit), ==, hidden[0] + 1);

  gtk_window_destroy (GTK_WINDOW (window));
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
  cpl_scatter_chart_add_point (CPL_SCATTER_CHART (chart_of (scatter)), "what-if", "What-if", 9000, 5600,
                               CPL_POINT_STYLE_HYPOTHETICAL);
  cpl_scatter_chart_set_selected (CPL_SCATTER_CHART (chart_of (scatter)), "h100");
  gtk_box_append (GTK_BOX (box), scatter);
  gtk_box_append (GTK_BOX (box), bars);

  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_FORCE_LIGHT);
  window = window_with (box, 600, 800);

  /* light: dark text, the light palette */
  g_assert_cmpfloat (render (scatter), <, .5);
  g_assert_cmpfloat (render (bars), <, .5);
  palette = *cpl_chart_get_palette (chart_of (scatter));
  g_assert_false (palette.dark);

  /* dark: light text, without any call to the charts */
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_FORCE_DARK);
  wait_for_draw (scatter);
  g_assert_cmpfloat (render (scatter), >, .5);
  g_assert_cmpfloat (render (bars), >, .5);
  palette = *cpl_chart_get_palette (chart_of (scatter));
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
  cpl_scatter_chart_clear (CPL_SCATTER_CHART (chart_of (scatter)));
  cpl_bar_chart_set_categories (CPL_BAR_CHART (chart_of (bars)), NULL);
  wait_for_draw (scatter);
  render (scatter);
  render (bars);

  gtk_window_destroy (GTK_WINDOW (window));
}

/* ---- colours ---- */

/* The colour of the legend item labelled @label. */
static GdkRGBA
legend_color (GtkWidget  *chart,
              const char *label)
{
  g_autoptr(GArray) items = cpl_chart_build_legend (chart_of (chart));

  for (guint i = 0; i < items->len; i++)
    {
      const CplChartLegendItem *item = &g_array_index (items, CplChartLegendItem, i);

      if (g_str_equal (item->label, label))
        return item->color;
    }
  g_assert_not_reached ();
}

/* One chip keeps its colour from chart to chart, whatever its place. */
static void
test_color_same_chip (void)
{
  GtkWidget *box;
  GtkWidget *line = cpl_chart_view_new_take (cpl_line_chart_new ());
  GtkWidget *bars = cpl_chart_view_new_take (cpl_bar_chart_new ());
  const char *categories[] = { "2026", "2027", NULL };
  GtkWidget *window;
  GdkRGBA in_line, in_bars, other;
  CplChartColor colors[CPL_CHART_N_COLORS];

  box = charts_box (line, bars, NULL);

  /* the H200 is the second series of the line chart, the first of the bars */
  cpl_line_chart_set_series_color (CPL_LINE_CHART (chart_of (line)),
                                   cpl_line_chart_add_series (CPL_LINE_CHART (chart_of (line)), "H20", (double[]) { 2026, 2027 },
                                                              (double[]) { 1, 2 }, 2, CPL_LINE_STYLE_LINE),
                                   cpl_chart_color_for ("chip", "nvidia-h20"));
  cpl_line_chart_set_series_color (CPL_LINE_CHART (chart_of (line)),
                                   cpl_line_chart_add_series (CPL_LINE_CHART (chart_of (line)), "H200", (double[]) { 2026, 2027 },
                                                              (double[]) { 3, 4 }, 2, CPL_LINE_STYLE_LINE),
                                   cpl_chart_color_for ("chip", "nvidia-h200"));
  cpl_bar_chart_set_categories (CPL_BAR_CHART (chart_of (bars)), categories);
  cpl_bar_chart_set_series_color (CPL_BAR_CHART (chart_of (bars)),
                                  cpl_bar_chart_add_series (CPL_BAR_CHART (chart_of (bars)), "H200", (double[]) { 3, 4 }),
                                  cpl_chart_color_for ("chip", "nvidia-h200"));
  window = window_with (box, 600, 800);

  in_line = legend_color (line, "H200");
  in_bars = legend_color (bars, "H200");
  other = legend_color (line, "H20");
  g_assert_true (gdk_rgba_equal (&in_line, &in_bars));
  /* two chips, the first two of their kind: two colours */
  g_assert_false (gdk_rgba_equal (&in_line, &other));
  g_assert_cmpint (cpl_chart_color_for_key ("chip:nvidia-h200"), ==, cpl_chart_color_for ("chip", "nvidia-h200"));

  /* the first CPL_CHART_N_COLORS scenarios (no other test here uses that
   * kind) take as many colours; asked again, each keeps its own, also
   * after more have been added */
  for (guint i = 0; i < CPL_CHART_N_COLORS; i++)
    {
      g_autofree char *id = g_strdup_printf ("scenario-%u", i);

      colors[i] = cpl_chart_color_for ("scenario", id);
      for (guint j = 0; j < i; j++)
        g_assert_cmpint (colors[i], !=, colors[j]);
    }
  cpl_chart_color_for ("scenario", "one-more");
  for (guint i = 0; i < CPL_CHART_N_COLORS; i++)
    {
      g_autofree char *id = g_strdup_printf ("scenario-%u", i);

      g_assert_cmpint (cpl_chart_color_for ("scenario", id), ==, colors[i]);
    }

  gtk_window_destroy (GTK_WINDOW (window));
}

/* The fixed series of money keep their colours whatever is drawn first:
 * asked for first, Intel (whose id hashes to the take's ochre, "vendor:
 * intel" % 8 = ORANGE) takes another colour; the vendors' net revenue is
 * sky blue, not the vermilion its id hashes to (the domestic chip's hue,
 * next to the ochre take on the share-rate curve); the vendor's cost is
 * purple, not a yellow beside the ochre take (it shares no chart with the
 * compute gap, purple too). */
static void
test_color_pinned (void)
{
  const char *series[] = { "government-take", "vendor-net-revenue", "vendor-profit", "vendor-cost", "compute-gap" };
  const CplChartColor expected[] = { CPL_CHART_COLOR_ORANGE, CPL_CHART_COLOR_SKY, CPL_CHART_COLOR_GREEN,
                                     CPL_CHART_COLOR_PURPLE, CPL_CHART_COLOR_PURPLE };
  CplChartColor intel = cpl_chart_color_for ("vendor", "intel");

  for (guint i = 0; i < G_N_ELEMENTS (series); i++)
    {
      g_assert_cmpint (cpl_chart_color_for ("series", series[i]), ==, expected[i]);
      g_assert_cmpint (intel, !=, expected[i]);
    }
}

/* Compared scenarios take hues of different families where they can:
 * the built-in H20 and H200 scenarios' ids hash to yellow, orange and
 * vermilion ("scenario:h20-mi308-share-15" % 8 = YELLOW, "…h200-share-25"
 * ORANGE, "…h200-share-25-power-subsidy" VERMILLION), three warm hues
 * hard to tell apart in the dark palette; only the first keeps its warm
 * hue, the others take hues of other families, and none is grey.  In a
 * fresh process: the colours are handed out once per session. */
static void
test_color_scenario_families (void)
{
  if (g_test_subprocess ())
    {
      const char *ids[] = { "h20-mi308-share-15", "h200-share-25", "h200-share-25-power-subsidy" };
      guint warm = 0;

      for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
        {
          CplChartColor color = cpl_chart_color_for ("scenario", ids[i]);

          g_assert_cmpint (color, !=, CPL_CHART_COLOR_GREY);
          warm += color == CPL_CHART_COLOR_ORANGE || color == CPL_CHART_COLOR_VERMILLION
                  || color == CPL_CHART_COLOR_YELLOW;
        }
      g_assert_cmpint (cpl_chart_color_for ("scenario", ids[0]), ==, CPL_CHART_COLOR_YELLOW);
      g_assert_cmpuint (warm, ==, 1);
      return;
    }
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();
}

/* WCAG 2 relative luminance and contrast ratio. */
static double
relative_luminance (const GdkRGBA *c)
{
  double rgb[3] = { c->red, c->green, c->blue };

  for (guint i = 0; i < 3; i++)
    rgb[i] = rgb[i] <= 0.04045 ? rgb[i] / 12.92 : pow ((rgb[i] + 0.055) / 1.055, 2.4);
  return 0.2126 * rgb[0] + 0.7152 * rgb[1] + 0.0722 * rgb[2];
}

static double
contrast (const GdkRGBA *a,
          const GdkRGBA *b)
{
  double la = relative_luminance (a), lb = relative_luminance (b);

  return (MAX (la, lb) + 0.05) / (MIN (la, lb) + 0.05);
}

/* CIE 1976 L*a*b* of @color (sRGB, D65). */
static void
to_lab (const GdkRGBA *color,
        double         lab[3])
{
  double c[3] = { color->red, color->green, color->blue }, xyz[3];

  for (guint i = 0; i < 3; i++)
    c[i] = c[i] <= 0.04045 ? c[i] / 12.92 : pow ((c[i] + 0.055) / 1.055, 2.4);
  xyz[0] = (0.4124 * c[0] + 0.3576 * c[1] + 0.1805 * c[2]) / 0.95047;
  xyz[1] = 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2];
  xyz[2] = (0.0193 * c[0] + 0.1192 * c[1] + 0.9505 * c[2]) / 1.08883;
  for (guint i = 0; i < 3; i++)
    xyz[i] = xyz[i] > 0.008856 ? cbrt (xyz[i]) : 7.787 * xyz[i] + 16. / 116;
  lab[0] = 116 * xyz[1] - 16;
  lab[1] = 500 * (xyz[0] - xyz[1]);
  lab[2] = 200 * (xyz[1] - xyz[2]);
}

/* How far apart two colours look: CIE76 ΔE, the distance in L*a*b*. */
static double
delta_e (const GdkRGBA *a,
         const GdkRGBA *b)
{
  double la[3], lb[3];

  to_lab (a, la);
  to_lab (b, lb);
  return sqrt ((la[0] - lb[0]) * (la[0] - lb[0]) + (la[1] - lb[1]) * (la[1] - lb[1]) +
               (la[2] - lb[2]) * (la[2] - lb[2]));
}

/* Every series colour stands out from the chart's background by 3:1 or
 * more, white in light mode, #383838 in dark mode (e.g. the light olive
 * #4d5d00: luminance 0.10, (1.05) / (0.15) = 7.0), and any two are told
 * apart: ΔE 25 or more.  The light orange #b87d00 and the former light
 * yellow #8a810a were 24.6 apart (L*a*b* 58.2, 15.9, 63.8 and 54.4,
 * −4.2, 58.8): two compared scenarios' lines read as one colour; the
 * light blue #0066a3 and the former sky #1d8fd0 16.3. */
static void
test_color_contrast (void)
{
  AdwStyleManager *style = adw_style_manager_get_default ();
  GtkWidget *chart = new_bars ();
  GtkWidget *window;
  const GdkRGBA white = { 1, 1, 1, 1 };
  const GdkRGBA dark = { 0x38 / 255., 0x38 / 255., 0x38 / 255., 1 };
  CplChartPalette palette;

  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_FORCE_LIGHT);
  window = window_with (chart, 400, 300);
  for (guint scheme = 0; scheme < 2; scheme++)
    {
      palette = *cpl_chart_get_palette (chart_of (chart));
      g_assert_cmpint (palette.dark, ==, scheme == 1);
      for (guint i = 0; i < CPL_CHART_N_COLORS; i++)
        {
          g_assert_cmpfloat (contrast (&palette.series[i], scheme == 0 ? &white : &dark), >=, 3);
          for (guint j = 0; j < i; j++)
            {
              g_test_message ("scheme %u, colours %u and %u: ΔE %.1f", scheme, i, j,
                              delta_e (&palette.series[i], &palette.series[j]));
              g_assert_cmpfloat (delta_e (&palette.series[i], &palette.series[j]), >=, 25);
            }
        }
      adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_FORCE_DARK);
      wait_for_draw (chart);
    }
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_DEFAULT);
  gtk_window_destroy (GTK_WINDOW (window));
}

static GtkWidget *
new_years (void)
{
  GtkWidget *widget = cpl_chart_view_new_take (cpl_line_chart_new ());
  CplLineChart *chart = CPL_LINE_CHART (chart_of (widget));
  double years[] = { 2026, 2027, 2028, 2029, 2030 };
  guint dashed;

  cpl_line_chart_set_axes (chart, "Year", "US dollars");
  cpl_line_chart_set_x_format (chart, format_year, NULL, NULL);
  cpl_line_chart_set_x_integer (chart, TRUE);
  cpl_line_chart_add_series (chart, "Imported chip", years, (double[]) { 4.1e9, 5.3e9, 6.2e9, 7.4e9, 8.1e9 }, 5,
                             CPL_LINE_STYLE_LINE);
  dashed = cpl_line_chart_add_series (chart, "Domestic chip", years, (double[]) { 4.1e9, 4.6e9, 5e9, 5.6e9, 6e9 }, 5,
                                      CPL_LINE_STYLE_DASHED);
  cpl_line_chart_set_series_color (chart, dashed, CPL_CHART_COLOR_VERMILLION);
  cpl_line_chart_add_series (chart, "Compute gap", years, (double[]) { 2e9, 1.6e9, NAN, .8e9, .3e9 }, 5,
                             CPL_LINE_STYLE_AREA);
  cpl_line_chart_add_series (chart, "Quota", years, (double[]) { 1e9, 1e9, 2e9, -1e9, 2e9 }, 5,
                             CPL_LINE_STYLE_STEPS);
  cpl_line_chart_add_marker (chart, 2028, "domestic chip cheaper from 2028");
  return widget;
}

static void
test_line_render (void)
{
  AdwStyleManager *style = adw_style_manager_get_default ();
  GtkWidget *box;
  GtkWidget *shares = new_lines ();
  GtkWidget *years = new_years ();
  GtkWidget *stacked = new_stacked ();
  GtkWidget *window;
  int wide_height, narrow_height;

  box = charts_box (shares, years, stacked, NULL);

  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_FORCE_LIGHT);
  window = window_with (box, 600, 900);
  g_assert_cmpfloat (render (shares), <, .5);
  g_assert_cmpfloat (render (years), <, .5);
  g_assert_cmpfloat (render (stacked), <, .5);

  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_FORCE_DARK);
  wait_for_draw (shares);
  g_assert_cmpfloat (render (shares), >, .5);
  g_assert_cmpfloat (render (years), >, .5);
  g_assert_cmpfloat (render (stacked), >, .5);

  /* the keyboard's readout, in the middle and at the ends */
  gtk_widget_grab_focus (years);
  gtk_widget_activate_action (years, "chart.next-x", NULL);
  wait_for_draw (years);
  render (years);
  gtk_widget_activate_action (years, "chart.next-x", NULL);
  gtk_widget_activate_action (years, "chart.next-x", NULL);
  wait_for_draw (years);
  render (years);
  gtk_widget_activate_action (years, "chart.last-x", NULL);
  wait_for_draw (years);
  render (years);

  /* a legend of four wraps sooner */
  gtk_widget_measure (years, GTK_ORIENTATION_VERTICAL, 1000, &wide_height, NULL, NULL, NULL);
  gtk_widget_measure (years, GTK_ORIENTATION_VERTICAL, 300, &narrow_height, NULL, NULL, NULL);
  g_assert_cmpint (narrow_height, >, wide_height);
  gtk_window_destroy (GTK_WINDOW (window));

  /* 300 px wide, in both schemes, with no warnings */
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  shares = new_lines ();
  years = new_years ();
  stacked = new_stacked ();
  gtk_box_append (GTK_BOX (box), shares);
  gtk_box_append (GTK_BOX (box), years);
  gtk_box_append (GTK_BOX (box), stacked);
  window = window_with (box, 300, 900);
  g_assert_cmpint (gtk_widget_get_width (shares), <=, 300);
  g_assert_cmpint (gtk_widget_get_width (years), <=, 300);
  g_assert_cmpfloat (render (shares), >, .5);
  render (years);
  render (stacked);
  gtk_widget_grab_focus (years);
  gtk_widget_activate_action (years, "chart.next-x", NULL);
  gtk_widget_activate_action (years, "chart.next-x", NULL);
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_FORCE_LIGHT);
  wait_for_draw (shares);
  g_assert_cmpfloat (render (shares), <, .5);
  render (years);
  render (stacked);

  /* empty charts draw too */
  cpl_line_chart_clear (CPL_LINE_CHART (chart_of (shares)));
  cpl_bar_chart_set_categories (CPL_BAR_CHART (chart_of (stacked)), NULL);
  wait_for_draw (shares);
  render (shares);
  render (stacked);

  gtk_window_destroy (GTK_WINDOW (window));
}

/* ---- timeline ---- */

static void
assert_date (const GDate *date,
             const char  *iso)
{
  char text[16];

  g_date_strftime (text, sizeof text, "%Y-%m-%d", date);
  g_assert_cmpstr (text, ==, iso);
}

static void
assert_span (CplTimelineChart *chart,
             guint             row,
             guint             index,
             const char       *start,
             const char       *end,
             CplChipStatus     status,
             double            share)
{
  GDate from, until;
  CplChipStatus got;
  double got_share;

  g_assert_true (cpl_timeline_chart_get_span (chart, row, index, &from, &until, &got, &got_share));
  assert_date (&from, start);
  assert_date (&until, end);
  g_assert_cmpint (got, ==, status);
  if (isnan (share))
    g_assert_true (isnan (got_share));
  else
    assert_near (got_share, share);
}

static guint
timeline_row (CplTimelineChart *chart,
              const char       *chip_id)
{
  for (guint r = 0; r < cpl_timeline_chart_get_n_rows (chart); r++)
    if (g_strcmp0 (cpl_entity_get_id (CPL_ENTITY (cpl_timeline_chart_get_row_chip (chart, r))), chip_id) == 0)
      return r;
  g_assert_not_reached ();
}

static void
on_date_activated (CplTimelineChart *chart,
                   const GDate      *date,
                   GDate            *out)
{
  *out = *date;
}

/* No date's lead (the dashed line from the axis down to its label) runs
 * through the label of a date on a line above it; returns how many
 * dates show. */
static guint
assert_leads_clear (CplTimelineChart *chart,
                    guint             n_marks)
{
  guint shown = 0;

  for (guint j = 0; j < n_marks; j++)
    {
      double lead_x, left, right;
      int line;

      if (!cpl_timeline_chart_get_mark_place (chart, j, &lead_x, &line, &left, &right))
        continue;
      shown++;
      for (guint i = 0; i < n_marks; i++)
        {
          double other_x, other_left, other_right;
          int other_line;

          if (i == j || !cpl_timeline_chart_get_mark_place (chart, i, &other_x, &other_line, &other_left,
                                                            &other_right) || other_line >= line)
            continue;
          g_test_message ("lead %u at %.1f (line %d), date %u %.1f–%.1f (line %d)", j, lead_x, line, i,
                          other_left, other_right, other_line);
          g_assert_true (lead_x < other_left || lead_x > other_right);
        }
    }
  return shown;
}

static void
test_timeline_spans (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CplDataset) dataset = cpl_dataset_new_builtin (&error);
  GtkWidget *widget = cpl_chart_view_new_take (cpl_timeline_chart_new ());
  CplTimelineChart *chart = CPL_TIMELINE_CHART (chart_of (widget));
  g_auto(GStrv) marks = NULL;
  GtkWidget *window;
  GDate today, date, picked;
  guint h20, h200, b200;
  double x, y;

  g_assert_no_error (error);
  g_date_clear (&today, 1);
  g_date_set_dmy (&today, 1, G_DATE_JUNE, 2026);
  cpl_timeline_chart_set_today (chart, &today);
  cpl_timeline_chart_set_dataset (chart, dataset);

  /* a year after today: 2022-10-01 to 2027-06-01 (excluded) */
  cpl_timeline_chart_get_range (chart, &date, NULL);
  assert_date (&date, "2022-10-01");
  cpl_timeline_chart_get_range (chart, NULL, &date);
  assert_date (&date, "2027-06-01");

  /* 14 built-in chips, of which Huawei's Ascend 910B and 910C are
   * Chinese: 12 rows */
  g_assert_cmpuint (cpl_timeline_chart_get_n_rows (chart), ==, 12);

  /* H20: TPP = 148 TFLOPS × 16 bits = 2368 (fp8 296 × 8 the same), density
   * 2368 / 814 mm² = 2.91.  The 2022 rule wants TPP ≥ 4800; the 2023 rules
   * TPP ≥ 4800, or ≥ 1600 with density ≥ 5.92, or 2400–4800, or ≥ 1600
   * with density ≥ 3.2: none catches it, so it is free until the April
   * 2025 letters (a control naming it) deny it; on 2025-08-11 a licence
   * rule and a 15% share rule name it: licensable at 15%.  The 2026 rules
   * change nothing for it (case-by-case review also opens it, tpp < 21000
   * and bandwidth 4000 < 6500 GB/s; the 25% share wants TPP 14000–17500),
   * so the last span runs to the end.  Its bar starts with its release,
   * "2024": 2024-01-01, not with the chart's 2022-10-01. */
  h20 = timeline_row (chart, "nvidia-h20");
  g_assert_cmpuint (cpl_timeline_chart_get_n_spans (chart, h20), ==, 3);
  assert_span (chart, h20, 0, "2024-01-01", "2025-04-09", CPL_CHIP_STATUS_FREE, NAN);
  assert_span (chart, h20, 1, "2025-04-09", "2025-08-11", CPL_CHIP_STATUS_DENIED, NAN);
  assert_span (chart, h20, 2, "2025-08-11", "2027-06-01", CPL_CHIP_STATUS_LICENSABLE, .15);

  /* H200: TPP 989.5 × 16 = 15832 ≥ 4800 with 900 GB/s interconnect ≥ 600:
   * controlled from 2022-10-07, long before its release ("2024-11"): its
   * bar starts denied on 2024-11-01.  The December 2025 terms name it (a
   * licence and a 25% share) from 2025-12-08: licensable at 25%; the 2026
   * rules (the 25% band from 2026-01-14, TPP in 14000–17500, bandwidth
   * 4800 in 4500–5000; case-by-case review from 2026-01-15) keep it
   * licensable at 25%: one span to the end. */
  h200 = timeline_row (chart, "nvidia-h200");
  g_assert_cmpuint (cpl_timeline_chart_get_n_spans (chart, h200), ==, 2);
  assert_span (chart, h200, 0, "2024-11-01", "2025-12-08", CPL_CHIP_STATUS_DENIED, NAN);
  assert_span (chart, h200, 1, "2025-12-08", "2027-06-01", CPL_CHIP_STATUS_LICENSABLE, .25);

  /* B200: TPP 2250 × 16 = 36000 with 1800 GB/s: controlled from
   * 2022-10-07; case-by-case review wants TPP < 21000: denied from its
   * release ("2024-11") to the end (its missing die area leaves one 2023
   * clause unknown, but the TPP clause is true, so the control is certain) */
  b200 = timeline_row (chart, "nvidia-b200");
  g_assert_cmpuint (cpl_timeline_chart_get_n_spans (chart, b200), ==, 1);
  assert_span (chart, b200, 0, "2024-11-01", "2027-06-01", CPL_CHIP_STATUS_DENIED, NAN);
  g_assert_false (cpl_timeline_chart_get_span (chart, b200, 1, NULL, NULL, NULL, NULL));

  /* the rule changes: 2022-10-07, 2023-11-17 (two rules), 2025-04-09,
   * 2025-08-11 (two), 2025-12-08 (two), 2026-01-14, 2026-01-15.  At 1280
   * px 2025-12-08 is some 27 px before 2026-01-14 (37 of 1,704 days over
   * about 1,170 px), and with -15 a day after there is no room for all
   * of them written in full in the 9 pt labels (at 1,200 px the leads
   * fall so that all seven fit in full, and at 1,440 px again): a
   * date of the same year as the one before it is written by its month
   * and day, "08-11" after "2025-04-09", and every date is written;
   * 2026-01-14 and -15 are a day apart, so the second goes on another
   * line. */
  window = window_with (widget, 1280, 600);
  marks = cpl_timeline_chart_dup_mark_labels (chart);
  g_assert_cmpuint (g_strv_length (marks), ==, 7);
  g_assert_cmpstr (marks[0], ==, "2022-10-07");
  g_assert_cmpstr (marks[1], ==, "2023-11-17");
  g_assert_cmpstr (marks[2], ==, "2025-04-09");
  g_assert_cmpstr (marks[3], ==, "08-11");
  g_assert_cmpstr (marks[4], ==, "12-08");
  g_assert_cmpstr (marks[5], ==, "2026-01-14");
  g_assert_cmpstr (marks[6], ==, "01-15");
  /* all seven shown, and no lead runs through a label above it (the lead
   * to -15 ran through -14: -14 moves right of it) */
  g_assert_cmpuint (assert_leads_clear (chart, 7), ==, 7);

  /* at 720 px (the Chips view's timeline in an 1,100 px window) the three
   * dates within 40 px, 2025-12-08, 2026-01-14 and -15, do not all fit
   * in turn, and 2025-12-08 gave way; a second chance puts "12-08" where
   * it fits among the others, on the first line between "2025-04-09" and
   * "2026-01-14": all seven dated, no lead through a label above, no two
   * labels of a line touching */
  gtk_window_set_default_size (GTK_WINDOW (window), 720, 600);
  wait_for_draw (widget);
  g_clear_pointer (&marks, g_strfreev);
  marks = cpl_timeline_chart_dup_mark_labels (chart);
  g_assert_cmpstr (marks[4], ==, "12-08");
  g_assert_cmpuint (assert_leads_clear (chart, 7), ==, 7);
  for (guint i = 0; i < 7; i++)
    for (guint j = i + 1; j < 7; j++)
      {
        double xi, li, ri, xj, lj, rj;
        int line_i, line_j;

        g_assert_true (cpl_timeline_chart_get_mark_place (chart, i, &xi, &line_i, &li, &ri));
        g_assert_true (cpl_timeline_chart_get_mark_place (chart, j, &xj, &line_j, &lj, &rj));
        if (line_i == line_j)
          g_assert_true (ri < lj || rj < li);
      }
  gtk_window_set_default_size (GTK_WINDOW (window), 1200, 600);
  wait_for_draw (widget);

  /* the time axis: the day under the start of 2025-04-09 is that day */
  g_date_set_dmy (&date, 9, G_DATE_APRIL, 2025);
  x = cpl_timeline_chart_date_x (chart, &date);
  g_assert_true (cpl_timeline_chart_date_at (chart, x + .5, &picked));
  assert_date (&picked, "2025-04-09");

  /* a click inside H20's denied span, in June 2025, picks the span's first
   * day; a click on the plot left of it, its own day */
  g_signal_connect (chart, "date-activated", G_CALLBACK (on_date_activated), &picked);
  g_date_set_dmy (&date, 15, G_DATE_JUNE, 2025);
  g_assert_true (cpl_timeline_chart_row_y (chart, h20, &y));
  CPL_CHART_GET_CLASS (chart)->pressed (CPL_CHART (chart), 1, cpl_timeline_chart_date_x (chart, &date) + .5, y);
  assert_date (&picked, "2025-04-09");
  assert_date (cpl_timeline_chart_get_date (chart), "2025-04-09");

  /* at 1200 px the names stand left of the bars, whole: the longest,
   * "GB200 (per GPU)", some 100 px, is within a quarter of the chart */
  {
    GDate first;
    graphene_rect_t name;
    gboolean whole;

    cpl_timeline_chart_get_range (chart, &first, NULL);
    g_assert_true (cpl_timeline_chart_get_name_rect (chart, timeline_row (chart, "nvidia-gb200"), &name, &whole));
    g_assert_true (whole);
    g_assert_cmpfloat (name.origin.x + name.size.width, <, cpl_timeline_chart_date_x (chart, &first));
  }

  /* the keyboard steps through the rule changes: End is the last */
  g_assert_true (gtk_widget_activate_action (widget, "chart.last-change", NULL));
  assert_date (&picked, "2026-01-15");
  g_assert_true (gtk_widget_activate_action (widget, "chart.previous-change", NULL));
  assert_date (&picked, "2026-01-14");

  /* narrow, the chart still draws and no two dates overlap: some are
   * left out ("") rather than drawn over each other */
  gtk_window_set_default_size (GTK_WINDOW (window), 320, 600);
  wait_for_draw (widget);
  g_clear_pointer (&marks, g_strfreev);
  marks = cpl_timeline_chart_dup_mark_labels (chart);
  g_assert_cmpuint (g_strv_length (marks), ==, 7);
  /* the names stand over the bars (below), so the plot has some 274 px
   * for 1704 days (x 18 → 292): 2025-04-09 to 2026-01-15 is 281 days,
   * some 45 px, for five dates whose labels are 64 px wide, on three
   * lines: the earliest give way, the three latest keep theirs (the
   * December 2025 terms and the January 2026 rules); the first date
   * always has room.  2025-12-08 is written in full, the dates of its
   * year before it left out (a lone "12-08" read as of no year), and
   * 2026-01-15 by its month and day after 2026-01-14 */
  g_assert_cmpstr (marks[0], ==, "2022-10-07");
  g_assert_cmpstr (marks[2], ==, "");
  g_assert_cmpstr (marks[3], ==, "");
  g_assert_cmpstr (marks[4], ==, "2025-12-08");
  g_assert_cmpstr (marks[5], ==, "2026-01-14");
  g_assert_cmpstr (marks[6], ==, "01-15");
  assert_leads_clear (chart, 7);

  /* a quarter of 320 px is 80 px, less than "GB200 (per GPU)" or "A100
   * SXM4 80GB" need: every name stands whole over its bar, from the
   * plot's left edge (the range's first day), below the bar above it */
  {
    GDate first;
    graphene_rect_t name;
    gboolean whole;
    double mid, above;

    cpl_timeline_chart_get_range (chart, &first, NULL);
    for (guint r = 0; r < cpl_timeline_chart_get_n_rows (chart); r++)
      {
        g_assert_true (cpl_timeline_chart_get_name_rect (chart, r, &name, &whole));
        g_assert_true (whole);
        g_assert_cmpfloat_with_epsilon (name.origin.x, cpl_timeline_chart_date_x (chart, &first), .01);
        g_assert_true (cpl_timeline_chart_row_y (chart, r, &mid));
        g_assert_cmpfloat (name.origin.y + name.size.height, <, mid);
        if (r > 0)
          {
            g_assert_true (cpl_timeline_chart_row_y (chart, r - 1, &above));
            g_assert_cmpfloat (name.origin.y, >, above);
          }
      }
    /* and a tap on a bar still picks its row's span: H20's denied one */
    g_date_set_dmy (&date, 15, G_DATE_JUNE, 2025);
    g_assert_true (cpl_timeline_chart_row_y (chart, h20, &y));
    CPL_CHART_GET_CLASS (chart)->pressed (CPL_CHART (chart), 1, cpl_timeline_chart_date_x (chart, &date) + .5, y);
    assert_date (&picked, "2025-04-09");
  }

  /* the text (the legend's first) follows the theme: dark on light,
   * light on dark */
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_FORCE_LIGHT);
  wait_for_draw (widget);
  g_assert_cmpfloat (render (widget), <, .5);
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_FORCE_DARK);
  wait_for_draw (widget);
  g_assert_cmpfloat (render (widget), >, .5);
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_DEFAULT);

  /* without a dataset: no rows, and it still draws its text and marks
   * (render() counts them) without a warning */
  cpl_timeline_chart_set_dataset (chart, NULL);
  g_assert_cmpuint (cpl_timeline_chart_get_n_rows (chart), ==, 0);
  wait_for_draw (widget);
  render (widget);

  gtk_window_destroy (GTK_WINDOW (window));
}

/* ---- uncertainty: bands, dragging, tornado ---- */

/* A band reaches past the line: the y axis takes it in.  The line tops
 * out at 3; its P90 at 6, so the axis ends at 6 or above, and the P10 of
 * 0.5 is above 0, where the axis starts anyway.  Without the band the
 * axis fits the line alone: below 6 (3 rounds out to 3, 3.5 or 4). */
static void
test_line_band (void)
{
  GtkWidget *widget = cpl_chart_view_new_take (cpl_line_chart_new ());
  CplLineChart *chart = CPL_LINE_CHART (chart_of (widget));
  GtkWidget *window = window_with (widget, 600, 400);
  const double years[3] = { 2026, 2027, 2028 };
  const double y[3] = { 1, 2, 3 };
  const double low[3] = { .5, 1, 1.5 };
  const double high[3] = { 2, 4, 6 };
  double min, max;

  cpl_line_chart_set_x_integer (chart, TRUE);
  cpl_line_chart_add_series (chart, "Take", years, y, 3, CPL_LINE_STYLE_LINE);
  wait_for_draw (widget);
  cpl_line_chart_get_y_range (chart, &min, &max);
  g_assert_cmpfloat (max, <, 6);

  cpl_line_chart_set_series_band (chart, 0, low, high);
  wait_for_draw (widget);
  cpl_line_chart_get_y_range (chart, &min, &max);
  g_assert_cmpfloat (min, ==, 0);
  g_assert_cmpfloat (max, >=, 6);
  render_chart (widget);

  /* a share's band stays within the 100 % limit when it is under it */
  cpl_line_chart_clear (chart);
  cpl_line_chart_set_y_limit (chart, 1);
  cpl_line_chart_add_series (chart, "Share", years, (double[]) { .5, .6, .7 }, 3, CPL_LINE_STYLE_LINE);
  cpl_line_chart_set_series_band (chart, 0, (double[]) { .4, .5, .6 }, (double[]) { .6, .8, 1 });
  wait_for_draw (widget);
  cpl_line_chart_get_y_range (chart, &min, &max);
  g_assert_cmpfloat (max, ==, 1);

  /* removed: the line alone again */
  cpl_line_chart_clear (chart);
  cpl_line_chart_set_y_limit (chart, INFINITY);
  cpl_line_chart_add_series (chart, "Take", years, y, 3, CPL_LINE_STYLE_LINE);
  cpl_line_chart_set_series_band (chart, 0, low, high);
  cpl_line_chart_set_series_band (chart, 0, NULL, NULL);
  wait_for_draw (widget);
  cpl_line_chart_get_y_range (chart, &min, &max);
  g_assert_cmpfloat (max, <, 6);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* The text nodes under a rotation (the slanted names) into @texts, and
 * the outermost rotating transform nodes into @transforms. */
static void
collect_rotated_texts (GskRenderNode *node,
                       gboolean       rotated,
                       GPtrArray     *texts,
                       GPtrArray     *transforms)
{
  switch ((int) gsk_render_node_get_node_type (node))
    {
    case GSK_TEXT_NODE:
      if (rotated)
        g_ptr_array_add (texts, node);
      break;
    case GSK_CONTAINER_NODE:
      for (guint i = 0; i < gsk_container_node_get_n_children (node); i++)
        collect_rotated_texts (gsk_container_node_get_child (node, i), rotated, texts, transforms);
      break;
    case GSK_TRANSFORM_NODE:
      {
        gboolean rotates = gsk_transform_get_category (gsk_transform_node_get_transform (node))
                           < GSK_TRANSFORM_CATEGORY_2D_AFFINE;

        if (rotates && !rotated)
          g_ptr_array_add (transforms, node);
        collect_rotated_texts (gsk_transform_node_get_child (node), rotated || rotates, texts, transforms);
      }
      break;
    case GSK_CLIP_NODE:
      collect_rotated_texts (gsk_clip_node_get_child (node), rotated, texts, transforms);
      break;
    case GSK_DEBUG_NODE:
      collect_rotated_texts (gsk_debug_node_get_child (node), rotated, texts, transforms);
      break;
    default:
      break;
    }
}

/* The comparison's seven metrics on a chart @width wide, in a window
 * where it has the height it asks for. */
static GtkWidget *
metrics_chart (int         width,
               GtkWidget **window)
{
  static const char *categories[] = {
    "TPP", "BF16 (TFLOPS)", "Memory (GB)", "Bandwidth (TB/s)", "TFLOPS/W", "Price (USD)",
    "USD per PFLOP/s-year", NULL,
  };
  GtkWidget *widget = cpl_chart_view_new_take (cpl_bar_chart_new ());
  CplBarChart *chart = CPL_BAR_CHART (chart_of (widget));
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *spacer = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);

  cpl_bar_chart_set_categories (chart, categories);
  cpl_bar_chart_add_series (chart, "H200 SXM", (double[]) { 6.7, 6.7, 1.5, 1.2, 3.7, 2.2, .33 });
  cpl_bar_chart_add_series (chart, "B200", (double[]) { 15, 15, 1.9, 1.9, 5.8, 2.9, .19 });
  cpl_bar_chart_set_value_title (chart, "× H20");
  cpl_bar_chart_set_reference (chart, 1.0);
  cpl_bar_chart_set_log_scale (chart, TRUE);
  cpl_chart_set_min_height (CPL_CHART (chart), 320);
  gtk_widget_set_vexpand (spacer, TRUE);
  gtk_box_append (GTK_BOX (box), widget);
  gtk_box_append (GTK_BOX (box), spacer);
  *window = window_with (box, width, 1000);
  wait_for_draw (widget);
  return widget;
}

/* On a phone the seven metrics' names do not fit under their groups in
 * whole words ("Bandwidth" alone is wider than a 360 px chart's 40 px
 * groups): they slant, every one whole (the 20 characters of "USD per
 * PFLOP/s-year" are 20 glyphs, no "…"), under the plot and within the
 * chart, and the chart is that much deeper, so its plot is as tall as
 * on a wide chart, whose names stand level. */
static void
test_bar_slanted_names (void)
{
  GtkWidget *narrow_window, *wide_window;
  GtkWidget *narrow = metrics_chart (360, &narrow_window);
  GtkWidget *wide = metrics_chart (1000, &wide_window);
  g_autoptr(GskRenderNode) narrow_node = widget_node (narrow);
  g_autoptr(GskRenderNode) wide_node = widget_node (wide);
  g_autoptr(GPtrArray) texts = g_ptr_array_new ();
  g_autoptr(GPtrArray) transforms = g_ptr_array_new ();
  const graphene_rect_t *plot = &cpl_chart_get_frame (chart_of (narrow))->plot;
  double narrow_plot = plot->size.height;

  collect_rotated_texts (narrow_node, FALSE, texts, transforms);
  g_assert_cmpuint (texts->len, ==, 7);
  g_assert_cmpuint (transforms->len, ==, 7);
  g_assert_cmpuint (gsk_text_node_get_num_glyphs (g_ptr_array_index (texts, 6)), ==, 20);
  for (guint i = 0; i < transforms->len; i++)
    {
      graphene_rect_t bounds;

      gsk_render_node_get_bounds (g_ptr_array_index (transforms, i), &bounds);
      g_assert_cmpfloat (bounds.origin.x, >=, 0);
      g_assert_cmpfloat (bounds.origin.y, >=, plot->origin.y + plot->size.height);
      g_assert_cmpfloat (bounds.origin.y + bounds.size.height, <=, gtk_widget_get_height (narrow));
    }

  g_ptr_array_set_size (texts, 0);
  g_ptr_array_set_size (transforms, 0);
  collect_rotated_texts (wide_node, FALSE, texts, transforms);
  g_assert_cmpuint (texts->len, ==, 0);
  g_assert_cmpfloat (fabs (narrow_plot - cpl_chart_get_frame (chart_of (wide))->plot.size.height), <=, 1);

  gtk_window_destroy (GTK_WINDOW (narrow_window));
  gtk_window_destroy (GTK_WINDOW (wide_window));
}

/* @widget's cairo drawings as it draws them now: its fills, then its
 * lines; the caller has had it draw again. */
static void
cairo_drawings (GtkWidget      *widget,
                GskRenderNode **fills,
                GskRenderNode **lines)
{
  g_autoptr(GskRenderNode) node = widget_node (widget);
  g_autoptr(GPtrArray) found = g_ptr_array_new ();

  collect_nodes (node, GSK_CAIRO_NODE, found);
  g_assert_cmpuint (found->len, ==, 2);
  *fills = gsk_render_node_ref (g_ptr_array_index (found, 0));
  *lines = gsk_render_node_ref (g_ptr_array_index (found, 1));
}

static void
set_band_data (CplLineChart *chart,
               double        middle)
{
  const double years[3] = { 2026, 2027, 2028 };

  cpl_line_chart_clear (chart);
  cpl_line_chart_add_series (chart, "Take", years, (double[]) { 1, middle, 3 }, 3, CPL_LINE_STYLE_LINE);
  cpl_line_chart_set_series_band (chart, 0, (double[]) { .5, 1, 1.5 }, (double[]) { 2, 4, 6 });
}

/* A line chart drawn again with the same data shows the same cairo
 * drawings, so the renderer keeps their pixels; one value changed draws
 * its lines anew and keeps its band; dark mode draws both anew. */
static void
test_line_drawing_kept (void)
{
  AdwStyleManager *style = adw_style_manager_get_default ();
  GtkWidget *widget = cpl_chart_view_new_take (cpl_line_chart_new ());
  CplLineChart *chart = CPL_LINE_CHART (chart_of (widget));
  GtkWidget *window;
  g_autoptr(GskRenderNode) whole = NULL;
  g_autoptr(GskRenderNode) fills = NULL;
  g_autoptr(GskRenderNode) lines = NULL;
  g_autoptr(GskRenderNode) fills2 = NULL;
  g_autoptr(GskRenderNode) lines2 = NULL;
  g_autoptr(GskRenderNode) fills3 = NULL;
  g_autoptr(GskRenderNode) lines3 = NULL;
  g_autoptr(GskRenderNode) fills4 = NULL;
  g_autoptr(GskRenderNode) lines4 = NULL;

  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_FORCE_LIGHT);
  cpl_line_chart_set_x_integer (chart, TRUE);
  set_band_data (chart, 2);
  window = window_with (widget, 600, 400);
  whole = widget_node (widget);
  cairo_drawings (widget, &fills, &lines);

  /* the same data again: the chart draws anew, with the same drawings */
  set_band_data (chart, 2);
  wait_for_draw (widget);
  {
    g_autoptr(GskRenderNode) again = widget_node (widget);

    g_assert_true (again != whole);
  }
  cairo_drawings (widget, &fills2, &lines2);
  g_assert_true (fills2 == fills);
  g_assert_true (lines2 == lines);

  /* 2 → 2.5 in 2027, within the band (0.5–6): the axis and the band stay */
  set_band_data (chart, 2.5);
  wait_for_draw (widget);
  cairo_drawings (widget, &fills3, &lines3);
  g_assert_true (fills3 == fills);
  g_assert_true (lines3 != lines);

  /* other colours */
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_FORCE_DARK);
  wait_for_draw (widget);
  cairo_drawings (widget, &fills4, &lines4);
  g_assert_true (fills4 != fills3);
  g_assert_true (lines4 != lines3);

  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_DEFAULT);
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
record_x (CplLineChart *chart,
          double        x,
          GArray       *seen)
{
  g_array_append_val (seen, x);
}

/* A press at the pixel of the point at 30 % emits 0.3; dragging on by the
 * distance from 30 % to 50 % emits 0.5; dragging far past the right edge
 * emits the axis's end, 100 %.  A press off the plot (in the legend) emits
 * nothing, and nor does a chart that is not draggable. */
static void
test_line_drag (void)
{
  GtkWidget *widget = new_lines ();
  CplLineChart *chart = CPL_LINE_CHART (chart_of (widget));
  GtkWidget *window = window_with (widget, 600, 400);
  g_autoptr(GArray) seen = g_array_new (FALSE, FALSE, sizeof (double));
  GtkGesture *drag = GTK_GESTURE (cpl_test_find_controller (widget, GTK_TYPE_GESTURE_DRAG));
  double x3, x5, y;

  g_assert_nonnull (drag);
  g_signal_connect (chart, "x-dragged", G_CALLBACK (record_x), seen);
  g_assert_true (cpl_line_chart_point_position (chart, 0, 3, &x3, &y));
  g_assert_true (cpl_line_chart_point_position (chart, 0, 5, &x5, NULL));

  g_signal_emit_by_name (drag, "drag-begin", x3, y);
  g_assert_cmpuint (seen->len, ==, 0);  /* not draggable */

  cpl_line_chart_set_draggable (chart, TRUE);
  g_signal_emit_by_name (drag, "drag-begin", x3, y);
  g_assert_cmpuint (seen->len, ==, 1);
  g_assert_cmpfloat_with_epsilon (g_array_index (seen, double, 0), .3, 1e-9);
  g_signal_emit_by_name (drag, "drag-update", x5 - x3, 0.);
  g_assert_cmpuint (seen->len, ==, 2);
  g_assert_cmpfloat_with_epsilon (g_array_index (seen, double, 1), .5, 1e-9);
  g_signal_emit_by_name (drag, "drag-update", 5000., 0.);
  g_assert_cmpfloat_with_epsilon (g_array_index (seen, double, 2), 1, 1e-9);

  g_signal_emit_by_name (drag, "drag-begin", x3, 1.);
  g_signal_emit_by_name (drag, "drag-update", 10., 0.);
  g_assert_cmpuint (seen->len, ==, 3);

  /* the keys: the crosshair's first x, 0 %, then 10 % */
  gtk_widget_grab_focus (widget);
  g_assert_true (gtk_widget_activate_action (widget, "chart.next-x", NULL));
  g_assert_true (gtk_widget_activate_action (widget, "chart.next-x", NULL));
  g_assert_cmpuint (seen->len, ==, 5);
  g_assert_cmpfloat_with_epsilon (g_array_index (seen, double, 3), 0, 1e-12);
  g_assert_cmpfloat_with_epsilon (g_array_index (seen, double, 4), .1, 1e-12);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* On a phone a row's name takes three lines where its row has room for
 * them: "Domestic capacity growth 20%–60% a year" (its range kept whole,
 * as the app passes it) ended "20%–60% …" in two. */
static void
test_tornado_names_whole (void)
{
  GtkWidget *widget = cpl_chart_view_new_take (cpl_tornado_chart_new ());
  CplTornadoChart *chart = CPL_TORNADO_CHART (chart_of (widget));
  GtkWidget *window = window_with (widget, 330, 420);
  const char *names[] = { "Demand growth 10%–\u206060%\u00a0a year",
                          "Domestic capacity growth 20%–\u206060%\u00a0a year",
                          "Learning rate 5%–\u206025%", "Price sensitivity 1–\u20603" };

  cpl_tornado_chart_set_format (chart, format_percent, NULL, NULL);
  cpl_tornado_chart_set_bars (chart, 10, names, (double[]) { 5, 9, 10, 10 }, (double[]) { 20, 11, 10, 10 }, 4);
  wait_for_draw (widget);
  for (guint i = 0; i < 4; i++)
    {
      g_test_message ("“%s” whole: %d", cpl_tornado_chart_get_bar_name (chart, i),
                      cpl_tornado_chart_get_name_whole (chart, i));
      g_assert_true (cpl_tornado_chart_get_name_whole (chart, i));
    }
  gtk_window_destroy (GTK_WINDOW (window));
}

/* Swings: "a" 11 − 9 = 2, "b" 20 − 5 = 15, "c" 10 − 10 = 0, "d" 12 − 10
 * = 2: ranked b, a, d (a and d tie, in the given order), then c.  The
 * widest bar spans from 5 to 20, across the point at 10; the one without
 * effect is a line at the point. */
static void
test_tornado_order (void)
{
  GtkWidget *widget = cpl_chart_view_new_take (cpl_tornado_chart_new ());
  CplTornadoChart *chart = CPL_TORNADO_CHART (chart_of (widget));
  GtkWidget *window = window_with (widget, 600, 400);
  const char *names[] = { "a", "b", "c", "d" };
  double left, right, y, prev_y = -1, point_x;

  g_assert_cmpint (gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (widget)), ==, GTK_ACCESSIBLE_ROLE_IMG);
  cpl_tornado_chart_set_format (chart, format_percent, NULL, NULL);
  cpl_tornado_chart_set_bars (chart, 10, names, (double[]) { 9, 5, 10, 10 }, (double[]) { 11, 20, 10, 12 }, 4);
  wait_for_draw (widget);

  g_assert_cmpuint (cpl_tornado_chart_get_n_bars (chart), ==, 4);
  g_assert_cmpstr (cpl_tornado_chart_get_bar_name (chart, 0), ==, "b");
  g_assert_cmpstr (cpl_tornado_chart_get_bar_name (chart, 1), ==, "a");
  g_assert_cmpstr (cpl_tornado_chart_get_bar_name (chart, 2), ==, "d");
  g_assert_cmpstr (cpl_tornado_chart_get_bar_name (chart, 3), ==, "c");

  point_x = cpl_tornado_chart_point_x (chart);
  for (guint i = 0; i < 4; i++)
    {
      g_assert_true (cpl_tornado_chart_bar_extent (chart, i, &left, &right, &y));
      g_assert_cmpfloat (y, >, prev_y);  /* top to bottom */
      prev_y = y;
      g_assert_cmpfloat (left, <=, point_x);
      g_assert_cmpfloat (right, >=, point_x);
    }
  g_assert_true (cpl_tornado_chart_bar_extent (chart, 0, &left, &right, &y));
  /* 5 … 20 is 15 / 2 = 7.5 times as wide as 9 … 11 */
  {
    double wide = right - left, narrow;

    g_assert_true (cpl_tornado_chart_bar_extent (chart, 1, &left, &right, &y));
    narrow = right - left;
    g_assert_cmpfloat_with_epsilon (wide / narrow, 7.5, .01);
  }
  g_assert_true (cpl_tornado_chart_bar_extent (chart, 3, &left, &right, &y));
  g_assert_cmpfloat_with_epsilon (left, point_x, 1e-9);
  g_assert_cmpfloat_with_epsilon (right, point_x, 1e-9);
  render_chart (widget);
  /* and says so in a word beside the point: one text more than when c
   * moves the total a little (9.5–10); as when it moves it by rounding
   * alone, 10 × (1 ± 1e-15), as a projection run again may */
  {
    guint with_note = n_texts (widget);

    cpl_tornado_chart_set_bars (chart, 10, names, (double[]) { 9, 5, 10 * (1 - 1e-15), 10 },
                                (double[]) { 11, 20, 10 * (1 + 1e-15), 12 }, 4);
    wait_for_draw (widget);
    g_assert_cmpuint (n_texts (widget), ==, with_note);

    cpl_tornado_chart_set_bars (chart, 10, names, (double[]) { 9, 5, 9.5, 10 }, (double[]) { 11, 20, 10, 12 }, 4);
    wait_for_draw (widget);
    g_assert_cmpuint (n_texts (widget), ==, with_note - 1);
  }

  /* an input that moves the total by 0.001 of an axis of 15 (5 … 20)
   * over a plot some hundreds of pixels wide, a fraction of a pixel: its
   * bar is still drawn, 2 px to each side it moves, and a note gives the
   * change, "±0.001" (a row left blank read as a failed bar) */
  {
    guint without_note;

    cpl_tornado_chart_set_bars (chart, 10, names, (double[]) { 9, 5, 9.5, 10 }, (double[]) { 11, 20, 10, 12 }, 4);
    wait_for_draw (widget);
    without_note = n_texts (widget);
    cpl_tornado_chart_set_bars (chart, 10, names, (double[]) { 9, 5, 9.999, 10 }, (double[]) { 11, 20, 10.0005, 12 }, 4);
    wait_for_draw (widget);
    g_assert_cmpstr (cpl_tornado_chart_get_bar_name (chart, 3), ==, "c");
    g_assert_true (cpl_tornado_chart_bar_extent (chart, 3, &left, &right, &y));
    point_x = cpl_tornado_chart_point_x (chart);
    g_assert_cmpfloat_with_epsilon (left, point_x - 2, 1e-9);
    g_assert_cmpfloat_with_epsilon (right, point_x + 2, 1e-9);
    g_assert_cmpuint (n_texts (widget), ==, without_note + 1);
    /* the note "small effect: ±0.001 at most" runs some 170 px right
     * of the point's line, past the gridline 2.5 further (some 75 px):
     * the gridline breaks there, not through its words */
    g_assert_false (gridline_crosses_text (widget));
  }

  cpl_tornado_chart_set_bars (chart, 0, NULL, NULL, NULL, 0);
  wait_for_draw (widget);
  g_assert_false (cpl_tornado_chart_bar_extent (chart, 0, &left, &right, &y));
  gtk_window_destroy (GTK_WINDOW (window));
}

/* On a phone a tornado's axis title takes two lines rather than lose
 * its end: "Compute gap, all years (PFLOP/s), now 11,518,840 PFLOP/s"
 * read "…, now 1…" in a chart 320 px wide.  The second line takes room
 * from the plot, which its rows share: the last row's bar stands higher
 * (some 10 px). */
static void
test_tornado_title_lines (void)
{
  GtkWidget *widget = cpl_chart_view_new_take (cpl_tornado_chart_new ());
  CplTornadoChart *chart = CPL_TORNADO_CHART (chart_of (widget));
  GtkWidget *window = window_with (widget, 320, 400);
  const char *names[] = { "a", "b" };
  double left, right, one_line, two_lines;

  cpl_tornado_chart_set_bars (chart, 10, names, (double[]) { 9, 5 }, (double[]) { 11, 20 }, 2);
  cpl_tornado_chart_set_value_title (chart, "Compute gap");
  wait_for_draw (widget);
  g_assert_true (cpl_tornado_chart_bar_extent (chart, 1, &left, &right, &one_line));
  cpl_tornado_chart_set_value_title (chart, "Compute gap, all years (PFLOP/\u2060s), now 11,518,840\u00a0PFLOP/\u2060s");
  wait_for_draw (widget);
  g_assert_true (cpl_tornado_chart_bar_extent (chart, 1, &left, &right, &two_lines));
  g_test_message ("last bar at %.1f, then %.1f", one_line, two_lines);
  g_assert_cmpfloat (two_lines, <, one_line - 4);
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
count_update (CplChart *chart,
              guint     what,
              guint    *count)
{
  if (what & (CPL_CHART_UPDATE_DRAW | CPL_CHART_UPDATE_SIZE))
    (*count)++;
}

static const double fill_x[] = { 2026, 2027, 2028 };
static const double fill_low[] = { .5, 1.5, 2.5 };
static const double fill_high[] = { 1.5, 2.5, 3.5 };

/* Fills @line as a scenario's chart is filled again: cleared, then a
 * series @name of values @y, with a band or not, and a marker @marker,
 * in one batch. */
static void
refill_line (CplChart     *line,
             const char   *name,
             const double *y,
             gboolean      band,
             const char   *marker)
{
  cpl_chart_freeze_updates (line);
  cpl_line_chart_clear (CPL_LINE_CHART (line));
  cpl_line_chart_add_series (CPL_LINE_CHART (line), name, fill_x, y, 3, CPL_LINE_STYLE_LINE);
  if (band)
    cpl_line_chart_set_series_band (CPL_LINE_CHART (line), 0, fill_low, fill_high);
  cpl_line_chart_add_marker (CPL_LINE_CHART (line), 2027, marker);
  cpl_chart_thaw_updates (line);
}

/* Issue #16: a chart filled again with what it shows (clear, then the
 * same series, as every edit fills a scenario's charts) asks its view for
 * nothing, so the view keeps its drawing; a batch that changes something
 * asks once. */
static void
test_fill_unchanged (void)
{
  static const double y[] = { 1, 2, 3 };
  static const double y2[] = { 1, 2, 4 };
  static const char * const years[] = { "2026", "2027", "2028", NULL };
  static const char * const names[] = { "a", "b" };
  static const double lows[] = { 1, 2 };
  static const double highs[] = { 3, 2.5 };
  g_autoptr(CplChart) line = cpl_line_chart_new ();
  g_autoptr(CplChart) bar = cpl_bar_chart_new ();
  g_autoptr(CplChart) tornado = cpl_tornado_chart_new ();
  guint line_updates = 0, bar_updates = 0, tornado_updates = 0;

  g_signal_connect (line, "update", G_CALLBACK (count_update), &line_updates);
  g_signal_connect (bar, "update", G_CALLBACK (count_update), &bar_updates);
  g_signal_connect (tornado, "update", G_CALLBACK (count_update), &tornado_updates);

  /* unfrozen, every call asks: add, band, marker */
  cpl_line_chart_add_series (CPL_LINE_CHART (line), "take", fill_x, y, 3, CPL_LINE_STYLE_LINE);
  cpl_line_chart_set_series_band (CPL_LINE_CHART (line), 0, fill_low, fill_high);
  cpl_line_chart_add_marker (CPL_LINE_CHART (line), 2027, "here");
  g_assert_cmpuint (line_updates, ==, 3);

  /* the same again in a batch: nothing */
  refill_line (line, "take", y, TRUE, "here");
  g_assert_cmpuint (line_updates, ==, 3);
  /* each of a value, a band, a marker's label, a name: one update a batch */
  refill_line (line, "take", y2, TRUE, "here");
  g_assert_cmpuint (line_updates, ==, 4);
  refill_line (line, "take", y2, FALSE, "here");
  g_assert_cmpuint (line_updates, ==, 5);
  refill_line (line, "take", y2, FALSE, "there");
  g_assert_cmpuint (line_updates, ==, 6);
  refill_line (line, "gap", y2, FALSE, "there");
  g_assert_cmpuint (line_updates, ==, 7);
  refill_line (line, "gap", y2, FALSE, "there");
  g_assert_cmpuint (line_updates, ==, 7);

  /* bars: categories and series again, the same; then a colour */
  cpl_bar_chart_set_categories (CPL_BAR_CHART (bar), years);
  cpl_bar_chart_add_series (CPL_BAR_CHART (bar), "X", y);
  g_assert_cmpuint (bar_updates, ==, 2);
  cpl_chart_freeze_updates (bar);
  cpl_bar_chart_set_categories (CPL_BAR_CHART (bar), years);
  cpl_bar_chart_add_series (CPL_BAR_CHART (bar), "X", y);
  cpl_chart_thaw_updates (bar);
  g_assert_cmpuint (bar_updates, ==, 2);
  cpl_chart_freeze_updates (bar);
  cpl_bar_chart_set_categories (CPL_BAR_CHART (bar), years);
  cpl_bar_chart_add_series (CPL_BAR_CHART (bar), "X", y);
  cpl_bar_chart_set_series_color (CPL_BAR_CHART (bar), 0, 3);
  cpl_chart_thaw_updates (bar);
  g_assert_cmpuint (bar_updates, ==, 3);

  /* the tornado: the same bars, then another point */
  cpl_tornado_chart_set_bars (CPL_TORNADO_CHART (tornado), 2, names, lows, highs, 2);
  g_assert_cmpuint (tornado_updates, ==, 1);
  cpl_chart_freeze_updates (tornado);
  cpl_tornado_chart_set_bars (CPL_TORNADO_CHART (tornado), 2, names, lows, highs, 2);
  cpl_chart_thaw_updates (tornado);
  g_assert_cmpuint (tornado_updates, ==, 1);
  cpl_chart_freeze_updates (tornado);
  cpl_tornado_chart_set_bars (CPL_TORNADO_CHART (tornado), 2.25, names, lows, highs, 2);
  cpl_chart_thaw_updates (tornado);
  g_assert_cmpuint (tornado_updates, ==, 2);
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
  g_test_add_func ("/charts/scatter/log-titles", test_scatter_log_titles);
  g_test_add_func ("/charts/scatter/hidden-names", test_scatter_hidden_names);
  g_test_add_func ("/charts/scatter/hidden-note-outside", test_scatter_hidden_note_outside);
  g_test_add_func ("/charts/scatter/hidden-note-inside", test_scatter_hidden_note_inside);
  g_test_add_func ("/charts/scatter/names-apart", test_scatter_names_apart);
  g_test_add_func ("/charts/scatter/names-released-first", test_scatter_names_released_first);
  g_test_add_func ("/charts/scatter/region-tooltip", test_scatter_region_tooltip);
  g_test_add_func ("/charts/scatter/statuses", test_scatter_statuses);
  g_test_add_func ("/charts/bar/value-gap", test_bar_value_gap);
  g_test_add_func ("/charts/bar/log-scale", test_bar_log_scale);
  g_test_add_func ("/charts/bar/slanted-names", test_bar_slanted_names);
  g_test_add_func ("/charts/legend-wraps", test_legend_wraps);
  g_test_add_func ("/charts/ticks-two-at-least", test_ticks_two_at_least);
  g_test_add_func ("/charts/line/bands-legend", test_line_bands_legend);
  g_test_add_func ("/charts/zero-note", test_zero_note);
  g_test_add_func ("/charts/bar-numbers", test_bar_numbers);
  g_test_add_func ("/charts/scatter/hit-test", test_scatter_hit);
  g_test_add_func ("/charts/scatter/same-spot", test_scatter_same_spot);
  g_test_add_func ("/charts/scatter/names-clear-edges", test_scatter_names_clear_edges);
  g_test_add_func ("/charts/scatter/same-spot-statuses", test_scatter_same_spot_statuses);
  g_test_add_func ("/charts/scatter/keyboard", test_scatter_keyboard);
  g_test_add_func ("/charts/bar/hit-test", test_bar_hit);
  g_test_add_func ("/charts/bar/stacked", test_bar_stacked);
  g_test_add_func ("/charts/bar/stacked-total-above", test_bar_stacked_total_above);
  g_test_add_func ("/charts/format/trim-decimals", test_trim_decimals);
  g_test_add_func ("/charts/format/value-format", test_value_format);
  g_test_add_func ("/charts/format/distinct-labels", test_distinct_labels);
  g_test_add_func ("/charts/color/same-chip-two-charts", test_color_same_chip);
  g_test_add_func ("/charts/color/contrast", test_color_contrast);
  g_test_add_func ("/charts/color/pinned", test_color_pinned);
  g_test_add_func ("/charts/color/scenario-families", test_color_scenario_families);
  g_test_add_func ("/charts/format/small-and-zero-ticks", test_small_and_zero_ticks);
  g_test_add_func ("/charts/line/positions", test_line_positions);
  g_test_add_func ("/charts/line/y-limit", test_line_y_limit);
  g_test_add_func ("/charts/line/marker-halo", test_line_marker_halo);
  g_test_add_func ("/charts/line/nan-breaks", test_line_nan_breaks);
  g_test_add_func ("/charts/line/keyboard", test_line_keyboard);
  g_test_add_func ("/charts/render", test_render);
  g_test_add_func ("/charts/line/render", test_line_render);
  g_test_add_func ("/charts/timeline/spans", test_timeline_spans);
  g_test_add_func ("/charts/line/band", test_line_band);
  g_test_add_func ("/charts/line/drawing-kept", test_line_drawing_kept);
  g_test_add_func ("/charts/line/drag", test_line_drag);
  g_test_add_func ("/charts/tornado/order", test_tornado_order);
  g_test_add_func ("/charts/tornado/names-whole", test_tornado_names_whole);
  g_test_add_func ("/charts/tornado/title-lines", test_tornado_title_lines);
  g_test_add_func ("/charts/fill-unchanged", test_fill_unchanged);

  return g_test_run ();
}
