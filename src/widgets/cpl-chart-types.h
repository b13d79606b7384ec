/* cpl-chart-types.h: what the chart widgets share in their API */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Colours of the chart palette, in the order series take them: the
 * Okabe–Ito set, which readers with any common colour-vision deficiency
 * tell apart (red and green are never the only difference), each in a
 * darker shade on light backgrounds and a lighter one on dark ones, at a
 * contrast of 3:1 or more with the chart's background either way.
 * Indices wrap around: CPL_CHART_N_COLORS is the same as BLUE.
 */
typedef enum
{
  CPL_CHART_COLOR_BLUE,
  CPL_CHART_COLOR_ORANGE,
  CPL_CHART_COLOR_GREEN,              /* bluish green */
  CPL_CHART_COLOR_VERMILLION,
  CPL_CHART_COLOR_PURPLE,             /* reddish purple */
  CPL_CHART_COLOR_SKY,                /* sky blue */
  CPL_CHART_COLOR_YELLOW,
  CPL_CHART_COLOR_GREY,
  CPL_CHART_N_COLORS
} CplChartColor;

CplChartColor cpl_chart_color_for_key (const char *key);
void          cpl_chart_colors_forget (void);
CplChartColor cpl_chart_color_for     (const char *kind,
                                       const char *id);

/* Turns a value into the text of a tick label or a tooltip, in the
 * user's locale: "$6.75 B", "25%", "2026".  Returns a newly allocated
 * string.  Charts use cpl_format_number() without one.
 */
typedef char *(*CplChartFormatFunc) (double   value,
                                     gpointer user_data);
/* A tick label of @value on an axis whose smallest tick but zero is
 * @reference (in magnitude), so that every tick reads in one unit, the
 * one of the figures beside the chart: "$200 B" to "$1,000 B" by "$934
 * B", not "$0.2 T" to "$1 T". */
typedef char *(*CplChartTickFormatFunc) (double   value,
                                         double   reference,
                                         gpointer user_data);

G_END_DECLS
