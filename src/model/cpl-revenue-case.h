/* cpl-revenue-case.h: one sale line under a revenue share (MODEL.md §3) */
#pragma once

#include "cpl-entity.h"

G_BEGIN_DECLS

typedef enum {
  CPL_REVENUE_CASE_UNITS,
  CPL_REVENUE_CASE_PRICE_USD,
  CPL_REVENUE_CASE_UNIT_COST_USD,          /* optional */
  CPL_REVENUE_CASE_REVENUE_SHARE,
  CPL_REVENUE_CASE_PRICE_PASS_THROUGH,
  CPL_REVENUE_CASE_LICENSE_APPROVAL_RATE,
  CPL_REVENUE_CASE_COMPARE_SHARE,          /* optional */
  CPL_REVENUE_CASE_N_FIELDS
} CplRevenueCaseField;

#define CPL_TYPE_REVENUE_CASE (cpl_revenue_case_get_type ())
G_DECLARE_FINAL_TYPE (CplRevenueCase, cpl_revenue_case, CPL, REVENUE_CASE, CplEntity)

CplRevenueCase *cpl_revenue_case_new   (const char          *id,
                                         const char          *name);
double      cpl_revenue_case_get           (CplRevenueCase      *self,
                                            CplRevenueCaseField  field);
const char *cpl_revenue_case_get_vendor_id (CplRevenueCase      *self);
void        cpl_revenue_case_set_vendor_id (CplRevenueCase      *self,
                                            const char          *vendor_id);
const char *cpl_revenue_case_get_chip_id   (CplRevenueCase      *self);
void        cpl_revenue_case_set_chip_id   (CplRevenueCase      *self,
                                            const char          *chip_id);

G_END_DECLS
