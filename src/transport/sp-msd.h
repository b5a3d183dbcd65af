/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sp-msd.h — mean-squared displacement over every time origin
 *
 * MSD(k·Δt) = ⟨|rᵢ(t₀ + kΔt) − rᵢ(t₀)|²⟩ averaged over the ions i and over
 * all T − k time origins t₀ of a trajectory of T frames.  The direct sum
 * costs O(T²) per ion; the FFT algorithm (Calandrini et al., "nMoldyn",
 * École thématique de la Société Française de la Neutronique 12, 201
 * (2011)) splits each axis into
 *
 *   MSD(k) = S₁(k) − 2 S₂(k),
 *   S₁(k) = (1/(T−k)) Σ_{t<T−k} [x(t)² + x(t+k)²]   (prefix and suffix sums),
 *   S₂(k) = (1/(T−k)) Σ_{t<T−k} x(t) x(t+k)         (an autocorrelation: FFT
 *                                                    of the series padded to
 *                                                    ≥ 2T with zeros),
 *
 * O(T log T) per ion and axis.  Each ion's mean position is subtracted
 * first (the MSD does not change) so that S₁ and 2S₂, which nearly cancel,
 * stay small: the FFT result then matches the direct sum to ~1e-12
 * relative.  Per direction (x, y, z) and total.
 *
 * The collective ("charge") MSD is ⟨|Σᵢ Δrᵢ(kΔt)|²⟩ / N: the same
 * algorithm on the summed position R(t) = Σᵢ rᵢ(t).  For independent ions
 * it equals the tracer MSD on average; correlated hops make it differ
 * (the Haven ratio, see sp-diffusion.h).
 */
#pragma once

#include <gio/gio.h>

#include "sp-trajectory.h"

G_BEGIN_DECLS

typedef struct
{
  guint   n_lags;            /* lags 0 … n_lags − 1 (frames)                  */
  guint   n_ions;
  guint   n_frames;          /* of the trajectory                             */
  double  dt_ps;
  double *lag_ps;            /* k · dt, ps                                    */
  double *msd_axis[3];       /* per direction x, y, z, Å²                     */
  double *msd;               /* total (sum of the three), Å²                  */
  double *collective_axis[3];/* ⟨(Σᵢ Δxᵢ)²⟩ / N per direction, Å²              */
  double *collective;        /* ⟨|Σᵢ Δrᵢ|²⟩ / N, Å²                            */
} SpMsd;

/* Progress in [0, 1], called from the computing thread. */
typedef void (*SpMsdProgressFunc) (double   fraction,
                                   gpointer user_data);

/* The MSD of @trajectory at lags 0 … @max_lag frames (0: every lag up to
 * n_frames − 1; clamped to it).  NULL with an error when the trajectory
 * has no ions, fewer than 2 frames, a time step that is not positive and
 * finite, a non-finite position (naming frame and ion), when memory for
 * the transform cannot be had, or when @cancellable is cancelled
 * (G_IO_ERROR_CANCELLED). */
SpMsd   *sp_msd_compute         (const SpTrajectory *trajectory,
                                 guint               max_lag,
                                 GCancellable       *cancellable,
                                 GError            **error);
/* The same, reporting progress (may be NULL). */
SpMsd   *sp_msd_compute_full    (const SpTrajectory *trajectory,
                                 guint               max_lag,
                                 SpMsdProgressFunc   progress,
                                 gpointer            user_data,
                                 GCancellable       *cancellable,
                                 GError            **error);
SpMsd   *sp_msd_copy            (const SpMsd        *msd);
void     sp_msd_free            (SpMsd              *msd);

/* The diffusive window suggested from the log–log slope.  Rule: on a
 * geometric grid of lags (ratio 2^¼) from 1 frame up to a quarter of the
 * trajectory (longer lags average over too few origins and are noisy),
 * the local slope α = Δln MSD / Δln t is taken over each factor of two in
 * lag; the window is the longest run of consecutive grid points with
 * |α − 1| ≤ 0.2 (ballistic motion has α ≈ 2, caging α < 1), from its
 * first to its last lag.  FALSE (outputs untouched) when no run spans at
 * least a factor of 2 in time, or the MSD is zero.  */
gboolean sp_msd_suggest_window  (const SpMsd        *msd,
                                 double             *t0_ps,
                                 double             *t1_ps);

/* The local log–log slope d ln MSD / d ln t at lag @k (central over a
 * factor of two, as the window rule uses); NAN where undefined. */
double   sp_msd_loglog_slope    (const SpMsd        *msd,
                                 guint               k);

/* The lag index nearest @t_ps (clamped to 0 … n_lags − 1). */
guint    sp_msd_lag_index       (const SpMsd        *msd,
                                 double              t_ps);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SpMsd, sp_msd_free)

G_END_DECLS
