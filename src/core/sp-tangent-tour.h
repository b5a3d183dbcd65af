/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sp-tangent-tour.h — the common-tangent construction as an animation:
 * where the rolling tangent touches g(c) at each moment
 *
 * A teaching animation on the g(c) figure, played once:
 *   1. roll:  a tangent rolls along g(c) from the left end to the right
 *             (its slope is μ(c) everywhere: the line always touches the
 *             curve at the moving point);
 *   2. back:  it rolls back and slows down onto the left binodal c_α;
 *   3. lock:  there the tangent touches the curve a second time, at c_β:
 *             it is the common tangent, and it locks;
 *   4. sweep: an overall composition c₀ sweeps from c_α to c_β under the
 *             locked tangent, with the lever-rule fractions of the two
 *             phases, x_α = (c_β − c₀)/(c_β − c_α) and x_β = 1 − x_α.
 * The gap is the one that holds the model's c₀, else the first; its
 * points come from the equilibrium (sp_equilibrium_compute), never from
 * the animation.  With no gap (g convex) the tangent only rolls (1).
 * Pure functions of time: the window's frame clock asks for a frame, the
 * tests check every frame's geometry.
 */
#pragma once

#include <glib.h>

#include "sp-equilibrium.h"
#include "sp-model.h"

G_BEGIN_DECLS

typedef enum
{
  SP_TANGENT_TOUR_ROLL,
  SP_TANGENT_TOUR_BACK,
  SP_TANGENT_TOUR_LOCK,
  SP_TANGENT_TOUR_SWEEP,
  SP_TANGENT_TOUR_DONE,
} SpTangentTourPhase;

/* Seconds of each phase. */
#define SP_TANGENT_TOUR_ROLL_S  5.0
#define SP_TANGENT_TOUR_BACK_S  3.0
#define SP_TANGENT_TOUR_LOCK_S  1.5
#define SP_TANGENT_TOUR_SWEEP_S 6.0

typedef struct _SpTangentTourFrame
{
  SpTangentTourPhase phase;
  /* The tangent: it touches g at contact_c; the line is
   * g_t(x) = g(contact_c) + slope (x − contact_c), meV. */
  double   contact_c;
  double   contact_g;     /* g(contact_c), meV                          */
  double   slope;         /* μ(contact_c), meV                          */
  gboolean has_gap;       /* a gap exists: c_alpha, c_beta are set       */
  double   c_alpha, c_beta;
  gboolean locked;        /* the tangent is the common tangent           */
  double   lock;          /* 0 … 1 across the lock phase, 1 after        */
  /* The sweep: c₀ and the lever-rule fractions; NAN outside the sweep. */
  double   sweep_c0;
  double   fraction_alpha, fraction_beta;
} SpTangentTourFrame;

/* The whole animation's length for @eq (shorter without a gap), s. */
double   sp_tangent_tour_duration (const SpModel       *model,
                                   const SpEquilibrium *eq);

/* The frame at @t_s seconds from the start (clamped into the animation;
 * after its end the final state, phase DONE: the locked common tangent). */
void     sp_tangent_tour_frame    (const SpModel       *model,
                                   const SpEquilibrium *eq,
                                   double               t_s,
                                   SpTangentTourFrame  *frame);

/* The tangent's value at @x: g(contact) + slope (x − contact), meV. */
double   sp_tangent_tour_line     (const SpTangentTourFrame *frame,
                                   double                    x);

G_END_DECLS
