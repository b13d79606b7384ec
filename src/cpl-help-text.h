/* cpl-help-text.h: "Method and Sources" as text, without widgets */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum {
  CPL_HELP_TITLE,
  CPL_HELP_HEADING,
  CPL_HELP_PARAGRAPH,
  CPL_HELP_FORMULA,
} CplHelpKind;

typedef struct {
  CplHelpKind  kind;
  const char  *id;    /* a heading's section id, else NULL */
  const char  *text;  /* N_(): untranslated */
} CplHelpBlock;

const CplHelpBlock *cpl_help_text_get         (guint      *n_blocks);
const CplHelpBlock *cpl_help_text_get_section (const char *section,
                                               guint      *n_blocks);

G_END_DECLS
