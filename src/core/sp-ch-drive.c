/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sp-ch-drive.c — the driven engine's state: legs, voltage, cut-offs, c̄
 *
 * See sp-ch-drive.h for the scheme and sp-drive.h for the physics and the
 * sign conventions.  The legs follow what MPET's galvanostatic and CC
 * cycling runs do (a constant current until a voltage cut-off or a
 * capacity limit ends the segment), with the capacity limit expressed as
 * c̄ limits: the c̄ limit is landed on exactly (the last step of a leg is
 * shortened to reach it), the voltage cut-off is checked at every state.
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include "sp-ch-private.h"
#include "sp-fft-wisdom.h"

/* The largest change of c̄ per step, so that a trace V(c̄) has at least a
 * thousand points over 0 → 1 whatever the step controller would allow. */
#define DC_STEP_MAX 1e-3
/* c̄ within this of a limit has reached it (the landing step's rounding). */
#define LIMIT_EPS   1e-12
/* A potentiostatic current below this (1/s, a millionth of 1C) is rest. */
#define RATE_AT_REST (1e-6 / 3600.0)

static void
free_buffers (SpChDrive *d)
{
  sp_fft_plan_destroy (d->inv_lap);
  sp_fft_plan_destroy (d->fwd_r);
  d->inv_lap = d->fwd_r = NULL;
  g_clear_pointer (&d->lap, fftw_free);
  g_clear_pointer (&d->nl_real, fftw_free);
  g_clear_pointer (&d->r, fftw_free);
  g_clear_pointer (&d->lap_hat, fftw_free);
  g_clear_pointer (&d->rhat, fftw_free);
  g_clear_pointer (&d->rhat_prev, fftw_free);
  g_clear_pointer (&d->row_sums, g_free);
  d->n_alloc = 0;
}

/* The buffers and the two plans a driven step adds, made the first time a
 * drive is switched on (a closed run never pays for them). */
static void
ensure_buffers (SpCh *self)
{
  SpChDrive *d = &self->drive;
  const int n = (int) self->n;

  if (d->n_alloc == self->n)
    return;
  free_buffers (d);
  d->lap = fftw_alloc_real (self->n_real);
  d->nl_real = fftw_alloc_real (self->n_real);
  d->r = fftw_alloc_real (self->n_real);
  d->lap_hat = fftw_alloc_complex (self->n_cplx);
  d->rhat = fftw_alloc_complex (self->n_cplx);
  d->rhat_prev = fftw_alloc_complex (self->n_cplx);
  d->row_sums = g_new0 (double, 3 * (gsize) self->n);
  sp_fft_planner_lock (self->n, self->threads);
  d->inv_lap = fftw_plan_dft_c2r_2d (n, n, d->lap_hat, d->lap, FFTW_MEASURE);
  d->fwd_r = fftw_plan_dft_r2c_2d (n, n, d->r, d->rhat, FFTW_MEASURE);
  sp_fft_planner_unlock ();
  memset (d->rhat_prev, 0, self->n_cplx * sizeof (fftw_complex));
  d->n_alloc = self->n;
}

static void
start_leg (SpCh *self)
{
  SpChDrive *d = &self->drive;
  const SpDriveParams *p = &self->params.drive;

  d->broken = FALSE;
  d->stab0 = d->stab2 = 0.0;
  switch (p->mode)
    {
    case SP_DRIVE_GALVANOSTATIC:
    case SP_DRIVE_CYCLE:
      d->current_set = sp_drive_current_of_c_rate (p->c_rate) * (d->phase == 1 ? -1.0 : 1.0);
      d->direction = d->current_set > 0.0 ? 1 : -1;
      d->active = TRUE;
      break;
    case SP_DRIVE_POTENTIOSTATIC:
      d->current_set = 0.0;
      d->direction = 0;
      d->active = TRUE;
      break;
    case SP_DRIVE_CLOSED:
    default:
      d->current_set = 0.0;
      d->direction = 0;
      d->active = FALSE;
      break;
    }
}

static void
end_leg (SpCh *self)
{
  SpChDrive *d = &self->drive;

  if (self->params.drive.mode == SP_DRIVE_CYCLE && d->phase == 0)
    {
      d->phase = 1;
      start_leg (self);
      return;
    }
  d->active = FALSE;
  d->finished = TRUE;
  d->direction = 0;
  d->current_set = 0.0;
  d->stab0 = d->stab2 = 0.0;
}

void
sp_ch_drive_init (SpCh *self)
{
  if (self->params.drive.mode != SP_DRIVE_CLOSED)
    ensure_buffers (self);
}

void
sp_ch_drive_free (SpCh *self)
{
  free_buffers (&self->drive);
}

void
sp_ch_drive_restart (SpCh *self)
{
  SpChDrive *d = &self->drive;

  d->charge = 0.0;
  d->current = 0.0;
  d->trial_current = 0.0;
  d->rate_mean = 0.0;
  d->finished = FALSE;
  d->phase = 0;
  start_leg (self);
}

void
sp_ch_drive_params_changed (SpCh                *self,
                            const SpDriveParams *old)
{
  const SpDriveParams *p = &self->params.drive;

  if (p->mode != SP_DRIVE_CLOSED)
    ensure_buffers (self);
  /* A changed drive starts its legs again (a finished run resumes);
   * anything else (Ω, T, …) leaves the drive where it is. */
  if (p->mode != old->mode || p->c_rate != old->c_rate || p->voltage_V != old->voltage_V ||
      p->k0 != old->k0 || p->alpha != old->alpha || p->v_lo != old->v_lo ||
      p->v_hi != old->v_hi || p->c_lo != old->c_lo || p->c_hi != old->c_hi)
    {
      self->drive.finished = FALSE;
      self->drive.phase = 0;
      self->drive.current = 0.0;
      start_leg (self);
    }
}

gboolean
sp_ch_drive_explicit (SpCh *self)
{
  SpChDrive *d = &self->drive;
  const SpDriveParams *p = &self->params.drive;
  const double n_real = (double) self->n_real, kt = self->fe.kt, v0 = self->params.model.v0;
  double sum_a, sum_b, sum_mu, sum_r, bounds[4], s_p, s_q, mean_c, y = 0.0;
  double voltage = p->voltage_V;
  gboolean ended = FALSE;

  if (!d->active)
    return FALSE;

  sp_ch_drive_kernel_laplacian (self);
  sp_ch_drive_kernel_exponents (self, &sum_a, &sum_b, &sum_mu, bounds);
  d->mean_mu = sum_mu / n_real;
  mean_c = self->chat[self->cur][0][0] / n_real;

  while (d->active)
    {
      if (p->mode == SP_DRIVE_POTENTIOSTATIC)
        {
          y = 1000.0 * (p->voltage_V - v0) / kt;
          voltage = p->voltage_V;
          break;
        }
      /* A leg that has reached its c̄ limit ends before another step. */
      if ((d->current_set > 0.0 && mean_c >= p->c_hi - LIMIT_EPS) ||
          (d->current_set < 0.0 && mean_c <= p->c_lo + LIMIT_EPS))
        {
          end_leg (self);
          ended = TRUE;
          continue;
        }
      /* ⟨R⟩(y) = k₀ (e^{−αy} ΣP₀ − e^{(1−α)y} ΣQ₀)/n² = current. */
      if (!sp_drive_solve_exponent (log (p->k0) + log (sum_a) - log (n_real),
                                    log (p->k0) + log (sum_b) - log (n_real),
                                    p->alpha, d->current_set, &y))
        {
          d->broken = TRUE;
          return ended;
        }
      voltage = v0 + kt * y / 1000.0;
      /* Insertion lowers V: its cut-off is v_lo; extraction's is v_hi. */
      if ((d->current_set > 0.0 && voltage <= p->v_lo) ||
          (d->current_set < 0.0 && voltage >= p->v_hi))
        {
          end_leg (self);
          ended = TRUE;
          continue;
        }
      break;
    }
  if (!d->active)
    return ended;

  d->y = y;
  d->voltage = voltage;
  s_p = exp (-p->alpha * y);
  s_q = exp ((1.0 - p->alpha) * y);
  if (!sp_ch_drive_kernel_rates (self, s_p, s_q, &sum_r))
    {
      d->broken = TRUE;
      return ended;
    }
  d->rate_mean = sum_r / n_real;
  /* The bounds of the exponents pass (sp-ch-drive-kernels.c); σ₀ ≥ 0. */
  d->stab0 = fmax (p->k0 * (s_p * bounds[2] + s_q * bounds[3]), 0.0);
  d->stab2 = self->fe.kappa * p->k0 * (s_p * bounds[0] + s_q * bounds[1]) / kt;
  if (!(isfinite (d->stab0) && isfinite (d->stab2)))
    {
      d->broken = TRUE;
      return ended;
    }
  if (p->mode == SP_DRIVE_POTENTIOSTATIC)
    /* At rest within round-off: no direction (a sign of 10⁻²⁰ is noise). */
    d->direction = d->rate_mean > RATE_AT_REST ? 1 : d->rate_mean < -RATE_AT_REST ? -1 : 0;
  return ended;
}

void
sp_ch_drive_accept (SpCh   *self,
                    double  dt)
{
  SpChDrive *d = &self->drive;
  fftw_complex *t;

  self->mean = self->chat[self->cur][0][0] / (double) self->n_real;
  if (!d->active)
    {
      d->current = 0.0;
      return;
    }
  d->current = d->trial_current;
  d->charge += d->current * dt;
  t = d->rhat_prev;
  d->rhat_prev = d->rhat;
  d->rhat = t;
}

double
sp_ch_drive_dt_cap (SpCh *self)
{
  SpChDrive *d = &self->drive;
  const SpDriveParams *p = &self->params.drive;
  double rate, cap = G_MAXDOUBLE;

  if (!d->active)
    return cap;
  rate = p->mode == SP_DRIVE_POTENTIOSTATIC ? d->rate_mean : d->current_set;
  if (fabs (rate) > 0.0)
    cap = DC_STEP_MAX / fabs (rate);
  if (p->mode != SP_DRIVE_POTENTIOSTATIC)
    {
      double mean_c = self->chat[self->cur][0][0] / (double) self->n_real;
      double distance = d->current_set > 0.0 ? p->c_hi - mean_c : mean_c - p->c_lo;

      /* Land on the limit rather than step over it. */
      if (distance > 0.0)
        cap = MIN (cap, distance / fabs (d->current_set));
    }
  return cap;
}

double
sp_ch_drive_largest_rate (SpCh   *self,
                          double  k2_max)
{
  return self->drive.active ? self->drive.stab0 + self->drive.stab2 * k2_max : 0.0;
}

/* ⟨μ⟩ of the field at open circuit: ⟨g'(c)⟩, the gradient term averaging
 * to zero on the periodic box. */
static double
open_circuit_mean_mu (SpCh *self)
{
  const double *c = self->c[self->cur];
  double sum = 0.0;

  for (gsize p = 0; p < self->n_real; p++)
    sum += self->fe.kt * log (c[p] / (1.0 - c[p])) + sp_ch_poly (self->fe.mu_rest, 1.0 - 2.0 * c[p]);
  return sum / (double) self->n_real;
}

void
sp_ch_get_drive_state (SpCh         *self,
                       SpDriveState *state)
{
  SpChDrive *d = &self->drive;
  gboolean material = self->params.problem == SP_CH_PROBLEM_MODEL;

  *state = (SpDriveState) {
    .mode = self->params.drive.mode,
    .mean_c = self->chat[self->cur][0][0] / (double) self->n_real,
    .current = d->current,
    .charge_passed = d->charge,
    .direction = d->direction,
    .finished = d->finished,
  };
  if (d->active)
    {
      state->voltage_V = d->voltage;
      state->overpotential_V = d->voltage - (self->params.model.v0 - d->mean_mu / 1000.0);
    }
  else
    {
      /* At rest: the open-circuit voltage of the field (PFHub has none). */
      state->voltage_V = material ? self->params.model.v0 - open_circuit_mean_mu (self) / 1000.0 : NAN;
      state->overpotential_V = 0.0;
    }
}

double
sp_ch_get_mean_c (SpCh *self)
{
  return self->chat[self->cur][0][0] / (double) self->n_real;
}

double
sp_ch_get_voltage (SpCh *self)
{
  SpDriveState s;

  sp_ch_get_drive_state (self, &s);
  return s.voltage_V;
}

double
sp_ch_get_current (SpCh *self)
{
  return self->drive.current;
}

double
sp_ch_get_charge_passed (SpCh *self)
{
  return self->drive.charge;
}

int
sp_ch_get_drive_direction (SpCh *self)
{
  return self->drive.direction;
}

gboolean
sp_ch_get_drive_finished (SpCh *self)
{
  return self->drive.finished;
}

double
sp_ch_get_mean_overpotential (SpCh *self)
{
  return self->drive.active
         ? self->drive.voltage - (self->params.model.v0 - self->drive.mean_mu / 1000.0) : 0.0;
}
