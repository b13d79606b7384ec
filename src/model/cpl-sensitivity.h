/* cpl-sensitivity.h: the share-rate curve, the revenue-maximising share and
 * goal seek (MODEL.md §6.1)
 *
 * None of these functions modifies the scenario passed in: they evaluate
 * §5 on a private copy.
 */
#pragma once

#include "cpl-compute.h"
#include "cpl-dataset.h"

G_BEGIN_DECLS

#define CPL_SHARE_CURVE_POINTS 101

/* One rate of the share-rate curve; totals indexed by CplTotal, NaN where
 * §5 has no answer at that rate (pass-through × share reaching 1). */
typedef struct {
  double share;
  double totals[CPL_N_TOTALS];
} CplSharePoint;

GArray  *cpl_share_curve_compute      (CplScenario  *scenario,
                                       CplDataset   *dataset,
                                       GError      **error);
double   cpl_revenue_maximising_share (CplScenario  *scenario,
                                       CplDataset   *dataset,
                                       gboolean     *at_top,
                                       GError      **error);
double   cpl_break_even_share_on_curve (CplScenario *scenario,
                                        CplDataset  *dataset,
                                        GArray      *curve);
double   cpl_revenue_maximising_share_on_curve (CplScenario *scenario,
                                                CplDataset  *dataset,
                                                GArray      *curve,
                                                gboolean    *at_top);
gboolean cpl_goal_seek                (CplScenario  *scenario,
                                       CplDataset   *dataset,
                                       const char   *parameter,
                                       CplTotal      total,
                                       double        target,
                                       double       *value,
                                       double       *achieved,
                                       double       *least,
                                       double       *most,
                                       GError      **error);
gboolean cpl_goal_seek_bounds         (CplScenario  *scenario,
                                       const char   *parameter,
                                       double       *lo,
                                       double       *hi,
                                       GError      **error);

G_END_DECLS
