/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sp-worker.c — the simulation thread: commands in, frames out
 *
 * Locking: the mailbox (pending commands) and the latest-frame pointer live
 * under one mutex that is only ever held for a few assignments.  The worker
 * steps and builds frames without it.  An atomic "interrupt" flag lets a
 * command cut a frame's batch of steps short, so a pause or a stop waits at
 * most for the step in progress.
 *
 * Frames at the display rate: building one (a copy of the field, F with a
 * logarithm per point, S(k) over every mode) cost the run 18–42 % of its
 * steps at 128²–256² when it followed every batch.  So while running, the
 * worker builds the next frame only once the reader has taken the latest
 * one (sp_worker_get_frame); until then it keeps stepping.  A reader that
 * takes frames at 60 Hz thus gets at most 60 frames a second, and one that
 * stops reading (a hidden window) costs nothing.  At 60 Hz a 512² frame
 * (2 ms) would still cost an eighth of the run, so frames also wait until
 * the run has stepped FRAME_BUDGET times as long as the last frame took to
 * build (frames cost the run at most 1/FRAME_BUDGET of its time), or until
 * FRAME_MAX_WAIT_US has passed, whichever comes first.  Whatever changes the
 * state (run, pause, a single step, new parameters, a reset, an error) is
 * still published at once, taken or not.
 *
 * The lock is a pthread mutex and condition rather than GMutex/GCond: GLib
 * implements those with raw futexes, which ThreadSanitizer cannot see, and
 * the worker must be provably clean under -Db_sanitize=thread.  Frame
 * reference counts use g_atomic_int_* for the same reason (they expand to
 * compiler atomics that TSan instruments; g_atomic_rc_box lives in libglib).
 */

#include "config.h"

#include <pthread.h>
#include <string.h>
#include <time.h>

#include "sp-ch-box.h"
#include "sp-drive-trace.h"
#include "sp-worker.h"

/* Stepping time per unit of frame-building time (frames ≤ 4 % of a run). */
#define FRAME_BUDGET 25
/* ... but never fewer than 4 frames a second on screen: the budget counts
 * CPU time, and on a loaded machine the worker gets a fraction of a core,
 * so 25 frames' worth of stepping took seconds of wall time and the live
 * view looked stopped (a 512² frame of 2 ms costs 1 % of a run at 4 Hz). */
#define FRAME_MAX_WAIT_US (G_USEC_PER_SEC / 4)

/* The worker thread's CPU time, µs: unlike wall time it does not count the
 * time the thread waited for a core, which on a loaded machine can make
 * one frame look a hundred times dearer than it was. */
static gint64
thread_cpu_us (void)
{
  struct timespec ts;

  if (clock_gettime (CLOCK_THREAD_CPUTIME_ID, &ts) != 0)
    return g_get_monotonic_time ();
  return (gint64) ts.tv_sec * G_USEC_PER_SEC + ts.tv_nsec / 1000;
}

typedef struct
{
  gboolean   has_params;
  SpChParams params;
  gboolean   has_reset;
  guint64    seed;
} Mailbox;

struct _SpWorker
{
  pthread_mutex_t lock;
  pthread_cond_t  cond;
  GThread        *thread;

  /* Under @lock. */
  Mailbox         mail;
  gboolean        running;
  guint           single_steps;
  guint           steps_per_frame;
  gboolean        quit;
  gboolean        failed;          /* stopped by an error: running waits for
                                      new parameters or a reset             */
  gboolean        state_changed;   /* run/pause: publish even without steps */
  SpFrame        *frame;
  guint64         serial;
  gboolean        taken;           /* the reader has the latest frame       */
  /* The drive's voltage trace since the reader last took it: a point after
   * every batch of steps and at every publication, so that a fast run's
   * trace keeps the batches between the frames the reader takes
   * (sp_worker_take_trace).  Only while someone takes them. */
  SpDriveTrace   *trace;
  gboolean        record_trace;
  gboolean        trace_restarted; /* a new run since the last take        */

  /* Set by every command, cleared by the worker when it reads the mailbox. */
  gint            interrupt;

  SpWorkerNotify  notify;
  gpointer        notify_data;

  SpWorkerFlags   flags;

  /* Worker thread only. */
  SpChParams      params;          /* as applied (the box fitted)          */
  double          preferred;       /* the box asked for                    */
  SpCh           *ch;
  SpWorkerState   state;
  char           *message;
  char           *note;
  gint64          frame_us;        /* CPU time the last frame took          */
  gint64          stepped_us;      /* CPU time spent stepping since then    */
  gint64          published_at;    /* monotonic µs of the last publication  */
};

/* The count sits beside the public struct so SpFrame stays a plain,
 * readable struct in the header. */
typedef struct
{
  SpFrame frame;
  gint    ref_count;
} FrameBox;

SpFrame *
sp_frame_ref (SpFrame *frame)
{
  g_atomic_int_inc (&((FrameBox *) frame)->ref_count);
  return frame;
}

void
sp_frame_unref (SpFrame *frame)
{
  if (frame == NULL || !g_atomic_int_dec_and_test (&((FrameBox *) frame)->ref_count))
    return;
  g_free (frame->message);
  g_free (frame->note);
  g_free (frame->field);
  sp_ch_diagnostics_clear (&frame->diag);
  g_free (frame);
}

SpFrame *
sp_frame_new (SpCh             *ch,
              const SpChParams *params,
              SpWorkerState     state,
              const char       *message)
{
  FrameBox *box = g_new0 (FrameBox, 1);
  SpFrame *frame = &box->frame;
  gsize np;

  box->ref_count = 1;
  frame->state = state;
  frame->message = g_strdup (message);
  frame->params = *params;

  if (ch == NULL)
    return frame;

  frame->n = sp_ch_get_n (ch);
  frame->length = sp_ch_get_length (ch);
  np = (gsize) frame->n * frame->n;
  frame->field = g_memdup2 (sp_ch_get_field (ch), np * sizeof (double));
  frame->field_min = frame->field_max = frame->field[0];
  for (gsize p = 1; p < np; p++)
    {
      frame->field_min = MIN (frame->field_min, frame->field[p]);
      frame->field_max = MAX (frame->field_max, frame->field[p]);
    }
  frame->rejected = sp_ch_get_rejected (ch);
  sp_ch_diagnostics_compute (ch, &frame->diag);
  sp_ch_get_drive_state (ch, &frame->drive);
  return frame;
}

static SpFrame *
build_frame (SpWorker *self)
{
  SpFrame *frame = sp_frame_new (self->ch, &self->params, self->state, self->message);

  frame->note = g_strdup (self->note);
  return frame;
}

/* The trace keeps a point once c̄ has moved by TRACE_DC, V by TRACE_DV
 * (volts) or the time by 2 % since the one before: about a thousand points
 * over a whole discharge, however many batches it takes. */
#define TRACE_DC 1e-3
#define TRACE_DV 5e-4

/* The drive state of the run now, as a trace point (worker thread). */
static void
drive_point (SpWorker     *self,
             SpDrivePoint *point)
{
  SpDriveState d;

  sp_ch_get_drive_state (self->ch, &d);
  *point = (SpDrivePoint) {
    .time = sp_ch_get_time (self->ch), .mean_c = d.mean_c, .voltage = d.voltage_V,
    .current = d.current, .overpotential = d.overpotential_V, .direction = d.direction,
  };
}

static void
record_trace_point (SpWorker *self)
{
  SpDrivePoint point;
  gboolean record;

  pthread_mutex_lock (&self->lock);
  record = self->record_trace;
  pthread_mutex_unlock (&self->lock);
  if (!record || self->ch == NULL)
    return;
  drive_point (self, &point);
  pthread_mutex_lock (&self->lock);
  sp_drive_trace_append_thinned (self->trace, &point, TRACE_DC, TRACE_DV);
  pthread_mutex_unlock (&self->lock);
}

static void
publish (SpWorker *self)
{
  gint64 t0 = thread_cpu_us ();
  SpFrame *frame = build_frame (self);
  SpFrame *old;

  self->frame_us = thread_cpu_us () - t0;
  self->stepped_us = 0;
  self->published_at = g_get_monotonic_time ();

  pthread_mutex_lock (&self->lock);
  frame->serial = ++self->serial;
  old = self->frame;
  self->frame = frame;
  self->taken = FALSE;
  if (self->record_trace && frame->field != NULL)
    {
      SpDrivePoint point = {
        .time = frame->diag.time, .mean_c = frame->drive.mean_c,
        .voltage = frame->drive.voltage_V, .current = frame->drive.current,
        .overpotential = frame->drive.overpotential_V, .direction = frame->drive.direction,
      };

      sp_drive_trace_append_thinned (self->trace, &point, TRACE_DC, TRACE_DV);
    }
  pthread_mutex_unlock (&self->lock);

  /* The reader may still hold the old frame; it goes when both let go. */
  if (old != NULL)
    sp_frame_unref (old);
  if (self->notify != NULL)
    self->notify (self->notify_data);
}

/* Stops stepping until new parameters or a reset, but keeps the request
 * to run: the run resumes by itself once the engine takes them. */
static void
fail (SpWorker   *self,
      const char *message)
{
  self->state = SP_WORKER_FAILED;
  g_free (self->message);
  self->message = g_strdup (message);
  pthread_mutex_lock (&self->lock);
  self->failed = TRUE;
  self->single_steps = 0;
  pthread_mutex_unlock (&self->lock);
}

static void
recover (SpWorker *self)
{
  if (self->state == SP_WORKER_FAILED)
    self->state = SP_WORKER_PAUSED;
  g_clear_pointer (&self->message, g_free);
  pthread_mutex_lock (&self->lock);
  self->failed = FALSE;
  pthread_mutex_unlock (&self->lock);
}

/* The box to use for @next (SP_WORKER_FIT_BOX), and the note saying so. */
static void
fit_box (SpWorker   *self,
         SpChParams *next)
{
  SpChBoxFit fit;
  double current = 0.0;
  /* A new box asked for is fitted afresh. */
  gboolean same_request = self->ch != NULL && next->length == self->preferred;

  self->preferred = next->length;
  g_clear_pointer (&self->note, g_free);
  if (!(self->flags & SP_WORKER_FIT_BOX) || next->problem != SP_CH_PROBLEM_MODEL ||
      !sp_model_validate (&next->model, NULL) || !(next->length > 0.0))
    return;
  /* The box in use stays while it resolves: a slider drag then keeps the
   * run instead of restarting it on every step of the drag. */
  if (same_request && self->params.n == next->n && self->params.problem == next->problem)
    current = self->params.length;
  next->length = sp_ch_box_fit (&next->model, next->n, self->preferred, current, &fit);
  self->note = sp_ch_box_fit_note (&fit);
}

/* While running, a frame is only worth building for a reader that has
 * taken the last one. */
static gboolean
frame_taken (SpWorker *self)
{
  gboolean taken;

  pthread_mutex_lock (&self->lock);
  taken = self->taken;
  pthread_mutex_unlock (&self->lock);
  return taken;
}

static gboolean
same_grid (const SpChParams *a,
           const SpChParams *b)
{
  return a->problem == b->problem && a->n == b->n && a->length == b->length &&
         a->fft_threads == b->fft_threads &&
         (a->problem == SP_CH_PROBLEM_PFHUB1 || a->model.mobility == b->model.mobility);
}

static gboolean
same_start (const SpChParams *a,
            const SpChParams *b)
{
  return a->init == b->init && a->noise == b->noise &&
         sp_ch_params_c0 (a) == sp_ch_params_c0 (b);
}

/* A new run: the trace starts again (a short run before it may have
 * ended before the new one's first point, so its time going back would
 * not tell). */
static void
restart_trace (SpWorker *self)
{
  pthread_mutex_lock (&self->lock);
  sp_drive_trace_clear (self->trace);
  self->trace_restarted = TRUE;
  pthread_mutex_unlock (&self->lock);
}

/* Applies the mailbox on the worker thread. */
static void
apply_mail (SpWorker      *self,
            const Mailbox *mail)
{
  g_autoptr(GError) error = NULL;

  if (mail->has_params)
    {
      SpChParams next = mail->params;

      /* The seed belongs to the run; a reset changes it. */
      next.seed = self->params.seed;
      fit_box (self, &next);
      if (self->ch != NULL && same_grid (&self->params, &next))
        {
          gboolean restart = !same_start (&self->params, &next);

          if (!sp_ch_set_params (self->ch, &next, &error))
            {
              fail (self, error->message);
              return;
            }
          self->params = next;
          if (restart)
            {
              sp_ch_reset (self->ch, next.seed);
              restart_trace (self);
            }
        }
      else
        {
          restart_trace (self);
          g_clear_pointer (&self->ch, sp_ch_free);
          self->params = next;
          self->ch = sp_ch_new (&next, &error);
          if (self->ch == NULL)
            {
              fail (self, error->message);
              return;
            }
        }
      recover (self);
    }

  if (mail->has_reset && self->ch != NULL)
    {
      self->params.seed = mail->seed;
      sp_ch_reset (self->ch, mail->seed);
      restart_trace (self);
      recover (self);
    }
}

static gpointer
worker_main (gpointer data)
{
  SpWorker *self = data;
  g_autoptr(GError) error = NULL;

  fit_box (self, &self->params);
  self->ch = sp_ch_new (&self->params, &error);
  if (self->ch == NULL)
    fail (self, error->message);
  publish (self);

  for (;;)
    {
      Mailbox mail;
      gboolean had_mail, run;
      guint todo;
      gint64 t0;

      pthread_mutex_lock (&self->lock);
      while (!self->quit && !self->mail.has_params && !self->mail.has_reset &&
             (self->failed || (!self->running && self->single_steps == 0)) &&
             !self->state_changed)
        pthread_cond_wait (&self->cond, &self->lock);
      if (self->quit)
        {
          pthread_mutex_unlock (&self->lock);
          break;
        }
      mail = self->mail;
      had_mail = mail.has_params || mail.has_reset || self->state_changed;
      self->mail = (Mailbox) { 0 };
      self->state_changed = FALSE;
      g_atomic_int_set (&self->interrupt, 0);
      run = self->running;
      todo = run ? self->steps_per_frame : MIN (self->single_steps, 1);
      if (!run && self->single_steps > 0)
        self->single_steps--;
      pthread_mutex_unlock (&self->lock);

      apply_mail (self, &mail);
      if (self->state == SP_WORKER_FAILED)
        {
          /* Only new parameters or a reset can clear an error: drop step
           * requests, and keep the request to run for when they come. */
          pthread_mutex_lock (&self->lock);
          self->single_steps = 0;
          pthread_mutex_unlock (&self->lock);
          todo = 0;
        }
      else
        self->state = run ? SP_WORKER_RUNNING : SP_WORKER_PAUSED;

      t0 = thread_cpu_us ();
      if (self->ch != NULL && self->state != SP_WORKER_FAILED)
        for (guint s = 0; s < todo; s++)
          {
            g_autoptr(GError) step_error = NULL;

            /* A command arrived: apply it before the next step. */
            if (g_atomic_int_get (&self->interrupt))
              break;
            if (!sp_ch_step (self->ch, &step_error))
              {
                fail (self, step_error->message);
                break;
              }
          }

      self->stepped_us += thread_cpu_us () - t0;
      if (todo > 0)
        record_trace_point (self);

      /* A run publishes when the reader is ready for a frame and the frame
       * fits the budget; anything else (a state change, a single step, an
       * error) at once. */
      if (had_mail || self->state != SP_WORKER_RUNNING ||
          (todo > 0 && frame_taken (self) &&
           (self->stepped_us >= FRAME_BUDGET * self->frame_us ||
            g_get_monotonic_time () - self->published_at >= FRAME_MAX_WAIT_US)))
        publish (self);
    }

  g_clear_pointer (&self->ch, sp_ch_free);
  return NULL;
}

SpWorker *
sp_worker_new (const SpChParams *params,
               SpWorkerNotify    notify,
               gpointer          user_data)
{
  return sp_worker_new_full (params, SP_WORKER_FLAGS_NONE, notify, user_data);
}

SpWorker *
sp_worker_new_full (const SpChParams *params,
                    SpWorkerFlags     flags,
                    SpWorkerNotify    notify,
                    gpointer          user_data)
{
  SpWorker *self = g_new0 (SpWorker, 1);

  self->flags = flags;
  pthread_mutex_init (&self->lock, NULL);
  pthread_cond_init (&self->cond, NULL);
  self->params = *params;
  self->steps_per_frame = 1;
  self->notify = notify;
  self->notify_data = user_data;
  self->state = SP_WORKER_PAUSED;
  self->trace = sp_drive_trace_new ();
  self->thread = g_thread_new ("sp-worker", worker_main, self);
  return self;
}

/* Posts a change under the lock, interrupts the batch in progress and wakes
 * the worker. */
#define POST(self, stmt)                          \
  G_STMT_START {                                  \
    pthread_mutex_lock (&(self)->lock);           \
    stmt;                                         \
    g_atomic_int_set (&(self)->interrupt, 1);     \
    pthread_cond_signal (&(self)->cond);          \
    pthread_mutex_unlock (&(self)->lock);         \
  } G_STMT_END

void
sp_worker_free (SpWorker *self)
{
  if (self == NULL)
    return;
  POST (self, self->quit = TRUE);
  g_thread_join (self->thread);
  if (self->frame != NULL)
    sp_frame_unref (self->frame);
  g_free (self->message);
  g_free (self->note);
  sp_drive_trace_free (self->trace);
  pthread_cond_destroy (&self->cond);
  pthread_mutex_destroy (&self->lock);
  g_free (self);
}

void
sp_worker_run (SpWorker *self)
{
  POST (self, self->running = TRUE; self->state_changed = TRUE);
}

void
sp_worker_pause (SpWorker *self)
{
  POST (self, self->running = FALSE; self->single_steps = 0; self->state_changed = TRUE);
}

void
sp_worker_step (SpWorker *self)
{
  POST (self, self->running = FALSE; self->single_steps++);
}

void
sp_worker_reset (SpWorker *self,
                 guint64   seed)
{
  POST (self, self->mail.has_reset = TRUE; self->mail.seed = seed);
}

void
sp_worker_set_params (SpWorker         *self,
                      const SpChParams *params)
{
  /* A later reset in the same mailbox still applies after the parameters. */
  POST (self, self->mail.has_params = TRUE; self->mail.params = *params);
}

void
sp_worker_set_steps_per_frame (SpWorker *self,
                               guint     steps)
{
  /* Not an interruption: the batch in progress may finish at the old speed. */
  pthread_mutex_lock (&self->lock);
  self->steps_per_frame = MAX (steps, 1);
  pthread_mutex_unlock (&self->lock);
}

void
sp_worker_set_record_trace (SpWorker *self,
                            gboolean  record)
{
  pthread_mutex_lock (&self->lock);
  self->record_trace = record;
  if (!record)
    sp_drive_trace_clear (self->trace);
  pthread_mutex_unlock (&self->lock);
}

void
sp_worker_take_trace (SpWorker     *self,
                      SpDriveTrace *into)
{
  pthread_mutex_lock (&self->lock);
  if (self->trace_restarted)
    sp_drive_trace_clear (into);
  self->trace_restarted = FALSE;
  for (guint i = 0; i < self->trace->len; i++)
    sp_drive_trace_append_thinned (into, &self->trace->points[i], TRACE_DC, TRACE_DV);
  /* The last point stays as the base of the next ones, so that a reset
   * (time going back) still reads as one in @into. */
  if (self->trace->len > 1)
    {
      self->trace->points[0] = self->trace->points[self->trace->len - 1];
      self->trace->len = 1;
    }
  pthread_mutex_unlock (&self->lock);
}

SpFrame *
sp_worker_get_frame (SpWorker *self)
{
  SpFrame *frame = NULL;

  pthread_mutex_lock (&self->lock);
  if (self->frame != NULL)
    {
      frame = sp_frame_ref (self->frame);
      self->taken = TRUE;
    }
  pthread_mutex_unlock (&self->lock);
  return frame;
}

guint64
sp_worker_get_serial (SpWorker *self)
{
  guint64 serial;

  pthread_mutex_lock (&self->lock);
  serial = self->serial;
  pthread_mutex_unlock (&self->lock);
  return serial;
}
