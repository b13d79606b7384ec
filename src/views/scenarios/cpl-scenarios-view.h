/* cpl-scenarios-view.h: the Scenarios view */
#pragma once

#include <adwaita.h>

#include "cpl-model.h"

G_BEGIN_DECLS

#define CPL_TYPE_SCENARIOS_VIEW (cpl_scenarios_view_get_type ())
G_DECLARE_FINAL_TYPE (CplScenariosView, cpl_scenarios_view, CPL, SCENARIOS_VIEW, AdwBin)

void cpl_scenarios_view_set_dataset (CplScenariosView *self,
                                     CplDataset    *dataset);

G_END_DECLS
