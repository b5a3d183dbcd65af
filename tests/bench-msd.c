/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bench-msd.c — the FFT MSD over every time origin of 500 ions × 10⁵
 * frames (the size): wall time and peak memory (getrusage), against
 * the direct O(T²) sum.  The direct sum over every lag of the full size
 * would take hours, so it is timed on a slice (5 ions × 10⁴ frames, every
 * lag) and scaled by ions × frames² — the stated estimate — beside the FFT
 * on the same slice, where the two must agree.  Then the diffusion fit of
 * the full MSD (GLS, blocks, Green–Kubo) in a window of 1–1000 frames.
 * Arguments: [N_IONS N_FRAMES] to run another size.  A benchmark, not a
 * test: it prints; it asserts only that the runs succeed and agree. */

#include "config.h"

#include <gsl/gsl_randist.h>
#include <gsl/gsl_rng.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/resource.h>

#include "sp-diffusion.h"
#include "sp-gsl.h"
#include "sp-msd.h"

static double
peak_rss_mib (void)
{
  struct rusage usage;

  getrusage (RUSAGE_SELF, &usage);
  return usage.ru_maxrss / 1024.0;   /* kB on Linux */
}

/* CPU seconds of this process: the machine is shared, so wall time alone
 * says more about the neighbours than about the code. */
static double
cpu_seconds (void)
{
  struct rusage usage;

  getrusage (RUSAGE_SELF, &usage);
  return usage.ru_utime.tv_sec + usage.ru_utime.tv_usec / 1e6
         + usage.ru_stime.tv_sec + usage.ru_stime.tv_usec / 1e6;
}

static SpTrajectory *
random_walk (guint n_ions,
             guint n_frames)
{
  SpTrajectory *t = sp_trajectory_new (n_ions, n_frames);
  gsl_rng *rng = gsl_rng_alloc (gsl_rng_mt19937);

  g_assert_nonnull (t);
  gsl_rng_set (rng, 1);
  t->dt_ps = 0.01;
  t->cell[0] = t->cell[4] = t->cell[8] = 40.0;
  for (guint f = 1; f < n_frames; f++)
    {
      const double *p = sp_trajectory_position (t, f - 1, 0);
      double *r = sp_trajectory_position (t, f, 0);

      for (gsize v = 0; v < (gsize) n_ions * 3; v++)
        r[v] = p[v] + gsl_ran_gaussian_ziggurat (rng, 0.1);
    }
  gsl_rng_free (rng);
  return t;
}

/* The definition: every lag, every origin. */
static void
direct_msd (const SpTrajectory *t,
            double             *msd)
{
  for (guint k = 0; k < t->n_frames; k++)
    {
      double sum = 0.0;

      for (guint t0 = 0; t0 + k < t->n_frames; t0++)
        for (guint i = 0; i < t->n_ions; i++)
          {
            const double *a = sp_trajectory_position (t, t0, i);
            const double *b = sp_trajectory_position (t, t0 + k, i);

            for (guint x = 0; x < 3; x++)
              sum += (b[x] - a[x]) * (b[x] - a[x]);
          }
      msd[k] = sum / ((double) (t->n_frames - k) * t->n_ions);
    }
}

int
main (int argc, char **argv)
{
  guint n_ions = argc > 2 ? (guint) atoi (argv[1]) : 500;
  guint n_frames = argc > 2 ? (guint) atoi (argv[2]) : 100000;
  const guint slice_ions = 5, slice_frames = 10000;
  g_autoptr (SpTrajectory) slice = NULL;
  g_autoptr (SpTrajectory) full = NULL;
  g_autoptr (SpMsd) msd = NULL;
  g_autoptr (SpMsd) slice_msd = NULL;
  g_autofree double *direct = NULL;
  g_autoptr (GError) error = NULL;
  double start, t_direct, t_fft_slice, t_fft, t_fit, rss_before, rss_traj, max_diff = 0;
  double cpu, cpu_direct, cpu_fft, cpu_fit;
  double scale;
  SpDiffusion fit;

  sp_gsl_init ();

  /* The slice: direct against FFT. */
  slice = random_walk (slice_ions, slice_frames);
  direct = g_new (double, slice_frames);
  start = g_get_monotonic_time ();
  cpu = cpu_seconds ();
  direct_msd (slice, direct);
  t_direct = (g_get_monotonic_time () - start) / 1e6;
  cpu_direct = cpu_seconds () - cpu;
  start = g_get_monotonic_time ();
  slice_msd = sp_msd_compute (slice, 0, NULL, &error);
  t_fft_slice = (g_get_monotonic_time () - start) / 1e6;
  g_assert_no_error (error);
  for (guint k = 0; k < slice_frames; k++)
    max_diff = MAX (max_diff, fabs (slice_msd->msd[k] - direct[k]) / MAX (1.0, direct[k]));
  g_assert_cmpfloat (max_diff, <, 1e-9);
  printf ("slice %u ions × %u frames, every lag: direct %.2f s (%.2f s CPU), FFT %.4f s "
          "(largest relative difference %.1e)\n",
          slice_ions, slice_frames, t_direct, cpu_direct, t_fft_slice, max_diff);

  /* The full size. */
  rss_before = peak_rss_mib ();
  full = random_walk (n_ions, n_frames);
  rss_traj = peak_rss_mib ();
  start = g_get_monotonic_time ();
  cpu = cpu_seconds ();
  msd = sp_msd_compute (full, 0, NULL, &error);
  t_fft = (g_get_monotonic_time () - start) / 1e6;
  cpu_fft = cpu_seconds () - cpu;
  g_assert_no_error (error);
  scale = ((double) n_ions / slice_ions) * ((double) n_frames / slice_frames)
          * ((double) n_frames / slice_frames);
  printf ("MSD of %u ions × %u frames (all %u lags, per direction and collective):\n",
          n_ions, n_frames, n_frames);
  printf ("  FFT            %.2f s wall, %.2f s CPU\n", t_fft, cpu_fft);
  printf ("  direct (est.)  %.3g s CPU = %.2f s CPU on the slice × %.3g (ions × frames² over "
          "the slice's), %.0f× the FFT's CPU time\n", cpu_direct * scale, cpu_direct, scale,
          cpu_direct * scale / cpu_fft);
  printf ("  peak memory    %.0f MiB (trajectory %.0f MiB of positions; %.0f MiB before)\n",
          peak_rss_mib (), (double) n_ions * n_frames * 3 * 8 / 1048576.0, rss_before);
  printf ("  MSD beyond the trajectory: %.0f MiB peak\n", peak_rss_mib () - rss_traj);

  start = g_get_monotonic_time ();
  cpu = cpu_seconds ();
  g_assert_true (sp_diffusion_fit (full, msd, full->dt_ps, MIN (1000, n_frames / 4) * full->dt_ps,
                                   &fit, &error));
  t_fit = (g_get_monotonic_time () - start) / 1e6;
  cpu_fit = cpu_seconds () - cpu;
  g_assert_no_error (error);
  printf ("  diffusion fit  %.2f s wall, %.2f s CPU (GLS, %u blocks, Green–Kubo): D* = %.5g ± %.2g cm²/s "
          "(truth %.5g)\n", t_fit, cpu_fit, fit.star_blocks.n_blocks, fit.star.d_cm2_s,
          fit.star.d_stderr_cm2_s, 0.01 / (2 * 0.01) * 1e-4);
  return 0;
}
