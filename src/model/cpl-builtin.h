/* cpl-builtin.h: which built-in data a file was made from, and updating
 * the entries the user has not changed */
#pragma once

#include "cpl-dataset.h"
#include "cpl-history.h"

G_BEGIN_DECLS

const char *cpl_builtin_get_version     (void);
CplEntity  *cpl_builtin_notes_source    (CplEntity   *entity);
char       *cpl_builtin_fingerprint     (CplEntity   *entity);
char       *cpl_builtin_to_file_data    (CplDataset  *dataset,
                                         gsize       *length);
const char *cpl_builtin_get_made_from   (CplDataset  *dataset);
GPtrArray  *cpl_builtin_find_updates    (CplDataset  *dataset);
guint       cpl_builtin_apply_updates   (CplDataset  *dataset,
                                         CplHistory  *history);

G_END_DECLS
