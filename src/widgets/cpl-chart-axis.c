/* cpl-chart-axis.c: map data values onto a chart axis, with round ticks
 *
 * Pure arithmetic, no GTK: the charts use it to place marks and labels,
 * the tests check it with numbers worked out by hand.
 *
 * Linear ticks step by 1, 2 or 5 × 10ⁿ, the smallest such step that
 * keeps the count within what the caller has room for.  Log ticks sit on
 * powers of ten; when the axis spans only a couple of decades, the 2 and 5
 * multiples in between are added so there is more than one tick to read.
 * An axis fitted to nothing but zeros has a single tick, 0: five ticks
 * between 0 and 1 would make up a scale for data that has none.
 */
#define G_LOG_DOMAIN "cpl-chart-axis"

#include "config.h"

#include <math.h>
#include <string.h>

#include "cpl-format.h"
#include "cpl-chart-axis.h"

/* A fraction of the span left empty on each side of the data. */
#define PADDING 0.05
/* A log axis reaches out this many decades to a round value */
#define LOG_REACH 0.1
/* Up to this many decades, log ticks include the 2 and 5 multiples. */
#define FEW_DECADES 2.5
/* Slack for values that are a tick "up to rounding". */
#define EPSILON 1e-9

G_DEFINE_BOXED_TYPE (CplChartAxis, cpl_chart_axis, cpl_chart_axis_copy, cpl_chart_axis_free)

CplChartAxis *
cpl_chart_axis_copy (const CplChartAxis *axis)
{
  return g_memdup2 (axis, sizeof *axis);
}

void
cpl_chart_axis_free (CplChartAxis *axis)
{
  g_free (axis);
}

void
cpl_chart_axis_init (CplChartAxis  *axis,
                     CplChartScale  scale)
{
  g_return_if_fail (axis != NULL);

  axis->scale = scale;
  axis->zero_only = FALSE;
  if (scale == CPL_CHART_SCALE_LOG)
    {
      axis->min = 1;
      axis->max = 10;
    }
  else
    {
      axis->min = 0;
      axis->max = 1;
    }
}

void
cpl_chart_axis_set_range (CplChartAxis *axis,
                          double        min,
                          double        max)
{
  g_return_if_fail (axis != NULL);
  g_return_if_fail (isfinite (min) && isfinite (max));

  axis->min = MIN (min, max);
  axis->max = MAX (min, max);
}

/* Whether @value can be placed on the axis at all. */
gboolean
cpl_chart_axis_accepts (const CplChartAxis *axis,
                        double              value)
{
  g_return_val_if_fail (axis != NULL, FALSE);

  if (!isfinite (value))
    return FALSE;
  if (axis->scale == CPL_CHART_SCALE_LOG && value <= 0)
    return FALSE;
  return TRUE;
}

/* The 1, 2 or 5 × 10ⁿ nearest @value from below (or from @above),
 * @value itself when it is one. */
static double
round_125 (double   value,
           gboolean above)
{
  static const double multiples[] = { 1, 2, 5, 10 };
  double power = pow (10, floor (log10 (value)));

  if (above)
    {
      for (guint i = 0; i < G_N_ELEMENTS (multiples); i++)
        if (multiples[i] * power >= value * (1 - 1e-12))
          return multiples[i] * power;
    }
  else
    for (guint i = G_N_ELEMENTS (multiples) - 1; i-- > 0;)
      if (multiples[i] * power <= value * (1 + 1e-12))
        return multiples[i] * power;
  return value;
}

/* Sets a range holding every value the axis accepts, with a margin of
 * PADDING of the span on each side.  Values the axis cannot show (NaN,
 * ±∞, and zero or less on a log axis) are skipped.  A range that starts at
 * zero or more never reaches below zero because of the padding.  When
 * every value is zero, the range is 0..1 and the axis has one tick, 0.
 * A log axis reaches further, to the next 1, 2 or 5 × 10ⁿ, where that is
 * within LOG_REACH decades of the values.
 */
void
cpl_chart_axis_fit (CplChartAxis *axis,
                    const double *values,
                    gsize         n_values)
{
  gboolean log_scale;
  double lo = INFINITY, hi = -INFINITY;
  double pad;

  g_return_if_fail (axis != NULL);
  g_return_if_fail (values != NULL || n_values == 0);

  log_scale = axis->scale == CPL_CHART_SCALE_LOG;

  for (gsize i = 0; i < n_values; i++)
    {
      double v;

      if (!cpl_chart_axis_accepts (axis, values[i]))
        continue;
      v = log_scale ? log10 (values[i]) : values[i];
      lo = MIN (lo, v);
      hi = MAX (hi, v);
    }

  cpl_chart_axis_init (axis, axis->scale);
  if (lo > hi)
    return;
  axis->zero_only = !log_scale && lo == 0 && hi == 0;

  if (hi - lo > 0)
    pad = (hi - lo) * PADDING;
  else if (log_scale)
    pad = 0.5;                              /* half a decade */
  else
    pad = lo != 0 ? fabs (lo) * 0.1 : 1;

  if (log_scale)
    {
      double round_below = log10 (round_125 (pow (10, lo), FALSE));
      double round_above = log10 (round_125 (pow (10, hi), TRUE));

      /* out to the next 1-2-5 value where it is near (within a tenth of
       * a decade, 26%), so that a tick stands near the extreme points:
       * the H20's TPP of 2,368 had its nearest tick at 5,000 */
      axis->min = pow (10, lo - round_below <= LOG_REACH ? MIN (lo - pad, round_below) : lo - pad);
      axis->max = pow (10, round_above - hi <= LOG_REACH ? MAX (hi + pad, round_above) : hi + pad);
    }
  else
    {
      axis->min = (lo >= 0 && lo - pad < 0) ? 0 : lo - pad;
      axis->max = (hi <= 0 && hi + pad > 0) ? 0 : hi + pad;
      /* only zeros: up from zero, not a range of nothing */
      if (!(axis->max > axis->min))
        axis->max = axis->min + pad;
    }
}

/* The position of @value between the ends of the axis: 0 at min, 1 at
 * max, outside 0..1 beyond them; NaN for a value the axis cannot show.
 */
double
cpl_chart_axis_to_unit (const CplChartAxis *axis,
                        double              value)
{
  double lo, hi;

  g_return_val_if_fail (axis != NULL, NAN);

  if (axis->scale == CPL_CHART_SCALE_LOG)
    {
      if (!(value > 0) || !(axis->min > 0))
        return NAN;
      if (isinf (value))
        return INFINITY;
      lo = log10 (axis->min);
      hi = log10 (axis->max);
      value = log10 (value);
    }
  else
    {
      if (isnan (value))
        return NAN;
      if (isinf (value))
        return value;
      lo = axis->min;
      hi = axis->max;
    }

  if (!(hi > lo))
    return 0.5;
  return (value - lo) / (hi - lo);
}

double
cpl_chart_axis_from_unit (const CplChartAxis *axis,
                          double              unit)
{
  g_return_val_if_fail (axis != NULL, NAN);

  if (axis->scale == CPL_CHART_SCALE_LOG && axis->min > 0)
    {
      double lo = log10 (axis->min);
      double hi = log10 (axis->max);

      return pow (10, lo + unit * (hi - lo));
    }
  return axis->min + unit * (axis->max - axis->min);
}

/* Linear ticks: multiples of the smallest 1, 2 or 5 × 10ⁿ step that gives
 * at most @max_ticks of them.  *decimals is what the step needs.
 */
static guint
linear_ticks (double  min,
              double  max,
              double *ticks,
              guint   max_ticks,
              int    *decimals)
{
  static const int multiples[] = { 1, 2, 5 };
  double span = max - min;
  int exponent;

  *decimals = 0;
  if (!(span > 0))
    {
      ticks[0] = min;
      return 1;
    }

  exponent = (int) floor (log10 (span / MAX (max_ticks - 1, 1)));
  for (;; exponent++)
    {
      for (guint m = 0; m < G_N_ELEMENTS (multiples); m++)
        {
          double step = multiples[m] * pow (10, exponent);
          double first = ceil (min / step - EPSILON);
          double last = floor (max / step + EPSILON);
          guint n;

          if (last - first + 1 > max_ticks)
            continue;

          n = 0;
          for (double k = first; k <= last; k++)
            {
              double tick = k * step;

              ticks[n++] = fabs (tick) < step * EPSILON ? 0 : tick;
            }
          *decimals = CLAMP (-exponent, 0, 12);
          return n;
        }
    }
}

/* The 1, 2 and 5 × 10ⁿ between @min and @max (@step 2: the 1 and 5
 * alone), ascending, in @values; *@too_many when there are more than
 * @max_values (and @max_values of them kept). */
static guint
round_multiples (double    min,
                 double    max,
                 guint     step,
                 double   *values,
                 guint     max_values,
                 gboolean *too_many)
{
  static const int multiples[] = { 1, 2, 5 };
  int last_power = (int) floor (log10 (max) + EPSILON);
  guint n = 0;

  *too_many = FALSE;
  for (int e = (int) floor (log10 (min)); e <= last_power; e++)
    for (guint m = 0; m < G_N_ELEMENTS (multiples); m += step)
      {
        double v = multiples[m] * pow (10, e);

        if (v < min * (1 - EPSILON) || v > max * (1 + EPSILON))
          continue;
        if (n == max_values)
          {
            *too_many = TRUE;
            return n;
          }
        values[n++] = v;
      }
  return n;
}

/* How good a choice of @n of the @n_all 1-2-5 multiples @all is: 1 among
 * them first (the reference of a chart of ratios), then the ends of the
 * range covered (a bar past the last tick reads against nothing), then
 * the more the better. */
static int
ticks_score (const double *ticks,
             guint         n,
             const double *all,
             guint         n_all)
{
  int score = (int) n;

  for (guint i = 0; i < n; i++)
    if (fabs (ticks[i] - 1) < EPSILON)
      score += 100;
  if (n > 0 && ticks[0] == all[0])
    score += 10;
  if (n > 0 && ticks[n - 1] == all[n_all - 1])
    score += 10;
  return score;
}

/* Where the 1-2-5 multiples between @min and @max are too many for
 * @max_ticks: the best (ticks_score()) of the 1 and 5 multiples alone
 * and every other multiple from a power of ten (0.2, 1, 5, 20: a ratio
 * chart in Chinese, its taller labels leaving room for six, had 0.5, 1,
 * 5, 10, its bars reaching 15× and 0.19× past the ticks).  Returns how
 * many are in @ticks, 0 when no choice of two or more fits. */
static guint
fewer_round_multiples (double  min,
                       double  max,
                       double *ticks,
                       guint   max_ticks)
{
  double all[CPL_CHART_AXIS_MAX_TICKS];
  double tried[CPL_CHART_AXIS_MAX_TICKS];
  gboolean too_many;
  guint n_all = round_multiples (min, max, 1, all, G_N_ELEMENTS (all), &too_many);
  guint n_best = 0;
  int best = -1;

  if (too_many)
    return 0;
  /* the 1 and 5 multiples */
  {
    guint n = round_multiples (min, max, 2, tried, max_ticks, &too_many);

    if (!too_many && n >= 2)
      {
        memcpy (ticks, tried, n * sizeof *ticks);
        n_best = n;
        best = ticks_score (tried, n, all, n_all);
      }
  }
  /* every other one, through a power of ten */
  for (guint anchor = 0; anchor < n_all; anchor++)
    {
      double mantissa = all[anchor] / pow (10, floor (log10 (all[anchor]) + EPSILON));
      guint n = 0;
      gboolean fits = TRUE;
      int score;

      if (fabs (mantissa - 1) > 1e-6)
        continue;
      for (guint i = anchor % 2; i < n_all && fits; i += 2)
        if ((fits = n < max_ticks))
          tried[n++] = all[i];
      if (!fits || n < 2)
        continue;
      score = ticks_score (tried, n, all, n_all);
      if (score > best)
        {
          memcpy (ticks, tried, n * sizeof *ticks);
          n_best = n;
          best = score;
        }
    }
  return n_best;
}

/* Log ticks; *decimals is -1 when each tick needs its own count. */
static guint
log_ticks (double  min,
           double  max,
           double *ticks,
           guint   max_ticks,
           int    *decimals)
{
  double lmin = log10 (min);
  double lmax = log10 (max);
  int first_power = (int) ceil (lmin - EPSILON);
  int last_power = (int) floor (lmax + EPSILON);
  int n_powers = last_power - first_power + 1;
  int stride;
  guint n = 0;

  *decimals = -1;

  if (lmax - lmin <= FEW_DECADES || n_powers < 2)
    {
      double candidates[CPL_CHART_AXIS_MAX_TICKS];
      gboolean too_many = FALSE;
      guint n_candidates = round_multiples (min, max, 1, candidates, max_ticks, &too_many);

      /* less than a decade with only two round multiples: even steps
       * (2,000, 4,000, 6,000) say more */
      if (!too_many && n_candidates < 3 && lmax - lmin < 1)
        {
          double linear[CPL_CHART_AXIS_MAX_TICKS];
          int linear_decimals;
          guint n_linear = linear_ticks (min, max, linear, max_ticks, &linear_decimals);

          if (n_linear > n_candidates)
            {
              memcpy (ticks, linear, n_linear * sizeof *ticks);
              *decimals = linear_decimals;
              return n_linear;
            }
        }

      if (!too_many && n_candidates >= 2)
        {
          memcpy (ticks, candidates, n_candidates * sizeof *ticks);
          return n_candidates;
        }

      /* too many for the room: fewer of them, where two or more are
       * inside (2,000 to 50,000 on a phone's map had 10,000 alone, one
       * tick for a log axis) */
      if (too_many)
        {
          n_candidates = fewer_round_multiples (min, max, candidates, max_ticks);
          if (n_candidates >= 2)
            {
              memcpy (ticks, candidates, n_candidates * sizeof *ticks);
              return n_candidates;
            }
        }
    }

  if (n_powers < 1)
    {
      /* Not even one power of ten inside, nor two round multiples: a
       * narrow stretch of a log axis reads best with linear ticks. */
      return linear_ticks (min, max, ticks, max_ticks, decimals);
    }

  stride = (n_powers + (int) max_ticks - 1) / (int) max_ticks;
  for (int p = first_power; p <= last_power; p++)
    {
      /* multiples of the stride, so 1, 1,000, 1,000,000 rather than 10, 10,000 … */
      if (((p % stride) + stride) % stride != 0)
        continue;
      if (n == max_ticks)
        break;
      ticks[n++] = pow (10, p);
    }
  if (n == 0)
    ticks[n++] = pow (10, first_power);
  return n;
}

static guint
compute_ticks (const CplChartAxis *axis,
               double             *ticks,
               guint               max_ticks,
               int                *decimals)
{
  max_ticks = MIN (max_ticks, CPL_CHART_AXIS_MAX_TICKS);
  *decimals = 0;

  if (max_ticks == 0 || !isfinite (axis->min) || !isfinite (axis->max))
    return 0;

  if (axis->zero_only && axis->scale == CPL_CHART_SCALE_LINEAR)
    {
      ticks[0] = 0;
      return 1;
    }
  if (axis->scale == CPL_CHART_SCALE_LOG && axis->min > 0 && axis->max > axis->min)
    return log_ticks (axis->min, axis->max, ticks, max_ticks, decimals);
  return linear_ticks (axis->min, axis->max, ticks, max_ticks, decimals);
}

/* Fills @ticks (room for @max_ticks, at most CPL_CHART_AXIS_MAX_TICKS
 * are used) with round values inside the axis range, ascending, and
 * returns how many.
 */
guint
cpl_chart_axis_ticks (const CplChartAxis *axis,
                      double             *ticks,
                      guint               max_ticks)
{
  int decimals;

  g_return_val_if_fail (axis != NULL, 0);
  g_return_val_if_fail (ticks != NULL || max_ticks == 0, 0);

  return compute_ticks (axis, ticks, max_ticks, &decimals);
}

/* How many decimals the label of @tick needs, for ticks computed with
 * the same @max_ticks: those of the step on a linear axis (0.5 → 1),
 * those of the tick itself on a log axis (0.01 → 2).
 */
int
cpl_chart_axis_tick_decimals (const CplChartAxis *axis,
                              double              tick,
                              guint               max_ticks)
{
  double ticks[CPL_CHART_AXIS_MAX_TICKS];
  int decimals;

  g_return_val_if_fail (axis != NULL, 0);

  compute_ticks (axis, ticks, max_ticks, &decimals);
  if (decimals >= 0)
    return decimals;
  if (!(tick > 0) || !isfinite (tick))
    return 0;
  return CLAMP (-(int) floor (log10 (tick) + EPSILON), 0, 12);
}

/* The label of @tick, in the user's locale. */
char *
cpl_chart_axis_format_tick (const CplChartAxis *axis,
                            double              tick,
                            guint               max_ticks)
{
  g_return_val_if_fail (axis != NULL, NULL);

  return cpl_format_number (tick, cpl_chart_axis_tick_decimals (axis, tick, max_ticks));
}
