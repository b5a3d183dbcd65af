/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sp-lesson-runner.h — a lesson's steps applied to a window
 *
 * Going to a step: the page on show, the preset, every @set (the model and
 * simulation keys through the session's checks and SpParams, a page's
 * keys through the page contract: save_state, the keys overlaid,
 * check_state, load_state), then the locks (the controls insensitive, a
 * tooltip saying the lesson holds them), the highlights (an accent ring on
 * the named figures and controls) and the simulation (run, pause, reset).
 * Everything is checked before anything changes: a step that cannot be
 * applied changes nothing and says why, with the lesson file and line.
 * The lesson and step are the document's (the session's "lesson" key).
 *
 * A control answers to a key when its panel named it with
 * sp_lesson_control_set_key() ("omega", "impedance.explore.r_b_ohm").
 */
#pragma once

#include <gtk/gtk.h>

#include "sp-figure.h"
#include "sp-lesson.h"

G_BEGIN_DECLS

typedef struct _SpWindow SpWindow;

#define SP_TYPE_LESSON_RUNNER (sp_lesson_runner_get_type ())
G_DECLARE_FINAL_TYPE (SpLessonRunner, sp_lesson_runner, SP, LESSON_RUNNER, GObject)

/* The CSS class of a highlighted figure or control (style.css). */
#define SP_LESSON_HIGHLIGHT_CLASS "lesson-highlight"

SpLessonRunner *sp_lesson_runner_new          (SpWindow       *window);
/* Takes @lesson (NULL: closes the lesson, unlocking and unhighlighting
 * everything); @source is its name or path, as the session keeps it.
 * Applies nothing: call sp_lesson_runner_go_to(). */
void            sp_lesson_runner_set_lesson   (SpLessonRunner *self,
                                               SpLesson       *lesson,
                                               const char     *source);
SpLesson       *sp_lesson_runner_get_lesson   (SpLessonRunner *self);
const char     *sp_lesson_runner_get_source   (SpLessonRunner *self);
guint           sp_lesson_runner_get_step     (SpLessonRunner *self);
/* Applies step @index; FALSE with "FILE:LINE: …" and nothing changed. */
gboolean        sp_lesson_runner_go_to        (SpLessonRunner *self,
                                               guint           index,
                                               GError        **error);
/* Shows step @index as current (its locks and highlights) without
 * applying its settings: a session's saved step, whose parameters the
 * session already holds. */
void            sp_lesson_runner_show         (SpLessonRunner *self,
                                               guint           index);
/* Whether a control of @key is held by the current step. */
gboolean        sp_lesson_runner_is_locked    (SpLessonRunner *self,
                                               const char     *key);

/* The marker question's quantity in the window's current analysis. */
gboolean        sp_lesson_runner_quantity     (SpLessonRunner   *self,
                                               SpLessonQuantity  quantity,
                                               double           *value,
                                               GError          **error);
/* The range a marker for @quantity may be moved over when its figure is
 * not there to give its axis (sp_plot_view_marker_range()): compositions
 * 0 … 1, T the slider's range, V the plateau's neighbourhood, λ up to the
 * simulation box. */
void            sp_lesson_runner_marker_range (SpLessonRunner   *self,
                                               SpLessonQuantity  quantity,
                                               double           *min,
                                               double           *max);
/* The figure on show named @id (an export id), or NULL. */
GtkWidget      *sp_lesson_runner_find_figure  (SpLessonRunner   *self,
                                               const char       *id);

/* The step's question @question has been checked: what it hid shows
 * again (sp-lesson-conceal.h).  Going to a step opens its questions. */
void            sp_lesson_runner_reveal       (SpLessonRunner   *self,
                                               guint             question);
/* What the open questions hide: the quantities (bits 1 << SpLessonQuantity;
 * @readouts: all read-outs), and whether figure @kind is veiled. */
guint           sp_lesson_runner_get_concealed (SpLessonRunner  *self,
                                                gboolean        *readouts);
gboolean        sp_lesson_runner_conceals_figure (SpLessonRunner *self,
                                                  SpFigureKind    kind);
/* Gives the concealment to every figure again (a page added later). */
void            sp_lesson_runner_apply_concealment (SpLessonRunner *self);

/* For the panels: @control stands for @key (copied). */
void            sp_lesson_control_set_key     (GtkWidget        *control,
                                               const char       *key);
const char     *sp_lesson_control_get_key     (GtkWidget        *control);

G_END_DECLS
