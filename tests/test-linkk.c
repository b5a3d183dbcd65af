/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-linkk.c — the Lin-KK check: exact recovery, exact circuits, drift,
 * μ against M, a series capacitance, the verdict and bad input */

#include "config.h"

#include <complex.h>
#include <gio/gio.h>
#include <gsl/gsl_randist.h>
#include <gsl/gsl_rng.h>
#include <math.h>
#include <string.h>

#include "sp-gsl.h"
#include "sp-linkk.h"

/* The test circuits, written out (the circuit parser is tested elsewhere). */
typedef struct
{
  double r0, r1, c1, r2, q2, alpha2;
  double l, c_series;    /* 0: absent */
  double drift;          /* R1 and R2 grow by this fraction over the sweep */
} Circuit;

static double complex
circuit_z (const Circuit *c,
           double         omega,
           double         drift_factor)
{
  double complex z = c->r0;
  double r1 = c->r1 * drift_factor, r2 = c->r2 * drift_factor;

  if (r1 > 0)
    z += r1 / (1 + I * omega * r1 * c->c1);
  if (r2 > 0)
    z += r2 / (1 + r2 * c->q2 * cpow (I * omega, c->alpha2));
  if (c->l > 0)
    z += I * omega * c->l;
  if (c->c_series > 0)
    z += 1 / (I * omega * c->c_series);
  return z;
}

/* The circuit on a log grid from @f_max down to @f_min (the sweep order),
 * with Gaussian noise of @noise × |Z| on each part. */
static SpEisSpectrum *
make_spectrum (const Circuit *c,
               double         f_min,
               double         f_max,
               double         per_decade,
               double         noise,
               gulong         seed)
{
  g_autoptr(GError) error = NULL;
  SpEisSpectrum *s = sp_eis_spectrum_new_log (f_min, f_max, per_decade, &error);
  gsl_rng *rng = gsl_rng_alloc (gsl_rng_mt19937);

  g_assert_no_error (error);
  gsl_rng_set (rng, seed);
  for (guint i = 0; i < s->n_points; i++)
    {
      double drift = 1 + c->drift * i / (s->n_points - 1.0);
      double complex z = circuit_z (c, 2 * G_PI * s->freq_hz[i], drift);

      s->z_re_ohm[i] = creal (z) + noise * cabs (z) * gsl_ran_gaussian (rng, 1);
      s->z_im_ohm[i] = cimag (z) + noise * cabs (z) * gsl_ran_gaussian (rng, 1);
    }
  gsl_rng_free (rng);
  return s;
}

static const Circuit two_arcs = {
  .r0 = 10, .r1 = 100, .c1 = 1e-6, .r2 = 200, .q2 = 1e-4, .alpha2 = 0.8,
};

static double
max_abs_residual (const SpLinKKResult *r)
{
  double m = 0;

  for (guint i = 0; i < r->n_points; i++)
    m = MAX (m, MAX (fabs (r->residual_re[i]), fabs (r->residual_im[i])));
  return m;
}

static SpLinKKResult *
check (const SpEisSpectrum  *s,
       const SpLinKKOptions *o)
{
  g_autoptr(GError) error = NULL;
  SpLinKKResult *r = sp_linkk_check (s, o, &error);

  g_assert_no_error (error);
  g_assert_nonnull (r);
  return r;
}

/* One RC element whose τ lies on the grid: the linear fit must give it
 * back exactly, in every mode, with L and C when they are in the data. */
static void
test_exact_recovery (void)
{
  /* 1e-2 … 1e4 Hz: M = 7 puts τ at 1/ω for each decade of f; τ = 1/(2π·100 Hz)
   * is the third. */
  Circuit c = { .r0 = 5, .r1 = 70, .c1 = 1 / (2 * G_PI * 100 * 70) };
  const SpLinKKFit fits[] = { SP_LINKK_FIT_COMPLEX, SP_LINKK_FIT_REAL, SP_LINKK_FIT_IMAG };

  for (guint extra = 0; extra < 3; extra++)
    for (guint f = 0; f < G_N_ELEMENTS (fits); f++)
      {
        g_autoptr(SpEisSpectrum) s = NULL;
        g_autoptr(SpLinKKResult) r = NULL;
        SpLinKKOptions o;

        c.l = extra == 1 ? 2e-6 : 0;
        c.c_series = extra == 2 ? 3e-3 : 0;
        s = make_spectrum (&c, 1e-2, 1e4, 5, 0, 1);
        sp_linkk_options_init (&o);
        o.fit = fits[f];
        o.fixed_m = 7;
        o.add_inductance = extra == 1;
        o.add_capacitance = extra == 2;
        r = check (s, &o);
        g_assert_cmpuint (r->m, ==, 7);
        g_assert_cmpfloat_with_epsilon (r->tau_s[2] * 2 * G_PI * 100, 1, 1e-12);
        g_assert_cmpfloat_with_epsilon (r->r0_ohm, 5, 1e-9);
        for (guint k = 0; k < 7; k++)
          g_assert_cmpfloat_with_epsilon (r->r_ohm[k], k == 2 ? 70 : 0, 1e-8);
        if (extra == 1)
          g_assert_cmpfloat_with_epsilon (r->inductance_h / 2e-6, 1, 1e-9);
        else
          g_assert_cmpfloat (r->inductance_h, ==, 0);
        if (extra == 2)
          g_assert_cmpfloat_with_epsilon (r->capacitance_f / 3e-3, 1, 1e-9);
        else
          g_assert_true (isinf (r->capacitance_f));
        g_assert_cmpfloat (max_abs_residual (r), <, 1e-12);
        /* The zero resistors come out at round-off, of either sign. */
        g_assert_cmpfloat_with_epsilon (r->mu, 1, 1e-9);
        g_assert_cmpint (r->verdict, ==, SP_LINKK_VALID);
      }
}

/* The τ grid: log-spaced from 1/ω_max to 1/ω_min, whatever the order of
 * the points. */
static void
test_tau_grid (void)
{
  g_autoptr(SpEisSpectrum) s = make_spectrum (&two_arcs, 0.5, 2e5, 7, 0, 1);
  g_autoptr(SpLinKKResult) r = NULL;
  SpLinKKOptions o;

  sp_linkk_options_init (&o);
  o.fixed_m = 9;
  r = check (s, &o);
  g_assert_cmpfloat_with_epsilon (r->tau_s[0] * 2 * G_PI * 2e5, 1, 1e-12);
  g_assert_cmpfloat_with_epsilon (r->tau_s[8] * 2 * G_PI * 0.5, 1, 1e-12);
  for (guint k = 1; k < 8; k++)
    g_assert_cmpfloat_with_epsilon (r->tau_s[k] / r->tau_s[k - 1],
                                    pow (2e5 / 0.5, 1.0 / 8), 1e-12);
}

/* R0-p(R1,C1)-p(R2,CPE2) without noise: the paper's μ rule finds the
 * spectrum valid in every mode.  With M at the resolution the 71 points
 * allow (60) and the series inductance free, the complex fit's residuals
 * fall below 1e-6: a CPE is a continuum of time constants reaching beyond
 * any measured range (|Z| ∝ ω^−α above it), and a negative L takes up
 * that high-frequency tail.  A one-part fit predicts the other part from a
 * finite window, which that tail limits to a few 1e-4 whatever M is. */
static void
test_exact_circuit (void)
{
  g_autoptr(SpEisSpectrum) s = make_spectrum (&two_arcs, 1e-2, 1e5, 10, 0, 1);
  const SpLinKKFit fits[] = { SP_LINKK_FIT_COMPLEX, SP_LINKK_FIT_REAL, SP_LINKK_FIT_IMAG };

  g_assert_cmpuint (s->n_points, ==, 71);
  for (guint f = 0; f < G_N_ELEMENTS (fits); f++)
    {
      g_autoptr(SpLinKKResult) automatic = NULL;
      g_autoptr(SpLinKKResult) fine = NULL;
      SpLinKKOptions o;
      double chi2 = 0;

      sp_linkk_options_init (&o);
      o.fit = fits[f];
      automatic = check (s, &o);
      g_assert_true (automatic->mu_reached);
      g_assert_cmpfloat (automatic->mu, <, 0.85);
      g_assert_cmpint (automatic->verdict, ==, SP_LINKK_VALID);
      /* At the μ rule's M (30 here) the RC sum leaves a few 1e-4 (2e-3
       * when Z″ is predicted from Z′). */
      g_assert_cmpfloat (automatic->max_abs_residual, <, fits[f] == SP_LINKK_FIT_REAL ? 3e-3 : 5e-4);
      g_assert_cmpfloat (automatic->max_abs_residual, ==, max_abs_residual (automatic));
      for (guint i = 0; i < automatic->n_points; i++)
        chi2 += automatic->residual_re[i] * automatic->residual_re[i] +
                automatic->residual_im[i] * automatic->residual_im[i];
      g_assert_cmpfloat_with_epsilon (automatic->pseudo_chi2 / chi2, 1, 1e-12);

      o.fixed_m = 60;
      o.add_inductance = TRUE;
      fine = check (s, &o);
      g_assert_cmpfloat (max_abs_residual (fine), <, fits[f] == SP_LINKK_FIT_COMPLEX ? 1e-6 : 5e-4);
      g_assert_cmpint (fine->verdict, ==, SP_LINKK_VALID);
      /* R₀ is the high-frequency limit less the CPE's tail beyond τ₁. */
      g_assert_cmpfloat (fabs (fine->r0_ohm - 10), <, 0.05);
      g_assert_cmpfloat (fine->inductance_h, <, 0);
    }
}

/* R1 and R2 grow 5 % during the sweep: not valid, in every mode; the same
 * circuit without drift is valid. */
static void
test_drift (void)
{
  Circuit c = two_arcs;
  const SpLinKKFit fits[] = { SP_LINKK_FIT_COMPLEX, SP_LINKK_FIT_REAL, SP_LINKK_FIT_IMAG };
  g_autoptr(SpEisSpectrum) drifting = NULL;

  c.drift = 0.05;
  drifting = make_spectrum (&c, 1e-2, 1e5, 10, 0, 1);
  for (guint f = 0; f < G_N_ELEMENTS (fits); f++)
    {
      g_autoptr(SpLinKKResult) r = NULL;
      g_autofree char *why = NULL;
      SpLinKKOptions o;

      sp_linkk_options_init (&o);
      o.fit = fits[f];
      r = check (drifting, &o);
      g_assert_cmpint (r->verdict, !=, SP_LINKK_VALID);
      why = sp_linkk_explain (r);
      g_assert_true (g_str_has_prefix (why, "Not valid"));
    }

  /* The complex fit: every residual inside ±1 %, but a trend in Z″. */
  {
    g_autoptr(SpLinKKResult) r = check (drifting, NULL);
    g_autofree char *why = sp_linkk_explain (r);

    g_assert_cmpint (r->verdict, ==, SP_LINKK_TREND);
    g_assert_cmpuint (r->n_outside, ==, 0);
    g_assert_cmpfloat (r->lag1_im, >=, 0.8);
    g_assert_cmpfloat (r->rms_im, >, 0.001);
    g_assert_nonnull (strstr (why, "Z″"));
    g_assert_nonnull (strstr (why, "trend"));
  }
}

/* Noise of 0.1 % of |Z|: valid for every seed and mode (the trend rule
 * must not mistake a one-part fit's smoothed residual for drift). */
static void
test_noise_valid (void)
{
  const SpLinKKFit fits[] = { SP_LINKK_FIT_COMPLEX, SP_LINKK_FIT_REAL, SP_LINKK_FIT_IMAG };

  for (gulong seed = 1; seed <= 20; seed++)
    {
      g_autoptr(SpEisSpectrum) s = make_spectrum (&two_arcs, 1e-2, 1e5, 10, 0.001, seed);

      for (guint f = 0; f < G_N_ELEMENTS (fits); f++)
        {
          g_autoptr(SpLinKKResult) r = NULL;
          SpLinKKOptions o;

          sp_linkk_options_init (&o);
          o.fit = fits[f];
          r = check (s, &o);
          g_assert_cmpint (r->verdict, ==, SP_LINKK_VALID);
          g_assert_true (r->mu_reached);
        }
    }
}

/* μ against M: the search starts at three per decade of ω (7 decades:
 * 21) and stops at the first M with μ < c, every M before it having μ ≥ c;
 * over-fitting (M near the point count) drives μ far down; the paper's
 * start at M = 1 gives μ = 1 there. */
static void
test_mu_with_m (void)
{
  g_autoptr(SpEisSpectrum) s = make_spectrum (&two_arcs, 1e-2, 1e5, 10, 0.002, 7);
  g_autoptr(SpLinKKResult) automatic = check (s, NULL);
  SpLinKKOptions o;

  g_assert_true (automatic->mu_reached);
  g_assert_cmpfloat (automatic->mu, <, 0.85);
  g_assert_cmpuint (automatic->m, >=, 21);
  sp_linkk_options_init (&o);
  for (guint m = 21; m <= automatic->m; m++)
    {
      g_autoptr(SpLinKKResult) r = NULL;

      o.fixed_m = m;
      r = check (s, &o);
      if (m < automatic->m)
        g_assert_cmpfloat (r->mu, >=, 0.85);
      else
        g_assert_cmpfloat (r->mu, ==, automatic->mu);
    }
  {
    g_autoptr(SpLinKKResult) one = NULL;

    o.fixed_m = 1;
    one = check (s, &o);
    g_assert_cmpfloat (one->mu, ==, 1);
  }
  {
    g_autoptr(SpLinKKResult) over = NULL;

    o.fixed_m = 70;
    over = check (s, &o);
    g_assert_cmpfloat (over->mu, <, 0.5);
    g_assert_cmpfloat (over->pseudo_chi2, <, automatic->pseudo_chi2);
  }
  /* The paper's start: the first M from 1 with μ < c. */
  {
    g_autoptr(SpLinKKResult) paper = NULL;

    o.fixed_m = 0;
    o.min_m = 1;
    paper = check (s, &o);
    g_assert_cmpfloat (paper->mu, <, 0.85);
    for (guint m = 1; m < paper->m; m++)
      {
        g_autoptr(SpLinKKResult) r = NULL;

        o.fixed_m = m;
        r = check (s, &o);
        g_assert_cmpfloat (r->mu, >=, 0.85);
      }
    o.fixed_m = 0;
    o.min_m = 0;
  }
  /* A lower threshold never stops earlier. */
  {
    g_autoptr(SpLinKKResult) strict = NULL;

    o.c = 0.5;
    strict = check (s, &o);
    g_assert_cmpuint (strict->m, >=, automatic->m);
    g_assert_cmpfloat (strict->mu, <, 0.5);
  }
  /* A cap below the first M with μ < c: the search ends at the cap. */
  {
    g_autoptr(SpLinKKResult) capped = NULL;

    o.c = 0.85;
    o.min_m = 1;
    o.max_m = 3;
    capped = check (s, &o);
    g_assert_cmpuint (capped->m, ==, 3);
    g_assert_false (capped->mu_reached);
  }
}

/* A sharp arc (ideal R‖C) near the top of the range: from M = 1 the μ rule
 * stops under-resolved and calls exact data invalid; from three per decade
 * it is valid. */
static void
test_sharp_arc (void)
{
  Circuit c = { .r0 = 20, .r1 = 1000, .c1 = 1e-9, .r2 = 500, .q2 = 1e-7, .alpha2 = 0.9 };
  g_autoptr(SpEisSpectrum) s = make_spectrum (&c, 0.1, 1e6, 10, 0, 1);
  g_autoptr(SpLinKKResult) paper = NULL;
  g_autoptr(SpLinKKResult) r = check (s, NULL);
  SpLinKKOptions o;

  g_assert_cmpuint (r->m, >=, 21);
  g_assert_cmpint (r->verdict, ==, SP_LINKK_VALID);
  g_assert_cmpfloat (r->max_abs_residual, <, 0.005);
  sp_linkk_options_init (&o);
  o.min_m = 1;
  paper = check (s, &o);
  g_assert_cmpuint (paper->m, <, 21);
  g_assert_cmpint (paper->verdict, ==, SP_LINKK_OUTSIDE);
}

/* Blocking electrodes: Z″ → −∞ at low frequency.  RC elements alone cannot
 * follow a capacitor beyond τ_M; with "add capacitance" the spectrum is
 * valid and the capacitance comes back. */
static void
test_add_capacitance (void)
{
  const Circuit circuits[] = {
    /* A ceramic between blocking electrodes, 0.1 Hz … 1 MHz. */
    { .r0 = 20, .r1 = 1000, .c1 = 1e-9, .r2 = 500, .q2 = 1e-7, .alpha2 = 0.9, .c_series = 2e-6 },
    /* Two arcs and a double layer, 0.01 Hz … 100 kHz. */
    { .r0 = 10, .r1 = 100, .c1 = 1e-6, .r2 = 200, .q2 = 1e-4, .alpha2 = 0.8, .c_series = 1e-3 },
  };
  const double f_min[] = { 0.1, 0.01 }, f_max[] = { 1e6, 1e5 };

  for (guint i = 0; i < G_N_ELEMENTS (circuits); i++)
    {
      g_autoptr(SpEisSpectrum) s = make_spectrum (&circuits[i], f_min[i], f_max[i], 10, 0, 1);
      g_autoptr(SpLinKKResult) plain = NULL;
      g_autoptr(SpLinKKResult) with_c = NULL;
      SpLinKKOptions o;

      sp_linkk_options_init (&o);
      plain = check (s, &o);
      g_assert_cmpint (plain->verdict, ==, SP_LINKK_OUTSIDE);
      /* The largest misfit is at the lowest frequency, where the capacitor
       * dominates. */
      g_assert_cmpfloat (plain->max_at_hz, ==, f_min[i]);
      g_assert_true (isinf (plain->capacitance_f));

      o.add_capacitance = TRUE;
      with_c = check (s, &o);
      g_assert_cmpint (with_c->verdict, ==, SP_LINKK_VALID);
      g_assert_cmpfloat (with_c->max_abs_residual, <, 0.005);
      g_assert_cmpfloat_with_epsilon (with_c->capacitance_f / circuits[i].c_series, 1, 1e-3);
    }
}

/* Numbers drawn at random are no spectrum: never valid, in any mode (with
 * as many unknowns as equations they would be interpolated exactly; the cap
 * on M leaves the complex fit half its equations as the test). */
static void
test_random_not_valid (void)
{
  const SpLinKKFit fits[] = { SP_LINKK_FIT_COMPLEX, SP_LINKK_FIT_REAL, SP_LINKK_FIT_IMAG };

  for (gulong seed = 1; seed <= 10; seed++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(SpEisSpectrum) s = sp_eis_spectrum_new_log (1, 1e4, 5, &error);
      gsl_rng *rng = gsl_rng_alloc (gsl_rng_mt19937);

      gsl_rng_set (rng, seed);
      for (guint i = 0; i < s->n_points; i++)
        {
          s->z_re_ohm[i] = 50 + 100 * gsl_rng_uniform (rng);
          s->z_im_ohm[i] = -100 * gsl_rng_uniform (rng);
        }
      gsl_rng_free (rng);
      for (guint f = 0; f < G_N_ELEMENTS (fits); f++)
        {
          g_autoptr(SpLinKKResult) r = NULL;
          SpLinKKOptions o;

          sp_linkk_options_init (&o);
          o.fit = fits[f];
          r = check (s, &o);
          g_assert_cmpuint (r->m, <=, s->n_points - 1);
          g_assert_cmpint (r->verdict, ==, SP_LINKK_OUTSIDE);
        }
    }
}

static void
expect_error (const SpEisSpectrum  *s,
              const SpLinKKOptions *o,
              const char           *fragment)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SpLinKKResult) r = sp_linkk_check (s, o, &error);

  g_assert_null (r);
  g_assert_nonnull (error);
  if (strstr (error->message, fragment) == NULL)
    g_error ("“%s” lacks “%s”", error->message, fragment);
}

static void
test_bad_input (void)
{
  g_autoptr(SpEisSpectrum) good = make_spectrum (&two_arcs, 1, 1e3, 5, 0, 1);
  g_autoptr(SpEisSpectrum) s = NULL;
  SpLinKKOptions o;

  s = sp_eis_spectrum_copy (good);
  s->n_points = 2;
  expect_error (s, NULL, "at least 3 points");
  sp_eis_spectrum_free (s);

  s = sp_eis_spectrum_copy (good);
  s->freq_hz[3] = -1;
  expect_error (s, NULL, "point 4");
  sp_eis_spectrum_free (s);

  s = sp_eis_spectrum_copy (good);
  s->z_im_ohm[5] = NAN;
  expect_error (s, NULL, "point 6");
  sp_eis_spectrum_free (s);

  s = sp_eis_spectrum_copy (good);
  s->z_re_ohm[0] = s->z_im_ohm[0] = 0;
  expect_error (s, NULL, "not zero");
  sp_eis_spectrum_free (s);

  s = sp_eis_spectrum_copy (good);
  s->freq_hz[7] = s->freq_hz[2];
  expect_error (s, NULL, "points 3 and 8");
  sp_eis_spectrum_free (s);
  s = NULL;

  s = sp_eis_spectrum_new (10001);
  for (guint i = 0; i < s->n_points; i++)
    {
      s->freq_hz[i] = 1 + i;
      s->z_re_ohm[i] = 1;
    }
  expect_error (s, NULL, "at most 10000 points");
  sp_eis_spectrum_free (s);
  s = NULL;

  sp_linkk_options_init (&o);
  o.c = 1;
  expect_error (good, &o, "threshold c");
  sp_linkk_options_init (&o);
  o.tolerance = 0;
  expect_error (good, &o, "tolerance");
  sp_linkk_options_init (&o);
  o.fixed_m = 40;
  o.fit = SP_LINKK_FIT_REAL;
  expect_error (good, &o, "at most 15");
}

static void
test_names (void)
{
  SpLinKKFit fit = SP_LINKK_FIT_COMPLEX;

  g_assert_true (sp_linkk_fit_from_string ("imag", &fit));
  g_assert_cmpint (fit, ==, SP_LINKK_FIT_IMAG);
  g_assert_true (sp_linkk_fit_from_string ("real", &fit));
  g_assert_cmpint (fit, ==, SP_LINKK_FIT_REAL);
  g_assert_false (sp_linkk_fit_from_string ("both", &fit));
  g_assert_false (sp_linkk_fit_from_string (NULL, &fit));
  g_assert_cmpstr (sp_linkk_fit_to_string (SP_LINKK_FIT_COMPLEX), ==, "complex");
  g_assert_cmpstr (sp_linkk_verdict_to_string (SP_LINKK_VALID), ==, "valid");
  g_assert_cmpstr (sp_linkk_verdict_to_string (SP_LINKK_OUTSIDE), ==, "outside");
  g_assert_cmpstr (sp_linkk_verdict_to_string (SP_LINKK_TREND), ==, "trend");

  /* The valid explanation names the tolerance. */
  {
    g_autoptr(SpEisSpectrum) s = make_spectrum (&two_arcs, 1e-2, 1e5, 10, 0, 1);
    g_autoptr(SpLinKKResult) r = check (s, NULL);
    g_autofree char *why = sp_linkk_explain (r);

    g_assert_true (g_str_has_prefix (why, "Valid"));
    g_assert_nonnull (strstr (why, "±1 %"));
  }
}

int
main (int    argc,
      char **argv)
{
  sp_gsl_init ();
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/linkk/exact-recovery", test_exact_recovery);
  g_test_add_func ("/linkk/tau-grid", test_tau_grid);
  g_test_add_func ("/linkk/exact-circuit", test_exact_circuit);
  g_test_add_func ("/linkk/drift", test_drift);
  g_test_add_func ("/linkk/noise-valid", test_noise_valid);
  g_test_add_func ("/linkk/mu-with-m", test_mu_with_m);
  g_test_add_func ("/linkk/sharp-arc", test_sharp_arc);
  g_test_add_func ("/linkk/add-capacitance", test_add_capacitance);
  g_test_add_func ("/linkk/random-not-valid", test_random_not_valid);
  g_test_add_func ("/linkk/bad-input", test_bad_input);
  g_test_add_func ("/linkk/names", test_names);
  return g_test_run ();
}
