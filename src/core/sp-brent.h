/* sp-brent.h — a bracketed root with GSL's Brent solver, in one call */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The root of @f in [lo, hi] (f(lo) and f(hi) of opposite signs) to
 * gsl_root_test_interval (epsabs, epsrel); FALSE when the bracket holds no
 * sign change.  GSL's error handler is off during the call. */
gboolean sp_brent_root (double (*f) (double x, void *data),
                        void    *data,
                        double   lo,
                        double   hi,
                        double   epsabs,
                        double   epsrel,
                        double  *root);

G_END_DECLS
