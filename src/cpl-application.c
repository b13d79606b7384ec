/* cpl-application.c: the application, its actions and its command line */
#define G_LOG_DOMAIN "cpl-application"

#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <stdio.h>

#include "cpl-application.h"
#include "cpl-help-window.h"
#include "cpl-preferences-window.h"
#include "cpl-resources.h"
#include "cpl-window.h"

#define AUTOSAVE_SECONDS 5

struct _CplApplication
{
  AdwApplication  parent_instance;
  CplDataset     *dataset;
  CplHistory     *history;
  GFile          *file;
  GSettings      *settings;

  /* The recovery copy: the unsaved dataset, written every few seconds
   * while it is modified, so that a crash loses little. */
  guint           autosave_id;
  guint           recovery_checked : 1;  /* the startup offer was made */
  guint           recovery_enabled : 1;  /* the copy on disk is ours to write */
  guint           recovery_on_disk : 1;
  guint           recovery_dirty : 1;    /* changed since it was written */
  guint           recovery_warned : 1;
};

G_DEFINE_FINAL_TYPE (CplApplication, cpl_application, ADW_TYPE_APPLICATION)

enum {
  PROP_0,
  PROP_FILE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const GOptionEntry option_entries[] = {
  { "compute", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Print the results for FILE (dataset JSON or Epoch AI CSV) and exit, without a display"),
    N_("FILE") },
  { "format", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("Output format of --compute: json (the default) or csv"), N_("FORMAT") },
  { "no-builtin", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("With --compute, read FILE alone instead of laying it over the built-in dataset"), NULL },
  { "date", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("With --compute, give each chip's status in China under the rules in force on DATE "
       "(YYYY-MM-DD; the default is today)"), N_("DATE") },
  { "version", 0, 0, G_OPTION_ARG_NONE, NULL, N_("Print the version and exit"), NULL },
  { NULL }
};

/**
 * cpl_compute_main:
 * @path: a dataset JSON or an Epoch AI CSV
 * @format: "json" or "csv"
 * @alone: read @path without the built-in dataset under it
 * @date: (nullable): YYYY-MM-DD, the day of the chips' status; %NULL for today
 *
 * Prints DATA-FORMAT.md's results on stdout.
 *
 * Returns: the exit status: 0, or 1 with the message on stderr.
 */
int
cpl_compute_main (const char *path,
                  const char *format,
                  gboolean    alone,
                  const char *date)
{
  GDate day;

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
  if (date != NULL && !cpl_iso_date_parse (date, &day))
    {
      /* Translators: %s is what follows --date; YYYY-MM-DD is the form it takes */
      g_printerr (_("chip-policy-lab: --date “%s” is not a date; expected YYYY-MM-DD, "
                    "such as 2026-02-01\n"), date);
      return 1;
    }
  if (!cpl_dataset_load_file (dataset, path, alone ? CPL_LOAD_ALONE : CPL_LOAD_OVER_BUILTIN, &error))
    {
      g_printerr ("chip-policy-lab: %s\n", error->message);
      return 1;
    }
  output = g_str_equal (format, "csv") ? cpl_report_to_csv (dataset, date ? &day : NULL, &error)
                                       : cpl_report_to_json (dataset, date ? &day : NULL, &error);
  if (output == NULL)
    {
      g_printerr ("chip-policy-lab: %s\n", error->message);
      return 1;
    }
  /* A full disk or a closed pipe must not pass for a complete output. */
  if (fputs (output, stdout) == EOF || fflush (stdout) != 0 || ferror (stdout))
    {
      int saved_errno = errno;

      /* Translators: %s is the system's reason, such as "No space left
       * on device" */
      g_printerr (_("chip-policy-lab: could not write the results: %s; check that there is "
                    "room where the output goes\n"), g_strerror (saved_errno));
      return 1;
    }
  return 0;
}

/* The app's settings schema is required: without it g_settings_new()
 * aborts, so the command line checks first and says what to do. */
static gboolean
cpl_application_has_schema (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;

  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, APP_ID, TRUE);
  return schema != NULL;
}

static int
cpl_application_handle_local_options (GApplication *app,
                                      GVariantDict *options)
{
  const char *path = NULL;
  const char *format = NULL;
  const char *date = NULL;

  if (g_variant_dict_contains (options, "version"))
    {
      g_print ("chip-policy-lab %s\n", PACKAGE_VERSION);
      return 0;
    }
  g_variant_dict_lookup (options, "format", "&s", &format);
  g_variant_dict_lookup (options, "date", "&s", &date);
  if (g_variant_dict_lookup (options, "compute", "^&ay", &path))
    return cpl_compute_main (path, format, g_variant_dict_contains (options, "no-builtin"), date);
  if (date != NULL)
    {
      g_printerr (_("chip-policy-lab: --date goes with --compute\n"));
      return 1;
    }
  if (format != NULL || g_variant_dict_contains (options, "no-builtin"))
    {
      g_printerr (_("chip-policy-lab: --format and --no-builtin go with --compute\n"));
      return 1;
    }
  if (!cpl_application_has_schema ())
    {
      /* Translators: %s is the schema id, io.github.chippolicylab.ChipPolicyLab */
      g_printerr (_("chip-policy-lab: the settings schema %s is not installed. Install the app "
                    "(meson install), or set GSETTINGS_SCHEMA_DIR to the folder that holds the "
                    "compiled schema (data/ in the build folder).\n"), APP_ID);
      return 1;
    }
  return -1;
}

/* Recovery --------------------------------------------------------------- */

/**
 * cpl_application_get_recovery_path:
 *
 * Returns: (transfer full): where the unsaved dataset is kept while it is
 *   modified: `$XDG_DATA_HOME/chip-policy-lab/recovery.json`.
 */
char *
cpl_application_get_recovery_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "chip-policy-lab", "recovery.json", NULL);
}

/* Which file the recovery copy belongs to. */
static char *
recovery_meta_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "chip-policy-lab", "recovery-meta.json", NULL);
}

static guint
autosave_seconds (void)
{
  const char *value = g_getenv ("CPL_AUTOSAVE_SECONDS");
  guint64 seconds;

  if (value != NULL && g_ascii_string_to_unsigned (value, 10, 1, 3600, &seconds, NULL))
    return seconds;
  return AUTOSAVE_SECONDS;
}

static char *
recovery_meta_to_text (GFile *file)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "format");
  json_builder_add_string_value (builder, "chip-policy-lab-recovery");
  /* a URI, which any file name fits in as UTF-8 */
  json_builder_set_member_name (builder, "file");
  if (file != NULL)
    {
      g_autofree char *uri = g_file_get_uri (file);
      json_builder_add_string_value (builder, uri);
    }
  else
    json_builder_add_null_value (builder);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  return json_generator_to_data (generator, NULL);
}

/* The file the recovery copy belongs to, or NULL for none (or a meta
 * file that is missing or unreadable: the copy is still worth having). */
static GFile *
recovery_meta_read_file (void)
{
  g_autofree char *path = recovery_meta_path ();
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonNode *root;
  JsonNode *member;

  if (!json_parser_load_from_file (parser, path, NULL))
    return NULL;
  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    return NULL;
  member = json_object_get_member (json_node_get_object (root), "file");
  if (member == NULL || !JSON_NODE_HOLDS_VALUE (member) || json_node_get_value_type (member) != G_TYPE_STRING)
    return NULL;
  return g_file_new_for_uri (json_node_get_string (member));
}

static gboolean
recovery_write (CplApplication  *self,
                GError         **error)
{
  g_autofree char *path = cpl_application_get_recovery_path ();
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *meta_path = recovery_meta_path ();
  g_autofree char *meta = NULL;
  g_autofree char *data = NULL;
  gsize length;

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   "%s: %s", dir, g_strerror (saved_errno));
      return FALSE;
    }
  /* Each file is replaced atomically: a crash leaves the old or the new. */
  meta = recovery_meta_to_text (self->file);
  if (!g_file_set_contents_full (meta_path, meta, -1, G_FILE_SET_CONTENTS_CONSISTENT, 0600, error))
    return FALSE;
  data = cpl_dataset_to_data (self->dataset, &length);
  if (!g_file_set_contents_full (path, data, length, G_FILE_SET_CONTENTS_CONSISTENT, 0600, error))
    return FALSE;
  self->recovery_on_disk = TRUE;
  return TRUE;
}

static void
recovery_delete (CplApplication *self)
{
  g_autofree char *path = cpl_application_get_recovery_path ();
  g_autofree char *meta_path = recovery_meta_path ();

  g_unlink (path);
  g_unlink (meta_path);
  self->recovery_on_disk = FALSE;
  self->recovery_dirty = FALSE;
}

static gboolean
autosave_cb (gpointer data)
{
  CplApplication *self = data;
  g_autoptr(GError) error = NULL;

  if (!cpl_history_get_modified (self->history))
    {
      self->autosave_id = 0;
      return G_SOURCE_REMOVE;
    }
  if (!self->recovery_dirty)
    return G_SOURCE_CONTINUE;

  if (recovery_write (self, &error))
    self->recovery_dirty = FALSE;
  else if (!self->recovery_warned)
    {
      /* Once: the next attempts would say the same thing. */
      g_warning ("Could not write the recovery copy: %s", error->message);
      self->recovery_warned = TRUE;
    }
  return G_SOURCE_CONTINUE;
}

/* Every edit notifies "modified"; so does the end of a burst of edits. */
static void
recovery_update (CplApplication *self)
{
  if (!self->recovery_enabled)
    return;

  if (cpl_history_get_modified (self->history))
    {
      self->recovery_dirty = TRUE;
      if (self->autosave_id == 0)
        self->autosave_id = g_timeout_add_seconds (autosave_seconds (), autosave_cb, self);
    }
  else
    {
      /* saved, opened, undone to the saved state, or discarded */
      g_clear_handle_id (&self->autosave_id, g_source_remove);
      if (self->recovery_on_disk)
        recovery_delete (self);
      self->recovery_dirty = FALSE;
    }
}

static void
recovery_enable (CplApplication *self)
{
  self->recovery_enabled = TRUE;
  recovery_update (self);
}

/**
 * cpl_application_discard_recovery:
 *
 * The user chose to lose the unsaved changes (closing or quitting): they
 * count as unmodified from now on, and the recovery copy goes.
 */
void
cpl_application_discard_recovery (CplApplication *self)
{
  g_return_if_fail (CPL_IS_APPLICATION (self));

  g_clear_handle_id (&self->autosave_id, g_source_remove);
  cpl_history_set_unmodified (self->history);
  if (self->recovery_enabled)
    recovery_delete (self);
}

/* Loads the recovery copy into the dataset and names the file it belongs
 * to.  The dataset stays modified: the changes are still unsaved. */
static gboolean
recovery_restore (CplApplication  *self,
                  GError         **error)
{
  g_autofree char *path = cpl_application_get_recovery_path ();
  g_autofree char *name = g_filename_display_name (path);
  g_autoptr(GMappedFile) mapped = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(CplDataset) check = cpl_dataset_new ();
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) io_error = NULL;

  mapped = g_mapped_file_new (path, FALSE, &io_error);
  if (mapped == NULL)
    {
      g_set_error (error, CPL_DATASET_ERROR, CPL_DATASET_ERROR_IO, "%s", io_error->message);
      return FALSE;
    }
  bytes = g_mapped_file_get_bytes (mapped);
  /* Read it aside first, so that a broken copy changes nothing. */
  if (!cpl_dataset_load_bytes (check, bytes, name, CPL_LOAD_ALONE, error))
    return FALSE;

  /* The file as it is on disk is the unmodified state, for undo and for
   * the unsaved-changes mark; when it cannot be read, what is open is. */
  file = recovery_meta_read_file ();
  if (file != NULL)
    {
      g_autofree char *file_path = g_file_get_path (file);

      if (file_path != NULL &&
          cpl_dataset_load_file (self->dataset, file_path, CPL_LOAD_OVER_BUILTIN, NULL))
        cpl_history_reset (self->history);
    }
  if (!cpl_dataset_load_bytes (self->dataset, bytes, name, CPL_LOAD_ALONE, error))
    return FALSE;
  cpl_history_commit (self->history);
  cpl_application_set_file (self, file);
  self->recovery_on_disk = TRUE;
  return TRUE;
}

/* A copy that does not load is kept aside as recovery.json.broken, for
 * whoever wants to look at it, and is not offered again. */
static void
recovery_set_aside (CplApplication *self)
{
  g_autofree char *path = cpl_application_get_recovery_path ();
  g_autofree char *broken = g_strconcat (path, ".broken", NULL);
  g_autofree char *meta_path = recovery_meta_path ();

  if (g_rename (path, broken) != 0)
    g_unlink (path);
  g_unlink (meta_path);
  self->recovery_on_disk = FALSE;
}

static void
recovery_response_cb (AdwMessageDialog *dialog,
                      const char       *response,
                      CplApplication   *self)
{
  if (g_str_equal (response, "restore"))
    {
      g_autoptr(GError) error = NULL;

      if (!recovery_restore (self, &error))
        {
          g_autofree char *path = cpl_application_get_recovery_path ();
          g_autofree char *broken = g_strconcat (path, ".broken", NULL);
          g_autofree char *broken_name = g_filename_display_name (broken);
          GtkWidget *error_dialog;

          recovery_set_aside (self);
          error_dialog = adw_message_dialog_new (gtk_window_get_transient_for (GTK_WINDOW (dialog)),
                                                 _("Could Not Restore the Changes"), NULL);
          /* Translators: %1$s is the reason, %2$s a file name */
          adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (error_dialog),
                                          _("%1$s\n\nThe copy was set aside as “%2$s”."),
                                          error->message, broken_name);
          adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (error_dialog), "close", _("_Close"));
          gtk_window_present (GTK_WINDOW (error_dialog));
        }
      recovery_enable (self);
    }
  else if (g_str_equal (response, "discard"))
    {
      recovery_delete (self);
      recovery_enable (self);
    }
  /* Else the dialog was dismissed: the copy stays for the next start, and
   * is not overwritten by this session. */
}

/* At startup, once a window shows: offer the copy a crash left behind.
 * Until the answer, nothing writes a new copy over it. */
static void
cpl_application_check_recovery (CplApplication *self,
                                GtkWindow      *parent)
{
  g_autofree char *path = cpl_application_get_recovery_path ();
  g_autoptr(GFile) file = NULL;
  GtkWidget *dialog;

  if (self->recovery_checked)
    return;
  self->recovery_checked = TRUE;

  if (!g_file_test (path, G_FILE_TEST_IS_REGULAR))
    {
      recovery_enable (self);
      return;
    }

  file = recovery_meta_read_file ();
  dialog = adw_message_dialog_new (parent, _("Restore Unsaved Changes?"), NULL);
  if (file != NULL)
    {
      g_autofree char *basename = g_file_get_basename (file);
      g_autofree char *name = g_filename_display_name (basename);

      adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog),
                                      _("Chip Policy Lab closed before the changes to “%s” were saved. They were kept and can be restored."),
                                      name);
    }
  else
    adw_message_dialog_set_body (ADW_MESSAGE_DIALOG (dialog),
                                 _("Chip Policy Lab closed before the changes to the dataset were saved. They were kept and can be restored."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "discard", _("_Discard"),
                                    "restore", _("_Restore"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "discard", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "restore", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "restore");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "later");
  g_signal_connect_object (dialog, "response", G_CALLBACK (recovery_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* The application ------------------------------------------------------- */

static CplWindow *
cpl_application_get_window (CplApplication *self)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (window == NULL || !CPL_IS_WINDOW (window))
    window = GTK_WINDOW (cpl_window_new (self));
  return CPL_WINDOW (window);
}

static void
cpl_application_activate (GApplication *app)
{
  CplApplication *self = CPL_APPLICATION (app);
  CplWindow *window = cpl_application_get_window (self);

  gtk_window_present (GTK_WINDOW (window));
  cpl_application_check_recovery (self, GTK_WINDOW (window));
}

static void
cpl_application_open (GApplication  *app,
                       GFile        **files,
                       int            n_files,
                       const char    *hint)
{
  CplApplication *self = CPL_APPLICATION (app);
  CplWindow *window = cpl_application_get_window (self);

  gtk_window_present (GTK_WINDOW (window));
  /* One dataset is open at a time: the last file named wins.  (Each
   * process is its own instance: this is startup, nothing is unsaved.) */
  if (n_files > 0)
    cpl_window_open_file (window, files[n_files - 1]);
  cpl_application_check_recovery (self, GTK_WINDOW (window));
}

/* Settings -------------------------------------------------------------- */

static void
color_scheme_changed_cb (CplApplication *self)
{
  g_autofree char *value = g_settings_get_string (self->settings, "color-scheme");
  AdwColorScheme scheme = ADW_COLOR_SCHEME_DEFAULT;

  if (g_str_equal (value, "light"))
    scheme = ADW_COLOR_SCHEME_FORCE_LIGHT;
  else if (g_str_equal (value, "dark"))
    scheme = ADW_COLOR_SCHEME_FORCE_DARK;
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), scheme);
}

/* The last file opened or saved, for "Open Recent" (never reopened by
 * itself: startup stays predictable). */
static void
file_changed_cb (CplApplication *self)
{
  g_autofree char *uri = NULL;

  if (self->file == NULL)
    return;
  uri = g_file_get_uri (self->file);
  g_settings_set_string (self->settings, "last-file", uri);
}

static void
cpl_application_init_settings (CplApplication *self)
{
  self->settings = g_settings_new (APP_ID);
  g_signal_connect_object (self->settings, "changed::color-scheme",
                           G_CALLBACK (color_scheme_changed_cb), self, G_CONNECT_SWAPPED);
  color_scheme_changed_cb (self);
  g_signal_connect (self, "notify::file", G_CALLBACK (file_changed_cb), NULL);
}

static void
cpl_application_startup (GApplication *app)
{
  CplApplication *self = CPL_APPLICATION (app);
  g_autoptr(GError) error = NULL;
  static const struct {
    const char *action;
    const char *accels[2];
  } accels[] = {
    /* also bound by the window; here so that the menu shows them */
    { "app.quit", { "<Control>q", NULL } },
    { "app.new-window", { "<Control>n", NULL } },
    { "win.open", { "<Control>o", NULL } },
    { "win.save", { "<Control>s", NULL } },
    { "win.save-as", { "<Control><Shift>s", NULL } },
    { "app.preferences", { "<Control>comma", NULL } },
    { "app.help", { "F1", NULL } },
  };

  G_APPLICATION_CLASS (cpl_application_parent_class)->startup (app);

  self->dataset = cpl_dataset_new_builtin (&error);
  /* The built-in dataset is compiled in and tested; failing to read it is
   * a bug, not a user error. */
  g_assert_no_error (error);
  self->history = cpl_history_new (self->dataset);
  g_signal_connect_object (self->history, "notify::modified",
                           G_CALLBACK (recovery_update), self, G_CONNECT_SWAPPED);

  for (guint i = 0; i < G_N_ELEMENTS (accels); i++)
    gtk_application_set_accels_for_action (GTK_APPLICATION (app), accels[i].action, accels[i].accels);

  cpl_application_init_settings (self);
}

static void
cpl_application_shutdown (GApplication *app)
{
  CplApplication *self = CPL_APPLICATION (app);

  g_clear_handle_id (&self->autosave_id, g_source_remove);
  /* A normal quit: nothing unsaved, nothing to recover.  (Unsaved changes
   * were saved or discarded before; if some are left, keep them.) */
  if (self->recovery_enabled && self->history != NULL)
    {
      if (!cpl_history_get_modified (self->history))
        {
          if (self->recovery_on_disk)
            recovery_delete (self);
        }
      else if (self->recovery_dirty)
        recovery_write (self, NULL);
    }
  G_APPLICATION_CLASS (cpl_application_parent_class)->shutdown (app);
}

static void
cpl_application_dispose (GObject *object)
{
  CplApplication *self = CPL_APPLICATION (object);

  g_clear_handle_id (&self->autosave_id, g_source_remove);
  G_OBJECT_CLASS (cpl_application_parent_class)->dispose (object);
}

static void
cpl_application_finalize (GObject *object)
{
  CplApplication *self = CPL_APPLICATION (object);

  g_clear_object (&self->history);
  g_clear_object (&self->dataset);
  g_clear_object (&self->file);
  g_clear_object (&self->settings);
  G_OBJECT_CLASS (cpl_application_parent_class)->finalize (object);
}

static void
cpl_application_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  switch (prop_id)
    {
    case PROP_FILE:
      g_value_set_object (value, CPL_APPLICATION (object)->file);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cpl_application_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  switch (prop_id)
    {
    case PROP_FILE:
      cpl_application_set_file (CPL_APPLICATION (object), g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cpl_application_class_init (CplApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  /* The UI lives in a static library: register its resources by hand
   * before any template is read. */
  g_resources_register (cpl_get_resource ());

  object_class->dispose = cpl_application_dispose;
  object_class->finalize = cpl_application_finalize;
  object_class->get_property = cpl_application_get_property;
  object_class->set_property = cpl_application_set_property;
  app_class->handle_local_options = cpl_application_handle_local_options;
  app_class->activate = cpl_application_activate;
  app_class->open = cpl_application_open;
  app_class->startup = cpl_application_startup;
  app_class->shutdown = cpl_application_shutdown;

  /* The file the dataset was opened from or saved to; NULL: none. */
  properties[PROP_FILE] =
    g_param_spec_object ("file", NULL, NULL, G_TYPE_FILE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
quit_activated (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  CplApplication *self = CPL_APPLICATION (user_data);
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  /* Unsaved changes: the window asks first, and quits if told to. */
  if (CPL_IS_WINDOW (window) && self->history != NULL && cpl_history_get_modified (self->history))
    cpl_window_request_quit (CPL_WINDOW (window));
  else
    g_application_quit (G_APPLICATION (self));
}
static void
about_activated (GSimpleAction *action,
                 GVariant      *parameter,
                 gpointer       user_data)
{
  GtkApplication *app = GTK_APPLICATION (user_data);
  static const char *developers[] = { "Chip Policy Lab developers", NULL };
  /* a name and its address: the about window makes it a link */
  static const char *data[] = {
    "Epoch AI, Data on Machine Learning Hardware (CC BY 4.0) https://epoch.ai/data/machine-learning-hardware",
    NULL
  };
  AdwAboutWindow *about;

  about = g_object_new (ADW_TYPE_ABOUT_WINDOW,
                        "transient-for", gtk_application_get_active_window (app),
                        "modal", TRUE,
                        "application-name", _("Chip Policy Lab"),
                        "application-icon", APP_ID,
                        "version", PACKAGE_VERSION,
                        "developer-name", _("Chip Policy Lab developers"),
                        "developers", developers,
                        "website", "https://github.com/chippolicylab/chip-policy-lab",
                        "issue-url", "https://github.com/chippolicylab/chip-policy-lab/issues",
                        "license-type", GTK_LICENSE_GPL_3_0,
                        "comments", _("Model the money and the compute of AI-chip export policy"),
                        /* Translators: credit for the data; keep the licence name */
                        "copyright", _("Chip data in part from Epoch AI, “Data on Machine Learning Hardware”, CC BY 4.0"),
                        "translator-credits", _("translator-credits"),
                        NULL);
  /* Translators: the heading of the about window's list of data sources */
  adw_about_window_add_acknowledgement_section (about, _("Data"), data);
  gtk_window_present (GTK_WINDOW (about));
}

static void
preferences_activated (GSimpleAction *action,
                       GVariant      *parameter,
                       gpointer       user_data)
{
  CplApplication *self = CPL_APPLICATION (user_data);
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  CplPreferencesWindow *window;

  window = cpl_preferences_window_new (self->settings);
  if (parent != NULL)
    gtk_window_set_transient_for (GTK_WINDOW (window), parent);
  gtk_window_set_application (GTK_WINDOW (window), GTK_APPLICATION (self));
  gtk_window_present (GTK_WINDOW (window));
}

/* One help window: F1 again brings it forward. */
static void
help_activated (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  CplApplication *self = CPL_APPLICATION (user_data);

  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l != NULL; l = l->next)
    if (CPL_IS_HELP_WINDOW (l->data))
      {
        gtk_window_present (l->data);
        return;
      }
  gtk_window_present (GTK_WINDOW (cpl_help_window_new (GTK_APPLICATION (self))));
}

/* Another window on the same dataset: a second view side by side. */
static void
new_window_activated (GSimpleAction *action,
                      GVariant      *parameter,
                      gpointer       user_data)
{
  gtk_window_present (GTK_WINDOW (cpl_window_new (CPL_APPLICATION (user_data))));
}

static const GActionEntry app_actions[] = {
  { "quit", quit_activated },
  { "new-window", new_window_activated },
  { "about", about_activated },
  { "preferences", preferences_activated },
  { "help", help_activated },
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

/* The undo history of the dataset; it also knows whether it is modified. */
CplHistory *
cpl_application_get_history (CplApplication *self)
{
  g_return_val_if_fail (CPL_IS_APPLICATION (self), NULL);
  return self->history;
}

/**
 * cpl_application_get_settings:
 *
 * Returns: (transfer none): the application's settings (the schema is
 *   required; the tests point GSETTINGS_SCHEMA_DIR at the build tree)
 */
GSettings *
cpl_application_get_settings (CplApplication *self)
{
  g_return_val_if_fail (CPL_IS_APPLICATION (self), NULL);
  return self->settings;
}

GFile *
cpl_application_get_file (CplApplication *self)
{
  g_return_val_if_fail (CPL_IS_APPLICATION (self), NULL);
  return self->file;
}

/**
 * cpl_application_set_file:
 * @file: (nullable): the file the dataset was opened from or saved to
 */
void
cpl_application_set_file (CplApplication *self,
                          GFile          *file)
{
  g_return_if_fail (CPL_IS_APPLICATION (self));
  g_return_if_fail (file == NULL || G_IS_FILE (file));

  if (self->file == file || (self->file != NULL && file != NULL && g_file_equal (self->file, file)))
    return;
  g_set_object (&self->file, file);
  /* the recovery copy records the file */
  if (self->recovery_enabled && self->history != NULL && cpl_history_get_modified (self->history))
    self->recovery_dirty = TRUE;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FILE]);
}
