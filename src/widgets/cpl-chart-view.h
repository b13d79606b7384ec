/* cpl-chart-view.h: the widget that shows any chart */
#pragma once

#include <gtk/gtk.h>

#include "cpl-chart.h"

G_BEGIN_DECLS

#define CPL_TYPE_CHART_VIEW (cpl_chart_view_get_type ())

G_DECLARE_FINAL_TYPE (CplChartView, cpl_chart_view, CPL, CHART_VIEW, GtkWidget)

GtkWidget *cpl_chart_view_new       (CplChart     *chart);
GtkWidget *cpl_chart_view_new_take  (gpointer      chart);
CplChart  *cpl_chart_view_get_chart (CplChartView *self);

G_END_DECLS
