/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sp-lesson-panel.h — the lesson beside the figures, readable on a
 * projector: the lesson's title, "Step 3 of 7", the step's text, its
 * prediction questions (choices, or a marker dragged on the figure, answered
 * before the reveal) and Previous / Next (win.lesson-previous,
 * win.lesson-next; Page Up / Page Down anywhere in the window).  It shows
 * what the runner's step is and rebuilds itself when that changes. */
#pragma once

#include <gtk/gtk.h>

#include "sp-lesson-runner.h"

G_BEGIN_DECLS

#define SP_TYPE_LESSON_PANEL (sp_lesson_panel_get_type ())
G_DECLARE_FINAL_TYPE (SpLessonPanel, sp_lesson_panel, SP, LESSON_PANEL, GtkWidget)

GtkWidget *sp_lesson_panel_new            (SpLessonRunner *runner);
/* Shows why a step could not be applied (NULL: hides it). */
void       sp_lesson_panel_set_error      (SpLessonPanel  *self,
                                           const char     *message);
const char *sp_lesson_panel_get_error     (SpLessonPanel  *self);
/* "Step 3 of 7", as shown. */
const char *sp_lesson_panel_get_progress  (SpLessonPanel  *self);

/* The step's questions, as a user answers them (the tests and the
 * keyboard go through the same widgets). */
guint      sp_lesson_panel_get_n_questions (SpLessonPanel *self);
/* Selects choice @choice of question @question. */
void       sp_lesson_panel_choose         (SpLessonPanel  *self,
                                           guint           question,
                                           guint           choice);
/* Moves question @question's marker to @value. */
void       sp_lesson_panel_set_marker     (SpLessonPanel  *self,
                                           guint           question,
                                           double          value);
/* Whether its Check button can be pressed: answered, not yet revealed. */
gboolean   sp_lesson_panel_can_reveal     (SpLessonPanel  *self,
                                           guint           question);
/* Presses Check (does nothing before an answer). */
void       sp_lesson_panel_reveal         (SpLessonPanel  *self,
                                           guint           question);
/* -1 not revealed, 0 wrong, 1 right. */
int        sp_lesson_panel_get_verdict    (SpLessonPanel  *self,
                                           guint           question);
/* The verdict's text as shown after the reveal (with the true value of a
 * marker question), or NULL before. */
const char *sp_lesson_panel_get_verdict_text (SpLessonPanel *self,
                                              guint          question);

G_END_DECLS
