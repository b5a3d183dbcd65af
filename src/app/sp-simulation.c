/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sp-simulation.c — the live Cahn–Hilliard run, as an object to observe
 *
 * How frames get from the worker thread to the main thread.  The choice
 * was between a tick callback added only while running and an idle the
 * worker posts when a frame is new (Sysprof's one pending idle); this is
 * the latter.  A tick callback needs a widget, and "only while running"
 * is not enough: a single step, a new parameter or a reset publish frames
 * while paused, and nothing on the main thread knows when they land.
 *
 * So the worker posts.  Its notify callback (worker thread, after each
 * published frame) wakes a GSource of ours with g_source_set_ready_time
 * (source, 0), the way GLib's own GCancellable source is woken from
 * whichever thread cancels, unless a wake-up is already pending (an
 * atomic flag in the source, cleared by the main thread just before it
 * takes the newest frame).  Compared with g_idle_add() from the worker:
 *   - the source is made, attached and destroyed on the main thread alone,
 *     and the worker is joined before it goes, so no idle can outlive the
 *     object or race its dispose;
 *   - the worker touches only that source, never this GObject;
 *   - no source is added or removed per frame.
 * Paused with nothing new, nothing is published and the source never
 * wakes: no callback at all, let alone one at the display rate.
 *
 * Running, the worker publishes as soon as it can, so taking every frame
 * at once would keep the main thread (and the worker's frame building)
 * busy far beyond what a screen shows.  Frames are therefore taken at
 * most once per FRAME_INTERVAL_US, the rate of the frame clock the bar's
 * tick callback used to follow: a wake-up earlier than that re-arms the
 * source for the due time, leaving the flag set so that the worker does
 * not wake it again meanwhile.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "sp-worker.h"

#include "sp-simulation.h"

/* A display's refresh: the fastest rate frames are worth taking. */
#define FRAME_INTERVAL_US (G_USEC_PER_SEC / 60)

struct _SpSimulation
{
  GObject      parent_instance;

  SpParams    *params;
  SpWorker    *worker;
  GSource     *handoff;        /* a HandoffSource, woken by the worker  */
  gint64       last_take_us;   /* monotonic µs of the last frame taken  */

  SpFrame     *frame;
  SpChHistory *history;
  SpDriveTrace *trace;         /* the voltage of every frame taken        */
  guint64      serial;
  guint64      seed;
  /* Failed frames up to this serial were published before the user's last
   * restart or change, so they no longer describe the run. */
  guint64      stale_serial;
  gboolean     running;
  gboolean     failed;
  char        *message;        /* NULL when not failed */
  char        *note;           /* NULL when the box was not fitted */
};

G_DEFINE_BOXED_TYPE (SpFrame, sp_frame, sp_frame_ref, sp_frame_unref)
G_DEFINE_FINAL_TYPE (SpSimulation, sp_simulation, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_PARAMS,
  PROP_FRAME,
  PROP_RUNNING,
  PROP_FAILED,
  PROP_MESSAGE,
  PROP_NOTE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The source the worker wakes. */
typedef struct
{
  GSource source;
  /* Set (atomically) by the worker when it wakes the source, cleared by
   * the main thread before it takes a frame: one wake-up per frame taken. */
  gint    pending;
} HandoffSource;

/* Taking frames ---------------------------------------------------------- */

/* Sets *@field to a copy of @text; TRUE when that changed it. */
static gboolean
set_text (char       **field,
          const char  *text)
{
  if (g_strcmp0 (*field, text) == 0)
    return FALSE;
  g_free (*field);
  *field = g_strdup (text);
  return TRUE;
}

/* The voltage trace: every point the worker kept since the last frame
 * taken (a point per batch of steps, so a fast run keeps the batches
 * between frames), up to this frame's or a batch after it. */
static void
sp_simulation_append_trace (SpSimulation *self)
{
  sp_worker_take_trace (self->worker, self->trace);
}

/* Takes the worker's newest frame, if it is new; FALSE when there was
 * none. */
static gboolean
sp_simulation_take_frame (SpSimulation *self)
{
  SpFrame *frame;
  gboolean failed = self->failed;
  const char *message = self->message;
  gboolean failed_changed, message_changed, note_changed;

  if (sp_worker_get_serial (self->worker) == self->serial)
    return FALSE;
  frame = sp_worker_get_frame (self->worker);
  if (frame == NULL)
    return FALSE;

  g_clear_pointer (&self->frame, sp_frame_unref);
  self->frame = frame;
  self->serial = frame->serial;
  sp_ch_history_append (self->history, &frame->diag);
  sp_simulation_append_trace (self);

  /* A failure shows at once; the request to run stays, so the run resumes
   * by itself when the parameters change (the worker then tries them) or
   * on a restart.  A failed frame from before the user's last change or
   * restart leaves things as they are: it no longer describes the run,
   * and the next frame will. */
  if (frame->state == SP_WORKER_FAILED && frame->message != NULL &&
      frame->serial > self->stale_serial)
    {
      failed = TRUE;
      message = frame->message;
    }
  else if (frame->state != SP_WORKER_FAILED)
    {
      failed = FALSE;
      message = NULL;
    }
  failed_changed = self->failed != failed;
  self->failed = failed;
  message_changed = set_text (&self->message, message);
  note_changed = set_text (&self->note, frame->note);

  /* Failure, message and note are announced before the frame, so whoever
   * follows "frame" finds them already in step with it. */
  if (failed_changed)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FAILED]);
  if (message_changed)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MESSAGE]);
  if (note_changed)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NOTE]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FRAME]);
  return TRUE;
}

/* Main thread: the worker has published since the source last ran. */
static gboolean
handoff_cb (gpointer user_data)
{
  SpSimulation *self = user_data;
  HandoffSource *handoff = (HandoffSource *) self->handoff;
  gint64 now = g_source_get_time (self->handoff);
  gint64 due = self->last_take_us + FRAME_INTERVAL_US;

  if (self->last_take_us != 0 && now < due)
    {
      /* Too soon after the last one: come back when it is due. */
      g_source_set_ready_time (self->handoff, due);
      return G_SOURCE_CONTINUE;
    }
  /* Before reading the serial: a frame published from here on wakes the
   * source again; one published before is the one about to be taken. */
  g_atomic_int_set (&handoff->pending, 0);
  if (sp_simulation_take_frame (self))
    self->last_take_us = now;
  return G_SOURCE_CONTINUE;
}

/* Disarms the source (the callback re-arms it when it puts a frame off). */
static gboolean
handoff_dispatch (GSource     *source,
                  GSourceFunc  callback,
                  gpointer     user_data)
{
  g_source_set_ready_time (source, -1);
  return callback (user_data);
}

static GSourceFuncs handoff_funcs = {
  .dispatch = handoff_dispatch,
};

/* Worker thread, after each published frame: touches only the source. */
static void
handoff_wake (gpointer user_data)
{
  HandoffSource *handoff = user_data;

  if (g_atomic_int_compare_and_exchange (&handoff->pending, 0, 1))
    g_source_set_ready_time (&handoff->source, 0);
}

/* Following SpParams ----------------------------------------------------- */

static void
params_changed_cb (SpSimulation *self)
{
  SpChParams ch;

  self->stale_serial = sp_worker_get_serial (self->worker);
  sp_params_to_ch_params (self->params, &ch);
  sp_worker_set_params (self->worker, &ch);
  sp_worker_set_steps_per_frame (self->worker, sp_params_get_steps_per_frame (self->params));
  if (ch.seed != self->seed)
    {
      self->seed = ch.seed;
      sp_worker_reset (self->worker, ch.seed);
    }
}

/* Public API ------------------------------------------------------------- */

SpSimulation *
sp_simulation_new (SpParams *params)
{
  g_return_val_if_fail (SP_IS_PARAMS (params), NULL);

  return g_object_new (SP_TYPE_SIMULATION, "params", params, NULL);
}

SpParams *
sp_simulation_get_params (SpSimulation *self)
{
  g_return_val_if_fail (SP_IS_SIMULATION (self), NULL);
  return self->params;
}

gboolean
sp_simulation_get_running (SpSimulation *self)
{
  g_return_val_if_fail (SP_IS_SIMULATION (self), FALSE);
  return self->running;
}

void
sp_simulation_set_running (SpSimulation *self,
                           gboolean      running)
{
  g_return_if_fail (SP_IS_SIMULATION (self));

  running = !!running;
  if (self->running == running)
    return;
  self->running = running;
  if (running)
    {
      self->stale_serial = sp_worker_get_serial (self->worker);
      sp_worker_run (self->worker);
    }
  else
    sp_worker_pause (self->worker);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RUNNING]);
}

void
sp_simulation_step (SpSimulation *self)
{
  g_return_if_fail (SP_IS_SIMULATION (self));

  sp_simulation_set_running (self, FALSE);
  sp_worker_step (self->worker);
}

void
sp_simulation_restart (SpSimulation *self)
{
  guint64 seed;

  g_return_if_fail (SP_IS_SIMULATION (self));

  /* Any other seed: the same seed would replay the same run. */
  do
    seed = ((guint64) g_random_int () << 32) | g_random_int ();
  while (seed == sp_params_get_seed (self->params));
  /* Through the parameters, which reset the worker ("changed"), so that
   * the seed on show, in a saved session and in the run agree. */
  g_object_set (self->params, "seed", seed, NULL);
  /* A failed run is reset too, and runs again if it was running. */
  sp_simulation_set_running (self, TRUE);
}

const SpDriveTrace *
sp_simulation_get_trace (SpSimulation *self)
{
  g_return_val_if_fail (SP_IS_SIMULATION (self), NULL);
  return self->trace;
}

SpFrame *
sp_simulation_get_frame (SpSimulation *self)
{
  g_return_val_if_fail (SP_IS_SIMULATION (self), NULL);
  return self->frame;
}

const SpChHistory *
sp_simulation_get_history (SpSimulation *self)
{
  g_return_val_if_fail (SP_IS_SIMULATION (self), NULL);
  return self->history;
}

gboolean
sp_simulation_get_failed (SpSimulation *self)
{
  g_return_val_if_fail (SP_IS_SIMULATION (self), FALSE);
  return self->failed;
}

const char *
sp_simulation_get_message (SpSimulation *self)
{
  g_return_val_if_fail (SP_IS_SIMULATION (self), NULL);
  return self->message != NULL ? self->message : "";
}

const char *
sp_simulation_get_note (SpSimulation *self)
{
  g_return_val_if_fail (SP_IS_SIMULATION (self), NULL);
  return self->note != NULL ? self->note : "";
}

/* GObject ---------------------------------------------------------------- */

static void
sp_simulation_constructed (GObject *object)
{
  SpSimulation *self = SP_SIMULATION (object);
  g_autoptr(GMainContext) context = g_main_context_ref_thread_default ();
  SpChParams ch;

  G_OBJECT_CLASS (sp_simulation_parent_class)->constructed (object);

  g_return_if_fail (self->params != NULL);

  /* Before the layout and the redraw (G_PRIORITY_HIGH_IDLE + 10 and + 20
   * in GTK), so that a frame taken is drawn at the next paint, as when it
   * was read in the frame clock's update phase; input still comes first,
   * and the rate limit keeps it from crowding anything out. */
  self->handoff = g_source_new (&handoff_funcs, sizeof (HandoffSource));
  g_source_set_priority (self->handoff, G_PRIORITY_HIGH_IDLE);
  g_source_set_name (self->handoff, "[spinodal] simulation frames");
  g_source_set_callback (self->handoff, handoff_cb, self, NULL);
  g_source_attach (self->handoff, context);

  sp_params_to_ch_params (self->params, &ch);
  self->seed = ch.seed;
  /* The Box slider asks for a box; the worker makes it smaller when the
   * grid would not resolve the interfaces (and the note says so). */
  self->worker = sp_worker_new_full (&ch, SP_WORKER_FIT_BOX, handoff_wake, self->handoff);
  sp_worker_set_record_trace (self->worker, TRUE);
  sp_worker_set_steps_per_frame (self->worker, sp_params_get_steps_per_frame (self->params));

  g_signal_connect_object (self->params, "changed", G_CALLBACK (params_changed_cb), self,
                           G_CONNECT_SWAPPED);
}

static void
sp_simulation_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  SpSimulation *self = SP_SIMULATION (object);

  switch (prop_id)
    {
    case PROP_PARAMS:
      g_value_set_object (value, self->params);
      break;
    case PROP_FRAME:
      g_value_set_boxed (value, self->frame);
      break;
    case PROP_RUNNING:
      g_value_set_boolean (value, self->running);
      break;
    case PROP_FAILED:
      g_value_set_boolean (value, self->failed);
      break;
    case PROP_MESSAGE:
      g_value_set_string (value, sp_simulation_get_message (self));
      break;
    case PROP_NOTE:
      g_value_set_string (value, sp_simulation_get_note (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sp_simulation_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  SpSimulation *self = SP_SIMULATION (object);

  switch (prop_id)
    {
    case PROP_PARAMS:
      self->params = g_value_dup_object (value);
      break;
    case PROP_RUNNING:
      sp_simulation_set_running (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sp_simulation_dispose (GObject *object)
{
  SpSimulation *self = SP_SIMULATION (object);

  /* Joins the thread (it stops within one time step); only then can the
   * source it wakes go. */
  g_clear_pointer (&self->worker, sp_worker_free);
  if (self->handoff != NULL)
    {
      g_source_destroy (self->handoff);
      g_clear_pointer (&self->handoff, g_source_unref);
    }
  g_clear_object (&self->params);

  G_OBJECT_CLASS (sp_simulation_parent_class)->dispose (object);
}

static void
sp_simulation_finalize (GObject *object)
{
  SpSimulation *self = SP_SIMULATION (object);

  g_clear_pointer (&self->frame, sp_frame_unref);
  g_clear_pointer (&self->history, sp_ch_history_free);
  g_clear_pointer (&self->trace, sp_drive_trace_free);
  g_clear_pointer (&self->message, g_free);
  g_clear_pointer (&self->note, g_free);

  G_OBJECT_CLASS (sp_simulation_parent_class)->finalize (object);
}

static void
sp_simulation_class_init (SpSimulationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = sp_simulation_constructed;
  object_class->get_property = sp_simulation_get_property;
  object_class->set_property = sp_simulation_set_property;
  object_class->dispose = sp_simulation_dispose;
  object_class->finalize = sp_simulation_finalize;

  properties[PROP_PARAMS] =
    g_param_spec_object ("params", NULL, NULL, SP_TYPE_PARAMS,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  /* The newest frame taken; it changes with the history. */
  properties[PROP_FRAME] =
    g_param_spec_boxed ("frame", NULL, NULL, SP_TYPE_FRAME,
                        G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* Whether the run should run (it still may have stopped: "failed"). */
  properties[PROP_RUNNING] =
    g_param_spec_boolean ("running", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_FAILED] =
    g_param_spec_boolean ("failed", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_MESSAGE] =
    g_param_spec_string ("message", NULL, NULL, "",
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_NOTE] =
    g_param_spec_string ("note", NULL, NULL, "",
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
sp_simulation_init (SpSimulation *self)
{
  self->history = sp_ch_history_new ();
  self->trace = sp_drive_trace_new ();
}
