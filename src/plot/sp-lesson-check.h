/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sp-lesson-check.h — what the core's lesson parser cannot judge: the
 * figure names (the export ids of sp-figure.h) and the Pango markup of
 * every text, title, choice and answer.  The window and the CLI call it
 * after every load; errors name the file and line like the parser's. */
#pragma once

#include "sp-lesson.h"

G_BEGIN_DECLS

gboolean  sp_lesson_check        (const SpLesson *lesson,
                                  GError        **error);
/* sp_lesson_open() or sp_lesson_load_file(), then sp_lesson_check(). */
SpLesson *sp_lesson_open_checked (const char     *name_or_path,
                                  GError        **error);
SpLesson *sp_lesson_load_file_checked (GFile        *file,
                                       GCancellable *cancellable,
                                       GError      **error);

G_END_DECLS
