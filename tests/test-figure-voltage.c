/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-figure-voltage.c — the voltage trace figures V(c̄) and V(t) and
 * their CSV, drawn from a synthetic trace whose every point is known */

#include "config.h"

#include <math.h>
#include <string.h>

#include "sp-export.h"
#include "sp-figure-private.h"
#include "sp-presets.h"
#include "sp-gsl.h"

#define N_HALF 91   /* points per half cycle, c̄ = 0.05 … 0.95 */
#define OFFSET 0.05 /* V below (discharge) and above (charge) the plateau */

typedef struct
{
  SpAnalysis   *analysis;
  SpDriveTrace *trace;
  SpFrame       frame;
  SpFigureData  data;
} Fixture;

/* LiFePO₄: a discharge 0.05 → 0.95 running OFFSET below the equilibrium
 * curve, then a charge back OFFSET above it, one point per 10 s. */
static void
fixture_init (Fixture *fx)
{
  g_autoptr(SpPreset) preset = sp_presets_lookup ("lifepo4", NULL);
  const SpAnalysis *a;

  g_assert_nonnull (preset);
  memset (fx, 0, sizeof *fx);
  fx->analysis = sp_analysis_new (&preset->model);
  a = fx->analysis;
  fx->trace = sp_drive_trace_new ();
  for (guint i = 0; i < 2 * N_HALF; i++)
    {
      gboolean charge = i >= N_HALF;
      guint j = charge ? 2 * N_HALF - 1 - i : i;
      double c = 0.05 + 0.01 * j;
      double v_eq = sp_figure_interpolate (a->c, a->ocv_equilibrium, a->n_curve, c);
      SpDrivePoint p = {
        .time = 10.0 * i, .mean_c = c, .voltage = v_eq + (charge ? OFFSET : -OFFSET),
        .current = charge ? -1e-3 : 1e-3, .overpotential = charge ? OFFSET : -OFFSET,
        .direction = charge ? -1 : 1,
      };

      g_assert_true (sp_drive_trace_append (fx->trace, &p));
    }
  sp_ch_params_init_default (&fx->frame.params);
  fx->frame.params.model = preset->model;
  fx->frame.params.drive.mode = SP_DRIVE_CYCLE;
  fx->frame.params.drive.c_rate = 2.0;
  fx->frame.params.drive.k0 = 3.62e-3;
  fx->frame.params.drive.alpha = 0.5;
  fx->frame.params.drive.v_lo = 3.0;
  fx->frame.params.drive.v_hi = 4.0;
  fx->frame.n = 0;
  sp_figure_data_init (&fx->data);
  fx->data.analysis = fx->analysis;
  fx->data.frame = &fx->frame;
  fx->data.trace = fx->trace;
}

static void
fixture_clear (Fixture *fx)
{
  sp_drive_trace_free (fx->trace);
  sp_analysis_unref (fx->analysis);
}

static cairo_surface_t *
render (SpFigureKind        kind,
        const SpFigureData *data,
        const SpPlotStyle  *style,
        int                 width,
        int                 height)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  cairo_t *cr = cairo_create (surface);

  sp_figure_draw (cr, width, height, kind, data, style);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  return surface;
}

/* Whether the pixels within @r of (x, y) include one within @tol (of 255)
 * of @color in every channel: antialiasing blurs a line's edge, not its
 * middle. */
static gboolean
color_near (cairo_surface_t *surface,
            double           x,
            double           y,
            double           r,
            const SpColor   *color,
            int              tol)
{
  unsigned char *data = cairo_image_surface_get_data (surface);
  int stride = cairo_image_surface_get_stride (surface);
  int w = cairo_image_surface_get_width (surface), h = cairo_image_surface_get_height (surface);
  const double c[3] = { color->red, color->green, color->blue };

  for (int iy = (int) floor (y - r); iy <= (int) ceil (y + r); iy++)
    for (int ix = (int) floor (x - r); ix <= (int) ceil (x + r); ix++)
      {
        guint32 pixel;
        gboolean ok = TRUE;

        if (ix < 0 || iy < 0 || ix >= w || iy >= h)
          continue;
        pixel = *(guint32 *) (data + iy * stride + 4 * ix);
        for (int k = 0; k < 3 && ok; k++)
          ok = abs ((int) ((pixel >> (16 - 8 * k)) & 0xff) - (int) lround (c[k] * 255.0)) <= tol;
        if (ok)
          return TRUE;
      }
  return FALSE;
}

static void
style_init (SpPlotStyle *style,
            gboolean     dark,
            gboolean     presentation)
{
  if (dark)
    sp_plot_style_init_dark (style);
  else
    sp_plot_style_init_light (style);
  style->scale = presentation ? 1.45 : 1.0;
}

/* V(c̄): the axes hold the whole trace and both reference curves; the
 * discharge is drawn red where the trace lies, the charge green, and
 * neither colour where the other half runs. */
static void
test_trace_pixels (void)
{
  Fixture fx;

  fixture_init (&fx);
  for (int dark = 0; dark < 2; dark++)
    for (int presentation = 0; presentation < 2; presentation++)
      {
        SpPlotStyle style;
        SpColor red, green;
        SpFigureSpec spec;
        cairo_surface_t *surface;
        const int w = 1000, h = 700;

        style_init (&style, dark, presentation);
        sp_figure_voltage_direction_color (&style, 1, &red);
        sp_figure_voltage_direction_color (&style, -1, &green);
        g_assert_true (red.red > red.green + 0.3);
        g_assert_true (green.green > green.red + 0.3);
        surface = render (SP_FIGURE_VOLTAGE_TRACE, &fx.data, &style, w, h);
        sp_figure_spec_compute (SP_FIGURE_VOLTAGE_TRACE, &fx.data, &style, w, h, &spec);
        g_assert_true (spec.has_data);
        g_assert_true (spec.composition_x);
        g_assert_cmpfloat (spec.x.min, ==, 0.0);
        g_assert_cmpfloat (spec.x.max, ==, 1.0);
        for (guint i = 0; i < fx.trace->len; i++)
          {
            g_assert_cmpfloat (spec.y.min, <, fx.trace->points[i].voltage);
            g_assert_cmpfloat (spec.y.max, >, fx.trace->points[i].voltage);
          }
        /* Legend: discharge, charge, equilibrium, homogeneous. */
        g_assert_cmpuint (spec.n_legend, ==, 4);

        /* Mid-plateau points of each half, away from the end dot. */
        for (guint j = 20; j <= 70; j += 25)
          {
            const SpDrivePoint *down = &fx.trace->points[j];
            const SpDrivePoint *up = &fx.trace->points[2 * N_HALF - 1 - j];
            double u = sp_axis_map (&spec.x, down->mean_c);

            g_assert_cmpfloat (down->mean_c, ==, up->mean_c);
            g_assert_true (color_near (surface, u, sp_axis_map (&spec.y, down->voltage), 1.0, &red, 24));
            g_assert_true (color_near (surface, u, sp_axis_map (&spec.y, up->voltage), 1.0, &green, 24));
            g_assert_false (color_near (surface, u, sp_axis_map (&spec.y, down->voltage), 1.0, &green, 24));
            g_assert_false (color_near (surface, u, sp_axis_map (&spec.y, up->voltage), 1.0, &red, 24));
          }
        /* The linked cursor reads c̄ off the x axis. */
        {
          double c = NAN;

          g_assert_true (sp_figure_composition_at (SP_FIGURE_VOLTAGE_TRACE, &fx.data, &style, w, h,
                                                   sp_axis_map (&spec.x, 0.25),
                                                   spec.py + 0.5 * spec.ph, &c));
          g_assert_cmpfloat_with_epsilon (c, 0.25, 1e-9);
        }
        sp_figure_spec_clear (&spec);
        cairo_surface_destroy (surface);
        sp_plot_style_clear (&style);
      }
  fixture_clear (&fx);
}

/* V(t): time on x from the first point to the last, the trace in its
 * colours, the cut-offs kept out of range when far from the trace. */
static void
test_time_pixels (void)
{
  Fixture fx;
  SpPlotStyle style;
  SpColor red, green;
  SpFigureSpec spec;
  cairo_surface_t *surface;
  const int w = 900, h = 600;

  fixture_init (&fx);
  style_init (&style, FALSE, FALSE);
  sp_figure_voltage_direction_color (&style, 1, &red);
  sp_figure_voltage_direction_color (&style, -1, &green);
  surface = render (SP_FIGURE_VOLTAGE_TIME, &fx.data, &style, w, h);
  sp_figure_spec_compute (SP_FIGURE_VOLTAGE_TIME, &fx.data, &style, w, h, &spec);
  g_assert_true (spec.has_data);
  g_assert_false (spec.composition_x);
  g_assert_cmpfloat (spec.x.min, ==, 0.0);
  g_assert_cmpfloat (spec.x.max, ==, 10.0 * (2 * N_HALF - 1));
  /* The 3.0 and 4.0 V cut-offs are far from a trace within 0.2 V of 3.42 V. */
  g_assert_cmpfloat (spec.y.min, >, 3.1);
  g_assert_cmpfloat (spec.y.max, <, 3.8);
  for (guint i = 30; i < fx.trace->len - 5; i += 40)
    {
      const SpDrivePoint *p = &fx.trace->points[i];

      g_assert_true (color_near (surface, sp_axis_map (&spec.x, p->time),
                                 sp_axis_map (&spec.y, p->voltage), 1.0,
                                 p->direction > 0 ? &red : &green, 24));
    }
  /* No composition cursor on a time axis. */
  g_assert_false (sp_figure_composition_at (SP_FIGURE_VOLTAGE_TIME, &fx.data, &style, w, h,
                                            spec.px + 0.5 * spec.pw, spec.py + 0.5 * spec.ph,
                                            NULL));
  sp_figure_spec_clear (&spec);
  cairo_surface_destroy (surface);
  sp_plot_style_clear (&style);
  fixture_clear (&fx);
}

/* Without a trace both draw "no data"; V(t) needs two points, V(c̄) one
 * (a closed box is one point that never moves); every size, style and
 * scale of a real trace has ink in its plot area. */
static void
test_no_data_and_sizes (void)
{
  const int sizes[][2] = { { 800, 500 }, { 320, 200 }, { 1920, 1080 }, { 60, 40 } };
  SpFigureKind kinds[] = { SP_FIGURE_VOLTAGE_TRACE, SP_FIGURE_VOLTAGE_TIME };
  g_autoptr(SpDriveTrace) one = sp_drive_trace_new ();
  SpDrivePoint p = { .time = 1.0, .mean_c = 0.5, .voltage = 3.4, .direction = 0 };
  Fixture fx;
  SpPlotStyle style;
  SpFigureData data;
  SpFigureSpec spec;

  fixture_init (&fx);
  style_init (&style, FALSE, FALSE);
  data = fx.data;
  data.trace = NULL;
  for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
    {
      sp_figure_spec_compute (kinds[k], &data, &style, 500, 320, &spec);
      g_assert_false (spec.has_data);
      sp_figure_spec_clear (&spec);
    }
  sp_drive_trace_append (one, &p);
  data.trace = one;
  sp_figure_spec_compute (SP_FIGURE_VOLTAGE_TRACE, &data, &style, 500, 320, &spec);
  g_assert_true (spec.has_data);
  /* At rest: one legend entry for the trace, then the two references. */
  g_assert_cmpuint (spec.n_legend, ==, 3);
  sp_figure_spec_clear (&spec);
  sp_figure_spec_compute (SP_FIGURE_VOLTAGE_TIME, &data, &style, 500, 320, &spec);
  g_assert_false (spec.has_data);
  sp_figure_spec_clear (&spec);
  sp_plot_style_clear (&style);

  for (int dark = 0; dark < 2; dark++)
    for (int presentation = 0; presentation < 2; presentation++)
      for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
        for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
          {
            cairo_surface_t *surface;

            style_init (&style, dark, presentation);
            surface = render (kinds[k], &fx.data, &style, sizes[s][0], sizes[s][1]);
            if (sizes[s][0] >= 320)
              {
                guint ink = 0, total = 0;

                sp_figure_spec_compute (kinds[k], &fx.data, &style, sizes[s][0], sizes[s][1], &spec);
                g_assert_true (spec.has_data);
                g_assert_cmpfloat (spec.ph, >, 0.25 * sizes[s][1]);
                for (double y = spec.py + 2; y < spec.py + spec.ph - 2; y += 2.0)
                  for (double x = spec.px + 2; x < spec.px + spec.pw - 2; x += 2.0)
                    {
                      total++;
                      ink += !color_near (surface, x, y, 0.0, &style.background, 1);
                    }
                g_assert_cmpfloat ((double) ink / total, >, 0.01);
                sp_figure_spec_clear (&spec);
              }
            cairo_surface_destroy (surface);
            sp_plot_style_clear (&style);
          }
  fixture_clear (&fx);
}

/* The CSV holds every point bit for bit, with the drive in its header. */
static void
test_csv (void)
{
  Fixture fx;
  SpExportOptions options;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_auto(GStrv) lines = NULL;
  g_autofree char *text = NULL;
  guint row = 0;
  gboolean header = FALSE;

  fixture_init (&fx);
  sp_export_options_init (&options, SP_FIGURE_VOLTAGE_TRACE);
  options.format = SP_EXPORT_CSV;
  bytes = sp_export_render (SP_FIGURE_VOLTAGE_TIME, &fx.data, &options, &error);
  g_assert_no_error (error);
  text = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  g_assert_nonnull (strstr (text, "# drive = cycle\n"));
  g_assert_nonnull (strstr (text, "# c_rate = 2 1/h\n"));
  g_assert_nonnull (strstr (text, "# k0 = 0.00362 1/s\n"));
  g_assert_nonnull (strstr (text, "# v_cutoff = 3,4 V\n"));
  lines = g_strsplit (text, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto(GStrv) cells = NULL;
      const SpDrivePoint *p;

      if (lines[i][0] == '#' || lines[i][0] == '\0')
        continue;
      if (!header)
        {
          g_assert_cmpstr (lines[i], ==,
                           "time_s,mean_c,voltage_V,current_per_s,overpotential_V,direction");
          header = TRUE;
          continue;
        }
      cells = g_strsplit (lines[i], ",", -1);
      g_assert_cmpuint (g_strv_length (cells), ==, 6);
      g_assert_cmpuint (row, <, fx.trace->len);
      p = &fx.trace->points[row++];
      g_assert_cmpfloat (g_ascii_strtod (cells[0], NULL), ==, p->time);
      g_assert_cmpfloat (g_ascii_strtod (cells[1], NULL), ==, p->mean_c);
      g_assert_cmpfloat (g_ascii_strtod (cells[2], NULL), ==, p->voltage);
      g_assert_cmpfloat (g_ascii_strtod (cells[3], NULL), ==, p->current);
      g_assert_cmpfloat (g_ascii_strtod (cells[4], NULL), ==, p->overpotential);
      g_assert_cmpfloat (g_ascii_strtod (cells[5], NULL), ==, p->direction);
    }
  g_assert_cmpuint (row, ==, fx.trace->len);

  /* No trace, no file: a clear refusal. */
  g_clear_pointer (&bytes, g_bytes_unref);
  g_clear_error (&error);
  fx.data.trace = NULL;
  bytes = sp_export_render (SP_FIGURE_VOLTAGE_TRACE, &fx.data, &options, &error);
  g_assert_null (bytes);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
  fixture_clear (&fx);
}

int
main (int    argc,
      char **argv)
{
  sp_gsl_init ();
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/figure-voltage/trace-pixels", test_trace_pixels);
  g_test_add_func ("/figure-voltage/time-pixels", test_time_pixels);
  g_test_add_func ("/figure-voltage/no-data-and-sizes", test_no_data_and_sizes);
  g_test_add_func ("/figure-voltage/csv", test_csv);
  return g_test_run ();
}
