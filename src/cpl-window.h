/* cpl-window.h: the main window and its view switcher */
#pragma once

#include <adwaita.h>

#include "cpl-application.h"
#include "views/chips/cpl-chips-view.h"
#include "views/revenue/cpl-revenue-view.h"

G_BEGIN_DECLS

#define CPL_TYPE_WINDOW (cpl_window_get_type ())
G_DECLARE_FINAL_TYPE (CplWindow, cpl_window, CPL, WINDOW, AdwApplicationWindow)

CplWindow   *cpl_window_new               (CplApplication *application);
CplWindow   *cpl_window_new_for_document  (CplApplication *application,
                                           CplDocument    *document);
CplDocument *cpl_window_get_document      (CplWindow      *self);
void         cpl_window_load_file         (CplWindow      *self,
                                           GFile          *file);
gboolean     cpl_window_get_loading       (CplWindow      *self);
GFile       *cpl_window_get_loading_file  (CplWindow      *self);
void         cpl_window_open_file         (CplWindow      *self,
                                           GFile          *file);
void         cpl_window_save_to           (CplWindow      *self,
                                           GFile          *file);
void         cpl_window_show_open_error   (CplWindow      *self,
                                           const GError   *error);
void         cpl_window_request_quit      (CplWindow      *self);
void         cpl_window_set_visible_view  (CplWindow      *self,
                                           const char     *name);
CplChipsView   *cpl_window_get_chips_view   (CplWindow  *self);
CplRevenueView *cpl_window_get_revenue_view (CplWindow  *self);
gboolean        cpl_window_has_view         (CplWindow  *self,
                                             const char *name);

G_END_DECLS
