/* test-eis-figure-data.c — the deep copy of the impedance figures' data
 * that an export thread draws: every part equal, none shared, and it
 * draws what the original draws (the same pixels).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include "sp-figure.h"
#include "sp-gsl.h"

static SpEisSpectrum *
spectrum (double scale)
{
  g_autoptr(GError) error = NULL;
  SpEisSpectrum *s = sp_eis_spectrum_new_log (1, 1e5, 5, &error);

  g_assert_no_error (error);
  for (guint i = 0; i < s->n_points; i++)
    {
      s->z_re_ohm[i] = scale * (10 + 100 / (1 + s->freq_hz[i] / 1e3));
      s->z_im_ohm[i] = -scale * 30 * (s->freq_hz[i] / 1e3) / (1 + pow (s->freq_hz[i] / 1e3, 2));
    }
  s->temperature_k = 300 * scale;
  sp_eis_spectrum_set_name (s, "a.csv");
  return s;
}

static void
assert_same_spectrum (const SpEisSpectrum *a,
                      const SpEisSpectrum *b)
{
  g_assert_true (a != b);
  g_assert_cmpuint (a->n_points, ==, b->n_points);
  g_assert_true (a->freq_hz != b->freq_hz);
  g_assert_cmpmem (a->freq_hz, a->n_points * sizeof (double), b->freq_hz, b->n_points * sizeof (double));
  g_assert_cmpmem (a->z_re_ohm, a->n_points * sizeof (double), b->z_re_ohm, b->n_points * sizeof (double));
  g_assert_cmpmem (a->z_im_ohm, a->n_points * sizeof (double), b->z_im_ohm, b->n_points * sizeof (double));
  g_assert_cmpfloat (a->temperature_k, ==, b->temperature_k);
  g_assert_cmpstr (a->name, ==, b->name);
}

static cairo_surface_t *
draw (SpFigureKind           kind,
      const SpEisFigureData *eis)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 400, 300);
  cairo_t *cr = cairo_create (surface);
  SpPlotStyle style;
  SpFigureData data;

  sp_plot_style_init_light (&style);
  sp_figure_data_init (&data);
  data.eis = eis;
  sp_figure_draw (cr, 400, 300, kind, &data, &style);
  cairo_destroy (cr);
  sp_plot_style_clear (&style);
  cairo_surface_flush (surface);
  return surface;
}

static void
test_copy (void)
{
  g_autoptr(SpEisSpectrum) s1 = spectrum (1);
  g_autoptr(SpEisSpectrum) s2 = spectrum (2);
  g_autoptr(SpEisSpectrum) model = spectrum (1.5);
  const SpEisSpectrum *spectra[] = { s1, s2 };
  SpEisFigureArc arcs[] = { { "bulk", 1e3, 60, -15 }, { "electrode", 2, 110, -3 } };
  double f[] = { 1, 10, 100 }, dre[] = { 0.01, -0.02, 0.0 }, dim[] = { 0.0, 0.005, -0.01 };
  SpEisFigureResiduals residuals = { 3, f, dre, dim, "Lin-KK, M = 4" };
  double tau[] = { 1e-4, 1e-3, 1e-2 }, gamma[] = { 1, 5, 2 };
  SpEisFigureDrtPeak peaks[] = { { 1e-3, 80 } };
  SpEisFigureDrt drt = { 3, tau, gamma, 1, peaks };
  double temps[] = { 300, 350, 400 }, sigma[] = { 1e-5, 1e-4, 5e-4 };
  SpEisFigureArrhenius lines[] = { { "bulk", 3, temps, sigma, NULL, 0.4, 0.01, 1e3 } };
  SpEisFigureData data = {
    2, spectra, model, "model", 2, arcs, &residuals, &drt, SP_EIS_FIGURE_SIGMA_T, TRUE,
    1, lines, "R0-p(R1,C1)",
  };
  SpEisFigureData *copy = sp_eis_figure_data_copy (&data);

  g_assert_null (sp_eis_figure_data_copy (NULL));
  sp_eis_figure_data_free (NULL);
  g_assert_nonnull (copy);
  g_assert_cmpuint (copy->n_spectra, ==, 2);
  for (guint k = 0; k < 2; k++)
    assert_same_spectrum (spectra[k], copy->spectra[k]);
  assert_same_spectrum (model, copy->model);
  g_assert_true (copy->model_label != data.model_label);
  g_assert_cmpstr (copy->model_label, ==, "model");
  g_assert_true (copy->arcs != arcs);
  g_assert_cmpuint (copy->n_arcs, ==, 2);
  for (guint a = 0; a < 2; a++)
    {
      g_assert_cmpstr (copy->arcs[a].label, ==, arcs[a].label);
      g_assert_true (copy->arcs[a].label != arcs[a].label);
      g_assert_cmpfloat (copy->arcs[a].apex_freq_hz, ==, arcs[a].apex_freq_hz);
      g_assert_cmpfloat (copy->arcs[a].apex_z_im_ohm, ==, arcs[a].apex_z_im_ohm);
    }
  g_assert_true (copy->residuals != &residuals && copy->residuals->d_re != dre);
  g_assert_cmpmem (copy->residuals->d_im, sizeof dim, dim, sizeof dim);
  g_assert_cmpstr (copy->residuals->title, ==, residuals.title);
  g_assert_true (copy->drt != &drt && copy->drt->peaks != peaks);
  g_assert_cmpmem (copy->drt->gamma_ohm, sizeof gamma, gamma, sizeof gamma);
  g_assert_cmpfloat (copy->drt->peaks[0].r_ohm, ==, 80);
  g_assert_true (copy->arrhenius != lines && copy->arrhenius[0].sigma_s_cm != sigma);
  g_assert_cmpmem (copy->arrhenius[0].temperature_k, sizeof temps, temps, sizeof temps);
  g_assert_null (copy->arrhenius[0].sigma_err_s_cm);
  g_assert_cmpfloat (copy->arrhenius[0].ea_ev, ==, 0.4);
  g_assert_true (copy->arrhenius_kelvin);
  g_assert_cmpstr (copy->description, ==, "R0-p(R1,C1)");

  /* The same pixels from the copy as from the original. */
  for (SpFigureKind kind = SP_FIGURE_NYQUIST; kind <= SP_FIGURE_ARRHENIUS; kind++)
    {
      cairo_surface_t *a = draw (kind, &data);
      cairo_surface_t *b = draw (kind, copy);
      int stride = cairo_image_surface_get_stride (a);

      g_assert_cmpmem (cairo_image_surface_get_data (a), stride * 300,
                       cairo_image_surface_get_data (b), stride * 300);
      cairo_surface_destroy (a);
      cairo_surface_destroy (b);
    }
  sp_eis_figure_data_free (copy);
}

int
main (int   argc,
      char *argv[])
{
  sp_gsl_init ();
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/eis-figure-data/copy", test_copy);
  return g_test_run ();
}
