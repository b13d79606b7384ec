/* cpl-chips-view.h: the Chips view */
#pragma once

#include <adwaita.h>

#include "cpl-model.h"

G_BEGIN_DECLS

#define CPL_TYPE_CHIPS_VIEW (cpl_chips_view_get_type ())
G_DECLARE_FINAL_TYPE (CplChipsView, cpl_chips_view, CPL, CHIPS_VIEW, AdwBin)

void cpl_chips_view_set_dataset (CplChipsView *self,
                                 CplDataset    *dataset);

G_END_DECLS
