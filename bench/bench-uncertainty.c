/* bench-uncertainty.c: Monte Carlo speed (issue #14)
 *
 * 10,000 draws × 10 years of a scenario with three exported chips and
 * seven ranged parameters, timing cpl_uncertainty_compute() (draws,
 * projection kernel and quantiles):
 *
 *   bench-uncertainty               the median of 7 runs on one thread,
 *                                   then on every processor
 *   bench-uncertainty --once N      one run on N threads (0: every
 *                                   processor) after two to warm up: the
 *                                   time that passed and the processor
 *                                   time, in ms; build-aux/bench.sh
 *                                   interleaves these with numpy's
 *   bench-uncertainty --inputs DIR  writes what bench/uncertainty_numpy.py
 *                                   needs to run the same model over the
 *                                   same draws: inputs.json (the chips as
 *                                   the kernel sees them, the point values,
 *                                   the ranged keys and our P50 of the
 *                                   take) and draws.bin (the drawn values,
 *                                   10,000 rows of float64 in the order of
 *                                   the ranged keys)
 */
#include "config.h"

#include <math.h>
#include <stdio.h>
#include <time.h>

#include "cpl-model.h"

#define N_DRAWS 10000
#define ROUNDS  7

static const char dataset_json[] =
  "{ \"format\": \"chip-policy-lab\", \"version\": 1,"
  "\"vendors\": [ { \"id\": \"va\", \"name\": \"A\", \"country\": \"US\" },"
  "  { \"id\": \"vb\", \"name\": \"B\", \"country\": \"US\" },"
  "  { \"id\": \"vd\", \"name\": \"D\", \"country\": \"CN\" } ],"
  "\"chips\": ["
  "  { \"id\": \"x\", \"name\": \"X\", \"vendor\": \"va\", \"domestic\": false, \"datacenter\": true,"
  "    \"tdp_w\": 700, \"price_usd\": 30000, \"unit_cost_usd\": 9000, \"performance\": { \"bf16\": 990 } },"
  "  { \"id\": \"y\", \"name\": \"Y\", \"vendor\": \"va\", \"domestic\": false, \"datacenter\": true,"
  "    \"tdp_w\": 400, \"price_usd\": 12000, \"performance\": { \"bf16\": 148 } },"
  "  { \"id\": \"z\", \"name\": \"Z\", \"vendor\": \"vb\", \"domestic\": false, \"datacenter\": true,"
  "    \"tdp_w\": 750, \"price_usd\": 15000, \"unit_cost_usd\": 5000, \"performance\": { \"bf16\": 1300 } },"
  "  { \"id\": \"d\", \"name\": \"D\", \"vendor\": \"vd\", \"domestic\": true, \"datacenter\": true,"
  "    \"tdp_w\": 350, \"price_usd\": 12000, \"performance\": { \"bf16\": 320 } } ],"
  "\"scenarios\": [ { \"id\": \"bench\", \"name\": \"Bench\", \"start_year\": 2026, \"years\": 10,"
  "  \"allowed_chips\": [ \"x\", \"y\", \"z\" ], \"domestic_chip\": \"d\","
  "  \"revenue_share\": 0.25, \"price_pass_through\": 0.3, \"license_approval_rate\": 0.8,"
  "  \"demand_pflops\": 1000000, \"demand_growth\": 0.4,"
  "  \"domestic_capacity_pflops\": 300000, \"domestic_capacity_growth\": 0.5,"
  "  \"domestic_installed_pflops\": 400000, \"domestic_learning_rate\": 0.15,"
  "  \"price_sensitivity\": 2, \"domestic_preference\": 0.5, \"capacity_spill\": 0.7,"
  "  \"ranges\": {"
  "    \"revenue_share\": { \"low\": 0.1, \"mode\": 0.25, \"high\": 0.4 },"
  "    \"price_pass_through\": { \"low\": 0, \"mode\": 0.3, \"high\": 0.6 },"
  "    \"demand_growth\": { \"low\": 0.2, \"mode\": 0.4, \"high\": 0.7 },"
  "    \"domestic_capacity_growth\": { \"low\": 0.3, \"mode\": 0.5, \"high\": 0.8 },"
  "    \"domestic_learning_rate\": { \"low\": 0.05, \"mode\": 0.15, \"high\": 0.25 },"
  "    \"price_sensitivity\": { \"low\": 1, \"mode\": 2, \"high\": 3 },"
  "    \"electricity_usd_per_kwh\": { \"low\": 0.04, \"mode\": 0.08, \"high\": 0.12 } } } ] }";

/* The draws as cpl-uncertainty.c makes them: stream (seed, d), one value
 * per ranged parameter in field order. */
static void
write_inputs (const char  *dir,
              CplScenario *scenario,
              CplDataset  *dataset,
              double       p50_take)
{
  g_autoptr(CplProjection) p = cpl_projection_compute (scenario, dataset, NULL);
  JsonObject *ranges = cpl_scenario_get_ranges (scenario);
  g_autoptr(JsonBuilder) b = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GArray) draws = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GPtrArray) keys = g_ptr_array_new ();
  g_autoptr(GArray) fields = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autofree char *json = NULL;
  g_autofree char *json_path = g_build_filename (dir, "inputs.json", NULL);
  g_autofree char *bin_path = g_build_filename (dir, "draws.bin", NULL);
  g_autoptr(GError) error = NULL;
  CplChip *domestic = cpl_dataset_lookup_chip (dataset, p->domestic_chip_id);
  CplChipMetrics m;

  for (guint f = 0; f < CPL_SCENARIO_N_FIELDS; f++)
    {
      const char *key = cpl_entity_get_field (CPL_ENTITY (scenario), f)->key;

      if (json_object_has_member (ranges, key))
        {
          g_ptr_array_add (keys, (gpointer) key);
          g_array_append_val (fields, f);
        }
    }
  for (guint d = 0; d < N_DRAWS; d++)
    {
      CplRandom random;

      cpl_random_init_stream (&random, (guint64) cpl_scenario_get (scenario, CPL_SCENARIO_SEED), d);
      for (guint i = 0; i < keys->len; i++)
        {
          JsonObject *r = json_object_get_object_member (ranges, keys->pdata[i]);
          double v = cpl_triangular_quantile (json_object_get_double_member (r, "low"),
                                              json_object_get_double_member (r, "mode"),
                                              json_object_get_double_member (r, "high"),
                                              cpl_random_double (&random));
          g_array_append_val (draws, v);
        }
    }
  if (!g_file_set_contents (bin_path, (const char *) draws->data, draws->len * sizeof (double), &error))
    g_error ("%s", error->message);

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "p50_take");
  json_builder_add_double_value (b, p50_take);
  json_builder_set_member_name (b, "ranged");
  json_builder_begin_array (b);
  for (guint i = 0; i < keys->len; i++)
    json_builder_add_string_value (b, keys->pdata[i]);
  json_builder_end_array (b);
  json_builder_set_member_name (b, "point");
  json_builder_begin_object (b);
  for (guint f = 0; f < CPL_SCENARIO_N_FIELDS; f++)
    {
      json_builder_set_member_name (b, cpl_entity_get_field (CPL_ENTITY (scenario), f)->key);
      json_builder_add_double_value (b, cpl_scenario_get (scenario, f));
    }
  json_builder_end_object (b);
  json_builder_set_member_name (b, "chips");
  json_builder_begin_array (b);
  for (guint k = 0; k < p->n_chips; k++)
    {
      CplChip *chip = cpl_dataset_lookup_chip (dataset, p->chip_ids[k]);
      double unit_cost = cpl_chip_get (chip, CPL_CHIP_UNIT_COST_USD);

      cpl_chip_metrics_compute (chip, &m);
      json_builder_begin_object (b);
      json_builder_set_member_name (b, "tflops");
      json_builder_add_double_value (b, m.values[CPL_METRIC_COMPUTE_TFLOPS]);
      json_builder_set_member_name (b, "price");
      json_builder_add_double_value (b, cpl_chip_get (chip, CPL_CHIP_PRICE_USD));
      json_builder_set_member_name (b, "tdp");
      json_builder_add_double_value (b, cpl_chip_get (chip, CPL_CHIP_TDP_W));
      json_builder_set_member_name (b, "unit_cost");
      if (isnan (unit_cost))
        json_builder_add_null_value (b);
      else
        json_builder_add_double_value (b, unit_cost);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  cpl_chip_metrics_compute (domestic, &m);
  json_builder_set_member_name (b, "domestic");
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "tflops");
  json_builder_add_double_value (b, m.values[CPL_METRIC_COMPUTE_TFLOPS]);
  json_builder_set_member_name (b, "price");
  json_builder_add_double_value (b, cpl_chip_get (domestic, CPL_CHIP_PRICE_USD));
  json_builder_set_member_name (b, "tdp");
  json_builder_add_double_value (b, cpl_chip_get (domestic, CPL_CHIP_TDP_W));
  json_builder_end_object (b);
  json_builder_end_object (b);
  root = json_builder_get_root (b);
  json = json_to_string (root, TRUE);
  if (!g_file_set_contents (json_path, json, -1, &error))
    g_error ("%s", error->message);
}

/* The processor time of the process so far, in ms. */
static double
cpu_ms (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_PROCESS_CPUTIME_ID, &ts);
  return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

/* One run on @n_threads (0: every processor), in ms; @cpu: (out)
 * (optional): the processor time it took, in ms, which the other work on
 * a shared machine does not add to as it does to the time that passed;
 * @p50_take: (out) (optional): the P50 of the take. */
static double
run_ms (CplScenario *scenario,
        CplDataset  *dataset,
        guint        n_threads,
        double      *cpu,
        double      *p50_take)
{
  g_autoptr(GError) error = NULL;
  double cpu_start = cpu_ms ();
  gint64 start = g_get_monotonic_time ();
  g_autoptr(CplUncertainty) u = cpl_uncertainty_compute (scenario, dataset, N_DRAWS, n_threads, NULL, &error);
  double ms = (g_get_monotonic_time () - start) / 1000.0;

  if (cpu != NULL)
    *cpu = cpu_ms () - cpu_start;

  if (u == NULL)
    g_error ("%s", error->message);
  if (p50_take != NULL)
    *p50_take = cpl_uncertainty_get_total (u, CPL_TOTAL_GOVERNMENT_TAKE)->p50;
  return ms;
}

/* The median of ROUNDS runs on @n_threads, in ms: the time that as many
 * runs are below as above. */
static double
median_ms (CplScenario *scenario,
           CplDataset  *dataset,
           guint        n_threads)
{
  double times[ROUNDS];

  for (guint r = 0; r < ROUNDS; r++)
    times[r] = run_ms (scenario, dataset, n_threads, NULL, NULL);
  for (guint r = 0; r < ROUNDS; r++)
    {
      guint below = 0, equal = 0;

      for (guint i = 0; i < ROUNDS; i++)
        {
          below += times[i] < times[r];
          equal += times[i] == times[r];
        }
      if (below <= ROUNDS / 2 && ROUNDS / 2 < below + equal)
        return times[r];
    }
  g_assert_not_reached ();
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(CplDataset) dataset = cpl_dataset_new ();
  g_autoptr(GBytes) bytes = g_bytes_new_static (dataset_json, sizeof dataset_json - 1);
  g_autoptr(GError) error = NULL;
  double p50_take = 0;
  CplScenario *scenario;

  if (!cpl_dataset_load_bytes (dataset, bytes, "bench.json", CPL_LOAD_ALONE, &error))
    g_error ("%s", error->message);
  scenario = CPL_SCENARIO (cpl_dataset_lookup (dataset, CPL_TYPE_SCENARIO, "bench"));

  if (argc == 3 && g_str_equal (argv[1], "--once"))
    {
      guint n_threads = (guint) g_ascii_strtoull (argv[2], NULL, 10);

      /* the first two runs also fault in the memory the next ones reuse
       * (malloc's threshold for mapping memory of its own rises after
       * the first), as it is in the app after its first runs */
      double ms, cpu;

      run_ms (scenario, dataset, n_threads, NULL, NULL);
      run_ms (scenario, dataset, n_threads, NULL, NULL);
      ms = run_ms (scenario, dataset, n_threads, &cpu, NULL);
      printf ("%.3f %.3f\n", ms, cpu);
      return 0;
    }
  if (argc == 3 && g_str_equal (argv[1], "--inputs"))
    {
      run_ms (scenario, dataset, 1, NULL, &p50_take);
      printf ("uncertainty: P50 government take %.17g\n", p50_take);
      write_inputs (argv[2], scenario, dataset, p50_take);
      return 0;
    }
  if (argc != 1)
    {
      fprintf (stderr, "usage: %s [--once THREADS | --inputs DIR]\n", argv[0]);
      return 2;
    }
  printf ("uncertainty: %d draws x 10 years x 3 exported chips, 1 thread: %.2f ms (median of %d)\n",
          N_DRAWS, median_ms (scenario, dataset, 1), ROUNDS);
  /* as the app runs it: the draws shared by every processor */
  printf ("uncertainty: the same on all %u processors: %.2f ms (median of %d)\n",
          g_get_num_processors (), median_ms (scenario, dataset, 0), ROUNDS);
  return 0;
}
