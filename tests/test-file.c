/* test-file.c — atomic writes: complete or absent, never partial
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "sp-file.h"
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

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/file/write-and-replace", test_write_and_replace);
  g_test_add_func ("/file/gfile-renames", test_gfile_renames);
  g_test_add_func ("/file/missing-directory", test_missing_directory);
  g_test_add_func ("/file/unwritable-keeps-old", test_unwritable_keeps_old);
  g_test_add_func ("/file/cancelled", test_cancelled);

  return g_test_run ();
}
