/* first-frame-shim.c: an LD_PRELOAD module for bench-gui, the same for
 * the app and for the bare window it is measured against.
 *
 * It wraps gtk_window_present(): the first window presented is watched
 * on its surface's GdkFrameClock.  At the first "after-paint" it notes
 * CLOCK_MONOTONIC (bench-gui noted the same clock before it started the
 * process: the difference is start to first frame).  A second later it
 * reads the process's resident and proportional set sizes
 * (/proc/self/smaps_rollup).  Then, when CPL_BENCH_EDIT names an action,
 * it activates CPL_BENCH_PREPARE's action (if any; e.g. showing a view),
 * waits a second for that to settle, notes the clock, activates the edit
 * and notes the time of the next "after-paint": the edit to the drawn
 * frame, an "edit_ns" line.  CPL_BENCH_EDITS (1 unless set) edits are
 * timed so, each a quarter of a second after the frame of the one
 * before.  It writes what it measured to the file CPL_BENCH_OUT as
 * "key=value" lines and ends the process at once (_exit: no teardown).
 *
 * A window with a "loading" property (the app's CplWindow, opening a
 * file) is also watched for the data shown: the time its load started
 * (loading already TRUE when it is presented, as the app starts the load
 * just before: noted before presenting; or when it turns TRUE later) is
 * load_at_ns, and the first "after-paint" after loading turns FALSE is
 * shown_at_ns, the file's data on screen.  The memory and the edit (and,
 * with CPL_BENCH_FRAME_ONLY, the end) then wait for the data shown.
 *
 * Actions are detailed names ("win.show-view::scenarios"), activated
 * on the first widget of the window (the window, then its descendants,
 * depth first) that has them, as a key binding there would.
 */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <gtk/gtk.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#define SETTLE_MS   1000
#define EDIT_GAP_MS 250
#define GIVE_UP_S   300

static GString *report;
static gboolean watching;
static gint64 edit_start_ns;          /* 0: no edit under way */
static int edits_left;                /* the edits still to time, this one included */
static gboolean first_frame_noted;
static gboolean loading;              /* the window's load is under way */
static gboolean show_pending;         /* loading turned FALSE: the next frame shows the data */
static gboolean settled;              /* the memory and the edit are scheduled */

static gint64
now_ns (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_MONOTONIC, &ts);
  return (gint64) ts.tv_sec * G_GINT64_CONSTANT (1000000000) + ts.tv_nsec;
}

G_GNUC_NORETURN static void
finish (int status)
{
  const char *path = g_getenv ("CPL_BENCH_OUT");

  if (path != NULL)
    g_file_set_contents (path, report->str, -1, NULL);
  _exit (status);
}

/* Rss and Pss of this process, in kB, into the report. */
static void
note_memory (void)
{
  g_autofree char *text = NULL;
  g_auto(GStrv) lines = NULL;

  if (!g_file_get_contents ("/proc/self/smaps_rollup", &text, NULL, NULL))
    return;
  lines = g_strsplit (text, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      guint64 kb;

      if (sscanf (lines[i], "Rss: %" G_GUINT64_FORMAT " kB", &kb) == 1)
        g_string_append_printf (report, "rss_kb=%" G_GUINT64_FORMAT "\n", kb);
      else if (sscanf (lines[i], "Pss: %" G_GUINT64_FORMAT " kB", &kb) == 1)
        g_string_append_printf (report, "pss_kb=%" G_GUINT64_FORMAT "\n", kb);
    }
}

static gboolean
activate_in (GtkWidget  *widget,
             const char *name,
             GVariant   *target)
{
  if (gtk_widget_activate_action_variant (widget, name, target))
    return TRUE;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (activate_in (child, name, target))
      return TRUE;
  return FALSE;
}

static gboolean
activate (GtkWidget  *window,
          const char *detailed)
{
  g_autofree char *name = NULL;
  g_autoptr(GVariant) target = NULL;
  g_autoptr(GError) error = NULL;

  if (!g_action_parse_detailed_name (detailed, &name, &target, &error))
    {
      g_printerr ("first-frame-shim: %s: %s\n", detailed, error->message);
      return FALSE;
    }
  if (!activate_in (window, name, target))
    {
      g_printerr ("first-frame-shim: no widget of the window has the action %s\n", detailed);
      return FALSE;
    }
  return TRUE;
}

static gboolean
edit_cb (gpointer data)
{
  GtkWidget *window = data;

  edit_start_ns = now_ns ();
  if (!activate (window, g_getenv ("CPL_BENCH_EDIT")))
    finish (2);
  return G_SOURCE_REMOVE;
}

static gboolean
idle_cb (gpointer data)
{
  GtkWidget *window = data;
  const char *prepare = g_getenv ("CPL_BENCH_PREPARE");

  note_memory ();
  if (g_getenv ("CPL_BENCH_EDIT") == NULL)
    finish (0);
  if (prepare != NULL && *prepare != '\0' && !activate (window, prepare))
    finish (2);
  edits_left = g_getenv ("CPL_BENCH_EDITS") != NULL ? MAX (atoi (g_getenv ("CPL_BENCH_EDITS")), 1) : 1;
  g_timeout_add (SETTLE_MS, edit_cb, window);
  return G_SOURCE_REMOVE;
}

static void
after_paint_cb (GdkFrameClock *clock,
                GtkWidget     *window)
{
  gint64 now = now_ns ();

  if (edit_start_ns > 0)
    {
      g_string_append_printf (report, "edit_ns=%" G_GINT64_FORMAT "\n", now - edit_start_ns);
      edit_start_ns = 0;
      if (--edits_left == 0)
        finish (0);
      g_timeout_add (EDIT_GAP_MS, edit_cb, window);
      return;
    }
  if (!first_frame_noted)
    {
      first_frame_noted = TRUE;
      g_string_append_printf (report, "frame_at_ns=%" G_GINT64_FORMAT "\n", now);
    }
  if (show_pending)
    {
      show_pending = FALSE;
      g_string_append_printf (report, "shown_at_ns=%" G_GINT64_FORMAT "\n", now);
    }
  if (loading || settled)
    return;  /* waiting for the data, or a frame between the first and the edit */

  settled = TRUE;
  if (g_getenv ("CPL_BENCH_FRAME_ONLY") != NULL)
    finish (0);
  g_timeout_add (SETTLE_MS, idle_cb, window);
}

static void
loading_changed_cb (GObject    *window,
                    GParamSpec *pspec,
                    gpointer    data)
{
  gboolean now_loading = FALSE;

  g_object_get (window, "loading", &now_loading, NULL);
  if (now_loading && !loading)
    {
      loading = TRUE;
      g_string_append_printf (report, "load_at_ns=%" G_GINT64_FORMAT "\n", now_ns ());
    }
  else if (!now_loading && loading)
    {
      loading = FALSE;
      show_pending = TRUE;
      /* the views changed: a frame comes; make sure of it */
      gtk_widget_queue_draw (GTK_WIDGET (window));
    }
}

static gboolean
give_up_cb (gpointer data)
{
  g_printerr ("first-frame-shim: nothing to measure after %d s\n", GIVE_UP_S);
  finish (3);
}

static void
watch (GtkWidget *window,
       gint64     presented_at)
{
  GdkSurface *surface = gtk_native_get_surface (GTK_NATIVE (window));
  gboolean loading_now = FALSE;

  if (surface == NULL)
    return;
  watching = TRUE;
  report = g_string_new (NULL);
  if (g_object_class_find_property (G_OBJECT_GET_CLASS (window), "loading") != NULL)
    {
      g_object_get (window, "loading", &loading_now, NULL);
      if (loading_now)
        {
          loading = TRUE;
          g_string_append_printf (report, "load_at_ns=%" G_GINT64_FORMAT "\n", presented_at);
        }
      g_signal_connect (window, "notify::loading", G_CALLBACK (loading_changed_cb), NULL);
    }
  g_signal_connect (gdk_surface_get_frame_clock (surface), "after-paint", G_CALLBACK (after_paint_cb), window);
  g_timeout_add_seconds (GIVE_UP_S, give_up_cb, NULL);
}

void
gtk_window_present (GtkWindow *window)
{
  static void (*real) (GtkWindow *);

  gint64 presented_at = now_ns ();

  if (real == NULL)
    real = (void (*) (GtkWindow *)) dlsym (RTLD_NEXT, "gtk_window_present");
  real (window);
  /* shown now: realized, with a surface */
  if (!watching && g_getenv ("CPL_BENCH_OUT") != NULL)
    watch (GTK_WIDGET (window), presented_at);
}
