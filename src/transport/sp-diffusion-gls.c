/* sp-diffusion-gls.c — the straight line through the MSD by generalised
 * least squares with the MSD's model covariance (see sp-diffusion.h)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <gsl/gsl_blas.h>
#include <gsl/gsl_errno.h>
#include <gsl/gsl_fit.h>
#include <gsl/gsl_linalg.h>
#include <math.h>
#include <string.h>

#include "sp-diffusion-private.h"

G_DEFINE_AUTOPTR_CLEANUP_FUNC (gsl_matrix, gsl_matrix_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (gsl_vector, gsl_vector_free)

double
sp_msd_overlap_sum (guint n,
                    guint m,
                    guint n_increments)
{
  gint64 kn, km, sum = 0;

  if (n > m)
    {
      guint swap = n;

      n = m;
      m = swap;
    }
  if (n == 0 || m > n_increments)
    return 0.0;
  kn = (gint64) n_increments - n + 1;
  km = (gint64) n_increments - m + 1;
  /* Group the pairs of windows [a, a+n) and [b, b+m) by δ = b − a: they
   * share min(n, δ + m) − max(0, δ) increments, and there are as many such
   * pairs as starts a with both windows inside the series. */
  for (gint64 delta = 1 - (gint64) m; delta < (gint64) n; delta++)
    {
      gint64 shared = MIN ((gint64) n, delta + m) - MAX (0, delta);
      gint64 lo = MAX (0, -delta), hi = MIN (kn - 1, km - 1 - delta);

      if (shared > 0 && hi >= lo)
        sum += (hi - lo + 1) * shared * shared;
    }
  return (double) sum;
}

void
sp_gls_lags_init (SpGlsLags *lags,
                  guint      k0,
                  guint      k1,
                  guint      n_frames)
{
  guint span = k1 - k0;

  g_return_if_fail (k1 > k0 && k1 < n_frames);
  lags->n = MIN (span + 1, SP_GLS_MAX_POINTS);
  lags->n_frames = n_frames;
  lags->lag = g_new (guint, lags->n);
  for (guint j = 0; j < lags->n; j++)
    lags->lag[j] = lags->n == span + 1
                   ? k0 + j
                   : k0 + (guint) lround ((double) j * span / (lags->n - 1));
  lags->overlap = g_new (double, (gsize) lags->n * lags->n);
  for (guint j = 0; j < lags->n; j++)
    for (guint l = j; l < lags->n; l++)
      {
        double s = sp_msd_overlap_sum (lags->lag[j], lags->lag[l], n_frames - 1);

        lags->overlap[j * lags->n + l] = s;
        lags->overlap[l * lags->n + j] = s;
      }
}

void
sp_gls_lags_clear (SpGlsLags *lags)
{
  g_clear_pointer (&lags->lag, g_free);
  g_clear_pointer (&lags->overlap, g_free);
  lags->n = 0;
}

double
sp_ols_slope (const double *curve,
              double        dt_ps,
              guint         k0,
              guint         k1)
{
  double sx = 0, sy = 0, sxx = 0, sxy = 0, n = k1 - k0 + 1;

  for (guint k = k0; k <= k1; k++)
    {
      double x = k * dt_ps;

      sx += x;
      sy += curve[k];
      sxx += x * x;
      sxy += x * curve[k];
    }
  return (n * sxy - sx * sy) / (n * sxx - sx * sx);
}

/* Σ = L Lᵀ in place; a diagonal nudge (relative 1e-12, then ×100) when
 * rounding leaves it just short of positive definite.  (GSL's error
 * handler is off process-wide: sp_gsl_init().) */
static gboolean
cholesky_with_nudge (gsl_matrix *sigma)
{
  g_autoptr (gsl_matrix) saved = gsl_matrix_alloc (sigma->size1, sigma->size2);
  double trace = 0.0, nudge;
  gboolean ok = FALSE;

  gsl_matrix_memcpy (saved, sigma);
  for (gsize i = 0; i < sigma->size1; i++)
    trace += gsl_matrix_get (sigma, i, i);
  nudge = 1e-12 * trace / sigma->size1;
  for (guint attempt = 0; attempt < 4 && !ok; attempt++)
    {
      if (attempt > 0)
        {
          gsl_matrix_memcpy (sigma, saved);
          for (gsize i = 0; i < sigma->size1; i++)
            *gsl_matrix_ptr (sigma, i, i) += nudge;
          nudge *= 100.0;
        }
      ok = gsl_linalg_cholesky_decomp1 (sigma) == GSL_SUCCESS;
    }
  return ok;
}

gboolean
sp_gls_fit_line (const SpGlsLags *lags,
                 const double    *curve,
                 double           dt_ps,
                 guint            k0,
                 guint            k1,
                 guint            dimensions,
                 double           walkers,
                 double           g,
                 SpDiffusionLine *line,
                 GError         **error)
{
  guint n = lags->n, n_all = k1 - k0 + 1;
  g_autofree double *x = g_new (double, n_all);
  g_autofree double *y = g_new (double, n_all);
  g_autofree double *s2 = g_new (double, n);
  g_autoptr (gsl_matrix) sigma = gsl_matrix_alloc (n, n);
  g_autoptr (gsl_vector) z0 = gsl_vector_alloc (n);
  g_autoptr (gsl_vector) z1 = gsl_vector_alloc (n);
  g_autoptr (gsl_vector) w = gsl_vector_alloc (n);
  double c0, c1, cov00, cov01, cov11, sumsq;
  double a, b, y_max = 0.0, floor_value;
  double a00 = 0, a01 = 0, a11 = 0, det = 1;
  double to_cm2 = SP_ANGSTROM2_PER_PS_IN_CM2_PER_S / (2.0 * dimensions);

  memset (line, 0, sizeof *line);
  line->dimensions = dimensions;
  line->non_gaussian_g = g;
  line->n_points = n;

  /* The bare fit: every lag, as if independent. */
  for (guint k = k0; k <= k1; k++)
    {
      x[k - k0] = k * dt_ps;
      y[k - k0] = curve[k];
    }
  gsl_fit_linear (x, 1, y, 1, n_all, &c0, &c1, &cov00, &cov01, &cov11, &sumsq);
  line->ols_d_cm2_s = c1 * to_cm2;
  line->ols_stderr_cm2_s = n_all > 2 ? sqrt (cov11) * to_cm2 : NAN;
  a = c0;
  b = c1;

  for (guint j = 0; j < n; j++)
    y_max = MAX (y_max, fabs (curve[lags->lag[j]]));
  /* The model MSD must stay positive for the variance; a line through a
   * noisy collective MSD may dip below 0 at the first lags. */
  floor_value = MAX (1e-3 * y_max, 1e-300);

  /* The covariance depends on the line: rebuild it from the fitted line
   * and fit again (three rounds settle it to well under 1 %). */
  for (guint round = 0; round < 3; round++)
    {
      double r0 = 0, r1 = 0;

      for (guint j = 0; j < n; j++)
        {
          double model = a + b * lags->lag[j] * dt_ps;

          s2[j] = MAX (model, floor_value) / (dimensions * (double) lags->lag[j]);
        }
      for (guint j = 0; j < n; j++)
        for (guint l = 0; l < n; l++)
          {
            double kj = lags->n_frames - lags->lag[j];
            double kl = lags->n_frames - lags->lag[l];

            gsl_matrix_set (sigma, j, l,
                            g * dimensions * 2.0 * s2[j] * s2[l]
                            * lags->overlap[j * n + l] / (kj * kl * walkers));
          }
      if (!cholesky_with_nudge (sigma))
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                       _("the MSD covariance could not be factorised: the window holds too "
                         "little motion"));
          return FALSE;
        }
      /* Whiten: L z = X, L w = y, then ordinary least squares. */
      for (guint j = 0; j < n; j++)
        {
          gsl_vector_set (z0, j, 1.0);
          gsl_vector_set (z1, j, lags->lag[j] * dt_ps);
          gsl_vector_set (w, j, curve[lags->lag[j]]);
        }
      gsl_blas_dtrsv (CblasLower, CblasNoTrans, CblasNonUnit, sigma, z0);
      gsl_blas_dtrsv (CblasLower, CblasNoTrans, CblasNonUnit, sigma, z1);
      gsl_blas_dtrsv (CblasLower, CblasNoTrans, CblasNonUnit, sigma, w);
      gsl_blas_ddot (z0, z0, &a00);
      gsl_blas_ddot (z0, z1, &a01);
      gsl_blas_ddot (z1, z1, &a11);
      gsl_blas_ddot (z0, w, &r0);
      gsl_blas_ddot (z1, w, &r1);
      det = a00 * a11 - a01 * a01;
      if (!(det > 0.0))
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                       _("the MSD window is too narrow for a straight-line fit"));
          return FALSE;
        }
      a = (a11 * r0 - a01 * r1) / det;
      b = (a00 * r1 - a01 * r0) / det;
    }

  {
    double chi2 = 0.0;

    for (guint j = 0; j < n; j++)
      {
        double r = gsl_vector_get (w, j) - a * gsl_vector_get (z0, j)
                   - b * gsl_vector_get (z1, j);

        chi2 += r * r;
      }
    line->chi2_dof = n > 2 ? chi2 / (n - 2) : NAN;
  }
  /* (XᵀΣ⁻¹X)⁻¹: the covariance is modelled, not scaled by χ². */
  line->d_cm2_s = b * to_cm2;
  line->d_stderr_cm2_s = sqrt (a00 / det) * to_cm2;
  line->intercept_a2 = a;
  line->intercept_stderr_a2 = sqrt (a11 / det);
  return TRUE;
}

void
sp_gls_non_gaussian (const SpTrajectory *trajectory,
                     const SpGlsLags    *lags,
                     double             *g_total,
                     double             *g_axis,
                     double             *g_collective)
{
  guint T = trajectory->n_frames, N = trajectory->n_ions;
  guint n_used = MIN (lags->n, 16);
  double ratio_total = 0, ratio_axis[3] = { 0, 0, 0 }, ratio_coll = 0;
  guint used_total = 0, used_axis[3] = { 0, 0, 0 }, used_coll = 0;

  for (guint u = 0; u < n_used; u++)
    {
      guint j = n_used == 1 ? 0 : (guint) lround ((double) u * (lags->n - 1) / (n_used - 1));
      guint k = lags->lag[j];
      guint stride = MAX (1, k / 4);
      double s2 = 0, s4 = 0, a2[3] = { 0, 0, 0 }, a4[3] = { 0, 0, 0 }, c2 = 0, c4 = 0;
      double count = 0, origins = 0;

      /* At most ~10⁶ ion-origins per lag: enough for a fourth moment. */
      if ((double) (T - k) / stride * N > 1e6)
        stride = (guint) ceil ((double) (T - k) * N / 1e6);
      for (guint t = 0; t + k < T; t += stride)
        {
          double sum[3] = { 0, 0, 0 }, r2;

          for (guint i = 0; i < N; i++)
            {
              const double *p = sp_trajectory_position (trajectory, t, i);
              const double *q = sp_trajectory_position (trajectory, t + k, i);
              double d2 = 0;

              for (guint a = 0; a < 3; a++)
                {
                  double d = q[a] - p[a];

                  sum[a] += d;
                  a2[a] += d * d;
                  a4[a] += d * d * d * d;
                  d2 += d * d;
                }
              s2 += d2;
              s4 += d2 * d2;
            }
          r2 = sum[0] * sum[0] + sum[1] * sum[1] + sum[2] * sum[2];
          c2 += r2;
          c4 += r2 * r2;
          count += N;
          origins += 1;
        }
#define SP_POOL(m2sum, m4sum, cnt, d, acc, used)                                \
      G_STMT_START {                                                            \
        double mean2 = (m2sum) / (cnt), var = (m4sum) / (cnt) - mean2 * mean2;  \
        double r = var / ((2.0 / (d)) * mean2 * mean2);                         \
        if ((cnt) >= 2 && isfinite (r) && r > 0)                                \
          {                                                                     \
            acc += r;                                                           \
            used++;                                                             \
          }                                                                     \
      } G_STMT_END
      SP_POOL (s2, s4, count, 3.0, ratio_total, used_total);
      for (guint a = 0; a < 3; a++)
        SP_POOL (a2[a], a4[a], count, 1.0, ratio_axis[a], used_axis[a]);
      SP_POOL (c2, c4, origins, 3.0, ratio_coll, used_coll);
#undef SP_POOL
    }
  *g_total = used_total > 0 ? ratio_total / used_total : 1.0;
  for (guint a = 0; a < 3; a++)
    g_axis[a] = used_axis[a] > 0 ? ratio_axis[a] / used_axis[a] : 1.0;
  *g_collective = used_coll > 0 ? ratio_coll / used_coll : 1.0;
}
