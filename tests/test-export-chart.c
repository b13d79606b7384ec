/* test-export-chart.c: `chip-policy-lab --export-chart`, run with no
 * display (DISPLAY and WAYLAND_DISPLAY unset) and no D-Bus, in English
 *
 * Every chart of the issue (and the take and the domestic share-rate
 * curve) is written as PNG, SVG and PDF from the built-in dataset, whose
 * scenarios all have ranges (so the tornado has bars and the bands are
 * drawn).  A chart is 1000 × 600 points: a PNG at --scale 2 is 2000 ×
 * 1200 pixels, an SVG and a PDF are 1000 × 600 pt.  "Not blank": on the
 * light palette's background (the top-left pixel, a margin), at least 1%
 * of the pixels differ from it and at least 4 colours are drawn (text,
 * axes, two series at least).  rsvg-convert and pdftoppm (librsvg2-bin,
 * poppler-utils) turn SVG and PDF into PNGs; without them those checks
 * are skipped with a message.
 */
#include "config.h"

#include <cairo.h>
#include <locale.h>
#include <string.h>
#include <sys/wait.h>

#include "cpl-test-util.h"

static const char * const chart_ids[] = {
  "domestic-share", "units", "revenue", "take", "compute-gap", "cost-of-compute",
  "threshold-map", "timeline", "tornado", "share-curve", "share-curve-domestic",
};

static char *tmp_dir;

static char *
output_path (const char *id,
             const char *extension)
{
  g_autofree char *name = g_strconcat (id, ".", extension, NULL);

  return g_build_filename (tmp_dir, name, NULL);
}

/* Writes @id of @scenarios (NULL-terminated) to @path; it must succeed. */
static void
export_ok (const char         *id,
           const char * const *scenarios,
           const char         *path,
           const char         *scale,
           const char         *palette)
{
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  g_auto(CplTestRun) run = { 0 };

  g_ptr_array_add (args, "--export-chart");
  g_ptr_array_add (args, (gpointer) id);
  for (guint i = 0; scenarios[i] != NULL; i++)
    {
      g_ptr_array_add (args, "--scenario");
      g_ptr_array_add (args, (gpointer) scenarios[i]);
    }
  if (scale != NULL)
    {
      g_ptr_array_add (args, "--scale");
      g_ptr_array_add (args, (gpointer) scale);
    }
  if (palette != NULL)
    {
      g_ptr_array_add (args, "--palette");
      g_ptr_array_add (args, (gpointer) palette);
    }
  g_ptr_array_add (args, "--output");
  g_ptr_array_add (args, (gpointer) path);
  g_ptr_array_add (args, NULL);
  cpl_test_run_app (&run, (const char * const *) args->pdata);
  if (!g_spawn_check_wait_status (run.status, NULL))
    g_error ("--export-chart %s: exit %d: %s", id, run.status, run.err);
  g_assert_cmpstr (run.err, ==, "");
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
}

/* A PNG of @width × @height pixels, drawn on a light background (or,
 * @dark, a dark one), not blank. */
static void
assert_png_drawn_on (const char *path,
                     int         width,
                     int         height,
                     gboolean    dark)
{
  cairo_surface_t *surface = cairo_image_surface_create_from_png (path);
  const guint8 *data;
  int stride;
  guint32 background;
  guint differing = 0;
  g_autoptr(GHashTable) colors = g_hash_table_new (NULL, NULL);

  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  g_assert_cmpint (cairo_image_surface_get_width (surface), ==, width);
  g_assert_cmpint (cairo_image_surface_get_height (surface), ==, height);
  cairo_surface_flush (surface);
  data = cairo_image_surface_get_data (surface);
  stride = cairo_image_surface_get_stride (surface);
  background = *(const guint32 *) data;
  /* light: each of R, G and B above 0xe0 (ARGB32, native endian); dark:
   * each below 0x40 */
  if (dark)
    {
      g_assert_cmpuint ((background >> 16) & 0xff, <, 0x40);
      g_assert_cmpuint ((background >> 8) & 0xff, <, 0x40);
      g_assert_cmpuint (background & 0xff, <, 0x40);
    }
  else
    {
      g_assert_cmpuint ((background >> 16) & 0xff, >, 0xe0);
      g_assert_cmpuint ((background >> 8) & 0xff, >, 0xe0);
      g_assert_cmpuint (background & 0xff, >, 0xe0);
    }
  for (int y = 0; y < height; y++)
    for (int x = 0; x < width; x++)
      {
        guint32 pixel = ((const guint32 *) (data + y * stride))[x];

        if (pixel != background)
          differing++;
        if (g_hash_table_size (colors) < 64)
          g_hash_table_add (colors, GUINT_TO_POINTER (pixel));
      }
  g_assert_cmpuint (differing, >=, (guint) width * height / 100);
  g_assert_cmpuint (g_hash_table_size (colors), >=, 4);
  cairo_surface_destroy (surface);
}

static void
assert_png_drawn (const char *path,
                  int         width,
                  int         height)
{
  assert_png_drawn_on (path, width, height, FALSE);
}

/* Runs @argv (NULL-terminated); FALSE (the test skipped) without the tool. */
static gboolean
convert (const char * const *argv)
{
  g_autofree char *tool = g_find_program_in_path (argv[0]);
  g_autofree char *err = NULL;
  g_autoptr(GError) error = NULL;
  int status;

  if (tool == NULL)
    {
      g_autofree char *message = g_strdup_printf ("%s is not installed (build-aux/deps.sh installs it)", argv[0]);

      g_test_skip (message);
      return FALSE;
    }
  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDOUT_TO_DEV_NULL, NULL, NULL, NULL,
                &err, &status, &error);
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("%s failed: %s", argv[0], err);
  return TRUE;
}

/* A chart of one scenario, "h200-share-25", or (@compare) two, with
 * "full-ban-2025"; the threshold map and the timeline show the dataset. */
static const char * const one[] = { "h200-share-25", NULL };
static const char * const two[] = { "full-ban-2025", "h200-share-25", NULL };

static void
test_png (gconstpointer data)
{
  const char *id = data;
  g_autofree char *path = output_path (id, "png");

  export_ok (id, one, path, "2", NULL);
  /* 1000 × 600 points at 2 pixels a point */
  assert_png_drawn (path, 2000, 1200);
}

static void
test_svg (gconstpointer data)
{
  const char *id = data;
  g_autofree char *path = output_path (id, "svg");
  g_autofree char *png = output_path (id, "svg.png");
  g_autofree char *text = NULL;
  const char *argv[] = { "rsvg-convert", "--dpi-x", "36", "--dpi-y", "36", "--format", "png", "--output", png, path,
                         NULL };

  export_ok (id, one, path, NULL, NULL);
  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
  g_assert_nonnull (strstr (text, "width=\"1000pt\""));
  g_assert_nonnull (strstr (text, "height=\"600pt\""));
  if (!convert (argv))
    return;
  /* 1000 × 600 pt at 36 dpi (half a pixel a point): 500 × 300 pixels */
  assert_png_drawn (png, 500, 300);
}

static void
test_pdf (gconstpointer data)
{
  const char *id = data;
  g_autofree char *path = output_path (id, "pdf");
  g_autofree char *prefix = output_path (id, "pdf");
  g_autofree char *png = g_strconcat (prefix, ".png", NULL);
  const char *argv[] = { "pdftoppm", "-png", "-r", "36", "-singlefile", path, prefix, NULL };

  export_ok (id, g_str_has_prefix (id, "share-curve") || g_str_equal (id, "tornado") ? one : two, path, NULL, NULL);
  if (!convert (argv))
    return;
  /* 1000 × 600 pt at 36 dpi (half a pixel a point): 500 × 300 pixels */
  assert_png_drawn (png, 500, 300);
}

/* Each bad input: exit status 1, nothing on stdout, a message that says
 * what was wrong, and no file written. */
static void
test_errors (void)
{
  g_autofree char *out = output_path ("error", "png");
  g_autofree char *gif = output_path ("error", "gif");
  g_autofree char *svg = output_path ("error", "svg");
  g_autofree char *bad = g_test_build_filename (G_TEST_DIST, "fixtures", "bad", "bad-syntax.json", NULL);
  g_autofree char *ranges = g_test_build_filename (G_TEST_DIST, "fixtures", "report-ranges.json", NULL);
  const struct {
    const char *args[12];
    const char *message;
  } cases[] = {
    { { "--export-chart", "pie", "--scenario", "h200-share-25", "--output", out },
      "--export-chart “pie” is not a chart; expected one of domestic-share, units, revenue, take, compute-gap, "
      "cost-of-compute, threshold-map, timeline, tornado, share-curve, share-curve-domestic\n" },
    { { "--export-chart", "units", "--scenario", "nope", "--output", out },
      "--scenario “nope”: there is no scenario with that id; expected one of full-ban-2025, " },
    { { "--export-chart", "units", "--scenario", "h200-share-25" },
      "--export-chart needs --output OUT.png, OUT.svg or OUT.pdf\n" },
    { { "--export-chart", "units", "--scenario", "h200-share-25", "--output", gif },
      "has no known extension; expected .png, .svg or .pdf\n" },
    { { "--export-chart", "units", "--scenario", "h200-share-25", "--scale", "0", "--output", out },
      "--scale “0” is not a number above 0 and up to 4" },
    { { "--export-chart", "units", "--scenario", "h200-share-25", "--scale", "4.5", "--output", out },
      "--scale “4.5” is not a number above 0 and up to 4" },
    { { "--export-chart", "units", "--scenario", "h200-share-25", "--scale", "2x", "--output", out },
      "--scale “2x” is not a number above 0 and up to 4" },
    { { "--export-chart", "units", "--scenario", "h200-share-25", "--scale", "2", "--output", svg },
      "--scale goes with a PNG output" },
    { { "--export-chart", "units", "--output", out },
      "The chart “units” shows a scenario; name one\n" },
    { { "--export-chart", "tornado", "--scenario", "h200-share-25", "--scenario", "full-ban-2025", "--output", out },
      "The chart “tornado” shows one scenario at a time; name only one\n" },
    { { "--export-chart", "units", "--scenario", "h200-share-25", "--output", out, bad },
      "bad-syntax.json" },
    { { "--scenario", "h200-share-25" },
      "--scenario and --output go with --export-chart or --report, --scale, --palette and --total with "
      "--export-chart\n" },
    { { "--palette", "dark" },
      "--scenario and --output go with --export-chart or --report, --scale, --palette and --total with "
      "--export-chart\n" },
    { { "--export-chart", "units", "--scenario", "h200-share-25", "--palette", "sepia", "--output", out },
      "--palette “sepia” is not a palette; expected light or dark\n" },
    { { "--export-chart", "units", "--scenario", "h200-share-25", "--total", "compute_gap_pflops", "--output", out },
      "--total goes with --export-chart tornado\n" },
    { { "--export-chart", "tornado", "--scenario", "h200-share-25", "--total", "nope", "--output", out },
      "--total “nope” is not a total; expected government_take_usd, compute_gap_pflops, "
      "domestic_installed_pflops, final_domestic_share or gross_revenue_usd\n" },
    /* capacity 10,000,000 PFLOP/s above every draw's domestic demand:
     * never a gap, whatever the approval rate */
    { { "--export-chart", "tornado", "--scenario", "hand-approval", "--total", "compute_gap_pflops", "--output", out,
        ranges },
      "No ranged parameter moves “Compute gap, all years” in this scenario" },
    { { "--total", "compute_gap_pflops" },
      "--scale, --palette and --total with" },
    { { "--report", bad, "--palette", "dark", "--output", out },
      "--scale, --palette and --total go with --export-chart, not with --report\n" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_auto(CplTestRun) run = { 0 };

      cpl_test_run_app (&run, cases[i].args);
      g_assert_true (WIFEXITED (run.status) && WEXITSTATUS (run.status) == 1);
      g_assert_cmpstr (run.out, ==, "");
      g_assert_true (g_str_has_prefix (run.err, "chip-policy-lab: "));
      if (strstr (run.err, cases[i].message) == NULL)
        g_error ("case %u: “%s” does not say “%s”", i, run.err, cases[i].message);
      g_assert_false (g_file_test (out, G_FILE_TEST_EXISTS));
      g_assert_false (g_file_test (gif, G_FILE_TEST_EXISTS));
      g_assert_false (g_file_test (svg, G_FILE_TEST_EXISTS));
    }
}

/* --palette dark draws the chart as the dark theme shows it: a dark
 * margin, and still drawn; light is the default, and may be named. */
static void
test_palette (void)
{
  g_autofree char *dark = output_path ("dark-units", "png");
  g_autofree char *light = output_path ("light-units", "png");

  export_ok ("units", one, dark, NULL, "dark");
  assert_png_drawn_on (dark, 1000, 600, TRUE);
  export_ok ("units", one, light, NULL, "light");
  assert_png_drawn_on (light, 1000, 600, FALSE);
}

/* --total moves the tornado's bars in another total.  In "hand-approval"
 * (tests/fixtures/report-ranges.json) only the approval rate has a range,
 * 50% to 100%; every chip has the weight 1 (price sensitivity 0), so the
 * 2,000,000 PFLOP/s split 1,000,000 to the test chip and 1,000,000 to the
 * domestic chip.  At 50% approval 500,000 is exported and the refused
 * 500,000 spills to the domestic chip (capacity 10,000,000): a domestic
 * share of 1,500,000 / 2,000,000 = 75%; at 100%, 1,000,000 / 2,000,000 =
 * 50%.  So one bar, "Licence approval rate 50%–100%", on an axis from 50%
 * to 75% titled with the total.  (A PDF: its text reads back.) */
static void
test_total (void)
{
  g_autofree char *fixture = g_test_build_filename (G_TEST_DIST, "fixtures", "report-ranges.json", NULL);
  g_autofree char *path = output_path ("tornado-share", "pdf");
  g_autofree char *pdftotext = g_find_program_in_path ("pdftotext");
  const char *args[] = { "--export-chart", "tornado", "--scenario", "hand-approval", "--total", "final_domestic_share",
                         "--output", path, fixture, NULL };
  const char *argv[] = { "pdftotext", path, "-", NULL };
  g_auto(CplTestRun) run = { 0 };
  g_auto(CplTestRun) installed = { 0 };
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  int status;

  cpl_test_run_app (&run, args);
  g_assert_cmpstr (run.err, ==, "");
  g_assert_true (g_spawn_check_wait_status (run.status, NULL));
  if (pdftotext == NULL)
    {
      g_test_skip ("pdftotext is not installed (build-aux/deps.sh installs it)");
      return;
    }
  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, &text,
                NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (text, "Licence approval rate 50%–100%"));
  g_assert_nonnull (strstr (text, "Domestic share of new compute in the last year"));
  g_assert_nonnull (strstr (text, "50%"));
  g_assert_nonnull (strstr (text, "75%"));
  /* not the take's axis */
  g_assert_null (strstr (text, "US government take"));

  /* a total of compute: its unit in the axis title, the ticks being bare
   * numbers (domestic compute: 1,500,000 PFLOP/s at 50%, 1,000,000 at 100%) */
  g_clear_pointer (&text, g_free);
  args[5] = "domestic_installed_pflops";
  cpl_test_run_app (&installed, args);
  g_assert_cmpstr (installed.err, ==, "");
  g_assert_true (g_spawn_check_wait_status (installed.status, NULL));
  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, &text,
                NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (text, "New domestic compute, all years (PFLOP/s)"));
}

/* FILE laid over the built-in dataset: its scenario can be drawn, and a
 * built-in one still can. */
static void
test_file (void)
{
  g_autofree char *fixture = g_test_build_filename (G_TEST_DIST, "fixtures", "two-chips.json", NULL);
  g_autofree char *path = output_path ("file-compute-gap", "png");
  const char *args[] = { "--export-chart", "compute-gap", "--scenario", "two-years", "--scenario", "full-ban-2025",
                         "--output", path, fixture, NULL };
  g_auto(CplTestRun) run = { 0 };

  cpl_test_run_app (&run, args);
  g_assert_cmpstr (run.err, ==, "");
  g_assert_true (g_spawn_check_wait_status (run.status, NULL));
  /* the default scale: a pixel a point */
  assert_png_drawn (path, 1000, 600);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);
  tmp_dir = g_dir_make_tmp ("cpl-export-chart-XXXXXX", NULL);
  g_assert_nonnull (tmp_dir);

  for (guint i = 0; i < G_N_ELEMENTS (chart_ids); i++)
    {
      g_autofree char *png = g_strdup_printf ("/export-chart/png/%s", chart_ids[i]);
      g_autofree char *svg = g_strdup_printf ("/export-chart/svg/%s", chart_ids[i]);
      g_autofree char *pdf = g_strdup_printf ("/export-chart/pdf/%s", chart_ids[i]);

      g_test_add_data_func (png, chart_ids[i], test_png);
      g_test_add_data_func (svg, chart_ids[i], test_svg);
      g_test_add_data_func (pdf, chart_ids[i], test_pdf);
    }
  g_test_add_func ("/export-chart/errors", test_errors);
  g_test_add_func ("/export-chart/file", test_file);
  g_test_add_func ("/export-chart/palette", test_palette);
  g_test_add_func ("/export-chart/total", test_total);
  status = g_test_run ();

  {
    g_autoptr(GFile) dir = g_file_new_for_path (tmp_dir);
    g_autoptr(GFileEnumerator) children = g_file_enumerate_children (dir, G_FILE_ATTRIBUTE_STANDARD_NAME,
                                                                      G_FILE_QUERY_INFO_NONE, NULL, NULL);
    GFile *child;

    while (children != NULL && g_file_enumerator_iterate (children, NULL, &child, NULL, NULL) && child != NULL)
      g_file_delete (child, NULL, NULL);
    g_file_delete (dir, NULL, NULL);
  }
  g_free (tmp_dir);
  return status;
}
