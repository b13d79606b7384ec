/* cpl-window.c: the main window and its view switcher */
#define G_LOG_DOMAIN "cpl-window"

#include "config.h"

#include <glib/gi18n.h>

#include "cpl-window.h"
#include "views/chips/cpl-chips-view.h"
#include "views/revenue/cpl-revenue-view.h"
#include "views/scenarios/cpl-scenarios-view.h"

struct _CplWindow
{
  AdwApplicationWindow  parent_instance;

  AdwViewStack         *stack;
  AdwViewSwitcherTitle *switcher_title;
  CplScenariosView     *scenarios_view;
  CplChipsView         *chips_view;
  CplRevenueView       *revenue_view;
  AdwToastOverlay      *toast_overlay;

  CplDataset           *dataset;
};

G_DEFINE_FINAL_TYPE (CplWindow, cpl_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_DATASET,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
cpl_window_constructed (GObject *object)
{
  CplWindow *self = CPL_WINDOW (object);

  G_OBJECT_CLASS (cpl_window_parent_class)->constructed (object);

  g_return_if_fail (CPL_IS_DATASET (self->dataset));
  cpl_scenarios_view_set_dataset (self->scenarios_view, self->dataset);
  cpl_chips_view_set_dataset (self->chips_view, self->dataset);
  cpl_revenue_view_set_dataset (self->revenue_view, self->dataset);
}

static void
cpl_window_dispose (GObject *object)
{
  CplWindow *self = CPL_WINDOW (object);

  g_clear_object (&self->dataset);
  G_OBJECT_CLASS (cpl_window_parent_class)->dispose (object);
}

static void
cpl_window_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  switch (prop_id)
    {
    case PROP_DATASET:
      g_value_set_object (value, CPL_WINDOW (object)->dataset);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cpl_window_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  switch (prop_id)
    {
    case PROP_DATASET:
      CPL_WINDOW (object)->dataset = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
show_view_activated (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  cpl_window_set_visible_view (CPL_WINDOW (widget), g_variant_get_string (parameter, NULL));
}

static void
cpl_window_class_init (CplWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = cpl_window_constructed;
  object_class->dispose = cpl_window_dispose;
  object_class->get_property = cpl_window_get_property;
  object_class->set_property = cpl_window_set_property;

  /* The dataset the views show; the application's. */
  properties[PROP_DATASET] =
    g_param_spec_object ("dataset", NULL, NULL, CPL_TYPE_DATASET,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (CPL_TYPE_SCENARIOS_VIEW);
  g_type_ensure (CPL_TYPE_CHIPS_VIEW);
  g_type_ensure (CPL_TYPE_REVENUE_VIEW);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/cpl-window.ui");
  gtk_widget_class_bind_template_child (widget_class, CplWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, CplWindow, switcher_title);
  gtk_widget_class_bind_template_child (widget_class, CplWindow, scenarios_view);
  gtk_widget_class_bind_template_child (widget_class, CplWindow, chips_view);
  gtk_widget_class_bind_template_child (widget_class, CplWindow, revenue_view);
  gtk_widget_class_bind_template_child (widget_class, CplWindow, toast_overlay);

  /* Ctrl+1…3 show the views in switcher order */
  gtk_widget_class_install_action (widget_class, "win.show-view", "s", show_view_activated);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_1, GDK_CONTROL_MASK, "win.show-view", "s", "scenarios");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_2, GDK_CONTROL_MASK, "win.show-view", "s", "chips");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_3, GDK_CONTROL_MASK, "win.show-view", "s", "revenue");
}

static void
cpl_window_init (CplWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

CplWindow *
cpl_window_new (CplApplication *application)
{
  return g_object_new (CPL_TYPE_WINDOW,
                       "application", application,
                       "dataset", cpl_application_get_dataset (application),
                       NULL);
}

void
cpl_window_set_visible_view (CplWindow  *self,
                             const char *name)
{
  g_return_if_fail (CPL_IS_WINDOW (self));
  adw_view_stack_set_visible_child_name (self->stack, name);
}

/**
 * cpl_window_open_file:
 *
 * Lays @file over the built-in dataset.  A file that does not load shows
 * its message in a dialog and leaves the open data as it was.
 */
void
cpl_window_open_file (CplWindow *self,
                      GFile     *file)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_file_get_path (file);
  g_autofree char *basename = g_file_get_basename (file);

  if (path == NULL ||
      !cpl_dataset_load_file (self->dataset, path, CPL_LOAD_OVER_BUILTIN, &error))
    {
      GtkWidget *dialog;

      dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Could Not Open the File"),
                                       error ? error->message : _("The file is not on this computer."));
      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
      gtk_window_present (GTK_WINDOW (dialog));
      return;
    }
  gtk_window_set_title (GTK_WINDOW (self), basename);
  adw_view_switcher_title_set_subtitle (self->switcher_title, basename);
}
