/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-eis-ceramic.c — the explore model: read-outs against hand-computed
 * values, R(T) against its activation energy, the simulated spectrum's bulk
 * apex, the capacitance classes and the presets */

#include "config.h"

#include <complex.h>
#include <gio/gio.h>
#include <math.h>
#include <string.h>

#include "sp-gsl.h"
#include "sp-circuit.h"
#include "sp-eis-ceramic.h"

#define assert_rel(a, b, tol) \
  g_assert_cmpfloat (fabs ((a) - (double) (b)), <=, (tol) * fabs ((double) (b)))

/* A model at its reference temperature, so R_b and R_gb are the given ones. */
static void
model_at_reference (SpEisCeramic *m)
{
  sp_eis_ceramic_init_default (m);
  m->values[SP_EIS_CERAMIC_R0] = 10;
  m->values[SP_EIS_CERAMIC_RB] = 1000;
  m->values[SP_EIS_CERAMIC_QB] = 1e-10;
  m->values[SP_EIS_CERAMIC_ALPHA_B] = 0.9;
  m->values[SP_EIS_CERAMIC_RGB] = 4000;
  m->values[SP_EIS_CERAMIC_QGB] = 1e-8;
  m->values[SP_EIS_CERAMIC_ALPHA_GB] = 0.8;
  m->values[SP_EIS_CERAMIC_QEL] = 1e-6;
  m->values[SP_EIS_CERAMIC_ALPHA_EL] = 0.75;
  m->values[SP_EIS_CERAMIC_THICKNESS] = 0.2;
  m->values[SP_EIS_CERAMIC_AREA] = 0.8;
  m->values[SP_EIS_CERAMIC_TEMPERATURE] = 298.15;
  m->reference_temperature_k = 298.15;
}

static void
test_readout (void)
{
  SpEisCeramic m;
  SpEisCeramicReadout r;
  /* By hand: cell constant t/A = 0.25 cm⁻¹.
   * σ_b = 0.25/1000 = 2.5e-4, σ_gb = 0.25/4000 = 6.25e-5,
   * σ_total = 0.25/5000 = 5e-5 S/cm.
   * C_b = (1e-10)^(1/0.9) · 1000^(0.1/0.9) = 10^(−100/9) · 10^(1/3) = 10^(−97/9)
   * C_gb = (1e-8)^(1/0.8) · 4000^(0.2/0.8) = 10^(−10) · 4000^(1/4)
   * f_b = 1/(2π (1e-7)^(1/0.9)) = 10^(70/9)/(2π)
   * f_gb = 1/(2π (4e-5)^(1.25))
   * electrode against 5010 Ω: f = 1/(2π (5.01e-3)^(4/3)),
   *   C = (1e-6)^(4/3) · 5010^(1/3) */
  double c_b = pow (10, -97.0 / 9);
  double c_gb = 1e-10 * pow (4000, 0.25);

  model_at_reference (&m);
  sp_eis_ceramic_readout (&m, &r);
  assert_rel (r.rb_ohm, 1000, 1e-15);
  assert_rel (r.rgb_ohm, 4000, 1e-15);
  assert_rel (r.sigma_bulk_s_per_cm, 2.5e-4, 1e-14);
  assert_rel (r.sigma_gb_s_per_cm, 6.25e-5, 1e-14);
  assert_rel (r.sigma_total_s_per_cm, 5e-5, 1e-14);
  assert_rel (r.arcs[SP_EIS_ARC_BULK].c_eff_f, c_b, 1e-12);
  assert_rel (r.arcs[SP_EIS_ARC_GRAIN_BOUNDARY].c_eff_f, c_gb, 1e-12);
  assert_rel (r.sigma_gb_specific_s_per_cm, 6.25e-5 * c_b / c_gb, 1e-12);
  assert_rel (r.arcs[SP_EIS_ARC_BULK].apex_hz, pow (10, 70.0 / 9) / (2 * G_PI), 1e-12);
  assert_rel (r.arcs[SP_EIS_ARC_GRAIN_BOUNDARY].apex_hz, 1 / (2 * G_PI * pow (4e-5, 1.25)),
              1e-12);
  assert_rel (r.arcs[SP_EIS_ARC_ELECTRODE].apex_hz, 1 / (2 * G_PI * pow (5.01e-3, 4.0 / 3)),
              1e-12);
  assert_rel (r.arcs[SP_EIS_ARC_ELECTRODE].c_eff_f, 1e-8 * cbrt (5010), 1e-12);
  /* The apex of an R‖CPE is also 1/(2π R C_eff). */
  assert_rel (r.arcs[SP_EIS_ARC_BULK].apex_hz, 1 / (2 * G_PI * 1000 * c_b), 1e-12);
  assert_rel (r.arcs[SP_EIS_ARC_BULK].c_scaled_f_per_cm, 0.25 * c_b, 1e-12);

  /* 10^(−97/9)·0.25 = 4.0e-12: bulk; 1e-10·8·0.25 = 2e-10: grain boundary;
   * 1e-8·17.1·0.25 = 4.3e-8: surface layer (a thin blocking layer's size). */
  g_assert_cmpint (r.arcs[SP_EIS_ARC_BULK].klass, ==, SP_EIS_CAPACITANCE_BULK);
  g_assert_cmpint (r.arcs[SP_EIS_ARC_GRAIN_BOUNDARY].klass, ==,
                   SP_EIS_CAPACITANCE_GRAIN_BOUNDARY);
  g_assert_cmpint (r.arcs[SP_EIS_ARC_ELECTRODE].klass, ==, SP_EIS_CAPACITANCE_SURFACE_LAYER);
}

static void
test_classify (void)
{
  static const struct
  {
    double                c;
    SpEisCapacitanceClass klass;
    const char           *id;
  } cases[] = {
    { 1e-13, SP_EIS_CAPACITANCE_BULK, "bulk" },
    { 2e-12, SP_EIS_CAPACITANCE_BULK, "bulk" },
    { 9.99e-12, SP_EIS_CAPACITANCE_BULK, "bulk" },
    { 1e-11, SP_EIS_CAPACITANCE_GRAIN_BOUNDARY, "grain-boundary" },
    { 5e-10, SP_EIS_CAPACITANCE_GRAIN_BOUNDARY, "grain-boundary" },
    { 1e-8, SP_EIS_CAPACITANCE_SURFACE_LAYER, "surface-layer" },
    { 1e-7, SP_EIS_CAPACITANCE_ELECTRODE_INTERFACE, "electrode-interface" },
    { 3e-6, SP_EIS_CAPACITANCE_ELECTRODE_INTERFACE, "electrode-interface" },
    { 1e-4, SP_EIS_CAPACITANCE_ELECTROCHEMICAL, "electrochemical-reaction" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      SpEisCapacitanceClass klass = sp_eis_capacitance_classify (cases[i].c);

      g_assert_cmpint (klass, ==, cases[i].klass);
      g_assert_cmpstr (sp_eis_capacitance_class_id (klass), ==, cases[i].id);
      g_assert_true (strlen (sp_eis_capacitance_class_label (klass)) > 3);
    }
}

static void
test_arrhenius (void)
{
  const double r_ref = 1234.5, ea = 0.43, t_ref = 298.15;
  const double temperatures[][2] = { { 250, 350 }, { 298.15, 400 }, { 180, 1200 } };

  /* At T_ref R is R_ref exactly. */
  g_assert_cmpfloat (sp_eis_resistance_at (r_ref, ea, t_ref, t_ref), ==, r_ref);
  for (guint i = 0; i < G_N_ELEMENTS (temperatures); i++)
    {
      double t1 = temperatures[i][0], t2 = temperatures[i][1];
      double r1 = sp_eis_resistance_at (r_ref, ea, t_ref, t1);
      double r2 = sp_eis_resistance_at (r_ref, ea, t_ref, t2);
      /* σT ∝ T/R: E_a = k_B ln[(T₂/R₂)/(T₁/R₁)] / (1/T₁ − 1/T₂). */
      double ea_back = SP_BOLTZMANN_EV_PER_K * log ((t2 / r2) / (t1 / r1)) / (1 / t1 - 1 / t2);

      assert_rel (ea_back, ea, 1e-12);
      g_assert_cmpfloat (r2, <, r1);
    }

  /* Through the model: the temperature slider moves R_b and R_gb by their
   * own activation energies, and σ_bulk T reproduces E_a,b. */
  {
    SpEisCeramic m;
    SpEisCeramicReadout cold, hot;
    double ea_b, ea_gb;

    model_at_reference (&m);
    m.values[SP_EIS_CERAMIC_EA_B] = 0.3;
    m.values[SP_EIS_CERAMIC_EA_GB] = 0.6;
    m.values[SP_EIS_CERAMIC_TEMPERATURE] = 260;
    sp_eis_ceramic_readout (&m, &cold);
    m.values[SP_EIS_CERAMIC_TEMPERATURE] = 340;
    sp_eis_ceramic_readout (&m, &hot);
    ea_b = SP_BOLTZMANN_EV_PER_K *
           log ((hot.sigma_bulk_s_per_cm * 340) / (cold.sigma_bulk_s_per_cm * 260)) /
           (1 / 260.0 - 1 / 340.0);
    ea_gb = SP_BOLTZMANN_EV_PER_K *
            log ((hot.sigma_gb_s_per_cm * 340) / (cold.sigma_gb_s_per_cm * 260)) /
            (1 / 260.0 - 1 / 340.0);
    assert_rel (ea_b, 0.3, 1e-12);
    assert_rel (ea_gb, 0.6, 1e-12);
  }
}

static void
test_circuit_params (void)
{
  g_autoptr(SpCircuit) circuit = sp_circuit_parse (SP_EIS_CERAMIC_CIRCUIT, NULL);
  double params[SP_EIS_CERAMIC_N_CIRCUIT_PARAMS];
  const char *names[] = { "R0", "Rb", "CPEb_0", "CPEb_1", "Rgb", "CPEgb_0", "CPEgb_1",
                          "CPEel_0", "CPEel_1" };
  SpEisCeramic m;

  g_assert_nonnull (circuit);
  g_assert_cmpuint (sp_circuit_get_n_params (circuit), ==, G_N_ELEMENTS (params));
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    g_assert_cmpstr (sp_circuit_get_param_name (circuit, i), ==, names[i]);

  model_at_reference (&m);
  m.values[SP_EIS_CERAMIC_TEMPERATURE] = 350;
  sp_eis_ceramic_circuit_params (&m, params);
  g_assert_cmpfloat (params[0], ==, 10);
  assert_rel (params[1], sp_eis_resistance_at (1000, m.values[SP_EIS_CERAMIC_EA_B], 298.15, 350),
              1e-15);
  assert_rel (params[4], sp_eis_resistance_at (4000, m.values[SP_EIS_CERAMIC_EA_GB], 298.15, 350),
              1e-15);
  g_assert_cmpfloat (params[2], ==, 1e-10);
  g_assert_cmpfloat (params[3], ==, 0.9);
  g_assert_cmpfloat (params[5], ==, 1e-8);
  g_assert_cmpfloat (params[6], ==, 0.8);
  g_assert_cmpfloat (params[7], ==, 1e-6);
  g_assert_cmpfloat (params[8], ==, 0.75);
}

static void
test_simulate (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SpEisSpectrum) s = NULL;
  g_autoptr(SpCircuit) circuit = sp_circuit_parse (SP_EIS_CERAMIC_CIRCUIT, NULL);
  double params[SP_EIS_CERAMIC_N_CIRCUIT_PARAMS];
  SpEisCeramicReadout r;
  SpEisCeramic m;
  double f_b, best = -1, best_f = 0;

  /* Ideal arcs (α = 1) far apart: the bulk R_b C_b = 1e-6 s (159 kHz), the
   * grain boundary 0.4 s, the electrode further down. */
  model_at_reference (&m);
  m.values[SP_EIS_CERAMIC_QB] = 1e-9;
  m.values[SP_EIS_CERAMIC_ALPHA_B] = 1.0;
  m.values[SP_EIS_CERAMIC_QGB] = 1e-4;
  m.values[SP_EIS_CERAMIC_ALPHA_GB] = 1.0;
  m.values[SP_EIS_CERAMIC_QEL] = 1e-2;
  sp_eis_ceramic_readout (&m, &r);
  f_b = r.arcs[SP_EIS_ARC_BULK].apex_hz;
  assert_rel (f_b, 1 / (2 * G_PI * 1e-6), 1e-12);

  s = sp_eis_ceramic_simulate (&m, 1e-2, 1e7, 1000, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (s->n_points, ==, 9001);
  g_assert_cmpfloat (s->temperature_k, ==, 298.15);
  g_assert_cmpstr (s->name, ==, SP_EIS_CERAMIC_CIRCUIT);

  /* Every point is the circuit's Z at that frequency. */
  sp_eis_ceramic_circuit_params (&m, params);
  for (guint i = 0; i < s->n_points; i += 97)
    {
      double complex z = sp_circuit_eval (circuit, params, 2 * G_PI * s->freq_hz[i]);

      g_assert_cmpfloat (s->z_re_ohm[i], ==, creal (z));
      g_assert_cmpfloat (s->z_im_ohm[i], ==, cimag (z));
    }

  /* −Z″'s local maximum above 10 kHz is the bulk arc's apex: within a
   * grid step (10^(1/1000)); the other arcs' tails add < 0.02 Ω there. */
  for (guint i = 0; i < s->n_points; i++)
    if (s->freq_hz[i] > 1e4 && -s->z_im_ohm[i] > best)
      {
        best = -s->z_im_ohm[i];
        best_f = s->freq_hz[i];
      }
  g_assert_cmpfloat (fabs (log10 (best_f / f_b)), <=, 0.5 / 1000);
  /* The apex's height is R_b/2 for an ideal R‖C. */
  assert_rel (best, 500, 1e-4);

  /* At f_b exactly the bulk R‖CPE alone gives Z = R_b/(1 + e^(jπα/2)); the
   * other elements add their own known Z. */
  {
    SpEisCeramic n;
    double complex z, rest, bulk;

    model_at_reference (&n);
    sp_eis_ceramic_readout (&n, &r);
    sp_eis_ceramic_circuit_params (&n, params);
    f_b = r.arcs[SP_EIS_ARC_BULK].apex_hz;
    z = sp_circuit_eval (circuit, params, 2 * G_PI * f_b);
    {
      g_autoptr(SpCircuit) others = sp_circuit_parse ("R0-p(Rgb,CPEgb)-CPEel", NULL);
      double p_others[] = { params[0], params[4], params[5], params[6], params[7], params[8] };

      rest = sp_circuit_eval (others, p_others, 2 * G_PI * f_b);
    }
    bulk = 1000 / (1 + cexp (CMPLX (0, G_PI_2 * 0.9)));
    g_assert_cmpfloat (cabs (z - rest - bulk), <=, 1e-12 * cabs (z));
  }
}

static void
test_validate (void)
{
  g_autoptr(GError) error = NULL;
  SpEisCeramic m;

  sp_eis_ceramic_init_default (&m);
  g_assert_true (sp_eis_ceramic_validate (&m, NULL));
  m.values[SP_EIS_CERAMIC_ALPHA_B] = 1.2;
  g_assert_false (sp_eis_ceramic_validate (&m, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
  g_assert_cmpstr (error->message, ==,
                   "Bulk CPE exponent α_b (alpha_b) = 1.2 is outside its range 0.5 … 1");
  g_clear_error (&error);
  sp_eis_ceramic_init_default (&m);
  m.values[SP_EIS_CERAMIC_RB] = NAN;
  g_assert_null (sp_eis_ceramic_simulate (&m, 1, 1e6, 10, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
  g_assert_nonnull (strstr (error->message, "rb_ohm"));
  g_clear_error (&error);
  sp_eis_ceramic_init_default (&m);
  g_assert_null (sp_eis_ceramic_simulate (&m, 10, 1, 10, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
}

static void
test_ranges_and_presets (void)
{
  SpEisCeramic m;

  sp_eis_ceramic_init_default (&m);
  for (int i = 0; i < SP_EIS_CERAMIC_N_PARAMS; i++)
    {
      const SpEisCeramicRange *range = sp_eis_ceramic_get_range (i);

      g_assert_cmpint (sp_eis_ceramic_find_param (range->id), ==, i);
      g_assert_cmpfloat (range->min, <, range->max);
      g_assert_cmpfloat (range->default_value, >=, range->min);
      g_assert_cmpfloat (range->default_value, <=, range->max);
      if (range->log_scale)
        g_assert_cmpfloat (range->min, >, 0);
      g_assert_cmpfloat (m.values[i], ==, range->default_value);
    }
  g_assert_cmpint (sp_eis_ceramic_find_param ("no_such"), ==, -1);

  g_assert_cmpuint (sp_eis_ceramic_get_n_presets (), >=, 3);
  for (guint p = 0; p < sp_eis_ceramic_get_n_presets (); p++)
    {
      const SpEisCeramicPreset *preset = sp_eis_ceramic_get_preset (p);
      g_autoptr(GError) error = NULL;
      g_autoptr(SpEisSpectrum) s = NULL;
      SpEisCeramicReadout r;

      g_test_message ("preset %s", preset->id);
      g_assert_true (sp_eis_ceramic_find_preset (preset->id) == preset);
      g_assert_true (sp_eis_ceramic_validate (&preset->model, &error));
      g_assert_no_error (error);
      /* Every source names a journal reference; illustrative ones say so. */
      g_assert_nonnull (strstr (preset->source, "("));
      g_assert_true (preset->illustrative == g_str_has_prefix (preset->source, "Illustrative"));
      s = sp_eis_ceramic_simulate (&preset->model, 0.01, 1e7, 10, &error);
      g_assert_no_error (error);

      /* The arcs are what the model says they are: bulk above grain
       * boundary above electrode in frequency, each classified by its
       * capacitance as such. */
      sp_eis_ceramic_readout (&preset->model, &r);
      g_assert_cmpfloat (r.arcs[SP_EIS_ARC_BULK].apex_hz, >,
                         10 * r.arcs[SP_EIS_ARC_GRAIN_BOUNDARY].apex_hz);
      g_assert_cmpfloat (r.arcs[SP_EIS_ARC_GRAIN_BOUNDARY].apex_hz, >,
                         10 * r.arcs[SP_EIS_ARC_ELECTRODE].apex_hz);
      /* LLZO's bulk arc sits near 15 MHz at 25 °C (f = σ/(2π ε₀ ε_r)). */
      g_assert_cmpfloat (r.arcs[SP_EIS_ARC_BULK].apex_hz, <=, 1e8);
      g_assert_cmpint (r.arcs[SP_EIS_ARC_BULK].klass, ==, SP_EIS_CAPACITANCE_BULK);
      g_assert_cmpint (r.arcs[SP_EIS_ARC_GRAIN_BOUNDARY].klass, ==,
                       SP_EIS_CAPACITANCE_GRAIN_BOUNDARY);
      g_assert_cmpint (r.arcs[SP_EIS_ARC_ELECTRODE].klass, ==,
                       SP_EIS_CAPACITANCE_ELECTRODE_INTERFACE);
      g_assert_cmpfloat (r.sigma_total_s_per_cm, <, r.sigma_bulk_s_per_cm);
    }
  g_assert_null (sp_eis_ceramic_find_preset ("nope"));

  g_assert_cmpstr (sp_eis_arc_kind_id (SP_EIS_ARC_BULK), ==, "bulk");
  g_assert_cmpstr (sp_eis_arc_kind_id (SP_EIS_ARC_GRAIN_BOUNDARY), ==, "grain-boundary");
  g_assert_cmpstr (sp_eis_arc_kind_id (SP_EIS_ARC_ELECTRODE), ==, "electrode");
  g_assert_cmpstr (sp_eis_arc_kind_label (SP_EIS_ARC_GRAIN_BOUNDARY), ==, "grain boundary");
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  sp_gsl_init ();
  g_test_add_func ("/eis-ceramic/readout", test_readout);
  g_test_add_func ("/eis-ceramic/classify", test_classify);
  g_test_add_func ("/eis-ceramic/arrhenius", test_arrhenius);
  g_test_add_func ("/eis-ceramic/circuit-params", test_circuit_params);
  g_test_add_func ("/eis-ceramic/simulate", test_simulate);
  g_test_add_func ("/eis-ceramic/validate", test_validate);
  g_test_add_func ("/eis-ceramic/ranges-and-presets", test_ranges_and_presets);
  return g_test_run ();
}
