/* sp-ch.c — semi-implicit Fourier spectral Cahn–Hilliard steps
 *
 * Layout: the field is n × n doubles, row-major with y slowest; its r2c
 * transform is n × (n/2 + 1) complex numbers, x (the last dimension) halved.
 * The spectrum ĉ is the state: the field is recomputed from it after every
 * step, so the k = 0 coefficient (the mass) is copied, never re-derived.
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include "sp-ch.h"
#include "sp-ch-private.h"
#include "sp-fft-wisdom.h"

/* Step-size control: the largest pointwise change per step may not exceed
 * the tolerance, nor a fraction of the pattern's current amplitude (which
 * keeps the exponential growth of the early stage accurate: a 3 % change
 * per step puts the first-order growth error well under 1 %).  With 0.002
 * PFHub 1a's F(t) is within 1.5 % of the time-converged run (tolerance
 * 5e-4, or fixed dt = 0.02) at every decade; 0.01 is 6 % off at t = 1000. */
#define DEFAULT_TOLERANCE  0.002
#define RELATIVE_TOLERANCE 0.03
#define MAX_GROWTH         1.25
#define MAX_ATTEMPTS       80
/* Below this fraction of the stiffest mode's time the step is hopeless. */
#define DT_FLOOR_FRACTION  1e-9
/* PFHub's polynomial model has no bounds; this only catches blow-up. */
#define POLY_BLOWUP        1e3

typedef struct
{
  double err;        /* max |c_new − c_old|          */
  double amplitude;  /* max |c − c̄|                  */
  double f2_max;     /* max f''(c)     (constant M)  */
  double m_max;      /* max M(c)       (site blocking) */
  double r2_max;     /* max μ_rest'(c) (site blocking) */
  gboolean valid;
} Scan;

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
  fftw_complex *work;      /* c2r input (FFTW destroys it)        */
  double       *nl;        /* f'(c) or μ_rest(c)                  */
  fftw_complex *nlhat;
  double       *grad;      /* site blocking: ∂x w, ∂y w → fluxes  */
  fftw_complex *gradhat;   /*   and their spectra                 */
  guint   cur;

  fftw_plan fwd, inv;      /* nl → nlhat, work → c               */
  fftw_plan fwd2, inv2;    /* batched pairs: grad ⇄ gradhat      */

  /* Stabilisers of the current state (depend on the field). */
  double  stab2, stab4;    /* S_k = stab2 k² + stab4 k⁴          */
  double  amplitude;
  double  mean;

  double  time, dt, dt_start, dt_cap, tolerance;
  guint64 steps, rejected;
};

static void
setup_wavenumbers (SpCh *self)
{
  double dk = 2.0 * G_PI / self->params.length;

  for (guint i = 0; i < self->n; i++)
    {
      int m = i <= self->n / 2 ? (int) i : (int) i - (int) self->n;
      self->k2y[i] = (m * dk) * (m * dk);
      /* The Nyquist mode of an odd derivative of a real field has no real
       * representation; zeroing it keeps ∇ and ∇· adjoint. */
      self->kdy[i] = (2 * i == self->n) ? 0.0 : m * dk;
    }
  for (guint j = 0; j < self->nh; j++)
    {
      self->k2x[j] = (j * dk) * (j * dk);
      self->kdx[j] = (2 * j == self->n) ? 0.0 : j * dk;
    }
}

/* The material's pass.  @degree is a literal at each call, so Horner's
 * rule unrolls: without Redlich–Kister terms μ_rest is linear in c and the
 * pass costs little beyond the logarithm. */
static inline void
scan_material (SpCh         *self,
               const double *c,
               const double *c_old,
               Scan         *s,
               const int     degree)
{
  const SpChFreeEnergy *fe = &self->fe;
  const gsize n = self->n_real;
  const double mean = self->mean, kt = fe->kt;
  const gboolean with_log = fe->constant_mobility;
  double err = 0.0, amp = 0.0, q_min = 1.0, q_max = 0.0;
  int bad = 0;

  for (gsize i = 0; i < n; i++)
    {
      double ci = c[i], x = 1.0 - 2.0 * ci, om = 1.0 - ci, q = ci * om;
      double d = fabs (ci - c_old[i]), dm = fabs (ci - mean);
      double mu = fe->mu_rest[degree];

      for (int k = degree - 1; k >= 0; k--)
        mu = mu * x + fe->mu_rest[k];
      bad |= !(ci > 0.0 && om > 0.0);
      err = d > err ? d : err;
      amp = dm > amp ? dm : amp;
      q_min = q < q_min ? q : q_min;
      q_max = q > q_max ? q : q_max;
      /* Site blocking: the entropy is in the implicit D0∇²c. */
      self->nl[i] = with_log ? kt * log (ci / om) + mu : mu;
    }

  *s = (Scan) {
    .err = err, .amplitude = amp, .valid = !bad && isfinite (err),
    /* An upper bound of f'' = k_BT/(c(1−c)) + μ_rest' is all the
     * stabiliser needs. */
    .f2_max = kt / q_min + fe->mu_rest_prime_max,
    .m_max = fe->mobility_scale * q_max,
    .r2_max = fe->mu_rest_prime_max,
  };
}

/* One pass over a candidate field: validity, the change from the previous
 * field, the pointwise nonlinearity for the next explicit term, and the
 * statistics the stabilisers need.  Fused so each step reads the grid once;
 * no calls but log() in the loops (fmax() is a libm call at -O2, so plain
 * comparisons), and no per-point division. */
static void
scan_field (SpCh         *self,
            const double *c,
            const double *c_old,
            Scan         *s)
{
  const SpChFreeEnergy *fe = &self->fe;
  const gsize n = self->n_real;
  const double mean = self->mean;
  const double a = SP_CH_PFHUB1_C_ALPHA, b = SP_CH_PFHUB1_C_BETA;
  const double two_rho = 2.0 * SP_CH_PFHUB1_RHO;
  double err = 0.0, amp = 0.0, f2_max = -G_MAXDOUBLE;
  int bad = 0;

  if (fe->problem == SP_CH_PROBLEM_MODEL)
    {
      if (fe->mu_rest_linear)
        scan_material (self, c, c_old, s, 1);
      else
        scan_material (self, c, c_old, s, SP_CH_POLY_LEN - 1);
      return;
    }

  /* PFHub's double well: polynomial, unbounded. */

  for (gsize i = 0; i < n; i++)
    {
      double ci = c[i], u = ci - a, v = b - ci, w = v - u;
      double d = fabs (ci - c_old[i]), dm = fabs (ci - mean);
      double f2 = two_rho * (w * w - 2.0 * u * v);

      bad |= !(fabs (ci) < POLY_BLOWUP);   /* true for NaN too */
      err = d > err ? d : err;
      amp = dm > amp ? dm : amp;
      f2_max = f2 > f2_max ? f2 : f2_max;
      self->nl[i] = two_rho * u * v * w;
    }

  *s = (Scan) {
    .err = err, .amplitude = amp, .valid = !bad && isfinite (err),
    .f2_max = f2_max,
  };
}

/* The explicit right-hand side of the accepted state, which does not depend
 * on the step size (so a rejected step retries without transforms):
 * constant M: nlhat = FFT f'(c); site blocking: gradhat = FFT(M ∇w) with
 * w = μ_rest − κ∇²c. */
static void
explicit_terms (SpCh       *self,
                const Scan *s)
{
  const guint n = self->n, nh = self->nh;
  const double kappa = self->fe.kappa;

  fftw_execute (self->fwd);

  if (self->fe.constant_mobility)
    {
      /* Shen & Yang's linear stabiliser S ≥ max f''/2 (zero where the
       * field is entirely concave). */
      self->stab2 = self->fe.mobility_scale * 0.5 * fmax (s->f2_max, 0.0);
      self->stab4 = 0.0;
      return;
    }

  {
    const fftw_complex *chat = self->chat[self->cur];
    fftw_complex *gx = self->gradhat, *gy = self->gradhat + self->n_cplx;
    const double inv_n2 = 1.0 / (double) self->n_real;
    const double m0 = self->fe.mobility_scale;
    double *jx = self->grad, *jy = self->grad + self->n_real;

    for (guint i = 0; i < n; i++)
      for (guint j = 0; j < nh; j++)
        {
          gsize idx = (gsize) i * nh + j;
          double k2 = self->k2y[i] + self->k2x[j];
          double wr = (self->nlhat[idx][0] + kappa * k2 * chat[idx][0]) * inv_n2;
          double wi = (self->nlhat[idx][1] + kappa * k2 * chat[idx][1]) * inv_n2;
          /* i k ŵ */
          gx[idx][0] = -self->kdx[j] * wi;
          gx[idx][1] = self->kdx[j] * wr;
          gy[idx][0] = -self->kdy[i] * wi;
          gy[idx][1] = self->kdy[i] * wr;
        }
    fftw_execute (self->inv2);

    {
      const double *c = self->c[self->cur];
      for (gsize p = 0; p < self->n_real; p++)
        {
          double m = m0 * c[p] * (1.0 - c[p]);
          jx[p] *= m;
          jy[p] *= m;
        }
    }
    fftw_execute (self->fwd2);
  }

  /* Zhu et al.: A κ k⁴ with A ≥ max M/2 keeps the explicit κ∇·M∇∇²c
   * stable; A = max M also stops the stiffest modes from oscillating.
   * B k² with B = max M · max μ_rest'/2 does the same for the explicit
   * μ_rest term where it is diffusive. */
  self->stab4 = s->m_max * kappa;
  self->stab2 = 0.5 * s->m_max * fmax (s->r2_max, 0.0);
}

/* ĉⁿ⁺¹ = [ĉⁿ (1 + dt S_k) + dt R̂ⁿ] / (1 + dt (S_k + L_k)), written both to
 * the new spectrum and (normalised) to the c2r input, then transformed. */
static void
trial_step (SpCh   *self,
            double  dt)
{
  const guint n = self->n, nh = self->nh;
  const fftw_complex *old = self->chat[self->cur];
  fftw_complex *new = self->chat[1 - self->cur];
  fftw_complex *work = self->work;
  const double inv_n2 = 1.0 / (double) self->n_real;
  const double s2 = dt * self->stab2, s4 = dt * self->stab4;

  if (self->fe.constant_mobility)
    {
      const double m = self->fe.mobility_scale;
      const double l4 = dt * m * self->fe.kappa, r2 = -dt * m;
      const fftw_complex *nlhat = self->nlhat;

      for (guint i = 0; i < n; i++)
        for (guint j = 0; j < nh; j++)
          {
            gsize idx = (gsize) i * nh + j;
            double k2 = self->k2y[i] + self->k2x[j];
            double sk = s2 * k2 + s4 * k2 * k2;
            double num = 1.0 + sk, den = 1.0 / (1.0 + sk + l4 * k2 * k2);
            double re = (old[idx][0] * num + r2 * k2 * nlhat[idx][0]) * den;
            double im = (old[idx][1] * num + r2 * k2 * nlhat[idx][1]) * den;
            new[idx][0] = re;
            new[idx][1] = im;
            work[idx][0] = re * inv_n2;
            work[idx][1] = im * inv_n2;
          }
    }
  else
    {
      const double l2 = dt * self->params.model.d0;
      const fftw_complex *jx = self->gradhat, *jy = self->gradhat + self->n_cplx;

      for (guint i = 0; i < n; i++)
        for (guint j = 0; j < nh; j++)
          {
            gsize idx = (gsize) i * nh + j;
            double k2 = self->k2y[i] + self->k2x[j];
            double kx = self->kdx[j], ky = self->kdy[i];
            double sk = s2 * k2 + s4 * k2 * k2;
            double num = 1.0 + sk, den = 1.0 / (1.0 + sk + l2 * k2);
            /* ∇·J → i (kx Ĵx + ky Ĵy) */
            double dre = -(kx * jx[idx][1] + ky * jy[idx][1]);
            double dim = kx * jx[idx][0] + ky * jy[idx][0];
            double re = (old[idx][0] * num + dt * dre) * den;
            double im = (old[idx][1] * num + dt * dim) * den;
            new[idx][0] = re;
            new[idx][1] = im;
            work[idx][0] = re * inv_n2;
            work[idx][1] = im * inv_n2;
          }
    }

  /* Mass: the k = 0 coefficient is carried over bit for bit. */
  new[0][0] = old[0][0];
  new[0][1] = 0.0;
  work[0][0] = old[0][0] * inv_n2;
  work[0][1] = 0.0;

  fftw_execute_dft_c2r (self->inv, work, self->c[1 - self->cur]);
}

/* Makes the current field's spectrum, statistics and explicit terms. */
static void
prepare_state (SpCh *self)
{
  double *c = self->c[self->cur];
  Scan s;

  fftw_execute_dft_r2c (self->fwd, c, self->chat[self->cur]);
  self->chat[self->cur][0][1] = 0.0;
  self->mean = self->chat[self->cur][0][0] / (double) self->n_real;
  scan_field (self, c, c, &s);
  self->amplitude = s.amplitude;
  explicit_terms (self, &s);
}

static double
stiffest_time (SpCh *self)
{
  /* 1 / (the largest implicit rate): where the step starts, so that even
   * white noise is resolved before the controller lets it grow. */
  double k2 = self->k2y[self->n / 2] + self->k2x[self->nh - 1];
  double m = self->fe.constant_mobility ? self->fe.mobility_scale : 0.25 * self->fe.mobility_scale;
  double rate = m * self->fe.kappa * k2 * k2;

  if (!self->fe.constant_mobility)
    rate += self->params.model.d0 * k2;
  return 1.0 / rate;
}

static double
slowest_time (SpCh *self)
{
  /* The relaxation time of the longest wave by the gradient term alone:
   * once steps reach a few of these the state is stationary, and growing
   * them further only makes the stabilised scheme a stiff fixed-point
   * iteration that may break down. */
  double k2 = self->k2x[1];
  double m = self->fe.constant_mobility ? self->fe.mobility_scale : 0.25 * self->fe.mobility_scale;

  return 1.0 / (m * self->fe.kappa * k2 * k2);
}

static void
restart_step_size (SpCh *self)
{
  self->dt_start = stiffest_time (self);
  self->dt_cap = 10.0 * slowest_time (self);
  if (self->params.dt_max > 0.0)
    self->dt_cap = MIN (self->dt_cap, self->params.dt_max);
  self->dt = MIN (self->dt_start, self->dt_cap);
  self->tolerance = self->params.tolerance > 0.0 ? self->params.tolerance : DEFAULT_TOLERANCE;
}

static void
restart_clock (SpCh *self)
{
  self->time = 0.0;
  self->steps = 0;
  self->rejected = 0;
  restart_step_size (self);
}

static void
initial_field (SpCh   *self,
               double *c)
{
  const guint n = self->n;

  if (self->params.init == SP_CH_INIT_PFHUB1A)
    {
      /* PHYSICS.md: c0 = 0.5, ε = 0.01, evaluated at the grid points as
       * published (the cosines are not periodic on the box). */
      for (guint i = 0; i < n; i++)
        for (guint j = 0; j < n; j++)
          {
            double x = j * self->dx, y = i * self->dx;
            double b = cos (0.13 * x) * cos (0.087 * y);
            c[(gsize) i * n + j] = 0.5 + 0.01 * (cos (0.105 * x) * cos (0.11 * y) + b * b
                                                  + cos (0.025 * x - 0.15 * y) * cos (0.07 * x - 0.02 * y));
          }
      return;
    }

  {
    guint32 seed[2] = { (guint32) self->params.seed, (guint32) (self->params.seed >> 32) };
    g_autoptr(GRand) rand = g_rand_new_with_seed_array (seed, 2);
    double c0 = sp_ch_params_c0 (&self->params), sum = 0.0, shift;

    for (gsize p = 0; p < self->n_real; p++)
      {
        c[p] = self->params.noise * (2.0 * g_rand_double (rand) - 1.0);
        sum += c[p];
      }
    /* Remove the noise's own mean so the run starts at exactly c0. */
    shift = c0 - sum / (double) self->n_real;
    for (gsize p = 0; p < self->n_real; p++)
      c[p] += shift;
  }
}

static void
make_plans (SpCh *self)
{
  const int dims[2] = { (int) self->n, (int) self->n };

  sp_fft_planner_lock (self->n, self->params.fft_threads);
  self->fwd = fftw_plan_dft_r2c_2d (dims[0], dims[1], self->nl, self->nlhat, FFTW_MEASURE);
  self->inv = fftw_plan_dft_c2r_2d (dims[0], dims[1], self->work, self->c[0], FFTW_MEASURE);
  if (!self->fe.constant_mobility)
    {
      /* The two gradient components (and the two fluxes) go through FFTW
       * as one batch of two, which is faster than two single calls. */
      self->inv2 = fftw_plan_many_dft_c2r (2, dims, 2, self->gradhat, NULL, 1, (int) self->n_cplx,
                                           self->grad, NULL, 1, (int) self->n_real, FFTW_MEASURE);
      self->fwd2 = fftw_plan_many_dft_r2c (2, dims, 2, self->grad, NULL, 1, (int) self->n_real,
                                           self->gradhat, NULL, 1, (int) self->n_cplx, FFTW_MEASURE);
    }
  sp_fft_planner_unlock ();
}

SpCh *
sp_ch_new (const SpChParams *params,
           GError          **error)
{
  SpCh *self;

  if (!sp_ch_params_validate (params, error))
    return NULL;

  self = g_new0 (SpCh, 1);
  self->params = *params;
  sp_ch_free_energy_init (&self->fe, params);
  self->n = params->n;
  self->nh = params->n / 2 + 1;
  self->n_real = (gsize) self->n * self->n;
  self->n_cplx = (gsize) self->n * self->nh;
  self->dx = params->length / params->n;

  self->k2y = g_new (double, self->n);
  self->kdy = g_new (double, self->n);
  self->k2x = g_new (double, self->nh);
  self->kdx = g_new (double, self->nh);
  setup_wavenumbers (self);

  for (guint b = 0; b < 2; b++)
    {
      self->c[b] = fftw_alloc_real (self->n_real);
      self->chat[b] = fftw_alloc_complex (self->n_cplx);
    }
  self->work = fftw_alloc_complex (self->n_cplx);
  self->nl = fftw_alloc_real (self->n_real);
  self->nlhat = fftw_alloc_complex (self->n_cplx);
  if (!self->fe.constant_mobility)
    {
      self->grad = fftw_alloc_real (2 * self->n_real);
      self->gradhat = fftw_alloc_complex (2 * self->n_cplx);
    }

  /* FFTW_MEASURE scribbles over the arrays: plan before filling them. */
  make_plans (self);
  sp_ch_reset (self, params->seed);
  return self;
}

void
sp_ch_free (SpCh *self)
{
  if (self == NULL)
    return;
  sp_fft_plan_destroy (self->fwd);
  sp_fft_plan_destroy (self->inv);
  sp_fft_plan_destroy (self->fwd2);
  sp_fft_plan_destroy (self->inv2);
  for (guint b = 0; b < 2; b++)
    {
      fftw_free (self->c[b]);
      fftw_free (self->chat[b]);
    }
  fftw_free (self->work);
  fftw_free (self->nl);
  fftw_free (self->nlhat);
  fftw_free (self->grad);
  fftw_free (self->gradhat);
  g_free (self->k2y);
  g_free (self->kdy);
  g_free (self->k2x);
  g_free (self->kdx);
  g_free (self);
}

gboolean
sp_ch_set_params (SpCh             *self,
                  const SpChParams *params,
                  GError          **error)
{
  const SpChParams *old = &self->params;
  gboolean was_constant = self->fe.constant_mobility;
  SpChFreeEnergy fe;

  if (!sp_ch_params_validate (params, error))
    return FALSE;

  sp_ch_free_energy_init (&fe, params);
  /* A different grid, or switching mobility model (which needs other
   * buffers and plans), means a new engine. */
  if (params->problem != old->problem || params->n != old->n ||
      params->length != old->length || params->fft_threads != old->fft_threads ||
      fe.constant_mobility != was_constant)
    {
      g_set_error (error, SP_CH_ERROR, SP_CH_ERROR_INVALID,
                   "the grid changed: make a new engine");
      return FALSE;
    }

  self->params = *params;
  self->fe = fe;
  /* The stiffness may have changed by orders of magnitude: restart the
   * step from the safe end and let the controller grow it again. */
  restart_step_size (self);
  prepare_state (self);
  return TRUE;
}

const SpChParams *
sp_ch_get_params (SpCh *self)
{
  return &self->params;
}

void
sp_ch_reset (SpCh    *self,
             guint64  seed)
{
  self->params.seed = seed;
  self->cur = 0;
  initial_field (self, self->c[0]);
  restart_clock (self);
  prepare_state (self);
}

void
sp_ch_set_field (SpCh         *self,
                 const double *field)
{
  self->cur = 0;
  memcpy (self->c[0], field, self->n_real * sizeof (double));
  restart_clock (self);
  prepare_state (self);
}

/* One accepted step no longer than @dt_cap. */
static gboolean
step_capped (SpCh    *self,
             double   dt_cap,
             double  *dt_used,
             GError **error)
{
  double dt = MIN (self->dt, dt_cap);
  gboolean capped = dt < self->dt;

  for (guint attempt = 0; attempt < MAX_ATTEMPTS; attempt++)
    {
      double limit, factor;
      Scan s;

      trial_step (self, dt);
      scan_field (self, self->c[1 - self->cur], self->c[self->cur], &s);

      limit = fmin (self->tolerance, fmax (RELATIVE_TOLERANCE * self->amplitude, 1e-12));
      if (s.valid && s.err <= limit)
        {
          self->cur = 1 - self->cur;
          self->time += dt;
          *dt_used = dt;
          self->steps++;
          self->amplitude = s.amplitude;
          explicit_terms (self, &s);

          /* First order: the change per step scales with dt. */
          factor = s.err > 0.0 ? fmin (MAX_GROWTH, 0.9 * limit / s.err) : MAX_GROWTH;
          if (!capped || factor < 1.0)
            self->dt = MIN (dt * factor, self->dt_cap);
          return TRUE;
        }

      self->rejected++;
      factor = s.valid ? fmax (0.1, fmin (0.5, 0.9 * limit / s.err)) : 0.25;
      dt *= factor;
      self->dt = dt;
      capped = FALSE;
      if (dt < DT_FLOOR_FRACTION * self->dt_start)
        break;
    }

  g_set_error (error, SP_CH_ERROR, SP_CH_ERROR_UNSTABLE,
               sp_ch_params_is_logarithmic (&self->params)
               ? "no time step keeps the composition inside (0, 1) at t = %g; "
                 "use a finer grid (smaller Δx) or a larger κ"
               : "no time step keeps the field bounded at t = %g",
               self->time);
  return FALSE;
}

gboolean
sp_ch_step (SpCh    *self,
            GError **error)
{
  double used;

  return step_capped (self, G_MAXDOUBLE, &used, error);
}

gboolean
sp_ch_advance_to (SpCh    *self,
                  double   t_end,
                  GError **error)
{
  while (self->time < t_end)
    {
      double remaining = t_end - self->time, used = 0.0;

      if (!step_capped (self, remaining, &used, error))
        return FALSE;
      /* A step of exactly the remaining time lands on t_end, not a
       * rounding error before it (which would cost one more tiny step). */
      if (used == remaining)
        self->time = t_end;
    }
  return TRUE;
}

guint
sp_ch_get_n (SpCh *self)
{
  return self->n;
}

double
sp_ch_get_length (SpCh *self)
{
  return self->params.length;
}

double
sp_ch_get_time (SpCh *self)
{
  return self->time;
}

double
sp_ch_get_dt (SpCh *self)
{
  return self->dt;
}

guint64
sp_ch_get_steps (SpCh *self)
{
  return self->steps;
}

guint64
sp_ch_get_rejected (SpCh *self)
{
  return self->rejected;
}

const double *
sp_ch_get_field (SpCh *self)
{
  return self->c[self->cur];
}

const double *
sp_ch_get_spectrum (SpCh *self)
{
  return &self->chat[self->cur][0][0];
}

guint
sp_ch_get_transforms_per_step (SpCh *self)
{
  return self->fe.constant_mobility ? 2 : 6;
}

double
sp_ch_time_transforms (SpCh  *self,
                       guint  reps)
{
  gsize batch = self->fe.constant_mobility ? 1 : 2;
  double *real = fftw_alloc_real (batch * self->n_real);
  fftw_complex *cplx = fftw_alloc_complex (batch * self->n_cplx);
  fftw_complex *cin = fftw_alloc_complex (batch * self->n_cplx);
  gint64 total = 0;

  /* Realistic data: the current field and its spectrum (c2r destroys its
   * input, so that is refilled outside the timed region). */
  for (gsize b = 0; b < batch; b++)
    memcpy (real + b * self->n_real, self->c[self->cur], self->n_real * sizeof (double));

  for (guint r = 0; r < reps; r++)
    {
      gint64 t0;

      for (gsize b = 0; b < batch; b++)
        memcpy (cin + b * self->n_cplx, self->chat[self->cur], self->n_cplx * sizeof (fftw_complex));
      memcpy (self->work, self->chat[self->cur], self->n_cplx * sizeof (fftw_complex));

      t0 = g_get_monotonic_time ();
      fftw_execute_dft_r2c (self->fwd, real, cplx);
      if (batch == 2)
        {
          fftw_execute_dft_c2r (self->inv2, cin, real);
          fftw_execute_dft_r2c (self->fwd2, real, cplx);
        }
      fftw_execute_dft_c2r (self->inv, self->work, self->c[1 - self->cur]);
      total += g_get_monotonic_time () - t0;
    }

  fftw_free (real);
  fftw_free (cplx);
  fftw_free (cin);
  return total * 1e-6 / MAX (reps, 1);
}
