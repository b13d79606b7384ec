/* test-metrics.c: chip metrics (MODEL.md §1) and rule evaluation (§2) */
#include "config.h"

#include <string.h>

#include "cpl-test-util.h"

/* The rules of MODEL.md §2, written out here so the test does not read
 * them back from the built-in dataset it also checks. */
#define RULES                                                                      \
  "\"rules\": ["                                                                   \
  "{ \"id\": \"a-2023\", \"match_any\": ["                                         \
  "   [ { \"metric\": \"tpp\", \"op\": \">=\", \"value\": 4800 } ],"                \
  "   [ { \"metric\": \"tpp\", \"op\": \">=\", \"value\": 1600 },"                  \
  "     { \"metric\": \"performance_density\", \"op\": \">=\", \"value\": 5.92 } ] ] }," \
  "{ \"id\": \"b-2023\", \"match_any\": ["                                         \
  "   [ { \"metric\": \"tpp\", \"op\": \">=\", \"value\": 2400 },"                  \
  "     { \"metric\": \"tpp\", \"op\": \"<\", \"value\": 4800 },"                   \
  "     { \"metric\": \"performance_density\", \"op\": \">=\", \"value\": 1.6 },"   \
  "     { \"metric\": \"performance_density\", \"op\": \"<\", \"value\": 5.92 } ]," \
  "   [ { \"metric\": \"tpp\", \"op\": \">=\", \"value\": 1600 },"                  \
  "     { \"metric\": \"performance_density\", \"op\": \">=\", \"value\": 3.2 },"   \
  "     { \"metric\": \"performance_density\", \"op\": \"<\", \"value\": 5.92 } ] ] }," \
  "{ \"id\": \"dc\", \"match_any\": [ [ { \"metric\": \"datacenter\", \"op\": \"==\", \"value\": true } ] ] }" \
  "]"

static const char dataset_json[] =
  "{ \"format\": \"chip-policy-lab\", \"vendors\": [ { \"id\": \"v\" } ],"
  "  \"chips\": ["
  "    { \"id\": \"h100\", \"vendor\": \"v\", \"die_area_mm2\": 814, \"tdp_w\": 700,"
  "      \"bandwidth_tbs\": 3.35, \"performance\": { \"bf16\": 989.4, \"fp8\": 1979 } },"
  "    { \"id\": \"a100\", \"vendor\": \"v\", \"die_area_mm2\": 826, \"tdp_w\": 400,"
  "      \"performance\": { \"fp64\": 19.5, \"tf32\": 156, \"bf16\": 312, \"int8\": 624 } },"
  "    { \"id\": \"h20\", \"vendor\": \"v\", \"die_area_mm2\": 814, \"datacenter\": true,"
  "      \"performance\": { \"bf16\": 148, \"fp8\": 296 } },"
  "    { \"id\": \"h200\", \"vendor\": \"v\", \"tdp_w\": 700, \"bandwidth_tbs\": 4.8,"
  "      \"performance\": { \"bf16\": 989.5, \"fp8\": 1979 } },"
  "    { \"id\": \"no-die-2500\", \"vendor\": \"v\", \"performance\": { \"fp8\": 312.5 } },"
  "    { \"id\": \"no-die-1000\", \"vendor\": \"v\", \"performance\": { \"fp16\": 62.5 } },"
  "    { \"id\": \"nothing\", \"vendor\": \"v\" }"
  "  ]," RULES "}";

static CplDataset *
load (void)
{
  g_autoptr(GError) error = NULL;
  CplDataset *dataset = cpl_test_load_string (dataset_json, &error);

  g_assert_no_error (error);
  return dataset;
}

static void
metrics_of (CplDataset     *dataset,
            const char     *id,
            CplChipMetrics *m)
{
  CplChip *chip = cpl_dataset_lookup_chip (dataset, id);

  g_assert_nonnull (chip);
  cpl_chip_metrics_compute (chip, m);
}

static CplTriState
verdict (CplDataset *dataset,
         const char *rule_id,
         const char *chip_id)
{
  CplRule *rule = CPL_RULE (cpl_dataset_lookup (dataset, CPL_TYPE_RULE, rule_id));
  CplChipMetrics m;

  g_assert_nonnull (rule);
  metrics_of (dataset, chip_id, &m);
  return cpl_rule_evaluate (rule, m.values, NULL);
}

static void
test_tpp (void)
{
  g_autoptr(CplDataset) dataset = load ();
  CplChipMetrics m;

  /* H100 SXM: fp8 1979 × 8 bits = 15,832 (bf16 989.4 × 16 = 15,830.4 is less) */
  metrics_of (dataset, "h100", &m);
  g_assert_cmpfloat_with_epsilon (m.values[CPL_METRIC_TPP], 15832, 1e-9);
  g_assert_cmpint (m.tpp_precision, ==, CPL_PRECISION_FP8);
  /* PD = 15,832 / 814 = 19.4496… */
  cpl_assert_near (m.values[CPL_METRIC_PERFORMANCE_DENSITY], 19.4496, 1e-5);

  /* A100: bf16 312 × 16 = 4,992 = int8 624 × 8; fp64 19.5 × 64 = 1,248 and
   * tf32 156 × 32 = 4,992 do not exceed it */
  metrics_of (dataset, "a100", &m);
  g_assert_cmpfloat_with_epsilon (m.values[CPL_METRIC_TPP], 4992, 1e-9);
  /* of the formats that give it, tf32, bf16 and int8, the last floating
   * one: BF16 (as MODEL.md §1 writes its check) */
  g_assert_cmpint (m.tpp_precision, ==, CPL_PRECISION_BF16);

  /* H20: fp8 296 × 8 = 2,368; PD = 2,368 / 814 = 2.909… ≈ 2.91 */
  metrics_of (dataset, "h20", &m);
  g_assert_cmpfloat_with_epsilon (m.values[CPL_METRIC_TPP], 2368, 1e-9);
  /* bf16 148 × 16 = 2,368 too: FP8, as export-control texts quote it */
  g_assert_cmpint (m.tpp_precision, ==, CPL_PRECISION_FP8);
  cpl_assert_near (m.values[CPL_METRIC_PERFORMANCE_DENSITY], 2.9091, 1e-4);
  g_assert_cmpfloat_with_epsilon (round (m.values[CPL_METRIC_PERFORMANCE_DENSITY] * 100) / 100, 2.91, 1e-12);

  /* A chip with no figures has no TPP: unknown, not zero. */
  metrics_of (dataset, "nothing", &m);
  g_assert_true (isnan (m.values[CPL_METRIC_TPP]));
  g_assert_cmpint (m.tpp_precision, ==, -1);
}

static void
test_derived (void)
{
  g_autoptr(CplDataset) dataset = load ();
  CplChipMetrics m;

  /* H200: compute = bf16 989.5 TFLOPS; perf/W = 989.5 / 700 = 1.41357;
   * bytes/FLOP = 4.8 TB/s / 989.5 TFLOPS = 0.0048509; 4.8 TB/s = 4,800 GB/s */
  metrics_of (dataset, "h200", &m);
  g_assert_cmpfloat_with_epsilon (m.values[CPL_METRIC_COMPUTE_TFLOPS], 989.5, 1e-9);
  cpl_assert_near (m.perf_per_watt, 1.41357, 1e-5);
  cpl_assert_near (m.bytes_per_flop, 0.0048509, 1e-4);
  g_assert_cmpfloat_with_epsilon (m.values[CPL_METRIC_BANDWIDTH_GBS], 4800, 1e-9);
  /* no die area: PD unknown */
  g_assert_true (isnan (m.values[CPL_METRIC_PERFORMANCE_DENSITY]));

  /* compute falls back to fp16 when bf16 is absent: 62.5 */
  metrics_of (dataset, "no-die-1000", &m);
  g_assert_cmpfloat_with_epsilon (m.values[CPL_METRIC_COMPUTE_TFLOPS], 62.5, 1e-9);
  /* no bandwidth, no TDP: both ratios unknown */
  g_assert_true (isnan (m.bytes_per_flop));
  g_assert_true (isnan (m.perf_per_watt));
}

static void
test_h20_rules (void)
{
  g_autoptr(CplDataset) dataset = load ();

  /* 3A090.a: 2,368 < 4,800; 2,368 ≥ 1,600 but PD 2.91 < 5.92 → false.
   * 3A090.b: 2,368 < 2,400 fails clause 1; PD 2.91 < 3.2 fails clause 2 → false. */
  g_assert_cmpint (verdict (dataset, "a-2023", "h20"), ==, CPL_TRI_FALSE);
  g_assert_cmpint (verdict (dataset, "b-2023", "h20"), ==, CPL_TRI_FALSE);
  /* H100: 15,832 ≥ 4,800 → 3A090.a by its first clause */
  g_assert_cmpint (verdict (dataset, "a-2023", "h100"), ==, CPL_TRI_TRUE);
  /* A100: 4,992 ≥ 4,800 → .a; .b needs TPP < 4,800 (false) or PD < 5.92
   * (4,992 / 826 = 6.04, false) → not .b */
  g_assert_cmpint (verdict (dataset, "a-2023", "a100"), ==, CPL_TRI_TRUE);
  g_assert_cmpint (verdict (dataset, "b-2023", "a100"), ==, CPL_TRI_FALSE);
}

static void
test_three_valued (void)
{
  g_autoptr(CplDataset) dataset = load ();
  CplRule *rule = CPL_RULE (cpl_dataset_lookup (dataset, CPL_TYPE_RULE, "a-2023"));
  CplChipMetrics m;
  int clause;

  /* TPP 312.5 × 8 = 2,500, no die area: clause 1 (≥ 4,800) false, clause 2
   * TPP ≥ 1,600 true and PD unknown → unknown; the rule: needs data. */
  g_assert_cmpint (verdict (dataset, "a-2023", "no-die-2500"), ==, CPL_TRI_UNKNOWN);
  g_assert_cmpint (verdict (dataset, "b-2023", "no-die-2500"), ==, CPL_TRI_UNKNOWN);
  /* TPP 62.5 × 16 = 1,000: clause 2's TPP ≥ 1,600 is false, so the unknown
   * PD does not matter; the rule is false. */
  g_assert_cmpint (verdict (dataset, "a-2023", "no-die-1000"), ==, CPL_TRI_FALSE);
  /* No figures at all: every clause unknown. */
  g_assert_cmpint (verdict (dataset, "a-2023", "nothing"), ==, CPL_TRI_UNKNOWN);
  /* datacenter: true for h20; unknown for a chip that does not say */
  g_assert_cmpint (verdict (dataset, "dc", "h20"), ==, CPL_TRI_TRUE);
  g_assert_cmpint (verdict (dataset, "dc", "h100"), ==, CPL_TRI_UNKNOWN);

  /* The matched clause is reported: H100 by clause 0 */
  metrics_of (dataset, "h100", &m);
  g_assert_cmpint (cpl_rule_evaluate (rule, m.values, &clause), ==, CPL_TRI_TRUE);
  g_assert_cmpint (clause, ==, 0);
}

/* The margins of the H20 to each threshold of 3A090.b (2023), clause by
 * clause, and whether each clause holds.  H20: TPP = FP8 296 × 8 =
 * 2,368; performance density 2,368 ÷ 814 mm² = 2.909. */
static void
test_margins (void)
{
  g_autoptr(CplDataset) dataset = load ();
  CplRule *rule = CPL_RULE (cpl_dataset_lookup (dataset, CPL_TYPE_RULE, "b-2023"));
  CplRule *a = CPL_RULE (cpl_dataset_lookup (dataset, CPL_TYPE_RULE, "a-2023"));
  g_autoptr(GArray) first = NULL;
  g_autoptr(GArray) second = NULL;
  const CplMargin *m;
  CplChipMetrics h20, h100, nothing;

  metrics_of (dataset, "h20", &h20);
  first = cpl_rule_get_clause_margins (rule, 0, h20.values);
  second = cpl_rule_get_clause_margins (rule, 1, h20.values);
  /* clause 1: tpp ≥ 2400, tpp < 4800, PD ≥ 1.6, PD < 5.92; clause 2:
   * tpp ≥ 1600, PD ≥ 3.2, PD < 5.92 (listed in both: each clause is read
   * on its own) */
  g_assert_cmpuint (first->len, ==, 4);
  g_assert_cmpuint (second->len, ==, 3);
  /* TPP 2,368 against the 2,400 line: 32 below, the condition fails */
  m = &g_array_index (first, CplMargin, 0);
  g_assert_cmpint (m->metric, ==, CPL_METRIC_TPP);
  g_assert_cmpint (m->op, ==, CPL_OP_GE);
  g_assert_cmpfloat (m->threshold, ==, 2400);
  g_assert_cmpfloat (m->value - m->threshold, ==, -32);
  g_assert_cmpint (m->holds, ==, CPL_TRI_FALSE);
  /* PD 2.909 ≥ 1.6 holds */
  m = &g_array_index (first, CplMargin, 2);
  g_assert_cmpint (m->metric, ==, CPL_METRIC_PERFORMANCE_DENSITY);
  g_assert_cmpfloat (m->threshold, ==, 1.6);
  g_assert_cmpint (m->holds, ==, CPL_TRI_TRUE);
  /* clause 2's tpp ≥ 1,600: 768 above, holds; PD 2.909 ≥ 3.2 fails */
  m = &g_array_index (second, CplMargin, 0);
  g_assert_cmpfloat (m->threshold, ==, 1600);
  g_assert_cmpfloat (m->value - m->threshold, ==, 768);
  g_assert_cmpint (m->holds, ==, CPL_TRI_TRUE);
  m = &g_array_index (second, CplMargin, 1);
  g_assert_cmpfloat (m->threshold, ==, 3.2);
  g_assert_cmpint (m->holds, ==, CPL_TRI_FALSE);
  /* so neither clause holds */
  g_assert_cmpint (cpl_rule_evaluate_clause (rule, 0, "h20", h20.values), ==, CPL_TRI_FALSE);
  g_assert_cmpint (cpl_rule_evaluate_clause (rule, 1, "h20", h20.values), ==, CPL_TRI_FALSE);

  /* H100 (TPP 1,979 × 8 = 15,832; PD 15,832 ÷ 814 = 19.45) meets both
   * clauses of 3A090.a: 15,832 ≥ 4,800; 15,832 ≥ 1,600 and 19.45 ≥ 5.92 */
  metrics_of (dataset, "h100", &h100);
  g_assert_cmpint (cpl_rule_evaluate_clause (a, 0, "h100", h100.values), ==, CPL_TRI_TRUE);
  g_assert_cmpint (cpl_rule_evaluate_clause (a, 1, "h100", h100.values), ==, CPL_TRI_TRUE);
  /* a chip with no figures: each clause needs data */
  metrics_of (dataset, "nothing", &nothing);
  g_assert_cmpint (cpl_rule_evaluate_clause (a, 0, "nothing", nothing.values), ==, CPL_TRI_UNKNOWN);
  g_assert_cmpint (cpl_rule_evaluate_clause (a, 1, "nothing", nothing.values), ==, CPL_TRI_UNKNOWN);
}

/* The built-in dataset's rules give the same verdicts for its H20. */
static void
test_builtin (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CplDataset) dataset = cpl_dataset_new_builtin (&error);
  CplChipMetrics m;

  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (cpl_dataset_get_chips (dataset)), >=, 14);
  g_assert_cmpuint (g_list_model_get_n_items (cpl_dataset_get_rules (dataset)), >=, 5);

  metrics_of (dataset, "nvidia-h20", &m);
  g_assert_cmpfloat_with_epsilon (m.values[CPL_METRIC_TPP], 2368, 1e-9);
  g_assert_cmpint (verdict (dataset, "eccn-3a090a-2023", "nvidia-h20"), ==, CPL_TRI_FALSE);
  g_assert_cmpint (verdict (dataset, "eccn-3a090b-2023", "nvidia-h20"), ==, CPL_TRI_FALSE);
  /* H200: 15,832 in 14,000–17,500 and 4,800 GB/s in 4,500–5,000 → the 25% tariff band */
  g_assert_cmpint (verdict (dataset, "tariff-25-2026", "nvidia-h200"), ==, CPL_TRI_TRUE);
  /* H800: 400 GB/s interconnect < 600 → not the 2022 rule; TPP 15,832 → 2023 .a */
  g_assert_cmpint (verdict (dataset, "eccn-3a090a-2022", "nvidia-h800"), ==, CPL_TRI_FALSE);
  g_assert_cmpint (verdict (dataset, "eccn-3a090a-2023", "nvidia-h800"), ==, CPL_TRI_TRUE);
  /* B200: 36,000 ≥ 21,000 → outside the 2026 case-by-case box */
  g_assert_cmpint (verdict (dataset, "case-by-case-2026", "nvidia-b200"), ==, CPL_TRI_FALSE);

  /* every built-in chip has at least one source */
  for (guint i = 0; i < g_list_model_get_n_items (cpl_dataset_get_chips (dataset)); i++)
    {
      g_autoptr(CplChip) chip = g_list_model_get_item (cpl_dataset_get_chips (dataset), i);
      g_assert_nonnull (cpl_chip_get_sources (chip)[0]);
    }
}

static void
test_localized_names (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CplText) text = NULL;
  g_autoptr(JsonNode) node = json_from_string ("{ \"en\": \"Ban\", \"zh_CN\": \"禁令\", \"zh_TW\": \"禁令（繁）\" }", &error);
  const char *zh[] = { "zh_CN.UTF-8", "zh_CN", "zh", "C", NULL };
  const char *tw[] = { "zh_TW", "zh", "C", NULL };
  const char *de[] = { "de_DE", "de", "C", NULL };
  const char *hk[] = { "zh_HK.UTF-8", "zh_HK", "zh", "C", NULL };
  const char *zh_only[] = { "zh", "C", NULL };

  g_assert_no_error (error);
  text = cpl_text_from_json (node, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (cpl_text_get_for (text, zh), ==, "禁令");
  g_assert_cmpstr (cpl_text_get_for (text, tw), ==, "禁令（繁）");
  /* no German: English */
  g_assert_cmpstr (cpl_text_get_for (text, de), ==, "Ban");
  /* Hong Kong reads the Traditional text; plain "zh" the Simplified one */
  g_assert_cmpstr (cpl_text_get_for (text, hk), ==, "禁令（繁）");
  g_assert_cmpstr (cpl_text_get_for (text, zh_only), ==, "禁令");

  /* a search finds any translation, ignoring case; not a plain
   * string's absent text */
  g_assert_true (cpl_text_contains (text, "BAN"));
  g_assert_true (cpl_text_contains (text, "禁令（"));
  g_assert_false (cpl_text_contains (text, "bann"));
  {
    g_autoptr(CplText) plain = cpl_text_new ("Ascend 910C");

    g_assert_true (cpl_text_contains (plain, "ascend 910"));
    g_assert_false (cpl_text_contains (plain, "昇腾"));
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/metrics/tpp", test_tpp);
  g_test_add_func ("/metrics/derived", test_derived);
  g_test_add_func ("/rules/h20", test_h20_rules);
  g_test_add_func ("/rules/three-valued", test_three_valued);
  g_test_add_func ("/rules/margins", test_margins);
  g_test_add_func ("/rules/builtin", test_builtin);
  g_test_add_func ("/text/localized", test_localized_names);
  return g_test_run ();
}
