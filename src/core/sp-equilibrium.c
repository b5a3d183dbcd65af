/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sp-equilibrium.c — every miscibility gap by the lower convex hull of g,
 * refined on the two tangent equations
 *
 * Coexisting α and β have equal chemical potential μ and equal grand
 * potential density ω = g − cμ.  In the logit u = ln(c/(1−c)):
 *   μ(u) = k_B T u + h'(c) + 2Kc,        dμ/du = c(1−c) g''
 *   ω(u) = −k_B T ln(1 + e^u) + h − c h' − K c²,   dω/du = −c dμ/du
 * so both equations and their Jacobian keep full relative precision for
 * compositions within 1e−300 of 0 or 1, and Newton's steps in u are nearly
 * linear where the entropy dominates.
 */

#include "config.h"

#include <gsl/gsl_errno.h>
#include <gsl/gsl_multiroots.h>
#include <math.h>
#include <string.h>

#include "sp-equilibrium.h"

/* The hull grid: uniform in c over the middle, logarithmic towards both
 * ends down to 1e−15 (closer than that the double c itself rounds to 1, and
 * Newton in u takes the binodal the rest of the way). */
#define GRID_MID 384
#define GRID_END 48
#define GRID_N   (GRID_MID + 2 * GRID_END)
#define GRID_END_MIN 1e-15
#define GRID_END_MAX 1e-2
#define SQRT3 1.7320508075688772935

static double grid_u[GRID_N];
static double grid_c[GRID_N];

static void
grid_init (void)
{
  static gsize done = 0;

  if (!g_once_init_enter (&done))
    return;

  for (int i = 0; i < GRID_END; i++)
    {
      double t = (double) i / GRID_END;
      double end = exp (log (GRID_END_MIN) + t * (log (GRID_END_MAX) - log (GRID_END_MIN)));

      grid_u[i] = log (end) - log1p (-end);
      grid_u[GRID_N - 1 - i] = -grid_u[i];
    }
  for (int i = 0; i < GRID_MID; i++)
    {
      double c = GRID_END_MAX + (1.0 - 2.0 * GRID_END_MAX) * i / (GRID_MID - 1);

      grid_u[GRID_END + i] = sp_logit (c);
    }
  for (int i = 0; i < GRID_N; i++)
    grid_c[i] = sp_logistic (grid_u[i]);

  g_once_init_leave (&done, 1);
}

/* ---- the tangent equations for GSL's multiroot solver ------------------ */

static int
tangent_fdf (const gsl_vector *x,
             void             *data,
             gsl_vector       *f,
             gsl_matrix       *jac)
{
  const SpModel *model = data;
  double ua = gsl_vector_get (x, 0), ub = gsl_vector_get (x, 1);
  double scale = 1.0 / sp_model_kt (model);

  if (!isfinite (ua) || !isfinite (ub))
    return GSL_EDOM;

  if (f != NULL)
    {
      gsl_vector_set (f, 0, scale * (sp_model_mu_u (model, ub) - sp_model_mu_u (model, ua)));
      gsl_vector_set (f, 1, scale * (sp_model_omega_u (model, ub) - sp_model_omega_u (model, ua)));
    }
  if (jac != NULL)
    {
      double dma = sp_model_dmu_du (model, ua), dmb = sp_model_dmu_du (model, ub);

      gsl_matrix_set (jac, 0, 0, -scale * dma);
      gsl_matrix_set (jac, 0, 1, scale * dmb);
      gsl_matrix_set (jac, 1, 0, scale * sp_logistic (ua) * dma);
      gsl_matrix_set (jac, 1, 1, -scale * sp_logistic (ub) * dmb);
    }
  return GSL_SUCCESS;
}

static int
tangent_f (const gsl_vector *x, void *data, gsl_vector *f)
{
  return tangent_fdf (x, data, f, NULL);
}

static int
tangent_df (const gsl_vector *x, void *data, gsl_matrix *jac)
{
  return tangent_fdf (x, data, NULL, jac);
}

/* The two solvers, allocated once per thread: a phase diagram refines some
 * 200–400 tangents, and allocating a solver for each cost a fifth of it.
 * gsl_multiroot_fdfsolver_set() resets a solver's whole state, so a reused
 * one gives the same iterates as a new one. */
typedef struct
{
  gsl_multiroot_fdfsolver *solvers[2];
  gsl_vector              *x;
} TangentSolvers;

static void
tangent_solvers_free (gpointer data)
{
  TangentSolvers *ts = data;

  for (guint t = 0; t < G_N_ELEMENTS (ts->solvers); t++)
    gsl_multiroot_fdfsolver_free (ts->solvers[t]);
  gsl_vector_free (ts->x);
  g_free (ts);
}

static GPrivate tangent_solvers_key = G_PRIVATE_INIT (tangent_solvers_free);

static TangentSolvers *
tangent_solvers_get (void)
{
  TangentSolvers *ts = g_private_get (&tangent_solvers_key);

  if (ts == NULL)
    {
      ts = g_new0 (TangentSolvers, 1);
      ts->solvers[0] = gsl_multiroot_fdfsolver_alloc (gsl_multiroot_fdfsolver_hybridsj, 2);
      ts->solvers[1] = gsl_multiroot_fdfsolver_alloc (gsl_multiroot_fdfsolver_gnewton, 2);
      ts->x = gsl_vector_alloc (2);
      g_private_set (&tangent_solvers_key, ts);
    }
  return ts;
}

/* When a tangent counts as solved (both solvers use the same test, GSL's
 * residual and step tests): a residual sum under 1e−15, or, once the last
 * step moved both logits by less than 1e−15 of themselves, under the
 * round-off floor.  The residuals are energy differences over k_BT, so
 * their floor is about ε·(energy scale)/k_BT: at 1 K with 1000 meV excess
 * terms that is 1e−12 per term, and no step can bring the sum under
 * 1e−11. */
static double
residual_floor (const SpModel *model)
{
  return MAX (1e-11, 1e-12 * sp_model_energy_scale (model) / sp_model_kt (model));
}

static void
set_gap (const SpModel *model,
         double         ua,
         double         ub,
         SpGap         *gap)
{
  gap->u_alpha = ua;
  gap->u_beta = ub;
  gap->c_alpha = sp_logistic (ua);
  gap->c_beta = sp_logistic (ub);
  gap->one_minus_c_alpha = sp_logistic_complement (ua);
  gap->one_minus_c_beta = sp_logistic_complement (ub);
  gap->mu = 0.5 * (sp_model_mu_u (model, ua) + sp_model_mu_u (model, ub));
  gap->voltage = sp_model_voltage (model, gap->mu);
}

#define NEWTON_MAX_ITER 12

/* Newton's method on the two tangent equations, for a start close to the
 * solution (the row before's gap carried on, in a phase diagram).  With
 * a = μ'(u_α), b = μ'(u_β) the Jacobian of (μ_β − μ_α, ω_β − ω_α) is
 *   [ −a        b     ]
 *   [ c_α a   −c_β b  ]   (dω/du = −c dμ/du),
 * whose inverse is closed-form: one exp, one log1p and one pass over the
 * excess terms per side and step, against GSL's hybrid solver's extra
 * Jacobian evaluations and QR updates.  FALSE (and the caller falls back to
 * GSL) when a step leaves the region where Newton is safe — a slope that
 * is not positive, as inside a spinodal, or a step longer than half the
 * gap — or the test is not met within NEWTON_MAX_ITER steps. */
static gboolean
newton_tangent (const SpModel *model,
                double         ua,
                double         ub,
                SpGap         *gap)
{
  double kt = sp_model_kt (model), floor_tol = residual_floor (model);
  gboolean steps_converged = FALSE;

  for (int iter = 0; iter <= NEWTON_MAX_ITER; iter++)
    {
      SpModelPoint a, b;
      double f_mu, f_omega, residual, width, da, db;

      if (!isfinite (ua) || !isfinite (ub) || !(ub > ua))
        return FALSE;
      sp_model_point_u (model, ua, &a);
      sp_model_point_u (model, ub, &b);
      f_mu = b.mu - a.mu;
      f_omega = b.omega - a.omega;
      residual = (fabs (f_mu) + fabs (f_omega)) / kt;
      if (iter > 0 && (residual < 1e-15 || (steps_converged && residual < floor_tol)))
        {
          if (!(ub - ua > 1e-7))
            return FALSE;
          /* What set_gap() computes, from the points at hand. */
          *gap = (SpGap) {
            .u_alpha = ua, .u_beta = ub,
            .c_alpha = a.c, .c_beta = b.c,
            .one_minus_c_alpha = a.one_minus_c, .one_minus_c_beta = b.one_minus_c,
            .mu = 0.5 * (a.mu + b.mu),
          };
          gap->voltage = sp_model_voltage (model, gap->mu);
          return TRUE;
        }
      if (iter == NEWTON_MAX_ITER || !(a.dmu_du > 0.0) || !(b.dmu_du > 0.0))
        return FALSE;

      /* c_β − c_α from whichever pair holds it without cancellation. */
      width = b.c < 0.5 ? b.c - a.c : a.one_minus_c - b.one_minus_c;
      if (!(width > 0.0))
        return FALSE;
      da = (b.c * f_mu + f_omega) / (width * a.dmu_du);
      db = (a.c * f_mu + f_omega) / (width * b.dmu_du);
      if (!(fabs (da) + fabs (db) < 0.5 * (ub - ua)))
        return FALSE;
      ua += da;
      ub += db;
      steps_converged = (da == 0.0 || fabs (da) < 1e-15 * fabs (ua)) &&
                        (db == 0.0 || fabs (db) < 1e-15 * fabs (ub));
    }
  return FALSE;
}

/* Refines a pair of logits on the tangent equations; FALSE when the solver
 * fails or collapses onto the trivial solution α = β. */
static gboolean
refine_tangent (const SpModel *model,
                double         ua0,
                double         ub0,
                SpGap         *gap)
{
  TangentSolvers *ts = tangent_solvers_get ();
  gsl_multiroot_function_fdf fdf = { tangent_f, tangent_df, tangent_fdf, 2, (void *) model };
  gboolean ok = FALSE;
  double floor_tol = residual_floor (model);

  for (guint t = 0; t < G_N_ELEMENTS (ts->solvers) && !ok; t++)
    {
      gsl_multiroot_fdfsolver *solver = ts->solvers[t];
      int status = GSL_CONTINUE;

      gsl_vector_set (ts->x, 0, ua0);
      gsl_vector_set (ts->x, 1, ub0);
      if (gsl_multiroot_fdfsolver_set (solver, &fdf, ts->x) != GSL_SUCCESS)
        continue;
      for (int iter = 0; iter < 200 && status == GSL_CONTINUE; iter++)
        {
          if (gsl_multiroot_fdfsolver_iterate (solver) != GSL_SUCCESS)
            break;
          status = gsl_multiroot_test_residual (solver->f, 1e-15);
          if (status == GSL_CONTINUE &&
              gsl_multiroot_test_delta (solver->dx, solver->x, 0.0, 1e-15) == GSL_SUCCESS)
            status = gsl_multiroot_test_residual (solver->f, floor_tol);
        }

      if (status == GSL_SUCCESS)
        {
          double ua = gsl_vector_get (solver->x, 0), ub = gsl_vector_get (solver->x, 1);

          if (isfinite (ua) && isfinite (ub) && ub - ua > 1e-7)
            {
              set_gap (model, ua, ub, gap);
              ok = TRUE;
            }
        }
    }

  return ok;
}

/* ---- validation -------------------------------------------------------- */

static gboolean
gap_covers (const SpGap      *gap,
            const SpInterval *spinodal)
{
  return gap->u_alpha <= spinodal->u_lo && spinodal->u_hi <= gap->u_beta;
}

/* The tangent must not cut below g at @u: otherwise it is a metastable
 * tangent, not part of the lower convex hull. */
static gboolean
tangent_below_g (const SpModel *model,
                 const SpGap   *gap,
                 double         u)
{
  /* The tangent is ω* + μ* c, with ω* the common grand potential. */
  double c = sp_logistic (u);
  double line = sp_model_omega_u (model, gap->u_alpha) + gap->mu * c;
  double g = sp_model_g_u (model, u);
  double tol = 1e-9 * (fabs (g) + fabs (line) + sp_model_kt (model));

  return g - line >= -tol;
}

static int
compare_gaps (const void *a,
              const void *b)
{
  const SpGap *x = a, *y = b;
  return (x->u_alpha > y->u_alpha) - (x->u_alpha < y->u_alpha);
}

/* Whether gap @i's tangent stays below g at the ends of gap @j, given each
 * gap's common grand potential @omega: g there is on gap j's own tangent,
 * ω*_j + μ*_j c (to the solver's tolerance, a millionth of the test's). */
static gboolean
tangent_below_ends (const SpModel       *model,
                    const SpEquilibrium *eq,
                    const double        *omega,
                    guint                i,
                    guint                j)
{
  const SpGap *gi = &eq->gaps[i], *gj = &eq->gaps[j];
  const double ends[2] = { gj->c_alpha, gj->c_beta };

  for (guint e = 0; e < 2; e++)
    {
      double line = omega[i] + gi->mu * ends[e];
      double g = omega[j] + gj->mu * ends[e];
      double tol = 1e-9 * (fabs (g) + fabs (line) + sp_model_kt (model));

      if (!(g - line >= -tol))
        return FALSE;
    }
  return TRUE;
}

/* Sorts, drops duplicates, and checks that the gaps are disjoint, that each
 * holds a spinodal, every spinodal lies in a gap, and that no tangent cuts g
 * at another gap's ends. */
static gboolean
finish_gaps (const SpModel *model,
             SpEquilibrium *eq)
{
  double omega[SP_MAX_INTERVALS];
  guint n = 0;

  qsort (eq->gaps, eq->n_gaps, sizeof (SpGap), compare_gaps);
  for (guint i = 0; i < eq->n_gaps; i++)
    {
      if (n > 0 && fabs (eq->gaps[i].u_alpha - eq->gaps[n - 1].u_alpha) < 1e-6 &&
          fabs (eq->gaps[i].u_beta - eq->gaps[n - 1].u_beta) < 1e-6)
        continue;
      eq->gaps[n++] = eq->gaps[i];
    }
  eq->n_gaps = n;
  if (eq->n_gaps > 1)
    for (guint i = 0; i < eq->n_gaps; i++)
      omega[i] = sp_model_omega_u (model, eq->gaps[i].u_alpha);

  for (guint i = 0; i < eq->n_gaps; i++)
    {
      gboolean holds_spinodal = FALSE;

      if (i > 0 && eq->gaps[i].u_alpha <= eq->gaps[i - 1].u_beta)
        return FALSE;
      for (guint s = 0; s < eq->n_spinodals; s++)
        holds_spinodal |= gap_covers (&eq->gaps[i], &eq->spinodals[s]);
      if (!holds_spinodal)
        return FALSE;
      for (guint j = 0; j < eq->n_gaps; j++)
        if (j != i && !tangent_below_ends (model, eq, omega, i, j))
          return FALSE;
    }

  for (guint s = 0; s < eq->n_spinodals; s++)
    {
      gboolean covered = FALSE;

      for (guint i = 0; i < eq->n_gaps; i++)
        covered |= gap_covers (&eq->gaps[i], &eq->spinodals[s]);
      if (!covered)
        return FALSE;
    }
  return TRUE;
}

/* ---- the full computation ---------------------------------------------- */

/* Near T_c a gap can be narrower than the hull grid; the regular solution's
 * near-critical shape (binodal half-width √3 × the spinodal's) seeds it. */
static gboolean
seed_from_spinodal (const SpModel    *model,
                    const SpInterval *spinodal,
                    SpGap            *gap)
{
  double mid = 0.5 * (spinodal->u_lo + spinodal->u_hi);
  double half = 0.5 * (spinodal->u_hi - spinodal->u_lo);

  return refine_tangent (model, mid - SQRT3 * half, mid + SQRT3 * half, gap) ||
         refine_tangent (model, mid - 3.0 * half, mid + 3.0 * half, gap);
}

/* Every gap of @model, given @eq's spinodals (at least one). */
static void
compute_gaps (const SpModel *model,
              SpEquilibrium *eq)
{
  double g[GRID_N];
  int hull[GRID_N];
  int n_hull = 0;

  eq->n_gaps = 0;
  memset (eq->gaps, 0, sizeof eq->gaps);
  grid_init ();
  for (int i = 0; i < GRID_N; i++)
    g[i] = sp_model_g_u (model, grid_u[i]);

  /* Andrew's monotone chain, lower half. */
  for (int i = 0; i < GRID_N; i++)
    {
      while (n_hull >= 2)
        {
          int a = hull[n_hull - 2], b = hull[n_hull - 1];
          double cross = (grid_c[b] - grid_c[a]) * (g[i] - g[a]) -
                         (g[b] - g[a]) * (grid_c[i] - grid_c[a]);
          if (cross > 0.0)
            break;
          n_hull--;
        }
      hull[n_hull++] = i;
    }

  /* A hull edge that skips grid points and spans a spinodal is a gap. */
  for (int h = 0; h + 1 < n_hull && eq->n_gaps < SP_MAX_INTERVALS; h++)
    {
      int a = hull[h], b = hull[h + 1];
      gboolean spans = FALSE;

      if (b == a + 1)
        continue;
      for (guint s = 0; s < eq->n_spinodals; s++)
        spans |= eq->spinodals[s].u_hi > grid_u[a] && eq->spinodals[s].u_lo < grid_u[b];
      if (spans && refine_tangent (model, grid_u[a], grid_u[b], &eq->gaps[eq->n_gaps]))
        eq->n_gaps++;
    }

  /* Spinodals narrower than the grid (just below T_c) get their own seed. */
  for (guint s = 0; s < eq->n_spinodals && eq->n_gaps < SP_MAX_INTERVALS; s++)
    {
      gboolean covered = FALSE;

      for (guint i = 0; i < eq->n_gaps; i++)
        covered |= gap_covers (&eq->gaps[i], &eq->spinodals[s]);
      if (!covered && seed_from_spinodal (model, &eq->spinodals[s], &eq->gaps[eq->n_gaps]))
        eq->n_gaps++;
    }

  if (!finish_gaps (model, eq))
    {
      /* A refinement landed on a metastable tangent: keep only the gaps
       * whose tangent stays below g on the whole grid. */
      guint n = 0;

      for (guint i = 0; i < eq->n_gaps; i++)
        {
          gboolean below = TRUE;

          for (int k = 0; k < GRID_N && below; k++)
            below = tangent_below_g (model, &eq->gaps[i], grid_u[k]);
          if (below)
            eq->gaps[n++] = eq->gaps[i];
        }
      eq->n_gaps = n;
      finish_gaps (model, eq);
    }
}

void
sp_equilibrium_compute (const SpModel *model,
                        SpEquilibrium *eq)
{
  memset (eq, 0, sizeof *eq);
  eq->n_spinodals = sp_spinodals_find (model, eq->spinodals);
  if (eq->n_spinodals == 0)
    return;   /* g convex everywhere: its own hull, a solid solution */
  compute_gaps (model, eq);
}

void
sp_equilibrium_continue_gaps (const SpModel       *model,
                              const SpEquilibrium *guess,
                              SpEquilibrium       *eq)
{
  eq->n_gaps = 0;
  memset (eq->gaps, 0, sizeof eq->gaps);
  if (eq->n_spinodals == 0)
    return;

  if (guess != NULL)
    {
      gboolean ok = TRUE;
      guint n_found;

      /* Newton from a start this close; GSL's hybrid solver (with its
       * trust region) where Newton is not safe. */
      for (guint i = 0; i < guess->n_gaps && ok; i++)
        {
          double ua = guess->gaps[i].u_alpha, ub = guess->gaps[i].u_beta;

          ok = newton_tangent (model, ua, ub, &eq->gaps[eq->n_gaps]) ||
               refine_tangent (model, ua, ub, &eq->gaps[eq->n_gaps]);
          eq->n_gaps += ok;
        }
      /* A spinodal outside every gap carried on is a dome that has just
       * opened (T fell below its critical point): seeded from its spinodal
       * as sp_equilibrium_compute() seeds one narrower than its grid. */
      for (guint s = 0; s < eq->n_spinodals && ok && eq->n_gaps < SP_MAX_INTERVALS; s++)
        {
          gboolean covered = FALSE;

          for (guint i = 0; i < eq->n_gaps; i++)
            covered |= gap_covers (&eq->gaps[i], &eq->spinodals[s]);
          if (!covered)
            {
              ok = seed_from_spinodal (model, &eq->spinodals[s], &eq->gaps[eq->n_gaps]);
              eq->n_gaps += ok;
            }
        }
      /* All of it checked as a fresh computation's gaps are; none may
       * have collapsed onto another. */
      n_found = eq->n_gaps;
      if (ok && finish_gaps (model, eq) && eq->n_gaps == n_found)
        return;
    }

  compute_gaps (model, eq);
}

void
sp_equilibrium_continue (const SpModel       *model,
                         const SpEquilibrium *guess,
                         SpEquilibrium       *eq)
{
  memset (eq, 0, sizeof *eq);
  eq->n_spinodals = sp_spinodals_find (model, eq->spinodals);
  sp_equilibrium_continue_gaps (model, guess, eq);
}

/* ---- queries ------------------------------------------------------------ */

double
sp_extrapolate (guint         n,
                const double *t,
                const double *y,
                double        at)
{
  double value = 0.0;

  /* Lagrange's form: with three points the error of a smooth branch falls
   * as the cube of the spacing, which saves a Newton step per edge. */
  for (guint i = 0; i < n; i++)
    {
      double weight = 1.0;

      for (guint j = 0; j < n; j++)
        if (j != i)
          weight *= (at - t[j]) / (t[i] - t[j]);
      value += weight * y[i];
    }
  return value;
}

void
sp_equilibrium_set_voltages (const SpModel *model,
                             SpEquilibrium *eq)
{
  for (guint i = 0; i < eq->n_gaps; i++)
    eq->gaps[i].voltage = sp_model_voltage (model, eq->gaps[i].mu);
}

const SpGap *
sp_equilibrium_find_gap (const SpEquilibrium *eq,
                         double               c)
{
  for (guint i = 0; i < eq->n_gaps; i++)
    if (eq->gaps[i].c_alpha < c && c < eq->gaps[i].c_beta)
      return &eq->gaps[i];
  return NULL;
}

SpRegion
sp_equilibrium_classify (const SpEquilibrium *eq,
                         double               c)
{
  for (guint s = 0; s < eq->n_spinodals; s++)
    if (eq->spinodals[s].lo < c && c < eq->spinodals[s].hi)
      return SP_REGION_UNSTABLE;
  if (sp_equilibrium_find_gap (eq, c) != NULL)
    return SP_REGION_METASTABLE;
  return SP_REGION_STABLE;
}

const char *
sp_region_to_string (SpRegion region)
{
  switch (region)
    {
    case SP_REGION_UNSTABLE:
      return "unstable";
    case SP_REGION_METASTABLE:
      return "metastable";
    case SP_REGION_STABLE:
    default:
      return "stable";
    }
}

double
sp_gap_lever (const SpGap *gap,
              double       c)
{
  return (c - gap->c_alpha) / (gap->c_beta - gap->c_alpha);
}

void
sp_gap_lever_fractions (const SpGap *gap,
                        double       c,
                        double      *alpha,
                        double      *beta)
{
  double width = gap->c_beta - gap->c_alpha;

  *alpha = (gap->c_beta - c) / width;
  *beta = (c - gap->c_alpha) / width;
}

double
sp_equilibrium_mu (const SpModel       *model,
                   const SpEquilibrium *eq,
                   double               c)
{
  const SpGap *gap = sp_equilibrium_find_gap (eq, c);

  return gap != NULL ? gap->mu : sp_model_mu (model, c);
}
