/* cpl-builtin.c: which built-in data a file was made from, and updating
 * the entries the user has not changed
 *
 * A saved file holds every entry, built-in ones included, so that it
 * gives the same numbers in any version of the app.  It also records the
 * version of the built-in dataset it was made from ("made_from_builtin",
 * the "builtin_version" of data/builtin-dataset.json) and, for each entry
 * that was then exactly the built-in one, a fingerprint of it
 * ("builtin_entries": list → id → SHA-256 of the entry's JSON).  When the
 * app's built-in data is newer, an entry whose content still has its
 * fingerprint (the user has not changed it) and whose built-in version
 * has changed can be updated to the new built-in one.
 */
#define G_LOG_DOMAIN "cpl-builtin"

#include "config.h"

#include <string.h>

#include "cpl-builtin.h"
#include "cpl-dataset-private.h"
#include "cpl-json-private.h"

#define MADE_FROM_KEY     "made_from_builtin"
#define ENTRIES_KEY       "builtin_entries"
#define VERSION_KEY       "builtin_version"

/* The lists, as a file names them, and how the dataset gives them. */
static const struct {
  const char  *key;
  GListModel *(*get) (CplDataset *);
} lists[] = {
  { "vendors", cpl_dataset_get_vendors },
  { "chips", cpl_dataset_get_chips },
  { "rules", cpl_dataset_get_rules },
  { "scenarios", cpl_dataset_get_scenarios },
  { "revenue_cases", cpl_dataset_get_revenue_cases },
};

static CplDataset *
builtin_dataset (void)
{
  g_autoptr(GError) error = NULL;
  CplDataset *dataset = cpl_dataset_new_builtin (&error);

  /* compiled in and tested: failing to read it is a bug */
  g_assert_no_error (error);
  return dataset;
}

/* The built-in dataset as the app ships it, read once and then kept
 * (never changed: the entries cpl_builtin_lookup() gives). */
static CplDataset *
cpl_builtin_lookup_dataset (void)
{
  static CplDataset *shipped;

  if (g_once_init_enter (&shipped))
    g_once_init_leave (&shipped, builtin_dataset ());
  return shipped;
}

/* The built-in entry of @type with @id as the app ships it, or NULL. */
static CplEntity *
cpl_builtin_lookup (GType       type,
                    const char *id)
{
  return cpl_dataset_lookup (cpl_builtin_lookup_dataset (), type, id);
}

/**
 * cpl_builtin_notes_source:
 * @entity: a chip, scenario or sale line
 *
 * The built-in entry whose notes @entity has: the one with its id, or
 * else (a copy) one of its type with the same notes.  Its figures are
 * those the notes were written for.
 *
 * Returns: (transfer none) (nullable): the entry, or %NULL when @entity
 *   has no notes, or notes the built-in data does not have (its own)
 */
CplEntity *
cpl_builtin_notes_source (CplEntity *entity)
{
  CplText *notes = cpl_entity_get_notes (entity);
  CplEntity *same;

  g_return_val_if_fail (CPL_IS_ENTITY (entity), NULL);
  if (notes == NULL)
    return NULL;
  same = cpl_builtin_lookup (G_OBJECT_TYPE (entity), cpl_entity_get_id (entity));
  if (same != NULL && cpl_entity_get_notes (same) != NULL && cpl_text_equal (notes, cpl_entity_get_notes (same)))
    return same;
  for (guint i = 0; i < G_N_ELEMENTS (lists); i++)
    {
      GListModel *list = lists[i].get (cpl_builtin_lookup_dataset ());

      if (g_list_model_get_item_type (list) != G_OBJECT_TYPE (entity))
        continue;
      for (guint j = 0; j < g_list_model_get_n_items (list); j++)
        {
          g_autoptr(CplEntity) other = g_list_model_get_item (list, j);

          if (cpl_entity_get_notes (other) != NULL && cpl_text_equal (notes, cpl_entity_get_notes (other)))
            return other;  /* the shipped dataset keeps it */
        }
    }
  return NULL;
}

/**
 * cpl_builtin_get_version:
 *
 * Returns: the version of the app's built-in dataset (an ISO date, with
 *   ".2" and so on for a second change on one day, which sorts as text
 *   after the date alone), or "" if it has none
 */
const char *
cpl_builtin_get_version (void)
{
  static char *version;
  static gsize once;

  if (g_once_init_enter (&once))
    {
      g_autoptr(CplDataset) builtin = builtin_dataset ();
      JsonNode *node = cpl_dataset_get_extra_member (builtin, VERSION_KEY);
      const char *value = node != NULL && JSON_NODE_HOLDS_VALUE (node) ? json_node_get_string (node) : NULL;

      version = g_strdup (value != NULL ? value : "");
      g_once_init_leave (&once, 1);
    }
  return version;
}

/**
 * cpl_builtin_fingerprint:
 *
 * Returns: (transfer full): the SHA-256 of the entry as a file holds it
 */
char *
cpl_builtin_fingerprint (CplEntity *entity)
{
  g_autoptr(JsonNode) node = json_node_new (JSON_NODE_OBJECT);
  gsize length;
  g_autofree char *text = NULL;

  json_node_take_object (node, cpl_entity_to_json (entity));
  text = cpl_json_to_text (node, &length);
  return g_compute_checksum_for_string (G_CHECKSUM_SHA256, text, length);
}

/* Members added to the file format after files with fingerprints were
 * first saved, with the value an entry written before had in effect.  An
 * entry saved then has no such member, so its recorded fingerprint is the
 * one of its JSON without them (see fingerprint_matches()). */
static const struct {
  const char *list;
  const char *member;
  double      value;
} later_members[] = {
  { "scenarios", "capacity_spill", 1 },     /* MODEL §5 step 6 */
  { "scenarios", "seed", 1 },               /* MODEL §6 */
};

/* Whether @recorded is @entity's fingerprint now, or as a file saved
 * before the later members existed recorded it: with those of them that
 * hold their old value left out. */
static gboolean
fingerprint_matches (CplEntity  *entity,
                     const char *list_key,
                     const char *recorded,
                     const char *now)
{
  g_autoptr(JsonNode) node = NULL;
  JsonObject *object;
  gboolean dropped = FALSE;
  gsize length;
  g_autofree char *text = NULL;
  g_autofree char *before = NULL;

  if (g_str_equal (now, recorded))
    return TRUE;

  object = cpl_entity_to_json (entity);
  node = json_node_new (JSON_NODE_OBJECT);
  json_node_take_object (node, object);
  for (guint i = 0; i < G_N_ELEMENTS (later_members); i++)
    {
      JsonNode *member;

      if (!g_str_equal (later_members[i].list, list_key))
        continue;
      member = json_object_get_member (object, later_members[i].member);
      if (member != NULL && JSON_NODE_HOLDS_VALUE (member) &&
          json_node_get_double (member) == later_members[i].value)
        {
          json_object_remove_member (object, later_members[i].member);
          dropped = TRUE;
        }
    }
  if (!dropped)
    return FALSE;
  text = cpl_json_to_text (node, &length);
  before = g_compute_checksum_for_string (G_CHECKSUM_SHA256, text, length);
  return g_str_equal (before, recorded);
}

static CplEntity *
lookup_same (CplDataset *dataset,
             CplEntity  *entity)
{
  return cpl_dataset_lookup (dataset, G_OBJECT_TYPE (entity), cpl_entity_get_id (entity));
}

/**
 * cpl_builtin_to_file_data:
 *
 * Returns: (transfer full): the dataset as a saved file holds it: every
 *   entry, the version of the built-in data it was made from, and the
 *   fingerprints of the entries that are the built-in ones
 */
char *
cpl_builtin_to_file_data (CplDataset *dataset,
                          gsize      *length)
{
  g_autofree char *data = cpl_dataset_to_data (dataset, NULL);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(CplDataset) builtin = builtin_dataset ();
  JsonObject *root;
  JsonObject *entries = json_object_new ();

  /* what the dataset just wrote, it reads */
  if (!json_parser_load_from_data (parser, data, -1, NULL))
    g_assert_not_reached ();
  root = json_node_get_object (json_parser_get_root (parser));

  for (guint i = 0; i < G_N_ELEMENTS (lists); i++)
    {
      GListModel *model = lists[i].get (dataset);
      JsonObject *list = json_object_new ();

      for (guint j = 0; j < g_list_model_get_n_items (model); j++)
        {
          g_autoptr(CplEntity) entity = g_list_model_get_item (model, j);
          CplEntity *same = lookup_same (builtin, entity);
          g_autofree char *mine = NULL;
          g_autofree char *theirs = NULL;

          if (same == NULL)
            continue;
          mine = cpl_builtin_fingerprint (entity);
          theirs = cpl_builtin_fingerprint (same);
          if (g_str_equal (mine, theirs))
            json_object_set_string_member (list, cpl_entity_get_id (entity), mine);
        }
      json_object_set_object_member (entries, lists[i].key, list);
    }
  /* the built-in dataset's own version is not the file's */
  json_object_remove_member (root, VERSION_KEY);
  json_object_set_string_member (root, MADE_FROM_KEY, cpl_builtin_get_version ());
  json_object_set_object_member (root, ENTRIES_KEY, entries);
  return cpl_json_to_text (json_parser_get_root (parser), length);
}

/**
 * cpl_builtin_get_made_from:
 *
 * Returns: (nullable): the built-in version the dataset's file was made
 *   from, or %NULL when it does not say
 */
const char *
cpl_builtin_get_made_from (CplDataset *dataset)
{
  JsonNode *node = cpl_dataset_get_extra_member (dataset, MADE_FROM_KEY);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  return json_node_get_string (node);
}

/* The fingerprint the file recorded for @entity, or NULL. */
static const char *
recorded_fingerprint (CplDataset *dataset,
                      const char *list_key,
                      CplEntity  *entity)
{
  JsonNode *entries = cpl_dataset_get_extra_member (dataset, ENTRIES_KEY);
  JsonNode *list;
  JsonNode *value;

  if (entries == NULL || !JSON_NODE_HOLDS_OBJECT (entries))
    return NULL;
  list = json_object_get_member (json_node_get_object (entries), list_key);
  if (list == NULL || !JSON_NODE_HOLDS_OBJECT (list))
    return NULL;
  value = json_object_get_member (json_node_get_object (list), cpl_entity_get_id (entity));
  if (value == NULL || !JSON_NODE_HOLDS_VALUE (value) || json_node_get_value_type (value) != G_TYPE_STRING)
    return NULL;
  return json_node_get_string (value);
}

/* Whether the dataset's file was made from a known, older version. */
static gboolean
made_from_older (CplDataset *dataset)
{
  const char *made_from = cpl_builtin_get_made_from (dataset);

  return made_from != NULL && g_strcmp0 (made_from, cpl_builtin_get_version ()) < 0;
}

/* Pairs (entry, new built-in entry) that can be updated. */
static GPtrArray *
find_updates (CplDataset *dataset,
              CplDataset *builtin)
{
  GPtrArray *updates = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < G_N_ELEMENTS (lists); i++)
    {
      GListModel *model = lists[i].get (dataset);

      for (guint j = 0; j < g_list_model_get_n_items (model); j++)
        {
          g_autoptr(CplEntity) entity = g_list_model_get_item (model, j);
          const char *recorded = recorded_fingerprint (dataset, lists[i].key, entity);
          CplEntity *same = lookup_same (builtin, entity);
          g_autofree char *now = NULL;
          g_autofree char *theirs = NULL;

          if (recorded == NULL || same == NULL)
            continue;
          now = cpl_builtin_fingerprint (entity);
          theirs = cpl_builtin_fingerprint (same);
          /* unchanged by the user, changed in the built-in data */
          if (fingerprint_matches (entity, lists[i].key, recorded, now) && !g_str_equal (now, theirs))
            {
              g_ptr_array_add (updates, g_object_ref (entity));
              g_ptr_array_add (updates, g_object_ref (same));
            }
        }
    }
  return updates;
}

/**
 * cpl_builtin_find_updates:
 *
 * The entries of a dataset whose file was made from older built-in data
 * that the user has not changed since and that the app's built-in data
 * has changed.
 *
 * Returns: (transfer full) (element-type CplEntity): the entries, in list
 *   order; empty when there is nothing to update
 */
GPtrArray *
cpl_builtin_find_updates (CplDataset *dataset)
{
  g_autoptr(CplDataset) builtin = NULL;
  g_autoptr(GPtrArray) pairs = NULL;
  GPtrArray *entities = g_ptr_array_new_with_free_func (g_object_unref);

  g_return_val_if_fail (CPL_IS_DATASET (dataset), entities);

  if (!made_from_older (dataset))
    return entities;
  builtin = builtin_dataset ();
  pairs = find_updates (dataset, builtin);
  for (guint i = 0; i < pairs->len; i += 2)
    g_ptr_array_add (entities, g_object_ref (g_ptr_array_index (pairs, i)));
  return entities;
}

/**
 * cpl_builtin_apply_updates:
 * @history: the dataset's history: the update is one step of it
 *
 * Replaces each entry cpl_builtin_find_updates() finds with the app's
 * built-in one, in place, as one undoable step.
 *
 * Returns: how many entries were updated
 */
guint
cpl_builtin_apply_updates (CplDataset *dataset,
                           CplHistory *history)
{
  g_autoptr(CplDataset) builtin = NULL;
  g_autoptr(GPtrArray) pairs = NULL;

  g_return_val_if_fail (CPL_IS_DATASET (dataset), 0);
  g_return_val_if_fail (CPL_IS_HISTORY (history), 0);

  if (!made_from_older (dataset))
    return 0;
  builtin = builtin_dataset ();
  pairs = find_updates (dataset, builtin);
  if (pairs->len == 0)
    return 0;
  /* one step, whatever was being typed a step of its own */
  cpl_history_begin_group (history);
  for (guint i = 0; i < pairs->len; i += 2)
    {
      CplEntity *old = g_ptr_array_index (pairs, i);
      CplEntity *fresh = g_ptr_array_index (pairs, i + 1);
      guint position = cpl_dataset_position (dataset, old);

      /* the built-in dataset is thrown away: the entry moves over */
      cpl_dataset_remove (builtin, fresh);
      cpl_dataset_remove (dataset, old);
      cpl_dataset_insert (dataset, position, fresh);
    }
  cpl_history_end_group (history);
  return pairs->len / 2;
}
