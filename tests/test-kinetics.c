/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-kinetics.c — D_chem, σ(k), k*, λ*, σ_max */

#include "config.h"

#include <gsl/gsl_errno.h>
#include <gsl/gsl_min.h>

#include "sp-equilibrium.h"
#include "sp-gsl.h"
#include "sp-kinetics.h"
#include "test-helpers.h"

static double
minus_sigma (double k, void *data)
{
  return -sp_kinetics_growth_rate (data, k);
}

/* The closed forms, and the maximum of σ(k) found by a minimiser. */
static void
test_dispersion (void)
{
  const SpMobility mobilities[] = { SP_MOBILITY_SITE_BLOCKING, SP_MOBILITY_CONSTANT };

  for (guint i = 0; i < G_N_ELEMENTS (mobilities); i++)
    {
      SpModel m;
      SpDispersion d;
      double kt, g2, mob, k_star;
      gsl_function f = { minus_sigma, &m };
      gsl_min_fminimizer *s = gsl_min_fminimizer_alloc (gsl_min_fminimizer_brent);

      sp_model_init_default (&m);
      m.omega = 4 * SP_KT (300.0);
      m.c0 = 0.3;
      m.d0 = 0.53;
      m.mobility = mobilities[i];
      kt = SP_KT (300.0);
      g2 = kt / (0.3 * 0.7) - 2 * m.omega;
      mob = i == 0 ? 0.53 / kt * 0.21 : 0.53 / (4 * kt);
      k_star = sqrt (-g2 / (2 * m.kappa));

      sp_kinetics_dispersion (&m, &d);
      g_assert_true (d.unstable);
      sp_assert_close (d.k_star, k_star, 1e-12, 0.0);
      sp_assert_close (d.k_max, sqrt (-g2 / m.kappa), 1e-12, 0.0);
      sp_assert_close (d.lambda_star, 2 * G_PI * sqrt (2 * m.kappa / -g2), 1e-12, 0.0);
      sp_assert_close (d.sigma_max, mob * g2 * g2 / (4 * m.kappa), 1e-12, 0.0);
      sp_assert_close (sp_kinetics_growth_rate (&m, d.k_star), d.sigma_max, 1e-12, 0.0);
      g_assert_cmpfloat (fabs (sp_kinetics_growth_rate (&m, d.k_max)), <, 1e-12 * d.sigma_max);
      g_assert_cmpfloat (sp_kinetics_growth_rate (&m, 1.01 * d.k_max), <, 0.0);

      gsl_min_fminimizer_set (s, &f, 0.9 * k_star, 0.01 * k_star, 1.9 * k_star);
      for (int it = 0; it < 100; it++)
        {
          gsl_min_fminimizer_iterate (s);
          if (gsl_min_test_interval (gsl_min_fminimizer_x_lower (s),
                                     gsl_min_fminimizer_x_upper (s), 0, 1e-10) == GSL_SUCCESS)
            break;
        }
      sp_assert_close (gsl_min_fminimizer_x_minimum (s), d.k_star, 1e-7, 0.0);
      gsl_min_fminimizer_free (s);
    }
}

static void
test_stable (void)
{
  SpModel m;
  SpDispersion d;

  sp_model_init_default (&m);
  m.c0 = 0.03;   /* outside the spinodal of Ω = 4 k_BT */
  sp_kinetics_dispersion (&m, &d);
  g_assert_false (d.unstable);
  for (double k = 0.01; k < 2.0; k += 0.1)
    g_assert_cmpfloat (sp_kinetics_growth_rate (&m, k), <, 0.0);
}

/* D_chem: exactly D0 for the ideal solution with site blocking (the
 * entropic flux is linear), negative inside the spinodal, zero on it. */
static void
test_dchem (void)
{
  SpModel m;
  SpInterval s[SP_MAX_INTERVALS];

  sp_model_init_default (&m);
  m.omega = 0.0;
  m.d0 = 3.7;
  for (double c = 0.01; c < 1.0; c += 0.07)
    sp_assert_close (sp_kinetics_dchem (&m, c), 3.7, 1e-12, 0.0);

  m.omega = 4 * SP_KT (300.0);
  g_assert_cmpuint (sp_spinodals_find (&m, s), ==, 1);
  g_assert_cmpfloat (sp_kinetics_dchem (&m, 0.5), <, 0.0);
  g_assert_cmpfloat (sp_kinetics_dchem (&m, 0.1), >, 0.0);
  g_assert_cmpfloat (fabs (sp_kinetics_dchem (&m, s[0].lo)), <, 1e-9);
  m.mobility = SP_MOBILITY_CONSTANT;
  sp_assert_close (sp_kinetics_dchem (&m, 0.5),
                   3.7 / (4 * SP_KT (300.0)) * (4 * SP_KT (300.0) - 2 * m.omega), 1e-12, 0.0);
}

int
main (int argc, char **argv)
{
  sp_gsl_init ();
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/kinetics/dispersion", test_dispersion);
  g_test_add_func ("/kinetics/stable", test_stable);
  g_test_add_func ("/kinetics/dchem", test_dchem);
  return g_test_run ();
}
