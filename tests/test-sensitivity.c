/* test-sensitivity.c: the share-rate curve, the revenue-maximising share
 * and goal seek (MODEL.md §6.1), in the library and through --seek
 *
 * fixtures/share-curve.json is one chip and one year, worked by hand:
 * exported chip X at list price p = $2,000 with F = 1,000 TFLOPS, domestic
 * chip D at $1,000 with 500 TFLOPS, no electricity cost, amortization
 * L = 1 year, approval 1, demand C = 1,000 PFLOP/s, domestic capacity 10⁹
 * (never binding), no learning, β = 2, b = 0.  With π the pass-through and
 * x = 1 − π·s:
 *   buyer price p̂ = 2000/x;  c_X = (p̂/L)/(F/1000) = 2000/x;
 *   c_D = 1000/(500/1000) = 2000;  w = c^−2, so
 *   X = C·w_X/(w_X + w_D) = C·x²/(x² + 1);  units N = 1000·X/F = X;
 *   gross R = N·p̂ = 2000·C·x/(x² + 1) = 2·10⁶·x/(x² + 1);
 *   take  T(s) = s·R = 2·10⁶·s·x/(x² + 1).
 * "linear" has π = 0: x = 1 and T(s) = 10⁶·s, rising to $1 M at s = 1.
 * "interior" has π = 0.9: s = (1 − x)/0.9 and
 *   T = (2·10⁶/0.9)·f(x),  f(x) = (x − x²)/(x² + 1);
 *   f'(x) = [(1 − 2x)(x² + 1) − (x − x²)·2x]/(x² + 1)² = (1 − 2x − x²)/(x² + 1)²
 *   = 0  ⇔  x² + 2x − 1 = 0  ⇔  x* = √2 − 1 (the root in (0.1, 1]),
 *   s* = (1 − x*)/0.9 = (2 − √2)/0.9 = 0.650873819…, an interior maximum
 *   (f' > 0 below x*, < 0 above), with f(x*) = (√2 − 1)/2 and
 *   T(s*) = (2·10⁶/0.9)·(√2 − 1)/2 = 460,237.29.
 * "cliff" exports Z, X with a unit cost of $1,556, at π = 0: offered
 *   while (1 − s)·2000 ≥ 1556, s ≤ 0.222 (§5 step 3), with T(s) = 10⁶·s
 *   as for "linear" until then, and nothing sold above it.
 */
#include "config.h"

#include <sys/wait.h>

#include "cpl-test-util.h"

static CplScenario *
lookup_scenario (CplDataset *dataset,
                 const char *id)
{
  return CPL_SCENARIO (cpl_dataset_lookup (dataset, CPL_TYPE_SCENARIO, id));
}

/* T(s) of the header, for "interior" (π = 0.9) */
static double
interior_take (double s)
{
  double x = 1 - 0.9 * s;

  return 2e6 * s * x / (x * x + 1);
}

static void
test_curve (void)
{
  g_autoptr(CplDataset) dataset = cpl_test_load_fixture ("share-curve.json", CPL_LOAD_ALONE);
  CplScenario *scenario = lookup_scenario (dataset, "interior");
  g_autoptr(CplScenario) copy = CPL_SCENARIO (cpl_entity_duplicate (CPL_ENTITY (scenario), "copy"));
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) curve = cpl_share_curve_compute (scenario, dataset, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (curve->len, ==, 101);
  for (guint i = 0; i < curve->len; i++)
    {
      const CplSharePoint *point = &g_array_index (curve, CplSharePoint, i);
      g_autoptr(CplProjection) p = NULL;

      /* exactly i/100, not a sum of 0.01s (which gives 0.30000000000000004
       * at i = 30 and drifts) */
      g_assert_cmpfloat (point->share, ==, i / 100.0);
      /* the closed form of the header */
      cpl_assert_near (point->totals[CPL_TOTAL_GOVERNMENT_TAKE], interior_take (i / 100.0), 1e-12);
      /* and a projection at that share, total by total */
      g_assert_true (cpl_entity_set_number (CPL_ENTITY (copy), CPL_SCENARIO_REVENUE_SHARE, i / 100.0, NULL));
      p = cpl_projection_compute (copy, dataset, &error);
      g_assert_no_error (error);
      for (guint t = 0; t < CPL_N_TOTALS; t++)
        g_assert_cmpfloat (point->totals[t], ==, cpl_projection_get_total (p, t));
    }
  /* at s = 0.5: x = 0.55, gross = 2·10⁶·0.55/1.3025 = 844,529.75, domestic
   * D = C/(x² + 1) = 1000/1.3025 = 767.75 PFLOP/s */
  cpl_assert_near (g_array_index (curve, CplSharePoint, 50).totals[CPL_TOTAL_GROSS_REVENUE], 844529.75, 1e-8);
  cpl_assert_near (g_array_index (curve, CplSharePoint, 50).totals[CPL_TOTAL_DOMESTIC_INSTALLED], 767.754, 1e-6);
  /* the scenario itself is untouched */
  g_assert_cmpfloat (cpl_scenario_get (scenario, CPL_SCENARIO_REVENUE_SHARE), ==, 0.9);
}

static void
test_maximum_at_top (void)
{
  g_autoptr(CplDataset) dataset = cpl_test_load_fixture ("share-curve.json", CPL_LOAD_ALONE);
  g_autoptr(GError) error = NULL;
  gboolean at_top = FALSE;
  /* π = 0: T(s) = 10⁶·s rises all the way, so the answer is 1 */
  double best = cpl_revenue_maximising_share (lookup_scenario (dataset, "linear"), dataset, &at_top, &error);

  g_assert_no_error (error);
  g_assert_cmpfloat (best, ==, 1);
  g_assert_true (at_top);
}

/* The vendors' break-even: where nothing is sold any more.  "cliff"
 * stops selling above s = 0.222, between two rates of the curve, and its
 * take is highest just under it: the golden-section search between 21%
 * and 23% closes on the cliff with the middle of its bracket past it
 * (0.222004, by hand: its first point 0.21 + 0.618 × 0.02 = 0.22236 is
 * already past), and answered the grid's 22%; "linear" has no unit
 * cost, sells at every rate, 100% included (its vendors' net revenue is
 * $0 there, but that is no break-even). */
static void
test_break_even (void)
{
  g_autoptr(CplDataset) dataset = cpl_test_load_fixture ("share-curve.json", CPL_LOAD_ALONE);
  g_autoptr(GError) error = NULL;
  CplScenario *cliff = lookup_scenario (dataset, "cliff");
  CplScenario *linear = lookup_scenario (dataset, "linear");
  g_autoptr(GArray) cliff_curve = cpl_share_curve_compute (cliff, dataset, &error);
  g_autoptr(GArray) linear_curve = cpl_share_curve_compute (linear, dataset, &error);
  gboolean at_top = TRUE;
  double even, best;

  g_assert_no_error (error);
  even = cpl_break_even_share_on_curve (cliff, dataset, cliff_curve);
  g_assert_cmpfloat (fabs (even - 0.222), <=, 1e-4);
  /* T = 10⁶ × 0.22 = $220,000 at 22%, $0 at 23% */
  cpl_assert_near (g_array_index (cliff_curve, CplSharePoint, 22).totals[CPL_TOTAL_GOVERNMENT_TAKE], 220000, 1e-12);
  g_assert_cmpfloat (g_array_index (cliff_curve, CplSharePoint, 23).totals[CPL_TOTAL_GOVERNMENT_TAKE], ==, 0);
  best = cpl_revenue_maximising_share_on_curve (cliff, dataset, cliff_curve, &at_top);
  g_assert_false (at_top);
  g_assert_cmpfloat (best, <=, even);
  g_assert_cmpfloat (best, >=, 0.222 - 1e-4);

  g_assert_true (isnan (cpl_break_even_share_on_curve (linear, dataset, linear_curve)));
}

static void
test_maximum_interior (void)
{
  g_autoptr(CplDataset) dataset = cpl_test_load_fixture ("share-curve.json", CPL_LOAD_ALONE);
  g_autoptr(GError) error = NULL;
  gboolean at_top = TRUE;
  CplScenario *scenario = lookup_scenario (dataset, "interior");
  double best = cpl_revenue_maximising_share (scenario, dataset, &at_top, &error);

  g_assert_no_error (error);
  g_assert_false (at_top);
  /* s* = (2 − √2)/0.9 = 0.650873819… (header) */
  g_assert_cmpfloat (fabs (best - 0.6508738196), <=, 1e-4);
  g_assert_cmpfloat (cpl_scenario_get (scenario, CPL_SCENARIO_REVENUE_SHARE), ==, 0.9);
}

static void
test_seek_linear (void)
{
  g_autoptr(CplDataset) dataset = cpl_test_load_fixture ("share-curve.json", CPL_LOAD_ALONE);
  g_autoptr(GError) error = NULL;
  CplScenario *scenario = lookup_scenario (dataset, "linear");
  double value = NAN, achieved = NAN;

  /* T(s) = 10⁶·s, so $250,000 needs s = 250,000/10⁶ = 0.25 */
  g_assert_true (cpl_goal_seek (scenario, dataset, "revenue_share", CPL_TOTAL_GOVERNMENT_TAKE,
                                250000, &value, &achieved, NULL, NULL, &error));
  g_assert_no_error (error);
  cpl_assert_near (value, 0.25, 1e-9);
  cpl_assert_near (achieved, 250000, 1e-8);
  g_assert_cmpfloat (cpl_scenario_get (scenario, CPL_SCENARIO_REVENUE_SHARE), ==, 0.3);

  /* the most T reaches is 10⁶ at s = 1: 2·10⁶ is out of reach; what it
   * reaches, T(0) = 0 to T(1) = 10⁶, is given for the message */
  {
    double least = NAN, most = NAN;

    g_assert_false (cpl_goal_seek (scenario, dataset, "revenue_share", CPL_TOTAL_GOVERNMENT_TAKE,
                                   2e6, &value, &achieved, &least, &most, &error));
    cpl_assert_near (least, 0, 1e-9);
    cpl_assert_near (most, 1e6, 1e-9);
  }
  g_assert_error (error, CPL_DATASET_ERROR, CPL_DATASET_ERROR_RANGE);
  g_assert_cmpstr (error->message, ==,
                   "No value of revenue_share in [0, 1] reaches government_take_usd = 2e+06; "
                   "over that range it goes from 0 to 1e+06");
  g_clear_error (&error);

  /* years is an integer and no parameter; an unknown key neither */
  g_assert_false (cpl_goal_seek (scenario, dataset, "years", CPL_TOTAL_GOVERNMENT_TAKE,
                                 1, &value, NULL, NULL, NULL, &error));
  g_assert_error (error, CPL_DATASET_ERROR, CPL_DATASET_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (cpl_goal_seek (scenario, dataset, "no_such_key", CPL_TOTAL_GOVERNMENT_TAKE,
                                 1, &value, NULL, NULL, NULL, &error));
  g_assert_error (error, CPL_DATASET_ERROR, CPL_DATASET_ERROR_INVALID);
}

static void
test_seek_nearest (void)
{
  g_autoptr(CplDataset) dataset = cpl_test_load_fixture ("share-curve.json", CPL_LOAD_ALONE);
  g_autoptr(GError) error = NULL;
  CplScenario *scenario = lookup_scenario (dataset, "interior");
  double value = NAN, achieved = NAN;
  /* T = (2·10⁶/0.9)·f(x) = 444,444.4… when f(x) = 0.2:
   *   x − x² = 0.2x² + 0.2  ⇔  1.2x² − x + 0.2 = 0  ⇔  x = (1 ± 0.2)/2.4,
   *   x = 1/2 → s = 0.5/0.9 = 0.5555…,  x = 1/3 → s = (2/3)/0.9 = 0.7407407…
   * Two rates reach it; the answer is the one nearest the scenario's own
   * rate: 0.9 gives the upper root, 0.1 the lower. */
  double target = 2e6 / 0.9 * 0.2;

  g_assert_true (cpl_goal_seek (scenario, dataset, "revenue_share", CPL_TOTAL_GOVERNMENT_TAKE,
                                target, &value, &achieved, NULL, NULL, &error));
  g_assert_no_error (error);
  cpl_assert_near (value, 20.0 / 27.0, 1e-9);
  cpl_assert_near (achieved, target, 1e-8);

  g_assert_true (cpl_entity_set_number (CPL_ENTITY (scenario), CPL_SCENARIO_REVENUE_SHARE, 0.1, NULL));
  g_assert_true (cpl_goal_seek (scenario, dataset, "revenue_share", CPL_TOTAL_GOVERNMENT_TAKE,
                                target, &value, &achieved, NULL, NULL, &error));
  g_assert_no_error (error);
  cpl_assert_near (value, 5.0 / 9.0, 1e-9);
}

static void
test_seek_unbounded (void)
{
  g_autoptr(CplDataset) dataset = cpl_test_load_fixture ("share-curve.json", CPL_LOAD_ALONE);
  g_autoptr(GError) error = NULL;
  CplScenario *scenario = lookup_scenario (dataset, "linear");
  double value = NAN, lo = NAN, hi = NAN;

  /* demand has no upper bound: searched to 100 × 1,000 = 100,000 */
  g_assert_true (cpl_goal_seek_bounds (scenario, "demand_pflops", &lo, &hi, &error));
  g_assert_cmpfloat (lo, ==, 0);
  g_assert_cmpfloat (hi, ==, 100000);
  /* at s = 0.3 the take is 0.3 · 2000·C·1/2 = 300·C: $1.5 M needs C = 5,000 */
  g_assert_true (cpl_goal_seek (scenario, dataset, "demand_pflops", CPL_TOTAL_GOVERNMENT_TAKE,
                                1.5e6, &value, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  cpl_assert_near (value, 5000, 1e-9);
}

/* --seek and --compute, as a separate process --------------------------- */

static int
run_app (const char * const *args,
         char              **out,
         char              **err)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_auto(GStrv) envp = g_environ_setenv (g_get_environ (), "LC_ALL", "C.UTF-8", TRUE);
  g_autoptr(GError) error = NULL;
  int status = -1;

  g_ptr_array_add (argv, (char *) g_getenv ("CPL_EXE"));
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (char *) args[i]);
  g_ptr_array_add (argv, NULL);
  envp = g_environ_unsetenv (envp, "DISPLAY");
  envp = g_environ_unsetenv (envp, "WAYLAND_DISPLAY");
  envp = g_environ_unsetenv (envp, "LANGUAGE");
  g_spawn_sync (NULL, (char **) argv->pdata, envp, G_SPAWN_DEFAULT, NULL, NULL,
                out, err, &status, &error);
  g_assert_no_error (error);
  return WIFEXITED (status) ? WEXITSTATUS (status) : -1;
}

static void
test_cli_seek (void)
{
  g_autofree char *fixture = g_test_build_filename (G_TEST_DIST, "fixtures", "share-curve.json", NULL);
  const char *found[] = { "--compute", fixture, "--no-builtin", "--seek",
                          "linear,revenue_share,government_take_usd,250000", NULL };
  const char *beyond[] = { "--compute", fixture, "--no-builtin", "--seek",
                           "linear,revenue_share,government_take_usd,2e6", NULL };
  const char * const *bad[] = {
    (const char *[]) { "--compute", fixture, "--no-builtin", "--seek", "nowhere,revenue_share,government_take_usd,1", NULL },
    (const char *[]) { "--compute", fixture, "--no-builtin", "--seek", "linear,revenue_share,take,1", NULL },
    (const char *[]) { "--compute", fixture, "--no-builtin", "--seek", "linear,revenue_share,government_take_usd,lots", NULL },
    (const char *[]) { "--compute", fixture, "--no-builtin", "--seek", "linear,pue,government_take_usd", NULL },
    (const char *[]) { "--seek", "linear,revenue_share,government_take_usd,1", NULL },
  };
  const char * const bad_messages[] = {
    "there is no scenario “nowhere”", "“take” is not a total", "the target “lots” is not a number",
    "does not have four parts", "--seek goes with --compute",
  };
  g_autofree char *out = NULL, *err = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GError) error = NULL;
  JsonObject *object;

  g_assert_cmpint (run_app (found, &out, &err), ==, 0);
  g_assert_cmpstr (err, ==, "");
  root = json_from_string (out, &error);
  g_assert_no_error (error);
  object = json_node_get_object (root);
  g_assert_cmpstr (json_object_get_string_member (object, "scenario"), ==, "linear");
  g_assert_cmpstr (json_object_get_string_member (object, "parameter"), ==, "revenue_share");
  g_assert_cmpstr (json_object_get_string_member (object, "total"), ==, "government_take_usd");
  g_assert_cmpfloat (json_object_get_double_member (object, "target"), ==, 250000);
  /* T(s) = 10⁶·s (header) */
  cpl_assert_near (json_object_get_double_member (object, "value"), 0.25, 1e-9);
  cpl_assert_near (json_object_get_double_member (object, "achieved"), 250000, 1e-8);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (run_app (beyond, &out, &err), ==, 1);
  g_assert_cmpstr (out, ==, "");
  g_assert_nonnull (strstr (err, "No value of revenue_share in [0, 1] reaches government_take_usd = 2e+06"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_assert_cmpint (run_app (bad[i], &out, &err), ==, 1);
      if (strstr (err, bad_messages[i]) == NULL)
        g_error ("case %u: “%s” lacks “%s”", i, err, bad_messages[i]);
      g_clear_pointer (&out, g_free);
      g_clear_pointer (&err, g_free);
    }
}

static void
test_cli_compute (void)
{
  g_autofree char *fixture = g_test_build_filename (G_TEST_DIST, "fixtures", "share-curve.json", NULL);
  const char *args[] = { "--compute", fixture, "--no-builtin", NULL };
  g_autofree char *out = NULL, *err = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GError) error = NULL;
  JsonArray *scenarios, *curve;
  JsonObject *linear, *interior, *point;

  g_assert_cmpint (run_app (args, &out, &err), ==, 0);
  root = json_from_string (out, &error);
  g_assert_no_error (error);
  scenarios = json_object_get_array_member (json_node_get_object (root), "scenarios");
  linear = json_array_get_object_element (scenarios, 0);
  interior = json_array_get_object_element (scenarios, 1);

  g_assert_cmpfloat (json_object_get_double_member (linear, "revenue_maximising_share"), ==, 1);
  g_assert_cmpfloat (fabs (json_object_get_double_member (interior, "revenue_maximising_share") - 0.6508738196),
                     <=, 1e-4);
  curve = json_object_get_array_member (linear, "share_curve");
  g_assert_cmpuint (json_array_get_length (curve), ==, 101);
  point = json_array_get_object_element (curve, 40);
  /* π = 0, s = 0.4: take 10⁶·0.4; gross 2000·C·x/(x² + 1) = 10⁶; half the
   * compute domestic (w_X = w_D), 500 PFLOP/s, nothing unmet */
  g_assert_cmpfloat (json_object_get_double_member (point, "share"), ==, 0.4);
  cpl_assert_near (json_object_get_double_member (point, "government_take_usd"), 400000, 1e-12);
  cpl_assert_near (json_object_get_double_member (point, "gross_revenue_usd"), 1e6, 1e-12);
  cpl_assert_near (json_object_get_double_member (point, "domestic_installed_pflops"), 500, 1e-12);
  cpl_assert_near (json_object_get_double_member (point, "final_domestic_share"), 0.5, 1e-12);
  g_assert_cmpfloat (json_object_get_double_member (point, "compute_gap_pflops"), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/sensitivity/curve", test_curve);
  g_test_add_func ("/sensitivity/maximum-at-top", test_maximum_at_top);
  g_test_add_func ("/sensitivity/maximum-interior", test_maximum_interior);
  g_test_add_func ("/sensitivity/break-even", test_break_even);
  g_test_add_func ("/sensitivity/seek-linear", test_seek_linear);
  g_test_add_func ("/sensitivity/seek-nearest", test_seek_nearest);
  g_test_add_func ("/sensitivity/seek-unbounded", test_seek_unbounded);
  g_test_add_func ("/sensitivity/cli-seek", test_cli_seek);
  g_test_add_func ("/sensitivity/cli-compute", test_cli_compute);
  return g_test_run ();
}
