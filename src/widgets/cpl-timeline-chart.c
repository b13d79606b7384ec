/* cpl-timeline-chart.c: every foreign chip's status in China over time
 *
 * One row per chip that is not Chinese-made, from 1 October 2022 (or the
 * chip's release, when later) to a year after today, in spans of one
 * status each.  A chip's status only
 * changes on a day a rule comes into force (`effective`) or lapses
 * (`until`), so the status is computed once per interval between two
 * such days, and neighbouring intervals with the same status and share
 * make one span.
 *
 * Each status has a colour and a pattern of its own, so colour is never
 * the only cue: no licence needed is a plain pale bar, denied a hatched
 * bar, licensable an outlined bar that carries its share ("15%") when
 * the share fits, needs data a grey hatch without fill.  The rule
 * changes are marked across the rows and dated under the time axis
 * (labels on up to three staggered lines; one that would still overlap is left
 * out, its date stays in the tooltip); a dashed line is today, an accent
 * line the date the table shows.
 *
 * The chips' names stand left of their bars; on a window too narrow for
 * the longest name there (a phone), each name stands over its bar, whole,
 * and the bars take the width.
 *
 * A click on a span picks the day that span begins; a click elsewhere
 * on the plot or near a mark picks that day.  Left/Right (Home/End) step
 * through the rule changes.  Either way "date-activated" is emitted.
 */
#define G_LOG_DOMAIN "cpl-timeline-chart"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "cpl-chart-private.h"
#include "cpl-timeline-chart.h"
#include "views/chips/cpl-chip-text.h"

#define ROW_GAP        4
#define MAX_NAME_WIDTH 140
#define MARK_LINES     3
#define MARK_HIT       8.              /* pixels either side of a mark */
#define TICK           4
#define NAME_GAP       2               /* between a name over its bar and the bar */

typedef struct
{
  guint32        start;               /* Julian days; @end is excluded */
  guint32        end;
  CplChipStatus  status;
  double         share;
  PangoLayout   *share_label;         /* "15%" when it fits, else NULL */
} Span;

typedef struct
{
  CplChip     *chip;
  GArray      *spans;                 /* of Span */
  PangoLayout *name;
} Row;

typedef struct
{
  guint32      day;
  GString     *rules;                 /* the names of the rules changing that day */
  PangoLayout *label;
  int          line;                  /* under the axis, or -1: no room */
  double       left;                  /* the label's left edge */
  int          width;                 /* and its width */
  gboolean     yields;                /* its label gives way to a later date's */
} Mark;

enum { LEGEND_FREE, LEGEND_DENIED, LEGEND_LICENSABLE, LEGEND_UNKNOWN,
       LEGEND_TODAY, LEGEND_CHANGE, LEGEND_DATE, N_LEGEND };

struct _CplTimelineChart
{
  CplChart         parent_instance;

  CplDataset      *dataset;
  guint32          first;             /* the range: first day, day after the last */
  guint32          last;
  guint32          today;
  guint32          date;              /* the table's date, or 0 */
  GDate            date_value;        /* the same, for get_date() */
  GPtrArray       *rows;              /* of Row */
  GArray          *marks;             /* of Mark */

  double           hover_x;           /* NaN when the pointer is away */
  int              cursor;            /* a mark, for the keyboard, or -1 */

  /* for the current size and data; see cpl_timeline_chart_layout() */
  int              label_height;
  int              row_height;
  int              name_line;         /* above each bar for its name, or 0:
                                       * the names stand left of the bars */
  int              widest_name;       /* the longest name's width on one line,
                                       * -1 until measured (widest_name()) */
  guint            names_serial;      /* pango_context_get_serial() then */
  PangoLayout     *legend[N_LEGEND];
  graphene_point_t legend_at[N_LEGEND];
  GPtrArray       *year_labels;       /* of PangoLayout, NULL where thinned */
  guint            first_year;
};

G_DEFINE_FINAL_TYPE (CplTimelineChart, cpl_timeline_chart, CPL_TYPE_CHART)

enum { DATE_ACTIVATED, CHIP_ACTIVATED, N_SIGNALS };
static guint signals[N_SIGNALS];

#define FRAME(self)   (cpl_chart_get_frame (CPL_CHART (self)))
#define PALETTE(self) (cpl_chart_get_palette (CPL_CHART (self)))

static void
row_free (gpointer data)
{
  Row *row = data;

  for (guint i = 0; i < row->spans->len; i++)
    g_clear_object (&g_array_index (row->spans, Span, i).share_label);
  g_array_unref (row->spans);
  g_clear_object (&row->name);
  g_object_unref (row->chip);
  g_free (row);
}

static void
mark_clear (gpointer data)
{
  Mark *mark = data;

  g_string_free (mark->rules, TRUE);
  g_clear_object (&mark->label);
}

static void
julian_to_date (guint32  day,
                GDate   *date)
{
  g_date_clear (date, 1);
  g_date_set_julian (date, day);
}

static char *
julian_to_iso (guint32 day)
{
  GDate date;

  julian_to_date (day, &date);
  return cpl_iso_date_format (&date);
}

/* ---- data ---- */

static int
compare_days (gconstpointer a,
              gconstpointer b)
{
  guint32 x = *(const guint32 *) a, y = *(const guint32 *) b;

  return (x > y) - (x < y);
}

/* Adds the day @text (a rule's `effective` or `until`) to the marks when
 * it falls inside the range, with the rule's name. */
static void
add_change (CplTimelineChart *self,
            const char       *text,
            CplRule          *rule)
{
  GDate date;
  guint32 day;
  Mark mark = { 0 };

  if (text == NULL || !cpl_iso_date_parse (text, &date))
    return;
  day = g_date_get_julian (&date);
  if (day <= self->first || day >= self->last)
    return;
  for (guint i = 0; i < self->marks->len; i++)
    {
      Mark *other = &g_array_index (self->marks, Mark, i);

      if (other->day == day)
        {
          g_string_append_printf (other->rules, "\n%s", cpl_entity_get_name (CPL_ENTITY (rule)));
          return;
        }
    }
  mark.day = day;
  mark.rules = g_string_new (cpl_entity_get_name (CPL_ENTITY (rule)));
  mark.line = -1;
  g_array_append_val (self->marks, mark);
}

static Row *
row_new (CplTimelineChart *self,
         CplChip          *chip,
         const guint32    *bounds,
         guint             n_bounds)
{
  Row *row = g_new0 (Row, 1);
  guint32 released = 0;
  GDate date;

  row->chip = g_object_ref (chip);
  row->spans = g_array_new (FALSE, TRUE, sizeof (Span));
  /* the bar starts when the chip came out: no status for a chip that
   * did not exist yet */
  if (cpl_chip_get_released_date (chip, &date))
    released = g_date_get_julian (&date);

  /* one status per interval between consecutive boundaries */
  for (guint i = 0; i + 1 < n_bounds; i++)
    {
      Span span = { MAX (bounds[i], released), bounds[i + 1], 0, NAN, NULL };

      if (span.start >= span.end)
        continue;
      julian_to_date (span.start, &date);
      span.status = cpl_chip_status_on (self->dataset, chip, &date, &span.share);
      if (span.status != CPL_CHIP_STATUS_LICENSABLE)
        span.share = NAN;

      if (row->spans->len > 0)
        {
          Span *prev = &g_array_index (row->spans, Span, row->spans->len - 1);

          if (prev->status == span.status
              && (prev->share == span.share || (isnan (prev->share) && isnan (span.share))))
            {
              prev->end = span.end;
              continue;
            }
        }
      g_array_append_val (row->spans, span);
    }
  return row;
}

/**
 * cpl_timeline_chart_rebuild:
 *
 * Computes the rows again from the dataset: after the chips or rules
 * changed.  The dataset's own signals already call it.
 */
void
cpl_timeline_chart_rebuild (CplTimelineChart *self)
{
  g_autoptr(GArray) bounds = g_array_new (FALSE, FALSE, sizeof (guint32));
  GListModel *chips, *rules;

  g_return_if_fail (CPL_IS_TIMELINE_CHART (self));

  g_ptr_array_set_size (self->rows, 0);
  g_array_set_size (self->marks, 0);
  self->cursor = -1;
  self->widest_name = -1;

  if (self->dataset != NULL)
    {
      rules = cpl_dataset_get_rules (self->dataset);
      for (guint i = 0; i < g_list_model_get_n_items (rules); i++)
        {
          g_autoptr(CplRule) rule = g_list_model_get_item (rules, i);

          add_change (self, cpl_rule_get_effective (rule), rule);
          add_change (self, cpl_rule_get_until (rule), rule);
        }
      g_array_sort (self->marks, compare_days);

      g_array_append_val (bounds, self->first);
      for (guint i = 0; i < self->marks->len; i++)
        g_array_append_val (bounds, g_array_index (self->marks, Mark, i).day);
      g_array_append_val (bounds, self->last);

      chips = cpl_dataset_get_chips (self->dataset);
      for (guint i = 0; i < g_list_model_get_n_items (chips); i++)
        {
          g_autoptr(CplChip) chip = g_list_model_get_item (chips, i);
          GDate date;

          /* a Chinese chip is domestic on every day */
          julian_to_date (self->first, &date);
          if (cpl_chip_status_on (self->dataset, chip, &date, NULL) == CPL_CHIP_STATUS_DOMESTIC)
            continue;
          g_ptr_array_add (self->rows, row_new (self, chip, (const guint32 *) (gpointer) bounds->data, bounds->len));
        }
    }

  cpl_chart_invalidate (CPL_CHART (self));
}

/* ---- colours and patterns ---- */

static GdkRGBA
status_color (CplTimelineChart *self,
              CplChipStatus     status)
{
  return cpl_chart_status_color (PALETTE (self), status);
}

/* A status's bar in @rect: its colour and pattern. */
static void
append_status (CplTimelineChart      *self,
               GtkSnapshot           *snapshot,
               const graphene_rect_t *rect,
               CplChipStatus          status)
{
  const CplChartPalette *palette = PALETTE (self);
  GdkRGBA color = status_color (self, status);
  GdkRGBA fill;

  switch (status)
    {
    case CPL_CHIP_STATUS_FREE:
      fill = cpl_chart_rgba_alpha (&color, palette->dark ? .5f : .4f);
      gtk_snapshot_append_color (snapshot, &fill, rect);
      break;
    case CPL_CHIP_STATUS_DENIED:
      fill = cpl_chart_rgba_alpha (&color, .8f);
      gtk_snapshot_append_color (snapshot, &fill, rect);
      fill = cpl_chart_rgba_alpha (&palette->surface, .45f);
      cpl_chart_append_hatch (snapshot, rect, &fill);
      break;
    case CPL_CHIP_STATUS_LICENSABLE:
      fill = cpl_chart_rgba_alpha (&color, palette->dark ? .35f : .25f);
      gtk_snapshot_append_color (snapshot, &fill, rect);
      cpl_chart_append_frame (snapshot, rect, 0, 2, &color);
      break;
    case CPL_CHIP_STATUS_DOMESTIC:
    case CPL_CHIP_STATUS_UNKNOWN:
    case CPL_N_CHIP_STATUSES:
    default:
      fill = cpl_chart_rgba_alpha (&color, .6f);
      cpl_chart_append_hatch (snapshot, rect, &fill);
      cpl_chart_append_frame (snapshot, rect, 0, 1, &fill);
      break;
    }
}

/* ---- geometry ---- */

static double
day_x (CplTimelineChart *self,
       double            day)
{
  const graphene_rect_t *plot = &FRAME (self)->plot;

  return plot->origin.x + (day - self->first) / (double) (self->last - self->first) * plot->size.width;
}

/* A row's height and the gap under it, with its name's line. */
static int
slot_height (CplTimelineChart *self)
{
  return self->name_line + self->row_height + ROW_GAP;
}

/* The top of @row's bar. */
static double
row_top (CplTimelineChart *self,
         guint             row)
{
  return FRAME (self)->plot.origin.y + row * slot_height (self) + self->name_line;
}

static graphene_rect_t
span_rect (CplTimelineChart *self,
           guint             row,
           const Span       *span)
{
  double x0 = round (day_x (self, span->start));
  double x1 = round (day_x (self, span->end));

  return GRAPHENE_RECT_INIT (x0, row_top (self, row), MAX (x1 - x0 - 1, 1), self->row_height);
}

/* Where @row's name is drawn: left of its bar, centred on it, or on the
 * line over it. */
static graphene_rect_t
name_rect (CplTimelineChart *self,
           guint             row)
{
  const Row *r = g_ptr_array_index (self->rows, row);
  double top = row_top (self, row), left = FRAME (self)->plot.origin.x;
  int w, h;

  cpl_chart_layout_size (r->name, &w, &h);
  if (self->name_line > 0)
    return GRAPHENE_RECT_INIT (left, top - self->name_line, w, h);
  return GRAPHENE_RECT_INIT (left - CPL_CHART_LABEL_GAP - w, top + (self->row_height - h) / 2., w, h);
}

/* Rows of room the plot takes: two for "No data" when there is no row. */
static guint
n_slots (CplTimelineChart *self)
{
  return self->rows->len > 0 ? self->rows->len : 2;
}

static int
axis_height (CplTimelineChart *self)
{
  return TICK + CPL_CHART_LABEL_GAP / 2 + (1 + MARK_LINES) * self->label_height + CPL_CHART_PADDING;
}

static void
ensure_legend_layouts (CplTimelineChart *self)
{
  static const CplChipStatus statuses[] = {
    CPL_CHIP_STATUS_FREE, CPL_CHIP_STATUS_DENIED, CPL_CHIP_STATUS_LICENSABLE, CPL_CHIP_STATUS_UNKNOWN
  };
  PangoContext *context = CPL_CHART_CONTEXT (self);

  for (guint i = 0; i < G_N_ELEMENTS (statuses); i++)
    {
      g_autofree char *text = cpl_chip_status_get_label (statuses[i], 0);

      g_clear_object (&self->legend[i]);
      self->legend[i] = cpl_chart_layout_new (context, text, CPL_CHART_FONT_LABEL);
    }
  g_clear_object (&self->legend[LEGEND_TODAY]);
  /* Translators: in the timeline's legend, the dashed line at today's date */
  self->legend[LEGEND_TODAY] = cpl_chart_layout_new (context, C_("timeline", "Today"), CPL_CHART_FONT_LABEL);
  g_clear_object (&self->legend[LEGEND_CHANGE]);
  /* Translators: in the timeline's legend, the thin lines where a rule comes into force or lapses */
  self->legend[LEGEND_CHANGE] = cpl_chart_layout_new (context, _("Rule change"), CPL_CHART_FONT_LABEL);
  g_clear_object (&self->legend[LEGEND_DATE]);
  {
    /* the line at the view's date, named as the date control is ("Date
     * in the table" was read with no table in view) */
    g_autofree char *iso = self->date != 0 ? cpl_iso_date_format (&self->date_value) : NULL;
    /* Translators: in the timeline's legend, the line at the date whose
     * rules the Chips view shows; %s is that date, 2025-09-01 */
    g_autofree char *text = g_strdup_printf (_("Rules in force on %s"), iso ? iso : "…");

    self->legend[LEGEND_DATE] = cpl_chart_layout_new (context, text, CPL_CHART_FONT_LABEL);
  }
}

/* Flows the legend items into lines @width wide from the top left;
 * returns the height they take. */
static int
legend_flow (CplTimelineChart *self,
             int               width)
{
  double x = CPL_CHART_PADDING, y = CPL_CHART_PADDING;
  int line_height = CPL_CHART_LEGEND_SWATCH;

  for (guint i = 0; i < N_LEGEND; i++)
    {
      int w, h, item;

      cpl_chart_layout_size (self->legend[i], &w, &h);
      item = CPL_CHART_LEGEND_SWATCH + CPL_CHART_LABEL_GAP + w;
      line_height = MAX (line_height, h);
      if (x > CPL_CHART_PADDING && x + item > width - CPL_CHART_PADDING)
        {
          x = CPL_CHART_PADDING;
          y += line_height + CPL_CHART_LABEL_GAP;
        }
      self->legend_at[i] = GRAPHENE_POINT_INIT (x, y);
      x += item + 2 * CPL_CHART_PADDING;
    }
  return (int) y + line_height - CPL_CHART_PADDING;
}

static void
measure_text (CplTimelineChart *self)
{
  g_autoptr(PangoLayout) probe = cpl_chart_layout_new (CPL_CHART_CONTEXT (self), "2025", CPL_CHART_FONT_LABEL);

  cpl_chart_layout_size (probe, NULL, &self->label_height);
  self->row_height = MAX (self->label_height + 8, 20);
}

/* The longest chip name's width on one line, laid out once per set of
 * rows and text context: measure asks for it at every width tried. */
static int
widest_name (CplTimelineChart *self)
{
  PangoContext *context = CPL_CHART_CONTEXT (self);

  if (self->widest_name >= 0 && self->names_serial == pango_context_get_serial (context))
    return self->widest_name;
  self->widest_name = 0;
  self->names_serial = pango_context_get_serial (context);
  for (guint r = 0; r < self->rows->len; r++)
    {
      Row *row = g_ptr_array_index (self->rows, r);
      g_autoptr(PangoLayout) name = cpl_chart_layout_new (context, cpl_entity_get_name (CPL_ENTITY (row->chip)),
                                                          CPL_CHART_FONT_LABEL);
      int w;

      cpl_chart_layout_size (name, &w, NULL);
      self->widest_name = MAX (self->widest_name, w);
    }
  return self->widest_name;
}

/* The line over each bar for its name on a chart @width wide, or 0: a
 * name wider than a quarter of the chart (and than MAX_NAME_WIDTH) would
 * be cut short left of its bar ("A100 SXM4 8…" at 360 px), so then every
 * name stands over its bar, where it has the width. */
static int
name_line_for (CplTimelineChart *self,
               int               width)
{
  return widest_name (self) > MIN (MAX_NAME_WIDTH, width / 4) ? self->label_height + NAME_GAP : 0;
}

/* Lays out the chips' names for a chart @width wide; returns the room
 * they take left of the bars (0 when they stand over them). */
static int
layout_names (CplTimelineChart *self,
              int               width)
{
  int room, widest = 0;

  self->name_line = name_line_for (self, width);
  room = self->name_line > 0 ? MAX (width - 2 * CPL_CHART_PADDING, 1) : MIN (MAX_NAME_WIDTH, width / 4);
  for (guint r = 0; r < self->rows->len; r++)
    {
      Row *row = g_ptr_array_index (self->rows, r);
      int w;

      g_clear_object (&row->name);
      row->name = cpl_chart_layout_new (CPL_CHART_CONTEXT (self), cpl_entity_get_name (CPL_ENTITY (row->chip)),
                                        CPL_CHART_FONT_LABEL);
      cpl_chart_layout_limit (row->name, room, 1);
      cpl_chart_layout_size (row->name, &w, NULL);
      widest = MAX (widest, w);
    }
  return self->name_line > 0 ? 0 : widest;
}

static void
layout_years (CplTimelineChart *self)
{
  const graphene_rect_t *plot = &FRAME (self)->plot;
  GDate first, last;
  guint n, step = 1;
  double per_year;
  int widest = 0;

  julian_to_date (self->first, &first);
  julian_to_date (self->last - 1, &last);
  self->first_year = g_date_get_year (&first) + 1;
  n = g_date_get_year (&last) >= self->first_year ? g_date_get_year (&last) - self->first_year + 1 : 0;
  g_ptr_array_set_size (self->year_labels, 0);
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *text = g_strdup_printf ("%u", self->first_year + i);
      PangoLayout *layout = cpl_chart_layout_new (CPL_CHART_CONTEXT (self), text, CPL_CHART_FONT_LABEL);
      int w;

      cpl_chart_layout_size (layout, &w, NULL);
      widest = MAX (widest, w);
      g_ptr_array_add (self->year_labels, layout);
    }
  /* thin the years when they would touch */
  per_year = plot->size.width * 365.25 / (self->last - self->first);
  while (per_year * step < widest + CPL_CHART_LABEL_GAP && step < n)
    step++;
  for (guint i = 0; i < n; i++)
    if ((self->first_year + i) % step != 0)
      g_clear_object ((PangoLayout **) &g_ptr_array_index (self->year_labels, i));
}

/* Whether a lead at @x runs clear of @mark's label, with half a gap. */
static gboolean
lead_clears (const Mark *mark,
             double      x)
{
  return x >= mark->left + mark->width + CPL_CHART_LABEL_GAP / 2. || x <= mark->left - CPL_CHART_LABEL_GAP / 2.;
}

/* The dates on up to MARK_LINES lines, in order: each on the first line
 * where its label has room after the one before it, and where its lead
 * (a dashed line from the axis down to it) crosses no label of a line
 * above: a label it would cross moves left of the lead when it has room
 * there, or right of it when the lead is by its own ("2026-01-14" starts
 * just right of the lead to "2026-01-15", a day later and a line below,
 * which ran through it).  A date with no such place gets none: it stays
 * in the tooltip; one that yields (layout_marks()) gets none either. */
static void
place_marks (CplTimelineChart *self)
{
  Mark *last[MARK_LINES] = { NULL, };     /* the last label on each line */
  double before[MARK_LINES];              /* the right end of the one before it */
  double leads[MARK_LINES];               /* the rightmost lead through each line */
  int width = cpl_chart_get_width (CPL_CHART (self));

  for (guint l = 0; l < MARK_LINES; l++)
    before[l] = leads[l] = -INFINITY;
  for (guint i = 0; i < self->marks->len; i++)
    {
      Mark *mark = &g_array_index (self->marks, Mark, i);
      double x = day_x (self, mark->day);
      double moved[MARK_LINES];

      mark->left = CLAMP (x - mark->width / 2., 0, MAX (width - mark->width, 0));
      mark->line = -1;
      for (guint l = 0; l < MARK_LINES && mark->line < 0 && !mark->yields; l++)
        {
          gboolean clear = (last[l] == NULL || mark->left >= last[l]->left + last[l]->width + CPL_CHART_LABEL_GAP)
                           && mark->left >= leads[l] + CPL_CHART_LABEL_GAP / 2.;

          /* the lines above: the lead passes their last labels, or they
           * move left of it, still after the label before them, clear of
           * the leads through their line and beside their own lead */
          for (guint j = 0; clear && j < l; j++)
            {
              double own;

              moved[j] = last[j] != NULL ? last[j]->left : 0;
              if (last[j] == NULL || lead_clears (last[j], x))
                continue;
              own = day_x (self, last[j]->day);
              /* left of the lead, its right end by its own lead */
              moved[j] = x - CPL_CHART_LABEL_GAP / 2. - last[j]->width;
              clear = moved[j] >= MAX (0, before[j] + CPL_CHART_LABEL_GAP)
                      && moved[j] >= leads[j] + CPL_CHART_LABEL_GAP / 2.
                      && moved[j] <= own + CPL_CHART_LABEL_GAP
                      && moved[j] + last[j]->width + CPL_CHART_LABEL_GAP >= own;
              if (clear)
                continue;
              /* or right of it, its left end by its own lead (a day before) */
              moved[j] = x + CPL_CHART_LABEL_GAP / 2.;
              clear = moved[j] <= own + CPL_CHART_LABEL_GAP && moved[j] + last[j]->width <= width;
            }
          if (!clear)
            continue;
          for (guint j = 0; j < l; j++)
            {
              if (last[j] != NULL)
                last[j]->left = moved[j];
              leads[j] = MAX (leads[j], x);
            }
          mark->line = l;
          before[l] = last[l] != NULL ? last[l]->left + last[l]->width : -INFINITY;
          last[l] = mark;
        }
    }
}

/* The dates' labels: each in full, "2025-08-11", or (@short_form) a date
 * of the same year as the last one before it that is written (not
 * yielding, and placed where @placed) by its month and day alone,
 * "08-11", its year read off that date. */
static void
label_marks (CplTimelineChart *self,
             gboolean          short_form,
             gboolean          placed)
{
  g_autofree char *year_before = NULL;   /* "YYYY-" of the last date written */

  for (guint i = 0; i < self->marks->len; i++)
    {
      Mark *mark = &g_array_index (self->marks, Mark, i);
      g_autofree char *iso = julian_to_iso (mark->day);
      gboolean same_year = year_before != NULL && strlen (iso) == 10 && g_str_has_prefix (iso, year_before);
      const char *text = short_form && same_year ? iso + 5 : iso;

      if (mark->label == NULL || g_strcmp0 (pango_layout_get_text (mark->label), text) != 0)
        {
          g_clear_object (&mark->label);
          mark->label = cpl_chart_layout_new (CPL_CHART_CONTEXT (self), text, CPL_CHART_FONT_LABEL);
          cpl_chart_layout_size (mark->label, &mark->width, NULL);
        }
      if (!mark->yields && (!placed || mark->line >= 0))
        {
          g_free (year_before);
          year_before = g_strndup (iso, 5);
        }
    }
}

static gboolean
all_marks_placed (CplTimelineChart *self)
{
  for (guint i = 0; i < self->marks->len; i++)
    if (g_array_index (self->marks, Mark, i).line < 0)
      return FALSE;
  return TRUE;
}

/* Whether a label of @mark's at @left on @line stands clear of every
 * label placed: none on its line within a gap, none above it crossed by
 * its lead, none of its own crossed by the lead of a date placed below. */
static gboolean
mark_fits (CplTimelineChart *self,
           const Mark       *mark,
           int               line,
           double            left)
{
  double x = day_x (self, mark->day);
  Mark placed = *mark;

  placed.left = left;
  for (guint i = 0; i < self->marks->len; i++)
    {
      const Mark *other = &g_array_index (self->marks, Mark, i);

      if (other == mark || other->line < 0)
        continue;
      if (other->line == line
          && left < other->left + other->width + CPL_CHART_LABEL_GAP
          && other->left < left + mark->width + CPL_CHART_LABEL_GAP)
        return FALSE;
      if (other->line < line && !lead_clears (other, x))
        return FALSE;
      if (other->line > line && !lead_clears (&placed, day_x (self, other->day)))
        return FALSE;
    }
  return TRUE;
}

/* A second chance for the dates left without a place: each on the first
 * line where its label fits beside its lead (centred on it, or ending or
 * starting by it) among those placed.  At 1,100 px 2025-12-08 gave way to
 * 2026-01-14 and -15, then stood without a date where "12-08" had room
 * on the first line between "2025-04-09" and "2026-01-14". */
static void
place_left_out (CplTimelineChart *self)
{
  int width = cpl_chart_get_width (CPL_CHART (self));

  for (guint i = 0; i < self->marks->len; i++)
    {
      Mark *mark = &g_array_index (self->marks, Mark, i);
      double x = day_x (self, mark->day);
      const double lefts[] = { x - mark->width / 2., x + CPL_CHART_LABEL_GAP / 2. - mark->width,
                               x - CPL_CHART_LABEL_GAP / 2. };

      if (mark->line >= 0 || mark->label == NULL)
        continue;
      for (int l = 0; l < MARK_LINES && mark->line < 0; l++)
        for (guint k = 0; k < G_N_ELEMENTS (lefts) && mark->line < 0; k++)
          {
            double left = CLAMP (lefts[k], 0, MAX (width - mark->width, 0));

            if (left <= x + CPL_CHART_LABEL_GAP && left + mark->width + CPL_CHART_LABEL_GAP >= x
                && mark_fits (self, mark, l, left))
              {
                mark->left = left;
                mark->line = l;
              }
          }
    }
}

/* place_marks(), and where a date finds no place while earlier ones its
 * label would overlap have one, the earliest of them gives way and they
 * are placed again: the latest rules are the ones looked for (the December
 * 2025 terms, a few weeks before the January 2026 rules, took the room
 * and left 2026-01-14 and -15 without a date).  In full where they all
 * have room; else a date after one of its year by its month and day
 * (four dates within a few weeks, 2025-08-11 to 2026-01-15, left the
 * August 2025 licences undated at 1,280 px), never after a date left
 * out. */
static void
layout_marks (CplTimelineChart *self)
{
  for (guint i = 0; i < self->marks->len; i++)
    {
      Mark *mark = &g_array_index (self->marks, Mark, i);

      g_clear_object (&mark->label);
      mark->yields = FALSE;
    }
  label_marks (self, FALSE, FALSE);
  place_marks (self);
  if (all_marks_placed (self))
    return;
  for (;;)
    {
      Mark *unplaced = NULL, *before = NULL;

      label_marks (self, TRUE, FALSE);
      place_marks (self);
      for (guint i = 0; i < self->marks->len && unplaced == NULL; i++)
        {
          Mark *mark = &g_array_index (self->marks, Mark, i);

          if (mark->line >= 0 || mark->yields)
            continue;
          unplaced = mark;
          /* the earliest placed date before it that its label overlaps
           * (the latest would give way to the day after: 2026-01-14
           * to -15, while 2025-08-11 kept its place) */
          for (guint j = 0; j < i && before == NULL; j++)
            {
              Mark *other = &g_array_index (self->marks, Mark, j);
              double apart = fabs (day_x (self, mark->day) - day_x (self, other->day));

              if (other->line >= 0 && apart < (mark->width + other->width) / 2. + CPL_CHART_LABEL_GAP)
                before = other;
            }
        }
      if (before == NULL)
        break;
      before->yields = TRUE;
    }
  /* a short date whose year's date before it found no place is written
   * in full (a lone "12-08" read as of no year) */
  label_marks (self, TRUE, TRUE);
  place_marks (self);
  place_left_out (self);
}

static void
layout_shares (CplTimelineChart *self)
{
  for (guint r = 0; r < self->rows->len; r++)
    {
      Row *row = g_ptr_array_index (self->rows, r);

      for (guint s = 0; s < row->spans->len; s++)
        {
          Span *span = &g_array_index (row->spans, Span, s);
          graphene_rect_t rect = span_rect (self, r, span);
          g_autofree char *rate = NULL;
          int w;

          g_clear_object (&span->share_label);
          if (span->status != CPL_CHIP_STATUS_LICENSABLE || !(span->share > 0))
            continue;
          rate = cpl_format_rate (span->share);
          span->share_label = cpl_chart_layout_new (CPL_CHART_CONTEXT (self), rate, CPL_CHART_FONT_LABEL);
          cpl_chart_layout_size (span->share_label, &w, NULL);
          if (w + 8 > rect.size.width)
            g_clear_object (&span->share_label);
        }
    }
}

static void
cpl_timeline_chart_layout (CplChart *chart,
                           int       width,
                           int       height)
{
  CplTimelineChart *self = CPL_TIMELINE_CHART (chart);
  CplChartFrame *frame = FRAME (self);
  int legend_height, names = 0, top, plot_height, right;

  measure_text (self);
  ensure_legend_layouts (self);
  legend_height = legend_flow (self, width);
  names = layout_names (self, width);

  top = CPL_CHART_PADDING + legend_height + 2 * CPL_CHART_LABEL_GAP;
  plot_height = (int) n_slots (self) * slot_height (self) - ROW_GAP;
  right = CPL_CHART_PADDING + 16;       /* room for the last date's label */
  frame->legend = GRAPHENE_RECT_INIT (0, 0, 0, 0);
  frame->plot = GRAPHENE_RECT_INIT (CPL_CHART_PADDING + names + CPL_CHART_LABEL_GAP, top,
                                    MAX (width - right - (CPL_CHART_PADDING + names + CPL_CHART_LABEL_GAP), 0),
                                    plot_height);
  if (top + plot_height + axis_height (self) > height)
    frame->plot.size.height = 0;

  layout_years (self);
  layout_marks (self);
  layout_shares (self);
}

static void
cpl_timeline_chart_measure (CplChart       *chart,
                            GtkOrientation  orientation,
                            int             for_size,
                            int            *minimum,
                            int            *natural)
{
  CplTimelineChart *self = CPL_TIMELINE_CHART (chart);
  graphene_point_t legend_at[N_LEGEND];
  int legend_height;

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = CPL_CHART_MIN_WIDTH;
      *natural = CPL_CHART_NAT_WIDTH * 3 / 2;
      return;
    }
  measure_text (self);
  ensure_legend_layouts (self);
  if (for_size < 0)
    for_size = CPL_CHART_NAT_WIDTH;
  /* measured for another width than the chart's: keep the legend's places */
  memcpy (legend_at, self->legend_at, sizeof legend_at);
  legend_height = legend_flow (self, for_size);
  memcpy (self->legend_at, legend_at, sizeof legend_at);
  *minimum = *natural = CPL_CHART_PADDING + legend_height
                        + 2 * CPL_CHART_LABEL_GAP
                        + (int) n_slots (self) * (name_line_for (self, for_size) + self->row_height + ROW_GAP)
                        + axis_height (self);
}

/* ---- drawing ---- */

static void
snapshot_legend (CplTimelineChart *self,
                 GtkSnapshot      *snapshot)
{
  static const CplChipStatus statuses[] = {
    CPL_CHIP_STATUS_FREE, CPL_CHIP_STATUS_DENIED, CPL_CHIP_STATUS_LICENSABLE, CPL_CHIP_STATUS_UNKNOWN
  };
  const CplChartPalette *palette = PALETTE (self);
  const int sw = CPL_CHART_LEGEND_SWATCH;

  for (guint i = 0; i < N_LEGEND; i++)
    {
      const graphene_point_t *at = &self->legend_at[i];
      graphene_rect_t swatch = GRAPHENE_RECT_INIT (at->x, at->y + 1, sw, sw);
      int h;

      if (i < G_N_ELEMENTS (statuses))
        append_status (self, snapshot, &swatch, statuses[i]);
      else if (i == LEGEND_TODAY)
        cpl_chart_append_vline (snapshot, at->x + sw / 2., at->y, at->y + sw + 2, 1,
                                &palette->fg, TRUE);
      else if (i == LEGEND_CHANGE)
        {
          GdkRGBA line = cpl_chart_rgba_alpha (&palette->fg, .35f);

          cpl_chart_append_vline (snapshot, at->x + sw / 2., at->y, at->y + sw + 2, 1, &line, FALSE);
        }
      else
        cpl_chart_append_vline (snapshot, at->x + sw / 2., at->y, at->y + sw + 2, 2,
                                &palette->accent, FALSE);

      cpl_chart_layout_size (self->legend[i], NULL, &h);
      cpl_chart_append_layout (snapshot, self->legend[i], at->x + sw + CPL_CHART_LABEL_GAP,
                               at->y + (sw + 2 - h) / 2., &palette->fg);
    }
}

static void
snapshot_axis (CplTimelineChart *self,
               GtkSnapshot      *snapshot)
{
  const CplChartPalette *palette = PALETTE (self);
  const graphene_rect_t *plot = &FRAME (self)->plot;
  double bottom = plot->origin.y + plot->size.height + ROW_GAP;
  double text_y = bottom + TICK + CPL_CHART_LABEL_GAP / 2;
  GdkRGBA axis = cpl_chart_rgba_alpha (&palette->fg, .5f);
  GdkRGBA dim = cpl_chart_rgba_alpha (&palette->fg, .7f);

  cpl_chart_append_hline (snapshot, plot->origin.x, plot->origin.x + plot->size.width, bottom, 1, &axis, FALSE);

  for (guint i = 0; i < self->year_labels->len; i++)
    {
      PangoLayout *label = g_ptr_array_index (self->year_labels, i);
      GDate jan1;
      double x;
      int w;

      g_date_clear (&jan1, 1);
      g_date_set_dmy (&jan1, 1, G_DATE_JANUARY, self->first_year + i);
      x = round (day_x (self, g_date_get_julian (&jan1)));
      cpl_chart_append_vline (snapshot, x, bottom, bottom + TICK, 1, &axis, FALSE);
      if (label == NULL)
        continue;
      cpl_chart_layout_size (label, &w, NULL);
      cpl_chart_append_layout (snapshot, label, x - w / 2., text_y, &palette->fg);
    }

  for (guint i = 0; i < self->marks->len; i++)
    {
      const Mark *mark = &g_array_index (self->marks, Mark, i);
      double x = round (day_x (self, mark->day));
      double y = text_y + (1 + mark->line) * self->label_height;
      gboolean cursor = (int) i == self->cursor && cpl_chart_has_focus (CPL_CHART (self));

      if (mark->line < 0)
        continue;
      /* a tick from the axis, then a dashed lead under the years' line */
      cpl_chart_append_vline (snapshot, x, bottom, bottom + TICK, 1, &dim, FALSE);
      cpl_chart_append_vline (snapshot, x, text_y + self->label_height, y, 1, &dim, TRUE);
      cpl_chart_append_layout (snapshot, mark->label, mark->left, y, cursor ? &palette->accent : &dim);
    }
}

static void
cpl_timeline_chart_snapshot_plot (CplChart    *chart,
                                  GtkSnapshot *snapshot)
{
  CplTimelineChart *self = CPL_TIMELINE_CHART (chart);
  const CplChartPalette *palette = PALETTE (self);
  const graphene_rect_t *plot = &FRAME (self)->plot;
  double bottom = plot->origin.y + plot->size.height;
  GdkRGBA change = cpl_chart_rgba_alpha (&palette->fg, .35f);

  snapshot_legend (self, snapshot);

  for (guint r = 0; r < self->rows->len; r++)
    {
      const Row *row = g_ptr_array_index (self->rows, r);
      graphene_rect_t name = name_rect (self, r);
      int w, h;

      if (self->name_line == 0)
        cpl_chart_append_layout (snapshot, row->name, name.origin.x, name.origin.y, &palette->fg);

      for (guint s = 0; s < row->spans->len; s++)
        {
          const Span *span = &g_array_index (row->spans, Span, s);
          graphene_rect_t rect = span_rect (self, r, span);

          append_status (self, snapshot, &rect, span->status);
          if (span->share_label != NULL)
            {
              cpl_chart_layout_size (span->share_label, &w, &h);
              cpl_chart_append_layout (snapshot, span->share_label, rect.origin.x + 4,
                                       rect.origin.y + (rect.size.height - h) / 2., &palette->fg);
            }
        }
    }

  for (guint i = 0; i < self->marks->len; i++)
    cpl_chart_append_vline (snapshot, round (day_x (self, g_array_index (self->marks, Mark, i).day)),
                            plot->origin.y - ROW_GAP, bottom + ROW_GAP, 1, &change, FALSE);

  snapshot_axis (self, snapshot);

  /* today's dashes over the view's date: on the same day (the view opens
   * on today) both show, the dashes on the accent line */
  if (self->date >= self->first && self->date < self->last)
    cpl_chart_append_vline (snapshot, round (day_x (self, self->date)), plot->origin.y - 2 * ROW_GAP,
                            bottom + 2 * ROW_GAP, 2, &palette->accent, FALSE);
  if (self->today > self->first && self->today < self->last)
    cpl_chart_append_vline (snapshot, round (day_x (self, self->today)), plot->origin.y - 2 * ROW_GAP,
                            bottom + 2 * ROW_GAP, 1, &palette->fg, TRUE);
  if (isfinite (self->hover_x))
    {
      GdkRGBA hover = cpl_chart_rgba_alpha (&palette->accent, .45f);

      cpl_chart_append_vline (snapshot, round (self->hover_x), plot->origin.y - 2 * ROW_GAP,
                              bottom + 2 * ROW_GAP, 1, &hover, FALSE);
    }

  /* names over their bars go over the lines, on the chart's background */
  for (guint r = 0; self->name_line > 0 && r < self->rows->len; r++)
    {
      const Row *row = g_ptr_array_index (self->rows, r);
      graphene_rect_t name = name_rect (self, r);

      name.size.width += 2;
      gtk_snapshot_append_color (snapshot, &palette->background, &name);
      cpl_chart_append_layout (snapshot, row->name, name.origin.x, name.origin.y, &palette->fg);
    }

  if (self->rows->len == 0)
    cpl_chart_frame_snapshot_empty (FRAME (self), CPL_CHART_CONTEXT (self), snapshot, palette);
}

/* ---- hit tests ---- */

/* The row under @y, or -1. */
static int
row_at (CplTimelineChart *self,
        double            y)
{
  const graphene_rect_t *plot = &FRAME (self)->plot;
  int r;

  if (y < plot->origin.y || y >= plot->origin.y + plot->size.height)
    return -1;
  r = (int) ((y - plot->origin.y) / slot_height (self));
  return r < (int) self->rows->len ? r : -1;
}

static const Span *
span_at (CplTimelineChart *self,
         guint             row,
         guint32           day)
{
  const Row *r = g_ptr_array_index (self->rows, row);

  for (guint s = 0; s < r->spans->len; s++)
    {
      const Span *span = &g_array_index (r->spans, Span, s);

      if (day >= span->start && day < span->end)
        return span;
    }
  return NULL;
}

/* The mark within reach of @x, or -1. */
static int
mark_at (CplTimelineChart *self,
         double            x)
{
  int best = -1;
  double best_distance = MARK_HIT;

  for (guint i = 0; i < self->marks->len; i++)
    {
      double d = fabs (day_x (self, g_array_index (self->marks, Mark, i).day) - x);

      if (d <= best_distance)
        {
          best = i;
          best_distance = d;
        }
    }
  return best;
}

static gboolean
day_at (CplTimelineChart *self,
        double            x,
        guint32          *day)
{
  const graphene_rect_t *plot = &FRAME (self)->plot;
  double d;

  if (!cpl_chart_frame_has_plot (FRAME (self)) || x < plot->origin.x || x > plot->origin.x + plot->size.width)
    return FALSE;
  d = self->first + floor ((x - plot->origin.x) / plot->size.width * (self->last - self->first));
  *day = (guint32) CLAMP (d, self->first, self->last - 1);
  return TRUE;
}

/* The day a click at (@x, @y) picks: a span's first day, a mark's day
 * near the axis, or the day under the pointer. */
static gboolean
pick_day (CplTimelineChart *self,
          double            x,
          double            y,
          guint32          *day)
{
  const graphene_rect_t *plot = &FRAME (self)->plot;
  int row, mark;

  if (!day_at (self, x, day))
    return FALSE;
  row = row_at (self, y);
  if (row >= 0)
    {
      const Span *span = span_at (self, row, *day);

      if (span != NULL)
        *day = span->start;
      return TRUE;
    }
  if (y > plot->origin.y + plot->size.height && (mark = mark_at (self, x)) >= 0)
    *day = g_array_index (self->marks, Mark, mark).day;
  return y >= plot->origin.y - 2 * ROW_GAP && y <= plot->origin.y + plot->size.height + axis_height (self);
}

static void
activate_day (CplTimelineChart *self,
              guint32           day)
{
  GDate date;

  julian_to_date (day, &date);
  cpl_timeline_chart_set_date (self, &date);
  g_signal_emit (self, signals[DATE_ACTIVATED], 0, &date);
}

/* ---- input ---- */

static char *
cpl_timeline_chart_query_tooltip (CplChart     *chart,
                                  double        x,
                                  double        y,
                                  gboolean      keyboard_mode,
                                  GdkRectangle *area)
{
  CplTimelineChart *self = CPL_TIMELINE_CHART (chart);
  const graphene_rect_t *plot = &FRAME (self)->plot;
  g_autofree char *text = NULL;
  int row, mark = -1;
  guint32 day;

  if (keyboard_mode)
    mark = self->cursor;
  else if (!day_at (self, x, &day))
    return NULL;
  else if ((row = row_at (self, y)) >= 0)
    {
      const Row *r = g_ptr_array_index (self->rows, row);
      const Span *span = span_at (self, row, day);
      g_autofree char *status = NULL;
      g_autofree char *from = NULL;
      g_autofree char *until = NULL;
      g_autofree char *when = NULL;

      if (span == NULL)
        return NULL;
      status = cpl_chip_status_get_label (span->status, span->share);
      from = julian_to_iso (span->start);
      if (span->end < self->last)
        {
          until = julian_to_iso (span->end);
          /* Translators: when a status holds in the timeline: %1$s and %2$s are dates, the second excluded */
          when = g_strdup_printf (_("From %1$s until %2$s"), from, until);
        }
      else
        /* Translators: when a status holds in the timeline: %s is a date; no rule change follows */
        when = g_strdup_printf (_("From %s on"), from);
      /* Translators: a span's tooltip in the timeline: %1$s the chip, %2$s its status,
       * %3$s when it holds, %4$s what the status means */
      text = g_strdup_printf (_("%1$s: %2$s\n%3$s\n%4$s\nClick to see the table on the first day."),
                              cpl_entity_get_name (CPL_ENTITY (r->chip)), status, when,
                              cpl_chip_status_describe (span->status));
    }
  else if (y > plot->origin.y + plot->size.height)
    mark = mark_at (self, x);

  if (text == NULL)
    {
      g_autofree char *iso = NULL;

      if (mark < 0 || mark >= (int) self->marks->len)
        return NULL;
      iso = julian_to_iso (g_array_index (self->marks, Mark, mark).day);
      /* Translators: a rule change's tooltip in the timeline: %1$s a date, %2$s the rules
       * that come into force or lapse that day, one per line */
      text = g_strdup_printf (_("Rules change on %1$s:\n%2$s"), iso,
                              g_array_index (self->marks, Mark, mark).rules->str);
    }
  return g_steal_pointer (&text);
}

static void
cpl_timeline_chart_pointer_moved (CplChart *chart,
                                  double    x,
                                  double    y)
{
  CplTimelineChart *self = CPL_TIMELINE_CHART (chart);
  guint32 day;
  double hover = NAN;

  if (!isnan (x) && pick_day (self, x, y, &day))
    hover = day_x (self, day);
  if (hover == self->hover_x || (isnan (hover) && isnan (self->hover_x)))
    return;
  self->hover_x = hover;
  cpl_chart_queue_draw (CPL_CHART (self));
}

static void
cpl_timeline_chart_pressed (CplChart *chart,
                            int       n_press,
                            double    x,
                            double    y)
{
  CplTimelineChart *self = CPL_TIMELINE_CHART (chart);
  guint32 day;
  int row;

  if (!pick_day (self, x, y, &day))
    return;
  /* the row first: a click on a chip's bar shows that chip on the
   * span's first day (the table came into view with the date, and the
   * chip shown before) */
  row = row_at (self, y);
  if (row >= 0)
    g_signal_emit (self, signals[CHIP_ACTIVATED], 0,
                   cpl_entity_get_id (CPL_ENTITY (((Row *) g_ptr_array_index (self->rows, row))->chip)));
  activate_day (self, day);
}

static void
cpl_timeline_chart_activate_action (CplChart   *chart,
                                    const char *action_name)
{
  CplTimelineChart *self = CPL_TIMELINE_CHART (chart);

  cpl_chart_move_cursor (chart, &self->cursor, self->marks->len, action_name);
  if (self->cursor >= 0)
    activate_day (self, g_array_index (self->marks, Mark, self->cursor).day);
}

/* ---- object ---- */

static void
cpl_timeline_chart_dispose (GObject *object)
{
  CplTimelineChart *self = CPL_TIMELINE_CHART (object);

  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_pointer (&self->marks, g_array_unref);
  g_clear_pointer (&self->year_labels, g_ptr_array_unref);
  for (guint i = 0; i < N_LEGEND; i++)
    g_clear_object (&self->legend[i]);
  g_clear_object (&self->dataset);

  G_OBJECT_CLASS (cpl_timeline_chart_parent_class)->dispose (object);
}

static void
cpl_timeline_chart_class_init (CplTimelineChartClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  CplChartClass *chart_class = CPL_CHART_CLASS (klass);

  object_class->dispose = cpl_timeline_chart_dispose;

  chart_class->measure = cpl_timeline_chart_measure;
  chart_class->activate_action = cpl_timeline_chart_activate_action;
  chart_class->layout = cpl_timeline_chart_layout;
  chart_class->snapshot_plot = cpl_timeline_chart_snapshot_plot;
  chart_class->pointer_moved = cpl_timeline_chart_pointer_moved;
  chart_class->pressed = cpl_timeline_chart_pressed;
  chart_class->query_tooltip = cpl_timeline_chart_query_tooltip;

  /**
   * CplTimelineChart::date-activated:
   * @date: (type GDate): the day picked
   *
   * A click or a key picked a day: show the rules in force then.
   */
  signals[DATE_ACTIVATED] = g_signal_new ("date-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                          0, NULL, NULL, NULL, G_TYPE_NONE, 1,
                                          G_TYPE_DATE | G_SIGNAL_TYPE_STATIC_SCOPE);
  /**
   * CplTimelineChart::chip-activated:
   * @id: the chip's id
   *
   * A chip's bar was clicked (before its span's first day is activated).
   */
  signals[CHIP_ACTIVATED] = g_signal_new ("chip-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                          0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  cpl_chart_class_install_cursor_actions (chart_class, "change");
}

static void
cpl_timeline_chart_init (CplTimelineChart *self)
{
  GDate today;

  self->rows = g_ptr_array_new_with_free_func (row_free);
  self->widest_name = -1;
  self->marks = g_array_new (FALSE, TRUE, sizeof (Mark));
  g_array_set_clear_func (self->marks, mark_clear);
  self->year_labels = g_ptr_array_new_with_free_func (g_object_unref);
  self->hover_x = NAN;
  self->cursor = -1;

  cpl_date_set_today (&today);
  cpl_timeline_chart_set_today (self, &today);

  cpl_chart_set_accessible_label (CPL_CHART (self), _("Timeline of each chip's status in China"));
  cpl_chart_set_description (CPL_CHART (self),
                             _("One row per foreign chip from October 2022 to a year from today, in spans "
                               "of its status under the rules in force; rule changes are dated on the time axis"));
}

/* ---- public ---- */

CplChart *
cpl_timeline_chart_new (void)
{
  return g_object_new (CPL_TYPE_TIMELINE_CHART, NULL);
}

void
cpl_timeline_chart_set_dataset (CplTimelineChart *self,
                                CplDataset       *dataset)
{
  g_return_if_fail (CPL_IS_TIMELINE_CHART (self));
  g_return_if_fail (dataset == NULL || CPL_IS_DATASET (dataset));

  if (self->dataset != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->dataset, self);
      g_signal_handlers_disconnect_by_data (cpl_dataset_get_chips (self->dataset), self);
      g_signal_handlers_disconnect_by_data (cpl_dataset_get_rules (self->dataset), self);
    }
  g_set_object (&self->dataset, dataset);
  if (dataset != NULL)
    {
      g_signal_connect_object (dataset, "entry-changed", G_CALLBACK (cpl_timeline_chart_rebuild),
                               self, G_CONNECT_SWAPPED);
      g_signal_connect_object (cpl_dataset_get_chips (dataset), "items-changed",
                               G_CALLBACK (cpl_timeline_chart_rebuild), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (cpl_dataset_get_rules (dataset), "items-changed",
                               G_CALLBACK (cpl_timeline_chart_rebuild), self, G_CONNECT_SWAPPED);
    }
  cpl_timeline_chart_rebuild (self);
}

/**
 * cpl_timeline_chart_set_today:
 *
 * The day of the "today" line; the chart runs from 1 October 2022 to a
 * year after it.  Today's date by default.
 */
void
cpl_timeline_chart_set_today (CplTimelineChart *self,
                              const GDate      *today)
{
  GDate first, last;

  g_return_if_fail (CPL_IS_TIMELINE_CHART (self));
  g_return_if_fail (today != NULL && g_date_valid (today));

  g_date_clear (&first, 1);
  g_date_set_dmy (&first, 1, G_DATE_OCTOBER, 2022);
  last = *today;
  g_date_add_years (&last, 1);
  self->today = g_date_get_julian (today);
  self->first = g_date_get_julian (&first);
  self->last = MAX (g_date_get_julian (&last), self->first + 366);
  cpl_timeline_chart_rebuild (self);
}

/* The first day shown and the day after the last. */
void
cpl_timeline_chart_get_range (CplTimelineChart *self,
                              GDate            *start,
                              GDate            *end)
{
  g_return_if_fail (CPL_IS_TIMELINE_CHART (self));

  if (start != NULL)
    julian_to_date (self->first, start);
  if (end != NULL)
    julian_to_date (self->last, end);
}

/* The date the table shows, drawn as an accent line. */
void
cpl_timeline_chart_set_date (CplTimelineChart *self,
                             const GDate      *date)
{
  g_return_if_fail (CPL_IS_TIMELINE_CHART (self));

  self->date = date != NULL && g_date_valid (date) ? g_date_get_julian (date) : 0;
  if (self->date != 0)
    self->date_value = *date;
  /* the legend names the date */
  cpl_chart_invalidate (CPL_CHART (self));
}

/* Returns: (nullable): the date set or picked last */
const GDate *
cpl_timeline_chart_get_date (CplTimelineChart *self)
{
  g_return_val_if_fail (CPL_IS_TIMELINE_CHART (self), NULL);

  return self->date != 0 ? &self->date_value : NULL;
}

guint
cpl_timeline_chart_get_n_rows (CplTimelineChart *self)
{
  g_return_val_if_fail (CPL_IS_TIMELINE_CHART (self), 0);

  return self->rows->len;
}

/* Returns: (transfer none) (nullable): the chip of @row */
CplChip *
cpl_timeline_chart_get_row_chip (CplTimelineChart *self,
                                 guint             row)
{
  g_return_val_if_fail (CPL_IS_TIMELINE_CHART (self), NULL);

  if (row >= self->rows->len)
    return NULL;
  return ((Row *) g_ptr_array_index (self->rows, row))->chip;
}

guint
cpl_timeline_chart_get_n_spans (CplTimelineChart *self,
                                guint             row)
{
  g_return_val_if_fail (CPL_IS_TIMELINE_CHART (self), 0);

  if (row >= self->rows->len)
    return 0;
  return ((Row *) g_ptr_array_index (self->rows, row))->spans->len;
}

/**
 * cpl_timeline_chart_get_span:
 * @start: (out) (optional): its first day
 * @end: (out) (optional): the day after its last, where the next span starts
 * @status: (out) (optional): the chip's status throughout
 * @share: (out) (optional): the revenue share when licensable, else NaN
 *
 * Returns: whether @row has a span @index
 */
gboolean
cpl_timeline_chart_get_span (CplTimelineChart *self,
                             guint             row,
                             guint             index,
                             GDate            *start,
                             GDate            *end,
                             CplChipStatus    *status,
                             double           *share)
{
  const Span *span;
  const Row *r;

  g_return_val_if_fail (CPL_IS_TIMELINE_CHART (self), FALSE);

  if (row >= self->rows->len)
    return FALSE;
  r = g_ptr_array_index (self->rows, row);
  if (index >= r->spans->len)
    return FALSE;
  span = &g_array_index (r->spans, Span, index);
  if (start != NULL)
    julian_to_date (span->start, start);
  if (end != NULL)
    julian_to_date (span->end, end);
  if (status != NULL)
    *status = span->status;
  if (share != NULL)
    *share = span->share;
  return TRUE;
}

/**
 * cpl_timeline_chart_dup_mark_labels:
 *
 * The dates of the rule changes under the axis, as laid out for the
 * current size, earliest first; one left out for want of room is "".
 *
 * Returns: (transfer full): a %NULL-terminated array of strings
 */
char **
cpl_timeline_chart_dup_mark_labels (CplTimelineChart *self)
{
  GStrvBuilder *builder = g_strv_builder_new ();
  char **labels;

  g_return_val_if_fail (CPL_IS_TIMELINE_CHART (self), NULL);

  cpl_chart_ensure_layout (CPL_CHART (self));
  for (guint i = 0; i < self->marks->len; i++)
    {
      const Mark *mark = &g_array_index (self->marks, Mark, i);

      g_strv_builder_add (builder, mark->line >= 0 && mark->label != NULL
                                   ? pango_layout_get_text (mark->label) : "");
    }
  labels = g_strv_builder_end (builder);
  g_strv_builder_unref (builder);
  return labels;
}

/**
 * cpl_timeline_chart_dup_legend_labels:
 *
 * Returns: (transfer full): the legend's entries in order, the statuses
 *   first, "Rules in force on 2025-09-01" last; %NULL-terminated
 */
char **
cpl_timeline_chart_dup_legend_labels (CplTimelineChart *self)
{
  GStrvBuilder *builder = g_strv_builder_new ();
  char **labels;

  g_return_val_if_fail (CPL_IS_TIMELINE_CHART (self), NULL);

  cpl_chart_ensure_layout (CPL_CHART (self));
  for (guint i = 0; i < N_LEGEND; i++)
    g_strv_builder_add (builder, pango_layout_get_text (self->legend[i]));
  labels = g_strv_builder_end (builder);
  g_strv_builder_unref (builder);
  return labels;
}

/**
 * cpl_timeline_chart_get_mark_place:
 * @index: a rule change, in the order of cpl_timeline_chart_dup_mark_labels()
 * @lead_x: (out): where its lead runs down from the axis
 * @line: (out): the line under the axis its date is on
 * @left: (out): its date's left edge
 * @right: (out): and right edge
 *
 * Returns: %FALSE for a date left out (no room) or no such change
 */
gboolean
cpl_timeline_chart_get_mark_place (CplTimelineChart *self,
                                   guint             index,
                                   double           *lead_x,
                                   int              *line,
                                   double           *left,
                                   double           *right)
{
  const Mark *mark;

  g_return_val_if_fail (CPL_IS_TIMELINE_CHART (self), FALSE);

  cpl_chart_ensure_layout (CPL_CHART (self));
  if (index >= self->marks->len)
    return FALSE;
  mark = &g_array_index (self->marks, Mark, index);
  if (mark->line < 0)
    return FALSE;
  *lead_x = round (day_x (self, mark->day));
  *line = mark->line;
  *left = mark->left;
  *right = mark->left + mark->width;
  return TRUE;
}

/* The day under @x on the time axis; %FALSE outside the plot. */
gboolean
cpl_timeline_chart_date_at (CplTimelineChart *self,
                            double            x,
                            GDate            *date)
{
  guint32 day;

  g_return_val_if_fail (CPL_IS_TIMELINE_CHART (self), FALSE);

  cpl_chart_ensure_layout (CPL_CHART (self));
  if (!day_at (self, x, &day))
    return FALSE;
  julian_to_date (day, date);
  return TRUE;
}

/* Where @date starts on the time axis, in widget coordinates. */
double
cpl_timeline_chart_date_x (CplTimelineChart *self,
                           const GDate      *date)
{
  g_return_val_if_fail (CPL_IS_TIMELINE_CHART (self), NAN);
  g_return_val_if_fail (date != NULL && g_date_valid (date), NAN);

  cpl_chart_ensure_layout (CPL_CHART (self));
  return day_x (self, g_date_get_julian (date));
}

/* The middle of @row, in widget coordinates; %FALSE when it is not drawn. */
gboolean
cpl_timeline_chart_row_y (CplTimelineChart *self,
                          guint             row,
                          double           *y)
{
  g_return_val_if_fail (CPL_IS_TIMELINE_CHART (self), FALSE);

  cpl_chart_ensure_layout (CPL_CHART (self));
  if (row >= self->rows->len || !cpl_chart_frame_has_plot (FRAME (self)))
    return FALSE;
  *y = row_top (self, row) + self->row_height / 2.;
  return TRUE;
}

/* Where @row's name is drawn, in widget coordinates, and whether it is
 * whole (not cut short with "…"); %FALSE when it is not drawn. */
gboolean
cpl_timeline_chart_get_name_rect (CplTimelineChart *self,
                                  guint             row,
                                  graphene_rect_t  *rect,
                                  gboolean         *whole)
{
  g_return_val_if_fail (CPL_IS_TIMELINE_CHART (self), FALSE);

  cpl_chart_ensure_layout (CPL_CHART (self));
  if (row >= self->rows->len || !cpl_chart_frame_has_plot (FRAME (self)))
    return FALSE;
  *rect = name_rect (self, row);
  if (whole != NULL)
    *whole = !pango_layout_is_ellipsized (((Row *) g_ptr_array_index (self->rows, row))->name);
  return TRUE;
}
