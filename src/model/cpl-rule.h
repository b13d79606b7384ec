/* cpl-rule.h: an export-control rule as data (MODEL.md §2) */
#pragma once

#include "cpl-entity.h"

G_BEGIN_DECLS

/* A condition on a metric, or (when @chips is not %NULL) a list of chip
 * ids: {"metric": "chip", "op": "in", "value": [...]}, true when the chip
 * is named, never unknown; @metric is then CPL_N_METRICS, @op CPL_N_OPS. */
typedef struct {
  CplMetric metric;
  CplOp     op;
  double    value;   /* for "datacenter": 1 true, 0 false */
  char    **chips;   /* NULL, or the chip ids of a chip-list condition */
} CplCondition;

/* What a match means (MODEL.md §2.1). */
typedef enum {
  CPL_RULE_EFFECT_CONTROL,   /* an export to China needs a licence, presumed denied */
  CPL_RULE_EFFECT_LICENCE,   /* a licence may be granted case by case */
  CPL_RULE_EFFECT_SHARE,     /* a licensed sale pays the rule's share to the US */
  CPL_RULE_N_EFFECTS
} CplRuleEffect;

/* The rule's numeric fields (CplEntity's table). */
typedef enum {
  CPL_RULE_SHARE,            /* optional, 0–1; only with CPL_RULE_EFFECT_SHARE */
  CPL_RULE_N_FIELDS
} CplRuleField;

/* How far a chip is from one threshold of a rule. */
typedef struct {
  CplMetric   metric;
  CplOp       op;
  double      threshold;
  double      value;     /* NaN when the chip does not give it */
  CplTriState holds;
} CplMargin;

#define CPL_TYPE_RULE (cpl_rule_get_type ())
G_DECLARE_FINAL_TYPE (CplRule, cpl_rule, CPL, RULE, CplEntity)

guint               cpl_rule_get_n_clauses   (CplRule            *self);
const CplCondition *cpl_rule_get_clause      (CplRule            *self,
                                              guint               index,
                                              guint              *n_conditions);
const char         *cpl_rule_get_effective   (CplRule            *self);
const char         *cpl_rule_get_until       (CplRule            *self);
CplRuleEffect       cpl_rule_get_effect      (CplRule            *self);
double              cpl_rule_get_share       (CplRule            *self);
gboolean            cpl_rule_in_force_on     (CplRule            *self,
                                              const GDate        *date);
const char         *cpl_rule_get_source      (CplRule            *self);
CplText            *cpl_rule_get_description (CplRule            *self);
CplTriState         cpl_rule_evaluate        (CplRule            *self,
                                              const double       *metrics,
                                              int                *matched_clause);
CplTriState         cpl_rule_evaluate_clause (CplRule            *self,
                                              guint               clause,
                                              const char         *chip_id,
                                              const double       *metrics);
GArray             *cpl_rule_get_clause_margins (CplRule         *self,
                                                 guint            clause,
                                                 const double    *metrics);
CplTriState         cpl_rule_evaluate_chip   (CplRule            *self,
                                              const char         *chip_id,
                                              const double       *metrics,
                                              int                *matched_clause);
CplTriState         cpl_condition_evaluate   (const CplCondition *condition,
                                              const double       *metrics);
CplTriState         cpl_condition_evaluate_chip (const CplCondition *condition,
                                                 const char         *chip_id,
                                                 const double       *metrics);

const char         *cpl_rule_effect_get_key  (CplRuleEffect       effect);
char               *cpl_iso_date_format      (const GDate        *date);
void                cpl_date_set_today       (GDate              *date);
gboolean            cpl_iso_date_parse       (const char         *text,
                                              GDate              *date);

const char         *cpl_metric_get_key       (CplMetric           metric);
gboolean            cpl_metric_from_key      (const char         *key,
                                              CplMetric          *metric);
const char         *cpl_op_get_symbol        (CplOp               op);

G_END_DECLS
