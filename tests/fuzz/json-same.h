/* json-same.h: whether two json-glib trees are the same, strictly, for
 * the tests of cpl_json_read_elements() (tests/test-json-read.c) and its
 * fuzz harness (fuzz-json-read.c): json_node_equal() takes 1 for 1.0 and
 * does not compare a double's bits; here the types, the members' order,
 * the strings, the whole numbers and the doubles' bits must agree. */
#pragma once

#include <json-glib/json-glib.h>
#include <string.h>

static inline gboolean
cpl_json_same_node (JsonNode *a,
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
              !cpl_json_same_node (json_object_get_member (json_node_get_object (a), k->data),
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
          if (!cpl_json_same_node (json_array_get_element (x, i), json_array_get_element (y, i)))
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
