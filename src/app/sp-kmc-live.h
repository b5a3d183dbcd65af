/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sp-kmc-live.h — the live lattice Monte Carlo run, as an object to observe
 *
 * Owns a thread running an SpKmc (src/transport/sp-kmc.h) and hands its
 * state to the main thread as immutable, reference-counted frames, the way
 * SpSimulation does for the Cahn–Hilliard worker: the worker builds a
 * frame only once the last one was taken, wakes a main-context source, and
 * the object takes the frame (at most at the display rate) and notifies
 * "frame".  GLib and GObject only, no GTK: it runs, and is tested, without
 * a display.  Use it from the thread whose thread-default main context was
 * current when it was made.
 *
 * What a frame holds:
 *   - one layer (z = layer_z) of the lattice: the state of each site;
 *   - the recent unwrapped paths of a few tagged carriers (the tracers);
 *   - a rolling window of samples of the carriers' unwrapped positions at
 *     evenly spaced KMC times (an SpTrajectory, for the live MSD, D*, D_σ,
 *     F_s(Q,t)).  With more than SP_KMC_LIVE_WINDOW_IONS carriers the
 *     window holds only the first SP_KMC_LIVE_WINDOW_IONS tags (a uniform
 *     random subset: carriers start on random sites) and window_is_subset
 *     is TRUE: a subset's collective MSD is NOT D_σ's, so @collective holds
 *     Σ over ALL carriers of the displacement since the window's first
 *     sample, one vector per sample — D_σ = ⟨|ΔΣ|²⟩/(6 N Δt), N =
 *     n_carriers — whether the window is a subset or not;
 *   - the clock, the hop count, hops per second of wall time, percolation.
 * The window is rebuilt at most a few times a second and shared between
 * frames: window_serial says when it is new (copy it then, e.g. with
 * sp_trajectory_copy, to analyse it off the main thread).
 *
 * Parameters change while running: barriers, ν, T, disorder width and
 * spacing keep the lattice and the carriers (the window starts afresh, its
 * sample spacing follows the new rates); size, c, p, blocking or seed
 * build a new lattice at t = 0.
 */
#pragma once

#include <glib-object.h>

#include "sp-kmc.h"

G_BEGIN_DECLS

#define SP_KMC_LIVE_TRACERS        5     /* tracer paths per frame (fewer
                                            when there are fewer carriers) */
#define SP_KMC_LIVE_PATH_POINTS    256   /* samples per tracer path        */
#define SP_KMC_LIVE_WINDOW_SAMPLES 256   /* samples in the rolling window  */
#define SP_KMC_LIVE_WINDOW_IONS    2048  /* carriers in the rolling window */

typedef struct
{
  guint64             serial;
  SpKmcParams         params;         /* the run's, as applied            */
  gboolean            running;
  const char         *message;        /* why the run stopped; NULL if fine */

  double              time_s;         /* KMC clock                         */
  guint64             hops;           /* since the lattice was built       */
  double              hops_per_s;     /* wall-clock rate while running     */
  double              total_rate_hz;  /* sum of every possible hop's rate  */
  guint               n_carriers;
  guint               n_open_sites;
  gboolean            percolates;     /* open sites wrap the box           */
  guint               percolating_axes; /* bit 0 x, 1 y, 2 z               */

  guint               size;           /* sites per edge                    */
  guint               layer_z;        /* the layer in @layer               */
  const guint8       *layer;          /* size² SpKmcSite, x fastest        */

  guint               n_tracers;      /* ≤ SP_KMC_LIVE_TRACERS             */
  guint               path_points;    /* points per path (≤ …PATH_POINTS)  */
  const double       *paths;          /* [tracer][point][xyz], Å,
                                         unwrapped, oldest first           */

  guint64             window_serial;  /* new value = a new window          */
  const SpTrajectory *window;         /* NULL before two samples           */
  gboolean            window_is_subset;
  const double       *collective;     /* window->n_frames × 3, Å            */
  double              sample_dt_s;    /* KMC time between samples          */
} SpKmcLiveFrame;

SpKmcLiveFrame *sp_kmc_live_frame_ref   (SpKmcLiveFrame *frame);
void            sp_kmc_live_frame_unref (SpKmcLiveFrame *frame);

#define SP_TYPE_KMC_LIVE_FRAME (sp_kmc_live_frame_get_type ())
GType sp_kmc_live_frame_get_type (void) G_GNUC_CONST;

#define SP_TYPE_KMC_LIVE (sp_kmc_live_get_type ())
G_DECLARE_FINAL_TYPE (SpKmcLive, sp_kmc_live, SP, KMC_LIVE, GObject)

/* Starts the thread, paused, on @params; NULL with the error of
 * sp_kmc_params_check when they are invalid.  The first frame (t = 0)
 * arrives soon after. */
SpKmcLive         *sp_kmc_live_new            (const SpKmcParams *params,
                                               GError           **error);

/* FALSE with the error of sp_kmc_params_check (nothing changes) when
 * @params are invalid; otherwise they apply at the worker's next chunk of
 * hops (see above for what keeps the lattice). */
gboolean           sp_kmc_live_set_params     (SpKmcLive         *self,
                                               const SpKmcParams *params,
                                               GError           **error);
const SpKmcParams *sp_kmc_live_get_params     (SpKmcLive         *self);

gboolean           sp_kmc_live_get_running    (SpKmcLive         *self);
void               sp_kmc_live_set_running    (SpKmcLive         *self,
                                               gboolean           running);
/* A new lattice from the same parameters, t = 0 (running or not). */
void               sp_kmc_live_reset          (SpKmcLive         *self);

/* The layer shown (clamped to size − 1). */
void               sp_kmc_live_set_layer      (SpKmcLive         *self,
                                               guint              z);
/* Hops per second of wall time at most (to watch single hops); 0 or less:
 * as fast as the core allows (the default). */
void               sp_kmc_live_set_speed      (SpKmcLive         *self,
                                               double             hops_per_s);

/* The newest frame taken (borrowed; NULL before the first). */
SpKmcLiveFrame    *sp_kmc_live_get_frame      (SpKmcLive         *self);

G_END_DECLS
