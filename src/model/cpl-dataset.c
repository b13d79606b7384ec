/* cpl-dataset.c: everything a user works with, as list models
 *
 * Loading reads the whole file into a staging document, lays it over the
 * base (the built-in dataset, or nothing), checks every reference, and only
 * then swaps the lists' contents.  A file that fails anywhere leaves what
 * was loaded before exactly as it was.
 */
#define G_LOG_DOMAIN "cpl-dataset"
#define _GNU_SOURCE  /* SCHED_IDLE */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>
#ifdef __linux__
#include <sched.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>
#endif

#include "cpl-compute.h"
#include "cpl-dataset.h"
#include "cpl-dataset-private.h"
#include "cpl-epoch.h"
#include "cpl-file.h"
#include "cpl-json-private.h"
#include "cpl-data-resources.h"

#define BUILTIN_RESOURCE RESOURCE_BASE "/data/builtin-dataset.json"
#define BUILTIN_NAME     "built-in dataset"

typedef enum {
  LIST_VENDORS,
  LIST_CHIPS,
  LIST_RULES,
  LIST_SCENARIOS,
  LIST_REVENUE_CASES,
  N_LISTS
} ListKind;

static const char * const list_keys[N_LISTS] = {
  "vendors", "chips", "rules", "scenarios", "revenue_cases"
};

static GType
list_type (ListKind kind)
{
  switch (kind)
    {
    case LIST_VENDORS:       return CPL_TYPE_VENDOR;
    case LIST_CHIPS:         return CPL_TYPE_CHIP;
    case LIST_RULES:         return CPL_TYPE_RULE;
    case LIST_SCENARIOS:     return CPL_TYPE_SCENARIO;
    case LIST_REVENUE_CASES: return CPL_TYPE_REVENUE_CASE;
    case N_LISTS:
    default:                 g_assert_not_reached ();
    }
}

struct _CplDataset
{
  GObject     parent_instance;
  GListStore *lists[N_LISTS];
  JsonObject *extra;   /* top-level members the model does not know */
  /* Each list's ids, looked up instead of scanning the list: id (a copy)
   * → the first entry of the list with that id.  Kept in step by insert
   * and remove, dropped (and rebuilt at the next lookup) when the list is
   * replaced, an entry changes its id, or the list holds an id twice. */
  GHashTable *index[N_LISTS];
  gboolean    index_duplicates[N_LISTS];
  gboolean    mutating;     /* the dataset itself is changing a list */
  gboolean    prepared;     /* by cpl_dataset_prepare_take(): its entries unwatched, its
                             * lists indexed */
  /* scenario → its CplProjection, as long as nothing changes: the load's
   * check projects every scenario, and the report reuses that */
  GHashTable *projections;
};

G_DEFINE_FINAL_TYPE (CplDataset, cpl_dataset, G_TYPE_OBJECT)

enum {
  ENTRY_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* A file as read, before it is laid over anything. */
typedef struct {
  GPtrArray  *lists[N_LISTS];
  JsonObject *extra;
  gboolean    adds_only;  /* an Epoch CSV adds chips and vendors, never replaces */
  GHashTable *index[N_LISTS];  /* id → entity, built by document_lookup */
  /* a dataset's index of these entries, as cpl_dataset_index() makes it,
   * from a dataset prepared to be taken; NULL: rebuilt after the commit */
  GHashTable *taken_index[N_LISTS];
  gboolean    taken_duplicates[N_LISTS];
  GHashTable *projections;     /* scenario → CplProjection, made by document_validate */
  CplLoadMonitor *monitor;     /* (nullable) a load in a thread: progress, cancel */
  guint       n_entries;       /* the file's entries, for the monitor */
  guint       n_built;
} Document;

/* The monitor's stages, in thousandths of a whole load: the file read,
 * then parsed, then its entries built, then its scenarios checked. */
#define PERMILLE_READ   50
#define PERMILLE_PARSED 600
#define PERMILLE_BUILT  850

/* Tells @monitor that @done of @total steps between @from and @to are
 * done; FALSE (with the error set) once the load is cancelled. */
static gboolean
monitor_at (CplLoadMonitor *monitor,
            int             from,
            int             to,
            guint           done,
            guint           total,
            GError        **error)
{
  if (monitor == NULL)
    return TRUE;
  g_atomic_int_set (&monitor->permille,
                    from + (total > 0 ? (int) ((gint64) (to - from) * MIN (done, total) / total) : 0));
  return !g_cancellable_set_error_if_cancelled (monitor->cancellable, error);
}

static void
document_clear (Document *doc)
{
  for (guint i = 0; i < N_LISTS; i++)
    {
      g_clear_pointer (&doc->lists[i], g_ptr_array_unref);
      g_clear_pointer (&doc->index[i], g_hash_table_unref);
      g_clear_pointer (&doc->taken_index[i], g_hash_table_unref);
    }
  g_clear_pointer (&doc->extra, json_object_unref);
  g_clear_pointer (&doc->projections, g_hash_table_unref);
}

static void
document_init (Document *doc)
{
  memset (doc, 0, sizeof *doc);
  for (guint i = 0; i < N_LISTS; i++)
    doc->lists[i] = g_ptr_array_new_with_free_func (g_object_unref);
  doc->extra = json_object_new ();
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Document, document_clear)

static void
cpl_dataset_finalize (GObject *object)
{
  CplDataset *self = CPL_DATASET (object);

  for (guint i = 0; i < N_LISTS; i++)
    {
      guint n = g_list_model_get_n_items (G_LIST_MODEL (self->lists[i]));

      for (guint j = 0; j < n; j++)
        {
          g_autoptr(GObject) item = g_list_model_get_item (G_LIST_MODEL (self->lists[i]), j);
          g_signal_handlers_disconnect_by_data (item, self);
        }
      g_signal_handlers_disconnect_by_data (self->lists[i], self);
      g_clear_object (&self->lists[i]);
      g_clear_pointer (&self->index[i], g_hash_table_unref);
    }
  g_clear_pointer (&self->extra, json_object_unref);
  g_clear_pointer (&self->projections, g_hash_table_unref);
  G_OBJECT_CLASS (cpl_dataset_parent_class)->finalize (object);
}

static void
cpl_dataset_class_init (CplDatasetClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = cpl_dataset_finalize;

  /**
   * CplDataset::entry-changed:
   * @entity: the edited entry
   *
   * Emitted when any entry of any list is edited.  Additions and removals
   * are the lists' own GListModel::items-changed.
   */
  signals[ENTRY_CHANGED] =
    g_signal_new ("entry-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, CPL_TYPE_ENTITY);
}

/* scenario (not referenced: it is in the list while it is here) → its
 * projection */
static GHashTable *
projection_table_new (void)
{
  return g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) cpl_projection_unref);
}

static void
cpl_dataset_forget_projections (CplDataset *self)
{
  if (self->projections != NULL)
    g_hash_table_remove_all (self->projections);
}

/* The index is rebuilt at the next lookup. */
static void
cpl_dataset_forget_index (CplDataset *self,
                          ListKind    kind)
{
  g_clear_pointer (&self->index[kind], g_hash_table_unref);
}

/* Any change to a list changes what a projection sees; a change the
 * dataset did not make itself leaves the index behind. */
static void
on_list_changed (GListModel *list,
                 guint       position,
                 guint       removed,
                 guint       added,
                 CplDataset *self)
{
  cpl_dataset_forget_projections (self);
  if (!self->mutating)
    for (guint kind = 0; kind < N_LISTS; kind++)
      if (list == G_LIST_MODEL (self->lists[kind]))
        cpl_dataset_forget_index (self, kind);
}

static void
cpl_dataset_init (CplDataset *self)
{
  for (guint i = 0; i < N_LISTS; i++)
    {
      self->lists[i] = g_list_store_new (list_type (i));
      g_signal_connect (self->lists[i], "items-changed", G_CALLBACK (on_list_changed), self);
    }
  self->extra = json_object_new ();
  self->projections = projection_table_new ();
}

CplDataset *
cpl_dataset_new (void)
{
  return g_object_new (CPL_TYPE_DATASET, NULL);
}

GBytes *
cpl_dataset_get_builtin_bytes (void)
{
  static gsize registered;
  g_autoptr(GError) error = NULL;
  GBytes *bytes;

  /* The static library's resources are not pulled in by the linker's
   * constructor magic; register them by hand, once. */
  if (g_once_init_enter (&registered))
    {
      g_resources_register (cpl_data_get_resource ());
      g_once_init_leave (&registered, 1);
    }
  bytes = g_resources_lookup_data (BUILTIN_RESOURCE, G_RESOURCE_LOOKUP_FLAGS_NONE, &error);
  /* The dataset is compiled in; not finding it is a build error. */
  g_assert_no_error (error);
  return bytes;
}

/**
 * cpl_dataset_new_builtin:
 *
 * Returns: (transfer full): the dataset compiled into the program.
 */
CplDataset *
cpl_dataset_new_builtin (GError **error)
{
  g_autoptr(CplDataset) self = cpl_dataset_new ();
  g_autoptr(GBytes) bytes = cpl_dataset_get_builtin_bytes ();

  if (!cpl_dataset_load_bytes (self, bytes, BUILTIN_NAME, CPL_LOAD_ALONE, error))
    return NULL;
  return g_steal_pointer (&self);
}

static ListKind
list_kind_for_type (GType type)
{
  for (guint i = 0; i < N_LISTS; i++)
    if (g_type_is_a (type, list_type (i)))
      return i;
  g_return_val_if_reached (N_LISTS);
}

static GListStore *
cpl_dataset_list_for_type (CplDataset *self,
                           GType       type)
{
  ListKind kind = list_kind_for_type (type);

  return kind < N_LISTS ? self->lists[kind] : NULL;
}

GListModel *
cpl_dataset_get_vendors (CplDataset *self)
{
  g_return_val_if_fail (CPL_IS_DATASET (self), NULL);
  return G_LIST_MODEL (self->lists[LIST_VENDORS]);
}

GListModel *
cpl_dataset_get_chips (CplDataset *self)
{
  g_return_val_if_fail (CPL_IS_DATASET (self), NULL);
  return G_LIST_MODEL (self->lists[LIST_CHIPS]);
}

GListModel *
cpl_dataset_get_rules (CplDataset *self)
{
  g_return_val_if_fail (CPL_IS_DATASET (self), NULL);
  return G_LIST_MODEL (self->lists[LIST_RULES]);
}

GListModel *
cpl_dataset_get_scenarios (CplDataset *self)
{
  g_return_val_if_fail (CPL_IS_DATASET (self), NULL);
  return G_LIST_MODEL (self->lists[LIST_SCENARIOS]);
}

GListModel *
cpl_dataset_get_revenue_cases (CplDataset *self)
{
  g_return_val_if_fail (CPL_IS_DATASET (self), NULL);
  return G_LIST_MODEL (self->lists[LIST_REVENUE_CASES]);
}

/* The index of @kind, built from the list when it was dropped: one pass,
 * the first entry of an id winning, as a scan of the list would find it. */
static GHashTable *
cpl_dataset_index (CplDataset *self,
                   ListKind    kind)
{
  GListModel *model = G_LIST_MODEL (self->lists[kind]);
  guint n;

  if (self->index[kind] != NULL)
    return self->index[kind];
  n = g_list_model_get_n_items (model);
  self->index[kind] = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->index_duplicates[kind] = FALSE;
  for (guint i = 0; i < n; i++)
    {
      CplEntity *entity = g_list_model_get_item (model, i);
      const char *id = cpl_entity_get_id (entity);

      /* The store keeps its own reference. */
      g_object_unref (entity);
      if (id == NULL)
        continue;
      if (g_hash_table_contains (self->index[kind], id))
        self->index_duplicates[kind] = TRUE;
      else
        g_hash_table_insert (self->index[kind], g_strdup (id), entity);
    }
  return self->index[kind];
}

static CplEntity *
cpl_dataset_find (CplDataset *self,
                  ListKind    kind,
                  const char *id)
{
  CplEntity *entity;

  if (id == NULL)
    return NULL;
  entity = g_hash_table_lookup (cpl_dataset_index (self, kind), id);
  /* an id changed with its notification held back (g_object_freeze_notify):
   * the index has not heard of it yet */
  if (entity != NULL && g_strcmp0 (cpl_entity_get_id (entity), id) != 0)
    {
      cpl_dataset_forget_index (self, kind);
      entity = g_hash_table_lookup (cpl_dataset_index (self, kind), id);
    }
  return entity;
}

/* Puts @entity, about to enter its list, into the index. */
static void
cpl_dataset_index_add (CplDataset *self,
                       ListKind    kind,
                       CplEntity  *entity)
{
  const char *id = cpl_entity_get_id (entity);

  if (self->index[kind] != NULL && id != NULL)
    g_hash_table_insert (self->index[kind], g_strdup (id), entity);
}

/* Takes @entity, about to leave its list, out of the index. */
static void
cpl_dataset_index_remove (CplDataset *self,
                          ListKind    kind,
                          CplEntity  *entity)
{
  const char *id = cpl_entity_get_id (entity);

  if (self->index[kind] == NULL)
    return;
  /* another entry with the same id takes its place: rebuild */
  if (self->index_duplicates[kind] || id == NULL ||
      g_hash_table_lookup (self->index[kind], id) != entity)
    cpl_dataset_forget_index (self, kind);
  else
    g_hash_table_remove (self->index[kind], id);
}

/* Returns: (transfer none) (nullable): the entry of @type with @id. */
CplEntity *
cpl_dataset_lookup (CplDataset *self,
                    GType       type,
                    const char *id)
{
  ListKind kind;

  g_return_val_if_fail (CPL_IS_DATASET (self), NULL);
  kind = list_kind_for_type (type);
  g_return_val_if_fail (kind < N_LISTS, NULL);
  return cpl_dataset_find (self, kind, id);
}

CplVendor *
cpl_dataset_lookup_vendor (CplDataset *self,
                           const char *id)
{
  return (CplVendor *) cpl_dataset_lookup (self, CPL_TYPE_VENDOR, id);
}

CplChip *
cpl_dataset_lookup_chip (CplDataset *self,
                         const char *id)
{
  return (CplChip *) cpl_dataset_lookup (self, CPL_TYPE_CHIP, id);
}

/**
 * cpl_dataset_chip_matches:
 * @search: what a search typed, %NULL or empty: anything
 *
 * Whether a search for @search (around its spaces) finds @chip, as every
 * chip search in the application does: its name or its maker's in any of their languages
 * ("nvidia" finds 英伟达's chips in a Chinese interface, "昇腾" finds the
 * Ascend in an English one), or its id, ignoring case.  A maker the
 * dataset lacks goes by its id, as the tables show it.
 */
gboolean
cpl_dataset_chip_matches (CplDataset *self,
                          CplChip    *chip,
                          const char *search)
{
  CplVendor *maker;
  g_autoptr(CplText) id = NULL;
  g_autofree char *stripped = NULL;

  g_return_val_if_fail (CPL_IS_DATASET (self), FALSE);
  g_return_val_if_fail (CPL_IS_CHIP (chip), FALSE);

  if (search == NULL)
    return TRUE;
  search = stripped = g_strstrip (g_strdup (search));
  if (*search == '\0' || cpl_text_contains (cpl_entity_get_name_text (CPL_ENTITY (chip)), search))
    return TRUE;
  id = cpl_text_new (cpl_entity_get_id (CPL_ENTITY (chip)));
  if (cpl_text_contains (id, search))
    return TRUE;
  if (cpl_chip_get_vendor_id (chip) == NULL)
    return FALSE;
  maker = cpl_dataset_lookup_vendor (self, cpl_chip_get_vendor_id (chip));
  if (maker != NULL)
    return cpl_text_contains (cpl_entity_get_name_text (CPL_ENTITY (maker)), search);
  g_clear_pointer (&id, cpl_text_unref);
  id = cpl_text_new (cpl_chip_get_vendor_id (chip));
  return cpl_text_contains (id, search);
}

static void
on_entry_changed (CplEntity  *entity,
                  CplDataset *self)
{
  ListKind kind = list_kind_for_type (G_OBJECT_TYPE (entity));
  const char *id = cpl_entity_get_id (entity);

  /* a new id (an edit, or an undo that puts the old one back) */
  if (self->index[kind] != NULL &&
      (id == NULL || g_hash_table_lookup (self->index[kind], id) != entity))
    cpl_dataset_forget_index (self, kind);
  /* a scenario's projection depends on it and on the chips, vendors and
   * rules, never on another scenario: the others' stay */
  if (kind == LIST_SCENARIOS)
    g_hash_table_remove (self->projections, entity);
  else
    cpl_dataset_forget_projections (self);
  g_signal_emit (self, signals[ENTRY_CHANGED], 0, entity);
}

/* Every way out of the dataset (remove, reload, finalize) disconnects
 * this by data.  Not g_signal_connect_object(): it adds a closure watch
 * to the dataset per entry, a realloc of one growing array each time
 * (quadratic in the number of entries). */
static void
cpl_dataset_watch (CplDataset *self,
                   CplEntity  *entity)
{
  /* a dataset prepared to be taken hears none of its entries: the one
   * that takes them will */
  if (!self->prepared)
    g_signal_connect (entity, "changed", G_CALLBACK (on_entry_changed), self);
}

gboolean
cpl_dataset_append (CplDataset *self,
                    CplEntity  *entity)
{
  return cpl_dataset_insert (self, G_MAXUINT, entity);
}

/**
 * cpl_dataset_insert:
 * @position: where in its list (G_MAXUINT: at the end), e.g. back where it
 *   was when a deletion is undone
 *
 * Puts @entity into its list.  Ids are unique within a list, and a saved
 * file with one id twice would not open again: inserting an entry whose id
 * the list already has (or the very entry twice) is a programming error,
 * refused with a critical.  Make ids with cpl_dataset_new_id(), or look
 * the id up first.
 *
 * Returns: whether @entity was inserted.
 */
gboolean
cpl_dataset_insert (CplDataset *self,
                    guint       position,
                    CplEntity  *entity)
{
  GListStore *store;
  ListKind kind;

  g_return_val_if_fail (CPL_IS_DATASET (self), FALSE);
  g_return_val_if_fail (CPL_IS_ENTITY (entity), FALSE);

  kind = list_kind_for_type (G_OBJECT_TYPE (entity));
  g_return_val_if_fail (kind < N_LISTS, FALSE);
  store = self->lists[kind];
  if (cpl_dataset_find (self, kind, cpl_entity_get_id (entity)) != NULL)
    {
      g_critical ("%s: the dataset already has an entry with the id \"%s\"; ids are unique "
                  "within a list", G_STRFUNC, cpl_entity_get_id (entity));
      return FALSE;
    }
  cpl_dataset_watch (self, entity);
  /* in the index before the list tells anyone, who may look it up */
  cpl_dataset_index_add (self, kind, entity);
  self->mutating = TRUE;
  g_list_store_insert (store, MIN (position, g_list_model_get_n_items (G_LIST_MODEL (store))), entity);
  self->mutating = FALSE;
  return TRUE;
}

/**
 * cpl_dataset_new_id:
 * @base: what the id is made from (a name); "" gives "new"
 *
 * Returns: (transfer full): an id made from @base that no entry of @type
 *   has yet: "h200-sale", then "h200-sale-2", …
 */
char *
cpl_dataset_new_id (CplDataset *self,
                    GType       type,
                    const char *base)
{
  g_autofree char *stem = cpl_id_from_name (base && *base ? base : "new");
  char *id = g_strdup (stem);

  for (guint n = 2; cpl_dataset_lookup (self, type, id) != NULL; n++)
    {
      g_free (id);
      id = g_strdup_printf ("%s-%u", stem, n);
    }
  return id;
}

/* Returns: where @entity stands in its list, or G_MAXUINT. */
guint
cpl_dataset_position (CplDataset *self,
                      CplEntity  *entity)
{
  guint position;

  g_return_val_if_fail (CPL_IS_DATASET (self), G_MAXUINT);
  if (entity == NULL ||
      !g_list_store_find (cpl_dataset_list_for_type (self, G_OBJECT_TYPE (entity)), entity, &position))
    return G_MAXUINT;
  return position;
}

gboolean
cpl_dataset_remove (CplDataset *self,
                    CplEntity  *entity)
{
  GListStore *store;
  ListKind kind;
  guint position;

  g_return_val_if_fail (CPL_IS_DATASET (self), FALSE);
  g_return_val_if_fail (CPL_IS_ENTITY (entity), FALSE);
  kind = list_kind_for_type (G_OBJECT_TYPE (entity));
  g_return_val_if_fail (kind < N_LISTS, FALSE);
  store = self->lists[kind];
  if (!g_list_store_find (store, entity, &position))
    return FALSE;
  g_signal_handlers_disconnect_by_data (entity, self);
  cpl_dataset_index_remove (self, kind, entity);
  self->mutating = TRUE;
  g_list_store_remove (store, position);
  self->mutating = FALSE;
  return TRUE;
}

/**
 * cpl_dataset_get_projection:
 * @scenario: a scenario of the dataset (or any other, which is projected
 *   and not kept)
 *
 * cpl_projection_compute() of @scenario, kept until any entry or list of
 * the dataset changes: a dataset just loaded already has every scenario's
 * projection, from checking it.
 *
 * Returns: (transfer full) (nullable): the projection, or %NULL with
 *   @error as cpl_projection_compute() sets it
 */
CplProjection *
cpl_dataset_get_projection (CplDataset   *self,
                            CplScenario  *scenario,
                            GError      **error)
{
  CplProjection *projection;

  g_return_val_if_fail (CPL_IS_DATASET (self), NULL);
  g_return_val_if_fail (CPL_IS_SCENARIO (scenario), NULL);

  projection = g_hash_table_lookup (self->projections, scenario);
  if (projection != NULL)
    return cpl_projection_ref (projection);
  projection = cpl_projection_compute (scenario, self, error);
  if (projection != NULL &&
      cpl_dataset_find (self, LIST_SCENARIOS, cpl_entity_get_id (CPL_ENTITY (scenario))) == CPL_ENTITY (scenario))
    g_hash_table_insert (self->projections, scenario, cpl_projection_ref (projection));
  return projection;
}

/* Reading ----------------------------------------------------------------- */

static void
offset_to_line_column (const char *data,
                       gsize       offset,
                       guint      *line,
                       guint      *column)
{
  *line = 1;
  *column = 1;
  for (gsize i = 0; i < offset; i++)
    {
      if (data[i] == '\n')
        {
          (*line)++;
          *column = 1;
        }
      else if (((guchar) data[i] & 0xC0) != 0x80)
        (*column)++;
    }
}

G_GNUC_PRINTF (6, 7) static gboolean
fail_at_offset (const char      *data,
                gsize            offset,
                const char      *name,
                GError         **error,
                CplDatasetError  code,
                const char      *format,
                ...)
{
  g_autofree char *what = NULL;
  guint line, column;
  va_list args;

  va_start (args, format);
  what = g_strdup_vprintf (format, args);
  va_end (args);
  offset_to_line_column (data, offset, &line, &column);
  g_set_error (error, CPL_DATASET_ERROR, code, "%s:%u:%u: %s", name, line, column, what);
  return FALSE;
}

/* A key of an object, where the text gives it. */
typedef struct {
  gsize  start, end;  /* the offsets of its quotes */
  char  *decoded;     /* with escapes: as json-glib reads it; NULL: its bytes as they are */
} ScanKey;

/* Objects with more keys than this look a key up in a hash table;
 * smaller ones (an entry: a chip has 17 keys, a scenario 24) compare the
 * text in place.  At 16 every chip of a large file made a hash table:
 * half of the structure check's time. */
#define SCAN_KEYS_LISTED 32

/* What the pre-scan knows of one open array or object. */
typedef struct {
  char        open;      /* '[' or '{' */
  guint       index;     /* array: the element's index */
  gboolean    want_key;  /* object: the next string is a key */
  int         key;       /* object: the index in @keys of the member being read's key, or -1 */
  GArray     *keys;      /* object: ScanKey, each key given so far */
  GHashTable *key_set;   /* object of many keys: key → 1 + the offset of its first use */
} ScanLevel;

/* Where a list of the top-level object lies in the text: what a load
 * needs to parse its parts in parallel. */
typedef struct {
  gboolean  found;
  gboolean  closed;        /* by a ']' (a '}' or the end of the text is json-glib's error) */
  gboolean  has_elements;  /* anything between its brackets */
  gsize     open, close;   /* offsets of its '[' and ']' */
  GArray   *commas;        /* gsize: offsets of the commas between its elements */
} ListSpan;

typedef struct {
  ListSpan  spans[N_LISTS];
} Layout;

typedef struct {
  const char *data;
  gsize       length;
  const char *name;
  guint       depth;
  ScanLevel   levels[CPL_MAX_JSON_DEPTH];
  Layout     *layout;      /* (nullable) filled in as the scan goes */
  int         recording;   /* the ListKind whose elements the scan is in, or -1 */
} Scan;

static void
layout_clear (Layout *layout)
{
  for (guint kind = 0; kind < N_LISTS; kind++)
    g_clear_pointer (&layout->spans[kind].commas, g_array_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Layout, layout_clear)

static char *decode_key (const char *data,
                         gsize       start,
                         gsize       end);

static void
scan_key_clear (ScanKey *key)
{
  g_clear_pointer (&key->decoded, g_free);
}

/* @key as json-glib reads it (transfer full). */
static char *
scan_key_text (const Scan    *scan,
               const ScanKey *key)
{
  if (key->decoded != NULL)
    return g_strdup (key->decoded);
  return g_strndup (scan->data + key->start + 1, key->end - key->start - 1);
}

static gboolean
scan_key_equal (const Scan    *scan,
                const ScanKey *a,
                const ScanKey *b)
{
  const char *a_text = a->decoded ? a->decoded : scan->data + a->start + 1;
  const char *b_text = b->decoded ? b->decoded : scan->data + b->start + 1;
  gsize a_length = a->decoded ? strlen (a->decoded) : a->end - a->start - 1;
  gsize b_length = b->decoded ? strlen (b->decoded) : b->end - b->start - 1;

  return a_length == b_length && memcmp (a_text, b_text, a_length) == 0;
}

/* The scan opens an array at @offset: one of the top-level object's
 * lists starts there when the member is one. */
static void
scan_note_open (Scan  *scan,
                gsize  offset)
{
  const ScanLevel *level = &scan->levels[0];
  g_autofree char *key = NULL;

  if (scan->layout == NULL || scan->depth != 1 || level->open != '{' || level->key < 0)
    return;
  key = scan_key_text (scan, &g_array_index (level->keys, ScanKey, level->key));
  for (int kind = 0; kind < N_LISTS; kind++)
    if (g_str_equal (key, list_keys[kind]))
      {
        ListSpan *span = &scan->layout->spans[kind];

        span->found = TRUE;
        span->open = offset;
        span->commas = g_array_new (FALSE, FALSE, sizeof (gsize));
        scan->recording = kind;
      }
}

static void
scan_clear (Scan *scan)
{
  for (guint d = 0; d < CPL_MAX_JSON_DEPTH; d++)
    {
      g_clear_pointer (&scan->levels[d].keys, g_array_unref);
      g_clear_pointer (&scan->levels[d].key_set, g_hash_table_unref);
    }
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Scan, scan_clear)

/* "chips[1].name": where the scan is, as the loader's messages say it. */
static char *
scan_path (Scan *scan)
{
  GString *path = g_string_new (NULL);

  for (guint d = 0; d < scan->depth; d++)
    {
      const ScanLevel *level = &scan->levels[d];

      if (level->open == '[')
        g_string_append_printf (path, "[%u]", level->index);
      else if (level->key >= 0)
        {
          g_autofree char *text = scan_key_text (scan, &g_array_index (level->keys, ScanKey, level->key));
          g_autofree char *key = cpl_message_escape (text, CPL_MESSAGE_MAX_CHARS);

          g_string_append_printf (path, "%s%s", path->len > 0 ? "." : "", key);
        }
    }
  if (path->len == 0)
    g_string_append (path, "top level");
  return g_string_free (path, FALSE);
}

/* A failure at @offset, inside the member or element scan_path() names. */
G_GNUC_PRINTF (5, 6) static gboolean
scan_fail (Scan            *scan,
           gsize            offset,
           GError         **error,
           CplDatasetError  code,
           const char      *format,
           ...)
{
  g_autofree char *what = NULL;
  g_autofree char *path = scan_path (scan);
  va_list args;

  va_start (args, format);
  what = g_strdup_vprintf (format, args);
  va_end (args);
  return fail_at_offset (scan->data, offset, scan->name, error, code, "%s: %s", path, what);
}

/* The code point of the escape \uXXXX at @i (the backslash), or -1. */
static int
read_u_escape (const char *data,
               gsize       length,
               gsize       i)
{
  int cp = 0;

  if (i + 6 > length || data[i] != '\\' || data[i + 1] != 'u')
    return -1;
  for (gsize j = i + 2; j < i + 6; j++)
    {
      if (!g_ascii_isxdigit (data[j]))
        return -1;
      cp = cp * 16 + g_ascii_xdigit_value (data[j]);
    }
  return cp;
}

/* The bytes the string (or key) starting with the quote at @start holds
 * once read; *@end is set to its closing quote (or @length).  An escape
 * json-glib 1.6 would read wrongly sets *@bad to its offset (else it stays
 * G_MAXSIZE): \u0000, which cuts the string there, and half a surrogate
 * pair, which it turns into bytes that are not UTF-8.  json-glib 1.6 also
 * reads 'single-quoted' strings, which have no escapes. */
static gsize
scan_string (const char *data,
             gsize       length,
             gsize       start,
             gsize      *end,
             gsize      *bad)
{
  char quote = data[start];
  gsize bytes = 0, i = start + 1;

  while (i < length && data[i] != quote)
    {
      if (quote == '"' && data[i] == '\\' && i + 1 < length)
        {
          int cp = read_u_escape (data, length, i);

          if (cp < 0)
            {
              /* \n, \", … or a malformed \u that json-glib refuses */
              bytes++;
              i += 2;
              continue;
            }
          if (cp >= 0xD800 && cp < 0xDC00)
            {
              int low = read_u_escape (data, length, i + 6);

              if (low >= 0xDC00 && low < 0xE000)
                {
                  bytes += 4;
                  i += 12;
                  continue;
                }
            }
          if ((cp == 0 || (cp >= 0xD800 && cp < 0xE000)) && *bad == G_MAXSIZE)
            *bad = i;
          bytes += cp < 0x80 ? 1 : cp < 0x800 ? 2 : 3;
          i += 6;
          continue;
        }
      bytes++;
      i++;
    }
  *end = i;
  return bytes;
}

/* The key whose quote is at @start and closing quote at @end, as
 * json-glib reads it. */
static char *
decode_key (const char *data,
            gsize       start,
            gsize       end)
{
  g_autoptr(JsonNode) node = NULL;
  g_autofree char *quoted = NULL;

  if (data[start] != '"' || memchr (data + start, '\\', end - start) == NULL)
    return g_strndup (data + start + 1, end - start - 1);
  quoted = g_strndup (data + start, end - start + 1);
  node = json_from_string (quoted, NULL);
  /* the escapes were checked; a malformed one fails json-glib's parse
   * later, with its own message */
  if (node == NULL || !cpl_json_node_is_string (node))
    return g_strndup (data + start + 1, end - start - 1);
  return g_strdup (json_node_get_string (node));
}

/* A key read in the object at the scan's depth: the member it opens is
 * where messages point, and a key given twice is refused (json-glib 1.6
 * would keep the last value silently). */
static gboolean
scan_key (Scan    *scan,
          gsize    start,
          gsize    end,
          GError **error)
{
  ScanLevel *level = &scan->levels[scan->depth - 1];
  ScanKey key = { start, end, NULL };
  gsize first = G_MAXSIZE;  /* where the key was given before */

  level->want_key = FALSE;
  /* most keys are plain text, compared where the file has them */
  if (scan->data[start] == '"' && memchr (scan->data + start, '\\', end - start) != NULL)
    key.decoded = decode_key (scan->data, start, end);
  if (level->keys == NULL)
    {
      level->keys = g_array_new (FALSE, FALSE, sizeof (ScanKey));
      g_array_set_clear_func (level->keys, (GDestroyNotify) scan_key_clear);
    }
  if (level->key_set != NULL)
    {
      g_autofree char *text = scan_key_text (scan, &key);
      gpointer value;

      if (g_hash_table_lookup_extended (level->key_set, text, NULL, &value))
        first = GPOINTER_TO_SIZE (value) - 1;
    }
  else
    for (guint i = 0; i < level->keys->len && first == G_MAXSIZE; i++)
      if (scan_key_equal (scan, &g_array_index (level->keys, ScanKey, i), &key))
        first = g_array_index (level->keys, ScanKey, i).start;
  g_array_append_val (level->keys, key);
  level->key = level->keys->len - 1;
  if (first != G_MAXSIZE)
    {
      g_autofree char *text = scan_key_text (scan, &key);
      g_autofree char *shown = cpl_message_escape (text, CPL_MESSAGE_MAX_CHARS);
      guint line, column;

      offset_to_line_column (scan->data, first, &line, &column);
      /* Translators: %1$s is a key of the file, %2$u:%3$u the line and
       * column where it was first given */
      return scan_fail (scan, start, error, CPL_DATASET_ERROR_DUPLICATE,
                        _("the key \"%1$s\" is given a second time in this object (first at "
                          "%2$u:%3$u); expected each key once"), shown, line, column);
    }
  /* a large object: its keys in a hash table from now on */
  if (level->key_set == NULL && level->keys->len > SCAN_KEYS_LISTED)
    {
      level->key_set = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      for (guint i = 0; i < level->keys->len; i++)
        {
          const ScanKey *given = &g_array_index (level->keys, ScanKey, i);

          g_hash_table_insert (level->key_set, scan_key_text (scan, given), GSIZE_TO_POINTER (given->start + 1));
        }
    }
  else if (level->key_set != NULL)
    g_hash_table_insert (level->key_set, scan_key_text (scan, &key), GSIZE_TO_POINTER (start + 1));
  return TRUE;
}

/* Checked before json-glib sees the text, with json-glib 1.6's own
 * lexical rules (it also skips C comments and reads 'strings' and hex
 * numbers, so a bracket or quote in those must count as it does):
 * - nesting, since its parser recurses and a file of 100,000 '[' must be
 *   refused, not overflow the stack;
 * - strings and keys of more than CPL_MAX_STRING_LENGTH bytes;
 * - arrays of more than CPL_MAX_ARRAY_LENGTH elements;
 * - whole numbers of more than 18 digits (hex: 15), which json-glib 1.6
 *   reads into a 64-bit integer that silently wraps (−10²³ would read
 *   as 1);
 * - what json-glib 1.6 reads silently wrong: a key given twice in one
 *   object (it keeps the last), text after the document (it ignores a
 *   second document), \u0000 (it cuts the string there) and half a
 *   surrogate pair (it makes bytes that are not UTF-8). */
static gboolean
check_structure (const char *data,
                 gsize       length,
                 const char *name,
                 Layout     *layout,
                 GError    **error)
{
  g_auto(Scan) scan = { data, length, name, 0, { { 0 } }, layout, -1 };
  gboolean done = FALSE;  /* the document's value is complete */

  for (gsize i = 0; i < length; i++)
    {
      char c = data[i];

      if (c == '/' && i + 1 < length && data[i + 1] == '*')
        {
          const char *close = g_strstr_len (data + i + 2, length - i - 2, "*/");

          if (close == NULL)
            break;  /* the rest is a comment */
          i = close - data + 1;
          continue;
        }
      if (g_ascii_isspace (c))
        continue;
      if (scan.depth == 0 && done)
        return fail_at_offset (data, i, name, error, CPL_DATASET_ERROR_SYNTAX,
                               _("more text after the end of the JSON document; expected "
                                 "one document per file"));
      if (scan.recording >= 0 && scan.depth == 2 && c != ']' && c != ',')
        layout->spans[scan.recording].has_elements = TRUE;
      if (scan.recording >= 0 && scan.depth == 2 && c == ',')
        g_array_append_val (layout->spans[scan.recording].commas, i);
      if (c == '"' || c == '\'')
        {
          gsize start = i, bad = G_MAXSIZE;
          gsize bytes = scan_string (data, length, start, &i, &bad);

          if (bytes > CPL_MAX_STRING_LENGTH)
            {
              const char *text = data + start + 1;
              g_autofree char *start_text = g_strndup (text, g_utf8_offset_to_pointer (text, 30) - text);
              g_autofree char *shown = cpl_message_escape (start_text, CPL_MESSAGE_MAX_CHARS);

              return fail_at_offset (data, start, name, error, CPL_DATASET_ERROR_LIMIT,
                                     g_dngettext (GETTEXT_PACKAGE,
                                                  /* Translators: %s is the start of the
                                                   * string, %lu its length in bytes
                                                   * (always more than 1 MiB), %d the limit */
                                                  "the string \"%s…\" is %lu byte long; "
                                                  "expected a string or key of at most %d bytes (1 MiB)",
                                                  "the string \"%s…\" is %lu bytes long; "
                                                  "expected a string or key of at most %d bytes (1 MiB)",
                                                  bytes),
                                     shown, (gulong) bytes, CPL_MAX_STRING_LENGTH);
            }
          if (scan.depth > 0 && scan.levels[scan.depth - 1].want_key)
            {
              /* a broken key: point at its object */
              if (bad != G_MAXSIZE)
                scan.levels[scan.depth - 1].key = -1;
              else if (i < length && !scan_key (&scan, start, i, error))
                return FALSE;
            }
          if (bad != G_MAXSIZE && read_u_escape (data, length, bad) == 0)
            return scan_fail (&scan, bad, error, CPL_DATASET_ERROR_ENCODING,
                              _("the escape \\u0000 (a NUL character) would cut the text short "
                                "here; expected text without NUL characters"));
          if (bad != G_MAXSIZE)
            {
              g_autofree char *escape = g_strndup (data + bad, 6);

              /* Translators: %s is an escape such as \ud800 */
              return scan_fail (&scan, bad, error, CPL_DATASET_ERROR_ENCODING,
                                _("the escape %s is half of a UTF-16 surrogate pair; expected "
                                  "both halves together, such as \\ud83d\\ude00"), escape);
            }
          done = scan.depth == 0;
          continue;
        }
      if (c == '[' || c == '{')
        {
          ScanLevel *level;

          if (scan.depth >= CPL_MAX_JSON_DEPTH)
            return fail_at_offset (data, i, name, error, CPL_DATASET_ERROR_LIMIT,
                                   g_dngettext (GETTEXT_PACKAGE,
                                                /* Translators: %d is the limit, 64 */
                                                "nesting deeper than %d level; expected a dataset "
                                                "(which nests at most 6 levels)",
                                                "nesting deeper than %d levels; expected a dataset "
                                                "(which nests at most 6 levels)",
                                                CPL_MAX_JSON_DEPTH),
                                   CPL_MAX_JSON_DEPTH);
          if (c == '[')
            scan_note_open (&scan, i);
          level = &scan.levels[scan.depth++];
          level->open = c;
          level->index = 0;
          level->want_key = c == '{';
          level->key = -1;
          if (level->keys != NULL)
            g_array_set_size (level->keys, 0);
          g_clear_pointer (&level->key_set, g_hash_table_unref);
        }
      else if ((c == ']' || c == '}') && scan.depth > 0)
        {
          if (scan.recording >= 0 && scan.depth == 2)
            {
              layout->spans[scan.recording].closed = c == ']';
              layout->spans[scan.recording].close = i;
              scan.recording = -1;
            }
          done = --scan.depth == 0;
        }
      else if (c == ',' && scan.depth > 0 && scan.levels[scan.depth - 1].open == '{')
        scan.levels[scan.depth - 1].want_key = TRUE;
      else if (c == ',' && scan.depth > 0 &&
               ++scan.levels[scan.depth - 1].index >= CPL_MAX_ARRAY_LENGTH)
        {
          /* point at the element one past the limit */
          gsize at = i + 1;

          while (at < length && g_ascii_isspace (data[at]))
            at++;
          return fail_at_offset (data, at, name, error, CPL_DATASET_ERROR_LIMIT,
                                 g_dngettext (GETTEXT_PACKAGE,
                                              /* Translators: %d is the limit, 100,000, three times */
                                              "an array with more than %d element; expected at most %d "
                                              "(in the lists of a dataset, at most %d entries)",
                                              "an array with more than %d elements; expected at most %d "
                                              "(in the lists of a dataset, at most %d entries)",
                                              CPL_MAX_ARRAY_LENGTH),
                                 CPL_MAX_ARRAY_LENGTH, CPL_MAX_ARRAY_LENGTH, CPL_MAX_ARRAY_LENGTH);
        }
      else if (g_ascii_isdigit (c) || c == '-')
        {
          gsize start = i, digits = 0;
          gboolean integer = TRUE, hex = FALSE;

          for (; i < length && (g_ascii_isalnum (data[i]) || strchr ("+-.", data[i])); i++)
            {
              if (i > start && (data[i] == 'x' || data[i] == 'X') && data[i - 1] == '0')
                {
                  hex = TRUE;
                  digits = 0;
                }
              else if (hex ? g_ascii_isxdigit (data[i]) : g_ascii_isdigit (data[i]))
                digits++;
              else if (!hex && (data[i] == '.' || data[i] == 'e' || data[i] == 'E'))
                integer = FALSE;
            }
          if (integer && digits > (hex ? 15u : 18u))
            {
              g_autofree char *shown = g_strndup (data + start, MIN (i - start, 40));
              guint limit = hex ? 15 : 18;
              const char *format;

              if (hex)
                format = g_dngettext (GETTEXT_PACKAGE,
                                      /* Translators: %s is the number as the file gives
                                       * it, %u how many digits json-glib can read */
                                      "the whole number %s has more than %u hexadecimal "
                                      "digit; expected a number such as 1.5e20",
                                      "the whole number %s has more than %u hexadecimal "
                                      "digits; expected a number such as 1.5e20", limit);
              else
                format = g_dngettext (GETTEXT_PACKAGE,
                                      /* Translators: %s is the number as the file gives
                                       * it, %u how many digits json-glib can read */
                                      "the whole number %s has more than %u digit; "
                                      "expected a number such as 1.5e20",
                                      "the whole number %s has more than %u digits; "
                                      "expected a number such as 1.5e20", limit);
              return fail_at_offset (data, start, name, error, CPL_DATASET_ERROR_LIMIT,
                                     format, shown, limit);
            }
          i--;
          done = scan.depth == 0;
        }
      else if (g_ascii_isalpha (c) && scan.depth == 0)
        {
          /* true, false, null: a whole document, though not a dataset */
          while (i + 1 < length && g_ascii_isalnum (data[i + 1]))
            i++;
          done = TRUE;
        }
    }
  return TRUE;
}

static gboolean
check_text (const char *data,
            gsize       length,
            const char *name,
            GError    **error)
{
  const char *end;

  if (!cpl_file_check_size (name, length, error))
    return FALSE;
  if (!g_utf8_validate_len (data, length, &end))
    {
      guint line, column;

      offset_to_line_column (data, end - data, &line, &column);
      g_set_error (error, CPL_DATASET_ERROR, CPL_DATASET_ERROR_ENCODING,
                   /* Translators: %1$s is the file name, %2$u:%3$u the line and
                    * column, %4$02X the byte in hexadecimal */
                   _("%s:%u:%u: the byte 0x%02X is not UTF-8 (or the file has a NUL byte); "
                     "expected UTF-8 text"), name, line, column, (guchar) *end);
      return FALSE;
    }
  return TRUE;
}

static gboolean
parse_list (Document       *doc,
            ListKind        kind,
            JsonObject     *root,
            CplLoadContext *ctx,
            GError        **error)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  JsonArray *array;
  gsize mark;

  array = cpl_json_get_array (ctx, root, list_keys[kind], FALSE, error);
  if (array == NULL)
    return !json_object_has_member (root, list_keys[kind]);

  mark = cpl_load_push_key (ctx, list_keys[kind]);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *node = json_array_get_element (array, i);
      gsize item_mark = cpl_load_push_index (ctx, i);
      CplEntity *entity;
      gpointer first;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        {
          g_autofree char *shown = cpl_json_describe (node);
          /* Translators: %s describes the value found, "the number 1.5" */
          cpl_load_fail (ctx, error, CPL_DATASET_ERROR_TYPE, _("%s; expected an object"), shown);
          cpl_load_pop (ctx, mark);
          return FALSE;
        }
      entity = NULL;
      if (monitor_at (doc->monitor, PERMILLE_PARSED, PERMILLE_BUILT, doc->n_built++, doc->n_entries, error))
        entity = cpl_entity_new_from_json (list_type (kind), json_node_get_object (node), ctx, error);
      if (entity == NULL)
        {
          cpl_load_pop (ctx, mark);
          return FALSE;
        }
      g_ptr_array_add (doc->lists[kind], entity);

      if (g_hash_table_lookup_extended (seen, cpl_entity_get_id (entity), NULL, &first))
        {
          cpl_load_fail_at (ctx, "id", error, CPL_DATASET_ERROR_DUPLICATE,
                            /* Translators: %1$s is an id, %2$s[%3$u] where it was first
                             * (a JSON path), %4$s the list's JSON key, "chips" */
                            _("\"%s\" is already the id of %s[%u]; expected ids unique within %s"),
                            cpl_entity_get_id (entity), list_keys[kind], GPOINTER_TO_UINT (first),
                            list_keys[kind]);
          cpl_load_pop (ctx, mark);
          return FALSE;
        }
      g_hash_table_insert (seen, (gpointer) cpl_entity_get_id (entity), GUINT_TO_POINTER (i));
      cpl_load_pop (ctx, item_mark);
    }
  cpl_load_pop (ctx, mark);
  return TRUE;
}

/* The document's top-level value, as json-glib read it: the format and
 * version checked, each list's entries built, the members the model does
 * not know kept. */
static gboolean
read_root (Document   *doc,
           JsonNode   *node,
           const char *name,
           GError    **error)
{
  CplLoadContext ctx;
  JsonObject *root;
  g_autoptr(GList) members = NULL;
  const char *format;
  gboolean ok = FALSE;

  if (node == NULL)
    {
      g_set_error (error, CPL_DATASET_ERROR, CPL_DATASET_ERROR_SYNTAX,
                   /* Translators: %s is the file name; keep "format": "chip-policy-lab"
                    * as it is, it is what the file must hold */
                   _("%s: the file is empty; expected a JSON object with \"format\": \"chip-policy-lab\""),
                   name);
      return FALSE;
    }

  cpl_load_context_init (&ctx, name);
  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      g_autofree char *shown = cpl_json_describe (node);
      cpl_load_fail (&ctx, error, CPL_DATASET_ERROR_TYPE,
                     /* Translators: %s describes the value found, "an array" */
                     _("%s; expected an object with \"format\": \"chip-policy-lab\""), shown);
      goto out;
    }
  root = json_node_get_object (node);

  /* Any JSON object is not a dataset: a package.json must not open as an
   * empty one. */
  if (!json_object_has_member (root, "format"))
    {
      cpl_load_fail_at (&ctx, "format", error, CPL_DATASET_ERROR_MISSING, "%s",
                        _("missing; expected \"chip-policy-lab\" (this is not a Chip Policy Lab dataset)"));
      goto out;
    }
  if (!cpl_json_get_string (&ctx, root, "format", TRUE, &format, error))
    goto out;
  if (!g_str_equal (format, "chip-policy-lab"))
    {
      g_autofree char *shown = cpl_message_escape (format, CPL_MESSAGE_MAX_CHARS);

      cpl_load_fail_at (&ctx, "format", error, CPL_DATASET_ERROR_FORMAT,
                        /* Translators: %s is the "format" the file gives */
                        _("\"%s\" is not this program's format; expected \"chip-policy-lab\""), shown);
      goto out;
    }
  node = json_object_get_member (root, "version");
  if (node != NULL &&
      (!cpl_json_node_is_number (node) || json_node_get_double (node) != 1))
    {
      g_autofree char *shown = cpl_json_describe (node);
      cpl_load_fail_at (&ctx, "version", error, CPL_DATASET_ERROR_FORMAT,
                        /* Translators: %s describes the value found, "the number 2" */
                        _("%s; expected 1 (a newer version needs a newer Chip Policy Lab)"), shown);
      goto out;
    }

  if (doc->monitor != NULL)
    for (guint i = 0; i < N_LISTS; i++)
      {
        node = json_object_get_member (root, list_keys[i]);
        if (node != NULL && JSON_NODE_HOLDS_ARRAY (node))
          doc->n_entries += json_array_get_length (json_node_get_array (node));
      }
  if (!monitor_at (doc->monitor, PERMILLE_PARSED, PERMILLE_PARSED, 0, 0, error))
    goto out;
  for (guint i = 0; i < N_LISTS; i++)
    if (!parse_list (doc, i, root, &ctx, error))
      goto out;

  members = json_object_get_members (root);
  for (const GList *l = members; l != NULL; l = l->next)
    {
      const char *key = l->data;

      if (!g_str_equal (key, "format") && !g_str_equal (key, "version") &&
          !g_strv_contains (list_keys, key))
        json_object_set_member (doc->extra, key, cpl_json_keep (json_object_get_member (root, key)));
    }
  ok = TRUE;

out:
  cpl_load_context_clear (&ctx);
  return ok;
}

/* The whole text read at once: by cpl_json_read_elements() when it is
 * plain JSON (json-glib's nodes in a fraction of its time), else by one
 * json-glib parser, the reference, whose messages the user sees. */
static gboolean
parse_json_whole (Document   *doc,
                  const char *data,
                  gsize       length,
                  const char *name,
                  GError    **error)
{
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(GError) parse_error = NULL;
  g_autoptr(JsonArray) read = cpl_json_read_elements (data, length, 1);

  if (read != NULL)
    return read_root (doc, json_array_get_element (read, 0), name, error);

  parser = json_parser_new ();
  if (!json_parser_load_from_data (parser, data, length, &parse_error))
    {
      /* json-glib says "<data>:3:14: Parse error: …"; name the file instead. */
      const char *message = parse_error->message;

      if (g_str_has_prefix (message, "<data>:"))
        message += strlen ("<data>:");
      g_set_error (error, CPL_DATASET_ERROR, CPL_DATASET_ERROR_SYNTAX,
                   /* Translators: %1$s is the file name, %2$s json-glib's message
                    * starting with the line and column, "3:14: Parse error: …" */
                   _("%s:%s; expected a JSON document"), name, message);
      return FALSE;
    }
  if (!read_root (doc, json_parser_get_root (parser), name, error))
    return FALSE;
  return TRUE;
}

/* Reading a large file in parallel ----------------------------------------
 *
 * Reading a file's text runs on one core, and building its entries
 * takes about as long again.  A large file's lists are cut, at the
 * commas between their elements that the structure check found, into
 * segments that several threads parse and build at once, each its own
 * segment's tree.  The rest of the document is read as a skeleton whose
 * lists are empty.
 *
 * A segment is read by cpl_json_read_elements(), which makes json-glib's
 * nodes from plain JSON in a fraction of json-glib's time, and by
 * json-glib when it is not plain JSON (a comment, a 'string').
 *
 * Freeing the trees took a fifth of the load's processor time: they are
 * freed after the load, by a thread of their own at idle priority
 * (split_reap()).  json-glib's reference counts are not atomic, so that
 * is safe only because an entry keeps nothing of the tree it was read
 * from (cpl_json_keep() copies what it keeps).
 *
 * Only a load that someone waits for asks for it (CplLoadMonitor's
 * parallel): the threads cost more processor time in all, which the
 * command line's --compute, run many at a time by scripts, would pay.
 *
 * This is only a faster way to the same result: anything that is not a
 * plain success (a segment json-glib refuses, an entry with an error, an
 * id given twice) drops what the threads made, and the whole text is
 * read again by parse_json_whole(), whose message the user gets, at the
 * line and column where json-glib found it. */

#define SPLIT_MIN_BYTES     (512 * 1024)  /* smaller lists are read whole */
#define SPLIT_SEGMENT_BYTES (128 * 1024)  /* the smallest segment worth a thread */
#define SPLIT_MAX_THREADS   4
#define SPLIT_HELPER_NICE   10            /* the helping threads' priority */
#define SPLIT_REAPER_NICE   19            /* the priority of the thread that frees the trees */
#define SPLIT_REAP_DELAY_MS 1000          /* … and how long after the load it frees them */

/* tests: how many loads were read in parallel */
static guint split_count;

typedef struct {
  ListKind   kind;
  guint      first;       /* the index of its first element in its list */
  guint      n;           /* its elements */
  gsize      start, end;  /* its text: from its first element to its last one's end */
  GPtrArray *entities;    /* built, in order */
  JsonArray *tree;        /* its elements as read, which the entries keep nothing of */
} Segment;

typedef struct {
  const char     *data;
  const char     *name;
  GArray         *segments;    /* Segment */
  CplLoadMonitor *monitor;     /* (nullable) */
  int             next;        /* atomic: the next segment to take */
  int             failed;      /* atomic: a segment failed; the others stop */
  int             done;        /* atomic: bytes parsed and built, for the monitor */
  int             total;       /* bytes of all segments */
} Split;

typedef enum {
  SPLIT_READ,       /* the document is read */
  SPLIT_CANCELLED,  /* the monitor's load was cancelled (error set) */
  SPLIT_UNSURE,     /* something failed: read the whole text instead */
} SplitResult;

static void
segment_clear (Segment *segment)
{
  g_clear_pointer (&segment->entities, g_ptr_array_unref);
  g_clear_pointer (&segment->tree, json_array_unref);
}

/* Tells the monitor that @bytes more are parsed or built (a share of
 * the stages from the read file to the built entries). */
static void
split_progress (Split *split,
                int    bytes)
{
  int done = g_atomic_int_add (&split->done, bytes) + bytes;
  int permille = PERMILLE_READ + (int) ((gint64) (PERMILLE_BUILT - PERMILLE_READ) * done / MAX (split->total, 1));
  int seen;

  if (split->monitor == NULL)
    return;
  /* several threads report: the bar only moves forward */
  do
    seen = g_atomic_int_get (&split->monitor->permille);
  while (seen < permille && !g_atomic_int_compare_and_exchange (&split->monitor->permille, seen, permille));
}

static gboolean
split_stopped (Split *split)
{
  return g_atomic_int_get (&split->failed) ||
         (split->monitor != NULL && g_cancellable_is_cancelled (split->monitor->cancellable));
}

/* @segment's elements, as json-glib reads them: by cpl_json_read_elements()
 * when they are plain JSON, or else by json-glib itself. */
static JsonArray *
segment_read (Split   *split,
              Segment *segment)
{
  gsize length = segment->end - segment->start;
  JsonArray *array = cpl_json_read_elements (split->data + segment->start, length, segment->n);
  JsonParser *parser;
  JsonNode *node;
  char *text;

  if (array != NULL)
    return array;

  /* as one array */
  text = g_malloc (length + 2);
  text[0] = '[';
  memcpy (text + 1, split->data + segment->start, length);
  text[length + 1] = ']';
  parser = json_parser_new ();
  if (json_parser_load_from_data (parser, text, length + 2, NULL) &&
      (node = json_parser_get_root (parser)) != NULL && JSON_NODE_HOLDS_ARRAY (node) &&
      json_array_get_length (json_node_get_array (node)) == segment->n)
    array = json_array_ref (json_node_get_array (node));
  g_object_unref (parser);
  g_free (text);
  return array;
}

/* Reads @segment's elements and builds its entries, in the calling
 * thread. */
static gboolean
segment_build (Split   *split,
               Segment *segment)
{
  gsize length = segment->end - segment->start;
  /* read (about two fifths of the work since the loader reads plain JSON
   * itself), built */
  int parse_bytes = (int) (length * 2 / 5), build_bytes = (int) length - parse_bytes;
  CplLoadContext ctx;
  JsonArray *array;
  gboolean ok = TRUE;

  array = segment->tree = segment_read (split, segment);
  if (array == NULL)
    return FALSE;
  split_progress (split, parse_bytes);

  cpl_load_context_init (&ctx, split->name);
  cpl_load_push_key (&ctx, list_keys[segment->kind]);
  segment->entities = g_ptr_array_new_full (segment->n, g_object_unref);
  for (guint i = 0; ok && i < segment->n; i++)
    {
      JsonNode *element = json_array_get_element (array, i);
      gsize mark = cpl_load_push_index (&ctx, segment->first + i);
      CplEntity *entity = NULL;

      if (!split_stopped (split) && JSON_NODE_HOLDS_OBJECT (element))
        entity = cpl_entity_new_from_json (list_type (segment->kind), json_node_get_object (element), &ctx, NULL);
      ok = entity != NULL;
      if (ok)
        g_ptr_array_add (segment->entities, entity);
      cpl_load_pop (&ctx, mark);
      if (ok && (i + 1) % 64 == 0)
        split_progress (split, (int) ((gint64) build_bytes * 64 / segment->n));
    }
  cpl_load_context_clear (&ctx);
  return ok;
}

/* Takes segments until none is left or one failed. */
static void
split_take_segments (Split *split)
{
  int i;

  while (!g_atomic_int_get (&split->failed) &&
         (i = g_atomic_int_add (&split->next, 1)) < (int) split->segments->len)
    if (!segment_build (split, &g_array_index (split->segments, Segment, i)))
      g_atomic_int_set (&split->failed, TRUE);
}

/* The reaper: frees the trees of @data, a GPtrArray of JsonArray, a
 * moment after the load, when the window has shown its data, and ends.
 * Freeing them at once, even in a thread of the lowest priority, made
 * the window's frame with the data some 25 ms later (most likely as
 * memory given back to the system stops every thread of the process a
 * moment, whatever its priority). */
static gpointer
split_reap (gpointer data)
{
#ifdef __linux__
  /* SCHED_IDLE: it runs only when no other thread wants a processor,
   * and gives way at once when one does */
  struct sched_param param = { 0 };

  if (sched_setscheduler ((pid_t) syscall (SYS_gettid), SCHED_IDLE, &param) != 0)
    setpriority (PRIO_PROCESS, (id_t) syscall (SYS_gettid), SPLIT_REAPER_NICE);
#endif
  g_usleep (SPLIT_REAP_DELAY_MS * 1000);
  g_ptr_array_unref (data);
  return NULL;
}

/* A thread that helps the loading one: at a lower priority, so that it
 * takes what the window's thread leaves (a window made for the file is
 * drawing its first frame while the file loads). */
static gpointer
split_help (gpointer data)
{
#ifdef __linux__
  /* Linux gives each thread its own nice value */
  setpriority (PRIO_PROCESS, (id_t) syscall (SYS_gettid), SPLIT_HELPER_NICE);
#endif
  split_take_segments (data);
  return NULL;
}

/* The text of element @i of @span: from after the '[' or comma before
 * it to the comma or ']' after it. */
static void
span_element (const ListSpan *span,
              guint           i,
              gsize          *start,
              gsize          *end)
{
  guint n_commas = span->commas->len;

  *start = i == 0 ? span->open + 1 : g_array_index (span->commas, gsize, i - 1) + 1;
  *end = i == n_commas ? span->close : g_array_index (span->commas, gsize, i);
}

/* Cuts each list into segments of about @target bytes. */
static GArray *
split_plan (const Layout *layout,
            gsize         target,
            int          *total)
{
  GArray *segments = g_array_new (FALSE, TRUE, sizeof (Segment));

  g_array_set_clear_func (segments, (GDestroyNotify) segment_clear);
  *total = 0;
  for (guint kind = 0; kind < N_LISTS; kind++)
    {
      const ListSpan *span = &layout->spans[kind];
      guint n = span->found && span->has_elements ? span->commas->len + 1 : 0;
      guint first = 0;

      while (first < n)
        {
          Segment segment = { kind, first, 0, 0, 0, NULL };
          gsize end;

          span_element (span, first, &segment.start, &end);
          while (first + segment.n < n)
            {
              span_element (span, first + segment.n++, &(gsize) { 0 }, &end);
              if (end - segment.start >= target)
                break;
            }
          segment.end = end;
          *total += (int) (segment.end - segment.start);
          first += segment.n;
          g_array_append_val (segments, segment);
        }
    }
  return segments;
}

/* The document with each list found emptied: "chips": [] */
static char *
split_skeleton (const char   *data,
                gsize         length,
                const Layout *layout,
                gsize        *skeleton_length)
{
  GString *skeleton = g_string_sized_new (4096);
  gsize from = 0;

  /* the lists in the order they come in the text */
  for (;;)
    {
      const ListSpan *next = NULL;

      for (guint kind = 0; kind < N_LISTS; kind++)
        {
          const ListSpan *span = &layout->spans[kind];

          if (span->found && span->open >= from && (next == NULL || span->open < next->open))
            next = span;
        }
      if (next == NULL)
        break;
      g_string_append_len (skeleton, data + from, next->open - from);
      g_string_append (skeleton, "[]");
      from = next->close + 1;
    }
  g_string_append_len (skeleton, data + from, length - from);
  *skeleton_length = skeleton->len;
  return g_string_free (skeleton, FALSE);
}

static SplitResult
parse_json_split (Document     *doc,
                  const char   *data,
                  gsize         length,
                  const char   *name,
                  const Layout *layout,
                  GError      **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autofree char *skeleton = NULL;
  gsize skeleton_length;
  CplLoadMonitor *monitor = doc->monitor;
  Split split = { data, name, NULL, monitor, 0, FALSE, 0, 0 };
  guint n_threads = MIN (g_get_num_processors (), SPLIT_MAX_THREADS);
  GThread *threads[SPLIT_MAX_THREADS] = { NULL };
  GPtrArray *trees;
  gboolean read;

  /* the skeleton first: most files that fail, fail here, at no cost */
  skeleton = split_skeleton (data, length, layout, &skeleton_length);
  if (!json_parser_load_from_data (parser, skeleton, skeleton_length, NULL))
    return SPLIT_UNSURE;
  doc->monitor = NULL;  /* its progress is the segments' */
  read = read_root (doc, json_parser_get_root (parser), name, NULL);
  doc->monitor = monitor;
  if (!read)
    return SPLIT_UNSURE;
  for (guint kind = 0; kind < N_LISTS; kind++)
    /* json-glib must read each list's key as the scan did */
    if (layout->spans[kind].found &&
        (doc->lists[kind]->len > 0 ||
         !JSON_NODE_HOLDS_ARRAY (json_object_get_member (json_node_get_object (json_parser_get_root (parser)),
                                                         list_keys[kind]))))
      return SPLIT_UNSURE;
  g_clear_object (&parser);

  split.segments = split_plan (layout, MAX (SPLIT_SEGMENT_BYTES, length / (n_threads * 4)), &split.total);
  n_threads = CLAMP (n_threads, 1, split.segments->len);
  for (guint t = 1; t < n_threads; t++)
    threads[t] = g_thread_new ("cpl-load", split_help, &split);
  split_take_segments (&split);
  for (guint t = 1; t < n_threads; t++)
    g_thread_join (threads[t]);

  if (monitor != NULL && g_cancellable_set_error_if_cancelled (monitor->cancellable, error))
    {
      g_array_unref (split.segments);
      return SPLIT_CANCELLED;
    }
  if (split.failed)
    {
      g_array_unref (split.segments);
      return SPLIT_UNSURE;
    }
  trees = g_ptr_array_new_full (split.segments->len, (GDestroyNotify) json_array_unref);
  for (guint i = 0; i < split.segments->len; i++)
    {
      Segment *segment = &g_array_index (split.segments, Segment, i);

      g_ptr_array_extend_and_steal (doc->lists[segment->kind], g_steal_pointer (&segment->entities));
      g_ptr_array_add (trees, g_steal_pointer (&segment->tree));
    }
  g_array_unref (split.segments);
  /* the entries keep nothing of the trees (cpl_json_keep()) */
  g_thread_unref (g_thread_new ("cpl-free", split_reap, trees));
  /* ids unique within each list, as parse_list() checks */
  for (guint kind = 0; kind < N_LISTS; kind++)
    {
      g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

      for (guint i = 0; i < doc->lists[kind]->len; i++)
        if (!g_hash_table_add (seen, (gpointer) cpl_entity_get_id (g_ptr_array_index (doc->lists[kind], i))))
          return SPLIT_UNSURE;
    }
  return SPLIT_READ;
}

static gboolean
parse_json (Document   *doc,
            const char *data,
            gsize       length,
            const char *name,
            GError    **error)
{
  g_auto(Layout) layout = { 0 };
  gboolean usable = TRUE;
  gsize list_bytes = 0;

  if (!check_structure (data, length, name, &layout, error))
    return FALSE;

  for (guint kind = 0; kind < N_LISTS; kind++)
    if (layout.spans[kind].found)
      {
        /* "[ , ]" has commas and no element: json-glib's error */
        usable = usable && layout.spans[kind].closed &&
                 (layout.spans[kind].has_elements || layout.spans[kind].commas->len == 0);
        list_bytes += layout.spans[kind].close - layout.spans[kind].open;
      }
  if (doc->monitor != NULL && doc->monitor->parallel && usable && list_bytes >= SPLIT_MIN_BYTES &&
      g_get_num_processors () > 1)
    {
      CplLoadMonitor *monitor = doc->monitor;

      switch (parse_json_split (doc, data, length, name, &layout, error))
        {
        case SPLIT_READ:
          g_atomic_int_inc (&split_count);
          return TRUE;
        case SPLIT_CANCELLED:
          return FALSE;
        case SPLIT_UNSURE:
        default:
          /* start again from nothing */
          document_clear (doc);
          document_init (doc);
          doc->monitor = monitor;
          break;
        }
    }
  return parse_json_whole (doc, data, length, name, error);
}

/* tests: how many loads so far were read in parallel */
guint
cpl_dataset_get_parallel_loads (void)
{
  return g_atomic_int_get (&split_count);
}

static gboolean
looks_like_csv (const char *data,
                gsize       length,
                const char *name)
{
  gsize i = 0;

  if (g_str_has_suffix (name, ".csv") || g_str_has_suffix (name, ".CSV"))
    return TRUE;
  /* the byte-order mark is already skipped */
  while (i < length && g_ascii_isspace (data[i]))
    i++;
  return length - i >= 13 && memcmp (data + i, "Hardware name", 13) == 0;
}

static gboolean
parse_document (Document   *doc,
                GBytes     *bytes,
                const char *name,
                GError    **error)
{
  gsize length;
  const char *data = g_bytes_get_data (bytes, &length);

  if (data == NULL)
    data = "";
  if (!check_text (data, length, name, error))
    return FALSE;
  /* RFC 8259 §8.1 lets a parser ignore a byte-order mark: Windows tools
   * (Excel's "CSV UTF-8", Notepad) write one */
  cpl_skip_bom (&data, &length);

  if (looks_like_csv (data, length, name))
    {
      doc->adds_only = TRUE;
      return cpl_epoch_import (data, length, name, doc->lists[LIST_VENDORS], doc->lists[LIST_CHIPS], error);
    }
  return parse_json (doc, data, length, name, error);
}

/* Lays @overlay over @base by id: a matching entry is replaced in place,
 * a new one is appended.  An Epoch CSV only adds: its rows carry no price
 * and thin vendor names, so a curated entry with the same id stays. */
static void
document_merge (Document *base,
                Document *overlay)
{
  g_autoptr(GList) members = NULL;

  for (guint kind = 0; kind < N_LISTS; kind++)
    {
      GPtrArray *into = base->lists[kind];
      GPtrArray *from = overlay->lists[kind];
      /* id → position in @into + 1, so 100,000 entries merge in linear time */
      g_autoptr(GHashTable) where = g_hash_table_new (g_str_hash, g_str_equal);

      g_clear_pointer (&base->index[kind], g_hash_table_unref);
      for (guint j = 0; j < into->len; j++)
        g_hash_table_insert (where, (gpointer) cpl_entity_get_id (g_ptr_array_index (into, j)),
                             GUINT_TO_POINTER (j + 1));
      for (guint i = 0; i < from->len; i++)
        {
          CplEntity *entity = g_ptr_array_index (from, i);
          guint j = GPOINTER_TO_UINT (g_hash_table_lookup (where, cpl_entity_get_id (entity)));

          if (j > 0)
            {
              if (!overlay->adds_only)
                {
                  /* re-key first (replace, not insert): the old key is the
                   * id of the entry about to be freed */
                  g_hash_table_replace (where, (gpointer) cpl_entity_get_id (entity), GUINT_TO_POINTER (j));
                  g_object_unref (g_ptr_array_index (into, j - 1));
                  g_ptr_array_index (into, j - 1) = g_object_ref (entity);
                }
            }
          else
            {
              g_ptr_array_add (into, g_object_ref (entity));
              g_hash_table_insert (where, (gpointer) cpl_entity_get_id (entity),
                                   GUINT_TO_POINTER (into->len));
            }
        }
    }

  members = json_object_get_members (overlay->extra);
  for (const GList *l = members; l != NULL; l = l->next)
    json_object_set_member (base->extra, l->data,
                            json_node_copy (json_object_get_member (overlay->extra, l->data)));
}

static CplEntity *
document_lookup (Document   *doc,
                 ListKind    kind,
                 const char *id)
{
  if (id == NULL)
    return NULL;
  if (doc->index[kind] == NULL)
    {
      doc->index[kind] = g_hash_table_new (g_str_hash, g_str_equal);
      /* the first of an id wins, as a linear search would find it */
      for (guint i = doc->lists[kind]->len; i-- > 0;)
        g_hash_table_insert (doc->index[kind],
                             (gpointer) cpl_entity_get_id (g_ptr_array_index (doc->lists[kind], i)),
                             g_ptr_array_index (doc->lists[kind], i));
    }
  return g_hash_table_lookup (doc->index[kind], id);
}

static gboolean
check_reference (Document   *doc,
                 ListKind    kind,
                 CplEntity  *from,
                 const char *key,
                 const char *id,
                 GError    **error)
{
  g_autofree char *shown = NULL;
  g_autofree char *what = NULL;

  if (id == NULL || document_lookup (doc, kind, id) != NULL)
    return TRUE;
  shown = cpl_message_escape (id, CPL_MESSAGE_MAX_CHARS);
  if (kind == LIST_CHIPS)
    /* Translators: %s is the id the file gives */
    what = g_strdup_printf (_("unknown chip \"%s\"; expected the id of one of the dataset's chips"), shown);
  else
    /* Translators: %s is the id the file gives */
    what = g_strdup_printf (_("unknown vendor \"%s\"; expected the id of one of the dataset's vendors"), shown);
  g_set_error (error, CPL_DATASET_ERROR, CPL_DATASET_ERROR_REFERENCE,
               "%s.%s: %s", cpl_entity_get_origin (from), key, what);
  return FALSE;
}

/* Every id a chip-list condition names is a chip of the dataset. */
static gboolean
check_rule_chips (Document   *doc,
                  CplRule    *rule,
                  GError    **error)
{
  for (guint i = 0; i < cpl_rule_get_n_clauses (rule); i++)
    {
      guint n;
      const CplCondition *conditions = cpl_rule_get_clause (rule, i, &n);

      for (guint j = 0; j < n; j++)
        for (guint k = 0; conditions[j].chips != NULL && conditions[j].chips[k] != NULL; k++)
          {
            g_autofree char *key = g_strdup_printf ("match_any[%u][%u].value[%u]", i, j, k);

            if (!check_reference (doc, LIST_CHIPS, CPL_ENTITY (rule), key, conditions[j].chips[k], error))
              return FALSE;
          }
    }
  return TRUE;
}

static gboolean
check_pass_through (CplEntity  *entity,
                    double      pass_through,
                    double      share,
                    const char *share_key,
                    GError    **error)
{
  g_autofree char *what = NULL;

  if (cpl_check_pass_through (pass_through, &share, 1, TRUE, NULL))
    return TRUE;
  /* Translators: %1$g is the pass-through, %2$s the JSON key of the
   * share ("revenue_share"), %3$g the share */
  what = g_strdup_printf (_("pass-through %g × %s %g is 1; the buyer price "
                            "p / (1 − π·s) would be infinite; expected a product below 1"),
                          pass_through, share_key, share);
  g_set_error (error, CPL_DATASET_ERROR, CPL_DATASET_ERROR_RANGE,
               "%s.price_pass_through: %s", cpl_entity_get_origin (entity), what);
  return FALSE;
}

/* Where to point a message about @scenario: at the scenario; or, when the
 * scenario is built in and a chip it uses came from the user's file, at
 * that chip, which is what the user can mend. */
static char *
scenario_where (Document   *doc,
                CplEntity  *scenario,
                const char *file)
{
  const char * const *allowed = cpl_scenario_get_allowed_chips (CPL_SCENARIO (scenario));
  g_autofree char *prefix = g_strconcat (file, ": ", NULL);
  const char *domestic = cpl_scenario_get_domestic_chip (CPL_SCENARIO (scenario));

  if (g_str_has_prefix (cpl_entity_get_origin (scenario), prefix))
    return g_strdup (cpl_entity_get_origin (scenario));
  for (int i = -1; i < 0 || allowed[i] != NULL; i++)
    {
      CplEntity *chip = document_lookup (doc, LIST_CHIPS, i < 0 ? domestic : allowed[i]);

      if (chip != NULL && g_str_has_prefix (cpl_entity_get_origin (chip), prefix))
        /* Translators: %1$s is where the chip is ("mine.json: chips[0]"),
         * %2$s the id of a scenario of the built-in dataset */
        return g_strdup_printf (_("%s, as used by built-in dataset scenario \"%s\""),
                                cpl_entity_get_origin (chip), cpl_entity_get_id (scenario));
    }
  return g_strdup (cpl_entity_get_origin (scenario));
}

/* MODEL.md §7: references, and chips that can enter their scenarios. */
static gboolean
document_validate (Document   *doc,
                   const char *file,
                   GError    **error)
{
  g_autoptr(CplDataset) view = NULL;

  for (guint i = 0; i < doc->lists[LIST_CHIPS]->len; i++)
    {
      CplChip *chip = g_ptr_array_index (doc->lists[LIST_CHIPS], i);

      if (!check_reference (doc, LIST_VENDORS, CPL_ENTITY (chip), "vendor",
                            cpl_chip_get_vendor_id (chip), error))
        return FALSE;
    }

  for (guint i = 0; i < doc->lists[LIST_RULES]->len; i++)
    if (!check_rule_chips (doc, g_ptr_array_index (doc->lists[LIST_RULES], i), error))
      return FALSE;

  for (guint i = 0; i < doc->lists[LIST_REVENUE_CASES]->len; i++)
    {
      CplRevenueCase *rc = g_ptr_array_index (doc->lists[LIST_REVENUE_CASES], i);
      double pass_through = cpl_revenue_case_get (rc, CPL_REVENUE_CASE_PRICE_PASS_THROUGH);

      if (!check_reference (doc, LIST_VENDORS, CPL_ENTITY (rc), "vendor",
                            cpl_revenue_case_get_vendor_id (rc), error) ||
          !check_reference (doc, LIST_CHIPS, CPL_ENTITY (rc), "chip",
                            cpl_revenue_case_get_chip_id (rc), error) ||
          !check_pass_through (CPL_ENTITY (rc), pass_through,
                               cpl_revenue_case_get (rc, CPL_REVENUE_CASE_REVENUE_SHARE),
                               "revenue_share", error) ||
          !check_pass_through (CPL_ENTITY (rc), pass_through,
                               cpl_revenue_case_get (rc, CPL_REVENUE_CASE_COMPARE_SHARE),
                               "compare_share", error))
        return FALSE;
    }

  /* The scenario check reads chips through a dataset; give it one that
   * holds the staged chips (not connected to anything). */
  view = cpl_dataset_new ();
  for (guint kind = 0; kind < N_LISTS; kind++)
    if (kind == LIST_CHIPS || kind == LIST_VENDORS)
      g_list_store_splice (view->lists[kind], 0, 0, doc->lists[kind]->pdata, doc->lists[kind]->len);
  /* the projections are the committed dataset's too: the same scenario
   * and chip objects */
  g_clear_pointer (&doc->projections, g_hash_table_unref);
  doc->projections = projection_table_new ();
  for (guint i = 0; i < doc->lists[LIST_SCENARIOS]->len; i++)
    {
      CplEntity *scenario = g_ptr_array_index (doc->lists[LIST_SCENARIOS], i);
      g_autofree char *where = scenario_where (doc, scenario, file);
      CplProjection *projection;

      if (!monitor_at (doc->monitor, PERMILLE_BUILT, 1000, i, doc->lists[LIST_SCENARIOS]->len, error))
        return FALSE;
      /* the chips it names, and (every range being finite, but a huge
       * demand compounded over 50 years not) a projection that overflows */
      projection = cpl_projection_compute_at (CPL_SCENARIO (scenario), view, where, error);
      if (projection == NULL)
        return FALSE;
      g_hash_table_insert (doc->projections, scenario, projection);
    }
  return TRUE;
}

static void
cpl_dataset_commit (CplDataset *self,
                    Document   *doc)
{
  for (guint kind = 0; kind < N_LISTS; kind++)
    {
      GListModel *model = G_LIST_MODEL (self->lists[kind]);
      guint n = g_list_model_get_n_items (model);

      for (guint i = 0; i < n; i++)
        {
          g_autoptr(GObject) item = g_list_model_get_item (model, i);
          g_signal_handlers_disconnect_by_data (item, self);
        }
      for (guint i = 0; i < doc->lists[kind]->len; i++)
        cpl_dataset_watch (self, g_ptr_array_index (doc->lists[kind], i));
      /* the new list's index: made in the loading thread, or rebuilt at
       * the first lookup */
      cpl_dataset_forget_index (self, kind);
      self->index[kind] = g_steal_pointer (&doc->taken_index[kind]);
      self->index_duplicates[kind] = doc->taken_duplicates[kind];
      self->mutating = self->index[kind] != NULL;
      g_list_store_splice (self->lists[kind], 0, n,
                           doc->lists[kind]->pdata, doc->lists[kind]->len);
      self->mutating = FALSE;
      if (self->prepared)
        cpl_dataset_index (self, kind);
    }
  g_clear_pointer (&self->extra, json_object_unref);
  self->extra = json_object_ref (doc->extra);
  /* after the splices, which forget what was projected before */
  if (doc->projections != NULL)
    {
      g_hash_table_unref (self->projections);
      self->projections = g_steal_pointer (&doc->projections);
    }
}

/* cpl_dataset_load_bytes(), telling @monitor how far it is. */
static gboolean
load_bytes_monitored (CplDataset     *self,
                      GBytes         *bytes,
                      const char     *display_name,
                      CplLoadMode     mode,
                      CplLoadMonitor *monitor,
                      GError        **error)
{
  g_auto(Document) base = { 0 };
  g_auto(Document) file = { 0 };
  g_autofree char *name = NULL;
  GError *local_error = NULL;

  g_return_val_if_fail (CPL_IS_DATASET (self), FALSE);
  g_return_val_if_fail (bytes != NULL, FALSE);

  document_init (&base);
  document_init (&file);
  /* Messages and origins show the name with its control characters
   * escaped, and, as the last step, so is every message. */
  name = cpl_message_escape (display_name, 0);

  if (mode == CPL_LOAD_OVER_BUILTIN)
    {
      g_autoptr(GBytes) builtin = cpl_dataset_get_builtin_bytes ();

      if (!parse_document (&base, builtin, BUILTIN_NAME, &local_error))
        goto fail;
    }
  base.monitor = file.monitor = monitor;
  if (!parse_document (&file, bytes, name, &local_error))
    goto fail;
  document_merge (&base, &file);
  if (!document_validate (&base, name, &local_error) ||
      !monitor_at (monitor, 1000, 1000, 0, 0, &local_error))
    goto fail;

  cpl_dataset_commit (self, &base);
  return TRUE;

fail:
  cpl_error_escape (local_error);
  g_propagate_error (error, local_error);
  return FALSE;
}

/**
 * cpl_dataset_load_bytes:
 * @display_name: how messages name the file; a name ending in ".csv" is
 *   read as an Epoch AI hardware table
 * @mode: lay the file over the built-in dataset, or read it alone
 *
 * Replaces the dataset's contents with the file's.  On error nothing
 * changes.
 */
gboolean
cpl_dataset_load_bytes (CplDataset  *self,
                        GBytes      *bytes,
                        const char  *display_name,
                        CplLoadMode  mode,
                        GError     **error)
{
  return load_bytes_monitored (self, bytes, display_name, mode, NULL, error);
}

/**
 * cpl_dataset_load_file:
 *
 * Reads @path with cpl_file_read(): a named pipe, a folder or a device
 * is refused at once, not waited on.
 */
gboolean
cpl_dataset_load_file (CplDataset  *self,
                       const char  *path,
                       CplLoadMode  mode,
                       GError     **error)
{
  return cpl_dataset_load_file_monitored (self, path, mode, NULL, error);
}

/**
 * cpl_dataset_load_file_monitored:
 * @monitor: (nullable): the load's cancellable and progress
 *
 * cpl_dataset_load_file() in a thread that another one watches.
 */
gboolean
cpl_dataset_load_file_monitored (CplDataset     *self,
                                 const char     *path,
                                 CplLoadMode     mode,
                                 CplLoadMonitor *monitor,
                                 GError        **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *display_name = g_filename_display_name (path);
  g_autofree char *name = cpl_message_escape (display_name, 0);

  bytes = cpl_file_read (path, name, error);
  if (bytes == NULL || !monitor_at (monitor, PERMILLE_READ, PERMILLE_READ, 0, 0, error))
    return FALSE;
  return load_bytes_monitored (self, bytes, name, mode, monitor, error);
}

/**
 * cpl_dataset_prepare_take:
 *
 * Readies @self, loaded aside in a thread, to be taken by
 * cpl_dataset_take_contents() on the main thread, doing here what that
 * would do there for 10,000 entries: builds the index of each list and
 * stops watching the entries.  Called before a load into @self, it makes
 * the load watch no entry in the first place (and index what it loads).
 * After it, @self is only to be loaded into, taken or dropped.
 */
void
cpl_dataset_prepare_take (CplDataset *self)
{
  g_return_if_fail (CPL_IS_DATASET (self));

  for (guint kind = 0; kind < N_LISTS; kind++)
    {
      GListModel *model = G_LIST_MODEL (self->lists[kind]);
      guint n = g_list_model_get_n_items (model);

      cpl_dataset_index (self, kind);
      for (guint i = 0; i < n && !self->prepared; i++)
        {
          g_autoptr(CplEntity) entity = g_list_model_get_item (model, i);

          g_signal_handlers_disconnect_by_data (entity, self);
        }
    }
  self->prepared = TRUE;
}

/**
 * cpl_dataset_take_contents:
 * @source: a dataset loaded aside (in a thread, say); left empty
 *
 * Replaces the dataset's contents with @source's, as a load does: the
 * lists are spliced once each, on the thread that owns the dataset.
 */
void
cpl_dataset_take_contents (CplDataset *self,
                           CplDataset *source)
{
  g_auto(Document) doc = { 0 };

  g_return_if_fail (CPL_IS_DATASET (self));
  g_return_if_fail (CPL_IS_DATASET (source));
  g_return_if_fail (self != source);

  document_init (&doc);
  /* what @source projected holds for the same objects here */
  doc.projections = g_steal_pointer (&source->projections);
  source->projections = projection_table_new ();
  for (guint kind = 0; kind < N_LISTS; kind++)
    {
      GListModel *model = G_LIST_MODEL (source->lists[kind]);
      guint n = g_list_model_get_n_items (model);

      for (guint i = 0; i < n; i++)
        {
          GObject *item = g_list_model_get_item (model, i);

          if (!source->prepared)
            g_signal_handlers_disconnect_by_data (item, source);
          g_ptr_array_add (doc.lists[kind], item);
        }
      if (source->prepared)
        {
          doc.taken_index[kind] = g_steal_pointer (&source->index[kind]);
          doc.taken_duplicates[kind] = source->index_duplicates[kind];
        }
      g_list_store_remove_all (source->lists[kind]);
    }
  source->prepared = FALSE;
  json_object_unref (doc.extra);
  doc.extra = json_object_ref (source->extra);
  cpl_dataset_commit (self, &doc);
}

/* The top-level member @name that the model does not know (kept for
 * saving), or NULL. */
JsonNode *
cpl_dataset_get_extra_member (CplDataset *self,
                              const char *name)
{
  g_return_val_if_fail (CPL_IS_DATASET (self), NULL);
  return json_object_get_member (self->extra, name);
}

/* Writing ----------------------------------------------------------------- */

/**
 * cpl_dataset_to_data:
 *
 * Returns: (transfer full): the dataset as a JSON document (format 1),
 *   with every member the model did not know where it was.
 */
char *
cpl_dataset_to_data (CplDataset *self,
                     gsize      *length)
{
  g_autoptr(JsonObject) root = json_object_new ();
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(GList) extra = NULL;

  json_object_set_string_member (root, "format", "chip-policy-lab");
  json_object_set_int_member (root, "version", 1);
  for (guint kind = 0; kind < N_LISTS; kind++)
    {
      GListModel *model = G_LIST_MODEL (self->lists[kind]);
      JsonArray *array = json_array_new ();

      for (guint i = 0; i < g_list_model_get_n_items (model); i++)
        {
          g_autoptr(CplEntity) entity = g_list_model_get_item (model, i);
          json_array_add_object_element (array, cpl_entity_to_json (entity));
        }
      json_object_set_array_member (root, list_keys[kind], array);
    }
  extra = json_object_get_members (self->extra);
  for (const GList *l = extra; l != NULL; l = l->next)
    json_object_set_member (root, l->data, json_node_copy (json_object_get_member (self->extra, l->data)));

  node = json_node_init_object (json_node_alloc (), root);
  return cpl_json_to_text (node, length);
}

/* The backup of FILE is FILE~, as GNOME's editors keep it. */
char *
cpl_dataset_backup_path (const char *path)
{
  return g_strconcat (path, "~", NULL);
}

/**
 * cpl_dataset_save_file:
 *
 * Writes the dataset with cpl_file_replace_contents(): through a symbolic
 * link to its target, atomically (a temporary file renamed over @path, so
 * the file on disk is always the old or the new complete version), with
 * the old version kept as @path~ and the file's mode and owner kept.
 * Blocks; CplDocument saves from a thread.
 */
gboolean
cpl_dataset_save_file (CplDataset  *self,
                       const char  *path,
                       GError     **error)
{
  g_autoptr(GFile) file = NULL;
  g_autofree char *data = NULL;
  gsize length;

  g_return_val_if_fail (CPL_IS_DATASET (self), FALSE);

  file = g_file_new_for_path (path);
  data = cpl_dataset_to_data (self, &length);
  return cpl_file_replace_contents (file, data, length, NULL, error);
}
