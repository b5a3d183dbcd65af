/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sp-figure-field.c — the live 2D composition field with its colorbar */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "sp-colormap.h"
#include "sp-figure-private.h"

#define COLORBAR_EM 5.5

/* ---- the field --------------------------------------------------------------- */

void
sp_figure_field_setup (SpFigureSpec       *spec,
                       const SpFigureData *data,
                       const SpPlotStyle  *style)
{
  const SpFrame *f = data->frame;
  g_autofree char *t = NULL;

  if (f == NULL || f->field == NULL || f->n == 0 || !(f->length > 0.0))
    {
      sp_figure_spec_set_no_data (spec, _("No simulation yet"));
      return;
    }
  t = sp_figure_format_time (f, f->diag.time);
  g_free (spec->title);
  spec->title = g_strdup_printf (_("Composition field at <i>t</i> = %s"), t);
  spec->x.min = spec->y.min = 0.0;
  spec->x.max = spec->y.max = f->length;
  spec->equal_aspect = TRUE;
  spec->right_extra = COLORBAR_EM;
  spec->x_label = g_strdup ("<i>x</i>");
  spec->y_label = g_strdup ("<i>y</i>");
  if (!sp_figure_is_pfhub (f))
    {
      spec->x_unit = g_strdup (_("nm"));
      spec->y_unit = g_strdup (_("nm"));
    }
}

/* The colour range: every composition 0 … 1 (fixed: a uniform colour is a
 * uniform field, and noise looks like noise), or the frame's own, widened
 * when the field is uniform so the map stays defined. */
void
sp_figure_field_range (const SpFrame *frame,
                       gboolean       fixed,
                       double        *vmin,
                       double        *vmax)
{
  /* Compositions closer than 10⁻³ look alike in any colormap: show a
   * uniform field as uniform instead of stretching round-off to full
   * contrast. */
  const double min_span = 1e-3;
  double mid = 0.5 * (frame->field_min + frame->field_max);

  if (fixed)
    {
      *vmin = 0.0;
      *vmax = 1.0;
      return;
    }
  *vmin = frame->field_min;
  *vmax = frame->field_max;
  if (!(*vmax - *vmin >= min_span))
    {
      *vmin = mid - 0.5 * min_span;
      *vmax = mid + 0.5 * min_span;
    }
}

static void
draw_colorbar (cairo_t            *cr,
               const SpFigureSpec *spec,
               const SpPlotStyle  *style,
               double              vmin,
               double              vmax)
{
  cairo_surface_t *bar = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1, SP_COLORMAP_N_ANCHORS);
  unsigned char *pix;
  int stride;
  double x0 = spec->px + spec->pw + 1.0 * spec->em, w = 1.1 * spec->em;
  SpAxis axis = { vmin, vmax, SP_SCALE_LINEAR, 1.0, spec->py + spec->ph, spec->py, 0 };
  SpTicks ticks;

  cairo_surface_flush (bar);
  pix = cairo_image_surface_get_data (bar);
  stride = cairo_image_surface_get_stride (bar);
  for (int i = 0; i < SP_COLORMAP_N_ANCHORS; i++)
    *(uint32_t *) (pix + i * stride) = sp_colormap_pixel (1.0 - (double) i / (SP_COLORMAP_N_ANCHORS - 1));
  cairo_surface_mark_dirty (bar);

  cairo_save (cr);
  cairo_rectangle (cr, x0, spec->py, w, spec->ph);
  cairo_clip (cr);
  cairo_translate (cr, x0, spec->py);
  cairo_scale (cr, w, spec->ph / SP_COLORMAP_N_ANCHORS);
  cairo_set_source_surface (cr, bar, 0, 0);
  cairo_pattern_set_filter (cairo_get_source (cr), CAIRO_FILTER_BILINEAR);
  cairo_pattern_set_extend (cairo_get_source (cr), CAIRO_EXTEND_PAD);
  cairo_paint (cr);
  cairo_restore (cr);
  cairo_surface_destroy (bar);

  sp_plot_set_color (cr, &style->foreground);
  cairo_set_line_width (cr, MAX (0.75, 0.8 * spec->lw));
  cairo_rectangle (cr, x0, spec->py, w, spec->ph);
  cairo_stroke (cr);

  axis.exponent = sp_axis_label_exponent (&axis);
  sp_ticks_compute (&ticks, &axis, (guint) CLAMP (spec->ph / (2.4 * spec->em), 2, 8));
  for (guint i = 0; i < ticks.n; i++)
    {
      double v = sp_axis_map (&axis, ticks.value[i]);

      cairo_move_to (cr, x0 + w, v);
      cairo_line_to (cr, x0 + w + 0.3 * spec->em, v);
      cairo_stroke (cr);
      sp_plot_text_draw (cr, style, 0.85, 0, ticks.label[i], -1, x0 + w + 0.45 * spec->em, v,
                         0.0, 0.5, 0.0, &style->foreground);
    }
  sp_ticks_clear (&ticks);
  /* Under the bar, level with the x tick labels: above it the label could
   * run into a long title when the square plot fills the height. */
  sp_plot_text_draw (cr, style, 0.9, 0, "<i>c</i>", -1, x0 + 0.5 * w,
                     spec->py + spec->ph + 0.35 * spec->em, 0.5, 0.0, 0.0, &style->foreground);
}

/* The largest divisor f of @n with n/f still at least @pixels: the block
 * size that brings the grid down to about the plot's device resolution. */
static guint
reduction_factor (guint  n,
                  double pixels)
{
  guint best = 1;

  for (guint f = 2; f <= n / 2; f++)
    if (n % f == 0 && n / f >= pixels)
      best = f;
  return best;
}

/* Block means of an n × n field over f × f blocks. */
static double *
field_reduce (const double *field,
              guint         n,
              guint         f)
{
  guint m = n / f;
  double *out = g_new0 (double, (gsize) m * m);

  for (guint y = 0; y < n; y++)
    for (guint x = 0; x < n; x++)
      out[(y / f) * m + x / f] += field[(gsize) y * n + x];
  for (gsize p = 0; p < (gsize) m * m; p++)
    out[p] /= (double) f * f;
  return out;
}

void
sp_figure_field_draw (cairo_t            *cr,
                      const SpFigureSpec *spec,
                      const SpFigureData *data,
                      const SpPlotStyle  *style)
{
  const SpFrame *f = data->frame;
  g_autofree double *reduced = NULL;
  const double *values = f->field;
  cairo_surface_t *image;
  double vmin, vmax, dev_w = spec->pw, dev_h = spec->ph;
  guint n = f->n, factor;

  sp_figure_field_range (f, data->field_fixed_scale, &vmin, &vmax);

  /* A grid finer than the screen: average whole blocks of cells first (the
   * mean composition of each block, which is what the eye should see), so
   * Cairo never runs its slow downscaling filter on a large image. */
  cairo_user_to_device_distance (cr, &dev_w, &dev_h);
  factor = reduction_factor (n, MAX (fabs (dev_w), fabs (dev_h)));
  if (factor > 1)
    {
      reduced = field_reduce (f->field, n, factor);
      values = reduced;
      n /= factor;
    }

  image = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, n, n);
  cairo_surface_flush (image);
  sp_colormap_fill_image (values, n, vmin, vmax, cairo_image_surface_get_data (image),
                          cairo_image_surface_get_stride (image));
  cairo_surface_mark_dirty (image);

  cairo_save (cr);
  sp_figure_clip_plot (cr, spec);
  /* Field row 0 is y = 0, at the bottom of the plot: flip vertically. */
  cairo_translate (cr, spec->px, spec->py + spec->ph);
  cairo_scale (cr, spec->pw / n, -spec->ph / n);
  cairo_set_source_surface (cr, image, 0, 0);
  /* Enlarged, show the grid cells as they are; reduced (by less than two
   * after the block means), interpolate. */
  cairo_pattern_set_filter (cairo_get_source (cr),
                            fabs (dev_w) >= n ? CAIRO_FILTER_NEAREST : CAIRO_FILTER_BILINEAR);
  cairo_paint (cr);
  cairo_restore (cr);
  cairo_surface_destroy (image);

  /* The box again, over the image. */
  sp_plot_set_color (cr, &style->foreground);
  cairo_set_line_width (cr, MAX (0.75, 0.8 * spec->lw));
  cairo_rectangle (cr, spec->px, spec->py, spec->pw, spec->ph);
  cairo_stroke (cr);

  draw_colorbar (cr, spec, style, vmin, vmax);
}

