/* cpl-file.h: reading and writing a file the user names, safely */
#pragma once

#include <gio/gio.h>

#include "cpl-error.h"

G_BEGIN_DECLS

gboolean  cpl_file_check_size        (const char    *name,
                                      guint64        size,
                                      GError       **error);
GBytes   *cpl_file_read              (const char    *path,
                                      const char    *name,
                                      GError       **error);

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
