/* cpl-bar-chart.c: a few values per chip, side by side per metric
 *
 * Categories (metrics) run along the bottom; each holds one bar per
 * series (chip), in the palette's colours and the order the series were
 * added.  A missing value is a hatched stub marked "n/a": never a bar of
 * height zero, which would read as a measured zero.
 *
 * Keyboard: Left/Right (Home/End) move a cursor over the bars; its
 * tooltip shows the value, as hovering does.
 */
#define G_LOG_DOMAIN "cpl-bar-chart"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "cpl-format.h"
#include "cpl-chart-private.h"
#include "cpl-bar-chart.h"

#define MAX_BAR_WIDTH   56.
#define GROUP_FILL      .72           /* of a category's width, the rest is space */
#define MISSING_HEIGHT  16.
#define MAX_LABEL_LINES 2

typedef struct
{
  char   *name;
  double *values;                     /* one per category */
} Series;

struct _CplBarChart
{
  GtkWidget        parent_instance;

  char           **categories;
  guint            n_categories;
  GPtrArray       *series;
  char            *value_title;
  double           reference;
  char            *reference_label;
  gboolean         show_values;

  int              hover;             /* a bar index, or -1 */
  int              cursor;            /* the keyboard's bar, or -1 */

  CplChartPalette  palette;
  gboolean         palette_valid;

  /* for the current size and data; see ensure_layout() */
  gboolean         layout_valid;
  CplChartFrame    frame;
  GPtrArray       *category_layouts;
  int              label_height;
  double           group_width;
};

G_DEFINE_FINAL_TYPE (CplBarChart, cpl_bar_chart, GTK_TYPE_WIDGET)

static void
series_free (gpointer data)
{
  Series *series = data;

  g_free (series->name);
  g_free (series->values);
  g_free (series);
}

static guint
n_bars (CplBarChart *self)
{
  return self->series->len * self->n_categories;
}

static double
bar_value (CplBarChart *self,
           guint        series,
           guint        category)
{
  const Series *s = g_ptr_array_index (self->series, series);

  return s->values[category];
}

/* ---- geometry ---- */

static void
ensure_palette (CplBarChart *self)
{
  if (self->palette_valid)
    return;
  cpl_chart_palette_update (&self->palette, GTK_WIDGET (self));
  self->palette_valid = TRUE;
}

static void
invalidate (CplBarChart *self)
{
  self->layout_valid = FALSE;
  self->hover = -1;
  if (self->cursor >= (int) n_bars (self))
    self->cursor = -1;
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

static GArray *
build_legend (CplBarChart *self)
{
  GArray *items = g_array_new (FALSE, TRUE, sizeof (CplChartLegendItem));

  for (guint i = 0; i < self->series->len; i++)
    {
      const Series *series = g_ptr_array_index (self->series, i);
      CplChartLegendItem item = {
        .kind = CPL_CHART_LEGEND_BOX,
        .color = *cpl_chart_palette_series (&self->palette, i),
        .label = series->name,
      };

      cpl_chart_legend_append (items, &item);
    }

  if (isfinite (self->reference) && self->reference_label != NULL)
    {
      CplChartLegendItem item = {
        .kind = CPL_CHART_LEGEND_HDASH,
        .color = cpl_chart_rgba_alpha (&self->palette.fg, .6f),
        .label = self->reference_label,
      };

      cpl_chart_legend_append (items, &item);
    }

  return items;
}

static PangoLayout *
category_layout (CplBarChart *self,
                 guint        category,
                 double       width)
{
  PangoLayout *layout = cpl_chart_layout_new (GTK_WIDGET (self), self->categories[category], CPL_CHART_FONT_LABEL);

  cpl_chart_layout_limit (layout, (int) MAX (width - 4, 8), MAX_LABEL_LINES);
  pango_layout_set_alignment (layout, PANGO_ALIGN_CENTER);
  return layout;
}

static void
fit_value_axis (CplBarChart  *self,
                CplChartAxis *axis,
                double        plot_height)
{
  g_autoptr(GArray) values = g_array_new (FALSE, FALSE, sizeof (double));
  double zero = 0, lo = 0, hi = 0;

  g_array_append_val (values, zero);
  if (isfinite (self->reference))
    g_array_append_val (values, self->reference);
  for (guint s = 0; s < self->series->len; s++)
    for (guint c = 0; c < self->n_categories; c++)
      {
        double v = bar_value (self, s, c);

        if (isfinite (v))
          g_array_append_val (values, v);
      }
  for (guint i = 0; i < values->len; i++)
    {
      lo = MIN (lo, g_array_index (values, double, i));
      hi = MAX (hi, g_array_index (values, double, i));
    }

  cpl_chart_axis_init (axis, CPL_CHART_SCALE_LINEAR);
  cpl_chart_axis_fit (axis, (const double *) (gpointer) values->data, values->len);

  /* room over the tallest bar (and under the lowest) for its value */
  if (self->show_values && plot_height > 4 * self->label_height)
    {
      double room = (self->label_height + 4) / plot_height;
      double span = hi - lo;

      if (hi > 0)
        axis->max = MAX (axis->max, lo + span / (1 - room));
      if (lo < 0)
        axis->min = MIN (axis->min, hi - span / (1 - room));
    }
}

static void
ensure_layout (CplBarChart *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  g_autoptr(GArray) legend = NULL;
  g_autoptr(PangoLayout) probe = NULL;
  CplChartAxis axis;
  double estimate;
  int lines = 1;

  if (self->layout_valid && self->frame.width == width && self->frame.height == height)
    return;

  ensure_palette (self);
  legend = build_legend (self);

  probe = cpl_chart_layout_new (widget, "0", CPL_CHART_FONT_LABEL);
  cpl_chart_layout_size (probe, NULL, &self->label_height);

  /* how many lines the category labels need, at about the final width */
  if (self->n_categories > 0)
    {
      estimate = (width - 2 * CPL_CHART_PADDING - 4 * self->label_height) / (double) self->n_categories;
      for (guint c = 0; c < self->n_categories; c++)
        {
          g_autoptr(PangoLayout) layout = category_layout (self, c, estimate);

          lines = MAX (lines, pango_layout_get_line_count (layout));
        }
      lines = MIN (lines, MAX_LABEL_LINES);
    }

  cpl_chart_frame_begin (&self->frame, widget, width, height,
                         (const CplChartLegendItem *) (gpointer) legend->data, legend->len,
                         self->value_title, CPL_CHART_LABEL_GAP + lines * self->label_height);
  fit_value_axis (self, &axis, self->frame.plot.size.height);
  cpl_chart_frame_finish (&self->frame, widget, &axis, CPL_CHART_PADDING);

  g_ptr_array_set_size (self->category_layouts, 0);
  self->group_width = self->n_categories > 0 ? self->frame.plot.size.width / self->n_categories : 0;
  for (guint c = 0; c < self->n_categories; c++)
    {
      PangoLayout *layout = category_layout (self, c, self->group_width);

      pango_layout_set_height (layout, -lines);
      g_ptr_array_add (self->category_layouts, layout);
    }

  self->layout_valid = TRUE;
}

/* The horizontal extent of a bar: its slot (for hit tests and the hover
 * highlight) and the bar itself, a little narrower. */
static void
bar_slot (CplBarChart *self,
          guint        series,
          guint        category,
          double      *slot_x,
          double      *slot_width,
          double      *bar_x,
          double      *bar_width)
{
  double group_x = self->frame.plot.origin.x + category * self->group_width;
  double width = MIN (self->group_width * GROUP_FILL / MAX (self->series->len, 1), MAX_BAR_WIDTH);
  double gap = width > 12 ? 3 : width > 4 ? 1 : 0;
  double x = group_x + (self->group_width - width * self->series->len) / 2 + series * width;

  *slot_x = x;
  *slot_width = width;
  *bar_x = round (x + gap / 2);
  *bar_width = MAX (round (x + width - gap / 2) - *bar_x, 1);
}

/* The bar's rectangle; for a missing value, its "n/a" stub. */
static graphene_rect_t
bar_rect (CplBarChart *self,
          guint        series,
          guint        category)
{
  double slot_x, slot_width, x, width;
  double value = bar_value (self, series, category);
  double base = round (cpl_chart_frame_y (&self->frame, 0));
  double top;

  bar_slot (self, series, category, &slot_x, &slot_width, &x, &width);

  if (!isfinite (value))
    {
      double height = MIN (MISSING_HEIGHT, self->frame.plot.size.height / 4);

      return GRAPHENE_RECT_INIT (x, base - height, width, height);
    }

  top = round (cpl_chart_frame_y (&self->frame, value));
  if (value != 0 && fabs (top - base) < 1)
    top = value > 0 ? base - 1 : base + 1;     /* small, but not nothing */
  return GRAPHENE_RECT_INIT (x, MIN (top, base), width, fabs (top - base));
}

/* ---- drawing ---- */

static void
snapshot_highlight (CplBarChart *self,
                    GtkSnapshot *snapshot,
                    int          bar)
{
  const graphene_rect_t *plot = &self->frame.plot;
  GdkRGBA color = cpl_chart_rgba_alpha (&self->palette.fg, self->palette.dark ? .1f : .07f);
  double slot_x, slot_width, x, width;
  guint n_series = self->series->len;

  if (bar < 0 || bar >= (int) n_bars (self))
    return;

  bar_slot (self, bar % n_series, bar / n_series, &slot_x, &slot_width, &x, &width);
  gtk_snapshot_append_color (snapshot, &color,
                             &GRAPHENE_RECT_INIT (x - 2, plot->origin.y, width + 4, plot->size.height));
}

static char *
format_value (double value)
{
  return cpl_format_number (value, cpl_chart_value_decimals (value));
}

static void
snapshot_bars (CplBarChart *self,
               GtkSnapshot *snapshot)
{
  GtkWidget *widget = GTK_WIDGET (self);
  GdkRGBA text = cpl_chart_rgba_alpha (&self->palette.fg, .8f);
  GdkRGBA dim = cpl_chart_rgba_alpha (&self->palette.fg, .55f);

  for (guint c = 0; c < self->n_categories; c++)
    for (guint s = 0; s < self->series->len; s++)
      {
        const GdkRGBA *color = cpl_chart_palette_series (&self->palette, s);
        double value = bar_value (self, s, c);
        graphene_rect_t rect = bar_rect (self, s, c);
        g_autoptr(PangoLayout) label = NULL;
        int w, h;

        if (isfinite (value))
          {
            GskRoundedRect rounded;

            /* rounded at the far end only, square on the baseline */
            gsk_rounded_rect_init_from_rect (&rounded, &rect, 0);
            if (rect.size.height >= 4 && rect.size.width >= 6)
              {
                graphene_size_t corner = GRAPHENE_SIZE_INIT (3, 3);

                if (value > 0)
                  rounded.corner[GSK_CORNER_TOP_LEFT] = rounded.corner[GSK_CORNER_TOP_RIGHT] = corner;
                else
                  rounded.corner[GSK_CORNER_BOTTOM_LEFT] = rounded.corner[GSK_CORNER_BOTTOM_RIGHT] = corner;
              }
            gtk_snapshot_push_rounded_clip (snapshot, &rounded);
            gtk_snapshot_append_color (snapshot, color, &rect);
            gtk_snapshot_pop (snapshot);

            if (!self->show_values)
              continue;
            {
              g_autofree char *number = format_value (value);

              label = cpl_chart_layout_new (widget, number, CPL_CHART_FONT_LABEL);
            }
          }
        else
          {
            GdkRGBA hatch = cpl_chart_rgba_alpha (color, .6f);

            cpl_chart_append_hatch (snapshot, &rect, &hatch);
            cpl_chart_append_frame (snapshot, &rect, 0, 1, color);
            /* Translators: on a bar chart, where a value is missing;
             * keep it very short */
            label = cpl_chart_layout_new (widget, C_("chart", "n/a"), CPL_CHART_FONT_LABEL);
          }

        /* the value over the bar (under it when negative), if it fits */
        cpl_chart_layout_size (label, &w, &h);
        if (w <= rect.size.width + 2)
          {
            double x = rect.origin.x + (rect.size.width - w) / 2;
            double y = (isfinite (value) && value < 0) ? rect.origin.y + rect.size.height + 2
                                                        : rect.origin.y - h - 2;

            cpl_chart_append_layout (snapshot, label, x, y, isfinite (value) ? &text : &dim);
          }
      }
}

static void
snapshot_categories (CplBarChart *self,
                     GtkSnapshot *snapshot)
{
  const graphene_rect_t *plot = &self->frame.plot;
  GdkRGBA text = cpl_chart_rgba_alpha (&self->palette.fg, .85f);

  for (guint c = 0; c < self->category_layouts->len; c++)
    {
      PangoLayout *layout = g_ptr_array_index (self->category_layouts, c);

      cpl_chart_append_layout (snapshot, layout,
                               plot->origin.x + c * self->group_width + 2,
                               plot->origin.y + plot->size.height + CPL_CHART_LABEL_GAP,
                               &text);
    }
}

static void
cpl_bar_chart_snapshot (GtkWidget   *widget,
                        GtkSnapshot *snapshot)
{
  CplBarChart *self = CPL_BAR_CHART (widget);
  const graphene_rect_t *plot;
  g_autoptr(GArray) legend = NULL;

  ensure_palette (self);
  ensure_layout (self);
  legend = build_legend (self);
  plot = &self->frame.plot;

  cpl_chart_frame_snapshot (&self->frame, widget, snapshot,
                            (const CplChartLegendItem *) (gpointer) legend->data, legend->len,
                            &self->palette);

  if (cpl_chart_frame_has_plot (&self->frame))
    {
      snapshot_highlight (self, snapshot, self->hover);
      if (self->cursor != self->hover && gtk_widget_has_focus (widget))
        snapshot_highlight (self, snapshot, self->cursor);

      snapshot_bars (self, snapshot);

      if (isfinite (self->reference))
        {
          GdkRGBA line = cpl_chart_rgba_alpha (&self->palette.fg, .6f);

          cpl_chart_append_hline (snapshot, plot->origin.x, plot->origin.x + plot->size.width,
                                  cpl_chart_frame_y (&self->frame, self->reference), 1, &line, TRUE);
        }

      cpl_chart_frame_snapshot_axes (&self->frame, snapshot, &self->palette);
      snapshot_categories (self, snapshot);

      if (n_bars (self) == 0)
        cpl_chart_frame_snapshot_empty (&self->frame, widget, snapshot, &self->palette);
    }

  cpl_chart_append_focus (widget, snapshot, &self->palette);
}

/* ---- size ---- */

static GtkSizeRequestMode
cpl_bar_chart_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
cpl_bar_chart_measure (GtkWidget      *widget,
                       GtkOrientation  orientation,
                       int             for_size,
                       int            *minimum,
                       int            *natural,
                       int            *minimum_baseline,
                       int            *natural_baseline)
{
  CplBarChart *self = CPL_BAR_CHART (widget);
  int legend_height = 0;

  if (orientation == GTK_ORIENTATION_VERTICAL)
    {
      g_autoptr(GArray) legend = build_legend (self);

      legend_height = cpl_chart_legend_measure (widget, (const CplChartLegendItem *) (gpointer) legend->data,
                                                legend->len, cpl_chart_legend_width (for_size));
    }
  cpl_chart_measure (orientation, legend_height, minimum, natural);
}

static void
cpl_bar_chart_css_changed (GtkWidget         *widget,
                           GtkCssStyleChange *change)
{
  CplBarChart *self = CPL_BAR_CHART (widget);

  GTK_WIDGET_CLASS (cpl_bar_chart_parent_class)->css_changed (widget, change);

  /* dark mode, high contrast, another accent or font */
  self->palette_valid = FALSE;
  self->layout_valid = FALSE;
  gtk_widget_queue_draw (widget);
}

static void
cpl_bar_chart_system_setting_changed (GtkWidget        *widget,
                                      GtkSystemSetting  setting)
{
  GTK_WIDGET_CLASS (cpl_bar_chart_parent_class)->system_setting_changed (widget, setting);
  invalidate (CPL_BAR_CHART (widget));
}

static void
cpl_bar_chart_state_flags_changed (GtkWidget     *widget,
                                   GtkStateFlags  previous)
{
  GtkStateFlags changed = previous ^ gtk_widget_get_state_flags (widget);

  GTK_WIDGET_CLASS (cpl_bar_chart_parent_class)->state_flags_changed (widget, previous);

  if (changed & (GTK_STATE_FLAG_FOCUSED | GTK_STATE_FLAG_FOCUS_VISIBLE))
    gtk_widget_queue_draw (widget);
}

/* ---- input ---- */

static gboolean
cpl_bar_chart_query_tooltip (GtkWidget  *widget,
                             int         x,
                             int         y,
                             gboolean    keyboard_mode,
                             GtkTooltip *tooltip)
{
  CplBarChart *self = CPL_BAR_CHART (widget);
  g_autofree char *value_text = NULL;
  g_autofree char *text = NULL;
  const Series *series;
  double slot_x, slot_width, bar_x, bar_width, value;
  guint s, c;
  int bar;

  if (keyboard_mode)
    {
      bar = self->cursor;
      if (bar < 0 || bar >= (int) n_bars (self))
        return FALSE;
      ensure_layout (self);
      s = bar % self->series->len;
      c = bar / self->series->len;
    }
  else if (cpl_bar_chart_bar_at (self, x, y, &s, &c) < 0)
    return FALSE;

  series = g_ptr_array_index (self->series, s);
  value = series->values[c];
  value_text = isfinite (value) ? format_value (value) : g_strdup (_("no data"));
  /* Translators: a bar's tooltip: %1$s the series (a chip), %2$s the
   * category (a metric), %3$s the value */
  text = g_strdup_printf (_("%1$s — %2$s: %3$s"), series->name, self->categories[c], value_text);
  gtk_tooltip_set_text (tooltip, text);

  bar_slot (self, s, c, &slot_x, &slot_width, &bar_x, &bar_width);
  gtk_tooltip_set_tip_area (tooltip, &(GdkRectangle) { (int) slot_x, (int) self->frame.plot.origin.y,
                                                       MAX ((int) slot_width, 1),
                                                       MAX ((int) self->frame.plot.size.height, 1) });
  return TRUE;
}

static void
set_hover (CplBarChart *self,
           int          bar)
{
  if (self->hover == bar)
    return;
  self->hover = bar;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
motion_cb (CplBarChart              *self,
           double                    x,
           double                    y,
           GtkEventControllerMotion *motion)
{
  set_hover (self, cpl_bar_chart_bar_at (self, x, y, NULL, NULL));
}

static void
leave_cb (CplBarChart              *self,
          GtkEventControllerMotion *motion)
{
  set_hover (self, -1);
}

static void
pressed_cb (CplBarChart     *self,
            int              n_press,
            double           x,
            double           y,
            GtkGestureClick *click)
{
  int bar = cpl_bar_chart_bar_at (self, x, y, NULL, NULL);

  gtk_widget_grab_focus (GTK_WIDGET (self));
  if (bar >= 0)
    {
      self->cursor = bar;
      gtk_widget_queue_draw (GTK_WIDGET (self));
    }
}

static void
move_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  CplBarChart *self = CPL_BAR_CHART (widget);
  int last = (int) n_bars (self) - 1;

  if (last < 0)
    return;

  if (g_str_equal (action_name, "chart.next-bar"))
    self->cursor = self->cursor < 0 ? 0 : MIN (self->cursor + 1, last);
  else if (g_str_equal (action_name, "chart.previous-bar"))
    self->cursor = self->cursor < 0 ? last : MAX (self->cursor - 1, 0);
  else if (g_str_equal (action_name, "chart.first-bar"))
    self->cursor = 0;
  else if (g_str_equal (action_name, "chart.last-bar"))
    self->cursor = last;

  gtk_widget_trigger_tooltip_query (widget);
  gtk_widget_queue_draw (widget);
}

/* ---- object ---- */

static void
cpl_bar_chart_dispose (GObject *object)
{
  CplBarChart *self = CPL_BAR_CHART (object);

  g_clear_pointer (&self->categories, g_strfreev);
  g_clear_pointer (&self->series, g_ptr_array_unref);
  g_clear_pointer (&self->category_layouts, g_ptr_array_unref);
  g_clear_pointer (&self->value_title, g_free);
  g_clear_pointer (&self->reference_label, g_free);
  cpl_chart_frame_clear (&self->frame);

  G_OBJECT_CLASS (cpl_bar_chart_parent_class)->dispose (object);
}

static void
cpl_bar_chart_class_init (CplBarChartClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  static const struct { guint key; const char *action; } bindings[] = {
    { GDK_KEY_Right,    "chart.next-bar" },
    { GDK_KEY_KP_Right, "chart.next-bar" },
    { GDK_KEY_Left,     "chart.previous-bar" },
    { GDK_KEY_KP_Left,  "chart.previous-bar" },
    { GDK_KEY_Home,     "chart.first-bar" },
    { GDK_KEY_KP_Home,  "chart.first-bar" },
    { GDK_KEY_End,      "chart.last-bar" },
    { GDK_KEY_KP_End,   "chart.last-bar" },
  };

  object_class->dispose = cpl_bar_chart_dispose;

  widget_class->snapshot = cpl_bar_chart_snapshot;
  widget_class->get_request_mode = cpl_bar_chart_get_request_mode;
  widget_class->measure = cpl_bar_chart_measure;
  widget_class->css_changed = cpl_bar_chart_css_changed;
  widget_class->system_setting_changed = cpl_bar_chart_system_setting_changed;
  widget_class->state_flags_changed = cpl_bar_chart_state_flags_changed;
  widget_class->query_tooltip = cpl_bar_chart_query_tooltip;

  gtk_widget_class_install_action (widget_class, "chart.next-bar", NULL, move_action);
  gtk_widget_class_install_action (widget_class, "chart.previous-bar", NULL, move_action);
  gtk_widget_class_install_action (widget_class, "chart.first-bar", NULL, move_action);
  gtk_widget_class_install_action (widget_class, "chart.last-bar", NULL, move_action);

  for (guint i = 0; i < G_N_ELEMENTS (bindings); i++)
    gtk_widget_class_add_binding_action (widget_class, bindings[i].key, 0, bindings[i].action, NULL);

  gtk_widget_class_set_css_name (widget_class, "barchart");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
cpl_bar_chart_init (CplBarChart *self)
{
  GtkEventController *motion;
  GtkGesture *click;

  self->series = g_ptr_array_new_with_free_func (series_free);
  self->category_layouts = g_ptr_array_new_with_free_func (g_object_unref);
  self->categories = g_new0 (char *, 1);
  self->reference = NAN;
  self->show_values = TRUE;
  self->hover = -1;
  self->cursor = -1;

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

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Bar chart"),
                                  -1);
}

/* ---- public ---- */

GtkWidget *
cpl_bar_chart_new (void)
{
  return g_object_new (CPL_TYPE_BAR_CHART, NULL);
}

/**
 * cpl_bar_chart_set_categories:
 * @labels: (array zero-terminated=1) (nullable): the groups along the bottom
 *
 * Also removes the series, whose values were per the old categories.
 */
void
cpl_bar_chart_set_categories (CplBarChart        *self,
                              const char * const *labels)
{
  g_return_if_fail (CPL_IS_BAR_CHART (self));

  g_strfreev (self->categories);
  self->categories = labels ? g_strdupv ((char **) labels) : g_new0 (char *, 1);
  self->n_categories = g_strv_length (self->categories);
  g_ptr_array_set_size (self->series, 0);
  invalidate (self);
}

void
cpl_bar_chart_clear_series (CplBarChart *self)
{
  g_return_if_fail (CPL_IS_BAR_CHART (self));

  g_ptr_array_set_size (self->series, 0);
  invalidate (self);
}

/**
 * cpl_bar_chart_add_series:
 * @name: shown in the legend and tooltips
 * @values: (array): one value per category; NaN where it is unknown
 *
 * Series take the palette's colours in the order they are added.
 */
void
cpl_bar_chart_add_series (CplBarChart  *self,
                          const char   *name,
                          const double *values)
{
  Series *series;

  g_return_if_fail (CPL_IS_BAR_CHART (self));
  g_return_if_fail (name != NULL);
  g_return_if_fail (values != NULL || self->n_categories == 0);

  series = g_new0 (Series, 1);
  series->name = g_strdup (name);
  series->values = g_new0 (double, MAX (self->n_categories, 1));
  if (self->n_categories > 0)
    memcpy (series->values, values, self->n_categories * sizeof (double));
  g_ptr_array_add (self->series, series);
  invalidate (self);
}

/* The value axis title, with its unit; also names the chart for screen readers. */
void
cpl_bar_chart_set_value_title (CplBarChart *self,
                               const char  *title)
{
  g_return_if_fail (CPL_IS_BAR_CHART (self));

  if (!cpl_chart_set_string (&self->value_title, title))
    return;

  if (title != NULL && title[0] != '\0')
    {
      /* Translators: the accessible name of a chart; %s is what its bars measure */
      g_autofree char *label = g_strdup_printf (_("Bar chart of %s"), title);

      gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                      -1);
    }
  invalidate (self);
}

/* A dashed line across the chart at @value; NaN removes it. */
void
cpl_bar_chart_set_reference (CplBarChart *self,
                             double       value)
{
  g_return_if_fail (CPL_IS_BAR_CHART (self));

  self->reference = value;
  invalidate (self);
}

/* What the reference line means, for the legend; %NULL leaves it out. */
void
cpl_bar_chart_set_reference_label (CplBarChart *self,
                                   const char  *label)
{
  g_return_if_fail (CPL_IS_BAR_CHART (self));

  if (cpl_chart_set_string (&self->reference_label, label))
    invalidate (self);
}

/* Whether bars carry their values (where they fit). */
void
cpl_bar_chart_set_show_values (CplBarChart *self,
                               gboolean     show_values)
{
  g_return_if_fail (CPL_IS_BAR_CHART (self));

  self->show_values = !!show_values;
  invalidate (self);
}

/* What the chart shows, in words, for screen readers. */
void
cpl_bar_chart_set_description (CplBarChart *self,
                               const char  *text)
{
  g_return_if_fail (CPL_IS_BAR_CHART (self));

  if (text != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                    GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, text,
                                    -1);
  else
    gtk_accessible_reset_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
}

/**
 * cpl_bar_chart_bar_at:
 * @series: (out) (optional): the bar's series
 * @category: (out) (optional): the bar's category
 *
 * Finds the bar whose column (its width, the plot's height) holds the
 * point, so short bars and missing values are as easy to point at as tall
 * ones.
 *
 * Returns: the bar's index, category × series count + series, or -1
 */
int
cpl_bar_chart_bar_at (CplBarChart *self,
                      double       x,
                      double       y,
                      guint       *series,
                      guint       *category)
{
  const graphene_rect_t *plot;

  g_return_val_if_fail (CPL_IS_BAR_CHART (self), -1);

  ensure_layout (self);
  plot = &self->frame.plot;
  if (!cpl_chart_frame_has_plot (&self->frame) || n_bars (self) == 0
      || y < plot->origin.y || y > plot->origin.y + plot->size.height
      || x < plot->origin.x || x >= plot->origin.x + plot->size.width)
    return -1;

  for (guint c = 0; c < self->n_categories; c++)
    for (guint s = 0; s < self->series->len; s++)
      {
        double slot_x, slot_width, bar_x, bar_width;

        bar_slot (self, s, c, &slot_x, &slot_width, &bar_x, &bar_width);
        if (x >= slot_x && x < slot_x + slot_width)
          {
            if (series != NULL)
              *series = s;
            if (category != NULL)
              *category = c;
            return (int) (c * self->series->len + s);
          }
      }
  return -1;
}

/* The middle of a bar (or of its "n/a" stub) in widget coordinates;
 * %FALSE when there is no such bar or no room to draw it. */
gboolean
cpl_bar_chart_bar_position (CplBarChart *self,
                            guint        series,
                            guint        category,
                            double      *x,
                            double      *y)
{
  graphene_rect_t rect;

  g_return_val_if_fail (CPL_IS_BAR_CHART (self), FALSE);

  ensure_layout (self);
  if (series >= self->series->len || category >= self->n_categories
      || !cpl_chart_frame_has_plot (&self->frame))
    return FALSE;

  rect = bar_rect (self, series, category);
  if (x != NULL)
    *x = rect.origin.x + rect.size.width / 2;
  if (y != NULL)
    *y = rect.origin.y + rect.size.height / 2;
  return TRUE;
}
