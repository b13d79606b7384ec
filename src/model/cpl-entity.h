/* cpl-entity.h: the base of every dataset entry (vendor, chip, rule,
 * scenario, revenue case)
 *
 * An entity has an id, a localized name, numeric fields described by a
 * table in its class (each one a GObject property with its range, so the
 * reader, the writer, the validator and the editors share one definition),
 * and the JSON members the model does not know, kept for the round trip.
 */
#pragma once

#include <json-glib/json-glib.h>

#include "cpl-model-types.h"
#include "cpl-text.h"

G_BEGIN_DECLS

typedef enum {
  CPL_FIELD_REQUIRED      = 1 << 0,  /* the file must give it */
  CPL_FIELD_OPTIONAL      = 1 << 1,  /* absent means unknown (NaN) and stays absent */
  CPL_FIELD_INTEGER       = 1 << 2,
  CPL_FIELD_MIN_EXCLUSIVE = 1 << 3,
  CPL_FIELD_MAX_EXCLUSIVE = 1 << 4,
} CplFieldFlags;

/* A field that is neither required nor optional has a default. */
typedef struct {
  const char   *key;            /* JSON key and property name */
  const char   *group;          /* NULL, or the nested object holding it */
  CplFieldFlags flags;
  double        min;
  double        max;
  double        default_value;
} CplField;

#define CPL_TYPE_ENTITY (cpl_entity_get_type ())
G_DECLARE_DERIVABLE_TYPE (CplEntity, cpl_entity, CPL, ENTITY, GObject)

struct _CplEntityClass
{
  GObjectClass parent_class;

  /*< private >*/
  const CplField     *fields;
  guint               n_fields;
  const char * const *keys;      /* other keys the subclass reads and writes */

  gboolean (*load) (CplEntity   *self,
                    JsonObject  *object,
                    gpointer     ctx,    /* CplLoadContext */
                    GError     **error);
  void     (*save) (CplEntity   *self,
                    JsonObject  *object);
  /* whether @value may stand in field @index beside the entity's other
   * values (a check across fields; each field's own range is checked
   * first); NULL: any in range may */
  gboolean (*check_number) (CplEntity  *self,
                            guint       index,
                            double      value,
                            char      **problem);
};

gboolean        cpl_check_pass_through           (double              pass_through,
                                                  const double       *shares,
                                                  guint               n_shares,
                                                  gboolean            setting_pass_through,
                                                  char              **problem);
gboolean        cpl_entity_check_number          (CplEntity          *self,
                                                  guint               index,
                                                  double              value,
                                                  char              **problem);
void            cpl_entity_class_install_fields (CplEntityClass     *klass,
                                                 const CplField     *fields,
                                                 guint               n_fields,
                                                 const char * const *keys);
CplEntity      *cpl_entity_new_from_json        (GType               type,
                                                 JsonObject         *object,
                                                 gpointer            ctx,
                                                 GError            **error);
JsonObject     *cpl_entity_to_json              (CplEntity          *self);
JsonObject     *cpl_entity_dup_snapshot         (CplEntity          *self);
JsonObject     *cpl_entity_get_previous_snapshot (CplEntity         *self);
gboolean        cpl_entity_assign_json          (CplEntity          *self,
                                                 JsonObject         *object,
                                                 GError            **error);
CplEntity      *cpl_entity_duplicate            (CplEntity          *self,
                                                 const char         *new_id);

const char     *cpl_entity_get_id               (CplEntity          *self);
void            cpl_entity_set_id               (CplEntity          *self,
                                                 const char         *id);
const char     *cpl_entity_get_name             (CplEntity          *self);
CplText        *cpl_entity_get_name_text        (CplEntity          *self);
void            cpl_entity_set_name             (CplEntity          *self,
                                                 const char         *name);
const char     *cpl_entity_get_origin           (CplEntity          *self);
void            cpl_entity_set_origin           (CplEntity          *self,
                                                 const char         *origin);

const CplField *cpl_entity_get_field            (CplEntity          *self,
                                                 guint               index);
guint           cpl_entity_get_n_fields         (CplEntity          *self);
int             cpl_entity_find_field           (CplEntity          *self,
                                                 const char         *key);
double          cpl_entity_get_number           (CplEntity          *self,
                                                 guint               index);
const double   *cpl_entity_get_numbers          (CplEntity          *self);
gboolean        cpl_entity_set_number           (CplEntity          *self,
                                                 guint               index,
                                                 double              value,
                                                 GError            **error);
gboolean        cpl_field_check                 (const CplField     *field,
                                                 double              value,
                                                 char              **problem);
JsonObject     *cpl_entity_get_extra            (CplEntity          *self);
void            cpl_entity_will_change          (CplEntity          *self);
void            cpl_entity_emit_changed         (CplEntity          *self);
CplText        *cpl_entity_get_notes            (CplEntity          *self);
void            cpl_entity_set_notes            (CplEntity          *self,
                                                 CplText            *notes);
void            cpl_entity_edit_notes           (CplEntity          *self,
                                                 const char         *value);
gboolean        cpl_entity_load_notes           (CplEntity          *self,
                                                 JsonObject         *object,
                                                 gpointer            ctx,
                                                 GError            **error);
void            cpl_entity_save_notes           (CplEntity          *self,
                                                 JsonObject         *object);

G_END_DECLS
