/* test-messages.c: the model's messages in the reader's language
 *
 * Run three times (tests/meson.build): in English (LC_ALL=en_US.UTF-8),
 * Simplified Chinese (LANGUAGE=zh_CN, LC_ALL=zh_CN.UTF-8) and Traditional
 * Chinese (LANGUAGE=zh_TW, LC_ALL=zh_TW.UTF-8), with the catalogues of the
 * build tree (CPL_LOCALEDIR); CPL_TEST_LANG says which.  Each expected
 * message is written out whole: the file and the JSON path (or line and
 * column) stay as the file gives them, the rest is the po file's
 * translation, assembled by hand below.
 */
#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <math.h>
#include <string.h>
#include <sys/wait.h>

#include "cpl-model.h"

static const char *test_lang;

/* The string a reader of the test's language must see. */
static const char *
expect (const char *en,
        const char *zh_cn,
        const char *zh_tw)
{
  if (g_strcmp0 (test_lang, "zh_CN") == 0)
    return zh_cn;
  if (g_strcmp0 (test_lang, "zh_TW") == 0)
    return zh_tw;
  return en;
}

typedef struct {
  const char *fixture;   /* in tests/fixtures/bad/ */
  const char *where;     /* after the file name, untranslated */
  const char *what[3];   /* en, zh_CN, zh_TW */
} Case;

static const Case cases[] = {
  /* "revenue_share": 1.5; the field is [0, 1], not whole: the range
   * phrase "a number from %s to %s" inside "the number %s is out of
   * range; expected %s" (cpl_field_check). */
  { "bad-share.json", ": scenarios[0].revenue_share: ",
    { "the number 1.5 is out of range; expected a number from 0 to 1",
      "数值 1.5 超出范围，应为介于 0 到 1 之间的数",
      "數值 1.5 超出範圍，應為介於 0 到 1 之間的數" } },

  /* "domestic_learning_rate": 1.0 (shortest form "1"); the field is
   * [0, 1): "a number %s %s and %s %s" with the signs ≥ and < as
   * arguments, never translated. */
  { "bad-learning-rate.json", ": scenarios[0].domestic_learning_rate: ",
    { "the number 1 is out of range; expected a number ≥ 0 and < 1",
      "数值 1 超出范围，应为取值 ≥ 0 且 < 1 的数",
      "數值 1 超出範圍，應為值 ≥ 0 且 < 1 的數" } },

  /* "demand_pflops": "1000": the value described ("the string \"%s\"",
   * the text itself untranslated) then "%s; expected %s" with the
   * one-sided range "a number %s %s" (≥ 0). */
  { "bad-number-type.json", ": scenarios[0].demand_pflops: ",
    { "the string \"1000\"; expected a number ≥ 0",
      "字符串“1000”，应为取值 ≥ 0 的数",
      "字串「1000」，應為值 ≥ 0 的數" } },

  /* The root is an array: no path yet, so the location is "top level"
   * (translated), the value "an array". */
  { "bad-toplevel-array.json", ": ",
    { "top level: an array; expected an object with \"format\": \"chip-policy-lab\"",
      "顶层: 数组，应为含有 \"format\": \"chip-policy-lab\" 的对象",
      "最上層: 陣列，應為含有 \"format\": \"chip-policy-lab\" 的物件" } },

  /* The exported chip's vendor "no-such-vendor": document_validate's
   * reference check; the id stays as the file gives it. */
  { "bad-unknown-vendor.json", ": chips[1].vendor: ",
    { "unknown vendor \"no-such-vendor\"; expected the id of one of the dataset's vendors",
      "未知厂商“no-such-vendor”，应为数据集中某个厂商的 id",
      "未知廠商「no-such-vendor」，應為資料集中某家廠商的 id" } },

  /* 100 '[': the 65th is one past CPL_MAX_JSON_DEPTH (64), at line 1,
   * column 65; the count goes through g_dngettext. */
  { "bad-depth-100.json", ":1:65: ",
    { "nesting deeper than 64 levels; expected a dataset (which nests at most 6 levels)",
      "嵌套超过 64 层，应为数据集（最多嵌套 6 层）",
      "巢狀超過 64 層，應為資料集（最多巢狀 6 層）" } },
};

static char *
fixture_path (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "fixtures", "bad", name, NULL);
}

static char *
expected_message (const Case *c)
{
  g_autofree char *path = fixture_path (c->fixture);

  return g_strconcat (path, c->where, expect (c->what[0], c->what[1], c->what[2]), NULL);
}

/* Each file refused with the whole message in the test's language, and
 * the dataset as it was. */
static void
test_load (void)
{
  g_autoptr(CplDataset) dataset = cpl_dataset_new_builtin (NULL);
  g_autofree char *before = cpl_dataset_to_data (dataset, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *path = fixture_path (cases[i].fixture);
      g_autofree char *expected = expected_message (&cases[i]);
      g_autofree char *after = NULL;
      g_autoptr(GError) error = NULL;

      g_assert_false (cpl_dataset_load_file (dataset, path, CPL_LOAD_OVER_BUILTIN, &error));
      g_assert_nonnull (error);
      g_assert_cmpstr (error->message, ==, expected);
      after = cpl_dataset_to_data (dataset, NULL);
      g_assert_cmpstr (after, ==, before);
    }
}

/* `--compute` in the same language: the process binds the catalogue in
 * main() before any message is built, and prints the model's message
 * after the program's name, exiting with 1. */
static void
test_compute (void)
{
  const char *exe = g_getenv ("CPL_EXE");
  g_autofree char *path = fixture_path (cases[0].fixture);
  g_autofree char *message = expected_message (&cases[0]);
  g_autofree char *expected = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(GError) error = NULL;
  const char *argv[] = { exe, "--compute", path, NULL };
  g_auto(GStrv) envp = g_get_environ ();
  int status;

  g_assert_nonnull (exe);
  envp = g_environ_unsetenv (envp, "DISPLAY");
  envp = g_environ_unsetenv (envp, "WAYLAND_DISPLAY");
  g_spawn_sync (NULL, (char **) argv, envp, G_SPAWN_DEFAULT, NULL, NULL, &out, &err, &status, &error);
  g_assert_no_error (error);
  g_assert_true (WIFEXITED (status));
  g_assert_cmpint (WEXITSTATUS (status), ==, 1);
  g_assert_cmpstr (out, ==, "");
  expected = g_strdup_printf ("chip-policy-lab: %s\n", message);
  g_assert_cmpstr (err, ==, expected);
}

static char *
explain (CplDataset  *dataset,
         CplScenario *scenario)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CplProjection) p = cpl_projection_compute (scenario, dataset, &error);

  g_assert_no_error (error);
  return cpl_projection_explain (p, scenario, dataset);
}

/* What drives a projection (cpl_projection_explain()), tests/fixtures/
 * spill.json's "one-chip": with a power subsidy, capacity binds in 2026
 * and 2027 (see test-projection.c); with X's unit cost above its net
 * price, X is left out and capacity binds in every year. */
static void
test_explain (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fixtures", "spill.json", NULL);
  g_autoptr(CplDataset) dataset = cpl_dataset_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *subsidy_text = NULL;
  g_autofree char *left_out_text = NULL;
  CplScenario *scenario;

  g_assert_true (cpl_dataset_load_file (dataset, path, CPL_LOAD_ALONE, &error));
  g_assert_no_error (error);
  scenario = CPL_SCENARIO (cpl_dataset_lookup (dataset, CPL_TYPE_SCENARIO, "one-chip"));
  g_assert_true (cpl_entity_set_number (CPL_ENTITY (scenario), CPL_SCENARIO_DOMESTIC_POWER_SUBSIDY, 0.5, NULL));
  subsidy_text = explain (dataset, scenario);
  g_assert_cmpstr (subsidy_text, ==,
                   expect ("Domestic supply is capped by capacity in 2026–2027, so in those years the power "
                           "subsidy does not change domestic installs.\n"
                           "Of the demand for domestic chips above their capacity, 50% goes to exported chips "
                           "(capacity spill 100% × licence approval 50%) and the rest becomes a compute gap.\n"
                           "Favouring domestic chips then only moves demand onto chips that cannot supply it: "
                           "less of that demand is approved for exported chips than if buyers had asked for them "
                           "first, so exports fall and the compute gap grows.",
                           "2026—2027 年国产芯片供给受产能上限约束，因此在此期间，国产芯片电价补贴不会改变"
                           "国产芯片的新增装机算力。\n"
                           "国产芯片超出其产能的需求中，50% 转向出口芯片（超额需求转进口比例 100% × 许可审批通过率 50%），"
                           "其余成为算力缺口。\n"
                           "此时偏向国产芯片只会把需求推向无力供应的国产芯片：这部分需求转回出口芯片时获批的比例，"
                           "低于买方一开始就选择出口芯片时的比例，因此出口减少、算力缺口扩大。",
                           "2026–2027 年陸製晶片供給受產能上限約束，因此在這段期間，陸製晶片電價補貼不會改變"
                           "陸製晶片的新增裝機算力。\n"
                           "陸製晶片超出其產能的需求中，50% 轉向出口晶片（超額需求轉進口比例 100% × 許可核准率 50%），"
                           "其餘成為算力缺口。\n"
                           "此時偏向陸製晶片只會把需求推向無力供應的陸製晶片：這部分需求轉回出口晶片時獲准的比例，"
                           "低於買方一開始就選擇出口晶片時的比例，因此出口減少、算力缺口擴大。"));

  g_assert_true (cpl_entity_set_number (CPL_ENTITY (scenario), CPL_SCENARIO_DOMESTIC_POWER_SUBSIDY, 0, NULL));
  g_assert_true (cpl_entity_set_number (CPL_ENTITY (cpl_dataset_lookup_chip (dataset, "chip-x")),
                                        CPL_CHIP_UNIT_COST_USD, 1600, NULL));
  left_out_text = explain (dataset, scenario);
  g_assert_cmpstr (left_out_text, ==,
                   expect ("The X is not offered: after the 25% share its net price, $1,500, is below its unit "
                           "cost, $1,600.\n"
                           "No allowed chip is offered, so all demand falls on domestic chips.\n"
                           "Domestic supply is capped by capacity in 2026–2028.\n"
                           "The demand for domestic chips above their capacity becomes a compute gap: no exported chip is offered.",
                           "厂商不会供应 X：扣除 25% 分成后，其净价（1,500 美元）低于单位成本（1,600 美元）。\n"
                           "获准出口的芯片均无厂商供应，因此全部需求都落在国产芯片上。\n"
                           "2026—2028 年国产芯片供给受产能上限约束。\n"
                           "国产芯片超出其产能的需求全部成为算力缺口：没有可供购买的出口芯片。",
                           "廠商不會供應 X：扣除 25% 分成後，其淨價（1,500 美元）低於單位成本（1,600 美元）。\n"
                           "獲准出口的晶片均無廠商供應，因此全部需求都落在陸製晶片上。\n"
                           "2026–2028 年陸製晶片供給受產能上限約束。\n"
                           "陸製晶片超出其產能的需求全部成為算力缺口：沒有可供購買的出口晶片。"));
}

/* A Monte Carlo range: an en dash between the ends in English; the wave
 * dash ～ between two values in both Chinese scripts (GB/T 15834-2011;
 * the label P10–P90 keeps its dash). */
static void
test_range_dash (void)
{
  g_autofree char *range = cpl_format_p10_p90 ("22%", NULL, "60%");

  g_assert_cmpstr (range, ==, expect ("P10–P90: 22%–60%", "P10–P90 区间：22%～60%", "P10–P90 區間：22%～60%"));
}

/* ngettext's n for a count: 1 is the singular, 0 and fractions the
 * plural English uses ("0 years", "2.5 years"), and past a million a
 * million plus the remainder (2,000,001 → 1,000,000 + 1: the last digits,
 * which plural rules read, are kept; 3,000,000 → 1,000,000 + 0). */
static void
test_plural_count (void)
{
  g_assert_cmpuint (cpl_plural_count (1), ==, 1);
  g_assert_cmpuint (cpl_plural_count (5), ==, 5);
  g_assert_cmpuint (cpl_plural_count (0), ==, 0);
  g_assert_cmpuint (cpl_plural_count (-1), ==, 1);
  g_assert_cmpuint (cpl_plural_count (2.5), ==, 2);
  g_assert_cmpuint (cpl_plural_count (0.5), ==, 2);
  g_assert_cmpuint (cpl_plural_count (NAN), ==, 2);
  g_assert_cmpuint (cpl_plural_count (2000001), ==, 1000001);
  g_assert_cmpuint (cpl_plural_count (3e6), ==, 1000000);
}

int
main (int   argc,
      char *argv[])
{
  const char *localedir = g_getenv ("CPL_LOCALEDIR");

  /* as src/main.c does, before any message is built */
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, localedir && *localedir ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  test_lang = g_getenv ("CPL_TEST_LANG");

  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/messages/load", test_load);
  g_test_add_func ("/messages/compute", test_compute);
  g_test_add_func ("/messages/plural-count", test_plural_count);
  g_test_add_func ("/messages/explain", test_explain);
  g_test_add_func ("/messages/range-dash", test_range_dash);
  return g_test_run ();
}
