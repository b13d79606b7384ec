/* cpl-compare-chooser.h: tick 2 to 4 chips and compare them */
#pragma once

#include <gtk/gtk.h>

#include "cpl-model.h"

G_BEGIN_DECLS

typedef void (*CplCompareChosenFunc) (gpointer            data,
                                      const char * const *chip_ids);

GtkWidget *cpl_compare_chooser_new          (CplDataset           *dataset,
                                             GListModel           *chips,
                                             const char * const   *ticked,
                                             CplCompareChosenFunc  chosen,
                                             gpointer              data);
guint      cpl_compare_chooser_get_n_ticked (GtkWidget            *popover);

G_END_DECLS
