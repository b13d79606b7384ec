/* cpl-chart-private.c: drawing parts the chart widgets share
 *
 * Rectangles, markers and hatching are plain GtkSnapshot nodes; text is
 * a PangoLayout of the chart's PangoContext: the view's, so it has the
 * theme's font, or pango-cairo's for an export.  On screen, text, accent
 * and borders are the theme's colours (CplChartView reads them again
 * whenever the style changes, so a chart follows dark mode and high
 * contrast), and series take the light or dark shade of a colour-blind
 * safe palette; an export has the fixed light or dark palette.
 */
#define G_LOG_DOMAIN "cpl-chart"

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "cpl-format.h"
#include "cpl-chart-private.h"

/* ---- colours ---- */

#define RGB(r, g, b) { (r) / 255.f, (g) / 255.f, (b) / 255.f, 1.f }

/* Okabe & Ito, "Color Universal Design" (2008), as light and dark
 * shades: the light ones have a contrast of 3.5:1 or more with white,
 * the dark ones 4:1 or more with #383838, and any two are 25 or more
 * apart in CIELAB (tests/widgets/test-charts.c checks all three).  So
 * the light yellow is an olive and the sky a teal (their darkened
 * shades read as the orange and the blue: two scenarios compared were
 * told apart by their names only), the dark sky a cyan.  Fixed, not the
 * theme's named colours: GNOME's palette puts a red next to a green. */
static const struct
{
  GdkRGBA light;
  GdkRGBA dark;
} palette_colors[CPL_CHART_N_COLORS] = {
  [CPL_CHART_COLOR_BLUE]       = { RGB (0x00, 0x66, 0xa3), RGB (0x3d, 0x9f, 0xe0) },
  [CPL_CHART_COLOR_ORANGE]     = { RGB (0xb8, 0x7d, 0x00), RGB (0xe6, 0x9f, 0x00) },
  [CPL_CHART_COLOR_GREEN]      = { RGB (0x00, 0x8a, 0x64), RGB (0x19, 0xb5, 0x88) },
  [CPL_CHART_COLOR_VERMILLION] = { RGB (0xc8, 0x56, 0x00), RGB (0xf0, 0x7a, 0x2e) },
  [CPL_CHART_COLOR_PURPLE]     = { RGB (0xb8, 0x58, 0x8e), RGB (0xdd, 0x8f, 0xbb) },
  [CPL_CHART_COLOR_SKY]        = { RGB (0x00, 0x83, 0x9a), RGB (0x66, 0xd9, 0xe8) },
  [CPL_CHART_COLOR_YELLOW]     = { RGB (0x4d, 0x5d, 0x00), RGB (0xf0, 0xe4, 0x42) },
  [CPL_CHART_COLOR_GREY]       = { RGB (0x7a, 0x7a, 0x7a), RGB (0xb4, 0xb4, 0xb4) },
};

static const GdkRGBA accent_light = RGB (0x1c, 0x71, 0xd8);
static const GdkRGBA accent_dark = RGB (0x78, 0xae, 0xed);
static const GdkRGBA surface_light = RGB (0xff, 0xff, 0xff);
static const GdkRGBA surface_dark = RGB (0x38, 0x38, 0x38);

static const GdkRGBA success_light = RGB (0x1b, 0x85, 0x53);
static const GdkRGBA success_dark = RGB (0x8f, 0xf0, 0xa4);
static const GdkRGBA error_light = RGB (0xc0, 0x1c, 0x28);
static const GdkRGBA error_dark = RGB (0xff, 0x7b, 0x63);
static const GdkRGBA warning_light = RGB (0x9c, 0x6e, 0x03);
static const GdkRGBA warning_dark = RGB (0xf8, 0xe4, 0x5c);
static const GdkRGBA background_light = RGB (0xff, 0xff, 0xff);
static const GdkRGBA background_dark = RGB (0x24, 0x24, 0x24);

/* The palette of a chart drawn away from the screen (an export): the
 * colours of Adwaita's light or dark style, on white or near black.  A
 * view starts from it and takes what its theme has instead. */
void
cpl_chart_palette_init (CplChartPalette *palette,
                        gboolean         dark)
{
  palette->dark = dark;
  palette->fg = dark ? (GdkRGBA) { 1, 1, 1, 1 } : (GdkRGBA) { 0, 0, 0, .8f };
  palette->accent = dark ? accent_dark : accent_light;
  palette->borders = cpl_chart_rgba_alpha (&palette->fg, .15f);
  palette->surface = dark ? surface_dark : surface_light;
  palette->background = dark ? background_dark : background_light;
  palette->view = palette->background;
  palette->success = dark ? success_dark : success_light;
  palette->error = dark ? error_dark : error_light;
  palette->warning = dark ? warning_dark : warning_light;
  for (guint i = 0; i < CPL_CHART_N_COLORS; i++)
    palette->series[i] = dark ? palette_colors[i].dark : palette_colors[i].light;
}

const GdkRGBA *
cpl_chart_palette_series (const CplChartPalette *palette,
                          guint                  index)
{
  return &palette->series[index % CPL_CHART_N_COLORS];
}

GdkRGBA
cpl_chart_rgba_alpha (const GdkRGBA *color,
                      float          alpha)
{
  GdkRGBA result = *color;

  result.alpha *= alpha;
  return result;
}

/* A translucent fill for an area, stronger on dark backgrounds where
 * the same alpha reads weaker. */
GdkRGBA
cpl_chart_region_fill (const CplChartPalette *palette,
                       const GdkRGBA         *color)
{
  return cpl_chart_rgba_alpha (color, palette->dark ? .2f : .16f);
}

/* A chip's status in China as the charts draw it, in the theme's colours
 * as the Chips table writes it: no licence needed green, denied red,
 * licensable amber, needing data faint. */
GdkRGBA
cpl_chart_status_color (const CplChartPalette *palette,
                        CplChipStatus          status)
{
  switch (status)
    {
    case CPL_CHIP_STATUS_FREE:       return palette->success;
    case CPL_CHIP_STATUS_DENIED:     return palette->error;
    case CPL_CHIP_STATUS_LICENSABLE: return palette->warning;
    case CPL_CHIP_STATUS_DOMESTIC:   return palette->accent;
    case CPL_CHIP_STATUS_UNKNOWN:
    case CPL_N_CHIP_STATUSES:
    default:
      return cpl_chart_rgba_alpha (&palette->fg, .55f);
    }
}

/* ---- text ---- */

/* A chart's labels and axis titles are libadwaita's caption and
 * caption-heading (9 pt, as the key figures' captions beside the
 * charts), not a scale of the widget's font: the same size as the
 * captions is the same font, whose glyphs are measured and drawn once
 * for both (a font of its own cost the window's first frame some 60
 * glyphs more, each hinted by FreeType at two sizes). */
#define CAPTION_PT 9

PangoLayout *
cpl_chart_layout_new (PangoContext *context,
                      const char   *text,
                      CplChartFont  font)
{
  PangoLayout *layout = pango_layout_new (context);
  PangoAttrList *attrs = pango_attr_list_new ();

  pango_layout_set_text (layout, text, -1);
  switch (font)
    {
    case CPL_CHART_FONT_LABEL:
      pango_attr_list_insert (attrs, pango_attr_size_new (CAPTION_PT * PANGO_SCALE));
      pango_attr_list_insert (attrs, pango_attr_font_features_new ("tnum"));
      break;

    case CPL_CHART_FONT_TITLE:
      pango_attr_list_insert (attrs, pango_attr_size_new (CAPTION_PT * PANGO_SCALE));
      pango_attr_list_insert (attrs, pango_attr_weight_new (PANGO_WEIGHT_BOLD));
      break;

    case CPL_CHART_FONT_HEADING:
      pango_attr_list_insert (attrs, pango_attr_scale_new (PANGO_SCALE_LARGE));
      pango_attr_list_insert (attrs, pango_attr_weight_new (PANGO_WEIGHT_BOLD));
      break;

    case CPL_CHART_FONT_BODY:
    default:
      break;
    }

  pango_layout_set_attributes (layout, attrs);
  pango_attr_list_unref (attrs);
  return layout;
}

void
cpl_chart_layout_size (PangoLayout *layout,
                       int         *width,
                       int         *height)
{
  pango_layout_get_pixel_size (layout, width, height);
}

/* Keeps @layout within @max_width pixels and @max_lines lines, wrapping
 * between words and ending with an ellipsis when that is not enough (a
 * word too long for a line is cut short, not broken in two). */
void
cpl_chart_layout_limit (PangoLayout *layout,
                        int          max_width,
                        int          max_lines)
{
  pango_layout_set_width (layout, MAX (max_width, 1) * PANGO_SCALE);
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
  /* a word wider than @max_width breaks inside rather than run over
   * what stands beside it */
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_height (layout, -MAX (max_lines, 1));
}

void
cpl_chart_append_layout (GtkSnapshot   *snapshot,
                         PangoLayout   *layout,
                         double         x,
                         double         y,
                         const GdkRGBA *color)
{
  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (round (x), round (y)));
  gtk_snapshot_append_layout (snapshot, layout, color);
  gtk_snapshot_restore (snapshot);
}

/* Decimals for showing a single value: about three significant figures. */
int
cpl_chart_value_decimals (double value)
{
  double magnitude = fabs (value);

  if (magnitude >= 100)
    return 0;
  if (magnitude >= 10)
    return 1;
  if (magnitude >= 0.1 || magnitude == 0)
    return 2;
  return 3;
}

/* Drops the zeros that end the decimals of each number in @text, and the
 * decimal mark when nothing is left after it: "$5.00 B" → "$5 B",
 * "$7.50 B" → "$7.5 B", "67.0 亿美元" → "67 亿美元".  For tick labels made by
 * a format meant for single values, which gives every value the same
 * number of significant figures.  The decimal mark is the locale's.
 */
char *
cpl_chart_trim_decimals (const char *text)
{
  const struct lconv *conv = localeconv ();
  const char *mark = conv != NULL && conv->decimal_point != NULL && conv->decimal_point[0] != '\0'
                     ? conv->decimal_point : ".";
  gsize mark_len = strlen (mark);
  GString *result = g_string_new (NULL);
  const char *p = text;

  while (*p != '\0')
    {
      if (p > text && g_ascii_isdigit (p[-1]) && strncmp (p, mark, mark_len) == 0
          && g_ascii_isdigit (p[mark_len]))
        {
          const char *digits = p + mark_len;
          const char *end = digits;
          const char *last = NULL;           /* the last digit that is not 0 */

          while (g_ascii_isdigit (*end))
            {
              if (*end != '0')
                last = end;
              end++;
            }
          if (last != NULL)
            {
              g_string_append_len (result, p, last + 1 - p);
            }
          p = end;
          continue;
        }
      g_string_append_c (result, *p);
      p++;
    }

  return g_string_free (result, FALSE);
}

/* ---- value formats ---- */

void
cpl_chart_format_clear (CplChartFormat *format)
{
  GDestroyNotify destroy = format->destroy;
  gpointer data = format->data;

  format->func = NULL;
  format->tick_func = NULL;
  format->data = NULL;
  format->destroy = NULL;
  if (destroy != NULL)
    destroy (data);
}

/* @value as a single value (a tooltip, a label on a bar): the chart's
 * format, or about three significant figures. */
char *
cpl_chart_format_apply (const CplChartFormat *format,
                        double                value)
{
  if (format != NULL && format->func != NULL)
    {
      char *text = format->func (value, format->data);

      return text != NULL ? text : g_strdup ("");
    }
  return cpl_format_number (value, cpl_chart_value_decimals (value));
}

/* ---- marks ---- */

#define DASH 5
#define DASH_GAP 4

void
cpl_chart_append_hline (GtkSnapshot   *snapshot,
                        double         x0,
                        double         x1,
                        double         y,
                        double         thickness,
                        const GdkRGBA *color,
                        gboolean       dashed)
{
  double top = round (y - thickness / 2);

  if (x1 < x0)
    return;
  if (!dashed)
    {
      gtk_snapshot_append_color (snapshot, color, &GRAPHENE_RECT_INIT (x0, top, x1 - x0, thickness));
      return;
    }
  for (double x = x0; x < x1; x += DASH + DASH_GAP)
    gtk_snapshot_append_color (snapshot, color, &GRAPHENE_RECT_INIT (x, top, MIN (DASH, x1 - x), thickness));
}

void
cpl_chart_append_vline (GtkSnapshot   *snapshot,
                        double         x,
                        double         y0,
                        double         y1,
                        double         thickness,
                        const GdkRGBA *color,
                        gboolean       dashed)
{
  double left = round (x - thickness / 2);

  if (y1 < y0)
    return;
  if (!dashed)
    {
      gtk_snapshot_append_color (snapshot, color, &GRAPHENE_RECT_INIT (left, y0, thickness, y1 - y0));
      return;
    }
  for (double y = y0; y < y1; y += DASH + DASH_GAP)
    gtk_snapshot_append_color (snapshot, color, &GRAPHENE_RECT_INIT (left, y, thickness, MIN (DASH, y1 - y)));
}

void
cpl_chart_append_frame (GtkSnapshot           *snapshot,
                        const graphene_rect_t *rect,
                        double                 radius,
                        double                 thickness,
                        const GdkRGBA         *color)
{
  GskRoundedRect rounded;
  float widths[4] = { thickness, thickness, thickness, thickness };
  GdkRGBA colors[4] = { *color, *color, *color, *color };

  gsk_rounded_rect_init_from_rect (&rounded, rect, radius);
  gtk_snapshot_append_border (snapshot, &rounded, widths, colors);
}

/* A marker centred on (@cx, @cy), about @radius in size: a disc or a
 * diamond, filled or an outline. */
void
cpl_chart_append_marker (GtkSnapshot    *snapshot,
                         CplChartMarker  marker,
                         double          cx,
                         double          cy,
                         double          radius,
                         const GdkRGBA  *color,
                         gboolean        filled)
{
  graphene_rect_t rect;
  double half;

  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (cx, cy));

  if (marker == CPL_CHART_MARKER_TRIANGLE)
    {
      /* pointing up, its centroid at the centre, a little larger than
       * the disc so it weighs as much */
      double r = radius * 1.35;
      cairo_t *cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (-r - 2, -r - 2, 2 * r + 4, 2 * r + 4));

      cairo_move_to (cr, 0, -r);
      cairo_line_to (cr, r * 0.8660254, r / 2);
      cairo_line_to (cr, -r * 0.8660254, r / 2);
      cairo_close_path (cr);
      gdk_cairo_set_source_rgba (cr, color);
      if (filled)
        cairo_fill (cr);
      else
        {
          cairo_set_line_width (cr, 2);
          cairo_stroke (cr);
        }
      cairo_destroy (cr);
    }
  else if (marker == CPL_CHART_MARKER_SQUARE)
    {
      /* the area of the disc: π r² = (2 half)², half = r √π / 2 */
      half = radius * 0.886;
      rect = GRAPHENE_RECT_INIT (-half, -half, 2 * half, 2 * half);
      if (filled)
        gtk_snapshot_append_color (snapshot, color, &rect);
      else
        cpl_chart_append_frame (snapshot, &rect, 0, 2, color);
    }
  else if (marker == CPL_CHART_MARKER_DIAMOND)
    {
      /* a square on its corner, a little larger so it weighs as much as a disc */
      half = radius * 1.25 / G_SQRT2;
      gtk_snapshot_rotate (snapshot, 45);
      rect = GRAPHENE_RECT_INIT (-half, -half, 2 * half, 2 * half);
      if (filled)
        gtk_snapshot_append_color (snapshot, color, &rect);
      else
        cpl_chart_append_frame (snapshot, &rect, 0, 2, color);
    }
  else
    {
      GskRoundedRect rounded;

      rect = GRAPHENE_RECT_INIT (-radius, -radius, 2 * radius, 2 * radius);
      if (filled)
        {
          gsk_rounded_rect_init_from_rect (&rounded, &rect, radius);
          gtk_snapshot_push_rounded_clip (snapshot, &rounded);
          gtk_snapshot_append_color (snapshot, color, &rect);
          gtk_snapshot_pop (snapshot);
        }
      else
        cpl_chart_append_frame (snapshot, &rect, radius, 2, color);
    }

  gtk_snapshot_restore (snapshot);
}

/* Diagonal stripes: "no value here", unlike an empty or a zero bar. */
void
cpl_chart_append_hatch (GtkSnapshot           *snapshot,
                        const graphene_rect_t *rect,
                        const GdkRGBA         *color)
{
  GdkRGBA clear = cpl_chart_rgba_alpha (color, 0);
  GskColorStop stops[] = {
    { 0.0f, *color },
    { 0.4f, *color },
    { 0.4f, clear },
    { 1.0f, clear },
  };
  graphene_point_t start = GRAPHENE_POINT_INIT (rect->origin.x, rect->origin.y);
  graphene_point_t end = GRAPHENE_POINT_INIT (rect->origin.x + 4, rect->origin.y + 4);

  gtk_snapshot_append_repeating_linear_gradient (snapshot, rect, &start, &end, stops, G_N_ELEMENTS (stops));
}

/* The keyboard focus ring around a @width × @height view, the same as
 * Adwaita draws around buttons. */
void
cpl_chart_append_focus (GtkSnapshot           *snapshot,
                        int                    width,
                        int                    height,
                        const CplChartPalette *palette)
{
  GdkRGBA color;

  if (width < 4 || height < 4)
    return;

  color = cpl_chart_rgba_alpha (&palette->accent, .5f);
  cpl_chart_append_frame (snapshot, &GRAPHENE_RECT_INIT (1, 1, width - 2, height - 2), 8, 2, &color);
}

gboolean
cpl_chart_rect_overlaps (const graphene_rect_t *rect,
                         GArray                *rects)
{
  for (guint i = 0; i < rects->len; i++)
    if (graphene_rect_intersection (rect, &g_array_index (rects, graphene_rect_t, i), NULL))
      return TRUE;
  return FALSE;
}

/* ---- legend ---- */

#define SWATCH CPL_CHART_LEGEND_SWATCH
#define SWATCH_GAP 6
#define ITEM_SPACING 18
#define ROW_SPACING 4
#define LEGEND_LINES 2          /* a longer name ends in "…" */

/* The legend's sign for @item, a CPL_CHART_LEGEND_SWATCH square at (@x, @y). */
void
cpl_chart_legend_append_swatch (GtkSnapshot              *snapshot,
                                const CplChartLegendItem *item,
                                double                    x,
                                double                    y,
                                const CplChartPalette    *palette)
{
  graphene_rect_t rect = GRAPHENE_RECT_INIT (x, y, SWATCH, SWATCH);

  switch (item->kind)
    {
    case CPL_CHART_LEGEND_BOX:
      {
        GskRoundedRect rounded;

        gsk_rounded_rect_init_from_rect (&rounded, &rect, 3);
        gtk_snapshot_push_rounded_clip (snapshot, &rounded);
        gtk_snapshot_append_color (snapshot, &item->color, &rect);
        gtk_snapshot_pop (snapshot);
      }
      break;

    case CPL_CHART_LEGEND_AREA:
      {
        GdkRGBA fill = cpl_chart_region_fill (palette, &item->color);
        GdkRGBA edge = cpl_chart_rgba_alpha (&item->color, .8f);

        gtk_snapshot_append_color (snapshot, &fill, &rect);
        cpl_chart_append_frame (snapshot, &rect, 0, 1, &edge);
      }
      break;

    case CPL_CHART_LEGEND_BANDS:
      {
        /* as the bands of three or more series are drawn: fainter, and
         * edged in dots, 2 px on and 3 off */
        GdkRGBA fill = cpl_chart_region_fill (palette, &item->color);
        GdkRGBA edge = cpl_chart_rgba_alpha (&item->color, .8f);

        fill.alpha /= 2;
        gtk_snapshot_append_color (snapshot, &fill, &rect);
        for (double d = 0; d < SWATCH; d += 5)
          {
            double len = MIN (2, SWATCH - d);

            gtk_snapshot_append_color (snapshot, &edge, &GRAPHENE_RECT_INIT (x + d, y, len, 1));
            gtk_snapshot_append_color (snapshot, &edge, &GRAPHENE_RECT_INIT (x + d, y + SWATCH - 1, len, 1));
            gtk_snapshot_append_color (snapshot, &edge, &GRAPHENE_RECT_INIT (x, y + d, 1, len));
            gtk_snapshot_append_color (snapshot, &edge, &GRAPHENE_RECT_INIT (x + SWATCH - 1, y + d, 1, len));
          }
      }
      break;

    case CPL_CHART_LEGEND_DASH:
      cpl_chart_append_vline (snapshot, x + SWATCH / 2., y - 2, y + SWATCH + 2, 2, &item->color, TRUE);
      break;

    case CPL_CHART_LEGEND_HDASH:
      cpl_chart_append_hline (snapshot, x - 1, x + SWATCH + 1, y + SWATCH / 2., 2, &item->color, TRUE);
      break;

    case CPL_CHART_LEGEND_LINE:
      {
        GskRoundedRect rounded;
        graphene_rect_t line = GRAPHENE_RECT_INIT (x - 1, round (y + SWATCH / 2. - 1.5), SWATCH + 2, 3);

        gsk_rounded_rect_init_from_rect (&rounded, &line, 1.5);
        gtk_snapshot_push_rounded_clip (snapshot, &rounded);
        gtk_snapshot_append_color (snapshot, &item->color, &line);
        gtk_snapshot_pop (snapshot);
      }
      break;

    case CPL_CHART_LEGEND_MARKER:
    default:
      cpl_chart_append_marker (snapshot, item->marker, x + SWATCH / 2., y + SWATCH / 2., 4.5,
                               &item->color, !item->hollow);
      break;
    }
}

/* A legend label laid out once, at its natural width, and cut to the
 * last width it had to fit when it was wider. */
typedef struct
{
  char        *label;
  PangoLayout *layout;
  int          width;
  int          height;
  PangoLayout *limited;               /* NULL, or cut to limited_width */
  int          limited_width;
  int          limited_height;
} LegendText;

/* The legend's layouts, kept from one measure or snapshot to the next
 * until a label, the context or the context's font changes: laying the
 * labels out again on every frame was half of a chart's redraw. */
struct _CplChartLegendCache
{
  PangoContext *context;              /* a reference */
  guint         serial;               /* pango_context_get_serial() when laid out */
  GArray       *texts;                /* LegendText, one per item */
};

static void
legend_text_clear (gpointer data)
{
  LegendText *text = data;

  g_clear_pointer (&text->label, g_free);
  g_clear_object (&text->layout);
  g_clear_object (&text->limited);
}

CplChartLegendCache *
cpl_chart_legend_cache_new (void)
{
  CplChartLegendCache *cache = g_new0 (CplChartLegendCache, 1);

  cache->texts = g_array_new (FALSE, TRUE, sizeof (LegendText));
  g_array_set_clear_func (cache->texts, legend_text_clear);
  return cache;
}

void
cpl_chart_legend_cache_free (CplChartLegendCache *cache)
{
  if (cache == NULL)
    return;
  g_array_unref (cache->texts);
  g_clear_object (&cache->context);
  g_free (cache);
}

/* Item @index's label laid out in @context, at most @max_width wide: a
 * longer one wraps to a second line (a compared scenario's name, "H20
 * and MI308X with a 15% revenue share (August 2025)", on a phone), and
 * only then ends in "…"; @line_height: the height of its first line.
 * The layout is @cache's. */
static PangoLayout *
legend_text (CplChartLegendCache *cache,
             PangoContext        *context,
             guint                index,
             const char          *label,
             int                  max_width,
             int                 *width,
             int                 *height,
             int                 *line_height)
{
  LegendText *text;

  if (index >= cache->texts->len)
    g_array_set_size (cache->texts, index + 1);
  text = &g_array_index (cache->texts, LegendText, index);
  if (text->label != NULL && !g_str_equal (text->label, label))
    legend_text_clear (text);
  if (text->layout == NULL)
    {
      text->layout = cpl_chart_layout_new (context, label, CPL_CHART_FONT_LABEL);
      text->label = g_strdup (label);
      cpl_chart_layout_size (text->layout, &text->width, &text->height);
    }

  *line_height = text->height;
  if (text->width <= max_width)
    {
      *width = text->width;
      *height = text->height;
      return text->layout;
    }

  max_width = MAX (max_width, 1);
  if (text->limited == NULL || text->limited_width != max_width)
    {
      g_clear_object (&text->limited);
      text->limited = cpl_chart_layout_new (context, label, CPL_CHART_FONT_LABEL);
      text->limited_width = max_width;
      cpl_chart_layout_limit (text->limited, max_width, LEGEND_LINES);
      cpl_chart_layout_size (text->limited, NULL, &text->limited_height);
    }
  *width = text->limited_width;
  *height = text->limited_height;
  return text->limited;
}

/* Forgets @cache's layouts when they were made in another context or
 * font than @context's now. */
static void
legend_cache_check (CplChartLegendCache *cache,
                    PangoContext        *context,
                    guint                n_items)
{
  if (cache->context != context || cache->serial != pango_context_get_serial (context))
    {
      g_array_set_size (cache->texts, 0);
      g_set_object (&cache->context, context);
      cache->serial = pango_context_get_serial (context);
    }
  if (cache->texts->len > n_items)
    g_array_set_size (cache->texts, n_items);
}

/* Lays the items out in rows that wrap at @width; draws them when
 * @snapshot is given.  Returns the height used.  The labels' layouts
 * come from @cache (%NULL: laid out for this call only). */
static int
legend_flow (CplChartLegendCache      *cache,
             PangoContext             *context,
             const CplChartLegendItem *items,
             guint                     n_items,
             int                       width,
             GtkSnapshot              *snapshot,
             double                    x0,
             double                    y0,
             const CplChartPalette    *palette)
{
  g_autoptr(CplChartLegendCache) scratch = NULL;
  int x = 0, y = 0, row_height = 0;

  if (n_items == 0 || width <= 0)
    return 0;

  if (cache == NULL)
    cache = scratch = cpl_chart_legend_cache_new ();
  legend_cache_check (cache, context, n_items);

  for (guint i = 0; i < n_items; i++)
    {
      int text_width, text_height, first_line, item_width, line;
      PangoLayout *layout = legend_text (cache, context, i, items[i].label, width - SWATCH - SWATCH_GAP,
                                         &text_width, &text_height, &first_line);

      item_width = SWATCH + SWATCH_GAP + text_width;
      line = MAX (text_height, SWATCH);

      if (x > 0 && x + ITEM_SPACING + item_width > width)
        {
          y += row_height + ROW_SPACING;
          x = 0;
          row_height = 0;
        }
      else if (x > 0)
        x += ITEM_SPACING;

      if (snapshot != NULL)
        {
          /* beside the first line of a name that wraps */
          cpl_chart_legend_append_swatch (snapshot, &items[i], x0 + x,
                                          round (y0 + y + (MAX (MIN (line, first_line), SWATCH) - SWATCH) / 2.),
                                          palette);
          cpl_chart_append_layout (snapshot, layout, x0 + x + SWATCH + SWATCH_GAP,
                                   y0 + y + (line - text_height) / 2., &palette->fg);
        }

      x += item_width;
      row_height = MAX (row_height, line);
    }

  return y + row_height;
}

/* Adds @item to @items (of CplChartLegendItem) unless it is there
 * already: two regions of one rule share an entry. */
void
cpl_chart_legend_append (GArray                   *items,
                         const CplChartLegendItem *item)
{
  if (item->label == NULL)
    return;

  for (guint i = 0; i < items->len; i++)
    {
      const CplChartLegendItem *other = &g_array_index (items, CplChartLegendItem, i);

      if (other->kind == item->kind && other->marker == item->marker && other->hollow == item->hollow
          && gdk_rgba_equal (&other->color, &item->color) && g_str_equal (other->label, item->label))
        return;
    }
  g_array_append_val (items, *item);
}

int
cpl_chart_legend_measure (CplChartLegendCache      *cache,
                          PangoContext             *context,
                          const CplChartLegendItem *items,
                          guint                     n_items,
                          int                       width)
{
  return legend_flow (cache, context, items, n_items, width, NULL, 0, 0, NULL);
}

void
cpl_chart_legend_snapshot (CplChartLegendCache      *cache,
                           PangoContext             *context,
                           GtkSnapshot              *snapshot,
                           const CplChartLegendItem *items,
                           guint                     n_items,
                           double                    x,
                           double                    y,
                           int                       width,
                           const CplChartPalette    *palette)
{
  legend_flow (cache, context, items, n_items, width, snapshot, x, y, palette);
}

/* ---- ticks ---- */

void
cpl_chart_ticks_clear (CplChartTicks *ticks)
{
  for (guint i = 0; i < ticks->n; i++)
    g_clear_object (&ticks->labels[i]);
  ticks->n = 0;
  ticks->max_width = 0;
}

/* Where label @i starts along the axis, from its start: centred on its
 * tick, but moved inwards rather than overhang an end of the axis by more
 * than the slack allows (the first and last labels of an axis whose ends
 * are ticks). */
static double
tick_label_start (const CplChartTicks *ticks,
                  guint                i,
                  gboolean             horizontal)
{
  double position = cpl_chart_axis_to_unit (&ticks->axis, ticks->values[i]) * ticks->length;
  double extent = horizontal ? ticks->widths[i] : ticks->height;
  double start = position - extent / 2;

  if (start + extent > ticks->length + ticks->slack_after)
    start = ticks->length + ticks->slack_after - extent;
  if (start < -ticks->slack_before)
    start = -ticks->slack_before;
  return start;
}

/* Whether the labels stay apart. */
static gboolean
ticks_fit (const CplChartTicks *ticks,
           gboolean             horizontal)
{
  double previous_end = -INFINITY;
  double gap = horizontal ? 12 : ticks->height * .5;

  for (guint i = 0; i < ticks->n; i++)
    {
      double extent = horizontal ? ticks->widths[i] : ticks->height;
      double start = tick_label_start (ticks, i, horizontal);

      if (start < previous_end + gap)
        return FALSE;
      previous_end = start + extent;
    }
  return TRUE;
}

/* ---- tick labels that differ ----
 *
 * A format made for single values rounds ticks that lie close together
 * to the same text: money to whole dollars reads "$0, $0, $0, $1, $1"
 * for ticks 0 to 1 by 0.2.  Then the number inside each label is written
 * again with the decimals the tick needs, keeping the format's words and
 * unit around it ("$0.2"), and the number's scale ("$1.5 B" holds 1.5 for
 * 1.5 × 10⁹), which is taken to be a power of ten.
 */

/* Where the first number in @text starts, and how long it is: digits,
 * with the locale's grouping marks and decimal mark between digits. */
static gboolean
find_number (const char *text,
             gsize      *start,
             gsize      *length)
{
  const struct lconv *conv = localeconv ();
  const char *marks[2] = { conv->decimal_point, conv->thousands_sep };
  const char *p = text;

  while (*p != '\0' && !g_ascii_isdigit (*p))
    p++;
  if (*p == '\0')
    return FALSE;
  *start = p - text;
  for (;;)
    {
      gboolean more = FALSE;

      while (g_ascii_isdigit (*p))
        p++;
      for (guint m = 0; m < G_N_ELEMENTS (marks) && !more; m++)
        {
          gsize len = marks[m] != NULL ? strlen (marks[m]) : 0;

          if (len > 0 && strncmp (p, marks[m], len) == 0 && g_ascii_isdigit (p[len]))
            {
              p += len;
              more = TRUE;
            }
        }
      if (!more)
        break;
    }
  *length = p - text - *start;
  return TRUE;
}

/* The value of the number found in @text, as the C locale reads it. */
static double
number_value (const char *text,
              gsize       start,
              gsize       length)
{
  const struct lconv *conv = localeconv ();
  gsize point_len = strlen (conv->decimal_point);
  GString *plain = g_string_new (NULL);
  double value;

  for (gsize i = start; i < start + length;)
    {
      if (g_ascii_isdigit (text[i]))
        g_string_append_c (plain, text[i++]);
      else if (point_len > 0 && strncmp (text + i, conv->decimal_point, point_len) == 0)
        {
          g_string_append_c (plain, '.');
          i += point_len;
        }
      else
        i++;                              /* a grouping mark */
    }
  value = g_ascii_strtod (plain->str, NULL);
  g_string_free (plain, TRUE);
  return value;
}

/* @text with its number taken out: what the format writes around it. */
static char *
number_frame (const char *text,
              gsize       start,
              gsize       length)
{
  return g_strdup_printf ("%.*s%s", (int) start, text, text + start + length);
}

/* The power of ten the format divides @value by before writing it, read
 * from its text (@value ≠ 0); when the text holds 0, from the text of
 * @value × 10ᵏ in the same words; 0 when it cannot be told. */
static double
number_scale (const CplChartFormat *format,
              double                value,
              const char           *text)
{
  gsize start, length;
  g_autofree char *frame = NULL;

  if (!find_number (text, &start, &length))
    return 0;
  frame = number_frame (text, start, length);

  for (int k = 0; k <= 15; k++)
    {
      double probe = value * pow (10, k);
      g_autofree char *probe_text = cpl_chart_format_apply (format, probe);
      g_autofree char *probe_frame = NULL;
      gsize probe_start, probe_length;
      double number;

      if (!find_number (probe_text, &probe_start, &probe_length))
        return 0;
      probe_frame = number_frame (probe_text, probe_start, probe_length);
      if (!g_str_equal (frame, probe_frame))
        return 0;                         /* another unit: not the same scale */
      number = number_value (probe_text, probe_start, probe_length);
      if (number != 0)
        return pow (10, round (log10 (fabs (probe) / number)));
    }
  return 0;
}

/* The fewest decimals that write @x exactly (to a millionth of a unit
 * in the last place), at most 12. */
static int
exact_decimals (double x)
{
  int d;

  for (d = 0; d < 12; d++)
    {
      double shifted = fabs (x) * pow (10, d);

      if (fabs (shifted - round (shifted)) < 1e-6 * MAX (1, shifted * 1e-9))
        break;
    }
  return d;
}

static gboolean
labels_distinct (char **labels,
                 guint  n)
{
  for (guint i = 0; i < n; i++)
    for (guint j = i + 1; j < n; j++)
      if (g_str_equal (labels[i], labels[j]))
        return FALSE;
  return TRUE;
}

/* The label of @value with the number of @text written with enough
 * decimals; NULL when the format's text cannot be read that way. */
static char *
relabel (const CplChartFormat *format,
         double                value,
         const char           *text)
{
  g_autofree char *number = NULL;
  g_autofree char *label = NULL;
  gsize start, length;
  double scale, x;

  if (!find_number (text, &start, &length))
    return NULL;
  if (value == 0)
    return cpl_chart_trim_decimals (text);
  scale = number_scale (format, value, text);
  if (!(scale > 0))
    return NULL;
  x = fabs (value) / scale;
  number = cpl_format_number (x, exact_decimals (x));
  label = g_strdup_printf ("%.*s%s%s", (int) start, text, number, text + start + length);
  return cpl_chart_trim_decimals (label);
}

/* Makes the @n labels of @values differ, when @format made some equal:
 * the format's words with more decimals, or failing that plain numbers
 * with the decimals each value needs. */
static void
distinct_labels (char                **labels,
                 const double         *values,
                 guint                 n,
                 const CplChartFormat *format)
{
  g_autoptr(GPtrArray) better = NULL;

  if (labels_distinct (labels, n))
    return;

  better = g_ptr_array_new_with_free_func (g_free);
  if (format != NULL && format->func != NULL)
    for (guint i = 0; i < n; i++)
      {
        g_autofree char *text = cpl_chart_format_apply (format, values[i]);
        char *label = relabel (format, values[i], text);

        if (label == NULL)
          break;
        g_ptr_array_add (better, label);
      }
  if (better->len < n || !labels_distinct ((char **) better->pdata, n))
    {
      g_ptr_array_set_size (better, 0);
      for (guint i = 0; i < n; i++)
        g_ptr_array_add (better, cpl_format_number (values[i], exact_decimals (values[i])));
    }
  for (guint i = 0; i < n; i++)
    {
      g_free (labels[i]);
      labels[i] = g_ptr_array_steal_index (better, 0);
    }
}

/* An axis title as a chart draws it: a logarithmic axis says so, as its
 * ticks (2,000, 4,000, 8,000 evenly apart) could mislead otherwise. */
char *
cpl_chart_axis_title (const char *title,
                      gboolean    log_scale)
{
  if (title == NULL || *title == '\0' || !log_scale)
    return g_strdup (title);
  /* Translators: the title of a chart's logarithmic axis; %s is the
   * axis's own title with its unit, "Memory bandwidth (GB/s)" */
  return g_strdup_printf (_("%s, log scale"), title);
}

/**
 * cpl_chart_tick_labels:
 * @values: @n tick values, ascending
 * @format: (nullable): the axis' format
 *
 * The labels of ticks that a format gives, made to differ when the
 * format writes two the same (see above).
 *
 * Returns: (transfer full): a %NULL-terminated array of @n labels
 */
char **
cpl_chart_tick_labels (const double         *values,
                       guint                 n,
                       const CplChartFormat *format)
{
  char **labels = g_new0 (char *, n + 1);
  double reference = 0;

  for (guint i = 0; i < n; i++)
    if (values[i] != 0 && (reference == 0 || fabs (values[i]) < reference))
      reference = fabs (values[i]);
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *text = format != NULL && format->tick_func != NULL
                              ? format->tick_func (values[i], reference, format->data)
                              : cpl_chart_format_apply (format, values[i]);

      labels[i] = cpl_chart_trim_decimals (text);
    }
  distinct_labels (labels, values, n, format);
  return labels;
}

/* @ticks: the ticks cpl_chart_axis_ticks() gives for @max_ticks, every
 * @stride-th of them from the first, with their labels. */
static void
set_ticks (CplChartTicks        *ticks,
           PangoContext         *context,
           const CplChartAxis   *axis,
           int                   line_height,
           double                length,
           double                slack_before,
           double                slack_after,
           const CplChartFormat *format,
           gboolean              integer,
           guint                 max_ticks,
           guint                 stride)
{
  g_auto(GStrv) texts = NULL;
  guint kept = 0;

  cpl_chart_ticks_clear (ticks);
  ticks->axis = *axis;
  ticks->height = line_height;
  ticks->length = length;
  ticks->slack_before = slack_before;
  ticks->slack_after = slack_after;
  ticks->n = cpl_chart_axis_ticks (axis, ticks->values, max_ticks);

  for (guint i = 0; i < ticks->n; i++)
    if ((!integer || fabs (ticks->values[i] - round (ticks->values[i])) < 1e-9) && i % stride == 0)
      ticks->values[kept++] = integer ? round (ticks->values[i]) : ticks->values[i];
  ticks->n = kept;

  if (format != NULL && format->func != NULL)
    texts = cpl_chart_tick_labels (ticks->values, ticks->n, format);
  else
    {
      texts = g_new0 (char *, ticks->n + 1);
      for (guint i = 0; i < ticks->n; i++)
        texts[i] = integer ? cpl_format_number (ticks->values[i], 0)
                           : cpl_chart_axis_format_tick (&ticks->axis, ticks->values[i], max_ticks);
    }
  for (guint i = 0; i < ticks->n; i++)
    {
      ticks->labels[i] = cpl_chart_layout_new (context, texts[i], CPL_CHART_FONT_LABEL);
      cpl_chart_layout_size (ticks->labels[i], &ticks->widths[i], NULL);
      ticks->max_width = MAX (ticks->max_width, ticks->widths[i]);
    }
}

/* Chooses as many round ticks as there is room for along @length
 * pixels, and makes their labels with @format (nullable; see
 * cpl_chart_tick_labels()).  With @integer, only whole numbers get a
 * tick. */
void
cpl_chart_ticks_compute (CplChartTicks        *ticks,
                         PangoContext         *context,
                         const CplChartAxis   *axis,
                         GtkOrientation        orientation,
                         double                length,
                         double                slack_before,
                         double                slack_after,
                         const CplChartFormat *format,
                         gboolean              integer)
{
  gboolean horizontal = orientation == GTK_ORIENTATION_HORIZONTAL;
  g_autoptr(PangoLayout) probe = cpl_chart_layout_new (context, "0", CPL_CHART_FONT_LABEL);
  int line_height;
  double spacing;
  guint max_ticks;

  cpl_chart_layout_size (probe, NULL, &line_height);
  spacing = horizontal ? 64 : line_height * 2.4;
  max_ticks = (guint) CLAMP (length / spacing + 1, 2, horizontal ? 12 : 10);

  for (;; max_ticks--)
    {
      set_ticks (ticks, context, axis, line_height, length, slack_before, slack_after, format, integer,
                 max_ticks, 1);
      if (max_ticks <= 2 || ticks_fit (ticks, horizontal))
        break;
    }

  /* One tick is no scale ("1,000 亿美元" alone under a phone's tornado):
   * every other (or third…) tick of a finer set, where two of them fit,
   * 600 and 1,000 of 600, 800 and 1,000 */
  if (ticks->n < 2 && horizontal)
    for (guint finer = 3; finer <= CPL_CHART_AXIS_MAX_TICKS; finer++)
      for (guint stride = 2; stride < finer; stride++)
        {
          CplChartTicks tried = { 0 };

          set_ticks (&tried, context, axis, line_height, length, slack_before, slack_after, format, integer,
                     finer, stride);
          if (tried.n >= 2 && ticks_fit (&tried, horizontal))
            {
              cpl_chart_ticks_clear (ticks);
              *ticks = tried;
              return;
            }
          cpl_chart_ticks_clear (&tried);
        }
}

/* The texts of the tick labels, lowest value first. */
char **
cpl_chart_ticks_dup_labels (const CplChartTicks *ticks)
{
  GStrvBuilder *builder = g_strv_builder_new ();
  char **labels;

  for (guint i = 0; i < ticks->n; i++)
    g_strv_builder_add (builder, pango_layout_get_text (ticks->labels[i]));
  labels = g_strv_builder_end (builder);
  g_strv_builder_unref (builder);
  return labels;
}

static int
compare_gap_tops (gconstpointer a,
                  gconstpointer b)
{
  double ya = (*(const graphene_rect_t * const *) a)->origin.y;
  double yb = (*(const graphene_rect_t * const *) b)->origin.y;

  return (ya > yb) - (ya < yb);
}

/* A vertical gridline at @x from @y0 to @y1, broken where it would cross
 * one of @gaps (a note written over the plot: the line showed between
 * its words, through the blank half of a Chinese colon). */
static void
append_grid_vline (GtkSnapshot           *snapshot,
                   double                 x,
                   double                 y0,
                   double                 y1,
                   const graphene_rect_t *gaps,
                   guint                  n_gaps,
                   const GdkRGBA         *color)
{
  const graphene_rect_t *crossed[CPL_CHART_MAX_GRID_GAPS];
  guint n = 0;
  double y = y0;

  for (guint i = 0; i < n_gaps && n < G_N_ELEMENTS (crossed); i++)
    if (x >= gaps[i].origin.x && x <= gaps[i].origin.x + gaps[i].size.width)
      crossed[n++] = &gaps[i];
  qsort (crossed, n, sizeof crossed[0], compare_gap_tops);
  for (guint i = 0; i < n; i++)
    {
      if (MIN (crossed[i]->origin.y, y1) > y)
        cpl_chart_append_vline (snapshot, x, y, MIN (crossed[i]->origin.y, y1), 1, color, FALSE);
      y = MAX (y, crossed[i]->origin.y + crossed[i]->size.height);
    }
  if (y1 > y)
    cpl_chart_append_vline (snapshot, x, y, y1, 1, color, FALSE);
}

/* Gridlines across @plot (the vertical ones broken at @gaps), and the
 * labels outside it: left of the plot for a vertical axis, under it for
 * a horizontal one. */
void
cpl_chart_ticks_snapshot (const CplChartTicks   *ticks,
                          GtkSnapshot           *snapshot,
                          GtkOrientation         orientation,
                          const graphene_rect_t *plot,
                          const graphene_rect_t *gaps,
                          guint                  n_gaps,
                          const CplChartPalette *palette)
{
  GdkRGBA grid = cpl_chart_rgba_alpha (&palette->fg, palette->dark ? .12f : .09f);
  GdkRGBA text = cpl_chart_rgba_alpha (&palette->fg, .75f);
  double previous_end = -INFINITY;

  for (guint i = 0; i < ticks->n; i++)
    {
      double unit = cpl_chart_axis_to_unit (&ticks->axis, ticks->values[i]);

      if (!(unit >= -1e-6 && unit <= 1 + 1e-6))
        continue;

      if (orientation == GTK_ORIENTATION_VERTICAL)
        {
          double y = plot->origin.y + plot->size.height * (1 - unit);

          if (unit > 1e-6)
            cpl_chart_append_hline (snapshot, plot->origin.x, plot->origin.x + plot->size.width, y, 1, &grid, FALSE);
          cpl_chart_append_layout (snapshot, ticks->labels[i],
                                   plot->origin.x - CPL_CHART_LABEL_GAP - 2 - ticks->widths[i],
                                   y - ticks->height / 2., &text);
        }
      else
        {
          double x = plot->origin.x + plot->size.width * unit;
          double start = plot->origin.x + tick_label_start (ticks, i, TRUE);

          if (unit > 1e-6)
            append_grid_vline (snapshot, x, plot->origin.y, plot->origin.y + plot->size.height, gaps, n_gaps, &grid);
          /* when even two labels do not fit, the later one gives way */
          if (start < previous_end + 4)
            continue;
          cpl_chart_append_layout (snapshot, ticks->labels[i], start,
                                   plot->origin.y + plot->size.height + CPL_CHART_LABEL_GAP, &text);
          previous_end = start + ticks->widths[i];
        }
    }
}

/* ---- frame ---- */

void
cpl_chart_frame_clear (CplChartFrame *frame)
{
  g_clear_object (&frame->y_title);
  g_clear_object (&frame->x_title);
  cpl_chart_ticks_clear (&frame->y_ticks);
  cpl_chart_ticks_clear (&frame->x_ticks);
  frame->plot = GRAPHENE_RECT_INIT (0, 0, 0, 0);
  frame->width = frame->height = 0;
  frame->bottom = 0;
  frame->n_grid_gaps = 0;
}

/* The vertical gridlines break over @gap (in the chart's coordinates)
 * until the next layout; past CPL_CHART_MAX_GRID_GAPS gaps, they do not. */
void
cpl_chart_frame_add_grid_gap (CplChartFrame         *frame,
                              const graphene_rect_t *gap)
{
  if (frame->n_grid_gaps < CPL_CHART_MAX_GRID_GAPS)
    frame->grid_gaps[frame->n_grid_gaps++] = *gap;
}

/* The frame's legend cache, made when first asked for. */
CplChartLegendCache *
cpl_chart_frame_get_legend_cache (CplChartFrame *frame)
{
  if (frame->legend_cache == NULL)
    frame->legend_cache = cpl_chart_legend_cache_new ();
  return frame->legend_cache;
}

void
cpl_chart_frame_free_cache (CplChartFrame *frame)
{
  g_clear_pointer (&frame->legend_cache, cpl_chart_legend_cache_free);
}

/* What a numeric horizontal axis needs under the plot for its tick
 * labels: the @bottom to give cpl_chart_frame_begin(). */
int
cpl_chart_frame_x_axis_height (PangoContext *context)
{
  g_autoptr(PangoLayout) probe = cpl_chart_layout_new (context, "0", CPL_CHART_FONT_LABEL);
  int height;

  cpl_chart_layout_size (probe, NULL, &height);
  return CPL_CHART_LABEL_GAP + height;
}

int
cpl_chart_legend_width (int widget_width)
{
  if (widget_width < 0)
    widget_width = CPL_CHART_MIN_WIDTH;
  return MAX (widget_width - 2 * CPL_CHART_PADDING, 1);
}

/* The first half of the layout: the legend, the value axis title and the
 * plot's top and bottom, leaving @bottom pixels under the plot (the
 * caller's labels) and then the horizontal axis title, if any, besides
 * the padding.  Once the caller has the value axis range for that plot
 * height, cpl_chart_frame_finish() does the rest. */
void
cpl_chart_frame_begin (CplChartFrame            *frame,
                       PangoContext             *context,
                       int                       width,
                       int                       height,
                       const CplChartLegendItem *items,
                       guint                     n_items,
                       const char               *y_title,
                       const char               *x_title,
                       int                       bottom)
{
  g_autoptr(PangoLayout) probe = cpl_chart_layout_new (context, "0", CPL_CHART_FONT_LABEL);
  int legend_width = cpl_chart_legend_width (width);
  int legend_height;
  int tick_height;
  int top;

  cpl_chart_frame_clear (frame);
  frame->width = width;
  frame->height = height;

  legend_height = cpl_chart_legend_measure (cpl_chart_frame_get_legend_cache (frame), context, items, n_items,
                                            legend_width);
  frame->legend = GRAPHENE_RECT_INIT (CPL_CHART_PADDING, CPL_CHART_PADDING, legend_width, legend_height);
  top = CPL_CHART_PADDING + legend_height + (legend_height > 0 ? CPL_CHART_PADDING : 0);

  if (y_title != NULL && y_title[0] != '\0')
    {
      int title_height;

      frame->y_title = cpl_chart_layout_new (context, y_title, CPL_CHART_FONT_TITLE);
      cpl_chart_layout_limit (frame->y_title, legend_width, 1);
      cpl_chart_layout_size (frame->y_title, NULL, &title_height);
      frame->y_title_at = GRAPHENE_POINT_INIT (CPL_CHART_PADDING, top);
      top += title_height + CPL_CHART_LABEL_GAP;
    }

  frame->bottom = bottom;
  if (x_title != NULL && x_title[0] != '\0')
    {
      int title_height;

      frame->x_title = cpl_chart_layout_new (context, x_title, CPL_CHART_FONT_TITLE);
      /* two lines where one is too narrow: a tornado's "Compute gap, all
       * years (PFLOP/s), now 11,518,840 PFLOP/s" lost its value on a
       * phone, "now 1…" */
      cpl_chart_layout_limit (frame->x_title, legend_width, 2);
      cpl_chart_layout_size (frame->x_title, NULL, &title_height);
      bottom += CPL_CHART_LABEL_GAP + title_height;
    }

  /* room for half the top tick label, which is centred on its tick */
  cpl_chart_layout_size (probe, NULL, &tick_height);
  top += (tick_height + 1) / 2;

  frame->plot = GRAPHENE_RECT_INIT (0, top, 0, MAX (height - CPL_CHART_PADDING - bottom - top, 0));
}

/* The value axis ticks for @y_axis, and so the plot's left edge; the
 * plot ends @right pixels before the widget's right edge. */
void
cpl_chart_frame_finish (CplChartFrame        *frame,
                        PangoContext         *context,
                        const CplChartAxis   *y_axis,
                        const CplChartFormat *y_format,
                        int                   right)
{
  double left;

  /* the half label over the top tick has room saved in _begin() */
  cpl_chart_ticks_compute (&frame->y_ticks, context, y_axis, GTK_ORIENTATION_VERTICAL,
                           frame->plot.size.height, INFINITY, INFINITY, y_format, FALSE);

  left = CPL_CHART_PADDING + frame->y_ticks.max_width + CPL_CHART_LABEL_GAP + 2;
  frame->plot.origin.x = left;
  frame->plot.size.width = MAX (frame->width - right - left, 0);

  if (frame->plot.size.width < 24 || frame->plot.size.height < 24)
    frame->plot.size.width = frame->plot.size.height = 0;
}

/* The ticks of a numeric horizontal axis, once the plot's width is
 * known; their labels may overhang the plot's ends by the slack. */
void
cpl_chart_frame_finish_x (CplChartFrame        *frame,
                          PangoContext         *context,
                          const CplChartAxis   *x_axis,
                          const CplChartFormat *x_format,
                          gboolean              integer,
                          double                slack_before,
                          double                slack_after)
{
  cpl_chart_ticks_compute (&frame->x_ticks, context, x_axis, GTK_ORIENTATION_HORIZONTAL,
                           frame->plot.size.width, slack_before, slack_after, x_format, integer);
}

gboolean
cpl_chart_frame_has_plot (const CplChartFrame *frame)
{
  return frame->plot.size.width > 0 && frame->plot.size.height > 0;
}

/* The horizontal pixel of @value on the numeric horizontal axis. */
double
cpl_chart_frame_x (const CplChartFrame *frame,
                   double               value)
{
  double unit = cpl_chart_axis_to_unit (&frame->x_ticks.axis, value);

  return frame->plot.origin.x + frame->plot.size.width * unit;
}

/* The vertical pixel of @value on the value axis. */
double
cpl_chart_frame_y (const CplChartFrame *frame,
                   double               value)
{
  double unit = cpl_chart_axis_to_unit (&frame->y_ticks.axis, value);

  return frame->plot.origin.y + frame->plot.size.height * (1 - unit);
}

/* What lies under the data: legend, title, gridlines, tick labels. */
void
cpl_chart_frame_snapshot (const CplChartFrame      *frame,
                          PangoContext             *context,
                          GtkSnapshot              *snapshot,
                          const CplChartLegendItem *items,
                          guint                     n_items,
                          const CplChartPalette    *palette)
{
  cpl_chart_legend_snapshot (frame->legend_cache, context, snapshot, items, n_items,
                             frame->legend.origin.x, frame->legend.origin.y,
                             frame->legend.size.width, palette);

  if (frame->y_title != NULL)
    {
      GdkRGBA title = cpl_chart_rgba_alpha (&palette->fg, .85f);

      cpl_chart_append_layout (snapshot, frame->y_title, frame->y_title_at.x, frame->y_title_at.y, &title);
    }

  if (!cpl_chart_frame_has_plot (frame))
    return;

  cpl_chart_ticks_snapshot (&frame->y_ticks, snapshot, GTK_ORIENTATION_VERTICAL, &frame->plot, NULL, 0, palette);
  cpl_chart_ticks_snapshot (&frame->x_ticks, snapshot, GTK_ORIENTATION_HORIZONTAL, &frame->plot,
                            frame->grid_gaps, frame->n_grid_gaps, palette);

  if (frame->x_title != NULL)
    {
      const graphene_rect_t *plot = &frame->plot;
      GdkRGBA title = cpl_chart_rgba_alpha (&palette->fg, .85f);
      int w;

      cpl_chart_layout_size (frame->x_title, &w, NULL);
      cpl_chart_append_layout (snapshot, frame->x_title,
                               CLAMP (plot->origin.x + (plot->size.width - w) / 2,
                                      CPL_CHART_PADDING, MAX (frame->width - CPL_CHART_PADDING - w, CPL_CHART_PADDING)),
                               plot->origin.y + plot->size.height + frame->bottom + CPL_CHART_LABEL_GAP,
                               &title);
    }
}

/* The axis lines along the bottom and left of the plot, over the data. */
void
cpl_chart_frame_snapshot_axes (const CplChartFrame   *frame,
                               GtkSnapshot           *snapshot,
                               const CplChartPalette *palette)
{
  const graphene_rect_t *plot = &frame->plot;
  GdkRGBA axis = cpl_chart_rgba_alpha (&palette->fg, .4f);
  double bottom = plot->origin.y + plot->size.height;

  if (!cpl_chart_frame_has_plot (frame))
    return;

  cpl_chart_append_hline (snapshot, plot->origin.x, plot->origin.x + plot->size.width, bottom, 1, &axis, FALSE);
  cpl_chart_append_vline (snapshot, plot->origin.x, plot->origin.y, bottom, 1, &axis, FALSE);
}

/* "No data", in the middle of the plot. */
#define NOTE_MARGIN 16

/* @text centred in @frame's plot, in a faint colour, wrapped to as many
 * lines as the plot has room for (two at least): on a phone "No compute
 * gap in any year: domestic chips and exports meet the demand" needs
 * three, and was cut after two. */
static void
snapshot_plot_note (const CplChartFrame   *frame,
                    PangoContext          *context,
                    GtkSnapshot           *snapshot,
                    const CplChartPalette *palette,
                    const char            *text)
{
  g_autoptr(PangoLayout) layout = cpl_chart_layout_new (context, text, CPL_CHART_FONT_BODY);
  GdkRGBA color = cpl_chart_rgba_alpha (&palette->fg, .55f);
  const graphene_rect_t *plot = &frame->plot;
  int height, line_height;

  if (!cpl_chart_frame_has_plot (frame))
    return;

  /* the plot's width less a margin on each side (clear of the axis),
   * each line centred in it */
  cpl_chart_layout_size (layout, NULL, &line_height);
  line_height /= MAX (pango_layout_get_line_count (layout), 1);
  cpl_chart_layout_limit (layout, plot->size.width - 2 * NOTE_MARGIN,
                          MAX (2, (int) (plot->size.height - 2 * NOTE_MARGIN) / MAX (line_height, 1)));
  pango_layout_set_alignment (layout, PANGO_ALIGN_CENTER);
  cpl_chart_layout_size (layout, NULL, &height);
  cpl_chart_append_layout (snapshot, layout, plot->origin.x + NOTE_MARGIN,
                           plot->origin.y + (plot->size.height - height) / 2, &color);
}

void
cpl_chart_frame_snapshot_empty (const CplChartFrame   *frame,
                                PangoContext          *context,
                                GtkSnapshot           *snapshot,
                                const CplChartPalette *palette)
{
  snapshot_plot_note (frame, context, snapshot, palette, _("No data"));
}

/* The chart's zero note (cpl_chart_set_zero_note()), when it has one and
 * its values axis was fitted to nothing but zeros. */
void
cpl_chart_frame_snapshot_zero_note (CplChart              *chart,
                                    GtkSnapshot           *snapshot,
                                    const CplChartPalette *palette)
{
  const CplChartFrame *frame = cpl_chart_get_frame (chart);
  const char *note = cpl_chart_get_zero_note (chart);

  if (note != NULL && frame->y_ticks.axis.zero_only)
    snapshot_plot_note (frame, CPL_CHART_CONTEXT (chart), snapshot, palette, note);
}

void
cpl_chart_measure (GtkOrientation  orientation,
                   int             legend_height,
                   int            *minimum,
                   int            *natural)
{
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = CPL_CHART_MIN_WIDTH;
      *natural = CPL_CHART_NAT_WIDTH;
    }
  else
    {
      *minimum = CPL_CHART_MIN_HEIGHT + legend_height;
      *natural = CPL_CHART_NAT_HEIGHT + legend_height;
    }
}

/* Like g_set_str(), which is newer than our GLib. */
gboolean
cpl_chart_set_string (char       **field,
                      const char  *value)
{
  if (g_strcmp0 (*field, value) == 0)
    return FALSE;
  g_free (*field);
  *field = g_strdup (value);
  return TRUE;
}
