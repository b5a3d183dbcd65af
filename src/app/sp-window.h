/* sp-window.h — the explorer: parameter panel, linked plots, live field
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "sp-analysis.h"
#include "sp-document.h"
#include "sp-lab-page.h"
#include "sp-params.h"
#include "sp-recording.h"
#include "sp-sim-bar.h"
#include "sp-undo-stack.h"
#include "sp-simulation.h"

G_BEGIN_DECLS

#define SP_TYPE_WINDOW (sp_window_get_type ())

G_DECLARE_FINAL_TYPE (SpWindow, sp_window, SP, WINDOW, AdwApplicationWindow)

/* A window of @application (the application knows its windows, never the
 * reverse). */
SpWindow   *sp_window_new           (GtkApplication *application);
/* The single source of truth for every parameter (owned by the window). */
SpParams   *sp_window_get_params    (SpWindow      *self);
/* The analysis every plot draws (borrowed). */
SpAnalysis *sp_window_get_analysis  (SpWindow      *self);
SpSimBar   *sp_window_get_sim_bar   (SpWindow      *self);
/* The live run the simulation figures, the bar and the recorder follow
 * (owned by the window). */
SpSimulation *sp_window_get_simulation (SpWindow    *self);
/* Every SpPlotView: the five analysis figures first (g, OCV, phase
 * diagram, D_chem, σ), then the simulation figures; free with
 * g_ptr_array_unref (the views are borrowed). */
GPtrArray  *sp_window_get_plot_views (SpWindow     *self);
/* Whether the field's colours span c = 0 … 1 (the default, saved in the
 * settings) or each frame's own range; figures on screen, exported and
 * recorded follow it. */
gboolean    sp_window_get_field_fixed_scale (SpWindow  *self);
void        sp_window_set_field_fixed_scale (SpWindow  *self,
                                             gboolean   fixed);
/* Shows @toast (takes it) over the figures: for the Export and Open/Save
 * actions that other modules add to the primary menu. */
void        sp_window_add_toast     (SpWindow      *self,
                                     AdwToast      *toast);

/* The session the window shows (borrowed): its file, title, unsaved
 * changes (sp-document.h). */
SpDocument *sp_window_get_document  (SpWindow      *self);
/* Reads @file off the main thread, asks "Save changes?" when the
 * parameters have unsaved changes, then shows it; a file that cannot be
 * opened is reported in a dialog naming the field, and the window stays
 * as it was (a dropped file, the command line, the file manager). */
void        sp_window_open_file     (SpWindow      *self,
                                     GFile         *file);

/* The animation capture (borrowed; sp-recording.h). */
SpRecording *sp_window_get_recording (SpWindow     *self);
/* Records every shown frame, at most @options->fps a second, to @path
 * (WebM, or a folder of PNGs when WebM cannot be encoded), in the
 * window's field colours.  FALSE, with an error toast, when the recording
 * cannot start. */
gboolean    sp_window_record_start  (SpWindow                *self,
                                     const char              *path,
                                     const SpRecorderOptions *options);
/* Finishes the file off the main thread; a toast tells the outcome. */
void        sp_window_record_stop   (SpWindow      *self);

/* Adds @page (its lab, its panel, its figures) after the pages of
 * sp-window-pages.c's list, which the window adds itself.  For pages
 * outside that list: the tests' own.  @page must have a page-name no
 * other page has and a lab-name. */
void        sp_window_add_page      (SpWindow      *self,
                                     SpLabPage     *page);

/* Undo and redo of parameter changes (sp-window-undo.c): the stack
 * (borrowed).  A lesson's step, or any compound change, brackets its
 * changes with sp_undo_stack_begin_group() / end_group() to make them
 * one step. */
SpUndoStack *sp_window_get_undo_stack (SpWindow    *self);
gboolean    sp_window_undo          (SpWindow      *self);
gboolean    sp_window_redo          (SpWindow      *self);

/* Pinned comparisons (sp-window-pins.c).  The pins (borrowed, never
 * NULL); pinning the curves now under @label (NULL: named after what
 * differs from the previous pin or the preset), FALSE when four pins are
 * already there; removing one, all, renaming one. */
SpPinSet   *sp_window_get_pins      (SpWindow      *self);
gboolean    sp_window_pin           (SpWindow      *self,
                                     const char    *label);
void        sp_window_remove_pin    (SpWindow      *self,
                                     guint          index);
void        sp_window_clear_pins    (SpWindow      *self);
void        sp_window_rename_pin    (SpWindow      *self,
                                     guint          index,
                                     const char    *label);

/* The tangent-construction animation on g(c) (sp-window-tour.c): starts
 * it from the beginning, or stops it; whether it plays. */
void        sp_window_play_tangent_tour (SpWindow  *self,
                                         gboolean   play);
gboolean    sp_window_get_tangent_tour_playing (SpWindow *self);

G_END_DECLS
