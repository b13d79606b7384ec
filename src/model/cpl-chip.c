/* cpl-chip.c: an accelerator and its published figures */
#define G_LOG_DOMAIN "cpl-chip"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "cpl-chip.h"
#include "cpl-json-private.h"

struct _CplChip
{
  CplEntity  parent_instance;
  char      *vendor_id;
  char      *released;
  char      *process;
  int        datacenter;  /* -1 unknown */
  gboolean   domestic;
  GPtrArray *sources;     /* NULL-terminated */
};

G_DEFINE_FINAL_TYPE (CplChip, cpl_chip, CPL_TYPE_ENTITY)

#define PERF(key) { key, "performance", CPL_FIELD_OPTIONAL, 0, INFINITY, 0 }

/* Order as CplChipField. */
static const CplField chip_fields[CPL_CHIP_N_FIELDS] = {
  { "memory_gb",        NULL, CPL_FIELD_OPTIONAL,                          0, INFINITY, 0 },
  { "bandwidth_tbs",    NULL, CPL_FIELD_OPTIONAL,                          0, INFINITY, 0 },
  { "interconnect_gbs", NULL, CPL_FIELD_OPTIONAL,                          0, INFINITY, 0 },
  { "tdp_w",            NULL, CPL_FIELD_OPTIONAL | CPL_FIELD_MIN_EXCLUSIVE, 0, INFINITY, 0 },
  { "die_area_mm2",     NULL, CPL_FIELD_OPTIONAL | CPL_FIELD_MIN_EXCLUSIVE, 0, INFINITY, 0 },
  { "price_usd",        NULL, CPL_FIELD_OPTIONAL,                          0, INFINITY, 0 },
  { "unit_cost_usd",    NULL, CPL_FIELD_OPTIONAL | CPL_FIELD_MIN_EXCLUSIVE, 0, INFINITY, 0 },
  PERF ("fp64"), PERF ("fp32"), PERF ("tf32"), PERF ("fp16"), PERF ("bf16"),
  PERF ("fp8"), PERF ("int8"), PERF ("fp4"), PERF ("int4"),
};

static const int precision_bits[CPL_N_PRECISIONS] = { 64, 32, 32, 16, 16, 8, 8, 4, 4 };

static const char * const chip_keys[] = {
  "vendor", "released", "process", "datacenter", "domestic", "sources", "notes", NULL
};

const char *
cpl_precision_get_key (CplPrecision precision)
{
  g_return_val_if_fail (precision < CPL_N_PRECISIONS, NULL);
  return chip_fields[CPL_CHIP_PERFORMANCE + precision].key;
}

int
cpl_precision_get_bits (CplPrecision precision)
{
  g_return_val_if_fail (precision < CPL_N_PRECISIONS, 0);
  return precision_bits[precision];
}

/* "2024", "2024-11" or "2024-11-14". */
static gboolean
cpl_date_is_valid (const char *s)
{
  int year, month = 1, day = 1;
  char tail;
  int n = sscanf (s, "%4d-%2d-%2d%c", &year, &month, &day, &tail);
  gsize len = strlen (s);

  if (!((n == 1 && len == 4) || (n == 2 && len == 7) || (n == 3 && len == 10)))
    return FALSE;
  return year >= 1900 && year <= 2200 && month >= 1 && month <= 12 &&
         g_date_valid_dmy (day, month, year);
}

static gboolean
cpl_chip_load (CplEntity   *entity,
               JsonObject  *object,
               gpointer     ctx,
               GError     **error)
{
  CplChip *self = CPL_CHIP (entity);
  const char *vendor, *released, *process;
  JsonArray *sources;
  int domestic;

  if (!cpl_json_get_string (ctx, object, "vendor", TRUE, &vendor, error) ||
      !cpl_json_get_string (ctx, object, "released", FALSE, &released, error) ||
      !cpl_json_get_string (ctx, object, "process", FALSE, &process, error) ||
      !cpl_json_get_boolean (ctx, object, "datacenter", &self->datacenter, error) ||
      !cpl_json_get_boolean (ctx, object, "domestic", &domestic, error))
    return FALSE;

  if (released != NULL && !cpl_date_is_valid (released))
    {
      g_autofree char *shown = cpl_message_escape (released, CPL_MESSAGE_MAX_CHARS);
      return cpl_load_fail_at (ctx, "released", error, CPL_DATASET_ERROR_INVALID,
                               /* Translators: %s is the date the file gives; YYYY-MM-DD are the
                                * forms of a date the file may use */
                               _("\"%s\" is not a date; expected YYYY, YYYY-MM or YYYY-MM-DD"), shown);
    }

  self->vendor_id = g_strdup (vendor);
  self->released = g_strdup (released);
  self->process = g_strdup (process);
  self->domestic = domestic == 1;

  sources = cpl_json_get_array (ctx, object, "sources", FALSE, error);
  if (sources == NULL && json_object_has_member (object, "sources"))
    return FALSE;
  for (guint i = 0; sources != NULL && i < json_array_get_length (sources); i++)
    {
      JsonNode *node = json_array_get_element (sources, i);

      if (!cpl_json_node_is_string (node))
        {
          g_autofree char *shown = cpl_json_describe (node);
          g_autofree char *key = g_strdup_printf ("sources[%u]", i);
          return cpl_load_fail_at (ctx, key, error, CPL_DATASET_ERROR_TYPE,
                                   /* Translators: %s describes the value found, "the number 1.5" */
                                   _("%s; expected a string (a URL)"), shown);
        }
      cpl_chip_add_source (self, json_node_get_string (node));
    }

  return cpl_entity_load_notes (entity, object, ctx, error);
}

static void
cpl_chip_save (CplEntity  *entity,
               JsonObject *object)
{
  CplChip *self = CPL_CHIP (entity);

  json_object_set_string_member (object, "vendor", self->vendor_id);
  if (self->released != NULL)
    json_object_set_string_member (object, "released", self->released);
  if (self->datacenter >= 0)
    json_object_set_boolean_member (object, "datacenter", self->datacenter);
  json_object_set_boolean_member (object, "domestic", self->domestic);
  if (self->process != NULL)
    json_object_set_string_member (object, "process", self->process);
  if (self->sources->len > 1)
    {
      JsonArray *array = json_array_new ();

      for (guint i = 0; i + 1 < self->sources->len; i++)
        json_array_add_string_element (array, g_ptr_array_index (self->sources, i));
      json_object_set_array_member (object, "sources", array);
    }
  cpl_entity_save_notes (entity, object);
}

static void
cpl_chip_finalize (GObject *object)
{
  CplChip *self = CPL_CHIP (object);

  g_free (self->vendor_id);
  g_free (self->released);
  g_free (self->process);
  g_ptr_array_unref (self->sources);
  G_OBJECT_CLASS (cpl_chip_parent_class)->finalize (object);
}

static void
cpl_chip_class_init (CplChipClass *klass)
{
  CplEntityClass *entity_class = CPL_ENTITY_CLASS (klass);

  G_OBJECT_CLASS (klass)->finalize = cpl_chip_finalize;
  cpl_entity_class_install_fields (entity_class, chip_fields, CPL_CHIP_N_FIELDS, chip_keys);
  entity_class->load = cpl_chip_load;
  entity_class->save = cpl_chip_save;
}

static void
cpl_chip_init (CplChip *self)
{
  self->datacenter = -1;
  self->sources = g_ptr_array_new_with_free_func (g_free);
  g_ptr_array_add (self->sources, NULL);
}

CplChip *
cpl_chip_new (const char *id,
              const char *name,
              const char *vendor_id)
{
  CplChip *self = g_object_new (CPL_TYPE_CHIP, "id", id, NULL);

  cpl_text_set_current (cpl_entity_get_name_text (CPL_ENTITY (self)), name);
  self->vendor_id = g_strdup (vendor_id);
  return self;
}

double
cpl_chip_get (CplChip      *self,
              CplChipField  field)
{
  return cpl_entity_get_number (CPL_ENTITY (self), field);
}

double
cpl_chip_get_performance (CplChip      *self,
                          CplPrecision  precision)
{
  return cpl_entity_get_number (CPL_ENTITY (self), CPL_CHIP_PERFORMANCE + precision);
}

const char *
cpl_chip_get_vendor_id (CplChip *self)
{
  g_return_val_if_fail (CPL_IS_CHIP (self), NULL);
  return self->vendor_id;
}

const char *
cpl_chip_get_released (CplChip *self)
{
  g_return_val_if_fail (CPL_IS_CHIP (self), NULL);
  return self->released;
}

/**
 * cpl_chip_get_released_date:
 * @date: (out): the first day the chip was on sale: the day its
 *   "released" names, or the first of its month ("2024-11") or year
 *   ("2024")
 *
 * Returns: %FALSE when the release is not known (@date untouched)
 */
gboolean
cpl_chip_get_released_date (CplChip *self,
                            GDate   *date)
{
  int year, month = 1, day = 1;

  g_return_val_if_fail (CPL_IS_CHIP (self), FALSE);
  if (self->released == NULL || !cpl_date_is_valid (self->released) ||
      sscanf (self->released, "%4d-%2d-%2d", &year, &month, &day) < 1)
    return FALSE;
  g_date_clear (date, 1);
  g_date_set_dmy (date, day, month, year);
  return TRUE;
}

/**
 * cpl_chip_released_by:
 * @date: a day
 *
 * Returns: whether the chip was on sale on @date: %TRUE from the first
 *   day cpl_chip_get_released_date() gives, and %TRUE when its release
 *   is not known (a chip without a date is not taken for a future one)
 */
gboolean
cpl_chip_released_by (CplChip     *self,
                      const GDate *date)
{
  GDate released;

  g_return_val_if_fail (CPL_IS_CHIP (self), TRUE);
  g_return_val_if_fail (date != NULL && g_date_valid (date), TRUE);
  return !cpl_chip_get_released_date (self, &released) || g_date_compare (date, &released) >= 0;
}

void
cpl_chip_set_released (CplChip    *self,
                       const char *released)
{
  g_return_if_fail (CPL_IS_CHIP (self));
  if (g_strcmp0 (self->released, released) == 0)
    return;
  cpl_entity_will_change (CPL_ENTITY (self));
  cpl_set_str (&self->released, released);
  cpl_entity_emit_changed (CPL_ENTITY (self));
}

const char *
cpl_chip_get_process (CplChip *self)
{
  g_return_val_if_fail (CPL_IS_CHIP (self), NULL);
  return self->process;
}

void
cpl_chip_set_process (CplChip    *self,
                      const char *process)
{
  g_return_if_fail (CPL_IS_CHIP (self));
  if (g_strcmp0 (self->process, process) == 0)
    return;
  cpl_entity_will_change (CPL_ENTITY (self));
  cpl_set_str (&self->process, process);
  cpl_entity_emit_changed (CPL_ENTITY (self));
}

/* Returns: 1 data-centre part, 0 not, -1 unknown. */
int
cpl_chip_get_datacenter (CplChip *self)
{
  g_return_val_if_fail (CPL_IS_CHIP (self), -1);
  return self->datacenter;
}

void
cpl_chip_set_datacenter (CplChip *self,
                         int      datacenter)
{
  g_return_if_fail (CPL_IS_CHIP (self));
  datacenter = datacenter < 0 ? -1 : datacenter > 0;
  if (self->datacenter == datacenter)
    return;
  cpl_entity_will_change (CPL_ENTITY (self));
  self->datacenter = datacenter;
  cpl_entity_emit_changed (CPL_ENTITY (self));
}

gboolean
cpl_chip_get_domestic (CplChip *self)
{
  g_return_val_if_fail (CPL_IS_CHIP (self), FALSE);
  return self->domestic;
}

void
cpl_chip_set_domestic (CplChip  *self,
                       gboolean  domestic)
{
  g_return_if_fail (CPL_IS_CHIP (self));
  if (self->domestic == !!domestic)
    return;
  cpl_entity_will_change (CPL_ENTITY (self));
  self->domestic = !!domestic;
  cpl_entity_emit_changed (CPL_ENTITY (self));
}

const char * const *
cpl_chip_get_sources (CplChip *self)
{
  g_return_val_if_fail (CPL_IS_CHIP (self), NULL);
  return (const char * const *) self->sources->pdata;
}

void
cpl_chip_add_source (CplChip    *self,
                     const char *url)
{
  g_return_if_fail (CPL_IS_CHIP (self));
  cpl_entity_will_change (CPL_ENTITY (self));
  g_ptr_array_insert (self->sources, self->sources->len - 1, g_strdup (url));
  cpl_entity_emit_changed (CPL_ENTITY (self));
}

