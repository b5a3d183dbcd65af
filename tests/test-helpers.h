/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-helpers.h — small assertions shared by the core tests */
#pragma once

#include <glib.h>
#include <math.h>

/* |a − b| ≤ tol · max(|b|, floor): relative with an absolute floor. */
#define sp_assert_close(a, b, tol, floor_)                                      \
  G_STMT_START {                                                                \
    double _a = (a), _b = (b);                                                  \
    double _scale = MAX (fabs (_b), (floor_));                                  \
    if (!(fabs (_a - _b) <= (tol) * _scale))                                    \
      g_error ("%s:%d: %s = %.17g, expected %s = %.17g (rel. err. %.3g > %g)",  \
               __FILE__, __LINE__, #a, _a, #b, _b, fabs (_a - _b) / _scale,     \
               (double) (tol));                                                 \
  } G_STMT_END

#define SP_KT(t) (0.08617333262 * (t))
