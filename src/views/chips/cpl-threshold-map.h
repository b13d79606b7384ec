/* cpl-threshold-map.h: the export rules on a map of TPP and memory
 * bandwidth (the Chips view's threshold map and the what-if form's) */
#pragma once

#include "cpl-model.h"
#include "widgets/cpl-scatter-chart.h"

G_BEGIN_DECLS

guint cpl_threshold_map_add_rules (CplScatterChart *map,
                                   GListModel      *rules,
                                   const GDate     *date,
                                   guint           *in_force);

G_END_DECLS
