/* fuzz-dataset.c: libFuzzer harness for the dataset reader
 *
 * The input is a file loaded alone (JSON, or an Epoch CSV when it starts
 * with "Hardware name"); when it loads, it is written back and its report
 * computed.  test-fuzz-regressions.c runs the same function on every file
 * of the corpus and regressions/.
 */
#include "config.h"

#include <glib.h>
#include <stdint.h>

#include "cpl-model.h"

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(CplDataset) dataset = cpl_dataset_new ();
  g_autoptr(GBytes) bytes = g_bytes_new (data, size);
  g_autoptr(GError) error = NULL;

  if (cpl_dataset_load_bytes (dataset, bytes, "fuzz.json", CPL_LOAD_ALONE, &error))
    {
      g_autofree char *text = NULL;
      g_autofree char *report = NULL;
      g_autoptr(GError) report_error = NULL;
      gsize length;

      g_assert_null (error);
      text = cpl_dataset_to_data (dataset, &length);
      g_assert_nonnull (text);
      report = cpl_report_to_json (dataset, NULL, 100, &report_error);
      g_assert_true ((report != NULL) != (report_error != NULL));
    }
  else
    {
      /* a refusal always says why */
      g_assert_nonnull (error);
      g_assert_true (error->domain == CPL_DATASET_ERROR);
      g_assert_nonnull (error->message);
    }
  return 0;
}
