/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-gsl.c — GSL's error handler, off once for the whole program */

#include "config.h"

#include <gsl/gsl_errno.h>
#include <gsl/gsl_roots.h>

#include "sp-gsl.h"

static double
always_positive (double x, void *data)
{
  return 1.0 + x * x;
}

/* A bracket without a sign change: GSL's own error, reported through the
 * handler, then as the returned status. */
static int
set_without_sign_change (void)
{
  gsl_function function = { always_positive, NULL };
  gsl_root_fsolver *solver = gsl_root_fsolver_alloc (gsl_root_fsolver_brent);
  int status = gsl_root_fsolver_set (solver, &function, -1.0, 1.0);

  gsl_root_fsolver_free (solver);
  return status;
}

static void
test_handler_off (void)
{
  /* main() called sp_gsl_init (): the error comes back as a status. */
  g_assert_true (sp_gsl_handler_is_off ());
  g_assert_cmpint (set_without_sign_change (), ==, GSL_EINVAL);
  /* Asking does not change the answer. */
  g_assert_true (sp_gsl_handler_is_off ());
  sp_gsl_init ();
  g_assert_true (sp_gsl_handler_is_off ());
}

static void
test_default_handler_aborts (void)
{
  /* Without sp_gsl_init () the same call aborts the program: what every
   * program would risk if it forgot the call. */
  if (g_test_subprocess ())
    {
      gsl_set_error_handler (NULL);
      g_assert_false (sp_gsl_handler_is_off ());
      set_without_sign_change ();
      return;
    }
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_failed ();
  g_test_trap_assert_stderr ("*endpoints do not straddle y=0*");
}

int
main (int argc, char **argv)
{
  sp_gsl_init ();
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/gsl/handler-off", test_handler_off);
  g_test_add_func ("/gsl/default-handler-aborts", test_default_handler_aborts);
  return g_test_run ();
}
