/* cpl-history.h: undo and redo for a dataset, as commands applied in place */
#pragma once

#include "cpl-dataset.h"

G_BEGIN_DECLS

#define CPL_TYPE_HISTORY (cpl_history_get_type ())
G_DECLARE_FINAL_TYPE (CplHistory, cpl_history, CPL, HISTORY, GObject)

CplHistory *cpl_history_new        (CplDataset *dataset);
gboolean    cpl_history_can_undo   (CplHistory *self);
gboolean    cpl_history_can_redo   (CplHistory *self);
gboolean    cpl_history_undo       (CplHistory *self);
gboolean    cpl_history_redo       (CplHistory *self);
CplEntity  *cpl_history_get_restored (CplHistory *self);
void        cpl_history_commit     (CplHistory *self);
void        cpl_history_begin_group (CplHistory *self);
void        cpl_history_end_group  (CplHistory *self);
void        cpl_history_begin_reset (CplHistory *self);
void        cpl_history_reset      (CplHistory *self);
gboolean    cpl_history_get_modified (CplHistory *self);
void        cpl_history_set_unmodified (CplHistory *self);
gboolean    cpl_history_undo_removal (CplHistory *self,
                                      GType       type,
                                      const char *id);

G_END_DECLS
