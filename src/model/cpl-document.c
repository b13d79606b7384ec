/* cpl-document.c: one dataset as the user works on it
 *
 * A document owns a dataset, its undo history, the file it was opened
 * from or saved to (none: untitled) and its draft.  It loads and saves
 * in a thread: a load reads into a fresh dataset that is spliced in on
 * the main thread only once it is whole and valid (a bad file changes
 * nothing), and a save writes a snapshot taken on the main thread.
 *
 * The draft is the unsaved dataset, written a few seconds after the last
 * edit to g_get_user_data_dir()/chip-policy-lab/drafts/ID.json, with
 * ID.info saying which file it belongs to and when it was written, ID
 * being the document's random id.  While the document lives it holds an
 * flock() on ID.lock: another window or process never takes a draft
 * whose lock is held.  The draft goes when the changes are saved or
 * discarded; a crash leaves it, unlocked, for the next start to offer.
 */
#define G_LOG_DOMAIN "cpl-document"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <string.h>
#include <sys/file.h>
#include <unistd.h>

#include "cpl-builtin.h"
#include "cpl-document.h"
#include "cpl-error.h"
#include "cpl-file.h"

#define DRAFT_SECONDS 5

struct _CplDocument
{
  GObject     parent_instance;

  CplDataset *dataset;
  CplHistory *history;
  GFile      *file;
  char       *id;            /* random: names the draft */
  int         lock_fd;       /* the draft's lock, held; -1 before the first draft */
  guint       draft_source;  /* the pause after an edit */
  guint       busy;          /* loads and saves under way */
  struct _LoadData *load;    /* the last load started, until it is done */
  guint64     generation;    /* counts edits: is a finished save still current? */
  guint       draft_on_disk : 1;
};

G_DEFINE_FINAL_TYPE (CplDocument, cpl_document, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_FILE,
  PROP_TITLE,
  PROP_MODIFIED,
  PROP_BUSY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  LOADED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Drafts ------------------------------------------------------------------ */

/**
 * cpl_document_get_drafts_dir:
 *
 * Returns: (transfer full): where drafts are kept
 */
char *
cpl_document_get_drafts_dir (void)
{
  return g_build_filename (g_get_user_data_dir (), "chip-policy-lab", "drafts", NULL);
}

static char *
draft_file_path (const char *id,
                 const char *suffix)
{
  g_autofree char *dir = cpl_document_get_drafts_dir ();
  g_autofree char *name = g_strconcat (id, suffix, NULL);

  return g_build_filename (dir, name, NULL);
}

/* The document's draft (which may not exist yet). */
char *
cpl_document_get_draft_path (CplDocument *self)
{
  g_return_val_if_fail (CPL_IS_DOCUMENT (self), NULL);
  return draft_file_path (self->id, ".json");
}

static guint
draft_seconds (void)
{
  const char *value = g_getenv ("CPL_AUTOSAVE_SECONDS");
  guint64 seconds;

  if (value != NULL && g_ascii_string_to_unsigned (value, 10, 1, 3600, &seconds, NULL))
    return seconds;
  return DRAFT_SECONDS;
}

static gboolean
set_errno_error (GError     **error,
                 int          saved_errno,
                 const char  *path)
{
  g_autofree char *name = g_filename_display_name (path);

  g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
               "%s: %s", name, g_strerror (saved_errno));
  return FALSE;
}

/* Opens and locks ID.lock without waiting: -1 when another holder has it. */
static int
lock_draft (const char  *id,
            GError     **error)
{
  g_autofree char *path = draft_file_path (id, ".lock");
  int fd = g_open (path, O_RDWR | O_CREAT | O_CLOEXEC, 0600);

  if (fd < 0)
    {
      set_errno_error (error, errno, path);
      return -1;
    }
  if (flock (fd, LOCK_EX | LOCK_NB) != 0)
    {
      int saved_errno = errno;

      close (fd);
      if (saved_errno == EWOULDBLOCK)
        g_set_error (error, G_IO_ERROR, G_IO_ERROR_BUSY, "%s: in use", path);
      else
        set_errno_error (error, saved_errno, path);
      return -1;
    }
  return fd;
}

static void
remove_draft_files (const char *id)
{
  g_autofree char *data = draft_file_path (id, ".json");
  g_autofree char *info = draft_file_path (id, ".info");

  g_unlink (data);
  g_unlink (info);
}

/* Removes the draft and its lock, and lets the lock go. */
static void
delete_draft (CplDocument *self)
{
  g_autofree char *lock = draft_file_path (self->id, ".lock");

  g_clear_handle_id (&self->draft_source, g_source_remove);
  if (self->lock_fd < 0)
    return;
  remove_draft_files (self->id);
  /* unlinked while held: nobody can take it in between */
  g_unlink (lock);
  close (self->lock_fd);
  self->lock_fd = -1;
  self->draft_on_disk = FALSE;
}

static char *
draft_info_to_text (GFile *file)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "format");
  json_builder_add_string_value (builder, "chip-policy-lab-draft");
  /* a URI, which any file name fits in as UTF-8; null: untitled */
  json_builder_set_member_name (builder, "file");
  if (file != NULL)
    {
      g_autofree char *uri = g_file_get_uri (file);
      json_builder_add_string_value (builder, uri);
    }
  else
    json_builder_add_null_value (builder);
  json_builder_set_member_name (builder, "time");
  json_builder_add_int_value (builder, g_get_real_time () / G_USEC_PER_SEC);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  return json_generator_to_data (generator, NULL);
}

/**
 * cpl_document_write_draft:
 *
 * Writes the draft now (each file replaced atomically), taking its lock
 * first.  Done by itself a few seconds after the last edit.
 */
gboolean
cpl_document_write_draft (CplDocument  *self,
                          GError      **error)
{
  g_autofree char *dir = cpl_document_get_drafts_dir ();
  g_autofree char *info_path = draft_file_path (self->id, ".info");
  g_autofree char *data_path = draft_file_path (self->id, ".json");
  g_autofree char *info = NULL;
  g_autofree char *data = NULL;
  gsize length;

  g_return_val_if_fail (CPL_IS_DOCUMENT (self), FALSE);

  if (g_mkdir_with_parents (dir, 0700) != 0)
    return set_errno_error (error, errno, dir);
  if (self->lock_fd < 0 && (self->lock_fd = lock_draft (self->id, error)) < 0)
    return FALSE;
  info = draft_info_to_text (self->file);
  if (!g_file_set_contents_full (info_path, info, -1, G_FILE_SET_CONTENTS_CONSISTENT, 0600, error))
    return FALSE;
  data = cpl_dataset_to_data (self->dataset, &length);
  if (!g_file_set_contents_full (data_path, data, length, G_FILE_SET_CONTENTS_CONSISTENT, 0600, error))
    return FALSE;
  self->draft_on_disk = TRUE;
  return TRUE;
}

static gboolean
draft_timeout_cb (gpointer data)
{
  CplDocument *self = data;
  g_autoptr(GError) error = NULL;

  self->draft_source = 0;
  if (cpl_document_get_modified (self) && !cpl_document_write_draft (self, &error))
    g_warning ("Could not write the draft: %s", error->message);
  return G_SOURCE_REMOVE;
}

/* After every edit: the draft is written once the edits pause, and goes
 * as soon as nothing is unsaved (saved, or undone to the saved state). */
static void
cpl_document_update_draft (CplDocument *self)
{
  g_clear_handle_id (&self->draft_source, g_source_remove);
  if (cpl_document_get_modified (self))
    self->draft_source = g_timeout_add_seconds (draft_seconds (), draft_timeout_cb, self);
  else if (self->draft_on_disk)
    delete_draft (self);
}

/* An edit: a save already under way no longer holds every change. */
static void
cpl_document_changed (CplDocument *self)
{
  self->generation++;
  cpl_document_update_draft (self);
}

static void
modified_changed_cb (CplDocument *self)
{
  cpl_document_changed (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODIFIED]);
}

/**
 * cpl_document_release_draft:
 *
 * Lets the draft's lock go and leaves the draft on disk for the next
 * start, as a crash would: for a window closed without a word about its
 * unsaved changes, and for tests.  A draft with nothing unsaved goes.
 */
void
cpl_document_release_draft (CplDocument *self)
{
  g_return_if_fail (CPL_IS_DOCUMENT (self));

  g_clear_handle_id (&self->draft_source, g_source_remove);
  if (!cpl_document_get_modified (self))
    delete_draft (self);
  else if (self->lock_fd >= 0)
    {
      close (self->lock_fd);
      self->lock_fd = -1;
    }
}

/* Orphaned drafts ---------------------------------------------------------- */

struct _CplDraft
{
  char      *id;
  GFile     *file;   /* the file it belongs to; NULL: untitled */
  GDateTime *time;   /* when it was written */
  int        lock_fd;
};

void
cpl_draft_free (CplDraft *draft)
{
  if (draft == NULL)
    return;
  if (draft->lock_fd >= 0)
    close (draft->lock_fd);
  g_free (draft->id);
  g_clear_object (&draft->file);
  g_clear_pointer (&draft->time, g_date_time_unref);
  g_free (draft);
}

const char *
cpl_draft_get_id (CplDraft *draft)
{
  return draft->id;
}

/* Returns: (transfer none) (nullable): the file the draft belongs to */
GFile *
cpl_draft_get_file (CplDraft *draft)
{
  return draft->file;
}

/* Returns: (transfer none): when the draft was written, local time */
GDateTime *
cpl_draft_get_time (CplDraft *draft)
{
  return draft->time;
}

/* Reads ID.info; a missing or broken one still leaves a draft worth
 * offering, untitled, dated by the draft file itself. */
static void
draft_read_info (CplDraft   *draft,
                 const char *data_path)
{
  g_autofree char *path = draft_file_path (draft->id, ".info");
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *object = NULL;
  JsonNode *root;
  GStatBuf st;

  if (json_parser_load_from_file (parser, path, NULL) &&
      (root = json_parser_get_root (parser)) != NULL && JSON_NODE_HOLDS_OBJECT (root))
    object = json_node_get_object (root);
  if (object != NULL)
    {
      JsonNode *file = json_object_get_member (object, "file");
      JsonNode *time = json_object_get_member (object, "time");

      if (file != NULL && JSON_NODE_HOLDS_VALUE (file) && json_node_get_value_type (file) == G_TYPE_STRING)
        draft->file = g_file_new_for_uri (json_node_get_string (file));
      if (time != NULL && JSON_NODE_HOLDS_VALUE (time) && json_node_get_value_type (time) == G_TYPE_INT64)
        draft->time = g_date_time_new_from_unix_local (json_node_get_int (time));
    }
  if (draft->time == NULL && g_stat (data_path, &st) == 0)
    draft->time = g_date_time_new_from_unix_local (st.st_mtime);
  if (draft->time == NULL)
    draft->time = g_date_time_new_now_local ();
}

static int
compare_drafts_by_time (gconstpointer a,
                        gconstpointer b)
{
  const CplDraft *da = *(CplDraft **) a;
  const CplDraft *db = *(CplDraft **) b;

  return g_date_time_compare (da->time, db->time);
}

/**
 * cpl_draft_find_orphans:
 *
 * The drafts that no live document holds (their lock is free), oldest
 * first.  Each is locked until it is freed, restored or discarded, so
 * that no other window or process offers it meanwhile.
 *
 * Returns: (transfer full) (element-type CplDraft): the drafts
 */
GPtrArray *
cpl_draft_find_orphans (void)
{
  g_autofree char *dir = cpl_document_get_drafts_dir ();
  GPtrArray *drafts = g_ptr_array_new_with_free_func ((GDestroyNotify) cpl_draft_free);
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  if (d == NULL)
    return drafts;
  while ((name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *id = NULL;
      g_autofree char *data_path = NULL;
      CplDraft *draft;
      int fd;

      if (!g_str_has_suffix (name, ".json"))
        continue;
      id = g_strndup (name, strlen (name) - strlen (".json"));
      if (!g_uuid_string_is_valid (id))
        continue;
      /* held: a live document's */
      if ((fd = lock_draft (id, NULL)) < 0)
        continue;
      data_path = draft_file_path (id, ".json");
      draft = g_new0 (CplDraft, 1);
      draft->id = g_steal_pointer (&id);
      draft->lock_fd = fd;
      draft_read_info (draft, data_path);
      g_ptr_array_add (drafts, draft);
    }
  g_ptr_array_sort (drafts, compare_drafts_by_time);
  return drafts;
}

/**
 * cpl_draft_discard:
 *
 * Deletes the draft: the user does not want it back.
 */
void
cpl_draft_discard (CplDraft *draft)
{
  g_autofree char *lock = draft_file_path (draft->id, ".lock");

  remove_draft_files (draft->id);
  g_unlink (lock);
}

/**
 * cpl_draft_set_aside:
 *
 * Renames a draft that does not load to ID.json.broken, for whoever wants
 * to look at it; it is not offered again.
 *
 * Returns: (transfer full): the path it was set aside as
 */
char *
cpl_draft_set_aside (CplDraft *draft)
{
  g_autofree char *data = draft_file_path (draft->id, ".json");
  char *broken = g_strconcat (data, ".broken", NULL);

  if (g_rename (data, broken) != 0)
    g_unlink (data);
  cpl_draft_discard (draft);
  return broken;
}

/**
 * cpl_draft_restore:
 *
 * A document with the draft's data, unsaved, belonging to the draft's
 * file (whose contents on disk, if it still loads, is the state undo goes
 * back to).  The document takes the draft over: it keeps it up to date
 * and removes it once the changes are saved or discarded.
 *
 * Returns: (transfer full): the document, or %NULL when the draft does
 *   not load (nothing is changed; see cpl_draft_set_aside())
 */
CplDocument *
cpl_draft_restore (CplDraft  *draft,
                   GError   **error)
{
  g_autofree char *path = draft_file_path (draft->id, ".json");
  g_autofree char *name = g_filename_display_name (path);
  g_autoptr(CplDataset) aside = cpl_dataset_new ();
  g_autoptr(CplDocument) document = NULL;
  g_autofree char *file_path = NULL;

  if (!cpl_dataset_load_file (aside, path, CPL_LOAD_ALONE, error))
    return NULL;

  document = cpl_document_new ();
  if (draft->file != NULL && (file_path = g_file_get_path (draft->file)) != NULL &&
      cpl_dataset_load_file (document->dataset, file_path, CPL_LOAD_OVER_BUILTIN, NULL))
    cpl_history_reset (document->history);
  cpl_dataset_take_contents (document->dataset, aside);
  cpl_history_commit (document->history);
  cpl_document_set_file (document, draft->file);

  g_free (document->id);
  document->id = g_strdup (draft->id);
  document->lock_fd = draft->lock_fd;
  draft->lock_fd = -1;
  document->draft_on_disk = TRUE;
  return g_steal_pointer (&document);
}

/* Loading and saving -------------------------------------------------------- */

static void
cpl_document_hold (CplDocument *self)
{
  if (self->busy++ == 0)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

static void
cpl_document_release (CplDocument *self)
{
  if (--self->busy == 0)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

/* Runs @thread_func in a thread with @data, then @done_cb on the main
 * thread, which completes the returned task (the caller's). */
static void
cpl_document_run (CplDocument         *self,
                  gpointer             source_tag,
                  gpointer             data,
                  GDestroyNotify       data_free,
                  GTaskThreadFunc      thread_func,
                  GAsyncReadyCallback  done_cb,
                  GCancellable        *cancellable,
                  GAsyncReadyCallback  callback,
                  gpointer             user_data)
{
  GTask *task = g_task_new (self, cancellable, callback, user_data);
  g_autoptr(GTask) thread_task = NULL;

  g_task_set_source_tag (task, source_tag);
  cpl_document_hold (self);
  thread_task = g_task_new (self, cancellable, done_cb, task);
  g_task_set_task_data (thread_task, data, data_free);
  g_task_run_in_thread (thread_task, thread_func);
}

typedef struct _LoadData {
  GFile          *file;
  CplLoadMonitor  monitor;  /* its cancellable is the task's */
  char           *hold;     /* tests only: the thread waits while this file exists */
} LoadData;

static void
load_data_free (LoadData *data)
{
  g_object_unref (data->file);
  g_free (data->hold);
  g_free (data);
}

static void
load_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  LoadData *data = task_data;
  GFile *file = data->file;
  g_autoptr(CplDataset) dataset = NULL;
  g_autofree char *path = g_file_get_path (file);
  GError *error = NULL;

  if (path == NULL)
    {
      g_autofree char *uri = g_file_get_uri (file);

      g_task_return_new_error (task, CPL_DATASET_ERROR, CPL_DATASET_ERROR_IO,
                               /* Translators: %s is a file's address */
                               _("%s: the file is not on this computer; copy it here first"), uri);
      return;
    }
  while (data->hold != NULL && g_file_test (data->hold, G_FILE_TEST_EXISTS) &&
         !g_cancellable_is_cancelled (cancellable))
    g_usleep (G_USEC_PER_SEC / 100);
  if (g_task_return_error_if_cancelled (task))
    return;
  /* loaded to be taken: its entries are not watched (only to be
   * unwatched again), and the lists' indexes are made here, not on the
   * main thread when the entries are spliced in */
  dataset = cpl_dataset_new ();
  cpl_dataset_prepare_take (dataset);
  if (!cpl_dataset_load_file_monitored (dataset, path, CPL_LOAD_OVER_BUILTIN, &data->monitor, &error))
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, g_steal_pointer (&dataset), g_object_unref);
}

/* On the main thread: splice the loaded dataset in. */
static void
load_done_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  CplDocument *self = CPL_DOCUMENT (object);
  g_autoptr(GTask) task = user_data;
  g_autoptr(CplDataset) loaded = NULL;
  LoadData *data = g_task_get_task_data (G_TASK (result));
  GError *error = NULL;

  if (self->load == data)
    self->load = NULL;
  /* a cancelled load fails with G_IO_ERROR_CANCELLED, whatever the
   * thread had read */
  loaded = g_task_propagate_pointer (G_TASK (result), &error);
  if (loaded != NULL)
    {
      /* what was opened is the unmodified state, with nothing to undo */
      cpl_history_begin_reset (self->history);
      cpl_dataset_take_contents (self->dataset, loaded);
      cpl_history_reset (self->history);
      cpl_document_set_file (self, data->file);
    }
  /* not busy once the document is in its new state */
  cpl_document_release (self);
  if (loaded != NULL)
    g_signal_emit (self, signals[LOADED], 0);
  if (loaded == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

/**
 * cpl_document_load_async:
 * @file: a dataset JSON or an Epoch AI CSV, laid over the built-in data
 *
 * Reads @file in a thread; once it is whole and valid it replaces the
 * document's data, becomes its file, and the history starts over.  On
 * error nothing changes.  Cancelling @cancellable stops the thread at
 * its next entry and fails the load with %G_IO_ERROR_CANCELLED, the
 * document unchanged.  cpl_document_get_load_progress() says how far the
 * last load started has come.
 */
void
cpl_document_load_async (CplDocument         *self,
                         GFile               *file,
                         GCancellable        *cancellable,
                         GAsyncReadyCallback  callback,
                         gpointer             user_data)
{
  LoadData *data;

  g_return_if_fail (CPL_IS_DOCUMENT (self));
  g_return_if_fail (G_IS_FILE (file));

  data = g_new0 (LoadData, 1);
  data->file = g_object_ref (file);
  data->monitor.cancellable = cancellable;  /* the task holds it */
  /* the window waits: the threads it takes are worth it */
  data->monitor.parallel = TRUE;
  /* the UI tests' way to see a load under way, whatever the machine's speed */
  data->hold = g_strdup (g_getenv ("CPL_TEST_HOLD_LOAD"));
  self->load = data;
  cpl_document_run (self, cpl_document_load_async, data, (GDestroyNotify) load_data_free,
                    load_thread, load_done_cb, cancellable, callback, user_data);
}

/**
 * cpl_document_get_load_progress:
 *
 * Returns: how far the last load started has come, from 0 to 1 (read
 * in the thread); 0 when no load is under way
 */
double
cpl_document_get_load_progress (CplDocument *self)
{
  g_return_val_if_fail (CPL_IS_DOCUMENT (self), 0);
  if (self->load == NULL)
    return 0;
  return g_atomic_int_get (&self->load->monitor.permille) / 1000.0;
}

gboolean
cpl_document_load_finish (CplDocument   *self,
                          GAsyncResult  *result,
                          GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}

typedef struct {
  GFile   *file;
  GBytes  *contents;
  guint64  generation;  /* the edits the contents hold */
} SaveData;

static void
save_data_free (SaveData *data)
{
  g_clear_object (&data->file);
  g_clear_pointer (&data->contents, g_bytes_unref);
  g_free (data);
}

static void
save_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  SaveData *data = task_data;
  gsize length;
  const char *contents = g_bytes_get_data (data->contents, &length);
  GError *error = NULL;

  if (cpl_file_replace_contents (data->file, contents, length, cancellable, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static void
save_done_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  CplDocument *self = CPL_DOCUMENT (object);
  g_autoptr(GTask) task = user_data;
  SaveData *data = g_task_get_task_data (G_TASK (result));
  GError *error = NULL;

  if (g_task_propagate_boolean (G_TASK (result), &error))
    {
      cpl_document_set_file (self, data->file);
      /* edits made while it was written are still unsaved */
      if (data->generation == self->generation)
        cpl_history_set_unmodified (self->history);
    }
  /* not busy once the document is in its new state */
  cpl_document_release (self);
  if (error != NULL)
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

/**
 * cpl_document_save_async:
 * @file: (nullable): where to save; %NULL: the document's file
 *
 * Writes the data as it is now with cpl_file_replace_contents(), in a
 * thread; then @file is the document's file, the changes are saved and
 * the draft goes.  On error the file on disk and the document are as
 * they were.
 */
void
cpl_document_save_async (CplDocument         *self,
                         GFile               *file,
                         GCancellable        *cancellable,
                         GAsyncReadyCallback  callback,
                         gpointer             user_data)
{
  SaveData *data;
  char *contents;
  gsize length;

  g_return_if_fail (CPL_IS_DOCUMENT (self));
  g_return_if_fail (file == NULL || G_IS_FILE (file));
  g_return_if_fail (file != NULL || self->file != NULL);

  /* a burst of edits under way ends here */
  cpl_history_commit (self->history);
  /* every entry, and the built-in data it was made from */
  contents = cpl_builtin_to_file_data (self->dataset, &length);
  data = g_new0 (SaveData, 1);
  data->file = g_object_ref (file != NULL ? file : self->file);
  data->contents = g_bytes_new_take (contents, length);
  data->generation = self->generation;

  cpl_document_run (self, cpl_document_save_async, data, (GDestroyNotify) save_data_free,
                    save_thread, save_done_cb, cancellable, callback, user_data);
}

gboolean
cpl_document_save_finish (CplDocument   *self,
                          GAsyncResult  *result,
                          GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}

/* The document --------------------------------------------------------------- */

CplDataset *
cpl_document_get_dataset (CplDocument *self)
{
  g_return_val_if_fail (CPL_IS_DOCUMENT (self), NULL);
  return self->dataset;
}

/* The undo history; it also knows whether the data is modified. */
CplHistory *
cpl_document_get_history (CplDocument *self)
{
  g_return_val_if_fail (CPL_IS_DOCUMENT (self), NULL);
  return self->history;
}

/* Returns: (transfer none) (nullable): the file; %NULL: untitled */
GFile *
cpl_document_get_file (CplDocument *self)
{
  g_return_val_if_fail (CPL_IS_DOCUMENT (self), NULL);
  return self->file;
}

/**
 * cpl_document_set_file:
 * @file: (nullable): the file the data belongs to
 */
void
cpl_document_set_file (CplDocument *self,
                       GFile       *file)
{
  g_return_if_fail (CPL_IS_DOCUMENT (self));
  g_return_if_fail (file == NULL || G_IS_FILE (file));

  if (self->file == file || (self->file != NULL && file != NULL && g_file_equal (self->file, file)))
    return;
  g_set_object (&self->file, file);
  /* the draft records the file (not an edit: a save under way stays
   * current) */
  if (self->draft_on_disk)
    cpl_document_update_draft (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FILE]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
}

/**
 * cpl_document_dup_title:
 *
 * Returns: (transfer full) (nullable): the file's name for display, or
 *   %NULL for an untitled document
 */
char *
cpl_document_dup_title (CplDocument *self)
{
  g_autofree char *basename = NULL;

  g_return_val_if_fail (CPL_IS_DOCUMENT (self), NULL);

  if (self->file == NULL)
    return NULL;
  basename = g_file_get_basename (self->file);
  return basename != NULL ? g_filename_display_name (basename) : g_file_get_uri (self->file);
}

const char *
cpl_document_get_id (CplDocument *self)
{
  g_return_val_if_fail (CPL_IS_DOCUMENT (self), NULL);
  return self->id;
}

gboolean
cpl_document_get_modified (CplDocument *self)
{
  g_return_val_if_fail (CPL_IS_DOCUMENT (self), FALSE);
  return cpl_history_get_modified (self->history);
}

/* Whether a load or a save is under way. */
gboolean
cpl_document_get_busy (CplDocument *self)
{
  g_return_val_if_fail (CPL_IS_DOCUMENT (self), FALSE);
  return self->busy > 0;
}

/* Untitled, never edited, not loading: a window showing it may take a
 * file instead. */
gboolean
cpl_document_is_untouched (CplDocument *self)
{
  g_return_val_if_fail (CPL_IS_DOCUMENT (self), FALSE);
  return self->file == NULL && self->busy == 0 &&
         !cpl_history_get_modified (self->history) &&
         !cpl_history_can_undo (self->history) && !cpl_history_can_redo (self->history);
}

/**
 * cpl_document_discard_changes:
 *
 * The user chose to lose the unsaved changes (closing): they count as
 * unmodified from now on, and the draft goes.
 */
void
cpl_document_discard_changes (CplDocument *self)
{
  g_return_if_fail (CPL_IS_DOCUMENT (self));

  cpl_history_set_unmodified (self->history);
  delete_draft (self);
}

static GListModel *(*const lists[]) (CplDataset *) = {
  cpl_dataset_get_vendors,
  cpl_dataset_get_chips,
  cpl_dataset_get_rules,
  cpl_dataset_get_scenarios,
  cpl_dataset_get_revenue_cases,
};

static void
cpl_document_dispose (GObject *object)
{
  CplDocument *self = CPL_DOCUMENT (object);

  if (self->history != NULL)
    {
      cpl_document_release_draft (self);
      g_signal_handlers_disconnect_by_data (self->history, self);
      g_signal_handlers_disconnect_by_data (self->dataset, self);
      for (guint i = 0; i < G_N_ELEMENTS (lists); i++)
        g_signal_handlers_disconnect_by_data (lists[i] (self->dataset), self);
    }
  g_clear_object (&self->history);
  g_clear_object (&self->dataset);
  g_clear_object (&self->file);
  G_OBJECT_CLASS (cpl_document_parent_class)->dispose (object);
}

static void
cpl_document_finalize (GObject *object)
{
  CplDocument *self = CPL_DOCUMENT (object);

  g_free (self->id);
  G_OBJECT_CLASS (cpl_document_parent_class)->finalize (object);
}

static void
cpl_document_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  CplDocument *self = CPL_DOCUMENT (object);

  switch (prop_id)
    {
    case PROP_FILE:
      g_value_set_object (value, self->file);
      break;
    case PROP_TITLE:
      g_value_take_string (value, cpl_document_dup_title (self));
      break;
    case PROP_MODIFIED:
      g_value_set_boolean (value, cpl_document_get_modified (self));
      break;
    case PROP_BUSY:
      g_value_set_boolean (value, self->busy > 0);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cpl_document_class_init (CplDocumentClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = cpl_document_dispose;
  object_class->finalize = cpl_document_finalize;
  object_class->get_property = cpl_document_get_property;

  /* The file the data was opened from or saved to; NULL: untitled. */
  properties[PROP_FILE] =
    g_param_spec_object ("file", NULL, NULL, G_TYPE_FILE,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* The file's name for display; NULL: untitled. */
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* Whether the data differs from what was last opened or saved. */
  properties[PROP_MODIFIED] =
    g_param_spec_boolean ("modified", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* Whether a load or a save is under way. */
  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* A file has replaced the document's data. */
  signals[LOADED] =
    g_signal_new ("loaded", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
cpl_document_init (CplDocument *self)
{
  g_autoptr(GError) error = NULL;

  self->lock_fd = -1;
  self->id = g_uuid_string_random ();
  self->dataset = cpl_dataset_new_builtin (&error);
  /* The built-in dataset is compiled in and tested; failing to read it is
   * a bug, not a user error. */
  g_assert_no_error (error);
  self->history = cpl_history_new (self->dataset);
  g_signal_connect_object (self->history, "notify::modified",
                           G_CALLBACK (modified_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->dataset, "entry-changed",
                           G_CALLBACK (cpl_document_changed), self, G_CONNECT_SWAPPED);
  /* entries added, removed or moved */
  for (guint i = 0; i < G_N_ELEMENTS (lists); i++)
    g_signal_connect_object (lists[i] (self->dataset), "items-changed",
                             G_CALLBACK (cpl_document_changed), self, G_CONNECT_SWAPPED);
}

/**
 * cpl_document_new:
 *
 * Returns: (transfer full): an untitled document with the built-in data
 */
CplDocument *
cpl_document_new (void)
{
  return g_object_new (CPL_TYPE_DOCUMENT, NULL);
}
