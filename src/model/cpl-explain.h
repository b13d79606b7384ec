/* cpl-explain.h: what drives a projection, in words */
#pragma once

#include "cpl-compute.h"
#include "cpl-dataset.h"

G_BEGIN_DECLS

char *cpl_format_year_spans  (const int     *years,
                              guint          n_years);
char *cpl_projection_explain (CplProjection *projection,
                              CplScenario   *scenario,
                              CplDataset    *dataset);

G_END_DECLS
