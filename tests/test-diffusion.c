/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-diffusion.c — D with honest errors: the GLS interval's coverage over
 * 200 random walks of known D (and the bare least-squares interval's
 * failure), D_σ and the Haven ratio of independent walkers, Green–Kubo
 * against Einstein on Langevin trajectories, Nernst–Einstein, block
 * averaging, the trust rule, Arrhenius of D */

#include "config.h"

#include <gsl/gsl_randist.h>
#include <gsl/gsl_rng.h>
#include <math.h>
#include <string.h>

#include "sp-diffusion.h"
#include "sp-diffusion-private.h"
#include "sp-gsl.h"

/* Gaussian random walks: per axis and frame the step variance is 2DΔt. */
static SpTrajectory *
make_walk (gsl_rng *rng,
           guint    n_ions,
           guint    n_frames,
           double   d_a2_ps,
           double   dt_ps)
{
  SpTrajectory *t = sp_trajectory_new (n_ions, n_frames);
  double step = sqrt (2.0 * d_a2_ps * dt_ps);

  t->dt_ps = dt_ps;
  for (guint f = 1; f < n_frames; f++)
    for (guint i = 0; i < n_ions; i++)
      {
        double *r = sp_trajectory_position (t, f, i);
        const double *p = sp_trajectory_position (t, f - 1, i);

        for (guint a = 0; a < 3; a++)
          r[a] = p[a] + gsl_ran_gaussian_ziggurat (rng, step);
      }
  return t;
}

/* A walk with a short-time regime that is linear too: a Brownian walk
 * (D) plus a bounded rattle, per axis an AR(1) of stationary variance s²
 * and correlation time τ.  Per axis MSD = 2Dt + 2s²(1 − e^{−t/τ}): at
 * t ≪ τ the slope is 2(D + s²/τ), so the log–log slope stays near 1 from
 * the first lag (as a lattice gas's back-hops make it), yet D is the
 * long-time slope. */
static SpTrajectory *
make_caged_walk (gsl_rng *rng,
                 guint    n_ions,
                 guint    n_frames,
                 double   d_a2_ps,
                 double   s2_a2,
                 double   tau_ps,
                 double   dt_ps)
{
  SpTrajectory *t = sp_trajectory_new (n_ions, n_frames);
  double step = sqrt (2.0 * d_a2_ps * dt_ps), phi = exp (-dt_ps / tau_ps);
  double kick = sqrt (s2_a2 * (1.0 - phi * phi));
  g_autofree double *x = g_new0 (double, 3 * n_ions);
  g_autofree double *y = g_new (double, 3 * n_ions);

  t->dt_ps = dt_ps;
  for (guint j = 0; j < 3 * n_ions; j++)
    y[j] = gsl_ran_gaussian_ziggurat (rng, sqrt (s2_a2));
  for (guint f = 0; f < n_frames; f++)
    for (guint i = 0; i < n_ions; i++)
      for (guint a = 0; a < 3; a++)
        {
          guint j = 3 * i + a;

          if (f > 0)
            {
              x[j] += gsl_ran_gaussian_ziggurat (rng, step);
              y[j] = phi * y[j] + gsl_ran_gaussian_ziggurat (rng, kick);
            }
          sp_trajectory_position (t, f, i)[a] = x[j] + y[j];
        }
  return t;
}

/* The suggested window leaves the rattle's regime out: the slope rule
 * alone starts at the first lag and its D is many standard errors high;
 * the suggested window's D holds the truth, over several walks. */
static void
test_suggest_window_caged (void)
{
  gsl_rng *rng = gsl_rng_alloc (gsl_rng_mt19937);
  const double d_true = 0.1, s2 = 0.15, tau = 5.0, dt = 1.0;  /* Å²/ps, Å², ps, ps */
  const double d_cm2 = d_true * SP_ANGSTROM2_PER_PS_IN_CM2_PER_S;
  guint held = 0;

  gsl_rng_set (rng, 77);
  for (guint r = 0; r < 5; r++)
    {
      g_autoptr (SpTrajectory) t = make_caged_walk (rng, 40, 4000, d_true, s2, tau, dt);
      g_autoptr (SpMsd) msd = sp_msd_compute (t, 0, NULL, NULL);
      g_autoptr (GError) error = NULL;
      double s0, s1, t0, t1;
      SpDiffusion slope_only, suggested;

      g_assert_true (sp_msd_suggest_window (msd, &s0, &s1));
      g_assert_true (sp_diffusion_suggest_window (t, msd, &t0, &t1));
      g_assert_cmpfloat (s0, <, tau);
      g_assert_cmpfloat (t1, ==, s1);
      g_assert_cmpfloat (t0, >=, tau);
      g_assert_cmpfloat (t0 * 4.0, <=, t1);
      g_assert_true (sp_diffusion_fit (t, msd, s0, s1, &slope_only, &error));
      g_assert_true (sp_diffusion_fit (t, msd, t0, t1, &suggested, &error));
      g_assert_no_error (error);
      g_test_message ("caged walk %u: slope rule %g–%g ps D = %.4g ± %.2g (χ²/dof %.2f); "
                      "suggested %g–%g ps D = %.4g ± %.2g (χ²/dof %.2f); true %.4g", r, s0, s1,
                      slope_only.star.d_cm2_s, slope_only.star.d_stderr_cm2_s,
                      slope_only.star.chi2_dof, t0, t1, suggested.star.d_cm2_s,
                      suggested.star.d_stderr_cm2_s, suggested.star.chi2_dof, d_cm2);
      g_assert_cmpfloat (slope_only.star.d_cm2_s - d_cm2, >, 5.0 * slope_only.star.d_stderr_cm2_s);
      if (fabs (suggested.d_star_cm2_s - d_cm2) <= 2.0 * suggested.d_star_stderr_cm2_s)
        held++;
      g_assert_cmpfloat (fabs (suggested.d_star_cm2_s - d_cm2), <=,
                         3.0 * suggested.d_star_stderr_cm2_s);
    }
  gsl_rng_free (rng);
  g_assert_cmpuint (held, >=, 4);
}

/* A plain random walk keeps the slope rule's window. */
static void
test_suggest_window_free (void)
{
  gsl_rng *rng = gsl_rng_alloc (gsl_rng_mt19937);
  guint kept = 0;

  gsl_rng_set (rng, 78);
  for (guint r = 0; r < 10; r++)
    {
      g_autoptr (SpTrajectory) t = make_walk (rng, 20, 2000, 0.2, 0.5);
      g_autoptr (SpMsd) msd = sp_msd_compute (t, 0, NULL, NULL);
      double s0, s1, t0, t1;

      g_assert_true (sp_msd_suggest_window (msd, &s0, &s1));
      g_assert_true (sp_diffusion_suggest_window (t, msd, &t0, &t1));
      g_assert_cmpfloat (t1, ==, s1);
      g_assert_cmpfloat (t0, >=, s0);
      g_assert_cmpfloat (t0 * 4.0, <=, t1 * (1.0 + 1e-12));
      if (t0 == s0)
        kept++;
    }
  gsl_rng_free (rng);
  /* χ²/dof passes at one s.d. about 84 % of the time. */
  g_assert_cmpuint (kept, >=, 6);
}

/* The overlap sum against its definition, pair by pair of windows. */
static void
test_overlap_sum (void)
{
  for (guint M = 1; M <= 14; M++)
    for (guint n = 1; n <= M; n++)
      for (guint m = 1; m <= M; m++)
        {
          double direct = 0.0;

          for (guint a = 0; a + n <= M; a++)
            for (guint b = 0; b + m <= M; b++)
              {
                gint lo = MAX (a, b), hi = MIN (a + n, b + m);

                if (hi > lo)
                  direct += (double) (hi - lo) * (hi - lo);
              }
          g_assert_cmpfloat (sp_msd_overlap_sum (n, m, M), ==, direct);
        }
  g_assert_cmpfloat (sp_msd_overlap_sum (0, 3, 10), ==, 0.0);
  g_assert_cmpfloat (sp_msd_overlap_sum (3, 11, 10), ==, 0.0);
}

/* The GLS model's variance of the MSD at one lag against the spread of
 * the MSD over many independent walks (the model is exact for Gaussian
 * walks: the ratio must be 1 within the sampling error of a variance). */
static void
test_model_variance (void)
{
  gsl_rng *rng = gsl_rng_alloc (gsl_rng_mt19937);
  const guint runs = 400, T = 200, N = 2, k = 20;
  double sum = 0, sum2 = 0, model;
  double s2 = 2.0 * 0.5 * 1.0;   /* per-axis step variance, D = 0.5, Δt = 1 */

  gsl_rng_set (rng, 7);
  for (guint r = 0; r < runs; r++)
    {
      g_autoptr (SpTrajectory) t = make_walk (rng, N, T, 0.5, 1.0);
      g_autoptr (SpMsd) msd = sp_msd_compute (t, k, NULL, NULL);

      sum += msd->msd[k];
      sum2 += msd->msd[k] * msd->msd[k];
    }
  gsl_rng_free (rng);
  /* d · 2 σ⁴ · S(k,k) / (K² N) */
  model = 3 * 2.0 * s2 * s2 * sp_msd_overlap_sum (k, k, T - 1)
          / ((double) (T - k) * (T - k) * N);
  {
    double mean = sum / runs, var = sum2 / runs - mean * mean;

    var *= runs / (runs - 1.0);
    g_test_message ("MSD(%u) variance: observed %.4g, model %.4g", k, var, model);
    /* The relative error of a sample variance is about √(2/(n−1)) = 7 %. */
    g_assert_cmpfloat (fabs (var / model - 1.0), <, 0.25);
    g_assert_cmpfloat (fabs (mean / (6.0 * 0.5 * k) - 1.0), <, 0.05);
  }
}

/* The oracle: over 200 random walks of known D the GLS 95 %
 * interval holds the truth 90–98 % of the time; the bare OLS interval,
 * which treats the correlated MSD points as independent, much less often.
 * D_σ's interval likewise, and the Haven ratio of independent walkers
 * averages to 1. */
static void
test_coverage (void)
{
  gsl_rng *rng = gsl_rng_alloc (gsl_rng_mt19937);
  const guint runs = 200, N = 8, T = 1000;
  const double d_true = 0.3, dt = 0.5;    /* Å²/ps, ps */
  const double d_cm2 = d_true * SP_ANGSTROM2_PER_PS_IN_CM2_PER_S;
  guint gls = 0, ols = 0, axis = 0, sigma = 0, blocks = 0, blocks_runs = 0, gls_trusted = 0;
  double haven = 0, haven2 = 0;

  gsl_rng_set (rng, 2024);
  for (guint r = 0; r < runs; r++)
    {
      g_autoptr (SpTrajectory) t = make_walk (rng, N, T, d_true, dt);
      g_autoptr (SpMsd) msd = sp_msd_compute (t, 0, NULL, NULL);
      g_autoptr (GError) error = NULL;
      SpDiffusion fit;

      g_assert_true (sp_diffusion_fit (t, msd, dt, 250 * dt, &fit, &error));
      g_assert_no_error (error);
      if (fabs (fit.star.d_cm2_s - d_cm2) <= 1.96 * fit.star.d_stderr_cm2_s)
        gls++;
      if (fabs (fit.star.ols_d_cm2_s - d_cm2) <= 1.96 * fit.star.ols_stderr_cm2_s)
        ols++;
      if (fabs (fit.axis[r % 3].d_cm2_s - d_cm2) <= 1.96 * fit.axis[r % 3].d_stderr_cm2_s)
        axis++;
      if (fabs (fit.sigma.d_cm2_s - d_cm2) <= 1.96 * fit.sigma.d_stderr_cm2_s)
        sigma++;
      if (isfinite (fit.star_blocks.stderr_cm2_s))
        {
          blocks_runs++;
          if (fabs (fit.star_blocks.d_cm2_s - d_cm2) <= 1.96 * fit.star_blocks.stderr_cm2_s)
            blocks++;
        }
      if (fit.trusted == SP_DIFFUSION_TRUST_GLS)
        gls_trusted++;
      haven += fit.haven_ratio;
      haven2 += fit.haven_ratio * fit.haven_ratio;
      g_assert_cmpfloat (fit.star.ols_stderr_cm2_s, <, fit.star.d_stderr_cm2_s);
    }
  gsl_rng_free (rng);
  g_test_message ("95 %% coverage over %u walks: GLS %u, bare OLS %u, D_axis GLS %u, "
                  "D_sigma GLS %u, block averaging %u of %u; GLS trusted %u times",
                  runs, gls, ols, axis, sigma, blocks, blocks_runs, gls_trusted);
  g_assert_cmpuint (gls, >=, 180);
  g_assert_cmpuint (gls, <=, 196);
  g_assert_cmpuint (ols, <, 140);
  g_assert_cmpuint (axis, >=, 176);
  g_assert_cmpuint (axis, <=, 198);
  g_assert_cmpuint (sigma, >=, 176);
  g_assert_cmpuint (sigma, <=, 198);
  {
    double mean = haven / runs, sd = sqrt (haven2 / runs - mean * mean);

    g_test_message ("Haven ratio of independent walkers: %.3f ± %.3f (s.e. of the mean)",
                    mean, sd / sqrt (runs));
    g_assert_cmpfloat (fabs (mean - 1.0), <, 3.0 * sd / sqrt (runs) + 0.02);
  }
}

/* Langevin (Ornstein–Uhlenbeck velocity) trajectories: x advances by
 * v Δt, v relaxes with rate γ.  The discrete process has exactly
 * D = ⟨v²⟩ Δt (1 + φ)/(2(1 − φ)), φ = e^{−γΔt} (→ ⟨v²⟩/γ as Δt → 0);
 * Green–Kubo and Einstein must agree with each other and with it. */
static void
test_green_kubo_langevin (void)
{
  gsl_rng *rng = gsl_rng_alloc (gsl_rng_mt19937);
  const guint N = 20, T = 20000;
  const double dt = 0.01, gamma = 20.0, v2 = 1.0;   /* ps, 1/ps, Å²/ps² */
  double phi = exp (-gamma * dt), kick = sqrt (v2 * (1.0 - phi * phi));
  double d_exact = v2 * dt * (1.0 + phi) / (2.0 * (1.0 - phi)) * 1e-4;
  g_autoptr (SpTrajectory) t = sp_trajectory_new (N, T);
  g_autoptr (SpMsd) msd = NULL;
  g_autofree double *v = g_new (double, N * 3);
  double t0, t1;
  SpDiffusion fit;
  g_autoptr (GError) error = NULL;

  gsl_rng_set (rng, 99);
  t->dt_ps = dt;
  for (guint j = 0; j < N * 3; j++)
    v[j] = gsl_ran_gaussian_ziggurat (rng, sqrt (v2));
  for (guint f = 1; f < T; f++)
    for (guint i = 0; i < N; i++)
      for (guint a = 0; a < 3; a++)
        {
          double *vi = &v[i * 3 + a];

          sp_trajectory_position (t, f, i)[a] = sp_trajectory_position (t, f - 1, i)[a]
                                                + *vi * dt;
          *vi = phi * *vi + gsl_ran_gaussian_ziggurat (rng, kick);
        }
  gsl_rng_free (rng);

  msd = sp_msd_compute (t, 0, NULL, NULL);
  g_assert_true (sp_msd_suggest_window (msd, &t0, &t1));
  /* The ballistic stretch (τ_v = 0.05 ps) is left out. */
  g_assert_cmpfloat (t0, >=, 0.1);
  g_assert_true (sp_diffusion_fit (t, msd, t0, t1, &fit, &error));
  g_assert_no_error (error);
  g_test_message ("Langevin: exact %.5g, Einstein %.5g ± %.2g, Green–Kubo %.5g ± %.2g "
                  "(cut-off %.3g ps, %u blocks), window %.3g–%.3g ps",
                  d_exact, fit.star.d_cm2_s, fit.star.d_stderr_cm2_s, fit.gk_cm2_s,
                  fit.gk_stderr_cm2_s, fit.gk_cutoff_ps, fit.gk_blocks, fit.t0_ps, fit.t1_ps);
  g_assert_cmpfloat (fit.gk_cutoff_ps, ==, fit.t0_ps);
  g_assert_cmpuint (fit.gk_blocks, >=, 4);
  g_assert_true (isfinite (fit.gk_stderr_cm2_s) && fit.gk_stderr_cm2_s > 0);
  g_assert_cmpfloat (fabs (fit.gk_cm2_s - fit.star.d_cm2_s), <=,
                     2.0 * hypot (fit.gk_stderr_cm2_s, fit.star.d_stderr_cm2_s));
  g_assert_cmpfloat (fabs (fit.gk_cm2_s - d_exact), <=, 3.0 * fit.gk_stderr_cm2_s);
  g_assert_cmpfloat (fabs (fit.star.d_cm2_s - d_exact), <=, 3.0 * fit.star.d_stderr_cm2_s);
  /* Einstein's intercept: the ballistic lag makes it negative,
   * MSD → 6D(t − 1/γ). */
  g_assert_cmpfloat (fit.star.intercept_a2, <, 0.0);
}

/* The VACF of a pure random walk: ⟨v²⟩ = 3·2D/Δt at lag 0, nothing after. */
static void
test_vacf_random_walk (void)
{
  gsl_rng *rng = gsl_rng_alloc (gsl_rng_mt19937);
  g_autoptr (SpTrajectory) t = NULL;
  double vacf[4];

  gsl_rng_set (rng, 3);
  t = make_walk (rng, 50, 2000, 0.2, 0.1);
  gsl_rng_free (rng);
  g_assert_true (sp_diffusion_vacf (t, 0, 2000, 4, vacf, NULL, NULL));
  g_assert_cmpfloat (fabs (vacf[0] / (3 * 2 * 0.2 / 0.1) - 1.0), <, 0.02);
  for (guint k = 1; k < 4; k++)
    g_assert_cmpfloat (fabs (vacf[k]) / vacf[0], <, 0.02);
}

static void
test_nernst_einstein (void)
{
  /* n q² D/(k_B T) with CODATA constants, in S/cm. */
  double q = 1.602176634e-19, kb = 1.380649e-23;
  double want = 1.5e22 * (2 * q) * (2 * q) * 3e-7 / (kb * 450.0);

  g_assert_cmpfloat (fabs (sp_nernst_einstein_s_cm (1.5e22, 2.0, 3e-7, 450.0) - want), <,
                     1e-12 * want);
  g_assert_true (isnan (sp_nernst_einstein_s_cm (1e22, 1.0, 1e-6, 0.0)));
  g_assert_true (isnan (sp_nernst_einstein_s_cm (NAN, 1.0, 1e-6, 300.0)));
  g_assert_true (isnan (sp_nernst_einstein_s_cm (1e22, NAN, 1e-6, 300.0)));
}

/* σ in the fit: n from the cell (10 Å cube, 8 ions: 8e21 cm⁻³), T and q
 * from the trajectory, D_σ the reported one. */
static void
test_fit_conductivity (void)
{
  gsl_rng *rng = gsl_rng_alloc (gsl_rng_mt19937);
  g_autoptr (SpTrajectory) t = NULL;
  g_autoptr (SpMsd) msd = NULL;
  SpDiffusion fit;
  g_autofree char *reason = NULL;

  gsl_rng_set (rng, 5);
  t = make_walk (rng, 8, 4000, 0.1, 1.0);
  gsl_rng_free (rng);
  t->cell[0] = t->cell[4] = t->cell[8] = 10.0;
  t->temperature_k = 600.0;
  t->charge = 1.0;
  msd = sp_msd_compute (t, 0, NULL, NULL);
  g_assert_true (sp_diffusion_fit (t, msd, 1.0, 100.0, &fit, NULL));
  g_assert_cmpfloat (fabs (fit.density_cm3 - 8e21), <, 1e-6 * 8e21);
  g_assert_cmpfloat (fabs (fit.sigma_s_cm / sp_nernst_einstein_s_cm (8e21, 1.0, fit.d_sigma_cm2_s,
                                                                     600.0) - 1.0), <, 1e-12);
  g_assert_cmpfloat (fabs (fit.sigma_stderr_s_cm / fit.sigma_s_cm
                           - fit.d_sigma_stderr_cm2_s / fit.d_sigma_cm2_s), <, 1e-12);
  g_assert_cmpfloat (fabs (fit.haven_ratio_stderr
                           - fit.haven_ratio * hypot (fit.d_star_stderr_cm2_s / fit.d_star_cm2_s,
                                                      fit.d_sigma_stderr_cm2_s / fit.d_sigma_cm2_s)),
                     <, 1e-12 * fit.haven_ratio);
  g_assert_cmpfloat (fit.t0_ps, ==, 1.0);
  g_assert_cmpfloat (fit.t1_ps, ==, 100.0);
  g_assert_cmpuint (fit.star_blocks.n_blocks, ==, 32);
  g_assert_cmpuint (fit.star.dimensions, ==, 3);
  g_assert_cmpuint (fit.axis[1].dimensions, ==, 1);
  g_assert_cmpuint (fit.star.n_points, ==, SP_GLS_MAX_POINTS);
  /* A Gaussian walk: g near 1. */
  g_assert_cmpfloat (fabs (fit.star.non_gaussian_g - 1.0), <, 0.1);
  reason = sp_diffusion_trust_reason (&fit);
  g_test_message ("GLS %.4g ± %.2g (χ²/dof %.2f), blocks %.4g ± %.2g (%u, plateau %d); %s",
                  fit.star.d_cm2_s, fit.star.d_stderr_cm2_s, fit.star.chi2_dof,
                  fit.star_blocks.d_cm2_s, fit.star_blocks.stderr_cm2_s,
                  fit.star_blocks.n_blocks, fit.star_blocks.plateau, reason);
  g_assert_true (fit.trusted == SP_DIFFUSION_TRUST_GLS);
  g_assert_true (g_str_has_prefix (reason, "GLS is trusted"));
  g_assert_cmpstr (sp_diffusion_trust_to_string (fit.trusted), ==, "gls");

  /* Without a cell, temperature or charge: no σ. */
  t->cell[0] = 0;
  g_assert_true (sp_diffusion_fit (t, msd, 1.0, 100.0, &fit, NULL));
  g_assert_true (isnan (fit.sigma_s_cm));
}

/* A walk with a strong oscillation on top (vibration of 40 frames): the
 * MSD wiggles in a way free diffusion cannot; GLS's χ²/dof flags it and
 * block averaging is trusted. */
static void
test_trust_blocks (void)
{
  gsl_rng *rng = gsl_rng_alloc (gsl_rng_mt19937);
  g_autoptr (SpTrajectory) t = NULL;
  g_autoptr (SpMsd) msd = NULL;
  SpDiffusion fit;
  g_autofree char *reason = NULL;

  gsl_rng_set (rng, 8);
  t = make_walk (rng, 8, 8000, 0.05, 1.0);
  gsl_rng_free (rng);
  for (guint f = 0; f < 8000; f++)
    for (guint i = 0; i < 8; i++)
      sp_trajectory_position (t, f, i)[0] += 6.0 * sin (2 * G_PI * f / 40.0 + i);
  msd = sp_msd_compute (t, 0, NULL, NULL);
  g_assert_true (sp_diffusion_fit (t, msd, 2.0, 200.0, &fit, NULL));
  g_test_message ("oscillating walk: χ²/dof %.3g", fit.star.chi2_dof);
  g_assert_cmpfloat (fit.star.chi2_dof, >, 3.0);
  g_assert_true (fit.trusted == SP_DIFFUSION_TRUST_BLOCKS);
  g_assert_cmpfloat (fit.d_star_cm2_s, ==, fit.star_blocks.d_cm2_s);
  g_assert_cmpfloat (fit.d_star_stderr_cm2_s, ==, fit.star_blocks.stderr_cm2_s);
  reason = sp_diffusion_trust_reason (&fit);
  g_assert_true (g_str_has_prefix (reason, "Block averaging is trusted"));
  g_assert_cmpstr (sp_diffusion_trust_to_string (fit.trusted), ==, "block-averaging");
}

/* Every ion switches together between a slow and a fast state every
 * 1000 frames (as if the whole cell heated and cooled): within a block the
 * motion is a free walk, so GLS's model error is small, but the blocks
 * disagree far beyond it.  The scatter rule must catch that and trust the
 * blocks. */
static void
test_trust_blocks_scatter (void)
{
  gsl_rng *rng = gsl_rng_alloc (gsl_rng_mt19937);
  g_autoptr (SpTrajectory) t = sp_trajectory_new (16, 16000);
  g_autoptr (SpMsd) msd = NULL;
  SpDiffusion fit;
  g_autofree char *reason = NULL;

  gsl_rng_set (rng, 12);
  for (guint f = 1; f < 16000; f++)
    {
      double step = (f / 1000) % 2 == 0 ? 0.1 : 0.4;

      for (guint i = 0; i < 16; i++)
        for (guint a = 0; a < 3; a++)
          sp_trajectory_position (t, f, i)[a] = sp_trajectory_position (t, f - 1, i)[a]
                                                + gsl_ran_gaussian_ziggurat (rng, step);
    }
  gsl_rng_free (rng);
  msd = sp_msd_compute (t, 0, NULL, NULL);
  g_assert_true (sp_diffusion_fit (t, msd, 1.0, 100.0, &fit, NULL));
  reason = sp_diffusion_trust_reason (&fit);
  g_test_message ("switching walk: GLS ± %.2g (χ²/dof %.2f), blocks ± %.2g, model %.2g; %s",
                  fit.star.d_stderr_cm2_s, fit.star.chi2_dof, fit.star_blocks.stderr_cm2_s,
                  fit.star_blocks.model_stderr_cm2_s, reason);
  g_assert_true (fit.star_blocks.plateau);
  g_assert_cmpfloat (fit.star_blocks.stderr_cm2_s, >, 2.0 * fit.star_blocks.model_stderr_cm2_s);
  g_assert_true (fit.trusted == SP_DIFFUSION_TRUST_BLOCKS);
  g_assert_true (g_str_has_prefix (reason, "Block averaging is trusted: the blocks scatter"));
}

/* Blocking of uncorrelated values: level 0 is the plain s.e. of the mean;
 * values that come in identical pairs are correlated, and the blocking
 * finds the larger error at level 1. */
static void
test_block_transform (void)
{
  double x[16], pairs[16], mean = 0, var = 0;
  SpBlockAverage out;
  gsl_rng *rng = gsl_rng_alloc (gsl_rng_mt19937);

  gsl_rng_set (rng, 4);
  for (guint i = 0; i < 16; i++)
    {
      x[i] = gsl_ran_gaussian (rng, 1.0);
      mean += x[i];
    }
  mean /= 16;
  for (guint i = 0; i < 16; i++)
    var += (x[i] - mean) * (x[i] - mean);
  sp_block_transform (x, 16, &out);
  g_assert_cmpuint (out.n_levels, ==, 4);
  g_assert_cmpfloat (fabs (out.d_cm2_s - mean), <, 1e-14);
  g_assert_cmpfloat (fabs (out.level_stderr[0] - sqrt (var / 15 / 16)), <, 1e-14);
  g_assert_cmpfloat (fabs (out.level_stderr_error[0] - out.level_stderr[0] / sqrt (30.0)), <,
                     1e-14);

  for (guint i = 0; i < 16; i++)
    pairs[i] = x[i / 2 * 2];
  sp_block_transform (pairs, 16, &out);
  g_assert_cmpfloat (out.level_stderr[1], >, out.level_stderr[0]);
  g_assert_cmpuint (out.chosen_level, >=, 1);
  g_assert_cmpfloat (out.stderr_cm2_s, ==, out.level_stderr[out.chosen_level]);
  gsl_rng_free (rng);
}

static void
test_arrhenius_of_d (void)
{
  const double t[] = { 500, 600, 700, 800 };
  double d[4], u[4];
  SpArrheniusFit fit;
  g_autoptr (GError) error = NULL;

  for (guint i = 0; i < 4; i++)
    {
      d[i] = 3e-3 * exp (-0.35 / (SP_BOLTZMANN_EV_PER_K * t[i]));
      u[i] = 0.05 * d[i];
    }
  g_assert_true (sp_diffusion_arrhenius (t, d, u, 4, &fit, &error));
  g_assert_no_error (error);
  g_assert_cmpfloat (fabs (fit.ea_ev - 0.35), <, 1e-10);
  g_assert_cmpfloat (fabs (fit.prefactor / 3e-3 - 1.0), <, 1e-10);
  g_assert_true (fit.weighted);
  g_assert_cmpfloat (fit.ea_stderr_ev, >, 0.0);
  d[2] = -1;
  g_assert_false (sp_diffusion_arrhenius (t, d, NULL, 4, &fit, &error));
  g_assert_cmpstr (error->message, ==,
                   "run 3: the diffusion coefficient must be positive, not -1 cm²/s");
}

static void
test_bad_window (void)
{
  gsl_rng *rng = gsl_rng_alloc (gsl_rng_mt19937);
  g_autoptr (SpTrajectory) t = NULL;
  g_autoptr (SpTrajectory) other = NULL;
  g_autoptr (SpMsd) msd = NULL;
  g_autoptr (GCancellable) cancellable = g_cancellable_new ();
  g_autoptr (GError) error = NULL;
  SpDiffusion fit;

  gsl_rng_set (rng, 6);
  t = make_walk (rng, 3, 200, 0.1, 1.0);
  other = make_walk (rng, 4, 200, 0.1, 1.0);
  gsl_rng_free (rng);
  msd = sp_msd_compute (t, 50, NULL, NULL);
  g_assert_false (sp_diffusion_fit (t, msd, 0.0, 20.0, &fit, &error));
  g_assert_nonnull (strstr (error->message, "must lie inside 0–50 ps"));
  g_clear_error (&error);
  g_assert_false (sp_diffusion_fit (t, msd, 5.0, 80.0, &fit, &error));
  g_assert_nonnull (strstr (error->message, "5–80 ps"));
  g_clear_error (&error);
  g_assert_false (sp_diffusion_fit (t, msd, 5.0, 6.0, &fit, &error));
  g_assert_cmpstr (error->message, ==, "the fit window 5–6 ps holds fewer than 3 lags of 1 ps");
  g_clear_error (&error);
  g_assert_false (sp_diffusion_fit (other, msd, 5.0, 20.0, &fit, &error));
  g_assert_cmpstr (error->message, ==, "the MSD was computed from another trajectory");
  g_clear_error (&error);
  g_cancellable_cancel (cancellable);
  g_assert_false (sp_diffusion_fit_full (t, msd, 1.0, 20.0, cancellable, &fit, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);

  /* Ions that never move: no diffusion. */
  memset (t->positions, 0, sizeof (double) * 3 * 200 * 3);
  g_clear_pointer (&msd, sp_msd_free);
  msd = sp_msd_compute (t, 50, NULL, NULL);
  g_assert_false (sp_diffusion_fit (t, msd, 1.0, 20.0, &fit, &error));
  g_assert_nonnull (error);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  sp_gsl_init ();
  g_test_add_func ("/diffusion/overlap-sum", test_overlap_sum);
  g_test_add_func ("/diffusion/model-variance", test_model_variance);
  g_test_add_func ("/diffusion/coverage", test_coverage);
  g_test_add_func ("/diffusion/green-kubo-langevin", test_green_kubo_langevin);
  g_test_add_func ("/diffusion/vacf-random-walk", test_vacf_random_walk);
  g_test_add_func ("/diffusion/nernst-einstein", test_nernst_einstein);
  g_test_add_func ("/diffusion/fit-conductivity", test_fit_conductivity);
  g_test_add_func ("/diffusion/trust-blocks", test_trust_blocks);
  g_test_add_func ("/diffusion/trust-blocks-scatter", test_trust_blocks_scatter);
  g_test_add_func ("/diffusion/block-transform", test_block_transform);
  g_test_add_func ("/diffusion/arrhenius", test_arrhenius_of_d);
  g_test_add_func ("/diffusion/bad-window", test_bad_window);
  g_test_add_func ("/diffusion/suggest-window-caged", test_suggest_window_caged);
  g_test_add_func ("/diffusion/suggest-window-free", test_suggest_window_free);
  return g_test_run ();
}
