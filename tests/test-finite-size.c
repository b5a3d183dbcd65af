/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-finite-size.c — extrapolation to 1/L → 0: an exact line recovered,
 * standard errors against closed forms, the Yeh–Hummer term, the table
 * reader and its messages */

#include "config.h"

#include <math.h>
#include <string.h>

#include "sp-finite-size.h"
#include "sp-gsl.h"

/* D(L) = D∞ − C/L exactly: recovered to rounding, with or without errors. */
static void
test_exact_line (void)
{
  const double length[] = { 10.0, 14.0, 20.0, 28.0, 40.0 };
  const double u[] = { 0.01, 0.02, 0.01, 0.03, 0.05 };
  double value[5];
  SpFiniteSizeFit fit;
  g_autoptr (GError) error = NULL;

  for (guint i = 0; i < 5; i++)
    value[i] = 2.5e-6 - 1.7e-5 / length[i];
  g_assert_true (sp_finite_size_fit (length, value, NULL, 5, &fit, &error));
  g_assert_no_error (error);
  g_assert_cmpfloat (fabs (fit.value_inf - 2.5e-6), <, 1e-10 * 2.5e-6);
  g_assert_cmpfloat (fabs (fit.slope + 1.7e-5), <, 1e-10 * 1.7e-5);
  g_assert_false (fit.weighted);
  g_assert_cmpuint (fit.dof, ==, 3);
  g_assert_cmpfloat (fit.value_inf_stderr, <, 1e-10 * 2.5e-6);
  g_assert_cmpfloat (fabs (sp_finite_size_value_at (&fit, 20.0) - value[2]), <, 1e-16);

  g_assert_true (sp_finite_size_fit (length, value, u, 5, &fit, &error));
  g_assert_true (fit.weighted);
  g_assert_cmpfloat (fabs (fit.value_inf - 2.5e-6), <, 1e-10 * 2.5e-6);
  g_assert_cmpfloat (fabs (fit.slope + 1.7e-5), <, 1e-10 * 1.7e-5);
}

/* The standard errors against the closed forms of the straight line:
 * weighted with known errors, Var(b₀) = Σw x² / Δ, Var(b₁) = Σw / Δ,
 * Δ = Σw Σw x² − (Σw x)²; unweighted, the same with w = 1 times
 * s² = Σr²/(n − 2). */
static void
test_standard_errors (void)
{
  const double length[] = { 8.0, 12.0, 16.0, 24.0, 32.0, 48.0 };
  const double value[] = { 0.412, 0.447, 0.455, 0.470, 0.476, 0.481 };
  const double u[] = { 0.010, 0.008, 0.012, 0.006, 0.009, 0.015 };
  double sw = 0, swx = 0, swxx = 0, s1 = 0, sx = 0, sxx = 0, delta, rss = 0;
  SpFiniteSizeFit fit;

  for (guint i = 0; i < 6; i++)
    {
      double x = 1.0 / length[i], w = 1.0 / (u[i] * u[i]);

      sw += w;
      swx += w * x;
      swxx += w * x * x;
      s1 += 1;
      sx += x;
      sxx += x * x;
    }
  g_assert_true (sp_finite_size_fit (length, value, u, 6, &fit, NULL));
  delta = sw * swxx - swx * swx;
  g_assert_cmpfloat (fabs (fit.value_inf_stderr - sqrt (swxx / delta)), <,
                     1e-10 * fit.value_inf_stderr);
  g_assert_cmpfloat (fabs (fit.slope_stderr - sqrt (sw / delta)), <, 1e-10 * fit.slope_stderr);
  g_assert_cmpfloat (fabs (fit.cov_value_slope + swx / delta), <, 1e-10 * fabs (swx / delta));

  g_assert_true (sp_finite_size_fit (length, value, NULL, 6, &fit, NULL));
  for (guint i = 0; i < 6; i++)
    {
      double r = value[i] - sp_finite_size_value_at (&fit, length[i]);

      rss += r * r;
    }
  delta = s1 * sxx - sx * sx;
  g_assert_cmpfloat (fabs (fit.value_inf_stderr - sqrt (rss / 4 * sxx / delta)), <,
                     1e-10 * fit.value_inf_stderr);
  g_assert_cmpfloat (fabs (fit.slope_stderr - sqrt (rss / 4 * s1 / delta)), <,
                     1e-10 * fit.slope_stderr);
  g_assert_cmpfloat (fabs (fit.chi2 - rss), <, 1e-12);

  /* Two points without errors: an exact line, no error to give. */
  g_assert_true (sp_finite_size_fit (length, value, NULL, 2, &fit, NULL));
  g_assert_true (isnan (fit.value_inf_stderr));
  g_assert_true (isnan (fit.slope_stderr));
}

static void
test_bad_points (void)
{
  const double length[] = { 10.0, 0.0, 10.0 };
  const double value[] = { 1.0, 2.0, NAN };
  const double same[] = { 10.0, 10.0 };
  const double u[] = { 0.1, -0.1 };
  SpFiniteSizeFit fit;
  g_autoptr (GError) error = NULL;

  g_assert_false (sp_finite_size_fit (length, value, NULL, 1, &fit, &error));
  g_assert_nonnull (strstr (error->message, "at least 2"));
  g_clear_error (&error);
  g_assert_false (sp_finite_size_fit (length, value, NULL, 2, &fit, &error));
  g_assert_cmpstr (error->message, ==, "point 2: the box length must be positive, not 0");
  g_clear_error (&error);
  g_assert_false (sp_finite_size_fit (same, value + 1, NULL, 2, &fit, &error));
  g_assert_cmpstr (error->message, ==, "point 2: the value is not a finite number");
  g_clear_error (&error);
  g_assert_false (sp_finite_size_fit (same, value, NULL, 2, &fit, &error));
  g_assert_nonnull (strstr (error->message, "same box length"));
  g_clear_error (&error);
  g_assert_false (sp_finite_size_fit (length, value, u, 2, &fit, &error));
  g_assert_nonnull (strstr (error->message, "point 2"));
}

/* ξ k_B T/(6πηL): water at 298 K (η = 0.89 mPa s) in a 30 Å box gives
 * 2.837297 · 1.380649e-23 · 298 / (6π · 8.9e-4 · 3e-9) m²/s. */
static void
test_yeh_hummer (void)
{
  double want = 2.837297 * 1.380649e-23 * 298.0 / (6.0 * G_PI * 8.9e-4 * 3e-9) * 1e4;

  g_assert_cmpfloat (fabs (sp_yeh_hummer_correction_cm2_s (298.0, 8.9e-4, 30.0) - want), <,
                     1e-12 * want);
  g_assert_true (isnan (sp_yeh_hummer_correction_cm2_s (298.0, 0.0, 30.0)));
  g_assert_true (isnan (sp_yeh_hummer_correction_cm2_s (-1.0, 1e-3, 30.0)));
}

static void
test_read_table (void)
{
  const char *with_header = "# D from MD\nL (A), D (cm2/s), error\n10, 1.0e-6, 1e-8\n"
                            "20, 1.5e-6, 2e-8\n\n40, 1.75e-6, 3e-8\n";
  const char *bare = "12 0.31\n24 0.27\n";
  const char *broken = "L,value\n10,0.3\n20,abc\n";
  const char *no_columns = "size_x;energy\n1;2\n";
  g_autoptr (SpFiniteSizeData) data = NULL;
  g_autoptr (SpFiniteSizeData) data2 = NULL;
  g_autoptr (GError) error = NULL;
  SpFiniteSizeFit fit;

  data = sp_finite_size_data_read (with_header, strlen (with_header), "/tmp/d.csv", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (data->n_points, ==, 3);
  g_assert_nonnull (data->value_stderr);
  g_assert_cmpfloat (data->length[2], ==, 40.0);
  g_assert_cmpfloat (data->value_stderr[1], ==, 2e-8);
  g_assert_true (sp_finite_size_fit (data->length, data->value, data->value_stderr,
                                     data->n_points, &fit, &error));
  /* D = 2e-6 − 1e-5/L exactly. */
  g_assert_cmpfloat (fabs (fit.value_inf - 2e-6), <, 1e-10 * 2e-6);

  data2 = sp_finite_size_data_read (bare, strlen (bare), "bare.txt", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (data2->n_points, ==, 2);
  g_assert_null (data2->value_stderr);

  g_assert_null (sp_finite_size_data_read (broken, strlen (broken), "b.csv", &error));
  g_assert_cmpstr (error->message, ==, "b.csv, line 3: “abc” is not a finite number");
  g_clear_error (&error);
  g_assert_null (sp_finite_size_data_read (no_columns, strlen (no_columns), "n.csv", &error));
  g_assert_nonnull (strstr (error->message, "n.csv, line 1: need a box length column"));
  g_clear_error (&error);
  g_assert_null (sp_finite_size_data_read_file ("/nonexistent/x.csv", &error));
  g_assert_nonnull (strstr (error->message, "x.csv: cannot read it"));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  sp_gsl_init ();
  g_test_add_func ("/finite-size/exact-line", test_exact_line);
  g_test_add_func ("/finite-size/standard-errors", test_standard_errors);
  g_test_add_func ("/finite-size/bad-points", test_bad_points);
  g_test_add_func ("/finite-size/yeh-hummer", test_yeh_hummer);
  g_test_add_func ("/finite-size/read-table", test_read_table);
  return g_test_run ();
}
