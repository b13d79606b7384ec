/* fuzz-json-read.c: libFuzzer harness for cpl_json_read_elements(), the
 * loader's reader of plain JSON (#16), against json-glib
 *
 * The input is the inside of an array, as the loader hands a large
 * file's segment to the reader, read as 1, 2 and 3 elements.  Whenever
 * the reader reads it, json-glib must read "[" input "]" too, to the same
 * nodes: the same types, members in the same order, the same strings,
 * whole numbers and doubles' bits.  The loader reads only UTF-8 without
 * NUL bytes (check_text()), so other input is skipped; the reader may
 * give up on anything (json-glib then reads it).
 */
#include "config.h"

#include <glib.h>
#include <json-glib/json-glib.h>
#include <stdint.h>
#include <string.h>

#include "cpl-json-private.h"

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

static gboolean
fuzz_json_same (JsonNode *a,
                JsonNode *b)
{
  if (json_node_get_node_type (a) != json_node_get_node_type (b))
    return FALSE;
  switch (json_node_get_node_type (a))
    {
    case JSON_NODE_OBJECT:
      {
        g_autoptr(GList) a_keys = json_object_get_members (json_node_get_object (a));
        g_autoptr(GList) b_keys = json_object_get_members (json_node_get_object (b));
        const GList *k, *l;

        for (k = a_keys, l = b_keys; k != NULL && l != NULL; k = k->next, l = l->next)
          if (!g_str_equal (k->data, l->data) ||
              !fuzz_json_same (json_object_get_member (json_node_get_object (a), k->data),
                               json_object_get_member (json_node_get_object (b), l->data)))
            return FALSE;
        return k == NULL && l == NULL;
      }
    case JSON_NODE_ARRAY:
      {
        JsonArray *x = json_node_get_array (a), *y = json_node_get_array (b);

        if (json_array_get_length (x) != json_array_get_length (y))
          return FALSE;
        for (guint i = 0; i < json_array_get_length (x); i++)
          if (!fuzz_json_same (json_array_get_element (x, i), json_array_get_element (y, i)))
            return FALSE;
        return TRUE;
      }
    case JSON_NODE_VALUE:
      if (json_node_get_value_type (a) != json_node_get_value_type (b))
        return FALSE;
      switch (json_node_get_value_type (a))
        {
        case G_TYPE_INT64:
          return json_node_get_int (a) == json_node_get_int (b);
        case G_TYPE_DOUBLE:
          {
            double x = json_node_get_double (a), y = json_node_get_double (b);

            return memcmp (&x, &y, sizeof x) == 0;
          }
        case G_TYPE_BOOLEAN:
          return json_node_get_boolean (a) == json_node_get_boolean (b);
        default:
          return g_str_equal (json_node_get_string (a), json_node_get_string (b));
        }
    case JSON_NODE_NULL:
    default:
      return TRUE;
    }
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autofree char *bracketed = NULL;

  if (size > 65536 || !g_utf8_validate_len ((const char *) data, size, NULL))
    return 0;
  bracketed = g_strdup_printf ("[%.*s]", (int) size, (const char *) data);
  for (guint n = 1; n <= 3; n++)
    {
      g_autofree char *copy = g_strndup ((const char *) data, size);
      g_autoptr(JsonArray) read = cpl_json_read_elements (copy, size, n);
      g_autoptr(JsonNode) expected = NULL;
      g_autoptr(JsonNode) node = NULL;

      if (read == NULL)
        continue;
      expected = json_from_string (bracketed, NULL);
      g_assert_nonnull (expected);
      node = json_node_init_array (json_node_alloc (), read);
      g_assert_true (fuzz_json_same (node, expected));
    }
  return 0;
}
