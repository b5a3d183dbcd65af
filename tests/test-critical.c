/* test-critical.c — the critical temperature */

#include "config.h"

#include "sp-critical.h"
#include "sp-equilibrium.h"
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

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/critical/symmetric", test_symmetric);
  g_test_add_func ("/critical/none", test_none);
  g_test_add_func ("/critical/asymmetric", test_asymmetric);
  g_test_add_func ("/critical/g2-minimum", test_g2_minimum);
  return g_test_run ();
}
