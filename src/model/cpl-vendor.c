/* cpl-vendor.c: a chip vendor */
#define G_LOG_DOMAIN "cpl-vendor"

#include "config.h"

#include "cpl-json-private.h"
#include "cpl-vendor.h"

struct _CplVendor
{
  CplEntity parent_instance;
  char     *country;
};

G_DEFINE_FINAL_TYPE (CplVendor, cpl_vendor, CPL_TYPE_ENTITY)

static const char * const vendor_keys[] = { "country", NULL };

static gboolean
cpl_vendor_load (CplEntity   *entity,
                 JsonObject  *object,
                 gpointer     ctx,
                 GError     **error)
{
  CplVendor *self = CPL_VENDOR (entity);
  const char *country;

  if (!cpl_json_get_string (ctx, object, "country", FALSE, &country, error))
    return FALSE;
  self->country = g_strdup (country);
  return TRUE;
}

static void
cpl_vendor_save (CplEntity  *entity,
                 JsonObject *object)
{
  CplVendor *self = CPL_VENDOR (entity);

  if (self->country != NULL)
    json_object_set_string_member (object, "country", self->country);
}

static void
cpl_vendor_finalize (GObject *object)
{
  g_free (CPL_VENDOR (object)->country);
  G_OBJECT_CLASS (cpl_vendor_parent_class)->finalize (object);
}

static void
cpl_vendor_class_init (CplVendorClass *klass)
{
  CplEntityClass *entity_class = CPL_ENTITY_CLASS (klass);

  G_OBJECT_CLASS (klass)->finalize = cpl_vendor_finalize;
  cpl_entity_class_install_fields (entity_class, NULL, 0, vendor_keys);
  entity_class->load = cpl_vendor_load;
  entity_class->save = cpl_vendor_save;
}

static void
cpl_vendor_init (CplVendor *self)
{
}

CplVendor *
cpl_vendor_new (const char *id,
                const char *name,
                const char *country)
{
  CplVendor *self = g_object_new (CPL_TYPE_VENDOR, "id", id, NULL);

  cpl_text_set_current (cpl_entity_get_name_text (CPL_ENTITY (self)), name);
  self->country = g_strdup (country);
  return self;
}

const char *
cpl_vendor_get_country (CplVendor *self)
{
  g_return_val_if_fail (CPL_IS_VENDOR (self), NULL);
  return self->country;
}
