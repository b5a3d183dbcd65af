/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sp-tangent-tour.c — the common-tangent construction as an animation
 * (see the header for the phases) */

#include "config.h"

#include <math.h>

#include "sp-tangent-tour.h"

/* Where the roll starts and turns: inside (0, 1), where g is finite, and
 * outside the gap so the tangent passes over it both ways. */
#define ROLL_LO 0.02
#define ROLL_HI 0.98

/* 0 … 1 with zero speed at both ends. */
static double
smoothstep (double s)
{
  s = CLAMP (s, 0.0, 1.0);
  return s * s * (3.0 - 2.0 * s);
}

/* 0 … 1, fast at first, landing softly. */
static double
ease_out (double s)
{
  s = CLAMP (s, 0.0, 1.0);
  return 1.0 - (1.0 - s) * (1.0 - s) * (1.0 - s);
}

static const SpGap *
tour_gap (const SpModel       *model,
          const SpEquilibrium *eq)
{
  const SpGap *gap = sp_equilibrium_find_gap (eq, model->c0);

  return gap != NULL ? gap : eq->n_gaps > 0 ? &eq->gaps[0] : NULL;
}

double
sp_tangent_tour_duration (const SpModel       *model,
                          const SpEquilibrium *eq)
{
  g_return_val_if_fail (model != NULL && eq != NULL, 0.0);

  if (tour_gap (model, eq) == NULL)
    return SP_TANGENT_TOUR_ROLL_S;
  return SP_TANGENT_TOUR_ROLL_S + SP_TANGENT_TOUR_BACK_S + SP_TANGENT_TOUR_LOCK_S +
         SP_TANGENT_TOUR_SWEEP_S;
}

static void
touch (const SpModel      *model,
       double              c,
       SpTangentTourFrame *frame)
{
  frame->contact_c = c;
  frame->contact_g = sp_model_g (model, c);
  frame->slope = sp_model_mu (model, c);
}

void
sp_tangent_tour_frame (const SpModel       *model,
                       const SpEquilibrium *eq,
                       double               t_s,
                       SpTangentTourFrame  *frame)
{
  const SpGap *gap;
  double lo, hi, t;

  g_return_if_fail (model != NULL && eq != NULL && frame != NULL);

  gap = tour_gap (model, eq);
  t = isfinite (t_s) ? MAX (t_s, 0.0) : 0.0;
  frame->has_gap = gap != NULL;
  frame->c_alpha = gap != NULL ? gap->c_alpha : NAN;
  frame->c_beta = gap != NULL ? gap->c_beta : NAN;
  frame->locked = FALSE;
  frame->lock = 0.0;
  frame->sweep_c0 = NAN;
  frame->fraction_alpha = NAN;
  frame->fraction_beta = NAN;

  lo = gap != NULL ? MIN (ROLL_LO, 0.5 * gap->c_alpha) : ROLL_LO;
  hi = gap != NULL ? MAX (ROLL_HI, 0.5 * (1.0 + gap->c_beta)) : ROLL_HI;

  if (t < SP_TANGENT_TOUR_ROLL_S || gap == NULL)
    {
      double s = smoothstep (t / SP_TANGENT_TOUR_ROLL_S);

      frame->phase = t < SP_TANGENT_TOUR_ROLL_S ? SP_TANGENT_TOUR_ROLL : SP_TANGENT_TOUR_DONE;
      touch (model, lo + (hi - lo) * s, frame);
      return;
    }
  t -= SP_TANGENT_TOUR_ROLL_S;
  if (t < SP_TANGENT_TOUR_BACK_S)
    {
      frame->phase = SP_TANGENT_TOUR_BACK;
      touch (model, hi + (gap->c_alpha - hi) * ease_out (t / SP_TANGENT_TOUR_BACK_S), frame);
      return;
    }
  t -= SP_TANGENT_TOUR_BACK_S;

  /* From here on the tangent sits on the binodal: the common tangent,
   * whose slope is the gap's μ* (= μ(c_α) = μ(c_β)). */
  frame->locked = TRUE;
  frame->contact_c = gap->c_alpha;
  frame->contact_g = sp_model_g (model, gap->c_alpha);
  frame->slope = gap->mu;
  if (t < SP_TANGENT_TOUR_LOCK_S)
    {
      frame->phase = SP_TANGENT_TOUR_LOCK;
      frame->lock = smoothstep (t / SP_TANGENT_TOUR_LOCK_S);
      return;
    }
  frame->lock = 1.0;
  t -= SP_TANGENT_TOUR_LOCK_S;
  if (t < SP_TANGENT_TOUR_SWEEP_S)
    {
      double c0 = gap->c_alpha + (gap->c_beta - gap->c_alpha) *
                  smoothstep (t / SP_TANGENT_TOUR_SWEEP_S);

      frame->phase = SP_TANGENT_TOUR_SWEEP;
      frame->sweep_c0 = c0;
      sp_gap_lever_fractions (gap, c0, &frame->fraction_alpha, &frame->fraction_beta);
      return;
    }
  frame->phase = SP_TANGENT_TOUR_DONE;
}

double
sp_tangent_tour_line (const SpTangentTourFrame *frame,
                      double                    x)
{
  g_return_val_if_fail (frame != NULL, NAN);
  return frame->contact_g + frame->slope * (x - frame->contact_c);
}
