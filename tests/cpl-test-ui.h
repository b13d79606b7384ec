/* cpl-test-ui.h: helpers the UI tests share */
#pragma once

#include <glib/gi18n.h>
#include <locale.h>
#include <stdlib.h>
#include <unistd.h>

#include "cpl-application.h"
#include "cpl-test-util.h"
#include "cpl-window.h"
#include "views/chips/cpl-chips-view.h"
#include "widgets/cpl-chart-view.h"

typedef gboolean (*CplTestMatch) (GtkWidget     *widget,
                                  gconstpointer  data);

/* The first widget under @root, depth first, that @match accepts, or NULL. */
static inline GtkWidget *
cpl_test_find_matching (GtkWidget     *root,
                        CplTestMatch   match,
                        gconstpointer  data)
{
  if (match (root, data))
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = cpl_test_find_matching (child, match, data);
      if (found != NULL)
        return found;
    }
  return NULL;
}

typedef struct {
  const char *text;
  guint       n_mapped;
} CplTestMappedText;

static inline gboolean
cpl_test_count_mapped_text (GtkWidget     *widget,
                            gconstpointer  data)
{
  CplTestMappedText *wanted = (CplTestMappedText *) data;

  if (GTK_IS_LABEL (widget) && gtk_widget_get_mapped (widget) &&
      g_str_equal (gtk_label_get_text (GTK_LABEL (widget)), wanted->text))
    wanted->n_mapped++;
  return FALSE;
}

/* How many labels under @root show @text, mapped (on screen or scrolled
 * to). */
static inline guint
cpl_test_n_mapped_labels (GtkWidget  *root,
                          const char *text)
{
  CplTestMappedText wanted = { text, 0 };

  cpl_test_find_matching (root, cpl_test_count_mapped_text, &wanted);
  return wanted.n_mapped;
}

/* Every widget under @root, depth first, that @match accepts, into @found. */
static inline void
cpl_test_collect_matching (GtkWidget     *root,
                           CplTestMatch   match,
                           gconstpointer  data,
                           GPtrArray     *found)
{
  if (match (root, data))
    g_ptr_array_add (found, root);
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    cpl_test_collect_matching (child, match, data, found);
}

static inline gboolean
cpl_test_is_type (GtkWidget     *widget,
                  gconstpointer  type)
{
  return G_TYPE_CHECK_INSTANCE_TYPE (widget, GPOINTER_TO_SIZE (type));
}

/* Every widget of @type under @root, itself too, depth first, into @found. */
static inline void
cpl_test_collect_widgets (GtkWidget *root,
                          GType      type,
                          GPtrArray *found)
{
  cpl_test_collect_matching (root, cpl_test_is_type, GSIZE_TO_POINTER (type), found);
}

/* The first mapped label under @root that reads @text, or NULL. */
static inline GtkWidget *
cpl_test_find_mapped_label (GtkWidget  *root,
                            const char *text)
{
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();

  cpl_test_collect_widgets (root, GTK_TYPE_LABEL, labels);
  for (guint i = 0; i < labels->len; i++)
    if (gtk_widget_get_mapped (labels->pdata[i]) && g_str_equal (gtk_label_get_text (labels->pdata[i]), text))
      return labels->pdata[i];
  return NULL;
}

/* The first widget of @type in the tree under @root, depth first. */
static inline GtkWidget *
cpl_test_find_widget (GtkWidget *root,
                      GType      type)
{
  return cpl_test_find_matching (root, cpl_test_is_type, GSIZE_TO_POINTER (type));
}

static inline gboolean
cpl_test_shows_chart (GtkWidget     *widget,
                      gconstpointer  chart)
{
  return CPL_IS_CHART_VIEW (widget) && cpl_chart_view_get_chart (CPL_CHART_VIEW (widget)) == chart;
}

/* The CplChartView under @root that shows @chart, or NULL. */
static inline GtkWidget *
cpl_test_find_chart_view (GtkWidget *root,
                          gpointer   chart)
{
  return cpl_test_find_matching (root, cpl_test_shows_chart, chart);
}

/* The first event controller of @type on @widget (a gesture whose
 * signals a test emits), or NULL. */
static inline GtkEventController *
cpl_test_find_controller (GtkWidget *widget,
                          GType      type)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (controller, type))
        return GTK_EVENT_CONTROLLER (controller);
    }
  return NULL;
}

typedef struct {
  GType       type;
  const char *css_class;
} CplTestStyled;

static inline gboolean
cpl_test_is_styled (GtkWidget     *widget,
                    gconstpointer  data)
{
  const CplTestStyled *styled = data;

  return G_TYPE_CHECK_INSTANCE_TYPE (widget, styled->type) && gtk_widget_has_css_class (widget, styled->css_class);
}

/* The first widget of @type with the style class @css_class under @root. */
static inline GtkWidget *
cpl_test_find_styled (GtkWidget  *root,
                      GType       type,
                      const char *css_class)
{
  CplTestStyled styled = { type, css_class };

  return cpl_test_find_matching (root, cpl_test_is_styled, &styled);
}

/* The row of the chips table that shows @chip_id, or -1. */
static inline int
cpl_test_chips_row (CplChipsView *view,
                    const char   *chip_id)
{
  for (guint i = 0; i < cpl_chips_view_get_n_rows (view); i++)
    if (g_str_equal (cpl_entity_get_id (CPL_ENTITY (cpl_chips_view_get_row_chip (view, i))), chip_id))
      return i;
  return -1;
}

/* What @widget draws, alone (transfer full). */
/* Presses @accel in the focused widget as GTK dispatches a key: the
 * shortcut controllers from the window down to the focus (capture), then
 * from the focus up (bubble); the first shortcut for the key whose action
 * acts takes it (a disabled action passes it on).  GTK 4.8 has no public
 * way to synthesize a key event. */
static inline gboolean
cpl_test_press_keys (GtkWindow  *window,
                     const char *accel)
{
  g_autoptr(GtkShortcutTrigger) trigger = gtk_shortcut_trigger_parse_string (accel);
  g_autoptr(GPtrArray) path = g_ptr_array_new ();  /* the focus up to the window */

  for (GtkWidget *w = gtk_root_get_focus (GTK_ROOT (window)); w != NULL; w = gtk_widget_get_parent (w))
    g_ptr_array_add (path, w);
  g_assert_cmpuint (path->len, >, 1);
  for (guint pass = 0; pass < 2; pass++)
    for (guint k = 0; k < path->len; k++)
      {
        GtkWidget *widget = g_ptr_array_index (path, pass == 0 ? path->len - 1 - k : k);
        g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

        for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
          {
            g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);
            GtkPropagationPhase phase;

            if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
              continue;
            phase = gtk_event_controller_get_propagation_phase (controller);
            if (phase != (pass == 0 ? GTK_PHASE_CAPTURE : GTK_PHASE_BUBBLE) &&
                !(phase == GTK_PHASE_TARGET && k == 0 && pass == 1))
              continue;
            for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
              {
                g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);

                if (gtk_shortcut_trigger_equal (gtk_shortcut_get_trigger (shortcut), trigger) &&
                    gtk_shortcut_action_activate (gtk_shortcut_get_action (shortcut), 0, widget,
                                                  gtk_shortcut_get_arguments (shortcut)))
                  return TRUE;
              }
          }
      }
  return FALSE;
}

static inline GskRenderNode *
cpl_test_widget_node (GtkWidget *widget)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  GskRenderNode *node;

  gdk_paintable_snapshot (paintable, snapshot, gtk_widget_get_width (widget), gtk_widget_get_height (widget));
  node = gtk_snapshot_free_to_node (snapshot);
  g_assert_nonnull (node);
  return node;
}

/* The first node of @type in the tree of @node, depth first, or NULL
 * (through the nodes that hold others: containers, transforms, clips,
 * opacity, colour matrices). */
static inline GskRenderNode *
cpl_test_find_node (GskRenderNode     *node,
                    GskRenderNodeType  type)
{
  GskRenderNode *child = NULL;

  if (gsk_render_node_get_node_type (node) == type)
    return node;
  switch (gsk_render_node_get_node_type (node))
    {
    case GSK_CONTAINER_NODE:
      for (guint i = 0; i < gsk_container_node_get_n_children (node); i++)
        {
          GskRenderNode *found = cpl_test_find_node (gsk_container_node_get_child (node, i), type);

          if (found != NULL)
            return found;
        }
      return NULL;
    case GSK_TRANSFORM_NODE:
      child = gsk_transform_node_get_child (node);
      break;
    case GSK_CLIP_NODE:
      child = gsk_clip_node_get_child (node);
      break;
    case GSK_ROUNDED_CLIP_NODE:
      child = gsk_rounded_clip_node_get_child (node);
      break;
    case GSK_OPACITY_NODE:
      child = gsk_opacity_node_get_child (node);
      break;
    case GSK_COLOR_MATRIX_NODE:
      child = gsk_color_matrix_node_get_child (node);
      break;
    default:
      return NULL;
    }
  return cpl_test_find_node (child, type);
}

/* @widget, dim, draws its text in a dimmer colour, not under an opacity
 * node (which GTK draws into a texture of its own first when it holds
 * several nodes): its first text is Adwaita's text colour, black at 0.8,
 * times 0.55 = 0.44 (light style). */
static inline void
cpl_test_assert_dim_by_colour (GtkWidget *widget)
{
  g_autoptr(GskRenderNode) node = cpl_test_widget_node (widget);
  GskRenderNode *text;

  g_assert_null (cpl_test_find_node (node, GSK_OPACITY_NODE));
  text = cpl_test_find_node (node, GSK_TEXT_NODE);
  g_assert_nonnull (text);
  g_assert_cmpfloat_with_epsilon (gsk_text_node_get_color (text)->alpha, 0.44, 0.005);
}


/* The opacity of @widget's background as it draws it alone: the alpha
 * of the pixel 3 pixels inside its right edge, halfway down (a sidebar
 * row's padding, where only the background is drawn); 0 for none. */
static inline guchar
cpl_test_edge_alpha (GtkWidget *widget)
{
  int width = gtk_widget_get_width (widget), height = gtk_widget_get_height (widget);
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree guchar *data = NULL;
  gsize stride;

  g_assert_cmpint (width, >, 3);
  node = cpl_test_widget_node (widget);
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (gtk_widget_get_native (widget)), node,
                                         &GRAPHENE_RECT_INIT (0, 0, width, height));
  stride = (gsize) gdk_texture_get_width (texture) * 4;
  data = g_malloc (stride * gdk_texture_get_height (texture));
  gdk_texture_download (texture, data, stride);
  /* B, G, R, A */
  return data[(gsize) (gdk_texture_get_height (texture) / 2) * stride + (gdk_texture_get_width (texture) - 3) * 4 + 3];
}

static inline gboolean
cpl_test_set_true (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

/* Lets @widget map, lay out and draw a frame, and then what waits for a
 * frame run (what is below the fold is made after the first one). */
static inline void
cpl_test_wait_for_draw (GtkWidget *widget)
{
  GdkFrameClock *clock;
  gboolean painted = FALSE;
  gulong id;

  while (!gtk_widget_get_mapped (widget))
    g_main_context_iteration (NULL, FALSE);
  clock = gtk_widget_get_frame_clock (widget);
  id = g_signal_connect_swapped (clock, "after-paint", G_CALLBACK (cpl_test_set_true), &painted);
  gdk_frame_clock_request_phase (clock, GDK_FRAME_CLOCK_PHASE_AFTER_PAINT);
  while (!painted)
    g_main_context_iteration (NULL, TRUE);
  g_signal_handler_disconnect (clock, id);
  for (guint i = 0; i < 50; i++)
    g_main_context_iteration (NULL, FALSE);
}

/* Runs the main loop for @ms milliseconds: frames are drawn meanwhile. */
static inline void
cpl_test_iterate_for (guint ms)
{
  gboolean done = FALSE;

  g_timeout_add (ms, cpl_test_set_true, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
}

/* Runs the main loop until @document has no load or save under way. */
static inline void
cpl_test_wait_for_document (CplDocument *document)
{
  while (cpl_document_get_busy (document))
    g_main_context_iteration (NULL, TRUE);
}

/* Loads @file into the window's document as cpl_window_load_file()
 * does, and waits: whether it loaded (@error says why not). */
static inline gboolean
cpl_test_load_file (CplWindow  *window,
                    GFile      *file,
                    GError    **error)
{
  return cpl_test_document_load (cpl_window_get_document (window), file, error);
}

/* Saves the window's document to @file, and waits: whether it saved. */
static inline gboolean
cpl_test_save (CplWindow  *window,
               GFile      *file,
               GError    **error)
{
  return cpl_test_document_save (cpl_window_get_document (window), file, error);
}

/* A new window of @app, presented and drawn: @width × @height (the
 * default size when @width <= 0; set before it is shown, because GTK 4.8
 * warns when a shown window is resized while a leaflet folds), on @view
 * (unless NULL), with @file opened (unless NULL). */
static inline CplWindow *
cpl_test_open_window (CplApplication *app,
                      const char     *view,
                      GFile          *file,
                      int             width,
                      int             height)
{
  CplWindow *window = cpl_window_new (app);

  if (width > 0)
    gtk_window_set_default_size (GTK_WINDOW (window), width, height);
  gtk_window_present (GTK_WINDOW (window));
  if (view != NULL)
    cpl_window_set_visible_view (window, view);
  if (file != NULL)
    {
      g_autoptr(GError) error = NULL;

      cpl_test_load_file (window, file, &error);
      g_assert_no_error (error);
    }
  cpl_test_wait_for_draw (GTK_WIDGET (window));
  return window;
}

/* `chip-policy-lab FILE` with no window open: a window is presented at
 * once, before the main loop has run (the file cannot have loaded yet),
 * and loads the file behind it.  Returns: (transfer none) that window. */
static inline CplWindow *
cpl_test_open_from_command_line (CplApplication *app,
                                 GFile          *file)
{
  GtkWindow *window;

  g_assert_null (gtk_application_get_active_window (GTK_APPLICATION (app)));
  g_application_open (G_APPLICATION (app), &file, 1, "");
  window = gtk_application_get_active_window (GTK_APPLICATION (app));
  g_assert_true (CPL_IS_WINDOW (window));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (window)));
  g_assert_true (cpl_window_get_loading (CPL_WINDOW (window)));
  return CPL_WINDOW (window);
}

static char *cpl_test_data_home;  /* made by this process */
static pid_t cpl_test_data_home_owner;

static inline void
cpl_test_remove_data_home (void)
{
  if (cpl_test_data_home != NULL && getpid () == cpl_test_data_home_owner)
    cpl_test_remove_tree (cpl_test_data_home);
}

/* The locale and catalogue of the build tree, g_test_init(), drafts in a
 * data directory of the test's own (never the user's; removed at exit),
 * and a registered application (which loads the built-in dataset). */
static inline CplApplication *
cpl_test_ui_init (int    *argc,
                  char ***argv)
{
  g_autoptr(GError) error = NULL;
  const char *localedir = g_getenv ("CPL_LOCALEDIR");
  CplApplication *app;

  cpl_test_data_home = cpl_test_isolate_data_home ();
  if (cpl_test_data_home != NULL)
    {
      cpl_test_data_home_owner = getpid ();
      atexit (cpl_test_remove_data_home);
    }
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, localedir ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  g_test_init (argc, argv, NULL);

  app = cpl_application_new ();
  /* test programs run side by side on one session bus: each is its own
   * instance (the app is single-instance otherwise) */
  g_application_set_flags (G_APPLICATION (app),
                           g_application_get_flags (G_APPLICATION (app)) | G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);
  return app;
}

/* @text as a reader reads it: its no-break spaces as spaces, its word
 * joiners gone (the labels keep numbers with their units and dates
 * whole, cpl_text_keep_units()). */
static inline char *
cpl_test_plain_text (const char *text)
{
  g_autoptr(GString) plain = g_string_new (text);

  g_string_replace (plain, "\u00a0", " ", 0);
  g_string_replace (plain, "\u2060", "", 0);
  return g_string_free (g_steal_pointer (&plain), FALSE);
}
