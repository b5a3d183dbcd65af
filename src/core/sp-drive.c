/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sp-drive.c — the drive's parameters, Butler–Volmer and the homogeneous
 * particle (sp-drive.h) */

#include "config.h"

#include <gsl/gsl_errno.h>
#include <gsl/gsl_odeiv2.h>
#include <math.h>
#include <string.h>

#include "sp-brent.h"
#include "sp-drive.h"

G_DEFINE_QUARK (sp-drive-error-quark, sp_drive_error)

static const char *const mode_names[SP_DRIVE_N_MODES] = {
  "closed", "galvanostatic", "potentiostatic", "cycle",
};

void
sp_drive_params_init_default (SpDriveParams *p)
{
  *p = (SpDriveParams) {
    .mode = SP_DRIVE_CLOSED,
    .c_rate = 1.0,
    .voltage_V = 3.4,
    .k0 = 1.0,
    .alpha = 0.5,
    .v_lo = 2.0,
    .v_hi = 4.5,
    .c_lo = 0.01,
    .c_hi = 0.99,
  };
}

gboolean
sp_drive_params_validate (const SpDriveParams *p,
                          GError             **error)
{
  if ((guint) p->mode >= SP_DRIVE_N_MODES)
    {
      g_set_error (error, SP_DRIVE_ERROR, SP_DRIVE_ERROR_INVALID,
                   "--drive must be closed, galvanostatic, potentiostatic or cycle");
      return FALSE;
    }
  if (!(isfinite (p->c_rate) && fabs (p->c_rate) <= SP_DRIVE_C_RATE_MAX) ||
      ((p->mode == SP_DRIVE_GALVANOSTATIC || p->mode == SP_DRIVE_CYCLE) && p->c_rate == 0.0))
    {
      g_set_error (error, SP_DRIVE_ERROR, SP_DRIVE_ERROR_INVALID,
                   "--c-rate must be a nonzero number in [-%g, %g] 1/h (got %g)",
                   SP_DRIVE_C_RATE_MAX, SP_DRIVE_C_RATE_MAX, p->c_rate);
      return FALSE;
    }
  if (!(p->k0 >= SP_DRIVE_K0_MIN && p->k0 <= SP_DRIVE_K0_MAX))
    {
      g_set_error (error, SP_DRIVE_ERROR, SP_DRIVE_ERROR_INVALID,
                   "--k0 must be in [%g, %g] 1/s (got %g)", SP_DRIVE_K0_MIN, SP_DRIVE_K0_MAX, p->k0);
      return FALSE;
    }
  if (!(p->alpha > 0.0 && p->alpha < 1.0))
    {
      g_set_error (error, SP_DRIVE_ERROR, SP_DRIVE_ERROR_INVALID,
                   "--alpha must be in (0, 1) (got %g)", p->alpha);
      return FALSE;
    }
  if (!(isfinite (p->v_lo) && isfinite (p->v_hi) && p->v_lo < p->v_hi))
    {
      g_set_error (error, SP_DRIVE_ERROR, SP_DRIVE_ERROR_INVALID,
                   "--v-cutoff must be two finite voltages LO,HI with LO < HI (got %g,%g)",
                   p->v_lo, p->v_hi);
      return FALSE;
    }
  if (!(isfinite (p->voltage_V) && fabs (p->voltage_V) <= 100.0))
    {
      g_set_error (error, SP_DRIVE_ERROR, SP_DRIVE_ERROR_INVALID,
                   "--voltage must be in [-100, 100] V (got %g)", p->voltage_V);
      return FALSE;
    }
  if (!(p->c_lo >= SP_DRIVE_C_LIMIT_MIN && p->c_lo < p->c_hi && p->c_hi <= 1.0 - SP_DRIVE_C_LIMIT_MIN))
    {
      g_set_error (error, SP_DRIVE_ERROR, SP_DRIVE_ERROR_INVALID,
                   "the c̄ limits must satisfy %g ≤ c_lo < c_hi ≤ 1 − %g (got %g, %g)",
                   SP_DRIVE_C_LIMIT_MIN, SP_DRIVE_C_LIMIT_MIN, p->c_lo, p->c_hi);
      return FALSE;
    }
  return TRUE;
}

const char *
sp_drive_mode_to_string (SpDriveMode m)
{
  return (guint) m < SP_DRIVE_N_MODES ? mode_names[m] : NULL;
}

gboolean
sp_drive_mode_from_string (const char  *s,
                           SpDriveMode *m)
{
  for (guint i = 0; s != NULL && i < SP_DRIVE_N_MODES; i++)
    if (strcmp (s, mode_names[i]) == 0)
      {
        *m = (SpDriveMode) i;
        return TRUE;
      }
  return FALSE;
}

double
sp_drive_current_of_c_rate (double c_rate)
{
  return c_rate / 3600.0;
}

double
sp_drive_rate (const SpDriveParams *p,
               double               kt,
               double               v0,
               double               c,
               double               mu,
               double               voltage_V)
{
  double x = (1000.0 * (voltage_V - v0) + mu) / kt;

  return p->k0 * c * (1.0 - c) * (exp (-p->alpha * x) - exp ((1.0 - p->alpha) * x));
}

/* h(z) = e^{−αz} − e^{(1−α)z} = r in logarithmic form, so that neither
 * side overflows: for r > 0 the root is negative and −αz + ln(1 − e^z) =
 * ln r; for r < 0 it is positive and (1−α)z + ln(1 − e^{−z}) = ln(−r).
 * Both left sides are monotone. */
typedef struct
{
  double alpha, log_r;
  gboolean positive;
} LogRoot;

static double
log_root_f (double  z,
            void   *data)
{
  const LogRoot *lr = data;

  if (lr->positive)
    return -lr->alpha * z + log (-expm1 (z)) - lr->log_r;
  return (1.0 - lr->alpha) * z + log (-expm1 (-z)) - lr->log_r;
}

gboolean
sp_drive_solve_exponent (double  ln_a,
                         double  ln_b,
                         double  alpha,
                         double  rate,
                         double *y)
{
  /* A e^{−αy} − B e^{(1−α)y} with y = ln(A/B) + z is G h(z), G = A^{1−α} B^α
   * the exchange rate: so h(z) = rate/G. */
  double ln_g = (1.0 - alpha) * ln_a + alpha * ln_b;
  LogRoot lr = { .alpha = alpha, .positive = rate > 0.0 };
  double lo, hi, z;

  if (!isfinite (ln_a) || !isfinite (ln_b) || !isfinite (rate))
    return FALSE;
  if (rate == 0.0)
    {
      *y = ln_a - ln_b;
      return TRUE;
    }
  lr.log_r = log (fabs (rate)) - ln_g;
  /* Bracket: f is +∞ far out on the root's side and −∞ at z → 0. */
  if (lr.positive)
    {
      lo = -1.0;
      for (guint i = 0; i < 64 && log_root_f (lo, &lr) <= 0.0; i++)
        lo *= 2.0;
      hi = -1.0;
      for (guint i = 0; i < 2100 && log_root_f (hi, &lr) >= 0.0; i++)
        hi *= 0.5;
    }
  else
    {
      hi = 1.0;
      for (guint i = 0; i < 64 && log_root_f (hi, &lr) <= 0.0; i++)
        hi *= 2.0;
      lo = 1.0;
      for (guint i = 0; i < 2100 && log_root_f (lo, &lr) >= 0.0; i++)
        lo *= 0.5;
    }
  if (!sp_brent_root (log_root_f, &lr, MIN (lo, hi), MAX (lo, hi), 0.0, 1e-15, &z))
    return FALSE;
  *y = ln_a - ln_b + z;
  return TRUE;
}

double
sp_drive_homogeneous_voltage (const SpDriveParams *p,
                              const SpModel       *model,
                              double               c,
                              double               current)
{
  double kt = sp_model_kt (model), ell = sp_model_mu (model, c) / kt;
  double ln_kf = log (p->k0 * c * (1.0 - c)), y;

  if (!sp_drive_solve_exponent (ln_kf - p->alpha * ell, ln_kf + (1.0 - p->alpha) * ell,
                                p->alpha, current, &y))
    return NAN;
  return model->v0 + kt * y / 1000.0;
}

typedef struct
{
  const SpDriveParams *p;
  const SpModel *model;
  double kt;
} Homogeneous;

static int
homogeneous_rhs (double        t,
                 const double  c[],
                 double        dcdt[],
                 void         *data)
{
  const Homogeneous *h = data;

  (void) t;
  if (!(c[0] > 0.0 && c[0] < 1.0))
    return GSL_EDOM;
  dcdt[0] = sp_drive_rate (h->p, h->kt, h->model->v0, c[0], sp_model_mu (h->model, c[0]),
                           h->p->voltage_V);
  return GSL_SUCCESS;
}

gboolean
sp_drive_homogeneous_potentiostatic (const SpDriveParams *p,
                                     const SpModel       *model,
                                     double               c_start,
                                     double               t,
                                     double              *c_end,
                                     GError             **error)
{
  Homogeneous h = { .p = p, .model = model, .kt = sp_model_kt (model) };
  gsl_odeiv2_system sys = { homogeneous_rhs, NULL, 1, &h };
  gsl_odeiv2_driver *driver;
  double time = 0.0, c[1] = { c_start };
  int status;

  driver = gsl_odeiv2_driver_alloc_y_new (&sys, gsl_odeiv2_step_rk8pd, 1e-6, 0.0, 1e-12);
  gsl_odeiv2_driver_set_nmax (driver, 10000000);
  status = gsl_odeiv2_driver_apply (driver, &time, t, c);
  gsl_odeiv2_driver_free (driver);
  if (status != GSL_SUCCESS || !isfinite (c[0]))
    {
      g_set_error (error, SP_DRIVE_ERROR, SP_DRIVE_ERROR_INVALID,
                   "the homogeneous particle's ODE failed (%s) at t = %g", gsl_strerror (status), time);
      return FALSE;
    }
  *c_end = c[0];
  return TRUE;
}
