/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sp-model.c — the homogeneous free energy, its derivatives and ranges */

#include "config.h"

#include <math.h>

#include "sp-model.h"

G_DEFINE_QUARK (sp-model-error-quark, sp_model_error)

/* Keep in the order of SpParamId. */
static const SpParamRange param_ranges[SP_N_PARAMS] = {
  { "omega",       "meV",      -1000.0, 1000.0, FALSE, FALSE },
  { "temperature", "K",            1.0, 3000.0, FALSE, FALSE },
  { "s1",          "k_B",        -10.0,   10.0, FALSE, FALSE },
  { "stiffness",   "meV",          0.0, 1000.0, FALSE, FALSE },
  { "kappa",       "meV·nm²",     1e-3,  1.0e5, FALSE, FALSE },
  { "rk",          "meV",      -1000.0, 1000.0, FALSE, FALSE },
  { "d0",          "nm²/s",        0.0,  1.0e9, TRUE,  FALSE },
  { "v0",          "V",           -5.0,   10.0, FALSE, FALSE },
  { "c0",          "",             0.0,    1.0, TRUE,  TRUE  },
};

const SpParamRange *
sp_param_range (SpParamId id)
{
  g_return_val_if_fail (id < SP_N_PARAMS, NULL);
  return &param_ranges[id];
}

gboolean
sp_param_range_contains (const SpParamRange *range,
                         double              value)
{
  if (!isfinite (value))
    return FALSE;
  if (range->min_open ? value <= range->min : value < range->min)
    return FALSE;
  if (range->max_open ? value >= range->max : value > range->max)
    return FALSE;
  return TRUE;
}

char *
sp_param_range_describe (const SpParamRange *range)
{
  return g_strdup_printf ("%c%g, %g%c%s%s",
                          range->min_open ? '(' : '[',
                          range->min, range->max,
                          range->max_open ? ')' : ']',
                          range->unit[0] ? " " : "",
                          range->unit);
}

void
sp_model_init_default (SpModel *model)
{
  *model = (SpModel) {
    .omega = 103.4,
    .temperature = 300.0,
    .s1 = 0.0,
    .stiffness = 0.0,
    .kappa = 100.0,
    .rk = { 0.0, 0.0, 0.0, 0.0 },
    .d0 = 1.0,
    .v0 = 3.4,
    .c0 = 0.5,
    .mobility = SP_MOBILITY_SITE_BLOCKING,
  };
}

static gboolean
check_range (SpParamId   id,
             const char *label,
             double      value,
             GError    **error)
{
  const SpParamRange *range = sp_param_range (id);
  g_autofree char *allowed = NULL;

  if (sp_param_range_contains (range, value))
    return TRUE;

  allowed = sp_param_range_describe (range);
  g_set_error (error, SP_MODEL_ERROR, SP_MODEL_ERROR_OUT_OF_RANGE,
               "%s must be a number in %s (got %g)", label, allowed, value);
  return FALSE;
}

gboolean
sp_model_validate (const SpModel *model,
                   GError       **error)
{
  static const char *rk_labels[SP_RK_MAX] = { "L1", "L2", "L3", "L4" };

  if (!check_range (SP_PARAM_OMEGA, "omega", model->omega, error) ||
      !check_range (SP_PARAM_TEMPERATURE, "temperature", model->temperature, error) ||
      !check_range (SP_PARAM_S1, "s1", model->s1, error) ||
      !check_range (SP_PARAM_STIFFNESS, "stiffness", model->stiffness, error) ||
      !check_range (SP_PARAM_KAPPA, "kappa", model->kappa, error) ||
      !check_range (SP_PARAM_D0, "d0", model->d0, error) ||
      !check_range (SP_PARAM_V0, "v0", model->v0, error) ||
      !check_range (SP_PARAM_C0, "c0", model->c0, error))
    return FALSE;

  for (guint j = 0; j < SP_RK_MAX; j++)
    if (!check_range (SP_PARAM_RK, rk_labels[j], model->rk[j], error))
      return FALSE;

  if (model->mobility != SP_MOBILITY_SITE_BLOCKING &&
      model->mobility != SP_MOBILITY_CONSTANT)
    {
      g_set_error (error, SP_MODEL_ERROR, SP_MODEL_ERROR_OUT_OF_RANGE,
                   "mobility must be site-blocking or constant");
      return FALSE;
    }

  return TRUE;
}

double
sp_model_kt (const SpModel *model)
{
  return SP_KB_MEV_PER_K * model->temperature;
}

double
sp_model_omega_eff (const SpModel *model)
{
  return model->omega - model->s1 * sp_model_kt (model);
}

gboolean
sp_model_is_symmetric (const SpModel *model)
{
  for (guint j = 0; j < SP_RK_MAX; j++)
    if (model->rk[j] != 0.0)
      return FALSE;
  return TRUE;
}

gboolean
sp_model_equal (const SpModel *a,
                const SpModel *b)
{
  /* Field by field: memcmp would compare padding. */
  if (a->omega != b->omega || a->temperature != b->temperature || a->s1 != b->s1 ||
      a->stiffness != b->stiffness || a->kappa != b->kappa || a->d0 != b->d0 ||
      a->v0 != b->v0 || a->c0 != b->c0 || a->mobility != b->mobility)
    return FALSE;
  for (guint j = 0; j < SP_RK_MAX; j++)
    if (a->rk[j] != b->rk[j])
      return FALSE;
  return TRUE;
}

/* softplus(u) = ln(1 + e^u), without overflow for large u and with full
 * precision for very negative u. */
static double
softplus (double u)
{
  if (u > 0.0)
    return u + log1p (exp (-u));
  return log1p (exp (u));
}

double
sp_logit (double c)
{
  return log (c) - log1p (-c);
}

double
sp_logistic (double u)
{
  if (u >= 0.0)
    return 1.0 / (1.0 + exp (-u));
  {
    double e = exp (u);
    return e / (1.0 + e);
  }
}

double
sp_logistic_complement (double u)
{
  return sp_logistic (-u);
}

void
sp_model_excess (const SpModel *model,
                 double         c,
                 double        *h,
                 double        *dh,
                 double        *d2h)
{
  sp_model_excess_x (model, 1.0 - 2.0 * c, h, dh, d2h);
}

void
sp_model_excess_x (const SpModel *model,
                   double         x,
                   double        *h,
                   double        *dh,
                   double        *d2h)
{
  /* With x = 1 − 2c, c(1−c) = q(x) = (1 − x²)/4 and d/dc = −2 d/dx.
   * S(x) = Σ L_j x^j and its derivatives by Horner's rule. */
  double s = 0.0, s1 = 0.0, s2 = 0.0;
  double q = 0.25 * (1.0 - x) * (1.0 + x);
  double q1 = -0.5 * x;
  double q2 = -0.5;

  for (int j = SP_RK_MAX; j >= 1; j--)
    {
      s2 = s2 * x + 2.0 * s1;
      s1 = s1 * x + s;
      s = s * x + model->rk[j - 1];
    }
  s2 = s2 * x + 2.0 * s1;
  s1 = s1 * x + s;
  s = s * x + sp_model_omega_eff (model);

  if (h)
    *h = q * s;
  if (dh)
    *dh = -2.0 * (q1 * s + q * s1);
  if (d2h)
    *d2h = 4.0 * (q2 * s + 2.0 * q1 * s1 + q * s2);
}

double
sp_model_g_u (const SpModel *model,
              double         u)
{
  double c = sp_logistic (u);
  double one_minus_c = sp_logistic_complement (u);
  double h;

  sp_model_excess_x (model, one_minus_c - c, &h, NULL, NULL);
  /* ln c = −softplus(−u), ln(1−c) = −softplus(u) */
  return -sp_model_kt (model) * (c * softplus (-u) + one_minus_c * softplus (u))
         + h + model->stiffness * c * c;
}

double
sp_model_mu_u (const SpModel *model,
               double         u)
{
  double c = sp_logistic (u);
  double dh;

  sp_model_excess_x (model, sp_logistic_complement (u) - c, NULL, &dh, NULL);
  return sp_model_kt (model) * u + dh + 2.0 * model->stiffness * c;
}

double
sp_model_omega_u (const SpModel *model,
                  double         u)
{
  double c = sp_logistic (u);
  double h, dh;

  sp_model_excess_x (model, sp_logistic_complement (u) - c, &h, &dh, NULL);
  return -sp_model_kt (model) * softplus (u) + (h - c * dh)
         - model->stiffness * c * c;
}

void
sp_model_point_u (const SpModel *model,
                  double         u,
                  SpModelPoint  *point)
{
  double kt = sp_model_kt (model);
  /* sp_logistic() and softplus() take their exponential of −|u|. */
  double e = exp (-fabs (u));
  double c = u >= 0.0 ? 1.0 / (1.0 + e) : e / (1.0 + e);
  double one_minus_c = -u >= 0.0 ? 1.0 / (1.0 + e) : e / (1.0 + e);
  double log1p_e = log1p (e);
  double softplus_u = u > 0.0 ? u + log1p_e : log1p_e;
  double softplus_minus_u = -u > 0.0 ? -u + log1p_e : log1p_e;
  double h, dh, d2h;

  sp_model_excess_x (model, one_minus_c - c, &h, &dh, &d2h);
  point->c = c;
  point->one_minus_c = one_minus_c;
  point->g = -kt * (c * softplus_minus_u + one_minus_c * softplus_u)
             + h + model->stiffness * c * c;
  point->mu = kt * u + dh + 2.0 * model->stiffness * c;
  point->omega = -kt * softplus_u + (h - c * dh) - model->stiffness * c * c;
  point->dmu_du = kt + c * one_minus_c * (d2h + 2.0 * model->stiffness);
}

double
sp_model_dmu_du (const SpModel *model,
                 double         u)
{
  double c = sp_logistic (u);
  double one_minus_c = sp_logistic_complement (u);
  double d2h;

  sp_model_excess_x (model, one_minus_c - c, NULL, NULL, &d2h);
  return sp_model_kt (model) + c * one_minus_c * (d2h + 2.0 * model->stiffness);
}

double
sp_model_g (const SpModel *model,
            double         c)
{
  return sp_model_g_u (model, sp_logit (c));
}

double
sp_model_mu (const SpModel *model,
             double         c)
{
  return sp_model_mu_u (model, sp_logit (c));
}

double
sp_model_g2 (const SpModel *model,
             double         c)
{
  double d2h;

  sp_model_excess (model, c, NULL, NULL, &d2h);
  return sp_model_kt (model) / (c * (1.0 - c)) + d2h + 2.0 * model->stiffness;
}

double
sp_model_mu_rest (const SpModel *model,
                  double         c)
{
  double dh;

  sp_model_excess (model, c, NULL, &dh, NULL);
  return dh + 2.0 * model->stiffness * c;
}

double
sp_model_mu_rest_prime (const SpModel *model,
                        double         c)
{
  double d2h;

  sp_model_excess (model, c, NULL, NULL, &d2h);
  return d2h + 2.0 * model->stiffness;
}

double
sp_model_mobility (const SpModel *model,
                   double         c)
{
  double kt = sp_model_kt (model);

  if (model->mobility == SP_MOBILITY_CONSTANT)
    return model->d0 / (4.0 * kt);
  return model->d0 / kt * c * (1.0 - c);
}

double
sp_model_voltage (const SpModel *model,
                  double         mu)
{
  return model->v0 - mu / 1000.0;
}

double
sp_model_energy_scale (const SpModel *model)
{
  double scale = MAX (fabs (model->omega), sp_model_kt (model));

  scale = MAX (scale, fabs (model->stiffness));
  for (int j = 0; j < SP_RK_MAX; j++)
    scale = MAX (scale, fabs (model->rk[j]));
  return scale;
}

double
sp_model_clean_energy (const SpModel *model,
                       double         energy)
{
  return fabs (energy) < 1e-12 * sp_model_energy_scale (model) ? 0.0 : energy;
}
