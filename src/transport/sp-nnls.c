/* sp-nnls.c — Lawson–Hanson non-negative least squares (see the header)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <float.h>
#include <glib/gi18n-lib.h>
#include <gsl/gsl_errno.h>
#include <gsl/gsl_linalg.h>
#include <math.h>
#include <string.h>

#include "sp-nnls.h"

/* One of two ways to the passive subproblems: Householder QR of A's
 * passive columns (a, b), or Cholesky of the passive block of the Gram
 * matrix H = AᵀA with c = Aᵀb (h, c; a is NULL). */
typedef struct
{
  const double *a;
  guint         m, n;
  const double *b;
  const double *h;
  const double *c;
  gsl_matrix   *qr;     /* m × n (QR) or n × n (Cholesky), first k columns used */
  gsl_vector   *tau;
  gsl_vector   *rhs;
  gsl_vector   *sol;
  gsl_vector   *res;
  guint        *cols;   /* the passive columns, in order */
} Work;

/* The passive block of H, Cholesky-factorised; FALSE when it is not
 * numerically positive definite (a dependent column). */
static gboolean
solve_passive_gram (Work   *w,
                    guint   k,
                    double *z,
                    int    *status)
{
  gsl_matrix_view sub = gsl_matrix_submatrix (w->qr, 0, 0, k, k);
  gsl_vector_view rhs = gsl_vector_subvector (w->rhs, 0, k);
  gsl_vector_view sol = gsl_vector_subvector (w->sol, 0, k);
  gsl_vector_view work = gsl_vector_subvector (w->res, 0, 3 * k);
  double rcond = 0;

  for (guint r = 0; r < k; r++)
    {
      for (guint c = 0; c < k; c++)
        gsl_matrix_set (&sub.matrix, r, c, w->h[(gsize) w->cols[r] * w->n + w->cols[c]]);
      gsl_vector_set (&rhs.vector, r, w->c[w->cols[r]]);
    }
  /* Not positive definite is an answer here, not a failure. */
  if (gsl_linalg_cholesky_decomp1 (&sub.matrix) != GSL_SUCCESS)
    return FALSE;
  *status = gsl_linalg_cholesky_rcond (&sub.matrix, &rcond, &work.vector);
  if (*status != GSL_SUCCESS)
    return FALSE;
  if (!(rcond > 1e-14))
    return FALSE;
  *status = gsl_linalg_cholesky_solve (&sub.matrix, &rhs.vector, &sol.vector);
  if (*status != GSL_SUCCESS)
    return FALSE;
  for (guint c = 0; c < k; c++)
    z[w->cols[c]] = gsl_vector_get (&sol.vector, c);
  return TRUE;
}

/* The unconstrained least-squares solution on the passive columns into
 * @z (zero elsewhere).  FALSE when those columns are (numerically)
 * dependent: the caller then refuses the column it just admitted. */
static gboolean
solve_passive (Work           *w,
               const gboolean *passive,
               double         *z,
               int            *status)
{
  guint k = 0;
  double r_max = 0, r_min = INFINITY;
  gsl_matrix_view sub;
  gsl_vector_view tau, sol;

  *status = GSL_SUCCESS;
  for (guint j = 0; j < w->n; j++)
    if (passive[j])
      w->cols[k++] = j;
  memset (z, 0, w->n * sizeof (double));
  if (k == 0)
    return TRUE;
  if (w->a == NULL)
    return solve_passive_gram (w, k, z, status);
  if (k > w->m)
    return FALSE;
  for (guint i = 0; i < w->m; i++)
    {
      for (guint c = 0; c < k; c++)
        gsl_matrix_set (w->qr, i, c, w->a[(gsize) i * w->n + w->cols[c]]);
      gsl_vector_set (w->rhs, i, w->b[i]);
    }
  sub = gsl_matrix_submatrix (w->qr, 0, 0, w->m, k);
  tau = gsl_vector_subvector (w->tau, 0, k);
  sol = gsl_vector_subvector (w->sol, 0, k);
  *status = gsl_linalg_QR_decomp (&sub.matrix, &tau.vector);
  if (*status != GSL_SUCCESS)
    return FALSE;
  for (guint c = 0; c < k; c++)
    {
      double r = fabs (gsl_matrix_get (&sub.matrix, c, c));

      r_max = MAX (r_max, r);
      r_min = MIN (r_min, r);
    }
  if (!(r_min > 1e-12 * r_max))
    return FALSE;
  {
    gsl_vector_view res = gsl_vector_subvector (w->res, 0, w->m);

    *status = gsl_linalg_QR_lssolve (&sub.matrix, &tau.vector, w->rhs, &sol.vector, &res.vector);
  }
  if (*status != GSL_SUCCESS)
    return FALSE;
  for (guint c = 0; c < k; c++)
    z[w->cols[c]] = gsl_vector_get (&sol.vector, c);
  return TRUE;
}

/* w = Aᵀ (b − A x) = c − H x */
static void
gradient (const Work   *w,
          const double *x,
          double       *grad,
          double       *r)
{
  if (w->a == NULL)
    {
      for (guint j = 0; j < w->n; j++)
        {
          double s = w->c[j];

          for (guint k = 0; k < w->n; k++)
            s -= w->h[(gsize) j * w->n + k] * x[k];
          grad[j] = s;
        }
      return;
    }
  for (guint i = 0; i < w->m; i++)
    {
      double s = w->b[i];

      for (guint j = 0; j < w->n; j++)
        s -= w->a[(gsize) i * w->n + j] * x[j];
      r[i] = s;
    }
  for (guint j = 0; j < w->n; j++)
    {
      double s = 0;

      for (guint i = 0; i < w->m; i++)
        s += w->a[(gsize) i * w->n + j] * r[i];
      grad[j] = s;
    }
}

/* The active-set iteration itself, on either way to the subproblems. */
static gboolean
lawson_hanson (Work    *wp,
               double   tol,
               double  *x,
               GError **error)
{
  Work w = *wp;
  guint n = w.n, m = w.a != NULL ? w.m : w.n;
  g_autofree gboolean *passive = g_new0 (gboolean, n);
  g_autofree gboolean *refused = g_new0 (gboolean, n);
  g_autofree double *grad = g_new (double, n);
  g_autofree double *z = g_new (double, n);
  g_autofree double *r = g_new (double, m);
  gboolean ok = FALSE;
  int status = GSL_SUCCESS;

  memset (x, 0, n * sizeof (double));
  w.qr = gsl_matrix_alloc (m, n);
  w.tau = gsl_vector_alloc (n);
  w.rhs = gsl_vector_alloc (m);
  w.sol = gsl_vector_alloc (n);
  w.res = gsl_vector_alloc (MAX (m, 3 * n));
  w.cols = g_new (guint, n);

  for (guint outer = 0; outer < 3 * n + 1; outer++)
    {
      guint best = G_MAXUINT;
      double best_grad = tol;

      gradient (&w, x, grad, r);
      for (guint j = 0; j < n; j++)
        if (!passive[j] && !refused[j] && grad[j] > best_grad)
          {
            best_grad = grad[j];
            best = j;
          }
      if (best == G_MAXUINT)
        {
          ok = TRUE;
          break;
        }
      passive[best] = TRUE;

      for (guint inner = 0;; inner++)
        {
          double alpha = INFINITY;
          gboolean feasible = TRUE;

          if (inner > 30 * n)
            goto out;
          if (!solve_passive (&w, passive, z, &status) || (inner == 0 && z[best] <= 0))
            {
              if (status != GSL_SUCCESS)
                goto out;
              /* Dependent on the passive columns, or pointing the wrong
               * way by round-off: refuse it until x changes. */
              passive[best] = FALSE;
              refused[best] = TRUE;
              break;
            }
          for (guint j = 0; j < n; j++)
            if (passive[j] && z[j] <= 0)
              {
                feasible = FALSE;
                alpha = MIN (alpha, x[j] / (x[j] - z[j]));
              }
          if (feasible)
            {
              memcpy (x, z, n * sizeof (double));
              memset (refused, 0, n * sizeof (gboolean));
              break;
            }
          /* Step from x towards z up to the first bound; whatever reaches
           * zero leaves the passive set. */
          for (guint j = 0; j < n; j++)
            {
              x[j] += alpha * (z[j] - x[j]);
              if (passive[j] && x[j] <= 0)
                {
                  passive[j] = FALSE;
                  x[j] = 0;
                }
            }
          for (guint j = 0; j < n; j++)
            if (!passive[j])
              x[j] = 0;
          memset (refused, 0, n * sizeof (gboolean));
        }
    }

out:
  gsl_matrix_free (w.qr);
  gsl_vector_free (w.tau);
  gsl_vector_free (w.rhs);
  gsl_vector_free (w.sol);
  gsl_vector_free (w.res);
  g_free (w.cols);
  if (!ok)
    {
      if (status != GSL_SUCCESS)
        g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                     _("the non-negative least-squares solve failed: %s"), gsl_strerror (status));
      else
        g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                     _("the non-negative least-squares solve did not converge"));
    }
  return ok;
}

gboolean
sp_nnls_solve (const double *a,
               guint         m,
               guint         n,
               const double *b,
               double       *x,
               GError      **error)
{
  Work w = { .a = a, .m = m, .n = n, .b = b };
  double norm1 = 0, bnorm = 0;

  g_return_val_if_fail (a != NULL && b != NULL && x != NULL, FALSE);
  g_return_val_if_fail (m > 0 && n > 0, FALSE);

  /* The gradient below which a column is not worth admitting: round-off of
   * Aᵀ(b − Ax) (Lawson & Hanson's tolerance, as in their NNLS code). */
  for (guint j = 0; j < n; j++)
    {
      double s = 0;

      for (guint i = 0; i < m; i++)
        s += fabs (a[(gsize) i * n + j]);
      norm1 = MAX (norm1, s);
    }
  for (guint i = 0; i < m; i++)
    bnorm = MAX (bnorm, fabs (b[i]));
  return lawson_hanson (&w, 10 * DBL_EPSILON * norm1 * MAX (m, n) * MAX (bnorm, DBL_MIN),
                        x, error);
}

gboolean
sp_nnls_solve_gram (const double *h,
                    const double *c,
                    guint         n,
                    double       *x,
                    GError      **error)
{
  Work w = { .n = n, .h = h, .c = c };
  double scale = 0;

  g_return_val_if_fail (h != NULL && c != NULL && x != NULL, FALSE);
  g_return_val_if_fail (n > 0, FALSE);

  /* c − Hx carries the round-off of H's largest entries times x. */
  for (guint j = 0; j < n; j++)
    scale = MAX (scale, fabs (c[j]));
  return lawson_hanson (&w, 100 * DBL_EPSILON * n * MAX (scale, DBL_MIN), x, error);
}
