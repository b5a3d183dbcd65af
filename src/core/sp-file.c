/* sp-file.c — atomic writes of a user's files (see sp-file.h)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "sp-file.h"

/* The kernel's own limit on symbolic links in one lookup. */
#define MAX_LINKS 40
/* Room for ".", the mark and "XXXXXX" within NAME_MAX (255). */
#define MAX_STEM 200

typedef struct
{
  char     *path;     /* as the user gave it: every message names this   */
  char     *target;   /* @path with symbolic links resolved              */
  char     *temp;     /* the temporary beside @target, or NULL (direct)  */
  GBytes   *direct;   /* the data for a device or pipe, written at commit */
} Entry;

struct _SpFileBatch
{
  GPtrArray *entries;
};

static void
set_errno_error (GError     **error,
                 const char  *path,
                 int          err)
{
  g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (err),
               _("cannot write “%s”: %s"), path, g_strerror (err));
}

static void
entry_free (Entry *e)
{
  /* Not committed: the temporary must not outlive the batch. */
  if (e->temp != NULL)
    g_unlink (e->temp);
  g_free (e->path);
  g_free (e->target);
  g_free (e->temp);
  g_clear_pointer (&e->direct, g_bytes_unref);
  g_free (e);
}

/* Follows symbolic links from @path to the file a write must replace;
 * a dangling link resolves to the (missing) file it names. */
static char *
resolve_links (const char  *path,
               GError     **error)
{
  g_autofree char *current = g_strdup (path);

  for (guint i = 0; i <= MAX_LINKS; i++)
    {
      g_autofree char *link = NULL;
      g_autofree char *dir = NULL;
      GStatBuf st;

      if (g_lstat (current, &st) != 0 || !S_ISLNK (st.st_mode))
        return g_steal_pointer (&current);

      link = g_file_read_link (current, NULL);
      if (link == NULL)
        {
          set_errno_error (error, path, errno);
          return NULL;
        }
      if (g_path_is_absolute (link))
        {
          g_free (current);
          current = g_steal_pointer (&link);
          continue;
        }
      dir = g_path_get_dirname (current);
      g_free (current);
      current = g_build_filename (dir, link, NULL);
    }
  set_errno_error (error, path, ELOOP);
  return NULL;
}

/* Each directory is swept once per process: a recording writes thousands
 * of frames into one directory, and one look is enough. */
G_LOCK_DEFINE_STATIC (swept);
static GHashTable *swept_dirs;

static void
sweep_once (const char *dir)
{
  gboolean first;

  G_LOCK (swept);
  if (swept_dirs == NULL)
    swept_dirs = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  first = g_hash_table_add (swept_dirs, g_strdup (dir));
  G_UNLOCK (swept);
  if (first)
    sp_file_remove_stale_temporaries (dir, SP_FILE_STALE_AGE);
}

/* "." NAME SP_FILE_TEMP_MARK and six characters of g_mkstemp's alphabet. */
static gboolean
is_our_temporary (const char *name)
{
  const char *mark;
  gsize mark_len = strlen (SP_FILE_TEMP_MARK);
  gsize len = strlen (name);

  if (name[0] != '.' || len < 1 + 1 + mark_len + 6)
    return FALSE;
  mark = name + len - 6 - mark_len;
  if (strncmp (mark, SP_FILE_TEMP_MARK, mark_len) != 0)
    return FALSE;
  for (const char *p = name + len - 6; *p != '\0'; p++)
    if (!g_ascii_isalnum (*p))
      return FALSE;
  return TRUE;
}

guint
sp_file_remove_stale_temporaries (const char *dir,
                                  gint64      max_age_s)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
  const char *name;
  guint removed = 0;

  if (d == NULL)
    return 0;
  while ((name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = NULL;
      GStatBuf st;

      if (!is_our_temporary (name))
        continue;
      path = g_build_filename (dir, name, NULL);
      /* Only the user's own regular files, and only old ones: a young
       * temporary may belong to a write still in progress. */
      if (g_lstat (path, &st) == 0 && S_ISREG (st.st_mode) && st.st_uid == getuid () &&
          now - (gint64) st.st_mtime > max_age_s && g_unlink (path) == 0)
        removed++;
    }
  return removed;
}

static gboolean
write_all (int          fd,
           const char  *data,
           gsize        len,
           const char  *path,
           GError     **error)
{
  while (len > 0)
    {
      gssize n = write (fd, data, len);

      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        {
          set_errno_error (error, path, n < 0 ? errno : ENOSPC);
          return FALSE;
        }
      data += n;
      len -= (gsize) n;
    }
  return TRUE;
}

/* Writes the temporary for @e->target; @replacing says whether a file is
 * there already (then the data reaches the disk before the rename, so a
 * crash cannot leave an empty file where the old one was). */
static gboolean
write_temporary (Entry       *e,
                 const void  *data,
                 gsize        len,
                 gboolean     replacing,
                 GError     **error)
{
  g_autofree char *dir = g_path_get_dirname (e->target);
  g_autofree char *base = g_path_get_basename (e->target);
  g_autofree char *name = NULL;
  int fd, err = 0;

  sweep_once (dir);
  if (strlen (base) > MAX_STEM)
    base[MAX_STEM] = '\0';
  name = g_strconcat (".", base, SP_FILE_TEMP_MARK, "XXXXXX", NULL);
  e->temp = g_build_filename (dir, name, NULL);

  /* 0666 less the umask: what open(2) gives a new file. */
  fd = g_mkstemp_full (e->temp, O_WRONLY | O_CLOEXEC, 0666);
  if (fd < 0)
    {
      set_errno_error (error, e->path, errno);
      g_clear_pointer (&e->temp, g_free);
      return FALSE;
    }
  if (!write_all (fd, data, len, e->path, error))
    err = -1;
  else if (replacing && fsync (fd) != 0)
    {
      set_errno_error (error, e->path, errno);
      err = -1;
    }
  if (close (fd) != 0 && err == 0)
    {
      set_errno_error (error, e->path, errno);
      err = -1;
    }
  return err == 0;
}

/* A character device or a pipe: opened without creating or truncating,
 * and a FIFO nobody reads is refused rather than waited on forever. */
static gboolean
write_direct (const Entry  *e,
              GError      **error)
{
  gsize len;
  const char *data = g_bytes_get_data (e->direct, &len);
  int fd = g_open (e->target, O_WRONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC, 0);
  int flags;
  gboolean ok;

  if (fd < 0 && errno == ENXIO)
    {
      g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_NXIO,
                   _("cannot write “%s”: it is a pipe that nothing reads"), e->path);
      return FALSE;
    }
  if (fd < 0)
    {
      set_errno_error (error, e->path, errno);
      return FALSE;
    }
  flags = fcntl (fd, F_GETFL);
  if (flags >= 0)
    fcntl (fd, F_SETFL, flags & ~O_NONBLOCK);
  ok = write_all (fd, data, len, e->path, error);
  if (close (fd) != 0 && ok)
    {
      set_errno_error (error, e->path, errno);
      ok = FALSE;
    }
  return ok;
}

SpFileBatch *
sp_file_batch_new (void)
{
  SpFileBatch *batch = g_new0 (SpFileBatch, 1);

  batch->entries = g_ptr_array_new_with_free_func ((GDestroyNotify) entry_free);
  return batch;
}

void
sp_file_batch_free (SpFileBatch *batch)
{
  if (batch == NULL)
    return;
  g_ptr_array_unref (batch->entries);
  g_free (batch);
}

gboolean
sp_file_batch_add (SpFileBatch  *batch,
                   const char   *path,
                   const void   *data,
                   gsize         len,
                   GError      **error)
{
  Entry *e;
  GStatBuf st;
  gboolean exists;

  g_return_val_if_fail (batch != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  e = g_new0 (Entry, 1);
  e->path = g_strdup (path);

  /* What the path names, through every link as the kernel follows them:
   * /dev/stdout is a link to /proc/self/fd/1, whose "target" (pipe:[…])
   * is no path at all, so a device or pipe is opened by the user's path. */
  exists = g_stat (path, &st) == 0;
  if (exists && (S_ISCHR (st.st_mode) || S_ISFIFO (st.st_mode)))
    {
      e->target = g_strdup (path);
      e->direct = g_bytes_new (data, len);
    }
  else if (exists && S_ISDIR (st.st_mode))
    {
      g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_ISDIR,
                   _("cannot write “%s”: it is a directory"), path);
      entry_free (e);
      return FALSE;
    }
  else if (exists && !S_ISREG (st.st_mode))
    {
      /* A block device or a socket: replacing it is never what was meant,
       * and writing a disk image is not this program's business. */
      g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_FAILED,
                   _("cannot write “%s”: it is neither a regular file, a character device "
                     "nor a pipe"), path);
      entry_free (e);
      return FALSE;
    }
  else
    {
      /* A regular file or none yet: the temporary goes beside the file the
       * links lead to, and the rename replaces that file, not the link. */
      e->target = resolve_links (path, error);
      if (e->target == NULL || !write_temporary (e, data, len, exists, error))
        {
          entry_free (e);
          return FALSE;
        }
    }
  g_ptr_array_add (batch->entries, e);
  return TRUE;
}

gboolean
sp_file_batch_commit (SpFileBatch  *batch,
                      GError      **error)
{
  g_return_val_if_fail (batch != NULL, FALSE);

  /* Devices and pipes first: they are the writes that can still fail
   * (a full device, a reader that went away), and until the renames
   * below no regular file has changed. */
  for (guint i = 0; i < batch->entries->len; i++)
    {
      Entry *e = g_ptr_array_index (batch->entries, i);

      if (e->direct != NULL && !write_direct (e, error))
        {
          g_ptr_array_set_size (batch->entries, 0);
          return FALSE;
        }
    }

  /* Every temporary is complete and sits beside its target on the same
   * file system; rename(2) replaces each one at once. */
  for (guint i = 0; i < batch->entries->len; i++)
    {
      Entry *e = g_ptr_array_index (batch->entries, i);

      if (e->temp == NULL)
        continue;
      if (g_rename (e->temp, e->target) != 0)
        {
          set_errno_error (error, e->path, errno);
          g_ptr_array_set_size (batch->entries, 0);
          return FALSE;
        }
      g_clear_pointer (&e->temp, g_free);
    }
  g_ptr_array_set_size (batch->entries, 0);
  return TRUE;
}

gboolean
sp_file_write_atomic (const char  *path,
                      const void  *data,
                      gsize        len,
                      GError     **error)
{
  g_autoptr(SpFileBatch) batch = sp_file_batch_new ();

  g_return_val_if_fail (path != NULL, FALSE);

  return sp_file_batch_add (batch, path, data, len, error) &&
         sp_file_batch_commit (batch, error);
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
