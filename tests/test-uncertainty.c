/* test-uncertainty.c: the seeded generator, Monte Carlo and tornado (MODEL.md §6)
 *
 * The dataset below has exported chips X (1,000 TFLOPS, $2,000, vendor va)
 * and Y (500 TFLOPS, $2,000, vendor vb) and the domestic chip D (250
 * TFLOPS, $1,000), as tests/fixtures/two-chips.json.  With no electricity
 * and L = 1 year the yearly cost is the buyer price, c = 1000·p̂/F:
 * c_X = 2,000, c_Y = 4,000, c_D = 4,000.
 *
 * Scenario "linear": one year, π = 0, a = 1, β = 1, b = 0, C = 1,000 and a
 * capacity of 10⁹ that never binds.  With π = 0 the buyer price does not
 * depend on the share s, so neither do the weights 2 : 1 : 1: D_X = 500,
 * D_Y = 250 and D_d = 250 PFLOP/s.  Units: 1000·500/1000 = 500 X and
 * 1000·250/500 = 500 Y, each at $2,000: gross revenue $2,000,000, and the
 * take is s × $2,000,000, linear in s.
 */
#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <string.h>

#include "cpl-test-util.h"

#define CHIPS \
  "\"vendors\": [ { \"id\": \"va\", \"name\": \"A\", \"country\": \"US\" }," \
  "  { \"id\": \"vb\", \"name\": \"B\", \"country\": \"US\" }," \
  "  { \"id\": \"vd\", \"name\": \"D\", \"country\": \"CN\" } ]," \
  "\"chips\": [" \
  "  { \"id\": \"chip-x\", \"name\": \"X\", \"vendor\": \"va\", \"domestic\": false, \"datacenter\": true," \
  "    \"tdp_w\": 500, \"price_usd\": 2000, \"performance\": { \"bf16\": 1000 } }," \
  "  { \"id\": \"chip-y\", \"name\": \"Y\", \"vendor\": \"vb\", \"domestic\": false, \"datacenter\": true," \
  "    \"tdp_w\": 500, \"price_usd\": 2000, \"performance\": { \"bf16\": 500 } }," \
  "  { \"id\": \"chip-d\", \"name\": \"D\", \"vendor\": \"vd\", \"domestic\": true, \"datacenter\": true," \
  "    \"tdp_w\": 500, \"price_usd\": 1000, \"performance\": { \"bf16\": 250 } } ],"

#define LINEAR(extra) \
  "{ \"format\": \"chip-policy-lab\", \"version\": 1, " CHIPS \
  "\"scenarios\": [ { \"id\": \"linear\", \"name\": \"Linear\", \"start_year\": 2026, \"years\": 1," \
  "  \"allowed_chips\": [ \"chip-x\", \"chip-y\" ], \"domestic_chip\": \"chip-d\"," \
  "  \"revenue_share\": 0.15, \"price_pass_through\": 0, \"license_approval_rate\": 1," \
  "  \"demand_pflops\": 1000, \"domestic_capacity_pflops\": 1e9, \"domestic_installed_pflops\": 300," \
  "  \"price_sensitivity\": 1, \"electricity_usd_per_kwh\": 0, \"amortization_years\": 1" \
  extra " } ] }"

static CplDataset *
load (const char *json)
{
  g_autoptr(GError) error = NULL;
  CplDataset *dataset = cpl_test_load_string (json, &error);

  g_assert_no_error (error);
  return dataset;
}

static CplScenario *
scenario_of (CplDataset *dataset,
             const char *id)
{
  return CPL_SCENARIO (cpl_dataset_lookup (dataset, CPL_TYPE_SCENARIO, id));
}

/* The reference outputs, from a Python transcription of the authors' C
 * code (64-bit arithmetic masked with (1 << 64) − 1):
 *   splitmix64 from state 0: 0xe220a8397b1dcdaf, 0x6e789e6aa1b965f4,
 *     0x06c45d188009454f
 *   xoshiro256** from the state {1, 2, 3, 4}: 11520, 0, 1509978240,
 *     1215971899390074240, 1216172134540287360 */
static void
test_generator_reference (void)
{
  static const guint64 splitmix[] = {
    G_GUINT64_CONSTANT (0xe220a8397b1dcdaf), G_GUINT64_CONSTANT (0x6e789e6aa1b965f4),
    G_GUINT64_CONSTANT (0x06c45d188009454f),
  };
  static const guint64 xoshiro[] = {
    11520, 0, 1509978240, G_GUINT64_CONSTANT (1215971899390074240),
    G_GUINT64_CONSTANT (1216172134540287360),
  };
  CplRandom random = { { 1, 2, 3, 4 } };
  guint64 state = 0;

  for (guint i = 0; i < G_N_ELEMENTS (splitmix); i++)
    g_assert_cmphex (cpl_splitmix64_next (&state), ==, splitmix[i]);
  for (guint i = 0; i < G_N_ELEMENTS (xoshiro); i++)
    g_assert_cmpuint (cpl_random_next (&random), ==, xoshiro[i]);

  /* cpl_random_init (seed 0) takes the splitmix64 outputs above as state */
  cpl_random_init (&random, 0);
  g_assert_cmphex (random.s[0], ==, splitmix[0]);
  g_assert_cmphex (random.s[2], ==, splitmix[2]);
}

/* The mean of a triangular (a, c, b) is (a + c + b)/3: for (0.05, 0.15,
 * 0.45), 0.65/3 = 0.21667.  100,000 draws of the inverse CDF come within
 * 1% of it (the standard error is √((a²+b²+c²−ab−ac−bc)/18)/√n =
 * √(0.07/18)/316 ≈ 0.0002, 0.1%). */
static void
test_triangular_mean (void)
{
  CplRandom random;
  double sum = 0;

  cpl_random_init_stream (&random, 1, 0);
  for (guint i = 0; i < 100000; i++)
    {
      double x = cpl_triangular_quantile (0.05, 0.15, 0.45, cpl_random_double (&random));

      g_assert_cmpfloat (x, >=, 0.05);
      g_assert_cmpfloat (x, <=, 0.45);
      sum += x;
    }
  cpl_assert_near (sum / 100000, 0.65 / 3, 0.01);
  /* the inverse CDF's ends and its mode: F⁻¹(0) = a, F⁻¹((c−a)/(b−a)) =
   * F⁻¹(0.25) = c; degenerate ranges give their one value */
  g_assert_cmpfloat (cpl_triangular_quantile (0.05, 0.15, 0.45, 0), ==, 0.05);
  cpl_assert_near (cpl_triangular_quantile (0.05, 0.15, 0.45, 0.25), 0.15, 1e-12);
  g_assert_cmpfloat (cpl_triangular_quantile (0.3, 0.3, 0.3, 0.7), ==, 0.3);
}

/* With only revenue_share ranged (a = 0.05, c = 0.15, b = 0.45) the take
 * is s × $2,000,000, so its quantiles are the triangle's times $2 M.
 * b − a = 0.4, c − a = 0.1, b − c = 0.3, (c − a)/(b − a) = 0.25:
 *   P10: u = 0.1 < 0.25: 0.05 + √(0.1·0.4·0.1) = 0.05 + √0.004 = 0.1132456
 *        → $226,491
 *   P50: 0.45 − √(0.5·0.4·0.3) = 0.45 − √0.06 = 0.2050510 → $410,102
 *   P90: 0.45 − √(0.1·0.4·0.3) = 0.45 − √0.012 = 0.3404555 → $680,911
 * within 2% at 10,000 draws.  Gross revenue does not move: $2,000,000. */
static void
test_linear_take (void)
{
  g_autoptr(CplDataset) dataset =
    load (LINEAR (", \"ranges\": { \"revenue_share\": { \"low\": 0.05, \"mode\": 0.15, \"high\": 0.45 } }"));
  CplScenario *scenario = scenario_of (dataset, "linear");
  g_autoptr(GError) error = NULL;
  g_autoptr(CplUncertainty) u = cpl_uncertainty_compute (scenario, dataset, 10000, 0, NULL, &error);
  const CplQuantiles *take, *gross, *year_take;

  g_assert_no_error (error);
  g_assert_true (cpl_scenario_has_ranges (scenario));
  g_assert_cmpuint (cpl_uncertainty_get_n_draws (u), ==, 10000);
  g_assert_cmpuint (cpl_uncertainty_get_seed (u), ==, 1);   /* the default */
  g_assert_cmpuint (cpl_uncertainty_get_n_years (u), ==, 1);
  take = cpl_uncertainty_get_total (u, CPL_TOTAL_GOVERNMENT_TAKE);
  cpl_assert_near (take->p10, 226491, 0.02);
  cpl_assert_near (take->p50, 410102, 0.02);
  cpl_assert_near (take->p90, 680911, 0.02);
  /* one year: the year's take is the total's */
  year_take = cpl_uncertainty_get_year (u, CPL_YEAR_GOVERNMENT_TAKE, 0);
  g_assert_cmpfloat (year_take->p50, ==, take->p50);
  gross = cpl_uncertainty_get_total (u, CPL_TOTAL_GROSS_REVENUE);
  cpl_assert_near (gross->p10, 2000000, 1e-12);
  cpl_assert_near (gross->p90, 2000000, 1e-12);
  /* the scenario itself keeps its point value */
  g_assert_cmpfloat (cpl_scenario_get (scenario, CPL_SCENARIO_REVENUE_SHARE), ==, 0.15);
}

/* Gives every numeric parameter of @scenario that may carry a range the
 * range low = mode = high = its point value. */
static void
range_every_parameter_at_point (CplScenario *scenario)
{
  g_autoptr(JsonObject) object = cpl_entity_to_json (CPL_ENTITY (scenario));
  JsonObject *ranges = json_object_new ();
  g_autoptr(GError) error = NULL;

  for (guint f = CPL_SCENARIO_REVENUE_SHARE; f < CPL_SCENARIO_SEED; f++)
    {
      JsonObject *range = json_object_new ();
      double point = cpl_scenario_get (scenario, f);

      json_object_set_double_member (range, "low", point);
      json_object_set_double_member (range, "mode", point);
      json_object_set_double_member (range, "high", point);
      json_object_set_object_member (ranges, cpl_entity_get_field (CPL_ENTITY (scenario), f)->key, range);
    }
  json_object_set_object_member (object, "ranges", ranges);
  cpl_entity_assign_json (CPL_ENTITY (scenario), object, &error);
  g_assert_no_error (error);
}

/* low = mode = high at the point values: every draw is the point
 * projection, so P10 = P50 = P90 = its value, for every total and every
 * yearly output, bitwise: the draws' lean kernel does the arithmetic of
 * cpl_projection_compute() in the same order. */
static void
assert_degenerate_is_point (CplDataset  *dataset,
                            CplScenario *scenario)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CplProjection) p = cpl_projection_compute (scenario, dataset, &error);
  g_autoptr(CplUncertainty) u = NULL;

  g_assert_no_error (error);
  range_every_parameter_at_point (scenario);
  g_assert_true (cpl_scenario_has_ranges (scenario));
  u = cpl_uncertainty_compute (scenario, dataset, 21, 2, NULL, &error);
  g_assert_no_error (error);
  for (guint t = 0; t < CPL_N_TOTALS; t++)
    {
      const CplQuantiles *q = cpl_uncertainty_get_total (u, t);
      double point = cpl_projection_get_total (p, t);

      g_assert_cmpfloat (q->p10, ==, point);
      g_assert_cmpfloat (q->p50, ==, point);
      g_assert_cmpfloat (q->p90, ==, point);
    }
  g_assert_cmpuint (cpl_uncertainty_get_n_years (u), ==, p->n_years);
  for (guint y = 0; y < p->n_years; y++)
    {
      CplProjectionYear *py = &p->years[y];
      double gross = 0, exported = 0;
      const double expected[CPL_N_YEAR_OUTPUTS] = {
        [CPL_YEAR_DOMESTIC_SHARE] = py->domestic_share,
        [CPL_YEAR_GOVERNMENT_TAKE] = py->government_take_usd,
        [CPL_YEAR_COMPUTE_GAP] = py->compute_gap_pflops,
        [CPL_YEAR_DOMESTIC_PFLOPS] = py->domestic_pflops,
        [CPL_YEAR_DOMESTIC_UNITS] = py->domestic_units,
      };

      for (guint v = 0; v < p->n_vendors; v++)
        gross += py->gross_revenue_usd[v];
      for (guint k = 0; k < p->n_chips; k++)
        exported += py->exported_pflops[k];
      for (guint o = 0; o < CPL_N_YEAR_OUTPUTS; o++)
        {
          const CplQuantiles *q = cpl_uncertainty_get_year (u, o, y);
          double e = o == CPL_YEAR_GROSS_REVENUE ? gross
                     : o == CPL_YEAR_EXPORTED_PFLOPS ? exported : expected[o];

          g_assert_cmpfloat (q->p10, ==, e);
          g_assert_cmpfloat (q->p90, ==, e);
        }
    }
}

static void
assert_degenerate_every_scenario (CplDataset *dataset)
{
  GListModel *scenarios = cpl_dataset_get_scenarios (dataset);
  guint n = g_list_model_get_n_items (scenarios);

  g_assert_cmpuint (n, >, 0);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CplScenario) scenario = g_list_model_get_item (scenarios, i);
      g_autoptr(GError) error = NULL;
      g_autoptr(CplProjection) p = cpl_projection_compute (scenario, dataset, &error);

      /* a fixture may hold a scenario that cannot be projected on purpose */
      if (p == NULL)
        continue;
      assert_degenerate_is_point (dataset, scenario);
    }
}

static void
test_degenerate (void)
{
  static const char * const fixtures[] = { "two-chips.json", "spill.json", "compare-vendors.json" };
  g_autoptr(GError) error = NULL;
  g_autoptr(CplDataset) builtin = cpl_dataset_new_builtin (&error);
  g_autoptr(CplDataset) two = cpl_test_load_fixture ("two-chips.json", CPL_LOAD_ALONE);
  g_autoptr(CplUncertainty) u = NULL;

  g_assert_no_error (error);
  assert_degenerate_every_scenario (builtin);
  for (guint i = 0; i < G_N_ELEMENTS (fixtures); i++)
    {
      g_autoptr(CplDataset) dataset = cpl_test_load_fixture (fixtures[i], CPL_LOAD_ALONE);

      assert_degenerate_every_scenario (dataset);
    }
  /* and the hand-computed value: year 2026's take in "two-years",
   * $1,088,000/3 (test-projection.c) */
  range_every_parameter_at_point (scenario_of (two, "two-years"));
  u = cpl_uncertainty_compute (scenario_of (two, "two-years"), two, 11, 1, NULL, &error);
  g_assert_no_error (error);
  cpl_assert_near (cpl_uncertainty_get_year (u, CPL_YEAR_GOVERNMENT_TAKE, 0)->p10, 1088000.0 / 3, 1e-12);
}

static CplUncertainty *
run_two_ranges (CplDataset *dataset,
                guint       n_threads)
{
  g_autoptr(GError) error = NULL;
  CplUncertainty *u = cpl_uncertainty_compute (scenario_of (dataset, "linear"), dataset, 2000,
                                               n_threads, NULL, &error);

  g_assert_no_error (error);
  return u;
}

static void
assert_same (CplUncertainty *a,
             CplUncertainty *b)
{
  g_assert_cmpmem (cpl_uncertainty_get_total (a, 0), CPL_N_TOTALS * sizeof (CplQuantiles),
                   cpl_uncertainty_get_total (b, 0), CPL_N_TOTALS * sizeof (CplQuantiles));
  g_assert_cmpmem (cpl_uncertainty_get_year (a, 0, 0), CPL_N_YEAR_OUTPUTS * sizeof (CplQuantiles),
                   cpl_uncertainty_get_year (b, 0, 0), CPL_N_YEAR_OUTPUTS * sizeof (CplQuantiles));
}

/* Each draw has its own stream from (seed, index): two runs, and runs on
 * 1 and 4 threads, give the same bits; another seed gives other numbers. */
static void
test_deterministic (void)
{
#define TWO_RANGES(seed) \
  LINEAR (seed ", \"ranges\": {" \
          " \"revenue_share\": { \"low\": 0.05, \"mode\": 0.15, \"high\": 0.45 }," \
          " \"demand_pflops\": { \"low\": 800, \"mode\": 1000, \"high\": 1500 } }")
  g_autoptr(CplDataset) dataset = load (TWO_RANGES (""));
  g_autoptr(CplDataset) other_seed = load (TWO_RANGES (", \"seed\": 7"));
  g_autoptr(CplUncertainty) first = run_two_ranges (dataset, 1);
  g_autoptr(CplUncertainty) again = run_two_ranges (dataset, 1);
  g_autoptr(CplUncertainty) four = run_two_ranges (dataset, 4);
  g_autoptr(CplUncertainty) seven = run_two_ranges (other_seed, 4);

  assert_same (first, again);
  assert_same (first, four);
  g_assert_cmpuint (cpl_uncertainty_get_seed (seven), ==, 7);
  g_assert_cmpfloat (cpl_uncertainty_get_total (seven, CPL_TOTAL_GOVERNMENT_TAKE)->p50, !=,
                     cpl_uncertainty_get_total (first, CPL_TOTAL_GOVERNMENT_TAKE)->p50);
#undef TWO_RANGES
}

/* The quantiles are the sorted values' (type 7: Q(p) = x_⌊h⌋ + (h −
 * ⌊h⌋)(x_⌊h⌋₊₁ − x_⌊h⌋), h = (n − 1)·p), bitwise, for every total and
 * yearly output of 10,000 draws of three exported chips (one left out
 * when its net price falls below its unit cost), capacity that binds in
 * some draws and not in others, and eight ranged parameters: each draw
 * projected again here by cpl_projection_compute() at the values the
 * draw takes (stream (seed, d), one value per ranged parameter in field
 * order), its outputs sorted by qsort().  So the lean kernel gives the
 * projection's bits for draws off the point values too, and the
 * selection (with its sample's brackets from 8 × 512 draws up) picks the
 * same order statistics as a sort.  At n = 10,000: P10's h = 999.9, P50's
 * 4999.5, P90's 8999.1. */
#define THREE_CHIPS_JSON \
  "{ \"format\": \"chip-policy-lab\", \"version\": 1," \
  "\"vendors\": [ { \"id\": \"va\", \"name\": \"A\", \"country\": \"US\" }," \
  "  { \"id\": \"vb\", \"name\": \"B\", \"country\": \"US\" }," \
  "  { \"id\": \"vd\", \"name\": \"D\", \"country\": \"CN\" } ]," \
  "\"chips\": [" \
  "  { \"id\": \"x\", \"name\": \"X\", \"vendor\": \"va\", \"domestic\": false, \"datacenter\": true," \
  "    \"tdp_w\": 700, \"price_usd\": 30000, \"unit_cost_usd\": 9000, \"performance\": { \"bf16\": 990 } }," \
  "  { \"id\": \"y\", \"name\": \"Y\", \"vendor\": \"va\", \"domestic\": false, \"datacenter\": true," \
  "    \"tdp_w\": 400, \"price_usd\": 12000, \"performance\": { \"bf16\": 148 } }," \
  "  { \"id\": \"z\", \"name\": \"Z\", \"vendor\": \"vb\", \"domestic\": false, \"datacenter\": true," \
  "    \"tdp_w\": 750, \"price_usd\": 15000, \"unit_cost_usd\": 9500, \"performance\": { \"bf16\": 1300 } }," \
  "  { \"id\": \"d\", \"name\": \"D\", \"vendor\": \"vd\", \"domestic\": true, \"datacenter\": true," \
  "    \"tdp_w\": 350, \"price_usd\": 12000, \"performance\": { \"bf16\": 320 } } ]," \
  "\"scenarios\": [ { \"id\": \"three\", \"name\": \"Three\", \"start_year\": 2026, \"years\": 6," \
  "  \"allowed_chips\": [ \"x\", \"y\", \"z\" ], \"domestic_chip\": \"d\", \"seed\": 3," \
  "  \"revenue_share\": 0.25, \"price_pass_through\": 0.3, \"license_approval_rate\": 0.8," \
  "  \"demand_pflops\": 1000000, \"demand_growth\": 0.4," \
  "  \"domestic_capacity_pflops\": 600000, \"domestic_capacity_growth\": 0.5," \
  "  \"domestic_installed_pflops\": 400000, \"domestic_learning_rate\": 0.15," \
  "  \"price_sensitivity\": 2, \"domestic_preference\": 0.5, \"capacity_spill\": 0.7," \
  "  \"ranges\": {" \
  "    \"revenue_share\": { \"low\": 0.1, \"mode\": 0.25, \"high\": 0.4 }," \
  "    \"price_pass_through\": { \"low\": 0, \"mode\": 0.3, \"high\": 0.6 }," \
  "    \"demand_growth\": { \"low\": 0.2, \"mode\": 0.4, \"high\": 0.7 }," \
  "    \"domestic_capacity_pflops\": { \"low\": 200000, \"mode\": 600000, \"high\": 2000000 }," \
  "    \"domestic_capacity_growth\": { \"low\": 0.3, \"mode\": 0.5, \"high\": 0.8 }," \
  "    \"domestic_learning_rate\": { \"low\": 0.05, \"mode\": 0.15, \"high\": 0.25 }," \
  "    \"price_sensitivity\": { \"low\": 1, \"mode\": 2, \"high\": 3 }," \
  "    \"electricity_usd_per_kwh\": { \"low\": 0.04, \"mode\": 0.08, \"high\": 0.12 } } } ] }"

#define EXACT_DRAWS 10000

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

/* Type 7 of the @n values at @x, sorting them. */
static void
sorted_quantiles (double       *x,
                  gsize         n,
                  CplQuantiles *out)
{
  static const double ps[] = { 0.1, 0.5, 0.9 };
  double q[3];

  qsort (x, n, sizeof (double), compare_doubles);
  for (guint j = 0; j < 3; j++)
    {
      double h = (n - 1) * ps[j];
      gsize lo = (gsize) floor (h);

      q[j] = x[lo] + (h - lo) * (x[MIN (lo + 1, n - 1)] - x[lo]);
    }
  *out = (CplQuantiles) { q[0], q[1], q[2] };
}

static void
assert_quantiles_equal (const CplQuantiles *actual,
                        const CplQuantiles *expected)
{
  g_assert_cmpfloat (actual->p10, ==, expected->p10);
  g_assert_cmpfloat (actual->p50, ==, expected->p50);
  g_assert_cmpfloat (actual->p90, ==, expected->p90);
}

static void
test_quantiles_exact (void)
{
  g_autoptr(CplDataset) dataset = load (THREE_CHIPS_JSON);
  CplScenario *scenario = scenario_of (dataset, "three");
  JsonObject *ranges = cpl_scenario_get_ranges (scenario);
  g_autoptr(CplScenario) copy = CPL_SCENARIO (cpl_entity_duplicate (CPL_ENTITY (scenario), "copy"));
  g_autoptr(GError) error = NULL;
  g_autoptr(CplUncertainty) u = cpl_uncertainty_compute (scenario, dataset, EXACT_DRAWS, 2, NULL, &error);
  guint n_years = (guint) cpl_scenario_get (scenario, CPL_SCENARIO_YEARS);
  g_autofree double *totals = g_new (double, CPL_N_TOTALS * EXACT_DRAWS);
  g_autofree double *years = g_new (double, (gsize) n_years * CPL_N_YEAR_OUTPUTS * EXACT_DRAWS);
  guint n_left_out = 0, n_binding = 0;
  CplQuantiles expected;

  g_assert_no_error (error);
  for (guint d = 0; d < EXACT_DRAWS; d++)
    {
      g_autoptr(CplProjection) p = NULL;
      CplRandom random;

      cpl_random_init_stream (&random, 3, d);
      for (guint f = 0; f < CPL_SCENARIO_N_FIELDS; f++)
        {
          const char *key = cpl_entity_get_field (CPL_ENTITY (scenario), f)->key;
          JsonObject *r;

          if (!json_object_has_member (ranges, key))
            continue;
          r = json_object_get_object_member (ranges, key);
          cpl_entity_set_number (CPL_ENTITY (copy), f,
                                 cpl_triangular_quantile (json_object_get_double_member (r, "low"),
                                                          json_object_get_double_member (r, "mode"),
                                                          json_object_get_double_member (r, "high"),
                                                          cpl_random_double (&random)),
                                 NULL);
        }
      p = cpl_projection_compute (copy, dataset, &error);
      g_assert_no_error (error);
      n_left_out += p->n_offered < p->n_chips;
      for (guint t = 0; t < CPL_N_TOTALS; t++)
        totals[t * EXACT_DRAWS + d] = cpl_projection_get_total (p, t);
      for (guint y = 0; y < n_years; y++)
        {
          CplProjectionYear *py = &p->years[y];
          double gross = 0, exported = 0;
          double *row = years + (gsize) y * CPL_N_YEAR_OUTPUTS * EXACT_DRAWS + d;

          for (guint v = 0; v < p->n_vendors; v++)
            gross += py->gross_revenue_usd[v];
          for (guint k = 0; k < p->n_chips; k++)
            exported += py->exported_pflops[k];
          n_binding += py->domestic_pflops < py->domestic_demand_pflops;
          row[CPL_YEAR_DOMESTIC_SHARE * EXACT_DRAWS] = py->domestic_share;
          row[CPL_YEAR_GOVERNMENT_TAKE * EXACT_DRAWS] = py->government_take_usd;
          row[CPL_YEAR_GROSS_REVENUE * EXACT_DRAWS] = gross;
          row[CPL_YEAR_COMPUTE_GAP * EXACT_DRAWS] = py->compute_gap_pflops;
          row[CPL_YEAR_DOMESTIC_PFLOPS * EXACT_DRAWS] = py->domestic_pflops;
          row[CPL_YEAR_DOMESTIC_UNITS * EXACT_DRAWS] = py->domestic_units;
          row[CPL_YEAR_EXPORTED_PFLOPS * EXACT_DRAWS] = exported;
        }
    }
  /* the draws reach the branches: a chip left out, capacity binding
   * and not (at 200,000–2,000,000 PFLOP/s against a demand of 10⁶) */
  g_assert_cmpuint (n_left_out, >, 0);
  g_assert_cmpuint (n_left_out, <, EXACT_DRAWS);
  g_assert_cmpuint (n_binding, >, 0);
  g_assert_cmpuint (n_binding, <, EXACT_DRAWS * n_years);

  for (guint t = 0; t < CPL_N_TOTALS; t++)
    {
      sorted_quantiles (totals + t * EXACT_DRAWS, EXACT_DRAWS, &expected);
      assert_quantiles_equal (cpl_uncertainty_get_total (u, t), &expected);
    }
  for (guint y = 0; y < n_years; y++)
    for (guint o = 0; o < CPL_N_YEAR_OUTPUTS; o++)
      {
        sorted_quantiles (years + ((gsize) y * CPL_N_YEAR_OUTPUTS + o) * EXACT_DRAWS, EXACT_DRAWS, &expected);
        assert_quantiles_equal (cpl_uncertainty_get_year (u, o, y), &expected);
      }
}

/* Tornado of the take in "linear": revenue_share from 0.05 to 0.45 moves
 * it from $100,000 to $900,000 (swing $800,000).  With electricity at $0
 * the energy cost is 0 whatever pue and domestic_power_subsidy are, so
 * they have no effect: swing 0, last, in the order of their keys. */
static void
test_tornado (void)
{
  g_autoptr(CplDataset) dataset =
    load (LINEAR (", \"ranges\": {"
                  " \"pue\": { \"low\": 1.1, \"mode\": 1.3, \"high\": 1.6 },"
                  " \"revenue_share\": { \"low\": 0.05, \"mode\": 0.15, \"high\": 0.45 },"
                  " \"domestic_power_subsidy\": { \"low\": 0, \"mode\": 0.2, \"high\": 0.5 } }"));
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) bars = cpl_tornado_compute (scenario_of (dataset, "linear"), dataset,
                                                CPL_TOTAL_GOVERNMENT_TAKE, &error);
  CplTornadoBar *bar;

  g_assert_no_error (error);
  g_assert_cmpuint (bars->len, ==, 3);
  bar = &g_array_index (bars, CplTornadoBar, 0);
  g_assert_cmpstr (bar->parameter, ==, "revenue_share");
  g_assert_cmpfloat (bar->low, ==, 0.05);
  g_assert_cmpfloat (bar->high, ==, 0.45);
  cpl_assert_near (bar->output_low, 100000, 1e-12);
  cpl_assert_near (bar->output_high, 900000, 1e-12);
  cpl_assert_near (bar->swing, 800000, 1e-12);
  bar = &g_array_index (bars, CplTornadoBar, 1);
  g_assert_cmpstr (bar->parameter, ==, "domestic_power_subsidy");
  g_assert_cmpfloat (bar->swing, ==, 0);
  bar = &g_array_index (bars, CplTornadoBar, 2);
  g_assert_cmpstr (bar->parameter, ==, "pue");
  g_assert_cmpfloat (bar->swing, ==, 0);
  /* the point value is back */
  g_assert_cmpfloat (cpl_scenario_get (scenario_of (dataset, "linear"), CPL_SCENARIO_PUE), ==, 1.3);
}

static void
test_cancelled (void)
{
  g_autoptr(CplDataset) dataset =
    load (LINEAR (", \"ranges\": { \"revenue_share\": { \"low\": 0.05, \"mode\": 0.15, \"high\": 0.45 } }"));
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  CplUncertainty *u;

  g_cancellable_cancel (cancellable);
  u = cpl_uncertainty_compute (scenario_of (dataset, "linear"), dataset, 10000, 2, cancellable, &error);
  g_assert_null (u);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
}

/* A draw whose projection is not finite fails the run with the
 * projection's own message: demand 10³⁰⁰ PFLOP/s growing by up to
 * 1000% a year overflows within the 40 years (11³⁹ > 10⁴⁰), while the
 * point value (no growth) stays finite. */
static void
test_draw_not_finite (void)
{
  g_autoptr(CplDataset) dataset =
    load (LINEAR (", \"demand_growth\": 0, \"ranges\": {"
                  " \"demand_growth\": { \"low\": 5, \"mode\": 8, \"high\": 10 } }"));
  CplScenario *scenario = scenario_of (dataset, "linear");
  g_autoptr(GError) error = NULL;
  g_autoptr(CplProjection) point = NULL;
  g_autoptr(CplUncertainty) u = NULL;

  cpl_entity_set_number (CPL_ENTITY (scenario), CPL_SCENARIO_YEARS, 40, &error);
  g_assert_no_error (error);
  cpl_entity_set_number (CPL_ENTITY (scenario), CPL_SCENARIO_DEMAND_PFLOPS, 1e300, &error);
  g_assert_no_error (error);
  point = cpl_projection_compute (scenario, dataset, &error);
  g_assert_no_error (error);
  u = cpl_uncertainty_compute (scenario, dataset, 100, 2, NULL, &error);
  g_assert_null (u);
  g_assert_error (error, CPL_DATASET_ERROR, CPL_DATASET_ERROR_RANGE);
  g_assert_nonnull (strstr (error->message, "scenario \"linear\""));
  g_assert_nonnull (strstr (error->message, "expected figures small enough"));
}

/* seed: an integer ≥ 0, default 1, saved like any field; it cannot carry
 * a range. */
static void
test_seed_field (void)
{
  static const struct { const char *extra, *message; } bad[] = {
    { ", \"seed\": -1", "scenarios[0].seed" },
    { ", \"seed\": 1.5", "scenarios[0].seed" },
    { ", \"seed\": \"1\"", "scenarios[0].seed" },
    { ", \"ranges\": { \"seed\": { \"low\": 1, \"mode\": 2, \"high\": 3 } }",
      "\"seed\" cannot carry a range" },
  };
  g_autoptr(CplDataset) dataset = load (LINEAR (", \"seed\": 42"));
  g_autofree char *saved = cpl_test_serialize (dataset);
  g_autoptr(CplDataset) reloaded = NULL;

  g_assert_cmpfloat (cpl_scenario_get (scenario_of (dataset, "linear"), CPL_SCENARIO_SEED), ==, 42);
  reloaded = load (saved);
  g_assert_nonnull (strstr (saved, "\"seed\""));
  g_assert_cmpfloat (cpl_scenario_get (scenario_of (reloaded, "linear"), CPL_SCENARIO_SEED), ==, 42);
  g_assert_false (cpl_scenario_has_ranges (scenario_of (dataset, "linear")));

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(CplDataset) refused = cpl_test_load_string (LINEAR ("%s"), NULL);
      g_autofree char *json = NULL;

      g_assert_null (refused);   /* "%s" is not JSON */
      json = g_strdup_printf (LINEAR ("%s"), bad[i].extra);
      refused = cpl_test_load_string (json, &error);
      g_assert_null (refused);
      g_assert_nonnull (error);
      if (strstr (error->message, bad[i].message) == NULL)
        g_error ("%s: message \"%s\" lacks \"%s\"", bad[i].extra, error->message, bad[i].message);
    }
}

/* Runs the app with @args (--compute never needs a display or a bus);
 * returns its exit status, stdout in *@out and stderr in *@err. */
static int
run_app (const char * const *args,
         char              **out,
         char              **err)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_auto(GStrv) envp = g_get_environ ();
  g_autoptr(GError) error = NULL;
  int status = 0;

  g_assert_nonnull (g_getenv ("CPL_EXE"));
  g_ptr_array_add (argv, (char *) g_getenv ("CPL_EXE"));
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (char *) args[i]);
  g_ptr_array_add (argv, NULL);
  envp = g_environ_unsetenv (envp, "DISPLAY");
  envp = g_environ_setenv (envp, "DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent/cpl-no-bus", TRUE);
  envp = g_environ_setenv (envp, "LC_ALL", "C.UTF-8", TRUE);
  g_spawn_sync (NULL, (char **) argv->pdata, envp, G_SPAWN_DEFAULT, NULL, NULL, out, err, &status, &error);
  g_assert_no_error (error);
  return status;
}

/* --compute adds "uncertainty" (MODEL.md §6) to the scenario with a range:
 * the quantiles of test_linear_take, the tornado of test_tornado, and the
 * same bytes on a second run. */
static void
test_compute_member (void)
{
  g_autofree char *dir = g_dir_make_tmp ("cpl-uncertainty-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "linear.json", NULL);
  const char *args[] = { "--compute", path, "--no-builtin", "--draws", "2000", NULL };
  g_autofree char *out = NULL, *out2 = NULL, *err = NULL, *err2 = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonObject *u, *take, *bar, *year;

  g_assert_nonnull (dir);
  g_file_set_contents (path, LINEAR (", \"ranges\": {"
                                     " \"pue\": { \"low\": 1.1, \"mode\": 1.3, \"high\": 1.6 },"
                                     " \"revenue_share\": { \"low\": 0.05, \"mode\": 0.15, \"high\": 0.45 } }"),
                       -1, &error);
  g_assert_no_error (error);
  g_assert_cmpint (run_app (args, &out, &err), ==, 0);
  g_assert_cmpint (run_app (args, &out2, &err2), ==, 0);
  g_assert_cmpstr (out, ==, out2);
  json_parser_load_from_data (parser, out, -1, &error);
  g_assert_no_error (error);
  u = json_object_get_object_member (
        json_array_get_object_element (
          json_object_get_array_member (json_node_get_object (json_parser_get_root (parser)), "scenarios"), 0),
        "uncertainty");
  g_assert_nonnull (u);
  g_assert_cmpint (json_object_get_int_member (u, "draws"), ==, 2000);
  g_assert_cmpint (json_object_get_int_member (u, "seed"), ==, 1);
  take = json_object_get_object_member (json_object_get_object_member (u, "totals"), "government_take_usd");
  /* s × $2,000,000 with s's P50 0.2050510 (test_linear_take) */
  cpl_assert_near (json_object_get_double_member (take, "p50"), 410102, 0.02);
  year = json_array_get_object_element (json_object_get_array_member (u, "years"), 0);
  g_assert_cmpint (json_object_get_int_member (year, "year"), ==, 2026);
  g_assert_cmpfloat (json_object_get_double_member (json_object_get_object_member (year, "government_take_usd"), "p50"),
                     ==, json_object_get_double_member (take, "p50"));
  bar = json_array_get_object_element (
          json_object_get_array_member (json_object_get_object_member (u, "tornado"), "government_take_usd"), 0);
  g_assert_cmpstr (json_object_get_string_member (bar, "parameter"), ==, "revenue_share");
  cpl_assert_near (json_object_get_double_member (bar, "swing"), 800000, 1e-12);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (
                      json_object_get_object_member (u, "tornado"), "compute_gap_pflops")), ==, 2);
  g_unlink (path);
  g_rmdir (dir);
}

/* --draws takes a whole number from 1 to 1,000,000 and goes with --compute */
static void
test_draws_option (void)
{
  static const char * const bad[] = { "0", "-5", "abc", "1.5", "1000001", "" };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      const char *args[] = { "--compute", "none.json", "--draws", bad[i], NULL };
      g_autofree char *out = NULL, *err = NULL;
      g_autofree char *expected = g_strdup_printf ("--draws “%s” is not a whole number from 1 to 1000000; "
                                                   "expected the number of Monte Carlo draws", bad[i]);

      g_assert_cmpint (run_app (args, &out, &err), !=, 0);
      if (strstr (err, expected) == NULL)
        g_error ("--draws %s: stderr \"%s\" lacks \"%s\"", bad[i], err, expected);
      g_assert_cmpstr (out, ==, "");
    }
  {
    const char *args[] = { "--draws", "100", NULL };
    g_autofree char *out = NULL, *err = NULL;

    g_assert_cmpint (run_app (args, &out, &err), !=, 0);
    g_assert_nonnull (strstr (err, "--draws goes with --compute"));
  }
}

/* The snapshot a worker thread projects on: copies of the scenario's
 * chips only, giving the same projection; a later edit of the live chip
 * does not reach it. */
static void
test_chips_snapshot (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CplDataset) dataset = cpl_dataset_new_builtin (&error);
  CplScenario *scenario = CPL_SCENARIO (cpl_dataset_lookup (dataset, CPL_TYPE_SCENARIO, "h200-share-25"));
  g_autoptr(CplDataset) snapshot = cpl_scenario_chips_snapshot (scenario, dataset);
  g_autoptr(CplProjection) live = cpl_projection_compute (scenario, dataset, &error);
  g_autoptr(CplProjection) copy = cpl_projection_compute (scenario, snapshot, &error);
  CplChip *h200 = cpl_dataset_lookup_chip (dataset, "nvidia-h200");

  g_assert_no_error (error);
  /* the H200 and the Ascend 910C, nothing else */
  g_assert_cmpuint (g_list_model_get_n_items (cpl_dataset_get_chips (snapshot)), ==, 2);
  g_assert_nonnull (cpl_dataset_lookup_chip (snapshot, "huawei-ascend-910c"));
  for (guint t = 0; t < CPL_N_TOTALS; t++)
    g_assert_cmpfloat (cpl_projection_get_total (copy, t), ==, cpl_projection_get_total (live, t));

  g_assert_true (cpl_entity_set_number (CPL_ENTITY (h200), CPL_CHIP_PRICE_USD, 1, NULL));
  g_assert_cmpfloat (cpl_chip_get (cpl_dataset_lookup_chip (snapshot, "nvidia-h200"), CPL_CHIP_PRICE_USD), ==, 27000);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/uncertainty/generator-reference", test_generator_reference);
  g_test_add_func ("/uncertainty/chips-snapshot", test_chips_snapshot);
  g_test_add_func ("/uncertainty/triangular-mean", test_triangular_mean);
  g_test_add_func ("/uncertainty/linear-take", test_linear_take);
  g_test_add_func ("/uncertainty/degenerate", test_degenerate);
  g_test_add_func ("/uncertainty/deterministic", test_deterministic);
  g_test_add_func ("/uncertainty/quantiles-exact", test_quantiles_exact);
  g_test_add_func ("/uncertainty/tornado", test_tornado);
  g_test_add_func ("/uncertainty/cancelled", test_cancelled);
  g_test_add_func ("/uncertainty/draw-not-finite", test_draw_not_finite);
  g_test_add_func ("/uncertainty/seed-field", test_seed_field);
  g_test_add_func ("/uncertainty/compute-member", test_compute_member);
  g_test_add_func ("/uncertainty/draws-option", test_draws_option);
  return g_test_run ();
}
