/* cpl-chip-text.h: how the Chips view words metrics, verdicts and margins
 * (shared by the table, the detail pane, the comparison and the what-if
 * form, so they all say the same thing the same way) */
#pragma once

#include <gtk/gtk.h>

#include "cpl-model.h"

G_BEGIN_DECLS

char       *cpl_format_with_unit      (const char        *format,
                                       const char        *number);
const char *cpl_metric_get_title      (CplMetric          metric);
char       *cpl_metric_format_value   (CplMetric          metric,
                                       double             value);
const char *cpl_verdict_get_label     (CplTriState        verdict);
const char *cpl_verdict_get_icon_name (CplTriState        verdict);
const char *cpl_verdict_get_css_class (CplTriState        verdict);
char       *cpl_margin_describe       (const CplMargin   *margin);
char       *cpl_rule_describe_verdict (CplRule           *rule,
                                       const char        *chip_id,
                                       const double      *metrics);
char       *cpl_rule_describe_margins (CplRule           *rule,
                                       const char        *chip_id,
                                       const double      *metrics);
GtkWidget  *cpl_decorative_icon_new   (const char        *icon_name);
GtkWidget  *cpl_verdict_box_new       (void);
void        cpl_verdict_box_set       (GtkWidget         *box,
                                       CplTriState        verdict,
                                       const char        *tooltip);

/* A rule's verdict in the words of its effect (MODEL.md §2.1). */
char       *cpl_rule_verdict_get_label (CplRule          *rule,
                                        CplTriState       verdict,
                                        gboolean          domestic);
const char *cpl_rule_effect_describe  (CplRule           *rule);
void        cpl_rule_verdict_get_style (CplRule          *rule,
                                        CplTriState       verdict,
                                        const char      **icon_name,
                                        const char      **css_class);
char       *cpl_rule_describe_in_force (CplRule          *rule,
                                        const GDate      *date);
void        cpl_rule_verdict_box_set  (GtkWidget         *box,
                                       CplRule           *rule,
                                       CplTriState        verdict,
                                       gboolean           domestic,
                                       const char        *tooltip,
                                       const char        *not_in_force);

/* A chip's status in China on a date. */
char       *cpl_chip_status_get_label (CplChipStatus      status,
                                       double             share);
const char *cpl_chip_status_describe  (CplChipStatus      status);
char       *cpl_chip_status_explain   (CplChipStatus      status,
                                       double             share,
                                       GPtrArray         *deciding,
                                       const GDate       *date);
void        cpl_chip_status_get_style (CplChipStatus      status,
                                       const char       **icon_name,
                                       const char       **css_class);
void        cpl_status_box_set        (GtkWidget         *box,
                                       CplChipStatus      status,
                                       double             share,
                                       const char        *tooltip);

/* What shows where a chip's status goes: a chip not yet released on
 * the date has none. */
char       *cpl_chip_shown_status     (CplChip           *chip,
                                       const GDate       *date,
                                       CplChipStatus      status,
                                       double             share,
                                       char             **explained,
                                       const char       **icon_name,
                                       const char       **css_class);
void        cpl_shown_status_box_set  (GtkWidget         *box,
                                       CplChip           *chip,
                                       const GDate       *date,
                                       CplChipStatus      status,
                                       double             share,
                                       const char        *explained);

G_END_DECLS
