/* cpl-chart-builders.h: what each chart of the app shows, filled from the
 * model, for the views (on screen) and for exports (no display) alike */
#pragma once

#include "cpl-model.h"
#include "widgets/cpl-chart.h"
#include "widgets/cpl-line-chart.h"
#include "widgets/cpl-scatter-chart.h"
#include "widgets/cpl-tornado-chart.h"

G_BEGIN_DECLS

extern const char * const cpl_chart_ids[];

/* The size of an exported chart, in points, and a PNG's largest scale. */
#define CPL_CHART_EXPORT_WIDTH     1000
#define CPL_CHART_EXPORT_HEIGHT    600
#define CPL_CHART_EXPORT_MAX_SCALE 4

CplChart *cpl_chart_build           (const char    *chart_id,
                                     CplDataset    *dataset,
                                     GPtrArray     *scenarios,
                                     GError       **error);
GPtrArray *cpl_project_scenarios    (GPtrArray     *scenarios,
                                     CplDataset    *dataset,
                                     gboolean       ranges,
                                     GPtrArray    **uncertainties,
                                     GError       **error);
CplChart *cpl_chart_build_projected (const char    *chart_id,
                                     CplDataset    *dataset,
                                     GPtrArray     *scenarios,
                                     GPtrArray     *projections,
                                     GPtrArray     *uncertainties);
char     *cpl_chart_dup_title       (const char    *chart_id);
gboolean  cpl_chart_id_compares     (const char    *chart_id);
char     *cpl_chart_dup_source      (const char    *file_name,
                                     gboolean       unsaved);
gboolean  cpl_chart_save            (CplChart             *chart,
                                     const char           *path,
                                     CplChartExportFormat  format,
                                     double                scale,
                                     gboolean              dark,
                                     GError              **error);

void      cpl_chart_colors_assign   (CplDataset    *dataset);

/* What the views share with cpl_chart_build(). */
CplChart *cpl_chart_new_for         (const char    *chart_id,
                                     gboolean       comparison);
char     *cpl_chart_dup_card_title  (const char    *chart_id,
                                     gboolean       comparison);
const char *cpl_chart_get_builder_id (CplChart     *chart);
void      cpl_chart_fill_results    (CplChart      *chart,
                                     const char    *chart_id,
                                     CplProjection *projection,
                                     CplDataset    *dataset);
void      cpl_chart_fill_comparison (CplChart      *chart,
                                     const char    *chart_id,
                                     GPtrArray     *scenarios,
                                     GPtrArray     *projections);
gboolean  cpl_chart_set_bands       (CplChart       *chart,
                                     const char     *chart_id,
                                     guint           series,
                                     CplUncertainty *uncertainty);

/* The share-rate curve: where its markers go. */
typedef struct
{
  double   current;   /* the scenario's rate */
  double   best;      /* the rate of the highest take, or NaN */
  double   even;      /* the vendors' break-even, or NaN */
  gboolean at_top;    /* the take is highest at 100% */
  gboolean at_even;   /* the take is highest just under the break-even */
  gboolean sold;      /* any exported chip is sold at some rate */
} CplShareMarks;

void      cpl_share_marks_compute   (CplScenario         *scenario,
                                     CplDataset          *dataset,
                                     GArray              *curve,
                                     CplShareMarks       *marks);
void      cpl_share_curve_fill      (CplLineChart        *chart,
                                     const char          *chart_id,
                                     CplScenario         *scenario,
                                     GArray              *curve,
                                     const CplShareMarks *marks);

gboolean  cpl_tornado_fill          (CplTornadoChart     *tornado,
                                     CplScenario         *scenario,
                                     CplDataset          *dataset,
                                     CplTotal             total,
                                     GError             **error);

void      cpl_threshold_map_fill    (CplScatterChart     *map,
                                     CplDataset          *dataset,
                                     GListModel          *chips,
                                     const GDate         *date);

G_END_DECLS
