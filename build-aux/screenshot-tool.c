/* screenshot-tool.c: renders the main window, one PNG per view, for the
 * AppStream metainfo.  Built and run by build-aux/screenshots.sh.
 *
 * Usage: screenshot-tool OUTDIR [WIDTH HEIGHT]
 */
#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <stdlib.h>

#include "cpl-application.h"
#include "cpl-test-ui.h"
#include "cpl-window.h"
#include "views/scenarios/cpl-scenarios-view.h"

static const char *views[] = { "scenarios", "chips", "revenue" };

/* Lets the main loop lay out and draw for about @ms milliseconds. */
static void
settle (guint ms)
{
  gint64 end = g_get_monotonic_time () + (gint64) ms * 1000;

  while (g_get_monotonic_time () < end)
    {
      while (g_main_context_pending (NULL))
        g_main_context_iteration (NULL, FALSE);
      g_usleep (10 * 1000);
    }
}

static gboolean
save_window (GtkWidget   *window,
             const char  *path,
             GError     **error)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (window);
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  GskRenderer *renderer = gtk_native_get_renderer (GTK_NATIVE (window));
  int width = gtk_widget_get_width (window);
  int height = gtk_widget_get_height (window);

  gdk_paintable_snapshot (paintable, GDK_SNAPSHOT (snapshot), width, height);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  if (node == NULL || renderer == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "the window drew nothing");
      return FALSE;
    }
  texture = gsk_renderer_render_texture (renderer, node, &GRAPHENE_RECT_INIT (0, 0, width, height));
  if (!gdk_texture_save_to_png (texture, path))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "could not write %s", path);
      return FALSE;
    }
  return TRUE;
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CplApplication) app = NULL;
  const char *localedir = g_getenv ("CPL_LOCALEDIR");
  CplWindow *window;
  int width = 1200;
  int height = 800;
  int status = 0;

  if (argc != 2 && argc != 4)
    {
      g_printerr ("usage: %s OUTDIR [WIDTH HEIGHT]\n", argv[0]);
      return 2;
    }
  if (argc == 4)
    {
      width = atoi (argv[2]);
      height = atoi (argv[3]);
    }

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, localedir ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  app = cpl_application_new ();
  if (!g_application_register (G_APPLICATION (app), NULL, &error))
    {
      g_printerr ("screenshot-tool: %s\n", error->message);
      return 1;
    }
  g_mkdir_with_parents (argv[1], 0755);

  window = cpl_window_new (app);
  gtk_window_set_default_size (GTK_WINDOW (window), width, height);
  gtk_window_present (GTK_WINDOW (window));
  settle (1000);
  /* The default size counts the client-side decorations; make the window
   * itself the size asked for. */
  if (gtk_widget_get_width (GTK_WIDGET (window)) != width ||
      gtk_widget_get_height (GTK_WIDGET (window)) != height)
    {
      gtk_window_set_default_size (GTK_WINDOW (window),
                                   2 * width - gtk_widget_get_width (GTK_WIDGET (window)),
                                   2 * height - gtk_widget_get_height (GTK_WIDGET (window)));
      settle (1000);
    }

  /* The scenarios view shows the 25% H200 deal: a projection with some
   * movement in it, rather than the flat line of the full ban. */
  {
    GtkWidget *scenarios = cpl_test_find_widget (GTK_WIDGET (window), CPL_TYPE_SCENARIOS_VIEW);
    CplDataset *dataset = cpl_application_get_dataset (app);
    gpointer scenario = cpl_dataset_lookup (dataset, CPL_TYPE_SCENARIO, "h200-share-25");

    if (scenarios != NULL && scenario != NULL)
      cpl_scenarios_view_select (CPL_SCENARIOS_VIEW (scenarios), CPL_SCENARIO (scenario));
  }

  for (guint i = 0; i < G_N_ELEMENTS (views); i++)
    {
      g_autofree char *name = g_strconcat (views[i], ".png", NULL);
      g_autofree char *path = g_build_filename (argv[1], name, NULL);

      cpl_window_set_visible_view (window, views[i]);
      settle (1000);
      if (!save_window (GTK_WIDGET (window), path, &error))
        {
          g_printerr ("screenshot-tool: %s\n", error->message);
          g_clear_error (&error);
          status = 1;
          continue;
        }
      g_print ("%s (%d×%d)\n", path, gtk_widget_get_width (GTK_WIDGET (window)),
               gtk_widget_get_height (GTK_WIDGET (window)));
    }

  gtk_window_destroy (GTK_WINDOW (window));
  settle (100);
  return status;
}
