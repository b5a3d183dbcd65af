/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sp-qens.c — F_s(Q, t) from a trajectory and the Γ(Q) values (see
 * sp-qens.h); the fits are in sp-qens-fit.c, the table reader in
 * sp-qens-read.c.
 *
 * F_s needs |Δr| of every ion over every lag and origin: O(T · L · N · n_Q)
 * — no FFT shortcut exists for sin(Q|Δr|)/(Q|Δr|), unlike the MSD.  The
 * caller limits L (max_lag).
 */

#include "config.h"

#include <glib/gi18n.h>
#include <gsl/gsl_sf_bessel.h>
#include <math.h>
#include <string.h>

#include "sp-qens.h"

G_DEFINE_QUARK (sp-qens-error-quark, sp_qens_error)

double
sp_chudley_elliott_gamma_mev (double q_inv_angstrom,
                              double l_angstrom,
                              double tau_ps)
{
  return SP_HBAR_MEV_PS / tau_ps * (1.0 - gsl_sf_bessel_j0 (q_inv_angstrom * l_angstrom));
}

double
sp_qens_small_q_gamma_mev (double q_inv_angstrom,
                           double d_cm2_s)
{
  /* D in Å²/ps = D in cm²/s · 1e4 (1 cm² = 1e16 Å², 1 s = 1e12 ps). */
  return SP_HBAR_MEV_PS * d_cm2_s * 1e4 * q_inv_angstrom * q_inv_angstrom;
}

void
sp_qens_fs_free (SpQensFs *fs)
{
  if (fs == NULL)
    return;
  g_free (fs->q);
  g_free (fs->fs);
  g_free (fs->fs_group);
  g_free (fs);
}

SpQensFs *
sp_qens_fs_compute (const SpTrajectory *trajectory,
                    const double       *q,
                    guint               n_q,
                    guint               max_lag,
                    GCancellable       *cancellable,
                    GError            **error)
{
  g_autoptr (SpQensFs) fs = NULL;
  g_autofree double *sum = NULL;
  g_autofree guint *group_size = NULL;
  guint n_frames, n_ions, n_groups;

  g_return_val_if_fail (trajectory != NULL && (q != NULL || n_q == 0), NULL);
  n_frames = trajectory->n_frames;
  n_ions = trajectory->n_ions;
  if (n_frames < 3 || n_ions == 0)
    {
      g_set_error (error, SP_QENS_ERROR, SP_QENS_ERROR_INPUT,
                   _("F_s(Q, t) needs at least 3 frames and one ion, the trajectory has %u "
                     "frames of %u ions"), n_frames, n_ions);
      return NULL;
    }
  if (n_q == 0)
    {
      g_set_error (error, SP_QENS_ERROR, SP_QENS_ERROR_INPUT, _("no Q values given"));
      return NULL;
    }
  for (guint i = 0; i < n_q; i++)
    if (!(q[i] > 0) || !isfinite (q[i]))
      {
        g_set_error (error, SP_QENS_ERROR, SP_QENS_ERROR_INPUT,
                     _("Q must be positive (Å⁻¹), found %g"), q[i]);
        return NULL;
      }
  if (!(trajectory->dt_ps > 0))
    {
      g_set_error (error, SP_QENS_ERROR, SP_QENS_ERROR_INPUT,
                   _("the trajectory's time step must be positive, found %g ps"),
                   trajectory->dt_ps);
      return NULL;
    }
  if (max_lag == 0)
    max_lag = n_frames / 2;
  max_lag = MIN (max_lag, n_frames - 1);

  fs = g_new0 (SpQensFs, 1);
  fs->n_q = n_q;
  fs->n_lags = max_lag + 1;
  fs->dt_ps = trajectory->dt_ps;
  fs->q = g_memdup2 (q, n_q * sizeof (double));
  fs->fs = g_new (double, (gsize) n_q * fs->n_lags);
  n_groups = MIN (n_ions, (guint) SP_QENS_ION_GROUPS);
  fs->n_groups = n_groups;
  fs->fs_group = g_new (double, (gsize) n_groups * n_q * fs->n_lags);
  group_size = g_new0 (guint, n_groups);
  for (guint i = 0; i < n_ions; i++)
    group_size[i % n_groups]++;
  sum = g_new (double, (gsize) n_groups * n_q);
  for (guint iq = 0; iq < n_q; iq++)
    fs->fs[(gsize) iq * fs->n_lags] = 1.0;
  for (guint g = 0; g < n_groups; g++)
    for (guint iq = 0; iq < n_q; iq++)
      fs->fs_group[((gsize) g * n_q + iq) * fs->n_lags] = 1.0;

  for (guint lag = 1; lag <= max_lag; lag++)
    {
      guint n_origins = n_frames - lag;

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return NULL;
      memset (sum, 0, (gsize) n_groups * n_q * sizeof (double));
      for (guint t0 = 0; t0 < n_origins; t0++)
        for (guint i = 0; i < n_ions; i++)
          {
            const double *a = sp_trajectory_position (trajectory, t0, i);
            const double *b = sp_trajectory_position (trajectory, t0 + lag, i);
            double dr = sqrt ((b[0] - a[0]) * (b[0] - a[0]) + (b[1] - a[1]) * (b[1] - a[1])
                              + (b[2] - a[2]) * (b[2] - a[2]));
            double *s = sum + (gsize) (i % n_groups) * n_q;

            for (guint iq = 0; iq < n_q; iq++)
              s[iq] += gsl_sf_bessel_j0 (q[iq] * dr);
          }
      for (guint iq = 0; iq < n_q; iq++)
        {
          double total = 0;

          for (guint g = 0; g < n_groups; g++)
            {
              double s = sum[(gsize) g * n_q + iq];

              total += s;
              fs->fs_group[((gsize) g * n_q + iq) * fs->n_lags + lag]
                = s / ((double) n_origins * group_size[g]);
            }
          fs->fs[(gsize) iq * fs->n_lags + lag] = total / ((double) n_origins * n_ions);
        }
    }
  return g_steal_pointer (&fs);
}

SpQensGamma *
sp_qens_gamma_new (guint    n_points,
                   gboolean with_errors)
{
  SpQensGamma *gamma = g_new0 (SpQensGamma, 1);

  gamma->n_points = n_points;
  gamma->q = g_new0 (double, MAX (n_points, 1));
  gamma->gamma_mev = g_new0 (double, MAX (n_points, 1));
  if (with_errors)
    gamma->gamma_err_mev = g_new0 (double, MAX (n_points, 1));
  gamma->name = g_strdup ("");
  return gamma;
}

SpQensGamma *
sp_qens_gamma_copy (const SpQensGamma *gamma)
{
  SpQensGamma *copy;
  gsize bytes;

  g_return_val_if_fail (gamma != NULL, NULL);
  copy = sp_qens_gamma_new (gamma->n_points, gamma->gamma_err_mev != NULL);
  bytes = MAX (gamma->n_points, 1) * sizeof (double);
  memcpy (copy->q, gamma->q, bytes);
  memcpy (copy->gamma_mev, gamma->gamma_mev, bytes);
  if (gamma->gamma_err_mev != NULL)
    memcpy (copy->gamma_err_mev, gamma->gamma_err_mev, bytes);
  if (gamma->amplitude != NULL)
    copy->amplitude = g_memdup2 (gamma->amplitude, bytes);
  if (gamma->fit_lags != NULL)
    copy->fit_lags = g_memdup2 (gamma->fit_lags, MAX (gamma->n_points, 1) * sizeof (guint));
  copy->n_groups = gamma->n_groups;
  if (gamma->gamma_group != NULL)
    copy->gamma_group = g_memdup2 (gamma->gamma_group,
                                   (gsize) gamma->n_groups * MAX (gamma->n_points, 1) * sizeof (double));
  g_free (copy->name);
  copy->name = g_strdup (gamma->name);
  return copy;
}

void
sp_qens_gamma_free (SpQensGamma *gamma)
{
  if (gamma == NULL)
    return;
  g_free (gamma->q);
  g_free (gamma->gamma_mev);
  g_free (gamma->gamma_err_mev);
  g_free (gamma->amplitude);
  g_free (gamma->fit_lags);
  g_free (gamma->gamma_group);
  g_free (gamma->name);
  g_free (gamma);
}

SpQensGamma *
sp_qens_gamma_from_trajectory (const SpTrajectory *trajectory,
                               const double       *q,
                               guint               n_q,
                               guint               max_lag,
                               GCancellable       *cancellable,
                               GError            **error)
{
  g_autoptr (SpQensFs) fs = sp_qens_fs_compute (trajectory, q, n_q, max_lag, cancellable, error);
  SpQensGamma *gamma;

  if (fs == NULL)
    return NULL;
  gamma = sp_qens_gamma_from_fs (fs, error);
  if (gamma != NULL)
    {
      g_free (gamma->name);
      gamma->name = g_strdup (trajectory->name);
    }
  return gamma;
}
