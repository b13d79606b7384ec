/* cpl-chart-view.c: the widget that shows any chart
 *
 * A CplChart draws itself for a size, a PangoContext and a palette; the
 * view gives it its own size and context and the theme's colours (read
 * again after every style change: dark mode, high contrast, another
 * accent or font), draws the focus ring, and turns pointer, drag and key
 * events, tooltips and the chart's actions into the chart's methods.  The
 * chart asks it to draw, measure or ask for a tooltip again through
 * CplChart::update.
 */
#define G_LOG_DOMAIN "cpl-chart"

#include "config.h"

#include <math.h>

#include "cpl-chart-private.h"
#include "cpl-chart-view.h"
#include "cpl-format.h"

struct _CplChartView
{
  GtkWidget  parent_instance;

  CplChart  *chart;
  gboolean   palette_valid;
};

G_DEFINE_FINAL_TYPE (CplChartView, cpl_chart_view, GTK_TYPE_WIDGET)

/* ---- the theme's colours ---- */

static gboolean
lookup (GtkStyleContext *context,
        const char      *name,
        GdkRGBA         *color)
{
  return gtk_style_context_lookup_color (context, name, color);
}

/* The chart's palette from the view's style: its text colour and the
 * theme's named colours, over the fixed palette of the same darkness. */
static void
palette_from_style (CplChartPalette *palette,
                    GtkWidget       *widget)
{
  GtkStyleContext *context = gtk_widget_get_style_context (widget);
  GdkRGBA fg;
  double luminance;

  /* The widget's own colour rather than window_fg_color: it is the same in
   * a window, and still right when the chart sits in a card or a popover. */
  gtk_style_context_get_color (context, &fg);
  if (fg.alpha == 0 && !lookup (context, "window_fg_color", &fg))
    fg = (GdkRGBA) { 0, 0, 0, .8f };

  luminance = 0.2126 * fg.red + 0.7152 * fg.green + 0.0722 * fg.blue;
  cpl_chart_palette_init (palette, luminance > 0.5);
  palette->fg = fg;

  lookup (context, "accent_color", &palette->accent);
  if (!lookup (context, "borders", &palette->borders))
    palette->borders = cpl_chart_rgba_alpha (&palette->fg, .15f);
  if (!lookup (context, "popover_bg_color", &palette->surface))
    lookup (context, "window_bg_color", &palette->surface);
  lookup (context, "window_bg_color", &palette->background);
  /* the charts' cards are views (cpl_card_append()) */
  lookup (context, "view_bg_color", &palette->view);
  lookup (context, "success_color", &palette->success);
  lookup (context, "error_color", &palette->error);
  lookup (context, "warning_color", &palette->warning);
}

/* Gives the chart what it draws with: the theme's colours, read when
 * first needed after a style change, the view's size and text context. */
static void
prepare_chart (CplChartView *self)
{
  GtkWidget *widget = GTK_WIDGET (self);

  if (!self->palette_valid)
    {
      CplChartPalette palette;

      palette_from_style (&palette, widget);
      self->palette_valid = TRUE;
      cpl_chart_set_palette (self->chart, &palette);
    }
  cpl_chart_set_pango_context (self->chart, gtk_widget_get_pango_context (widget));
  cpl_chart_set_size (self->chart, gtk_widget_get_width (widget), gtk_widget_get_height (widget));
}

static void
update_accessible (CplChartView *self)
{
  const char *label = cpl_chart_get_accessible_label (self->chart);
  const char *description = cpl_chart_get_description (self->chart);

  if (label != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  else
    gtk_accessible_reset_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL);
  if (description != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description, -1);
  else
    gtk_accessible_reset_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
}

static void
chart_update_cb (CplChartView *self,
                 guint         what,
                 CplChart     *chart)
{
  GtkWidget *widget = GTK_WIDGET (self);

  if (what & CPL_CHART_UPDATE_SIZE)
    gtk_widget_queue_resize (widget);
  if (what & CPL_CHART_UPDATE_DRAW)
    gtk_widget_queue_draw (widget);
  if (what & CPL_CHART_UPDATE_TOOLTIP)
    gtk_widget_trigger_tooltip_query (widget);
  if (what & CPL_CHART_UPDATE_ACCESSIBLE)
    update_accessible (self);
}

/* ---- GtkWidget ---- */

static void
cpl_chart_view_snapshot (GtkWidget   *widget,
                         GtkSnapshot *snapshot)
{
  CplChartView *self = CPL_CHART_VIEW (widget);

  prepare_chart (self);
  cpl_chart_snapshot (self->chart, snapshot);
  if (gtk_widget_has_visible_focus (widget))
    cpl_chart_append_focus (snapshot, gtk_widget_get_width (widget), gtk_widget_get_height (widget),
                            cpl_chart_get_palette (self->chart));
}

static GtkSizeRequestMode
cpl_chart_view_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
cpl_chart_view_measure (GtkWidget      *widget,
                        GtkOrientation  orientation,
                        int             for_size,
                        int            *minimum,
                        int            *natural,
                        int            *minimum_baseline,
                        int            *natural_baseline)
{
  CplChartView *self = CPL_CHART_VIEW (widget);

  prepare_chart (self);
  cpl_chart_measure_size (self->chart, orientation, for_size, minimum, natural);
}

static void
cpl_chart_view_size_allocate (GtkWidget *widget,
                              int        width,
                              int        height,
                              int        baseline)
{
  cpl_chart_set_size (CPL_CHART_VIEW (widget)->chart, width, height);
}

static void
cpl_chart_view_css_changed (GtkWidget         *widget,
                            GtkCssStyleChange *change)
{
  CplChartView *self = CPL_CHART_VIEW (widget);

  GTK_WIDGET_CLASS (cpl_chart_view_parent_class)->css_changed (widget, change);

  /* dark mode, high contrast, another accent or font */
  self->palette_valid = FALSE;
  gtk_widget_queue_draw (widget);
}

static void
cpl_chart_view_system_setting_changed (GtkWidget        *widget,
                                       GtkSystemSetting  setting)
{
  GTK_WIDGET_CLASS (cpl_chart_view_parent_class)->system_setting_changed (widget, setting);
  cpl_chart_invalidate (CPL_CHART_VIEW (widget)->chart);
}

static void
cpl_chart_view_state_flags_changed (GtkWidget     *widget,
                                    GtkStateFlags  previous)
{
  CplChartView *self = CPL_CHART_VIEW (widget);
  GtkStateFlags changed = previous ^ gtk_widget_get_state_flags (widget);

  GTK_WIDGET_CLASS (cpl_chart_view_parent_class)->state_flags_changed (widget, previous);

  cpl_chart_set_focused (self->chart, gtk_widget_has_focus (widget));
  if (changed & (GTK_STATE_FLAG_FOCUSED | GTK_STATE_FLAG_FOCUS_VISIBLE | GTK_STATE_FLAG_FOCUS_WITHIN))
    gtk_widget_queue_draw (widget);
}

static gboolean
cpl_chart_view_query_tooltip (GtkWidget  *widget,
                              int         x,
                              int         y,
                              gboolean    keyboard_mode,
                              GtkTooltip *tooltip)
{
  CplChartView *self = CPL_CHART_VIEW (widget);
  g_autofree char *text = NULL;
  GdkRectangle area;

  prepare_chart (self);
  text = cpl_chart_query_tooltip (self->chart, x, y, keyboard_mode, &area);
  if (text == NULL)
    return FALSE;
  {
    /* "2027年" stood over "年" on a line of its own */
    g_autofree char *kept = cpl_text_keep_han_words (text);

    gtk_tooltip_set_text (tooltip, kept);
  }
  gtk_tooltip_set_tip_area (tooltip, &area);
  return TRUE;
}

/* ---- input ---- */

static void
motion_cb (CplChartView             *self,
           double                    x,
           double                    y,
           GtkEventControllerMotion *motion)
{
  prepare_chart (self);
  cpl_chart_pointer_moved (self->chart, x, y);
}

static void
leave_cb (CplChartView             *self,
          GtkEventControllerMotion *motion)
{
  cpl_chart_pointer_moved (self->chart, NAN, NAN);
}

static void
pressed_cb (CplChartView    *self,
            int              n_press,
            double           x,
            double           y,
            GtkGestureClick *click)
{
  gtk_widget_grab_focus (GTK_WIDGET (self));
  prepare_chart (self);
  cpl_chart_pressed (self->chart, n_press, x, y);
}

static void
drag_begin_cb (CplChartView   *self,
               double          x,
               double          y,
               GtkGestureDrag *drag)
{
  prepare_chart (self);
  cpl_chart_drag_begin (self->chart, x, y);
}

static void
drag_update_cb (CplChartView   *self,
                double          dx,
                double          dy,
                GtkGestureDrag *drag)
{
  prepare_chart (self);
  cpl_chart_drag_update (self->chart, dx, dy);
}

static void
action_activate_cb (GSimpleAction *action,
                    GVariant      *parameter,
                    gpointer       user_data)
{
  CplChartView *self = user_data;
  g_autofree char *name = g_strconcat ("chart.", g_action_get_name (G_ACTION (action)), NULL);

  prepare_chart (self);
  cpl_chart_activate_action (self->chart, name);
}

/* The chart's actions, as "chart.NAME" on the view, and their keys. */
static void
add_actions (CplChartView *self)
{
  g_autoptr(GSimpleActionGroup) group = g_simple_action_group_new ();
  GtkEventController *shortcuts = gtk_shortcut_controller_new ();
  const CplChartAction *actions;
  guint n;

  actions = cpl_chart_get_actions (self->chart, &n);
  if (n == 0)
    {
      g_object_unref (shortcuts);
      return;
    }

  for (guint i = 0; i < n; i++)
    {
      const char *name = actions[i].name + strlen ("chart.");
      g_autoptr(GSimpleAction) action = g_simple_action_new (name, NULL);

      g_signal_connect_object (action, "activate", G_CALLBACK (action_activate_cb), self, 0);
      g_action_map_add_action (G_ACTION_MAP (group), G_ACTION (action));
      for (guint k = 0; k < G_N_ELEMENTS (actions[i].keys) && actions[i].keys[k] != 0; k++)
        gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
                                              gtk_shortcut_new (gtk_keyval_trigger_new (actions[i].keys[k], 0),
                                                                gtk_named_action_new (actions[i].name)));
    }
  gtk_widget_insert_action_group (GTK_WIDGET (self), "chart", G_ACTION_GROUP (group));
  gtk_widget_add_controller (GTK_WIDGET (self), shortcuts);
}

/* ---- object ---- */

static void
cpl_chart_view_dispose (GObject *object)
{
  CplChartView *self = CPL_CHART_VIEW (object);

  if (self->chart != NULL)
    g_signal_handlers_disconnect_by_data (self->chart, self);
  g_clear_object (&self->chart);

  G_OBJECT_CLASS (cpl_chart_view_parent_class)->dispose (object);
}

static void
cpl_chart_view_class_init (CplChartViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cpl_chart_view_dispose;

  widget_class->snapshot = cpl_chart_view_snapshot;
  widget_class->get_request_mode = cpl_chart_view_get_request_mode;
  widget_class->measure = cpl_chart_view_measure;
  widget_class->size_allocate = cpl_chart_view_size_allocate;
  widget_class->css_changed = cpl_chart_view_css_changed;
  widget_class->system_setting_changed = cpl_chart_view_system_setting_changed;
  widget_class->state_flags_changed = cpl_chart_view_state_flags_changed;
  widget_class->query_tooltip = cpl_chart_view_query_tooltip;

  gtk_widget_class_set_css_name (widget_class, "chart");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
cpl_chart_view_init (CplChartView *self)
{
  GtkEventController *motion;
  GtkGesture *click;

  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);

  motion = gtk_event_controller_motion_new ();
  g_signal_connect_object (motion, "motion", G_CALLBACK (motion_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (motion, "leave", G_CALLBACK (leave_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self), motion);

  click = gtk_gesture_click_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), GDK_BUTTON_PRIMARY);
  g_signal_connect_object (click, "pressed", G_CALLBACK (pressed_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));
}

/**
 * cpl_chart_view_new:
 * @chart: the chart to show; the view takes a reference
 *
 * Returns: (transfer full): a widget showing @chart
 */
GtkWidget *
cpl_chart_view_new (CplChart *chart)
{
  CplChartView *self;

  g_return_val_if_fail (CPL_IS_CHART (chart), NULL);

  self = g_object_new (CPL_TYPE_CHART_VIEW, NULL);
  self->chart = g_object_ref (chart);
  g_signal_connect_object (chart, "update", G_CALLBACK (chart_update_cb), self, G_CONNECT_SWAPPED);
  cpl_chart_set_pango_context (chart, gtk_widget_get_pango_context (GTK_WIDGET (self)));

  if (cpl_chart_can_drag (chart))
    {
      GtkGesture *drag = gtk_gesture_drag_new ();

      gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (drag), GDK_BUTTON_PRIMARY);
      g_signal_connect_object (drag, "drag-begin", G_CALLBACK (drag_begin_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (drag, "drag-update", G_CALLBACK (drag_update_cb), self, G_CONNECT_SWAPPED);
      gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drag));
    }
  add_actions (self);
  update_accessible (self);
  return GTK_WIDGET (self);
}

/**
 * cpl_chart_view_new_take:
 * @chart: (transfer full): a CplChart just made, as cpl_line_chart_new()
 *   returns it
 *
 * Like cpl_chart_view_new(), taking the caller's reference: the chart
 * lives as long as the view, as a widget's parts do.
 *
 * Returns: (transfer full): a widget showing @chart
 */
GtkWidget *
cpl_chart_view_new_take (gpointer chart)
{
  GtkWidget *view = cpl_chart_view_new (chart);

  g_object_unref (chart);
  return view;
}

/**
 * cpl_chart_view_get_chart:
 *
 * Returns: (transfer none): the chart the view shows
 */
CplChart *
cpl_chart_view_get_chart (CplChartView *self)
{
  g_return_val_if_fail (CPL_IS_CHART_VIEW (self), NULL);

  return self->chart;
}
