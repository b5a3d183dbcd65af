/* test-impedance-explore.c — what the Impedance page's explore mode draws:
 * the ceramic model's spectrum against the closed form of its circuit,
 * the frequency window (whole decades, the bulk arc and the start of the
 * electrode spike inside it), the arcs' labels at their apices, and an
 * invalid model refused without a change.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <complex.h>
#include <math.h>
#include <string.h>

#include "sp-gsl.h"
#include "sp-impedance-explore.h"

/* Z of R0-p(Rb,CPEb)-p(Rgb,CPEgb)-CPEel written out, independently of
 * sp-circuit: R‖CPE = R/(1 + R Q (jω)^α), CPE = 1/(Q (jω)^α). */
static double complex
ceramic_z (const SpEisCeramic *m,
           double              f)
{
  const double *v = m->values;
  double omega = 2 * G_PI * f;
  double t_ref = m->reference_temperature_k, t = v[SP_EIS_CERAMIC_TEMPERATURE];
  double k = SP_BOLTZMANN_EV_PER_K;
  double rb = v[SP_EIS_CERAMIC_RB] * (t / t_ref) * exp (v[SP_EIS_CERAMIC_EA_B] / k * (1 / t - 1 / t_ref));
  double rgb = v[SP_EIS_CERAMIC_RGB] * (t / t_ref) * exp (v[SP_EIS_CERAMIC_EA_GB] / k * (1 / t - 1 / t_ref));
  double complex jw_b = cpow (I * omega, v[SP_EIS_CERAMIC_ALPHA_B]);
  double complex jw_gb = cpow (I * omega, v[SP_EIS_CERAMIC_ALPHA_GB]);
  double complex jw_el = cpow (I * omega, v[SP_EIS_CERAMIC_ALPHA_EL]);

  return v[SP_EIS_CERAMIC_R0]
         + rb / (1 + rb * v[SP_EIS_CERAMIC_QB] * jw_b)
         + rgb / (1 + rgb * v[SP_EIS_CERAMIC_QGB] * jw_gb)
         + 1 / (v[SP_EIS_CERAMIC_QEL] * jw_el);
}

static void
assert_spectrum_is_model (const SpImpedanceExplore *explore)
{
  const SpEisSpectrum *s = explore->spectrum;

  g_assert_nonnull (s);
  g_assert_true (explore->figure.model == s);
  for (guint i = 0; i < s->n_points; i++)
    {
      double complex z = ceramic_z (&explore->model, s->freq_hz[i]);

      g_assert_cmpfloat_with_epsilon (s->z_re_ohm[i], creal (z), 1e-10 * cabs (z));
      g_assert_cmpfloat_with_epsilon (s->z_im_ohm[i], cimag (z), 1e-10 * cabs (z));
    }
}

static gboolean
whole_decade (double f)
{
  return fabs (log10 (f) - round (log10 (f))) < 1e-12;
}

static void
test_default (void)
{
  SpImpedanceExplore explore;
  const SpEisSpectrum *s;
  double f_bulk, f_el, r_sum, max_im = 0;

  sp_impedance_explore_init (&explore);
  s = explore.spectrum;
  assert_spectrum_is_model (&explore);
  /* About 120 points, from high to low frequency, the top on a whole
   * decade, the bottom where |Z_el| = 1.5 (R0 + R_b + R_gb). */
  g_assert_cmpuint (s->n_points, >=, 100);
  g_assert_cmpuint (s->n_points, <=, 200);
  g_assert_cmpfloat (s->freq_hz[0], >, s->freq_hz[s->n_points - 1]);
  g_assert_true (whole_decade (s->freq_hz[0]));
  g_assert_cmpfloat (s->temperature_k, ==, explore.model.values[SP_EIS_CERAMIC_TEMPERATURE]);

  /* A decade and more above the bulk apex; below the spike's start. */
  f_bulk = explore.readout.arcs[SP_EIS_ARC_BULK].apex_hz;
  f_el = explore.readout.arcs[SP_EIS_ARC_ELECTRODE].apex_hz;
  g_assert_cmpfloat (s->freq_hz[0], >=, 10 * f_bulk);
  g_assert_cmpfloat (s->freq_hz[s->n_points - 1], <, f_el);
  r_sum = explore.model.values[SP_EIS_CERAMIC_R0] + explore.readout.rb_ohm + explore.readout.rgb_ohm;
  g_assert_cmpfloat_with_epsilon (1 / (explore.model.values[SP_EIS_CERAMIC_QEL]
                                       * pow (2 * G_PI * s->freq_hz[s->n_points - 1],
                                              explore.model.values[SP_EIS_CERAMIC_ALPHA_EL])),
                                  1.5 * r_sum, 1e-9 * r_sum);
  /* The spike stays within a few times the sample's resistance: the arcs
   * are not flattened on a plot with equal axes. */
  for (guint i = 0; i < s->n_points; i++)
    max_im = MAX (max_im, -s->z_im_ohm[i]);
  g_assert_cmpfloat (max_im, <, 1.5 * r_sum);
  g_assert_cmpfloat (max_im, >, 0.5 * r_sum);

  /* Three arcs, named, their markers on the curve at the apex frequency. */
  g_assert_cmpuint (explore.figure.n_arcs, ==, SP_EIS_N_ARCS);
  g_assert_true (explore.figure.arcs == explore.arcs);
  for (guint a = 0; a < SP_EIS_N_ARCS; a++)
    {
      double complex z = ceramic_z (&explore.model, explore.arcs[a].apex_freq_hz);

      g_assert_cmpstr (explore.arcs[a].label, ==, sp_impedance_explore_arc_name (a));
      g_assert_cmpfloat (explore.arcs[a].apex_freq_hz, ==, explore.readout.arcs[a].apex_hz);
      g_assert_cmpfloat_with_epsilon (explore.arcs[a].apex_z_re_ohm, creal (z), 1e-10 * cabs (z));
      g_assert_cmpfloat_with_epsilon (explore.arcs[a].apex_z_im_ohm, cimag (z), 1e-10 * cabs (z));
    }
  /* The bulk apex: f = 1/(2π (R_b Q_b)^(1/α_b)). */
  g_assert_cmpfloat_with_epsilon (explore.arcs[SP_EIS_ARC_BULK].apex_freq_hz,
                                  1 / (2 * G_PI * pow (explore.readout.rb_ohm
                                                       * explore.model.values[SP_EIS_CERAMIC_QB],
                                                       1 / explore.model.values[SP_EIS_CERAMIC_ALPHA_B])),
                                  1e-9 * f_bulk);
  g_assert_nonnull (explore.figure.description);
  g_assert_true (g_str_has_prefix (explore.figure.description, SP_EIS_CERAMIC_CIRCUIT));
  sp_impedance_explore_clear (&explore);
}

/* Every preset, and a temperature sweep: the curve is always the model's
 * and the window follows the arcs. */
static void
test_presets_and_temperature (void)
{
  SpImpedanceExplore explore;

  sp_impedance_explore_init (&explore);
  for (guint p = 0; p < sp_eis_ceramic_get_n_presets (); p++)
    {
      explore.model = sp_eis_ceramic_get_preset (p)->model;
      g_assert_true (sp_impedance_explore_update (&explore, NULL));
      assert_spectrum_is_model (&explore);
      for (double t = 200; t <= 1200; t += 250)
        {
          explore.model.values[SP_EIS_CERAMIC_TEMPERATURE] = t;
          g_assert_true (sp_impedance_explore_update (&explore, NULL));
          assert_spectrum_is_model (&explore);
          g_assert_cmpfloat (explore.spectrum->freq_hz[0], <=, SP_IMPEDANCE_EXPLORE_F_HIGHEST);
          g_assert_cmpfloat (explore.spectrum->freq_hz[explore.spectrum->n_points - 1], >=,
                             SP_IMPEDANCE_EXPLORE_F_LOWEST);
        }
    }
  sp_impedance_explore_clear (&explore);
}

static void
test_invalid (void)
{
  SpImpedanceExplore explore;
  g_autoptr(GError) error = NULL;
  const SpEisSpectrum *before;
  double z0;

  sp_impedance_explore_init (&explore);
  before = explore.spectrum;
  z0 = before->z_re_ohm[0];
  explore.model.values[SP_EIS_CERAMIC_ALPHA_B] = 1.5;
  g_assert_false (sp_impedance_explore_update (&explore, &error));
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, "alpha_b"));
  /* Nothing changed. */
  g_assert_true (explore.spectrum == before);
  g_assert_cmpfloat (explore.spectrum->z_re_ohm[0], ==, z0);
  sp_impedance_explore_clear (&explore);
}

int
main (int   argc,
      char *argv[])
{
  sp_gsl_init ();
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/impedance-explore/default", test_default);
  g_test_add_func ("/impedance-explore/presets-and-temperature", test_presets_and_temperature);
  g_test_add_func ("/impedance-explore/invalid", test_invalid);
  return g_test_run ();
}
