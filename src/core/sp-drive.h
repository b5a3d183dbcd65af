/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sp-drive.h — driving the particle: a reaction source term on Cahn–Hilliard
 *
 *   ∂c/∂t = ∇·(M ∇μ) + R,   μ = g'(c) − κ∇²c (meV),
 *   R = k₀ f(c) [e^{−α eη/k_BT} − e^{(1−α) eη/k_BT}],
 *   eη = e(V − V₀) + μ(x)   (meV; V in volts, so e(V − V₀) = 1000 (V − V₀) meV),
 *   f(c) = c (1 − c).
 *
 * Signs (PHYSICS.md: V = V₀ − μ/e is the open-circuit voltage): η = 0 at
 * equilibrium; a cell voltage below the local OCV makes η < 0 and R > 0
 * (lithium inserted, c rises: discharge of the cathode); above it η > 0
 * and R < 0 (extraction, charge).  f(c) = c(1 − c) is the exchange-rate
 * prefactor of a transition state that
 * excludes two sites (γ‡ = 1/(c(1 − c)) in Bazant, Acc. Chem. Res. 46,
 * 1144 (2013), eq. 22; MPET's "BV_gMod01" rate without its activity
 * factor); MPET's plain "BV" rate with ideal activities has
 * c^α (1 − c)^(1−α) instead, √(c(1 − c)) at α = ½.  Either vanishes at the
 * ends, so R keeps c inside (0, 1); c(1 − c) also cancels the entropic
 * k_BT/(c(1 − c)) of g'' in the rate's linearisation, which keeps the
 * reaction's stiffness bounded there.  The driven Cahn–Hilliard reaction
 * model itself is Bai, Cogswell & Bazant, Nano Lett. 11, 4890 (2011)
 * (MPET's "CHR" particle): η uses the full diffusional potential.
 *
 * Modes: closed (c̄ fixed, the engine exactly as before), galvanostatic
 * (the C-rate fixes dc̄/dt; V is solved every step so that ⟨R⟩ equals it),
 * potentiostatic (V fixed; the current follows) and cycle (galvanostatic
 * in the direction of the C-rate's sign until a cut-off, then back the
 * other way until the other, then finished).  An inserting run ends at
 * c̄ = c_hi or V = v_lo (insertion lowers V), an extracting one at c̄ = c_lo
 * or V = v_hi.  Once finished the particle rests at open circuit (no
 * current; the field keeps relaxing as in the closed box).
 */
#pragma once

#include <glib.h>

#include "sp-model.h"

G_BEGIN_DECLS

typedef enum
{
  SP_DRIVE_CLOSED = 0,        /* today: c̄ fixed (bit-for-bit as before)                */
  SP_DRIVE_GALVANOSTATIC,     /* set C-rate; V solved each step                         */
  SP_DRIVE_POTENTIOSTATIC,    /* set V; the current follows                              */
  SP_DRIVE_CYCLE,             /* galvanostatic one way, then back, between the cut-offs */
} SpDriveMode;

#define SP_DRIVE_N_MODES 4

typedef struct
{
  SpDriveMode mode;
  double c_rate;       /* 1/h; 1C fills c̄ 0 → 1 in one hour; > 0 inserts (discharge of the cathode) */
  double voltage_V;    /* potentiostatic set point, V                              */
  double k0;           /* exchange rate, 1/s                                       */
  double alpha;        /* transfer coefficient, in (0, 1)                          */
  double v_lo, v_hi;   /* cut-off voltages, V (v_lo < v_hi)                        */
  double c_lo, c_hi;   /* c̄ limits (0 < c_lo < c_hi < 1)                           */
} SpDriveParams;

/* Ranges the CLI, the session and the sliders share. */
#define SP_DRIVE_C_RATE_MAX 1e4     /* |C-rate|, 1/h                    */
#define SP_DRIVE_K0_MIN     1e-8    /* 1/s                              */
#define SP_DRIVE_K0_MAX     1e6
#define SP_DRIVE_C_LIMIT_MIN 1e-6   /* c_lo ≥ this, c_hi ≤ 1 − this     */

#define SP_DRIVE_ERROR (sp_drive_error_quark ())
GQuark       sp_drive_error_quark         (void);
typedef enum { SP_DRIVE_ERROR_INVALID } SpDriveError;

/* Closed, and the rest sensible: 1C, k₀ = 1/s, α = ½, cut-offs 2.0 and
 * 4.5 V, c̄ limits 0.01 and 0.99, V = 3.4 V. */
void         sp_drive_params_init_default (SpDriveParams       *p);
/* Checks every field (whatever the mode, so that switching modes never
 * meets a bad value); the message names the flag (--c-rate, …). */
gboolean     sp_drive_params_validate     (const SpDriveParams *p,
                                           GError             **error);
/* "closed", "galvanostatic", "potentiostatic", "cycle" (NULL for no mode). */
const char  *sp_drive_mode_to_string      (SpDriveMode          m);
gboolean     sp_drive_mode_from_string    (const char          *s,
                                           SpDriveMode         *m);

/* The set current of a C-rate, dc̄/dt in 1/s. */
double       sp_drive_current_of_c_rate   (double               c_rate);

/* What a driven run reports (SpFrame carries it; sp_ch_get_drive_state). */
typedef struct
{
  SpDriveMode mode;
  double   mean_c;         /* c̄                                                   */
  double   voltage_V;      /* the cell voltage applied or solved (closed: V₀ − ⟨μ⟩/e) */
  double   current;        /* dc̄/dt of the last step, 1/s                         */
  double   charge_passed;  /* ∫ current dt since the start                        */
  double   overpotential_V;/* ⟨η⟩ = V − (V₀ − ⟨μ⟩/e), V                            */
  int      direction;      /* +1 inserting, −1 extracting, 0 closed or finished   */
  gboolean finished;       /* a cut-off was reached                               */
} SpDriveState;

/* Butler–Volmer at one point: R (1/s) for composition @c, diffusional
 * potential @mu (meV) and cell voltage @voltage_V, with k_BT @kt (meV) and
 * the model's V₀ @v0. */
double       sp_drive_rate                (const SpDriveParams *p,
                                           double               kt,
                                           double               v0,
                                           double               c,
                                           double               mu,
                                           double               voltage_V);

/* Solves A e^{−αy} − B e^{(1−α)y} = @rate for y, given ln A and ln B (so
 * that neither needs to be representable): the scaled voltage y = e(V − V₀)/k_BT
 * at which a field with A = ⟨k₀ f e^{−αμ/k_BT}⟩ and B = ⟨k₀ f e^{(1−α)μ/k_BT}⟩
 * reacts at @rate on average.  The left side falls monotonically from +∞
 * to −∞, so there is exactly one root (GSL's Brent on a log form). */
gboolean     sp_drive_solve_exponent      (double               ln_a,
                                           double               ln_b,
                                           double               alpha,
                                           double               rate,
                                           double              *y);

/* A homogeneous particle (the oracle of the tests and the rate sweep's
 * estimate): dc/dt = R(c, g'(c), V).  For the galvanostatic modes V is the
 * voltage at which R equals the set current at c (a scalar root). */
double       sp_drive_homogeneous_voltage (const SpDriveParams *p,
                                           const SpModel       *model,
                                           double               c,
                                           double               current);
/* Integrates dc/dt = R(c, g'(c), V) at fixed V from @c_start over @t
 * seconds (GSL's Runge–Kutta–Prince–Dormand 8(9) at relative 1e-12): an
 * integration independent of the engine. */
gboolean     sp_drive_homogeneous_potentiostatic (const SpDriveParams *p,
                                                  const SpModel       *model,
                                                  double               c_start,
                                                  double               t,
                                                  double              *c_end,
                                                  GError             **error);

G_END_DECLS
