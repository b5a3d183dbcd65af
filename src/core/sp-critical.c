/* sp-critical.c — the upper critical (consolute) point
 *
 * A gap exists exactly when g is somewhere non-convex, i.e. when
 * m(T) = min_c g''(c; T) < 0.  The critical temperature is the highest root
 * of m(T); it is found by scanning T downwards from a bound above which g''
 * is provably positive, and refining the bracket with GSL's Brent solver.
 */

#include "config.h"

#include <gsl/gsl_errno.h>
#include <gsl/gsl_min.h>
#include <math.h>

#include "sp-brent.h"
#include "sp-critical.h"

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
  gsl_error_handler_t *old;
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

  old = gsl_set_error_handler_off ();
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
          gsl_min_fminimizer_iterate (solver);
          status = gsl_min_test_interval (gsl_min_fminimizer_x_lower (solver),
                                          gsl_min_fminimizer_x_upper (solver),
                                          1e-12, 0.0);
        }
      best_c = gsl_min_fminimizer_x_minimum (solver);
      best = gsl_min_fminimizer_f_minimum (solver);
    }
  gsl_min_fminimizer_free (solver);
  gsl_set_error_handler (old);

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

gboolean
sp_critical_point (const SpModel *model,
                   double        *t_c,
                   double        *c_c)
{
  if (sp_model_is_symmetric (model))
    {
      double excess = model->omega - model->stiffness;

      /* Ω_eff − K − 2 k_B T = (Ω − K) − k_B T (2 + s1) changes sign once. */
      if (2.0 + model->s1 <= 0.0 || excess <= 0.0)
        return FALSE;
      *t_c = excess / (SP_KB_MEV_PER_K * (2.0 + model->s1));
      *c_c = 0.5;
      return TRUE;
    }
  return sp_critical_point_search (model, t_c, c_c);
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
