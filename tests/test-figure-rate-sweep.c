/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-figure-rate-sweep.c — the rate-sweep figure: both panels drawn on
 * every surface and style, the critical rate where the contrast falls
 * through half the gap, "no data" without a sweep, and the exports (PNG,
 * SVG, PDF, CSV, caption)
 *
 * SP_TEST_RATE_SWEEP_PNG=DIR writes the figure at 1280 × 720
 * (presentation) and 480 × 300, light and dark, into DIR for a look by eye.
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include "sp-export.h"
#include "sp-figure-private.h"
#include "sp-gsl.h"

/* A sweep of the textbook material as runs would give it: split at 1 and
 * 10C, a solid solution at 100 and 1000C. */
static SpRateSweepResult *
fixture (void)
{
  SpModel model;
  SpChParams p;
  const SpRateSweepPoint points[] = {
    { .c_rate = 100.0,  .contrast = 0.20, .v_discharge = 3.37, .v_charge = 3.43, .voltage_gap = 0.060 },
    { .c_rate = 1.0,    .contrast = 0.95, .v_discharge = 3.3975, .v_charge = 3.4025, .voltage_gap = 0.005 },
    { .c_rate = 1000.0, .contrast = 0.01, .v_discharge = 3.325, .v_charge = 3.475, .voltage_gap = 0.150 },
    { .c_rate = 10.0,   .contrast = 0.90, .v_discharge = 3.39, .v_charge = 3.41, .voltage_gap = 0.020 },
  };

  sp_model_init_default (&model);
  sp_rate_sweep_params_init (&p, &model, 64);
  return sp_rate_sweep_result_new (&p, points, G_N_ELEMENTS (points));
}

static cairo_surface_t *
render (const SpFigureData *data,
        const SpPlotStyle  *style,
        int                 w,
        int                 h)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, w, h);
  cairo_t *cr = cairo_create (surface);

  sp_figure_draw (cr, w, h, SP_FIGURE_RATE_SWEEP, data, style);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  return surface;
}

/* The share of pixels in a rectangle that differ from the background. */
static double
ink (cairo_surface_t   *surface,
     const SpPlotStyle *style,
     double             x0,
     double             y0,
     double             w,
     double             h)
{
  const guint8 *px = cairo_image_surface_get_data (surface);
  int stride = cairo_image_surface_get_stride (surface);
  guint8 r = (guint8) lround (255 * style->background.red);
  guint8 g = (guint8) lround (255 * style->background.green);
  guint8 b = (guint8) lround (255 * style->background.blue);
  guint total = 0, inked = 0;

  for (int y = (int) y0 + 2; y < (int) (y0 + h) - 2; y++)
    for (int x = (int) x0 + 2; x < (int) (x0 + w) - 2; x++)
      {
        const guint8 *p = px + y * stride + 4 * x;   /* BGRA, little-endian */

        total++;
        if (abs (p[2] - r) > 8 || abs (p[1] - g) > 8 || abs (p[0] - b) > 8)
          inked++;
      }
  return total > 0 ? (double) inked / total : 0.0;
}

static void
test_critical (void)
{
  g_autoptr(SpRateSweepResult) r = fixture ();
  double thr = 0.5 * (r->c_beta - r->c_alpha);
  double t = (0.90 - thr) / (0.90 - 0.20);

  /* Sorted, and the crossing interpolated in log C between 10 and 100C. */
  g_assert_cmpfloat (r->points[0].c_rate, ==, 1.0);
  g_assert_cmpfloat (r->points[3].c_rate, ==, 1000.0);
  g_assert_cmpfloat (r->estimate.threshold, ==, thr);
  g_assert_cmpint (r->critical_kind, ==, SP_RATE_SWEEP_CRITICAL_FOUND);
  g_assert_cmpfloat_with_epsilon (r->critical_c_rate, exp (log (10.0) + t * log (10.0)),
                                  1e-12 * r->critical_c_rate);
  g_assert_true (r->points[1].separated);
  g_assert_false (r->points[2].separated);
}

static void
test_draws (void)
{
  g_autoptr(SpRateSweepResult) r = fixture ();
  const int sizes[][2] = { { 800, 560 }, { 480, 300 }, { 1280, 720 }, { 60, 40 } };
  const char *dir = g_getenv ("SP_TEST_RATE_SWEEP_PNG");
  SpFigureData data;

  sp_figure_data_init (&data);
  g_assert_null (data.rate_sweep);
  data.rate_sweep = r;
  for (int dark = 0; dark < 2; dark++)
    for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
      {
        SpPlotStyle style;
        SpFigureSpec spec;
        cairo_surface_t *surface;

        if (dark)
          sp_plot_style_init_dark (&style);
        else
          sp_plot_style_init_light (&style);
        style.scale = sizes[s][0] == 1280 ? 1.6 : 1.0;
        surface = render (&data, &style, sizes[s][0], sizes[s][1]);
        sp_figure_spec_compute (SP_FIGURE_RATE_SWEEP, &data, &style, sizes[s][0], sizes[s][1],
                                &spec);
        g_assert_true (spec.has_data);
        g_assert_true (spec.split);
        g_assert_cmpint (spec.x.scale, ==, SP_SCALE_LOG);
        /* Both marks and every rate inside the axis. */
        g_assert_cmpfloat (spec.x.min, <, 1.0);
        g_assert_cmpfloat (spec.x.max, >, 1000.0);
        if (sizes[s][0] >= 480)
          {
            /* Both panels carry their series. */
            g_assert_cmpfloat (ink (surface, &style, spec.px, spec.py, spec.pw, spec.ph), >, 0.01);
            g_assert_cmpfloat (ink (surface, &style, spec.px, spec.py2, spec.pw, spec.ph2), >, 0.01);
            g_assert_cmpuint (spec.n_legend, ==, 5);
          }
        if (dir != NULL && sizes[s][0] >= 480)
          {
            g_autofree char *name = g_strdup_printf ("%s/rate-sweep-%dx%d-%s.png", dir,
                                                     sizes[s][0], sizes[s][1],
                                                     dark ? "dark" : "light");

            g_assert_cmpint (cairo_surface_write_to_png (surface, name), ==,
                             CAIRO_STATUS_SUCCESS);
          }
        sp_figure_spec_clear (&spec);
        cairo_surface_destroy (surface);
        sp_plot_style_clear (&style);
      }
}

static void
test_no_data (void)
{
  SpFigureData data;
  SpPlotStyle style;
  SpFigureSpec spec;
  g_autoptr(GError) error = NULL;
  SpExportOptions options;

  sp_figure_data_init (&data);
  sp_plot_style_init_light (&style);
  sp_figure_spec_compute (SP_FIGURE_RATE_SWEEP, &data, &style, 500, 320, &spec);
  g_assert_false (spec.has_data);
  sp_figure_spec_clear (&spec);
  sp_plot_style_clear (&style);

  sp_export_options_init (&options, SP_FIGURE_RATE_SWEEP);
  options.format = SP_EXPORT_CSV;
  g_assert_null (sp_export_render (SP_FIGURE_RATE_SWEEP, &data, &options, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
}

static void
test_exports (void)
{
  g_autoptr(SpRateSweepResult) r = fixture ();
  SpFigureData data;
  SpExportOptions options;
  g_autofree char *caption = NULL;

  g_assert_true (sp_figure_kind_from_id ("rate-sweep", NULL));
  g_assert_cmpstr (sp_figure_kind_to_id (SP_FIGURE_RATE_SWEEP), ==, "rate-sweep");
  sp_figure_data_init (&data);
  data.rate_sweep = r;
  for (SpExportFormat f = 0; f < SP_EXPORT_N_FORMATS; f++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GBytes) bytes = NULL;
      const char *head;
      gsize len;

      sp_export_options_init (&options, SP_FIGURE_RATE_SWEEP);
      options.format = f;
      options.caption = TRUE;
      bytes = sp_export_render (SP_FIGURE_RATE_SWEEP, &data, &options, &error);
      g_assert_no_error (error);
      head = g_bytes_get_data (bytes, &len);
      g_assert_cmpuint (len, >, 100);
      switch (f)
        {
        case SP_EXPORT_PNG:
          g_assert_true (memcmp (head, "\x89PNG", 4) == 0);
          break;
        case SP_EXPORT_SVG:
          g_assert_nonnull (g_strstr_len (head, len, "<svg"));
          break;
        case SP_EXPORT_PDF:
          g_assert_true (memcmp (head, "%PDF", 4) == 0);
          break;
        case SP_EXPORT_CSV:
          g_assert_true (g_str_has_prefix (head, "# Spinodal "));
          g_assert_nonnull (g_strstr_len (head, len, "\nc_rate,contrast,voltage_gap_V,"));
          g_assert_nonnull (g_strstr_len (head, len, "\n10,0.9,0.02,3.39,3.41,"));
          break;
        default:
          g_assert_not_reached ();
        }
    }
  caption = sp_export_caption_for_figure (SP_FIGURE_RATE_SWEEP, &data);
  g_assert_nonnull (strstr (caption, "64 × 64 grid"));
  g_assert_nonnull (strstr (caption, "k₀ = 1 1/s"));
  g_assert_nonnull (strstr (caption, "α = 0.5"));
}

int
main (int    argc,
      char **argv)
{
  sp_gsl_init ();
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/figure-rate-sweep/critical", test_critical);
  g_test_add_func ("/figure-rate-sweep/draws", test_draws);
  g_test_add_func ("/figure-rate-sweep/no-data", test_no_data);
  g_test_add_func ("/figure-rate-sweep/exports", test_exports);
  return g_test_run ();
}
