/* test-document.c: CplDocument: loading and saving in a thread, the
 * user's file kept as it was (mode, symbolic link, FILE~), files that
 * are not regular refused, failed saves that change nothing, and one
 * draft per document that no other document touches.
 *
 * Drafts go to g_get_user_data_dir(): XDG_DATA_HOME is a fresh temporary
 * directory, set before GLib reads it.
 */
#include "config.h"

#include <signal.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#include "cpl-json-private.h"
#include "cpl-test-util.h"

/* Helpers ------------------------------------------------------------------ */

static gboolean
load (CplDocument  *document,
      GFile        *file,
      GError      **error)
{
  gboolean loaded;

  g_assert_false (cpl_document_get_busy (document));
  loaded = cpl_test_document_load (document, file, error);
  g_assert_false (cpl_document_get_busy (document));
  return loaded;
}

static CplEntity *
h200 (CplDocument *document)
{
  CplEntity *entity = cpl_dataset_lookup (cpl_document_get_dataset (document),
                                          CPL_TYPE_REVENUE_CASE, "h200-share-25");

  g_assert_nonnull (entity);
  return entity;
}

static void
set_share (CplDocument *document,
           double       share)
{
  g_assert_true (cpl_entity_set_number (h200 (document), CPL_REVENUE_CASE_REVENUE_SHARE, share, NULL));
}

static double
share_in_file (const char *path)
{
  g_autoptr(CplDataset) dataset = cpl_dataset_new ();
  g_autoptr(GError) error = NULL;

  cpl_dataset_load_file (dataset, path, CPL_LOAD_OVER_BUILTIN, &error);
  g_assert_no_error (error);
  return cpl_entity_get_number (cpl_dataset_lookup (dataset, CPL_TYPE_REVENUE_CASE, "h200-share-25"),
                                CPL_REVENUE_CASE_REVENUE_SHARE);
}

static char *
make_dir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("cpl-document-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

/* Loading ----------------------------------------------------------------- */

/* A file loads over the built-in data, becomes the document's file, and
 * leaves nothing to undo; a bad file changes nothing. */
static void
test_load (void)
{
  g_autoptr(CplDocument) document = cpl_document_new ();
  g_autofree char *good_path = g_test_build_filename (G_TEST_DIST, "fixtures", "unknown-keys.json", NULL);
  g_autoptr(GFile) good = g_file_new_for_path (good_path);
  g_autofree char *dir = make_dir ();
  g_autofree char *bad_path = g_build_filename (dir, "bad.json", NULL);
  g_autoptr(GFile) bad = g_file_new_for_path (bad_path);
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *title = NULL;

  g_assert_true (cpl_document_is_untouched (document));
  g_assert_null (cpl_document_dup_title (document));
  g_assert_true (load (document, good, &error));
  g_assert_no_error (error);
  g_assert_nonnull (cpl_dataset_lookup (cpl_document_get_dataset (document), CPL_TYPE_SCENARIO, "mine"));
  g_assert_true (g_file_equal (cpl_document_get_file (document), good));
  title = cpl_document_dup_title (document);
  g_assert_cmpstr (title, ==, "unknown-keys.json");
  g_assert_false (cpl_document_get_modified (document));
  g_assert_false (cpl_history_can_undo (cpl_document_get_history (document)));
  g_assert_false (cpl_document_is_untouched (document));

  set_share (document, 0.3);
  before = cpl_dataset_to_data (cpl_document_get_dataset (document), NULL);
  g_assert_true (g_file_set_contents (bad_path, "{ \"format\": \"chip-policy-lab\", \"chips\": [ { \"id\": \"x\", \"vendor\": \"nobody\" } ] }", -1, NULL));
  g_assert_false (load (document, bad, &error));
  g_assert_error (error, CPL_DATASET_ERROR, CPL_DATASET_ERROR_REFERENCE);
  g_assert_nonnull (strstr (error->message, "bad.json: chips[0].vendor: unknown vendor \"nobody\""));
  after = cpl_dataset_to_data (cpl_document_get_dataset (document), NULL);
  g_assert_cmpstr (before, ==, after);
  g_assert_true (g_file_equal (cpl_document_get_file (document), good));
  g_assert_true (cpl_document_get_modified (document));

  cpl_document_discard_changes (document);
  cpl_test_remove_tree (dir);
}

/* A cancelled load fails with G_IO_ERROR_CANCELLED and changes nothing:
 * cancelled before it starts, or while its thread is under way (held
 * by the tests' hook, CPL_TEST_HOLD_LOAD, until it sees the cancel). */
static void
test_load_cancelled (void)
{
  g_autoptr(CplDocument) document = cpl_document_new ();
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fixtures", "unknown-keys.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *before = cpl_dataset_to_data (cpl_document_get_dataset (document), NULL);
  const char *hold = g_getenv ("CPL_TEST_HOLD_LOAD");

  for (guint held = 0; held < 2; held++)
    {
      g_autoptr(GCancellable) cancellable = g_cancellable_new ();
      g_autoptr(GAsyncResult) result = NULL;
      g_autoptr(GError) error = NULL;
      g_autofree char *after = NULL;
      GAsyncResult *pending = NULL;

      if (held)
        g_assert_true (g_file_set_contents (hold, "", 0, NULL));
      else
        g_cancellable_cancel (cancellable);
      cpl_document_load_async (document, file, cancellable, cpl_test_store_result, &pending);
      g_assert_true (cpl_document_get_busy (document));
      if (held)
        {
          /* held before reading: nothing done */
          g_assert_cmpfloat (cpl_document_get_load_progress (document), ==, 0);
          g_cancellable_cancel (cancellable);
        }
      result = cpl_test_wait_for_result (&pending);
      g_assert_false (cpl_document_load_finish (document, result, &error));
      g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
      g_assert_false (cpl_document_get_busy (document));
      g_assert_true (cpl_document_is_untouched (document));
      g_assert_null (cpl_document_get_file (document));
      g_assert_cmpfloat (cpl_document_get_load_progress (document), ==, 0);
      after = cpl_dataset_to_data (cpl_document_get_dataset (document), NULL);
      g_assert_cmpstr (before, ==, after);
      if (held)
        g_assert_cmpint (g_unlink (hold), ==, 0);
    }
}

/* The loader's monitor: a whole load ends at 1000 thousandths; a
 * cancelled one stops at its first check, right after reading the file
 * (PERMILLE_READ, 50 of 1000: reading is about a twentieth of a load of
 * the 7.7 MB benchmark file), and leaves the dataset as it was. */
static void
test_load_monitor (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fixtures", "unknown-keys.json", NULL);
  g_autoptr(CplDataset) dataset = cpl_dataset_new ();
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  CplLoadMonitor monitor = { NULL, 0 };
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  g_assert_true (cpl_dataset_load_file_monitored (dataset, path, CPL_LOAD_OVER_BUILTIN, &monitor, &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_atomic_int_get (&monitor.permille), ==, 1000);
  g_assert_nonnull (cpl_dataset_lookup (dataset, CPL_TYPE_SCENARIO, "mine"));

  g_object_unref (dataset);
  dataset = cpl_dataset_new ();
  before = cpl_dataset_to_data (dataset, NULL);
  monitor = (CplLoadMonitor) { cancellable, 0 };
  g_cancellable_cancel (cancellable);
  g_assert_false (cpl_dataset_load_file_monitored (dataset, path, CPL_LOAD_OVER_BUILTIN, &monitor, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpint (g_atomic_int_get (&monitor.permille), ==, 50);
  after = cpl_dataset_to_data (dataset, NULL);
  g_assert_cmpstr (before, ==, after);
  g_assert_null (cpl_dataset_lookup (dataset, CPL_TYPE_SCENARIO, "mine"));
}

/* Saving ------------------------------------------------------------------ */

/* A 0600 file stays 0600 (GIO's replace keeps the mode and owner of the
 * file it replaces), and the old version is FILE~. */
static void
test_save_keeps_mode (void)
{
  g_autoptr(CplDocument) document = cpl_document_new ();
  g_autofree char *dir = make_dir ();
  g_autofree char *path = g_build_filename (dir, "private.json", NULL);
  g_autofree char *backup = g_strconcat (path, "~", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autofree char *kept = NULL;
  g_autofree char *listing = NULL;
  GStatBuf st;

  g_assert_true (g_file_set_contents (path, "{ \"format\": \"chip-policy-lab\", \"version\": 1 }", -1, NULL));
  g_assert_cmpint (g_chmod (path, 0600), ==, 0);

  set_share (document, 0.3);
  g_assert_true (cpl_test_document_save (document, file, &error));
  g_assert_no_error (error);
  g_assert_false (cpl_document_get_modified (document));
  g_assert_true (g_file_equal (cpl_document_get_file (document), file));

  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpuint (st.st_mode & 07777, ==, 0600);
  g_assert_cmpuint (st.st_uid, ==, getuid ());
  cpl_assert_near (share_in_file (path), 0.3, 1e-12);
  g_assert_true (g_file_get_contents (backup, &kept, NULL, NULL));
  g_assert_cmpstr (kept, ==, "{ \"format\": \"chip-policy-lab\", \"version\": 1 }");
  listing = cpl_test_list_dir (dir);
  g_assert_cmpstr (listing, ==, "private.json private.json~");
  cpl_test_remove_tree (dir);
}

/* Saving through a relative symbolic link (two hops) writes the target:
 * the links stay links, the target has the new content and its backup
 * beside it. */
static void
test_save_symlink (void)
{
  g_autoptr(CplDocument) document = cpl_document_new ();
  g_autofree char *dir = make_dir ();
  g_autofree char *sub = g_build_filename (dir, "real", NULL);
  g_autofree char *target = g_build_filename (sub, "data.json", NULL);
  g_autofree char *target_backup = g_strconcat (target, "~", NULL);
  g_autofree char *middle = g_build_filename (sub, "middle.json", NULL);
  g_autofree char *link = g_build_filename (dir, "link.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (link);
  g_autoptr(GError) error = NULL;
  g_autofree char *kept = NULL;
  g_autofree char *top = NULL;
  g_autofree char *inner = NULL;
  GStatBuf st;

  g_assert_cmpint (g_mkdir (sub, 0700), ==, 0);
  g_assert_true (g_file_set_contents (target, "{ \"format\": \"chip-policy-lab\", \"version\": 1 }", -1, NULL));
  /* link.json -> real/middle.json -> data.json (relative to real/) */
  g_assert_cmpint (symlink ("data.json", middle), ==, 0);
  g_assert_cmpint (symlink ("real/middle.json", link), ==, 0);

  set_share (document, 0.3);
  g_assert_true (cpl_test_document_save (document, file, &error));
  g_assert_no_error (error);

  g_assert_cmpint (g_lstat (link, &st), ==, 0);
  g_assert_true (S_ISLNK (st.st_mode));
  g_assert_cmpint (g_lstat (middle, &st), ==, 0);
  g_assert_true (S_ISLNK (st.st_mode));
  g_assert_cmpint (g_lstat (target, &st), ==, 0);
  g_assert_true (S_ISREG (st.st_mode));
  cpl_assert_near (share_in_file (target), 0.3, 1e-12);
  g_assert_true (g_file_get_contents (target_backup, &kept, NULL, NULL));
  g_assert_cmpstr (kept, ==, "{ \"format\": \"chip-policy-lab\", \"version\": 1 }");
  /* the document still names the link the user chose */
  g_assert_true (g_file_equal (cpl_document_get_file (document), file));
  top = cpl_test_list_dir (dir);
  g_assert_cmpstr (top, ==, "link.json real");
  inner = cpl_test_list_dir (sub);
  g_assert_cmpstr (inner, ==, "data.json data.json~ middle.json");
  cpl_test_remove_tree (dir);
}

/* A link loop is refused with a message, not followed forever. */
static void
test_save_symlink_loop (void)
{
  g_autoptr(CplDocument) document = cpl_document_new ();
  g_autofree char *dir = make_dir ();
  g_autofree char *a = g_build_filename (dir, "a.json", NULL);
  g_autofree char *b = g_build_filename (dir, "b.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (a);
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (symlink ("b.json", a), ==, 0);
  g_assert_cmpint (symlink ("a.json", b), ==, 0);
  g_assert_false (cpl_test_document_save (document, file, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_TOO_MANY_LINKS);
  g_assert_nonnull (strstr (error->message, "a.json"));
  cpl_test_remove_tree (dir);
}

/* A FIFO, a device and a folder are refused at once, before anything is
 * opened: GIO would read a FIFO forever for the backup, and /dev/zero
 * without end. */
static void
test_save_not_regular (void)
{
  g_autoptr(CplDocument) document = cpl_document_new ();
  g_autofree char *dir = make_dir ();
  g_autofree char *fifo = g_build_filename (dir, "pipe.json", NULL);
  const struct {
    const char *path;
    int         code;
  } cases[] = {
    { fifo, G_IO_ERROR_NOT_REGULAR_FILE },
    { "/dev/zero", G_IO_ERROR_NOT_REGULAR_FILE },
    { dir, G_IO_ERROR_IS_DIRECTORY },
  };
  g_autofree char *listing = NULL;

  g_assert_cmpint (mkfifo (fifo, 0600), ==, 0);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GFile) file = g_file_new_for_path (cases[i].path);
      g_autoptr(GError) error = NULL;
      g_autofree char *name = g_path_get_basename (cases[i].path);
      gint64 start = g_get_monotonic_time ();

      g_assert_false (cpl_test_document_save (document, file, &error));
      g_assert_error (error, G_IO_ERROR, cases[i].code);
      g_assert_nonnull (strstr (error->message, name));
      /* at once: well under a second */
      g_assert_cmpint (g_get_monotonic_time () - start, <, G_USEC_PER_SEC);
      g_assert_null (cpl_document_get_file (document));
    }
  /* nothing written beside the FIFO */
  listing = cpl_test_list_dir (dir);
  g_assert_cmpstr (listing, ==, "pipe.json");
  cpl_test_remove_tree (dir);
}

/* A write that fails half-way (the file-size limit, EFBIG, stands in for
 * a full disk, and works as root) leaves the old file intact, no
 * temporary file and no backup, and the message names the user's file.
 * GLib 2.74's g_file_replace_contents() would have renamed the half-
 * written file over the old one. */
static void
test_save_write_fails (void)
{
  /* shared by the parent and the child, through XDG_DATA_HOME */
  g_autofree char *dir = g_build_filename (g_get_user_data_dir (), "write-fails", NULL);

  if (g_test_subprocess ())
    {
      g_autoptr(CplDocument) document = cpl_document_new ();
      g_autofree char *path = g_build_filename (dir, "keep.json", NULL);
      g_autoptr(GFile) file = g_file_new_for_path (path);
      g_autoptr(GError) error = NULL;
      struct rlimit limit = { 4096, 4096 };

      /* the built-in dataset is far larger than 4 KiB */
      signal (SIGXFSZ, SIG_IGN);
      g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &limit), ==, 0);
      set_share (document, 0.3);
      g_assert_false (cpl_test_document_save (document, file, &error));
      g_assert_nonnull (error);
      g_assert_true (g_str_has_prefix (error->message, path));
      g_assert_null (strstr (error->message, "goutputstream"));
      g_assert_true (cpl_document_get_modified (document));
      g_assert_null (cpl_document_get_file (document));
      cpl_document_discard_changes (document);
      return;
    }

  {
    g_autofree char *path = g_build_filename (dir, "keep.json", NULL);
    g_autofree char *after = NULL;
    g_autofree char *listing = NULL;

    g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
    g_assert_true (g_file_set_contents (path, "old content", -1, NULL));
    g_test_trap_subprocess (NULL, 30 * G_USEC_PER_SEC, G_TEST_SUBPROCESS_DEFAULT);
    g_test_trap_assert_passed ();
    g_assert_true (g_file_get_contents (path, &after, NULL, NULL));
    g_assert_cmpstr (after, ==, "old content");
    listing = cpl_test_list_dir (dir);
    g_assert_cmpstr (listing, ==, "keep.json");
    cpl_test_remove_tree (dir);
  }
}

/* Drafts -------------------------------------------------------------------- */

static char *
wait_for_draft (CplDocument *document)
{
  char *path = cpl_document_get_draft_path (document);

  for (guint i = 0; i < 400 && !g_file_test (path, G_FILE_TEST_IS_REGULAR); i++)
    {
      g_usleep (10000);
      while (g_main_context_iteration (NULL, FALSE))
        ;
    }
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
  return path;
}

/* Two documents keep two drafts; while they live, no other document (a
 * second instance would look the same way) finds them, so none can offer
 * or delete them.  A crash (the lock dropped, the draft left) makes a
 * draft an orphan, offered with its file, and restoring it gives the
 * edited data back, unsaved; saving removes it. */
static void
test_drafts (void)
{
  g_autoptr(CplDocument) first = cpl_document_new ();
  g_autoptr(CplDocument) second = cpl_document_new ();
  g_autoptr(CplDocument) restored = NULL;
  g_autoptr(GPtrArray) orphans = NULL;
  g_autofree char *dir = make_dir ();
  g_autofree char *path = g_build_filename (dir, "mine.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autofree char *first_draft = NULL;
  g_autofree char *second_draft = NULL;
  g_autofree char *restored_draft = NULL;
  CplDraft *draft;

  g_assert_cmpstr (cpl_document_get_id (first), !=, cpl_document_get_id (second));
  g_assert_true (cpl_test_document_save (first, file, &error));
  g_assert_no_error (error);

  set_share (first, 0.35);
  set_share (second, 0.45);
  first_draft = wait_for_draft (first);
  second_draft = wait_for_draft (second);
  g_assert_cmpstr (first_draft, !=, second_draft);

  /* both live: nothing to offer, nothing deleted */
  orphans = cpl_draft_find_orphans ();
  g_assert_cmpuint (orphans->len, ==, 0);
  g_clear_pointer (&orphans, g_ptr_array_unref);
  g_assert_true (g_file_test (first_draft, G_FILE_TEST_IS_REGULAR));
  g_assert_true (g_file_test (second_draft, G_FILE_TEST_IS_REGULAR));

  /* the first "crashes" */
  cpl_document_release_draft (first);
  orphans = cpl_draft_find_orphans ();
  g_assert_cmpuint (orphans->len, ==, 1);
  draft = g_ptr_array_index (orphans, 0);
  g_assert_cmpstr (cpl_draft_get_id (draft), ==, cpl_document_get_id (first));
  g_assert_nonnull (cpl_draft_get_file (draft));
  g_assert_true (g_file_equal (cpl_draft_get_file (draft), file));
  g_assert_nonnull (cpl_draft_get_time (draft));

  /* while it is offered here, nobody else sees it */
  {
    g_autoptr(GPtrArray) again = cpl_draft_find_orphans ();
    g_assert_cmpuint (again->len, ==, 0);
  }

  restored = cpl_draft_restore (draft, &error);
  g_assert_no_error (error);
  g_assert_nonnull (restored);
  cpl_assert_near (cpl_entity_get_number (h200 (restored), CPL_REVENUE_CASE_REVENUE_SHARE), 0.35, 1e-12);
  g_assert_true (cpl_document_get_modified (restored));
  g_assert_true (g_file_equal (cpl_document_get_file (restored), file));
  /* undo goes back to the file as saved: the built-in 0.25 */
  g_assert_true (cpl_history_undo (cpl_document_get_history (restored)));
  cpl_assert_near (cpl_entity_get_number (h200 (restored), CPL_REVENUE_CASE_REVENUE_SHARE), 0.25, 1e-12);
  g_assert_true (cpl_history_redo (cpl_document_get_history (restored)));
  /* it holds the draft now */
  restored_draft = cpl_document_get_draft_path (restored);
  g_assert_cmpstr (restored_draft, ==, first_draft);
  g_clear_pointer (&orphans, g_ptr_array_unref);
  orphans = cpl_draft_find_orphans ();
  g_assert_cmpuint (orphans->len, ==, 0);

  /* saving removes it; the other document's stays */
  g_assert_true (cpl_test_document_save (restored, NULL, &error));
  g_assert_no_error (error);
  g_assert_false (g_file_test (first_draft, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (second_draft, G_FILE_TEST_IS_REGULAR));
  cpl_assert_near (share_in_file (path), 0.35, 1e-12);

  /* discarding removes the other */
  cpl_document_discard_changes (second);
  g_assert_false (g_file_test (second_draft, G_FILE_TEST_EXISTS));

  g_clear_object (&first);
  cpl_test_remove_tree (dir);
}

/* Save As to a new file after the draft was written: the new file name
 * is recorded in the draft, but that is no edit, so the save still holds
 * every change: the document is unmodified and the draft goes.  (It used
 * to count as an edit made during the save, which left the document
 * "modified" after a successful save.) */
static void
test_save_as_after_draft (void)
{
  g_autoptr(CplDocument) document = cpl_document_new ();
  g_autofree char *dir = make_dir ();
  g_autofree char *path = g_build_filename (dir, "new.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autofree char *draft = NULL;

  set_share (document, 0.35);
  draft = wait_for_draft (document);
  g_assert_true (cpl_test_document_save (document, file, &error));
  g_assert_no_error (error);
  g_assert_false (cpl_document_get_modified (document));
  g_assert_false (g_file_test (draft, G_FILE_TEST_EXISTS));
  cpl_assert_near (share_in_file (path), 0.35, 1e-12);
  cpl_test_remove_tree (dir);
}

/* A real second process: while the process that owns a draft lives,
 * this one neither offers nor deletes it; once it dies (SIGKILL: no
 * clean-up at all), the draft is offered here, untitled, and restores. */
static void
test_draft_of_other_process (void)
{
  int fds[2];
  pid_t pid;
  char id[64] = { 0 };
  gssize n;
  int status;
  g_autofree char *draft_path = NULL;
  g_autoptr(GPtrArray) orphans = NULL;
  g_autoptr(CplDocument) restored = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (pipe (fds), ==, 0);
  pid = fork ();
  g_assert_cmpint (pid, >=, 0);
  if (pid == 0)
    {
      CplDocument *document = cpl_document_new ();
      const char *own = cpl_document_get_id (document);

      close (fds[0]);
      set_share (document, 0.4);
      if (!cpl_document_write_draft (document, NULL))
        _exit (3);
      if (write (fds[1], own, strlen (own)) != (gssize) strlen (own))
        _exit (4);
      close (fds[1]);
      for (;;)
        pause ();
    }
  close (fds[1]);
  n = read (fds[0], id, sizeof id - 1);
  close (fds[0]);
  g_assert_cmpint (n, ==, 36);
  g_assert_true (g_uuid_string_is_valid (id));
  {
    g_autofree char *name = g_strconcat (id, ".json", NULL);
    g_autofree char *dir = cpl_document_get_drafts_dir ();

    draft_path = g_build_filename (dir, name, NULL);
  }

  /* alive: not offered, not touched */
  orphans = cpl_draft_find_orphans ();
  g_assert_cmpuint (orphans->len, ==, 0);
  g_clear_pointer (&orphans, g_ptr_array_unref);
  g_assert_true (g_file_test (draft_path, G_FILE_TEST_IS_REGULAR));

  g_assert_cmpint (kill (pid, SIGKILL), ==, 0);
  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
  g_assert_true (WIFSIGNALED (status));

  orphans = cpl_draft_find_orphans ();
  g_assert_cmpuint (orphans->len, ==, 1);
  g_assert_cmpstr (cpl_draft_get_id (g_ptr_array_index (orphans, 0)), ==, id);
  g_assert_null (cpl_draft_get_file (g_ptr_array_index (orphans, 0)));
  restored = cpl_draft_restore (g_ptr_array_index (orphans, 0), &error);
  g_assert_no_error (error);
  cpl_assert_near (cpl_entity_get_number (h200 (restored), CPL_REVENUE_CASE_REVENUE_SHARE), 0.4, 1e-12);
  g_assert_true (cpl_document_get_modified (restored));
  g_assert_null (cpl_document_get_file (restored));
  cpl_document_discard_changes (restored);
  g_assert_false (g_file_test (draft_path, G_FILE_TEST_EXISTS));
}

/* Built-in data ------------------------------------------------------------- */

static double
chip_price (CplDataset *dataset,
            const char *id)
{
  return cpl_entity_get_number (CPL_ENTITY (cpl_dataset_lookup_chip (dataset, id)), CPL_CHIP_PRICE_USD);
}

/* A saved file holds every entry (it loads alone to the same data), the
 * built-in version it was made from (data/builtin-dataset.json says
 * "2026-12-04.6"), and fingerprints of the entries that are the built-in
 * ones: not of the one the user changed. */
static void
test_self_contained (void)
{
  g_autoptr(CplDocument) document = cpl_document_new ();
  g_autoptr(CplDataset) builtin = cpl_dataset_new_builtin (NULL);
  g_autoptr(CplDataset) alone = cpl_dataset_new ();
  g_autofree char *dir = make_dir ();
  g_autofree char *path = g_build_filename (dir, "whole.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autofree char *h200_print = NULL;
  JsonObject *root;
  JsonObject *entries;
  GListModel *lists[] = {
    cpl_dataset_get_vendors (cpl_document_get_dataset (document)),
    cpl_dataset_get_chips (cpl_document_get_dataset (document)),
    cpl_dataset_get_rules (cpl_document_get_dataset (document)),
    cpl_dataset_get_scenarios (cpl_document_get_dataset (document)),
    cpl_dataset_get_revenue_cases (cpl_document_get_dataset (document)),
  };
  GListModel *alone_lists[G_N_ELEMENTS (lists)];

  g_assert_cmpstr (cpl_builtin_get_version (), ==, "2026-12-04.6");
  set_share (document, 0.3);
  g_assert_true (cpl_test_document_save (document, file, &error));
  g_assert_no_error (error);

  /* every entry, in order, as it is in the document */
  g_assert_true (cpl_dataset_load_file (alone, path, CPL_LOAD_ALONE, &error));
  g_assert_no_error (error);
  alone_lists[0] = cpl_dataset_get_vendors (alone);
  alone_lists[1] = cpl_dataset_get_chips (alone);
  alone_lists[2] = cpl_dataset_get_rules (alone);
  alone_lists[3] = cpl_dataset_get_scenarios (alone);
  alone_lists[4] = cpl_dataset_get_revenue_cases (alone);
  for (guint i = 0; i < G_N_ELEMENTS (lists); i++)
    {
      g_assert_cmpuint (g_list_model_get_n_items (alone_lists[i]), ==, g_list_model_get_n_items (lists[i]));
      g_assert_cmpuint (g_list_model_get_n_items (lists[i]), >, 0);
      for (guint j = 0; j < g_list_model_get_n_items (lists[i]); j++)
        {
          g_autoptr(CplEntity) a = g_list_model_get_item (lists[i], j);
          g_autoptr(CplEntity) b = g_list_model_get_item (alone_lists[i], j);
          g_autofree char *fa = cpl_builtin_fingerprint (a);
          g_autofree char *fb = cpl_builtin_fingerprint (b);

          g_assert_cmpstr (fa, ==, fb);
        }
    }

  g_assert_true (json_parser_load_from_file (parser, path, &error));
  root = json_node_get_object (json_parser_get_root (parser));
  g_assert_cmpstr (json_object_get_string_member (root, "made_from_builtin"), ==, "2026-12-04.6");
  g_assert_false (json_object_has_member (root, "builtin_version"));
  entries = json_object_get_object_member (root, "builtin_entries");
  h200_print = cpl_builtin_fingerprint (CPL_ENTITY (cpl_dataset_lookup_chip (builtin, "nvidia-h200")));
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (entries, "chips"), "nvidia-h200"), ==, h200_print);
  /* changed by the user: no fingerprint */
  g_assert_false (json_object_has_member (json_object_get_object_member (entries, "revenue_cases"), "h200-share-25"));
  g_assert_true (json_object_has_member (json_object_get_object_member (entries, "revenue_cases"), "h20-share-15"));
  cpl_test_remove_tree (dir);
}

/* A file made from older built-in data (cpl_test_write_older_file()):
 * the H200 the user has not changed (price 1) is updated to today's
 * built-in H200 (27,000 USD, data/builtin-dataset.json); the H20 the user
 * changed (price 2) and the B200 the built-in data did not change
 * (35,000) are not.  One undo step. */
static void
test_builtin_update (void)
{
  g_autoptr(CplDocument) document = cpl_document_new ();
  g_autoptr(GPtrArray) updates = NULL;
  g_autofree char *dir = make_dir ();
  g_autofree char *path = g_build_filename (dir, "older.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  CplDataset *dataset = cpl_document_get_dataset (document);
  CplHistory *history = cpl_document_get_history (document);

  cpl_test_write_older_file (path);
  g_assert_true (cpl_test_document_load (document, file, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (cpl_builtin_get_made_from (dataset), ==, "2025-01-01");
  updates = cpl_builtin_find_updates (dataset);
  g_assert_cmpuint (updates->len, ==, 1);
  g_assert_cmpstr (cpl_entity_get_id (g_ptr_array_index (updates, 0)), ==, "nvidia-h200");

  g_assert_cmpuint (cpl_builtin_apply_updates (dataset, history), ==, 1);
  cpl_assert_near (chip_price (dataset, "nvidia-h200"), 27000, 1e-12);
  cpl_assert_near (chip_price (dataset, "nvidia-h20"), 2, 1e-12);
  cpl_assert_near (chip_price (dataset, "nvidia-b200"), 35000, 1e-12);
  g_assert_true (cpl_document_get_modified (document));
  g_clear_pointer (&updates, g_ptr_array_unref);
  updates = cpl_builtin_find_updates (dataset);
  g_assert_cmpuint (updates->len, ==, 0);

  /* one step back, one step forward */
  g_assert_true (cpl_history_undo (history));
  cpl_assert_near (chip_price (dataset, "nvidia-h200"), 1, 1e-12);
  cpl_assert_near (chip_price (dataset, "nvidia-h20"), 2, 1e-12);
  g_assert_false (cpl_document_get_modified (document));
  g_assert_false (cpl_history_can_undo (history));
  g_assert_true (cpl_history_redo (history));
  cpl_assert_near (chip_price (dataset, "nvidia-h200"), 27000, 1e-12);

  /* saved now: made from today's built-in data, nothing to offer */
  g_assert_true (cpl_test_document_save (document, NULL, &error));
  g_assert_no_error (error);
  {
    g_autoptr(CplDocument) current = cpl_document_new ();
    g_autoptr(GPtrArray) none = NULL;

    g_assert_true (cpl_test_document_load (current, file, &error));
    g_assert_cmpstr (cpl_builtin_get_made_from (cpl_document_get_dataset (current)), ==, "2026-12-04.6");
    none = cpl_builtin_find_updates (cpl_document_get_dataset (current));
    g_assert_cmpuint (none->len, ==, 0);
  }
  cpl_test_remove_tree (dir);
}

/* A file saved before scenarios had "capacity_spill" and "seed": its
 * scenarios have neither member, and their fingerprints are of that JSON.
 * Loaded now, they hold the defaults (1 and 1); the one the user did not
 * change must still be recognised, so the built-in update is offered.
 * "h200-share-25" was saved with a share of 0.2 by the older built-in data
 * (today's is 0.25, data/builtin-dataset.json): offered.  "full-ban-2025"
 * was changed by the user after saving (the file's demand growth, 0.5,
 * is not what the fingerprint was taken of): not offered. */
static void
test_builtin_update_before_new_members (void)
{
  g_autoptr(CplDataset) old = cpl_dataset_new_builtin (NULL);
  g_autoptr(CplDocument) document = cpl_document_new ();
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GPtrArray) updates = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = make_dir ();
  g_autofree char *path = g_build_filename (dir, "before-spill.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *data = NULL;
  g_autofree char *text = NULL;
  JsonObject *root;
  JsonArray *scenarios;
  JsonObject *entries = json_object_new ();
  JsonObject *recorded = json_object_new ();
  gsize length;

  g_assert_true (cpl_entity_set_number (cpl_dataset_lookup (old, CPL_TYPE_SCENARIO, "h200-share-25"),
                                        CPL_SCENARIO_REVENUE_SHARE, 0.2, NULL));
  data = cpl_dataset_to_data (old, NULL);
  g_assert_true (json_parser_load_from_data (parser, data, -1, NULL));
  root = json_node_get_object (json_parser_get_root (parser));
  scenarios = json_object_get_array_member (root, "scenarios");
  for (guint i = 0; i < json_array_get_length (scenarios); i++)
    {
      JsonObject *scenario = json_array_get_object_element (scenarios, i);
      const char *id = json_object_get_string_member (scenario, "id");
      g_autoptr(JsonNode) node = json_node_new (JSON_NODE_OBJECT);
      g_autofree char *print = NULL;

      /* as the older app wrote it */
      json_object_remove_member (scenario, "capacity_spill");
      json_object_remove_member (scenario, "seed");
      json_node_set_object (node, scenario);
      g_free (text);
      text = cpl_json_to_text (node, &length);
      print = g_compute_checksum_for_string (G_CHECKSUM_SHA256, text, length);
      json_object_set_string_member (recorded, id, print);
      /* the user's change after that save */
      if (g_str_equal (id, "full-ban-2025"))
        json_object_set_double_member (scenario, "demand_growth", 0.5);
    }
  json_object_set_object_member (entries, "scenarios", recorded);
  json_object_remove_member (root, "builtin_version");
  json_object_set_string_member (root, "made_from_builtin", "2025-01-01");
  json_object_set_object_member (root, "builtin_entries", entries);
  g_free (text);
  text = cpl_json_to_text (json_parser_get_root (parser), &length);
  g_assert_true (g_file_set_contents (path, text, length, &error));

  g_assert_true (cpl_test_document_load (document, file, &error));
  g_assert_no_error (error);
  updates = cpl_builtin_find_updates (cpl_document_get_dataset (document));
  g_assert_cmpuint (updates->len, ==, 1);
  g_assert_cmpstr (cpl_entity_get_id (g_ptr_array_index (updates, 0)), ==, "h200-share-25");
  cpl_test_remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *own_data_home = cpl_test_isolate_data_home ();
  g_autofree char *hold_path = NULL;
  int status;

  g_setenv ("CPL_AUTOSAVE_SECONDS", "1", TRUE);
  /* before any thread: loads wait while this file exists (it does not) */
  hold_path = g_strdup_printf ("%s/cpl-test-document-hold-%d", g_get_tmp_dir (), (int) getpid ());
  g_setenv ("CPL_TEST_HOLD_LOAD", hold_path, TRUE);

  g_test_init (&argc, &argv, NULL);
  g_assert_cmpstr (g_get_user_data_dir (), ==, g_getenv ("CPL_TEST_DATA_HOME"));

  g_test_add_func ("/document/load", test_load);
  g_test_add_func ("/document/load-cancelled", test_load_cancelled);
  g_test_add_func ("/document/load-monitor", test_load_monitor);
  g_test_add_func ("/document/builtin-update-before-new-members", test_builtin_update_before_new_members);
  g_test_add_func ("/document/save-keeps-mode", test_save_keeps_mode);
  g_test_add_func ("/document/save-symlink", test_save_symlink);
  g_test_add_func ("/document/save-symlink-loop", test_save_symlink_loop);
  g_test_add_func ("/document/save-not-regular", test_save_not_regular);
  g_test_add_func ("/document/save-write-fails", test_save_write_fails);
  g_test_add_func ("/document/drafts", test_drafts);
  g_test_add_func ("/document/save-as-after-draft", test_save_as_after_draft);
  g_test_add_func ("/document/self-contained", test_self_contained);
  g_test_add_func ("/document/builtin-update", test_builtin_update);
  g_test_add_func ("/document/draft-of-other-process", test_draft_of_other_process);
  status = g_test_run ();
  if (own_data_home != NULL)
    cpl_test_remove_tree (own_data_home);
  return status;
}
