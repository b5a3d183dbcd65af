/* test-pfhub.c — PFHub benchmark problem 1a against the published results
 *
 * PHYSICS.md: the exact F(0) = 319.043 and the free energies published by
 * independent codes at t = 1, 10, 100, 1000, 10⁴ (MOOSE a/b, MEMPHIS,
 * PRISMS-PF).  A correct solver lands inside their spread.
 */

#include "config.h"

#include <math.h>

#include "sp-ch.h"
#include "sp-ch-diagnostics.h"
#include "test-helpers.h"

/* @slack: how far outside the published spread this solver is allowed.
 * Up to t = 100 none.  Later the runs are chaotic (every code ends in its
 * own morphology): the spatially and temporally converged spectral run
 * (Δx = 0.5 and 1, dt = 0.02 fixed or tolerance 5e-4) gives F(1000) = 85.6,
 * 2.6 above MOOSE (b), and F(10⁴) = 33.8, 0.3 below MOOSE (b); so those two
 * times are checked against the spread widened by 5 (≈ 6 % of F). */
static const struct
{
  double t, lo, hi, slack;
} published[] = {
  {     1.0, 318.83, 318.86, 0.0 },
  {    10.0, 292.6,  304.2,  0.0 },
  {   100.0, 115.6,  140.6,  0.0 },
  {  1000.0,  70.4,   83.0,  5.0 },
  { 10000.0,  34.1,   40.8,  5.0 },
};

static void
test_pfhub1a (void)
{
  SpChParams p;
  g_autoptr(SpCh) ch = NULL;
  double f0;

  sp_ch_params_init_pfhub1a (&p);
  ch = sp_ch_new (&p, NULL);
  g_assert_cmpuint (sp_ch_get_n (ch), ==, 200);
  g_assert_cmpfloat (sp_ch_get_length (ch), ==, 200.0);

  f0 = sp_ch_free_energy (ch);
  g_test_message ("F(0) = %.4f (exact continuous 319.043)", f0);
  sp_assert_close (f0, 319.043, 1e-3, 0.0);

  for (guint i = 0; i < G_N_ELEMENTS (published); i++)
    {
      double f;

      g_assert_true (sp_ch_advance_to (ch, published[i].t, NULL));
      f = sp_ch_free_energy (ch);
      g_test_message ("F(%g) = %.4f, published [%g, %g], %" G_GUINT64_FORMAT " steps",
                      published[i].t, f, published[i].lo, published[i].hi, sp_ch_get_steps (ch));
      g_assert_cmpfloat (f, >=, published[i].lo - published[i].slack);
      g_assert_cmpfloat (f, <=, published[i].hi + published[i].slack);
    }
  /* The initial condition's own mean, kept to round-off. */
  sp_assert_close (sp_ch_mean_composition (ch), 0.502547618349824, 1e-13, 0.0);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/ch/pfhub1a", test_pfhub1a);

  return g_test_run ();
}
