/* cpl-vendor.h: a chip vendor */
#pragma once

#include "cpl-entity.h"

G_BEGIN_DECLS

#define CPL_TYPE_VENDOR (cpl_vendor_get_type ())
G_DECLARE_FINAL_TYPE (CplVendor, cpl_vendor, CPL, VENDOR, CplEntity)

CplVendor  *cpl_vendor_new         (const char *id,
                                    const char *name,
                                    const char *country);
const char *cpl_vendor_get_country (CplVendor  *self);

G_END_DECLS
