/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-figure-helpers.h — a figure drawn into a 640 × 420 image, and how
 * many pixels two such images differ in (the figure tests' pixel checks) */
#pragma once

#include <cairo.h>
#include <string.h>

#include "sp-figure.h"

static inline cairo_surface_t *
test_render_figure (SpFigureKind        kind,
                    const SpFigureData *data,
                    const SpPlotStyle  *style)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 640, 420);
  cairo_t *cr = cairo_create (surface);

  sp_figure_draw (cr, 640, 420, kind, data, style);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  return surface;
}

static inline guint
test_count_differing (cairo_surface_t *a,
                      cairo_surface_t *b)
{
  const guint8 *pa = cairo_image_surface_get_data (a), *pb = cairo_image_surface_get_data (b);
  int stride = cairo_image_surface_get_stride (a);
  guint n = 0;

  for (int y = 0; y < cairo_image_surface_get_height (a); y++)
    for (int x = 0; x < cairo_image_surface_get_width (a); x++)
      n += memcmp (pa + y * stride + 4 * x, pb + y * stride + 4 * x, 4) != 0;
  return n;
}
