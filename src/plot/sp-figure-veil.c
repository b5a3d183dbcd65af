/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sp-figure-veil.c — the veil over a figure a lesson's question conceals
 *
 * A prediction is worth asking only while the answer is not on screen:
 * a question names in @conceal the figures that would show it, and those
 * draw this instead of their content until the question's Check.  The
 * figure's title stays, so the class knows what will appear there. */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "sp-figure-private.h"

void
sp_figure_veil_draw (cairo_t           *cr,
                     double             width,
                     double             height,
                     SpFigureKind       kind,
                     const SpPlotStyle *style)
{
  double em = sp_plot_text_em (style, 1.0);
  double inset = 0.8 * em;
  double wrap = MAX (width - 4.0 * em, 4.0 * em);
  SpColor fill = style->grid;

  /* A hatched panel, visibly a cover rather than an empty plot. */
  cairo_save (cr);
  cairo_rectangle (cr, inset, inset, MAX (width - 2 * inset, 0), MAX (height - 2 * inset, 0));
  fill.alpha = 0.35;
  sp_plot_set_color (cr, &fill);
  cairo_fill_preserve (cr);
  cairo_clip_preserve (cr);
  sp_plot_set_color (cr, &style->grid);
  cairo_set_line_width (cr, 0.12 * em);
  for (double d = -height; d < width + height; d += 1.2 * em)
    {
      cairo_move_to (cr, d, height);
      cairo_line_to (cr, d + height, 0);
    }
  cairo_stroke (cr);
  cairo_reset_clip (cr);
  cairo_rectangle (cr, inset, inset, MAX (width - 2 * inset, 0), MAX (height - 2 * inset, 0));
  sp_plot_set_color (cr, &style->foreground);
  cairo_set_line_width (cr, 0.1 * em);
  cairo_set_dash (cr, (double[]) { 0.5 * em, 0.3 * em }, 2, 0);
  cairo_stroke (cr);
  cairo_restore (cr);

  sp_plot_text_draw (cr, style, 1.1, SP_TEXT_BOLD | SP_TEXT_HALO, sp_figure_kind_title (kind), wrap,
                     0.5 * width, 0.5 * height - 0.3 * em, 0.5, 1.0, 0.0, &style->foreground);
  /* Translators: drawn over a figure while a lesson's question is open;
   * "Check" is the lesson panel's Check Answer button. */
  sp_plot_text_draw (cr, style, 1.0, SP_TEXT_HALO,
                     _("Predict first: the answer appears after Check"), wrap,
                     0.5 * width, 0.5 * height + 0.3 * em, 0.5, 0.0, 0.0, &style->marker);
}
