/* cpl-application.c: the application, its actions and its command line */
#define G_LOG_DOMAIN "cpl-application"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "cpl-application.h"
#include "cpl-resources.h"
#include "cpl-window.h"

struct _CplApplication
{
  AdwApplication  parent_instance;
  CplDataset     *dataset;
};

G_DEFINE_FINAL_TYPE (CplApplication, cpl_application, ADW_TYPE_APPLICATION)

static const GOptionEntry option_entries[] = {
  { "compute", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Print the results for FILE (dataset JSON or Epoch AI CSV) and exit, without a display"),
    N_("FILE") },
  { "format", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("Output format of --compute: json (the default) or csv"), N_("FORMAT") },
  { "no-builtin", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("With --compute, read FILE alone instead of laying it over the built-in dataset"), NULL },
  { "version", 0, 0, G_OPTION_ARG_NONE, NULL, N_("Print the version and exit"), NULL },
  { NULL }
};

/**
 * cpl_compute_main:
 * @path: a dataset JSON or an Epoch AI CSV
 * @format: "json" or "csv"
 * @alone: read @path without the built-in dataset under it
 *
 * Prints DATA-FORMAT.md's results on stdout.
 *
 * Returns: the exit status: 0, or 1 with the message on stderr.
 */
int
cpl_compute_main (const char *path,
                  const char *format,
                  gboolean    alone)
{
  g_autoptr(CplDataset) dataset = cpl_dataset_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *output = NULL;

  if (format == NULL)
    format = "json";
  if (!g_str_equal (format, "json") && !g_str_equal (format, "csv"))
    {
      g_printerr (_("chip-policy-lab: unknown format “%s”; expected json or csv\n"), format);
      return 1;
    }
  if (!cpl_dataset_load_file (dataset, path, alone ? CPL_LOAD_ALONE : CPL_LOAD_OVER_BUILTIN, &error))
    {
      g_printerr ("chip-policy-lab: %s\n", error->message);
      return 1;
    }
  output = g_str_equal (format, "csv") ? cpl_report_to_csv (dataset, &error)
                                       : cpl_report_to_json (dataset, &error);
  if (output == NULL)
    {
      g_printerr ("chip-policy-lab: %s\n", error->message);
      return 1;
    }
  fputs (output, stdout);
  return fflush (stdout) == 0 ? 0 : 1;
}

static int
cpl_application_handle_local_options (GApplication *app,
                                      GVariantDict *options)
{
  const char *path = NULL;
  const char *format = NULL;

  if (g_variant_dict_contains (options, "version"))
    {
      g_print ("chip-policy-lab %s\n", PACKAGE_VERSION);
      return 0;
    }
  g_variant_dict_lookup (options, "format", "&s", &format);
  if (g_variant_dict_lookup (options, "compute", "^&ay", &path))
    return cpl_compute_main (path, format, g_variant_dict_contains (options, "no-builtin"));
  if (format != NULL || g_variant_dict_contains (options, "no-builtin"))
    {
      g_printerr (_("chip-policy-lab: --format and --no-builtin go with --compute\n"));
      return 1;
    }
  return -1;
}

static CplWindow *
cpl_application_get_window (CplApplication *self)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (window == NULL)
    window = GTK_WINDOW (cpl_window_new (self));
  return CPL_WINDOW (window);
}

static void
cpl_application_activate (GApplication *app)
{
  gtk_window_present (GTK_WINDOW (cpl_application_get_window (CPL_APPLICATION (app))));
}

static void
cpl_application_open (GApplication  *app,
                      GFile        **files,
                      int            n_files,
                      const char    *hint)
{
  CplWindow *window = cpl_application_get_window (CPL_APPLICATION (app));

  gtk_window_present (GTK_WINDOW (window));
  /* One dataset is open at a time: the last file named wins. */
  if (n_files > 0)
    cpl_window_open_file (window, files[n_files - 1]);
}

static void
cpl_application_startup (GApplication *app)
{
  CplApplication *self = CPL_APPLICATION (app);
  g_autoptr(GError) error = NULL;
  static const char *quit_accels[] = { "<Control>q", NULL };

  G_APPLICATION_CLASS (cpl_application_parent_class)->startup (app);

  self->dataset = cpl_dataset_new_builtin (&error);
  /* The built-in dataset is compiled in and tested; failing to read it is
   * a bug, not a user error. */
  g_assert_no_error (error);

  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.quit", quit_accels);
}

static void
cpl_application_finalize (GObject *object)
{
  g_clear_object (&CPL_APPLICATION (object)->dataset);
  G_OBJECT_CLASS (cpl_application_parent_class)->finalize (object);
}

static void
cpl_application_class_init (CplApplicationClass *klass)
{
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  /* The UI lives in a static library: register its resources by hand
   * before any template is read. */
  g_resources_register (cpl_get_resource ());

  G_OBJECT_CLASS (klass)->finalize = cpl_application_finalize;
  app_class->handle_local_options = cpl_application_handle_local_options;
  app_class->activate = cpl_application_activate;
  app_class->open = cpl_application_open;
  app_class->startup = cpl_application_startup;
}

static void
quit_activated (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  g_application_quit (G_APPLICATION (user_data));
}

static void
about_activated (GSimpleAction *action,
                 GVariant      *parameter,
                 gpointer       user_data)
{
  GtkApplication *app = GTK_APPLICATION (user_data);
  static const char *developers[] = { "Chip Policy Lab developers", NULL };

  adw_show_about_window (gtk_application_get_active_window (app),
                         "application-name", _("Chip Policy Lab"),
                         "application-icon", APP_ID,
                         "version", PACKAGE_VERSION,
                         "developers", developers,
                         "license-type", GTK_LICENSE_GPL_3_0,
                         "comments", _("Model the money and the compute of AI-chip export policy"),
                         /* Translators: credit for the data; keep the licence name */
                         "copyright", _("Chip data in part from Epoch AI, “Data on Machine Learning Hardware”, CC BY 4.0"),
                         "translator-credits", _("translator-credits"),
                         NULL);
}

static const GActionEntry app_actions[] = {
  { "quit", quit_activated },
  { "about", about_activated },
};

static void
cpl_application_init (CplApplication *self)
{
  g_application_add_main_option_entries (G_APPLICATION (self), option_entries);
  g_application_set_option_context_parameter_string (G_APPLICATION (self), _("[FILE.json]"));
  g_application_set_option_context_summary (G_APPLICATION (self),
    _("Open a dataset in Chip Policy Lab, or with --compute print its results."));
  g_action_map_add_action_entries (G_ACTION_MAP (self), app_actions, G_N_ELEMENTS (app_actions), self);
}

CplApplication *
cpl_application_new (void)
{
  return g_object_new (CPL_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_HANDLES_OPEN | G_APPLICATION_NON_UNIQUE,
                       "resource-base-path", RESOURCE_BASE,
                       NULL);
}

CplDataset *
cpl_application_get_dataset (CplApplication *self)
{
  g_return_val_if_fail (CPL_IS_APPLICATION (self), NULL);
  return self->dataset;
}
