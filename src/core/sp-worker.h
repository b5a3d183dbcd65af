/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sp-worker.h — the thread that runs a Cahn–Hilliard simulation
 *
 * The worker owns its SpCh; nothing else touches it.  Commands (run, pause,
 * step, reset, new parameters, speed) are posted from any thread and take
 * effect at the next step boundary.  Results come back as immutable,
 * reference-counted SpFrames: the worker swaps the latest frame in under a
 * lock and the reader takes a reference, so neither side ever waits for the
 * other's work.  A running worker builds a frame only when the reader has
 * taken the previous one, so frames cost the run only at the reading rate.  No GTK here: a window reads frames in a tick callback, or
 * from an idle scheduled by the notify callback.
 */
#pragma once

#include <glib.h>

#include "sp-drive-trace.h"
#include "sp-frame.h"

G_BEGIN_DECLS

typedef enum
{
  SP_WORKER_FLAGS_NONE = 0,
  /* The length of the parameters is the box asked for: the worker uses
   * sp_ch_box_fit() (keeping the box in use while it still resolves the
   * interfaces) and says so in SpFrame.note. */
  SP_WORKER_FIT_BOX    = 1 << 0,
} SpWorkerFlags;

typedef struct _SpWorker SpWorker;

/* Called on the worker thread after each new frame; keep it short and
 * thread-safe (e.g. schedule at most one idle on the main context). */
typedef void (*SpWorkerNotify) (gpointer user_data);

/* Starts the thread, paused, and publishes the initial frame soon after. */
SpWorker *sp_worker_new                 (const SpChParams  *params,
                                         SpWorkerNotify     notify,
                                         gpointer           user_data);
SpWorker *sp_worker_new_full            (const SpChParams  *params,
                                         SpWorkerFlags      flags,
                                         SpWorkerNotify     notify,
                                         gpointer           user_data);
/* Stops the thread (within one time step) and joins it. */
void      sp_worker_free                (SpWorker          *self);

void      sp_worker_run                 (SpWorker          *self);
void      sp_worker_pause               (SpWorker          *self);
/* While paused: one time step, then a frame. */
void      sp_worker_step                (SpWorker          *self);
/* Back to t = 0 with a field drawn from @seed (keeps running or paused). */
void      sp_worker_reset               (SpWorker          *self,
                                         guint64            seed);
/* Parameters for the next step.  Model parameters keep the field; a new
 * mean composition, noise or initial condition restarts from the current
 * seed; a new grid (size, length, problem, mobility model) restarts on a
 * new engine. */
void      sp_worker_set_params          (SpWorker          *self,
                                         const SpChParams  *params);
/* Time steps per published frame (the speed), ≥ 1. */
void      sp_worker_set_steps_per_frame (SpWorker          *self,
                                         guint              steps);

/* Takes the latest frame, with a new reference (NULL before the first one).
 * While running, the worker publishes its next frame only after the latest
 * one has been taken (state changes are published regardless): call this
 * at the display rate, after sp_worker_get_serial() said there is news. */
SpFrame  *sp_worker_get_frame           (SpWorker          *self);
/* The serial of the latest frame (0 before the first), without taking it. */
guint64   sp_worker_get_serial          (SpWorker          *self);

/* The voltage trace (sp-drive-trace.h): while recording, the worker keeps
 * a point after every batch of steps and at every published frame, so a
 * fast run's trace has the batches between the frames a reader takes.
 * take_trace appends the points since the last take to @into (any
 * thread; one reader), emptying @into first when a new run (a reset,
 * new starting parameters, a new grid) began since.  Off by default; turning it off drops the kept
 * points. */
void      sp_worker_set_record_trace    (SpWorker          *self,
                                         gboolean           record);
void      sp_worker_take_trace          (SpWorker          *self,
                                         SpDriveTrace      *into);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SpWorker, sp_worker_free)

G_END_DECLS
