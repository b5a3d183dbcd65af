/* sp-window-private.h — SpWindow's instance struct, shared by the files
 * that make up the window (sp-window*.c) and by nothing else
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sp-lab-page.h"
#include "sp-param-panel.h"
#include "sp-plot-view.h"
#include "sp-session.h"
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

  /* The session file (sp-window-document.c). */
  SpDocument           *document;
  AdwWindowTitle       *file_title;        /* template child: the file's name, wide */
  guint                 file_title_idle;
  GCancellable         *document_cancellable;  /* cancelled when the window goes */
  guint                 document_then;     /* what follows a question or a save */
  SpSession            *pending_session;   /* read, waiting for the answer to show */
  GFile                *pending_file;
  gboolean              close_pending;
  gboolean              close_confirmed;   /* the next close-request goes through */

  /* Recording (sp-window-recording.c). */
  SpRecording          *recording;
  GtkWidget            *recording_indicator;   /* template children */
  GtkLabel             *recording_label;
};

/* sp-window-actions.c: installs every win.* action on the class. */
void sp_window_actions_class_init (GtkWidgetClass *widget_class);
/* sp-window-pages.c: makes the pages and adds them to the view stack. */
void sp_window_pages_init         (SpWindow       *self);

/* sp-window-export.c: follows the figure in view and gives every figure
 * its context menu (called from the window's init, after its template). */
void sp_window_export_init        (SpWindow *self);

/* sp-window-document.c: the document, its title and its flows; called
 * from the window's init after its template, and from its finalize. */
void sp_window_document_init      (SpWindow *self);
void sp_window_document_finalize  (SpWindow *self);
/* win.open; win.save (@choose FALSE) and win.save-as (@choose TRUE). */
void sp_window_document_open      (SpWindow *self);
void sp_window_document_save      (SpWindow *self,
                                   gboolean  choose);

/* sp-window-recording.c: the recording and its indicator (init, after the
 * template); win.record-animation's chooser. */
void sp_window_recording_init           (SpWindow *self);
void sp_window_recording_present_chooser (SpWindow *self);

G_END_DECLS
