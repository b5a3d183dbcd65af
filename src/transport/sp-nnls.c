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

typedef struct
{
  const double *a;
  guint         m, n;
  const double *b;
  gsl_matrix   *qr;     /* m × n, only the first k columns used */
  gsl_vector   *tau;
  gsl_vector   *rhs;
  gsl_vector   *sol;
  gsl_vector   *res;
  guint        *cols;   /* the passive columns, in order */
} Work;

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
  *status = gsl_linalg_QR_lssolve (&sub.matrix, &tau.vector, w->rhs, &sol.vector, w->res);
  if (*status != GSL_SUCCESS)
    return FALSE;
  for (guint c = 0; c < k; c++)
    z[w->cols[c]] = gsl_vector_get (&sol.vector, c);
  return TRUE;
}

/* w = Aᵀ (b − A x) */
static void
gradient (const Work   *w,
          const double *x,
          double       *grad,
          double       *r)
{
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

gboolean
sp_nnls_solve (const double *a,
               guint         m,
               guint         n,
               const double *b,
               double       *x,
               GError      **error)
{
  Work w = { a, m, n, b };
  g_autofree gboolean *passive = g_new0 (gboolean, n);
  g_autofree gboolean *refused = g_new0 (gboolean, n);
  g_autofree double *grad = g_new (double, n);
  g_autofree double *z = g_new (double, n);
  g_autofree double *r = g_new (double, m);
  double norm1 = 0, tol;
  gboolean ok = FALSE;
  int status = GSL_SUCCESS;

  g_return_val_if_fail (a != NULL && b != NULL && x != NULL, FALSE);
  g_return_val_if_fail (m > 0 && n > 0, FALSE);

  memset (x, 0, n * sizeof (double));
  /* The gradient below which a column is not worth admitting: round-off of
   * Aᵀ(b − Ax) (Lawson & Hanson's tolerance, as in their NNLS code). */
  for (guint j = 0; j < n; j++)
    {
      double s = 0;

      for (guint i = 0; i < m; i++)
        s += fabs (a[(gsize) i * n + j]);
      norm1 = MAX (norm1, s);
    }
  tol = 10 * DBL_EPSILON * norm1 * MAX (m, n);
  {
    double bnorm = 0;

    for (guint i = 0; i < m; i++)
      bnorm = MAX (bnorm, fabs (b[i]));
    tol *= MAX (bnorm, DBL_MIN);
  }

  w.qr = gsl_matrix_alloc (m, n);
  w.tau = gsl_vector_alloc (n);
  w.rhs = gsl_vector_alloc (m);
  w.sol = gsl_vector_alloc (n);
  w.res = gsl_vector_alloc (m);
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
