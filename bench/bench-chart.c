/* bench-chart.c: issue #16's row "one chart snapshot (1000×600)".
 *
 * The chart: a CplLineChart of 5 series × 10 years, each with a band,
 * markers, a legend and both axis titles, laid out at 1000×600 with the
 * headless pango-cairo context cpl_chart_draw() uses (no display).  One
 * snapshot is what a redraw costs (a hover, the cursor, a theme's frame):
 * cpl_chart_snapshot() into a new GtkSnapshot, to its render node.
 *
 * The baseline, "a plain snapshot of the same primitives": the chart's
 * own node tree, walked once, is replayed into a new GtkSnapshot node by
 * node: the same colour, border, rounded-clip, clip, transform, opacity
 * and cairo nodes with the same geometry (a cairo node replays its
 * recording), and for each text node one of the chart's strings laid
 * out beforehand and appended with gtk_snapshot_append_layout(), as a
 * renderer that caches its layouts would.
 *
 * Both run ITERATIONS times per round, interleaved (chart, plain, chart,
 * …) for ROUNDS rounds; it prints the median µs of each and the row in
 * bench-model's table format.  --nodes prints the node counts.
 */
#include "config.h"

#include <math.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "bench-util.h"
#include "widgets/cpl-chart.h"
#include "widgets/cpl-chart-private.h"
#include "widgets/cpl-line-chart.h"

#define WIDTH      1000
#define HEIGHT     600
#define N_SERIES   5
#define N_YEARS    10
#define ROUNDS     15
#define ITERATIONS 200
#define GOAL       3.

/* The chart -------------------------------------------------------------- */

static const char * const series_names[N_SERIES] = {
  "Full ban", "Status quo", "Licensed sales with a 15% share", "Threshold at 4800 TPP", "Allied controls only",
};

static CplChart *
new_chart (void)
{
  CplLineChart *chart = CPL_LINE_CHART (cpl_line_chart_new ());

  cpl_line_chart_set_axes (chart, "Year", "Domestic share of the AI-chip market");
  cpl_line_chart_set_x_integer (chart, TRUE);
  for (guint s = 0; s < N_SERIES; s++)
    {
      double x[N_YEARS], y[N_YEARS], low[N_YEARS], high[N_YEARS];
      guint index;

      for (guint i = 0; i < N_YEARS; i++)
        {
          x[i] = 2026 + i;
          y[i] = 0.2 + 0.05 * s + 0.04 * i + 0.01 * sin (i + s);
          low[i] = y[i] - 0.03 - 0.005 * i;
          high[i] = y[i] + 0.03 + 0.005 * i;
        }
      index = cpl_line_chart_add_series (chart, series_names[s], x, y, N_YEARS,
                                         s == 1 ? CPL_LINE_STYLE_DASHED : CPL_LINE_STYLE_LINE);
      cpl_line_chart_set_series_band (chart, index, low, high);
    }
  cpl_line_chart_add_marker (chart, 2027, "Rule in force");
  cpl_line_chart_add_marker (chart, 2030, "Review");
  cpl_chart_set_size (CPL_CHART (chart), WIDTH, HEIGHT);
  return CPL_CHART (chart);
}

static GskRenderNode *
chart_snapshot (CplChart *chart)
{
  GtkSnapshot *snapshot = gtk_snapshot_new ();

  cpl_chart_snapshot (chart, snapshot);
  return gtk_snapshot_free_to_node (snapshot);
}

/* The plain replay ------------------------------------------------------- */

typedef struct
{
  GPtrArray *layouts;                 /* the chart's strings, laid out once */
  guint      next_layout;
  guint      counts[GSK_CONIC_GRADIENT_NODE + 16];
} Plain;

static void
replay (Plain         *plain,
        GskRenderNode *node,
        GtkSnapshot   *snapshot,
        gboolean       count)
{
  GskRenderNodeType type = gsk_render_node_get_node_type (node);

  if (count && type < G_N_ELEMENTS (plain->counts))
    plain->counts[type]++;

  switch (type)
    {
    case GSK_CONTAINER_NODE:
      for (guint i = 0; i < gsk_container_node_get_n_children (node); i++)
        replay (plain, gsk_container_node_get_child (node, i), snapshot, count);
      break;

    case GSK_TRANSFORM_NODE:
      gtk_snapshot_save (snapshot);
      gtk_snapshot_transform (snapshot, gsk_transform_node_get_transform (node));
      replay (plain, gsk_transform_node_get_child (node), snapshot, count);
      gtk_snapshot_restore (snapshot);
      break;

    case GSK_CLIP_NODE:
      gtk_snapshot_push_clip (snapshot, gsk_clip_node_get_clip (node));
      replay (plain, gsk_clip_node_get_child (node), snapshot, count);
      gtk_snapshot_pop (snapshot);
      break;

    case GSK_ROUNDED_CLIP_NODE:
      gtk_snapshot_push_rounded_clip (snapshot, gsk_rounded_clip_node_get_clip (node));
      replay (plain, gsk_rounded_clip_node_get_child (node), snapshot, count);
      gtk_snapshot_pop (snapshot);
      break;

    case GSK_OPACITY_NODE:
      gtk_snapshot_push_opacity (snapshot, gsk_opacity_node_get_opacity (node));
      replay (plain, gsk_opacity_node_get_child (node), snapshot, count);
      gtk_snapshot_pop (snapshot);
      break;

    case GSK_COLOR_NODE:
      {
        graphene_rect_t bounds;

        gsk_render_node_get_bounds (node, &bounds);
        gtk_snapshot_append_color (snapshot, gsk_color_node_get_color (node), &bounds);
      }
      break;

    case GSK_BORDER_NODE:
      gtk_snapshot_append_border (snapshot, gsk_border_node_get_outline (node),
                                  gsk_border_node_get_widths (node), gsk_border_node_get_colors (node));
      break;

    case GSK_CAIRO_NODE:
      {
        graphene_rect_t bounds;
        cairo_t *cr;

        gsk_render_node_get_bounds (node, &bounds);
        cr = gtk_snapshot_append_cairo (snapshot, &bounds);
        cairo_set_source_surface (cr, gsk_cairo_node_get_surface (node), 0, 0);
        cairo_paint (cr);
        cairo_destroy (cr);
      }
      break;

    case GSK_TEXT_NODE:
      {
        const graphene_point_t *offset = gsk_text_node_get_offset (node);
        PangoLayout *layout = g_ptr_array_index (plain->layouts, plain->next_layout++ % plain->layouts->len);
        GdkRGBA color = *gsk_text_node_get_color (node);

        gtk_snapshot_save (snapshot);
        gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (offset->x, offset->y));
        gtk_snapshot_append_layout (snapshot, layout, &color);
        gtk_snapshot_restore (snapshot);
      }
      break;

    default:
      /* a node the chart does not make: as it is */
      gtk_snapshot_append_node (snapshot, node);
      break;
    }
}

static GskRenderNode *
plain_snapshot (Plain         *plain,
                GskRenderNode *tree)
{
  GtkSnapshot *snapshot = gtk_snapshot_new ();

  plain->next_layout = 0;
  replay (plain, tree, snapshot, FALSE);
  return gtk_snapshot_free_to_node (snapshot);
}

/* The chart's strings: legend, axis titles, tick labels, markers. */
static GPtrArray *
chart_layouts (CplChart *chart)
{
  GPtrArray *layouts = g_ptr_array_new_with_free_func (g_object_unref);
  PangoContext *context = cpl_chart_get_pango_context (chart);
  g_auto(GStrv) x_ticks = cpl_chart_dup_tick_labels (chart, GTK_ORIENTATION_HORIZONTAL);
  g_auto(GStrv) y_ticks = cpl_chart_dup_tick_labels (chart, GTK_ORIENTATION_VERTICAL);

  for (guint s = 0; s < N_SERIES; s++)
    g_ptr_array_add (layouts, cpl_chart_layout_new (context, series_names[s], CPL_CHART_FONT_LABEL));
  g_ptr_array_add (layouts, cpl_chart_layout_new (context, "Domestic share of the AI-chip market",
                                                  CPL_CHART_FONT_TITLE));
  g_ptr_array_add (layouts, cpl_chart_layout_new (context, "Year", CPL_CHART_FONT_TITLE));
  for (guint i = 0; y_ticks != NULL && y_ticks[i] != NULL; i++)
    g_ptr_array_add (layouts, cpl_chart_layout_new (context, y_ticks[i], CPL_CHART_FONT_LABEL));
  for (guint i = 0; x_ticks != NULL && x_ticks[i] != NULL; i++)
    g_ptr_array_add (layouts, cpl_chart_layout_new (context, x_ticks[i], CPL_CHART_FONT_LABEL));
  g_ptr_array_add (layouts, cpl_chart_layout_new (context, "Rule in force", CPL_CHART_FONT_LABEL));
  g_ptr_array_add (layouts, cpl_chart_layout_new (context, "Review", CPL_CHART_FONT_LABEL));
  /* laid out now, not in the timed loop */
  for (guint i = 0; i < layouts->len; i++)
    pango_layout_get_pixel_size (g_ptr_array_index (layouts, i), NULL, NULL);
  return layouts;
}

int
main (int   argc,
      char *argv[])
{
  gboolean print_nodes = argc > 1 && g_str_equal (argv[1], "--nodes");
  g_autoptr(CplChart) chart = NULL;
  GskRenderNode *tree;
  Plain plain = { 0 };
  double app[ROUNDS], base[ROUNDS], app_us, base_us;
  g_autofree char *what = NULL;
  g_autofree char *app_text = NULL;
  g_autofree char *base_text = NULL;

  cpl_chart_ensure_headless ();
  chart = new_chart ();
  /* the first snapshot lays the chart out; the row is a redraw */
  tree = chart_snapshot (chart);
  plain.layouts = chart_layouts (chart);
  gsk_render_node_unref (plain_snapshot (&plain, tree));

  if (print_nodes)
    {
      GtkSnapshot *snapshot = gtk_snapshot_new ();
      g_autoptr(GEnumClass) types = g_type_class_ref (GSK_TYPE_RENDER_NODE_TYPE);

      replay (&plain, tree, snapshot, TRUE);
      gsk_render_node_unref (gtk_snapshot_free_to_node (snapshot));
      for (guint t = 0; t < G_N_ELEMENTS (plain.counts); t++)
        if (plain.counts[t] > 0)
          printf ("%s: %u\n", g_enum_get_value (types, t)->value_nick, plain.counts[t]);
      printf ("%u layouts\n", plain.layouts->len);
    }

  for (guint r = 0; r < ROUNDS; r++)
    {
      double start = bench_cpu_us ();

      for (guint i = 0; i < ITERATIONS; i++)
        gsk_render_node_unref (chart_snapshot (chart));
      app[r] = (bench_cpu_us () - start) / ITERATIONS;

      start = bench_cpu_us ();
      for (guint i = 0; i < ITERATIONS; i++)
        gsk_render_node_unref (plain_snapshot (&plain, tree));
      base[r] = (bench_cpu_us () - start) / ITERATIONS;
    }
  app_us = bench_median (app, ROUNDS);
  base_us = bench_median (base, ROUNDS);

  what = g_strdup_printf ("one chart snapshot (%d×%d, %d series × %d years with bands)", WIDTH, HEIGHT,
                          N_SERIES, N_YEARS);
  app_text = g_strdup_printf ("%.0f µs", app_us);
  base_text = g_strdup_printf ("a plain snapshot of the same primitives: %.0f µs", base_us);
  bench_row (what, app_text, base_text, app_us / base_us, GOAL);

  gsk_render_node_unref (tree);
  g_ptr_array_unref (plain.layouts);
  return 0;
}
