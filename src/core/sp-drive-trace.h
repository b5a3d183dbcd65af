/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sp-drive-trace.h — the voltage trace of a driven (charged or discharged)
 * particle, and the phase fractions the window reads out beside it
 *
 * One point per frame the window (or the CLI export) saw: the time, the
 * mean composition c̄, the cell voltage V, the insertion rate dc̄/dt, the
 * mean overpotential and the direction of the drive (+1 inserting, −1
 * extracting, 0 at rest).  The voltage-trace figures draw V against c̄
 * and against t from it.  Plain data, appended on the thread that owns
 * it; copy it to hand it to another thread.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct
{
  double time;           /* s                                     */
  double mean_c;         /* c̄                                     */
  double voltage;        /* V                                     */
  double current;        /* dc̄/dt, 1/s (> 0 inserting)            */
  double overpotential;  /* mean η, V                             */
  int    direction;      /* +1 inserting, −1 extracting, 0 resting */
} SpDrivePoint;

typedef struct
{
  guint         len;
  SpDrivePoint *points;  /* len of them, oldest first */
  guint         capacity;
} SpDriveTrace;

SpDriveTrace *sp_drive_trace_new    (void);
void          sp_drive_trace_free   (SpDriveTrace       *trace);
SpDriveTrace *sp_drive_trace_copy   (const SpDriveTrace *trace);
/* Forgets every point (a reset, a new drive). */
void          sp_drive_trace_clear  (SpDriveTrace       *trace);
/* Appends @point.  A time earlier than the last point's means the run was
 * reset, so the trace restarts from it; the same time again (a redraw
 * while paused) replaces the last point.  Points with a non-finite time,
 * c̄ or V are refused (FALSE): the figure never draws NaN. */
gboolean      sp_drive_trace_append (SpDriveTrace       *trace,
                                     const SpDrivePoint *point);
/* Like append, but a point that has moved less than @dc in c̄, @dv in V
 * and 2 % in time from the point before the last one (and runs in the
 * same direction) replaces the last point instead of adding one: the
 * trace follows the run to its newest point while growing only with what
 * a figure can show.  Times and resets as in append. */
gboolean      sp_drive_trace_append_thinned (SpDriveTrace       *trace,
                                             const SpDrivePoint *point,
                                             double              dc,
                                             double              dv);
/* Whether any point was taken with the drive on (direction ≠ 0). */
gboolean      sp_drive_trace_is_driven (const SpDriveTrace *trace);

/* The equilibrium fraction of the lithium-rich phase β at mean
 * composition @mean_c inside the gap [@c_alpha, @c_beta] (the lever rule,
 * (c̄ − c_α)/(c_β − c_α), clamped to [0, 1]: one phase outside the gap);
 * NAN when the gap is empty or not finite. */
double        sp_phase_fraction_lever (double        mean_c,
                                       double        c_alpha,
                                       double        c_beta);
/* The fraction of the @n_cells of @field that lie in the lithium-rich
 * phase, i.e. above the gap's midpoint (c_α + c_β)/2: the lever rule read
 * off the field itself.  NAN for an empty field or gap. */
double        sp_phase_fraction_field (const double *field,
                                       gsize         n_cells,
                                       double        c_alpha,
                                       double        c_beta);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SpDriveTrace, sp_drive_trace_free)

G_END_DECLS
