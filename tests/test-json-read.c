/* test-json-read.c: cpl_json_read_elements(), the reader of a large
 * file's lists (#16), makes the nodes json-glib makes from plain JSON,
 * bit for bit, and gives up (NULL, so that json-glib reads the text)
 * on anything else. */
#include "config.h"

#include <math.h>
#include <string.h>

#include "cpl-dataset.h"
#include "cpl-json-private.h"
#include "fuzz/json-same.h"

/* Reads @text (@n elements) with the reader. */
static JsonArray *
read_elements (const char *text,
               guint       n)
{
  return cpl_json_read_elements (text, strlen (text), n);
}

/* The reader reads @text as json-glib reads "[" @text "]". */
static void
assert_same_as_json_glib (const char *text,
                          guint       n)
{
  g_autofree char *bracketed = g_strdup_printf ("[%s]", text);
  g_autoptr(JsonNode) expected = json_from_string (bracketed, NULL);
  g_autoptr(JsonArray) read = read_elements (text, n);
  g_autoptr(JsonNode) node = NULL;

  g_assert_nonnull (expected);
  if (read == NULL)
    g_error ("the reader gave up on plain JSON: %.200s", text);
  node = json_node_init_array (json_node_alloc (), read);
  if (!cpl_json_same_node (node, expected))
    g_error ("the reader read %.200s otherwise than json-glib", text);
}

static void
test_same_as_json_glib (void)
{
  assert_same_as_json_glib ("1, -0, 0, 123456789012345678, -123456789012345678, 42", 6);
  assert_same_as_json_glib ("0.1, -0.0, 1e5, 1E-5, 2.5e+3, 1.7976931348623157e308, 5e-324, "
                            "0.30000000000000004, 123.456e-7, 1.0, -1e-300", 11);
  assert_same_as_json_glib ("\"\", \"plain\", \"tab\\tnew\\nline\", \"quote\\\" back\\\\ slash\\/\", "
                            "\"\\u00e9t\\u00e9\", \"\\ud83d\\ude00\", \"\\b\\f\\r\", \"中文 text\", \"芯片 1232\"", 9);
  assert_same_as_json_glib ("true, false, null, [], {}, [[[]]], { \"a\": { \"b\": [ 1, { \"c\": null } ] } }", 7);
  /* a key given twice: the last value, where json-glib puts it (the
   * loader's structure check refuses it before either reads it) */
  assert_same_as_json_glib ("{ \"k\": 1, \"j\": 2, \"k\": 3 }", 1);
  assert_same_as_json_glib (" \n\t\r 1 ,\n 2 \r\n", 2);
  assert_same_as_json_glib ("{ \"a\\nb\": 1, \"\\u4e2d\": 2, \"x-note\": \"n1\" }", 1);
  /* an empty key, numbers beyond a double's range, upper-case hex */
  assert_same_as_json_glib ("{ \"\": 1 }, 1e400, -1e400, 1e-400, \"\\uD83D\\uDE00\", \"\\uFFFF\"", 6);
  assert_same_as_json_glib ("{ \"id\": \"c-1\", \"name\": { \"en\": \"Chip 1\", \"zh_CN\": \"芯片 1\" }, "
                            "\"tdp_w\": 301, \"price_usd\": 1001.5, \"performance\": { \"bf16\": 101 } }, "
                            "{ \"id\": \"c-2\" }", 2);
}

/* Numbers as programs write them: the shortest text that reads back,
 * 17 significant digits, few digits, and exponents of both signs. */
static void
test_numbers_same_as_json_glib (void)
{
  static const char *formats[] = { "%.17g", "%.15g", "%.6g", "%.3e", "%.0f" };
  g_autoptr(GString) text = g_string_new (NULL);
  guint n = 0;

  for (guint i = 0; i < 4000; i++)
    {
      double magnitude = pow (10, g_test_rand_int_range (-30, 31));
      double value = g_test_rand_double_range (-1, 1) * magnitude;
      char number[G_ASCII_DTOSTR_BUF_SIZE];

      g_ascii_formatd (number, sizeof number, formats[i % G_N_ELEMENTS (formats)], value);
      /* "%.0f" of 1e30: more digits than a whole number may have (the
       * loader refuses those before either reads them) */
      if (strpbrk (number, ".eE") == NULL && strlen (number) - (number[0] == '-') > 18)
        continue;
      g_string_append_printf (text, "%s%s", n > 0 ? ", " : "", number);
      n++;
    }
  assert_same_as_json_glib (text->str, n);
}

/* What the reader makes, worked out by hand. */
static void
test_values (void)
{
  g_autoptr(JsonArray) read = read_elements ("7, 7.0, \"\\u00e9\", \"\\ud83d\\ude00\", \"a\\\"b\"", 5);

  g_assert_nonnull (read);
  g_assert_cmpint (json_node_get_value_type (json_array_get_element (read, 0)), ==, G_TYPE_INT64);
  g_assert_cmpint (json_array_get_int_element (read, 0), ==, 7);
  g_assert_cmpint (json_node_get_value_type (json_array_get_element (read, 1)), ==, G_TYPE_DOUBLE);
  g_assert_cmpfloat (json_array_get_double_element (read, 1), ==, 7.0);
  /* U+00E9 in UTF-8: 110 00011, 10 101001 = C3 A9 */
  g_assert_cmpstr (json_array_get_string_element (read, 2), ==, "\xc3\xa9");
  /* D83D DE00: 0x10000 + (0x3D << 10) + 0x200 = U+1F600, in UTF-8
   * F0 9F 98 80 */
  g_assert_cmpstr (json_array_get_string_element (read, 3), ==, "\xf0\x9f\x98\x80");
  g_assert_cmpstr (json_array_get_string_element (read, 4), ==, "a\"b");
}

/* Not plain JSON, or not @n values: the reader gives up, and json-glib
 * reads the text (accepting some of it: comments, 'strings', hex). */
static void
test_gives_up (void)
{
  static const char *texts[] = {
    "1, /* a comment */ 2", "1, // a comment\n 2", "'single', 2", "0x10, 2", "1, 2,", "01, 2", "1., 2",
    ".5, 2", "+1, 2", "-, 2", "1e, 2", "\"a\tb\", 2", "\"\\x41\", 2", "\"\\u0000\", 2", "\"\\ud800\", 2",
    "\"\\udc00\", 2", "\"\\ud800\\u0041\", 2", "\"\\u12\", 2", "nul, 2", "nullx, 2", "truefalse, 2",
    "NaN, 2", "Infinity, 2", "1234567890123456789, 2", "{ \"a\" 1 }, 2", "{ a: 1 }, 2",
    "{ \"a\": 1, }, 2", "[ 1 2 ], 2", "\"open, 2", "1 2", "{ \"a\": 1 ] , 2", "1, 2 3",
  };

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    if (read_elements (texts[i], 2) != NULL)
      g_error ("the reader read %s, which is not plain JSON", texts[i]);
  /* plain, but not the number of values asked for */
  g_assert_null (read_elements ("1, 2", 3));
  g_assert_null (read_elements ("1, 2", 1));
  g_assert_null (read_elements ("", 1));
}

/* As deep as the loader allows (CPL_MAX_JSON_DEPTH, 64, the list being
 * the first level), and one level more. */
static void
test_depth (void)
{
  g_autofree char *inside = g_strnfill (CPL_MAX_JSON_DEPTH - 1, '[');
  g_autofree char *inside_close = g_strnfill (CPL_MAX_JSON_DEPTH - 1, ']');
  g_autofree char *deep = g_strconcat (inside, inside_close, NULL);
  g_autofree char *deeper = g_strconcat ("[", deep, "]", NULL);
  g_autoptr(JsonArray) read = read_elements (deep, 1);

  g_assert_nonnull (read);
  g_assert_null (read_elements (deeper, 1));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/json-read/same-as-json-glib", test_same_as_json_glib);
  g_test_add_func ("/json-read/numbers-same-as-json-glib", test_numbers_same_as_json_glib);
  g_test_add_func ("/json-read/values", test_values);
  g_test_add_func ("/json-read/gives-up", test_gives_up);
  g_test_add_func ("/json-read/depth", test_depth);
  return g_test_run ();
}
