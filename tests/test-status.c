/* test-status.c: rule effects, dates, chip lists and the status of a
 * chip in China on a date (MODEL.md §2.1), on hand-built rule sets
 *
 * TPP = fp8 × 8 for every chip here (fp8 is its only precision), so a
 * chip with fp8 2000 has TPP 16,000 and one with fp8 100 has TPP 800.
 */
#include "config.h"

#include <string.h>

#include "cpl-test-util.h"

/* Dated rules.  ctl: control, TPP ≥ 4800, 2023-01-01 up to (not on)
 * 2025-01-01.  lic: licence, TPP < 21000, from 2024-01-01.  share-25 and
 * share-10 from 2024-06-01: TPP ≥ 14000 pays 25%, TPP ≥ 4800 pays 10%;
 * a TPP 16,000 chip matches both.  listed: control on the chip "named"
 * only, from 2024-03-01. */
static const char dated_json[] =
  "{ \"format\": \"chip-policy-lab\","
  "  \"vendors\": [ { \"id\": \"us\", \"country\": \"US\" }, { \"id\": \"cn\", \"country\": \"CN\" } ],"
  "  \"chips\": ["
  "    { \"id\": \"big\", \"vendor\": \"us\", \"performance\": { \"fp8\": 2000 } },"
  "    { \"id\": \"named\", \"vendor\": \"us\", \"performance\": { \"fp8\": 100 } },"
  "    { \"id\": \"blank\", \"vendor\": \"us\" },"
  "    { \"id\": \"dom\", \"vendor\": \"cn\", \"performance\": { \"fp8\": 2000 } }"
  "  ],"
  "  \"rules\": ["
  "    { \"id\": \"ctl\", \"effective\": \"2023-01-01\", \"until\": \"2025-01-01\","
  "      \"match_any\": [ [ { \"metric\": \"tpp\", \"op\": \">=\", \"value\": 4800 } ] ] },"
  "    { \"id\": \"lic\", \"effect\": \"licence\", \"effective\": \"2024-01-01\","
  "      \"match_any\": [ [ { \"metric\": \"tpp\", \"op\": \"<\", \"value\": 21000 } ] ] },"
  "    { \"id\": \"share-25\", \"effect\": \"share\", \"share\": 0.25, \"effective\": \"2024-06-01\","
  "      \"match_any\": [ [ { \"metric\": \"tpp\", \"op\": \">=\", \"value\": 14000 } ] ] },"
  "    { \"id\": \"share-10\", \"effect\": \"share\", \"share\": 0.1, \"effective\": \"2024-06-01\","
  "      \"match_any\": [ [ { \"metric\": \"tpp\", \"op\": \">=\", \"value\": 4800 } ] ] },"
  "    { \"id\": \"listed\", \"effect\": \"control\", \"effective\": \"2024-03-01\","
  "      \"match_any\": [ [ { \"metric\": \"chip\", \"op\": \"in\", \"value\": [ \"named\" ] } ] ] }"
  "  ] }";

/* Undated rules (always in force), for unknown figures.  Two control
 * rules: TPP ≥ 4800, or interconnect ≥ 600 (no chip here gives its
 * interconnect, so that one is always unknown).  Licence: bandwidth
 * below 6500 GB/s.  Share 25%: memory ≥ 100 GB. */
static const char unknown_json[] =
  "{ \"format\": \"chip-policy-lab\","
  "  \"vendors\": [ { \"id\": \"us\", \"country\": \"US\" } ],"
  "  \"chips\": ["
  "    { \"id\": \"small\", \"vendor\": \"us\", \"bandwidth_tbs\": 1, \"performance\": { \"fp8\": 100 } },"
  "    { \"id\": \"no-bw\", \"vendor\": \"us\", \"performance\": { \"fp8\": 2000 } },"
  "    { \"id\": \"wide\", \"vendor\": \"us\", \"bandwidth_tbs\": 8, \"performance\": { \"fp8\": 2000 } },"
  "    { \"id\": \"no-mem\", \"vendor\": \"us\", \"bandwidth_tbs\": 4.8, \"performance\": { \"fp8\": 2000 } },"
  "    { \"id\": \"mem\", \"vendor\": \"us\", \"bandwidth_tbs\": 4.8, \"memory_gb\": 141,"
  "      \"performance\": { \"fp8\": 2000 } }"
  "  ],"
  "  \"rules\": ["
  "    { \"id\": \"ctl-tpp\", \"match_any\": [ [ { \"metric\": \"tpp\", \"op\": \">=\", \"value\": 4800 } ] ] },"
  "    { \"id\": \"ctl-link\", \"match_any\": [ [ { \"metric\": \"interconnect_gbs\", \"op\": \">=\", \"value\": 600 } ] ] },"
  "    { \"id\": \"lic-bw\", \"effect\": \"licence\","
  "      \"match_any\": [ [ { \"metric\": \"bandwidth_gbs\", \"op\": \"<\", \"value\": 6500 } ] ] },"
  "    { \"id\": \"share-mem\", \"effect\": \"share\", \"share\": 0.25,"
  "      \"match_any\": [ [ { \"metric\": \"memory_gb\", \"op\": \">=\", \"value\": 100 } ] ] }"
  "  ] }";

static CplDataset *
load (const char *json)
{
  g_autoptr(GError) error = NULL;
  CplDataset *dataset = cpl_test_load_string (json, &error);

  g_assert_no_error (error);
  return dataset;
}

/* The status of @chip_id on @iso_date; @share gets the share. */
static CplChipStatus
status_on (CplDataset *dataset,
           const char *chip_id,
           const char *iso_date,
           double     *share)
{
  CplChip *chip = cpl_dataset_lookup_chip (dataset, chip_id);
  GDate date;

  g_assert_nonnull (chip);
  g_assert_true (cpl_iso_date_parse (iso_date, &date));
  return cpl_chip_status_on (dataset, chip, &date, share);
}

static void
assert_status (CplDataset    *dataset,
               const char    *chip_id,
               const char    *iso_date,
               CplChipStatus  expected,
               double         expected_share)
{
  double share = -1;
  CplChipStatus status = status_on (dataset, chip_id, iso_date, &share);

  if (status != expected)
    g_error ("%s on %s: %s, expected %s", chip_id, iso_date,
             cpl_chip_status_get_key (status), cpl_chip_status_get_key (expected));
  if (isnan (expected_share))
    g_assert_true (isnan (share));
  else
    cpl_assert_near (share, expected_share, 1e-12);
}

/* Step 1: a chip whose vendor is Chinese is domestic, whatever the rules
 * say: "dom" (TPP 16,000) matches ctl, lic and both shares on 2024-06-01. */
static void
test_domestic (void)
{
  g_autoptr(CplDataset) dataset = load (dated_json);

  assert_status (dataset, "dom", "2024-06-01", CPL_CHIP_STATUS_DOMESTIC, NAN);
  assert_status (dataset, "dom", "2020-01-01", CPL_CHIP_STATUS_DOMESTIC, NAN);
}

/* "effective" is inclusive.  big (TPP 16,000 ≥ 4800): the day before ctl
 * (2022-12-31) no rule is in force → no licence needed; on its first day
 * (2023-01-01) and the day after, ctl is true and lic (from 2024) not in
 * force, so the licence OR is false → denied.  lic's first day,
 * 2024-01-01: licensable with no share rule yet in force → share 0; the
 * day before it, still denied. */
static void
test_effective_boundaries (void)
{
  g_autoptr(CplDataset) dataset = load (dated_json);

  assert_status (dataset, "big", "2022-12-31", CPL_CHIP_STATUS_FREE, NAN);
  assert_status (dataset, "big", "2023-01-01", CPL_CHIP_STATUS_DENIED, NAN);
  assert_status (dataset, "big", "2023-01-02", CPL_CHIP_STATUS_DENIED, NAN);
  assert_status (dataset, "big", "2023-12-31", CPL_CHIP_STATUS_DENIED, NAN);
  assert_status (dataset, "big", "2024-01-01", CPL_CHIP_STATUS_LICENSABLE, 0);
  assert_status (dataset, "big", "2024-05-31", CPL_CHIP_STATUS_LICENSABLE, 0);
}

/* Overlapping shares: from 2024-06-01 big matches share-25 (16,000 ≥
 * 14,000) and share-10 (16,000 ≥ 4,800); the largest, 0.25, applies. */
static void
test_overlapping_shares (void)
{
  g_autoptr(CplDataset) dataset = load (dated_json);

  assert_status (dataset, "big", "2024-06-01", CPL_CHIP_STATUS_LICENSABLE, 0.25);
}

/* "until" is exclusive: ctl ends before 2025-01-01.  The day before,
 * big is still licensable at 25%; on the day and after, no control rule
 * that catches big is in force ("listed" names only "named") → no
 * licence needed. */
static void
test_until_boundaries (void)
{
  g_autoptr(CplDataset) dataset = load (dated_json);

  assert_status (dataset, "big", "2024-12-31", CPL_CHIP_STATUS_LICENSABLE, 0.25);
  assert_status (dataset, "big", "2025-01-01", CPL_CHIP_STATUS_FREE, NAN);
  assert_status (dataset, "big", "2025-01-02", CPL_CHIP_STATUS_FREE, NAN);
}

/* The ids of the rules that decide @chip_id's status on @iso_date,
 * joined with spaces, control rules first, then licence, then share;
 * checks the status too. */
static void
assert_deciding (CplDataset    *dataset,
                 const char    *chip_id,
                 const char    *iso_date,
                 CplChipStatus  expected,
                 const char    *expected_ids)
{
  g_autoptr(GPtrArray) deciding = NULL;
  g_autoptr(GString) ids = g_string_new (NULL);
  CplChip *chip = cpl_dataset_lookup_chip (dataset, chip_id);
  double share;
  CplChipStatus status;
  GDate date;

  g_assert_true (cpl_iso_date_parse (iso_date, &date));
  status = cpl_chip_status_decided_on (dataset, chip, &date, &share, &deciding);
  g_assert_cmpstr (cpl_chip_status_get_key (status), ==, cpl_chip_status_get_key (expected));
  /* the same status as cpl_chip_status_on() */
  g_assert_cmpint (status, ==, cpl_chip_status_on (dataset, chip, &date, NULL));
  g_assert_nonnull (deciding);
  for (guint i = 0; i < deciding->len; i++)
    g_string_append_printf (ids, "%s%s", i ? " " : "", cpl_entity_get_id (deciding->pdata[i]));
  g_assert_cmpstr (ids->str, ==, expected_ids);
}

/* The rules that decide a status (what the Chips view names):
 * - big (TPP 16,000) on 2023-06-01: ctl (16,000 ≥ 4,800) catches it, lic
 *   is not yet in force → denied by ctl alone;
 * - on 2024-06-01: ctl, lic (16,000 < 21,000), and of the two shares
 *   that match (25% and 10%) the 25% that applies; share-10 does not
 *   decide;
 * - on 2025-01-01 ctl is lifted: no licence needed, no rule decides;
 * - named (TPP 800) on 2024-06-01: caught by listed only (ctl: 800 <
 *   4,800 is not), opened by lic, no share (800 < 4,800 for both): the
 *   control rule first, though lic comes before listed in the file;
 * - dom: domestic, no rule;
 * - small (TPP 800, no interconnect): ctl-tpp is false, ctl-link needs
 *   data → needs data, decided by ctl-link;
 * - no-bw (TPP 16,000, no bandwidth): caught by ctl-tpp (ctl-link's
 *   unknown does not decide once a control rule is true), lic-bw needs
 *   data;
 * - wide (8,000 GB/s ≥ 6,500): caught by ctl-tpp, lic-bw false → denied;
 * - no-mem: licensable, its share needs data from share-mem (memory
 *   missing); mem (141 ≥ 100 GB): 25% from share-mem. */
static void
test_deciding_rules (void)
{
  g_autoptr(CplDataset) dated = load (dated_json);
  g_autoptr(CplDataset) unknown = load (unknown_json);

  assert_deciding (dated, "big", "2023-06-01", CPL_CHIP_STATUS_DENIED, "ctl");
  assert_deciding (dated, "big", "2024-06-01", CPL_CHIP_STATUS_LICENSABLE, "ctl lic share-25");
  assert_deciding (dated, "big", "2025-01-01", CPL_CHIP_STATUS_FREE, "");
  assert_deciding (dated, "named", "2024-06-01", CPL_CHIP_STATUS_LICENSABLE, "listed lic");
  assert_deciding (dated, "dom", "2024-06-01", CPL_CHIP_STATUS_DOMESTIC, "");
  assert_deciding (unknown, "small", "2024-06-01", CPL_CHIP_STATUS_UNKNOWN, "ctl-link");
  assert_deciding (unknown, "no-bw", "2024-06-01", CPL_CHIP_STATUS_UNKNOWN, "ctl-tpp lic-bw");
  assert_deciding (unknown, "wide", "2024-06-01", CPL_CHIP_STATUS_DENIED, "ctl-tpp");
  assert_deciding (unknown, "no-mem", "2024-06-01", CPL_CHIP_STATUS_LICENSABLE, "ctl-tpp lic-bw share-mem");
  assert_deciding (unknown, "mem", "2024-06-01", CPL_CHIP_STATUS_LICENSABLE, "ctl-tpp lic-bw share-mem");
}

/* A chip list: "named" (TPP 800, below every threshold) is caught only
 * by "listed", from 2024-03-01.  The day before (2024 is a leap year:
 * 2024-02-29) it needs no licence; from then on it is controlled, lic
 * (800 < 21,000) makes it licensable, and neither share rule matches
 * (800 < 4,800) → share 0.  "listed" has no until: the same in 2030. */
static void
test_chip_list (void)
{
  g_autoptr(CplDataset) dataset = load (dated_json);
  CplRule *listed = CPL_RULE (cpl_dataset_lookup (dataset, CPL_TYPE_RULE, "listed"));
  CplChipMetrics m;

  assert_status (dataset, "named", "2024-02-29", CPL_CHIP_STATUS_FREE, NAN);
  assert_status (dataset, "named", "2024-03-01", CPL_CHIP_STATUS_LICENSABLE, 0);
  assert_status (dataset, "named", "2030-01-01", CPL_CHIP_STATUS_LICENSABLE, 0);

  /* never unknown: "blank" gives no figure at all, and is simply not named */
  cpl_chip_metrics_compute (cpl_dataset_lookup_chip (dataset, "blank"), &m);
  g_assert_cmpint (cpl_rule_evaluate_chip (listed, "blank", m.values, NULL), ==, CPL_TRI_FALSE);
  cpl_chip_metrics_compute (cpl_dataset_lookup_chip (dataset, "named"), &m);
  g_assert_cmpint (cpl_rule_evaluate_chip (listed, "named", m.values, NULL), ==, CPL_TRI_TRUE);
  /* a chip of no dataset (a what-if chip) is on no list */
  g_assert_cmpint (cpl_rule_evaluate (listed, m.values, NULL), ==, CPL_TRI_FALSE);
}

/* "blank" gives no figure: on 2023-06-01 ctl (TPP ≥ 4800) is unknown →
 * needs data, never "no licence needed".  On 2022-06-01 no rule is in
 * force, so nothing needs its figures → no licence needed. */
static void
test_unknown_control_dated (void)
{
  g_autoptr(CplDataset) dataset = load (dated_json);

  assert_status (dataset, "blank", "2023-06-01", CPL_CHIP_STATUS_UNKNOWN, NAN);
  assert_status (dataset, "blank", "2022-06-01", CPL_CHIP_STATUS_FREE, NAN);
}

/* Unknown metrics, undated rules (in force on any date):
 * - small: ctl-tpp false (800 < 4800), ctl-link unknown → control
 *   unknown → needs data;
 * - no-bw: ctl-tpp true (the unknown ctl-link does not matter in an
 *   OR), lic-bw unknown (no bandwidth) → needs data;
 * - wide: controlled, 8000 GB/s ≥ 6500 → licence false → denied;
 * - no-mem: licensable (4800 < 6500), share-mem unknown (no memory):
 *   the 25% may apply → the share is unknown (NaN);
 * - mem: 141 GB ≥ 100 → licensable at 25%. */
static void
test_unknown_metrics (void)
{
  g_autoptr(CplDataset) dataset = load (unknown_json);

  assert_status (dataset, "small", "2026-02-01", CPL_CHIP_STATUS_UNKNOWN, NAN);
  assert_status (dataset, "no-bw", "2026-02-01", CPL_CHIP_STATUS_UNKNOWN, NAN);
  assert_status (dataset, "wide", "2026-02-01", CPL_CHIP_STATUS_DENIED, NAN);
  assert_status (dataset, "no-mem", "2026-02-01", CPL_CHIP_STATUS_LICENSABLE, NAN);
  assert_status (dataset, "mem", "2026-02-01", CPL_CHIP_STATUS_LICENSABLE, 0.25);
}

/* The rule's accessors give what the file says, the defaults what
 * MODEL.md §2.1 says: effect control, no share, no end. */
static void
test_accessors (void)
{
  g_autoptr(CplDataset) dataset = load (dated_json);
  CplRule *ctl = CPL_RULE (cpl_dataset_lookup (dataset, CPL_TYPE_RULE, "ctl"));
  CplRule *share = CPL_RULE (cpl_dataset_lookup (dataset, CPL_TYPE_RULE, "share-25"));

  g_assert_cmpint (cpl_rule_get_effect (ctl), ==, CPL_RULE_EFFECT_CONTROL);
  g_assert_true (isnan (cpl_rule_get_share (ctl)));
  g_assert_cmpstr (cpl_rule_get_effective (ctl), ==, "2023-01-01");
  g_assert_cmpstr (cpl_rule_get_until (ctl), ==, "2025-01-01");
  g_assert_cmpint (cpl_rule_get_effect (share), ==, CPL_RULE_EFFECT_SHARE);
  cpl_assert_near (cpl_rule_get_share (share), 0.25, 1e-15);
  g_assert_null (cpl_rule_get_until (share));
  g_assert_cmpstr (cpl_rule_effect_get_key (CPL_RULE_EFFECT_LICENCE), ==, "licence");
}

/* Dates: YYYY-MM-DD exactly, a real day. */
static void
test_date_parse (void)
{
  GDate date;

  g_assert_true (cpl_iso_date_parse ("2024-02-29", &date));
  g_assert_cmpint (g_date_get_year (&date), ==, 2024);
  g_assert_cmpint (g_date_get_month (&date), ==, 2);
  g_assert_cmpint (g_date_get_day (&date), ==, 29);
  g_assert_false (cpl_iso_date_parse ("2025-02-29", &date));   /* not a leap year */
  g_assert_false (cpl_iso_date_parse ("2025-8-11", &date));
  g_assert_false (cpl_iso_date_parse ("2025-08-11T00:00", &date));
  g_assert_false (cpl_iso_date_parse ("2025/08/11", &date));
  g_assert_false (cpl_iso_date_parse ("+025-08-11", &date));
  g_assert_false (cpl_iso_date_parse ("", &date));
}

/* The first day a chip was on sale, from its "released": the day, or the
 * first of its month or year; nothing when it is not known. */
static void
test_released_date (void)
{
  g_autoptr(CplChip) chip = cpl_chip_new ("c", "C", "v");
  const struct { const char *released; const char *day; } cases[] = {
    { "2024-11-14", "2024-11-14" },
    { "2024-11", "2024-11-01" },
    { "2024", "2024-01-01" },
    { NULL, NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      GDate date;
      char shown[16];

      g_date_clear (&date, 1);
      cpl_chip_set_released (chip, cases[i].released);
      if (cases[i].day == NULL)
        {
          g_assert_false (cpl_chip_get_released_date (chip, &date));
          continue;
        }
      g_assert_true (cpl_chip_get_released_date (chip, &date));
      g_date_strftime (shown, sizeof shown, "%Y-%m-%d", &date);
      g_assert_cmpstr (shown, ==, cases[i].day);
    }
}

/* On sale on a day from the first day of its release: "2024-11" is on
 * sale from 2024-11-01, not on 2024-10-31; a chip whose release is not
 * known counts as on sale on any day, even 1990-01-01. */
static void
test_released_by (void)
{
  g_autoptr(CplChip) chip = cpl_chip_new ("c", "C", "v");
  const struct { const char *released; const char *on; gboolean expected; } cases[] = {
    { "2024-11", "2024-10-31", FALSE },
    { "2024-11", "2024-11-01", TRUE },
    { "2024-11", "2026-02-01", TRUE },
    { "2024-11-14", "2024-11-13", FALSE },
    { "2024-11-14", "2024-11-14", TRUE },
    { "2024", "2023-12-31", FALSE },
    { "2024", "2024-01-01", TRUE },
    { NULL, "1990-01-01", TRUE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      GDate on;

      cpl_chip_set_released (chip, cases[i].released);
      g_assert_true (cpl_iso_date_parse (cases[i].on, &on));
      g_assert_cmpint (cpl_chip_released_by (chip, &on), ==, cases[i].expected);
    }
}

/* Saving keeps the effect, the share, the dates and the chip list: the
 * saved text holds them, and reading it back gives the same text. */
static void
test_round_trip (void)
{
  g_autoptr(CplDataset) dataset = load (dated_json);
  g_autofree char *saved = cpl_test_serialize (dataset);
  g_autoptr(CplDataset) again = load (saved);
  g_autofree char *saved_again = cpl_test_serialize (again);
  g_autoptr(JsonNode) root = json_from_string (saved, NULL);
  JsonArray *rules = json_object_get_array_member (json_node_get_object (root), "rules");
  JsonObject *ctl = json_array_get_object_element (rules, 0);
  JsonObject *share = json_array_get_object_element (rules, 2);
  JsonObject *listed = json_array_get_object_element (rules, 4);
  JsonArray *clause = json_array_get_array_element (json_object_get_array_member (listed, "match_any"), 0);
  JsonObject *condition = json_array_get_object_element (clause, 0);

  g_assert_cmpstr (saved, ==, saved_again);
  g_assert_false (json_object_has_member (ctl, "effect"));   /* the default, not given */
  g_assert_cmpstr (json_object_get_string_member (ctl, "until"), ==, "2025-01-01");
  g_assert_cmpstr (json_object_get_string_member (share, "effect"), ==, "share");
  cpl_assert_near (json_object_get_double_member (share, "share"), 0.25, 1e-15);
  g_assert_cmpstr (json_object_get_string_member (listed, "effect"), ==, "control");  /* given */
  g_assert_cmpstr (json_object_get_string_member (condition, "metric"), ==, "chip");
  g_assert_cmpstr (json_object_get_string_member (condition, "op"), ==, "in");
  g_assert_cmpstr (json_array_get_string_element (json_object_get_array_member (condition, "value"), 0),
                   ==, "named");
}

/* MODEL.md §2.1's four expectations, against the built-in dataset.
 * Chip figures from its entries (TPP = max of precision × bits):
 * H20 fp8 296 → 2,368, PD 2,368 / 814 = 2.91, bandwidth 4,000 GB/s;
 * H200 fp8 1,979 → 15,832, 4,800 GB/s; B200 fp8 4,500 → 36,000;
 * A100 int8 624 → 4,992, interconnect 600 GB/s. */
static void
test_builtin_expectations (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CplDataset) dataset = cpl_dataset_new_builtin (&error);

  g_assert_no_error (error);

  /* 2025-06-01, H20: no 3A090 rule catches it (2,368 < 2,400 and PD
   * 2.91 < 3.2), but the April letters (from 2025-04-09) name it →
   * controlled; no licence rule is in force yet (August 2025, January
   * 2026) → denied. */
  assert_status (dataset, "nvidia-h20", "2025-06-01", CPL_CHIP_STATUS_DENIED, NAN);
  /* the day before the letters it needed none */
  assert_status (dataset, "nvidia-h20", "2025-04-08", CPL_CHIP_STATUS_FREE, NAN);

  /* 2025-09-01, H20: the August licences (from 2025-08-11) name it →
   * licensable; the 15% share rule names it too → 0.15.  The MI308X,
   * named by the same three rules, the same. */
  assert_status (dataset, "nvidia-h20", "2025-09-01", CPL_CHIP_STATUS_LICENSABLE, 0.15);
  assert_status (dataset, "amd-mi308x", "2025-09-01", CPL_CHIP_STATUS_LICENSABLE, 0.15);

  /* 2026-02-01, H200: 15,832 ≥ 4,800 → 3A090.a (2023) controls it;
   * case-by-case (from 2026-01-15): 15,832 < 21,000 and 4,800 < 6,500 →
   * licensable; the tariff band 14,000–17,500 × 4,500–5,000 holds it →
   * 25%.  B200: 36,000 ≥ 4,800 → controlled; 36,000 ≥ 21,000 → no
   * licence rule → denied. */
  assert_status (dataset, "nvidia-h200", "2026-02-01", CPL_CHIP_STATUS_LICENSABLE, 0.25);
  assert_status (dataset, "nvidia-b200", "2026-02-01", CPL_CHIP_STATUS_DENIED, NAN);
  /* H200 before the December 2025 terms: denied; from 2025-12-08 they
   * name it (a licence rule and a 25% share rule), before the
   * case-by-case rule: licensable at 25% */
  assert_status (dataset, "nvidia-h200", "2025-12-07", CPL_CHIP_STATUS_DENIED, NAN);
  assert_status (dataset, "nvidia-h200", "2025-12-08", CPL_CHIP_STATUS_LICENSABLE, 0.25);
  assert_status (dataset, "nvidia-h200", "2026-01-14", CPL_CHIP_STATUS_LICENSABLE, 0.25);

  /* A100 the day before the first rule (2022-10-07): no rule in force →
   * no licence needed; on that day 4,992 ≥ 4,800 and 600 ≥ 600 →
   * controlled, and nothing licenses it → denied. */
  assert_status (dataset, "nvidia-a100", "2022-10-06", CPL_CHIP_STATUS_FREE, NAN);
  assert_status (dataset, "nvidia-a100", "2022-10-07", CPL_CHIP_STATUS_DENIED, NAN);

  /* Huawei is a Chinese vendor */
  assert_status (dataset, "huawei-ascend-910c", "2026-02-01", CPL_CHIP_STATUS_DOMESTIC, NAN);
}

/* A scenario from the policy on a date.  Rules: control TPP ≥ 4800,
 * licence TPP < 21000, 25% share TPP ≥ 14000 from 2024-06-01.  TPP =
 * max (bf16 × 16, fp8 × 8) here.  "ok" (bf16 1000 → 16,000): controlled,
 * licensable, 25% from June 2024.  "cheap" (bf16 50 → 800): no licence
 * needed.  "no-price": like "ok" but with no price, which a scenario
 * cannot cost.  "foreign-dom": like "ok", but the scenario's domestic
 * chip.  "huge" (bf16 2500 → 40,000 ≥ 21,000): denied.  "blank": no
 * figures, so control is unknown: needs data.  "dom": a Chinese vendor. */
static const char policy_json[] =
  "{ \"format\": \"chip-policy-lab\","
  "  \"vendors\": [ { \"id\": \"us\", \"country\": \"US\" }, { \"id\": \"cn\", \"country\": \"CN\" } ],"
  "  \"chips\": ["
  "    { \"id\": \"ok\", \"name\": \"OK\", \"vendor\": \"us\", \"price_usd\": 20000, \"tdp_w\": 700,"
  "      \"performance\": { \"bf16\": 1000 } },"
  "    { \"id\": \"cheap\", \"name\": \"Cheap\", \"vendor\": \"us\", \"price_usd\": 5000, \"tdp_w\": 300,"
  "      \"performance\": { \"bf16\": 50 } },"
  "    { \"id\": \"no-price\", \"name\": \"No Price\", \"vendor\": \"us\", \"tdp_w\": 700,"
  "      \"performance\": { \"bf16\": 1000 } },"
  "    { \"id\": \"foreign-dom\", \"name\": \"Foreign Dom\", \"vendor\": \"us\", \"price_usd\": 20000, \"tdp_w\": 700,"
  "      \"performance\": { \"bf16\": 1000 } },"
  "    { \"id\": \"huge\", \"name\": \"Huge\", \"vendor\": \"us\", \"price_usd\": 40000, \"tdp_w\": 1000,"
  "      \"performance\": { \"bf16\": 2500 } },"
  "    { \"id\": \"blank\", \"name\": \"Blank\", \"vendor\": \"us\" },"
  "    { \"id\": \"dom\", \"name\": \"Dom\", \"vendor\": \"cn\", \"price_usd\": 10000, \"tdp_w\": 400,"
  "      \"performance\": { \"bf16\": 300 } }"
  "  ],"
  "  \"rules\": ["
  "    { \"id\": \"ctl\", \"match_any\": [ [ { \"metric\": \"tpp\", \"op\": \">=\", \"value\": 4800 } ] ] },"
  "    { \"id\": \"lic\", \"effect\": \"licence\","
  "      \"match_any\": [ [ { \"metric\": \"tpp\", \"op\": \"<\", \"value\": 21000 } ] ] },"
  "    { \"id\": \"share-25\", \"effect\": \"share\", \"share\": 0.25, \"effective\": \"2024-06-01\","
  "      \"match_any\": [ [ { \"metric\": \"tpp\", \"op\": \">=\", \"value\": 14000 } ] ] }"
  "  ] }";

/* The policy on @iso_date for @scenario; @left_out may be NULL. */
static GStrv
policy_on (CplDataset   *dataset,
           CplScenario  *scenario,
           const char   *iso_date,
           double       *share,
           GPtrArray   **left_out)
{
  GDate date;
  GStrv allowed = NULL;

  g_assert_true (cpl_iso_date_parse (iso_date, &date));
  cpl_scenario_policy_on (dataset, scenario, &date, &allowed, share, NULL, left_out);
  g_assert_nonnull (allowed);
  return allowed;
}

static void
assert_strv (const char * const *strv,
             const char         *expected_joined)
{
  g_autofree char *joined = g_strjoinv (" ", (char **) strv);

  g_assert_cmpstr (joined, ==, expected_joined);
}

static void
test_policy_hand_built (void)
{
  g_autoptr(CplDataset) dataset = load (policy_json);
  g_autoptr(CplScenario) scenario = cpl_scenario_new ("s", "S", "foreign-dom");
  g_autoptr(GPtrArray) left_out = NULL;
  g_auto(GStrv) allowed = NULL;
  g_auto(GStrv) before = NULL;
  double share = -1;

  /* 2024-07-01: ok (licensable, 25%) and cheap (free, no share) are
   * allowed; no-price is licensable but unusable; foreign-dom is the
   * domestic chip (skipped without a word); huge is denied; blank needs
   * data; dom is domestic.  Share: max (0.25, 0) = 0.25. */
  allowed = policy_on (dataset, scenario, "2024-07-01", &share, &left_out);
  assert_strv ((const char * const *) allowed, "ok cheap");
  cpl_assert_near (share, 0.25, 1e-12);
  g_assert_cmpuint (left_out->len, ==, 2);
  /* in the dataset's order: no-price (3rd chip), then blank (6th) */
  g_assert_true (g_str_has_prefix (g_ptr_array_index (left_out, 0), "No Price: "));
  g_assert_nonnull (strstr (g_ptr_array_index (left_out, 0), "price_usd"));
  g_assert_true (g_str_has_prefix (g_ptr_array_index (left_out, 1), "Blank: "));
  g_assert_nonnull (strstr (g_ptr_array_index (left_out, 1), "its status on 1 July 2024 needs data"));

  /* 2024-05-31, the day before the share rule: the same chips, no share */
  before = policy_on (dataset, scenario, "2024-05-31", &share, NULL);
  assert_strv ((const char * const *) before, "ok cheap");
  cpl_assert_near (share, 0, 0);

  /* nothing was changed: the scenario still allows what it did (none) */
  g_assert_cmpuint (g_strv_length ((char **) cpl_scenario_get_allowed_chips (scenario)), ==, 0);
}

/* The built-in rules (see test_builtin_expectations for the TPPs; TPP =
 * max over precisions of TFLOPS × bits):
 *   A100 4,992 (bw 2,039 GB/s)   H100 15,832 (3,350)   H800 15,832 (3,350)
 *   H20 2,368 (4,000)            H200 15,832 (4,800)   B200 36,000 (7,700)
 *   GB200 40,000 (8,000)         MI300X 20,919.2 (5,300)
 *   MI308X 2,368 (5,300)         MI325X 20,800 (6,000)
 *   MI355X 36,800 (8,000)        Gaudi 3 bf16 1,678 × 16 = 26,848 (3,700)
 * Every foreign chip here has TPP ≥ 4,800 (3A090.a, 2022 and 2023) or is
 * named by the April 2025 letters, so from 2025-04-09 all are controlled.
 * The scenario is the built-in "h200-share-25", domestic chip Ascend
 * 910C (a Chinese vendor, never allowed anyway). */
static void
test_policy_builtin (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CplDataset) dataset = cpl_dataset_new_builtin (&error);
  CplScenario *scenario;
  g_autoptr(GPtrArray) left_out = NULL;
  g_auto(GStrv) ban = NULL;
  g_auto(GStrv) august = NULL;
  g_auto(GStrv) january = NULL;
  double share = -1;

  g_assert_no_error (error);
  scenario = CPL_SCENARIO (cpl_dataset_lookup (dataset, CPL_TYPE_SCENARIO, "h200-share-25"));
  g_assert_nonnull (scenario);

  /* 2025-06-01: all controlled, and no licence rule in force yet (the
   * first is 2025-08-11) → every foreign chip denied: a full ban. */
  ban = policy_on (dataset, scenario, "2025-06-01", &share, &left_out);
  assert_strv ((const char * const *) ban, "");
  cpl_assert_near (share, 0, 0);
  g_assert_cmpuint (left_out->len, ==, 0);

  /* 2025-09-01: the August licences name H20 and MI308X only; the 15%
   * rule names the same two → 0.15.  The case-by-case rule (2026-01-15)
   * and the 25% bands (2026-01-14) are not in force yet. */
  august = policy_on (dataset, scenario, "2025-09-01", &share, NULL);
  assert_strv ((const char * const *) august, "nvidia-h20 amd-mi308x");
  cpl_assert_near (share, 0.15, 1e-12);

  /* 2026-02-01: case-by-case licenses TPP < 21,000 with bandwidth <
   * 6,500 GB/s: A100, H100, H800, H200, MI300X (20,919.2 < 21,000),
   * MI325X (20,800; 6,000) and, by TPP too, H20 and MI308X (also licensed
   * by name).  Denied: B200, GB200, MI355X (TPP ≥ 21,000, bandwidth ≥
   * 6,500) and Gaudi 3 (26,848 ≥ 21,000).  Shares: the 25% bands hold
   * H200 (15,832 in 14,000–17,500; 4,800 in 4,500–5,000) and MI325X
   * (20,800 in 20,800–21,100; 6,000 in 5,800–6,200); H20 and MI308X pay
   * 15%; the largest is 0.25.  Each has a bf16 or fp16 figure, a price
   * and a TDP, so none is left out.  Dataset order. */
  january = policy_on (dataset, scenario, "2026-02-01", &share, NULL);
  assert_strv ((const char * const *) january,
               "nvidia-a100 nvidia-h100 nvidia-h800 nvidia-h20 nvidia-h200 "
               "amd-mi300x amd-mi308x amd-mi325x");
  cpl_assert_near (share, 0.25, 1e-12);
}

/* The built-in rules come in the order they took effect, so that every
 * view that lists them (the Chips table's columns, the detail, the
 * comparison) reads as a history: October 2022, November 2023 (two),
 * April, August (two) and December 2025 (two), January 14 and 15, 2026.
 * The 2026 rules came before the 2025 ones. */
static void
test_builtin_rules_by_date (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CplDataset) dataset = cpl_dataset_new_builtin (&error);
  GListModel *rules = cpl_dataset_get_rules (dataset);
  const char *expected[] = { "2022-10-07", "2023-11-17", "2023-11-17", "2025-04-09", "2025-08-11", "2025-08-11",
                             "2025-12-08", "2025-12-08", "2026-01-14", "2026-01-15" };

  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (rules), ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_autoptr(CplRule) rule = g_list_model_get_item (rules, i);

      g_assert_cmpstr (cpl_rule_get_effective (rule), ==, expected[i]);
    }
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/status/domestic", test_domestic);
  g_test_add_func ("/status/builtin-rules-by-date", test_builtin_rules_by_date);
  g_test_add_func ("/status/effective-boundaries", test_effective_boundaries);
  g_test_add_func ("/status/overlapping-shares", test_overlapping_shares);
  g_test_add_func ("/status/until-boundaries", test_until_boundaries);
  g_test_add_func ("/status/chip-list", test_chip_list);
  g_test_add_func ("/status/deciding-rules", test_deciding_rules);
  g_test_add_func ("/status/unknown-control-dated", test_unknown_control_dated);
  g_test_add_func ("/status/unknown-metrics", test_unknown_metrics);
  g_test_add_func ("/status/accessors", test_accessors);
  g_test_add_func ("/status/date-parse", test_date_parse);
  g_test_add_func ("/status/released-date", test_released_date);
  g_test_add_func ("/status/released-by", test_released_by);
  g_test_add_func ("/status/round-trip", test_round_trip);
  g_test_add_func ("/status/builtin-expectations", test_builtin_expectations);
  g_test_add_func ("/status/policy-hand-built", test_policy_hand_built);
  g_test_add_func ("/status/policy-builtin", test_policy_builtin);

  return g_test_run ();
}
