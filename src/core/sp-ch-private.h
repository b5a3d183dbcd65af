/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sp-ch-private.h — what the engine's two halves share
 *
 * The free energy in the form the inner loops use: the material's excess
 * and strain energy is a polynomial of degree 6 in x = 1 − 2c, expanded
 * once per parameter change so that the loops over the grid evaluate
 * μ_rest, μ_rest' and g with inline Horner steps instead of a function
 * call per point.
 *
 * The engine's state (struct _SpCh), shared by sp-ch.c (life cycle,
 * adaptive step control, plans) and sp-ch-kernels.c (the passes over the
 * grid and the spectrum that one step makes, compiled with -O3 and OpenMP
 * SIMD so that they vectorise, the logarithm included).
 */
#pragma once

#include <fftw3.h>
#include <math.h>

#include "sp-ch.h"
#include "sp-ch-drive.h"

G_BEGIN_DECLS

#define SP_CH_POLY_LEN 7

/* The step's error is relative to the RMS of c − c̄, or to this when the
 * pattern is smaller (a decaying one, in a stable mixture). */
#define SP_CH_RMS_FLOOR 1e-9

/* Rows of 1 − c multiplied before one logarithm in the scan's Σ f(c), and
 * the granule of the passes' split over threads (sp-ch-kernels.c). */
#define SP_CH_LOG_ROWS 16

/* The most threads the pointwise passes split over. */
#define SP_CH_MAX_THREADS 64

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

/* What one pass over a candidate field finds. */
typedef struct
{
  double   amplitude;  /* max |c − c̄|                       */
  double   f2_max;     /* max f''(c)     (constant M)       */
  double   m_max;      /* max M(c)       (site blocking)    */
  double   r2_max;     /* max μ_rest'(c) (site blocking)    */
  double   f_sum;      /* Σ f(c) over the grid              */
  double   c_min;      /* the field's extremes (material)   */
  double   c_max;
  gboolean valid;
} SpChScan;

struct _SpCh
{
  SpChParams     params;
  SpChFreeEnergy fe;

  guint   n, nh;           /* nh = n/2 + 1 */
  gsize   n_real, n_cplx;
  double  dx;

  double *k2y, *k2x;       /* squared wavenumbers along y (n) and x (nh) */
  double *kdy, *kdx;       /* first-derivative wavenumbers (Nyquist zeroed) */

  double       *c[2];      /* field: current = c[cur]             */
  fftw_complex *chat[2];   /* its spectrum                        */
  fftw_complex *chat_prev; /* the previous accepted spectrum (SBDF2) */
  fftw_complex *work;      /* c2r input (FFTW destroys it)        */
  /* The explicit terms are transformed in place (at 512² and up FFTW is
   * about a tenth faster so, and the working set is smaller): real rows
   * are padded to 2 nh doubles there. */
  double       *nl;        /* f'(c) or μ_rest(c), padded rows; after
                              its r2c it swaps places with nlhat   */
  fftw_complex *nlhat;
  fftw_complex *nlhat_prev;   /* constant M: the previous state's     */
  fftw_complex *gradhat;   /* site blocking: i k ŵ, then in place
                              ∂x w, ∂y w, the fluxes (padded rows)
                              and the fluxes' spectra             */
  fftw_complex *gradhat_prev; /* site blocking: the previous state's */
  guint   cur;

  guint     threads;       /* the plans' thread count, also the
                              pointwise passes' (sp-ch-kernels.c)  */
  double   *row_sums;      /* 3 n per-row partial sums of a pass  */
  double   *log_prod;      /* n per thread: scan_material's column
                              products of 1 − c (sp-ch-kernels.c) */
  guint     log_prod_parts;/* the threads it has room for          */
  fftw_plan fwd, inv;      /* c → ĉ, work → c                    */
  fftw_plan fwd_nl;        /* nl in place                        */
  fftw_plan fwd2, inv2;    /* batched pairs in place in gradhat  */

  /* Stabilisers of the current state (depend on the field). */
  double  stab2, stab4;    /* S_k = stab2 k² + stab4 k⁴          */
  double  amplitude;
  double  mean;

  /* The embedded pair (sp-ch.c): whether the previous state's spectrum
   * and explicit term are there (else the step is first order), the
   * previous accepted step, and what the last trial estimated: the
   * relative RMS difference between its two solutions. */
  gboolean have_prev;
  double  dt_prev;
  double  trial_error;
  double  trial_rms;       /* RMS of c − c̄ of the state it started from */
  double  error_sum;       /* Σ trial_error · trial_rms, accepted steps */
  double  trial_grad;      /* Σ w k² |ĉ|² of the trial spectrum     */
  double  energy;          /* F of the state / Δx² (energy_of)       */

  double  time, dt, dt_start, dt_cap, tolerance;
  guint64 steps, rejected, cut_steps, energy_fallbacks;

  SpChDrive drive;         /* the reaction source term (sp-ch-drive.h) */
};

/* sp-ch-kernels.c: the passes of one step. */
void sp_ch_kernel_scan     (SpCh         *self,
                            const double *c,
                            SpChScan     *s);
void sp_ch_kernel_explicit (SpCh           *self,
                            const SpChScan *s);
/* Writes the new spectrum (SBDF2, or SBDF1 while have_prev is FALSE) and
 * field, and sets self->trial_error. */
void sp_ch_kernel_trial    (SpCh         *self,
                            double        dt);
/* The driven step's trial pass (the closed one's with the reaction term):
 * the new spectrum but for k = 0, and self->trial_error, trial_grad and
 * trial_rms of the pattern; sp_ch_drive_kernel_trial() adds the mass. */
void sp_ch_kernel_trial_driven_spectrum (SpCh   *self,
                                         double  dt);
/* out[i] = ln(c[i]/(1 − c[i])) with the vectorised logarithm the material
 * pass uses (exposed so that the tests can hold it to the scalar one). */
void sp_ch_kernel_logit    (const double *c,
                            double       *out,
                            gsize         n);
/* out[i] = f(c[i]), the homogeneous free-energy density, vectorised (the
 * free-energy diagnostic's bulk term; sp_ch_free_energy_f() is the scalar
 * reference). */
void sp_ch_kernel_free_energy_density (const SpChFreeEnergy *fe,
                                       const double         *c,
                                       double               *out,
                                       gsize                 n);
/* The instruction set the kernels dispatch to ("avx512", "avx2", "generic"). */
const char *sp_ch_kernel_isa (void);

G_END_DECLS
