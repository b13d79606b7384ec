/* cpl-export-dialog.c: where to save an export
 *
 * GtkFileChooserNative goes through the file chooser portal when the app
 * runs in a sandbox, and shows GTK's own dialog otherwise.  The folder of
 * the last export is kept in the "last-export-folder" setting, so the next
 * export of any kind starts there.
 */
#define G_LOG_DOMAIN "cpl-export"

#include "config.h"

#include <glib/gi18n.h>

#include "cpl-application.h"
#include "cpl-export-dialog.h"

static GSettings *
export_settings (void)
{
  GApplication *app = g_application_get_default ();

  return CPL_IS_APPLICATION (app) ? cpl_application_get_settings (CPL_APPLICATION (app)) : NULL;
}

static void
chooser_response_cb (GtkNativeDialog *chooser,
                     int              response,
                     GTask           *task)
{
  g_autoptr(GTask) owned = task;
  g_autoptr(GFile) file = NULL;
  GSettings *settings = export_settings ();

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);           /* the reference _new() gave */
  if (file == NULL)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_CANCELLED, "%s",
                               _("No file was chosen"));
      return;
    }
  if (settings != NULL)
    {
      g_autoptr(GFile) folder = g_file_get_parent (file);

      if (folder != NULL)
        {
          g_autofree char *uri = g_file_get_uri (folder);

          g_settings_set_string (settings, "last-export-folder", uri);
        }
    }
  g_task_return_pointer (task, g_steal_pointer (&file), g_object_unref);
}

static void
chooser_cancelled_cb (GCancellable    *cancellable,
                      GtkNativeDialog *chooser)
{
  /* The response handler returns the cancellation. */
  gtk_native_dialog_hide (chooser);
  g_signal_emit_by_name (chooser, "response", GTK_RESPONSE_CANCEL);
}

/**
 * cpl_export_dialog_save:
 * @parent: (nullable): the window the dialog is modal for
 * @title: the dialog's title, such as "Export Chart"
 * @suggested_name: the file name offered, with its extension
 * @filter_name: the name of the file type, such as "PNG image"
 * @pattern: its pattern, such as "*.png"
 * @cancellable: (nullable): closes the dialog when cancelled
 *
 * Asks where to save an export.  The dialog starts in the folder of the
 * last export, or the user's documents folder.
 */
void
cpl_export_dialog_save (GtkWindow           *parent,
                        const char          *title,
                        const char          *suggested_name,
                        const char          *filter_name,
                        const char          *pattern,
                        GCancellable        *cancellable,
                        GAsyncReadyCallback  callback,
                        gpointer             user_data)
{
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  GSettings *settings = export_settings ();
  g_autofree char *last = settings != NULL ? g_settings_get_string (settings, "last-export-folder") : NULL;
  g_autoptr(GFile) folder = NULL;
  GTask *task;

  g_return_if_fail (parent == NULL || GTK_IS_WINDOW (parent));
  g_return_if_fail (suggested_name != NULL && pattern != NULL);

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, cpl_export_dialog_save);

  chooser = gtk_file_chooser_native_new (title, parent, GTK_FILE_CHOOSER_ACTION_SAVE,
                                         _("_Save"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_filter_set_name (filter, filter_name);
  gtk_file_filter_add_pattern (filter, pattern);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);

  if (last != NULL && last[0] != '\0')
    folder = g_file_new_for_uri (last);
  else if (g_get_user_special_dir (G_USER_DIRECTORY_DOCUMENTS) != NULL)
    folder = g_file_new_for_path (g_get_user_special_dir (G_USER_DIRECTORY_DOCUMENTS));
  if (folder != NULL && g_file_query_exists (folder, NULL))
    gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (chooser), folder, NULL);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), suggested_name);

  g_signal_connect (chooser, "response", G_CALLBACK (chooser_response_cb), task);
  if (cancellable != NULL)
    g_signal_connect_object (cancellable, "cancelled", G_CALLBACK (chooser_cancelled_cb), chooser, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/**
 * cpl_export_dialog_save_finish:
 *
 * Returns: (transfer full): the file to write, or %NULL with
 *   %G_IO_ERROR_CANCELLED when the dialog was dismissed
 */
GFile *
cpl_export_dialog_save_finish (GAsyncResult  *result,
                               GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

/**
 * cpl_export_file_name:
 * @part: the first part of the name, then more, ending with %NULL
 *
 * A file name (without extension) made of the parts: lower case where the
 * script has case, runs of spaces, punctuation and path separators turned
 * into one "-", letters of any script kept.  ("full-ban", "Domestic share")
 * → "full-ban-domestic-share"; ("全面禁令", "国产份额") → "全面禁令-国产份额".
 *
 * Returns: (transfer full): the name, never empty ("export" at worst)
 */
char *
cpl_export_file_name (const char *part,
                      ...)
{
  GString *name = g_string_new (NULL);
  gboolean dash = FALSE;
  va_list args;

  va_start (args, part);
  for (const char *p = part; p != NULL; p = va_arg (args, const char *))
    {
      g_autofree char *lower = g_utf8_strdown (p, -1);

      for (const char *c = lower; *c != '\0'; c = g_utf8_next_char (c))
        {
          gunichar u = g_utf8_get_char (c);

          if (g_unichar_isalnum (u) || g_unichar_ismark (u))
            {
              if (dash && name->len > 0)
                g_string_append_c (name, '-');
              dash = FALSE;
              g_string_append_unichar (name, u);
            }
          else
            dash = TRUE;
        }
      dash = TRUE;
    }
  va_end (args);

  if (name->len == 0)
    g_string_append (name, "export");
  return g_string_free (name, FALSE);
}
