/* sp-sim-bar.h — the live run's controls and read-outs
 *
 * Shows and drives an SpSimulation (which owns the worker thread and the
 * history): the read-outs follow its frame, the banner its failure and
 * note, the play button's icon its "running", the Speed field its
 * parameters' steps per frame.  The buttons act through the window's
 * win.* actions.  No tick callback: the bar redraws only when the
 * simulation has news.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "sp-analysis.h"
#include "sp-simulation.h"

G_BEGIN_DECLS

#define SP_TYPE_SIM_BAR (sp_sim_bar_get_type ())
G_DECLARE_FINAL_TYPE (SpSimBar, sp_sim_bar, SP, SIM_BAR, GtkWidget)

void               sp_sim_bar_set_simulation (SpSimBar     *self,
                                              SpSimulation *simulation);
SpSimulation      *sp_sim_bar_get_simulation (SpSimBar     *self);
/* The read-out line and the failure message on show ("" when none). */
const char        *sp_sim_bar_get_status     (SpSimBar     *self);
const char        *sp_sim_bar_get_message    (SpSimBar     *self);
/* The note on a box fitted to the interfaces ("" when none). */
const char        *sp_sim_bar_get_note       (SpSimBar     *self);
/* The run has stopped and the banner says why. */
gboolean           sp_sim_bar_get_failed     (SpSimBar     *self);
/* The analysis whose binodal the phase-fraction read-out uses. */
void               sp_sim_bar_set_analysis   (SpSimBar     *self,
                                              SpAnalysis   *analysis);
/* While a lesson's question asks for λ*, its read-out shows "?". */
void               sp_sim_bar_set_concealed  (SpSimBar     *self,
                                              gboolean      lambda_star);
/* What the phase-fraction read-out shows: the share of @frame's field in
 * the lithium-rich phase of the gap holding its c̄ (else the nearest gap)
 * — the cells above the gap's midpoint — and the lever rule's share at
 * equilibrium; NAN without a gap. */
void               sp_sim_bar_drive_fractions (const SpFrame    *frame,
                                               const SpAnalysis *analysis,
                                               double           *field_fraction,
                                               double           *equilibrium_fraction);

G_END_DECLS
