/* cpl-file.c: reading a file the user names, safely
 *
 * A name may point at anything: a named pipe (reading it waits for a
 * writer forever), a folder, /dev/zero (endless), a socket.  The file is
 * opened without blocking and its type and size are read from the open
 * descriptor (fstat), so what is checked is what is read; only a regular
 * file of at most CPL_MAX_FILE_SIZE bytes is read.  Messages name the
 * user's file and say what to do, not which system call failed.
 */
#define G_LOG_DOMAIN "cpl-file"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cpl-dataset.h"
#include "cpl-file.h"

#define READ_CHUNK (256 * 1024)

/**
 * cpl_file_check_size:
 * @name: the file, as messages show it
 *
 * Returns: whether @size is within CPL_MAX_FILE_SIZE; if not, sets @error.
 */
gboolean
cpl_file_check_size (const char *name,
                     guint64     size,
                     GError    **error)
{
  g_autofree char *bytes = NULL;

  if (size <= CPL_MAX_FILE_SIZE)
    return TRUE;
  bytes = g_strdup_printf ("%" G_GUINT64_FORMAT, size);
  /* Translators: %1$s is a file name, %2$s its size in bytes, %3$d a
   * number of MiB */
  g_set_error (error, CPL_DATASET_ERROR, CPL_DATASET_ERROR_LIMIT,
               _("%1$s: the file is %2$s bytes; expected at most %3$d MiB"),
               name, bytes, CPL_MAX_FILE_SIZE / (1024 * 1024));
  return FALSE;
}

/* What a name that is not a regular file names, for messages. */
static const char *
describe_type (mode_t mode)
{
  if (S_ISDIR (mode))
    return _("a folder");
  if (S_ISFIFO (mode))
    return _("a named pipe");
  if (S_ISSOCK (mode))
    return _("a socket");
  if (S_ISCHR (mode) || S_ISBLK (mode))
    return _("a device");
  return _("not a file");
}

static gboolean
fail_not_regular (const char *name,
                  mode_t      mode,
                  GError    **error)
{
  /* Translators: %1$s is a file name, %2$s what it is instead ("a
   * named pipe", "a folder", …) */
  g_set_error (error, CPL_DATASET_ERROR, CPL_DATASET_ERROR_IO,
               _("%1$s is not a regular file (%2$s); choose a dataset file (.json) "
                 "or an Epoch AI hardware table (.csv)"),
               name, describe_type (mode));
  return FALSE;
}

/* @saved_errno from open() or read(), in the user's words. */
static gboolean
fail_io (const char *name,
         int         saved_errno,
         GError    **error)
{
  switch (saved_errno)
    {
    case ENOENT:
    case ENOTDIR:
      g_set_error (error, CPL_DATASET_ERROR, CPL_DATASET_ERROR_IO,
                   _("%s: there is no such file; check the file's name and folder"), name);
      break;
    case EACCES:
    case EPERM:
      g_set_error (error, CPL_DATASET_ERROR, CPL_DATASET_ERROR_IO,
                   _("%s: could not read the file: permission denied; check that the file "
                     "is readable"), name);
      break;
    default:
      /* Translators: %1$s is a file name, %2$s the system's reason
       * ("Input/output error") */
      g_set_error (error, CPL_DATASET_ERROR, CPL_DATASET_ERROR_IO,
                   _("%1$s: could not read the file: %2$s; check that the file is readable "
                     "and try again"), name, g_strerror (saved_errno));
    }
  return FALSE;
}

/**
 * cpl_file_read:
 * @path: the file, in the file system's encoding
 * @name: the file as messages show it (already escaped)
 *
 * Reads a regular file of at most CPL_MAX_FILE_SIZE bytes; refuses
 * anything else without waiting on it.
 *
 * Returns: (transfer full) (nullable): the contents, or %NULL with @error
 *   (CPL_DATASET_ERROR_IO, or _LIMIT for a file too large).
 */
GBytes *
cpl_file_read (const char  *path,
               const char  *name,
               GError     **error)
{
  g_autoptr(GByteArray) contents = NULL;
  struct stat st;
  int fd;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (name != NULL, NULL);

  fd = g_open (path, O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY, 0);
  if (fd < 0)
    {
      int saved_errno = errno;

      /* a socket cannot be opened (ENXIO); say what it is */
      if (g_stat (path, &st) == 0 && !S_ISREG (st.st_mode))
        fail_not_regular (name, st.st_mode, error);
      else
        fail_io (name, saved_errno, error);
      return NULL;
    }
  if (fstat (fd, &st) != 0)
    {
      fail_io (name, errno, error);
      close (fd);
      return NULL;
    }
  if (!S_ISREG (st.st_mode))
    {
      fail_not_regular (name, st.st_mode, error);
      close (fd);
      return NULL;
    }
  if (!cpl_file_check_size (name, st.st_size, error))
    {
      close (fd);
      return NULL;
    }

  /* The file may change while it is read: stop one byte past the limit. */
  contents = g_byte_array_sized_new (st.st_size);
  for (;;)
    {
      guint length = contents->len;
      gssize n;

      g_byte_array_set_size (contents, length + READ_CHUNK);
      n = read (fd, contents->data + length, READ_CHUNK);
      if (n < 0 && errno == EINTR)
        {
          g_byte_array_set_size (contents, length);
          continue;
        }
      if (n < 0)
        {
          fail_io (name, errno, error);
          close (fd);
          return NULL;
        }
      g_byte_array_set_size (contents, length + n);
      if (n == 0 || !cpl_file_check_size (name, contents->len, error))
        break;
    }
  close (fd);
  if (contents->len > CPL_MAX_FILE_SIZE)
    return NULL;
  return g_byte_array_free_to_bytes (g_steal_pointer (&contents));
}
