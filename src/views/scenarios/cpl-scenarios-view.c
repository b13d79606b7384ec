/* cpl-scenarios-view.c: the Scenarios view
 *
 * For now a list of the dataset's entries with their key results; the
 * full view (charts, editing, comparison) is its own issue.
 */
#define G_LOG_DOMAIN "cpl-scenarios-view"

#include "config.h"

#include <glib/gi18n.h>

#include "cpl-scenarios-view.h"
#include "views/cpl-entity-list.h"

struct _CplScenariosView
{
  AdwBin      parent_instance;
  GtkListBox *list;
};

G_DEFINE_FINAL_TYPE (CplScenariosView, cpl_scenarios_view, ADW_TYPE_BIN)

static void
fill_scenario_row (AdwActionRow *row,
                   GtkLabel     *suffix,
                   CplEntity    *entity,
                   CplDataset    *dataset)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CplProjection) projection = cpl_projection_compute (CPL_SCENARIO (entity), dataset, &error);
  CplText *description = cpl_scenario_get_description (CPL_SCENARIO (entity));
  g_autofree char *take = NULL;
  g_autofree char *share = NULL;
  g_autofree char *text = NULL;

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), cpl_entity_get_name (entity));
  adw_action_row_set_subtitle (row, description ? cpl_text_get (description) : "");
  if (projection == NULL)
    {
      gtk_label_set_text (suffix, error->message);
      return;
    }
  take = cpl_format_money (projection->total_government_take_usd);
  share = cpl_format_percent (projection->final_domestic_share, 0);
  /* Translators: a scenario's totals; %1$s is money, %2$s a percentage,
   * %3$d the last year of the projection */
  text = g_strdup_printf (_("US government take %1$s\nDomestic share %2$s in %3$d"),
                          take, share, projection->start_year + (int) projection->n_years - 1);
  gtk_label_set_text (suffix, text);
}

static void
cpl_scenarios_view_class_init (CplScenariosViewClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/views/cpl-scenarios-view.ui");
  gtk_widget_class_bind_template_child (widget_class, CplScenariosView, list);
}

static void
cpl_scenarios_view_init (CplScenariosView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

void
cpl_scenarios_view_set_dataset (CplScenariosView *self,
                                CplDataset    *dataset)
{
  g_return_if_fail (CPL_IS_SCENARIOS_VIEW (self));
  cpl_entity_list_bind (self->list, cpl_dataset_get_scenarios (dataset), dataset, fill_scenario_row);
}
