/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sp-kmc-live.c — the live lattice Monte Carlo run (see the header)
 *
 * The worker thread owns the SpKmc.  Commands (run, pause, new parameters,
 * reset, layer, speed) go into a mailbox under a pthread mutex (as in
 * sp-worker.c: ThreadSanitizer sees pthread locks, not GLib's futexes) and
 * cut the slice of hops in progress short through an atomic flag.  The
 * engine advances in slices of at most SLICE_HOPS hops up to the next
 * sample time, so a command waits at most for one slice (well under a
 * millisecond).
 *
 * Samples: every carrier's (or the first SP_KMC_LIVE_WINDOW_IONS
 * carriers') unwrapped position at KMC times sample_dt apart, kept in a
 * ring of SP_KMC_LIVE_WINDOW_SAMPLES, with the summed displacement of all
 * carriers beside each.  sample_dt is chosen when the window starts so
 * that a carrier hops about SAMPLE_HOPS_PER_CARRIER times per sample: the
 * window then spans some 128 hops of each carrier, enough for the MSD to
 * leave its correlated start behind.  The window is copied into an
 * immutable, shared snapshot at most every WINDOW_INTERVAL_US; frames
 * carry a reference to the newest one.
 *
 * Frames are built only when the main thread has taken the previous one
 * (and at once on a state change), and taken there at most at the display
 * rate through a main-context source the worker wakes: the hand-off of
 * sp-simulation.c, which says why.
 */

#include "config.h"

#include <math.h>
#include <pthread.h>
#include <string.h>

#include "sp-kmc-live.h"

#define SLICE_HOPS                (1u << 14)
#define SAMPLE_HOPS_PER_CARRIER   0.5
#define WINDOW_INTERVAL_US        (G_USEC_PER_SEC / 4)
#define FRAME_INTERVAL_US         (G_USEC_PER_SEC / 60)
/* Longest sleep of a speed-limited run between checks for commands. */
#define THROTTLE_SLEEP_US         (G_USEC_PER_SEC / 20)

/* Frames and window snapshots --------------------------------------------- */

typedef struct
{
  gint          ref_count;
  guint64       serial;
  SpTrajectory *trajectory;
  double       *collective;
  gboolean      subset;
} Window;

static Window *
window_ref (Window *window)
{
  g_atomic_int_inc (&window->ref_count);
  return window;
}

static void
window_unref (Window *window)
{
  if (window == NULL || !g_atomic_int_dec_and_test (&window->ref_count))
    return;
  sp_trajectory_free (window->trajectory);
  g_free (window->collective);
  g_free (window);
}

typedef struct
{
  SpKmcLiveFrame frame;
  gint           ref_count;
  guint8        *layer;
  double        *paths;
  Window        *window;
  char          *message;
} FrameBox;

SpKmcLiveFrame *
sp_kmc_live_frame_ref (SpKmcLiveFrame *frame)
{
  g_atomic_int_inc (&((FrameBox *) frame)->ref_count);
  return frame;
}

void
sp_kmc_live_frame_unref (SpKmcLiveFrame *frame)
{
  FrameBox *box = (FrameBox *) frame;

  if (frame == NULL || !g_atomic_int_dec_and_test (&box->ref_count))
    return;
  g_free (box->layer);
  g_free (box->paths);
  window_unref (box->window);
  g_free (box->message);
  g_free (box);
}

G_DEFINE_BOXED_TYPE (SpKmcLiveFrame, sp_kmc_live_frame, sp_kmc_live_frame_ref,
                     sp_kmc_live_frame_unref)

/* The worker ------------------------------------------------------------ */

typedef void (*WorkerNotify) (gpointer user_data);

typedef struct
{
  pthread_mutex_t lock;
  pthread_cond_t  cond;
  GThread        *thread;

  /* Under @lock. */
  gboolean        has_params;
  SpKmcParams     next_params;
  gboolean        has_reset;
  guint           layer;
  double          speed;            /* hops per second, ≤ 0: unlimited */
  gboolean        running;
  gboolean        quit;
  gboolean        state_changed;
  SpKmcLiveFrame *frame;
  guint64         serial;
  gboolean        taken;
  gint            interrupt;        /* atomic: a command is waiting */

  WorkerNotify    notify;
  gpointer        notify_data;

  /* Worker thread only. */
  SpKmcParams     params;
  SpKmc          *kmc;
  char           *message;
  guint           window_ions;
  double          sample_dt;
  double          window_start;     /* KMC time of the first sample      */
  guint64         samples_taken;    /* since the window started          */
  double         *ring;             /* [sample][ion][3]                  */
  double         *ring_collective;  /* [sample][3]                       */
  double         *paths;            /* [tracer][point][3], ring as well  */
  Window         *window;
  guint64         window_serial;
  guint64         window_samples;   /* samples_taken when it was built    */
  gint64          window_built_us;
  gint64          published_us;
  guint64         published_hops;
  double          hops_per_s;
  gint64          throttle_start_us;
  guint64         throttle_start_hops;
} Worker;

static guint
n_tracers (const Worker *w)
{
  return w->kmc != NULL ? MIN (SP_KMC_LIVE_TRACERS, sp_kmc_n_carriers (w->kmc)) : 0;
}

/* A fresh window: the sample spacing follows the rates now. */
static void
window_restart (Worker *w)
{
  double rate, per_carrier;

  w->samples_taken = 0;
  g_clear_pointer (&w->window, window_unref);
  w->window_samples = 0;
  if (w->kmc == NULL)
    return;
  rate = sp_kmc_total_rate_hz (w->kmc);
  per_carrier = rate / sp_kmc_n_carriers (w->kmc);
  /* No hop possible: the clock still runs, in steps of the slowest
   * attempt the barriers allow. */
  if (!(per_carrier > 0.0))
    per_carrier = MAX (sp_kmc_hop_rate_hz (&w->params), sp_kmc_hop_rate_z_hz (&w->params));
  w->sample_dt = SAMPLE_HOPS_PER_CARRIER / per_carrier;
  w->window_start = sp_kmc_time_s (w->kmc);
}

/* A new engine for w->params (the lattice changed, or a reset). */
static void
engine_rebuild (Worker *w)
{
  g_autoptr(GError) error = NULL;
  guint n;

  g_clear_pointer (&w->kmc, sp_kmc_free);
  g_clear_pointer (&w->message, g_free);
  w->kmc = sp_kmc_new (&w->params, &error);
  if (w->kmc == NULL)
    {
      w->message = g_strdup (error->message);
      return;
    }
  n = sp_kmc_n_carriers (w->kmc);
  w->window_ions = MIN (n, SP_KMC_LIVE_WINDOW_IONS);
  g_free (w->ring);
  g_free (w->ring_collective);
  g_free (w->paths);
  w->ring = g_new (double, (gsize) SP_KMC_LIVE_WINDOW_SAMPLES * w->window_ions * 3);
  w->ring_collective = g_new (double, SP_KMC_LIVE_WINDOW_SAMPLES * 3);
  w->paths = g_new (double, SP_KMC_LIVE_TRACERS * SP_KMC_LIVE_PATH_POINTS * 3);
  w->published_hops = 0;
  window_restart (w);
}

static void
take_sample (Worker *w)
{
  guint slot = w->samples_taken % SP_KMC_LIVE_WINDOW_SAMPLES;
  double *dest = w->ring + (gsize) slot * w->window_ions * 3;

  sp_kmc_copy_positions_range (w->kmc, 0, w->window_ions, dest);
  sp_kmc_collective_displacement (w->kmc, w->ring_collective + slot * 3);
  for (guint t = 0; t < n_tracers (w); t++)
    memcpy (w->paths + ((gsize) t * SP_KMC_LIVE_PATH_POINTS +
                        w->samples_taken % SP_KMC_LIVE_PATH_POINTS) * 3,
            dest + (gsize) t * 3, 3 * sizeof (double));
  w->samples_taken++;
}

/* The ring, oldest first, as a new shared snapshot. */
static void
window_build (Worker *w)
{
  guint count = (guint) MIN (w->samples_taken, SP_KMC_LIVE_WINDOW_SAMPLES);
  guint first = (guint) (w->samples_taken - count);
  Window *window;
  double base[3];

  if (count < 2)
    return;
  window = g_new0 (Window, 1);
  window->ref_count = 1;
  window->serial = ++w->window_serial;
  window->subset = w->window_ions < sp_kmc_n_carriers (w->kmc);
  window->trajectory = sp_trajectory_new (w->window_ions, count);
  window->collective = g_new (double, (gsize) count * 3);
  memcpy (base, w->ring_collective + (first % SP_KMC_LIVE_WINDOW_SAMPLES) * 3, sizeof base);
  for (guint s = 0; s < count; s++)
    {
      guint slot = (first + s) % SP_KMC_LIVE_WINDOW_SAMPLES;

      memcpy (sp_trajectory_position (window->trajectory, s, 0),
              w->ring + (gsize) slot * w->window_ions * 3,
              (gsize) w->window_ions * 3 * sizeof (double));
      for (guint k = 0; k < 3; k++)
        window->collective[s * 3 + k] = w->ring_collective[slot * 3 + k] - base[k];
    }
  window->trajectory->dt_ps = w->sample_dt * 1e12;
  window->trajectory->cell[0] = window->trajectory->cell[4] = window->trajectory->cell[8] =
    w->params.size * w->params.spacing_angstrom;
  window->trajectory->temperature_k = w->params.temperature_k;
  window->trajectory->charge = 1.0;
  sp_trajectory_set_species (window->trajectory, "Li");
  sp_trajectory_set_name (window->trajectory, "KMC");

  g_clear_pointer (&w->window, window_unref);
  w->window = window;
  w->window_samples = w->samples_taken;
  w->window_built_us = g_get_monotonic_time ();
}

static SpKmcLiveFrame *
frame_build (Worker   *w,
             gboolean  running,
             guint     layer)
{
  FrameBox *box = g_new0 (FrameBox, 1);
  SpKmcLiveFrame *f = &box->frame;
  gint64 now = g_get_monotonic_time ();

  box->ref_count = 1;
  f->params = w->params;
  f->running = running;
  box->message = g_strdup (w->message);
  f->message = box->message;
  if (w->kmc == NULL)
    return f;

  f->time_s = sp_kmc_time_s (w->kmc);
  f->hops = sp_kmc_hop_count (w->kmc);
  if (running && w->published_us != 0 && now > w->published_us && f->hops >= w->published_hops)
    w->hops_per_s = (f->hops - w->published_hops) / ((now - w->published_us) * 1e-6);
  else if (!running)
    w->hops_per_s = 0.0;
  f->hops_per_s = w->hops_per_s;
  w->published_us = now;
  w->published_hops = f->hops;
  f->total_rate_hz = sp_kmc_total_rate_hz (w->kmc);
  f->n_carriers = sp_kmc_n_carriers (w->kmc);
  f->n_open_sites = sp_kmc_n_open_sites (w->kmc);
  f->percolating_axes = sp_kmc_percolating_axes (w->kmc);
  f->percolates = f->percolating_axes != 0;

  f->size = sp_kmc_size (w->kmc);
  f->layer_z = MIN (layer, f->size - 1);
  box->layer = g_new (guint8, (gsize) f->size * f->size);
  sp_kmc_copy_layer (w->kmc, f->layer_z, box->layer);
  f->layer = box->layer;

  /* Each path: the samples kept (oldest first), then where the tracer is
   * now, so that a slowed-down run still shows its latest hop. */
  f->n_tracers = n_tracers (w);
  if (f->n_tracers > 0)
    {
      guint kept = (guint) MIN (w->samples_taken, SP_KMC_LIVE_PATH_POINTS - 1);
      guint64 first = w->samples_taken - kept;
      double now_pos[SP_KMC_LIVE_TRACERS * 3];

      sp_kmc_copy_positions_range (w->kmc, 0, f->n_tracers, now_pos);
      f->path_points = kept + 1;
      box->paths = g_new (double, (gsize) f->n_tracers * f->path_points * 3);
      for (guint t = 0; t < f->n_tracers; t++)
        {
          double *out = box->paths + (gsize) t * f->path_points * 3;

          for (guint p = 0; p < kept; p++)
            memcpy (out + p * 3,
                    w->paths + ((gsize) t * SP_KMC_LIVE_PATH_POINTS +
                                (first + p) % SP_KMC_LIVE_PATH_POINTS) * 3,
                    3 * sizeof (double));
          memcpy (out + kept * 3, now_pos + t * 3, 3 * sizeof (double));
        }
      f->paths = box->paths;
    }

  if (w->window != NULL)
    {
      box->window = window_ref (w->window);
      f->window_serial = box->window->serial;
      f->window = box->window->trajectory;
      f->window_is_subset = box->window->subset;
      f->collective = box->window->collective;
    }
  f->sample_dt_s = w->sample_dt;
  return f;
}

static void
publish (Worker  *w,
         gboolean running,
         guint    layer)
{
  SpKmcLiveFrame *frame = frame_build (w, running, layer);
  SpKmcLiveFrame *old;

  pthread_mutex_lock (&w->lock);
  frame->serial = ++w->serial;
  old = w->frame;
  w->frame = frame;
  w->taken = FALSE;
  pthread_mutex_unlock (&w->lock);
  if (old != NULL)
    sp_kmc_live_frame_unref (old);
  w->notify (w->notify_data);
}

static void
apply_params (Worker            *w,
              const SpKmcParams *next)
{
  g_autoptr(GError) error = NULL;

  if (w->kmc != NULL && sp_kmc_params_same_lattice (&w->params, next))
    {
      if (sp_kmc_set_params (w->kmc, next, &error))
        {
          w->params = *next;
          window_restart (w);
          return;
        }
    }
  w->params = *next;
  engine_rebuild (w);
}

/* Hops allowed now by the speed limit (G_MAXUINT64 without one). */
static guint64
throttle_allowance (Worker *w,
                    double  speed)
{
  gint64 now = g_get_monotonic_time ();
  double allowed;
  guint64 done = sp_kmc_hop_count (w->kmc) - w->throttle_start_hops;

  if (!(speed > 0.0))
    return G_MAXUINT64;
  allowed = speed * (now - w->throttle_start_us) * 1e-6;
  return allowed > done ? (guint64) (allowed - done) : 0;
}

static gpointer
worker_main (gpointer data)
{
  Worker *w = data;
  gboolean was_running = FALSE;
  double last_speed = 0.0;

  engine_rebuild (w);
  pthread_mutex_lock (&w->lock);
  {
    guint layer = w->layer;

    pthread_mutex_unlock (&w->lock);
    publish (w, FALSE, layer);
  }

  for (;;)
    {
      gboolean had_mail, running, has_params, has_reset, taken;
      SpKmcParams next;
      guint layer;
      double speed;
      gint64 slice_end;

      pthread_mutex_lock (&w->lock);
      while (!w->quit && !w->has_params && !w->has_reset && !w->state_changed &&
             (!w->running || w->kmc == NULL))
        pthread_cond_wait (&w->cond, &w->lock);
      if (w->quit)
        {
          pthread_mutex_unlock (&w->lock);
          break;
        }
      has_params = w->has_params;
      next = w->next_params;
      has_reset = w->has_reset;
      had_mail = has_params || has_reset || w->state_changed;
      w->has_params = w->has_reset = w->state_changed = FALSE;
      g_atomic_int_set (&w->interrupt, 0);
      running = w->running;
      layer = w->layer;
      speed = w->speed;
      pthread_mutex_unlock (&w->lock);

      if (has_params)
        apply_params (w, &next);
      if (has_reset)
        engine_rebuild (w);
      if (w->kmc == NULL)
        {
          publish (w, running, layer);
          continue;
        }

      /* A new run or a new speed: the speed limit counts from now. */
      if (running && (!was_running || speed != last_speed || had_mail))
        {
          w->throttle_start_us = g_get_monotonic_time ();
          w->throttle_start_hops = sp_kmc_hop_count (w->kmc);
        }
      was_running = running;
      last_speed = speed;

      /* Hop for one display interval, in slices that a command cuts. */
      slice_end = g_get_monotonic_time () + FRAME_INTERVAL_US;
      while (running && !g_atomic_int_get (&w->interrupt) &&
             g_get_monotonic_time () < slice_end)
        {
          double next_sample = w->window_start + w->samples_taken * w->sample_dt;
          guint64 allowance = MIN (throttle_allowance (w, speed), SLICE_HOPS);

          if (allowance == 0)
            {
              /* Speed-limited: wait for the next hop's turn (or a command). */
              struct timespec until;
              gint64 wait_us = MIN ((gint64) (G_USEC_PER_SEC / speed) + 1, THROTTLE_SLEEP_US);
              gint64 real = g_get_real_time () + wait_us;

              until.tv_sec = real / G_USEC_PER_SEC;
              until.tv_nsec = (real % G_USEC_PER_SEC) * 1000;
              pthread_mutex_lock (&w->lock);
              if (!g_atomic_int_get (&w->interrupt))
                pthread_cond_timedwait (&w->cond, &w->lock, &until);
              pthread_mutex_unlock (&w->lock);
              continue;
            }
          sp_kmc_run_until (w->kmc, next_sample, allowance);
          if (sp_kmc_time_s (w->kmc) >= next_sample)
            take_sample (w);
        }

      if (w->samples_taken > w->window_samples &&
          (w->window == NULL || g_get_monotonic_time () - w->window_built_us >= WINDOW_INTERVAL_US))
        window_build (w);

      pthread_mutex_lock (&w->lock);
      taken = w->taken;
      pthread_mutex_unlock (&w->lock);
      if (had_mail || !running || taken)
        publish (w, running, layer);
    }

  g_clear_pointer (&w->kmc, sp_kmc_free);
  return NULL;
}

#define POST(w, stmt)                            \
  G_STMT_START {                                 \
    pthread_mutex_lock (&(w)->lock);             \
    stmt;                                        \
    g_atomic_int_set (&(w)->interrupt, 1);       \
    pthread_cond_signal (&(w)->cond);            \
    pthread_mutex_unlock (&(w)->lock);           \
  } G_STMT_END

static Worker *
worker_new (const SpKmcParams *params,
            WorkerNotify       notify,
            gpointer           user_data)
{
  Worker *w = g_new0 (Worker, 1);

  pthread_mutex_init (&w->lock, NULL);
  pthread_cond_init (&w->cond, NULL);
  w->params = *params;
  w->notify = notify;
  w->notify_data = user_data;
  w->thread = g_thread_new ("sp-kmc-live", worker_main, w);
  return w;
}

static void
worker_free (Worker *w)
{
  POST (w, w->quit = TRUE);
  g_thread_join (w->thread);
  if (w->frame != NULL)
    sp_kmc_live_frame_unref (w->frame);
  window_unref (w->window);
  g_free (w->ring);
  g_free (w->ring_collective);
  g_free (w->paths);
  g_free (w->message);
  pthread_cond_destroy (&w->cond);
  pthread_mutex_destroy (&w->lock);
  g_free (w);
}

/* The object ------------------------------------------------------------ */

struct _SpKmcLive
{
  GObject         parent_instance;

  SpKmcParams     params;
  Worker         *worker;
  GSource        *handoff;
  gint64          last_take_us;
  SpKmcLiveFrame *frame;
  guint64         serial;
  gboolean        running;
};

G_DEFINE_FINAL_TYPE (SpKmcLive, sp_kmc_live, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_FRAME,
  PROP_RUNNING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

typedef struct
{
  GSource source;
  gint    pending;
} HandoffSource;

static gboolean
take_frame (SpKmcLive *self)
{
  Worker *w = self->worker;
  SpKmcLiveFrame *frame = NULL;

  pthread_mutex_lock (&w->lock);
  if (w->frame != NULL && w->serial != self->serial)
    {
      frame = sp_kmc_live_frame_ref (w->frame);
      w->taken = TRUE;
    }
  pthread_mutex_unlock (&w->lock);
  if (frame == NULL)
    return FALSE;
  g_clear_pointer (&self->frame, sp_kmc_live_frame_unref);
  self->frame = frame;
  self->serial = frame->serial;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FRAME]);
  return TRUE;
}

static gboolean
handoff_cb (gpointer user_data)
{
  SpKmcLive *self = user_data;
  HandoffSource *handoff = (HandoffSource *) self->handoff;
  gint64 now = g_source_get_time (self->handoff);
  gint64 due = self->last_take_us + FRAME_INTERVAL_US;

  if (self->last_take_us != 0 && now < due)
    {
      g_source_set_ready_time (self->handoff, due);
      return G_SOURCE_CONTINUE;
    }
  g_atomic_int_set (&handoff->pending, 0);
  if (take_frame (self))
    self->last_take_us = now;
  return G_SOURCE_CONTINUE;
}

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

/* Worker thread: touches only the source. */
static void
handoff_wake (gpointer user_data)
{
  HandoffSource *handoff = user_data;

  if (g_atomic_int_compare_and_exchange (&handoff->pending, 0, 1))
    g_source_set_ready_time (&handoff->source, 0);
}

SpKmcLive *
sp_kmc_live_new (const SpKmcParams *params,
                 GError           **error)
{
  SpKmcLive *self;
  g_autoptr(GMainContext) context = NULL;

  g_return_val_if_fail (params != NULL, NULL);

  if (!sp_kmc_params_check (params, error))
    return NULL;
  self = g_object_new (SP_TYPE_KMC_LIVE, NULL);
  self->params = *params;
  context = g_main_context_ref_thread_default ();
  /* Before GTK's layout and redraw, as SpSimulation's source. */
  self->handoff = g_source_new (&handoff_funcs, sizeof (HandoffSource));
  g_source_set_priority (self->handoff, G_PRIORITY_HIGH_IDLE);
  g_source_set_name (self->handoff, "[spinodal] kmc frames");
  g_source_set_callback (self->handoff, handoff_cb, self, NULL);
  g_source_attach (self->handoff, context);
  self->worker = worker_new (params, handoff_wake, self->handoff);
  return self;
}

gboolean
sp_kmc_live_set_params (SpKmcLive         *self,
                        const SpKmcParams *params,
                        GError           **error)
{
  g_return_val_if_fail (SP_IS_KMC_LIVE (self), FALSE);
  g_return_val_if_fail (params != NULL, FALSE);

  if (!sp_kmc_params_check (params, error))
    return FALSE;
  self->params = *params;
  POST (self->worker, self->worker->has_params = TRUE; self->worker->next_params = *params);
  return TRUE;
}

const SpKmcParams *
sp_kmc_live_get_params (SpKmcLive *self)
{
  g_return_val_if_fail (SP_IS_KMC_LIVE (self), NULL);
  return &self->params;
}

gboolean
sp_kmc_live_get_running (SpKmcLive *self)
{
  g_return_val_if_fail (SP_IS_KMC_LIVE (self), FALSE);
  return self->running;
}

void
sp_kmc_live_set_running (SpKmcLive *self,
                         gboolean   running)
{
  g_return_if_fail (SP_IS_KMC_LIVE (self));

  running = !!running;
  if (self->running == running)
    return;
  self->running = running;
  POST (self->worker, self->worker->running = running; self->worker->state_changed = TRUE);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RUNNING]);
}

void
sp_kmc_live_reset (SpKmcLive *self)
{
  g_return_if_fail (SP_IS_KMC_LIVE (self));
  POST (self->worker, self->worker->has_reset = TRUE);
}

void
sp_kmc_live_set_layer (SpKmcLive *self,
                       guint      z)
{
  g_return_if_fail (SP_IS_KMC_LIVE (self));
  /* Clamped when the frame is built (the size may be changing). */
  POST (self->worker, self->worker->layer = z; self->worker->state_changed = TRUE);
}

void
sp_kmc_live_set_speed (SpKmcLive *self,
                       double     hops_per_s)
{
  g_return_if_fail (SP_IS_KMC_LIVE (self));
  POST (self->worker, self->worker->speed = isfinite (hops_per_s) ? hops_per_s : 0.0);
}

SpKmcLiveFrame *
sp_kmc_live_get_frame (SpKmcLive *self)
{
  g_return_val_if_fail (SP_IS_KMC_LIVE (self), NULL);
  return self->frame;
}

static void
sp_kmc_live_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  SpKmcLive *self = SP_KMC_LIVE (object);

  switch (prop_id)
    {
    case PROP_FRAME:
      g_value_set_boxed (value, self->frame);
      break;
    case PROP_RUNNING:
      g_value_set_boolean (value, self->running);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sp_kmc_live_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  SpKmcLive *self = SP_KMC_LIVE (object);

  switch (prop_id)
    {
    case PROP_RUNNING:
      sp_kmc_live_set_running (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sp_kmc_live_dispose (GObject *object)
{
  SpKmcLive *self = SP_KMC_LIVE (object);

  /* Join the thread before the source it wakes goes. */
  g_clear_pointer (&self->worker, worker_free);
  if (self->handoff != NULL)
    {
      g_source_destroy (self->handoff);
      g_clear_pointer (&self->handoff, g_source_unref);
    }
  G_OBJECT_CLASS (sp_kmc_live_parent_class)->dispose (object);
}

static void
sp_kmc_live_finalize (GObject *object)
{
  SpKmcLive *self = SP_KMC_LIVE (object);

  g_clear_pointer (&self->frame, sp_kmc_live_frame_unref);
  G_OBJECT_CLASS (sp_kmc_live_parent_class)->finalize (object);
}

static void
sp_kmc_live_class_init (SpKmcLiveClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = sp_kmc_live_get_property;
  object_class->set_property = sp_kmc_live_set_property;
  object_class->dispose = sp_kmc_live_dispose;
  object_class->finalize = sp_kmc_live_finalize;

  /* The newest frame taken. */
  properties[PROP_FRAME] =
    g_param_spec_boxed ("frame", NULL, NULL, SP_TYPE_KMC_LIVE_FRAME,
                        G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_RUNNING] =
    g_param_spec_boolean ("running", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
sp_kmc_live_init (SpKmcLive *self)
{
}
