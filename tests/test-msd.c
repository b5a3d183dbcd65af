/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-msd.c — the FFT MSD against the direct O(T²) sum, per direction and
 * collective; bad input; cancellation; the diffusive-window rule */

#include "config.h"

#include <math.h>
#include <string.h>

#include "sp-gsl.h"
#include "sp-msd.h"

/* A random walk of @n_ions over @n_frames, each ion offset far from the
 * origin (the FFT must not lose precision to large coordinates). */
static SpTrajectory *
make_walk (guint   n_ions,
           guint   n_frames,
           double  step,
           guint32 seed)
{
  SpTrajectory *t = sp_trajectory_new (n_ions, n_frames);
  g_autoptr (GRand) rand = g_rand_new_with_seed (seed);

  t->dt_ps = 0.25;
  for (guint i = 0; i < n_ions; i++)
    {
      double *r0 = sp_trajectory_position (t, 0, i);

      for (guint a = 0; a < 3; a++)
        r0[a] = g_rand_double_range (rand, -500.0, 500.0);
    }
  for (guint f = 1; f < n_frames; f++)
    for (guint i = 0; i < n_ions; i++)
      {
        double *r = sp_trajectory_position (t, f, i);
        const double *p = sp_trajectory_position (t, f - 1, i);

        for (guint a = 0; a < 3; a++)
          r[a] = p[a] + step * g_rand_double_range (rand, -1.0, 1.0);
      }
  return t;
}

/* The definition, summed directly over every origin. */
static void
direct_msd (const SpTrajectory *t,
            guint               k,
            double             *axis,
            double             *collective)
{
  guint T = t->n_frames, N = t->n_ions;

  for (guint a = 0; a < 3; a++)
    {
      double self = 0.0, coll = 0.0;

      for (guint t0 = 0; t0 + k < T; t0++)
        {
          double sum = 0.0;

          for (guint i = 0; i < N; i++)
            {
              double d = sp_trajectory_position (t, t0 + k, i)[a]
                         - sp_trajectory_position (t, t0, i)[a];

              self += d * d;
              sum += d;
            }
          coll += sum * sum;
        }
      axis[a] = self / ((double) (T - k) * N);
      collective[a] = coll / ((double) (T - k) * N);
    }
}

static void
assert_close (double got,
              double want,
              double scale)
{
  if (fabs (got - want) > 1e-10 * scale)
    g_error ("FFT %.17g against direct %.17g (scale %g)", got, want, scale);
}

static void
test_fft_equals_direct (void)
{
  g_autoptr (SpTrajectory) t = make_walk (4, 301, 0.7, 11);
  g_autoptr (SpMsd) msd = sp_msd_compute (t, 0, NULL, NULL);
  double scale;

  g_assert_nonnull (msd);
  g_assert_cmpuint (msd->n_lags, ==, 301);
  g_assert_cmpfloat (msd->lag_ps[4], ==, 1.0);
  /* Relative to the largest MSD: the last lags average over few origins
   * but must be as exact as the first. */
  scale = 1.0;
  for (guint k = 0; k < msd->n_lags; k++)
    scale = MAX (scale, MAX (msd->msd[k], msd->collective[k]));
  for (guint k = 0; k < msd->n_lags; k++)
    {
      double axis[3], coll[3];

      direct_msd (t, k, axis, coll);
      for (guint a = 0; a < 3; a++)
        {
          assert_close (msd->msd_axis[a][k], axis[a], scale);
          assert_close (msd->collective_axis[a][k], coll[a], scale);
        }
      assert_close (msd->msd[k], axis[0] + axis[1] + axis[2], scale);
      assert_close (msd->collective[k], coll[0] + coll[1] + coll[2], scale);
    }
  g_assert_cmpfloat (fabs (msd->msd[0]), <, 1e-9);
}

/* An odd frame count and a single ion: the collective MSD is the MSD. */
static void
test_single_ion_and_max_lag (void)
{
  g_autoptr (SpTrajectory) t = make_walk (1, 97, 1.3, 5);
  g_autoptr (SpMsd) msd = sp_msd_compute (t, 40, NULL, NULL);
  g_autoptr (SpMsd) all = sp_msd_compute (t, 1000, NULL, NULL);
  g_autoptr (SpMsd) copy = NULL;

  g_assert_nonnull (msd);
  g_assert_cmpuint (msd->n_lags, ==, 41);
  g_assert_cmpuint (all->n_lags, ==, 97);
  for (guint k = 0; k < 41; k++)
    {
      double axis[3], coll[3];

      direct_msd (t, k, axis, coll);
      assert_close (msd->msd[k], axis[0] + axis[1] + axis[2], 100.0);
      assert_close (msd->collective[k], msd->msd[k], 100.0);
      g_assert_cmpfloat (msd->msd[k], ==, all->msd[k]);
    }
  copy = sp_msd_copy (msd);
  g_assert_cmpmem (copy->msd, sizeof (double) * 41, msd->msd, sizeof (double) * 41);
  g_assert_cmpmem (copy->collective_axis[2], sizeof (double) * 41,
                   msd->collective_axis[2], sizeof (double) * 41);
}

/* Two ions moving in lock-step: the collective MSD is twice the tracer
 * MSD (N⟨Δr⟩² over N); in opposition it vanishes. */
static void
test_collective_correlation (void)
{
  g_autoptr (SpTrajectory) t = make_walk (2, 64, 1.0, 9);
  g_autoptr (SpMsd) msd = NULL;

  for (guint f = 0; f < 64; f++)
    {
      double *a = sp_trajectory_position (t, f, 0), *b = sp_trajectory_position (t, f, 1);

      for (guint x = 0; x < 3; x++)
        b[x] = 10.0 - a[x];
    }
  msd = sp_msd_compute (t, 0, NULL, NULL);
  for (guint k = 0; k < 64; k++)
    g_assert_cmpfloat (fabs (msd->collective[k]), <, 1e-9 * MAX (1.0, msd->msd[k]));

  for (guint f = 0; f < 64; f++)
    memcpy (sp_trajectory_position (t, f, 1), sp_trajectory_position (t, f, 0),
            3 * sizeof (double));
  g_clear_pointer (&msd, sp_msd_free);
  msd = sp_msd_compute (t, 0, NULL, NULL);
  for (guint k = 0; k < 64; k++)
    g_assert_cmpfloat (fabs (msd->collective[k] - 2.0 * msd->msd[k]), <,
                       1e-10 * MAX (1.0, msd->msd[k]));
}

static void
test_bad_input (void)
{
  g_autoptr (SpTrajectory) empty = sp_trajectory_new (0, 10);
  g_autoptr (SpTrajectory) one = sp_trajectory_new (2, 1);
  g_autoptr (SpTrajectory) t = make_walk (3, 20, 1.0, 1);
  g_autoptr (GError) error = NULL;

  g_assert_null (sp_msd_compute (empty, 0, NULL, &error));
  g_assert_nonnull (strstr (error->message, "no ions"));
  g_clear_error (&error);
  g_assert_null (sp_msd_compute (one, 0, NULL, &error));
  g_assert_nonnull (strstr (error->message, "at least 2 frames"));
  g_clear_error (&error);

  t->dt_ps = 0.0;
  g_assert_null (sp_msd_compute (t, 0, NULL, &error));
  g_assert_nonnull (strstr (error->message, "time between frames"));
  g_clear_error (&error);
  t->dt_ps = 1.0;
  sp_trajectory_position (t, 7, 2)[1] = NAN;
  g_assert_null (sp_msd_compute (t, 0, NULL, &error));
  g_assert_cmpstr (error->message, ==, "frame 8, ion 3: the position is not a finite number");
}

static void
count_progress (double   fraction,
                gpointer user_data)
{
  double *last = user_data;

  g_assert_cmpfloat (fraction, >=, *last);
  *last = fraction;
}

static void
test_cancel_and_progress (void)
{
  g_autoptr (SpTrajectory) t = make_walk (5, 50, 1.0, 2);
  g_autoptr (GCancellable) cancellable = g_cancellable_new ();
  g_autoptr (GError) error = NULL;
  g_autoptr (SpMsd) msd = NULL;
  double last = 0.0;

  msd = sp_msd_compute_full (t, 0, count_progress, &last, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpfloat (last, ==, 1.0);
  g_cancellable_cancel (cancellable);
  g_assert_null (sp_msd_compute (t, 0, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
}

/* An MSD replaced by a closed form: the Ornstein–Uhlenbeck (Langevin)
 * MSD 6D[t − τ(1 − e^{−t/τ})] is ballistic (slope 2) below τ and
 * diffusive above; the window must start well after τ and end at a
 * quarter of the run.  A sub-diffusive t^0.5 has no window. */
static void
test_suggest_window (void)
{
  g_autoptr (SpTrajectory) t = make_walk (1, 4001, 1.0, 3);
  g_autoptr (SpMsd) msd = sp_msd_compute (t, 0, NULL, NULL);
  double tau = 5.0, t0 = -1, t1 = -1;

  for (guint k = 0; k < msd->n_lags; k++)
    {
      double x = msd->lag_ps[k];

      msd->msd[k] = 6.0 * (x - tau * (1.0 - exp (-x / tau)));
    }
  g_assert_true (sp_msd_suggest_window (msd, &t0, &t1));
  /* |α − 1| ≤ 0.2 from about t = 3τ on (α(3τ) ≈ 1.2). */
  g_assert_cmpfloat (t0, >=, 2.0 * tau);
  g_assert_cmpfloat (t0, <=, 8.0 * tau);
  g_assert_cmpfloat (t1, <=, 1000.0 * msd->dt_ps);
  g_assert_cmpfloat (t1, >=, 700.0 * msd->dt_ps);
  g_assert_cmpfloat (fabs (sp_msd_loglog_slope (msd, 3000) - 1.0), <, 0.01);
  g_assert_cmpfloat (fabs (sp_msd_loglog_slope (msd, 1) - 2.0), <, 0.1);

  for (guint k = 0; k < msd->n_lags; k++)
    msd->msd[k] = sqrt (msd->lag_ps[k]);
  t0 = t1 = -1;
  g_assert_false (sp_msd_suggest_window (msd, &t0, &t1));
  g_assert_cmpfloat (t0, ==, -1);
  g_assert_cmpuint (sp_msd_lag_index (msd, 10.0), ==, 40);
  g_assert_cmpuint (sp_msd_lag_index (msd, 1e9), ==, 4000);
  g_assert_cmpuint (sp_msd_lag_index (msd, -3), ==, 0);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  sp_gsl_init ();
  g_test_add_func ("/msd/fft-equals-direct", test_fft_equals_direct);
  g_test_add_func ("/msd/single-ion-max-lag", test_single_ion_and_max_lag);
  g_test_add_func ("/msd/collective-correlation", test_collective_correlation);
  g_test_add_func ("/msd/bad-input", test_bad_input);
  g_test_add_func ("/msd/cancel-progress", test_cancel_and_progress);
  g_test_add_func ("/msd/suggest-window", test_suggest_window);
  return g_test_run ();
}
