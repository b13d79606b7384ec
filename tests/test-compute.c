/* test-compute.c: `chip-policy-lab --compute` end to end, as a separate
 * process with no display */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>
#include <sys/wait.h>

#include "cpl-test-util.h"

static JsonObject *
find_by_id (JsonObject *root,
            const char *list,
            const char *id)
{
  JsonArray *array = json_object_get_array_member (root, list);

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonObject *entry = json_array_get_object_element (array, i);
      if (g_str_equal (json_object_get_string_member (entry, "id"), id))
        return entry;
    }
  g_assert_not_reached ();
}

static void
test_json (void)
{
  g_autofree char *fixture = g_test_build_filename (G_TEST_DIST, "fixtures", "two-chips.json", NULL);
  const char *args[] = { "--compute", fixture, "--no-builtin", NULL };
  g_auto(CplTestRun) run = { 0 };
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GError) error = NULL;
  JsonObject *object, *sale, *comparison, *scenario, *year1, *totals, *chip;

  cpl_test_run_app (&run, args);
  g_assert_true (g_spawn_check_wait_status (run.status, NULL));
  g_assert_cmpstr (run.err, ==, "");
  root = json_from_string (run.out, &error);
  g_assert_no_error (error);
  object = json_node_get_object (root);

  /* three chips, no rules: an empty rules object each */
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (object, "chips")), ==, 3);
  chip = find_by_id (object, "chips", "chip-x");
  /* bf16 1,000 × 16 = 16,000; no die area → null */
  g_assert_cmpfloat (json_object_get_double_member (chip, "tpp"), ==, 16000);
  g_assert_true (json_object_get_null_member (chip, "performance_density"));

  /* revenue case "sale" (see test-revenue.c): G = 2,222,222.22 and the
   * comparison at 15%: 1,276,595.74, difference 945,626.48 */
  sale = find_by_id (object, "revenue_cases", "sale");
  cpl_assert_near (json_object_get_double_member (sale, "government_take_usd"), 2222222.22, 1e-8);
  cpl_assert_near (json_object_get_double_member (sale, "break_even_share"), 0.714286, 1e-6);
  comparison = json_object_get_object_member (sale, "comparison");
  g_assert_cmpfloat (json_object_get_double_member (comparison, "revenue_share"), ==, 0.15);
  cpl_assert_near (json_object_get_double_member (comparison, "government_take_usd"), 1276595.74, 1e-8);
  cpl_assert_near (json_object_get_double_member (json_object_get_object_member (comparison, "difference"),
                                                  "government_take_usd"), 945626.48, 1e-8);
  /* no unit cost, no comparison: null, not 0 */
  g_assert_true (json_object_get_null_member (find_by_id (object, "revenue_cases", "no-cost"), "comparison"));
  g_assert_true (json_object_get_null_member (find_by_id (object, "revenue_cases", "no-cost"), "vendor_gross_profit_usd"));

  /* scenario "two-years" (see test-projection.c), year 2027 */
  scenario = find_by_id (object, "scenarios", "two-years");
  year1 = json_array_get_object_element (json_object_get_array_member (scenario, "years"), 1);
  g_assert_cmpint (json_object_get_int_member (year1, "year"), ==, 2027);
  cpl_assert_near (json_object_get_double_member (json_object_get_object_member (year1, "exported_units"), "chip-y"),
                   53920.0 / 51, 1e-12);
  cpl_assert_near (json_object_get_double_member (json_object_get_object_member (year1, "cost_per_pflop_year_usd"),
                                                  "chip-d"), 3200, 1e-12);
  cpl_assert_near (json_object_get_double_member (json_object_get_object_member (year1, "gross_revenue_usd"), "vb"),
                   107840000.0 / 51, 1e-12);
  totals = json_object_get_object_member (scenario, "totals");
  cpl_assert_near (json_object_get_double_member (totals, "government_take_usd"), 61632000.0 / 51, 1e-12);
  cpl_assert_near (json_object_get_double_member (totals, "final_domestic_share"), 255.0 / 1603, 1e-12);
}

static void
test_csv (void)
{
  g_autofree char *fixture = g_test_build_filename (G_TEST_DIST, "fixtures", "two-chips.json", NULL);
  const char *args[] = { "--compute", fixture, "--no-builtin", "--format", "csv", NULL };
  g_auto(CplTestRun) run = { 0 };

  cpl_test_run_app (&run, args);
  g_assert_true (g_spawn_check_wait_status (run.status, NULL));
  g_assert_true (g_str_has_prefix (run.out, "section,id,year,metric,key,value\r\n"));
  /* year 2026 (see test-projection.c): I = 300 PFLOP/s, 1000 × 300 / 250
   * = 1,200 domestic units */
  g_assert_nonnull (strstr (run.out, "\r\nscenarios,two-years,2026,domestic_pflops,,300\r\n"));
  g_assert_nonnull (strstr (run.out, "\r\nscenarios,two-years,2026,domestic_units,,1200\r\n"));
  g_assert_nonnull (strstr (run.out, "\r\nscenarios,two-years,total,domestic_installed_pflops,,600\r\n"));
  g_assert_nonnull (strstr (run.out, "\r\nchips,chip-y,,tpp,,8000\r\n"));
  /* unknown: an empty field */
  g_assert_nonnull (strstr (run.out, "\r\nchips,chip-y,,performance_density,,\r\n"));
  g_assert_nonnull (strstr (run.out, "\r\nrevenue_cases,sale,,comparison.revenue_share,,0.15\r\n"));
}

/* Over the built-in dataset (the default), and on the Epoch CSV. */
static void
test_builtin_and_epoch (void)
{
  const char *epoch = g_getenv ("CPL_EPOCH_CSV");
  const char *args[] = { "--compute", epoch, NULL };
  g_auto(CplTestRun) run = { 0 };
  g_autoptr(JsonNode) root = NULL;
  JsonObject *h20;

  cpl_test_run_app (&run, args);
  g_assert_true (g_spawn_check_wait_status (run.status, NULL));
  root = json_from_string (run.out, NULL);
  g_assert_nonnull (root);
  /* 14 built-in chips + 169 Epoch rows − 5 ids the built-in set has */
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (json_node_get_object (root), "chips")),
                    ==, 178);
  h20 = find_by_id (json_node_get_object (root), "chips", "nvidia-h20");
  g_assert_false (json_object_get_boolean_member (json_object_get_object_member (h20, "rules"), "eccn-3a090a-2023"));
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (json_node_get_object (root), "scenarios")),
                    ==, 5);
}

static void
test_bad_input (void)
{
  g_autofree char *dir = g_dir_make_tmp ("cpl-compute-XXXXXX", NULL);
  g_autofree char *bad = g_build_filename (dir, "bad.json", NULL);
  g_autofree char *fixture = g_test_build_filename (G_TEST_DIST, "fixtures", "two-chips.json", NULL);
  const char *bad_args[] = { "--compute", bad, NULL };
  const char *missing_args[] = { "--compute", "/nonexistent/x.json", NULL };
  const char *format_args[] = { "--compute", fixture, "--format", "xml", NULL };
  g_auto(CplTestRun) run = { 0 };
  g_auto(CplTestRun) missing = { 0 };
  g_auto(CplTestRun) format = { 0 };

  g_assert_true (g_file_set_contents (bad, "{ \"format\": \"chip-policy-lab\", \"scenarios\": [ { \"id\": \"s\", \"start_year\": 2026, \"years\": 99 } ] }", -1, NULL));
  cpl_test_run_app (&run, bad_args);
  /* exit 1, nothing on stdout, the message on stderr: file, path, value,
   * what was expected */
  g_assert_true (WIFEXITED (run.status) && WEXITSTATUS (run.status) == 1);
  g_assert_cmpstr (run.out, ==, "");
  g_assert_nonnull (strstr (run.err, "bad.json: scenarios[0].years: the number 99 is out of range; "
                                     "expected a whole number from 1 to 50"));

  cpl_test_run_app (&missing, missing_args);
  g_assert_true (WIFEXITED (missing.status) && WEXITSTATUS (missing.status) == 1);
  g_assert_nonnull (strstr (missing.err, "/nonexistent/x.json"));

  cpl_test_run_app (&format, format_args);
  g_assert_true (WIFEXITED (format.status) && WEXITSTATUS (format.status) == 1);
  g_assert_nonnull (strstr (format.err, "xml"));

  g_unlink (bad);
  g_rmdir (dir);
}

/* The status of a built-in chip in the JSON output of --date @date. */
static JsonObject *
status_of (const char *date,
           const char *chip_id,
           JsonNode  **root)
{
  g_autofree char *fixture = g_test_build_filename (G_TEST_DIST, "fixtures", "two-chips.json", NULL);
  const char *args[] = { "--compute", fixture, "--date", date, NULL };
  g_auto(CplTestRun) run = { 0 };

  cpl_test_run_app (&run, args);
  g_assert_true (g_spawn_check_wait_status (run.status, NULL));
  g_assert_cmpstr (run.err, ==, "");
  *root = json_from_string (run.out, NULL);
  g_assert_nonnull (*root);
  return json_object_get_object_member (find_by_id (json_node_get_object (*root), "chips", chip_id), "status");
}

/* --date: each chip's status in China (MODEL.md §2.1) over the built-in
 * rules.  H20 on 2025-06-01: named by the April 2025 letters (control),
 * no licence rule in force yet → denied, no share.  On 2025-09-01: the
 * August licences and the 15% share rule name it → licensable, 0.15.
 * H200 on 2026-02-01: 3A090.a (TPP 15,832), case-by-case (15,832 <
 * 21,000, 4,800 < 6,500 GB/s), tariff band → licensable, 0.25. */
static void
test_status_date (void)
{
  g_autoptr(JsonNode) june = NULL;
  g_autoptr(JsonNode) september = NULL;
  g_autoptr(JsonNode) february = NULL;
  JsonObject *status;

  status = status_of ("2025-06-01", "nvidia-h20", &june);
  g_assert_cmpstr (json_object_get_string_member (status, "date"), ==, "2025-06-01");
  g_assert_cmpstr (json_object_get_string_member (status, "state"), ==, "denied");
  g_assert_true (json_object_get_null_member (status, "share"));

  status = status_of ("2025-09-01", "nvidia-h20", &september);
  g_assert_cmpstr (json_object_get_string_member (status, "state"), ==, "licensable");
  cpl_assert_near (json_object_get_double_member (status, "share"), 0.15, 1e-15);

  status = status_of ("2026-02-01", "nvidia-h200", &february);
  g_assert_cmpstr (json_object_get_string_member (status, "state"), ==, "licensable");
  cpl_assert_near (json_object_get_double_member (status, "share"), 0.25, 1e-15);
  /* Huawei's vendor country is CN */
  status = json_object_get_object_member (find_by_id (json_node_get_object (february), "chips",
                                                      "huawei-ascend-910c"), "status");
  g_assert_cmpstr (json_object_get_string_member (status, "state"), ==, "domestic");
  /* the fixture's chip-y (a US vendor) under the built-in rules: bf16
   * 500 × 16 = TPP 8,000 ≥ 4,800 → 3A090.a (2023) controls it; it gives
   * no bandwidth, so case-by-case (bandwidth < 6,500) is unknown → needs
   * data, not denied */
  status = json_object_get_object_member (find_by_id (json_node_get_object (february), "chips", "chip-y"),
                                          "status");
  g_assert_cmpstr (json_object_get_string_member (status, "state"), ==, "unknown");
}

/* A name is a string (DATA-FORMAT.md) in the reader's language: the
 * built-in Ascend 910C is "Ascend 910C" in English (C.UTF-8 here) and
 * "昇腾 910C" in Simplified Chinese (its zh_CN name in
 * data/builtin-dataset.json); the H200 has one name, "H200 SXM". */
static void
test_localized_names (void)
{
  g_autoptr(JsonNode) root = NULL;
  JsonObject *status = status_of ("2026-02-01", "huawei-ascend-910c", &root);
  JsonObject *chips = json_node_get_object (root);

  g_assert_cmpstr (json_object_get_string_member (status, "state"), ==, "domestic");
  g_assert_cmpstr (json_object_get_string_member (find_by_id (chips, "chips", "huawei-ascend-910c"), "name"),
                   ==, "Ascend 910C");
  g_assert_cmpstr (json_object_get_string_member (find_by_id (chips, "chips", "nvidia-h200"), "name"),
                   ==, "H200 SXM");
  {
    g_autoptr(JsonNode) zh_root = NULL;
    JsonObject *zh_chips;

    g_setenv ("CPL_TEST_LANGUAGE", "zh_CN", TRUE);
    status_of ("2026-02-01", "huawei-ascend-910c", &zh_root);
    g_unsetenv ("CPL_TEST_LANGUAGE");
    zh_chips = json_node_get_object (zh_root);
    g_assert_cmpstr (json_object_get_string_member (find_by_id (zh_chips, "chips", "huawei-ascend-910c"), "name"),
                     ==, "昇腾 910C");
  }
}

/* The CSV form has the same three values as rows; without --date the
 * date is today's (read before and after the run, in case it passes
 * midnight). */
static void
test_status_csv_today (void)
{
  g_autofree char *fixture = g_test_build_filename (G_TEST_DIST, "fixtures", "two-chips.json", NULL);
  const char *csv_args[] = { "--compute", fixture, "--format", "csv", "--date", "2025-09-01", NULL };
  const char *today_args[] = { "--compute", fixture, NULL };
  g_autoptr(GDateTime) before = g_date_time_new_now_local ();
  g_autoptr(GDateTime) after = NULL;
  g_autofree char *day_before = g_date_time_format (before, "%Y-%m-%d");
  g_autofree char *day_after = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_auto(CplTestRun) csv = { 0 };
  g_auto(CplTestRun) today = { 0 };
  const char *date;

  cpl_test_run_app (&csv, csv_args);
  g_assert_true (g_spawn_check_wait_status (csv.status, NULL));
  g_assert_nonnull (strstr (csv.out, "\r\nchips,nvidia-h20,,status,date,2025-09-01\r\n"));
  g_assert_nonnull (strstr (csv.out, "\r\nchips,nvidia-h20,,status,state,licensable\r\n"));
  g_assert_nonnull (strstr (csv.out, "\r\nchips,nvidia-h20,,status,share,0.15\r\n"));
  /* a share that does not apply is an empty field */
  g_assert_nonnull (strstr (csv.out, "\r\nchips,nvidia-b200,,status,state,denied\r\n"));
  g_assert_nonnull (strstr (csv.out, "\r\nchips,nvidia-b200,,status,share,\r\n"));

  cpl_test_run_app (&today, today_args);
  after = g_date_time_new_now_local ();
  day_after = g_date_time_format (after, "%Y-%m-%d");
  g_assert_true (g_spawn_check_wait_status (today.status, NULL));
  root = json_from_string (today.out, NULL);
  g_assert_nonnull (root);
  date = json_object_get_string_member (json_object_get_object_member (
           find_by_id (json_node_get_object (root), "chips", "nvidia-h20"), "status"), "date");
  g_assert_true (g_str_equal (date, day_before) || g_str_equal (date, day_after));
}

/* A bad --date is refused: exit 1, nothing on stdout, the value and the
 * expected form on stderr; --date without --compute too. */
static void
test_bad_date (void)
{
  g_autofree char *fixture = g_test_build_filename (G_TEST_DIST, "fixtures", "two-chips.json", NULL);
  const char *bad_args[] = { "--compute", fixture, "--date", "2025-02-30", NULL };
  const char *alone_args[] = { "--date", "2025-09-01", NULL };
  g_auto(CplTestRun) bad = { 0 };
  g_auto(CplTestRun) alone = { 0 };

  cpl_test_run_app (&bad, bad_args);
  g_assert_true (WIFEXITED (bad.status) && WEXITSTATUS (bad.status) == 1);
  g_assert_cmpstr (bad.out, ==, "");
  g_assert_cmpstr (bad.err, ==, "chip-policy-lab: --date “2025-02-30” is not a date; expected YYYY-MM-DD, "
                                "such as 2026-02-01\n");

  cpl_test_run_app (&alone, alone_args);
  g_assert_true (WIFEXITED (alone.status) && WEXITSTATUS (alone.status) == 1);
  g_assert_cmpstr (alone.err, ==, "chip-policy-lab: --date goes with --compute\n");
}

static void
test_help (void)
{
  const char *args[] = { "--help", NULL };
  g_auto(CplTestRun) run = { 0 };

  cpl_test_run_app (&run, args);
  g_assert_true (g_spawn_check_wait_status (run.status, NULL));
  g_assert_nonnull (strstr (run.out, "--compute=FILE"));
  g_assert_nonnull (strstr (run.out, "--format=FORMAT"));
  g_assert_nonnull (strstr (run.out, "--no-builtin"));
  g_assert_nonnull (strstr (run.out, "--date=DATE"));
}

/* Every number in @text has at most 15 significant digits and no binary
 * noise: no run of six 0s before a last digit, or of six 9s, after the
 * decimal mark (the old output had 0.09999999999999998, 2039.0000000000002
 * and 11518840.000000004 for the built-in data). */
static void
assert_no_noise (const char *text)
{
  g_autoptr(GRegex) number = g_regex_new ("-?[0-9]+(\\.[0-9]+)?(e-?[0-9]+)?", 0, 0, NULL);
  g_autoptr(GRegex) noise = g_regex_new ("\\.[0-9]*(0{6,}[1-9]|9{6,})", 0, 0, NULL);
  g_autoptr(GMatchInfo) match = NULL;
  guint n_numbers = 0;

  g_assert_false (g_regex_match (noise, text, 0, NULL));
  g_regex_match (number, text, 0, &match);
  for (; g_match_info_matches (match); g_match_info_next (match, NULL))
    {
      g_autofree char *token = g_match_info_fetch (match, 0);
      g_autofree char *mantissa = g_strndup (token, strcspn (token, "e"));
      guint digits = 0;
      gboolean leading = TRUE;

      /* significant digits: from the first nonzero one */
      for (const char *p = mantissa; *p != '\0'; p++)
        if (g_ascii_isdigit (*p) && !(leading && *p == '0'))
          {
            leading = FALSE;
            digits++;
          }
      /* an integer's trailing zeros are not noise */
      if (strchr (mantissa, '.') == NULL)
        for (const char *p = mantissa + strlen (mantissa); p > mantissa && p[-1] == '0' && digits > 0; p--)
          digits--;
      if (digits > 15)
        g_error ("%s has %u significant digits", token, digits);
      n_numbers++;
    }
  /* the built-in data gives thousands of numbers */
  g_assert_cmpuint (n_numbers, >, 1000);
}

static void
test_no_noise (void)
{
  g_autofree char *path = g_build_filename (g_get_tmp_dir (), "cpl-test-no-noise.json", NULL);
  const char *json_args[] = { "--compute", path, NULL };
  const char *csv_args[] = { "--compute", path, "--format", "csv", NULL };
  g_auto(CplTestRun) json = { 0 };
  g_auto(CplTestRun) csv = { 0 };

  /* no chips of its own: the results of the built-in dataset */
  g_assert_true (g_file_set_contents (path, "{\"format\": \"chip-policy-lab\", \"version\": 1}", -1, NULL));
  cpl_test_run_app (&json, json_args);
  cpl_test_run_app (&csv, csv_args);
  g_unlink (path);
  g_assert_true (g_spawn_check_wait_status (json.status, NULL));
  g_assert_true (g_spawn_check_wait_status (csv.status, NULL));
  assert_no_noise (json.out);
  assert_no_noise (csv.out);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/compute/json", test_json);
  g_test_add_func ("/compute/csv", test_csv);
  g_test_add_func ("/compute/builtin-and-epoch", test_builtin_and_epoch);
  g_test_add_func ("/compute/bad-input", test_bad_input);
  g_test_add_func ("/compute/help", test_help);
  g_test_add_func ("/compute/localized-names", test_localized_names);
  g_test_add_func ("/compute/status-date", test_status_date);
  g_test_add_func ("/compute/status-csv-today", test_status_csv_today);
  g_test_add_func ("/compute/bad-date", test_bad_date);
  g_test_add_func ("/compute/no-noise", test_no_noise);
  return g_test_run ();
}
