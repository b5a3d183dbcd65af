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
#include <string.h>

#include "sp-brent.h"
#include "sp-critical.h"
#include "sp-equilibrium.h"

/* Coefficients p_0 … p_6 of P(x) = k_B T + (1 − x²)/4 (R''(x) + 2K) with
 * R(x) = (1 − x²) S(x), S(x) = Σ L_j x^j; returns the degree. */
static int
spinodal_polynomial (const SpModel *model,
                     double         p[7],
                     double        *curvature_bound)
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
  /* R'' + 2K = Σ a_i x^i is at most Σ |a_i| in size on −1 ≤ x ≤ 1. */
  if (curvature_bound != NULL)
    {
      *curvature_bound = 0.0;
      for (int i = 0; i <= SP_RK_MAX; i++)
        *curvature_bound += fabs (a[i]);
    }

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
  int degree = spinodal_polynomial (model, p, NULL);
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

/* ---- the same along a sweep in temperature ------------------------------ */

static double
poly_eval (const double *p,
           int           degree,
           double        x)
{
  double v = 0.0;

  for (int i = degree; i >= 0; i--)
    v = v * x + p[i];
  return v;
}

static int
compare_pieces (const void *a,
                const void *b)
{
  const SpSpinodalPiece *x = a, *y = b;
  return (x->u_lo > y->u_lo) - (x->u_lo < y->u_lo);
}

/* T_s = −b/(k_B a) at a cut x: where a vanishes, the pole's side of the
 * piece (@a_sign) gives the sign of the infinity. */
static double
curve_temperature (const double a[3],
                   const double b[SP_CRITICAL_N_DEGREE + 1],
                   double       x,
                   gboolean     pole,
                   double       a_sign)
{
  double bv = poly_eval (b, SP_CRITICAL_N_DEGREE, x);

  if (pole)
    return -bv * a_sign > 0.0 ? INFINITY : -INFINITY;
  return -bv / (SP_KB_MEV_PER_K * poly_eval (a, 2, x));
}

void
sp_spinodal_sweep_init (SpSpinodalSweep *sweep,
                        const SpModel   *model)
{
  double a[3], b[SP_CRITICAL_N_DEGREE + 1], n[SP_CRITICAL_N_DEGREE + 1];
  double cuts[SP_CRITICAL_N_DEGREE + 4];
  gboolean pole[SP_CRITICAL_N_DEGREE + 4];
  guint n_cuts = 0, n_roots;
  double scale = 0.0;

  memset (sweep, 0, sizeof *sweep);
  sweep->model = *model;
  sp_critical_polynomials (model, a, b, n);
  for (int i = 0; i <= SP_CRITICAL_N_DEGREE; i++)
    scale = MAX (scale, fabs (n[i]));
  /* N ≡ 0 (no excess energy at all): T_s is not a curve; the roots of a,
   * where g'' vanishes at every T (s1 < −2 and nothing else), would be
   * spinodal edges of their own.  Leave those to sp_spinodals_find(). */
  if (scale == 0.0)
    return;

  cuts[n_cuts] = -1.0;
  pole[n_cuts++] = FALSE;
  n_roots = sp_critical_real_roots (n, cuts + n_cuts);
  for (guint i = 0; i < n_roots; i++)
    pole[n_cuts++] = FALSE;
  /* a = a0 + a2 x² vanishes inside only for s1 ≤ −2. */
  if (a[2] != 0.0 && -a[0] / a[2] >= 0.0 && -a[0] / a[2] < 1.0)
    {
      double xp = sqrt (-a[0] / a[2]), bp = poly_eval (b, SP_CRITICAL_N_DEGREE, xp);
      double bm = poly_eval (b, SP_CRITICAL_N_DEGREE, -xp);

      /* b = 0 there too: g'' = 0 at a fixed x for every T, not on T_s. */
      if (fabs (bp) <= 1e-12 * scale || fabs (bm) <= 1e-12 * scale)
        return;
      cuts[n_cuts] = xp;
      pole[n_cuts++] = TRUE;
      if (xp > 0.0)
        {
          cuts[n_cuts] = -xp;
          pole[n_cuts++] = TRUE;
        }
    }
  cuts[n_cuts] = 1.0;
  pole[n_cuts++] = FALSE;

  /* Sort by x (insertion sort keeps each cut's pole flag with it). */
  for (guint i = 1; i < n_cuts; i++)
    for (guint j = i; j > 0 && cuts[j - 1] > cuts[j]; j--)
      {
        double t = cuts[j];
        gboolean p = pole[j];

        cuts[j] = cuts[j - 1];
        pole[j] = pole[j - 1];
        cuts[j - 1] = t;
        pole[j - 1] = p;
      }

  for (guint i = 0; i + 1 < n_cuts && sweep->n_pieces < SP_SPINODAL_MAX_PIECES; i++)
    {
      double x_lo = cuts[i], x_hi = cuts[i + 1];
      SpSpinodalPiece *piece = &sweep->pieces[sweep->n_pieces];

      if (!(x_hi > x_lo))
        continue;
      piece->a_sign = poly_eval (a, 2, 0.5 * (x_lo + x_hi)) > 0.0 ? 1.0 : -1.0;
      /* u = ln((1 − x)/(1 + x)) falls as x rises: x_hi is the piece's low
       * end in u.  T_s → 0 at x = ±1 (c(1−c) → 0 there while a → 1). */
      piece->u_lo = x_hi == 1.0 ? -INFINITY : log1p (-x_hi) - log1p (x_hi);
      piece->u_hi = x_lo == -1.0 ? INFINITY : log1p (-x_lo) - log1p (x_lo);
      piece->t_lo = fabs (x_hi) == 1.0 ? 0.0
                    : curve_temperature (a, b, x_hi, pole[i + 1], piece->a_sign);
      piece->t_hi = fabs (x_lo) == 1.0 ? 0.0
                    : curve_temperature (a, b, x_lo, pole[i], piece->a_sign);
      sweep->n_pieces++;
    }
  qsort (sweep->pieces, sweep->n_pieces, sizeof (SpSpinodalPiece), compare_pieces);

  /* dP/dx = k_B T a′ + b′ for the Newton steps. */
  sweep->da[0] = a[1];
  sweep->da[1] = 2.0 * a[2];
  for (int i = 0; i < SP_RK_MAX + 3; i++)
    sweep->db[i] = (i + 1) * b[i + 1];
  sweep->usable = TRUE;
}

/* c(1−c) g'' at @u (as scaled_g2_u()) and its derivative in u. */
static double
sweep_g2 (const SpSpinodalSweep *sweep,
          double                 kt,
          double                 u,
          double                *slope)
{
  double e = exp (-fabs (u));
  double c = u >= 0.0 ? 1.0 / (1.0 + e) : e / (1.0 + e);
  double one_minus_c = -u >= 0.0 ? 1.0 / (1.0 + e) : e / (1.0 + e);
  double x = one_minus_c - c, d2h;

  sp_model_excess_x (&sweep->model, x, NULL, NULL, &d2h);
  /* dx/du = −2c(1−c) */
  *slope = -2.0 * c * one_minus_c * (kt * poly_eval (sweep->da, 1, x) +
                                     poly_eval (sweep->db, SP_RK_MAX + 2, x));
  return kt + c * one_minus_c * (d2h + 2.0 * sweep->model.stiffness);
}

/* The one edge inside (lo, hi), where c(1−c) g'' has the sign @sign_lo at
 * lo and the opposite at hi: Newton's method kept inside the bracket
 * (bisection when a step would leave it or does not shrink fast enough),
 * to |Δu| ≤ 1e−15 (1 + |u|), the tolerance of sp_spinodals_find()'s Brent
 * polish. */
static double
sweep_root (const SpSpinodalSweep *sweep,
            double                 kt,
            double                 lo,
            double                 hi,
            double                 sign_lo,
            double                 u)
{
  double last_step = hi - lo;

  for (int iter = 0; iter < 200; iter++)
    {
      double slope, f = sweep_g2 (sweep, kt, u, &slope), next;

      if (f == 0.0)
        return u;
      if ((f > 0.0) == (sign_lo > 0.0))
        lo = u;
      else
        hi = u;
      next = u - f / slope;
      /* A Newton step this short (down to none at all, below one ulp of
       * u) leaves an error far under the tolerance. */
      if (fabs (next - u) <= 1e-15 * (1.0 + fabs (u)))
        return next;
      if (!(next > lo && next < hi) || fabs (next - u) > 0.5 * last_step)
        next = 0.5 * (lo + hi);
      last_step = fabs (next - u);
      if (hi - lo <= 1e-15 * (1.0 + fabs (next)))
        return next;
      u = next;
    }
  return u;
}

guint
sp_spinodal_sweep_find (SpSpinodalSweep *sweep,
                        double           temperature,
                        SpInterval      *intervals)
{
  SpModel *model = &sweep->model;
  double p[7], bound, kt, u_far;
  double roots[SP_SPINODAL_MAX_PIECES];
  guint n_roots = 0, n = 0;

  model->temperature = temperature;
  if (!sweep->usable)
    return sp_spinodals_find (model, intervals);

  kt = sp_model_kt (model);
  spinodal_polynomial (model, p, &bound);
  /* Where c(1−c) g'' = 0, c(1−c) = k_BT / |R'' + 2K| ≥ k_BT / bound, so
   * every edge lies within |u| ≤ ln(bound / k_BT). */
  u_far = log (MAX (bound, kt) / kt) + 1.0;

  for (guint i = 0; i < sweep->n_pieces; i++)
    {
      SpSpinodalPiece *piece = &sweep->pieces[i];
      double t_min = MIN (piece->t_lo, piece->t_hi), t_max = MAX (piece->t_lo, piece->t_hi);
      double lo, hi, sign_lo, start, u;

      if (!(temperature > t_min && temperature < t_max))
        {
          piece->n_known = 0;
          continue;
        }
      /* c(1−c) g'' = k_B a (T − T_s). */
      sign_lo = piece->a_sign * (temperature > piece->t_lo ? 1.0 : -1.0);
      lo = MAX (piece->u_lo, -u_far);
      hi = MIN (piece->u_hi, u_far);
      if (!(hi > lo))
        {
          piece->n_known = 0;
          continue;
        }

      /* The edge carried on from its last three temperatures (or two, or
       * one), or the first time, the middle of the bracket. */
      start = 0.5 * (lo + hi);
      if (piece->n_known > 0)
        {
          double guess = sp_extrapolate (piece->n_known, piece->known_t, piece->known_u,
                                         temperature);

          if (guess > lo && guess < hi)
            start = guess;
          else if (piece->known_u[0] > lo && piece->known_u[0] < hi)
            start = piece->known_u[0];
        }

      u = sweep_root (sweep, kt, lo, hi, sign_lo, start);
      roots[n_roots++] = u;
      memmove (piece->known_t + 1, piece->known_t, 2 * sizeof (double));
      memmove (piece->known_u + 1, piece->known_u, 2 * sizeof (double));
      piece->known_t[0] = temperature;
      piece->known_u[0] = u;
      piece->n_known = MIN (piece->n_known + 1, 3);
    }

  /* c(1−c) g'' > 0 at both ends and changes sign at every edge, so the
   * edges pair up in order.  An odd count means a cut was misplaced by
   * round-off (T within 1e−14 of a critical point): the direct way. */
  if (n_roots % 2 != 0)
    return sp_spinodals_find (model, intervals);
  for (guint i = 0; i + 1 < n_roots && n < SP_MAX_INTERVALS; i += 2)
    intervals[n++] = (SpInterval) {
      .lo = sp_logistic (roots[i]), .hi = sp_logistic (roots[i + 1]),
      .u_lo = roots[i], .u_hi = roots[i + 1],
      .one_minus_lo = sp_logistic_complement (roots[i]),
      .one_minus_hi = sp_logistic_complement (roots[i + 1]),
    };
  return n;
}
