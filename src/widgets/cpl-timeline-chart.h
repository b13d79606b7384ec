/* cpl-timeline-chart.h: every foreign chip's status in China over time */
#pragma once

#include <gtk/gtk.h>

#include "cpl-chart.h"
#include "cpl-model.h"

G_BEGIN_DECLS

#define CPL_TYPE_TIMELINE_CHART (cpl_timeline_chart_get_type ())

G_DECLARE_FINAL_TYPE (CplTimelineChart, cpl_timeline_chart, CPL, TIMELINE_CHART, CplChart)

CplChart    *cpl_timeline_chart_new          (void);

void         cpl_timeline_chart_set_dataset  (CplTimelineChart *self,
                                              CplDataset       *dataset);
void         cpl_timeline_chart_rebuild      (CplTimelineChart *self);
void         cpl_timeline_chart_set_today    (CplTimelineChart *self,
                                              const GDate      *today);
void         cpl_timeline_chart_get_range    (CplTimelineChart *self,
                                              GDate            *start,
                                              GDate            *end);
void         cpl_timeline_chart_set_date     (CplTimelineChart *self,
                                              const GDate      *date);
const GDate *cpl_timeline_chart_get_date     (CplTimelineChart *self);

/* What it shows, for tests and screen readers. */
guint        cpl_timeline_chart_get_n_rows   (CplTimelineChart *self);
CplChip     *cpl_timeline_chart_get_row_chip (CplTimelineChart *self,
                                              guint             row);
guint        cpl_timeline_chart_get_n_spans  (CplTimelineChart *self,
                                              guint             row);
gboolean     cpl_timeline_chart_get_span     (CplTimelineChart *self,
                                              guint             row,
                                              guint             index,
                                              GDate            *start,
                                              GDate            *end,
                                              CplChipStatus    *status,
                                              double           *share);
char       **cpl_timeline_chart_dup_mark_labels (CplTimelineChart *self);
char       **cpl_timeline_chart_dup_legend_labels (CplTimelineChart *self);
gboolean     cpl_timeline_chart_get_mark_place (CplTimelineChart *self,
                                                guint             index,
                                                double           *lead_x,
                                                int              *line,
                                                double           *left,
                                                double           *right);
gboolean     cpl_timeline_chart_date_at      (CplTimelineChart *self,
                                              double            x,
                                              GDate            *date);
double       cpl_timeline_chart_date_x       (CplTimelineChart *self,
                                              const GDate      *date);
gboolean     cpl_timeline_chart_get_name_rect (CplTimelineChart *self,
                                              guint             row,
                                              graphene_rect_t  *rect,
                                              gboolean         *whole);
gboolean     cpl_timeline_chart_row_y        (CplTimelineChart *self,
                                              guint             row,
                                              double           *y);

G_END_DECLS
