/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sp-critical.c — every critical (consolute) point, upper and lower
 *
 * sp_critical_points() solves for the extrema of the spinodal curve T_s(c)
 * exactly (a polynomial, see below).  sp_critical_point_search() is an
 * independent check for the highest upper point: a gap exists exactly when
 * m(T) = min_c g''(c; T) < 0, and its highest root is found by scanning T
 * downwards from a bound above which g'' is provably positive, refined with
 * GSL's Brent solver.
 */

#include "config.h"

#include <gsl/gsl_errno.h>
#include <gsl/gsl_min.h>
#include <gsl/gsl_poly.h>
#include <math.h>
#include <stdlib.h>

#include "sp-brent.h"
#include "sp-critical.h"
#include "sp-equilibrium.h"

#define G2_GRID 256
#define T_SCAN  96
#define T_FLOOR 0.5   /* K: below the slider range, so every T_c in it is found */

static double
g2_of_c (double c, void *data)
{
  return sp_model_g2 (data, c);
}

double
sp_g2_minimum (const SpModel *model,
               double        *c_at_min)
{
  gsl_function f = { g2_of_c, (void *) model };
  gsl_min_fminimizer *solver;
  double best = INFINITY, best_c = 0.5, h = 1.0 / (G2_GRID + 1);
  int best_i = 0, status = GSL_CONTINUE;

  /* g'' → +∞ at both ends, so the minimum is interior; a coarse grid finds
   * its basin, Brent's minimiser its bottom. */
  for (int i = 1; i <= G2_GRID; i++)
    {
      double v = sp_model_g2 (model, i * h);

      if (v < best)
        {
          best = v;
          best_i = i;
        }
    }
  best_c = best_i * h;

  solver = gsl_min_fminimizer_alloc (gsl_min_fminimizer_brent);
  /* Brent needs f(x) below both ends.  When the neighbour ties with the
   * best grid point (a minimum exactly between them, as at c = ½ for any
   * symmetric model) start from the midpoint of the pair instead. */
  if (sp_model_g2 (model, (best_i + 1) * h) <= best)
    best_c = (best_i + 0.5) * h;
  else if (sp_model_g2 (model, (best_i - 1) * h) <= best)
    best_c = (best_i - 0.5) * h;
  if (gsl_min_fminimizer_set (solver, &f, best_c, (best_i - 1) * h, (best_i + 1) * h)
      == GSL_SUCCESS)
    {
      for (int iter = 0; iter < 100 && status == GSL_CONTINUE; iter++)
        {
          /* A failed step leaves the lowest point found so far. */
          if (gsl_min_fminimizer_iterate (solver) != GSL_SUCCESS)
            break;
          status = gsl_min_test_interval (gsl_min_fminimizer_x_lower (solver),
                                          gsl_min_fminimizer_x_upper (solver),
                                          1e-12, 0.0);
        }
      best_c = gsl_min_fminimizer_x_minimum (solver);
      best = gsl_min_fminimizer_f_minimum (solver);
    }
  gsl_min_fminimizer_free (solver);

  if (c_at_min != NULL)
    *c_at_min = best_c;
  return best;
}

static double
g2_minimum_at_temperature (double t,
                           void  *data)
{
  SpModel model = *(const SpModel *) data;

  model.temperature = t;
  return sp_g2_minimum (&model, NULL);
}

/* T above which g'' > 0 for every c: with x = 1 − 2c,
 *   g'' ≥ 4 k_B T + 2K − 2Ω_eff − Σ_{j≥1} |L_j| (j(j−1) + (j+1)(j+2)),
 * and Ω_eff = Ω − s1 k_B T.  Returns FALSE when no such T exists. */
static gboolean
convex_above (const SpModel *model,
              double        *t_up)
{
  double bound = 0.0;
  double slope = SP_KB_MEV_PER_K * (4.0 + 2.0 * model->s1);

  for (int j = 1; j <= SP_RK_MAX; j++)
    bound += fabs (model->rk[j - 1]) * (j * (j - 1) + (j + 1) * (j + 2));
  if (slope <= 0.0)
    return FALSE;
  *t_up = (2.0 * model->omega - 2.0 * model->stiffness + bound) / slope;
  return TRUE;
}

/* ---- every critical point ---------------------------------------------

 * With x = 1 − 2c and q = c(1−c) = (1 − x²)/4, c(1−c) g'' is linear in T:
 *   f(x, T) = k_B T a(x) + b(x),  a = 1 + 2 s1 q,  b = q (R''_Ω(x) + 2K)
 * where R_Ω = (1 − x²) Σ L_j x^j with L_0 = Ω (Ω_eff's −s1 k_B T part is
 * the 2 s1 q term of a).  The spinodal is the curve k_B T_s(x) = −b/a, and a
 * critical point is a point of it where f = ∂f/∂x = 0 while f has a local
 * minimum in x (∂²f/∂x² > 0): the zeros of the polynomial
 *   N(x) = a b' − a' b   (degree ≤ 7),
 * with T = −b/(k_B a) > 0.  Where a > 0 the gap lies below T (an upper
 * critical point); where a < 0, which needs s1 < −2, above it (a lower
 * one).  A local maximum of f instead is where two spinodals merge. */

#define N_DEGREE SP_CRITICAL_N_DEGREE

void
sp_critical_polynomials (const SpModel *model,
                         double         a[3],
                         double         b[SP_CRITICAL_N_DEGREE + 1],
                         double         n[SP_CRITICAL_N_DEGREE + 1])
{
  double s[SP_RK_MAX + 1] = { model->omega };
  double r[SP_RK_MAX + 3] = { 0 };
  double r2[SP_RK_MAX + 1] = { 0 };
  double da[2], db[N_DEGREE] = { 0 };

  for (int j = 1; j <= SP_RK_MAX; j++)
    s[j] = model->rk[j - 1];
  for (int i = 0; i <= SP_RK_MAX + 2; i++)
    r[i] = (i <= SP_RK_MAX ? s[i] : 0.0) - (i >= 2 ? s[i - 2] : 0.0);
  for (int i = 0; i <= SP_RK_MAX; i++)
    r2[i] = (i + 2) * (i + 1) * r[i + 2];
  r2[0] += 2.0 * model->stiffness;

  a[0] = 1.0 + 0.5 * model->s1;
  a[1] = 0.0;
  a[2] = -0.5 * model->s1;
  for (int i = 0; i <= N_DEGREE; i++)
    b[i] = 0.25 * ((i <= SP_RK_MAX ? r2[i] : 0.0) - (i >= 2 && i - 2 <= SP_RK_MAX ? r2[i - 2] : 0.0));

  da[0] = a[1];
  da[1] = 2.0 * a[2];
  for (int i = 0; i < N_DEGREE; i++)
    db[i] = (i + 1) * b[i + 1];
  for (int i = 0; i <= N_DEGREE; i++)
    {
      double v = 0.0;

      for (int k = 0; k <= 2 && k <= i; k++)
        v += a[k] * (i - k < N_DEGREE ? db[i - k] : 0.0);
      for (int k = 0; k <= 1 && k <= i; k++)
        v -= da[k] * b[i - k];
      n[i] = v;
    }
}

static double
poly_eval (const double *p,
           int           degree,
           double        x,
           double       *dp,
           double       *d2p)
{
  double v = 0.0, d = 0.0, d2 = 0.0;

  for (int i = degree; i >= 0; i--)
    {
      d2 = d2 * x + 2.0 * d;
      d = d * x + v;
      v = v * x + p[i];
    }
  if (dp)
    *dp = d;
  if (d2p)
    *d2p = d2;
  return v;
}

guint
sp_critical_real_roots (const double p[SP_CRITICAL_N_DEGREE + 1],
                        double       roots[SP_CRITICAL_N_DEGREE])
{
  double scale = 0.0, z[2 * N_DEGREE];
  int degree = N_DEGREE;
  guint n = 0;
  gsl_poly_complex_workspace *w;

  for (int i = 0; i <= N_DEGREE; i++)
    scale = MAX (scale, fabs (p[i]));
  if (scale == 0.0)
    return 0;
  /* Leading terms that cancel to round-off only add roots far outside. */
  while (degree > 0 && fabs (p[degree]) <= 1e-13 * scale)
    degree--;
  if (degree == 0)
    return 0;
  if (degree == 1)
    {
      roots[0] = -p[0] / p[1];
      return fabs (roots[0]) < 1.0;
    }

  w = gsl_poly_complex_workspace_alloc (degree + 1);
  if (gsl_poly_complex_solve (p, degree + 1, w, z) == GSL_SUCCESS)
    for (int i = 0; i < degree; i++)
      {
        double x = z[2 * i], y = z[2 * i + 1];

        if (fabs (y) > 1e-6 * MAX (1.0, fabs (x)) || fabs (x) >= 1.0)
          continue;
        for (int iter = 0; iter < 8; iter++)
          {
            double d, v = poly_eval (p, degree, x, &d, NULL);

            if (d == 0.0 || !isfinite (v / d))
              break;
            x -= v / d;
          }
        if (fabs (x) < 1.0)
          roots[n++] = x;
      }
  gsl_poly_complex_workspace_free (w);
  return n;
}

static int
compare_points (const void *pa,
                const void *pb)
{
  const SpCriticalPoint *x = pa, *y = pb;

  if (x->temperature != y->temperature)
    return (x->temperature > y->temperature) - (x->temperature < y->temperature);
  return (x->c > y->c) - (x->c < y->c);
}

/* A critical point of a dome that lies inside a wider gap at the same T is
 * metastable: the equilibrium phase diagram does not show it. */
static gboolean
hidden_in_other_gap (const SpModel *model,
                     double         t,
                     double         c)
{
  SpModel at = *model;
  SpEquilibrium eq;
  const SpGap *gap;

  at.temperature = t;
  sp_equilibrium_compute (&at, &eq);
  gap = sp_equilibrium_find_gap (&eq, c);
  return gap != NULL && gap->c_alpha < c - 1e-4 && gap->c_beta > c + 1e-4;
}

guint
sp_critical_points (const SpModel   *model,
                    SpCriticalPoint  points[SP_MAX_CRITICAL])
{
  double a[3], b[N_DEGREE + 1], n[N_DEGREE + 1], roots[N_DEGREE];
  guint n_roots, n_points = 0;
  const SpParamRange *range = sp_param_range (SP_PARAM_TEMPERATURE);

  if (sp_model_is_symmetric (model))
    {
      double excess = model->omega - model->stiffness, slope = 2.0 + model->s1;

      /* Ω_eff − K − 2 k_B T = (Ω − K) − k_B T (2 + s1): one sign change at
       * a positive T exactly when both factors share a sign. */
      if (slope == 0.0 || excess == 0.0 || (slope > 0.0) != (excess > 0.0))
        return 0;
      points[0].temperature = excess / (SP_KB_MEV_PER_K * slope);
      points[0].c = 0.5;
      points[0].kind = slope > 0.0 ? SP_CRITICAL_UPPER : SP_CRITICAL_LOWER;
      return 1;
    }

  sp_critical_polynomials (model, a, b, n);
  n_roots = sp_critical_real_roots (n, roots);
  for (guint i = 0; i < n_roots && n_points < SP_MAX_CRITICAL; i++)
    {
      double x = roots[i], d2b, d2f;
      double av = poly_eval (a, 2, x, NULL, NULL);
      double bv = poly_eval (b, N_DEGREE, x, NULL, &d2b);
      double kt, t;
      gboolean duplicate = FALSE;

      if (av == 0.0)
        continue;
      kt = -bv / av;
      t = kt / SP_KB_MEV_PER_K;
      if (!(t > 0.0) || !isfinite (t) || t > 1e3 * range->max)
        continue;
      /* A local minimum of f in x: a dome closes here (not two merge). */
      d2f = kt * 2.0 * a[2] + d2b;
      if (!(d2f > 1e-9 * (fabs (kt) + fabs (d2b))))
        continue;
      for (guint k = 0; k < n_points; k++)
        duplicate |= fabs (points[k].c - 0.5 * (1.0 - x)) < 1e-9;
      if (duplicate || hidden_in_other_gap (model, t, 0.5 * (1.0 - x)))
        continue;
      points[n_points].temperature = t;
      points[n_points].c = 0.5 * (1.0 - x);
      points[n_points].kind = av > 0.0 ? SP_CRITICAL_UPPER : SP_CRITICAL_LOWER;
      n_points++;
    }
  qsort (points, n_points, sizeof *points, compare_points);
  return n_points;
}

gboolean
sp_critical_point (const SpModel *model,
                   double        *t_c,
                   double        *c_c)
{
  SpCriticalPoint points[SP_MAX_CRITICAL];
  guint n = sp_critical_points (model, points);

  /* The highest upper critical point: where the last gap closes. */
  for (guint i = n; i-- > 0;)
    if (points[i].kind == SP_CRITICAL_UPPER)
      {
        *t_c = points[i].temperature;
        *c_c = points[i].c;
        return TRUE;
      }
  return FALSE;
}

gboolean
sp_critical_point_search (const SpModel *model,
                          double        *t_c,
                          double        *c_c)
{
  SpModel at = *model;
  double t_up, temps[T_SCAN], lo, hi;
  int highest = -1;

  if (!convex_above (model, &t_up))
    return FALSE;
  if (t_up <= T_FLOOR)
    return FALSE;

  /* From the top down: only the highest sign change matters (a second,
   * lower one would be a re-entrant window below T_c). */
  t_up *= 1.01;
  for (int i = T_SCAN - 1; i >= 0 && highest < 0; i--)
    {
      temps[i] = T_FLOOR * pow (t_up / T_FLOOR, (double) i / (T_SCAN - 1));
      if (g2_minimum_at_temperature (temps[i], &at) < 0.0)
        highest = i;
    }
  if (highest < 0)
    return FALSE;
  if (highest == T_SCAN - 1)
    return FALSE;   /* cannot happen above the bound; refuse rather than guess */

  lo = temps[highest];
  hi = temps[highest + 1];
  if (!sp_brent_root (g2_minimum_at_temperature, &at, lo, hi, 0.0, 1e-14, t_c))
    return FALSE;

  at.temperature = *t_c;
  sp_g2_minimum (&at, c_c);
  return TRUE;
}

const char *
sp_critical_kind_to_string (SpCriticalKind kind)
{
  return kind == SP_CRITICAL_LOWER ? "lower" : "upper";
}
