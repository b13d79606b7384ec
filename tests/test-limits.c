/* test-limits.c: the limits that keep a hostile file from eating the
 * machine (cpl-dataset.h, cpl-json-private.h, cpl-csv.h)
 *
 * Every input is generated here: a file over 64 MiB (sparse), nesting
 * 100,000 deep (also behind a comment json-glib skips), a string or key
 * over 1 MiB, arrays of more than 100,000 elements, a CSV field over
 * 1 MiB, CSV records of too many fields, more than 100,000 CSV rows,
 * numbers that are not finite and a projection that overflows.  Each is
 * refused with CPL_DATASET_ERROR_LIMIT (or _RANGE), a message naming the
 * file, the line:column (or CSV line, or JSON path), the value and what
 * was expected; and the input just under each limit passes it.
 */
#include "config.h"

#include <glib.h>
#include <glib/gstdio.h>
#include <fcntl.h>
#include <string.h>
#include <unistd.h>

#include "cpl-model.h"

#define MIB (1024 * 1024)

static char *
fixture_text (gsize *length)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fixtures", "two-chips.json", NULL);
  g_autoptr(GError) error = NULL;
  char *text = NULL;

  g_file_get_contents (path, &text, length, &error);
  g_assert_no_error (error);
  return text;
}

/* two-chips.json with "extra": @payload as its first member, on line 2
 * from column 12: { ⏎ ␣␣"extra":␣PAYLOAD,⏎ … */
static GBytes *
with_extra (const char *payload)
{
  gsize length;
  g_autofree char *text = fixture_text (&length);
  const char *brace = strchr (text, '{');
  GString *out = g_string_new ("{\n  \"extra\": ");

  g_string_append (out, payload);
  g_string_append (out, ",");
  g_string_append (out, brace + 1);
  return g_string_free_to_bytes (out);
}

static void
assert_refused_bytes (GBytes          *bytes,
                      const char      *name,
                      CplDatasetError  code,
                      const char * const *expected)
{
  g_autoptr(CplDataset) dataset = cpl_dataset_new ();
  g_autoptr(GError) error = NULL;

  g_assert_false (cpl_dataset_load_bytes (dataset, bytes, name, CPL_LOAD_ALONE, &error));
  g_assert_error (error, CPL_DATASET_ERROR, (int) code);
  g_test_message ("%s", error->message);
  for (guint i = 0; expected[i] != NULL; i++)
    if (strstr (error->message, expected[i]) == NULL)
      g_error ("message \"%.300s\" does not contain \"%s\"", error->message, expected[i]);
  g_assert_cmpuint (g_list_model_get_n_items (cpl_dataset_get_chips (dataset)), ==, 0);
}

static void
assert_loads (GBytes     *bytes,
              const char *name)
{
  g_autoptr(CplDataset) dataset = cpl_dataset_new ();
  g_autoptr(GError) error = NULL;

  cpl_dataset_load_bytes (dataset, bytes, name, CPL_LOAD_ALONE, &error);
  g_assert_no_error (error);
}

/* A sparse file of 64 MiB + 1 byte: refused by its size, before reading. */
static void
test_file_size (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("cpl-limits-XXXXXX", &error);
  const char *names[] = { "huge.json", "huge.csv" };

  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *path = g_build_filename (dir, names[i], NULL);
      g_autoptr(CplDataset) dataset = cpl_dataset_new_builtin (NULL);
      g_autoptr(GError) load_error = NULL;
      g_autofree char *expected = g_strdup_printf ("%s: the file is %d bytes; expected at most 64 MiB",
                                                   names[i], CPL_MAX_FILE_SIZE + 1);
      guint n_chips = g_list_model_get_n_items (cpl_dataset_get_chips (dataset));
      int fd = g_open (path, O_WRONLY | O_CREAT | O_TRUNC, 0644);

      g_assert_cmpint (fd, >=, 0);
      g_assert_cmpint (ftruncate (fd, (off_t) CPL_MAX_FILE_SIZE + 1), ==, 0);
      close (fd);

      g_assert_false (cpl_dataset_load_file (dataset, path, CPL_LOAD_OVER_BUILTIN, &load_error));
      g_assert_error (load_error, CPL_DATASET_ERROR, CPL_DATASET_ERROR_LIMIT);
      g_test_message ("%s", load_error->message);
      g_assert_nonnull (strstr (load_error->message, expected));
      g_assert_cmpuint (g_list_model_get_n_items (cpl_dataset_get_chips (dataset)), ==, n_chips);
      g_assert_cmpint (g_unlink (path), ==, 0);
    }
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

static GBytes *
repeat (const char *prefix,
        const char *unit,
        guint       n,
        const char *suffix)
{
  GString *out = g_string_new (prefix);

  for (guint i = 0; i < n; i++)
    g_string_append (out, unit);
  g_string_append (out, suffix);
  return g_string_free_to_bytes (out);
}

/* 100,000 '[', '{"a":' or '[' after a comment holding a quote (json-glib
 * 1.6 skips C comments; the pre-scan must too, or the quote would hide
 * the brackets from it and json-glib would recurse 100,000 deep). */
static void
test_depth (void)
{
  const char * const deep[] = { "deep.json:1:65: ", "nesting deeper than 64 levels",
                                "expected a dataset", NULL };
  const char * const deep_object[] = { "deep.json:1:321: ", "nesting deeper than 64 levels", NULL };
  const char * const deep_comment[] = { "deep.json:1:75: ", "nesting deeper than 64 levels", NULL };
  const char * const deep_quote[] = { "deep.json:1:70: ", "nesting deeper than 64 levels", NULL };
  g_autoptr(GBytes) brackets = repeat ("", "[", 100000, "");
  g_autoptr(GBytes) objects = repeat ("", "{\"a\":", 100000, "");
  g_autoptr(GBytes) comment = repeat ("/* \" ' */ ", "[", 100000, "");
  g_autoptr(GBytes) quote = repeat ("['\"', ", "[", 100000, "");
  g_autoptr(GBytes) ok = repeat ("", "[", 64, "");

  assert_refused_bytes (brackets, "deep.json", CPL_DATASET_ERROR_LIMIT, deep);
  assert_refused_bytes (objects, "deep.json", CPL_DATASET_ERROR_LIMIT, deep_object);
  assert_refused_bytes (comment, "deep.json", CPL_DATASET_ERROR_LIMIT, deep_comment);
  assert_refused_bytes (quote, "deep.json", CPL_DATASET_ERROR_LIMIT, deep_quote);
  /* 64 levels pass the limit (and then are not JSON) */
  {
    const char * const syntax[] = { "deep.json:", "expected a JSON document", NULL };
    assert_refused_bytes (ok, "deep.json", CPL_DATASET_ERROR_SYNTAX, syntax);
  }
}

static char *
long_string (gsize n, char c)
{
  char *s = g_malloc (n + 1);

  memset (s, c, n);
  s[n] = '\0';
  return s;
}

/* A string value or key over 1 MiB; exactly 1 MiB loads. */
static void
test_string_length (void)
{
  g_autofree char *big = long_string (MIB + 1, 'a');
  g_autofree char *max = long_string (MIB, 'a');
  g_autofree char *value = g_strdup_printf ("\"%s\"", big);
  g_autofree char *key = g_strdup_printf ("{ \"%s\": 1 }", big);
  g_autofree char *single = g_strdup_printf ("'%s'", big);
  g_autofree char *ok = g_strdup_printf ("\"%s\"", max);
  g_autoptr(GString) escaped = g_string_new ("\"");
  g_autoptr(GBytes) value_bytes = with_extra (value);
  g_autoptr(GBytes) key_bytes = with_extra (key);
  g_autoptr(GBytes) single_bytes = with_extra (single);
  g_autoptr(GBytes) ok_bytes = with_extra (ok);
  g_autoptr(GBytes) escaped_bytes = NULL;
  const char * const value_expected[] = {
    "limits.json:2:12: ", "the string \"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaa…\" is 1048577 bytes long",
    "expected a string or key of at most 1048576 bytes (1 MiB)", NULL };
  const char * const key_expected[] = { "limits.json:2:14: ", "is 1048577 bytes long", NULL };
  const char * const escaped_expected[] = { "limits.json:2:12: ", "is 1048578 bytes long", NULL };

  assert_refused_bytes (value_bytes, "limits.json", CPL_DATASET_ERROR_LIMIT, value_expected);
  assert_refused_bytes (key_bytes, "limits.json", CPL_DATASET_ERROR_LIMIT, key_expected);
  assert_refused_bytes (single_bytes, "limits.json", CPL_DATASET_ERROR_LIMIT, value_expected);
  /* "\u00e9" is 6 characters of text, 2 bytes read */
  for (guint i = 0; i < MIB / 2 + 1; i++)
    g_string_append (escaped, "\\u00e9");
  g_string_append_c (escaped, '"');
  escaped_bytes = with_extra (escaped->str);
  assert_refused_bytes (escaped_bytes, "limits.json", CPL_DATASET_ERROR_LIMIT, escaped_expected);
  assert_loads (ok_bytes, "limits.json");
}

/* More than 100,000 elements in one of the five lists, or in any array. */
static void
test_array_length (void)
{
  g_autoptr(GBytes) numbers = repeat ("[0", ",0", 100000, "]");
  g_autoptr(GBytes) ok_numbers = repeat ("[0", ",0", 99999, "]");
  g_autoptr(GBytes) numbers_bytes = NULL;
  g_autoptr(GBytes) ok_bytes = NULL;
  g_autoptr(GBytes) vendors = repeat ("{ \"format\": \"chip-policy-lab\",\n\"vendors\": [\n",
                                      "{\"id\":\"v\",\"name\":\"V\"},\n", 100000,
                                      "{\"id\":\"v\",\"name\":\"V\"}] }\n");
  const char * const numbers_expected[] = {
    "limits.json:2:200013: ", "an array with more than 100000 elements",
    "expected at most 100000", NULL };
  const char * const vendors_expected[] = {
    "limits.json:100003:1: ", "an array with more than 100000 elements", NULL };

  numbers_bytes = with_extra (g_bytes_get_data (numbers, NULL));
  ok_bytes = with_extra (g_bytes_get_data (ok_numbers, NULL));
  assert_refused_bytes (numbers_bytes, "limits.json", CPL_DATASET_ERROR_LIMIT, numbers_expected);
  assert_refused_bytes (vendors, "limits.json", CPL_DATASET_ERROR_LIMIT, vendors_expected);
  assert_loads (ok_bytes, "limits.json");
}

/* Whole numbers json-glib would wrap: > 18 decimal or > 15 hex digits. */
static void
test_big_integers (void)
{
  g_autoptr(GBytes) hex = with_extra ("0x10000000000000000");
  g_autoptr(GBytes) ok = with_extra ("0x7fffffffffffff");
  const char * const hex_expected[] = { "limits.json:2:12: ", "0x10000000000000000",
                                        "more than 15 hexadecimal digits", NULL };

  assert_refused_bytes (hex, "limits.json", CPL_DATASET_ERROR_LIMIT, hex_expected);
  assert_loads (ok, "limits.json");
}

/* two-chips.json with each @old replaced by @new (NULL-terminated pairs). */
static GBytes *
with_replaced (const char *old,
               ...)
{
  gsize length;
  char *text = fixture_text (&length);
  va_list args;

  va_start (args, old);
  for (; old != NULL; old = va_arg (args, const char *))
    {
      const char *new = va_arg (args, const char *);
      g_auto(GStrv) parts = g_strsplit (text, old, 2);

      g_assert_nonnull (parts[1]);
      g_free (text);
      text = g_strconcat (parts[0], new, parts[1], NULL);
    }
  va_end (args);
  return g_bytes_new_take (text, strlen (text));
}

/* 1e999 and -1e999 read as infinities; a finite scenario whose
 * projection overflows (1e300 PFLOP/s growing 1000% a year for 50
 * years). */
static void
test_not_finite (void)
{
  g_autoptr(GBytes) inf = with_replaced ("\"pue\": 1.3", "\"pue\": 1e999", NULL);
  g_autoptr(GBytes) ninf = with_replaced ("\"domestic_preference\": 0", "\"domestic_preference\": -1e999", NULL);
  g_autoptr(GBytes) overflow = with_replaced ("\"years\": 2,", "\"years\": 50,",
                                              "\"demand_pflops\": 1000, \"demand_growth\": 1,",
                                              "\"demand_pflops\": 1e300, \"demand_growth\": 10,",
                                              NULL);
  const char * const inf_expected[] = { "limits.json: scenarios[0].pue: ", NULL };
  const char * const ninf_expected[] = { "limits.json: scenarios[0].domestic_preference: ", NULL };
  const char * const overflow_expected[] = { "limits.json: scenarios[0]", "the projection's",
                                             "is Infinity", "demand_pflops 1e300",
                                             "expected figures small enough", NULL };

  assert_refused_bytes (inf, "limits.json", CPL_DATASET_ERROR_RANGE, inf_expected);
  assert_refused_bytes (ninf, "limits.json", CPL_DATASET_ERROR_RANGE, ninf_expected);
  assert_refused_bytes (overflow, "limits.json", CPL_DATASET_ERROR_RANGE, overflow_expected);
}

static void
assert_csv_refused (const char *data,
                    gsize       length,
                    const char * const *expected)
{
  g_autoptr(GBytes) bytes = g_bytes_new (data, length);

  assert_refused_bytes (bytes, "limits.csv", CPL_DATASET_ERROR_LIMIT, expected);
}

/* A CSV field over 1 MiB (quoted or not), a record of more than 10,000
 * fields, more than 100,000 rows. */
static void
test_csv (void)
{
  g_autofree char *big = long_string (MIB + 1, 'x');
  g_autofree char *max = long_string (MIB, 'x');
  g_autofree char *field = g_strdup_printf ("Hardware name,Manufacturer\nA,Acme\nB,%s\n", big);
  g_autofree char *quoted = g_strdup_printf ("Hardware name,Manufacturer\nA,Acme\n\"B\",\"%s\n%s\"\n", big, big);
  g_autofree char *last = g_strdup_printf ("Hardware name,Manufacturer\nA,%s", big);
  g_autofree char *ok = g_strdup_printf ("Hardware name,Manufacturer\nA,%s\n", max);
  g_autoptr(GBytes) ok_bytes = g_bytes_new (ok, strlen (ok));
  g_autoptr(GBytes) wide = repeat ("Hardware name", ",x", 10000, "\n");
  g_autoptr(GBytes) rows = repeat ("Hardware name\n", "A\n", CPL_CSV_MAX_ROWS + 1, "");
  g_autoptr(GBytes) ok_rows = repeat ("Hardware name\n", "A\n", CPL_CSV_MAX_ROWS, "");
  const char * const field_expected[] = { "limits.csv:3: field 2 is 1048577 bytes long",
                                          "expected a field of at most 1048576 bytes (1 MiB)", NULL };
  const char * const last_expected[] = { "limits.csv:2: field 2 is 1048577 bytes long", NULL };
  const char * const quoted_expected[] = { "limits.csv:3: field 2 is 2097155 bytes long", NULL };
  const char * const wide_expected[] = { "limits.csv:1: more than 10000 fields in one record",
                                         "expected at most 10000", NULL };
  const char * const rows_expected[] = { "limits.csv: more than 100000 rows",
                                         "expected at most 100000", NULL };

  assert_csv_refused (field, strlen (field), field_expected);
  assert_csv_refused (quoted, strlen (quoted), quoted_expected);
  assert_csv_refused (last, strlen (last), last_expected);
  assert_csv_refused (g_bytes_get_data (wide, NULL), g_bytes_get_size (wide), wide_expected);
  assert_refused_bytes (rows, "limits.csv", CPL_DATASET_ERROR_LIMIT, rows_expected);
  assert_loads (ok_bytes, "limits.csv");
#if !defined(__SANITIZE_ADDRESS__)
  /* 100,000 chips: seconds under AddressSanitizer */
  assert_loads (ok_rows, "limits.csv");
#endif
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/limits/file-size", test_file_size);
  g_test_add_func ("/limits/depth", test_depth);
  g_test_add_func ("/limits/string-length", test_string_length);
  g_test_add_func ("/limits/array-length", test_array_length);
  g_test_add_func ("/limits/big-integers", test_big_integers);
  g_test_add_func ("/limits/not-finite", test_not_finite);
  g_test_add_func ("/limits/csv", test_csv);
  return g_test_run ();
}
