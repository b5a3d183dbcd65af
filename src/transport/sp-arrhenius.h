/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sp-arrhenius.h — activation energies from conductivities at several
 * temperatures
 *
 * A hopping conductor follows σT = A exp(−E_a/(k_B T)) (the "sigma-t"
 * form, the default) or, as some papers write it, σ = σ₀ exp(−E_a/(k_B T))
 * (the "sigma" form).  Either is a straight line y = ln A − (E_a/k_B)·x in
 * x = 1/T with y = ln(σT) or ln σ, fitted by weighted linear least squares
 * (GSL gsl_fit_wlinear / gsl_fit_linear).
 *
 * Standard errors: with the σ uncertainties u_σ given, each point weighs
 * w = 1/u_y², u_y = u_σ/σ (the uncertainty of ln σ), and the covariance is
 * (XᵀWX)⁻¹ as it stands — the uncertainties are taken as known.  Without
 * them every point weighs the same and the covariance is scaled by the
 * residual variance s² = Σr²/(n − 2): the scatter about the line measures
 * the noise.  Two points without uncertainties fit exactly and leave no
 * scatter: the standard errors are then NAN.  Confidence intervals use
 * Student's t with n − 2 degrees of freedom when the errors come from the
 * scatter (few points: t₀.₉₇₅ = 4.30 for four), the normal quantile when
 * they come from given uncertainties.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* CODATA 2018, exact since the 2019 SI. */
#define SP_BOLTZMANN_EV_PER_K 8.617333262e-5

typedef enum
{
  SP_ARRHENIUS_SIGMA_T,   /* ln(σT) against 1/T; prefactor A in S·K/cm */
  SP_ARRHENIUS_SIGMA,     /* ln σ against 1/T; prefactor σ₀ in S/cm    */
} SpArrheniusForm;

typedef struct
{
  SpArrheniusForm form;
  guint    n_points;
  gboolean weighted;            /* the σ uncertainties were given          */
  double   ea_ev;               /* activation energy                       */
  double   ea_stderr_ev;
  double   prefactor;           /* A (S·K/cm) or σ₀ (S/cm)                 */
  double   prefactor_stderr;    /* A · s.e.(ln A) (first order)            */
  double   ln_prefactor;        /* the line's intercept                    */
  double   ln_prefactor_stderr;
  double   slope_k;             /* −E_a/k_B, K                             */
  double   cov_intercept_slope; /* for the line's confidence band          */
  double   var_intercept, var_slope;
  double   r_squared;           /* weighted when weighted                  */
  double   chi2;                /* Σ w r² (Σ r² unweighted)                */
  guint    dof;                 /* n − 2                                   */
} SpArrheniusFit;

/* Fits @n points; @sigma_stderr (S/cm) may be NULL.  FALSE with an error
 * naming the point and the problem: fewer than 2 points, T ≤ 0, σ ≤ 0, an
 * uncertainty ≤ 0, anything not finite, or every point at one T. */
gboolean    sp_arrhenius_fit               (const double         *temperature_k,
                                            const double         *sigma_s_per_cm,
                                            const double         *sigma_stderr,
                                            guint                 n,
                                            SpArrheniusForm       form,
                                            SpArrheniusFit       *fit,
                                            GError              **error);

/* σ (S/cm) on the fitted line at @temperature_k. */
double      sp_arrhenius_sigma_at          (const SpArrheniusFit *fit,
                                            double                temperature_k);
/* The fitted line for a plot: @n points evenly spaced in 1000/T between
 * @t_min_k and @t_max_k (1000/T in 1/K into @x, σ in S/cm into @sigma). */
void        sp_arrhenius_line              (const SpArrheniusFit *fit,
                                            double                t_min_k,
                                            double                t_max_k,
                                            guint                 n,
                                            double               *x,
                                            double               *sigma);
/* Half the width of the two-sided @confidence interval (0.95) of E_a, eV:
 * t with fit->dof degrees of freedom, or normal when weighted; NAN when
 * the standard error is. */
double      sp_arrhenius_ea_halfwidth      (const SpArrheniusFit *fit,
                                            double                confidence);

/* σ = t/(R·A), S/cm, from a resistance (Ω), thickness (cm) and area (cm²);
 * FALSE with an error naming the bad argument. */
gboolean    sp_conductivity_from_resistance (double               resistance_ohm,
                                             double               thickness_cm,
                                             double               area_cm2,
                                             double              *sigma_s_per_cm,
                                             GError             **error);

const char *sp_arrhenius_form_to_string    (SpArrheniusForm       form);
gboolean    sp_arrhenius_form_from_string  (const char           *text,
                                            SpArrheniusForm      *form);

/* ---- data files ---------------------------------------------------------- */

typedef struct
{
  guint    n_points;
  double  *temperature_k;
  double  *sigma_s_per_cm;
  double  *sigma_stderr;        /* NULL without an uncertainty column      */
  gboolean celsius;             /* the file gave the temperature in °C     */
} SpArrheniusData;

/* A CSV/TSV/whitespace table of temperature and conductivity, optionally
 * its uncertainty.  By name (case and units ignored): the temperature
 * "T", "temp", "temperature" — in K, unless its unit says °C ("T (°C)",
 * "T/°C", "T_C", "temperature_celsius", "T [degC]"); the conductivity
 * "sigma", "σ", "conductivity" (S/cm; mS/cm and S/m are converted); its
 * uncertainty "sigma_err", "sigma_stderr", "u(sigma)", "dsigma", "error"…
 * Without a header: T (K), σ (S/cm) and optionally u_σ, in that order.
 * Errors name the file, the line and the problem. */
SpArrheniusData *sp_arrhenius_data_read_file (const char      *path,
                                              GError         **error);
SpArrheniusData *sp_arrhenius_data_read      (const char      *bytes,
                                              gsize            len,
                                              const char      *name_for_messages,
                                              GError         **error);
void             sp_arrhenius_data_free      (SpArrheniusData *data);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SpArrheniusData, sp_arrhenius_data_free)

G_END_DECLS
