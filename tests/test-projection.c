/* test-projection.c: scenario projection (MODEL.md §5)
 *
 * tests/fixtures/two-chips.json, scenario "two-years": exported chips X
 * (F = 1,000 TFLOPS, $2,000, vendor va) and Y (F = 500, $2,000, vendor vb),
 * domestic chip D (F₀ = 250, $1,000); no electricity and L = 1 year, so
 * the yearly cost is the buyer price and c = 1000 · p̂ / F:
 *   c_X = 2,000   c_Y = 4,000   c_D,0 = 4,000   (s = 0.2, π = 0: p̂ = p)
 * β = 1, b = 0, a = 0.8, C₀ = 1,000 with g = 1, K = 300 flat, Q₀ = 300,
 * λ = 0.2, capacity_spill σ = 1 (the default: not in the file).
 *
 * tests/fixtures/spill.json (steps 3 and 6): the same chips X, Y and D,
 * no electricity, L = 1, s = 0.25 and π = 0, so c_X = 2,000,
 * c_Y = c_D = 4,000 and a net price of 0.75 × $2,000 = $1,500 for X and Y.
 */
#include "config.h"

#include <locale.h>
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
   * D_X = 500, D_Y = 250, D_d = 250.  Step 5: X_X = 0.8 × 500 = 400,
   * X_Y = 200; R_d = 250 + 0.2 × 750 = 400.  Step 6: capacity binds,
   * I = 300, O = 100; with the default capacity_spill σ = 1, a·σ·O =
   * 0.8 × 100 = 80 turns to X and Y by their weights 2 : 1:
   * X_X = 400 + 160/3 = 1,360/3, X_Y = 200 + 80/3 = 680/3; gap 100 − 80 = 20. */
  g_assert_cmpint (y0->year, ==, 2026);
  g_assert_cmpfloat_with_epsilon (y0->demand_pflops, 1000, 1e-9);
  cpl_assert_near (y0->exported_pflops[0], 1360.0 / 3, 1e-12);
  cpl_assert_near (y0->exported_pflops[1], 680.0 / 3, 1e-12);
  g_assert_cmpfloat_with_epsilon (y0->domestic_demand_pflops, 400, 1e-9);
  g_assert_cmpfloat_with_epsilon (y0->domestic_pflops, 300, 1e-9);
  cpl_assert_near (y0->capacity_spill_pflops, 80, 1e-12);
  cpl_assert_near (y0->compute_gap_pflops, 20, 1e-12);
  /* Units: 1000 × (1,360/3) / 1,000 = 1,360/3 X; 1000 × (680/3) / 500 =
   * 1,360/3 Y; 1000 × 300 / 250 = 1,200 D */
  cpl_assert_near (y0->exported_units[0], 1360.0 / 3, 1e-12);
  cpl_assert_near (y0->exported_units[1], 1360.0 / 3, 1e-12);
  g_assert_cmpfloat_with_epsilon (y0->domestic_units, 1200, 1e-9);
  /* Money: 1,360/3 × $2,000 = $2,720,000/3 to each vendor; take 0.2 ×
   * 5,440,000/3 = $1,088,000/3; vendor net 0.8 × 2,720,000/3 =
   * $2,176,000/3; domestic 1,200 × $1,000 */
  cpl_assert_near (y0->gross_revenue_usd[va], 2720000.0 / 3, 1e-12);
  cpl_assert_near (y0->gross_revenue_usd[vb], 2720000.0 / 3, 1e-12);
  cpl_assert_near (y0->government_take_usd, 1088000.0 / 3, 1e-12);
  cpl_assert_near (y0->vendor_net_revenue_usd[va], 2176000.0 / 3, 1e-12);
  g_assert_cmpfloat_with_epsilon (y0->domestic_revenue_usd, 1200000, 1e-6);
  /* Share: 300 / (300 + 2,040/3) = 300 / 980 = 15/49 */
  cpl_assert_near (y0->domestic_share, 15.0 / 49, 1e-12);
  g_assert_cmpfloat_with_epsilon (y0->domestic_cost, 4000, 1e-9);

  /* Year 2027: Q₁ = 300 + 300 = 600, a doubling, so with λ = 0.2
   * F_d = 250 × 2^γ = 250 / 0.8 = 312.5 and c_d = 4,000 × 0.8 = 3,200. */
  g_assert_cmpint (y1->year, ==, 2027);
  cpl_assert_near (y1->domestic_tflops_per_chip, 312.5, 1e-12);
  cpl_assert_near (y1->domestic_cost, 3200, 1e-12);
  /* C₁ = 1,000 × 2 = 2,000.  Weights 1/2,000 : 1/4,000 : 1/3,200 =
   * 8 : 4 : 5 (×1/16,000), sum 17: D_X = 16,000/17, D_Y = 8,000/17,
   * D_d = 10,000/17.  Step 5: X_X = 12,800/17, X_Y = 6,400/17;
   * R_d = 10,000/17 + 0.2 × 24,000/17 = 14,800/17 = 870.59.
   * Step 6: I = 300 = 5,100/17, O = 9,700/17; a·σ·O = 0.8 × 9,700/17 =
   * 7,760/17, split 8 : 4 = 2 : 1: X_X += 15,520/51, X_Y += 7,760/51, so
   * X_X = 38,400/51 + 15,520/51 = 53,920/51 = 1,057.25 and
   * X_Y = 19,200/51 + 7,760/51 = 26,960/51 = 528.63;
   * gap = 9,700/17 − 7,760/17 = 1,940/17 = 114.12 */
  cpl_assert_near (y1->demand_pflops, 2000, 1e-12);
  cpl_assert_near (y1->exported_pflops[0], 53920.0 / 51, 1e-12);
  cpl_assert_near (y1->exported_pflops[1], 26960.0 / 51, 1e-12);
  cpl_assert_near (y1->domestic_demand_pflops, 14800.0 / 17, 1e-12);
  cpl_assert_near (y1->domestic_pflops, 300, 1e-12);
  cpl_assert_near (y1->capacity_spill_pflops, 7760.0 / 17, 1e-12);
  cpl_assert_near (y1->compute_gap_pflops, 1940.0 / 17, 1e-12);
  /* Units: X 1000 × (53,920/51) / 1,000 = 53,920/51; Y 1000 ×
   * (26,960/51) / 500 = 53,920/51; D 1000 × 300 / 312.5 = 960 */
  cpl_assert_near (y1->exported_units[0], 53920.0 / 51, 1e-12);
  cpl_assert_near (y1->exported_units[1], 53920.0 / 51, 1e-12);
  cpl_assert_near (y1->domestic_units, 960, 1e-12);
  /* Money: each vendor 53,920/51 × 2,000 = 107,840,000/51 = 2,114,509.80;
   * take 0.2 × 215,680,000/51 = 43,136,000/51 = 845,803.92 */
  cpl_assert_near (y1->gross_revenue_usd[va], 107840000.0 / 51, 1e-12);
  cpl_assert_near (y1->government_take_usd, 43136000.0 / 51, 1e-12);
  cpl_assert_near (y1->domestic_revenue_usd, 960000, 1e-12);
  /* Share: 300 / (300 + 80,880/51) = 15,300 / 96,180 = 255/1,603 = 0.159077 */
  cpl_assert_near (y1->domestic_share, 255.0 / 1603, 1e-12);

  /* Totals: take 1,088,000/3 + 43,136,000/51 = 61,632,000/51 =
   * 1,208,470.59; gap 20 + 1,940/17; installed 600; final share
   * 255/1,603; va gross 2,720,000/3 + 107,840,000/51 */
  cpl_assert_near (p->total_government_take_usd, 61632000.0 / 51, 1e-12);
  cpl_assert_near (p->total_compute_gap_pflops, 20 + 1940.0 / 17, 1e-12);
  cpl_assert_near (p->total_domestic_installed_pflops, 600, 1e-12);
  cpl_assert_near (p->final_domestic_share, 255.0 / 1603, 1e-12);
  cpl_assert_near (p->total_gross_revenue_usd[va], 2720000.0 / 3 + 107840000.0 / 51, 1e-12);

  /* The same totals by key; gross of all vendors is the take over the
   * share: (61,632,000/51) / 0.2 = 308,160,000/51 */
  cpl_assert_near (cpl_projection_get_total (p, CPL_TOTAL_GOVERNMENT_TAKE), 61632000.0 / 51, 1e-12);
  cpl_assert_near (cpl_projection_get_total (p, CPL_TOTAL_GROSS_REVENUE), 308160000.0 / 51, 1e-12);
  cpl_assert_near (cpl_projection_get_total (p, CPL_TOTAL_COMPUTE_GAP), 20 + 1940.0 / 17, 1e-12);
  cpl_assert_near (cpl_projection_get_total (p, CPL_TOTAL_DOMESTIC_INSTALLED), 600, 1e-12);
  cpl_assert_near (cpl_projection_get_total (p, CPL_TOTAL_FINAL_DOMESTIC_SHARE), 255.0 / 1603, 1e-12);
  {
    CplTotal total = CPL_N_TOTALS;

    g_assert_true (cpl_total_from_key ("final_domestic_share", &total));
    g_assert_cmpint (total, ==, CPL_TOTAL_FINAL_DOMESTIC_SHARE);
    g_assert_cmpstr (cpl_total_get_key (CPL_TOTAL_COMPUTE_GAP), ==, "compute_gap_pflops");
    g_assert_false (cpl_total_from_key ("take", &total));
  }
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
  /* C = 100 all domestic; K = 50 → I = 50; no chip to spill to (step 6:
   * Gₜ = Oₜ), gap 50; share 50/50 = 1 */
  g_assert_cmpfloat_with_epsilon (p->years[0].domestic_pflops, 50, 1e-9);
  g_assert_cmpfloat (p->years[0].capacity_spill_pflops, ==, 0);
  g_assert_cmpfloat_with_epsilon (p->years[0].compute_gap_pflops, 50, 1e-9);
  g_assert_cmpfloat_with_epsilon (p->final_domestic_share, 1, 1e-12);
  g_assert_cmpfloat (p->total_government_take_usd, ==, 0);
  /* what binds: capacity 50 < 100, and nothing may take the rest */
  {
    g_autofree char *text = cpl_projection_explain (p, scenario, dataset);

    g_assert_cmpstr (text, ==, "Domestic supply is capped by capacity in 2026.\n"
                               "The demand for domestic chips above their capacity becomes a compute gap: no chip may be exported.");
  }
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

static CplDataset *
load_spill (CplScenario **one_chip)
{
  CplDataset *dataset = cpl_test_load_fixture ("spill.json", CPL_LOAD_ALONE);

  if (one_chip != NULL)
    *one_chip = CPL_SCENARIO (cpl_dataset_lookup (dataset, CPL_TYPE_SCENARIO, "one-chip"));
  return dataset;
}

static void
set_number (gpointer entity,
            guint    field,
            double   value)
{
  g_autoptr(GError) error = NULL;

  cpl_entity_set_number (CPL_ENTITY (entity), field, value, &error);
  g_assert_no_error (error);
}

/* Step 6 with one exported chip, "one-chip" in 2026: C = 900, weights
 * w_X : w_D = 1/2,000 : 1/4,000 = 2 : 1, so D_X = 600, D_d = 300.
 * Step 5 with a = 0.5: X = 300, R_d = 300 + 0.5 × 600 = 600.  K = 300:
 * I = 300, O = 300. */
static void
test_capacity_spill (void)
{
  CplScenario *scenario;
  g_autoptr(CplDataset) dataset = load_spill (&scenario);
  g_autoptr(CplProjection) full = NULL;
  g_autoptr(CplProjection) half = NULL;
  g_autoptr(CplProjection) none = NULL;

  /* σ = 1 (the default): a·σ·O = 0.5 × 300 = 150 to X, X = 450,
   * gap 300 − 150 = 150, share 300 / (300 + 450) = 0.4; units 1000 ×
   * 450 / 1,000 = 450; take 0.25 × 450 × $2,000 = $225,000 */
  full = cpl_projection_compute (scenario, dataset, NULL);
  g_assert_nonnull (full);
  g_assert_true (full->chip_offered[0]);
  cpl_assert_near (full->years[0].domestic_pflops, 300, 1e-12);
  cpl_assert_near (full->years[0].capacity_spill_pflops, 150, 1e-12);
  cpl_assert_near (full->years[0].exported_pflops[0], 450, 1e-12);
  cpl_assert_near (full->years[0].compute_gap_pflops, 150, 1e-12);
  cpl_assert_near (full->years[0].domestic_share, 0.4, 1e-12);
  cpl_assert_near (full->years[0].exported_units[0], 450, 1e-12);
  cpl_assert_near (full->years[0].government_take_usd, 225000, 1e-12);
  /* 2027: K = 300 × 1.5 = 450, R_d = 600 again (no learning, flat
   * demand): I = 450, O = 150, spill 75, X = 375, gap 75.  2028: K = 675
   * ≥ 600: I = 600, nothing spills, X = 300, gap 0 */
  cpl_assert_near (full->years[1].domestic_pflops, 450, 1e-12);
  cpl_assert_near (full->years[1].exported_pflops[0], 375, 1e-12);
  cpl_assert_near (full->years[1].compute_gap_pflops, 75, 1e-12);
  cpl_assert_near (full->years[2].domestic_pflops, 600, 1e-12);
  g_assert_cmpfloat (full->years[2].capacity_spill_pflops, ==, 0);
  cpl_assert_near (full->years[2].exported_pflops[0], 300, 1e-12);
  g_assert_cmpfloat (full->years[2].compute_gap_pflops, ==, 0);

  /* σ = 0.5: 0.5 × 0.5 × 300 = 75 to X, X = 375, gap 225, I unchanged,
   * share 300 / 675 = 4/9 */
  set_number (scenario, CPL_SCENARIO_CAPACITY_SPILL, 0.5);
  half = cpl_projection_compute (scenario, dataset, NULL);
  cpl_assert_near (half->years[0].domestic_pflops, 300, 1e-12);
  cpl_assert_near (half->years[0].capacity_spill_pflops, 75, 1e-12);
  cpl_assert_near (half->years[0].exported_pflops[0], 375, 1e-12);
  cpl_assert_near (half->years[0].compute_gap_pflops, 225, 1e-12);
  cpl_assert_near (half->years[0].domestic_share, 4.0 / 9, 1e-12);

  /* σ = 0, the old model: X = 300, gap = O = 300, share 300/600 */
  set_number (scenario, CPL_SCENARIO_CAPACITY_SPILL, 0);
  none = cpl_projection_compute (scenario, dataset, NULL);
  cpl_assert_near (none->years[0].exported_pflops[0], 300, 1e-12);
  cpl_assert_near (none->years[0].compute_gap_pflops, 300, 1e-12);
  cpl_assert_near (none->years[0].domestic_share, 0.5, 1e-12);
}

/* Step 3: X's net price is (1 − 0.25) × $2,000 = $1,500. */
static void
test_offer_rule (void)
{
  CplScenario *scenario;
  g_autoptr(CplDataset) dataset = load_spill (&scenario);
  CplChip *x = cpl_dataset_lookup_chip (dataset, "chip-x");
  g_autoptr(CplProjection) above = NULL;
  g_autoptr(CplProjection) boundary = NULL;
  g_autoptr(CplProjection) below = NULL;
  g_autoptr(CplProjection) passed = NULL;

  /* unit cost $1,600 > $1,500: left out, so all demand is domestic:
   * R_d = C = 900, I = 300, nothing to spill to, gap 600, no exports,
   * share 300/300 = 1, no take; nothing to compare costs with */
  set_number (x, CPL_CHIP_UNIT_COST_USD, 1600);
  above = cpl_projection_compute (scenario, dataset, NULL);
  g_assert_false (above->chip_offered[0]);
  g_assert_cmpuint (above->n_offered, ==, 0);
  cpl_assert_near (above->years[0].domestic_demand_pflops, 900, 1e-12);
  cpl_assert_near (above->years[0].domestic_pflops, 300, 1e-12);
  g_assert_cmpfloat (above->years[0].exported_pflops[0], ==, 0);
  g_assert_cmpfloat (above->years[0].exported_units[0], ==, 0);
  g_assert_cmpfloat (above->years[0].capacity_spill_pflops, ==, 0);
  cpl_assert_near (above->years[0].compute_gap_pflops, 600, 1e-12);
  cpl_assert_near (above->years[0].domestic_share, 1, 1e-12);
  g_assert_cmpfloat (above->total_government_take_usd, ==, 0);
  g_assert_cmpint (cpl_projection_get_crossover (above), ==, -2);

  /* exactly $1,500: the net price covers it, offered (X = 450 as in
   * test_capacity_spill) */
  set_number (x, CPL_CHIP_UNIT_COST_USD, 1500);
  boundary = cpl_projection_compute (scenario, dataset, NULL);
  g_assert_true (boundary->chip_offered[0]);
  cpl_assert_near (boundary->years[0].exported_pflops[0], 450, 1e-12);

  set_number (x, CPL_CHIP_UNIT_COST_USD, 1499);
  below = cpl_projection_compute (scenario, dataset, NULL);
  g_assert_true (below->chip_offered[0]);
  cpl_assert_near (below->years[0].exported_pflops[0], 450, 1e-12);

  /* the rule reads the buyer price: with full pass-through p̂ = 2,000 /
   * (1 − 0.25) = 2,666.67 and the net price is 0.75 × p̂ = $2,000 ≥
   * $1,600, so X is offered.  c_X = 2,666.67, weights 1/2,666.67 :
   * 1/4,000 = 1.5 : 1: D_X = 540, D_d = 360, X = 270, R_d = 360 + 270 =
   * 630, O = 330, spill 0.5 × 330 = 165, X = 435, gap 165 */
  set_number (x, CPL_CHIP_UNIT_COST_USD, 1600);
  set_number (scenario, CPL_SCENARIO_PRICE_PASS_THROUGH, 1);
  passed = cpl_projection_compute (scenario, dataset, NULL);
  g_assert_true (passed->chip_offered[0]);
  cpl_assert_near (passed->years[0].exported_pflops[0], 435, 1e-12);
  cpl_assert_near (passed->years[0].compute_gap_pflops, 165, 1e-12);
}

/* The built-in H20 (US$12,000, unit cost US$4,500) in its built-in
 * scenario, no pass-through: at a 62% share its net price is 0.38 ×
 * 12,000 = US$4,560 ≥ 4,500, offered; at 63% 0.37 × 12,000 = US$4,440 <
 * 4,500, left out (no H20 units in any year), while the MI308X, which
 * has no unit cost, is offered at any rate. */
static void
test_builtin_h20_offer (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CplDataset) dataset = cpl_dataset_new_builtin (&error);
  CplScenario *scenario;
  g_autoptr(CplProjection) at_62 = NULL;
  g_autoptr(CplProjection) at_63 = NULL;
  int h20 = -1, mi308x = -1;

  g_assert_no_error (error);
  scenario = CPL_SCENARIO (cpl_dataset_lookup (dataset, CPL_TYPE_SCENARIO, "h20-mi308-share-15"));
  g_assert_nonnull (scenario);
  cpl_assert_near (cpl_chip_get (cpl_dataset_lookup_chip (dataset, "nvidia-h20"), CPL_CHIP_UNIT_COST_USD), 4500, 0);
  set_number (scenario, CPL_SCENARIO_REVENUE_SHARE, 0.62);
  at_62 = cpl_projection_compute (scenario, dataset, NULL);
  set_number (scenario, CPL_SCENARIO_REVENUE_SHARE, 0.63);
  at_63 = cpl_projection_compute (scenario, dataset, NULL);
  for (guint k = 0; k < at_62->n_chips; k++)
    {
      if (g_str_equal (at_62->chip_ids[k], "nvidia-h20"))
        h20 = k;
      else if (g_str_equal (at_62->chip_ids[k], "amd-mi308x"))
        mi308x = k;
    }
  g_assert_cmpint (h20, >=, 0);
  g_assert_cmpint (mi308x, >=, 0);
  g_assert_true (at_62->chip_offered[h20]);
  g_assert_cmpfloat (at_62->years[0].exported_units[h20], >, 0);
  g_assert_false (at_63->chip_offered[h20]);
  for (guint t = 0; t < at_63->n_years; t++)
    g_assert_cmpfloat (at_63->years[t].exported_units[h20], ==, 0);
  g_assert_true (at_63->chip_offered[mi308x]);
  g_assert_cmpfloat (at_63->years[0].exported_units[mi308x], >, 0);
}

/* Two offered chips share the spill by their weights: "two-chips",
 * C = 1,000, weights w_X : w_Y : w_D = 1/2,000 : 1/4,000 : 1/4,000 =
 * 2 : 1 : 1 (Y's unit cost $1,000 is below its net price $1,500). */
static void
test_spill_split (void)
{
  g_autoptr(CplDataset) dataset = load_spill (NULL);
  CplScenario *scenario = CPL_SCENARIO (cpl_dataset_lookup (dataset, CPL_TYPE_SCENARIO, "two-chips"));
  g_autoptr(CplProjection) p = cpl_projection_compute (scenario, dataset, NULL);
  g_autoptr(CplProjection) one = NULL;

  /* D_X = 500, D_Y = 250, D_d = 250; a = 0.5: X_X = 250, X_Y = 125,
   * R_d = 250 + 0.5 × 750 = 625; K = 100: I = 100, O = 525; spill 0.5 ×
   * 525 = 262.5, 2 : 1: X_X = 250 + 175 = 425, X_Y = 125 + 87.5 = 212.5;
   * gap 262.5; share 100 / (100 + 637.5) = 8/59 */
  g_assert_true (p->chip_offered[0] && p->chip_offered[1]);
  cpl_assert_near (p->years[0].capacity_spill_pflops, 262.5, 1e-12);
  cpl_assert_near (p->years[0].exported_pflops[0], 425, 1e-12);
  cpl_assert_near (p->years[0].exported_pflops[1], 212.5, 1e-12);
  cpl_assert_near (p->years[0].compute_gap_pflops, 262.5, 1e-12);
  cpl_assert_near (p->years[0].domestic_share, 8.0 / 59, 1e-12);

  /* Y at a unit cost of $1,600 is left out: weights X : D = 2 : 1,
   * D_X = 2,000/3, D_d = 1,000/3; X = 1,000/3, R_d = 2,000/3, O =
   * 1,700/3, spill 850/3 all to X: X = 1,850/3; gap 850/3; share
   * 100 / (100 + 1,850/3) = 6/43 */
  set_number (cpl_dataset_lookup_chip (dataset, "chip-y"), CPL_CHIP_UNIT_COST_USD, 1600);
  one = cpl_projection_compute (scenario, dataset, NULL);
  g_assert_true (one->chip_offered[0]);
  g_assert_false (one->chip_offered[1]);
  cpl_assert_near (one->years[0].exported_pflops[0], 1850.0 / 3, 1e-12);
  g_assert_cmpfloat (one->years[0].exported_pflops[1], ==, 0);
  cpl_assert_near (one->years[0].compute_gap_pflops, 850.0 / 3, 1e-12);
  cpl_assert_near (one->years[0].domestic_share, 6.0 / 43, 1e-12);
}

/* capacity_spill outside 0–1 and a unit cost ≤ 0 are refused with their
 * JSON path and value; ranges take capacity_spill; a round trip keeps
 * both. */
static void
test_new_fields_checked (void)
{
  static const struct {
    const char *json;
    const char *message;
  } bad[] = {
    { "{\"format\": \"chip-policy-lab\", \"scenarios\": [{\"id\": \"s\", \"name\": \"S\", \"start_year\": 2026, "
      "\"years\": 1, \"domestic_chip\": \"d\", \"demand_pflops\": 1, \"domestic_capacity_pflops\": 1, "
      "\"domestic_installed_pflops\": 1, \"capacity_spill\": 1.5}]}",
      "scenarios[0].capacity_spill: the number 1.5 is out of range" },
    { "{\"format\": \"chip-policy-lab\", \"scenarios\": [{\"id\": \"s\", \"name\": \"S\", \"start_year\": 2026, "
      "\"years\": 1, \"domestic_chip\": \"d\", \"demand_pflops\": 1, \"domestic_capacity_pflops\": 1, "
      "\"domestic_installed_pflops\": 1, \"ranges\": {\"capacity_spill\": {\"low\": 0.5, \"mode\": 1, \"high\": 1.2}}}]}",
      "scenarios[0].ranges.capacity_spill.high: the number 1.2 is out of range" },
    { "{\"format\": \"chip-policy-lab\", \"vendors\": [{\"id\": \"v\", \"name\": \"V\"}], \"chips\": [{\"id\": \"c\", "
      "\"name\": \"C\", \"vendor\": \"v\", \"unit_cost_usd\": 0}]}",
      "chips[0].unit_cost_usd: the number 0 is out of range" },
    { "{\"format\": \"chip-policy-lab\", \"vendors\": [{\"id\": \"v\", \"name\": \"V\"}], \"chips\": [{\"id\": \"c\", "
      "\"name\": \"C\", \"vendor\": \"v\", \"unit_cost_usd\": -5}]}",
      "chips[0].unit_cost_usd: the number -5 is out of range" },
  };
  g_autoptr(CplDataset) dataset = load_spill (NULL);
  g_autoptr(CplDataset) again = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *data = NULL;
  CplScenario *one_chip = CPL_SCENARIO (cpl_dataset_lookup (dataset, CPL_TYPE_SCENARIO, "one-chip"));

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(CplDataset) refused = cpl_test_load_string (bad[i].json, &error);

      g_assert_null (refused);
      g_assert_error (error, CPL_DATASET_ERROR, CPL_DATASET_ERROR_RANGE);
      if (strstr (error->message, bad[i].message) == NULL)
        g_error ("“%s” does not say “%s”", error->message, bad[i].message);
      g_clear_error (&error);
    }
  /* refused in the app too, leaving the value as it was */
  g_assert_false (cpl_entity_set_number (CPL_ENTITY (one_chip), CPL_SCENARIO_CAPACITY_SPILL, -0.1, &error));
  g_assert_error (error, CPL_DATASET_ERROR, CPL_DATASET_ERROR_RANGE);
  g_clear_error (&error);
  g_assert_cmpfloat (cpl_scenario_get (one_chip, CPL_SCENARIO_CAPACITY_SPILL), ==, 1);

  /* round trip: one-chip's σ set to 0.35, two-chips' 1 as written, Y's
   * unit cost $1,000 kept, X without one stays without */
  set_number (one_chip, CPL_SCENARIO_CAPACITY_SPILL, 0.35);
  data = cpl_dataset_to_data (dataset, NULL);
  again = cpl_test_load_string (data, &error);
  g_assert_no_error (error);
  g_assert_cmpfloat (cpl_scenario_get (CPL_SCENARIO (cpl_dataset_lookup (again, CPL_TYPE_SCENARIO, "one-chip")),
                                       CPL_SCENARIO_CAPACITY_SPILL), ==, 0.35);
  g_assert_cmpfloat (cpl_scenario_get (CPL_SCENARIO (cpl_dataset_lookup (again, CPL_TYPE_SCENARIO, "two-chips")),
                                       CPL_SCENARIO_CAPACITY_SPILL), ==, 1);
  g_assert_cmpfloat (cpl_chip_get (cpl_dataset_lookup_chip (again, "chip-y"), CPL_CHIP_UNIT_COST_USD), ==, 1000);
  g_assert_true (isnan (cpl_chip_get (cpl_dataset_lookup_chip (again, "chip-x"), CPL_CHIP_UNIT_COST_USD)));
}

/* An edit of test_explain(): @entity is "scenario" or a chip id. */
typedef struct {
  const char *entity;
  guint       field;
  double      value;
} Edit;

/* What drives the result, in English (see main): "one-chip" edited step
 * by step, each step's explanation in full. */
static void
test_explain (void)
{
  static const struct {
    Edit        edits[4];
    const char *expected;
  } steps[] = {
    /* as in the file: capacity binds in 2026 (600 > 300) and 2027
     * (600 > 450), not in 2028 (600 ≤ 675); no subsidy, no preference;
     * a·σ = 0.5 × 1 */
    { { { NULL } },
      "Domestic supply is capped by capacity in 2026–2027.\n"
      "Of the demand for domestic chips above their capacity, 50% goes to exported chips (capacity spill 100% × "
      "licence approval 50%) and the rest becomes a compute gap." },
    /* a power subsidy, a preference b = 1 (w_D = e/4,000) and every
     * licence approved: R_d = D_d = 900 × e/(2 + e) = 518.5, above 300
     * and 450, below 675: 2026–2027; a·σ = 1, all of O spills */
    { { { "scenario", CPL_SCENARIO_DOMESTIC_POWER_SUBSIDY, 0.5 },
        { "scenario", CPL_SCENARIO_DOMESTIC_PREFERENCE, 1 },
        { "scenario", CPL_SCENARIO_LICENSE_APPROVAL_RATE, 1 } },
      "Domestic supply is capped by capacity in 2026–2027, so in those years neither the power "
      "subsidy nor the domestic preference changes domestic installs.\n"
      "The demand for domestic chips above their capacity goes to exported chips (capacity spill 100%)." },
    /* one year, the subsidy alone (b = 0, a = 0.5 again: R_d = 600 >
     * 300): the singular; a·σ = 0.5 × 0.8 = 40%.  A unit of demand the
     * subsidy moves from X onto the capped domestic chip was exported at
     * a + (1 − a)·a·σ = 0.5 + 0.5 × 0.4 = 0.7, now at a·σ = 0.4: exports
     * fall, the gap grows, and a sentence says why */
    { { { "scenario", CPL_SCENARIO_DOMESTIC_PREFERENCE, 0 },
        { "scenario", CPL_SCENARIO_LICENSE_APPROVAL_RATE, 0.5 },
        { "scenario", CPL_SCENARIO_CAPACITY_SPILL, 0.8 },
        { "scenario", CPL_SCENARIO_YEARS, 1 } },
      "Domestic supply is capped by capacity in 2026, so in that year the power subsidy does "
      "not change domestic installs.\n"
      "Of the demand for domestic chips above their capacity, 40% goes to exported chips (capacity spill 80% × "
      "licence approval 50%) and the rest becomes a compute gap.\n"
      "Favouring domestic chips then only moves demand onto chips that cannot supply it: less of that demand "
      "is approved for exported chips than if buyers had asked for them first, so exports fall and the "
      "compute gap grows." },
    /* σ = 0: all of it is a gap */
    { { { "scenario", CPL_SCENARIO_DOMESTIC_POWER_SUBSIDY, 0 },
        { "scenario", CPL_SCENARIO_CAPACITY_SPILL, 0 } },
      "Domestic supply is capped by capacity in 2026.\n"
      "The demand for domestic chips above their capacity becomes a compute gap (capacity spill 0%)." },
    /* no licence approved: R_d = 300 + 600 = 900 > 300 */
    { { { "scenario", CPL_SCENARIO_CAPACITY_SPILL, 1 },
        { "scenario", CPL_SCENARIO_LICENSE_APPROVAL_RATE, 0 } },
      "No licence is approved, so all demand for exported chips falls on domestic chips.\n"
      "Domestic supply is capped by capacity in 2026.\n"
      "The demand for domestic chips above their capacity becomes a compute gap: no licence is approved." },
    /* X not offered: net 0.75 × $2,000 = $1,500 below its unit cost */
    { { { "scenario", CPL_SCENARIO_LICENSE_APPROVAL_RATE, 0.5 },
        { "chip-x", CPL_CHIP_UNIT_COST_USD, 1600 } },
      "The X is not offered: after the 25% share its net price, $1,500, is below its unit cost, "
      "$1,600.\n"
      "No allowed chip is offered, so all demand falls on domestic chips.\n"
      "Domestic supply is capped by capacity in 2026.\n"
      "The demand for domestic chips above their capacity becomes a compute gap: no exported chip is offered." },
    /* nothing binds: capacity 1,000 ≥ R_d = 600, X offered again */
    { { { "chip-x", CPL_CHIP_UNIT_COST_USD, 1000 },
        { "scenario", CPL_SCENARIO_DOMESTIC_CAPACITY_PFLOPS, 1000 } },
      NULL },
  };
  CplScenario *scenario;
  g_autoptr(CplDataset) dataset = load_spill (&scenario);
  int years[] = { 2026, 2028, 2029, 2031 };
  g_autofree char *spans = cpl_format_year_spans (years, G_N_ELEMENTS (years));

  for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(CplProjection) p = NULL;
      g_autofree char *text = NULL;

      for (guint e = 0; e < G_N_ELEMENTS (steps[i].edits) && steps[i].edits[e].entity != NULL; e++)
        {
          const Edit *edit = &steps[i].edits[e];

          set_number (g_str_equal (edit->entity, "scenario") ? (gpointer) scenario
                                                              : (gpointer) cpl_dataset_lookup_chip (dataset, edit->entity),
                      edit->field, edit->value);
        }
      p = cpl_projection_compute (scenario, dataset, &error);
      g_assert_no_error (error);
      text = cpl_projection_explain (p, scenario, dataset);
      g_assert_cmpstr (text, ==, steps[i].expected);
    }

  g_assert_cmpstr (spans, ==, "2026, 2028–2029, 2031");
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
  /* English messages, with its grouping of digits ("$1,500") */
  g_setenv ("LANGUAGE", "", TRUE);
  setlocale (LC_ALL, "en_US.UTF-8");
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/projection/two-years", test_two_years);
  g_test_add_func ("/projection/ban", test_ban);
  g_test_add_func ("/projection/builtin-h20-offer", test_builtin_h20_offer);
  g_test_add_func ("/projection/unusable-after-edit", test_unusable_after_edit);
  g_test_add_func ("/projection/extremes-stay-finite", test_extremes_stay_finite);
  g_test_add_func ("/projection/crossover", test_crossover);
  g_test_add_func ("/projection/change-notification", test_change_notification);
  g_test_add_func ("/projection/capacity-spill", test_capacity_spill);
  g_test_add_func ("/projection/offer-rule", test_offer_rule);
  g_test_add_func ("/projection/spill-split", test_spill_split);
  g_test_add_func ("/projection/new-fields-checked", test_new_fields_checked);
  g_test_add_func ("/projection/explain", test_explain);
  return g_test_run ();
}
