/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sp-linkk.h — the Kramers–Kronig check of an impedance spectrum (Lin-KK)
 *
 * Schönleber, Klotz & Ivers-Tiffée, Electrochim. Acta 131, 20 (2014): a
 * spectrum is causal, linear and stable when a Kramers–Kronig-compliant
 * model reproduces it,
 *
 *   Ẑ(ω) = R₀ + Σₖ Rₖ/(1 + jωτₖ)  [+ jωL]  [+ 1/(jωC)],   k = 1 … M,
 *
 * with the M time constants fixed and log-spaced over the measured range,
 *   τ₁ = 1/ω_max,  τ_M = 1/ω_min,
 *   τₖ = τ₁ (τ_M/τ₁)^((k−1)/(M−1))   (M = 1: τ₁ = √(τ_min τ_max)),
 * so that only R₀, Rₖ (and L, 1/C) remain: a *linear* least-squares problem,
 * each equation weighted by 1/|Zᵢ|.  M grows until
 *   μ = 1 − Σ_{Rₖ<0}|Rₖ| / Σ_{Rₖ≥0}|Rₖ|
 * falls below c (the paper's 0.85 by default): more time constants would
 * fit the noise (over-fitting shows as resistors of both signs).
 *
 * Where M starts (a deviation from the paper, which starts at 1): at three
 * time constants per decade of ω.  A coarser grid cannot represent a sharp
 * arc (an ideal R‖C, whose kernel spans about a decade) to within 1 %, and
 * fits it with resistors of both signs beside it — negative resistances
 * from under-resolution, not from noise — so μ fell below 0.85 at M ≈ 10
 * on exact, valid ceramic spectra (bulk arc at 160 kHz, 0.1 Hz … 1 MHz) and
 * the check called them invalid with 5 % residuals.  At three per decade a
 * single R‖C is fitted to 0.3 %.  min_m = 1 restores the paper's start.
 * With a series capacitance (inductance) the element at τ_M (τ₁) is left
 * out of μ: over the measured band it is nearly a combination of 1/(jωC)
 * (of R₀ and jωL), so the two trade large values of opposite sign.
 *
 * What is fitted (as in the paper and impedance.py's linKK):
 *   complex  Z′ and Z″ together, every unknown at once (the default);
 *   real     Z′ alone gives R₀ and Rₖ; L and 1/C (real part zero) are then
 *            fitted to what the RC elements leave of Z″;
 *   imag     Z″ alone gives Rₖ, L and 1/C; R₀ (imaginary part zero) is then
 *            the 1/|Z|²-weighted mean of Z′ − Σ Re Rₖ/(1 + jωτₖ) (Boukamp,
 *            J. Electrochem. Soc. 142, 1885 (1995), eq. 7).
 * The residuals are relative to |Z| at each point, Δ′ᵢ = (Z′ᵢ − Ẑ′ᵢ)/|Zᵢ|,
 * Δ″ᵢ = (Z″ᵢ − Ẑ″ᵢ)/|Zᵢ|, and pseudo-χ² = Σᵢ (Δ′ᵢ² + Δ″ᵢ²) (the paper's).
 *
 * The verdict (the paper asks for residuals "within about ±1 % and without
 * trend"; this makes it a rule):
 *   - OUTSIDE  when more than 5 % of the points (at least one) have |Δ′| or
 *              |Δ″| above the tolerance (1 % by default);
 *   - TREND    otherwise, when Δ′ or Δ″, ordered by frequency, is
 *              strongly correlated with its neighbour (lag-1
 *              autocorrelation Σ ΔᵢΔᵢ₊₁ / Σ Δᵢ² ≥ 0.8, not centred on the
 *              mean, so an offset counts; zero-mean white noise of N points
 *              gives 0 ± 1/√N) while that part's rms exceeds a tenth of the
 *              tolerance (0.1 %, an analyser's typical accuracy): a
 *              systematic pattern large enough to matter (drift, a
 *              non-linear response).  Below that floor a smooth pattern is
 *              the finite model's own misfit and means nothing; 0.8 (not
 *              0.5) because a one-part fit predicts the other part from
 *              noisy data, which smooths that part's residual (lag-1 about
 *              0.5 at 0.1 % noise);
 *   - VALID    otherwise.
 */
#pragma once

#include <glib.h>

#include "sp-eis-spectrum.h"

G_BEGIN_DECLS

typedef enum
{
  SP_LINKK_FIT_COMPLEX,
  SP_LINKK_FIT_REAL,
  SP_LINKK_FIT_IMAG,
} SpLinKKFit;

typedef enum
{
  SP_LINKK_VALID,
  SP_LINKK_OUTSIDE,   /* too many residuals beyond the tolerance        */
  SP_LINKK_TREND,     /* small residuals with a systematic pattern      */
} SpLinKKVerdict;

typedef struct
{
  double     c;                /* μ threshold, 0 < c < 1 (0.85)                 */
  SpLinKKFit fit;              /* SP_LINKK_FIT_COMPLEX                          */
  gboolean   add_capacitance;  /* + 1/(jωC): blocking electrodes (FALSE)        */
  gboolean   add_inductance;   /* + jωL: leads and cables (FALSE)               */
  guint      max_m;            /* cap on M (0: 100); never above N − 1 − (added
                                  L, C) for the complex fit, N − 1 for the
                                  real, N − (added L, C) for the imaginary   */
  guint      fixed_m;          /* > 0: exactly this M, no μ search (0)          */
  guint      min_m;            /* where the search starts; 0: 3 per decade of ω */
  double     tolerance;        /* the residual band of the verdict (0.01)       */
} SpLinKKOptions;

typedef struct
{
  guint          m;               /* RC elements used                          */
  double         mu;              /* μ at that M                               */
  gboolean       mu_reached;      /* μ < c was reached (FALSE: M hit the cap)  */
  double         pseudo_chi2;
  double         r0_ohm;
  double         inductance_h;    /* 0 unless added                            */
  double         capacitance_f;   /* INFINITY (no series C) unless added       */
  double        *tau_s;           /* m time constants                          */
  double        *r_ohm;           /* m resistances                             */

  guint          n_points;        /* in the spectrum's order                   */
  double        *freq_hz;
  double        *z_fit_re_ohm;
  double        *z_fit_im_ohm;
  double        *residual_re;     /* (Z′ − Ẑ′)/|Z|                             */
  double        *residual_im;     /* (Z″ − Ẑ″)/|Z|                             */

  SpLinKKVerdict verdict;
  double         tolerance;
  guint          n_outside;       /* points with |Δ′| or |Δ″| > tolerance      */
  double         max_abs_residual;
  double         max_at_hz;       /* where the largest residual is             */
  double         rms_residual;    /* √(pseudo-χ² / 2N)                         */
  double         rms_re;          /* of Δ′ alone, and of Δ″ alone              */
  double         rms_im;
  double         lag1_re;         /* lag-1 autocorrelation, by frequency       */
  double         lag1_im;
} SpLinKKResult;

void           sp_linkk_options_init   (SpLinKKOptions       *options);

/* The check of @spectrum (at least 3 points, distinct positive
 * frequencies, finite impedances, Z ≠ 0).  NULL with an error naming the
 * problem (a bad point, a bad option, a failed solve). */
SpLinKKResult *sp_linkk_check          (const SpEisSpectrum  *spectrum,
                                        const SpLinKKOptions *options,
                                        GError              **error);
void           sp_linkk_result_free    (SpLinKKResult        *result);

/* One line in the user's language saying what the verdict is and why
 * ("Valid: all 60 residuals lie within ±1 % without a trend (largest
 * 0.12 %)."). */
char          *sp_linkk_explain        (const SpLinKKResult  *result);
/* "valid", "outside", "trend": the untranslated keyword for JSON. */
const char    *sp_linkk_verdict_to_string (SpLinKKVerdict     verdict);
/* "complex", "real", "imag" ⇄ the enum; FALSE for an unknown name. */
const char    *sp_linkk_fit_to_string  (SpLinKKFit            fit);
gboolean       sp_linkk_fit_from_string (const char          *name,
                                         SpLinKKFit          *fit);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SpLinKKResult, sp_linkk_result_free)

G_END_DECLS
