/* test-simulation.c — SpSimulation without a display: frames reach the
 * main context through one woken source, at most at the display rate,
 * and not at all while paused with nothing new; the controls reach the
 * worker; failure, message and note are in step with the frame
 *
 * Each test runs the simulation on a main context of its own, so every
 * dispatch counted is the simulation's.  The suite runs again under
 * ThreadSanitizer (suite 'threads').
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include "sp-gsl.h"
#include "sp-simulation.h"

/* The display rate the simulation takes frames at, at most. */
#define FRAMES_PER_SECOND 60

typedef struct
{
  GMainContext *context;
  SpParams     *params;
  SpSimulation *simulation;
  GString      *notified;    /* "failed message note frame …", in order */
  guint         n_frames;    /* notify::frame */
} Fixture;

static void
record_notify (GObject    *object,
               GParamSpec *pspec,
               Fixture    *f)
{
  g_string_append_printf (f->notified, "%s ", pspec->name);
  if (strcmp (pspec->name, "frame") == 0)
    f->n_frames++;
}

/* A 64² run (fast under ThreadSanitizer) on a context of the test's own. */
static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->context = g_main_context_new ();
  g_main_context_push_thread_default (f->context);
  f->params = sp_params_new ();
  g_object_set (f->params, "grid-size", 64u, NULL);
  f->simulation = sp_simulation_new (f->params);
  f->notified = g_string_new (NULL);
  g_signal_connect (f->simulation, "notify", G_CALLBACK (record_notify), f);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->simulation);
  g_clear_object (&f->params);
  /* Nothing of the simulation's is left to dispatch. */
  g_assert_false (g_main_context_iteration (f->context, FALSE));
  g_main_context_pop_thread_default (f->context);
  g_main_context_unref (f->context);
  g_string_free (f->notified, TRUE);
}

/* Iterates the test's context until the simulation shows a frame with
 * serial > @serial, or fails after @seconds. */
static SpFrame *
wait_for_frame (Fixture *f,
                guint64  serial,
                double   seconds)
{
  gint64 deadline = g_get_monotonic_time () + (gint64) (seconds * G_USEC_PER_SEC);

  for (;;)
    {
      SpFrame *frame = sp_simulation_get_frame (f->simulation);

      if (frame != NULL && frame->serial > serial)
        return frame;
      if (g_get_monotonic_time () > deadline)
        g_error ("no frame after serial %" G_GUINT64_FORMAT " within %g s", serial, seconds);
      if (!g_main_context_iteration (f->context, FALSE))
        g_usleep (1000);
    }
}

/* How many sources the test's context dispatched in @seconds. */
static guint
count_dispatches (Fixture *f,
                  double   seconds)
{
  gint64 until = g_get_monotonic_time () + (gint64) (seconds * G_USEC_PER_SEC);
  guint n = 0;

  while (g_get_monotonic_time () < until)
    if (g_main_context_iteration (f->context, FALSE))
      n++;
    else
      g_usleep (500);
  return n;
}

/* Iterates until the worker has published nothing for a while (the frame
 * of a pause may still be on its way when the pause is asked). */
static void
settle (Fixture *f)
{
  while (count_dispatches (f, 0.3) > 0)
    ;
}

static void
test_runs (Fixture       *f,
           gconstpointer  data)
{
  SpFrame *first, *later;
  const SpChHistory *history;
  g_autoptr(SpFrame) property_frame = NULL;

  g_assert_false (sp_simulation_get_running (f->simulation));
  g_assert_true (sp_simulation_get_params (f->simulation) == f->params);
  g_assert_null (sp_simulation_get_frame (f->simulation));

  /* The initial frame comes while paused: t = 0. */
  first = wait_for_frame (f, 0, 20.0);
  g_assert_cmpuint (first->n, ==, 64);
  g_assert_cmpfloat (first->diag.time, ==, 0.0);
  g_assert_cmpuint (first->diag.steps, ==, 0);

  sp_simulation_set_running (f->simulation, TRUE);
  g_assert_true (sp_simulation_get_running (f->simulation));
  g_assert_nonnull (strstr (f->notified->str, "running"));
  later = first;
  while (later->diag.steps < 20)
    later = wait_for_frame (f, later->serial, 20.0);
  g_assert_cmpfloat (later->diag.time, >, 0.0);
  /* Mass is conserved by the engine: the mean is c₀. */
  g_assert_cmpfloat_with_epsilon (later->diag.mean_c, 0.5, 1e-9);

  /* One history row per frame taken, the last one the frame on show. */
  history = sp_simulation_get_history (f->simulation);
  g_assert_cmpuint (history->len, ==, f->n_frames);
  g_assert_cmpuint (history->len, >=, 2);
  g_assert_cmpfloat (history->time[history->len - 1], ==, later->diag.time);

  /* The property hands out a reference to that very frame. */
  g_object_get (f->simulation, "frame", &property_frame, NULL);
  g_assert_true (property_frame == later);
  g_assert_false (sp_simulation_get_failed (f->simulation));
  g_assert_cmpstr (sp_simulation_get_message (f->simulation), ==, "");
}

/* Paused, nothing is published and nothing on the main context wakes:
 * not one dispatch in a second (a tick callback would run 60 times). */
static void
test_paused_is_silent (Fixture       *f,
                       gconstpointer  data)
{
  SpFrame *frame;
  guint64 serial;

  wait_for_frame (f, 0, 20.0);
  settle (f);
  serial = sp_simulation_get_frame (f->simulation)->serial;
  g_assert_cmpuint (count_dispatches (f, 1.0), ==, 0);
  g_assert_cmpuint (sp_simulation_get_frame (f->simulation)->serial, ==, serial);

  /* Running, frames come; paused again, silence again. */
  sp_simulation_set_running (f->simulation, TRUE);
  frame = wait_for_frame (f, serial, 20.0);
  frame = wait_for_frame (f, frame->serial, 20.0);
  sp_simulation_set_running (f->simulation, FALSE);
  settle (f);
  serial = sp_simulation_get_frame (f->simulation)->serial;
  g_assert_cmpuint (count_dispatches (f, 1.0), ==, 0);
  g_assert_cmpuint (sp_simulation_get_frame (f->simulation)->serial, ==, serial);
  g_assert_cmpint (sp_simulation_get_frame (f->simulation)->state, ==, SP_WORKER_PAUSED);
}

/* Running, the worker could publish thousands of 64² frames a second;
 * the simulation takes at most one per display frame (1/60 s apart, so
 * at most 61 in any second), and the history grows only by those. */
static void
test_display_rate (Fixture       *f,
                   gconstpointer  data)
{
  guint frames_before, len_before;
  gint64 t0, t1;

  /* One time step per frame: as many frames as the worker can make. */
  g_object_set (f->params, "steps-per-frame", 1u, NULL);
  sp_simulation_set_running (f->simulation, TRUE);
  wait_for_frame (f, 0, 20.0);

  frames_before = f->n_frames;
  len_before = sp_simulation_get_history (f->simulation)->len;
  t0 = g_get_monotonic_time ();
  count_dispatches (f, 1.0);
  t1 = g_get_monotonic_time ();
  g_test_message ("%u frames taken in %.3f s", f->n_frames - frames_before,
                  (t1 - t0) / (double) G_USEC_PER_SEC);
  g_assert_cmpuint (f->n_frames - frames_before, >, 0);
  g_assert_cmpuint (f->n_frames - frames_before, <=,
                    1 + (guint) ((t1 - t0) * FRAMES_PER_SECOND / G_USEC_PER_SEC) + 1);
  g_assert_cmpuint (sp_simulation_get_history (f->simulation)->len - len_before, ==,
                    f->n_frames - frames_before);
}

/* A step while paused: its one frame arrives with no tick to fetch it. */
static void
test_step (Fixture       *f,
           gconstpointer  data)
{
  SpFrame *frame;
  guint64 steps;
  double t;

  frame = wait_for_frame (f, 0, 20.0);
  settle (f);
  frame = sp_simulation_get_frame (f->simulation);
  steps = frame->diag.steps;
  t = frame->diag.time;

  sp_simulation_step (f->simulation);
  g_assert_false (sp_simulation_get_running (f->simulation));
  frame = wait_for_frame (f, frame->serial, 20.0);
  g_assert_cmpuint (frame->diag.steps, ==, steps + 1);
  g_assert_cmpfloat (frame->diag.time, >, t);

  /* Stepping a running simulation pauses it first. */
  sp_simulation_set_running (f->simulation, TRUE);
  sp_simulation_step (f->simulation);
  g_assert_false (sp_simulation_get_running (f->simulation));
}

/* The parameters reach the worker: a new c₀ and grid restart the run with
 * that mean; a restart draws a new seed and runs. */
static void
test_params_and_restart (Fixture       *f,
                         gconstpointer  data)
{
  SpFrame *frame = wait_for_frame (f, 0, 20.0);
  guint64 seed, new_seed;

  g_object_set (f->params, "c0", 0.4, "grid-size", 128u, NULL);
  do
    frame = wait_for_frame (f, frame->serial, 20.0);
  while (frame->n != 128 || fabs (frame->diag.mean_c - 0.4) > 1e-9);
  g_assert_cmpfloat (frame->params.model.c0, ==, 0.4);
  g_assert_false (sp_simulation_get_running (f->simulation));

  seed = sp_params_get_seed (f->params);
  sp_simulation_restart (f->simulation);
  new_seed = sp_params_get_seed (f->params);
  g_assert_cmpuint (new_seed, !=, seed);
  g_assert_true (sp_simulation_get_running (f->simulation));
  do
    frame = wait_for_frame (f, frame->serial, 20.0);
  while (frame->params.seed != new_seed);
  g_assert_cmpint (frame->state, ==, SP_WORKER_RUNNING);
}

/* A box the grid cannot resolve is fitted, and the note says so before
 * the frame is announced. */
static void
test_note (Fixture       *f,
           gconstpointer  data)
{
  SpFrame *frame = wait_for_frame (f, 0, 20.0);

  g_object_set (f->params, "domain-length", 1024.0, NULL);
  do
    frame = wait_for_frame (f, frame->serial, 20.0);
  while (frame->note == NULL);
  g_assert_cmpfloat (frame->length, <, 1024.0);
  g_assert_cmpstr (sp_simulation_get_note (f->simulation), ==, frame->note);
  g_assert_nonnull (strstr (f->notified->str, "note frame "));

  g_object_set (f->params, "domain-length", 32.0, NULL);
  do
    frame = wait_for_frame (f, frame->serial, 20.0);
  while (frame->note != NULL);
  g_assert_cmpstr (sp_simulation_get_note (f->simulation), ==, "");
}

/* A run that cannot go on (a step tolerance no step meets) is failed with
 * the engine's reason, announced before its frame; the request to run
 * stays; runnable values clear it. */
static void
test_failure (Fixture       *f,
              gconstpointer  data)
{
  SpFrame *frame = wait_for_frame (f, 0, 20.0);
  g_autofree char *message = NULL;
  gboolean failed;

  sp_simulation_set_running (f->simulation, TRUE);
  g_object_set (f->params, "tolerance", 1e-300, NULL);
  do
    frame = wait_for_frame (f, frame->serial, 60.0);
  while (frame->state != SP_WORKER_FAILED);
  g_assert_true (sp_simulation_get_failed (f->simulation));
  g_assert_nonnull (frame->message);
  g_assert_cmpstr (sp_simulation_get_message (f->simulation), ==, frame->message);
  g_assert_true (sp_simulation_get_running (f->simulation));
  g_assert_nonnull (strstr (f->notified->str, "failed message frame "));
  g_object_get (f->simulation, "failed", &failed, "message", &message, NULL);
  g_assert_true (failed);
  g_assert_cmpstr (message, ==, frame->message);

  g_object_set (f->params, "tolerance", 0.0, NULL);
  do
    frame = wait_for_frame (f, frame->serial, 60.0);
  while (frame->state == SP_WORKER_FAILED || frame->params.tolerance != 0.0);
  g_assert_false (sp_simulation_get_failed (f->simulation));
  g_assert_cmpstr (sp_simulation_get_message (f->simulation), ==, "");
}

/* Dropped while the worker runs and a wake-up is pending: the thread is
 * joined, the source goes with it, and the context has nothing left to
 * dispatch (the tear-down checks). */
static void
test_dispose_running (Fixture       *f,
                      gconstpointer  data)
{
  SpFrame *frame;

  sp_simulation_set_running (f->simulation, TRUE);
  frame = wait_for_frame (f, 0, 20.0);
  frame = wait_for_frame (f, frame->serial, 20.0);
  /* Let the worker publish and wake the source without taking it. */
  g_usleep (50000);
  g_clear_object (&f->simulation);
}

int
main (int   argc,
      char *argv[])
{
  sp_gsl_init ();
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/simulation/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("runs", test_runs);
  ADD ("paused-is-silent", test_paused_is_silent);
  ADD ("display-rate", test_display_rate);
  ADD ("step", test_step);
  ADD ("params-and-restart", test_params_and_restart);
  ADD ("note", test_note);
  ADD ("failure", test_failure);
  ADD ("dispose-running", test_dispose_running);
#undef ADD

  return g_test_run ();
}
