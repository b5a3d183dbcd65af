/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-pfhub.c — PFHub benchmark problem 1a against published and converged results
 *
 * PHYSICS.md gives the exact F(0) = 319.043 and the free energies published
 * by four independent codes (MOOSE a/b, MEMPHIS, PRISMS-PF) at t = 1, 10,
 * 100, 1000, 10⁴.  Up to t = 100 this solver lands inside their spread and
 * the test asserts exactly that.
 *
 * Later it does not, and no defensible discretisation does either.  Every
 * variant below was run with an independent second-order exponential
 * integrator (ETDRK2, Δt = 0.05, 0.2 after t = 100); for the first row,
 * Δt = 0.025 and 0.0125 throughout agree with it to 0.03 at t = 1000 and
 * Δt = 0.025 to 0.005 at t = 10⁴, so these are time-converged:
 *
 *   variant (200², Δx = 1 unless noted)       F(1)      F(1000)  F(10⁴)
 *   spectral, nodes x = iΔx (this solver)     318.856   85.95    40.32
 *   5-point Laplacian + its own functional    318.855   85.73    40.16
 *   cell centres x = (i + ½)Δx, spectral      318.860   84.90    33.08
 *   cell centres, 5-point                     318.859   84.99    33.35
 *   node 0 taken from x = 200 (FE periodic)   318.864 ✗ 85.83    41.40
 *   the same, 5-point                         318.863 ✗ 83.23    35.23
 *   spectral, Δx = 0.5                        318.858   85.20    33.43
 *   5-point, Δx = 0.5                         318.858   85.15     —
 *
 * F(1000) is 84.9–86.0 for every variant that also matches the published
 * F(1): above the published 70.4–83.0, so the test asserts the converged
 * 85.95 with the band those variants fill (±1.1) instead; this solver's
 * SBDF2 steps (issue 12) give 85.92 at tolerances 5e-4–2e-3 (1883 and 1159
 * steps to t = 1000), 85.2 at 3e-3–5e-3 and 85.04 at 1e-2 (371 steps): a
 * coarser step tips the coarsening into a neighbouring morphology.
 * By t = 10⁴ the coarsening has become chaotic: runs that differ only in
 * discretisation (or in the step sequence) end in two families of
 * morphologies, F ≈ 33–35 and ≈ 40–41.5 (the four published codes
 * disagree just as much, 34.1–40.8).  So t = 10⁴ is asserted against
 * the envelope of the converged variants, 33.0–41.5.
 */

#include "config.h"

#include <math.h>

#include "sp-ch.h"
#include "sp-ch-diagnostics.h"
#include "sp-gsl.h"
#include "test-helpers.h"

static const struct
{
  double t, lo, hi;
} published[] = {
  {   1.0, 318.83, 318.86 },
  {  10.0, 292.6,  304.2  },
  { 100.0, 115.6,  140.6  },
};

#define F_1000_CONVERGED 85.95
#define F_1000_BAND      1.1
#define F_10000_LO       33.0
#define F_10000_HI       41.5

static double
advance (SpCh   *ch,
         double  t)
{
  double f;

  g_assert_true (sp_ch_advance_to (ch, t, NULL));
  g_assert_cmpfloat (sp_ch_get_time (ch), ==, t);
  f = sp_ch_free_energy (ch);
  g_test_message ("F(%g) = %.4f after %" G_GUINT64_FORMAT " steps", t, f, sp_ch_get_steps (ch));
  return f;
}

static void
test_pfhub1a (void)
{
  SpChParams p;
  g_autoptr(SpCh) ch = NULL;
  double f, f_prev;

  sp_ch_params_init_pfhub1a (&p);
  ch = sp_ch_new (&p, NULL);
  g_assert_cmpuint (sp_ch_get_n (ch), ==, 200);
  g_assert_cmpfloat (sp_ch_get_length (ch), ==, 200.0);

  /* The initial condition is not periodic on the box: its jump at the
   * boundary adds 0.16 of gradient energy on this grid. */
  f_prev = sp_ch_free_energy (ch);
  g_test_message ("F(0) = %.4f (exact continuous 319.043)", f_prev);
  sp_assert_close (f_prev, 319.043, 1e-3, 0.0);

  for (guint i = 0; i < G_N_ELEMENTS (published); i++)
    {
      f = advance (ch, published[i].t);
      g_assert_cmpfloat (f, >=, published[i].lo);
      g_assert_cmpfloat (f, <=, published[i].hi);
      g_assert_cmpfloat (f, <, f_prev);
      f_prev = f;
    }

  f = advance (ch, 1000.0);
  g_assert_cmpfloat (fabs (f - F_1000_CONVERGED), <=, F_1000_BAND);
  g_assert_cmpfloat (f, <, f_prev);
  f_prev = f;

  f = advance (ch, 10000.0);
  g_assert_cmpfloat (f, >=, F_10000_LO);
  g_assert_cmpfloat (f, <=, F_10000_HI);
  g_assert_cmpfloat (f, <, f_prev);

  /* The initial condition's own mean, kept to round-off. */
  sp_assert_close (sp_ch_mean_composition (ch), 0.502547618349824, 1e-13, 0.0);
}

int
main (int    argc,
      char **argv)
{
  sp_gsl_init ();
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/ch/pfhub1a", test_pfhub1a);

  return g_test_run ();
}
