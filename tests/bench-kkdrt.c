/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bench-kkdrt.c — a Lin-KK check and a DRT with GCV of a 60-point, 3-arc
 * spectrum, in ms (targets: Lin-KK ≤ 5 ms, DRT ≤ 200 ms), each against a
 * floor timed in the same run:
 *   linkk  the whole check (the μ search from three τ per decade) against
 *          one fit at the M it settles on, which no check can skip;
 *   drt    the DRT with λ by GCV against the same DRT at that λ given
 *          (the discretisation integrals and the non-negative solve,
 *          without the search).
 * The machine is shared: each figure is the best of its rounds, the two of
 * a pair timed alternately.  A benchmark, not a test: it prints; it
 * asserts only that the runs succeed. */

#include "config.h"

#include <complex.h>
#include <gsl/gsl_randist.h>
#include <gsl/gsl_rng.h>
#include <stdio.h>
#include <string.h>

#include "sp-drt.h"
#include "sp-gsl.h"
#include "sp-linkk.h"

#define ROUNDS 20

/* R0-p(Rb,CPEb)-p(Rgb,CPEgb)-p(Rel,CPEel): bulk near 330 kHz, grain
 * boundary near 2 kHz, a third arc near 7 Hz; 0.3 % noise of |Z|. */
static SpEisSpectrum *
three_arcs (void)
{
  g_autoptr(GError) error = NULL;
  SpEisSpectrum *s = sp_eis_spectrum_new_log (0.1, 1e6, 59.0 / 7, &error);
  gsl_rng *rng = gsl_rng_alloc (gsl_rng_mt19937);

  g_assert_no_error (error);
  g_assert_cmpuint (s->n_points, ==, 60);
  for (guint i = 0; i < s->n_points; i++)
    {
      double complex jw = I * 2 * G_PI * s->freq_hz[i];
      double complex z = 20 + 1000 / (1 + 1000 * 1e-9 * cpow (jw, 0.95))
                            + 2000 / (1 + 2000 * 1e-7 * cpow (jw, 0.9))
                            + 5000 / (1 + 5000 * 1e-5 * cpow (jw, 0.8));

      s->z_re_ohm[i] = creal (z) + 0.003 * cabs (z) * gsl_ran_gaussian (rng, 1);
      s->z_im_ohm[i] = cimag (z) + 0.003 * cabs (z) * gsl_ran_gaussian (rng, 1);
    }
  gsl_rng_free (rng);
  return s;
}

static double
time_linkk (const SpEisSpectrum  *s,
            const SpLinKKOptions *o,
            SpLinKKResult       **out)
{
  g_autoptr(GError) error = NULL;
  gint64 t0 = g_get_monotonic_time ();
  SpLinKKResult *r = sp_linkk_check (s, o, &error);
  double ms = (g_get_monotonic_time () - t0) / 1e3;

  g_assert_no_error (error);
  if (out != NULL)
    *out = r;
  else
    sp_linkk_result_free (r);
  return ms;
}

static double
time_drt (const SpEisSpectrum *s,
          const SpDrtOptions  *o,
          SpDrtResult        **out)
{
  g_autoptr(GError) error = NULL;
  gint64 t0 = g_get_monotonic_time ();
  SpDrtResult *r = sp_drt_compute (s, o, NULL, NULL, NULL, &error);
  double ms = (g_get_monotonic_time () - t0) / 1e3;

  g_assert_no_error (error);
  if (out != NULL)
    *out = r;
  else
    sp_drt_result_free (r);
  return ms;
}

static void
bench_linkk (const SpEisSpectrum *s)
{
  SpLinKKOptions o, fixed;
  SpLinKKResult *r = NULL;
  double best = G_MAXDOUBLE, floor_ = G_MAXDOUBLE;

  sp_linkk_options_init (&o);
  time_linkk (s, &o, &r);
  fixed = o;
  fixed.fixed_m = r->m;
  for (guint round = 0; round < ROUNDS; round++)
    {
      best = MIN (best, time_linkk (s, &o, NULL));
      floor_ = MIN (floor_, time_linkk (s, &fixed, NULL));
    }
  printf ("Lin-KK, %u points: M = %u, mu = %.3f, verdict %s\n",
          s->n_points, r->m, r->mu, sp_linkk_verdict_to_string (r->verdict));
  printf ("  check %.3f ms (target <= 5 ms), one fit at M = %u %.3f ms, ratio %.1f\n",
          best, r->m, floor_, best / floor_);
  sp_linkk_result_free (r);
}

static void
bench_drt (const SpEisSpectrum *s)
{
  SpDrtOptions o, fixed;
  SpDrtResult *r = NULL;
  double best = G_MAXDOUBLE, floor_ = G_MAXDOUBLE;

  sp_drt_options_init (&o);
  time_drt (s, &o, &r);
  fixed = o;
  fixed.gcv = FALSE;
  fixed.lambda = r->lambda;
  for (guint round = 0; round < ROUNDS / 2; round++)
    {
      best = MIN (best, time_drt (s, &o, NULL));
      floor_ = MIN (floor_, time_drt (s, &fixed, NULL));
    }
  printf ("DRT, %u points: lambda = %.3g by GCV, %u peaks, R_inf = %.4g Ohm\n",
          s->n_points, r->lambda, r->n_peaks, r->r_inf_ohm);
  for (guint k = 0; k < r->n_peaks; k++)
    printf ("  peak tau = %.3g s, R = %.4g Ohm, C = %.3g F\n",
            r->peaks[k].tau_s, r->peaks[k].resistance_ohm, r->peaks[k].capacitance_f);
  printf ("  with GCV %.2f ms (target <= 200 ms), at that lambda %.2f ms, ratio %.2f\n",
          best, floor_, best / floor_);
  sp_drt_result_free (r);
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(SpEisSpectrum) s = NULL;
  const char *which = argc > 1 ? argv[1] : "all";

  sp_gsl_init ();
  s = three_arcs ();
  if (strcmp (which, "drt") != 0)
    bench_linkk (s);
  if (strcmp (which, "linkk") != 0)
    bench_drt (s);
  return 0;
}
