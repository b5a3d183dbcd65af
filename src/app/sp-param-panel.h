/* sp-param-panel.h — the parameter panel: preset, sliders, read-outs
 *
 * Every control is bound to one SpParams; the read-outs show the analysis
 * the window computed from it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "sp-analysis.h"
#include "sp-params.h"

G_BEGIN_DECLS

/* The panel's width: the rows' titles, sliders and entries side by side;
 * presentation mode's larger text takes more. */
#define SP_PARAM_PANEL_WIDTH              400
#define SP_PARAM_PANEL_WIDTH_PRESENTATION 470

#define SP_TYPE_PARAM_PANEL (sp_param_panel_get_type ())
G_DECLARE_FINAL_TYPE (SpParamPanel, sp_param_panel, SP, PARAM_PANEL, AdwBin)

/* The phase-separation lab's panel, for its pages' create_panel(). */
GtkWidget *sp_param_panel_new    (void);

void sp_param_panel_set_params   (SpParamPanel *self,
                                  SpParams     *params);
/* The lever-rule sentence for c0 inside a gap ("c₀ = 0.400 splits into
 * 38 % α (c = 0.090) + 62 % β (c = 0.910)"), or NULL outside every gap. */
char *sp_param_panel_lever_text  (const SpAnalysis *analysis);

void sp_param_panel_set_analysis (SpParamPanel *self,
                                  SpAnalysis   *analysis);
/* Widens the panel for presentation mode's larger text. */
void sp_param_panel_set_presentation (SpParamPanel *self,
                                      gboolean      presentation);

G_END_DECLS
