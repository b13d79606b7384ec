/* test-history.c: undo, redo and the modified state of a dataset
 *
 * The fixture two-chips.json has, in this order: vendors va, vb, vd;
 * chips chip-x, chip-y, chip-d; scenarios two-years (revenue_share 0.2,
 * allowed chip-x and chip-y), ban; revenue cases sale, no-cost.
 */
#include "config.h"

#include "cpl-test-util.h"

static CplEntity *
scenario (CplDataset *dataset,
          const char *id)
{
  return cpl_dataset_lookup (dataset, CPL_TYPE_SCENARIO, id);
}

static double
share_of (CplDataset *dataset)
{
  return cpl_scenario_get (CPL_SCENARIO (scenario (dataset, "two-years")), CPL_SCENARIO_REVENUE_SHARE);
}

static void
set_share (CplDataset *dataset,
           double      share)
{
  g_assert_true (cpl_entity_set_number (scenario (dataset, "two-years"), CPL_SCENARIO_REVENUE_SHARE, share, NULL));
}

/* The ids of a list, in order: "two-years ban". */
static char *
ids_of (GListModel *list)
{
  g_autoptr(GString) ids = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(CplEntity) entity = g_list_model_get_item (list, i);
      g_string_append_printf (ids, "%s%s", i ? " " : "", cpl_entity_get_id (entity));
    }
  return g_string_free (g_steal_pointer (&ids), FALSE);
}

static void
test_undo_redo (void)
{
  g_autoptr(CplDataset) dataset = cpl_test_load_fixture ("two-chips.json", CPL_LOAD_ALONE);
  g_autoptr(CplHistory) history = cpl_history_new (dataset);
  CplEntity *two_years = scenario (dataset, "two-years");

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
  /* undone in place: the same object */
  g_assert_true (scenario (dataset, "two-years") == two_years);

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

  /* a burst that ends where it began leaves nothing to undo */
  g_assert_true (cpl_history_redo (history));
  cpl_history_set_unmodified (history);
  set_share (dataset, 0.4);
  set_share (dataset, 0.355);
  g_assert_false (cpl_history_get_modified (history));

  /* an edit of another field is a step of its own, even without a pause:
   * years 2 → 3, then share 0.355 → 0.5; one undo gives back only the
   * share */
  g_assert_true (cpl_entity_set_number (scenario (dataset, "two-years"), CPL_SCENARIO_YEARS, 3, NULL));
  set_share (dataset, 0.5);
  g_assert_true (cpl_history_undo (history));
  g_assert_cmpfloat (share_of (dataset), ==, 0.355);
  g_assert_cmpfloat (cpl_scenario_get (CPL_SCENARIO (scenario (dataset, "two-years")), CPL_SCENARIO_YEARS), ==, 3);
}

/* Anything an entry holds is a "set": its name, its list of allowed chips. */
static void
test_set_anything (void)
{
  g_autoptr(CplDataset) dataset = cpl_test_load_fixture ("two-chips.json", CPL_LOAD_ALONE);
  g_autoptr(CplHistory) history = cpl_history_new (dataset);
  CplScenario *two_years = CPL_SCENARIO (scenario (dataset, "two-years"));
  const char * const only_x[] = { "chip-x", NULL };
  const char * const *allowed;

  cpl_scenario_set_allowed_chips (two_years, only_x);
  cpl_history_commit (history);
  cpl_entity_set_name (CPL_ENTITY (two_years), "Renamed");
  cpl_history_commit (history);

  g_assert_true (cpl_history_undo (history));
  g_assert_cmpstr (cpl_entity_get_name (CPL_ENTITY (two_years)), ==, "Two years");
  g_assert_true (cpl_history_undo (history));
  allowed = cpl_scenario_get_allowed_chips (two_years);
  g_assert_cmpuint (g_strv_length ((char **) allowed), ==, 2);
  g_assert_cmpstr (allowed[0], ==, "chip-x");
  g_assert_cmpstr (allowed[1], ==, "chip-y");
  g_assert_true (cpl_history_redo (history));
  g_assert_cmpuint (g_strv_length ((char **) cpl_scenario_get_allowed_chips (two_years)), ==, 1);
  g_assert_true (CPL_SCENARIO (scenario (dataset, "two-years")) == two_years);
}

/* A range is an edit like any other: set, changed, removed, each undone
 * to the range before; a range that breaks the rules is refused and
 * changes nothing (two-years has no ranges in the fixture). */
static void
test_set_range (void)
{
  g_autoptr(CplDataset) dataset = cpl_test_load_fixture ("two-chips.json", CPL_LOAD_ALONE);
  g_autoptr(CplHistory) history = cpl_history_new (dataset);
  CplScenario *two_years = CPL_SCENARIO (scenario (dataset, "two-years"));
  g_autoptr(GError) error = NULL;
  double range[3];

  g_assert_false (cpl_scenario_get_range (two_years, "revenue_share", NULL));
  g_assert_true (cpl_scenario_set_range (two_years, "revenue_share", (double[]) { .1, .25, .4 }, NULL));
  cpl_history_commit (history);
  g_assert_true (cpl_scenario_set_range (two_years, "revenue_share", (double[]) { .15, .25, .3 }, NULL));
  cpl_history_commit (history);
  g_assert_true (cpl_scenario_set_range (two_years, "demand_growth", (double[]) { 0, .2, .5 }, NULL));
  cpl_history_commit (history);

  /* refused: out of order (mode 0.5 above high 0.4); a share above 1; a
   * field that cannot carry one */
  g_assert_false (cpl_scenario_set_range (two_years, "revenue_share", (double[]) { .1, .5, .4 }, &error));
  g_assert_error (error, CPL_DATASET_ERROR, CPL_DATASET_ERROR_RANGE);
  g_assert_nonnull (strstr (error->message, "low ≤ mode ≤ high"));
  g_clear_error (&error);
  g_assert_false (cpl_scenario_set_range (two_years, "revenue_share", (double[]) { .1, .5, 1.5 }, &error));
  g_assert_nonnull (strstr (error->message, "revenue_share"));
  g_clear_error (&error);
  g_assert_false (cpl_scenario_set_range (two_years, "years", (double[]) { 1, 2, 3 }, &error));
  g_assert_error (error, CPL_DATASET_ERROR, CPL_DATASET_ERROR_INVALID);
  g_assert_true (cpl_scenario_get_range (two_years, "revenue_share", range));
  g_assert_cmpfloat (range[0], ==, .15);
  g_assert_cmpfloat (range[2], ==, .3);

  /* removed, then each step undone in turn */
  g_assert_true (cpl_scenario_set_range (two_years, "revenue_share", NULL, NULL));
  g_assert_false (cpl_scenario_get_range (two_years, "revenue_share", NULL));
  g_assert_true (cpl_scenario_get_range (two_years, "demand_growth", NULL));
  g_assert_true (cpl_history_undo (history));
  g_assert_true (cpl_scenario_get_range (two_years, "revenue_share", range));
  g_assert_cmpfloat (range[0], ==, .15);
  g_assert_true (cpl_history_undo (history));
  g_assert_false (cpl_scenario_get_range (two_years, "demand_growth", NULL));
  g_assert_true (cpl_history_undo (history));
  g_assert_true (cpl_scenario_get_range (two_years, "revenue_share", range));
  g_assert_cmpfloat (range[0], ==, .1);
  g_assert_cmpfloat (range[1], ==, .25);
  g_assert_cmpfloat (range[2], ==, .4);
  g_assert_true (cpl_history_undo (history));
  g_assert_null (cpl_scenario_get_ranges (two_years));
}

/* Removing an entry and undoing puts the very object back, where it was. */
static void
test_remove (void)
{
  g_autoptr(CplDataset) dataset = cpl_test_load_fixture ("two-chips.json", CPL_LOAD_ALONE);
  g_autoptr(CplHistory) history = cpl_history_new (dataset);
  GListModel *scenarios = cpl_dataset_get_scenarios (dataset);
  CplEntity *two_years = scenario (dataset, "two-years");
  CplEntity *ban = scenario (dataset, "ban");
  g_autofree char *ids = NULL;

  g_assert_true (cpl_dataset_remove (dataset, two_years));
  cpl_history_commit (history);
  g_assert_null (scenario (dataset, "two-years"));
  g_assert_true (cpl_history_undo (history));
  g_assert_true (scenario (dataset, "two-years") == two_years);
  g_assert_true (scenario (dataset, "ban") == ban);
  ids = ids_of (scenarios);
  g_assert_cmpstr (ids, ==, "two-years ban");
  g_assert_false (cpl_history_get_modified (history));

  g_assert_true (cpl_history_redo (history));
  g_assert_cmpuint (g_list_model_get_n_items (scenarios), ==, 1);
  g_assert_true (cpl_history_get_modified (history));
}

static void
test_insert (void)
{
  g_autoptr(CplDataset) dataset = cpl_test_load_fixture ("two-chips.json", CPL_LOAD_ALONE);
  g_autoptr(CplHistory) history = cpl_history_new (dataset);
  GListModel *scenarios = cpl_dataset_get_scenarios (dataset);
  g_autoptr(CplScenario) added = cpl_scenario_new ("added", "Added", "chip-d");
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  /* between two-years and ban */
  g_assert_true (cpl_dataset_insert (dataset, 1, CPL_ENTITY (added)));
  cpl_history_commit (history);
  g_assert_true (cpl_history_undo (history));
  before = ids_of (scenarios);
  g_assert_cmpstr (before, ==, "two-years ban");
  g_assert_true (cpl_history_redo (history));
  after = ids_of (scenarios);
  g_assert_cmpstr (after, ==, "two-years added ban");
  g_assert_true (scenario (dataset, "added") == CPL_ENTITY (added));
}

/* A removal and an insertion of the same entry is one step: a move. */
static void
test_move (void)
{
  g_autoptr(CplDataset) dataset = cpl_test_load_fixture ("two-chips.json", CPL_LOAD_ALONE);
  g_autoptr(CplHistory) history = cpl_history_new (dataset);
  GListModel *scenarios = cpl_dataset_get_scenarios (dataset);
  CplEntity *ban = scenario (dataset, "ban");
  g_autofree char *moved = NULL;
  g_autofree char *undone = NULL;
  g_autofree char *redone = NULL;

  g_assert_true (cpl_dataset_remove (dataset, ban));
  g_assert_true (cpl_dataset_insert (dataset, 0, ban));
  moved = ids_of (scenarios);
  g_assert_cmpstr (moved, ==, "ban two-years");
  g_assert_true (cpl_history_undo (history));
  undone = ids_of (scenarios);
  g_assert_cmpstr (undone, ==, "two-years ban");
  /* one step, and nothing before it */
  g_assert_false (cpl_history_can_undo (history));
  g_assert_true (cpl_history_redo (history));
  redone = ids_of (scenarios);
  g_assert_cmpstr (redone, ==, "ban two-years");
  g_assert_true (scenario (dataset, "ban") == ban);
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
  /* undo past the save: modified again; redo back to it: not */
  g_assert_true (cpl_history_undo (history));
  g_assert_true (cpl_history_get_modified (history));
  g_assert_true (cpl_history_redo (history));
  g_assert_false (cpl_history_get_modified (history));
  /* saved at 0.3; undo, then a different edit to 0.3 again is a new step
   * that was never saved (the step, not the text, is compared) */
  g_assert_true (cpl_history_undo (history));
  set_share (dataset, 0.3);
  g_assert_true (cpl_history_get_modified (history));

  cpl_history_reset (history);
  g_assert_false (cpl_history_get_modified (history));
  g_assert_false (cpl_history_can_undo (history));
}

/* An undo touches only what the step changed: every other entry, in every
 * list, is the same object as before, and the edited one too. */
static void
test_no_reparse (void)
{
  g_autoptr(CplDataset) dataset = cpl_test_load_fixture ("two-chips.json", CPL_LOAD_ALONE);
  g_autoptr(CplHistory) history = cpl_history_new (dataset);
  GListModel *lists[] = {
    cpl_dataset_get_vendors (dataset), cpl_dataset_get_chips (dataset),
    cpl_dataset_get_scenarios (dataset), cpl_dataset_get_revenue_cases (dataset),
  };
  g_autoptr(GPtrArray) before = g_ptr_array_new ();
  guint k = 0;
  guint changes = 0;

  for (guint i = 0; i < G_N_ELEMENTS (lists); i++)
    for (guint j = 0; j < g_list_model_get_n_items (lists[i]); j++)
      {
        g_autoptr(GObject) item = g_list_model_get_item (lists[i], j);
        g_ptr_array_add (before, item);
      }
  /* 3 vendors + 3 chips + 2 scenarios + 2 revenue cases */
  g_assert_cmpuint (before->len, ==, 10);

  set_share (dataset, 0.3);
  g_signal_connect_swapped (lists[2], "items-changed", G_CALLBACK (g_nullify_pointer), &lists[2]);
  g_signal_connect_swapped (dataset, "entry-changed", G_CALLBACK (g_atomic_int_inc), &changes);
  g_assert_true (cpl_history_undo (history));
  /* no list was spliced, one entry changed once */
  g_assert_nonnull (lists[2]);
  g_assert_cmpuint (changes, ==, 1);
  g_signal_handlers_disconnect_by_data (dataset, &changes);
  g_signal_handlers_disconnect_by_data (lists[2], &lists[2]);

  for (guint i = 0; i < G_N_ELEMENTS (lists); i++)
    for (guint j = 0; j < g_list_model_get_n_items (lists[i]); j++, k++)
      {
        g_autoptr(GObject) item = g_list_model_get_item (lists[i], j);
        g_assert_true (item == g_ptr_array_index (before, k));
      }
}

/* An entry with an id its list has cannot go in: a saved file would hold
 * the id twice and not open again. */
static void
test_duplicate_insert (void)
{
  g_autoptr(CplDataset) dataset = cpl_test_load_fixture ("two-chips.json", CPL_LOAD_ALONE);
  g_autoptr(CplHistory) history = cpl_history_new (dataset);
  g_autoptr(CplScenario) twin = cpl_scenario_new ("ban", "Another ban", "chip-d");
  CplEntity *ban = scenario (dataset, "ban");

  g_test_expect_message ("cpl-dataset", G_LOG_LEVEL_CRITICAL, "*already has an entry with the id \"ban\"*");
  g_assert_false (cpl_dataset_append (dataset, CPL_ENTITY (twin)));
  g_test_assert_expected_messages ();
  /* the same object twice, neither */
  g_test_expect_message ("cpl-dataset", G_LOG_LEVEL_CRITICAL, "*already has an entry with the id \"ban\"*");
  g_assert_false (cpl_dataset_insert (dataset, 0, ban));
  g_test_assert_expected_messages ();
  g_assert_cmpuint (g_list_model_get_n_items (cpl_dataset_get_scenarios (dataset)), ==, 2);
  g_assert_false (cpl_history_can_undo (history));
}

/* The entry an undo or a redo changed, for the window to say where: a
 * set of "ban"'s years, undone and redone, names "ban"; nothing before
 * any undo, nor after a reset. */
static void
test_restored (void)
{
  g_autoptr(CplDataset) dataset = cpl_test_load_fixture ("two-chips.json", CPL_LOAD_ALONE);
  g_autoptr(CplHistory) history = cpl_history_new (dataset);
  CplEntity *ban = scenario (dataset, "ban");

  g_assert_null (cpl_history_get_restored (history));
  g_assert_true (cpl_entity_set_number (ban, CPL_SCENARIO_YEARS, 4, NULL));
  g_assert_null (cpl_history_get_restored (history));
  g_assert_true (cpl_history_undo (history));
  g_assert_true (cpl_history_get_restored (history) == ban);
  g_assert_true (cpl_history_redo (history));
  g_assert_true (cpl_history_get_restored (history) == ban);
  cpl_history_reset (history);
  g_assert_null (cpl_history_get_restored (history));
}

/* What a "deleted" toast's Undo does, whatever came between. */
static void
test_undo_removal (void)
{
  g_autoptr(CplDataset) dataset = cpl_test_load_fixture ("two-chips.json", CPL_LOAD_ALONE);
  g_autoptr(CplHistory) history = cpl_history_new (dataset);
  GListModel *scenarios = cpl_dataset_get_scenarios (dataset);
  CplEntity *two_years = scenario (dataset, "two-years");
  g_autofree char *ids = NULL;

  /* the removal is the newest step: the toast undoes it */
  g_assert_true (cpl_dataset_remove (dataset, two_years));
  g_assert_true (cpl_history_undo_removal (history, CPL_TYPE_SCENARIO, "two-years"));
  g_assert_true (scenario (dataset, "two-years") == two_years);
  g_assert_false (cpl_history_can_undo (history));
  g_assert_true (cpl_history_can_redo (history));

  /* Ctrl+Z first, then the toast: it was put back already, so nothing */
  g_assert_true (cpl_history_redo (history));
  g_assert_true (cpl_history_undo (history));
  g_assert_false (cpl_history_undo_removal (history, CPL_TYPE_SCENARIO, "two-years"));
  g_assert_cmpuint (g_list_model_get_n_items (scenarios), ==, 2);

  /* an edit came after the removal: the same object goes back where it
   * was, as a step of its own, and the edit stays */
  g_assert_true (cpl_history_redo (history));
  g_assert_true (cpl_entity_set_number (scenario (dataset, "ban"), CPL_SCENARIO_YEARS, 4, NULL));
  g_assert_true (cpl_history_undo_removal (history, CPL_TYPE_SCENARIO, "two-years"));
  ids = ids_of (scenarios);
  g_assert_cmpstr (ids, ==, "two-years ban");
  g_assert_true (scenario (dataset, "two-years") == two_years);
  g_assert_cmpfloat (cpl_scenario_get (CPL_SCENARIO (scenario (dataset, "ban")), CPL_SCENARIO_YEARS), ==, 4);
  g_assert_true (cpl_history_undo (history));
  g_assert_null (scenario (dataset, "two-years"));
  /* and a second press does nothing */
  g_assert_true (cpl_history_redo (history));
  g_assert_false (cpl_history_undo_removal (history, CPL_TYPE_SCENARIO, "two-years"));
  g_assert_cmpuint (g_list_model_get_n_items (scenarios), ==, 2);
}

/* The state of an entry is restored in place and checked like a file. */
static void
test_assign_json (void)
{
  g_autoptr(CplDataset) dataset = cpl_test_load_fixture ("two-chips.json", CPL_LOAD_ALONE);
  CplEntity *ban = scenario (dataset, "ban");
  g_autoptr(JsonObject) object = cpl_entity_to_json (ban);
  g_autoptr(GError) error = NULL;

  json_object_set_int_member (object, "years", 51);
  g_assert_false (cpl_entity_assign_json (ban, object, &error));
  g_assert_error (error, CPL_DATASET_ERROR, CPL_DATASET_ERROR_RANGE);
  /* unchanged: ban runs one year */
  g_assert_cmpfloat (cpl_scenario_get (CPL_SCENARIO (ban), CPL_SCENARIO_YEARS), ==, 1);
  json_object_set_int_member (object, "years", 7);
  g_assert_true (cpl_entity_assign_json (ban, object, NULL));
  g_assert_cmpfloat (cpl_scenario_get (CPL_SCENARIO (ban), CPL_SCENARIO_YEARS), ==, 7);
  g_assert_cmpstr (cpl_scenario_get_domestic_chip (CPL_SCENARIO (ban)), ==, "chip-d");
}

/* An entry assigned a state holds all of it: its notes, and a group's own
 * "x-" members (kept apart from the fields), which stayed as they were. */
static void
test_assign_json_whole (void)
{
  g_autoptr(CplDataset) dataset = cpl_test_load_fixture ("two-chips.json", CPL_LOAD_ALONE);
  CplEntity *chip = cpl_dataset_lookup (dataset, CPL_TYPE_CHIP, "chip-x");
  g_autoptr(JsonObject) object = cpl_entity_to_json (chip);
  g_autoptr(JsonObject) after = NULL;

  json_object_set_string_member (json_object_get_object_member (object, "performance"), "x-source", "datasheet, p. 2");
  json_object_set_string_member (object, "notes", "From the datasheet");
  g_assert_null (cpl_entity_get_notes (chip));
  g_assert_true (cpl_entity_assign_json (chip, object, NULL));
  g_assert_cmpstr (cpl_text_get (cpl_entity_get_notes (chip)), ==, "From the datasheet");
  after = cpl_entity_to_json (chip);
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (after, "performance"), "x-source"),
                   ==, "datasheet, p. 2");
  g_assert_cmpstr (json_object_get_string_member (after, "notes"), ==, "From the datasheet");
}

/* A group is one step whatever it touches: a share set, then the "ban"
 * scenario removed and put back first (a move), then the share set again.
 * Before it, a step of its own (0.2 → 0.25); one undo takes the whole
 * group back (share 0.25, order "two-years ban"), a second the first step
 * (share 0.2). */
static void
test_group (void)
{
  g_autoptr(CplDataset) dataset = cpl_test_load_fixture ("two-chips.json", CPL_LOAD_ALONE);
  g_autoptr(CplHistory) history = cpl_history_new (dataset);
  GListModel *scenarios = cpl_dataset_get_scenarios (dataset);
  CplEntity *ban = scenario (dataset, "ban");
  g_autofree char *grouped = NULL;
  g_autofree char *undone = NULL;
  g_autofree char *redone = NULL;

  set_share (dataset, 0.25);
  cpl_history_begin_group (history);
  set_share (dataset, 0.3);
  g_assert_true (cpl_dataset_remove (dataset, ban));
  g_assert_true (cpl_dataset_insert (dataset, 0, ban));
  set_share (dataset, 0.4);
  cpl_history_end_group (history);
  grouped = ids_of (scenarios);
  g_assert_cmpstr (grouped, ==, "ban two-years");

  g_assert_true (cpl_history_undo (history));
  undone = ids_of (scenarios);
  g_assert_cmpstr (undone, ==, "two-years ban");
  g_assert_cmpfloat (share_of (dataset), ==, 0.25);
  g_assert_true (cpl_history_undo (history));
  g_assert_cmpfloat (share_of (dataset), ==, 0.2);
  g_assert_false (cpl_history_can_undo (history));

  g_assert_true (cpl_history_redo (history));
  g_assert_true (cpl_history_redo (history));
  redone = ids_of (scenarios);
  g_assert_cmpstr (redone, ==, "ban two-years");
  g_assert_cmpfloat (share_of (dataset), ==, 0.4);
  g_assert_true (scenario (dataset, "ban") == ban);
}

/* Between cpl_history_begin_reset() and cpl_history_reset() (a load's
 * splice) changes make no step; after the reset, edits are recorded and
 * undone as ever, from the state the reset left. */
static void
test_begin_reset (void)
{
  g_autoptr(CplDataset) dataset = cpl_test_load_fixture ("two-chips.json", CPL_LOAD_ALONE);
  g_autoptr(CplHistory) history = cpl_history_new (dataset);
  g_autoptr(CplEntity) copy = cpl_entity_duplicate (scenario (dataset, "ban"), "ban-2");

  cpl_history_begin_reset (history);
  g_assert_true (cpl_dataset_append (dataset, copy));
  set_share (dataset, 0.3);
  cpl_history_commit (history);
  g_assert_false (cpl_history_can_undo (history));
  cpl_history_reset (history);
  g_assert_false (cpl_history_can_undo (history));
  g_assert_false (cpl_history_get_modified (history));

  /* 0.3 (as reset) → 0.45, undone to 0.3; the copy stays */
  set_share (dataset, 0.45);
  cpl_history_commit (history);
  g_assert_true (cpl_history_get_modified (history));
  g_assert_true (cpl_history_undo (history));
  g_assert_cmpfloat (share_of (dataset), ==, 0.3);
  g_assert_true (scenario (dataset, "ban-2") == copy);
  g_assert_false (cpl_history_can_undo (history));
  g_assert_false (cpl_history_get_modified (history));
}

/* The history's "before" of an entry is the state the entry kept when it
 * was about to change (cpl_entity_will_change()): nothing is copied of
 * entries loaded and never changed, even after they move into a dataset
 * with a history, as a load does (cpl_dataset_take_contents()); the
 * snapshot is made once per state. */
static void
test_snapshots (void)
{
  g_autoptr(CplDataset) aside = cpl_test_load_fixture ("two-chips.json", CPL_LOAD_ALONE);
  g_autoptr(CplDataset) dataset = cpl_dataset_new ();
  g_autoptr(CplHistory) history = cpl_history_new (dataset);
  g_autoptr(JsonObject) first = NULL;
  g_autoptr(JsonObject) again = NULL;
  CplEntity *two_years = scenario (aside, "two-years");

  cpl_dataset_prepare_take (aside);
  cpl_dataset_take_contents (dataset, aside);
  cpl_history_reset (history);
  g_assert_true (scenario (dataset, "two-years") == two_years);

  set_share (dataset, 0.35);
  cpl_history_commit (history);
  first = cpl_entity_dup_snapshot (two_years);
  again = cpl_entity_dup_snapshot (two_years);
  /* not made again while nothing changes */
  g_assert_true (first == again);
  g_assert_cmpfloat (json_object_get_double_member (first, "revenue_share"), ==, 0.35);

  /* the fixture's share, 0.2, kept when the first change began */
  g_assert_true (cpl_history_undo (history));
  g_assert_cmpfloat (share_of (dataset), ==, 0.2);
  g_assert_false (cpl_history_get_modified (history));
  g_assert_true (cpl_history_redo (history));
  g_assert_cmpfloat (share_of (dataset), ==, 0.35);
}

typedef enum {
  CHANGE_ID, CHANGE_NAME, CHANGE_NUMBER, CHANGE_ASSIGN,
  CHANGE_RELEASED, CHANGE_PROCESS, CHANGE_DATACENTER, CHANGE_DOMESTIC, CHANGE_SOURCE, CHANGE_NOTES,
  CHANGE_ALLOWED_CHIPS, CHANGE_DOMESTIC_CHIP, CHANGE_RANGE,
  CHANGE_CASE_VENDOR, CHANGE_CASE_CHIP,
  N_CHANGES
} Change;

/* Makes @change to its entry of @dataset; returns the entry. */
static CplEntity *
make_change (CplDataset *dataset,
             Change      change)
{
  CplEntity *chip = cpl_dataset_lookup (dataset, CPL_TYPE_CHIP, "chip-x");
  CplEntity *two_years = scenario (dataset, "two-years");
  CplEntity *sale = cpl_dataset_lookup (dataset, CPL_TYPE_REVENUE_CASE, "sale");
  static const char * const allowed[] = { "chip-y", NULL };
  const double range[3] = { 0.5, 1, 1.5 };
  g_autoptr(CplText) notes = cpl_text_new ("noted");
  g_autoptr(JsonObject) object = NULL;

  switch (change)
    {
    case CHANGE_ID:        cpl_entity_set_id (chip, "chip-x2"); return chip;
    case CHANGE_NAME:      cpl_entity_set_name (chip, "X, renamed"); return chip;
    case CHANGE_NUMBER:    g_assert_true (cpl_entity_set_number (chip, CPL_CHIP_TDP_W, 650, NULL)); return chip;
    case CHANGE_ASSIGN:
      object = cpl_entity_to_json (chip);
      json_object_set_int_member (object, "price_usd", 2500);
      g_assert_true (cpl_entity_assign_json (chip, object, NULL));
      return chip;
    case CHANGE_RELEASED:  cpl_chip_set_released (CPL_CHIP (chip), "2024-11"); return chip;
    case CHANGE_PROCESS:   cpl_chip_set_process (CPL_CHIP (chip), "TSMC N4"); return chip;
    case CHANGE_DATACENTER: cpl_chip_set_datacenter (CPL_CHIP (chip), FALSE); return chip;
    case CHANGE_DOMESTIC:  cpl_chip_set_domestic (CPL_CHIP (chip), TRUE); return chip;
    case CHANGE_SOURCE:    cpl_chip_add_source (CPL_CHIP (chip), "https://example.org/x"); return chip;
    case CHANGE_NOTES:     cpl_entity_set_notes (CPL_ENTITY (chip), notes); return chip;
    case CHANGE_ALLOWED_CHIPS: cpl_scenario_set_allowed_chips (CPL_SCENARIO (two_years), allowed); return two_years;
    case CHANGE_DOMESTIC_CHIP: cpl_scenario_set_domestic_chip (CPL_SCENARIO (two_years), "chip-y"); return two_years;
    case CHANGE_RANGE:
      g_assert_true (cpl_scenario_set_range (CPL_SCENARIO (two_years), "demand_growth", range, NULL));
      return two_years;
    case CHANGE_CASE_VENDOR: cpl_revenue_case_set_vendor_id (CPL_REVENUE_CASE (sale), "vb"); return sale;
    case CHANGE_CASE_CHIP:   cpl_revenue_case_set_chip_id (CPL_REVENUE_CASE (sale), "chip-y"); return sale;
    case N_CHANGES:
    default:
      g_assert_not_reached ();
    }
}

static gboolean
same_json (JsonObject *a,
           JsonObject *b)
{
  g_autoptr(JsonNode) x = json_node_init_object (json_node_alloc (), a);
  g_autoptr(JsonNode) y = json_node_init_object (json_node_alloc (), b);

  return json_node_equal (x, y);
}

/* The first change of an entry after a load, whichever setter makes it,
 * is undone to the state the file gave and redone (every setter keeps
 * the state before: one that did not would fail with a critical). */
static void
test_first_change (void)
{
  for (Change change = 0; change < N_CHANGES; change++)
    {
      g_autoptr(CplDataset) dataset = cpl_test_load_fixture ("two-chips.json", CPL_LOAD_ALONE);
      g_autoptr(CplHistory) history = cpl_history_new (dataset);
      g_autoptr(JsonObject) loaded = NULL;
      g_autoptr(JsonObject) changed = NULL;
      g_autoptr(JsonObject) undone = NULL;
      g_autoptr(JsonObject) redone = NULL;
      CplEntity *entity;

      g_test_message ("change %d", change);
      entity = make_change (dataset, change);
      changed = cpl_entity_to_json (entity);
      cpl_history_commit (history);
      g_assert_true (cpl_history_can_undo (history));
      g_assert_true (cpl_history_undo (history));
      undone = cpl_entity_to_json (entity);
      g_assert_false (same_json (undone, changed));
      g_assert_true (cpl_history_redo (history));
      redone = cpl_entity_to_json (entity);
      g_assert_true (same_json (redone, changed));
      /* undone again: as a fresh load of the file has it */
      g_assert_true (cpl_history_undo (history));
      {
        g_autoptr(CplDataset) fresh = cpl_test_load_fixture ("two-chips.json", CPL_LOAD_ALONE);
        CplEntity *same = cpl_dataset_lookup (fresh, G_OBJECT_TYPE (entity),
                                              change == CHANGE_ID ? "chip-x" : cpl_entity_get_id (entity));

        loaded = cpl_entity_to_json (same);
      }
      g_clear_pointer (&undone, json_object_unref);
      undone = cpl_entity_to_json (entity);
      g_assert_true (same_json (undone, loaded));
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/history/undo-redo", test_undo_redo);
  g_test_add_func ("/history/burst", test_burst);
  g_test_add_func ("/history/set-anything", test_set_anything);
  g_test_add_func ("/history/set-range", test_set_range);
  g_test_add_func ("/history/remove", test_remove);
  g_test_add_func ("/history/insert", test_insert);
  g_test_add_func ("/history/move", test_move);
  g_test_add_func ("/history/saved", test_saved);
  g_test_add_func ("/history/no-reparse", test_no_reparse);
  g_test_add_func ("/history/duplicate-insert", test_duplicate_insert);
  g_test_add_func ("/history/undo-removal", test_undo_removal);
  g_test_add_func ("/history/restored", test_restored);
  g_test_add_func ("/history/assign-json", test_assign_json);
  g_test_add_func ("/history/assign-json-whole", test_assign_json_whole);
  g_test_add_func ("/history/group", test_group);
  g_test_add_func ("/history/snapshots", test_snapshots);
  g_test_add_func ("/history/first-change", test_first_change);
  g_test_add_func ("/history/begin-reset", test_begin_reset);
  return g_test_run ();
}
