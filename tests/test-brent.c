/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-brent.c — the Brent wrapper */

#include "config.h"

#include "sp-brent.h"
#include "sp-gsl.h"
#include "test-helpers.h"

static double
cos_minus_x (double x, void *data)
{
  return cos (x) - x;
}

static double
shifted_cube (double x, void *data)
{
  double a = *(double *) data;
  return (x - a) * (x - a) * (x - a);
}

/* Finite at the ends of [−1, 1] with opposite signs, NaN in between. */
static double
nan_inside (double x, void *data)
{
  guint *calls = data;

  (*calls)++;
  if (x <= -0.9)
    return -1.0;
  if (x >= 0.9)
    return 1.0;
  return NAN;
}

static void
test_roots (void)
{
  double root, a = 1e-9;

  /* The Dottie number, cos x = x. */
  g_assert_true (sp_brent_root (cos_minus_x, NULL, 0.0, 1.0, 0.0, 1e-15, &root));
  sp_assert_close (root, 0.73908513321516064166, 4e-15, 0.0);

  /* A triple root near zero: relative tolerance still applies. */
  g_assert_true (sp_brent_root (shifted_cube, &a, -1.0, 1.0, 0.0, 1e-12, &root));
  sp_assert_close (root, a, 1e-6, 0.0);
}

static void
test_no_bracket (void)
{
  double root = 42.0;

  g_assert_false (sp_brent_root (cos_minus_x, NULL, 1.0, 2.0, 0.0, 1e-12, &root));
  g_assert_cmpfloat (root, ==, 42.0);
}

static void
test_no_convergence (void)
{
  double root = 42.0;

  /* A zero tolerance is never met (the bracket narrows to one point, of
   * width 0, and the test wants a width below 0): the limit runs out. */
  g_assert_false (sp_brent_root (cos_minus_x, NULL, 0.0, 1.0, 0.0, 0.0, &root));
  g_assert_cmpfloat (root, ==, 42.0);
}

static void
test_failed_step (void)
{
  double root = 42.0;
  guint calls = 0;

  /* The first step lands on a NaN: GSL's step fails, and so does the call. */
  g_assert_false (sp_brent_root (nan_inside, &calls, -1.0, 1.0, 0.0, 1e-12, &root));
  g_assert_cmpfloat (root, ==, 42.0);
  /* Both ends, then one step: it stops at the first failure. */
  g_assert_cmpuint (calls, ==, 3);
}

int
main (int argc, char **argv)
{
  sp_gsl_init ();
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/brent/roots", test_roots);
  g_test_add_func ("/brent/no-bracket", test_no_bracket);
  g_test_add_func ("/brent/no-convergence", test_no_convergence);
  g_test_add_func ("/brent/failed-step", test_failed_step);
  return g_test_run ();
}
