/* cpl-chart.h: what every chart widget has in common
 *
 * CplChart is the base of the bar, scatter and line charts: it keeps the
 * theme palette, the frame (legend, axis titles, ticks, plot area), the
 * value formats, the accessible description, and the plumbing of size,
 * style, focus, pointer and tooltips.  A chart subclass lays out and draws
 * its data through the class functions below.
 */
#pragma once

#include <gtk/gtk.h>

#include "cpl-chart-types.h"

G_BEGIN_DECLS

#define CPL_TYPE_CHART (cpl_chart_get_type ())

G_DECLARE_DERIVABLE_TYPE (CplChart, cpl_chart, CPL, CHART, GtkWidget)

struct _CplChartClass
{
  GtkWidgetClass parent_class;

  /* Adds the chart's CplChartLegendItems (cpl-chart-private.h) to @items. */
  void     (*build_legend)  (CplChart    *self,
                             GArray      *items);
  /* Lays out the frame and the chart's own parts for @width × @height;
   * called when the size, the data or the style changed. */
  void     (*layout)        (CplChart    *self,
                             int          width,
                             int          height);
  /* Draws the data over the frame; only called when there is a plot. */
  void     (*snapshot_plot) (CplChart    *self,
                             GtkSnapshot *snapshot);
  /* The pointer moved to (@x, @y); both are NaN when it left. */
  void     (*pointer_moved) (CplChart    *self,
                             double       x,
                             double       y);
  /* A primary click at (@x, @y), after the chart took the focus. */
  void     (*pressed)       (CplChart    *self,
                             int          n_press,
                             double       x,
                             double       y);
  /* Like GtkWidget::query-tooltip, with the layout up to date. */
  gboolean (*query_tooltip) (CplChart    *self,
                             double       x,
                             double       y,
                             gboolean     keyboard_mode,
                             GtkTooltip  *tooltip);

  /*< private >*/
  gpointer padding[8];
};

void    cpl_chart_set_description (CplChart           *self,
                                   const char         *text);
void    cpl_chart_set_format      (CplChart           *self,
                                   GtkOrientation      axis,
                                   CplChartFormatFunc  func,
                                   gpointer            user_data,
                                   GDestroyNotify      destroy);
char   *cpl_chart_format_value    (CplChart           *self,
                                   GtkOrientation      axis,
                                   double              value);
char  **cpl_chart_dup_tick_labels (CplChart           *self,
                                   GtkOrientation      axis);

G_END_DECLS
