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
#include "json-same.h"

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);


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
      g_autoptr(JsonArray) read = cpl_json_read_elements ((const char *) data, size, n);
      g_autoptr(JsonNode) expected = NULL;
      g_autoptr(JsonNode) node = NULL;

      if (read == NULL)
        continue;
      expected = json_from_string (bracketed, NULL);
      g_assert_nonnull (expected);
      node = json_node_init_array (json_node_alloc (), read);
      g_assert_true (cpl_json_same_node (node, expected));
    }
  return 0;
}
