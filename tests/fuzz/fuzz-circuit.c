/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fuzz-circuit.c — libFuzzer harness: the circuit-string parser and Z(ω)
 *
 * The input (up to its first NUL) is a circuit string.  A parse either
 * fails with a message "at character N: …" whose N lies within the text
 * (one past its end at most) and equals the reported position, or gives a
 * circuit whose canonical string parses again to the same string and
 * parameter names, and whose Z(ω) and Jacobian can be evaluated (no crash,
 * no sanitizer report; the same Z from both).
 */

#include "config.h"

#include <complex.h>
#include <math.h>
#include <stdint.h>
#include <string.h>

#include "sp-circuit.h"
#include "sp-gsl.h"

int LLVMFuzzerInitialize (int *argc, char ***argv);
int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  sp_gsl_init ();
  return 0;
}

static void
check_circuit (SpCircuit *circuit)
{
  guint n = sp_circuit_get_n_params (circuit);
  SpCircuit *again = sp_circuit_parse (sp_circuit_to_string (circuit), NULL);
  double *params = g_new (double, MAX (n, 1));
  double complex *dz = g_new (double complex, MAX (n, 1));

  g_assert_nonnull (again);
  g_assert_cmpstr (sp_circuit_to_string (again), ==, sp_circuit_to_string (circuit));
  g_assert_cmpuint (sp_circuit_get_n_params (again), ==, n);
  for (guint k = 0; k < n; k++)
    {
      guint index = G_MAXUINT;

      g_assert_cmpstr (sp_circuit_get_param_name (again, k), ==,
                       sp_circuit_get_param_name (circuit, k));
      g_assert_true (sp_circuit_find_param (circuit, sp_circuit_get_param_name (circuit, k),
                                            &index, NULL));
      g_assert_cmpuint (index, ==, k);
      params[k] = sp_circuit_get_param_kind (circuit, k) == SP_CIRCUIT_PARAM_EXPONENT ? 0.7 : 2.0;
      g_assert_true (sp_circuit_param_valid (circuit, k, params[k]));
    }
  for (double omega = 1e-3; omega < 1e7; omega *= 100)
    {
      double complex z = sp_circuit_eval (circuit, params, omega);
      double complex zj = sp_circuit_eval_jacobian (circuit, params, omega, dz);

      g_assert_true (z == zj || (isnan (creal (z)) && isnan (creal (zj))));
    }
  g_free (dz);
  g_free (params);
  sp_circuit_free (again);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  char *text = g_strndup ((const char *) data, size);
  GError *error = NULL;
  guint position = 0;
  SpCircuit *circuit = sp_circuit_parse_full (text, &position, &error);

  if (circuit != NULL)
    {
      g_assert_no_error (error);
      g_assert_cmpuint (position, ==, 0);
      check_circuit (circuit);
      sp_circuit_free (circuit);
    }
  else
    {
      g_autofree char *prefix = g_strdup_printf ("at character %u: ", position);
      const char *end = NULL;
      glong n_chars;

      g_assert_nonnull (error);
      g_assert_true (error->domain == SP_CIRCUIT_ERROR);
      g_assert_true (g_str_has_prefix (error->message, prefix));
      g_utf8_validate (text, -1, &end);
      n_chars = g_utf8_strlen (text, end - text);
      g_assert_cmpuint (position, >=, 1);
      g_assert_cmpuint (position, <=, (guint) n_chars + 1);
      g_error_free (error);
    }
  g_free (text);
  return 0;
}
