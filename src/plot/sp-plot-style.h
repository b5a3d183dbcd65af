/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sp-plot-style.h — colours, fonts and line widths of every figure
 *
 * The window fills one from the theme (css_changed); export uses the light
 * print style unless asked otherwise; presentation mode scales fonts and
 * lines.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct
{
  double red, green, blue, alpha;
} SpColor;

typedef struct
{
  SpColor     background;
  SpColor     foreground;      /* axes, ticks, labels                      */
  SpColor     grid;
  SpColor     accent;          /* the main curve                           */
  SpColor     secondary;       /* a second curve (homogeneous OCV, spinodal) */
  SpColor     tangent;         /* common tangents, binodal points          */
  SpColor     marker;          /* c0, (c0, T), k*, the cursor              */
  SpColor     unstable_fill;   /* spinodal interval, unstable band, uphill */
  SpColor     metastable_fill; /* binodal minus spinodal                   */
  char       *font_family;     /* owned                                    */
  double      font_size;       /* user units at scale 1                    */
  double      line_width;      /* user units at scale 1                    */
  double      scale;           /* 1; presentation mode enlarges            */
  double      title_inset_right; /* user units kept free right of the title
                                  * (the window's info button); 0 on export */
  gboolean    dark;
} SpPlotStyle;

void  sp_plot_style_init_light  (SpPlotStyle       *style);
void  sp_plot_style_init_dark   (SpPlotStyle       *style);
void  sp_plot_style_copy        (const SpPlotStyle *src,
                                 SpPlotStyle       *dest);
void  sp_plot_style_clear       (SpPlotStyle       *style);

G_END_DECLS
