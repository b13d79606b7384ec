/* test-files.c: opening, saving, undo, unsaved changes and drafts, in
 * real windows under Xvfb, with G_DEBUG=fatal-criticals.  Each window
 * shows its own document.
 *
 * Drafts live in g_get_user_data_dir(): XDG_DATA_HOME is a
 * fresh temporary directory, set before anything reads it, and handed to
 * the subprocesses of g_test_trap_subprocess() through the environment
 * (CPL_TEST_DATA_HOME), so that a child and its parent share it.
 * (G_TEST_OPTION_ISOLATE_DIRS would also point XDG_DATA_DIRS away from
 * /usr/share, where GTK finds its GSettings schemas and icons.)
 */
#include "config.h"

#include <glib/gstdio.h>
#include <signal.h>
#include <string.h>

#include "cpl-application.h"
#include "views/cpl-export-dialog.h"
#include "cpl-test-ui.h"
#include "cpl-window.h"

static CplApplication *app;

/* Helpers ------------------------------------------------------------------ */

/* The window the helpers below work on: the last one opened. */
static CplWindow *current;

static CplDocument *
document (void)
{
  return cpl_window_get_document (current);
}

/* A new window on a new untitled document: the built-in dataset, no
 * file, nothing to undo, nothing unsaved. */
static CplWindow *
open_window (void)
{
  current = cpl_test_open_window (app, NULL, NULL, -1, -1);
  return current;
}

static guint
n_windows (void)
{
  guint n = 0;

  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (app)); l != NULL; l = l->next)
    n += CPL_IS_WINDOW (l->data);
  return n;
}

static CplEntity *
h200 (void)
{
  CplEntity *entity = cpl_dataset_lookup (cpl_document_get_dataset (document ()),
                                          CPL_TYPE_REVENUE_CASE, "h200-share-25");

  g_assert_nonnull (entity);
  return entity;
}

static double
h200_share (void)
{
  return cpl_entity_get_number (h200 (), CPL_REVENUE_CASE_REVENUE_SHARE);
}

static void
set_h200_share (double share)
{
  g_assert_true (cpl_entity_set_number (h200 (), CPL_REVENUE_CASE_REVENUE_SHARE, share, NULL));
}

static gboolean
modified (void)
{
  return cpl_document_get_modified (document ());
}

static const char *
subtitle_of (CplWindow *window)
{
  GtkWidget *title = cpl_test_find_widget (GTK_WIDGET (window), ADW_TYPE_VIEW_SWITCHER_TITLE);

  g_assert_nonnull (title);
  return adw_view_switcher_title_get_subtitle (ADW_VIEW_SWITCHER_TITLE (title));
}

/* The shown message dialog with @heading, or NULL. */
static AdwMessageDialog *
find_dialog (const char *heading)
{
  g_autoptr(GList) toplevels = gtk_window_list_toplevels ();

  for (GList *l = toplevels; l != NULL; l = l->next)
    if (ADW_IS_MESSAGE_DIALOG (l->data) && gtk_widget_get_visible (l->data) &&
        g_strcmp0 (adw_message_dialog_get_heading (l->data), heading) == 0)
      return l->data;
  return NULL;
}

static AdwMessageDialog *
wait_for_dialog (const char *heading)
{
  AdwMessageDialog *dialog = NULL;

  for (guint i = 0; i < 200 && dialog == NULL; i++)
    {
      g_main_context_iteration (NULL, FALSE);
      dialog = find_dialog (heading);
    }
  g_assert_nonnull (dialog);
  return dialog;
}

static gboolean
is_button_labelled (GtkWidget     *widget,
                    gconstpointer  label)
{
  return GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), label) == 0;
}

static GtkWidget *
find_button (GtkWidget  *root,
             const char *label)
{
  return cpl_test_find_matching (root, is_button_labelled, label);
}

/* Clicks the button of @response, as the user would. */
static void
respond (AdwMessageDialog *dialog,
         const char       *response)
{
  GtkWidget *button = find_button (GTK_WIDGET (dialog), adw_message_dialog_get_response_label (dialog, response));

  g_assert_nonnull (button);
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  g_signal_emit_by_name (button, "clicked");
  /* the dialog closes itself (another one may follow it) */
  g_assert_true (dialog == NULL || !gtk_widget_get_visible (GTK_WIDGET (dialog)));
  if (dialog != NULL)
    g_object_remove_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
}

static void
close_dialogs (void)
{
  g_autoptr(GList) toplevels = gtk_window_list_toplevels ();

  for (GList *l = toplevels; l != NULL; l = l->next)
    if (ADW_IS_MESSAGE_DIALOG (l->data))
      gtk_window_destroy (l->data);
}

static char *
temp_path (const char *name)
{
  g_autofree char *dir = g_dir_make_tmp ("cpl-files-XXXXXX", NULL);

  g_assert_nonnull (dir);
  return g_build_filename (dir, name, NULL);
}

/* Runs the main loop until the current document has saved or loaded. */
static void
wait_for_document (void)
{
  cpl_test_wait_for_document (document ());
}

static void
remove_temp (const char *path)
{
  g_autofree char *backup = cpl_dataset_backup_path (path);
  g_autofree char *dir = g_path_get_dirname (path);

  g_unlink (path);
  g_unlink (backup);
  g_rmdir (dir);
}

/* Tests ---------------------------------------------------------------- */

/* Save As, edit, reopen: the saved value is back and everything else is
 * as saved; a second save keeps FILE~; opening a file that is open
 * brings its window forward instead of opening it twice. */
static void
test_save_and_reopen (void)
{
  CplWindow *window = open_window ();
  CplDataset *dataset = cpl_document_get_dataset (document ());
  g_autofree char *path = temp_path ("saved.json");
  g_autofree char *backup = cpl_dataset_backup_path (path);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *saved = NULL;
  g_autofree char *reopened = NULL;
  g_autofree char *first_contents = NULL;
  g_autofree char *backup_contents = NULL;
  CplWindow *second;

  set_h200_share (0.3);
  g_assert_true (modified ());
  cpl_window_save_to (window, file);
  g_assert_true (cpl_document_get_busy (document ()));
  wait_for_document ();
  g_assert_false (modified ());
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "saved.json – Chip Policy Lab");
  g_assert_cmpstr (subtitle_of (window), ==, "saved.json");
  g_assert_true (g_file_equal (cpl_document_get_file (document ()), file));
  g_assert_false (g_file_test (backup, G_FILE_TEST_EXISTS));
  g_assert_null (find_dialog ("Could Not Save the File"));
  /* what the file holds */
  saved = cpl_builtin_to_file_data (dataset, NULL);

  /* opened again from the window: the same window, nothing reloaded */
  set_h200_share (0.5);
  g_assert_cmpstr (subtitle_of (window), ==, "• saved.json");
  cpl_window_open_file (window, file);
  g_assert_cmpuint (n_windows (), ==, 1);
  g_assert_cmpfloat_with_epsilon (h200_share (), 0.5, 1e-12);

  /* in a new window, the file as saved */
  second = cpl_test_open_window (app, NULL, file, -1, -1);
  reopened = cpl_builtin_to_file_data (cpl_document_get_dataset (cpl_window_get_document (second)), NULL);
  g_assert_cmpstr (saved, ==, reopened);
  g_assert_false (cpl_document_get_modified (cpl_window_get_document (second)));
  g_assert_cmpstr (subtitle_of (second), ==, "saved.json");
  g_assert_null (find_dialog ("Could Not Open the File"));
  gtk_window_destroy (GTK_WINDOW (second));

  /* a second save keeps the first as FILE~ */
  g_assert_true (g_file_get_contents (path, &first_contents, NULL, NULL));
  set_h200_share (0.4);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL));
  wait_for_document ();
  g_assert_false (modified ());
  g_assert_true (g_file_get_contents (backup, &backup_contents, NULL, NULL));
  g_assert_cmpstr (backup_contents, ==, first_contents);

  cpl_document_discard_changes (document ());
  gtk_window_destroy (GTK_WINDOW (window));
  remove_temp (path);
}

/* A window with a file (or with unsaved changes) keeps it: another file
 * opens in a new window; an untouched untitled window takes the file. */
static void
test_open_in_new_window (void)
{
  CplWindow *window = open_window ();
  g_autofree char *unknown_path = g_test_build_filename (G_TEST_DIST, "fixtures", "unknown-keys.json", NULL);
  g_autofree char *two_path = g_test_build_filename (G_TEST_DIST, "fixtures", "two-chips.json", NULL);
  g_autoptr(GFile) unknown = g_file_new_for_path (unknown_path);
  g_autoptr(GFile) two = g_file_new_for_path (two_path);
  CplWindow *other = NULL;

  /* untouched: this window takes it */
  cpl_window_open_file (window, unknown);
  wait_for_document ();
  g_assert_cmpuint (n_windows (), ==, 1);
  g_assert_true (g_file_equal (cpl_document_get_file (document ()), unknown));

  /* it has a file now: the next one gets a window of its own, at once,
   * which shows the file once it has loaded */
  cpl_window_open_file (window, two);
  g_assert_cmpuint (n_windows (), ==, 2);
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (app)); l != NULL; l = l->next)
    if (CPL_IS_WINDOW (l->data) && l->data != (gpointer) window)
      other = l->data;
  g_assert_nonnull (other);
  g_assert_true (cpl_window_get_loading (other));
  while (cpl_window_get_loading (other))
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (g_file_equal (cpl_document_get_file (cpl_window_get_document (other)), two));
  /* each window its own data */
  g_assert_true (cpl_window_get_document (other) != document ());
  g_assert_true (g_file_equal (cpl_document_get_file (document ()), unknown));

  /* and an open file is not opened twice */
  cpl_window_open_file (window, two);
  g_assert_cmpuint (n_windows (), ==, 2);

  gtk_window_destroy (GTK_WINDOW (other));
  gtk_window_destroy (GTK_WINDOW (window));
}

/* win.undo and win.redo, enabled as the history allows. */
static void
test_undo_redo (void)
{
  CplWindow *window = open_window ();
  GtkWidget *widget = GTK_WIDGET (window);

  g_assert_false (cpl_history_can_undo (cpl_document_get_history (document ())));
  set_h200_share (0.3);

  g_assert_true (gtk_widget_activate_action (widget, "win.undo", NULL));
  g_assert_cmpfloat_with_epsilon (h200_share (), 0.25, 1e-12);
  g_assert_false (modified ());
  g_assert_cmpstr (subtitle_of (window), ==, "");

  g_assert_true (gtk_widget_activate_action (widget, "win.redo", NULL));
  g_assert_cmpfloat_with_epsilon (h200_share (), 0.3, 1e-12);
  g_assert_true (modified ());

  /* nothing more to redo: the action is off and changes nothing */
  g_assert_false (cpl_history_can_redo (cpl_document_get_history (document ())));
  gtk_widget_activate_action (widget, "win.redo", NULL);
  g_assert_cmpfloat_with_epsilon (h200_share (), 0.3, 1e-12);

  cpl_document_discard_changes (document ());
  gtk_window_destroy (GTK_WINDOW (window));
}

/* A file that does not load leaves the open data and the title as they
 * were, leaves no new window (the one made for it goes), and says why. */
static void
test_bad_file_keeps_data (void)
{
  CplWindow *window = open_window ();
  CplDataset *dataset = cpl_document_get_dataset (document ());
  g_autofree char *path = temp_path ("broken.json");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  AdwMessageDialog *dialog = NULL;

  set_h200_share (0.3);
  before = cpl_dataset_to_data (dataset, NULL);
  g_assert_true (g_file_set_contents (path, "{ \"format\": \"chip-policy-lab\", \"chips\": [ { \"id\": \"x\", \"vendor\": \"nobody\" } ] }", -1, NULL));
  cpl_window_open_file (window, file);
  for (guint i = 0; i < 500 && (dialog = find_dialog ("Could Not Open the File")) == NULL; i++)
    g_main_context_iteration (NULL, TRUE);
  g_assert_nonnull (dialog);
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "broken.json: chips[0].vendor: unknown vendor \"nobody\""));
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (dialog)) == GTK_WINDOW (window));

  after = cpl_dataset_to_data (dataset, NULL);
  g_assert_cmpstr (before, ==, after);
  g_assert_true (modified ());
  g_assert_cmpuint (n_windows (), ==, 1);
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "Chip Policy Lab");

  close_dialogs ();
  cpl_document_discard_changes (document ());
  gtk_window_destroy (GTK_WINDOW (window));
  remove_temp (path);
}

/* "• " marks unsaved changes, and goes when they are saved. */
static void
test_modified_mark (void)
{
  CplWindow *window = open_window ();
  g_autofree char *path = temp_path ("marked.json");
  g_autoptr(GFile) file = g_file_new_for_path (path);

  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "Chip Policy Lab");
  g_assert_cmpstr (subtitle_of (window), ==, "");

  /* no file yet */
  set_h200_share (0.3);
  g_assert_cmpstr (subtitle_of (window), ==, "• Unsaved Dataset");
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "Chip Policy Lab");

  cpl_window_save_to (window, file);
  wait_for_document ();
  g_assert_cmpstr (subtitle_of (window), ==, "marked.json");
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "marked.json – Chip Policy Lab");

  set_h200_share (0.35);
  g_assert_cmpstr (subtitle_of (window), ==, "• marked.json");
  /* the end of the burst of edits changes nothing */
  cpl_test_iterate_for (900);
  g_assert_cmpstr (subtitle_of (window), ==, "• marked.json");

  /* win.save writes to the same file */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL));
  wait_for_document ();
  g_assert_false (modified ());
  g_assert_cmpstr (subtitle_of (window), ==, "marked.json");
  g_assert_null (find_dialog ("Could Not Save the File"));

  gtk_window_destroy (GTK_WINDOW (window));
  remove_temp (path);
}

static GtkWidget *find_file_chooser (void);

/* A save that fails (here for real, even as root: the file's "folder" is
 * a regular file, ENOTDIR) changes nothing, leaves no temporary file,
 * and says so in a dialog that names the user's file and offers Save As. */
static void
test_save_fails (void)
{
  CplWindow *window = open_window ();
  g_autofree char *blocker = temp_path ("notes.txt");
  g_autofree char *dir = g_path_get_dirname (blocker);
  g_autofree char *path = g_build_filename (blocker, "x.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *listing = NULL;
  g_autofree char *blocker_contents = NULL;
  AdwMessageDialog *dialog;
  GtkWidget *chooser = NULL;

  g_assert_true (g_file_set_contents (blocker, "not a folder", -1, NULL));
  set_h200_share (0.3);
  cpl_window_save_to (window, file);
  wait_for_document ();
  g_assert_true (modified ());
  g_assert_null (cpl_document_get_file (document ()));
  /* nothing beside it, and it is as it was */
  listing = cpl_test_list_dir (dir);
  g_assert_cmpstr (listing, ==, "notes.txt");
  g_assert_true (g_file_get_contents (blocker, &blocker_contents, NULL, NULL));
  g_assert_cmpstr (blocker_contents, ==, "not a folder");

  dialog = wait_for_dialog ("Could Not Save the File");
  g_assert_cmpstr (adw_message_dialog_get_body (dialog), ==,
                   "“x.json” was not saved because its folder does not exist. Save the dataset in another folder.");
  g_assert_cmpstr (adw_message_dialog_get_response_label (dialog, "save-as"), ==, "Save _As…");
  g_assert_cmpstr (adw_message_dialog_get_default_response (dialog), ==, "save-as");
  g_assert_cmpstr (adw_message_dialog_get_close_response (dialog), ==, "cancel");
  respond (dialog, "save-as");
  for (guint i = 0; i < 100 && (chooser = find_file_chooser ()) == NULL; i++)
    g_main_context_iteration (NULL, FALSE);
  g_assert_nonnull (chooser);
  gtk_dialog_response (GTK_DIALOG (chooser), GTK_RESPONSE_CANCEL);
  g_assert_true (modified ());

  cpl_document_discard_changes (document ());
  gtk_window_destroy (GTK_WINDOW (window));
  g_unlink (blocker);
  g_rmdir (dir);
}

/* Closing with unsaved changes asks: Cancel keeps the window, Discard
 * closes it. */
static void
test_close_asks (void)
{
  CplWindow *window = open_window ();
  AdwMessageDialog *dialog;

  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &window);
  set_h200_share (0.3);

  gtk_window_close (GTK_WINDOW (window));
  dialog = wait_for_dialog ("Save Changes?");
  g_assert_nonnull (window);
  g_assert_cmpstr (adw_message_dialog_get_body (dialog), ==,
                   "The dataset has unsaved changes. Changes that are not saved will be lost.");
  g_assert_cmpstr (adw_message_dialog_get_default_response (dialog), ==, "save");
  g_assert_cmpint (adw_message_dialog_get_response_appearance (dialog, "save"), ==, ADW_RESPONSE_SUGGESTED);
  g_assert_cmpint (adw_message_dialog_get_response_appearance (dialog, "discard"), ==, ADW_RESPONSE_DESTRUCTIVE);
  respond (dialog, "cancel");
  cpl_test_iterate_for (100);
  g_assert_nonnull (window);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (window)));
  g_assert_true (modified ());
  g_assert_null (find_dialog ("Save Changes?"));

  /* Ctrl+W does the same */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "window.close", NULL));
  dialog = wait_for_dialog ("Save Changes?");
  respond (dialog, "discard");
  for (guint i = 0; i < 100 && window != NULL; i++)
    g_main_context_iteration (NULL, FALSE);
  g_assert_null (window);
}

/* Save in the close dialog saves to the window's file, then closes. */
static void
test_close_saves (void)
{
  CplWindow *window = open_window ();
  g_autofree char *path = temp_path ("closing.json");
  g_autofree char *backup = cpl_dataset_backup_path (path);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(CplDataset) reread = cpl_dataset_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(CplDocument) doc = g_object_ref (document ());
  AdwMessageDialog *dialog;

  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &window);
  g_assert_true (cpl_test_save (window, file, &error));
  g_assert_no_error (error);
  set_h200_share (0.3);

  gtk_window_close (GTK_WINDOW (window));
  dialog = wait_for_dialog ("Save Changes?");
  g_assert_cmpstr (adw_message_dialog_get_body (dialog), ==,
                   "“closing.json” has unsaved changes. Changes that are not saved will be lost.");
  respond (dialog, "save");
  for (guint i = 0; i < 500 && window != NULL; i++)
    g_main_context_iteration (NULL, TRUE);
  g_assert_null (window);
  g_assert_false (cpl_document_get_modified (doc));

  g_assert_true (cpl_dataset_load_file (reread, path, CPL_LOAD_ALONE, &error));
  g_assert_no_error (error);
  g_assert_cmpfloat_with_epsilon (cpl_entity_get_number (cpl_dataset_lookup (reread, CPL_TYPE_REVENUE_CASE, "h200-share-25"),
                                                         CPL_REVENUE_CASE_REVENUE_SHARE), 0.3, 1e-12);
  g_assert_true (g_file_test (backup, G_FILE_TEST_IS_REGULAR));
  remove_temp (path);
}

/* Closing while a save is under way waits for it, then closes without
 * asking: the changes are saved by then. */
static void
test_close_while_saving (void)
{
  CplWindow *window = open_window ();
  g_autoptr(CplDocument) doc = g_object_ref (document ());
  g_autofree char *path = temp_path ("busy.json");
  g_autoptr(GFile) file = g_file_new_for_path (path);

  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &window);
  set_h200_share (0.3);
  cpl_window_save_to (window, file);
  g_assert_true (cpl_document_get_busy (doc));
  gtk_window_close (GTK_WINDOW (window));
  /* still there: the save goes on */
  g_assert_nonnull (window);
  cpl_test_wait_for_document (doc);
  for (guint i = 0; i < 100 && window != NULL; i++)
    g_main_context_iteration (NULL, FALSE);
  g_assert_null (window);
  g_assert_null (find_dialog ("Save Changes?"));
  g_assert_false (cpl_document_get_modified (doc));
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
  remove_temp (path);
}

/* A file made from older built-in data: a bar offers the one entry the
 * user has not changed (the H200: price 1 in the file, 27,000 USD in
 * today's built-in data); Update takes it, as one step that Undo takes
 * back. */
static void
test_builtin_banner (void)
{
  g_autofree char *path = temp_path ("older.json");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  CplWindow *window;
  GtkRevealer *revealer;
  GtkLabel *label;
  CplDataset *dataset;

  cpl_test_write_older_file (path);
  window = cpl_test_open_window (app, NULL, file, -1, -1);
  current = window;
  dataset = cpl_document_get_dataset (document ());
  revealer = GTK_REVEALER (cpl_test_find_widget (GTK_WIDGET (window), GTK_TYPE_REVEALER));
  g_assert_nonnull (revealer);
  g_assert_true (gtk_revealer_get_reveal_child (revealer));
  label = GTK_LABEL (cpl_test_find_widget (GTK_WIDGET (revealer), GTK_TYPE_LABEL));
  g_assert_cmpstr (gtk_label_get_label (label), ==,
                   "This file was made with the built-in data of 2025-01-01. 1 entry you have not changed has newer built-in values.");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.update-builtin", NULL));
  g_assert_false (gtk_revealer_get_reveal_child (revealer));
  g_assert_cmpfloat_with_epsilon (cpl_entity_get_number (CPL_ENTITY (cpl_dataset_lookup_chip (dataset, "nvidia-h200")),
                                                         CPL_CHIP_PRICE_USD), 27000, 1e-9);
  g_assert_cmpfloat_with_epsilon (cpl_entity_get_number (CPL_ENTITY (cpl_dataset_lookup_chip (dataset, "nvidia-h20")),
                                                         CPL_CHIP_PRICE_USD), 2, 1e-9);
  g_assert_true (modified ());
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  g_assert_cmpfloat_with_epsilon (cpl_entity_get_number (CPL_ENTITY (cpl_dataset_lookup_chip (dataset, "nvidia-h200")),
                                                         CPL_CHIP_PRICE_USD), 1, 1e-9);
  g_assert_false (modified ());

  /* a file made from today's data: no bar */
  gtk_window_destroy (GTK_WINDOW (window));
  window = open_window ();
  revealer = GTK_REVEALER (cpl_test_find_widget (GTK_WIDGET (window), GTK_TYPE_REVEALER));
  g_assert_false (gtk_revealer_get_reveal_child (revealer));
  gtk_window_destroy (GTK_WINDOW (window));
  remove_temp (path);
}

/* app.quit (Ctrl+Q) with unsaved changes asks first. */
static void
test_quit_asks (void)
{
  CplWindow *window = open_window ();
  AdwMessageDialog *dialog;

  set_h200_share (0.3);
  g_action_group_activate_action (G_ACTION_GROUP (app), "quit", NULL);
  dialog = wait_for_dialog ("Save Changes?");
  respond (dialog, "cancel");
  g_assert_true (modified ());
  cpl_document_discard_changes (document ());
  gtk_window_destroy (GTK_WINDOW (window));
}

static GtkDropTarget *
drop_target_of (GtkWidget *widget)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_DROP_TARGET (controller))
        return GTK_DROP_TARGET (controller);
    }
  return NULL;
}

/* A file dropped on an untouched window opens in it; dropped on a window
 * with unsaved changes, it opens in a new window and the changes stay. */
static void
test_drop_opens (void)
{
  CplWindow *window = open_window ();
  GtkDropTarget *target = drop_target_of (GTK_WIDGET (window));
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fixtures", "unknown-keys.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  GValue value = G_VALUE_INIT;
  GSList *files = g_slist_prepend (NULL, file);
  gboolean handled = FALSE;
  CplWindow *other = NULL;

  g_assert_nonnull (target);

  /* a file list, on an untouched window: opens there */
  g_value_init (&value, GDK_TYPE_FILE_LIST);
  g_value_take_boxed (&value, gdk_file_list_new_from_list (files));
  g_signal_emit_by_name (target, "drop", &value, 0.0, 0.0, &handled);
  g_value_unset (&value);
  g_assert_true (handled);
  wait_for_document ();
  g_assert_nonnull (cpl_dataset_lookup (cpl_document_get_dataset (document ()), CPL_TYPE_SCENARIO, "mine"));
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "unknown-keys.json – Chip Policy Lab");
  gtk_window_destroy (GTK_WINDOW (window));

  /* a file, over unsaved changes: a new window; the changes stay */
  window = open_window ();
  target = drop_target_of (GTK_WIDGET (window));
  set_h200_share (0.3);
  g_value_init (&value, G_TYPE_FILE);
  g_value_set_object (&value, file);
  g_signal_emit_by_name (target, "drop", &value, 0.0, 0.0, &handled);
  g_value_unset (&value);
  /* shown at once, the file loading behind it */
  g_assert_cmpuint (n_windows (), ==, 2);
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (app)); l != NULL; l = l->next)
    if (CPL_IS_WINDOW (l->data) && l->data != (gpointer) window)
      other = l->data;
  g_assert_nonnull (other);
  while (cpl_window_get_loading (other))
    g_main_context_iteration (NULL, TRUE);
  g_assert_null (find_dialog ("Save Changes?"));
  g_assert_null (cpl_dataset_lookup (cpl_document_get_dataset (document ()), CPL_TYPE_SCENARIO, "mine"));
  g_assert_cmpfloat_with_epsilon (h200_share (), 0.3, 1e-12);
  g_assert_nonnull (cpl_dataset_lookup (cpl_document_get_dataset (cpl_window_get_document (other)),
                                        CPL_TYPE_SCENARIO, "mine"));

  g_slist_free (files);
  gtk_window_destroy (GTK_WINDOW (other));
  cpl_document_discard_changes (document ());
  gtk_window_destroy (GTK_WINDOW (window));
}

static GtkWidget *
find_file_chooser (void)
{
  g_autoptr(GList) toplevels = gtk_window_list_toplevels ();

  for (GList *l = toplevels; l != NULL; l = l->next)
    if (GTK_IS_FILE_CHOOSER (l->data) && gtk_widget_get_visible (l->data))
      return l->data;
  return NULL;
}

/* An opened CSV has no file to save to: Save asks where, and the answer
 * goes through the same save as Save As. */
static void
test_csv_save_asks (void)
{
  const char *csv = g_getenv ("CPL_EPOCH_CSV");
  g_autofree char *csv_contents = NULL;
  g_autofree char *path = temp_path ("ml_hardware.csv");
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *json_path = g_build_filename (dir, "ml_hardware.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) proposed = NULL;
  g_autofree char *after = NULL;
  CplWindow *window;
  GtkWidget *chooser;

  if (csv == NULL || !g_file_get_contents (csv, &csv_contents, NULL, NULL))
    g_error ("CPL_EPOCH_CSV must name tests/fixtures/epoch/ml_hardware.csv");
  g_assert_true (g_file_set_contents (path, csv_contents, -1, NULL));

  window = open_window ();
  g_assert_true (cpl_test_load_file (window, file, NULL));
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "ml_hardware.csv – Chip Policy Lab");
  set_h200_share (0.3);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL));
  for (guint i = 0; i < 100 && (chooser = find_file_chooser ()) == NULL; i++)
    g_main_context_iteration (NULL, FALSE);
  g_assert_nonnull (chooser);
  /* the CSV is untouched */
  g_assert_true (g_file_get_contents (path, &after, NULL, NULL));
  g_assert_cmpstr (after, ==, csv_contents);
  g_assert_true (modified ());

  /* it proposes name.json beside the table; accept that */
  g_assert_cmpint (gtk_file_chooser_get_action (GTK_FILE_CHOOSER (chooser)), ==, GTK_FILE_CHOOSER_ACTION_SAVE);
  g_assert_cmpstr (gtk_file_chooser_get_current_name (GTK_FILE_CHOOSER (chooser)), ==, "ml_hardware.json");
  for (guint i = 0; i < 100 && proposed == NULL; i++)
    {
      /* the chooser loads the folder asynchronously */
      cpl_test_iterate_for (50);
      proposed = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
    }
  g_assert_nonnull (proposed);
  g_assert_cmpstr (g_file_peek_path (proposed), ==, json_path);
  gtk_dialog_response (GTK_DIALOG (chooser), GTK_RESPONSE_ACCEPT);
  for (guint i = 0; i < 100 && modified (); i++)
    cpl_test_iterate_for (50);
  wait_for_document ();
  g_assert_false (modified ());
  g_assert_true (g_file_test (json_path, G_FILE_TEST_IS_REGULAR));
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "ml_hardware.json – Chip Policy Lab");

  gtk_window_destroy (GTK_WINDOW (window));
  g_unlink (json_path);
  remove_temp (path);
}

/* The draft of the current document, once written. */
static char *
wait_for_draft (void)
{
  char *draft = cpl_document_get_draft_path (document ());

  for (guint i = 0; i < 200 && !g_file_test (draft, G_FILE_TEST_IS_REGULAR); i++)
    cpl_test_iterate_for (50);
  g_assert_true (g_file_test (draft, G_FILE_TEST_IS_REGULAR));
  return draft;
}

/* The child of test_draft_after_crash(): saves a file, edits it, waits
 * for the draft, and dies without a word.  A second, untitled window with
 * its own edits and draft is still open then. */
static void
crash_after_draft (void)
{
  g_autofree char *path = g_build_filename (g_get_user_data_dir (), "crash.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  GtkWindow *window;

  g_application_activate (G_APPLICATION (app));
  window = gtk_application_get_active_window (GTK_APPLICATION (app));
  g_assert_true (CPL_IS_WINDOW (window));
  current = CPL_WINDOW (window);
  cpl_test_wait_for_draw (GTK_WIDGET (window));
  /* no draft to offer */
  g_assert_null (find_dialog ("Restore Unsaved Changes?"));

  set_h200_share (0.3);
  g_assert_true (cpl_test_save (current, file, &error));
  g_assert_no_error (error);
  set_h200_share (0.35);
  first = wait_for_draft ();

  /* two documents, two drafts */
  open_window ();
  set_h200_share (0.45);
  second = wait_for_draft ();
  g_assert_cmpstr (first, !=, second);
  g_assert_true (g_file_test (first, G_FILE_TEST_IS_REGULAR));

  g_print ("drafts written\n");
  fflush (stdout);
  raise (SIGKILL);
}

/* The drafts of this process's live documents. */
static guint
n_orphans (void)
{
  g_autoptr(GPtrArray) orphans = cpl_draft_find_orphans ();

  return orphans->len;
}

/* A crash with unsaved changes: the next start offers each draft with its
 * file's name, and restoring gives the edited data back, unsaved. */
static void
test_draft_after_crash (void)
{
  g_autofree char *dir = cpl_document_get_drafts_dir ();
  g_autofree char *path = g_build_filename (g_get_user_data_dir (), "crash.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *draft = NULL;
  AdwMessageDialog *dialog;
  const char *body;
  CplWindow *restored = NULL;

  /* every second, in the child too (it inherits the environment) */
  g_setenv ("CPL_AUTOSAVE_SECONDS", "1", TRUE);
  if (g_test_subprocess ())
    {
      crash_after_draft ();
      return;
    }

  g_test_trap_subprocess (NULL, 60 * G_USEC_PER_SEC, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_failed ();
  g_test_trap_assert_stdout ("*drafts written*");
  g_test_trap_assert_stderr_unmatched ("*CRITICAL*");
  g_test_trap_assert_stderr_unmatched ("*ERROR*");

  /* the first window of this process offers both, oldest first: the
   * crash.json one, then the untitled one */
  g_application_activate (G_APPLICATION (app));
  dialog = wait_for_dialog ("Restore Unsaved Changes?");
  body = adw_message_dialog_get_body (dialog);
  g_assert_true (g_str_has_prefix (body, "Chip Policy Lab closed before the changes to “crash.json” were saved. The changes kept at "));
  g_assert_true (g_str_has_suffix (body, " can be restored."));
  g_assert_cmpstr (adw_message_dialog_get_default_response (dialog), ==, "restore");
  g_assert_cmpint (adw_message_dialog_get_response_appearance (dialog, "restore"), ==, ADW_RESPONSE_SUGGESTED);
  respond (dialog, "restore");

  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (app)); l != NULL; l = l->next)
    if (CPL_IS_WINDOW (l->data) && cpl_document_get_file (cpl_window_get_document (l->data)) != NULL)
      restored = l->data;
  g_assert_nonnull (restored);
  current = restored;
  /* the edit is back, unsaved, in the file it belongs to */
  g_assert_cmpfloat_with_epsilon (h200_share (), 0.35, 1e-12);
  g_assert_true (modified ());
  g_assert_true (g_file_equal (cpl_document_get_file (document ()), file));
  g_assert_cmpstr (subtitle_of (current), ==, "• crash.json");
  g_assert_null (find_dialog ("Could Not Restore the Changes"));
  /* still unsaved: the draft stays, now this document's (held: not an orphan) */
  draft = cpl_document_get_draft_path (document ());
  g_assert_true (g_file_test (draft, G_FILE_TEST_IS_REGULAR));

  /* the untitled one is offered next; Discard deletes it */
  dialog = wait_for_dialog ("Restore Unsaved Changes?");
  g_assert_true (g_str_has_prefix (adw_message_dialog_get_body (dialog),
                                   "Chip Policy Lab closed before the changes to an unsaved dataset were saved."));
  respond (dialog, "discard");
  g_assert_null (find_dialog ("Restore Unsaved Changes?"));
  /* the only draft left is the restored document's, which it holds */
  g_assert_cmpuint (n_orphans (), ==, 0);

  /* undo goes back to the file as saved */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (current), "win.undo", NULL));
  g_assert_cmpfloat_with_epsilon (h200_share (), 0.3, 1e-12);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (current), "win.redo", NULL));
  g_assert_cmpfloat_with_epsilon (h200_share (), 0.35, 1e-12);

  /* saving makes the draft go */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (current), "win.save", NULL));
  wait_for_document ();
  g_assert_false (modified ());
  g_assert_false (g_file_test (draft, G_FILE_TEST_EXISTS));

  /* and the document keeps a draft while there are changes */
  set_h200_share (0.4);
  g_free (wait_for_draft ());
  /* undone to the saved state: nothing to keep */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (current), "win.undo", NULL));
  g_assert_false (modified ());
  g_assert_false (g_file_test (draft, G_FILE_TEST_EXISTS));

  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (app)); l != NULL; l = gtk_application_get_windows (GTK_APPLICATION (app)))
    gtk_window_destroy (l->data);
  g_unlink (path);
}

/* A draft that does not load says why, is set aside, and changes
 * nothing.  In a subprocess: the offer is made once per process. */
static void
test_draft_broken (void)
{
  g_autofree char *dir = cpl_document_get_drafts_dir ();
  const char *id = "0b5a6f0e-6d0c-4a8e-9b43-3c1f4c0d2e11";
  g_autofree char *name = g_strconcat (id, ".json", NULL);
  g_autofree char *draft = g_build_filename (dir, name, NULL);
  g_autofree char *broken = g_strconcat (draft, ".broken", NULL);

  if (g_test_subprocess ())
    {
      AdwMessageDialog *dialog;

      g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
      g_assert_true (g_file_set_contents (draft, "{ \"format\": \"chip-policy-lab\", \"chips\": [ { \"id\": ", -1, NULL));

      g_application_activate (G_APPLICATION (app));
      dialog = wait_for_dialog ("Restore Unsaved Changes?");
      /* no info file: the draft belongs to no file */
      g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "an unsaved dataset"));
      respond (dialog, "restore");

      dialog = wait_for_dialog ("Could Not Restore the Changes");
      g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), name));
      g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), ".json.broken"));
      g_assert_false (g_file_test (draft, G_FILE_TEST_EXISTS));
      g_assert_true (g_file_test (broken, G_FILE_TEST_IS_REGULAR));
      /* the window shown meanwhile is as it was */
      g_assert_cmpuint (n_windows (), ==, 1);
      current = CPL_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (app)));
      g_assert_false (modified ());
      g_assert_null (cpl_document_get_file (document ()));
      return;
    }

  g_test_trap_subprocess (NULL, 60 * G_USEC_PER_SEC, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
  g_assert_true (g_file_test (broken, G_FILE_TEST_IS_REGULAR));
  g_unlink (broken);
}

/* The number of windows the running instance exports on the session bus
 * (GtkApplication puts each window's actions at APP_PATH/window/N). */
static guint
n_exported_windows (GDBusConnection *bus)
{
  g_autoptr(GVariant) reply = NULL;
  g_autoptr(GDBusNodeInfo) node = NULL;
  const char *xml;
  guint n = 0;

  reply = g_dbus_connection_call_sync (bus, APP_ID, "/io/github/chippolicylab/ChipPolicyLab/window",
                                       "org.freedesktop.DBus.Introspectable", "Introspect",
                                       NULL, G_VARIANT_TYPE ("(s)"), G_DBUS_CALL_FLAGS_NONE,
                                       2000, NULL, NULL);
  if (reply == NULL)
    return 0;
  g_variant_get (reply, "(&s)", &xml);
  node = g_dbus_node_info_new_for_xml (xml, NULL);
  for (guint i = 0; node != NULL && node->nodes != NULL && node->nodes[i] != NULL; i++)
    n++;
  return n;
}

static gboolean
name_has_owner (GDBusConnection *bus)
{
  g_autoptr(GVariant) reply = g_dbus_connection_call_sync (bus, "org.freedesktop.DBus", "/org/freedesktop/DBus",
                                                           "org.freedesktop.DBus", "NameHasOwner",
                                                           g_variant_new ("(s)", APP_ID), G_VARIANT_TYPE ("(b)"),
                                                           G_DBUS_CALL_FLAGS_NONE, 2000, NULL, NULL);
  gboolean owned = FALSE;

  if (reply != NULL)
    g_variant_get (reply, "(b)", &owned);
  return owned;
}

/* The app is single-instance: `chip-policy-lab FILE` while it runs hands
 * FILE to the running instance and exits at once; there, the untouched
 * window takes the first file and the second gets a new window. */
static void
test_single_instance (void)
{
  const char *exe = g_getenv ("CPL_EXE");
  g_autofree char *a = g_test_build_filename (G_TEST_DIST, "fixtures", "unknown-keys.json", NULL);
  g_autofree char *b = g_test_build_filename (G_TEST_DIST, "fixtures", "two-chips.json", NULL);
  g_autoptr(GDBusConnection) bus = g_bus_get_sync (G_BUS_TYPE_SESSION, NULL, NULL);
  g_autoptr(GSubprocessLauncher) launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_SILENCE);
  g_autoptr(GSubprocess) primary = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *data_home = g_dir_make_tmp ("cpl-single-XXXXXX", NULL);
  const char *files[] = { a, b };

  g_assert_nonnull (exe);
  g_assert_nonnull (bus);
  if (name_has_owner (bus))
    {
      g_test_skip ("another Chip Policy Lab owns the bus name");
      return;
    }
  g_subprocess_launcher_setenv (launcher, "XDG_DATA_HOME", data_home, TRUE);
  primary = g_subprocess_launcher_spawn (launcher, &error, exe, NULL);
  g_assert_no_error (error);
  for (guint i = 0; i < 200 && n_exported_windows (bus) < 1; i++)
    cpl_test_iterate_for (50);
  g_assert_true (name_has_owner (bus));
  g_assert_cmpuint (n_exported_windows (bus), ==, 1);

  for (guint f = 0; f < G_N_ELEMENTS (files); f++)
    {
      g_autoptr(GSubprocess) second = g_subprocess_launcher_spawn (launcher, &error, exe, files[f], NULL);
      gint64 start = g_get_monotonic_time ();

      g_assert_no_error (error);
      g_assert_true (g_subprocess_wait (second, NULL, &error));
      g_assert_true (g_subprocess_get_if_exited (second));
      g_assert_cmpint (g_subprocess_get_exit_status (second), ==, 0);
      /* handed over, not opened by a second app */
      g_assert_cmpint (g_get_monotonic_time () - start, <, 20 * G_USEC_PER_SEC);
    }
  /* the first file went to the untouched window, the second to a new one */
  for (guint i = 0; i < 200 && n_exported_windows (bus) < 2; i++)
    cpl_test_iterate_for (50);
  g_assert_cmpuint (n_exported_windows (bus), ==, 2);

  /* app.quit: nothing unsaved, so it quits */
  g_dbus_connection_call_sync (bus, APP_ID, "/io/github/chippolicylab/ChipPolicyLab", "org.gtk.Actions", "Activate",
                               g_variant_new ("(sava{sv})", "quit", NULL, NULL), NULL,
                               G_DBUS_CALL_FLAGS_NONE, 2000, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_wait (primary, NULL, &error));
  g_assert_true (g_subprocess_get_successful (primary));
  cpl_test_remove_tree (data_home);
}

/* The name an export suggests: parts joined by one "-", lower case,
 * punctuation and spaces folded, other scripts kept. */
static void
test_export_file_name (void)
{
  struct { const char *a, *b, *expected; } cases[] = {
    { "full-ban", "Domestic share", "full-ban-domestic-share" },
    /* ", " and " · " are runs of non-letters: one "-" each */
    { "H20 at 15%, then ban", "Units · by chip", "h20-at-15-then-ban-units-by-chip" },
    { "全面禁令", "国产份额", "全面禁令-国产份额" },
    /* path separators never survive */
    { "../etc/passwd", "x", "etc-passwd-x" },
    /* nothing usable at all */
    { "  /// ", "...", "export" },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *name = cpl_export_file_name (cases[i].a, cases[i].b, NULL);

      g_assert_cmpstr (name, ==, cases[i].expected);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *own_data_home = cpl_test_isolate_data_home ();
  int status;


  app = cpl_test_ui_init (&argc, &argv);
  g_assert_cmpstr (g_get_user_data_dir (), ==, g_getenv ("CPL_TEST_DATA_HOME"));

  /* first: the parent's first window makes the one offer of drafts */
  g_test_add_func ("/files/draft-after-crash", test_draft_after_crash);
  g_test_add_func ("/files/draft-broken", test_draft_broken);
  g_test_add_func ("/files/save-and-reopen", test_save_and_reopen);
  g_test_add_func ("/files/open-in-new-window", test_open_in_new_window);
  g_test_add_func ("/files/undo-redo", test_undo_redo);
  g_test_add_func ("/files/bad-file-keeps-data", test_bad_file_keeps_data);
  g_test_add_func ("/files/modified-mark", test_modified_mark);
  g_test_add_func ("/files/save-fails", test_save_fails);
  g_test_add_func ("/files/close-asks", test_close_asks);
  g_test_add_func ("/files/close-saves", test_close_saves);
  g_test_add_func ("/files/close-while-saving", test_close_while_saving);
  g_test_add_func ("/files/builtin-banner", test_builtin_banner);
  g_test_add_func ("/files/quit-asks", test_quit_asks);
  g_test_add_func ("/files/drop-opens", test_drop_opens);
  g_test_add_func ("/files/csv-save-asks", test_csv_save_asks);
  g_test_add_func ("/files/single-instance", test_single_instance);
  g_test_add_func ("/files/export-file-name", test_export_file_name);
  status = g_test_run ();
  g_clear_object (&app);
  if (own_data_home != NULL)
    cpl_test_remove_tree (own_data_home);
  return status;
}
