/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-drt.c — the distribution of relaxation times: the discretisation
 * integrals and penalty against independent computations, an R‖C, a ZARC
 * against its analytic distribution, two arcs, R∞ and L, GCV against the
 * best λ in hindsight, cancellation and bad input */

#include "config.h"

#include <complex.h>
#include <gio/gio.h>
#include <gsl/gsl_integration.h>
#include <gsl/gsl_randist.h>
#include <gsl/gsl_rng.h>
#include <math.h>
#include <string.h>

#include "sp-drt.h"
#include "sp-gsl.h"

typedef double complex (*Model) (double omega);

static SpEisSpectrum *
make_spectrum (Model  model,
               double noise,
               gulong seed)
{
  g_autoptr(GError) error = NULL;
  SpEisSpectrum *s = sp_eis_spectrum_new_log (0.01, 1e5, 10, &error);
  gsl_rng *rng = gsl_rng_alloc (gsl_rng_mt19937);

  g_assert_no_error (error);
  gsl_rng_set (rng, seed);
  for (guint i = 0; i < s->n_points; i++)
    {
      double complex z = model (2 * G_PI * s->freq_hz[i]);

      s->z_re_ohm[i] = creal (z) + noise * cabs (z) * gsl_ran_gaussian (rng, 1);
      s->z_im_ohm[i] = cimag (z) + noise * cabs (z) * gsl_ran_gaussian (rng, 1);
    }
  gsl_rng_free (rng);
  return s;
}

static SpDrtResult *
drt (const SpEisSpectrum *s,
     double               lambda)
{
  g_autoptr(GError) error = NULL;
  SpDrtOptions o;
  SpDrtResult *r;

  sp_drt_options_init (&o);
  if (lambda > 0)
    {
      o.gcv = FALSE;
      o.lambda = lambda;
    }
  r = sp_drt_compute (s, &o, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (r);
  return r;
}

/* ---- the discretisation integrals and the penalty ---------------------- */

typedef struct
{
  double u, epsilon;
  gboolean imag;
} Args;

static double
integrand (double  s,
           void   *data)
{
  const Args *a = data;
  double v = s + a->u;

  return exp (-a->epsilon * a->epsilon * s * s) *
         (a->imag ? -1 / (2 * cosh (v)) : 1 / (1 + exp (2 * v)));
}

/* The trapezoid rule converges exponentially for a smooth integrand that
 * decays like a Gaussian: an independent check of the adaptive quadrature. */
static double
trapezoid (gboolean imag,
           double   u,
           double   epsilon)
{
  Args a = { u, epsilon, imag };
  double h = 0.02 / epsilon, sum = 0;

  for (int k = -2000; k <= 2000; k++)
    sum += integrand (k * h, &a);
  return sum * h;
}

static void
test_kernel_integrals (void)
{
  const double epsilons[] = { 0.5, 1.7, 3.6, 9.0 };
  const double us[] = { -30, -6, -2.5, -0.7, 0, 0.3, 1.9, 5, 25 };

  for (guint e = 0; e < G_N_ELEMENTS (epsilons); e++)
    {
      double eps = epsilons[e], whole = sqrt (G_PI) / eps;

      for (guint i = 0; i < G_N_ELEMENTS (us); i++)
        {
          double u = us[i];
          double re = sp_drt_kernel_re (u, eps), im = sp_drt_kernel_im (u, eps);

          /* 1/(1+e^{2v}) + 1/(1+e^{−2v}) = 1 and the Gaussian is even. */
          g_assert_cmpfloat (fabs (re + sp_drt_kernel_re (-u, eps) - whole), <, 1e-12 * whole);
          /* 1/cosh is even. */
          g_assert_cmpfloat (fabs (im - sp_drt_kernel_im (-u, eps)), <, 1e-12 * whole);
          g_assert_cmpfloat (im, <=, 0);
          g_assert_cmpfloat (fabs (re - trapezoid (FALSE, u, eps)), <, 1e-12 * whole);
          g_assert_cmpfloat (fabs (im - trapezoid (TRUE, u, eps)), <, 1e-12 * whole);
        }
      /* Far limits: a slow element is all resistance at ω → 0 … */
      g_assert_cmpfloat (fabs (sp_drt_kernel_re (-40, eps) - whole), <, 1e-13 * whole);
      g_assert_cmpfloat (fabs (sp_drt_kernel_im (-40, eps)), <, 1e-13 * whole);
      /* … and nothing at ω → ∞. */
      g_assert_cmpfloat (fabs (sp_drt_kernel_re (40, eps)), <, 1e-13 * whole);

      /* ∫ A″(u) du = −(√π/ε)(π/2): ∫ du/(2 cosh u) = π/2. */
      {
        double sum = 0, h = 0.01;

        for (int k = -6000; k <= 6000; k++)
          sum += sp_drt_kernel_im (k * h, eps);
        g_assert_cmpfloat (fabs (sum * h + whole * G_PI / 2), <, 1e-9 * whole);
      }
    }
}

typedef struct
{
  double d, epsilon;
  guint  k;
} PenaltyArgs;

/* The k-th derivative of exp(−(ε y)²). */
static double
gaussian_derivative (double y,
                     double eps,
                     guint  k)
{
  double e2 = eps * eps, g = exp (-e2 * y * y);

  if (k == 1)
    return -2 * e2 * y * g;
  return (4 * e2 * e2 * y * y - 2 * e2) * g;
}

static double
penalty_integrand (double  y,
                   void   *data)
{
  const PenaltyArgs *p = data;

  return gaussian_derivative (y, p->epsilon, p->k) *
         gaussian_derivative (y - p->d, p->epsilon, p->k);
}

static void
test_penalty (void)
{
  gsl_integration_workspace *ws = gsl_integration_workspace_alloc (1000);
  const double ds[] = { 0, 0.1, 0.23, 0.5, 1.1, 2.9 };

  for (guint k = 1; k <= 2; k++)
    for (guint e = 0; e < 3; e++)
      for (guint i = 0; i < G_N_ELEMENTS (ds); i++)
        {
          PenaltyArgs p = { ds[i], 1.0 + 2.3 * e, k };
          gsl_function f = { penalty_integrand, &p };
          double value, err, closed = sp_drt_penalty (ds[i], p.epsilon, k);

          g_assert_cmpint (gsl_integration_qagi (&f, 0, 1e-13, 1000, ws, &value, &err), ==,
                           GSL_SUCCESS);
          g_assert_cmpfloat (fabs (closed - value), <, 1e-10 * fabs (sp_drt_penalty (0, p.epsilon, k)));
        }
  gsl_integration_workspace_free (ws);
}

/* ---- circuits ------------------------------------------------------------ */

static double complex
rc (double omega)
{
  return 10 + 100 / (1 + I * omega * 100 * 1e-5);
}

static void
test_rc (void)
{
  g_autoptr(SpEisSpectrum) s = make_spectrum (rc, 0, 1);

  for (guint d = 1; d <= 2; d++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(SpDrtResult) r = NULL;
      SpDrtOptions o;

      sp_drt_options_init (&o);
      o.derivative = d;
      r = sp_drt_compute (s, &o, NULL, NULL, NULL, &error);
      g_assert_no_error (error);
      g_assert_true (r->lambda_from_gcv);
      g_assert_cmpuint (r->n_peaks, ==, 1);
      /* τ = RC = 1 ms, the area R = 100 Ω, each within 2 %. */
      g_assert_cmpfloat (fabs (r->peaks[0].tau_s / 1e-3 - 1), <, 0.02);
      g_assert_cmpfloat (fabs (r->peaks[0].resistance_ohm / 100 - 1), <, 0.02);
      g_assert_cmpfloat (fabs (r->peaks[0].capacitance_f / 1e-5 - 1), <, 0.04);
      g_assert_cmpfloat (fabs (r->peaks[0].freq_hz * 2 * G_PI * r->peaks[0].tau_s - 1), <, 1e-12);
      g_assert_cmpfloat (fabs (r->r_inf_ohm / 10 - 1), <, 0.02);
      /* γ at the peak is the largest on the grid, and a maximum. */
      for (guint i = 0; i < r->n_out; i++)
        g_assert_cmpfloat (r->gamma_ohm[i], <=, r->peaks[0].gamma_ohm * (1 + 1e-12));
      g_assert_cmpfloat (fabs (sp_drt_result_gamma (r, r->peaks[0].tau_s) - r->peaks[0].gamma_ohm),
                         <, 1e-12 * r->peaks[0].gamma_ohm);
      /* The single peak's bounds are the whole axis. */
      g_assert_cmpfloat (r->peaks[0].tau_lo_s, ==, 0);
      g_assert_true (isinf (r->peaks[0].tau_hi_s));
      g_assert_cmpfloat (fabs (r->peaks[0].resistance_ohm - r->polarisation_ohm), <, 1e-9);
      g_assert_cmpfloat (fabs (sp_drt_result_integral (r, 0, INFINITY) - r->polarisation_ohm),
                         <, 1e-12 * r->polarisation_ohm);
      /* γ ≥ 0 everywhere. */
      for (guint k = 0; k < r->n_basis; k++)
        g_assert_cmpfloat (r->weight_ohm[k], >=, 0);
    }
}

#define ZARC_ALPHA 0.8
#define ZARC_TAU   1e-3

static double complex
zarc (double omega)
{
  return 10 + 100 / (1 + cpow (I * omega * ZARC_TAU, ZARC_ALPHA));
}

static double
zarc_gamma (double tau)
{
  double x = log (tau / ZARC_TAU), a = ZARC_ALPHA;

  return 100 / (2 * G_PI) * sin ((1 - a) * G_PI) / (cosh (a * x) - cos ((1 - a) * G_PI));
}

/* The largest |γ − γ_ZARC| over the τ the centres span, relative to the
 * analytic peak height (100/2π · sin(0.2π)/(1 − cos(0.2π)) ≈ 49 Ω). */
static double
zarc_error (const SpDrtResult *r)
{
  double worst = 0, lo = exp (r->centre_ln_tau[0]), hi = exp (r->centre_ln_tau[r->n_basis - 1]);

  for (guint i = 0; i < r->n_out; i++)
    if (r->tau_s[i] >= lo && r->tau_s[i] <= hi)
      worst = MAX (worst, fabs (r->gamma_ohm[i] - zarc_gamma (r->tau_s[i])));
  return worst / zarc_gamma (ZARC_TAU);
}

static void
test_zarc (void)
{
  g_autoptr(SpEisSpectrum) s = make_spectrum (zarc, 0, 1);
  g_autoptr(SpDrtResult) r = drt (s, 1e-6);

  /* At λ = 1e-6 the distribution is within 3 % of its peak height
   * everywhere (2.5 % measured: Gaussians of finite width ripple about the
   * long tails), and its total is R to 0.1 %. */
  g_assert_cmpfloat (zarc_error (r), <, 0.03);
  g_assert_cmpfloat (fabs (r->polarisation_ohm / 100 - 1), <, 1e-3);
  g_assert_cmpfloat (fabs (r->r_inf_ohm / 10 - 1), <, 0.01);
  /* The main peak at τ₀. */
  {
    guint main = 0;

    for (guint k = 1; k < r->n_peaks; k++)
      if (r->peaks[k].gamma_ohm > r->peaks[main].gamma_ohm)
        main = k;
    g_assert_cmpfloat (fabs (r->peaks[main].tau_s / ZARC_TAU - 1), <, 0.01);
  }
}

static double complex
two_arcs (double omega)
{
  return 10 + 100 / (1 + I * omega * 1e-4) + 200 / (1 + I * omega * 1e-1) + I * omega * 1e-6;
}

static void
test_two_arcs (void)
{
  g_autoptr(SpEisSpectrum) s = make_spectrum (two_arcs, 0, 1);
  g_autoptr(SpDrtResult) r = drt (s, 0);

  g_assert_cmpuint (r->n_peaks, ==, 2);
  g_assert_cmpfloat (fabs (r->peaks[0].tau_s / 1e-4 - 1), <, 0.02);
  g_assert_cmpfloat (fabs (r->peaks[0].resistance_ohm / 100 - 1), <, 0.02);
  g_assert_cmpfloat (fabs (r->peaks[1].tau_s / 1e-1 - 1), <, 0.02);
  g_assert_cmpfloat (fabs (r->peaks[1].resistance_ohm / 200 - 1), <, 0.02);
  g_assert_cmpfloat (fabs (r->peaks[1].capacitance_f / 5e-4 - 1), <, 0.04);
  /* The boundary between them lies between them. */
  g_assert_cmpfloat (r->peaks[0].tau_hi_s, ==, r->peaks[1].tau_lo_s);
  g_assert_cmpfloat (r->peaks[0].tau_hi_s, >, 1e-4);
  g_assert_cmpfloat (r->peaks[0].tau_hi_s, <, 1e-1);
}

static double complex
zarc_with_l (double omega)
{
  return 10 + 100 / (1 + cpow (I * omega * 2e-3, 0.9)) + I * omega * 1e-6;
}

static double complex
zarc_with_negative_l (double omega)
{
  return 10 + 100 / (1 + cpow (I * omega * 2e-3, 0.9)) - I * omega * 1e-6;
}

static void
test_series (void)
{
  g_autoptr(SpEisSpectrum) s = make_spectrum (zarc_with_l, 0, 1);
  g_autoptr(SpDrtResult) r = drt (s, 0);
  g_autoptr(SpDrtResult) no_l = NULL;
  g_autoptr(GError) error = NULL;
  SpDrtOptions o;

  g_assert_cmpfloat (fabs (r->r_inf_ohm / 10 - 1), <, 2e-3);
  g_assert_cmpfloat (fabs (r->inductance_h / 1e-6 - 1), <, 1e-2);
  g_assert_cmpfloat (fabs (r->polarisation_ohm / 100 - 1), <, 2e-3);

  /* Without the inductance in the model: none reported, and the fit
   * misses the inductive rise. */
  sp_drt_options_init (&o);
  o.fit_inductance = FALSE;
  no_l = sp_drt_compute (s, &o, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpfloat (no_l->inductance_h, ==, 0);
  g_assert_cmpfloat (fabs (no_l->residual_im[0]), >, 10 * fabs (r->residual_im[0]));

  /* A negative inductance (a measurement artefact): kept at 0 by default,
   * recovered when R∞ and L may take either sign. */
  {
    g_autoptr(SpEisSpectrum) neg = make_spectrum (zarc_with_negative_l, 0, 1);
    g_autoptr(SpDrtResult) bounded = NULL;
    g_autoptr(SpDrtResult) free_l = NULL;

    sp_drt_options_init (&o);
    bounded = sp_drt_compute (neg, &o, NULL, NULL, NULL, &error);
    g_assert_no_error (error);
    g_assert_cmpfloat (bounded->inductance_h, ==, 0);
    o.free_r_inf_l = TRUE;
    free_l = sp_drt_compute (neg, &o, NULL, NULL, NULL, &error);
    g_assert_no_error (error);
    g_assert_cmpfloat (fabs (free_l->inductance_h / -1e-6 - 1), <, 1e-2);
    g_assert_cmpfloat (fabs (free_l->r_inf_ohm / 10 - 1), <, 2e-3);
  }
}

/* GCV on noisy data: the λ it picks reconstructs the ZARC within a factor
 * of the best λ in hindsight (the error against the analytic γ, which GCV
 * never sees). */
static void
test_gcv (void)
{
  for (gulong seed = 1; seed <= 2; seed++)
    {
      g_autoptr(SpEisSpectrum) s = make_spectrum (zarc, 0.005, seed);
      g_autoptr(SpDrtResult) chosen = drt (s, 0);
      double best = INFINITY, best_lambda = 0, err = zarc_error (chosen);

      for (double lg = -8; lg <= 0.01; lg += 0.5)
        {
          g_autoptr(SpDrtResult) r = drt (s, pow (10, lg));
          double e = zarc_error (r);

          if (e < best)
            {
              best = e;
              best_lambda = pow (10, lg);
            }
        }
      g_test_message ("seed %lu: GCV lambda = %.3g (error %.3g), best lambda = %.3g (error %.3g)",
                      seed, chosen->lambda, err, best_lambda, best);
      g_assert_true (isfinite (chosen->gcv_score));
      g_assert_cmpfloat (err, <=, 2 * best);
    }
}

static void
record_progress (double   fraction,
                 gpointer user_data)
{
  GArray *seen = user_data;

  g_array_append_val (seen, fraction);
}

static void
cancel_at_half (double   fraction,
                gpointer user_data)
{
  if (fraction >= 0.5)
    g_cancellable_cancel (user_data);
}

static void
test_progress_and_cancel (void)
{
  g_autoptr(SpEisSpectrum) s = make_spectrum (rc, 0, 1);
  g_autoptr(GArray) seen = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(SpDrtResult) r = sp_drt_compute (s, NULL, NULL, record_progress, seen, &error);
  SpDrtResult *none;

  g_assert_no_error (error);
  g_assert_cmpuint (seen->len, >, 10);
  for (guint i = 1; i < seen->len; i++)
    g_assert_cmpfloat (g_array_index (seen, double, i), >=, g_array_index (seen, double, i - 1));
  g_assert_cmpfloat (g_array_index (seen, double, seen->len - 1), ==, 1);

  none = sp_drt_compute (s, NULL, cancellable, cancel_at_half, cancellable, &error);
  g_assert_null (none);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
}

static void
expect_error (const SpEisSpectrum *s,
              const SpDrtOptions  *o,
              const char          *fragment)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SpDrtResult) r = sp_drt_compute (s, o, NULL, NULL, NULL, &error);

  g_assert_null (r);
  g_assert_nonnull (error);
  if (strstr (error->message, fragment) == NULL)
    g_error ("“%s” lacks “%s”", error->message, fragment);
}

static void
test_bad_input (void)
{
  g_autoptr(SpEisSpectrum) good = make_spectrum (rc, 0, 1);
  SpEisSpectrum *s;
  SpDrtOptions o;

  s = sp_eis_spectrum_copy (good);
  s->n_points = 4;
  expect_error (s, NULL, "at least 5 points");
  sp_eis_spectrum_free (s);
  s = sp_eis_spectrum_copy (good);
  s->freq_hz[2] = 0;
  expect_error (s, NULL, "point 3");
  sp_eis_spectrum_free (s);
  s = sp_eis_spectrum_copy (good);
  s->z_re_ohm[9] = INFINITY;
  expect_error (s, NULL, "point 10");
  sp_eis_spectrum_free (s);
  s = sp_eis_spectrum_copy (good);
  s->freq_hz[4] = s->freq_hz[1];
  expect_error (s, NULL, "points 2 and 5");
  sp_eis_spectrum_free (s);
  s = sp_eis_spectrum_new (10001);
  for (guint i = 0; i < s->n_points; i++)
    {
      s->freq_hz[i] = 1 + i;
      s->z_re_ohm[i] = 1;
    }
  expect_error (s, NULL, "at most 10000 points");
  sp_eis_spectrum_free (s);

  sp_drt_options_init (&o);
  o.derivative = 3;
  expect_error (good, &o, "1 or 2");
  sp_drt_options_init (&o);
  o.gcv = FALSE;
  o.lambda = -1;
  expect_error (good, &o, "λ");
  sp_drt_options_init (&o);
  o.fwhm_coefficient = 0;
  expect_error (good, &o, "width");
}

int
main (int    argc,
      char **argv)
{
  sp_gsl_init ();
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/drt/kernel-integrals", test_kernel_integrals);
  g_test_add_func ("/drt/penalty", test_penalty);
  g_test_add_func ("/drt/rc", test_rc);
  g_test_add_func ("/drt/zarc", test_zarc);
  g_test_add_func ("/drt/two-arcs", test_two_arcs);
  g_test_add_func ("/drt/series", test_series);
  g_test_add_func ("/drt/gcv", test_gcv);
  g_test_add_func ("/drt/progress-and-cancel", test_progress_and_cancel);
  g_test_add_func ("/drt/bad-input", test_bad_input);
  return g_test_run ();
}
