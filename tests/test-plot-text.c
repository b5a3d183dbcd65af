/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-plot-text.c — PangoCairo text: sizes, scaling, alignment, numbers */

#include "config.h"

#include <math.h>

#include "sp-gsl.h"
#include "sp-plot-text.h"
#include "test-helpers.h"

static void
test_measure_scales (void)
{
  SpPlotStyle style;
  double w1, h1, w2, h2;

  sp_plot_style_init_light (&style);
  sp_plot_text_measure (&style, 1.0, 0, "<i>σ</i>(<i>k</i>) = 0.0101 s⁻¹", -1, &w1, &h1);
  g_assert_cmpfloat (w1, >, 5 * style.font_size);
  /* Presentation mode: everything twice as large, within hinting noise. */
  style.scale = 2.0;
  sp_plot_text_measure (&style, 1.0, 0, "<i>σ</i>(<i>k</i>) = 0.0101 s⁻¹", -1, &w2, &h2);
  sp_assert_close (w2, 2.0 * w1, 0.03, 1.0);
  sp_assert_close (h2, 2.0 * h1, 0.03, 1.0);
  /* The em of a size factor. */
  sp_assert_close (sp_plot_text_em (&style, 0.5), style.font_size, 1e-15, 1e-15);
  sp_plot_style_clear (&style);
}

static void
test_wrap (void)
{
  SpPlotStyle style;
  const char *text = "Linear theory has broken down: the pattern has saturated and now coarsens";
  double w, h, ww, wh;

  sp_plot_style_init_light (&style);
  sp_plot_text_measure (&style, 1.0, 0, text, -1, &w, &h);
  sp_plot_text_measure (&style, 1.0, 0, text, w / 3.0, &ww, &wh);
  g_assert_cmpfloat (ww, <=, w / 3.0 + 1e-9);
  g_assert_cmpfloat (wh, >=, 3.0 * h * 0.95);
  sp_plot_style_clear (&style);
}

/* The bounding box of non-white pixels. */
static void
ink_box (cairo_surface_t *surface,
         int             *x0,
         int             *y0,
         int             *x1,
         int             *y1)
{
  int w = cairo_image_surface_get_width (surface), h = cairo_image_surface_get_height (surface);
  int stride = cairo_image_surface_get_stride (surface);
  unsigned char *data = cairo_image_surface_get_data (surface);

  *x0 = w, *y0 = h, *x1 = -1, *y1 = -1;
  for (int y = 0; y < h; y++)
    for (int x = 0; x < w; x++)
      if (*(guint32 *) (data + y * stride + 4 * x) != 0xffffffffu)
        {
          *x0 = MIN (*x0, x);
          *y0 = MIN (*y0, y);
          *x1 = MAX (*x1, x);
          *y1 = MAX (*y1, y);
        }
}

static void
test_alignment (void)
{
  SpPlotStyle style;
  const double align[][2] = { { 0.0, 0.0 }, { 0.5, 0.5 }, { 1.0, 1.0 } };
  double tw, th;

  sp_plot_style_init_light (&style);
  sp_plot_text_measure (&style, 1.0, 0, "HHHH", -1, &tw, &th);
  for (guint i = 0; i < G_N_ELEMENTS (align); i++)
    {
      cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 300, 200);
      cairo_t *cr = cairo_create (surface);
      int x0, y0, x1, y1;

      cairo_set_source_rgb (cr, 1, 1, 1);
      cairo_paint (cr);
      sp_plot_text_draw (cr, &style, 1.0, 0, "HHHH", -1, 150, 100, align[i][0], align[i][1],
                         0.0, &style.foreground);
      g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
      cairo_destroy (cr);
      cairo_surface_flush (surface);
      ink_box (surface, &x0, &y0, &x1, &y1);
      /* The ink lies inside the logical box [x, x + w] placed by the
       * alignment, and the box's anchor is where we asked. */
      g_assert_cmpfloat (x0, >=, floor (150 - align[i][0] * tw) - 1);
      g_assert_cmpfloat (x1, <=, ceil (150 + (1 - align[i][0]) * tw) + 1);
      g_assert_cmpfloat (y0, >=, floor (100 - align[i][1] * th) - 1);
      g_assert_cmpfloat (y1, <=, ceil (100 + (1 - align[i][1]) * th) + 1);
      /* And it is not empty: the four H span most of the box. */
      g_assert_cmpfloat (x1 - x0, >, 0.7 * tw);
      cairo_surface_destroy (surface);
    }
  sp_plot_style_clear (&style);
}

static void
test_format_number (void)
{
  g_autofree char *a = sp_plot_format_number ("%.2f", -0.481);
  g_autofree char *b = sp_plot_format_number ("%.3g", 1.5e-7);
  g_autofree char *c = sp_plot_format_number ("%.3f", 0.25);

  g_assert_cmpstr (a, ==, "−0.48");
  g_assert_cmpstr (b, ==, "1.5e−07");
  g_assert_cmpstr (c, ==, "0.250");
}

int
main (int argc, char **argv)
{
  sp_gsl_init ();
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/plot-text/measure-scales", test_measure_scales);
  g_test_add_func ("/plot-text/wrap", test_wrap);
  g_test_add_func ("/plot-text/alignment", test_alignment);
  g_test_add_func ("/plot-text/format-number", test_format_number);

  return g_test_run ();
}
