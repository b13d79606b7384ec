/* cpl-entity-list.c: a boxed list of dataset entries */
#define G_LOG_DOMAIN "cpl-entity-list"

#include "config.h"

#include "cpl-entity-list.h"

typedef struct {
  CplDataset *dataset;
  CplRowFill  fill;
} Binding;

static void
binding_free (gpointer data)
{
  Binding *binding = data;

  g_clear_object (&binding->dataset);
  g_free (binding);
}

static void
refresh_row (AdwActionRow *row)
{
  Binding *binding = g_object_get_data (G_OBJECT (row), "cpl-binding");
  CplEntity *entity = g_object_get_data (G_OBJECT (row), "cpl-entity");
  GtkLabel *suffix = g_object_get_data (G_OBJECT (row), "cpl-suffix");

  binding->fill (row, suffix, entity, binding->dataset);
}

static GtkWidget *
create_row (gpointer item,
            gpointer user_data)
{
  Binding *binding = user_data;
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *suffix = gtk_label_new (NULL);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 2);
  gtk_label_set_xalign (GTK_LABEL (suffix), 1);
  gtk_label_set_justify (GTK_LABEL (suffix), GTK_JUSTIFY_RIGHT);
  /* one line each when there is room; wrapped on a phone */
  gtk_label_set_wrap (GTK_LABEL (suffix), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (suffix), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_natural_wrap_mode (GTK_LABEL (suffix), GTK_NATURAL_WRAP_NONE);
  gtk_widget_add_css_class (suffix, "numeric");
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), suffix);

  g_object_set_data (G_OBJECT (row), "cpl-binding", binding);
  g_object_set_data_full (G_OBJECT (row), "cpl-entity", g_object_ref (item), g_object_unref);
  g_object_set_data (G_OBJECT (row), "cpl-suffix", suffix);
  g_signal_connect_object (item, "changed", G_CALLBACK (refresh_row), row, G_CONNECT_SWAPPED);
  refresh_row (ADW_ACTION_ROW (row));
  return row;
}

/**
 * cpl_entity_list_bind:
 * @fill: fills a row from its entry; called again after every edit
 */
void
cpl_entity_list_bind (GtkListBox *list,
                      GListModel *model,
                      CplDataset *dataset,
                      CplRowFill  fill)
{
  Binding *binding = g_new0 (Binding, 1);

  binding->dataset = g_object_ref (dataset);
  binding->fill = fill;
  gtk_list_box_bind_model (list, model, create_row, binding, binding_free);
}
