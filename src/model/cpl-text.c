/* cpl-text.c: localized text
 *
 * A name, description or note in the dataset is either a plain string or
 * an object from locale to string.  The reader gets the best match for the
 * user's languages, then English, then any; a plain string stays a plain
 * string on save so files round-trip unchanged.
 */
#define G_LOG_DOMAIN "cpl-text"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "cpl-text.h"
#include "cpl-json-private.h"

struct _CplText
{
  grefcount   ref_count;
  char       *plain;      /* set when the text is a plain string */
  GPtrArray  *locales;    /* locale keys, in file order */
  GHashTable *by_locale;  /* locale → string */
  JsonObject *extra;      /* "x-" members, kept as read */
};

G_DEFINE_BOXED_TYPE (CplText, cpl_text, cpl_text_ref, cpl_text_unref)

static CplText *
cpl_text_alloc (void)
{
  CplText *self = g_new0 (CplText, 1);

  g_ref_count_init (&self->ref_count);
  self->locales = g_ptr_array_new_with_free_func (g_free);
  self->by_locale = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  return self;
}

CplText *
cpl_text_new (const char *plain)
{
  CplText *self = cpl_text_alloc ();

  self->plain = g_strdup (plain ? plain : "");
  return self;
}

CplText *
cpl_text_ref (CplText *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_ref_count_inc (&self->ref_count);
  return self;
}

void
cpl_text_unref (CplText *self)
{
  g_return_if_fail (self != NULL);
  if (!g_ref_count_dec (&self->ref_count))
    return;
  g_free (self->plain);
  g_hash_table_unref (self->by_locale);
  g_ptr_array_unref (self->locales);
  g_clear_pointer (&self->extra, json_object_unref);
  g_free (self);
}

CplText *
cpl_text_copy (const CplText *self)
{
  CplText *copy;

  g_return_val_if_fail (self != NULL, NULL);
  if (self->plain != NULL)
    return cpl_text_new (self->plain);
  copy = cpl_text_alloc ();
  for (guint i = 0; i < self->locales->len; i++)
    {
      const char *locale = g_ptr_array_index (self->locales, i);
      cpl_text_set_locale (copy, locale, g_hash_table_lookup (self->by_locale, locale));
    }
  if (self->extra != NULL)
    copy->extra = json_object_ref (self->extra);
  return copy;
}

gboolean
cpl_text_equal (const CplText *a,
                const CplText *b)
{
  if (a == b)
    return TRUE;
  if (a == NULL || b == NULL)
    return FALSE;
  if ((a->plain == NULL) != (b->plain == NULL))
    return FALSE;
  if (a->plain != NULL)
    return g_str_equal (a->plain, b->plain);
  if (a->locales->len != b->locales->len)
    return FALSE;
  for (guint i = 0; i < a->locales->len; i++)
    {
      const char *locale = g_ptr_array_index (a->locales, i);
      const char *other = g_hash_table_lookup (b->by_locale, locale);
      if (other == NULL || !g_str_equal (other, g_hash_table_lookup (a->by_locale, locale)))
        return FALSE;
    }
  return TRUE;
}

/* The locale key that cpl_text_get_for() would read, or NULL. */
static const char *
cpl_text_pick_locale (const CplText      *self,
                      const char * const *languages)
{
  gpointer key;

  /* "C" and "POSIX" are the untranslated program: English, which is the
   * last resort below anyway */
  for (guint i = 0; languages != NULL && languages[i] != NULL; i++)
    if (g_hash_table_lookup_extended (self->by_locale, languages[i], &key, NULL))
      return key;
  /* Chinese without a text of its own: Hong Kong and Macau read the
   * Traditional text, Singapore and plain "zh" the Simplified one */
  for (guint i = 0; languages != NULL && languages[i] != NULL; i++)
    {
      const char *lang = languages[i];
      const char *fallback = NULL;

      if (g_str_has_prefix (lang, "zh_HK") || g_str_has_prefix (lang, "zh_MO"))
        fallback = "zh_TW";
      else if (g_str_has_prefix (lang, "zh_SG") || g_str_equal (lang, "zh"))
        fallback = "zh_CN";
      if (fallback != NULL && g_hash_table_lookup_extended (self->by_locale, fallback, &key, NULL))
        return key;
    }
  if (g_hash_table_lookup_extended (self->by_locale, "en", &key, NULL))
    return key;
  if (self->locales->len > 0)
    return g_ptr_array_index (self->locales, 0);
  return NULL;
}

const char *
cpl_text_get_for (const CplText      *self,
                  const char * const *languages)
{
  const char *locale;

  if (self == NULL)
    return "";
  if (self->plain != NULL)
    return self->plain;
  locale = cpl_text_pick_locale (self, languages);
  return locale ? g_hash_table_lookup (self->by_locale, locale) : "";
}

/**
 * cpl_text_get:
 *
 * Returns: the best match for the user's languages (g_get_language_names()),
 *   then English, then any; never %NULL.
 */
const char *
cpl_text_get (const CplText *self)
{
  return cpl_text_get_for (self, g_get_language_names ());
}

const char *
cpl_text_get_locale (const CplText *self,
                     const char    *locale)
{
  g_return_val_if_fail (self != NULL, NULL);
  if (self->plain != NULL)
    return NULL;
  return g_hash_table_lookup (self->by_locale, locale);
}

void
cpl_text_set_locale (CplText    *self,
                     const char *locale,
                     const char *value)
{
  char *key;

  g_return_if_fail (self != NULL);
  g_return_if_fail (locale != NULL);

  if (self->plain != NULL)
    {
      /* A plain string is read as English when it gains a translation. */
      char *plain = g_steal_pointer (&self->plain);
      key = g_strdup ("en");
      g_ptr_array_add (self->locales, key);
      g_hash_table_insert (self->by_locale, key, plain);
    }
  if (!g_hash_table_contains (self->by_locale, locale))
    {
      key = g_strdup (locale);
      g_ptr_array_add (self->locales, key);
      g_hash_table_insert (self->by_locale, key, g_strdup (value ? value : ""));
      return;
    }
  for (guint i = 0; i < self->locales->len; i++)
    if (g_str_equal (g_ptr_array_index (self->locales, i), locale))
      g_hash_table_insert (self->by_locale, g_ptr_array_index (self->locales, i),
                           g_strdup (value ? value : ""));
}

/**
 * cpl_text_set_current:
 *
 * Replaces the text the user reads now (the string cpl_text_get() returns),
 * keeping the other translations.
 */
void
cpl_text_set_current (CplText    *self,
                      const char *value)
{
  const char *locale;

  g_return_if_fail (self != NULL);
  if (self->plain != NULL)
    {
      g_free (self->plain);
      self->plain = g_strdup (value ? value : "");
      return;
    }
  locale = cpl_text_pick_locale (self, g_get_language_names ());
  cpl_text_set_locale (self, locale ? locale : "en", value);
}

static gboolean
casefold_contains (const char *haystack,
                   const char *folded_needle)
{
  g_autofree char *folded = g_utf8_casefold (haystack, -1);

  return strstr (folded, folded_needle) != NULL;
}

/**
 * cpl_text_contains:
 * @needle: what a search typed
 *
 * Whether any translation of the text contains @needle, ignoring case:
 * "nvidia" finds 英伟达 in a Chinese interface, 昇腾 finds Ascend in an
 * English one.
 */
gboolean
cpl_text_contains (const CplText *self,
                   const char    *needle)
{
  g_autofree char *folded_needle = NULL;
  GHashTableIter iter;
  gpointer value;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (needle != NULL, FALSE);
  folded_needle = g_utf8_casefold (needle, -1);
  if (self->plain != NULL)
    return casefold_contains (self->plain, folded_needle);
  g_hash_table_iter_init (&iter, self->by_locale);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    if (casefold_contains (value, folded_needle))
      return TRUE;
  return FALSE;
}

CplText *
cpl_text_from_json (JsonNode  *node,
                    GError   **error)
{
  g_autoptr(CplText) self = NULL;
  JsonObject *object;
  g_autoptr(GList) members = NULL;

  if (cpl_json_node_is_string (node))
    return cpl_text_new (json_node_get_string (node));

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      g_autofree char *shown = cpl_json_describe (node);
      g_set_error (error, CPL_DATASET_ERROR, CPL_DATASET_ERROR_TYPE,
                   /* Translators: %s describes the value found, "the number 1.5" */
                   _("%s; expected a string or an object from locale to string"), shown);
      return NULL;
    }

  self = cpl_text_alloc ();
  object = json_node_get_object (node);
  members = json_object_get_members (object);
  for (const GList *l = members; l != NULL; l = l->next)
    {
      const char *locale = l->data;
      JsonNode *value = json_object_get_member (object, locale);

      if (cpl_is_extension_key (locale))
        {
          if (self->extra == NULL)
            self->extra = json_object_new ();
          json_object_set_member (self->extra, locale, json_node_copy (value));
          continue;
        }
      if (!cpl_json_node_is_string (value))
        {
          g_autofree char *shown = cpl_json_describe (value);
          g_autofree char *key = cpl_message_escape (locale, CPL_MESSAGE_MAX_CHARS);

          g_set_error (error, CPL_DATASET_ERROR, CPL_DATASET_ERROR_TYPE,
                       /* Translators: %1$s is a locale key ("zh_CN"), %2$s describes
                        * the value found, "the number 1.5" */
                       _("the \"%s\" text is %s; expected a string"), key, shown);
          return NULL;
        }
      cpl_text_set_locale (self, locale, json_node_get_string (value));
    }
  if (self->locales->len == 0)
    {
      g_set_error_literal (error, CPL_DATASET_ERROR, CPL_DATASET_ERROR_TYPE,
                           _("the object has no text; expected at least one locale such as \"en\""));
      return NULL;
    }
  return g_steal_pointer (&self);
}

JsonNode *
cpl_text_to_json (const CplText *self)
{
  JsonObject *object;
  JsonNode *node;

  if (self->plain != NULL)
    return json_node_init_string (json_node_alloc (), self->plain);

  object = json_object_new ();
  for (guint i = 0; i < self->locales->len; i++)
    {
      const char *locale = g_ptr_array_index (self->locales, i);
      json_object_set_string_member (object, locale, g_hash_table_lookup (self->by_locale, locale));
    }
  if (self->extra != NULL)
    cpl_json_object_merge (object, self->extra);
  node = json_node_init_object (json_node_alloc (), object);
  json_object_unref (object);
  return node;
}
