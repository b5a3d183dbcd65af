/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bench-ch.c — the Cahn–Hilliard step against its FFT floor, and PFHub 1a
 *
 * For each grid and mobility model: milliseconds per accepted step (the
 * whole step: transforms, pointwise passes, step control), the time of
 * exactly the FFTW transforms that step executes (its floor, from the same
 * plans on arrays of the same layout), and their ratio; with one FFTW
 * thread and with the automatic choice.  Each figure is the fastest of
 * several interleaved blocks (the machine is shared).  Then PFHub 1a to
 * t = 10⁴ (F, steps and wall time at every decade), and the LiFePO₄ preset
 * on 256² to a fixed physical time at the default step control.
 */

#include "config.h"

#include <stdio.h>

#include "sp-ch.h"
#include "sp-ch-diagnostics.h"
#include "sp-ch-private.h"
#include "sp-fft-wisdom.h"
#include "sp-gsl.h"
#include "sp-kinetics.h"
#include "sp-presets.h"

static double
seconds_since (gint64 t0)
{
  return (g_get_monotonic_time () - t0) / (double) G_USEC_PER_SEC;
}

/* The machine is shared: steps and their floor are timed in alternating
 * short blocks, and each keeps its fastest block, so that a burst of load
 * from elsewhere hits neither figure more than the other. */
#define ROUNDS        9
#define BLOCK_SECONDS 0.12

static void
bench_grid (guint      n,
            SpMobility mobility,
            guint      threads)
{
  SpChParams p;
  g_autoptr(SpCh) ch = NULL;
  g_autoptr(GError) error = NULL;
  double per_step = G_MAXDOUBLE, floor_ = G_MAXDOUBLE;

  sp_ch_params_init_default (&p);
  p.model.mobility = mobility;
  p.n = n;
  p.length = 0.5 * n;
  p.fft_threads = threads;
  ch = sp_ch_new (&p, &error);
  g_assert_no_error (error);

  /* Past the first, tiny steps so the field and step size are typical. */
  for (guint s = 0; s < 30; s++)
    sp_ch_step (ch, NULL);

  for (guint r = 0; r < ROUNDS; r++)
    {
      gint64 t0 = g_get_monotonic_time ();
      guint steps = 0;
      double wall;

      while ((wall = seconds_since (t0)) < BLOCK_SECONDS || steps < 5)
        {
          if (!sp_ch_step (ch, &error))
            g_error ("%s", error->message);
          steps++;
        }
      per_step = MIN (per_step, wall / steps);
      floor_ = MIN (floor_, sp_ch_time_transforms (ch, steps));
    }

  printf ("%5u²  %-13s %7u  %3u  %9.3f  %9.3f  %5.2f\n",
          n, mobility == SP_MOBILITY_CONSTANT ? "constant" : "site-blocking",
          threads ? threads : sp_fft_default_threads (n),
          sp_ch_get_transforms_per_step (ch),
          1e3 * per_step, 1e3 * floor_, per_step / floor_);
}

static void
bench_pfhub (void)
{
  SpChParams p;
  g_autoptr(SpCh) ch = NULL;
  gint64 t0 = g_get_monotonic_time ();
  double t;

  sp_ch_params_init_pfhub1a (&p);
  ch = sp_ch_new (&p, NULL);
  printf ("\nPFHub 1a (200², Δx = 1), F at each decade, wall time since the start "
          "(plans included):\n");
  printf ("  t = %-6g F = %.4f\n", 0.0, sp_ch_free_energy (ch));
  for (t = 1.0; t <= 1e4; t *= 10.0)
    {
      if (!sp_ch_advance_to (ch, t, NULL))
        g_error ("PFHub 1a failed at t = %g", sp_ch_get_time (ch));
      printf ("  t = %-6g F = %.4f  %7" G_GUINT64_FORMAT " steps  %7.2f s\n", t,
              sp_ch_free_energy (ch), sp_ch_get_steps (ch), seconds_since (t0));
    }
}

/* The LiFePO₄ preset on 256² in a box of sixteen λ* from noise, to the
 * fixed physical time 50/σ_max (the CLI's default end), at the default step
 * control: what one simulation of the main use case costs. */
static void
bench_lifepo4 (void)
{
  g_autoptr(SpPreset) preset = sp_presets_lookup ("lifepo4", NULL);
  SpChParams p;
  SpDispersion disp;
  g_autoptr(SpCh) ch = NULL;
  g_autoptr(GError) error = NULL;
  gint64 t0;
  static const double fractions[] = { 0.1, 0.2, 0.5, 1.0 };
  double t_end;

  g_assert_nonnull (preset);
  sp_ch_params_init_default (&p);
  p.model = preset->model;
  p.n = 256;
  sp_kinetics_dispersion (&p.model, &disp);
  g_assert_true (disp.unstable);
  p.length = 16.0 * disp.lambda_star;
  t_end = 50.0 / disp.sigma_max;

  t0 = g_get_monotonic_time ();
  ch = sp_ch_new (&p, &error);
  g_assert_no_error (error);
  printf ("\nLiFePO₄ 256², box 16 λ* = %.1f nm, to 50/σ_max = %.4g s at the default "
          "step control:\n", p.length, t_end);
  for (guint i = 0; i < G_N_ELEMENTS (fractions); i++)
    {
      double t = fractions[i] * t_end;

      if (!sp_ch_advance_to (ch, t, &error))
        g_error ("LiFePO₄ failed at t = %g: %s", sp_ch_get_time (ch), error->message);
      printf ("  t = %-10.4g F = %.6g  %7" G_GUINT64_FORMAT " steps  %7.2f s\n", t,
              sp_ch_free_energy (ch), sp_ch_get_steps (ch), seconds_since (t0));
    }
}

int
main (int    argc,
      char **argv)
{
  /* 509 and 1021 are prime: what a grid FFTW handles badly costs against
   * its neighbour (the CLI rounds such a --grid up, issue 12). */
  static const guint sizes[] = { 128, 256, 509, 512, 1021, 1024 };

  sp_gsl_init ();
  printf ("step kernels: %s\n", sp_ch_kernel_isa ());
  printf ("grid   mobility      threads  FFTs  ms/step  floor ms  ratio\n");
  for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
    for (guint m = 0; m < 2; m++)
      {
        SpMobility mobility = m ? SP_MOBILITY_CONSTANT : SP_MOBILITY_SITE_BLOCKING;

        bench_grid (sizes[i], mobility, 1);
        if (sp_fft_default_threads (sizes[i]) > 1 || g_get_num_processors () > 1)
          bench_grid (sizes[i], mobility, MAX (2, sp_fft_default_threads (sizes[i])));
      }

  bench_pfhub ();
  bench_lifepo4 ();
  return 0;
}
