/* test-malformed.c: files the model must refuse (MODEL.md §7)
 *
 * Every fixture in tests/fixtures/bad/ is a minimal valid dataset (one
 * vendor, a domestic and an exported chip, one scenario; see
 * minimal_valid below) with exactly one defect, or a small broken CSV.
 * Each is loaded over the built-in dataset and alone; the load must fail
 * with the right CplDatasetError, a message that names the file, the JSON
 * path (or line:column, or CSV line), the offending value and what was
 * expected, and leave the dataset exactly as it was.
 */
#include "config.h"

#include <glib.h>
#include <glib/gstdio.h>
#include <string.h>

#include "cpl-model.h"

#define MAX_EXPECTED 5

typedef struct {
  const char      *file;        /* in tests/fixtures/bad/, or generated */
  CplDatasetError  code;
  const char      *expected[MAX_EXPECTED];  /* substrings of the message */
  guint            generate_depth;          /* > 0: a file of that many '[' */
} MalformedCase;

static const MalformedCase cases[] = {
  /* Not JSON.  A comma is missing after "version": 1 (line 3); json-glib
   * stops there and gives line:column, which parse_json keeps but puts
   * the file name in front of instead of "<data>". */
  { "bad-syntax.json", CPL_DATASET_ERROR_SYNTAX,
    { "bad-syntax.json:3:14: ", "unexpected number `1'", "expected a JSON document" } },

  /* Zero bytes: json-glib returns no root node, which parse_json reports
   * as an empty file. */
  { "bad-empty.json", CPL_DATASET_ERROR_SYNTAX,
    { "bad-empty.json: ", "the file is empty", "expected a JSON object" } },

  /* The minimal dataset wrapped in [ … ]: the root is not an object, and
   * with no path yet cpl_load_fail says "top level". */
  { "bad-toplevel-array.json", CPL_DATASET_ERROR_TYPE,
    { "bad-toplevel-array.json: top level: ", "an array", "expected an object" } },

  /* "format": "chip-policy-lib": another program's file. */
  { "bad-format.json", CPL_DATASET_ERROR_FORMAT,
    { "bad-format.json: format: ", "\"chip-policy-lib\" is not this program's format",
      "expected \"chip-policy-lab\"" } },

  /* "version": 2: written by a newer release. */
  { "bad-version.json", CPL_DATASET_ERROR_FORMAT,
    { "bad-version.json: version: ", "the number 2", "expected 1" } },

  /* A 0xFF byte after "Test Exported " in the exported chip's name, line
   * 10, after 52 characters: check_text refuses it before any parsing. */
  { "bad-utf8.json", CPL_DATASET_ERROR_ENCODING,
    { "bad-utf8.json:10:53: ", "the byte 0xFF is not UTF-8", "expected UTF-8 text" } },

  /* 100 '[' on one line: check_depth stops at the 65th (column 65), one
   * past CPL_MAX_JSON_DEPTH, before json-glib's recursive parser runs. */
  { "bad-depth-100.json", CPL_DATASET_ERROR_LIMIT,
    { "bad-depth-100.json:1:65: ", "nesting deeper than 64 levels", "expected a dataset" } },

  /* 100,000 '[' (generated at test time, not committed): the same check
   * at the same place; json-glib would otherwise recurse 100,000 deep. */
  { "bad-depth-100000.json", CPL_DATASET_ERROR_LIMIT,
    { "bad-depth-100000.json:1:65: ", "nesting deeper than 64 levels", "expected a dataset" },
    100000 },

  /* "demand_pflops": "1000": a string where cpl_entity_load_number wants
   * a number; the message gives the field's range as the expectation. */
  { "bad-number-type.json", CPL_DATASET_ERROR_TYPE,
    { "bad-number-type.json: scenarios[0].demand_pflops: ", "the string \"1000\"",
      "expected a number ≥ 0" } },

  /* "tdp_w": true on the exported chip (chips[1]); tdp_w is > 0. */
  { "bad-boolean-number.json", CPL_DATASET_ERROR_TYPE,
    { "bad-boolean-number.json: chips[1].tdp_w: ", "true", "expected a number > 0" } },

  /* "revenue_share": 1.5: cpl_field_check against [0, 1]. */
  { "bad-share.json", CPL_DATASET_ERROR_RANGE,
    { "bad-share.json: scenarios[0].revenue_share: ", "the number 1.5 is out of range",
      "expected a number from 0 to 1" } },

  /* "years": 0, 51 and 2.5: years is a whole number from 1 to 50. */
  { "bad-years-0.json", CPL_DATASET_ERROR_RANGE,
    { "bad-years-0.json: scenarios[0].years: ", "the number 0 is out of range",
      "expected a whole number from 1 to 50" } },
  { "bad-years-51.json", CPL_DATASET_ERROR_RANGE,
    { "bad-years-51.json: scenarios[0].years: ", "the number 51 is out of range",
      "expected a whole number from 1 to 50" } },
  { "bad-years-fraction.json", CPL_DATASET_ERROR_RANGE,
    { "bad-years-fraction.json: scenarios[0].years: ", "the number 2.5 is out of range",
      "expected a whole number from 1 to 50" } },

  /* "tdp_w": -700: the field is optional but, when given, > 0. */
  { "bad-negative-tdp.json", CPL_DATASET_ERROR_RANGE,
    { "bad-negative-tdp.json: chips[1].tdp_w: ", "the number -700 is out of range",
      "expected a number > 0" } },

  /* "domestic_learning_rate": 1.0: λ ∈ [0, 1) (γ = −log₂(1−λ) would be
   * infinite); 1.0 is shown in its shortest form, "1". */
  { "bad-learning-rate.json", CPL_DATASET_ERROR_RANGE,
    { "bad-learning-rate.json: scenarios[0].domestic_learning_rate: ",
      "the number 1 is out of range", "expected a number ≥ 0 and < 1" } },

  /* "demand_pflops": 1e999 overflows to infinity when read;
   * cpl_field_check refuses any non-finite number. */
  { "bad-nonfinite.json", CPL_DATASET_ERROR_RANGE,
    { "bad-nonfinite.json: scenarios[0].demand_pflops: ", "the number Infinity is not finite",
      "expected a number ≥ 0" } },

  /* The scenario without demand_pflops, a required field. */
  { "bad-missing-demand.json", CPL_DATASET_ERROR_MISSING,
    { "bad-missing-demand.json: scenarios[0].demand_pflops: ", "missing",
      "expected a number ≥ 0" } },

  /* The exported chip without "vendor", which cpl_chip_load requires. */
  { "bad-chip-no-vendor.json", CPL_DATASET_ERROR_MISSING,
    { "bad-chip-no-vendor.json: chips[1].vendor: ", "missing", "expected a string" } },

  /* The exported chip's id is "H200": ids are [a-z0-9][a-z0-9-]*. */
  { "bad-id-upper.json", CPL_DATASET_ERROR_INVALID,
    { "bad-id-upper.json: chips[1].id: ", "\"H200\" is not a valid id",
      "expected lower-case letters" } },

  /* A third chip with the id of the second: parse_list sees the id
   * again at chips[2] and names where it was first. */
  { "bad-duplicate-chip.json", CPL_DATASET_ERROR_DUPLICATE,
    { "bad-duplicate-chip.json: chips[2].id: ", "\"test-exported\" is already the id of chips[1]",
      "expected ids unique within chips" } },

  /* The exported chip's vendor is "no-such-vendor": document_validate
   * checks every chip's vendor after the merge. */
  { "bad-unknown-vendor.json", CPL_DATASET_ERROR_REFERENCE,
    { "bad-unknown-vendor.json: chips[1].vendor: ", "unknown vendor \"no-such-vendor\"",
      "expected the id of one of the dataset's vendors" } },

  /* allowed_chips [ "no-such-chip" ]: cpl_scenario_check_chips. */
  { "bad-unknown-allowed-chip.json", CPL_DATASET_ERROR_REFERENCE,
    { "bad-unknown-allowed-chip.json: scenarios[0].allowed_chips[0]: ",
      "unknown chip \"no-such-chip\"", "expected the id of a chip" } },

  /* "domestic_chip": "no-such-chip": the same check, for the domestic chip. */
  { "bad-unknown-domestic-chip.json", CPL_DATASET_ERROR_REFERENCE,
    { "bad-unknown-domestic-chip.json: scenarios[0].domestic_chip: ",
      "unknown chip \"no-such-chip\"", "expected the id of a chip" } },

  /* The exported chip lists only fp8: no compute_tflops (bf16, else
   * fp16), so it cannot enter the scenario that allows it. */
  { "bad-chip-no-compute.json", CPL_DATASET_ERROR_UNUSABLE,
    { "bad-chip-no-compute.json: scenarios[0].allowed_chips[0]: ",
      "chip \"test-exported\" has no bf16 or fp16 throughput",
      "expected a chip with a bf16 or fp16 figure" } },

  /* "demand_pflops": -99999999999999999999999: json-glib 1.6 would wrap
   * it into a 64-bit integer (it read as 1); check_structure refuses any
   * whole number of more than 18 digits first, at its line:column. */
  { "bad-big-integer.json", CPL_DATASET_ERROR_LIMIT,
    { "bad-big-integer.json:16:24: ", "-99999999999999999999999", "more than 18 digits",
      "expected a number such as 1.5e20" } },

  /* The minimal dataset without "format": any JSON object (a package.json)
   * must not open as a dataset. */
  { "bad-no-format.json", CPL_DATASET_ERROR_MISSING,
    { "bad-no-format.json: format: ", "missing", "expected \"chip-policy-lab\"" } },

  /* "performance": { "bf16": 990, "fp12": 1500 }: fp12 is not a
   * precision; cpl_entity_load_group lists the keys of the group. */
  { "bad-precision-key.json", CPL_DATASET_ERROR_INVALID,
    { "bad-precision-key.json: chips[1].performance.fp12: ", "unknown key \"fp12\"",
      "expected one of fp64 fp32 tf32 fp16 bf16 fp8 int8 fp4 int4" } },

  /* A rule whose only condition has "metric": "flops".  The list of
   * metrics must end with "datacenter" (see the report: today the list
   * runs on past the end of metric_keys). */
  { "bad-rule-metric.json", CPL_DATASET_ERROR_INVALID,
    { "bad-rule-metric.json: rules[0].match_any[0][0].metric: ", "unknown metric \"flops\"",
      "expected one of tpp performance_density", "compute_tflops tdp_w datacenter" } },

  /* Issue #12 (MODEL.md §2.1, DATA-FORMAT.md "Additions"): a rule's
   * effect, dates, share and chip lists.  Each fixture is the minimal
   * dataset with one rule that has the one defect named. */

  /* A chip list naming "nvidia-h21", which is no chip of the file (nor of
   * the built-in dataset): checked once every chip is read, at the list
   * element (value[1]). */
  { "bad-rule-unknown-chip.json", CPL_DATASET_ERROR_REFERENCE,
    { "bad-rule-unknown-chip.json: rules[0].match_any[0][0].value[1]: ",
      "unknown chip \"nvidia-h21\"", "expected the id of one of the dataset's chips" } },

  /* "until" is exclusive: until = effective (2025-08-11) leaves no day in
   * force, until 2025-04-09 before effective 2025-08-11 even less. */
  { "bad-rule-until-equal.json", CPL_DATASET_ERROR_RANGE,
    { "bad-rule-until-equal.json: rules[0].until: ",
      "\"until\" 2025-08-11 is not after \"effective\" 2025-08-11", "expected a later date" } },
  { "bad-rule-until-before.json", CPL_DATASET_ERROR_RANGE,
    { "bad-rule-until-before.json: rules[0].until: ",
      "\"until\" 2025-04-09 is not after \"effective\" 2025-08-11", "expected a later date" } },

  /* "share": 1.5 on a share rule: the field table's range [0, 1]. */
  { "bad-rule-share-range.json", CPL_DATASET_ERROR_RANGE,
    { "bad-rule-share-range.json: rules[0].share: ", "the number 1.5 is out of range",
      "expected a number from 0 to 1" } },

  /* "effect": "share" without a share: what would a match pay? */
  { "bad-rule-share-missing.json", CPL_DATASET_ERROR_MISSING,
    { "bad-rule-share-missing.json: rules[0].share: ", "missing",
      "a rule with the effect \"share\" needs a share from 0 to 1" } },

  /* "share": 0.15 on a licence rule: refused rather than ignored, since
   * the status function reads shares from share rules only and the user
   * would believe the 15% applies. */
  { "bad-rule-share-on-licence.json", CPL_DATASET_ERROR_INVALID,
    { "bad-rule-share-on-licence.json: rules[0].share: ",
      "a share of 0.15 on a rule with the effect \"licence\"", "expected \"effect\": \"share\"" } },

  /* "effective": "2025-8-11": the month needs two digits. */
  { "bad-rule-date.json", CPL_DATASET_ERROR_INVALID,
    { "bad-rule-date.json: rules[0].effective: ", "\"2025-8-11\" is not a date",
      "expected YYYY-MM-DD" } },

  /* "effect": "ban": not one of the three effects. */
  { "bad-rule-effect.json", CPL_DATASET_ERROR_INVALID,
    { "bad-rule-effect.json: rules[0].effect: ", "unknown effect \"ban\"",
      "expected control, licence or share" } },

  /* A chip list with "op": "==": a list takes "in" only. */
  { "bad-rule-chip-op.json", CPL_DATASET_ERROR_INVALID,
    { "bad-rule-chip-op.json: rules[0].match_any[0][0].op: ",
      "unknown operator \"==\" for the metric \"chip\"", "expected in" } },

  /* A chip list whose value is one id, not a list of them. */
  { "bad-rule-chip-list.json", CPL_DATASET_ERROR_TYPE,
    { "bad-rule-chip-list.json: rules[0].match_any[0][0].value: ", "the string \"test-exported\"",
      "expected a non-empty list of chip ids" } },

  /* A rule whose only condition has "op": "=>". */
  { "bad-rule-op.json", CPL_DATASET_ERROR_INVALID,
    { "bad-rule-op.json: rules[0].match_any[0][0].op: ", "unknown operator \"=>\"",
      "expected one of >= > <= < ==" } },

  /* ranges.demand_growth { low 0.6, mode 0.3, high 0.1 }: each end is in
   * demand_growth's range, but low > high. */
  { "bad-range-order.json", CPL_DATASET_ERROR_RANGE,
    { "bad-range-order.json: scenarios[0].ranges.demand_growth: ",
      "low 0.6, mode 0.3, high 0.1 are out of order", "expected low ≤ mode ≤ high" } },

  /* A revenue case with price_pass_through 1 and revenue_share 1, each in
   * [0, 1], but π·s = 1 makes p / (1 − π·s) infinite: check_pass_through. */
  { "bad-pass-through.json", CPL_DATASET_ERROR_RANGE,
    { "bad-pass-through.json: revenue_cases[0].price_pass_through: ",
      "pass-through 1 × revenue_share 1 is 1", "expected a product below 1" } },

  /* A sale line whose notes are the number 5: notes are text, as a
   * chip's and a scenario's (cpl_json_get_text()). */
  { "bad-case-notes-number.json", CPL_DATASET_ERROR_TYPE,
    { "bad-case-notes-number.json: revenue_cases[0].notes: ", "the number 5",
      "expected a string or an object from locale to string" } },

  /* The same product in a scenario: cpl_scenario_check_chips. */
  { "bad-scenario-pass-through.json", CPL_DATASET_ERROR_RANGE,
    { "bad-scenario-pass-through.json: scenarios[0].price_pass_through: ",
      "pass-through 1 × revenue share 1 is 1", "expected a product below 1" } },

  /* "released": "2024-13": there is no 13th month. */
  /* "amortization_years": 0: the price would be spread over no years;
   * the field is > 0 (MIN_EXCLUSIVE) up to 50. */
  { "bad-amortization-zero.json", CPL_DATASET_ERROR_RANGE,
    { "bad-amortization-zero.json: scenarios[0].amortization_years: ", "the number 0 is out of range",
      "expected a number > 0 and ≤ 50" } },

  /* "pue": 0.5: a data center cannot use less power than its chips. */
  { "bad-pue-below-one.json", CPL_DATASET_ERROR_RANGE,
    { "bad-pue-below-one.json: scenarios[0].pue: ", "the number 0.5 is out of range",
      "expected a number from 1 to 5" } },

  /* "allowed_chips": "test-exported": a string where a list belongs. */
  { "bad-allowed-not-array.json", CPL_DATASET_ERROR_TYPE,
    { "bad-allowed-not-array.json: scenarios[0].allowed_chips: ", "the string \"test-exported\"",
      "expected an array" } },

  /* "name": {}: localized text with no language at all. */
  { "bad-name-empty-object.json", CPL_DATASET_ERROR_TYPE,
    { "bad-name-empty-object.json: scenarios[0].name: ", "the object has no text",
      "expected at least one locale" } },

  /* "sources": "https://example.com": one URL, not a list of them. */
  { "bad-sources-not-array.json", CPL_DATASET_ERROR_TYPE,
    { "bad-sources-not-array.json: chips[0].sources: ", "the string \"https://example.com\"",
      "expected an array" } },

  /* Epoch CSV whose line 3 has "lots" under the memory column. */
  { "bad-csv-memory-text.csv", CPL_DATASET_ERROR_TYPE,
    { "bad-csv-memory-text.csv:3: ", "column \"Memory size per board (Byte)\"", "\"lots\" is not a number",
      "expected a finite number" } },

  { "bad-released.json", CPL_DATASET_ERROR_INVALID,
    { "bad-released.json: chips[1].released: ", "\"2024-13\" is not a date",
      "expected YYYY, YYYY-MM or YYYY-MM-DD" } },

  /* Epoch CSV whose record on line 3 opens a quote that never closes:
   * libcsv's csv_fini fails, and the message gives the line the record
   * started on. */
  { "bad-csv-unclosed-quote.csv", CPL_DATASET_ERROR_SYNTAX,
    { "bad-csv-unclosed-quote.csv:3: ", "a quoted field is not closed",
      "expected a closing \"" } },

  /* Epoch CSV with "about 700" in "TDP (W)" on line 3: parse_number
   * names the line, the column header and the text. */
  { "bad-csv-tdp-text.csv", CPL_DATASET_ERROR_TYPE,
    { "bad-csv-tdp-text.csv:3: ", "column \"TDP (W)\"", "\"about 700\" is not a number",
      "expected a finite number ≥ 0" } },

  /* A CSV whose name column is called "Chip": neither "Hardware name"
   * nor "Name" is in the header (line 1). */
  { "bad-csv-no-name.csv", CPL_DATASET_ERROR_MISSING,
    { "bad-csv-no-name.csv:1: ", "no \"Hardware name\" column",
      "expected an Epoch AI machine-learning hardware table" } },

  /* Hostile input (issue #11).  Each is something json-glib 1.6 reads
   * silently wrong, refused by check_structure before it parses, at the
   * line:column and the JSON path of the defect. */

  /* "name": "Test \ud800x": half a surrogate pair, which json-glib turns
   * into bytes that are not UTF-8.  Line 10 is
   * `····{ "id": "test-exported", "name": "Test \ud800x", …`: 4 spaces,
   * `{ ` (cols 5–6), `"id": ` (7–12), `"test-exported", ` (13–29),
   * `"name": ` (30–37), `"Test ` (38–43): the backslash is column 44. */
  { "bad-lone-surrogate.json", CPL_DATASET_ERROR_ENCODING,
    { "bad-lone-surrogate.json:10:44: chips[1].name: ",
      "the escape \\ud800 is half of a UTF-16 surrogate pair",
      "expected both halves together, such as \\ud83d\\ude00" } },

  /* A lone low half in a key, "x-\udc00" of scenarios[0] on line 16:
   * 6 spaces, `"demand_pflops": ` (7–23), `1000, ` (24–29), `"x-`
   * (30–32): column 33.  The key is unreadable, so the path is the
   * object's. */
  { "bad-surrogate-key.json", CPL_DATASET_ERROR_ENCODING,
    { "bad-surrogate-key.json:16:33: scenarios[0]: ", "the escape \\udc00 is half" } },

  /* "id": "test-exp\u0000orted": json-glib would cut the id to
   * "test-exp".  Line 10: 4 spaces, `{ ` (5–6), `"id": ` (7–12), `"`
   * (13), `test-exp` (14–21): the backslash is column 22. */
  { "bad-nul-escape.json", CPL_DATASET_ERROR_ENCODING,
    { "bad-nul-escape.json:10:22: chips[1].id: ",
      "the escape \\u0000 (a NUL character) would cut the text short",
      "expected text without NUL characters" } },

  /* "price_usd": 25000, "price\u005fusd": 2500 in the exported chip: the
   * same key once decoded (\u005f is '_'); json-glib would keep 2500.
   * Line 11: 6 spaces, `"tdp_w": ` (7–15), `700, ` (16–20): the first
   * key at column 21; `"price_usd": ` (21–33), `25000, ` (34–40): the
   * second at column 41. */
  { "bad-duplicate-key.json", CPL_DATASET_ERROR_DUPLICATE,
    { "bad-duplicate-key.json:11:41: chips[1].price_usd: ",
      "the key \"price_usd\" is given a second time in this object (first at 11:21)",
      "expected each key once" } },

  /* The minimal dataset (19 lines), then a second document on line 20,
   * which json-glib 1.6 would ignore. */
  { "bad-second-document.json", CPL_DATASET_ERROR_SYNTAX,
    { "bad-second-document.json:20:1: ", "more text after the end of the JSON document",
      "expected one document per file" } },

  /* "id": "\u001b[2J\u202eevil": an escape sequence that clears a
   * terminal, and a right-to-left override.  The message shows both as
   * escapes, never the characters themselves. */
  { "bad-control-chars.json", CPL_DATASET_ERROR_INVALID,
    { "bad-control-chars.json: chips[1].id: ", "\"\\x1b[2J\\u202eevil\" is not a valid id" } },
};

/* What every JSON fixture is, before its one defect. */
static const char minimal_valid[] =
  "{\n"
  "  \"format\": \"chip-policy-lab\",\n"
  "  \"version\": 1,\n"
  "  \"vendors\": [\n"
  "    { \"id\": \"test-vendor\", \"name\": \"Test Vendor\", \"country\": \"CN\" }\n"
  "  ],\n"
  "  \"chips\": [\n"
  "    { \"id\": \"test-domestic\", \"name\": \"Test Domestic\", \"vendor\": \"test-vendor\", \"domestic\": true,\n"
  "      \"tdp_w\": 400, \"price_usd\": 10000, \"performance\": { \"bf16\": 300 } },\n"
  "    { \"id\": \"test-exported\", \"name\": \"Test Exported\", \"vendor\": \"test-vendor\",\n"
  "      \"tdp_w\": 700, \"price_usd\": 25000, \"performance\": { \"bf16\": 990 } }\n"
  "  ],\n"
  "  \"scenarios\": [\n"
  "    { \"id\": \"test-scenario\", \"name\": \"Test scenario\", \"start_year\": 2026, \"years\": 5,\n"
  "      \"allowed_chips\": [ \"test-exported\" ], \"domestic_chip\": \"test-domestic\",\n"
  "      \"demand_pflops\": 1000, \"domestic_capacity_pflops\": 500,\n"
  "      \"domestic_installed_pflops\": 800 }\n"
  "  ]\n"
  "}\n";

static const char *
mode_name (CplLoadMode mode)
{
  return mode == CPL_LOAD_OVER_BUILTIN ? "over the built-in dataset" : "alone";
}

static void
count_changes (GListModel *model,
               guint       position,
               guint       removed,
               guint       added,
               guint      *n_changes)
{
  (*n_changes)++;
}

static void
count_entry_changes (CplDataset *dataset,
                     CplEntity  *entity,
                     guint      *n_changes)
{
  (*n_changes)++;
}

static void
watch_dataset (CplDataset *dataset,
               guint      *n_changes)
{
  GListModel *lists[] = {
    cpl_dataset_get_vendors (dataset),
    cpl_dataset_get_chips (dataset),
    cpl_dataset_get_rules (dataset),
    cpl_dataset_get_scenarios (dataset),
    cpl_dataset_get_revenue_cases (dataset),
  };

  for (guint i = 0; i < G_N_ELEMENTS (lists); i++)
    g_signal_connect (lists[i], "items-changed", G_CALLBACK (count_changes), n_changes);
  g_signal_connect (dataset, "entry-changed", G_CALLBACK (count_entry_changes), n_changes);
}

/* Loads @path into @dataset with @mode, and checks the refusal and that
 * nothing changed. */
static void
assert_refused (CplDataset          *dataset,
                const char          *path,
                CplLoadMode          mode,
                const MalformedCase *c)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *display_name = g_filename_display_name (path);
  gsize before_length, after_length;
  guint n_changes = 0;
  gboolean loaded;

  before = cpl_dataset_to_data (dataset, &before_length);
  watch_dataset (dataset, &n_changes);

  loaded = cpl_dataset_load_file (dataset, path, mode, &error);
  if (error != NULL)
    g_test_message ("%s, %s: %s", c->file, mode_name (mode), error->message);
  else
    g_test_message ("%s, %s: no error (loaded: %d)", c->file, mode_name (mode), loaded);

  g_assert_false (loaded);
  g_assert_error (error, CPL_DATASET_ERROR, (int) c->code);

  /* The message begins with the file as the user knows it … */
  if (!g_str_has_prefix (error->message, display_name))
    g_test_message ("expected the message to begin with \"%s\"", display_name);
  g_assert_true (g_str_has_prefix (error->message, display_name));

  /* … and says where, what and what was expected. */
  for (guint i = 0; i < MAX_EXPECTED && c->expected[i] != NULL; i++)
    {
      if (strstr (error->message, c->expected[i]) == NULL)
        g_test_message ("expected \"%s\" in the message \"%s\"", c->expected[i], error->message);
      g_assert_nonnull (strstr (error->message, c->expected[i]));
    }

  /* A rejected file changes nothing that was loaded before. */
  g_signal_handlers_disconnect_by_data (cpl_dataset_get_vendors (dataset), &n_changes);
  g_signal_handlers_disconnect_by_data (cpl_dataset_get_chips (dataset), &n_changes);
  g_signal_handlers_disconnect_by_data (cpl_dataset_get_rules (dataset), &n_changes);
  g_signal_handlers_disconnect_by_data (cpl_dataset_get_scenarios (dataset), &n_changes);
  g_signal_handlers_disconnect_by_data (cpl_dataset_get_revenue_cases (dataset), &n_changes);
  g_signal_handlers_disconnect_by_data (dataset, &n_changes);
  g_assert_cmpuint (n_changes, ==, 0);

  after = cpl_dataset_to_data (dataset, &after_length);
  g_assert_cmpmem (before, before_length, after, after_length);
}

/* Writes @depth '[' to a file named @name in a new temporary folder.
 * Returns: the file's path; *dir_out the folder, to remove. */
static char *
generate_deep_file (const char  *name,
                    guint        depth,
                    char       **dir_out)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("cpl-malformed-XXXXXX", &error);
  g_autofree char *data = NULL;
  char *path;

  g_assert_no_error (error);
  data = g_malloc (depth + 1);
  memset (data, '[', depth);
  data[depth] = '\n';
  path = g_build_filename (dir, name, NULL);
  g_file_set_contents (path, data, depth + 1, &error);
  g_assert_no_error (error);

  *dir_out = g_steal_pointer (&dir);
  return path;
}

static void
test_malformed (gconstpointer data)
{
  const MalformedCase *c = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(CplDataset) dataset = NULL;
  g_autofree char *path = NULL;
  g_autofree char *dir = NULL;

  if (c->generate_depth > 0)
    path = generate_deep_file (c->file, c->generate_depth, &dir);
  else
    path = g_test_build_filename (G_TEST_DIST, "fixtures", "bad", c->file, NULL);
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));

  dataset = cpl_dataset_new_builtin (&error);
  g_assert_no_error (error);
  g_assert_nonnull (dataset);
  g_assert_cmpuint (g_list_model_get_n_items (cpl_dataset_get_chips (dataset)), >, 0);

  /* The fixtures are self-contained (their own vendor, chips and
   * scenario), so the defect is the same whatever they are laid over. */
  assert_refused (dataset, path, CPL_LOAD_OVER_BUILTIN, c);
  assert_refused (dataset, path, CPL_LOAD_ALONE, c);

  if (dir != NULL)
    {
      g_assert_cmpint (g_unlink (path), ==, 0);
      g_assert_cmpint (g_rmdir (dir), ==, 0);
    }
}

/* The fixtures' common ground loads, alone and over the built-in
 * dataset, so each fixture's error comes from its one defect; and the
 * serialization the refusals compare does show a change when there is
 * one. */
static void
test_minimal_valid (void)
{
  g_autoptr(GBytes) bytes = g_bytes_new_static (minimal_valid, strlen (minimal_valid));
  g_autoptr(GError) error = NULL;
  g_autoptr(CplDataset) alone = cpl_dataset_new ();
  g_autoptr(CplDataset) over = cpl_dataset_new_builtin (&error);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  guint n_builtin_chips;

  g_assert_no_error (error);
  g_assert_true (cpl_dataset_load_bytes (alone, bytes, "minimal.json", CPL_LOAD_ALONE, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (cpl_dataset_get_vendors (alone)), ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (cpl_dataset_get_chips (alone)), ==, 2);
  g_assert_cmpuint (g_list_model_get_n_items (cpl_dataset_get_scenarios (alone)), ==, 1);

  n_builtin_chips = g_list_model_get_n_items (cpl_dataset_get_chips (over));
  before = cpl_dataset_to_data (over, NULL);
  g_assert_true (cpl_dataset_load_bytes (over, bytes, "minimal.json", CPL_LOAD_OVER_BUILTIN, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (cpl_dataset_get_chips (over)), ==, n_builtin_chips + 2);
  after = cpl_dataset_to_data (over, NULL);
  g_assert_cmpstr (before, !=, after);
}

/* The list of metrics in the message stops at the last metric (it once
 * ran on past the end of its array): "datacenter", then "chip", the
 * chip-list condition of MODEL.md §2.1, which is no CplMetric. */
static void
test_metric_list_ends (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fixtures", "bad", "bad-rule-metric.json", NULL);
  g_autoptr(CplDataset) dataset = cpl_dataset_new ();
  g_autoptr(GError) error = NULL;

  g_assert_false (cpl_dataset_load_file (dataset, path, CPL_LOAD_ALONE, &error));
  g_assert_true (g_str_has_suffix (error->message, "compute_tflops tdp_w datacenter chip"));
}

/* A file that replaces the built-in H200 with one that has no bf16 breaks
 * a built-in scenario; the message points at the user's chip, not at the
 * built-in dataset the user cannot edit. */
static void
test_overlay_blames_file (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fixtures", "overlay-h200-no-bf16.json", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(CplDataset) dataset = cpl_dataset_new_builtin (&error);
  g_autofree char *before = cpl_dataset_to_data (dataset, NULL);
  g_autofree char *after = NULL;

  g_assert_false (cpl_dataset_load_file (dataset, path, CPL_LOAD_OVER_BUILTIN, &error));
  g_assert_error (error, CPL_DATASET_ERROR, CPL_DATASET_ERROR_UNUSABLE);
  g_test_message ("%s", error->message);
  g_assert_true (g_str_has_prefix (error->message, path));
  g_assert_nonnull (strstr (error->message, "overlay-h200-no-bf16.json: chips[0], as used by "
                                            "built-in dataset scenario \""));
  g_assert_nonnull (strstr (error->message, "chip \"nvidia-h200\" has no bf16 or fp16 throughput"));
  after = cpl_dataset_to_data (dataset, NULL);
  g_assert_cmpstr (before, ==, after);
}

/* A key given twice in an object of many keys (past the 32 compared in
 * place, looked up in a hash table): the first chip has "x-0" … "x-39",
 * then "x-3" again, spelled "x-\u0033".  All on line 1:
 *   {"format":"chip-policy-lab","chips":[{"id":"a","name":"A",
 * is 1 + 8 + 1 + 17 + 1 + 7 + 1 + 1 + 1 + 4 + 1 + 3 + 1 + 6 + 1 + 3 + 1
 * = 58 characters; then each "x-N":1, member is 8 characters for N < 10
 * and 9 for 10 ≤ N ≤ 39: "x-3" starts at column 59 + 3 × 8 = 83, the
 * second one at 59 + 10 × 8 + 30 × 9 = 409. */
static void
test_duplicate_key_many (void)
{
  g_autoptr(GString) text = g_string_new ("{\"format\":\"chip-policy-lab\",\"chips\":[{\"id\":\"a\",\"name\":\"A\",");
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(CplDataset) dataset = cpl_dataset_new ();
  g_autoptr(GError) error = NULL;

  g_assert_cmpuint (text->len, ==, 58);
  for (guint i = 0; i < 40; i++)
    g_string_append_printf (text, "\"x-%u\":1,", i);
  g_string_append (text, "\"x-\\u0033\":2}]}");
  bytes = g_bytes_new (text->str, text->len);
  g_assert_false (cpl_dataset_load_bytes (dataset, bytes, "many.json", CPL_LOAD_ALONE, &error));
  g_assert_error (error, CPL_DATASET_ERROR, CPL_DATASET_ERROR_DUPLICATE);
  g_assert_cmpstr (error->message, ==, "many.json:1:409: chips[0].x-3: the key \"x-3\" is given a second time "
                                      "in this object (first at 1:83); expected each key once");
}

/* Every file in fixtures/bad has its case, so none sits there untested. */
static void
test_every_fixture_listed (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fixtures", "bad", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GDir) dir = g_dir_open (path, 0, &error);
  const char *name;
  guint n_files = 0;

  g_assert_no_error (error);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      gboolean listed = FALSE;

      for (guint i = 0; i < G_N_ELEMENTS (cases) && !listed; i++)
        listed = cases[i].generate_depth == 0 && g_str_equal (cases[i].file, name);
      if (!listed)
        g_test_message ("fixtures/bad/%s has no case in test-malformed.c", name);
      g_assert_true (listed);
      n_files++;
    }
  g_assert_cmpuint (n_files, >=, 20);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *stem = g_strndup (cases[i].file, strcspn (cases[i].file, "."));
      g_autofree char *test_path = g_strconcat ("/malformed/", stem, NULL);

      g_test_add_data_func (test_path, &cases[i], test_malformed);
    }
  g_test_add_func ("/malformed/control/minimal-valid", test_minimal_valid);
  g_test_add_func ("/malformed/metric-list-ends", test_metric_list_ends);
  g_test_add_func ("/malformed/overlay-blames-file", test_overlay_blames_file);
  g_test_add_func ("/malformed/duplicate-key-many", test_duplicate_key_many);
  g_test_add_func ("/malformed/control/every-fixture-listed", test_every_fixture_listed);

  return g_test_run ();
}
