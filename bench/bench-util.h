/* bench-util.h: what the benchmarks of issue #16 share: clocks, medians
 * and the rows of the table they print together (build-aux/bench.sh). */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

double bench_cpu_us (void);
double bench_median (double     *values,
                     guint       n);
/* "| what | app | baseline | ratio× | ≤ goal× | met |"; returns whether
 * @ratio is within @goal */
gboolean bench_row  (const char *what,
                     const char *app,
                     const char *baseline,
                     double      ratio,
                     double      goal);

G_END_DECLS
