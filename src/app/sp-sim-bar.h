/* sp-sim-bar.h — the live Cahn–Hilliard run: its worker, controls and
 * read-outs
 *
 * Owns the SpWorker (and frees it in dispose, so quitting mid-run joins the
 * thread cleanly) and the SpChHistory of every frame shown.  A tick
 * callback reads the worker's latest frame at the display rate, never
 * waiting for it; "frame-changed" tells the plots.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "sp-ch-history.h"
#include "sp-params.h"
#include "sp-worker.h"

G_BEGIN_DECLS

#define SP_TYPE_SIM_BAR (sp_sim_bar_get_type ())
G_DECLARE_FINAL_TYPE (SpSimBar, sp_sim_bar, SP, SIM_BAR, GtkWidget)

/* Starts the worker on @params' simulation and follows their changes. */
void               sp_sim_bar_set_params   (SpSimBar *self,
                                            SpParams *params);
gboolean           sp_sim_bar_get_running  (SpSimBar *self);
void               sp_sim_bar_set_running  (SpSimBar *self,
                                            gboolean  running);
void               sp_sim_bar_step         (SpSimBar *self);
/* A new random seed: the run starts again from fresh noise. */
void               sp_sim_bar_restart      (SpSimBar *self);
/* The frame on show (borrowed; NULL before the first). */
SpFrame           *sp_sim_bar_get_frame    (SpSimBar *self);
const SpChHistory *sp_sim_bar_get_history  (SpSimBar *self);
/* The read-out line and the failure message on show ("" when none). */
const char        *sp_sim_bar_get_status   (SpSimBar *self);
const char        *sp_sim_bar_get_message  (SpSimBar *self);
/* The note on a box fitted to the interfaces ("" when none). */
const char        *sp_sim_bar_get_note     (SpSimBar *self);
/* The run has stopped and the banner says why. */
gboolean           sp_sim_bar_get_failed   (SpSimBar *self);

G_END_DECLS
