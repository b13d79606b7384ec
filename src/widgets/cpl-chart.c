/* cpl-chart.c: what every chart widget has in common
 *
 * The palette is read from the theme when first needed and again after
 * every style change (dark mode, high contrast, another accent or font).
 * The layout is made on demand for the current size and data, and kept
 * until either changes, so hit tests and drawing use the same geometry:
 * subclasses call cpl_chart_invalidate() when their data changes and
 * cpl_chart_ensure_layout() before using the geometry.
 */
#define G_LOG_DOMAIN "cpl-chart"

#include "config.h"

#include <math.h>
#include <string.h>

#include "cpl-chart-private.h"
#include "cpl-chart.h"

typedef struct
{
  CplChartPalette palette;
  gboolean        palette_valid;

  gboolean        layout_valid;
  CplChartFrame   frame;

  CplChartFormat  formats[2];         /* by GtkOrientation */
} CplChartPrivate;

G_DEFINE_ABSTRACT_TYPE_WITH_PRIVATE (CplChart, cpl_chart, GTK_TYPE_WIDGET)

#define PRIV(self) ((CplChartPrivate *) cpl_chart_get_instance_private (self))

/* ---- one colour per thing ---- */

/* Colours handed out so far, per kind: "chip", "scenario", "rule" (the
 * threshold maps), and "money" for vendors and the fixed series of money
 * ("series:…") that share charts with them. */
typedef struct
{
  GHashTable *colors;                 /* key → GINT_TO_POINTER (color + 1) */
  guint       uses[CPL_CHART_N_COLORS];
} ColorRegistry;

static const char *
color_kind (const char *key)
{
  if (g_str_has_prefix (key, "vendor:") || g_str_has_prefix (key, "series:"))
    return "money";
  if (g_str_has_prefix (key, "scenario:"))
    return "scenario";
  if (g_str_has_prefix (key, "rule:"))
    return "rule";
  return "chip";
}

/**
 * cpl_chart_color_for_key:
 * @key: what a series shows, as "KIND:ID": "chip:nvidia-h200",
 *   "scenario:full-ban", "vendor:amd", "series:government-take",
 *   "rule:eccn-3a090a-2023"
 *
 * The colour of a chip, scenario, vendor or fixed series on every chart of
 * every view, for the rest of the session.  It is derived from the id, so
 * it does not change when other things are added; when that colour is
 * already taken within the kind, the least used one after it is taken
 * instead, so the first CPL_CHART_N_COLORS keys of a kind are distinct.
 *
 * Returns: the colour
 */
CplChartColor
cpl_chart_color_for_key (const char *key)
{
  static GHashTable *registries;      /* kind → ColorRegistry */
  static GMutex lock;
  g_autoptr(GMutexLocker) locker = g_mutex_locker_new (&lock);
  ColorRegistry *registry;
  gpointer found;
  guint preferred, best;

  g_return_val_if_fail (key != NULL, 0);

  if (registries == NULL)
    registries = g_hash_table_new (g_str_hash, g_str_equal);
  registry = g_hash_table_lookup (registries, color_kind (key));
  if (registry == NULL)
    {
      registry = g_new0 (ColorRegistry, 1);
      registry->colors = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      g_hash_table_insert (registries, (gpointer) color_kind (key), registry);
    }

  found = g_hash_table_lookup (registry->colors, key);
  if (found != NULL)
    return GPOINTER_TO_INT (found) - 1;

  preferred = g_str_hash (key) % CPL_CHART_N_COLORS;
  best = preferred;
  for (guint i = 1; i < CPL_CHART_N_COLORS; i++)
    {
      guint c = (preferred + i) % CPL_CHART_N_COLORS;

      if (registry->uses[c] < registry->uses[best])
        best = c;
    }
  registry->uses[best]++;
  g_hash_table_insert (registry->colors, g_strdup (key), GINT_TO_POINTER (best + 1));
  return best;
}

/* The colour of @id of @kind ("chip", "scenario", "vendor", "series", "rule"):
 * cpl_chart_color_for_key() of "KIND:ID". */
CplChartColor
cpl_chart_color_for (const char *kind,
                     const char *id)
{
  g_autofree char *key = g_strconcat (kind, ":", id, NULL);

  return cpl_chart_color_for_key (key);
}

/* ---- for subclasses ---- */

const CplChartPalette *
cpl_chart_get_palette (CplChart *self)
{
  CplChartPrivate *priv = PRIV (self);

  if (!priv->palette_valid)
    {
      cpl_chart_palette_update (&priv->palette, GTK_WIDGET (self));
      priv->palette_valid = TRUE;
    }
  return &priv->palette;
}

CplChartFrame *
cpl_chart_get_frame (CplChart *self)
{
  return &PRIV (self)->frame;
}

const CplChartFormat *
cpl_chart_get_format (CplChart       *self,
                      GtkOrientation  axis)
{
  return &PRIV (self)->formats[axis == GTK_ORIENTATION_VERTICAL ? 1 : 0];
}

/* The legend items (CplChartLegendItem) for the current data and palette. */
GArray *
cpl_chart_build_legend (CplChart *self)
{
  CplChartClass *klass = CPL_CHART_GET_CLASS (self);
  GArray *items = g_array_new (FALSE, TRUE, sizeof (CplChartLegendItem));

  cpl_chart_get_palette (self);
  if (klass->build_legend != NULL)
    klass->build_legend (self, items);
  return items;
}

/* The data changed: lay out again before the next hit test or frame. */
void
cpl_chart_invalidate (CplChart *self)
{
  PRIV (self)->layout_valid = FALSE;
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

void
cpl_chart_ensure_layout (CplChart *self)
{
  CplChartPrivate *priv = PRIV (self);
  CplChartClass *klass = CPL_CHART_GET_CLASS (self);
  int width = gtk_widget_get_width (GTK_WIDGET (self));
  int height = gtk_widget_get_height (GTK_WIDGET (self));

  if (priv->layout_valid && priv->frame.width == width && priv->frame.height == height)
    return;

  cpl_chart_get_palette (self);
  if (klass->layout != NULL)
    klass->layout (self, width, height);
  priv->frame.width = width;
  priv->frame.height = height;
  priv->layout_valid = TRUE;
}

void
cpl_chart_set_accessible_label (CplChart   *self,
                                const char *label)
{
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  -1);
}

/* The verbs of the cursor actions, in the order of the keys that bind them. */
static const struct
{
  const char *verb;
  guint       keys[2];
} cursor_moves[] = {
  { "next",     { GDK_KEY_Right, GDK_KEY_KP_Right } },
  { "previous", { GDK_KEY_Left,  GDK_KEY_KP_Left } },
  { "first",    { GDK_KEY_Home,  GDK_KEY_KP_Home } },
  { "last",     { GDK_KEY_End,   GDK_KEY_KP_End } },
};

void
cpl_chart_class_install_cursor_actions (GtkWidgetClass              *widget_class,
                                        const char                  *unit,
                                        GtkWidgetActionActivateFunc  activate)
{
  for (guint m = 0; m < G_N_ELEMENTS (cursor_moves); m++)
    {
      g_autofree char *name = g_strdup_printf ("chart.%s-%s", cursor_moves[m].verb, unit);
      const char *action = g_intern_string (name);

      gtk_widget_class_install_action (widget_class, action, NULL, activate);
      for (guint k = 0; k < G_N_ELEMENTS (cursor_moves[m].keys); k++)
        gtk_widget_class_add_binding_action (widget_class, cursor_moves[m].keys[k], 0, action, NULL);
    }
}

void
cpl_chart_move_cursor (GtkWidget  *widget,
                       int        *cursor,
                       guint       n,
                       const char *action_name)
{
  int last = (int) n - 1;
  const char *verb = action_name + strlen ("chart.");

  if (last < 0)
    return;

  if (g_str_has_prefix (verb, "next-"))
    *cursor = *cursor < 0 ? 0 : MIN (*cursor + 1, last);
  else if (g_str_has_prefix (verb, "previous-"))
    *cursor = *cursor < 0 ? last : MAX (*cursor - 1, 0);
  else if (g_str_has_prefix (verb, "first-"))
    *cursor = 0;
  else if (g_str_has_prefix (verb, "last-"))
    *cursor = last;

  gtk_widget_trigger_tooltip_query (widget);
  gtk_widget_queue_draw (widget);
}

/* ---- GtkWidget ---- */

static void
cpl_chart_snapshot (GtkWidget   *widget,
                    GtkSnapshot *snapshot)
{
  CplChart *self = CPL_CHART (widget);
  CplChartPrivate *priv = PRIV (self);
  CplChartClass *klass = CPL_CHART_GET_CLASS (self);
  const CplChartPalette *palette = cpl_chart_get_palette (self);
  g_autoptr(GArray) legend = NULL;

  cpl_chart_ensure_layout (self);
  legend = cpl_chart_build_legend (self);

  cpl_chart_frame_snapshot (&priv->frame, widget, snapshot,
                            (const CplChartLegendItem *) (gpointer) legend->data, legend->len,
                            palette);

  if (cpl_chart_frame_has_plot (&priv->frame) && klass->snapshot_plot != NULL)
    klass->snapshot_plot (self, snapshot);

  cpl_chart_append_focus (widget, snapshot, palette);
}

static GtkSizeRequestMode
cpl_chart_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
cpl_chart_measure_widget (GtkWidget      *widget,
                          GtkOrientation  orientation,
                          int             for_size,
                          int            *minimum,
                          int            *natural,
                          int            *minimum_baseline,
                          int            *natural_baseline)
{
  int legend_height = 0;

  if (orientation == GTK_ORIENTATION_VERTICAL)
    {
      g_autoptr(GArray) legend = cpl_chart_build_legend (CPL_CHART (widget));

      legend_height = cpl_chart_legend_measure (widget, (const CplChartLegendItem *) (gpointer) legend->data,
                                                legend->len, cpl_chart_legend_width (for_size));
    }
  cpl_chart_measure (orientation, legend_height, minimum, natural);
}

static void
cpl_chart_css_changed (GtkWidget         *widget,
                       GtkCssStyleChange *change)
{
  CplChartPrivate *priv = PRIV (CPL_CHART (widget));

  GTK_WIDGET_CLASS (cpl_chart_parent_class)->css_changed (widget, change);

  /* dark mode, high contrast, another accent or font */
  priv->palette_valid = FALSE;
  priv->layout_valid = FALSE;
  gtk_widget_queue_draw (widget);
}

static void
cpl_chart_system_setting_changed (GtkWidget        *widget,
                                  GtkSystemSetting  setting)
{
  GTK_WIDGET_CLASS (cpl_chart_parent_class)->system_setting_changed (widget, setting);
  cpl_chart_invalidate (CPL_CHART (widget));
}

static void
cpl_chart_state_flags_changed (GtkWidget     *widget,
                               GtkStateFlags  previous)
{
  GtkStateFlags changed = previous ^ gtk_widget_get_state_flags (widget);

  GTK_WIDGET_CLASS (cpl_chart_parent_class)->state_flags_changed (widget, previous);

  if (changed & (GTK_STATE_FLAG_FOCUSED | GTK_STATE_FLAG_FOCUS_VISIBLE | GTK_STATE_FLAG_FOCUS_WITHIN))
    gtk_widget_queue_draw (widget);
}

static gboolean
cpl_chart_query_tooltip_widget (GtkWidget  *widget,
                                int         x,
                                int         y,
                                gboolean    keyboard_mode,
                                GtkTooltip *tooltip)
{
  CplChart *self = CPL_CHART (widget);
  CplChartClass *klass = CPL_CHART_GET_CLASS (self);

  cpl_chart_ensure_layout (self);
  if (!cpl_chart_frame_has_plot (&PRIV (self)->frame) || klass->query_tooltip == NULL)
    return FALSE;
  return klass->query_tooltip (self, x, y, keyboard_mode, tooltip);
}

/* ---- input ---- */

static void
motion_cb (CplChart                 *self,
           double                    x,
           double                    y,
           GtkEventControllerMotion *motion)
{
  CplChartClass *klass = CPL_CHART_GET_CLASS (self);

  if (klass->pointer_moved != NULL)
    klass->pointer_moved (self, x, y);
}

static void
leave_cb (CplChart                 *self,
          GtkEventControllerMotion *motion)
{
  CplChartClass *klass = CPL_CHART_GET_CLASS (self);

  if (klass->pointer_moved != NULL)
    klass->pointer_moved (self, NAN, NAN);
}

static void
pressed_cb (CplChart        *self,
            int              n_press,
            double           x,
            double           y,
            GtkGestureClick *click)
{
  CplChartClass *klass = CPL_CHART_GET_CLASS (self);

  gtk_widget_grab_focus (GTK_WIDGET (self));
  if (klass->pressed != NULL)
    klass->pressed (self, n_press, x, y);
}

/* ---- object ---- */

static void
cpl_chart_dispose (GObject *object)
{
  CplChartPrivate *priv = PRIV (CPL_CHART (object));

  cpl_chart_frame_clear (&priv->frame);
  cpl_chart_format_clear (&priv->formats[0]);
  cpl_chart_format_clear (&priv->formats[1]);

  G_OBJECT_CLASS (cpl_chart_parent_class)->dispose (object);
}

static void
cpl_chart_class_init (CplChartClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cpl_chart_dispose;

  widget_class->snapshot = cpl_chart_snapshot;
  widget_class->get_request_mode = cpl_chart_get_request_mode;
  widget_class->measure = cpl_chart_measure_widget;
  widget_class->css_changed = cpl_chart_css_changed;
  widget_class->system_setting_changed = cpl_chart_system_setting_changed;
  widget_class->state_flags_changed = cpl_chart_state_flags_changed;
  widget_class->query_tooltip = cpl_chart_query_tooltip_widget;

  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
cpl_chart_init (CplChart *self)
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

/* ---- public ---- */

/**
 * cpl_chart_set_description:
 * @text: (nullable): what the chart shows, in words, for screen readers
 */
void
cpl_chart_set_description (CplChart   *self,
                           const char *text)
{
  g_return_if_fail (CPL_IS_CHART (self));

  if (text != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                    GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, text,
                                    -1);
  else
    gtk_accessible_reset_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
}

/**
 * cpl_chart_set_format:
 * @axis: %GTK_ORIENTATION_VERTICAL for the value axis,
 *   %GTK_ORIENTATION_HORIZONTAL for a numeric horizontal axis
 * @func: (nullable): makes the text of a value; %NULL for plain numbers
 * @user_data: for @func
 * @destroy: (nullable): frees @user_data when the format is replaced or
 *   the chart disposed
 *
 * How the values of @axis read in tick labels, tooltips and value labels.
 * Tick labels drop the zeros that end their decimals ("$5.00 B" → "$5 B"),
 * as @func is made for single values.
 */
void
cpl_chart_set_format (CplChart           *self,
                      GtkOrientation      axis,
                      CplChartFormatFunc  func,
                      gpointer            user_data,
                      GDestroyNotify      destroy)
{
  CplChartFormat *format;

  g_return_if_fail (CPL_IS_CHART (self));

  format = &PRIV (self)->formats[axis == GTK_ORIENTATION_VERTICAL ? 1 : 0];
  cpl_chart_format_clear (format);
  format->func = func;
  format->data = user_data;
  format->destroy = destroy;
  cpl_chart_invalidate (self);
}

/**
 * cpl_chart_format_value:
 *
 * Returns: (transfer full): @value as the chart shows it in tooltips
 */
char *
cpl_chart_format_value (CplChart       *self,
                        GtkOrientation  axis,
                        double          value)
{
  g_return_val_if_fail (CPL_IS_CHART (self), NULL);

  return cpl_chart_format_apply (cpl_chart_get_format (self, axis), value);
}

/**
 * cpl_chart_dup_tick_labels:
 * @axis: %GTK_ORIENTATION_VERTICAL for the value axis,
 *   %GTK_ORIENTATION_HORIZONTAL for a numeric horizontal axis
 *
 * The tick labels as laid out for the current size, lowest value first;
 * empty when the axis has none (a bar chart's categories are not ticks).
 *
 * Returns: (transfer full): a %NULL-terminated array of strings
 */
char **
cpl_chart_dup_tick_labels (CplChart       *self,
                           GtkOrientation  axis)
{
  CplChartFrame *frame;

  g_return_val_if_fail (CPL_IS_CHART (self), NULL);

  cpl_chart_ensure_layout (self);
  frame = &PRIV (self)->frame;
  return cpl_chart_ticks_dup_labels (axis == GTK_ORIENTATION_VERTICAL ? &frame->y_ticks : &frame->x_ticks);
}
