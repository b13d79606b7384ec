/* cpl-scatter-chart.c: chips as points on two metrics, with rule regions
 *
 * Points are placed on two axes (linear or log), over shaded regions
 * ("what a rule catches") and dashed threshold lines.  Each point style
 * has its own marker shape, so no distinction rests on colour alone; a
 * plain point given a chip's status takes the status's colour and shape
 * instead (no licence needed a disc, licensable a triangle, denied a
 * square), one legend entry per status shown.
 *
 * The layout (legend, ticks, plot area) depends on the size and the
 * data; it is made on demand and kept until either changes, so hit
 * tests and drawing use the same geometry.
 *
 * Keyboard: Left/Right walk the points in x order, Up/Down in y order,
 * Home/End jump to the ends; Enter or Space activates the selected point.
 */
#define G_LOG_DOMAIN "cpl-scatter-chart"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "cpl-format.h"
#include "cpl-chart-private.h"
#include "cpl-scatter-chart.h"
#include "views/chips/cpl-chip-text.h"

#define MARKER_RADIUS    5.
#define HIGHLIGHT_GROWTH 1.5   /* a highlighted marker is this much larger */
#define RING_GAP         4.5   /* and its ring this far outside it */
#define HIT_RADIUS       10.
/* Right of the plot: room for the last x tick label to overhang. */
#define RIGHT_MARGIN  (CPL_CHART_PADDING + 10)
#define N_STYLES      4

typedef struct
{
  char          *id;
  char          *label;
  double         x;
  double         y;
  CplPointStyle  style;
  int            status;              /* a CplChipStatus, or -1: the style's colour */
} Point;

typedef struct
{
  char  *label;
  double x0, x1, y0, y1;
  guint  color;
} Region;

typedef struct
{
  char  *label;
  double x;
  guint  color;
} Line;

struct _CplScatterChart
{
  CplChart         parent_instance;

  char            *x_title;
  char            *y_title;
  char            *x_axis_title;  /* as drawn: a log axis says so */
  char            *y_axis_title;
  guint            n_hidden_labels;  /* at the last drawing: names that did not fit */
  graphene_rect_t  note_place;       /* at the last drawing: where that said so (empty: nowhere) */
  GHashTable      *named;            /* at the last drawing: id of a point whose name was drawn → where */
  gboolean         x_log;
  gboolean         y_log;
  char            *style_labels[N_STYLES];
  char            *status_labels[CPL_N_CHIP_STATUSES];
  gboolean         show_labels;
  char            *note;             /* in a corner of the plot, or NULL */

  GPtrArray       *points;
  GPtrArray       *regions;
  GPtrArray       *lines;

  char            *selected;
  char            *hover;
};

G_DEFINE_ENUM_TYPE (CplPointStyle, cpl_point_style,
                    G_DEFINE_ENUM_VALUE (CPL_POINT_STYLE_NORMAL, "normal"),
                    G_DEFINE_ENUM_VALUE (CPL_POINT_STYLE_DOMESTIC, "domestic"),
                    G_DEFINE_ENUM_VALUE (CPL_POINT_STYLE_HYPOTHETICAL, "hypothetical"),
                    G_DEFINE_ENUM_VALUE (CPL_POINT_STYLE_UNRELEASED, "unreleased"))

G_DEFINE_FINAL_TYPE (CplScatterChart, cpl_scatter_chart, CPL_TYPE_CHART)

#define FRAME(self)   (cpl_chart_get_frame (CPL_CHART (self)))
#define PALETTE(self) (cpl_chart_get_palette (CPL_CHART (self)))

enum {
  PROP_0,
  PROP_SELECTED,
  N_PROPS
};

enum {
  POINT_ACTIVATED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void
point_free (gpointer data)
{
  Point *point = data;

  g_free (point->id);
  g_free (point->label);
  g_free (point);
}

static void
region_free (gpointer data)
{
  Region *region = data;

  g_free (region->label);
  g_free (region);
}

static void
line_free (gpointer data)
{
  Line *line = data;

  g_free (line->label);
  g_free (line);
}

/* ---- geometry ---- */

static void
invalidate (CplScatterChart *self)
{
  cpl_chart_invalidate (CPL_CHART (self));
}

static void
ensure_layout (CplScatterChart *self)
{
  cpl_chart_ensure_layout (CPL_CHART (self));
}

static gboolean
point_visible (CplScatterChart *self,
               const Point     *point)
{
  return isfinite (point->x) && isfinite (point->y)
         && (!self->x_log || point->x > 0)
         && (!self->y_log || point->y > 0);
}

static GdkRGBA
style_color (CplScatterChart *self,
             CplPointStyle    style)
{
  const CplChartPalette *palette = PALETTE (self);

  if (style == CPL_POINT_STYLE_DOMESTIC)
    return *cpl_chart_palette_series (palette, CPL_CHART_COLOR_VERMILLION);
  if (style == CPL_POINT_STYLE_UNRELEASED)
    /* grey, as "Needs data", but hollow: no status on that day */
    return cpl_chart_rgba_alpha (&palette->fg, .55f);
  return palette->accent;
}

/* Whether a point of @style is drawn as a ring: a chip that does not
 * exist (a What If… twin, a chip not yet released on the map's day). */
static gboolean
style_hollow (CplPointStyle style)
{
  return style == CPL_POINT_STYLE_HYPOTHETICAL || style == CPL_POINT_STYLE_UNRELEASED;
}

static CplChartMarker
style_marker (CplPointStyle style)
{
  return style == CPL_POINT_STYLE_DOMESTIC ? CPL_CHART_MARKER_DIAMOND : CPL_CHART_MARKER_CIRCLE;
}

static CplChartMarker
status_marker (CplChipStatus status)
{
  switch (status)
    {
    case CPL_CHIP_STATUS_LICENSABLE: return CPL_CHART_MARKER_TRIANGLE;
    case CPL_CHIP_STATUS_DENIED:     return CPL_CHART_MARKER_SQUARE;
    case CPL_CHIP_STATUS_DOMESTIC:   return CPL_CHART_MARKER_DIAMOND;
    case CPL_CHIP_STATUS_FREE:
    case CPL_CHIP_STATUS_UNKNOWN:
    case CPL_N_CHIP_STATUSES:
    default:                         return CPL_CHART_MARKER_CIRCLE;
    }
}

/* Whether @point is drawn in its status's colour and shape. */
static gboolean
by_status (const Point *point)
{
  return point->style == CPL_POINT_STYLE_NORMAL && point->status >= 0;
}

static GdkRGBA
point_color (CplScatterChart *self,
             const Point     *point)
{
  return by_status (point) ? cpl_chart_status_color (PALETTE (self), point->status)
                           : style_color (self, point->style);
}

static CplChartMarker
point_marker (const Point *point)
{
  return by_status (point) ? status_marker (point->status) : style_marker (point->style);
}

static void
cpl_scatter_chart_build_legend (CplChart *chart,
                                GArray   *items)
{
  CplScatterChart *self = CPL_SCATTER_CHART (chart);
  const CplChartPalette *palette = PALETTE (self);
  gboolean present[N_STYLES] = { FALSE, };
  gboolean statuses[CPL_N_CHIP_STATUSES] = { FALSE, };
  /* in the order of the table's verdicts, most open first */
  static const CplChipStatus status_order[] = {
    CPL_CHIP_STATUS_FREE, CPL_CHIP_STATUS_LICENSABLE, CPL_CHIP_STATUS_DENIED, CPL_CHIP_STATUS_UNKNOWN
  };

  for (guint i = 0; i < self->points->len; i++)
    {
      const Point *point = g_ptr_array_index (self->points, i);

      if (!point_visible (self, point))
        continue;
      if (by_status (point))
        statuses[point->status] = TRUE;
      else
        present[point->style] = TRUE;
    }

  for (guint i = 0; i < G_N_ELEMENTS (status_order); i++)
    {
      CplChartLegendItem item = {
        .kind = CPL_CHART_LEGEND_MARKER,
        .color = cpl_chart_status_color (palette, status_order[i]),
        .marker = status_marker (status_order[i]),
        .label = self->status_labels[status_order[i]],
      };

      if (statuses[status_order[i]])
        cpl_chart_legend_append (items, &item);
    }

  for (guint style = 0; style < N_STYLES; style++)
    {
      CplChartLegendItem item = {
        .kind = CPL_CHART_LEGEND_MARKER,
        .color = style_color (self, style),
        .marker = style_marker (style),
        .hollow = style_hollow (style),
        .label = self->style_labels[style],
      };

      if (present[style])
        cpl_chart_legend_append (items, &item);
    }

  for (guint i = 0; i < self->regions->len; i++)
    {
      const Region *region = g_ptr_array_index (self->regions, i);
      CplChartLegendItem item = {
        .kind = CPL_CHART_LEGEND_AREA,
        .color = *cpl_chart_palette_series (palette, region->color),
        .label = region->label,
      };

      cpl_chart_legend_append (items, &item);
    }

  for (guint i = 0; i < self->lines->len; i++)
    {
      const Line *line = g_ptr_array_index (self->lines, i);
      CplChartLegendItem item = {
        .kind = CPL_CHART_LEGEND_DASH,
        .color = *cpl_chart_palette_series (palette, line->color),
        .label = line->label,
      };

      cpl_chart_legend_append (items, &item);
    }
}

static void
append_value (GArray       *values,
              double        value,
              gboolean      log_scale)
{
  /* the open ends of regions (±∞, or 0 on a log axis) do not count */
  if (isfinite (value) && (!log_scale || value > 0))
    g_array_append_val (values, value);
}

static void
fit_axes (CplScatterChart *self,
          CplChartAxis    *x_axis,
          CplChartAxis    *y_axis)
{
  g_autoptr(GArray) xs = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) ys = g_array_new (FALSE, FALSE, sizeof (double));

  for (guint i = 0; i < self->points->len; i++)
    {
      const Point *point = g_ptr_array_index (self->points, i);

      if (!point_visible (self, point))
        continue;
      g_array_append_val (xs, point->x);
      g_array_append_val (ys, point->y);
    }
  for (guint i = 0; i < self->regions->len; i++)
    {
      const Region *region = g_ptr_array_index (self->regions, i);

      append_value (xs, region->x0, self->x_log);
      append_value (xs, region->x1, self->x_log);
      append_value (ys, region->y0, self->y_log);
      append_value (ys, region->y1, self->y_log);
    }
  for (guint i = 0; i < self->lines->len; i++)
    {
      const Line *line = g_ptr_array_index (self->lines, i);

      append_value (xs, line->x, self->x_log);
    }

  cpl_chart_axis_init (x_axis, self->x_log ? CPL_CHART_SCALE_LOG : CPL_CHART_SCALE_LINEAR);
  cpl_chart_axis_init (y_axis, self->y_log ? CPL_CHART_SCALE_LOG : CPL_CHART_SCALE_LINEAR);
  cpl_chart_axis_fit (x_axis, (const double *) (gpointer) xs->data, xs->len);
  cpl_chart_axis_fit (y_axis, (const double *) (gpointer) ys->data, ys->len);
}

static void
cpl_scatter_chart_layout (CplChart *chart,
                          int       width,
                          int       height)
{
  CplScatterChart *self = CPL_SCATTER_CHART (chart);
  PangoContext *context = CPL_CHART_CONTEXT (self);
  CplChartFrame *frame = FRAME (self);
  g_autoptr(GArray) legend = cpl_chart_build_legend (chart);
  CplChartAxis x_axis, y_axis;

  fit_axes (self, &x_axis, &y_axis);

  cpl_chart_frame_begin (frame, context, width, height,
                         (const CplChartLegendItem *) (gpointer) legend->data, legend->len,
                         self->y_axis_title, self->x_axis_title, cpl_chart_frame_x_axis_height (context));
  cpl_chart_frame_finish (frame, context, &y_axis,
                          cpl_chart_get_format (chart, GTK_ORIENTATION_VERTICAL), RIGHT_MARGIN);
  cpl_chart_frame_finish_x (frame, context, &x_axis,
                            cpl_chart_get_format (chart, GTK_ORIENTATION_HORIZONTAL), FALSE,
                            CPL_CHART_LABEL_GAP - 2, RIGHT_MARGIN - 2);
}

static double
x_pixel (CplScatterChart *self,
         double           value)
{
  const graphene_rect_t *plot = &FRAME (self)->plot;

  /* open ends lie just beyond the plot, where the clip cuts them */
  if (value == -INFINITY || (self->x_log && value <= 0))
    return plot->origin.x - 1;
  if (value == INFINITY)
    return plot->origin.x + plot->size.width + 1;
  return cpl_chart_frame_x (FRAME (self), value);
}

static double
y_pixel (CplScatterChart *self,
         double           value)
{
  const graphene_rect_t *plot = &FRAME (self)->plot;

  if (value == -INFINITY || (self->y_log && value <= 0))
    return plot->origin.y + plot->size.height + 1;
  if (value == INFINITY)
    return plot->origin.y - 1;
  return cpl_chart_frame_y (FRAME (self), value);
}

static gboolean
point_pixel (CplScatterChart *self,
             const Point     *point,
             double          *x,
             double          *y)
{
  if (!point_visible (self, point) || !cpl_chart_frame_has_plot (FRAME (self)))
    return FALSE;
  *x = x_pixel (self, point->x);
  *y = y_pixel (self, point->y);
  return TRUE;
}

static gboolean
region_rect (CplScatterChart *self,
             const Region    *region,
             graphene_rect_t *rect)
{
  double left, right, top, bottom;
  graphene_rect_t full;

  if (isnan (region->x0) || isnan (region->x1) || isnan (region->y0) || isnan (region->y1))
    return FALSE;

  left = x_pixel (self, MIN (region->x0, region->x1));
  right = x_pixel (self, MAX (region->x0, region->x1));
  bottom = y_pixel (self, MIN (region->y0, region->y1));
  top = y_pixel (self, MAX (region->y0, region->y1));

  full = GRAPHENE_RECT_INIT (left, top, right - left, bottom - top);
  return graphene_rect_intersection (&full, &FRAME (self)->plot, rect)
         && rect->size.width >= 1 && rect->size.height >= 1;
}

static Point *
find_point (CplScatterChart *self,
            const char      *id)
{
  if (id == NULL)
    return NULL;
  for (guint i = 0; i < self->points->len; i++)
    {
      Point *point = g_ptr_array_index (self->points, i);

      if (g_strcmp0 (point->id, id) == 0)
        return point;
    }
  return NULL;
}

static Point *
nearest_point (CplScatterChart *self,
               double           x,
               double           y)
{
  Point *best = NULL;
  double best_distance = HIT_RADIUS;

  ensure_layout (self);

  for (guint i = 0; i < self->points->len; i++)
    {
      Point *point = g_ptr_array_index (self->points, i);
      double px, py, distance;

      if (!point_pixel (self, point, &px, &py))
        continue;
      distance = hypot (px - x, py - y);
      if (distance <= best_distance)
        {
          best = point;
          best_distance = distance;
        }
    }
  return best;
}

/* The spot a point is drawn on, to the pixel: points on one spot (the
 * H100 and the H800: the same TPP and bandwidth) share a marker. */
static gint64
spot_key (double x,
          double y)
{
  return ((gint64) lround (x) << 32) | (guint32) (gint32) lround (y);
}

/* The names of @spot's points (on one spot, in the order they were
 * added), "H100 SXM5 80GB, H800 SXM5": one marker reads as one chip, and
 * a second name beside it floated without one. */
static char *
spot_names (GPtrArray *spot)
{
  GString *names = g_string_new (NULL);

  for (guint i = 0; i < spot->len; i++)
    {
      const Point *point = g_ptr_array_index (spot, i);

      if (names->len > 0)
        /* Translators: between names in a list */
        g_string_append (names, _(", "));
      g_string_append (names, point->label ? point->label : point->id);
    }
  return g_string_free (names, FALSE);
}

/* The names of @spot's points, @first's first, then the others in the
 * order they were added: "H800 SXM5, H100 SXM5 80GB" with the H800
 * selected. */
static char *
spot_names_from (GPtrArray   *spot,
                 const Point *first)
{
  g_autoptr(GPtrArray) ordered = g_ptr_array_new ();

  g_ptr_array_add (ordered, (gpointer) first);
  for (guint i = 0; i < spot->len; i++)
    if (g_ptr_array_index (spot, i) != first)
      g_ptr_array_add (ordered, g_ptr_array_index (spot, i));
  return spot_names (ordered);
}

/* What a point's marker says: its status, or its style where it has none. */
static const char *
kind_label (CplScatterChart *self,
            const Point     *point)
{
  return by_status (point) ? self->status_labels[point->status] : self->style_labels[point->style];
}

/* Whether the points of @spot are drawn alike (one colour and shape). */
static gboolean
spot_alike (GPtrArray *spot)
{
  for (guint i = 1; i < spot->len; i++)
    {
      const Point *a = g_ptr_array_index (spot, 0), *b = g_ptr_array_index (spot, i);

      if (by_status (a) != by_status (b) || (by_status (a) ? a->status != b->status : a->style != b->style))
        return FALSE;
    }
  return TRUE;
}

/* A tooltip's first lines for @spot: its names; where its points are not
 * alike, each name with what its marker says, one a line ("H100 SXM5
 * 80GB: Denied", "H800 SXM5: No licence needed"): on 2023-03-01 the
 * H800's green disc hid the H100's red square. */
static char *
spot_names_kinds (CplScatterChart *self,
                  GPtrArray       *spot)
{
  GString *text;

  if (spot_alike (spot))
    return spot_names (spot);
  text = g_string_new (NULL);
  for (guint i = 0; i < spot->len; i++)
    {
      const Point *point = g_ptr_array_index (spot, i);
      const char *kind = kind_label (self, point);

      if (text->len > 0)
        g_string_append_c (text, '\n');
      if (kind != NULL)
        /* Translators: a point and what its marker means, "H100 SXM5 80GB: Denied" */
        g_string_append_printf (text, _("%1$s: %2$s"), point->label ? point->label : point->id, kind);
      else
        g_string_append (text, point->label ? point->label : point->id);
    }
  return g_string_free (text, FALSE);
}

/* The points drawn on @point's spot, itself too, in the order they were
 * added. */
static GPtrArray *
spot_of (CplScatterChart *self,
         const Point     *point)
{
  GPtrArray *spot = g_ptr_array_new ();
  double x, y;
  gint64 key;

  if (!point_pixel (self, point, &x, &y))
    return spot;
  key = spot_key (x, y);
  for (guint i = 0; i < self->points->len; i++)
    {
      Point *other = g_ptr_array_index (self->points, i);

      if (point_pixel (self, other, &x, &y) && spot_key (x, y) == key)
        g_ptr_array_add (spot, other);
    }
  return spot;
}

/* Every spot with points on it: spot_key() → GPtrArray of its points in
 * the order they were added.  One pass, for a frame's labels (asked of
 * each point, the points on its spot made the labels of 10,000 chips a
 * hundred million comparisons). */
static GHashTable *
spots_new (CplScatterChart *self)
{
  GHashTable *spots = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                             (GDestroyNotify) g_ptr_array_unref);

  for (guint i = 0; i < self->points->len; i++)
    {
      Point *point = g_ptr_array_index (self->points, i);
      gint64 key;
      GPtrArray *spot;
      double x, y;

      if (!point_pixel (self, point, &x, &y))
        continue;
      key = spot_key (x, y);
      spot = g_hash_table_lookup (spots, &key);
      if (spot == NULL)
        {
          spot = g_ptr_array_new ();
          g_hash_table_insert (spots, g_memdup2 (&key, sizeof key), spot);
        }
      g_ptr_array_add (spot, point);
    }
  return spots;
}

/* ---- drawing ---- */

/* The edges of a region drawn at @rect: where it ends, none where it is
 * open (at the plot's side); each a segment from @from to @to, across or
 * down.  Returns how many. */
static guint
region_edges (CplScatterChart       *self,
              const graphene_rect_t *rect,
              graphene_point_t       from[4],
              graphene_point_t       to[4])
{
  const graphene_rect_t *plot = &FRAME (self)->plot;
  double left = rect->origin.x, top = rect->origin.y;
  double right = left + rect->size.width, bottom = top + rect->size.height;
  guint n = 0;

  if (left > plot->origin.x + .5)
    from[n] = GRAPHENE_POINT_INIT (left, top), to[n++] = GRAPHENE_POINT_INIT (left, bottom);
  if (right < plot->origin.x + plot->size.width - .5)
    from[n] = GRAPHENE_POINT_INIT (right, top), to[n++] = GRAPHENE_POINT_INIT (right, bottom);
  if (top > plot->origin.y + .5)
    from[n] = GRAPHENE_POINT_INIT (left, top), to[n++] = GRAPHENE_POINT_INIT (right, top);
  if (bottom < plot->origin.y + plot->size.height - .5)
    from[n] = GRAPHENE_POINT_INIT (left, bottom), to[n++] = GRAPHENE_POINT_INIT (right, bottom);
  return n;
}

/* What a point's name had better not cross: the regions' edges and the
 * threshold lines, as rects a few pixels wide. */
static GArray *
edges_new (CplScatterChart *self)
{
  const graphene_rect_t *plot = &FRAME (self)->plot;
  GArray *edges = g_array_new (FALSE, FALSE, sizeof (graphene_rect_t));

  for (guint i = 0; i < self->regions->len; i++)
    {
      graphene_point_t from[4], to[4];
      graphene_rect_t rect;
      guint n;

      if (!region_rect (self, g_ptr_array_index (self->regions, i), &rect))
        continue;
      n = region_edges (self, &rect, from, to);
      for (guint e = 0; e < n; e++)
        {
          graphene_rect_t edge = GRAPHENE_RECT_INIT (MIN (from[e].x, to[e].x) - 1, MIN (from[e].y, to[e].y) - 1,
                                                     fabs (to[e].x - from[e].x) + 2, fabs (to[e].y - from[e].y) + 2);

          g_array_append_val (edges, edge);
        }
    }
  for (guint i = 0; i < self->lines->len; i++)
    {
      const Line *line = g_ptr_array_index (self->lines, i);
      graphene_rect_t edge;

      if (!isfinite (line->x) || (self->x_log && line->x <= 0))
        continue;
      edge = GRAPHENE_RECT_INIT (x_pixel (self, line->x) - 2, plot->origin.y, 4, plot->size.height);
      g_array_append_val (edges, edge);
    }
  return edges;
}

static void
snapshot_regions (CplScatterChart *self,
                  GtkSnapshot     *snapshot)
{
  const graphene_rect_t *plot = &FRAME (self)->plot;

  gtk_snapshot_push_clip (snapshot, plot);

  for (guint i = 0; i < self->regions->len; i++)
    {
      const Region *region = g_ptr_array_index (self->regions, i);
      const GdkRGBA *color = cpl_chart_palette_series (PALETTE (self), region->color);
      GdkRGBA fill = cpl_chart_region_fill (PALETTE (self), color);
      GdkRGBA edge = cpl_chart_rgba_alpha (color, .7f);
      graphene_point_t from[4], to[4];
      graphene_rect_t rect;
      guint n;

      if (!region_rect (self, region, &rect))
        continue;

      gtk_snapshot_append_color (snapshot, &fill, &rect);
      n = region_edges (self, &rect, from, to);
      for (guint e = 0; e < n; e++)
        if (from[e].x == to[e].x)
          cpl_chart_append_vline (snapshot, from[e].x, from[e].y, to[e].y, 1, &edge, FALSE);
        else
          cpl_chart_append_hline (snapshot, from[e].x, to[e].x, from[e].y, 1, &edge, FALSE);
    }

  for (guint i = 0; i < self->lines->len; i++)
    {
      const Line *line = g_ptr_array_index (self->lines, i);
      double x;

      if (!isfinite (line->x) || (self->x_log && line->x <= 0))
        continue;
      x = x_pixel (self, line->x);
      cpl_chart_append_vline (snapshot, x, plot->origin.y, plot->origin.y + plot->size.height, 2,
                              cpl_chart_palette_series (PALETTE (self), line->color), TRUE);
    }

  gtk_snapshot_pop (snapshot);
}

/* A marker as drawn (its centre, and how far from it it reaches: a
 * highlighted point's ring further), and the spot it stands for. */
typedef struct
{
  double x, y;
  double extent;
  gint64 spot;
} Marker;

/* Whose a point's name is: its spot (at @x, @y) among every marker. */
typedef struct
{
  const GArray *markers;   /* of Marker */
  gint64        spot;
  double        x, y;
  double        extent;    /* its marker's, as Marker's */
} NameOwner;

static double
rect_distance (const graphene_rect_t *rect,
               double                 x,
               double                 y)
{
  double dx = MAX (MAX (rect->origin.x - x, 0), x - (rect->origin.x + rect->size.width));
  double dy = MAX (MAX (rect->origin.y - y, 0), y - (rect->origin.y + rect->size.height));

  return hypot (dx, dy);
}

/* Whether a name at @rect is nearer its own marker than any other, each
 * measured to the marker's edge as drawn: one as near another reads as
 * that one's ("GB200 (per GPU)" over the MI355X's square and its own,
 * "B200" under three).  Measured to the centres, "Gaudi 3 (OAM)", 7 px
 * above its square's centre, was nearer its own than the selected H200's
 * (13 px), and began 2 px from that one's ring, at its height: it read
 * as the H200's name. */
static gboolean
nearest_own (const NameOwner       *owner,
             const graphene_rect_t *rect)
{
  double own = rect_distance (rect, owner->x, owner->y) - owner->extent;

  for (guint i = 0; i < owner->markers->len; i++)
    {
      const Marker *marker = &g_array_index (owner->markers, Marker, i);

      if (marker->spot != owner->spot && rect_distance (rect, marker->x, marker->y) - marker->extent < own + 1)
        return FALSE;
    }
  return TRUE;
}

/* Draws @layout at the first of @candidates (top-left corners) that lies
 * inside @bounds, clear of @obstacles, of @edges when given, and (with an
 * @owner) nearer its own marker than any other, and adds it to the
 * obstacles. */
static gboolean
place_owned_label (GtkSnapshot            *snapshot,
                   PangoLayout            *layout,
                   const graphene_point_t *candidates,
                   guint                   n_candidates,
                   const graphene_rect_t  *bounds,
                   GArray                 *obstacles,
                   GArray                 *edges,
                   const GdkRGBA          *color,
                   const NameOwner        *owner,
                   graphene_rect_t        *placed)
{
  int width, height;

  cpl_chart_layout_size (layout, &width, &height);

  for (guint i = 0; i < n_candidates; i++)
    {
      graphene_rect_t rect = GRAPHENE_RECT_INIT (candidates[i].x, candidates[i].y, width, height);

      if (!graphene_rect_contains_rect (bounds, &rect) || cpl_chart_rect_overlaps (&rect, obstacles)
          || (edges != NULL && cpl_chart_rect_overlaps (&rect, edges))
          || (owner != NULL && !nearest_own (owner, &rect)))
        continue;

      cpl_chart_append_layout (snapshot, layout, rect.origin.x, rect.origin.y, color);
      g_array_append_val (obstacles, rect);
      if (placed != NULL)
        *placed = rect;
      return TRUE;
    }
  return FALSE;
}

static gboolean
place_label (GtkSnapshot            *snapshot,
             PangoLayout            *layout,
             const graphene_point_t *candidates,
             guint                   n_candidates,
             const graphene_rect_t  *bounds,
             GArray                 *obstacles,
             const GdkRGBA          *color)
{
  return place_owned_label (snapshot, layout, candidates, n_candidates, bounds, obstacles, NULL, color, NULL, NULL);
}

/* Where a point's name finds no place beside its marker (three denied
 * chips a few pixels apart, top right of the map, one nameless): a
 * little further below or above it, across the marker, with a faint
 * leader from the marker to the name, neither over anything drawn. */
static gboolean
place_label_apart (GtkSnapshot           *snapshot,
                   PangoLayout           *layout,
                   const NameOwner       *owner,
                   double                 r,
                   const graphene_rect_t *bounds,
                   GArray                *obstacles,
                   GArray                *edges,
                   const GdkRGBA         *color,
                   graphene_rect_t       *placed)
{
  double px = owner->x, py = owner->y;
  const double apart = 12;
  int w, h;

  cpl_chart_layout_size (layout, &w, &h);
  for (guint below = 2; below-- > 0;)
    {
      double y = below ? py + r + apart : py - r - apart - h;
      /* centred on the leader, then ending or starting near it */
      const double xs[] = { px - w / 2., px - w + 8, px - 8 };
      double top = below ? py + MARKER_RADIUS + 1 : y + h;
      double bottom = below ? y : py - MARKER_RADIUS - 1;
      graphene_rect_t leader = GRAPHENE_RECT_INIT (px - 1, top, 2, bottom - top);

      if (cpl_chart_rect_overlaps (&leader, obstacles))
        continue;
      for (guint i = 0; i < G_N_ELEMENTS (xs); i++)
        {
          graphene_rect_t rect = GRAPHENE_RECT_INIT (xs[i], y, w, h);
          GdkRGBA faint = cpl_chart_rgba_alpha (color, .5f);
          graphene_rect_t clear;

          /* with room around it: a name away from its marker, just over
           * another marker, read as that one's */
          graphene_rect_inset_r (&rect, -4, -4, &clear);
          /* the leader says whose it is, not the distance */
          if (!graphene_rect_contains_rect (bounds, &rect) || cpl_chart_rect_overlaps (&clear, obstacles)
              || (edges != NULL && cpl_chart_rect_overlaps (&rect, edges)))
            continue;
          cpl_chart_append_layout (snapshot, layout, rect.origin.x, rect.origin.y, color);
          cpl_chart_append_vline (snapshot, px, top, bottom, 1, &faint, FALSE);
          /* no later name over either */
          g_array_append_val (obstacles, rect);
          g_array_append_val (obstacles, leader);
          *placed = rect;
          return TRUE;
        }
    }
  return FALSE;
}

static void
snapshot_annotations (CplScatterChart *self,
                      GtkSnapshot     *snapshot,
                      GArray          *obstacles)
{
  PangoContext *context = CPL_CHART_CONTEXT (self);
  const graphene_rect_t *plot = &FRAME (self)->plot;
  GdkRGBA text = cpl_chart_rgba_alpha (&PALETTE (self)->fg, .8f);
  g_autoptr(GPtrArray) placed = g_ptr_array_new ();

  for (guint i = 0; i < self->regions->len; i++)
    {
      const Region *region = g_ptr_array_index (self->regions, i);
      g_autoptr(PangoLayout) layout = NULL;
      graphene_rect_t r;
      int w, h;

      /* regions of one rule are labelled once */
      if (region->label == NULL || !region_rect (self, region, &r)
          || g_ptr_array_find_with_equal_func (placed, region->label, g_str_equal, NULL))
        continue;

      layout = cpl_chart_layout_new (context, region->label, CPL_CHART_FONT_LABEL);
      cpl_chart_layout_size (layout, &w, &h);
      {
        double left = r.origin.x + 6, right = r.origin.x + r.size.width - 6 - w;
        double top = r.origin.y + 4, bottom = r.origin.y + r.size.height - 4 - h;
        graphene_point_t candidates[] = {
          /* inside, near a corner */
          GRAPHENE_POINT_INIT (left, top),
          GRAPHENE_POINT_INIT (right, top),
          GRAPHENE_POINT_INIT (left, bottom),
          GRAPHENE_POINT_INIT (right, bottom),
          /* too small for its label: just outside it */
          GRAPHENE_POINT_INIT (r.origin.x, r.origin.y - h - 2),
          GRAPHENE_POINT_INIT (r.origin.x + r.size.width - w, r.origin.y - h - 2),
          GRAPHENE_POINT_INIT (r.origin.x, r.origin.y + r.size.height + 2),
        };
        guint n_inside = (w + 12 <= r.size.width && h + 8 <= r.size.height) ? 4 : 0;

        if (place_label (snapshot, layout, candidates + 4 - n_inside, G_N_ELEMENTS (candidates) - 4 + n_inside,
                         plot, obstacles, &text))
          g_ptr_array_add (placed, region->label);
      }
    }

  for (guint i = 0; i < self->lines->len; i++)
    {
      const Line *line = g_ptr_array_index (self->lines, i);
      g_autoptr(PangoLayout) layout = NULL;
      graphene_point_t candidates[8];
      double x;
      int w, h;

      if (line->label == NULL || !isfinite (line->x) || (self->x_log && line->x <= 0))
        continue;

      x = x_pixel (self, line->x);
      layout = cpl_chart_layout_new (context, line->label, CPL_CHART_FONT_LABEL);
      cpl_chart_layout_size (layout, &w, &h);
      for (guint k = 0; k < 4; k++)
        {
          double y = plot->origin.y + 4 + k * (h + 4);

          candidates[2 * k] = GRAPHENE_POINT_INIT (x + 5, y);
          candidates[2 * k + 1] = GRAPHENE_POINT_INIT (x - 5 - w, y);
        }
      place_label (snapshot, layout, candidates, G_N_ELEMENTS (candidates), plot, obstacles, &text);
    }
}

/* How far from its centre a point's marker reaches as snapshot_point()
 * draws it: a highlighted one's ring further. */
static double
marker_extent (gboolean highlighted)
{
  return highlighted ? MARKER_RADIUS + HIGHLIGHT_GROWTH + RING_GAP : MARKER_RADIUS;
}

static void
snapshot_point (CplScatterChart *self,
                GtkSnapshot     *snapshot,
                const Point     *point,
                double           x,
                double           y,
                gboolean         hover,
                gboolean         selected)
{
  GdkRGBA fill = point_color (self, point);
  const GdkRGBA *color = &fill;
  double radius = MARKER_RADIUS + (hover || selected ? HIGHLIGHT_GROWTH : 0);

  if (selected)
    cpl_chart_append_marker (snapshot, CPL_CHART_MARKER_CIRCLE, x, y, radius + RING_GAP, &PALETTE (self)->fg, FALSE);
  else if (hover)
    {
      GdkRGBA ring = cpl_chart_rgba_alpha (color, .45f);

      cpl_chart_append_marker (snapshot, CPL_CHART_MARKER_CIRCLE, x, y, radius + RING_GAP, &ring, FALSE);
    }

  cpl_chart_append_marker (snapshot, point_marker (point), x, y, radius, color,
                           !style_hollow (point->style));
}

/* Where a note may go anywhere in the plot: on NOTE_STEPS + 1 lines from
 * its bottom to its top, at NOTE_STEPS + 1 places on each. */
#define NOTE_STEPS 8

/* @text, faint, in the first corner of the plot clear of @obstacles
 * (bottom right first), or, @anywhere, at the first place in it that is,
 * the bottom line first, then the top one, then those between, each from
 * the right; FALSE where none is. */
static gboolean
place_note (CplScatterChart *self,
            GtkSnapshot     *snapshot,
            const char      *text,
            GArray          *obstacles,
            gboolean         anywhere)
{
  const graphene_rect_t *plot = &FRAME (self)->plot;
  g_autoptr(PangoLayout) layout = cpl_chart_layout_new (CPL_CHART_CONTEXT (self), text, CPL_CHART_FONT_LABEL);
  GdkRGBA dim = cpl_chart_rgba_alpha (&PALETTE (self)->fg, .6f);
  graphene_point_t places[4 + (NOTE_STEPS + 1) * (NOTE_STEPS + 1)];
  double left, right, bottom, top;
  int w, h;
  guint n = 0;

  cpl_chart_layout_size (layout, &w, &h);
  left = plot->origin.x + 4;
  right = plot->origin.x + plot->size.width - w - 4;
  bottom = plot->origin.y + plot->size.height - h - 4;
  top = plot->origin.y + 4;
  places[n++] = GRAPHENE_POINT_INIT (right, bottom);
  places[n++] = GRAPHENE_POINT_INIT (left, bottom);
  places[n++] = GRAPHENE_POINT_INIT (right, top);
  places[n++] = GRAPHENE_POINT_INIT (left, top);
  for (guint line = 0; anywhere && line <= NOTE_STEPS; line++)
    {
      /* 0: the bottom, 1: the top, then from the bottom up */
      guint up = line == 0 ? 0 : line == 1 ? NOTE_STEPS : line - 1;

      for (guint i = NOTE_STEPS + 1; i-- > 0;)
        places[n++] = GRAPHENE_POINT_INIT (left + (right - left) * i / NOTE_STEPS,
                                           bottom - (bottom - top) * up / NOTE_STEPS);
    }
  return place_owned_label (snapshot, layout, places, n, plot, obstacles, NULL, &dim, NULL, &self->note_place);
}

/* Where no corner of the plot has room for the note (a phone's map in
 * Chinese, its names wider, left it out, the names hidden with no word
 * of it): above the plot, on the line of the vertical axis's title, at
 * the right, else under the plot at the right, beside the horizontal
 * axis's title.  FALSE where neither has room. */
static gboolean
place_note_outside (CplScatterChart *self,
                    GtkSnapshot     *snapshot,
                    const char      *text)
{
  CplChartFrame *frame = FRAME (self);
  const graphene_rect_t *plot = &frame->plot;
  g_autoptr(PangoLayout) layout = cpl_chart_layout_new (CPL_CHART_CONTEXT (self), text, CPL_CHART_FONT_LABEL);
  GdkRGBA dim = cpl_chart_rgba_alpha (&PALETTE (self)->fg, .6f);
  double right = plot->origin.x + plot->size.width;
  int w, h, title_w = 0, title_h = 0;
  double x, y;

  cpl_chart_layout_size (layout, &w, &h);
  x = right - w;
  if (frame->y_title != NULL)
    cpl_chart_layout_size (frame->y_title, &title_w, &title_h);
  if (frame->y_title == NULL || frame->y_title_at.x + title_w + 12 <= x)
    y = frame->y_title != NULL ? frame->y_title_at.y + title_h - h : plot->origin.y - h - 2;
  else
    {
      /* the horizontal title is centred under the plot: the note ends
       * at the plot's right edge, on the title's line */
      int x_title_w = 0;

      if (frame->x_title != NULL)
        cpl_chart_layout_size (frame->x_title, &x_title_w, NULL);
      if (x < plot->origin.x + (plot->size.width + x_title_w) / 2 + 12)
        return FALSE;
      y = plot->origin.y + plot->size.height + frame->bottom + CPL_CHART_LABEL_GAP;
    }
  if (y < 0 || x < 0)
    return FALSE;
  cpl_chart_append_layout (snapshot, layout, x, y, &dim);
  self->note_place = GRAPHENE_RECT_INIT (x, y, w, h);
  return TRUE;
}

/* Where @point's marker is drawn: at its pixel, or, on a spot whose
 * points are not alike, side by side across it, so that each marker
 * shows (the H800's green disc hid the H100's red square). */
static gboolean
drawn_pixel (CplScatterChart *self,
             GHashTable      *spots,
             const Point     *point,
             double          *x,
             double          *y)
{
  GPtrArray *spot;
  gint64 key;

  if (!point_pixel (self, point, x, y))
    return FALSE;
  key = spot_key (*x, *y);
  spot = g_hash_table_lookup (spots, &key);
  if (spot != NULL && spot->len > 1 && !spot_alike (spot))
    {
      guint index = 0;

      while (index < spot->len && g_ptr_array_index (spot, index) != point)
        index++;
      *x += (index - (spot->len - 1) / 2.) * (2 * MARKER_RADIUS + 2);
    }
  return TRUE;
}

static void
snapshot_points (CplScatterChart *self,
                 GtkSnapshot     *snapshot,
                 GArray          *obstacles)
{
  PangoContext *context = CPL_CHART_CONTEXT (self);
  const graphene_rect_t *plot = &FRAME (self)->plot;
  GdkRGBA text = cpl_chart_rgba_alpha (&PALETTE (self)->fg, .9f);
  Point *hover = find_point (self, self->hover);
  Point *selected = find_point (self, self->selected);
  graphene_rect_t bounds;
  guint hidden = 0;
  g_autoptr(GHashTable) spots = NULL;
  g_autoptr(GArray) markers = NULL;
  g_autoptr(GArray) edges = NULL;
  double px, py;

  spots = spots_new (self);
  markers = g_array_new (FALSE, FALSE, sizeof (Marker));
  for (guint i = 0; i < self->points->len; i++)
    {
      const Point *point = g_ptr_array_index (self->points, i);
      double cx, cy;

      if (!drawn_pixel (self, spots, point, &px, &py) || !point_pixel (self, point, &cx, &cy))
        continue;
      g_array_append_val (markers, ((Marker) { px, py, marker_extent (point == hover || point == selected),
                                               spot_key (cx, cy) }));
      if (point != hover && point != selected)
        snapshot_point (self, snapshot, point, px, py, FALSE, FALSE);
    }
  /* highlighted points on top of the others */
  if (hover != NULL && hover != selected && drawn_pixel (self, spots, hover, &px, &py))
    snapshot_point (self, snapshot, hover, px, py, TRUE, FALSE);
  if (selected != NULL && drawn_pixel (self, spots, selected, &px, &py))
    snapshot_point (self, snapshot, selected, px, py, selected == hover, TRUE);

  self->n_hidden_labels = 0;
  self->note_place = GRAPHENE_RECT_INIT (0, 0, 0, 0);
  g_hash_table_remove_all (self->named);
  if (!self->show_labels)
    return;

  edges = edges_new (self);
  /* labels may reach a little beyond the plot, not beyond the widget */
  bounds = GRAPHENE_RECT_INIT (plot->origin.x + 1, plot->origin.y - 4,
                               plot->size.width + RIGHT_MARGIN - CPL_CHART_PADDING - 1,
                               plot->size.height + 2);

  /* the highlighted points first, then the chips that exist, then
   * those not yet released (at 360 px the denied H100 lost its name to
   * grey rings) */
  for (guint pass = 0; pass < 3; pass++)
    for (guint i = 0; i < self->points->len; i++)
      {
        const Point *point = g_ptr_array_index (self->points, i);
        gboolean first = point == selected || point == hover;
        guint own_pass = first ? 0 : point->style == CPL_POINT_STYLE_UNRELEASED ? 2 : 1;
        double r = MARKER_RADIUS + (point == selected ? 8 : 3);
        const Point *leader = NULL;
        guint n_named = 0;
        GPtrArray *spot;
        gint64 key;

        if (own_pass != pass || point->label == NULL || !point_pixel (self, point, &px, &py))
          continue;
        /* the points on one spot get one label, at the first of them
         * labelled: the highlighted one, else the first added, naming
         * them all */
        key = spot_key (px, py);
        spot = g_hash_table_lookup (spots, &key);
        for (guint j = 0; j < spot->len; j++)
          {
            const Point *other = g_ptr_array_index (spot, j);

            if (other->label == NULL)
              continue;
            n_named++;
            if (leader == NULL || ((other == selected || other == hover) && leader != selected && leader != hover))
              leader = other;
          }
        if (leader != point)
          continue;

        /* a highlighted point by its own name first, then the others
         * on its spot ("H800 SXM5, H100 SXM5 80GB": the H100 had no name
         * while the H800 was selected); by its own name alone when that
         * finds no place (the what-if chip on the H20's spot: "H20, H20
         * (what if)" was left out), the tooltip naming the others */
        for (guint attempt = first && n_named > 1 ? 0 : 1; attempt < 2; attempt++)
          {
            g_autoptr(PangoLayout) layout = NULL;
            g_autofree char *names = NULL;
            NameOwner owner = { markers, key, px, py, marker_extent (first) };
            graphene_rect_t place;
            int w, h;

            names = !first ? spot_names (spot) : attempt == 1 ? g_strdup (point->label)
                    : spot_names_from (spot, point);
            layout = cpl_chart_layout_new (context, names, CPL_CHART_FONT_LABEL);
            cpl_chart_layout_size (layout, &w, &h);
            {
              graphene_point_t candidates[] = {
                GRAPHENE_POINT_INIT (px + r, py - h / 2.),
                GRAPHENE_POINT_INIT (px - r - w, py - h / 2.),
                GRAPHENE_POINT_INIT (px - w / 2., py - r - h + 1),
                GRAPHENE_POINT_INIT (px - w / 2., py + r - 1),
                GRAPHENE_POINT_INIT (px + r - 3, py - r - h + 3),
                GRAPHENE_POINT_INIT (px + r - 3, py + r - 3),
                GRAPHENE_POINT_INIT (px - r - w + 3, py - r - h + 3),
                GRAPHENE_POINT_INIT (px - r - w + 3, py + r - 3),
              };

              /* clear of the regions' edges and the threshold lines where
               * it can be (a region's edge ran through "H800" on a
               * phone); beside its marker over an edge rather than
               * apart from it */
              if (place_owned_label (snapshot, layout, candidates, G_N_ELEMENTS (candidates), &bounds, obstacles,
                                     edges, &text, &owner, &place)
                  || place_owned_label (snapshot, layout, candidates, G_N_ELEMENTS (candidates), &bounds, obstacles,
                                        NULL, &text, &owner, &place)
                  || place_label_apart (snapshot, layout, &owner, r, &bounds, obstacles, edges, &text, &place)
                  || place_label_apart (snapshot, layout, &owner, r, &bounds, obstacles, NULL, &text, &place))
                {
                  g_hash_table_insert (self->named, point->id, g_memdup2 (&place, sizeof place));
                  break;
                }
            }
            /* every name the label would have given is left out */
            if (attempt == 1)
              hidden += first ? 1 : n_named;
          }
      }

  /* the names left out say so, where there is room in the plot: a
   * crowded point otherwise read as one without a name */
  self->n_hidden_labels = hidden;
  if (hidden > 0)
    {
      /* Translators: in a corner of a crowded chart; %d is how many
       * points' names did not fit; a name shows when the pointer is on
       * its point, or when it is tapped (selected).  Keep it short */
      g_autofree char *note = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                            "%d name hidden: point at or tap a chip",
                                                            "%d names hidden: point at or tap a chip",
                                                            hidden),
                                               hidden);
      /* Translators: the same, where the longer one does not fit (a
       * phone): "5 names hidden" */
      g_autofree char *brief = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d name hidden", "%d names hidden", hidden),
                                                hidden);

      /* in a corner; above or under the plot; else wherever in it is
       * clear of markers and names (a phone's what-if map had them in
       * all four corners and no room outside: its hidden names went
       * unsaid) */
      if (!place_note (self, snapshot, note, obstacles, FALSE) && !place_note (self, snapshot, brief, obstacles, FALSE)
          && !place_note_outside (self, snapshot, brief))
        place_note (self, snapshot, brief, obstacles, TRUE);
    }

}

static void
cpl_scatter_chart_snapshot_plot (CplChart    *chart,
                                 GtkSnapshot *snapshot)
{
  CplScatterChart *self = CPL_SCATTER_CHART (chart);
  PangoContext *context = CPL_CHART_CONTEXT (self);
  const CplChartPalette *palette = PALETTE (self);
  CplChartFrame *frame = FRAME (self);
  const graphene_rect_t *plot = &frame->plot;
  g_autoptr(GArray) obstacles = NULL;
  gboolean any_visible = FALSE;

  snapshot_regions (self, snapshot);
  cpl_chart_frame_snapshot_axes (frame, snapshot, palette);

  /* markers are what labels must not cover */
  obstacles = g_array_new (FALSE, FALSE, sizeof (graphene_rect_t));
  for (guint i = 0; i < self->points->len; i++)
    {
      const Point *point = g_ptr_array_index (self->points, i);
      double px, py;

      if (point_pixel (self, point, &px, &py))
        {
          graphene_rect_t rect = GRAPHENE_RECT_INIT (px - MARKER_RADIUS - 1, py - MARKER_RADIUS - 1,
                                                     2 * MARKER_RADIUS + 2, 2 * MARKER_RADIUS + 2);

          g_array_append_val (obstacles, rect);
          any_visible = TRUE;
        }
    }

  /* nor the threshold lines, nor the ring around the selected point */
  for (guint i = 0; i < self->lines->len; i++)
    {
      const Line *line = g_ptr_array_index (self->lines, i);

      if (isfinite (line->x) && (!self->x_log || line->x > 0))
        {
          graphene_rect_t rect = GRAPHENE_RECT_INIT (x_pixel (self, line->x) - 2, plot->origin.y,
                                                     4, plot->size.height);

          g_array_append_val (obstacles, rect);
        }
    }
  {
    Point *selected = find_point (self, self->selected);
    double px, py;

    if (selected != NULL && point_pixel (self, selected, &px, &py))
      {
        double r = MARKER_RADIUS + 7;
        graphene_rect_t rect = GRAPHENE_RECT_INIT (px - r, py - r, 2 * r, 2 * r);

        g_array_append_val (obstacles, rect);
      }
  }

  snapshot_annotations (self, snapshot, obstacles);
  /* before the names: what the map leaves out matters more than a name */
  if (self->note != NULL)
    place_note (self, snapshot, self->note, obstacles, FALSE);
  snapshot_points (self, snapshot, obstacles);

  if (!any_visible && self->regions->len == 0)
    cpl_chart_frame_snapshot_empty (frame, context, snapshot, palette);
}

/* ---- input ---- */

/* A tooltip: @name over its two values (a point's) or bounds (a
 * region's), each after its axis's title. */
static char *
tooltip_text (CplScatterChart *self,
              const char      *name,
              const char      *x_text,
              const char      *y_text)
{
  /* Translators: a point's or a region's tooltip on a chart: %1$s its
   * name, %2$s and %4$s the axis titles, %3$s and %5$s its values or
   * bounds */
  return g_strdup_printf (_("%1$s\n%2$s: %3$s\n%4$s: %5$s"), name,
                          self->x_title ? self->x_title : C_("chart axis", "X"), x_text,
                          self->y_title ? self->y_title : C_("chart axis", "Y"), y_text);
}

/* One side of a region: "14,000–17,500", "up to 21,000", "from 4,800". */
static char *
bounds_text (CplScatterChart *self,
             GtkOrientation   orientation,
             double           from,
             double           to)
{
  g_autofree char *low = isfinite (from) ? cpl_chart_format_value (CPL_CHART (self), orientation, from) : NULL;
  g_autofree char *high = isfinite (to) ? cpl_chart_format_value (CPL_CHART (self), orientation, to) : NULL;

  if (low != NULL && high != NULL)
    /* Translators: a range of values, "14,000–17,500" */
    return g_strdup_printf (_("%1$s–%2$s"), low, high);
  if (high != NULL)
    /* Translators: a region open below, "up to 21,000" */
    return g_strdup_printf (_("up to %s"), high);
  if (low != NULL)
    /* Translators: a region open above, "from 4,800" */
    return g_strdup_printf (_("from %s"), low);
  return g_strdup (_("any"));
}

/* The rule's region under (@x, @y), the smallest where several are, a
 * region some pixels wide taken as 8 wide so it can be found (the
 * MI325X's 25% band, TPP 20,800–21,100, is 3 px on the map): its name
 * and bounds.  NULL where there is none. */
static char *
region_tooltip (CplScatterChart *self,
                double           x,
                double           y,
                GdkRectangle    *area)
{
  const Region *best = NULL;
  graphene_rect_t best_rect;
  g_autofree char *xs = NULL;
  g_autofree char *ys = NULL;

  for (guint i = 0; i < self->regions->len; i++)
    {
      const Region *region = g_ptr_array_index (self->regions, i);
      graphene_rect_t rect;

      if (region->label == NULL || !region_rect (self, region, &rect))
        continue;
      if (rect.size.width < 8)
        graphene_rect_inset (&rect, (rect.size.width - 8) / 2, 0);
      if (rect.size.height < 8)
        graphene_rect_inset (&rect, 0, (rect.size.height - 8) / 2);
      if (!graphene_rect_contains_point (&rect, &GRAPHENE_POINT_INIT (x, y)))
        continue;
      if (best == NULL || rect.size.width * rect.size.height < best_rect.size.width * best_rect.size.height)
        {
          best = region;
          best_rect = rect;
        }
    }
  if (best == NULL)
    return NULL;
  xs = bounds_text (self, GTK_ORIENTATION_HORIZONTAL, MIN (best->x0, best->x1), MAX (best->x0, best->x1));
  ys = bounds_text (self, GTK_ORIENTATION_VERTICAL, MIN (best->y0, best->y1), MAX (best->y0, best->y1));
  *area = (GdkRectangle) { (int) best_rect.origin.x, (int) best_rect.origin.y,
                           (int) ceil (best_rect.size.width), (int) ceil (best_rect.size.height) };
  return tooltip_text (self, best->label, xs, ys);
}

static char *
cpl_scatter_chart_query_tooltip (CplChart     *chart,
                                 double        x,
                                 double        y,
                                 gboolean      keyboard_mode,
                                 GdkRectangle *area)
{
  CplScatterChart *self = CPL_SCATTER_CHART (chart);
  Point *point;
  g_autofree char *x_value = NULL;
  g_autofree char *y_value = NULL;
  g_autoptr(GPtrArray) spot = NULL;
  g_autofree char *names = NULL;
  g_autofree char *text = NULL;
  double px, py;

  point = keyboard_mode ? find_point (self, self->selected) : nearest_point (self, x, y);
  if (point == NULL && !keyboard_mode)
    return region_tooltip (self, x, y, area);
  if (point == NULL || !point_pixel (self, point, &px, &py))
    return NULL;

  x_value = cpl_chart_format_value (chart, GTK_ORIENTATION_HORIZONTAL, point->x);
  y_value = cpl_chart_format_value (chart, GTK_ORIENTATION_VERTICAL, point->y);
  spot = spot_of (self, point);
  names = spot_names_kinds (self, spot);
  text = tooltip_text (self, names, x_value, y_value);
  *area = (GdkRectangle) { (int) (px - HIT_RADIUS), (int) (py - HIT_RADIUS),
                           (int) (2 * HIT_RADIUS), (int) (2 * HIT_RADIUS) };
  return g_steal_pointer (&text);
}

static void
set_hover (CplScatterChart *self,
           const char      *id)
{
  if (g_strcmp0 (self->hover, id) == 0)
    return;
  g_free (self->hover);
  self->hover = g_strdup (id);
  cpl_chart_queue_draw (CPL_CHART (self));
}

static void
cpl_scatter_chart_pointer_moved (CplChart *chart,
                                 double    x,
                                 double    y)
{
  CplScatterChart *self = CPL_SCATTER_CHART (chart);

  set_hover (self, isnan (x) ? NULL : cpl_scatter_chart_point_at (self, x, y));
}

/* A click on the spot of the selected point selects the next point on
 * that spot, in the order they were added, round to the first: the H100
 * under the H800 (the same TPP and bandwidth) is a second click away. */
static void
cpl_scatter_chart_pressed (CplChart *chart,
                           int       n_press,
                           double    x,
                           double    y)
{
  CplScatterChart *self = CPL_SCATTER_CHART (chart);
  const char *id = cpl_scatter_chart_point_at (self, x, y);
  g_autofree char *activated = g_strdup (id);
  Point *selected = find_point (self, self->selected);

  if (activated == NULL || n_press != 1)
    return;

  if (selected != NULL)
    {
      g_autoptr(GPtrArray) spot = spot_of (self, find_point (self, activated));

      for (guint i = 0; i < spot->len; i++)
        if (g_ptr_array_index (spot, i) == selected)
          {
            const Point *next = g_ptr_array_index (spot, (i + 1) % spot->len);

            g_free (activated);
            activated = g_strdup (next->id);
            break;
          }
    }

  cpl_scatter_chart_set_selected (self, activated);
  g_signal_emit (self, signals[POINT_ACTIVATED], 0, activated);
}

static int
compare_x (gconstpointer a,
           gconstpointer b)
{
  const Point *p = *(const Point * const *) a;
  const Point *q = *(const Point * const *) b;

  if (p->x != q->x)
    return p->x < q->x ? -1 : 1;
  if (p->y != q->y)
    return p->y < q->y ? -1 : 1;
  return 0;
}

static int
compare_y (gconstpointer a,
           gconstpointer b)
{
  const Point *p = *(const Point * const *) a;
  const Point *q = *(const Point * const *) b;

  if (p->y != q->y)
    return p->y < q->y ? -1 : 1;
  if (p->x != q->x)
    return p->x < q->x ? -1 : 1;
  return 0;
}

/* Moves the selection @delta places along the points in x (or y) order;
 * without a selection, starts at the first (or last) point. */
static void
move_selection (CplScatterChart *self,
                gboolean         by_y,
                gint64           delta)
{
  g_autoptr(GPtrArray) order = g_ptr_array_new ();
  gint64 position = -1;

  for (guint i = 0; i < self->points->len; i++)
    {
      Point *point = g_ptr_array_index (self->points, i);

      if (point_visible (self, point))
        g_ptr_array_add (order, point);
    }
  if (order->len == 0)
    return;

  /* stable, so points at the same place keep the order they were added in */
  g_ptr_array_sort (order, by_y ? compare_y : compare_x);

  for (guint i = 0; i < order->len; i++)
    if (g_strcmp0 (((Point *) g_ptr_array_index (order, i))->id, self->selected) == 0)
      position = i;

  if (position < 0)
    position = delta > 0 ? 0 : (gint64) order->len - 1;
  else
    position = CLAMP (position + delta, 0, (gint64) order->len - 1);

  cpl_scatter_chart_set_selected (self, ((Point *) g_ptr_array_index (order, position))->id);
}

static void
cpl_scatter_chart_activate_action (CplChart   *chart,
                                   const char *action_name)
{
  CplScatterChart *self = CPL_SCATTER_CHART (chart);

  if (g_str_equal (action_name, "chart.activate-point"))
    {
      g_autofree char *id = g_strdup (self->selected);

      if (find_point (self, id) != NULL)
        g_signal_emit (self, signals[POINT_ACTIVATED], 0, id);
    }
  else if (g_str_equal (action_name, "chart.next-point"))
    move_selection (self, FALSE, 1);
  else if (g_str_equal (action_name, "chart.previous-point"))
    move_selection (self, FALSE, -1);
  else if (g_str_equal (action_name, "chart.point-above"))
    move_selection (self, TRUE, 1);
  else if (g_str_equal (action_name, "chart.point-below"))
    move_selection (self, TRUE, -1);
  else if (g_str_equal (action_name, "chart.first-point"))
    move_selection (self, FALSE, -G_MAXINT);
  else if (g_str_equal (action_name, "chart.last-point"))
    move_selection (self, FALSE, G_MAXINT);
}

/* ---- object ---- */

static void
cpl_scatter_chart_dispose (GObject *object)
{
  CplScatterChart *self = CPL_SCATTER_CHART (object);

  g_clear_pointer (&self->points, g_ptr_array_unref);
  g_clear_pointer (&self->regions, g_ptr_array_unref);
  g_clear_pointer (&self->lines, g_ptr_array_unref);
  g_clear_pointer (&self->x_title, g_free);
  g_clear_pointer (&self->y_title, g_free);
  g_clear_pointer (&self->note, g_free);
  g_clear_pointer (&self->named, g_hash_table_unref);
  g_clear_pointer (&self->x_axis_title, g_free);
  g_clear_pointer (&self->y_axis_title, g_free);
  g_clear_pointer (&self->selected, g_free);
  g_clear_pointer (&self->hover, g_free);
  for (guint i = 0; i < N_STYLES; i++)
    g_clear_pointer (&self->style_labels[i], g_free);
  for (guint i = 0; i < CPL_N_CHIP_STATUSES; i++)
    g_clear_pointer (&self->status_labels[i], g_free);

  G_OBJECT_CLASS (cpl_scatter_chart_parent_class)->dispose (object);
}

static void
cpl_scatter_chart_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  CplScatterChart *self = CPL_SCATTER_CHART (object);

  switch (prop_id)
    {
    case PROP_SELECTED:
      g_value_set_string (value, self->selected);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cpl_scatter_chart_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  CplScatterChart *self = CPL_SCATTER_CHART (object);

  switch (prop_id)
    {
    case PROP_SELECTED:
      cpl_scatter_chart_set_selected (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cpl_scatter_chart_class_init (CplScatterChartClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  CplChartClass *chart_class = CPL_CHART_CLASS (klass);

  object_class->dispose = cpl_scatter_chart_dispose;
  object_class->get_property = cpl_scatter_chart_get_property;
  object_class->set_property = cpl_scatter_chart_set_property;

  chart_class->build_legend = cpl_scatter_chart_build_legend;
  chart_class->layout = cpl_scatter_chart_layout;
  chart_class->snapshot_plot = cpl_scatter_chart_snapshot_plot;
  chart_class->pointer_moved = cpl_scatter_chart_pointer_moved;
  chart_class->pressed = cpl_scatter_chart_pressed;
  chart_class->query_tooltip = cpl_scatter_chart_query_tooltip;
  chart_class->activate_action = cpl_scatter_chart_activate_action;

  /**
   * CplScatterChart:selected:
   *
   * The id of the selected point, or %NULL.
   */
  properties[PROP_SELECTED] =
    g_param_spec_string ("selected", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * CplScatterChart::point-activated:
   * @id: the point's id
   *
   * A point was clicked, or Enter was pressed on the selected point.
   */
  signals[POINT_ACTIVATED] =
    g_signal_new ("point-activated",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_STRING);

  cpl_chart_class_add_action (chart_class, "chart.next-point", GDK_KEY_Right, GDK_KEY_KP_Right, 0);
  cpl_chart_class_add_action (chart_class, "chart.previous-point", GDK_KEY_Left, GDK_KEY_KP_Left, 0);
  cpl_chart_class_add_action (chart_class, "chart.point-above", GDK_KEY_Up, GDK_KEY_KP_Up, 0);
  cpl_chart_class_add_action (chart_class, "chart.point-below", GDK_KEY_Down, GDK_KEY_KP_Down, 0);
  cpl_chart_class_add_action (chart_class, "chart.first-point", GDK_KEY_Home, GDK_KEY_KP_Home, 0);
  cpl_chart_class_add_action (chart_class, "chart.last-point", GDK_KEY_End, GDK_KEY_KP_End, 0);
  cpl_chart_class_add_action (chart_class, "chart.activate-point", GDK_KEY_Return, GDK_KEY_ISO_Enter,
                              GDK_KEY_KP_Enter, GDK_KEY_space, GDK_KEY_KP_Space, 0);
}

static void
cpl_scatter_chart_init (CplScatterChart *self)
{
  self->points = g_ptr_array_new_with_free_func (point_free);
  self->regions = g_ptr_array_new_with_free_func (region_free);
  /* of the points' own ids: emptied before the points go */
  self->named = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  self->lines = g_ptr_array_new_with_free_func (line_free);
  self->show_labels = TRUE;
  self->style_labels[CPL_POINT_STYLE_NORMAL] = g_strdup (_("Chip"));
  self->style_labels[CPL_POINT_STYLE_DOMESTIC] = g_strdup (_("Domestic chip"));
  self->style_labels[CPL_POINT_STYLE_HYPOTHETICAL] = g_strdup (_("Hypothetical chip"));
  self->style_labels[CPL_POINT_STYLE_UNRELEASED] = g_strdup (_("Not yet released"));
  for (guint i = 0; i < CPL_N_CHIP_STATUSES; i++)
    self->status_labels[i] = cpl_chip_status_get_label (i, 0);

  cpl_chart_set_accessible_label (CPL_CHART (self), _("Scatter chart"));
}

/* ---- public ---- */

CplChart *
cpl_scatter_chart_new (void)
{
  return g_object_new (CPL_TYPE_SCATTER_CHART, NULL);
}

/**
 * cpl_scatter_chart_set_axes:
 * @x_title: (nullable): the horizontal axis title, with its unit
 * @x_log: whether the horizontal axis is logarithmic
 * @y_title: (nullable): the vertical axis title, with its unit
 * @y_log: whether the vertical axis is logarithmic
 *
 * On a log axis, points at zero or below are not drawn.
 */
/* Returns: how many points' names did not fit at the last drawing (for
 * tests) */
/**
 * cpl_scatter_chart_get_note_place:
 * @place: (out): where the last drawing said how many names it left out
 *
 * Returns: whether it said so (no name left out: %FALSE).
 */
gboolean
cpl_scatter_chart_get_note_place (CplScatterChart *self,
                                  graphene_rect_t *place)
{
  g_return_val_if_fail (CPL_IS_SCATTER_CHART (self), FALSE);

  *place = self->note_place;
  return self->note_place.size.width > 0;
}

guint
cpl_scatter_chart_get_n_hidden_labels (CplScatterChart *self)
{
  g_return_val_if_fail (CPL_IS_SCATTER_CHART (self), 0);

  return self->n_hidden_labels;
}

/**
 * cpl_scatter_chart_get_axis_title:
 *
 * Returns: (nullable): the title of the horizontal or vertical axis as
 *   the chart draws it (a logarithmic axis says so)
 */
const char *
cpl_scatter_chart_get_axis_title (CplScatterChart *self,
                                  GtkOrientation   orientation)
{
  g_return_val_if_fail (CPL_IS_SCATTER_CHART (self), NULL);

  return orientation == GTK_ORIENTATION_HORIZONTAL ? self->x_axis_title : self->y_axis_title;
}

void
cpl_scatter_chart_set_axes (CplScatterChart *self,
                            const char      *x_title,
                            gboolean         x_log,
                            const char      *y_title,
                            gboolean         y_log)
{
  g_autofree char *label = NULL;

  g_return_if_fail (CPL_IS_SCATTER_CHART (self));

  cpl_chart_set_string (&self->x_title, x_title);
  cpl_chart_set_string (&self->y_title, y_title);
  self->x_log = !!x_log;
  self->y_log = !!y_log;
  g_free (self->x_axis_title);
  g_free (self->y_axis_title);
  self->x_axis_title = cpl_chart_axis_title (x_title, x_log);
  self->y_axis_title = cpl_chart_axis_title (y_title, y_log);

  if (x_title != NULL && y_title != NULL)
    {
      /* Translators: the accessible name of a chart; %1$s is the vertical
       * axis title, %2$s the horizontal one */
      label = g_strdup_printf (_("Scatter chart of %1$s against %2$s"), y_title, x_title);
      cpl_chart_set_accessible_label (CPL_CHART (self), label);
    }

  invalidate (self);
}

/**
 * cpl_scatter_chart_set_style_label:
 *
 * The legend text for points of @style; by default "Chip", "Domestic
 * chip" and "Hypothetical chip".  Only styles in use are in the legend.
 */
void
cpl_scatter_chart_set_style_label (CplScatterChart *self,
                                   CplPointStyle    style,
                                   const char      *label)
{
  g_return_if_fail (CPL_IS_SCATTER_CHART (self));
  g_return_if_fail (style < N_STYLES);
  g_return_if_fail (label != NULL);

  cpl_chart_set_string (&self->style_labels[style], label);
  invalidate (self);
}

/* Whether points carry their labels (where there is room for them). */
void
cpl_scatter_chart_set_show_labels (CplScatterChart *self,
                                   gboolean         show_labels)
{
  g_return_if_fail (CPL_IS_SCATTER_CHART (self));

  self->show_labels = !!show_labels;
  cpl_chart_queue_draw (CPL_CHART (self));
}

/* What the chart shows, in words, for screen readers. */
/**
 * cpl_scatter_chart_set_note:
 * @text: (nullable): a sentence for a corner of the plot, where there is
 *   room; %NULL for none
 */
void
cpl_scatter_chart_set_note (CplScatterChart *self,
                            const char      *text)
{
  g_return_if_fail (CPL_IS_SCATTER_CHART (self));

  if (cpl_chart_set_string (&self->note, text))
    cpl_chart_queue_draw (CPL_CHART (self));
}

/* The note set, or %NULL. */
const char *
cpl_scatter_chart_get_note (CplScatterChart *self)
{
  g_return_val_if_fail (CPL_IS_SCATTER_CHART (self), NULL);
  return self->note;
}

void
cpl_scatter_chart_set_description (CplScatterChart *self,
                                   const char      *text)
{
  g_return_if_fail (CPL_IS_SCATTER_CHART (self));

  cpl_chart_set_description (CPL_CHART (self), text);
}

/**
 * cpl_scatter_chart_set_x_format:
 * @func: (nullable): makes the text of a value; %NULL for plain numbers
 *
 * How horizontal values read in tick labels and tooltips.
 */
void
cpl_scatter_chart_set_x_format (CplScatterChart    *self,
                                CplChartFormatFunc  func,
                                gpointer            user_data,
                                GDestroyNotify      destroy)
{
  g_return_if_fail (CPL_IS_SCATTER_CHART (self));

  cpl_chart_set_format (CPL_CHART (self), GTK_ORIENTATION_HORIZONTAL, func, user_data, destroy);
}

/**
 * cpl_scatter_chart_set_y_format:
 * @func: (nullable): makes the text of a value; %NULL for plain numbers
 *
 * How vertical values read in tick labels and tooltips.
 */
void
cpl_scatter_chart_set_y_format (CplScatterChart    *self,
                                CplChartFormatFunc  func,
                                gpointer            user_data,
                                GDestroyNotify      destroy)
{
  g_return_if_fail (CPL_IS_SCATTER_CHART (self));

  cpl_chart_set_format (CPL_CHART (self), GTK_ORIENTATION_VERTICAL, func, user_data, destroy);
}

/* Whether @id's name was drawn by its point at the last drawing (for
 * tests). */
gboolean
cpl_scatter_chart_get_named (CplScatterChart *self,
                             const char      *id)
{
  g_return_val_if_fail (CPL_IS_SCATTER_CHART (self), FALSE);
  return g_hash_table_contains (self->named, id);
}

/* Where @id's name was drawn at the last drawing, in the chart's
 * coordinates; %FALSE when it was not (for tests). */
gboolean
cpl_scatter_chart_get_name_place (CplScatterChart *self,
                                  const char      *id,
                                  graphene_rect_t *place)
{
  const graphene_rect_t *found;

  g_return_val_if_fail (CPL_IS_SCATTER_CHART (self), FALSE);
  found = g_hash_table_lookup (self->named, id);
  if (found != NULL && place != NULL)
    *place = *found;
  return found != NULL;
}

/* Removes points, regions and lines; the axes and selection stay. */
void
cpl_scatter_chart_clear (CplScatterChart *self)
{
  g_return_if_fail (CPL_IS_SCATTER_CHART (self));

  g_hash_table_remove_all (self->named);
  g_ptr_array_set_size (self->points, 0);
  g_ptr_array_set_size (self->regions, 0);
  g_ptr_array_set_size (self->lines, 0);
  g_clear_pointer (&self->hover, g_free);
  invalidate (self);
}

/**
 * cpl_scatter_chart_add_point:
 * @id: identifies the point in signals and selection
 * @label: (nullable): the point's name, shown next to it and in its tooltip
 *
 * A point with a coordinate that is not finite, or not positive on a log
 * axis, is kept but not drawn.
 */
void
cpl_scatter_chart_add_point (CplScatterChart *self,
                             const char      *id,
                             const char      *label,
                             double           x,
                             double           y,
                             CplPointStyle    style)
{
  Point *point;

  g_return_if_fail (CPL_IS_SCATTER_CHART (self));
  g_return_if_fail (id != NULL);
  g_return_if_fail (style < N_STYLES);

  point = g_new0 (Point, 1);
  point->id = g_strdup (id);
  point->label = g_strdup (label);
  point->x = x;
  point->y = y;
  point->style = style;
  point->status = -1;
  g_ptr_array_add (self->points, point);
  invalidate (self);
}

/**
 * cpl_scatter_chart_set_point_status:
 * @id: a plain point's id
 * @status: its chip's status in China, or -1 for none
 *
 * Draws the point in the status's colour and shape, as the Chips table
 * writes the status, and names the status in the legend.
 */
void
cpl_scatter_chart_set_point_status (CplScatterChart *self,
                                    const char      *id,
                                    int              status)
{
  Point *point;

  g_return_if_fail (CPL_IS_SCATTER_CHART (self));
  g_return_if_fail (status >= -1 && status < CPL_N_CHIP_STATUSES);

  point = find_point (self, id);
  g_return_if_fail (point != NULL);
  point->status = status;
  invalidate (self);
}

/**
 * cpl_scatter_chart_add_region:
 * @label: (nullable): drawn inside the region and in the legend
 * @color_index: a #CplChartColor
 *
 * A shaded rectangle from @x0 to @x1 and @y0 to @y1, in data units.  An
 * infinite edge (or, on a log axis, an edge at zero or below) is open: the
 * region reaches the edge of the plot there.
 */
void
cpl_scatter_chart_add_region (CplScatterChart *self,
                              const char      *label,
                              double           x0,
                              double           x1,
                              double           y0,
                              double           y1,
                              guint            color_index)
{
  Region *region;

  g_return_if_fail (CPL_IS_SCATTER_CHART (self));

  region = g_new0 (Region, 1);
  region->label = g_strdup (label);
  region->x0 = x0;
  region->x1 = x1;
  region->y0 = y0;
  region->y1 = y1;
  region->color = color_index;
  g_ptr_array_add (self->regions, region);
  invalidate (self);
}

/* A dashed vertical threshold at @x, in a #CplChartColor. */
void
cpl_scatter_chart_add_vline (CplScatterChart *self,
                             const char      *label,
                             double           x,
                             guint            color_index)
{
  Line *line;

  g_return_if_fail (CPL_IS_SCATTER_CHART (self));

  line = g_new0 (Line, 1);
  line->label = g_strdup (label);
  line->x = x;
  line->color = color_index;
  g_ptr_array_add (self->lines, line);
  invalidate (self);
}

/* Returns: how many shaded regions the chart has (cpl_scatter_chart_add_region()) */
guint
cpl_scatter_chart_get_n_regions (CplScatterChart *self)
{
  g_return_val_if_fail (CPL_IS_SCATTER_CHART (self), 0);

  return self->regions->len;
}

/* Returns: how many threshold lines the chart has (cpl_scatter_chart_add_vline()) */
guint
cpl_scatter_chart_get_n_lines (CplScatterChart *self)
{
  g_return_val_if_fail (CPL_IS_SCATTER_CHART (self), 0);

  return self->lines->len;
}

const char *
cpl_scatter_chart_get_selected (CplScatterChart *self)
{
  g_return_val_if_fail (CPL_IS_SCATTER_CHART (self), NULL);

  return self->selected;
}

void
cpl_scatter_chart_set_selected (CplScatterChart *self,
                                const char      *id)
{
  g_return_if_fail (CPL_IS_SCATTER_CHART (self));

  if (cpl_chart_set_string (&self->selected, id))
    {
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED]);
      cpl_chart_queue_draw (CPL_CHART (self));
    }
}

/**
 * cpl_scatter_chart_point_at:
 *
 * Returns: (nullable): the id of the drawn point nearest to (@widget_x,
 *   @widget_y) and at most 10 pixels from it
 */
const char *
cpl_scatter_chart_point_at (CplScatterChart *self,
                            double           widget_x,
                            double           widget_y)
{
  Point *point;

  g_return_val_if_fail (CPL_IS_SCATTER_CHART (self), NULL);

  point = nearest_point (self, widget_x, widget_y);
  return point ? point->id : NULL;
}

/* Where the point @id is drawn, in widget coordinates; %FALSE when it is
 * not drawn (no such point, a value the axes cannot show, no room). */
gboolean
cpl_scatter_chart_point_position (CplScatterChart *self,
                                  const char      *id,
                                  double          *widget_x,
                                  double          *widget_y)
{
  Point *point;
  double x, y;

  g_return_val_if_fail (CPL_IS_SCATTER_CHART (self), FALSE);

  ensure_layout (self);
  point = find_point (self, id);
  if (point == NULL || !point_pixel (self, point, &x, &y))
    return FALSE;
  if (widget_x != NULL)
    *widget_x = x;
  if (widget_y != NULL)
    *widget_y = y;
  return TRUE;
}
