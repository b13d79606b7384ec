/* cpl-preferences-window.c: the preferences, bound to the settings
 *
 * Every control is bound to its key with g_settings_bind(): a change
 * applies at once (the colour scheme live), and there is nothing to save.
 */
#define G_LOG_DOMAIN "cpl-preferences"

#include "config.h"

#include <glib/gi18n.h>

#include "cpl-preferences-window.h"
#include "views/cpl-number-row.h"

struct _CplPreferencesWindow
{
  AdwPreferencesWindow  parent_instance;

  AdwComboRow          *color_scheme_row;
  GtkSpinButton        *electricity_spin;
  GtkSpinButton        *draws_spin;
  AdwActionRow         *electricity_row;
  AdwActionRow         *draws_row;

  GSettings            *settings;
};

G_DEFINE_FINAL_TYPE (CplPreferencesWindow, cpl_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

enum {
  PROP_0,
  PROP_SETTINGS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The combo row's items, in order. */
static const char *color_schemes[] = { "default", "light", "dark" };

static gboolean
color_scheme_get_mapping (GValue   *value,
                          GVariant *variant,
                          gpointer  user_data)
{
  const char *scheme = g_variant_get_string (variant, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (color_schemes); i++)
    if (g_str_equal (scheme, color_schemes[i]))
      {
        g_value_set_uint (value, i);
        return TRUE;
      }
  return FALSE;
}

static GVariant *
color_scheme_set_mapping (const GValue       *value,
                          const GVariantType *expected_type,
                          gpointer            user_data)
{
  guint selected = g_value_get_uint (value);

  if (selected >= G_N_ELEMENTS (color_schemes))
    return NULL;
  return g_variant_new_string (color_schemes[selected]);
}

static void
cpl_preferences_window_constructed (GObject *object)
{
  CplPreferencesWindow *self = CPL_PREFERENCES_WINDOW (object);

  G_OBJECT_CLASS (cpl_preferences_window_parent_class)->constructed (object);

  g_return_if_fail (G_IS_SETTINGS (self->settings));
  g_settings_bind_with_mapping (self->settings, "color-scheme",
                                self->color_scheme_row, "selected",
                                G_SETTINGS_BIND_DEFAULT,
                                color_scheme_get_mapping, color_scheme_set_mapping,
                                NULL, NULL);
  g_settings_bind (self->settings, "electricity-price",
                   gtk_spin_button_get_adjustment (self->electricity_spin), "value",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "monte-carlo-draws",
                   gtk_spin_button_get_adjustment (self->draws_spin), "value",
                   G_SETTINGS_BIND_DEFAULT);
  /* "10,000" as the results write it, not "10000" */
  cpl_spin_button_show_grouped (self->draws_spin);

  /* the limits said before a value past them is pulled back to them
   * (99,999,999 draws became 100,000 with nothing said) */
  {
    GtkAdjustment *price = gtk_spin_button_get_adjustment (self->electricity_spin);
    GtkAdjustment *draws = gtk_spin_button_get_adjustment (self->draws_spin);
    g_autofree char *price_low = cpl_format_number (gtk_adjustment_get_lower (price), 0);
    g_autofree char *price_high = cpl_format_number (gtk_adjustment_get_upper (price), 0);
    g_autofree char *draws_low = cpl_format_number (gtk_adjustment_get_lower (draws), 0);
    g_autofree char *draws_high = cpl_format_number (gtk_adjustment_get_upper (draws), 0);
    /* Translators: %1$s and %2$s are the lowest and highest price, "0" and "1" */
    g_autofree char *price_text = g_strdup_printf (_("US dollars per kWh, %1$s to %2$s, where the Chips view "
                                                     "starts its cost of compute"), price_low, price_high);
    /* Translators: %1$s and %2$s are the fewest and most draws, "100" and "100,000" */
    g_autofree char *draws_text = g_strdup_printf (_("Parameter sets drawn to estimate the uncertainty bands, "
                                                     "%1$s to %2$s"), draws_low, draws_high);

    adw_action_row_set_subtitle (self->electricity_row, price_text);
    adw_action_row_set_subtitle (self->draws_row, draws_text);
  }
}

static void
cpl_preferences_window_dispose (GObject *object)
{
  CplPreferencesWindow *self = CPL_PREFERENCES_WINDOW (object);

  g_clear_object (&self->settings);
  G_OBJECT_CLASS (cpl_preferences_window_parent_class)->dispose (object);
}

static void
cpl_preferences_window_get_property (GObject    *object,
                                     guint       prop_id,
                                     GValue     *value,
                                     GParamSpec *pspec)
{
  switch (prop_id)
    {
    case PROP_SETTINGS:
      g_value_set_object (value, CPL_PREFERENCES_WINDOW (object)->settings);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cpl_preferences_window_set_property (GObject      *object,
                                     guint         prop_id,
                                     const GValue *value,
                                     GParamSpec   *pspec)
{
  switch (prop_id)
    {
    case PROP_SETTINGS:
      CPL_PREFERENCES_WINDOW (object)->settings = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cpl_preferences_window_class_init (CplPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = cpl_preferences_window_constructed;
  object_class->dispose = cpl_preferences_window_dispose;
  object_class->get_property = cpl_preferences_window_get_property;
  object_class->set_property = cpl_preferences_window_set_property;

  /* The application's settings, which the controls are bound to. */
  properties[PROP_SETTINGS] =
    g_param_spec_object ("settings", NULL, NULL, G_TYPE_SETTINGS,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/cpl-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, CplPreferencesWindow, color_scheme_row);
  gtk_widget_class_bind_template_child (widget_class, CplPreferencesWindow, electricity_spin);
  gtk_widget_class_bind_template_child (widget_class, CplPreferencesWindow, draws_spin);
  gtk_widget_class_bind_template_child (widget_class, CplPreferencesWindow, electricity_row);
  gtk_widget_class_bind_template_child (widget_class, CplPreferencesWindow, draws_row);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_w, GDK_CONTROL_MASK, "window.close", NULL);
}

static void
cpl_preferences_window_init (CplPreferencesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * cpl_preferences_window_new:
 * @settings: the application's settings (see cpl_application_get_settings())
 */
CplPreferencesWindow *
cpl_preferences_window_new (GSettings *settings)
{
  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);

  return g_object_new (CPL_TYPE_PREFERENCES_WINDOW,
                       "settings", settings,
                       NULL);
}
