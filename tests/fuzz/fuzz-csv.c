/* fuzz-csv.c: libFuzzer harness for the Epoch AI CSV import */
#include "config.h"

#include <glib.h>
#include <stdint.h>
#include <string.h>

#include "cpl-model.h"
#include "cpl-epoch.h"

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GPtrArray) vendors = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) chips = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) error = NULL;
  /* the loader hands cpl_epoch_import UTF-8 text only */
  g_autofree char *text = g_utf8_make_valid ((const char *) data, size);

  if (cpl_epoch_import (text, strlen (text), "fuzz.csv", vendors, chips, &error))
    {
      g_assert_null (error);
      for (guint i = 0; i < chips->len; i++)
        g_assert_nonnull (cpl_entity_get_id (g_ptr_array_index (chips, i)));
    }
  else
    g_assert_true (error != NULL && error->domain == CPL_DATASET_ERROR);
  return 0;
}
