/* cpl-window.h: the main window and its view switcher */
#pragma once

#include <adwaita.h>

#include "cpl-application.h"

G_BEGIN_DECLS

#define CPL_TYPE_WINDOW (cpl_window_get_type ())
G_DECLARE_FINAL_TYPE (CplWindow, cpl_window, CPL, WINDOW, AdwApplicationWindow)

CplWindow *cpl_window_new             (CplApplication *application);
void       cpl_window_open_file       (CplWindow      *self,
                                       GFile          *file);
void       cpl_window_set_visible_view (CplWindow     *self,
                                        const char    *name);

G_END_DECLS
