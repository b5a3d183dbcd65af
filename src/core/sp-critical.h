/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sp-critical.h — critical (consolute) points, upper and lower */
#pragma once

#include <glib.h>

#include "sp-model.h"

G_BEGIN_DECLS

#define SP_MAX_CRITICAL 8

typedef enum
{
  SP_CRITICAL_UPPER,   /* the gap exists just below T and closes above it */
  SP_CRITICAL_LOWER,   /* the gap exists only above T (Ω_eff grows with T, s1 < −2) */
} SpCriticalKind;

typedef struct
{
  double         temperature;  /* K */
  double         c;
  SpCriticalKind kind;
} SpCriticalPoint;

/* Every critical point at T > 0 where a dome of the equilibrium phase
 * diagram closes (upper) or opens (lower), sorted by temperature.  Closed
 * form T = (Ω − K)/(k_B (2 + s1)), c = 1/2 for the symmetric model (a lower
 * point when both factors are negative); otherwise the exact extrema of the
 * spinodal curve.  Critical points hidden inside a wider gap are left out. */
guint    sp_critical_points (const SpModel   *model,
                             SpCriticalPoint  points[SP_MAX_CRITICAL]);

/* "upper" / "lower" (for JSON and CSV). */
const char *sp_critical_kind_to_string (SpCriticalKind kind);

/* The highest upper critical point: the T above which no gap is left.
 * FALSE when there is none (no gap at any T, a gap at every T, or only a
 * lower critical point). */
gboolean sp_critical_point (const SpModel *model,
                            double        *t_c,
                            double        *c_c);

/* The numerical search alone (used for asymmetric models; exposed so tests
 * can check it against the closed form).  FALSE when no critical point
 * exists or the root in T does not converge. */
gboolean sp_critical_point_search (const SpModel *model,
                                   double        *t_c,
                                   double        *c_c);

/* The spinodal curve in x = 1 − 2c: c(1−c) g''(c) = k_B T a(x) + b(x), so
 * g'' = 0 on k_B T_s(x) = −b(x)/a(x), with a = 1 + 2 s1 c(1−c) (degree 2)
 * and b (degree ≤ 7) independent of T, and n = a b' − a' b, whose zeros
 * are where T_s(x) turns (critical points, and where two spinodals
 * merge).  Coefficients from x^0 up. */
#define SP_CRITICAL_N_DEGREE 7
void     sp_critical_polynomials (const SpModel *model,
                                  double         a[3],
                                  double         b[SP_CRITICAL_N_DEGREE + 1],
                                  double         n[SP_CRITICAL_N_DEGREE + 1]);
/* The real roots of @p inside −1 < x < 1 (GSL's complex solver, each
 * polished by Newton's method), in no particular order; leading
 * coefficients under 1e−13 of the largest count as zero. */
guint    sp_critical_real_roots  (const double p[SP_CRITICAL_N_DEGREE + 1],
                                  double       roots[SP_CRITICAL_N_DEGREE]);

/* min over 0 < c < 1 of g''(c) at the model's temperature, and where. */
double   sp_g2_minimum     (const SpModel *model,
                            double        *c_at_min);

G_END_DECLS
