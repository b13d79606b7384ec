/* cpl-dataset-private.h: what the model's own files see of a dataset */
#pragma once

#include <json-glib/json-glib.h>

#include "cpl-dataset.h"

G_BEGIN_DECLS

JsonNode *cpl_dataset_get_extra_member (CplDataset *self,
                                        const char *name);

/* tests: a large file's lists are read in parallel (and how often that
 * happened), or not */
void      cpl_dataset_allow_parallel_load (gboolean allow);
guint     cpl_dataset_get_parallel_loads  (void);

G_END_DECLS
