/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-figure-marker.c — a lesson's marker on its figure (sp-figure-marker.c):
 * which figures show which quantity, the pointer's place back to the
 * quantity (λ through k = 2π/λ) as the exact inverse of the axis the
 * figure drew, the slider's span, and the marker's pixels: drawn along
 * its line, nothing on a figure that does not show it or before it is
 * placed, the true value beside it after the reveal */

#include "config.h"

#include <math.h>

#include "sp-figure-private.h"
#include "sp-gsl.h"
#include "sp-presets.h"

#define W 640.0
#define H 480.0

static SpAnalysis *
analysis_for (const char *preset_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SpPreset) preset = sp_presets_lookup (preset_id, &error);

  g_assert_no_error (error);
  return sp_analysis_new (&preset->model);
}

static void
test_axes (void)
{
  static const struct
  {
    SpLessonQuantity   quantity;
    SpFigureKind       kind;
    SpFigureMarkerAxis axis;
  } shown[] = {
    { SP_LESSON_QUANTITY_BINODAL_LOW, SP_FIGURE_FREE_ENERGY, SP_FIGURE_MARKER_X },
    { SP_LESSON_QUANTITY_BINODAL_HIGH, SP_FIGURE_OCV, SP_FIGURE_MARKER_X },
    { SP_LESSON_QUANTITY_BINODAL_LOW, SP_FIGURE_PHASE_DIAGRAM, SP_FIGURE_MARKER_X },
    { SP_LESSON_QUANTITY_SPINODAL_HIGH, SP_FIGURE_DIFFUSIVITY, SP_FIGURE_MARKER_X },
    { SP_LESSON_QUANTITY_CRITICAL_TEMPERATURE, SP_FIGURE_PHASE_DIAGRAM, SP_FIGURE_MARKER_Y },
    { SP_LESSON_QUANTITY_PLATEAU_VOLTAGE, SP_FIGURE_OCV, SP_FIGURE_MARKER_Y },
    { SP_LESSON_QUANTITY_FASTEST_WAVELENGTH, SP_FIGURE_DISPERSION, SP_FIGURE_MARKER_X },
  };
  guint n_shown[SP_LESSON_N_QUANTITIES] = { 0 };

  for (guint i = 0; i < G_N_ELEMENTS (shown); i++)
    g_assert_cmpint (sp_figure_marker_axis (shown[i].kind, shown[i].quantity), ==, shown[i].axis);
  /* Only those: T_c, V and λ on one figure each, the binodal on three,
   * the spinodal on four, and never on "all" or a simulation figure. */
  for (guint q = 0; q < SP_LESSON_N_QUANTITIES; q++)
    for (guint k = 0; k < SP_N_FIGURES; k++)
      n_shown[q] += sp_figure_marker_axis (k, q) != SP_FIGURE_MARKER_NONE;
  g_assert_cmpuint (n_shown[SP_LESSON_QUANTITY_BINODAL_LOW], ==, 3);
  g_assert_cmpuint (n_shown[SP_LESSON_QUANTITY_SPINODAL_LOW], ==, 4);
  g_assert_cmpuint (n_shown[SP_LESSON_QUANTITY_CRITICAL_TEMPERATURE], ==, 1);
  g_assert_cmpuint (n_shown[SP_LESSON_QUANTITY_PLATEAU_VOLTAGE], ==, 1);
  g_assert_cmpuint (n_shown[SP_LESSON_QUANTITY_FASTEST_WAVELENGTH], ==, 1);
  for (guint q = 0; q < SP_LESSON_N_QUANTITIES; q++)
    {
      g_assert_cmpint (sp_figure_marker_axis (SP_FIGURE_ALL, q), ==, SP_FIGURE_MARKER_NONE);
      g_assert_cmpint (sp_figure_marker_axis (SP_FIGURE_FIELD, q), ==, SP_FIGURE_MARKER_NONE);
    }
  {
    g_autofree char *t = sp_figure_marker_figures (SP_LESSON_QUANTITY_CRITICAL_TEMPERATURE);
    g_autofree char *s = sp_figure_marker_figures (SP_LESSON_QUANTITY_SPINODAL_HIGH);
    g_assert_cmpstr (t, ==, "phase-diagram");
    g_assert_cmpstr (s, ==, "free-energy, ocv, phase-diagram, diffusivity");
  }
  {
    g_autofree char *a = sp_figure_marker_format (SP_LESSON_QUANTITY_CRITICAL_TEMPERATURE, 419.6);
    g_autofree char *b = sp_figure_marker_format (SP_LESSON_QUANTITY_PLATEAU_VOLTAGE, 3.4217);
    g_autofree char *c = sp_figure_marker_format (SP_LESSON_QUANTITY_FASTEST_WAVELENGTH, 8.74);
    g_autofree char *d = sp_figure_marker_format (SP_LESSON_QUANTITY_BINODAL_LOW, 0.0904);
    g_assert_cmpstr (a, ==, "420 K");
    g_assert_cmpstr (b, ==, "3.422 V");
    g_assert_cmpstr (c, ==, "8.7 nm");
    g_assert_cmpstr (d, ==, "c = 0.090");
  }
}

/* The pointer at the place the figure's own axis puts a value gives that
 * value back; outside the plot only a clamped drag finds one, at the edge. */
static void
test_value_at (void)
{
  static const struct
  {
    SpLessonQuantity quantity;
    SpFigureKind     kind;
  } cases[] = {
    { SP_LESSON_QUANTITY_CRITICAL_TEMPERATURE, SP_FIGURE_PHASE_DIAGRAM },
    { SP_LESSON_QUANTITY_PLATEAU_VOLTAGE, SP_FIGURE_OCV },
    { SP_LESSON_QUANTITY_FASTEST_WAVELENGTH, SP_FIGURE_DISPERSION },
    { SP_LESSON_QUANTITY_BINODAL_LOW, SP_FIGURE_FREE_ENERGY },
  };
  g_autoptr(SpAnalysis) analysis = analysis_for ("lifepo4");
  SpFigureData data;
  SpPlotStyle style;

  sp_figure_data_init (&data);
  data.analysis = analysis;
  sp_plot_style_init_light (&style);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      SpLessonQuantity q = cases[i].quantity;
      gboolean along_x = sp_figure_marker_axis (cases[i].kind, q) == SP_FIGURE_MARKER_X;
      SpFigureSpec spec;
      double truth, min, max, x, y, got;

      g_assert_true (sp_lesson_quantity_value (q, analysis, &truth, NULL));
      g_assert_true (sp_figure_marker_range (cases[i].kind, &data, &style, W, H, q, &min, &max));
      /* The answer lies on the figure, so on the slider. */
      g_assert_cmpfloat (min, <, truth);
      g_assert_cmpfloat (truth, <, max);
      sp_figure_spec_compute (cases[i].kind, &data, &style, W, H, &spec);
      g_assert_true (spec.has_data);
      if (q == SP_LESSON_QUANTITY_FASTEST_WAVELENGTH)
        {
          g_assert_cmpfloat_with_epsilon (min, 2 * G_PI / spec.x.max, 1e-12 * min);
          g_assert_cmpfloat_with_epsilon (max, 10 * min, 1e-12 * max);
        }
      else
        {
          g_assert_cmpfloat (min, ==, along_x ? spec.x.min : spec.y.min);
          g_assert_cmpfloat (max, ==, along_x ? spec.x.max : spec.y.max);
        }
      x = along_x ? sp_axis_map (&spec.x, q == SP_LESSON_QUANTITY_FASTEST_WAVELENGTH
                                          ? 2 * G_PI / truth : truth)
                  : spec.px + 0.5 * spec.pw;
      y = along_x ? spec.py + 0.5 * spec.ph : sp_axis_map (&spec.y, truth);
      g_assert_true (sp_figure_marker_value_at (cases[i].kind, &data, &style, W, H, q, x, y, FALSE, &got));
      g_assert_cmpfloat_with_epsilon (got, truth, 1e-10 * fabs (truth));

      /* Left of and above the plot: nothing, unless clamped to its edge. */
      g_assert_false (sp_figure_marker_value_at (cases[i].kind, &data, &style, W, H, q,
                                                 spec.px - 5, spec.py - 5, FALSE, &got));
      g_assert_true (sp_figure_marker_value_at (cases[i].kind, &data, &style, W, H, q,
                                                spec.px - 5, spec.py - 5, TRUE, &got));
      if (q == SP_LESSON_QUANTITY_FASTEST_WAVELENGTH)   /* k = 0 is λ = ∞: a pixel short */
        g_assert_cmpfloat_with_epsilon (got, 2 * G_PI / sp_axis_unmap (&spec.x, spec.px + 1),
                                        1e-10 * got);
      else if (along_x)
        g_assert_cmpfloat_with_epsilon (got, spec.x.min, 1e-12);
      else
        g_assert_cmpfloat_with_epsilon (got, spec.y.max, 1e-12 * fabs (spec.y.max));
      sp_figure_spec_clear (&spec);

      /* A figure that does not show it, or one without data. */
      g_assert_false (sp_figure_marker_value_at (SP_FIGURE_ENERGY, &data, &style, W, H, q,
                                                 0.5 * W, 0.5 * H, TRUE, &got));
      data.analysis = NULL;
      g_assert_false (sp_figure_marker_range (cases[i].kind, &data, &style, W, H, q, &min, &max));
      data.analysis = analysis;
    }
  sp_plot_style_clear (&style);
}

static cairo_surface_t *
draw (SpFigureKind          kind,
      const SpFigureData   *data,
      const SpPlotStyle    *style)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, W, H);
  cairo_t *cr = cairo_create (surface);

  sp_figure_draw (cr, W, H, kind, data, style);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  return surface;
}

/* Pixels that differ between two drawings, in the row (or column) band
 * |v − at| ≤ 2 px, and outside it. */
static void
count_changes (cairo_surface_t *a,
               cairo_surface_t *b,
               gboolean         column,
               double           at,
               guint           *near,
               guint           *far)
{
  int stride = cairo_image_surface_get_stride (a);
  const guint8 *pa = cairo_image_surface_get_data (a), *pb = cairo_image_surface_get_data (b);

  *near = *far = 0;
  for (int y = 0; y < (int) H; y++)
    for (int x = 0; x < (int) W; x++)
      if (*(const guint32 *) (pa + y * stride + 4 * x) != *(const guint32 *) (pb + y * stride + 4 * x))
        {
          if (fabs ((column ? x : y) + 0.5 - at) <= 2.0)
            (*near)++;
          else
            (*far)++;
        }
}

static void
test_draw (void)
{
  g_autoptr(SpAnalysis) analysis = analysis_for ("lifepo4");
  SpFigureData data;
  SpPlotStyle style;
  SpFigureMarker marker = { SP_LESSON_QUANTITY_CRITICAL_TEMPERATURE, NAN, NAN };
  SpFigureSpec spec;
  cairo_surface_t *plain, *drawn, *other;
  guint near, far;
  double v;

  sp_figure_data_init (&data);
  data.analysis = analysis;
  sp_plot_style_init_light (&style);
  plain = draw (SP_FIGURE_PHASE_DIAGRAM, &data, &style);

  /* Not placed: nothing. */
  data.marker = &marker;
  drawn = draw (SP_FIGURE_PHASE_DIAGRAM, &data, &style);
  count_changes (plain, drawn, FALSE, 0, &near, &far);
  g_assert_cmpuint (near + far, ==, 0);
  cairo_surface_destroy (drawn);

  /* At 300 K: a horizontal line there, across the plot (its label and
   * grip beside it). */
  marker.value = 300.0;
  sp_figure_spec_compute (SP_FIGURE_PHASE_DIAGRAM, &data, &style, W, H, &spec);
  v = sp_axis_map (&spec.y, 300.0);
  drawn = draw (SP_FIGURE_PHASE_DIAGRAM, &data, &style);
  count_changes (plain, drawn, FALSE, v, &near, &far);
  g_assert_cmpuint (near, >, spec.pw);

  /* The same marker on a figure without T changes nothing. */
  other = draw (SP_FIGURE_FREE_ENERGY, &data, &style);
  data.marker = NULL;
  cairo_surface_destroy (plain);
  plain = draw (SP_FIGURE_FREE_ENERGY, &data, &style);
  count_changes (plain, other, FALSE, 0, &near, &far);
  g_assert_cmpuint (near + far, ==, 0);
  cairo_surface_destroy (other);

  /* The reveal adds the true T_c's line. */
  marker.truth = analysis->t_c;
  data.marker = &marker;
  other = draw (SP_FIGURE_PHASE_DIAGRAM, &data, &style);
  count_changes (drawn, other, FALSE, sp_axis_map (&spec.y, analysis->t_c), &near, &far);
  g_assert_cmpuint (near, >, 0.5 * spec.pw);
  cairo_surface_destroy (other);
  cairo_surface_destroy (drawn);
  sp_figure_spec_clear (&spec);

  /* λ on σ(k): a vertical line at k = 2π/λ. */
  {
    SpFigureMarker lambda = { SP_LESSON_QUANTITY_FASTEST_WAVELENGTH, 2.0 * analysis->dispersion.lambda_star, NAN };

    data.marker = NULL;
    cairo_surface_destroy (plain);
    plain = draw (SP_FIGURE_DISPERSION, &data, &style);
    data.marker = &lambda;
    drawn = draw (SP_FIGURE_DISPERSION, &data, &style);
    sp_figure_spec_compute (SP_FIGURE_DISPERSION, &data, &style, W, H, &spec);
    count_changes (plain, drawn, TRUE, sp_axis_map (&spec.x, 2 * G_PI / lambda.value), &near, &far);
    g_assert_cmpuint (near, >, spec.ph);
    sp_figure_spec_clear (&spec);
    cairo_surface_destroy (drawn);
  }
  cairo_surface_destroy (plain);
  sp_plot_style_clear (&style);
}

int
main (int   argc,
      char *argv[])
{
  sp_gsl_init ();
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/figure-marker/axes", test_axes);
  g_test_add_func ("/figure-marker/value-at", test_value_at);
  g_test_add_func ("/figure-marker/draw", test_draw);
  return g_test_run ();
}
