/* cpl-compute.c: the formulas of MODEL.md §1–§5 */
#define G_LOG_DOMAIN "cpl-compute"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "cpl-compute.h"
#include "cpl-dataset.h"
#include "cpl-format.h"
#include "cpl-json-private.h"

/* §1 Chip metrics */
/* The throughput §4–5 use: dense bf16, else fp16, in TFLOPS (the
 * metric CPL_METRIC_COMPUTE_TFLOPS, without computing the others). */
static inline double
tflops_of (const double *chip_field)
{
  double compute = chip_field[CPL_CHIP_PERFORMANCE + CPL_PRECISION_BF16];

  return isnan (compute) ? chip_field[CPL_CHIP_PERFORMANCE + CPL_PRECISION_FP16] : compute;
}

static double
cpl_compute_tflops (CplChip *chip)
{
  return tflops_of (cpl_entity_get_numbers (CPL_ENTITY (chip)));
}

void
cpl_chip_metrics_compute (CplChip        *chip,
                          CplChipMetrics *out)
{
  double tpp = NAN, compute, bandwidth_tbs, tdp, die;
  int datacenter = cpl_chip_get_datacenter (chip);

  out->tpp_precision = -1;
  /* TPP: max over listed precisions of dense throughput × bit width. */
  for (guint p = 0; p < CPL_N_PRECISIONS; p++)
    {
      double x = cpl_chip_get_performance (chip, p);

      if (isnan (x))
        continue;
      x *= cpl_precision_get_bits (p);
      if (isnan (tpp) || x > tpp)
        tpp = x;
    }
  /* The format that gives it, where several do (a datasheet's FP8 is
   * twice its BF16): FP8, as export-control texts quote the H100's and
   * the H20's; else the last floating-point one listed (the A100's BF16
   * over its TF32); an integer format only alone. */
  for (guint p = 0; p < CPL_N_PRECISIONS && !isnan (tpp); p++)
    {
      double x = cpl_chip_get_performance (chip, p) * cpl_precision_get_bits (p);
      gboolean integer = p == CPL_PRECISION_INT8 || p == CPL_PRECISION_INT4;

      if (!(fabs (x - tpp) <= 1e-12 * tpp))
        continue;
      if (out->tpp_precision != CPL_PRECISION_FP8
          && (!integer || out->tpp_precision < 0))
        out->tpp_precision = p;
    }

  compute = cpl_compute_tflops (chip);
  bandwidth_tbs = cpl_chip_get (chip, CPL_CHIP_BANDWIDTH_TBS);
  tdp = cpl_chip_get (chip, CPL_CHIP_TDP_W);
  die = cpl_chip_get (chip, CPL_CHIP_DIE_AREA_MM2);

  /* NaN in, NaN out: an unknown input leaves the metric unknown. */
  out->values[CPL_METRIC_TPP] = tpp;
  out->values[CPL_METRIC_PERFORMANCE_DENSITY] = tpp / die;
  out->values[CPL_METRIC_BANDWIDTH_GBS] = bandwidth_tbs * 1000;
  out->values[CPL_METRIC_INTERCONNECT_GBS] = cpl_chip_get (chip, CPL_CHIP_INTERCONNECT_GBS);
  out->values[CPL_METRIC_MEMORY_GB] = cpl_chip_get (chip, CPL_CHIP_MEMORY_GB);
  out->values[CPL_METRIC_COMPUTE_TFLOPS] = compute;
  out->values[CPL_METRIC_TDP_W] = tdp;
  out->values[CPL_METRIC_DATACENTER] = datacenter < 0 ? NAN : datacenter;
  out->perf_per_watt = compute > 0 ? compute / tdp : NAN;
  out->bytes_per_flop = compute > 0 ? bandwidth_tbs / compute : NAN;
}

/* §3 Revenue share */
double
cpl_buyer_price (double price,
                 double share,
                 double pass_through)
{
  return price / (1 - pass_through * share);
}

gboolean
cpl_revenue_compute (const CplRevenueInputs *in,
                     CplRevenueResult       *out,
                     GError                **error)
{
  double k = in->unit_cost;

  if (!(in->pass_through * in->share < 1))
    {
      g_autofree char *pass_through = cpl_format_percent (in->pass_through, 0);
      g_autofree char *share = cpl_format_percent (in->share, 0);

      g_set_error (error, CPL_DATASET_ERROR, CPL_DATASET_ERROR_RANGE,
                   /* Translators: %1$s is the price pass-through, %2$s the
                    * revenue share, both percentages ("100%") */
                   _("a price pass-through of %1$s with a revenue share of %2$s makes the buyer price infinite "
                     "(pass-through × share must stay below 100%%)"),
                   pass_through, share);
      return FALSE;
    }

  out->buyer_price = cpl_buyer_price (in->price, in->share, in->pass_through);
  out->units_shipped = in->units * in->approval;
  out->gross_revenue = out->units_shipped * out->buyer_price;
  out->government_take = in->share * out->gross_revenue;
  out->vendor_net_revenue = out->gross_revenue - out->government_take;
  out->vendor_gross_profit = out->vendor_net_revenue - out->units_shipped * k;
  out->margin_after_share = out->gross_revenue > 0 ? out->vendor_gross_profit / out->gross_revenue : NAN;
  out->break_even_share = NAN;
  if (!isnan (k) && in->price > in->pass_through * k)
    out->break_even_share = CLAMP ((in->price - k) / (in->price - in->pass_through * k), 0, 1);
  return TRUE;
}

void
cpl_revenue_case_get_inputs (CplRevenueCase   *revenue_case,
                             CplRevenueInputs *in)
{
  in->units = cpl_revenue_case_get (revenue_case, CPL_REVENUE_CASE_UNITS);
  in->price = cpl_revenue_case_get (revenue_case, CPL_REVENUE_CASE_PRICE_USD);
  in->share = cpl_revenue_case_get (revenue_case, CPL_REVENUE_CASE_REVENUE_SHARE);
  in->pass_through = cpl_revenue_case_get (revenue_case, CPL_REVENUE_CASE_PRICE_PASS_THROUGH);
  in->approval = cpl_revenue_case_get (revenue_case, CPL_REVENUE_CASE_LICENSE_APPROVAL_RATE);
  in->unit_cost = cpl_revenue_case_get (revenue_case, CPL_REVENUE_CASE_UNIT_COST_USD);
}

/**
 * cpl_revenue_case_compute:
 * @comparison: (out) (optional): the same with compare_share; all NaN when
 *   the case has no comparison rate
 */
gboolean
cpl_revenue_case_compute (CplRevenueCase   *revenue_case,
                          CplRevenueResult *result,
                          CplRevenueResult *comparison,
                          GError          **error)
{
  CplRevenueInputs in;
  double compare = cpl_revenue_case_get (revenue_case, CPL_REVENUE_CASE_COMPARE_SHARE);

  cpl_revenue_case_get_inputs (revenue_case, &in);
  if (!cpl_revenue_compute (&in, result, error))
    return FALSE;
  if (comparison == NULL)
    return TRUE;
  if (isnan (compare))
    {
      double *fields = (double *) comparison;
      for (guint i = 0; i < sizeof *comparison / sizeof (double); i++)
        fields[i] = NAN;
      return TRUE;
    }
  in.share = compare;
  return cpl_revenue_compute (&in, comparison, error);
}

/* §4 Buyer cost of compute */
double
cpl_yearly_energy_cost (double                tdp_w,
                        const CplEnergyTerms *terms,
                        gboolean              domestic)
{
  double subsidy = domestic ? terms->power_subsidy : 0;

  return tdp_w / 1000 * 8760 * terms->utilization * terms->pue *
         terms->electricity_usd_per_kwh * (1 - subsidy);
}

/* Returns: Aₖ = p̂ₖ / L + Eₖ, in USD a year. */
double
cpl_yearly_cost (double                buyer_price,
                 double                tdp_w,
                 const CplEnergyTerms *terms,
                 gboolean              domestic)
{
  return buyer_price / terms->amortization_years + cpl_yearly_energy_cost (tdp_w, terms, domestic);
}

/* Returns: cₖ = Aₖ / (F/1000), in USD per PFLOP/s-year. */
double
cpl_cost_of_compute (double                buyer_price,
                     double                tdp_w,
                     double                compute_tflops,
                     const CplEnergyTerms *terms,
                     gboolean              domestic)
{
  return cpl_yearly_cost (buyer_price, tdp_w, terms, domestic) / (compute_tflops / 1000);
}

/* The energy terms of a scenario's numbers @v. */
static inline void
energy_terms_of (const double   *v,
                 CplEnergyTerms *terms)
{
  terms->electricity_usd_per_kwh = v[CPL_SCENARIO_ELECTRICITY_USD_PER_KWH];
  terms->power_subsidy = v[CPL_SCENARIO_DOMESTIC_POWER_SUBSIDY];
  terms->pue = v[CPL_SCENARIO_PUE];
  terms->utilization = v[CPL_SCENARIO_UTILIZATION];
  terms->amortization_years = v[CPL_SCENARIO_AMORTIZATION_YEARS];
}

void
cpl_scenario_get_energy_terms (CplScenario    *scenario,
                               CplEnergyTerms *terms)
{
  energy_terms_of (cpl_entity_get_numbers (CPL_ENTITY (scenario)), terms);
}

/* §5 Scenario projection */

G_DEFINE_BOXED_TYPE (CplProjection, cpl_projection, cpl_projection_ref, cpl_projection_unref)

CplProjection *
cpl_projection_ref (CplProjection *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_ref_count_inc (&self->ref_count);
  return self;
}

void
cpl_projection_unref (CplProjection *self)
{
  g_return_if_fail (self != NULL);
  if (!g_ref_count_dec (&self->ref_count))
    return;
  /* the years and every array of numbers are in its block */
  g_free (self->scenario_id);
  g_strfreev (self->chip_ids);
  g_free (self->domestic_chip_id);
  g_strfreev (self->vendor_ids);
  g_free (self);
}

/* Why a chip, of numbers @chip_field, cannot enter a scenario, or NULL
 * when it can. */
static char *
cpl_chip_scenario_problem (CplChip              *chip,
                           const double         *chip_field,
                           const CplEnergyTerms *terms,
                           double                buyer_price,
                           gboolean              domestic)
{
  const char *format = NULL;
  double tdp = chip_field[CPL_CHIP_TDP_W];
  double compute = tflops_of (chip_field);

  if (isnan (compute) || compute <= 0)
    /* Translators: %s is a chip id; bf16 and fp16 are the file's keys */
    format = _("chip \"%s\" has no bf16 or fp16 throughput; expected a chip with a bf16 or fp16 figure");
  else if (isnan (buyer_price))
    /* Translators: %s is a chip id; price_usd is the file's key */
    format = _("chip \"%s\" has no price_usd; expected a chip with a price");
  else if (isnan (tdp))
    /* Translators: %s is a chip id; tdp_w is the file's key */
    format = _("chip \"%s\" has no tdp_w; expected a chip with its power, to cost its energy");
  else if (!(cpl_yearly_cost (buyer_price, tdp, terms, domestic) > 0))
    /* Translators: %s is a chip id */
    format = _("chip \"%s\" has a yearly cost of zero (no price and no energy cost); "
               "expected a chip that costs something to own");
  return format != NULL ? g_strdup_printf (format, cpl_entity_get_id (CPL_ENTITY (chip))) : NULL;
}

/**
 * cpl_scenario_allowed_chip_problem:
 * @share: the revenue share its sales would pay
 *
 * Returns: (nullable): why @chip cannot be one of @scenario's allowed
 *   (exported) chips, with @scenario's pass-through and energy terms, or
 *   %NULL when it can
 */
char *
cpl_scenario_allowed_chip_problem (CplScenario *scenario,
                                   CplChip     *chip,
                                   double       share)
{
  const double *field = cpl_entity_get_numbers (CPL_ENTITY (scenario));
  const double *chip_field = cpl_entity_get_numbers (CPL_ENTITY (chip));
  CplEnergyTerms terms;

  energy_terms_of (field, &terms);
  return cpl_chip_scenario_problem (chip, chip_field, &terms,
                                    cpl_buyer_price (chip_field[CPL_CHIP_PRICE_USD], share,
                                                     field[CPL_SCENARIO_PRICE_PASS_THROUGH]),
                                    FALSE);
}

static gboolean check_chips (CplScenario  *scenario,
                             CplDataset   *dataset,
                             const char   *where,
                             CplChip     **chips,
                             GError      **error);

/* @where, or when it is %NULL (cpl_projection_compute()) the scenario by
 * its id, made only for a message. */
static const char *
where_or_id (CplScenario  *scenario,
             const char   *where,
             char        **owned)
{
  if (where != NULL)
    return where;
  if (*owned == NULL)
    /* Translators: what a message names a scenario by; %s is its id */
    *owned = g_strdup_printf (_("scenario \"%s\""), cpl_entity_get_id (CPL_ENTITY (scenario)));
  return *owned;
}

/**
 * cpl_scenario_check_chips:
 * @where: (nullable): what names the scenario in a message ("file.json:
 *   scenarios[2]"); %NULL: "scenario "ID""
 *
 * Checks the references of MODEL.md §7: every allowed chip and the domestic
 * chip exist, are listed once, have a reference throughput and a non-zero
 * yearly cost.
 */
gboolean
cpl_scenario_check_chips (CplScenario  *scenario,
                          CplDataset   *dataset,
                          const char   *where,
                          GError      **error)
{
  const char * const *allowed = cpl_scenario_get_allowed_chips (scenario);
  g_autofree CplChip **chips = g_new (CplChip *, g_strv_length ((char **) allowed) + 1);

  return check_chips (scenario, dataset, where, chips, error);
}

/* cpl_scenario_check_chips(), which also gives the chips it found: the
 * allowed ones in @chips[0 … n − 1], the domestic one in @chips[n]. */
static gboolean
check_chips (CplScenario  *scenario,
             CplDataset   *dataset,
             const char   *where,
             CplChip     **chips,
             GError      **error)
{
  const char * const *allowed = cpl_scenario_get_allowed_chips (scenario);
  const char *domestic_id = cpl_scenario_get_domestic_chip (scenario);
  /* read at once: a getter checks the type each time */
  const double *field = cpl_entity_get_numbers (CPL_ENTITY (scenario));
  double share = field[CPL_SCENARIO_REVENUE_SHARE];
  double pass_through = field[CPL_SCENARIO_PRICE_PASS_THROUGH];
  CplEnergyTerms terms;
  CplChip *domestic;
  g_autofree char *problem = NULL;
  g_autofree char *owned_where = NULL;

  energy_terms_of (field, &terms);
  if (!cpl_check_pass_through (pass_through, &share, 1, TRUE, NULL))
    {
      g_set_error (error, CPL_DATASET_ERROR, CPL_DATASET_ERROR_RANGE,
                   /* Translators: %1$s is where the scenario is ("mine.json: scenarios[0]"),
                    * %2$g the price pass-through, %3$g the revenue share */
                   _("%s.price_pass_through: pass-through %g × revenue share %g is 1; "
                     "expected a product below 1"),
                   where_or_id (scenario, where, &owned_where), pass_through, share);
      return FALSE;
    }

  for (guint i = 0; allowed[i] != NULL; i++)
    {
      CplChip *chip = chips[i] = cpl_dataset_lookup_chip (dataset, allowed[i]);
      /* escaped for a message only */
      g_autofree char *shown = NULL;

      if (chip == NULL)
        {
          shown = cpl_message_escape (allowed[i], CPL_MESSAGE_MAX_CHARS);
          g_set_error (error, CPL_DATASET_ERROR, CPL_DATASET_ERROR_REFERENCE,
                       /* Translators: %1$s.allowed_chips[%2$u] is a JSON path, %3$s a chip id */
                       _("%s.allowed_chips[%u]: unknown chip \"%s\"; expected the id of a chip in the dataset"),
                       where_or_id (scenario, where, &owned_where), i, shown);
          return FALSE;
        }
      if (g_strv_contains (allowed + i + 1, allowed[i]))
        {
          shown = cpl_message_escape (allowed[i], CPL_MESSAGE_MAX_CHARS);
          g_set_error (error, CPL_DATASET_ERROR, CPL_DATASET_ERROR_DUPLICATE,
                       /* Translators: %1$s.allowed_chips[%2$u] is a JSON path, %3$s a chip id */
                       _("%s.allowed_chips[%u]: chip \"%s\" is listed twice; expected each chip once"),
                       where_or_id (scenario, where, &owned_where), i, shown);
          return FALSE;
        }
      if (g_strcmp0 (allowed[i], domestic_id) == 0)
        {
          shown = cpl_message_escape (allowed[i], CPL_MESSAGE_MAX_CHARS);
          g_set_error (error, CPL_DATASET_ERROR, CPL_DATASET_ERROR_INVALID,
                       /* Translators: %1$s.allowed_chips[%2$u] is a JSON path, %3$s a chip id */
                       _("%s.allowed_chips[%u]: \"%s\" is the scenario's domestic chip; "
                         "expected an exported chip"),
                       where_or_id (scenario, where, &owned_where), i, shown);
          return FALSE;
        }
      /* cpl_scenario_allowed_chip_problem(), with the numbers read above */
      {
        const double *chip_field = cpl_entity_get_numbers (CPL_ENTITY (chip));

        problem = cpl_chip_scenario_problem (chip, chip_field, &terms,
                                             cpl_buyer_price (chip_field[CPL_CHIP_PRICE_USD], share, pass_through),
                                             FALSE);
      }
      if (problem != NULL)
        {
          g_set_error (error, CPL_DATASET_ERROR, CPL_DATASET_ERROR_UNUSABLE,
                       "%s.allowed_chips[%u]: %s", where_or_id (scenario, where, &owned_where), i, problem);
          return FALSE;
        }
    }

  domestic = cpl_dataset_lookup_chip (dataset, domestic_id);
  chips[g_strv_length ((char **) allowed)] = domestic;
  if (domestic == NULL)
    {
      g_autofree char *shown = cpl_message_escape (domestic_id, CPL_MESSAGE_MAX_CHARS);

      g_set_error (error, CPL_DATASET_ERROR, CPL_DATASET_ERROR_REFERENCE,
                   /* Translators: %1$s.domestic_chip is a JSON path, %2$s a chip id */
                   _("%s.domestic_chip: unknown chip \"%s\"; expected the id of a chip in the dataset"),
                   where_or_id (scenario, where, &owned_where), shown);
      return FALSE;
    }
  {
    const double *chip_field = cpl_entity_get_numbers (CPL_ENTITY (domestic));

    problem = cpl_chip_scenario_problem (domestic, chip_field, &terms, chip_field[CPL_CHIP_PRICE_USD], TRUE);
  }
  if (problem != NULL)
    {
      g_set_error (error, CPL_DATASET_ERROR, CPL_DATASET_ERROR_UNUSABLE,
                   "%s.domestic_chip: %s", where_or_id (scenario, where, &owned_where), problem);
      return FALSE;
    }
  return TRUE;
}

static guint
cpl_projection_vendor_index (CplProjection *self,
                             const char    *vendor_id)
{
  for (guint i = 0; i < self->n_vendors; i++)
    if (g_str_equal (self->vendor_ids[i], vendor_id))
      return i;
  self->vendor_ids[self->n_vendors] = g_strdup (vendor_id);
  return self->n_vendors++;
}

/* Returns: (nullable): the name of the first figure of @p that is not
 * finite, with its year in *@year (0 for the totals over the horizon). */
static const char *
projection_nonfinite (CplProjection *p,
                      int           *year,
                      double        *value)
{
#define CHECK(expr, name, y) \
  if (!isfinite (expr)) { *year = (y); *value = (expr); return (name); }
  *year = 0;
  for (guint k = 0; k < p->n_chips; k++)
    {
      CHECK (p->chip_cost[k], "chip_cost", 0);
      CHECK (p->chip_buyer_price[k], "buyer_price", 0);
    }
  for (guint y = 0; y < p->n_years; y++)
    {
      CplProjectionYear *py = &p->years[y];

      CHECK (py->demand_pflops, "demand_pflops", py->year);
      CHECK (py->domestic_capacity_pflops, "domestic_capacity_pflops", py->year);
      CHECK (py->domestic_demand_pflops, "domestic_demand_pflops", py->year);
      CHECK (py->domestic_pflops, "domestic_pflops", py->year);
      CHECK (py->domestic_units, "domestic_units", py->year);
      CHECK (py->domestic_tflops_per_chip, "domestic_tflops_per_chip", py->year);
      CHECK (py->domestic_cost, "domestic_cost", py->year);
      CHECK (py->capacity_spill_pflops, "capacity_spill_pflops", py->year);
      CHECK (py->compute_gap_pflops, "compute_gap_pflops", py->year);
      CHECK (py->domestic_share, "domestic_share", py->year);
      CHECK (py->government_take_usd, "government_take_usd", py->year);
      CHECK (py->domestic_revenue_usd, "domestic_revenue_usd", py->year);
      for (guint k = 0; k < p->n_chips; k++)
        {
          CHECK (py->exported_pflops[k], "exported_pflops", py->year);
          CHECK (py->exported_units[k], "exported_units", py->year);
        }
      for (guint v = 0; v < p->n_vendors; v++)
        {
          CHECK (py->gross_revenue_usd[v], "gross_revenue_usd", py->year);
          CHECK (py->vendor_net_revenue_usd[v], "vendor_net_revenue_usd", py->year);
        }
    }
  for (guint v = 0; v < p->n_vendors; v++)
    CHECK (p->total_gross_revenue_usd[v], "total_gross_revenue_usd", 0);
  CHECK (p->total_government_take_usd, "total_government_take_usd", 0);
  CHECK (p->total_compute_gap_pflops, "total_compute_gap_pflops", 0);
  CHECK (p->total_domestic_installed_pflops, "total_domestic_installed_pflops", 0);
  CHECK (p->final_domestic_share, "final_domestic_share", 0);
#undef CHECK
  return NULL;
}

/**
 * cpl_projection_compute:
 *
 * Runs MODEL.md §5 for every year of the scenario.
 *
 * Returns: (transfer full) (nullable): the projection, or %NULL with @error
 *   when a chip of the scenario is unknown or cannot enter it.
 */
CplProjection *
cpl_projection_compute (CplScenario  *scenario,
                        CplDataset   *dataset,
                        GError      **error)
{
  return cpl_projection_compute_at (scenario, dataset, NULL, error);
}

/* The weights of the offered exported chips, scaled by the largest so
 * none overflows: w[k] = exp(log_w[k] − M). */
void
cpl_foreign_weights (guint              n,
                     const double      *log_w,
                     double            *w,
                     CplForeignWeights *out)
{
  out->max_log_w = -INFINITY;
  out->sum_w = 0;
  for (guint k = 0; k < n; k++)
    out->max_log_w = MAX (out->max_log_w, log_w[k]);
  for (guint k = 0; k < n; k++)
    {
      w[k] = log_w[k] == -INFINITY ? 0 : exp (log_w[k] - out->max_log_w);
      out->sum_w += w[k];
    }
}

/* 4. The demand split Dₖ = C·wₖ/Σw and D_d = C·w_d/Σw, with the domestic
 * log weight @log_w_d of the year.  Everything is scaled by the larger of
 * M and log_w_d, so a large β overflows nothing; one exponential a year
 * while the exported chips weigh the most. */
void
cpl_split_demand (guint                    n,
                  const double            *w,
                  const CplForeignWeights *foreign,
                  double                   log_w_d,
                  double                   demand,
                  double                  *D,
                  double                  *D_d)
{
  double scale = 1, w_d, sum;

  if (foreign->max_log_w == -INFINITY)
    {
      /* no chip offered: all demand is domestic */
      for (guint k = 0; k < n; k++)
        D[k] = 0;
      *D_d = demand;
      return;
    }
  if (log_w_d > foreign->max_log_w)
    {
      scale = exp (foreign->max_log_w - log_w_d);
      w_d = 1;
    }
  else
    w_d = exp (log_w_d - foreign->max_log_w);
  sum = foreign->sum_w * scale + w_d;
  for (guint k = 0; k < n; k++)
    D[k] = demand * (w[k] * scale) / sum;
  *D_d = demand * w_d / sum;
}

/**
 * cpl_projection_compute_at:
 * @where: (nullable): what names the scenario in a message ("file.json:
 *   scenarios[2]"); %NULL: "scenario "ID"", as cpl_projection_compute()
 *
 * As cpl_projection_compute(), and refuses a projection with a figure that
 * is not finite (a huge demand compounded over many years), so no NaN or
 * Infinity ever reaches a chart or a report.
 */
/* How often each scenario object was projected, for the tests: counted
 * only once they ask (it costs a sixth of a small projection). */
static gboolean counting;

static GQuark
projection_count_quark (void)
{
  return g_quark_from_static_string ("cpl-projection-count");
}

/**
 * cpl_projection_count_calls:
 *
 * From now on, counts the projections of each scenario object, for
 * cpl_projection_get_debug_count().  For tests.
 */
void
cpl_projection_count_calls (void)
{
  counting = TRUE;
}

/**
 * cpl_projection_get_debug_count:
 *
 * Returns: how many times cpl_projection_compute() ran on this very
 *   @scenario object (not on copies of it) since
 *   cpl_projection_count_calls(), for tests that check work is not done
 *   twice
 */
guint
cpl_projection_get_debug_count (CplScenario *scenario)
{
  return GPOINTER_TO_UINT (g_object_get_qdata (G_OBJECT (scenario), projection_count_quark ()));
}

CplProjection *
cpl_projection_compute_at (CplScenario  *scenario,
                           CplDataset   *dataset,
                           const char   *where,
                           GError      **error)
{
  const char * const *allowed = cpl_scenario_get_allowed_chips (scenario);
  /* read at once: a getter checks the type each time */
  const double *field = cpl_entity_get_numbers (CPL_ENTITY (scenario));
  double C0 = field[CPL_SCENARIO_DEMAND_PFLOPS];
  double g = field[CPL_SCENARIO_DEMAND_GROWTH];
  double K0 = field[CPL_SCENARIO_DOMESTIC_CAPACITY_PFLOPS];
  double h = field[CPL_SCENARIO_DOMESTIC_CAPACITY_GROWTH];
  double Q0 = field[CPL_SCENARIO_DOMESTIC_INSTALLED_PFLOPS];
  double lambda = field[CPL_SCENARIO_DOMESTIC_LEARNING_RATE];
  double beta = field[CPL_SCENARIO_PRICE_SENSITIVITY];
  double b = field[CPL_SCENARIO_DOMESTIC_PREFERENCE];
  double a = field[CPL_SCENARIO_LICENSE_APPROVAL_RATE];
  double s = field[CPL_SCENARIO_REVENUE_SHARE];
  double pi = field[CPL_SCENARIO_PRICE_PASS_THROUGH];
  double spill = field[CPL_SCENARIO_CAPACITY_SPILL];
  double gamma = -log2 (1 - lambda);
  double Q = Q0;
  double F_d0, p_d, A_d;
  g_autofree double *F_owned = NULL;
  double *F, *log_w, *w, *D;  /* n₁ each, one block (F_here when few) */
  CplForeignWeights foreign;
  CplProjection *self;
  CplEnergyTerms terms;
  const double *domestic_field;
  /* the allowed chips, then the domestic one; on the stack when few */
  CplChip *chips_here[16];
  g_autofree CplChip **chips_owned = NULL;
  CplChip **chips;
  double F_here[4 * 16];
  double *per_chip, *per_vendor;
  gsize head, size;
  guint n, n1, ny;

  if (counting)
    g_object_set_qdata (G_OBJECT (scenario), projection_count_quark (),
                        GUINT_TO_POINTER (cpl_projection_get_debug_count (scenario) + 1));
  n = g_strv_length ((char **) allowed);
  n1 = MAX (n, 1);
  chips = n + 1 <= G_N_ELEMENTS (chips_here) ? chips_here : (chips_owned = g_new (CplChip *, n + 1));
  if (!check_chips (scenario, dataset, where, chips, error))
    return NULL;

  energy_terms_of (field, &terms);

  /* One block holds the projection and its arrays, the doubles first so
   * each is aligned (cpl_projection_unref() frees it with the strings):
   * the years, every year's per-chip and per-vendor arrays (a chip brings
   * one vendor at most, so n₁ = max(n, 1) bounds the vendors), the totals
   * per vendor, then per chip its cost, buyer price, vendor and whether it
   * is offered. */
  head = (sizeof (CplProjection) + 15) & ~(gsize) 15;
  ny = (guint) field[CPL_SCENARIO_YEARS];
  size = head + ny * sizeof (CplProjectionYear) + (4 * (gsize) n1 * ny + 3 * n1) * sizeof (double)
         + n1 * (sizeof (guint) + sizeof (gboolean));
  self = g_malloc0 (size);
  g_ref_count_init (&self->ref_count);
  self->scenario_id = g_strdup (cpl_entity_get_id (CPL_ENTITY (scenario)));
  self->start_year = (int) field[CPL_SCENARIO_START_YEAR];
  self->n_years = ny;
  self->n_chips = n;
  self->chip_ids = g_strdupv ((char **) allowed);
  self->years = (CplProjectionYear *) ((char *) self + head);
  per_chip = (double *) (self->years + ny);
  per_vendor = per_chip + 2 * (gsize) n1 * ny;
  self->total_gross_revenue_usd = per_vendor + 2 * (gsize) n1 * ny;
  self->chip_cost = self->total_gross_revenue_usd + n1;
  self->chip_buyer_price = self->chip_cost + n1;
  self->chip_vendor = (guint *) (self->chip_buyer_price + n1);
  self->chip_offered = (gboolean *) (self->chip_vendor + n1);
  self->domestic_chip_id = g_strdup (cpl_scenario_get_domestic_chip (scenario));
  self->vendor_ids = g_new0 (char *, n1 + 1);

  /* Exported chips: buyer price with the share passed through (§3), and a
   * cost of compute that does not change over the years (§4). */
  F = 4 * n1 <= G_N_ELEMENTS (F_here) ? F_here : (F_owned = g_new (double, 4 * n1));
  log_w = F + n1;
  w = log_w + n1;
  D = w + n1;
  for (guint k = 0; k < n; k++)
    {
      CplChip *chip = chips[k];
      const double *chip_field = cpl_entity_get_numbers (CPL_ENTITY (chip));

      F[k] = tflops_of (chip_field);
      self->chip_buyer_price[k] = cpl_buyer_price (chip_field[CPL_CHIP_PRICE_USD], s, pi);
      self->chip_cost[k] = cpl_cost_of_compute (self->chip_buyer_price[k], chip_field[CPL_CHIP_TDP_W],
                                                F[k], &terms, FALSE);
      self->chip_vendor[k] = cpl_projection_vendor_index (self, cpl_chip_get_vendor_id (chip));
      /* 3. offered while the net price covers the unit cost: left out
       * when (1−s)·p̂ₖ < k; a chip without a unit cost is always offered */
      self->chip_offered[k] = !((1 - s) * self->chip_buyer_price[k] < chip_field[CPL_CHIP_UNIT_COST_USD]);
      self->n_offered += self->chip_offered[k];
      /* weights wₖ = cₖ^(−β) of the offered chips, in logs so a large β
       * cannot underflow every weight to zero; a chip left out has none */
      log_w[k] = self->chip_offered[k] ? -beta * log (self->chip_cost[k]) : -INFINITY;
    }
  cpl_foreign_weights (n, log_w, w, &foreign);

  domestic_field = cpl_entity_get_numbers (CPL_ENTITY (chips[n]));
  F_d0 = tflops_of (domestic_field);
  p_d = domestic_field[CPL_CHIP_PRICE_USD];
  A_d = cpl_yearly_cost (p_d, domestic_field[CPL_CHIP_TDP_W], &terms, TRUE);

  for (guint t = 0; t < self->n_years; t++)
    {
      CplProjectionYear *y = &self->years[t];
      double C = C0 * pow (1 + g, t);
      double K = K0 * pow (1 + h, t);
      /* 2. learning: F_d,t = F_d,0 · (Qₜ/Q₀)^γ, γ = −log₂(1−λ) */
      double F_d = F_d0 * pow (Q / Q0, gamma);
      double c_d = A_d / (F_d / 1000);
      double D_exported = 0, X_total = 0, gross_total = 0, R_d, I, O, D_d;

      y->exported_pflops = per_chip + 2 * (gsize) n1 * t;
      y->exported_units = y->exported_pflops + n1;
      y->gross_revenue_usd = per_vendor + 2 * (gsize) n1 * t;
      y->vendor_net_revenue_usd = y->gross_revenue_usd + n1;

      y->year = self->start_year + t;
      y->demand_pflops = C;
      y->domestic_capacity_pflops = K;
      y->domestic_tflops_per_chip = F_d;
      y->domestic_cost = c_d;

      /* 3–4. the domestic weight w_d = c_d^(−β)·eᵇ against the offered
       * chips' (above), and the demand split by them */
      cpl_split_demand (n, w, &foreign, -beta * log (c_d) + b, C, D, &D_d);

      /* 5. approved exports, refused demand spills to domestic */
      for (guint k = 0; k < n; k++)
        {
          D_exported += D[k];
          y->exported_pflops[k] = a * D[k];
        }
      R_d = D_d + (1 - a) * D_exported;

      /* 6. capacity binds; a share σ of the demand above it, Oₜ, turns to
       * the offered exported chips by their weights and is approved at
       * rate a; the rest is the compute gap */
      I = MIN (R_d, K);
      O = R_d - I;
      y->domestic_demand_pflops = R_d;
      y->domestic_pflops = I;
      y->capacity_spill_pflops = self->n_offered > 0 ? a * spill * O : 0;
      y->compute_gap_pflops = O - y->capacity_spill_pflops;
      for (guint k = 0; k < n; k++)
        {
          if (self->chip_offered[k])
            y->exported_pflops[k] += y->capacity_spill_pflops * w[k] / foreign.sum_w;
          X_total += y->exported_pflops[k];
        }

      /* 7–8. units and money */
      for (guint k = 0; k < n; k++)
        {
          double gross;

          y->exported_units[k] = 1000 * y->exported_pflops[k] / F[k];
          gross = y->exported_units[k] * self->chip_buyer_price[k];
          y->gross_revenue_usd[self->chip_vendor[k]] += gross;
          gross_total += gross;
        }
      for (guint v = 0; v < self->n_vendors; v++)
        {
          y->vendor_net_revenue_usd[v] = (1 - s) * y->gross_revenue_usd[v];
          self->total_gross_revenue_usd[v] += y->gross_revenue_usd[v];
        }
      y->government_take_usd = s * gross_total;
      y->domestic_units = 1000 * I / F_d;
      y->domestic_revenue_usd = y->domestic_units * p_d;

      /* 9. domestic share of installed compute */
      y->domestic_share = I + X_total > 0 ? I / (I + X_total) : 0;

      self->total_government_take_usd += y->government_take_usd;
      self->total_compute_gap_pflops += y->compute_gap_pflops;
      self->total_domestic_installed_pflops += I;
      self->final_domestic_share = y->domestic_share;

      Q += I;
    }

  {
    const char *what;
    double value;
    int year;

    what = projection_nonfinite (self, &year, &value);
    if (what != NULL)
      {
        g_autofree char *shown = cpl_format_number_c (value);
        g_autofree char *demand = cpl_format_number_c (C0);
        g_autofree char *capacity = cpl_format_number_c (K0);
        g_autofree char *problem = NULL;
        g_autofree char *owned_where = NULL;

        if (year != 0)
          /* Translators: %1$s is a result's key ("domestic_units"), %2$d a
           * year, %3$s its value ("Infinity"), %4$s and %5$s the inputs;
           * demand_pflops and domestic_capacity_pflops are the file's keys */
          problem = g_strdup_printf (_("the projection's %s in %d is %s (demand_pflops %s, "
                                       "domestic_capacity_pflops %s); expected figures small enough "
                                       "that every result over the horizon stays finite"),
                                     what, year, shown, demand, capacity);
        else
          /* Translators: %1$s is a result's key ("total_compute_gap_pflops"),
           * %2$s its value ("Infinity"), %3$s and %4$s the inputs */
          problem = g_strdup_printf (_("the projection's %s is %s (demand_pflops %s, "
                                       "domestic_capacity_pflops %s); expected figures small enough "
                                       "that every result over the horizon stays finite"),
                                     what, shown, demand, capacity);
        g_set_error (error, CPL_DATASET_ERROR, CPL_DATASET_ERROR_RANGE, "%s: %s",
                     where_or_id (scenario, where, &owned_where), problem);
        cpl_projection_unref (self);
        return NULL;
      }
  }
  return self;
}

/**
 * cpl_projection_get_crossover:
 *
 * The first year (an index into @years) in which the domestic chip's cost
 * of compute is below that of every offered exported chip.
 *
 * Returns: the year's index; -1 when it never is; -2 when no chip is
 *   offered (none allowed, or none whose net price covers its unit cost),
 *   so there is nothing to compare with.
 */
int
cpl_projection_get_crossover (CplProjection *self)
{
  double cheapest = INFINITY;

  g_return_val_if_fail (self != NULL, -2);
  if (self->n_offered == 0)
    return -2;
  for (guint k = 0; k < self->n_chips; k++)
    if (self->chip_offered[k])
      cheapest = MIN (cheapest, self->chip_cost[k]);
  for (guint t = 0; t < self->n_years; t++)
    if (self->years[t].domestic_cost < cheapest)
      return t;
  return -1;
}

/* ---- totals by key ---- */

static const char * const total_keys[CPL_N_TOTALS] = {
  [CPL_TOTAL_GOVERNMENT_TAKE]      = "government_take_usd",
  [CPL_TOTAL_COMPUTE_GAP]          = "compute_gap_pflops",
  [CPL_TOTAL_DOMESTIC_INSTALLED]   = "domestic_installed_pflops",
  [CPL_TOTAL_FINAL_DOMESTIC_SHARE] = "final_domestic_share",
  [CPL_TOTAL_GROSS_REVENUE]        = "gross_revenue_usd",
};

/* The total's key in --compute output and on the command line. */
const char *
cpl_total_get_key (CplTotal total)
{
  g_return_val_if_fail (total < CPL_N_TOTALS, NULL);
  return total_keys[total];
}

gboolean
cpl_total_from_key (const char *key,
                    CplTotal   *total)
{
  for (guint i = 0; i < CPL_N_TOTALS; i++)
    if (g_strcmp0 (key, total_keys[i]) == 0)
      {
        *total = i;
        return TRUE;
      }
  return FALSE;
}

/* The total @total over the horizon; gross revenue is all vendors' together. */
double
cpl_projection_get_total (CplProjection *self,
                          CplTotal       total)
{
  double sum = 0;

  g_return_val_if_fail (self != NULL, NAN);

  switch (total)
    {
    case CPL_TOTAL_GOVERNMENT_TAKE:      return self->total_government_take_usd;
    case CPL_TOTAL_COMPUTE_GAP:          return self->total_compute_gap_pflops;
    case CPL_TOTAL_DOMESTIC_INSTALLED:   return self->total_domestic_installed_pflops;
    case CPL_TOTAL_FINAL_DOMESTIC_SHARE: return self->final_domestic_share;
    case CPL_TOTAL_GROSS_REVENUE:
      for (guint v = 0; v < self->n_vendors; v++)
        sum += self->total_gross_revenue_usd[v];
      return sum;
    case CPL_N_TOTALS:
    default:
      g_return_val_if_reached (NAN);
    }
}
