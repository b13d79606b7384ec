/* cpl-scenario-results.h: what one scenario does, year by year, as
 * pictures, totals and a table */
#pragma once

#include <adwaita.h>

#include "cpl-csv.h"
#include "cpl-model.h"
#include "cpl-scenario-analysis.h"
#include "widgets/cpl-line-chart.h"

G_BEGIN_DECLS

#define CPL_TYPE_SCENARIO_RESULTS (cpl_scenario_results_get_type ())
G_DECLARE_FINAL_TYPE (CplScenarioResults, cpl_scenario_results, CPL, SCENARIO_RESULTS, GtkBox)

CplScenarioResults *cpl_scenario_results_new          (void);
void                cpl_scenario_results_show         (CplScenarioResults *self,
                                                       CplDataset         *dataset,
                                                       CplScenario        *scenario);
const char         *cpl_scenario_results_get_total    (CplScenarioResults *self,
                                                       const char         *total_id);
const char         *cpl_scenario_results_get_title    (CplScenarioResults *self);
const char         *cpl_scenario_results_get_summary  (CplScenarioResults *self);
const char         *cpl_scenario_results_get_error    (CplScenarioResults *self);
void                cpl_scenario_results_set_stale_note (CplScenarioResults *self,
                                                         const char         *note);
const char         *cpl_scenario_results_get_stale_note (CplScenarioResults *self);
const char         *cpl_scenario_results_get_ranges_warning (CplScenarioResults *self);
GtkWidget          *cpl_scenario_results_get_notes    (CplScenarioResults *self);
GtkLabel           *cpl_scenario_results_get_table_cell (CplScenarioResults *self,
                                                       guint               year,
                                                       guint               column);
CplScenarioAnalysis *cpl_scenario_results_get_analysis (CplScenarioResults *self);
CplUncertainty     *cpl_scenario_results_get_uncertainty (CplScenarioResults *self,
                                                          gboolean            wait);
gboolean            cpl_scenario_results_get_estimating (CplScenarioResults *self);
gboolean            cpl_scenario_results_get_running    (CplScenarioResults *self);
CplLineChart       *cpl_scenario_results_get_band_chart (CplScenarioResults *self,
                                                         CplYearOutput       output);

char               *cpl_scenario_format_year          (double              value,
                                                       gpointer            user_data);
char               *cpl_scenario_format_money         (double              value,
                                                       gpointer            user_data);
char               *cpl_scenario_format_share         (double              value,
                                                       gpointer            user_data);
char               *cpl_scenario_format_pflops        (double              value,
                                                       gpointer            user_data);
GtkWidget          *cpl_scenario_table_scroller_new   (GtkWidget          *table);
GtkWidget          *cpl_scenario_tables_scroller_new  (GtkWidget          *titles,
                                                       GtkWidget          *values,
                                                       void              (*allocated) (gpointer data),
                                                       gpointer            data,
                                                       GtkWidget          *narrow);
GtkWidget          *cpl_scenario_chart_flow_new       (void);
void                cpl_scenario_chart_flow_append    (GtkWidget          *flow,
                                                       const char         *title,
                                                       GtkWidget          *chart);
const char         *cpl_scenario_total_title          (CplTotal            total);
char               *cpl_scenario_format_total         (CplTotal            total,
                                                       double              value);
char               *cpl_scenario_years_text           (CplProjection      *projection,
                                                       CplCsvSeparator     separator);

G_END_DECLS
