/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sp-colormap.h — the perceptually uniform viridis colormap
 *
 * Viridis (van der Walt & Smith, 2015; the matplotlib default, CC0) is
 * defined by 256 published sRGB anchors; between anchors we interpolate
 * linearly, so anchor i is hit exactly at t = i / 255.
 */
#pragma once

#include <glib.h>
#include <stdint.h>

G_BEGIN_DECLS

#define SP_COLORMAP_N_ANCHORS 256

/* The published anchor i (0 … 255) as sRGB in [0, 1]. */
void      sp_colormap_anchor      (guint   i,
                                   double *r,
                                   double *g,
                                   double *b);
/* The colour at t ∈ [0, 1] (clamped; NaN maps to t = 0). */
void      sp_colormap_eval        (double  t,
                                   double *r,
                                   double *g,
                                   double *b);
/* The same as an opaque Cairo ARGB32 pixel (0xAARRGGBB, native endian). */
uint32_t  sp_colormap_pixel       (double  t);
/* Fills an n × n ARGB32 image (@stride bytes per row) from a row-major
 * field, mapping [vmin, vmax] onto the colormap.  Row 0 of the field is the
 * top row of the image. */
void      sp_colormap_fill_image  (const double *field,
                                   guint         n,
                                   double        vmin,
                                   double        vmax,
                                   unsigned char *data,
                                   int           stride);

G_END_DECLS
