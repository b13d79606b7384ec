/* cpl-file.h: writing a user's file safely */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* How many symbolic links a save follows before it gives up. */
#define CPL_MAX_SYMLINK_HOPS 32

GFile    *cpl_file_resolve_links     (GFile         *file,
                                      GCancellable  *cancellable,
                                      GError       **error);
gboolean  cpl_file_replace_contents  (GFile         *file,
                                      const char    *contents,
                                      gsize          length,
                                      GCancellable  *cancellable,
                                      GError       **error);

G_END_DECLS
