/* fuzz-scenario.c: libFuzzer harness for the scenario validator and the
 * projection (MODEL.md §5, §7)
 *
 * The dataset is tests/fixtures/two-chips.json.  An input that is a JSON
 * object is merged into its first scenario, member by member, and the
 * result loaded (the validator); an input that is not is read as raw
 * doubles, one per scenario field, set with cpl_entity_set_number (the
 * field checks), and the dataset written out and read back (the
 * validator).  Every scenario of a dataset that loads is projected: the
 * projection is refused with an error, or every number in it is finite.
 * (A scenario edited in memory is not validated as a whole: with
 * demand_pflops near 1e308 its projection overflows; the loader refuses
 * that, cpl_projection_compute does not.)
 */
#include "config.h"

#include <glib.h>
#include <math.h>
#include <stdint.h>
#include <string.h>

#include "cpl-model.h"

#ifndef CPL_FUZZ_FIXTURE
#error "define CPL_FUZZ_FIXTURE as the path of tests/fixtures/two-chips.json"
#endif

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

static void
fuzz_scenario_check_finite (CplProjection *p)
{
  g_assert_true (isfinite (p->total_government_take_usd));
  g_assert_true (isfinite (p->total_compute_gap_pflops));
  g_assert_true (isfinite (p->total_domestic_installed_pflops));
  g_assert_true (isfinite (p->final_domestic_share));
  for (guint v = 0; v < p->n_vendors; v++)
    g_assert_true (isfinite (p->total_gross_revenue_usd[v]));
  for (guint k = 0; k < p->n_chips; k++)
    {
      g_assert_true (isfinite (p->chip_cost[k]));
      g_assert_true (isfinite (p->chip_buyer_price[k]));
    }
  for (guint y = 0; y < p->n_years; y++)
    {
      CplProjectionYear *year = &p->years[y];
      const double values[] = {
        year->demand_pflops, year->domestic_capacity_pflops, year->domestic_demand_pflops,
        year->domestic_pflops, year->domestic_units, year->domestic_tflops_per_chip,
        year->domestic_cost, year->compute_gap_pflops, year->domestic_share,
        year->government_take_usd, year->domestic_revenue_usd,
      };

      for (guint i = 0; i < G_N_ELEMENTS (values); i++)
        if (!isfinite (values[i]))
          g_error ("%s: year %d: value %u is %g", p->scenario_id, year->year, i, values[i]);
      for (guint k = 0; k < p->n_chips; k++)
        {
          g_assert_true (isfinite (year->exported_pflops[k]));
          g_assert_true (isfinite (year->exported_units[k]));
        }
      for (guint v = 0; v < p->n_vendors; v++)
        {
          g_assert_true (isfinite (year->gross_revenue_usd[v]));
          g_assert_true (isfinite (year->vendor_net_revenue_usd[v]));
        }
    }
}

static void
fuzz_scenario_project_all (CplDataset *dataset)
{
  GListModel *scenarios = cpl_dataset_get_scenarios (dataset);

  for (guint i = 0; i < g_list_model_get_n_items (scenarios); i++)
    {
      g_autoptr(CplScenario) scenario = g_list_model_get_item (scenarios, i);
      g_autoptr(GError) error = NULL;
      g_autoptr(CplProjection) projection = cpl_projection_compute (scenario, dataset, &error);

      if (projection == NULL)
        g_assert_true (error != NULL && error->domain == CPL_DATASET_ERROR);
      else
        fuzz_scenario_check_finite (projection);
    }
}

static const char *
fuzz_scenario_fixture (gsize *length)
{
  static char *text;
  static gsize text_length;

  if (text == NULL && !g_file_get_contents (CPL_FUZZ_FIXTURE, &text, &text_length, NULL))
    g_error ("cannot read %s", CPL_FUZZ_FIXTURE);
  *length = text_length;
  return text;
}

static void
fuzz_scenario_merged (JsonObject *input)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(CplDataset) dataset = cpl_dataset_new ();
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GList) members = json_object_get_members (input);
  JsonObject *scenario;
  gsize length;
  const char *fixture = fuzz_scenario_fixture (&length);
  char *text;

  if (!json_parser_load_from_data (parser, fixture, length, NULL))
    g_error ("cannot parse %s", CPL_FUZZ_FIXTURE);
  scenario = json_array_get_object_element (
    json_object_get_array_member (json_node_get_object (json_parser_get_root (parser)), "scenarios"), 0);
  for (const GList *l = members; l != NULL; l = l->next)
    json_object_set_member (scenario, l->data, json_node_copy (json_object_get_member (input, l->data)));

  json_generator_set_root (generator, json_parser_get_root (parser));
  text = json_generator_to_data (generator, &length);
  bytes = g_bytes_new_take (text, length);
  if (cpl_dataset_load_bytes (dataset, bytes, "fuzz-scenario.json", CPL_LOAD_ALONE, &error))
    {
      g_autofree char *report = NULL;
      g_autoptr(GError) report_error = NULL;

      fuzz_scenario_project_all (dataset);
      report = cpl_report_to_json (dataset, NULL, 100, &report_error);
      g_assert_true ((report != NULL) != (report_error != NULL));
    }
  else
    g_assert_true (error != NULL && error->domain == CPL_DATASET_ERROR);
}

static void
fuzz_scenario_raw (const uint8_t *data,
                   size_t         size)
{
  g_autoptr(CplDataset) dataset = cpl_dataset_new ();
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(CplScenario) scenario = NULL;
  gsize length;
  const char *fixture = fuzz_scenario_fixture (&length);

  bytes = g_bytes_new_static (fixture, length);
  if (!cpl_dataset_load_bytes (dataset, bytes, "two-chips.json", CPL_LOAD_ALONE, &error))
    g_error ("%s", error->message);
  scenario = g_list_model_get_item (cpl_dataset_get_scenarios (dataset), data[0] % 2);
  data++;
  size--;
  for (guint i = 0; i < CPL_SCENARIO_N_FIELDS && (i + 1) * sizeof (double) <= size; i++)
    {
      double value;
      g_autoptr(GError) field_error = NULL;

      memcpy (&value, data + i * sizeof (double), sizeof value);
      if (!cpl_entity_set_number (CPL_ENTITY (scenario), i, value, &field_error))
        g_assert_nonnull (field_error);
    }
  {
    g_autoptr(CplDataset) reread = cpl_dataset_new ();
    g_autoptr(GError) load_error = NULL;
    char *text = cpl_dataset_to_data (dataset, &length);

    g_clear_pointer (&bytes, g_bytes_unref);
    bytes = g_bytes_new_take (text, length);
    if (cpl_dataset_load_bytes (reread, bytes, "fuzz-scenario.json", CPL_LOAD_ALONE, &load_error))
      fuzz_scenario_project_all (reread);
    else
      g_assert_true (load_error != NULL && load_error->domain == CPL_DATASET_ERROR);
  }
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  guint open = 0;

  if (size == 0)
    return 0;
  for (size_t i = 0; i < size; i++)
    open += data[i] == '[' || data[i] == '{';
  /* the input as JSON when it is valid, small and shallow; as numbers
   * otherwise (json-glib recurses, so never give it deep input) */
  if (data[0] == '{' && size < 4096 && open <= 32 &&
      g_utf8_validate ((const char *) data, size, NULL) &&
      json_parser_load_from_data (parser, (const char *) data, size, &error) &&
      JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    fuzz_scenario_merged (json_node_get_object (json_parser_get_root (parser)));
  else
    fuzz_scenario_raw (data, size);
  return 0;
}
