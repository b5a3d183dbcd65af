/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sp-eis-fit.h — complex non-linear least squares: a circuit fitted to a spectrum
 *
 * Minimises χ² = Σᵢ [w′ᵢ (Z′ᵢ − Z′(ωᵢ; p))² + w″ᵢ (Z″ᵢ − Z″(ωᵢ; p))²] over
 * the free parameters with GSL's trust-region Levenberg–Marquardt
 * (gsl_multifit_nlinear), on the 2N real residuals and the analytic
 * Jacobian of sp_circuit_eval_jacobian.  PHYSICS-TRANSPORT.md §1.
 *
 * Weights (data weighting: computed from the measured Zᵢ, not the model):
 *   unit          w′ᵢ = w″ᵢ = 1
 *   modulus       w′ᵢ = w″ᵢ = 1/|Zᵢ|²  (impedance.py's weight_by_modulus,
 *                 ZView's "Data-Modulus")
 *   proportional  w′ᵢ = 1/Z′ᵢ², w″ᵢ = 1/Z″ᵢ²  (ZView's "Data-Proportional",
 *                 Macdonald's proportional weighting); each part's
 *                 magnitude is floored at 10⁻³ |Zᵢ| so that a point on the
 *                 real axis does not take all the weight.
 *
 * The search runs in transformed parameters so that every trial point is
 * valid: a positive parameter p as ln p; a CPE exponent α as the logistic
 * α = 1/(1 + e^(−u)), so 0 < α < 1 (α = 1 itself is reached only as a
 * limit; fix α = 1 to fit an ideal capacitor exactly); a CPE's Q, when
 * its α is free too, as ln(Q ω_ref^α) at the frequency where the element
 * matters, which decouples the two.
 *
 * Standard errors: from the weighted Jacobian J of the residuals in the
 * ORIGINAL parameters at the optimum (the delta method applied to the
 * transform gives exactly this, and it stays defined where dα/du → 0):
 * cov = (JᵀWJ)⁻¹ · χ²/(2N − P_free), s.e. = √cov_kk.  A fixed parameter
 * has s.e. 0; a free one the data cannot determine (rank-deficient J)
 * has s.e. NAN.
 */
#pragma once

#include <gio/gio.h>

#include "sp-circuit.h"
#include "sp-eis-spectrum.h"

G_BEGIN_DECLS

#define SP_EIS_FIT_ERROR (sp_eis_fit_error_quark ())
GQuark sp_eis_fit_error_quark (void);

typedef enum
{
  SP_EIS_FIT_ERROR_DATA,        /* empty spectrum, non-finite values, f ≤ 0      */
  SP_EIS_FIT_ERROR_TOO_FEW,     /* fewer residuals than free parameters         */
  SP_EIS_FIT_ERROR_PARAMETER,   /* an initial or fixed value out of its range   */
  SP_EIS_FIT_ERROR_FAILED,      /* the solver failed before any usable point    */
} SpEisFitError;

typedef enum
{
  SP_EIS_WEIGHT_UNIT,
  SP_EIS_WEIGHT_MODULUS,
  SP_EIS_WEIGHT_PROPORTIONAL,
} SpEisWeight;

/* "unit", "modulus", "proportional"; FALSE for any other name. */
gboolean    sp_eis_weight_from_string (const char  *name,
                                       SpEisWeight *weight);
const char *sp_eis_weight_to_string   (SpEisWeight  weight);

typedef struct
{
  SpEisWeight weight;
  /* Per parameter (n_params each), either may be NULL: a finite
   * initial[k] is the start of parameter k (NAN: the automatic guess);
   * fixed[k] holds it at initial[k], which must then be given. */
  const double   *initial;
  const gboolean *fixed;
  /* Iterations per start; 0: 500. */
  guint max_iterations;
  /* Starts tried when the first fit fails or fits poorly (automatic
   * guesses and their variants; given initial values count as one start);
   * 0: 12, 1: no multi-start. */
  guint max_starts;
} SpEisFitOptions;

/* Default options: modulus weights, everything guessed and free. */
void sp_eis_fit_options_init (SpEisFitOptions *options);

typedef struct
{
  guint    n_params;
  double  *value;           /* best-fit parameters (original units)           */
  double  *std_error;       /* ±1 s.e.; 0 for a fixed one, NAN undetermined   */
  gboolean *fixed;
  double  *initial;         /* the start the best fit came from               */

  guint    n_points;        /* N (2N real residuals)                          */
  guint    n_free;          /* P_free                                         */
  guint    dof;             /* 2N − P_free                                    */
  /* The weighted sum of squares χ² = Σ w r² at the optimum, and the
   * reduced χ²/(2N − P_free) (for modulus weights: the variance of the
   * relative residuals, ≈ σ² for noise proportional to |Z|). */
  double   chi2;
  double   reduced_chi2;
  /* √(mean of the squared relative residuals), weight-independent. */
  double   rms_relative;

  guint    iterations;      /* of the best start                              */
  guint    n_starts;        /* starts tried                                   */
  /* The steps and the gradient became negligible (GSL's tests at 1e-10),
   * χ² fell by less than 1e-9 of itself over 10 iterations, or no step
   * lowers χ² at all. */
  gboolean converged;
  /* NULL, or why the result should be read with care (did not converge,
   * a parameter is undetermined); translated. */
  char    *warning;

  /* Per point, in the spectrum's order. */
  double  *freq_hz;
  double  *z_fit_re_ohm;
  double  *z_fit_im_ohm;
  double  *rel_residual_re; /* (Z′ᵢ − Z′fit)/|Zᵢ|                             */
  double  *rel_residual_im; /* (Z″ᵢ − Z″fit)/|Zᵢ|                             */
} SpEisFitResult;

/* Fits @circuit to @spectrum.  NULL with an error (SP_EIS_FIT_ERROR, or
 * G_IO_ERROR_CANCELLED) when the data or the options are unusable or the
 * fit was cancelled; a fit that did not converge still returns its best
 * point, with converged FALSE and a warning.  Runs in the calling thread
 * (a few ms for 60 points): call it off the UI thread. */
SpEisFitResult *sp_eis_fit              (const SpCircuit       *circuit,
                                         const SpEisSpectrum   *spectrum,
                                         const SpEisFitOptions *options,
                                         GCancellable          *cancellable,
                                         GError               **error);
void            sp_eis_fit_result_free  (SpEisFitResult        *result);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SpEisFitResult, sp_eis_fit_result_free)

G_END_DECLS
