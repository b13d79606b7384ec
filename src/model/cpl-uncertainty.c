/* cpl-uncertainty.c: Monte Carlo bands and tornado (MODEL.md §6)
 *
 * Every ranged parameter is drawn from its triangular distribution by the
 * inverse CDF.  Draw d takes its own generator stream, derived from the
 * scenario's seed and d (cpl_random_init_stream()), and fills its own row
 * of the result arrays, so the numbers are the same whichever thread runs
 * which draw.  The draws are split into contiguous chunks run on a
 * GThreadPool.
 *
 * The draws do not build a CplProjection: a lean kernel (Kernel below)
 * takes what does not depend on the scenario's numbers (the chips'
 * throughput, prices, power, unit costs and vendors) once from the
 * dataset, then runs MODEL.md §5 on two draws at once (one in each lane
 * of a pair of doubles) into preallocated arrays, with the same
 * arithmetic in the same order as cpl_projection_compute(), so each draw
 * gets the projection's bits (test-uncertainty checks it at the point
 * values on the built-in scenarios and the fixtures, and on 10,000 random
 * draws).  No -ffast-math, which would let the compiler reorder it.  The
 * threads never touch the dataset or the scenario.  A draw with a figure
 * that is not finite is projected again by cpl_projection_compute(),
 * whose message explains it.
 *
 * Quantiles are Hyndman & Fan's type 7 (the default of R and numpy): over
 * the n sorted values x₀ ≤ … ≤ xₙ₋₁, Q(p) = x_⌊h⌋ + (h − ⌊h⌋)(x_⌊h⌋₊₁ − x_⌊h⌋)
 * with h = (n − 1)·p; the order statistics by selection, from 4,096 draws
 * up inside brackets a sample sets (select_in_brackets()).
 *
 * start_year and years (integers) and seed cannot carry a range: the
 * scenario loader refuses them.
 */
#define G_LOG_DOMAIN "cpl-uncertainty"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "cpl-dataset.h"
#include "cpl-error.h"
#include "cpl-random.h"
#include "cpl-uncertainty.h"

/* Two doubles and the result of comparing them (GCC's vector
 * extensions, also in Clang: SSE2 on x86-64, NEON on arm64).  An
 * operation on a pair is the same IEEE operation on each of its two. */
typedef double pair_of_doubles __attribute__ ((vector_size (16)));
typedef gint64 pair_of_masks __attribute__ ((vector_size (16)));

struct _CplUncertainty
{
  grefcount     ref_count;
  guint         n_draws;
  guint64       seed;
  guint         n_years;
  CplQuantiles  totals[CPL_N_TOTALS];
  CplQuantiles *years;   /* [n_years * CPL_N_YEAR_OUTPUTS] */
};

typedef struct {
  CplScenarioField field;
  double           low, mode, high;
} RangedParameter;

/* The ranged parameters in field order (the order of the draws). */
static GArray *
ranged_parameters (CplScenario *scenario)
{
  JsonObject *ranges = cpl_scenario_get_ranges (scenario);
  GArray *params = g_array_new (FALSE, FALSE, sizeof (RangedParameter));

  for (guint f = 0; ranges != NULL && f < CPL_SCENARIO_N_FIELDS; f++)
    {
      const char *key = cpl_entity_get_field (CPL_ENTITY (scenario), f)->key;
      JsonObject *range;
      RangedParameter p;

      if (!json_object_has_member (ranges, key))
        continue;
      range = json_object_get_object_member (ranges, key);
      p.field = f;
      p.low = json_object_get_double_member (range, "low");
      p.mode = json_object_get_double_member (range, "mode");
      p.high = json_object_get_double_member (range, "high");
      g_array_append_val (params, p);
    }
  return params;
}

/**
 * cpl_scenario_chips_snapshot:
 *
 * A dataset holding copies of the chips @scenario uses (its allowed chips
 * and its domestic chip), all a projection reads: a worker thread projects
 * on it while the user goes on editing @dataset.  A chip @dataset does not
 * have is left out, so the projection reports it as before.
 *
 * Returns: (transfer full): the new dataset
 */
CplDataset *
cpl_scenario_chips_snapshot (CplScenario *scenario,
                             CplDataset  *dataset)
{
  CplDataset *snapshot = cpl_dataset_new ();
  const char * const *allowed = cpl_scenario_get_allowed_chips (scenario);
  const char *domestic = cpl_scenario_get_domestic_chip (scenario);

  for (guint i = 0; allowed == NULL || i <= g_strv_length ((char **) allowed); i++)
    {
      const char *id = allowed != NULL && allowed[i] != NULL ? allowed[i] : domestic;
      CplChip *chip = id ? cpl_dataset_lookup_chip (dataset, id) : NULL;

      if (chip != NULL && cpl_dataset_lookup_chip (snapshot, id) == NULL)
        {
          g_autoptr(CplEntity) copy = cpl_entity_duplicate (CPL_ENTITY (chip), id);

          cpl_dataset_append (snapshot, copy);
        }
      if (allowed == NULL || allowed[i] == NULL)
        break;
    }
  return snapshot;
}


/* TRUE when at least one numeric parameter of @scenario carries a range. */
gboolean
cpl_scenario_has_ranges (CplScenario *scenario)
{
  g_autoptr(GArray) params = ranged_parameters (scenario);

  return params->len > 0;
}

static CplScenario *
scenario_copy (CplScenario *scenario)
{
  return CPL_SCENARIO (cpl_entity_duplicate (CPL_ENTITY (scenario),
                                             cpl_entity_get_id (CPL_ENTITY (scenario))));
}

/* What §5 needs of the chips, taken once from the dataset. */
typedef struct {
  guint    n_chips, n_vendors, n_years;
  double  *F;          /* [n_chips] throughput, TFLOPS */
  double  *price;      /* [n_chips] list price */
  double  *tdp;        /* [n_chips] */
  double  *unit_cost;  /* [n_chips] NaN when not given */
  guint   *vendor;     /* [n_chips] */
  double   F_d0, p_d, tdp_d;
} Kernel;

static void
kernel_clear (Kernel *k)
{
  g_free (k->F);
  g_free (k->vendor);
}

/* Fills @k from the point projection @p (which has checked every chip). */
static void
kernel_init (Kernel        *k,
             CplProjection *p,
             CplDataset    *dataset)
{
  CplChip *domestic = cpl_dataset_lookup_chip (dataset, p->domestic_chip_id);
  guint n = p->n_chips;
  CplChipMetrics m;

  k->n_chips = n;
  k->n_vendors = p->n_vendors;
  k->n_years = p->n_years;
  k->F = g_new (double, 4 * MAX (n, 1));
  k->price = k->F + MAX (n, 1);
  k->tdp = k->price + MAX (n, 1);
  k->unit_cost = k->tdp + MAX (n, 1);
  k->vendor = g_memdup2 (p->chip_vendor, sizeof (guint) * MAX (n, 1));
  for (guint i = 0; i < n; i++)
    {
      CplChip *chip = cpl_dataset_lookup_chip (dataset, p->chip_ids[i]);

      cpl_chip_metrics_compute (chip, &m);
      k->F[i] = m.values[CPL_METRIC_COMPUTE_TFLOPS];
      k->price[i] = cpl_chip_get (chip, CPL_CHIP_PRICE_USD);
      k->tdp[i] = cpl_chip_get (chip, CPL_CHIP_TDP_W);
      k->unit_cost[i] = cpl_chip_get (chip, CPL_CHIP_UNIT_COST_USD);
    }
  cpl_chip_metrics_compute (domestic, &m);
  k->F_d0 = m.values[CPL_METRIC_COMPUTE_TFLOPS];
  k->p_d = cpl_chip_get (domestic, CPL_CHIP_PRICE_USD);
  k->tdp_d = cpl_chip_get (domestic, CPL_CHIP_TDP_W);
}

/* pow (@x, @t) for a whole @t, without the call for t = 0 and 1: pow()
 * returns 1 for y = 0 whatever x is (C11 F.10.4.4), and x for y = 1, the
 * exact result, which glibc's error bound below one ulp leaves it no
 * other value to give. */
static inline double
pow_whole (double x,
           guint  t)
{
  return t == 0 ? 1 : t == 1 ? x : pow (x, t);
}

static inline pair_of_doubles
pair (double x0,
      double x1)
{
  return (pair_of_doubles) { x0, x1 };
}

/* @x where @mask is true, @y where it is false */
static inline pair_of_doubles
pair_select (pair_of_masks   mask,
             pair_of_doubles x,
             pair_of_doubles y)
{
  return (pair_of_doubles) (((pair_of_masks) x & mask) | ((pair_of_masks) y & ~mask));
}

/* One draw of a pair in the kernel: what does not change over its years.
 * Its scratch: [4 · n_chips] doubles. */
typedef struct {
  const double      *v;
  double             gamma, A_d;
  double            *p_hat, *log_w, *w, *Dk;
  CplForeignWeights  foreign;
  guint              n_offered;
} Lane;

/* Scratch space of one thread: two lanes', then [4 · n_chips + 2 ·
 * n_vendors] pairs. */
static gsize
kernel_scratch_size (const Kernel *k)
{
  gsize n = MAX (k->n_chips, 1), nv = MAX (k->n_vendors, 1);

  return 2 * 4 * n + 2 * (4 * n + 2 * nv);
}

/* The buyer prices, the offered chips' weights and the domestic yearly
 * cost of the numbers @v.  Returns: 0·x summed over the figures (see
 * kernel_run()). */
static double
lane_begin (const Kernel *k,
            const double *v,
            double       *scratch,
            Lane         *l)
{
  guint n = k->n_chips;
  double s = v[CPL_SCENARIO_REVENUE_SHARE], pi = v[CPL_SCENARIO_PRICE_PASS_THROUGH];
  double beta = v[CPL_SCENARIO_PRICE_SENSITIVITY];
  CplEnergyTerms terms = {
    v[CPL_SCENARIO_ELECTRICITY_USD_PER_KWH], v[CPL_SCENARIO_DOMESTIC_POWER_SUBSIDY],
    v[CPL_SCENARIO_PUE], v[CPL_SCENARIO_UTILIZATION], v[CPL_SCENARIO_AMORTIZATION_YEARS],
  };
  double not_finite = 0;

  l->v = v;
  l->gamma = -log2 (1 - v[CPL_SCENARIO_DOMESTIC_LEARNING_RATE]);
  l->A_d = cpl_yearly_cost (k->p_d, k->tdp_d, &terms, TRUE);
  l->p_hat = scratch;
  l->log_w = l->p_hat + MAX (n, 1);
  l->w = l->log_w + MAX (n, 1);
  l->Dk = l->w + MAX (n, 1);
  l->n_offered = 0;
  for (guint i = 0; i < n; i++)
    {
      double cost;
      gboolean offered;

      l->p_hat[i] = cpl_buyer_price (k->price[i], s, pi);
      cost = cpl_cost_of_compute (l->p_hat[i], k->tdp[i], k->F[i], &terms, FALSE);
      offered = !((1 - s) * l->p_hat[i] < k->unit_cost[i]);
      l->n_offered += offered;
      /* a chip left out has no weight, in any year */
      l->log_w[i] = offered ? -beta * log (cost) : -INFINITY;
      not_finite += 0 * l->p_hat[i] + 0 * cost;
    }
  cpl_foreign_weights (n, l->log_w, l->w, &l->foreign);
  return not_finite;
}

/* The numbers of the pair's two draws, field @f */
#define PAIR_OF(lanes, f) pair ((lanes)[0].v[f], (lanes)[1].v[f])

/* MODEL.md §5, as cpl_projection_compute_at() computes it, for two draws
 * at once: the numbers @v0 and @v1 (indexed by CplScenarioField) in the
 * two lanes of pairs, each with the operations of the projection in its
 * order, so each gets the projection's bits, in about half the
 * instructions (the divisions, most of all).  The library calls and the
 * demand split run on each draw alone.  Writes @totals[t·@stride] for
 * each CplTotal t and @years[(year·CPL_N_YEAR_OUTPUTS + o)·@stride] for
 * each CplYearOutput o (one column per output, so the quantiles read
 * contiguous memory), and the same at index 1 for @v1 when @both.
 *
 * Returns: a bit per draw (1: @v0, 2: @v1) whose figures are all finite. */
static guint
kernel_run (const Kernel *k,
            const double *v0,
            const double *v1,
            gboolean      both,
            double       *scratch,
            double       *totals,
            double       *years,
            gsize         stride)
{
  guint n = k->n_chips, nv = MAX (k->n_vendors, 1);
  Lane l[2];
  pair_of_doubles *X, *W, *P, *gross_v, *total_gross_v;
  pair_of_masks *offered;
  pair_of_doubles out[CPL_N_YEAR_OUTPUTS];
  pair_of_doubles s, a, beta, b, spill, Q0, Q, A_d, F_d0, sum_w, zero = pair (0, 0);
  pair_of_doubles take = zero, gap = zero, installed = zero, final_share = zero;
  /* the sum of 0·x over the figures: ±0 while all are finite, NaN once
   * one is not (0·∞ is NaN); cheaper than isfinite() on each */
  pair_of_doubles not_finite;
  pair_of_masks any_offered;
  double lane_not_finite[2], gross_all[2];
  guint finite = 0;

  lane_not_finite[0] = lane_begin (k, v0, scratch, &l[0]);
  lane_not_finite[1] = lane_begin (k, v1, scratch + 4 * MAX (n, 1), &l[1]);
  not_finite = pair (lane_not_finite[0], lane_not_finite[1]);
  X = (pair_of_doubles *) (scratch + 8 * MAX (n, 1));
  W = X + MAX (n, 1);
  P = W + MAX (n, 1);
  offered = (pair_of_masks *) (P + MAX (n, 1));
  gross_v = (pair_of_doubles *) (offered + MAX (n, 1));
  total_gross_v = gross_v + nv;

  s = PAIR_OF (l, CPL_SCENARIO_REVENUE_SHARE);
  a = PAIR_OF (l, CPL_SCENARIO_LICENSE_APPROVAL_RATE);
  beta = PAIR_OF (l, CPL_SCENARIO_PRICE_SENSITIVITY);
  b = PAIR_OF (l, CPL_SCENARIO_DOMESTIC_PREFERENCE);
  spill = PAIR_OF (l, CPL_SCENARIO_CAPACITY_SPILL);
  Q = Q0 = PAIR_OF (l, CPL_SCENARIO_DOMESTIC_INSTALLED_PFLOPS);
  A_d = pair (l[0].A_d, l[1].A_d);
  F_d0 = pair (k->F_d0, k->F_d0);
  sum_w = pair (l[0].foreign.sum_w, l[1].foreign.sum_w);
  any_offered = (pair_of_masks) { -(gint64) (l[0].n_offered > 0), -(gint64) (l[1].n_offered > 0) };
  for (guint i = 0; i < n; i++)
    {
      W[i] = pair (l[0].w[i], l[1].w[i]);
      P[i] = pair (l[0].p_hat[i], l[1].p_hat[i]);
      offered[i] = pair (l[0].log_w[i], l[1].log_w[i]) != pair (-INFINITY, -INFINITY);
    }
  for (guint j = 0; j < nv; j++)
    total_gross_v[j] = zero;

  for (guint t = 0; t < k->n_years; t++)
    {
      pair_of_doubles C = PAIR_OF (l, CPL_SCENARIO_DEMAND_PFLOPS) *
                          pair (pow_whole (1 + l[0].v[CPL_SCENARIO_DEMAND_GROWTH], t),
                                pow_whole (1 + l[1].v[CPL_SCENARIO_DEMAND_GROWTH], t));
      pair_of_doubles K = PAIR_OF (l, CPL_SCENARIO_DOMESTIC_CAPACITY_PFLOPS) *
                          pair (pow_whole (1 + l[0].v[CPL_SCENARIO_DOMESTIC_CAPACITY_GROWTH], t),
                                pow_whole (1 + l[1].v[CPL_SCENARIO_DOMESTIC_CAPACITY_GROWTH], t));
      /* pow (1, y) is 1 for every y (C11 F.10.4.4): the first year's */
      pair_of_doubles ratio = Q / Q0;
      pair_of_doubles F_d = F_d0 * pair (ratio[0] == 1 ? 1 : pow (ratio[0], l[0].gamma),
                                         ratio[1] == 1 ? 1 : pow (ratio[1], l[1].gamma));
      pair_of_doubles c_d = A_d / (F_d / 1000);
      pair_of_doubles log_w_d = -beta * pair (log (c_d[0]), log (c_d[1])) + b;
      pair_of_doubles D_exported = zero, X_total = zero, gross_total = zero, gross_year = zero;
      pair_of_doubles D_d, R_d, I, O, spilled, units_d;
      double D_d0, D_d1;

      cpl_split_demand (n, l[0].w, &l[0].foreign, log_w_d[0], C[0], l[0].Dk, &D_d0);
      cpl_split_demand (n, l[1].w, &l[1].foreign, log_w_d[1], C[1], l[1].Dk, &D_d1);
      D_d = pair (D_d0, D_d1);
      for (guint i = 0; i < n; i++)
        {
          pair_of_doubles Dk = pair (l[0].Dk[i], l[1].Dk[i]);

          D_exported += Dk;
          X[i] = a * Dk;
        }
      R_d = D_d + (1 - a) * D_exported;

      I = pair_select (R_d < K, R_d, K);   /* MIN (R_d, K) */
      O = R_d - I;
      spilled = pair_select (any_offered, a * spill * O, zero);
      for (guint i = 0; i < n; i++)
        {
          X[i] = pair_select (offered[i], X[i] + spilled * W[i] / sum_w, X[i]);
          X_total += X[i];
        }

      for (guint j = 0; j < nv; j++)
        gross_v[j] = zero;
      for (guint i = 0; i < n; i++)
        {
          pair_of_doubles gross = 1000 * X[i] / pair (k->F[i], k->F[i]) * P[i];

          gross_v[k->vendor[i]] += gross;
          gross_total += gross;
        }
      for (guint j = 0; j < k->n_vendors; j++)
        {
          total_gross_v[j] += gross_v[j];
          gross_year += gross_v[j];
        }
      units_d = 1000 * I / F_d;

      out[CPL_YEAR_DOMESTIC_SHARE] = pair_select (I + X_total > 0, I / (I + X_total), zero);
      out[CPL_YEAR_GOVERNMENT_TAKE] = s * gross_total;
      out[CPL_YEAR_GROSS_REVENUE] = gross_year;
      out[CPL_YEAR_COMPUTE_GAP] = O - spilled;
      out[CPL_YEAR_DOMESTIC_PFLOPS] = I;
      out[CPL_YEAR_DOMESTIC_UNITS] = units_d;
      out[CPL_YEAR_EXPORTED_PFLOPS] = X_total;
      for (guint o = 0; o < CPL_N_YEAR_OUTPUTS; o++)
        {
          double *at = years + ((gsize) t * CPL_N_YEAR_OUTPUTS + o) * stride;

          at[0] = out[o][0];
          if (both)
            at[1] = out[o][1];
          not_finite += 0 * out[o];
        }
      /* the projection's other figures, which its check also covers */
      not_finite += 0 * C + 0 * K + 0 * R_d + 0 * F_d + 0 * c_d + 0 * (units_d * k->p_d);

      take += out[CPL_YEAR_GOVERNMENT_TAKE];
      gap += out[CPL_YEAR_COMPUTE_GAP];
      installed += I;
      final_share = out[CPL_YEAR_DOMESTIC_SHARE];
      Q += I;
    }

  for (guint d = 0; d < (both ? 2 : 1); d++)
    {
      double *at = totals + d;

      gross_all[d] = 0;
      for (guint j = 0; j < k->n_vendors; j++)
        gross_all[d] += total_gross_v[j][d];
      at[CPL_TOTAL_GOVERNMENT_TAKE * stride] = take[d];
      at[CPL_TOTAL_COMPUTE_GAP * stride] = gap[d];
      at[CPL_TOTAL_DOMESTIC_INSTALLED * stride] = installed[d];
      at[CPL_TOTAL_FINAL_DOMESTIC_SHARE * stride] = final_share[d];
      at[CPL_TOTAL_GROSS_REVENUE * stride] = gross_all[d];
      for (guint t = 0; t < CPL_N_TOTALS; t++)
        not_finite[d] += 0 * at[t * stride];
      if (not_finite[d] == 0)
        finite |= 1u << d;
    }
  return finite;
}

typedef struct {
  const Kernel  *kernel;
  const double  *point;    /* [CPL_SCENARIO_N_FIELDS] */
  GArray        *params;
  guint64        seed;
  GCancellable  *cancellable;
  guint          n_draws;
  double        *totals;   /* [CPL_N_TOTALS][n_draws] */
  double        *years;    /* [n_years * CPL_N_YEAR_OUTPUTS][n_draws] */
} Run;

typedef struct {
  Run   *run;
  guint  first, end;   /* draws [first, end) */
  guint  failed;       /* the first draw with a figure not finite, or end */
} Chunk;

/* The numbers of draw @d: the point values, with each ranged parameter
 * drawn in field order from the draw's own stream. */
static void
draw_values (Run    *run,
             guint   d,
             double *v)
{
  CplRandom random;

  memcpy (v, run->point, sizeof (double) * CPL_SCENARIO_N_FIELDS);
  cpl_random_init_stream (&random, run->seed, d);
  for (guint i = 0; i < run->params->len; i++)
    {
      RangedParameter *param = &g_array_index (run->params, RangedParameter, i);

      v[param->field] = cpl_triangular_quantile (param->low, param->mode, param->high,
                                                 cpl_random_double (&random));
    }
}

static void
run_chunk (gpointer data,
           gpointer user_data)
{
  Chunk *chunk = data;
  Run *run = chunk->run;
  /* the pairs' alignment */
  double *scratch = g_aligned_alloc (kernel_scratch_size (run->kernel), sizeof (double),
                                     sizeof (pair_of_doubles));
  double v[2][CPL_SCENARIO_N_FIELDS];

  chunk->failed = chunk->end;
  for (guint d = chunk->first; d < chunk->end; d += 2)
    {
      gboolean both = d + 1 < chunk->end;
      guint finite;

      if ((d - chunk->first) % 64 == 0 && g_cancellable_is_cancelled (run->cancellable))
        break;
      draw_values (run, d, v[0]);
      /* the last draw of an odd chunk alone: its pair, a copy of it, is not kept */
      draw_values (run, both ? d + 1 : d, v[1]);
      finite = kernel_run (run->kernel, v[0], v[1], both, scratch,
                           run->totals + d, run->years + d, run->n_draws);
      if (finite != (both ? 3u : 1u))
        {
          chunk->failed = (finite & 1) ? d + 1 : d;
          break;
        }
    }
  g_aligned_free (scratch);
}

/* @copy at the numbers @v. */
static void
scenario_set_values (CplScenario  *copy,
                     const double *v)
{
  for (guint f = CPL_SCENARIO_REVENUE_SHARE; f < CPL_SCENARIO_N_FIELDS; f++)
    cpl_entity_set_number (CPL_ENTITY (copy), f, v[f], NULL);
}

/* Why draw @d cannot be projected, in cpl_projection_compute()'s words. */
static void
explain_failed_draw (CplScenario *scenario,
                     CplDataset  *dataset,
                     Run         *run,
                     guint        d,
                     GError     **error)
{
  g_autoptr(CplScenario) copy = scenario_copy (scenario);
  g_autoptr(CplProjection) p = NULL;
  double v[CPL_SCENARIO_N_FIELDS];

  draw_values (run, d, v);
  scenario_set_values (copy, v);
  p = cpl_projection_compute (copy, dataset, error);
  if (p != NULL)
    g_set_error (error, CPL_DATASET_ERROR, CPL_DATASET_ERROR_RANGE,
                 /* Translators: %1$s is a scenario id, %2$u the number of a Monte Carlo draw */
                 _("scenario \"%s\": draw %u of the ranges gives a figure that is not finite; "
                   "expected ranges that keep every result finite"),
                 cpl_entity_get_id (CPL_ENTITY (scenario)), d + 1);
}

/* Moves the elements of @a[0, @n) below @pivot to its front, without a
 * branch on the data (random draws defeat branch prediction): each
 * element is swapped with the first of those not below, which is itself
 * when all before it are below.  Returns how many are below. */
static gsize
partition_below (double *a,
                 gsize   n,
                 double  pivot)
{
  gsize below = 0;

  for (gsize j = 0; j < n; j++)
    {
      double x = a[j];

      a[j] = a[below];
      a[below] = x;
      below += x < pivot;
    }
  return below;
}

/* Puts the @k-th smallest of @a[0, @n) at @a[@k], with every element
 * before it no greater and every element after it no smaller
 * (quickselect, pivot the median of three, three-way when the pivot is
 * the least so equal values cannot stall it). */
static void
select_kth (double *a,
            gsize   n,
            gsize   k)
{
  gsize lo = 0, hi = n;

  while (hi - lo > 1)
    {
      double x = a[lo], y = a[lo + (hi - lo) / 2], z = a[hi - 1];
      double pivot = MAX (MIN (x, y), MIN (MAX (x, y), z));
      gsize below = lo + partition_below (a + lo, hi - lo, pivot);

      if (k < below)
        {
          hi = below;
          continue;
        }
      if (below > lo)
        {
          lo = below;
          continue;
        }
      /* the pivot is the least: those equal to it next (at least the
       * pivot itself), so equal values cannot stall the search */
      {
        gsize equal = below;

        for (gsize j = below; j < hi; j++)
          {
            double v = a[j];

            a[j] = a[equal];
            a[equal] = v;
            equal += v == pivot;
          }
        if (k < equal)
          return;  /* a[below, equal) are all the pivot */
        lo = equal;
      }
    }
}

/* The type-7 quantiles taken: h = (n − 1)·p, the order statistics ⌊h⌋
 * and ⌊h⌋ + 1. */
static const double quantile_ps[] = { 0.1, 0.5, 0.9 };

/* Selects the @r-th smallest of @a[0, @n) into @a[@r] (select_kth()) and
 * returns it in @x_lo, and in @x_hi the next order statistic, the least
 * of those after it (@x_lo again when it is the last). */
static void
select_pair (double *a,
             gsize   n,
             gsize   r,
             double *x_lo,
             double *x_hi)
{
  select_kth (a, n, r);
  *x_lo = a[r];
  *x_hi = *x_lo;
  if (r + 1 < n)
    {
      *x_hi = a[r + 1];
      for (gsize i = r + 2; i < n; i++)
        *x_hi = MIN (*x_hi, a[i]);
    }
}

/* The order statistics of every quantile by selection in all @n values
 * (reordered); each selection searches only above the previous one. */
static void
select_in_all (double *values,
               gsize   n,
               double  x_lo[],
               double  x_hi[])
{
  gsize start = 0;

  for (guint j = 0; j < G_N_ELEMENTS (quantile_ps); j++)
    {
      gsize lo = (gsize) floor ((n - 1) * quantile_ps[j]);

      /* P10's and P50's order statistics are below the next one's */
      start = MIN (start, lo);
      select_pair (values + start, n - start, lo - start, &x_lo[j], &x_hi[j]);
      start = lo + 1;
    }
}

/* Floyd & Rivest's idea: a sample brackets each quantile's order
 * statistics between two of its values, one pass over the data counts
 * the values below each bracket and gathers those inside it, and only
 * those (about a tenth) go through selection. */
#define SAMPLE_SIZE 512

/* The sample value at rank @r + @shift (−∞ or +∞ off the sample's
 * ends), selected in @sample; when @sample is already partitioned at @*k
 * (as select_kth() leaves it; G_MAXSIZE: not yet), only on one side of
 * it.  @*k becomes the rank selected. */
static double
sample_bound (double  *sample,
              gsize   *k,
              double   r,
              double   shift)
{
  double at = r + shift;
  gsize rank;

  if (at < 1)
    return -INFINITY;
  if (at > SAMPLE_SIZE - 2)
    return INFINITY;
  rank = (gsize) at;
  if (*k == G_MAXSIZE)
    select_kth (sample, SAMPLE_SIZE, rank);
  else if (rank > *k)
    select_kth (sample + *k + 1, SAMPLE_SIZE - *k - 1, rank - *k - 1);
  else if (rank < *k)
    select_kth (sample, *k, rank);
  *k = rank;
  return sample[rank];
}

/* For each bracket j of @n_brackets, copies the values of @values[0, @n)
 * in [@low[j], @high[j]] to @out + j·@n and counts them in @inside[j],
 * and those below @low[j] in @below[j]; two values at a time and without
 * a branch on the data (each value is written after those kept so far,
 * and kept when inside). */
static void
gather_brackets (const double *values,
                 gsize         n,
                 const double *low,
                 const double *high,
                 double       *out,
                 gsize        *below,
                 gsize        *inside)
{
  enum { N = G_N_ELEMENTS (quantile_ps) };
  pair_of_doubles lows[N], highs[N];
  pair_of_masks counts[N];
  gsize i;

  for (guint j = 0; j < N; j++)
    {
      lows[j] = (pair_of_doubles) { low[j], low[j] };
      highs[j] = (pair_of_doubles) { high[j], high[j] };
      counts[j] = (pair_of_masks) { 0, 0 };
      inside[j] = 0;
    }
  for (i = 0; i + 2 <= n; i += 2)
    {
      pair_of_doubles x;

      memcpy (&x, values + i, sizeof x);
#pragma GCC unroll 3
      for (guint j = 0; j < N; j++)
        {
          pair_of_masks in = (x >= lows[j]) & (x <= highs[j]);

          counts[j] -= x < lows[j];   /* a true comparison is −1 */
          out[j * n + inside[j]] = x[0];
          inside[j] -= in[0];
          out[j * n + inside[j]] = x[1];
          inside[j] -= in[1];
        }
    }
  for (guint j = 0; j < N; j++)
    {
      below[j] = counts[j][0] + counts[j][1];
      for (gsize r = i; r < n; r++)
        {
          below[j] += values[r] < low[j];
          out[j * n + inside[j]] = values[r];
          inside[j] += (values[r] >= low[j]) & (values[r] <= high[j]);
        }
    }
}

/* As select_in_all(), on @n ≥ 8·SAMPLE_SIZE values (not changed), with
 * @scratch of [3·n + SAMPLE_SIZE].  Returns: FALSE when a bracket misses
 * its order statistics (a sample off by more than 4 standard deviations:
 * rarely). */
static gboolean
select_in_brackets (const double *values,
                    gsize         n,
                    double       *scratch,
                    double        x_lo[],
                    double        x_hi[])
{
  enum { N = G_N_ELEMENTS (quantile_ps) };
  double *sample = scratch + N * n;
  double low[N], high[N];
  gsize lo[N], below[N], inside[N], k = G_MAXSIZE;

  /* the draws are independent, so the first ones are a sample (read in
   * order, which the processor prefetches) */
  memcpy (sample, values, SAMPLE_SIZE * sizeof (double));
  for (guint j = 0; j < N; j++)
    {
      double p = quantile_ps[j];
      /* the number of sample values below order statistic ⌊h⌋ is about
       * binomial: bracket it by 4 standard deviations and 2 on each side */
      double spread = 4 * sqrt (SAMPLE_SIZE * p * (1 - p)) + 2;
      double r;

      lo[j] = (gsize) floor ((n - 1) * p);
      r = (double) lo[j] * SAMPLE_SIZE / n;
      low[j] = sample_bound (sample, &k, r, -spread);
      high[j] = sample_bound (sample, &k, r, spread + 1);
    }

  gather_brackets (values, n, low, high, scratch, below, inside);
  for (guint j = 0; j < N; j++)
    {
      /* the bracket holds ranks below[j] to below[j] + inside[j] − 1 */
      if (lo[j] < below[j] || MIN (lo[j] + 1, n - 1) - below[j] >= inside[j])
        return FALSE;
      select_pair (scratch + j * n, inside[j], lo[j] - below[j], &x_lo[j], &x_hi[j]);
    }
  return TRUE;
}

/* P10/P50/P90 of the @n values at @values (type 7, reordering @values),
 * with @scratch of [3·n + SAMPLE_SIZE]: the order statistics x_⌊h⌋ and
 * x_⌊h⌋₊₁ by selection, not by sorting. */
static void
quantiles (double       *values,
           gsize         n,
           double       *scratch,
           CplQuantiles *out)
{
  double x_lo[G_N_ELEMENTS (quantile_ps)], x_hi[G_N_ELEMENTS (quantile_ps)];
  double q[G_N_ELEMENTS (quantile_ps)];

  if (n < 8 * SAMPLE_SIZE || !select_in_brackets (values, n, scratch, x_lo, x_hi))
    select_in_all (values, n, x_lo, x_hi);
  for (guint j = 0; j < G_N_ELEMENTS (quantile_ps); j++)
    {
      double h = (n - 1) * quantile_ps[j];
      gsize lo = (gsize) floor (h);

      q[j] = x_lo[j] + (h - lo) * (x_hi[j] - x_lo[j]);
    }
  out->p10 = q[0];
  out->p50 = q[1];
  out->p90 = q[2];
}

/* Calls @func on each of the @n_items items of @size bytes at @items, on
 * @n_threads threads (on the calling one alone when 1). */
static void
run_on_threads (GFunc    func,
                gpointer items,
                guint    n_items,
                gsize    size,
                guint    n_threads)
{
  GThreadPool *pool;

  if (n_threads == 1)
    {
      for (guint i = 0; i < n_items; i++)
        func ((char *) items + i * size, NULL);
      return;
    }
  pool = g_thread_pool_new (func, NULL, (int) n_threads, FALSE, NULL);
  for (guint i = 0; i < n_items; i++)
    g_thread_pool_push (pool, (char *) items + i * size, NULL);
  g_thread_pool_free (pool, FALSE, TRUE);
}

/* The quantiles of the series [first, end) of @values ([n_series][n_draws],
 * reordered) into @out[first, end). */
typedef struct {
  double       *values;
  CplQuantiles *out;
  gsize         n_draws;
  guint         first, end;
} QuantileChunk;

static void
quantile_chunk (gpointer data,
                gpointer user_data)
{
  QuantileChunk *chunk = data;
  g_autofree double *scratch = g_new (double, 3 * chunk->n_draws + SAMPLE_SIZE);

  for (guint i = chunk->first; i < chunk->end; i++)
    quantiles (chunk->values + i * chunk->n_draws, chunk->n_draws, scratch, &chunk->out[i]);
}

/**
 * cpl_uncertainty_compute:
 * @n_draws: how many parameter sets to draw (at least 1)
 * @n_threads: how many threads share the draws; 0 for every processor
 *
 * Runs MODEL.md §5 for @n_draws parameter sets drawn from the scenario's
 * ranges with its seed, and takes P10/P50/P90 of every total and of every
 * yearly output.  @scenario is not changed.
 *
 * Returns: (transfer full) (nullable): the quantiles, or %NULL with @error
 *   when a draw cannot be projected or @cancellable was cancelled.
 */
CplUncertainty *
cpl_uncertainty_compute (CplScenario   *scenario,
                         CplDataset    *dataset,
                         guint          n_draws,
                         guint          n_threads,
                         GCancellable  *cancellable,
                         GError       **error)
{
  g_autoptr(GArray) params = NULL;
  g_autoptr(CplProjection) point = NULL;
  g_autofree double *series = NULL;
  g_autofree Chunk *chunks = NULL;
  g_autofree QuantileChunk *quantile_chunks = NULL;
  g_autofree CplQuantiles *q = NULL;
  double point_values[CPL_SCENARIO_N_FIELDS];
  CplUncertainty *self;
  guint n_chunks, n_years, n_series;
  Kernel kernel;
  Run run;

  g_return_val_if_fail (CPL_IS_SCENARIO (scenario), NULL);
  g_return_val_if_fail (n_draws > 0, NULL);

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;
  /* the chips' checks, once, and what the kernel takes from them */
  point = cpl_projection_compute (scenario, dataset, error);
  if (point == NULL)
    return NULL;
  kernel_init (&kernel, point, dataset);
  params = ranged_parameters (scenario);
  for (guint f = 0; f < CPL_SCENARIO_N_FIELDS; f++)
    point_values[f] = cpl_scenario_get (scenario, f);

  if (n_threads == 0)
    n_threads = g_get_num_processors ();
  n_years = kernel.n_years;
  /* the totals' series, then the years' */
  n_series = CPL_N_TOTALS + n_years * CPL_N_YEAR_OUTPUTS;
  series = g_new (double, (gsize) n_draws * n_series);
  run = (Run) { &kernel, point_values, params, (guint64) point_values[CPL_SCENARIO_SEED],
                cancellable, n_draws, series, series + (gsize) n_draws * CPL_N_TOTALS };

  /* A few chunks per thread even out uneven chunks; the split does not
   * change any number. */
  n_chunks = MIN (n_draws, n_threads * 4);
  chunks = g_new0 (Chunk, n_chunks);
  for (guint c = 0; c < n_chunks; c++)
    {
      chunks[c].run = &run;
      chunks[c].first = (guint) ((guint64) n_draws * c / n_chunks);
      chunks[c].end = (guint) ((guint64) n_draws * (c + 1) / n_chunks);
    }
  run_on_threads (run_chunk, chunks, n_chunks, sizeof (Chunk), n_threads);

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    {
      kernel_clear (&kernel);
      return NULL;
    }
  /* the earliest failed draw, whatever the thread count */
  for (guint c = 0; c < n_chunks; c++)
    if (chunks[c].failed < chunks[c].end)
      {
        explain_failed_draw (scenario, dataset, &run, chunks[c].failed, error);
        kernel_clear (&kernel);
        return NULL;
      }
  kernel_clear (&kernel);

  self = g_new0 (CplUncertainty, 1);
  g_ref_count_init (&self->ref_count);
  self->n_draws = n_draws;
  self->seed = run.seed;
  self->n_years = n_years;
  /* each series' quantiles on their own: shared by the threads too */
  q = g_new (CplQuantiles, n_series);
  n_chunks = MIN (n_series, n_threads * 2);
  quantile_chunks = g_new (QuantileChunk, n_chunks);
  for (guint c = 0; c < n_chunks; c++)
    quantile_chunks[c] = (QuantileChunk) { series, q, n_draws, n_series * c / n_chunks,
                                           n_series * (c + 1) / n_chunks };
  run_on_threads (quantile_chunk, quantile_chunks, n_chunks, sizeof (QuantileChunk), n_threads);
  memcpy (self->totals, q, sizeof self->totals);
  self->years = g_new (CplQuantiles, MAX ((gsize) n_years * CPL_N_YEAR_OUTPUTS, 1));
  memcpy (self->years, q + CPL_N_TOTALS, sizeof (CplQuantiles) * n_years * CPL_N_YEAR_OUTPUTS);
  return self;
}

CplUncertainty *
cpl_uncertainty_ref (CplUncertainty *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_ref_count_inc (&self->ref_count);
  return self;
}

void
cpl_uncertainty_unref (CplUncertainty *self)
{
  g_return_if_fail (self != NULL);
  if (!g_ref_count_dec (&self->ref_count))
    return;
  g_free (self->years);
  g_free (self);
}

guint
cpl_uncertainty_get_n_draws (CplUncertainty *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->n_draws;
}

guint64
cpl_uncertainty_get_seed (CplUncertainty *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->seed;
}

guint
cpl_uncertainty_get_n_years (CplUncertainty *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->n_years;
}

const CplQuantiles *
cpl_uncertainty_get_total (CplUncertainty *self,
                           CplTotal        total)
{
  g_return_val_if_fail (self != NULL && total < CPL_N_TOTALS, NULL);
  return &self->totals[total];
}

const CplQuantiles *
cpl_uncertainty_get_year (CplUncertainty *self,
                          CplYearOutput   output,
                          guint           year_index)
{
  g_return_val_if_fail (self != NULL && output < CPL_N_YEAR_OUTPUTS, NULL);
  g_return_val_if_fail (year_index < self->n_years, NULL);
  return &self->years[year_index * CPL_N_YEAR_OUTPUTS + output];
}

static const char * const year_output_keys[CPL_N_YEAR_OUTPUTS] = {
  [CPL_YEAR_DOMESTIC_SHARE]  = "domestic_share",
  [CPL_YEAR_GOVERNMENT_TAKE] = "government_take_usd",
  [CPL_YEAR_GROSS_REVENUE]   = "gross_revenue_usd",
  [CPL_YEAR_COMPUTE_GAP]     = "compute_gap_pflops",
  [CPL_YEAR_DOMESTIC_PFLOPS] = "domestic_pflops",
  [CPL_YEAR_DOMESTIC_UNITS]  = "domestic_units",
  [CPL_YEAR_EXPORTED_PFLOPS] = "exported_pflops",
};

/* The yearly output's key in --compute's "uncertainty" member. */
const char *
cpl_year_output_get_key (CplYearOutput output)
{
  g_return_val_if_fail (output < CPL_N_YEAR_OUTPUTS, NULL);
  return year_output_keys[output];
}

/* ---- tornado ---- */

static void
tornado_bar_clear (gpointer data)
{
  CplTornadoBar *bar = data;

  g_free (bar->parameter);
}

static int
compare_bars (gconstpointer a,
              gconstpointer b)
{
  const CplTornadoBar *x = a, *y = b;

  if (x->swing != y->swing)
    return x->swing > y->swing ? -1 : 1;
  return strcmp (x->parameter, y->parameter);
}

static gboolean
total_at (CplScenario      *copy,
          CplDataset       *dataset,
          CplScenarioField  field,
          double            value,
          CplTotal          total,
          double           *out,
          GError          **error)
{
  g_autoptr(CplProjection) p = NULL;

  cpl_entity_set_number (CPL_ENTITY (copy), field, value, NULL);
  p = cpl_projection_compute (copy, dataset, error);
  if (p == NULL)
    return FALSE;
  *out = cpl_projection_get_total (p, total);
  return TRUE;
}

/**
 * cpl_tornado_compute:
 *
 * Moves each ranged parameter alone to its low and to its high value (the
 * others at their point values) and records @total at each end.  @scenario
 * is not changed.
 *
 * Returns: (transfer full) (nullable): a #GArray of #CplTornadoBar sorted
 *   by swing, largest first; equal swings (a parameter without effect has
 *   swing 0) in the order of their keys.  Its clear function frees each
 *   bar's parameter.
 */
GArray *
cpl_tornado_compute (CplScenario  *scenario,
                     CplDataset   *dataset,
                     CplTotal      total,
                     GError      **error)
{
  g_autoptr(GArray) params = ranged_parameters (scenario);
  g_autoptr(CplScenario) copy = scenario_copy (scenario);
  g_autoptr(GArray) bars = g_array_sized_new (FALSE, TRUE, sizeof (CplTornadoBar), params->len);

  g_return_val_if_fail (total < CPL_N_TOTALS, NULL);
  g_array_set_clear_func (bars, tornado_bar_clear);

  for (guint i = 0; i < params->len; i++)
    {
      RangedParameter *param = &g_array_index (params, RangedParameter, i);
      double point = cpl_scenario_get (scenario, param->field);
      CplTornadoBar bar = { NULL, param->low, param->high, 0, 0, 0 };

      if (!total_at (copy, dataset, param->field, param->low, total, &bar.output_low, error) ||
          !total_at (copy, dataset, param->field, param->high, total, &bar.output_high, error))
        return NULL;
      cpl_entity_set_number (CPL_ENTITY (copy), param->field, point, NULL);
      bar.swing = fabs (bar.output_high - bar.output_low);
      bar.parameter = g_strdup (cpl_entity_get_field (CPL_ENTITY (scenario), param->field)->key);
      g_array_append_val (bars, bar);
    }
  g_array_sort (bars, compare_bars);
  return g_steal_pointer (&bars);
}
