/* cpl-help-text.c: "Method and Sources" as text, without widgets
 *
 * MODEL.md §1–§5 told to a reader: every number the application shows,
 * how it is computed, and where the built-in data comes from.  One
 * translatable string per paragraph, formulas written as plain text.  The
 * help window shows it all; the PDF report prints the projection's
 * section as its method notes and the sources.
 */
#define G_LOG_DOMAIN "cpl-help-text"

#include "config.h"

#include <glib/gi18n.h>

#include "cpl-help-text.h"

static const CplHelpBlock help_text[] = {
  { CPL_HELP_TITLE, NULL, N_("How Chip Policy Lab Computes Its Numbers") },
  { CPL_HELP_PARAGRAPH, NULL, N_("Every number the application shows comes from the formulas below. All money is in US dollars, and all compute is dense throughput: the speed of a chip without the extra speed-up that sparsity gives.") },

  { CPL_HELP_HEADING, "metrics", N_("Chip Metrics") },
  { CPL_HELP_PARAGRAPH, NULL, N_("A chip lists its dense throughput for each number format it supports: FP64, FP32, TF32, FP16, BF16, FP8, INT8, FP4 and INT4, in trillions of operations a second (TFLOPS or TOPS). Their bit widths are 64, 32, 32, 16, 16, 8, 8, 4 and 4.") },
  { CPL_HELP_FORMULA, NULL, N_("TPP = max over precisions of (dense throughput × bit width)") },
  { CPL_HELP_PARAGRAPH, NULL, N_("Total Processing Performance (TPP) is the measure US export controls use (ECCN 3A090). For example the H100 SXM does 1,979 TOPS at FP8, so its TPP is 1,979 × 8 = 15,832; the A100 does 312 TFLOPS at BF16, a TPP of 4,992.") },
  { CPL_HELP_FORMULA, NULL, N_("Performance density = TPP ÷ die area in mm²") },
  { CPL_HELP_PARAGRAPH, NULL, N_("Performance density is unknown when the die area is not given. The H20 has a TPP of 2,368 on 814 mm², a density of 2.91 TPP/mm².") },
  { CPL_HELP_FORMULA, NULL, N_("Compute reference = BF16 throughput, or else FP16 throughput") },
  { CPL_HELP_PARAGRAPH, NULL, N_("This reference throughput, in TFLOPS, is the one the scenarios and the cost of compute use. A chip with neither BF16 nor FP16 cannot enter a scenario.") },
  { CPL_HELP_FORMULA, NULL, N_("Performance per watt = compute reference ÷ thermal design power (TDP) in watts") },
  { CPL_HELP_FORMULA, NULL, N_("Bytes per FLOP = memory bandwidth in TB/s ÷ compute reference in TFLOPS") },
  { CPL_HELP_PARAGRAPH, NULL, N_("Memory bandwidth is also shown in GB/s: the bandwidth in TB/s × 1,000.") },

  { CPL_HELP_HEADING, "rules", N_("Export-Control Rules") },
  { CPL_HELP_PARAGRAPH, NULL, N_("A rule is data, not code: a list of alternatives, each a list of conditions that must all hold, such as “TPP ≥ 4,800”. A chip is caught by the rule when any alternative holds. The conditions may use TPP, performance density, memory bandwidth, interconnect bandwidth, memory size, the compute reference, TDP and whether the chip is sold for data centres.") },
  { CPL_HELP_PARAGRAPH, NULL, N_("The verdict has three values. A condition on a figure the dataset does not give is unknown. An alternative is false when any of its conditions is false, otherwise unknown when any is unknown, otherwise true. A rule is true when any alternative is true, otherwise unknown when any is unknown, otherwise false. An unknown verdict is shown as “needs data”, never as “not caught”.") },
  { CPL_HELP_PARAGRAPH, NULL, N_("ECCN 3A090.a, October 2022 rule: TPP ≥ 4,800 and interconnect bandwidth ≥ 600 GB/s.") },
  { CPL_HELP_PARAGRAPH, NULL, N_("ECCN 3A090.a, 2023 rule (88 FR 73458, in force from 17 November 2023): TPP ≥ 4,800; or TPP ≥ 1,600 and performance density ≥ 5.92.") },
  { CPL_HELP_PARAGRAPH, NULL, N_("ECCN 3A090.b, same rule: TPP from 2,400 up to 4,800 and performance density from 1.6 up to 5.92; or TPP ≥ 1,600 and performance density from 3.2 up to 5.92.") },
  { CPL_HELP_PARAGRAPH, NULL, N_("Case-by-case review for China (91 FR 1684, in force from 15 January 2026): TPP below 21,000 and memory bandwidth below 6,500 GB/s.") },
  { CPL_HELP_PARAGRAPH, NULL,
    /* xgettext:no-c-format */
    N_("25% tariff share (proclamation of 14 January 2026): TPP from 14,000 to 17,500 and memory bandwidth from 4,500 to 5,000 GB/s; or TPP from 20,800 to 21,100 and memory bandwidth from 5,800 to 6,200 GB/s. The tariff is counted as a revenue share: a licensed sale pays 25% of its revenue to the US government.") },
  { CPL_HELP_PARAGRAPH, NULL, N_("Each rule also says what a match means and when it is in force. A control rule means an export to China needs a licence that is presumed denied; a licence rule means a licence may be granted case by case; a share rule means a licensed sale pays that share of its revenue to the US government. A rule applies from its effective date and, if it has one, until the day before its end date. A condition may also name chips, as the April 2025 letters and the August 2025 licences did.") },
  { CPL_HELP_PARAGRAPH, NULL, N_("The status of a chip in China on a date follows from the rules in force that day. A chip from a Chinese vendor is domestic. Otherwise, if no control rule catches it, no licence is needed; if one does and no licence rule opens it, it is denied; if a licence rule opens it, it is licensable, paying the largest share among the share rules that catch it (none: 0%). Wherever a verdict needs a figure the dataset lacks, the status is “needs data”.") },
  { CPL_HELP_PARAGRAPH, NULL, N_("A chip’s detail names the rules that decide its status on the chosen date. A rule not in force that day says when it comes into force or was lifted, and its verdict is in grey: it decides nothing that day.") },

  { CPL_HELP_HEADING, "revenue", N_("Revenue Share") },
  { CPL_HELP_PARAGRAPH, NULL, N_("A sale line has a number of units, a list price, the share of revenue paid to the US government, the pass-through (how much of that share the vendor adds to the buyer’s price, from 0% to 100%), the approval rate (the share of orders the licensing agency approves), and optionally a unit cost and a second share rate to compare with.") },
  { CPL_HELP_FORMULA, NULL, N_("Buyer price = list price ÷ (1 − pass-through × share)") },
  { CPL_HELP_FORMULA, NULL, N_("Units shipped = units × approval rate") },
  { CPL_HELP_FORMULA, NULL, N_("Gross revenue = units shipped × buyer price") },
  { CPL_HELP_FORMULA, NULL, N_("Government take = share × gross revenue") },
  { CPL_HELP_FORMULA, NULL, N_("Vendor net revenue = gross revenue − government take") },
  { CPL_HELP_FORMULA, NULL, N_("Vendor gross profit = vendor net revenue − units shipped × unit cost") },
  { CPL_HELP_PARAGRAPH, NULL, N_("The margin after the share is the gross profit divided by the gross revenue. A ban is the case of an approval rate of 0: every revenue is then zero.") },
  { CPL_HELP_FORMULA, NULL, N_("Break-even share = (list price − unit cost) ÷ (list price − pass-through × unit cost), kept between 0% and 100%") },
  { CPL_HELP_PARAGRAPH, NULL, N_("At the break-even share the vendor’s gross profit is zero. With a comparison share rate, every figure is computed again with it, and the difference is shown.") },

  { CPL_HELP_HEADING, "cost", N_("Buyer Cost of Compute") },
  { CPL_HELP_PARAGRAPH, NULL, N_("What a year of a chip’s compute costs the buyer, given the electricity price (US dollars per kWh), the power subsidy (for the domestic chip only), the power usage effectiveness (PUE) of the data centre, the utilization and the number of years over which the chip is paid off.") },
  { CPL_HELP_PARAGRAPH, NULL, N_("The buyer price is the revenue-share buyer price above for an allowed exported chip, and the list price for the domestic chip.") },
  { CPL_HELP_FORMULA, NULL, N_("Yearly energy cost = TDP in kW × 8,760 hours × utilization × PUE × electricity price × (1 − power subsidy)") },
  { CPL_HELP_FORMULA, NULL, N_("Yearly cost = buyer price ÷ years of amortization + yearly energy cost") },
  { CPL_HELP_FORMULA, NULL, N_("Cost of compute = yearly cost ÷ (compute reference in PFLOP/s), in US dollars per PFLOP/s-year") },

  { CPL_HELP_HEADING, "projection", N_("Scenario Projection") },
  { CPL_HELP_PARAGRAPH, NULL, N_("A scenario follows one market year by year. Each year it goes through these steps.") },
  { CPL_HELP_PARAGRAPH, NULL, N_("1. Demand grows: the new compute buyers want is the first year’s demand × (1 + demand growth) to the power of the year number. Domestic production capacity grows the same way at its own rate.") },
  { CPL_HELP_PARAGRAPH, NULL, N_("2. Domestic chips learn: the more they are used, the better they get. Each time the installed domestic base doubles, the domestic chip’s cost of compute falls by the learning rate.") },
  { CPL_HELP_FORMULA, NULL, N_("Domestic throughput = first-year throughput × (installed base ÷ first-year installed base) ^ γ, with γ = −log₂(1 − learning rate)") },
  { CPL_HELP_PARAGRAPH, NULL, N_("3. Buyers split their demand by price. A vendor offers an allowed exported chip only while its net price (the buyer price less the share) covers its unit cost, when the dataset gives one. Each offered chip gets the weight (cost of compute) ^ (−price sensitivity), and the domestic chip gets the same weight times e ^ (domestic preference). Each chip’s demand is the total demand × its weight ÷ the sum of the weights. With no offered chip, all demand goes to the domestic chip.") },
  { CPL_HELP_PARAGRAPH, NULL, N_("4. Approvals: approved exports are the approval rate × each exported chip’s demand. The refused demand spills over to the domestic chip.") },
  { CPL_HELP_PARAGRAPH, NULL, N_("5. Capacity, spill and the compute gap: domestic chips installed are the demand for them, up to the production capacity. Of the demand for domestic chips above their capacity, the capacity spill share turns back to the offered exported chips, split by their weights and approved at the approval rate; the rest is the compute gap. The installed base grows by what was installed.") },
  { CPL_HELP_PARAGRAPH, NULL, N_("6. Units and money: units are 1,000 × compute in PFLOP/s ÷ a chip’s throughput in TFLOPS. Gross revenue is units × buyer price, summed by vendor; the government takes the share of it, and the vendors keep the rest. Domestic vendors earn domestic units × the domestic list price.") },
  { CPL_HELP_FORMULA, NULL, N_("Domestic share of new compute = domestic compute installed that year ÷ (domestic compute installed that year + approved exports that year), or 0 when nothing is installed") },
  { CPL_HELP_PARAGRAPH, NULL, N_("Over the whole horizon the results add up each vendor’s gross revenue, the government take, the compute gap and the domestic compute installed (both in PFLOP/s: the new compute of each year, added up), and give the domestic share of new compute in the final year.") },

  { CPL_HELP_HEADING, "sources", N_("Sources") },
  { CPL_HELP_PARAGRAPH, NULL, N_("Chip figures come from the vendors’ datasheets and product pages, with each chip’s sources listed in the dataset. Some figures are from Epoch AI, “Data on Machine Learning Hardware”, used under the Creative Commons Attribution 4.0 licence (CC BY 4.0).") },
  { CPL_HELP_PARAGRAPH, NULL, N_("The rules and scenarios follow the US policy timeline: the October 2022 export-control rule (87 FR 62186); the October 2023 update (88 FR 73458); the April 2025 licence requirement that halted H20 and MI308X sales to China; the August 2025 decision to license them for a 15% revenue share; the December 2025 decision to allow the H200 for a 25% share; the case-by-case review rule of January 2026 (91 FR 1684); and the proclamation of 14 January 2026 on a 25% tariff.") },
  { CPL_HELP_PARAGRAPH, NULL, N_("The scenarios are models, not forecasts: their parameters are assumptions that you can change.") },
  { CPL_HELP_PARAGRAPH, NULL, N_("Each chip, scenario and sale line says under Notes, at the end of its page, where its figures come from and which estimate was chosen when sources disagree. The pencil beside Notes lets you write your own. When you change the figures of a built-in scenario or sale line, its notes begin by saying which figures they no longer describe.") },
};

/**
 * cpl_help_text_get:
 * @n_blocks: (out): how many blocks there are
 *
 * Returns: (array length=n_blocks): every block of the help, in order, its
 *   text untranslated (pass it to _())
 */
const CplHelpBlock *
cpl_help_text_get (guint *n_blocks)
{
  *n_blocks = G_N_ELEMENTS (help_text);
  return help_text;
}

/**
 * cpl_help_text_get_section:
 * @section: the id of a heading: "metrics", "rules", "revenue", "cost",
 *   "projection" or "sources"
 * @n_blocks: (out): how many blocks the section has after its heading
 *
 * Returns: (array length=n_blocks): the blocks under the heading @section,
 *   up to the next heading; %NULL and 0 for an unknown id
 */
const CplHelpBlock *
cpl_help_text_get_section (const char *section,
                           guint      *n_blocks)
{
  *n_blocks = 0;
  for (guint i = 0; i < G_N_ELEMENTS (help_text); i++)
    if (help_text[i].kind == CPL_HELP_HEADING && g_strcmp0 (help_text[i].id, section) == 0)
      {
        guint end = i + 1;

        while (end < G_N_ELEMENTS (help_text) && help_text[end].kind != CPL_HELP_HEADING)
          end++;
        *n_blocks = end - i - 1;
        return &help_text[i + 1];
      }
  g_return_val_if_reached (NULL);
}
