/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-fft-wisdom.c — the FFTW wisdom file: read when it is a regular
 * file, ignored with a warning (never waited on) when it is a FIFO, and a
 * FIFO in its place survives the planner's save */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "sp-fft-wisdom.h"
#include "sp-gsl.h"
#include "test-tmpdir.h"

static char *cache_dir;

static void
test_read_regular (void)
{
  g_autofree char *dir = test_tmpdir_new ("test-wisdom");
  g_autofree char *path = g_build_filename (dir, "w", NULL);
  g_autofree char *missing = g_build_filename (dir, "missing", NULL);
  g_autofree char *text = NULL;
  g_autofree char *empty = NULL;

  g_assert_true (g_file_set_contents (path, "(fftw-3.3.10 fftw_wisdom)", -1, NULL));
  text = sp_fft_wisdom_read (path);
  g_assert_cmpstr (text, ==, "(fftw-3.3.10 fftw_wisdom)");

  /* Missing is the first run: no wisdom and no warning. */
  g_assert_null (sp_fft_wisdom_read (missing));

  g_assert_true (g_file_set_contents (path, "", 0, NULL));
  empty = sp_fft_wisdom_read (path);
  g_assert_true (empty == NULL || empty[0] == '\0');
  test_tmpdir_remove (dir);
}

/* A FIFO with no writer: opening it for reading would block forever. */
static void
test_read_fifo (void)
{
  g_autofree char *dir = test_tmpdir_new ("test-wisdom");
  g_autofree char *fifo = g_build_filename (dir, "fifo", NULL);
  gint64 start;

  g_assert_cmpint (mkfifo (fifo, 0600), ==, 0);
  start = g_get_monotonic_time ();
  g_test_expect_message (NULL, G_LOG_LEVEL_WARNING, "*fifo*not a regular file*");
  g_assert_null (sp_fft_wisdom_read (fifo));
  g_test_assert_expected_messages ();
  g_assert_cmpint (g_get_monotonic_time () - start, <, 5 * G_USEC_PER_SEC);

  /* A directory is no wisdom either. */
  g_test_expect_message (NULL, G_LOG_LEVEL_WARNING, "*not a regular file*");
  g_assert_null (sp_fft_wisdom_read (dir));
  g_test_assert_expected_messages ();
  test_tmpdir_remove (dir);
}

/* The real path: the cache's wisdom file is a FIFO.  Planning loads
 * (warning once), plans, saves, and returns; the FIFO is still a FIFO
 * (the save did not replace what the user put there). */
static void
test_planner_with_fifo (void)
{
  g_autofree char *path = sp_fft_wisdom_path ();
  g_autofree char *dir = g_path_get_dirname (path);
  double *buf = fftw_alloc_real (64);
  fftw_complex *out = fftw_alloc_complex (33);
  fftw_plan plan;
  GStatBuf st;

  g_assert_true (g_str_has_prefix (path, cache_dir));
  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  g_assert_cmpint (mkfifo (path, 0600), ==, 0);

  g_test_expect_message (NULL, G_LOG_LEVEL_WARNING, "*not a regular file*");
  sp_fft_planner_lock (64, 1);
  plan = fftw_plan_dft_r2c_1d (64, buf, out, FFTW_MEASURE);
  sp_fft_planner_unlock ();
  g_test_assert_expected_messages ();
  g_assert_nonnull (plan);
  sp_fft_plan_destroy (plan);

  g_assert_cmpint (g_lstat (path, &st), ==, 0);
  g_assert_true (S_ISFIFO (st.st_mode));
  fftw_free (buf);
  fftw_free (out);
}

/* The calibrated size from which FFTW threads pay: a valid key file is
 * taken as written, one from another FFTW or core count (or no key file)
 * is not. */
static void
test_threads_file (void)
{
  g_autofree char *dir = test_tmpdir_new ("test-wisdom");
  g_autofree char *path = g_build_filename (dir, "fftw-threads", NULL);
  guint threads = MIN (g_get_num_processors (), 4), min_n = 1;
  g_autofree char *good = g_strdup_printf ("[threads]\nmethod=3\nfftw=%s\nthreads=%u\nmin_n=256\n",
                                           fftw_version, threads);
  g_autofree char *other_cores = g_strdup_printf ("[threads]\nmethod=3\nfftw=%s\nthreads=%u\nmin_n=256\n",
                                                  fftw_version, threads + 1);
  g_autofree char *too_big = g_strdup_printf ("[threads]\nmethod=3\nfftw=%s\nthreads=%u\nmin_n=99999\n",
                                              fftw_version, threads);
  const char *const bad[] = {
    other_cores, too_big,
    "[threads]\nfftw=fftw-0.1\nthreads=2\nmin_n=256\n",
    "[threads]\nmin_n=256\n",
    "[threads]\nmethod=2\nfftw=fftw-3.3.10\nthreads=2\nmin_n=256\n",
    "not a key file",
  };

  g_assert_false (sp_fft_threads_read (path, &min_n));
  g_assert_true (g_file_set_contents (path, good, -1, NULL));
  g_assert_true (sp_fft_threads_read (path, &min_n));
  g_assert_cmpuint (min_n, ==, 256);
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      min_n = 1;
      g_assert_true (g_file_set_contents (path, bad[i], -1, NULL));
      g_assert_false (sp_fft_threads_read (path, &min_n));
      g_assert_cmpuint (min_n, ==, 1);
    }
  test_tmpdir_remove (dir);
}

/* The first question measures (on a machine with two cores or more) and
 * keeps the answer beside the wisdom; every thread count follows it. */
static void
test_threads_calibrated (void)
{
  g_autofree char *path = sp_fft_threads_path ();
  guint min_n = sp_fft_threads_min_n (), stored = 1;
  guint threads = MIN (g_get_num_processors (), 4);

  g_test_message ("FFTW threads pay from %u² (0: never up to 1024²)", min_n);
  g_assert_true (min_n == 0 || (min_n >= 128 && min_n <= 1024));
  g_assert_true (g_str_has_prefix (path, cache_dir));
  if (threads < 2)
    g_assert_cmpuint (min_n, ==, 0);
  else
    {
      g_assert_true (sp_fft_threads_read (path, &stored));
      g_assert_cmpuint (stored, ==, min_n);
    }
  for (guint n = 16; n <= 4096; n *= 2)
    g_assert_cmpuint (sp_fft_default_threads (n), ==,
                      min_n != 0 && n >= min_n ? threads : 1);
}

int
main (int    argc,
      char **argv)
{
  int status;

  /* Before anything asks GLib for the cache directory. */
  cache_dir = test_tmpdir_new ("test-wisdom-cache");
  g_setenv ("XDG_CACHE_HOME", cache_dir, TRUE);
  /* A hang is the bug under test: fail instead of waiting for meson. */
  alarm (60);

  sp_gsl_init ();
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/fft-wisdom/read-regular", test_read_regular);
  g_test_add_func ("/fft-wisdom/read-fifo", test_read_fifo);
  g_test_add_func ("/fft-wisdom/planner-with-fifo", test_planner_with_fifo);
  g_test_add_func ("/fft-wisdom/threads-file", test_threads_file);
  g_test_add_func ("/fft-wisdom/threads-calibrated", test_threads_calibrated);
  status = g_test_run ();
  test_tmpdir_remove (cache_dir);
  g_free (cache_dir);
  return status;
}
