/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sp-lesson-check.c — figure names and Pango markup of a parsed lesson */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <pango/pango.h>
#include <string.h>

#include "sp-figure.h"
#include "sp-lesson-check.h"

static gboolean
check_markup (const SpLesson *lesson,
              guint           line,
              const char     *text,
              GError        **error)
{
  g_autoptr(GError) local = NULL;

  if (text == NULL || pango_parse_markup (text, -1, 0, NULL, NULL, NULL, &local))
    return TRUE;
  g_set_error (error, SP_LESSON_ERROR, SP_LESSON_ERROR_PARSE,
               _("%s:%u: not valid markup (%s); write &lt; for “<” and &amp; for “&”"),
               lesson->filename, line, local->message);
  return FALSE;
}

static gboolean
check_figure (const SpLesson *lesson,
              guint           line,
              const char     *directive,
              const char     *id,
              GError        **error)
{
  gboolean keys = g_str_equal (directive, "@highlight");

  g_autoptr(GString) known = NULL;
  SpFigureKind kind;

  if (sp_figure_kind_from_id (id, &kind) && kind != SP_FIGURE_ALL)
    return TRUE;
  known = g_string_new (NULL);
  for (guint i = 0; i < SP_N_FIGURES; i++)
    if (i != SP_FIGURE_ALL)
      g_string_append_printf (known, "%s%s", known->len > 0 ? ", " : "",
                              sp_figure_kind_to_id (i));
  if (keys)
    g_set_error (error, SP_LESSON_ERROR, SP_LESSON_ERROR_INVALID,
                 _("%s:%u: unknown figure “%s” in %s (expected %s, or a parameter key)"),
                 lesson->filename, line, id, directive, known->str);
  else if (g_str_equal (directive, "@conceal"))
    g_set_error (error, SP_LESSON_ERROR, SP_LESSON_ERROR_INVALID,
                 _("%s:%u: unknown figure “%s” in %s (expected %s, or readouts)"),
                 lesson->filename, line, id, directive, known->str);
  else
    g_set_error (error, SP_LESSON_ERROR, SP_LESSON_ERROR_INVALID,
                 _("%s:%u: unknown figure “%s” in %s (expected %s)"),
                 lesson->filename, line, id, directive, known->str);
  return FALSE;
}

/* A marker is dragged on its figure: the figure must show the quantity. */
static gboolean
check_marker (const SpLesson         *lesson,
              const SpLessonQuestion *q,
              GError                **error)
{
  g_autofree char *figures = NULL;
  SpFigureKind kind;

  if (!check_figure (lesson, q->marker_line, "@marker", q->marker_figure, error))
    return FALSE;
  sp_figure_kind_from_id (q->marker_figure, &kind);
  if (sp_figure_marker_axis (kind, q->marker_quantity) != SP_FIGURE_MARKER_NONE)
    return TRUE;
  figures = sp_figure_marker_figures (q->marker_quantity);
  g_set_error (error, SP_LESSON_ERROR, SP_LESSON_ERROR_INVALID,
               /* TRANSLATORS: a lesson file's error: file, line, figure, quantity and
                * the figures that show the quantity (export ids, not translated). */
               _("%s:%u: the figure “%s” does not show %s, so the marker cannot be dragged "
                 "there (use %s)"),
               lesson->filename, q->marker_line, q->marker_figure,
               sp_lesson_quantity_to_id (q->marker_quantity), figures);
  return FALSE;
}

static gboolean
check_question (const SpLesson         *lesson,
                const SpLessonQuestion *q,
                GError                **error)
{
  if (!check_markup (lesson, q->line, q->prompt, error) ||
      !check_markup (lesson, q->answer_line, q->answer, error))
    return FALSE;
  for (guint i = 0; i < q->choices->len; i++)
    {
      const SpLessonChoice *choice = g_ptr_array_index (q->choices, i);
      if (!check_markup (lesson, choice->line, choice->text, error))
        return FALSE;
    }
  for (guint i = 0; q->conceal[i] != NULL; i++)
    if (!g_str_equal (q->conceal[i], SP_LESSON_CONCEAL_READOUTS) &&
        !check_figure (lesson, q->conceal_line, "@conceal", q->conceal[i], error))
      return FALSE;
  return q->kind != SP_LESSON_QUESTION_MARKER || check_marker (lesson, q, error);
}

static gboolean
check_step (const SpLesson     *lesson,
            const SpLessonStep *step,
            GError            **error)
{
  if (!check_markup (lesson, step->line, step->title, error))
    return FALSE;
  for (guint i = 0; i < step->paragraphs->len; i++)
    if (!check_markup (lesson, g_array_index (step->paragraph_lines, guint, i),
                       g_ptr_array_index (step->paragraphs, i), error))
      return FALSE;
  /* The parser let through every highlight that is no key: a figure. */
  for (guint i = 0; step->highlights[i] != NULL; i++)
    if (!sp_lesson_key_is_session (step->highlights[i]) && strchr (step->highlights[i], '.') == NULL &&
        !check_figure (lesson, step->highlights_line, "@highlight", step->highlights[i], error))
      return FALSE;
  for (guint i = 0; i < step->questions->len; i++)
    if (!check_question (lesson, g_ptr_array_index (step->questions, i), error))
      return FALSE;
  return TRUE;
}

gboolean
sp_lesson_check (const SpLesson *lesson,
                 GError        **error)
{
  if (!check_markup (lesson, 1, lesson->title, error) ||
      !check_markup (lesson, 1, lesson->description, error))
    return FALSE;
  for (guint i = 0; i < lesson->steps->len; i++)
    if (!check_step (lesson, g_ptr_array_index (lesson->steps, i), error))
      return FALSE;
  return TRUE;
}

static SpLesson *
checked (SpLesson *lesson,
         GError  **error)
{
  if (lesson != NULL && !sp_lesson_check (lesson, error))
    g_clear_pointer (&lesson, sp_lesson_free);
  return lesson;
}

SpLesson *
sp_lesson_open_checked (const char *name_or_path,
                        GError    **error)
{
  return checked (sp_lesson_open (name_or_path, error), error);
}

SpLesson *
sp_lesson_load_file_checked (GFile        *file,
                             GCancellable *cancellable,
                             GError      **error)
{
  return checked (sp_lesson_load_file (file, cancellable, error), error);
}
