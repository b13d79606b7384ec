/* cpl-chart-private.h: drawing parts the chart widgets share
 *
 * Theme colours, text, markers, the legend, and the frame every chart
 * has: a legend on top, the value axis title above the plot, round ticks
 * with gridlines along the value axis, and for charts with a numeric
 * horizontal axis its ticks and title under the plot.  Nothing here owns
 * data; each chart keeps its own and calls these to lay it out and draw
 * it.  The end of the file is what CplChart offers its subclasses.
 */
#pragma once

#include <gtk/gtk.h>

#include "cpl-chart.h"
#include "cpl-chart-axis.h"
#include "cpl-chart-types.h"
#include "cpl-status.h"

G_BEGIN_DECLS

/* Space around everything, and between a label and what it labels. */
#define CPL_CHART_PADDING      12
#define CPL_CHART_LABEL_GAP     6
/* Below this a chart is cramped; it still draws, without warnings. */
#define CPL_CHART_MIN_WIDTH   280
#define CPL_CHART_NAT_WIDTH   560
#define CPL_CHART_MIN_HEIGHT  220
#define CPL_CHART_NAT_HEIGHT  340

/* ---- colours ---- */

typedef struct
{
  GdkRGBA  fg;                        /* the widget's text colour */
  GdkRGBA  accent;                    /* accent_color */
  GdkRGBA  borders;                   /* borders */
  GdkRGBA  surface;                   /* popover_bg_color: under a readout */
  GdkRGBA  background;                /* under the chart, on an export */
  GdkRGBA  view;                      /* view_bg_color: under a chart in its card */
  GdkRGBA  success;                   /* success_color, error_color, warning_color */
  GdkRGBA  error;
  GdkRGBA  warning;
  GdkRGBA  series[CPL_CHART_N_COLORS];
  gboolean dark;                      /* light text on a dark background */
} CplChartPalette;

void           cpl_chart_palette_init    (CplChartPalette       *palette,
                                          gboolean               dark);
const GdkRGBA *cpl_chart_palette_series  (const CplChartPalette *palette,
                                          guint                  index);
GdkRGBA        cpl_chart_rgba_alpha      (const GdkRGBA         *color,
                                          float                  alpha);
GdkRGBA        cpl_chart_region_fill     (const CplChartPalette *palette,
                                          const GdkRGBA         *color);
GdkRGBA        cpl_chart_status_color    (const CplChartPalette *palette,
                                          CplChipStatus          status);

/* ---- text ---- */

typedef enum
{
  CPL_CHART_FONT_LABEL,               /* ticks, legend, annotations */
  CPL_CHART_FONT_TITLE,               /* axis titles */
  CPL_CHART_FONT_BODY,                /* messages such as "No data" */
  CPL_CHART_FONT_HEADING,             /* the title over an export */
} CplChartFont;

PangoLayout *cpl_chart_layout_new      (PangoContext *context,
                                        const char   *text,
                                        CplChartFont  font);
void         cpl_chart_layout_size     (PangoLayout  *layout,
                                        int          *width,
                                        int          *height);
void         cpl_chart_layout_limit    (PangoLayout  *layout,
                                        int           max_width,
                                        int           max_lines);
void         cpl_chart_append_layout   (GtkSnapshot   *snapshot,
                                        PangoLayout   *layout,
                                        double         x,
                                        double         y,
                                        const GdkRGBA *color);
int          cpl_chart_value_decimals  (double        value);
char        *cpl_chart_trim_decimals   (const char   *text);

/* ---- value formats ---- */

typedef struct
{
  CplChartFormatFunc func;            /* NULL: cpl_format_number() */
  CplChartTickFormatFunc tick_func;   /* tick labels, or NULL: func's */
  gpointer           data;
  GDestroyNotify     destroy;
} CplChartFormat;

void   cpl_chart_format_clear (CplChartFormat       *format);
char  *cpl_chart_format_apply (const CplChartFormat *format,
                               double                value);
char  *cpl_chart_axis_title   (const char           *title,
                               gboolean              log_scale);
char **cpl_chart_tick_labels  (const double         *values,
                               guint                 n,
                               const CplChartFormat *format);

/* ---- marks ---- */

typedef enum
{
  CPL_CHART_MARKER_CIRCLE,
  CPL_CHART_MARKER_DIAMOND,
  CPL_CHART_MARKER_SQUARE,
  CPL_CHART_MARKER_TRIANGLE,
} CplChartMarker;

void cpl_chart_append_hline   (GtkSnapshot           *snapshot,
                               double                 x0,
                               double                 x1,
                               double                 y,
                               double                 thickness,
                               const GdkRGBA         *color,
                               gboolean               dashed);
void cpl_chart_append_vline   (GtkSnapshot           *snapshot,
                               double                 x,
                               double                 y0,
                               double                 y1,
                               double                 thickness,
                               const GdkRGBA         *color,
                               gboolean               dashed);
void cpl_chart_append_frame   (GtkSnapshot           *snapshot,
                               const graphene_rect_t *rect,
                               double                 radius,
                               double                 thickness,
                               const GdkRGBA         *color);
void cpl_chart_append_marker  (GtkSnapshot           *snapshot,
                               CplChartMarker         marker,
                               double                 cx,
                               double                 cy,
                               double                 radius,
                               const GdkRGBA         *color,
                               gboolean               filled);
void cpl_chart_append_hatch   (GtkSnapshot           *snapshot,
                               const graphene_rect_t *rect,
                               const GdkRGBA         *color);
void cpl_chart_append_focus   (GtkSnapshot           *snapshot,
                               int                    width,
                               int                    height,
                               const CplChartPalette *palette);
gboolean cpl_chart_rect_overlaps (const graphene_rect_t *rect,
                                  GArray                *rects);

/* ---- legend ---- */

typedef enum
{
  CPL_CHART_LEGEND_BOX,               /* a filled square: a bar series */
  CPL_CHART_LEGEND_AREA,              /* a shaded square: a region */
  CPL_CHART_LEGEND_BANDS,             /* a faint square, dotted round: several bands */
  CPL_CHART_LEGEND_DASH,              /* a dashed upright line: a threshold */
  CPL_CHART_LEGEND_HDASH,             /* a dashed level line: a reference */
  CPL_CHART_LEGEND_MARKER,            /* a point marker */
  CPL_CHART_LEGEND_LINE,              /* a solid level line: a line series */
} CplChartLegendKind;

typedef struct
{
  CplChartLegendKind  kind;
  GdkRGBA             color;
  CplChartMarker      marker;
  gboolean            hollow;
  const char         *label;          /* borrowed */
} CplChartLegendItem;

#define CPL_CHART_LEGEND_SWATCH 12

void cpl_chart_legend_append   (GArray                   *items,
                                const CplChartLegendItem *item);
void cpl_chart_legend_append_swatch (GtkSnapshot              *snapshot,
                                     const CplChartLegendItem *item,
                                     double                    x,
                                     double                    y,
                                     const CplChartPalette    *palette);
/* The legend's laid-out labels, kept between frames (see legend_flow). */
typedef struct _CplChartLegendCache CplChartLegendCache;

CplChartLegendCache *cpl_chart_legend_cache_new  (void);
void                 cpl_chart_legend_cache_free (CplChartLegendCache *cache);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CplChartLegendCache, cpl_chart_legend_cache_free)

int  cpl_chart_legend_measure  (CplChartLegendCache      *cache,
                                PangoContext             *context,
                                const CplChartLegendItem *items,
                                guint                     n_items,
                                int                       width);
void cpl_chart_legend_snapshot (CplChartLegendCache      *cache,
                                PangoContext             *context,
                                GtkSnapshot              *snapshot,
                                const CplChartLegendItem *items,
                                guint                     n_items,
                                double                    x,
                                double                    y,
                                int                       width,
                                const CplChartPalette    *palette);

/* ---- ticks along an axis ---- */

typedef struct
{
  CplChartAxis  axis;
  guint         n;
  double        values[CPL_CHART_AXIS_MAX_TICKS];
  PangoLayout  *labels[CPL_CHART_AXIS_MAX_TICKS];
  int           widths[CPL_CHART_AXIS_MAX_TICKS];
  int           height;
  int           max_width;
  double        length;               /* of the axis, in pixels */
  double        slack_before;         /* how far labels may overhang its ends */
  double        slack_after;
} CplChartTicks;

void cpl_chart_ticks_clear    (CplChartTicks         *ticks);
void cpl_chart_ticks_compute  (CplChartTicks         *ticks,
                               PangoContext          *context,
                               const CplChartAxis    *axis,
                               GtkOrientation         orientation,
                               double                 length,
                               double                 slack_before,
                               double                 slack_after,
                               const CplChartFormat  *format,
                               gboolean               integer);
char **cpl_chart_ticks_dup_labels (const CplChartTicks *ticks);
void cpl_chart_ticks_snapshot (const CplChartTicks   *ticks,
                               GtkSnapshot           *snapshot,
                               GtkOrientation         orientation,
                               const graphene_rect_t *plot,
                               const graphene_rect_t *gaps,
                               guint                  n_gaps,
                               const CplChartPalette *palette);

/* ---- the frame: legend, value axis title and ticks, plot area ---- */

#define CPL_CHART_MAX_GRID_GAPS 16

typedef struct
{
  int              width;
  int              height;
  graphene_rect_t  legend;
  PangoLayout     *y_title;
  graphene_point_t y_title_at;
  graphene_rect_t  plot;              /* empty when there is no room */
  CplChartTicks    y_ticks;
  /* a numeric horizontal axis, when the chart has one */
  CplChartTicks    x_ticks;
  PangoLayout     *x_title;
  int              bottom;            /* under the plot, above the x title */
  /* the legend's labels: kept across layouts, freed by cpl_chart_frame_free_cache() */
  CplChartLegendCache *legend_cache;
  /* where the vertical gridlines break: the plot's notes (cpl_chart_frame_add_grid_gap()) */
  graphene_rect_t  grid_gaps[CPL_CHART_MAX_GRID_GAPS];
  guint            n_grid_gaps;
} CplChartFrame;

void     cpl_chart_frame_add_grid_gap (CplChartFrame         *frame,
                                       const graphene_rect_t *gap);

void     cpl_chart_frame_clear        (CplChartFrame            *frame);
CplChartLegendCache *cpl_chart_frame_get_legend_cache (CplChartFrame *frame);
void     cpl_chart_frame_free_cache   (CplChartFrame            *frame);
void     cpl_chart_frame_begin        (CplChartFrame            *frame,
                                       PangoContext             *context,
                                       int                       width,
                                       int                       height,
                                       const CplChartLegendItem *items,
                                       guint                     n_items,
                                       const char               *y_title,
                                       const char               *x_title,
                                       int                       bottom);
void     cpl_chart_frame_finish       (CplChartFrame            *frame,
                                       PangoContext             *context,
                                       const CplChartAxis       *y_axis,
                                       const CplChartFormat     *y_format,
                                       int                       right);
void     cpl_chart_frame_finish_x     (CplChartFrame            *frame,
                                       PangoContext             *context,
                                       const CplChartAxis       *x_axis,
                                       const CplChartFormat     *x_format,
                                       gboolean                  integer,
                                       double                    slack_before,
                                       double                    slack_after);
int      cpl_chart_frame_x_axis_height (PangoContext            *context);
gboolean cpl_chart_frame_has_plot     (const CplChartFrame      *frame);
double   cpl_chart_frame_x            (const CplChartFrame      *frame,
                                       double                    value);
double   cpl_chart_frame_y            (const CplChartFrame      *frame,
                                       double                    value);
void     cpl_chart_frame_snapshot     (const CplChartFrame      *frame,
                                       PangoContext             *context,
                                       GtkSnapshot              *snapshot,
                                       const CplChartLegendItem *items,
                                       guint                     n_items,
                                       const CplChartPalette    *palette);
void     cpl_chart_frame_snapshot_axes (const CplChartFrame     *frame,
                                        GtkSnapshot             *snapshot,
                                        const CplChartPalette   *palette);
void     cpl_chart_frame_snapshot_empty (const CplChartFrame    *frame,
                                         PangoContext           *context,
                                         GtkSnapshot            *snapshot,
                                         const CplChartPalette  *palette);
void     cpl_chart_frame_snapshot_zero_note (CplChart              *chart,
                                             GtkSnapshot           *snapshot,
                                             const CplChartPalette *palette);

gboolean cpl_chart_set_string         (char                    **field,
                                       const char               *value);

void     cpl_chart_measure            (GtkOrientation            orientation,
                                       int                       legend_height,
                                       int                      *minimum,
                                       int                      *natural);
void     cpl_chart_measure_plain      (CplChart                 *self,
                                       GtkOrientation            orientation,
                                       int                       for_size,
                                       int                      *minimum,
                                       int                      *natural);
int      cpl_chart_legend_width       (int                       widget_width);

/* ---- for subclasses of CplChart ---- */

/* The PangoContext a chart's text is laid out in. */
#define CPL_CHART_CONTEXT(self) (cpl_chart_get_pango_context (CPL_CHART (self)))

const CplChartPalette *cpl_chart_get_palette    (CplChart       *self);
void                   cpl_chart_set_palette    (CplChart              *self,
                                                 const CplChartPalette *palette);
CplChartFrame         *cpl_chart_get_frame      (CplChart       *self);
const CplChartFormat  *cpl_chart_get_format     (CplChart       *self,
                                                 GtkOrientation  axis);
GArray                *cpl_chart_build_legend   (CplChart       *self);
void                   cpl_chart_invalidate     (CplChart       *self);
void                   cpl_chart_digest_string  (GByteArray     *content,
                                                 const char     *text);
void                   cpl_chart_digest_doubles (GByteArray     *content,
                                                 const double   *values,
                                                 guint           n);
void                   cpl_chart_digest_int     (GByteArray     *content,
                                                 gint64          value);
void                   cpl_chart_ensure_layout  (CplChart       *self);
int                    cpl_chart_get_width      (CplChart       *self);
void                   cpl_chart_queue_draw     (CplChart       *self);
void                   cpl_chart_set_accessible_label (CplChart   *self,
                                                       const char *label);
/* gtk_snapshot_append_cairo() for charts: what it draws is also right in SVG exports. */
cairo_t               *cpl_chart_append_cairo   (CplChart              *self,
                                                 GtkSnapshot           *snapshot,
                                                 const graphene_rect_t *bounds);

/* A cairo drawing kept from one frame to the next (see
 * cpl_chart_drawing_begin()); zero-initialised, cleared with
 * cpl_chart_drawing_clear(). */
typedef struct
{
  GskRenderNode *node;                  /* the drawing last shown */
  GByteArray    *key;                   /* what it drew; NULL: not to be kept */
  GskRenderNode *next;                  /* the drawing under way, on screen */
  GByteArray    *next_key;              /* what it draws so far; NULL: not kept */
} CplChartDrawing;

cairo_t               *cpl_chart_drawing_begin  (CplChart              *self,
                                                 CplChartDrawing       *drawing,
                                                 GtkSnapshot           *snapshot,
                                                 const graphene_rect_t *bounds);
void                   cpl_chart_drawing_fill   (CplChartDrawing       *drawing,
                                                 cairo_t               *cr);
void                   cpl_chart_drawing_stroke (CplChartDrawing       *drawing,
                                                 cairo_t               *cr);
void                   cpl_chart_drawing_end    (CplChartDrawing       *drawing,
                                                 GtkSnapshot           *snapshot,
                                                 cairo_t               *cr);
void                   cpl_chart_drawing_clear  (CplChartDrawing       *drawing);

/* An action of a chart's view: "chart.NAME", bound to up to six keys. */
typedef struct
{
  const char *name;                   /* interned, with "chart." */
  guint       keys[6];                /* 0 after the last */
} CplChartAction;

void                  cpl_chart_class_add_action (CplChartClass *klass,
                                                  const char    *name,
                                                  guint          key,
                                                  ...);
const CplChartAction *cpl_chart_get_actions      (CplChart      *self,
                                                  guint         *n_actions);

/* Left/Right (and keypad) step a keyboard cursor through n places,
 * Home/End jump to the ends: adds chart.{next,previous,first,last}-UNIT
 * with their keys; the chart's activate_action calls cpl_chart_move_cursor(). */
void cpl_chart_class_install_cursor_actions (CplChartClass *klass,
                                             const char    *unit);
void cpl_chart_move_cursor                  (CplChart      *self,
                                             int           *cursor,
                                             guint          n,
                                             const char    *action_name);

G_END_DECLS
