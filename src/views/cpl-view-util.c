/* cpl-view-util.c: small things the views share */
#define G_LOG_DOMAIN "cpl-view-util"

#include "config.h"

#include "cpl-view-util.h"

typedef struct {
  GWeakRef widget;
  GWeakRef foldable;
} FoldWatch;

static void
fold_watch_free (gpointer data)
{
  FoldWatch *watch = data;

  g_weak_ref_clear (&watch->widget);
  g_weak_ref_clear (&watch->foldable);
  g_free (watch);
}

static gboolean
apply_folded (gpointer data)
{
  FoldWatch *watch = data;
  g_autoptr(GtkWidget) widget = g_weak_ref_get (&watch->widget);
  g_autoptr(GObject) foldable = g_weak_ref_get (&watch->foldable);
  gboolean folded = FALSE;

  if (widget != NULL && foldable != NULL)
    {
      g_object_get (foldable, "folded", &folded, NULL);
      gtk_widget_set_visible (widget, folded);
    }
  return G_SOURCE_REMOVE;
}

static void
on_folded (GObject    *foldable,
           GParamSpec *pspec,
           GtkWidget  *widget)
{
  FoldWatch *watch = g_new0 (FoldWatch, 1);

  g_weak_ref_init (&watch->widget, widget);
  g_weak_ref_init (&watch->foldable, foldable);
  g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, apply_folded, watch, fold_watch_free);
}

/**
 * cpl_show_when_folded:
 * @foldable: an AdwLeaflet or AdwFlap
 *
 * Shows @widget (a back button, a toggle) only while @foldable is folded.
 * A leaflet folds while it is being allocated; a binding would show the
 * button in the middle of that allocation, and GTK then draws it before
 * it has a size.  The change waits for an idle instead.
 */
void
cpl_show_when_folded (GtkWidget *widget,
                      gpointer   foldable)
{
  gboolean folded = FALSE;

  g_object_get (foldable, "folded", &folded, NULL);
  gtk_widget_set_visible (widget, folded);
  g_signal_connect_object (foldable, "notify::folded", G_CALLBACK (on_folded), widget, 0);
}

/**
 * cpl_scroll_sideways:
 *
 * Returns: (transfer floating): @child in a scroller that scrolls sideways
 *   when the window is narrower than @child (a table of several columns
 *   on a phone), and is exactly as tall as @child.
 */
GtkWidget *
cpl_scroll_sideways (GtkWidget *child)
{
  GtkWidget *scroller = gtk_scrolled_window_new ();

  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_AUTOMATIC, GTK_POLICY_NEVER);
  gtk_scrolled_window_set_propagate_natural_width (GTK_SCROLLED_WINDOW (scroller), TRUE);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scroller), TRUE);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), child);
  return scroller;
}
