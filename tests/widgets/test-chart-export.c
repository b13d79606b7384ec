/* test-chart-export.c: charts drawn and exported with no display
 *
 * Runs as a model test: DISPLAY and WAYLAND_DISPLAY are unset and GTK is
 * never initialised, so it proves that the command line can export
 * charts on a machine without a screen.
 */
#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <math.h>
#include <string.h>

#include "widgets/cpl-chart.h"
#include "widgets/cpl-chart-private.h"
#include "widgets/cpl-line-chart.h"

#define WIDTH  400
#define HEIGHT 300

/* Two series: a rising blue line and a falling orange one. */
static CplLineChart *
new_two_lines (void)
{
  CplLineChart *chart = CPL_LINE_CHART (cpl_line_chart_new ());
  const double years[] = { 2026, 2027, 2028, 2029, 2030 };
  const double up[] = { 10, 20, 30, 40, 50 };
  const double down[] = { 50, 40, 30, 20, 10 };

  cpl_line_chart_set_axes (chart, "Year", "Units (millions)");
  cpl_line_chart_set_x_integer (chart, TRUE);
  cpl_line_chart_set_series_color (chart, cpl_line_chart_add_series (chart, "Rising", years, up, 5,
                                                                     CPL_LINE_STYLE_LINE),
                                   CPL_CHART_COLOR_BLUE);
  cpl_line_chart_set_series_color (chart, cpl_line_chart_add_series (chart, "Falling", years, down, 5,
                                                                     CPL_LINE_STYLE_LINE),
                                   CPL_CHART_COLOR_ORANGE);
  cpl_chart_set_title (CPL_CHART (chart), "Units Shipped");
  cpl_chart_set_source (CPL_CHART (chart), "Chip Policy Lab · data: built-in dataset");
  return chart;
}

static char *
temp_path (const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("cpl-chart-export-XXXXXX", &error);

  g_assert_no_error (error);
  return g_build_filename (dir, name, NULL);
}

static void
remove_temp (const char *path)
{
  g_autofree char *dir = g_path_get_dirname (path);

  g_remove (path);
  g_rmdir (dir);
}

/* The pixel at (@x, @y) of a 32-bit image: 0xAARRGGBB (RGB24: 0xXXRRGGBB). */
static guint32
pixel_at (cairo_surface_t *image,
          int              x,
          int              y)
{
  const guchar *row = cairo_image_surface_get_data (image) + y * cairo_image_surface_get_stride (image);

  return ((const guint32 *) (gconstpointer) row)[x];
}

/* Whether the pixel at (@x, @y) of an ARGB32 image is #RRGGBB, opaque. */
static gboolean
pixel_is (cairo_surface_t *image,
          int              x,
          int              y,
          guint32          rgb)
{
  return pixel_at (image, x, y) == (0xff000000u | rgb);
}

/* The number of distinct colours in @image, and whether @rgb is one. */
static guint
count_colors (cairo_surface_t *image,
              guint32          rgb,
              gboolean        *has_rgb)
{
  g_autoptr(GHashTable) colors = g_hash_table_new (NULL, NULL);
  int width = cairo_image_surface_get_width (image);
  int height = cairo_image_surface_get_height (image);

  *has_rgb = FALSE;
  cairo_surface_flush (image);
  for (int y = 0; y < height; y++)
    for (int x = 0; x < width; x++)
      {
        guint32 pixel = pixel_at (image, x, y);

        g_hash_table_add (colors, GUINT_TO_POINTER (pixel));
        if (pixel == (0xff000000u | rgb))
          *has_rgb = TRUE;
      }
  return g_hash_table_size (colors);
}

/* PNG at scale 2: 2 × 400 by 2 × 300 = 800 × 600 pixels, on a white
 * background (the light palette whatever the theme), with the series'
 * light blue, Okabe–Ito #0066a3, among many colours; dark: #242424
 * behind it and the dark shade of blue, #3d9fe0. */
static void
test_png (void)
{
  g_autoptr(CplLineChart) chart = new_two_lines ();
  g_autofree char *path = temp_path ("units.png");
  g_autoptr(GError) error = NULL;
  cairo_surface_t *image;
  gboolean has_blue;

  g_assert_true (cpl_chart_export (CPL_CHART (chart), path, CPL_CHART_EXPORT_PNG, WIDTH, HEIGHT, 2, FALSE, &error));
  g_assert_no_error (error);

  image = cairo_image_surface_create_from_png (path);
  g_assert_cmpint (cairo_surface_status (image), ==, CAIRO_STATUS_SUCCESS);
  g_assert_cmpint (cairo_image_surface_get_width (image), ==, 800);
  g_assert_cmpint (cairo_image_surface_get_height (image), ==, 600);
  g_assert_true (pixel_is (image, 0, 0, 0xffffff));
  g_assert_true (pixel_is (image, 799, 599, 0xffffff));
  g_assert_cmpuint (count_colors (image, 0x0066a3, &has_blue), >, 16);
  g_assert_true (has_blue);
  cairo_surface_destroy (image);

  /* scale 1, dark: 400 × 300 */
  g_assert_true (cpl_chart_export (CPL_CHART (chart), path, CPL_CHART_EXPORT_PNG, WIDTH, HEIGHT, 1, TRUE, &error));
  g_assert_no_error (error);
  image = cairo_image_surface_create_from_png (path);
  g_assert_cmpint (cairo_image_surface_get_width (image), ==, 400);
  g_assert_cmpint (cairo_image_surface_get_height (image), ==, 300);
  g_assert_true (pixel_is (image, 0, 0, 0x242424));
  g_assert_cmpuint (count_colors (image, 0x3d9fe0, &has_blue), >, 16);
  g_assert_true (has_blue);
  cairo_surface_destroy (image);

  remove_temp (path);
}

/* @chart drawn in the light palette at WIDTH × HEIGHT, the size it was
 * laid out at, onto a new image. */
static cairo_surface_t *
draw_light (CplChart *chart)
{
  cairo_surface_t *image = cairo_image_surface_create (CAIRO_FORMAT_RGB24, WIDTH, HEIGHT);
  cairo_t *cr = cairo_create (image);

  cpl_chart_draw (chart, cr, WIDTH, HEIGHT, FALSE);
  cairo_destroy (cr);
  cairo_surface_flush (image);
  return image;
}

/* The red channel of a light drawing of blue lines, @n_banded of them
 * (at least two) with the same P10–P90 band, 0.1–0.7 over x 0–1: the
 * lines at 0.2 (the first, the third and on) and 0.6 (the second), the pixel at x 0.37, y 0.35, inside every band,
 * off the lines, gridlines and the bands' edges. */
static int
band_red (guint n_banded)
{
  g_autoptr(CplLineChart) chart = CPL_LINE_CHART (cpl_line_chart_new ());
  const double x[] = { 0, 1 };
  const double low[] = { .1, .1 };
  const double high[] = { .7, .7 };
  cairo_surface_t *image;
  double x0, x1, y_low, y_high;
  guint32 pixel;

  for (guint s = 0; s < MAX (n_banded, 2); s++)
    {
      const double y[] = { s == 1 ? .6 : .2, s == 1 ? .6 : .2 };
      guint index = cpl_line_chart_add_series (chart, "Scenario", x, y, 2, CPL_LINE_STYLE_LINE);

      cpl_line_chart_set_series_color (chart, index, CPL_CHART_COLOR_BLUE);
      if (s < n_banded)
        cpl_line_chart_set_series_band (chart, index, low, high);
    }
  cpl_chart_set_size (CPL_CHART (chart), WIDTH, HEIGHT);
  g_assert_true (cpl_line_chart_point_position (chart, 0, 0, &x0, &y_low));
  g_assert_true (cpl_line_chart_point_position (chart, 1, 1, &x1, &y_high));
  image = draw_light (CPL_CHART (chart));
  /* y 0.35 is 3/8 of the way from 0.2 to 0.6 */
  pixel = pixel_at (image, (int) (x0 + (x1 - x0) * .37), (int) (y_low + (y_high - y_low) * .375));
  cairo_surface_destroy (image);
  return (pixel >> 16) & 0xff;
}

/* Bands of many compared scenarios do not blend into one dark colour.
 * The light blue #0066a3 has red 0; a band fills at alpha .16 over white
 * (red 255), so k bands leave 255 × 0.84^k: one 214.2, two 179.9; five
 * at full strength would leave 255 × 0.84^5 = 106.6.  From three bands
 * on, each is 2/n as strong: five at .064 leave 255 × 0.936^5 = 183.2,
 * no darker than two, and three at .1067 leave 255 × 0.8933^3 = 181.8. */
static void
test_band_overlap (void)
{
  int one = band_red (1), two = band_red (2), three = band_red (3), five = band_red (5);

  g_test_message ("red under 1, 2, 3, 5 bands: %d %d %d %d", one, two, three, five);
  g_assert_cmpint (ABS (one - 214), <=, 2);
  g_assert_cmpint (ABS (two - 180), <=, 2);
  g_assert_cmpint (ABS (three - 182), <=, 2);
  g_assert_cmpint (ABS (five - 183), <=, 2);
}

/* The red channel at x @at (and y 4.3) of a light drawing of two lines
 * over x 0–100, at y 2 and 8, with a span from 50 to 100 unless @cleared
 * (removed by clearing the chart and adding the lines again). */
static int
span_red (double   at,
          gboolean cleared)
{
  g_autoptr(CplLineChart) chart = CPL_LINE_CHART (cpl_line_chart_new ());
  const double x[] = { 0, 100 };
  const double low[] = { 2, 2 };
  const double high[] = { 8, 8 };
  cairo_surface_t *image;
  double x0, x1, y_low, y_high;
  guint32 pixel;

  for (guint round = 0; round < (cleared ? 2 : 1); round++)
    {
      cpl_line_chart_clear (chart);
      cpl_line_chart_add_series (chart, "Low", x, low, 2, CPL_LINE_STYLE_LINE);
      cpl_line_chart_add_series (chart, "High", x, high, 2, CPL_LINE_STYLE_LINE);
      if (round == 0)
        cpl_line_chart_set_span (chart, 100, 50, "Loss");
    }
  cpl_chart_set_size (CPL_CHART (chart), WIDTH, HEIGHT);
  g_assert_true (cpl_line_chart_point_position (chart, 0, 0, &x0, &y_low));
  g_assert_true (cpl_line_chart_point_position (chart, 1, 1, &x1, &y_high));
  image = draw_light (CPL_CHART (chart));
  /* y 4.3 is 2.3/6 of the way from 2 to 8 */
  pixel = pixel_at (image, (int) (x0 + (x1 - x0) * at / 100), (int) (y_low + (y_high - y_low) * 2.3 / 6));
  cairo_surface_destroy (image);
  return (pixel >> 16) & 0xff;
}

/* A span shades its range of x in the light grey #7a7a7a at alpha .16
 * over white: 255 − 0.16 × (255 − 122) = 233.7; outside it, and once the
 * chart is cleared, the plot is white (255).  The ends may come in
 * either order. */
static void
test_span (void)
{
  g_assert_cmpint (ABS (span_red (78, FALSE) - 234), <=, 1);
  g_assert_cmpint (span_red (37, FALSE), ==, 255);
  g_assert_cmpint (span_red (78, TRUE), ==, 255);
}

/* An area series with a band (the compute gap with its P10–P90) is a line
 * over its band: below the band, at y 2 under a band of 4–6 round a line
 * at 5, the plot stays white (255; the area's fill reached down to 0),
 * and its legend entry is a line.  The legend says once what the bands
 * are, "P10–P90 range", after the series. */
static void
test_area_band (void)
{
  g_autoptr(CplLineChart) chart = CPL_LINE_CHART (cpl_line_chart_new ());
  const double x[] = { 0, 1 };
  const double gap[] = { 5, 5 };
  const double top[] = { 8, 8 };
  const double low[] = { 4, 4 };
  const double high[] = { 6, 6 };
  cairo_surface_t *image;
  g_autoptr(GArray) legend = NULL;
  double x0, x1, y_gap, y_top;
  guint32 pixel;

  cpl_line_chart_set_series_band (chart, cpl_line_chart_add_series (chart, "Gap", x, gap, 2, CPL_LINE_STYLE_AREA),
                                  low, high);
  cpl_line_chart_add_series (chart, "Top", x, top, 2, CPL_LINE_STYLE_LINE);
  cpl_chart_set_size (CPL_CHART (chart), WIDTH, HEIGHT);
  g_assert_true (cpl_line_chart_point_position (chart, 0, 0, &x0, &y_gap));
  g_assert_true (cpl_line_chart_point_position (chart, 1, 1, &x1, &y_top));
  image = draw_light (CPL_CHART (chart));
  /* y 2.3: 2.7 below the line at 5, where the scale is (y_gap − y_top) / 3
   * pixels per unit */
  pixel = pixel_at (image, (int) (x0 + (x1 - x0) * .37), (int) (y_gap + (y_gap - y_top) / 3 * 2.7));
  cairo_surface_destroy (image);
  g_assert_cmpint ((pixel >> 16) & 0xff, ==, 255);

  legend = cpl_chart_build_legend (CPL_CHART (chart));
  g_assert_cmpuint (legend->len, ==, 3);
  g_assert_cmpstr (g_array_index (legend, CplChartLegendItem, 0).label, ==, "Gap");
  g_assert_cmpint (g_array_index (legend, CplChartLegendItem, 0).kind, ==, CPL_CHART_LEGEND_LINE);
  /* the one band of two lines says whose it is */
  g_assert_cmpstr (g_array_index (legend, CplChartLegendItem, 2).label, ==, "P10–P90 range of Gap");
  g_assert_cmpint (g_array_index (legend, CplChartLegendItem, 2).kind, ==, CPL_CHART_LEGEND_AREA);
}

/* Whether @pixel (RGB24) is within 40 of @color in each channel. */
static gboolean
pixel_near (guint32        pixel,
            const GdkRGBA *color)
{
  return ABS ((int) ((pixel >> 16) & 0xff) - (int) round (color->red * 255)) <= 40
         && ABS ((int) ((pixel >> 8) & 0xff) - (int) round (color->green * 255)) <= 40
         && ABS ((int) (pixel & 0xff) - (int) round (color->blue * 255)) <= 40;
}

/* Two compared scenarios with the same values: the second line, drawn on
 * the first, is dashed, so that the first shows between its dashes
 * (only the second's colour showed).  Along the lines' row, x 0.1 to 0.9
 * of the way, both colours are seen, each over at least a quarter of the
 * pixels (the dashes and gaps are 8 px each); a third line elsewhere,
 * alone, stays whole. */
static void
test_coinciding_lines (void)
{
  g_autoptr(CplLineChart) chart = CPL_LINE_CHART (cpl_line_chart_new ());
  const double x[] = { 0, 1 };
  const double same[] = { 5, 5 };
  const double other[] = { 8, 8 };
  cairo_surface_t *image;
  CplChartPalette palette;
  double x0, x1, y_same, y_other;
  guint first = 0, second = 0, alone = 0, n = 0;

  cpl_chart_palette_init (&palette, FALSE);
  cpl_line_chart_set_series_color (chart, cpl_line_chart_add_series (chart, "First", x, same, 2, CPL_LINE_STYLE_LINE),
                                   CPL_CHART_COLOR_BLUE);
  cpl_line_chart_set_series_color (chart, cpl_line_chart_add_series (chart, "Second", x, same, 2, CPL_LINE_STYLE_LINE),
                                   CPL_CHART_COLOR_ORANGE);
  cpl_line_chart_set_series_color (chart, cpl_line_chart_add_series (chart, "Alone", x, other, 2, CPL_LINE_STYLE_LINE),
                                   CPL_CHART_COLOR_GREEN);
  cpl_chart_set_size (CPL_CHART (chart), WIDTH, HEIGHT);
  g_assert_true (cpl_line_chart_point_position (chart, 0, 0, &x0, &y_same));
  g_assert_true (cpl_line_chart_point_position (chart, 2, 1, &x1, &y_other));
  image = draw_light (CPL_CHART (chart));

  for (int px = (int) (x0 + (x1 - x0) * .1); px < (int) (x0 + (x1 - x0) * .9); px++, n++)
    {
      guint32 pixel = pixel_at (image, px, (int) y_same);

      first += pixel_near (pixel, cpl_chart_palette_series (&palette, CPL_CHART_COLOR_BLUE));
      second += pixel_near (pixel, cpl_chart_palette_series (&palette, CPL_CHART_COLOR_ORANGE));
    }
  for (int px = (int) (x0 + (x1 - x0) * .1); px < (int) (x0 + (x1 - x0) * .9); px++)
    alone += pixel_near (pixel_at (image, px, (int) y_other),
                         cpl_chart_palette_series (&palette, CPL_CHART_COLOR_GREEN));
  cairo_surface_destroy (image);
  g_test_message ("of %u pixels: first %u, second %u; alone %u", n, first, second, alone);
  g_assert_cmpuint (first, >=, n / 4);
  g_assert_cmpuint (second, >=, n / 4);
  g_assert_cmpuint (alone, ==, n);
}

/* Two marker labels that would stand side by side keep a gap of at
 * least 6 px, or stand on rows of their own, at every width from a
 * phone's to a window's (on a phone "current 15%" ended where "highest
 * take 100%" began: "15%highest"). */
static void
test_marker_gap (void)
{
  g_autoptr(CplLineChart) chart = CPL_LINE_CHART (cpl_line_chart_new ());
  const double x[] = { 0, 100 };
  const double take[] = { 0, 1e12 };
  const double net[] = { 1e12, 0 };

  cpl_chart_ensure_headless ();
  cpl_line_chart_add_series (chart, "Take", x, take, 2, CPL_LINE_STYLE_LINE);
  cpl_line_chart_add_series (chart, "Net revenue", x, net, 2, CPL_LINE_STYLE_LINE);
  cpl_line_chart_add_marker (chart, 15, "current 15%");
  cpl_line_chart_add_marker (chart, 100, "highest take 100%");
  for (int width = 200; width <= 600; width += 1)
    {
      GtkSnapshot *snapshot = gtk_snapshot_new ();
      GskRenderNode *node;
      graphene_rect_t a, b;

      cpl_chart_set_size (CPL_CHART (chart), width, 300);
      cpl_chart_snapshot (CPL_CHART (chart), snapshot);
      node = gtk_snapshot_free_to_node (snapshot);
      g_clear_pointer (&node, gsk_render_node_unref);
      if (!cpl_line_chart_get_marker_place (chart, 0, &a) || !cpl_line_chart_get_marker_place (chart, 1, &b))
        continue;
      if (fabs (a.origin.y - b.origin.y) >= a.size.height)
        continue;
      if (!(a.origin.x + a.size.width + 6 <= b.origin.x || b.origin.x + b.size.width + 6 <= a.origin.x))
        g_error ("at %d px: %.1f–%.1f and %.1f–%.1f on one row", width, a.origin.x, a.origin.x + a.size.width,
                 b.origin.x, b.origin.x + b.size.width);
    }
}

/* The first bytes of the file at @path, and its size. */
static char *
read_head (const char *path,
           gsize      *size)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

  g_assert_true (g_file_get_contents (path, &contents, size, &error));
  g_assert_no_error (error);
  return contents;
}

/* Whether @data, which may hold NUL bytes, holds @text. */
static gboolean
contains (const char *data,
          gsize       size,
          const char *text)
{
  gsize length = strlen (text);

  for (gsize i = 0; i + length <= size; i++)
    if (memcmp (data + i, text, length) == 0)
      return TRUE;
  return FALSE;
}

/* SVG and PDF at 400 × 300 points: an SVG document of that size, a PDF
 * file; each more than a few kilobytes, as the text is drawn as glyphs. */
static void
test_vector (void)
{
  g_autoptr(CplLineChart) chart = new_two_lines ();
  g_autofree char *svg_path = temp_path ("units.svg");
  g_autofree char *pdf_path = temp_path ("units.pdf");
  g_autofree char *svg = NULL;
  g_autofree char *pdf = NULL;
  g_autoptr(GError) error = NULL;
  gsize size;

  g_assert_true (cpl_chart_export (CPL_CHART (chart), svg_path, CPL_CHART_EXPORT_SVG, WIDTH, HEIGHT, 1, FALSE, &error));
  g_assert_no_error (error);
  svg = read_head (svg_path, &size);
  g_assert_true (g_str_has_prefix (svg, "<?xml") || g_str_has_prefix (svg, "<svg"));
  g_assert_nonnull (strstr (svg, "<svg"));
  g_assert_nonnull (strstr (svg, "width=\"400pt\""));
  g_assert_nonnull (strstr (svg, "height=\"300pt\""));
  g_assert_cmpuint (size, >, 4096);

  g_assert_true (cpl_chart_export (CPL_CHART (chart), pdf_path, CPL_CHART_EXPORT_PDF, WIDTH, HEIGHT, 1, FALSE, &error));
  g_assert_no_error (error);
  pdf = read_head (pdf_path, &size);
  g_assert_true (g_str_has_prefix (pdf, "%PDF-"));
  /* the page's box: 0 0 400 300 */
  g_assert_true (contains (pdf, size, "/MediaBox [ 0 0 400 300 ]"));
  g_assert_cmpuint (size, >, 4096);

  remove_temp (svg_path);
  remove_temp (pdf_path);
}

/* The smallest box around the pixels of @image within @tolerance of
 * #RRGGBB in each channel, opaque; FALSE when there are none. */
static gboolean
color_box (cairo_surface_t *image,
           guint32          rgb,
           int              tolerance,
           GdkRectangle    *box)
{
  int width = cairo_image_surface_get_width (image);
  int height = cairo_image_surface_get_height (image);
  int x0 = width, y0 = height, x1 = -1, y1 = -1;

  cairo_surface_flush (image);
  for (int y = 0; y < height; y++)
    for (int x = 0; x < width; x++)
      {
        guint32 pixel = pixel_at (image, x, y);
        gboolean near = (pixel >> 24) == 0xff;

        for (int shift = 0; shift < 24 && near; shift += 8)
          near = ABS ((int) ((pixel >> shift) & 0xff) - (int) ((rgb >> shift) & 0xff)) <= tolerance;
        if (near)
          {
            x0 = MIN (x0, x);
            y0 = MIN (y0, y);
            x1 = MAX (x1, x);
            y1 = MAX (y1, y);
          }
      }
  *box = (GdkRectangle) { x0, y0, x1 - x0 + 1, y1 - y0 + 1 };
  return x1 >= 0;
}

/* Where @rgb is in the PNG export and in rsvg-convert's rendering of the
 * SVG export: the same box, within @slack pixels on every side. */
static void
assert_same_box (cairo_surface_t *png,
                 cairo_surface_t *svg,
                 guint32          rgb,
                 int              tolerance,
                 int              min_width)
{
  const int slack = 2;
  GdkRectangle in_png, in_svg;

  g_assert_true (color_box (png, rgb, tolerance, &in_png));
  g_assert_true (color_box (svg, rgb, tolerance, &in_svg));
  g_test_message ("#%06x: PNG %d,%d %d×%d, SVG %d,%d %d×%d", rgb, in_png.x, in_png.y, in_png.width,
                  in_png.height, in_svg.x, in_svg.y, in_svg.width, in_svg.height);
  g_assert_cmpint (in_png.width, >=, min_width);
  g_assert_cmpint (ABS (in_svg.x - in_png.x), <=, slack);
  g_assert_cmpint (ABS (in_svg.y - in_png.y), <=, slack);
  g_assert_cmpint (ABS ((in_svg.x + in_svg.width) - (in_png.x + in_png.width)), <=, slack);
  g_assert_cmpint (ABS ((in_svg.y + in_svg.height) - (in_png.y + in_png.height)), <=, slack);
}

/* The lines and bands of an SVG export are where the PNG export has
 * them, not shifted against the axes (cairo 1.16 wrote GTK's recording
 * surfaces, whose origin is where the plot starts, without that origin).
 * The SVG, rendered by rsvg-convert at 400 × 300 pixels, and the PNG at
 * scale 1 have each colour in the same box within 2 pixels:
 *  - the lines, blue #0066a3 and orange #b87d00, from the first year to
 *    the last, over most of the plot's width: more than 200 of 400 pixels;
 *  - the rising line's band, ±5 around it, in its fill: the blue at 16 %
 *    over white, 255 × .84 + (0, 102, 163) × .16 = (214.2, 230.5, 240.3),
 *    so #d6e6f0 within 3.  The legend's swatches are in both pictures too,
 *    drawn without cairo, so they are where they belong in both. */
static void
test_svg_geometry (void)
{
  g_autoptr(CplLineChart) chart = new_two_lines ();
  const double low[] = { 5, 15, 25, 35, 45 };
  const double high[] = { 15, 25, 35, 45, 55 };
  g_autofree char *png_path = temp_path ("units.png");
  g_autofree char *svg_path = temp_path ("units.svg");
  g_autofree char *rendered_path = temp_path ("units-svg.png");
  g_autofree char *rsvg = g_find_program_in_path ("rsvg-convert");
  g_autofree char *errors = NULL;
  g_autoptr(GError) error = NULL;
  cairo_surface_t *png, *svg;
  int status;

  if (rsvg == NULL)
    {
      g_test_skip ("rsvg-convert is not installed (Debian: librsvg2-bin)");
      remove_temp (png_path);
      remove_temp (svg_path);
      remove_temp (rendered_path);
      return;
    }

  cpl_line_chart_set_series_band (chart, 0, low, high);
  g_assert_true (cpl_chart_export (CPL_CHART (chart), png_path, CPL_CHART_EXPORT_PNG, WIDTH, HEIGHT, 1, FALSE, &error));
  g_assert_no_error (error);
  g_assert_true (cpl_chart_export (CPL_CHART (chart), svg_path, CPL_CHART_EXPORT_SVG, WIDTH, HEIGHT, 1, FALSE, &error));
  g_assert_no_error (error);

  {
    const char *argv[] = { rsvg, "-w", "400", "-h", "300", "-o", rendered_path, svg_path, NULL };

    g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDOUT_TO_DEV_NULL, NULL, NULL,
                                 NULL, &errors, &status, &error));
    g_assert_no_error (error);
    g_assert_true (g_spawn_check_wait_status (status, &error));
    g_assert_no_error (error);
  }

  png = cairo_image_surface_create_from_png (png_path);
  svg = cairo_image_surface_create_from_png (rendered_path);
  g_assert_cmpint (cairo_surface_status (svg), ==, CAIRO_STATUS_SUCCESS);
  g_assert_cmpint (cairo_image_surface_get_width (svg), ==, 400);
  g_assert_cmpint (cairo_image_surface_get_height (svg), ==, 300);

  assert_same_box (png, svg, 0x0066a3, 24, 200);
  assert_same_box (png, svg, 0xb87d00, 24, 200);
  assert_same_box (png, svg, 0xd6e6f0, 3, 200);

  cairo_surface_destroy (png);
  cairo_surface_destroy (svg);
  remove_temp (png_path);
  remove_temp (svg_path);
  remove_temp (rendered_path);
}

static void
test_format_from_path (void)
{
  CplChartExportFormat format = CPL_CHART_EXPORT_PDF;

  g_assert_true (cpl_chart_export_format_from_path ("units.png", &format));
  g_assert_cmpint (format, ==, CPL_CHART_EXPORT_PNG);
  g_assert_true (cpl_chart_export_format_from_path ("/tmp/Units.SVG", &format));
  g_assert_cmpint (format, ==, CPL_CHART_EXPORT_SVG);
  g_assert_true (cpl_chart_export_format_from_path ("a.b.pdf", &format));
  g_assert_cmpint (format, ==, CPL_CHART_EXPORT_PDF);

  format = CPL_CHART_EXPORT_SVG;
  g_assert_false (cpl_chart_export_format_from_path ("units.jpg", &format));
  g_assert_false (cpl_chart_export_format_from_path ("units.png.txt", &format));
  g_assert_false (cpl_chart_export_format_from_path ("units", &format));
  g_assert_false (cpl_chart_export_format_from_path (".png", &format));
  g_assert_cmpint (format, ==, CPL_CHART_EXPORT_SVG);   /* left alone */
}

/* A folder that does not exist: FALSE, an error naming the path, no file. */
static void
test_unwritable (void)
{
  g_autoptr(CplLineChart) chart = new_two_lines ();
  g_autofree char *dir = temp_path ("missing");
  g_autofree char *path = g_build_filename (dir, "units.png", NULL);
  g_autoptr(GError) error = NULL;

  g_assert_false (cpl_chart_export (CPL_CHART (chart), path, CPL_CHART_EXPORT_PNG, WIDTH, HEIGHT, 2, FALSE, &error));
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, path));
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  remove_temp (dir);
}

/* Drawing an export leaves the chart as its view had it: the same ticks
 * for the same size afterwards, though the export is far smaller. */
static void
test_state_kept (void)
{
  g_autoptr(CplLineChart) chart = new_two_lines ();
  g_auto(GStrv) before = NULL;
  g_auto(GStrv) after = NULL;
  g_auto(GStrv) small = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = temp_path ("small.png");

  cpl_chart_set_size (CPL_CHART (chart), 560, 340);
  before = cpl_chart_dup_tick_labels (CPL_CHART (chart), GTK_ORIENTATION_VERTICAL);
  /* 340 pixels fit more than two ticks over 10–50 */
  g_assert_cmpuint (g_strv_length (before), >, 2);

  g_assert_true (cpl_chart_export (CPL_CHART (chart), path, CPL_CHART_EXPORT_PNG, 300, 120, 1, FALSE, &error));
  g_assert_no_error (error);
  after = cpl_chart_dup_tick_labels (CPL_CHART (chart), GTK_ORIENTATION_VERTICAL);
  g_assert_true (g_strv_equal ((const char * const *) before, (const char * const *) after));

  /* and the small size has fewer: it was laid out for the export */
  cpl_chart_set_size (CPL_CHART (chart), 300, 120);
  small = cpl_chart_dup_tick_labels (CPL_CHART (chart), GTK_ORIENTATION_VERTICAL);
  g_assert_cmpuint (g_strv_length (small), <, g_strv_length (before));
  remove_temp (path);
}

/* The chart's snapshot at 560×340, serialised: two snapshots of the
 * same drawing are the same bytes. */
static GBytes *
snapshot_bytes (CplChart *chart)
{
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  GskRenderNode *node;
  GBytes *bytes;

  cpl_chart_set_size (chart, 560, 340);
  cpl_chart_snapshot (chart, snapshot);
  node = gtk_snapshot_free_to_node (snapshot);
  g_assert_nonnull (node);
  bytes = gsk_render_node_serialize (node);
  gsk_render_node_unref (node);
  return bytes;
}

static void
add_lines (CplLineChart       *chart,
           const char * const *names)
{
  const double years[] = { 2026, 2027, 2028 };
  const double values[] = { 10, 30, 20 };

  for (guint i = 0; names[i] != NULL; i++)
    cpl_line_chart_add_series (chart, names[i], years, values, 3, CPL_LINE_STYLE_LINE);
}

/* The legend keeps its labels laid out between frames: once the items
 * or the font change, the next frame is the one a new chart with the
 * new items or font draws, not the old legend. */
static void
test_legend_cache (void)
{
  static const char * const before[] = { "Alpha", "Beta", NULL };
  /* the same count, other labels, one of them long enough to take its own row */
  static const char * const after[] = { "Gamma: a much longer series name than before", "Beta", "Delta", NULL };
  g_autoptr(CplLineChart) chart = CPL_LINE_CHART (cpl_line_chart_new ());
  g_autoptr(CplLineChart) fresh = CPL_LINE_CHART (cpl_line_chart_new ());
  g_autoptr(CplLineChart) fresh_font = CPL_LINE_CHART (cpl_line_chart_new ());
  g_autoptr(GBytes) first = NULL;
  g_autoptr(GBytes) changed = NULL;
  g_autoptr(GBytes) expected = NULL;
  g_autoptr(GBytes) other_font = NULL;
  g_autoptr(GBytes) expected_other_font = NULL;
  /* another weight: a chart's labels and axis titles have a size of
   * their own (the captions' 9 pt), not the context's */
  g_autoptr(PangoFontDescription) font = pango_font_description_from_string ("Sans Bold 11");

  cpl_chart_ensure_headless ();
  add_lines (chart, before);
  first = snapshot_bytes (CPL_CHART (chart));

  cpl_line_chart_clear (chart);
  add_lines (chart, after);
  changed = snapshot_bytes (CPL_CHART (chart));
  add_lines (fresh, after);
  expected = snapshot_bytes (CPL_CHART (fresh));
  g_assert_false (g_bytes_equal (first, changed));
  g_assert_true (g_bytes_equal (changed, expected));

  /* another font in the same context, as a view's after a style change
   * (it invalidates the chart): the context's serial changes */
  pango_context_set_font_description (cpl_chart_get_pango_context (CPL_CHART (chart)), font);
  cpl_chart_invalidate (CPL_CHART (chart));
  other_font = snapshot_bytes (CPL_CHART (chart));
  add_lines (fresh_font, after);
  pango_context_set_font_description (cpl_chart_get_pango_context (CPL_CHART (fresh_font)), font);
  expected_other_font = snapshot_bytes (CPL_CHART (fresh_font));
  g_assert_false (g_bytes_equal (changed, other_font));
  g_assert_true (g_bytes_equal (other_font, expected_other_font));
}

/* The width and height of @text laid out in @context with @font. */
static void
text_size (PangoContext *context,
           const char   *font,
           const char   *text,
           int          *width,
           int          *height)
{
  g_autoptr(PangoLayout) layout = pango_layout_new (context);
  g_autoptr(PangoFontDescription) description = pango_font_description_from_string (font);

  pango_layout_set_font_description (layout, description);
  pango_layout_set_text (layout, text, -1);
  pango_layout_get_pixel_size (layout, width, height);
}

/* A chart's labels are libadwaita's caption (9 pt) and its axis titles
 * its caption-heading (9 pt, bold), whatever the size of the context's
 * font: in a 16 pt context they measure as the same text at 9 pt, and
 * not as at 16 pt.  (9 pt is 12 px at the context's 96 dpi; a 9 pt
 * string is narrower than at 16 pt: 9/16 of it, give or take hinting.) */
static void
test_caption_size (void)
{
  static const char text[] = "Share of the year's new compute 2026";
  PangoContext *context = pango_font_map_create_context (pango_cairo_font_map_get_default ());
  g_autoptr(PangoFontDescription) big = pango_font_description_from_string ("Sans 16");
  g_autoptr(PangoLayout) label = NULL;
  g_autoptr(PangoLayout) title = NULL;
  int width, height, width_9, height_9, width_16, height_16;

  pango_cairo_context_set_resolution (context, 96);
  pango_context_set_font_description (context, big);
  text_size (context, "Sans 9", text, &width_9, &height_9);
  text_size (context, "Sans 16", text, &width_16, &height_16);
  g_assert_cmpint (width_9, <, width_16 * 3 / 4);

  label = cpl_chart_layout_new (context, text, CPL_CHART_FONT_LABEL);
  pango_layout_get_pixel_size (label, &width, &height);
  g_assert_cmpint (width, ==, width_9);
  g_assert_cmpint (height, ==, height_9);

  text_size (context, "Sans Bold 9", text, &width_9, &height_9);
  title = cpl_chart_layout_new (context, text, CPL_CHART_FONT_TITLE);
  pango_layout_get_pixel_size (title, &width, &height);
  g_assert_cmpint (width, ==, width_9);
  g_assert_cmpint (height, ==, height_9);
  g_object_unref (context);
}

/* Series added out of x order: the x values still ascend (2030–2032
 * added before 2026–2029: 2026, 2027, …, 2032, seven of them) and the
 * x axis's ticks are whole years, ascending, within 2026–2032. */
static void
test_line_xs_order (void)
{
  const double late[] = { 2031, 2030, 2032 };
  const double early[] = { 2029, 2026, 2027, 2028 };
  const double values[] = { 1, 2, 3, 4 };
  g_autoptr(CplLineChart) chart = CPL_LINE_CHART (cpl_line_chart_new ());
  g_auto(GStrv) ticks = NULL;
  double previous = 0;

  cpl_line_chart_set_x_integer (chart, TRUE);
  cpl_line_chart_add_series (chart, "Late", late, values, 3, CPL_LINE_STYLE_LINE);
  cpl_line_chart_add_series (chart, "Early", early, values, 4, CPL_LINE_STYLE_LINE);

  for (guint i = 0; i < 7; i++)
    g_assert_cmpfloat (cpl_line_chart_get_x_value (chart, i), ==, 2026 + i);
  g_assert_true (isnan (cpl_line_chart_get_x_value (chart, 7)));

  cpl_chart_set_size (CPL_CHART (chart), 560, 340);
  ticks = cpl_chart_dup_tick_labels (CPL_CHART (chart), GTK_ORIENTATION_HORIZONTAL);
  g_assert_cmpuint (g_strv_length (ticks), >=, 2);
  for (guint i = 0; ticks[i] != NULL; i++)
    {
      char *end = NULL;
      double year = g_ascii_strtod (ticks[i], &end);

      g_assert_cmpstr (end, ==, "");
      g_assert_cmpfloat (year, ==, floor (year));
      g_assert_cmpfloat (year, >=, 2026);
      g_assert_cmpfloat (year, <=, 2032);
      g_assert_cmpfloat (year, >, previous);
      previous = year;
    }
}

int
main (int   argc,
      char *argv[])
{
  /* no display: what the command line has on a server */
  g_unsetenv ("DISPLAY");
  g_unsetenv ("WAYLAND_DISPLAY");
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/chart-export/png", test_png);
  g_test_add_func ("/chart-export/caption-size", test_caption_size);
  g_test_add_func ("/chart-export/band-overlap", test_band_overlap);
  g_test_add_func ("/chart-export/span", test_span);
  g_test_add_func ("/chart-export/area-band", test_area_band);
  g_test_add_func ("/chart-export/coinciding-lines", test_coinciding_lines);
  g_test_add_func ("/chart-export/marker-gap", test_marker_gap);
  g_test_add_func ("/chart-export/vector", test_vector);
  g_test_add_func ("/chart-export/svg-geometry", test_svg_geometry);
  g_test_add_func ("/chart-export/format-from-path", test_format_from_path);
  g_test_add_func ("/chart-export/unwritable", test_unwritable);
  g_test_add_func ("/chart-export/state-kept", test_state_kept);
  g_test_add_func ("/chart-export/legend-cache", test_legend_cache);
  g_test_add_func ("/chart-export/line-xs-order", test_line_xs_order);

  return g_test_run ();
}
