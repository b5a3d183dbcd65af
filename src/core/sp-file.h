/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sp-file.h — writing a user's file so that it is complete or absent
 *
 * Every file Spinodal writes (figures, CSV, sessions, recordings' PNG
 * frames) goes through here.  g_file_replace_contents() is not enough on
 * its own: for a file that does not exist yet, GLib writes the target
 * directly, so a reader (or a full disk) can see a partial file.  A
 * temporary beside the target renamed over it never leaves one.
 *
 * What the path names decides how it is written:
 *  - a regular file (or nothing yet): a temporary ".NAME.spinodal-tmp-XXXXXX"
 *    in the same directory, renamed over NAME;
 *  - a symbolic link: the file it points to (through any chain of links),
 *    so the link stays a link;
 *  - a character device or a pipe (/dev/null, /dev/stdout, a FIFO with a
 *    reader): written directly, as a shell redirection would;
 *  - a directory, block device or socket: refused with a message.
 * Temporaries left by a crash (older than an hour, this pattern only,
 * owned by the user) are removed the next time a file is written into the
 * same directory.
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* Temporaries are named "." NAME SP_FILE_TEMP_MARK "XXXXXX". */
#define SP_FILE_TEMP_MARK ".spinodal-tmp-"
/* A temporary older than this (seconds) is a crash's leftover. */
#define SP_FILE_STALE_AGE 3600

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

/* Several files written all or nothing: sp_file_batch_add() writes each
 * one's temporary (nothing visible yet), sp_file_batch_commit() renames
 * them all into place once every one was written.  Freeing a batch that
 * was not committed removes its temporaries and leaves the existing files
 * untouched. */
typedef struct _SpFileBatch SpFileBatch;

SpFileBatch *sp_file_batch_new       (void);
gboolean     sp_file_batch_add       (SpFileBatch   *batch,
                                      const char    *path,
                                      const void    *data,
                                      gsize          len,
                                      GError       **error);
gboolean     sp_file_batch_commit    (SpFileBatch   *batch,
                                      GError       **error);
void         sp_file_batch_free      (SpFileBatch   *batch);

/* Removes this module's temporaries in @dir that are older than
 * @max_age_s seconds; returns how many.  Called by the writers once per
 * directory and process with SP_FILE_STALE_AGE. */
guint        sp_file_remove_stale_temporaries (const char *dir,
                                               gint64      max_age_s);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SpFileBatch, sp_file_batch_free)

G_END_DECLS
