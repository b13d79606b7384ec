/* cpl-scenarios-view.h: the Scenarios view: the list, the editor, the
 * results of one scenario and the comparison of several */
#pragma once

#include <adwaita.h>

#include "cpl-model.h"
#include "cpl-scenario-comparison.h"
#include "cpl-scenario-editor.h"
#include "cpl-scenario-results.h"

G_BEGIN_DECLS

#define CPL_TYPE_SCENARIOS_VIEW (cpl_scenarios_view_get_type ())
G_DECLARE_FINAL_TYPE (CplScenariosView, cpl_scenarios_view, CPL, SCENARIOS_VIEW, AdwBin)

void                   cpl_scenarios_view_set_dataset     (CplScenariosView *self,
                                                           CplDataset       *dataset);
void                   cpl_scenarios_view_select          (CplScenariosView *self,
                                                           CplScenario      *scenario);
CplScenario           *cpl_scenarios_view_get_selected    (CplScenariosView *self);
void                   cpl_scenarios_view_set_compared    (CplScenariosView *self,
                                                           CplScenario      *scenario,
                                                           gboolean          compared);
const char            *cpl_scenarios_view_get_tick_hint   (CplScenariosView *self);
CplScenarioEditor     *cpl_scenarios_view_get_editor      (CplScenariosView *self);
gboolean               cpl_scenarios_view_has_editor      (CplScenariosView *self);
CplScenarioResults    *cpl_scenarios_view_get_results     (CplScenariosView *self);
CplScenarioComparison *cpl_scenarios_view_get_comparison  (CplScenariosView *self);
const char            *cpl_scenarios_view_get_visible_page (CplScenariosView *self);
GtkWidget             *cpl_scenarios_view_get_list        (CplScenariosView *self);
AdwMessageDialog      *cpl_scenarios_view_export_report   (CplScenariosView *self);

G_END_DECLS
