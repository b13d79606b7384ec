/* cpl-chips-view.h: the Chips view: table, threshold map, detail,
 * comparison and what-if chip */
#pragma once

#include <adwaita.h>

#include "cpl-csv.h"
#include "cpl-model.h"
#include "widgets/cpl-timeline-chart.h"

G_BEGIN_DECLS

#define CPL_TYPE_CHIPS_VIEW (cpl_chips_view_get_type ())
G_DECLARE_FINAL_TYPE (CplChipsView, cpl_chips_view, CPL, CHIPS_VIEW, AdwBin)

void        cpl_chips_view_set_dataset     (CplChipsView       *self,
                                            CplDataset         *dataset);
void        cpl_chips_view_set_electricity_price (CplChipsView *self,
                                                 double        usd_per_kwh);
void        cpl_chips_view_get_energy_terms (CplChipsView      *self,
                                            CplEnergyTerms     *terms);
guint       cpl_chips_view_get_n_rows      (CplChipsView       *self);
CplChip    *cpl_chips_view_get_row_chip    (CplChipsView       *self,
                                            guint               row);
char       *cpl_chips_view_get_cell_text   (CplChipsView       *self,
                                            guint               row,
                                            const char         *column_id);
void        cpl_chips_view_set_date        (CplChipsView       *self,
                                            const GDate        *date);
const GDate *cpl_chips_view_get_date       (CplChipsView       *self);
gboolean    cpl_chips_view_sort_by         (CplChipsView       *self,
                                            const char         *column_id,
                                            GtkSortType         order);
void        cpl_chips_view_show_chip       (CplChipsView       *self,
                                            CplChip            *chip);
CplChip    *cpl_chips_view_get_shown_chip  (CplChipsView       *self);
GtkWindow  *cpl_chips_view_compare         (CplChipsView       *self,
                                            const char * const *chip_ids);
GtkWindow  *cpl_chips_view_show_what_if    (CplChipsView       *self);
CplTimelineChart *cpl_chips_view_get_timeline (CplChipsView     *self);

char       *cpl_chips_table_text           (CplDataset           *dataset,
                                            GListModel           *chips,
                                            const GDate          *date,
                                            const CplEnergyTerms *terms,
                                            CplCsvSeparator       separator);

GtkWidget    *cpl_chips_view_get_compare_chooser (CplChipsView *self);

G_END_DECLS
