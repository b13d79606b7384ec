/* cpl-scenario-comparison.h: two or more scenarios side by side */
#pragma once

#include <adwaita.h>

#include "cpl-csv.h"
#include "cpl-model.h"
#include "widgets/cpl-line-chart.h"

G_BEGIN_DECLS

#define CPL_TYPE_SCENARIO_COMPARISON (cpl_scenario_comparison_get_type ())
G_DECLARE_FINAL_TYPE (CplScenarioComparison, cpl_scenario_comparison, CPL, SCENARIO_COMPARISON, GtkBox)

CplScenarioComparison *cpl_scenario_comparison_new         (void);
void                   cpl_scenario_comparison_show        (CplScenarioComparison *self,
                                                            CplDataset            *dataset,
                                                            GPtrArray             *scenarios);
const char            *cpl_scenario_comparison_get_summary (CplScenarioComparison *self);
void                   cpl_scenario_comparison_set_compact (CplScenarioComparison *self,
                                                            gboolean               compact);
const char            *cpl_scenario_comparison_get_value   (CplScenarioComparison *self,
                                                            const char            *row_id,
                                                            const char            *scenario_id);
const char            *cpl_scenario_comparison_get_difference (CplScenarioComparison *self,
                                                               const char            *row_id,
                                                               const char            *scenario_id);
const char            *cpl_scenario_comparison_get_range (CplScenarioComparison *self,
                                                          const char            *row_id,
                                                          const char            *scenario_id);
CplLineChart          *cpl_scenario_comparison_get_chart   (CplScenarioComparison *self,
                                                            CplYearOutput          output);
void                   cpl_scenario_comparison_wait_for_bands (CplScenarioComparison *self);
guint                  cpl_scenario_comparison_get_n_runs     (CplScenarioComparison *self);

char *cpl_scenario_comparison_text (CplDataset      *dataset,
                                    GPtrArray       *scenarios,
                                    const char      *baseline_id,
                                    CplCsvSeparator  separator);

G_END_DECLS
