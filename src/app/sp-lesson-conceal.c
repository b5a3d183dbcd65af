/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sp-lesson-conceal.c — what a lesson step's open questions hide
 * (sp-lesson-conceal.h) */

#include "config.h"

#include <string.h>

#include "sp-lesson-conceal.h"
#include "sp-window-private.h"

void
sp_lesson_concealment_compute (const SpLessonStep  *step,
                               guint                revealed,
                               SpLessonConcealment *out)
{
  memset (out, 0, sizeof *out);
  if (step == NULL)
    return;
  for (guint i = 0; i < step->questions->len; i++)
    {
      const SpLessonQuestion *q = g_ptr_array_index (step->questions, i);

      if (i < 32 && (revealed & (1u << i)) != 0)
        continue;
      if (q->kind == SP_LESSON_QUESTION_MARKER)
        out->quantities |= 1u << q->marker_quantity;
      for (guint k = 0; q->conceal[k] != NULL; k++)
        {
          SpFigureKind kind;

          if (g_str_equal (q->conceal[k], SP_LESSON_CONCEAL_READOUTS))
            out->readouts = TRUE;
          else if (sp_figure_kind_from_id (q->conceal[k], &kind))
            out->veiled[kind] = TRUE;
        }
    }
}

void
sp_lesson_concealment_apply (const SpLessonConcealment *concealment,
                             SpWindow                  *window)
{
  for (guint p = 0; p < window->pages->len; p++)
    {
      GPtrArray *figures = sp_lab_page_get_figures (g_ptr_array_index (window->pages, p));

      for (guint i = 0; i < figures->len; i++)
        {
          SpPlotView *view = g_ptr_array_index (figures, i);

          sp_plot_view_set_concealed (view, concealment->quantities,
                                      concealment->veiled[sp_plot_view_get_kind (view)]);
        }
    }
  if (window->panel != NULL)
    sp_param_panel_set_concealed (window->panel, concealment->quantities, concealment->readouts);
  if (window->sim_bar != NULL)
    sp_sim_bar_set_concealed (window->sim_bar,
                              concealment->readouts ||
                              concealment->quantities & 1u << SP_LESSON_QUANTITY_FASTEST_WAVELENGTH);
}
