/* cpl-chips-view.c: the Chips view
 *
 * For now a list of the dataset's entries with their key results; the
 * full view (charts, editing, comparison) is its own issue.
 */
#define G_LOG_DOMAIN "cpl-chips-view"

#include "config.h"

#include <glib/gi18n.h>

#include "cpl-chips-view.h"
#include "views/cpl-entity-list.h"

struct _CplChipsView
{
  AdwBin      parent_instance;
  GtkListBox *list;
};

G_DEFINE_FINAL_TYPE (CplChipsView, cpl_chips_view, ADW_TYPE_BIN)

static void
fill_chip_row (AdwActionRow *row,
               GtkLabel     *suffix,
               CplEntity    *entity,
               CplDataset    *dataset)
{
  CplChip *chip = CPL_CHIP (entity);
  CplVendor *vendor = cpl_dataset_lookup_vendor (dataset, cpl_chip_get_vendor_id (chip));
  GListModel *rules = cpl_dataset_get_rules (dataset);
  g_autofree char *tpp = NULL;
  g_autofree char *memory = NULL;
  g_autofree char *bandwidth = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *verdict = NULL;
  guint n_true = 0, n_unknown = 0;
  CplChipMetrics m;

  cpl_chip_metrics_compute (chip, &m);
  for (guint i = 0; i < g_list_model_get_n_items (rules); i++)
    {
      g_autoptr(CplRule) rule = g_list_model_get_item (rules, i);

      switch (cpl_rule_evaluate (rule, m.values, NULL))
        {
        case CPL_TRI_TRUE:    n_true++; break;
        case CPL_TRI_UNKNOWN: n_unknown++; break;
        case CPL_TRI_FALSE:
        default:              break;
        }
    }

  tpp = cpl_format_number (m.values[CPL_METRIC_TPP], 0);
  memory = cpl_format_number (cpl_chip_get (chip, CPL_CHIP_MEMORY_GB), 0);
  bandwidth = cpl_format_number (cpl_chip_get (chip, CPL_CHIP_BANDWIDTH_TBS), 2);
  /* Translators: %1$s vendor, %2$s total processing performance,
   * %3$s memory in GB, %4$s memory bandwidth in TB/s */
  subtitle = g_strdup_printf (_("%1$s · TPP %2$s · %3$s GB · %4$s TB/s"),
                              vendor ? cpl_entity_get_name (CPL_ENTITY (vendor)) : cpl_chip_get_vendor_id (chip),
                              tpp, memory, bandwidth);

  if (cpl_chip_get_domestic (chip))
    verdict = g_strdup (_("Domestic chip"));
  else if (n_true > 0)
    verdict = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Caught by %u rule",
                                            "Caught by %u rules", n_true), n_true);
  else if (n_unknown > 0)
    verdict = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Needs data for %u rule",
                                            "Needs data for %u rules", n_unknown), n_unknown);
  else
    verdict = g_strdup (_("Not controlled"));

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), cpl_entity_get_name (entity));
  adw_action_row_set_subtitle (row, subtitle);
  gtk_label_set_text (suffix, verdict);
}

static void
cpl_chips_view_class_init (CplChipsViewClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/views/cpl-chips-view.ui");
  gtk_widget_class_bind_template_child (widget_class, CplChipsView, list);
}

static void
cpl_chips_view_init (CplChipsView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

void
cpl_chips_view_set_dataset (CplChipsView *self,
                            CplDataset    *dataset)
{
  g_return_if_fail (CPL_IS_CHIPS_VIEW (self));
  cpl_entity_list_bind (self->list, cpl_dataset_get_chips (dataset), dataset, fill_chip_row);
}
