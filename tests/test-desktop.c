/* test-desktop.c: the desktop-citizen parts, under Xvfb with
 * G_DEBUG=fatal-criticals and GSETTINGS_BACKEND=memory: the settings
 * (window size, last view, colour scheme), the preferences, the shortcuts
 * window and the "Method and Sources" help.
 *
 * The settings schema is required: tests/meson.build points
 * GSETTINGS_SCHEMA_DIR at the one compiled in the build tree.
 */
#include "config.h"

#include <string.h>

#include "cpl-application.h"
#include "cpl-help-window.h"
#include "cpl-preferences-window.h"
#include "cpl-test-ui.h"
#include "cpl-window.h"
#include "views/chips/cpl-chips-view.h"

static CplApplication *app;

static CplWindow *
open_window (void)
{
  return cpl_test_open_window (app, NULL, NULL, -1, -1);
}

/* The one toplevel of @type, or NULL. */
static GtkWidget *
find_toplevel (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();
  GtkWidget *found = NULL;

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (window, type))
        found = GTK_WIDGET (window);
    }
  return found;
}

static gboolean
is_label_containing (GtkWidget     *widget,
                     gconstpointer  text)
{
  return GTK_IS_LABEL (widget) && strstr (gtk_label_get_label (GTK_LABEL (widget)), text) != NULL;
}

/* Whether a label under @root contains @text. */
static gboolean
has_label_containing (GtkWidget  *root,
                      const char *text)
{
  return cpl_test_find_matching (root, is_label_containing, text) != NULL;
}

static GSettings *
app_settings (void)
{
  GSettings *settings = cpl_application_get_settings (app);

  g_assert_nonnull (settings);
  return settings;
}

static void
test_preferences (void)
{
  GSettings *settings = app_settings ();
  CplWindow *window;
  GtkWidget *prefs;
  GtkSpinButton *spin = NULL;
  g_autofree char *shown = NULL;

  g_settings_set_double (settings, "electricity-price", 0.125);
  window = open_window ();
  g_assert_true (g_action_group_get_action_enabled (G_ACTION_GROUP (app), "preferences"));
  g_action_group_activate_action (G_ACTION_GROUP (app), "preferences", NULL);
  prefs = find_toplevel (CPL_TYPE_PREFERENCES_WINDOW);
  g_assert_nonnull (prefs);
  cpl_test_wait_for_draw (prefs);

  /* the first spin button is the electricity price, with 3 decimals */
  spin = GTK_SPIN_BUTTON (cpl_test_find_widget (prefs, GTK_TYPE_SPIN_BUTTON));
  g_assert_nonnull (spin);
  g_assert_cmpfloat_with_epsilon (gtk_spin_button_get_value (spin), 0.125, 1e-9);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (spin)), ==, "0.125");
  /* and a change there is a change of the setting */
  gtk_spin_button_set_value (spin, 0.07);
  g_assert_cmpfloat_with_epsilon (g_settings_get_double (settings, "electricity-price"), 0.07, 1e-9);

  gtk_window_destroy (GTK_WINDOW (prefs));
  g_settings_reset (settings, "electricity-price");
  gtk_window_destroy (GTK_WINDOW (window));
}

/* The electricity price in the preferences is the Chips view's, at once
 * (it was read only when a window opened). */
static void
test_electricity_bound (void)
{
  GSettings *settings = app_settings ();
  CplWindow *window = cpl_test_open_window (app, "chips", NULL, -1, -1);
  CplChipsView *view = CPL_CHIPS_VIEW (cpl_test_find_widget (GTK_WIDGET (window), CPL_TYPE_CHIPS_VIEW));
  g_autofree char *at_01 = NULL;
  g_autofree char *at_05 = NULL;
  int row = -1;

  for (guint i = 0; i < cpl_chips_view_get_n_rows (view); i++)
    if (g_str_equal (cpl_entity_get_id (CPL_ENTITY (cpl_chips_view_get_row_chip (view, i))), "nvidia-h200"))
      row = i;
  g_assert_cmpint (row, >=, 0);

  /* The built-in H200: $27,000, 700 W, 989.5 dense BF16 TFLOPS; the
   * view's terms are PUE 1.3, utilization 0.7, paid off over 4 years.  A
   * year costs 27,000 / 4 + 0.7 kW × 8,760 h × 0.7 × 1.3 × price
   *   = 6,750 + 5,580.12 × price, per 0.9895 PFLOP/s:
   * at $0.10/kWh (6,750 + 558.012) / 0.9895 = 7,385.56 → 7,386;
   * at $0.50/kWh (6,750 + 2,790.06) / 0.9895 = 9,641.29 → 9,641 */
  g_settings_set_double (settings, "electricity-price", 0.1);
  at_01 = cpl_chips_view_get_cell_text (view, row, "cost");
  g_assert_cmpstr (at_01, ==, "7,386");
  g_settings_set_double (settings, "electricity-price", 0.5);
  at_05 = cpl_chips_view_get_cell_text (view, row, "cost");
  g_assert_cmpstr (at_05, ==, "9,641");

  g_settings_reset (settings, "electricity-price");
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_color_scheme (void)
{
  GSettings *settings = app_settings ();
  AdwStyleManager *style = adw_style_manager_get_default ();
  CplWindow *window;
  GtkWidget *prefs;
  AdwComboRow *row;

  window = open_window ();
  g_settings_set_string (settings, "color-scheme", "dark");
  g_assert_cmpint (adw_style_manager_get_color_scheme (style), ==, ADW_COLOR_SCHEME_FORCE_DARK);
  g_assert_true (adw_style_manager_get_dark (style));
  g_settings_set_string (settings, "color-scheme", "light");
  g_assert_false (adw_style_manager_get_dark (style));

  /* the preferences' combo row sets it too: 0 follow, 1 light, 2 dark */
  g_action_group_activate_action (G_ACTION_GROUP (app), "preferences", NULL);
  prefs = find_toplevel (CPL_TYPE_PREFERENCES_WINDOW);
  g_assert_nonnull (prefs);
  row = ADW_COMBO_ROW (cpl_test_find_widget (prefs, ADW_TYPE_COMBO_ROW));
  g_assert_cmpuint (adw_combo_row_get_selected (row), ==, 1);
  adw_combo_row_set_selected (row, 2);
  g_assert_true (adw_style_manager_get_dark (style));
  adw_combo_row_set_selected (row, 0);
  g_assert_cmpint (adw_style_manager_get_color_scheme (style), ==, ADW_COLOR_SCHEME_DEFAULT);
  {
    g_autofree char *value = g_settings_get_string (settings, "color-scheme");
    g_assert_cmpstr (value, ==, "default");
  }
  gtk_window_destroy (GTK_WINDOW (prefs));
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_shortcuts_window (void)
{
  CplWindow *window = open_window ();
  GtkWidget *overlay;
  g_autofree char **accels = NULL;

  /* made when first asked for, not with the window */
  g_assert_null (gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (window)));
  /* the standard action, the window's shortcuts from resources/gtk/help-overlay.ui */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-help-overlay", NULL);
  overlay = GTK_WIDGET (gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (window)));
  g_assert_nonnull (overlay);
  g_assert_true (GTK_IS_SHORTCUTS_WINDOW (overlay));
  cpl_test_wait_for_draw (overlay);
  g_assert_true (gtk_widget_get_visible (overlay));

  /* what it lists is bound */
  accels = gtk_application_get_accels_for_action (GTK_APPLICATION (app), "app.preferences");
  g_assert_cmpstr (accels[0], ==, "<Control>comma");
  g_clear_pointer (&accels, g_strfreev);
  accels = gtk_application_get_accels_for_action (GTK_APPLICATION (app), "app.help");
  g_assert_cmpstr (accels[0], ==, "F1");
  g_clear_pointer (&accels, g_strfreev);
  accels = gtk_application_get_accels_for_action (GTK_APPLICATION (app), "win.show-help-overlay");
  g_assert_cmpstr (accels[0], ==, "<Control>question");

  gtk_widget_set_visible (overlay, FALSE);
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_help_window (void)
{
  CplWindow *window = open_window ();
  GtkWidget *help;

  g_action_group_activate_action (G_ACTION_GROUP (app), "help", NULL);
  help = find_toplevel (CPL_TYPE_HELP_WINDOW);
  g_assert_nonnull (help);
  cpl_test_wait_for_draw (help);
  g_assert_true (has_label_containing (help, "TPP"));
  /* the citation, its number kept with "FR" on one line (a no-break
   * space, as every number before a word in the help) */
  g_assert_true (has_label_containing (help, "88\u00a0FR 73458"));
  g_assert_true (has_label_containing (help, "CC BY 4.0"));
  /* F1 again: the same window, not a second one */
  g_action_group_activate_action (G_ACTION_GROUP (app), "help", NULL);
  g_assert_true (find_toplevel (CPL_TYPE_HELP_WINDOW) == help);
  gtk_window_destroy (GTK_WINDOW (help));
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_show_view (void)
{
  GSettings *settings = app_settings ();
  CplWindow *window = open_window ();
  AdwViewStack *stack = ADW_VIEW_STACK (cpl_test_find_widget (GTK_WIDGET (window), ADW_TYPE_VIEW_STACK));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-view", "s", "chips"));
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (stack), ==, "chips");
  {
    g_autofree char *view = g_settings_get_string (settings, "last-view");
    g_assert_cmpstr (view, ==, "chips");
  }
  gtk_window_destroy (GTK_WINDOW (window));

  /* a new window opens on the view last shown */
  window = open_window ();
  stack = ADW_VIEW_STACK (cpl_test_find_widget (GTK_WIDGET (window), ADW_TYPE_VIEW_STACK));
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (stack), ==, "chips");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-view", "s", "scenarios");
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_size_saved (void)
{
  GSettings *settings = app_settings ();
  CplWindow *window;

  g_settings_set_int (settings, "window-width", 900);
  g_settings_set_int (settings, "window-height", 640);
  window = open_window ();
  {
    int width, height;

    /* restored on open */
    gtk_window_get_default_size (GTK_WINDOW (window), &width, &height);
    g_assert_cmpint (width, ==, 900);
    g_assert_cmpint (height, ==, 640);
  }
  gtk_window_set_default_size (GTK_WINDOW (window), 720, 700);
  cpl_test_wait_for_draw (GTK_WIDGET (window));
  gtk_window_close (GTK_WINDOW (window));
  g_assert_cmpint (g_settings_get_int (settings, "window-width"), ==, 720);
  g_assert_cmpint (g_settings_get_int (settings, "window-height"), ==, 700);
  g_assert_false (g_settings_get_boolean (settings, "window-maximized"));
}

/* The last file is remembered and offered, not reopened. */
static void
test_last_file (void)
{
  GSettings *settings = app_settings ();
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fixtures", "unknown-keys.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *uri = g_file_get_uri (file);
  g_autofree char *saved = NULL;
  CplWindow *window;

  window = open_window ();
  g_assert_null (cpl_document_get_file (cpl_window_get_document (window)));
  g_assert_true (cpl_test_load_file (window, file, NULL));
  saved = g_settings_get_string (settings, "last-file");
  g_assert_cmpstr (saved, ==, uri);
  gtk_window_destroy (GTK_WINDOW (window));

  /* a new untitled window offers it, and takes it when asked */
  window = open_window ();
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.open-recent", NULL));
  cpl_test_wait_for_document (cpl_window_get_document (window));
  g_assert_nonnull (cpl_document_get_file (cpl_window_get_document (window)));
  g_assert_true (g_file_equal (cpl_document_get_file (cpl_window_get_document (window)), file));
  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);

  app = cpl_test_ui_init (&argc, &argv);

  g_test_add_func ("/desktop/preferences", test_preferences);
  g_test_add_func ("/desktop/electricity-bound", test_electricity_bound);
  g_test_add_func ("/desktop/color-scheme", test_color_scheme);
  g_test_add_func ("/desktop/shortcuts-window", test_shortcuts_window);
  g_test_add_func ("/desktop/help-window", test_help_window);
  g_test_add_func ("/desktop/show-view", test_show_view);
  g_test_add_func ("/desktop/size-saved", test_size_saved);
  g_test_add_func ("/desktop/last-file", test_last_file);
  status = g_test_run ();
  g_clear_object (&app);
  return status;
}
