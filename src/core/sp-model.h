/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sp-model.h — the homogeneous free energy of an intercalation host
 *
 * Units (PHYSICS.md): energies per site in meV, T in K, s1 in k_B, κ in
 * meV·nm², D0 in nm²/s, V0 in V, lengths in nm.
 *
 *   g(c) = k_B T [c ln c + (1−c) ln(1−c)]
 *        + c(1−c) Σ_j L_j (1−2c)^j        L_0 = Ω_eff = Ω − s1 k_B T
 *        + K c²
 *
 * Every function that must keep full relative precision near c = 0 and
 * c = 1 has a variant taking the logit u = ln(c/(1−c)), from which both c
 * and 1−c are recovered without cancellation.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Boltzmann constant in meV/K (CODATA 2018, exact in SI). */
#define SP_KB_MEV_PER_K 0.08617333262

/* Number of optional Redlich–Kister coefficients L_1 … L_4. */
#define SP_RK_MAX 4

typedef enum
{
  SP_MOBILITY_SITE_BLOCKING = 0, /* M = (D0 / k_B T) c (1 − c) */
  SP_MOBILITY_CONSTANT      = 1, /* M = D0 / (4 k_B T)        */
} SpMobility;

typedef struct
{
  double     omega;          /* Ω, meV                                  */
  double     temperature;    /* T, K (> 0)                              */
  double     s1;             /* vibrational entropy coefficient, k_B    */
  double     stiffness;      /* K, meV (coherency strain, W_el = K c²)  */
  double     kappa;          /* κ, meV·nm² (> 0)                        */
  double     rk[SP_RK_MAX];  /* L_1 … L_4, meV                          */
  double     d0;             /* D0, nm²/s (> 0)                         */
  double     v0;             /* V0, V                                   */
  double     c0;             /* mean composition, 0 < c0 < 1            */
  SpMobility mobility;
} SpModel;

/* Allowed ranges, shared by the CLI, the session loader and the sliders so
 * that no out-of-range value can reach the numerics. */
typedef struct
{
  const char *name;       /* the flag / JSON key, e.g. "omega"   */
  const char *unit;       /* "meV", "K", … ("" when dimensionless) */
  double      min;
  double      max;
  gboolean    min_open;   /* the minimum itself is not allowed    */
  gboolean    max_open;
} SpParamRange;

typedef enum
{
  SP_PARAM_OMEGA,
  SP_PARAM_TEMPERATURE,
  SP_PARAM_S1,
  SP_PARAM_STIFFNESS,
  SP_PARAM_KAPPA,
  SP_PARAM_RK,
  SP_PARAM_D0,
  SP_PARAM_V0,
  SP_PARAM_C0,
  SP_N_PARAMS
} SpParamId;

const SpParamRange *sp_param_range             (SpParamId           id);
gboolean            sp_param_range_contains    (const SpParamRange *range,
                                                double              value);
/* "--omega must be a number in [-1000, 1000] meV" style description. */
char               *sp_param_range_describe    (const SpParamRange *range);

/* The textbook defaults (PHYSICS.md's worked example). */
void     sp_model_init_default       (SpModel       *model);
/* Checks every field against its range; on failure sets @error naming the
 * field (G_OPTION_ERROR_BAD_VALUE domain is not used: SP_MODEL_ERROR). */
gboolean sp_model_validate           (const SpModel *model,
                                      GError       **error);

#define SP_MODEL_ERROR (sp_model_error_quark ())
GQuark   sp_model_error_quark        (void);
typedef enum { SP_MODEL_ERROR_OUT_OF_RANGE } SpModelError;

double   sp_model_kt                 (const SpModel *model);     /* meV */
/* Ω_eff = Ω − s1 k_B T (meV). */
double   sp_model_omega_eff          (const SpModel *model);
gboolean sp_model_is_symmetric       (const SpModel *model);     /* all L_j = 0 for j ≥ 1 */
/* Every field equal (==, so 0 and −0 are equal); padding is not compared. */
gboolean sp_model_equal              (const SpModel *a,
                                      const SpModel *b);

/* Logit helpers: c = 1/(1+e^{−u}), 1−c = 1/(1+e^{u}). */
double   sp_logit                    (double c);
double   sp_logistic                 (double u);
double   sp_logistic_complement      (double u);                 /* 1 − c */

/* The excess (Redlich–Kister) part h(c) = c(1−c) Σ L_j (1−2c)^j and its first
 * two derivatives with respect to c. */
void     sp_model_excess             (const SpModel *model,
                                      double         c,
                                      double        *h,
                                      double        *dh,
                                      double        *d2h);

/* The same as a function of x = 1 − 2c, which callers holding both c and
 * 1 − c can form exactly as (1 − c) − c. */
void     sp_model_excess_x           (const SpModel *model,
                                      double         x,
                                      double        *h,
                                      double        *dh,
                                      double        *d2h);

double   sp_model_g                  (const SpModel *model, double c);
double   sp_model_mu                 (const SpModel *model, double c);
double   sp_model_g2                 (const SpModel *model, double c);

/* Logit variants: exact near both ends. */
double   sp_model_g_u                (const SpModel *model, double u);
double   sp_model_mu_u               (const SpModel *model, double u);
/* Grand potential density ω = g − c μ = k_B T ln(1−c) + (h − c h') − K c². */
double   sp_model_omega_u            (const SpModel *model, double u);
/* dμ/du = k_B T + c(1−c) (h'' + 2K). */
double   sp_model_dmu_du             (const SpModel *model, double u);

/* Everything the common-tangent solver and the plotted curves need at one
 * logit, from one exp, one log1p and one pass over the excess terms: the
 * same values, bit for bit, as sp_logistic(), sp_logistic_complement(),
 * sp_model_g_u(), sp_model_mu_u(), sp_model_omega_u() and sp_model_dmu_du()
 * give one by one (which take up to four exps and two log1ps each). */
typedef struct
{
  double c, one_minus_c;
  double g;         /* g(u), meV     */
  double mu;        /* μ(u), meV     */
  double omega;     /* ω(u), meV     */
  double dmu_du;    /* dμ/du, meV    */
} SpModelPoint;

void     sp_model_point_u            (const SpModel *model,
                                      double         u,
                                      SpModelPoint  *point);

/* The non-logarithmic part of μ: μ_rest = h'(c) + 2Kc, used by the
 * Cahn–Hilliard engine (PHYSICS.md's linear-entropy identity). */
double   sp_model_mu_rest            (const SpModel *model, double c);
/* Its derivative, h''(c) + 2K. */
double   sp_model_mu_rest_prime      (const SpModel *model, double c);

/* Mobility M(c) in nm²/(s·meV). */
double   sp_model_mobility           (const SpModel *model, double c);

/* The energy scale of the model, max(|Ω|, k_B T, |K|, |L_j|) in meV: the
 * size against which round-off in a computed energy is judged. */
double   sp_model_energy_scale       (const SpModel *model);
/* @energy (meV), or exactly 0 when |energy| < 1e−12 × the energy scale:
 * what a read-out shows, so that a μ* of −2e−14 meV reads 0. */
double   sp_model_clean_energy       (const SpModel *model,
                                      double         energy);

/* V(μ) = V0 − μ/1000, μ in meV. */
double   sp_model_voltage            (const SpModel *model, double mu);

G_END_DECLS
