/* bench-model.c: the model's rows of issue #16's table, each against a
 * baseline measured in the same run (interleaved: app, baseline, app, …;
 * medians of ROUNDS), printed as a Markdown table:
 *
 *   project every built-in scenario   cpl_projection_compute() of each
 *       built-in scenario ÷ the same arithmetic (MODEL.md §5) in a plain C
 *       loop over the same inputs (checked to give the same totals)
 *   --compute of the 7.7 MB file       the app, a child process (time, peak
 *       RSS from wait4()) ÷ a child that parses the file and the app's
 *       output with json-glib and keeps both trees
 *   linearity                          --compute time at 1×, 4× and 16×
 *       the base size: each 4× step ≤ 4.5× the time
 *   model memory after load            heap in use (mallinfo2) after
 *       loading the 7.7 MB file ÷ after json-glib parses it
 *
 * It prints its rows only: build-aux/bench.sh prints the table's head
 * and the rows of bench-gui and bench-chart around them.
 *
 * Run by build-aux/bench.sh:
 *   bench-model DATA_DIR APP     DATA_DIR holds s1.json, s4.json, s16.json
 *                                from bench/gen-dataset.py
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <malloc.h>
#include <math.h>
#include <stdio.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "bench-util.h"
#include "cpl-model.h"

#define ROUNDS       5
#define FAST_ROUNDS  9
#define MAX_CHIPS    16
#define MAX_YEARS    50
#define MAX_VENDORS  16

static const guint scales[] = { 1, 4, 16 };

/* Rows ------------------------------------------------------------------- */

static volatile double sink;  /* keeps the benchmarked work */

/* Children --------------------------------------------------------------- */

typedef struct {
  double seconds;   /* CPU time, user and system */
  double peak_mb;   /* peak resident set size */
} Run;

/* Runs @argv with stdout to @out (NULL: /dev/null); its CPU time and
 * peak RSS. */
static Run
run_child (const char * const *argv,
           const char         *out)
{
  struct rusage usage;
  int status;
  pid_t pid;
  Run run;

  fflush (stdout);
  pid = fork ();
  if (pid < 0)
    g_error ("fork: %s", g_strerror (errno));
  if (pid == 0)
    {
      int fd = open (out ? out : "/dev/null", O_WRONLY | O_CREAT | O_TRUNC, 0644);

      if (fd < 0 || dup2 (fd, STDOUT_FILENO) < 0)
        _exit (127);
      execv (argv[0], (char **) argv);
      _exit (127);
    }
  if (wait4 (pid, &status, 0, &usage) < 0)
    g_error ("wait4: %s", g_strerror (errno));
  if (!WIFEXITED (status) || WEXITSTATUS (status) != 0)
    g_error ("%s %s failed (status %d)", argv[0], argv[1], status);
  run.seconds = usage.ru_utime.tv_sec + usage.ru_utime.tv_usec / 1e6 +
                usage.ru_stime.tv_sec + usage.ru_stime.tv_usec / 1e6;
  run.peak_mb = usage.ru_maxrss / 1024.0;
  return run;
}

/* A child's one line of output, as a number. */
static double
child_number (const char * const *argv)
{
  g_autofree char *out = NULL;
  g_autoptr(GError) error = NULL;
  int status;

  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, NULL, &status, &error) ||
      !g_spawn_check_wait_status (status, &error))
    g_error ("%s %s: %s", argv[0], argv[1], error->message);
  return g_ascii_strtod (out, NULL);
}

static double
file_mb (const char *path)
{
  GStatBuf st;

  if (g_stat (path, &st) != 0)
    g_error ("%s: %s", path, g_strerror (errno));
  return st.st_size / 1e6;
}

/* Helper modes (run as children) ----------------------------------------- */

/* --parse FILE…: json-glib parses every file, keeping every tree. */
static int
parse_files (int   argc,
             char *argv[])
{
  g_autoptr(GPtrArray) parsers = g_ptr_array_new_with_free_func (g_object_unref);

  for (int i = 0; i < argc; i++)
    {
      JsonParser *parser = json_parser_new_immutable ();
      g_autoptr(GError) error = NULL;

      g_ptr_array_add (parsers, parser);
      if (!json_parser_load_from_mapped_file (parser, argv[i], &error))
        g_error ("%s: %s", argv[i], error->message);
    }
  return 0;
}

static size_t
heap_in_use (void)
{
  struct mallinfo2 info = mallinfo2 ();

  return info.uordblks + info.hblkhd;
}

/* --heap load|parse FILE: the heap a loaded dataset, or json-glib's tree
 * of the file, holds (not the file's bytes, not what loading freed). */
static int
heap_after (const char *how,
            const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CplDataset) dataset = NULL;
  g_autoptr(JsonParser) parser = NULL;
  size_t before;

  /* types, quarks, gettext: what a first load sets up once */
  g_object_unref (cpl_dataset_new_builtin (NULL));
  before = heap_in_use ();
  if (g_str_equal (how, "load"))
    {
      dataset = cpl_dataset_new ();
      if (!cpl_dataset_load_file (dataset, path, CPL_LOAD_ALONE, &error))
        g_error ("%s", error->message);
    }
  else
    {
      g_autofree char *text = NULL;
      gsize length;

      parser = json_parser_new_immutable ();
      if (!g_file_get_contents (path, &text, &length, &error) ||
          !json_parser_load_from_data (parser, text, length, &error))
        g_error ("%s", error->message);
    }
  printf ("%zu\n", heap_in_use () - before);
  return 0;
}

/* Row 1: projection vs a plain C loop ------------------------------------ */

/* What MODEL.md §5 reads, taken out of the objects beforehand. */
typedef struct {
  guint  n, n_vendors, n_years;
  double C0, g, K0, h, Q0, lambda, beta, b, a, s, pi, spill;
  double electricity, subsidy, pue, utilization, amortization;
  double F[MAX_CHIPS], price[MAX_CHIPS], tdp[MAX_CHIPS], unit_cost[MAX_CHIPS];
  guint  vendor[MAX_CHIPS];
  double F_d0, p_d, tdp_d;
} Plain;

typedef struct {
  double exported_pflops[MAX_CHIPS], exported_units[MAX_CHIPS];
  double gross[MAX_VENDORS], net[MAX_VENDORS];
  double demand, capacity, F_d, c_d, domestic, spill, gap, units, revenue, share, take;
} PlainYear;

static double
compute_tflops (CplChip *chip)
{
  CplChipMetrics m;

  cpl_chip_metrics_compute (chip, &m);
  return m.values[CPL_METRIC_COMPUTE_TFLOPS];
}

static void
plain_init (Plain       *p,
            CplScenario *scenario,
            CplDataset  *dataset)
{
  const char * const *allowed = cpl_scenario_get_allowed_chips (scenario);
  CplChip *domestic = cpl_dataset_lookup_chip (dataset, cpl_scenario_get_domestic_chip (scenario));
  g_autoptr(GPtrArray) vendors = g_ptr_array_new ();

  memset (p, 0, sizeof *p);
  p->n = g_strv_length ((char **) allowed);
  g_assert (p->n <= MAX_CHIPS);
  p->n_years = (guint) cpl_scenario_get (scenario, CPL_SCENARIO_YEARS);
  g_assert (p->n_years <= MAX_YEARS);
#define GET(field) cpl_scenario_get (scenario, CPL_SCENARIO_##field)
  p->C0 = GET (DEMAND_PFLOPS);
  p->g = GET (DEMAND_GROWTH);
  p->K0 = GET (DOMESTIC_CAPACITY_PFLOPS);
  p->h = GET (DOMESTIC_CAPACITY_GROWTH);
  p->Q0 = GET (DOMESTIC_INSTALLED_PFLOPS);
  p->lambda = GET (DOMESTIC_LEARNING_RATE);
  p->beta = GET (PRICE_SENSITIVITY);
  p->b = GET (DOMESTIC_PREFERENCE);
  p->a = GET (LICENSE_APPROVAL_RATE);
  p->s = GET (REVENUE_SHARE);
  p->pi = GET (PRICE_PASS_THROUGH);
  p->spill = GET (CAPACITY_SPILL);
  p->electricity = GET (ELECTRICITY_USD_PER_KWH);
  p->subsidy = GET (DOMESTIC_POWER_SUBSIDY);
  p->pue = GET (PUE);
  p->utilization = GET (UTILIZATION);
  p->amortization = GET (AMORTIZATION_YEARS);
#undef GET
  for (guint k = 0; k < p->n; k++)
    {
      CplChip *chip = cpl_dataset_lookup_chip (dataset, allowed[k]);
      guint v;

      p->F[k] = compute_tflops (chip);
      p->price[k] = cpl_chip_get (chip, CPL_CHIP_PRICE_USD);
      p->tdp[k] = cpl_chip_get (chip, CPL_CHIP_TDP_W);
      p->unit_cost[k] = cpl_chip_get (chip, CPL_CHIP_UNIT_COST_USD);
      for (v = 0; v < vendors->len; v++)
        if (g_str_equal (g_ptr_array_index (vendors, v), cpl_chip_get_vendor_id (chip)))
          break;
      if (v == vendors->len)
        g_ptr_array_add (vendors, (gpointer) cpl_chip_get_vendor_id (chip));
      p->vendor[k] = v;
    }
  p->n_vendors = vendors->len;
  g_assert (p->n_vendors <= MAX_VENDORS);
  p->F_d0 = compute_tflops (domestic);
  p->p_d = cpl_chip_get (domestic, CPL_CHIP_PRICE_USD);
  p->tdp_d = cpl_chip_get (domestic, CPL_CHIP_TDP_W);
}

/* MODEL.md §5, written out; returns the total government take. */
static double
plain_project (const Plain *p,
               PlainYear   *years)
{
  /* §4: energy a year per watt, at the scenario's terms */
  double energy = 8760.0 / 1000 * p->utilization * p->pue * p->electricity;
  double buyer[MAX_CHIPS], log_w[MAX_CHIPS], w[MAX_CHIPS];
  gboolean offered[MAX_CHIPS];
  double max_log_w = -INFINITY, sum_w = 0, total_take = 0;
  double gamma = -log2 (1 - p->lambda), Q = p->Q0, A_d;
  guint n_offered = 0;

  for (guint k = 0; k < p->n; k++)
    {
      double A, cost;

      buyer[k] = p->price[k] / (1 - p->pi * p->s);
      A = buyer[k] / p->amortization + p->tdp[k] * energy;
      cost = A / (p->F[k] / 1000);
      offered[k] = !((1 - p->s) * buyer[k] < p->unit_cost[k]);
      n_offered += offered[k];
      log_w[k] = offered[k] ? -p->beta * log (cost) : -INFINITY;
      max_log_w = MAX (max_log_w, log_w[k]);
    }
  for (guint k = 0; k < p->n; k++)
    {
      w[k] = log_w[k] == -INFINITY ? 0 : exp (log_w[k] - max_log_w);
      sum_w += w[k];
    }
  A_d = p->p_d / p->amortization + p->tdp_d * energy * (1 - p->subsidy);

  for (guint t = 0; t < p->n_years; t++)
    {
      PlainYear *y = &years[t];
      double C = p->C0 * pow (1 + p->g, t), K = p->K0 * pow (1 + p->h, t);
      double F_d = p->F_d0 * pow (Q / p->Q0, gamma);
      double c_d = A_d / (F_d / 1000);
      double log_w_d = -p->beta * log (c_d) + p->b;
      double D[MAX_CHIPS], D_d, D_exported = 0, X = 0, gross_total = 0, R_d, I, O;

      /* the demand split by weight, scaled by the larger log weight */
      if (max_log_w == -INFINITY)
        {
          for (guint k = 0; k < p->n; k++)
            D[k] = 0;
          D_d = C;
        }
      else
        {
          double scale = 1, w_d, sum;

          if (log_w_d > max_log_w)
            {
              scale = exp (max_log_w - log_w_d);
              w_d = 1;
            }
          else
            w_d = exp (log_w_d - max_log_w);
          sum = sum_w * scale + w_d;
          for (guint k = 0; k < p->n; k++)
            D[k] = C * (w[k] * scale) / sum;
          D_d = C * w_d / sum;
        }
      for (guint k = 0; k < p->n; k++)
        {
          D_exported += D[k];
          y->exported_pflops[k] = p->a * D[k];
        }
      R_d = D_d + (1 - p->a) * D_exported;
      I = MIN (R_d, K);
      O = R_d - I;
      y->spill = n_offered > 0 ? p->a * p->spill * O : 0;
      y->gap = O - y->spill;
      for (guint k = 0; k < p->n; k++)
        {
          if (offered[k])
            y->exported_pflops[k] += y->spill * w[k] / sum_w;
          X += y->exported_pflops[k];
        }
      for (guint v = 0; v < p->n_vendors; v++)
        y->gross[v] = 0;
      for (guint k = 0; k < p->n; k++)
        {
          double gross;

          y->exported_units[k] = 1000 * y->exported_pflops[k] / p->F[k];
          gross = y->exported_units[k] * buyer[k];
          y->gross[p->vendor[k]] += gross;
          gross_total += gross;
        }
      for (guint v = 0; v < p->n_vendors; v++)
        y->net[v] = (1 - p->s) * y->gross[v];
      y->demand = C;
      y->capacity = K;
      y->F_d = F_d;
      y->c_d = c_d;
      y->domestic = I;
      y->take = p->s * gross_total;
      y->units = 1000 * I / F_d;
      y->revenue = y->units * p->p_d;
      y->share = I + X > 0 ? I / (I + X) : 0;
      total_take += y->take;
      Q += I;
    }
  return total_take;
}

typedef struct {
  CplDataset *dataset;
  GPtrArray  *scenarios;
  Plain      *plain;
  PlainYear  *years;
  double      sink;
} ProjectBench;

static void
project_app (ProjectBench *b)
{
  for (guint i = 0; i < b->scenarios->len; i++)
    {
      g_autoptr(CplProjection) p = cpl_projection_compute (g_ptr_array_index (b->scenarios, i), b->dataset, NULL);

      b->sink += p->total_government_take_usd;
    }
}

static void
project_plain (ProjectBench *b)
{
  for (guint i = 0; i < b->scenarios->len; i++)
    b->sink += plain_project (&b->plain[i], b->years);
}

/* The median time of one call of @work, in µs, from rounds of @iterations
 * calls, interleaved with @other. */
static void
interleave (void     (*work) (ProjectBench *),
            void     (*other) (ProjectBench *),
            ProjectBench *b,
            guint     iterations,
            double   *work_us,
            double   *other_us)
{
  double a[FAST_ROUNDS], o[FAST_ROUNDS];

  for (guint r = 0; r < FAST_ROUNDS; r++)
    {
      double start = bench_cpu_us ();

      for (guint i = 0; i < iterations; i++)
        work (b);
      a[r] = (bench_cpu_us () - start) / iterations;
      start = bench_cpu_us ();
      for (guint i = 0; i < iterations; i++)
        other (b);
      o[r] = (bench_cpu_us () - start) / iterations;
    }
  *work_us = bench_median (a, FAST_ROUNDS);
  *other_us = bench_median (o, FAST_ROUNDS);
}

static void
bench_projection (void)
{
  g_autoptr(CplDataset) dataset = cpl_dataset_new_builtin (NULL);
  GListModel *model = cpl_dataset_get_scenarios (dataset);
  guint n = g_list_model_get_n_items (model);
  g_autofree Plain *plain = g_new0 (Plain, n);
  g_autofree PlainYear *years = g_new0 (PlainYear, MAX_YEARS);
  g_autoptr(GPtrArray) scenarios = g_ptr_array_new_with_free_func (g_object_unref);
  ProjectBench b = { dataset, scenarios, plain, years, 0 };
  g_autofree char *what = NULL, *app = NULL, *baseline = NULL;
  double app_us, plain_us;

  for (guint i = 0; i < n; i++)
    {
      CplScenario *scenario = g_list_model_get_item (model, i);
      g_autoptr(CplProjection) p = cpl_projection_compute (scenario, dataset, NULL);
      double take;

      g_ptr_array_add (scenarios, scenario);
      plain_init (&plain[i], scenario, dataset);
      take = plain_project (&plain[i], years);
      /* the baseline does the same arithmetic: the same take, to rounding */
      if (!(fabs (take - p->total_government_take_usd) <= 1e-9 * fmax (fabs (take), 1)))
        g_error ("the plain loop's take of %s is %.17g, the model's %.17g",
                 cpl_entity_get_id (CPL_ENTITY (scenario)), take, p->total_government_take_usd);
    }
  interleave (project_app, project_plain, &b, 2000, &app_us, &plain_us);
  what = g_strdup_printf ("project every built-in scenario (%u)", n);
  app = g_strdup_printf ("%.1f µs", app_us);
  baseline = g_strdup_printf ("the same arithmetic in a plain C loop: %.1f µs", plain_us);
  bench_row (what, app, baseline, app_us / plain_us, 3);
  sink = b.sink;
}

/* Rows 2–4: --compute, linearity, memory --------------------------------- */

static void
bench_compute (const char *dir,
               const char *app_path,
               const char *self_path)
{
  char *input[G_N_ELEMENTS (scales)], *output[G_N_ELEMENTS (scales)];
  double app_s[G_N_ELEMENTS (scales)][ROUNDS], base_s[G_N_ELEMENTS (scales)][ROUNDS];
  double app_mb[ROUNDS], base_mb[ROUNDS];
  double app_med[G_N_ELEMENTS (scales)], base_med[G_N_ELEMENTS (scales)];
  const guint last = G_N_ELEMENTS (scales) - 1;
  g_autofree char *what = NULL, *app = NULL, *baseline = NULL;
  double model_heap, tree_heap;

  for (guint i = 0; i < G_N_ELEMENTS (scales); i++)
    {
      g_autofree char *name = g_strdup_printf ("s%u.json", scales[i]);
      g_autofree char *out_name = g_strdup_printf ("s%u-out.json", scales[i]);
      const char *argv[] = { app_path, "--compute", NULL, "--no-builtin", NULL };

      input[i] = g_build_filename (dir, name, NULL);
      output[i] = g_build_filename (dir, out_name, NULL);
      argv[2] = input[i];
      /* the output the baseline parses */
      run_child (argv, output[i]);
    }

  for (guint r = 0; r < ROUNDS; r++)
    for (guint i = 0; i < G_N_ELEMENTS (scales); i++)
      {
        const char *app_argv[] = { app_path, "--compute", input[i], "--no-builtin", NULL };
        const char *base_argv[] = { self_path, "--parse", input[i], output[i], NULL };
        Run a = run_child (app_argv, NULL);
        Run p = run_child (base_argv, NULL);

        app_s[i][r] = a.seconds;
        base_s[i][r] = p.seconds;
        if (i == last)
          {
            app_mb[r] = a.peak_mb;
            base_mb[r] = p.peak_mb;
          }
      }
  for (guint i = 0; i < G_N_ELEMENTS (scales); i++)
    {
      app_med[i] = bench_median (app_s[i], ROUNDS);
      base_med[i] = bench_median (base_s[i], ROUNDS);
    }

  what = g_strdup_printf ("`--compute` of the %.1f MB file (%.0f MB out), time", file_mb (input[last]),
                          file_mb (output[last]));
  app = g_strdup_printf ("%.2f s", app_med[last]);
  baseline = g_strdup_printf ("json-glib parsing its input and its output: %.2f s", base_med[last]);
  bench_row (what, app, baseline, app_med[last] / base_med[last], 1.5);
  g_free (what);
  g_free (app);
  g_free (baseline);
  what = g_strdup ("`--compute` of that file, peak memory");
  app = g_strdup_printf ("%.0f MB", bench_median (app_mb, ROUNDS));
  baseline = g_strdup_printf ("the same parse, both trees kept: %.0f MB", bench_median (base_mb, ROUNDS));
  bench_row (what, app, baseline, bench_median (app_mb, ROUNDS) / bench_median (base_mb, ROUNDS), 2);

  for (guint i = 1; i < G_N_ELEMENTS (scales); i++)
    {
      g_free (what);
      g_free (app);
      g_free (baseline);
      what = g_strdup_printf ("`--compute` time, %u× → %u× the base size (%.1f → %.1f MB)", scales[i - 1],
                              scales[i], file_mb (input[i - 1]), file_mb (input[i]));
      app = g_strdup_printf ("%.2f → %.2f s", app_med[i - 1], app_med[i]);
      baseline = g_strdup_printf ("json-glib's parse: %.2f → %.2f s (%.2f×)", base_med[i - 1], base_med[i],
                                  base_med[i] / base_med[i - 1]);
      bench_row (what, app, baseline, app_med[i] / app_med[i - 1], 4.5);
    }

  {
    const char *load_argv[] = { self_path, "--heap", "load", input[last], NULL };
    const char *parse_argv[] = { self_path, "--heap", "parse", input[last], NULL };

    model_heap = child_number (load_argv) / 1e6;
    tree_heap = child_number (parse_argv) / 1e6;
  }
  g_free (what);
  g_free (app);
  g_free (baseline);
  what = g_strdup_printf ("model memory after loading the %.1f MB file", file_mb (input[last]));
  app = g_strdup_printf ("%.0f MB", model_heap);
  baseline = g_strdup_printf ("json-glib's tree of the same file: %.0f MB", tree_heap);
  bench_row (what, app, baseline, model_heap / tree_heap, 3);

  for (guint i = 0; i < G_N_ELEMENTS (scales); i++)
    {
      g_free (input[i]);
      g_free (output[i]);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *self_path = NULL;

  if (argc >= 2 && g_str_equal (argv[1], "--parse"))
    return parse_files (argc - 2, argv + 2);
  if (argc == 4 && g_str_equal (argv[1], "--heap"))
    return heap_after (argv[2], argv[3]);
  if (argc == 2 && g_str_equal (argv[1], "--projection"))
    {
      bench_projection ();
      return 0;
    }
  if (argc != 3)
    {
      g_printerr ("usage: %s DATA_DIR APP (DATA_DIR: s1.json, s4.json, s16.json from bench/gen-dataset.py)\n",
                  argv[0]);
      return 2;
    }
  self_path = g_file_read_link ("/proc/self/exe", NULL);

  bench_compute (argv[1], argv[2], self_path);
  bench_projection ();
  return 0;
}
