/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sp-impedance-explore.h — what the Impedance page's explore mode shows:
 * the ceramic model's spectrum, its labelled arcs and its read-outs, as the
 * figures' data (SpEisFigureData)
 *
 * No widgets: the page recomputes this on every slider move (about 120
 * frequencies, microseconds) and hands the figure data to its plots, so
 * the numbers in the read-outs and the curves drawn come from one model.
 *
 * The frequency window follows the model: from a decade above the bulk
 * arc's apex (the whole arc is drawn; rounded up to a whole decade) down
 * to where the blocking electrode's spike has risen to 1.5 times the
 * sample's resistance.  A fixed analyser window (10 MHz … 10 mHz) would
 * let the spike reach 10³ times the arcs on a plot with equal axes,
 * leaving the arcs a flat line.
 */
#pragma once

#include <glib.h>
#include <json-glib/json-glib.h>

#include "sp-eis-ceramic.h"
#include "sp-eis-figure-data.h"

G_BEGIN_DECLS

/* Bounds of the window, Hz, whatever the model. */
#define SP_IMPEDANCE_EXPLORE_F_LOWEST  1e-4
#define SP_IMPEDANCE_EXPLORE_F_HIGHEST 1e10
/* Points per decade of the drawn spectrum (at least). */
#define SP_IMPEDANCE_EXPLORE_POINTS_PER_DECADE 12

typedef struct
{
  SpEisCeramic         model;
  /* Results of the last sp_impedance_explore_update(). */
  SpEisCeramicReadout  readout;
  SpEisSpectrum       *spectrum;
  SpEisFigureArc       arcs[SP_EIS_N_ARCS];
  char                *description;
  /* What the figures draw; points into the fields above. */
  SpEisFigureData      figure;
} SpImpedanceExplore;

/* The default model (sp_eis_ceramic_init_default) computed. */
void      sp_impedance_explore_init   (SpImpedanceExplore *self);
void      sp_impedance_explore_clear  (SpImpedanceExplore *self);
/* Recomputes everything from self->model; FALSE (nothing changed) with a
 * message naming the value when the model is invalid. */
gboolean  sp_impedance_explore_update (SpImpedanceExplore *self,
                                       GError            **error);
/* The frequency window for @model (see above). */
void      sp_impedance_explore_window (const SpEisCeramic        *model,
                                       const SpEisCeramicReadout *readout,
                                       double                    *f_min_hz,
                                       double                    *f_max_hz);
/* The explore model of an Impedance page state (its "explore" object, as
 * the page loads it): the defaults, replaced by what it holds.  @state
 * may be NULL (the defaults).  For the handout of the window and the CLI. */
void      sp_impedance_explore_model_from_state (JsonObject   *state,
                                                 SpEisCeramic *model);
/* The arc's translated name: "bulk", "grain boundary", "electrode". */
const char *sp_impedance_explore_arc_name (SpEisArcKind kind);

G_END_DECLS
