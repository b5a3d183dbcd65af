/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sp-eis-guess-private.h — what the guess's two halves share: the features
 * read off the spectrum (sp-eis-guess.c) and the circuit's shape that
 * turns them into parameters (sp-eis-guess-shape.c) */
#pragma once

#include <glib.h>

#include "sp-circuit.h"

G_BEGIN_DECLS

/* One arc of the spectrum. */
typedef struct
{
  double r;       /* diameter, Ω                 */
  double omega;   /* apex, rad/s                 */
  double alpha;   /* depression                  */
} Arc;

/* Everything the guesses are built from. */
typedef struct
{
  double  r_inf;          /* high-frequency intercept, Ω                   */
  GArray *arcs;           /* Arc, descending frequency                     */
  GArray *arcs_alt;       /* the other reading (−Z″ peaks or DRT), or NULL  */
  double  tail_y;         /* −Z″ of the tail at the lowest frequency, Ω    */
  double  tail_omega;
  double  tail_alpha;     /* −d ln(−Z″)/d ln ω there                       */
  double  tail_dzr;       /* Z′ gained along the tail, Ω                   */
  gboolean has_tail;
  guint   arcs_end;       /* the last point before the tail (descending f) */
  guint   n_peaks;        /* maxima of −Z″ kept (at most one per block)    */
  double  l_guess;        /* H                                             */
  double  zmax;
} Features;

typedef struct _Node Node;

/* The circuit read as a chain in series: resistors (the intercept),
 * inductors, blocks with a DC path (one arc each, in the string's order)
 * and blocking items (the low-frequency tail). */
typedef struct
{
  Node      *root;
  GPtrArray *series_r;   /* Node: top-level R              */
  GPtrArray *inductors;  /* top-level L                    */
  GPtrArray *arc_items;  /* DC-resistive blocks, in order  */
  GPtrArray *tail_items; /* blocking items                 */
} Shape;

void shape_init   (Shape           *shape,
                   const SpCircuit *circuit);
void shape_clear  (Shape           *shape);
/* Every parameter from the intercept @r_inf, @arcs (one per arc item, in
 * order) and the tail in @f; what the shape does not reach gets a plain
 * value for its kind and unit. */
void build_params (const SpCircuit *circuit,
                   const Shape     *shape,
                   const Features  *f,
                   GArray          *arcs,
                   double           r_inf,
                   double           omega_mid,
                   double          *p);

G_END_DECLS
