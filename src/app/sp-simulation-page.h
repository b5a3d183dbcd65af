/* sp-simulation-page.h — the Simulation page: the live field large beside
 * F(t), L(t) and S(k, t), or, while the particle is charged or discharged,
 * beside its voltage trace V(c̄), V(t) and F(t) (the run itself: the
 * simulation bar below every page, sp-sim-bar.c)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "sp-lab-page.h"

G_BEGIN_DECLS

#define SP_TYPE_SIMULATION_PAGE (sp_simulation_page_get_type ())
G_DECLARE_FINAL_TYPE (SpSimulationPage, sp_simulation_page, SP, SIMULATION_PAGE, SpLabPage)

/* Whether the run is driven (SpParams:drive-mode not closed): the side
 * column then shows the voltage trace instead of L(t) and S(k, t). */
void     sp_simulation_page_set_driven (SpSimulationPage *self,
                                        gboolean          driven);
gboolean sp_simulation_page_get_driven (SpSimulationPage *self);

G_END_DECLS
