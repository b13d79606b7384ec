/* cpl-revenue-view.h: the Revenue view */
#pragma once

#include <adwaita.h>

#include "cpl-model.h"

G_BEGIN_DECLS

#define CPL_TYPE_REVENUE_VIEW (cpl_revenue_view_get_type ())
G_DECLARE_FINAL_TYPE (CplRevenueView, cpl_revenue_view, CPL, REVENUE_VIEW, AdwBin)

void cpl_revenue_view_set_dataset (CplRevenueView *self,
                                   CplDataset    *dataset);

G_END_DECLS
