/* cpl-json-read.c: a reader of plain JSON into json-glib's nodes, for a
 * large file's lists (#16)
 *
 * json-glib 1.6 reads a token at a time through a general scanner (a
 * GString per token, a character class looked up per byte): half of a
 * large file's load.  This reader makes the same nodes from the same
 * text in a fraction of that, but only from plain JSON (RFC 8259): a
 * comment, a 'string', a hex number, a trailing comma, a control
 * character in a string, an escape json-glib reads wrongly (\u0000, half
 * a surrogate pair), a whole number of more than 18 digits (which
 * json-glib wraps) or nesting deeper than CPL_MAX_JSON_DEPTH makes it
 * give up, and the caller reads the text with json-glib instead, whose
 * result (and message) is the reference.
 *
 * Same nodes means: an object's members in the text's order (a key
 * given twice keeps its last value, as json-glib's), a whole number as
 * an int64, any other number as a double read as g_ascii_strtod() reads
 * it (correctly rounded, as json-glib's), strings as UTF-8.
 */
#include "config.h"

#include "cpl-dataset.h"
#include "cpl-json-private.h"

typedef struct {
  char    *p;
  char    *end;     /* a NUL byte */
  guint    depth;
  GString *buffer;  /* a string with escapes, decoded */
} Reader;

static JsonNode *read_value (Reader *reader);

static inline void
skip_space (Reader *reader)
{
  while (reader->p < reader->end &&
         (*reader->p == ' ' || *reader->p == '\n' || *reader->p == '\r' || *reader->p == '\t'))
    reader->p++;
}

/* Four hex digits at @p, or -1. */
static int
read_hex4 (const char *p,
           const char *end)
{
  int cp = 0;

  if (end - p < 4)
    return -1;
  for (int i = 0; i < 4; i++)
    {
      if (!g_ascii_isxdigit (p[i]))
        return -1;
      cp = cp * 16 + g_ascii_xdigit_value (p[i]);
    }
  return cp;
}

/* The string whose opening quote the reader is at: where the text has
 * it, its closing quote made a NUL, or, with escapes, decoded in
 * @reader's buffer; NULL when it is not plain JSON. */
static const char *
read_string (Reader *reader)
{
  char *start = ++reader->p;
  char *p = start;

  /* most strings have no escape: read where they are */
  while (*p != '"' && *p != '\\' && (guchar) *p >= 0x20)
    p++;
  if (*p == '"')
    {
      *p = '\0';
      reader->p = p + 1;
      return start;
    }

  g_string_truncate (reader->buffer, 0);
  g_string_append_len (reader->buffer, start, p - start);
  while (*p != '"')
    {
      if ((guchar) *p < 0x20)
        return NULL;  /* a control character, or the end */
      if (*p != '\\')
        {
          g_string_append_c (reader->buffer, *p++);
          continue;
        }
      switch (p[1])
        {
        case '"': g_string_append_c (reader->buffer, '"'); break;
        case '\\': g_string_append_c (reader->buffer, '\\'); break;
        case '/': g_string_append_c (reader->buffer, '/'); break;
        case 'b': g_string_append_c (reader->buffer, '\b'); break;
        case 'f': g_string_append_c (reader->buffer, '\f'); break;
        case 'n': g_string_append_c (reader->buffer, '\n'); break;
        case 'r': g_string_append_c (reader->buffer, '\r'); break;
        case 't': g_string_append_c (reader->buffer, '\t'); break;
        case 'u':
          {
            int cp = read_hex4 (p + 2, reader->end);

            if (cp <= 0 || (cp >= 0xDC00 && cp < 0xE000))
              return NULL;  /* \u0000, a malformed escape, a low half alone */
            if (cp >= 0xD800 && cp < 0xDC00)
              {
                int low = p[6] == '\\' && p[7] == 'u' ? read_hex4 (p + 8, reader->end) : -1;

                if (low < 0xDC00 || low >= 0xE000)
                  return NULL;  /* a high half alone */
                cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
                p += 6;
              }
            g_string_append_unichar (reader->buffer, (gunichar) cp);
            p += 6;
            continue;
          }
        default:
          return NULL;  /* \x, or the end */
        }
      p += 2;
    }
  reader->p = p + 1;
  return reader->buffer->str;
}

static JsonNode *
read_number (Reader *reader)
{
  char *start = reader->p;
  char *p = start;
  gboolean integer = TRUE;
  guint digits = 0;

  if (p < reader->end && *p == '-')
    p++;
  if (p < reader->end && *p == '0')
    p++, digits++;
  else
    for (; p < reader->end && g_ascii_isdigit (*p); p++)
      digits++;
  if (digits == 0)
    return NULL;
  if (p < reader->end && *p == '.')
    {
      char *fraction = ++p;

      integer = FALSE;
      while (p < reader->end && g_ascii_isdigit (*p))
        p++;
      if (p == fraction)
        return NULL;
    }
  if (p < reader->end && (*p == 'e' || *p == 'E'))
    {
      char *exponent;

      integer = FALSE;
      p++;
      if (p < reader->end && (*p == '+' || *p == '-'))
        p++;
      exponent = p;
      while (p < reader->end && g_ascii_isdigit (*p))
        p++;
      if (p == exponent)
        return NULL;
    }
  /* "01", "1x": not plain JSON */
  if (p < reader->end && (g_ascii_isalnum (*p) || *p == '.'))
    return NULL;
  if (integer && digits > 18)
    return NULL;
  reader->p = p;
  /* both stop where the number ends, checked above */
  if (integer)
    return json_node_init_int (json_node_alloc (), g_ascii_strtoll (start, NULL, 10));
  return json_node_init_double (json_node_alloc (), g_ascii_strtod (start, NULL));
}

static gboolean
read_word (Reader     *reader,
           const char *word,
           gsize       length)
{
  if ((gsize) (reader->end - reader->p) < length || memcmp (reader->p, word, length) != 0)
    return FALSE;
  reader->p += length;
  /* "nullx": not plain JSON */
  return reader->p == reader->end || !g_ascii_isalnum (*reader->p);
}

typedef enum {
  NEXT_VALUE,  /* a comma: another member or element follows */
  NEXT_CLOSE,  /* the object or array ends */
  NEXT_WRONG,
} Next;

/* After a member or element (and any space): a comma, or @close. */
static Next
read_next (Reader *reader,
           char    close)
{
  skip_space (reader);
  if (*reader->p == ',')
    {
      reader->p++;
      skip_space (reader);
      return NEXT_VALUE;
    }
  if (*reader->p == close)
    {
      reader->p++;
      return NEXT_CLOSE;
    }
  return NEXT_WRONG;
}

static JsonNode *
read_object (Reader *reader)
{
  JsonObject *object = json_object_new ();
  JsonNode *node = NULL;
  Next next;

  reader->p++;
  skip_space (reader);
  if (*reader->p == '}')
    reader->p++;
  else
    for (;;)
      {
        const char *read;
        char *key;
        JsonNode *value;

        if (*reader->p != '"' || (read = read_string (reader)) == NULL)
          goto fail;
        /* the buffer is for the next string: a decoded key is copied */
        key = read == reader->buffer->str ? g_strdup (read) : (char *) read;
        skip_space (reader);
        value = NULL;
        if (*reader->p == ':')
          {
            reader->p++;
            skip_space (reader);
            value = read_value (reader);
          }
        if (value == NULL)
          {
            if (key != read)
              g_free (key);
            goto fail;
          }
        /* it copies the key */
        json_object_set_member (object, key, value);
        if (key != read)
          g_free (key);
        next = read_next (reader, '}');
        if (next == NEXT_CLOSE)
          break;
        if (next == NEXT_WRONG)
          goto fail;
      }
  node = json_node_init_object (json_node_alloc (), object);
fail:
  json_object_unref (object);
  return node;
}

static JsonNode *
read_array (Reader *reader)
{
  JsonArray *array = json_array_new ();
  JsonNode *node = NULL;
  Next next;

  reader->p++;
  skip_space (reader);
  if (*reader->p == ']')
    reader->p++;
  else
    for (;;)
      {
        JsonNode *value = read_value (reader);

        if (value == NULL)
          goto fail;
        json_array_add_element (array, value);
        next = read_next (reader, ']');
        if (next == NEXT_CLOSE)
          break;
        if (next == NEXT_WRONG)
          goto fail;
      }
  node = json_node_init_array (json_node_alloc (), array);
fail:
  json_array_unref (array);
  return node;
}

/* The value the reader is at (after any space), or NULL. */
static JsonNode *
read_value (Reader *reader)
{
  JsonNode *node = NULL;

  if (reader->p >= reader->end)
    return NULL;
  switch (*reader->p)
    {
    case '{':
    case '[':
      if (reader->depth >= CPL_MAX_JSON_DEPTH)
        return NULL;
      reader->depth++;
      node = *reader->p == '{' ? read_object (reader) : read_array (reader);
      reader->depth--;
      return node;
    case '"':
      {
        const char *read = read_string (reader);

        /* it copies the string */
        return read != NULL ? json_node_init_string (json_node_alloc (), read) : NULL;
      }
    case 't':
      return read_word (reader, "true", 4) ? json_node_init_boolean (json_node_alloc (), TRUE) : NULL;
    case 'f':
      return read_word (reader, "false", 5) ? json_node_init_boolean (json_node_alloc (), FALSE) : NULL;
    case 'n':
      return read_word (reader, "null", 4) ? json_node_init_null (json_node_alloc ()) : NULL;
    default:
      return read_number (reader);
    }
}

/**
 * cpl_json_read_elements:
 * @text: @n JSON values separated by commas, with any space around them
 *   (the inside of an array, without its brackets); the reader works on
 *   a copy, where it ends each string without escapes with a NUL in
 *   place of its closing quote (json-glib then copies the string)
 *
 * Returns: (transfer full) (nullable): the values as one array, the
 *   same json-glib would read from "[" @text "]"; %NULL when @text is not
 *   plain JSON or holds another number of values (read it with json-glib)
 */
JsonArray *
cpl_json_read_elements (const char *text,
                        gsize       length,
                        guint       n)
{
  g_autofree char *copy = g_malloc (length + 1);
  Reader reader = { copy, copy + length, 1, g_string_sized_new (256) };
  JsonArray *array = json_array_sized_new (n);

  memcpy (copy, text, length);
  copy[length] = '\0';
  skip_space (&reader);
  for (guint i = 0; i < n; i++)
    {
      JsonNode *value;

      if (i > 0)
        {
          if (reader.p >= reader.end || *reader.p != ',')
            goto fail;
          reader.p++;
          skip_space (&reader);
        }
      value = read_value (&reader);
      if (value == NULL)
        goto fail;
      json_array_add_element (array, value);
      skip_space (&reader);
    }
  if (reader.p != reader.end)
    goto fail;
  g_string_free (reader.buffer, TRUE);
  return array;

fail:
  g_string_free (reader.buffer, TRUE);
  json_array_unref (array);
  return NULL;
}
