/* test-file.c — atomic writes: complete or absent, never partial
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "sp-file.h"
#include "sp-gsl.h"
#include "test-tmpdir.h"

/* A new file and a replaced one hold exactly the bytes, NULs included, and
 * no temporary is left beside them. */
static void
test_write_and_replace (void)
{
  g_autofree char *dir = test_tmpdir_new ("test-file");
  g_autofree char *path = g_build_filename (dir, "out.bin", NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *read = NULL;
  const char first[] = "abc\0def";
  const char second[] = "x";
  gsize len = 0;

  g_assert_true (sp_file_write_atomic (path, first, sizeof first, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &read, &len, NULL));
  g_assert_cmpmem (read, len, first, sizeof first);
  g_clear_pointer (&read, g_free);

  g_assert_true (sp_file_write_atomic (path, second, 1, &error));
  g_assert_true (g_file_get_contents (path, &read, &len, NULL));
  g_assert_cmpmem (read, len, second, 1);
  g_assert_cmpuint (test_tmpdir_count (dir), ==, 1);

  test_tmpdir_remove (dir);
}

/* The GFile variant takes the same path for local files: the target's
 * inode changes (a rename), which GLib's own replace of a new file would
 * not do, and a new file is never visible before it is complete. */
static void
test_gfile_renames (void)
{
  g_autofree char *dir = test_tmpdir_new ("test-file");
  g_autofree char *path = g_build_filename (dir, "fig.png", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autofree char *read = NULL;
  GStatBuf before, after;
  gsize len = 0;

  g_assert_true (sp_file_write_atomic_gfile (file, "one", 3, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_stat (path, &before), ==, 0);
  g_assert_true (sp_file_write_atomic_gfile (file, "two!", 4, NULL, &error));
  g_assert_cmpint (g_stat (path, &after), ==, 0);
  g_assert_cmpuint (before.st_ino, !=, after.st_ino);
  g_assert_true (g_file_get_contents (path, &read, &len, NULL));
  g_assert_cmpmem (read, len, "two!", 4);
  g_assert_cmpuint (test_tmpdir_count (dir), ==, 1);

  test_tmpdir_remove (dir);
}

/* A missing directory: an error that names the user's path, and nothing
 * created anywhere. */
static void
test_missing_directory (void)
{
  g_autofree char *dir = test_tmpdir_new ("test-file");
  g_autofree char *path = g_build_filename (dir, "nowhere", "out.csv", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;

  g_assert_false (sp_file_write_atomic (path, "1", 1, &error));
  g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_NOENT);
  g_assert_nonnull (strstr (error->message, path));
  g_assert_nonnull (strstr (error->message, g_strerror (ENOENT)));
  g_clear_error (&error);

  g_assert_false (sp_file_write_atomic_gfile (file, "1", 1, NULL, &error));
  g_assert_nonnull (error);
  g_assert_cmpuint (test_tmpdir_count (dir), ==, 0);

  test_tmpdir_remove (dir);
}

/* A read-only directory keeps the old file intact (unless we are root,
 * whom permissions do not stop). */
static void
test_unwritable_keeps_old (void)
{
  g_autofree char *dir = test_tmpdir_new ("test-file");
  g_autofree char *path = g_build_filename (dir, "keep.txt", NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *read = NULL;

  g_assert_true (sp_file_write_atomic (path, "old", 3, &error));
  g_assert_cmpint (g_chmod (dir, 0500), ==, 0);
  if (access (dir, W_OK) == 0)
    {
      g_assert_cmpint (g_chmod (dir, 0700), ==, 0);
      test_tmpdir_remove (dir);
      g_test_skip ("permissions do not apply to this user");
      return;
    }
  g_assert_false (sp_file_write_atomic (path, "new", 3, &error));
  g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_ACCES);
  g_assert_cmpint (g_chmod (dir, 0700), ==, 0);
  g_assert_true (g_file_get_contents (path, &read, NULL, NULL));
  g_assert_cmpstr (read, ==, "old");
  g_assert_cmpuint (test_tmpdir_count (dir), ==, 1);

  test_tmpdir_remove (dir);
}

/* Cancelled before it starts: no file. */
static void
test_cancelled (void)
{
  g_autofree char *dir = test_tmpdir_new ("test-file");
  g_autofree char *path = g_build_filename (dir, "c.txt", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;

  g_cancellable_cancel (cancellable);
  g_assert_false (sp_file_write_atomic_gfile (file, "1", 1, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpuint (test_tmpdir_count (dir), ==, 0);

  test_tmpdir_remove (dir);
}

/* Issue 11: -o onto a symbolic link replaced the link.  The link stays a
 * link and its target (through a chain, relative and absolute) gets the
 * data; the temporary goes beside the target, not beside the link. */
static void
test_symlink_writes_target (void)
{
  g_autofree char *dir = test_tmpdir_new ("test-file");
  g_autofree char *sub = g_build_filename (dir, "real", NULL);
  g_autofree char *target = g_build_filename (sub, "data.csv", NULL);
  g_autofree char *link1 = g_build_filename (dir, "link1", NULL);
  g_autofree char *link2 = g_build_filename (dir, "link2", NULL);
  g_autofree char *dangling = g_build_filename (dir, "dangling", NULL);
  g_autofree char *dangling_target = g_build_filename (sub, "new.csv", NULL);
  g_autofree char *loop = g_build_filename (dir, "loop", NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *a = NULL, *b = NULL, *c = NULL;
  GStatBuf st;

  g_assert_cmpint (g_mkdir (sub, 0700), ==, 0);
  g_assert_true (g_file_set_contents (target, "old", -1, NULL));
  g_assert_cmpint (symlink ("real/data.csv", link1), ==, 0);   /* relative */
  g_assert_cmpint (symlink (link1, link2), ==, 0);             /* absolute, to a link */

  g_assert_true (sp_file_write_atomic (link2, "new", 3, &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_lstat (link2, &st), ==, 0);
  g_assert_true (S_ISLNK (st.st_mode));
  g_assert_cmpint (g_lstat (link1, &st), ==, 0);
  g_assert_true (S_ISLNK (st.st_mode));
  a = test_tmpdir_read_text (target);
  g_assert_cmpstr (a, ==, "new");
  g_assert_cmpuint (test_tmpdir_count (dir), ==, 3);   /* real, link1, link2 */
  g_assert_cmpuint (test_tmpdir_count (sub), ==, 1);

  /* A dangling link creates the file it names, as a shell's > would. */
  g_assert_cmpint (symlink ("real/new.csv", dangling), ==, 0);
  g_assert_true (sp_file_write_atomic (dangling, "made", 4, &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_lstat (dangling, &st), ==, 0);
  g_assert_true (S_ISLNK (st.st_mode));
  b = test_tmpdir_read_text (dangling_target);
  g_assert_cmpstr (b, ==, "made");

  /* A loop is an error naming the user's path, not a hang. */
  g_assert_cmpint (symlink ("loop", loop), ==, 0);
  g_assert_false (sp_file_write_atomic (loop, "x", 1, &error));
  g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_LOOP);
  g_assert_nonnull (strstr (error->message, loop));
  g_clear_error (&error);

  /* Through GFile too (the session's Save path). */
  {
    g_autoptr(GFile) file = g_file_new_for_path (link1);

    g_assert_true (sp_file_write_atomic_gfile (file, "gio", 3, NULL, &error));
    g_assert_no_error (error);
    c = test_tmpdir_read_text (target);
    g_assert_cmpstr (c, ==, "gio");
    g_assert_cmpint (g_lstat (link1, &st), ==, 0);
    g_assert_true (S_ISLNK (st.st_mode));
  }
  test_tmpdir_remove (dir);
}

/* Issue 11: -o /dev/null replaced the device node (as root) or failed.  A
 * character device is written in place; a FIFO with a reader gets the
 * data; a FIFO with none is refused at once instead of blocking. */
static void
test_device_and_fifo (void)
{
  g_autofree char *dir = test_tmpdir_new ("test-file");
  g_autofree char *fifo = g_build_filename (dir, "pipe", NULL);
  g_autoptr(GError) error = NULL;
  GStatBuf st;
  int reader;
  char buf[16] = { 0 };

  g_assert_true (sp_file_write_atomic ("/dev/null", "discard", 7, &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_stat ("/dev/null", &st), ==, 0);
  g_assert_true (S_ISCHR (st.st_mode));

  /* /dev/full: the write fails, with the path in the message. */
  if (g_file_test ("/dev/full", G_FILE_TEST_EXISTS))
    {
      g_assert_false (sp_file_write_atomic ("/dev/full", "x", 1, &error));
      g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_NOSPC);
      g_assert_nonnull (strstr (error->message, "/dev/full"));
      g_clear_error (&error);
    }

  g_assert_cmpint (mkfifo (fifo, 0600), ==, 0);
  g_assert_false (sp_file_write_atomic (fifo, "x", 1, &error));
  g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_NXIO);
  g_assert_nonnull (strstr (error->message, "nothing reads"));
  g_clear_error (&error);

  reader = open (fifo, O_RDONLY | O_NONBLOCK);
  g_assert_cmpint (reader, >=, 0);
  g_assert_true (sp_file_write_atomic (fifo, "piped", 5, &error));
  g_assert_no_error (error);
  g_assert_cmpint (read (reader, buf, sizeof buf - 1), ==, 5);
  g_assert_cmpstr (buf, ==, "piped");
  close (reader);
  g_assert_cmpint (g_lstat (fifo, &st), ==, 0);
  g_assert_true (S_ISFIFO (st.st_mode));

  /* A link to /proc/self/fd/N of a pipe, as /dev/stdout is: the link's
   * text ("pipe:[…]") names no file; the pipe gets the data. */
  {
    g_autofree char *link = g_build_filename (dir, "stdout-like", NULL);
    g_autofree char *fd_path = NULL;
    int fds[2];
    char got[16] = { 0 };

    g_assert_cmpint (pipe (fds), ==, 0);
    fd_path = g_strdup_printf ("/proc/self/fd/%d", fds[1]);
    g_assert_cmpint (symlink (fd_path, link), ==, 0);
    g_assert_true (sp_file_write_atomic (link, "via fd", 6, &error));
    g_assert_no_error (error);
    g_assert_cmpint (read (fds[0], got, sizeof got - 1), ==, 6);
    g_assert_cmpstr (got, ==, "via fd");
    close (fds[0]);
    close (fds[1]);
    g_assert_cmpint (g_unlink (link), ==, 0);
  }

  /* A directory is refused, naming it. */
  g_assert_false (sp_file_write_atomic (dir, "x", 1, &error));
  g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_ISDIR);
  g_assert_nonnull (strstr (error->message, dir));
  g_clear_error (&error);

  g_assert_cmpuint (test_tmpdir_count (dir), ==, 1);
  test_tmpdir_remove (dir);
}

/* While a batch is open its temporaries carry the recognisable name, the
 * targets are untouched; committing renames them all. */
static void
test_batch_commit (void)
{
  g_autofree char *dir = test_tmpdir_new ("test-file");
  g_autofree char *a = g_build_filename (dir, "a.csv", NULL);
  g_autofree char *b = g_build_filename (dir, "b.csv", NULL);
  g_autoptr(SpFileBatch) batch = sp_file_batch_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GDir) d = NULL;
  g_autofree char *ta = NULL, *tb = NULL;
  const char *name;
  guint temporaries = 0;

  g_assert_true (g_file_set_contents (a, "old a", -1, NULL));
  g_assert_true (sp_file_batch_add (batch, a, "new a", 5, &error));
  g_assert_true (sp_file_batch_add (batch, b, "new b", 5, &error));
  g_assert_no_error (error);

  d = g_dir_open (dir, 0, NULL);
  while ((name = g_dir_read_name (d)) != NULL)
    if (g_str_has_prefix (name, ".a.csv" SP_FILE_TEMP_MARK) ||
        g_str_has_prefix (name, ".b.csv" SP_FILE_TEMP_MARK))
      {
        g_assert_cmpuint (strlen (name), ==, strlen (".a.csv" SP_FILE_TEMP_MARK) + 6);
        temporaries++;
      }
  g_assert_cmpuint (temporaries, ==, 2);
  ta = test_tmpdir_read_text (a);
  g_assert_cmpstr (ta, ==, "old a");
  g_assert_false (g_file_test (b, G_FILE_TEST_EXISTS));

  g_assert_true (sp_file_batch_commit (batch, &error));
  g_assert_no_error (error);
  g_clear_pointer (&ta, g_free);
  ta = test_tmpdir_read_text (a);
  tb = test_tmpdir_read_text (b);
  g_assert_cmpstr (ta, ==, "new a");
  g_assert_cmpstr (tb, ==, "new b");
  g_assert_cmpuint (test_tmpdir_count (dir), ==, 2);
  test_tmpdir_remove (dir);
}

/* All or nothing: the second path cannot be written (its directory is
 * missing), so the first file keeps its old contents and no temporary is
 * left; a batch freed without commit removes its temporaries too. */
static void
test_batch_all_or_nothing (void)
{
  g_autofree char *dir = test_tmpdir_new ("test-file");
  g_autofree char *a = g_build_filename (dir, "a.csv", NULL);
  g_autofree char *bad = g_build_filename (dir, "missing", "b.csv", NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  g_assert_true (g_file_set_contents (a, "old a", -1, NULL));
  {
    g_autoptr(SpFileBatch) batch = sp_file_batch_new ();

    g_assert_true (sp_file_batch_add (batch, a, "new a", 5, &error));
    g_assert_false (sp_file_batch_add (batch, bad, "new b", 5, &error));
    g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_NOENT);
    g_assert_nonnull (strstr (error->message, bad));
    g_clear_error (&error);
  }
  text = test_tmpdir_read_text (a);
  g_assert_cmpstr (text, ==, "old a");
  g_assert_cmpuint (test_tmpdir_count (dir), ==, 1);

  /* A device that fails at commit: no regular file was renamed yet. */
  if (g_file_test ("/dev/full", G_FILE_TEST_EXISTS))
    {
      g_autoptr(SpFileBatch) batch = sp_file_batch_new ();

      g_assert_true (sp_file_batch_add (batch, a, "new a", 5, &error));
      g_assert_true (sp_file_batch_add (batch, "/dev/full", "x", 1, &error));
      g_assert_false (sp_file_batch_commit (batch, &error));
      g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_NOSPC);
      g_clear_error (&error);
      g_clear_pointer (&text, g_free);
      text = test_tmpdir_read_text (a);
      g_assert_cmpstr (text, ==, "old a");
      g_assert_cmpuint (test_tmpdir_count (dir), ==, 1);
    }
  test_tmpdir_remove (dir);
}

static void
make_file_aged (const char *path,
                gint64      age_s)
{
  struct timespec times[2];

  g_assert_true (g_file_set_contents (path, "partial", -1, NULL));
  times[0].tv_sec = times[1].tv_sec = (time_t) (g_get_real_time () / G_USEC_PER_SEC - age_s);
  times[0].tv_nsec = times[1].tv_nsec = 0;
  g_assert_cmpint (utimensat (AT_FDCWD, path, times, 0), ==, 0);
}

/* Crash leftovers: only this module's pattern, only old ones, are removed
 * the next time a file goes into that directory. */
static void
test_stale_temporaries (void)
{
  g_autofree char *dir = test_tmpdir_new ("test-file");
  g_autofree char *old_tmp = g_build_filename (dir, ".fig.png" SP_FILE_TEMP_MARK "a1B2c3", NULL);
  g_autofree char *young_tmp = g_build_filename (dir, ".fig.png" SP_FILE_TEMP_MARK "Zz9yY8", NULL);
  g_autofree char *foreign = g_build_filename (dir, ".fig.png.tmp-a1B2c3", NULL);
  g_autofree char *short_suffix = g_build_filename (dir, ".x" SP_FILE_TEMP_MARK "abc", NULL);
  g_autofree char *user_file = g_build_filename (dir, "notes" SP_FILE_TEMP_MARK "a1B2c3", NULL);
  g_autofree char *out = g_build_filename (dir, "out.csv", NULL);
  g_autoptr(GError) error = NULL;

  make_file_aged (old_tmp, 2 * SP_FILE_STALE_AGE);
  make_file_aged (young_tmp, 60);
  make_file_aged (foreign, 2 * SP_FILE_STALE_AGE);
  make_file_aged (short_suffix, 2 * SP_FILE_STALE_AGE);
  make_file_aged (user_file, 2 * SP_FILE_STALE_AGE);

  g_assert_true (sp_file_write_atomic (out, "1", 1, &error));
  g_assert_no_error (error);
  g_assert_false (g_file_test (old_tmp, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (young_tmp, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (foreign, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (short_suffix, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (user_file, G_FILE_TEST_EXISTS));
  g_assert_cmpuint (test_tmpdir_count (dir), ==, 5);

  /* The sweep itself, with an age limit that makes the young one old. */
  g_assert_cmpuint (sp_file_remove_stale_temporaries (dir, 30), ==, 1);
  g_assert_false (g_file_test (young_tmp, G_FILE_TEST_EXISTS));
  test_tmpdir_remove (dir);
}

int
main (int   argc,
      char *argv[])
{
  sp_gsl_init ();
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/file/write-and-replace", test_write_and_replace);
  g_test_add_func ("/file/gfile-renames", test_gfile_renames);
  g_test_add_func ("/file/missing-directory", test_missing_directory);
  g_test_add_func ("/file/unwritable-keeps-old", test_unwritable_keeps_old);
  g_test_add_func ("/file/cancelled", test_cancelled);
  g_test_add_func ("/file/symlink-writes-target", test_symlink_writes_target);
  g_test_add_func ("/file/device-and-fifo", test_device_and_fifo);
  g_test_add_func ("/file/batch-commit", test_batch_commit);
  g_test_add_func ("/file/batch-all-or-nothing", test_batch_all_or_nothing);
  g_test_add_func ("/file/stale-temporaries", test_stale_temporaries);

  return g_test_run ();
}
