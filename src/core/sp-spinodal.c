/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sp-spinodal.c — every interval where g'' < 0
 *
 * c(1−c) g''(c) = k_B T + c(1−c) (h''(c) + 2K) is a polynomial of degree at
 * most six in x = 1 − 2c, so its real roots are found exactly by GSL's
 * polynomial solvers instead of by sampling (which would miss the narrow
 * spinodal just below T_c).  Each root is then polished in the logit
 * variable so that spinodal compositions near 0 or 1 keep full relative
 * precision.
 */

#include "config.h"

#include <gsl/gsl_errno.h>
#include <gsl/gsl_poly.h>
#include <math.h>

#include "sp-brent.h"
#include "sp-equilibrium.h"

/* Coefficients p_0 … p_6 of P(x) = k_B T + (1 − x²)/4 (R''(x) + 2K) with
 * R(x) = (1 − x²) S(x), S(x) = Σ L_j x^j; returns the degree. */
static int
spinodal_polynomial (const SpModel *model,
                     double         p[7])
{
  double s[SP_RK_MAX + 1] = { sp_model_omega_eff (model) };
  double r[SP_RK_MAX + 3] = { 0 };
  double a[SP_RK_MAX + 1] = { 0 };
  int degree;

  for (int j = 1; j <= SP_RK_MAX; j++)
    s[j] = model->rk[j - 1];
  for (int i = 0; i <= SP_RK_MAX + 2; i++)
    r[i] = (i <= SP_RK_MAX ? s[i] : 0.0) - (i >= 2 ? s[i - 2] : 0.0);
  for (int i = 0; i <= SP_RK_MAX; i++)
    a[i] = (i + 2) * (i + 1) * r[i + 2];
  a[0] += 2.0 * model->stiffness;

  for (int i = 0; i <= 6; i++)
    p[i] = 0.25 * ((i <= SP_RK_MAX ? a[i] : 0.0) - (i >= 2 ? a[i - 2] : 0.0));
  p[0] += sp_model_kt (model);

  for (degree = 6; degree > 0 && p[degree] == 0.0; degree--)
    ;
  return degree;
}

/* c(1−c) g'' as a function of the logit: the sign of g'' everywhere, with
 * no cancellation near either end. */
static double
scaled_g2_u (double u,
             void  *data)
{
  const SpModel *model = data;
  double c = sp_logistic (u);
  double one_minus_c = sp_logistic_complement (u);
  double d2h;

  sp_model_excess_x (model, one_minus_c - c, NULL, NULL, &d2h);
  return sp_model_kt (model) + c * one_minus_c * (d2h + 2.0 * model->stiffness);
}

/* Brackets the sign change next to u0 and refines it with Brent's method;
 * FALSE for a root of even multiplicity (g'' touches zero, no interval). */
static gboolean
polish_root (const SpModel *model,
             double         u0,
             double        *u_root)
{
  double delta = 1e-7 * MAX (1.0, fabs (u0));
  double lo = u0 - delta, hi = u0 + delta;
  double f_lo = scaled_g2_u (lo, (void *) model);
  double f_hi = scaled_g2_u (hi, (void *) model);

  for (int i = 0; i < 40 && f_lo * f_hi > 0.0; i++)
    {
      delta *= 2.0;
      lo = u0 - delta;
      hi = u0 + delta;
      f_lo = scaled_g2_u (lo, (void *) model);
      f_hi = scaled_g2_u (hi, (void *) model);
    }
  if (f_lo * f_hi > 0.0)
    return FALSE;
  if (f_lo == 0.0 || f_hi == 0.0)
    {
      *u_root = f_lo == 0.0 ? lo : hi;
      return TRUE;
    }

  if (sp_brent_root (scaled_g2_u, (void *) model, lo, hi, 1e-15, 1e-15, u_root))
    return TRUE;
  /* Brent gave up (cannot happen for a finite g'', whose bracket shrinks to
   * one ulp): the polynomial's own root, inside the bracket, is the bound. */
  *u_root = u0;
  return TRUE;
}

static int
compare_doubles (const void *a,
                 const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;
  return (x > y) - (x < y);
}

/* Real roots of the polynomial inside −1 < x < 1, as logits. */
static guint
polynomial_roots_u (const double p[7],
                    int          degree,
                    double       roots_u[6])
{
  double x[6];
  guint n_x = 0, n = 0;

  gboolean even = p[1] == 0.0 && p[3] == 0.0 && p[5] == 0.0;

  if (even && degree >= 4)
    {
      /* Symmetric excess (only even L_j): a cubic or quadratic in y = x². */
      double y[3];
      int n_y = degree == 6 ? gsl_poly_solve_cubic (p[4] / p[6], p[2] / p[6], p[0] / p[6],
                                                    &y[0], &y[1], &y[2])
                            : gsl_poly_solve_quadratic (p[4], p[2], p[0], &y[0], &y[1]);

      for (int i = 0; i < n_y; i++)
        if (y[i] > 0.0)
          {
            x[n_x++] = sqrt (y[i]);
            x[n_x++] = -sqrt (y[i]);
          }
    }
  else if (degree == 1)
    x[n_x++] = -p[0] / p[1];
  else if (degree == 2)
    n_x = gsl_poly_solve_quadratic (p[2], p[1], p[0], &x[0], &x[1]);
  else if (degree > 2)
    {
      double z[12];
      gsl_poly_complex_workspace *w = gsl_poly_complex_workspace_alloc (degree + 1);
      int status = gsl_poly_complex_solve (p, degree + 1, w, z);

      gsl_poly_complex_workspace_free (w);
      if (status == GSL_SUCCESS)
        for (int i = 0; i < degree; i++)
          if (fabs (z[2 * i + 1]) <= 1e-6 * (1.0 + fabs (z[2 * i])))
            x[n_x++] = z[2 * i];
    }

  for (guint i = 0; i < n_x; i++)
    if (x[i] > -1.0 && x[i] < 1.0)
      {
        /* c = (1 − x)/2 and 1 − c = (1 + x)/2: the logit of both halves. */
        roots_u[n++] = log1p (-x[i]) - log1p (x[i]);
      }
  return n;
}

guint
sp_spinodals_find (const SpModel *model,
                   SpInterval    *intervals)
{
  double p[7];
  int degree = spinodal_polynomial (model, p);
  double raw[6], bounds[8];
  guint n_raw, n_bounds = 0, n = 0;

  n_raw = polynomial_roots_u (p, degree, raw);
  bounds[n_bounds++] = -INFINITY;
  for (guint i = 0; i < n_raw; i++)
    {
      double u;

      if (polish_root (model, raw[i], &u))
        bounds[n_bounds++] = u;
    }
  qsort (bounds + 1, n_bounds - 1, sizeof (double), compare_doubles);
  bounds[n_bounds++] = INFINITY;

  /* g'' > 0 at both ends (the entropy diverges), so test the sign between
   * consecutive roots and merge touching negative pieces. */
  for (guint i = 0; i + 1 < n_bounds; i++)
    {
      double lo = bounds[i], hi = bounds[i + 1], mid;

      if (!isfinite (lo) || !isfinite (hi) || hi <= lo)
        continue;
      mid = 0.5 * (lo + hi);
      if (scaled_g2_u (mid, (void *) model) >= 0.0)
        continue;

      if (n > 0 && intervals[n - 1].u_hi == lo)
        {
          intervals[n - 1].u_hi = hi;
          intervals[n - 1].hi = sp_logistic (hi);
          intervals[n - 1].one_minus_hi = sp_logistic_complement (hi);
          continue;
        }
      if (n == SP_MAX_INTERVALS)
        break;
      intervals[n++] = (SpInterval) {
        .lo = sp_logistic (lo), .hi = sp_logistic (hi),
        .u_lo = lo, .u_hi = hi,
        .one_minus_lo = sp_logistic_complement (lo),
        .one_minus_hi = sp_logistic_complement (hi),
      };
    }

  return n;
}
