/* test-revenue.c: the revenue-share calculation (MODEL.md §3) and the
 * buyer cost of compute (§4) */
#include "config.h"

#include <string.h>

#include "cpl-test-util.h"

/* tests/fixtures/two-chips.json, case "sale": u = 1,000, p = 10,000,
 * s = 0.25, π = 0.4, a = 0.8, k = 4,000, s₂ = 0.15. */
static void
test_case_with_everything (void)
{
  g_autoptr(CplDataset) dataset = cpl_test_load_fixture ("two-chips.json", CPL_LOAD_ALONE);
  CplRevenueCase *sale = CPL_REVENUE_CASE (cpl_dataset_lookup (dataset, CPL_TYPE_REVENUE_CASE, "sale"));
  g_autoptr(GError) error = NULL;
  CplRevenueResult r, c;

  g_assert_nonnull (sale);
  g_assert_true (cpl_revenue_case_compute (sale, &r, &c, &error));
  g_assert_no_error (error);

  /* p̂ = 10,000 / (1 − 0.4 × 0.25) = 10,000 / 0.9 = 11,111.11 */
  cpl_assert_near (r.buyer_price, 11111.1111, 1e-8);
  /* uₛ = 1,000 × 0.8 = 800 */
  g_assert_cmpfloat_with_epsilon (r.units_shipped, 800, 1e-9);
  /* R = 800 × 11,111.11 = 8,888,888.89 */
  cpl_assert_near (r.gross_revenue, 8888888.89, 1e-8);
  /* G = 0.25 × R = 2,222,222.22 */
  cpl_assert_near (r.government_take, 2222222.22, 1e-8);
  /* N = R − G = 6,666,666.67 */
  cpl_assert_near (r.vendor_net_revenue, 6666666.67, 1e-8);
  /* P = N − 800 × 4,000 = 6,666,666.67 − 3,200,000 = 3,466,666.67 */
  cpl_assert_near (r.vendor_gross_profit, 3466666.67, 1e-8);
  /* margin = P / R = 0.75 − 3,200,000 / 8,888,888.89 = 0.75 − 0.36 = 0.39 */
  cpl_assert_near (r.margin_after_share, 0.39, 1e-8);
  /* s* = (10,000 − 4,000) / (10,000 − 0.4 × 4,000) = 6,000 / 8,400 = 0.714286 */
  cpl_assert_near (r.break_even_share, 0.714286, 1e-6);

  /* comparison at s₂ = 0.15: p̂ = 10,000 / (1 − 0.06) = 10,638.30;
   * R = 800 × 10,638.30 = 8,510,638.30; G = 0.15 × R = 1,276,595.74;
   * N = 7,234,042.55; P = N − 3,200,000 = 4,034,042.55 */
  cpl_assert_near (c.buyer_price, 10638.2979, 1e-8);
  cpl_assert_near (c.gross_revenue, 8510638.30, 1e-8);
  cpl_assert_near (c.government_take, 1276595.74, 1e-8);
  cpl_assert_near (c.vendor_gross_profit, 4034042.55, 1e-8);
  /* the 25% deal takes 2,222,222.22 − 1,276,595.74 = 945,626.48 more */
  cpl_assert_near (r.government_take - c.government_take, 945626.48, 1e-8);
}

/* Issue 4's case: 1,000,000 H200 at $27,000, 25% share, unit cost $6,500. */
static void
test_h200 (void)
{
  CplRevenueInputs in = { .units = 1e6, .price = 27000, .share = 0.25,
                          .pass_through = 0, .approval = 1, .unit_cost = 6500 };
  CplRevenueResult r;

  g_assert_true (cpl_revenue_compute (&in, &r, NULL));
  /* G = 0.25 × 1,000,000 × 27,000 = 6.75 × 10⁹ */
  g_assert_cmpfloat_with_epsilon (r.government_take, 6.75e9, 1);
  /* s* = (27,000 − 6,500) / (27,000 − 0) = 20,500 / 27,000 = 0.759259 */
  cpl_assert_near (r.break_even_share, 0.759259, 1e-6);
}

static void
test_ban_and_edges (void)
{
  CplRevenueInputs in = { .units = 1000, .price = 10000, .share = 0.25,
                          .pass_through = 0.4, .approval = 0, .unit_cost = 4000 };
  g_autoptr(GError) error = NULL;
  CplRevenueResult r;

  /* A ban is a = 0: nothing shipped, no revenue, no take. */
  g_assert_true (cpl_revenue_compute (&in, &r, NULL));
  g_assert_cmpfloat (r.units_shipped, ==, 0);
  g_assert_cmpfloat (r.gross_revenue, ==, 0);
  g_assert_cmpfloat (r.government_take, ==, 0);
  g_assert_cmpfloat (r.vendor_gross_profit, ==, 0);
  /* no revenue: the margin is undefined, not 0 */
  g_assert_true (isnan (r.margin_after_share));

  /* k above p: (10,000 − 12,000) / (10,000 − 4,800) < 0, clamped to 0 */
  in.approval = 1;
  in.unit_cost = 12000;
  g_assert_true (cpl_revenue_compute (&in, &r, NULL));
  g_assert_cmpfloat (r.break_even_share, ==, 0);

  /* no unit cost: profit, margin and break-even unknown */
  in.unit_cost = NAN;
  g_assert_true (cpl_revenue_compute (&in, &r, NULL));
  g_assert_true (isnan (r.vendor_gross_profit));
  g_assert_true (isnan (r.break_even_share));
  /* but R = 1,000 × 11,111.11 and G = R / 4 are known */
  cpl_assert_near (r.government_take, 2777777.78, 1e-8);

  /* π·s = 1: the buyer price would be infinite */
  in.share = 1;
  in.pass_through = 1;
  g_assert_false (cpl_revenue_compute (&in, &r, &error));
  g_assert_error (error, CPL_DATASET_ERROR, CPL_DATASET_ERROR_RANGE);
  /* in percent, as the inputs are typed (it said "pass-through 1 ×
   * share 1 is not below 1") */
  g_assert_cmpstr (error->message, ==, "a price pass-through of 100% with a revenue share of 100% makes the buyer "
                                       "price infinite (pass-through × share must stay below 100%)");
}

/* A sale line takes no pass-through and share whose product reaches 1
 * (MODEL.md §3: p / (1 − π·s); a file that says so does not load, and a
 * draft that the calculator let through could not be restored): set
 * either way, the second is refused with the reason and the line keeps
 * its value.  "no-cost": share 0.5, no pass-through. */
static void
test_pass_through_times_share (void)
{
  g_autoptr(CplDataset) dataset = cpl_test_load_fixture ("two-chips.json", CPL_LOAD_ALONE);
  CplEntity *line = cpl_dataset_lookup (dataset, CPL_TYPE_REVENUE_CASE, "no-cost");
  g_autoptr(GError) error = NULL;
  g_autofree char *problem = NULL;

  /* 1 × 0.5 < 1: taken */
  g_assert_true (cpl_entity_set_number (line, CPL_REVENUE_CASE_PRICE_PASS_THROUGH, 1, NULL));
  /* then a share of 1: 1 × 1 = 1, refused */
  g_assert_false (cpl_entity_check_number (line, CPL_REVENUE_CASE_REVENUE_SHARE, 1, &problem));
  g_assert_cmpstr (problem, ==, "a 100% share passed on in full would make the buyer price infinite; enter less "
                                "than 100% or lower the price pass-through");
  g_assert_false (cpl_entity_set_number (line, CPL_REVENUE_CASE_REVENUE_SHARE, 1, &error));
  g_assert_error (error, CPL_DATASET_ERROR, CPL_DATASET_ERROR_RANGE);
  g_assert_cmpfloat (cpl_revenue_case_get (CPL_REVENUE_CASE (line), CPL_REVENUE_CASE_REVENUE_SHARE), ==, .5);
  /* the comparison share too; 0.99 is taken (0.99 < 1) */
  g_assert_false (cpl_entity_check_number (line, CPL_REVENUE_CASE_COMPARE_SHARE, 1, NULL));
  g_assert_true (cpl_entity_set_number (line, CPL_REVENUE_CASE_REVENUE_SHARE, .99, NULL));

  /* the other way round: at a share of 1, a pass-through of 1 */
  g_assert_true (cpl_entity_set_number (line, CPL_REVENUE_CASE_PRICE_PASS_THROUGH, 0, NULL));
  g_assert_true (cpl_entity_set_number (line, CPL_REVENUE_CASE_REVENUE_SHARE, 1, NULL));
  g_clear_pointer (&problem, g_free);
  g_assert_false (cpl_entity_check_number (line, CPL_REVENUE_CASE_PRICE_PASS_THROUGH, 1, &problem));
  g_assert_cmpstr (problem, ==, "all of a 100% share passed on would make the buyer price infinite; enter less "
                                "than 100%");
  g_assert_true (cpl_entity_check_number (line, CPL_REVENUE_CASE_PRICE_PASS_THROUGH, .5, NULL));

  /* a scenario the same ("two-years": share 0.2): a pass-through of 1 is
   * taken, then a share of 1 refused */
  {
    CplEntity *scenario = cpl_dataset_lookup (dataset, CPL_TYPE_SCENARIO, "two-years");

    g_assert_true (cpl_entity_set_number (scenario, CPL_SCENARIO_PRICE_PASS_THROUGH, 1, NULL));
    g_assert_false (cpl_entity_set_number (scenario, CPL_SCENARIO_REVENUE_SHARE, 1, NULL));
    g_assert_cmpfloat (cpl_scenario_get (CPL_SCENARIO (scenario), CPL_SCENARIO_REVENUE_SHARE), ==, .2);
    g_assert_true (cpl_entity_set_number (scenario, CPL_SCENARIO_REVENUE_SHARE, .5, NULL));
  }
}

/* A case without compare_share has no comparison, and no cost: nulls. */
static void
test_no_comparison (void)
{
  g_autoptr(CplDataset) dataset = cpl_test_load_fixture ("two-chips.json", CPL_LOAD_ALONE);
  CplRevenueCase *rc = CPL_REVENUE_CASE (cpl_dataset_lookup (dataset, CPL_TYPE_REVENUE_CASE, "no-cost"));
  CplRevenueResult r, c;

  g_assert_true (cpl_revenue_case_compute (rc, &r, &c, NULL));
  /* defaults π = 0, a = 1: R = 10 × 100 = 1,000; G = 0.5 × 1,000 = 500 */
  g_assert_cmpfloat_with_epsilon (r.gross_revenue, 1000, 1e-9);
  g_assert_cmpfloat_with_epsilon (r.government_take, 500, 1e-9);
  g_assert_true (isnan (c.government_take));
  g_assert_true (isnan (r.break_even_share));
}

static void
test_cost_of_compute (void)
{
  CplEnergyTerms terms = { .electricity_usd_per_kwh = 0.08, .power_subsidy = 0.5,
                           .pue = 1.3, .utilization = 0.7, .amortization_years = 4 };

  /* E = 700/1000 kW × 8,760 h × 0.7 × 1.3 × $0.08 = 6,132 × 0.7 × 1.3 × 0.08
   *   = 4,292.4 × 1.3 × 0.08 = 5,580.12 × 0.08 = $446.4096 a year */
  cpl_assert_near (cpl_yearly_energy_cost (700, &terms, FALSE), 446.4096, 1e-8);
  /* the subsidy halves it, for the domestic chip only: $223.2048 */
  cpl_assert_near (cpl_yearly_energy_cost (700, &terms, TRUE), 223.2048, 1e-8);
  /* H200 at $27,000 over 4 years: A = 6,750 + 446.4096 = 7,196.4096;
   * c = 7,196.4096 / (989.5 / 1000) = $7,272.774 per PFLOP/s-year */
  cpl_assert_near (cpl_cost_of_compute (27000, 700, 989.5, &terms, FALSE), 7272.774, 1e-6);
}

/* A sale line's notes: read from the file in each language, written back
 * on save, none when the file gives none. */
static void
test_notes (void)
{
  g_autoptr(CplDataset) builtin = cpl_dataset_new_builtin (NULL);
  g_autoptr(CplDataset) fixture = cpl_test_load_fixture ("two-chips.json", CPL_LOAD_ALONE);
  CplRevenueCase *h200 = CPL_REVENUE_CASE (cpl_dataset_lookup (builtin, CPL_TYPE_REVENUE_CASE, "h200-share-25"));
  CplRevenueCase *no_cost = CPL_REVENUE_CASE (cpl_dataset_lookup (fixture, CPL_TYPE_REVENUE_CASE, "no-cost"));
  g_autoptr(JsonObject) saved = NULL;
  g_autoptr(CplEntity) copy = NULL;
  CplText *notes;

  notes = cpl_entity_get_notes (CPL_ENTITY (h200));
  g_assert_nonnull (notes);
  g_assert_true (g_str_has_prefix (cpl_text_get_locale (notes, "en"),
                                   "One million units at the US$27,000 reported for Chinese orders"));
  g_assert_true (g_str_has_prefix (cpl_text_get_locale (notes, "zh_CN"), "100 万颗"));
  g_assert_true (g_str_has_prefix (cpl_text_get_locale (notes, "zh_TW"), "100 萬顆"));
  g_assert_null (cpl_entity_get_notes (CPL_ENTITY (no_cost)));

  /* saved with the line, and read back */
  saved = cpl_entity_to_json (CPL_ENTITY (h200));
  g_assert_true (json_object_has_member (saved, "notes"));
  copy = cpl_entity_duplicate (CPL_ENTITY (h200), "h200-copy");
  g_assert_true (cpl_text_equal (cpl_entity_get_notes (CPL_ENTITY (copy)), notes));
  /* a line without notes writes none */
  g_clear_pointer (&saved, json_object_unref);
  saved = cpl_entity_to_json (CPL_ENTITY (no_cost));
  g_assert_false (json_object_has_member (saved, "notes"));

  /* written: a plain text where there was none; emptied: none again */
  cpl_entity_edit_notes (CPL_ENTITY (no_cost), "From two quotes");
  g_assert_cmpstr (cpl_text_get (cpl_entity_get_notes (CPL_ENTITY (no_cost))), ==, "From two quotes");
  cpl_entity_edit_notes (CPL_ENTITY (no_cost), "");
  g_assert_null (cpl_entity_get_notes (CPL_ENTITY (no_cost)));

  /* in the user's language only (English, as set here): the Chinese
   * notes stay; emptied in English, the notes are still there in
   * Chinese */
  g_setenv ("LANGUAGE", "en", TRUE);
  cpl_entity_edit_notes (CPL_ENTITY (h200), "Checked against the FT report");
  notes = cpl_entity_get_notes (CPL_ENTITY (h200));
  g_assert_cmpstr (cpl_text_get_locale (notes, "en"), ==, "Checked against the FT report");
  g_assert_true (g_str_has_prefix (cpl_text_get_locale (notes, "zh_CN"), "100 万颗"));
  cpl_entity_edit_notes (CPL_ENTITY (h200), "");
  g_assert_nonnull (cpl_entity_get_notes (CPL_ENTITY (h200)));
  g_assert_true (g_str_has_prefix (cpl_text_get_locale (cpl_entity_get_notes (CPL_ENTITY (h200)), "zh_TW"), "100 萬顆"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/revenue/case", test_case_with_everything);
  g_test_add_func ("/revenue/h200", test_h200);
  g_test_add_func ("/revenue/ban-and-edges", test_ban_and_edges);
  g_test_add_func ("/revenue/no-comparison", test_no_comparison);
  g_test_add_func ("/revenue/pass-through-times-share", test_pass_through_times_share);
  g_test_add_func ("/revenue/notes", test_notes);
  g_test_add_func ("/cost/compute", test_cost_of_compute);
  return g_test_run ();
}
