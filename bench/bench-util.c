/* bench-util.c: see bench-util.h */
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "bench-util.h"

/* CPU time of this process, in µs: on a shared machine, what waiting for
 * a processor adds is noise */
double
bench_cpu_us (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_PROCESS_CPUTIME_ID, &ts);
  return ts.tv_sec * 1e6 + ts.tv_nsec / 1e3;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

/* The median of @values (sorted in place). */
double
bench_median (double *values,
              guint   n)
{
  qsort (values, n, sizeof *values, compare_doubles);
  return n % 2 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
}

gboolean
bench_row (const char *what,
           const char *app,
           const char *baseline,
           double      ratio,
           double      goal)
{
  gboolean met = ratio <= goal;

  printf ("| %s | %s | %s | %.2f× | ≤ %g× | %s |\n", what, app, baseline, ratio, goal, met ? "met" : "NOT met");
  fflush (stdout);
  return met;
}
