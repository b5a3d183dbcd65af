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
#include "sp-lesson.h"
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
/* While a lesson's question is open: the read-outs of the quantities it
 * asks for (bits 1 << SpLessonQuantity: T_c, the gap and its lever rule),
 * or all of them (@conceal readouts), show "?"; 0, FALSE shows them. */
void sp_param_panel_set_concealed (SpParamPanel *self,
                                   guint         quantities,
                                   gboolean      all);
/* Widens the panel for presentation mode's larger text. */
void sp_param_panel_set_presentation (SpParamPanel *self,
                                      gboolean      presentation);

/* Size vfuncs for an AdwBin holding an AdwPreferencesPage beside the
 * figures (this panel and the Impedance page's): the page asks for its
 * clamp's 600 px; the bin's natural width is SP_PARAM_PANEL_WIDTH, or
 * the page's minimum where its rows need more.  The bin must drop its
 * layout manager in init so that these two size it. */
void sp_param_panel_bin_measure       (GtkWidget      *widget,
                                       GtkOrientation  orientation,
                                       int             for_size,
                                       int            *minimum,
                                       int            *natural,
                                       int            *minimum_baseline,
                                       int            *natural_baseline);
void sp_param_panel_bin_size_allocate (GtkWidget      *widget,
                                       int             width,
                                       int             height,
                                       int             baseline);

G_END_DECLS
