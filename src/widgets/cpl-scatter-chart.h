/* cpl-scatter-chart.h: chips as points on two metrics, with rule regions */
#pragma once

#include <gtk/gtk.h>

#include "cpl-chart.h"
#include "cpl-chart-types.h"

G_BEGIN_DECLS

typedef enum
{
  CPL_POINT_STYLE_NORMAL,             /* a filled disc */
  CPL_POINT_STYLE_DOMESTIC,           /* a filled diamond, another colour */
  CPL_POINT_STYLE_HYPOTHETICAL,       /* a hollow disc */
  CPL_POINT_STYLE_UNRELEASED,         /* a grey ring: not on sale yet on the map's day */
} CplPointStyle;

#define CPL_TYPE_POINT_STYLE (cpl_point_style_get_type ())
GType cpl_point_style_get_type (void) G_GNUC_CONST;

#define CPL_TYPE_SCATTER_CHART (cpl_scatter_chart_get_type ())

G_DECLARE_FINAL_TYPE (CplScatterChart, cpl_scatter_chart, CPL, SCATTER_CHART, CplChart)

CplChart   *cpl_scatter_chart_new             (void);

void        cpl_scatter_chart_set_axes        (CplScatterChart *self,
                                               const char      *x_title,
                                               gboolean         x_log,
                                               const char      *y_title,
                                               gboolean         y_log);
void        cpl_scatter_chart_set_style_label (CplScatterChart *self,
                                               CplPointStyle    style,
                                               const char      *label);
void        cpl_scatter_chart_set_point_status (CplScatterChart *self,
                                                const char      *id,
                                                int              status);
void        cpl_scatter_chart_set_show_labels (CplScatterChart *self,
                                               gboolean         show_labels);
void        cpl_scatter_chart_set_description (CplScatterChart *self,
                                               const char      *text);
void        cpl_scatter_chart_set_note        (CplScatterChart *self,
                                               const char      *text);
const char *cpl_scatter_chart_get_note        (CplScatterChart *self);
void        cpl_scatter_chart_set_x_format    (CplScatterChart    *self,
                                               CplChartFormatFunc  func,
                                               gpointer            user_data,
                                               GDestroyNotify      destroy);
void        cpl_scatter_chart_set_y_format    (CplScatterChart    *self,
                                               CplChartFormatFunc  func,
                                               gpointer            user_data,
                                               GDestroyNotify      destroy);

void        cpl_scatter_chart_clear           (CplScatterChart *self);
void        cpl_scatter_chart_add_point       (CplScatterChart *self,
                                               const char      *id,
                                               const char      *label,
                                               double           x,
                                               double           y,
                                               CplPointStyle    style);
void        cpl_scatter_chart_add_region      (CplScatterChart *self,
                                               const char      *label,
                                               double           x0,
                                               double           x1,
                                               double           y0,
                                               double           y1,
                                               guint            color_index);
void        cpl_scatter_chart_add_vline       (CplScatterChart *self,
                                               const char      *label,
                                               double           x,
                                               guint            color_index);
guint       cpl_scatter_chart_get_n_regions   (CplScatterChart *self);
guint       cpl_scatter_chart_get_n_lines     (CplScatterChart *self);
const char *cpl_scatter_chart_get_axis_title  (CplScatterChart *self,
                                               GtkOrientation   orientation);
guint       cpl_scatter_chart_get_n_hidden_labels (CplScatterChart *self);
gboolean    cpl_scatter_chart_get_note_place      (CplScatterChart *self,
                                                   graphene_rect_t *place);
gboolean    cpl_scatter_chart_get_named       (CplScatterChart *self,
                                               const char      *id);
gboolean    cpl_scatter_chart_get_name_place  (CplScatterChart *self,
                                              const char      *id,
                                              graphene_rect_t *place);

const char *cpl_scatter_chart_get_selected    (CplScatterChart *self);
void        cpl_scatter_chart_set_selected    (CplScatterChart *self,
                                               const char      *id);

const char *cpl_scatter_chart_point_at        (CplScatterChart *self,
                                               double           widget_x,
                                               double           widget_y);
gboolean    cpl_scatter_chart_point_position  (CplScatterChart *self,
                                               const char      *id,
                                               double          *widget_x,
                                               double          *widget_y);

G_END_DECLS
