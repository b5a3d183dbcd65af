/* sp-file.c — atomic writes of a user's files
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>

#include "sp-file.h"

/* GFileError back to errno, for a message that names the user's path
 * rather than GLib's temporary file. */
static int
file_error_to_errno (int code)
{
  static const struct { int code, err; } table[] = {
    { G_FILE_ERROR_EXIST, EEXIST },   { G_FILE_ERROR_ISDIR, EISDIR },
    { G_FILE_ERROR_ACCES, EACCES },   { G_FILE_ERROR_NAMETOOLONG, ENAMETOOLONG },
    { G_FILE_ERROR_NOENT, ENOENT },   { G_FILE_ERROR_NOTDIR, ENOTDIR },
    { G_FILE_ERROR_ROFS, EROFS },     { G_FILE_ERROR_NOSPC, ENOSPC },
    { G_FILE_ERROR_PERM, EPERM },     { G_FILE_ERROR_IO, EIO },
    { G_FILE_ERROR_LOOP, ELOOP },
  };

  for (guint i = 0; i < G_N_ELEMENTS (table); i++)
    if (table[i].code == code)
      return table[i].err;
  return 0;
}

gboolean
sp_file_write_atomic (const char  *path,
                      const void  *data,
                      gsize        len,
                      GError     **error)
{
  g_autoptr(GError) local = NULL;
  int err;

  g_return_val_if_fail (path != NULL, FALSE);

  /* CONSISTENT: a temporary beside @path, fsync'd and renamed over it.  The
   * mode is what open(2) would give a new file (0666 less the umask). */
  if (g_file_set_contents_full (path, data, (gssize) len,
                                G_FILE_SET_CONTENTS_CONSISTENT, 0666, &local))
    return TRUE;

  err = local->domain == G_FILE_ERROR ? file_error_to_errno (local->code) : 0;
  g_set_error (error, local->domain, local->code, "cannot write “%s”: %s",
               path, err != 0 ? g_strerror (err) : local->message);
  return FALSE;
}

gboolean
sp_file_write_atomic_gfile (GFile         *file,
                            const void    *data,
                            gsize          len,
                            GCancellable  *cancellable,
                            GError       **error)
{
  const char *path;

  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;

  path = g_file_peek_path (file);
  if (path != NULL)
    return sp_file_write_atomic (path, data, len, error);

  return g_file_replace_contents (file, data, len, NULL, FALSE,
                                  G_FILE_CREATE_REPLACE_DESTINATION, NULL,
                                  cancellable, error);
}
