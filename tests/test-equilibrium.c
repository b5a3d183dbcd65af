/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-equilibrium.c — common tangents, classification and lever rule */

#include "config.h"

#include "sp-equilibrium.h"
#include "sp-gsl.h"
#include "test-helpers.h"

static void
symmetric_model (SpModel *m,
                 double   omega_over_kt)
{
  sp_model_init_default (m);
  m->omega = omega_over_kt * SP_KT (m->temperature);
}

/* The symmetric binodal solves u = −a (1 − 2c) with u = ln(c/(1−c)),
 * a = (Ω_eff − K)/k_BT; for a ≫ 2, fixed-point iteration on u converges
 * to full precision (an independent solution). */
static double
symmetric_binodal_logit (double a)
{
  double u = -a;

  for (int i = 0; i < 200; i++)
    u = -a * (sp_logistic_complement (u) - sp_logistic (u));
  return u;
}

static void
test_symmetric_residual (void)
{
  const double as[] = { 2.5, 3.0, 4.0, 6.0, 10.0 };

  for (guint i = 0; i < G_N_ELEMENTS (as); i++)
    {
      SpModel m;
      SpEquilibrium eq;
      double kt, oe, ca, cb, res;

      symmetric_model (&m, as[i]);
      m.stiffness = 5.0;
      m.omega += 5.0;  /* same Ω_eff − K */
      kt = SP_KT (m.temperature);
      oe = m.omega - m.stiffness;
      sp_equilibrium_compute (&m, &eq);
      g_assert_cmpuint (eq.n_gaps, ==, 1);
      ca = eq.gaps[0].c_alpha;
      cb = eq.gaps[0].c_beta;
      /* the binodal equation's residual, in units of k_BT */
      res = (kt * log (ca / (1 - ca)) + oe * (1 - 2 * ca)) / kt;
      g_assert_cmpfloat (fabs (res), <, 1e-10);
      sp_assert_close (sp_logistic_complement (eq.gaps[0].u_beta), ca, 1e-10, 0.0);
      sp_assert_close (ca + cb, 1.0, 1e-12, 1.0);
      /* K c² shifts μ* by exactly K: the tangent slope at the symmetric gap */
      sp_assert_close (eq.gaps[0].mu, m.stiffness, 1e-10, kt);
      sp_assert_close (eq.gaps[0].voltage, m.v0 - m.stiffness / 1000, 1e-12, 1.0);
      if (as[i] >= 3.0)
        sp_assert_close (eq.gaps[0].u_alpha, symmetric_binodal_logit (as[i]), 1e-12, 1.0);
    }
}

/* Full relative precision down to 1e−12 from either end: choose a so that
 * the binodal is exactly c = 1e−12. */
static void
test_extreme_precision (void)
{
  const double targets[] = { 1e-6, 1e-9, 1e-12 };

  for (guint i = 0; i < G_N_ELEMENTS (targets); i++)
    {
      double c = targets[i];
      double a = (log1p (-c) - log (c)) / (1 - 2 * c);
      SpModel m;
      SpEquilibrium eq;

      symmetric_model (&m, a);
      sp_equilibrium_compute (&m, &eq);
      g_assert_cmpuint (eq.n_gaps, ==, 1);
      sp_assert_close (eq.gaps[0].c_alpha, c, 1e-10, 0.0);
      sp_assert_close (sp_logistic_complement (eq.gaps[0].u_beta), c, 1e-10, 0.0);
      /* The stored complements (the JSON's one_minus_*) keep that precision:
       * by symmetry 1 − c_β = c_α, and 1 − spinodal hi = spinodal lo. */
      sp_assert_close (eq.gaps[0].one_minus_c_beta, c, 1e-10, 0.0);
      sp_assert_close (eq.gaps[0].one_minus_c_alpha, 1.0 - c, 1e-15, 0.0);
      sp_assert_close (eq.spinodals[0].one_minus_hi, eq.spinodals[0].lo, 1e-10, 0.0);
      sp_assert_close (eq.spinodals[0].one_minus_lo, eq.spinodals[0].hi, 1e-10, 0.0);
    }
}

/* Ω/k_BT = 40: the binodal ≈ 4e−18 comes back finite and correct. */
static void
test_omega_40 (void)
{
  SpModel m;
  SpEquilibrium eq;
  double expected;

  symmetric_model (&m, 40.0);
  sp_equilibrium_compute (&m, &eq);
  g_assert_cmpuint (eq.n_gaps, ==, 1);
  expected = sp_logistic (symmetric_binodal_logit (40.0));
  g_assert_cmpfloat (expected, >, 1e-18);
  g_assert_cmpfloat (expected, <, 1e-17);
  sp_assert_close (eq.gaps[0].c_alpha, expected, 1e-10, 0.0);
  sp_assert_close (sp_logistic_complement (eq.gaps[0].u_beta), expected, 1e-10, 0.0);
}

static void
test_worked_check (void)
{
  SpModel m;
  SpEquilibrium eq;

  symmetric_model (&m, 4.0);
  sp_equilibrium_compute (&m, &eq);
  g_assert_cmpint (sp_equilibrium_classify (&eq, 0.2), ==, SP_REGION_UNSTABLE);
  g_assert_cmpint (sp_equilibrium_classify (&eq, 0.05), ==, SP_REGION_METASTABLE);
  g_assert_cmpint (sp_equilibrium_classify (&eq, 0.01), ==, SP_REGION_STABLE);
  g_assert_cmpint (sp_equilibrium_classify (&eq, 0.97), ==, SP_REGION_METASTABLE);
  g_assert_cmpstr (sp_region_to_string (SP_REGION_METASTABLE), ==, "metastable");
  sp_assert_close (eq.gaps[0].c_alpha, sp_logistic (symmetric_binodal_logit (4.0)), 1e-12, 0.0);
}

static void
test_no_gap (void)
{
  SpModel m;
  SpEquilibrium eq;

  /* Ω_eff − K ≤ 2 k_BT: none, with or without strain and entropy */
  symmetric_model (&m, 2.0);
  sp_equilibrium_compute (&m, &eq);
  g_assert_cmpuint (eq.n_gaps, ==, 0);
  g_assert_cmpuint (eq.n_spinodals, ==, 0);

  symmetric_model (&m, 4.0);
  m.stiffness = 2.0 * SP_KT (m.temperature) + 1e-9;
  sp_equilibrium_compute (&m, &eq);
  g_assert_cmpuint (eq.n_gaps, ==, 0);

  symmetric_model (&m, 4.0);
  m.s1 = 2.0;
  sp_equilibrium_compute (&m, &eq);
  g_assert_cmpuint (eq.n_gaps, ==, 0);
  g_assert_cmpint (sp_equilibrium_classify (&eq, 0.5), ==, SP_REGION_STABLE);
  sp_assert_close (sp_equilibrium_mu (&m, &eq, 0.3), sp_model_mu (&m, 0.3), 1e-15, 1.0);
}

/* T = 0.999 T_c: a narrow symmetric gap, of the Landau width
 * c_β − c_α ≈ √(3 (1 − T/T_c)) to leading order. */
static void
test_near_critical (void)
{
  const double eps[] = { 1e-3, 1e-5, 1e-7 };

  for (guint i = 0; i < G_N_ELEMENTS (eps); i++)
    {
      SpModel m;
      SpEquilibrium eq;
      double width;

      symmetric_model (&m, 2.0 / (1.0 - eps[i]));
      sp_equilibrium_compute (&m, &eq);
      g_assert_cmpuint (eq.n_gaps, ==, 1);
      width = eq.gaps[0].c_beta - eq.gaps[0].c_alpha;
      g_test_message ("eps %g: c_alpha + c_beta - 1 = %.3g", eps[i],
                      eq.gaps[0].c_alpha + eq.gaps[0].c_beta - 1.0);
      sp_assert_close (width, sqrt (3 * eps[i]), 2 * eps[i] + 1e-6, 0.0);
      /* The precision floor near T_c: the tangent problem is ill-conditioned
       * as T → T_c (the Jacobian of the common shift of α and β scales as
       * (c_β − c_α) g''(c_α) ∝ ε^{3/2}), so round-off of order 1e−16 k_BT
       * in ω moves the pair by about 1e−16/ε^{3/2}: 1e−10 needs ε ≥ 1e−4. */
      sp_assert_close (eq.gaps[0].c_alpha + eq.gaps[0].c_beta, 1.0,
                       MAX (1e-10, 1e-15 / pow (eps[i], 1.5)), 1.0);
      g_assert_cmpfloat (eq.gaps[0].c_alpha, <, eq.spinodals[0].lo);
      g_assert_cmpfloat (eq.gaps[0].c_beta, >, eq.spinodals[0].hi);
    }
}

/* ---- general models: tangent residuals and a brute-force hull ---------- */

static void
assert_tangent_residuals (const SpModel *m,
                          const SpGap   *gap)
{
  double kt = sp_model_kt (m);
  double ga = sp_model_g (m, gap->c_alpha), gb = sp_model_g (m, gap->c_beta);

  sp_assert_close (sp_model_mu_u (m, gap->u_alpha), gap->mu, 1e-10, kt);
  sp_assert_close (sp_model_mu_u (m, gap->u_beta), gap->mu, 1e-10, kt);
  sp_assert_close (gb - ga, gap->mu * (gap->c_beta - gap->c_alpha), 1e-10, kt);
}

/* An independent lower hull on a uniform grid of 2·10⁵ points; gaps are the
 * hull edges that skip more than a few points. */
static guint
brute_force_gaps (const SpModel *m,
                  double         alpha[],
                  double         beta[])
{
  const int N = 200000;
  g_autofree double *g = g_new (double, N + 1);
  g_autofree int *hull = g_new (int, N + 1);
  int n_hull = 0;
  guint n = 0;

  for (int i = 1; i < N; i++)
    {
      double c = (double) i / N;
      g[i] = sp_model_g (m, c);
      while (n_hull >= 2)
        {
          int a = hull[n_hull - 2], b = hull[n_hull - 1];
          if ((double) (b - a) * (g[i] - g[a]) - (g[b] - g[a]) * (double) (i - a) > 0)
            break;
          n_hull--;
        }
      hull[n_hull++] = i;
    }
  for (int h = 0; h + 1 < n_hull; h++)
    if (hull[h + 1] - hull[h] > 20)
      {
        alpha[n] = (double) hull[h] / N;
        beta[n] = (double) hull[h + 1] / N;
        n++;
      }
  return n;
}

static void
test_general_models (void)
{
  const struct { double omega, stiffness, s1, rk[SP_RK_MAX]; guint gaps; } cases[] = {
    { 100.0, 0.0, 0.0, { 25.0, 0.0, 0.0, 0.0 }, 1 },       /* asymmetric */
    { 110.0, 20.0, 0.5, { -30.0, 10.0, 5.0, 0.0 }, 1 },
    { 20.0, 0.0, 0.0, { 0.0, 200.0, 0.0, -300.0 }, 2 },    /* two gaps */
    { 20.0, 0.0, 0.0, { 20.0, 200.0, 0.0, -300.0 }, 2 },   /* two, unequal */
    { 160.0, 0.0, 0.0, { 60.0, -20.0, 30.0, 10.0 }, 1 },
  };

  for (guint k = 0; k < G_N_ELEMENTS (cases); k++)
    {
      SpModel m;
      SpEquilibrium eq;
      double alpha[8], beta[8];
      guint n_brute;

      sp_model_init_default (&m);
      m.omega = cases[k].omega;
      m.stiffness = cases[k].stiffness;
      m.s1 = cases[k].s1;
      for (int j = 0; j < SP_RK_MAX; j++)
        m.rk[j] = cases[k].rk[j];

      sp_equilibrium_compute (&m, &eq);
      n_brute = brute_force_gaps (&m, alpha, beta);
      g_assert_cmpuint (eq.n_gaps, ==, cases[k].gaps);
      g_assert_cmpuint (n_brute, ==, eq.n_gaps);
      for (guint i = 0; i < eq.n_gaps; i++)
        {
          assert_tangent_residuals (&m, &eq.gaps[i]);
          g_assert_cmpfloat (fabs (eq.gaps[i].c_alpha - alpha[i]), <=, 2e-5);
          g_assert_cmpfloat (fabs (eq.gaps[i].c_beta - beta[i]), <=, 2e-5);
        }
    }
}

static void
test_lever_and_mu (void)
{
  SpModel m;
  SpEquilibrium eq;
  const SpGap *gap;

  symmetric_model (&m, 4.0);
  m.omega += 30.0;
  m.stiffness = 30.0;
  sp_equilibrium_compute (&m, &eq);
  gap = sp_equilibrium_find_gap (&eq, 0.3);
  g_assert_nonnull (gap);
  sp_assert_close (sp_gap_lever (gap, gap->c_alpha), 0.0, 1e-15, 1.0);
  sp_assert_close (sp_gap_lever (gap, gap->c_beta), 1.0, 1e-15, 1.0);
  sp_assert_close (sp_gap_lever (gap, 0.5), 0.5, 1e-12, 1.0);
  sp_assert_close (sp_gap_lever (gap, 0.3),
                   (0.3 - gap->c_alpha) / (gap->c_beta - gap->c_alpha), 1e-15, 1.0);
  sp_assert_close (sp_equilibrium_mu (&m, &eq, 0.3), gap->mu, 1e-15, 1.0);
  /* Both fractions in closed form for the symmetric gap (c_β = 1 − c_α). */
  {
    const double cs[] = { 0.3, 0.5, 0.8 };

    for (guint i = 0; i < G_N_ELEMENTS (cs); i++)
      {
        double f_alpha, f_beta, ca = gap->c_alpha;

        sp_gap_lever_fractions (gap, cs[i], &f_alpha, &f_beta);
        sp_assert_close (f_beta, (cs[i] - ca) / (1.0 - 2.0 * ca), 1e-10, 1.0);
        sp_assert_close (f_alpha, (1.0 - ca - cs[i]) / (1.0 - 2.0 * ca), 1e-10, 1.0);
        sp_assert_close (f_alpha + f_beta, 1.0, 1e-15, 1.0);
      }
  }
  g_assert_null (sp_equilibrium_find_gap (&eq, gap->c_alpha / 2));
  sp_assert_close (sp_equilibrium_mu (&m, &eq, gap->c_alpha / 2),
                   sp_model_mu (&m, gap->c_alpha / 2), 1e-15, 1.0);
}

/* Continuation from a nearby temperature agrees with the full computation,
 * and gives up (falls back) rather than return a stale topology. */
static void
test_continue (void)
{
  SpModel m, warmer;
  SpEquilibrium full, guess, cont;

  sp_model_init_default (&m);
  m.omega = 20.0;
  m.rk[1] = 200.0;
  m.rk[3] = -300.0;
  warmer = m;
  warmer.temperature = 310.0;
  sp_equilibrium_compute (&warmer, &guess);
  sp_equilibrium_compute (&m, &full);
  sp_equilibrium_continue (&m, &guess, &cont);
  g_assert_cmpuint (cont.n_gaps, ==, full.n_gaps);
  for (guint i = 0; i < full.n_gaps; i++)
    {
      sp_assert_close (cont.gaps[i].c_alpha, full.gaps[i].c_alpha, 1e-10, 1e-12);
      sp_assert_close (cont.gaps[i].c_beta, full.gaps[i].c_beta, 1e-10, 1e-12);
    }

  /* a guess with no gaps at all (from above T_c) still finds them */
  warmer.temperature = 3000.0;
  sp_equilibrium_compute (&warmer, &guess);
  g_assert_cmpuint (guess.n_gaps, ==, 0);
  sp_equilibrium_continue (&m, &guess, &cont);
  g_assert_cmpuint (cont.n_gaps, ==, 2);
}

/* ---- low-temperature property test -------------------------------------- */

/* g from its definition in long double, with c and 1 − c given separately
 * (exact near both ends): independent of sp-model.c. */
static long double
reference_g (const SpModel *m,
             long double    c,
             long double    d)
{
  long double kt = 0.08617333262L * m->temperature;
  long double x = d - c, s = 0.0L, p = 1.0L;
  long double l0 = m->omega - m->s1 * kt;

  s = l0;
  for (int j = 0; j < SP_RK_MAX; j++)
    {
      p *= x;
      s += m->rk[j] * p;
    }
  return kt * (c * logl (c) + d * logl (d)) + c * d * s + m->stiffness * c * c;
}

/* The lower hull of g on a very fine grid: 10⁶ uniform points plus 4000
 * logarithmic ones towards each end down to 1e−13, each with its exact
 * complement.  Edges wider than @min_width that skip grid points are gaps. */
#define FINE_MID 1000000
#define FINE_END 4000
#define FINE_N   (FINE_MID + 2 * FINE_END)

static guint
fine_hull_gaps (const SpModel *m,
                double         min_width,
                double         alpha[],
                double         beta[],
                double        *spacing)
{
  static long double *c, *d;
  g_autofree long double *g = g_new (long double, FINE_N);
  g_autofree int *hull = g_new (int, FINE_N);
  int n_hull = 0;
  guint n_gaps = 0;

  if (c == NULL)
    {
      int k = 0;

      c = g_new (long double, FINE_N);
      d = g_new (long double, FINE_N);
      for (int i = 0; i < FINE_END; i++, k++)
        {
          c[k] = powl (10.0L, -13.0L + 10.0L * i / FINE_END);
          d[k] = 1.0L - c[k];
        }
      for (int i = 0; i < FINE_MID; i++, k++)
        {
          c[k] = 1e-3L + (1.0L - 2e-3L) * i / (FINE_MID - 1);
          d[k] = 1.0L - c[k];
        }
      for (int i = FINE_END; i-- > 0; k++)
        {
          d[k] = powl (10.0L, -13.0L + 10.0L * i / FINE_END);
          c[k] = 1.0L - d[k];
        }
    }
  for (int i = 0; i < FINE_N; i++)
    g[i] = reference_g (m, c[i], d[i]);
  for (int i = 0; i < FINE_N; i++)
    {
      while (n_hull >= 2)
        {
          int a = hull[n_hull - 2], b = hull[n_hull - 1];
          if ((c[b] - c[a]) * (g[i] - g[a]) - (g[b] - g[a]) * (c[i] - c[a]) > 0.0L)
            break;
          n_hull--;
        }
      hull[n_hull++] = i;
    }
  for (int h = 0; h + 1 < n_hull && n_gaps < SP_MAX_INTERVALS; h++)
    if (hull[h + 1] - hull[h] > 1 && c[hull[h + 1]] - c[hull[h]] > min_width)
      {
        alpha[n_gaps] = c[hull[h]];
        beta[n_gaps] = c[hull[h + 1]];
        n_gaps++;
      }
  *spacing = (1.0 - 2e-3) / (FINE_MID - 1);
  return n_gaps;
}

/* Random strongly non-convex Redlich–Kister models at 1–20 K (k_BT a
 * thousandth of the excess terms): every gap wider than 1e−3 that the fine
 * hull finds is found by sp_equilibrium_compute with the same ends, and no
 * gap is found that the hull lacks. */
static void
test_low_temperature_property (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (20261206);
  guint n_models = g_getenv ("SP_TEST_QUICK") != NULL ? 24 : 96;

  for (guint k = 0; k < n_models; k++)
    {
      SpModel m;
      SpEquilibrium eq;
      double alpha[SP_MAX_INTERVALS], beta[SP_MAX_INTERVALS], spacing;
      guint n_ref, n_matched = 0;

      sp_model_init_default (&m);
      /* Half the models near the one of issue 11 (whose gap was lost at 1 K
       * when round-off in the tangent residuals exceeded a fixed
       * tolerance), half anywhere. */
      gboolean near = k % 2 == 0;
      const double issue_rk[SP_RK_MAX] = { -908.6434, -899.7488, 912.7536, 4.3208 };

      m.omega = near ? g_rand_double_range (rand, 600.0, 700.0)
                     : g_rand_double_range (rand, 100.0, 1000.0);
      m.temperature = k % 3 == 0 ? 1.0 : g_rand_double_range (rand, 1.0, 20.0);
      m.s1 = g_rand_double_range (rand, -4.0, 4.0);
      m.stiffness = g_rand_double_range (rand, 0.0, 100.0);
      for (int j = 0; j < SP_RK_MAX; j++)
        m.rk[j] = near ? issue_rk[j] * g_rand_double_range (rand, 0.9, 1.1)
                       : g_rand_double_range (rand, -1000.0, 1000.0);

      sp_equilibrium_compute (&m, &eq);
      n_ref = fine_hull_gaps (&m, 1e-3, alpha, beta, &spacing);
      for (guint i = 0; i < n_ref; i++)
        for (guint j = 0; j < eq.n_gaps; j++)
          if (fabs (eq.gaps[j].c_alpha - alpha[i]) <= 4 * spacing + 1e-9 &&
              fabs (eq.gaps[j].c_beta - beta[i]) <= 4 * spacing + 1e-9)
            n_matched++;
      if (n_matched != n_ref)
        g_error ("model %u (omega %.17g T %.17g s1 %.17g K %.17g L %.17g,%.17g,%.17g,%.17g): "
                 "the fine hull has %u gaps, %u found (of %u)",
                 k, m.omega, m.temperature, m.s1, m.stiffness,
                 m.rk[0], m.rk[1], m.rk[2], m.rk[3], n_ref, n_matched, eq.n_gaps);
      for (guint j = 0; j < eq.n_gaps; j++)
        {
          const SpGap *gap = &eq.gaps[j];
          double scale = sp_model_energy_scale (&m);

          /* Equal μ and equal grand potential, in logits (c_β may round to 1). */
          sp_assert_close (sp_model_mu_u (&m, gap->u_alpha), gap->mu, 1e-10, scale);
          sp_assert_close (sp_model_mu_u (&m, gap->u_beta), gap->mu, 1e-10, scale);
          sp_assert_close (sp_model_omega_u (&m, gap->u_beta), sp_model_omega_u (&m, gap->u_alpha),
                           1e-10, scale);
          if (eq.gaps[j].c_beta - eq.gaps[j].c_alpha > 2e-3)
            {
              gboolean in_ref = FALSE;

              for (guint i = 0; i < n_ref; i++)
                in_ref |= fabs (eq.gaps[j].c_alpha - alpha[i]) <= 4 * spacing + 1e-9;
              g_assert_true (in_ref);
            }
        }
    }
}

int
main (int argc, char **argv)
{
  sp_gsl_init ();
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/equilibrium/symmetric-residual", test_symmetric_residual);
  g_test_add_func ("/equilibrium/extreme-precision", test_extreme_precision);
  g_test_add_func ("/equilibrium/omega-40", test_omega_40);
  g_test_add_func ("/equilibrium/worked-check", test_worked_check);
  g_test_add_func ("/equilibrium/no-gap", test_no_gap);
  g_test_add_func ("/equilibrium/near-critical", test_near_critical);
  g_test_add_func ("/equilibrium/general-models", test_general_models);
  g_test_add_func ("/equilibrium/lever-and-mu", test_lever_and_mu);
  g_test_add_func ("/equilibrium/continue", test_continue);
  g_test_add_func ("/equilibrium/low-temperature-property", test_low_temperature_property);
  return g_test_run ();
}
