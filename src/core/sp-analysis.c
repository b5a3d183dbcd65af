/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sp-analysis.c — everything the plots show, recomputing only what changed
 *
 * What each part depends on (PHYSICS.md's model; nothing else enters):
 *   phase diagram     Ω, s1, K, L1…L4; T only through the plotted range;
 *                     V0 only through the plateau voltages
 *   gaps, spinodals   Ω, T, s1, K, L1…L4; V0 only through the voltages
 *   g, μ, g'' curves  Ω, T, s1, K, L1…L4
 *   OCV, D_chem, σ(k) cheap: recomputed every time
 * sp_analysis_new_from() shares (by reference) or copies the parts whose
 * inputs did not change.  Inputs are compared bit for bit, so the result is
 * the very same as sp_analysis_new() would compute (tests/test-analysis.c
 * checks that bit for bit).
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include "sp-analysis.h"

/* The shared curve arrays are reference-counted blocks. */
static double *
curve_new (guint n)
{
  return g_atomic_rc_box_alloc (n * sizeof (double));
}

static double *
curve_ref (double *curve)
{
  return g_atomic_rc_box_acquire (curve);
}

static void
curve_unref (double *curve)
{
  if (curve != NULL)
    g_atomic_rc_box_release (curve);
}

static void
analysis_clear (SpAnalysis *analysis)
{
  curve_unref (analysis->c);
  curve_unref (analysis->g);
  curve_unref (analysis->mu);
  curve_unref (analysis->g2);
  g_free (analysis->ocv_equilibrium);
  g_free (analysis->ocv_homogeneous);
  g_free (analysis->dchem);
  g_free (analysis->k);
  g_free (analysis->sigma);
  sp_phase_diagram_free (analysis->phase);
}

static gboolean
same_double (double a,
             double b)
{
  return memcmp (&a, &b, sizeof a) == 0;
}

/* Every input of the phase diagram's rows except T and V0. */
static gboolean
same_free_energy_shape (const SpModel *a,
                        const SpModel *b)
{
  return same_double (a->omega, b->omega) && same_double (a->s1, b->s1) &&
         same_double (a->stiffness, b->stiffness) && memcmp (a->rk, b->rk, sizeof a->rk) == 0;
}

/* Every input of g(c) at the model's temperature. */
static gboolean
same_free_energy (const SpModel *a,
                  const SpModel *b)
{
  return same_free_energy_shape (a, b) && same_double (a->temperature, b->temperature);
}

static SpPhaseDiagram *
phase_diagram_for (const SpAnalysis *previous,
                   const SpModel    *model)
{
  SpPhaseDiagram *old = previous != NULL ? previous->phase : NULL;
  double t_min, t_max;

  if (old == NULL || !same_free_energy_shape (&previous->model, model))
    return sp_phase_diagram_compute_default (model, SP_ANALYSIS_PHASE_ROWS);

  /* T moves the plotted range only when it leaves it (or sets an edge). */
  sp_phase_diagram_default_range (old, model->temperature, &t_min, &t_max);
  if (!same_double (t_min, old->t_min) || !same_double (t_max, old->t_max))
    return sp_phase_diagram_compute_default (model, SP_ANALYSIS_PHASE_ROWS);

  if (same_double (previous->model.v0, model->v0))
    return sp_phase_diagram_ref (old);
  return sp_phase_diagram_with_voltages (old, model);
}

static void
compute_free_energy_curves (SpAnalysis *a)
{
  const SpModel *model = &a->model;
  guint n = a->n_curve;

  a->g = curve_new (n);
  a->mu = curve_new (n);
  a->g2 = curve_new (n);
  for (guint i = 0; i < n; i++)
    {
      SpModelPoint point;

      /* sp_model_g_u() and sp_model_mu_u() in one pass. */
      sp_model_point_u (model, sp_logit (a->c[i]), &point);
      a->g[i] = point.g;
      a->mu[i] = point.mu;
      a->g2[i] = sp_model_g2 (model, a->c[i]);
    }
}

static void
compute_curves (SpAnalysis       *a,
                const SpAnalysis *previous)
{
  const SpModel *model = &a->model;
  guint n = a->n_curve = SP_ANALYSIS_CURVE_POINTS;

  if (previous != NULL)
    a->c = curve_ref (previous->c);
  else
    {
      a->c = curve_new (n);
      for (guint i = 0; i < n; i++)
        a->c[i] = (i + 0.5) / n;
    }

  if (previous != NULL && same_free_energy (&previous->model, model))
    {
      a->g = curve_ref (previous->g);
      a->mu = curve_ref (previous->mu);
      a->g2 = curve_ref (previous->g2);
    }
  else
    compute_free_energy_curves (a);

  a->ocv_equilibrium = g_new (double, n);
  a->ocv_homogeneous = g_new (double, n);
  a->dchem = g_new (double, n);
  for (guint i = 0; i < n; i++)
    {
      const SpGap *gap = sp_equilibrium_find_gap (&a->eq, a->c[i]);

      a->ocv_homogeneous[i] = sp_model_voltage (model, a->mu[i]);
      a->ocv_equilibrium[i] = gap != NULL ? gap->voltage : a->ocv_homogeneous[i];
      a->dchem[i] = sp_model_mobility (model, a->c[i]) * a->g2[i];
    }
}

/* k from 0 past the edge of the unstable band; for a stable c0, out to where
 * the gradient term matches |g''|, so the curve has the same shape scale. */
static void
compute_dispersion (SpAnalysis *a)
{
  const SpModel *model = &a->model;
  guint n = a->n_k = SP_ANALYSIS_DISPERSION_POINTS;
  double g2 = sp_model_g2 (model, model->c0);
  double k_plot = 1.3 * sqrt (MAX (fabs (g2), 1e-6 * a->kt) / model->kappa);

  a->k = g_new (double, n);
  a->sigma = g_new (double, n);
  for (guint i = 0; i < n; i++)
    {
      a->k[i] = k_plot * i / (n - 1);
      a->sigma[i] = sp_kinetics_growth_rate (model, a->k[i]);
    }
}

SpAnalysis *
sp_analysis_new_from (const SpAnalysis *previous,
                      const SpModel    *model)
{
  SpAnalysis *a = g_atomic_rc_box_new0 (SpAnalysis);

  a->model = *model;
  a->kt = sp_model_kt (model);
  a->omega_eff = sp_model_omega_eff (model);
  a->omega_over_kt = a->omega_eff / a->kt;
  a->phase = phase_diagram_for (previous, model);
  a->has_critical = a->phase->has_critical;
  a->t_c = a->phase->t_c;
  a->c_c = a->phase->c_c;
  a->critical_kind = a->phase->critical_kind;

  if (previous != NULL && same_free_energy (&previous->model, model))
    {
      a->eq = previous->eq;
      sp_equilibrium_set_voltages (model, &a->eq);
    }
  else
    sp_equilibrium_compute (model, &a->eq);
  a->c0_region = sp_equilibrium_classify (&a->eq, model->c0);
  sp_kinetics_dispersion (model, &a->dispersion);

  compute_curves (a, previous);
  compute_dispersion (a);

  return a;
}

SpAnalysis *
sp_analysis_new (const SpModel *model)
{
  return sp_analysis_new_from (NULL, model);
}

SpAnalysis *
sp_analysis_ref (SpAnalysis *analysis)
{
  return g_atomic_rc_box_acquire (analysis);
}

void
sp_analysis_unref (SpAnalysis *analysis)
{
  g_atomic_rc_box_release_full (analysis, (GDestroyNotify) analysis_clear);
}
