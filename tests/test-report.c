/* test-report.c: `chip-policy-lab --report` end to end, as a separate
 * process with no display, read back with poppler's pdftotext and pdfinfo */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "cpl-test-util.h"

typedef struct {
  gboolean  ok;     /* exit status 0 */
  char     *err;    /* what it printed on stderr */
} ReportRun;

static void
report_run_clear (ReportRun *run)
{
  g_free (run->err);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (ReportRun, report_run_clear)

/* Runs the app with @args, no display and no D-Bus, in @locale (with
 * LANGUAGE @language) and the build tree's catalogues. */
static void
report_run (ReportRun          *run,
            const char         *locale,
            const char         *language,
            const char * const *args)
{
  g_autoptr(GSubprocessLauncher) launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_SILENCE |
                                                                       G_SUBPROCESS_FLAGS_STDERR_PIPE);
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;

  g_ptr_array_add (argv, (char *) g_getenv ("CPL_EXE"));
  g_assert_nonnull (argv->pdata[0]);
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (char *) args[i]);
  g_ptr_array_add (argv, NULL);
  g_subprocess_launcher_unsetenv (launcher, "DISPLAY");
  g_subprocess_launcher_unsetenv (launcher, "WAYLAND_DISPLAY");
  g_subprocess_launcher_setenv (launcher, "DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent/cpl-no-bus", TRUE);
  g_subprocess_launcher_setenv (launcher, "LC_ALL", locale, TRUE);
  g_subprocess_launcher_setenv (launcher, "LANGUAGE", language, TRUE);
  process = g_subprocess_launcher_spawnv (launcher, (const char * const *) argv->pdata, &error);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (process, NULL, NULL, NULL, &run->err, &error);
  g_assert_no_error (error);
  run->ok = g_subprocess_get_if_exited (process) && g_subprocess_get_exit_status (process) == 0;
}

/* The output of a poppler tool on @pdf, or NULL (the test is skipped)
 * when the tool is not installed. */
static char *
poppler (const char *tool,
         const char *pdf)
{
  g_autofree char *path = g_find_program_in_path (tool);
  g_autoptr(GError) error = NULL;
  char *out = NULL;
  int status;

  if (path == NULL)
    {
      g_autofree char *message = g_strdup_printf ("%s is not installed (Debian: poppler-utils)", tool);

      g_test_skip (message);
      return NULL;
    }
  if (g_str_equal (tool, "pdftotext"))
    {
      const char *argv[] = { path, "-layout", pdf, "-", NULL };

      g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, &out, NULL, &status, &error);
    }
  else
    {
      const char *argv[] = { path, pdf, NULL };

      g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, &out, NULL, &status, &error);
    }
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  return out;
}

static char *
temp_pdf (const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("cpl-report-XXXXXX", &error);

  g_assert_no_error (error);
  return g_build_filename (dir, name, NULL);
}

static void
remove_pdf (const char *pdf)
{
  g_autofree char *dir = g_path_get_dirname (pdf);

  g_remove (pdf);
  g_rmdir (dir);
}

/* Writes the report of the full ban and the hand-worked scenario in
 * @locale; returns its text (NULL: pdftotext is missing, skipped) and
 * sets @info to pdfinfo's output. */
static char *
hand_report (const char  *locale,
             const char  *language,
             char       **info)
{
  g_autofree char *fixture = g_test_build_filename (G_TEST_DIST, "fixtures", "report-hand.json", NULL);
  g_autofree char *pdf = temp_pdf ("report.pdf");
  const char *args[] = { "--report", fixture, "--scenario", "full-ban-2025", "--scenario", "hand-25",
                         "--output", pdf, NULL };
  g_auto(ReportRun) run = { 0 };
  char *text;

  report_run (&run, locale, language, args);
  g_assert_cmpstr (run.err, ==, "");
  g_assert_true (run.ok);
  text = poppler ("pdftotext", pdf);
  *info = text ? poppler ("pdfinfo", pdf) : NULL;
  remove_pdf (pdf);
  return text;
}

/* Every page has its number out of the pages pdfinfo counts; a
 * parameters table longer than a page goes on at the top of the next
 * under its header again ("Parameter  Value  Range"). */
static void
check_pages (const char *text,
             const char *info)
{
  g_auto(GStrv) pages = g_strsplit (text, "\f", -1);
  const char *count = strstr (info, "Pages:");
  guint n_pages = g_strv_length (pages) - 1;   /* pdftotext ends every page with \f */
  gboolean repeated = FALSE;

  g_assert_nonnull (count);
  g_assert_cmpuint (g_ascii_strtoull (count + strlen ("Pages:"), NULL, 10), ==, n_pages);
  for (guint i = 0; i < n_pages; i++)
    {
      g_autofree char *number = g_strdup_printf ("Page %u of %u", i + 1, n_pages);
      g_autofree char *top = g_strchug (g_strdup (pages[i]));

      g_assert_nonnull (strstr (pages[i], number));
      repeated |= i > 0 && g_str_has_prefix (top, "Parameter ") && strstr (pages[i - 1], "Parameter ") != NULL;
    }
  g_assert_true (repeated);
}

/* The hand-worked scenario (tests/fixtures/report-hand.json), one year:
 * price sensitivity 0 and no domestic preference give every chip the
 * weight 1, so demand 2,000,000 PFLOP/s splits in halves: 1,000,000 to
 * Test Chip T1, 1,000,000 to the Ascend 910C (capacity 10,000,000: no
 * gap).  Approval 1: exports 1,000,000 PFLOP/s = 1,000 × 1,000,000 /
 * 1,000 TFLOPS = 1,000,000 units at $20,000 = $20 B gross (no
 * pass-through); the take at 25% is $5 B, NVIDIA keeps $15 B; the
 * domestic share of new compute 1,000,000 / 2,000,000 = 50%.  Against
 * the full ban (take $0, no NVIDIA sales): +$5.00 B. */
static void
test_english (void)
{
  g_autofree char *info = NULL;
  g_autofree char *text = hand_report ("en_US.UTF-8", "", &info);

  if (text != NULL && info != NULL)
    {
      g_assert_nonnull (strstr (text, "Scenario report"));
      g_assert_nonnull (strstr (text, "Full ban (April 2025)"));
      g_assert_nonnull (strstr (text, "Hand-worked 25% share"));
      /* the take, and its difference to the full ban (see above) */
      g_assert_nonnull (strstr (text, "$5.00 B"));
      g_assert_nonnull (strstr (text, "+$5.00 B"));
      g_assert_nonnull (strstr (text, "$15.0 B"));
      /* the full ban has ranges (the built-in scenarios do): its take is
       * $0 in every draw, since no chip is exported, a range of one figure */
      g_assert_nonnull (strstr (text, "P10 = P90 = $0"));
      g_assert_null (strstr (text, "$0–$0"));
      /* the parameters as the editor labels them, the first year plain */
      g_assert_nonnull (strstr (text, "Licence approval rate"));
      g_assert_nonnull (strstr (text, "2,000,000 PFLOP/s a"));
      g_assert_null (strstr (text, "2,026"));
      /* every comparison chart, drawn by the chart code (its title and
       * source line are text in the PDF) */
      g_assert_nonnull (strstr (text, "Charts"));
      g_assert_nonnull (strstr (text, "Domestic Share of New Compute"));
      g_assert_nonnull (strstr (text, "Units Shipped"));
      g_assert_nonnull (strstr (text, "Gross Revenue of US Vendors"));
      g_assert_nonnull (strstr (text, "Compute Gap"));
      g_assert_nonnull (strstr (text, "Cost of Compute"));
      g_assert_nonnull (strstr (text, "Chip Policy Lab · data: report-hand.json over the built-in dataset"));
      /* the sources: the chip's, and Epoch AI's credit */
      g_assert_nonnull (strstr (text, "https://example.com/test-chip-datasheet"));
      g_assert_nonnull (strstr (text, "CC BY 4.0"));
      /* A4 by default: 595 × 842 pt */
      g_assert_nonnull (strstr (info, "Page size:       595 x 842 pts"));
      check_pages (text, info);
    }
}

/* The same report in Simplified Chinese: $5 B is 50 亿 US dollars. */
static void
test_chinese (void)
{
  g_autofree char *info = NULL;
  g_autofree char *text = hand_report ("zh_CN.UTF-8", "zh_CN", &info);

  if (text != NULL)
    {
      g_assert_nonnull (strstr (text, "情景分析报告"));
      g_assert_nonnull (strstr (text, "全面禁售（2025 年 4 月）"));
      g_assert_nonnull (strstr (text, "50.0 亿美元"));
      g_assert_nonnull (strstr (text, "+50.0 亿美元"));
    }
}

/* Runs `--report @args --output PDF` in English, which must succeed, and
 * returns the PDF's text (NULL: pdftotext is missing, skipped). */
static char *
report_text (const char * const *args)
{
  g_autofree char *pdf = temp_pdf ("text.pdf");
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_auto(ReportRun) run = { 0 };
  char *text;

  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
  g_ptr_array_add (argv, "--output");
  g_ptr_array_add (argv, pdf);
  g_ptr_array_add (argv, NULL);
  report_run (&run, "en_US.UTF-8", "", (const char * const *) argv->pdata);
  g_assert_cmpstr (run.err, ==, "");
  g_assert_true (run.ok);
  text = poppler ("pdftotext", pdf);
  remove_pdf (pdf);
  return text;
}

/* The dollars of "$3.35 B" at @text, in billions. */
static double
billions_at (const char *text)
{
  char *end = NULL;
  double value;

  g_assert_true (text[0] == '$');
  value = g_ascii_strtod (text + 1, &end);
  g_assert_true (end != text + 1 && g_str_has_prefix (end, " B"));
  return value;
}

/* A scenario with ranges has the P10–P90 of its totals under their values.
 * tests/fixtures/report-ranges.json is the hand-worked scenario of
 * test_english() with the share drawn from a triangle 10%, 25%, 40%: with
 * nothing else ranged the gross stays $20 B, so the take is $20 B × the
 * share.  The triangle's P10 is 0.10 + √(0.1 × 0.30 × 0.15) = 0.10 +
 * 0.0671 = 0.1671, its P90 0.40 − 0.0671 = 0.3329: a take of $3.342 B and
 * $6.658 B.  10,000 draws estimate a P10 within about one standard error,
 * √(0.1 × 0.9 / 10,000) ÷ the density there (2 × 0.0671 / (0.30 × 0.15) =
 * 2.98) = 0.0010 of share, $0.020 B of take: the test allows $0.1 B.  The
 * domestic share is 50% in every draw, so its range is 50%–50%. */
static void
test_ranges (void)
{
  g_autofree char *fixture = g_test_build_filename (G_TEST_DIST, "fixtures", "report-ranges.json", NULL);
  const char *args[] = { "--report", fixture, "--scenario", "hand-ranged", NULL };
  g_autofree char *text = report_text (args);
  g_autofree char *joined = NULL;
  const char *range;
  const char *dash;

  if (text == NULL)
    return;
  /* the note over the table, its lines joined */
  joined = g_strdelimit (g_strdup (text), "\n", ' ');
  g_assert_nonnull (strstr (joined, "gives the range of 10,000 Monte Carlo draws"));
  range = strstr (text, "P10–P90: $");
  g_assert_nonnull (range);
  range += strlen ("P10–P90: ");
  dash = strstr (range, "–$");
  g_assert_nonnull (dash);
  g_assert_cmpfloat_with_epsilon (billions_at (range), 3.342, 0.1);
  g_assert_cmpfloat_with_epsilon (billions_at (dash + strlen ("–")), 6.658, 0.1);
  g_assert_nonnull (strstr (text, "P10 = P90 = 50.0%"));
}

/* Without FILE the report is of the built-in dataset: its full ban, and
 * the charts' source line names the built-in data, not a file. */
static void
test_builtin (void)
{
  const char *args[] = { "--report", "--scenario", "full-ban-2025", NULL };
  g_autofree char *text = report_text (args);

  if (text == NULL)
    return;
  g_assert_nonnull (strstr (text, "Full ban (April 2025)"));
  g_assert_nonnull (strstr (text, "Chip Policy Lab · data: built-in dataset"));
  g_assert_null (strstr (text, "over the built-in dataset"));
}

/* --paper letter: 8.5 × 11 in = 612 × 792 pt on every page. */
static void
test_letter (void)
{
  g_autofree char *pdf = temp_pdf ("letter.pdf");
  g_autofree char *fixture = g_test_build_filename (G_TEST_DIST, "fixtures", "report-hand.json", NULL);
  const char *args[] = { "--report", fixture, "--scenario", "hand-25", "--output", pdf, "--paper", "letter", NULL };
  g_auto(ReportRun) run = { 0 };
  g_autofree char *info = NULL;

  report_run (&run, "en_US.UTF-8", "", args);
  g_assert_cmpstr (run.err, ==, "");
  g_assert_true (run.ok);
  info = poppler ("pdfinfo", pdf);
  if (info != NULL)
    g_assert_nonnull (strstr (info, "Page size:       612 x 792 pts (letter)"));
  remove_pdf (pdf);
}

/* Bad input: exit status 1 and a message that names what is wrong; the
 * file that was at --output is still there, untouched. */
static void
test_bad_input (void)
{
  g_autofree char *pdf = temp_pdf ("kept.pdf");
  g_autofree char *fixture = g_test_build_filename (G_TEST_DIST, "fixtures", "report-hand.json", NULL);
  g_autofree char *missing_dir = g_build_filename (g_get_tmp_dir (), "cpl-no-such-dir", "r.pdf", NULL);
  const struct {
    const char *args[9];
    const char *message;
  } cases[] = {
    { { "--report", fixture, "--scenario", "no-such-scenario", "--output", pdf, NULL },
      "--scenario “no-such-scenario”: there is no scenario with that id; expected one of full-ban-2025" },
    { { "--report", fixture, "--output", pdf, "--paper", "a5", NULL },
      "--paper “a5” is not a paper size; expected a4 or letter" },
    { { "--report", fixture, NULL }, "--report needs --output" },
    { { "--paper", "letter", NULL }, "--paper goes with --report" },
    { { "--report", "/nonexistent/cpl-data.json", "--output", pdf, NULL }, "/nonexistent/cpl-data.json" },
    { { "--report", fixture, "--scenario", "hand-25", "--output", missing_dir, NULL },
      "Could not write the report" },
    { { "--report", fixture, fixture, "--output", pdf, NULL }, "--report reads one FILE at most" },
  };
  g_autofree char *kept = NULL;

  g_assert_true (g_file_set_contents (pdf, "kept", -1, NULL));
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_auto(ReportRun) run = { 0 };

      report_run (&run, "en_US.UTF-8", "", cases[i].args);
      g_assert_false (run.ok);
      g_assert_true (g_str_has_prefix (run.err, "chip-policy-lab: "));
      if (strstr (run.err, cases[i].message) == NULL)
        g_error ("case %u: “%s” does not say “%s”", i, run.err, cases[i].message);
    }
  g_assert_true (g_file_get_contents (pdf, &kept, NULL, NULL));
  g_assert_cmpstr (kept, ==, "kept");
  remove_pdf (pdf);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/report/english", test_english);
  g_test_add_func ("/report/chinese", test_chinese);
  g_test_add_func ("/report/letter", test_letter);
  g_test_add_func ("/report/ranges", test_ranges);
  g_test_add_func ("/report/builtin", test_builtin);
  g_test_add_func ("/report/bad-input", test_bad_input);
  return g_test_run ();
}
