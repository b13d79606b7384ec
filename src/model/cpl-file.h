/* cpl-file.h: reading a file the user names, safely */
#pragma once

#include <glib.h>

#include "cpl-error.h"

G_BEGIN_DECLS

gboolean  cpl_file_check_size (const char  *name,
                               guint64      size,
                               GError     **error);
GBytes   *cpl_file_read       (const char  *path,
                               const char  *name,
                               GError     **error);

G_END_DECLS
