/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sp-ch-params.c — the free energy and mobility the Cahn–Hilliard engine
 * integrates, in the problem's units, and the engine's parameter checks */

#include "config.h"

#include <math.h>

#include "sp-ch.h"
#include "sp-ch-private.h"
#include "sp-kinetics.h"

G_DEFINE_QUARK (sp-ch-error-quark, sp_ch_error)

void
sp_ch_params_init_default (SpChParams *params)
{
  SpDispersion disp;

  *params = (SpChParams) {
    .problem = SP_CH_PROBLEM_MODEL,
    .n = 256,
    .init = SP_CH_INIT_NOISE,
    .noise = 0.01,
    .seed = 1,
    .dt_max = 0.0,
    .tolerance = 0.0,
  };
  sp_model_init_default (&params->model);
  sp_drive_params_init_default (&params->drive);

  /* A box of sixteen fastest-growing wavelengths resolves both the early
   * pattern and a few generations of coarsening on 256². */
  sp_kinetics_dispersion (&params->model, &disp);
  params->length = disp.unstable ? 16.0 * disp.lambda_star : 128.0;
}

void
sp_ch_params_init_pfhub1a (SpChParams *params)
{
  sp_ch_params_init_default (params);
  params->problem = SP_CH_PROBLEM_PFHUB1;
  params->init = SP_CH_INIT_PFHUB1A;
  params->n = 200;
  params->length = 200.0;
  params->noise = 0.0;
  /* PFHub is a yardstick, so its run is held to a tighter step than the
   * live view: against a time-converged second-order (ETDRK2) reference,
   * the default 0.002 leaves F(1000) 0.9 high; 0.001 is within 0.1 and
   * still reaches t = 10⁴ in about 4 s here (bench-ch). */
  params->tolerance = SP_CH_PFHUB1_TOLERANCE;
}

gboolean
sp_ch_params_validate (const SpChParams *params,
                       GError          **error)
{
  if (params->problem != SP_CH_PROBLEM_MODEL && params->problem != SP_CH_PROBLEM_PFHUB1)
    {
      g_set_error (error, SP_CH_ERROR, SP_CH_ERROR_INVALID, "unknown problem");
      return FALSE;
    }
  if (params->problem == SP_CH_PROBLEM_MODEL)
    {
      g_autoptr(GError) model_error = NULL;

      if (!sp_model_validate (&params->model, &model_error))
        {
          g_set_error (error, SP_CH_ERROR, SP_CH_ERROR_INVALID, "%s", model_error->message);
          return FALSE;
        }
    }
  if (params->n < SP_CH_N_MIN || params->n > SP_CH_N_MAX)
    {
      g_set_error (error, SP_CH_ERROR, SP_CH_ERROR_INVALID,
                   "grid must be in [%d, %d] (got %u)", SP_CH_N_MIN, SP_CH_N_MAX, params->n);
      return FALSE;
    }
  if (!(params->length > 0.0) || !isfinite (params->length))
    {
      g_set_error (error, SP_CH_ERROR, SP_CH_ERROR_INVALID,
                   "length must be a positive number (got %g)", params->length);
      return FALSE;
    }
  if (!(params->noise >= 0.0 && params->noise < 0.5))
    {
      g_set_error (error, SP_CH_ERROR, SP_CH_ERROR_INVALID,
                   "noise must be in [0, 0.5) (got %g)", params->noise);
      return FALSE;
    }
  if (params->init != SP_CH_INIT_NOISE && params->init != SP_CH_INIT_PFHUB1A)
    {
      g_set_error (error, SP_CH_ERROR, SP_CH_ERROR_INVALID, "unknown initial condition");
      return FALSE;
    }
  if (!isfinite (params->dt_max) || !isfinite (params->tolerance) ||
      params->tolerance >= 0.5)
    {
      g_set_error (error, SP_CH_ERROR, SP_CH_ERROR_INVALID,
                   "dt-max must be finite and the tolerance below 0.5");
      return FALSE;
    }
  {
    g_autoptr(GError) drive_error = NULL;

    if (!sp_drive_params_validate (&params->drive, &drive_error))
      {
        g_set_error (error, SP_CH_ERROR, SP_CH_ERROR_INVALID, "%s", drive_error->message);
        return FALSE;
      }
  }
  if (params->drive.mode != SP_DRIVE_CLOSED && params->problem != SP_CH_PROBLEM_MODEL)
    {
      g_set_error (error, SP_CH_ERROR, SP_CH_ERROR_INVALID,
                   "only the material model can be driven (PFHub 1 has no voltage)");
      return FALSE;
    }
  return TRUE;
}

gboolean
sp_ch_params_is_logarithmic (const SpChParams *params)
{
  return params->problem == SP_CH_PROBLEM_MODEL;
}

double
sp_ch_params_kappa (const SpChParams *params)
{
  return params->problem == SP_CH_PROBLEM_PFHUB1 ? SP_CH_PFHUB1_KAPPA : params->model.kappa;
}

double
sp_ch_params_c0 (const SpChParams *params)
{
  return params->problem == SP_CH_PROBLEM_PFHUB1 ? 0.5 : params->model.c0;
}

double
sp_ch_params_f (const SpChParams *params,
                double            c)
{
  if (params->problem == SP_CH_PROBLEM_PFHUB1)
    {
      double u = c - SP_CH_PFHUB1_C_ALPHA, v = SP_CH_PFHUB1_C_BETA - c;
      return SP_CH_PFHUB1_RHO * u * u * v * v;
    }
  return sp_model_g (&params->model, c);
}

double
sp_ch_params_f2 (const SpChParams *params,
                 double            c)
{
  if (params->problem == SP_CH_PROBLEM_PFHUB1)
    {
      double u = c - SP_CH_PFHUB1_C_ALPHA, v = SP_CH_PFHUB1_C_BETA - c;
      return 2.0 * SP_CH_PFHUB1_RHO * ((v - u) * (v - u) - 2.0 * u * v);
    }
  return sp_model_g2 (&params->model, c);
}

double
sp_ch_params_mobility (const SpChParams *params,
                       double            c)
{
  if (params->problem == SP_CH_PROBLEM_PFHUB1)
    return SP_CH_PFHUB1_M;
  return sp_model_mobility (&params->model, c);
}

/* Polynomials in x = 1 − 2c, lowest power first. */
static void
poly_mul (const double *a, guint na,
          const double *b, guint nb,
          double       *out)
{
  for (guint i = 0; i < na + nb - 1; i++)
    out[i] = 0.0;
  for (guint i = 0; i < na; i++)
    for (guint j = 0; j < nb; j++)
      out[i + j] += a[i] * b[j];
}

static void
poly_deriv (const double *a, guint na,
            double       *out)
{
  for (guint i = 1; i < na; i++)
    out[i - 1] = i * a[i];
  out[na - 1] = 0.0;
}

void
sp_ch_free_energy_init (SpChFreeEnergy   *fe,
                        const SpChParams *params)
{
  const SpModel *m = &params->model;
  /* The same excess as sp_model_excess_x: h = q(x) S(x), q = (1 − x²)/4,
   * S = Ω_eff + Σ L_j x^j, d/dc = −2 d/dx; plus K c² = K (1 − x)²/4.
   * Expanding it once lets the per-point loops run Horner's rule inline;
   * test-ch checks it against sp_model_g / sp_model_mu_rest / _prime. */
  double s[SP_RK_MAX + 1] = { sp_model_omega_eff (m), m->rk[0], m->rk[1], m->rk[2], m->rk[3] };
  double q[3] = { 0.25, 0.0, -0.25 };
  double k[3] = { 0.25 * m->stiffness, -0.5 * m->stiffness, 0.25 * m->stiffness };
  double dh[SP_CH_POLY_LEN], d2h[SP_CH_POLY_LEN];

  *fe = (SpChFreeEnergy) { .problem = params->problem };
  if (params->problem == SP_CH_PROBLEM_PFHUB1)
    {
      fe->mobility_scale = SP_CH_PFHUB1_M;
      fe->kappa = SP_CH_PFHUB1_KAPPA;
      fe->constant_mobility = TRUE;
      return;
    }

  fe->kt = sp_model_kt (m);
  fe->kappa = m->kappa;
  fe->constant_mobility = m->mobility == SP_MOBILITY_CONSTANT;
  /* sp_model_mobility at c = ½ is the constant value or the site-blocking
   * maximum m0/4; either way it fixes the scale exactly. */
  fe->mobility_scale = fe->constant_mobility ? sp_model_mobility (m, 0.5)
                                             : 4.0 * sp_model_mobility (m, 0.5);

  poly_mul (q, 3, s, SP_RK_MAX + 1, fe->h);               /* degree 6 */
  for (guint i = 0; i < 3; i++)
    fe->h[i] += k[i];
  poly_deriv (fe->h, SP_CH_POLY_LEN, dh);
  poly_deriv (dh, SP_CH_POLY_LEN, d2h);
  for (guint i = 0; i < SP_CH_POLY_LEN; i++)
    {
      /* μ_rest = dh/dc (the K c² term included: d(Kc²)/dc = 2Kc). */
      fe->mu_rest[i] = -2.0 * dh[i];
      fe->mu_rest_prime[i] = 4.0 * d2h[i];
    }

  fe->mu_rest_linear = TRUE;
  for (guint i = 2; i < SP_CH_POLY_LEN; i++)
    fe->mu_rest_linear &= fe->mu_rest[i] == 0.0;

  /* A degree-4 polynomial on [0, 1]: a fine sample plus a margin bounds
   * its maximum well enough for a stabiliser (which only needs ≥). */
  fe->mu_rest_prime_max = -G_MAXDOUBLE;
  for (guint i = 0; i <= 1000; i++)
    fe->mu_rest_prime_max = MAX (fe->mu_rest_prime_max,
                                 sp_ch_poly (fe->mu_rest_prime, 1.0 - 2.0 * i / 1000.0));
  fe->mu_rest_prime_max += 1e-3 * fabs (fe->mu_rest_prime_max);
}
