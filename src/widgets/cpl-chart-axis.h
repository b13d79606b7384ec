/* cpl-chart-axis.h: map data values onto a chart axis, with round ticks */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef enum
{
  CPL_CHART_SCALE_LINEAR,
  CPL_CHART_SCALE_LOG,
} CplChartScale;

/* The most ticks any axis gives; callers size their arrays with it. */
#define CPL_CHART_AXIS_MAX_TICKS 32

typedef struct _CplChartAxis CplChartAxis;

struct _CplChartAxis
{
  CplChartScale scale;
  double        min;
  double        max;
  gboolean      zero_only;            /* fit saw only zeros: one tick, 0 */
};

#define CPL_TYPE_CHART_AXIS (cpl_chart_axis_get_type ())

GType         cpl_chart_axis_get_type    (void) G_GNUC_CONST;
CplChartAxis *cpl_chart_axis_copy        (const CplChartAxis *axis);
void          cpl_chart_axis_free        (CplChartAxis       *axis);

void          cpl_chart_axis_init        (CplChartAxis       *axis,
                                          CplChartScale       scale);
void          cpl_chart_axis_set_range   (CplChartAxis       *axis,
                                          double              min,
                                          double              max);
gboolean      cpl_chart_axis_accepts     (const CplChartAxis *axis,
                                          double              value);
void          cpl_chart_axis_fit         (CplChartAxis       *axis,
                                          const double       *values,
                                          gsize               n_values);
double        cpl_chart_axis_to_unit     (const CplChartAxis *axis,
                                          double              value);
double        cpl_chart_axis_from_unit   (const CplChartAxis *axis,
                                          double              unit);
guint         cpl_chart_axis_ticks       (const CplChartAxis *axis,
                                          double             *ticks,
                                          guint               max_ticks);
int           cpl_chart_axis_tick_decimals (const CplChartAxis *axis,
                                            double              tick,
                                            guint               max_ticks);
char         *cpl_chart_axis_format_tick (const CplChartAxis *axis,
                                          double              tick,
                                          guint               max_ticks);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CplChartAxis, cpl_chart_axis_free)

G_END_DECLS
