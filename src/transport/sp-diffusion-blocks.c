/* sp-diffusion-blocks.c — block averaging (Flyvbjerg–Petersen) and the
 * Green–Kubo cross-check (see sp-diffusion.h)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <fftw3.h>
#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "sp-diffusion-private.h"
#include "sp-msd-private.h"

#define MAX_BLOCKS 32

void
sp_block_transform (const double   *values,
                    guint           n,
                    SpBlockAverage *out)
{
  g_autofree double *x = g_memdup2 (values, sizeof (double) * n);
  double mean = 0.0;
  guint level, cur = n, last_usable = 0;

  memset (out, 0, sizeof *out);
  out->n_blocks = n;
  out->d_cm2_s = NAN;
  out->stderr_cm2_s = NAN;
  if (n == 0)
    return;
  for (guint i = 0; i < n; i++)
    mean += values[i];
  out->d_cm2_s = mean / n;

  /* Each level halves the series by averaging neighbours; the naive error
   * of the mean grows while the values are correlated and levels off
   * once they are not. */
  for (level = 0; cur >= 2 && level < SP_BLOCK_MAX_LEVELS; level++)
    {
      double m = 0.0, c0 = 0.0;

      for (guint i = 0; i < cur; i++)
        m += x[i];
      m /= cur;
      for (guint i = 0; i < cur; i++)
        c0 += (x[i] - m) * (x[i] - m);
      c0 /= cur;
      out->level_stderr[level] = sqrt (c0 / (cur - 1));
      out->level_stderr_error[level] = out->level_stderr[level] / sqrt (2.0 * (cur - 1));
      if (cur >= 4)
        last_usable = level;
      for (guint i = 0; i < cur / 2; i++)
        x[i] = 0.5 * (x[2 * i] + x[2 * i + 1]);
      cur /= 2;
    }
  out->n_levels = level;
  if (level == 0)
    return;

  /* The plateau: the first level (of ≥ 4 values) whose successor does not
   * rise above it by more than its own error. */
  out->chosen_level = last_usable;
  for (guint l = 0; l + 1 < out->n_levels; l++)
    if ((n >> l) >= 4
        && out->level_stderr[l + 1] - out->level_stderr[l] <= out->level_stderr_error[l])
      {
        out->chosen_level = l;
        out->plateau = TRUE;
        break;
      }
  out->stderr_cm2_s = out->level_stderr[out->chosen_level];
}

/* A view of frames [first, first + n) of @trajectory (no copy). */
static SpTrajectory
trajectory_slice (const SpTrajectory *trajectory,
                  guint               first,
                  guint               n)
{
  SpTrajectory view = *trajectory;

  view.positions = trajectory->positions + (gsize) first * trajectory->n_ions * 3;
  view.n_frames = n;
  return view;
}

/* GLS of one block's curve; the OLS slope (and no error) should the
 * model covariance not factorise. */
static void
block_fit (const SpGlsLags *lags,
           const double    *curve,
           double           dt_ps,
           guint            k0,
           guint            k_end,
           double           walkers,
           double           g,
           double          *d,
           double          *se)
{
  SpDiffusionLine line;

  if (sp_gls_fit_line (lags, curve, dt_ps, k0, k_end, 3, walkers, g, &line, NULL))
    {
      *d = line.d_cm2_s;
      *se = line.d_stderr_cm2_s;
    }
  else
    {
      *d = sp_ols_slope (curve, dt_ps, k0, k_end) * SP_ANGSTROM2_PER_PS_IN_CM2_PER_S / 6.0;
      *se = NAN;
    }
}

static double
model_stderr_of_mean (const double *se,
                      guint         n)
{
  double sum = 0.0;

  for (guint b = 0; b < n; b++)
    sum += se[b] * se[b];
  return sqrt (sum) / n;
}

gboolean
sp_block_average (const SpTrajectory *trajectory,
                  guint               k0,
                  guint               k1,
                  double              g_total,
                  double              g_collective,
                  GCancellable       *cancellable,
                  SpBlockAverage     *star,
                  SpBlockAverage     *sigma,
                  GError            **error)
{
  guint T = trajectory->n_frames, n_blocks = MAX_BLOCKS, length, k_end;
  double d_star[MAX_BLOCKS], d_sigma[MAX_BLOCKS], se_star[MAX_BLOCKS], se_sigma[MAX_BLOCKS];
  g_autoptr (SpMsdWork) work = NULL;
  SpGlsLags lags;

  sp_block_transform (NULL, 0, star);
  sp_block_transform (NULL, 0, sigma);
  /* Blocks long enough that a quarter of one still reaches 2 lags past
   * the window's start; each block is fitted over [k0, min(k1, L/4)]. */
  while (n_blocks >= 2 && (T / n_blocks) / 4 < k0 + 2)
    n_blocks /= 2;
  if (n_blocks < 2)
    return TRUE;
  length = T / n_blocks;
  k_end = MIN (k1, length / 4);
  work = sp_msd_work_new (length, error);
  if (work == NULL)
    return FALSE;

  sp_gls_lags_init (&lags, k0, k_end, length);
  for (guint b = 0; b < n_blocks; b++)
    {
      SpTrajectory view = trajectory_slice (trajectory, b * length, length);
      g_autoptr (SpMsd) msd = sp_msd_compute_with (work, &view, k_end, NULL, NULL,
                                                   cancellable, error);

      if (msd == NULL)
        {
          sp_gls_lags_clear (&lags);
          return FALSE;
        }
      block_fit (&lags, msd->msd, trajectory->dt_ps, k0, k_end, trajectory->n_ions, g_total,
                 &d_star[b], &se_star[b]);
      block_fit (&lags, msd->collective, trajectory->dt_ps, k0, k_end, 1.0, g_collective,
                 &d_sigma[b], &se_sigma[b]);
    }
  sp_gls_lags_clear (&lags);
  sp_block_transform (d_star, n_blocks, star);
  sp_block_transform (d_sigma, n_blocks, sigma);
  star->t1_ps = sigma->t1_ps = k_end * trajectory->dt_ps;
  star->model_stderr_cm2_s = model_stderr_of_mean (se_star, n_blocks);
  sigma->model_stderr_cm2_s = model_stderr_of_mean (se_sigma, n_blocks);
  return TRUE;
}

/* The VACF with a work area for n_frames − 1 velocities. */
static gboolean
vacf_with (SpMsdWork          *work,
           const SpTrajectory *trajectory,
           guint               first,
           guint               n_lags,
           double             *vacf,
           GCancellable       *cancellable,
           GError            **error)
{
  guint V = sp_msd_work_n_frames (work), N = trajectory->n_ions;
  double *signal = sp_msd_work_signal (work), dt = trajectory->dt_ps;

  memset (vacf, 0, sizeof (double) * n_lags);
  for (guint ion = 0; ion < N; ion++)
    {
      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;
      for (guint a = 0; a < 3; a++)
        {
          for (guint t = 0; t < V; t++)
            signal[t] = (sp_trajectory_position (trajectory, first + t + 1, ion)[a]
                         - sp_trajectory_position (trajectory, first + t, ion)[a]) / dt;
          sp_msd_work_autocorrelate (work, n_lags, 1.0 / N, vacf);
        }
    }
  return TRUE;
}

gboolean
sp_diffusion_vacf (const SpTrajectory *trajectory,
                   guint               first,
                   guint               n_frames,
                   guint               n_lags,
                   double             *vacf,
                   GCancellable       *cancellable,
                   GError            **error)
{
  g_autoptr (SpMsdWork) work = NULL;

  g_return_val_if_fail (n_frames >= 2 && first + n_frames <= trajectory->n_frames, FALSE);
  g_return_val_if_fail (n_lags >= 1 && n_lags <= n_frames - 1, FALSE);
  work = sp_msd_work_new (n_frames - 1, error);
  if (work == NULL)
    return FALSE;
  return vacf_with (work, trajectory, first, n_lags, vacf, cancellable, error);
}

/* D = (Δt/3)(C₀/2 + Σ_{k=1}^{k_cut} C_k), cm²/s: the sum for which
 * MSD(k+1) − MSD(k) = 6 Δt D(k) holds exactly for stationary velocities. */
static double
green_kubo_sum (const double *vacf,
                guint         k_cut,
                double        dt_ps)
{
  double sum = 0.5 * vacf[0];

  for (guint k = 1; k <= k_cut; k++)
    sum += vacf[k];
  return dt_ps * sum / 3.0 * SP_ANGSTROM2_PER_PS_IN_CM2_PER_S;
}

gboolean
sp_green_kubo (const SpTrajectory *trajectory,
               guint               k_cut,
               GCancellable       *cancellable,
               double             *d_cm2_s,
               double             *stderr_cm2_s,
               guint              *n_blocks,
               GError            **error)
{
  guint T = trajectory->n_frames, blocks;
  g_autofree double *vacf = g_new (double, k_cut + 1);

  *d_cm2_s = *stderr_cm2_s = NAN;
  *n_blocks = 0;
  if (T < k_cut + 2)
    return TRUE;
  if (!sp_diffusion_vacf (trajectory, 0, T, k_cut + 1, vacf, cancellable, error))
    return FALSE;
  *d_cm2_s = green_kubo_sum (vacf, k_cut, trajectory->dt_ps);

  /* Blocks at least 4 cut-offs long, 4 to 16 of them. */
  blocks = MIN (16, T / (4 * (k_cut + 1)));
  if (blocks >= 4)
    {
      guint length = T / blocks;
      double mean = 0.0, var = 0.0, d[16];
      g_autoptr (SpMsdWork) work = sp_msd_work_new (length - 1, error);

      if (work == NULL)
        return FALSE;
      for (guint b = 0; b < blocks; b++)
        {
          if (!vacf_with (work, trajectory, b * length, k_cut + 1, vacf, cancellable, error))
            return FALSE;
          d[b] = green_kubo_sum (vacf, k_cut, trajectory->dt_ps);
          mean += d[b];
        }
      mean /= blocks;
      for (guint b = 0; b < blocks; b++)
        var += (d[b] - mean) * (d[b] - mean);
      var /= blocks - 1;
      *stderr_cm2_s = sqrt (var / blocks);
      *n_blocks = blocks;
    }
  return TRUE;
}
