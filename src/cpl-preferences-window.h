/* cpl-preferences-window.h: the preferences, bound to the settings */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define CPL_TYPE_PREFERENCES_WINDOW (cpl_preferences_window_get_type ())
G_DECLARE_FINAL_TYPE (CplPreferencesWindow, cpl_preferences_window, CPL, PREFERENCES_WINDOW, AdwPreferencesWindow)

CplPreferencesWindow *cpl_preferences_window_new (GSettings *settings);

G_END_DECLS
