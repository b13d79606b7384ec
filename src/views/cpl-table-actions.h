/* cpl-table-actions.h: Copy and Export CSV… for a table */
#pragma once

#include <gtk/gtk.h>

#include "cpl-csv.h"

G_BEGIN_DECLS

/* The table as text, built from the model (not from the cells shown);
 * @file_name (nullable) gets the name to suggest, without ".csv". */
typedef char *(*CplTableTextFunc) (GtkWidget       *owner,
                                   CplCsvSeparator  separator,
                                   char           **file_name);

GtkWidget *cpl_table_actions_new (GtkWidget        *owner,
                                  GtkWidget        *table,
                                  CplTableTextFunc  text_func);
void       cpl_table_actions_export_to (GtkWidget  *owner,
                                        GFile      *file);

G_END_DECLS
