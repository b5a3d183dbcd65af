/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sp-analysis.h — one immutable snapshot of everything the window plots
 *
 * A slider change builds a new SpAnalysis from the model and hands it to the
 * plots; nothing recomputes physics while drawing.  Reference-counted so the
 * plots, the exporter and a worker thread can share one snapshot; a new
 * snapshot may share read-only parts (the phase diagram, the g, μ and g''
 * arrays) with the one before it.  Never write into a snapshot.
 */
#pragma once

#include <glib.h>

#include "sp-equilibrium.h"
#include "sp-kinetics.h"
#include "sp-phase-diagram.h"

G_BEGIN_DECLS

#define SP_ANALYSIS_CURVE_POINTS      512
#define SP_ANALYSIS_DISPERSION_POINTS 256
#define SP_ANALYSIS_PHASE_ROWS        200

typedef struct
{
  SpModel         model;

  double          kt;               /* meV */
  double          omega_eff;        /* meV */
  double          omega_over_kt;    /* Ω_eff / k_B T */
  gboolean        has_critical;     /* the highest critical point (phase->critical has all) */
  double          t_c, c_c;
  SpCriticalKind  critical_kind;    /* lower: the gap exists only above t_c */

  SpEquilibrium   eq;
  SpRegion        c0_region;
  SpDispersion    dispersion;

  /* Curves against composition, on c_i = (i + ½)/N. */
  guint           n_curve;
  double         *c;
  double         *g;                /* meV */
  double         *mu;               /* meV */
  double         *g2;               /* meV */
  double         *ocv_equilibrium;  /* V: plateaus across every gap */
  double         *ocv_homogeneous;  /* V: V0 − μ(c)/1000, loops in the spinodal */
  double         *dchem;            /* nm²/s */

  /* Growth-rate dispersion σ(k) on 0 ≤ k ≤ k_plot. */
  guint           n_k;
  double         *k;                /* 1/nm */
  double         *sigma;            /* 1/s */

  SpPhaseDiagram *phase;
} SpAnalysis;

/* The model must satisfy sp_model_validate(). */
SpAnalysis *sp_analysis_new   (const SpModel *model);
/* The same result, bit for bit, reusing every part of @previous (may be
 * NULL) whose inputs are unchanged: after a change of c0, κ, D0, V0 or the
 * mobility the phase diagram and the gaps are kept; after a change of T
 * the phase diagram is kept while T stays inside its plotted range. */
SpAnalysis *sp_analysis_new_from (const SpAnalysis *previous,
                                  const SpModel    *model);
SpAnalysis *sp_analysis_ref   (SpAnalysis    *analysis);
void        sp_analysis_unref (SpAnalysis    *analysis);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SpAnalysis, sp_analysis_unref)

G_END_DECLS
