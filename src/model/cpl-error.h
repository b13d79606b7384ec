/* cpl-error.h: the errors the model reports */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define CPL_DATASET_ERROR (cpl_dataset_error_quark ())

/* Every message names the file, the JSON path (or line:column, or the CSV
 * line), the offending value, and what was expected. */
typedef enum {
  CPL_DATASET_ERROR_SYNTAX,      /* not JSON or CSV; line:column given */
  CPL_DATASET_ERROR_ENCODING,    /* not UTF-8 */
  CPL_DATASET_ERROR_LIMIT,       /* too large, too deep, too many */
  CPL_DATASET_ERROR_TYPE,        /* a value of the wrong JSON type */
  CPL_DATASET_ERROR_RANGE,       /* a number out of its range, not finite */
  CPL_DATASET_ERROR_MISSING,     /* a required key is absent */
  CPL_DATASET_ERROR_INVALID,     /* a malformed id, date, operator, … */
  CPL_DATASET_ERROR_DUPLICATE,   /* an id given twice in one list */
  CPL_DATASET_ERROR_REFERENCE,   /* an unknown chip or vendor */
  CPL_DATASET_ERROR_UNUSABLE,    /* a chip that cannot enter a scenario */
  CPL_DATASET_ERROR_FORMAT,      /* not a chip-policy-lab file, or a newer version */
  CPL_DATASET_ERROR_IO,          /* could not read or write the file */
} CplDatasetError;

GQuark cpl_dataset_error_quark (void);

/* Every message that shows a file name or text from a file passes it
 * through cpl_message_escape (cpl-json.c): no control character reaches
 * a terminal, and a value is shown up to CPL_MESSAGE_MAX_CHARS characters. */
#define CPL_MESSAGE_MAX_CHARS 80
char   *cpl_message_escape      (const char *text,
                                 gsize       max_chars);
void    cpl_error_escape        (GError     *error);

G_END_DECLS
