/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sp-hopping-panel.h — the Hopping page's flap panel
 *
 * Live mode: a preset (with its source, and "Illustrative" when its
 * numbers are typical rather than measured); the carriers and barriers
 * (c, E_a, E_a,z, ν, T with °C beside K); blocking (p, random or
 * clustered) and site-energy disorder; the lattice (a, L, seed, the layer
 * shown) and the speed — each an SpSliderRow bound to the page's
 * adjustment.  Data mode: the trajectory's controls (SpHoppingImport).
 * Both: the MSD fit window (drag it on the MSD plot, or go back to the
 * suggested one).  It follows the page's mode.
 */
#pragma once

#include <adwaita.h>

#include "sp-hopping-page.h"
#include "sp-hopping-series.h"
#include "sp-slider-row.h"

G_BEGIN_DECLS

#define SP_TYPE_HOPPING_PANEL (sp_hopping_panel_get_type ())
G_DECLARE_FINAL_TYPE (SpHoppingPanel, sp_hopping_panel, SP, HOPPING_PANEL, AdwBin)

GtkWidget     *sp_hopping_panel_new              (SpHoppingPage  *page);
/* NULL for the seed (a spin button: sp_hopping_panel_get_seed_spin). */
SpSliderRow   *sp_hopping_panel_get_row          (SpHoppingPanel *self,
                                                  SpHoppingParam  param);
GtkSpinButton *sp_hopping_panel_get_seed_spin    (SpHoppingPanel *self);
AdwComboRow   *sp_hopping_panel_get_preset_row   (SpHoppingPanel *self);
AdwComboRow   *sp_hopping_panel_get_blocking_row (SpHoppingPanel *self);
/* The Data mode's runs and tables. */
SpHoppingSeries *sp_hopping_panel_get_series     (SpHoppingPanel *self);
/* The typed fit window: in Live (0) and Data (1) mode. */
AdwEntryRow   *sp_hopping_panel_get_window_entry (SpHoppingPanel *self,
                                                  guint           index);
/* "t0 – t1" (or "t0, t1", "t0 t1") in ps: TRUE with both when 0 < t0 < t1. */
gboolean       sp_hopping_parse_window           (const char     *text,
                                                  double         *t0_ps,
                                                  double         *t1_ps);
/* The fit window's text ("12.5 – 870 ps, suggested"). */
const char    *sp_hopping_panel_get_window_text  (SpHoppingPanel *self);

G_END_DECLS
