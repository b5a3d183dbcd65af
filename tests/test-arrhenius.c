/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-arrhenius.c — the Arrhenius fit: exact data recovers E_a to 1e-12 eV,
 * the numbers agree with least squares written out here, the 95 % interval
 * holds the truth 95 % of the time over many seeds (Student's t for few
 * points: the normal quantile would not), bad input is refused with its
 * message; σ = t/(R·A); temperature/conductivity tables */

#include "config.h"

#include <gio/gio.h>
#include <gsl/gsl_randist.h>
#include <gsl/gsl_rng.h>
#include <math.h>
#include <string.h>

#include "sp-arrhenius.h"
#include "sp-eis-read.h"
#include "sp-gsl.h"

#define KB SP_BOLTZMANN_EV_PER_K

static const double temps[] = { 253.15, 273.15, 298.15, 323.15, 348.15, 373.15, 398.15, 423.15 };
#define N_T G_N_ELEMENTS (temps)

static double
sigma_true (SpArrheniusForm form,
            double          ea,
            double          prefactor,
            double          t)
{
  double s = prefactor * exp (-ea / (KB * t));

  return form == SP_ARRHENIUS_SIGMA_T ? s / t : s;
}

static void
test_exact (void)
{
  for (int form = SP_ARRHENIUS_SIGMA_T; form <= SP_ARRHENIUS_SIGMA; form++)
    for (int weighted = 0; weighted <= 1; weighted++)
      {
        double sigma[N_T], u[N_T];
        SpArrheniusFit fit;
        g_autoptr(GError) error = NULL;

        for (guint i = 0; i < N_T; i++)
          {
            sigma[i] = sigma_true (form, 0.42, 3.1e5, temps[i]);
            u[i] = 0.02 * (1 + i) * sigma[i];
          }
        g_assert_true (sp_arrhenius_fit (temps, sigma, weighted ? u : NULL, N_T, form, &fit, &error));
        g_assert_no_error (error);
        g_assert_cmpfloat (fabs (fit.ea_ev - 0.42), <, 1e-12);
        g_assert_cmpfloat (fabs (fit.prefactor / 3.1e5 - 1), <, 1e-10);
        g_assert_cmpfloat (fabs (fit.r_squared - 1), <, 1e-12);
        g_assert_cmpuint (fit.n_points, ==, N_T);
        g_assert_cmpuint (fit.dof, ==, N_T - 2);
        g_assert_true (fit.weighted == weighted);
        g_assert_cmpint (fit.form, ==, form);
        if (!weighted)
          g_assert_cmpfloat (fit.ea_stderr_ev, <, 1e-12);   /* no scatter */
        for (guint i = 0; i < N_T; i++)
          g_assert_cmpfloat_with_epsilon (sp_arrhenius_sigma_at (&fit, temps[i]) / sigma[i], 1, 1e-10);
      }
}

/* Ordinary and weighted least squares written out, as the reference. */
static void
reference_fit (const double *x,
               const double *y,
               const double *w,
               guint         n,
               double       *slope,
               double       *intercept,
               double       *var_slope,
               double       *var_intercept)
{
  double sw = 0, sx = 0, sy = 0, sxx = 0, sxy = 0, det;

  for (guint i = 0; i < n; i++)
    {
      sw += w[i];
      sx += w[i] * x[i];
      sy += w[i] * y[i];
      sxx += w[i] * x[i] * x[i];
      sxy += w[i] * x[i] * y[i];
    }
  det = sw * sxx - sx * sx;
  *slope = (sw * sxy - sx * sy) / det;
  *intercept = (sxx * sy - sx * sxy) / det;
  *var_slope = sw / det;
  *var_intercept = sxx / det;
}

static void
test_against_reference (void)
{
  gsl_rng *rng = gsl_rng_alloc (gsl_rng_mt19937);
  double sigma[N_T], u[N_T], x[N_T], y[N_T], w[N_T], ones[N_T];

  gsl_rng_set (rng, 7);
  for (guint i = 0; i < N_T; i++)
    {
      double s_ln = 0.03 + 0.01 * i;

      sigma[i] = sigma_true (SP_ARRHENIUS_SIGMA_T, 0.3, 1e4, temps[i]) *
                 exp (gsl_ran_gaussian (rng, s_ln));
      u[i] = s_ln * sigma[i];
      x[i] = 1 / temps[i];
      y[i] = log (sigma[i] * temps[i]);
      w[i] = 1 / (s_ln * s_ln);
      ones[i] = 1;
    }
  gsl_rng_free (rng);

  for (int weighted = 0; weighted <= 1; weighted++)
    {
      SpArrheniusFit fit;
      double slope, intercept, var_slope, var_intercept, rss = 0, scale;

      g_assert_true (sp_arrhenius_fit (temps, sigma, weighted ? u : NULL, N_T,
                                       SP_ARRHENIUS_SIGMA_T, &fit, NULL));
      reference_fit (x, y, weighted ? w : ones, N_T, &slope, &intercept, &var_slope, &var_intercept);
      for (guint i = 0; i < N_T; i++)
        {
          double r = y[i] - intercept - slope * x[i];
          rss += (weighted ? w[i] : 1) * r * r;
        }
      /* Known uncertainties stand as given; otherwise the scatter scales. */
      scale = weighted ? 1 : rss / (N_T - 2);
      g_assert_cmpfloat_with_epsilon (fit.ea_ev / (-slope * KB), 1, 1e-10);
      g_assert_cmpfloat_with_epsilon (fit.ea_stderr_ev / (sqrt (var_slope * scale) * KB), 1, 1e-10);
      g_assert_cmpfloat_with_epsilon (fit.ln_prefactor / intercept, 1, 1e-10);
      g_assert_cmpfloat_with_epsilon (fit.ln_prefactor_stderr / sqrt (var_intercept * scale), 1, 1e-10);
      g_assert_cmpfloat_with_epsilon (fit.prefactor / exp (intercept), 1, 1e-9);
      g_assert_cmpfloat_with_epsilon (fit.prefactor_stderr / (exp (intercept) * sqrt (var_intercept * scale)),
                                      1, 1e-9);
      g_assert_cmpfloat_with_epsilon (fit.chi2 / rss, 1, 1e-9);
      g_assert_cmpfloat (fit.r_squared, >, 0.99);
      g_assert_cmpfloat (fit.r_squared, <, 1);
    }
}

/* The two forms differ by ln T: the σ form of σT-law data gives a lower
 * E_a, by k_B times the slope of ln T against 1/T (about k_B T̄). */
static void
test_forms_differ (void)
{
  double sigma[N_T], x[N_T], lnt[N_T], ones[N_T];
  double slope, intercept, vs, vi;
  SpArrheniusFit sigma_t, sigma_only;

  for (guint i = 0; i < N_T; i++)
    {
      sigma[i] = sigma_true (SP_ARRHENIUS_SIGMA_T, 0.5, 1e6, temps[i]);
      x[i] = 1 / temps[i];
      lnt[i] = log (temps[i]);
      ones[i] = 1;
    }
  g_assert_true (sp_arrhenius_fit (temps, sigma, NULL, N_T, SP_ARRHENIUS_SIGMA_T, &sigma_t, NULL));
  g_assert_true (sp_arrhenius_fit (temps, sigma, NULL, N_T, SP_ARRHENIUS_SIGMA, &sigma_only, NULL));
  reference_fit (x, lnt, ones, N_T, &slope, &intercept, &vs, &vi);
  g_assert_cmpfloat (fabs (sigma_only.ea_ev - (0.5 + KB * slope)), <, 1e-12);
  g_assert_cmpfloat (sigma_only.ea_ev, <, 0.5 - 0.02);
  g_assert_cmpfloat (sigma_only.r_squared, <, 1);
}

/* 4000 seeds: the 95 % interval, t with n − 2 degrees of freedom, holds the
 * truth within the binomial band; the normal quantile (1.96 s.e.) with four
 * points does not.  With known uncertainties the normal quantile is right. */
static void
test_coverage (void)
{
  const double t4[] = { 280, 320, 370, 430 };
  const double ea = 0.35, a = 5e4, s_ln = 0.08;
  const guint trials = 4000;
  /* ±4 binomial standard deviations around 0.95. */
  const double band = 4 * sqrt (0.95 * 0.05 / trials);
  guint hit_t = 0, hit_z = 0, hit_w = 0;
  gsl_rng *rng = gsl_rng_alloc (gsl_rng_mt19937);

  for (guint seed = 1; seed <= trials; seed++)
    {
      double sigma[4], u[4];
      SpArrheniusFit fit, wfit;
      double half;

      gsl_rng_set (rng, seed);
      for (guint i = 0; i < 4; i++)
        sigma[i] = sigma_true (SP_ARRHENIUS_SIGMA_T, ea, a, t4[i]) *
                   exp (gsl_ran_gaussian (rng, s_ln));
      g_assert_true (sp_arrhenius_fit (t4, sigma, NULL, 4, SP_ARRHENIUS_SIGMA_T, &fit, NULL));
      half = sp_arrhenius_ea_halfwidth (&fit, 0.95);
      hit_t += fabs (fit.ea_ev - ea) <= half;
      hit_z += fabs (fit.ea_ev - ea) <= 1.959963984540054 * fit.ea_stderr_ev;

      /* Heteroscedastic, each point's uncertainty known. */
      for (guint i = 0; i < 4; i++)
        {
          double s_i = s_ln * (1 + i);

          sigma[i] = sigma_true (SP_ARRHENIUS_SIGMA_T, ea, a, t4[i]) *
                     exp (gsl_ran_gaussian (rng, s_i));
          u[i] = s_i * sigma[i];
        }
      g_assert_true (sp_arrhenius_fit (t4, sigma, u, 4, SP_ARRHENIUS_SIGMA_T, &wfit, NULL));
      hit_w += fabs (wfit.ea_ev - ea) <= sp_arrhenius_ea_halfwidth (&wfit, 0.95);
    }
  gsl_rng_free (rng);

  g_test_message ("coverage over %u seeds: t %.4f, normal %.4f, weighted %.4f (band ±%.4f)",
                  trials, (double) hit_t / trials, (double) hit_z / trials,
                  (double) hit_w / trials, band);
  g_assert_cmpfloat (fabs ((double) hit_t / trials - 0.95), <, band);
  g_assert_cmpfloat (fabs ((double) hit_w / trials - 0.95), <, band);
  /* Two degrees of freedom: 1.96 s.e. covers only about 81 %. */
  g_assert_cmpfloat ((double) hit_z / trials, <, 0.95 - band);
}

static void
test_halfwidth (void)
{
  const double t[] = { 300, 350, 400, 450 };
  const double sigma[] = { 1e-4, 6e-4, 2.1e-3, 8e-3 };
  SpArrheniusFit fit;

  g_assert_true (sp_arrhenius_fit (t, sigma, NULL, 4, SP_ARRHENIUS_SIGMA_T, &fit, NULL));
  /* t₀.₉₇₅ with 2 degrees of freedom = 4.302652729911275. */
  g_assert_cmpfloat_with_epsilon (sp_arrhenius_ea_halfwidth (&fit, 0.95) / fit.ea_stderr_ev,
                                  4.302652729911275, 1e-9);
  g_assert_true (isnan (sp_arrhenius_ea_halfwidth (&fit, 1.5)));

  /* Two points: an exact line, no scatter, no standard error. */
  g_assert_true (sp_arrhenius_fit (t, sigma, NULL, 2, SP_ARRHENIUS_SIGMA_T, &fit, NULL));
  g_assert_true (isfinite (fit.ea_ev));
  g_assert_true (isnan (fit.ea_stderr_ev));
  g_assert_true (isnan (fit.prefactor_stderr));
  g_assert_true (isnan (sp_arrhenius_ea_halfwidth (&fit, 0.95)));
}

static void
test_line (void)
{
  double sigma[N_T], x[11], s[11];
  SpArrheniusFit fit;

  for (guint i = 0; i < N_T; i++)
    sigma[i] = sigma_true (SP_ARRHENIUS_SIGMA, 0.25, 12, temps[i]);
  g_assert_true (sp_arrhenius_fit (temps, sigma, NULL, N_T, SP_ARRHENIUS_SIGMA, &fit, NULL));
  sp_arrhenius_line (&fit, 250, 500, 11, x, s);
  g_assert_cmpfloat_with_epsilon (x[0], 2.0, 1e-15);
  g_assert_cmpfloat_with_epsilon (x[10], 4.0, 1e-15);
  for (guint i = 0; i < 11; i++)
    {
      g_assert_cmpfloat_with_epsilon (x[i], 2.0 + 0.2 * i, 1e-14);
      g_assert_cmpfloat_with_epsilon (s[i] / (12 * exp (-0.25 * x[i] / (1000 * KB))), 1, 1e-10);
    }
}

typedef struct
{
  const char   *what;
  double        t[3];
  double        sigma[3];
  double        u[3];      /* all 0: no uncertainties */
  guint         n;
  const char   *message;
} BadFit;

static const BadFit bad_fits[] = {
  { "one point", { 300 }, { 1e-3 }, { 0 }, 1, "an Arrhenius fit needs at least 2 points, got 1" },
  { "no points", { 0 }, { 0 }, { 0 }, 0, "an Arrhenius fit needs at least 2 points, got 0" },
  { "T zero", { 300, 0 }, { 1e-3, 1e-4 }, { 0 }, 2, "point 2: the temperature must be above 0 K, not 0 K" },
  { "T negative", { -5, 300 }, { 1e-3, 1e-4 }, { 0 }, 2, "point 1: the temperature must be above 0 K, not -5 K" },
  { "T nan", { 300, NAN }, { 1e-3, 1e-4 }, { 0 }, 2, "point 2: the temperature must be above 0 K, not nan K" },
  { "sigma zero", { 300, 400 }, { 1e-3, 0 }, { 0 }, 2, "point 2: the conductivity must be positive, not 0 S/cm" },
  { "sigma negative", { 300, 400, 500 }, { -1e-3, 1e-3, 1e-2 }, { 0 }, 3,
    "point 1: the conductivity must be positive, not -0.001 S/cm" },
  { "sigma inf", { 300, 400 }, { INFINITY, 1e-3 }, { 0 }, 2,
    "point 1: the conductivity must be positive, not inf S/cm" },
  { "u zero", { 300, 400 }, { 1e-3, 1e-2 }, { 1e-5, 0 }, 2,
    "point 2: the conductivity's uncertainty must be positive, not 0 S/cm" },
  { "same T", { 300, 300, 300 }, { 1e-3, 2e-3, 3e-3 }, { 0 }, 3,
    "every point is at the same temperature (300 K): no slope to fit" },
};

static void
test_bad (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (bad_fits); i++)
    {
      const BadFit *b = &bad_fits[i];
      gboolean has_u = b->u[0] != 0 || b->u[1] != 0;
      g_autoptr(GError) error = NULL;
      SpArrheniusFit fit;

      g_test_message ("%s", b->what);
      g_assert_false (sp_arrhenius_fit (b->t, b->sigma, has_u ? b->u : NULL, b->n,
                                        SP_ARRHENIUS_SIGMA_T, &fit, &error));
      g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
      g_assert_cmpstr (error->message, ==, b->message);
    }
}

static void
test_conductivity (void)
{
  g_autoptr(GError) error = NULL;
  double sigma = 0;

  g_assert_true (sp_conductivity_from_resistance (1250, 0.1, 0.785, &sigma, &error));
  g_assert_no_error (error);
  g_assert_cmpfloat (sigma, ==, 0.1 / (1250 * 0.785));

  g_assert_false (sp_conductivity_from_resistance (0, 0.1, 0.785, &sigma, &error));
  g_assert_cmpstr (error->message, ==, "the resistance must be a positive number of ohms, not 0");
  g_clear_error (&error);
  g_assert_false (sp_conductivity_from_resistance (10, -0.1, 0.785, &sigma, &error));
  g_assert_cmpstr (error->message, ==,
                   "the thickness must be a positive number of centimetres, not -0.1");
  g_clear_error (&error);
  g_assert_false (sp_conductivity_from_resistance (10, 0.1, NAN, &sigma, &error));
  g_assert_cmpstr (error->message, ==,
                   "the area must be a positive number of square centimetres, not nan");
}

static void
test_forms (void)
{
  SpArrheniusForm form;

  g_assert_true (sp_arrhenius_form_from_string ("sigma", &form));
  g_assert_cmpint (form, ==, SP_ARRHENIUS_SIGMA);
  g_assert_true (sp_arrhenius_form_from_string ("sigma-t", &form));
  g_assert_cmpint (form, ==, SP_ARRHENIUS_SIGMA_T);
  g_assert_false (sp_arrhenius_form_from_string ("sigmaT", &form));
  g_assert_false (sp_arrhenius_form_from_string (NULL, &form));
  g_assert_cmpstr (sp_arrhenius_form_to_string (SP_ARRHENIUS_SIGMA), ==, "sigma");
  g_assert_cmpstr (sp_arrhenius_form_to_string (SP_ARRHENIUS_SIGMA_T), ==, "sigma-t");
}

/* ---- tables ----------------------------------------------------------------- */

static SpArrheniusData *
read_text (const char *name,
           const char *text,
           GError    **error)
{
  return sp_arrhenius_data_read (text, strlen (text), name, error);
}

static void
test_data (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SpArrheniusData) k = NULL;
  g_autoptr(SpArrheniusData) c = NULL;
  g_autoptr(SpArrheniusData) bare = NULL;
  g_autoptr(SpArrheniusData) ms = NULL;

  k = read_text ("llzo.csv", "# LLZO pellet, Au\nT (K),sigma (S/cm),sigma_err (S/cm)\n"
                              "300,1.5e-4,3e-6\n350,9.1e-4,2e-5\n400,3.3e-3,5e-5\n", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (k->n_points, ==, 3);
  g_assert_false (k->celsius);
  g_assert_cmpfloat (k->temperature_k[1], ==, 350);
  g_assert_cmpfloat (k->sigma_s_per_cm[2], ==, 3.3e-3);
  g_assert_nonnull (k->sigma_stderr);
  g_assert_cmpfloat (k->sigma_stderr[0], ==, 3e-6);

  c = read_text ("celsius.tsv", "T/°C\tσ/S cm-1\n25\t1e-4\n80\t1e-3\n", &error);
  g_assert_no_error (error);
  g_assert_true (c->celsius);
  g_assert_cmpfloat (c->temperature_k[0], ==, 25 + 273.15);
  g_assert_null (c->sigma_stderr);

  bare = read_text ("bare.txt", "300 1,5e-4\n350 9,1e-4\n", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (bare->n_points, ==, 2);
  g_assert_cmpfloat (bare->sigma_s_per_cm[0], ==, 1.5e-4);

  ms = read_text ("ms.csv", "temperature_C;conductivity_mS/cm;error (mS/cm)\n25;0,15;0,01\n", &error);
  g_assert_no_error (error);
  g_assert_true (ms->celsius);
  g_assert_cmpfloat_with_epsilon (ms->sigma_s_per_cm[0], 1.5e-4, 1e-18);
  g_assert_cmpfloat_with_epsilon (ms->sigma_stderr[0], 1e-5, 1e-18);
}

static void
test_data_bad (void)
{
  const struct { const char *text, *message; } cases[] = {
    { "T,sigma\n300,1e-4\n350,abc\n", "d.csv, line 3: expected a number in column “sigma”, found “abc”" },
    { "300,1e-4\n350\n", "d.csv, line 2: expected 2 columns, found 1" },
    { "300,1e-4\nx,1e-3\n", "d.csv, line 2: expected 2 numbers, found “x”" },
    { "300,1e-4,1e-6\n350,1e-3,?\n", "d.csv, line 2: expected 3 numbers, found “?”" },
    { "T,foo\n300,1\n", "d.csv, line 1: need a temperature column (T, in K or °C) and a conductivity "
                        "column (sigma, S/cm); the header has “T”, “foo”" },
    { "T (°C),sigma\n-300,1e-4\n", "d.csv, line 2: the temperature must be above 0 K, found -26.85 K" },
    { "T,sigma\n300,0\n", "d.csv, line 2: the conductivity must be positive, found 0 S/cm" },
    { "T,sigma,u\n300,1e-4,0\n", "d.csv, line 2: the uncertainty must be positive, found 0 S/cm" },
    { "T,sigma\n300,nan\n", "d.csv, line 2: “nan” is not a finite number" },
    { "# nothing\n", "d.csv: no table of temperatures and conductivities found" },
    { "", "d.csv: the file is empty" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(SpArrheniusData) d = NULL;

      g_test_message ("%s", cases[i].text);
      d = read_text ("d.csv", cases[i].text, &error);

      g_assert_null (d);
      g_assert_nonnull (error);
      g_assert_cmpstr (error->message, ==, cases[i].message);
    }
}

int
main (int    argc,
      char **argv)
{
  sp_gsl_init ();
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/arrhenius/exact", test_exact);
  g_test_add_func ("/arrhenius/reference", test_against_reference);
  g_test_add_func ("/arrhenius/forms-differ", test_forms_differ);
  g_test_add_func ("/arrhenius/coverage", test_coverage);
  g_test_add_func ("/arrhenius/halfwidth", test_halfwidth);
  g_test_add_func ("/arrhenius/line", test_line);
  g_test_add_func ("/arrhenius/bad", test_bad);
  g_test_add_func ("/arrhenius/conductivity", test_conductivity);
  g_test_add_func ("/arrhenius/forms", test_forms);
  g_test_add_func ("/arrhenius/data", test_data);
  g_test_add_func ("/arrhenius/data-bad", test_data_bad);
  return g_test_run ();
}
