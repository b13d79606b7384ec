/* bare-window.c: the baseline of issue #16's GUI rows: an
 * AdwApplicationWindow of the app's default size (1100×760) with a
 * header bar and a label, and nothing else.  Its action "win.edit" sets
 * the label's text anew: the edit in a bare window.  bench-gui runs it
 * with the same first-frame shim as the app.
 */
#include <adwaita.h>

static void
edit_activated (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  static guint edits;
  g_autofree char *text = g_strdup_printf ("Edited %u times", ++edits);

  gtk_label_set_text (GTK_LABEL (user_data), text);
}

static void
activate_cb (GtkApplication *app)
{
  GtkWidget *window = adw_application_window_new (app);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *label = gtk_label_new ("Not edited");
  g_autoptr(GSimpleAction) edit = g_simple_action_new ("edit", NULL);

  g_signal_connect (edit, "activate", G_CALLBACK (edit_activated), label);
  g_action_map_add_action (G_ACTION_MAP (window), G_ACTION (edit));
  gtk_widget_set_vexpand (label, TRUE);
  gtk_box_append (GTK_BOX (box), adw_header_bar_new ());
  gtk_box_append (GTK_BOX (box), label);
  adw_application_window_set_content (ADW_APPLICATION_WINDOW (window), box);
  gtk_window_set_title (GTK_WINDOW (window), "Bare window");
  gtk_window_set_default_size (GTK_WINDOW (window), 1100, 760);
  gtk_window_present (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(AdwApplication) app = adw_application_new ("io.github.chippolicylab.BareWindow",
                                                       G_APPLICATION_DEFAULT_FLAGS);

  g_signal_connect (app, "activate", G_CALLBACK (activate_cb), NULL);
  return g_application_run (G_APPLICATION (app), argc, argv);
}
