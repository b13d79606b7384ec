/* cpl-entity-list.h: a boxed list of dataset entries, one row each, kept
 * up to date as entries are added, removed and edited */
#pragma once

#include <adwaita.h>

#include "cpl-model.h"

G_BEGIN_DECLS

/* Fills @row (title, subtitle) and @suffix for @entity. */
typedef void (*CplRowFill) (AdwActionRow *row,
                            GtkLabel     *suffix,
                            CplEntity    *entity,
                            CplDataset   *dataset);

void cpl_entity_list_bind (GtkListBox *list,
                           GListModel *model,
                           CplDataset *dataset,
                           CplRowFill  fill);

G_END_DECLS
