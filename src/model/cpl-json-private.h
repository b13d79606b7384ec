/* cpl-json-private.h: helpers the model's readers and writers share */
#pragma once

#include <json-glib/json-glib.h>
#include <string.h>

#include "cpl-error.h"
#include "cpl-text.h"

G_BEGIN_DECLS

/* Limits on what one file may hold (with CPL_MAX_FILE_SIZE and
 * CPL_MAX_JSON_DEPTH in cpl-dataset.h, CPL_CSV_MAX_ROWS in cpl-csv.h). */
#define CPL_MAX_STRING_LENGTH  (1024 * 1024)  /* bytes of one JSON string or CSV field */
#define CPL_MAX_ARRAY_LENGTH   100000         /* elements of one JSON array */
#define CPL_CSV_MAX_FIELDS     10000          /* fields of one CSV record */
#define CPL_CSV_MAX_CELLS      5000000        /* fields of one CSV file */

/* Where the reader is, for messages: "file: scenarios[2].revenue_share". */
typedef struct {
  const char *file;
  GString    *path;
} CplLoadContext;

void      cpl_load_context_init   (CplLoadContext *ctx,
                                   const char     *file);
void      cpl_load_context_clear  (CplLoadContext *ctx);
gsize     cpl_load_push_key       (CplLoadContext *ctx,
                                   const char     *key);
gsize     cpl_load_push_index     (CplLoadContext *ctx,
                                   guint           index);
void      cpl_load_pop            (CplLoadContext *ctx,
                                   gsize           mark);
gboolean  cpl_load_fail_at        (CplLoadContext *ctx,
                                   const char     *key,
                                   GError        **error,
                                   CplDatasetError code,
                                   const char     *format,
                                   ...) G_GNUC_PRINTF (5, 6);
/* A failure at the path itself, not at a key below it. */
#define cpl_load_fail(ctx, error, code, ...) \
  cpl_load_fail_at ((ctx), NULL, (error), (code), __VA_ARGS__)
gboolean  cpl_load_wrap           (CplLoadContext *ctx,
                                   const char     *key,
                                   GError        **error,
                                   GError         *inner);

gboolean  cpl_json_node_is_string (JsonNode       *node);
gboolean  cpl_json_node_is_number (JsonNode       *node);
char     *cpl_json_describe       (JsonNode       *node);
gboolean  cpl_json_check_id       (CplLoadContext *ctx,
                                   JsonObject     *object,
                                   const char    **id_out,
                                   GError        **error);
JsonArray *cpl_json_get_array     (CplLoadContext *ctx,
                                   JsonObject     *object,
                                   const char     *key,
                                   gboolean        required,
                                   GError        **error);
gboolean  cpl_json_get_string     (CplLoadContext *ctx,
                                   JsonObject     *object,
                                   const char     *key,
                                   gboolean        required,
                                   const char    **out,
                                   GError        **error);
gboolean  cpl_json_get_text       (CplLoadContext *ctx,
                                   JsonObject     *object,
                                   const char     *key,
                                   CplText       **out,
                                   GError        **error);
gboolean  cpl_json_get_boolean    (CplLoadContext *ctx,
                                   JsonObject     *object,
                                   const char     *key,
                                   int            *out,
                                   GError        **error);
gboolean  cpl_id_is_valid         (const char     *id);
gboolean  cpl_is_extension_key    (const char     *key);
JsonNode *cpl_json_keep           (JsonNode       *value);
JsonArray *cpl_json_read_elements (const char     *text,
                                   gsize           length,
                                   guint           n);
void      cpl_json_object_merge   (JsonObject     *into,
                                   JsonObject     *from);
char     *cpl_format_number_c     (double          value);
char     *cpl_format_number_exact (double          value);
char     *cpl_json_to_text        (JsonNode       *node,
                                   gsize          *length);
char     *cpl_json_to_text_rounded (JsonNode      *node,
                                   gsize          *length);

G_END_DECLS

G_BEGIN_DECLS

/* Moves past a UTF-8 byte-order mark at the start of @data, if any. */
static inline void
cpl_skip_bom (const char **data,
              gsize       *length)
{
  if (*length >= 3 && memcmp (*data, "\xEF\xBB\xBF", 3) == 0)
    {
      *data += 3;
      *length -= 3;
    }
}

/* g_set_str() is GLib 2.76; our floor is 2.74. */
static inline gboolean
cpl_set_str (char       **str_pointer,
             const char  *new_str)
{
  char *copy;

  if (*str_pointer == new_str || g_strcmp0 (*str_pointer, new_str) == 0)
    return FALSE;
  copy = g_strdup (new_str);
  g_free (*str_pointer);
  *str_pointer = copy;
  return TRUE;
}

G_END_DECLS
