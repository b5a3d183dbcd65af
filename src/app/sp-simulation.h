/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sp-simulation.h — the live Cahn–Hilliard run, as an object to observe
 *
 * Owns the SpWorker thread (freed, and so joined, in dispose) and the
 * SpChHistory of every frame taken from it; follows an SpParams.  The
 * frame on show and whether the run should run are properties: the
 * simulation bar, the figures, the recorder and the window observe
 * "notify::frame" and "notify::running", and none of them owns the thread.
 *
 * GLib and GObject only, no GTK: frames come back through a main-context
 * source the worker wakes (sp-simulation.c says why), so the object runs,
 * and is tested, without a display.  Use it from the thread whose
 * thread-default main context was current when it was made.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "sp-ch-history.h"
#include "sp-frame.h"
#include "sp-drive-trace.h"
#include "sp-params.h"

G_BEGIN_DECLS

/* SpFrame as a GValue (its reference count), for the "frame" property. */
#define SP_TYPE_FRAME (sp_frame_get_type ())
GType sp_frame_get_type (void) G_GNUC_CONST;

#define SP_TYPE_SIMULATION (sp_simulation_get_type ())
G_DECLARE_FINAL_TYPE (SpSimulation, sp_simulation, SP, SIMULATION, GObject)

/* Starts the worker on @params' simulation, paused, and follows their
 * changes (the model, the grid, the seed, the steps per frame). */
SpSimulation      *sp_simulation_new         (SpParams     *params);
SpParams          *sp_simulation_get_params  (SpSimulation *self);

gboolean           sp_simulation_get_running (SpSimulation *self);
void               sp_simulation_set_running (SpSimulation *self,
                                              gboolean      running);
/* Pauses, then one time step. */
void               sp_simulation_step        (SpSimulation *self);
/* A new random seed: the run starts again from fresh noise, and runs. */
void               sp_simulation_restart     (SpSimulation *self);

/* The newest frame taken from the worker (borrowed; NULL before the
 * first), and the history of every frame taken. */
SpFrame           *sp_simulation_get_frame   (SpSimulation *self);
const SpChHistory *sp_simulation_get_history (SpSimulation *self);
/* The voltage trace of every frame taken (V, c̄, current, direction). */
const SpDriveTrace *sp_simulation_get_trace  (SpSimulation *self);

/* The run has stopped on an error that still describes it (one published
 * before the user's last change or restart no longer does), and the
 * engine's reason ("" when not failed). */
gboolean           sp_simulation_get_failed  (SpSimulation *self);
const char        *sp_simulation_get_message (SpSimulation *self);
/* Why the box was fitted to the interfaces ("" when it was not). */
const char        *sp_simulation_get_note    (SpSimulation *self);

G_END_DECLS
