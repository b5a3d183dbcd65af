/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sp-lesson-conceal.h — what a lesson step's open questions hide
 *
 * A prediction is asked before the answer is on screen: while a question
 * is open (from its step's start until its Check), a marker question's
 * quantity is hidden on every figure (SpFigureData.concealed) and in the
 * read-outs, and the figures a question names in @conceal draw a veil
 * (SpFigureData.veiled), the parameter panel's read-outs too when it names
 * "readouts".  None of it is a parameter: it follows the lesson's step and
 * its reveals (sp-lesson-runner.c), never the session or the undo stack.
 */
#pragma once

#include "sp-figure.h"
#include "sp-lesson.h"

G_BEGIN_DECLS

typedef struct _SpWindow SpWindow;

typedef struct
{
  guint    quantities;             /* bits 1 << SpLessonQuantity */
  gboolean readouts;               /* @conceal readouts */
  gboolean veiled[SP_N_FIGURES];   /* @conceal FIGURE */
} SpLessonConcealment;

/* What @step's questions not in @revealed (bit i: question i was checked)
 * hide; @step NULL: nothing. */
void sp_lesson_concealment_compute (const SpLessonStep        *step,
                                    guint                      revealed,
                                    SpLessonConcealment       *out);
/* Gives it to every figure of every page, the parameter panel and the
 * simulation bar of @window. */
void sp_lesson_concealment_apply   (const SpLessonConcealment *concealment,
                                    SpWindow                  *window);

G_END_DECLS
