/* cpl-epoch.h: Epoch AI "Data on Machine Learning Hardware" CSV import
 * (CC BY 4.0, https://epoch.ai/data/machine-learning-hardware) */
#pragma once

#include <glib.h>

#include "cpl-csv.h"

G_BEGIN_DECLS

#define CPL_EPOCH_CREDIT_URL "https://epoch.ai/data/machine-learning-hardware"

gboolean  cpl_epoch_import      (const char *data,
                                 gsize       length,
                                 const char *name,
                                 GPtrArray  *vendors,
                                 GPtrArray  *chips,
                                 GError    **error);
gboolean  cpl_epoch_import_table (CplCsvTable *table,
                                 const char  *name,
                                 GPtrArray   *vendors,
                                 GPtrArray   *chips,
                                 GError     **error);
char     *cpl_id_from_name      (const char *name);

G_END_DECLS
