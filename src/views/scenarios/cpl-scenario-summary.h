/* cpl-scenario-summary.h: scenarios in words and the totals of a
 * comparison, without widgets: what the Scenarios view shows and the PDF
 * report prints */
#pragma once

#include "cpl-model.h"

G_BEGIN_DECLS

char *cpl_scenario_crossover_sentence (CplProjection *projection,
                                       CplDataset    *dataset);
char *cpl_scenario_allowed_chip_names (CplScenario   *scenario,
                                       CplDataset    *dataset);
char *cpl_comparison_summary_sentence (CplScenario   *scenario,
                                       CplProjection *projection,
                                       CplScenario   *baseline,
                                       CplProjection *baseline_projection);

/* One row of the comparison's totals table. */
typedef struct {
  char        *id;           /* "net:VENDOR", "take", "gap", "installed", "share", "crossover" */
  char        *title;        /* translated */
  const char  *unit;         /* translated: "USD", "PFLOP/s", "fraction", "year"… */
  guint        n_values;
  double      *numbers;      /* [n_values]: each scenario's value, NaN when it has none */
  double      *number_differences; /* [n_values]: minus the baseline's; NaN for a year */
  char       **values;       /* [n_values]: the text of each scenario's cell */
  char       **differences;  /* [n_values]: the difference to the baseline, or NULL
                              * (the baseline, a missing number, a year) */
  int          total;        /* the CplTotal a Monte Carlo run ranges, or -1 (a
                              * vendor's net revenue, the crossover year) */
} CplComparisonRow;

GPtrArray *cpl_comparison_rows_new  (CplDataset       *dataset,
                                     GPtrArray        *projections,
                                     guint             baseline);
void       cpl_comparison_row_free  (CplComparisonRow *row);
char      *cpl_comparison_row_range (const CplComparisonRow *row,
                                     guint                   index,
                                     CplUncertainty         *uncertainty);

G_END_DECLS
