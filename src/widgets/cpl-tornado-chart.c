/* cpl-tornado-chart.c: how far each input moves one output, ranked
 *
 * One row per input, widest swing on top: the input's name on the left,
 * then a bar from the point value (a centre line through every row) to
 * the output with the input at its low value, and another to the output
 * with it at its high value, in two colours the legend names.  An input
 * without effect has no bar.  The value axis runs along the bottom, in
 * the chart's format.  A tooltip gives a row's two outputs.
 */
#define G_LOG_DOMAIN "cpl-tornado-chart"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "cpl-chart-private.h"
#include "cpl-tornado-chart.h"

#define BAR_MAX_THICKNESS 18.
#define NAME_MAX_SHARE    .4    /* of the width, for the names */
#define RIGHT_MARGIN      (CPL_CHART_PADDING + 12)

typedef struct
{
  char   *name;
  double  low;                  /* the output with the input at its low value */
  double  high;
} Bar;

struct _CplTornadoChart
{
  CplChart   parent_instance;

  char      *value_title;
  double     point;
  GArray    *bars;              /* of Bar, widest swing first */
  GPtrArray *names;             /* PangoLayout per bar, as last laid out */
  GPtrArray *notes;             /* per bar, row_note()'s layout or NULL */
  GArray    *note_at;           /* per bar, where its note goes (graphene_point_t) */
};

G_DEFINE_FINAL_TYPE (CplTornadoChart, cpl_tornado_chart, CPL_TYPE_CHART)

#define FRAME(self)   (cpl_chart_get_frame (CPL_CHART (self)))
#define PALETTE(self) (cpl_chart_get_palette (CPL_CHART (self)))

static void
note_free (gpointer note)
{
  if (note != NULL)
    g_object_unref (note);
}

static void
bar_clear (gpointer data)
{
  g_free (((Bar *) data)->name);
}

/* Widest swing first; equal swings in the order given.  @data: the
 * outputs at the low and at the high ends. */
static int
compare_ranks (gconstpointer a,
               gconstpointer b,
               gpointer      data)
{
  const double * const *ends = data;
  guint i = *(const guint *) a, j = *(const guint *) b;
  double x = fabs (ends[1][i] - ends[0][i]), y = fabs (ends[1][j] - ends[0][j]);

  return x > y ? -1 : x < y ? 1 : (i > j) - (i < j);
}

static const GdkRGBA *
end_color (CplTornadoChart *self,
           gboolean         high)
{
  return cpl_chart_palette_series (PALETTE (self), high ? CPL_CHART_COLOR_ORANGE : CPL_CHART_COLOR_BLUE);
}

static void
cpl_tornado_chart_build_legend (CplChart *chart,
                                GArray   *items)
{
  CplTornadoChart *self = CPL_TORNADO_CHART (chart);
  CplChartLegendItem low = {
    .kind = CPL_CHART_LEGEND_BOX, .color = *end_color (self, FALSE),
    .label = _("Input at its low value"),
  };
  CplChartLegendItem high = {
    .kind = CPL_CHART_LEGEND_BOX, .color = *end_color (self, TRUE),
    .label = _("Input at its high value"),
  };

  if (self->bars->len == 0)
    return;
  cpl_chart_legend_append (items, &low);
  cpl_chart_legend_append (items, &high);
}

static PangoLayout *row_note (CplTornadoChart  *self,
                              guint             i,
                              graphene_point_t *at);
static void
cpl_tornado_chart_layout (CplChart *chart,
                          int       width,
                          int       height)
{
  CplTornadoChart *self = CPL_TORNADO_CHART (chart);
  PangoContext *context = CPL_CHART_CONTEXT (self);
  CplChartFrame *frame = FRAME (self);
  g_autoptr(GArray) legend = cpl_chart_build_legend (chart);
  double lo = self->point, hi = self->point;
  int name_width = 0, max_name = (int) (width * NAME_MAX_SHARE);
  int name_lines = 0;
  CplChartAxis axis;
  double left;

  cpl_chart_frame_begin (frame, context, width, height,
                         (const CplChartLegendItem *) (gpointer) legend->data, legend->len,
                         NULL, self->value_title, cpl_chart_frame_x_axis_height (context));

  g_ptr_array_set_size (self->names, 0);
  for (guint i = 0; i < self->bars->len; i++)
    {
      const Bar *bar = &g_array_index (self->bars, Bar, i);
      PangoLayout *layout = cpl_chart_layout_new (context, bar->name, CPL_CHART_FONT_LABEL);
      int w, line_height;

      /* two lines, or three where the rows are tall enough: on a phone
       * "Domestic capacity growth 20%–60% a year" ended "20%–60% …" */
      if (name_lines == 0)
        {
          cpl_chart_layout_size (layout, NULL, &line_height);
          name_lines = frame->plot.size.height / MAX (self->bars->len, 1) >= 3 * line_height ? 3 : 2;
        }
      cpl_chart_layout_limit (layout, max_name, name_lines);
      cpl_chart_layout_size (layout, &w, NULL);
      name_width = MAX (name_width, w);
      g_ptr_array_add (self->names, layout);
      lo = MIN (lo, MIN (bar->low, bar->high));
      hi = MAX (hi, MAX (bar->low, bar->high));
    }

  left = CPL_CHART_PADDING + name_width + CPL_CHART_LABEL_GAP * 2;
  frame->plot.origin.x = left;
  frame->plot.size.width = MAX (width - RIGHT_MARGIN - left, 0);
  if (frame->plot.size.width < 24 || frame->plot.size.height < 24 || !isfinite (lo) || !isfinite (hi))
    frame->plot.size.width = frame->plot.size.height = 0;

  /* the bars and the point, with a little room either side */
  if (hi == lo)
    {
      double pad = lo != 0 ? fabs (lo) * .1 : 1;

      lo -= pad;
      hi += pad;
    }
  else
    {
      double pad = (hi - lo) * .05;

      lo -= pad;
      hi += pad;
    }
  cpl_chart_axis_init (&axis, CPL_CHART_SCALE_LINEAR);
  cpl_chart_axis_set_range (&axis, lo, hi);
  cpl_chart_frame_finish_x (frame, context, &axis, cpl_chart_get_format (chart, GTK_ORIENTATION_HORIZONTAL),
                            FALSE, left - CPL_CHART_PADDING, RIGHT_MARGIN - 2);

  /* the rows' words, and the gridlines broken where they are written */
  g_ptr_array_set_size (self->notes, 0);
  g_array_set_size (self->note_at, self->bars->len);
  for (guint i = 0; i < self->bars->len; i++)
    {
      graphene_point_t *at = &g_array_index (self->note_at, graphene_point_t, i);
      PangoLayout *note = frame->plot.size.width > 0 ? row_note (self, i, at) : NULL;
      int w, h;

      g_ptr_array_add (self->notes, note);
      if (note == NULL)
        continue;
      cpl_chart_layout_size (note, &w, &h);
      cpl_chart_frame_add_grid_gap (frame, &GRAPHENE_RECT_INIT (at->x - 2, at->y, w + 4, h));
    }
}

/* The row of bar @rank: its top and height in pixels. */
static void
row_extent (CplTornadoChart *self,
            guint            rank,
            double          *top,
            double          *row_height)
{
  const graphene_rect_t *plot = &FRAME (self)->plot;

  *row_height = plot->size.height / MAX (self->bars->len, 1);
  *top = plot->origin.y + rank * *row_height;
}

static double
value_x (CplTornadoChart *self,
         double           value)
{
  return cpl_chart_frame_x (FRAME (self), value);
}

static void
append_bar (GtkSnapshot   *snapshot,
            double         x0,
            double         x1,
            double         y,
            double         thickness,
            const GdkRGBA *color)
{
  graphene_rect_t rect = GRAPHENE_RECT_INIT (MIN (x0, x1), y - thickness / 2, fabs (x1 - x0), thickness);

  gtk_snapshot_append_color (snapshot, color, &rect);
}

/* Whether @value is another total than the point, not the point but for
 * rounding (the projection run again with an input that changes nothing
 * gives the point within a few ulps). */
static gboolean
moves (CplTornadoChart *self,
       double           value)
{
  return fabs (value - self->point) > 1e-9 * MAX (fabs (self->point), 1e-300);
}

/* Whether @bar's input leaves the total where it is. */
static gboolean
no_effect (CplTornadoChart *self,
           const Bar       *bar)
{
  return !moves (self, bar->low) && !moves (self, bar->high);
}

/* Where an end of a bar is drawn: at @value, or, when @value moves the
 * total by less than MIN_BAR_WIDTH pixels from @px (the point's line)
 * but moves it, that far: a bar of a fraction of a pixel drew nothing,
 * and the row read as empty beside "no effect" rows. */
#define MIN_BAR_WIDTH 2.
#define SMALL_BAR_WIDTH 4.

static double
end_x (CplTornadoChart *self,
       double           px,
       double           value)
{
  double x = value_x (self, value);

  if (!moves (self, value) || fabs (x - px) >= MIN_BAR_WIDTH)
    return x;
  return value > self->point ? px + MIN_BAR_WIDTH : px - MIN_BAR_WIDTH;
}

/* What row @i says beside the point's line when it has no bar to read,
 * or NULL: "no effect" (not left for a bar that failed to draw), or a
 * swing too small to read off the bars, its size in words; @at is where
 * it goes.  Made in the layout, which breaks the gridlines there. */
static PangoLayout *
row_note (CplTornadoChart  *self,
          guint             i,
          graphene_point_t *at)
{
  CplChart *chart = CPL_CHART (self);
  const Bar *bar = &g_array_index (self->bars, Bar, i);
  double px = round (value_x (self, self->point)) + .5;
  double left = px + CPL_CHART_LABEL_GAP;
  g_autofree char *amount = NULL;
  g_autofree char *said = NULL;
  PangoLayout *note;
  double top, row;
  int nw, nh;

  if (no_effect (self, bar))
    /* Translators: a tornado chart's row whose input does not move the total */
    said = g_strdup (_("no effect"));
  else if (fabs (value_x (self, bar->low) - px) < SMALL_BAR_WIDTH
           && fabs (value_x (self, bar->high) - px) < SMALL_BAR_WIDTH)
    {
      amount = cpl_chart_format_value (chart, GTK_ORIENTATION_HORIZONTAL,
                                       MAX (fabs (bar->low - self->point), fabs (bar->high - self->point)));
      /* Translators: a tornado chart's row whose input moves the total
       * too little to see; %s is the largest change, "$0.40 B" */
      said = g_strdup_printf (_("small effect: ±%s at most"), amount);
      left += MIN_BAR_WIDTH;
    }
  if (said == NULL)
    return NULL;

  note = cpl_chart_layout_new (CPL_CHART_CONTEXT (self), said, CPL_CHART_FONT_LABEL);
  /* within the chart: on a phone the words give way to the amount
   * alone, "±$1.99 B" (they ran past the card's edge) */
  cpl_chart_layout_size (note, &nw, &nh);
  if (amount != NULL && left + nw > cpl_chart_get_width (chart))
    {
      g_autofree char *bare = g_strdup_printf ("±%s", amount);

      pango_layout_set_text (note, bare, -1);
      cpl_chart_layout_limit (note, MAX ((int) (cpl_chart_get_width (chart) - left), 1), 1);
      cpl_chart_layout_size (note, &nw, &nh);
    }
  row_extent (self, i, &top, &row);
  *at = GRAPHENE_POINT_INIT (left, round (top + row / 2 - nh / 2.));
  return note;
}

static void
cpl_tornado_chart_snapshot_plot (CplChart    *chart,
                                 GtkSnapshot *snapshot)
{
  CplTornadoChart *self = CPL_TORNADO_CHART (chart);
  const CplChartPalette *palette = PALETTE (self);
  const graphene_rect_t *plot = &FRAME (self)->plot;
  GdkRGBA text = cpl_chart_rgba_alpha (&palette->fg, .85f);
  GdkRGBA centre = cpl_chart_rgba_alpha (&palette->fg, .7f);
  GdkRGBA dim = cpl_chart_rgba_alpha (&palette->fg, .6f);
  double px = round (value_x (self, self->point)) + .5;

  if (self->bars->len == 0)
    {
      cpl_chart_frame_snapshot_empty (FRAME (self), CPL_CHART_CONTEXT (self), snapshot, palette);
      return;
    }

  for (guint i = 0; i < self->bars->len; i++)
    {
      const Bar *bar = &g_array_index (self->bars, Bar, i);
      PangoLayout *layout = g_ptr_array_index (self->names, i);
      double top, row, y, thickness;
      int w, h;

      row_extent (self, i, &top, &row);
      y = top + row / 2;
      thickness = MIN (row * .6, BAR_MAX_THICKNESS);
      cpl_chart_layout_size (layout, &w, &h);
      cpl_chart_append_layout (snapshot, layout, plot->origin.x - CPL_CHART_LABEL_GAP * 2 - w,
                               round (y - h / 2.), &text);
      append_bar (snapshot, px, end_x (self, px, bar->low), y, thickness, end_color (self, FALSE));
      append_bar (snapshot, px, end_x (self, px, bar->high), y, thickness, end_color (self, TRUE));
      if (g_ptr_array_index (self->notes, i) != NULL)
        {
          const graphene_point_t *at = &g_array_index (self->note_at, graphene_point_t, i);

          cpl_chart_append_layout (snapshot, g_ptr_array_index (self->notes, i), at->x, at->y, &dim);
        }
    }
  cpl_chart_append_vline (snapshot, px, plot->origin.y, plot->origin.y + plot->size.height, 1, &centre, FALSE);
  cpl_chart_frame_snapshot_axes (FRAME (self), snapshot, palette);
}

static char *
cpl_tornado_chart_query_tooltip (CplChart     *chart,
                                 double        x,
                                 double        y,
                                 gboolean      keyboard_mode,
                                 GdkRectangle *area)
{
  CplTornadoChart *self = CPL_TORNADO_CHART (chart);
  const graphene_rect_t *plot = &FRAME (self)->plot;
  g_autofree char *low = NULL;
  g_autofree char *high = NULL;
  g_autofree char *text = NULL;
  const Bar *bar;
  double top, row;
  guint rank;

  if (keyboard_mode || self->bars->len == 0 || y < plot->origin.y || y >= plot->origin.y + plot->size.height)
    return NULL;
  rank = MIN ((guint) ((y - plot->origin.y) / (plot->size.height / self->bars->len)), self->bars->len - 1);
  bar = &g_array_index (self->bars, Bar, rank);
  low = cpl_chart_format_value (chart, GTK_ORIENTATION_HORIZONTAL, bar->low);
  high = cpl_chart_format_value (chart, GTK_ORIENTATION_HORIZONTAL, bar->high);
  /* Translators: a tornado chart's tooltip: %1$s is an input, %2$s and
   * %3$s the output with the input at its low and at its high value */
  text = g_strdup_printf (_("%1$s\nAt its low value: %2$s\nAt its high value: %3$s"), bar->name, low, high);
  row_extent (self, rank, &top, &row);
  *area = (GdkRectangle) { 0, (int) floor (top), cpl_chart_get_width (chart), MAX ((int) row, 1) };
  return g_steal_pointer (&text);
}

static void
cpl_tornado_chart_dispose (GObject *object)
{
  CplTornadoChart *self = CPL_TORNADO_CHART (object);

  g_clear_pointer (&self->bars, g_array_unref);
  g_clear_pointer (&self->names, g_ptr_array_unref);
  g_clear_pointer (&self->notes, g_ptr_array_unref);
  g_clear_pointer (&self->note_at, g_array_unref);
  g_clear_pointer (&self->value_title, g_free);
  G_OBJECT_CLASS (cpl_tornado_chart_parent_class)->dispose (object);
}

static void
cpl_tornado_chart_digest (CplChart  *chart,
                          GByteArray *content)
{
  CplTornadoChart *self = CPL_TORNADO_CHART (chart);

  cpl_chart_digest_string (content, self->value_title);
  cpl_chart_digest_doubles (content, &self->point, 1);
  cpl_chart_digest_int (content, self->bars->len);
  for (guint i = 0; i < self->bars->len; i++)
    {
      const Bar *bar = &g_array_index (self->bars, Bar, i);

      cpl_chart_digest_string (content, bar->name);
      cpl_chart_digest_doubles (content, &bar->low, 1);
      cpl_chart_digest_doubles (content, &bar->high, 1);
    }
}

static void
cpl_tornado_chart_class_init (CplTornadoChartClass *klass)
{
  CplChartClass *chart_class = CPL_CHART_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = cpl_tornado_chart_dispose;
  chart_class->build_legend = cpl_tornado_chart_build_legend;
  chart_class->layout = cpl_tornado_chart_layout;
  chart_class->snapshot_plot = cpl_tornado_chart_snapshot_plot;
  chart_class->query_tooltip = cpl_tornado_chart_query_tooltip;
  chart_class->digest = cpl_tornado_chart_digest;
}

static void
cpl_tornado_chart_init (CplTornadoChart *self)
{
  self->bars = g_array_new (FALSE, FALSE, sizeof (Bar));
  g_array_set_clear_func (self->bars, bar_clear);
  self->names = g_ptr_array_new_with_free_func (g_object_unref);
  self->notes = g_ptr_array_new_with_free_func (note_free);
  self->note_at = g_array_new (FALSE, TRUE, sizeof (graphene_point_t));
  cpl_chart_set_accessible_label (CPL_CHART (self), _("Tornado chart"));
}

CplChart *
cpl_tornado_chart_new (void)
{
  return g_object_new (CPL_TYPE_TORNADO_CHART, NULL);
}

/* The title of the value axis, with its unit: the output the bars move. */
void
cpl_tornado_chart_set_value_title (CplTornadoChart *self,
                                   const char      *title)
{
  g_return_if_fail (CPL_IS_TORNADO_CHART (self));

  cpl_chart_set_string (&self->value_title, title);
  cpl_chart_invalidate (CPL_CHART (self));
}

/* The axis title given to cpl_tornado_chart_set_value_title(). */
const char *
cpl_tornado_chart_get_value_title (CplTornadoChart *self)
{
  g_return_val_if_fail (CPL_IS_TORNADO_CHART (self), NULL);

  return self->value_title;
}

/* How the output's values read: "$47.5 B". */
void
cpl_tornado_chart_set_format (CplTornadoChart    *self,
                              CplChartFormatFunc  func,
                              gpointer            user_data,
                              GDestroyNotify      destroy)
{
  g_return_if_fail (CPL_IS_TORNADO_CHART (self));

  cpl_chart_set_format (CPL_CHART (self), GTK_ORIENTATION_HORIZONTAL, func, user_data, destroy);
}

void
cpl_tornado_chart_set_description (CplTornadoChart *self,
                                   const char      *text)
{
  g_return_if_fail (CPL_IS_TORNADO_CHART (self));

  cpl_chart_set_description (CPL_CHART (self), text);
}

/**
 * cpl_tornado_chart_set_bars:
 * @point: the output with every input at its point value
 * @names: (array length=n): each input's name as shown
 * @output_low: (array length=n): the output with that input at its low value
 * @output_high: (array length=n): and at its high value
 *
 * Replaces the rows; they are ranked by swing |high − low|, widest first,
 * inputs of equal swing in the order given.
 */
void
cpl_tornado_chart_set_bars (CplTornadoChart    *self,
                            double              point,
                            const char * const *names,
                            const double       *output_low,
                            const double       *output_high,
                            guint               n)
{
  g_autoptr(GArray) order = NULL;
  const double *ends[2] = { output_low, output_high };

  g_return_if_fail (CPL_IS_TORNADO_CHART (self));
  g_return_if_fail (n == 0 || (names != NULL && output_low != NULL && output_high != NULL));

  order = g_array_sized_new (FALSE, FALSE, sizeof (guint), n);

  for (guint i = 0; i < n; i++)
    g_array_append_val (order, i);
  g_array_sort_with_data (order, compare_ranks, ends);

  g_array_set_size (self->bars, 0);
  self->point = point;
  for (guint i = 0; i < n; i++)
    {
      guint k = g_array_index (order, guint, i);
      Bar bar = { g_strdup (names[k]), output_low[k], output_high[k] };

      g_array_append_val (self->bars, bar);
    }
  cpl_chart_invalidate (CPL_CHART (self));
}

guint
cpl_tornado_chart_get_n_bars (CplTornadoChart *self)
{
  g_return_val_if_fail (CPL_IS_TORNADO_CHART (self), 0);

  return self->bars->len;
}

/* Returns: the name of the input ranked @rank (0: the widest swing). */
const char *
cpl_tornado_chart_get_bar_name (CplTornadoChart *self,
                                guint            rank)
{
  g_return_val_if_fail (CPL_IS_TORNADO_CHART (self), NULL);
  g_return_val_if_fail (rank < self->bars->len, NULL);

  return g_array_index (self->bars, Bar, rank).name;
}

/* Whether row @rank's name is written whole (not cut short with "…"),
 * as last laid out. */
gboolean
cpl_tornado_chart_get_name_whole (CplTornadoChart *self,
                                  guint            rank)
{
  g_return_val_if_fail (CPL_IS_TORNADO_CHART (self), FALSE);
  g_return_val_if_fail (rank < self->names->len, FALSE);

  return !pango_layout_is_ellipsized (g_ptr_array_index (self->names, rank));
}

/* Where the bars of row @rank are drawn, in widget coordinates: from
 * @left to @right, centred on @center_y; %FALSE when there is no room. */
gboolean
cpl_tornado_chart_bar_extent (CplTornadoChart *self,
                              guint            rank,
                              double          *left,
                              double          *right,
                              double          *center_y)
{
  const Bar *bar;
  double top, row, xs[3];

  g_return_val_if_fail (CPL_IS_TORNADO_CHART (self), FALSE);

  cpl_chart_ensure_layout (CPL_CHART (self));
  if (rank >= self->bars->len || !cpl_chart_frame_has_plot (FRAME (self)))
    return FALSE;
  bar = &g_array_index (self->bars, Bar, rank);
  xs[0] = value_x (self, self->point);
  xs[1] = end_x (self, xs[0], bar->low);
  xs[2] = end_x (self, xs[0], bar->high);
  row_extent (self, rank, &top, &row);
  *left = MIN (xs[0], MIN (xs[1], xs[2]));
  *right = MAX (xs[0], MAX (xs[1], xs[2]));
  *center_y = top + row / 2;
  return TRUE;
}

/* Where the centre line (the point value) is drawn; NaN without a plot. */
double
cpl_tornado_chart_point_x (CplTornadoChart *self)
{
  g_return_val_if_fail (CPL_IS_TORNADO_CHART (self), NAN);

  cpl_chart_ensure_layout (CPL_CHART (self));
  return cpl_chart_frame_has_plot (FRAME (self)) ? value_x (self, self->point) : NAN;
}
