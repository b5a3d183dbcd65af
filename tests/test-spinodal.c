/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-spinodal.c — every interval where g'' < 0 */

#include "config.h"

#include "sp-equilibrium.h"
#include "sp-gsl.h"
#include "test-helpers.h"

/* Symmetric: c(1−c) = k_B T / (2(Ω_eff − K)), solved without cancellation. */
static void
test_symmetric_closed_form (void)
{
  const double s1s[] = { 0.0, 1.5, -0.8 };
  const double ks[] = { 0.0, 10.0, 43.4 };

  for (guint i = 0; i < G_N_ELEMENTS (s1s); i++)
    for (guint j = 0; j < G_N_ELEMENTS (ks); j++)
      {
        SpModel m;
        SpInterval s[SP_MAX_INTERVALS];
        double kt, p, lo;

        sp_model_init_default (&m);
        m.omega = 160.0;
        m.s1 = s1s[i];
        m.stiffness = ks[j];
        kt = SP_KT (m.temperature);
        p = kt / (2 * (m.omega - m.s1 * kt - m.stiffness));
        lo = 2 * p / (1 + sqrt (1 - 4 * p));

        g_assert_cmpuint (sp_spinodals_find (&m, s), ==, 1);
        sp_assert_close (s[0].lo, lo, 1e-12, 0.0);
        sp_assert_close (1.0 - s[0].hi, lo, 1e-10, 0.0);
        sp_assert_close (sp_logistic_complement (s[0].u_hi), lo, 1e-12, 0.0);
      }
}

/* PHYSICS.md's worked check: Ω/k_BT = 4 → (0.146, 0.854); exactly
 * c = (1 − 1/√2)/2. */
static void
test_worked_check (void)
{
  SpModel m;
  SpInterval s[SP_MAX_INTERVALS];

  sp_model_init_default (&m);
  m.omega = 4 * SP_KT (m.temperature);
  g_assert_cmpuint (sp_spinodals_find (&m, s), ==, 1);
  sp_assert_close (s[0].lo, (1 - 1 / G_SQRT2) / 2, 1e-12, 0.0);
  sp_assert_close (s[0].hi, (1 + 1 / G_SQRT2) / 2, 1e-12, 0.0);
  g_assert_cmpfloat (fabs (s[0].lo - 0.146), <, 5e-4);
  g_assert_cmpfloat (fabs (s[0].hi - 0.854), <, 5e-4);
}

static void
test_none_when_convex (void)
{
  SpModel m;
  SpInterval s[SP_MAX_INTERVALS];

  sp_model_init_default (&m);
  /* Ω_eff − K = 2 k_BT exactly: g''(½) = 0 touches but never dips. */
  m.omega = 2 * SP_KT (m.temperature) * (1 - 1e-9);
  g_assert_cmpuint (sp_spinodals_find (&m, s), ==, 0);
  m.omega = -300.0;
  g_assert_cmpuint (sp_spinodals_find (&m, s), ==, 0);
  m.omega = 150.0;
  m.stiffness = 150.0 - 1.9 * SP_KT (m.temperature);
  g_assert_cmpuint (sp_spinodals_find (&m, s), ==, 0);
}

/* Redlich–Kister: compare with sign changes of g'' on a fine grid. */
static void
test_rk_against_sampling (void)
{
  const double rks[][SP_RK_MAX] = {
    { 0.0, 200.0, 0.0, -300.0 },
    { 60.0, 0.0, 0.0, 0.0 },
    { -30.0, 80.0, 40.0, -120.0 },
  };

  for (guint r = 0; r < G_N_ELEMENTS (rks); r++)
    {
      SpModel m;
      SpInterval s[SP_MAX_INTERVALS];
      double edges[2 * SP_MAX_INTERVALS];
      guint n, n_edges = 0;
      const int N = 200000;
      double prev;

      sp_model_init_default (&m);
      m.omega = r == 1 ? 120.0 : 20.0;
      for (int j = 0; j < SP_RK_MAX; j++)
        m.rk[j] = rks[r][j];

      n = sp_spinodals_find (&m, s);
      prev = sp_model_g2 (&m, 0.5 / N);
      for (int i = 1; i < N; i++)
        {
          double c = (i + 0.5) / N, v = sp_model_g2 (&m, c);

          if ((v < 0) != (prev < 0))
            edges[n_edges++] = c;
          prev = v;
        }
      g_assert_cmpuint (n_edges, ==, 2 * n);
      for (guint i = 0; i < n; i++)
        {
          g_assert_cmpfloat (fabs (s[i].lo - edges[2 * i]), <=, 1.0 / N);
          g_assert_cmpfloat (fabs (s[i].hi - edges[2 * i + 1]), <=, 1.0 / N);
          /* the ends are roots of g'' to round-off */
          g_assert_cmpfloat (fabs (sp_model_g2 (&m, s[i].lo)), <, 1e-7);
          g_assert_cmpfloat (fabs (sp_model_g2 (&m, s[i].hi)), <, 1e-7);
        }
      if (r == 0)
        g_assert_cmpuint (n, ==, 2);
    }
}

/* The sweep over temperature against the closed form of the regular
 * solution, c(1−c) = k_BT / (2(Ω_eff − K)), at every temperature of a
 * sweep from above T_c down, to 1e−10 (relative, both edges). */
static void
test_sweep_closed_form (void)
{
  const double s1s[] = { 0.0, 1.5, -0.8 };

  for (guint i = 0; i < G_N_ELEMENTS (s1s); i++)
    {
      SpModel m;
      SpSpinodalSweep sweep;
      double t_c;
      guint n_found = 0;

      sp_model_init_default (&m);
      m.omega = 160.0;
      m.s1 = s1s[i];
      m.stiffness = 20.0;
      t_c = (m.omega - m.stiffness) / (0.08617333262 * (2 + m.s1));
      sp_spinodal_sweep_init (&sweep, &m);
      for (int r = 300; r >= 1; r--)
        {
          double t = 1.2 * t_c * r / 300.0, kt = SP_KT (t);
          SpInterval s[SP_MAX_INTERVALS];
          guint n = sp_spinodal_sweep_find (&sweep, t, s);

          if (t >= t_c * (1 + 1e-12))
            {
              g_assert_cmpuint (n, ==, 0);
              continue;
            }
          if (t > t_c * (1 - 1e-12))
            continue;
          g_assert_cmpuint (n, ==, 1);
          n_found++;
          {
            double p = kt / (2 * (m.omega - m.s1 * kt - m.stiffness));
            double lo = 2 * p / (1 + sqrt (1 - 4 * p));

            sp_assert_close (s[0].lo, lo, 1e-10, 0.0);
            sp_assert_close (s[0].one_minus_hi, lo, 1e-10, 0.0);
            sp_assert_close (s[0].lo * s[0].one_minus_lo, p, 1e-10, 0.0);
          }
        }
      g_assert_cmpuint (n_found, >, 200);
    }
}

/* The sweep finds what sp_spinodals_find() finds, temperature by
 * temperature, for asymmetric Redlich–Kister models with one, two and
 * three domes, a lower critical point (s1 < −2) and strain. */
static void
test_sweep_against_direct (void)
{
  const double models[][8] = {
    /* Ω, s1, K, L1…L4, T_top */
    { 20.0, 0.0, 0.0, 0.0, 200.0, 0.0, -300.0, 1600.0 },
    { 20.0, 0.0, 0.0, 1.0, 200.0, 0.0, -300.0, 1600.0 },
    { 20.0, 0.0, 0.0, -30.0, 80.0, 40.0, -120.0, 1000.0 },
    { 120.0, 0.0, 10.0, 60.0, 0.0, 0.0, 0.0, 900.0 },
    { -30.0, -3.0, 0.0, 0.0, 0.0, 0.0, 0.0, 900.0 },
    { -30.0, -3.0, 0.0, 25.0, 0.0, -10.0, 0.0, 900.0 },
    { 60.0, 0.0, 0.0, 0.0, 250.0, 0.0, -500.0, 3000.0 },
  };

  for (guint k = 0; k < G_N_ELEMENTS (models); k++)
    {
      SpModel m;
      SpSpinodalSweep sweep;

      sp_model_init_default (&m);
      m.omega = models[k][0];
      m.s1 = models[k][1];
      m.stiffness = models[k][2];
      for (int j = 0; j < SP_RK_MAX; j++)
        m.rk[j] = models[k][3 + j];
      sp_spinodal_sweep_init (&sweep, &m);
      for (int r = 400; r >= 1; r--)
        {
          SpInterval a[SP_MAX_INTERVALS], b[SP_MAX_INTERVALS];
          SpModel at = m;
          guint n;

          at.temperature = models[k][7] * r / 400.0;
          n = sp_spinodal_sweep_find (&sweep, at.temperature, a);
          g_assert_cmpuint (n, ==, sp_spinodals_find (&at, b));
          for (guint i = 0; i < n; i++)
            {
              sp_assert_close (a[i].u_lo, b[i].u_lo, 1e-12, 1e-13);
              sp_assert_close (a[i].u_hi, b[i].u_hi, 1e-12, 1e-13);
            }
        }
    }
}

int
main (int argc, char **argv)
{
  sp_gsl_init ();
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/spinodal/symmetric-closed-form", test_symmetric_closed_form);
  g_test_add_func ("/spinodal/worked-check", test_worked_check);
  g_test_add_func ("/spinodal/none-when-convex", test_none_when_convex);
  g_test_add_func ("/spinodal/rk-against-sampling", test_rk_against_sampling);
  g_test_add_func ("/spinodal/sweep-closed-form", test_sweep_closed_form);
  g_test_add_func ("/spinodal/sweep-against-direct", test_sweep_against_direct);
  return g_test_run ();
}
