/* cpl-revenue-view.h: the Revenue Share view: one sale line's calculator,
 * and every sale line of the dataset with their totals */
#pragma once

#include <adwaita.h>

#include "cpl-csv.h"
#include "cpl-model.h"
#include "views/cpl-number-row.h"

#include "widgets/cpl-bar-chart.h"

G_BEGIN_DECLS

#define CPL_TYPE_REVENUE_VIEW (cpl_revenue_view_get_type ())
G_DECLARE_FINAL_TYPE (CplRevenueView, cpl_revenue_view, CPL, REVENUE_VIEW, AdwBin)

void            cpl_revenue_view_set_dataset   (CplRevenueView *self,
                                                CplDataset     *dataset);
void            cpl_revenue_view_select        (CplRevenueView *self,
                                                CplRevenueCase *revenue_case);
CplRevenueCase *cpl_revenue_view_get_selected  (CplRevenueView *self);
CplRevenueCase *cpl_revenue_view_add_case      (CplRevenueView *self);
CplNumberRow   *cpl_revenue_view_get_input     (CplRevenueView *self,
                                                const char     *field_key);
const char     *cpl_revenue_view_get_output    (CplRevenueView *self,
                                                const char     *output_id,
                                                const char     *column_id);
const char     *cpl_revenue_view_get_messages  (CplRevenueView *self);
const char     *cpl_revenue_view_get_stale_note (CplRevenueView *self);
GtkWidget      *cpl_revenue_view_get_notes      (CplRevenueView *self);
const char     *cpl_revenue_view_get_summary   (CplRevenueView *self);
const char     *cpl_revenue_view_get_name_hint (CplRevenueView *self);
const char     *cpl_revenue_view_get_total     (CplRevenueView *self,
                                                const char     *total_id);
GtkCheckButton *cpl_revenue_view_get_tick      (CplRevenueView *self,
                                                CplRevenueCase *revenue_case);
const char     *cpl_revenue_view_get_key_figure (CplRevenueView *self,
                                                 const char     *output_id);
const char     *cpl_revenue_view_get_visible_page (CplRevenueView *self);
CplBarChart    *cpl_revenue_view_get_split_chart (CplRevenueView *self);
const char     *cpl_revenue_view_get_header_title (CplRevenueView *self);
const char     *cpl_revenue_view_get_case_title (CplRevenueView *self,
                                                  const char     *column_id);

char *cpl_revenue_lines_text (CplDataset      *dataset,
                              CplCsvSeparator  separator);

G_END_DECLS
