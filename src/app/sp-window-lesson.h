/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sp-window-lesson.h — lessons in the window (sp-window-lesson.c) */
#pragma once

#include "sp-lesson-runner.h"
#include "sp-window.h"

G_BEGIN_DECLS

/* Opens a lesson (a shipped lesson's name or a file's path; read off the
 * main thread) at its first step; a lesson that cannot be read or checked
 * is reported in a dialog naming the file and line. */
void            sp_window_open_lesson        (SpWindow   *self,
                                              const char *source);
/* Applies step @step of the open lesson; FALSE (shown in the panel) when
 * it cannot be applied. */
gboolean        sp_window_lesson_go_to       (SpWindow   *self,
                                              guint       step);
void            sp_window_close_lesson       (SpWindow   *self);
SpLessonRunner *sp_window_get_lesson_runner  (SpWindow   *self);
/* The lesson panel (an SpLessonPanel; hidden while no lesson is open). */
GtkWidget      *sp_window_get_lesson_panel   (SpWindow   *self);

/* For the window's own files. */
void            sp_window_lesson_class_init  (GtkWidgetClass *widget_class);
void            sp_window_lesson_init        (SpWindow   *self);
void            sp_window_lesson_dispose     (SpWindow   *self);
/* A session was shown: open (or close) the lesson it names, at its step. */
void            sp_window_lesson_session_shown (SpWindow *self);

G_END_DECLS
