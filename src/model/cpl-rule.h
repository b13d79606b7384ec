/* cpl-rule.h: an export-control rule as data (MODEL.md §2) */
#pragma once

#include "cpl-entity.h"

G_BEGIN_DECLS

typedef struct {
  CplMetric metric;
  CplOp     op;
  double    value;   /* for "datacenter": 1 true, 0 false */
} CplCondition;

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
const char         *cpl_rule_get_source      (CplRule            *self);
CplText            *cpl_rule_get_description (CplRule            *self);
CplTriState         cpl_rule_evaluate        (CplRule            *self,
                                              const double       *metrics,
                                              int                *matched_clause);
GArray             *cpl_rule_get_margins     (CplRule            *self,
                                              const double       *metrics);
CplTriState         cpl_condition_evaluate   (const CplCondition *condition,
                                              const double       *metrics);

const char         *cpl_metric_get_key       (CplMetric           metric);
gboolean            cpl_metric_from_key      (const char         *key,
                                              CplMetric          *metric);
const char         *cpl_op_get_symbol        (CplOp               op);

G_END_DECLS
