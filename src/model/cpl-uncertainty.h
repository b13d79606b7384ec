/* cpl-uncertainty.h: Monte Carlo bands and tornado (MODEL.md §6) */
#pragma once

#include "cpl-compute.h"

G_BEGIN_DECLS

typedef struct { double p10, p50, p90; } CplQuantiles;

typedef enum {            /* yearly outputs with quantiles */
  CPL_YEAR_DOMESTIC_SHARE,
  CPL_YEAR_GOVERNMENT_TAKE,
  CPL_YEAR_GROSS_REVENUE,     /* all vendors */
  CPL_YEAR_COMPUTE_GAP,
  CPL_YEAR_DOMESTIC_PFLOPS,
  CPL_YEAR_DOMESTIC_UNITS,
  CPL_YEAR_EXPORTED_PFLOPS,   /* all chips */
  CPL_N_YEAR_OUTPUTS
} CplYearOutput;

typedef struct _CplUncertainty CplUncertainty;   /* refcounted, immutable */

CplDataset         *cpl_scenario_chips_snapshot (CplScenario    *scenario,
                                                 CplDataset     *dataset);
gboolean            cpl_scenario_has_ranges     (CplScenario    *scenario);
CplUncertainty     *cpl_uncertainty_compute     (CplScenario    *scenario,
                                                 CplDataset     *dataset,
                                                 guint           n_draws,
                                                 guint           n_threads,
                                                 GCancellable   *cancellable,
                                                 GError        **error);
CplUncertainty     *cpl_uncertainty_ref         (CplUncertainty *self);
void                cpl_uncertainty_unref       (CplUncertainty *self);
guint               cpl_uncertainty_get_n_draws (CplUncertainty *self);
guint64             cpl_uncertainty_get_seed    (CplUncertainty *self);
guint               cpl_uncertainty_get_n_years (CplUncertainty *self);
const CplQuantiles *cpl_uncertainty_get_total   (CplUncertainty *self,
                                                 CplTotal        total);
const CplQuantiles *cpl_uncertainty_get_year    (CplUncertainty *self,
                                                 CplYearOutput   output,
                                                 guint           year_index);
const char         *cpl_year_output_get_key     (CplYearOutput   output);

typedef struct {
  char  *parameter;
  double low, high, output_low, output_high, swing;
} CplTornadoBar;

GArray             *cpl_tornado_compute         (CplScenario    *scenario,
                                                 CplDataset     *dataset,
                                                 CplTotal        total,
                                                 GError        **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CplUncertainty, cpl_uncertainty_unref)

G_END_DECLS
