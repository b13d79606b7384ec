/* bench-model.c: the model's speed as ratios against baselines measured in
 * the same run (this machine is shared; absolute times mean little).
 *
 *   load ratio      loading the built-in dataset (parse, validate, build
 *                   objects) ÷ json-glib parsing the same bytes alone
 *   project ratio   projecting every built-in scenario ÷ that same parse
 *   epoch ratio     importing the Epoch CSV into chips ÷ libcsv reading it
 *
 * Run: meson test -C _build --benchmark --verbose
 */
#include "config.h"

#include <stdio.h>

#include "cpl-model.h"

#define ROUNDS 5

typedef void (*Work) (gpointer data);

/* The best of ROUNDS runs of @iterations calls, in µs. */
static double
best_time (Work     work,
           gpointer data,
           guint    iterations)
{
  double best = G_MAXDOUBLE;

  for (guint r = 0; r < ROUNDS; r++)
    {
      gint64 start = g_get_monotonic_time ();

      for (guint i = 0; i < iterations; i++)
        work (data);
      best = MIN (best, (double) (g_get_monotonic_time () - start));
    }
  return best;
}

static void
parse_only (gpointer data)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  gsize length;
  const char *text = g_bytes_get_data (data, &length);

  if (!json_parser_load_from_data (parser, text, length, NULL))
    g_error ("the built-in dataset does not parse");
}

static void
load_dataset (gpointer data)
{
  g_autoptr(CplDataset) dataset = cpl_dataset_new ();

  if (!cpl_dataset_load_bytes (dataset, data, "built-in", CPL_LOAD_ALONE, NULL))
    g_error ("the built-in dataset does not load");
}

static void
project_all (gpointer data)
{
  GListModel *scenarios = cpl_dataset_get_scenarios (data);

  for (guint i = 0; i < g_list_model_get_n_items (scenarios); i++)
    {
      g_autoptr(CplScenario) scenario = g_list_model_get_item (scenarios, i);
      g_autoptr(CplProjection) p = cpl_projection_compute (scenario, data, NULL);

      g_assert (p != NULL);
    }
}

static void
csv_only (gpointer data)
{
  gsize length;
  const char *text = g_bytes_get_data (data, &length);
  g_autoptr(CplCsvTable) table = cpl_csv_table_parse (text, length, "epoch.csv", NULL);

  g_assert (table != NULL);
}

static void
epoch_import (gpointer data)
{
  g_autoptr(GPtrArray) vendors = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) chips = g_ptr_array_new_with_free_func (g_object_unref);
  gsize length;
  const char *text = g_bytes_get_data (data, &length);

  if (!cpl_epoch_import (text, length, "epoch.csv", vendors, chips, NULL))
    g_error ("the Epoch CSV does not import");
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GBytes) builtin = cpl_dataset_get_builtin_bytes ();
  g_autoptr(CplDataset) dataset = cpl_dataset_new_builtin (NULL);
  const char *epoch_path = g_getenv ("CPL_EPOCH_CSV");
  g_autofree char *epoch_text = NULL;
  gsize epoch_length = 0;
  double parse, load, project;

  parse = best_time (parse_only, builtin, 200);
  load = best_time (load_dataset, builtin, 200);
  project = best_time (project_all, dataset, 200);
  printf ("load ratio     %6.2f  (load the built-in dataset ÷ json-glib parse alone)\n", load / parse);
  printf ("project ratio  %6.2f  (project all %u scenarios ÷ json-glib parse)\n", project / parse,
          g_list_model_get_n_items (cpl_dataset_get_scenarios (dataset)));

  if (epoch_path != NULL && g_file_get_contents (epoch_path, &epoch_text, &epoch_length, NULL))
    {
      g_autoptr(GBytes) epoch = g_bytes_new_static (epoch_text, epoch_length);
      double csv = best_time (csv_only, epoch, 50);
      double import = best_time (epoch_import, epoch, 50);

      printf ("epoch ratio    %6.2f  (import the Epoch CSV ÷ libcsv read alone)\n", import / csv);
    }
  return 0;
}
