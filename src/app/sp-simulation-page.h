/* sp-simulation-page.h — the Simulation page: the live field large beside
 * F(t), L(t) and S(k, t) (the run itself: the simulation bar below every
 * page, sp-sim-bar.c)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "sp-lab-page.h"

G_BEGIN_DECLS

#define SP_TYPE_SIMULATION_PAGE (sp_simulation_page_get_type ())
G_DECLARE_FINAL_TYPE (SpSimulationPage, sp_simulation_page, SP, SIMULATION_PAGE, SpLabPage)

G_END_DECLS
