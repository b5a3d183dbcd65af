/* sp-brent.c — GSL's Brent root solver wrapped for the core's callers */

#include "config.h"

#include <gsl/gsl_errno.h>
#include <gsl/gsl_roots.h>

#include "sp-brent.h"

gboolean
sp_brent_root (double (*f) (double x, void *data),
               void    *data,
               double   lo,
               double   hi,
               double   epsabs,
               double   epsrel,
               double  *root)
{
  gsl_function function = { f, data };
  gsl_error_handler_t *old = gsl_set_error_handler_off ();
  gsl_root_fsolver *solver = gsl_root_fsolver_alloc (gsl_root_fsolver_brent);
  int status = gsl_root_fsolver_set (solver, &function, lo, hi);
  gboolean ok = status == GSL_SUCCESS;

  if (ok)
    status = GSL_CONTINUE;
  for (int iter = 0; iter < 200 && status == GSL_CONTINUE; iter++)
    {
      if (gsl_root_fsolver_iterate (solver) != GSL_SUCCESS)
        break;
      status = gsl_root_test_interval (gsl_root_fsolver_x_lower (solver),
                                       gsl_root_fsolver_x_upper (solver),
                                       epsabs, epsrel);
    }
  if (ok)
    *root = gsl_root_fsolver_root (solver);

  gsl_root_fsolver_free (solver);
  gsl_set_error_handler (old);
  return ok;
}
