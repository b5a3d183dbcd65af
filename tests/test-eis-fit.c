/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-eis-fit.c — the CNLS fit: recovery from the automatic guess, the
 * standard errors' coverage over 200 noisy spectra, fixed parameters,
 * weights, χ² and bad input */

#include "config.h"

#include <gio/gio.h>
#include <math.h>
#include <string.h>

#include "eis-synth.h"
#include "sp-eis-fit.h"
#include "sp-eis-guess.h"
#include "sp-gsl.h"

/* Fits @text's circuit to its own spectrum (exact, or noisy from @seed)
 * from the automatic guess, asserting convergence. */
static SpEisFitResult *
fit_synthetic (const char   *text,
               const double *truth,
               double        f_min,
               double        f_max,
               guint         n_points,
               double        noise,
               gulong        seed)
{
  g_autoptr(SpCircuit) circuit = synth_circuit (text);
  g_autoptr(GError) error = NULL;
  gsl_rng *rng = gsl_rng_alloc (gsl_rng_mt19937);
  g_autoptr(SpEisSpectrum) s = NULL;
  SpEisFitResult *r;

  gsl_rng_set (rng, seed);
  s = synth_spectrum (circuit, truth, f_min, f_max, n_points, noise, rng);
  gsl_rng_free (rng);
  r = sp_eis_fit (circuit, s, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (r);
  g_assert_true (r->converged);
  g_assert_null (r->warning);
  return r;
}

typedef struct
{
  const char   *circuit;
  const double *truth;
  double        f_min, f_max;
} Case;

static const double rc_truth[] = { 20, 1000, 2e-7, 0.85 };
/* An arc near 160 Hz and a finite reflective diffusion bending toward
 * capacitive near 0.1 Hz. */
static const double wo_truth[] = { 10, 200, 1e-5, 0.9, 500, 2.0 };
/* Two arcs a decade apart (apices ≈ 5.6 kHz and 0.56 kHz), their halves
 * overlapping: −Z″ barely dips between them. */
static const double overlap_truth[] = { 30, 1e3, 5e-8, 0.85, 2e3, 2e-7, 0.9 };

/* Three arcs (≈ 740 kHz, 8 kHz, 3 Hz) and an electrode spike below
 * 0.1 Hz, measured from 10 MHz to 10 mHz. */
static const double three_truth[] = {
  20, 1e3, 1e-9, 0.9, 5e3, 2e-8, 0.85, 2e4, 5e-6, 0.8, 1e-4, 0.9,
};

static const Case case_three = { "R0-p(R1,CPE1)-p(R2,CPE2)-p(R3,CPE3)-CPE4", three_truth,
                                 0.01, 1e7 };
static const Case case_rc = { "R0-p(R1,CPE1)", rc_truth, 0.1, 1e6 };
static const Case case_ceramic = { SYNTH_CERAMIC, synth_ceramic_params, 0.1, 1e7 };
static const Case case_wo = { "R0-p(R1,CPE1)-Wo1", wo_truth, 0.01, 1e5 };
static const Case case_overlap = { "R0-p(Rb,CPEb)-p(Rgb,CPEgb)", overlap_truth, 1, 1e7 };

/* Exact data: the truth to 1e-6 from the guess alone. */
static void
test_exact (gconstpointer data)
{
  const Case *c = data;
  g_autoptr(SpEisFitResult) r = fit_synthetic (c->circuit, c->truth, c->f_min, c->f_max, 60,
                                               0, 0);

  for (guint k = 0; k < r->n_params; k++)
    g_assert_cmpfloat_with_epsilon (r->value[k] / c->truth[k], 1.0, 1e-6);
  g_assert_cmpfloat (r->rms_relative, <, 1e-8);
}

/* 1 % noise: every parameter within 4 s.e. of the truth, and the scatter
 * about the fit matches the noise (reduced χ² ≈ 1e-4 for modulus weights). */
static void
test_noisy (gconstpointer data)
{
  const Case *c = data;

  for (gulong seed = 1; seed <= 5; seed++)
    {
      g_autoptr(SpEisFitResult) r = fit_synthetic (c->circuit, c->truth, c->f_min, c->f_max,
                                                   60, 0.01, seed);

      for (guint k = 0; k < r->n_params; k++)
        {
          g_assert_true (isfinite (r->std_error[k]) && r->std_error[k] > 0);
          g_assert_cmpfloat (fabs (r->value[k] - c->truth[k]), <, 4 * r->std_error[k]);
        }
      g_assert_cmpfloat (r->reduced_chi2, >, 0.7e-4);
      g_assert_cmpfloat (r->reduced_chi2, <, 1.4e-4);
      g_assert_cmpfloat (r->rms_relative, >, 0.007);
      g_assert_cmpfloat (r->rms_relative, <, 0.013);
    }
}

/* The overlapping two-arc ceramic is found with arcs the −Z″ curve shows
 * as one (apices a factor 5 apart). */
static void
test_merged_arcs (void)
{
  static const double truth[] = { 30, 1e3, 5e-8, 0.85, 1.5e3, 1e-7, 0.9 };
  g_autoptr(SpCircuit) circuit = synth_circuit ("R0-p(Rb,CPEb)-p(Rgb,CPEgb)");
  g_autoptr(SpEisSpectrum) exact = synth_spectrum (circuit, truth, 1, 1e7, 60, 0, NULL);
  g_autoptr(SpEisFitResult) r = NULL;

  g_assert_cmpuint (sp_eis_guess_count_arcs (exact), ==, 1);
  r = fit_synthetic ("R0-p(Rb,CPEb)-p(Rgb,CPEgb)", truth, 1, 1e7, 60, 0.005, 7);
  for (guint k = 0; k < r->n_params; k++)
    g_assert_cmpfloat (fabs (r->value[k] - truth[k]), <, 4 * r->std_error[k]);
}

/* Ordinary two-arc ceramics as they come: 60 random ones (bulk 10² …
 * 10⁶ Ω, grain boundary 0.1 … 10 times that, their apices 0.7 … 3.5
 * decades apart and each α in 0.7 … 1, an electrode spike of α 0.6 …
 * 0.95 one and a half to two and a half decades below), 1 % noise: every
 * fit from the automatic guess reaches the noise (RMS relative residual
 * below 1.3 %) and a χ² no higher than the truth's. */
static void
test_random_ceramics (void)
{
  g_autoptr(SpCircuit) circuit = synth_circuit (SYNTH_CERAMIC);
  gsl_rng *rng = gsl_rng_alloc (gsl_rng_mt19937);

  gsl_rng_set (rng, 42);
  for (guint t = 0; t < 60; t++)
    {
      double p[9], rb, fb, fg, fe;
      g_autoptr(SpEisSpectrum) s = NULL;
      g_autoptr(SpEisFitResult) r = NULL;
      g_autoptr(GError) error = NULL;

      rb = pow (10, gsl_ran_flat (rng, 2, 6));
      p[1] = rb;
      p[4] = rb * pow (10, gsl_ran_flat (rng, -1, 1));
      p[3] = gsl_ran_flat (rng, 0.7, 1.0);
      p[6] = gsl_ran_flat (rng, 0.7, 1.0);
      fb = pow (10, gsl_ran_flat (rng, 4, 6.5));
      fg = fb / pow (10, gsl_ran_flat (rng, 0.7, 3.5));
      p[0] = rb * pow (10, gsl_ran_flat (rng, -3, -0.5));
      p[2] = 1 / (p[1] * pow (2 * G_PI * fb, p[3]));
      p[5] = 1 / (p[4] * pow (2 * G_PI * fg, p[6]));
      p[8] = gsl_ran_flat (rng, 0.6, 0.95);
      fe = fg / pow (10, gsl_ran_flat (rng, 1.5, 2.5));
      p[7] = 1 / ((p[1] + p[4]) * pow (2 * G_PI * fe, p[8]));
      s = synth_spectrum (circuit, p, 0.1, 1e7, 60, 0.01, rng);

      r = sp_eis_fit (circuit, s, NULL, NULL, &error);
      g_assert_no_error (error);
      g_assert_true (r->converged);
      if (!(r->rms_relative < 0.013))
        g_error ("ceramic %u: RMS relative residual %g", t, r->rms_relative);
      /* The global minimum lies at or below the truth's χ²: a fit stuck
       * in another valley stays above it.  (Parameters the data hardly
       * determine, a small arc beside the spike, may sit several linear
       * s.e. from the truth at the true minimum: χ², not the s.e., is the
       * test of the search.) */
      {
        gboolean all[9] = { TRUE, TRUE, TRUE, TRUE, TRUE, TRUE, TRUE, TRUE, TRUE };
        SpEisFitOptions at_truth;
        g_autoptr(SpEisFitResult) rt = NULL;

        sp_eis_fit_options_init (&at_truth);
        at_truth.initial = p;
        at_truth.fixed = all;
        rt = sp_eis_fit (circuit, s, &at_truth, NULL, &error);
        g_assert_no_error (error);
        if (!(r->chi2 <= rt->chi2 * (1 + 1e-9)))
          g_error ("ceramic %u: χ² %g above the truth's %g", t, r->chi2, rt->chi2);
      }
    }
  gsl_rng_free (rng);
}

/* Over 200 spectra with noise 1 % of |Z| and modulus weights, ±1 s.e.
 * holds the truth ≈ 68.3 % of the time and ±1.96 s.e. ≈ 95 %, for every
 * parameter of the ceramic.  Binomial s.d. over 200: 3.3 and 1.5 points. */
static void
test_coverage (void)
{
  g_autoptr(SpCircuit) circuit = synth_circuit (SYNTH_CERAMIC);
  guint n_params = sp_circuit_get_n_params (circuit);
  guint in1[16] = { 0 }, in2[16] = { 0 }, n_fits = 200;
  double mean1 = 0;
  gsl_rng *rng = gsl_rng_alloc (gsl_rng_mt19937);

  g_assert_cmpuint (n_params, <=, 16);
  gsl_rng_set (rng, 20261207);
  for (guint seed = 0; seed < n_fits; seed++)
    {
      g_autoptr(SpEisSpectrum) s = synth_spectrum (circuit, synth_ceramic_params,
                                                   0.1, 1e7, 60, 0.01, rng);
      g_autoptr(GError) error = NULL;
      g_autoptr(SpEisFitResult) r = sp_eis_fit (circuit, s, NULL, NULL, &error);

      g_assert_no_error (error);
      g_assert_true (r->converged);
      for (guint k = 0; k < n_params; k++)
        {
          double dev = fabs (r->value[k] - synth_ceramic_params[k]);

          in1[k] += dev <= r->std_error[k];
          in2[k] += dev <= 1.96 * r->std_error[k];
        }
    }
  gsl_rng_free (rng);

  for (guint k = 0; k < n_params; k++)
    {
      double c1 = in1[k] / (double) n_fits, c2 = in2[k] / (double) n_fits;

      g_test_message ("%-8s ±1 s.e. %.3f   ±1.96 s.e. %.3f",
                      sp_circuit_get_param_name (circuit, k), c1, c2);
      g_assert_cmpfloat (c1, >=, 0.60);
      g_assert_cmpfloat (c1, <=, 0.76);
      g_assert_cmpfloat (c2, >=, 0.90);
      g_assert_cmpfloat (c2, <=, 0.99);
      mean1 += c1 / n_params;
    }
  /* All nine together: the mean of 1800 (correlated) outcomes. */
  g_assert_cmpfloat (mean1, >=, 0.64);
  g_assert_cmpfloat (mean1, <=, 0.72);
}

/* A one-parameter circuit whose fit is linear, against the closed form:
 * Z = R0, so R0 = mean Z′, χ² = Σ(Z′ − R0)² + ΣZ″² (unit weights),
 * s.e.² = χ²/(2N − 1)/N. */
static void
test_closed_form (void)
{
  g_autoptr(SpCircuit) circuit = synth_circuit ("R0");
  g_autoptr(SpEisSpectrum) s = sp_eis_spectrum_new (5);
  static const double zr[] = { 101, 99.5, 100.2, 98.9, 100.7 };
  static const double zi[] = { 0.3, -0.8, 0.1, 0.5, -0.2 };
  SpEisFitOptions options;
  g_autoptr(GError) error = NULL;
  g_autoptr(SpEisFitResult) r = NULL;
  double mean = 0, chi2 = 0;

  for (guint i = 0; i < 5; i++)
    {
      s->freq_hz[i] = pow (10, 5 - i);
      s->z_re_ohm[i] = zr[i];
      s->z_im_ohm[i] = zi[i];
      mean += zr[i] / 5;
    }
  for (guint i = 0; i < 5; i++)
    chi2 += (zr[i] - mean) * (zr[i] - mean) + zi[i] * zi[i];

  sp_eis_fit_options_init (&options);
  options.weight = SP_EIS_WEIGHT_UNIT;
  r = sp_eis_fit (circuit, s, &options, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (r->converged);
  g_assert_cmpfloat_with_epsilon (r->value[0], mean, 1e-10 * mean);
  g_assert_cmpfloat_with_epsilon (r->chi2, chi2, 1e-10 * chi2);
  g_assert_cmpuint (r->dof, ==, 9);
  g_assert_cmpfloat_with_epsilon (r->reduced_chi2, chi2 / 9, 1e-10 * chi2);
  g_assert_cmpfloat_with_epsilon (r->std_error[0], sqrt (chi2 / 9 / 5), 1e-9);
  for (guint i = 0; i < 5; i++)
    {
      double mod = hypot (zr[i], zi[i]);

      g_assert_cmpfloat_with_epsilon (r->rel_residual_re[i], (zr[i] - mean) / mod, 1e-12);
      g_assert_cmpfloat_with_epsilon (r->rel_residual_im[i], zi[i] / mod, 1e-12);
      g_assert_cmpfloat (r->z_fit_re_ohm[i], ==, r->value[0]);
      g_assert_cmpfloat (r->z_fit_im_ohm[i], ==, 0);
      g_assert_cmpfloat (r->freq_hz[i], ==, s->freq_hz[i]);
    }
}

/* χ² is the weighted sum of squares of each weighting's own definition,
 * and each weighting recovers the truth within 4 s.e. from noise of the
 * kind it assumes: constant (1 Ω), 0.5 % of |Z|, 0.5 % of |Z′| and |Z″|. */
static void
test_weights (void)
{
  static const double truth[] = { 20, 1000, 2e-7, 0.85 };
  g_autoptr(SpCircuit) circuit = synth_circuit ("R0-p(R1,CPE1)");
  gsl_rng *rng = gsl_rng_alloc (gsl_rng_mt19937);
  SpEisWeight weight;

  gsl_rng_set (rng, 3);
  for (guint w = SP_EIS_WEIGHT_UNIT; w <= SP_EIS_WEIGHT_PROPORTIONAL; w++)
    {
      g_autoptr(SpEisSpectrum) s = synth_spectrum (circuit, truth, 0.1, 1e6, 50, 0, NULL);
      SpEisFitOptions options;
      g_autoptr(GError) error = NULL;
      g_autoptr(SpEisFitResult) r = NULL;
      double chi2 = 0;

      for (guint i = 0; i < s->n_points; i++)
        {
          double zr = s->z_re_ohm[i], zi = s->z_im_ohm[i], mod = hypot (zr, zi);

          s->z_re_ohm[i] += gsl_ran_gaussian (rng, w == SP_EIS_WEIGHT_UNIT ? 1
                                                   : w == SP_EIS_WEIGHT_MODULUS ? 0.005 * mod
                                                   : 0.005 * fabs (zr));
          s->z_im_ohm[i] += gsl_ran_gaussian (rng, w == SP_EIS_WEIGHT_UNIT ? 1
                                                   : w == SP_EIS_WEIGHT_MODULUS ? 0.005 * mod
                                                   : 0.005 * fabs (zi));
        }
      sp_eis_fit_options_init (&options);
      options.weight = w;
      r = sp_eis_fit (circuit, s, &options, NULL, &error);
      g_assert_no_error (error);
      g_assert_true (r->converged);
      for (guint i = 0; i < s->n_points; i++)
        {
          double dr = s->z_re_ohm[i] - r->z_fit_re_ohm[i];
          double di = s->z_im_ohm[i] - r->z_fit_im_ohm[i];
          double m2 = s->z_re_ohm[i] * s->z_re_ohm[i] + s->z_im_ohm[i] * s->z_im_ohm[i];

          if (w == SP_EIS_WEIGHT_UNIT)
            chi2 += dr * dr + di * di;
          else if (w == SP_EIS_WEIGHT_MODULUS)
            chi2 += (dr * dr + di * di) / m2;
          else
            chi2 += dr * dr / MAX (s->z_re_ohm[i] * s->z_re_ohm[i], 1e-6 * m2)
                    + di * di / MAX (s->z_im_ohm[i] * s->z_im_ohm[i], 1e-6 * m2);
        }
      g_assert_cmpfloat_with_epsilon (r->chi2 / chi2, 1.0, 1e-10);
      g_assert_cmpuint (r->dof, ==, 2 * 50 - 4);
      g_assert_cmpfloat_with_epsilon (r->reduced_chi2 / (chi2 / 96), 1.0, 1e-10);
      /* The scatter is the noise: 1 Ω², or (0.5 %)². */
      g_assert_cmpfloat (r->reduced_chi2 / (w == SP_EIS_WEIGHT_UNIT ? 1 : 2.5e-5), >, 0.7);
      g_assert_cmpfloat (r->reduced_chi2 / (w == SP_EIS_WEIGHT_UNIT ? 1 : 2.5e-5), <, 1.4);
      for (guint k = 0; k < 4; k++)
        g_assert_cmpfloat (fabs (r->value[k] - truth[k]), <, 4 * r->std_error[k]);
    }
  gsl_rng_free (rng);

  g_assert_true (sp_eis_weight_from_string ("proportional", &weight));
  g_assert_cmpint (weight, ==, SP_EIS_WEIGHT_PROPORTIONAL);
  g_assert_true (sp_eis_weight_from_string ("unit", &weight));
  g_assert_cmpint (weight, ==, SP_EIS_WEIGHT_UNIT);
  g_assert_false (sp_eis_weight_from_string ("Modulus", &weight));
  g_assert_false (sp_eis_weight_from_string ("", &weight));
  g_assert_cmpstr (sp_eis_weight_to_string (SP_EIS_WEIGHT_MODULUS), ==, "modulus");
}

/* Fixed parameters keep their value to the bit, with s.e. 0; the others
 * fit around them; given initial values are used as the start. */
static void
test_fixed (void)
{
  g_autoptr(SpCircuit) circuit = synth_circuit (SYNTH_CERAMIC);
  guint n = sp_circuit_get_n_params (circuit);
  g_autoptr(SpEisSpectrum) s = synth_spectrum (circuit, synth_ceramic_params, 0.1, 1e7, 60,
                                               0, NULL);
  double initial[16];
  gboolean fixed[16] = { FALSE };
  SpEisFitOptions options;
  g_autoptr(GError) error = NULL;
  g_autoptr(SpEisFitResult) r = NULL;
  guint i_r0, i_alpha;

  g_assert_true (sp_circuit_find_param (circuit, "R0", &i_r0, NULL));
  g_assert_true (sp_circuit_find_param (circuit, "CPEgb_1", &i_alpha, NULL));
  for (guint k = 0; k < n; k++)
    initial[k] = NAN;
  /* R0 held 10 % off the truth, α_gb held at the truth, R_gb started 3× off. */
  initial[i_r0] = 55;
  fixed[i_r0] = TRUE;
  initial[i_alpha] = 0.85;
  fixed[i_alpha] = TRUE;
  initial[4] = 9e4;

  sp_eis_fit_options_init (&options);
  options.initial = initial;
  options.fixed = fixed;
  r = sp_eis_fit (circuit, s, &options, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (r->converged);
  g_assert_cmpuint (r->n_free, ==, n - 2);
  g_assert_cmpuint (r->dof, ==, 120 - (n - 2));
  g_assert_cmpfloat (r->value[i_r0], ==, 55);
  g_assert_cmpfloat (r->value[i_alpha], ==, 0.85);
  g_assert_cmpfloat (r->std_error[i_r0], ==, 0);
  g_assert_cmpfloat (r->std_error[i_alpha], ==, 0);
  g_assert_true (r->fixed[i_r0] && r->fixed[i_alpha]);
  g_assert_false (r->fixed[1]);
  g_assert_cmpfloat (r->initial[4], ==, 9e4);
  /* R0 off by 5 Ω: the bulk arc's R absorbs nearly all of it. */
  g_assert_cmpfloat (fabs (r->value[1] - 1e4), <, 20);
  for (guint k = 0; k < n; k++)
    if (!r->fixed[k])
      g_assert_cmpfloat (r->std_error[k], >, 0);

  /* Everything fixed: no fit, the given values judged. */
  {
    gboolean all[16];
    g_autoptr(SpEisFitResult) r2 = NULL;

    for (guint k = 0; k < n; k++)
      {
        all[k] = TRUE;
        initial[k] = synth_ceramic_params[k];
      }
    options.fixed = all;
    r2 = sp_eis_fit (circuit, s, &options, NULL, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (r2->n_free, ==, 0);
    g_assert_cmpuint (r2->iterations, ==, 0);
    g_assert_cmpfloat (r2->chi2, <, 1e-20);
    for (guint k = 0; k < n; k++)
      {
        g_assert_cmpfloat (r2->value[k], ==, synth_ceramic_params[k]);
        g_assert_cmpfloat (r2->std_error[k], ==, 0);
      }
  }
}

/* A fit cut short still returns its best point, flagged. */
static void
test_not_converged (void)
{
  g_autoptr(SpCircuit) circuit = synth_circuit (SYNTH_CERAMIC);
  g_autoptr(SpEisSpectrum) s = synth_spectrum (circuit, synth_ceramic_params, 0.1, 1e7, 60,
                                               0, NULL);
  double initial[9] = { 500, 1e2, 1e-7, 0.6, 1e6, 1e-12, 0.6, 1e-2, 0.5 };
  SpEisFitOptions options;
  g_autoptr(GError) error = NULL;
  g_autoptr(SpEisFitResult) r = NULL;

  sp_eis_fit_options_init (&options);
  options.initial = initial;
  options.max_iterations = 2;
  options.max_starts = 1;
  r = sp_eis_fit (circuit, s, &options, NULL, &error);
  g_assert_no_error (error);
  g_assert_false (r->converged);
  g_assert_nonnull (r->warning);
  g_assert_nonnull (strstr (r->warning, "did not converge"));
  g_assert_cmpuint (r->iterations, ==, 2);
  for (guint k = 0; k < 9; k++)
    g_assert_true (isfinite (r->value[k]) && r->value[k] > 0);
  g_assert_true (isfinite (r->chi2));
}

static void
assert_fit_error (const SpCircuit       *circuit,
                  const SpEisSpectrum   *s,
                  const SpEisFitOptions *options,
                  GCancellable          *cancellable,
                  GQuark                 domain,
                  int                    code,
                  const char            *fragment)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SpEisFitResult) r = sp_eis_fit (circuit, s, options, cancellable, &error);

  g_assert_null (r);
  g_assert_error (error, domain, code);
  if (fragment != NULL && strstr (error->message, fragment) == NULL)
    g_error ("“%s” lacks “%s”", error->message, fragment);
}

static void
test_bad_input (void)
{
  g_autoptr(SpCircuit) circuit = synth_circuit (SYNTH_CERAMIC);
  g_autoptr(SpEisSpectrum) good = synth_spectrum (circuit, synth_ceramic_params, 0.1, 1e7, 30,
                                                  0, NULL);
  g_autoptr(SpEisSpectrum) empty = sp_eis_spectrum_new (0);
  g_autoptr(SpEisSpectrum) few = sp_eis_spectrum_select (good, 1e6, 1e7, FALSE);
  g_autoptr(GCancellable) cancelled = g_cancellable_new ();
  double initial[9];
  gboolean fixed[9] = { FALSE };
  SpEisFitOptions options;

  assert_fit_error (circuit, empty, NULL, NULL, SP_EIS_FIT_ERROR, SP_EIS_FIT_ERROR_DATA,
                    "no points");

  /* Three points, six values, nine free parameters. */
  g_assert_cmpuint (few->n_points, <, 5);
  assert_fit_error (circuit, few, NULL, NULL, SP_EIS_FIT_ERROR, SP_EIS_FIT_ERROR_TOO_FEW,
                    "9 free parameters");

  {
    g_autoptr(SpEisSpectrum) bad = sp_eis_spectrum_copy (good);

    bad->z_im_ohm[4] = NAN;
    assert_fit_error (circuit, bad, NULL, NULL, SP_EIS_FIT_ERROR, SP_EIS_FIT_ERROR_DATA,
                      "point 5");
    bad->z_im_ohm[4] = -1;
    bad->freq_hz[6] = 0;
    assert_fit_error (circuit, bad, NULL, NULL, SP_EIS_FIT_ERROR, SP_EIS_FIT_ERROR_DATA,
                      "point 7");
    bad->freq_hz[6] = 1;
    bad->z_re_ohm[0] = INFINITY;
    assert_fit_error (circuit, bad, NULL, NULL, SP_EIS_FIT_ERROR, SP_EIS_FIT_ERROR_DATA,
                      "point 1");
  }

  sp_eis_fit_options_init (&options);
  for (guint k = 0; k < 9; k++)
    initial[k] = NAN;
  options.initial = initial;
  options.fixed = fixed;
  fixed[2] = TRUE;
  assert_fit_error (circuit, good, &options, NULL, SP_EIS_FIT_ERROR,
                    SP_EIS_FIT_ERROR_PARAMETER, "CPEb_0 is to be held fixed");
  fixed[2] = FALSE;
  initial[3] = 1.5;
  assert_fit_error (circuit, good, &options, NULL, SP_EIS_FIT_ERROR,
                    SP_EIS_FIT_ERROR_PARAMETER, "CPEb_1 = 1.5");
  initial[3] = NAN;
  initial[1] = -3;
  assert_fit_error (circuit, good, &options, NULL, SP_EIS_FIT_ERROR,
                    SP_EIS_FIT_ERROR_PARAMETER, "Rb = -3");
  initial[1] = NAN;

  g_cancellable_cancel (cancelled);
  assert_fit_error (circuit, good, NULL, cancelled, G_IO_ERROR, G_IO_ERROR_CANCELLED, NULL);
}

int
main (int    argc,
      char **argv)
{
  sp_gsl_init ();
  g_test_init (&argc, &argv, NULL);

  g_test_add_data_func ("/eis-fit/exact/r-rcpe", &case_rc, test_exact);
  g_test_add_data_func ("/eis-fit/exact/ceramic", &case_ceramic, test_exact);
  g_test_add_data_func ("/eis-fit/exact/warburg", &case_wo, test_exact);
  g_test_add_data_func ("/eis-fit/exact/overlapping", &case_overlap, test_exact);
  g_test_add_data_func ("/eis-fit/exact/three-arcs-spike", &case_three, test_exact);
  g_test_add_data_func ("/eis-fit/noisy/r-rcpe", &case_rc, test_noisy);
  g_test_add_data_func ("/eis-fit/noisy/ceramic", &case_ceramic, test_noisy);
  g_test_add_data_func ("/eis-fit/noisy/warburg", &case_wo, test_noisy);
  g_test_add_data_func ("/eis-fit/noisy/overlapping", &case_overlap, test_noisy);
  g_test_add_data_func ("/eis-fit/noisy/three-arcs-spike", &case_three, test_noisy);
  g_test_add_func ("/eis-fit/random-ceramics", test_random_ceramics);
  g_test_add_func ("/eis-fit/merged-arcs", test_merged_arcs);
  g_test_add_func ("/eis-fit/coverage", test_coverage);
  g_test_add_func ("/eis-fit/closed-form", test_closed_form);
  g_test_add_func ("/eis-fit/weights", test_weights);
  g_test_add_func ("/eis-fit/fixed", test_fixed);
  g_test_add_func ("/eis-fit/not-converged", test_not_converged);
  g_test_add_func ("/eis-fit/bad-input", test_bad_input);
  return g_test_run ();
}
