/* cpl-scenario-editor.h: every parameter of one scenario */
#pragma once

#include <adwaita.h>

#include "cpl-model.h"
#include "views/cpl-number-row.h"

G_BEGIN_DECLS

#define CPL_TYPE_SCENARIO_EDITOR (cpl_scenario_editor_get_type ())
G_DECLARE_FINAL_TYPE (CplScenarioEditor, cpl_scenario_editor, CPL, SCENARIO_EDITOR, GtkBox)

CplScenarioEditor *cpl_scenario_editor_new          (void);
void               cpl_scenario_editor_bind         (CplScenarioEditor *self,
                                                     CplDataset        *dataset,
                                                     CplScenario       *scenario);
CplNumberRow      *cpl_scenario_editor_get_input    (CplScenarioEditor *self,
                                                     const char        *field_key);
const char        *cpl_scenario_editor_get_messages (CplScenarioEditor *self);
const char        *cpl_scenario_editor_get_hint     (CplScenarioEditor *self);
GtkMenuButton     *cpl_scenario_editor_get_chip_chooser (CplScenarioEditor *self);
void               cpl_scenario_editor_use_rules_on (CplScenarioEditor *self,
                                                     const GDate       *date);
const char        *cpl_scenario_editor_get_policy_note (CplScenarioEditor *self);
gboolean           cpl_scenario_editor_set_range_text  (CplScenarioEditor *self,
                                                        const char        *field_key,
                                                        const char        *low,
                                                        const char        *mode,
                                                        const char        *high);
GtkEditable       *cpl_scenario_editor_get_range_end   (CplScenarioEditor *self,
                                                        const char        *field_key,
                                                        guint              end);
const char        *cpl_scenario_editor_get_range_message (CplScenarioEditor *self,
                                                          const char        *field_key);
const char        *cpl_scenario_editor_get_range_mark (CplScenarioEditor *self,
                                                       const char        *field_key);

const char        *cpl_scenario_parameter_key    (guint              index);
const char        *cpl_scenario_parameter_title  (const char        *key);
char              *cpl_scenario_notes_caveat     (CplScenario       *scenario);
const char        *cpl_scenario_input_key        (guint              index,
                                                  const char       **group);
char              *cpl_scenario_parameter_format (const char        *key,
                                                  double             value);
char              *cpl_scenario_parameter_format_range (const char  *key,
                                                        double       low,
                                                        double       high);

void               cpl_scenario_editor_set_compact (CplScenarioEditor *self,
                                                    gboolean           compact);

G_END_DECLS
