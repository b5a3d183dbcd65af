/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sp-drt.h — the distribution of relaxation times of an impedance spectrum
 *
 * Wan, Saccoccio, Chen & Ciucci, Electrochim. Acta 184, 483 (2015), the
 * method of DRTtools / pyDRTtools:
 *
 *   Z(ω) = R∞ + jωL + ∫ γ(ln τ)/(1 + jωτ) d ln τ,
 *
 * γ in Ω (per unit ln τ; its integral over a peak is that process's
 * resistance).  γ is a sum of Gaussian radial basis functions,
 *   γ(y) = Σₙ xₙ φ(y − yₙ),  φ(s) = exp(−(ε s)²),  y = ln τ,
 * with one centre per measured point, evenly spaced in ln τ from 1/ω_max to
 * 1/ω_min (DRTtools puts them at 1/f, shifting the window ln 2π towards
 * slow processes; here it covers the τ the data resolve).  Long spectra
 * get a centre every k-th point spacing instead, k the smallest stride
 * that keeps them at 120 or fewer: more resolve nothing (a Gaussian is two
 * spacings wide) and cost O(n³).  The shape factor
 * follows DRTtools' default "FWHM coefficient" 0.5: ε = 0.5 · 2√(ln 2)/Δ,
 * Δ the spacing of the centres, i.e. each Gaussian is 2Δ wide at half its
 * height.
 *
 * The discretisation integrals, with u = ln ω + yₙ and s = y − yₙ:
 *   A′(u) = ∫ e^(−ε²s²) / (1 + e^(2(s+u))) ds,
 *   A″(u) = −∫ e^(−ε²s²) / (2 cosh(s + u)) ds
 * (no closed form; adaptive Gauss–Kronrod quadrature, GSL qag, to 1e-13
 * relative over |s| ≤ 7/ε, beyond which the Gaussian is below e^−49).
 * The Tikhonov penalty λ ∫ (γ^(k))² dy, k = 1 or 2, is xᵀ M x with the
 * closed forms (d = yᵢ − yⱼ):
 *   k = 1:  Mᵢⱼ = √(π/2) ε (1 − ε²d²) e^(−ε²d²/2),
 *   k = 2:  Mᵢⱼ = √(π/2) ε³ (3 − 6ε²d² + ε⁴d⁴) e^(−ε²d²/2).
 *
 * The fit: min ‖A x − Z‖² + λ xᵀ M x over the real and imaginary parts
 * together (DRTtools' "combined Re-Im"; unweighted, as DRTtools), with
 * γ ≥ 0 (and R∞, L ≥ 0 unless asked otherwise), by NNLS (sp-nnls.h) on
 * the stacked matrix [A; √λ M^½].
 *
 * λ by generalised cross-validation (Wahba; Maradesa et al., J.
 * Electrochem. Soc. 170, 030502 (2023), eq. 13, as pyDRTtools computes it),
 * on the unconstrained regularised problem:
 *   GCV(λ) = n ‖(I − K) Z‖² / (tr (I − K))²,  K = A (AᵀA + λM)⁻¹ Aᵀ,
 * n = 2N; minimised over log₁₀ λ on a grid from −7 to 0 (step 0.5; the
 * bounds pyDRTtools' search uses), then refined by Brent's method
 * (gsl_min) between the grid neighbours.  Noise-free data drive GCV to the
 * smallest λ; the floor keeps γ from rippling about a broad arc's tails.
 *
 * Peaks: local maxima of γ above a threshold (1 % of the largest by
 * default), located by Newton's method on γ′ (analytic); each peak's
 * resistance is ∫ γ between the minima either side (−∞ / +∞ for the outer
 * ones; closed form with erf), its capacitance τ/R.
 */
#pragma once

#include <gio/gio.h>

#include "sp-eis-spectrum.h"

G_BEGIN_DECLS

typedef struct
{
  gboolean gcv;              /* choose λ by GCV (TRUE)                       */
  double   lambda;           /* used when !gcv: > 0 (1e-3, DRTtools')        */
  guint    derivative;       /* 1 or 2: the penalised derivative (1)         */
  double   fwhm_coefficient; /* the RBF width as DRTtools' coefficient (0.5) */
  gboolean fit_inductance;   /* include jωL (TRUE)                           */
  gboolean free_r_inf_l;     /* let R∞ and L be negative (FALSE)             */
  double   peak_threshold;   /* fraction of the largest γ (0.01)             */
} SpDrtOptions;

typedef struct
{
  double tau_s;
  double freq_hz;            /* 1/(2πτ)                                       */
  double gamma_ohm;          /* γ at the peak                                 */
  double resistance_ohm;     /* ∫ γ d ln τ between the neighbouring minima    */
  double capacitance_f;      /* τ/R                                           */
  double tau_lo_s;           /* the integration bounds (0 / INFINITY outside) */
  double tau_hi_s;
} SpDrtPeak;

typedef struct
{
  double     lambda;
  gboolean   lambda_from_gcv;
  double     gcv_score;        /* at λ (NAN when λ was given)               */
  guint      derivative;
  double     r_inf_ohm;
  double     inductance_h;
  double     polarisation_ohm; /* ∫ γ d ln τ over everything                */

  /* The basis: centres yₙ = ln τₙ, shape ε, weights xₙ (Ω). */
  guint      n_basis;
  double     epsilon;
  double    *centre_ln_tau;
  double    *weight_ohm;

  /* γ on a fine grid (10 per centre spacing, half a decade beyond the
   * centres each side), τ ascending. */
  guint      n_out;
  double    *tau_s;
  double    *gamma_ohm;

  /* The fitted spectrum, in the spectrum's order; residuals relative to
   * |Z| as Lin-KK's. */
  guint      n_points;
  double    *freq_hz;
  double    *z_fit_re_ohm;
  double    *z_fit_im_ohm;
  double    *residual_re;
  double    *residual_im;

  guint      n_peaks;          /* by increasing τ                           */
  SpDrtPeak *peaks;
} SpDrtResult;

/* Called with a fraction in [0, 1] as the GCV search advances (on the
 * thread that runs sp_drt_compute). */
typedef void (*SpDrtProgress) (double fraction, gpointer user_data);

void         sp_drt_options_init     (SpDrtOptions        *options);

/* The DRT of @spectrum (at least 5 points, distinct positive frequencies,
 * finite impedances).  NULL with an error naming the problem, or
 * G_IO_ERROR_CANCELLED when @cancellable fires during the search. */
SpDrtResult *sp_drt_compute          (const SpEisSpectrum *spectrum,
                                      const SpDrtOptions  *options,
                                      GCancellable        *cancellable,
                                      SpDrtProgress        progress,
                                      gpointer             user_data,
                                      GError             **error);
void         sp_drt_result_free      (SpDrtResult         *result);

/* γ(ln τ) of @result at any τ > 0, Ω. */
double       sp_drt_result_gamma     (const SpDrtResult   *result,
                                      double               tau_s);
/* ∫ γ d ln τ between @tau_lo_s and @tau_hi_s (0 and INFINITY allowed). */
double       sp_drt_result_integral  (const SpDrtResult   *result,
                                      double               tau_lo_s,
                                      double               tau_hi_s);

/* The discretisation integrals A′(u) and A″(u) above (for tests). */
double       sp_drt_kernel_re        (double               u,
                                      double               epsilon);
double       sp_drt_kernel_im        (double               u,
                                      double               epsilon);
/* The penalty matrix's element for centres @d apart (for tests). */
double       sp_drt_penalty          (double               d,
                                      double               epsilon,
                                      guint                derivative);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SpDrtResult, sp_drt_result_free)

G_END_DECLS
