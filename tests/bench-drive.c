/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bench-drive.c — what the reaction term costs (issue 16, item 7)
 *
 *  1. The driven step against the closed step: two engines on the same
 *     256² field with the same fixed step (dt-max far below what the
 *     controller would take, so every step is accepted first time and both
 *     make the same work per step), timed in interleaved blocks; the median
 *     of the per-block ratios, with its spread, in wall and thread-CPU time.
 *  2. A full galvanostatic discharge c̄ 0.01 → 0.99 at 1C on 256² (the
 *     textbook material, box of sixteen λ*): wall time, steps, retries.
 *
 * `meson test --benchmark drive-step` or run it directly; `--quick` for a
 * 128² smoke run.
 */

#include "config.h"

#include <math.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "sp-ch.h"
#include "sp-gsl.h"

#define BLOCKS 15
#define STEPS_PER_BLOCK 10

static double
thread_cpu (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &ts);
  return ts.tv_sec + 1e-9 * ts.tv_nsec;
}

static int
compare_double (const void *a,
                const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

/* @steps steps; wall and CPU seconds per step. */
static void
time_steps (SpCh   *ch,
            guint   steps,
            double *wall,
            double *cpu)
{
  gint64 t0 = g_get_monotonic_time ();
  double c0 = thread_cpu ();

  for (guint i = 0; i < steps; i++)
    if (!sp_ch_step (ch, NULL))
      g_error ("a benchmark step failed");
  *wall = (g_get_monotonic_time () - t0) * 1e-6 / steps;
  *cpu = (thread_cpu () - c0) / steps;
}

static void
step_ratio (SpMobility mobility,
            guint      n)
{
  SpChParams p;
  g_autoptr(SpCh) warm = NULL, closed = NULL, drive = NULL;
  double ratio_wall[BLOCKS], ratio_cpu[BLOCKS], closed_wall[BLOCKS], drive_wall[BLOCKS];
  const char *name = mobility == SP_MOBILITY_CONSTANT ? "constant M" : "site blocking";

  sp_ch_params_init_default (&p);
  p.n = n;
  p.model.mobility = mobility;
  p.model.c0 = 0.3;
  p.fft_threads = 1;
  /* A developed pattern to time on. */
  warm = sp_ch_new (&p, NULL);
  for (guint i = 0; i < 200; i++)
    sp_ch_step (warm, NULL);

  /* A step far below the controller's: every step accepted at once. */
  p.dt_max = 1e-3 * sp_ch_get_dt (warm);
  closed = sp_ch_new (&p, NULL);
  sp_ch_set_field (closed, sp_ch_get_field (warm));
  p.drive.mode = SP_DRIVE_GALVANOSTATIC;
  p.drive.c_rate = 1.0;
  drive = sp_ch_new (&p, NULL);
  sp_ch_set_field (drive, sp_ch_get_field (warm));
  /* Past the first steps (SBDF1, a short first step). */
  for (guint i = 0; i < 20; i++)
    {
      sp_ch_step (closed, NULL);
      sp_ch_step (drive, NULL);
    }

  for (guint b = 0; b < BLOCKS; b++)
    {
      double cw, cc, dw, dc;

      time_steps (closed, STEPS_PER_BLOCK, &cw, &cc);
      time_steps (drive, STEPS_PER_BLOCK, &dw, &dc);
      closed_wall[b] = cw;
      drive_wall[b] = dw;
      ratio_wall[b] = dw / cw;
      ratio_cpu[b] = dc / cc;
    }
  g_assert_cmpuint (sp_ch_get_rejected (closed), ==, 0);
  g_assert_cmpuint (sp_ch_get_rejected (drive), ==, 0);
  qsort (ratio_wall, BLOCKS, sizeof (double), compare_double);
  qsort (ratio_cpu, BLOCKS, sizeof (double), compare_double);
  qsort (closed_wall, BLOCKS, sizeof (double), compare_double);
  qsort (drive_wall, BLOCKS, sizeof (double), compare_double);
  printf ("%u² %s: closed step %.3f ms, driven step %.3f ms (medians); driven/closed "
          "wall %.3f [%.3f–%.3f], CPU %.3f [%.3f–%.3f] (median [quartiles] of %d blocks)\n",
          n, name, 1e3 * closed_wall[BLOCKS / 2], 1e3 * drive_wall[BLOCKS / 2],
          ratio_wall[BLOCKS / 2], ratio_wall[BLOCKS / 4], ratio_wall[3 * BLOCKS / 4],
          ratio_cpu[BLOCKS / 2], ratio_cpu[BLOCKS / 4], ratio_cpu[3 * BLOCKS / 4], BLOCKS);
}

static void
discharge (guint n)
{
  SpChParams p;
  g_autoptr(SpCh) ch = NULL;
  g_autoptr(GError) error = NULL;
  gint64 t0;
  double c0;

  sp_ch_params_init_default (&p);
  p.n = n;
  p.model.c0 = 0.01;
  p.drive.mode = SP_DRIVE_GALVANOSTATIC;
  p.drive.c_rate = 1.0;
  ch = sp_ch_new (&p, NULL);
  c0 = sp_ch_get_mean_c (ch);
  t0 = g_get_monotonic_time ();
  while (!sp_ch_get_drive_finished (ch))
    if (!sp_ch_step (ch, &error))
      g_error ("%s", error->message);
  printf ("%u² 1C discharge c̄ %.2f → %.2f: %.2f s wall, %" G_GUINT64_FORMAT " steps "
          "(%" G_GUINT64_FORMAT " retried), t = %.1f s, mass balance |c̄ − c̄₀ − ∫I dt| = %.1e\n",
          n, c0, sp_ch_get_mean_c (ch), (g_get_monotonic_time () - t0) * 1e-6,
          sp_ch_get_steps (ch), sp_ch_get_rejected (ch), sp_ch_get_time (ch),
          fabs (sp_ch_get_mean_c (ch) - c0 - sp_ch_get_charge_passed (ch)));
}

int
main (int    argc,
      char **argv)
{
  gboolean quick = argc > 1 && strcmp (argv[1], "--quick") == 0;
  guint n = quick ? 128 : 256;

  sp_gsl_init ();
  step_ratio (SP_MOBILITY_SITE_BLOCKING, n);
  step_ratio (SP_MOBILITY_CONSTANT, n);
  discharge (n);
  return 0;
}
