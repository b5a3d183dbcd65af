/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sp-diffusion.h — diffusion coefficients with error bars one can defend
 *
 * In a window [t₀, t₁] of the MSD (sp-msd.h) the Einstein relation
 * MSD = 2d·D·t + b gives D = slope/(2d) (d = 3 for the total, 1 per
 * direction).  MSD points at different lags are strongly correlated (they
 * are built from overlapping stretches of the same paths), so the bare
 * least-squares error is far too small.  Three estimates, side by side:
 *
 * - GLS (trusted by default): generalised least squares with the MSD's own
 *   covariance, the approach of kinisi (McCluskey, Coles & Morgan, J. Chem.
 *   Theory Comput. 20, 2024): the covariance is modelled as that of an
 *   equivalent system of freely diffusing particles parameterised from the
 *   data.  Here it is the exact covariance of the all-origins MSD estimator
 *   for independent Gaussian increments,
 *     Cov(m̂ₙ, m̂ₘ) = d · 2 σ²(n) σ²(m) · Σ_{a,b} ov(a,n;b,m)² / (Kₙ Kₘ N_w),
 *   ov the number of increments two windows share, Kₙ = T − n origins,
 *   N_w independent walkers (the ions; 1 for the collective MSD),
 *   σ²(n) = (b + slope·tₙ)/(d·n) the per-frame variance of the fitted line,
 *   times g, the observed variance of |Δr|² over its Gaussian value
 *   (2/d)·MSD², pooled over the window (g = 1 for Gaussian displacements,
 *   larger for jumps).  The line is refitted with the covariance rebuilt
 *   from it three times.  At most 64 lags, evenly spaced, enter the fit.
 * - Block averaging (Flyvbjerg & Petersen, J. Chem. Phys. 91, 461 (1989)):
 *   the trajectory is cut into up to 32 blocks (a power of two) long
 *   enough that a quarter of one reaches 2 lags past t₀; D is fitted (GLS,
 *   as above) in each over [t₀, min(t₁, ¼ block)]; the blocking transformation
 *   (pairwise means) gives the s.e. at each level; the first level (of ≥ 4
 *   values) whose successor does not exceed it by more than its own error
 *   σ/√(2(n−1)) is the plateau.
 * - The bare OLS standard error (independent points): reported only to
 *   show how small it is.
 *
 * Which is trusted: GLS, unless block averaging reached a plateau with at
 * least 8 blocks and the blocks' observed scatter (the blocking s.e.)
 * exceeds what the GLS model predicts for the same blocks (their own GLS
 * errors combined) by more than a factor of two, or the GLS χ²/dof
 * against its own model exceeds 3: then the displacements are not those
 * of free diffusion over the window and block averaging (model-free) is
 * trusted.  Comparing like with like (the same estimator on the same
 * blocks) keeps the test about the model, not about how efficient the
 * full-length fit is.  sp_diffusion_trust_reason() says so.
 *
 * Collective: D_σ from the collective MSD (N_w = 1), the Haven ratio
 * H_R = D* ÷ D_σ (errors propagated as independent), σ by Nernst–Einstein
 * σ = n q² D_σ/(k_B T) with n = N/V from the cell.
 *
 * Green–Kubo: D = (1/d) ∫₀^τc ⟨v(0)·v(t)⟩ dt with v from position
 * differences (v = Δr/Δt over one frame), the VACF over all origins by FFT
 * and the sum Δt(C₀/2 + Σ_{k=1}^{kc} C_k) (the trapezoid rule plus C_kc/2,
 * which makes MSD(k+1) − MSD(k) = 2dΔt·D_GK(k) exact for stationary
 * velocities).  Cut-off rule: τc = t₀, the start of the diffusive window: from
 * there on the MSD is linear, so the VACF has decayed and integrating
 * further adds only noise.  Its s.e. comes from 4–16 time blocks at least
 * 4·τc long (NAN when the trajectory is too short for 4).
 *
 * Units: Å and ps in, cm²/s out (1 Å²/ps = 10⁻⁴ cm²/s).
 */
#pragma once

#include <gio/gio.h>

#include "sp-arrhenius.h"
#include "sp-msd.h"
#include "sp-trajectory.h"

G_BEGIN_DECLS

#define SP_ANGSTROM2_PER_PS_IN_CM2_PER_S 1e-4
#define SP_BLOCK_MAX_LEVELS 24

typedef enum
{
  SP_DIFFUSION_TRUST_GLS,
  SP_DIFFUSION_TRUST_BLOCKS,
} SpDiffusionTrust;

/* One straight-line fit of one MSD curve in the window. */
typedef struct
{
  double d_cm2_s;              /* GLS                                   */
  double d_stderr_cm2_s;       /* GLS, from the model covariance        */
  double intercept_a2;         /* b, Å²                                 */
  double intercept_stderr_a2;
  double chi2_dof;             /* GLS residuals against the model       */
  double ols_d_cm2_s;          /* ordinary least squares, every lag     */
  double ols_stderr_cm2_s;     /* its bare error: too small (see above) */
  double non_gaussian_g;       /* the factor g (1: Gaussian)            */
  guint  n_points;             /* lags in the GLS fit                   */
  guint  dimensions;           /* d                                     */
} SpDiffusionLine;

/* Flyvbjerg–Petersen blocking of per-block D values. */
typedef struct
{
  double   d_cm2_s;            /* mean over the blocks                  */
  double   stderr_cm2_s;       /* at the chosen level                   */
  guint    n_blocks;           /* at level 0                            */
  guint    n_levels;
  guint    chosen_level;
  gboolean plateau;            /* FALSE: the last level with ≥ 4 blocks */
  double   t1_ps;              /* each block's window end: min(t₁, ¼ block) */
  double   model_stderr_cm2_s; /* the s.e. of the mean the GLS model
                                * predicts from the blocks' own errors    */
  double   level_stderr[SP_BLOCK_MAX_LEVELS];
  double   level_stderr_error[SP_BLOCK_MAX_LEVELS];
} SpBlockAverage;

typedef struct
{
  double t0_ps, t1_ps;         /* the window as used (snapped to lags)  */
  guint  k0, k1;               /* its lags, frames                      */

  SpDiffusionLine star;        /* tracer D*, total (d = 3)              */
  SpDiffusionLine axis[3];     /* D_xx, D_yy, D_zz (d = 1)              */
  SpDiffusionLine sigma;       /* collective D_σ (d = 3, one walker)    */
  SpBlockAverage  star_blocks;
  SpBlockAverage  sigma_blocks;

  /* The reported pairs: the estimate with the trusted method's error. */
  SpDiffusionTrust trusted;
  double d_star_cm2_s, d_star_stderr_cm2_s;
  double d_sigma_cm2_s, d_sigma_stderr_cm2_s;
  double haven_ratio, haven_ratio_stderr;

  double gk_cm2_s, gk_stderr_cm2_s;   /* Green–Kubo tracer D          */
  double gk_cutoff_ps;
  guint  gk_blocks;

  double density_cm3;          /* N/V; NAN for a zero cell              */
  double temperature_k;        /* NAN when unknown                      */
  double charge;               /* e; NAN when unknown                   */
  double sigma_s_cm, sigma_stderr_s_cm;  /* NAN without n, T or q      */
} SpDiffusion;

/* Fits the window [@t0_ps, @t1_ps] of @msd (computed from @trajectory).
 * @trajectory gives the non-Gaussian factor, the blocks, Green–Kubo, the
 * density, temperature and charge.  FALSE with an error when the window
 * is not inside the lags, holds fewer than 3 lags, starts at 0, the MSD
 * does not belong to the trajectory, or the slope is not positive. */
gboolean sp_diffusion_fit            (const SpTrajectory *trajectory,
                                      const SpMsd        *msd,
                                      double              t0_ps,
                                      double              t1_ps,
                                      SpDiffusion        *out,
                                      GError            **error);
/* The same, cancellable (G_IO_ERROR_CANCELLED). */
gboolean sp_diffusion_fit_full       (const SpTrajectory *trajectory,
                                      const SpMsd        *msd,
                                      double              t0_ps,
                                      double              t1_ps,
                                      GCancellable       *cancellable,
                                      SpDiffusion        *out,
                                      GError            **error);

/* The suggested fit window: sp_msd_suggest_window()'s stretch where the
 * log–log slope is near 1 (no ballistic or caging part), its start then
 * moved on by factors of √2 (keeping at least a factor of 4 in time)
 * until the tracer MSD is the straight line of free diffusion by its own
 * GLS fit: χ²/dof ≤ 1 + 2√(2/ν), and D within 2 s.d. (Hausman) of the D
 * of the window starting twice as late; when no start passes, the start
 * with the smallest χ²/dof.  A short-time regime that is linear too (correlated
 * back-hops in a lattice gas, rattling in a cage) is left out that way;
 * the slope rule alone keeps it and biases D (sp-diffusion-window.c).
 * FALSE (outputs untouched) when the slope rule finds no window. */
gboolean sp_diffusion_suggest_window (const SpTrajectory *trajectory,
                                      const SpMsd        *msd,
                                      double             *t0_ps,
                                      double             *t1_ps);

/* One sentence, translated: which error is trusted and why (g_free). */
char    *sp_diffusion_trust_reason   (const SpDiffusion  *diffusion);
/* "gls" or "block-averaging" (for JSON). */
const char *sp_diffusion_trust_to_string (SpDiffusionTrust trust);

/* σ = n q² D/(k_B T) in S/cm: @density_cm3 carriers per cm³, @charge_e in
 * e, @d_cm2_s, @temperature_k.  NAN when any is not finite or n, T ≤ 0. */
double   sp_nernst_einstein_s_cm     (double              density_cm3,
                                      double              charge_e,
                                      double              d_cm2_s,
                                      double              temperature_k);

/* Σ_{a<Kₙ, b<Kₘ} ov(a,n;b,m)² for windows of @n and @m increments out of
 * @n_increments (Kₙ = n_increments − n + 1 origins): the overlap sum of
 * the covariance model above (exposed for its test). */
double   sp_msd_overlap_sum          (guint               n,
                                      guint               m,
                                      guint               n_increments);

/* The velocity autocorrelation ⟨v(0)·v(kΔt)⟩ (Å²/ps², summed over the
 * axes) from position differences, k = 0 … @n_lags − 1, over frames
 * [@first, @first + @n_frames) of @trajectory and all origins; into @vacf.
 * FALSE only when cancelled. */
gboolean sp_diffusion_vacf           (const SpTrajectory *trajectory,
                                      guint               first,
                                      guint               n_frames,
                                      guint               n_lags,
                                      double             *vacf,
                                      GCancellable       *cancellable,
                                      GError            **error);

/* Arrhenius of D over runs: ln D = ln D₀ − E_a/(k_B T), weighted by the
 * D errors when given (@d_stderr may be NULL); sp_arrhenius_fit's
 * "sigma" form with D in place of σ (prefactor D₀ in cm²/s). */
gboolean sp_diffusion_arrhenius      (const double       *temperature_k,
                                      const double       *d_cm2_s,
                                      const double       *d_stderr_cm2_s,
                                      guint               n,
                                      SpArrheniusFit     *fit,
                                      GError            **error);

G_END_DECLS
