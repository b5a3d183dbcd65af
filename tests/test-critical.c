/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-critical.c — the critical temperature */

#include "config.h"

#include "sp-critical.h"
#include "sp-equilibrium.h"
#include "sp-gsl.h"
#include "test-helpers.h"

/* T_c = (Ω − K)/(k_B (2 + s1)): checked by the defining property g''(½) = 0
 * at T_c, and against the numerical search used for asymmetric models. */
static void
test_symmetric (void)
{
  const double s1s[] = { 0.0, 0.8, -1.2, 3.0 };
  const double ks[] = { 0.0, 25.0, 43.4 };

  for (guint i = 0; i < G_N_ELEMENTS (s1s); i++)
    for (guint j = 0; j < G_N_ELEMENTS (ks); j++)
      {
        SpModel m;
        double t_c, c_c, t_num, c_num;

        sp_model_init_default (&m);
        m.omega = 115.8;
        m.s1 = s1s[i];
        m.stiffness = ks[j];
        g_assert_true (sp_critical_point (&m, &t_c, &c_c));
        sp_assert_close (t_c, (m.omega - m.stiffness) / (0.08617333262 * (2 + m.s1)), 1e-14, 1.0);
        g_assert_cmpfloat (c_c, ==, 0.5);

        m.temperature = t_c;
        g_assert_cmpfloat (fabs (sp_model_g2 (&m, 0.5)), <, 1e-10 * SP_KT (t_c));

        g_assert_true (sp_critical_point_search (&m, &t_num, &c_num));
        sp_assert_close (t_num, t_c, 1e-10, 1.0);
        g_assert_cmpfloat (fabs (c_num - 0.5), <, 1e-5);
      }
}

static void
test_none (void)
{
  SpModel m;
  double t_c, c_c;

  sp_model_init_default (&m);
  m.omega = 40.0;
  m.stiffness = 40.0;           /* Ω − K ≤ 0: never a gap */
  g_assert_false (sp_critical_point (&m, &t_c, &c_c));
  m.omega = -100.0;
  m.stiffness = 0.0;
  g_assert_false (sp_critical_point (&m, &t_c, &c_c));
  m.rk[0] = 1.0;                 /* the numerical path agrees */
  g_assert_false (sp_critical_point (&m, &t_c, &c_c));
  m.omega = 100.0;
  m.rk[0] = 0.0;
  m.s1 = -2.5;                   /* Ω_eff grows with T: a gap at every T */
  g_assert_false (sp_critical_point (&m, &t_c, &c_c));
}

/* Asymmetric and two-gap models: just below T_c a spinodal exists, just
 * above none does, and min g'' vanishes at T_c. */
static void
test_asymmetric (void)
{
  const double rks[][SP_RK_MAX] = {
    { 25.0, 0.0, 0.0, 0.0 },
    { -30.0, 10.0, 5.0, 0.0 },
    { 0.0, 200.0, 0.0, -300.0 },
    { 20.0, 200.0, 0.0, -300.0 },
  };

  for (guint r = 0; r < G_N_ELEMENTS (rks); r++)
    {
      SpModel m;
      SpInterval s[SP_MAX_INTERVALS];
      double t_c, c_c, c_min;

      sp_model_init_default (&m);
      m.omega = r < 2 ? 100.0 : 20.0;
      m.stiffness = r == 1 ? 20.0 : 0.0;
      for (int j = 0; j < SP_RK_MAX; j++)
        m.rk[j] = rks[r][j];

      g_assert_true (sp_critical_point (&m, &t_c, &c_c));
      m.temperature = t_c;
      g_assert_cmpfloat (fabs (sp_g2_minimum (&m, &c_min)), <, 1e-9 * SP_KT (t_c));
      sp_assert_close (c_min, c_c, 1e-6, 1.0);
      m.temperature = t_c * (1 - 1e-6);
      g_assert_cmpuint (sp_spinodals_find (&m, s), >, 0);
      m.temperature = t_c * (1 + 1e-6);
      g_assert_cmpuint (sp_spinodals_find (&m, s), ==, 0);
    }
}

static void
test_g2_minimum (void)
{
  SpModel m;
  double c_min;

  sp_model_init_default (&m);
  m.omega = 100.0;
  /* symmetric: the minimum of k_BT/(c(1−c)) − 2Ω is at ½ */
  sp_assert_close (sp_g2_minimum (&m, &c_min), 4 * SP_KT (300.0) - 200.0, 1e-12, 1.0);
  sp_assert_close (c_min, 0.5, 1e-6, 1.0);
}

/* s1 < −2: Ω_eff = Ω − s1 k_BT grows with T, so with Ω − K < 0 the gap
 * opens above the lower critical temperature (Ω − K)/(k_B (2 + s1)):
 * Ω = −30 meV, s1 = −3 gives 30/k_B = 348.13 K (issue 11). */
static void
test_lower_symmetric (void)
{
  const double omegas[] = { -30.0, -80.0, -5.0 };
  const double s1s[] = { -3.0, -2.5, -4.5 };

  for (guint i = 0; i < G_N_ELEMENTS (omegas); i++)
    for (guint j = 0; j < G_N_ELEMENTS (s1s); j++)
      {
        SpModel m;
        SpCriticalPoint p[SP_MAX_CRITICAL];
        SpInterval s[SP_MAX_INTERVALS];
        double t, t_c, c_c;

        sp_model_init_default (&m);
        m.omega = omegas[i];
        m.s1 = s1s[j];
        m.stiffness = i == 1 ? 10.0 : 0.0;
        t = (m.omega - m.stiffness) / (0.08617333262 * (2 + m.s1));
        g_assert_cmpuint (sp_critical_points (&m, p), ==, 1);
        sp_assert_close (p[0].temperature, t, 1e-10, 1.0);
        g_assert_cmpfloat (p[0].c, ==, 0.5);
        g_assert_cmpint (p[0].kind, ==, SP_CRITICAL_LOWER);
        g_assert_cmpstr (sp_critical_kind_to_string (p[0].kind), ==, "lower");
        /* No upper critical point: the gap never closes above. */
        g_assert_false (sp_critical_point (&m, &t_c, &c_c));
        /* g''(½) = 0 there; a spinodal just above, none just below. */
        m.temperature = t;
        g_assert_cmpfloat (fabs (sp_model_g2 (&m, 0.5)), <, 1e-10 * SP_KT (t));
        m.temperature = t * (1 + 1e-6);
        g_assert_cmpuint (sp_spinodals_find (&m, s), ==, 1);
        m.temperature = t * (1 - 1e-6);
        g_assert_cmpuint (sp_spinodals_find (&m, s), ==, 0);
      }
  {
    SpModel m;
    SpCriticalPoint p[SP_MAX_CRITICAL];

    sp_model_init_default (&m);
    m.omega = -30.0;
    m.s1 = -3.0;
    g_assert_cmpuint (sp_critical_points (&m, p), ==, 1);
    g_assert_cmpfloat (fabs (p[0].temperature - 348.1355), <, 5e-5);
  }
}

/* The general (polynomial) path: with L_j terms, every critical point is
 * where g'' has a local minimum of 0 in c: a spinodal opens next to it on
 * one side in T only, upper or lower as reported. */
static void
test_general_points (void)
{
  const struct { double omega, s1, k, rk[SP_RK_MAX]; guint n; SpCriticalKind top; } cases[] = {
    { 100.0, 0.0, 0.0, { 25.0, 0.0, 0.0, 0.0 }, 1, SP_CRITICAL_UPPER },
    { 20.0, 0.0, 0.0, { 20.0, 200.0, 0.0, -300.0 }, 2, SP_CRITICAL_UPPER },  /* two domes */
    { 20.0, 0.0, 0.0, { 0.0, 200.0, 0.0, -300.0 }, 2, SP_CRITICAL_UPPER },   /* two at one T */
    { -30.0, -3.0, 0.0, { 5.0, 0.0, 0.0, 0.0 }, 1, SP_CRITICAL_LOWER },      /* asymmetric lower */
    { -60.0, -3.5, 10.0, { -8.0, 4.0, 2.0, 0.0 }, 1, SP_CRITICAL_LOWER },
  };

  for (guint k = 0; k < G_N_ELEMENTS (cases); k++)
    {
      SpModel m;
      SpCriticalPoint p[SP_MAX_CRITICAL];
      guint n;

      sp_model_init_default (&m);
      m.omega = cases[k].omega;
      m.s1 = cases[k].s1;
      m.stiffness = cases[k].k;
      for (int j = 0; j < SP_RK_MAX; j++)
        m.rk[j] = cases[k].rk[j];
      n = sp_critical_points (&m, p);
      g_assert_cmpuint (n, ==, cases[k].n);
      g_assert_cmpint (p[n - 1].kind, ==, cases[k].top);
      for (guint i = 0; i < n; i++)
        {
          SpModel at = m;
          SpEquilibrium eq;
          double h = 1e-4, g2, g2l, g2r, sign = p[i].kind == SP_CRITICAL_UPPER ? -1.0 : 1.0;
          gboolean near = FALSE;

          if (i > 0)
            g_assert_cmpfloat (p[i].temperature, >=, p[i - 1].temperature);
          at.temperature = p[i].temperature;
          g2 = sp_model_g2 (&at, p[i].c);
          g2l = sp_model_g2 (&at, p[i].c - h);
          g2r = sp_model_g2 (&at, p[i].c + h);
          /* g'' = 0 and a local minimum there. */
          g_assert_cmpfloat (fabs (g2), <, 1e-9 * sp_model_energy_scale (&at));
          g_assert_cmpfloat (g2l, >, g2);
          g_assert_cmpfloat (g2r, >, g2);
          /* A spinodal around c on the side the kind names, none on the other. */
          at.temperature = p[i].temperature * (1 + sign * 1e-5);
          sp_equilibrium_compute (&at, &eq);
          for (guint s = 0; s < eq.n_spinodals; s++)
            near |= eq.spinodals[s].lo < p[i].c && p[i].c < eq.spinodals[s].hi;
          g_assert_true (near);
          at.temperature = p[i].temperature * (1 - sign * 1e-5);
          g_assert_cmpfloat (sp_model_g2 (&at, p[i].c), >, 0.0);
        }
      /* The highest upper point agrees with the independent T-scan. */
      if (cases[k].top == SP_CRITICAL_UPPER)
        {
          double t_num, c_num;

          g_assert_true (sp_critical_point_search (&m, &t_num, &c_num));
          sp_assert_close (t_num, p[n - 1].temperature, 1e-10, 1.0);
        }
    }
}

int
main (int argc, char **argv)
{
  sp_gsl_init ();
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/critical/symmetric", test_symmetric);
  g_test_add_func ("/critical/none", test_none);
  g_test_add_func ("/critical/asymmetric", test_asymmetric);
  g_test_add_func ("/critical/g2-minimum", test_g2_minimum);
  g_test_add_func ("/critical/lower-symmetric", test_lower_symmetric);
  g_test_add_func ("/critical/general-points", test_general_points);
  return g_test_run ();
}
