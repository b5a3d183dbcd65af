/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sp-ch-kernels.c — the passes over the grid that one Cahn–Hilliard step makes
 *
 * Everything here runs once or twice per step on every grid point or
 * Fourier mode, so it is written for the vectoriser: each loop is a
 * `#pragma omp simd` loop (this file is compiled with -O3 -fopenmp-simd
 * -fno-math-errno, see src/core/meson.build) with no calls but log(), and
 * log() itself has SIMD variants in glibc's libmvec (declared below);
 * test-ch holds them to 4 ulp of the scalar log (they are within 1).
 * Scalar, glibc's log alone took a quarter of a constant-mobility step and
 * the unvectorised loops another quarter (perf, 128²–256²).
 *
 * On x86-64 the bodies are compiled three times, for baseline x86-64,
 * AVX2 + FMA and AVX-512, chosen at run time, and the passes are split
 * over the engine's threads with bit-identical results: sp-ch-dispatch.h,
 * which sp-ch-drive-kernels.c shares.
 *
 * The trial pass serves the driven step too (sp-ch-drive-kernels.c makes
 * the reaction term it adds and the mass): one loop, the reaction an extra
 * term behind a literal flag, so a speed-up of the closed pass reaches
 * driven steps while the closed variants compile to the loops they were.
 *
 * Layout: the field is n × n doubles, row-major with y slowest; its r2c
 * transform is n × (n/2 + 1) complex numbers, x (the last dimension) halved.
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include "sp-ch-dispatch.h"

/* PFHub's polynomial model has no bounds; this only catches blow-up. */
#define POLY_BLOWUP 1e3

/* The material's pass.  @degree and @with_log are literals at each call,
 * so Horner's rule unrolls (without Redlich–Kister terms μ_rest is linear
 * in c) and the site-blocking loop, whose entropy is in the implicit D0∇²c,
 * needs no logarithm for μ.
 *
 * The entropy in Σ f(c) is k_BT Σ [c ln(c/(1−c)) + ln(1−c)]: the first
 * term uses the logit (which the constant mobility's μ needs anyway), the
 * second is taken as ln of the product of (1−c) down each column over
 * SP_CH_LOG_ROWS rows (@prod, one running product per column), one log per
 * SP_CH_LOG_ROWS points instead of one per point.  A valid field has
 * 1 − c ≥ 2⁻⁵³ (else it is flagged), so a block's product stays above
 * 2^(−53·16) ≈ 10⁻²⁵⁵, clear of underflow; its rounding is that of the sum
 * of logs it replaces.  Blocks start at rows that are multiples of
 * SP_CH_LOG_ROWS, and so do the threads' runs (SPLIT), so the sums do not
 * depend on the thread count. */
KERNEL void
scan_material (SpCh         *self,
               const double *restrict c,
               SpChScan     *s,
               double       *restrict prod,
               const int     degree,
               const int     with_log,
               const gsize   lo,
               const gsize   hi)
{
  const SpChFreeEnergy *fe = &self->fe;
  const gsize n = self->n, nl_row = 2 * self->nh;   /* nl's rows are padded */
  /* μ_rest = dh/dc is linear exactly when h is quadratic in x (its
   * higher coefficients are zeros, which Horner's rule would only carry). */
  const int h_degree = degree == 1 ? 2 : SP_CH_POLY_LEN - 1;
  const double mean = self->mean, kt = fe->kt;
  double *restrict nl = self->nl;
  double *restrict f_rows = self->row_sums;
  double amp = 0.0, q_min = 1.0, q_max = 0.0, c_min = 1.0, c_max = 0.0;
  int bad = 0;

  for (gsize row = lo; row < hi; row++)
    {
      const gsize start = row * n;   /* gsize indices: affine, so they vectorise */
      const gsize nl_start = row * nl_row;
      /* Whether this row starts or ends a block of the products. */
      const double restart = (row == lo || row % SP_CH_LOG_ROWS == 0) ? 0.0 : 1.0;
      const int last = row + 1 == hi || (row + 1) % SP_CH_LOG_ROWS == 0;
      double f_sum = 0.0;

#pragma omp simd reduction(max:amp, q_max, c_max) reduction(min:q_min, c_min) reduction(|:bad) reduction(+:f_sum)
      for (gsize j = 0; j < n; j++)
        {
          const gsize i = start + j;
          double ci = c[i], x = 1.0 - 2.0 * ci, om = 1.0 - ci, q = ci * om;
          double dm = fabs (ci - mean);
          double mu = fe->mu_rest[degree], h = fe->h[h_degree];
          double logit = log (ci / om);

          for (int k = degree - 1; k >= 0; k--)
            mu = mu * x + fe->mu_rest[k];
          for (int k = h_degree - 1; k >= 0; k--)
            h = h * x + fe->h[k];
          /* f = k_BT [c ln(c/(1−c)) + ln(1−c)] + h; ln(1−c) below. */
          f_sum += kt * (ci * logit) + h;
          /* restart is 0 or 1, so the product is om or exact. */
          prod[j] = restart == 0.0 ? om : prod[j] * om;
          bad |= !(ci > 0.0) | !(om > 0.0);   /* no &&: a branch stops the vectoriser */
          amp = dm > amp ? dm : amp;
          q_min = q < q_min ? q : q_min;
          q_max = q > q_max ? q : q_max;
          c_min = ci < c_min ? ci : c_min;
          c_max = ci > c_max ? ci : c_max;
          nl[nl_start + j] = with_log ? kt * logit + mu : mu;
        }
      if (last)
        {
          double log_sum = 0.0;

#pragma omp simd reduction(+:log_sum)
          for (gsize j = 0; j < n; j++)
            log_sum += log (prod[j]);
          f_sum += kt * log_sum;
        }
      f_rows[row] = f_sum;
    }

  *s = (SpChScan) {
    .amplitude = amp, .valid = !bad,
    /* An upper bound of f'' = k_BT/(c(1−c)) + μ_rest' is all the
     * stabiliser needs. */
    .f2_max = kt / q_min + fe->mu_rest_prime_max,
    .m_max = fe->mobility_scale * q_max,
    .r2_max = fe->mu_rest_prime_max,
    .c_min = c_min, .c_max = c_max,
  };
}

/* PFHub's double well: polynomial, unbounded. */
KERNEL void
scan_pfhub (SpCh         *self,
            const double *restrict c,
            SpChScan     *s,
            const gsize   lo,
            const gsize   hi)
{
  const gsize n = self->n, nl_row = 2 * self->nh;   /* nl's rows are padded */
  const double mean = self->mean;
  const double a = SP_CH_PFHUB1_C_ALPHA, b = SP_CH_PFHUB1_C_BETA;
  const double two_rho = 2.0 * SP_CH_PFHUB1_RHO;
  double *restrict nl = self->nl;
  double *restrict f_rows = self->row_sums;
  double amp = 0.0, f2_max = -G_MAXDOUBLE;
  int bad = 0;

  for (gsize row = lo; row < hi; row++)
    {
      const gsize start = row * n, nl_start = row * nl_row;
      double f_sum = 0.0;

#pragma omp simd reduction(max:amp, f2_max) reduction(|:bad) reduction(+:f_sum)
      for (gsize j = 0; j < n; j++)
        {
          const gsize i = start + j;
          double ci = c[i], u = ci - a, v = b - ci, w = v - u;
          double dm = fabs (ci - mean);
          double f2 = two_rho * (w * w - 2.0 * u * v);

          bad |= !(fabs (ci) < POLY_BLOWUP);   /* true for NaN too */
          amp = dm > amp ? dm : amp;
          f2_max = f2 > f2_max ? f2 : f2_max;
          f_sum += SP_CH_PFHUB1_RHO * u * u * v * v;
          nl[nl_start + j] = two_rho * u * v * w;
        }
      f_rows[row] = f_sum;
    }

  *s = (SpChScan) {
    .amplitude = amp, .valid = !bad,
    .f2_max = f2_max, .c_min = 0.0, .c_max = 1.0,
  };
}

/* One pass over a candidate field, rows lo … hi − 1: validity, the
 * pointwise nonlinearity for the next explicit term, Σ f(c) per row for
 * the energy check, and the statistics the stabilisers need.  Fused so
 * each step reads the grid once. */
KERNEL void
scan_body (SpCh         *self,
           const double *c,
           SpChScan     *s,
           double       *prod,
           gsize         lo,
           gsize         hi)
{
  const int degree = self->fe.mu_rest_linear ? 1 : SP_CH_POLY_LEN - 1;

  if (self->fe.problem == SP_CH_PROBLEM_PFHUB1)
    scan_pfhub (self, c, s, lo, hi);
  else if (self->fe.constant_mobility && degree == 1)
    scan_material (self, c, s, prod, 1, TRUE, lo, hi);
  else if (self->fe.constant_mobility)
    scan_material (self, c, s, prod, SP_CH_POLY_LEN - 1, TRUE, lo, hi);
  else if (degree == 1)
    scan_material (self, c, s, prod, 1, FALSE, lo, hi);
  else
    scan_material (self, c, s, prod, SP_CH_POLY_LEN - 1, FALSE, lo, hi);
}

/* Site blocking's explicit flux, spectral part: i k ŵ with
 * ŵ = (FFT μ_rest + κ k² ĉ)/n², both components in one pass. */
KERNEL void
gradient_body (SpCh  *self,
               gsize  lo,
               gsize  hi)
{
  const gsize nh = self->nh;
  const double kappa = self->fe.kappa, inv_n2 = 1.0 / (double) self->n_real;
  const double *restrict chat = (const double *) self->chat[self->cur];
  const double *restrict nlhat = (const double *) self->nlhat;
  double *restrict gx = (double *) self->gradhat;
  double *restrict gy = (double *) (self->gradhat + self->n_cplx);
  const double *restrict k2x = self->k2x, *restrict kdx = self->kdx;

  for (gsize i = lo; i < hi; i++)
    {
      const double k2y = self->k2y[i], kdy = self->kdy[i];
      const gsize row = 2 * i * nh;   /* gsize indices: affine, so they vectorise */

#pragma omp simd
      for (gsize j = 0; j < nh; j++)
        {
          gsize r = row + 2 * j;
          double k2 = k2y + k2x[j];
          double wr = (nlhat[r] + kappa * k2 * chat[r]) * inv_n2;
          double wi = (nlhat[r + 1] + kappa * k2 * chat[r + 1]) * inv_n2;

          gx[r] = -kdx[j] * wi;
          gx[r + 1] = kdx[j] * wr;
          gy[r] = -kdy * wi;
          gy[r + 1] = kdy * wr;
        }
    }
}

/* The fluxes J = M(c) ∇w, in place over the gradient (the padded real
 * rows in gradhat), rows lo … hi − 1. */
KERNEL void
mobility_body (SpCh  *self,
               gsize  lo,
               gsize  hi)
{
  const gsize n = self->n, row_len = 2 * self->nh;
  const double m0 = self->fe.mobility_scale;
  const double *restrict c = self->c[self->cur];
  double *restrict jx = (double *) self->gradhat;
  double *restrict jy = (double *) (self->gradhat + self->n_cplx);

  for (gsize row = lo; row < hi; row++)
    {
      const gsize cs = row * n, gs = row * row_len;

#pragma omp simd
      for (gsize j = 0; j < n; j++)
        {
          double m = m0 * c[cs + j] * (1.0 - c[cs + j]);
          jx[gs + j] *= m;
          jy[gs + j] *= m;
        }
    }
}

/* N̂ at one mode (index @r of the half spectrum): with @site, ∇·J →
 * i (kx Ĵx + ky Ĵy) from the flux's transforms @jx, @jy; else −M k² times
 * @nl, the transform of f' (r2 = −M).  The current and the previous step's
 * terms of trial_pass are both this. */
KERNEL void
explicit_term (const int            site,
               double               kx,
               double               ky,
               double               k2,
               double               r2,
               const double *restrict jx,
               const double *restrict jy,
               const double *restrict nl,
               gsize                r,
               double              *re,
               double              *im)
{
  if (site)
    {
      *re = -(kx * jx[r + 1] + ky * jy[r + 1]);
      *im = kx * jx[r] + ky * jy[r];
    }
  else
    {
      *re = r2 * k2 * nl[r];
      *im = r2 * k2 * nl[r + 1];
    }
}

/* The embedded pair of sp-ch.c, one pass over the spectrum for both:
 *
 *   SBDF1  ĉ₁ = [ĉⁿ (1 + dt S_k) + dt N̂ⁿ] / (1 + dt (S_k + L_k))
 *   SBDF2  ĉ₂ = [a₁ ĉⁿ − a₂ ĉⁿ⁻¹ + dt S_k ĉ* + dt ((1+ω) N̂ⁿ − ω N̂ⁿ⁻¹)]
 *               / (a₀ + dt (S_k + L_k)),   ĉ* = (1+ω) ĉⁿ − ω ĉⁿ⁻¹,
 *
 * ω = dt/dt_prev, a₀ = (1+2ω)/(1+ω), a₁ = 1+ω, a₂ = ω²/(1+ω); N̂ the
 * explicit term (−M k² FFT f'(c), or i k·Ĵ), L_k the implicit operator.
 * With @second the step is ĉ₂ and the estimate Σ w |ĉ₂ − ĉ₁|², else ĉ₁
 * and no estimate.  Also Σ w |ĉⁿ|², the field's own size (Parseval; the
 * half spectrum's inner columns count twice).
 *
 * With @driven the reaction of sp-ch-drive.h joins in: R̂ is added to N̂
 * (extrapolated like it in SBDF2) and σ₀ + σ₂ k² to S_k.  Without, the
 * expressions are the closed step's own (not the driven ones with zeros,
 * which are not the same in floating point: 0 + x is not x for x = −0).
 * The k = 0 entry is overwritten by the caller either way.
 *
 * @site, @second and @driven are literals at each call, so each variant
 * is a branch-free SIMD loop. */
KERNEL void
trial_pass (SpCh   *self,
            double  dt,
            const int site,
            const int second,
            const int driven,
            gsize   lo,
            gsize   hi)
{
  const gsize n = self->n, nh = self->nh;
  double *restrict sums = self->row_sums;
  const double *restrict old = (const double *) self->chat[self->cur];
  const double *restrict prev = (const double *) self->chat_prev;
  double *restrict new = (double *) self->chat[1 - self->cur];
  double *restrict work = (double *) self->work;
  const double *restrict k2x = self->k2x, *restrict kdx = self->kdx;
  const double inv_n2 = 1.0 / (double) self->n_real;
  const double s0 = driven ? dt * self->drive.stab0 : 0.0;
  const double s2 = driven ? dt * (self->stab2 + self->drive.stab2) : dt * self->stab2;
  const double s4 = dt * self->stab4;
  const double omega = second ? dt / self->dt_prev : 0.0;
  const double a0 = (1.0 + 2.0 * omega) / (1.0 + omega), a1 = 1.0 + omega;
  const double a2 = omega * omega / (1.0 + omega);
  const double e1 = dt * (1.0 + omega), e2 = dt * omega;
  /* Constant M: N̂ = −M k² FFT f'; L_k = M κ k⁴.  Site blocking: L_k = D0 k². */
  const double m = self->fe.mobility_scale;
  const double l4 = site ? 0.0 : dt * m * self->fe.kappa, r2 = -m;
  const double l2 = site ? dt * self->params.model.d0 : 0.0;
  const double *restrict nlhat = (const double *) self->nlhat;
  const double *restrict nlprev = (const double *) self->nlhat_prev;
  const double *restrict rhat = driven ? (const double *) self->drive.rhat : NULL;
  const double *restrict rprev = driven && second ? (const double *) self->drive.rhat_prev : NULL;
  const double *restrict jx = site ? (const double *) self->gradhat : NULL;
  const double *restrict jy = site ? (const double *) (self->gradhat + self->n_cplx) : NULL;
  const double *restrict px = site && second ? (const double *) self->gradhat_prev : NULL;
  const double *restrict py = site && second ? (const double *) (self->gradhat_prev + self->n_cplx) : NULL;

  for (gsize i = lo; i < hi; i++)
    {
      const double k2y = self->k2y[i], ky = self->kdy[i];
      const gsize row = 2 * i * nh;   /* gsize indices: affine, so they vectorise */
      double e_sum = 0.0, c_sum = 0.0, g_sum = 0.0;

#pragma omp simd reduction(+:e_sum, c_sum, g_sum)
      for (gsize j = 0; j < nh; j++)
        {
          gsize r = row + 2 * j;
          double k2 = k2y + k2x[j], kx = kdx[j];
          double sk = driven ? s0 + s2 * k2 + s4 * k2 * k2 : s2 * k2 + s4 * k2 * k2;
          double lk = l2 * k2 + l4 * k2 * k2;
          /* k = 0 (the mass) is no part of the sums: it is not the
           * pattern's size, and subtracting it afterwards would cancel
           * catastrophically near c = 0 or 1. */
          double w = k2 == 0.0 ? 0.0 : (j == 0 || 2 * j == n) ? 1.0 : 2.0;
          double nre, nim, re, im;

          explicit_term (site, kx, ky, k2, r2, jx, jy, nlhat, r, &nre, &nim);
          if (driven)
            {
              nre += rhat[r];
              nim += rhat[r + 1];
            }

          {
            double den1 = 1.0 / (1.0 + sk + lk);
            double re1 = (old[r] * (1.0 + sk) + dt * nre) * den1;
            double im1 = (old[r + 1] * (1.0 + sk) + dt * nim) * den1;

            if (second)
              {
                double pre, pim, den2 = 1.0 / (a0 + sk + lk);
                double co = a1 + sk * (1.0 + omega), cp = a2 + sk * omega;

                explicit_term (site, kx, ky, k2, r2, px, py, nlprev, r, &pre, &pim);
                if (driven)
                  {
                    pre += rprev[r];
                    pim += rprev[r + 1];
                  }
                re = (co * old[r] - cp * prev[r] + e1 * nre - e2 * pre) * den2;
                im = (co * old[r + 1] - cp * prev[r + 1] + e1 * nim - e2 * pim) * den2;
                e_sum += w * ((re - re1) * (re - re1) + (im - im1) * (im - im1));
              }
            else
              {
                re = re1;
                im = im1;
              }
          }
          c_sum += w * (old[r] * old[r] + old[r + 1] * old[r + 1]);
          g_sum += w * k2 * (re * re + im * im);

          new[r] = re;
          new[r + 1] = im;
          work[r] = re * inv_n2;
          work[r + 1] = im * inv_n2;
        }
      /* Per row, summed in row order by trial_spectrum(): the same sums
       * whatever the rows' split over threads. */
      sums[3 * i] = e_sum;
      sums[3 * i + 1] = c_sum;
      sums[3 * i + 2] = g_sum;
    }
}

KERNEL void
spectrum_body (SpCh   *self,
               double  dt,
               const int driven,
               gsize   lo,
               gsize   hi)
{
  const int site = !self->fe.constant_mobility;

  if (site && self->have_prev)
    trial_pass (self, dt, 1, 1, driven, lo, hi);
  else if (site)
    trial_pass (self, dt, 1, 0, driven, lo, hi);
  else if (self->have_prev)
    trial_pass (self, dt, 0, 1, driven, lo, hi);
  else
    trial_pass (self, dt, 0, 0, driven, lo, hi);
}

KERNEL void
logit_body (const double *restrict c,
            double       *restrict out,
            gsize         n)
{
#pragma omp simd
  for (gsize i = 0; i < n; i++)
    out[i] = log (c[i] / (1.0 - c[i]));
}

/* The free-energy diagnostic's bulk term: f(c) at every point.  The
 * scalar sp_ch_free_energy_f() with its log and log1p per point cost a
 * frame 1.3–2.6× a constant-mobility step; here both logarithms are the
 * vectorised log (log(1 − c) for log1p(−c): 1 − c is within half an ulp
 * of 1, so f moves by at most k_BT·1e-16; test-ch-diagnostics holds the
 * sum to 1e-12 of the scalar one). */
KERNEL void
density_body (const SpChFreeEnergy *fe,
              const double         *restrict c,
              double               *restrict out,
              gsize                 n)
{
  if (fe->problem == SP_CH_PROBLEM_PFHUB1)
    {
#pragma omp simd
      for (gsize i = 0; i < n; i++)
        {
          double u = c[i] - SP_CH_PFHUB1_C_ALPHA, v = SP_CH_PFHUB1_C_BETA - c[i];
          out[i] = SP_CH_PFHUB1_RHO * u * u * v * v;
        }
      return;
    }

  {
    const double kt = fe->kt;
    const double *h = fe->h;

#pragma omp simd
    for (gsize i = 0; i < n; i++)
      {
        double ci = c[i], om = 1.0 - ci, x = 1.0 - 2.0 * ci;
        double poly = h[SP_CH_POLY_LEN - 1];

        for (int k = SP_CH_POLY_LEN - 2; k >= 0; k--)
          poly = poly * x + h[k];
        out[i] = kt * (ci * log (ci) + om * log (om)) + poly;
      }
  }
}

/* The entry points, per instruction set (sp-ch-dispatch.h). */
DISPATCH_SPLIT (scan_split,
                (SpCh *self, const double *c, SpChScan *parts_out, gsize *n_parts),
                (self, c, parts_out, n_parts),
                self->n,
                scan_body (self, c, &parts_out[part], self->log_prod + part * self->n, lo, hi);
                if (part == 0) *n_parts = parts)
DISPATCH_SPLIT (gradient, (SpCh *self), (self), self->n, gradient_body (self, lo, hi))
DISPATCH_SPLIT (mobility, (SpCh *self), (self), self->n, mobility_body (self, lo, hi))
DISPATCH_SPLIT (spectrum, (SpCh *self, double dt), (self, dt), self->n,
                spectrum_body (self, dt, FALSE, lo, hi))
DISPATCH_SPLIT (spectrum_driven, (SpCh *self, double dt), (self, dt), self->n,
                spectrum_body (self, dt, TRUE, lo, hi))
DISPATCH (logit, (const double *c, double *out, gsize n), (c, out, n))
DISPATCH (density, (const SpChFreeEnergy *fe, const double *c, double *out, gsize n),
          (fe, c, out, n))

/* The chunks' scans in chunk order.  Every statistic is a maximum or a
 * minimum (f2_max and m_max are monotone, correctly rounded functions of
 * the chunk's extreme), so the merge is exact; Σ f(c) is added per row. */
static void
scan (SpCh         *self,
      const double *c,
      SpChScan     *s)
{
  SpChScan parts[SP_CH_MAX_THREADS];
  gsize n_parts = 1;
  double f_sum = 0.0;
  guint threads = MIN (MAX (self->threads, 1), SP_CH_MAX_THREADS);

  /* A row of column products per thread (the thread count may change
   * between steps: the tests replay one engine at several). */
  if (self->log_prod_parts < threads)
    {
      gsize len = (gsize) self->n * threads;

      fftw_free (self->log_prod);
      self->log_prod = fftw_alloc_real (len);
      for (gsize i = 0; i < len; i++)
        self->log_prod[i] = 1.0;
      self->log_prod_parts = threads;
    }
  scan_split (self, c, parts, &n_parts);
  *s = parts[0];
  for (gsize p = 1; p < n_parts; p++)
    {
      const SpChScan *part = &parts[p];

      s->amplitude = fmax (s->amplitude, part->amplitude);
      s->f2_max = fmax (s->f2_max, part->f2_max);
      s->m_max = fmax (s->m_max, part->m_max);
      s->r2_max = fmax (s->r2_max, part->r2_max);
      s->c_min = fmin (s->c_min, part->c_min);
      s->c_max = fmax (s->c_max, part->c_max);
      s->valid = s->valid && part->valid;
    }
  for (gsize row = 0; row < self->n; row++)
    f_sum += self->row_sums[row];
  s->f_sum = f_sum;
  s->valid = s->valid && isfinite (f_sum);
}

/* The explicit right-hand side of the accepted state, which does not depend
 * on the step size (so a rejected step retries without transforms):
 * constant M: nlhat = FFT f'(c); site blocking: gradhat = FFT(M ∇w) with
 * w = μ_rest − κ∇²c. */
static void
explicit (SpCh           *self,
          const SpChScan *s)
{
  /* The new-array calls: the buffers rotate (same size and alignment as
   * planned).  nl is transformed in place and becomes nlhat; the buffer
   * that was nlhat (sp-ch.c has already kept the previous state's as
   * nlhat_prev where SBDF2 needs it) takes the next scan's nl. */
  {
    fftw_complex *spectrum = (fftw_complex *) self->nl;

    /* A driven step needs μ in real space after the transform has
     * overwritten it: kept, unpadded, when the drive has its buffers. */
    if (self->drive.nl_real != NULL && self->drive.n_alloc == self->n)
      for (gsize row = 0; row < self->n; row++)
        memcpy (self->drive.nl_real + row * self->n, self->nl + row * 2 * self->nh,
                self->n * sizeof (double));
    fftw_execute_dft_r2c (self->fwd_nl, self->nl, spectrum);
    self->nl = (double *) self->nlhat;
    self->nlhat = spectrum;
  }

  if (self->fe.constant_mobility)
    {
      /* Shen & Yang's linear stabiliser S ≥ max f''/2 (zero where the
       * field is entirely concave). */
      self->stab2 = self->fe.mobility_scale * 0.5 * fmax (s->f2_max, 0.0);
      self->stab4 = 0.0;
      return;
    }

  gradient (self);
  fftw_execute_dft_c2r (self->inv2, self->gradhat, (double *) self->gradhat);
  mobility (self);
  fftw_execute_dft_r2c (self->fwd2, (double *) self->gradhat, self->gradhat);

  /* Zhu et al.: A κ k⁴ with A ≥ max M/2 keeps the explicit κ∇·M∇∇²c
   * stable; A = max M also stops the stiffest modes from oscillating.
   * B k² with B = max M · max μ_rest'/2 does the same for the explicit
   * μ_rest term where it is diffusive. */
  self->stab4 = s->m_max * self->fe.kappa;
  self->stab2 = 0.5 * s->m_max * fmax (s->r2_max, 0.0);
}

/* A trial step's spectrum but for k = 0, closed or @driven, and the
 * pattern's relative error estimate, size and gradient sum. */
static void
trial_spectrum (SpCh     *self,
                double    dt,
                gboolean  driven)
{
  double err2 = 0.0, size2 = 0.0, grad2 = 0.0;

  if (driven)
    spectrum_driven (self, dt);
  else
    spectrum (self, dt);
  for (gsize i = 0; i < self->n; i++)
    {
      err2 += self->row_sums[3 * i];
      size2 += self->row_sums[3 * i + 1];
      grad2 += self->row_sums[3 * i + 2];
    }

  /* Relative to the pattern's RMS size, but never to less than
   * SP_CH_RMS_FLOOR: a pattern decaying towards round-off would otherwise
   * be followed to round-off at full relative accuracy. */
  self->trial_error = err2 > 0.0 ? sqrt (err2) / fmax (sqrt (size2), SP_CH_RMS_FLOOR * (double) self->n_real)
                                 : 0.0;
  self->trial_grad = grad2;
  self->trial_rms = sqrt (size2) / (double) self->n_real;
}

/* One trial step of @dt from the accepted state: the new spectrum (mass
 * carried over bit for bit) and field, and the relative error estimate. */
static void
trial (SpCh   *self,
       double  dt)
{
  double *restrict new = (double *) self->chat[1 - self->cur];
  const double *restrict old = (const double *) self->chat[self->cur];
  double *restrict work = (double *) self->work;
  const double inv_n2 = 1.0 / (double) self->n_real;

  trial_spectrum (self, dt, FALSE);

  /* Mass: the k = 0 coefficient is carried over bit for bit. */
  new[0] = old[0];
  new[1] = 0.0;
  work[0] = old[0] * inv_n2;
  work[1] = 0.0;

  fftw_execute_dft_c2r (self->inv, self->work, self->c[1 - self->cur]);
}

void
sp_ch_kernel_scan (SpCh         *self,
                   const double *c,
                   SpChScan     *s)
{
  scan (self, c, s);
}

void
sp_ch_kernel_explicit (SpCh           *self,
                       const SpChScan *s)
{
  explicit (self, s);
}

void
sp_ch_kernel_trial (SpCh   *self,
                    double  dt)
{
  trial (self, dt);
}

void
sp_ch_kernel_trial_driven_spectrum (SpCh   *self,
                                    double  dt)
{
  trial_spectrum (self, dt, TRUE);
}

void
sp_ch_kernel_logit (const double *c,
                    double       *out,
                    gsize         n)
{
  logit (c, out, n);
}

void
sp_ch_kernel_free_energy_density (const SpChFreeEnergy *fe,
                                  const double         *c,
                                  double               *out,
                                  gsize                 n)
{
  density (fe, c, out, n);
}

const char *
sp_ch_kernel_isa (void)
{
#ifdef SP_CH_HAVE_AVX2_VARIANT
  static const char *const names[] = { "generic", "avx2", "avx512" };

  return names[sp_ch_isa_level ()];
#else
  return "generic";
#endif
}
