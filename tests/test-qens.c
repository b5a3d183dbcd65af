/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-qens.c — F_s(Q, t) against closed forms (a hand-made path; an
 * isotropic jump process, whose F_s is exp(−(t/τ)[1 − sin(Ql)/(Ql)])),
 * Γ(Q) from it, the Chudley–Elliott fit (exact and noisy data, the
 * coverage of its 95 % intervals), units, the table reader and the
 * errors. */

#include "config.h"

#include <gsl/gsl_randist.h>
#include <gsl/gsl_rng.h>
#include <math.h>
#include <string.h>

#include "sp-gsl.h"
#include "sp-qens.h"

static double
sinc (double x)
{
  return sin (x) / x;
}

/* One ion: (0,0,0) → (1,0,0) → (1,2,0): lag 1 averages |Δr| = 1 and 2
 * over the two origins, lag 2 has |Δr| = √5. */
static void
test_fs_closed_form (void)
{
  g_autoptr(SpTrajectory) t = sp_trajectory_new (1, 3);
  double q[2] = { 0.7, 1.9 };
  g_autoptr(GError) error = NULL;
  g_autoptr(SpQensFs) fs = NULL;

  sp_trajectory_position (t, 1, 0)[0] = 1;
  sp_trajectory_position (t, 2, 0)[0] = 1;
  sp_trajectory_position (t, 2, 0)[1] = 2;
  t->dt_ps = 0.25;
  fs = sp_qens_fs_compute (t, q, 2, 0, NULL, &error);
  g_assert_no_error (error);
  /* max_lag 0 → n_frames / 2 = 1; ask for 2 explicitly below. */
  g_assert_cmpuint (fs->n_lags, ==, 2);
  g_clear_pointer (&fs, sp_qens_fs_free);
  fs = sp_qens_fs_compute (t, q, 2, 5, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (fs->n_lags, ==, 3);
  g_assert_cmpfloat (fs->dt_ps, ==, 0.25);
  for (int iq = 0; iq < 2; iq++)
    {
      const double *f = fs->fs + iq * 3;

      g_assert_cmpfloat (f[0], ==, 1.0);
      g_assert_cmpfloat_with_epsilon (f[1], 0.5 * (sinc (q[iq]) + sinc (2 * q[iq])), 1e-14);
      g_assert_cmpfloat_with_epsilon (f[2], sinc (q[iq] * sqrt (5)), 1e-14);
    }
}

/* Continuous-time jumps of length @l in random directions at rate 1/τ. */
static SpTrajectory *
jump_trajectory (guint   n_ions,
                 guint   n_frames,
                 double  dt_ps,
                 double  l,
                 double  tau_ps,
                 gulong  seed)
{
  SpTrajectory *t = sp_trajectory_new (n_ions, n_frames);
  gsl_rng *rng = gsl_rng_alloc (gsl_rng_mt19937);

  gsl_rng_set (rng, seed);
  t->dt_ps = dt_ps;
  for (guint i = 0; i < n_ions; i++)
    {
      double *p0 = sp_trajectory_position (t, 0, i);

      p0[0] = gsl_rng_uniform (rng) * 20;
      p0[1] = gsl_rng_uniform (rng) * 20;
      p0[2] = gsl_rng_uniform (rng) * 20;
    }
  for (guint f = 1; f < n_frames; f++)
    for (guint i = 0; i < n_ions; i++)
      {
        double *p = sp_trajectory_position (t, f, i);
        const double *prev = sp_trajectory_position (t, f - 1, i);
        guint jumps = gsl_ran_poisson (rng, dt_ps / tau_ps);

        memcpy (p, prev, 3 * sizeof (double));
        for (guint j = 0; j < jumps; j++)
          {
            double d[3];

            gsl_ran_dir_3d (rng, &d[0], &d[1], &d[2]);
            for (int k = 0; k < 3; k++)
              p[k] += l * d[k];
          }
      }
  gsl_rng_free (rng);
  return t;
}

static void
test_jump_process (void)
{
  const double l = 2.5, tau = 1.5, dt = 0.1;
  double q[5] = { 0.3, 0.6, 1.0, 1.5, 2.0 };
  g_autoptr(SpTrajectory) t = jump_trajectory (400, 600, dt, l, tau, 7);
  g_autoptr(GError) error = NULL;
  g_autoptr(SpQensFs) fs = sp_qens_fs_compute (t, q, 5, 60, NULL, &error);
  g_autoptr(SpQensGamma) gamma = NULL;
  SpChudleyElliott ce;

  g_assert_no_error (error);
  for (int iq = 0; iq < 5; iq++)
    for (guint lag = 0; lag < fs->n_lags; lag++)
      {
        double expect = exp (-(lag * dt / tau) * (1 - sinc (q[iq] * l)));

        g_assert_cmpfloat_with_epsilon (fs->fs[iq * fs->n_lags + lag], expect, 0.02);
      }
  gamma = sp_qens_gamma_from_fs (fs, &error);
  g_assert_no_error (error);
  for (int iq = 0; iq < 5; iq++)
    {
      double expect = sp_chudley_elliott_gamma_mev (q[iq], l, tau);

      g_assert_cmpfloat (fabs (gamma->gamma_mev[iq] / expect - 1), <, 0.05);
      g_assert_cmpfloat (gamma->gamma_err_mev[iq], >, 0);
      g_assert_cmpfloat (fabs (gamma->amplitude[iq] - 1), <, 0.03);
      g_assert_cmpuint (gamma->fit_lags[iq], >=, 3);
      /* The window ends where F_s would cross the floor (or at the end). */
      g_assert_true (gamma->fit_lags[iq] == fs->n_lags - 1
                     || fs->fs[iq * fs->n_lags + gamma->fit_lags[iq] + 1] <= SP_QENS_FIT_FLOOR);
    }
  g_assert_true (sp_chudley_elliott_fit (gamma, &ce, &error));
  g_assert_no_error (error);
  g_assert_true (ce.weighted);
  g_assert_cmpfloat (fabs (ce.l_angstrom / l - 1), <, 0.06);
  g_assert_cmpfloat (fabs (ce.tau_ps / tau - 1), <, 0.06);
  g_assert_cmpfloat (fabs (ce.d_cm2_s / (l * l / (6 * tau) * 1e-4) - 1), <, 0.1);
}

/* Γ(Q) from 40 independent jump trajectories: the Chudley–Elliott
 * intervals built from the groups of ions hold l and τ about 95 % of the
 * time (8 groups: about 91 % expected for ±1.96 s.e.); the Jacobian's
 * (Γ at each Q taken as independent) hold them far less often. */
static void
test_trajectory_coverage (void)
{
  const double l = 2.5, tau = 1.5;
  const guint runs = 40;
  double q[4] = { 0.5, 1.0, 1.5, 2.0 };
  guint hit_l = 0, hit_tau = 0, hit_l_jacobian = 0;

  for (guint r = 0; r < runs; r++)
    {
      g_autoptr(SpTrajectory) t = jump_trajectory (64, 200, 0.1, l, tau, 100 + r);
      g_autoptr(GError) error = NULL;
      g_autoptr(SpQensGamma) g = sp_qens_gamma_from_trajectory (t, q, 4, 40, NULL, &error);
      g_autoptr(SpQensGamma) plain = NULL;
      SpChudleyElliott ce, ce_plain;

      g_assert_no_error (error);
      g_assert_cmpuint (g->n_groups, ==, SP_QENS_ION_GROUPS);
      g_assert_true (sp_chudley_elliott_fit (g, &ce, &error));
      g_assert_cmpuint (ce.n_groups, ==, SP_QENS_ION_GROUPS);
      hit_l += fabs (ce.l_angstrom - l) <= 1.96 * ce.l_stderr_angstrom;
      hit_tau += fabs (ce.tau_ps - tau) <= 1.96 * ce.tau_stderr_ps;
      /* The same fit with the Jacobian's errors, for comparison. */
      plain = sp_qens_gamma_copy (g);
      plain->n_groups = 0;
      g_clear_pointer (&plain->gamma_group, g_free);
      g_assert_true (sp_chudley_elliott_fit (plain, &ce_plain, &error));
      g_assert_cmpuint (ce_plain.n_groups, ==, 0);
      g_assert_cmpfloat (ce_plain.l_angstrom, ==, ce.l_angstrom);
      hit_l_jacobian += fabs (ce.l_angstrom - l) <= 1.96 * ce_plain.l_stderr_angstrom;
    }
  g_test_message ("coverage from ion groups: l %.3f, τ %.3f; from the Jacobian: l %.3f",
                  (double) hit_l / runs, (double) hit_tau / runs, (double) hit_l_jacobian / runs);
  g_assert_cmpfloat ((double) hit_l / runs, >=, 0.75);
  g_assert_cmpfloat ((double) hit_tau / runs, >=, 0.75);
  /* The Jacobian's errors treat Γ at different Q as independent: too small. */
  g_assert_cmpfloat ((double) hit_l_jacobian / runs, <, 0.8);
}

static void
test_units (void)
{
  const double l = 3.0, tau = 2.0;
  double d_cm2_s = l * l / (6 * tau) * 1e-4;

  /* ħ D Q² with D = 1e-5 cm²/s = 0.1 Å²/ps at Q = 1 Å⁻¹. */
  g_assert_cmpfloat_with_epsilon (sp_qens_small_q_gamma_mev (1.0, 1e-5),
                                  0.6582119569 * 0.1, 1e-15);
  /* The Chudley–Elliott form tends to ħDQ² at small Q and to ħ/τ at
   * large Q (where sin(Ql)/(Ql) → 0). */
  g_assert_cmpfloat (fabs (sp_chudley_elliott_gamma_mev (1e-3, l, tau)
                           / sp_qens_small_q_gamma_mev (1e-3, d_cm2_s) - 1), <, 1e-6);
  g_assert_cmpfloat_with_epsilon (sp_chudley_elliott_gamma_mev (M_PI / l, l, tau),
                                  SP_HBAR_MEV_PS / tau, 1e-15);
}

static SpQensGamma *
synthetic (const double *q,
           guint         n,
           double        l,
           double        tau,
           double        rel_noise,
           gsl_rng      *rng)
{
  SpQensGamma *g = sp_qens_gamma_new (n, rel_noise > 0);

  for (guint i = 0; i < n; i++)
    {
      double exact = sp_chudley_elliott_gamma_mev (q[i], l, tau);

      g->q[i] = q[i];
      g->gamma_mev[i] = exact;
      if (rel_noise > 0)
        {
          g->gamma_err_mev[i] = rel_noise * exact;
          g->gamma_mev[i] += gsl_ran_gaussian (rng, rel_noise * exact);
        }
    }
  return g;
}

static void
test_ce_exact (void)
{
  double q[10];
  g_autoptr(SpQensGamma) g = NULL;
  SpChudleyElliott ce;
  g_autoptr(GError) error = NULL;

  for (int i = 0; i < 10; i++)
    q[i] = 0.25 * (i + 1);
  g = synthetic (q, 10, 2.8, 3.0, 0, NULL);
  g_assert_true (sp_chudley_elliott_fit (g, &ce, &error));
  g_assert_false (ce.weighted);
  g_assert_cmpfloat_with_epsilon (ce.l_angstrom, 2.8, 1e-8);
  g_assert_cmpfloat_with_epsilon (ce.tau_ps, 3.0, 1e-8);
  g_assert_cmpfloat_with_epsilon (ce.d_cm2_s / 1e-4, 2.8 * 2.8 / 18.0, 1e-8);
  g_assert_cmpfloat (ce.chi2, <, 1e-20);
}

/* Noisy Γ(Q) with known errors: the fit recovers l and τ, and the ±1.96
 * s.e. intervals hold the truth about 95 % of the time (residual-scaled
 * covariance with 10 degrees of freedom: 92 % expected). */
static void
test_ce_noise_coverage (void)
{
  const double l = 2.8, tau = 3.0, d = l * l / (6 * tau) * 1e-4;
  const guint runs = 400;
  double q[12];
  guint hit_l = 0, hit_tau = 0, hit_d = 0;
  gsl_rng *rng = gsl_rng_alloc (gsl_rng_mt19937);

  gsl_rng_set (rng, 2024);
  for (int i = 0; i < 12; i++)
    q[i] = 0.2 * (i + 1);
  for (guint r = 0; r < runs; r++)
    {
      g_autoptr(SpQensGamma) g = synthetic (q, 12, l, tau, 0.03, rng);
      g_autoptr(GError) error = NULL;
      SpChudleyElliott ce;

      g_assert_true (sp_chudley_elliott_fit (g, &ce, &error));
      g_assert_no_error (error);
      g_assert_true (ce.weighted);
      g_assert_cmpfloat (fabs (ce.l_angstrom - l), <, 6 * ce.l_stderr_angstrom);
      g_assert_cmpfloat (fabs (ce.tau_ps - tau), <, 6 * ce.tau_stderr_ps);
      hit_l += fabs (ce.l_angstrom - l) <= 1.96 * ce.l_stderr_angstrom;
      hit_tau += fabs (ce.tau_ps - tau) <= 1.96 * ce.tau_stderr_ps;
      hit_d += fabs (ce.d_cm2_s - d) <= 1.96 * ce.d_stderr_cm2_s;
    }
  gsl_rng_free (rng);
  g_test_message ("coverage of the 95 %% intervals: l %.3f, τ %.3f, D %.3f",
                  (double) hit_l / runs, (double) hit_tau / runs, (double) hit_d / runs);
  g_assert_cmpfloat ((double) hit_l / runs, >=, 0.88);
  g_assert_cmpfloat ((double) hit_l / runs, <=, 0.98);
  g_assert_cmpfloat ((double) hit_tau / runs, >=, 0.88);
  g_assert_cmpfloat ((double) hit_tau / runs, <=, 0.98);
  g_assert_cmpfloat ((double) hit_d / runs, >=, 0.88);
  g_assert_cmpfloat ((double) hit_d / runs, <=, 0.98);
}

/* Γ(Q) from groups of ions that share a shape Chudley–Elliott cannot
 * follow (a bump at mid Q): the groups agree with each other, so their
 * spread alone would claim a precision the misfit does not allow; the
 * s.e. grows by √(χ²/ν), and then holds the Chudley–Elliott l the data
 * were built on. */
static void
test_groups_misfit (void)
{
  const double l = 2.5, tau = 3.0;
  const guint n = 10, groups = 8;
  g_autoptr(SpQensGamma) g = sp_qens_gamma_new (n, TRUE);
  g_autoptr(GError) error = NULL;
  SpChudleyElliott ce;
  gsl_rng *rng = gsl_rng_alloc (gsl_rng_mt19937);

  gsl_rng_set (rng, 5);
  g->n_groups = groups;
  g->gamma_group = g_new (double, groups * n);
  for (guint i = 0; i < n; i++)
    {
      double q = 0.2 * (i + 1), exact = sp_chudley_elliott_gamma_mev (q, l, tau);
      double bump = 0.08 * exact * exp (-(q - 1.2) * (q - 1.2) / 0.1);
      double sum = 0, sum2 = 0;

      g->q[i] = q;
      for (guint k = 0; k < groups; k++)
        {
          double v = exact + bump + gsl_ran_gaussian (rng, 0.004 * exact);

          g->gamma_group[k * n + i] = v;
          sum += v;
          sum2 += v * v;
        }
      g->gamma_mev[i] = sum / groups;
      g->gamma_err_mev[i] = sqrt ((sum2 - groups * g->gamma_mev[i] * g->gamma_mev[i])
                                  / (groups - 1) / groups);
    }
  gsl_rng_free (rng);
  g_assert_true (sp_chudley_elliott_fit (g, &ce, &error));
  g_assert_no_error (error);
  g_test_message ("misfit: l = %.4f ± %.4f Å (χ²/ν = %.3g), truth %.4f", ce.l_angstrom,
                  ce.l_stderr_angstrom, ce.reduced_chi2, l);
  g_assert_cmpuint (ce.n_groups, ==, groups);
  g_assert_cmpfloat (ce.reduced_chi2, >, 4.0);
  /* Many standard errors off by the groups' spread alone, within three
   * after the misfit's share. */
  g_assert_cmpfloat (fabs (ce.l_angstrom - l), >, 3.0 * ce.l_stderr_angstrom / sqrt (ce.reduced_chi2));
  g_assert_cmpfloat (fabs (ce.l_angstrom - l), <, 3.0 * ce.l_stderr_angstrom);
}

static void
test_table (void)
{
  const char *text =
    "# QENS, Li7La3Zr2O12 at 600 K\n"
    "Q (1/A), Gamma (ueV), dGamma (ueV)\n"
    "0.4, 20.1, 1.0\n"
    "% a comment in between\n"
    "0.8, 70.0, 2.0\n"
    "1.2, 130.0, 4\n"
    "1.6, 180.0, 5.0\n";
  g_autoptr(GError) error = NULL;
  g_autoptr(SpQensGamma) g = sp_qens_read_table_data (text, strlen (text), "/x/llzo.csv", &error);
  g_autoptr(SpQensGamma) copy = NULL;

  g_assert_no_error (error);
  g_assert_cmpuint (g->n_points, ==, 4);
  g_assert_cmpstr (g->name, ==, "llzo.csv");
  g_assert_cmpfloat_with_epsilon (g->q[2], 1.2, 1e-15);
  g_assert_cmpfloat_with_epsilon (g->gamma_mev[1], 0.070, 1e-15);
  g_assert_cmpfloat_with_epsilon (g->gamma_err_mev[2], 0.004, 1e-15);
  copy = sp_qens_gamma_copy (g);
  g_assert_cmpfloat (copy->gamma_err_mev[3], ==, g->gamma_err_mev[3]);
  g_assert_cmpstr (copy->name, ==, "llzo.csv");

  /* Whitespace, no errors, nm⁻¹ and meV. */
  {
    const char *plain = "q_nm^-1 gamma_meV\n4 0.02\n8 0.07\n12 0.13\n";
    g_autoptr(SpQensGamma) p = sp_qens_read_table_data (plain, strlen (plain), "p.dat", &error);

    g_assert_no_error (error);
    g_assert_null (p->gamma_err_mev);
    g_assert_cmpfloat_with_epsilon (p->q[0], 0.4, 1e-15);
    g_assert_cmpfloat_with_epsilon (p->gamma_mev[2], 0.13, 1e-15);
  }
}

static void
test_table_errors (void)
{
  static const struct { const char *text, *expect; } bad[] = {
    { "0.4 0.1\n0.8 abc\n1.2 0.3\n", "t.dat, line 2: expected Q, Γ and optionally its error" },
    { "0.4 0.1 0.01\n0.8 0.2\n1.2 0.3 0.01\n", "t.dat, line 2: expected 3 numbers like the first row, found 2" },
    { "0.4 0.1\n0.8 -0.2\n1.2 0.3\n", "t.dat, line 2: the linewidth Γ must be positive" },
    { "0 0.1\n0.8 0.2\n1.2 0.3\n", "t.dat, line 1: Q must be positive" },
    { "0.4 0.1 0\n0.8 0.2 1\n1.2 0.3 1\n", "t.dat, line 1: the error of Γ must be positive" },
    { "0.4 0.1 1 2\n", "t.dat, line 1: expected 2 or 3 numbers (Q, Γ, error), found 4" },
    { "# nothing\n0.4 0.1\n0.8 0.2\n", "t.dat: 2 Q/Γ points found, the Chudley–Elliott fit needs at least 3" },
    { "", "t.dat" },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(SpQensGamma) g = sp_qens_read_table_data (bad[i].text, strlen (bad[i].text),
                                                          "t.dat", &error);

      g_assert_null (g);
      g_assert_error (error, SP_QENS_ERROR, SP_QENS_ERROR_FORMAT);
      if (strstr (error->message, bad[i].expect) == NULL)
        g_error ("“%s” lacks “%s”", error->message, bad[i].expect);
    }
}

static void
test_fs_errors (void)
{
  g_autoptr(SpTrajectory) two = sp_trajectory_new (1, 2);
  g_autoptr(SpTrajectory) fast = jump_trajectory (50, 40, 1.0, 3.0, 0.2, 3);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  double q = 1.0, bad_q = -1.0;
  g_autoptr(SpQensGamma) g = NULL;
  SpChudleyElliott ce;

  g_assert_null (sp_qens_fs_compute (two, &q, 1, 0, NULL, &error));
  g_assert_error (error, SP_QENS_ERROR, SP_QENS_ERROR_INPUT);
  g_clear_error (&error);
  g_assert_null (sp_qens_fs_compute (fast, &bad_q, 1, 0, NULL, &error));
  g_assert_error (error, SP_QENS_ERROR, SP_QENS_ERROR_INPUT);
  g_clear_error (&error);
  /* Jumps every 0.2 ps sampled every 1 ps: F_s at Q = 1 is gone by lag 1. */
  g_assert_null (sp_qens_gamma_from_trajectory (fast, &q, 1, 0, NULL, &error));
  g_assert_error (error, SP_QENS_ERROR, SP_QENS_ERROR_INPUT);
  g_assert_nonnull (strstr (error->message, "Q = 1 Å⁻¹"));
  g_clear_error (&error);
  g_cancellable_cancel (cancellable);
  g_assert_null (sp_qens_fs_compute (fast, &q, 1, 0, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);
  /* Too few points for the fit. */
  g = sp_qens_gamma_new (2, FALSE);
  g->q[0] = 0.5;
  g->q[1] = 1;
  g->gamma_mev[0] = g->gamma_mev[1] = 0.1;
  g_assert_false (sp_chudley_elliott_fit (g, &ce, &error));
  g_assert_error (error, SP_QENS_ERROR, SP_QENS_ERROR_INPUT);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  sp_gsl_init ();
  g_test_add_func ("/qens/fs-closed-form", test_fs_closed_form);
  g_test_add_func ("/qens/jump-process", test_jump_process);
  g_test_add_func ("/qens/trajectory-coverage", test_trajectory_coverage);
  g_test_add_func ("/qens/units", test_units);
  g_test_add_func ("/qens/chudley-elliott-exact", test_ce_exact);
  g_test_add_func ("/qens/chudley-elliott-coverage", test_ce_noise_coverage);
  g_test_add_func ("/qens/groups-misfit", test_groups_misfit);
  g_test_add_func ("/qens/table", test_table);
  g_test_add_func ("/qens/table-errors", test_table_errors);
  g_test_add_func ("/qens/fs-errors", test_fs_errors);
  return g_test_run ();
}
