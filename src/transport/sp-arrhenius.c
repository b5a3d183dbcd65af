/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sp-arrhenius.c — the Arrhenius fit (see the header) */

#include "config.h"

#include <gio/gio.h>
#include <glib/gi18n.h>
#include <gsl/gsl_cdf.h>
#include <gsl/gsl_errno.h>
#include <gsl/gsl_fit.h>
#include <math.h>
#include <string.h>

#include "sp-arrhenius.h"

const char *
sp_arrhenius_form_to_string (SpArrheniusForm form)
{
  return form == SP_ARRHENIUS_SIGMA ? "sigma" : "sigma-t";
}

gboolean
sp_arrhenius_form_from_string (const char      *text,
                               SpArrheniusForm *form)
{
  if (g_strcmp0 (text, "sigma-t") == 0)
    *form = SP_ARRHENIUS_SIGMA_T;
  else if (g_strcmp0 (text, "sigma") == 0)
    *form = SP_ARRHENIUS_SIGMA;
  else
    return FALSE;
  return TRUE;
}

static gboolean
check_points (const double *t,
              const double *sigma,
              const double *u,
              guint         n,
              GError      **error)
{
  double t_min = INFINITY, t_max = -INFINITY;

  if (n < 2)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("an Arrhenius fit needs at least 2 points, got %u"), n);
      return FALSE;
    }
  for (guint i = 0; i < n; i++)
    {
      if (!(isfinite (t[i]) && t[i] > 0))
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                       _("point %u: the temperature must be above 0 K, not %g K"), i + 1, t[i]);
          return FALSE;
        }
      if (!(isfinite (sigma[i]) && sigma[i] > 0))
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                       _("point %u: the conductivity must be positive, not %g S/cm"),
                       i + 1, sigma[i]);
          return FALSE;
        }
      if (u != NULL && !(isfinite (u[i]) && u[i] > 0))
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                       _("point %u: the conductivity's uncertainty must be positive, not %g S/cm"),
                       i + 1, u[i]);
          return FALSE;
        }
      t_min = MIN (t_min, t[i]);
      t_max = MAX (t_max, t[i]);
    }
  /* 1/T must vary: every point at one temperature gives no slope. */
  if (t_max - t_min <= 1e-9 * t_max)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("every point is at the same temperature (%g K): no slope to fit"), t_max);
      return FALSE;
    }
  return TRUE;
}

gboolean
sp_arrhenius_fit (const double    *temperature_k,
                  const double    *sigma_s_per_cm,
                  const double    *sigma_stderr,
                  guint            n,
                  SpArrheniusForm  form,
                  SpArrheniusFit  *fit,
                  GError         **error)
{
  g_autofree double *x = NULL;
  g_autofree double *y = NULL;
  g_autofree double *w = NULL;
  double c0, c1, cov00, cov01, cov11, chi2;
  double y_mean = 0, w_sum = 0, ss_tot = 0;
  int status;

  g_return_val_if_fail (fit != NULL, FALSE);
  memset (fit, 0, sizeof *fit);

  if (!check_points (temperature_k, sigma_s_per_cm, sigma_stderr, n, error))
    return FALSE;

  x = g_new (double, n);
  y = g_new (double, n);
  w = g_new (double, n);
  for (guint i = 0; i < n; i++)
    {
      double u_y = sigma_stderr != NULL ? sigma_stderr[i] / sigma_s_per_cm[i] : 1;

      x[i] = 1 / temperature_k[i];
      y[i] = log (sigma_s_per_cm[i]) + (form == SP_ARRHENIUS_SIGMA_T ? log (temperature_k[i]) : 0);
      w[i] = 1 / (u_y * u_y);
    }

  if (sigma_stderr != NULL)
    status = gsl_fit_wlinear (x, 1, w, 1, y, 1, n, &c0, &c1, &cov00, &cov01, &cov11, &chi2);
  else
    {
      double sumsq;

      /* gsl_fit_linear scales the covariance by Σr²/(n − 2) itself. */
      status = gsl_fit_linear (x, 1, y, 1, n, &c0, &c1, &cov00, &cov01, &cov11, &sumsq);
      chi2 = sumsq;
      if (n == 2)
        cov00 = cov01 = cov11 = NAN;   /* an exact line: no scatter to measure */
    }
  if (status != GSL_SUCCESS || !isfinite (c0) || !isfinite (c1))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   _("the Arrhenius fit failed: %s"), gsl_strerror (status));
      return FALSE;
    }

  for (guint i = 0; i < n; i++)
    {
      y_mean += w[i] * y[i];
      w_sum += w[i];
    }
  y_mean /= w_sum;
  for (guint i = 0; i < n; i++)
    ss_tot += w[i] * (y[i] - y_mean) * (y[i] - y_mean);

  fit->form = form;
  fit->n_points = n;
  fit->weighted = sigma_stderr != NULL;
  fit->dof = n - 2;
  fit->slope_k = c1;
  fit->ln_prefactor = c0;
  fit->var_intercept = cov00;
  fit->var_slope = cov11;
  fit->cov_intercept_slope = cov01;
  fit->chi2 = chi2;
  fit->ea_ev = -c1 * SP_BOLTZMANN_EV_PER_K;
  fit->ea_stderr_ev = sqrt (cov11) * SP_BOLTZMANN_EV_PER_K;
  fit->ln_prefactor_stderr = sqrt (cov00);
  fit->prefactor = exp (c0);
  fit->prefactor_stderr = fit->prefactor * fit->ln_prefactor_stderr;
  fit->r_squared = ss_tot > 0 ? 1 - chi2 / ss_tot : 1;
  return TRUE;
}

double
sp_arrhenius_sigma_at (const SpArrheniusFit *fit,
                       double                temperature_k)
{
  double ln = fit->ln_prefactor + fit->slope_k / temperature_k;

  if (fit->form == SP_ARRHENIUS_SIGMA_T)
    ln -= log (temperature_k);
  return exp (ln);
}

void
sp_arrhenius_line (const SpArrheniusFit *fit,
                   double                t_min_k,
                   double                t_max_k,
                   guint                 n,
                   double               *x,
                   double               *sigma)
{
  double x_lo = 1000 / t_max_k, x_hi = 1000 / t_min_k;

  for (guint i = 0; i < n; i++)
    {
      double xi = n > 1 ? x_lo + (x_hi - x_lo) * i / (n - 1) : x_lo;

      x[i] = xi;
      sigma[i] = sp_arrhenius_sigma_at (fit, 1000 / xi);
    }
}

double
sp_arrhenius_ea_halfwidth (const SpArrheniusFit *fit,
                           double                confidence)
{
  double p = 0.5 + confidence / 2, q;

  if (!isfinite (fit->ea_stderr_ev) || !(confidence > 0 && confidence < 1))
    return NAN;
  if (fit->weighted)
    q = gsl_cdf_ugaussian_Pinv (p);
  else
    q = gsl_cdf_tdist_Pinv (p, fit->dof);
  return q * fit->ea_stderr_ev;
}

gboolean
sp_conductivity_from_resistance (double   resistance_ohm,
                                 double   thickness_cm,
                                 double   area_cm2,
                                 double  *sigma_s_per_cm,
                                 GError **error)
{
  if (!(isfinite (resistance_ohm) && resistance_ohm > 0))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("the resistance must be a positive number of ohms, not %g"), resistance_ohm);
      return FALSE;
    }
  if (!(isfinite (thickness_cm) && thickness_cm > 0))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("the thickness must be a positive number of centimetres, not %g"),
                   thickness_cm);
      return FALSE;
    }
  if (!(isfinite (area_cm2) && area_cm2 > 0))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("the area must be a positive number of square centimetres, not %g"),
                   area_cm2);
      return FALSE;
    }
  *sigma_s_per_cm = thickness_cm / (resistance_ohm * area_cm2);
  return TRUE;
}
