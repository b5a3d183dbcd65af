/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sp-ch-drive-kernels.c — the passes a driven Cahn–Hilliard step adds
 *
 * The reaction term of sp-ch-drive.h over the grid (−κ∇²c, the
 * Butler–Volmer exponents and the rates) and the driven trial's mass.
 * Compiled and run by the same mechanism as sp-ch-kernels.c
 * (sp-ch-dispatch.h: -O3 -fopenmp-simd -fno-math-errno, glibc's vector exp
 * and log, baseline / AVX2 / AVX-512 variants picked at run time, rows
 * split over the engine's threads with per-row sums added in row order, so
 * the results do not depend on the thread count).
 *
 * The driven trial pass itself is sp-ch-kernels.c's closed one with the
 * reaction as an extra term behind a literal flag
 * (sp_ch_kernel_trial_driven_spectrum), so that both steps share one loop
 * while the closed variants still compile to exactly the arithmetic they
 * always had.  This file keeps what only a driven step does, so that the
 * closed step's file stays about the closed step.
 */

#include "config.h"

#include <math.h>

#include "sp-ch-dispatch.h"

#if defined(SP_HAVE_LIBMVEC)
/* As log in sp-ch-dispatch.h: glibc's SIMD variant without -ffast-math. */
#pragma omp declare simd notinbranch
extern double exp (double);
#endif
#define EXP_ARG(x) ((x) > SP_CH_DRIVE_EXP_CLAMP ? SP_CH_DRIVE_EXP_CLAMP : \
                  (x) < -SP_CH_DRIVE_EXP_CLAMP ? -SP_CH_DRIVE_EXP_CLAMP : (x))

/* A mean error of c̄ per step of this size counts as a relative error of 1
 * (potentiostatic; the pattern's error is relative to its RMS instead,
 * which a uniform field does not have). */
#define MEAN_ERROR_SCALE 1e-2

/* κ k² ĉ / n²: −κ∇²c after the inverse transform. */
KERNEL void
laplacian_body (SpCh  *self,
                gsize  lo,
                gsize  hi)
{
  const gsize nh = self->nh;
  const double scale = self->fe.kappa / (double) self->n_real;
  const double *restrict chat = (const double *) self->chat[self->cur];
  double *restrict out = (double *) self->drive.lap_hat;
  const double *restrict k2x = self->k2x;

  for (gsize i = lo; i < hi; i++)
    {
      const double k2y = self->k2y[i];
      const gsize row = 2 * i * nh;

#pragma omp simd
      for (gsize j = 0; j < nh; j++)
        {
          double f = scale * (k2y + k2x[j]);

          out[row + 2 * j] = f * chat[row + 2 * j];
          out[row + 2 * j + 1] = f * chat[row + 2 * j + 1];
        }
    }
}

/* μ = nl − κ∇²c (+ k_BT logit c for site blocking, whose nl is μ_rest
 * alone; constant M's nl is all of g'), then the two Butler–Volmer terms
 * at V = V₀: P₀ = f e^{−αℓ}, Q₀ = f e^{(1−α)ℓ}, ℓ = μ/k_BT, f = c(1 − c)
 * (at α = ½, Q₀ = f²/P₀: one exponential per point).  At the voltage
 * y = e(V − V₀)/k_BT the rate is R = k₀ (e^{−αy} P₀ − e^{(1−α)y} Q₀), so
 * that the sums Σ P₀, Σ Q₀ fix y and the second pass needs no exp.  The
 * same pass bounds the linearisation (σ₀, σ₂ of sp-ch-drive.h) for any y:
 * with s_P = e^{−αy}, s_Q = e^{(1−α)y},
 *   a k_BT/k₀ = α s_P P₀ + (1−α) s_Q Q₀ ≤ s_P max αP₀ + s_Q max (1−α)Q₀,
 *   σ₀(x)/k₀ = s_P P₀ [α g''/k_BT − x/f] + s_Q Q₀ [(1−α) g''/k_BT + x/f]
 *            ≤ s_P max (…) + s_Q max (…),   g''/k_BT = 1/f + μ_rest'/k_BT,
 * x = 1 − 2c = f'(c): upper bounds, which is all a stabiliser needs. */
KERNEL void
exponents_body (SpCh   *self,
                const int site,
                const int half,
                double *max_out,
                gsize   lo,
                gsize   hi)
{
  const gsize n = self->n;
  const double kt = self->fe.kt, inv_kt = 1.0 / kt;
  const double alpha = half ? 0.5 : self->params.drive.alpha, beta = 1.0 - alpha;
  const double *restrict c = self->c[self->cur];
  const double *restrict nl = self->drive.nl_real;
  const double *restrict mp = self->fe.mu_rest_prime;
  double *restrict lap = self->drive.lap;
  double *restrict r = self->drive.r;
  double *restrict sums = self->drive.row_sums;
  double mp_max = 0.0, mq_max = 0.0, sp_max = -G_MAXDOUBLE, sq_max = -G_MAXDOUBLE;

  for (gsize row = lo; row < hi; row++)
    {
      const gsize start = row * n;
      double sa = 0.0, sb = 0.0, sm = 0.0;

#pragma omp simd reduction(+:sa, sb, sm) reduction(max:mp_max, mq_max, sp_max, sq_max)
      for (gsize j = 0; j < n; j++)
        {
          const gsize i = start + j;
          double ci = c[i], om = 1.0 - ci, f = ci * om, x = om - ci;
          double mu = nl[i] + lap[i] + (site ? kt * log (ci / om) : 0.0);
          double ell = mu * inv_kt, p0, q0, g2, ap, bq;
          double g2r = mp[SP_CH_POLY_LEN - 1];

          if (half)
            {
              p0 = f * exp (EXP_ARG (-0.5 * ell));
              q0 = f * f / p0;
            }
          else
            {
              p0 = f * exp (EXP_ARG (-alpha * ell));
              q0 = f * exp (EXP_ARG (beta * ell));
            }
          for (int k = SP_CH_POLY_LEN - 2; k >= 0; k--)
            g2r = g2r * x + mp[k];
          g2 = 1.0 / f + g2r * inv_kt;
          ap = p0 * (alpha * g2 - x / f);
          bq = q0 * (beta * g2 + x / f);
          sa += p0;
          sb += q0;
          sm += mu;
          mp_max = alpha * p0 > mp_max ? alpha * p0 : mp_max;
          mq_max = beta * q0 > mq_max ? beta * q0 : mq_max;
          sp_max = ap > sp_max ? ap : sp_max;
          sq_max = bq > sq_max ? bq : sq_max;
          lap[i] = p0;
          r[i] = q0;
        }
      sums[3 * row] = sa;
      sums[3 * row + 1] = sb;
      sums[3 * row + 2] = sm;
    }
  max_out[0] = mp_max;
  max_out[1] = mq_max;
  max_out[2] = sp_max;
  max_out[3] = sq_max;
}

/* R = k₀ (s_P P₀ − s_Q Q₀) in place of Q₀. */
KERNEL void
rates_body (SpCh   *self,
            double  s_p,
            double  s_q,
            int    *bad_out,
            gsize   lo,
            gsize   hi)
{
  const gsize n = self->n;
  const double kp = self->params.drive.k0 * s_p, kq = self->params.drive.k0 * s_q;
  const double *restrict p0 = self->drive.lap;
  double *restrict r = self->drive.r;
  double *restrict sums = self->drive.row_sums;
  int bad = 0;

  for (gsize row = lo; row < hi; row++)
    {
      const gsize start = row * n;
      double sr = 0.0;

#pragma omp simd reduction(+:sr) reduction(|:bad)
      for (gsize j = 0; j < n; j++)
        {
          const gsize i = start + j;
          double rate = kp * p0[i] - kq * r[i];

          bad |= !(fabs (rate) < G_MAXDOUBLE);
          sr += rate;
          r[i] = rate;
        }
      sums[row] = sr;
    }
  *bad_out = bad;
}

KERNEL void
exponents_split_body (SpCh   *self,
                      double *max_out,
                      gsize   lo,
                      gsize   hi)
{
  const int half = self->params.drive.alpha == 0.5;

  if (self->fe.constant_mobility && half)
    exponents_body (self, 0, 1, max_out, lo, hi);
  else if (self->fe.constant_mobility)
    exponents_body (self, 0, 0, max_out, lo, hi);
  else if (half)
    exponents_body (self, 1, 1, max_out, lo, hi);
  else
    exponents_body (self, 1, 0, max_out, lo, hi);
}

typedef struct
{
  double max[4];
} ExponentsPart;

typedef struct
{
  int bad;
} RatesPart;

DISPATCH_SPLIT (laplacian, (SpCh *self), (self), self->n, laplacian_body (self, lo, hi))
DISPATCH_SPLIT (exponents, (SpCh *self, ExponentsPart *parts_out, gsize *n_parts),
                (self, parts_out, n_parts), self->n,
                exponents_split_body (self, parts_out[part].max, lo, hi);
                if (part == 0) *n_parts = parts)
DISPATCH_SPLIT (rates, (SpCh *self, double s_p, double s_q, RatesPart *parts_out, gsize *n_parts),
                (self, s_p, s_q, parts_out, n_parts), self->n,
                rates_body (self, s_p, s_q, &parts_out[part].bad, lo, hi);
                if (part == 0) *n_parts = parts)

void
sp_ch_drive_kernel_laplacian (SpCh *self)
{
  laplacian (self);
  fftw_execute_dft_c2r (self->drive.inv_lap, self->drive.lap_hat, self->drive.lap);
}

void
sp_ch_drive_kernel_exponents (SpCh   *self,
                              double *sum_a,
                              double *sum_b,
                              double *sum_mu,
                              double  bounds[4])
{
  ExponentsPart parts[SP_CH_MAX_THREADS] = { { { 0 } } };
  gsize n_parts = 1;
  double sa = 0.0, sb = 0.0, sm = 0.0;

  exponents (self, parts, &n_parts);
  for (guint k = 0; k < 4; k++)
    {
      bounds[k] = parts[0].max[k];
      for (gsize p = 1; p < n_parts; p++)
        bounds[k] = fmax (bounds[k], parts[p].max[k]);
    }
  for (gsize row = 0; row < self->n; row++)
    {
      sa += self->drive.row_sums[3 * row];
      sb += self->drive.row_sums[3 * row + 1];
      sm += self->drive.row_sums[3 * row + 2];
    }
  *sum_a = sa;
  *sum_b = sb;
  *sum_mu = sm;
}

gboolean
sp_ch_drive_kernel_rates (SpCh   *self,
                          double  s_p,
                          double  s_q,
                          double *sum_r)
{
  RatesPart parts[SP_CH_MAX_THREADS] = { { 0 } };
  gsize n_parts = 1;
  double sr = 0.0;
  int bad = 0;

  rates (self, s_p, s_q, parts, &n_parts);
  for (gsize p = 0; p < n_parts; p++)
    bad |= parts[p].bad;
  for (gsize row = 0; row < self->n; row++)
    sr += self->drive.row_sums[row];
  *sum_r = sr;
  fftw_execute_dft_r2c (self->drive.fwd_r, self->drive.r, self->drive.rhat);
  return !bad && isfinite (sr);
}

/* The driven embedded pair: sp-ch-kernels.c's trial pass with R̂ for the
 * pattern, then the mass (k = 0), which the reaction moves. */
void
sp_ch_drive_kernel_trial (SpCh   *self,
                          double  dt)
{
  SpChDrive *d = &self->drive;
  double *restrict new = (double *) self->chat[1 - self->cur];
  const double *restrict old = (const double *) self->chat[self->cur];
  double *restrict work = (double *) self->work;
  const double n_real = (double) self->n_real;
  double mass, mean_error = 0.0;

  sp_ch_kernel_trial_driven_spectrum (self, dt);

  if (self->params.drive.mode == SP_DRIVE_POTENTIOSTATIC)
    {
      /* The mass by the same pair, k = 0: L = 0, S = σ₀, N̂ = R̂₀. */
      double s0 = dt * d->stab0, n0 = d->rhat[0][0];
      double m1 = old[0] + dt * n0 / (1.0 + s0);

      mass = m1;
      if (self->have_prev)
        {
          double omega = dt / self->dt_prev;
          double a0 = (1.0 + 2.0 * omega) / (1.0 + omega), a1 = 1.0 + omega;
          double a2 = omega * omega / (1.0 + omega);
          double co = a1 + s0 * (1.0 + omega), cp = a2 + s0 * omega;

          mass = (co * old[0] - cp * self->chat_prev[0][0] + dt * (1.0 + omega) * n0
                  - dt * omega * d->rhat_prev[0][0]) / (a0 + s0);
          mean_error = fabs (mass - m1) / n_real / MEAN_ERROR_SCALE;
        }
    }
  else
    /* Galvanostatic: c̄ moves by exactly current·dt. */
    mass = old[0] + dt * d->current_set * n_real;

  self->trial_error = fmax (self->trial_error, mean_error);
  d->trial_current = self->params.drive.mode == SP_DRIVE_POTENTIOSTATIC
                     ? (mass - old[0]) / n_real / dt : d->current_set;

  new[0] = mass;
  new[1] = 0.0;
  work[0] = mass / n_real;
  work[1] = 0.0;
  fftw_execute_dft_c2r (self->inv, self->work, self->c[1 - self->cur]);
}
