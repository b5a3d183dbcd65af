/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-ch-box.c — the interface width and the box fitted to it
 * (sp-ch-box.c), against a closed form and the rules the window and the CLI
 * rely on */

#include "config.h"

#include <math.h>
#include <string.h>

#include "sp-ch.h"
#include "sp-ch-box.h"
#include "sp-gsl.h"

/* The symmetric regular solution (K = 0, s1 = 0): the tangent is flat
 * (μ* = 0), the binodal solves k_BT ln(c/(1−c)) + Ω(1−2c) = 0, and the
 * barrier is g(½) − g(c_α); so w = (1 − 2c_α) √(κ/(2Δg)). */
static void
closed_form (double  omega,
             double  temperature,
             double  kappa,
             double *c_alpha,
             double *width)
{
  double kt = SP_KB_MEV_PER_K * temperature, lo = 1e-300, hi = 0.5 - 1e-9;
  double g_half, g_alpha;

  /* Bisection on the logit: F(c) = kT ln(c/(1−c)) + Ω(1−2c) is < 0 at
   * small c and > 0 just below ½ when Ω > 2kT. */
  for (int i = 0; i < 2000 && hi - lo > 1e-300; i++)
    {
      double mid = lo < 1e-6 ? sqrt (lo * hi) : 0.5 * (lo + hi);
      double f = kt * (log (mid) - log1p (-mid)) + omega * (1.0 - 2.0 * mid);

      if (f < 0.0)
        lo = mid;
      else
        hi = mid;
    }
  *c_alpha = 0.5 * (lo + hi);
  g_half = -kt * log (2.0) + 0.25 * omega;
  g_alpha = kt * (*c_alpha * log (*c_alpha) + (1.0 - *c_alpha) * log1p (-*c_alpha))
            + omega * *c_alpha * (1.0 - *c_alpha);
  *width = (1.0 - 2.0 * *c_alpha) * sqrt (kappa / (2.0 * (g_half - g_alpha)));
}

static void
test_width_closed_form (void)
{
  static const struct { double omega, temperature, kappa; } cases[] = {
    { 103.4, 300.0, 100.0 }, { 155.0, 300.0, 50.0 }, { 250.0, 298.0, 227.0 },
    { 500.0, 298.0, 227.0 }, { 60.0, 300.0, 10.0 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      SpModel m;
      SpChInterface iface;
      double c_alpha, width;

      sp_model_init_default (&m);
      m.omega = cases[i].omega;
      m.temperature = cases[i].temperature;
      m.kappa = cases[i].kappa;
      m.stiffness = 0.0;
      m.s1 = 0.0;
      m.c0 = 0.5;
      sp_ch_interface_estimate (&m, &iface);
      closed_form (m.omega, m.temperature, m.kappa, &c_alpha, &width);
      g_test_message ("Ω = %g, T = %g, κ = %g: c_α = %.6g, w = %.10g (closed form %.10g)",
                      m.omega, m.temperature, m.kappa, iface.c_alpha, iface.width, width);
      g_assert_cmpfloat (fabs (iface.c_alpha - c_alpha), <=, 1e-9 * c_alpha);
      g_assert_cmpfloat (fabs (iface.width - width), <=, 1e-8 * width);
      g_assert_cmpfloat (iface.dx_max, ==, iface.width / SP_CH_BOX_POINTS_MIN);
    }
}

/* No gap at c0 (a solid solution, or c0 outside the gap): no interfaces,
 * any box resolves. */
static void
test_no_interfaces (void)
{
  SpModel m;
  SpChInterface iface;
  SpChBoxFit fit;

  sp_model_init_default (&m);
  m.omega = 30.0;
  sp_ch_interface_estimate (&m, &iface);
  g_assert_true (isinf (iface.width));
  g_assert_true (isinf (iface.dx_max));
  g_assert_cmpfloat (sp_ch_box_fit (&m, 64, 5000.0, 0.0, &fit), ==, 5000.0);
  g_assert_null (sp_ch_box_fit_note (&fit));
  g_assert_true (sp_ch_box_check (&m, 64, 1e6, NULL));

  sp_model_init_default (&m);
  m.c0 = 0.01;   /* outside the textbook gap */
  sp_ch_interface_estimate (&m, &iface);
  g_assert_true (isinf (iface.width));
}

static void
test_fit (void)
{
  SpModel m;
  SpChBoxFit fit, again;
  double resolved, length;
  g_autofree char *note = NULL;
  g_autofree char *expect = NULL;

  sp_model_init_default (&m);
  m.omega = 250.0;
  sp_ch_box_fit (&m, 64, 1.0, 0.0, &fit);
  resolved = 64 * fit.iface.dx_max;

  /* A box that resolves is used as asked. */
  g_assert_cmpfloat (fit.length, ==, 1.0);
  g_assert_null (sp_ch_box_fit_note (&fit));

  /* One that does not: SP_CH_BOX_POINTS_FIT points, two significant digits,
   * rounded down. */
  length = sp_ch_box_fit (&m, 64, 1000.0, 0.0, &fit);
  g_assert_cmpfloat (length, <=, 64 * fit.iface.width / SP_CH_BOX_POINTS_FIT);
  g_assert_cmpfloat (length, >, 0.9 * 64 * fit.iface.width / SP_CH_BOX_POINTS_FIT);
  {
    g_autofree char *text = g_strdup_printf ("%.2g", length);

    g_assert_cmpfloat (g_ascii_strtod (text, NULL), ==, length);
  }
  note = sp_ch_box_fit_note (&fit);
  expect = g_strdup_printf ("Box set to %.4g nm instead of 1000 nm", length);
  g_assert_true (g_str_has_prefix (note, expect));

  /* The box in use stays while it resolves and is not needlessly small … */
  m.omega = 260.0;
  g_assert_cmpfloat (sp_ch_box_fit (&m, 64, 1000.0, length, &again), ==, length);
  /* … a box in use that no longer resolves is replaced … */
  g_assert_cmpfloat (sp_ch_box_fit (&m, 64, 1000.0, 2.0 * resolved, &again), <, 2.0 * resolved);
  /* … as is one far smaller than needed … */
  g_assert_cmpfloat (sp_ch_box_fit (&m, 64, 1000.0, 0.1 * length, &again), >, 0.1 * length);
  /* … and a box asked for that resolves comfortably wins over it. */
  g_assert_cmpfloat (sp_ch_box_fit (&m, 64, 0.5 * length, length, &again), ==, 0.5 * length);
}

/* The criterion and its message agree at the boundary. */
static void
test_check (void)
{
  g_autoptr(GError) error = NULL;
  SpModel m;
  SpChInterface iface;

  sp_model_init_default (&m);
  sp_ch_interface_estimate (&m, &iface);
  g_assert_true (sp_ch_box_check (&m, 128, 128 * iface.dx_max, NULL));
  g_assert_false (sp_ch_box_check (&m, 128, 128 * iface.dx_max * 1.05, &error));
  g_assert_error (error, SP_CH_ERROR, SP_CH_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "4 points per interface"));
  g_assert_nonnull (strstr (error->message, "grid of at least 135 points"));
}

int
main (int    argc,
      char **argv)
{
  sp_gsl_init ();
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/ch-box/width-closed-form", test_width_closed_form);
  g_test_add_func ("/ch-box/no-interfaces", test_no_interfaces);
  g_test_add_func ("/ch-box/fit", test_fit);
  g_test_add_func ("/ch-box/check", test_check);

  return g_test_run ();
}
