/* cpl-view-util.h: small things the views share */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

void       cpl_show_when_folded (GtkWidget *widget,
                                 gpointer   foldable);
GtkWidget *cpl_scroll_sideways  (GtkWidget *child);

G_END_DECLS
