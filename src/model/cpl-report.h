/* cpl-report.h: the results of a dataset, as `--compute` prints them
 * (DATA-FORMAT.md) */
#pragma once

#include <json-glib/json-glib.h>

#include "cpl-dataset.h"

G_BEGIN_DECLS

JsonNode *cpl_report_build   (CplDataset  *dataset,
                              const GDate *date,
                              GError     **error);
char     *cpl_report_to_json (CplDataset  *dataset,
                              const GDate *date,
                              GError     **error);
char     *cpl_report_to_csv  (CplDataset  *dataset,
                              const GDate *date,
                              GError     **error);
char     *cpl_report_seek    (CplDataset  *dataset,
                              const char  *spec,
                              GError     **error);

G_END_DECLS
