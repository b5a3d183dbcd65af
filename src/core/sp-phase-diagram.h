/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sp-phase-diagram.h — the T–c phase diagram: binodal and spinodal against T */
#pragma once

#include <glib.h>

#include "sp-critical.h"
#include "sp-equilibrium.h"

G_BEGIN_DECLS

typedef struct
{
  double        temperature;  /* K */
  SpEquilibrium eq;           /* gaps and spinodals at that T */
} SpPhaseRow;

typedef struct
{
  guint       n_rows;
  SpPhaseRow *rows;           /* ascending temperature */
  double      t_min, t_max;
  /* Every critical point (sp_critical_points()), sorted by temperature,
   * whether or not it lies inside [t_min, t_max]. */
  guint           n_critical;
  SpCriticalPoint critical[SP_MAX_CRITICAL];
  /* The highest of them, when has_critical: above an upper one no gap is
   * left; above a lower one the gap stays open at every T. */
  gboolean        has_critical;
  double          t_c, c_c;
  SpCriticalKind  critical_kind;
} SpPhaseDiagram;

/* @n_rows ≥ 2 rows evenly spaced from @t_min to @t_max (0 < t_min < t_max);
 * each row continues Newton from the row above it, so the whole diagram
 * costs little more than one full equilibrium computation. */
SpPhaseDiagram *sp_phase_diagram_compute       (const SpModel *model,
                                                double         t_min,
                                                double         t_max,
                                                guint          n_rows);
/* The same over a range that shows every critical point (up to 10 % above
 * the highest; a dome that opens upward from a lower critical point is
 * shown up to half as far again above it) and the model's own
 * temperature (rounded outward to 1/8-octave steps, so that the range does
 * not move with every small change of T). */
SpPhaseDiagram *sp_phase_diagram_compute_default (const SpModel *model,
                                                  guint          n_rows);
/* The range sp_phase_diagram_compute_default() picks for a model with
 * @diagram's critical points at @temperature (the only other input). */
void            sp_phase_diagram_default_range (const SpPhaseDiagram *diagram,
                                                double                temperature,
                                                double               *t_min,
                                                double               *t_max);
/* A copy of @diagram whose plateau voltages are @model's (V0 enters
 * nothing else): what a fresh computation with @model would give when
 * only V0 differs. */
SpPhaseDiagram *sp_phase_diagram_with_voltages (const SpPhaseDiagram *diagram,
                                                const SpModel        *model);
/* Diagrams are reference-counted (an analysis shares its diagram with the
 * next when nothing it depends on has changed); sp_phase_diagram_free()
 * drops one reference. */
SpPhaseDiagram *sp_phase_diagram_ref           (SpPhaseDiagram *diagram);
void            sp_phase_diagram_free          (SpPhaseDiagram *diagram);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SpPhaseDiagram, sp_phase_diagram_free)

G_END_DECLS
