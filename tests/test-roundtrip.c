/* test-roundtrip.c: load, save, load gives the same data; unknown keys are
 * kept; saves keep a backup */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "cpl-dataset-private.h"
#include "cpl-json-private.h"
#include "cpl-test-util.h"

static char *
temp_dir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("cpl-roundtrip-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

static void
remove_tree (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_unlink (path);
    }
  g_rmdir (dir);
}

static void
assert_round_trip (CplDataset *first,
                   const char *dir)
{
  g_autofree char *path = g_build_filename (dir, "saved.json", NULL);
  g_autoptr(CplDataset) second = cpl_dataset_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;

  g_assert_true (cpl_dataset_save_file (first, path, &error));
  g_assert_no_error (error);
  g_assert_true (cpl_dataset_load_file (second, path, CPL_LOAD_ALONE, &error));
  g_assert_no_error (error);

  a = cpl_test_serialize (first);
  b = cpl_test_serialize (second);
  g_assert_cmpstr (a, ==, b);
}

static void
test_builtin (void)
{
  g_autofree char *dir = temp_dir ();
  g_autoptr(GError) error = NULL;
  g_autoptr(CplDataset) dataset = cpl_dataset_new_builtin (&error);

  g_assert_no_error (error);
  assert_round_trip (dataset, dir);
  remove_tree (dir);
}

/* What an entry keeps of a file as read (a member the model does not
 * know, a scenario's ranges) is sealed: the loader's trees are mutable,
 * and json-glib's copy of an object or array shares it, so an unsealed
 * one could be changed through the file's tree or another holder. */
static void
test_kept_sealed (void)
{
  g_autoptr(CplDataset) dataset = cpl_test_load_fixture ("unknown-keys.json", CPL_LOAD_OVER_BUILTIN);
  CplChip *h20 = cpl_dataset_lookup_chip (dataset, "nvidia-h20");
  CplEntity *ban = cpl_dataset_lookup (dataset, CPL_TYPE_SCENARIO, "full-ban-2025");
  g_autoptr(JsonObject) chip = cpl_entity_to_json (CPL_ENTITY (h20));
  g_autoptr(JsonObject) scenario = cpl_entity_to_json (ban);

  /* unknown-keys.json gives the H20 "x-tags": [ "china", "2024" ] and the
   * file "x-analyst": { … }; the built-in full ban has its ranges */
  g_assert_true (json_node_is_immutable (json_object_get_member (chip, "x-tags")));
  g_assert_true (json_array_is_immutable (json_object_get_array_member (chip, "x-tags")));
  g_assert_true (json_node_is_immutable (cpl_dataset_get_extra_member (dataset, "x-analyst")));
  g_assert_true (json_object_is_immutable (json_object_get_object_member (scenario, "ranges")));
}

/* What an entry keeps shares nothing with the file's tree, which a large
 * file's load frees in another thread (#16): new objects, arrays and
 * strings all the way down, with the same contents, that read the same
 * once the tree is gone (the sanitizer build catches a read of it). */
static void
test_kept_apart (void)
{
  JsonParser *parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) kept = NULL;
  JsonNode *read;
  JsonArray *tags;

  json_parser_load_from_data (parser, "{ \"x\": { \"tags\": [ \"china\", 2024, 1.5, true, null ] } }", -1, &error);
  g_assert_no_error (error);
  read = json_object_get_member (json_node_get_object (json_parser_get_root (parser)), "x");
  kept = cpl_json_keep (read);
  g_assert_true (json_node_is_immutable (kept));
  g_assert_true (json_node_equal (kept, read));
  g_assert_true (json_node_get_object (kept) != json_node_get_object (read));
  tags = json_object_get_array_member (json_node_get_object (kept), "tags");
  g_assert_true (tags != json_object_get_array_member (json_node_get_object (read), "tags"));
  g_assert_true (json_array_get_string_element (tags, 0) !=
                 json_array_get_string_element (json_object_get_array_member (json_node_get_object (read), "tags"), 0));

  g_object_unref (parser);
  g_assert_cmpuint (json_array_get_length (tags), ==, 5);
  g_assert_cmpstr (json_array_get_string_element (tags, 0), ==, "china");
  g_assert_cmpint (json_node_get_value_type (json_array_get_element (tags, 1)), ==, G_TYPE_INT64);
  g_assert_cmpint (json_array_get_int_element (tags, 1), ==, 2024);
  g_assert_cmpint (json_node_get_value_type (json_array_get_element (tags, 2)), ==, G_TYPE_DOUBLE);
  g_assert_cmpfloat (json_array_get_double_element (tags, 2), ==, 1.5);
  g_assert_true (json_array_get_boolean_element (tags, 3));
  g_assert_true (json_array_get_null_element (tags, 4));
}

static void
test_unknown_keys (void)
{
  g_autofree char *dir = temp_dir ();
  g_autoptr(CplDataset) dataset = cpl_test_load_fixture ("unknown-keys.json", CPL_LOAD_OVER_BUILTIN);
  g_autofree char *text = cpl_test_serialize (dataset);
  g_autoptr(JsonNode) root = json_from_string (text, NULL);
  JsonObject *object = json_node_get_object (root);
  JsonArray *chips = json_object_get_array_member (object, "chips");
  CplChip *h20 = cpl_dataset_lookup_chip (dataset, "nvidia-h20");
  gboolean found = FALSE;

  /* the overlay replaced the built-in H20 (price 12,500 instead of 12,000)
   * and added a chip and a scenario beside the built-in ones */
  g_assert_cmpfloat (cpl_chip_get (h20, CPL_CHIP_PRICE_USD), ==, 12500);
  g_assert_nonnull (cpl_dataset_lookup_chip (dataset, "my-chip"));
  g_assert_nonnull (cpl_dataset_lookup_chip (dataset, "nvidia-h200"));
  g_assert_nonnull (cpl_dataset_lookup (dataset, CPL_TYPE_SCENARIO, "mine"));
  g_assert_nonnull (cpl_dataset_lookup (dataset, CPL_TYPE_SCENARIO, "full-ban-2025"));

  /* unknown keys are written back where they were */
  g_assert_true (json_object_has_member (object, "x-analyst"));
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (object, "x-analyst"), "team"),
                   ==, "Shanghai desk");
  for (guint i = 0; i < json_array_get_length (chips); i++)
    {
      JsonObject *chip = json_array_get_object_element (chips, i);

      if (g_str_equal (json_object_get_string_member (chip, "id"), "nvidia-h20"))
        {
          found = TRUE;
          g_assert_cmpstr (json_object_get_string_member (chip, "x-internal-code"), ==, "H20-A");
          g_assert_cmpuint (json_array_get_length (json_object_get_array_member (chip, "x-tags")), ==, 2);
          /* a localized name stays localized */
          g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (chip, "name"), "zh_CN"),
                           ==, "H20（覆盖）");
        }
    }
  g_assert_true (found);
  g_assert_nonnull (strstr (text, "\"x-comment\": \"kept on round trip\""));

  assert_round_trip (dataset, dir);
  remove_tree (dir);
}

static void
test_backup (void)
{
  g_autofree char *dir = temp_dir ();
  g_autofree char *path = g_build_filename (dir, "data.json", NULL);
  g_autofree char *backup = cpl_dataset_backup_path (path);
  g_autoptr(CplDataset) dataset = cpl_test_load_fixture ("two-chips.json", CPL_LOAD_ALONE);
  CplEntity *scenario = cpl_dataset_lookup (dataset, CPL_TYPE_SCENARIO, "two-years");
  g_autofree char *first = NULL;
  g_autofree char *on_disk = NULL;
  g_autofree char *kept = NULL;
  g_autoptr(GError) error = NULL;

  /* first save: no earlier file, so no backup */
  g_assert_true (cpl_dataset_save_file (dataset, path, &error));
  g_assert_false (g_file_test (backup, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_get_contents (path, &first, NULL, NULL));

  /* edit and save again: the first version becomes the backup */
  g_assert_true (cpl_entity_set_number (scenario, CPL_SCENARIO_REVENUE_SHARE, 0.35, NULL));
  g_assert_true (cpl_dataset_save_file (dataset, path, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (backup, &kept, NULL, NULL));
  g_assert_true (g_file_get_contents (path, &on_disk, NULL, NULL));
  g_assert_cmpstr (kept, ==, first);
  g_assert_nonnull (strstr (on_disk, "\"revenue_share\": 0.35"));
  g_assert_null (strstr (kept, "0.35"));

  /* saving into a folder that does not exist fails with a message */
  {
    g_autofree char *bad = g_build_filename (dir, "no-such-dir", "x.json", NULL);
    g_autoptr(GError) save_error = NULL;

    g_assert_false (cpl_dataset_save_file (dataset, bad, &save_error));
    /* ENOENT: G_IO_ERROR_NOT_FOUND, and the message names the file */
    g_assert_error (save_error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
    g_assert_nonnull (strstr (save_error->message, "x.json"));
  }
  remove_tree (dir);
}

/* Saving never changes a number: 1/3 needs 16 significant digits and
 * 0.1 + 0.2 (0.30000000000000004) 17 to read back exactly; a file that
 * rounded to 15 would bring back 0.333333333333333 and 0.3. */
static void
test_exact_numbers (void)
{
  g_autofree char *dir = temp_dir ();
  g_autofree char *path = g_build_filename (dir, "exact.json", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(CplDataset) first = cpl_dataset_new_builtin (&error);
  g_autoptr(CplDataset) second = cpl_dataset_new ();
  volatile double one = 1, three = 3, tenth = 0.1, fifth = 0.2;
  double third = one / three, sum = tenth + fifth;
  CplEntity *chip = CPL_ENTITY (cpl_dataset_lookup_chip (first, "nvidia-h200"));
  CplEntity *scenario = cpl_dataset_lookup (first, CPL_TYPE_SCENARIO, "h200-share-25");

  g_assert_no_error (error);
  g_assert_true (sum != 0.3);
  g_assert_true (cpl_entity_set_number (chip, CPL_CHIP_PRICE_USD, third * 30000, NULL));
  g_assert_true (cpl_entity_set_number (scenario, CPL_SCENARIO_DEMAND_GROWTH, sum, NULL));
  g_assert_true (cpl_dataset_save_file (first, path, &error));
  g_assert_no_error (error);
  g_assert_true (cpl_dataset_load_file (second, path, CPL_LOAD_ALONE, &error));
  g_assert_no_error (error);

  chip = CPL_ENTITY (cpl_dataset_lookup_chip (second, "nvidia-h200"));
  scenario = cpl_dataset_lookup (second, CPL_TYPE_SCENARIO, "h200-share-25");
  g_assert_true (cpl_entity_get_number (chip, CPL_CHIP_PRICE_USD) == third * 30000);
  g_assert_true (cpl_entity_get_number (scenario, CPL_SCENARIO_DEMAND_GROWTH) == sum);
  remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/roundtrip/builtin", test_builtin);
  g_test_add_func ("/roundtrip/exact-numbers", test_exact_numbers);
  g_test_add_func ("/roundtrip/unknown-keys", test_unknown_keys);
  g_test_add_func ("/roundtrip/kept-sealed", test_kept_sealed);
  g_test_add_func ("/roundtrip/kept-apart", test_kept_apart);
  g_test_add_func ("/roundtrip/backup", test_backup);
  return g_test_run ();
}
