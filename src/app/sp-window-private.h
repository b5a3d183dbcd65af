/* sp-window-private.h — SpWindow's instance struct, shared by the files
 * that make up the window (sp-window*.c) and by nothing else
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sp-lab-page.h"
#include "sp-param-panel.h"
#include "sp-plot-view.h"
#include "sp-window.h"

G_BEGIN_DECLS

/* Presentation mode: figures' fonts and lines grow by this factor. */
#define PRESENTATION_SCALE 1.45

struct _SpWindow
{
  AdwApplicationWindow  parent_instance;

  SpParams             *params;
  GSettings            *settings;    /* NULL when the schema is not installed */
  SpAnalysis           *analysis;
  SpSimulation         *simulation;  /* the live run: its worker and history */
  GPtrArray            *pages;       /* SpLabPage, in the view stack's order */
  gboolean              field_fixed_scale;
  char                 *color_scheme; /* "default", "light" or "dark"; NULL before set */
  int                   folded;      /* the flap's, as last shown; -1 before */
  guint                 fold_idle;

  /* Template children. */
  AdwToastOverlay      *toast_overlay;
  AdwViewSwitcherTitle *switcher_title;
  GtkMenuButton        *primary_menu_button;
  AdwFlap              *flap;
  AdwButtonContent     *panel_button_content;
  AdwViewStack         *view_stack;
  SpParamPanel         *panel;
  SpSimBar             *sim_bar;
  GMenuModel           *figure_menu;
};

/* sp-window-actions.c: installs every win.* action on the class. */
void sp_window_actions_class_init (GtkWidgetClass *widget_class);
/* sp-window-pages.c: makes the pages and adds them to the view stack. */
void sp_window_pages_init         (SpWindow       *self);

G_END_DECLS
