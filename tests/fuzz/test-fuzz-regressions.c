/* test-fuzz-regressions.c: every fuzz corpus and regression file through
 * the harnesses' own entry points
 *
 * tests/fuzz/corpus/{dataset,csv,scenario,json-read}/ go to the harness
 * of their folder; tests/fuzz/regressions/ files to the harness their
 * name starts with (dataset-, csv-, scenario-, json-read-).  The harnesses assert that a file
 * either loads or is refused with a CplDatasetError, and that every
 * projection is finite; here each file must get through without a crash
 * or an assertion.
 */
#include "config.h"

#include <glib.h>
#include <stdint.h>
#include <string.h>

#define LLVMFuzzerTestOneInput fuzz_dataset_one
#include "fuzz-dataset.c"
#undef LLVMFuzzerTestOneInput
#define LLVMFuzzerTestOneInput fuzz_csv_one
#include "fuzz-csv.c"
#undef LLVMFuzzerTestOneInput
#define LLVMFuzzerTestOneInput fuzz_scenario_one
#include "fuzz-scenario.c"
#undef LLVMFuzzerTestOneInput
#define LLVMFuzzerTestOneInput fuzz_json_read_one
#include "fuzz-json-read.c"
#undef LLVMFuzzerTestOneInput

typedef int (*Harness) (const uint8_t *data, size_t size);

static Harness
harness_for (const char *kind)
{
  if (g_str_has_prefix (kind, "dataset"))
    return fuzz_dataset_one;
  if (g_str_has_prefix (kind, "csv"))
    return fuzz_csv_one;
  if (g_str_has_prefix (kind, "scenario"))
    return fuzz_scenario_one;
  if (g_str_has_prefix (kind, "json-read"))
    return fuzz_json_read_one;
  return NULL;
}

static void
run_file (gconstpointer data)
{
  const char *path = data;
  g_autofree char *base = g_path_get_basename (path);
  g_autofree char *parent = g_path_get_dirname (path);
  g_autofree char *folder = g_path_get_basename (parent);
  Harness harness = harness_for (g_str_equal (folder, "regressions") ? base : folder);
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  gsize length;

  g_assert_nonnull (harness);
  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  g_assert_cmpint (harness ((const uint8_t *) contents, length), ==, 0);
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(char * const *) a, *(char * const *) b);
}

static void
add_folder (const char *dir,
            const char *label)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDir) d = g_dir_open (dir, 0, &error);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  g_assert_no_error (error);
  while ((name = g_dir_read_name (d)) != NULL)
    if (name[0] != '.')
      g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_names);
  for (guint i = 0; i < names->len; i++)
    {
      const char *file = g_ptr_array_index (names, i);
      g_autofree char *test = g_strdup_printf ("/fuzz/%s/%s", label, file);

      /* the path lives as long as the program */
      g_test_add_data_func (test, g_build_filename (dir, file, NULL), run_file);
    }
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  for (guint i = 0; i < 4; i++)
    {
      const char *kind = (const char *[]) { "dataset", "csv", "scenario", "json-read" }[i];
      g_autofree char *dir = g_test_build_filename (G_TEST_DIST, "corpus", kind, NULL);
      g_autofree char *label = g_strconcat ("corpus/", kind, NULL);

      add_folder (dir, label);
    }
  {
    g_autofree char *dir = g_test_build_filename (G_TEST_DIST, "regressions", NULL);
    add_folder (dir, "regressions");
  }
  return g_test_run ();
}
