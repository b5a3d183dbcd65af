/* sp-overview-page.h — the Overview page: g(c), OCV, the live field, the
 * phase diagram, D_chem and σ(k) in a grid that reflows with the width;
 * in presentation mode two of them large, picked in its focus bar
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "sp-lab-page.h"
#include "sp-plot-view.h"

G_BEGIN_DECLS

#define SP_TYPE_OVERVIEW_PAGE (sp_overview_page_get_type ())
G_DECLARE_FINAL_TYPE (SpOverviewPage, sp_overview_page, SP, OVERVIEW_PAGE, SpLabPage)

/* Makes the first two of @views that are this page's figures the two
 * presentation mode shows (a lesson step's highlighted figures, which
 * must be on the projector): a figure already shown keeps its place, one
 * figure replaces the second, two replace both, in their order.  Others
 * are ignored. */
void sp_overview_page_show_in_focus (SpOverviewPage    *self,
                                     SpPlotView *const *views,
                                     guint              n_views);

G_END_DECLS
