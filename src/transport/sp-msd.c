/* sp-msd.c — mean-squared displacement over every time origin by FFT
 * (see the header for the algorithm)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>
#include <string.h>
#include <fftw3.h>
#include <glib/gi18n.h>

#include "sp-fft-size.h"
#include "sp-fft-wisdom.h"
#include "sp-msd-private.h"

/* One series' worth of scratch: the zero-padded signal, its spectrum and
 * the prefix and suffix sums of x².  Planning costs more than a transform
 * of a few thousand points, so a work area serves many series of one
 * length (the blocks of block averaging, the VACF). */
struct _SpMsdWork
{
  guint          n_frames;
  guint          padded;
  double        *signal;
  fftw_complex  *spectrum;
  double        *prefix;
  double        *suffix;
  fftw_plan      forward;
  fftw_plan      backward;
};

void
sp_msd_work_free (SpMsdWork *work)
{
  if (work == NULL)
    return;
  sp_fft_plan_destroy (work->forward);
  sp_fft_plan_destroy (work->backward);
  fftw_free (work->signal);
  fftw_free (work->spectrum);
  g_free (work->prefix);
  g_free (work->suffix);
  g_free (work);
}

SpMsdWork *
sp_msd_work_new (guint    n_frames,
                 GError **error)
{
  SpMsdWork *work;

  g_return_val_if_fail (n_frames >= 1, NULL);
  if (n_frames > SP_FFT_GOOD_SIZE_MAX / 2)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE,
                   _("%u frames are too many for one transform"), n_frames);
      return NULL;
    }
  work = g_new0 (SpMsdWork, 1);
  work->n_frames = n_frames;
  /* A linear (not circular) correlation needs ≥ 2T − 1 points. */
  work->padded = sp_fft_good_size (2 * n_frames);
  work->signal = fftw_malloc (sizeof (double) * work->padded);
  work->spectrum = fftw_malloc (sizeof (fftw_complex) * (work->padded / 2 + 1));
  work->prefix = g_try_new (double, (gsize) n_frames + 1);
  work->suffix = g_try_new (double, (gsize) n_frames + 1);
  if (work->signal == NULL || work->spectrum == NULL
      || work->prefix == NULL || work->suffix == NULL)
    {
      sp_msd_work_free (work);
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE,
                   _("not enough memory for the MSD transform of %u frames"), n_frames);
      return NULL;
    }
  sp_fft_planner_lock (work->padded, 1);
  work->forward = fftw_plan_dft_r2c_1d ((int) work->padded, work->signal,
                                        work->spectrum, FFTW_ESTIMATE);
  work->backward = fftw_plan_dft_c2r_1d ((int) work->padded, work->spectrum,
                                         work->signal, FFTW_ESTIMATE);
  sp_fft_planner_unlock ();
  return work;
}

guint
sp_msd_work_n_frames (const SpMsdWork *work)
{
  return work->n_frames;
}

double *
sp_msd_work_signal (SpMsdWork *work)
{
  return work->signal;
}

/* padded × Σ_{t < T−k} x(t) x(t+k) into the signal's first T values. */
static void
msd_work_correlate (SpMsdWork *work)
{
  memset (work->signal + work->n_frames, 0,
          sizeof (double) * (work->padded - work->n_frames));
  fftw_execute (work->forward);
  for (guint j = 0; j < work->padded / 2 + 1; j++)
    {
      double re = work->spectrum[j][0], im = work->spectrum[j][1];

      work->spectrum[j][0] = re * re + im * im;
      work->spectrum[j][1] = 0.0;
    }
  fftw_execute (work->backward);
}

void
sp_msd_work_autocorrelate (SpMsdWork *work,
                           guint      n_lags,
                           double     scale,
                           double    *out)
{
  guint T = work->n_frames;

  msd_work_correlate (work);
  for (guint k = 0; k < n_lags && k < T; k++)
    out[k] += scale * work->signal[k] / work->padded / (T - k);
}

/* Adds @scale × MSD(k) of the series already in work->signal[0 … T−1]
 * (mean removed by the caller) to @out[k], k < @n_lags. */
static void
msd_work_accumulate (SpMsdWork *work,
                     guint    n_lags,
                     double   scale,
                     double  *out)
{
  guint T = work->n_frames;
  double *x = work->signal;
  double norm = 1.0 / work->padded;

  /* Prefix sums Σ_{s < t} x(s)² and suffix sums Σ_{s ≥ t} x(s)², each
   * accumulated from its own end: neither subtracts partial sums, so the
   * long lags (few origins) keep full precision. */
  work->prefix[0] = 0.0;
  for (guint t = 0; t < T; t++)
    work->prefix[t + 1] = work->prefix[t] + x[t] * x[t];
  work->suffix[T] = 0.0;
  for (guint t = T; t-- > 0;)
    work->suffix[t] = work->suffix[t + 1] + x[t] * x[t];

  msd_work_correlate (work);
  /* x[k] is now padded × Σ_{t < T−k} x(t) x(t+k). */
  for (guint k = 0; k < n_lags && k < T; k++)
    {
      double origins = T - k;
      double s1 = (work->prefix[T - k] + work->suffix[k]) / origins;
      double s2 = x[k] * norm / origins;

      out[k] += scale * (s1 - 2.0 * s2);
    }
}

SpMsd *
sp_msd_compute (const SpTrajectory *trajectory,
                guint               max_lag,
                GCancellable       *cancellable,
                GError            **error)
{
  return sp_msd_compute_full (trajectory, max_lag, NULL, NULL, cancellable, error);
}

static SpMsd *
msd_new (guint n_lags)
{
  SpMsd *msd = g_new0 (SpMsd, 1);

  msd->n_lags = n_lags;
  msd->lag_ps = g_new0 (double, n_lags);
  msd->msd = g_new0 (double, n_lags);
  msd->collective = g_new0 (double, n_lags);
  for (guint a = 0; a < 3; a++)
    {
      msd->msd_axis[a] = g_new0 (double, n_lags);
      msd->collective_axis[a] = g_new0 (double, n_lags);
    }
  return msd;
}

static gboolean
msd_check (const SpTrajectory *trajectory,
           GError            **error)
{
  gsize n_values;

  if (trajectory->n_ions == 0)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("the trajectory holds no ions of the chosen species"));
      return FALSE;
    }
  if (trajectory->n_frames < 2)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("an MSD needs at least 2 frames, the trajectory has %u"),
                   trajectory->n_frames);
      return FALSE;
    }
  if (!(trajectory->dt_ps > 0.0) || !isfinite (trajectory->dt_ps))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("the time between frames must be positive, not %g ps"),
                   trajectory->dt_ps);
      return FALSE;
    }
  n_values = (gsize) trajectory->n_frames * trajectory->n_ions * 3;
  for (gsize v = 0; v < n_values; v++)
    if (!isfinite (trajectory->positions[v]))
      {
        guint frame = (guint) (v / ((gsize) trajectory->n_ions * 3));
        guint ion = (guint) ((v / 3) % trajectory->n_ions);

        g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                     _("frame %u, ion %u: the position is not a finite number"),
                     frame + 1, ion + 1);
        return FALSE;
      }
  return TRUE;
}

SpMsd *
sp_msd_compute_full (const SpTrajectory *trajectory,
                     guint               max_lag,
                     SpMsdProgressFunc   progress,
                     gpointer            user_data,
                     GCancellable       *cancellable,
                     GError            **error)
{
  SpMsdWork *work;
  SpMsd *msd;

  g_return_val_if_fail (trajectory != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!msd_check (trajectory, error))
    return NULL;
  work = sp_msd_work_new (trajectory->n_frames, error);
  if (work == NULL)
    return NULL;
  msd = sp_msd_compute_with (work, trajectory, max_lag, progress, user_data, cancellable,
                             error);
  sp_msd_work_free (work);
  return msd;
}

SpMsd *
sp_msd_compute_with (SpMsdWork          *work,
                     const SpTrajectory *trajectory,
                     guint               max_lag,
                     SpMsdProgressFunc   progress,
                     gpointer            user_data,
                     GCancellable       *cancellable,
                     GError            **error)
{
  g_autoptr (SpMsd) msd = NULL;
  g_autofree double *series = NULL;
  guint T, N, n_lags;

  g_return_val_if_fail (work->n_frames == trajectory->n_frames, NULL);
  T = trajectory->n_frames;
  N = trajectory->n_ions;
  n_lags = (max_lag == 0 || max_lag > T - 1) ? T : max_lag + 1;

  series = g_try_new (double, (gsize) T * 3);
  if (series == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE,
                   _("not enough memory for the MSD transform of %u frames"), T);
      return NULL;
    }
  msd = msd_new (n_lags);
  msd->n_ions = N;
  msd->n_frames = T;
  msd->dt_ps = trajectory->dt_ps;
  for (guint k = 0; k < n_lags; k++)
    msd->lag_ps[k] = k * trajectory->dt_ps;

  /* Pass 0 (k = N) is the collective series R(t) = Σᵢ (rᵢ(t) − r̄ᵢ). */
  for (guint ion = 0; ion <= N; ion++)
    {
      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return NULL;
      if (ion < N)
        {
          /* One pass over the frames gathers x, y and z of this ion. */
          for (guint t = 0; t < T; t++)
            {
              const double *r = sp_trajectory_position (trajectory, t, ion);

              series[t] = r[0];
              series[T + t] = r[1];
              series[2 * (gsize) T + t] = r[2];
            }
        }
      else
        {
          memset (series, 0, sizeof (double) * 3 * T);
          for (guint t = 0; t < T; t++)
            for (guint i = 0; i < N; i++)
              {
                const double *r = sp_trajectory_position (trajectory, t, i);

                series[t] += r[0];
                series[T + t] += r[1];
                series[2 * (gsize) T + t] += r[2];
              }
        }
      for (guint a = 0; a < 3; a++)
        {
          const double *x = series + (gsize) a * T;
          double mean = 0.0;

          for (guint t = 0; t < T; t++)
            mean += x[t];
          mean /= T;
          for (guint t = 0; t < T; t++)
            work->signal[t] = x[t] - mean;
          msd_work_accumulate (work, n_lags, 1.0 / N,
                               ion < N ? msd->msd_axis[a] : msd->collective_axis[a]);
        }
      if (progress != NULL)
        progress ((ion + 1.0) / (N + 1.0), user_data);
    }
  for (guint k = 0; k < n_lags; k++)
    {
      msd->msd[k] = msd->msd_axis[0][k] + msd->msd_axis[1][k] + msd->msd_axis[2][k];
      msd->collective[k] = msd->collective_axis[0][k] + msd->collective_axis[1][k]
                           + msd->collective_axis[2][k];
    }
  return g_steal_pointer (&msd);
}

SpMsd *
sp_msd_copy (const SpMsd *msd)
{
  SpMsd *copy;
  gsize bytes;

  g_return_val_if_fail (msd != NULL, NULL);
  copy = msd_new (msd->n_lags);
  copy->n_ions = msd->n_ions;
  copy->n_frames = msd->n_frames;
  copy->dt_ps = msd->dt_ps;
  bytes = sizeof (double) * msd->n_lags;
  memcpy (copy->lag_ps, msd->lag_ps, bytes);
  memcpy (copy->msd, msd->msd, bytes);
  memcpy (copy->collective, msd->collective, bytes);
  for (guint a = 0; a < 3; a++)
    {
      memcpy (copy->msd_axis[a], msd->msd_axis[a], bytes);
      memcpy (copy->collective_axis[a], msd->collective_axis[a], bytes);
    }
  return copy;
}

void
sp_msd_free (SpMsd *msd)
{
  if (msd == NULL)
    return;
  g_free (msd->lag_ps);
  g_free (msd->msd);
  g_free (msd->collective);
  for (guint a = 0; a < 3; a++)
    {
      g_free (msd->msd_axis[a]);
      g_free (msd->collective_axis[a]);
    }
  g_free (msd);
}

guint
sp_msd_lag_index (const SpMsd *msd,
                  double       t_ps)
{
  double k;

  g_return_val_if_fail (msd != NULL && msd->n_lags > 0, 0);
  if (!(t_ps > 0.0))
    return 0;
  k = round (t_ps / msd->dt_ps);
  return k >= msd->n_lags - 1 ? msd->n_lags - 1 : (guint) k;
}

double
sp_msd_loglog_slope (const SpMsd *msd,
                     guint        k)
{
  guint k1, k2;

  g_return_val_if_fail (msd != NULL, NAN);
  if (k == 0 || k >= msd->n_lags)
    return NAN;
  k1 = MAX (1, (guint) lround (k / G_SQRT2));
  k2 = (guint) lround (k * G_SQRT2);
  if (k2 <= k1)
    k2 = k1 + 1;
  if (k2 >= msd->n_lags)
    k2 = msd->n_lags - 1;
  if (k2 <= k1 || !(msd->msd[k1] > 0.0) || !(msd->msd[k2] > 0.0))
    return NAN;
  return log (msd->msd[k2] / msd->msd[k1]) / log ((double) k2 / k1);
}

gboolean
sp_msd_suggest_window (const SpMsd *msd,
                       double      *t0_ps,
                       double      *t1_ps)
{
  guint k_max, best_first = 0, best_last = 0, run_first = 0;
  double best_span = 0.0;
  gboolean in_run = FALSE;
  guint previous = 0;

  g_return_val_if_fail (msd != NULL, FALSE);
  if (msd->n_lags < 3)
    return FALSE;
  k_max = MIN (msd->n_lags - 1, (msd->n_frames - 1) / 4);

  for (guint j = 0;; j++)
    {
      guint k = (guint) lround (pow (2.0, j / 4.0));
      double alpha;
      gboolean ok;

      if (k > k_max)
        break;
      if (k == previous)
        continue;
      alpha = sp_msd_loglog_slope (msd, k);
      ok = isfinite (alpha) && fabs (alpha - 1.0) <= 0.2;
      if (ok && !in_run)
        {
          in_run = TRUE;
          run_first = k;
        }
      if (ok)
        {
          double span = log ((double) k / run_first);

          if (k >= 2 * run_first && k >= run_first + 2 && span > best_span)
            {
              best_span = span;
              best_first = run_first;
              best_last = k;
            }
        }
      else
        in_run = FALSE;
      previous = k;
    }
  if (best_last == 0)
    return FALSE;
  if (t0_ps != NULL)
    *t0_ps = best_first * msd->dt_ps;
  if (t1_ps != NULL)
    *t1_ps = best_last * msd->dt_ps;
  return TRUE;
}
