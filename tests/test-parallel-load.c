/* test-parallel-load.c: a window's load (CplLoadMonitor's parallel) reads
 * a large file's lists with several threads (#16), with the same result
 * as the command line's one json-glib parse of the whole text, and the
 * same message when the file is wrong.
 *
 * The generated file has one line per chip, so a chip's line is known:
 *   line 1  {
 *   line 2  "format": "chip-policy-lab",
 *   line 3  "version": 1,
 *   line 4  "vendors": [ va (US), vd (CN) ],
 *   line 5  "chips": [
 *   line 6 + i   chip c-i, for i = 0 … N_CHIPS − 1
 *   then    ]  }
 * Chip c-i: tdp_w 300 + i mod 400, price_usd 1000 + i, bf16 100 + i mod
 * 900, a member the model does not know ("x-note": "n<i>"), and a name
 * in English and Chinese when i is a multiple of 7, else a plain one.
 * Each line is about 190 bytes: 4,000 chips make some 760 KB of list,
 * above the 512 KiB from which a load reads in parallel, in segments of
 * 128 KiB or more (about six).
 */
#include "config.h"

#include "cpl-dataset-private.h"
#include "cpl-test-util.h"

#define N_CHIPS 4000

typedef enum {
  FILE_GOOD,
  FILE_BAD_PRICE,       /* c-3500's price is "cheap" */
  FILE_DUPLICATE_ID,    /* c-3900 is called c-10 */
  FILE_MISSING_COMMA,   /* c-2500's line lacks the comma after its vendor */
  FILE_BRACE_CLOSES,    /* the chips list ends with '}', not ']' */
  FILE_TRUNCATED,       /* the text ends after c-3000's line */
  FILE_EMPTY_COMMA,     /* the vendors are "[ , ]": a comma, no element */
  FILE_COMMENT,         /* c-2000's line starts with a comment, which json-glib reads */
} FileKind;

static char *
write_file (FileKind kind)
{
  g_autoptr(GString) text = g_string_new ("{\n  \"format\": \"chip-policy-lab\",\n  \"version\": 1,\n");
  g_autofree char *dir = g_dir_make_tmp ("cpl-parallel-XXXXXX", NULL);
  char *path = g_build_filename (dir, "large.json", NULL);

  if (kind == FILE_EMPTY_COMMA)
    g_string_append (text, "  \"vendors\": [ , ],\n");
  else
    g_string_append (text, "  \"vendors\": [ { \"id\": \"va\", \"name\": \"Vendor A\", \"country\": \"US\" }, "
                           "{ \"id\": \"vd\", \"name\": \"Domestic\", \"country\": \"CN\" } ],\n");
  g_string_append (text, "  \"chips\": [\n");
  for (guint i = 0; i < N_CHIPS; i++)
    {
      g_autofree char *name = NULL;
      g_autofree char *price = g_strdup_printf ("%u", 1000 + i);

      if (i % 7 == 0)
        name = g_strdup_printf ("{ \"en\": \"Chip %u\", \"zh_CN\": \"芯片 %u\" }", i, i);
      else
        name = g_strdup_printf ("\"Chip %u\"", i);
      if (kind == FILE_BAD_PRICE && i == 3500)
        {
          g_free (price);
          price = g_strdup ("\"cheap\"");
        }
      g_string_append_printf (text,
                              "    { %s\"id\": \"c-%u\", \"name\": %s, \"vendor\": \"va\"%s \"domestic\": false, "
                              "\"datacenter\": true, \"tdp_w\": %u, \"price_usd\": %s, "
                              "\"performance\": { \"bf16\": %u }, \"x-note\": \"n%u\" }%s\n",
                              kind == FILE_COMMENT && i == 2000 ? "/* checked */ " : "",
                              kind == FILE_DUPLICATE_ID && i == 3900 ? 10 : i, name,
                              kind == FILE_MISSING_COMMA && i == 2500 ? "" : ",",
                              300 + i % 400, price, 100 + i % 900, i, i + 1 < N_CHIPS ? "," : "");
      if (kind == FILE_TRUNCATED && i == 3000)
        break;
    }
  if (kind != FILE_TRUNCATED)
    g_string_append (text, kind == FILE_BRACE_CLOSES ? "  }\n}\n" : "  ]\n}\n");
  g_assert_true (g_file_set_contents (path, text->str, text->len, NULL));
  return path;
}

static void
remove_file (const char *path)
{
  g_autofree char *dir = g_path_get_dirname (path);

  g_assert_cmpint (g_unlink (path), ==, 0);
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

/* Loads @path alone, as a window does (in parallel) or as the command
 * line does; the message when it fails. */
static char *
load (CplDataset *dataset,
      const char *path,
      gboolean    parallel)
{
  g_autoptr(GError) error = NULL;
  CplLoadMonitor monitor = { NULL, 0, parallel };
  guint before = cpl_dataset_get_parallel_loads ();
  gboolean loaded;

  if (parallel)
    loaded = cpl_dataset_load_file_monitored (dataset, path, CPL_LOAD_ALONE, &monitor, &error);
  else
    loaded = cpl_dataset_load_file (dataset, path, CPL_LOAD_ALONE, &error);
  /* read in parallel exactly when allowed and the file is good */
  g_assert_cmpuint (cpl_dataset_get_parallel_loads (), ==, before + (parallel && loaded ? 1 : 0));
  if (loaded)
    {
      g_assert_no_error (error);
      return NULL;
    }
  g_assert_nonnull (error);
  return g_strdup (error->message);
}

static CplEntity *
chip_at (CplDataset *dataset,
         guint       position)
{
  g_autoptr(CplEntity) chip = g_list_model_get_item (cpl_dataset_get_chips (dataset), position);

  return chip;  /* the list keeps it */
}

static void
test_same_as_whole (void)
{
  g_autofree char *path = write_file (FILE_GOOD);
  g_autoptr(CplDataset) parallel = cpl_dataset_new ();
  g_autoptr(CplDataset) whole = cpl_dataset_new ();
  g_autofree char *origin = g_strdup_printf ("%s: chips[1234]", path);
  g_autofree char *parallel_data = NULL;
  g_autofree char *whole_data = NULL;
  g_autoptr(JsonNode) saved = NULL;
  JsonObject *saved_chip;
  CplEntity *chip;

  g_assert_null (load (parallel, path, TRUE));
  g_assert_null (load (whole, path, FALSE));

  /* every chip, in the file's order, across the segments' seams */
  g_assert_cmpuint (g_list_model_get_n_items (cpl_dataset_get_chips (parallel)), ==, N_CHIPS);
  for (guint i = 0; i < N_CHIPS; i += 499)
    {
      g_autofree char *id = g_strdup_printf ("c-%u", i);

      g_assert_cmpstr (cpl_entity_get_id (chip_at (parallel, i)), ==, id);
    }
  /* c-1234: tdp 300 + 1234 mod 400 = 300 + 34 = 334 W, price
   * 1000 + 1234 = 2234 USD, bf16 100 + 1234 mod 900 = 100 + 334 = 434 */
  chip = chip_at (parallel, 1234);
  g_assert_cmpfloat (cpl_entity_get_number (chip, CPL_CHIP_TDP_W), ==, 334);
  g_assert_cmpfloat (cpl_entity_get_number (chip, CPL_CHIP_PRICE_USD), ==, 2234);
  g_assert_cmpfloat (cpl_chip_get_performance (CPL_CHIP (chip), CPL_PRECISION_BF16), ==, 434);
  g_assert_cmpstr (cpl_entity_get_origin (chip), ==, origin);
  /* 1232 = 7 × 176: named in two languages */
  g_assert_cmpstr (cpl_text_get_locale (cpl_entity_get_name_text (chip_at (parallel, 1232)), "zh_CN"), ==,
                   "芯片 1232");
  g_assert_null (cpl_text_get_locale (cpl_entity_get_name_text (chip), "zh_CN"));
  g_assert_true (cpl_dataset_lookup (parallel, CPL_TYPE_CHIP, "c-3999") == chip_at (parallel, 3999));

  /* saved, the member the model does not know is there */
  parallel_data = cpl_dataset_to_data (parallel, NULL);
  saved = json_from_string (parallel_data, NULL);
  saved_chip = json_array_get_object_element (json_object_get_array_member (json_node_get_object (saved), "chips"),
                                              1234);
  g_assert_cmpstr (json_object_get_string_member (saved_chip, "x-note"), ==, "n1234");

  /* and the whole file saves the same, byte for byte */
  whole_data = cpl_dataset_to_data (whole, NULL);
  g_assert_cmpstr (parallel_data, ==, whole_data);
  remove_file (path);
}

/* A segment that is not plain JSON (a comment) is read by json-glib,
 * the others by the loader's own reader: the same chips as a whole read. */
static void
test_not_plain_json (void)
{
  g_autofree char *path = write_file (FILE_COMMENT);
  g_autoptr(CplDataset) parallel = cpl_dataset_new ();
  g_autoptr(CplDataset) whole = cpl_dataset_new ();
  g_autofree char *parallel_data = NULL;
  g_autofree char *whole_data = NULL;

  g_assert_null (load (parallel, path, TRUE));
  g_assert_null (load (whole, path, FALSE));
  g_assert_cmpuint (g_list_model_get_n_items (cpl_dataset_get_chips (parallel)), ==, N_CHIPS);
  /* c-2000: price 1000 + 2000 = 3000 USD, tdp 300 + 2000 mod 400 = 300 W */
  g_assert_cmpstr (cpl_entity_get_id (chip_at (parallel, 2000)), ==, "c-2000");
  g_assert_cmpfloat (cpl_entity_get_number (chip_at (parallel, 2000), CPL_CHIP_PRICE_USD), ==, 3000);
  g_assert_cmpfloat (cpl_entity_get_number (chip_at (parallel, 2000), CPL_CHIP_TDP_W), ==, 300);
  parallel_data = cpl_dataset_to_data (parallel, NULL);
  whole_data = cpl_dataset_to_data (whole, NULL);
  g_assert_cmpstr (parallel_data, ==, whole_data);
  remove_file (path);
}

/* A wrong file gets the message one parse of the whole text gives, and
 * changes nothing. */
static void
assert_same_failure (FileKind    kind,
                     const char *expected_start,
                     const char *expected_part)
{
  g_autofree char *path = write_file (kind);
  g_autoptr(CplDataset) parallel = cpl_test_load_fixture ("two-chips.json", CPL_LOAD_ALONE);
  g_autoptr(CplDataset) whole = cpl_dataset_new ();
  g_autofree char *before = cpl_dataset_to_data (parallel, NULL);
  g_autofree char *after = NULL;
  g_autofree char *parallel_message = load (parallel, path, TRUE);
  g_autofree char *whole_message = load (whole, path, FALSE);
  g_autofree char *start = g_strdup_printf ("%s%s", path, expected_start);

  g_assert_nonnull (parallel_message);
  g_assert_cmpstr (parallel_message, ==, whole_message);
  if (!g_str_has_prefix (parallel_message, start) || strstr (parallel_message, expected_part) == NULL)
    g_error ("\"%s\" does not start with \"%s\" and hold \"%s\"", parallel_message, start, expected_part);
  after = cpl_dataset_to_data (parallel, NULL);
  g_assert_cmpstr (before, ==, after);
  remove_file (path);
}

static void
test_bad_entry (void)
{
  assert_same_failure (FILE_BAD_PRICE, ": chips[3500].price_usd", "\"cheap\"");
}

/* c-10 is chips[10]'s id; chips[3900], in another segment, gives it again */
static void
test_duplicate_across_segments (void)
{
  assert_same_failure (FILE_DUPLICATE_ID, ": chips[3900].id", "\"c-10\" is already the id of chips[10]");
}

/* chip 2500 is on line 6 + 2500 = 2506: json-glib's line, in the whole file */
static void
test_syntax_error (void)
{
  assert_same_failure (FILE_MISSING_COMMA, ":2506:", "expected a JSON document");
}

/* "chips": [ … } is not JSON, though each element is */
static void
test_brace_closes_list (void)
{
  assert_same_failure (FILE_BRACE_CLOSES, ":", "expected a JSON document");
}

/* a list never closed: each element is whole, the document is not */
static void
test_truncated (void)
{
  assert_same_failure (FILE_TRUNCATED, ":", "expected a JSON document");
}

/* a list with a comma and no element: the file's fault, whatever its size */
static void
test_empty_comma (void)
{
  assert_same_failure (FILE_EMPTY_COMMA, ":4:", "expected a JSON document");
}

/* Whatever one byte of the file is changed to, the two reads agree: the
 * same message, or the same data.  24 changes at seeded random places,
 * to characters that matter to JSON's structure. */
static void
test_mutations (void)
{
  static const char replacements[] = "[]{},:\" 0a\\/";
  g_autofree char *path = write_file (FILE_GOOD);
  g_autofree char *text = NULL;
  gsize length;
  g_autoptr(GRand) rand = g_rand_new_with_seed (16);

  g_assert_true (g_file_get_contents (path, &text, &length, NULL));
  for (guint round = 0; round < 24; round++)
    {
      g_autofree char *changed = g_memdup2 (text, length);
      g_autoptr(CplDataset) parallel = cpl_dataset_new ();
      g_autoptr(CplDataset) whole = cpl_dataset_new ();
      g_autofree char *parallel_message = NULL;
      g_autofree char *whole_message = NULL;
      gsize at = g_rand_int_range (rand, 0, (gint32) length);
      char to = replacements[g_rand_int_range (rand, 0, sizeof replacements - 1)];

      changed[at] = to;
      g_assert_true (g_file_set_contents (path, changed, length, NULL));
      g_test_message ("byte %" G_GSIZE_FORMAT " '%c' → '%c'", at, text[at], to);
      /* load() checks the parallel read is used exactly when it loads */
      parallel_message = load (parallel, path, TRUE);
      whole_message = load (whole, path, FALSE);
      g_assert_cmpstr (parallel_message, ==, whole_message);
      if (parallel_message == NULL)
        {
          g_autofree char *parallel_data = cpl_dataset_to_data (parallel, NULL);
          g_autofree char *whole_data = cpl_dataset_to_data (whole, NULL);

          g_assert_cmpstr (parallel_data, ==, whole_data);
        }
    }
  remove_file (path);
}

/* A window's load: the monitor ends at 1000. */
static void
test_monitor (void)
{
  g_autofree char *path = write_file (FILE_GOOD);
  g_autoptr(CplDataset) dataset = cpl_dataset_new ();
  CplLoadMonitor monitor = { NULL, 0, TRUE };
  g_autoptr(GError) error = NULL;
  guint before = cpl_dataset_get_parallel_loads ();

  g_assert_true (cpl_dataset_load_file_monitored (dataset, path, CPL_LOAD_ALONE, &monitor, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (cpl_dataset_get_parallel_loads (), ==, before + 1);
  g_assert_cmpint (g_atomic_int_get (&monitor.permille), ==, 1000);
  remove_file (path);
}

/* A document opened from a large file: an edit of a chip read by a
 * helping thread is undone to the file's value. */
static void
test_document_undo (void)
{
  g_autofree char *path = write_file (FILE_GOOD);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(CplDocument) document = cpl_document_new ();
  CplDataset *dataset = cpl_document_get_dataset (document);
  CplHistory *history = cpl_document_get_history (document);
  g_autoptr(GError) error = NULL;
  guint before = cpl_dataset_get_parallel_loads ();
  CplEntity *chip;

  g_assert_true (cpl_test_document_load (document, file, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (cpl_dataset_get_parallel_loads (), ==, before + 1);
  /* c-3000 costs 1000 + 3000 = 4000 USD */
  chip = cpl_dataset_lookup (dataset, CPL_TYPE_CHIP, "c-3000");
  g_assert_cmpfloat (cpl_entity_get_number (chip, CPL_CHIP_PRICE_USD), ==, 4000);
  g_assert_true (cpl_entity_set_number (chip, CPL_CHIP_PRICE_USD, 5000, NULL));
  cpl_history_commit (history);
  g_assert_true (cpl_history_undo (history));
  g_assert_cmpfloat (cpl_entity_get_number (chip, CPL_CHIP_PRICE_USD), ==, 4000);
  g_assert_false (cpl_history_get_modified (history));
  remove_file (path);
}

static void
skip_one_processor (void)
{
  g_test_skip ("one processor: loads are never read in parallel");
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  /* one processor reads every file whole (the other model tests cover
   * that reading) */
  if (g_get_num_processors () < 2)
    {
      g_test_add_func ("/parallel-load/one-processor", skip_one_processor);
      return g_test_run ();
    }
  g_test_add_func ("/parallel-load/same-as-whole", test_same_as_whole);
  g_test_add_func ("/parallel-load/not-plain-json", test_not_plain_json);
  g_test_add_func ("/parallel-load/bad-entry", test_bad_entry);
  g_test_add_func ("/parallel-load/duplicate-across-segments", test_duplicate_across_segments);
  g_test_add_func ("/parallel-load/syntax-error", test_syntax_error);
  g_test_add_func ("/parallel-load/brace-closes-list", test_brace_closes_list);
  g_test_add_func ("/parallel-load/truncated", test_truncated);
  g_test_add_func ("/parallel-load/empty-comma", test_empty_comma);
  g_test_add_func ("/parallel-load/mutations", test_mutations);
  g_test_add_func ("/parallel-load/monitor", test_monitor);
  g_test_add_func ("/parallel-load/document-undo", test_document_undo);

  return g_test_run ();
}
