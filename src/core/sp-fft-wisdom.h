/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sp-fft-wisdom.h — FFTW set-up shared by every plan of the Cahn–Hilliard engine
 *
 * FFTW's planner is not thread-safe and its wisdom is process-global, so all
 * planning goes through here: one lock, threads initialised once, wisdom
 * loaded from and saved to the user's cache directory
 * (g_get_user_cache_dir()/spinodal/fftw-wisdom) so that FFTW_MEASURE plans
 * cost a measurement only the first time a grid size is used.
 */
#pragma once

#include <glib.h>
#include <fftw3.h>

G_BEGIN_DECLS

/* Takes the planner lock (initialising FFTW threads and loading the wisdom
 * file on first use) and sets the number of threads for the plans made until
 * sp_fft_planner_unlock().  @n_threads = 0 picks sp_fft_default_threads(). */
void     sp_fft_planner_lock      (guint       n,
                                   guint       n_threads);
/* Releases the lock; saves the wisdom file if planning added to it. */
void     sp_fft_planner_unlock    (void);

/* Destroys @plan under the planner lock (fftw_destroy_plan is a planner
 * call too).  NULL is ignored. */
void     sp_fft_plan_destroy      (fftw_plan   plan);

/* The thread count that pays off for an n × n transform on this machine:
 * all cores (up to 4) from the calibrated size on, else 1. */
guint    sp_fft_default_threads   (guint       n);
/* That size (0: threads never paid), measured the first time it is needed
 * and kept in sp_fft_threads_path() beside the wisdom. */
guint    sp_fft_threads_min_n     (void);
char    *sp_fft_threads_path      (void);
/* The size stored at @path, if the file is valid and was measured with
 * this FFTW and this many cores. */
gboolean sp_fft_threads_read      (const char *path,
                                   guint      *min_n);

/* Where the wisdom lives (for tests and the report). */
char    *sp_fft_wisdom_path       (void);

/* The contents of the wisdom file at @path, or NULL when it is missing or
 * unreadable.  A path that is not a regular file (a FIFO would block the
 * read forever, a device never ends) or is absurdly large is ignored with
 * a warning: the plans are measured again. */
char    *sp_fft_wisdom_read       (const char *path);

G_END_DECLS
