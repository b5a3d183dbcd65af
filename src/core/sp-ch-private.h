/* sp-ch-private.h — the free energy in the form the engine's inner loops use
 *
 * The material's excess and strain energy is a polynomial of degree 6 in
 * x = 1 − 2c; it is expanded once per parameter change so that the loops
 * over the grid evaluate μ_rest, μ_rest' and g with inline Horner steps
 * instead of a function call per point.
 */
#pragma once

#include <math.h>

#include "sp-ch.h"

G_BEGIN_DECLS

#define SP_CH_POLY_LEN 7

typedef struct
{
  SpChProblem problem;
  gboolean    constant_mobility;
  double      kt;                           /* k_B T, meV (material)              */
  double      kappa;
  /* Constant M, or m0 of M = m0 c(1−c) for site blocking. */
  double      mobility_scale;
  double      h[SP_CH_POLY_LEN];            /* h(c) + K c² in powers of x = 1−2c  */
  double      mu_rest[SP_CH_POLY_LEN];      /* μ_rest(c)                          */
  double      mu_rest_prime[SP_CH_POLY_LEN];/* dμ_rest/dc                         */
  double      mu_rest_prime_max;            /* its maximum over 0 ≤ c ≤ 1         */
  gboolean    mu_rest_linear;               /* no Redlich–Kister terms            */
} SpChFreeEnergy;

void sp_ch_free_energy_init (SpChFreeEnergy   *fe,
                             const SpChParams *params);

static inline double
sp_ch_poly (const double *p,
            double        x)
{
  double r = p[SP_CH_POLY_LEN - 1];

  for (int i = SP_CH_POLY_LEN - 2; i >= 0; i--)
    r = r * x + p[i];
  return r;
}

/* The homogeneous free-energy density f(c) (with the logarithms for the
 * material model; only called for c inside (0, 1) there). */
static inline double
sp_ch_free_energy_f (const SpChFreeEnergy *fe,
                     double                c)
{
  if (fe->problem == SP_CH_PROBLEM_PFHUB1)
    {
      double u = c - SP_CH_PFHUB1_C_ALPHA, v = SP_CH_PFHUB1_C_BETA - c;
      return SP_CH_PFHUB1_RHO * u * u * v * v;
    }
  return fe->kt * (c * log (c) + (1.0 - c) * log1p (-c)) + sp_ch_poly (fe->h, 1.0 - 2.0 * c);
}

G_END_DECLS
