/* cpl-status.h: the status of a chip in China on a date (MODEL.md §2.1) */
#pragma once

#include "cpl-model-types.h"

G_BEGIN_DECLS

typedef enum {
  CPL_CHIP_STATUS_DOMESTIC,    /* the vendor is Chinese */
  CPL_CHIP_STATUS_FREE,        /* no control rule in force catches it: no licence needed */
  CPL_CHIP_STATUS_DENIED,      /* controlled, and no licence rule in force opens it */
  CPL_CHIP_STATUS_LICENSABLE,  /* controlled, but a licence may be granted */
  CPL_CHIP_STATUS_UNKNOWN,     /* a figure the rules need is missing: needs data */
  CPL_N_CHIP_STATUSES
} CplChipStatus;

CplChipStatus  cpl_chip_status_on       (CplDataset    *dataset,
                                         CplChip       *chip,
                                         const GDate   *date,
                                         double        *share);
CplChipStatus  cpl_chip_status_decided_on (CplDataset  *dataset,
                                           CplChip     *chip,
                                           const GDate *date,
                                           double      *share,
                                           GPtrArray  **deciding);
const char    *cpl_chip_status_get_key  (CplChipStatus  status);
gboolean       cpl_chip_is_chinese      (CplDataset    *dataset,
                                         CplChip       *chip);

void           cpl_scenario_policy_on   (CplDataset    *dataset,
                                         CplScenario   *scenario,
                                         const GDate   *date,
                                         GStrv         *allowed,
                                         double        *share,
                                         GArray       **shares,
                                         GPtrArray    **left_out);

G_END_DECLS
