/* cpl-status.c: the status of a chip in China on a date (MODEL.md §2.1)
 *
 * One word per chip and date, from the rules in force on that date and
 * what their matches mean.  Three-valued throughout: a rule whose verdict
 * needs a missing figure makes the status "needs data" wherever that
 * verdict decides it, never "no licence needed".
 */
#define G_LOG_DOMAIN "cpl-status"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "cpl-compute.h"
#include "cpl-dataset.h"
#include "cpl-scenario.h"
#include "cpl-format.h"
#include "cpl-status.h"

static const char * const status_keys[CPL_N_CHIP_STATUSES] = {
  "domestic", "free", "denied", "licensable", "unknown"
};

/* The key --compute writes: domestic, free, denied, licensable, unknown. */
const char *
cpl_chip_status_get_key (CplChipStatus status)
{
  g_return_val_if_fail (status < CPL_N_CHIP_STATUSES, NULL);
  return status_keys[status];
}

/**
 * cpl_chip_is_chinese:
 *
 * Whether @chip's vendor is Chinese (MODEL.md §2.1, step 1): US export
 * rules do not decide its sale in China, and what they say of it is what
 * they would say of it as a US export.
 */
gboolean
cpl_chip_is_chinese (CplDataset *dataset,
                     CplChip    *chip)
{
  const char *vendor_id = cpl_chip_get_vendor_id (chip);
  CplVendor *vendor = vendor_id ? cpl_dataset_lookup_vendor (dataset, vendor_id) : NULL;

  return vendor != NULL && g_strcmp0 (cpl_vendor_get_country (vendor), "CN") == 0;
}

/* OR of three-valued verdicts: true wins, then unknown. */
static CplTriState
tri_or (CplTriState a,
        CplTriState b)
{
  if (a == CPL_TRI_TRUE || b == CPL_TRI_TRUE)
    return CPL_TRI_TRUE;
  return a == CPL_TRI_UNKNOWN || b == CPL_TRI_UNKNOWN ? CPL_TRI_UNKNOWN : CPL_TRI_FALSE;
}

/* Adds the rules of @effect in force that gave @verdict, each once. */
static void
add_deciding (GPtrArray   *deciding,
              GPtrArray   *in_force,
              CplTriState *verdicts,
              CplRuleEffect effect,
              CplTriState  verdict)
{
  for (guint i = 0; i < in_force->len; i++)
    {
      CplRule *rule = g_ptr_array_index (in_force, i);

      if (cpl_rule_get_effect (rule) == effect && verdicts[i] == verdict)
        g_ptr_array_add (deciding, g_object_ref (rule));
    }
}

/* A step of MODEL.md §2.1 on the OR of @effect's rules, @verdict: true
 * passes it (its true rules decide, with what follows); false ends it at
 * @if_false, unknown at needs data (the rules that need data decide). */
static gboolean
step_passes (CplTriState     verdict,
             CplChipStatus   if_false,
             CplChipStatus  *status,
             GPtrArray      *decided,
             GPtrArray      *in_force,
             CplTriState    *verdicts,
             CplRuleEffect   effect)
{
  if (verdict == CPL_TRI_FALSE)
    {
      *status = if_false;
      return FALSE;
    }
  add_deciding (decided, in_force, verdicts, effect, verdict);
  if (verdict == CPL_TRI_UNKNOWN)
    {
      *status = CPL_CHIP_STATUS_UNKNOWN;
      return FALSE;
    }
  return TRUE;
}

/**
 * cpl_chip_status_on:
 * @date: the day the rules are read on
 * @share: (out) (optional): for a licensable chip, the largest share of
 *   the share rules that match (0 when none does; NaN when a share rule
 *   whose verdict needs data could raise it); NaN for any other status
 *
 * MODEL.md §2.1, with R the rules in force on @date:
 * 1. a chip whose vendor is Chinese is domestic;
 * 2. control = OR of the control rules in R: false → no licence needed,
 *    unknown → needs data;
 * 3. licence = OR of the licence rules in R: false → denied, unknown →
 *    needs data;
 * 4. true → licensable, paying the largest matching share.
 */
CplChipStatus
cpl_chip_status_on (CplDataset  *dataset,
                    CplChip     *chip,
                    const GDate *date,
                    double      *share)
{
  return cpl_chip_status_decided_on (dataset, chip, date, share, NULL);
}

/**
 * cpl_chip_status_decided_on:
 * @deciding: (out) (transfer container) (optional): the rules in force on
 *   @date that decide the status, in the order of the reasoning (control,
 *   licence, share), each kind in the dataset's order (each holds a
 *   reference, freed with the array):
 *   - domestic, no licence needed: none;
 *   - denied: the control rules that catch the chip;
 *   - licensable: those, the licence rules that open it, then the share
 *     rules that set its share (the matching ones with the largest share;
 *     when the share needs data, the ones whose verdict needs data and
 *     could raise it);
 *   - needs data: the control rules that catch it, if any, then the
 *     rules whose verdict needs data where that decides: the control
 *     rules when none catches it, else the licence rules.
 *
 * cpl_chip_status_on(), also saying which rules decide.
 */
CplChipStatus
cpl_chip_status_decided_on (CplDataset  *dataset,
                            CplChip     *chip,
                            const GDate *date,
                            double      *share,
                            GPtrArray  **deciding)
{
  GListModel *rules = cpl_dataset_get_rules (dataset);
  const char *chip_id = cpl_entity_get_id (CPL_ENTITY (chip));
  CplTriState verdict[CPL_RULE_N_EFFECTS] = { CPL_TRI_FALSE, CPL_TRI_FALSE, CPL_TRI_FALSE };
  double known_share = 0, unknown_share = 0;
  g_autoptr(GPtrArray) in_force = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GArray) verdicts = g_array_new (FALSE, FALSE, sizeof (CplTriState));
  g_autoptr(GPtrArray) decided = g_ptr_array_new_with_free_func (g_object_unref);
  CplTriState *v;
  CplChipStatus status;
  CplChipMetrics m;

  if (share != NULL)
    *share = NAN;
  if (deciding != NULL)
    *deciding = NULL;
  g_return_val_if_fail (date != NULL && g_date_valid (date), CPL_CHIP_STATUS_UNKNOWN);

  if (cpl_chip_is_chinese (dataset, chip))
    {
      if (deciding != NULL)
        *deciding = g_steal_pointer (&decided);
      return CPL_CHIP_STATUS_DOMESTIC;
    }

  cpl_chip_metrics_compute (chip, &m);
  for (guint i = 0; i < g_list_model_get_n_items (rules); i++)
    {
      CplRule *rule = g_list_model_get_item (rules, i);
      CplRuleEffect effect = cpl_rule_get_effect (rule);
      CplTriState match;

      if (!cpl_rule_in_force_on (rule, date))
        {
          g_object_unref (rule);
          continue;
        }
      match = cpl_rule_evaluate_chip (rule, chip_id, m.values, NULL);
      g_ptr_array_add (in_force, rule);
      g_array_append_val (verdicts, match);
      verdict[effect] = tri_or (verdict[effect], match);
      if (effect == CPL_RULE_EFFECT_SHARE && match == CPL_TRI_TRUE)
        known_share = MAX (known_share, cpl_rule_get_share (rule));
      else if (effect == CPL_RULE_EFFECT_SHARE && match == CPL_TRI_UNKNOWN)
        unknown_share = MAX (unknown_share, cpl_rule_get_share (rule));
    }
  v = (CplTriState *) verdicts->data;

  /* steps 2 and 3, each passed only where its rules' OR is true */
  if (step_passes (verdict[CPL_RULE_EFFECT_CONTROL], CPL_CHIP_STATUS_FREE, &status,
                   decided, in_force, v, CPL_RULE_EFFECT_CONTROL)
      && step_passes (verdict[CPL_RULE_EFFECT_LICENCE], CPL_CHIP_STATUS_DENIED, &status,
                      decided, in_force, v, CPL_RULE_EFFECT_LICENCE))
    {
      status = CPL_CHIP_STATUS_LICENSABLE;
      for (guint i = 0; i < in_force->len; i++)
        {
          CplRule *rule = g_ptr_array_index (in_force, i);

          if (cpl_rule_get_effect (rule) != CPL_RULE_EFFECT_SHARE)
            continue;
          if (unknown_share > known_share
              ? v[i] == CPL_TRI_UNKNOWN && cpl_rule_get_share (rule) > known_share
              : v[i] == CPL_TRI_TRUE && cpl_rule_get_share (rule) == known_share)
            g_ptr_array_add (decided, g_object_ref (rule));
        }
      if (share != NULL)
        *share = unknown_share > known_share ? NAN : known_share;
    }
  if (deciding != NULL)
    *deciding = g_steal_pointer (&decided);
  return status;
}

/**
 * cpl_scenario_policy_on:
 * @date: the day the rules are read on
 * @allowed: (out) (transfer full): the ids of the chips the scenario may
 *   allow, in the dataset's order
 * @share: (out): the largest revenue share that applies to them, 0 when
 *   none does (a share that needs data counts as none)
 * @shares: (out) (transfer full) (optional) (element-type double): the
 *   share each of @allowed pays, in its order, as @share counts it
 * @left_out: (out) (transfer container) (optional): one message per chip
 *   the policy opens but the scenario cannot take, saying why
 *
 * The scenario the rules in force on @date describe: every foreign chip
 * that is licensable or needs no licence, except @scenario's domestic
 * chip and the chips @scenario cannot use (cpl_scenario_check_chips()
 * would refuse them: no throughput, no price, no power).  A chip whose
 * status needs data is left out too, with a message.  Nothing is changed.
 */
void
cpl_scenario_policy_on (CplDataset   *dataset,
                        CplScenario  *scenario,
                        const GDate  *date,
                        GStrv        *allowed,
                        double       *share,
                        GArray      **shares,
                        GPtrArray   **left_out)
{
  GListModel *chips = cpl_dataset_get_chips (dataset);
  g_autoptr(GArray) each = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GStrvBuilder) ids = g_strv_builder_new ();
  g_autoptr(GPtrArray) messages = g_ptr_array_new_with_free_func (g_free);
  const char *domestic_id = cpl_scenario_get_domestic_chip (scenario);
  g_autofree char *day = NULL;

  g_return_if_fail (date != NULL && g_date_valid (date));
  g_return_if_fail (allowed != NULL && share != NULL);

  day = cpl_date_format_long (date);
  *share = 0;
  for (guint i = 0; i < g_list_model_get_n_items (chips); i++)
    {
      g_autoptr(CplChip) chip = g_list_model_get_item (chips, i);
      const char *id = cpl_entity_get_id (CPL_ENTITY (chip));
      const char *name = cpl_entity_get_name (CPL_ENTITY (chip));
      double chip_share;
      CplChipStatus status = cpl_chip_status_on (dataset, chip, date, &chip_share);
      g_autofree char *problem = NULL;

      if (g_strcmp0 (id, domestic_id) == 0)
        continue;
      if (status == CPL_CHIP_STATUS_UNKNOWN)
        {
          /* Translators: %1$s is a chip's name, %2$s a date ("1 September 2025") */
          g_ptr_array_add (messages, g_strdup_printf (_("%1$s: its status on %2$s needs data "
                                                        "(a figure the rules need is missing)"),
                                                      name, day));
          continue;
        }
      if (status != CPL_CHIP_STATUS_LICENSABLE && status != CPL_CHIP_STATUS_FREE)
        continue;
      if (isnan (chip_share) || status == CPL_CHIP_STATUS_FREE)
        chip_share = 0;
      problem = cpl_scenario_allowed_chip_problem (scenario, chip, chip_share);
      if (problem != NULL)
        {
          /* Translators: %1$s is a chip's name, %2$s why a scenario cannot use it */
          g_ptr_array_add (messages, g_strdup_printf (_("%1$s: %2$s"), name, problem));
          continue;
        }
      g_strv_builder_add (ids, id);
      g_array_append_val (each, chip_share);
      *share = MAX (*share, chip_share);
    }
  *allowed = g_strv_builder_end (ids);
  if (shares != NULL)
    *shares = g_steal_pointer (&each);
  if (left_out != NULL)
    *left_out = g_steal_pointer (&messages);
}
