/* cpl-what-if-window.h: a hypothetical chip, judged as it is typed */
#pragma once

#include <adwaita.h>

#include "cpl-model.h"
#include "widgets/cpl-scatter-chart.h"

G_BEGIN_DECLS

#define CPL_TYPE_WHAT_IF_WINDOW (cpl_what_if_window_get_type ())
G_DECLARE_FINAL_TYPE (CplWhatIfWindow, cpl_what_if_window, CPL, WHAT_IF_WINDOW, AdwWindow)

CplWhatIfWindow *cpl_what_if_window_new          (CplDataset      *dataset);
void             cpl_what_if_window_start_from   (CplWhatIfWindow *self,
                                                  CplChip         *chip);
void             cpl_what_if_window_set_date     (CplWhatIfWindow *self,
                                                  const GDate     *date);
void             cpl_what_if_window_set_value    (CplWhatIfWindow *self,
                                                  const char      *key,
                                                  double           value);
void             cpl_what_if_window_set_sparse   (CplWhatIfWindow *self,
                                                  gboolean         sparse);
const char      *cpl_what_if_window_get_result   (CplWhatIfWindow *self,
                                                  const char      *key);
CplScatterChart *cpl_what_if_window_get_map      (CplWhatIfWindow *self);
gboolean         cpl_what_if_window_can_add      (CplWhatIfWindow *self);
CplChip         *cpl_what_if_window_add_to_dataset (CplWhatIfWindow *self);

G_END_DECLS
