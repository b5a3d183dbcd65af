/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sp-fft-wisdom.c — the FFTW planner lock, threads and persistent wisdom */

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <pthread.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "sp-file.h"
#include "sp-fft-wisdom.h"

/* Real wisdom is a few kilobytes; anything far larger is not ours. */
#define SP_FFT_WISDOM_MAX_BYTES (16 * 1024 * 1024)

/* From which grid size threads pay is a property of the machine (bench-ch
 * on one two-core machine: one thread faster at 128² and 256², two 10–20 %
 * faster at 512²), so it is measured once and kept beside the wisdom, in
 * the key file sp_fft_threads_path(): a transform pair timed with one and
 * with all threads (up to 4) at 128² … 1024², the first size from which
 * the threads are 15 % faster in every round at that size and the next one wins (a
 * machine shared with other work makes a single comparison noisy; a
 * wrong "yes" costs far more than a wrong "no"; the whole measurement
 * takes about 0.15 s on an idle machine).  The measurement is redone when the core
 * count or FFTW changes.  min_n = 0: threads never paid up to 1024². */
#define SP_FFT_THREADS_GROUP    "threads"
#define SP_FFT_THREADS_MAX      4
#define SP_FFT_CALIBRATE_MAX_N  1024
/* Below this a pair takes tens of microseconds, less than handing work to
 * another thread and back: such grids neither measure nor thread (which
 * also spares the many small-grid test processes the measurement). */
#define SP_FFT_CALIBRATE_MIN_N  128
/* Bumped when the measurement changes, so that older answers are redone. */
#define SP_FFT_CALIBRATE_METHOD  3

/* Planning with FFTW_MEASURE at 1024² can take seconds without wisdom; the
 * limit keeps a first run (or a grid change in the window) responsive. */
#define SP_FFT_PLAN_TIME_LIMIT 2.0

/* A pthread mutex, not a GMutex: GLib's futex-based locks are invisible to
 * ThreadSanitizer, and the engine's worker must run clean under it. */
static pthread_mutex_t planner_lock = PTHREAD_MUTEX_INITIALIZER;
static gboolean initialised;
static char *wisdom_at_load;   /* the exported wisdom after the last load/save */
static gboolean calibrated;
static guint threads_min_n;    /* calibrated; 0: threads never pay */

char *
sp_fft_wisdom_path (void)
{
  return g_build_filename (g_get_user_cache_dir (), "spinodal", "fftw-wisdom", NULL);
}

char *
sp_fft_wisdom_read (const char *path)
{
  g_autoptr(GMappedFile) mapped = NULL;
  struct stat st;
  int fd;

  /* O_NONBLOCK: opening a FIFO for reading would otherwise wait for a
   * writer forever (issue 11), before fstat could say what it is. */
  fd = g_open (path, O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC, 0);
  if (fd < 0)
    return NULL;   /* missing: the first run */
  if (fstat (fd, &st) != 0 || !S_ISREG (st.st_mode) || st.st_size > SP_FFT_WISDOM_MAX_BYTES)
    {
      g_warning (_("Ignoring the FFTW wisdom file “%s”: it is not a regular file of "
                   "reasonable size; plans will be measured again"), path);
      close (fd);
      return NULL;
    }
  mapped = g_mapped_file_new_from_fd (fd, FALSE, NULL);
  close (fd);
  if (mapped == NULL)
    return NULL;
  return g_strndup (g_mapped_file_get_contents (mapped), g_mapped_file_get_length (mapped));
}

static void
load_wisdom (void)
{
  g_autofree char *path = sp_fft_wisdom_path ();
  g_autofree char *text = sp_fft_wisdom_read (path);

  /* A missing or corrupt file only costs a re-measurement. */
  if (text != NULL)
    fftw_import_wisdom_from_string (text);
  wisdom_at_load = fftw_export_wisdom_to_string ();
}

static void
save_wisdom_if_changed (void)
{
  g_autofree char *path = sp_fft_wisdom_path ();
  g_autofree char *dir = g_path_get_dirname (path);
  char *now = fftw_export_wisdom_to_string ();

  if (now == NULL || g_strcmp0 (now, wisdom_at_load) == 0)
    {
      free (now);
      return;
    }

  /* A temporary renamed over the old file, so a crash or a concurrent
   * process never leaves half a file.  Only a regular file (or none) is
   * replaced: a FIFO or device there was refused on load and is left
   * alone.  An unwritable cache is not an error: the next start just
   * measures again. */
  if (g_mkdir_with_parents (dir, 0700) == 0 &&
      (!g_file_test (path, G_FILE_TEST_EXISTS) || g_file_test (path, G_FILE_TEST_IS_REGULAR)))
    sp_file_write_atomic (path, now, strlen (now), NULL);

  free (wisdom_at_load);
  wisdom_at_load = now;
}

char *
sp_fft_threads_path (void)
{
  return g_build_filename (g_get_user_cache_dir (), "spinodal", "fftw-threads", NULL);
}

static guint
machine_threads (void)
{
  return MIN (g_get_num_processors (), SP_FFT_THREADS_MAX);
}

gboolean
sp_fft_threads_read (const char *path,
                     guint      *min_n)
{
  g_autofree char *text = sp_fft_wisdom_read (path);
  g_autoptr(GKeyFile) kf = g_key_file_new ();
  g_autofree char *version = NULL;
  g_autoptr(GError) error = NULL;
  gint64 threads, value, method;

  if (text == NULL || !g_key_file_load_from_data (kf, text, -1, G_KEY_FILE_NONE, NULL))
    return FALSE;
  version = g_key_file_get_string (kf, SP_FFT_THREADS_GROUP, "fftw", NULL);
  method = g_key_file_get_int64 (kf, SP_FFT_THREADS_GROUP, "method", NULL);
  threads = g_key_file_get_int64 (kf, SP_FFT_THREADS_GROUP, "threads", &error);
  if (error != NULL || method != SP_FFT_CALIBRATE_METHOD)
    return FALSE;
  value = g_key_file_get_int64 (kf, SP_FFT_THREADS_GROUP, "min_n", &error);
  /* Measured on another machine (or FFTW): measure again. */
  if (error != NULL || g_strcmp0 (version, fftw_version) != 0 ||
      threads != machine_threads () || value < 0 || value > SP_FFT_CALIBRATE_MAX_N)
    return FALSE;
  *min_n = (guint) value;
  return TRUE;
}

/* Seconds per r2c + c2r pair, averaged over @reps pairs. */
static double
time_pair (fftw_plan fwd,
           fftw_plan inv,
           guint     reps)
{
  gint64 t0 = g_get_monotonic_time ();

  for (guint r = 0; r < reps; r++)
    {
      fftw_execute (fwd);
      fftw_execute (inv);
    }
  return (g_get_monotonic_time () - t0) / 1e6 / reps;
}

/* Under the planner lock. */
static guint
calibrate (guint threads)
{
  guint paid_from = 0;

  for (guint n = SP_FFT_CALIBRATE_MIN_N; n <= SP_FFT_CALIBRATE_MAX_N; n *= 2)
    {
      gsize nr = (gsize) n * n, nc = (gsize) n * (n / 2 + 1);
      double *in = fftw_alloc_real (nr), *out = fftw_alloc_real (nr);
      fftw_complex *mid = fftw_alloc_complex (nc);
      fftw_plan plans[2][2];
      double best[2] = { G_MAXDOUBLE, G_MAXDOUBLE };
      guint won = 0;
      /* About a millisecond of transforms per timing up to 256², one
       * pair above. */
      guint reps = MAX (1, (256 * 256) / nr * 2);
      gboolean pays;

      for (gsize i = 0; i < nr; i++)
        in[i] = 0.5 + 0.25 * sin (0.37 * (double) i);
      /* FFTW_ESTIMATE: planning is instant and the plans are the same kind
       * for both counts; what is compared is the threads' hand-off. */
      for (guint t = 0; t < 2; t++)
        {
          fftw_plan_with_nthreads (t == 0 ? 1 : (int) threads);
          plans[t][0] = fftw_plan_dft_r2c_2d ((int) n, (int) n, in, mid, FFTW_ESTIMATE);
          plans[t][1] = fftw_plan_dft_c2r_2d ((int) n, (int) n, mid, out, FFTW_ESTIMATE);
        }
      for (guint round = 0; round < 3; round++)
        {
          double now[2];

          for (guint t = 0; t < 2; t++)
            {
              now[t] = time_pair (plans[t][0], plans[t][1], reps);
              best[t] = MIN (best[t], now[t]);
            }
          won += now[1] < 0.85 * now[0];
        }
      for (guint t = 0; t < 2; t++)
        {
          fftw_destroy_plan (plans[t][0]);
          fftw_destroy_plan (plans[t][1]);
        }
      fftw_free (in);
      fftw_free (out);
      fftw_free (mid);

      /* Every round, not just the best ones: on a machine whose cores are
       * busy with other work the threads wait for each other, and a lucky
       * moment with both cores free must not decide. */
      pays = won == 3;
      g_debug ("FFTW threads at %u²: %u thread %.3f ms, %u threads %.3f ms", n, 1,
               1e3 * best[0], threads, 1e3 * best[1]);
      if (!pays)
        paid_from = 0;
      else if (paid_from == 0)
        paid_from = n;
      else
        return paid_from;   /* here and at the size before */
    }
  return paid_from;   /* 0, or the largest size alone */
}

/* Under the planner lock: the calibrated size, measured (and saved) on
 * first use on this machine. */
static void
ensure_calibrated (void)
{
  g_autofree char *path = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *text = NULL;

  if (calibrated)
    return;
  calibrated = TRUE;
  threads_min_n = 0;
  if (machine_threads () < 2)
    return;
  path = sp_fft_threads_path ();
  if (sp_fft_threads_read (path, &threads_min_n))
    return;

  threads_min_n = calibrate (machine_threads ());
  text = g_strdup_printf ("# When FFTW threads pay on this machine (measured by Spinodal)\n"
                          "[" SP_FFT_THREADS_GROUP "]\nmethod=%d\nfftw=%s\nthreads=%u\nmin_n=%u\n",
                          SP_FFT_CALIBRATE_METHOD, fftw_version, machine_threads (), threads_min_n);
  dir = g_path_get_dirname (path);
  /* Like the wisdom: an unwritable cache only means measuring again. */
  if (g_mkdir_with_parents (dir, 0700) == 0 &&
      (!g_file_test (path, G_FILE_TEST_EXISTS) || g_file_test (path, G_FILE_TEST_IS_REGULAR)))
    sp_file_write_atomic (path, text, strlen (text), NULL);
}

static void ensure_initialised (void);

static guint
default_threads_locked (guint n)
{
  if (n < SP_FFT_CALIBRATE_MIN_N)
    return 1;
  ensure_initialised ();
  ensure_calibrated ();
  if (threads_min_n == 0 || n < threads_min_n)
    return 1;
  return machine_threads ();
}

guint
sp_fft_default_threads (guint n)
{
  guint threads;

  pthread_mutex_lock (&planner_lock);
  threads = default_threads_locked (n);
  pthread_mutex_unlock (&planner_lock);
  return threads;
}

guint
sp_fft_threads_min_n (void)
{
  guint min_n;

  pthread_mutex_lock (&planner_lock);
  ensure_initialised ();
  ensure_calibrated ();
  min_n = threads_min_n;
  pthread_mutex_unlock (&planner_lock);
  return min_n;
}

static void
ensure_initialised (void)
{
  if (!initialised)
    {
      fftw_init_threads ();
      /* Other code in the process (or a second engine on another thread)
       * may plan too; this makes FFTW's own planner calls serialised. */
      fftw_make_planner_thread_safe ();
      fftw_set_timelimit (SP_FFT_PLAN_TIME_LIMIT);
      load_wisdom ();
      initialised = TRUE;
    }
}

void
sp_fft_planner_lock (guint n,
                     guint n_threads)
{
  pthread_mutex_lock (&planner_lock);
  ensure_initialised ();
  fftw_plan_with_nthreads ((int) (n_threads > 0 ? n_threads : default_threads_locked (n)));
}

void
sp_fft_planner_unlock (void)
{
  save_wisdom_if_changed ();
  pthread_mutex_unlock (&planner_lock);
}

void
sp_fft_plan_destroy (fftw_plan plan)
{
  if (plan == NULL)
    return;
  pthread_mutex_lock (&planner_lock);
  fftw_destroy_plan (plan);
  pthread_mutex_unlock (&planner_lock);
}
