/* cpl-document.h: one dataset as the user works on it */
#pragma once

#include <gio/gio.h>

#include "cpl-dataset.h"
#include "cpl-history.h"

G_BEGIN_DECLS

#define CPL_TYPE_DOCUMENT (cpl_document_get_type ())
G_DECLARE_FINAL_TYPE (CplDocument, cpl_document, CPL, DOCUMENT, GObject)

/* A draft left by a document that is no longer open anywhere. */
typedef struct _CplDraft CplDraft;

CplDocument *cpl_document_new              (void);
CplDataset  *cpl_document_get_dataset      (CplDocument          *self);
CplHistory  *cpl_document_get_history      (CplDocument          *self);
GFile       *cpl_document_get_file         (CplDocument          *self);
void         cpl_document_set_file         (CplDocument          *self,
                                            GFile                *file);
char        *cpl_document_dup_title        (CplDocument          *self);
const char  *cpl_document_get_id           (CplDocument          *self);
gboolean     cpl_document_get_modified     (CplDocument          *self);
gboolean     cpl_document_get_busy         (CplDocument          *self);
gboolean     cpl_document_is_untouched     (CplDocument          *self);
void         cpl_document_discard_changes  (CplDocument          *self);

void         cpl_document_load_async       (CplDocument          *self,
                                            GFile                *file,
                                            GCancellable         *cancellable,
                                            GAsyncReadyCallback   callback,
                                            gpointer              user_data);
double       cpl_document_get_load_progress (CplDocument         *self);
gboolean     cpl_document_load_finish      (CplDocument          *self,
                                            GAsyncResult         *result,
                                            GError              **error);
void         cpl_document_save_async       (CplDocument          *self,
                                            GFile                *file,
                                            GCancellable         *cancellable,
                                            GAsyncReadyCallback   callback,
                                            gpointer              user_data);
gboolean     cpl_document_save_finish      (CplDocument          *self,
                                            GAsyncResult         *result,
                                            GError              **error);

char        *cpl_document_get_drafts_dir   (void);
char        *cpl_document_get_draft_path   (CplDocument          *self);
gboolean     cpl_document_write_draft      (CplDocument          *self,
                                            GError              **error);
void         cpl_document_release_draft    (CplDocument          *self);

GPtrArray   *cpl_draft_find_orphans        (void);
GFile       *cpl_draft_get_file            (CplDraft             *draft);
GDateTime   *cpl_draft_get_time            (CplDraft             *draft);
const char  *cpl_draft_get_id              (CplDraft             *draft);
CplDocument *cpl_draft_restore             (CplDraft             *draft,
                                            GError              **error);
void         cpl_draft_discard             (CplDraft             *draft);
char        *cpl_draft_set_aside           (CplDraft             *draft);
void         cpl_draft_free                (CplDraft             *draft);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CplDraft, cpl_draft_free)

G_END_DECLS
