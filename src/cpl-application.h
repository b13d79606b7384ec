/* cpl-application.h: the application, its actions and its command line */
#pragma once

#include <adwaita.h>

#include "cpl-model.h"

G_BEGIN_DECLS

typedef struct _CplWindow CplWindow;

#define CPL_TYPE_APPLICATION (cpl_application_get_type ())
G_DECLARE_FINAL_TYPE (CplApplication, cpl_application, CPL, APPLICATION, AdwApplication)

CplApplication *cpl_application_new              (void);
CplDataset     *cpl_application_get_dataset      (CplApplication *self);
CplHistory     *cpl_application_get_history      (CplApplication *self);
GSettings      *cpl_application_get_settings     (CplApplication *self);
void            cpl_application_open_file        (CplApplication *self,
                                                  GFile          *file,
                                                  CplWindow      *from);
int             cpl_compute_main                 (const char     *path,
                                                  const char     *format,
                                                  gboolean        alone,
                                                  const char     *date,
                                                  const char     *draws,
                                                  const char     *seek);
int             cpl_report_main                  (const char     *path,
                                                  const char * const *scenario_ids,
                                                  const char     *output,
                                                  const char     *paper);
int             cpl_export_chart_main            (const char     *chart_id,
                                                  const char * const *scenario_ids,
                                                  const char     *output,
                                                  const char     *scale,
                                                  const char     *palette,
                                                  const char     *total_key,
                                                  const char * const *files);

G_END_DECLS
