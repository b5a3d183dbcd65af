/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-figure-pins.c — pinned comparisons in src/plot: the immutable set,
 * the pins' greys and dashes, the ghosts the figures draw, the axes that
 * grow to hold them, their legend entries, their CSV columns, and a frame
 * of the tangent-construction animation drawn over g(c)
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include "sp-eis-spectrum.h"
#include "sp-export.h"
#include "sp-figure-private.h"
#include "sp-gsl.h"
#include "sp-presets.h"
#include "test-figure-helpers.h"

static SpAnalysis *
lifepo4 (double stiffness)
{
  g_autoptr(SpPreset) preset = sp_presets_lookup ("lifepo4", NULL);
  SpModel model = preset->model;

  model.stiffness = stiffness;
  return sp_analysis_new (&model);
}

static void
test_set (void)
{
  g_autoptr(SpAnalysis) a = lifepo4 (0.0);
  g_autoptr(SpPinSet) empty = sp_pin_set_new ();
  g_autoptr(SpPinSet) one = sp_pin_set_add (empty, "K = 0 meV", a, NULL);
  g_autoptr(SpPinSet) two = sp_pin_set_add (one, "second", a, NULL);
  g_autoptr(SpPinSet) three = sp_pin_set_add (two, "third", NULL, NULL);
  g_autoptr(SpPinSet) four = sp_pin_set_add (three, "fourth", a, NULL);
  g_autoptr(SpPinSet) renamed = sp_pin_set_rename (four, 1, "renamed");
  g_autoptr(SpPinSet) removed = sp_pin_set_remove (renamed, 0);

  g_assert_cmpuint (sp_pin_set_get_n (NULL), ==, 0);
  g_assert_cmpuint (sp_pin_set_get_n (empty), ==, 0);
  g_assert_cmpuint (sp_pin_set_get_n (one), ==, 1);
  g_assert_cmpuint (sp_pin_set_get_n (four), ==, SP_PIN_SET_MAX);
  g_assert_null (sp_pin_set_add (four, "fifth", a, NULL));
  /* The sets before a change are left as they were. */
  g_assert_cmpstr (sp_pin_set_get (four, 1)->label, ==, "second");
  g_assert_cmpstr (sp_pin_set_get (renamed, 1)->label, ==, "renamed");
  g_assert_cmpuint (sp_pin_set_get_n (removed), ==, 3);
  g_assert_cmpstr (sp_pin_set_get (removed, 0)->label, ==, "renamed");
  g_assert_true (sp_pin_set_get (removed, 0)->analysis == a);
  g_assert_null (sp_pin_set_get (removed, 1)->analysis);
}

static double
luminance (const SpColor *c)
{
  return 0.2126 * c->red + 0.7152 * c->green + 0.0722 * c->blue;
}

/* Four greys apart from each other and from the background, four dash
 * patterns, in the light and the dark style. */
static void
test_style (void)
{
  for (guint s = 0; s < 2; s++)
    {
      SpPlotStyle style;
      SpColor color[SP_PIN_SET_MAX];
      const double *dashes[SP_PIN_SET_MAX];
      int n[SP_PIN_SET_MAX];

      if (s == 0)
        sp_plot_style_init_light (&style);
      else
        sp_plot_style_init_dark (&style);
      for (guint i = 0; i < SP_PIN_SET_MAX; i++)
        {
          sp_pin_set_style (&style, i, &color[i], &dashes[i], &n[i]);
          g_assert_cmpfloat (color[i].red, ==, color[i].green);
          g_assert_cmpfloat (color[i].green, ==, color[i].blue);
          g_assert_cmpfloat (fabs (luminance (&color[i]) - luminance (&style.background)), >, 0.3);
          for (guint j = 0; j < i; j++)
            {
              gboolean same_dashes = n[i] == n[j] &&
                                     memcmp (dashes[i], dashes[j], n[i] * sizeof (double)) == 0;

              g_assert_false (same_dashes);
              g_assert_cmpfloat (fabs (luminance (&color[i]) - luminance (&color[j])), >, 0.02);
            }
        }
      sp_plot_style_clear (&style);
    }
}

/* Every figure that takes pins draws them, lists them in its legend and
 * keeps them inside its axes. */
static void
test_ghosts (void)
{
  static const SpFigureKind kinds[] = {
    SP_FIGURE_FREE_ENERGY, SP_FIGURE_OCV, SP_FIGURE_PHASE_DIAGRAM, SP_FIGURE_DIFFUSIVITY,
    SP_FIGURE_DISPERSION,
  };
  g_autoptr(SpAnalysis) now = lifepo4 (43.4);
  g_autoptr(SpAnalysis) soft = lifepo4 (0.0);
  g_autoptr(SpPinSet) empty = sp_pin_set_new ();
  g_autoptr(SpPinSet) pins = sp_pin_set_add (empty, "K = 0 meV", soft, NULL);
  SpPlotStyle style;

  sp_plot_style_init_light (&style);
  for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
    {
      SpFigureData with, without;
      cairo_surface_t *a, *b;
      SpFigureSpec spec;
      gboolean listed = FALSE;
      guint differing;

      sp_figure_data_init (&without);
      without.analysis = now;
      with = without;
      with.pins = pins;
      g_assert_true (sp_figure_kind_takes_pins (kinds[k]));
      a = test_render_figure (kinds[k], &with, &style);
      b = test_render_figure (kinds[k], &without, &style);
      differing = test_count_differing (a, b);
      g_test_message ("%s: %u pixels differ", sp_figure_kind_to_id (kinds[k]), differing);
      g_assert_cmpuint (differing, >, 200);
      cairo_surface_destroy (a);
      cairo_surface_destroy (b);

      sp_figure_spec_compute (kinds[k], &with, &style, 640, 420, &spec);
      for (guint i = 0; i < spec.n_legend; i++)
        listed = listed || (spec.legend[i].kind == SP_LEGEND_PIN &&
                            g_strcmp0 (spec.legend[i].label, "K = 0 meV") == 0);
      g_assert_true (listed || spec.legend_placement == SP_LEGEND_HIDDEN);
      /* The pinned g(c), shifted as the figure shifts its own, fits. */
      if (kinds[k] == SP_FIGURE_FREE_ENERGY)
        for (guint i = 0; i < soft->n_curve; i++)
          {
            double y = soft->g[i] - sp_figure_free_energy_shift (&soft->model, soft->c[i]);

            g_assert_cmpfloat (y, >=, spec.y.min);
            g_assert_cmpfloat (y, <=, spec.y.max);
          }
      if (kinds[k] == SP_FIGURE_OCV)
        for (guint i = 0; i < soft->n_curve; i++)
          g_assert_cmpfloat (soft->ocv_equilibrium[i], <=, spec.y.max);
      sp_figure_spec_clear (&spec);
    }
  /* The pictures take none. */
  g_assert_false (sp_figure_kind_takes_pins (SP_FIGURE_FIELD));
  g_assert_false (sp_figure_kind_takes_pins (SP_FIGURE_LATTICE));
  sp_plot_style_clear (&style);
}

/* An R‖C impedance (R ohms, time constant tau seconds) on a log grid. */
static SpEisSpectrum *
rc_spectrum (double r,
             double tau)
{
  g_autoptr(GError) error = NULL;
  SpEisSpectrum *s = sp_eis_spectrum_new_log (1e-2, 1e7, 120, &error);

  g_assert_no_error (error);
  for (guint i = 0; i < s->n_points; i++)
    {
      double wt = 2.0 * G_PI * s->freq_hz[i] * tau;

      s->z_re_ohm[i] = r / (1.0 + wt * wt);
      s->z_im_ohm[i] = -r * wt / (1.0 + wt * wt);
    }
  return s;
}

/* Nyquist and Bode ghost a pinned impedance curve; their axes grow to
 * hold it (here a semicircle three times as wide, at lower frequencies),
 * and a pin without a curve draws nothing there. */
static void
test_impedance_ghosts (void)
{
  static const SpFigureKind kinds[] = { SP_FIGURE_NYQUIST, SP_FIGURE_BODE };
  g_autoptr(SpEisSpectrum) now = rc_spectrum (1000.0, 1e-5);
  g_autoptr(SpEisSpectrum) pinned = rc_spectrum (3000.0, 1e-2);
  g_autoptr(SpAnalysis) a = lifepo4 (43.4);
  g_autoptr(SpPinSet) empty = sp_pin_set_new ();
  g_autoptr(SpPinSet) pins = sp_pin_set_add (empty, "bulk only", NULL, pinned);
  g_autoptr(SpPinSet) curveless = sp_pin_set_add (empty, "model only", a, NULL);
  SpEisFigureData eis = { 0 };
  SpPlotStyle style;

  eis.model = now;
  sp_plot_style_init_light (&style);
  for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
    {
      SpFigureData with, without, other;
      SpFigureSpec spec, bare;
      cairo_surface_t *p, *q, *r;

      sp_figure_data_init (&without);
      without.eis = &eis;
      with = without;
      with.pins = pins;
      other = without;
      other.pins = curveless;
      g_assert_true (sp_figure_kind_takes_pins (kinds[k]));
      p = test_render_figure (kinds[k], &with, &style);
      q = test_render_figure (kinds[k], &without, &style);
      r = test_render_figure (kinds[k], &other, &style);
      g_assert_cmpuint (test_count_differing (p, q), >, 200);
      /* A pin without an impedance curve adds at most its legend line. */
      sp_figure_spec_compute (kinds[k], &with, &style, 640, 420, &spec);
      sp_figure_spec_compute (kinds[k], &without, &style, 640, 420, &bare);
      /* Every point of the pinned curve lies inside the axes. */
      for (guint i = 0; i < pinned->n_points; i++)
        if (kinds[k] == SP_FIGURE_NYQUIST)
          {
            g_assert_cmpfloat (pinned->z_re_ohm[i], <=, spec.x.max);
            g_assert_cmpfloat (pinned->z_re_ohm[i], >=, spec.x.min);
            g_assert_cmpfloat (-pinned->z_im_ohm[i], <=, spec.y.max);
          }
        else
          {
            g_assert_cmpfloat (pinned->freq_hz[i], >=, spec.x.min);
            g_assert_cmpfloat (hypot (pinned->z_re_ohm[i], pinned->z_im_ohm[i]), <=, spec.y.max);
            g_assert_cmpfloat (-atan2 (pinned->z_im_ohm[i], pinned->z_re_ohm[i]) * 180.0 / G_PI,
                               <=, spec.y2.max);
          }
      /* … which the current curve alone did not need. */
      if (kinds[k] == SP_FIGURE_NYQUIST)
        g_assert_cmpfloat (bare.x.max, <, 2999.0);
      else
        g_assert_cmpfloat (bare.y.max, <, 2999.0);
      sp_figure_spec_clear (&spec);
      sp_figure_spec_clear (&bare);
      {
        SpFigureSpec o;

        sp_figure_spec_compute (kinds[k], &other, &style, 640, 420, &o);
        sp_figure_spec_compute (kinds[k], &without, &style, 640, 420, &bare);
        g_assert_cmpfloat (o.x.min, ==, bare.x.min);
        g_assert_cmpfloat (o.x.max, ==, bare.x.max);
        g_assert_cmpfloat (o.y.max, ==, bare.y.max);
        sp_figure_spec_clear (&o);
        sp_figure_spec_clear (&bare);
      }
      cairo_surface_destroy (p);
      cairo_surface_destroy (q);
      cairo_surface_destroy (r);
    }
  sp_plot_style_clear (&style);
}

/* σ(k): each pin's own k and σ as columns, a label with a comma quoted. */
static void
test_csv (void)
{
  g_autoptr(SpAnalysis) now = lifepo4 (43.4);
  g_autoptr(SpAnalysis) other = lifepo4 (10.0);
  g_autoptr(SpPinSet) empty = sp_pin_set_new ();
  g_autoptr(SpPinSet) pins = sp_pin_set_add (empty, "K = 10, soft", other, NULL);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) lines = NULL;
  SpExportOptions options;
  SpFigureData data;
  guint header = 0, rows = 0;

  sp_figure_data_init (&data);
  data.analysis = now;
  data.pins = pins;
  sp_export_options_init (&options, SP_FIGURE_DISPERSION);
  options.format = SP_EXPORT_CSV;
  bytes = sp_export_render (SP_FIGURE_DISPERSION, &data, &options, &error);
  g_assert_no_error (error);
  lines = g_strsplit (g_bytes_get_data (bytes, NULL), "\n", -1);
  while (lines[header][0] == '#')
    header++;
  g_assert_cmpstr (lines[header], ==,
                   "k_per_nm,sigma_per_s,\"K = 10, soft: k_per_nm\",\"K = 10, soft: sigma_per_s\"");
  g_assert_nonnull (strstr (g_bytes_get_data (bytes, NULL), "# column \"K = 10, soft: sigma_per_s\": "));
  for (guint i = header + 1; lines[i][0] != '\0'; i++, rows++)
    {
      /* The quoted label is only in the header: rows are plain numbers. */
      g_auto(GStrv) cells = g_strsplit (lines[i], ",", -1);

      g_assert_cmpuint (g_strv_length (cells), ==, 4);
      g_assert_cmpfloat (g_ascii_strtod (cells[2], NULL), ==, other->k[rows]);
      g_assert_cmpfloat (g_ascii_strtod (cells[3], NULL), ==, other->sigma[rows]);
    }
  g_assert_cmpuint (rows, ==, MAX (now->n_k, other->n_k));
}

/* A frame of the tangent construction changes the g(c) figure; it hides
 * the figure's own tangent while it plays. */
static void
test_tour_frame (void)
{
  g_autoptr(SpAnalysis) a = lifepo4 (43.4);
  SpTangentTourFrame frame;
  SpFigureData with, without;
  SpPlotStyle style;
  cairo_surface_t *x, *y;

  sp_plot_style_init_dark (&style);
  sp_figure_data_init (&without);
  without.analysis = a;
  with = without;
  for (double t = 0.0; t < 17.0; t += 2.5)
    {
      sp_tangent_tour_frame (&a->model, &a->eq, t, &frame);
      with.tangent_tour = &frame;
      x = test_render_figure (SP_FIGURE_FREE_ENERGY, &with, &style);
      y = test_render_figure (SP_FIGURE_FREE_ENERGY, &without, &style);
      g_assert_cmpuint (test_count_differing (x, y), >, 100);
      cairo_surface_destroy (x);
      cairo_surface_destroy (y);
    }
  sp_plot_style_clear (&style);
}

int
main (int   argc,
      char *argv[])
{
  sp_gsl_init ();
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/figure-pins/set", test_set);
  g_test_add_func ("/figure-pins/style", test_style);
  g_test_add_func ("/figure-pins/ghosts", test_ghosts);
  g_test_add_func ("/figure-pins/impedance-ghosts", test_impedance_ghosts);
  g_test_add_func ("/figure-pins/csv", test_csv);
  g_test_add_func ("/figure-pins/tour-frame", test_tour_frame);

  return g_test_run ();
}
