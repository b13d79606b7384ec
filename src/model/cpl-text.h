/* cpl-text.h: localized text, a plain string or a map from locale to string */
#pragma once

#include <json-glib/json-glib.h>

#include "cpl-model-types.h"

G_BEGIN_DECLS

#define CPL_TYPE_TEXT (cpl_text_get_type ())

GType        cpl_text_get_type      (void) G_GNUC_CONST;
CplText     *cpl_text_new           (const char   *plain);
CplText     *cpl_text_ref           (CplText      *self);
void         cpl_text_unref         (CplText      *self);
CplText     *cpl_text_copy          (const CplText *self);
gboolean     cpl_text_equal         (const CplText *a,
                                     const CplText *b);
const char  *cpl_text_get           (const CplText *self);
const char  *cpl_text_get_for       (const CplText *self,
                                     const char * const *languages);
const char  *cpl_text_get_locale    (const CplText *self,
                                     const char   *locale);
void         cpl_text_set_locale    (CplText      *self,
                                     const char   *locale,
                                     const char   *value);
void         cpl_text_edit_current  (CplText     **text,
                                     const char   *value);
void         cpl_text_set_current   (CplText      *self,
                                     const char   *value);
gboolean     cpl_text_contains      (const CplText *self,
                                     const char   *needle);
CplText     *cpl_text_from_json     (JsonNode     *node,
                                     GError      **error);
JsonNode    *cpl_text_to_json       (const CplText *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CplText, cpl_text_unref)

G_END_DECLS
