/* test-files.c: opening, saving, undo, unsaved changes and crash recovery,
 * in a real window under Xvfb, with G_DEBUG=fatal-criticals.
 *
 * The recovery copy lives in g_get_user_data_dir(): XDG_DATA_HOME is a
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
#include "cpl-test-ui.h"
#include "cpl-window.h"

static CplApplication *app;

/* Helpers ------------------------------------------------------------------ */

/* The built-in dataset, no file, nothing to undo, nothing unsaved. */
static void
reset_dataset (void)
{
  g_autoptr(GBytes) builtin = cpl_dataset_get_builtin_bytes ();
  g_autoptr(GError) error = NULL;

  cpl_dataset_load_bytes (cpl_application_get_dataset (app), builtin, "built-in", CPL_LOAD_ALONE, &error);
  g_assert_no_error (error);
  cpl_history_reset (cpl_application_get_history (app));
  cpl_application_set_file (app, NULL);
}

static CplWindow *
open_window (void)
{
  reset_dataset ();
  return cpl_test_open_window (app, NULL, NULL, -1, -1);
}

static CplEntity *
h200 (void)
{
  CplEntity *entity = cpl_dataset_lookup (cpl_application_get_dataset (app),
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
  return cpl_history_get_modified (cpl_application_get_history (app));
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

static GtkWidget *
find_button (GtkWidget  *root,
             const char *label)
{
  if (GTK_IS_BUTTON (root) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (root)), label) == 0)
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_button (child, label);
      if (found != NULL)
        return found;
    }
  return NULL;
}

/* Clicks the button of @response, as the user would. */
static void
respond (AdwMessageDialog *dialog,
         const char       *response)
{
  GtkWidget *button = find_button (GTK_WIDGET (dialog), adw_message_dialog_get_response_label (dialog, response));
  g_autofree char *heading = g_strdup (adw_message_dialog_get_heading (dialog));

  g_assert_nonnull (button);
  g_signal_emit_by_name (button, "clicked");
  /* the dialog closes itself */
  g_assert_null (find_dialog (heading));
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

/* Save As through cpl_window_save_to(), edit, reopen: the saved value is
 * back and everything else is as saved; a second save keeps FILE~. */
static void
test_save_and_reopen (void)
{
  CplWindow *window = open_window ();
  CplDataset *dataset = cpl_application_get_dataset (app);
  g_autofree char *path = temp_path ("saved.json");
  g_autofree char *backup = cpl_dataset_backup_path (path);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autofree char *saved = NULL;
  g_autofree char *reopened = NULL;
  g_autofree char *first_contents = NULL;
  g_autofree char *backup_contents = NULL;

  set_h200_share (0.3);
  g_assert_true (modified ());
  g_assert_true (cpl_window_save_to (window, file, &error));
  g_assert_no_error (error);
  g_assert_false (modified ());
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "saved.json – Chip Policy Lab");
  g_assert_cmpstr (subtitle_of (window), ==, "saved.json");
  g_assert_true (g_file_equal (cpl_application_get_file (app), file));
  g_assert_false (g_file_test (backup, G_FILE_TEST_EXISTS));
  saved = cpl_dataset_to_data (dataset, NULL);

  /* change it again, and open the saved file over it */
  set_h200_share (0.5);
  g_assert_cmpstr (subtitle_of (window), ==, "• saved.json");
  g_assert_true (cpl_window_open_file (window, file));
  g_assert_cmpfloat_with_epsilon (h200_share (), 0.3, 1e-12);
  reopened = cpl_dataset_to_data (dataset, NULL);
  g_assert_cmpstr (saved, ==, reopened);
  g_assert_false (modified ());
  g_assert_cmpstr (subtitle_of (window), ==, "saved.json");
  g_assert_null (find_dialog ("Could Not Open the File"));

  /* a second save keeps the first as FILE~ */
  g_assert_true (g_file_get_contents (path, &first_contents, NULL, NULL));
  set_h200_share (0.4);
  g_assert_true (cpl_window_save_to (window, file, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (backup, &backup_contents, NULL, NULL));
  g_assert_cmpstr (backup_contents, ==, first_contents);

  gtk_window_destroy (GTK_WINDOW (window));
  remove_temp (path);
}

/* win.undo and win.redo, enabled as the history allows. */
static void
test_undo_redo (void)
{
  CplWindow *window = open_window ();
  GtkWidget *widget = GTK_WIDGET (window);

  g_assert_false (cpl_history_can_undo (cpl_application_get_history (app)));
  set_h200_share (0.3);

  g_assert_true (gtk_widget_activate_action (widget, "win.undo", NULL));
  g_assert_cmpfloat_with_epsilon (h200_share (), 0.25, 1e-12);
  g_assert_false (modified ());
  g_assert_cmpstr (subtitle_of (window), ==, "");

  g_assert_true (gtk_widget_activate_action (widget, "win.redo", NULL));
  g_assert_cmpfloat_with_epsilon (h200_share (), 0.3, 1e-12);
  g_assert_true (modified ());

  /* nothing more to redo: the action is off and changes nothing */
  g_assert_false (cpl_history_can_redo (cpl_application_get_history (app)));
  gtk_widget_activate_action (widget, "win.redo", NULL);
  g_assert_cmpfloat_with_epsilon (h200_share (), 0.3, 1e-12);

  gtk_window_destroy (GTK_WINDOW (window));
}

/* A file that does not load leaves the open data and the title as they
 * were, and says why. */
static void
test_bad_file_keeps_data (void)
{
  CplWindow *window = open_window ();
  CplDataset *dataset = cpl_application_get_dataset (app);
  g_autofree char *path = temp_path ("broken.json");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  AdwMessageDialog *dialog;

  set_h200_share (0.3);
  before = cpl_dataset_to_data (dataset, NULL);
  g_assert_true (g_file_set_contents (path, "{ \"format\": \"chip-policy-lab\", \"chips\": [ { \"id\": \"x\", \"vendor\": \"nobody\" } ] }", -1, NULL));
  g_assert_false (cpl_window_open_file (window, file));

  after = cpl_dataset_to_data (dataset, NULL);
  g_assert_cmpstr (before, ==, after);
  g_assert_true (modified ());
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "Chip Policy Lab");
  dialog = wait_for_dialog ("Could Not Open the File");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "broken.json: chips[0].vendor: unknown vendor \"nobody\""));

  close_dialogs ();
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
  g_autoptr(GError) error = NULL;

  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "Chip Policy Lab");
  g_assert_cmpstr (subtitle_of (window), ==, "");

  /* no file yet */
  set_h200_share (0.3);
  g_assert_cmpstr (subtitle_of (window), ==, "• Unsaved Dataset");
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "Chip Policy Lab");

  g_assert_true (cpl_window_save_to (window, file, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (subtitle_of (window), ==, "marked.json");
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "marked.json – Chip Policy Lab");

  set_h200_share (0.35);
  g_assert_cmpstr (subtitle_of (window), ==, "• marked.json");
  /* the end of the burst of edits changes nothing */
  cpl_test_iterate_for (900);
  g_assert_cmpstr (subtitle_of (window), ==, "• marked.json");

  /* win.save writes to the same file */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL));
  g_assert_false (modified ());
  g_assert_cmpstr (subtitle_of (window), ==, "marked.json");
  g_assert_null (find_dialog ("Could Not Save the File"));

  gtk_window_destroy (GTK_WINDOW (window));
  remove_temp (path);
}

/* A save that fails says why and changes nothing. */
static void
test_save_fails (void)
{
  CplWindow *window = open_window ();
  g_autofree char *dir = temp_path ("");
  g_autofree char *path = g_build_filename (dir, "no", "such", "folder", "x.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;

  set_h200_share (0.3);
  g_assert_false (cpl_window_save_to (window, file, &error));
  g_assert_nonnull (error);
  g_assert_true (modified ());
  g_assert_null (cpl_application_get_file (app));
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));

  gtk_window_destroy (GTK_WINDOW (window));
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
  g_assert_false (modified ());
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
  AdwMessageDialog *dialog;

  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &window);
  g_assert_true (cpl_window_save_to (window, file, &error));
  g_assert_no_error (error);
  set_h200_share (0.3);

  gtk_window_close (GTK_WINDOW (window));
  dialog = wait_for_dialog ("Save Changes?");
  g_assert_cmpstr (adw_message_dialog_get_body (dialog), ==,
                   "“closing.json” has unsaved changes. Changes that are not saved will be lost.");
  respond (dialog, "save");
  for (guint i = 0; i < 100 && window != NULL; i++)
    g_main_context_iteration (NULL, FALSE);
  g_assert_null (window);
  g_assert_false (modified ());

  g_assert_true (cpl_dataset_load_file (reread, path, CPL_LOAD_ALONE, &error));
  g_assert_no_error (error);
  g_assert_cmpfloat_with_epsilon (cpl_entity_get_number (cpl_dataset_lookup (reread, CPL_TYPE_REVENUE_CASE, "h200-share-25"),
                                                         CPL_REVENUE_CASE_REVENUE_SHARE), 0.3, 1e-12);
  g_assert_true (g_file_test (backup, G_FILE_TEST_IS_REGULAR));
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

/* A file dropped on the window opens, after asking about unsaved changes. */
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
  AdwMessageDialog *dialog;

  g_assert_nonnull (target);

  /* a file list, with nothing unsaved: opens at once */
  g_value_init (&value, GDK_TYPE_FILE_LIST);
  g_value_take_boxed (&value, gdk_file_list_new_from_list (files));
  g_signal_emit_by_name (target, "drop", &value, 0.0, 0.0, &handled);
  g_value_unset (&value);
  g_assert_true (handled);
  g_assert_nonnull (cpl_dataset_lookup (cpl_application_get_dataset (app), CPL_TYPE_SCENARIO, "mine"));
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "unknown-keys.json – Chip Policy Lab");

  /* a file, over unsaved changes: asks; Cancel keeps them */
  reset_dataset ();
  set_h200_share (0.3);
  g_value_init (&value, G_TYPE_FILE);
  g_value_set_object (&value, file);
  g_signal_emit_by_name (target, "drop", &value, 0.0, 0.0, &handled);
  dialog = wait_for_dialog ("Save Changes?");
  respond (dialog, "cancel");
  g_assert_null (cpl_dataset_lookup (cpl_application_get_dataset (app), CPL_TYPE_SCENARIO, "mine"));
  g_assert_cmpfloat_with_epsilon (h200_share (), 0.3, 1e-12);

  /* …and Discard opens the file */
  g_signal_emit_by_name (target, "drop", &value, 0.0, 0.0, &handled);
  g_value_unset (&value);
  dialog = wait_for_dialog ("Save Changes?");
  respond (dialog, "discard");
  g_assert_nonnull (cpl_dataset_lookup (cpl_application_get_dataset (app), CPL_TYPE_SCENARIO, "mine"));
  g_assert_cmpfloat_with_epsilon (h200_share (), 0.25, 1e-12);
  g_assert_false (modified ());

  g_slist_free (files);
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
  g_assert_true (cpl_window_open_file (window, file));
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
  g_assert_false (modified ());
  g_assert_true (g_file_test (json_path, G_FILE_TEST_IS_REGULAR));
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "ml_hardware.json – Chip Policy Lab");

  gtk_window_destroy (GTK_WINDOW (window));
  g_unlink (json_path);
  remove_temp (path);
}

/* The child of test_recovery_after_crash(): saves a file, edits it, waits
 * for the recovery copy, and dies without a word. */
static void
crash_after_autosave (void)
{
  g_autofree char *recovery = cpl_application_get_recovery_path ();
  g_autofree char *path = g_build_filename (g_get_user_data_dir (), "crash.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  GtkWindow *window;

  g_assert_false (g_file_test (recovery, G_FILE_TEST_EXISTS));
  g_application_activate (G_APPLICATION (app));
  window = gtk_application_get_active_window (GTK_APPLICATION (app));
  g_assert_true (CPL_IS_WINDOW (window));
  cpl_test_wait_for_draw (GTK_WIDGET (window));
  /* no copy to offer */
  g_assert_null (find_dialog ("Restore Unsaved Changes?"));

  set_h200_share (0.3);
  g_assert_true (cpl_window_save_to (CPL_WINDOW (window), file, &error));
  g_assert_no_error (error);
  set_h200_share (0.35);
  for (guint i = 0; i < 200 && !g_file_test (recovery, G_FILE_TEST_IS_REGULAR); i++)
    cpl_test_iterate_for (50);
  g_assert_true (g_file_test (recovery, G_FILE_TEST_IS_REGULAR));

  g_print ("recovery written\n");
  fflush (stdout);
  raise (SIGKILL);
}

/* A crash with unsaved changes: the next start offers them back. */
static void
test_recovery_after_crash (void)
{
  g_autofree char *recovery = cpl_application_get_recovery_path ();
  g_autofree char *dir = g_path_get_dirname (recovery);
  g_autofree char *meta_path = g_build_filename (dir, "recovery-meta.json", NULL);
  g_autofree char *meta = NULL;
  g_autofree char *path = g_build_filename (g_get_user_data_dir (), "crash.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  AdwMessageDialog *dialog;
  GtkWindow *window;

  /* every second, in the child too (it inherits the environment) */
  g_setenv ("CPL_AUTOSAVE_SECONDS", "1", TRUE);
  if (g_test_subprocess ())
    {
      crash_after_autosave ();
      return;
    }

  reset_dataset ();
  g_test_trap_subprocess (NULL, 60 * G_USEC_PER_SEC, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_failed ();
  g_test_trap_assert_stdout ("*recovery written*");
  g_test_trap_assert_stderr_unmatched ("*CRITICAL*");
  g_test_trap_assert_stderr_unmatched ("*ERROR*");

  /* the child's copy is where this process looks for it */
  g_assert_true (g_file_test (recovery, G_FILE_TEST_IS_REGULAR));
  g_assert_true (g_file_get_contents (meta_path, &meta, NULL, NULL));
  g_assert_nonnull (strstr (meta, "crash.json"));

  /* the first window of this process offers it */
  g_application_activate (G_APPLICATION (app));
  window = gtk_application_get_active_window (GTK_APPLICATION (app));
  g_assert_true (CPL_IS_WINDOW (window));
  dialog = wait_for_dialog ("Restore Unsaved Changes?");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "“crash.json”"));
  g_assert_cmpstr (adw_message_dialog_get_default_response (dialog), ==, "restore");
  g_assert_cmpint (adw_message_dialog_get_response_appearance (dialog, "restore"), ==, ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_response (dialog, "restore");
  gtk_window_destroy (GTK_WINDOW (dialog));

  /* the edit is back, unsaved, in the file it belongs to */
  g_assert_cmpfloat_with_epsilon (h200_share (), 0.35, 1e-12);
  g_assert_true (modified ());
  g_assert_true (g_file_equal (cpl_application_get_file (app), file));
  g_assert_cmpstr (subtitle_of (CPL_WINDOW (window)), ==, "• crash.json");
  g_assert_cmpstr (gtk_window_get_title (window), ==, "crash.json – Chip Policy Lab");
  g_assert_null (find_dialog ("Could Not Restore the Changes"));
  /* still unsaved: the copy stays */
  g_assert_true (g_file_test (recovery, G_FILE_TEST_IS_REGULAR));

  /* undo goes back to the file as saved */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  g_assert_cmpfloat_with_epsilon (h200_share (), 0.3, 1e-12);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.redo", NULL));
  g_assert_cmpfloat_with_epsilon (h200_share (), 0.35, 1e-12);

  /* saving makes the copy go */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL));
  g_assert_false (modified ());
  g_assert_false (g_file_test (recovery, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (meta_path, G_FILE_TEST_EXISTS));

  /* and from now on this process keeps a copy while there are changes */
  set_h200_share (0.4);
  for (guint i = 0; i < 200 && !g_file_test (recovery, G_FILE_TEST_IS_REGULAR); i++)
    cpl_test_iterate_for (50);
  g_assert_true (g_file_test (recovery, G_FILE_TEST_IS_REGULAR));
  /* undone to the saved state: nothing to recover */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  g_assert_false (modified ());
  g_assert_false (g_file_test (recovery, G_FILE_TEST_EXISTS));

  gtk_window_destroy (window);
  reset_dataset ();
}

/* A recovery copy that does not load says why, is set aside, and changes
 * nothing.  In a subprocess: the offer is made once per process. */
static void
test_recovery_broken (void)
{
  g_autofree char *recovery = cpl_application_get_recovery_path ();
  g_autofree char *broken = g_strconcat (recovery, ".broken", NULL);
  g_autofree char *dir = g_path_get_dirname (recovery);

  if (g_test_subprocess ())
    {
      CplDataset *dataset = cpl_application_get_dataset (app);
      g_autofree char *before = cpl_dataset_to_data (dataset, NULL);
      g_autofree char *after = NULL;
      AdwMessageDialog *dialog;

      g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
      g_assert_true (g_file_set_contents (recovery, "{ \"format\": \"chip-policy-lab\", \"chips\": [ { \"id\": ", -1, NULL));

      g_application_activate (G_APPLICATION (app));
      dialog = wait_for_dialog ("Restore Unsaved Changes?");
      /* no meta file: the copy belongs to no file */
      g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "the dataset"));
      adw_message_dialog_response (dialog, "restore");
      gtk_window_destroy (GTK_WINDOW (dialog));

      dialog = wait_for_dialog ("Could Not Restore the Changes");
      g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "recovery.json"));
      g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "recovery.json.broken"));
      g_assert_false (g_file_test (recovery, G_FILE_TEST_EXISTS));
      g_assert_true (g_file_test (broken, G_FILE_TEST_IS_REGULAR));
      after = cpl_dataset_to_data (dataset, NULL);
      g_assert_cmpstr (before, ==, after);
      g_assert_false (modified ());
      g_assert_null (cpl_application_get_file (app));
      return;
    }

  g_test_trap_subprocess (NULL, 60 * G_USEC_PER_SEC, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
  g_assert_true (g_file_test (broken, G_FILE_TEST_IS_REGULAR));
}

/* Discard in the restore dialog deletes the copy.  In a subprocess, as
 * above. */
static void
test_recovery_discard (void)
{
  g_autofree char *recovery = cpl_application_get_recovery_path ();
  g_autofree char *dir = g_path_get_dirname (recovery);

  if (g_test_subprocess ())
    {
      g_autofree char *data = cpl_dataset_to_data (cpl_application_get_dataset (app), NULL);
      AdwMessageDialog *dialog;

      g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
      g_assert_true (g_file_set_contents (recovery, data, -1, NULL));
      set_h200_share (0.3);
      cpl_history_reset (cpl_application_get_history (app));

      g_application_activate (G_APPLICATION (app));
      dialog = wait_for_dialog ("Restore Unsaved Changes?");
      respond (dialog, "discard");
      g_assert_false (g_file_test (recovery, G_FILE_TEST_EXISTS));
      g_assert_cmpfloat_with_epsilon (h200_share (), 0.3, 1e-12);
      g_assert_false (modified ());
      return;
    }

  g_test_trap_subprocess (NULL, 60 * G_USEC_PER_SEC, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
  g_assert_false (g_file_test (recovery, G_FILE_TEST_EXISTS));
}

static void
remove_tree (const char *path)
{
  GDir *dir = g_dir_open (path, 0, NULL);
  const char *name;

  if (dir != NULL)
    {
      while ((name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);

          if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
            remove_tree (child);
          else
            g_unlink (child);
        }
      g_dir_close (dir);
    }
  g_rmdir (path);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *own_data_home = NULL;
  const char *data_home = g_getenv ("CPL_TEST_DATA_HOME");
  int status;

  /* a subprocess inherits its parent's */
  if (data_home == NULL)
    {
      own_data_home = g_dir_make_tmp ("cpl-test-files-XXXXXX", NULL);
      g_assert_nonnull (own_data_home);
      g_setenv ("CPL_TEST_DATA_HOME", own_data_home, TRUE);
      data_home = own_data_home;
    }
  g_setenv ("XDG_DATA_HOME", data_home, TRUE);

  app = cpl_test_ui_init (&argc, &argv);
  g_assert_cmpstr (g_get_user_data_dir (), ==, data_home);

  /* first: the parent's first window makes the one recovery offer */
  g_test_add_func ("/files/recovery-after-crash", test_recovery_after_crash);
  g_test_add_func ("/files/recovery-broken", test_recovery_broken);
  g_test_add_func ("/files/recovery-discard", test_recovery_discard);
  g_test_add_func ("/files/save-and-reopen", test_save_and_reopen);
  g_test_add_func ("/files/undo-redo", test_undo_redo);
  g_test_add_func ("/files/bad-file-keeps-data", test_bad_file_keeps_data);
  g_test_add_func ("/files/modified-mark", test_modified_mark);
  g_test_add_func ("/files/save-fails", test_save_fails);
  g_test_add_func ("/files/close-asks", test_close_asks);
  g_test_add_func ("/files/close-saves", test_close_saves);
  g_test_add_func ("/files/quit-asks", test_quit_asks);
  g_test_add_func ("/files/drop-opens", test_drop_opens);
  g_test_add_func ("/files/csv-save-asks", test_csv_save_asks);
  status = g_test_run ();
  g_clear_object (&app);
  if (own_data_home != NULL)
    remove_tree (own_data_home);
  return status;
}
