/* cpl-report.h: the results of a dataset, as `--compute` prints them
 * (DATA-FORMAT.md) */
#pragma once

#include <json-glib/json-glib.h>

#include "cpl-dataset.h"

G_BEGIN_DECLS

#define CPL_REPORT_DEFAULT_DRAWS 10000     /* MODEL.md §6: --draws */
#define CPL_MAX_DRAWS            1000000   /* keeps a run's memory in bounds */

JsonNode *cpl_report_build   (CplDataset  *dataset,
                              const GDate *date,
                              guint        n_draws,
                              GError     **error);
char     *cpl_report_to_json (CplDataset  *dataset,
                              const GDate *date,
                              guint        n_draws,
                              GError     **error);
char     *cpl_report_to_csv  (CplDataset  *dataset,
                              const GDate *date,
                              guint        n_draws,
                              GError     **error);
char     *cpl_report_seek    (CplDataset  *dataset,
                              const char  *spec,
                              GError     **error);

G_END_DECLS
