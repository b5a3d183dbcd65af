/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sp-plot-style.c — the light and dark print styles */

#include "config.h"

#include "sp-plot-style.h"

/* Both palettes keep the meaning of each role: blue for the main curve,
 * orange for the second, red for tangents and binodal points, purple for
 * markers; fills are translucent so grid and curves show through. */
#define FONT_FAMILY "Cantarell, DejaVu Sans, sans-serif"

static void
set (SpColor *color,
     double   r,
     double   g,
     double   b,
     double   a)
{
  color->red = r;
  color->green = g;
  color->blue = b;
  color->alpha = a;
}

void
sp_plot_style_init_light (SpPlotStyle *style)
{
  g_return_if_fail (style != NULL);

  set (&style->background, 1.0, 1.0, 1.0, 1.0);
  set (&style->foreground, 0.12, 0.12, 0.14, 1.0);
  set (&style->grid, 0.87, 0.87, 0.89, 1.0);
  set (&style->accent, 0.11, 0.44, 0.85, 1.0);          /* #1c71d8 */
  set (&style->secondary, 0.90, 0.38, 0.0, 1.0);        /* #e66100 */
  set (&style->tangent, 0.75, 0.11, 0.16, 1.0);         /* #c01c28 */
  set (&style->marker, 0.51, 0.24, 0.61, 1.0);          /* #813d9c */
  set (&style->unstable_fill, 0.88, 0.11, 0.14, 0.16);
  set (&style->metastable_fill, 0.96, 0.76, 0.07, 0.24);
  style->font_family = g_strdup (FONT_FAMILY);
  style->font_size = 12.0;
  style->line_width = 1.5;
  style->scale = 1.0;
  style->title_inset_right = 0.0;
  style->dark = FALSE;
}

void
sp_plot_style_init_dark (SpPlotStyle *style)
{
  g_return_if_fail (style != NULL);

  set (&style->background, 0.14, 0.14, 0.14, 1.0);
  set (&style->foreground, 0.92, 0.92, 0.92, 1.0);
  set (&style->grid, 0.25, 0.25, 0.27, 1.0);
  set (&style->accent, 0.38, 0.63, 0.96, 1.0);          /* #62a0ea */
  set (&style->secondary, 1.0, 0.64, 0.28, 1.0);        /* #ffa348 */
  set (&style->tangent, 0.97, 0.38, 0.32, 1.0);         /* #f66151 */
  set (&style->marker, 0.86, 0.54, 0.87, 1.0);          /* #dc8add */
  set (&style->unstable_fill, 0.97, 0.38, 0.32, 0.22);
  set (&style->metastable_fill, 0.98, 0.82, 0.27, 0.20);
  style->font_family = g_strdup (FONT_FAMILY);
  style->font_size = 12.0;
  style->line_width = 1.5;
  style->scale = 1.0;
  style->title_inset_right = 0.0;
  style->dark = TRUE;
}

void
sp_plot_style_copy (const SpPlotStyle *src,
                    SpPlotStyle       *dest)
{
  g_return_if_fail (src != NULL);
  g_return_if_fail (dest != NULL);

  if (src == dest)
    return;
  *dest = *src;
  dest->font_family = g_strdup (src->font_family);
}

void
sp_plot_style_clear (SpPlotStyle *style)
{
  g_return_if_fail (style != NULL);

  g_clear_pointer (&style->font_family, g_free);
}
