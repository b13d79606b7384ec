/* cpl-report.c: the results of a dataset, as `--compute` prints them
 *
 * The JSON form is DATA-FORMAT.md's.  The CSV form is the same tree in
 * long ("tidy") form, one value a row: section,id,year,metric,key,value,
 * which a spreadsheet pivots into any table.  Unknown values are null in
 * JSON and empty in CSV, never a made-up number.
 *
 * Every chip gets its status in China on one date (MODEL.md §2.1):
 * "status": {"date", "state", "share"}, in CSV the rows
 * chips,ID,,status,date|state|share,VALUE.
 */
#define G_LOG_DOMAIN "cpl-report"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "cpl-compute.h"
#include "cpl-csv.h"
#include "cpl-json-private.h"
#include "cpl-report.h"
#include "cpl-sensitivity.h"
#include "cpl-status.h"
#include "cpl-uncertainty.h"

static void
set_number (JsonObject *object,
            const char *key,
            double      value)
{
  if (isfinite (value))
    json_object_set_double_member (object, key, value);
  else
    json_object_set_null_member (object, key);
}

/* The entry's name, a string (DATA-FORMAT.md), in the reader's language
 * when the dataset has it in that language. */
static void
set_name (JsonObject *object,
          CplEntity  *entity)
{
  json_object_set_string_member (object, "name", cpl_entity_get_name (entity));
}

static JsonObject *
status_report (CplDataset  *dataset,
               CplChip     *chip,
               const GDate *date)
{
  JsonObject *object = json_object_new ();
  double share;
  CplChipStatus status = cpl_chip_status_on (dataset, chip, date, &share);
  g_autofree char *iso = cpl_iso_date_format (date);

  json_object_set_string_member (object, "date", iso);
  json_object_set_string_member (object, "state", cpl_chip_status_get_key (status));
  set_number (object, "share", share);
  return object;
}

static JsonObject *
chip_report (CplDataset  *dataset,
             CplChip     *chip,
             const GDate *date)
{
  JsonObject *object = json_object_new ();
  JsonObject *rules = json_object_new ();
  GListModel *rule_list = cpl_dataset_get_rules (dataset);
  CplChipMetrics m;

  cpl_chip_metrics_compute (chip, &m);
  json_object_set_string_member (object, "id", cpl_entity_get_id (CPL_ENTITY (chip)));
  set_name (object, CPL_ENTITY (chip));
  set_number (object, "tpp", m.values[CPL_METRIC_TPP]);
  set_number (object, "performance_density", m.values[CPL_METRIC_PERFORMANCE_DENSITY]);
  set_number (object, "compute_tflops", m.values[CPL_METRIC_COMPUTE_TFLOPS]);
  set_number (object, "bandwidth_gbs", m.values[CPL_METRIC_BANDWIDTH_GBS]);
  set_number (object, "perf_per_watt", m.perf_per_watt);
  set_number (object, "bytes_per_flop", m.bytes_per_flop);

  for (guint i = 0; i < g_list_model_get_n_items (rule_list); i++)
    {
      g_autoptr(CplRule) rule = g_list_model_get_item (rule_list, i);
      const char *id = cpl_entity_get_id (CPL_ENTITY (rule));

      switch (cpl_rule_evaluate_chip (rule, cpl_entity_get_id (CPL_ENTITY (chip)), m.values, NULL))
        {
        case CPL_TRI_TRUE:    json_object_set_boolean_member (rules, id, TRUE); break;
        case CPL_TRI_FALSE:   json_object_set_boolean_member (rules, id, FALSE); break;
        case CPL_TRI_UNKNOWN:
        default:              json_object_set_null_member (rules, id); break;
        }
    }
  json_object_set_object_member (object, "rules", rules);
  json_object_set_object_member (object, "status", status_report (dataset, chip, date));
  return object;
}

static void
revenue_outputs (JsonObject             *object,
                 const CplRevenueResult *r)
{
  set_number (object, "buyer_price_usd", r->buyer_price);
  set_number (object, "units_shipped", r->units_shipped);
  set_number (object, "gross_revenue_usd", r->gross_revenue);
  set_number (object, "government_take_usd", r->government_take);
  set_number (object, "vendor_net_revenue_usd", r->vendor_net_revenue);
  set_number (object, "vendor_gross_profit_usd", r->vendor_gross_profit);
  set_number (object, "margin_after_share", r->margin_after_share);
  set_number (object, "break_even_share", r->break_even_share);
}

static JsonObject *
revenue_case_report (CplRevenueCase *rc,
                     GError        **error)
{
  g_autoptr(JsonObject) object = json_object_new ();
  CplRevenueResult result, comparison;
  double compare = cpl_revenue_case_get (rc, CPL_REVENUE_CASE_COMPARE_SHARE);

  if (!cpl_revenue_case_compute (rc, &result, &comparison, error))
    return NULL;

  json_object_set_string_member (object, "id", cpl_entity_get_id (CPL_ENTITY (rc)));
  set_name (object, CPL_ENTITY (rc));
  set_number (object, "revenue_share", cpl_revenue_case_get (rc, CPL_REVENUE_CASE_REVENUE_SHARE));
  revenue_outputs (object, &result);

  if (isnan (compare))
    json_object_set_null_member (object, "comparison");
  else
    {
      JsonObject *other = json_object_new ();
      JsonObject *difference = json_object_new ();
      CplRevenueResult delta;
      const double *a = (const double *) &result;
      const double *b = (const double *) &comparison;
      double *d = (double *) &delta;

      /* difference = this share − comparison share, output by output */
      for (guint i = 0; i < sizeof delta / sizeof (double); i++)
        d[i] = a[i] - b[i];
      set_number (other, "revenue_share", compare);
      revenue_outputs (other, &comparison);
      revenue_outputs (difference, &delta);
      json_object_set_object_member (other, "difference", difference);
      json_object_set_object_member (object, "comparison", other);
    }
  return g_steal_pointer (&object);
}

static JsonObject *
per_key (char * const *keys,
         guint         n,
         const double *values)
{
  JsonObject *object = json_object_new ();

  for (guint i = 0; i < n; i++)
    set_number (object, keys[i], values[i]);
  return object;
}

/* MODEL.md §6.1: the totals at each share rate, and the rate that
 * maximises the government's take. */
static gboolean
add_share_curve (JsonObject  *object,
                 CplDataset  *dataset,
                 CplScenario *scenario,
                 GError     **error)
{
  g_autoptr(GArray) curve = cpl_share_curve_compute (scenario, dataset, error);
  JsonArray *points;
  double best;

  if (curve == NULL)
    return FALSE;
  best = cpl_revenue_maximising_share_on_curve (scenario, dataset, curve, NULL);
  points = json_array_sized_new (curve->len);
  for (guint i = 0; i < curve->len; i++)
    {
      const CplSharePoint *point = &g_array_index (curve, CplSharePoint, i);
      JsonObject *entry = json_object_new ();

      set_number (entry, "share", point->share);
      for (guint t = 0; t < CPL_N_TOTALS; t++)
        set_number (entry, cpl_total_get_key (t), point->totals[t]);
      json_array_add_object_element (points, entry);
    }
  json_object_set_array_member (object, "share_curve", points);
  set_number (object, "revenue_maximising_share", best);
  return TRUE;
}

static JsonObject *
scenario_report (CplDataset  *dataset,
                 CplScenario *scenario,
                 GError     **error)
{
  g_autoptr(CplProjection) p = cpl_dataset_get_projection (dataset, scenario, error);
  JsonObject *object, *totals;
  JsonArray *years;

  if (p == NULL)
    return NULL;

  object = json_object_new ();
  years = json_array_new ();
  json_object_set_string_member (object, "id", p->scenario_id);
  set_name (object, CPL_ENTITY (scenario));

  for (guint t = 0; t < p->n_years; t++)
    {
      const CplProjectionYear *y = &p->years[t];
      JsonObject *year = json_object_new ();
      JsonObject *cost = per_key (p->chip_ids, p->n_chips, p->chip_cost);

      set_number (cost, p->domestic_chip_id, y->domestic_cost);
      json_object_set_int_member (year, "year", y->year);
      set_number (year, "demand_pflops", y->demand_pflops);
      json_object_set_object_member (year, "exported_pflops", per_key (p->chip_ids, p->n_chips, y->exported_pflops));
      json_object_set_object_member (year, "exported_units", per_key (p->chip_ids, p->n_chips, y->exported_units));
      set_number (year, "domestic_pflops", y->domestic_pflops);
      set_number (year, "domestic_units", y->domestic_units);
      set_number (year, "compute_gap_pflops", y->compute_gap_pflops);
      set_number (year, "domestic_share", y->domestic_share);
      json_object_set_object_member (year, "cost_per_pflop_year_usd", cost);
      json_object_set_object_member (year, "gross_revenue_usd",
                                     per_key (p->vendor_ids, p->n_vendors, y->gross_revenue_usd));
      set_number (year, "government_take_usd", y->government_take_usd);
      json_object_set_object_member (year, "vendor_net_revenue_usd",
                                     per_key (p->vendor_ids, p->n_vendors, y->vendor_net_revenue_usd));
      set_number (year, "domestic_revenue_usd", y->domestic_revenue_usd);
      json_array_add_object_element (years, year);
    }
  json_object_set_array_member (object, "years", years);

  totals = json_object_new ();
  json_object_set_object_member (totals, "gross_revenue_usd",
                                 per_key (p->vendor_ids, p->n_vendors, p->total_gross_revenue_usd));
  set_number (totals, "government_take_usd", p->total_government_take_usd);
  set_number (totals, "compute_gap_pflops", p->total_compute_gap_pflops);
  set_number (totals, "domestic_installed_pflops", p->total_domestic_installed_pflops);
  set_number (totals, "final_domestic_share", p->final_domestic_share);
  json_object_set_object_member (object, "totals", totals);
  if (!add_share_curve (object, dataset, scenario, error))
    {
      json_object_unref (object);
      return NULL;
    }
  return object;
}

static JsonObject *
quantiles_report (const CplQuantiles *q)
{
  JsonObject *object = json_object_new ();

  set_number (object, "p10", q->p10);
  set_number (object, "p50", q->p50);
  set_number (object, "p90", q->p90);
  return object;
}

/* MODEL.md §6: "uncertainty": {"draws", "seed", "totals", "years",
 * "tornado"} for a scenario with at least one range. */
static JsonObject *
uncertainty_report (CplDataset  *dataset,
                    CplScenario *scenario,
                    guint        n_draws,
                    GError     **error)
{
  g_autoptr(CplUncertainty) u = cpl_uncertainty_compute (scenario, dataset, n_draws, 0, NULL, error);
  int start_year = (int) cpl_scenario_get (scenario, CPL_SCENARIO_START_YEAR);
  JsonObject *object, *totals, *tornado;
  JsonArray *years;

  if (u == NULL)
    return NULL;
  tornado = json_object_new ();
  for (guint t = 0; t < CPL_N_TOTALS; t++)
    {
      g_autoptr(GArray) bars = cpl_tornado_compute (scenario, dataset, t, error);
      JsonArray *list;

      if (bars == NULL)
        {
          json_object_unref (tornado);
          return NULL;
        }
      list = json_array_new ();
      for (guint i = 0; i < bars->len; i++)
        {
          const CplTornadoBar *bar = &g_array_index (bars, CplTornadoBar, i);
          JsonObject *entry = json_object_new ();

          json_object_set_string_member (entry, "parameter", bar->parameter);
          set_number (entry, "low", bar->low);
          set_number (entry, "high", bar->high);
          set_number (entry, "output_low", bar->output_low);
          set_number (entry, "output_high", bar->output_high);
          set_number (entry, "swing", bar->swing);
          json_array_add_object_element (list, entry);
        }
      json_object_set_array_member (tornado, cpl_total_get_key (t), list);
    }

  object = json_object_new ();
  json_object_set_int_member (object, "draws", cpl_uncertainty_get_n_draws (u));
  json_object_set_int_member (object, "seed", (gint64) cpl_uncertainty_get_seed (u));
  totals = json_object_new ();
  for (guint t = 0; t < CPL_N_TOTALS; t++)
    json_object_set_object_member (totals, cpl_total_get_key (t),
                                   quantiles_report (cpl_uncertainty_get_total (u, t)));
  json_object_set_object_member (object, "totals", totals);
  years = json_array_new ();
  for (guint y = 0; y < cpl_uncertainty_get_n_years (u); y++)
    {
      JsonObject *year = json_object_new ();

      json_object_set_int_member (year, "year", start_year + (int) y);
      for (guint o = 0; o < CPL_N_YEAR_OUTPUTS; o++)
        json_object_set_object_member (year, cpl_year_output_get_key (o),
                                       quantiles_report (cpl_uncertainty_get_year (u, o, y)));
      json_array_add_object_element (years, year);
    }
  json_object_set_array_member (object, "years", years);
  json_object_set_object_member (object, "tornado", tornado);
  return object;
}

/**
 * cpl_report_build:
 * @date: (nullable): the day whose rules give each chip's status; %NULL
 *   for today (local time)
 * @n_draws: the Monte Carlo draws of each scenario with ranges (--draws)
 *
 * Returns: (transfer full) (nullable): the results tree of DATA-FORMAT.md.
 */
JsonNode *
cpl_report_build (CplDataset  *dataset,
                  const GDate *date,
                  guint        n_draws,
                  GError     **error)
{
  GDate today;
  g_autoptr(JsonObject) root = json_object_new ();
  JsonArray *chips = json_array_new ();
  JsonArray *cases = json_array_new ();
  JsonArray *scenarios = json_array_new ();
  GListModel *model;

  if (date == NULL)
    {
      cpl_date_set_today (&today);
      date = &today;
    }
  json_object_set_array_member (root, "chips", chips);
  json_object_set_array_member (root, "revenue_cases", cases);
  json_object_set_array_member (root, "scenarios", scenarios);

  model = cpl_dataset_get_chips (dataset);
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(CplChip) chip = g_list_model_get_item (model, i);
      json_array_add_object_element (chips, chip_report (dataset, chip, date));
    }

  model = cpl_dataset_get_revenue_cases (dataset);
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(CplRevenueCase) rc = g_list_model_get_item (model, i);
      JsonObject *object = revenue_case_report (rc, error);

      if (object == NULL)
        return NULL;
      json_array_add_object_element (cases, object);
    }

  model = cpl_dataset_get_scenarios (dataset);
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(CplScenario) scenario = g_list_model_get_item (model, i);
      JsonObject *object = scenario_report (dataset, scenario, error);

      if (object == NULL)
        return NULL;
      json_array_add_object_element (scenarios, object);
      if (cpl_scenario_has_ranges (scenario))
        {
          JsonObject *uncertainty = uncertainty_report (dataset, scenario, n_draws, error);

          if (uncertainty == NULL)
            return NULL;
          json_object_set_object_member (object, "uncertainty", uncertainty);
        }
    }

  return json_node_init_object (json_node_alloc (), root);
}

char *
cpl_report_to_json (CplDataset  *dataset,
                    const GDate *date,
                    guint        n_draws,
                    GError     **error)
{
  g_autoptr(JsonNode) root = cpl_report_build (dataset, date, n_draws, error);

  if (root == NULL)
    return NULL;
  return cpl_json_to_text_rounded (root, NULL);
}

/**
 * cpl_report_seek:
 * @spec: "SCENARIO,PARAMETER,TOTAL,TARGET", what `--seek` takes
 *
 * Goal seek (MODEL.md §6.1) on one scenario of @dataset.
 *
 * Returns: (transfer full) (nullable): {"scenario", "parameter", "total",
 *   "target", "value", "achieved"} as JSON text, or %NULL with @error set:
 *   an unknown scenario, parameter or total, a target that is not a number,
 *   or no value that reaches the target.
 */
char *
cpl_report_seek (CplDataset  *dataset,
                 const char  *spec,
                 GError     **error)
{
  g_auto(GStrv) parts = g_strsplit (spec, ",", -1);
  g_autoptr(JsonObject) object = NULL;
  g_autoptr(JsonNode) root = NULL;
  CplScenario *scenario;
  CplTotal total;
  double target, value, achieved;
  char *end = NULL;

  if (g_strv_length (parts) != 4)
    {
      g_set_error (error, CPL_DATASET_ERROR, CPL_DATASET_ERROR_INVALID,
                   /* Translators: %s is what follows --seek; the rest of the
                    * sentence names its parts, which are not translated */
                   _("--seek “%s” does not have four parts; expected SCENARIO,PARAMETER,TOTAL,TARGET, "
                     "such as h200-share-25,revenue_share,government_take_usd,5e10"), spec);
      return NULL;
    }
  scenario = CPL_SCENARIO (cpl_dataset_lookup (dataset, CPL_TYPE_SCENARIO, parts[0]));
  if (scenario == NULL)
    {
      g_set_error (error, CPL_DATASET_ERROR, CPL_DATASET_ERROR_REFERENCE,
                   /* Translators: %s is a scenario id */
                   _("--seek: there is no scenario “%s”; expected the id of one of the "
                     "dataset's scenarios"), parts[0]);
      return NULL;
    }
  if (!cpl_total_from_key (parts[2], &total))
    {
      g_set_error (error, CPL_DATASET_ERROR, CPL_DATASET_ERROR_INVALID,
                   /* Translators: %s is what was given; the keys listed are not translated */
                   _("--seek: “%s” is not a total; expected government_take_usd, "
                     "compute_gap_pflops, domestic_installed_pflops, final_domestic_share or "
                     "gross_revenue_usd"), parts[2]);
      return NULL;
    }
  target = g_ascii_strtod (parts[3], &end);
  if (parts[3][0] == '\0' || *end != '\0' || !isfinite (target))
    {
      g_set_error (error, CPL_DATASET_ERROR, CPL_DATASET_ERROR_INVALID,
                   /* Translators: %s is what was given as the target */
                   _("--seek: the target “%s” is not a number; expected a plain number "
                     "such as 5e10 or 0.35"), parts[3]);
      return NULL;
    }
  if (!cpl_goal_seek (scenario, dataset, parts[1], total, target, &value, &achieved, NULL, NULL, error))
    return NULL;

  object = json_object_new ();
  json_object_set_string_member (object, "scenario", parts[0]);
  json_object_set_string_member (object, "parameter", parts[1]);
  json_object_set_string_member (object, "total", parts[2]);
  set_number (object, "target", target);
  set_number (object, "value", value);
  set_number (object, "achieved", achieved);
  root = json_node_init_object (json_node_alloc (), object);
  return cpl_json_to_text_rounded (root, NULL);
}

/* CSV ------------------------------------------------------------------- */

static void
csv_row (CplCsvWriter *out,
         const char   *section,
         const char   *id,
         const char   *year,
         const char   *metric,
         const char   *key,
         JsonNode     *value)
{
  const char * const fields[] = { section, id, year, metric, key, NULL };

  for (guint i = 0; fields[i] != NULL; i++)
    cpl_csv_writer_add_text (out, fields[i]);
  if (!JSON_NODE_HOLDS_VALUE (value))
    cpl_csv_writer_add_text (out, NULL);
  else if (json_node_get_value_type (value) == G_TYPE_BOOLEAN)
    cpl_csv_writer_add_text (out, json_node_get_boolean (value) ? "true" : "false");
  else if (json_node_get_value_type (value) == G_TYPE_STRING)
    cpl_csv_writer_add_text (out, json_node_get_string (value));
  else
    cpl_csv_writer_add_number (out, json_node_get_double (value));
  cpl_csv_writer_end_row (out);
}

static void csv_object (CplCsvWriter *out, const char *section, const char *id, const char *year,
                        const char *prefix, JsonObject *object);

/* The "uncertainty" member: quantiles keyed p10, p50, p90 under the
 * metric "uncertainty.OUTPUT" in the year or "total" rows; tornado bars
 * under "uncertainty.tornado.TOTAL.PARAMETER", keyed low, high,
 * output_low, output_high and swing. */
static void
csv_uncertainty (CplCsvWriter *out,
                 const char   *section,
                 const char   *id,
                 JsonObject   *uncertainty)
{
  JsonArray *years = json_object_get_array_member (uncertainty, "years");
  JsonObject *tornado = json_object_get_object_member (uncertainty, "tornado");
  g_autoptr(GList) totals = json_object_get_members (tornado);

  csv_row (out, section, id, "", "uncertainty.draws", "", json_object_get_member (uncertainty, "draws"));
  csv_row (out, section, id, "", "uncertainty.seed", "", json_object_get_member (uncertainty, "seed"));
  csv_object (out, section, id, "total", "uncertainty.",
              json_object_get_object_member (uncertainty, "totals"));
  for (guint i = 0; i < json_array_get_length (years); i++)
    {
      JsonObject *item = json_array_get_object_element (years, i);
      g_autofree char *y = g_strdup_printf ("%" G_GINT64_FORMAT, json_object_get_int_member (item, "year"));

      csv_object (out, section, id, y, "uncertainty.", item);
    }
  for (const GList *t = totals; t != NULL; t = t->next)
    {
      JsonArray *bars = json_object_get_array_member (tornado, t->data);

      for (guint i = 0; i < json_array_get_length (bars); i++)
        {
          JsonObject *bar = json_array_get_object_element (bars, i);
          g_autofree char *metric = g_strdup_printf ("uncertainty.tornado.%s.%s", (const char *) t->data,
                                                     json_object_get_string_member (bar, "parameter"));
          static const char * const keys[] = { "low", "high", "output_low", "output_high", "swing" };

          for (guint k = 0; k < G_N_ELEMENTS (keys); k++)
            csv_row (out, section, id, "", metric, keys[k], json_object_get_member (bar, keys[k]));
        }
    }
}

/* One row per value of an entry; nested objects keyed by chip, vendor or
 * rule give the key column; "years" give the year column, "totals" the
 * year "total", "comparison" a "comparison." metric prefix. */
/* One row a rate and total: metric "share_curve.TOTAL", key the rate. */
static void
csv_share_curve (CplCsvWriter *out,
                 const char   *section,
                 const char   *id,
                 JsonArray    *curve)
{
  for (guint i = 0; i < json_array_get_length (curve); i++)
    {
      JsonObject *point = json_array_get_object_element (curve, i);
      g_autofree char *share = cpl_format_number_c (json_object_get_double_member (point, "share"));
      g_autoptr(GList) members = json_object_get_members (point);

      for (const GList *l = members; l != NULL; l = l->next)
        {
          g_autofree char *metric = g_strconcat ("share_curve.", (const char *) l->data, NULL);

          if (!g_str_equal (l->data, "share"))
            csv_row (out, section, id, "", metric, share, json_object_get_member (point, l->data));
        }
    }
}

static void
csv_object (CplCsvWriter *out,
            const char   *section,
            const char   *id,
            const char   *year,
            const char   *prefix,
            JsonObject   *object)
{
  g_autoptr(GList) members = json_object_get_members (object);

  for (const GList *l = members; l != NULL; l = l->next)
    {
      const char *member = l->data;
      JsonNode *node = json_object_get_member (object, member);
      g_autofree char *metric = g_strconcat (prefix, member, NULL);

      if (g_str_equal (member, "id") || g_str_equal (member, "name") || g_str_equal (member, "year"))
        continue;

      if (JSON_NODE_HOLDS_ARRAY (node) && g_str_equal (member, "share_curve"))
        csv_share_curve (out, section, id, json_node_get_array (node));
      else if (JSON_NODE_HOLDS_OBJECT (node) && g_str_equal (member, "uncertainty"))
        csv_uncertainty (out, section, id, json_node_get_object (node));
      else if (JSON_NODE_HOLDS_ARRAY (node))
        {
          JsonArray *array = json_node_get_array (node);

          for (guint i = 0; i < json_array_get_length (array); i++)
            {
              JsonObject *item = json_array_get_object_element (array, i);
              g_autofree char *y = g_strdup_printf ("%" G_GINT64_FORMAT,
                                                    json_object_get_int_member (item, "year"));
              csv_object (out, section, id, y, "", item);
            }
        }
      else if (JSON_NODE_HOLDS_OBJECT (node) && g_str_equal (member, "totals"))
        csv_object (out, section, id, "total", "", json_node_get_object (node));
      else if (JSON_NODE_HOLDS_OBJECT (node) && g_str_equal (member, "comparison"))
        {
          g_autofree char *inner = g_strconcat (metric, ".", NULL);
          csv_object (out, section, id, year, inner, json_node_get_object (node));
        }
      else if (JSON_NODE_HOLDS_OBJECT (node))
        {
          JsonObject *keyed = json_node_get_object (node);
          g_autoptr(GList) keys = json_object_get_members (keyed);

          for (const GList *k = keys; k != NULL; k = k->next)
            csv_row (out, section, id, year, metric, k->data, json_object_get_member (keyed, k->data));
        }
      else
        csv_row (out, section, id, year, metric, "", node);
    }
}

char *
cpl_report_to_csv (CplDataset  *dataset,
                   const GDate *date,
                   guint        n_draws,
                   GError     **error)
{
  static const char * const sections[] = { "chips", "revenue_cases", "scenarios" };
  g_autoptr(JsonNode) root = cpl_report_build (dataset, date, n_draws, error);
  static const char * const header[] = { "section", "id", "year", "metric", "key", "value", NULL };
  CplCsvWriter *out;

  if (root == NULL)
    return NULL;
  out = cpl_csv_writer_new (CPL_CSV_COMMAS);
  cpl_csv_writer_add_row (out, header);
  for (guint s = 0; s < G_N_ELEMENTS (sections); s++)
    {
      JsonArray *array = json_object_get_array_member (json_node_get_object (root), sections[s]);

      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          JsonObject *entry = json_array_get_object_element (array, i);
          csv_object (out, sections[s], json_object_get_string_member (entry, "id"), "", "", entry);
        }
    }
  return cpl_csv_writer_free_to_text (out);
}
