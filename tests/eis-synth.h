/* SPDX-License-Identifier: GPL-3.0-or-later */
/* eis-synth.h — synthetic spectra for the fit's tests and benchmark
 *
 * Z(ω) of a circuit on a log grid, with optional Gaussian noise of
 * standard deviation @noise·|Z| added to Z′ and Z″ independently (the
 * noise modulus weighting assumes).  Header-only: each test program
 * includes it once.
 */
#pragma once

#include <complex.h>
#include <gsl/gsl_randist.h>
#include <gsl/gsl_rng.h>
#include <math.h>

#include "sp-circuit.h"
#include "sp-eis-spectrum.h"

static inline SpCircuit *
synth_circuit (const char *text)
{
  g_autoptr(GError) error = NULL;
  SpCircuit *circuit = sp_circuit_parse (text, &error);

  g_assert_no_error (error);
  return circuit;
}

/* @rng NULL or @noise 0: exact data. */
static inline SpEisSpectrum *
synth_spectrum (const SpCircuit *circuit,
                const double    *params,
                double           f_min,
                double           f_max,
                guint            n_points,
                double           noise,
                gsl_rng         *rng)
{
  g_autoptr(GError) error = NULL;
  double ppd = (n_points - 1) / (log10 (f_max) - log10 (f_min));
  SpEisSpectrum *s = sp_eis_spectrum_new_log (f_min, f_max, ppd, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (s->n_points, ==, n_points);
  for (guint i = 0; i < s->n_points; i++)
    {
      double complex z = sp_circuit_eval (circuit, params, 2 * G_PI * s->freq_hz[i]);
      double sigma = noise * cabs (z);

      s->z_re_ohm[i] = creal (z);
      s->z_im_ohm[i] = cimag (z);
      if (rng != NULL && noise > 0)
        {
          s->z_re_ohm[i] += gsl_ran_gaussian (rng, sigma);
          s->z_im_ohm[i] += gsl_ran_gaussian (rng, sigma);
        }
    }
  return s;
}

/* The ceramic of the coverage test and the benchmark: a bulk arc near
 * 700 kHz, a grain-boundary arc near 5 kHz, an electrode spike below
 * about 10 Hz, measured from 10 MHz to 0.1 Hz. */
#define SYNTH_CERAMIC "R0-p(Rb,CPEb)-p(Rgb,CPEgb)-CPEel"
static const double synth_ceramic_params[] = {
  50, 1e4, 1e-10, 0.9, 3e4, 5e-9, 0.85, 1e-6, 0.9,
};
