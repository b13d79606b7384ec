/* cpl-scenario-analysis.h: what moves one scenario's totals: the
 * share-rate curve and goal seek (MODEL.md §6.1) */
#pragma once

#include <adwaita.h>

#include "cpl-model.h"
#include "widgets/cpl-line-chart.h"
#include "widgets/cpl-tornado-chart.h"

G_BEGIN_DECLS

#define CPL_TYPE_SCENARIO_ANALYSIS (cpl_scenario_analysis_get_type ())
G_DECLARE_FINAL_TYPE (CplScenarioAnalysis, cpl_scenario_analysis, CPL, SCENARIO_ANALYSIS, GtkBox)

CplScenarioAnalysis *cpl_scenario_analysis_new              (void);
void                 cpl_scenario_analysis_show             (CplScenarioAnalysis *self,
                                                             CplDataset          *dataset,
                                                             CplScenario         *scenario);
void                 cpl_scenario_analysis_bind             (CplScenarioAnalysis *self,
                                                             CplDataset          *dataset,
                                                             CplScenario         *scenario);
CplLineChart        *cpl_scenario_analysis_get_share_chart  (CplScenarioAnalysis *self);
void                 cpl_scenario_analysis_get_picked   (CplScenarioAnalysis *self,
                                                         CplTotal            *tornado_total,
                                                         CplTotal            *seek_total,
                                                         const char         **seek_parameter);
CplTornadoChart     *cpl_scenario_analysis_get_tornado      (CplScenarioAnalysis *self,
                                                             CplTotal             total);
const char          *cpl_scenario_analysis_get_share_note   (CplScenarioAnalysis *self);
gboolean             cpl_scenario_analysis_seek             (CplScenarioAnalysis *self,
                                                             const char          *parameter,
                                                             CplTotal             total,
                                                             const char          *target);
const char          *cpl_scenario_analysis_get_seek_answer  (CplScenarioAnalysis *self);
const char          *cpl_scenario_analysis_get_seek_now     (CplScenarioAnalysis *self);
gboolean             cpl_scenario_analysis_apply_seek       (CplScenarioAnalysis *self);

G_END_DECLS
