/* cpl-csv.h: a CSV table read with libcsv (RFC 4180, quoted multi-line
 * fields), with the line each record starts on for messages */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct _CplCsvTable CplCsvTable;

#define CPL_CSV_MAX_ROWS 100000

CplCsvTable *cpl_csv_table_parse       (const char         *data,
                                        gsize               length,
                                        const char         *name,
                                        GError            **error);
void         cpl_csv_table_free        (CplCsvTable        *self);
guint        cpl_csv_table_get_n_rows  (CplCsvTable        *self);
int          cpl_csv_table_find_column (CplCsvTable        *self,
                                        const char * const *names);
const char  *cpl_csv_table_get_header  (CplCsvTable        *self,
                                        int                 column);
const char  *cpl_csv_table_get         (CplCsvTable        *self,
                                        guint               row,
                                        int                 column);
guint        cpl_csv_table_get_line    (CplCsvTable        *self,
                                        guint               row);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CplCsvTable, cpl_csv_table_free)

G_END_DECLS
