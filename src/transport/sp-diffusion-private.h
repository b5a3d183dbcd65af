/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sp-diffusion-private.h — the pieces sp-diffusion.c puts together: the
 * GLS line with the MSD's model covariance (sp-diffusion-gls.c), block
 * averaging and Green–Kubo (sp-diffusion-blocks.c).  Internal to
 * src/transport; tested through test-diffusion.c.
 */
#pragma once

#include <gio/gio.h>

#include "sp-diffusion.h"

G_BEGIN_DECLS

/* The lags of the GLS fit: every lag of [k0, k1], or 64 evenly spaced. */
#define SP_GLS_MAX_POINTS 64

typedef struct
{
  guint   n;                   /* points                                  */
  guint  *lag;                 /* frames                                  */
  double *overlap;             /* n × n overlap sums (row-major)          */
  guint   n_frames;
} SpGlsLags;

void     sp_gls_lags_init      (SpGlsLags     *lags,
                                guint          k0,
                                guint          k1,
                                guint          n_frames);
void     sp_gls_lags_clear     (SpGlsLags     *lags);

/* Fits @curve (an MSD in Å² at every lag, lag k at k·@dt_ps) over [k0, k1]
 * (OLS on every lag) and at @lags (GLS with the model covariance for
 * @dimensions, @walkers independent walkers and the non-Gaussian factor
 * @g).  FALSE with an error when the covariance cannot be factorised. */
gboolean sp_gls_fit_line       (const SpGlsLags *lags,
                                const double    *curve,
                                double           dt_ps,
                                guint            k0,
                                guint            k1,
                                guint            dimensions,
                                double           walkers,
                                double           g,
                                SpDiffusionLine *line,
                                GError         **error);

/* The non-Gaussian factor g = var(|Δr|²) / ((2/d)·⟨|Δr|²⟩²) pooled over
 * up to 16 of @lags, from strided origins: into @g_total (d = 3),
 * @g_axis[3] (d = 1) and @g_collective (the summed displacement). */
void     sp_gls_non_gaussian   (const SpTrajectory *trajectory,
                                const SpGlsLags    *lags,
                                double             *g_total,
                                double             *g_axis,
                                double             *g_collective);

/* Flyvbjerg–Petersen block averaging of the per-block GLS D over
 * [k0, min(k1, L/4)] of the tracer (into @star) and the collective MSD
 * (into @sigma).  With fewer than 2 blocks the results are NAN. */
gboolean sp_block_average      (const SpTrajectory *trajectory,
                                guint               k0,
                                guint               k1,
                                double              g_total,
                                double              g_collective,
                                GCancellable       *cancellable,
                                SpBlockAverage     *star,
                                SpBlockAverage     *sigma,
                                GError            **error);

/* The blocking transformation of @n values (exposed for the test). */
void     sp_block_transform    (const double       *values,
                                guint               n,
                                SpBlockAverage     *out);

/* Green–Kubo D (cm²/s) with its cut-off lag @k_cut: over the whole
 * trajectory, and its s.e. from 4–16 time blocks. */
gboolean sp_green_kubo         (const SpTrajectory *trajectory,
                                guint               k_cut,
                                GCancellable       *cancellable,
                                double             *d_cm2_s,
                                double             *stderr_cm2_s,
                                guint              *n_blocks,
                                GError            **error);

/* OLS slope of @curve over lags [k0, k1] in Å²/ps. */
double   sp_ols_slope          (const double       *curve,
                                double              dt_ps,
                                guint               k0,
                                guint               k1);

G_END_DECLS
