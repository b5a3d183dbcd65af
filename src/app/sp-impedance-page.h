/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sp-impedance-page.h — the Ion Transport lab's Impedance page
 *
 * Explore mode (the default): the ceramic model of sp-eis-ceramic.h, each
 * parameter an adjustment that the panel's sliders move; every change
 * recomputes the spectrum and redraws Nyquist and Bode in the same frame,
 * with the read-outs under them.  Data mode: measured spectra and what is
 * computed from them (SpEisWorkbench), on Nyquist, Bode, residuals, DRT
 * and Arrhenius.  Hovering a frequency on one figure marks it on all of
 * them.  Its session state: the mode, the preset, the model's values.
 */
#pragma once

#include "sp-eis-ceramic.h"
#include "sp-eis-workbench.h"
#include "sp-impedance-explore.h"
#include "sp-impedance-readouts.h"
#include "sp-lab-page.h"

G_BEGIN_DECLS

typedef enum
{
  SP_IMPEDANCE_MODE_EXPLORE,
  SP_IMPEDANCE_MODE_DATA,
} SpImpedanceMode;

#define SP_TYPE_IMPEDANCE_PAGE (sp_impedance_page_get_type ())
G_DECLARE_FINAL_TYPE (SpImpedancePage, sp_impedance_page, SP, IMPEDANCE_PAGE, SpLabPage)

/* The model's parameter @param, over its range (sp_eis_ceramic_get_range):
 * the panel's slider binds to it, tests move it. */
GtkAdjustment   *sp_impedance_page_get_adjustment (SpImpedancePage   *self,
                                                   SpEisCeramicParam  param);
/* Every value of the preset @id (and its reference temperature); FALSE
 * when there is no such preset. */
gboolean         sp_impedance_page_apply_preset   (SpImpedancePage   *self,
                                                   const char        *id);
/* The preset applied last ("preset" property), or NULL. */
const char      *sp_impedance_page_get_preset     (SpImpedancePage   *self);
SpImpedanceMode  sp_impedance_page_get_mode       (SpImpedancePage   *self);
/* Data mode's spectra and analyses (the panel's SpEisDataView drives it). */
SpEisWorkbench  *sp_impedance_page_get_workbench  (SpImpedancePage   *self);
void             sp_impedance_page_set_mode       (SpImpedancePage   *self,
                                                   SpImpedanceMode    mode);
/* What explore mode shows now (the model, its spectrum and read-outs). */
const SpImpedanceExplore *sp_impedance_page_get_explore (SpImpedancePage *self);
SpPlotView      *sp_impedance_page_get_figure     (SpImpedancePage   *self,
                                                   SpFigureKind       kind);
SpImpedanceReadouts *sp_impedance_page_get_readouts (SpImpedancePage *self);
/* The linked cursor's frequency (Hz), NAN when none. */
double           sp_impedance_page_get_cursor_frequency (SpImpedancePage *self);
void             sp_impedance_page_set_cursor_frequency (SpImpedancePage *self,
                                                         double           freq_hz);

G_END_DECLS
