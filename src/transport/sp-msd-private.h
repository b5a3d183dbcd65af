/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sp-msd-private.h — the MSD's FFT work area, shared with the block
 * averaging and the velocity autocorrelation of sp-diffusion (planning
 * an FFT costs more than running one on a block, so one work area serves
 * every series of one length).  Internal to src/transport.
 */
#pragma once

#include "sp-msd.h"

G_BEGIN_DECLS

typedef struct _SpMsdWork SpMsdWork;

/* For series of @n_frames values; NULL with an error when too large. */
SpMsdWork *sp_msd_work_new           (guint               n_frames,
                                      GError            **error);
void       sp_msd_work_free          (SpMsdWork          *work);
guint      sp_msd_work_n_frames      (const SpMsdWork    *work);

/* The series to correlate: fill its first n_frames values. */
double    *sp_msd_work_signal        (SpMsdWork          *work);

/* Adds @scale × (1/(T−k)) Σ_{t<T−k} x(t) x(t+k) of the signal to @out[k],
 * k < @n_lags; the signal is consumed. */
void       sp_msd_work_autocorrelate (SpMsdWork          *work,
                                      guint               n_lags,
                                      double              scale,
                                      double             *out);

/* sp_msd_compute_full() with @work (n_frames of @trajectory), for a
 * trajectory already checked (finite positions, dt > 0, ions, ≥ 2
 * frames). */
SpMsd     *sp_msd_compute_with       (SpMsdWork          *work,
                                      const SpTrajectory *trajectory,
                                      guint               max_lag,
                                      SpMsdProgressFunc   progress,
                                      gpointer            user_data,
                                      GCancellable       *cancellable,
                                      GError            **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SpMsdWork, sp_msd_work_free)

G_END_DECLS
