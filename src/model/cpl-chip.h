/* cpl-chip.h: an accelerator and its published figures */
#pragma once

#include "cpl-entity.h"

G_BEGIN_DECLS

/* Indices of the chip's numeric fields (cpl_entity_get_number()). */
typedef enum {
  CPL_CHIP_MEMORY_GB,
  CPL_CHIP_BANDWIDTH_TBS,
  CPL_CHIP_INTERCONNECT_GBS,
  CPL_CHIP_TDP_W,
  CPL_CHIP_DIE_AREA_MM2,
  CPL_CHIP_PRICE_USD,
  CPL_CHIP_UNIT_COST_USD,  /* the vendor's cost per unit (MODEL.md §5 step 3) */
  CPL_CHIP_PERFORMANCE,  /* + CplPrecision: dense TFLOPS or TOPS */
  CPL_CHIP_N_FIELDS = CPL_CHIP_PERFORMANCE + CPL_N_PRECISIONS
} CplChipField;

#define CPL_TYPE_CHIP (cpl_chip_get_type ())
G_DECLARE_FINAL_TYPE (CplChip, cpl_chip, CPL, CHIP, CplEntity)

CplChip            *cpl_chip_new                (const char   *id,
                                                 const char   *name,
                                                 const char   *vendor_id);
double              cpl_chip_get                (CplChip      *self,
                                                 CplChipField  field);
double              cpl_chip_get_performance    (CplChip      *self,
                                                 CplPrecision  precision);
const char         *cpl_chip_get_vendor_id      (CplChip      *self);
const char         *cpl_chip_get_released       (CplChip      *self);
gboolean            cpl_chip_get_released_date  (CplChip      *self,
                                                 GDate        *date);
gboolean            cpl_chip_released_by        (CplChip      *self,
                                                 const GDate  *date);
void                cpl_chip_set_released       (CplChip      *self,
                                                 const char   *released);
const char         *cpl_chip_get_process        (CplChip      *self);
void                cpl_chip_set_process        (CplChip      *self,
                                                 const char   *process);
int                 cpl_chip_get_datacenter     (CplChip      *self);
void                cpl_chip_set_datacenter     (CplChip      *self,
                                                 int           datacenter);
gboolean            cpl_chip_get_domestic       (CplChip      *self);
void                cpl_chip_set_domestic       (CplChip      *self,
                                                 gboolean      domestic);
const char * const *cpl_chip_get_sources        (CplChip      *self);
void                cpl_chip_add_source         (CplChip      *self,
                                                 const char   *url);

const char         *cpl_precision_get_key       (CplPrecision  precision);
int                 cpl_precision_get_bits      (CplPrecision  precision);

G_END_DECLS
