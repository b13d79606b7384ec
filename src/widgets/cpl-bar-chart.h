/* cpl-bar-chart.h: a few values per chip, side by side per metric, or
 * stacked into one bar per category */
#pragma once

#include <gtk/gtk.h>

#include "cpl-chart.h"
#include "cpl-chart-types.h"

G_BEGIN_DECLS

#define CPL_TYPE_BAR_CHART (cpl_bar_chart_get_type ())

G_DECLARE_FINAL_TYPE (CplBarChart, cpl_bar_chart, CPL, BAR_CHART, CplChart)

CplChart  *cpl_bar_chart_new                 (void);

void       cpl_bar_chart_set_categories      (CplBarChart        *self,
                                              const char * const *labels);
void       cpl_bar_chart_clear_series        (CplBarChart        *self);
guint      cpl_bar_chart_add_series          (CplBarChart        *self,
                                              const char         *name,
                                              const double       *values);
void       cpl_bar_chart_set_series_color    (CplBarChart        *self,
                                              guint               index,
                                              CplChartColor       color);
void       cpl_bar_chart_set_value_title     (CplBarChart        *self,
                                              const char         *title);
void       cpl_bar_chart_set_category_title  (CplBarChart        *self,
                                              const char         *title);
void       cpl_bar_chart_set_reference       (CplBarChart        *self,
                                              double              value);
void       cpl_bar_chart_set_reference_label (CplBarChart        *self,
                                              const char         *label);
void       cpl_bar_chart_set_show_values     (CplBarChart        *self,
                                              gboolean            show_values);
void       cpl_bar_chart_set_description     (CplBarChart        *self,
                                              const char         *text);
void       cpl_bar_chart_set_value_format    (CplBarChart        *self,
                                              CplChartFormatFunc  func,
                                              gpointer            user_data,
                                              GDestroyNotify      destroy);
void       cpl_bar_chart_set_log_scale       (CplBarChart        *self,
                                              gboolean            log_scale);
void       cpl_bar_chart_set_stacked         (CplBarChart        *self,
                                              gboolean            stacked);
void       cpl_bar_chart_set_total_above     (CplBarChart        *self,
                                              gboolean            total_above);
gboolean   cpl_bar_chart_get_stacked         (CplBarChart        *self);
double     cpl_bar_chart_get_value           (CplBarChart        *self,
                                              guint               series,
                                              guint               category);
gboolean   cpl_bar_chart_get_value_place     (CplBarChart        *self,
                                              guint               series,
                                              guint               category,
                                              graphene_rect_t    *rect);

int        cpl_bar_chart_bar_at              (CplBarChart        *self,
                                              double              x,
                                              double              y,
                                              guint              *series,
                                              guint              *category);
gboolean   cpl_bar_chart_bar_position        (CplBarChart        *self,
                                              guint               series,
                                              guint               category,
                                              double             *x,
                                              double             *y);

G_END_DECLS
