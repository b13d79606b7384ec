/* test-csv-write.c: numbers without binary noise, and the CSV and
 * tab-separated writer (RFC 4180 quoting, formulas neutralised) */
#include <locale.h>
#include <math.h>

#include "cpl-csv.h"
#include "cpl-json-private.h"

static void
check_number (double      value,
              const char *expected)
{
  g_autofree char *text = cpl_format_number_c (value);

  g_assert_cmpstr (text, ==, expected);
}

static void
test_numbers (void)
{
  volatile double tenth = 0.1, fifth = 0.2, one = 1, three = 3;

  /* 0.1 + 0.2 is 0.30000000000000004 in binary; rounded to 15 digits, 0.3 */
  check_number (tenth + fifth, "0.3");
  /* the year of a crossing found by interpolation */
  check_number (2039.0000000000002, "2039");
  check_number (0.09999999999999998, "0.1");
  /* 1/3 to 15 significant digits: fifteen 3s */
  check_number (one / three, "0.333333333333333");
  check_number (2039, "2039");
  check_number (-3, "-3");
  check_number (0.25, "0.25");
  check_number (123456789012345, "123456789012345");   /* 15 digits: all kept */
  /* 18 digits: rounded to 15 (…345|678 → …346), in exponent form */
  check_number (123456789012345678.0, "1.23456789012346e17");
  /* exponents without "+" or leading zeros */
  check_number (1e21, "1e21");
  check_number (1e-7, "1e-7");
  check_number (-2.5e-10, "-2.5e-10");
  /* the least subnormal is 4.9406564584124654e-324: 15 digits */
  check_number (5e-324, "4.94065645841247e-324");
  /* −0 reads back as 0 */
  check_number (-0.0, "0");
  check_number (NAN, "NaN");
  check_number (INFINITY, "Infinity");
  check_number (-INFINITY, "-Infinity");
}

/* Dataset files: the shortest exact text among 15, 16 and 17 digits. */
static void
test_numbers_exact (void)
{
  volatile double tenth = 0.1, fifth = 0.2, one = 1, three = 3;
  struct { double value; const char *expected; } cases[] = {
    /* 0.30000000000000004: 15 and 16 digits read back as 0.3 */
    { tenth + fifth, "0.30000000000000004" },
    /* 1/3: 16 threes read back, 15 do not */
    { one / three, "0.3333333333333333" },
    { 0.35, "0.35" },
    { 2039, "2039" },
    { 1e21, "1e21" },
    { -2.5e-10, "-2.5e-10" },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = cpl_format_number_exact (cases[i].value);

      g_assert_cmpstr (text, ==, cases[i].expected);
      g_assert_true (g_ascii_strtod (text, NULL) == cases[i].value);
    }
}

/* The decimal mark is "." whatever the locale: in German it is ",". */
static void
test_numbers_locale (void)
{
  const char *old = setlocale (LC_NUMERIC, NULL);
  g_autofree char *saved = g_strdup (old);

  if (setlocale (LC_NUMERIC, "de_DE.UTF-8") == NULL)
    {
      g_test_skip ("no de_DE.UTF-8 locale");
      return;
    }
  check_number (1234.5, "1234.5");
  check_number (1e-7, "1e-7");
  setlocale (LC_NUMERIC, saved);
}

static char *
write_cells (CplCsvSeparator separator)
{
  CplCsvWriter *writer = cpl_csv_writer_new (separator);

  cpl_csv_writer_add_row (writer, (const char * const[]) { "Name", "Price (USD)", NULL });
  cpl_csv_writer_add_text (writer, "a,b");
  cpl_csv_writer_add_number (writer, 0.1 + 0.2);
  cpl_csv_writer_end_row (writer);
  cpl_csv_writer_add_text (writer, "say \"hi\"");
  cpl_csv_writer_add_number (writer, -3);
  cpl_csv_writer_end_row (writer);
  cpl_csv_writer_add_text (writer, "two\nlines");
  cpl_csv_writer_add_number (writer, NAN);
  cpl_csv_writer_end_row (writer);
  cpl_csv_writer_add_text (writer, "=SUM(A1)");
  cpl_csv_writer_add_text (writer, "+1");
  cpl_csv_writer_end_row (writer);
  cpl_csv_writer_add_text (writer, "-x");
  cpl_csv_writer_add_text (writer, "@cmd");
  cpl_csv_writer_end_row (writer);
  cpl_csv_writer_add_text (writer, "=HYPERLINK(\"x\")");
  cpl_csv_writer_add_text (writer, "tab\there");
  cpl_csv_writer_end_row (writer);
  return cpl_csv_writer_free_to_text (writer);
}

static void
test_writer_csv (void)
{
  g_autofree char *text = write_cells (CPL_CSV_COMMAS);
  g_autoptr(GError) error = NULL;
  g_autoptr(CplCsvTable) table = NULL;

  /* written out by hand: quotes around a cell with a comma, a quote or a
   * newline, its quotes doubled; "'" before =, +, - and @; the number -3
   * as a number; NaN empty; a tab is plain text in CSV; CRLF line ends */
  g_assert_cmpstr (text, ==,
                   "Name,Price (USD)\r\n"
                   "\"a,b\",0.3\r\n"
                   "\"say \"\"hi\"\"\",-3\r\n"
                   "\"two\nlines\",\r\n"
                   "'=SUM(A1),'+1\r\n"
                   "'-x,'@cmd\r\n"
                   "\"'=HYPERLINK(\"\"x\"\")\",tab\there\r\n");

  /* and the reader gets the cells back */
  table = cpl_csv_table_parse (text, strlen (text), "test.csv", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (cpl_csv_table_get_n_rows (table), ==, 6);
  g_assert_cmpstr (cpl_csv_table_get_header (table, 1), ==, "Price (USD)");
  g_assert_cmpstr (cpl_csv_table_get (table, 0, 0), ==, "a,b");
  g_assert_cmpstr (cpl_csv_table_get (table, 1, 0), ==, "say \"hi\"");
  g_assert_cmpstr (cpl_csv_table_get (table, 1, 1), ==, "-3");
  g_assert_cmpstr (cpl_csv_table_get (table, 2, 0), ==, "two\nlines");
  g_assert_cmpstr (cpl_csv_table_get (table, 2, 1), ==, "");
  g_assert_cmpstr (cpl_csv_table_get (table, 5, 0), ==, "'=HYPERLINK(\"x\")");
}

static void
test_writer_tsv (void)
{
  g_autofree char *text = write_cells (CPL_CSV_TABS);

  /* tabs between cells, LF line ends; a comma needs no quotes, a tab does */
  g_assert_cmpstr (text, ==,
                   "Name\tPrice (USD)\n"
                   "a,b\t0.3\n"
                   "\"say \"\"hi\"\"\"\t-3\n"
                   "\"two\nlines\"\t\n"
                   "'=SUM(A1)\t'+1\n"
                   "'-x\t'@cmd\n"
                   "\"'=HYPERLINK(\"\"x\"\")\"\t\"tab\there\"\n");
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/csv-write/numbers", test_numbers);
  g_test_add_func ("/csv-write/numbers-exact", test_numbers_exact);
  g_test_add_func ("/csv-write/numbers-locale", test_numbers_locale);
  g_test_add_func ("/csv-write/csv", test_writer_csv);
  g_test_add_func ("/csv-write/tsv", test_writer_tsv);
  return g_test_run ();
}
