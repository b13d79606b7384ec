/* cpl-view-util.h: small things the views share */
#pragma once

#include <adwaita.h>

#include "cpl-model.h"
#include "widgets/cpl-line-chart.h"

G_BEGIN_DECLS

CplHistory *cpl_widget_get_history (GtkWidget *widget);
void       cpl_show_when_folded (GtkWidget *widget,
                                 gpointer   foldable);
void       cpl_leaflet_show     (AdwLeaflet *leaflet,
                                 GtkWidget  *page);
void       cpl_scroll_to_top    (GtkWidget  *inside);
GtkWidget *cpl_scroll_sideways  (GtkWidget *child);
void       cpl_leave_wheel_to_page (GtkWidget *spin);
char      *cpl_text_keep_units  (const char *text);
char      *cpl_text_keep_dates  (const char *text);
char      *cpl_text_keep_terms  (const char *text);
GtkWidget *cpl_sideways_bar_new (GtkScrolledWindow *scroller);
void       cpl_popover_quiet_tooltip (GtkWidget *popover);
void       cpl_tooltips_keep_words (void);
void       cpl_sideways_bar_follow (GtkScrollbar      *bar,
                                    GtkScrolledWindow *scroller);
char      *cpl_text_join_list   (const char * const *items,
                                 guint               n);
char      *cpl_money_tick       (double      value,
                                 double      reference,
                                 gpointer    user_data);
GtkWidget *cpl_table_grid_new   (int         row_spacing);
void       cpl_card_append      (GtkWidget  *box,
                                 GtkWidget  *child);
GtkLabel  *cpl_summary_label_new (void);
GtkWidget *cpl_first_fit_new    (void);
void       cpl_flow_box_make_plain   (GtkWidget  *flow);
void       cpl_flow_box_append_plain (GtkWidget  *flow,
                                      GtkWidget  *child);
GtkWidget *cpl_wrapped_label_new (const char *text,
                                  const char *css_class);
char      *cpl_markup_bold_lead (const char *sentence,
                                 const char *lead);
GtkWidget *cpl_key_figures_new   (guint       min_per_line,
                                  guint       max_per_line);
GtkLabel  *cpl_key_figure_append (GtkWidget  *figures,
                                  const char *caption,
                                  const char *css_class);
GtkWidget *cpl_group_append     (GtkWidget  *box,
                                 const char *title,
                                 const char *description);
void       cpl_widget_take_undo_keys (GtkWidget *widget);
void       cpl_menu_button_set_menu_when_opened (GtkMenuButton *button,
                                                 GMenuModel    *model);

/* Field @index's @value as the view shows it, with its unit, and in
 * @title the field's name; NULL for a field the view does not show. */
typedef char *(*CplFormatField) (guint        index,
                                 double       value,
                                 const char **title,
                                 gpointer     data);
/* Appends to @changes what else the view names as changed from @shipped. */
typedef void  (*CplOtherChanges) (CplEntity  *entity,
                                  CplEntity  *shipped,
                                  GPtrArray  *changes);

char      *cpl_notes_caveat       (CplEntity       *entity,
                                   CplFormatField   format,
                                   CplOtherChanges  others,
                                   gpointer         data);
GtkWidget *cpl_notes_group_append (GtkWidget *box);
void       cpl_notes_group_set_editable (GtkWidget  *group,
                                         const char *description);
GtkWidget *cpl_notes_group_edit   (GtkWidget *group);
void       cpl_notes_group_show   (GtkWidget *group,
                                   CplEntity *entity);
const char *cpl_notes_group_get_text (GtkWidget *group);
void       cpl_notes_group_set_caveat (GtkWidget  *group,
                                       const char *caveat);
const char *cpl_notes_group_get_caveat (GtkWidget *group);
AdwToast  *cpl_remove_with_undo (GtkWidget  *widget,
                                  CplDataset *dataset,
                                  CplEntity  *entity);

typedef void (*CplDatePickedFunc) (gpointer     data,
                                   const GDate *date);

void       cpl_calendar_get_day (GtkCalendar       *calendar,
                                 GDate             *date);
void       cpl_rule_dates_fill  (GtkBox            *box,
                                 CplDataset        *dataset,
                                 CplDatePickedFunc  picked,
                                 gpointer           data);
GtkWidget *cpl_date_popover_new (GtkWidget         *calendar_part,
                                 GtkBox            *quick_box);

typedef void (*CplUpdateFunc) (gpointer data);

void       cpl_deferred_update_queue (GtkWidget     *widget,
                                      CplUpdateFunc  update,
                                      gpointer       data);
void       cpl_deferred_update_flush (GtkWidget *widget);
guint      cpl_deferred_update_get_count (GtkWidget *widget);
void       cpl_label_set_text (GtkLabel   *label,
                               const char *text);
void       cpl_widget_set_tooltip (GtkWidget  *widget,
                                   const char *text);

void       cpl_buttons_name_by_label (GtkWidget *root);

guint           cpl_monte_carlo_draws      (void);
void            cpl_uncertainty_run        (CplScenario         *scenario,
                                            CplDataset          *dataset,
                                            GCancellable        *cancellable,
                                            GAsyncReadyCallback  callback,
                                            gpointer             data);
CplUncertainty *cpl_uncertainty_run_finish (GAsyncResult        *result,
                                            GError             **error);

void cpl_show_error_dialog (GtkWindow  *parent,
                            const char *heading,
                            const char *body);

G_END_DECLS
