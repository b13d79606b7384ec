/* cpl-json.c: shared reading helpers and error messages */
#define G_LOG_DOMAIN "cpl-json"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "cpl-json-private.h"

G_DEFINE_QUARK (cpl-dataset-error-quark, cpl_dataset_error)

void
cpl_load_context_init (CplLoadContext *ctx,
                       const char     *file)
{
  ctx->file = file;
  ctx->path = g_string_new (NULL);
}

void
cpl_load_context_clear (CplLoadContext *ctx)
{
  if (ctx->path != NULL)
    g_string_free (ctx->path, TRUE);
  ctx->path = NULL;
}

gsize
cpl_load_push_key (CplLoadContext *ctx,
                   const char     *key)
{
  gsize mark = ctx->path->len;

  if (ctx->path->len > 0)
    g_string_append_c (ctx->path, '.');
  g_string_append (ctx->path, key);
  return mark;
}

gsize
cpl_load_push_index (CplLoadContext *ctx,
                     guint           index)
{
  gsize mark = ctx->path->len;

  g_string_append_printf (ctx->path, "[%u]", index);
  return mark;
}

void
cpl_load_pop (CplLoadContext *ctx,
              gsize           mark)
{
  g_string_truncate (ctx->path, mark);
}

static gboolean
cpl_load_failv (CplLoadContext *ctx,
                const char     *key,
                GError        **error,
                CplDatasetError code,
                const char     *format,
                va_list         args)
{
  g_autofree char *what = g_strdup_vprintf (format, args);
  g_autoptr(GString) where = g_string_new (ctx->path->str);

  if (key != NULL)
    {
      /* a key may come from the file: ranges.KEY, performance.KEY */
      g_autofree char *shown = cpl_message_escape (key, CPL_MESSAGE_MAX_CHARS);

      if (where->len > 0)
        g_string_append_c (where, '.');
      g_string_append (where, shown);
    }
  if (where->len == 0)
    /* Translators: where a message points when the value is the whole
     * file, in place of a JSON path such as "scenarios[2].years" */
    g_string_append (where, _("top level"));

  g_set_error (error, CPL_DATASET_ERROR, code, "%s: %s: %s", ctx->file, where->str, what);
  return FALSE;
}

gboolean
cpl_load_fail_at (CplLoadContext *ctx,
                  const char     *key,
                  GError        **error,
                  CplDatasetError code,
                  const char     *format,
                  ...)
{
  va_list args;

  va_start (args, format);
  cpl_load_failv (ctx, key, error, code, format, args);
  va_end (args);
  return FALSE;
}

/* Gives an error from a lower layer (text, rule) its file and path. */
gboolean
cpl_load_wrap (CplLoadContext *ctx,
               const char     *key,
               GError        **error,
               GError         *inner)
{
  cpl_load_fail_at (ctx, key, error, inner->code, "%s", inner->message);
  g_error_free (inner);
  return FALSE;
}

gboolean
cpl_json_node_is_string (JsonNode *node)
{
  return node != NULL && JSON_NODE_HOLDS_VALUE (node) &&
         json_node_get_value_type (node) == G_TYPE_STRING;
}

gboolean
cpl_json_node_is_number (JsonNode *node)
{
  GType type;

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node))
    return FALSE;
  type = json_node_get_value_type (node);
  return type == G_TYPE_INT64 || type == G_TYPE_DOUBLE;
}

/* @value (finite, not zero) as %.Pg in the C locale, tidied: the
 * exponent loses its "+" and leading zeros ("1e21", "1e-7"). */
static void
format_number (char   *buf,
               gsize   size,
               double  value,
               int     precision)
{
  char fmt[8];
  char *exponent;

  g_snprintf (fmt, sizeof fmt, "%%.%dg", precision);
  g_ascii_formatd (buf, size, fmt, value);
  exponent = strchr (buf, 'e');
  if (exponent != NULL)
    {
      char *digits = exponent + 1;
      const char *from;

      if (*digits == '+')
        memmove (digits, digits + 1, strlen (digits));
      else if (*digits == '-')
        digits++;
      for (from = digits; *from == '0' && from[1] != '\0'; from++)
        ;
      memmove (digits, from, strlen (from) + 1);
    }
}

/* Numbers in messages, reports and tables: the shortest text of the value
 * rounded to 15 significant digits, in the C locale ("2039", not
 * "2039.0000000000002"; "0.1", not "0.09999999999999998").  %.15g rounds
 * and drops the trailing zeros; −0 is "0". */
char *
cpl_format_number_c (double value)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  if (isnan (value))
    return g_strdup ("NaN");
  if (isinf (value))
    return g_strdup (value > 0 ? "Infinity" : "-Infinity");
  if (value == 0)
    return g_strdup ("0");
  format_number (buf, sizeof buf, value, 15);
  return g_strdup (buf);
}

/* Numbers in dataset files: the shortest of 15, 16 and 17 significant
 * digits that reads back to exactly @value, so saving and opening a file
 * never changes a number.  Where 15 digits read back, the text is
 * cpl_format_number_c()'s. */
char *
cpl_format_number_exact (double value)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  if (!isfinite (value) || value == 0)
    return cpl_format_number_c (value);
  for (int precision = 15; precision <= 17; precision++)
    {
      format_number (buf, sizeof buf, value, precision);
      if (g_ascii_strtod (buf, NULL) == value)
        break;
    }
  return g_strdup (buf);
}

/**
 * cpl_message_escape:
 * @text: a file name, or text from a file
 * @max_chars: how many characters to show at most (0: all); a longer
 *   text is cut there and ends in "…"
 *
 * Makes @text safe to put in a message that may reach a terminal:
 * control characters (C0, DEL, C1) and the bidirectional overrides and
 * isolates (U+202A–U+202E, U+2066–U+2069) become escapes such as \x1b
 * and \u202e, and a byte that is not UTF-8 becomes \xff.  An escaped
 * character counts as one.  Escaping is idempotent.
 *
 * Returns: (transfer full): the text to show.
 */
char *
cpl_message_escape (const char *text,
                    gsize       max_chars)
{
  GString *out = g_string_new (NULL);
  const char *p = text ? text : "";
  gsize n_chars = 0;

  while (*p != '\0')
    {
      gunichar c = g_utf8_get_char_validated (p, -1);

      if (max_chars > 0 && n_chars == max_chars)
        {
          g_string_append (out, "…");
          break;
        }
      n_chars++;
      if (c == (gunichar) -1 || c == (gunichar) -2)
        {
          g_string_append_printf (out, "\\x%02x", (guchar) *p);
          p++;
          continue;
        }
      if (c < 0x20 || c == 0x7F)
        g_string_append_printf (out, "\\x%02x", c);
      else if ((c >= 0x80 && c <= 0x9F) || (c >= 0x202A && c <= 0x202E) ||
               (c >= 0x2066 && c <= 0x2069))
        g_string_append_printf (out, "\\u%04x", c);
      else
        g_string_append_len (out, p, g_utf8_next_char (p) - p);
      p = g_utf8_next_char (p);
    }
  return g_string_free (out, FALSE);
}

/* Escapes @error's message in place (cpl_message_escape, no cut): the
 * last step of every load, whatever built the message. */
void
cpl_error_escape (GError *error)
{
  char *message;

  if (error == NULL)
    return;
  message = cpl_message_escape (error->message, 0);
  g_free (error->message);
  error->message = message;
}

/* "the number 1.5", "the string \"abc\"", "an object", … for messages. */
char *
cpl_json_describe (JsonNode *node)
{
  if (node == NULL)
    /* Translators: this and the descriptions of a value below start
     * messages such as "missing; expected a string" */
    return g_strdup (_("missing"));

  switch (JSON_NODE_TYPE (node))
    {
    case JSON_NODE_OBJECT:
      /* Translators: a JSON value, in "an object; expected a string" */
      return g_strdup (_("an object"));
    case JSON_NODE_ARRAY:
      /* Translators: a JSON value, in "an array; expected a string" */
      return g_strdup (_("an array"));
    case JSON_NODE_NULL:
      /* null, true and false are JSON's own words: not translated */
      return g_strdup ("null");
    case JSON_NODE_VALUE:
    default:
      break;
    }

  switch (json_node_get_value_type (node))
    {
    case G_TYPE_BOOLEAN:
      return g_strdup (json_node_get_boolean (node) ? "true" : "false");
    case G_TYPE_INT64:
    case G_TYPE_DOUBLE:
      {
        g_autofree char *number = cpl_format_number_c (json_node_get_double (node));
        /* Translators: %s is a number as the file gives it, "1.5" */
        return g_strdup_printf (_("the number %s"), number);
      }
    case G_TYPE_STRING:
      {
        g_autofree char *shown = cpl_message_escape (json_node_get_string (node),
                                                     CPL_MESSAGE_MAX_CHARS);
        /* Translators: %s is a string as the file gives it, maybe cut short */
        return g_strdup_printf (_("the string \"%s\""), shown);
      }
    default:
      /* Translators: a JSON value of no other kind, in "a value; expected a string" */
      return g_strdup (_("a value"));
    }
}

gboolean
cpl_id_is_valid (const char *id)
{
  if (id == NULL || !(g_ascii_islower (id[0]) || g_ascii_isdigit (id[0])))
    return FALSE;
  for (const char *p = id; *p; p++)
    if (!(g_ascii_islower (*p) || g_ascii_isdigit (*p) || *p == '-'))
      return FALSE;
  return strlen (id) <= 128;
}

/* In an object whose keys all mean something (a chip's performance by
 * precision, a scenario's ranges by parameter, a text by locale), a key
 * of the user's own begins with "x-"; it is kept as read, and any other
 * unknown key is refused as a likely typo. */
gboolean
cpl_is_extension_key (const char *key)
{
  return g_str_has_prefix (key, "x-");
}

/* A copy of @value that shares nothing with it: new objects, arrays and
 * values all the way down (json_node_copy() shares an object, an array,
 * and a value's string). */
static JsonNode *
copy_deep (JsonNode *value)
{
  JsonNode *copy = json_node_alloc ();

  switch (json_node_get_node_type (value))
    {
    case JSON_NODE_OBJECT:
      {
        JsonObject *from = json_node_get_object (value);
        JsonObject *into = json_object_new ();
        JsonObjectIter iter;
        const char *key;
        JsonNode *member;

        json_object_iter_init_ordered (&iter, from);
        while (json_object_iter_next_ordered (&iter, &key, &member))
          json_object_set_member (into, key, copy_deep (member));
        json_node_init_object (copy, into);
        json_object_unref (into);
        break;
      }
    case JSON_NODE_ARRAY:
      {
        JsonArray *from = json_node_get_array (value);
        guint n = json_array_get_length (from);
        JsonArray *into = json_array_sized_new (n);

        for (guint i = 0; i < n; i++)
          json_array_add_element (into, copy_deep (json_array_get_element (from, i)));
        json_node_init_array (copy, into);
        json_array_unref (into);
        break;
      }
    case JSON_NODE_VALUE:
      switch (json_node_get_value_type (value))
        {
        case G_TYPE_INT64:
          json_node_init_int (copy, json_node_get_int (value));
          break;
        case G_TYPE_DOUBLE:
          json_node_init_double (copy, json_node_get_double (value));
          break;
        case G_TYPE_BOOLEAN:
          json_node_init_boolean (copy, json_node_get_boolean (value));
          break;
        case G_TYPE_STRING:
        default:
          json_node_init_string (copy, json_node_get_string (value));
          break;
        }
      break;
    case JSON_NODE_NULL:
    default:
      json_node_init_null (copy);
      break;
    }
  return copy;
}

/**
 * cpl_json_keep:
 * @value: a value of a file's tree, which an entry keeps (a member the
 *   model does not know, a scenario's ranges)
 *
 * What an entry keeps shares nothing with the tree it was read from:
 * json-glib's reference counts are not atomic, and a large file's trees
 * are freed in another thread while the entries are in use (see
 * "Reading a large file in parallel" in cpl-dataset.c).  The copy is
 * sealed, so that no holder of it changes what another keeps.
 *
 * Returns: (transfer full): a deep copy of @value, sealed
 */
JsonNode *
cpl_json_keep (JsonNode *value)
{
  JsonNode *copy = copy_deep (value);

  json_node_seal (copy);
  return copy;
}

/* Copies every member of @from into @into, in order. */
void
cpl_json_object_merge (JsonObject *into,
                       JsonObject *from)
{
  g_autoptr(GList) members = json_object_get_members (from);

  for (const GList *l = members; l != NULL; l = l->next)
    json_object_set_member (into, l->data, json_node_copy (json_object_get_member (from, l->data)));
}

gboolean
cpl_json_get_string (CplLoadContext *ctx,
                     JsonObject     *object,
                     const char     *key,
                     gboolean        required,
                     const char    **out,
                     GError        **error)
{
  JsonNode *node = json_object_get_member (object, key);

  *out = NULL;
  if (node == NULL)
    {
      if (required)
        return cpl_load_fail_at (ctx, key, error, CPL_DATASET_ERROR_MISSING,
                                 "%s", _("missing; expected a string"));
      return TRUE;
    }
  if (!cpl_json_node_is_string (node))
    {
      g_autofree char *shown = cpl_json_describe (node);
      return cpl_load_fail_at (ctx, key, error, CPL_DATASET_ERROR_TYPE,
                               /* Translators: %s describes the value found, "the number 1.5" */
                               _("%s; expected a string"), shown);
    }
  *out = json_node_get_string (node);
  return TRUE;
}

gboolean
cpl_json_check_id (CplLoadContext *ctx,
                   JsonObject     *object,
                   const char    **id_out,
                   GError        **error)
{
  if (!cpl_json_get_string (ctx, object, "id", TRUE, id_out, error))
    return FALSE;
  if (!cpl_id_is_valid (*id_out))
    {
      g_autofree char *shown = cpl_message_escape (*id_out, CPL_MESSAGE_MAX_CHARS);
      return cpl_load_fail_at (ctx, "id", error, CPL_DATASET_ERROR_INVALID,
                               /* Translators: %s is the id as the file gives it */
                               _("\"%s\" is not a valid id; expected lower-case letters, digits "
                                 "and '-', starting with a letter or digit"), shown);
    }
  return TRUE;
}

JsonArray *
cpl_json_get_array (CplLoadContext *ctx,
                    JsonObject     *object,
                    const char     *key,
                    gboolean        required,
                    GError        **error)
{
  JsonNode *node = json_object_get_member (object, key);

  if (node == NULL)
    {
      if (required)
        cpl_load_fail_at (ctx, key, error, CPL_DATASET_ERROR_MISSING, "%s", _("missing; expected an array"));
      return NULL;
    }
  if (!JSON_NODE_HOLDS_ARRAY (node))
    {
      g_autofree char *shown = cpl_json_describe (node);
      /* Translators: %s describes the value found, "the number 1.5" */
      cpl_load_fail_at (ctx, key, error, CPL_DATASET_ERROR_TYPE, _("%s; expected an array"), shown);
      return NULL;
    }
  return json_node_get_array (node);
}

/* A localized text (a string, or an object from locale to string) at
 * @key; *@out stays as it is when there is none. */
gboolean
cpl_json_get_text (CplLoadContext *ctx,
                   JsonObject     *object,
                   const char     *key,
                   CplText       **out,
                   GError        **error)
{
  JsonNode *node = json_object_get_member (object, key);
  GError *inner = NULL;
  CplText *text;

  if (node == NULL)
    return TRUE;
  text = cpl_text_from_json (node, &inner);
  if (text == NULL)
    return cpl_load_wrap (ctx, key, error, inner);
  g_clear_pointer (out, cpl_text_unref);
  *out = text;
  return TRUE;
}

/* *out: -1 absent, 0 false, 1 true. */
gboolean
cpl_json_get_boolean (CplLoadContext *ctx,
                      JsonObject     *object,
                      const char     *key,
                      int            *out,
                      GError        **error)
{
  JsonNode *node = json_object_get_member (object, key);

  *out = -1;
  if (node == NULL)
    return TRUE;
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_BOOLEAN)
    {
      g_autofree char *shown = cpl_json_describe (node);
      return cpl_load_fail_at (ctx, key, error, CPL_DATASET_ERROR_TYPE,
                               /* Translators: %s describes the value found, "the number 1.5";
                                * true and false are JSON's words, not to be translated */
                               _("%s; expected true or false"), shown);
    }
  *out = json_node_get_boolean (node) ? 1 : 0;
  return TRUE;
}

/* The writer -------------------------------------------------------------
 *
 * json-glib's generator writes doubles with 17 digits (0.35 becomes
 * 0.34999999999999998); analysts read and diff these files, so numbers are
 * written in their shortest exact text (cpl_format_number_exact()) in
 * dataset files, and rounded to 15 significant digits, without binary
 * noise, in reports (cpl_format_number_c()). */

static void
write_string (GString    *out,
              const char *s)
{
  g_string_append_c (out, '"');
  for (const char *p = s; *p; p++)
    {
      guchar c = *p;

      switch (c)
        {
        case '"':  g_string_append (out, "\\\""); break;
        case '\\': g_string_append (out, "\\\\"); break;
        case '\n': g_string_append (out, "\\n"); break;
        case '\r': g_string_append (out, "\\r"); break;
        case '\t': g_string_append (out, "\\t"); break;
        default:
          if (c < 0x20)
            g_string_append_printf (out, "\\u%04x", c);
          else
            g_string_append_c (out, c);
        }
    }
  g_string_append_c (out, '"');
}

static void
write_node (GString  *out,
            JsonNode *node,
            guint     depth,
            gboolean  rounded)
{
  switch (JSON_NODE_TYPE (node))
    {
    case JSON_NODE_NULL:
      g_string_append (out, "null");
      break;

    case JSON_NODE_VALUE:
      switch (json_node_get_value_type (node))
        {
        case G_TYPE_BOOLEAN:
          g_string_append (out, json_node_get_boolean (node) ? "true" : "false");
          break;
        case G_TYPE_STRING:
          write_string (out, json_node_get_string (node));
          break;
        case G_TYPE_INT64:
          g_string_append_printf (out, "%" G_GINT64_FORMAT, json_node_get_int (node));
          break;
        default:
          {
            double value = json_node_get_double (node);
            g_autofree char *number = !isfinite (value) ? NULL
                                      : rounded ? cpl_format_number_c (value)
                                      : cpl_format_number_exact (value);

            /* JSON has no NaN or Infinity: unknown is null */
            g_string_append (out, number ? number : "null");
          }
        }
      break;

    case JSON_NODE_ARRAY:
      {
        JsonArray *array = json_node_get_array (node);
        guint n = json_array_get_length (array);

        if (n == 0)
          {
            g_string_append (out, "[]");
            break;
          }
        g_string_append_c (out, '[');
        for (guint i = 0; i < n; i++)
          {
            g_string_append_printf (out, "%s\n%*s", i ? "," : "", (depth + 1) * 2, "");
            write_node (out, json_array_get_element (array, i), depth + 1, rounded);
          }
        g_string_append_printf (out, "\n%*s]", depth * 2, "");
      }
      break;

    case JSON_NODE_OBJECT:
      {
        JsonObject *object = json_node_get_object (node);
        g_autoptr(GList) members = json_object_get_members (object);

        if (members == NULL)
          {
            g_string_append (out, "{}");
            break;
          }
        g_string_append_c (out, '{');
        for (const GList *l = members; l != NULL; l = l->next)
          {
            g_string_append_printf (out, "%s\n%*s", l != members ? "," : "", (depth + 1) * 2, "");
            write_string (out, l->data);
            g_string_append (out, ": ");
            write_node (out, json_object_get_member (object, l->data), depth + 1, rounded);
          }
        g_string_append_printf (out, "\n%*s}", depth * 2, "");
      }
      break;

    default:
      g_assert_not_reached ();
    }
}

static char *
json_to_text (JsonNode *node,
              gsize    *length,
              gboolean  rounded)
{
  GString *out = g_string_new (NULL);

  write_node (out, node, 0, rounded);
  g_string_append_c (out, '\n');
  if (length != NULL)
    *length = out->len;
  return g_string_free (out, FALSE);
}

/**
 * cpl_json_to_text:
 *
 * Returns: (transfer full): @node as indented JSON text ending in a
 *   newline, each number in the shortest text that reads back exactly (a
 *   dataset file)
 */
char *
cpl_json_to_text (JsonNode *node,
                  gsize    *length)
{
  return json_to_text (node, length, FALSE);
}

/**
 * cpl_json_to_text_rounded:
 *
 * Returns: (transfer full): @node as cpl_json_to_text() writes it, but
 *   each number rounded to 15 significant digits (a report: no binary
 *   noise such as 2039.0000000000002)
 */
char *
cpl_json_to_text_rounded (JsonNode *node,
                          gsize    *length)
{
  return json_to_text (node, length, TRUE);
}
