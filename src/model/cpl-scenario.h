/* cpl-scenario.h: a policy scenario (MODEL.md §5) */
#pragma once

#include "cpl-entity.h"

G_BEGIN_DECLS

/* Indices of the scenario's numeric fields, in file order. */
typedef enum {
  CPL_SCENARIO_START_YEAR,
  CPL_SCENARIO_YEARS,
  CPL_SCENARIO_REVENUE_SHARE,
  CPL_SCENARIO_PRICE_PASS_THROUGH,
  CPL_SCENARIO_LICENSE_APPROVAL_RATE,
  CPL_SCENARIO_DEMAND_PFLOPS,
  CPL_SCENARIO_DEMAND_GROWTH,
  CPL_SCENARIO_DOMESTIC_CAPACITY_PFLOPS,
  CPL_SCENARIO_DOMESTIC_CAPACITY_GROWTH,
  CPL_SCENARIO_DOMESTIC_INSTALLED_PFLOPS,
  CPL_SCENARIO_DOMESTIC_LEARNING_RATE,
  CPL_SCENARIO_PRICE_SENSITIVITY,
  CPL_SCENARIO_DOMESTIC_PREFERENCE,
  CPL_SCENARIO_ELECTRICITY_USD_PER_KWH,
  CPL_SCENARIO_DOMESTIC_POWER_SUBSIDY,
  CPL_SCENARIO_PUE,
  CPL_SCENARIO_UTILIZATION,
  CPL_SCENARIO_AMORTIZATION_YEARS,
  CPL_SCENARIO_CAPACITY_SPILL,
  CPL_SCENARIO_SEED,             /* Monte Carlo seed (MODEL.md §6), not rangeable */
  CPL_SCENARIO_N_FIELDS
} CplScenarioField;

#define CPL_TYPE_SCENARIO (cpl_scenario_get_type ())
G_DECLARE_FINAL_TYPE (CplScenario, cpl_scenario, CPL, SCENARIO, CplEntity)

CplScenario        *cpl_scenario_new                   (const char         *id,
                                                        const char         *name,
                                                        const char         *domestic_chip);
double              cpl_scenario_get                   (CplScenario        *self,
                                                        CplScenarioField    field);
const char * const *cpl_scenario_get_allowed_chips     (CplScenario        *self);
void                cpl_scenario_set_allowed_chips     (CplScenario        *self,
                                                        const char * const *chip_ids);
const char         *cpl_scenario_get_domestic_chip     (CplScenario        *self);
void                cpl_scenario_set_domestic_chip     (CplScenario        *self,
                                                        const char         *chip_id);
CplText            *cpl_scenario_get_description       (CplScenario        *self);
JsonObject         *cpl_scenario_get_ranges            (CplScenario        *self);
gboolean            cpl_scenario_get_range             (CplScenario        *self,
                                                        const char         *key,
                                                        double             *range);
gboolean            cpl_scenario_set_range             (CplScenario        *self,
                                                        const char         *key,
                                                        const double       *range,
                                                        GError            **error);

G_END_DECLS
