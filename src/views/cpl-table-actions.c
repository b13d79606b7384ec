/* cpl-table-actions.c: Copy and Export CSV… for a table
 *
 * A menu button for a table's card: Copy puts the table on the clipboard
 * as tab-separated text (a spreadsheet pastes it as cells), Export CSV…
 * saves it through the export dialog.  Both take the numbers from the
 * model at full precision, not the rounded text of the cells.  The
 * actions ("table.copy", "table.export-csv") belong to the view that owns
 * the table, and Ctrl+C copies the table while it has the focus.
 */
#define G_LOG_DOMAIN "cpl-table-actions"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <string.h>

#include "cpl-export-dialog.h"
#include "cpl-table-actions.h"
#include "views/cpl-view-util.h"

#define TEXT_FUNC_KEY "cpl-table-text-func"

static char *
table_text (GtkWidget       *owner,
            CplCsvSeparator  separator,
            char           **file_name)
{
  CplTableTextFunc func = g_object_get_data (G_OBJECT (owner), TEXT_FUNC_KEY);

  return func (owner, separator, file_name);
}

static void
say (GtkWidget  *owner,
     const char *title)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (owner, ADW_TYPE_TOAST_OVERLAY);

  if (overlay != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), adw_toast_new (title));
}

static void
copy_activated (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       owner)
{
  g_autofree char *text = table_text (owner, CPL_CSV_TABS, NULL);

  gdk_clipboard_set_text (gtk_widget_get_clipboard (owner), text);
  say (owner, _("Table copied"));
}

typedef struct {
  GtkWidget *owner;   /* a reference */
  GBytes    *text;
} Export;

static void
export_free (Export *export)
{
  g_object_unref (export->owner);
  g_bytes_unref (export->text);
  g_free (export);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Export, export_free)

static void
show_error (GtkWidget    *owner,
            GFile        *file,
            const GError *error)
{
  GtkRoot *root = gtk_widget_get_root (owner);
  g_autofree char *name = g_file_get_parse_name (file);
  /* Translators: %1$s is a file, %2$s why it could not be written */
  g_autofree char *body = g_strdup_printf (_("“%1$s” could not be written: %2$s"), name, error->message);
  cpl_show_error_dialog (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                         _("Could Not Export the Table"), body);
}

static void
written (GObject      *source,
         GAsyncResult *result,
         gpointer      data)
{
  g_autoptr(Export) export = data;
  g_autoptr(GError) error = NULL;

  if (g_file_replace_contents_finish (G_FILE (source), result, NULL, &error))
    say (export->owner, _("Table exported"));
  else
    show_error (export->owner, G_FILE (source), error);
}

static void
write_text (GtkWidget *owner,
            GFile     *file,
            GBytes    *text)
{
  Export *export = g_new0 (Export, 1);

  export->owner = g_object_ref (owner);
  export->text = g_bytes_ref (text);
  g_file_replace_contents_bytes_async (file, text, NULL, FALSE, G_FILE_CREATE_REPLACE_DESTINATION,
                                       NULL, written, export);
}

static void
file_chosen (GObject      *source,
             GAsyncResult *result,
             gpointer      data)
{
  g_autoptr(Export) export = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = cpl_export_dialog_save_finish (result, &error);

  if (file != NULL)   /* else dismissed */
    write_text (export->owner, file, export->text);
}

static GBytes *
csv_bytes (GtkWidget  *owner,
           char      **file_name)
{
  char *text = table_text (owner, CPL_CSV_COMMAS, file_name);

  return g_bytes_new_take (text, strlen (text));
}

/**
 * cpl_table_actions_export_to:
 * @owner: a view with table actions
 *
 * Writes the table of @owner to @file as CSV, as Export CSV… does once a
 * file is chosen; a toast says when it is written, a dialog why not.
 */
void
cpl_table_actions_export_to (GtkWidget *owner,
                             GFile     *file)
{
  g_autoptr(GBytes) text = csv_bytes (owner, NULL);

  write_text (owner, file, text);
}

/* The table as it is now, then where to save it. */
static void
export_activated (GSimpleAction *action,
                  GVariant      *parameter,
                  gpointer       owner)
{
  Export *export = g_new0 (Export, 1);
  g_autofree char *name = NULL;
  g_autofree char *file_name = NULL;
  GtkRoot *root = gtk_widget_get_root (owner);

  export->owner = g_object_ref (owner);
  export->text = csv_bytes (owner, &name);
  file_name = g_strconcat (name, ".csv", NULL);
  cpl_export_dialog_save (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, _("Export CSV"), file_name,
                          _("CSV files"), "*.csv", NULL, file_chosen, export);
}

/**
 * cpl_table_actions_new:
 * @owner: the view that shows the table; the actions go on it
 * @table: the table's widget: Ctrl+C copies the table while the focus is
 *   in it
 * @text_func: gives the table as text
 *
 * Returns: (transfer floating): the menu button for the table's card
 */
GtkWidget *
cpl_table_actions_new (GtkWidget        *owner,
                       GtkWidget        *table,
                       CplTableTextFunc  text_func)
{
  static const GActionEntry entries[] = {
    { .name = "copy", .activate = copy_activated },
    { .name = "export-csv", .activate = export_activated },
  };
  g_autoptr(GSimpleActionGroup) group = g_simple_action_group_new ();
  g_autoptr(GMenu) menu = g_menu_new ();
  GtkEventController *shortcuts = gtk_shortcut_controller_new ();
  GtkWidget *button = gtk_menu_button_new ();

  g_object_set_data (G_OBJECT (owner), TEXT_FUNC_KEY, text_func);
  g_action_map_add_action_entries (G_ACTION_MAP (group), entries, G_N_ELEMENTS (entries), owner);
  gtk_widget_insert_action_group (owner, "table", G_ACTION_GROUP (group));

  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
                                        gtk_shortcut_new (gtk_shortcut_trigger_parse_string ("<Control>c"),
                                                          gtk_named_action_new ("table.copy")));
  gtk_widget_add_controller (table, shortcuts);

  g_menu_append (menu, _("_Copy"), "table.copy");
  g_menu_append (menu, _("_Export CSV…"), "table.export-csv");
  cpl_menu_button_set_menu_when_opened (GTK_MENU_BUTTON (button), G_MENU_MODEL (menu));
  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (button), "view-more-symbolic");
  gtk_widget_set_tooltip_text (button, _("Table Actions"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Table Actions"), -1);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  return button;
}
