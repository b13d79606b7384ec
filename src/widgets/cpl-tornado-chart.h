/* cpl-tornado-chart.h: how far each input moves one output, ranked */
#pragma once

#include <gtk/gtk.h>

#include "cpl-chart.h"
#include "cpl-chart-types.h"

G_BEGIN_DECLS

#define CPL_TYPE_TORNADO_CHART (cpl_tornado_chart_get_type ())

G_DECLARE_FINAL_TYPE (CplTornadoChart, cpl_tornado_chart, CPL, TORNADO_CHART, CplChart)

CplChart   *cpl_tornado_chart_new             (void);

const char *cpl_tornado_chart_get_value_title (CplTornadoChart    *self);
void        cpl_tornado_chart_set_value_title (CplTornadoChart    *self,
                                               const char         *title);
void        cpl_tornado_chart_set_format      (CplTornadoChart    *self,
                                               CplChartFormatFunc  func,
                                               gpointer            user_data,
                                               GDestroyNotify      destroy);
void        cpl_tornado_chart_set_description (CplTornadoChart    *self,
                                               const char         *text);
void        cpl_tornado_chart_set_bars        (CplTornadoChart    *self,
                                               double              point,
                                               const char * const *names,
                                               const double       *output_low,
                                               const double       *output_high,
                                               guint               n);
guint       cpl_tornado_chart_get_n_bars      (CplTornadoChart    *self);
const char *cpl_tornado_chart_get_bar_name    (CplTornadoChart    *self,
                                               guint               rank);
gboolean    cpl_tornado_chart_bar_extent      (CplTornadoChart    *self,
                                               guint               rank,
                                               double             *left,
                                               double             *right,
                                               double             *center_y);
double      cpl_tornado_chart_point_x         (CplTornadoChart    *self);
gboolean    cpl_tornado_chart_get_name_whole  (CplTornadoChart    *self,
                                               guint               rank);

G_END_DECLS
