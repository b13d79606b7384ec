/* cpl-check-list.h: sidebar lists whose rows are built on demand */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

typedef void (*CplCheckListFunc) (GtkWidget *row,
                                  gpointer   item,
                                  gpointer   user_data);

typedef gboolean (*CplCheckListActive) (gpointer item,
                                        gpointer user_data);

GtkListItemFactory *cpl_check_list_factory_new (const char         *check_tooltip,
                                                int                 subtitle_lines,
                                                CplCheckListFunc    update,
                                                CplCheckListActive  is_active,
                                                CplCheckListFunc    toggled,
                                                gpointer            user_data);
GtkWidget          *cpl_check_list_new         (GtkSelectionModel  *model,
                                                GtkListItemFactory *factory);
GtkSingleSelection *cpl_check_list_set_model   (GtkWidget        *list,
                                                GListModel       *model,
                                                GCallback         on_selected,
                                                gpointer          data);
void                cpl_check_list_select      (GtkWidget        *list,
                                                guint             position);
void                cpl_check_row_set_text     (GtkWidget        *row,
                                                const char       *title,
                                                const char       *subtitle,
                                                const char       *check_label);
void                cpl_check_row_set_active   (GtkWidget        *row,
                                                gboolean          active);
gboolean            cpl_check_row_get_active   (GtkWidget        *row);
GtkCheckButton     *cpl_check_row_get_check    (GtkWidget        *row);
const char         *cpl_check_row_get_title    (GtkWidget        *row);
const char         *cpl_check_row_get_subtitle (GtkWidget        *row);
gpointer            cpl_check_row_get_item     (GtkWidget        *row);
GtkWidget          *cpl_check_list_find_row    (GtkWidget        *list,
                                                gpointer          item);
void                cpl_check_list_update_ticks (GtkWidget       *list);
guint               cpl_check_list_n_rows      (GtkWidget        *list);

G_END_DECLS
