/* sp-fft-wisdom.c — the FFTW planner lock, threads and persistent wisdom */

#include "config.h"

#include <errno.h>
#include <fcntl.h>
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

/* Below this size the thread hand-off costs more than it saves (bench-ch
 * on two cores: one thread is faster per step at 128² and 256², two are
 * 10–20 % faster at 512²). */
#define SP_FFT_THREADS_MIN_N 512

/* Planning with FFTW_MEASURE at 1024² can take seconds without wisdom; the
 * limit keeps a first run (or a grid change in the window) responsive. */
#define SP_FFT_PLAN_TIME_LIMIT 2.0

/* A pthread mutex, not a GMutex: GLib's futex-based locks are invisible to
 * ThreadSanitizer, and the engine's worker must run clean under it. */
static pthread_mutex_t planner_lock = PTHREAD_MUTEX_INITIALIZER;
static gboolean initialised;
static char *wisdom_at_load;   /* the exported wisdom after the last load/save */

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

guint
sp_fft_default_threads (guint n)
{
  guint cores = g_get_num_processors ();

  if (n < SP_FFT_THREADS_MIN_N || cores < 2)
    return 1;
  return MIN (cores, 4);
}

void
sp_fft_planner_lock (guint n,
                     guint n_threads)
{
  pthread_mutex_lock (&planner_lock);

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

  fftw_plan_with_nthreads ((int) (n_threads > 0 ? n_threads : sp_fft_default_threads (n)));
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
