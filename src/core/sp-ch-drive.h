/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sp-ch-drive.h — the reaction source term's state inside the engine
 *
 * sp-ch-drive.c owns it (buffers, plans, the voltage, the cut-offs and the
 * bookkeeping of c̄); sp-ch-drive-kernels.c makes the passes over the grid
 * and the spectrum.  sp-ch.c calls the hooks below only while a drive is
 * active, so a closed run takes exactly the code path it always took.
 *
 * The scheme (README, "How the numbers are computed"): R is evaluated at
 * the accepted state n (μ there, including −κ∇²c from one extra inverse
 * transform) and enters the explicit side of the same SBDF1/SBDF2 pair as
 * the Cahn–Hilliard term, R̂ⁿ (extrapolated (1+ω)R̂ⁿ − ωR̂ⁿ⁻¹ in SBDF2).  Its
 * linearisation in c, −∂R/∂c = σ₀(x) + a(x) κ k² with a = −∂R/∂μ ≥ 0, is
 * stiff (k₀ large, or κ k² at the grid scale): the stabiliser
 * (σ₀ + σ₂ k²)(ĉⁿ⁺¹ − ĉ*) with σ₀ ≥ max σ₀(x)⁺ and σ₂ ≥ κ max a(x) (upper
 * bounds from the exponents pass, sp-ch-drive-kernels.c) goes on the
 * implicit side, so that the linearised reaction is damped at any dt
 * (amplification (1 + dt(S − λ))/(1 + dt S) ∈ [0, 1] for 0 ≤ λ ≤ S) just as
 * Shen & Yang's stabiliser does for the bulk term.  The k = 0 mode is the
 * mass: galvanostatic, it moves by exactly current·dt; potentiostatic, by
 * the same pair with σ₀ (its SBDF1/SBDF2 difference joins the error
 * estimate).  The voltage of a galvanostatic step is the root of
 * ⟨R⟩(V) = current at state n: ⟨R⟩ = e^{−αy} A − e^{(1−α)y} B with A, B
 * sums over the grid, so the root costs no pass (sp_drive_solve_exponent).
 */
#pragma once

#include <fftw3.h>
#include <glib.h>

#include "sp-ch.h"

G_BEGIN_DECLS

/* Exponents are clamped to ±this before exp(): rates beyond e^600 k₀ are no
 * physics the model describes, and the sums over 4096² points stay finite. */
#define SP_CH_DRIVE_EXP_CLAMP 600.0

typedef struct
{
  gboolean active;        /* the reaction term is on (driven, not finished)   */
  gboolean finished;
  gboolean broken;        /* the voltage could not be solved: the step fails  */
  int      direction;     /* +1 inserting, −1 extracting, 0 none              */
  int      phase;         /* cycle: 0 first leg, 1 the way back               */
  double   current_set;   /* galvanostatic dc̄/dt of this leg, 1/s             */
  double   y;             /* e(V − V₀)/k_BT applied from the current state    */
  double   voltage;       /* V                                                */
  double   mean_mu;       /* ⟨μ⟩ of the current state, meV                    */
  double   rate_mean;     /* ⟨R⟩ of the current state, 1/s                     */
  double   current;       /* dc̄/dt of the last accepted step                  */
  double   charge;        /* Σ current dt                                     */
  double   trial_current; /* dc̄/dt of the last trial                          */
  double   stab0, stab2;  /* σ₀ (1/s) and σ₂ (nm²/s) of the current state      */

  guint        n_alloc;   /* grid the buffers below were made for (0: none)   */
  double      *nl_real;   /* the state's explicit nl in real space, unpadded:
                           * the step transforms its own nl in place        */
  double      *lap;       /* −κ∇²c, then P₀ = f e^{−αμ/k_BT}                   */
  double      *r;         /* Q₀ = f e^{(1−α)μ/k_BT}, then R                    */
  fftw_complex *lap_hat;  /* κ k² ĉ / n² (c2r input)                          */
  fftw_complex *rhat, *rhat_prev;
  double      *row_sums;  /* 3 n per-row partial sums                          */
  fftw_plan    inv_lap, fwd_r;
} SpChDrive;

/* sp-ch-drive.c */
void     sp_ch_drive_init        (SpCh   *self);   /* buffers/plans for the params */
void     sp_ch_drive_free        (SpCh   *self);
void     sp_ch_drive_restart     (SpCh   *self);   /* t = 0: no charge, first leg  */
/* After the params changed (the state is kept): a new mode restarts the legs. */
void     sp_ch_drive_params_changed (SpCh *self,
                                     const SpDriveParams *old);
/* The explicit reaction of the current state (after sp_ch_kernel_explicit):
 * the voltage, the cut-offs, R̂ and the stabilisers.  Returns TRUE when a
 * leg ended here (the caller restarts the step history). */
gboolean sp_ch_drive_explicit    (SpCh   *self);
/* Bookkeeping of an accepted trial (before the new state's explicit terms). */
void     sp_ch_drive_accept      (SpCh   *self,
                                  double  dt);
/* The largest step the drive allows now (c̄ resolution, landing on a limit). */
double   sp_ch_drive_dt_cap      (SpCh   *self);
/* The reaction stabiliser's largest rate on the grid, 1/s. */
double   sp_ch_drive_largest_rate (SpCh  *self,
                                   double k2_max);

/* sp-ch-drive-kernels.c */
void     sp_ch_drive_kernel_laplacian (SpCh *self);  /* lap = −κ∇²c (one c2r)     */
/* lap ← P₀ = f e^{−αμ/k_BT}, r ← Q₀ = f e^{(1−α)μ/k_BT}; their sums, the sum of
 * μ, and @bounds: max αP₀, max (1−α)Q₀ and the two maxima bounding σ₀
 * (sp-ch-drive-kernels.c). */
void     sp_ch_drive_kernel_exponents (SpCh   *self,
                                       double *sum_a,
                                       double *sum_b,
                                       double *sum_mu,
                                       double  bounds[4]);
/* r ← R = k₀ (@s_p P₀ − @s_q Q₀) and its transform; its sum; FALSE when a
 * rate is not finite. */
gboolean sp_ch_drive_kernel_rates     (SpCh   *self,
                                       double  s_p,
                                       double  s_q,
                                       double *sum_r);
/* The driven embedded pair: the trial spectrum and field, self->trial_error,
 * and drive.trial_current. */
void     sp_ch_drive_kernel_trial     (SpCh   *self,
                                       double  dt);

G_END_DECLS
