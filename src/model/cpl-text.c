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
  /* a translated text: its locale keys in file order, and the string of
   * each (a handful: searched, not hashed); NULL for a plain string */
  GPtrArray  *locales;
  GPtrArray  *values;
  JsonObject *extra;      /* "x-" members, kept as read */
};

G_DEFINE_BOXED_TYPE (CplText, cpl_text, cpl_text_ref, cpl_text_unref)

static CplText *
cpl_text_alloc (void)
{
  CplText *self = g_new0 (CplText, 1);

  g_ref_count_init (&self->ref_count);
  return self;
}

static guint
cpl_text_n_locales (const CplText *self)
{
  return self->locales != NULL ? self->locales->len : 0;
}

/* The index of @locale's string, or -1. */
static int
cpl_text_find (const CplText *self,
               const char    *locale)
{
  for (guint i = 0; i < cpl_text_n_locales (self); i++)
    if (g_str_equal (g_ptr_array_index (self->locales, i), locale))
      return (int) i;
  return -1;
}

static const char *
cpl_text_value (const CplText *self,
                guint          i)
{
  return g_ptr_array_index (self->values, i);
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
  g_clear_pointer (&self->locales, g_ptr_array_unref);
  g_clear_pointer (&self->values, g_ptr_array_unref);
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
  for (guint i = 0; i < cpl_text_n_locales (self); i++)
    cpl_text_set_locale (copy, g_ptr_array_index (self->locales, i), cpl_text_value (self, i));
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
  if (cpl_text_n_locales (a) != cpl_text_n_locales (b))
    return FALSE;
  for (guint i = 0; i < cpl_text_n_locales (a); i++)
    {
      int other = cpl_text_find (b, g_ptr_array_index (a->locales, i));

      if (other < 0 || !g_str_equal (cpl_text_value (b, other), cpl_text_value (a, i)))
        return FALSE;
    }
  return TRUE;
}

/* The index of the locale that cpl_text_get_for() would read, or -1. */
static int
cpl_text_pick_locale (const CplText      *self,
                      const char * const *languages)
{
  int found;

  /* "C" and "POSIX" are the untranslated program: English, which is the
   * last resort below anyway */
  for (guint i = 0; languages != NULL && languages[i] != NULL; i++)
    if ((found = cpl_text_find (self, languages[i])) >= 0)
      return found;
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
      if (fallback != NULL && (found = cpl_text_find (self, fallback)) >= 0)
        return found;
    }
  if ((found = cpl_text_find (self, "en")) >= 0)
    return found;
  return cpl_text_n_locales (self) > 0 ? 0 : -1;
}

const char *
cpl_text_get_for (const CplText      *self,
                  const char * const *languages)
{
  int picked;

  if (self == NULL)
    return "";
  if (self->plain != NULL)
    return self->plain;
  picked = cpl_text_pick_locale (self, languages);
  return picked >= 0 ? cpl_text_value (self, picked) : "";
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
  int found;

  g_return_val_if_fail (self != NULL, NULL);
  if (self->plain != NULL)
    return NULL;
  found = cpl_text_find (self, locale);
  return found >= 0 ? cpl_text_value (self, found) : NULL;
}

void
cpl_text_set_locale (CplText    *self,
                     const char *locale,
                     const char *value)
{
  int found;

  g_return_if_fail (self != NULL);
  g_return_if_fail (locale != NULL);

  if (self->locales == NULL)
    {
      self->locales = g_ptr_array_new_full (4, g_free);
      self->values = g_ptr_array_new_full (4, g_free);
    }
  if (self->plain != NULL)
    {
      /* A plain string is read as English when it gains a translation. */
      g_ptr_array_add (self->locales, g_strdup ("en"));
      g_ptr_array_add (self->values, g_steal_pointer (&self->plain));
    }
  found = cpl_text_find (self, locale);
  if (found < 0)
    {
      g_ptr_array_add (self->locales, g_strdup (locale));
      g_ptr_array_add (self->values, g_strdup (value ? value : ""));
      return;
    }
  g_free (self->values->pdata[found]);
  self->values->pdata[found] = g_strdup (value ? value : "");
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
  int picked;

  g_return_if_fail (self != NULL);
  if (self->plain != NULL)
    {
      g_free (self->plain);
      self->plain = g_strdup (value ? value : "");
      return;
    }
  picked = cpl_text_pick_locale (self, g_get_language_names ());
  cpl_text_set_locale (self, picked >= 0 ? g_ptr_array_index (self->locales, picked) : "en", value);
}

/**
 * cpl_text_edit_current:
 * @text: (inout) (nullable): a text, or %NULL for none
 * @value: (nullable): what the user reads now, as typed
 *
 * cpl_text_set_current() for an optional text (notes): a new plain text
 * where there was none; %NULL again when no language has any text left,
 * so that an emptied text is not written to the file.
 */
void
cpl_text_edit_current (CplText    **text,
                       const char  *value)
{
  gboolean empty = TRUE;

  if (*text == NULL)
    {
      if (value != NULL && *value != '\0')
        *text = cpl_text_new (value);
      return;
    }
  cpl_text_set_current (*text, value);
  if ((*text)->plain != NULL)
    empty = *(*text)->plain == '\0';
  else
    for (guint i = 0; i < (*text)->values->len && empty; i++)
      empty = *(const char *) g_ptr_array_index ((*text)->values, i) == '\0';
  if (empty && (*text)->extra == NULL)
    g_clear_pointer (text, cpl_text_unref);
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

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (needle != NULL, FALSE);
  folded_needle = g_utf8_casefold (needle, -1);
  if (self->plain != NULL)
    return casefold_contains (self->plain, folded_needle);
  for (guint i = 0; i < cpl_text_n_locales (self); i++)
    if (casefold_contains (cpl_text_value (self, i), folded_needle))
      return TRUE;
  return FALSE;
}

CplText *
cpl_text_from_json (JsonNode  *node,
                    GError   **error)
{
  g_autoptr(CplText) self = NULL;
  JsonObjectIter iter;
  const char *locale;
  JsonNode *value;

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
  json_object_iter_init_ordered (&iter, json_node_get_object (node));
  while (json_object_iter_next_ordered (&iter, &locale, &value))
    {
      if (cpl_is_extension_key (locale))
        {
          if (self->extra == NULL)
            self->extra = json_object_new ();
          json_object_set_member (self->extra, locale, cpl_json_keep (value));
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
  if (cpl_text_n_locales (self) == 0)
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
  for (guint i = 0; i < cpl_text_n_locales (self); i++)
    json_object_set_string_member (object, g_ptr_array_index (self->locales, i), cpl_text_value (self, i));
  if (self->extra != NULL)
    cpl_json_object_merge (object, self->extra);
  node = json_node_init_object (json_node_alloc (), object);
  json_object_unref (object);
  return node;
}
