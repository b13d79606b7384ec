/* cpl-bar-chart.c: a few values per chip, side by side per metric, or
 * stacked into one bar per category
 *
 * Categories (metrics) run along the bottom; each holds one bar per
 * series (chip), in the palette's colours and the order the series were
 * added.  A missing value is a hatched stub marked "n/a": never a bar of
 * height zero, which would read as a measured zero.
 *
 * Stacked, each category is one bar: the series' values are segments
 * piled from the baseline in series order, positive values upwards and
 * negative ones downwards from zero (a loss hangs under the axis rather
 * than eating into the other segments), with the category's total at the
 * end of the bar (or, cpl_bar_chart_set_total_above(), what stands above
 * the axis: a revenue whose parts stand over it and a loss under it).
 *
 * On a log scale (side by side only: ratios, "0.19×" beside "15×") the
 * bars stand on the reference line (1×), rising above it or hanging
 * under it, so that a half and a double are bars of one length; a value
 * that is not above zero has no place on the scale and is marked "n/a".
 *
 * The categories' names stand under their groups, in up to two lines.
 * Where one of them would not fit so, whole words, under its group (a
 * phone's chart of seven metrics, "Band-widt…"), all of them slant at 45°
 * instead, each ending under the middle of its group.
 *
 * Keyboard: Left/Right (Home/End) move a cursor over the bars (or the
 * segments); its tooltip shows the value, as hovering does.
 */
#define G_LOG_DOMAIN "cpl-bar-chart"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "cpl-chart-private.h"
#include "cpl-bar-chart.h"

#define MAX_BAR_WIDTH   56.
#define MAX_STACK_WIDTH 96.
#define GROUP_FILL      .72           /* of a category's width, the rest is space */
#define STACK_FILL      .56
#define MISSING_HEIGHT  16.
#define MAX_LABEL_LINES 2
#define MAX_SLANTED     160.          /* px: a slanted name longer than that ends in "…" */
#define SIN_45          0.70710678118654752

typedef struct
{
  char   *name;
  double *values;                     /* one per category */
  int     color;                      /* a CplChartColor, or -1 for the series' index */
} Series;

struct _CplBarChart
{
  CplChart         parent_instance;

  char           **categories;
  guint            n_categories;
  GPtrArray       *series;
  char            *value_title;
  char            *category_title;  /* under the categories, "Year" */
  double           reference;
  char            *reference_label;
  gboolean         show_values;
  gboolean         stacked;
  gboolean         total_above;      /* a stack's total: what stands above the axis */
  gboolean         log_scale;

  int              hover;             /* a bar index, or -1 */
  int              cursor;            /* the keyboard's bar, or -1 */

  /* for the current size and data; see bar_chart_layout() */
  GPtrArray       *category_layouts;
  gboolean         slanted;           /* the names at 45°, see the top of this file */
  int              label_height;
  double           group_width;
  GArray          *value_places;      /* graphene_rect_t per bar (category × series), as last drawn */
};

G_DEFINE_FINAL_TYPE (CplBarChart, cpl_bar_chart, CPL_TYPE_CHART)

/* Between two value labels side by side */
#define VALUE_GAP 3.

#define FRAME(self)   (cpl_chart_get_frame (CPL_CHART (self)))
#define PALETTE(self) (cpl_chart_get_palette (CPL_CHART (self)))

static const GdkRGBA *
series_color (CplBarChart *self,
              guint        index)
{
  const Series *series = g_ptr_array_index (self->series, index);

  return cpl_chart_palette_series (PALETTE (self), series->color >= 0 ? (guint) series->color : index);
}

static void
series_free (gpointer data)
{
  Series *series = data;

  g_free (series->name);
  g_free (series->values);
  g_free (series);
}

static guint
n_bars (CplBarChart *self)
{
  return self->series->len * self->n_categories;
}

static double
bar_value (CplBarChart *self,
           guint        series,
           guint        category)
{
  const Series *s = g_ptr_array_index (self->series, series);

  return s->values[category];
}

/* ---- stacks ---- */

/* Where the segment of @series starts and ends in the stack of
 * @category, in data units: positive values pile up from zero, negative
 * ones down from it.  A missing value is an empty segment at the top of
 * what is piled so far. */
static void
segment_range (CplBarChart *self,
               guint        series,
               guint        category,
               double      *from,
               double      *to)
{
  double up = 0, down = 0;
  double value;

  for (guint s = 0; s < series; s++)
    {
      double v = bar_value (self, s, category);

      if (!isfinite (v))
        continue;
      if (v >= 0)
        up += v;
      else
        down += v;
    }

  value = bar_value (self, series, category);
  if (!isfinite (value))
    *from = *to = up;
  else if (value >= 0)
    {
      *from = up;
      *to = up + value;
    }
  else
    {
      *from = down;
      *to = down + value;
    }
}

/* The ends of the stack of @category, and its total; %FALSE when no
 * value of it is known. */
static gboolean
stack_extent (CplBarChart *self,
              guint        category,
              double      *top,
              double      *bottom,
              double      *total)
{
  double up = 0, down = 0;
  gboolean any = FALSE;

  for (guint s = 0; s < self->series->len; s++)
    {
      double v = bar_value (self, s, category);

      if (!isfinite (v))
        continue;
      any = TRUE;
      if (v >= 0)
        up += v;
      else
        down += v;
    }
  if (top != NULL)
    *top = up;
  if (bottom != NULL)
    *bottom = down;
  if (total != NULL)
    *total = self->total_above ? up : up + down;
  return any;
}

/* Whether the segment of @series is the last one drawn on its side of
 * the baseline, so it carries the rounded end of the bar. */
static gboolean
segment_is_outermost (CplBarChart *self,
                      guint        series,
                      guint        category)
{
  double value = bar_value (self, series, category);

  if (!isfinite (value) || value == 0)
    return FALSE;
  for (guint s = series + 1; s < self->series->len; s++)
    {
      double v = bar_value (self, s, category);

      if (isfinite (v) && v != 0 && (v > 0) == (value > 0))
        return FALSE;
    }
  return TRUE;
}

/* ---- geometry ---- */

/* The value the bars stand on: zero, or on a log scale the reference
 * (1× for ratios; without one, the bottom of the axis). */
static double
bar_base (CplBarChart *self)
{
  if (!self->log_scale)
    return 0;
  return isfinite (self->reference) && self->reference > 0 ? self->reference : FRAME (self)->y_ticks.axis.min;
}

/* Whether @value can be drawn as a bar: known, and on a log scale above
 * zero. */
static gboolean
drawable (CplBarChart *self,
          double       value)
{
  return isfinite (value) && (!self->log_scale || value > 0);
}

static void
invalidate (CplBarChart *self)
{
  self->hover = -1;
  if (self->cursor >= (int) n_bars (self))
    self->cursor = -1;
  cpl_chart_invalidate (CPL_CHART (self));
}

static void
cpl_bar_chart_build_legend (CplChart *chart,
                            GArray   *items)
{
  CplBarChart *self = CPL_BAR_CHART (chart);
  const CplChartPalette *palette = PALETTE (self);

  for (guint i = 0; i < self->series->len; i++)
    {
      const Series *series = g_ptr_array_index (self->series, i);
      CplChartLegendItem item = {
        .kind = CPL_CHART_LEGEND_BOX,
        .color = *series_color (self, i),
        .label = series->name,
      };

      cpl_chart_legend_append (items, &item);
    }

  if (isfinite (self->reference) && self->reference_label != NULL)
    {
      CplChartLegendItem item = {
        .kind = CPL_CHART_LEGEND_HDASH,
        .color = cpl_chart_rgba_alpha (&palette->fg, .6f),
        .label = self->reference_label,
      };

      cpl_chart_legend_append (items, &item);
    }
}

/* The width a name has under a group @group_width wide. */
static double
label_width (double group_width)
{
  return MAX (group_width - 4, 8);
}

static PangoLayout *
category_layout (CplBarChart *self,
                 guint        category,
                 double       width)
{
  PangoLayout *layout = cpl_chart_layout_new (CPL_CHART_CONTEXT (self), self->categories[category], CPL_CHART_FONT_LABEL);

  cpl_chart_layout_limit (layout, (int) label_width (width), MAX_LABEL_LINES);
  pango_layout_set_alignment (layout, PANGO_ALIGN_CENTER);
  return layout;
}

/* The width of the widest word of category @category's name: the least
 * it needs not to break inside one. */
static int
widest_word (CplBarChart *self,
             guint        category)
{
  g_autoptr(PangoLayout) layout = cpl_chart_layout_new (CPL_CHART_CONTEXT (self), self->categories[category],
                                                        CPL_CHART_FONT_LABEL);
  int width;

  /* one word a line, a longer one running over rather than breaking */
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD);
  pango_layout_set_width (layout, PANGO_SCALE);
  cpl_chart_layout_size (layout, &width, NULL);
  return width;
}

/* How far under the plot the slanted names reach, at most. */
static int
slanted_height (CplBarChart *self)
{
  double longest = 0;

  for (guint c = 0; c < self->n_categories; c++)
    {
      g_autoptr(PangoLayout) layout = cpl_chart_layout_new (CPL_CHART_CONTEXT (self), self->categories[c],
                                                            CPL_CHART_FONT_LABEL);
      int width;

      cpl_chart_layout_size (layout, &width, NULL);
      longest = MAX (longest, MIN (width, MAX_SLANTED));
    }
  return (int) ceil ((longest + self->label_height) * SIN_45);
}

/* Whether the names slant in a chart @width wide: one of them does not
 * fit under its group in whole words and MAX_LABEL_LINES lines (at about
 * the group's final width); else @lines is how many lines they take. */
static gboolean
names_slant (CplBarChart *self,
             int          width,
             int         *lines)
{
  g_autoptr(PangoLayout) probe = cpl_chart_layout_new (CPL_CHART_CONTEXT (self), "0", CPL_CHART_FONT_LABEL);
  double estimate;

  cpl_chart_layout_size (probe, NULL, &self->label_height);
  *lines = 1;
  if (self->n_categories == 0)
    return FALSE;

  estimate = (width - 2 * CPL_CHART_PADDING - 4 * self->label_height) / (double) self->n_categories;
  for (guint c = 0; c < self->n_categories; c++)
    {
      g_autoptr(PangoLayout) layout = category_layout (self, c, estimate);

      if (pango_layout_is_ellipsized (layout) || widest_word (self, c) > label_width (estimate))
        return TRUE;
      *lines = MAX (*lines, pango_layout_get_line_count (layout));
    }
  *lines = MIN (*lines, MAX_LABEL_LINES);
  return FALSE;
}

/* Where the top right corner of category @category's slanted name is:
 * its middle line ends under the middle of the group. */
static double
slanted_end (CplBarChart *self,
             guint        category)
{
  return FRAME (self)->plot.origin.x + (category + .5) * self->group_width - self->label_height * SIN_45 / 2;
}

static void
fit_value_axis (CplBarChart  *self,
                CplChartAxis *axis,
                double        plot_height)
{
  g_autoptr(GArray) values = g_array_new (FALSE, FALSE, sizeof (double));
  double zero = 0, lo, hi, base;

  if (isfinite (self->reference))
    g_array_append_val (values, self->reference);
  for (guint c = 0; c < self->n_categories; c++)
    {
      if (self->stacked)
        {
          double top, bottom;

          stack_extent (self, c, &top, &bottom, NULL);
          g_array_append_val (values, top);
          g_array_append_val (values, bottom);
          continue;
        }
      for (guint s = 0; s < self->series->len; s++)
        {
          double v = bar_value (self, s, c);

          if (isfinite (v))
            g_array_append_val (values, v);
        }
    }
  /* bars stand on zero; without any, the default range rather than one
   * "0" (on a log scale they stand on the reference, already in) */
  if (values->len > 0 && !self->log_scale)
    g_array_append_val (values, zero);

  cpl_chart_axis_init (axis, self->log_scale ? CPL_CHART_SCALE_LOG : CPL_CHART_SCALE_LINEAR);
  cpl_chart_axis_fit (axis, (const double *) (gpointer) values->data, values->len);

  /* room over the tallest bar (and under the lowest) for its value, in
   * the axis's own units (decades on a log scale) */
  base = self->log_scale ? NAN : 0;
  if (self->log_scale && isfinite (self->reference) && self->reference > 0)
    base = log10 (self->reference);
  lo = hi = base;
  for (guint i = 0; i < values->len; i++)
    {
      double v = g_array_index (values, double, i);

      if (!cpl_chart_axis_accepts (axis, v))
        continue;
      v = self->log_scale ? log10 (v) : v;
      lo = isnan (lo) ? v : MIN (lo, v);
      hi = isnan (hi) ? v : MAX (hi, v);
    }
  if (self->show_values && plot_height > 4 * self->label_height && !isnan (base) && hi > lo)
    {
      double room = (self->label_height + 4) / plot_height;
      double span = hi - lo;

      if (hi > base)
        {
          double max = lo + span / (1 - room);

          axis->max = MAX (axis->max, self->log_scale ? pow (10, max) : max);
        }
      if (lo < base)
        {
          double min = hi - span / (1 - room);

          axis->min = MIN (axis->min, self->log_scale ? pow (10, min) : min);
        }
    }
}

static void
cpl_bar_chart_layout (CplChart *chart,
                      int       width,
                      int       height)
{
  CplBarChart *self = CPL_BAR_CHART (chart);
  PangoContext *context = CPL_CHART_CONTEXT (self);
  CplChartFrame *frame = FRAME (self);
  g_autoptr(GArray) legend = cpl_chart_build_legend (chart);
  g_autofree char *value_title = NULL;
  CplChartAxis axis;
  int lines;

  self->slanted = names_slant (self, width, &lines);

  value_title = cpl_chart_axis_title (self->value_title, self->log_scale);
  cpl_chart_frame_begin (frame, context, width, height,
                         (const CplChartLegendItem *) (gpointer) legend->data, legend->len,
                         value_title, self->category_title,
                         CPL_CHART_LABEL_GAP + (self->slanted ? slanted_height (self)
                                                              : lines * self->label_height));
  fit_value_axis (self, &axis, frame->plot.size.height);
  cpl_chart_frame_finish (frame, context, &axis,
                          cpl_chart_get_format (chart, GTK_ORIENTATION_VERTICAL), CPL_CHART_PADDING);

  g_ptr_array_set_size (self->category_layouts, 0);
  self->group_width = self->n_categories > 0 ? frame->plot.size.width / self->n_categories : 0;
  for (guint c = 0; c < self->n_categories; c++)
    {
      PangoLayout *layout;

      if (self->slanted)
        {
          /* no further left than the padding: the first names are the
           * nearest the edge */
          double room = (slanted_end (self, c) - CPL_CHART_PADDING) / SIN_45;

          layout = cpl_chart_layout_new (context, self->categories[c], CPL_CHART_FONT_LABEL);
          cpl_chart_layout_limit (layout, (int) MIN (room, MAX_SLANTED), 1);
        }
      else
        {
          layout = category_layout (self, c, self->group_width);
          pango_layout_set_height (layout, -lines);
        }
      g_ptr_array_add (self->category_layouts, layout);
    }
}

/* The horizontal extent of a bar: its slot (for hit tests and the hover
 * highlight) and the bar itself, a little narrower.  Stacked, all the
 * segments of a category share one slot. */
static void
bar_slot (CplBarChart *self,
          guint        series,
          guint        category,
          double      *slot_x,
          double      *slot_width,
          double      *bar_x,
          double      *bar_width)
{
  double group_x = FRAME (self)->plot.origin.x + category * self->group_width;
  double width, gap, x;

  if (self->stacked)
    {
      width = MIN (self->group_width * STACK_FILL, MAX_STACK_WIDTH);
      x = group_x + (self->group_width - width) / 2;
      gap = 0;
    }
  else
    {
      width = MIN (self->group_width * GROUP_FILL / MAX (self->series->len, 1), MAX_BAR_WIDTH);
      gap = width > 12 ? 3 : width > 4 ? 1 : 0;
      x = group_x + (self->group_width - width * self->series->len) / 2 + series * width;
    }

  *slot_x = x;
  *slot_width = width;
  *bar_x = round (x + gap / 2);
  *bar_width = MAX (round (x + width - gap / 2) - *bar_x, 1);
}

/* The bar's rectangle (stacked, the segment's); for a missing value, its
 * "n/a" stub. */
static graphene_rect_t
bar_rect (CplBarChart *self,
          guint        series,
          guint        category)
{
  const CplChartFrame *frame = FRAME (self);
  double slot_x, slot_width, x, width;
  double value = bar_value (self, series, category);
  double base = round (cpl_chart_frame_y (frame, bar_base (self)));
  double top;

  bar_slot (self, series, category, &slot_x, &slot_width, &x, &width);

  if (self->stacked)
    {
      double from, to, y0, y1;

      if (!stack_extent (self, category, NULL, NULL, NULL))
        {
          double height = MIN (MISSING_HEIGHT, frame->plot.size.height / 4);

          return GRAPHENE_RECT_INIT (x, base - height, width, height);
        }
      segment_range (self, series, category, &from, &to);
      y0 = round (cpl_chart_frame_y (frame, from));
      y1 = round (cpl_chart_frame_y (frame, to));
      return GRAPHENE_RECT_INIT (x, MIN (y0, y1), width, fabs (y1 - y0));
    }

  if (!drawable (self, value))
    {
      double height = MIN (MISSING_HEIGHT, frame->plot.size.height / 4);

      return GRAPHENE_RECT_INIT (x, base - height, width, height);
    }

  top = round (cpl_chart_frame_y (frame, value));
  if (value != bar_base (self) && fabs (top - base) < 1)
    top = value > bar_base (self) ? base - 1 : base + 1;     /* small, but not nothing */
  return GRAPHENE_RECT_INIT (x, MIN (top, base), width, fabs (top - base));
}

/* ---- drawing ---- */

static void
snapshot_highlight (CplBarChart *self,
                    GtkSnapshot *snapshot,
                    int          bar)
{
  const CplChartPalette *palette = PALETTE (self);
  const graphene_rect_t *plot = &FRAME (self)->plot;
  GdkRGBA color = cpl_chart_rgba_alpha (&palette->fg, palette->dark ? .1f : .07f);
  double slot_x, slot_width, x, width;
  guint n_series = self->series->len;

  if (bar < 0 || bar >= (int) n_bars (self))
    return;

  bar_slot (self, bar % n_series, bar / n_series, &slot_x, &slot_width, &x, &width);
  gtk_snapshot_append_color (snapshot, &color,
                             &GRAPHENE_RECT_INIT (x - 2, plot->origin.y, width + 4, plot->size.height));
}

/* Stacked, the highlighted segment is outlined too. */
static void
snapshot_segment_outline (CplBarChart *self,
                          GtkSnapshot *snapshot,
                          int          bar)
{
  GdkRGBA color = cpl_chart_rgba_alpha (&PALETTE (self)->fg, .6f);
  graphene_rect_t rect;
  guint n_series = self->series->len;

  if (!self->stacked || bar < 0 || bar >= (int) n_bars (self))
    return;

  rect = bar_rect (self, bar % n_series, bar / n_series);
  if (rect.size.height < 1)
    return;
  graphene_rect_inset (&rect, -1, -1);
  cpl_chart_append_frame (snapshot, &rect, 2, 2, &color);
}

static char *
format_value (CplBarChart *self,
              double       value)
{
  return cpl_chart_format_value (CPL_CHART (self), GTK_ORIENTATION_VERTICAL, value);
}

/* A filled bar, rounded at the far end from the baseline when @rounded. */
static void
append_bar (GtkSnapshot           *snapshot,
            const graphene_rect_t *rect,
            const GdkRGBA         *color,
            gboolean               negative,
            gboolean               rounded)
{
  GskRoundedRect clip;

  gsk_rounded_rect_init_from_rect (&clip, rect, 0);
  if (rounded && rect->size.height >= 4 && rect->size.width >= 6)
    {
      graphene_size_t corner = GRAPHENE_SIZE_INIT (3, 3);

      if (!negative)
        clip.corner[GSK_CORNER_TOP_LEFT] = clip.corner[GSK_CORNER_TOP_RIGHT] = corner;
      else
        clip.corner[GSK_CORNER_BOTTOM_LEFT] = clip.corner[GSK_CORNER_BOTTOM_RIGHT] = corner;
    }
  gtk_snapshot_push_rounded_clip (snapshot, &clip);
  gtk_snapshot_append_color (snapshot, color, rect);
  gtk_snapshot_pop (snapshot);
}

static void
snapshot_missing (CplBarChart           *self,
                  GtkSnapshot           *snapshot,
                  const graphene_rect_t *rect,
                  const GdkRGBA         *color)
{
  GdkRGBA hatch = cpl_chart_rgba_alpha (color, .6f);
  GdkRGBA dim = cpl_chart_rgba_alpha (&PALETTE (self)->fg, .55f);
  g_autoptr(PangoLayout) label = NULL;
  int w, h;

  cpl_chart_append_hatch (snapshot, rect, &hatch);
  cpl_chart_append_frame (snapshot, rect, 0, 1, color);

  /* Translators: on a bar chart, where a value is missing;
   * keep it very short */
  label = cpl_chart_layout_new (CPL_CHART_CONTEXT (self), C_("chart", "n/a"), CPL_CHART_FONT_LABEL);
  cpl_chart_layout_size (label, &w, &h);
  if (w <= rect->size.width + 2)
    cpl_chart_append_layout (snapshot, label, rect->origin.x + (rect->size.width - w) / 2,
                             rect->origin.y - h - 2, &dim);
}

/* The number over every bar (@totals: over every stack), laid out, by
 * category × series (× 1 for stacks), NULL where there is no value; or
 * NULL when one of them does not fit its width: the numbers are shown on
 * all bars or on none, as some over the shorter numbers only read as if
 * the others had none. */
static void
unref_label (gpointer label)
{
  if (label != NULL)
    g_object_unref (label);
}

static GPtrArray *
value_labels (CplBarChart *self,
              gboolean     totals)
{
  PangoContext *context = CPL_CHART_CONTEXT (self);
  guint per_category = totals ? 1 : self->series->len;
  g_autoptr(GPtrArray) labels = g_ptr_array_new_full (self->n_categories * per_category, unref_label);

  for (guint c = 0; c < self->n_categories; c++)
    for (guint s = 0; s < per_category; s++)
      {
        double value, top, bottom;
        double limit;
        g_autofree char *number = NULL;
        PangoLayout *label;
        int w;

        if (totals)
          {
            if (!stack_extent (self, c, &top, &bottom, &value))
              {
                g_ptr_array_add (labels, NULL);
                continue;
              }
            limit = self->group_width - 2;
          }
        else
          {
            graphene_rect_t rect = bar_rect (self, s, c);

            value = bar_value (self, s, c);
            if (!isfinite (value))
              {
                g_ptr_array_add (labels, NULL);
                continue;
              }
            limit = rect.size.width + 2;
          }
        number = format_value (self, value);
        label = cpl_chart_layout_new (context, number, CPL_CHART_FONT_LABEL);
        g_ptr_array_add (labels, label);
        cpl_chart_layout_size (label, &w, NULL);
        if (w > limit)
          return NULL;
      }
  return g_steal_pointer (&labels);
}

static void
snapshot_bars (CplBarChart *self,
               GtkSnapshot *snapshot)
{
  const CplChartPalette *palette = PALETTE (self);
  GdkRGBA text = cpl_chart_rgba_alpha (&palette->fg, .8f);
  g_autoptr(GPtrArray) labels = self->show_values ? value_labels (self, FALSE) : NULL;

  g_array_set_size (self->value_places, 0);
  g_array_set_size (self->value_places, self->n_categories * self->series->len);
  for (guint c = 0; c < self->n_categories; c++)
    for (guint s = 0; s < self->series->len; s++)
      {
        const GdkRGBA *color = series_color (self, s);
        double value = bar_value (self, s, c);
        graphene_rect_t rect = bar_rect (self, s, c);
        PangoLayout *label;
        int w, h;

        gboolean below = value < bar_base (self);

        if (!drawable (self, value))
          {
            snapshot_missing (self, snapshot, &rect, color);
            continue;
          }

        append_bar (snapshot, &rect, color, below, TRUE);

        if (labels == NULL)
          continue;

        /* the value over the bar (under it when negative): every one fits */
        label = g_ptr_array_index (labels, c * self->series->len + s);
        cpl_chart_layout_size (label, &w, &h);
        {
          graphene_rect_t place = GRAPHENE_RECT_INIT (rect.origin.x + (rect.size.width - w) / 2,
                                                      below ? rect.origin.y + rect.size.height + 2
                                                            : rect.origin.y - h - 2, w, h);

          /* two short bars side by side: the second value a line further
           * from its bar than the first, where they would touch ("0.33"
           * and "0.19" read as one) */
          if (s > 0)
            {
              const graphene_rect_t *before = &g_array_index (self->value_places, graphene_rect_t,
                                                              c * self->series->len + s - 1);
              graphene_rect_t wider = *before;

              graphene_rect_inset (&wider, -VALUE_GAP, 0);
              if (before->size.width > 0 && graphene_rect_intersection (&wider, &place, NULL))
                place.origin.y = below ? before->origin.y + before->size.height + 1
                                       : before->origin.y - h - 1;
            }
          cpl_chart_append_layout (snapshot, label, place.origin.x, place.origin.y, &text);
          g_array_index (self->value_places, graphene_rect_t, c * self->series->len + s) = place;
        }
      }
}

/* Text that reads on @color: dark on light colours, white on dark ones. */
static GdkRGBA
text_on (const GdkRGBA *color)
{
  double luminance = 0.2126 * color->red + 0.7152 * color->green + 0.0722 * color->blue;

  if (luminance > .55)
    return (GdkRGBA) { 0, 0, 0, .8f };
  return (GdkRGBA) { 1, 1, 1, .95f };
}

static void
snapshot_stacks (CplBarChart *self,
                 GtkSnapshot *snapshot)
{
  PangoContext *context = CPL_CHART_CONTEXT (self);
  const CplChartPalette *palette = PALETTE (self);
  GdkRGBA text = cpl_chart_rgba_alpha (&palette->fg, .8f);
  g_autoptr(GPtrArray) totals = self->show_values ? value_labels (self, TRUE) : NULL;

  for (guint c = 0; c < self->n_categories; c++)
    {
      double top, bottom, total;
      graphene_rect_t stack = GRAPHENE_RECT_INIT (0, 0, 0, 0);
      gboolean drawn = FALSE;
      PangoLayout *label;
      int w, h;

      if (!stack_extent (self, c, &top, &bottom, &total))
        {
          if (self->series->len > 0)
            {
              graphene_rect_t rect = bar_rect (self, 0, c);

              GdkRGBA color = cpl_chart_rgba_alpha (&palette->fg, .45f);

              snapshot_missing (self, snapshot, &rect, &color);
            }
          continue;
        }

      for (guint s = 0; s < self->series->len; s++)
        {
          const GdkRGBA *color = series_color (self, s);
          double value = bar_value (self, s, c);
          graphene_rect_t rect = bar_rect (self, s, c);
          graphene_rect_t fill = rect;
          double from, to;

          if (!isfinite (value) || rect.size.height < 1)
            continue;

          if (drawn)
            graphene_rect_union (&stack, &rect, &stack);
          else
            stack = rect;
          drawn = TRUE;

          /* a hairline of background between one segment and the next */
          segment_range (self, s, c, &from, &to);
          if (from != 0 && fill.size.height >= 3)
            {
              if (value > 0)
                fill.size.height -= 1;
              else
                {
                  fill.origin.y += 1;
                  fill.size.height -= 1;
                }
            }
          append_bar (snapshot, &fill, color, value < 0, segment_is_outermost (self, s, c));

          if (!self->show_values)
            continue;

          /* the segment's value inside it, where it fits */
          {
            g_autofree char *segment_number = format_value (self, value);
            g_autoptr(PangoLayout) segment_label = cpl_chart_layout_new (context, segment_number,
                                                                         CPL_CHART_FONT_LABEL);
            GdkRGBA on = text_on (color);

            cpl_chart_layout_size (segment_label, &w, &h);
            if (w + 8 <= fill.size.width && h + 4 <= fill.size.height)
              cpl_chart_append_layout (snapshot, segment_label,
                                       fill.origin.x + (fill.size.width - w) / 2,
                                       fill.origin.y + (fill.size.height - h) / 2, &on);
          }
        }

      if (totals == NULL)
        continue;

      /* the total at the end of the bar: over it, or under a bar that
       * only goes down (every total fits) */
      label = g_ptr_array_index (totals, c);
      cpl_chart_layout_size (label, &w, &h);
      {
        double slot_x, slot_width, x, width;
        double base = round (cpl_chart_frame_y (FRAME (self), 0));
        double y;

        bar_slot (self, 0, c, &slot_x, &slot_width, &x, &width);
        if (top > 0 || bottom == 0)
          y = (drawn ? MIN (stack.origin.y, base) : base) - h - 2;
        else
          y = (drawn ? MAX (stack.origin.y + stack.size.height, base) : base) + 2;
        cpl_chart_append_layout (snapshot, label, x + (width - w) / 2, y, &text);
      }
    }
}

static void
snapshot_categories (CplBarChart *self,
                     GtkSnapshot *snapshot)
{
  const graphene_rect_t *plot = &FRAME (self)->plot;
  GdkRGBA text = cpl_chart_rgba_alpha (&PALETTE (self)->fg, .85f);

  for (guint c = 0; c < self->category_layouts->len; c++)
    {
      PangoLayout *layout = g_ptr_array_index (self->category_layouts, c);

      if (self->slanted)
        {
          int width;

          /* rising to the right, the top right corner under the group */
          cpl_chart_layout_size (layout, &width, NULL);
          gtk_snapshot_save (snapshot);
          gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (slanted_end (self, c),
                                                                  plot->origin.y + plot->size.height
                                                                  + CPL_CHART_LABEL_GAP));
          gtk_snapshot_rotate (snapshot, -45);
          gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (-width, 0));
          gtk_snapshot_append_layout (snapshot, layout, &text);
          gtk_snapshot_restore (snapshot);
          continue;
        }
      cpl_chart_append_layout (snapshot, layout,
                               plot->origin.x + c * self->group_width + 2,
                               plot->origin.y + plot->size.height + CPL_CHART_LABEL_GAP,
                               &text);
    }
}

/* A chart whose names slant, or take more than a line, is that much
 * deeper: the plot keeps its height. */
static void
cpl_bar_chart_measure (CplChart       *chart,
                       GtkOrientation  orientation,
                       int             for_size,
                       int            *minimum,
                       int            *natural)
{
  CplBarChart *self = CPL_BAR_CHART (chart);
  int lines, extra;

  cpl_chart_measure_plain (chart, orientation, for_size, minimum, natural);
  if (orientation != GTK_ORIENTATION_VERTICAL)
    return;
  if (names_slant (self, for_size >= 0 ? for_size : CPL_CHART_NAT_WIDTH, &lines))
    extra = slanted_height (self) - self->label_height;
  else
    extra = (lines - 1) * self->label_height;
  *minimum += extra;
  *natural += extra;
}

static void
cpl_bar_chart_snapshot_plot (CplChart    *chart,
                             GtkSnapshot *snapshot)
{
  CplBarChart *self = CPL_BAR_CHART (chart);
  PangoContext *context = CPL_CHART_CONTEXT (self);
  const CplChartPalette *palette = PALETTE (self);
  CplChartFrame *frame = FRAME (self);
  const graphene_rect_t *plot = &frame->plot;
  gboolean show_cursor = self->cursor != self->hover && cpl_chart_has_focus (CPL_CHART (self));

  snapshot_highlight (self, snapshot, self->hover);
  if (show_cursor)
    snapshot_highlight (self, snapshot, self->cursor);

  if (self->stacked)
    snapshot_stacks (self, snapshot);
  else
    snapshot_bars (self, snapshot);

  snapshot_segment_outline (self, snapshot, self->hover);
  if (show_cursor)
    snapshot_segment_outline (self, snapshot, self->cursor);

  if (isfinite (self->reference))
    {
      GdkRGBA line = cpl_chart_rgba_alpha (&palette->fg, .6f);

      cpl_chart_append_hline (snapshot, plot->origin.x, plot->origin.x + plot->size.width,
                              cpl_chart_frame_y (frame, self->reference), 1, &line, TRUE);
    }

  cpl_chart_frame_snapshot_axes (frame, snapshot, palette);

  /* a baseline at zero when the bars go both ways (on a log scale they
   * stand on the reference line) */
  if (!self->log_scale && frame->y_ticks.axis.min < 0)
    {
      GdkRGBA axis = cpl_chart_rgba_alpha (&palette->fg, .4f);

      cpl_chart_append_hline (snapshot, plot->origin.x, plot->origin.x + plot->size.width,
                              round (cpl_chart_frame_y (frame, 0)), 1, &axis, FALSE);
    }

  snapshot_categories (self, snapshot);

  if (n_bars (self) == 0)
    cpl_chart_frame_snapshot_empty (frame, context, snapshot, palette);
  else
    cpl_chart_frame_snapshot_zero_note (CPL_CHART (self), snapshot, palette);
}

/* ---- input ---- */

static char *
cpl_bar_chart_query_tooltip (CplChart     *chart,
                             double        x,
                             double        y,
                             gboolean      keyboard_mode,
                             GdkRectangle *area)
{
  CplBarChart *self = CPL_BAR_CHART (chart);
  g_autofree char *value_text = NULL;
  g_autofree char *text = NULL;
  const Series *series;
  double value;
  guint s, c;
  int bar;

  if (keyboard_mode)
    {
      bar = self->cursor;
      if (bar < 0 || bar >= (int) n_bars (self))
        return NULL;
      s = bar % self->series->len;
      c = bar / self->series->len;
    }
  else if (cpl_bar_chart_bar_at (self, x, y, &s, &c) < 0)
    return NULL;

  series = g_ptr_array_index (self->series, s);
  value = series->values[c];
  value_text = isfinite (value) ? format_value (self, value) : g_strdup (_("no data"));
  /* Translators: a bar's tooltip: %1$s the series (a chip), %2$s the
   * category (a metric), %3$s the value */
  text = g_strdup_printf (_("%1$s — %2$s: %3$s"), series->name, self->categories[c], value_text);

  if (self->stacked)
    {
      g_autofree char *total_text = NULL;
      g_autofree char *total_line = NULL;
      double total;
      char *both;

      if (stack_extent (self, c, NULL, NULL, &total))
        total_text = format_value (self, total);
      else
        total_text = g_strdup (_("no data"));
      /* Translators: in a stacked bar's tooltip, under the segment's
       * value: %s is the sum of the bar's segments */
      total_line = g_strdup_printf (_("Total: %s"), total_text);
      both = g_strconcat (text, "\n", total_line, NULL);
      g_free (text);
      text = both;
    }

  /* the column, or stacked the segment: moving to another one asks again */
  {
    double slot_x, slot_width, bar_x, bar_width;
    const graphene_rect_t *plot = &FRAME (self)->plot;

    bar_slot (self, s, c, &slot_x, &slot_width, &bar_x, &bar_width);
    *area = (GdkRectangle) { (int) slot_x, (int) plot->origin.y,
                            MAX ((int) slot_width, 1), MAX ((int) plot->size.height, 1) };
    if (self->stacked)
      {
        graphene_rect_t rect = bar_rect (self, s, c);

        if (rect.size.height >= 2)
          {
            area->y = (int) rect.origin.y;
            area->height = MAX ((int) rect.size.height, 1);
          }
      }
  }
  return g_steal_pointer (&text);
}

static void
cpl_bar_chart_pointer_moved (CplChart *chart,
                             double    x,
                             double    y)
{
  CplBarChart *self = CPL_BAR_CHART (chart);
  int bar = isnan (x) ? -1 : cpl_bar_chart_bar_at (self, x, y, NULL, NULL);

  if (self->hover == bar)
    return;
  self->hover = bar;
  cpl_chart_queue_draw (CPL_CHART (self));
}

static void
cpl_bar_chart_pressed (CplChart *chart,
                       int       n_press,
                       double    x,
                       double    y)
{
  CplBarChart *self = CPL_BAR_CHART (chart);
  int bar = cpl_bar_chart_bar_at (self, x, y, NULL, NULL);

  if (bar >= 0)
    {
      self->cursor = bar;
      cpl_chart_queue_draw (CPL_CHART (self));
    }
}

static void
cpl_bar_chart_activate_action (CplChart   *chart,
                               const char *action_name)
{
  CplBarChart *self = CPL_BAR_CHART (chart);

  cpl_chart_move_cursor (chart, &self->cursor, n_bars (self), action_name);
}

/* ---- object ---- */

static void
cpl_bar_chart_dispose (GObject *object)
{
  CplBarChart *self = CPL_BAR_CHART (object);

  g_clear_pointer (&self->categories, g_strfreev);
  g_clear_pointer (&self->series, g_ptr_array_unref);
  g_clear_pointer (&self->category_layouts, g_ptr_array_unref);
  g_clear_pointer (&self->value_places, g_array_unref);
  g_clear_pointer (&self->value_title, g_free);
  g_clear_pointer (&self->category_title, g_free);
  g_clear_pointer (&self->reference_label, g_free);

  G_OBJECT_CLASS (cpl_bar_chart_parent_class)->dispose (object);
}

static void
cpl_bar_chart_digest (CplChart  *chart,
                      GByteArray *content)
{
  CplBarChart *self = CPL_BAR_CHART (chart);

  cpl_chart_digest_int (content, self->n_categories);
  for (guint c = 0; c < self->n_categories; c++)
    cpl_chart_digest_string (content, self->categories[c]);
  cpl_chart_digest_string (content, self->value_title);
  cpl_chart_digest_string (content, self->category_title);
  cpl_chart_digest_doubles (content, &self->reference, 1);
  cpl_chart_digest_string (content, self->reference_label);
  cpl_chart_digest_int (content, self->show_values);
  cpl_chart_digest_int (content, self->stacked);
  cpl_chart_digest_int (content, self->total_above);
  cpl_chart_digest_int (content, self->log_scale);
  cpl_chart_digest_int (content, self->hover);
  cpl_chart_digest_int (content, self->cursor);
  cpl_chart_digest_int (content, self->series->len);
  for (guint i = 0; i < self->series->len; i++)
    {
      const Series *series = g_ptr_array_index (self->series, i);

      cpl_chart_digest_string (content, series->name);
      cpl_chart_digest_doubles (content, series->values, self->n_categories);
      cpl_chart_digest_int (content, series->color);
    }
}

static void
cpl_bar_chart_class_init (CplBarChartClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  CplChartClass *chart_class = CPL_CHART_CLASS (klass);

  object_class->dispose = cpl_bar_chart_dispose;

  chart_class->build_legend = cpl_bar_chart_build_legend;
  chart_class->layout = cpl_bar_chart_layout;
  chart_class->measure = cpl_bar_chart_measure;
  chart_class->snapshot_plot = cpl_bar_chart_snapshot_plot;
  chart_class->pointer_moved = cpl_bar_chart_pointer_moved;
  chart_class->pressed = cpl_bar_chart_pressed;
  chart_class->query_tooltip = cpl_bar_chart_query_tooltip;
  chart_class->activate_action = cpl_bar_chart_activate_action;
  chart_class->digest = cpl_bar_chart_digest;

  cpl_chart_class_install_cursor_actions (chart_class, "bar");
}

static void
cpl_bar_chart_init (CplBarChart *self)
{
  self->series = g_ptr_array_new_with_free_func (series_free);
  self->category_layouts = g_ptr_array_new_with_free_func (g_object_unref);
  self->value_places = g_array_new (FALSE, TRUE, sizeof (graphene_rect_t));
  self->categories = g_new0 (char *, 1);
  self->reference = NAN;
  self->show_values = TRUE;
  self->hover = -1;
  self->cursor = -1;

  cpl_chart_set_accessible_label (CPL_CHART (self), _("Bar chart"));
}

/* ---- public ---- */

CplChart *
cpl_bar_chart_new (void)
{
  return g_object_new (CPL_TYPE_BAR_CHART, NULL);
}

/**
 * cpl_bar_chart_set_categories:
 * @labels: (array zero-terminated=1) (nullable): the groups along the bottom
 *
 * Also removes the series, whose values were per the old categories.
 */
void
cpl_bar_chart_set_categories (CplBarChart        *self,
                              const char * const *labels)
{
  g_return_if_fail (CPL_IS_BAR_CHART (self));

  g_strfreev (self->categories);
  self->categories = labels ? g_strdupv ((char **) labels) : g_new0 (char *, 1);
  self->n_categories = g_strv_length (self->categories);
  g_ptr_array_set_size (self->series, 0);
  invalidate (self);
}

void
cpl_bar_chart_clear_series (CplBarChart *self)
{
  g_return_if_fail (CPL_IS_BAR_CHART (self));

  g_ptr_array_set_size (self->series, 0);
  invalidate (self);
}

/**
 * cpl_bar_chart_add_series:
 * @name: shown in the legend and tooltips
 * @values: (array): one value per category; NaN where it is unknown
 *
 * Series take the palette's colours in the order they are added, unless
 * given one with cpl_bar_chart_set_series_color().
 *
 * Returns: the series' index
 */
guint
cpl_bar_chart_add_series (CplBarChart  *self,
                          const char   *name,
                          const double *values)
{
  Series *series;

  g_return_val_if_fail (CPL_IS_BAR_CHART (self), 0);
  g_return_val_if_fail (name != NULL, 0);
  g_return_val_if_fail (values != NULL || self->n_categories == 0, 0);

  series = g_new0 (Series, 1);
  series->name = g_strdup (name);
  series->values = g_new0 (double, MAX (self->n_categories, 1));
  if (self->n_categories > 0)
    memcpy (series->values, values, self->n_categories * sizeof (double));
  series->color = -1;
  g_ptr_array_add (self->series, series);
  invalidate (self);

  return self->series->len - 1;
}

/* Gives series @index a colour of its own, usually
 * cpl_chart_color_for_key(), so a chip keeps one colour on every chart. */
void
cpl_bar_chart_set_series_color (CplBarChart   *self,
                                guint          index,
                                CplChartColor  color)
{
  Series *series;

  g_return_if_fail (CPL_IS_BAR_CHART (self));
  g_return_if_fail (index < self->series->len);

  series = g_ptr_array_index (self->series, index);
  series->color = color % CPL_CHART_N_COLORS;
  invalidate (self);
}

/* The title under the categories ("Year"), or %NULL for none. */
void
cpl_bar_chart_set_category_title (CplBarChart *self,
                                  const char  *title)
{
  g_return_if_fail (CPL_IS_BAR_CHART (self));

  if (cpl_chart_set_string (&self->category_title, title))
    invalidate (self);
}

/* The value axis title, with its unit; also names the chart for screen readers. */
void
cpl_bar_chart_set_value_title (CplBarChart *self,
                               const char  *title)
{
  g_return_if_fail (CPL_IS_BAR_CHART (self));

  if (!cpl_chart_set_string (&self->value_title, title))
    return;

  if (title != NULL && title[0] != '\0')
    {
      /* Translators: the accessible name of a chart; %s is what its bars measure */
      g_autofree char *label = g_strdup_printf (_("Bar chart of %s"), title);

      cpl_chart_set_accessible_label (CPL_CHART (self), label);
    }
  invalidate (self);
}

/* A dashed line across the chart at @value; NaN removes it. */
void
cpl_bar_chart_set_reference (CplBarChart *self,
                             double       value)
{
  g_return_if_fail (CPL_IS_BAR_CHART (self));

  self->reference = value;
  invalidate (self);
}

/**
 * cpl_bar_chart_set_log_scale:
 *
 * Whether the value axis is logarithmic, for ratios: the bars then stand
 * on the reference line (cpl_bar_chart_set_reference(), 1 for ratios),
 * above it or under it.  Side by side only, not stacked.
 */
void
cpl_bar_chart_set_log_scale (CplBarChart *self,
                             gboolean     log_scale)
{
  g_return_if_fail (CPL_IS_BAR_CHART (self));
  g_return_if_fail (!log_scale || !self->stacked);

  self->log_scale = !!log_scale;
  invalidate (self);
}

/* What the reference line means, for the legend; %NULL leaves it out. */
void
cpl_bar_chart_set_reference_label (CplBarChart *self,
                                   const char  *label)
{
  g_return_if_fail (CPL_IS_BAR_CHART (self));

  if (cpl_chart_set_string (&self->reference_label, label))
    invalidate (self);
}

/* Whether bars carry their values (where they fit); stacked, the
 * segments carry theirs and each bar its total. */
void
cpl_bar_chart_set_show_values (CplBarChart *self,
                               gboolean     show_values)
{
  g_return_if_fail (CPL_IS_BAR_CHART (self));

  self->show_values = !!show_values;
  invalidate (self);
}

/* What the chart shows, in words, for screen readers. */
void
cpl_bar_chart_set_description (CplBarChart *self,
                               const char  *text)
{
  g_return_if_fail (CPL_IS_BAR_CHART (self));

  cpl_chart_set_description (CPL_CHART (self), text);
}

/**
 * cpl_bar_chart_set_value_format:
 * @func: (nullable): makes the text of a value, such as cpl_format_money();
 *   %NULL for plain numbers
 * @user_data: for @func
 * @destroy: (nullable): frees @user_data
 *
 * How values read on the value axis, on the bars and in tooltips.
 */
void
cpl_bar_chart_set_value_format (CplBarChart        *self,
                                CplChartFormatFunc  func,
                                gpointer            user_data,
                                GDestroyNotify      destroy)
{
  g_return_if_fail (CPL_IS_BAR_CHART (self));

  cpl_chart_set_format (CPL_CHART (self), GTK_ORIENTATION_VERTICAL, func, user_data, destroy);
}

/**
 * cpl_bar_chart_set_stacked:
 *
 * Stacked, each category is one bar: the series are its segments, from
 * the baseline in the order they were added; negative values stack down
 * from zero.  The hit test and bar positions are then per segment.
 */
void
cpl_bar_chart_set_stacked (CplBarChart *self,
                           gboolean     stacked)
{
  g_return_if_fail (CPL_IS_BAR_CHART (self));
  g_return_if_fail (!stacked || !self->log_scale);

  stacked = !!stacked;
  if (self->stacked == stacked)
    return;
  self->stacked = stacked;
  invalidate (self);
}

/**
 * cpl_bar_chart_set_total_above:
 * @total_above: whether a stack's total is the sum of its segments above
 *   the axis (a revenue split into parts, a loss hanging under it), not
 *   of all of them
 */
void
cpl_bar_chart_set_total_above (CplBarChart *self,
                               gboolean     total_above)
{
  g_return_if_fail (CPL_IS_BAR_CHART (self));

  total_above = !!total_above;
  if (self->total_above == total_above)
    return;
  self->total_above = total_above;
  invalidate (self);
}

gboolean
cpl_bar_chart_get_stacked (CplBarChart *self)
{
  g_return_val_if_fail (CPL_IS_BAR_CHART (self), FALSE);

  return self->stacked;
}

/* Stacked: the segment of @category under @y, or the nearest one. */
static guint
segment_at (CplBarChart *self,
            guint        category,
            double       y)
{
  guint best = 0;
  double best_distance = INFINITY;

  for (guint s = 0; s < self->series->len; s++)
    {
      graphene_rect_t rect;
      double distance;

      if (!isfinite (bar_value (self, s, category)) && stack_extent (self, category, NULL, NULL, NULL))
        continue;
      rect = bar_rect (self, s, category);
      if (y < rect.origin.y)
        distance = rect.origin.y - y;
      else if (y > rect.origin.y + rect.size.height)
        distance = y - (rect.origin.y + rect.size.height);
      else
        return s;
      if (distance < best_distance)
        {
          best = s;
          best_distance = distance;
        }
    }
  return best;
}

/**
 * cpl_bar_chart_bar_at:
 * @series: (out) (optional): the bar's series
 * @category: (out) (optional): the bar's category
 *
 * Finds the bar whose column (its width, the plot's height) holds the
 * point, so short bars and missing values are as easy to point at as tall
 * ones.  Stacked, the segment under the point, or the nearest segment of
 * that bar when the point is above or below it.
 *
 * Returns: the bar's index, category × series count + series, or -1
 */
int
cpl_bar_chart_bar_at (CplBarChart *self,
                      double       x,
                      double       y,
                      guint       *series,
                      guint       *category)
{
  const CplChartFrame *frame;
  const graphene_rect_t *plot;

  g_return_val_if_fail (CPL_IS_BAR_CHART (self), -1);

  cpl_chart_ensure_layout (CPL_CHART (self));
  frame = FRAME (self);
  plot = &frame->plot;
  if (!cpl_chart_frame_has_plot (frame) || n_bars (self) == 0
      || y < plot->origin.y || y > plot->origin.y + plot->size.height
      || x < plot->origin.x || x >= plot->origin.x + plot->size.width)
    return -1;

  for (guint c = 0; c < self->n_categories; c++)
    for (guint s = 0; s < self->series->len; s++)
      {
        double slot_x, slot_width, bar_x, bar_width;

        bar_slot (self, s, c, &slot_x, &slot_width, &bar_x, &bar_width);
        if (x >= slot_x && x < slot_x + slot_width)
          {
            if (self->stacked)
              s = segment_at (self, c, y);
            if (series != NULL)
              *series = s;
            if (category != NULL)
              *category = c;
            return (int) (c * self->series->len + s);
          }
      }
  return -1;
}

/* The middle of a bar (or of its "n/a" stub; stacked, of the segment) in
 * widget coordinates; %FALSE when there is no such bar or no room to draw
 * it. */
gboolean
cpl_bar_chart_bar_position (CplBarChart *self,
                            guint        series,
                            guint        category,
                            double      *x,
                            double      *y)
{
  graphene_rect_t rect;

  g_return_val_if_fail (CPL_IS_BAR_CHART (self), FALSE);

  cpl_chart_ensure_layout (CPL_CHART (self));
  if (series >= self->series->len || category >= self->n_categories
      || !cpl_chart_frame_has_plot (FRAME (self)))
    return FALSE;

  rect = bar_rect (self, series, category);
  if (x != NULL)
    *x = rect.origin.x + rect.size.width / 2;
  if (y != NULL)
    *y = rect.origin.y + rect.size.height / 2;
  return TRUE;
}

/**
 * cpl_bar_chart_get_value:
 *
 * Returns: the value of bar @series of @category, as given (for tests)
 */
double
cpl_bar_chart_get_value (CplBarChart *self,
                         guint        series,
                         guint        category)
{
  g_return_val_if_fail (CPL_IS_BAR_CHART (self), NAN);
  g_return_val_if_fail (series < self->series->len && category < self->n_categories, NAN);
  return bar_value (self, series, category);
}

/**
 * cpl_bar_chart_get_value_place:
 * @rect: (out): where the value of bar @series of @category was drawn
 *   last, in widget coordinates (grouped bars)
 *
 * Returns: whether it was drawn (for tests)
 */
gboolean
cpl_bar_chart_get_value_place (CplBarChart     *self,
                               guint            series,
                               guint            category,
                               graphene_rect_t *rect)
{
  guint index;

  g_return_val_if_fail (CPL_IS_BAR_CHART (self), FALSE);

  index = category * self->series->len + series;
  if (series >= self->series->len || index >= self->value_places->len)
    return FALSE;
  *rect = g_array_index (self->value_places, graphene_rect_t, index);
  return rect->size.width > 0;
}
