/* cpl-chart-export.h: Export… for every chart of the app: a button on its
 * card, a context menu on its view, and the small dialog that picks the
 * format and palette before the save dialog */
#pragma once

#include <adwaita.h>

#include "cpl-entity.h"
#include "widgets/cpl-chart.h"
#include "widgets/cpl-chart-view.h"

G_BEGIN_DECLS

/* The choices of the dialog, in its order. */
typedef enum {
  CPL_CHART_SAVE_PNG_1X,
  CPL_CHART_SAVE_PNG_2X,
  CPL_CHART_SAVE_PNG_3X,
  CPL_CHART_SAVE_SVG,
  CPL_CHART_SAVE_PDF,
  CPL_N_CHART_SAVE_FORMATS
} CplChartSaveFormat;

void       cpl_chart_export_attach        (CplChartView       *view);
void       cpl_chart_export_enable        (CplChartView       *view,
                                           const char         *title,
                                           const char         *name);
GtkWidget *cpl_chart_export_button_new    (CplChartView       *view);
CplChartView *cpl_chart_export_button_get_view (GtkWidget     *button);
GtkWidget *cpl_chart_card_header_new      (const char         *title,
                                           CplChartView       *view);
void       cpl_chart_export_set_name      (CplChart           *chart,
                                           const char         *prefix);
void       cpl_chart_export_set_entity    (CplChart           *chart,
                                           CplEntity          *entity);
void       cpl_chart_export_present       (CplChartView       *view);
char      *cpl_chart_export_suggest_name  (CplChart           *chart,
                                           CplChartSaveFormat  format);
gboolean   cpl_chart_export_write         (CplChart           *chart,
                                           GFile              *file,
                                           CplChartSaveFormat  format,
                                           gboolean            dark,
                                           GFile              *document_file,
                                           gboolean            unsaved,
                                           GError            **error);

G_END_DECLS
