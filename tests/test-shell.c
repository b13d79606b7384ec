/* test-shell.c: the window around the views, under Xvfb with
 * G_DEBUG=fatal-criticals, once per language (CPL_TEST_LANG: en, zh_CN,
 * zh_TW): it shrinks to 360×640, every control a screen reader meets has
 * a name, the preferences work from the build tree and the app icon is
 * found there.
 */
#include "config.h"

#include <string.h>

#include <gtk/gtk.h>

#include "cpl-help-window.h"
#include "cpl-preferences-window.h"
#include "cpl-test-ui.h"
#include "views/chips/cpl-chips-view.h"
#include "views/revenue/cpl-revenue-view.h"
#include "views/scenarios/cpl-scenarios-view.h"

static CplApplication *app;

/* The phone size the issue names. */
#define NARROW_WIDTH  360
#define NARROW_HEIGHT 640

/* @window's view switcher along the bottom, made in the idle after the
 * header first gives way to the title: waited for, and for its slide
 * into view to end (two seconds at most, on a busy machine). */
static AdwViewSwitcherBar *
wait_for_switcher_bar (CplWindow *window)
{
  GtkWidget *bar;
  GtkRevealer *revealer;

  for (guint i = 0; (bar = cpl_test_find_widget (GTK_WIDGET (window), ADW_TYPE_VIEW_SWITCHER_BAR)) == NULL; i++)
    {
      g_assert_cmpuint (i, <, 200);
      cpl_test_iterate_for (10);
    }
  revealer = GTK_REVEALER (cpl_test_find_widget (bar, GTK_TYPE_REVEALER));
  for (guint i = 0; revealer != NULL && gtk_revealer_get_reveal_child (revealer) &&
                    !gtk_revealer_get_child_revealed (revealer); i++)
    {
      g_assert_cmpuint (i, <, 200);
      cpl_test_iterate_for (10);
    }
  return ADW_VIEW_SWITCHER_BAR (bar);
}

/* The window fits 360×640 on every view, in the test's language: its
 * content's minimum width, and its minimum height at that width, are no
 * more than that.  At 360 px the view switcher has left the header bar
 * for the bar at the bottom, which the height includes. */
static void
test_narrow_minimum (void)
{
  const char *views[] = { "scenarios", "chips", "revenue" };

  for (guint i = 0; i < G_N_ELEMENTS (views); i++)
    {
      CplWindow *window = cpl_test_open_window (app, views[i], NULL, NARROW_WIDTH, NARROW_HEIGHT);
      GtkWidget *content = adw_application_window_get_content (ADW_APPLICATION_WINDOW (window));
      AdwViewSwitcherTitle *title = ADW_VIEW_SWITCHER_TITLE (cpl_test_find_widget (GTK_WIDGET (window),
                                                                                   ADW_TYPE_VIEW_SWITCHER_TITLE));
      AdwViewSwitcherBar *bar = wait_for_switcher_bar (window);
      int min_width, min_height;

      g_test_message ("view %s", views[i]);
      g_assert_true (adw_view_switcher_title_get_title_visible (title));
      g_assert_true (adw_view_switcher_bar_get_reveal (bar));
      gtk_widget_measure (content, GTK_ORIENTATION_HORIZONTAL, -1, &min_width, NULL, NULL, NULL);
      g_assert_cmpint (min_width, <=, NARROW_WIDTH);
      gtk_widget_measure (content, GTK_ORIENTATION_VERTICAL, NARROW_WIDTH, &min_height, NULL, NULL, NULL);
      g_assert_cmpint (min_height, <=, NARROW_HEIGHT);
      gtk_window_destroy (GTK_WINDOW (window));
    }
}

/* A wide window's content asks no more than 360 px either: a window made
 * wide and then narrowed at once (a phone turned, a tiling window
 * manager, a size set from outside) is laid out at that width while its
 * views still show both panes, before they fold.  The Scenarios page's
 * row of Results|Compare and Edit asked 365 px in Chinese with
 * libadwaita's 100 px stack-switcher buttons and the Edit label shown
 * (353 px in English): such a window stayed wider than 360 px, its
 * right edge off the screen. */
static void
test_wide_minimum (void)
{
  const char *views[] = { "scenarios", "chips", "revenue" };
  GType types[] = { CPL_TYPE_SCENARIOS_VIEW, CPL_TYPE_CHIPS_VIEW, CPL_TYPE_REVENUE_VIEW };

  for (guint i = 0; i < G_N_ELEMENTS (views); i++)
    {
      CplWindow *window = cpl_test_open_window (app, views[i], NULL, 1280, 800);
      GtkWidget *content = adw_application_window_get_content (ADW_APPLICATION_WINDOW (window));
      GtkWidget *view = cpl_test_find_widget (GTK_WIDGET (window), types[i]);
      AdwLeaflet *leaflet = ADW_LEAFLET (cpl_test_find_widget (view, ADW_TYPE_LEAFLET));
      int min_width;

      g_test_message ("view %s", views[i]);
      g_assert_false (adw_leaflet_get_folded (leaflet));
      gtk_widget_measure (content, GTK_ORIENTATION_HORIZONTAL, -1, &min_width, NULL, NULL, NULL);
      g_test_message ("minimum width %d px", min_width);
      g_assert_cmpint (min_width, <=, NARROW_WIDTH);
      gtk_window_destroy (GTK_WINDOW (window));
    }
}

/* The view switcher along the bottom is made only for a window too
 * narrow for the header's (a wide window's first frame made a third
 * switcher that it never showed): a wide window has none; a narrow one
 * has it, revealed, switching the window's views. */
static void
test_switcher_bar_when_narrow (void)
{
  CplWindow *wide = cpl_test_open_window (app, "scenarios", NULL, 1280, 800);
  CplWindow *narrow = cpl_test_open_window (app, "scenarios", NULL, NARROW_WIDTH, NARROW_HEIGHT);
  AdwViewSwitcherTitle *title = ADW_VIEW_SWITCHER_TITLE (cpl_test_find_widget (GTK_WIDGET (wide),
                                                                               ADW_TYPE_VIEW_SWITCHER_TITLE));
  AdwViewSwitcherBar *bar;

  g_assert_false (adw_view_switcher_title_get_title_visible (title));
  g_assert_null (cpl_test_find_widget (GTK_WIDGET (wide), ADW_TYPE_VIEW_SWITCHER_BAR));

  bar = wait_for_switcher_bar (narrow);
  g_assert_true (adw_view_switcher_bar_get_reveal (bar));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (bar)));
  g_assert_true (GTK_WIDGET (adw_view_switcher_bar_get_stack (bar)) ==
                 cpl_test_find_widget (GTK_WIDGET (narrow), ADW_TYPE_VIEW_STACK));
  gtk_window_destroy (GTK_WINDOW (wide));
  gtk_window_destroy (GTK_WINDOW (narrow));
}

/* Accessible names ------------------------------------------------------ */

/* Whether @widget shows a text of its own: a visible, non-empty label
 * inside it. */
static gboolean
shows_text (GtkWidget *widget)
{
  if (!gtk_widget_get_visible (widget))
    return FALSE;
  if (GTK_IS_LABEL (widget) && *gtk_label_get_text (GTK_LABEL (widget)) != '\0')
    return TRUE;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    if (shows_text (child))
      return TRUE;
  return FALSE;
}

/* Whether @accessible has a label that is not empty (GTK 4.8 has no
 * getter: the test context compares). */
static gboolean
has_label (GtkWidget *widget)
{
  g_autofree char *differs = NULL;

  if (!gtk_test_accessible_has_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL))
    return FALSE;
  differs = gtk_test_accessible_check_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL, "");
  return differs != NULL;
}

/* GTK's and libadwaita's own composites name their inner buttons (or
 * are named as a whole): they are not walked into. */
static gboolean
is_toolkit_composite (GtkWidget *widget)
{
  return GTK_IS_SPIN_BUTTON (widget) || GTK_IS_DROP_DOWN (widget) || GTK_IS_WINDOW_CONTROLS (widget) ||
         GTK_IS_CALENDAR (widget) || ADW_IS_VIEW_SWITCHER (widget) || GTK_IS_POPOVER (widget) ||
         ADW_IS_COMBO_ROW (widget);
}

/* Every button under @root that shows no text, every menu button and
 * every image outside a button: added to @unnamed ("Type (tooltip)")
 * unless it has an accessible label (an image may instead be
 * presentation only, when words beside it say the same).  A button that
 * shows text must not have a label property that differs from the text
 * it shows: "_Open" and "Open" were read as "_Open Open". */
static void
collect_unnamed (GtkWidget *widget,
                 GPtrArray *unnamed)
{
  gboolean name_needed = FALSE;

  if (!gtk_widget_get_visible (widget))
    return;
  if (GTK_IS_MENU_BUTTON (widget))
    name_needed = !shows_text (widget);
  else if (GTK_IS_BUTTON (widget))
    {
      name_needed = !shows_text (widget);
      if (!name_needed && GTK_IS_BUTTON (widget) && gtk_button_get_use_underline (GTK_BUTTON (widget)) &&
          gtk_test_accessible_has_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL))
        {
          /* a label property, if any, is the text without the mark */
          GtkWidget *label = cpl_test_find_widget (widget, GTK_TYPE_LABEL);
          g_autofree char *differs =
            gtk_test_accessible_check_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                                gtk_label_get_text (GTK_LABEL (label)));

          if (differs != NULL)
            g_ptr_array_add (unnamed, g_strdup_printf ("%s “%s” (%s)", G_OBJECT_TYPE_NAME (widget),
                                                       gtk_button_get_label (GTK_BUTTON (widget)), differs));
        }
    }
  else if (GTK_IS_IMAGE (widget))
    /* libadwaita 1.2's rows draw their own indicators (an entry row's
     * pencil, an expander row's arrow), which no application can name or
     * hide; the row's title names them */
    name_needed = !gtk_test_accessible_has_role (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_ROLE_PRESENTATION) &&
                  !(gtk_widget_get_ancestor (widget, ADW_TYPE_PREFERENCES_ROW) != NULL &&
                    g_strv_contains ((const char *[]) { "document-edit-symbolic", "adw-expander-arrow-symbolic", NULL },
                                     gtk_image_get_icon_name (GTK_IMAGE (widget)) ?: ""));

  if (name_needed && !has_label (widget))
    {
      const char *tooltip = gtk_widget_get_tooltip_text (widget);

      g_ptr_array_add (unnamed, g_strdup_printf ("%s in %s (%s)", G_OBJECT_TYPE_NAME (widget),
                                                 G_OBJECT_TYPE_NAME (gtk_widget_get_parent (widget)),
                                                 tooltip ? tooltip :
                                                 GTK_IS_IMAGE (widget) ? gtk_image_get_icon_name (GTK_IMAGE (widget)) :
                                                 gtk_widget_get_css_name (widget)));
    }
  /* a button's inner image is named by the button */
  if (GTK_IS_BUTTON (widget) || GTK_IS_MENU_BUTTON (widget) || is_toolkit_composite (widget))
    return;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    collect_unnamed (child, unnamed);
}

static void
assert_all_named (GtkWidget *root)
{
  g_autoptr(GPtrArray) unnamed = g_ptr_array_new_with_free_func (g_free);

  g_assert_true (gtk_widget_get_mapped (root));
  collect_unnamed (root, unnamed);
  g_ptr_array_add (unnamed, NULL);
  if (unnamed->len > 1)
    {
      g_autofree char *list = g_strjoinv ("; ", (char **) unnamed->pdata);

      g_test_message ("without an accessible name: %s", list);
    }
  g_assert_cmpuint (unnamed->len, ==, 1);
}

/* The header bar, the banner and the Chips view with a chip in its detail
 * pane. */
static void
test_window_names (void)
{
  CplWindow *window = cpl_test_open_window (app, "chips", NULL, 1280, 800);
  CplChipsView *view = CPL_CHIPS_VIEW (cpl_test_find_widget (GTK_WIDGET (window), CPL_TYPE_CHIPS_VIEW));
  GtkWidget *banner = cpl_test_find_widget (GTK_WIDGET (window), GTK_TYPE_REVEALER);
  CplDataset *dataset = cpl_application_get_dataset (app);

  cpl_chips_view_show_chip (view, CPL_CHIP (cpl_dataset_lookup (dataset, CPL_TYPE_CHIP, "h200")));
  /* the banner's buttons too, though it shows only for old files */
  gtk_revealer_set_reveal_child (GTK_REVEALER (banner), TRUE);
  cpl_test_wait_for_draw (GTK_WIDGET (window));
  assert_all_named (GTK_WIDGET (window));
  gtk_window_destroy (GTK_WINDOW (window));
}

/* At 360 px the detail pane is a page of its own, with a back button
 * that shows only an arrow. */
static void
test_narrow_detail_names (void)
{
  CplWindow *window = cpl_test_open_window (app, "chips", NULL, NARROW_WIDTH, NARROW_HEIGHT);
  CplChipsView *view = CPL_CHIPS_VIEW (cpl_test_find_widget (GTK_WIDGET (window), CPL_TYPE_CHIPS_VIEW));
  AdwLeaflet *leaflet = ADW_LEAFLET (cpl_test_find_widget (GTK_WIDGET (view), ADW_TYPE_LEAFLET));
  GtkWidget *back;

  g_assert_true (adw_leaflet_get_folded (leaflet));
  cpl_chips_view_show_chip (view, CPL_CHIP (cpl_dataset_lookup (cpl_application_get_dataset (app), CPL_TYPE_CHIP, "h20")));
  g_assert_true (adw_leaflet_navigate (leaflet, ADW_NAVIGATION_DIRECTION_FORWARD));
  cpl_test_iterate_for (400);  /* the leaflet's transition */
  back = gtk_widget_get_first_child (gtk_widget_get_first_child (adw_leaflet_get_visible_child (leaflet)));
  g_assert_true (GTK_IS_BUTTON (back));
  g_assert_true (gtk_widget_get_visible (back));
  g_assert_true (has_label (back));
  assert_all_named (GTK_WIDGET (window));
  gtk_window_destroy (GTK_WINDOW (window));
}

/* The preferences and the help window. */
static void
test_dialog_names (void)
{
  CplPreferencesWindow *preferences = cpl_preferences_window_new (cpl_application_get_settings (app));
  CplHelpWindow *help = cpl_help_window_new (GTK_APPLICATION (app));

  gtk_window_present (GTK_WINDOW (preferences));
  gtk_window_present (GTK_WINDOW (help));
  cpl_test_wait_for_draw (GTK_WIDGET (preferences));
  cpl_test_wait_for_draw (GTK_WIDGET (help));
  assert_all_named (GTK_WIDGET (preferences));
  assert_all_named (GTK_WIDGET (help));
  /* the default 10,000 Monte Carlo draws are written as the results
   * write numbers (it read "10000") */
  {
    g_autoptr(GPtrArray) spins = g_ptr_array_new ();
    g_autofree char *expected = cpl_format_number (10000, 0);
    gboolean shown = FALSE;

    cpl_test_collect_widgets (GTK_WIDGET (preferences), GTK_TYPE_SPIN_BUTTON, spins);
    for (guint i = 0; i < spins->len; i++)
      if (g_str_equal (gtk_editable_get_text (spins->pdata[i]), expected))
        {
          g_autofree char *typed = cpl_format_number (25000, 0);

          shown = TRUE;
          /* and typed the same way, read back: 25,000 draws */
          gtk_editable_set_text (spins->pdata[i], typed);
          gtk_spin_button_update (spins->pdata[i]);
          g_assert_cmpint (g_settings_get_int (cpl_application_get_settings (app), "monte-carlo-draws"), ==, 25000);
          g_assert_cmpstr (gtk_editable_get_text (spins->pdata[i]), ==, typed);
          g_settings_reset (cpl_application_get_settings (app), "monte-carlo-draws");
        }
    g_test_message ("10,000 as %s", expected);
    g_assert_true (shown);
    g_assert_cmpstr (expected, !=, "10000");
  }
  /* each number's row says its limits, which a value typed past them is
   * pulled back to (99,999,999 draws became 100,000 with nothing said):
   * 100 to 100,000 draws, 0 to 1 US dollars per kWh */
  {
    g_autoptr(GPtrArray) spins = g_ptr_array_new ();
    g_autofree char *most = cpl_format_number (100000, 0);
    gboolean english = g_strcmp0 (g_getenv ("CPL_TEST_LANG"), "en") == 0;

    cpl_test_collect_widgets (GTK_WIDGET (preferences), GTK_TYPE_SPIN_BUTTON, spins);
    g_assert_cmpuint (spins->len, ==, 2);
    for (guint i = 0; i < spins->len; i++)
      {
        GtkAdjustment *adjustment = gtk_spin_button_get_adjustment (spins->pdata[i]);
        const char *subtitle = adw_action_row_get_subtitle (ADW_ACTION_ROW (gtk_widget_get_ancestor (spins->pdata[i],
                                                                                                  ADW_TYPE_ACTION_ROW)));

        g_test_message ("%s", subtitle);
        if (gtk_adjustment_get_upper (adjustment) > 1)
          {
            g_autofree char *draws = g_strdup_printf ("Parameter sets drawn to estimate the uncertainty bands, "
                                                      "100 to %s", most);

            g_assert_nonnull (strstr (subtitle, most));
            if (english)
              g_assert_cmpstr (subtitle, ==, draws);
          }
        else if (english)
          g_assert_cmpstr (subtitle, ==, "US dollars per kWh, 0 to 1, where the Chips view starts its cost of "
                                         "compute");
        else
          g_assert_nonnull (strstr (subtitle, "0"));
      }
  }
  /* a number stays with its unit and the unit whole: the case-by-case
   * rule's "6,500 GB/s", in every language (it broke as "GB/" and "s" in
   * Chinese) */
  {
    g_autoptr(GPtrArray) labels = g_ptr_array_new ();
    gboolean kept = FALSE;

    cpl_test_collect_widgets (GTK_WIDGET (help), GTK_TYPE_LABEL, labels);
    for (guint i = 0; i < labels->len; i++)
      kept |= strstr (gtk_label_get_text (labels->pdata[i]), "6,500\u00a0GB/\u2060s") != NULL;
    g_assert_true (kept);
  }
  gtk_window_destroy (GTK_WINDOW (preferences));
  gtk_window_destroy (GTK_WINDOW (help));
}

/* Build tree ----------------------------------------------------------- */

/* The tests run from the build tree, as build-aux/run.sh does, with the
 * schema compiled there: the preferences can be changed (a key that
 * cannot be written greys its control out), and a change reaches the
 * settings. */
static void
test_preferences_writable (void)
{
  GSettings *settings = cpl_application_get_settings (app);
  CplPreferencesWindow *preferences = cpl_preferences_window_new (settings);
  AdwComboRow *style = ADW_COMBO_ROW (cpl_test_find_widget (GTK_WIDGET (preferences), ADW_TYPE_COMBO_ROW));
  GtkSpinButton *spin;

  gtk_window_present (GTK_WINDOW (preferences));
  cpl_test_wait_for_draw (GTK_WIDGET (preferences));
  g_assert_true (gtk_widget_is_sensitive (GTK_WIDGET (style)));
  /* the third style is Dark (Follow System, Light, Dark) */
  adw_combo_row_set_selected (style, 2);
  g_assert_cmpstr (g_settings_get_string (settings, "color-scheme"), ==, "dark");
  adw_combo_row_set_selected (style, 0);
  g_assert_cmpstr (g_settings_get_string (settings, "color-scheme"), ==, "default");
  /* the first spin button is the electricity price, in US dollars per kWh */
  spin = GTK_SPIN_BUTTON (cpl_test_find_widget (GTK_WIDGET (preferences), GTK_TYPE_SPIN_BUTTON));
  g_assert_true (gtk_widget_is_sensitive (GTK_WIDGET (spin)));
  gtk_spin_button_set_value (spin, 0.12);
  g_assert_cmpfloat_with_epsilon (g_settings_get_double (settings, "electricity-price"), 0.12, 1e-9);
  g_settings_reset (settings, "electricity-price");
  gtk_window_destroy (GTK_WINDOW (preferences));
}

/* The about window's icon is the app's own, found in the app's resources
 * when nothing is installed (it showed the missing-image icon). */
static void
test_app_icon (void)
{
  GtkIconTheme *theme = gtk_icon_theme_get_for_display (gdk_display_get_default ());
  g_autoptr(GtkIconPaintable) icon = NULL;
  g_autoptr(GFile) file = NULL;
  g_autofree char *uri = NULL;

  g_assert_true (gtk_icon_theme_has_icon (theme, APP_ID));
  icon = gtk_icon_theme_lookup_icon (theme, APP_ID, NULL, 128, 1, GTK_TEXT_DIR_LTR, 0);
  file = gtk_icon_paintable_get_file (icon);
  g_assert_nonnull (file);
  uri = g_file_get_uri (file);
  g_assert_cmpstr (uri, ==, "resource://" RESOURCE_BASE "/icons/scalable/apps/" APP_ID ".svg");
}

int
main (int   argc,
      char *argv[])
{
  int status;

  app = cpl_test_ui_init (&argc, &argv);
  g_test_add_func ("/shell/narrow-minimum", test_narrow_minimum);
  g_test_add_func ("/shell/wide-minimum", test_wide_minimum);
  g_test_add_func ("/shell/switcher-bar-when-narrow", test_switcher_bar_when_narrow);
  g_test_add_func ("/shell/window-names", test_window_names);
  g_test_add_func ("/shell/narrow-detail-names", test_narrow_detail_names);
  g_test_add_func ("/shell/dialog-names", test_dialog_names);
  g_test_add_func ("/shell/preferences-writable", test_preferences_writable);
  g_test_add_func ("/shell/app-icon", test_app_icon);
  status = g_test_run ();
  g_clear_object (&app);
  return status;
}
