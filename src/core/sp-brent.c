/* SPDX-License-Identifier: GPL-3.0-or-later */
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
  gsl_root_fsolver *solver = gsl_root_fsolver_alloc (gsl_root_fsolver_brent);
  int status = gsl_root_fsolver_set (solver, &function, lo, hi);

  if (status == GSL_SUCCESS)
    status = GSL_CONTINUE;
  for (int iter = 0; iter < SP_BRENT_MAX_ITER && status == GSL_CONTINUE; iter++)
    {
      /* A failed step (the function returned NaN or ±∞) ends the search
       * with its own status, never as success. */
      status = gsl_root_fsolver_iterate (solver);
      if (status == GSL_SUCCESS)
        status = gsl_root_test_interval (gsl_root_fsolver_x_lower (solver),
                                         gsl_root_fsolver_x_upper (solver),
                                         epsabs, epsrel);
    }
  /* Still GSL_CONTINUE here: the limit ran out before the tolerance was met. */
  if (status == GSL_SUCCESS)
    *root = gsl_root_fsolver_root (solver);

  gsl_root_fsolver_free (solver);
  return status == GSL_SUCCESS;
}
