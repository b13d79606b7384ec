/* test-open.c: opening a file never freezes the window (issue #16), under
 * Xvfb with G_DEBUG=fatal-criticals.
 *
 * The window shows at once; the file loads in a thread behind it; a
 * strip over the views (or, in a window made for the file, a page
 * instead of them) shows the progress 150 ms into the load, with Cancel;
 * a cancelled load changes nothing and says nothing; a bad one changes
 * nothing and says why.  CplWindow:loading is TRUE from the start of a
 * load until the views show its result.
 *
 * How long a load takes depends on the machine; to see one under way the
 * tests hold it: the thread waits while the file CPL_TEST_HOLD_LOAD names
 * exists (set in main(), before any thread starts).  No assertion is on
 * a duration, only on order: the progress never shows before 150 ms.
 */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "cpl-application.h"
#include "cpl-test-ui.h"
#include "cpl-window.h"
#include "views/scenarios/cpl-scenarios-view.h"

static CplApplication *app;
static char *hold_path;

static void
hold_loads (gboolean hold)
{
  if (hold)
    g_assert_true (g_file_set_contents (hold_path, "", 0, NULL));
  else
    g_assert_cmpint (g_unlink (hold_path), ==, 0);
}

static GFile *
fixture (const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fixtures", name, NULL);

  return g_file_new_for_path (path);
}

/* The widget named @name under @root (the window names its loading
 * strip "load-strip" and its page "load-page"), or NULL. */
static gboolean
is_named (GtkWidget     *widget,
          gconstpointer  name)
{
  return g_strcmp0 (gtk_widget_get_name (widget), name) == 0;
}

static GtkWidget *
find_named (GtkWidget  *root,
            const char *name)
{
  return cpl_test_find_matching (root, is_named, name);
}

static gboolean
is_drawn_label (GtkWidget     *widget,
                gconstpointer  text)
{
  return GTK_IS_LABEL (widget) && g_strcmp0 (gtk_label_get_label (GTK_LABEL (widget)), text) == 0 &&
         gtk_widget_is_drawable (widget);
}

/* Whether a label under @root reads @text and is drawn. */
static gboolean
shows_label (GtkWidget  *root,
             const char *text)
{
  return cpl_test_find_matching (root, is_drawn_label, text) != NULL;
}

static AdwMessageDialog *
find_open_error (void)
{
  g_autoptr(GList) toplevels = gtk_window_list_toplevels ();

  for (GList *l = toplevels; l != NULL; l = l->next)
    if (ADW_IS_MESSAGE_DIALOG (l->data) &&
        g_strcmp0 (adw_message_dialog_get_heading (l->data), _("Could Not Open the File")) == 0)
      return l->data;
  return NULL;
}

static void
wait_while_loading (CplWindow *window)
{
  while (cpl_window_get_loading (window))
    g_main_context_iteration (NULL, TRUE);
  cpl_test_wait_for_draw (GTK_WIDGET (window));
}

/* Each notify::loading, as the value it turned to: "TF" is TRUE then FALSE. */
static void
loading_changed_cb (CplWindow  *window,
                    GParamSpec *pspec,
                    GString    *changes)
{
  g_string_append_c (changes, cpl_window_get_loading (window) ? 'T' : 'F');
}

static guint
n_windows (void)
{
  return g_list_length (gtk_application_get_windows (GTK_APPLICATION (app)));
}

/* A valid file: loading goes TRUE, then FALSE once, and then the views
 * show the file's scenario ("Mine", unknown-keys.json) beside the
 * built-in ones, and the document has the file. */
static void
test_valid_file (void)
{
  CplWindow *window = cpl_test_open_window (app, "scenarios", NULL, 1280, 800);
  g_autoptr(GFile) file = fixture ("unknown-keys.json");
  g_autoptr(GString) changes = g_string_new (NULL);
  CplDataset *dataset = cpl_document_get_dataset (cpl_window_get_document (window));

  g_signal_connect (window, "notify::loading", G_CALLBACK (loading_changed_cb), changes);
  g_assert_false (cpl_window_get_loading (window));
  g_assert_false (shows_label (GTK_WIDGET (window), "Mine"));
  cpl_window_load_file (window, file);
  g_assert_true (cpl_window_get_loading (window));
  g_assert_cmpstr (changes->str, ==, "T");
  /* the views stay in sight while it loads (a window already shown) */
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (cpl_test_find_widget (GTK_WIDGET (window), ADW_TYPE_VIEW_STACK))));

  wait_while_loading (window);
  g_assert_cmpstr (changes->str, ==, "TF");
  g_assert_nonnull (cpl_dataset_lookup (dataset, CPL_TYPE_SCENARIO, "mine"));
  g_assert_true (g_file_equal (cpl_document_get_file (cpl_window_get_document (window)), file));
  g_assert_true (shows_label (GTK_WIDGET (window), "Mine"));
  g_assert_null (find_open_error ());
  gtk_window_destroy (GTK_WINDOW (window));
}

/* The strip shows 150 ms into a load (never sooner: no flash for a small
 * file), with the file's name and the thread's progress, and goes when
 * the load ends. */
static void
test_progress_after_delay (void)
{
  CplWindow *window = cpl_test_open_window (app, "scenarios", NULL, 1280, 800);
  g_autoptr(GFile) file = fixture ("two-chips.json");
  GtkRevealer *strip;
  GtkWidget *page;
  gint64 start;
  gboolean revealed = FALSE;

  hold_loads (TRUE);
  start = g_get_monotonic_time ();
  cpl_window_load_file (window, file);
  strip = GTK_REVEALER (find_named (GTK_WIDGET (window), "load-strip"));
  page = find_named (GTK_WIDGET (window), "load-page");
  g_assert_nonnull (strip);
  g_assert_nonnull (page);
  /* a window already shown: the strip, not the page */
  g_assert_false (gtk_widget_get_visible (page));
  while (!revealed)
    {
      revealed = gtk_revealer_get_reveal_child (strip);
      /* whenever it shows, 150 ms or more have passed */
      if (revealed)
        g_assert_cmpint (g_get_monotonic_time () - start, >=, 150 * 1000);
      g_main_context_iteration (NULL, TRUE);
    }
  g_assert_true (cpl_window_get_loading (window));
  /* the slide down */
  while (!gtk_revealer_get_child_revealed (strip))
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (gtk_widget_is_drawable (GTK_WIDGET (strip)));
  g_assert_true (shows_label (GTK_WIDGET (strip), "Opening “two-chips.json”…"));
  {
    GtkWidget *bar = cpl_test_find_widget (GTK_WIDGET (strip), GTK_TYPE_PROGRESS_BAR);
    double fraction = gtk_progress_bar_get_fraction (GTK_PROGRESS_BAR (bar));

    /* held before it read anything: nothing done yet */
    g_assert_cmpfloat (fraction, ==, 0);
    /* Cancel is on while it loads */
    g_assert_true (gtk_widget_get_sensitive (cpl_test_find_widget (GTK_WIDGET (strip), GTK_TYPE_BUTTON)));
  }

  hold_loads (FALSE);
  wait_while_loading (window);
  g_assert_false (gtk_revealer_get_reveal_child (strip));
  g_assert_nonnull (cpl_dataset_lookup (cpl_document_get_dataset (cpl_window_get_document (window)),
                                        CPL_TYPE_CHIP, "chip-x"));
  gtk_window_destroy (GTK_WINDOW (window));
}

/* Cancel, right after the load starts (the thread held): the document
 * keeps its data and its file, nothing is said, the strip goes. */
static void
test_cancel_keeps_document (void)
{
  CplWindow *window = cpl_test_open_window (app, "scenarios", NULL, -1, -1);
  g_autoptr(GFile) first = fixture ("unknown-keys.json");
  g_autoptr(GFile) second = fixture ("two-chips.json");
  CplDocument *document = cpl_window_get_document (window);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(GString) changes = g_string_new (NULL);

  cpl_window_load_file (window, first);
  wait_while_loading (window);
  before = cpl_dataset_to_data (cpl_document_get_dataset (document), NULL);

  g_signal_connect (window, "notify::loading", G_CALLBACK (loading_changed_cb), changes);
  hold_loads (TRUE);
  cpl_window_load_file (window, second);
  g_assert_true (cpl_document_get_busy (document));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.cancel-load", NULL));
  /* the thread stops at once, held or not */
  wait_while_loading (window);
  hold_loads (FALSE);
  cpl_test_wait_for_document (document);
  cpl_test_iterate_for (100);

  g_assert_cmpstr (changes->str, ==, "TF");
  after = cpl_dataset_to_data (cpl_document_get_dataset (document), NULL);
  g_assert_cmpstr (before, ==, after);
  g_assert_true (g_file_equal (cpl_document_get_file (document), first));
  g_assert_null (cpl_dataset_lookup (cpl_document_get_dataset (document), CPL_TYPE_CHIP, "chip-x"));
  g_assert_null (find_open_error ());
  g_assert_false (gtk_revealer_get_reveal_child (GTK_REVEALER (find_named (GTK_WIDGET (window), "load-strip"))));
  gtk_window_destroy (GTK_WINDOW (window));
}

/* A bad file: loading goes TRUE then FALSE, the data stays, and the
 * message says why (the file, the JSON path, the value, what was
 * expected). */
static void
test_bad_file (void)
{
  CplWindow *window = cpl_test_open_window (app, "scenarios", NULL, -1, -1);
  CplDataset *dataset = cpl_document_get_dataset (cpl_window_get_document (window));
  g_autofree char *before = cpl_dataset_to_data (dataset, NULL);
  g_autofree char *after = NULL;
  g_autofree char *dir = g_dir_make_tmp ("cpl-open-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "broken.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GString) changes = g_string_new (NULL);
  AdwMessageDialog *dialog;

  g_assert_true (g_file_set_contents (path, "{ \"format\": \"chip-policy-lab\", \"chips\": [ { \"id\": \"x\", \"vendor\": \"nobody\" } ] }", -1, NULL));
  g_signal_connect (window, "notify::loading", G_CALLBACK (loading_changed_cb), changes);
  cpl_window_load_file (window, file);
  wait_while_loading (window);
  g_assert_cmpstr (changes->str, ==, "TF");
  after = cpl_dataset_to_data (dataset, NULL);
  g_assert_cmpstr (before, ==, after);
  g_assert_null (cpl_document_get_file (cpl_window_get_document (window)));
  dialog = find_open_error ();
  g_assert_nonnull (dialog);
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (dialog)) == GTK_WINDOW (window));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog),
                            "broken.json: chips[0].vendor: unknown vendor \"nobody\""));
  gtk_window_destroy (GTK_WINDOW (dialog));
  gtk_window_destroy (GTK_WINDOW (window));
  g_unlink (path);
  g_rmdir (dir);
}

/* The Scenarios view's list of @window. */
static GtkWidget *
scenario_list (GtkWindow *window)
{
  return cpl_scenarios_view_get_list (CPL_SCENARIOS_VIEW (cpl_test_find_widget (GTK_WIDGET (window),
                                                                                 CPL_TYPE_SCENARIOS_VIEW)));
}

/* `chip-policy-lab FILE`: the window is presented before the file has
 * loaded (the thread held), with a page instead of the views and the
 * view switcher greyed; 150 ms on, the page shows the file's name,
 * progress and Cancel; once loaded, the views show the file.  The header
 * keeps the switcher throughout (it is wide enough): it once gave way to
 * the title while the file loaded, and showed it a frame too long after. */
static void
test_start_with_file (void)
{
  g_autoptr(GFile) file = fixture ("unknown-keys.json");
  GtkWindow *window;
  GtkWidget *page, *stack;
  GtkWidget *list;
  AdwStatusPage *status;
  AdwViewSwitcherTitle *switcher_title;

  g_assert_cmpuint (n_windows (), ==, 0);
  hold_loads (TRUE);
  window = GTK_WINDOW (cpl_test_open_from_command_line (app, file));
  page = find_named (GTK_WIDGET (window), "load-page");
  stack = cpl_test_find_widget (GTK_WIDGET (window), ADW_TYPE_VIEW_STACK);
  g_assert_true (gtk_widget_get_visible (page));
  g_assert_false (gtk_widget_get_visible (stack));
  /* (a wide window has no switcher along the bottom: it is made when the
   * window is first narrow) */
  g_assert_null (cpl_test_find_widget (GTK_WIDGET (window), ADW_TYPE_VIEW_SWITCHER_BAR));
  switcher_title = ADW_VIEW_SWITCHER_TITLE (cpl_test_find_widget (GTK_WIDGET (window), ADW_TYPE_VIEW_SWITCHER_TITLE));
  /* the switcher greyed, not the title beside it */
  g_assert_true (gtk_widget_get_sensitive (GTK_WIDGET (switcher_title)));
  g_assert_false (gtk_widget_get_sensitive (cpl_test_find_widget (GTK_WIDGET (switcher_title), ADW_TYPE_VIEW_SWITCHER)));
  /* the views wait for the file: not filled with the built-in data
   * first, then again with the file's */
  list = scenario_list (window);
  g_assert_null (gtk_grid_view_get_model (GTK_GRID_VIEW (list)));

  while (!gtk_revealer_get_child_revealed (GTK_REVEALER (page)))
    g_main_context_iteration (NULL, TRUE);
  status = ADW_STATUS_PAGE (cpl_test_find_widget (page, ADW_TYPE_STATUS_PAGE));
  g_assert_cmpstr (adw_status_page_get_title (status), ==, "Opening “unknown-keys.json”");
  g_assert_false (adw_view_switcher_title_get_title_visible (switcher_title));
  g_assert_nonnull (cpl_test_find_widget (page, GTK_TYPE_PROGRESS_BAR));
  g_assert_true (shows_label (page, "_Cancel") || shows_label (page, "Cancel"));

  hold_loads (FALSE);
  wait_while_loading (CPL_WINDOW (window));
  g_assert_false (gtk_widget_get_visible (page));
  g_assert_true (gtk_widget_get_visible (stack));
  g_assert_null (cpl_test_find_widget (GTK_WIDGET (window), ADW_TYPE_VIEW_SWITCHER_BAR));
  g_assert_true (gtk_widget_get_sensitive (cpl_test_find_widget (GTK_WIDGET (switcher_title), ADW_TYPE_VIEW_SWITCHER)));
  g_assert_false (adw_view_switcher_title_get_title_visible (switcher_title));
  g_assert_true (shows_label (GTK_WIDGET (window), "Mine"));
  /* filled once the file is in: the 5 built-in scenarios and the file's "mine" */
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (gtk_grid_view_get_model (GTK_GRID_VIEW (list)))), ==, 5 + 1);
  g_assert_cmpuint (n_windows (), ==, 1);
  gtk_window_destroy (window);
}

/* Cancel in a window made for the file: with another window left, it
 * closes; alone, it stays, with the built-in data and no file.  Neither
 * says anything. */
static void
test_cancel_new_window (void)
{
  CplWindow *first = cpl_test_open_window (app, "scenarios", NULL, -1, -1);
  g_autoptr(GFile) file = fixture ("two-chips.json");
  g_autofree char *builtin = cpl_dataset_to_data (cpl_document_get_dataset (cpl_window_get_document (first)), NULL);
  g_autofree char *kept = NULL;
  GtkWindow *window;

  g_assert_true (cpl_document_is_untouched (cpl_window_get_document (first)));
  hold_loads (TRUE);
  cpl_application_open_file (app, file, first);
  /* an untouched window takes it: cancel leaves it as it was */
  g_assert_cmpuint (n_windows (), ==, 1);
  g_assert_true (cpl_window_get_loading (first));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (first), "win.cancel-load", NULL));
  wait_while_loading (first);
  cpl_test_wait_for_document (cpl_window_get_document (first));
  g_assert_cmpuint (n_windows (), ==, 1);
  g_assert_null (cpl_document_get_file (cpl_window_get_document (first)));

  /* a window with a file: a new window for the next one; cancelled, it goes */
  {
    g_autoptr(GFile) other = fixture ("unknown-keys.json");

    hold_loads (FALSE);
    cpl_window_load_file (first, other);
    wait_while_loading (first);
    hold_loads (TRUE);
  }
  cpl_application_open_file (app, file, first);
  g_assert_cmpuint (n_windows (), ==, 2);
  window = gtk_application_get_active_window (GTK_APPLICATION (app));
  g_assert_true (window != GTK_WINDOW (first));
  g_assert_true (cpl_window_get_loading (CPL_WINDOW (window)));
  g_object_ref (window);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.cancel-load", NULL));
  while (cpl_window_get_loading (CPL_WINDOW (window)))
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (n_windows (), ==, 1);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (window)));
  g_object_unref (window);
  g_assert_null (find_open_error ());

  /* the only window, made for the file: cancelled, it stays */
  gtk_window_destroy (GTK_WINDOW (first));
  g_assert_cmpuint (n_windows (), ==, 0);
  window = GTK_WINDOW (cpl_test_open_from_command_line (app, file));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.cancel-load", NULL));
  wait_while_loading (CPL_WINDOW (window));
  hold_loads (FALSE);
  cpl_test_wait_for_document (cpl_window_get_document (CPL_WINDOW (window)));
  g_assert_cmpuint (n_windows (), ==, 1);
  g_assert_null (cpl_document_get_file (cpl_window_get_document (CPL_WINDOW (window))));
  kept = cpl_dataset_to_data (cpl_document_get_dataset (cpl_window_get_document (CPL_WINDOW (window))), NULL);
  g_assert_cmpstr (kept, ==, builtin);
  /* the views are back, with the built-in data */
  g_assert_true (gtk_widget_get_visible (cpl_test_find_widget (GTK_WIDGET (window), ADW_TYPE_VIEW_STACK)));
  /* and the list, filled now, with the 5 built-in scenarios */
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (gtk_grid_view_get_model (GTK_GRID_VIEW (scenario_list (window))))), ==, 5);
  g_assert_null (find_open_error ());
  gtk_window_destroy (window);
}

/* Closing a window while its file loads stops the load and closes it. */
static void
test_close_while_loading (void)
{
  CplWindow *window = cpl_test_open_window (app, "scenarios", NULL, -1, -1);
  g_autoptr(GFile) file = fixture ("two-chips.json");

  hold_loads (TRUE);
  cpl_window_load_file (window, file);
  g_object_ref (window);
  gtk_window_close (GTK_WINDOW (window));
  /* the held thread sees the cancel; the window goes once it returns */
  while (gtk_widget_get_visible (GTK_WIDGET (window)))
    g_main_context_iteration (NULL, TRUE);
  hold_loads (FALSE);
  g_assert_null (find_open_error ());
  g_assert_cmpuint (n_windows (), ==, 0);
  g_object_unref (window);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *dir = g_dir_make_tmp ("cpl-open-hold-XXXXXX", NULL);

  g_assert_nonnull (dir);
  hold_path = g_build_filename (dir, "hold", NULL);
  /* before any thread: the loads read it */
  g_setenv ("CPL_TEST_HOLD_LOAD", hold_path, TRUE);
  app = cpl_test_ui_init (&argc, &argv);

  g_test_add_func ("/open/valid-file", test_valid_file);
  g_test_add_func ("/open/progress-after-delay", test_progress_after_delay);
  g_test_add_func ("/open/cancel-keeps-document", test_cancel_keeps_document);
  g_test_add_func ("/open/bad-file", test_bad_file);
  g_test_add_func ("/open/start-with-file", test_start_with_file);
  g_test_add_func ("/open/cancel-new-window", test_cancel_new_window);
  g_test_add_func ("/open/close-while-loading", test_close_while_loading);
  {
    int status = g_test_run ();

    g_unlink (hold_path);
    g_rmdir (dir);
    g_free (hold_path);
    return status;
  }
}
