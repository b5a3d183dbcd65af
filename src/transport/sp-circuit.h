/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sp-circuit.h — equivalent circuits: the string syntax, Z(ω) and ∂Z/∂p
 *
 * The syntax is the common one (impedance.py, pyimpspec):
 *   R0-p(Rb,CPEb)-p(Rgb,CPEgb)-CPEel
 * "-" joins in series, p(a,b,…) in parallel (nested freely), and an element
 * is a type (R, C, L, CPE, W, Wo, Ws; PHYSICS-TRANSPORT.md §1) followed by an
 * instance label of letters, digits or '_' (may be empty only if unique).
 *
 * Parameters are numbered in the order their elements appear in the string.
 * Their names follow impedance.py so scripts carry over: a one-parameter
 * element is named by its label ("R0", "C1", "L0", "W1"); a two-parameter
 * element's parameters are label_0 and label_1 ("CPEb_0" = Q, "CPEb_1" = α;
 * "Wo1_0" = Z₀, "Wo1_1" = τ).  sp_circuit_find_param() also accepts the
 * spelled-out aliases "CPEb.Q", "CPEb.alpha", "Wo1.Z0", "Wo1.tau".
 *
 * Pure C (GLib only); evaluation never allocates, so the fit calls it per
 * point.  Errors name the position (1-based character) and the problem.
 */
#pragma once

#include <complex.h>

/* glibc defines CMPLX only for GCC; clang (the fuzz build) has the same
 * builtin.  CMPLX keeps an infinite or NaN part where x + I*y would not. */
#ifndef CMPLX
#define CMPLX(x, y) __builtin_complex ((double) (x), (double) (y))
#endif

#include <glib.h>

G_BEGIN_DECLS

#define SP_CIRCUIT_ERROR (sp_circuit_error_quark ())
GQuark sp_circuit_error_quark (void);

typedef enum
{
  SP_CIRCUIT_ERROR_SYNTAX,     /* unexpected character, missing ')' or ','   */
  SP_CIRCUIT_ERROR_ELEMENT,    /* unknown element type                        */
  SP_CIRCUIT_ERROR_DUPLICATE,  /* two elements with the same name             */
  SP_CIRCUIT_ERROR_PARAMETER,  /* unknown parameter name, value out of range  */
} SpCircuitError;

typedef enum
{
  SP_CIRCUIT_PARAM_POSITIVE,   /* R, C, L, Q, A_W, Z₀, τ: > 0, fitted as ln p  */
  SP_CIRCUIT_PARAM_EXPONENT,   /* a CPE's α: 0 < α ≤ 1                        */
} SpCircuitParamKind;

typedef struct _SpCircuit SpCircuit;

/* NULL with SP_CIRCUIT_ERROR set when @text is not a circuit; the message
 * says where ("at character 12: expected ',' or ')' after CPEb"). */
SpCircuit   *sp_circuit_parse              (const char       *text,
                                            GError          **error);
/* The same, also giving the error's 1-based character position in
 * @error_position (0 on success), for a text field to put the cursor there. */
SpCircuit   *sp_circuit_parse_full         (const char       *text,
                                            guint            *error_position,
                                            GError          **error);
void         sp_circuit_free               (SpCircuit        *circuit);
/* The string in canonical spelling (no spaces), which parses back to an
 * equal circuit. */
const char  *sp_circuit_to_string          (const SpCircuit  *circuit);

guint        sp_circuit_get_n_params       (const SpCircuit  *circuit);
const char  *sp_circuit_get_param_name     (const SpCircuit  *circuit,
                                            guint             index);
/* The spelled-out alias ("CPEb.Q", "Wo1.tau"), or NULL for a
 * one-parameter element. */
const char  *sp_circuit_get_param_alias    (const SpCircuit  *circuit,
                                            guint             index);
/* "R0, CPEb_0 (CPEb.Q), CPEb_1 (CPEb.alpha)": for messages. */
char        *sp_circuit_describe_params    (const SpCircuit  *circuit);
/* "Ohm", "F", "H", "F s^(a-1)", "Ohm s^-1/2", "s", "" (for α). */
const char  *sp_circuit_get_param_unit     (const SpCircuit  *circuit,
                                            guint             index);
SpCircuitParamKind sp_circuit_get_param_kind (const SpCircuit *circuit,
                                            guint             index);
/* The index of @name (canonical or alias); FALSE with SP_CIRCUIT_ERROR_PARAMETER
 * naming the circuit's parameters when there is none. */
gboolean     sp_circuit_find_param         (const SpCircuit  *circuit,
                                            const char       *name,
                                            guint            *index,
                                            GError          **error);
/* Whether @value is allowed for parameter @index (finite, > 0; α ≤ 1). */
gboolean     sp_circuit_param_valid        (const SpCircuit  *circuit,
                                            guint             index,
                                            double            value);

/* Z(ω) at angular frequency @omega (rad/s) for @params (n_params values). */
double complex sp_circuit_eval             (const SpCircuit  *circuit,
                                            const double     *params,
                                            double            omega);
/* Z(ω) and ∂Z/∂p_k for every parameter, analytically, into @dz_dp
 * (n_params values). */
double complex sp_circuit_eval_jacobian    (const SpCircuit  *circuit,
                                            const double     *params,
                                            double            omega,
                                            double complex   *dz_dp);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SpCircuit, sp_circuit_free)

G_END_DECLS
