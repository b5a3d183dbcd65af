/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-worker.c — the simulation thread: commands, frames, errors, and a
 * stress run of rapid commands (also run under ThreadSanitizer) */

#include "config.h"

#include <math.h>
#include <string.h>

#include "sp-ch-box.h"
#include "sp-gsl.h"
#include "sp-worker.h"
#include "test-helpers.h"

/* Waits (polling, as a tick callback would) for a frame newer than @serial
 * that satisfies @pred. */
static SpFrame *
wait_frame (SpWorker *w,
            guint64   serial,
            gboolean (*pred) (const SpFrame *f, gpointer data),
            gpointer  data)
{
  gint64 deadline = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;

  while (g_get_monotonic_time () < deadline)
    {
      SpFrame *f = sp_worker_get_frame (w);

      if (f != NULL && f->serial > serial && (pred == NULL || pred (f, data)))
        return f;
      if (f != NULL)
        sp_frame_unref (f);
      g_usleep (200);
    }
  g_error ("no suitable frame within 30 s");
  return NULL;
}

static gboolean
is_state (const SpFrame *f,
          gpointer       data)
{
  return f->state == GPOINTER_TO_UINT (data);
}

static gboolean
is_n (const SpFrame *f,
      gpointer       data)
{
  return f->n == GPOINTER_TO_UINT (data);
}

static void
small_params (SpChParams *p,
              guint       n)
{
  sp_ch_params_init_default (p);
  p->n = n;
  p->length = 0.5 * n;
  p->model.c0 = 0.4;
}

static void
assert_finite_field (const SpFrame *f)
{
  for (gsize i = 0; i < (gsize) f->n * f->n; i++)
    g_assert_true (isfinite (f->field[i]));
}

static void
test_run_pause_step (void)
{
  SpChParams p;
  g_autoptr(SpWorker) w = NULL;
  g_autoptr(SpFrame) first = NULL;
  g_autoptr(SpFrame) running = NULL;
  g_autoptr(SpFrame) paused = NULL;
  g_autoptr(SpFrame) stepped = NULL;

  small_params (&p, 64);
  w = sp_worker_new (&p, NULL, NULL);
  first = wait_frame (w, 0, NULL, NULL);
  g_assert_cmpint (first->state, ==, SP_WORKER_PAUSED);
  g_assert_cmpuint (first->n, ==, 64);
  g_assert_cmpfloat (first->diag.time, ==, 0.0);
  sp_assert_close (first->diag.mean_c, 0.4, 1e-15, 0.0);

  sp_worker_set_steps_per_frame (w, 5);
  sp_worker_run (w);
  running = wait_frame (w, first->serial, is_state, GUINT_TO_POINTER (SP_WORKER_RUNNING));
  g_assert_cmpfloat (running->diag.time, >, 0.0);
  assert_finite_field (running);

  sp_worker_pause (w);
  paused = wait_frame (w, running->serial, is_state, GUINT_TO_POINTER (SP_WORKER_PAUSED));
  /* Nothing moves while paused. */
  g_usleep (20000);
  {
    g_autoptr(SpFrame) still = sp_worker_get_frame (w);
    g_assert_cmpuint (still->diag.steps, ==, paused->diag.steps);
  }

  sp_worker_step (w);
  stepped = wait_frame (w, paused->serial, NULL, NULL);
  g_assert_cmpuint (stepped->diag.steps, ==, paused->diag.steps + 1);
  g_assert_cmpint (stepped->state, ==, SP_WORKER_PAUSED);
  sp_assert_close (stepped->diag.mean_c, 0.4, 1e-14, 0.0);
}

static gboolean
is_finished (const SpFrame *f,
             gpointer       data)
{
  return f->drive.finished;
}

/* Frames carry the drive's state: c̄ rises at the set current, the voltage
 * is the solved one, and the run ends on its c̄ limit. */
static void
test_driven_frames (void)
{
  SpChParams p;
  g_autoptr(SpWorker) w = NULL;
  g_autoptr(SpFrame) first = NULL;
  g_autoptr(SpFrame) done = NULL;

  small_params (&p, 32);
  p.drive.mode = SP_DRIVE_GALVANOSTATIC;
  p.drive.c_rate = 100.0;
  p.drive.c_hi = 0.5;
  w = sp_worker_new (&p, NULL, NULL);
  first = wait_frame (w, 0, NULL, NULL);
  g_assert_cmpint (first->drive.mode, ==, SP_DRIVE_GALVANOSTATIC);
  g_assert_cmpint (first->drive.direction, ==, 1);
  sp_assert_close (first->drive.mean_c, 0.4, 1e-14, 0.0);
  g_assert_true (isfinite (first->drive.voltage_V));

  sp_worker_set_steps_per_frame (w, 20);
  sp_worker_run (w);
  done = wait_frame (w, first->serial, is_finished, NULL);
  sp_assert_close (done->drive.mean_c, 0.5, 1e-12, 0.0);
  sp_assert_close (done->diag.mean_c, 0.5, 1e-12, 0.0);
  sp_assert_close (done->drive.charge_passed, 0.1, 1e-10, 0.0);
  g_assert_cmpint (done->drive.direction, ==, 0);
  assert_finite_field (done);
}

/* The voltage trace the worker keeps for its reader: taken without ever
 * reading a frame, it covers the whole discharge (a point per step, kept
 * every 1e-3 of c̄: one step and the thinning apart at most, c̄ never
 * falling), ends on the c̄ limit, and a reset empties
 * the reader's trace before the new run's points. */
static void
test_trace (void)
{
  SpChParams p;
  g_autoptr(SpWorker) w = NULL;
  g_autoptr(SpFrame) first = NULL;
  g_autoptr(SpFrame) done = NULL;
  g_autoptr(SpFrame) again = NULL;
  g_autoptr(SpDriveTrace) trace = sp_drive_trace_new ();
  g_autoptr(SpDriveTrace) off = sp_drive_trace_new ();

  small_params (&p, 32);
  p.drive.mode = SP_DRIVE_GALVANOSTATIC;
  p.drive.c_rate = 100.0;
  p.drive.c_hi = 0.6;
  w = sp_worker_new (&p, NULL, NULL);
  /* Not recording: nothing to take. */
  first = wait_frame (w, 0, NULL, NULL);
  sp_worker_take_trace (w, off);
  g_assert_cmpuint (off->len, ==, 0);

  sp_worker_set_record_trace (w, TRUE);
  sp_worker_set_steps_per_frame (w, 1);
  sp_worker_run (w);
  done = wait_frame (w, first->serial, is_finished, NULL);
  sp_worker_pause (w);
  g_clear_pointer (&again, sp_frame_unref);
  again = wait_frame (w, done->serial, is_state, GUINT_TO_POINTER (SP_WORKER_PAUSED));
  sp_worker_take_trace (w, trace);
  g_assert_cmpuint (trace->len, >=, 100);
  for (guint i = 1; i < trace->len; i++)
    {
      g_assert_cmpfloat (trace->points[i].time, >, trace->points[i - 1].time);
      g_assert_cmpfloat (trace->points[i].mean_c, >=, trace->points[i - 1].mean_c - 1e-14);
      if (trace->points[i].direction == 1 && trace->points[i - 1].direction == 1)
        g_assert_cmpfloat (trace->points[i].mean_c - trace->points[i - 1].mean_c, <, 3e-3);
    }
  sp_assert_close (trace->points[trace->len - 1].mean_c, 0.6, 1e-12, 0.0);
  g_assert_cmpint (trace->points[trace->len - 1].direction, ==, 0);
  g_assert_cmpfloat (trace->points[trace->len - 1].time, ==, again->diag.time);

  /* A reset: the next take starts the reader's trace afresh. */
  sp_worker_reset (w, 77);
  g_clear_pointer (&first, sp_frame_unref);
  first = wait_frame (w, again->serial, NULL, NULL);
  sp_worker_take_trace (w, trace);
  g_assert_cmpuint (trace->len, >=, 1);
  g_assert_cmpfloat (trace->points[0].time, ==, 0.0);
  sp_assert_close (trace->points[0].mean_c, 0.4, 1e-14, 0.0);
}

/* A pause in the middle of a huge batch is honoured at the next step. */
static void
test_pause_latency (void)
{
  SpChParams p;
  g_autoptr(SpWorker) w = NULL;
  g_autoptr(SpFrame) first = NULL;
  g_autoptr(SpFrame) paused = NULL;
  gint64 t0, latency, free_latency;

  small_params (&p, 128);
  w = sp_worker_new (&p, NULL, NULL);
  first = wait_frame (w, 0, NULL, NULL);
  sp_worker_set_steps_per_frame (w, 1000000);
  sp_worker_run (w);
  g_usleep (100000);

  t0 = g_get_monotonic_time ();
  sp_worker_pause (w);
  paused = wait_frame (w, first->serial, is_state, GUINT_TO_POINTER (SP_WORKER_PAUSED));
  latency = g_get_monotonic_time () - t0;
  g_assert_cmpuint (paused->diag.steps, <, 1000000);
  g_assert_cmpuint (paused->diag.steps, >, 0);

  sp_worker_run (w);
  g_usleep (50000);
  t0 = g_get_monotonic_time ();
  g_clear_pointer (&w, sp_worker_free);
  free_latency = g_get_monotonic_time () - t0;
  g_test_message ("pause took %.1f ms, stop+join %.1f ms (128², site blocking)",
                  latency / 1000.0, free_latency / 1000.0);
}

static void
test_reset_and_params (void)
{
  SpChParams p, q;
  g_autoptr(SpWorker) w = NULL;
  g_autoptr(SpFrame) f0 = NULL;
  g_autoptr(SpFrame) f1 = NULL;
  g_autoptr(SpFrame) f2 = NULL;
  g_autoptr(SpFrame) f3 = NULL;
  g_autoptr(SpCh) ref = NULL;
  gsize bytes;

  small_params (&p, 64);
  w = sp_worker_new (&p, NULL, NULL);
  f0 = wait_frame (w, 0, NULL, NULL);
  sp_worker_set_steps_per_frame (w, 3);
  sp_worker_run (w);
  sp_worker_reset (w, 99);
  sp_worker_pause (w);
  f1 = wait_frame (w, f0->serial, is_state, GUINT_TO_POINTER (SP_WORKER_PAUSED));

  /* A single step, then a reset: the frame after it is t = 0 with seed
   * 99's field, bit for bit what a fresh engine makes. */
  {
    g_autoptr(SpFrame) latest = NULL;
    sp_worker_step (w);
    latest = wait_frame (w, f1->serial, NULL, NULL);
    g_assert_cmpuint (latest->params.seed, ==, 99);
    sp_worker_reset (w, 99);
    f2 = wait_frame (w, latest->serial, NULL, NULL);
  }
  g_assert_cmpfloat (f2->diag.time, ==, 0.0);
  p.seed = 99;
  ref = sp_ch_new (&p, NULL);
  bytes = (gsize) p.n * p.n * sizeof (double);
  g_assert_cmpmem (f2->field, bytes, sp_ch_get_field (ref), bytes);

  /* A model parameter keeps the field; a grid change restarts on a new one. */
  q = p;
  q.model.kappa = 120.0;
  sp_worker_set_params (w, &q);
  {
    g_autoptr(SpFrame) f = wait_frame (w, f2->serial, NULL, NULL);
    g_assert_cmpfloat (f->params.model.kappa, ==, 120.0);
    g_assert_cmpmem (f->field, bytes, f2->field, bytes);
  }
  q.n = 96;
  sp_worker_set_params (w, &q);
  f3 = wait_frame (w, 0, is_n, GUINT_TO_POINTER (96));
  g_assert_cmpuint (f3->n, ==, 96);
  g_assert_cmpfloat (f3->diag.time, ==, 0.0);
  g_assert_cmpuint (f3->params.seed, ==, 99);
}

/* A run that cannot continue stops at once with its reason, keeps the last
 * good field and the request to run, ignores run and step requests, and
 * resumes by itself as soon as it gets parameters the engine takes: both
 * for a step that fails (a tolerance no step can meet) and for parameters
 * the engine refuses. */
static void
test_error_stops_and_resumes (void)
{
  SpChParams p;
  g_autoptr(SpWorker) w = NULL;
  g_autoptr(SpFrame) failed = NULL;
  g_autoptr(SpFrame) refused = NULL;

  small_params (&p, 32);
  p.tolerance = 1e-300;
  w = sp_worker_new (&p, NULL, NULL);
  sp_worker_set_steps_per_frame (w, 10);
  sp_worker_run (w);
  failed = wait_frame (w, 0, is_state, GUINT_TO_POINTER (SP_WORKER_FAILED));
  g_assert_nonnull (failed->message);
  g_test_message ("error: %s", failed->message);
  g_assert_nonnull (strstr (failed->message, "tolerance"));
  assert_finite_field (failed);
  g_assert_cmpfloat (failed->field_min, >, 0.0);
  g_assert_cmpfloat (failed->field_max, <, 1.0);

  /* Step and run requests change nothing while it stays stopped (a step
   * request pauses, as always; the run request after it stands). */
  sp_worker_step (w);
  sp_worker_run (w);
  g_usleep (20000);
  {
    g_autoptr(SpFrame) f = sp_worker_get_frame (w);
    g_assert_cmpint (f->state, ==, SP_WORKER_FAILED);
    g_assert_cmpuint (f->diag.steps, ==, failed->diag.steps);
  }

  /* Runnable parameters: running again without being asked, from the
   * last good field (same grid: the engine keeps it). */
  small_params (&p, 32);
  sp_worker_set_params (w, &p);
  {
    g_autoptr(SpFrame) f = wait_frame (w, failed->serial, is_state,
                                       GUINT_TO_POINTER (SP_WORKER_RUNNING));
    g_autoptr(SpFrame) later = NULL;

    g_assert_null (f->message);
    later = wait_frame (w, f->serial, NULL, NULL);
    g_assert_cmpfloat (later->diag.time, >, failed->diag.time);
  }

  /* Parameters the engine refuses stop it the same way, naming them. */
  p.model.kappa = -1.0;
  sp_worker_set_params (w, &p);
  refused = wait_frame (w, 0, is_state, GUINT_TO_POINTER (SP_WORKER_FAILED));
  g_assert_nonnull (strstr (refused->message, "kappa"));
  p.model.kappa = 100.0;
  sp_worker_set_params (w, &p);
  {
    g_autoptr(SpFrame) f = wait_frame (w, refused->serial, is_state,
                                       GUINT_TO_POINTER (SP_WORKER_RUNNING));
    g_assert_null (f->message);
  }
}

/* SP_WORKER_FIT_BOX: a box the grid cannot resolve is made smaller, with a
 * note; a drag that keeps it resolved keeps it (no restart); asking for a
 * box that resolves uses it as asked, without a note. */
static void
test_fit_box (void)
{
  SpChParams p;
  g_autoptr(SpWorker) w = NULL;
  g_autoptr(SpFrame) fitted = NULL;
  g_autoptr(SpFrame) dragged = NULL;
  g_autoptr(SpFrame) plain = NULL;
  SpChBoxFit fit;

  sp_ch_params_init_default (&p);
  p.n = 32;
  p.model.omega = 400.0;
  p.length = 512.0;
  w = sp_worker_new_full (&p, SP_WORKER_FIT_BOX, NULL, NULL);
  sp_worker_run (w);
  fitted = wait_frame (w, 0, NULL, NULL);
  sp_ch_box_fit (&p.model, p.n, p.length, 0.0, &fit);
  g_assert_cmpfloat (fitted->length, ==, fit.length);
  g_assert_cmpfloat (fitted->params.length, ==, fit.length);
  g_assert_cmpfloat (fitted->length, <, 512.0);
  g_assert_cmpfloat (fitted->length / p.n, <=, fit.iface.dx_max);
  g_assert_nonnull (fitted->note);
  g_assert_nonnull (strstr (fitted->note, "interfaces"));

  /* A little more Ω: the interfaces narrow a little, the box stays and so
   * does the run (its time goes on). */
  p.model.omega = 410.0;
  sp_worker_set_params (w, &p);
  dragged = wait_frame (w, fitted->serial, NULL, NULL);
  while (dragged->params.model.omega != 410.0)
    {
      SpFrame *next = wait_frame (w, dragged->serial, NULL, NULL);

      sp_frame_unref (dragged);
      dragged = next;
    }
  g_assert_cmpfloat (dragged->length, ==, fitted->length);
  g_assert_cmpfloat (dragged->diag.time, >=, fitted->diag.time);

  /* A box that resolves: used as asked. */
  p.length = 0.25 * fitted->length;
  sp_worker_set_params (w, &p);
  plain = wait_frame (w, dragged->serial, NULL, NULL);
  while (plain->length != p.length)
    {
      SpFrame *next = wait_frame (w, plain->serial, NULL, NULL);

      sp_frame_unref (plain);
      plain = next;
    }
  g_assert_null (plain->note);
}

/* Polls the serial (without taking the frame) until it passes @serial. */
static guint64
wait_serial (SpWorker *w,
             guint64   serial)
{
  gint64 deadline = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;

  while (g_get_monotonic_time () < deadline)
    {
      guint64 now = sp_worker_get_serial (w);

      if (now > serial)
        return now;
      g_usleep (200);
    }
  g_error ("no frame after %" G_GUINT64_FORMAT " within 30 s", serial);
  return 0;
}

/* Frames at the reader's rate: a running worker does not replace a frame
 * nobody has taken, but keeps stepping; taking it brings the next frame,
 * with every step made meanwhile.  State changes and single steps are
 * published whether the last frame was taken or not. */
static void
test_frame_handoff (void)
{
  SpChParams p;
  g_autoptr(SpWorker) w = NULL;
  g_autoptr(SpFrame) first = NULL;
  g_autoptr(SpFrame) a = NULL;
  g_autoptr(SpFrame) b = NULL;
  guint64 serial, paused;

  small_params (&p, 32);
  w = sp_worker_new (&p, NULL, NULL);
  first = wait_frame (w, 0, NULL, NULL);
  sp_worker_set_steps_per_frame (w, 1);
  sp_worker_run (w);
  /* The run's first frame (a state change) comes untaken … */
  serial = wait_serial (w, first->serial);
  g_assert_cmpuint (serial, ==, first->serial + 1);
  /* … and stays the latest while nobody takes it, one step per batch or not. */
  g_usleep (150000);
  g_assert_cmpuint (sp_worker_get_serial (w), ==, serial);

  a = sp_worker_get_frame (w);
  g_assert_cmpuint (a->serial, ==, serial);
  g_assert_cmpint (a->state, ==, SP_WORKER_RUNNING);
  b = wait_frame (w, a->serial, NULL, NULL);
  g_assert_cmpuint (b->serial, ==, a->serial + 1);
  /* The worker stepped on while the frame waited (one step per batch). */
  g_test_message ("steps while the frame was untaken: %" G_GUINT64_FORMAT,
                  b->diag.steps - a->diag.steps);
  g_assert_cmpuint (b->diag.steps, >=, a->diag.steps + 2);

  /* Pausing publishes although b's successor may be untaken; so does a
   * single step after it, untaken or not. */
  sp_worker_pause (w);
  {
    g_autoptr(SpFrame) f = wait_frame (w, b->serial, is_state,
                                       GUINT_TO_POINTER (SP_WORKER_PAUSED));
    paused = f->serial;
  }
  sp_worker_step (w);
  serial = wait_serial (w, paused);
  sp_worker_step (w);
  wait_serial (w, serial);
}

static gint notified;

static void
on_frame (gpointer data)
{
  g_atomic_int_inc (&notified);
}

/* 1000 rapid start / parameter change / pause / stop cycles. */
static void
test_stress (void)
{
  for (guint cycle = 0; cycle < 1000; cycle++)
    {
      SpChParams p;
      SpWorker *w;

      small_params (&p, cycle % 10 == 0 ? 48 : 32);
      w = sp_worker_new (&p, on_frame, NULL);
      sp_worker_set_steps_per_frame (w, 1 + cycle % 7);
      sp_worker_run (w);
      p.model.kappa = 80.0 + cycle % 40;
      p.model.temperature = 290.0 + cycle % 20;
      sp_worker_set_params (w, &p);
      if (cycle % 3 == 0)
        sp_worker_reset (w, cycle);
      if (cycle % 5 == 0)
        {
          p.n = 40;
          sp_worker_set_params (w, &p);
        }
      if (cycle % 2 == 0)
        sp_worker_pause (w);
      if (cycle % 11 == 0)
        sp_worker_step (w);
      {
        SpFrame *f = sp_worker_get_frame (w);
        if (f != NULL)
          {
            g_assert_true (f->field == NULL || isfinite (f->field[0]));
            sp_frame_unref (f);
          }
      }
      sp_worker_free (w);
    }
  g_test_message ("%d frames published", g_atomic_int_get (&notified));
  g_assert_cmpint (g_atomic_int_get (&notified), >=, 1000);
}

int
main (int    argc,
      char **argv)
{
  sp_gsl_init ();
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/worker/run-pause-step", test_run_pause_step);
  g_test_add_func ("/worker/pause-latency", test_pause_latency);
  g_test_add_func ("/worker/reset-and-params", test_reset_and_params);
  g_test_add_func ("/worker/error-stops-and-resumes", test_error_stops_and_resumes);
  g_test_add_func ("/worker/fit-box", test_fit_box);
  g_test_add_func ("/worker/frame-handoff", test_frame_handoff);
  g_test_add_func ("/worker/stress", test_stress);
  g_test_add_func ("/worker/driven-frames", test_driven_frames);
  g_test_add_func ("/worker/trace", test_trace);

  return g_test_run ();
}
