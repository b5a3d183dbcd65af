/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-circuit.c — the circuit parser, Z(ω) of every element against its
 * closed form (evaluated independently in long double), compositions against
 * hand formulas, and the analytic Jacobian against central differences */

#include "config.h"

#include <complex.h>
#include <math.h>
#include <string.h>

#include "sp-gsl.h"
#include "sp-circuit.h"

static double
rel_error (double complex z,
           long double complex ref)
{
  return (double) (cabsl ((long double complex) z - ref) / cabsl (ref));
}

static SpCircuit *
parse_ok (const char *text)
{
  g_autoptr(GError) error = NULL;
  SpCircuit *circuit = sp_circuit_parse (text, &error);

  g_assert_no_error (error);
  g_assert_nonnull (circuit);
  return circuit;
}

static const double omegas[] = { 1e-4, 0.37, 1, 6.28, 1234.5, 1e6, 3e9 };

/* ---- elements ---------------------------------------------------------- */

static void
test_element_r_c_l (void)
{
  g_autoptr(SpCircuit) r = parse_ok ("R1");
  g_autoptr(SpCircuit) c = parse_ok ("C1");
  g_autoptr(SpCircuit) l = parse_ok ("L1");
  const double pr = 123.4, pc = 2.5e-9, pl = 3.3e-6;

  for (guint i = 0; i < G_N_ELEMENTS (omegas); i++)
    {
      long double w = omegas[i];
      double complex z = sp_circuit_eval (r, &pr, omegas[i]);

      g_assert_cmpfloat (creal (z), ==, pr);
      g_assert_cmpfloat (cimag (z), ==, 0);
      g_assert_cmpfloat (rel_error (sp_circuit_eval (c, &pc, omegas[i]),
                                    1.0L / (I * w * (long double) pc)), <=, 1e-15);
      g_assert_cmpfloat (rel_error (sp_circuit_eval (l, &pl, omegas[i]),
                                    I * w * (long double) pl), <=, 1e-15);
    }
}

static void
test_element_cpe (void)
{
  g_autoptr(SpCircuit) cpe = parse_ok ("CPE1");
  const double alphas[] = { 0.05, 0.5, 0.75, 0.9, 0.999, 1.0 };

  for (guint a = 0; a < G_N_ELEMENTS (alphas); a++)
    for (guint i = 0; i < G_N_ELEMENTS (omegas); i++)
      {
        double p[2] = { 3.7e-7, alphas[a] };
        long double complex ref =
          1.0L / ((long double) p[0] * cpowl (I * (long double) omegas[i], alphas[a]));

        g_assert_cmpfloat (rel_error (sp_circuit_eval (cpe, p, omegas[i]), ref), <=, 1e-12);
      }

  /* α = 1 is a capacitor, α = 0.5 has a phase of exactly −45°. */
  {
    double p[2] = { 1e-6, 1.0 };
    double complex z = sp_circuit_eval (cpe, p, 1000);

    g_assert_cmpfloat (fabs (cimag (z) - (-1 / (1000 * 1e-6))), <=, 1e-12 * 1000);
    p[1] = 0.5;
    z = sp_circuit_eval (cpe, p, 1000);
    g_assert_cmpfloat (fabs (creal (z) + cimag (z)), <=, 1e-12 * cabs (z));
  }
}

static void
test_element_w (void)
{
  g_autoptr(SpCircuit) w = parse_ok ("W1");
  const double a = 45.0;

  for (guint i = 0; i < G_N_ELEMENTS (omegas); i++)
    {
      long double complex ref = (long double) a * (1.0L - I) / sqrtl (omegas[i]);

      g_assert_cmpfloat (rel_error (sp_circuit_eval (w, &a, omegas[i]), ref), <=, 1e-14);
      /* The semi-infinite Warburg: phase −45° at every frequency. */
    }
}

/* coth(s)/s (reflective) or tanh(s)/s (transmissive), s = √(jωτ), in long
 * double: by series for small s (8 terms, |s|² ≤ 1e-3 leaves < 1e-28), by the
 * hyperbolic functions for moderate s, and by coth = tanh = 1 where e^(−2|s|)
 * is below long double's epsilon. */
static long double complex
warburg_ref (gboolean    reflective,
             long double omega_tau)
{
  long double complex s = csqrtl (I * omega_tau);
  long double complex u = s * s;

  if (cabsl (u) < 1e-3L)
    {
      /* coth(s)/s = 1/s² + 1/3 − s²/45 + 2s⁴/945 − s⁶/4725 + 2s⁸/93555;
       * tanh(s)/s = 1 − s²/3 + 2s⁴/15 − 17s⁶/315 + 62s⁸/2835 − 1382s¹⁰/155925 */
      if (reflective)
        return 1 / u + 1.0L / 3 - u / 45 + 2 * u * u / 945 - u * u * u / 4725 +
               2 * u * u * u * u / 93555;
      return 1 - u / 3 + 2 * u * u / 15 - 17 * u * u * u / 315 + 62 * u * u * u * u / 2835 -
             1382 * u * u * u * u * u / 155925;
    }
  if (creall (s) > 40)
    return 1 / s;
  return reflective ? ccoshl (s) / csinhl (s) / s : csinhl (s) / ccoshl (s) / s;
}

static void
test_element_wo_ws (void)
{
  g_autoptr(SpCircuit) wo = parse_ok ("Wo1");
  g_autoptr(SpCircuit) ws = parse_ok ("Ws1");
  /* Small (series region and just outside it), medium, large (cosh s
   * overflows a double from ωτ ≈ 2.0e5 on: x = √(ωτ/2) > 710) and huge. */
  const double omega_tau[] = { 1e-14, 1e-9, 1e-6, 1e-4, 3e-3, 0.1, 0.5, 1, 2, 2.2, 5, 30, 100,
                               1e3, 2e5, 2e6, 1e12, 1e20, 1e200 };
  const double tau = 0.25, z0 = 80.0;

  for (guint i = 0; i < G_N_ELEMENTS (omega_tau); i++)
    {
      double p[2] = { z0, tau };
      double omega = omega_tau[i] / tau;
      long double complex ref_o = z0 * warburg_ref (TRUE, omega_tau[i]);
      long double complex ref_s = z0 * warburg_ref (FALSE, omega_tau[i]);
      double complex zo = sp_circuit_eval (wo, p, omega);
      double complex zs = sp_circuit_eval (ws, p, omega);

      g_test_message ("omega tau = %g: Wo rel. error %.2e, Ws %.2e", omega_tau[i],
                      rel_error (zo, ref_o), rel_error (zs, ref_s));
      g_assert_true (isfinite (creal (zo)) && isfinite (cimag (zo)));
      g_assert_true (isfinite (creal (zs)) && isfinite (cimag (zs)));
      g_assert_cmpfloat (rel_error (zo, ref_o), <=, 1e-12);
      g_assert_cmpfloat (rel_error (zs, ref_s), <=, 1e-12);
    }

  /* The limits: Ws → Z₀ (a resistor) and Wo → Z₀/3 + 1/(jωτ/Z₀) at low
   * frequency; both → Z₀/√(jωτ) (semi-infinite) at high frequency. */
  {
    double p[2] = { z0, tau };
    double complex zs = sp_circuit_eval (ws, p, 1e-12 / tau);
    double complex zo = sp_circuit_eval (wo, p, 1e-6 / tau);

    g_assert_cmpfloat (fabs (creal (zs) - z0), <=, 1e-12 * z0);
    g_assert_cmpfloat (fabs (creal (zo) - z0 / 3), <=, 1e-9 * z0);
  }
}

/* ---- compositions ------------------------------------------------------ */

static void
test_r_parallel_c (void)
{
  g_autoptr(SpCircuit) rc = parse_ok ("p(R1,C1)");
  const double p[2] = { 1000, 1e-8 };       /* RC = 10 µs */
  double omega_apex = 1 / (p[0] * p[1]);
  double complex z = sp_circuit_eval (rc, p, omega_apex);
  double best_f = 0, best = -1;

  /* Z = R/(1 + jωRC); at ω = 1/(RC): R/2 − jR/2, the apex of the arc. */
  g_assert_cmpfloat (fabs (creal (z) - 500), <=, 1e-12 * 1000);
  g_assert_cmpfloat (fabs (cimag (z) + 500), <=, 1e-12 * 1000);
  for (guint i = 0; i < G_N_ELEMENTS (omegas); i++)
    {
      long double complex ref = 1000.0L / (1 + I * (long double) omegas[i] * 1e-5L);

      g_assert_cmpfloat (rel_error (sp_circuit_eval (rc, p, omegas[i]), ref), <=, 1e-13);
    }
  /* −Z″ peaks at f = 1/(2πRC) on a grid of 1000 points per decade. */
  for (int k = 0; k <= 4000; k++)
    {
      double f = pow (10.0, 2 + k / 1000.0);
      double minus_im = -cimag (sp_circuit_eval (rc, p, 2 * G_PI * f));

      if (minus_im > best)
        {
          best = minus_im;
          best_f = f;
        }
    }
  g_assert_cmpfloat (fabs (log10 (best_f) - log10 (1 / (2 * G_PI * 1e-5))), <=, 0.0005);
  g_assert_cmpfloat (fabs (best - 500), <=, 1e-3);
}

static void
test_r_parallel_cpe (void)
{
  g_autoptr(SpCircuit) zarc = parse_ok ("p(R1,CPE1)");
  const double p[3] = { 2500, 4e-9, 0.82 };
  double omega_apex = pow (p[0] * p[1], -1 / p[2]);
  long double complex apex = 2500.0L / (1 + cexpl (I * (long double) G_PI_2 * 0.82L));
  double complex z = sp_circuit_eval (zarc, p, omega_apex);

  /* Z = R/(1 + RQ(jω)^α); at ω = (RQ)^(−1/α) the denominator is
   * 1 + e^(jπα/2), so Z′ = R/2 there and Z″ is the arc's most negative. */
  g_assert_cmpfloat (rel_error (z, apex), <=, 1e-12);
  g_assert_cmpfloat (fabs (creal (z) - 1250), <=, 1e-12 * 2500);
  for (guint i = 0; i < G_N_ELEMENTS (omegas); i++)
    {
      long double complex ref =
        2500.0L / (1 + 2500.0L * 4e-9L * cpowl (I * (long double) omegas[i], 0.82L));

      g_assert_cmpfloat (rel_error (sp_circuit_eval (zarc, p, omegas[i]), ref), <=, 1e-12);
    }
  g_assert_cmpfloat (-cimag (sp_circuit_eval (zarc, p, omega_apex * 1.01)), <, -cimag (z));
  g_assert_cmpfloat (-cimag (sp_circuit_eval (zarc, p, omega_apex / 1.01)), <, -cimag (z));
}

static void
test_ceramic_and_nested (void)
{
  g_autoptr(SpCircuit) ceramic = parse_ok ("R0-p(Rb,CPEb)-p(Rgb,CPEgb)-CPEel");
  g_autoptr(SpCircuit) nested = parse_ok ("p(R1,p(R2-Wo2,C2)-L1)-W1");
  const double pc[] = { 12, 1500, 2e-11, 0.95, 4000, 3e-9, 0.8, 2e-6, 0.7 };
  const double pn[] = { 300, 120, 50, 0.3, 1e-7, 2e-6, 9 };

  for (guint i = 0; i < G_N_ELEMENTS (omegas); i++)
    {
      long double complex jw = I * (long double) omegas[i];
      long double complex ref_c =
        12.0L + 1500.0L / (1 + 1500.0L * 2e-11L * cpowl (jw, 0.95L)) +
        4000.0L / (1 + 4000.0L * 3e-9L * cpowl (jw, 0.8L)) + 1 / (2e-6L * cpowl (jw, 0.7L));
      long double complex s = csqrtl (jw * 0.3L);
      long double complex wo = 50.0L * (cabsl (s) > 40 ? 1 / s : ccoshl (s) / csinhl (s) / s);
      long double complex branch = 1 / (1 / (120.0L + wo) + jw * 1e-7L) + jw * 2e-6L;
      long double complex ref_n =
        1 / (1 / 300.0L + 1 / branch) + 9.0L * (1 - I) / sqrtl (omegas[i]);

      g_assert_cmpfloat (rel_error (sp_circuit_eval (ceramic, pc, omegas[i]), ref_c), <=, 1e-12);
      g_assert_cmpfloat (rel_error (sp_circuit_eval (nested, pn, omegas[i]), ref_n), <=, 1e-12);
    }
}

/* ---- Jacobian ---------------------------------------------------------- */

static void
check_jacobian (const char   *text,
                const double *p0,
                double        omega)
{
  g_autoptr(SpCircuit) circuit = parse_ok (text);
  guint n = sp_circuit_get_n_params (circuit);
  double complex dz[32];
  double complex z = sp_circuit_eval_jacobian (circuit, p0, omega, dz);

  g_assert_cmpuint (n, <=, 32);
  g_assert_cmpfloat (rel_error (z, sp_circuit_eval (circuit, p0, omega)), <=, 1e-15);
  for (guint k = 0; k < n; k++)
    {
      double p[32];
      double h;
      double complex fd;
      double scale, err;

      memcpy (p, p0, n * sizeof (double));
      /* A relative step; an exponent at 1 steps down only (one-sided second
       * order would need α > 1), so it is kept below 1 in these tests. */
      h = 1e-6 * p0[k];
      p[k] = p0[k] + h;
      fd = sp_circuit_eval (circuit, p, omega);
      p[k] = p0[k] - h;
      fd -= sp_circuit_eval (circuit, p, omega);
      fd /= 2 * h;
      /* Relative to the derivative, or to |Z|/p where it nearly vanishes. */
      scale = fmax (cabs (dz[k]), 1e-3 * cabs (z) / p0[k]);
      err = cabs (dz[k] - fd) / scale;
      if (err > 1e-6)
        g_error ("%s at ω = %g: ∂Z/∂%s analytic %g%+gj, central difference %g%+gj (%.2e)",
                 text, omega, sp_circuit_get_param_name (circuit, k), creal (dz[k]),
                 cimag (dz[k]), creal (fd), cimag (fd), err);
    }
}

static void
test_jacobian (void)
{
  static const struct
  {
    const char *text;
    double      p[12];
  } cases[] = {
    { "R0-p(R1,C1)", { 10, 100, 1e-6 } },
    { "R0-p(Rb,CPEb)-p(Rgb,CPEgb)-CPEel", { 12, 1500, 2e-11, 0.95, 4000, 3e-9, 0.8, 2e-6, 0.7 } },
    { "p(R1,p(R2-Wo2,C2)-L1)-W1", { 300, 120, 50, 0.3, 1e-7, 2e-6, 9 } },
    { "p(CPE1,R1-Ws1)-W1", { 1e-5, 0.85, 40, 70, 0.02, 5 } },
    { "p(p(R1,C1)-p(R2,CPE2),L1-R3,C3)", { 50, 1e-6, 80, 1e-4, 0.6, 1e-3, 5, 1e-9 } },
    { "Wo1", { 25, 3 } },
    { "Ws1", { 25, 3 } },
    { "R1-p(R2,p(R3,p(R4,C4)-C3)-Ws2)", { 5, 100, 60, 40, 1e-6, 1e-5, 30, 0.1 } },
  };

  for (guint c = 0; c < G_N_ELEMENTS (cases); c++)
    for (double omega = 1e-4; omega < 1e8; omega *= 3.7)
      check_jacobian (cases[c].text, cases[c].p, omega);

  /* Wo and Ws at small, medium and large ωτ, across the Ws series switch
   * (|s| = 1 at ωτ = 1). */
  {
    const double omega_tau[] = { 1e-10, 1e-5, 0.01, 0.5, 0.999, 1.0, 1.001, 3, 50, 1e4, 1e7 };

    for (guint i = 0; i < G_N_ELEMENTS (omega_tau); i++)
      {
        const double p[2] = { 25, 3 };

        check_jacobian ("Wo1", p, omega_tau[i] / 3);
        check_jacobian ("Ws1", p, omega_tau[i] / 3);
      }
  }
}

/* The Ws derivative in τ is summed as a series below |s| = 1 and taken from
 * the exponentials above: both sides meet. */
static void
test_ws_branches_meet (void)
{
  g_autoptr(SpCircuit) ws = parse_ok ("Ws1");
  const double p[2] = { 1, 1 };
  double complex below[2], above[2];

  sp_circuit_eval_jacobian (ws, p, 1 - 1e-12, below);
  sp_circuit_eval_jacobian (ws, p, 1 + 1e-12, above);
  g_assert_cmpfloat (cabs (below[1] - above[1]) / cabs (above[1]), <=, 1e-11);

  /* Far below, where sech² s and tanh(s)/s agree to 1 − 2s²/3: ∂Z/∂τ =
   * Z₀/(2τ)(−2u/3 + 8u²/15 − 34u³/105 + 496u⁴/2835 − 13820u⁵/155925), u = jωτ
   * (the series of tanh), to full precision. */
  for (double omega_tau = 1e-12; omega_tau < 5e-3; omega_tau *= 10)
    {
      double complex dz[2];
      long double complex u = I * (long double) omega_tau;
      long double complex ref = 0.5L * (-2 * u / 3 + 8 * u * u / 15 - 34 * u * u * u / 105 +
                                        496 * u * u * u * u / 2835 -
                                        13820 * u * u * u * u * u / 155925);

      sp_circuit_eval_jacobian (ws, p, omega_tau, dz);
      g_assert_cmpfloat (rel_error (dz[1], ref), <=, 1e-12);
    }
}

/* ---- parser ------------------------------------------------------------ */

static void
test_parse_good (void)
{
  static const struct
  {
    const char *text;
    const char *canonical;
    const char *names;   /* space-separated, in order */
  } cases[] = {
    { "R0", "R0", "R0" },
    { "R", "R", "R" },
    { "C1", "C1", "C1" },
    { "L_lead", "L_lead", "L_lead" },
    { "CPE", "CPE", "CPE_0 CPE_1" },
    { "W1", "W1", "W1" },
    { "Wo1", "Wo1", "Wo1_0 Wo1_1" },
    { "Ws_2", "Ws_2", "Ws_2_0 Ws_2_1" },
    { "R0-C1", "R0-C1", "R0 C1" },
    { "p(R1,C1)", "p(R1,C1)", "R1 C1" },
    { "R0-p(R1,C1)", "R0-p(R1,C1)", "R0 R1 C1" },
    { "R0-p(Rb,CPEb)-p(Rgb,CPEgb)-CPEel", "R0-p(Rb,CPEb)-p(Rgb,CPEgb)-CPEel",
      "R0 Rb CPEb_0 CPEb_1 Rgb CPEgb_0 CPEgb_1 CPEel_0 CPEel_1" },
    { " R0 - p( Rb , CPEb ) - CPEel ", "R0-p(Rb,CPEb)-CPEel",
      "R0 Rb CPEb_0 CPEb_1 CPEel_0 CPEel_1" },
    { "p(R1,C1,L1)", "p(R1,C1,L1)", "R1 C1 L1" },
    { "p(R1-Wo1,C1)", "p(R1-Wo1,C1)", "R1 Wo1_0 Wo1_1 C1" },
    { "p(R1,p(R2,C2))", "p(R1,p(R2,C2))", "R1 R2 C2" },
    { "p(p(R1,C1),p(R2,C2))-R3", "p(p(R1,C1),p(R2,C2))-R3", "R1 C1 R2 C2 R3" },
    { "R0-p(R1,C1-p(R2,CPE2)-W2)-Ws3", "R0-p(R1,C1-p(R2,CPE2)-W2)-Ws3",
      "R0 R1 C1 R2 CPE2_0 CPE2_1 W2 Ws3_0 Ws3_1" },
    { "L0-R0-p(R1,CPE1)-p(R2-Wo2,CPE2)", "L0-R0-p(R1,CPE1)-p(R2-Wo2,CPE2)",
      "L0 R0 R1 CPE1_0 CPE1_1 R2 Wo2_0 Wo2_1 CPE2_0 CPE2_1" },
    { "R-C-L-CPE-W-Wo-Ws", "R-C-L-CPE-W-Wo-Ws", "R C L CPE_0 CPE_1 W Wo_0 Wo_1 Ws_0 Ws_1" },
    { "p(R1,p(R2,p(R3,p(R4,C4))))", "p(R1,p(R2,p(R3,p(R4,C4))))", "R1 R2 R3 R4 C4" },
    { "Cb-Cgb", "Cb-Cgb", "Cb Cgb" },
    { "p\t(R1,\nC1)", "p(R1,C1)", "R1 C1" },
    { "R1R2", "R1R2", "R1R2" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(SpCircuit) circuit = parse_ok (cases[i].text);
      g_autoptr(SpCircuit) again = parse_ok (sp_circuit_to_string (circuit));
      g_auto(GStrv) names = g_strsplit (cases[i].names, " ", -1);

      g_assert_cmpstr (sp_circuit_to_string (circuit), ==, cases[i].canonical);
      g_assert_cmpstr (sp_circuit_to_string (again), ==, cases[i].canonical);
      g_assert_cmpuint (sp_circuit_get_n_params (circuit), ==, g_strv_length (names));
      g_assert_cmpuint (sp_circuit_get_n_params (again), ==, g_strv_length (names));
      for (guint k = 0; names[k] != NULL; k++)
        {
          guint index = G_MAXUINT;

          g_assert_cmpstr (sp_circuit_get_param_name (circuit, k), ==, names[k]);
          g_assert_cmpstr (sp_circuit_get_param_name (again, k), ==, names[k]);
          g_assert_true (sp_circuit_find_param (circuit, names[k], &index, NULL));
          g_assert_cmpuint (index, ==, k);
        }
    }
}

static void
test_parse_bad (void)
{
  static const struct
  {
    const char *text;
    guint       position;
    gint        code;
    const char *message;   /* the whole message */
  } cases[] = {
    { "", 1, SP_CIRCUIT_ERROR_SYNTAX, "at character 1: the circuit is empty" },
    { "   ", 4, SP_CIRCUIT_ERROR_SYNTAX, "at character 4: the circuit is empty" },
    { "R0-", 3, SP_CIRCUIT_ERROR_SYNTAX, "at character 3: '-' with nothing after it" },
    { "R0-p(R1,C1-)", 11, SP_CIRCUIT_ERROR_SYNTAX, "at character 11: '-' with nothing after it" },
    { "-R0", 1, SP_CIRCUIT_ERROR_SYNTAX,
      "at character 1: expected an element (R, C, L, CPE, W, Wo, Ws) or p( but found “-”" },
    { "R0--R1", 4, SP_CIRCUIT_ERROR_SYNTAX,
      "at character 4: expected an element (R, C, L, CPE, W, Wo, Ws) or p( but found “-”" },
    { "R0-Q1", 4, SP_CIRCUIT_ERROR_ELEMENT,
      "at character 4: unknown element “Q1”; the elements are R, C, L, CPE, W, Wo and Ws" },
    { "r0", 1, SP_CIRCUIT_ERROR_ELEMENT,
      "at character 1: unknown element “r0”; the elements are R, C, L, CPE, W, Wo and Ws" },
    { "R0-p(R1,C1", 11, SP_CIRCUIT_ERROR_SYNTAX,
      "at character 11: missing ')' to close the p( at character 5" },
    { "p(p(R1,C1),R2", 14, SP_CIRCUIT_ERROR_SYNTAX,
      "at character 14: missing ')' to close the p( at character 2" },
    { "R0-p()", 5, SP_CIRCUIT_ERROR_SYNTAX,
      "at character 5: empty p(): a parallel needs two or more branches separated by ','" },
    { "p(R1)", 2, SP_CIRCUIT_ERROR_SYNTAX,
      "at character 2: p(…) with a single branch; a parallel needs two or more, "
      "separated by ','" },
    { "R1-R1", 4, SP_CIRCUIT_ERROR_DUPLICATE,
      "at character 4: a second element named “R1” (the first is at character 1); "
      "give each its own label, e.g. R1 and R2" },
    { "p(CPE,R1)-CPE", 11, SP_CIRCUIT_ERROR_DUPLICATE,
      "at character 11: a second element named “CPE” (the first is at character 3); "
      "give each its own label, e.g. CPE1 and CPE2" },
    { "R0,R1", 3, SP_CIRCUIT_ERROR_SYNTAX,
      "at character 3: ',' outside p(…); join elements in series with '-'" },
    { "R0)", 3, SP_CIRCUIT_ERROR_SYNTAX, "at character 3: ')' without a matching p(" },
    { "p R1", 3, SP_CIRCUIT_ERROR_SYNTAX, "at character 3: expected '(' after p" },
    { "p(R1,)", 6, SP_CIRCUIT_ERROR_SYNTAX,
      "at character 6: expected an element (R, C, L, CPE, W, Wo, Ws) or p( but found “)”" },
    { "p(,R1)", 3, SP_CIRCUIT_ERROR_SYNTAX,
      "at character 3: expected an element (R, C, L, CPE, W, Wo, Ws) or p( but found “,”" },
    { "p(R1,C1))", 9, SP_CIRCUIT_ERROR_SYNTAX, "at character 9: ')' without a matching p(" },
    { "R0 R1", 4, SP_CIRCUIT_ERROR_SYNTAX,
      "at character 4: expected '-' or the end after R0 but found “R”" },
    { "p(R1 C1)", 6, SP_CIRCUIT_ERROR_SYNTAX,
      "at character 6: expected '-', ',' or ')' after R1 but found “C”" },
    { "R0–R1", 3, SP_CIRCUIT_ERROR_SYNTAX,
      "at character 3: expected '-' or the end after R0 but found “–”" },
    { "R1.5", 3, SP_CIRCUIT_ERROR_SYNTAX,
      "at character 3: expected '-' or the end after R1 but found “.”" },
    { "R0-p(R1,C1", 11, SP_CIRCUIT_ERROR_SYNTAX,
      "at character 11: missing ')' to close the p( at character 5" },
    { "p(", 3, SP_CIRCUIT_ERROR_SYNTAX,
      "at character 3: the circuit ends after “p(” where an element or p( must follow" },
    { "p(R1,", 6, SP_CIRCUIT_ERROR_SYNTAX,
      "at character 6: the circuit ends after “,” where an element or p( must follow" },
    { "R0-1R", 4, SP_CIRCUIT_ERROR_SYNTAX,
      "at character 4: expected an element (R, C, L, CPE, W, Wo, Ws) or p( but found “1”" },
    { "Ω1", 1, SP_CIRCUIT_ERROR_SYNTAX,
      "at character 1: expected an element (R, C, L, CPE, W, Wo, Ws) or p( but found “Ω”" },
    { "R0-\xff", 4, SP_CIRCUIT_ERROR_SYNTAX, "at character 4: the circuit is not valid UTF-8" },
    { "p(R1,C1)(R2)", 9, SP_CIRCUIT_ERROR_SYNTAX,
      "at character 9: expected '-' or the end after p(…) but found “(”" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      guint position = 0;
      SpCircuit *circuit = sp_circuit_parse_full (cases[i].text, &position, &error);

      g_autofree char *escaped = g_strescape (cases[i].text, NULL);

      g_test_message ("'%s'", escaped);
      g_assert_null (circuit);
      g_assert_error (error, SP_CIRCUIT_ERROR, cases[i].code);
      g_assert_cmpstr (error->message, ==, cases[i].message);
      g_assert_cmpuint (position, ==, cases[i].position);
    }

  /* Nesting beyond 64 levels is refused, not a stack overflow. */
  {
    g_autoptr(GString) deep = g_string_new (NULL);
    g_autoptr(GError) error = NULL;
    guint position = 0, open_65 = 0;

    for (guint i = 0; i < 200; i++)
      {
        if (i == 64)
          open_65 = deep->len + 2;   /* the 65th '(', 1-based */
        g_string_append_printf (deep, "p(R%u,", i);
      }
    g_string_append (deep, "C0");
    for (guint i = 0; i < 200; i++)
      g_string_append_c (deep, ')');
    g_assert_null (sp_circuit_parse_full (deep->str, &position, &error));
    g_assert_error (error, SP_CIRCUIT_ERROR, SP_CIRCUIT_ERROR_SYNTAX);
    g_assert_cmpuint (position, ==, open_65);
    g_assert_nonnull (strstr (error->message, "nested deeper than 64 levels"));
  }
}

static void
test_params (void)
{
  g_autoptr(SpCircuit) c = parse_ok ("R0-p(Rb,CPEb)-Wo1-W2-L3-C4");
  g_autoptr(GError) error = NULL;
  const char *units[] = { "Ohm", "Ohm", "F s^(a-1)", "", "Ohm", "s", "Ohm s^-1/2", "H", "F" };
  guint index = 0;

  g_assert_cmpuint (sp_circuit_get_n_params (c), ==, G_N_ELEMENTS (units));
  for (guint i = 0; i < G_N_ELEMENTS (units); i++)
    {
      g_assert_cmpstr (sp_circuit_get_param_unit (c, i), ==, units[i]);
      g_assert_cmpint (sp_circuit_get_param_kind (c, i), ==,
                       i == 3 ? SP_CIRCUIT_PARAM_EXPONENT : SP_CIRCUIT_PARAM_POSITIVE);
    }
  g_assert_true (sp_circuit_find_param (c, "CPEb.Q", &index, NULL));
  g_assert_cmpuint (index, ==, 2);
  g_assert_true (sp_circuit_find_param (c, "CPEb.alpha", &index, NULL));
  g_assert_cmpuint (index, ==, 3);
  g_assert_true (sp_circuit_find_param (c, "Wo1.Z0", &index, NULL));
  g_assert_cmpuint (index, ==, 4);
  g_assert_true (sp_circuit_find_param (c, "Wo1.tau", &index, NULL));
  g_assert_cmpuint (index, ==, 5);
  g_assert_cmpstr (sp_circuit_get_param_alias (c, 5), ==, "Wo1.tau");
  g_assert_null (sp_circuit_get_param_alias (c, 0));

  g_assert_false (sp_circuit_find_param (c, "Rx", &index, &error));
  g_assert_error (error, SP_CIRCUIT_ERROR, SP_CIRCUIT_ERROR_PARAMETER);
  g_assert_cmpstr (error->message, ==,
                   "R0-p(Rb,CPEb)-Wo1-W2-L3-C4 has no parameter “Rx”; its parameters are "
                   "R0, Rb, CPEb_0 (CPEb.Q), CPEb_1 (CPEb.alpha), Wo1_0 (Wo1.Z0), "
                   "Wo1_1 (Wo1.tau), W2, L3, C4");
  g_clear_error (&error);
  g_assert_false (sp_circuit_find_param (c, "CPEb.q", &index, &error));
  g_assert_error (error, SP_CIRCUIT_ERROR, SP_CIRCUIT_ERROR_PARAMETER);

  g_assert_true (sp_circuit_param_valid (c, 0, 1e-300));
  g_assert_false (sp_circuit_param_valid (c, 0, 0));
  g_assert_false (sp_circuit_param_valid (c, 0, -1));
  g_assert_false (sp_circuit_param_valid (c, 0, INFINITY));
  g_assert_false (sp_circuit_param_valid (c, 0, NAN));
  g_assert_true (sp_circuit_param_valid (c, 3, 1.0));
  g_assert_true (sp_circuit_param_valid (c, 3, 0.01));
  g_assert_false (sp_circuit_param_valid (c, 3, 1.0000001));
  g_assert_false (sp_circuit_param_valid (c, 3, 0));
  g_assert_true (sp_circuit_param_valid (c, 1, 5.0));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  sp_gsl_init ();
  g_test_add_func ("/circuit/element/r-c-l", test_element_r_c_l);
  g_test_add_func ("/circuit/element/cpe", test_element_cpe);
  g_test_add_func ("/circuit/element/w", test_element_w);
  g_test_add_func ("/circuit/element/wo-ws", test_element_wo_ws);
  g_test_add_func ("/circuit/compose/r-parallel-c", test_r_parallel_c);
  g_test_add_func ("/circuit/compose/r-parallel-cpe", test_r_parallel_cpe);
  g_test_add_func ("/circuit/compose/ceramic-and-nested", test_ceramic_and_nested);
  g_test_add_func ("/circuit/jacobian/finite-differences", test_jacobian);
  g_test_add_func ("/circuit/jacobian/ws-branches-meet", test_ws_branches_meet);
  g_test_add_func ("/circuit/parse/good", test_parse_good);
  g_test_add_func ("/circuit/parse/bad", test_parse_bad);
  g_test_add_func ("/circuit/params", test_params);
  return g_test_run ();
}
