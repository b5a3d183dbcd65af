/* sp-diffusion.c — D*, D_σ, Haven ratio, σ and Green–Kubo in one window
 * (see the header for the methods and the rule for which error is trusted)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "sp-diffusion-private.h"

/* CODATA 2018 (exact in the SI since 2019). */
#define ELEMENTARY_CHARGE_C 1.602176634e-19
#define BOLTZMANN_J_PER_K   1.380649e-23

double
sp_nernst_einstein_s_cm (double density_cm3,
                         double charge_e,
                         double d_cm2_s,
                         double temperature_k)
{
  double q = charge_e * ELEMENTARY_CHARGE_C;

  if (!isfinite (density_cm3) || !isfinite (charge_e) || !isfinite (d_cm2_s)
      || !isfinite (temperature_k) || !(density_cm3 > 0.0) || !(temperature_k > 0.0))
    return NAN;
  /* cm⁻³ · C² · cm² s⁻¹ / J = C²/(J s cm) = S/cm. */
  return density_cm3 * q * q * d_cm2_s / (BOLTZMANN_J_PER_K * temperature_k);
}

const char *
sp_diffusion_trust_to_string (SpDiffusionTrust trust)
{
  return trust == SP_DIFFUSION_TRUST_BLOCKS ? "block-averaging" : "gls";
}

char *
sp_diffusion_trust_reason (const SpDiffusion *diffusion)
{
  const SpDiffusionLine *line = &diffusion->star;
  const SpBlockAverage *blocks = &diffusion->star_blocks;

  g_return_val_if_fail (diffusion != NULL, NULL);
  if (diffusion->trusted == SP_DIFFUSION_TRUST_BLOCKS)
    {
      if (line->chi2_dof > 3.0)
        return g_strdup_printf (_("Block averaging is trusted: the MSD scatters about the line "
                                  "far more than free diffusion allows (χ²/dof = %.1f), so the "
                                  "GLS covariance model does not hold over this window."),
                                line->chi2_dof);
      return g_strdup_printf (_("Block averaging is trusted: the blocks scatter %.1f times "
                                "more than the GLS model predicts, so the displacements are "
                                "more correlated than free diffusion; move the window to "
                                "later times or run longer."),
                              blocks->stderr_cm2_s / blocks->model_stderr_cm2_s);
    }
  if (blocks->n_blocks < 2)
    return g_strdup (_("GLS is trusted: it uses every time origin and the correlation "
                       "between lags; the trajectory is too short for block averaging "
                       "over this window."));
  if (!blocks->plateau || blocks->n_blocks < 8)
    return g_strdup (_("GLS is trusted: it uses every time origin and the correlation "
                       "between lags; block averaging has too few blocks to reach a "
                       "plateau and is shown for comparison."));
  return g_strdup_printf (_("GLS is trusted: it uses every time origin and the correlation "
                            "between lags, and block averaging agrees (the blocks scatter "
                            "%.1f times as much as the model predicts). The bare "
                            "least-squares error (%.2g cm²/s) ignores that correlation and "
                            "is too small."),
                          blocks->stderr_cm2_s / blocks->model_stderr_cm2_s,
                          line->ols_stderr_cm2_s);
}

static double
ratio_stderr (double a,
              double sa,
              double b,
              double sb)
{
  return fabs (a / b) * sqrt ((sa / a) * (sa / a) + (sb / b) * (sb / b));
}

gboolean
sp_diffusion_fit (const SpTrajectory *trajectory,
                  const SpMsd        *msd,
                  double              t0_ps,
                  double              t1_ps,
                  SpDiffusion        *out,
                  GError            **error)
{
  return sp_diffusion_fit_full (trajectory, msd, t0_ps, t1_ps, NULL, out, error);
}

static gboolean
check_window (const SpTrajectory *trajectory,
              const SpMsd        *msd,
              double              t0_ps,
              double              t1_ps,
              GError            **error)
{
  double t_max;

  if (msd->n_frames != trajectory->n_frames || msd->n_ions != trajectory->n_ions
      || msd->dt_ps != trajectory->dt_ps)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("the MSD was computed from another trajectory"));
      return FALSE;
    }
  t_max = (msd->n_lags - 1) * msd->dt_ps;
  if (!isfinite (t0_ps) || !isfinite (t1_ps) || !(t0_ps > 0.0) || !(t1_ps > t0_ps)
      || t1_ps > t_max * (1.0 + 1e-9))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("the fit window %g–%g ps must lie inside 0–%g ps, start after 0 "
                     "and end after it starts"), t0_ps, t1_ps, t_max);
      return FALSE;
    }
  return TRUE;
}

gboolean
sp_diffusion_fit_full (const SpTrajectory *trajectory,
                       const SpMsd        *msd,
                       double              t0_ps,
                       double              t1_ps,
                       GCancellable       *cancellable,
                       SpDiffusion        *out,
                       GError            **error)
{
  SpGlsLags lags;
  double g_total, g_axis[3], g_collective, walkers;
  guint k0, k1;
  gboolean ok;
  SpDiffusion result;

  g_return_val_if_fail (trajectory != NULL && msd != NULL && out != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!check_window (trajectory, msd, t0_ps, t1_ps, error))
    return FALSE;
  k0 = MAX (1, sp_msd_lag_index (msd, t0_ps));
  k1 = sp_msd_lag_index (msd, t1_ps);
  if (k1 < k0 + 2)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("the fit window %g–%g ps holds fewer than 3 lags of %g ps"),
                   t0_ps, t1_ps, msd->dt_ps);
      return FALSE;
    }

  memset (&result, 0, sizeof result);
  result.k0 = k0;
  result.k1 = k1;
  result.t0_ps = k0 * msd->dt_ps;
  result.t1_ps = k1 * msd->dt_ps;

  sp_gls_lags_init (&lags, k0, k1, msd->n_frames);
  sp_gls_non_gaussian (trajectory, &lags, &g_total, g_axis, &g_collective);
  walkers = trajectory->n_ions;
  ok = sp_gls_fit_line (&lags, msd->msd, msd->dt_ps, k0, k1, 3, walkers, g_total,
                        &result.star, error);
  for (guint a = 0; a < 3 && ok; a++)
    ok = sp_gls_fit_line (&lags, msd->msd_axis[a], msd->dt_ps, k0, k1, 1, walkers,
                          g_axis[a], &result.axis[a], error);
  /* The collective MSD is one walker, R = Σᵢ rᵢ. */
  if (ok)
    ok = sp_gls_fit_line (&lags, msd->collective, msd->dt_ps, k0, k1, 3, 1.0,
                          g_collective, &result.sigma, error);
  sp_gls_lags_clear (&lags);
  if (!ok)
    return FALSE;
  if (!(result.star.d_cm2_s > 0.0))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("the MSD does not grow over %g–%g ps: no diffusion to measure"),
                   result.t0_ps, result.t1_ps);
      return FALSE;
    }

  if (!sp_block_average (trajectory, k0, k1, g_total, g_collective, cancellable,
                         &result.star_blocks,
                         &result.sigma_blocks, error))
    return FALSE;
  result.gk_cutoff_ps = k0 * msd->dt_ps;
  if (!sp_green_kubo (trajectory, k0, cancellable, &result.gk_cm2_s, &result.gk_stderr_cm2_s,
                      &result.gk_blocks, error))
    return FALSE;

  /* Which error to trust (rule in the header). */
  result.trusted = SP_DIFFUSION_TRUST_GLS;
  if (isfinite (result.star_blocks.stderr_cm2_s)
      && ((result.star_blocks.plateau && result.star_blocks.n_blocks >= 8
           && result.star_blocks.stderr_cm2_s > 2.0 * result.star_blocks.model_stderr_cm2_s)
          || result.star.chi2_dof > 3.0))
    result.trusted = SP_DIFFUSION_TRUST_BLOCKS;

  if (result.trusted == SP_DIFFUSION_TRUST_BLOCKS)
    {
      result.d_star_cm2_s = result.star_blocks.d_cm2_s;
      result.d_star_stderr_cm2_s = result.star_blocks.stderr_cm2_s;
    }
  else
    {
      result.d_star_cm2_s = result.star.d_cm2_s;
      result.d_star_stderr_cm2_s = result.star.d_stderr_cm2_s;
    }
  if (result.trusted == SP_DIFFUSION_TRUST_BLOCKS
      && isfinite (result.sigma_blocks.stderr_cm2_s))
    {
      result.d_sigma_cm2_s = result.sigma_blocks.d_cm2_s;
      result.d_sigma_stderr_cm2_s = result.sigma_blocks.stderr_cm2_s;
    }
  else
    {
      result.d_sigma_cm2_s = result.sigma.d_cm2_s;
      result.d_sigma_stderr_cm2_s = result.sigma.d_stderr_cm2_s;
    }
  result.haven_ratio = result.d_star_cm2_s / result.d_sigma_cm2_s;
  result.haven_ratio_stderr = ratio_stderr (result.d_star_cm2_s, result.d_star_stderr_cm2_s,
                                            result.d_sigma_cm2_s, result.d_sigma_stderr_cm2_s);

  result.density_cm3 = sp_trajectory_density_cm3 (trajectory);
  result.temperature_k = trajectory->temperature_k;
  result.charge = trajectory->charge;
  result.sigma_s_cm = sp_nernst_einstein_s_cm (result.density_cm3, result.charge,
                                               result.d_sigma_cm2_s, result.temperature_k);
  result.sigma_stderr_s_cm = isfinite (result.sigma_s_cm)
                             ? fabs (result.sigma_s_cm * result.d_sigma_stderr_cm2_s
                                     / result.d_sigma_cm2_s)
                             : NAN;
  *out = result;
  return TRUE;
}

gboolean
sp_diffusion_arrhenius (const double   *temperature_k,
                        const double   *d_cm2_s,
                        const double   *d_stderr_cm2_s,
                        guint           n,
                        SpArrheniusFit *fit,
                        GError        **error)
{
  /* Check with D's own words before handing over to the σ fit. */
  for (guint i = 0; i < n; i++)
    {
      if (!(isfinite (d_cm2_s[i]) && d_cm2_s[i] > 0.0))
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                       _("run %u: the diffusion coefficient must be positive, not %g cm²/s"),
                       i + 1, d_cm2_s[i]);
          return FALSE;
        }
      if (d_stderr_cm2_s != NULL && !(isfinite (d_stderr_cm2_s[i]) && d_stderr_cm2_s[i] > 0.0))
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                       _("run %u: the diffusion coefficient's error must be positive, not "
                         "%g cm²/s"), i + 1, d_stderr_cm2_s[i]);
          return FALSE;
        }
    }
  return sp_arrhenius_fit (temperature_k, d_cm2_s, d_stderr_cm2_s, n, SP_ARRHENIUS_SIGMA,
                           fit, error);
}
