/* cpl-dataset-private.h: what the model's own files see of a dataset */
#pragma once

#include <json-glib/json-glib.h>

#include "cpl-dataset.h"

G_BEGIN_DECLS

JsonNode *cpl_dataset_get_extra_member (CplDataset *self,
                                        const char *name);

/* tests: how many loads read a large file's lists in parallel */
guint     cpl_dataset_get_parallel_loads (void);

G_END_DECLS
