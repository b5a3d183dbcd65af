/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sp-eis-data-view.h — the impedance page's Data mode controls
 *
 * Opening spectra (Open… and files dropped on it), the list of spectra
 * with their temperatures, the circuit with its error inline, weights,
 * the frequency range, Fit with a spinner and Cancel, the parameter table
 * (value ± s.e., unit, fixed), χ²; Lin-KK's options and verdict; the
 * DRT's λ and peaks; the Arrhenius pellet and E_a of bulk, grain boundary
 * and total.  Every control reads and writes an SpEisWorkbench (property
 * "workbench"), which does the work; the page decides where the view
 * goes and shows the workbench's "error" messages as toasts.
 */
#pragma once

#include <adwaita.h>

#include "sp-eis-workbench.h"

G_BEGIN_DECLS

#define SP_TYPE_EIS_DATA_VIEW (sp_eis_data_view_get_type ())
G_DECLARE_FINAL_TYPE (SpEisDataView, sp_eis_data_view, SP, EIS_DATA_VIEW, AdwBin)

GtkWidget      *sp_eis_data_view_new           (SpEisWorkbench *workbench);
SpEisWorkbench *sp_eis_data_view_get_workbench (SpEisDataView  *self);
void            sp_eis_data_view_set_workbench (SpEisDataView  *self,
                                                SpEisWorkbench *workbench);

G_END_DECLS
