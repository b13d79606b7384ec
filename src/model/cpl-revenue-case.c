/* cpl-revenue-case.c: one sale line under a revenue share */
#define G_LOG_DOMAIN "cpl-revenue-case"

#include "config.h"

#include <math.h>

#include "cpl-json-private.h"
#include "cpl-revenue-case.h"

struct _CplRevenueCase
{
  CplEntity  parent_instance;
  char      *vendor_id;
  char      *chip_id;
};

G_DEFINE_FINAL_TYPE (CplRevenueCase, cpl_revenue_case, CPL_TYPE_ENTITY)

static const CplField revenue_case_fields[CPL_REVENUE_CASE_N_FIELDS] = {
  { "units",                 NULL, CPL_FIELD_REQUIRED, 0, INFINITY, 0 },
  { "price_usd",             NULL, CPL_FIELD_REQUIRED, 0, INFINITY, 0 },
  { "unit_cost_usd",         NULL, CPL_FIELD_OPTIONAL, 0, INFINITY, 0 },
  { "revenue_share",         NULL, CPL_FIELD_REQUIRED, 0, 1, 0 },
  { "price_pass_through",    NULL, 0, 0, 1, 0 },
  { "license_approval_rate", NULL, 0, 0, 1, 1 },
  { "compare_share",         NULL, CPL_FIELD_OPTIONAL, 0, 1, 0 },
};

static const char * const revenue_case_keys[] = { "vendor", "chip", "notes", NULL };

static gboolean
cpl_revenue_case_load (CplEntity   *entity,
                       JsonObject  *object,
                       gpointer     ctx,
                       GError     **error)
{
  CplRevenueCase *self = CPL_REVENUE_CASE (entity);
  const char *vendor, *chip;

  if (!cpl_json_get_string (ctx, object, "vendor", FALSE, &vendor, error) ||
      !cpl_json_get_string (ctx, object, "chip", FALSE, &chip, error))
    return FALSE;
  self->vendor_id = g_strdup (vendor);
  self->chip_id = g_strdup (chip);
  return cpl_entity_load_notes (entity, object, ctx, error);
}

static void
cpl_revenue_case_save (CplEntity  *entity,
                       JsonObject *object)
{
  CplRevenueCase *self = CPL_REVENUE_CASE (entity);

  if (self->vendor_id != NULL)
    json_object_set_string_member (object, "vendor", self->vendor_id);
  if (self->chip_id != NULL)
    json_object_set_string_member (object, "chip", self->chip_id);
  cpl_entity_save_notes (entity, object);
}

static void
cpl_revenue_case_finalize (GObject *object)
{
  CplRevenueCase *self = CPL_REVENUE_CASE (object);

  g_free (self->vendor_id);
  g_free (self->chip_id);
  G_OBJECT_CLASS (cpl_revenue_case_parent_class)->finalize (object);
}

/* π·s < 1 for the share and the comparison share (MODEL.md §3). */
static gboolean
cpl_revenue_case_check_number (CplEntity  *entity,
                               guint       index,
                               double      value,
                               char      **problem)
{
  CplRevenueCase *self = CPL_REVENUE_CASE (entity);
  double shares[] = { cpl_revenue_case_get (self, CPL_REVENUE_CASE_REVENUE_SHARE),
                      cpl_revenue_case_get (self, CPL_REVENUE_CASE_COMPARE_SHARE) };

  if (index == CPL_REVENUE_CASE_PRICE_PASS_THROUGH)
    return cpl_check_pass_through (value, shares, G_N_ELEMENTS (shares), TRUE, problem);
  if (index == CPL_REVENUE_CASE_REVENUE_SHARE || index == CPL_REVENUE_CASE_COMPARE_SHARE)
    return cpl_check_pass_through (cpl_revenue_case_get (self, CPL_REVENUE_CASE_PRICE_PASS_THROUGH),
                                   &value, 1, FALSE, problem);
  return TRUE;
}

static void
cpl_revenue_case_class_init (CplRevenueCaseClass *klass)
{
  CplEntityClass *entity_class = CPL_ENTITY_CLASS (klass);

  G_OBJECT_CLASS (klass)->finalize = cpl_revenue_case_finalize;
  cpl_entity_class_install_fields (entity_class, revenue_case_fields,
                                   CPL_REVENUE_CASE_N_FIELDS, revenue_case_keys);
  entity_class->load = cpl_revenue_case_load;
  entity_class->save = cpl_revenue_case_save;
  entity_class->check_number = cpl_revenue_case_check_number;
}

static void
cpl_revenue_case_init (CplRevenueCase *self)
{
}

/* A new case: no units, no price, no share; every default of §5. */
CplRevenueCase *
cpl_revenue_case_new (const char *id,
                      const char *name)
{
  CplRevenueCase *self = g_object_new (CPL_TYPE_REVENUE_CASE, "id", id, NULL);

  cpl_text_set_current (cpl_entity_get_name_text (CPL_ENTITY (self)), name);
  cpl_entity_set_number (CPL_ENTITY (self), CPL_REVENUE_CASE_UNITS, 0, NULL);
  cpl_entity_set_number (CPL_ENTITY (self), CPL_REVENUE_CASE_PRICE_USD, 0, NULL);
  cpl_entity_set_number (CPL_ENTITY (self), CPL_REVENUE_CASE_REVENUE_SHARE, 0, NULL);
  return self;
}

double
cpl_revenue_case_get (CplRevenueCase      *self,
                      CplRevenueCaseField  field)
{
  return cpl_entity_get_number (CPL_ENTITY (self), field);
}

const char *
cpl_revenue_case_get_vendor_id (CplRevenueCase *self)
{
  g_return_val_if_fail (CPL_IS_REVENUE_CASE (self), NULL);
  return self->vendor_id;
}

void
cpl_revenue_case_set_vendor_id (CplRevenueCase *self,
                                const char     *vendor_id)
{
  g_return_if_fail (CPL_IS_REVENUE_CASE (self));
  if (g_strcmp0 (self->vendor_id, vendor_id) == 0)
    return;
  cpl_entity_will_change (CPL_ENTITY (self));
  cpl_set_str (&self->vendor_id, vendor_id);
  cpl_entity_emit_changed (CPL_ENTITY (self));
}

const char *
cpl_revenue_case_get_chip_id (CplRevenueCase *self)
{
  g_return_val_if_fail (CPL_IS_REVENUE_CASE (self), NULL);
  return self->chip_id;
}

void
cpl_revenue_case_set_chip_id (CplRevenueCase *self,
                              const char     *chip_id)
{
  g_return_if_fail (CPL_IS_REVENUE_CASE (self));
  if (g_strcmp0 (self->chip_id, chip_id) == 0)
    return;
  cpl_entity_will_change (CPL_ENTITY (self));
  cpl_set_str (&self->chip_id, chip_id);
  cpl_entity_emit_changed (CPL_ENTITY (self));
}

