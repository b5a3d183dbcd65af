/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bench-eis-fit.c — a 60-point, three-arc CNLS fit from the automatic guess
 *
 * The whole fit (guess, trust-region iterations, standard errors) against
 * its floor in the same run: one sweep of the analytic Jacobian over the
 * 60 points (what every iteration must at least compute) times the
 * iterations the fit took.  Each figure is the fastest of several
 * interleaved blocks (the machine is shared); the fit's process CPU time
 * is given beside its wall time, since a loaded machine stretches the
 * latter.  Target: ≤ 20 ms a fit.
 */

#include "config.h"

#include <stdio.h>
#include <time.h>

#include "eis-synth.h"
#include "sp-eis-fit.h"
#include "sp-gsl.h"

#define ROUNDS        7
#define BLOCK_SECONDS 0.15

static double
seconds_since (gint64 t0)
{
  return (g_get_monotonic_time () - t0) / (double) G_USEC_PER_SEC;
}

static double
cpu_seconds (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_PROCESS_CPUTIME_ID, &ts);
  return ts.tv_sec + 1e-9 * ts.tv_nsec;
}

static void
bench (const char   *label,
       const char   *text,
       const double *truth,
       double        f_min,
       double        f_max)
{
  g_autoptr(SpCircuit) circuit = synth_circuit (text);
  guint n_params = sp_circuit_get_n_params (circuit);
  gsl_rng *rng = gsl_rng_alloc (gsl_rng_mt19937);
  g_autoptr(SpEisSpectrum) s = NULL;
  g_autofree double complex *dz = g_new (double complex, n_params);
  double per_fit = G_MAXDOUBLE, cpu_per_fit = G_MAXDOUBLE, per_sweep = G_MAXDOUBLE, sink = 0;
  guint iterations = 0, starts = 0;

  gsl_rng_set (rng, 1);
  s = synth_spectrum (circuit, truth, f_min, f_max, 60, 0.005, rng);
  gsl_rng_free (rng);

  for (guint r = 0; r < ROUNDS; r++)
    {
      gint64 t0 = g_get_monotonic_time ();
      double c0 = cpu_seconds ();
      guint fits = 0, sweeps = 0;
      double wall;

      while ((wall = seconds_since (t0)) < BLOCK_SECONDS || fits < 3)
        {
          g_autoptr(GError) error = NULL;
          g_autoptr(SpEisFitResult) result = sp_eis_fit (circuit, s, NULL, NULL, &error);

          if (result == NULL || !result->converged)
            g_error ("%s: the fit failed: %s", label,
                     error != NULL ? error->message : result->warning);
          iterations = result->iterations;
          starts = result->n_starts;
          fits++;
        }
      per_fit = MIN (per_fit, wall / fits);
      cpu_per_fit = MIN (cpu_per_fit, (cpu_seconds () - c0) / fits);

      t0 = g_get_monotonic_time ();
      while ((wall = seconds_since (t0)) < BLOCK_SECONDS / 3 || sweeps < 10)
        {
          for (guint i = 0; i < s->n_points; i++)
            sink += creal (sp_circuit_eval_jacobian (circuit, truth, 2 * G_PI * s->freq_hz[i],
                                                     dz));
          sweeps++;
        }
      per_sweep = MIN (per_sweep, wall / sweeps);
    }

  printf ("%-32s %3u %5u %6u %9.3f %9.3f %9.4f %7.1f%s\n", label, s->n_points, iterations,
          starts, 1e3 * per_fit, 1e3 * cpu_per_fit, 1e3 * per_sweep * iterations,
          per_fit / (per_sweep * iterations), sink == 12345.678 ? " " : "");
}

int
main (void)
{
  static const double three_arcs[] = {
    20, 1e3, 1e-9, 0.9, 5e3, 2e-8, 0.85, 2e4, 5e-6, 0.8,
  };
  static const double ceramic_spike[] = {
    20, 1e3, 1e-9, 0.9, 5e3, 2e-8, 0.85, 2e4, 5e-6, 0.8, 1e-4, 0.9,
  };

  sp_gsl_init ();
  printf ("CNLS fit from the automatic guess, 0.5 %% noise, modulus weights; "
          "floor = one Jacobian sweep × iterations.\n");
  printf ("%-32s %3s %5s %6s %9s %9s %9s %7s\n", "circuit", "N", "iter", "starts", "fit ms",
          "CPU ms", "floor ms", "ratio");
  bench ("three arcs", "R0-p(R1,CPE1)-p(R2,CPE2)-p(R3,CPE3)", three_arcs, 0.01, 1e7);
  bench ("three arcs + electrode spike", "R0-p(R1,CPE1)-p(R2,CPE2)-p(R3,CPE3)-CPE4",
         ceramic_spike, 0.01, 1e7);
  bench ("ceramic (bulk, gb, electrode)", SYNTH_CERAMIC, synth_ceramic_params, 0.1, 1e7);
  return 0;
}
