/* cpl-chart-types.h: what the chart widgets share in their API */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Colours of the chart palette, in the order series take them.  Each is
 * the GNOME palette colour of that name, a lighter shade in dark mode.
 * Indices wrap around: CPL_CHART_N_COLORS is the same as BLUE.
 */
typedef enum
{
  CPL_CHART_COLOR_BLUE,
  CPL_CHART_COLOR_ORANGE,
  CPL_CHART_COLOR_GREEN,
  CPL_CHART_COLOR_PURPLE,
  CPL_CHART_COLOR_RED,
  CPL_CHART_COLOR_YELLOW,
  CPL_CHART_COLOR_BROWN,
  CPL_CHART_N_COLORS
} CplChartColor;

CplChartColor cpl_chart_color_for_key (const char *key);
CplChartColor cpl_chart_color_for     (const char *kind,
                                       const char *id);

/* Turns a value into the text of a tick label or a tooltip, in the
 * user's locale: "$6.75 B", "25%", "2026".  Returns a newly allocated
 * string.  Charts use cpl_format_number() without one.
 */
typedef char *(*CplChartFormatFunc) (double   value,
                                     gpointer user_data);

G_END_DECLS
