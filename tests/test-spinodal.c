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

int
main (int argc, char **argv)
{
  sp_gsl_init ();
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/spinodal/symmetric-closed-form", test_symmetric_closed_form);
  g_test_add_func ("/spinodal/worked-check", test_worked_check);
  g_test_add_func ("/spinodal/none-when-convex", test_none_when_convex);
  g_test_add_func ("/spinodal/rk-against-sampling", test_rk_against_sampling);
  return g_test_run ();
}
