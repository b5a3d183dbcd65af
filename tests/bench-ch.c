/* bench-ch.c — the Cahn–Hilliard step against its FFT floor, and PFHub 1a
 *
 * For each grid and mobility model: milliseconds per accepted step (the
 * whole step: transforms, pointwise passes, step control), the time of
 * exactly the FFTW transforms that step executes (its floor, from the same
 * plans on arrays of the same layout), and their ratio; with one FFTW
 * thread and with the automatic choice.  Each figure is the fastest of
 * several interleaved blocks (the machine is shared).  Then the wall time
 * of PFHub 1a to t = 10⁴ with F printed at every decade.
 */

#include "config.h"

#include <stdio.h>

#include "sp-ch.h"
#include "sp-ch-diagnostics.h"
#include "sp-ch-private.h"
#include "sp-fft-wisdom.h"

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
  printf ("\nPFHub 1a (200², Δx = 1), F at each decade:\n");
  printf ("  t = %-6g F = %.4f\n", 0.0, sp_ch_free_energy (ch));
  for (t = 1.0; t <= 1e4; t *= 10.0)
    {
      if (!sp_ch_advance_to (ch, t, NULL))
        g_error ("PFHub 1a failed at t = %g", sp_ch_get_time (ch));
      printf ("  t = %-6g F = %.4f  (%" G_GUINT64_FORMAT " steps)\n", t, sp_ch_free_energy (ch),
              sp_ch_get_steps (ch));
    }
  printf ("wall time to t = 10⁴: %.2f s (plans included)\n", seconds_since (t0));
}

int
main (int    argc,
      char **argv)
{
  static const guint sizes[] = { 128, 256, 512 };

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
  return 0;
}
