/* sp-window-private.h — SpWindow's instance struct, shared by the files
 * that make up the window (sp-window*.c) and by nothing else
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sp-param-panel.h"
#include "sp-plot-view.h"
#include "sp-window.h"

G_BEGIN_DECLS

/* Presentation mode: figures' fonts and lines grow by this factor. */
#define PRESENTATION_SCALE 1.45
/* The parameter panel's width (its template's), and with presentation
 * mode's larger text. */
#define PANEL_WIDTH              400
#define PANEL_WIDTH_PRESENTATION 470

/* The analysis figures come first in views[]. */
#define N_ANALYSIS_VIEWS 5
#define N_VIEWS          10

struct _SpWindow
{
  AdwApplicationWindow  parent_instance;

  SpParams             *params;
  GSettings            *settings;    /* NULL when the schema is not installed */
  SpAnalysis           *analysis;
  SpSimulation         *simulation;  /* the live run: its worker and history */
  SpPlotView           *views[N_VIEWS];
  gboolean              field_fixed_scale;

  /* Template children. */
  AdwToastOverlay      *toast_overlay;
  AdwViewSwitcherTitle *switcher_title;
  GtkMenuButton        *primary_menu_button;
  AdwFlap              *flap;
  AdwButtonContent     *panel_button_content;
  GtkGrid              *overview_grid;
  GtkGrid              *simulation_grid;
  guint                 columns;       /* of the overview grid, 0 before the first layout */
  guint                 overview_key;  /* the overview's layout as last placed; 0 before */
  guint                 focus[2];      /* presentation mode's figures, indices into the overview */
  GtkWidget            *focus_bar;
  GtkDropDown          *focus_first;
  GtkDropDown          *focus_second;
  int                   folded;        /* the flap's, as last shown; -1 before */
  guint                 reflow_idle;
  AdwViewStack         *view_stack;
  SpParamPanel         *panel;
  SpSimBar             *sim_bar;
  SpPlotView           *free_energy_view;
  SpPlotView           *ocv_view;
  SpPlotView           *phase_view;
  SpPlotView           *dchem_view;
  SpPlotView           *dispersion_view;
  SpPlotView           *field_view;
  SpPlotView           *field_sim_view;
  SpPlotView           *energy_view;
  SpPlotView           *coarsening_view;
  SpPlotView           *structure_view;
};

/* sp-window-actions.c: installs every win.* action on the class. */
void sp_window_actions_class_init (GtkWidgetClass *widget_class);

G_END_DECLS
