/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sp-diffusion-window.c — the suggested fit window: where the MSD is the
 * straight line of free diffusion (see sp_diffusion_suggest_window)
 *
 * Why the log–log slope alone is not enough: a process with a short-time
 * regime that is itself linear in t — a lattice gas, whose carriers hop
 * back into the vacancy they left (the correlation factor f builds up
 * over the first few hops), or an ion rattling in a cage on top of its
 * long-range walk — has a log–log slope near 1 from the first lag, so
 * the slope rule takes the window from the first lag.  The GLS weights
 * the short lags most (they are the most precise), so its slope is then
 * the short-time one: on a 32³ lattice gas at c = ½ it said
 * D* = 1.838 ± 0.0014 × 10⁻⁷ cm²/s where a long run gives 1.672 (10 %,
 * a hundred standard errors).  The GLS χ²/dof sees it (51 there) and
 * falls to ≈ 1 once the window starts after the correlated hops; but the
 * bend is gentle, so a start that passes χ² can still leave D a few
 * standard errors high.  Its D is then compared with the D of the window
 * starting twice as late, which is what a bend changes.
 */

#include "config.h"

#include <math.h>

#include "sp-diffusion-private.h"

/* Candidate starts step by √2 (each costs a GLS fit or two: about 0.1 s
 * at 10⁵ frames); a window keeps at least a factor of 4. */
#define START_STEP   G_SQRT2
#define MIN_SPAN     4.0
/* χ²/dof of a straight line with ν degrees of freedom has mean 1 and
 * s.d. √(2/ν): two of those is a misfit. */
#define CHI2_SIGMAS  2.0
/* The two windows' D may differ by this many s.d. of their difference. */
#define SHIFT_SIGMAS 2.0

/* The tracer line's GLS fit over lags [k0, k1]; FALSE when it fails. */
static gboolean
tracer_line (const SpTrajectory *trajectory,
             const SpMsd        *msd,
             guint               k0,
             guint               k1,
             SpDiffusionLine    *line)
{
  SpGlsLags lags;
  double g_total, g_axis[3], g_collective;
  gboolean ok;

  sp_gls_lags_init (&lags, k0, k1, msd->n_frames);
  sp_gls_non_gaussian (trajectory, &lags, &g_total, g_axis, &g_collective);
  ok = sp_gls_fit_line (&lags, msd->msd, msd->dt_ps, k0, k1, 3, trajectory->n_ions,
                        g_total, line, NULL);
  sp_gls_lags_clear (&lags);
  return ok && line->d_cm2_s > 0.0 && isfinite (line->chi2_dof);
}

/* Whether the line from lag @k on is free diffusion: its χ²/dof near 1,
 * and its D the same as that of the window starting twice as late.  The
 * second is Hausman's test: both estimate D if the window is diffusive
 * from @k on, the earlier one more precisely, so the variance of their
 * difference is the difference of their variances; a bend at the start
 * (the short-time slope is larger) shows as a difference χ² alone misses. */
static gboolean
diffusive_from (const SpTrajectory    *trajectory,
                const SpMsd           *msd,
                guint                  k,
                guint                  k1,
                const SpDiffusionLine *line)
{
  SpDiffusionLine later;
  double v;

  if (line->n_points > 2
      && line->chi2_dof > 1.0 + CHI2_SIGMAS * sqrt (2.0 / (line->n_points - 2)))
    return FALSE;
  if (2 * k + 2 > k1 || !tracer_line (trajectory, msd, 2 * k, k1, &later))
    return TRUE;
  v = later.d_stderr_cm2_s * later.d_stderr_cm2_s - line->d_stderr_cm2_s * line->d_stderr_cm2_s;
  if (!(v > 0.0))
    v = later.d_stderr_cm2_s * later.d_stderr_cm2_s;
  return fabs (later.d_cm2_s - line->d_cm2_s) <= SHIFT_SIGMAS * sqrt (v);
}

gboolean
sp_diffusion_suggest_window (const SpTrajectory *trajectory,
                             const SpMsd        *msd,
                             double             *t0_ps,
                             double             *t1_ps)
{
  double t0, t1, best_chi2 = INFINITY;
  guint k0, k1, best_k0 = 0, previous = 0;

  g_return_val_if_fail (trajectory != NULL && msd != NULL, FALSE);
  if (!sp_msd_suggest_window (msd, &t0, &t1))
    return FALSE;
  k0 = MAX (1, sp_msd_lag_index (msd, t0));
  k1 = sp_msd_lag_index (msd, t1);

  if (msd->n_frames == trajectory->n_frames && msd->n_ions == trajectory->n_ions)
    for (double start = k0; start * MIN_SPAN <= k1; start *= START_STEP)
      {
        guint k = (guint) lround (start);
        SpDiffusionLine line;

        if (k == previous)
          continue;
        previous = k;
        if (!tracer_line (trajectory, msd, k, k1, &line))
          continue;
        if (line.chi2_dof < best_chi2)
          {
            best_chi2 = line.chi2_dof;
            best_k0 = k;
          }
        if (diffusive_from (trajectory, msd, k, k1, &line))
          {
            best_k0 = k;
            break;
          }
      }
  /* No start passes: the one whose line fits best (block averaging is
   * then likely to be trusted, sp_diffusion_fit). */
  if (best_k0 != 0)
    k0 = best_k0;
  if (t0_ps != NULL)
    *t0_ps = k0 * msd->dt_ps;
  if (t1_ps != NULL)
    *t1_ps = t1;
  return TRUE;
}
