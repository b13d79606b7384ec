/* cpl-revenue-view.c: the Revenue view
 *
 * For now a list of the dataset's entries with their key results; the
 * full view (charts, editing, comparison) is its own issue.
 */
#define G_LOG_DOMAIN "cpl-revenue-view"

#include "config.h"

#include <glib/gi18n.h>

#include "cpl-revenue-view.h"
#include "views/cpl-entity-list.h"

struct _CplRevenueView
{
  AdwBin      parent_instance;
  GtkListBox *list;
};

G_DEFINE_FINAL_TYPE (CplRevenueView, cpl_revenue_view, ADW_TYPE_BIN)

static void
fill_revenue_row (AdwActionRow *row,
                  GtkLabel     *suffix,
                  CplEntity    *entity,
                  CplDataset    *dataset)
{
  CplRevenueCase *revenue_case = CPL_REVENUE_CASE (entity);
  g_autoptr(GError) error = NULL;
  g_autofree char *units = NULL;
  g_autofree char *price = NULL;
  g_autofree char *share = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *take = NULL;
  g_autofree char *text = NULL;
  CplRevenueResult result;

  units = cpl_format_number (cpl_revenue_case_get (revenue_case, CPL_REVENUE_CASE_UNITS), 0);
  price = cpl_format_money_exact (cpl_revenue_case_get (revenue_case, CPL_REVENUE_CASE_PRICE_USD));
  share = cpl_format_percent (cpl_revenue_case_get (revenue_case, CPL_REVENUE_CASE_REVENUE_SHARE), 0);
  /* Translators: %1$s units, %2$s unit price, %3$s revenue share rate */
  subtitle = g_strdup_printf (_("%1$s units at %2$s, %3$s revenue share"), units, price, share);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), cpl_entity_get_name (entity));
  adw_action_row_set_subtitle (row, subtitle);
  if (!cpl_revenue_case_compute (revenue_case, &result, NULL, &error))
    {
      gtk_label_set_text (suffix, error->message);
      return;
    }
  take = cpl_format_money (result.government_take);
  /* Translators: %s is money */
  text = g_strdup_printf (_("US government take %s"), take);
  gtk_label_set_text (suffix, text);
  gtk_widget_set_tooltip_text (GTK_WIDGET (suffix), NULL);
}

static void
cpl_revenue_view_class_init (CplRevenueViewClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/views/cpl-revenue-view.ui");
  gtk_widget_class_bind_template_child (widget_class, CplRevenueView, list);
}

static void
cpl_revenue_view_init (CplRevenueView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

void
cpl_revenue_view_set_dataset (CplRevenueView *self,
                              CplDataset    *dataset)
{
  g_return_if_fail (CPL_IS_REVENUE_VIEW (self));
  cpl_entity_list_bind (self->list, cpl_dataset_get_revenue_cases (dataset), dataset, fill_revenue_row);
}
