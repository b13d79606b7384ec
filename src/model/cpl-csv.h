/* cpl-csv.h: a CSV table read with libcsv (RFC 4180, quoted multi-line
 * fields), with the line each record starts on for messages; and a
 * writer of CSV (files) and tab-separated text (the clipboard) */
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

typedef enum {
  CPL_CSV_COMMAS,  /* RFC 4180: commas, CRLF line ends */
  CPL_CSV_TABS,    /* for the clipboard: tabs, LF line ends */
} CplCsvSeparator;

typedef struct _CplCsvWriter CplCsvWriter;

CplCsvWriter *cpl_csv_writer_new        (CplCsvSeparator     separator);
void          cpl_csv_writer_add_text   (CplCsvWriter       *self,
                                         const char         *text);
void          cpl_csv_writer_add_number (CplCsvWriter       *self,
                                         double              value);
void          cpl_csv_writer_add_row    (CplCsvWriter       *self,
                                         const char * const *texts);
void          cpl_csv_writer_end_row    (CplCsvWriter       *self);
char         *cpl_csv_writer_free_to_text (CplCsvWriter     *self);
void          cpl_csv_writer_free       (CplCsvWriter       *self);
char         *cpl_csv_format_number     (double              value);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CplCsvWriter, cpl_csv_writer_free)

G_END_DECLS
