/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sp-qens-fit.c — the two least-squares fits of sp-qens.h: A·exp(−k t)
 * to each F_s(Q, t) (Γ = ħk) and the Chudley–Elliott form to Γ(Q), both
 * with GSL's trust-region solver (multifit_nlinear, Levenberg–Marquardt).
 *
 * Standard errors: cov = (JᵀWJ)⁻¹ · χ²/(n − p), the residual-scaled
 * covariance (as the impedance fit).  For Chudley–Elliott the parameters
 * are ln l and ln τ (both stay positive); s.e. of l, τ and D = l²/(6τ)
 * follow by the delta method with the ln l–ln τ covariance.
 */

#include "config.h"

#include <glib/gi18n.h>
#include <gsl/gsl_blas.h>
#include <gsl/gsl_fit.h>
#include <gsl/gsl_multifit_nlinear.h>
#include <gsl/gsl_sf_bessel.h>
#include <math.h>
#include <string.h>

#include "sp-qens.h"

typedef struct
{
  guint         n;
  const double *x;      /* t (ps) or Q (Å⁻¹)        */
  const double *y;      /* F_s or Γ (meV)           */
  const double *sigma;  /* NULL: unit weights       */
} Data;

/* Runs the solver from @x0 (p values); on success @x (p) the minimum,
 * @cov (p × p, row-major) (JᵀWJ)⁻¹ and *@chi2 the weighted sum of squares. */
static gboolean
solve (gsl_multifit_nlinear_fdf *fdf,
       const double             *x0,
       guint                     p,
       double                   *x,
       double                   *cov,
       double                   *chi2)
{
  const gsl_multifit_nlinear_type *type = gsl_multifit_nlinear_trust;
  gsl_multifit_nlinear_parameters params = gsl_multifit_nlinear_default_parameters ();
  gsl_multifit_nlinear_workspace *w;
  gsl_vector_const_view start = gsl_vector_const_view_array (x0, p);
  gsl_matrix *c;
  int info = 0, status;
  gboolean ok;

  w = gsl_multifit_nlinear_alloc (type, &params, fdf->n, p);
  if (gsl_multifit_nlinear_init (&start.vector, fdf, w) != GSL_SUCCESS)
    {
      gsl_multifit_nlinear_free (w);
      return FALSE;
    }
  status = gsl_multifit_nlinear_driver (200, 1e-12, 1e-12, 1e-12, NULL, NULL, &info, w);
  c = gsl_matrix_alloc (p, p);
  ok = (status == GSL_SUCCESS || status == GSL_EMAXITER)
       && gsl_multifit_nlinear_covar (gsl_multifit_nlinear_jac (w), 0.0, c) == GSL_SUCCESS;
  if (ok)
    {
      gsl_vector *f = gsl_multifit_nlinear_residual (w);
      double s = 0;

      gsl_blas_ddot (f, f, &s);
      *chi2 = s;
      for (guint i = 0; i < p; i++)
        {
          x[i] = gsl_vector_get (gsl_multifit_nlinear_position (w), i);
          for (guint j = 0; j < p; j++)
            cov[i * p + j] = gsl_matrix_get (c, i, j);
        }
      for (guint i = 0; i < p; i++)
        ok = ok && isfinite (x[i]) && isfinite (cov[i * p + i]);
    }
  gsl_matrix_free (c);
  gsl_multifit_nlinear_free (w);
  return ok;
}

/* ---- A · exp(−k t), parameters (A, k) -------------------------------- */

static int
exp_f (const gsl_vector *p,
       void             *user,
       gsl_vector       *f)
{
  const Data *d = user;
  double a = gsl_vector_get (p, 0), k = gsl_vector_get (p, 1);

  for (guint i = 0; i < d->n; i++)
    gsl_vector_set (f, i, a * exp (-k * d->x[i]) - d->y[i]);
  return GSL_SUCCESS;
}

static int
exp_df (const gsl_vector *p,
        void             *user,
        gsl_matrix       *j)
{
  const Data *d = user;
  double a = gsl_vector_get (p, 0), k = gsl_vector_get (p, 1);

  for (guint i = 0; i < d->n; i++)
    {
      double e = exp (-k * d->x[i]);

      gsl_matrix_set (j, i, 0, e);
      gsl_matrix_set (j, i, 1, -a * d->x[i] * e);
    }
  return GSL_SUCCESS;
}

/* A·exp(−k t) through the points (t, f) from (A, k) = @x0. */
static gboolean
fit_exponential (const double *t,
                 const double *f,
                 guint         n,
                 const double *x0,
                 double       *x,
                 double       *k_stderr)
{
  Data data = { n, t, f, NULL };
  gsl_multifit_nlinear_fdf fdf = { 0 };
  double cov[4], chi2;

  fdf.f = exp_f;
  fdf.df = exp_df;
  fdf.n = n;
  fdf.p = 2;
  fdf.params = &data;
  if (!solve (&fdf, x0, 2, x, cov, &chi2))
    return FALSE;
  *k_stderr = n > 2 ? sqrt (cov[3] * chi2 / (n - 2)) : NAN;
  return TRUE;
}

/* Γ at each Q (see sp-qens.h); with @skipped, a Q that cannot be fitted
 * is left out and listed instead of failing. */
static SpQensGamma *
gamma_from_fs (const SpQensFs *fs,
               GArray         *skipped,
               GError        **error)
{
  g_autoptr (SpQensGamma) gamma = NULL;
  g_autofree double *t = NULL, *logf = NULL, *err_fit = NULL, *err_group = NULL;
  g_autofree double *group = NULL;
  gboolean groups_ok = fs->n_groups >= 2;
  guint n_out = 0, n_groups = fs->n_groups;

  gamma = sp_qens_gamma_new (fs->n_q, TRUE);
  gamma->amplitude = g_new0 (double, MAX (fs->n_q, 1));
  gamma->fit_lags = g_new0 (guint, MAX (fs->n_q, 1));
  t = g_new (double, fs->n_lags);
  logf = g_new (double, fs->n_lags);
  err_fit = g_new0 (double, MAX (fs->n_q, 1));
  err_group = g_new0 (double, MAX (fs->n_q, 1));
  group = g_new0 (double, (gsize) MAX (n_groups, 1) * MAX (fs->n_q, 1));
  for (guint lag = 0; lag < fs->n_lags; lag++)
    t[lag] = lag * fs->dt_ps;

  for (guint iq = 0; iq < fs->n_q; iq++)
    {
      const double *f = fs->fs + (gsize) iq * fs->n_lags;
      guint last = 0, n;
      double c0, c1, c00, c01, c11, ssq, x0[2], x[2], k_stderr;
      g_autoptr (GError) local = NULL;

      /* The fit window: lags 1 … last, while F_s stays above the floor. */
      while (last + 1 < fs->n_lags && f[last + 1] > SP_QENS_FIT_FLOOR)
        last++;
      n = last;
      if (n < 3)
        g_set_error (&local, SP_QENS_ERROR, SP_QENS_ERROR_INPUT,
                     _("F_s at Q = %g Å⁻¹ falls below %g within %u time steps: Γ is too "
                       "large for the time step (use a smaller Q or more frequent frames)"),
                     fs->q[iq], SP_QENS_FIT_FLOOR, n + 1);
      else
        {
          /* Start from the straight line through ln F_s. */
          for (guint i = 0; i < n; i++)
            logf[i] = log (f[i + 1]);
          gsl_fit_linear (t + 1, 1, logf, 1, n, &c0, &c1, &c00, &c01, &c11, &ssq);
          x0[0] = exp (c0);
          x0[1] = MAX (-c1, 1e-12 / fs->dt_ps);
          if (!fit_exponential (t + 1, f + 1, n, x0, x, &k_stderr))
            g_set_error (&local, SP_QENS_ERROR, SP_QENS_ERROR_FIT,
                         _("the exponential fit to F_s at Q = %g Å⁻¹ failed"), fs->q[iq]);
          else if (!(x[1] > 0))
            g_set_error (&local, SP_QENS_ERROR, SP_QENS_ERROR_INPUT,
                         _("F_s at Q = %g Å⁻¹ does not decay over the %u lags computed (use a "
                           "larger Q or a longer trajectory)"), fs->q[iq], fs->n_lags);
        }
      if (local != NULL)
        {
          if (skipped == NULL)
            {
              g_propagate_error (error, g_steal_pointer (&local));
              return NULL;
            }
          g_array_append_val (skipped, fs->q[iq]);
          continue;
        }
      gamma->q[n_out] = fs->q[iq];
      gamma->gamma_mev[n_out] = SP_HBAR_MEV_PS * x[1];
      err_fit[n_out] = SP_HBAR_MEV_PS * k_stderr;
      gamma->amplitude[n_out] = x[0];
      gamma->fit_lags[n_out] = last;

      /* The groups of ions, each fitted over the same lags: the spread of
       * their Γ is the honest error of the whole's. */
      if (groups_ok)
        {
          double sum = 0, sum2 = 0;

          for (guint g = 0; g < n_groups && groups_ok; g++)
            {
              const double *fg = fs->fs_group + ((gsize) g * fs->n_q + iq) * fs->n_lags;
              double xg[2], unused;

              groups_ok = fit_exponential (t + 1, fg + 1, n, x, xg, &unused)
                          && isfinite (xg[1]) && xg[1] > 0;
              if (groups_ok)
                {
                  group[(gsize) g * fs->n_q + n_out] = SP_HBAR_MEV_PS * xg[1];
                  sum += xg[1];
                  sum2 += xg[1] * xg[1];
                }
            }
          if (groups_ok)
            {
              double mean = sum / n_groups;
              double var = MAX (0.0, (sum2 - n_groups * mean * mean) / (n_groups - 1));

              err_group[n_out] = SP_HBAR_MEV_PS * sqrt (var / n_groups);
            }
        }
      n_out++;
    }
  if (n_out == 0)
    {
      g_set_error (error, SP_QENS_ERROR, SP_QENS_ERROR_INPUT,
                   _("F_s could not be fitted at any Q: it decays within 3 time steps or not "
                     "at all (choose Q values and a time step to suit the jumps)"));
      return NULL;
    }
  gamma->n_points = n_out;
  memcpy (gamma->gamma_err_mev, groups_ok ? err_group : err_fit, n_out * sizeof (double));
  /* One failed group fit anywhere: the fit's own errors everywhere. */
  if (groups_ok)
    {
      gamma->n_groups = n_groups;
      gamma->gamma_group = g_new (double, (gsize) n_groups * n_out);
      for (guint g = 0; g < n_groups; g++)
        memcpy (gamma->gamma_group + (gsize) g * n_out, group + (gsize) g * fs->n_q,
                n_out * sizeof (double));
    }
  return g_steal_pointer (&gamma);
}

SpQensGamma *
sp_qens_gamma_from_fs (const SpQensFs *fs,
                       GError        **error)
{
  g_return_val_if_fail (fs != NULL, NULL);
  return gamma_from_fs (fs, NULL, error);
}

SpQensGamma *
sp_qens_gamma_from_fs_skipping (const SpQensFs *fs,
                                GArray         *skipped_q,
                                GError        **error)
{
  g_return_val_if_fail (fs != NULL && skipped_q != NULL, NULL);
  return gamma_from_fs (fs, skipped_q, error);
}

/* ---- Chudley–Elliott, parameters (ln l, ln τ) ------------------------- */

static int
ce_f (const gsl_vector *p,
      void             *user,
      gsl_vector       *f)
{
  const Data *d = user;
  double l = exp (gsl_vector_get (p, 0)), tau = exp (gsl_vector_get (p, 1));

  for (guint i = 0; i < d->n; i++)
    {
      double r = sp_chudley_elliott_gamma_mev (d->x[i], l, tau) - d->y[i];

      gsl_vector_set (f, i, d->sigma != NULL ? r / d->sigma[i] : r);
    }
  return GSL_SUCCESS;
}

static int
ce_df (const gsl_vector *p,
       void             *user,
       gsl_matrix       *j)
{
  const Data *d = user;
  double l = exp (gsl_vector_get (p, 0)), tau = exp (gsl_vector_get (p, 1));

  for (guint i = 0; i < d->n; i++)
    {
      double ql = d->x[i] * l, s = d->sigma != NULL ? d->sigma[i] : 1.0;

      /* d/d ln l of (ħ/τ)(1 − j0(Ql)) = (ħ/τ) Ql j1(Ql), since j0′ = −j1;
       * d/d ln τ = −Γ. */
      gsl_matrix_set (j, i, 0, SP_HBAR_MEV_PS / tau * ql * gsl_sf_bessel_j1 (ql) / s);
      gsl_matrix_set (j, i, 1, -sp_chudley_elliott_gamma_mev (d->x[i], l, tau) / s);
    }
  return GSL_SUCCESS;
}

gboolean
sp_chudley_elliott_fit (const SpQensGamma *gamma,
                        SpChudleyElliott  *out,
                        GError           **error)
{
  Data data;
  gsl_multifit_nlinear_fdf fdf = { 0 };
  double gamma_max = 0, tau0, d0, l0, best_chi2 = INFINITY, best_x[2] = { 0, 0 },
         best_cov[4] = { 0, 0, 0, 0 };
  guint n, i_min = 0;
  double dof, var_l, var_t, cov_lt, l, tau, d;

  g_return_val_if_fail (gamma != NULL && out != NULL, FALSE);
  memset (out, 0, sizeof *out);
  n = gamma->n_points;
  if (n < SP_QENS_MIN_POINTS)
    {
      g_set_error (error, SP_QENS_ERROR, SP_QENS_ERROR_INPUT,
                   _("the Chudley–Elliott fit needs at least %u Γ(Q) points, found %u"),
                   (guint) SP_QENS_MIN_POINTS, n);
      return FALSE;
    }
  for (guint i = 0; i < n; i++)
    {
      if (!(gamma->q[i] > 0) || !(gamma->gamma_mev[i] > 0) || !isfinite (gamma->gamma_mev[i])
          || (gamma->gamma_err_mev != NULL
              && (!(gamma->gamma_err_mev[i] > 0) || !isfinite (gamma->gamma_err_mev[i]))))
        {
          g_set_error (error, SP_QENS_ERROR, SP_QENS_ERROR_INPUT,
                       _("point %u: Q, Γ and its error must be positive (Q = %g Å⁻¹, Γ = %g meV)"),
                       i + 1, gamma->q[i], gamma->gamma_mev[i]);
          return FALSE;
        }
      gamma_max = MAX (gamma_max, gamma->gamma_mev[i]);
      if (gamma->q[i] < gamma->q[i_min])
        i_min = i;
    }

  /* Starting points: ħ/τ from the largest Γ (the plateau), D from the
   * smallest Q (Γ ≈ ħDQ²), l = √(6Dτ); a few multiples of each, since the
   * oscillating sin(Ql)/(Ql) has local minima. */
  tau0 = SP_HBAR_MEV_PS / gamma_max;
  d0 = gamma->gamma_mev[i_min] / (SP_HBAR_MEV_PS * gamma->q[i_min] * gamma->q[i_min]);
  l0 = sqrt (6 * d0 * tau0);
  data = (Data) { n, gamma->q, gamma->gamma_mev, gamma->gamma_err_mev };
  fdf.f = ce_f;
  fdf.df = ce_df;
  fdf.n = n;
  fdf.p = 2;
  fdf.params = &data;
  for (int a = -1; a <= 1; a++)
    for (int b = -1; b <= 1; b++)
      {
        double x0[2] = { log (l0 * pow (2.0, a)), log (tau0 * pow (2.0, b)) };
        double x[2], cov[4], chi2;

        if (solve (&fdf, x0, 2, x, cov, &chi2) && chi2 < best_chi2)
          {
            best_chi2 = chi2;
            memcpy (best_x, x, sizeof x);
            memcpy (best_cov, cov, sizeof cov);
          }
      }
  if (!isfinite (best_chi2))
    {
      g_set_error (error, SP_QENS_ERROR, SP_QENS_ERROR_FIT,
                   _("the Chudley–Elliott fit did not converge"));
      return FALSE;
    }

  dof = n - 2.0;
  var_l = best_cov[0] * best_chi2 / dof;
  var_t = best_cov[3] * best_chi2 / dof;
  cov_lt = best_cov[1] * best_chi2 / dof;
  l = exp (best_x[0]);
  tau = exp (best_x[1]);
  d = l * l / (6 * tau) * 1e-4;   /* Å²/ps → cm²/s */
  out->l_angstrom = l;
  out->l_stderr_angstrom = l * sqrt (var_l);
  out->tau_ps = tau;
  out->tau_stderr_ps = tau * sqrt (var_t);
  out->d_cm2_s = d;
  /* ln D = 2 ln l − ln τ + const. */
  out->d_stderr_cm2_s = d * sqrt (MAX (0.0, 4 * var_l + var_t - 4 * cov_lt));
  out->chi2 = best_chi2;
  out->reduced_chi2 = best_chi2 / dof;
  out->n_points = n;
  out->weighted = gamma->gamma_err_mev != NULL;

  /* Γ(Q) from a trajectory: the values at different Q come from the same
   * displacements, so their errors are correlated and the Jacobian's s.e.
   * is too small.  Each group of ions is an independent sample: fit each
   * group's Γ(Q) and take the spread of l, τ and D over √G. */
  if (gamma->n_groups >= 2 && gamma->gamma_group != NULL)
    {
      guint g_count = gamma->n_groups;
      double sum[3] = { 0, 0, 0 }, sum2[3] = { 0, 0, 0 };
      gboolean all = TRUE;

      for (guint g = 0; g < g_count && all; g++)
        {
          Data group = { n, gamma->q, gamma->gamma_group + (gsize) g * n, gamma->gamma_err_mev };
          double x[2], cov[4], chi2;

          fdf.params = &group;
          all = solve (&fdf, best_x, 2, x, cov, &chi2);
          if (all)
            {
              double v[3] = { exp (x[0]), exp (x[1]), exp (2 * x[0] - x[1]) / 6 * 1e-4 };

              for (int k = 0; k < 3; k++)
                {
                  sum[k] += v[k];
                  sum2[k] += v[k] * v[k];
                }
            }
        }
      if (all)
        {
          double se[3];

          for (int k = 0; k < 3; k++)
            {
              double mean = sum[k] / g_count;

              se[k] = sqrt (MAX (0.0, (sum2[k] - g_count * mean * mean) / (g_count - 1)) / g_count);
            }
          /* The spread over groups is the statistical error alone.  When
           * Γ(Q) does not follow Chudley–Elliott within its own errors
           * (a lattice gas's correlated back-hops bend it: χ²/ν ≈ 24 at
           * c = ½, and l then moves with the Q grid), the misfit is an
           * error too: the s.e. grows by √(χ²/ν) (Birge), as the table
           * path's covariance does. */
          double birge = out->weighted && out->reduced_chi2 > 1.0 ? sqrt (out->reduced_chi2) : 1.0;

          out->l_stderr_angstrom = birge * se[0];
          out->tau_stderr_ps = birge * se[1];
          out->d_stderr_cm2_s = birge * se[2];
          out->n_groups = g_count;
        }
    }
  return TRUE;
}
