/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sp-impedance-panel.h — the Impedance page's flap panel
 *
 * Explore mode: a preset (with its source, and "Illustrative" when its
 * numbers are typical rather than measured), the temperature with °C
 * beside K and the two activation energies, then each arc's R, Q and α,
 * the electrode, and the sample's thickness, area and lead resistance —
 * each an SpSliderRow bound to the page's adjustment (log sliders for R
 * and Q).  Data mode: the spectra's controls.  It follows the page's mode.
 */
#pragma once

#include <adwaita.h>

#include "sp-impedance-page.h"
#include "sp-slider-row.h"

G_BEGIN_DECLS

#define SP_TYPE_IMPEDANCE_PANEL (sp_impedance_panel_get_type ())
G_DECLARE_FINAL_TYPE (SpImpedancePanel, sp_impedance_panel, SP, IMPEDANCE_PANEL, AdwBin)

GtkWidget   *sp_impedance_panel_new            (SpImpedancePage   *page);
SpSliderRow *sp_impedance_panel_get_row        (SpImpedancePanel  *self,
                                                SpEisCeramicParam  param);
AdwComboRow *sp_impedance_panel_get_preset_row (SpImpedancePanel  *self);

G_END_DECLS
