/* cpl-explain.c: what drives a projection, in words
 *
 * The constraints of MODEL.md §5 that bind make the results look
 * insensitive to policy: a chip whose net price no longer covers its unit
 * cost is not offered (step 3), no licence is approved (step 5), domestic
 * supply is capped by capacity (step 6).  Each that binds gets a sentence
 * in the reader's language, with its numbers and units.
 */
#define G_LOG_DOMAIN "cpl-explain"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "cpl-explain.h"
#include "cpl-format.h"

/**
 * cpl_format_year_spans:
 * @years: (array length=n_years): years in increasing order
 *
 * Returns: (transfer full): the years with each run of consecutive ones
 *   as a span: "2026–2028", "2026, 2028–2029" (the separators are the
 *   reader's language's)
 */
char *
cpl_format_year_spans (const int *years,
                       guint      n_years)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < n_years;)
    {
      guint j = i;

      while (j + 1 < n_years && years[j + 1] == years[j] + 1)
        j++;
      if (i > 0)
        /* Translators: between two years or spans of years in a list,
         * "2026, 2028–2029" */
        g_string_append (text, C_("list of years", ", "));
      if (j == i)
        g_string_append_printf (text, "%d", years[i]);
      else
        /* Translators: a span of years, "2026–2028" */
        g_string_append_printf (text, C_("span of years", "%1$d–%2$d"), years[i], years[j]);
      i = j + 1;
    }
  return g_string_free (text, FALSE);
}

static const char *
chip_name (CplDataset *dataset,
           const char *id)
{
  CplChip *chip = cpl_dataset_lookup_chip (dataset, id);

  return chip != NULL ? cpl_entity_get_name (CPL_ENTITY (chip)) : id;
}

/* Step 3: why each allowed chip that is not offered is left out. */
static void
explain_not_offered (CplProjection *p,
                     CplDataset    *dataset,
                     double         share,
                     GPtrArray     *sentences)
{
  for (guint k = 0; k < p->n_chips; k++)
    {
      CplChip *chip = cpl_dataset_lookup_chip (dataset, p->chip_ids[k]);
      g_autofree char *net = NULL;
      g_autofree char *cost = NULL;
      g_autofree char *rate = NULL;

      if (p->chip_offered[k] || chip == NULL)
        continue;
      net = cpl_format_money_exact ((1 - share) * p->chip_buyer_price[k]);
      cost = cpl_format_money_exact (cpl_chip_get (chip, CPL_CHIP_UNIT_COST_USD));
      if (share > 0)
        {
          rate = cpl_format_rate (share);
          g_ptr_array_add (sentences,
                           /* Translators: %1$s is a chip, %2$s a revenue share ("25%"),
                            * %3$s and %4$s amounts of money */
                           g_strdup_printf (_("The %1$s is not offered: after the %2$s share its net price, "
                                              "%3$s, is below its unit cost, %4$s."),
                                            chip_name (dataset, p->chip_ids[k]), rate, net, cost));
        }
      else
        g_ptr_array_add (sentences,
                         /* Translators: %1$s is a chip, %2$s and %3$s amounts of money */
                         g_strdup_printf (_("The %1$s is not offered: its price, %2$s, is below its "
                                            "unit cost, %3$s."),
                                          chip_name (dataset, p->chip_ids[k]), net, cost));
    }
}

/* Step 6: the years in which capacity caps domestic installs, what that
 * means for the levers that favour domestic chips, and where the demand
 * above capacity goes. */
static void
explain_capacity (CplProjection *p,
                  CplScenario   *scenario,
                  GPtrArray     *sentences)
{
  double a = cpl_scenario_get (scenario, CPL_SCENARIO_LICENSE_APPROVAL_RATE);
  double spill = cpl_scenario_get (scenario, CPL_SCENARIO_CAPACITY_SPILL);
  gboolean subsidy = cpl_scenario_get (scenario, CPL_SCENARIO_DOMESTIC_POWER_SUBSIDY) > 0;
  gboolean preference = cpl_scenario_get (scenario, CPL_SCENARIO_DOMESTIC_PREFERENCE) > 0;
  g_autofree int *years = g_new (int, MAX (p->n_years, 1));
  g_autofree char *spans = NULL;
  g_autofree char *spill_rate = NULL;
  const char *format;
  guint n = 0;

  for (guint t = 0; t < p->n_years; t++)
    if (p->years[t].domestic_demand_pflops > p->years[t].domestic_capacity_pflops)
      years[n++] = p->years[t].year;
  if (n == 0)
    return;

  spans = cpl_format_year_spans (years, n);
  if (subsidy && preference)
    format = g_dngettext (GETTEXT_PACKAGE,
                          /* Translators: %s is a year or years, "2026–2028" */
                          "Domestic supply is capped by capacity in %s, so in that year neither the power "
                          "subsidy nor the domestic preference changes domestic installs.",
                          "Domestic supply is capped by capacity in %s, so in those years neither the power "
                          "subsidy nor the domestic preference changes domestic installs.", n);
  else if (subsidy)
    format = g_dngettext (GETTEXT_PACKAGE,
                          /* Translators: %s is a year or years, "2026–2028" */
                          "Domestic supply is capped by capacity in %s, so in that year the power subsidy "
                          "does not change domestic installs.",
                          "Domestic supply is capped by capacity in %s, so in those years the power subsidy "
                          "does not change domestic installs.", n);
  else if (preference)
    format = g_dngettext (GETTEXT_PACKAGE,
                          /* Translators: %s is a year or years, "2026–2028" */
                          "Domestic supply is capped by capacity in %s, so in that year the domestic "
                          "preference does not change domestic installs.",
                          "Domestic supply is capped by capacity in %s, so in those years the domestic "
                          "preference does not change domestic installs.", n);
  else
    /* Translators: %s is a year or years, "2026–2028" */
    format = _("Domestic supply is capped by capacity in %s.");
  g_ptr_array_add (sentences, g_strdup_printf (format, spans));

  spill_rate = cpl_format_rate (spill);
  if (p->n_chips == 0)
    g_ptr_array_add (sentences, g_strdup (_("The demand for domestic chips above their capacity becomes a "
                                            "compute gap: no chip may be exported.")));
  else if (p->n_offered == 0)
    g_ptr_array_add (sentences, g_strdup (_("The demand for domestic chips above their capacity becomes a "
                                            "compute gap: no exported chip is offered.")));
  else if (a == 0)
    g_ptr_array_add (sentences, g_strdup (_("The demand for domestic chips above their capacity becomes a "
                                            "compute gap: no licence is approved.")));
  else if (spill == 0)
    g_ptr_array_add (sentences,
                     /* Translators: %s is a percentage, "0%" */
                     g_strdup_printf (_("The demand for domestic chips above their capacity becomes a "
                                        "compute gap (capacity spill %s)."), spill_rate));
  else if (a * spill == 1)
    g_ptr_array_add (sentences,
                     /* Translators: %s is a percentage, "100%" */
                     g_strdup_printf (_("The demand for domestic chips above their capacity goes to "
                                        "exported chips (capacity spill %s)."), spill_rate));
  else
    {
      g_autofree char *part = cpl_format_rate (a * spill);
      g_autofree char *approval = cpl_format_rate (a);

      g_ptr_array_add (sentences,
                       /* Translators: %1$s, %2$s and %3$s are percentages; %1$s = %2$s × %3$s */
                       g_strdup_printf (_("Of the demand for domestic chips above their capacity, %1$s goes to "
                                          "exported chips (capacity spill %2$s × licence approval %3$s) and "
                                          "the rest becomes a compute gap."), part, spill_rate, approval));
    }

  /* Why a subsidy that changes no install still moves the results: a
   * unit of demand moved from an exported chip onto the capped domestic
   * one was exported at a + (1 − a)·a·σ (approved, or refused, spilled
   * back and approved), and is now exported at a·σ only: a·(1 − a·σ)
   * less, which becomes gap. */
  if ((subsidy || preference) && p->n_offered > 0 && a > 0 && a * spill < 1)
    g_ptr_array_add (sentences,
                     g_strdup (_("Favouring domestic chips then only moves demand onto chips that cannot supply "
                                 "it: less of that demand is approved for exported chips than if buyers had "
                                 "asked for them first, so exports fall and the compute gap grows.")));
}

/**
 * cpl_projection_explain:
 * @projection: the projection of @scenario over @dataset
 *
 * What drives the result: one sentence, in the reader's language, for each
 * constraint of MODEL.md §5 that binds: an allowed chip that is not
 * offered (step 3), no licence approved (step 5), domestic supply capped
 * by capacity in some years and where the demand above it goes (step 6).
 *
 * Returns: (transfer full) (nullable): the sentences, one a line, or
 *   %NULL when no constraint binds
 */
char *
cpl_projection_explain (CplProjection *projection,
                        CplScenario   *scenario,
                        CplDataset    *dataset)
{
  g_autoptr(GPtrArray) sentences = g_ptr_array_new_with_free_func (g_free);
  double a = cpl_scenario_get (scenario, CPL_SCENARIO_LICENSE_APPROVAL_RATE);

  g_return_val_if_fail (projection != NULL, NULL);
  g_return_val_if_fail (CPL_IS_SCENARIO (scenario), NULL);
  g_return_val_if_fail (CPL_IS_DATASET (dataset), NULL);

  explain_not_offered (projection, dataset, cpl_scenario_get (scenario, CPL_SCENARIO_REVENUE_SHARE), sentences);
  if (projection->n_chips > 0 && projection->n_offered == 0)
    g_ptr_array_add (sentences, g_strdup (_("No allowed chip is offered, so all demand falls on domestic chips.")));
  else if (projection->n_offered > 0 && a == 0)
    g_ptr_array_add (sentences, g_strdup (_("No licence is approved, so all demand for exported chips falls "
                                            "on domestic chips.")));
  explain_capacity (projection, scenario, sentences);

  if (sentences->len == 0)
    return NULL;
  g_ptr_array_add (sentences, NULL);
  return g_strjoinv ("\n", (char **) sentences->pdata);
}
