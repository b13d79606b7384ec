/* test-projection.c: scenario projection (MODEL.md §5)
 *
 * tests/fixtures/two-chips.json, scenario "two-years": exported chips X
 * (F = 1,000 TFLOPS, $2,000, vendor va) and Y (F = 500, $2,000, vendor vb),
 * domestic chip D (F₀ = 250, $1,000); no electricity and L = 1 year, so
 * the yearly cost is the buyer price and c = 1000 · p̂ / F:
 *   c_X = 2,000   c_Y = 4,000   c_D,0 = 4,000   (s = 0.2, π = 0: p̂ = p)
 * β = 1, b = 0, a = 0.8, C₀ = 1,000 with g = 1, K = 300 flat, Q₀ = 300,
 * λ = 0.2.
 */
#include "config.h"

#include <string.h>

#include "cpl-test-util.h"

static guint
vendor_index (CplProjection *p,
              const char    *id)
{
  for (guint v = 0; v < p->n_vendors; v++)
    if (g_str_equal (p->vendor_ids[v], id))
      return v;
  g_assert_not_reached ();
}

static void
test_two_years (void)
{
  g_autoptr(CplDataset) dataset = cpl_test_load_fixture ("two-chips.json", CPL_LOAD_ALONE);
  CplScenario *scenario = CPL_SCENARIO (cpl_dataset_lookup (dataset, CPL_TYPE_SCENARIO, "two-years"));
  g_autoptr(GError) error = NULL;
  g_autoptr(CplProjection) p = cpl_projection_compute (scenario, dataset, &error);
  const CplProjectionYear *y0, *y1;
  guint va, vb;

  g_assert_no_error (error);
  g_assert_cmpuint (p->n_years, ==, 2);
  g_assert_cmpuint (p->n_chips, ==, 2);
  g_assert_cmpuint (p->n_vendors, ==, 2);
  g_assert_cmpstr (p->chip_ids[0], ==, "chip-x");
  va = vendor_index (p, "va");
  vb = vendor_index (p, "vb");
  y0 = &p->years[0];
  y1 = &p->years[1];

  g_assert_cmpfloat_with_epsilon (p->chip_cost[0], 2000, 1e-9);
  g_assert_cmpfloat_with_epsilon (p->chip_cost[1], 4000, 1e-9);

  /* Year 2026: weights 1/2,000 : 1/4,000 : 1/4,000 = 2 : 1 : 1, so
   * D_X = 500, D_Y = 250, D_d = 250.  X_X = 0.8 × 500 = 400, X_Y = 200.
   * Spill: R_d = 250 + 0.2 × 750 = 400; capacity binds: I = 300, gap 100. */
  g_assert_cmpint (y0->year, ==, 2026);
  g_assert_cmpfloat_with_epsilon (y0->demand_pflops, 1000, 1e-9);
  g_assert_cmpfloat_with_epsilon (y0->exported_pflops[0], 400, 1e-9);
  g_assert_cmpfloat_with_epsilon (y0->exported_pflops[1], 200, 1e-9);
  g_assert_cmpfloat_with_epsilon (y0->domestic_demand_pflops, 400, 1e-9);
  g_assert_cmpfloat_with_epsilon (y0->domestic_pflops, 300, 1e-9);
  g_assert_cmpfloat_with_epsilon (y0->compute_gap_pflops, 100, 1e-9);
  /* Units: 1000 × 400 / 1,000 = 400 X; 1000 × 200 / 500 = 400 Y;
   * 1000 × 300 / 250 = 1,200 D */
  g_assert_cmpfloat_with_epsilon (y0->exported_units[0], 400, 1e-9);
  g_assert_cmpfloat_with_epsilon (y0->exported_units[1], 400, 1e-9);
  g_assert_cmpfloat_with_epsilon (y0->domestic_units, 1200, 1e-9);
  /* Money: 400 × $2,000 = $800,000 to each vendor; take 0.2 × 1.6 M =
   * $320,000; vendor net 0.8 × 800,000 = $640,000; domestic 1,200 × $1,000 */
  g_assert_cmpfloat_with_epsilon (y0->gross_revenue_usd[va], 800000, 1e-6);
  g_assert_cmpfloat_with_epsilon (y0->gross_revenue_usd[vb], 800000, 1e-6);
  g_assert_cmpfloat_with_epsilon (y0->government_take_usd, 320000, 1e-6);
  g_assert_cmpfloat_with_epsilon (y0->vendor_net_revenue_usd[va], 640000, 1e-6);
  g_assert_cmpfloat_with_epsilon (y0->domestic_revenue_usd, 1200000, 1e-6);
  /* Share: 300 / (300 + 600) = 1/3 */
  cpl_assert_near (y0->domestic_share, 1.0 / 3, 1e-12);
  g_assert_cmpfloat_with_epsilon (y0->domestic_cost, 4000, 1e-9);

  /* Year 2027: Q₁ = 300 + 300 = 600, a doubling, so with λ = 0.2
   * F_d = 250 × 2^γ = 250 / 0.8 = 312.5 and c_d = 4,000 × 0.8 = 3,200. */
  g_assert_cmpint (y1->year, ==, 2027);
  cpl_assert_near (y1->domestic_tflops_per_chip, 312.5, 1e-12);
  cpl_assert_near (y1->domestic_cost, 3200, 1e-12);
  /* C₁ = 1,000 × 2 = 2,000.  Weights 1/2,000 : 1/4,000 : 1/3,200 =
   * 8 : 4 : 5 (×1/16,000), sum 17: D_X = 16,000/17 = 941.18,
   * D_Y = 8,000/17 = 470.59, D_d = 10,000/17 = 588.24.
   * X_X = 12,800/17 = 752.94, X_Y = 6,400/17 = 376.47;
   * R_d = 10,000/17 + 0.2 × 24,000/17 = 14,800/17 = 870.59;
   * I = 300, gap = 14,800/17 − 300 = 9,700/17 = 570.59 */
  cpl_assert_near (y1->demand_pflops, 2000, 1e-12);
  cpl_assert_near (y1->exported_pflops[0], 12800.0 / 17, 1e-12);
  cpl_assert_near (y1->exported_pflops[1], 6400.0 / 17, 1e-12);
  cpl_assert_near (y1->domestic_demand_pflops, 14800.0 / 17, 1e-12);
  cpl_assert_near (y1->domestic_pflops, 300, 1e-12);
  cpl_assert_near (y1->compute_gap_pflops, 9700.0 / 17, 1e-12);
  /* Units: X 12,800/17 = 752.94; Y 1000 × (6,400/17) / 500 = 752.94;
   * D 1000 × 300 / 312.5 = 960 */
  cpl_assert_near (y1->exported_units[0], 12800.0 / 17, 1e-12);
  cpl_assert_near (y1->exported_units[1], 12800.0 / 17, 1e-12);
  cpl_assert_near (y1->domestic_units, 960, 1e-12);
  /* Money: each vendor 12,800/17 × 2,000 = 1,505,882.35; take
   * 0.2 × 51,200,000/17 = 10,240,000/17 = 602,352.94 */
  cpl_assert_near (y1->gross_revenue_usd[va], 25600000.0 / 17, 1e-12);
  cpl_assert_near (y1->government_take_usd, 10240000.0 / 17, 1e-12);
  cpl_assert_near (y1->domestic_revenue_usd, 960000, 1e-12);
  /* Share: 300 / (300 + 19,200/17) = 5,100 / 24,300 = 0.209877 */
  cpl_assert_near (y1->domestic_share, 5100.0 / 24300, 1e-12);

  /* Totals: take 320,000 + 602,352.94 = 922,352.94; gap 100 + 570.59;
   * installed 600; final share 0.209877; va gross 800,000 + 1,505,882.35 */
  cpl_assert_near (p->total_government_take_usd, 320000 + 10240000.0 / 17, 1e-12);
  cpl_assert_near (p->total_compute_gap_pflops, 100 + 9700.0 / 17, 1e-12);
  cpl_assert_near (p->total_domestic_installed_pflops, 600, 1e-12);
  cpl_assert_near (p->final_domestic_share, 5100.0 / 24300, 1e-12);
  cpl_assert_near (p->total_gross_revenue_usd[va], 800000 + 25600000.0 / 17, 1e-12);
}

/* No allowed chip: all demand is domestic (step 3). */
static void
test_ban (void)
{
  g_autoptr(CplDataset) dataset = cpl_test_load_fixture ("two-chips.json", CPL_LOAD_ALONE);
  CplScenario *scenario = CPL_SCENARIO (cpl_dataset_lookup (dataset, CPL_TYPE_SCENARIO, "ban"));
  g_autoptr(CplProjection) p = cpl_projection_compute (scenario, dataset, NULL);

  g_assert_nonnull (p);
  g_assert_cmpuint (p->n_chips, ==, 0);
  g_assert_cmpuint (p->n_vendors, ==, 0);
  /* C = 100 all domestic; K = 50 → I = 50, gap 50, share 50/50 = 1 */
  g_assert_cmpfloat_with_epsilon (p->years[0].domestic_pflops, 50, 1e-9);
  g_assert_cmpfloat_with_epsilon (p->years[0].compute_gap_pflops, 50, 1e-9);
  g_assert_cmpfloat_with_epsilon (p->final_domestic_share, 1, 1e-12);
  g_assert_cmpfloat (p->total_government_take_usd, ==, 0);
}

/* A chip that cannot enter a scenario is refused with a message, also
 * after an edit made in the app (not only when a file is read). */
static void
test_unusable_after_edit (void)
{
  g_autoptr(CplDataset) dataset = cpl_test_load_fixture ("two-chips.json", CPL_LOAD_ALONE);
  CplScenario *scenario = CPL_SCENARIO (cpl_dataset_lookup (dataset, CPL_TYPE_SCENARIO, "two-years"));
  CplChip *y = cpl_dataset_lookup_chip (dataset, "chip-y");
  g_autoptr(GError) error = NULL;
  g_autoptr(CplProjection) p = NULL;

  g_assert_true (cpl_entity_set_number (CPL_ENTITY (y), CPL_CHIP_PERFORMANCE + CPL_PRECISION_BF16, NAN, NULL));
  p = cpl_projection_compute (scenario, dataset, &error);
  g_assert_null (p);
  g_assert_error (error, CPL_DATASET_ERROR, CPL_DATASET_ERROR_UNUSABLE);
  g_assert_nonnull (strstr (error->message, "allowed_chips[1]"));
  g_assert_nonnull (strstr (error->message, "chip-y"));
  g_assert_nonnull (strstr (error->message, "bf16"));
}

/* Values at the edge of their ranges stay finite. */
static void
test_extremes_stay_finite (void)
{
  g_autoptr(CplDataset) dataset = cpl_test_load_fixture ("two-chips.json", CPL_LOAD_ALONE);
  CplEntity *scenario = cpl_dataset_lookup (dataset, CPL_TYPE_SCENARIO, "two-years");
  g_autoptr(CplProjection) p = NULL;

  /* β = 50 with costs of thousands: c^(−50) underflows to 0 in doubles;
   * the weights are taken in logs, so the split stays defined. */
  g_assert_true (cpl_entity_set_number (scenario, CPL_SCENARIO_PRICE_SENSITIVITY, 50, NULL));
  g_assert_true (cpl_entity_set_number (scenario, CPL_SCENARIO_YEARS, 50, NULL));
  g_assert_true (cpl_entity_set_number (scenario, CPL_SCENARIO_DEMAND_GROWTH, 10, NULL));
  p = cpl_projection_compute (CPL_SCENARIO (scenario), dataset, NULL);
  g_assert_nonnull (p);
  for (guint t = 0; t < p->n_years; t++)
    {
      g_assert_true (isfinite (p->years[t].domestic_share));
      g_assert_true (isfinite (p->years[t].exported_pflops[0]));
      g_assert_true (isfinite (p->years[t].government_take_usd));
    }
  /* X is the cheapest by far: with β = 50 it takes nearly all of the
   * demand in year 0: weight ratio (4,000/2,000)^50 = 2^50 */
  cpl_assert_near (p->years[0].exported_pflops[0], 0.8 * 1000, 1e-9);

  /* an edit that overflows: 10³⁰⁰ PFLOP/s growing 11-fold a year passes
   * 1.8 × 10³⁰⁸ within a year; refused with a message, never Infinity */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(CplProjection) overflow = NULL;

    g_assert_true (cpl_entity_set_number (scenario, CPL_SCENARIO_DEMAND_PFLOPS, 1e300, NULL));
    overflow = cpl_projection_compute (CPL_SCENARIO (scenario), dataset, &error);
    g_assert_null (overflow);
    g_assert_error (error, CPL_DATASET_ERROR, CPL_DATASET_ERROR_RANGE);
    g_assert_nonnull (strstr (error->message, "scenario \"two-years\": the projection's"));
    g_assert_nonnull (strstr (error->message, "is Infinity"));
  }
}

/* The year the domestic chip becomes the cheapest compute. */
static void
test_crossover (void)
{
  g_autoptr(CplDataset) dataset = cpl_test_load_fixture ("two-chips.json", CPL_LOAD_ALONE);
  CplScenario *scenario = CPL_SCENARIO (cpl_dataset_lookup (dataset, CPL_TYPE_SCENARIO, "two-years"));
  CplEntity *x = CPL_ENTITY (cpl_dataset_lookup_chip (dataset, "chip-x"));
  g_autoptr(CplProjection) before = cpl_projection_compute (scenario, dataset, NULL);
  g_autoptr(CplProjection) after = NULL;
  g_autoptr(CplProjection) ban = NULL;

  /* c_X = 2,000 stays below c_D = 4,000 then 3,200: never */
  g_assert_cmpint (cpl_projection_get_crossover (before), ==, -1);
  /* X at $3,500: c_X = 1000 × 3,500 / 1,000 = 3,500; c_D 4,000 in 2026 is
   * above it, 3,200 in 2027 below: from the second year */
  g_assert_true (cpl_entity_set_number (x, CPL_CHIP_PRICE_USD, 3500, NULL));
  after = cpl_projection_compute (scenario, dataset, NULL);
  g_assert_cmpint (cpl_projection_get_crossover (after), ==, 1);
  g_assert_cmpint (after->years[1].year, ==, 2027);
  /* no exported chip: nothing to compare */
  ban = cpl_projection_compute (CPL_SCENARIO (cpl_dataset_lookup (dataset, CPL_TYPE_SCENARIO, "ban")), dataset, NULL);
  g_assert_cmpint (cpl_projection_get_crossover (ban), ==, -2);
}

/* Editing a field notifies, and the dataset relays it. */
static void
on_entry_changed (CplDataset *dataset,
                  CplEntity  *entity,
                  guint      *count)
{
  (*count)++;
}

static void
test_change_notification (void)
{
  g_autoptr(CplDataset) dataset = cpl_test_load_fixture ("two-chips.json", CPL_LOAD_ALONE);
  CplEntity *scenario = cpl_dataset_lookup (dataset, CPL_TYPE_SCENARIO, "two-years");
  g_autoptr(GError) error = NULL;
  guint count = 0;

  g_signal_connect (dataset, "entry-changed", G_CALLBACK (on_entry_changed), &count);
  g_assert_true (cpl_entity_set_number (scenario, CPL_SCENARIO_REVENUE_SHARE, 0.25, NULL));
  g_assert_cmpuint (count, ==, 1);
  /* out of range: refused, unchanged, no notification */
  g_assert_false (cpl_entity_set_number (scenario, CPL_SCENARIO_REVENUE_SHARE, 1.3, &error));
  g_assert_error (error, CPL_DATASET_ERROR, CPL_DATASET_ERROR_RANGE);
  g_assert_cmpfloat (cpl_scenario_get (CPL_SCENARIO (scenario), CPL_SCENARIO_REVENUE_SHARE), ==, 0.25);
  g_assert_cmpuint (count, ==, 1);
  /* the property is the same field */
  g_object_set (scenario, "revenue-share", 0.3, NULL);
  g_assert_cmpfloat (cpl_scenario_get (CPL_SCENARIO (scenario), CPL_SCENARIO_REVENUE_SHARE), ==, 0.3);
  g_assert_cmpuint (count, ==, 2);
  cpl_scenario_set_allowed_chips (CPL_SCENARIO (scenario), (const char *[]) { "chip-x", NULL });
  g_assert_cmpuint (count, ==, 3);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/projection/two-years", test_two_years);
  g_test_add_func ("/projection/ban", test_ban);
  g_test_add_func ("/projection/unusable-after-edit", test_unusable_after_edit);
  g_test_add_func ("/projection/extremes-stay-finite", test_extremes_stay_finite);
  g_test_add_func ("/projection/crossover", test_crossover);
  g_test_add_func ("/projection/change-notification", test_change_notification);
  return g_test_run ();
}
