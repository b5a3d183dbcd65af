/* sp-window-private.h — SpWindow's instance struct, shared by the files
 * that make up the window (sp-window*.c) and by nothing else
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sp-lab-page.h"
#include "sp-lesson-runner.h"
#include "sp-param-panel.h"
#include "sp-plot-view.h"
#include "sp-session.h"
#include "sp-undo-stack.h"
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
  GPtrArray            *labs;        /* SpWindowLab (sp-window-pages.c), in order */
  guint                 active_lab;  /* index into labs */
  gboolean              pages_ready; /* the window's init is done: new pages are wired at once */
  gboolean              field_fixed_scale;
  char                 *color_scheme; /* "default", "light" or "dark"; NULL before set */
  int                   folded;      /* the flap's, as last shown; -1 before */
  guint                 fold_idle;

  /* Template children. */
  AdwToastOverlay      *toast_overlay;
  AdwViewSwitcherTitle *switcher_title;
  GtkMenuButton        *primary_menu_button;
  AdwFlap              *flap;
  GtkWidget            *panel_button;
  AdwButtonContent     *panel_button_content;
  AdwViewStack         *view_stack;
  GtkBox               *panel_box;   /* the flap: one panel per panel name, one shown */
  GtkBox               *lab_switcher;
  GMenu                *lab_menu;    /* the labs, in the primary menu once there are two */
  gboolean              lab_menu_shown;
  SpParamPanel         *panel;       /* the phase-separation lab's (in panel_box) */
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

  /* Lessons (sp-window-lesson.c). */
  GtkBox               *lesson_slot;      /* template child: figures | panel */
  GMenu                *lessons_menu;     /* template child: the shipped lessons */
  SpLessonRunner       *lesson_runner;
  GtkWidget            *lesson_panel;
  GtkWidget            *lesson_separator;
  GCancellable         *lesson_cancellable;

  /* Recording (sp-window-recording.c). */
  SpRecording          *recording;
  GtkWidget            *recording_indicator;   /* template children */
  GtkLabel             *recording_label;

  /* Undo and redo (sp-window-undo.c). */
  SpUndoStack          *undo;
  gboolean              undo_restoring;   /* showing an undone state: no new step */
  guint                 undo_commit_id;   /* closes the open step after a pause   */
  char                 *undo_batch_key;   /* the property of this batch, if one   */
  gboolean              undo_batch_multi; /* the batch changed several            */

  /* Pinned comparisons (sp-window-pins.c). */
  SpPinSet             *pins;             /* never NULL after the init            */
  GMenu                *pins_section;     /* template child: per-pin items follow */
  GtkWidget            *pin_button;       /* template child: hidden when narrow   */
  GMenu                *pin_items;        /* the pins' own items                  */
  gboolean              pins_syncing;     /* setting the document's pins          */

  /* The tangent construction (sp-window-tour.c). */
  guint                 tour_tick_id;
  SpPlotView           *tour_view;        /* the g(c) view it plays on            */
  gint64                tour_start_us;
  double                tour_duration_s;
};

/* sp-window-actions.c: installs every win.* action on the class. */
void sp_window_actions_class_init (GtkWidgetClass *widget_class);
/* sp-window-pages.c: makes the pages of its list (sp_window_add_page()
 * each); the lab selector and the panel follow the page on show. */
void sp_window_pages_init         (SpWindow       *self);
/* At the end of the window's init: the keys and the first page's panel. */
void sp_window_pages_ready        (SpWindow       *self);
void sp_window_pages_dispose      (SpWindow       *self);
/* The lab buttons' labels hide while the window is folded (narrow). */
void sp_window_pages_show_folded  (SpWindow       *self,
                                   gboolean        folded);
/* win.show-page: @name's lab becomes the active one, then the page. */
gboolean sp_window_pages_show     (SpWindow       *self,
                                   const char     *name);
/* The window's "lab" property (win.show-lab): the active lab's name, and
 * showing a lab (on the page it was left on); FALSE for an unknown name. */
const char *sp_window_pages_get_lab (SpWindow     *self);
gboolean sp_window_pages_show_lab (SpWindow       *self,
                                   const char     *name);
/* The flap's panel of that name (borrowed), or NULL. */
GtkWidget *sp_window_pages_get_panel (SpWindow    *self,
                                      const char  *panel_name);
/* The page named @name, or NULL. */
SpLabPage *sp_window_pages_lookup (SpWindow       *self,
                                   const char     *name);

/* sp-window.c: gives a new page's figures (and its panel, if it is the
 * parameter panel) what the window gives every figure. */
void sp_window_adopt_page         (SpWindow       *self,
                                   SpLabPage      *page,
                                   GtkWidget      *new_panel);

/* sp-window-export.c: follows the figure in view and gives every figure
 * its context menu (called from the window's init, after its template). */
void sp_window_export_init        (SpWindow *self);
/* Gives a figure added later its context menu and follows its focus. */
void sp_window_export_track_figure (SpWindow   *self,
                                    SpPlotView *figure);

/* sp-window-document.c: the document, its title and its flows; called
 * from the window's init after its template, and from its finalize. */
void sp_window_document_init      (SpWindow *self);
void sp_window_document_finalize  (SpWindow *self);
/* A page added after the init: its state joins the document's. */
void sp_window_document_add_page  (SpWindow  *self,
                                   SpLabPage *page);
/* win.open; win.save (@choose FALSE) and win.save-as (@choose TRUE). */
void sp_window_document_open      (SpWindow *self);
void sp_window_document_save      (SpWindow *self,
                                   gboolean  choose);

/* sp-window-recording.c: the recording and its indicator (init, after the
 * template); win.record-animation's chooser. */
void sp_window_recording_init           (SpWindow *self);
void sp_window_recording_present_chooser (SpWindow *self);

/* sp-window-undo.c: the undo stack follows the parameters and every
 * page's state (init after the document; pages added later join). */
void sp_window_undo_init          (SpWindow  *self);
void sp_window_undo_add_page      (SpWindow  *self,
                                   SpLabPage *page);
void sp_window_undo_dispose       (SpWindow  *self);

/* sp-window-pins.c: pins on every figure, in the menu and the session. */
void sp_window_pins_class_init    (GtkWidgetClass *widget_class);
void sp_window_pins_init          (SpWindow  *self);
void sp_window_pins_dispose       (SpWindow  *self);
/* A page added later: its figures get the pins. */
void sp_window_pins_add_page      (SpWindow  *self,
                                   SpLabPage *page);

/* sp-window-tour.c: the tangent-construction animation. */
void sp_window_tour_class_init    (GtkWidgetClass *widget_class);
void sp_window_tour_stop          (SpWindow  *self);

G_END_DECLS
