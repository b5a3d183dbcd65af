/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-eis-guess.c — automatic starting values read off a spectrum */

#include "config.h"

#include <math.h>
#include <string.h>

#include "eis-synth.h"
#include "sp-eis-fit.h"
#include "sp-eis-guess.h"
#include "sp-gsl.h"

/* Within a factor @factor of the truth (α: within @dalpha). */
static void
assert_near (const SpCircuit *circuit,
             const double    *guess,
             const double    *truth,
             double           factor,
             double           dalpha)
{
  for (guint k = 0; k < sp_circuit_get_n_params (circuit); k++)
    {
      const char *name = sp_circuit_get_param_name (circuit, k);

      g_assert_true (sp_circuit_param_valid (circuit, k, guess[k]));
      if (sp_circuit_get_param_kind (circuit, k) == SP_CIRCUIT_PARAM_EXPONENT)
        {
          if (fabs (guess[k] - truth[k]) > dalpha)
            g_error ("%s: guessed %g, truth %g", name, guess[k], truth[k]);
        }
      else if (!(guess[k] < factor * truth[k] && guess[k] > truth[k] / factor))
        g_error ("%s: guessed %g, truth %g (factor %g allowed)", name, guess[k], truth[k],
                 factor);
    }
}

/* Ideal R‖C arcs well apart: diameters from the valleys, time constants
 * from the apices. */
static void
test_separated_rc (void)
{
  static const double truth[] = { 100, 1e4, 1e-11, 1e5, 1e-9 };
  g_autoptr(SpCircuit) circuit = synth_circuit ("R0-p(R1,C1)-p(R2,C2)");
  g_autoptr(SpEisSpectrum) s = synth_spectrum (circuit, truth, 1, 1e9, 80, 0, NULL);
  double guess[5];
  g_autoptr(GError) error = NULL;

  g_assert_cmpuint (sp_eis_guess_count_arcs (s), ==, 2);
  g_assert_true (sp_eis_guess (circuit, s, guess, &error));
  g_assert_no_error (error);
  /* R0 is 1 % of the first arc: the intercept at 1 GHz lies within a
   * few ohms of it. */
  assert_near (circuit, guess, truth, 1.3, 0);
}

/* The ceramic with its electrode spike: two arcs, the spike's CPE from
 * the slope of −Z″ at the lowest frequencies. */
static void
test_ceramic (void)
{
  g_autoptr(SpCircuit) circuit = synth_circuit (SYNTH_CERAMIC);
  g_autoptr(SpEisSpectrum) s = synth_spectrum (circuit, synth_ceramic_params, 0.1, 1e7, 60,
                                               0, NULL);
  double guess[9];

  g_assert_cmpuint (sp_eis_guess_count_arcs (s), ==, 2);
  g_assert_true (sp_eis_guess (circuit, s, guess, NULL));
  /* R0 = 50 Ω is 0.5 % of the bulk arc: only its order matters. */
  g_assert_cmpfloat (guess[0], >, 1);
  g_assert_cmpfloat (guess[0], <, 1000);
  {
    double rest_truth[8], rest_guess[8];
    g_autoptr(SpCircuit) rest = synth_circuit ("p(Rb,CPEb)-p(Rgb,CPEgb)-CPEel");

    memcpy (rest_truth, synth_ceramic_params + 1, sizeof rest_truth);
    memcpy (rest_guess, guess + 1, sizeof rest_guess);
    assert_near (rest, rest_guess, rest_truth, 3, 0.15);
  }
}

/* A Warburg tail: W from −Z″ √ω at the lowest frequency. */
static void
test_warburg (void)
{
  static const double truth[] = { 10, 100, 1e-6, 50 };
  g_autoptr(SpCircuit) circuit = synth_circuit ("R0-p(R1,C1)-W1");
  g_autoptr(SpEisSpectrum) s = synth_spectrum (circuit, truth, 1e-3, 1e6, 60, 0, NULL);
  double guess[4];

  g_assert_true (sp_eis_guess (circuit, s, guess, NULL));
  assert_near (circuit, guess, truth, 2, 0);
}

/* Any shape gets valid numbers, however little the spectrum says about
 * it: nested blocks, inductors, Ws, blocks beyond the arcs seen. */
static void
test_any_shape (void)
{
  static const char *const circuits[] = {
    "R0-p(R1,CPE1)-p(R2,CPE2)-p(R3,CPE3)-CPE4",
    "L0-R0-p(R1-Wo1,CPE1)",
    "p(R1,C1-p(R2,C2))",
    "R0-Ws1",
    "C1",
    "p(C1,CPE1)-R0",
    "R0-p(R1,L1)",
    "W1-Wo1-CPE1",
  };
  static const double truth[] = { 20, 1000, 2e-7, 0.85 };
  g_autoptr(SpCircuit) rc = synth_circuit ("R0-p(R1,CPE1)");
  g_autoptr(SpEisSpectrum) s = synth_spectrum (rc, truth, 0.1, 1e6, 40, 0, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (circuits); i++)
    {
      g_autoptr(SpCircuit) circuit = synth_circuit (circuits[i]);
      g_autoptr(GPtrArray) starts = sp_eis_guess_variants (circuit, s, 12, NULL, NULL);
      guint n = sp_circuit_get_n_params (circuit);

      g_assert_nonnull (starts);
      g_assert_cmpuint (starts->len, >=, 1);
      g_assert_cmpuint (starts->len, <=, 12);
      for (guint v = 0; v < starts->len; v++)
        for (guint k = 0; k < n; k++)
          {
            double p = ((double *) starts->pdata[v])[k];

            if (!sp_circuit_param_valid (circuit, k, p))
              g_error ("%s, start %u: %s = %g", circuits[i], v,
                       sp_circuit_get_param_name (circuit, k), p);
          }
    }
}

/* One arc visible for three blocks: the variants offer several splits. */
static void
test_variants (void)
{
  static const double truth[] = { 20, 1000, 2e-7, 0.85 };
  g_autoptr(SpCircuit) rc = synth_circuit ("R0-p(R1,CPE1)");
  g_autoptr(SpCircuit) three = synth_circuit ("R0-p(R1,CPE1)-p(R2,CPE2)-p(R3,CPE3)");
  g_autoptr(SpEisSpectrum) s = synth_spectrum (rc, truth, 0.1, 1e6, 40, 0, NULL);
  guint n_readings = 0;
  g_autoptr(GPtrArray) starts = sp_eis_guess_variants (three, s, 12, &n_readings, NULL);
  g_autoptr(GPtrArray) one = sp_eis_guess_variants (three, s, 1, NULL, NULL);

  g_assert_cmpuint (starts->len, ==, 12);
  g_assert_cmpuint (n_readings, >=, 1);
  g_assert_cmpuint (n_readings, <=, 2);
  g_assert_cmpuint (one->len, ==, 1);
  g_assert_cmpmem (one->pdata[0], 10 * sizeof (double), starts->pdata[0], 10 * sizeof (double));
  for (guint v = 1; v < starts->len; v++)
    g_assert_true (memcmp (starts->pdata[0], starts->pdata[v], 10 * sizeof (double)) != 0);
}

static void
test_check (void)
{
  g_autoptr(SpEisSpectrum) s = sp_eis_spectrum_new (3);
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < 3; i++)
    {
      s->freq_hz[i] = 10 - i;
      s->z_re_ohm[i] = 1;
    }
  g_assert_true (sp_eis_spectrum_check (s, NULL));
  s->freq_hz[1] = -1;
  g_assert_false (sp_eis_spectrum_check (s, &error));
  g_assert_error (error, SP_EIS_FIT_ERROR, SP_EIS_FIT_ERROR_DATA);
  g_assert_nonnull (strstr (error->message, "point 2"));
  g_assert_nonnull (strstr (error->message, "-1"));
  g_clear_error (&error);
  s->freq_hz[1] = 9;
  s->z_re_ohm[2] = NAN;
  g_assert_false (sp_eis_spectrum_check (s, &error));
  g_assert_nonnull (strstr (error->message, "point 3"));
  g_assert_cmpuint (sp_eis_guess_count_arcs (s), ==, 0);
}

int
main (int    argc,
      char **argv)
{
  sp_gsl_init ();
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/eis-guess/separated-rc", test_separated_rc);
  g_test_add_func ("/eis-guess/ceramic", test_ceramic);
  g_test_add_func ("/eis-guess/warburg", test_warburg);
  g_test_add_func ("/eis-guess/any-shape", test_any_shape);
  g_test_add_func ("/eis-guess/variants", test_variants);
  g_test_add_func ("/eis-guess/check", test_check);
  return g_test_run ();
}
