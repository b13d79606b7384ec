/* cpl-help-window.h: "Method and Sources", the formulas in plain words */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define CPL_TYPE_HELP_WINDOW (cpl_help_window_get_type ())
G_DECLARE_FINAL_TYPE (CplHelpWindow, cpl_help_window, CPL, HELP_WINDOW, AdwWindow)

CplHelpWindow *cpl_help_window_new (GtkApplication *application);

G_END_DECLS
