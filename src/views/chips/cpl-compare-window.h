/* cpl-compare-window.h: 2 to 4 chips side by side */
#pragma once

#include <adwaita.h>

#include "cpl-model.h"

G_BEGIN_DECLS

#define CPL_TYPE_COMPARE_WINDOW (cpl_compare_window_get_type ())
G_DECLARE_FINAL_TYPE (CplCompareWindow, cpl_compare_window, CPL, COMPARE_WINDOW, AdwWindow)

CplCompareWindow *cpl_compare_window_new       (CplDataset           *dataset,
                                                const char * const   *chip_ids,
                                                const CplEnergyTerms *terms,
                                                const GDate          *date);
const char       *cpl_compare_window_get_value (CplCompareWindow     *self,
                                                const char           *metric_id,
                                                guint                 chip_index);
const char       *cpl_compare_window_get_ratio (CplCompareWindow     *self,
                                                const char           *metric_id,
                                                guint                 chip_index);
const char       *cpl_compare_window_get_summary (CplCompareWindow   *self);
const char       *cpl_compare_window_get_status (CplCompareWindow    *self,
                                                 guint                chip_index);
const char       *cpl_compare_window_get_distances (CplCompareWindow *self,
                                                    const char       *rule_id,
                                                    guint             chip_index);

GtkWidget        *cpl_compare_window_get_verdict (CplCompareWindow *self,
                                                  const char       *rule_id,
                                                  guint             chip_index);

G_END_DECLS
