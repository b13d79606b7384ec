/* test-index.c: ids are looked up in an index kept in step with the lists,
 * and a loaded dataset projects each scenario once (#16)
 *
 * The fixture two-chips.json has, in this order: vendors va, vb, vd;
 * chips chip-x, chip-y, chip-d (250 TFLOPS bf16); scenarios two-years,
 * ban (one year: demand 100 PFLOP/s, domestic capacity 50, no exported
 * chip); revenue cases sale, no-cost.  No scenario has ranges.
 */
#include "config.h"

#include "cpl-test-util.h"

static CplEntity *
scenario (CplDataset *dataset,
          const char *id)
{
  return cpl_dataset_lookup (dataset, CPL_TYPE_SCENARIO, id);
}

/* Every entry of every list is found by its id, as itself. */
static void
assert_all_found (CplDataset *dataset)
{
  GListModel *lists[] = {
    cpl_dataset_get_vendors (dataset), cpl_dataset_get_chips (dataset), cpl_dataset_get_rules (dataset),
    cpl_dataset_get_scenarios (dataset), cpl_dataset_get_revenue_cases (dataset),
  };

  for (guint l = 0; l < G_N_ELEMENTS (lists); l++)
    for (guint i = 0; i < g_list_model_get_n_items (lists[l]); i++)
      {
        g_autoptr(CplEntity) entity = g_list_model_get_item (lists[l], i);

        g_assert_true (cpl_dataset_lookup (dataset, G_OBJECT_TYPE (entity), cpl_entity_get_id (entity)) == entity);
      }
}

static void
test_add_remove_undo (void)
{
  g_autoptr(CplDataset) dataset = cpl_test_load_fixture ("two-chips.json", CPL_LOAD_ALONE);
  g_autoptr(CplHistory) history = cpl_history_new (dataset);
  CplEntity *two_years = scenario (dataset, "two-years");
  g_autoptr(CplEntity) copy = cpl_entity_duplicate (scenario (dataset, "ban"), "ban-2");
  g_autofree char *next_id = NULL;

  g_assert_nonnull (two_years);
  g_assert_null (scenario (dataset, "ban-2"));

  /* add */
  g_assert_true (cpl_dataset_append (dataset, copy));
  cpl_history_commit (history);
  g_assert_true (scenario (dataset, "ban-2") == copy);
  /* an id taken is taken: new_id skips it */
  next_id = cpl_dataset_new_id (dataset, CPL_TYPE_SCENARIO, "ban");
  g_assert_cmpstr (next_id, ==, "ban-3");

  /* remove */
  g_assert_true (cpl_dataset_remove (dataset, two_years));
  cpl_history_commit (history);
  g_assert_null (scenario (dataset, "two-years"));
  g_assert_true (scenario (dataset, "ban-2") == copy);

  /* undo the removal: the very same object is back under its id */
  g_assert_true (cpl_history_undo (history));
  g_assert_true (scenario (dataset, "two-years") == two_years);
  /* undo the addition */
  g_assert_true (cpl_history_undo (history));
  g_assert_null (scenario (dataset, "ban-2"));
  assert_all_found (dataset);

  /* redo both */
  g_assert_true (cpl_history_redo (history));
  g_assert_true (scenario (dataset, "ban-2") == copy);
  g_assert_true (cpl_history_redo (history));
  g_assert_null (scenario (dataset, "two-years"));
  assert_all_found (dataset);

  /* inserting an id the list has is refused, found or not in the index */
  g_test_expect_message ("cpl-dataset", G_LOG_LEVEL_CRITICAL, "*already has an entry with the id \"ban-2\"*");
  g_assert_false (cpl_dataset_append (dataset, copy));
  g_test_assert_expected_messages ();
}

static void
test_rename_undo (void)
{
  g_autoptr(CplDataset) dataset = cpl_test_load_fixture ("two-chips.json", CPL_LOAD_ALONE);
  g_autoptr(CplHistory) history = cpl_history_new (dataset);
  CplEntity *ban = scenario (dataset, "ban");
  CplEntity *chip = cpl_dataset_lookup (dataset, CPL_TYPE_CHIP, "chip-x");

  cpl_entity_set_id (ban, "embargo");
  cpl_history_commit (history);
  g_assert_null (scenario (dataset, "ban"));
  g_assert_true (scenario (dataset, "embargo") == ban);

  /* the undo puts the old state back in place (cpl_entity_assign_json) */
  g_assert_true (cpl_history_undo (history));
  g_assert_cmpstr (cpl_entity_get_id (ban), ==, "ban");
  g_assert_true (scenario (dataset, "ban") == ban);
  g_assert_null (scenario (dataset, "embargo"));

  g_assert_true (cpl_history_redo (history));
  g_assert_true (scenario (dataset, "embargo") == ban);
  g_assert_null (scenario (dataset, "ban"));

  /* a chip renamed while its notifications are held back: its old id
   * finds nothing at once, its new one once they are let through */
  g_object_freeze_notify (G_OBJECT (chip));
  cpl_entity_set_id (chip, "chip-z");
  g_assert_null (cpl_dataset_lookup_chip (dataset, "chip-x"));
  g_object_thaw_notify (G_OBJECT (chip));
  g_assert_true (cpl_dataset_lookup_chip (dataset, "chip-z") == CPL_CHIP (chip));

  /* two entries with one id (a rename can make that): the first in the
   * list wins, as a scan of the list would find; removing it finds the
   * second */
  cpl_entity_set_id (scenario (dataset, "two-years"), "embargo");
  g_assert_true (scenario (dataset, "embargo") != ban);
  g_assert_cmpuint (cpl_dataset_position (dataset, scenario (dataset, "embargo")), ==, 0);
  g_assert_true (cpl_dataset_remove (dataset, scenario (dataset, "embargo")));
  g_assert_true (scenario (dataset, "embargo") == ban);
}

/* A file laid over the built-in dataset: a replaced entry is found as the
 * file's object, a new one is found, and after a file read alone the
 * built-in ids are gone.  A file that fails leaves the lookups as they
 * were. */
static void
test_load_over_builtin (void)
{
  static const char overlay[] =
    "{\"format\": \"chip-policy-lab\", \"version\": 1,"
    " \"vendors\": [{\"id\": \"nvidia\", \"name\": \"NVIDIA (mine)\", \"country\": \"US\"}],"
    " \"chips\": [{\"id\": \"nvidia-h200\", \"name\": \"H200 (mine)\", \"vendor\": \"nvidia\","
    "              \"price_usd\": 31000, \"tdp_w\": 700, \"performance\": {\"bf16\": 989.5}},"
    "             {\"id\": \"my-chip\", \"name\": \"Mine\", \"vendor\": \"nvidia\"}]}";
  static const char broken[] =
    "{\"format\": \"chip-policy-lab\", \"version\": 1,"
    " \"chips\": [{\"id\": \"other-chip\", \"name\": \"Other\", \"vendor\": \"nobody\"}]}";
  g_autoptr(CplDataset) dataset = cpl_dataset_new_builtin (NULL);
  g_autoptr(GBytes) bytes = g_bytes_new_static (overlay, strlen (overlay));
  g_autoptr(GBytes) broken_bytes = g_bytes_new_static (broken, strlen (broken));
  g_autoptr(GError) error = NULL;
  CplChip *builtin_h200 = cpl_dataset_lookup_chip (dataset, "nvidia-h200");
  CplChip *h200;

  g_assert_nonnull (builtin_h200);
  /* the built-in H200 costs US$27,000 (data/builtin-dataset.json) */
  g_assert_cmpfloat (cpl_chip_get (builtin_h200, CPL_CHIP_PRICE_USD), ==, 27000);
  g_assert_null (cpl_dataset_lookup_chip (dataset, "my-chip"));

  g_assert_true (cpl_dataset_load_bytes (dataset, bytes, "mine.json", CPL_LOAD_OVER_BUILTIN, &error));
  g_assert_no_error (error);
  h200 = cpl_dataset_lookup_chip (dataset, "nvidia-h200");
  g_assert_true (h200 != builtin_h200);
  g_assert_cmpfloat (cpl_chip_get (h200, CPL_CHIP_PRICE_USD), ==, 31000);
  g_assert_cmpstr (cpl_entity_get_name (CPL_ENTITY (cpl_dataset_lookup_chip (dataset, "my-chip"))), ==, "Mine");
  g_assert_nonnull (cpl_dataset_lookup_chip (dataset, "huawei-ascend-910c"));
  assert_all_found (dataset);

  g_assert_false (cpl_dataset_load_bytes (dataset, broken_bytes, "broken.json", CPL_LOAD_OVER_BUILTIN, &error));
  g_assert_error (error, CPL_DATASET_ERROR, CPL_DATASET_ERROR_REFERENCE);
  g_clear_error (&error);
  g_assert_true (cpl_dataset_lookup_chip (dataset, "nvidia-h200") == h200);
  g_assert_null (cpl_dataset_lookup_chip (dataset, "other-chip"));

  g_assert_true (cpl_dataset_load_bytes (dataset, bytes, "mine.json", CPL_LOAD_ALONE, &error));
  g_assert_no_error (error);
  g_assert_null (cpl_dataset_lookup_chip (dataset, "huawei-ascend-910c"));
  g_assert_null (cpl_dataset_lookup_vendor (dataset, "amd"));
  g_assert_cmpstr (cpl_entity_get_name (CPL_ENTITY (cpl_dataset_lookup_vendor (dataset, "nvidia"))), ==,
                   "NVIDIA (mine)");
  g_assert_nonnull (cpl_dataset_lookup_chip (dataset, "my-chip"));
  assert_all_found (dataset);
}

/* --compute's path: the load checks every scenario by projecting it, and
 * the report (totals, share curve) reuses that projection. */
static void
test_projected_once (void)
{
  g_autoptr(CplDataset) dataset = cpl_test_load_fixture ("two-chips.json", CPL_LOAD_ALONE);
  GListModel *scenarios = cpl_dataset_get_scenarios (dataset);
  g_autoptr(GError) error = NULL;
  g_autofree char *report = NULL;
  g_autoptr(CplProjection) before = NULL;
  g_autoptr(CplProjection) after = NULL;
  CplEntity *ban = scenario (dataset, "ban");
  GDate day;

  g_assert_cmpuint (g_list_model_get_n_items (scenarios), ==, 2);
  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(CplScenario) s = g_list_model_get_item (scenarios, i);
      g_assert_cmpuint (cpl_projection_get_debug_count (s), ==, 1);
    }
  g_date_clear (&day, 1);
  g_date_set_dmy (&day, 20, 1, 2026);
  report = cpl_report_to_json (dataset, &day, 100, &error);
  g_assert_no_error (error);
  g_assert_nonnull (report);
  /* the check's projection and nothing more (the share curve and the
   * golden-section search project copies) */
  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(CplScenario) s = g_list_model_get_item (scenarios, i);
      g_assert_cmpuint (cpl_projection_get_debug_count (s), ==, 1);
    }

  /* ban, one year, nothing exported: the gap is the demand above
   * domestic capacity, 100 − 50 = 50 PFLOP/s; the domestic chips make
   * the 50 PFLOP/s they can at 250 TFLOPS each: 50,000 / 250 = 200 units */
  before = cpl_dataset_get_projection (dataset, CPL_SCENARIO (ban), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (cpl_projection_get_debug_count (CPL_SCENARIO (ban)), ==, 1);
  cpl_assert_near (before->total_compute_gap_pflops, 50, 1e-12);
  cpl_assert_near (before->years[0].domestic_units, 200, 1e-12);

  /* an edit of the scenario is seen: 200 − 50 = 150 PFLOP/s */
  g_assert_true (cpl_entity_set_number (ban, CPL_SCENARIO_DEMAND_PFLOPS, 200, NULL));
  after = cpl_dataset_get_projection (dataset, CPL_SCENARIO (ban), &error);
  g_assert_no_error (error);
  cpl_assert_near (after->total_compute_gap_pflops, 150, 1e-12);
  g_clear_pointer (&after, cpl_projection_unref);

  /* and one of a chip it uses: at 500 TFLOPS, 50,000 / 500 = 100 units */
  g_assert_true (cpl_entity_set_number (cpl_dataset_lookup (dataset, CPL_TYPE_CHIP, "chip-d"),
                                        CPL_CHIP_PERFORMANCE + CPL_PRECISION_BF16, 500, NULL));
  after = cpl_dataset_get_projection (dataset, CPL_SCENARIO (ban), &error);
  g_assert_no_error (error);
  cpl_assert_near (after->years[0].domestic_units, 100, 1e-12);
}

/* Issue #16: an edit of one scenario projects that scenario again, and
 * no other; an edit of a chip, every scenario. */
static void
test_projection_kept_for_others (void)
{
  g_autoptr(CplDataset) dataset = cpl_test_load_fixture ("two-chips.json", CPL_LOAD_ALONE);
  CplEntity *ban = scenario (dataset, "ban");
  CplScenario *two_years = CPL_SCENARIO (scenario (dataset, "two-years"));
  g_autoptr(GError) error = NULL;
  g_autoptr(CplProjection) kept = NULL;
  g_autoptr(CplProjection) again = NULL;
  g_autoptr(CplProjection) edited = NULL;
  guint ban_count = cpl_projection_get_debug_count (CPL_SCENARIO (ban));
  guint two_years_count;

  kept = cpl_dataset_get_projection (dataset, two_years, &error);
  g_assert_no_error (error);
  two_years_count = cpl_projection_get_debug_count (two_years);

  /* ban: demand 100 → 300, the gap 300 − 50 = 250 PFLOP/s */
  g_assert_true (cpl_entity_set_number (ban, CPL_SCENARIO_DEMAND_PFLOPS, 300, NULL));
  again = cpl_dataset_get_projection (dataset, two_years, &error);
  g_assert_no_error (error);
  g_assert_true (again == kept);
  g_assert_cmpuint (cpl_projection_get_debug_count (two_years), ==, two_years_count);
  edited = cpl_dataset_get_projection (dataset, CPL_SCENARIO (ban), &error);
  g_assert_no_error (error);
  cpl_assert_near (edited->total_compute_gap_pflops, 250, 1e-12);
  g_assert_cmpuint (cpl_projection_get_debug_count (CPL_SCENARIO (ban)), ==, ban_count + 1);
  g_clear_pointer (&again, cpl_projection_unref);

  /* a chip: every scenario again */
  g_assert_true (cpl_entity_set_number (cpl_dataset_lookup (dataset, CPL_TYPE_CHIP, "chip-d"),
                                        CPL_CHIP_PERFORMANCE + CPL_PRECISION_BF16, 500, NULL));
  again = cpl_dataset_get_projection (dataset, two_years, &error);
  g_assert_no_error (error);
  g_assert_true (again != kept);
  g_assert_cmpuint (cpl_projection_get_debug_count (two_years), ==, two_years_count + 1);
}

static void
count_changes (guint *changes)
{
  (*changes)++;
}

/* A dataset loaded aside and prepared in the loading thread (after its
 * load, or before it as the document's load does, so that the load
 * watches no entry) hands its index over with its entries: the taking
 * dataset finds every id, and keeps the index in step as before (a
 * rename, a removal, an insert); the prepared dataset no longer hears its
 * entries change. */
static void
assert_taken_from_prepared (gboolean prepare_first)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fixtures", "two-chips.json", NULL);
  g_autoptr(CplDataset) aside = cpl_dataset_new ();
  g_autoptr(CplDataset) dataset = cpl_dataset_new ();
  g_autoptr(CplEntity) copy = NULL;
  g_autoptr(GError) error = NULL;
  CplEntity *ban;
  CplEntity *chip_y;
  guint aside_changes = 0, changes = 0;

  if (prepare_first)
    cpl_dataset_prepare_take (aside);
  g_assert_true (cpl_dataset_load_file (aside, path, CPL_LOAD_ALONE, &error));
  g_assert_no_error (error);
  ban = scenario (aside, "ban");
  chip_y = cpl_dataset_lookup (aside, CPL_TYPE_CHIP, "chip-y");
  g_signal_connect_swapped (aside, "entry-changed", G_CALLBACK (count_changes), &aside_changes);
  g_signal_connect_swapped (dataset, "entry-changed", G_CALLBACK (count_changes), &changes);
  if (!prepare_first)
    cpl_dataset_prepare_take (aside);
  cpl_dataset_take_contents (dataset, aside);
  assert_all_found (dataset);
  g_assert_true (scenario (dataset, "ban") == ban);
  /* the fixture's lists: 3 vendors, 3 chips, 2 scenarios; none left aside */
  g_assert_cmpuint (g_list_model_get_n_items (cpl_dataset_get_chips (dataset)), ==, 3);
  g_assert_cmpuint (g_list_model_get_n_items (cpl_dataset_get_chips (aside)), ==, 0);
  g_assert_null (cpl_dataset_lookup (aside, CPL_TYPE_CHIP, "chip-y"));

  cpl_entity_set_id (ban, "embargo");
  g_assert_cmpuint (aside_changes, ==, 0);
  g_assert_cmpuint (changes, ==, 1);
  g_assert_null (scenario (dataset, "ban"));
  g_assert_true (scenario (dataset, "embargo") == ban);

  g_assert_true (cpl_dataset_remove (dataset, chip_y));
  g_assert_null (cpl_dataset_lookup (dataset, CPL_TYPE_CHIP, "chip-y"));
  copy = cpl_entity_duplicate (ban, "ban");
  g_assert_true (cpl_dataset_append (dataset, copy));
  g_assert_true (scenario (dataset, "ban") == copy);
  assert_all_found (dataset);
}

static void
test_taken_from_prepared (void)
{
  assert_taken_from_prepared (FALSE);
}

static void
test_prepared_before_load (void)
{
  assert_taken_from_prepared (TRUE);
}

/* Every chip search (the Chips table, its Compare chooser, the scenario
 * editor's allowed chips) finds chips through cpl_dataset_chip_matches(). */
static void
test_chip_search (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CplDataset) builtin = cpl_dataset_new_builtin (&error);
  g_autoptr(CplDataset) bare = cpl_dataset_new ();
  g_autoptr(CplChip) orphan = cpl_chip_new ("x1", "X1", "acme");
  CplChip *h200, *ascend;
  struct { const char *search; gboolean h200, ascend; } cases[] = {
    { NULL, TRUE, TRUE },               /* no search: every chip */
    { "   ", TRUE, TRUE },              /* only spaces: the same */
    { "h200", TRUE, FALSE },            /* the name "H200 SXM", in any case */
    { "  h200 ", TRUE, FALSE },         /* around its spaces */
    { "nvidia-h2", TRUE, FALSE },       /* the id nvidia-h200; no name has it */
    { "昇腾", FALSE, TRUE },            /* the zh_CN name 昇腾 910C, whatever the interface */
    { "昇騰", FALSE, TRUE },            /* the zh_TW one */
    { "英伟达", TRUE, FALSE },          /* the maker's zh_CN name */
    { "huawei", FALSE, TRUE },          /* the maker's English name (and the id) */
    { "华为", FALSE, TRUE },            /* the maker's zh_CN name only */
    { "910b", FALSE, FALSE },           /* another Ascend */
  };

  g_assert_no_error (error);
  h200 = cpl_dataset_lookup_chip (builtin, "nvidia-h200");
  ascend = cpl_dataset_lookup_chip (builtin, "huawei-ascend-910c");
  g_assert_nonnull (h200);
  g_assert_nonnull (ascend);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_test_message ("search \"%s\"", cases[i].search ? cases[i].search : "(null)");
      g_assert_cmpint (cpl_dataset_chip_matches (builtin, h200, cases[i].search), ==, cases[i].h200);
      g_assert_cmpint (cpl_dataset_chip_matches (builtin, ascend, cases[i].search), ==, cases[i].ascend);
    }

  /* a maker the dataset lacks goes by its id, as the table shows it */
  g_assert_true (cpl_dataset_append (bare, CPL_ENTITY (orphan)));
  g_assert_true (cpl_dataset_chip_matches (bare, orphan, "ACM"));
  g_assert_false (cpl_dataset_chip_matches (bare, orphan, "nvidia"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  cpl_projection_count_calls ();
  g_test_add_func ("/index/add-remove-undo", test_add_remove_undo);
  g_test_add_func ("/index/rename-undo", test_rename_undo);
  g_test_add_func ("/index/load-over-builtin", test_load_over_builtin);
  g_test_add_func ("/index/projected-once", test_projected_once);
  g_test_add_func ("/index/projection-kept-for-others", test_projection_kept_for_others);
  g_test_add_func ("/index/taken-from-prepared", test_taken_from_prepared);
  g_test_add_func ("/index/prepared-before-load", test_prepared_before_load);
  g_test_add_func ("/index/chip-search", test_chip_search);
  return g_test_run ();
}
