/* cpl-file.c: reading and writing a file the user names, safely
 *
 * Reading: a name may point at anything: a named pipe (reading it waits
 * for a writer forever), a folder, /dev/zero (endless), a socket.  The
 * file is opened without blocking and its type and size are read from
 * the open descriptor (fstat), so what is checked is what is read; only a
 * regular file of at most CPL_MAX_FILE_SIZE bytes is read.  Messages name
 * the user's file and say what to do, not which system call failed.
 *
 * Writing: a save goes through a symbolic link to the file it names,
 * refuses anything that is not a regular file before touching it, and
 * replaces the file with GIO: a temporary file beside it, renamed over
 * it, with the old version kept as FILE~ and the file's mode and owner
 * kept.
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

/* The file as messages show it: control characters escaped. */
static char *
display_name (GFile *file)
{
  g_autofree char *name = g_file_get_parse_name (file);

  return cpl_message_escape (name, 0);
}

/**
 * cpl_file_resolve_links:
 * @file: a file, a symbolic link to one, or a path that does not exist yet
 *
 * Follows symbolic links (relative targets against the link's folder) to
 * the file they end at, which may not exist yet.
 *
 * Returns: (transfer full): the final file, or %NULL with @error set
 *   (G_IO_ERROR_TOO_MANY_LINKS for a loop)
 */
GFile *
cpl_file_resolve_links (GFile         *file,
                        GCancellable  *cancellable,
                        GError       **error)
{
  g_autoptr(GFile) current = g_object_ref (file);

  for (guint hop = 0; hop <= CPL_MAX_SYMLINK_HOPS; hop++)
    {
      g_autoptr(GError) local_error = NULL;
      g_autoptr(GFileInfo) info = NULL;
      g_autoptr(GFile) parent = NULL;
      g_autoptr(GFile) target = NULL;

      info = g_file_query_info (current,
                                G_FILE_ATTRIBUTE_STANDARD_TYPE "," G_FILE_ATTRIBUTE_STANDARD_SYMLINK_TARGET,
                                G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS, cancellable, &local_error);
      if (info == NULL)
        {
          /* a new file */
          if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
            return g_steal_pointer (&current);
          g_propagate_error (error, g_steal_pointer (&local_error));
          return NULL;
        }
      if (g_file_info_get_file_type (info) != G_FILE_TYPE_SYMBOLIC_LINK)
        return g_steal_pointer (&current);

      parent = g_file_get_parent (current);
      target = g_file_resolve_relative_path (parent, g_file_info_get_symlink_target (info));
      g_set_object (&current, target);
    }
  {
    g_autofree char *name = display_name (file);

    g_set_error (error, G_IO_ERROR, G_IO_ERROR_TOO_MANY_LINKS,
                 /* Translators: %1$s is a file name */
                 g_dngettext (GETTEXT_PACKAGE,
                              "%1$s: more than %2$d symbolic link in a row; save the dataset to a regular file",
                              "%1$s: more than %2$d symbolic links in a row; save the dataset to a regular file",
                              CPL_MAX_SYMLINK_HOPS),
                 name, CPL_MAX_SYMLINK_HOPS);
  }
  return NULL;
}

/* What went wrong, in plain words, for the codes a save meets. */
static const char *
describe (const GError *error)
{
  if (error->domain != G_IO_ERROR)
    return NULL;
  switch (error->code)
    {
    case G_IO_ERROR_NO_SPACE:
      return _("the disk is full; free some space or save the dataset elsewhere");
    case G_IO_ERROR_PERMISSION_DENIED:
      return _("you may not write there; save the dataset in a folder of yours");
    case G_IO_ERROR_READ_ONLY:
      return _("the disk is read-only; save the dataset elsewhere");
    case G_IO_ERROR_NOT_FOUND:
    case G_IO_ERROR_NOT_DIRECTORY:
      return _("its folder does not exist; save the dataset in a folder that does");
    case G_IO_ERROR_FILENAME_TOO_LONG:
    case G_IO_ERROR_INVALID_FILENAME:
      return _("the name cannot be used here; choose a shorter or simpler name");
    case G_IO_ERROR_IS_DIRECTORY:
      return _("it is a folder, not a file; save the dataset as a file");
    case G_IO_ERROR_NOT_REGULAR_FILE:
      return _("it is not a regular file (a device, a pipe or a socket); save the dataset to a regular file");
    default:
      return NULL;
    }
}

/* Names the user's file (never GIO's temporary one) and keeps the code. */
static void
set_save_error (GError       **error,
                GFile         *file,
                const GError  *cause)
{
  g_autofree char *name = display_name (file);
  const char *what = describe (cause);

  if (error == NULL)
    return;
  /* Translators: %1$s is a file name, %2$s what went wrong and what to do */
  g_set_error (error, what != NULL ? G_IO_ERROR : cause->domain, cause->code,
               _("%1$s: could not save: %2$s"), name, what != NULL ? what : cause->message);
}

/* Refuses a FIFO, a device, a socket or a folder before opening it: GIO
 * would read it whole for the backup (a save over /dev/zero never ends). */
static gboolean
check_regular (GFile         *file,
               GCancellable  *cancellable,
               GError       **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GFileInfo) info = NULL;
  GFileType type;

  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_TYPE,
                            G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS, cancellable, &local_error);
  if (info == NULL)
    {
      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
        return TRUE;
      set_save_error (error, file, local_error);
      return FALSE;
    }
  type = g_file_info_get_file_type (info);
  if (type == G_FILE_TYPE_REGULAR)
    return TRUE;
  local_error = g_error_new_literal (G_IO_ERROR,
                                     type == G_FILE_TYPE_DIRECTORY ? G_IO_ERROR_IS_DIRECTORY
                                                                   : G_IO_ERROR_NOT_REGULAR_FILE,
                                     "not a regular file");
  set_save_error (error, file, local_error);
  return FALSE;
}

/* A save killed after GLib linked FILE~ to FILE and before it renamed
 * the new version over FILE leaves the two names on one file.  GLib then
 * sees a file with two links and, so as not to break them, saves the next
 * version over it in place after copying it to FILE~: neither is atomic,
 * and a crash then left half a FILE~ (test-crash-save).  That FILE~ is
 * only a second name of FILE, our own: it is removed first, and the save
 * goes through a temporary file again (a link the user made elsewhere is
 * left alone). */
static void
drop_backup_link (GFile *target)
{
  g_autofree char *path = g_file_get_path (target);
  g_autofree char *backup = NULL;
  GStatBuf file, old;

  if (path == NULL || g_stat (path, &file) != 0 || file.st_nlink < 2)
    return;
  backup = g_strconcat (path, "~", NULL);
  if (g_lstat (backup, &old) == 0 && S_ISREG (old.st_mode) &&
      old.st_dev == file.st_dev && old.st_ino == file.st_ino)
    g_unlink (backup);
}

/**
 * cpl_file_replace_contents:
 *
 * Replaces @file (through its symbolic links) with @contents: the old
 * version becomes FILE~ beside the file, mode and owner stay as they
 * were, and on any error the old file is intact and no temporary file is
 * left behind.  Blocks: call it from a thread (cpl_document_save_async()).
 *
 * Returns: whether the file was replaced; on error, @error names @file
 *   and says what to do
 */
gboolean
cpl_file_replace_contents (GFile         *file,
                           const char    *contents,
                           gsize          length,
                           GCancellable  *cancellable,
                           GError       **error)
{
  g_autoptr(GFile) target = NULL;
  g_autoptr(GFileOutputStream) out = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  target = cpl_file_resolve_links (file, cancellable, &local_error);
  if (target == NULL)
    {
      set_save_error (error, file, local_error);
      return FALSE;
    }
  if (!check_regular (target, cancellable, error))
    return FALSE;
  drop_backup_link (target);

  out = g_file_replace (target, NULL, TRUE, G_FILE_CREATE_NONE, cancellable, &local_error);
  if (out == NULL ||
      !g_output_stream_write_all (G_OUTPUT_STREAM (out), contents, length, NULL, cancellable, &local_error))
    {
      if (out != NULL)
        {
          /* GLib 2.74 renames the temporary file over the original when
           * the stream closes, even after a failed write (a full disk
           * would leave half a file): closing with a cancelled
           * cancellable removes the temporary file and keeps the old. */
          g_autoptr(GCancellable) abort = g_cancellable_new ();

          g_cancellable_cancel (abort);
          g_output_stream_close (G_OUTPUT_STREAM (out), abort, NULL);
        }
      set_save_error (error, file, local_error);
      return FALSE;
    }
  if (!g_output_stream_close (G_OUTPUT_STREAM (out), cancellable, &local_error))
    {
      set_save_error (error, file, local_error);
      return FALSE;
    }
  return TRUE;
}
