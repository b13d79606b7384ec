/* cpl-line-chart.c: values along a numeric axis, as lines
 *
 * Each series is a polyline through its points, in the order given (x
 * ascending); a point whose x or y is NaN breaks the line there.  A
 * series is drawn solid, dashed (a comparison scenario), as steps, or as
 * an area: a line over a translucent fill down to zero.  Markers are
 * dashed vertical lines with a label near the top of the plot, moved to
 * another row when it would cover another label or a line.
 *
 * The horizontal axis spans the data exactly, so lines run from edge to
 * edge; the vertical axis starts at zero unless values go below it, and
 * ends on a round tick.
 *
 * A series may carry a band (P10–P90 of a Monte Carlo run): a translucent
 * fill in its colour from its low to its high values, behind the lines,
 * within the y range, said in the tooltip and, once, in the legend; an
 * area series with a band is drawn as a line over it.  A span shades a range of
 * x over the plot's height in grey, behind everything, with an entry in
 * the legend (where the vendor sells at a loss).
 *
 * Hovering shows a crosshair at the nearest x value and a tooltip with
 * every series' value there.  Keyboard: Left/Right (Home/End) move the
 * crosshair between x values; the values then show in a box next to it,
 * as tooltips do not follow the keyboard.  A chart set draggable emits
 * CplLineChart::x-dragged with the x under the pointer as it is pressed
 * and dragged on the plot, and with the crosshair's x as the keys move it.
 *
 * The lines and the fills under them are drawn with cairo, each kept
 * from frame to frame as a CplChartDrawing (a hover draws again only its
 * crosshair); everything else with GtkSnapshot nodes.
 */
#define G_LOG_DOMAIN "cpl-line-chart"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "cpl-format.h"
#include "cpl-chart-private.h"
#include "cpl-line-chart.h"

#define LINE_WIDTH     2.
#define POINT_RADIUS   4.
#define DOT_RADIUS     2.5            /* the dots of cpl_line_chart_set_show_points() */
#define HIT_SLACK      8.
/* Right of the plot: room for the last x tick label to overhang. */
#define RIGHT_MARGIN   (CPL_CHART_PADDING + 12)
/* Left of it: the first x label may overhang this much, up to where the
 * lowest value label ends. */
#define LEFT_SLACK     (CPL_CHART_LABEL_GAP + 2.)
#define MARKER_ROWS    4
#define READOUT_PAD    8.
#define READOUT_SWATCH CPL_CHART_LEGEND_SWATCH
/* The length of each line's turn where lines lie on one another */
#define SHARED_DASH    8.
/* Between two marker labels side by side */
#define LABEL_GAP      6.

typedef struct
{
  char         *name;
  double       *x;
  double       *y;
  guint         n;
  CplLineStyle  style;
  int           color;                /* a CplChartColor, or -1 for the series' own */
  double       *band_low;             /* NULL, or n values: the band under the line */
  double       *band_high;
} Series;

typedef struct
{
  double  x;
  char   *label;
} Marker;

struct _CplLineChart
{
  CplChart   parent_instance;

  char      *x_title;
  char      *y_title;
  gboolean   x_integer;
  double     y_limit;                 /* the y axis ends there while the data stays within (a share: 1) */
  CplChartAxis y_axis;                /* as last laid out */

  GPtrArray *series;
  GPtrArray *markers;
  GArray    *marker_places;           /* graphene_rect_t per marker, as last drawn; empty: none */
  double     span_from;               /* a shaded range of x, or NaN */
  double     span_to;
  char      *span_label;              /* its legend entry */
  char      *band_legend;             /* "P10–P90 range of …", as last built */
  GArray    *xs;                      /* distinct x values of drawn points, ascending: use xs () */
  gboolean   xs_valid;                /* FALSE: the series changed since xs was made */

  int        hover;                   /* an index into xs, or -1 */
  int        cursor;                  /* the keyboard's, or -1 */

  gboolean   draggable;
  gboolean   show_points;             /* a dot on each point */
  double     drag_start_x;            /* where the drag began, in widget pixels */

  CplChartDrawing fills;              /* as last drawn, kept for the next frame */
  CplChartDrawing lines;
};

enum {
  SIGNAL_X_DRAGGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_ENUM_TYPE (CplLineStyle, cpl_line_style,
                    G_DEFINE_ENUM_VALUE (CPL_LINE_STYLE_LINE, "line"),
                    G_DEFINE_ENUM_VALUE (CPL_LINE_STYLE_DASHED, "dashed"),
                    G_DEFINE_ENUM_VALUE (CPL_LINE_STYLE_AREA, "area"),
                    G_DEFINE_ENUM_VALUE (CPL_LINE_STYLE_STEPS, "steps"))

G_DEFINE_FINAL_TYPE (CplLineChart, cpl_line_chart, CPL_TYPE_CHART)

#define FRAME(self)   (cpl_chart_get_frame (CPL_CHART (self)))
#define PALETTE(self) (cpl_chart_get_palette (CPL_CHART (self)))

static void
series_free (gpointer data)
{
  Series *series = data;

  g_free (series->name);
  g_free (series->x);
  g_free (series->y);
  g_free (series->band_low);
  g_free (series->band_high);
  g_free (series);
}

static void
marker_free (gpointer data)
{
  Marker *marker = data;

  g_free (marker->label);
  g_free (marker);
}

static gboolean
point_defined (const Series *series,
               guint         i)
{
  return isfinite (series->x[i]) && isfinite (series->y[i]);
}

/* Whether point @i has a band to draw, and its ends. */
static gboolean
band_defined (const Series *series,
              guint         i)
{
  return series->band_low != NULL && point_defined (series, i)
         && isfinite (series->band_low[i]) && isfinite (series->band_high[i]);
}

/* Whether @series has a band with some width: a range whose P10 and P90
 * are one value everywhere (a full ban's 100%) draws nothing to name. */
static gboolean
band_has_width (const Series *series)
{
  for (guint i = 0; i < series->n; i++)
    if (band_defined (series, i) && series->band_high[i] - series->band_low[i] > 1e-9 * MAX (fabs (series->band_high[i]), 1))
      return TRUE;
  return FALSE;
}

static const GdkRGBA *
series_color (CplLineChart *self,
              guint         index)
{
  const Series *series = g_ptr_array_index (self->series, index);

  return cpl_chart_palette_series (PALETTE (self), series->color >= 0 ? (guint) series->color : index);
}

static gboolean
same_x (double a,
        double b)
{
  return fabs (a - b) <= 1e-9 * MAX (1., MAX (fabs (a), fabs (b)));
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a;
  double y = *(const double *) b;

  return x < y ? -1 : x > y ? 1 : 0;
}

/* The distinct x values at which some series has a point to show,
 * ascending: sorted when first needed after the series change, not on
 * every add_series (a comparison of many scenarios adds one by one). */
static GArray *
xs (CplLineChart *self)
{
  g_autoptr(GArray) all = NULL;

  if (self->xs_valid)
    return self->xs;

  all = g_array_new (FALSE, FALSE, sizeof (double));

  for (guint s = 0; s < self->series->len; s++)
    {
      const Series *series = g_ptr_array_index (self->series, s);

      for (guint i = 0; i < series->n; i++)
        if (point_defined (series, i))
          g_array_append_val (all, series->x[i]);
    }
  g_array_sort (all, compare_doubles);

  g_array_set_size (self->xs, 0);
  for (guint i = 0; i < all->len; i++)
    {
      double x = g_array_index (all, double, i);

      if (self->xs->len == 0 || !same_x (g_array_index (self->xs, double, self->xs->len - 1), x))
        g_array_append_val (self->xs, x);
    }
  self->xs_valid = TRUE;
  if (self->cursor >= (int) self->xs->len)
    self->cursor = -1;
  return self->xs;
}

/* The index of @series' point at @x, or -1. */
static int
series_index_at (const Series *series,
                 double        x)
{
  int found = -1;

  for (guint i = 0; i < series->n; i++)
    if (isfinite (series->x[i]) && same_x (series->x[i], x))
      {
        found = (int) i;
        if (isfinite (series->y[i]))
          return found;
      }
  return found;
}

static void
invalidate (CplLineChart *self)
{
  self->xs_valid = FALSE;
  self->hover = -1;
  cpl_chart_invalidate (CPL_CHART (self));
}

/* ---- layout ---- */

static CplChartLegendItem
legend_item (CplLineChart *self,
             guint         index)
{
  const Series *series = g_ptr_array_index (self->series, index);
  CplChartLegendItem item = {
    .kind = CPL_CHART_LEGEND_LINE,
    .color = *series_color (self, index),
    .label = series->name,
  };

  if (series->style == CPL_LINE_STYLE_DASHED)
    item.kind = CPL_CHART_LEGEND_HDASH;
  else if (series->style == CPL_LINE_STYLE_AREA && series->band_low == NULL)
    item.kind = CPL_CHART_LEGEND_AREA;
  return item;
}

static void
cpl_line_chart_build_legend (CplChart *chart,
                             GArray   *items)
{
  CplLineChart *self = CPL_LINE_CHART (chart);
  guint n_bands = 0, banded = 0;

  for (guint i = 0; i < self->series->len; i++)
    {
      CplChartLegendItem item = legend_item (self, i);

      cpl_chart_legend_append (items, &item);
      if (band_has_width (g_ptr_array_index (self->series, i)))
        {
          n_bands++;
          banded = i;
        }
    }
  /* what the shaded bands are, once whatever their number, as they are
   * drawn: three or more faint and edged in dots (see snapshot_fills());
   * one band among several lines, in its line's colour and named ("P10–
   * P90 range" in grey did not say whose) */
  if (n_bands > 0)
    {
      CplChartLegendItem item = {
        .kind = n_bands > 2 ? CPL_CHART_LEGEND_BANDS : CPL_CHART_LEGEND_AREA,
        .color = cpl_chart_rgba_alpha (&PALETTE (self)->fg, .6f),
        /* Translators: the legend of the shaded bands around the lines */
        .label = _("P10–P90 range"),
      };

      if (n_bands == 1)
        item.color = legend_item (self, banded).color;
      else
        /* Translators: the legend of two or more shaded bands, each in
         * the colour of its line (a grey "P10–P90 range" beside a green
         * band and a pink one matched neither) */
        item.label = _("P10–P90 range of each line, in its colour");
      if (n_bands == 1 && self->series->len > 1)
        {
          /* Translators: the legend of the one shaded band among several
           * lines; %s is the line's name, a scenario */
          g_autofree char *whose = g_strdup_printf (_("P10–P90 range of %s"), legend_item (self, banded).label);

          /* kept while the text stays: legends built before point to it */
          if (g_strcmp0 (whose, self->band_legend) != 0)
            {
              g_free (self->band_legend);
              self->band_legend = g_steal_pointer (&whose);
            }
          item.label = self->band_legend;
        }
      cpl_chart_legend_append (items, &item);
    }
  if (isfinite (self->span_from) && self->span_label != NULL)
    {
      CplChartLegendItem item = {
        .kind = CPL_CHART_LEGEND_AREA,
        .color = *cpl_chart_palette_series (PALETTE (self), CPL_CHART_COLOR_GREY),
        .label = self->span_label,
      };

      cpl_chart_legend_append (items, &item);
    }
}

static void
fit_x_axis (CplLineChart *self,
            CplChartAxis *axis)
{
  double lo = INFINITY, hi = -INFINITY;

  if (xs (self)->len > 0)
    {
      lo = g_array_index (xs (self), double, 0);
      hi = g_array_index (xs (self), double, xs (self)->len - 1);
    }
  for (guint i = 0; i < self->markers->len; i++)
    {
      const Marker *marker = g_ptr_array_index (self->markers, i);

      if (isfinite (marker->x))
        {
          lo = MIN (lo, marker->x);
          hi = MAX (hi, marker->x);
        }
    }

  cpl_chart_axis_init (axis, CPL_CHART_SCALE_LINEAR);
  if (lo > hi)
    return;
  if (hi == lo)
    {
      double pad = self->x_integer ? 1 : lo != 0 ? fabs (lo) * .1 : 1;

      lo -= pad;
      hi += pad;
    }
  cpl_chart_axis_set_range (axis, lo, hi);
}

/* The ticks the frame will give an axis of @length pixels: see
 * cpl_chart_ticks_compute(). */
static guint
y_tick_budget (CplLineChart *self,
               double        length)
{
  g_autoptr(PangoLayout) probe = cpl_chart_layout_new (CPL_CHART_CONTEXT (self), "0", CPL_CHART_FONT_LABEL);
  int line_height;

  cpl_chart_layout_size (probe, NULL, &line_height);
  return (guint) CLAMP (length / (line_height * 2.4) + 1, 2, 10);
}

/* From zero (unless values go below it) to a little past the data, and
 * then out to the next round tick, so the top gridline is labelled. */
static void
fit_y_axis_to_data (CplLineChart *self,
                    CplChartAxis *axis,
                    double        plot_height)
{
  g_autoptr(GArray) values = g_array_new (FALSE, FALSE, sizeof (double));
  double ticks[CPL_CHART_AXIS_MAX_TICKS];
  double zero = 0, step;
  guint budget = y_tick_budget (self, plot_height);
  guint n;

  for (guint s = 0; s < self->series->len; s++)
    {
      const Series *series = g_ptr_array_index (self->series, s);

      for (guint i = 0; i < series->n; i++)
        if (point_defined (series, i))
          g_array_append_val (values, series->y[i]);
      for (guint i = 0; i < series->n; i++)
        if (band_defined (series, i))
          {
            g_array_append_val (values, series->band_low[i]);
            g_array_append_val (values, series->band_high[i]);
          }
    }
  /* from zero; without data, the default range rather than one "0" */
  if (values->len > 0)
    g_array_append_val (values, zero);

  cpl_chart_axis_init (axis, CPL_CHART_SCALE_LINEAR);
  cpl_chart_axis_fit (axis, (const double *) (gpointer) values->data, values->len);

  n = cpl_chart_axis_ticks (axis, ticks, budget);
  if (n < 2)
    return;

  /* the step the frame will choose; when the ends rounded out to it need
   * too many ticks, the next 1-2-5 step, unless that wastes much of the
   * plot (then the top is left between ticks) */
  step = ticks[1] - ticks[0];
  for (guint tries = 0; tries < 2; tries++)
    {
      double min = axis->min < 0 ? floor (axis->min / step + 1e-9) * step : axis->min;
      double max = axis->max > 0 ? ceil (axis->max / step - 1e-9) * step : axis->max;
      double mantissa = step / pow (10, floor (log10 (step) + 1e-9));

      if ((max - min) / step + 1 <= budget + 1e-9)
        {
          if (tries == 0 || (max - min) <= 1.3 * (axis->max - axis->min))
            cpl_chart_axis_set_range (axis, min, max);
          return;
        }
      step *= mantissa < 1.5 ? 2 : mantissa < 3.5 ? 2.5 : 2;
    }
}

/* The axis the data asks for, run to the limit when the data stays
 * within it: a share's axis ends at 100% (not at the next round tick
 * past it, nor at 80% as if that were the whole), so that a line's height
 * is the share. */
static void
fit_y_axis (CplLineChart *self,
            CplChartAxis *axis,
            double        plot_height)
{
  fit_y_axis_to_data (self, axis, plot_height);
  if (isfinite (self->y_limit) && axis->max != self->y_limit && axis->min < self->y_limit)
    {
      gboolean within = TRUE;

      for (guint s = 0; s < self->series->len && within; s++)
        {
          const Series *series = g_ptr_array_index (self->series, s);

          for (guint i = 0; i < series->n && within; i++)
            within = (!point_defined (series, i) || series->y[i] <= self->y_limit)
                     && (!band_defined (series, i) || series->band_high[i] <= self->y_limit);
        }
      if (within)
        cpl_chart_axis_set_range (axis, axis->min, self->y_limit);
    }
}

static void
cpl_line_chart_layout (CplChart *chart,
                       int       width,
                       int       height)
{
  CplLineChart *self = CPL_LINE_CHART (chart);
  PangoContext *context = CPL_CHART_CONTEXT (self);
  CplChartFrame *frame = FRAME (self);
  g_autoptr(GArray) legend = cpl_chart_build_legend (chart);
  CplChartAxis x_axis, y_axis;

  fit_x_axis (self, &x_axis);
  cpl_chart_frame_begin (frame, context, width, height,
                         (const CplChartLegendItem *) (gpointer) legend->data, legend->len,
                         self->y_title, self->x_title, cpl_chart_frame_x_axis_height (context));
  fit_y_axis (self, &y_axis, frame->plot.size.height);
  self->y_axis = y_axis;
  cpl_chart_frame_finish (frame, context, &y_axis,
                          cpl_chart_get_format (chart, GTK_ORIENTATION_VERTICAL), RIGHT_MARGIN);
  cpl_chart_frame_finish_x (frame, context, &x_axis,
                            cpl_chart_get_format (chart, GTK_ORIENTATION_HORIZONTAL), self->x_integer,
                            LEFT_SLACK, RIGHT_MARGIN - 2);
}

static double
x_pixel (CplLineChart *self,
         double        value)
{
  return cpl_chart_frame_x (FRAME (self), value);
}

static double
y_pixel (CplLineChart *self,
         double        value)
{
  return cpl_chart_frame_y (FRAME (self), value);
}

/* The vertices of @series as drawn, in pixels; a NaN vertex breaks the
 * line.  Steps hold each value until the next point. */
static GArray *
series_path (CplLineChart *self,
             const Series *series)
{
  GArray *path = g_array_new (FALSE, FALSE, sizeof (graphene_point_t));
  gboolean pen_down = FALSE;
  double last_y = 0;

  for (guint i = 0; i < series->n; i++)
    {
      graphene_point_t p;

      if (!point_defined (series, i))
        {
          if (pen_down)
            {
              graphene_point_t gap = GRAPHENE_POINT_INIT (NAN, NAN);

              g_array_append_val (path, gap);
            }
          pen_down = FALSE;
          continue;
        }

      p = GRAPHENE_POINT_INIT (x_pixel (self, series->x[i]), y_pixel (self, series->y[i]));
      if (pen_down && series->style == CPL_LINE_STYLE_STEPS)
        {
          graphene_point_t corner = GRAPHENE_POINT_INIT (p.x, last_y);

          g_array_append_val (path, corner);
        }
      g_array_append_val (path, p);
      last_y = p.y;
      pen_down = TRUE;
    }
  return path;
}

/* ---- drawing ---- */

static void
append_path (cairo_t *cr,
             GArray  *path,
             gboolean dots)
{
  guint run = 0;

  for (guint i = 0; i < path->len; i++)
    {
      const graphene_point_t *p = &g_array_index (path, graphene_point_t, i);

      if (isnan (p->x))
        {
          run = 0;
          continue;
        }
      if (run == 0)
        {
          gboolean alone = i + 1 >= path->len || isnan (g_array_index (path, graphene_point_t, i + 1).x);

          cairo_move_to (cr, p->x, p->y);
          /* a point between two gaps: a dot, or it would not show */
          if (alone && dots)
            {
              cairo_new_sub_path (cr);
              cairo_arc (cr, p->x, p->y, LINE_WIDTH / 2, 0, 2 * G_PI);
            }
        }
      else
        cairo_line_to (cr, p->x, p->y);
      run++;
    }
}

static void
append_area (cairo_t *cr,
             GArray  *path,
             double   base)
{
  guint start = 0;

  while (start < path->len)
    {
      guint end = start;

      while (end < path->len && !isnan (g_array_index (path, graphene_point_t, end).x))
        end++;
      if (end - start >= 2)
        {
          cairo_move_to (cr, g_array_index (path, graphene_point_t, start).x, base);
          for (guint i = start; i < end; i++)
            {
              const graphene_point_t *p = &g_array_index (path, graphene_point_t, i);

              cairo_line_to (cr, p->x, p->y);
            }
          cairo_line_to (cr, g_array_index (path, graphene_point_t, end - 1).x, base);
          cairo_close_path (cr);
        }
      start = end + 1;
    }
}

static graphene_rect_t
drawing_bounds (CplLineChart *self)
{
  graphene_rect_t bounds = FRAME (self)->plot;

  graphene_rect_inset (&bounds, -LINE_WIDTH * 2, -LINE_WIDTH * 2);
  return bounds;
}

/* The band of @series: each run of points with one, a polygon along the
 * high values and back along the low ones. */
static void
append_band (CplLineChart *self,
             cairo_t      *cr,
             const Series *series)
{
  guint start = 0;

  while (start < series->n)
    {
      guint end = start;

      while (end < series->n && band_defined (series, end))
        end++;
      for (guint i = start; i < end; i++)
        (i == start ? cairo_move_to : cairo_line_to) (cr, x_pixel (self, series->x[i]),
                                                       y_pixel (self, series->band_high[i]));
      for (guint i = end; i > start; i--)
        cairo_line_to (cr, x_pixel (self, series->x[i - 1]), y_pixel (self, series->band_low[i - 1]));
      if (end > start)
        cairo_close_path (cr);
      start = end + 1;
    }
}

/* The edges of the band of @series: its high and its low values, as
 * polylines, each run of points with a band apart. */
static void
append_band_edges (CplLineChart *self,
                   cairo_t      *cr,
                   const Series *series)
{
  for (guint side = 0; side < 2; side++)
    {
      const double *values = side == 0 ? series->band_high : series->band_low;

      for (guint i = 0; i < series->n; i++)
        if (band_defined (series, i))
          (i > 0 && band_defined (series, i - 1) ? cairo_line_to : cairo_move_to)
            (cr, x_pixel (self, series->x[i]), y_pixel (self, values[i]));
      cairo_new_sub_path (cr);
    }
}

/* The translucent fills behind the lines: bands, then areas down to 0,
 * each in its series' region fill.  Three bands or more are fainter, so
 * that where all of them overlap the plot is no darker than under two
 * (five at full strength blended into one brown); each is outlined in a
 * dotted line of its colour, so that its edges can still be followed. */
static void
snapshot_fills (CplLineChart *self,
                GtkSnapshot  *snapshot,
                GPtrArray    *paths)
{
  graphene_rect_t bounds = drawing_bounds (self);
  double base = y_pixel (self, 0);
  cairo_t *cr = NULL;
  guint n_bands = 0;

  for (guint s = 0; s < self->series->len; s++)
    n_bands += ((const Series *) g_ptr_array_index (self->series, s))->band_low != NULL;

  if (isfinite (self->span_from))
    {
      const graphene_rect_t *plot = &FRAME (self)->plot;
      double left = CLAMP (x_pixel (self, self->span_from), plot->origin.x, plot->origin.x + plot->size.width);
      double right = CLAMP (x_pixel (self, self->span_to), plot->origin.x, plot->origin.x + plot->size.width);
      GdkRGBA fill = cpl_chart_region_fill (PALETTE (self),
                                            cpl_chart_palette_series (PALETTE (self), CPL_CHART_COLOR_GREY));

      if (right > left)
        gtk_snapshot_append_color (snapshot, &fill,
                                   &GRAPHENE_RECT_INIT (left, plot->origin.y, right - left, plot->size.height));
    }

  for (guint pass = 0; pass < 2; pass++)
    for (guint s = 0; s < self->series->len; s++)
      {
        const Series *series = g_ptr_array_index (self->series, s);
        GdkRGBA fill;

        /* an area with a band is a line over its band: the two fills
         * read as one region from zero to the band's top */
        if (pass == 0 ? series->band_low == NULL
                      : series->style != CPL_LINE_STYLE_AREA || series->band_low != NULL)
          continue;
        if (cr == NULL)
          {
            cr = cpl_chart_drawing_begin (CPL_CHART (self), &self->fills, snapshot, &bounds);
            cairo_rectangle (cr, FRAME (self)->plot.origin.x, FRAME (self)->plot.origin.y,
                             FRAME (self)->plot.size.width, FRAME (self)->plot.size.height);
            cairo_clip (cr);
          }
        if (pass == 0)
          append_band (self, cr, series);
        else
          append_area (cr, g_ptr_array_index (paths, s), base);
        fill = cpl_chart_region_fill (PALETTE (self), series_color (self, s));
        if (pass == 0 && n_bands > 2)
          {
            static const double dots[] = { 2, 3 };

            fill.alpha *= 2. / n_bands;
            gdk_cairo_set_source_rgba (cr, &fill);
            cpl_chart_drawing_fill (&self->fills, cr);
            append_band_edges (self, cr, series);
            gdk_cairo_set_source_rgba (cr, series_color (self, s));
            cairo_set_line_width (cr, 1);
            cairo_set_dash (cr, dots, G_N_ELEMENTS (dots), 0);
            cpl_chart_drawing_stroke (&self->fills, cr);
            cairo_set_dash (cr, NULL, 0, 0);
            continue;
          }
        gdk_cairo_set_source_rgba (cr, &fill);
        cpl_chart_drawing_fill (&self->fills, cr);
      }
  if (cr != NULL)
    cpl_chart_drawing_end (&self->fills, snapshot, cr);
}

/* Whether the drawn paths @a and @b lie on one another: the same points,
 * each within a pixel and a half (two compared scenarios with the same
 * domestic share). */
static gboolean
paths_coincide (GArray *a,
                GArray *b)
{
  if (a->len != b->len || a->len == 0)
    return FALSE;
  for (guint i = 0; i < a->len; i++)
    {
      const graphene_point_t *p = &g_array_index (a, graphene_point_t, i);
      const graphene_point_t *q = &g_array_index (b, graphene_point_t, i);

      if (isnan (p->x) != isnan (q->x))
        return FALSE;
      if (!isnan (p->x) && (fabs (p->x - q->x) > 1.5 || fabs (p->y - q->y) > 1.5))
        return FALSE;
    }
  return TRUE;
}

/* Lines that lie on one another share their length: the first is drawn
 * whole, each later one in dashes that leave the others' turns of colour
 * between them, so that every line of the group shows (the last drawn
 * hid the rest). */
static void
set_line_dash (CplLineChart *self,
               cairo_t      *cr,
               GPtrArray    *paths,
               guint         s)
{
  static const double dash[] = { 7, 4 };
  const Series *series = g_ptr_array_index (self->series, s);
  guint before = 0, group = 1;

  if (series->style == CPL_LINE_STYLE_DASHED)
    {
      cairo_set_dash (cr, dash, G_N_ELEMENTS (dash), 0);
      cairo_set_line_cap (cr, CAIRO_LINE_CAP_BUTT);
      return;
    }
  if (series->style != CPL_LINE_STYLE_AREA)
    for (guint r = 0; r < self->series->len; r++)
      if (r != s && ((const Series *) g_ptr_array_index (self->series, r))->style != CPL_LINE_STYLE_DASHED
          && ((const Series *) g_ptr_array_index (self->series, r))->style != CPL_LINE_STYLE_AREA
          && paths_coincide (g_ptr_array_index (paths, s), g_ptr_array_index (paths, r)))
        {
          group++;
          before += r < s;
        }
  if (before == 0)
    {
      cairo_set_dash (cr, NULL, 0, 0);
      cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
      return;
    }
  {
    /* a period of GROUP turns of SHARED_DASH pixels: this line takes
     * turn BEFORE − 1, the first line shows in the last */
    double turns[] = { SHARED_DASH, SHARED_DASH * (group - 1) };
    double period = SHARED_DASH * group;

    cairo_set_dash (cr, turns, G_N_ELEMENTS (turns), period - (before - 1) * SHARED_DASH);
    cairo_set_line_cap (cr, CAIRO_LINE_CAP_BUTT);
  }
}

static void
snapshot_lines (CplLineChart *self,
                GtkSnapshot  *snapshot,
                GPtrArray    *paths)
{
  graphene_rect_t bounds = drawing_bounds (self);
  cairo_t *cr;

  if (self->series->len == 0)
    return;

  cr = cpl_chart_drawing_begin (CPL_CHART (self), &self->lines, snapshot, &bounds);
  cairo_rectangle (cr, bounds.origin.x, bounds.origin.y, bounds.size.width, bounds.size.height);
  cairo_clip (cr);
  cairo_set_line_width (cr, LINE_WIDTH);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);

  for (guint s = 0; s < self->series->len; s++)
    {
      set_line_dash (self, cr, paths, s);
      append_path (cr, g_ptr_array_index (paths, s), TRUE);
      gdk_cairo_set_source_rgba (cr, series_color (self, s));
      cpl_chart_drawing_stroke (&self->lines, cr);
    }

  cpl_chart_drawing_end (&self->lines, snapshot, cr);

  /* a dot on each point: the values are the years', and a line drawn
   * between them crosses another where no year does */
  if (self->show_points)
    for (guint s = 0; s < self->series->len; s++)
      {
        const Series *series = g_ptr_array_index (self->series, s);

        for (guint i = 0; i < series->n; i++)
          if (point_defined (series, i))
            cpl_chart_append_marker (snapshot, CPL_CHART_MARKER_CIRCLE, x_pixel (self, series->x[i]),
                                     y_pixel (self, series->y[i]), DOT_RADIUS, series_color (self, s), TRUE);
      }
}

static gboolean
segment_hits_rect (const graphene_point_t *a,
                   const graphene_point_t *b,
                   const graphene_rect_t  *r)
{
  double dx = b->x - a->x, dy = b->y - a->y;
  double p[4] = { -dx, dx, -dy, dy };
  double q[4] = { a->x - r->origin.x, r->origin.x + r->size.width - a->x,
                  a->y - r->origin.y, r->origin.y + r->size.height - a->y };
  double t0 = 0, t1 = 1;

  for (guint i = 0; i < 4; i++)
    {
      if (p[i] == 0)
        {
          if (q[i] < 0)
            return FALSE;
          continue;
        }
      if (p[i] < 0)
        t0 = MAX (t0, q[i] / p[i]);
      else
        t1 = MIN (t1, q[i] / p[i]);
      if (t0 > t1)
        return FALSE;
    }
  return TRUE;
}

/* Whether a line crosses @rect (with a little room around it). */
static gboolean
rect_hits_lines (const graphene_rect_t *rect,
                 GPtrArray             *paths)
{
  graphene_rect_t room = *rect;

  graphene_rect_inset (&room, -2, -2);
  for (guint s = 0; s < paths->len; s++)
    {
      GArray *path = g_ptr_array_index (paths, s);

      for (guint i = 0; i < path->len; i++)
        {
          const graphene_point_t *a = &g_array_index (path, graphene_point_t, i);
          const graphene_point_t *b = i + 1 < path->len ? &g_array_index (path, graphene_point_t, i + 1) : a;

          if (isnan (a->x) || isnan (b->x))
            continue;
          if (segment_hits_rect (a, b, &room))
            return TRUE;
        }
    }
  return FALSE;
}

static void
snapshot_marker_lines (CplLineChart *self,
                       GtkSnapshot  *snapshot)
{
  const graphene_rect_t *plot = &FRAME (self)->plot;
  GdkRGBA color = cpl_chart_rgba_alpha (&PALETTE (self)->fg, .55f);

  for (guint i = 0; i < self->markers->len; i++)
    {
      const Marker *marker = g_ptr_array_index (self->markers, i);

      if (isfinite (marker->x))
        cpl_chart_append_vline (snapshot, round (x_pixel (self, marker->x)) + .5, plot->origin.y,
                                plot->origin.y + plot->size.height, 1, &color, TRUE);
    }
}

/* Puts @layout in the first free row beside the marker line at @x: to
 * the right (@side 0) or left (1) of it.  Where it has to lie over a data
 * line (@halo given), each letter is ringed by @halo, the colour under the
 * plot, a pixel wide: the line stays in view between the letters and
 * does not run through them. */
static gboolean
place_marker_label (GtkSnapshot           *snapshot,
                    PangoLayout           *layout,
                    double                 x,
                    guint                  side,
                    const GdkRGBA         *halo,
                    const graphene_rect_t *bounds,
                    GArray                *obstacles,
                    GPtrArray             *paths,
                    const GdkRGBA         *color,
                    graphene_rect_t       *placed)
{
  PangoRectangle logical;
  int w, h, line_height;

  /* a right-aligned layout starts its text past its own origin */
  pango_layout_get_pixel_extents (layout, NULL, &logical);
  w = logical.width;
  h = logical.height;
  line_height = h / MAX (pango_layout_get_line_count (layout), 1);

  for (guint row = 0; row < MARKER_ROWS; row++)
    {
      double y = bounds->origin.y + 2 + row * (line_height + 3);
      graphene_rect_t rect = GRAPHENE_RECT_INIT (side == 0 ? x + 5 : x - 5 - w, y, w, h);

      if (!graphene_rect_contains_rect (bounds, &rect)
          || cpl_chart_rect_overlaps (&rect, obstacles)
          || (halo == NULL && rect_hits_lines (&rect, paths)))
        continue;

      if (halo != NULL && rect_hits_lines (&rect, paths))
        for (int dx = -1; dx <= 1; dx++)
          for (int dy = -1; dy <= 1; dy++)
            if (dx != 0 || dy != 0)
              cpl_chart_append_layout (snapshot, layout, rect.origin.x - logical.x + dx,
                                       rect.origin.y - logical.y + dy, halo);
      cpl_chart_append_layout (snapshot, layout, rect.origin.x - logical.x, rect.origin.y - logical.y, color);
      *placed = rect;
      return TRUE;
    }
  return FALSE;
}

/* Marker labels go near the top of the plot, beside their line: right of
 * it, or left, in the first row where they cover neither another label,
 * another marker line nor a data line; failing that, over a data line;
 * failing that, wrapped (or cut short) to the room between their line and
 * the next marker's. */
static void
snapshot_marker_labels (CplLineChart *self,
                        GtkSnapshot  *snapshot,
                        GPtrArray    *paths,
                        GArray       *labels)
{
  PangoContext *context = CPL_CHART_CONTEXT (self);
  const graphene_rect_t *plot = &FRAME (self)->plot;
  GdkRGBA text = cpl_chart_rgba_alpha (&PALETTE (self)->fg, .8f);
  g_autoptr(GArray) obstacles = g_array_new (FALSE, FALSE, sizeof (graphene_rect_t));
  graphene_rect_t bounds = *plot;

  graphene_rect_inset (&bounds, 2, 2);
  g_array_set_size (self->marker_places, 0);
  g_array_set_size (self->marker_places, self->markers->len);

  for (guint i = 0; i < self->markers->len; i++)
    {
      const Marker *marker = g_ptr_array_index (self->markers, i);

      if (isfinite (marker->x))
        {
          graphene_rect_t rect = GRAPHENE_RECT_INIT (round (x_pixel (self, marker->x)) - 2, plot->origin.y,
                                                     5, plot->size.height);

          g_array_append_val (obstacles, rect);
        }
    }

  for (guint i = 0; i < self->markers->len; i++)
    {
      const Marker *marker = g_ptr_array_index (self->markers, i);
      g_autoptr(PangoLayout) layout = NULL;
      graphene_rect_t placed;
      gboolean done = FALSE;
      double x, room[2];

      if (!isfinite (marker->x) || marker->label == NULL || marker->label[0] == '\0')
        continue;

      x = round (x_pixel (self, marker->x)) + .5;
      layout = cpl_chart_layout_new (context, marker->label, CPL_CHART_FONT_LABEL);

      for (guint pass = 0; pass < 2 && !done; pass++)
        for (guint side = 0; side < 2 && !done; side++)
          done = place_marker_label (snapshot, layout, x, side, pass == 0 ? NULL : &PALETTE (self)->view,
                                     &bounds, obstacles, paths, &text, &placed);

      /* the room up to the plot's edge or the next marker line */
      room[0] = bounds.origin.x + bounds.size.width - (x + 5);
      room[1] = (x - 5) - bounds.origin.x;
      for (guint j = 0; j < self->markers->len; j++)
        {
          const Marker *other = g_ptr_array_index (self->markers, j);
          double other_x;

          if (j == i || !isfinite (other->x))
            continue;
          other_x = round (x_pixel (self, other->x)) + .5;
          if (other_x > x)
            room[0] = MIN (room[0], other_x - 3 - (x + 5));
          else if (other_x < x)
            room[1] = MIN (room[1], (x - 5) - (other_x + 3));
        }

      for (guint k = 0; k < 2 && !done; k++)
        {
          /* the roomier side first */
          guint side = (room[1] > room[0]) ? 1 - k : k;
          g_autoptr(PangoLayout) wrapped = NULL;

          if (room[side] < 32)
            continue;
          wrapped = cpl_chart_layout_new (context, marker->label, CPL_CHART_FONT_LABEL);
          cpl_chart_layout_limit (wrapped, (int) room[side], 3);
          if (side == 1)
            pango_layout_set_alignment (wrapped, PANGO_ALIGN_RIGHT);
          done = place_marker_label (snapshot, wrapped, x, side, NULL, &bounds,
                                     obstacles, paths, &text, &placed)
                 || place_marker_label (snapshot, wrapped, x, side, &PALETTE (self)->view, &bounds,
                                        obstacles, paths, &text, &placed);
        }

      if (done)
        {
          /* the next label keeps a gap from it: side by side on a phone
           * "current 15%" and "highest take 100%" read "15%highest" */
          graphene_rect_t kept = placed;

          graphene_rect_inset (&kept, -LABEL_GAP, 0);
          g_array_append_val (obstacles, kept);
          g_array_append_val (labels, placed);
          g_array_index (self->marker_places, graphene_rect_t, i) = placed;
        }
    }
}

static void
snapshot_crosshair (CplLineChart *self,
                    GtkSnapshot  *snapshot,
                    int           index)
{
  const CplChartPalette *palette = PALETTE (self);
  const graphene_rect_t *plot = &FRAME (self)->plot;
  GdkRGBA line = cpl_chart_rgba_alpha (&palette->fg, .45f);
  double value, x;

  if (index < 0 || index >= (int) xs (self)->len)
    return;

  value = g_array_index (xs (self), double, index);
  x = round (x_pixel (self, value)) + .5;
  cpl_chart_append_vline (snapshot, x, plot->origin.y, plot->origin.y + plot->size.height, 1, &line, FALSE);

  for (guint s = 0; s < self->series->len; s++)
    {
      const Series *series = g_ptr_array_index (self->series, s);
      int i = series_index_at (series, value);
      const GdkRGBA *color;
      GdkRGBA halo;
      double y;

      if (i < 0 || !isfinite (series->y[i]))
        continue;
      color = series_color (self, s);
      halo = cpl_chart_rgba_alpha (color, .3f);
      y = y_pixel (self, series->y[i]);
      cpl_chart_append_marker (snapshot, CPL_CHART_MARKER_CIRCLE, x, y, POINT_RADIUS + 3, &halo, TRUE);
      cpl_chart_append_marker (snapshot, CPL_CHART_MARKER_CIRCLE, x, y, POINT_RADIUS, color, TRUE);
    }
}

static char *
format_x (CplLineChart *self,
          double        value)
{
  /* as the tick labels have it */
  if (self->x_integer && cpl_chart_get_format (CPL_CHART (self), GTK_ORIENTATION_HORIZONTAL)->func == NULL)
    return cpl_format_number (value, 0);
  return cpl_chart_format_value (CPL_CHART (self), GTK_ORIENTATION_HORIZONTAL, value);
}

static char *
format_y (CplLineChart *self,
          double        value)
{
  return cpl_chart_format_value (CPL_CHART (self), GTK_ORIENTATION_VERTICAL, value);
}

/* "x title: x" */
static char *
heading_text (CplLineChart *self,
              double        x)
{
  g_autofree char *value = format_x (self, x);

  if (self->x_title == NULL || self->x_title[0] == '\0')
    return g_steal_pointer (&value);
  /* Translators: a label and its value in a chart's tooltip, such as
   * "Share rate: 25%" or "Vendor profit: $13.8 B" */
  return g_strdup_printf (_("%1$s: %2$s"), self->x_title, value);
}

/* "series: y", or NULL when the series has no point at @x */
static char *
series_text (CplLineChart *self,
             const Series *series,
             double        x)
{
  int i = series_index_at (series, x);
  g_autofree char *value = NULL;

  if (i < 0)
    return NULL;
  value = isfinite (series->y[i]) ? format_y (self, series->y[i]) : g_strdup (_("no data"));
  if (band_defined (series, (guint) i))
    {
      g_autofree char *low = format_y (self, series->band_low[i]);
      g_autofree char *high = format_y (self, series->band_high[i]);
      g_autofree char *range = cpl_format_p10_p90 (low, NULL, high);

      /* Translators: a series' value in a chart's tooltip and the range
       * around it, "Government take: $47.5 B (P10–P90: $31 B–$62 B)" */
      return g_strdup_printf (_("%1$s: %2$s (%3$s)"), series->name, value, range);
    }
  return g_strdup_printf (_("%1$s: %2$s"), series->name, value);
}

/* The values at the keyboard's crosshair, in a box beside it, clear of
 * the marker labels (@labels) and of the points it describes. */
static void
snapshot_readout (CplLineChart *self,
                  GtkSnapshot  *snapshot,
                  int           index,
                  GArray       *labels)
{
  PangoContext *context = CPL_CHART_CONTEXT (self);
  const CplChartPalette *palette = PALETTE (self);
  const graphene_rect_t *plot = &FRAME (self)->plot;
  g_autoptr(GPtrArray) layouts = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GArray) colors = g_array_new (FALSE, FALSE, sizeof (int));
  g_autofree char *heading = NULL;
  PangoLayout *layout;
  double x, value, width = 0, height = 0, left, top, y;
  double max_text = MAX (plot->size.width - 2 * READOUT_PAD - READOUT_SWATCH - 6 - 8, 40);
  int w, h, none = -1;
  GskRoundedRect box;
  GdkRGBA surface, text = cpl_chart_rgba_alpha (&palette->fg, .9f);

  if (index < 0 || index >= (int) xs (self)->len)
    return;
  value = g_array_index (xs (self), double, index);
  x = round (x_pixel (self, value)) + .5;

  heading = heading_text (self, value);
  layout = cpl_chart_layout_new (context, heading, CPL_CHART_FONT_TITLE);
  g_ptr_array_add (layouts, layout);
  g_array_append_val (colors, none);
  for (guint s = 0; s < self->series->len; s++)
    {
      g_autofree char *line = series_text (self, g_ptr_array_index (self->series, s), value);
      int color = (int) s;

      if (line == NULL)
        continue;
      g_ptr_array_add (layouts, cpl_chart_layout_new (context, line, CPL_CHART_FONT_LABEL));
      g_array_append_val (colors, color);
    }

  for (guint i = 0; i < layouts->len; i++)
    {
      double indent = g_array_index (colors, int, i) >= 0 ? READOUT_SWATCH + 6 : 0;

      cpl_chart_layout_limit (g_ptr_array_index (layouts, i), (int) max_text, 1);
      cpl_chart_layout_size (g_ptr_array_index (layouts, i), &w, &h);
      width = MAX (width, indent + w);
      height += h + (i > 0 ? 2 : 0);
    }
  width += 2 * READOUT_PAD;
  height += 2 * READOUT_PAD;

  /* beside the crosshair, on a side with room, as high as it goes */
  {
    g_autoptr(GArray) obstacles = g_array_copy (labels);
    double sides[2] = { x + 10, x - 10 - width };
    double lo = plot->origin.x + 2, hi = plot->origin.x + plot->size.width - 2 - width;
    gboolean found = FALSE;

    for (guint s = 0; s < self->series->len; s++)
      {
        const Series *series = g_ptr_array_index (self->series, s);
        int i = series_index_at (series, value);
        double r = POINT_RADIUS + 4;

        if (i >= 0 && isfinite (series->y[i]))
          {
            graphene_rect_t rect = GRAPHENE_RECT_INIT (x - r, y_pixel (self, series->y[i]) - r, 2 * r, 2 * r);

            g_array_append_val (obstacles, rect);
          }
      }

    left = MAX (MIN (sides[0], hi), lo);
    top = plot->origin.y + 4;
    /* beside the crosshair; then, on a narrow plot, across it; then over
     * the points rather than over a marker's label */
    for (guint pass = 0; pass < 3 && !found; pass++)
      for (double t = plot->origin.y + 4; !found && t + height <= plot->origin.y + plot->size.height; t += 4)
        for (guint side = 0; side < 2 && !found; side++)
          {
            double l = pass == 0 ? sides[side] : MAX (MIN (sides[side], hi), lo);
            graphene_rect_t rect = GRAPHENE_RECT_INIT (l, t, width, height);

            if (l < lo - .5 || l > hi + .5 || cpl_chart_rect_overlaps (&rect, pass < 2 ? obstacles : labels))
              continue;
            left = l;
            top = t;
            found = TRUE;
          }
  }

  surface = palette->surface;
  gsk_rounded_rect_init_from_rect (&box, &GRAPHENE_RECT_INIT (left, top, width, height), 6);
  gtk_snapshot_push_rounded_clip (snapshot, &box);
  gtk_snapshot_append_color (snapshot, &surface, &box.bounds);
  gtk_snapshot_pop (snapshot);
  cpl_chart_append_frame (snapshot, &box.bounds, 6, 1, &palette->borders);

  y = top + READOUT_PAD;
  for (guint i = 0; i < layouts->len; i++)
    {
      int color = g_array_index (colors, int, i);
      double indent = 0;

      cpl_chart_layout_size (g_ptr_array_index (layouts, i), &w, &h);
      if (color >= 0)
        {
          CplChartLegendItem item = legend_item (self, (guint) color);

          cpl_chart_legend_append_swatch (snapshot, &item, left + READOUT_PAD,
                                          round (y + (h - READOUT_SWATCH) / 2), palette);
          indent = READOUT_SWATCH + 6;
        }
      cpl_chart_append_layout (snapshot, g_ptr_array_index (layouts, i), left + READOUT_PAD + indent, y, &text);
      y += h + 2;
    }
}

static gboolean
has_points (CplLineChart *self)
{
  return xs (self)->len > 0;
}

static void
cpl_line_chart_snapshot_plot (CplChart    *chart,
                              GtkSnapshot *snapshot)
{
  CplLineChart *self = CPL_LINE_CHART (chart);
  PangoContext *context = CPL_CHART_CONTEXT (self);
  const CplChartPalette *palette = PALETTE (self);
  CplChartFrame *frame = FRAME (self);
  const graphene_rect_t *plot = &frame->plot;
  g_autoptr(GPtrArray) paths = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
  g_autoptr(GArray) labels = g_array_new (FALSE, FALSE, sizeof (graphene_rect_t));
  gboolean show_cursor = self->cursor >= 0 && self->cursor != self->hover && cpl_chart_has_focus (CPL_CHART (self));

  for (guint s = 0; s < self->series->len; s++)
    g_ptr_array_add (paths, series_path (self, g_ptr_array_index (self->series, s)));

  snapshot_fills (self, snapshot, paths);
  snapshot_marker_lines (self, snapshot);

  /* a baseline at zero when values go below it */
  if (frame->y_ticks.axis.min < 0)
    {
      GdkRGBA axis = cpl_chart_rgba_alpha (&palette->fg, .4f);

      cpl_chart_append_hline (snapshot, plot->origin.x, plot->origin.x + plot->size.width,
                              round (y_pixel (self, 0)), 1, &axis, FALSE);
    }

  snapshot_lines (self, snapshot, paths);
  cpl_chart_frame_snapshot_axes (frame, snapshot, palette);
  snapshot_marker_labels (self, snapshot, paths, labels);

  snapshot_crosshair (self, snapshot, self->hover);
  if (show_cursor)
    {
      snapshot_crosshair (self, snapshot, self->cursor);
      snapshot_readout (self, snapshot, self->cursor, labels);
    }

  if (!has_points (self))
    cpl_chart_frame_snapshot_empty (frame, context, snapshot, palette);
  else
    cpl_chart_frame_snapshot_zero_note (CPL_CHART (self), snapshot, palette);
}

/* ---- input ---- */

static int
index_under_pointer (CplLineChart *self,
                     double        x,
                     double        y)
{
  const graphene_rect_t *plot = &FRAME (self)->plot;

  if (isnan (x) || y < plot->origin.y || y > plot->origin.y + plot->size.height)
    return -1;
  return cpl_line_chart_nearest_index (self, x);
}

static char *
cpl_line_chart_query_tooltip (CplChart     *chart,
                              double        x,
                              double        y,
                              gboolean      keyboard_mode,
                              GdkRectangle *area)
{
  CplLineChart *self = CPL_LINE_CHART (chart);
  const graphene_rect_t *plot = &FRAME (self)->plot;
  GString *text;
  double value, left, right;
  int index;

  index = keyboard_mode ? self->cursor : index_under_pointer (self, x, y);
  if (index < 0 || index >= (int) xs (self)->len)
    return NULL;

  value = g_array_index (xs (self), double, index);
  {
    g_autofree char *heading = heading_text (self, value);

    text = g_string_new (heading);
  }
  for (guint s = 0; s < self->series->len; s++)
    {
      g_autofree char *line = series_text (self, g_ptr_array_index (self->series, s), value);

      if (line != NULL)
        {
          g_string_append_c (text, '\n');
          g_string_append (text, line);
        }
    }

  /* halfway to the neighbouring x values: past them, the tooltip asks again */
  left = index > 0 ? (x_pixel (self, g_array_index (xs (self), double, index - 1)) + x_pixel (self, value)) / 2
                   : plot->origin.x - HIT_SLACK;
  right = index + 1 < (int) xs (self)->len
          ? (x_pixel (self, g_array_index (xs (self), double, index + 1)) + x_pixel (self, value)) / 2
          : plot->origin.x + plot->size.width + HIT_SLACK;
  *area = (GdkRectangle) { (int) floor (left), (int) plot->origin.y,
                           MAX ((int) ceil (right - left), 1), MAX ((int) plot->size.height, 1) };
  return g_string_free (text, FALSE);
}

static void
cpl_line_chart_pointer_moved (CplChart *chart,
                              double    x,
                              double    y)
{
  CplLineChart *self = CPL_LINE_CHART (chart);
  int index = index_under_pointer (self, x, y);

  if (self->hover == index)
    return;
  self->hover = index;
  cpl_chart_queue_draw (CPL_CHART (self));
}

static void
cpl_line_chart_pressed (CplChart *chart,
                        int       n_press,
                        double    x,
                        double    y)
{
  CplLineChart *self = CPL_LINE_CHART (chart);
  int index = index_under_pointer (self, x, y);

  if (index >= 0)
    {
      self->cursor = index;
      cpl_chart_queue_draw (CPL_CHART (self));
    }
}

static void
cpl_line_chart_activate_action (CplChart   *chart,
                                const char *action_name)
{
  CplLineChart *self = CPL_LINE_CHART (chart);

  cpl_chart_move_cursor (chart, &self->cursor, xs (self)->len, action_name);
  if (self->draggable && self->cursor >= 0)
    g_signal_emit (self, signals[SIGNAL_X_DRAGGED], 0, g_array_index (xs (self), double, self->cursor));
}

/* The x value under @widget_x, kept within the axis. */
static void
drag_to (CplLineChart *self,
         double        widget_x)
{
  double value = cpl_line_chart_x_at (self, widget_x);

  if (self->draggable && isfinite (value))
    g_signal_emit (self, signals[SIGNAL_X_DRAGGED], 0, value);
}

static void
cpl_line_chart_drag_begin (CplChart *chart,
                           double    x,
                           double    y)
{
  CplLineChart *self = CPL_LINE_CHART (chart);
  const graphene_rect_t *plot = &FRAME (self)->plot;

  self->drag_start_x = NAN;
  if (!self->draggable || y < plot->origin.y || y > plot->origin.y + plot->size.height)
    return;
  self->drag_start_x = x;
  drag_to (self, x);
}

static void
cpl_line_chart_drag_update (CplChart *chart,
                            double    offset_x,
                            double    offset_y)
{
  CplLineChart *self = CPL_LINE_CHART (chart);

  if (isfinite (self->drag_start_x))
    drag_to (self, self->drag_start_x + offset_x);
}

/* ---- object ---- */

static void
cpl_line_chart_dispose (GObject *object)
{
  CplLineChart *self = CPL_LINE_CHART (object);

  g_clear_pointer (&self->series, g_ptr_array_unref);
  g_clear_pointer (&self->markers, g_ptr_array_unref);
  g_clear_pointer (&self->marker_places, g_array_unref);
  g_clear_pointer (&self->span_label, g_free);
  g_clear_pointer (&self->band_legend, g_free);
  g_clear_pointer (&self->xs, g_array_unref);
  g_clear_pointer (&self->x_title, g_free);
  g_clear_pointer (&self->y_title, g_free);
  cpl_chart_drawing_clear (&self->fills);
  cpl_chart_drawing_clear (&self->lines);

  G_OBJECT_CLASS (cpl_line_chart_parent_class)->dispose (object);
}

static void
cpl_line_chart_digest (CplChart  *chart,
                       GByteArray *content)
{
  CplLineChart *self = CPL_LINE_CHART (chart);

  cpl_chart_digest_string (content, self->x_title);
  cpl_chart_digest_string (content, self->y_title);
  cpl_chart_digest_int (content, self->x_integer);
  cpl_chart_digest_int (content, self->show_points);
  cpl_chart_digest_doubles (content, &self->y_limit, 1);
  cpl_chart_digest_int (content, self->hover);
  cpl_chart_digest_int (content, self->cursor);
  cpl_chart_digest_int (content, self->series->len);
  for (guint i = 0; i < self->series->len; i++)
    {
      const Series *series = g_ptr_array_index (self->series, i);

      cpl_chart_digest_string (content, series->name);
      cpl_chart_digest_doubles (content, series->x, series->n);
      cpl_chart_digest_doubles (content, series->y, series->n);
      cpl_chart_digest_int (content, series->style);
      cpl_chart_digest_int (content, series->color);
      cpl_chart_digest_doubles (content, series->band_low, series->n);
      cpl_chart_digest_doubles (content, series->band_high, series->n);
    }
  cpl_chart_digest_int (content, self->markers->len);
  for (guint i = 0; i < self->markers->len; i++)
    {
      const Marker *marker = g_ptr_array_index (self->markers, i);

      cpl_chart_digest_doubles (content, &marker->x, 1);
      cpl_chart_digest_string (content, marker->label);
    }
  cpl_chart_digest_doubles (content, &self->span_from, 1);
  cpl_chart_digest_doubles (content, &self->span_to, 1);
  cpl_chart_digest_string (content, self->span_label);
}

static void
cpl_line_chart_class_init (CplLineChartClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  CplChartClass *chart_class = CPL_CHART_CLASS (klass);

  object_class->dispose = cpl_line_chart_dispose;

  chart_class->build_legend = cpl_line_chart_build_legend;
  chart_class->layout = cpl_line_chart_layout;
  chart_class->snapshot_plot = cpl_line_chart_snapshot_plot;
  chart_class->pointer_moved = cpl_line_chart_pointer_moved;
  chart_class->pressed = cpl_line_chart_pressed;
  chart_class->query_tooltip = cpl_line_chart_query_tooltip;
  chart_class->drag_begin = cpl_line_chart_drag_begin;
  chart_class->drag_update = cpl_line_chart_drag_update;
  chart_class->activate_action = cpl_line_chart_activate_action;
  chart_class->digest = cpl_line_chart_digest;

  cpl_chart_class_install_cursor_actions (chart_class, "x");

  /**
   * CplLineChart::x-dragged:
   * @x: the x value under the pointer, within the axis
   *
   * A draggable chart was pressed or dragged on its plot, or its
   * keyboard crosshair moved to @x.
   */
  signals[SIGNAL_X_DRAGGED] = g_signal_new ("x-dragged", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                            0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_DOUBLE);
}

static void
cpl_line_chart_init (CplLineChart *self)
{
  self->series = g_ptr_array_new_with_free_func (series_free);
  self->markers = g_ptr_array_new_with_free_func (marker_free);
  self->marker_places = g_array_new (FALSE, TRUE, sizeof (graphene_rect_t));
  self->span_from = self->span_to = NAN;
  self->xs = g_array_new (FALSE, FALSE, sizeof (double));
  self->hover = -1;
  self->cursor = -1;
  self->y_limit = INFINITY;
  self->drag_start_x = NAN;
  cpl_chart_axis_init (&self->y_axis, CPL_CHART_SCALE_LINEAR);

  cpl_chart_set_accessible_label (CPL_CHART (self), _("Line chart"));
}

/* ---- public ---- */

CplChart *
cpl_line_chart_new (void)
{
  return g_object_new (CPL_TYPE_LINE_CHART, NULL);
}

/**
 * cpl_line_chart_set_axes:
 * @x_title: (nullable): the horizontal axis title, with its unit
 * @y_title: (nullable): the vertical axis title, with its unit
 *
 * The titles also name the chart for screen readers.
 */
void
cpl_line_chart_set_axes (CplLineChart *self,
                         const char   *x_title,
                         const char   *y_title)
{
  g_return_if_fail (CPL_IS_LINE_CHART (self));

  cpl_chart_set_string (&self->x_title, x_title);
  cpl_chart_set_string (&self->y_title, y_title);

  if (x_title != NULL && y_title != NULL)
    {
      /* Translators: the accessible name of a chart; %1$s is the vertical
       * axis title, %2$s the horizontal one */
      g_autofree char *label = g_strdup_printf (_("Line chart of %1$s against %2$s"), y_title, x_title);

      cpl_chart_set_accessible_label (CPL_CHART (self), label);
    }
  invalidate (self);
}

/**
 * cpl_line_chart_get_y_title:
 *
 * Returns: (nullable): the vertical axis title given to
 *   cpl_line_chart_set_axes()
 */
const char *
cpl_line_chart_get_y_title (CplLineChart *self)
{
  g_return_val_if_fail (CPL_IS_LINE_CHART (self), NULL);

  return self->y_title;
}

/**
 * cpl_line_chart_set_x_format:
 * @func: (nullable): makes the text of an x value ("25%", "2026"); %NULL
 *   for plain numbers
 *
 * How x values read in tick labels, tooltips and the keyboard readout.
 */
void
cpl_line_chart_set_x_format (CplLineChart       *self,
                             CplChartFormatFunc  func,
                             gpointer            user_data,
                             GDestroyNotify      destroy)
{
  g_return_if_fail (CPL_IS_LINE_CHART (self));

  cpl_chart_set_format (CPL_CHART (self), GTK_ORIENTATION_HORIZONTAL, func, user_data, destroy);
}

/**
 * cpl_line_chart_set_y_format:
 * @func: (nullable): makes the text of a y value ("$6.75 B"); %NULL for
 *   plain numbers
 *
 * How y values read in tick labels, tooltips and the keyboard readout.
 */
void
cpl_line_chart_set_y_format (CplLineChart       *self,
                             CplChartFormatFunc  func,
                             gpointer            user_data,
                             GDestroyNotify      destroy)
{
  g_return_if_fail (CPL_IS_LINE_CHART (self));

  cpl_chart_set_format (CPL_CHART (self), GTK_ORIENTATION_VERTICAL, func, user_data, destroy);
}

/* Where the y axis ends when no value exceeds it: 1 for a share, so that
 * its axis ends at 100%.  INFINITY: no limit, the axis fits the data. */
void
cpl_line_chart_set_y_limit (CplLineChart *self,
                            double        limit)
{
  g_return_if_fail (CPL_IS_LINE_CHART (self));

  self->y_limit = limit;
  invalidate (self);
}

/* The y axis's range, laid out for the data shown (for tests). */
void
cpl_line_chart_get_y_range (CplLineChart *self,
                            double       *min,
                            double       *max)
{
  g_return_if_fail (CPL_IS_LINE_CHART (self));

  cpl_chart_ensure_layout (CPL_CHART (self));
  *min = self->y_axis.min;
  *max = self->y_axis.max;
}

/* Whether x ticks fall on whole numbers only (years, counts). */
void
cpl_line_chart_set_x_integer (CplLineChart *self,
                              gboolean      integer)
{
  g_return_if_fail (CPL_IS_LINE_CHART (self));

  self->x_integer = !!integer;
  invalidate (self);
}

/* What the chart shows, in words, for screen readers. */
void
cpl_line_chart_set_description (CplLineChart *self,
                                const char   *text)
{
  g_return_if_fail (CPL_IS_LINE_CHART (self));

  cpl_chart_set_description (CPL_CHART (self), text);
}

/* Removes the series, the markers and the span; the axes and formats
 * stay. */
void
cpl_line_chart_clear (CplLineChart *self)
{
  g_return_if_fail (CPL_IS_LINE_CHART (self));

  g_ptr_array_set_size (self->series, 0);
  g_ptr_array_set_size (self->markers, 0);
  self->span_from = self->span_to = NAN;
  g_clear_pointer (&self->span_label, g_free);
  self->cursor = -1;
  invalidate (self);
}

/**
 * cpl_line_chart_add_series:
 * @name: shown in the legend and tooltips
 * @x: (array length=n): the x values, ascending
 * @y: (array length=n): the y values; NaN breaks the line
 * @n: the number of points
 * @style: how the line is drawn
 *
 * Series take the palette's colours in the order they are added, unless
 * given one with cpl_line_chart_set_series_color().
 *
 * Returns: the series' index
 */
guint
cpl_line_chart_add_series (CplLineChart *self,
                           const char   *name,
                           const double *x,
                           const double *y,
                           guint         n,
                           CplLineStyle  style)
{
  Series *series;

  g_return_val_if_fail (CPL_IS_LINE_CHART (self), 0);
  g_return_val_if_fail (name != NULL, 0);
  g_return_val_if_fail (n == 0 || (x != NULL && y != NULL), 0);
  g_return_val_if_fail (style <= CPL_LINE_STYLE_STEPS, 0);

  series = g_new0 (Series, 1);
  series->name = g_strdup (name);
  series->x = g_new (double, MAX (n, 1));
  series->y = g_new (double, MAX (n, 1));
  if (n > 0)
    {
      memcpy (series->x, x, n * sizeof (double));
      memcpy (series->y, y, n * sizeof (double));
    }
  series->n = n;
  series->style = style;
  series->color = -1;
  g_ptr_array_add (self->series, series);
  invalidate (self);

  return self->series->len - 1;
}

/* Gives series @index a colour of its own, so a scenario can keep one
 * colour on every chart. */
void
cpl_line_chart_set_series_color (CplLineChart  *self,
                                 guint          index,
                                 CplChartColor  color)
{
  Series *series;

  g_return_if_fail (CPL_IS_LINE_CHART (self));
  g_return_if_fail (index < self->series->len);

  series = g_ptr_array_index (self->series, index);
  series->color = color % CPL_CHART_N_COLORS;
  invalidate (self);
}

/**
 * cpl_line_chart_add_marker:
 * @label: (nullable): what happens at @x: "break-even 75.9%"
 *
 * A dashed vertical line at @x, labelled near the top of the plot.
 */
void
cpl_line_chart_add_marker (CplLineChart *self,
                           double        x,
                           const char   *label)
{
  Marker *marker;

  g_return_if_fail (CPL_IS_LINE_CHART (self));

  marker = g_new0 (Marker, 1);
  marker->x = x;
  marker->label = g_strdup (label);
  g_ptr_array_add (self->markers, marker);
  invalidate (self);
}

/**
 * cpl_line_chart_get_marker_place:
 * @index: a marker, in the order added
 * @rect: (out): where its label was drawn last, in widget coordinates
 *
 * Returns: whether the label was drawn (for tests)
 */
gboolean
cpl_line_chart_get_marker_place (CplLineChart    *self,
                                 guint            index,
                                 graphene_rect_t *rect)
{
  g_return_val_if_fail (CPL_IS_LINE_CHART (self), FALSE);

  if (index >= self->marker_places->len)
    return FALSE;
  *rect = g_array_index (self->marker_places, graphene_rect_t, index);
  return rect->size.width > 0;
}

/**
 * cpl_line_chart_set_span:
 * @from: where the range of x starts; NaN removes the span
 * @to: where it ends
 * @label: (nullable): its entry in the legend: "Vendor sells at a loss"
 *
 * Shades x from @from to @to over the plot's height, behind the bands
 * and lines, as far as it is on the plot.
 */
void
cpl_line_chart_set_span (CplLineChart *self,
                         double        from,
                         double        to,
                         const char   *label)
{
  g_return_if_fail (CPL_IS_LINE_CHART (self));

  self->span_from = isfinite (from) && isfinite (to) ? MIN (from, to) : NAN;
  self->span_to = isfinite (from) && isfinite (to) ? MAX (from, to) : NAN;
  cpl_chart_set_string (&self->span_label, isfinite (self->span_from) ? label : NULL);
  invalidate (self);
}

/* The index (into the x values, see cpl_line_chart_get_x_value()) of the
 * keyboard's crosshair, or -1. */
int
cpl_line_chart_get_cursor (CplLineChart *self)
{
  g_return_val_if_fail (CPL_IS_LINE_CHART (self), -1);

  xs (self);  /* a cursor past the last x after the series changed is -1 */
  return self->cursor;
}

/**
 * cpl_line_chart_get_x_value:
 * @index: an index into the chart's x values: the distinct x of every
 *   point with both values known, ascending
 *
 * Returns: the x value, or NaN when there is no such index
 */
double
cpl_line_chart_get_x_value (CplLineChart *self,
                            guint         index)
{
  g_return_val_if_fail (CPL_IS_LINE_CHART (self), NAN);

  if (index >= xs (self)->len)
    return NAN;
  return g_array_index (xs (self), double, index);
}

/* Where point @index of @series is drawn, in widget coordinates; %FALSE
 * when it is not (no such point, a NaN value, no room). */
gboolean
cpl_line_chart_point_position (CplLineChart *self,
                               guint         series,
                               guint         index,
                               double       *x,
                               double       *y)
{
  const Series *s;

  g_return_val_if_fail (CPL_IS_LINE_CHART (self), FALSE);

  cpl_chart_ensure_layout (CPL_CHART (self));
  if (series >= self->series->len || !cpl_chart_frame_has_plot (FRAME (self)))
    return FALSE;
  s = g_ptr_array_index (self->series, series);
  if (index >= s->n || !point_defined (s, index))
    return FALSE;

  if (x != NULL)
    *x = x_pixel (self, s->x[index]);
  if (y != NULL)
    *y = y_pixel (self, s->y[index]);
  return TRUE;
}

/**
 * cpl_line_chart_nearest_index:
 * @widget_x: a horizontal position in widget coordinates
 *
 * Returns: the index of the x value drawn nearest to @widget_x (see
 *   cpl_line_chart_get_x_value()), or -1 when @widget_x is off the plot
 *   or there is nothing drawn
 */
int
cpl_line_chart_nearest_index (CplLineChart *self,
                              double        widget_x)
{
  const graphene_rect_t *plot;
  int best = -1;
  double best_distance = INFINITY;

  g_return_val_if_fail (CPL_IS_LINE_CHART (self), -1);

  cpl_chart_ensure_layout (CPL_CHART (self));
  plot = &FRAME (self)->plot;
  if (!cpl_chart_frame_has_plot (FRAME (self)) || !isfinite (widget_x)
      || widget_x < plot->origin.x - HIT_SLACK || widget_x > plot->origin.x + plot->size.width + HIT_SLACK)
    return -1;

  for (guint i = 0; i < xs (self)->len; i++)
    {
      double distance = fabs (x_pixel (self, g_array_index (xs (self), double, i)) - widget_x);

      if (distance < best_distance)
        {
          best = (int) i;
          best_distance = distance;
        }
    }
  return best;
}

/**
 * cpl_line_chart_set_series_band:
 * @index: a series
 * @low: (array) (nullable): the series' n low values (P10); NaN leaves a
 *   gap; %NULL removes the band
 * @high: (array) (nullable): its n high values (P90)
 *
 * A translucent band in the series' colour from @low to @high, behind
 * the lines; the y axis takes it in, and tooltips say it.
 */
void
cpl_line_chart_set_series_band (CplLineChart *self,
                                guint         index,
                                const double *low,
                                const double *high)
{
  Series *series;

  g_return_if_fail (CPL_IS_LINE_CHART (self));
  g_return_if_fail (index < self->series->len);
  g_return_if_fail ((low == NULL) == (high == NULL));

  series = g_ptr_array_index (self->series, index);
  g_clear_pointer (&series->band_low, g_free);
  g_clear_pointer (&series->band_high, g_free);
  if (low != NULL)
    {
      series->band_low = g_memdup2 (low, MAX (series->n, 1) * sizeof (double));
      series->band_high = g_memdup2 (high, MAX (series->n, 1) * sizeof (double));
    }
  invalidate (self);
}

/* Whether pressing and dragging on the plot (and the keyboard crosshair)
 * emit CplLineChart::x-dragged: a chart that sets a value. */
void
cpl_line_chart_set_draggable (CplLineChart *self,
                              gboolean      draggable)
{
  g_return_if_fail (CPL_IS_LINE_CHART (self));

  self->draggable = !!draggable;
}

/**
 * cpl_line_chart_set_show_points:
 *
 * Whether each point of each series has a dot on its line: for values
 * that are one a year, where a line between two years could cross another
 * where no year does.
 */
void
cpl_line_chart_set_show_points (CplLineChart *self,
                                gboolean      show_points)
{
  g_return_if_fail (CPL_IS_LINE_CHART (self));

  self->show_points = !!show_points;
  cpl_chart_invalidate (CPL_CHART (self));
}

gboolean
cpl_line_chart_get_show_points (CplLineChart *self)
{
  g_return_val_if_fail (CPL_IS_LINE_CHART (self), FALSE);
  return self->show_points;
}

/**
 * cpl_line_chart_x_at:
 * @widget_x: a horizontal position in widget coordinates
 *
 * Returns: the x value drawn at @widget_x, clamped to the axis; NaN when
 *   there is no plot
 */
double
cpl_line_chart_x_at (CplLineChart *self,
                     double        widget_x)
{
  const CplChartFrame *frame;

  g_return_val_if_fail (CPL_IS_LINE_CHART (self), NAN);

  cpl_chart_ensure_layout (CPL_CHART (self));
  frame = FRAME (self);
  if (!cpl_chart_frame_has_plot (frame) || !isfinite (widget_x))
    return NAN;
  return cpl_chart_axis_from_unit (&frame->x_ticks.axis,
                                   CLAMP ((widget_x - frame->plot.origin.x) / frame->plot.size.width, 0, 1));
}

/* The band of point @index of @series, as set; %FALSE when it has none. */
gboolean
cpl_line_chart_get_band (CplLineChart *self,
                         guint         series,
                         guint         index,
                         double       *low,
                         double       *high)
{
  const Series *s;

  g_return_val_if_fail (CPL_IS_LINE_CHART (self), FALSE);

  if (series >= self->series->len)
    return FALSE;
  s = g_ptr_array_index (self->series, series);
  if (index >= s->n || !band_defined (s, index))
    return FALSE;
  *low = s->band_low[index];
  *high = s->band_high[index];
  return TRUE;
}

/* Puts the keyboard's crosshair on x value @index (-1: none), as when a
 * chart is filled again with the same x values. */
void
cpl_line_chart_set_cursor (CplLineChart *self,
                           int           index)
{
  g_return_if_fail (CPL_IS_LINE_CHART (self));

  self->cursor = index >= 0 && index < (int) xs (self)->len ? index : -1;
  cpl_chart_queue_draw (CPL_CHART (self));
}
