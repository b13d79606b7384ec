/* cpl-sensitivity.c: the share-rate curve, the revenue-maximising share and
 * goal seek (MODEL.md §6.1) */
#define G_LOG_DOMAIN "cpl-sensitivity"

#include "config.h"

#include <float.h>
#include <glib/gi18n-lib.h>
#include <math.h>

#include "cpl-error.h"
#include "cpl-sensitivity.h"

/* The parameter varied, on a private copy of the scenario. */
typedef struct {
  CplScenario *copy;
  CplDataset  *dataset;
  guint        field;
} Evaluator;

static void
evaluator_init (Evaluator   *ev,
                CplScenario *scenario,
                CplDataset  *dataset,
                guint        field)
{
  ev->copy = CPL_SCENARIO (cpl_entity_duplicate (CPL_ENTITY (scenario),
                                                 cpl_entity_get_id (CPL_ENTITY (scenario))));
  ev->dataset = dataset;
  ev->field = field;
}

static void
evaluator_clear (Evaluator *ev)
{
  g_clear_object (&ev->copy);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Evaluator, evaluator_clear)

/* §5 with the parameter at @x; NULL where §5 has no answer there. */
static CplProjection *
evaluator_project (Evaluator *ev,
                   double     x)
{
  if (!cpl_entity_set_number (CPL_ENTITY (ev->copy), ev->field, x, NULL))
    return NULL;
  return cpl_projection_compute (ev->copy, ev->dataset, NULL);
}

static double
evaluator_total (Evaluator *ev,
                 double     x,
                 CplTotal   total)
{
  g_autoptr(CplProjection) p = evaluator_project (ev, x);

  return p != NULL ? cpl_projection_get_total (p, total) : NAN;
}

/**
 * cpl_share_curve_compute:
 *
 * Recomputes §5 at revenue_share = i/100 for i = 0 … 100.  A rate at which
 * §5 has no answer (pass-through × share reaching 1) gets NaN totals; an
 * error in the scenario itself (an unknown chip) fails the whole curve.
 *
 * Returns: (transfer full) (nullable): 101 #CplSharePoint
 */
GArray *
cpl_share_curve_compute (CplScenario  *scenario,
                         CplDataset   *dataset,
                         GError      **error)
{
  /* the scenario's own projection says what is wrong with it; a dataset
   * that has just checked it keeps it */
  g_autoptr(CplProjection) base = cpl_dataset_get_projection (dataset, scenario, error);
  g_auto(Evaluator) ev = { 0 };
  GArray *curve;

  if (base == NULL)
    return NULL;
  evaluator_init (&ev, scenario, dataset, CPL_SCENARIO_REVENUE_SHARE);
  curve = g_array_sized_new (FALSE, TRUE, sizeof (CplSharePoint), CPL_SHARE_CURVE_POINTS);
  for (guint i = 0; i < CPL_SHARE_CURVE_POINTS; i++)
    {
      CplSharePoint point = { .share = i / 100.0 };
      g_autoptr(CplProjection) p = evaluator_project (&ev, point.share);

      for (guint t = 0; t < CPL_N_TOTALS; t++)
        point.totals[t] = p != NULL ? cpl_projection_get_total (p, t) : NAN;
      g_array_append_val (curve, point);
    }
  return curve;
}

/* Whether anything is exported at @share: some gross revenue. */
static gboolean
sold_at (Evaluator *ev,
         double     share)
{
  return evaluator_total (ev, share, CPL_TOTAL_GROSS_REVENUE) > 0;
}

/**
 * cpl_break_even_share_on_curve:
 * @curve: cpl_share_curve_compute() of @scenario
 *
 * The vendors' break-even: the lowest rate at which no exported chip is
 * offered any more (§5 step 3: no allowed chip's net price covers its
 * unit cost), where some was sold at rate 0.  Found on @curve's grid,
 * then by bisection between the last rate that sells and the first that
 * does not, to 1e-4.  A chip without a unit cost is offered at every
 * rate, the last one included: then there is none (the vendors' net
 * revenue at 100% is $0, but they still sell).
 *
 * Returns: the rate, or NaN when there is no break-even in [0, 1]
 */
double
cpl_break_even_share_on_curve (CplScenario *scenario,
                               CplDataset  *dataset,
                               GArray      *curve)
{
  g_auto(Evaluator) ev = { 0 };
  double sold, unsold;
  guint i;

  g_return_val_if_fail (curve != NULL && curve->len > 1, NAN);
  if (!(g_array_index (curve, CplSharePoint, 0).totals[CPL_TOTAL_GROSS_REVENUE] > 0))
    return NAN;
  for (i = 1; i < curve->len; i++)
    if (!(g_array_index (curve, CplSharePoint, i).totals[CPL_TOTAL_GROSS_REVENUE] > 0))
      break;
  if (i == curve->len)
    return NAN;

  evaluator_init (&ev, scenario, dataset, CPL_SCENARIO_REVENUE_SHARE);
  sold = g_array_index (curve, CplSharePoint, i - 1).share;
  unsold = g_array_index (curve, CplSharePoint, i).share;
  while (unsold - sold > 1e-4)
    {
      double middle = (sold + unsold) / 2;

      if (sold_at (&ev, middle))
        sold = middle;
      else
        unsold = middle;
    }
  return unsold;
}

/* NaN (no answer) ranks below every take. */
static double
take_or_worst (Evaluator *ev,
               double     share)
{
  double take = evaluator_total (ev, share, CPL_TOTAL_GOVERNMENT_TAKE);

  return isnan (take) ? -INFINITY : take;
}

/**
 * cpl_revenue_maximising_share:
 * @at_top: (out) (optional): %TRUE when the best rate on the curve is 100%,
 *   that is the take rises with the rate up to its end (no pass-through)
 *
 * The rate in [0, 1] that maximises the total government take: the best of
 * the 101 rates of the curve, refined by golden-section search between its
 * two neighbours to 1e-4.  When no rate yields a take (nothing exported),
 * the answer is 0.
 *
 * Returns: the rate, or NaN with @error set
 */
double
cpl_revenue_maximising_share (CplScenario  *scenario,
                              CplDataset   *dataset,
                              gboolean     *at_top,
                              GError      **error)
{
  g_autoptr(GArray) curve = cpl_share_curve_compute (scenario, dataset, error);

  if (at_top != NULL)
    *at_top = FALSE;
  if (curve == NULL)
    return NAN;
  return cpl_revenue_maximising_share_on_curve (scenario, dataset, curve, at_top);
}

/**
 * cpl_revenue_maximising_share_on_curve:
 * @curve: cpl_share_curve_compute() of @scenario, when the caller has it
 *   already (it is not computed again)
 *
 * As cpl_revenue_maximising_share().
 *
 * Returns: the rate
 */
double
cpl_revenue_maximising_share_on_curve (CplScenario *scenario,
                                       CplDataset  *dataset,
                                       GArray      *curve,
                                       gboolean    *at_top)
{
  const double ratio = (sqrt (5) - 1) / 2;
  g_auto(Evaluator) ev = { 0 };
  double best_take = -INFINITY, a, b, c, d, fc, fd, best;
  guint best_i = 0;

  if (at_top != NULL)
    *at_top = FALSE;
  for (guint i = 0; i < curve->len; i++)
    {
      double take = g_array_index (curve, CplSharePoint, i).totals[CPL_TOTAL_GOVERNMENT_TAKE];

      if (!isnan (take) && take > best_take)
        {
          best_take = take;
          best_i = i;
        }
    }
  if (!(best_take > 0))
    return 0;
  if (best_i == curve->len - 1)
    {
      if (at_top != NULL)
        *at_top = TRUE;
      return 1;
    }

  evaluator_init (&ev, scenario, dataset, CPL_SCENARIO_REVENUE_SHARE);
  a = best_i > 0 ? (best_i - 1) / 100.0 : 0;
  b = (best_i + 1) / 100.0;
  c = b - ratio * (b - a);
  d = a + ratio * (b - a);
  fc = take_or_worst (&ev, c);
  fd = take_or_worst (&ev, d);
  while (b - a > 1e-4)
    {
      if (fc >= fd)
        {
          b = d;
          d = c;
          fd = fc;
          c = b - ratio * (b - a);
          fc = take_or_worst (&ev, c);
        }
      else
        {
          a = c;
          c = d;
          fc = fd;
          d = a + ratio * (b - a);
          fd = take_or_worst (&ev, d);
        }
    }
  best = (a + b) / 2;
  /* at a cliff (the vendors stop selling just above the best rate) the
   * bracket closes on it, and its middle may be past it: its low end
   * is not */
  if (take_or_worst (&ev, a) > take_or_worst (&ev, best))
    best = a;
  /* the grid point itself, when the search found nothing better */
  if (take_or_worst (&ev, best) < best_take)
    best = best_i / 100.0;
  return best;
}

/* Goal seek -------------------------------------------------------------- */

/* Parameters without an upper bound (demand, domestic capacity and
 * installed base, in PFLOP/s) are searched up to 100 times their value, or
 * 10⁶ PFLOP/s when that is 0. */
#define UNBOUNDED_FACTOR 100
#define UNBOUNDED_FLOOR  1e6

static int
seek_field (CplScenario  *scenario,
            const char   *parameter,
            GError      **error)
{
  int field = cpl_entity_find_field (CPL_ENTITY (scenario), parameter);

  if (field < 0 || field < CPL_SCENARIO_REVENUE_SHARE)
    {
      g_set_error (error, CPL_DATASET_ERROR, CPL_DATASET_ERROR_INVALID,
                   /* Translators: %s is what was given; revenue_share and
                    * demand_growth are scenario keys, not translated */
                   _("“%s” is not a parameter goal seek can vary; expected a numeric scenario "
                     "parameter such as revenue_share or demand_growth"), parameter);
      return -1;
    }
  return field;
}

/**
 * cpl_goal_seek_bounds:
 *
 * The interval goal seek searches for @parameter: its valid range from the
 * scenario's field table.  An exclusive bound is moved in by 10⁻⁶ of the
 * interval; an unbounded maximum becomes 100 × the current value (10⁶ when
 * that is 0).
 */
gboolean
cpl_goal_seek_bounds (CplScenario  *scenario,
                      const char   *parameter,
                      double       *lo,
                      double       *hi,
                      GError      **error)
{
  int field = seek_field (scenario, parameter, error);
  const CplField *info;
  double width;

  if (field < 0)
    return FALSE;
  info = cpl_entity_get_field (CPL_ENTITY (scenario), field);
  *lo = info->min;
  *hi = info->max;
  if (isinf (*hi))
    {
      double current = cpl_scenario_get (scenario, field);
      *hi = current > 0 ? UNBOUNDED_FACTOR * current : UNBOUNDED_FLOOR;
    }
  width = *hi - *lo;
  if (info->flags & CPL_FIELD_MIN_EXCLUSIVE)
    *lo += 1e-6 * width;
  if (info->flags & CPL_FIELD_MAX_EXCLUSIVE)
    *hi -= 1e-6 * width;
  return TRUE;
}

/* Brent's method (Brent 1973, "zeroin") for f(x) = total(x) − target on
 * [a, b] with f(a)·f(b) ≤ 0, to a relative 1e-9 of x (with an absolute
 * floor of 1e-12 of the search interval, for a root at 0). */
static double
brent (Evaluator *ev,
       CplTotal   total,
       double     target,
       double     a,
       double     fa,
       double     b,
       double     fb,
       double     scale)
{
  double c = a, fc = fa, d = b - a, e = d;

  for (guint iter = 0; iter < 200; iter++)
    {
      double tol, m, p, q, r, s;

      if ((fb > 0) == (fc > 0))
        {
          c = a;
          fc = fa;
          d = e = b - a;
        }
      if (fabs (fc) < fabs (fb))
        {
          a = b; b = c; c = a;
          fa = fb; fb = fc; fc = fa;
        }
      tol = 2 * DBL_EPSILON * fabs (b) + 0.5 * (1e-9 * fabs (b) + 1e-12 * scale);
      m = (c - b) / 2;
      if (fabs (m) <= tol || fb == 0)
        return b;
      if (fabs (e) >= tol && fabs (fa) > fabs (fb))
        {
          s = fb / fa;
          if (a == c)
            {
              p = 2 * m * s;
              q = 1 - s;
            }
          else
            {
              q = fa / fc;
              r = fb / fc;
              p = s * (2 * m * q * (q - r) - (b - a) * (r - 1));
              q = (q - 1) * (r - 1) * (s - 1);
            }
          if (p > 0)
            q = -q;
          else
            p = -p;
          if (2 * p < MIN (3 * m * q - fabs (tol * q), fabs (e * q)))
            {
              e = d;
              d = p / q;
            }
          else
            d = e = m;
        }
      else
        d = e = m;
      a = b;
      fa = fb;
      b += fabs (d) > tol ? d : (m > 0 ? tol : -tol);
      fb = evaluator_total (ev, b, total) - target;
    }
  return b;
}

/**
 * cpl_goal_seek:
 * @parameter: a numeric scenario key, such as "revenue_share"
 * @value: (out): the parameter's value at which @total reaches @target
 * @achieved: (out) (optional): @total at @value
 * @least_out: (out) (optional): the least @total takes over the
 *   parameter's range (on the grid), whether or not the target is
 *   reached (for a message that says what could be); NaN when the
 *   projection has no answer anywhere
 * @most_out: (out) (optional): the most
 *
 * Brackets the target on a grid of 64 intervals over the parameter's
 * valid range (cpl_goal_seek_bounds()), then refines by Brent's method.
 * When several intervals hold a solution, the answer is the solution
 * nearest the parameter's current value: the smallest change that reaches
 * the target.  Grid points where §5 has no answer are skipped.
 *
 * Returns: %FALSE with "no value in [lo, hi] reaches T" when none does.
 */
gboolean
cpl_goal_seek (CplScenario  *scenario,
               CplDataset   *dataset,
               const char   *parameter,
               CplTotal      total,
               double        target,
               double       *value,
               double       *achieved,
               double       *least_out,
               double       *most_out,
               GError      **error)
{
  enum { N_STEPS = 64 };
  g_autoptr(CplProjection) base = NULL;
  g_auto(Evaluator) ev = { 0 };
  double lo, hi, current, x[N_STEPS + 1], f[N_STEPS + 1];
  double best = NAN, least = INFINITY, most = -INFINITY;
  int field;

  g_return_val_if_fail ((guint) total < CPL_N_TOTALS, FALSE);
  if (least_out != NULL)
    *least_out = NAN;
  if (most_out != NULL)
    *most_out = NAN;
  if (!cpl_goal_seek_bounds (scenario, parameter, &lo, &hi, error))
    return FALSE;
  if (!isfinite (target))
    {
      g_set_error (error, CPL_DATASET_ERROR, CPL_DATASET_ERROR_RANGE,
                   _("The target %g is not a finite number; expected a number such as 5e10"),
                   target);
      return FALSE;
    }
  base = cpl_projection_compute (scenario, dataset, error);
  if (base == NULL)
    return FALSE;

  field = cpl_entity_find_field (CPL_ENTITY (scenario), parameter);
  current = cpl_scenario_get (scenario, field);
  evaluator_init (&ev, scenario, dataset, field);
  for (guint i = 0; i <= N_STEPS; i++)
    {
      x[i] = i == N_STEPS ? hi : lo + (hi - lo) * i / N_STEPS;
      f[i] = evaluator_total (&ev, x[i], total) - target;
      if (!isnan (f[i]))
        {
          least = MIN (least, f[i] + target);
          most = MAX (most, f[i] + target);
        }
    }

  if (least_out != NULL)
    *least_out = isfinite (least) ? least : NAN;
  if (most_out != NULL)
    *most_out = isfinite (most) ? most : NAN;
  for (guint i = 0; i <= N_STEPS; i++)
    {
      double root = NAN;

      if (isnan (f[i]))
        continue;
      if (f[i] == 0)
        root = x[i];
      else if (i < N_STEPS && !isnan (f[i + 1]) && f[i + 1] != 0 && (f[i] > 0) != (f[i + 1] > 0))
        root = brent (&ev, total, target, x[i], f[i], x[i + 1], f[i + 1], hi - lo);
      if (!isnan (root) && (isnan (best) || fabs (root - current) < fabs (best - current)))
        best = root;
    }

  if (isnan (best) && isfinite (least))
    {
      g_set_error (error, CPL_DATASET_ERROR, CPL_DATASET_ERROR_RANGE,
                   /* Translators: "No value of revenue_share in [0, 1] reaches
                    * government_take_usd = 5e+10; over that range it goes from 0
                    * to 3e+10"; the %s are JSON keys, not translated */
                   _("No value of %s in [%g, %g] reaches %s = %g; over that range it goes "
                     "from %g to %g"),
                   parameter, lo, hi, cpl_total_get_key (total), target, least, most);
      return FALSE;
    }
  if (isnan (best))
    {
      g_set_error (error, CPL_DATASET_ERROR, CPL_DATASET_ERROR_RANGE,
                   /* Translators: the %s are JSON keys, not translated */
                   _("No value of %s in [%g, %g] reaches %s = %g; the projection has no "
                     "answer anywhere in that range"),
                   parameter, lo, hi, cpl_total_get_key (total), target);
      return FALSE;
    }
  *value = best;
  if (achieved != NULL)
    *achieved = evaluator_total (&ev, best, total);
  return TRUE;
}
