/* test-chart-builders.c: the charts the views show and the exports save,
 * built from the model (src/views/cpl-chart-builders.c)
 *
 * With no display (DISPLAY and WAYLAND_DISPLAY empty).
 *
 * tests/fixtures/two-chips.json, laid over nothing: scenario "two-years"
 * (2026–2027) is worked by hand in test-projection.c: gross revenue
 * 5,440,000/3 in 2026 (1,360/3 units of X and of Y at $2,000) and
 * 215,680,000/51 in 2027 (53,920/51 units each), so 308,160,000/51 =
 * 6,042,352.94 over both; without pass-through the gross does not move
 * with the revenue share.  Scenario "ban" has one year, 2026.
 */
#include "config.h"

#include <locale.h>

#include "cpl-test-util.h"
#include "views/cpl-chart-builders.h"
#include "views/cpl-view-util.h"
#include "views/scenarios/cpl-scenario-editor.h"
#include "views/scenarios/cpl-scenario-summary.h"
#include "widgets/cpl-bar-chart.h"
#include "widgets/cpl-chart-private.h"
#include "widgets/cpl-scatter-chart.h"
#include "widgets/cpl-timeline-chart.h"

static CplDataset *
load_two_chips (void)
{
  return cpl_test_load_fixture ("two-chips.json", CPL_LOAD_ALONE);
}

static GPtrArray *
scenarios_of (CplDataset *dataset,
              ...)
{
  GPtrArray *scenarios = g_ptr_array_new ();
  va_list args;
  const char *id;

  va_start (args, dataset);
  while ((id = va_arg (args, const char *)) != NULL)
    {
      CplEntity *scenario = cpl_dataset_lookup (dataset, CPL_TYPE_SCENARIO, id);

      g_assert_nonnull (scenario);
      g_ptr_array_add (scenarios, scenario);
    }
  va_end (args);
  return scenarios;
}

/* Every id builds, and the list is the (plus the take and the
 * domestic share-rate curve, which the app shows too). */
static void
test_ids (void)
{
  static const char * const expected[] = {
    "domestic-share", "units", "revenue", "take", "compute-gap", "cost-of-compute",
    "threshold-map", "timeline", "tornado", "share-curve", "share-curve-domestic",
  };

  g_assert_cmpuint (g_strv_length ((char **) cpl_chart_ids), ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    g_assert_cmpstr (cpl_chart_ids[i], ==, expected[i]);

  {
    g_autofree char *revenue = cpl_chart_dup_title ("revenue");
    g_autofree char *compared = cpl_chart_dup_card_title ("revenue", TRUE);
    g_autofree char *unknown = cpl_chart_dup_title ("pie");

    /* each vendor's gross (the take in it) beside the take: "Revenue"
     * did not say the bars were gross */
    g_assert_cmpstr (revenue, ==, "Gross Revenue and US Government Take");
    g_assert_cmpstr (compared, ==, "Gross Revenue of US Vendors");
    g_assert_null (unknown);
  }
  g_assert_true (cpl_chart_id_compares ("compute-gap"));
  g_assert_false (cpl_chart_id_compares ("tornado"));
  g_assert_false (cpl_chart_id_compares ("timeline"));
}

/* Bad requests: an unknown id names the valid ones; a scenario chart
 * needs a scenario; the tornado and the share-rate curve take one. */
static void
test_errors (void)
{
  g_autoptr(CplDataset) dataset = load_two_chips ();
  g_autoptr(GPtrArray) none = g_ptr_array_new ();
  g_autoptr(GPtrArray) two = scenarios_of (dataset, "two-years", "ban", NULL);
  g_autoptr(GPtrArray) one = scenarios_of (dataset, "two-years", NULL);
  g_autoptr(GError) error = NULL;
  CplChart *chart;

  chart = cpl_chart_build ("pie", dataset, one, &error);
  g_assert_null (chart);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
  g_assert_nonnull (strstr (error->message, "“pie”"));
  g_assert_nonnull (strstr (error->message, "domestic-share, units, revenue, take, compute-gap, cost-of-compute, "
                                            "threshold-map, timeline, tornado, share-curve, share-curve-domestic"));
  g_clear_error (&error);

  chart = cpl_chart_build ("units", dataset, none, &error);
  g_assert_null (chart);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
  g_assert_cmpstr (error->message, ==, "The chart “units” shows a scenario; name one");
  g_clear_error (&error);

  chart = cpl_chart_build ("share-curve", dataset, two, &error);
  g_assert_null (chart);
  g_assert_cmpstr (error->message, ==, "The chart “share-curve” shows one scenario at a time; name only one");
  g_clear_error (&error);

  /* two-years has no ranges: nothing for a tornado to rank */
  chart = cpl_chart_build ("tornado", dataset, one, &error);
  g_assert_null (chart);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
  g_assert_nonnull (strstr (error->message, "“Two years” has no ranges"));
}

/* One scenario: the results' chart types and years; several: a line per
 * scenario over the years of any of them (2026 and 2027). */
static void
test_kinds (void)
{
  g_autoptr(CplDataset) dataset = load_two_chips ();
  g_autoptr(GPtrArray) one = scenarios_of (dataset, "two-years", NULL);
  g_autoptr(GPtrArray) two = scenarios_of (dataset, "two-years", "ban", NULL);

  for (guint i = 0; cpl_chart_ids[i] != NULL; i++)
    {
      const char *id = cpl_chart_ids[i];
      g_autoptr(GError) error = NULL;
      g_autoptr(CplChart) single = NULL;
      g_autoptr(CplChart) compared = NULL;

      if (g_str_equal (id, "tornado"))
        continue;  /* test_bands */
      single = cpl_chart_build (id, dataset, one, &error);
      g_assert_no_error (error);
      g_assert_nonnull (single);
      /* one scenario's figures name it under the title (the fixture's
       * "Two years"); the dataset's charts name none */
      if (g_str_equal (id, "threshold-map") || g_str_equal (id, "timeline"))
        g_assert_null (cpl_chart_get_subject (single));
      else
        g_assert_cmpstr (cpl_chart_get_subject (single), ==, "Two years");
      if (g_str_equal (id, "units") || g_str_equal (id, "revenue"))
        g_assert_true (CPL_IS_BAR_CHART (single));
      else if (g_str_equal (id, "threshold-map"))
        {
          g_assert_true (CPL_IS_SCATTER_CHART (single));
          /* the measure spelled out, as the axis's title stands alone
           * (the table's column, among figures, says "TPP") */
          g_assert_cmpstr (cpl_scatter_chart_get_axis_title (CPL_SCATTER_CHART (single), GTK_ORIENTATION_HORIZONTAL),
                           ==, "Total processing performance (TPP), log scale");
          /* the fixture has no rules */
          g_assert_cmpuint (cpl_scatter_chart_get_n_regions (CPL_SCATTER_CHART (single)), ==, 0);
        }
      else if (g_str_equal (id, "timeline"))
        {
          /* a row per foreign chip: X and Y */
          g_assert_true (CPL_IS_TIMELINE_CHART (single));
          g_assert_cmpuint (cpl_timeline_chart_get_n_rows (CPL_TIMELINE_CHART (single)), ==, 2);
        }
      else if (g_str_has_prefix (id, "share-curve"))
        {
          /* the rate from 0% to 100% */
          g_assert_true (CPL_IS_LINE_CHART (single));
          g_assert_cmpfloat (cpl_line_chart_get_x_value (CPL_LINE_CHART (single), 0), ==, 0);
        }
      else
        {
          g_assert_true (CPL_IS_LINE_CHART (single));
          g_assert_cmpfloat (cpl_line_chart_get_x_value (CPL_LINE_CHART (single), 0), ==, 2026);
          g_assert_cmpfloat (cpl_line_chart_get_x_value (CPL_LINE_CHART (single), 1), ==, 2027);
          g_assert_true (isnan (cpl_line_chart_get_x_value (CPL_LINE_CHART (single), 2)));
        }

      compared = cpl_chart_build (id, dataset, two, &error);
      if (!cpl_chart_id_compares (id) && !g_str_equal (id, "threshold-map") && !g_str_equal (id, "timeline"))
        {
          g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
          continue;
        }
      g_assert_no_error (error);
      /* several scenarios: the legend names them */
      g_assert_null (cpl_chart_get_subject (compared));
      if (cpl_chart_id_compares (id))
        {
          /* "ban" is 2026 alone, "two-years" 2026–2027 */
          g_assert_true (CPL_IS_LINE_CHART (compared));
          g_assert_cmpfloat (cpl_line_chart_get_x_value (CPL_LINE_CHART (compared), 1), ==, 2027);
        }
    }
}

/* two-years with its revenue share ranged 10%–20%–40%: the take's band in
 * year t is the triangle's P10 and P90 times that year's gross (within 2%
 * for sampling): P10 = 0.1 + √(0.1 × 0.3 × 0.1) = 0.15477 and P90 = 0.4 −
 * √(0.1 × 0.3 × 0.2) = 0.32254.  The tornado ranks the share first:
 * "Revenue share 10%–40%", then the PUE (1.2–1.5), which moves nothing
 * while power is free; with the PUE alone ranged, nothing moves the take. */
static void
test_bands (void)
{
  g_autoptr(CplDataset) dataset = load_two_chips ();
  g_autoptr(GPtrArray) one = scenarios_of (dataset, "two-years", NULL);
  g_autoptr(GPtrArray) two = scenarios_of (dataset, "ban", "two-years", NULL);
  CplScenario *scenario = g_ptr_array_index (one, 0);
  const double share[3] = { .1, .2, .4 };
  const double pue[3] = { 1.2, 1.3, 1.5 };
  const double gross[2] = { 5440000. / 3, 215680000. / 51 };
  g_autoptr(GError) error = NULL;
  g_autoptr(CplChart) take = NULL;
  g_autoptr(CplChart) compared = NULL;
  g_autoptr(CplChart) tornado = NULL;
  g_autoptr(CplChart) still = NULL;

  g_assert_true (cpl_scenario_set_range (scenario, "pue", pue, NULL));
  still = cpl_chart_build ("tornado", dataset, one, &error);
  g_assert_null (still);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_cmpstr (error->message, ==, "No ranged parameter moves “US government take” in this scenario: it stays "
                                       "at its point value across every range.");
  g_clear_error (&error);

  g_assert_true (cpl_scenario_set_range (scenario, "revenue_share", share, NULL));
  take = cpl_chart_build ("take", dataset, one, &error);
  g_assert_no_error (error);
  /* the take of "two-years" is series 1 of the comparison ("ban" first) */
  compared = cpl_chart_build ("take", dataset, two, &error);
  g_assert_no_error (error);
  for (guint t = 0; t < 2; t++)
    {
      double low, high;

      g_assert_true (cpl_line_chart_get_band (CPL_LINE_CHART (take), 0, t, &low, &high));
      g_assert_cmpfloat_with_epsilon (low / gross[t], cpl_test_triangle_quantile (.1, .2, .4, .1), .02 * .15477);
      g_assert_cmpfloat_with_epsilon (high / gross[t], cpl_test_triangle_quantile (.1, .2, .4, .9), .02 * .32254);
      g_assert_true (cpl_line_chart_get_band (CPL_LINE_CHART (compared), 1, t, &low, &high));
      g_assert_cmpfloat_with_epsilon (low / gross[t], cpl_test_triangle_quantile (.1, .2, .4, .1), .02 * .15477);
      g_assert_cmpfloat_with_epsilon (high / gross[t], cpl_test_triangle_quantile (.1, .2, .4, .9), .02 * .32254);
    }
  /* "ban" has no ranges: no band */
  {
    double low, high;

    g_assert_false (cpl_line_chart_get_band (CPL_LINE_CHART (compared), 0, 0, &low, &high));
  }

  tornado = cpl_chart_build ("tornado", dataset, one, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (cpl_tornado_chart_get_n_bars (CPL_TORNADO_CHART (tornado)), ==, 2);
  /* a word joiner (U+2060) after each dash: a narrow chart wraps the
   * names between words, not at the dash ("Demand growth 10–" over "60% a
   * year" at 360 px) */
  g_assert_cmpstr (cpl_tornado_chart_get_bar_name (CPL_TORNADO_CHART (tornado), 0), ==, "Revenue share 10%–\u206040%");
  g_assert_cmpstr (cpl_tornado_chart_get_bar_name (CPL_TORNADO_CHART (tornado), 1), ==, "PUE 1.20–\u20601.50");
  /* its axis says where the bars meet: the take with every input as set,
   * 0.2 × 6,042,352.94 = $1,208,470.59, "$1.21 M" */
  g_assert_cmpstr (cpl_tornado_chart_get_value_title (CPL_TORNADO_CHART (tornado)), ==,
                   "US government take, now $1.21\u00a0M");
  /* the compute gap's ticks are bare numbers, so its title gives their
   * unit, and the value as set carries its own (one pair of brackets, not
   * "(PFLOP/s) (as set: 134)"; "now", as goal seek says it): 20 +
   * 1,940/17 = 134.12 (test-projection.c);
   * the approval rate's range moves it (the spill is a · σ of the excess) */
  {
    g_autoptr(CplChart) gap = cpl_tornado_chart_new ();
    const double approval[3] = { .5, .8, 1 };

    g_assert_true (cpl_scenario_set_range (scenario, "license_approval_rate", approval, NULL));

    g_assert_true (cpl_tornado_fill (CPL_TORNADO_CHART (gap), scenario, dataset, CPL_TOTAL_COMPUTE_GAP, &error));
    g_assert_no_error (error);
    g_assert_cmpstr (cpl_tornado_chart_get_value_title (CPL_TORNADO_CHART (gap)), ==,
                     "Compute gap, all years (PFLOP/\u2060s), now 134\u00a0PFLOP/\u2060s");
  }

  /* a rate a year keeps its percent sign by its number: 0.1 and 0.6 as
   * "10%–60% a year" (it read "10–60 % a year") */
  {
    g_autofree char *growth = cpl_scenario_parameter_format_range ("demand_growth", .1, .6);

    g_assert_cmpstr (growth, ==, "10%–60% a year");
  }

  /* cpl_text_keep_units(): no break after the dash of a range (en dash;
   * nor before the Chinese ～ and "—") nor in "P10–P90"; a dash before a space or at the
   * end is left alone; and, as before, a number keeps its unit (a no-break
   * space) and a unit its slash (a word joiner) */
  {
    struct { const char *text, *kept; } cases[] = {
      { "P10–P90: $659 B–$1,511 B", "P10–\u2060P90: $659\u00a0B–\u2060$1,511\u00a0B" },
      { "P10–P90 区间：6,594 亿美元～15,107 亿美元", "P10–\u2060P90\u00a0区间：6,594\u00a0亿\u2060美\u2060元\u2060～\u206015,107\u00a0亿\u2060美\u2060元" },
      { "2022 – 2025 and 2026–", "2022\u00a0– 2025\u00a0and 2026–" },
      /* a Chinese unit after a number stays whole (亿美 | 元 broke), a
       * year's 年 and what follows do not: 2030 年 | 国产… may break */
      { "6,594 亿美元 2030 年国产", "6,594\u00a0亿\u2060美\u2060元 2030\u00a0年国产" },
      /* and a slash between Chinese characters, or after a percent
       * sign ("20%～60%/" ended a phone's line, "年" began the next) */
      { "0.088 美元/千瓦时", "0.088\u00a0美\u2060元/\u2060千瓦时" },
      { "20%～60%/年", "20%\u2060～\u206060%/\u2060年" },
      /* a unit in brackets may go to the next line: "BF16 (TFLOPS)" */
      { "BF16 (TFLOPS)", "BF16 (TFLOPS)" },
      { "6,500 GB/s", "6,500\u00a0GB/\u2060s" },
      /* a Chinese date whole: its numbers with their 年, 月 (“2025年8”
       * over “月）”), and its month after its year (“2025年” over “8月）”) */
      { "（2025年8月）", "（2025\u2060年\u20608\u2060月）" },
      /* and with spaces, as the built-in data and the translations
       * write it: no-break spaces (“2025 年” over “8 月”) */
      { "（2025 年 8 月 4 日）", "（2025\u00a0年\u00a08\u00a0月\u00a04\u00a0日）" },
      /* an English month with its year ("(April" over "2025)") */
      { "Full ban (April 2025), 8 May 2026", "Full ban (April\u00a02025), 8\u00a0May\u00a02026" },
      /* the Chinese range's dash, which may break on either side
       * ("2026" over "—2030" on a phone): a word joiner before and after
       * it; with spaces around it, a separator, left alone */
      { "2026—2030 年", "2026\u2060—\u20602030\u00a0年" },
      { "出口管制 — 限制", "出口管制 — 限制" },
    };

    for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
      {
        g_autofree char *kept = cpl_text_keep_units (cases[i].text);
        /* a text kept already is left as it is: no second joiner by a
         * range's dash */
        g_autofree char *again = cpl_text_keep_units (kept);

        g_assert_cmpstr (kept, ==, cases[i].kept);
        g_assert_cmpstr (again, ==, cases[i].kept);
      }
  }
  /* cpl_text_keep_dates(), for the names in the lists: the dates alone
   * (no no-break space after "H200" nor "25%"; "Mayday 2025" and "April
   * 20256" are not dates) */
  {
    g_autofree char *name = cpl_text_keep_dates ("H200出口，收入分成25%（2025年12月）");
    g_autofree char *english = cpl_text_keep_dates ("H200 with a 25% revenue share (December 2025)");
    g_autofree char *not_dates = cpl_text_keep_dates ("Mayday 2025, April 20256, April 20");
    /* the built-in name, with spaces: "H200" and "25%" keep theirs */
    g_autofree char *spaced = cpl_text_keep_dates ("H200 出口，收入分成 25%（2025 年 12 月）");
    /* a year followed by words, not by its month, may still break there */
    g_autofree char *year_words = cpl_text_keep_dates ("2030 年 国产 2030年 国产");
    /* a day, its month and its year, as sentences write a date
     * (cpl_date_format_long()); "4 pieces" is no date */
    g_autofree char *day = cpl_text_keep_dates ("Under the rules in force on 4 December 2026: 4 pieces");
    g_autofree char *day_zh = cpl_text_keep_dates ("依据 2026 年 12 月 4 日当日有效的规则");

    g_assert_cmpstr (name, ==, "H200出口，收入分成25%（2025\u2060年\u206012\u2060月）");
    g_assert_cmpstr (english, ==, "H200 with a 25% revenue share (December\u00a02025)");
    g_assert_cmpstr (not_dates, ==, "Mayday 2025, April 20256, April 20");
    g_assert_cmpstr (spaced, ==, "H200 出口，收入分成 25%（2025\u00a0年\u00a012\u00a0月）");
    g_assert_cmpstr (year_words, ==, "2030\u00a0年 国产 2030\u2060年 国产");
    g_assert_cmpstr (day, ==, "Under the rules in force on 4\u00a0December\u00a02026: 4 pieces");
    g_assert_cmpstr (day_zh, ==, "依据 2026\u00a0年\u00a012\u00a0月\u00a04\u00a0日当日有效的规则");
  }
  /* cpl_text_space_han(), for a name spliced into a Chinese sentence: a
   * space beside a Latin name, none beside a Chinese one, none twice,
   * none next to full-width punctuation, English as it is */
  {
    struct { const char *text, *spaced; } cases[] = {
      { "AMD净收入", "AMD 净收入" },
      { "英伟达净收入", "英伟达净收入" },
      { "适用点名H200 SXM的规则", "适用点名 H200 SXM 的规则" },
      { "H200 SXM 和 Instinct MI325X为 25%", "H200 SXM 和 Instinct MI325X 为 25%" },
      { "25%分成（2025年）", "25% 分成（2025 年）" },
      { "“H20”的", "“H20”的" },
      { "Net revenue of AMD", "Net revenue of AMD" },
    };

    for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
      {
        g_autofree char *spaced = cpl_text_space_han (cases[i].text);

        g_assert_cmpstr (spaced, ==, cases[i].spaced);
      }
  }
  /* cpl_text_keep_terms(), for a chart's markers: no break after the
   * hyphen of "break-even" (it read "break-" over "even 82.2%"), nor
   * inside 盈亏平衡 ("盈亏" over "平衡"); after the comma, the 、 and
   * before the rate a line may still break */
  {
    g_autofree char *english = cpl_text_keep_terms ("highest take, break-even 82.2%");
    g_autofree char *chinese = cpl_text_keep_terms ("政府分成最高、盈亏平衡 82.2%");

    g_assert_cmpstr (english, ==, "highest take, break-\u2060even 82.2%");
    g_assert_cmpstr (chinese, ==, "政\u2060府\u2060分\u2060成\u2060最\u2060高、盈\u2060亏\u2060平\u2060衡 82.2%");
  }
  /* cpl_text_keep_han_words(), for tooltips: a word joiner inside a run
   * of Han characters and between one and a letter or digit; none at a
   * space or punctuation, none in English, none inside markup's tags */
  {
    struct { const char *text, *kept; } cases[] = {
      { "主菜单", "主\u2060菜\u2060单" },
      { "Main Menu", "Main Menu" },
      { "分成15%", "分\u2060成\u206015%" },
      { "添加，情景 H200", "添\u2060加，情\u2060景 H200" },
      { "<b>主菜</b>", "<b>主\u2060菜</b>" },
      /* 20 characters: joined 16 and 4, a place to break between them
       * (CPL_HAN_WORD_CHARS) */
      { "一二三四五六七八九十一二三四五六七八九十",
        "一\u2060二\u2060三\u2060四\u2060五\u2060六\u2060七\u2060八\u2060九\u2060十"
        "\u2060一\u2060二\u2060三\u2060四\u2060五\u2060六七\u2060八\u2060九\u2060十" },
    };

    for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
      {
        g_autofree char *kept = cpl_text_keep_han_words (cases[i].text);

        g_assert_cmpstr (kept, ==, cases[i].kept);
      }
  }
}

/* A money axis reads in the unit of its smallest tick but zero, the unit
 * of the figures beside it: up to $1 T in steps of $200 B it read "$0.2
 * T" to "$1 T" by a total of "$934 B"; now "$200 B" to "$1,000 B".  A
 * tick of $5,000 keeps the axis in whole dollars, one of $5 M in M. */
static void
test_money_ticks (void)
{
  struct { double values[6]; guint n; const char *labels[6]; } axes[] = {
    { { 0, 2e11, 4e11, 6e11, 8e11, 1e12 }, 6, { "$0", "$200 B", "$400 B", "$600 B", "$800 B", "$1,000 B" } },
    { { 0, 5e3, 1e4, 1.5e4 }, 4, { "$0", "$5,000", "$10,000", "$15,000" } },
    { { 0, 5e6, 1e7, 1.5e7 }, 4, { "$0", "$5 M", "$10 M", "$15 M" } },
    { { -2e9, 0, 2e9 }, 3, { "−$2 B", "$0", "$2 B" } },
  };
  CplChartFormat format = { NULL, cpl_money_tick, NULL, NULL };

  for (guint a = 0; a < G_N_ELEMENTS (axes); a++)
    {
      g_auto(GStrv) labels = cpl_chart_tick_labels (axes[a].values, axes[a].n, &format);

      for (guint i = 0; i < axes[a].n; i++)
        g_assert_cmpstr (labels[i], ==, axes[a].labels[i]);
    }
}

/* The source line names the built-in dataset's version, and a file laid
 * over it, and says when the data shown has changes not saved (an
 * exported chart of an edited dataset named the built-in data alone). */
static void
test_source (void)
{
  g_autofree char *builtin = cpl_chart_dup_source (NULL, FALSE);
  g_autofree char *file = cpl_chart_dup_source ("my data.json", FALSE);
  g_autofree char *builtin_edited = cpl_chart_dup_source (NULL, TRUE);
  g_autofree char *file_edited = cpl_chart_dup_source ("my data.json", TRUE);
  g_autofree char *expected = g_strdup_printf ("Chip Policy Lab · data: built-in dataset (%s)",
                                               cpl_builtin_get_version ());

  g_assert_cmpstr (cpl_builtin_get_version (), ==, "2026-12-04.6");
  g_assert_cmpstr (builtin, ==, expected);
  g_assert_cmpstr (file, ==, "Chip Policy Lab · data: my data.json over the built-in dataset (2026-12-04.6)");
  g_assert_cmpstr (builtin_edited, ==,
                   "Chip Policy Lab · data: built-in dataset (2026-12-04.6) with unsaved changes");
  g_assert_cmpstr (file_edited, ==,
                   "Chip Policy Lab · data: my data.json with unsaved changes, over the built-in dataset "
                   "(2026-12-04.6)");
}

/* The charts whose values can all be zero say what that means: no
 * revenue or take (nothing exported), no compute gap; in a comparison,
 * of all the scenarios.  A share or a cost has no such note. */
static void
test_zero_notes (void)
{
  static const struct {
    const char *id;
    gboolean comparison;
    const char *note;
  } cases[] = {
    { "revenue", FALSE, "No revenue in any year" },
    { "revenue", TRUE, "No revenue in any year of these scenarios" },
    { "take", FALSE, "No US government take in any year" },
    { "take", TRUE, "No US government take in any year of these scenarios" },
    { "compute-gap", FALSE, "No compute gap in any year: domestic chips and exports meet the demand" },
    { "compute-gap", TRUE, "No compute gap in any year of these scenarios" },
    { "domestic-share", FALSE, NULL },
    { "cost-of-compute", FALSE, NULL },
    { "units", FALSE, NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(CplChart) chart = cpl_chart_new_for (cases[i].id, cases[i].comparison);

      g_assert_cmpstr (cpl_chart_get_zero_note (chart), ==, cases[i].note);
    }
}

/* The domestic share of one scenario: its line is named for the domestic
 * chip, "D (domestic)" as in the units chart, and its axis says what the
 * share is of; the title, the line and the axis all read "Domestic share
 * of new compute". */
static void
test_share_names (void)
{
  g_autoptr(CplDataset) dataset = load_two_chips ();
  g_autoptr(GPtrArray) one = scenarios_of (dataset, "two-years", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(CplChart) chart = cpl_chart_build ("domestic-share", dataset, one, &error);
  g_autofree char *tooltip = NULL;
  GdkRectangle area;
  double x, y;

  g_assert_no_error (error);
  g_assert_cmpstr (cpl_line_chart_get_y_title (CPL_LINE_CHART (chart)), ==, "Share of the year's new compute");
  cpl_chart_ensure_headless ();
  cpl_chart_set_size (chart, 560, 340);
  g_assert_true (cpl_line_chart_point_position (CPL_LINE_CHART (chart), 0, 0, &x, &y));
  tooltip = cpl_chart_query_tooltip (chart, x, y, FALSE, &area);
  g_assert_nonnull (tooltip);
  g_test_message ("%s", tooltip);
  /* "Year: 2026", then the line's name and value */
  g_assert_true (g_str_has_prefix (tooltip, "Year: 2026\nD (domestic): "));
}

/* The cost of compute, a value a year whose lines cross between years
 * (the Ascend 910C's and the H200's between 2028 and 2029, its marker
 * at 2029, the first year it is cheaper), has a dot on each year; the
 * other year charts, read as trends, have none. */
static void
test_cost_points (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CplDataset) dataset = cpl_dataset_new_builtin (&error);
  g_autoptr(GPtrArray) one = NULL;
  g_autoptr(CplChart) cost = NULL;
  g_autoptr(CplChart) take = NULL;

  g_assert_no_error (error);
  one = scenarios_of (dataset, "h200-share-25", NULL);
  cost = cpl_chart_build ("cost-of-compute", dataset, one, &error);
  g_assert_no_error (error);
  take = cpl_chart_build ("take", dataset, one, &error);
  g_assert_no_error (error);
  g_assert_true (cpl_line_chart_get_show_points (CPL_LINE_CHART (cost)));
  g_assert_false (cpl_line_chart_get_show_points (CPL_LINE_CHART (take)));
}

/* Whether two palette hues read alike on a chart, by eye: blue and sky
 * (dark palette), sky and green (light palette: #00839a beside
 * #008a64), and any two of the warm orange, vermilion and yellow. */
static gboolean
hues_alike (CplChartColor a,
            CplChartColor b)
{
  const CplChartColor warm[] = { CPL_CHART_COLOR_ORANGE, CPL_CHART_COLOR_VERMILLION, CPL_CHART_COLOR_YELLOW };
  gboolean a_warm = FALSE, b_warm = FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (warm); i++)
    {
      a_warm |= a == warm[i];
      b_warm |= b == warm[i];
    }
  if (a_warm && b_warm)
    return a != b;
  if (a == CPL_CHART_COLOR_SKY || b == CPL_CHART_COLOR_SKY)
    {
      CplChartColor other = a == CPL_CHART_COLOR_SKY ? b : a;

      return other == CPL_CHART_COLOR_BLUE || other == CPL_CHART_COLOR_GREEN;
    }
  return FALSE;
}

/* The five built-in scenarios, compared side by side in every chart, get
 * five colours none of them grey, and as few pairs that read alike as
 * can be: of the seven colours not grey, at most four are pairwise
 * unlike (blue, green, purple and one warm hue: sky reads like blue and
 * green, the warm three like one another), so the fifth makes one pair,
 * and only one.  (The full ban was green beside the power-subsidy
 * scenario's teal sky.) */
static void
test_scenario_colors (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CplDataset) dataset = cpl_dataset_new_builtin (&error);
  GListModel *scenarios;
  CplChartColor colors[5];
  guint n, pairs = 0;

  g_assert_no_error (error);
  cpl_chart_colors_forget ();
  cpl_chart_colors_assign (dataset);
  scenarios = cpl_dataset_get_scenarios (dataset);
  n = g_list_model_get_n_items (scenarios);
  g_assert_cmpuint (n, ==, G_N_ELEMENTS (colors));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CplScenario) scenario = g_list_model_get_item (scenarios, i);

      colors[i] = cpl_chart_color_for ("scenario", cpl_entity_get_id (CPL_ENTITY (scenario)));
      g_assert_cmpint (colors[i], !=, CPL_CHART_COLOR_GREY);
      for (guint j = 0; j < i; j++)
        {
          g_assert_cmpint (colors[i], !=, colors[j]);
          pairs += hues_alike (colors[i], colors[j]);
        }
    }
  g_assert_cmpuint (pairs, ==, 1);
  cpl_chart_colors_forget ();
}

/* The colour of a chip (and of a scenario) does not depend on what was
 * drawn first: the H200 is the same colour whether its own scenario is
 * the first drawn or the H20 scenario is (both teal before: each took the
 * colour the first chart asked for), in the window and in an export.
 * The five chips of the built-in scenarios, drawn together in their
 * charts, are five of the eight colours. */
static void
test_colors_by_dataset (void)
{
  CplChartColor h200[2], h20[2], b200_scenario[2];

  for (guint round = 0; round < 2; round++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(CplDataset) dataset = cpl_dataset_new_builtin (&error);
      g_autoptr(GPtrArray) first = NULL;
      g_autoptr(GPtrArray) then = NULL;
      g_autoptr(CplChart) chart = NULL;
      g_autoptr(CplChart) other = NULL;

      g_assert_no_error (error);
      cpl_chart_colors_forget ();
      /* round 0: the H200 scenario first; round 1: the H20 one */
      first = scenarios_of (dataset, round == 0 ? "h200-share-25" : "h20-mi308-share-15", NULL);
      then = scenarios_of (dataset, "blackwell-allowed", "h200-share-25", NULL);
      chart = cpl_chart_build ("cost-of-compute", dataset, first, &error);
      g_assert_no_error (error);
      other = cpl_chart_build ("take", dataset, then, &error);
      g_assert_no_error (error);
      h200[round] = cpl_chart_color_for ("chip", "nvidia-h200");
      h20[round] = cpl_chart_color_for ("chip", "nvidia-h20");
      b200_scenario[round] = cpl_chart_color_for ("scenario", "blackwell-allowed");

      {
        const char *ids[] = { "huawei-ascend-910c", "nvidia-h20", "amd-mi308x", "nvidia-h200", "nvidia-b200" };

        for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
          for (guint j = i + 1; j < G_N_ELEMENTS (ids); j++)
            if (cpl_chart_color_for ("chip", ids[i]) == cpl_chart_color_for ("chip", ids[j]))
              g_error ("round %u: %s and %s share colour %d", round, ids[i], ids[j],
                       cpl_chart_color_for ("chip", ids[i]));
      }
    }
  g_assert_cmpint (h200[0], ==, h200[1]);
  g_assert_cmpint (h20[0], ==, h20[1]);
  g_assert_cmpint (h20[0], !=, h200[0]);
  g_assert_cmpint (b200_scenario[0], ==, b200_scenario[1]);
  cpl_chart_colors_forget ();
}

/* A scenario's results page draws its chips (the share, units and cost
 * charts) beside two measures of fixed colour: the government's take,
 * orange, and the compute gap, purple.  The five chips of the built-in
 * scenarios have five other colours to take (blue, green, vermilion,
 * sky, yellow), so none of them is orange or purple (the MI308X was
 * purple, in the units chart above the compute gap's purple area, and
 * read as the gap), nor grey, which reads as switched off (the H200,
 * once the MI308X was not purple).  A sixth chip and more take grey,
 * then the measures' colours (eight colours are too few to keep three
 * out). */
static void
test_chip_colors_apart_from_measures (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CplDataset) dataset = cpl_dataset_new_builtin (&error);
  const char *ids[] = { "huawei-ascend-910c", "nvidia-h20", "amd-mi308x", "nvidia-h200", "nvidia-b200" };
  CplChartColor take, gap;

  g_assert_no_error (error);
  cpl_chart_colors_forget ();
  cpl_chart_colors_assign (dataset);
  take = cpl_chart_color_for ("series", "government-take");
  gap = cpl_chart_color_for ("series", "compute-gap");
  g_assert_cmpint (take, ==, CPL_CHART_COLOR_ORANGE);
  g_assert_cmpint (gap, ==, CPL_CHART_COLOR_PURPLE);
  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    {
      CplChartColor c = cpl_chart_color_for ("chip", ids[i]);

      if (c == take || c == gap || c == CPL_CHART_COLOR_GREY)
        g_error ("%s has colour %d, a measure's or grey", ids[i], c);
    }
  cpl_chart_colors_forget ();
}

/* The threshold map on a day draws a chip not yet released then as a
 * grey ring with no status.  The built-in chips on 2023-04-09, under the
 * October 2022 rule alone (TPP ≥ 4,800 and interconnect ≥ 600 GB/s):
 * released by then the A100 (2020-11; TPP 312 × 16 = 4,992, 600 GB/s)
 * and the H100 (2022-09) are caught and no licence rule is in force:
 * Denied; the H800 (2023-03; 400 GB/s) is not caught: No licence needed;
 * the Ascend 910B (2023) is domestic.  The other ten (H20 2024, H200,
 * B200 2024-11, …) were not yet on sale.  On 2026-02-01 all fourteen
 * were (the last, the MI355X, 2025-06), so no ring. */
static void
test_threshold_map_unreleased (void)
{
  g_autoptr(CplDataset) dataset = cpl_dataset_new_builtin (NULL);
  g_autoptr(CplChart) chart = cpl_scatter_chart_new ();
  const char *expected[] = { "No licence needed", "Denied", "Domestic chip", "Not yet released" };
  g_autoptr(GArray) then = NULL;
  g_autoptr(GArray) later = NULL;
  GDate date;

  g_assert_true (cpl_iso_date_parse ("2023-04-09", &date));
  cpl_threshold_map_fill (CPL_SCATTER_CHART (chart), dataset, cpl_dataset_get_chips (dataset), &date);
  then = cpl_chart_build_legend (chart);
  g_assert_cmpuint (then->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      const CplChartLegendItem *item = &g_array_index (then, CplChartLegendItem, i);

      g_assert_cmpstr (item->label, ==, expected[i]);
      /* only the chips not yet released are rings */
      g_assert_cmpint (item->hollow, ==, i == G_N_ELEMENTS (expected) - 1);
    }

  /* the one rule in force then tests interconnect too: nothing drawn,
   * and the map says why */
  g_assert_cmpstr (cpl_scatter_chart_get_note (CPL_SCATTER_CHART (chart)), ==,
                   "No rule in force on 9 April 2023 tests TPP and bandwidth alone: the table gives each rule's "
                   "verdict");

  g_assert_true (cpl_iso_date_parse ("2026-02-01", &date));
  cpl_threshold_map_fill (CPL_SCATTER_CHART (chart), dataset, cpl_dataset_get_chips (dataset), &date);
  later = cpl_chart_build_legend (chart);
  for (guint i = 0; i < later->len; i++)
    g_assert_cmpstr (g_array_index (later, CplChartLegendItem, i).label, !=, "Not yet released");
  /* the 2023 TPP line, the case-by-case box, the tariff bands: no note */
  g_assert_null (cpl_scatter_chart_get_note (CPL_SCATTER_CHART (chart)));
  /* before any rule: nothing to say either */
  g_assert_true (cpl_iso_date_parse ("2022-01-01", &date));
  cpl_threshold_map_fill (CPL_SCATTER_CHART (chart), dataset, cpl_dataset_get_chips (dataset), &date);
  g_assert_null (cpl_scatter_chart_get_note (CPL_SCATTER_CHART (chart)));
  cpl_chart_colors_forget ();
}

/* The domestic chip dearer than the cheapest exported chip throughout,
 * cheaper than others from a year each: one sentence, the chips grouped
 * by that year, not one sentence a chip.  A projection made by hand: the
 * domestic chip D costs 10, 8, 6 (USD per PFLOP/s-year) in 2026–2028;
 * the exported A 5 (the cheapest: D never beats it), B 9 (beaten in 2027:
 * 8 < 9), C 11 and F 12 (in 2026: 10 < 11, 12), E 7 (in 2028: 6 < 7). */
static void
test_dearer_sentence_grouped (void)
{
  g_autoptr(CplDataset) dataset = cpl_dataset_new ();
  char *ids[] = { "A", "B", "C", "E", "F" };
  double costs[] = { 5, 9, 11, 7, 12 };
  gboolean offered[] = { TRUE, TRUE, TRUE, TRUE, TRUE };
  CplProjectionYear years[3] = { { .year = 2026, .domestic_cost = 10 }, { .year = 2027, .domestic_cost = 8 },
                                 { .year = 2028, .domestic_cost = 6 } };
  CplProjection p = {
    .start_year = 2026, .n_years = 3, .n_chips = 5, .chip_ids = ids, .chip_cost = costs,
    .chip_offered = offered, .n_offered = 5, .domestic_chip_id = "D", .years = years,
  };
  g_autofree char *sentence = cpl_scenario_crossover_sentence (&p, dataset);

  g_assert_cmpstr (sentence, ==, "The D stays dearer per PFLOP/s-year than the A, the cheapest exported chip, "
                                 "through 2028. It is cheaper than the C and F from 2026, the B from 2027 and the "
                                 "E from 2028.");

  /* nothing exported: all demand on D, and with a gap (1 PFLOP/s) the
   * headline says so */
  p.n_offered = 0;
  {
    g_autofree char *covered = cpl_scenario_crossover_sentence (&p, dataset);
    g_autofree char *short_of = NULL;

    g_assert_cmpstr (covered, ==, "No chip is exported: all demand falls on the D.");
    p.total_compute_gap_pflops = 1;
    short_of = cpl_scenario_crossover_sentence (&p, dataset);
    g_assert_cmpstr (short_of, ==, "No chip is exported: all demand falls on the D, and what it cannot supply "
                                   "becomes a compute gap.");
  }

  /* C alone offered (11): D at 10 is cheaper from the first year, 2026,
   * and the sentence says by what measure ("the cheapest compute" did
   * not) */
  p.n_offered = 1;
  offered[0] = offered[1] = offered[3] = offered[4] = FALSE;
  {
    g_autofree char *first = cpl_scenario_crossover_sentence (&p, dataset);

    g_assert_cmpstr (first, ==, "The D is cheaper per PFLOP/s-year than every exported chip from the first year, "
                                "2026.");
  }
}

/* A comparison's sentence says a difference the table shows: shares of
 * 40.43% and 40.36% are both 40.4% at the decimal every view shows, but
 * 0.07 pp apart, which the table writes "+0.1 pp"; the sentence said
 * "stays at 40%".  It gives them at two decimals; shares alike to the
 * hundredth of a point (40.401% and 40.399%) stay "stays at 40.4%". */
static void
test_comparison_sentence_precision (void)
{
  g_autoptr(CplScenario) scenario = cpl_scenario_new ("s", "S", "d");
  g_autoptr(CplScenario) baseline = cpl_scenario_new ("b", "Base", "d");
  double sold[] = { 100e9 }, base_sold[] = { 90e9 };
  CplProjection p = { .start_year = 2026, .n_years = 5, .n_vendors = 1, .total_gross_revenue_usd = sold,
                      .final_domestic_share = .4043 };
  CplProjection q = { .start_year = 2026, .n_years = 5, .n_vendors = 1, .total_gross_revenue_usd = base_sold,
                      .final_domestic_share = .4036 };
  g_autofree char *money = cpl_format_money (10e9);
  g_autofree char *apart = cpl_comparison_summary_sentence (scenario, &p, baseline, &q);
  g_autofree char *expected = g_strdup_printf ("S: US vendors sell %s more than under Base over 2026–2030; the "
                                               "domestic share of new compute in 2030 is 40.43%%, against 40.36%%; "
                                               "the US government's take is the same; neither has a compute gap.",
                                               money);
  g_autofree char *same = NULL;
  g_autofree char *expected_same = NULL;

  g_assert_cmpstr (apart, ==, expected);
  p.final_domestic_share = .40401;
  q.final_domestic_share = .40399;
  same = cpl_comparison_summary_sentence (scenario, &p, baseline, &q);
  expected_same = g_strdup_printf ("S: US vendors sell %s more than under Base over 2026–2030; the domestic share "
                                   "of new compute in 2030 stays at 40.4%%; the US government's take is the "
                                   "same; neither has a compute gap.", money);
  g_assert_cmpstr (same, ==, expected_same);
}

/* The comparison's sentence says what a policy trades: the take and the
 * compute gap beside what vendors sell.  A take of $14 B against $4 B is
 * $10.0 B more; a gap of 1,000 PFLOP/s against 5,000 is 4,000 smaller;
 * turned round, less and larger; gaps alike, the same. */
static void
test_comparison_sentence_trade (void)
{
  g_autoptr(CplScenario) a = cpl_scenario_new ("a", "A", "d");
  g_autoptr(CplScenario) b = cpl_scenario_new ("b", "B", "d");
  double sold_a[] = { 50e9 }, sold_b[] = { 20e9 };
  CplProjection p = { .start_year = 2026, .n_years = 5, .n_vendors = 1, .total_gross_revenue_usd = sold_a,
                      .final_domestic_share = .5, .total_government_take_usd = 14e9,
                      .total_compute_gap_pflops = 1000 };
  CplProjection q = { .start_year = 2026, .n_years = 5, .n_vendors = 1, .total_gross_revenue_usd = sold_b,
                      .final_domestic_share = .8, .total_government_take_usd = 4e9,
                      .total_compute_gap_pflops = 5000 };
  g_autofree char *forward = cpl_comparison_summary_sentence (a, &p, b, &q);
  g_autofree char *back = cpl_comparison_summary_sentence (b, &q, a, &p);
  g_autofree char *same = NULL;

  g_assert_true (g_str_has_suffix (forward, "; the US government takes $10.0 B more; the compute gap over those "
                                            "years is 4,000 PFLOP/s smaller."));
  g_assert_true (g_str_has_suffix (back, "; the US government takes $10.0 B less; the compute gap over those "
                                         "years is 4,000 PFLOP/s larger."));
  q.total_compute_gap_pflops = 1000;
  same = cpl_comparison_summary_sentence (a, &p, b, &q);
  g_assert_true (g_str_has_suffix (same, "; the compute gap is the same."));
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  /* no display: the charts are plain objects */
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/chart-builders/ids", test_ids);
  g_test_add_func ("/chart-builders/errors", test_errors);
  g_test_add_func ("/chart-builders/kinds", test_kinds);
  g_test_add_func ("/chart-builders/bands", test_bands);
  g_test_add_func ("/chart-builders/source", test_source);
  g_test_add_func ("/chart-builders/money-ticks", test_money_ticks);
  g_test_add_func ("/chart-builders/comparison-sentence-trade", test_comparison_sentence_trade);
  g_test_add_func ("/chart-builders/zero-notes", test_zero_notes);
  g_test_add_func ("/chart-builders/share-names", test_share_names);
  g_test_add_func ("/chart-builders/colors-by-dataset", test_colors_by_dataset);
  g_test_add_func ("/chart-builders/scenario-colors", test_scenario_colors);
  g_test_add_func ("/chart-builders/chip-colors-apart-from-measures", test_chip_colors_apart_from_measures);
  g_test_add_func ("/chart-builders/cost-points", test_cost_points);
  g_test_add_func ("/chart-builders/threshold-map-unreleased", test_threshold_map_unreleased);
  g_test_add_func ("/chart-builders/dearer-sentence-grouped", test_dearer_sentence_grouped);
  g_test_add_func ("/chart-builders/comparison-sentence-precision", test_comparison_sentence_precision);
  return g_test_run ();
}
