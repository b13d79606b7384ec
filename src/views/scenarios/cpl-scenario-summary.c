/* cpl-scenario-summary.c: scenarios in words and the totals of a
 * comparison, without widgets
 *
 * The Scenarios view shows these sentences and rows in labels and grids;
 * the PDF report prints the same text, so both say the same thing.
 */
#define G_LOG_DOMAIN "cpl-scenario-summary"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "cpl-scenario-results.h"
#include "cpl-scenario-summary.h"
#include "views/cpl-view-util.h"

/* The name of exported chip @k of @p. */
static const char *
exported_name (CplProjection *p,
               CplDataset    *dataset,
               guint          k)
{
  CplChip *chip = cpl_dataset_lookup_chip (dataset, p->chip_ids[k]);

  return chip ? cpl_entity_get_name (CPL_ENTITY (chip)) : p->chip_ids[k];
}

/* The domestic chip never beats the cheapest exported chip: which one
 * that is, and from when it beats the others it does ("stays dearer than
 * the exported chips" read as all of them, when it was cheaper than the
 * H200 from 2029 and dearer than the B200 only). */
static char *
dearer_sentence (CplProjection *p,
                 CplDataset    *dataset,
                 const char    *domestic,
                 int            last)
{
  GString *text = g_string_new (NULL);
  guint cheapest = G_MAXUINT;

  for (guint k = 0; k < p->n_chips; k++)
    if (p->chip_offered[k] && (cheapest == G_MAXUINT || p->chip_cost[k] < p->chip_cost[cheapest]))
      cheapest = k;
  g_return_val_if_fail (cheapest != G_MAXUINT, g_string_free (text, FALSE));
  if (p->n_offered == 1)
    /* Translators: %1$s is the domestic chip, %2$s the exported one, %3$d the last year */
    g_string_append_printf (text, _("The %1$s stays dearer per PFLOP/s-year than the %2$s through %3$d."),
                            domestic, exported_name (p, dataset, cheapest), last);
  else
    /* Translators: %1$s is the domestic chip, %2$s the cheapest of the
     * exported ones, %3$d the last year */
    g_string_append_printf (text, _("The %1$s stays dearer per PFLOP/s-year than the %2$s, the cheapest exported chip, through %3$d."),
                            domestic, exported_name (p, dataset, cheapest), last);
  /* the chips it beats, grouped by the year it first does: one
   * sentence, not one per chip (after "Use the rules in force on…" seven
   * in a row read "It is cheaper than the … from …") */
  {
    g_autoptr(GPtrArray) groups = g_ptr_array_new_with_free_func (g_free);

    for (guint t = 0; t < p->n_years; t++)
      {
        g_autoptr(GPtrArray) names = g_ptr_array_new ();
        g_autofree char *joined = NULL;

        for (guint k = 0; k < p->n_chips; k++)
          {
            guint first = G_MAXUINT;

            if (!p->chip_offered[k] || k == cheapest)
              continue;
            for (guint u = 0; u < p->n_years && first == G_MAXUINT; u++)
              if (p->years[u].domestic_cost < p->chip_cost[k])
                first = u;
            if (first == t)
              g_ptr_array_add (names, (gpointer) exported_name (p, dataset, k));
          }
        if (names->len == 0)
          continue;
        joined = cpl_text_join_list ((const char * const *) names->pdata, names->len);
        /* Translators: exported chips the domestic one is cheaper than,
         * and from when: "the H100 SXM5 80GB and H800 SXM5 from 2027" */
        g_ptr_array_add (groups, g_strdup_printf (_("the %1$s from %2$d"), joined, p->years[t].year));
      }
    if (groups->len > 0)
      {
        g_autofree char *all = cpl_text_join_list ((const char * const *) groups->pdata, groups->len);

        /* Translators: after the sentence above, with the space that
         * parts two sentences (none in Chinese): %s the exported chips
         * the domestic one is cheaper than, and from when, "the A100
         * SXM4 80GB from 2026 and the H200 SXM from 2029" */
        g_string_append_printf (text, _(" It is cheaper than %s."), all);
      }
  }
  return g_string_free (text, FALSE);
}

/* "Domestic chip cheaper from 2028", in words. */
char *
cpl_scenario_crossover_sentence (CplProjection *p,
                                 CplDataset    *dataset)
{
  int crossover = cpl_projection_get_crossover (p);
  CplChip *chip = cpl_dataset_lookup_chip (dataset, p->domestic_chip_id);
  const char *domestic = chip ? cpl_entity_get_name (CPL_ENTITY (chip)) : p->domestic_chip_id;
  int last = p->start_year + (int) p->n_years - 1;

  if (crossover == -2 && p->total_compute_gap_pflops > 0)
    /* Translators: %s is a chip; no exported chip is allowed, and the
     * domestic chip's capacity falls short ("all demand falls on the
     * Ascend 910C" was read as all of it met) */
    return g_strdup_printf (_("No chip is exported: all demand falls on the %s, and what it cannot supply "
                              "becomes a compute gap."), domestic);
  if (crossover == -2)
    /* Translators: %s is a chip; no exported chip is allowed */
    return g_strdup_printf (_("No chip is exported: all demand falls on the %s."), domestic);
  if (crossover == -1)
    return dearer_sentence (p, dataset, domestic, last);
  if (crossover == 0)
    /* Translators: %1$s is a chip, %2$d the first year ("the cheapest
     * compute" did not say by what measure) */
    return g_strdup_printf (_("The %1$s is cheaper per PFLOP/s-year than every exported chip from the first "
                              "year, %2$d."), domestic, p->years[0].year);
  /* Translators: %1$s is a chip, %2$d a year */
  return g_strdup_printf (_("The %1$s is cheaper per PFLOP/s-year than every exported chip from %2$d."),
                          domestic, p->years[crossover].year);
}

/* Returns: (nullable): the names of the chips @scenario allows, "H20,
 *   MI308X", or %NULL when it allows none */
char *
cpl_scenario_allowed_chip_names (CplScenario *scenario,
                                 CplDataset  *dataset)
{
  const char * const *allowed = cpl_scenario_get_allowed_chips (scenario);
  g_autoptr(GString) names = g_string_new (NULL);

  for (guint i = 0; allowed[i] != NULL; i++)
    {
      CplChip *chip = cpl_dataset_lookup_chip (dataset, allowed[i]);

      if (names->len > 0)
        g_string_append (names, _(", "));
      g_string_append (names, chip ? cpl_entity_get_name (CPL_ENTITY (chip)) : allowed[i]);
    }
  if (names->len == 0)
    return NULL;
  return g_string_free (g_steal_pointer (&names), FALSE);
}

/* The rows of the totals table: the gross revenue of all US vendors (the
 * figure the summary's sentences compare), a net revenue row per vendor
 * that sells in any compared scenario, then the other fixed rows. */
typedef enum {
  ROW_GROSS,
  ROW_NET,
  ROW_TAKE,
  ROW_GAP,
  ROW_INSTALLED,
  ROW_SHARE,
  ROW_CROSSOVER,
} RowKind;

static const struct {
  RowKind     kind;
  const char *id;
  const char *title;  /* N_() */
} fixed_rows[] = {
  { ROW_TAKE, "take", N_("US government take") },
  { ROW_GAP, "gap", N_("Compute gap, all years (PFLOP/s)") },
  { ROW_INSTALLED, "installed", N_("New domestic compute, all years (PFLOP/s)") },
  { ROW_SHARE, "share", N_("Domestic share of new compute in the last year") },
  { ROW_CROSSOVER, "crossover", N_("Year the domestic chip becomes cheaper per unit of compute") },
};

/* The total of a Monte Carlo run that is each kind of row, or -1. */
static const int row_totals[] = {
  [ROW_GROSS] = CPL_TOTAL_GROSS_REVENUE,
  [ROW_NET] = -1,
  [ROW_TAKE] = CPL_TOTAL_GOVERNMENT_TAKE,
  [ROW_GAP] = CPL_TOTAL_COMPUTE_GAP,
  [ROW_INSTALLED] = CPL_TOTAL_DOMESTIC_INSTALLED,
  [ROW_SHARE] = CPL_TOTAL_FINAL_DOMESTIC_SHARE,
  [ROW_CROSSOVER] = -1,
};

static double
vendors_total (CplProjection *p)
{
  double sum = 0;

  for (guint v = 0; v < p->n_vendors; v++)
    sum += p->total_gross_revenue_usd[v];
  return sum;
}

/* A vendor's net revenue over the horizon; NaN when @p exports none of
 * its chips. */
static double
vendor_net (CplProjection *p,
            const char    *vendor_id)
{
  double sum = 0;

  for (guint v = 0; v < p->n_vendors; v++)
    if (g_str_equal (p->vendor_ids[v], vendor_id))
      {
        for (guint t = 0; t < p->n_years; t++)
          sum += p->years[t].vendor_net_revenue_usd[v];
        return sum;
      }
  return NAN;
}

static double
row_value (CplProjection *p,
           RowKind        kind,
           const char    *vendor_id)
{
  int crossover;

  switch (kind)
    {
    case ROW_GROSS:     return vendors_total (p);
    case ROW_NET:       return vendor_net (p, vendor_id);
    case ROW_TAKE:      return p->total_government_take_usd;
    case ROW_GAP:       return p->total_compute_gap_pflops;
    case ROW_INSTALLED: return p->total_domestic_installed_pflops;
    case ROW_SHARE:     return p->final_domestic_share;
    case ROW_CROSSOVER:
      crossover = cpl_projection_get_crossover (p);
      return crossover >= 0 ? p->years[crossover].year : NAN;
    default:            g_return_val_if_reached (NAN);
    }
}

static char *
row_text (RowKind kind,
          double  value)
{
  switch (kind)
    {
    case ROW_GROSS:
    case ROW_NET:
    case ROW_TAKE:
      return cpl_format_money (value);
    case ROW_GAP:
    case ROW_INSTALLED:
      return cpl_format_number (value, 0);
    case ROW_SHARE:
      return cpl_format_percent (value, CPL_SHARE_DECIMALS);
    case ROW_CROSSOVER:
      return cpl_scenario_format_year (value, NULL);
    default:
      g_return_val_if_reached (NULL);
    }
}

/* The difference of two values of @kind, signed ("+$2.70 B", "−8 pp"). */
static char *
difference_text (RowKind kind,
                 double  value)
{
  switch (kind)
    {
    case ROW_GROSS:
    case ROW_NET:
    case ROW_TAKE:
      return cpl_format_difference (CPL_DIFFERENCE_MONEY, value, 0);
    case ROW_GAP:
    case ROW_INSTALLED:
      return cpl_format_difference (CPL_DIFFERENCE_NUMBER, value, 0);
    case ROW_SHARE:
      return cpl_format_difference (CPL_DIFFERENCE_POINTS, value, 0);
    default:  /* no difference of years */
      g_return_val_if_reached (NULL);
    }
}

/* What a cell says: "none sold" for a vendor none of whose chips the
 * scenario exports ("—" read as a figure missing), and why there is no
 * crossover year. */
static char *
value_text (CplProjection *p,
            RowKind        kind,
            double         value)
{
  if (kind == ROW_CROSSOVER && isnan (value))
    return g_strdup (cpl_projection_get_crossover (p) == -2 ? _("no exported chip to compare")
                                                            : _("not within the horizon"));
  if (kind == ROW_NET && isnan (value))
    /* Translators: in the comparison, a vendor's net revenue in a
     * scenario that exports none of its chips */
    return g_strdup (_("none sold"));
  if (isnan (value))
    return g_strdup ("—");
  return row_text (kind, value);
}

/* "H200 at 25%: US vendors sell $41 B more than under Full ban over
 * 2026–2030; the domestic share of new compute in 2030 is 61%, against
 * 88%":
 * what they sell (their gross revenue, the government's take in it) */
static char *
sales_sentence (CplScenario   *scenario,
                CplProjection *p,
                CplScenario   *baseline,
                CplProjection *q)
{
  double diff = vendors_total (p) - vendors_total (q);
  g_autofree char *money = cpl_format_money (fabs (diff));
  g_autofree char *share = cpl_format_percent (p->final_domestic_share, CPL_SHARE_DECIMALS);
  g_autofree char *other_share = cpl_format_percent (q->final_domestic_share, CPL_SHARE_DECIMALS);
  int last = p->start_year + (int) p->n_years - 1;
  const char *name = cpl_entity_get_name (CPL_ENTITY (scenario));
  const char *baseline_name = cpl_entity_get_name (CPL_ENTITY (baseline));

  /* the same at a decimal, but a hundredth of a point or more apart (the
   * table's "+0.0 pp" beside two "40.4%"): the sentence gives both at two,
   * rather than "stays at 40.4%" */
  if (g_str_equal (share, other_share)
      && round (fabs (p->final_domestic_share - q->final_domestic_share) * 10000) != 0)
    {
      g_free (share);
      g_free (other_share);
      share = cpl_format_percent (p->final_domestic_share, 2);
      other_share = cpl_format_percent (q->final_domestic_share, 2);
    }
  /* a scenario of one year: "in 2026", not "over 2026–2026" */
  if (p->n_years == 1 && g_str_equal (share, other_share))
    return diff >= 0
      /* Translators: %1$s a scenario, %2$s money, %3$s another scenario,
       * %4$d the scenario's one year, %5$s a percentage the same in both */
      ? g_strdup_printf (_("%1$s: US vendors sell %2$s more than under %3$s in %4$d; the domestic share of new compute stays at %5$s"),
                         name, money, baseline_name, p->start_year, share)
      /* Translators: as above, with less sold by US vendors */
      : g_strdup_printf (_("%1$s: US vendors sell %2$s less than under %3$s in %4$d; the domestic share of new compute stays at %5$s"),
                         name, money, baseline_name, p->start_year, share);
  if (p->n_years == 1)
    return diff >= 0
      /* Translators: %1$s a scenario, %2$s money, %3$s another scenario,
       * %4$d the scenario's one year, %5$s and %6$s percentages */
      ? g_strdup_printf (_("%1$s: US vendors sell %2$s more than under %3$s in %4$d; the domestic share of new compute is %5$s, against %6$s"),
                         name, money, baseline_name, p->start_year, share, other_share)
      /* Translators: as above, with less sold by US vendors */
      : g_strdup_printf (_("%1$s: US vendors sell %2$s less than under %3$s in %4$d; the domestic share of new compute is %5$s, against %6$s"),
                         name, money, baseline_name, p->start_year, share, other_share);
  /* not "40%, against 40%" */
  if (g_str_equal (share, other_share) && diff >= 0)
    /* Translators: %1$s a scenario, %2$s money, %3$s another scenario, %4$d
     * and %5$d the first and last years, %6$s a percentage the same in both */
    return g_strdup_printf (_("%1$s: US vendors sell %2$s more than under %3$s over %4$d–%5$d; the domestic share of new compute in %5$d stays at %6$s"),
                            name, money, baseline_name, p->start_year, last, share);
  if (g_str_equal (share, other_share))
    /* Translators: as above, with less sold by US vendors */
    return g_strdup_printf (_("%1$s: US vendors sell %2$s less than under %3$s over %4$d–%5$d; the domestic share of new compute in %5$d stays at %6$s"),
                            name, money, baseline_name, p->start_year, last, share);
  if (diff >= 0)
    /* Translators: %1$s a scenario, %2$s money, %3$s another scenario, %4$d
     * and %5$d the first and last years, %6$s and %7$s percentages */
    return g_strdup_printf (_("%1$s: US vendors sell %2$s more than under %3$s over %4$d–%5$d; the domestic share of new compute in %5$d is %6$s, against %7$s"),
                            name, money, baseline_name, p->start_year, last, share, other_share);
  /* Translators: as above, with less sold by US vendors */
  return g_strdup_printf (_("%1$s: US vendors sell %2$s less than under %3$s over %4$d–%5$d; the domestic share of new compute in %5$d is %6$s, against %7$s"),
                          name, money, baseline_name, p->start_year, last, share, other_share);
}

/* What the government takes against the baseline: "the US government
 * takes $72.4 B more". */
static char *
take_clause (CplProjection *p,
             CplProjection *q)
{
  double diff = p->total_government_take_usd - q->total_government_take_usd;
  g_autofree char *money = cpl_format_money (fabs (diff));
  g_autofree char *none = cpl_format_money (0);

  if (g_str_equal (money, none))
    /* Translators: a clause of the comparison's sentence: the take is
     * the same as under the baseline */
    return g_strdup (_("the US government's take is the same"));
  if (diff > 0)
    /* Translators: a clause of the comparison's sentence; %s is money */
    return g_strdup_printf (_("the US government takes %s more"), money);
  /* Translators: a clause of the comparison's sentence; %s is money */
  return g_strdup_printf (_("the US government takes %s less"), money);
}

/* The compute gap against the baseline's, over the years: "the compute
 * gap over those years is 10,608,960 PFLOP/s smaller". */
static char *
gap_clause (CplProjection *p,
            CplProjection *q)
{
  double diff = p->total_compute_gap_pflops - q->total_compute_gap_pflops;
  g_autofree char *amount = cpl_format_number (fabs (diff), 0);

  if (round (p->total_compute_gap_pflops) == 0 && round (q->total_compute_gap_pflops) == 0)
    /* Translators: a clause of the comparison's sentence: neither
     * scenario leaves demand unmet */
    return g_strdup (_("neither has a compute gap"));
  if (round (fabs (diff)) == 0)
    /* Translators: a clause of the comparison's sentence */
    return g_strdup (_("the compute gap is the same"));
  if (p->n_years == 1)
    return diff > 0
      /* Translators: a clause of the comparison's sentence of a scenario
       * of one year; %s is a number of PFLOP/s */
      ? g_strdup_printf (_("the compute gap that year is %s PFLOP/s larger"), amount)
      /* Translators: as above, smaller */
      : g_strdup_printf (_("the compute gap that year is %s PFLOP/s smaller"), amount);
  if (diff > 0)
    /* Translators: a clause of the comparison's sentence; %s is a number
     * of PFLOP/s, the gaps of the years added up as in the table */
    return g_strdup_printf (_("the compute gap over those years is %s PFLOP/s larger"), amount);
  /* Translators: a clause of the comparison's sentence; %s is a number
   * of PFLOP/s, the gaps of the years added up as in the table */
  return g_strdup_printf (_("the compute gap over those years is %s PFLOP/s smaller"), amount);
}

/**
 * cpl_comparison_summary_sentence:
 *
 * Returns: how @scenario compares with @baseline, in one sentence: what
 *   US vendors sell, the domestic share at the end, what the government
 *   takes and the compute gap ("H200 at 25%: US vendors sell $289 B more
 *   than under Full ban over 2026–2030; the domestic share of new compute
 *   in 2030 is 42.7%, against 100.0%; the US government takes $72.4 B
 *   more; the compute gap over those years is 10,608,960 PFLOP/s
 *   smaller"): the sentence left out the two figures a ban trades
 */
char *
cpl_comparison_summary_sentence (CplScenario   *scenario,
                                 CplProjection *p,
                                 CplScenario   *baseline,
                                 CplProjection *q)
{
  g_autofree char *sales = sales_sentence (scenario, p, baseline, q);
  g_autofree char *take = take_clause (p, q);
  g_autofree char *gap = gap_clause (p, q);

  /* Translators: the comparison's sentence: %1$s what US vendors sell and
   * the domestic share, %2$s the government's take, %3$s the compute gap,
   * each a clause; a full stop at its end, as the others on the page */
  return g_strdup_printf (_("%1$s; %2$s; %3$s."), sales, take, gap);
}

/* The vendors that sell in any of @projections, in the dataset's order. */
static GPtrArray *
compared_vendors (CplDataset *dataset,
                  GPtrArray  *projections)
{
  GListModel *vendors = cpl_dataset_get_vendors (dataset);
  GPtrArray *ids = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < g_list_model_get_n_items (vendors); i++)
    {
      g_autoptr(CplVendor) vendor = g_list_model_get_item (vendors, i);
      const char *id = cpl_entity_get_id (CPL_ENTITY (vendor));

      for (guint j = 0; j < projections->len; j++)
        if (!isnan (vendor_net (g_ptr_array_index (projections, j), id)))
          {
            g_ptr_array_add (ids, g_strdup (id));
            break;
          }
    }
  return ids;
}

/* One row: a value per projection, with the difference to the baseline
 * where both have a number (not for a year). */
static CplComparisonRow *
comparison_row_new (const char *row_id,
                    const char *title,
                    RowKind     kind,
                    const char *vendor_id,
                    GPtrArray  *projections,
                    guint       baseline)
{
  static const char * const units[] = {
    [ROW_GROSS] = N_("USD"), [ROW_NET] = N_("USD"), [ROW_TAKE] = N_("USD"), [ROW_GAP] = N_("PFLOP/s"),
    [ROW_INSTALLED] = N_("PFLOP/s"), [ROW_SHARE] = N_("fraction"), [ROW_CROSSOVER] = N_("year"),
  };
  CplComparisonRow *row = g_new0 (CplComparisonRow, 1);
  double base = row_value (g_ptr_array_index (projections, baseline), kind, vendor_id);
  /* a vendor that sells nothing ("none sold") nets $0: against it, what
   * a scenario gives the vendor is all more (a ban's row had no
   * difference, the figure the comparison is for) */
  double base_net = kind == ROW_NET && isnan (base) ? 0 : base;

  row->id = g_strdup (row_id);
  row->title = g_strdup (title);
  row->total = row_totals[kind];
  row->unit = _(units[kind]);
  row->n_values = projections->len;
  row->numbers = g_new (double, projections->len);
  row->number_differences = g_new (double, projections->len);
  row->values = g_new0 (char *, projections->len + 1);
  row->differences = g_new0 (char *, projections->len + 1);
  for (guint i = 0; i < projections->len; i++)
    {
      CplProjection *p = g_ptr_array_index (projections, i);
      double value = row_value (p, kind, vendor_id);

      row->numbers[i] = value;
      /* no difference of years, nor where neither sells */
      if (kind == ROW_CROSSOVER || (kind == ROW_NET && isnan (value) && isnan (base)))
        row->number_differences[i] = NAN;
      else if (kind == ROW_NET)
        row->number_differences[i] = (isnan (value) ? 0 : value) - base_net;
      else
        row->number_differences[i] = value - base;
      row->values[i] = value_text (p, kind, value);
      if (i != baseline && !isnan (row->number_differences[i]))
        row->differences[i] = kind == ROW_SHARE
                              ? cpl_format_difference (CPL_DIFFERENCE_POINTS, row->number_differences[i], CPL_SHARE_DECIMALS)
                              : difference_text (kind, row->number_differences[i]);
    }
  return row;
}

void
cpl_comparison_row_free (CplComparisonRow *row)
{
  for (guint i = 0; i < row->n_values; i++)
    g_free (row->differences[i]);
  g_free (row->differences);
  g_strfreev (row->values);
  g_free (row->numbers);
  g_free (row->number_differences);
  g_free (row->title);
  g_free (row->id);
  g_free (row);
}

/**
 * cpl_comparison_row_range:
 * @index: the compared scenario the run is of
 * @uncertainty: (nullable): a scenario's Monte Carlo run
 *
 * Returns: (nullable): the P10–P90 range of the row's total in
 *   @uncertainty, written as the row writes its values ("P10–P90: $3.34
 *   B–$6.66 B", money in the unit of the value above it), or %NULL for a
 *   row no run ranges or no run
 */
char *
cpl_comparison_row_range (const CplComparisonRow *row,
                          guint                   index,
                          CplUncertainty         *uncertainty)
{
  RowKind kind;
  const CplQuantiles *q;
  g_autofree char *low = NULL;
  g_autofree char *high = NULL;

  if (uncertainty == NULL || row->total < 0)
    return NULL;
  for (kind = ROW_GROSS; kind < ROW_CROSSOVER && row_totals[kind] != row->total; kind++)
    ;
  g_return_val_if_fail (index < row->n_values, NULL);
  q = cpl_uncertainty_get_total (uncertainty, row->total);
  if (kind == ROW_GROSS || kind == ROW_NET || kind == ROW_TAKE)
    return cpl_format_money_p10_p90 (row->numbers[index], q->p10, q->p90);
  low = row_text (kind, q->p10);
  high = row_text (kind, q->p90);
  return cpl_format_p10_p90 (low, NULL, high);
}

/**
 * cpl_comparison_rows_new:
 * @projections: (element-type CplProjection): the compared scenarios'
 *   projections, at least one
 * @baseline: the index in @projections the differences are taken against
 *
 * Returns: (transfer full) (element-type CplComparisonRow): the rows of the
 *   totals table: the US vendors' gross revenue, each vendor's net
 *   revenue, the government take, the
 *   compute gap, domestic compute, the domestic share and the crossover year
 */
GPtrArray *
cpl_comparison_rows_new (CplDataset *dataset,
                         GPtrArray  *projections,
                         guint       baseline)
{
  g_autoptr(GPtrArray) vendors = compared_vendors (dataset, projections);
  GPtrArray *rows = g_ptr_array_new_with_free_func ((GDestroyNotify) cpl_comparison_row_free);

  g_return_val_if_fail (baseline < projections->len, rows);

  g_ptr_array_add (rows, comparison_row_new ("gross", _("Gross revenue of US vendors"), ROW_GROSS, NULL,
                                             projections, baseline));
  for (guint v = 0; v < vendors->len; v++)
    {
      const char *id = g_ptr_array_index (vendors, v);
      CplVendor *vendor = cpl_dataset_lookup_vendor (dataset, id);
      g_autofree char *row_id = g_strconcat ("net:", id, NULL);
      /* Translators: a row of the comparison, %s is a vendor (NVIDIA) */
      g_autofree char *named = g_strdup_printf (_("Net revenue of %s"),
                                                vendor ? cpl_entity_get_name (CPL_ENTITY (vendor)) : id);
      /* "AMD 净收入": a vendor without a Chinese name */
      g_autofree char *title = cpl_text_space_han (named);

      g_ptr_array_add (rows, comparison_row_new (row_id, title, ROW_NET, id, projections, baseline));
    }
  for (guint f = 0; f < G_N_ELEMENTS (fixed_rows); f++)
    g_ptr_array_add (rows, comparison_row_new (fixed_rows[f].id, _(fixed_rows[f].title), fixed_rows[f].kind,
                                               NULL, projections, baseline));
  return rows;
}
