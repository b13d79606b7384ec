/* cpl-line-chart.h: values along a numeric axis, as lines */
#pragma once

#include <gtk/gtk.h>

#include "cpl-chart.h"
#include "cpl-chart-types.h"

G_BEGIN_DECLS

typedef enum
{
  CPL_LINE_STYLE_LINE,                /* a solid line */
  CPL_LINE_STYLE_DASHED,              /* a dashed line: a comparison */
  CPL_LINE_STYLE_AREA,                /* a line over a translucent fill down to 0 */
  CPL_LINE_STYLE_STEPS,               /* level from each point to the next */
} CplLineStyle;

#define CPL_TYPE_LINE_STYLE (cpl_line_style_get_type ())
GType cpl_line_style_get_type (void) G_GNUC_CONST;

#define CPL_TYPE_LINE_CHART (cpl_line_chart_get_type ())

G_DECLARE_FINAL_TYPE (CplLineChart, cpl_line_chart, CPL, LINE_CHART, CplChart)

CplChart  *cpl_line_chart_new              (void);

void       cpl_line_chart_set_axes         (CplLineChart       *self,
                                            const char         *x_title,
                                            const char         *y_title);
const char *cpl_line_chart_get_y_title     (CplLineChart       *self);
void       cpl_line_chart_set_x_format     (CplLineChart       *self,
                                            CplChartFormatFunc  func,
                                            gpointer            user_data,
                                            GDestroyNotify      destroy);
void       cpl_line_chart_set_y_format     (CplLineChart       *self,
                                            CplChartFormatFunc  func,
                                            gpointer            user_data,
                                            GDestroyNotify      destroy);
void       cpl_line_chart_set_x_integer    (CplLineChart       *self,
                                            gboolean            integer);
void       cpl_line_chart_set_description  (CplLineChart       *self,
                                            const char         *text);

void       cpl_line_chart_clear            (CplLineChart       *self);
guint      cpl_line_chart_add_series       (CplLineChart       *self,
                                            const char         *name,
                                            const double       *x,
                                            const double       *y,
                                            guint               n,
                                            CplLineStyle        style);
void       cpl_line_chart_set_series_color (CplLineChart       *self,
                                            guint               index,
                                            CplChartColor       color);
void       cpl_line_chart_add_marker       (CplLineChart       *self,
                                            double              x,
                                            const char         *label);
gboolean   cpl_line_chart_get_marker_place (CplLineChart       *self,
                                            guint               index,
                                            graphene_rect_t    *rect);
void       cpl_line_chart_set_span         (CplLineChart       *self,
                                            double              from,
                                            double              to,
                                            const char         *label);
void       cpl_line_chart_set_series_band  (CplLineChart       *self,
                                            guint               index,
                                            const double       *low,
                                            const double       *high);
gboolean   cpl_line_chart_get_band         (CplLineChart       *self,
                                            guint               series,
                                            guint               index,
                                            double             *low,
                                            double             *high);
void       cpl_line_chart_set_show_points  (CplLineChart       *self,
                                            gboolean            show_points);
gboolean   cpl_line_chart_get_show_points  (CplLineChart       *self);
void       cpl_line_chart_set_draggable    (CplLineChart       *self,
                                            gboolean            draggable);
double     cpl_line_chart_x_at             (CplLineChart       *self,
                                            double              widget_x);

void       cpl_line_chart_set_y_limit      (CplLineChart       *self,
                                            double              limit);
void       cpl_line_chart_get_y_range      (CplLineChart       *self,
                                            double             *min,
                                            double             *max);
int        cpl_line_chart_get_cursor       (CplLineChart       *self);
void       cpl_line_chart_set_cursor       (CplLineChart       *self,
                                            int                 index);
double     cpl_line_chart_get_x_value      (CplLineChart       *self,
                                            guint               index);
gboolean   cpl_line_chart_point_position   (CplLineChart       *self,
                                            guint               series,
                                            guint               index,
                                            double             *x,
                                            double             *y);
int        cpl_line_chart_nearest_index    (CplLineChart       *self,
                                            double              widget_x);

G_END_DECLS
