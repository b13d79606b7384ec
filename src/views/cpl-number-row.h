/* cpl-number-row.h: a number typed into an entry row, with its unit and
 * range, that refuses what is out of range with a message */
#pragma once

#include <adwaita.h>

#include "cpl-model.h"

G_BEGIN_DECLS

#define CPL_TYPE_NUMBER_ROW (cpl_number_row_get_type ())
G_DECLARE_FINAL_TYPE (CplNumberRow, cpl_number_row, CPL, NUMBER_ROW, AdwEntryRow)

/* A unit that is counted, whose name agrees with the number: "1 year",
 * "5 years" (ngettext). */
typedef enum {
  CPL_COUNT_UNIT_NONE,
  CPL_COUNT_UNIT_YEARS,
  CPL_COUNT_UNIT_UNITS,   /* chips sold */
} CplCountUnit;

CplNumberRow *cpl_number_row_new         (const char   *title,
                                          const char   *unit,
                                          double        scale,
                                          int           digits);
void          cpl_number_row_bind        (CplNumberRow *self,
                                          CplEntity    *entity,
                                          guint         field);
void          cpl_number_row_set_plain       (CplNumberRow *self,
                                              gboolean      plain);
void          cpl_number_row_set_explanation (CplNumberRow *self,
                                              const char   *explanation);
void          cpl_number_row_set_count_unit  (CplNumberRow *self,
                                              CplCountUnit  unit);
double        cpl_number_row_get_value   (CplNumberRow *self);
void          cpl_number_row_set_value   (CplNumberRow *self,
                                          double        value);
gboolean      cpl_number_row_get_valid   (CplNumberRow *self);
const char   *cpl_number_row_get_message (CplNumberRow *self);
const char   *cpl_number_row_get_unit    (CplNumberRow *self);
GtkWidget    *cpl_number_row_get_unit_label (CplNumberRow *self);
gboolean      cpl_number_row_read          (CplNumberRow *self,
                                             const char   *text,
                                             const char   *title,
                                             double       *value,
                                             char        **message);
char         *cpl_number_row_format        (CplNumberRow *self,
                                             double        value);
char         *cpl_number_row_format_plain  (CplNumberRow *self,
                                             double        value);
GtkLabel     *cpl_number_messages_append    (GtkWidget           *group);
void          cpl_spin_button_read_typed    (GtkSpinButton       *spin,
                                             CplParseNumberFlags  flags);
void          cpl_spin_button_show_grouped  (GtkSpinButton       *spin);
void          cpl_number_rows_show_messages (CplNumberRow * const *rows,
                                             guint                n_rows,
                                             GtkLabel            *label);
void          cpl_number_rows_show_grouped_messages (CplNumberRow * const *rows,
                                                     const guint         *groups,
                                                     guint                n_rows,
                                                     GtkLabel * const    *labels,
                                                     guint                n_labels);
char         *cpl_number_messages_join      (GtkLabel * const     *labels,
                                             guint                 n_labels);
char         *cpl_number_rows_stale_note    (CplNumberRow * const *rows,
                                             guint                 n_rows);

G_END_DECLS
