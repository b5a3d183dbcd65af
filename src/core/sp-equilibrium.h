/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sp-equilibrium.h — common tangents (every miscibility gap), spinodals,
 * lever rule and the classification of a composition */
#pragma once

#include <glib.h>

#include "sp-model.h"

G_BEGIN_DECLS

/* g'' of a Redlich–Kister model up to L_4 changes sign at most six times, so
 * at most three spinodal intervals and three gaps exist; keep headroom. */
#define SP_MAX_INTERVALS 8

/* A spinodal interval lo < c < hi where g'' < 0; u_* are the logits and
 * one_minus_* = 1 − lo, 1 − hi computed from them without cancellation. */
typedef struct
{
  double lo, hi;
  double u_lo, u_hi;
  double one_minus_lo, one_minus_hi;
} SpInterval;

/* A miscibility gap: coexisting c_alpha < c_beta on one common tangent.  The
 * logits u_* carry full relative precision for both c and 1 − c, and
 * one_minus_c_* hold 1 − c_* computed from them (exact near c = 1). */
typedef struct
{
  double c_alpha, c_beta;
  double u_alpha, u_beta;
  double one_minus_c_alpha, one_minus_c_beta;
  double mu;        /* μ*, meV: the slope of the tangent */
  double voltage;   /* the plateau V0 − μ* / 1000, V     */
} SpGap;

typedef struct
{
  guint      n_gaps;
  SpGap      gaps[SP_MAX_INTERVALS];        /* sorted by c_alpha */
  guint      n_spinodals;
  SpInterval spinodals[SP_MAX_INTERVALS];   /* sorted by lo      */
} SpEquilibrium;

typedef enum
{
  SP_REGION_STABLE,       /* outside every gap: a solid solution           */
  SP_REGION_METASTABLE,   /* in a gap, outside the spinodal: nucleation    */
  SP_REGION_UNSTABLE,     /* inside a spinodal: spontaneous decomposition  */
} SpRegion;

/* Every spinodal interval, from the real roots of the polynomial
 * c(1−c) g''(c) (GSL's polynomial solver), polished with Brent's method. */
guint       sp_spinodals_find         (const SpModel *model,
                                       SpInterval    *intervals);

/* The polynomial through (t[i], y[i]), i < @n (1 ≤ n ≤ 3, distinct t),
 * at @at: how a sweep in temperature carries a solution from the last
 * rows to a start for the next. */
double      sp_extrapolate            (guint         n,
                                       const double *t,
                                       const double *y,
                                       double        at);

/* The spinodals of one model at many temperatures (a phase diagram's
 * rows), without a polynomial root solve per temperature: g'' = 0 on the
 * curve T = T_s(c) (sp-critical.h), so cut where T_s turns or has a pole
 * into pieces on each of which T_s is monotonic, the pieces say at every T
 * how many spinodal edges there are and bracket each one; Newton's method
 * in the logit, started from the edge's last two temperatures carried on,
 * solves it to the tolerance of sp_spinodals_find().  Fields are private. */
#define SP_SPINODAL_MAX_PIECES 12

typedef struct
{
  double   u_lo, u_hi;      /* the piece, in the logit (±∞ at c = 0, 1)        */
  double   t_lo, t_hi;      /* T_s at its ends, K (±∞ at a pole of T_s)        */
  double   a_sign;          /* the sign of a(x) on it                          */
  guint    n_known;         /* edges found on it at the last 0–3 temperatures  */
  double   known_t[3], known_u[3];
} SpSpinodalPiece;

typedef struct
{
  SpModel         model;
  gboolean        usable;   /* FALSE: degenerate, use sp_spinodals_find()    */
  double          da[2], db[SP_RK_MAX + 3];   /* a′, b′ (from x^0 up)       */
  guint           n_pieces;
  SpSpinodalPiece pieces[SP_SPINODAL_MAX_PIECES];
} SpSpinodalSweep;

void        sp_spinodal_sweep_init    (SpSpinodalSweep *sweep,
                                       const SpModel   *model);
/* Every spinodal interval of the sweep's model at @temperature: the same
 * intervals as sp_spinodals_find() to its tolerance.  Fastest when
 * successive calls move T a little at a time. */
guint       sp_spinodal_sweep_find    (SpSpinodalSweep *sweep,
                                       double           temperature,
                                       SpInterval      *intervals);

/* Every miscibility gap: the lower convex hull of g on a grid marks the
 * segments that bridge non-convex g; each pair is refined by a GSL
 * multiroot solver on μ(α) = μ(β), ω(α) = ω(β) in logit variables. */
void        sp_equilibrium_compute    (const SpModel *model,
                                       SpEquilibrium *eq);

/* The same, starting Newton from the gaps of @guess (a nearby temperature);
 * falls back to sp_equilibrium_compute() when the result cannot be trusted. */
void        sp_equilibrium_continue   (const SpModel       *model,
                                       const SpEquilibrium *guess,
                                       SpEquilibrium       *eq);

/* The same for an @eq whose spinodals are already set (n_spinodals and
 * spinodals[]: a phase diagram finds them along its own sweep); the gaps
 * are overwritten. */
void        sp_equilibrium_continue_gaps (const SpModel       *model,
                                          const SpEquilibrium *guess,
                                          SpEquilibrium       *eq);

/* Sets every gap's plateau voltage from its μ* and @model's V0 (the only
 * part of @eq that depends on V0). */
void        sp_equilibrium_set_voltages (const SpModel *model,
                                         SpEquilibrium *eq);
SpRegion    sp_equilibrium_classify   (const SpEquilibrium *eq,
                                       double               c);
const char *sp_region_to_string       (SpRegion             region);  /* "stable", … */

/* The gap containing c (c_alpha < c < c_beta), or NULL. */
const SpGap *sp_equilibrium_find_gap  (const SpEquilibrium *eq,
                                       double               c);
/* Lever rule: the fraction of the β phase at overall composition c inside
 * @gap, (c − c_α)/(c_β − c_α). */
double      sp_gap_lever              (const SpGap *gap,
                                       double       c);

/* Both lever-rule fractions at @c inside @gap: *@alpha = (c_β − c)/(c_β − c_α)
 * and *@beta = (c − c_α)/(c_β − c_α), each without cancellation (they sum
 * to 1 within round-off). */
void        sp_gap_lever_fractions    (const SpGap *gap,
                                       double       c,
                                       double      *alpha,
                                       double      *beta);

/* μ of the equilibrium (hull) state at c: μ* inside a gap, μ(c) outside. */
double      sp_equilibrium_mu         (const SpModel       *model,
                                       const SpEquilibrium *eq,
                                       double               c);

G_END_DECLS
