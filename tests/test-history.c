/* test-history.c: undo, redo and the modified state of a dataset */
#include "config.h"

#include "cpl-test-util.h"

static double
share_of (CplDataset *dataset)
{
  return cpl_scenario_get (CPL_SCENARIO (cpl_dataset_lookup (dataset, CPL_TYPE_SCENARIO, "two-years")),
                           CPL_SCENARIO_REVENUE_SHARE);
}

static void
set_share (CplDataset *dataset,
           double      share)
{
  /* looked up again each time: an undo replaces the entries */
  g_assert_true (cpl_entity_set_number (cpl_dataset_lookup (dataset, CPL_TYPE_SCENARIO, "two-years"),
                                        CPL_SCENARIO_REVENUE_SHARE, share, NULL));
}

static void
test_undo_redo (void)
{
  g_autoptr(CplDataset) dataset = cpl_test_load_fixture ("two-chips.json", CPL_LOAD_ALONE);
  g_autoptr(CplHistory) history = cpl_history_new (dataset);

  g_assert_false (cpl_history_can_undo (history));
  g_assert_false (cpl_history_get_modified (history));

  /* two steps: 0.2 → 0.25, then 0.25 → 0.3 */
  set_share (dataset, 0.25);
  cpl_history_commit (history);
  set_share (dataset, 0.3);
  cpl_history_commit (history);
  g_assert_true (cpl_history_get_modified (history));

  g_assert_true (cpl_history_undo (history));
  g_assert_cmpfloat (share_of (dataset), ==, 0.25);
  g_assert_true (cpl_history_undo (history));
  g_assert_cmpfloat (share_of (dataset), ==, 0.2);
  g_assert_false (cpl_history_can_undo (history));
  /* back where it was opened: not modified */
  g_assert_false (cpl_history_get_modified (history));

  g_assert_true (cpl_history_redo (history));
  g_assert_cmpfloat (share_of (dataset), ==, 0.25);
  /* a new edit forgets what could be redone */
  set_share (dataset, 0.5);
  g_assert_false (cpl_history_can_redo (history));
  g_assert_true (cpl_history_undo (history));
  g_assert_cmpfloat (share_of (dataset), ==, 0.25);
}

/* Edits without a pause are one step: typing "0.35" digit by digit is
 * undone at once. */
static void
test_burst (void)
{
  g_autoptr(CplDataset) dataset = cpl_test_load_fixture ("two-chips.json", CPL_LOAD_ALONE);
  g_autoptr(CplHistory) history = cpl_history_new (dataset);

  set_share (dataset, 0.3);
  set_share (dataset, 0.35);
  set_share (dataset, 0.355);
  g_assert_true (cpl_history_undo (history));
  g_assert_cmpfloat (share_of (dataset), ==, 0.2);
  g_assert_false (cpl_history_can_undo (history));
}

/* Adding and deleting entries undo like any edit. */
static void
test_lists (void)
{
  g_autoptr(CplDataset) dataset = cpl_test_load_fixture ("two-chips.json", CPL_LOAD_ALONE);
  g_autoptr(CplHistory) history = cpl_history_new (dataset);
  CplEntity *ban = cpl_dataset_lookup (dataset, CPL_TYPE_SCENARIO, "ban");

  g_assert_true (cpl_dataset_remove (dataset, ban));
  cpl_history_commit (history);
  g_assert_null (cpl_dataset_lookup (dataset, CPL_TYPE_SCENARIO, "ban"));
  g_assert_true (cpl_history_undo (history));
  g_assert_nonnull (cpl_dataset_lookup (dataset, CPL_TYPE_SCENARIO, "ban"));
  g_assert_cmpuint (g_list_model_get_n_items (cpl_dataset_get_scenarios (dataset)), ==, 2);
}

static void
test_saved (void)
{
  g_autoptr(CplDataset) dataset = cpl_test_load_fixture ("two-chips.json", CPL_LOAD_ALONE);
  g_autoptr(CplHistory) history = cpl_history_new (dataset);

  set_share (dataset, 0.3);
  g_assert_true (cpl_history_get_modified (history));
  cpl_history_set_unmodified (history);
  g_assert_false (cpl_history_get_modified (history));
  /* undo past the save: modified again */
  g_assert_true (cpl_history_undo (history));
  g_assert_true (cpl_history_get_modified (history));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/history/undo-redo", test_undo_redo);
  g_test_add_func ("/history/burst", test_burst);
  g_test_add_func ("/history/lists", test_lists);
  g_test_add_func ("/history/saved", test_saved);
  return g_test_run ();
}
