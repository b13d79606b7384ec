/* cpl-export-dialog.h: where to save an export
 *
 * A save dialog through the file chooser portal (the Flatpak has no access
 * to the file system of its own), with a suggested name and the folder of
 * the last export remembered in the settings.
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void   cpl_export_dialog_save        (GtkWindow           *parent,
                                      const char          *title,
                                      const char          *suggested_name,
                                      const char          *filter_name,
                                      const char          *pattern,
                                      GCancellable        *cancellable,
                                      GAsyncReadyCallback  callback,
                                      gpointer             user_data);
GFile *cpl_export_dialog_save_finish (GAsyncResult        *result,
                                      GError             **error);

char  *cpl_export_file_name          (const char          *part,
                                      ...) G_GNUC_NULL_TERMINATED;

G_END_DECLS
