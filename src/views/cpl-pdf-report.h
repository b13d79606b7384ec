/* cpl-pdf-report.h: the compared scenarios as a PDF report
 *
 * Drawn with cairo and Pango only (no widget, no display), so that the
 * app writes it in a worker thread and `--report` writes it with no
 * display at all.
 */
#pragma once

#include <gio/gio.h>

#include "cpl-model.h"

G_BEGIN_DECLS

typedef enum {
  CPL_PAPER_A4,       /* 595 × 842 pt */
  CPL_PAPER_LETTER,   /* 612 × 792 pt */
} CplPaperSize;

gboolean cpl_paper_size_from_name    (const char          *name,
                                      CplPaperSize        *paper);

gboolean cpl_pdf_report_write        (CplDataset          *dataset,
                                      GPtrArray           *scenarios,
                                      const char          *path,
                                      CplPaperSize         paper,
                                      const char          *dataset_name,
                                      gboolean             unsaved,
                                      GCancellable        *cancellable,
                                      GError             **error);
void     cpl_pdf_report_write_async  (CplDataset          *dataset,
                                      GPtrArray           *scenarios,
                                      GFile               *file,
                                      CplPaperSize         paper,
                                      const char          *dataset_name,
                                      gboolean             unsaved,
                                      GCancellable        *cancellable,
                                      GAsyncReadyCallback  callback,
                                      gpointer             user_data);
gboolean cpl_pdf_report_write_finish (GAsyncResult        *result,
                                      GError             **error);
void     cpl_pdf_report_set_transcript (GString           *text);

G_END_DECLS
