/* cpl-chart.h: what every chart has in common
 *
 * CplChart is the base of the bar, scatter, line, timeline and tornado
 * charts.  It is not a widget: it keeps the data, the frame (legend, axis
 * titles, ticks, plot area), the value formats and the accessible texts,
 * and draws itself into a GtkSnapshot for a size, a PangoContext and a
 * palette it is given.  CplChartView shows any chart in a window and turns
 * events into the chart's methods; cpl_chart_draw() and cpl_chart_export()
 * draw it with cairo, with no display.  A subclass lays out and draws its
 * data through the class functions below.
 */
#pragma once

#include <gtk/gtk.h>

#include "cpl-chart-types.h"

G_BEGIN_DECLS

#define CPL_TYPE_CHART (cpl_chart_get_type ())

G_DECLARE_DERIVABLE_TYPE (CplChart, cpl_chart, CPL, CHART, GObject)

/* What CplChart::update asks of whatever shows the chart. */
typedef enum
{
  CPL_CHART_UPDATE_DRAW       = 1 << 0,   /* draw again */
  CPL_CHART_UPDATE_SIZE       = 1 << 1,   /* measure again */
  CPL_CHART_UPDATE_TOOLTIP    = 1 << 2,   /* ask for the tooltip again */
  CPL_CHART_UPDATE_ACCESSIBLE = 1 << 3,   /* the label or description changed */
} CplChartUpdate;

struct _CplChartClass
{
  GObjectClass parent_class;

  /* Adds the chart's CplChartLegendItems (cpl-chart-private.h) to @items. */
  void     (*build_legend)  (CplChart     *self,
                             GArray       *items);
  /* Lays out the frame and the chart's own parts for @width × @height;
   * called when the size, the data or the style changed. */
  void     (*layout)        (CplChart     *self,
                             int           width,
                             int           height);
  /* Draws the data over the frame; only called when there is a plot. */
  void     (*snapshot_plot) (CplChart     *self,
                             GtkSnapshot  *snapshot);
  /* The size it asks for; NULL: the usual chart size plus the legend. */
  void     (*measure)       (CplChart      *self,
                             GtkOrientation orientation,
                             int            for_size,
                             int           *minimum,
                             int           *natural);
  /* The pointer moved to (@x, @y); both are NaN when it left. */
  void     (*pointer_moved) (CplChart     *self,
                             double        x,
                             double        y);
  /* A primary click at (@x, @y), after the view took the focus. */
  void     (*pressed)       (CplChart     *self,
                             int           n_press,
                             double        x,
                             double        y);
  /* A primary drag began at (@x, @y), and moved by (@dx, @dy). */
  void     (*drag_begin)    (CplChart     *self,
                             double        x,
                             double        y);
  void     (*drag_update)   (CplChart     *self,
                             double        dx,
                             double        dy);
  /* The tooltip at (@x, @y), and the area it holds for, with the layout
   * up to date; NULL for none. */
  char    *(*query_tooltip) (CplChart     *self,
                             double        x,
                             double        y,
                             gboolean      keyboard_mode,
                             GdkRectangle *area);
  /* One of the actions added by cpl_chart_class_add_action(). */
  void     (*activate_action) (CplChart   *self,
                               const char *action_name);
  /* Adds everything the chart draws from (its data, titles, hover and
   * cursor; not the size or palette) to @content, with the
   * cpl_chart_digest_*() functions; NULL: a batch of updates always
   * draws again (cpl_chart_freeze_updates()). */
  void     (*digest)        (CplChart     *self,
                             GByteArray   *content);

  /*< private >*/
  GArray  *actions;                   /* CplChartAction, NULL for none */
  gpointer padding[7];
};

void    cpl_chart_set_description (CplChart           *self,
                                   const char         *text);
void    cpl_chart_set_format      (CplChart           *self,
                                   GtkOrientation      axis,
                                   CplChartFormatFunc  func,
                                   gpointer            user_data,
                                   GDestroyNotify      destroy);
void    cpl_chart_set_tick_format (CplChart               *self,
                                   GtkOrientation          axis,
                                   CplChartTickFormatFunc  tick_func);
char   *cpl_chart_format_value    (CplChart           *self,
                                   GtkOrientation      axis,
                                   double              value);
char  **cpl_chart_dup_tick_labels (CplChart           *self,
                                   GtkOrientation      axis);

void         cpl_chart_set_title            (CplChart   *self,
                                             const char *title);
const char  *cpl_chart_get_title            (CplChart   *self);
void         cpl_chart_set_min_height       (CplChart   *self,
                                             int         min_height);
void         cpl_chart_set_zero_note        (CplChart   *self,
                                             const char *note);
const char  *cpl_chart_get_zero_note        (CplChart   *self);
void         cpl_chart_set_subject          (CplChart   *self,
                                             const char *subject);
const char  *cpl_chart_get_subject          (CplChart   *self);
void         cpl_chart_set_source           (CplChart   *self,
                                             const char *source);
const char  *cpl_chart_get_source           (CplChart   *self);
const char  *cpl_chart_get_accessible_label (CplChart   *self);
const char  *cpl_chart_get_description      (CplChart   *self);

void         cpl_chart_freeze_updates       (CplChart   *self);
void         cpl_chart_thaw_updates         (CplChart   *self);

/* ---- what a view of the chart calls ---- */

void      cpl_chart_set_pango_context (CplChart       *self,
                                       PangoContext   *context);
PangoContext *cpl_chart_get_pango_context (CplChart   *self);
void      cpl_chart_set_size          (CplChart       *self,
                                       int             width,
                                       int             height);
void      cpl_chart_set_focused       (CplChart       *self,
                                       gboolean        focused);
gboolean  cpl_chart_has_focus         (CplChart       *self);
void      cpl_chart_measure_size      (CplChart       *self,
                                       GtkOrientation  orientation,
                                       int             for_size,
                                       int            *minimum,
                                       int            *natural);
void      cpl_chart_snapshot          (CplChart       *self,
                                       GtkSnapshot    *snapshot);
void      cpl_chart_pointer_moved     (CplChart       *self,
                                       double          x,
                                       double          y);
void      cpl_chart_pressed           (CplChart       *self,
                                       int             n_press,
                                       double          x,
                                       double          y);
gboolean  cpl_chart_can_drag          (CplChart       *self);
void      cpl_chart_drag_begin        (CplChart       *self,
                                       double          x,
                                       double          y);
void      cpl_chart_drag_update       (CplChart       *self,
                                       double          dx,
                                       double          dy);
char     *cpl_chart_query_tooltip     (CplChart       *self,
                                       double          x,
                                       double          y,
                                       gboolean        keyboard_mode,
                                       GdkRectangle   *area);
gboolean  cpl_chart_activate_action   (CplChart       *self,
                                       const char     *action_name);

/* ---- export, with no display ---- */

typedef enum
{
  CPL_CHART_EXPORT_PNG,
  CPL_CHART_EXPORT_SVG,
  CPL_CHART_EXPORT_PDF,
} CplChartExportFormat;

void      cpl_chart_ensure_headless          (void);
gboolean  cpl_chart_export_format_from_path  (const char           *path,
                                              CplChartExportFormat *format);
void      cpl_chart_draw                     (CplChart             *self,
                                              cairo_t              *cr,
                                              double                width,
                                              double                height,
                                              gboolean              dark);
gboolean  cpl_chart_export                   (CplChart             *self,
                                              const char           *path,
                                              CplChartExportFormat  format,
                                              int                   width,
                                              int                   height,
                                              double                scale,
                                              gboolean              dark,
                                              GError              **error);

G_END_DECLS
