/* sp-drt.c — the distribution of relaxation times (see the header)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <gsl/gsl_blas.h>
#include <gsl/gsl_eigen.h>
#include <gsl/gsl_errno.h>
#include <gsl/gsl_integration.h>
#include <gsl/gsl_linalg.h>
#include <gsl/gsl_min.h>
#include <gsl/gsl_sf_erf.h>
#include <math.h>
#include <string.h>

#include "sp-drt.h"
#include "sp-nnls.h"

#define KERNEL_REACH     7.0     /* |s| ≤ 7/ε: the Gaussian below e^−49   */
#define KERNEL_EPSREL    1e-13
#define QUAD_LIMIT       200
#define GCV_LOG_MIN      (-7.0)
#define GCV_LOG_MAX      0.0
#define GCV_LOG_STEP     0.5
#define GCV_REFINE_ITERS 40
#define OUT_PER_SPACING  10
#define MIN_POINTS       5
#define MAX_POINTS       10000u
/* More centres than this resolve nothing more (a Gaussian is two spacings
 * wide) and cost O(n³) in the GCV and NNLS solves. */
#define MAX_BASIS        120

void
sp_drt_options_init (SpDrtOptions *options)
{
  g_return_if_fail (options != NULL);

  memset (options, 0, sizeof *options);
  options->gcv = TRUE;
  options->lambda = 1e-3;
  options->derivative = 1;
  options->fwhm_coefficient = 0.5;
  options->fit_inductance = TRUE;
  options->peak_threshold = 0.01;
}

/* ---- the discretisation integrals ------------------------------------- */

typedef struct
{
  double u, epsilon;
} KernelArgs;

/* 1/(1 + e^(2v)) without overflow. */
static double
logistic_down (double v)
{
  if (v > 0)
    {
      double e = exp (-2 * v);

      return e / (1 + e);
    }
  return 1 / (1 + exp (2 * v));
}

static double
integrand_re (double   s,
              void    *data)
{
  const KernelArgs *k = data;

  return exp (-k->epsilon * k->epsilon * s * s) * logistic_down (s + k->u);
}

static double
integrand_im (double   s,
              void    *data)
{
  const KernelArgs *k = data;
  double v = fabs (s + k->u), e = exp (-v);

  /* 1/(2 cosh v) = e^−|v| / (1 + e^−2|v|) */
  return exp (-k->epsilon * k->epsilon * s * s) * e / (1 + e * e);
}

static int
kernel_integral (gboolean                    imag,
                 double                      u,
                 double                      epsilon,
                 gsl_integration_workspace  *ws,
                 double                     *out)
{
  KernelArgs args = { u, epsilon };
  gsl_function f = { imag ? integrand_im : integrand_re, &args };
  double reach = KERNEL_REACH / epsilon, abserr;
  /* The whole Gaussian integrates to √π/ε: an absolute floor far below
   * anything that matters next to it. */
  double epsabs = 1e-16 * sqrt (G_PI) / epsilon;
  int status;

  status = gsl_integration_qag (&f, -reach, reach, epsabs, KERNEL_EPSREL, QUAD_LIMIT,
                                GSL_INTEG_GAUSS41, ws, out, &abserr);
  /* Round-off may stop the last digits; the value is still that close. */
  if (status == GSL_EROUND)
    status = GSL_SUCCESS;
  if (imag)
    *out = -*out;
  return status;
}

static double
kernel_public (gboolean imag,
               double   u,
               double   epsilon)
{
  gsl_integration_workspace *ws = gsl_integration_workspace_alloc (QUAD_LIMIT);
  double v = NAN;

  if (kernel_integral (imag, u, epsilon, ws, &v) != GSL_SUCCESS)
    v = NAN;
  gsl_integration_workspace_free (ws);
  return v;
}

double
sp_drt_kernel_re (double u,
                  double epsilon)
{
  return kernel_public (FALSE, u, epsilon);
}

double
sp_drt_kernel_im (double u,
                  double epsilon)
{
  return kernel_public (TRUE, u, epsilon);
}

double
sp_drt_penalty (double d,
                double epsilon,
                guint  derivative)
{
  double e2d2 = epsilon * epsilon * d * d, g = sqrt (G_PI / 2) * exp (-e2d2 / 2);

  if (derivative == 2)
    return g * pow (epsilon, 3) * (3 - 6 * e2d2 + e2d2 * e2d2);
  return g * epsilon * (1 - e2d2);
}

/* ---- the problem ------------------------------------------------------- */

static guint
basis_stride (guint n_points)
{
  return (n_points - 1 + MAX_BASIS - 2) / (MAX_BASIS - 1);
}

static guint
basis_count (guint n_points)
{
  guint stride = basis_stride (n_points);

  return (n_points - 1 + stride - 1) / stride + 1;
}

typedef struct
{
  guint       n;          /* points                                     */
  guint       rows;       /* 2n: real parts, then imaginary parts       */
  guint       p;          /* unknowns: R∞, [L], x₁ … x_nb               */
  guint       nb;
  guint       first_basis;
  double     *omega;
  double     *z;          /* rows                                       */
  gsl_matrix *a;          /* rows × p, columns scaled to unit norm      */
  double     *scale;      /* x = scale · x̃                              */
  gsl_matrix *m;          /* p × p penalty in the scaled unknowns       */
  gsl_matrix *g;          /* ÃᵀÃ                                        */
  gsl_vector *c;          /* ÃᵀZ                                        */
} Problem;

static void
problem_clear (Problem *pr)
{
  g_free (pr->omega);
  g_free (pr->z);
  g_free (pr->scale);
  g_clear_pointer (&pr->a, gsl_matrix_free);
  g_clear_pointer (&pr->m, gsl_matrix_free);
  g_clear_pointer (&pr->g, gsl_matrix_free);
  g_clear_pointer (&pr->c, gsl_vector_free);
}

static gboolean
check_input (const SpEisSpectrum *s,
             const SpDrtOptions  *o,
             GError             **error)
{
  if (s->n_points < MIN_POINTS)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("the DRT needs at least %u points, the spectrum has %u"),
                   MIN_POINTS, s->n_points);
      return FALSE;
    }
  if (s->n_points > MAX_POINTS)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("the DRT takes at most %u points, the spectrum has %u"),
                   MAX_POINTS, s->n_points);
      return FALSE;
    }
  for (guint i = 0; i < s->n_points; i++)
    {
      if (!(isfinite (s->freq_hz[i]) && s->freq_hz[i] > 0))
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                       _("point %u: the frequency must be a positive number of hertz, not %g"),
                       i + 1, s->freq_hz[i]);
          return FALSE;
        }
      if (!(isfinite (s->z_re_ohm[i]) && isfinite (s->z_im_ohm[i])))
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                       _("point %u (%g Hz): the impedance must be finite"),
                       i + 1, s->freq_hz[i]);
          return FALSE;
        }
    }
  if (!sp_eis_spectrum_check_distinct_frequencies (s, error))
    return FALSE;
  if (o->derivative != 1 && o->derivative != 2)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("the penalised derivative must be 1 or 2, not %u"), o->derivative);
      return FALSE;
    }
  if (!o->gcv && !(isfinite (o->lambda) && o->lambda > 0))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("the regularisation parameter λ must be a positive number, not %g"),
                   o->lambda);
      return FALSE;
    }
  if (!(o->fwhm_coefficient > 0 && o->fwhm_coefficient <= 10))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("the RBF width coefficient must lie in (0, 10], not %g"),
                   o->fwhm_coefficient);
      return FALSE;
    }
  if (!(o->peak_threshold >= 0 && o->peak_threshold < 1))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("the peak threshold must lie in [0, 1), not %g"), o->peak_threshold);
      return FALSE;
    }
  return TRUE;
}

/* Builds A (with every discretisation integral computed once per distinct
 * u: on a log-even grid the matrix is Toeplitz), the scaling and the
 * penalty. */
static gboolean
problem_init (Problem             *pr,
              const SpEisSpectrum *s,
              const SpDrtOptions  *o,
              double              *centres,
              double              *epsilon,
              GError             **error)
{
  double w_min = INFINITY, w_max = 0, spacing;
  g_autoptr(GHashTable) cache = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  gsl_integration_workspace *ws;
  gboolean ok = TRUE;

  pr->n = s->n_points;
  pr->rows = 2 * pr->n;
  pr->nb = basis_count (pr->n);
  pr->first_basis = o->fit_inductance ? 2 : 1;
  pr->p = pr->first_basis + pr->nb;
  pr->omega = g_new (double, pr->n);
  pr->z = g_new (double, pr->rows);
  for (guint i = 0; i < pr->n; i++)
    {
      pr->omega[i] = 2 * G_PI * s->freq_hz[i];
      pr->z[i] = s->z_re_ohm[i];
      pr->z[pr->n + i] = s->z_im_ohm[i];
      w_min = MIN (w_min, pr->omega[i]);
      w_max = MAX (w_max, pr->omega[i]);
    }
  /* One centre per point's spacing, or every stride-th spacing on long
   * spectra: on a log-even grid each ln ω + yₙ is then one of few values
   * and the integrals are shared (the last centre may lie up to a stride
   * beyond 1/ω_min). */
  spacing = (log (w_max) - log (w_min)) / (pr->n - 1) * basis_stride (pr->n);
  for (guint k = 0; k < pr->nb; k++)
    centres[k] = -log (w_max) + spacing * k;
  *epsilon = o->fwhm_coefficient * 2 * sqrt (G_LN2) / spacing;

  pr->a = gsl_matrix_calloc (pr->rows, pr->p);
  ws = gsl_integration_workspace_alloc (QUAD_LIMIT);
  for (guint i = 0; i < pr->n && ok; i++)
    {
      double lw = log (pr->omega[i]);

      gsl_matrix_set (pr->a, i, 0, 1);                       /* R∞ */
      if (o->fit_inductance)
        gsl_matrix_set (pr->a, pr->n + i, 1, pr->omega[i]);  /* L  */
      for (guint k = 0; k < pr->nb && ok; k++)
        {
          double u = lw + centres[k];
          gint64 key = (gint64) llround (u * 1e11);
          double *v = g_hash_table_lookup (cache, &key);

          if (v == NULL)
            {
              v = g_new (double, 2);
              if (kernel_integral (FALSE, u, *epsilon, ws, &v[0]) != GSL_SUCCESS ||
                  kernel_integral (TRUE, u, *epsilon, ws, &v[1]) != GSL_SUCCESS)
                ok = FALSE;
              g_hash_table_insert (cache, g_memdup2 (&key, sizeof key), v);
            }
          gsl_matrix_set (pr->a, i, pr->first_basis + k, v[0]);
          gsl_matrix_set (pr->a, pr->n + i, pr->first_basis + k, v[1]);
        }
    }
  gsl_integration_workspace_free (ws);
  if (!ok)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   _("a DRT discretisation integral did not converge"));
      return FALSE;
    }

  /* Unit-norm columns: L's column is ω (up to 1e7) against O(1) others. */
  pr->scale = g_new (double, pr->p);
  for (guint j = 0; j < pr->p; j++)
    {
      gsl_vector_view col = gsl_matrix_column (pr->a, j);
      double norm = gsl_blas_dnrm2 (&col.vector);

      pr->scale[j] = norm > 0 ? 1 / norm : 1;
      gsl_vector_scale (&col.vector, pr->scale[j]);
    }
  pr->m = gsl_matrix_calloc (pr->p, pr->p);
  for (guint i = 0; i < pr->nb; i++)
    for (guint j = 0; j < pr->nb; j++)
      gsl_matrix_set (pr->m, pr->first_basis + i, pr->first_basis + j,
                      sp_drt_penalty (centres[i] - centres[j], *epsilon, o->derivative) *
                      pr->scale[pr->first_basis + i] * pr->scale[pr->first_basis + j]);
  pr->g = gsl_matrix_alloc (pr->p, pr->p);
  pr->c = gsl_vector_alloc (pr->p);
  gsl_blas_dgemm (CblasTrans, CblasNoTrans, 1, pr->a, pr->a, 0, pr->g);
  {
    gsl_vector_const_view zv = gsl_vector_const_view_array (pr->z, pr->rows);

    gsl_blas_dgemv (CblasTrans, 1, pr->a, &zv.vector, 0, pr->c);
  }
  return TRUE;
}

/* ---- generalised cross-validation -------------------------------------- */

typedef struct
{
  const Problem *pr;
  gsl_matrix    *h;
  gsl_vector    *x;
  gsl_vector    *r;
} Gcv;

/* GCV(λ) of the unconstrained problem; +∞ where AᵀA + λM is not
 * numerically positive definite. */
static double
gcv_score (Gcv    *gcv,
           double  log10_lambda)
{
  const Problem *pr = gcv->pr;
  double lambda = pow (10, log10_lambda), trace_k = 0, rss, n = pr->rows;
  gsl_vector_const_view zv = gsl_vector_const_view_array (pr->z, pr->rows);

  gsl_matrix_memcpy (gcv->h, pr->g);
  for (guint i = 0; i < pr->p; i++)
    for (guint j = 0; j < pr->p; j++)
      gsl_matrix_set (gcv->h, i, j, gsl_matrix_get (gcv->h, i, j) +
                                    lambda * gsl_matrix_get (pr->m, i, j));
  if (gsl_linalg_cholesky_decomp1 (gcv->h) != GSL_SUCCESS)
    return INFINITY;
  if (gsl_linalg_cholesky_solve (gcv->h, pr->c, gcv->x) != GSL_SUCCESS)
    return INFINITY;
  gsl_vector_memcpy (gcv->r, &zv.vector);
  gsl_blas_dgemv (CblasNoTrans, -1, pr->a, gcv->x, 1, gcv->r);
  gsl_blas_ddot (gcv->r, gcv->r, &rss);
  /* tr K = tr((AᵀA + λM)⁻¹ AᵀA) */
  if (gsl_linalg_cholesky_invert (gcv->h) != GSL_SUCCESS)
    return INFINITY;
  for (guint i = 0; i < pr->p; i++)
    for (guint j = 0; j < pr->p; j++)
      trace_k += gsl_matrix_get (gcv->h, i, j) * gsl_matrix_get (pr->g, j, i);
  if (!(n - trace_k > 0))
    return INFINITY;
  return n * rss / ((n - trace_k) * (n - trace_k));
}

static double
gcv_for_min (double  x,
             void   *data)
{
  double v = gcv_score (data, x);

  /* gsl_min needs finite values. */
  return isfinite (v) ? v : G_MAXDOUBLE;
}

static gboolean
choose_lambda (const Problem *pr,
               GCancellable  *cancellable,
               SpDrtProgress  progress,
               gpointer       user_data,
               double        *lambda,
               double        *score,
               GError       **error)
{
  guint n_grid = (guint) floor ((GCV_LOG_MAX - GCV_LOG_MIN) / GCV_LOG_STEP + 0.5) + 1;
  g_autofree double *values = g_new (double, n_grid);
  double total = n_grid + GCV_REFINE_ITERS, best_x;
  guint best = 0;
  Gcv gcv = { pr, gsl_matrix_alloc (pr->p, pr->p), gsl_vector_alloc (pr->p),
              gsl_vector_alloc (pr->rows) };
  gboolean ok = TRUE;

  for (guint i = 0; i < n_grid; i++)
    {
      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        {
          ok = FALSE;
          goto out;
        }
      values[i] = gcv_score (&gcv, GCV_LOG_MIN + GCV_LOG_STEP * i);
      if (values[i] < values[best])
        best = i;
      if (progress != NULL)
        progress ((i + 1) / total, user_data);
    }
  if (!isfinite (values[best]))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   _("generalised cross-validation found no usable λ"));
      ok = FALSE;
      goto out;
    }
  best_x = GCV_LOG_MIN + GCV_LOG_STEP * best;
  *score = values[best];
  /* Refine between the grid neighbours when the minimum is inside. */
  if (best > 0 && best + 1 < n_grid &&
      values[best] < values[best - 1] && values[best] < values[best + 1])
    {
      gsl_min_fminimizer *min = gsl_min_fminimizer_alloc (gsl_min_fminimizer_brent);
      gsl_function f = { gcv_for_min, &gcv };
      int status = gsl_min_fminimizer_set_with_values (min, &f, best_x, values[best],
                                                       best_x - GCV_LOG_STEP, values[best - 1],
                                                       best_x + GCV_LOG_STEP, values[best + 1]);

      for (guint it = 0; status == GSL_SUCCESS && it < GCV_REFINE_ITERS; it++)
        {
          double lo, hi;

          if (g_cancellable_set_error_if_cancelled (cancellable, error))
            {
              ok = FALSE;
              break;
            }
          status = gsl_min_fminimizer_iterate (min);
          lo = gsl_min_fminimizer_x_lower (min);
          hi = gsl_min_fminimizer_x_upper (min);
          if (progress != NULL)
            progress ((n_grid + it + 1) / total, user_data);
          if (gsl_min_test_interval (lo, hi, 1e-3, 0) == GSL_SUCCESS)
            break;
        }
      if (ok && status == GSL_SUCCESS && gsl_min_fminimizer_f_minimum (min) <= *score)
        {
          best_x = gsl_min_fminimizer_x_minimum (min);
          *score = gsl_min_fminimizer_f_minimum (min);
        }
      gsl_min_fminimizer_free (min);
    }
  *lambda = pow (10, best_x);
  if (ok && progress != NULL)
    progress (1, user_data);

out:
  gsl_matrix_free (gcv.h);
  gsl_vector_free (gcv.x);
  gsl_vector_free (gcv.r);
  return ok;
}

/* ---- the constrained solve --------------------------------------------- */

/* min ‖Ãx̃ − Z‖² + λ x̃ᵀM̃x̃, γ part ≥ 0 (R∞, L too unless @free), as NNLS:
 * first in Gram form, H = ÃᵀÃ + λM̃ and c = ÃᵀZ (fast: O(p³) per passive
 * set); should that fail, on the stacked matrix [Ã; √λ Λ^½ Vᵀ]
 * (M̃ = V Λ Vᵀ) by QR.  Free unknowns are split as x⁺ − x⁻.  Writes the
 * unscaled unknowns. */
static gboolean
solve_nonnegative (const Problem *pr,
                   double         lambda,
                   gboolean       free_series,
                   double        *x,
                   GError       **error)
{
  guint n_free = free_series ? pr->first_basis : 0, cols = pr->p + n_free;
  g_autofree double *sol = g_new (double, cols);
  gboolean ok;

  {
    g_autofree double *h = g_new (double, (gsize) cols * cols);
    g_autofree double *c = g_new (double, cols);

    /* Column j ≥ p is −(column j − p): its Gram entries change sign once
     * for each such index. */
    for (guint i = 0; i < cols; i++)
      {
        guint si = i < pr->p ? i : i - pr->p;
        double sign_i = i < pr->p ? 1 : -1;

        c[i] = sign_i * gsl_vector_get (pr->c, si);
        for (guint j = 0; j < cols; j++)
          {
            guint sj = j < pr->p ? j : j - pr->p;
            double sign = sign_i * (j < pr->p ? 1 : -1);

            h[(gsize) i * cols + j] = sign * (gsl_matrix_get (pr->g, si, sj) +
                                              lambda * gsl_matrix_get (pr->m, si, sj));
          }
      }
    ok = sp_nnls_solve_gram (h, c, cols, sol, NULL);
  }
  if (!ok)
    {
      guint rows = pr->rows + pr->p;
      g_autofree double *e = g_new0 (double, (gsize) rows * cols);
      g_autofree double *f = g_new0 (double, rows);
      gsl_matrix *mcopy = gsl_matrix_alloc (pr->p, pr->p);
      gsl_vector *eval = gsl_vector_alloc (pr->p);
      gsl_matrix *evec = gsl_matrix_alloc (pr->p, pr->p);
      gsl_eigen_symmv_workspace *ews = gsl_eigen_symmv_alloc (pr->p);
      int status;

      gsl_matrix_memcpy (mcopy, pr->m);
      status = gsl_eigen_symmv (mcopy, eval, evec, ews);
      gsl_eigen_symmv_free (ews);
      gsl_matrix_free (mcopy);
      if (status != GSL_SUCCESS)
        {
          gsl_vector_free (eval);
          gsl_matrix_free (evec);
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                       _("the DRT penalty matrix could not be decomposed: %s"),
                       gsl_strerror (status));
          return FALSE;
        }
      for (guint i = 0; i < pr->rows; i++)
        {
          for (guint j = 0; j < pr->p; j++)
            e[(gsize) i * cols + j] = gsl_matrix_get (pr->a, i, j);
          f[i] = pr->z[i];
        }
      for (guint k = 0; k < pr->p; k++)
        {
          /* Row k of Λ^½ Vᵀ: √λₖ times eigenvector k (round-off may leave
           * a tiny negative λₖ on this positive semi-definite matrix). */
          double root = sqrt (lambda * MAX (gsl_vector_get (eval, k), 0));

          for (guint j = 0; j < pr->p; j++)
            e[(gsize) (pr->rows + k) * cols + j] = root * gsl_matrix_get (evec, j, k);
        }
      for (guint j = 0; j < n_free; j++)
        for (guint i = 0; i < rows; i++)
          e[(gsize) i * cols + pr->p + j] = -e[(gsize) i * cols + j];
      gsl_vector_free (eval);
      gsl_matrix_free (evec);
      if (!sp_nnls_solve (e, rows, cols, f, sol, error))
        return FALSE;
    }
  for (guint j = 0; j < pr->p; j++)
    x[j] = (sol[j] - (j < n_free ? sol[pr->p + j] : 0)) * pr->scale[j];
  return TRUE;
}

/* ---- the result -------------------------------------------------------- */

/* γ and its first two derivatives at y = ln τ. */
static void
gamma_derivatives (const SpDrtResult *r,
                   double             y,
                   double            *g0,
                   double            *g1,
                   double            *g2)
{
  double e2 = r->epsilon * r->epsilon, a = 0, b = 0, c = 0;

  for (guint k = 0; k < r->n_basis; k++)
    {
      double s = y - r->centre_ln_tau[k], phi = r->weight_ohm[k] * exp (-e2 * s * s);

      a += phi;
      b += -2 * e2 * s * phi;
      c += (4 * e2 * e2 * s * s - 2 * e2) * phi;
    }
  *g0 = a;
  if (g1 != NULL)
    *g1 = b;
  if (g2 != NULL)
    *g2 = c;
}

double
sp_drt_result_gamma (const SpDrtResult *r,
                     double             tau_s)
{
  double g;

  g_return_val_if_fail (r != NULL, NAN);
  gamma_derivatives (r, log (tau_s), &g, NULL, NULL);
  return g;
}

static double
integral_ln (const SpDrtResult *r,
             double             y_lo,
             double             y_hi)
{
  double sum = 0, half = sqrt (G_PI) / (2 * r->epsilon);

  for (guint k = 0; k < r->n_basis; k++)
    {
      double lo = isinf (y_lo) ? -1 : gsl_sf_erf (r->epsilon * (y_lo - r->centre_ln_tau[k]));
      double hi = isinf (y_hi) ? 1 : gsl_sf_erf (r->epsilon * (y_hi - r->centre_ln_tau[k]));

      sum += r->weight_ohm[k] * half * (hi - lo);
    }
  return sum;
}

double
sp_drt_result_integral (const SpDrtResult *r,
                        double             tau_lo_s,
                        double             tau_hi_s)
{
  g_return_val_if_fail (r != NULL, NAN);
  return integral_ln (r, tau_lo_s > 0 ? log (tau_lo_s) : -INFINITY,
                      isinf (tau_hi_s) ? INFINITY : log (tau_hi_s));
}

/* The stationary point of γ next to grid point @y0, inside [@lo, @hi]
 * (Newton on γ′; the grid point itself if Newton leaves the bracket). */
static double
stationary_point (const SpDrtResult *r,
                  double             y0,
                  double             lo,
                  double             hi)
{
  double y = y0;

  for (guint it = 0; it < 30; it++)
    {
      double g0, g1, g2, step;

      gamma_derivatives (r, y, &g0, &g1, &g2);
      if (g2 == 0)
        break;
      step = g1 / g2;
      y -= step;
      if (y < lo || y > hi || !isfinite (y))
        return y0;
      if (fabs (step) < 1e-12)
        break;
    }
  return y;
}

static void
find_peaks (SpDrtResult *r,
            double       threshold)
{
  double g_max = 0, *ln_tau = g_new (double, r->n_out);
  GArray *peaks = g_array_new (FALSE, TRUE, sizeof (SpDrtPeak));
  GArray *at = g_array_new (FALSE, FALSE, sizeof (guint));

  for (guint i = 0; i < r->n_out; i++)
    {
      ln_tau[i] = log (r->tau_s[i]);
      g_max = MAX (g_max, r->gamma_ohm[i]);
    }
  for (guint i = 1; i + 1 < r->n_out; i++)
    if (r->gamma_ohm[i] > r->gamma_ohm[i - 1] && r->gamma_ohm[i] >= r->gamma_ohm[i + 1] &&
        r->gamma_ohm[i] > threshold * g_max && r->gamma_ohm[i] > 0)
      g_array_append_val (at, i);

  for (guint p = 0; p < at->len; p++)
    {
      guint i = g_array_index (at, guint, p);
      double y = stationary_point (r, ln_tau[i], ln_tau[i - 1], ln_tau[i + 1]);
      double y_lo = -INFINITY, y_hi = INFINITY;
      SpDrtPeak peak = { 0 };

      /* The minima between this peak and its neighbours. */
      for (int side = 0; side < 2; side++)
        {
          guint from, to, lowest;

          if (side == 0 && p == 0)
            continue;
          if (side == 1 && p + 1 == at->len)
            continue;
          from = side == 0 ? g_array_index (at, guint, p - 1) : i;
          to = side == 0 ? i : g_array_index (at, guint, p + 1);
          lowest = from;
          for (guint k = from; k <= to; k++)
            if (r->gamma_ohm[k] < r->gamma_ohm[lowest])
              lowest = k;
          {
            double y_min = lowest > 0 && lowest + 1 < r->n_out
                           ? stationary_point (r, ln_tau[lowest], ln_tau[lowest - 1],
                                               ln_tau[lowest + 1])
                           : ln_tau[lowest];

            if (side == 0)
              y_lo = y_min;
            else
              y_hi = y_min;
          }
        }
      peak.tau_s = exp (y);
      peak.freq_hz = 1 / (2 * G_PI * peak.tau_s);
      gamma_derivatives (r, y, &peak.gamma_ohm, NULL, NULL);
      peak.resistance_ohm = integral_ln (r, y_lo, y_hi);
      peak.capacitance_f = peak.resistance_ohm > 0 ? peak.tau_s / peak.resistance_ohm : NAN;
      peak.tau_lo_s = isinf (y_lo) ? 0 : exp (y_lo);
      peak.tau_hi_s = isinf (y_hi) ? INFINITY : exp (y_hi);
      g_array_append_val (peaks, peak);
    }
  r->n_peaks = peaks->len;
  r->peaks = (SpDrtPeak *) g_array_free (peaks, FALSE);
  g_array_free (at, TRUE);
  g_free (ln_tau);
}

SpDrtResult *
sp_drt_compute (const SpEisSpectrum *spectrum,
                const SpDrtOptions  *options,
                GCancellable        *cancellable,
                SpDrtProgress        progress,
                gpointer             user_data,
                GError             **error)
{
  SpDrtOptions defaults;
  Problem pr = { 0 };
  SpDrtResult *r;
  g_autofree double *x = NULL;
  double lambda, score = NAN, spacing, y_first, y_last;

  g_return_val_if_fail (spectrum != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (options == NULL)
    {
      sp_drt_options_init (&defaults);
      options = &defaults;
    }
  if (!check_input (spectrum, options, error))
    return NULL;

  r = g_new0 (SpDrtResult, 1);
  r->n_basis = basis_count (spectrum->n_points);
  r->centre_ln_tau = g_new (double, r->n_basis);
  r->weight_ohm = g_new0 (double, r->n_basis);
  r->derivative = options->derivative;
  if (!problem_init (&pr, spectrum, options, r->centre_ln_tau, &r->epsilon, error))
    goto fail;

  if (options->gcv)
    {
      if (!choose_lambda (&pr, cancellable, progress, user_data, &lambda, &score, error))
        goto fail;
    }
  else
    lambda = options->lambda;
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    goto fail;
  x = g_new (double, pr.p);
  if (!solve_nonnegative (&pr, lambda, options->free_r_inf_l, x, error))
    goto fail;

  r->lambda = lambda;
  r->lambda_from_gcv = options->gcv;
  r->gcv_score = options->gcv ? score : NAN;
  r->r_inf_ohm = x[0];
  r->inductance_h = options->fit_inductance ? x[1] : 0;
  memcpy (r->weight_ohm, x + pr.first_basis, r->n_basis * sizeof (double));
  r->polarisation_ohm = integral_ln (r, -INFINITY, INFINITY);

  /* γ on the fine grid. */
  spacing = r->centre_ln_tau[1] - r->centre_ln_tau[0];
  y_first = r->centre_ln_tau[0] - G_LN10 / 2;
  y_last = r->centre_ln_tau[r->n_basis - 1] + G_LN10 / 2;
  r->n_out = (guint) ceil ((y_last - y_first) / (spacing / OUT_PER_SPACING)) + 1;
  r->tau_s = g_new (double, r->n_out);
  r->gamma_ohm = g_new (double, r->n_out);
  for (guint i = 0; i < r->n_out; i++)
    {
      double y = y_first + (y_last - y_first) * i / (r->n_out - 1);

      r->tau_s[i] = exp (y);
      gamma_derivatives (r, y, &r->gamma_ohm[i], NULL, NULL);
    }

  /* The fitted spectrum and its residuals. */
  r->n_points = pr.n;
  r->freq_hz = g_memdup2 (spectrum->freq_hz, pr.n * sizeof (double));
  r->z_fit_re_ohm = g_new (double, pr.n);
  r->z_fit_im_ohm = g_new (double, pr.n);
  r->residual_re = g_new (double, pr.n);
  r->residual_im = g_new (double, pr.n);
  for (guint i = 0; i < pr.n; i++)
    {
      double zr = 0, zi = 0, mod = hypot (pr.z[i], pr.z[pr.n + i]);

      /* A holds scaled columns: Ã x̃ with x̃ = x / scale. */
      for (guint j = 0; j < pr.p; j++)
        {
          zr += gsl_matrix_get (pr.a, i, j) * x[j] / pr.scale[j];
          zi += gsl_matrix_get (pr.a, pr.n + i, j) * x[j] / pr.scale[j];
        }
      r->z_fit_re_ohm[i] = zr;
      r->z_fit_im_ohm[i] = zi;
      r->residual_re[i] = mod > 0 ? (pr.z[i] - zr) / mod : 0;
      r->residual_im[i] = mod > 0 ? (pr.z[pr.n + i] - zi) / mod : 0;
    }
  find_peaks (r, options->peak_threshold);
  problem_clear (&pr);
  return r;

fail:
  problem_clear (&pr);
  sp_drt_result_free (r);
  return NULL;
}

void
sp_drt_result_free (SpDrtResult *r)
{
  if (r == NULL)
    return;
  g_free (r->centre_ln_tau);
  g_free (r->weight_ohm);
  g_free (r->tau_s);
  g_free (r->gamma_ohm);
  g_free (r->freq_hz);
  g_free (r->z_fit_re_ohm);
  g_free (r->z_fit_im_ohm);
  g_free (r->residual_re);
  g_free (r->residual_im);
  g_free (r->peaks);
  g_free (r);
}
