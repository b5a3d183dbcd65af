/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sp-ch-box.h — how fine the Cahn–Hilliard grid must be, and the box that
 * makes it so
 *
 * Between coexisting phases c_α and c_β on the common tangent of slope μ*,
 * the equilibrium profile satisfies (κ/2) c'² = Δg(c), with Δg the height of
 * g above the tangent, so its steepest slope is √(2 Δg_max/κ) and the
 * interface is
 *
 *     w = (c_β − c_α) √(κ / (2 Δg_max))
 *
 * wide (the width of the tangent line at the steepest point; a tanh profile's
 * 4ξ).  A Fourier spectral grid resolves it with SP_CH_BOX_POINTS_MIN points
 * across w; fewer and the field rings (the run slows to tiny, mostly
 * rejected steps).  Every message about resolution uses this w and this
 * number of points, so the criterion and the text always agree.
 */
#pragma once

#include <glib.h>

#include "sp-model.h"

G_BEGIN_DECLS

/* Grid points per interface width the engine needs … */
#define SP_CH_BOX_POINTS_MIN 4.0
/* … and what a fitted box gives, so that moving a slider a little keeps it. */
#define SP_CH_BOX_POINTS_FIT 5.0

typedef struct
{
  double width;     /* w, nm; INFINITY when c0 lies in no miscibility gap     */
  double c_alpha;   /* the gap c0 lies in (NAN without one)                  */
  double c_beta;
  double barrier;   /* Δg_max, meV                                           */
  double dx_max;    /* w / SP_CH_BOX_POINTS_MIN, nm (INFINITY without a gap) */
} SpChInterface;

/* The interfaces a run from c0 forms: those of the gap containing c0. */
void      sp_ch_interface_estimate  (const SpModel       *model,
                                     SpChInterface       *out);

/* The largest box side n points resolve (INFINITY without interfaces). */
double    sp_ch_box_max_length      (const SpChInterface *iface,
                                     guint                n);

typedef struct
{
  SpChInterface iface;
  double        preferred;   /* the box asked for, nm          */
  double        length;      /* the box to use, nm             */
  guint         n;
} SpChBoxFit;

/* Fits a box to @n points: @preferred when it resolves the interfaces,
 * else a smaller one with SP_CH_BOX_POINTS_FIT points per interface
 * (rounded down to two significant digits).  @current (0: none) is the box
 * in use: it is kept while it still resolves and @preferred does not
 * comfortably, so that dragging a slider does not restart the run on every
 * step of the drag.  Returns fit->length. */
double    sp_ch_box_fit             (const SpModel       *model,
                                     guint                n,
                                     double               preferred,
                                     double               current,
                                     SpChBoxFit          *fit);
/* "Box set to 76 nm instead of 128 nm so that the 6 nm wide interfaces are
 * resolved …", or
 * NULL when the box is the one asked for. */
char     *sp_ch_box_fit_note        (const SpChBoxFit    *fit);

/* For a box the user gave explicitly: FALSE, with a message naming w, Δx,
 * the points per interface and the largest box (or smallest grid) that
 * would do, when @n points over @length do not resolve the interfaces. */
gboolean  sp_ch_box_check           (const SpModel       *model,
                                     guint                n,
                                     double               length,
                                     GError             **error);

G_END_DECLS
