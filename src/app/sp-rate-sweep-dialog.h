/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sp-rate-sweep-dialog.h — the window's Rate Sweep tool
 *
 * A window of its own (not modal: the lab stays usable while it runs):
 * the ladder of C-rates to run, Run and Cancel, a progress bar, the
 * rate-sweep figure and its read-out, and Export.  The sweep
 * (sp-rate-sweep.h) runs on a GTask thread; its progress reaches the bar
 * through one pending idle at most.  Closing the window cancels a run.
 */
#pragma once

#include <adwaita.h>

#include "sp-rate-sweep.h"

G_BEGIN_DECLS

#define SP_TYPE_RATE_SWEEP_DIALOG (sp_rate_sweep_dialog_get_type ())
G_DECLARE_FINAL_TYPE (SpRateSweepDialog, sp_rate_sweep_dialog, SP, RATE_SWEEP_DIALOG, AdwWindow)

/* A dialog for @model's particle (the sweep's grid, box and drive from
 * sp_rate_sweep_params_init(), k₀ and α from @drive when non-NULL), its
 * rates the ladder around the estimate. */
SpRateSweepDialog *sp_rate_sweep_dialog_new        (GtkWindow           *parent,
                                                    const SpModel       *model,
                                                    const SpDriveParams *drive);
/* The particle of the next run: @model, with k₀ and α from @drive when
 * non-NULL (else the sweep's defaults).  The ladder follows the new
 * estimate unless the user has typed one. */
void               sp_rate_sweep_dialog_set_particle (SpRateSweepDialog *self,
                                                      const SpModel     *model,
                                                      const SpDriveParams *drive);
/* The k₀ the next run takes, 1/s. */
double             sp_rate_sweep_dialog_get_k0     (SpRateSweepDialog   *self);
/* The rates shown ("0.1,0.3,1"); setting them replaces the entry's text. */
const char        *sp_rate_sweep_dialog_get_rates  (SpRateSweepDialog   *self);
void               sp_rate_sweep_dialog_set_rates  (SpRateSweepDialog   *self,
                                                    const char          *rates);
/* What Run and Cancel do. */
void               sp_rate_sweep_dialog_run        (SpRateSweepDialog   *self);
void               sp_rate_sweep_dialog_cancel     (SpRateSweepDialog   *self);
/* Whether a sweep runs (the "running" property notifies). */
gboolean           sp_rate_sweep_dialog_get_running (SpRateSweepDialog  *self);
/* The last finished sweep, or NULL. */
SpRateSweepResult *sp_rate_sweep_dialog_get_result (SpRateSweepDialog   *self);
/* The progress bar's fraction and the status line under the figure. */
double             sp_rate_sweep_dialog_get_fraction (SpRateSweepDialog *self);
const char        *sp_rate_sweep_dialog_get_status (SpRateSweepDialog   *self);
/* The figure's view (for tests and export). */
GtkWidget         *sp_rate_sweep_dialog_get_view   (SpRateSweepDialog   *self);
/* Opens the export dialog for the figure (PNG, SVG, PDF or CSV). */
void               sp_rate_sweep_dialog_export     (SpRateSweepDialog   *self);

G_END_DECLS
