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
};

G_DEFINE_FINAL_TYPE (CplWindow, cpl_window, ADW_TYPE_APPLICATION_WINDOW)

static void
cpl_window_constructed (GObject *object)
{
  CplWindow *self = CPL_WINDOW (object);
  CplApplication *app;
  CplDataset *dataset;

  G_OBJECT_CLASS (cpl_window_parent_class)->constructed (object);

  app = CPL_APPLICATION (gtk_window_get_application (GTK_WINDOW (self)));
  dataset = cpl_application_get_dataset (app);
  cpl_scenarios_view_set_dataset (self->scenarios_view, dataset);
  cpl_chips_view_set_dataset (self->chips_view, dataset);
  cpl_revenue_view_set_dataset (self->revenue_view, dataset);
}

static void
cpl_window_class_init (CplWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->constructed = cpl_window_constructed;

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
}

static void
cpl_window_init (CplWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

CplWindow *
cpl_window_new (CplApplication *application)
{
  return g_object_new (CPL_TYPE_WINDOW, "application", application, NULL);
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
  CplApplication *app = CPL_APPLICATION (gtk_window_get_application (GTK_WINDOW (self)));
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_file_get_path (file);
  g_autofree char *basename = g_file_get_basename (file);

  if (path == NULL ||
      !cpl_dataset_load_file (cpl_application_get_dataset (app), path, CPL_LOAD_OVER_BUILTIN, &error))
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
