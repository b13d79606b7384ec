/* cpl-window.c: the main window, its view switcher, and its document
 *
 * A window shows one document (its dataset, history, file and draft);
 * it saves it, shows the file's name and whether it has unsaved changes,
 * and asks before it loses any.  Opening a file is the application's:
 * it finds or makes the window for it.
 */
#define G_LOG_DOMAIN "cpl-window"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "cpl-window.h"
#include "views/chips/cpl-chips-view.h"
#include "views/cpl-view-util.h"
#include "views/revenue/cpl-revenue-view.h"
#include "views/scenarios/cpl-scenarios-view.h"

/* What to do once the unsaved changes are saved or discarded. */
typedef enum {
  AFTER_NOTHING,
  AFTER_CLOSE,
  AFTER_QUIT,
} AfterSave;

struct _CplWindow
{
  AdwApplicationWindow  parent_instance;

  AdwViewStack         *stack;
  AdwViewSwitcherTitle *switcher_title;
  CplScenariosView     *scenarios_view;
  gboolean              scenarios_bound; /* the view has the dataset (cpl_window_bind_scenarios()) */
  AdwBin               *chips_page;     /* holds the view once made */
  AdwBin               *revenue_page;
  CplChipsView         *chips_view;     /* NULL until first shown or asked for */
  CplRevenueView       *revenue_view;
  AdwToastOverlay      *toast_overlay;
  GtkLabel             *file_label;
  GMenu                *recent_section;
  GtkMenuButton        *menu_button;
  GMenuModel           *primary_menu;
  GtkRevealer          *builtin_revealer;
  GtkLabel             *builtin_label;
  guint                 file_label_idle_id;
  int                   file_label_hidden_at;  /* the width that had no room for it */
  int                   last_width;

  CplDocument          *document;
  CplDataset           *dataset;      /* the document's */
  CplHistory           *history;      /* the document's */
  CplApplication       *app;          /* weak */
  GSettings            *settings;     /* the application's */

  GtkFileChooserNative *chooser;      /* the open or save chooser, while shown */
  GtkWidget            *save_dialog;  /* "Save Changes?", while shown; weak */
  AfterSave             pending;
  gboolean              closing;
  gboolean              close_after_busy;  /* closed while the document was busy */
  /* A file loading (cpl_window_load_file()); the widgets that show it
   * are made at the first load. */
  GCancellable         *load_cancellable;  /* the load under way, NULL when none */
  GFile                *loading_file;
  guint                 load_reveal_id;    /* the 150 ms before the progress shows */
  guint                 load_poll_id;      /* the progress, read every 100 ms */
  gboolean              load_page;         /* made for the file: a page instead of the views */
  GtkRevealer          *load_strip;        /* over the views: name, progress, Cancel */
  GtkLabel             *load_strip_label;
  GtkProgressBar       *load_strip_bar;
  GtkRevealer          *load_page_revealer;  /* instead of the views */
  AdwStatusPage        *load_status;
  GtkProgressBar       *load_page_bar;
  GtkWidget            *switcher_bar;        /* NULL until first narrow; hidden with the views */
  guint                 switcher_bar_idle_id;
};

G_DEFINE_FINAL_TYPE (CplWindow, cpl_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_DOCUMENT,
  PROP_LOADING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void cpl_window_choose_save_file (CplWindow *self);
static void cpl_window_update_recent    (CplWindow *self);
static void cancel_load_activated       (GtkWidget  *widget,
                                         const char *action_name,
                                         GVariant   *parameter);
static void cpl_window_init_settings    (CplWindow *self,
                                         GSettings *settings);

/* Helpers ------------------------------------------------------------------ */

static GFile *
cpl_window_get_file (CplWindow *self)
{
  return cpl_document_get_file (self->document);
}

static char *
file_display_name (GFile *file)
{
  g_autofree char *basename = g_file_get_basename (file);

  return basename != NULL ? g_filename_display_name (basename) : g_file_get_uri (file);
}

/* Save writes in place only to a dataset file; an opened Epoch CSV (or
 * anything not named *.json) is saved as a new file. */
static gboolean
can_save_in_place (GFile *file)
{
  g_autofree char *path = NULL;
  g_autofree char *basename = NULL;
  g_autofree char *folded = NULL;

  if (file == NULL || (path = g_file_get_path (file)) == NULL)
    return FALSE;
  basename = g_path_get_basename (path);
  folded = g_ascii_strdown (basename, -1);
  return g_str_has_suffix (folded, ".json");
}

static void
cpl_window_show_error (CplWindow  *self,
                       const char *heading,
                       const char *body)
{
  cpl_show_error_dialog (GTK_WINDOW (self), heading, body);
}

/**
 * cpl_window_show_open_error:
 *
 * Says why a file did not open (the model's message names the file, the
 * JSON path, the value and what was expected).
 */
void
cpl_window_show_open_error (CplWindow    *self,
                            const GError *error)
{
  g_return_if_fail (CPL_IS_WINDOW (self));
  cpl_window_show_error (self, _("Could Not Open the File"), error->message);
}

/* A wide window shows the view switcher instead of the title and its
 * subtitle; the label beside the Open button then shows the file's name
 * and mark.  It takes room from the switcher, which may then give way to
 * the title again: once the label was hidden for lack of room, it comes
 * back only when the window has grown by its width, so the two never
 * chase each other.  Visibility changes wait for an idle, out of the
 * size allocation that reports them. */
static gboolean
update_file_label_cb (gpointer data)
{
  CplWindow *self = data;
  GtkWidget *label = GTK_WIDGET (self->file_label);
  const char *text = gtk_label_get_label (self->file_label);
  int width = gtk_widget_get_width (GTK_WIDGET (self));

  self->file_label_idle_id = 0;
  if (text == NULL || *text == '\0')
    gtk_widget_set_visible (label, FALSE);
  else if (adw_view_switcher_title_get_title_visible (self->switcher_title))
    {
      /* the subtitle shows the name */
      if (gtk_widget_get_visible (label))
        {
          gtk_widget_set_visible (label, FALSE);
          self->file_label_hidden_at = width;
        }
    }
  else if (!gtk_widget_get_visible (label))
    {
      int natural;

      gtk_widget_measure (label, GTK_ORIENTATION_HORIZONTAL, -1, NULL, &natural, NULL, NULL);
      if (self->file_label_hidden_at == 0 || width > self->file_label_hidden_at + natural)
        {
          self->file_label_hidden_at = 0;
          gtk_widget_set_visible (label, TRUE);
        }
    }
  return G_SOURCE_REMOVE;
}

static void
cpl_window_queue_file_label (CplWindow *self)
{
  if (self->file_label_idle_id == 0)
    self->file_label_idle_id = g_idle_add (update_file_label_cb, self);
}

static void
cpl_window_size_allocate (GtkWidget *widget,
                          int        width,
                          int        height,
                          int        baseline)
{
  CplWindow *self = CPL_WINDOW (widget);

  GTK_WIDGET_CLASS (cpl_window_parent_class)->size_allocate (widget, width, height, baseline);
  if (width != self->last_width)
    {
      self->last_width = width;
      cpl_window_queue_file_label (self);
    }
}

/* The title: the file's name, and "• " while it has unsaved changes, as
 * GNOME Text Editor shows them. */
static void
cpl_window_update_title (CplWindow *self)
{
  GFile *file = cpl_window_get_file (self);
  gboolean modified = cpl_document_get_modified (self->document);
  g_autofree char *name = cpl_document_dup_title (self->document);
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;

  if (name != NULL)
    /* Translators: the window title, as the task switcher shows it: a file name, then the application's */
    title = g_strdup_printf (_("%s – Chip Policy Lab"), name);
  else
    title = g_strdup (_("Chip Policy Lab"));

  if (modified)
    /* Translators: under the title, a file name marked as having unsaved changes */
    subtitle = g_strdup_printf (_("• %s"), name != NULL ? name : _("Unsaved Dataset"));
  else
    subtitle = g_strdup (name != NULL ? name : "");

  /* each only when it changes: the title goes to the X server, and a
   * shown label's tooltip asks it where the pointer is (round trips in
   * the frame of the edit that marked the document modified) */
  if (g_strcmp0 (gtk_window_get_title (GTK_WINDOW (self)), title) != 0)
    gtk_window_set_title (GTK_WINDOW (self), title);
  if (g_strcmp0 (adw_view_switcher_title_get_subtitle (self->switcher_title), subtitle) != 0)
    adw_view_switcher_title_set_subtitle (self->switcher_title, subtitle);
  cpl_label_set_text (self->file_label, subtitle);
  cpl_window_queue_file_label (self);
  if (file != NULL)
    {
      g_autofree char *where = g_file_get_parse_name (file);

      cpl_widget_set_tooltip (GTK_WIDGET (self->file_label), where);
    }
  else
    cpl_widget_set_tooltip (GTK_WIDGET (self->file_label), NULL);
}

/* While a file loads, what would change or save the data waits: the
 * load replaces it. */
static void
cpl_window_update_actions (CplWindow *self)
{
  gboolean idle = self->load_cancellable == NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.undo", idle && cpl_history_can_undo (self->history));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.redo", idle && cpl_history_can_redo (self->history));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.save", idle);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.save-as", idle);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export-report", idle);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.cancel-load", !idle);
}

static void
cpl_window_application_changed (CplWindow  *self,
                                GParamSpec *pspec,
                                gpointer    user_data)
{
  GtkApplication *application = gtk_window_get_application (GTK_WINDOW (self));
  CplApplication *app = CPL_IS_APPLICATION (application) ? CPL_APPLICATION (application) : NULL;

  if (self->app == app)
    return;
  g_set_weak_pointer (&self->app, app);
  /* The application is set once, after construction: its settings then
   * give the window its size and view. */
  if (app != NULL && self->settings == NULL)
    cpl_window_init_settings (self, cpl_application_get_settings (app));
  cpl_window_update_recent (self);
}

/* Unsaved changes ------------------------------------------------------- */

static void
cpl_window_clear_pending (CplWindow *self)
{
  self->pending = AFTER_NOTHING;
}

static gboolean
close_cb (gpointer data)
{
  CplWindow *self = data;

  self->closing = TRUE;
  gtk_window_close (GTK_WINDOW (self));
  return G_SOURCE_REMOVE;
}

static void
cpl_window_run_pending (CplWindow *self)
{
  AfterSave after = self->pending;

  self->pending = AFTER_NOTHING;
  switch (after)
    {
    case AFTER_NOTHING:
      break;
    case AFTER_CLOSE:
      /* from an idle: the dialog that asked is still finishing, and it
       * must not outlive the window it belongs to */
      g_idle_add_full (G_PRIORITY_DEFAULT, close_cb, g_object_ref (self), g_object_unref);
      break;
    case AFTER_QUIT:
      /* the next window with unsaved changes asks in turn */
      if (self->app != NULL)
        g_action_group_activate_action (G_ACTION_GROUP (self->app), "quit", NULL);
      break;
    default:
      g_assert_not_reached ();
    }
}

/* Saves to the file the dataset came from, or asks where; then goes on
 * with what was pending. */
static void
cpl_window_save_then (CplWindow *self)
{
  GFile *file = cpl_window_get_file (self);

  if (!can_save_in_place (file))
    {
      cpl_window_choose_save_file (self);
      return;
    }
  cpl_window_save_to (self, file);
}

static void
save_dialog_response_cb (CplWindow  *self,
                         const char *response)
{
  g_clear_weak_pointer (&self->save_dialog);
  if (g_str_equal (response, "save"))
    cpl_window_save_then (self);
  else if (g_str_equal (response, "discard"))
    {
      cpl_document_discard_changes (self->document);
      cpl_window_run_pending (self);
    }
  else
    cpl_window_clear_pending (self);
}

/* Does @after at once when nothing is unsaved, or once the user has
 * saved or discarded the changes; nothing when the user cancels. */
static void
cpl_window_ask_to_save (CplWindow *self,
                        AfterSave  after)
{
  GFile *current;
  GtkWidget *dialog;

  if (self->save_dialog != NULL)
    {
      gtk_window_present (GTK_WINDOW (self->save_dialog));
      return;
    }
  if (self->chooser != NULL)
    return;

  self->pending = after;
  if (!cpl_document_get_modified (self->document))
    {
      cpl_window_run_pending (self);
      return;
    }

  current = cpl_window_get_file (self);
  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Save Changes?"), NULL);
  if (current != NULL)
    {
      g_autofree char *name = file_display_name (current);

      adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog),
                                      _("“%s” has unsaved changes. Changes that are not saved will be lost."),
                                      name);
    }
  else
    adw_message_dialog_set_body (ADW_MESSAGE_DIALOG (dialog),
                                 _("The dataset has unsaved changes. Changes that are not saved will be lost."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "discard", _("_Discard"),
                                    "save", _("_Save"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "discard", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "save", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "save");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (save_dialog_response_cb), self, G_CONNECT_SWAPPED);
  g_set_weak_pointer (&self->save_dialog, dialog);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* The file choosers -------------------------------------------------------- */

static GtkFileFilter *
dataset_filter_new (void)
{
  GtkFileFilter *filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("Chip Policy Lab datasets"));
  gtk_file_filter_add_suffix (filter, "json");
  gtk_file_filter_add_mime_type (filter, "application/json");
  return filter;
}

static void
open_chooser_response_cb (CplWindow *self,
                          int        response)
{
  g_autoptr(GtkFileChooserNative) chooser = g_steal_pointer (&self->chooser);
  g_autoptr(GFile) file = NULL;

  if (response != GTK_RESPONSE_ACCEPT)
    return;
  file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  if (file != NULL)
    cpl_window_open_file (self, file);
}

static void
open_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  CplWindow *self = CPL_WINDOW (widget);
  GFile *current = cpl_window_get_file (self);
  g_autoptr(GtkFileFilter) datasets = dataset_filter_new ();
  g_autoptr(GtkFileFilter) tables = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();

  if (self->chooser != NULL || self->save_dialog != NULL)
    return;

  gtk_file_filter_set_name (tables, _("Epoch AI hardware tables"));
  gtk_file_filter_add_suffix (tables, "csv");
  gtk_file_filter_add_mime_type (tables, "text/csv");
  gtk_file_filter_set_name (all, _("All files"));
  gtk_file_filter_add_pattern (all, "*");

  self->chooser = gtk_file_chooser_native_new (_("Open Dataset"), GTK_WINDOW (self),
                                               GTK_FILE_CHOOSER_ACTION_OPEN,
                                               _("_Open"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), datasets);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), tables);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), all);
  if (current != NULL)
    {
      g_autoptr(GFile) folder = g_file_get_parent (current);

      if (folder != NULL)
        gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (self->chooser), folder, NULL);
    }
  g_signal_connect_object (self->chooser, "response", G_CALLBACK (open_chooser_response_cb), self, G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static void
save_chooser_response_cb (CplWindow *self,
                          int        response)
{
  g_autoptr(GtkFileChooserNative) chooser = g_steal_pointer (&self->chooser);
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  if (file == NULL)
    {
      cpl_window_clear_pending (self);
      return;
    }
  cpl_window_save_to (self, file);
}

/* Asks where to save, then saves and goes on with what was pending. */
static void
cpl_window_choose_save_file (CplWindow *self)
{
  GFile *current = cpl_window_get_file (self);
  g_autoptr(GtkFileFilter) datasets = dataset_filter_new ();

  if (self->chooser != NULL)
    return;

  self->chooser = gtk_file_chooser_native_new (_("Save Dataset"), GTK_WINDOW (self),
                                               GTK_FILE_CHOOSER_ACTION_SAVE,
                                               _("_Save"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), datasets);
  if (can_save_in_place (current))
    gtk_file_chooser_set_file (GTK_FILE_CHOOSER (self->chooser), current, NULL);
  else
    {
      g_autofree char *name = NULL;

      if (current != NULL)
        {
          /* beside the table it came from, as name.json */
          g_autoptr(GFile) folder = g_file_get_parent (current);
          g_autofree char *basename = file_display_name (current);
          char *dot = strrchr (basename, '.');

          if (dot != NULL && dot != basename)
            *dot = '\0';
          name = g_strconcat (basename, ".json", NULL);
          if (folder != NULL)
            gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (self->chooser), folder, NULL);
        }
      else
        name = g_strconcat (_("Unsaved Dataset"), ".json", NULL);
      gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->chooser), name);
    }
  g_signal_connect_object (self->chooser, "response", G_CALLBACK (save_chooser_response_cb), self, G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

/* Actions ------------------------------------------------------------------ */

static void
save_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  CplWindow *self = CPL_WINDOW (widget);

  if (self->chooser != NULL || self->save_dialog != NULL)
    return;
  cpl_window_clear_pending (self);
  cpl_window_save_then (self);
}

static void
save_as_activated (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  CplWindow *self = CPL_WINDOW (widget);

  if (self->chooser != NULL || self->save_dialog != NULL)
    return;
  cpl_window_clear_pending (self);
  cpl_window_choose_save_file (self);
}

/* The view that shows @entity: its name in the stack, and its title. */
static const char *
view_of (CplEntity   *entity,
         const char **title)
{
  if (CPL_IS_SCENARIO (entity))
    {
      *title = _("Scenarios");
      return "scenarios";
    }
  if (CPL_IS_REVENUE_CASE (entity))
    {
      *title = _("Revenue Share");
      return "revenue";
    }
  *title = _("Chips");                 /* chips, vendors, rules */
  return "chips";
}

/* After an undo or redo: when what changed is in a view not shown (Ctrl+Z
 * in Chips took a sale line back to 15% unseen), a toast says where, with
 * a button that shows it. */
static void
cpl_window_say_restored (CplWindow *self,
                         gboolean   redone)
{
  CplEntity *entity = cpl_history_get_restored (self->history);
  const char *title = NULL;
  const char *view;
  g_autofree char *name = NULL;
  g_autofree char *text = NULL;
  AdwToast *toast;

  if (entity == NULL)
    return;
  view = view_of (entity, &title);
  if (g_strcmp0 (adw_view_stack_get_visible_child_name (self->stack), view) == 0)
    return;
  name = cpl_format_excerpt (cpl_entity_get_name (entity));
  text = redone ? /* Translators: a toast after Ctrl+Shift+Z; %1$s is an entry's name, %2$s a view ("Revenue Share") */
                  g_strdup_printf (_("Redid a change to “%1$s” in %2$s"), name, title)
                : /* Translators: a toast after Ctrl+Z; %1$s is an entry's name, %2$s a view ("Revenue Share") */
                  g_strdup_printf (_("Undid a change to “%1$s” in %2$s"), name, title);
  toast = adw_toast_new (text);
  adw_toast_set_button_label (toast, _("_Show"));
  adw_toast_set_action_name (toast, "win.show-view");
  adw_toast_set_action_target_value (toast, g_variant_new_string (view));
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static void
undo_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  if (cpl_history_undo (CPL_WINDOW (widget)->history))
    cpl_window_say_restored (CPL_WINDOW (widget), FALSE);
}

static void
redo_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  if (cpl_history_redo (CPL_WINDOW (widget)->history))
    cpl_window_say_restored (CPL_WINDOW (widget), TRUE);
}

/* A "deleted" toast's Undo: the same history as Ctrl+Z, which puts the
 * entry back at most once. */
static void
undo_removal_activated (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  const char *type_name, *id;
  GType type;

  g_variant_get (parameter, "(&s&s)", &type_name, &id);
  type = g_type_from_name (type_name);
  if (g_type_is_a (type, CPL_TYPE_ENTITY))
    cpl_history_undo_removal (CPL_WINDOW (widget)->history, type, id);
}

/* Newer built-in data ---------------------------------------------------------- */

/* After a file has loaded: when it was made from older built-in data, a
 * bar offers the entries the user has not changed. */
static void
cpl_window_check_builtin (CplWindow *self)
{
  g_autoptr(GPtrArray) updates = cpl_builtin_find_updates (self->dataset);
  guint n = updates->len;

  if (n > 0)
    {
      g_autofree char *text = NULL;

      text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           /* Translators: %1$s is a date, the version of the built-in data */
                                           "This file was made with the built-in data of %1$s. %2$u entry you have not changed has newer built-in values.",
                                           "This file was made with the built-in data of %1$s. %2$u entries you have not changed have newer built-in values.",
                                           n),
                              cpl_builtin_get_made_from (self->dataset), n);
      gtk_label_set_label (self->builtin_label, text);
    }
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.update-builtin", n > 0);
  gtk_revealer_set_reveal_child (self->builtin_revealer, n > 0);
}

static void
cpl_window_hide_builtin (CplWindow *self)
{
  gtk_revealer_set_reveal_child (self->builtin_revealer, FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.update-builtin", FALSE);
}

static void
update_builtin_activated (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  CplWindow *self = CPL_WINDOW (widget);

  /* one step: Undo brings the file's entries back */
  cpl_builtin_apply_updates (self->dataset, self->history);
  cpl_window_hide_builtin (self);
}

static void
dismiss_builtin_activated (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *parameter)
{
  cpl_window_hide_builtin (CPL_WINDOW (widget));
}

static void
export_report_activated (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  cpl_scenarios_view_export_report (CPL_WINDOW (widget)->scenarios_view);
}

static void
show_view_activated (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  cpl_window_set_visible_view (CPL_WINDOW (widget), g_variant_get_string (parameter, NULL));
}

/* A file dropped on the window opens as if chosen. */
static gboolean
drop_cb (CplWindow     *self,
         const GValue  *value,
         double         x,
         double         y,
         GtkDropTarget *target)
{
  GFile *file = NULL;

  if (G_VALUE_HOLDS (value, GDK_TYPE_FILE_LIST))
    {
      GSList *files = gdk_file_list_get_files (g_value_get_boxed (value));

      if (files != NULL)
        file = files->data;
      g_slist_free (files);
    }
  else if (G_VALUE_HOLDS (value, G_TYPE_FILE))
    file = g_value_get_object (value);

  if (file == NULL)
    return FALSE;
  cpl_window_open_file (self, file);
  return TRUE;
}

/* Settings ----------------------------------------------------------------- */

/* Doubles the underscores of @text, which a menu label would take for
 * mnemonics. */
static char *
escape_underscores (const char *text)
{
  g_auto(GStrv) parts = g_strsplit (text, "_", -1);

  return g_strjoinv ("__", parts);
}

/* The last file opened or saved, if it still exists and is not the one
 * open now: offered in the primary menu, never reopened by itself. */
static GFile *
cpl_window_get_recent_file (CplWindow *self)
{
  g_autofree char *uri = NULL;
  g_autoptr(GFile) file = NULL;
  GFile *current = cpl_window_get_file (self);

  if (self->settings == NULL)
    return NULL;  /* before the application is set */
  uri = g_settings_get_string (self->settings, "last-file");
  if (uri == NULL || *uri == '\0')
    return NULL;
  file = g_file_new_for_uri (uri);
  if ((current != NULL && g_file_equal (current, file)) || !g_file_query_exists (file, NULL))
    return NULL;
  return g_steal_pointer (&file);
}

static void
cpl_window_update_recent (CplWindow *self)
{
  g_autoptr(GFile) file = NULL;

  if (self->recent_section == NULL)
    return;
  file = cpl_window_get_recent_file (self);
  g_menu_remove_all (self->recent_section);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.open-recent", file != NULL);
  if (file != NULL)
    {
      g_autofree char *name = file_display_name (file);
      g_autofree char *escaped = escape_underscores (name);
      /* Translators: a menu item; %s is the name of the file last opened or saved */
      g_autofree char *label = g_strdup_printf (_("Open _Recent: %s"), escaped);

      g_menu_append (self->recent_section, label, "win.open-recent");
    }
}

static void
open_recent_activated (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  CplWindow *self = CPL_WINDOW (widget);
  g_autoptr(GFile) file = cpl_window_get_recent_file (self);

  if (file != NULL)
    cpl_window_open_file (self, file);
}

static void
cpl_window_save_view (CplWindow *self)
{
  const char *name = adw_view_stack_get_visible_child_name (self->stack);

  if (name != NULL)
    g_settings_set_string (self->settings, "last-view", name);
}

/* The size the window had, and the view it showed, when it was last
 * closed. */
static void
cpl_window_restore_state (CplWindow *self)
{
  g_autofree char *view = NULL;
  int width;
  int height;

  width = g_settings_get_int (self->settings, "window-width");
  height = g_settings_get_int (self->settings, "window-height");
  if (width > 0 && height > 0)
    gtk_window_set_default_size (GTK_WINDOW (self), width, height);
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));
  view = g_settings_get_string (self->settings, "last-view");
  if (adw_view_stack_get_child_by_name (self->stack, view) != NULL)
    adw_view_stack_set_visible_child_name (self->stack, view);
}

static void
cpl_window_save_state (CplWindow *self)
{
  int width;
  int height;

  if (self->settings == NULL)
    return;  /* closed before the application was set */
  /* the size it has unmaximized */
  gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);
  g_settings_delay (self->settings);
  if (width > 0 && height > 0)
    {
      g_settings_set_int (self->settings, "window-width", width);
      g_settings_set_int (self->settings, "window-height", height);
    }
  g_settings_set_boolean (self->settings, "window-maximized", gtk_window_is_maximized (GTK_WINDOW (self)));
  g_settings_apply (self->settings);
  cpl_window_save_view (self);
}

/* The Chips view's cost of compute starts at the preferred electricity
 * price, and follows it when it changes in the preferences. */
static void
cpl_window_electricity_price_changed (CplWindow *self)
{
  if (self->chips_view != NULL && self->settings != NULL)
    cpl_chips_view_set_electricity_price (self->chips_view,
                                          g_settings_get_double (self->settings, "electricity-price"));
}

/* The last file opened or saved, for "Open Recent" (never reopened by
 * itself: startup stays predictable). */
static void
cpl_window_file_changed (CplWindow *self)
{
  GFile *file = cpl_window_get_file (self);

  if (self->settings != NULL && file != NULL)
    {
      g_autofree char *uri = g_file_get_uri (file);

      g_settings_set_string (self->settings, "last-file", uri);
    }
  cpl_window_update_recent (self);
}

static void
cpl_window_init_settings (CplWindow *self,
                          GSettings *settings)
{
  g_set_object (&self->settings, settings);
  cpl_window_restore_state (self);
  g_signal_connect_object (self->settings, "changed::electricity-price",
                           G_CALLBACK (cpl_window_electricity_price_changed), self, G_CONNECT_SWAPPED);
  cpl_window_electricity_price_changed (self);
  g_signal_connect_object (self->stack, "notify::visible-child",
                           G_CALLBACK (cpl_window_save_view), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->settings, "changed::last-file",
                           G_CALLBACK (cpl_window_update_recent), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->document, "notify::file",
                           G_CALLBACK (cpl_window_file_changed), self, G_CONNECT_SWAPPED);
}

/* GObject -------------------------------------------------------------- */

static void
cpl_window_busy_changed (CplWindow *self)
{
  if (self->close_after_busy && !cpl_document_get_busy (self->document))
    {
      self->close_after_busy = FALSE;
      gtk_window_close (GTK_WINDOW (self));
    }
}

static gboolean
cpl_window_close_request (GtkWindow *window)
{
  CplWindow *self = CPL_WINDOW (window);

  if (!self->closing && cpl_document_get_busy (self->document))
    {
      /* a load under way stops, a save finishes first; then the window
       * closes, or asks about what is still unsaved */
      if (self->load_cancellable != NULL)
        g_cancellable_cancel (self->load_cancellable);
      self->close_after_busy = TRUE;
      return TRUE;
    }
  if (!self->closing && cpl_document_get_modified (self->document))
    {
      cpl_window_ask_to_save (self, AFTER_CLOSE);
      return TRUE;
    }
  cpl_window_save_state (self);
  return GTK_WINDOW_CLASS (cpl_window_parent_class)->close_request (window);
}

/* The Chips and Revenue views are made, and get the dataset to build
 * their tables, rule columns and charts, when first shown: not before
 * the first frame (their widget trees were an eighth of the start, and
 * the view stack measured them though hidden; with 50 rules the chips
 * table's columns took as long as the rest of the start).  Their pages
 * hold an empty AdwBin until then.  The Scenarios view, the first one,
 * is in the template and gets the dataset at once. */
static void
cpl_window_visible_view_changed (CplWindow *self)
{
  GtkWidget *visible = adw_view_stack_get_visible_child (self->stack);

  if (self->dataset == NULL)
    return;  /* disposed: no view is made any more */
  if (visible == GTK_WIDGET (self->chips_page))
    cpl_window_get_chips_view (self);
  else if (visible == GTK_WIDGET (self->revenue_page))
    cpl_window_get_revenue_view (self);
}

/* The Scenarios view gets the dataset when the window first shows its
 * views: as it is shown, or for a window made for a file (its views wait
 * behind the file's page) once the file is in, so that they are filled
 * once, with the file's data, not with the built-in data first. */
static void
cpl_window_bind_scenarios (CplWindow *self)
{
  if (self->scenarios_bound || !gtk_widget_get_visible (GTK_WIDGET (self->stack)))
    return;
  self->scenarios_bound = TRUE;
  cpl_scenarios_view_set_dataset (self->scenarios_view, self->dataset);
}

static void
cpl_window_map (GtkWidget *widget)
{
  cpl_window_bind_scenarios (CPL_WINDOW (widget));
  GTK_WIDGET_CLASS (cpl_window_parent_class)->map (widget);
}

static void
cpl_window_constructed (GObject *object)
{
  CplWindow *self = CPL_WINDOW (object);

  G_OBJECT_CLASS (cpl_window_parent_class)->constructed (object);

  if (self->document == NULL)
    self->document = cpl_document_new ();
  self->dataset = g_object_ref (cpl_document_get_dataset (self->document));
  self->history = g_object_ref (cpl_document_get_history (self->document));
  g_signal_connect_object (self->stack, "notify::visible-child",
                           G_CALLBACK (cpl_window_visible_view_changed), self, G_CONNECT_SWAPPED);
  cpl_window_visible_view_changed (self);

  g_signal_connect_object (self->document, "notify::modified",
                           G_CALLBACK (cpl_window_update_title), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->document, "notify::file",
                           G_CALLBACK (cpl_window_update_title), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->document, "loaded",
                           G_CALLBACK (cpl_window_check_builtin), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->document, "notify::busy",
                           G_CALLBACK (cpl_window_busy_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->history, "notify::can-undo",
                           G_CALLBACK (cpl_window_update_actions), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->history, "notify::can-redo",
                           G_CALLBACK (cpl_window_update_actions), self, G_CONNECT_SWAPPED);
  cpl_window_update_actions (self);
  cpl_window_update_title (self);
  /* a document opened before the window was made */
  cpl_window_check_builtin (self);
}

static void
cpl_window_dispose (GObject *object)
{
  CplWindow *self = CPL_WINDOW (object);

  g_clear_weak_pointer (&self->app);
  g_clear_weak_pointer (&self->save_dialog);
  g_clear_handle_id (&self->file_label_idle_id, g_source_remove);
  g_clear_handle_id (&self->switcher_bar_idle_id, g_source_remove);
  g_clear_handle_id (&self->load_reveal_id, g_source_remove);
  g_clear_handle_id (&self->load_poll_id, g_source_remove);
  if (self->load_cancellable != NULL)
    g_cancellable_cancel (self->load_cancellable);
  g_clear_object (&self->load_cancellable);
  g_clear_object (&self->loading_file);
  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  g_clear_object (&self->settings);
  g_clear_object (&self->history);
  g_clear_object (&self->dataset);
  g_clear_object (&self->document);
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
    case PROP_DOCUMENT:
      g_value_set_object (value, CPL_WINDOW (object)->document);
      break;
    case PROP_LOADING:
      g_value_set_boolean (value, cpl_window_get_loading (CPL_WINDOW (object)));
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
    case PROP_DOCUMENT:
      CPL_WINDOW (object)->document = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

/* The shortcuts window, made when first asked for (GTK would build it
 * from gtk/help-overlay.ui for every window at its start). */
static void
show_help_overlay_activated (GtkWidget  *widget,
                             const char *action_name,
                             GVariant   *parameter)
{
  GtkApplicationWindow *window = GTK_APPLICATION_WINDOW (widget);
  GtkShortcutsWindow *overlay = gtk_application_window_get_help_overlay (window);

  if (overlay == NULL)
    {
      g_autoptr(GtkBuilder) builder = gtk_builder_new_from_resource (RESOURCE_BASE "/cpl-shortcuts.ui");

      overlay = GTK_SHORTCUTS_WINDOW (gtk_builder_get_object (builder, "help_overlay"));
      gtk_application_window_set_help_overlay (window, overlay);
    }
  gtk_window_present (GTK_WINDOW (overlay));
}

static void
cpl_window_class_init (CplWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->constructed = cpl_window_constructed;
  object_class->dispose = cpl_window_dispose;
  object_class->get_property = cpl_window_get_property;
  object_class->set_property = cpl_window_set_property;
  widget_class->size_allocate = cpl_window_size_allocate;
  widget_class->map = cpl_window_map;
  window_class->close_request = cpl_window_close_request;

  /* The document the window shows; NULL at construction: a new untitled
   * one with the built-in data. */
  properties[PROP_DOCUMENT] =
    g_param_spec_object ("document", NULL, NULL, CPL_TYPE_DOCUMENT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  /* From the start of cpl_window_load_file() until its result is applied
   * and the views show it (or it failed or was cancelled). */
  properties[PROP_LOADING] =
    g_param_spec_boolean ("loading", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (CPL_TYPE_SCENARIOS_VIEW);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/cpl-window.ui");
  gtk_widget_class_bind_template_child (widget_class, CplWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, CplWindow, switcher_title);
  gtk_widget_class_bind_template_child (widget_class, CplWindow, scenarios_view);
  gtk_widget_class_bind_template_child (widget_class, CplWindow, chips_page);
  gtk_widget_class_bind_template_child (widget_class, CplWindow, revenue_page);
  gtk_widget_class_bind_template_child (widget_class, CplWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, CplWindow, file_label);
  gtk_widget_class_bind_template_child (widget_class, CplWindow, recent_section);
  gtk_widget_class_bind_template_child (widget_class, CplWindow, menu_button);
  gtk_widget_class_bind_template_child (widget_class, CplWindow, primary_menu);
  gtk_widget_class_bind_template_child (widget_class, CplWindow, builtin_revealer);
  gtk_widget_class_bind_template_child (widget_class, CplWindow, builtin_label);

  gtk_widget_class_install_action (widget_class, "win.open", NULL, open_activated);
  gtk_widget_class_install_action (widget_class, "win.save", NULL, save_activated);
  gtk_widget_class_install_action (widget_class, "win.save-as", NULL, save_as_activated);
  gtk_widget_class_install_action (widget_class, "win.open-recent", NULL, open_recent_activated);
  gtk_widget_class_install_action (widget_class, "win.undo", NULL, undo_activated);
  gtk_widget_class_install_action (widget_class, "win.update-builtin", NULL, update_builtin_activated);
  gtk_widget_class_install_action (widget_class, "win.dismiss-builtin", NULL, dismiss_builtin_activated);
  gtk_widget_class_install_action (widget_class, "win.redo", NULL, redo_activated);
  gtk_widget_class_install_action (widget_class, "win.undo-removal", "(ss)", undo_removal_activated);
  gtk_widget_class_install_action (widget_class, "win.cancel-load", NULL, cancel_load_activated);
  gtk_widget_class_install_action (widget_class, "win.show-help-overlay", NULL, show_help_overlay_activated);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "win.cancel-load", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_o, GDK_CONTROL_MASK, "win.open", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "win.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.save-as", NULL);
  /* Bound to the window, so that a focused text field undoes its own
   * typing first. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK, "win.undo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.redo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_w, GDK_CONTROL_MASK, "window.close", NULL);

  /* Ctrl+1…3 show the views in switcher order */
  gtk_widget_class_install_action (widget_class, "win.export-report", NULL, export_report_activated);
  gtk_widget_class_install_action (widget_class, "win.show-view", "s", show_view_activated);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_1, GDK_CONTROL_MASK, "win.show-view", "s", "scenarios");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_2, GDK_CONTROL_MASK, "win.show-view", "s", "chips");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_3, GDK_CONTROL_MASK, "win.show-view", "s", "revenue");
}

/* The view switcher along the bottom, for a window too narrow for the
 * header's: made once the header has first given way to the title, after
 * that frame (a wide window's first frame made it, styled, and never
 * showed it).  It shows while the title does, and is hidden with the
 * views while a file loads over them. */
static gboolean
add_switcher_bar (gpointer data)
{
  CplWindow *self = data;
  GtkWidget *content = gtk_widget_get_parent (GTK_WIDGET (self->stack));
  GtkWidget *bar = adw_view_switcher_bar_new ();

  self->switcher_bar_idle_id = 0;
  adw_view_switcher_bar_set_stack (ADW_VIEW_SWITCHER_BAR (bar), self->stack);
  g_object_bind_property (self->switcher_title, "title-visible", bar, "reveal", G_BINDING_SYNC_CREATE);
  gtk_widget_set_visible (bar, gtk_widget_get_visible (GTK_WIDGET (self->stack)));
  gtk_box_append (GTK_BOX (content), bar);
  self->switcher_bar = bar;
  return G_SOURCE_REMOVE;
}

static void
cpl_window_title_visible_changed (CplWindow *self)
{
  if (self->switcher_bar == NULL && self->switcher_bar_idle_id == 0 &&
      adw_view_switcher_title_get_title_visible (self->switcher_title))
    self->switcher_bar_idle_id = g_idle_add (add_switcher_bar, self);
}

static void
cpl_window_init (CplWindow *self)
{
  GtkDropTarget *target;

  gtk_widget_init_template (GTK_WIDGET (self));
  /* "_Open" and the views' buttons: named by the words they show */
  cpl_buttons_name_by_label (GTK_WIDGET (self));
  cpl_menu_button_set_menu_when_opened (self->menu_button, self->primary_menu);
  g_signal_connect_object (self->switcher_title, "notify::title-visible",
                           G_CALLBACK (cpl_window_queue_file_label), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->switcher_title, "notify::title-visible",
                           G_CALLBACK (cpl_window_title_visible_changed), self, G_CONNECT_SWAPPED);

  target = gtk_drop_target_new (G_TYPE_INVALID, GDK_ACTION_COPY);
  gtk_drop_target_set_gtypes (target, (GType[2]) { GDK_TYPE_FILE_LIST, G_TYPE_FILE }, 2);
  g_signal_connect_object (target, "drop", G_CALLBACK (drop_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (target));

  g_signal_connect (self, "notify::application", G_CALLBACK (cpl_window_application_changed), NULL);
}

/* Public ------------------------------------------------------------------- */

/**
 * cpl_window_new:
 *
 * Returns: (transfer none): a window on a new untitled document
 */
CplWindow *
cpl_window_new (CplApplication *application)
{
  return cpl_window_new_for_document (application, NULL);
}

/**
 * cpl_window_new_for_document:
 * @document: (nullable): what to show; %NULL: a new untitled document
 */
CplWindow *
cpl_window_new_for_document (CplApplication *application,
                             CplDocument    *document)
{
  return g_object_new (CPL_TYPE_WINDOW,
                       "application", application,
                       "document", document,
                       NULL);
}

/* Returns: (transfer none): the document the window shows */
CplDocument *
cpl_window_get_document (CplWindow *self)
{
  g_return_val_if_fail (CPL_IS_WINDOW (self), NULL);
  return self->document;
}

/* Puts @view, new, in @page: named as the template's buttons are, with
 * the window's dataset. */
static GtkWidget *
cpl_window_add_view (CplWindow *self,
                     AdwBin    *page,
                     GType      type)
{
  GtkWidget *view = g_object_new (type, NULL);

  adw_bin_set_child (page, view);
  cpl_buttons_name_by_label (view);
  return view;
}

/**
 * cpl_window_get_chips_view:
 *
 * The Chips view, made with the window's dataset when first shown or
 * first asked for.
 *
 * Returns: (transfer none): the Chips view
 */
CplChipsView *
cpl_window_get_chips_view (CplWindow *self)
{
  g_return_val_if_fail (CPL_IS_WINDOW (self), NULL);

  if (self->chips_view == NULL)
    {
      self->chips_view = CPL_CHIPS_VIEW (cpl_window_add_view (self, self->chips_page, CPL_TYPE_CHIPS_VIEW));
      cpl_window_electricity_price_changed (self);
      cpl_chips_view_set_dataset (self->chips_view, self->dataset);
    }
  return self->chips_view;
}

/**
 * cpl_window_get_revenue_view:
 *
 * The Revenue Share view, made with the window's dataset when first
 * shown or first asked for.
 *
 * Returns: (transfer none): the Revenue Share view
 */
CplRevenueView *
cpl_window_get_revenue_view (CplWindow *self)
{
  g_return_val_if_fail (CPL_IS_WINDOW (self), NULL);

  if (self->revenue_view == NULL)
    {
      self->revenue_view = CPL_REVENUE_VIEW (cpl_window_add_view (self, self->revenue_page, CPL_TYPE_REVENUE_VIEW));
      cpl_revenue_view_set_dataset (self->revenue_view, self->dataset);
    }
  return self->revenue_view;
}

/* Whether the Chips or Revenue Share view (@name "chips", "revenue")
 * has been made; the Scenarios view always is. */
gboolean
cpl_window_has_view (CplWindow  *self,
                     const char *name)
{
  g_return_val_if_fail (CPL_IS_WINDOW (self), FALSE);

  if (g_strcmp0 (name, "chips") == 0)
    return self->chips_view != NULL;
  if (g_strcmp0 (name, "revenue") == 0)
    return self->revenue_view != NULL;
  return g_strcmp0 (name, "scenarios") == 0;
}

void
cpl_window_set_visible_view (CplWindow  *self,
                             const char *name)
{
  g_return_if_fail (CPL_IS_WINDOW (self));
  adw_view_stack_set_visible_child_name (self->stack, name);
}

/* Loading a file ------------------------------------------------------------ */

#define LOAD_REVEAL_MS 150  /* a load that ends sooner shows nothing */
#define LOAD_POLL_MS   250  /* the progress bar follows the thread this often */

/* Another window of the application, where to say what happened to a
 * window that goes; NULL when there is none. */
static CplWindow *
cpl_window_find_other (CplWindow *self)
{
  GtkApplication *application = gtk_window_get_application (GTK_WINDOW (self));

  if (application != NULL)
    for (GList *l = gtk_application_get_windows (application); l != NULL; l = l->next)
      if (l->data != (gpointer) self && CPL_IS_WINDOW (l->data))
        return l->data;
  return NULL;
}

static GtkWidget *
load_cancel_button_new (void)
{
  GtkWidget *button = gtk_button_new_with_mnemonic (_("_Cancel"));

  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "win.cancel-load");
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  return button;
}

/* The strip over the views (libadwaita 1.2 has no AdwBanner) and the
 * page instead of them, made at the first load: a start without a file
 * builds neither. */
static void
cpl_window_ensure_load_widgets (CplWindow *self)
{
  GtkWidget *content = gtk_widget_get_parent (GTK_WIDGET (self->stack));
  GtkWidget *strip, *row, *page, *button;

  if (self->load_strip != NULL)
    return;

  /* "Opening “x.json”…  Cancel", a thin bar along its lower edge */
  row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  gtk_widget_add_css_class (row, "toolbar");
  self->load_strip_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_ellipsize (self->load_strip_label, PANGO_ELLIPSIZE_MIDDLE);
  gtk_label_set_xalign (self->load_strip_label, 0);
  gtk_widget_set_hexpand (GTK_WIDGET (self->load_strip_label), TRUE);
  gtk_widget_set_margin_start (GTK_WIDGET (self->load_strip_label), 6);
  gtk_box_append (GTK_BOX (row), GTK_WIDGET (self->load_strip_label));
  gtk_box_append (GTK_BOX (row), load_cancel_button_new ());
  strip = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_box_append (GTK_BOX (strip), row);
  self->load_strip_bar = GTK_PROGRESS_BAR (gtk_progress_bar_new ());
  gtk_widget_add_css_class (GTK_WIDGET (self->load_strip_bar), "osd");
  gtk_box_append (GTK_BOX (strip), GTK_WIDGET (self->load_strip_bar));
  self->load_strip = GTK_REVEALER (gtk_revealer_new ());
  gtk_widget_set_name (GTK_WIDGET (self->load_strip), "load-strip");
  gtk_revealer_set_transition_type (self->load_strip, GTK_REVEALER_TRANSITION_TYPE_SLIDE_DOWN);
  gtk_revealer_set_child (self->load_strip, strip);
  gtk_box_insert_child_after (GTK_BOX (content), GTK_WIDGET (self->load_strip),
                              GTK_WIDGET (self->builtin_revealer));

  page = gtk_box_new (GTK_ORIENTATION_VERTICAL, 24);
  gtk_widget_set_halign (page, GTK_ALIGN_CENTER);
  self->load_page_bar = GTK_PROGRESS_BAR (gtk_progress_bar_new ());
  gtk_widget_set_size_request (GTK_WIDGET (self->load_page_bar), 240, -1);
  gtk_box_append (GTK_BOX (page), GTK_WIDGET (self->load_page_bar));
  button = load_cancel_button_new ();
  gtk_widget_set_halign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "pill");
  gtk_box_append (GTK_BOX (page), button);
  self->load_status = ADW_STATUS_PAGE (adw_status_page_new ());
  adw_status_page_set_icon_name (self->load_status, "document-open-symbolic");
  adw_status_page_set_child (self->load_status, page);
  self->load_page_revealer = GTK_REVEALER (gtk_revealer_new ());
  gtk_widget_set_name (GTK_WIDGET (self->load_page_revealer), "load-page");
  gtk_revealer_set_transition_type (self->load_page_revealer, GTK_REVEALER_TRANSITION_TYPE_NONE);
  gtk_widget_set_vexpand (GTK_WIDGET (self->load_page_revealer), TRUE);
  gtk_widget_set_visible (GTK_WIDGET (self->load_page_revealer), FALSE);
  gtk_revealer_set_child (self->load_page_revealer, GTK_WIDGET (self->load_status));
  gtk_box_insert_child_after (GTK_BOX (content), GTK_WIDGET (self->load_page_revealer),
                              GTK_WIDGET (self->stack));
}

static gboolean
load_poll_cb (gpointer data)
{
  CplWindow *self = data;
  double fraction = cpl_document_get_load_progress (self->document);

  gtk_progress_bar_set_fraction (self->load_strip_bar, fraction);
  gtk_progress_bar_set_fraction (self->load_page_bar, fraction);
  return G_SOURCE_CONTINUE;
}

/* 150 ms into a load: its progress shows, on the page or in the strip. */
static gboolean
load_reveal_cb (gpointer data)
{
  CplWindow *self = data;

  self->load_reveal_id = 0;
  load_poll_cb (self);
  self->load_poll_id = g_timeout_add (LOAD_POLL_MS, load_poll_cb, self);
  gtk_revealer_set_reveal_child (self->load_page ? self->load_page_revealer : self->load_strip, TRUE);
  return G_SOURCE_REMOVE;
}

/* The views take no pointer, key or focus while a file loads: an edit
 * would be lost when the file's data replaces theirs. */
static void
cpl_window_set_views_input (CplWindow *self,
                            gboolean   input)
{
  GtkWidget *stack = GTK_WIDGET (self->stack);
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self));

  if (!input && focus != NULL && gtk_widget_is_ancestor (focus, stack))
    gtk_root_set_focus (GTK_ROOT (self), NULL);
  gtk_widget_set_can_target (stack, input);
  gtk_widget_set_can_focus (stack, input);
}

/* The view switchers under @widget (the header's, wide and narrow) take
 * clicks, or are greyed; the title beside them stays as it is. */
static void
set_switchers_sensitive (GtkWidget *widget,
                         gboolean   sensitive)
{
  if (ADW_IS_VIEW_SWITCHER (widget))
    {
      gtk_widget_set_sensitive (widget, sensitive);
      return;
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    set_switchers_sensitive (child, sensitive);
}

static void
cpl_window_end_load (CplWindow *self)
{
  g_clear_handle_id (&self->load_reveal_id, g_source_remove);
  g_clear_handle_id (&self->load_poll_id, g_source_remove);
  g_clear_object (&self->load_cancellable);
  g_clear_object (&self->loading_file);
  gtk_revealer_set_reveal_child (self->load_strip, FALSE);
  gtk_revealer_set_reveal_child (self->load_page_revealer, FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->load_page_revealer), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->stack), TRUE);
  if (self->switcher_bar != NULL)
    gtk_widget_set_visible (self->switcher_bar, TRUE);
  /* a window made for the file fills its views now, once */
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    cpl_window_bind_scenarios (self);
  set_switchers_sensitive (GTK_WIDGET (self->switcher_title), TRUE);
  cpl_window_set_views_input (self, TRUE);
  self->load_page = FALSE;
  cpl_window_update_actions (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
}

static void
load_done_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(CplWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  gboolean made_for_file = self->load_page;
  CplWindow *other;

  cpl_document_load_finish (CPL_DOCUMENT (object), result, &error);
  /* a load another one replaced, or a window that is gone */
  if (g_task_get_cancellable (G_TASK (result)) != self->load_cancellable)
    return;
  /* loaded: the document has spliced the data in, and the views show it */
  cpl_window_end_load (self);
  if (error == NULL)
    return;

  /* A window made for the file goes when the file does not come, if
   * another one is left; else it keeps the built-in data.  A cancelled
   * load says nothing. */
  other = made_for_file ? cpl_window_find_other (self) : NULL;
  if (other != NULL)
    gtk_window_close (GTK_WINDOW (self));
  if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    cpl_window_show_open_error (other != NULL ? other : self, error);
}

static void
cancel_load_activated (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  CplWindow *self = CPL_WINDOW (widget);

  if (self->load_cancellable != NULL)
    g_cancellable_cancel (self->load_cancellable);
}

/**
 * cpl_window_load_file:
 *
 * Reads @file into the window's document, in the background: once it is
 * read and valid it replaces the data (laid over the built-in dataset);
 * a file that does not load shows its message in a dialog and leaves the
 * data as it was.  cpl_window_open_file() decides which window a file
 * goes to.
 *
 * A window already shown keeps its views in sight, without input, and
 * after 150 ms shows a strip over them with the file's name, the
 * progress and Cancel.  A window not shown yet (made for the file) shows
 * a page instead of the views until the file is in: after 150 ms its
 * name, the progress and Cancel.  Cancel (or Escape) stops the load and
 * changes nothing; a window made for the file then closes if another
 * window is left.  #CplWindow:loading is %TRUE meanwhile.
 */
void
cpl_window_load_file (CplWindow *self,
                      GFile     *file)
{
  g_autofree char *name = NULL;
  g_autofree char *title = NULL;
  g_autofree char *strip_text = NULL;
  gboolean was_loading;

  g_return_if_fail (CPL_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  /* the last file asked for wins */
  was_loading = self->load_cancellable != NULL;
  if (was_loading)
    g_cancellable_cancel (self->load_cancellable);
  g_clear_object (&self->load_cancellable);
  g_clear_handle_id (&self->load_reveal_id, g_source_remove);
  g_clear_handle_id (&self->load_poll_id, g_source_remove);
  self->load_cancellable = g_cancellable_new ();
  g_set_object (&self->loading_file, file);

  cpl_window_ensure_load_widgets (self);
  name = file_display_name (file);
  /* Translators: on the page shown while a file loads; %s is its name */
  title = g_strdup_printf (_("Opening “%s”"), name);
  /* Translators: over the views while a file loads; %s is its name */
  strip_text = g_strdup_printf (_("Opening “%s”…"), name);
  adw_status_page_set_title (self->load_status, title);
  gtk_label_set_label (self->load_strip_label, strip_text);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->load_page_bar), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->load_strip_bar), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
  gtk_progress_bar_set_fraction (self->load_page_bar, 0);
  gtk_progress_bar_set_fraction (self->load_strip_bar, 0);

  /* a window not shown yet was made for the file: not the built-in data
   * for a moment, then the file's */
  self->load_page = self->load_page || !gtk_widget_get_mapped (GTK_WIDGET (self));
  gtk_widget_set_visible (GTK_WIDGET (self->stack), !self->load_page);
  if (self->switcher_bar != NULL)
    gtk_widget_set_visible (self->switcher_bar, !self->load_page);
  gtk_widget_set_visible (GTK_WIDGET (self->load_page_revealer), self->load_page);
  /* the switcher stays where it is, greyed, over the load page: disabled,
   * it gave way to the title, and coming back (decided in the header's
   * allocation) it showed the title a frame longer than the file's data */
  set_switchers_sensitive (GTK_WIDGET (self->switcher_title), !self->load_page);
  cpl_window_set_views_input (self, FALSE);
  self->load_reveal_id = g_timeout_add (LOAD_REVEAL_MS, load_reveal_cb, self);
  cpl_window_update_actions (self);
  if (!was_loading)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);

  cpl_document_load_async (self->document, file, self->load_cancellable, load_done_cb, g_object_ref (self));
}

/* Whether a file is loading into the window: #CplWindow:loading. */
gboolean
cpl_window_get_loading (CplWindow *self)
{
  g_return_val_if_fail (CPL_IS_WINDOW (self), FALSE);
  return self->load_cancellable != NULL;
}

/* Returns: (transfer none) (nullable): the file loading into the window */
GFile *
cpl_window_get_loading_file (CplWindow *self)
{
  g_return_val_if_fail (CPL_IS_WINDOW (self), NULL);
  return self->loading_file;
}

/**
 * cpl_window_open_file:
 *
 * Opens @file as the user asked from this window: the window that shows
 * it already comes forward; an untouched untitled window takes it; else
 * it opens in a new window.
 */
void
cpl_window_open_file (CplWindow *self,
                      GFile     *file)
{
  g_return_if_fail (CPL_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  if (self->app != NULL)
    cpl_application_open_file (self->app, file, self);
  else
    cpl_window_load_file (self, file);
}

/* What a failed save means, in the user's words, with what to do. */
static char *
save_error_body (GFile        *file,
                 const GError *error)
{
  g_autofree char *name = file_display_name (file);

  if (error->domain == G_IO_ERROR)
    switch (error->code)
      {
      case G_IO_ERROR_NO_SPACE:
        return g_strdup_printf (_("“%s” was not saved because the disk is full. The file is as it was before. Free some space, or save the dataset somewhere else."), name);
      case G_IO_ERROR_PERMISSION_DENIED:
      case G_IO_ERROR_READ_ONLY:
        return g_strdup_printf (_("“%s” was not saved because that folder or disk cannot be written to. The file is as it was before. Save the dataset somewhere else."), name);
      case G_IO_ERROR_NOT_FOUND:
      case G_IO_ERROR_NOT_DIRECTORY:
        return g_strdup_printf (_("“%s” was not saved because its folder does not exist. Save the dataset in another folder."), name);
      case G_IO_ERROR_IS_DIRECTORY:
      case G_IO_ERROR_NOT_REGULAR_FILE:
      case G_IO_ERROR_TOO_MANY_LINKS:
        return g_strdup_printf (_("“%s” was not saved because it is not a regular file (it is a folder, a device or a pipe). Nothing was written. Save the dataset as a file."), name);
      default:
        break;
      }
  /* Translators: %1$s is a file name, %2$s the system's reason */
  return g_strdup_printf (_("“%1$s” was not saved. The file is as it was before. Save the dataset somewhere else.\n\n%2$s"),
                          name, error->message);
}

static void
save_error_response_cb (CplWindow  *self,
                        const char *response)
{
  if (g_str_equal (response, "save-as"))
    cpl_window_choose_save_file (self);
  else
    cpl_window_clear_pending (self);
}

static void
cpl_window_show_save_error (CplWindow    *self,
                            GFile        *file,
                            const GError *error)
{
  g_autofree char *body = save_error_body (file, error);
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Could Not Save the File"), body);

  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "save-as", _("Save _As…"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "save-as", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "save-as");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (save_error_response_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

typedef struct {
  CplWindow *window;
  GFile     *file;
} SaveRequest;

static void
save_done_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  SaveRequest *request = user_data;
  CplWindow *self = request->window;
  g_autoptr(GError) error = NULL;

  if (!cpl_document_save_finish (CPL_DOCUMENT (object), result, &error))
    cpl_window_show_save_error (self, request->file, error);
  else
    cpl_window_run_pending (self);
  g_object_unref (request->window);
  g_object_unref (request->file);
  g_free (request);
}

/**
 * cpl_window_save_to:
 *
 * Saves the document to @file in the background (through a symbolic
 * link, keeping the old version as FILE~, the mode and the owner), which
 * becomes its file, with no unsaved changes.  On error the file on disk
 * and the document are as they were, and a dialog says why and offers
 * Save As.
 */
void
cpl_window_save_to (CplWindow *self,
                    GFile     *file)
{
  SaveRequest *request;

  g_return_if_fail (CPL_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  request = g_new0 (SaveRequest, 1);
  request->window = g_object_ref (self);
  request->file = g_object_ref (file);
  cpl_document_save_async (self->document, file, NULL, save_done_cb, request);
}

/**
 * cpl_window_request_quit:
 *
 * Quits the application, after asking whether to save the unsaved
 * changes, if there are any.
 */
void
cpl_window_request_quit (CplWindow *self)
{
  g_return_if_fail (CPL_IS_WINDOW (self));

  cpl_window_ask_to_save (self, AFTER_QUIT);
}
