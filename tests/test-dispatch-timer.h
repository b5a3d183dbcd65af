/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-dispatch-timer.h — the main thread's CPU time per source dispatch
 *
 * "The main thread never does more than X ms of work in one callback" is
 * a statement about single dispatches.  Timing a g_main_context_iteration()
 * does not measure it: one iteration dispatches every ready source of the
 * best priority, so under load (when the worker's frames, a finished job's
 * result and a batch of X events are all ready together) it sums several
 * callbacks and fails without any one of them being slow.
 *
 * So every dispatch of the default main context is timed on its own, in
 * the main thread's CPU time (the machine is shared: other processes do
 * not count):
 *   - idle and timeout sources (GTask results, g_main_context_invoke,
 *     GDK's frame clock, which does the layout and drawing) through GLib's
 *     exported g_idle_funcs / g_timeout_funcs, whose dispatch is replaced
 *     while the timer runs — no such source escapes, whenever and in
 *     whichever thread it is created;
 *   - every other source (the worker's frame hand-off, GDK's event source,
 *     …) by giving it a copy of its GSourceFuncs with a timed dispatch: the
 *     sources are found by id (ids are handed out in increasing order)
 *     before each iteration, so one created meanwhile is timed from the
 *     next iteration on (a source attached while the loop sleeps in poll()
 *     can slip through once; the long-lived ones are all covered).
 * The copies are never freed: a source keeps its copy until it is
 * finalized, which may be after the test.  Once the timer stops, the
 * copies only call through.
 *
 * Usage: dispatch_timer_start (); then drive the loop with
 * dispatch_timer_iteration () instead of g_main_context_iteration (NULL,
 * FALSE); dispatch_timer_stop (); read the DispatchTimer it returns.
 */

#pragma once

#include <string.h>
#include <time.h>

#include <glib.h>

typedef struct
{
  gint64 longest_us;          /* the longest single dispatch, CPU µs      */
  char   longest_name[96];    /* its source's name ("" when unnamed)     */
  gint64 longest_iteration_us;/* the longest iteration (several sources) */
  guint  n_dispatches;        /* dispatches timed                         */
  guint  n_wrapped;           /* sources given a timed copy of their funcs */
  gboolean saw_idle_or_timeout; /* at least one through g_idle/timeout_funcs */
  gboolean saw_wrapped;       /* at least one through a wrapped copy      */
} DispatchTimer;

typedef struct
{
  GSourceFuncs        funcs;    /* first: a GSource's source_funcs points here */
  const GSourceFuncs *original;
} DispatchTimerFuncs;

static DispatchTimer dispatch_timer;
static gboolean dispatch_timer_running;
static guint dispatch_timer_scanned_id;
static GHashTable *dispatch_timer_copies;   /* original funcs → DispatchTimerFuncs */
static GSourceFuncs dispatch_timer_idle_saved, dispatch_timer_timeout_saved;

static gint64
dispatch_timer_cpu_us (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &ts);
  return (gint64) ts.tv_sec * G_USEC_PER_SEC + ts.tv_nsec / 1000;
}

static gboolean
dispatch_timer_call (GSource     *source,
                     gboolean   (*dispatch) (GSource *, GSourceFunc, gpointer),
                     GSourceFunc  callback,
                     gpointer     user_data,
                     gboolean     wrapped)
{
  const char *name;
  gint64 start, spent;
  gboolean again;

  if (!dispatch_timer_running || !g_main_context_is_owner (g_main_context_default ()))
    return dispatch (source, callback, user_data);
  /* Read before the dispatch: the callback may destroy the source (GLib
   * keeps a reference until the dispatch returns, the name may go). */
  name = g_source_get_name (source);
  {
    char copy[sizeof dispatch_timer.longest_name];

    g_strlcpy (copy, name != NULL ? name : "", sizeof copy);
    start = dispatch_timer_cpu_us ();
    again = dispatch (source, callback, user_data);
    spent = dispatch_timer_cpu_us () - start;
    dispatch_timer.n_dispatches++;
    if (wrapped)
      dispatch_timer.saw_wrapped = TRUE;
    else
      dispatch_timer.saw_idle_or_timeout = TRUE;
    if (spent > dispatch_timer.longest_us)
      {
        dispatch_timer.longest_us = spent;
        g_strlcpy (dispatch_timer.longest_name, copy, sizeof dispatch_timer.longest_name);
      }
  }
  return again;
}

static gboolean
dispatch_timer_idle_dispatch (GSource     *source,
                              GSourceFunc  callback,
                              gpointer     user_data)
{
  return dispatch_timer_call (source, dispatch_timer_idle_saved.dispatch, callback, user_data,
                              FALSE);
}

static gboolean
dispatch_timer_timeout_dispatch (GSource     *source,
                                 GSourceFunc  callback,
                                 gpointer     user_data)
{
  return dispatch_timer_call (source, dispatch_timer_timeout_saved.dispatch, callback,
                              user_data, FALSE);
}

static gboolean
dispatch_timer_wrapped_dispatch (GSource     *source,
                                 GSourceFunc  callback,
                                 gpointer     user_data)
{
  const DispatchTimerFuncs *copy = (const DispatchTimerFuncs *) source->source_funcs;

  return dispatch_timer_call (source, copy->original->dispatch, callback, user_data, TRUE);
}

/* Gives every source attached since the last scan a timed copy of its
 * funcs (idle and timeout sources are timed already). */
static void
dispatch_timer_scan (void)
{
  GMainContext *context = g_main_context_default ();
  GSource *probe = g_idle_source_new ();
  guint last = g_source_attach (probe, context);

  g_source_destroy (probe);
  g_source_unref (probe);
  for (guint id = dispatch_timer_scanned_id + 1; id < last; id++)
    {
      GSource *source = g_main_context_find_source_by_id (context, id);
      DispatchTimerFuncs *copy;

      if (source == NULL || source->source_funcs == &g_idle_funcs ||
          source->source_funcs == &g_timeout_funcs || source->source_funcs->dispatch == NULL ||
          source->source_funcs->dispatch == dispatch_timer_wrapped_dispatch)
        continue;
      copy = g_hash_table_lookup (dispatch_timer_copies, source->source_funcs);
      if (copy == NULL)
        {
          copy = g_new0 (DispatchTimerFuncs, 1);
          copy->funcs = *source->source_funcs;
          copy->funcs.dispatch = dispatch_timer_wrapped_dispatch;
          copy->original = source->source_funcs;
          g_hash_table_insert (dispatch_timer_copies, (gpointer) copy->original, copy);
        }
      source->source_funcs = &copy->funcs;
      dispatch_timer.n_wrapped++;
    }
  dispatch_timer_scanned_id = MAX (dispatch_timer_scanned_id, last);
}

static void
dispatch_timer_start (void)
{
  g_assert_false (dispatch_timer_running);
  memset (&dispatch_timer, 0, sizeof dispatch_timer);
  if (dispatch_timer_copies == NULL)
    dispatch_timer_copies = g_hash_table_new (NULL, NULL);
  dispatch_timer_idle_saved = g_idle_funcs;
  dispatch_timer_timeout_saved = g_timeout_funcs;
  g_idle_funcs.dispatch = dispatch_timer_idle_dispatch;
  g_timeout_funcs.dispatch = dispatch_timer_timeout_dispatch;
  dispatch_timer_running = TRUE;
  dispatch_timer_scan ();
}

/* One non-blocking iteration of the default context, its dispatches timed. */
static void
dispatch_timer_iteration (void)
{
  gint64 start;

  g_assert_true (dispatch_timer_running);
  dispatch_timer_scan ();
  start = dispatch_timer_cpu_us ();
  g_main_context_iteration (NULL, FALSE);
  dispatch_timer.longest_iteration_us = MAX (dispatch_timer.longest_iteration_us,
                                             dispatch_timer_cpu_us () - start);
}

static const DispatchTimer *
dispatch_timer_stop (void)
{
  g_assert_true (dispatch_timer_running);
  dispatch_timer_running = FALSE;
  g_idle_funcs.dispatch = dispatch_timer_idle_saved.dispatch;
  g_timeout_funcs.dispatch = dispatch_timer_timeout_saved.dispatch;
  return &dispatch_timer;
}
