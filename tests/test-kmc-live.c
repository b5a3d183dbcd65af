/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-kmc-live.c — the live lattice Monte Carlo run without a display:
 * frames reach the main context, their window and paths agree with each
 * other, parameters change while running (in place or on a new lattice),
 * the speed limit holds, pause and reset, and disposing a running object
 * joins its thread */

#include "config.h"

#include <math.h>
#include <string.h>

#include "sp-gsl.h"
#include "sp-kmc-live.h"

#define TIMEOUT_US (20 * G_USEC_PER_SEC)

typedef gboolean (*FramePredicate) (const SpKmcLiveFrame *frame,
                                    gpointer              data);

/* Runs the main context until the newest frame satisfies @pred; fails the
 * test after TIMEOUT_US. */
static SpKmcLiveFrame *
wait_for (SpKmcLive      *live,
          FramePredicate  pred,
          gpointer        data)
{
  gint64 end = g_get_monotonic_time () + TIMEOUT_US;

  for (;;)
    {
      SpKmcLiveFrame *frame = sp_kmc_live_get_frame (live);

      if (frame != NULL && pred (frame, data))
        return frame;
      g_assert_cmpint (g_get_monotonic_time (), <, end);
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
}

static gboolean
any_frame (const SpKmcLiveFrame *frame,
           gpointer              data)
{
  return TRUE;
}

static gboolean
window_of (const SpKmcLiveFrame *frame,
           gpointer              data)
{
  return frame->running && frame->window != NULL &&
         frame->window->n_frames >= GPOINTER_TO_UINT (data);
}

static gboolean
temperature_is (const SpKmcLiveFrame *frame,
                gpointer              data)
{
  return frame->params.temperature_k == *(const double *) data && frame->window != NULL;
}

static gboolean
size_is (const SpKmcLiveFrame *frame,
         gpointer              data)
{
  return frame->size == GPOINTER_TO_UINT (data);
}

static gboolean
paused (const SpKmcLiveFrame *frame,
        gpointer              data)
{
  return !frame->running;
}

static gboolean
layer_is (const SpKmcLiveFrame *frame,
          gpointer              data)
{
  return frame->layer_z == GPOINTER_TO_UINT (data);
}

static gboolean
hops_below (const SpKmcLiveFrame *frame,
            gpointer              data)
{
  return frame->hops < *(const guint64 *) data;
}

static SpKmcParams
params_16 (double c)
{
  SpKmcParams p;

  sp_kmc_params_init_default (&p);
  p.size = 16;
  p.carrier_fraction = c;
  p.seed = 3;
  return p;
}

/* The window, the collective series and the paths tell one story. */
static void
check_frame (const SpKmcLiveFrame *f)
{
  const SpTrajectory *t = f->window;
  double a = f->params.spacing_angstrom;
  guint carriers_in_layer = 0;

  g_assert_cmpuint (f->size, ==, f->params.size);
  for (guint s = 0; s < f->size * f->size; s++)
    {
      g_assert_cmpuint (f->layer[s], <=, SP_KMC_SITE_BLOCKED);
      carriers_in_layer += f->layer[s] == SP_KMC_SITE_CARRIER;
    }
  g_assert_cmpuint (carriers_in_layer, <=, f->n_carriers);
  g_assert_cmpuint (f->n_tracers, ==, MIN (SP_KMC_LIVE_TRACERS, f->n_carriers));
  g_assert_cmpuint (f->path_points, >=, 1);
  g_assert_cmpuint (f->path_points, <=, SP_KMC_LIVE_PATH_POINTS);
  for (gsize v = 0; v < (gsize) f->n_tracers * f->path_points * 3; v++)
    g_assert_cmpfloat (fabs (f->paths[v] / a - round (f->paths[v] / a)), <, 1e-9);

  if (t == NULL)
    return;
  g_assert_cmpuint (t->n_frames, <=, SP_KMC_LIVE_WINDOW_SAMPLES);
  g_assert_cmpuint (t->n_ions, ==, MIN (f->n_carriers, SP_KMC_LIVE_WINDOW_IONS));
  g_assert_true (f->window_is_subset == (f->n_carriers > SP_KMC_LIVE_WINDOW_IONS));
  g_assert_cmpfloat_with_epsilon (t->dt_ps, f->sample_dt_s * 1e12, 1e-9 * t->dt_ps);
  g_assert_cmpfloat (t->cell[0], ==, f->size * a);
  g_assert_cmpfloat (t->temperature_k, ==, f->params.temperature_k);
  /* The collective series starts at 0; with every carrier in the window
   * it is the sum of their displacements, sample by sample. */
  for (guint k = 0; k < 3; k++)
    g_assert_cmpfloat (f->collective[k], ==, 0.0);
  if (!f->window_is_subset)
    for (guint s = 0; s < t->n_frames; s++)
      for (guint k = 0; k < 3; k++)
        {
          double sum = 0.0;

          for (guint i = 0; i < t->n_ions; i++)
            sum += sp_trajectory_position (t, s, i)[k] - sp_trajectory_position (t, 0, i)[k];
          g_assert_cmpfloat (fabs (f->collective[s * 3 + k] - sum), <, 1e-6);
        }
}

static void
test_frames_and_changes (void)
{
  SpKmcParams p = params_16 (0.2);
  g_autoptr(GError) error = NULL;
  g_autoptr(SpKmcLive) live = sp_kmc_live_new (&p, &error);
  SpKmcLiveFrame *f;
  guint64 serial, hops, window_serial;
  double sample_dt, hot = 450.0;

  g_assert_no_error (error);
  g_assert_nonnull (live);
  g_assert_false (sp_kmc_live_get_running (live));

  /* The first frame: t = 0, paused. */
  f = wait_for (live, any_frame, NULL);
  g_assert_false (f->running);
  g_assert_cmpfloat (f->time_s, ==, 0.0);
  g_assert_cmpuint (f->hops, ==, 0);
  g_assert_cmpuint (f->n_carriers, ==, 819);
  g_assert_cmpuint (f->n_open_sites, ==, 4096);
  g_assert_true (f->percolates);
  g_assert_cmpuint (f->percolating_axes, ==, 7);
  g_assert_null (f->message);
  check_frame (f);

  /* Running: samples fill the window. */
  sp_kmc_live_set_running (live, TRUE);
  g_assert_true (sp_kmc_live_get_running (live));
  f = wait_for (live, window_of, GUINT_TO_POINTER (20));
  g_assert_cmpuint (f->hops, >, 0);
  g_assert_cmpfloat (f->time_s, >, 0.0);
  g_assert_cmpfloat (f->total_rate_hz, >, 0.0);
  check_frame (f);
  serial = f->serial;
  hops = f->hops;
  window_serial = f->window_serial;
  sample_dt = f->sample_dt_s;

  /* Hotter, same lattice: the run goes on (hops keep counting), a new
   * window with samples closer in time. */
  p.temperature_k = hot;
  g_assert_true (sp_kmc_live_set_params (live, &p, &error));
  g_assert_no_error (error);
  f = wait_for (live, temperature_is, &hot);
  g_assert_cmpuint (f->serial, >, serial);
  g_assert_cmpuint (f->hops, >=, hops);
  g_assert_cmpuint (f->window_serial, >, window_serial);
  g_assert_cmpfloat (f->sample_dt_s, <, sample_dt / 5.0);
  check_frame (f);
  g_assert_cmpfloat (sp_kmc_live_get_params (live)->temperature_k, ==, hot);

  /* A bad value: refused, nothing changes. */
  p.carrier_fraction = 2.0;
  g_assert_false (sp_kmc_live_set_params (live, &p, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
  g_clear_error (&error);
  g_assert_cmpfloat (sp_kmc_live_get_params (live)->carrier_fraction, ==, 0.2);

  /* A new size: a new lattice at t = 0. */
  p.carrier_fraction = 0.2;
  p.size = 10;
  g_assert_true (sp_kmc_live_set_params (live, &p, &error));
  f = wait_for (live, size_is, GUINT_TO_POINTER (10));
  g_assert_cmpuint (f->n_carriers, ==, 200);
  check_frame (f);
  f = wait_for (live, window_of, GUINT_TO_POINTER (5));
  check_frame (f);

  /* The layer shown, clamped to the lattice. */
  sp_kmc_live_set_layer (live, 3);
  f = wait_for (live, layer_is, GUINT_TO_POINTER (3));
  check_frame (f);
  sp_kmc_live_set_layer (live, 100);
  f = wait_for (live, layer_is, GUINT_TO_POINTER (9));

  /* Pause: the hops stop. */
  sp_kmc_live_set_running (live, FALSE);
  f = wait_for (live, paused, NULL);
  hops = f->hops;
  g_assert_cmpfloat (f->hops_per_s, ==, 0.0);
  for (guint i = 0; i < 50; i++)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
  g_assert_cmpuint (sp_kmc_live_get_frame (live)->hops, ==, hops);

  /* Reset: the same parameters from t = 0. */
  sp_kmc_live_reset (live);
  f = wait_for (live, hops_below, &hops);
  g_assert_cmpuint (f->hops, ==, 0);
  g_assert_cmpfloat (f->time_s, ==, 0.0);

  /* Disposed while running: the thread is joined. */
  sp_kmc_live_set_running (live, TRUE);
  f = wait_for (live, window_of, GUINT_TO_POINTER (3));
  {
    SpKmcLiveFrame *kept = sp_kmc_live_frame_ref (f);

    g_clear_object (&live);
    /* A frame outlives its object. */
    check_frame (kept);
    sp_kmc_live_frame_unref (kept);
  }
}

/* More carriers than the window holds: a subset, and the collective
 * series over all of them. */
static void
test_subset_window (void)
{
  SpKmcParams p = params_16 (0.6);
  g_autoptr(GError) error = NULL;
  g_autoptr(SpKmcLive) live = sp_kmc_live_new (&p, &error);
  SpKmcLiveFrame *f;
  double total2 = 0.0;

  g_assert_no_error (error);
  sp_kmc_live_set_running (live, TRUE);
  f = wait_for (live, window_of, GUINT_TO_POINTER (30));
  g_assert_cmpuint (f->n_carriers, ==, 2458);
  g_assert_true (f->window_is_subset);
  g_assert_cmpuint (f->window->n_ions, ==, SP_KMC_LIVE_WINDOW_IONS);
  check_frame (f);
  /* The carriers moved, so the summed displacement did too. */
  for (guint s = 0; s < f->window->n_frames; s++)
    for (guint k = 0; k < 3; k++)
      total2 += f->collective[s * 3 + k] * f->collective[s * 3 + k];
  g_assert_cmpfloat (total2, >, 0.0);
}

/* A speed limit of 200 hops/s holds (with a little slack for the last
 * slice). */
static void
test_speed_limit (void)
{
  SpKmcParams p = params_16 (0.1);
  g_autoptr(GError) error = NULL;
  g_autoptr(SpKmcLive) live = sp_kmc_live_new (&p, &error);
  SpKmcLiveFrame *f;
  gint64 start, end;
  guint64 hops0;

  g_assert_no_error (error);
  sp_kmc_live_set_speed (live, 200.0);
  f = wait_for (live, any_frame, NULL);
  hops0 = f->hops;
  start = g_get_monotonic_time ();
  sp_kmc_live_set_running (live, TRUE);
  end = start + G_USEC_PER_SEC / 2;
  while (g_get_monotonic_time () < end)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
  sp_kmc_live_set_running (live, FALSE);
  f = wait_for (live, paused, NULL);
  g_test_message ("%" G_GUINT64_FORMAT " hops in about 0.5 s at 200 hops/s",
                  f->hops - hops0);
  g_assert_cmpuint (f->hops - hops0, >, 0);
  g_assert_cmpuint (f->hops - hops0, <=,
                    (guint64) (200.0 * (g_get_monotonic_time () - start) * 1e-6) + 2);
}

static void
test_bad_params (void)
{
  SpKmcParams p = params_16 (0.1);
  g_autoptr(GError) error = NULL;

  p.temperature_k = -1.0;
  g_assert_null (sp_kmc_live_new (&p, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
  g_assert_nonnull (strstr (error->message, "temperature"));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  sp_gsl_init ();
  g_test_add_func ("/kmc-live/frames-and-changes", test_frames_and_changes);
  g_test_add_func ("/kmc-live/subset-window", test_subset_window);
  g_test_add_func ("/kmc-live/speed-limit", test_speed_limit);
  g_test_add_func ("/kmc-live/bad-params", test_bad_params);
  return g_test_run ();
}
