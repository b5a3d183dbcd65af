/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sp-plot-text.h — PangoCairo text for the figures
 *
 * Every string is Pango markup in style->font_family at
 * style->font_size × style->scale × @size (a factor, 1 for body text), so
 * subscripts, Greek letters and presentation mode all come for free.
 */
#pragma once

#include <cairo.h>
#include <pango/pangocairo.h>

#include "sp-plot-style.h"

G_BEGIN_DECLS

typedef enum
{
  SP_TEXT_NORMAL = 0,
  SP_TEXT_BOLD   = 1 << 0,
  SP_TEXT_HALO   = 1 << 1,   /* a background-coloured box behind the text */
} SpTextFlags;

/* The font size in user units for a size factor. */
double  sp_plot_text_em       (const SpPlotStyle *style,
                               double             size);
/* Measures @markup without a Cairo context (so layout computations give the
 * same answer whether or not one is drawing).  @wrap_width ≤ 0: no wrap. */
void    sp_plot_text_measure  (const SpPlotStyle *style,
                               double             size,
                               SpTextFlags        flags,
                               const char        *markup,
                               double             wrap_width,
                               double            *width,
                               double            *height);
/* Draws @markup with its box aligned at (x, y): @xalign 0 = left edge at x,
 * 0.5 = centred, 1 = right edge; likewise @yalign.  @angle rotates about
 * (x, y) (radians, counter-clockwise positive as on screen: −π/2 reads
 * bottom to top). */
void    sp_plot_text_draw     (cairo_t           *cr,
                               const SpPlotStyle *style,
                               double             size,
                               SpTextFlags        flags,
                               const char        *markup,
                               double             wrap_width,
                               double             x,
                               double             y,
                               double             xalign,
                               double             yalign,
                               double             angle,
                               const SpColor     *color);

/* printf of one number with the typographic minus sign (U+2212). */
char   *sp_plot_format_number (const char       *format,
                               double            value);

void    sp_plot_set_color     (cairo_t           *cr,
                               const SpColor     *color);

G_END_DECLS
