/* sp-file.h — writing a user's file so that it is complete or absent
 *
 * Every file Spinodal writes (figures, CSV, sessions, recordings' PNG
 * frames) goes through here.  g_file_replace_contents() is not enough on
 * its own: for a file that does not exist yet, GLib writes the target
 * directly, so a reader (or a full disk) can see a partial file.  A
 * temporary beside the target renamed over it never leaves one.
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* Writes @data to @path through a temporary file and a rename; on failure
 * nothing is left behind and the message names @path (not the temporary). */
gboolean  sp_file_write_atomic       (const char    *path,
                                      const void    *data,
                                      gsize          len,
                                      GError       **error);

/* The same for a GFile: local files (including the document portal's
 * FUSE paths) take the rename path; other backends fall back to
 * g_file_replace_contents(), which replaces existing files atomically. */
gboolean  sp_file_write_atomic_gfile (GFile         *file,
                                      const void    *data,
                                      gsize          len,
                                      GCancellable  *cancellable,
                                      GError       **error);

G_END_DECLS
