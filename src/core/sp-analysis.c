/* sp-analysis.c — the full recompute behind every plot */

#include "config.h"

#include <math.h>

#include "sp-analysis.h"

static void
analysis_clear (SpAnalysis *analysis)
{
  g_free (analysis->c);
  g_free (analysis->g);
  g_free (analysis->mu);
  g_free (analysis->g2);
  g_free (analysis->ocv_equilibrium);
  g_free (analysis->ocv_homogeneous);
  g_free (analysis->dchem);
  g_free (analysis->k);
  g_free (analysis->sigma);
  sp_phase_diagram_free (analysis->phase);
}

static void
compute_curves (SpAnalysis *a)
{
  const SpModel *model = &a->model;
  guint n = a->n_curve = SP_ANALYSIS_CURVE_POINTS;

  a->c = g_new (double, n);
  a->g = g_new (double, n);
  a->mu = g_new (double, n);
  a->g2 = g_new (double, n);
  a->ocv_equilibrium = g_new (double, n);
  a->ocv_homogeneous = g_new (double, n);
  a->dchem = g_new (double, n);

  for (guint i = 0; i < n; i++)
    {
      double c = (i + 0.5) / n;
      double u = sp_logit (c);
      const SpGap *gap = sp_equilibrium_find_gap (&a->eq, c);

      a->c[i] = c;
      a->g[i] = sp_model_g_u (model, u);
      a->mu[i] = sp_model_mu_u (model, u);
      a->g2[i] = sp_model_g2 (model, c);
      a->ocv_homogeneous[i] = sp_model_voltage (model, a->mu[i]);
      a->ocv_equilibrium[i] = gap != NULL ? gap->voltage : a->ocv_homogeneous[i];
      a->dchem[i] = sp_model_mobility (model, c) * a->g2[i];
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
sp_analysis_new (const SpModel *model)
{
  SpAnalysis *a = g_atomic_rc_box_new0 (SpAnalysis);

  a->model = *model;
  a->kt = sp_model_kt (model);
  a->omega_eff = sp_model_omega_eff (model);
  a->omega_over_kt = a->omega_eff / a->kt;
  a->phase = sp_phase_diagram_compute_default (model, SP_ANALYSIS_PHASE_ROWS);
  a->has_critical = a->phase->has_critical;
  a->t_c = a->phase->t_c;
  a->c_c = a->phase->c_c;
  a->critical_kind = a->phase->critical_kind;

  sp_equilibrium_compute (model, &a->eq);
  a->c0_region = sp_equilibrium_classify (&a->eq, model->c0);
  sp_kinetics_dispersion (model, &a->dispersion);

  compute_curves (a);
  compute_dispersion (a);

  return a;
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
