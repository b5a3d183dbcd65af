/* sp-eis-ceramic.c — the explore model of the impedance lab (see the header)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <gio/gio.h>
#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "sp-circuit.h"
#include "sp-eis-ceramic.h"

static const SpEisCeramicRange ranges[SP_EIS_CERAMIC_N_PARAMS] = {
  [SP_EIS_CERAMIC_R0] = { "r0_ohm", N_("Series resistance R₀"), "Ω", 1e-2, 1e4, 2, TRUE },
  [SP_EIS_CERAMIC_RB] = { "rb_ohm", N_("Bulk resistance R_b (at T_ref)"), "Ω",
                          1e-1, 1e9, 400, TRUE },
  [SP_EIS_CERAMIC_QB] = { "qb", N_("Bulk CPE Q_b"), "F·s^(α−1)", 1e-14, 1e-6, 6.66e-11, TRUE },
  [SP_EIS_CERAMIC_ALPHA_B] = { "alpha_b", N_("Bulk CPE exponent α_b"), "", 0.5, 1, 0.95, FALSE },
  [SP_EIS_CERAMIC_RGB] = { "rgb_ohm", N_("Grain-boundary resistance R_gb (at T_ref)"), "Ω",
                           1e-1, 1e9, 150, TRUE },
  [SP_EIS_CERAMIC_QGB] = { "qgb", N_("Grain-boundary CPE Q_gb"), "F·s^(α−1)",
                           1e-13, 1e-4, 1.06e-8, TRUE },
  [SP_EIS_CERAMIC_ALPHA_GB] = { "alpha_gb", N_("Grain-boundary CPE exponent α_gb"), "",
                                0.5, 1, 0.85, FALSE },
  [SP_EIS_CERAMIC_QEL] = { "qel", N_("Electrode CPE Q_el"), "F·s^(α−1)", 1e-9, 1e-2, 1e-5, TRUE },
  [SP_EIS_CERAMIC_ALPHA_EL] = { "alpha_el", N_("Electrode CPE exponent α_el"), "",
                                0.5, 1, 0.8, FALSE },
  [SP_EIS_CERAMIC_THICKNESS] = { "thickness_cm", N_("Thickness t"), "cm", 1e-3, 1, 0.1, TRUE },
  [SP_EIS_CERAMIC_AREA] = { "area_cm2", N_("Electrode area A"), "cm²", 1e-2, 10, 0.5, TRUE },
  [SP_EIS_CERAMIC_TEMPERATURE] = { "temperature_k", N_("Temperature T"), "K",
                                   150, 1300, 298.15, FALSE },
  [SP_EIS_CERAMIC_EA_B] = { "ea_b_ev", N_("Bulk activation energy E_a,b"), "eV",
                            0.05, 2, 0.32, FALSE },
  [SP_EIS_CERAMIC_EA_GB] = { "ea_gb_ev", N_("Grain-boundary activation energy E_a,gb"), "eV",
                             0.05, 2, 0.38, FALSE },
};

const SpEisCeramicRange *
sp_eis_ceramic_get_range (SpEisCeramicParam param)
{
  g_return_val_if_fail (param < SP_EIS_CERAMIC_N_PARAMS, NULL);
  return &ranges[param];
}

int
sp_eis_ceramic_find_param (const char *id)
{
  g_return_val_if_fail (id != NULL, -1);

  for (int i = 0; i < SP_EIS_CERAMIC_N_PARAMS; i++)
    if (strcmp (ranges[i].id, id) == 0)
      return i;
  return -1;
}

void
sp_eis_ceramic_init_default (SpEisCeramic *model)
{
  g_return_if_fail (model != NULL);

  for (guint i = 0; i < SP_EIS_CERAMIC_N_PARAMS; i++)
    model->values[i] = ranges[i].default_value;
  model->reference_temperature_k = 298.15;
}

gboolean
sp_eis_ceramic_validate (const SpEisCeramic *model,
                         GError            **error)
{
  g_return_val_if_fail (model != NULL, FALSE);

  for (guint i = 0; i < SP_EIS_CERAMIC_N_PARAMS; i++)
    {
      const SpEisCeramicRange *range = &ranges[i];
      double value = model->values[i];

      if (!(isfinite (value) && value >= range->min && value <= range->max))
        {
          g_autofree char *with_unit = *range->unit != '\0'
                                       ? g_strdup_printf ("%g %s", value, range->unit)
                                       : g_strdup_printf ("%g", value);

          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                       _("%s (%s) = %s is outside its range %g … %g"),
                       _(range->label), range->id, with_unit, range->min, range->max);
          return FALSE;
        }
    }
  if (!(isfinite (model->reference_temperature_k) && model->reference_temperature_k > 0))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("the reference temperature must be above 0 K, not %g K"),
                   model->reference_temperature_k);
      return FALSE;
    }
  return TRUE;
}

/* R(T) from σT = A exp(−E_a/(k_B T)) (the hopping form, PHYSICS-TRANSPORT.md
 * §1).  The resistance of a sample of thickness t and area S is
 * R = t/(σ S), so
 *   R(T) = t T / (S A exp(−E_a/(k_B T))) = (t/(S A)) T exp(E_a/(k_B T)),
 * and dividing by the same at T_ref removes the unknown prefactor t/(S A):
 *   R(T)/R(T_ref) = (T/T_ref) exp((E_a/k_B)(1/T − 1/T_ref)).
 * Two resistances then give E_a back exactly:
 *   E_a = k_B ln[(T₁/R₁)/(T₂/R₂)] / (1/T₂ − 1/T₁). */
double
sp_eis_resistance_at (double r_ref_ohm,
                      double ea_ev,
                      double t_ref_k,
                      double t_k)
{
  return r_ref_ohm * (t_k / t_ref_k) *
         exp (ea_ev / SP_BOLTZMANN_EV_PER_K * (1 / t_k - 1 / t_ref_k));
}

static double
bulk_resistance (const SpEisCeramic *model)
{
  return sp_eis_resistance_at (model->values[SP_EIS_CERAMIC_RB],
                               model->values[SP_EIS_CERAMIC_EA_B],
                               model->reference_temperature_k,
                               model->values[SP_EIS_CERAMIC_TEMPERATURE]);
}

static double
grain_boundary_resistance (const SpEisCeramic *model)
{
  return sp_eis_resistance_at (model->values[SP_EIS_CERAMIC_RGB],
                               model->values[SP_EIS_CERAMIC_EA_GB],
                               model->reference_temperature_k,
                               model->values[SP_EIS_CERAMIC_TEMPERATURE]);
}

void
sp_eis_ceramic_circuit_params (const SpEisCeramic *model,
                               double             *params)
{
  const double *v;

  g_return_if_fail (model != NULL && params != NULL);

  v = model->values;
  params[0] = v[SP_EIS_CERAMIC_R0];
  params[1] = bulk_resistance (model);
  params[2] = v[SP_EIS_CERAMIC_QB];
  params[3] = v[SP_EIS_CERAMIC_ALPHA_B];
  params[4] = grain_boundary_resistance (model);
  params[5] = v[SP_EIS_CERAMIC_QGB];
  params[6] = v[SP_EIS_CERAMIC_ALPHA_GB];
  params[7] = v[SP_EIS_CERAMIC_QEL];
  params[8] = v[SP_EIS_CERAMIC_ALPHA_EL];
}

SpEisSpectrum *
sp_eis_ceramic_simulate (const SpEisCeramic *model,
                         double              f_min_hz,
                         double              f_max_hz,
                         double              points_per_decade,
                         GError            **error)
{
  g_autoptr(SpCircuit) circuit = NULL;
  double params[SP_EIS_CERAMIC_N_CIRCUIT_PARAMS];
  SpEisSpectrum *spectrum;

  g_return_val_if_fail (model != NULL, NULL);

  if (!sp_eis_ceramic_validate (model, error))
    return NULL;
  spectrum = sp_eis_spectrum_new_log (f_min_hz, f_max_hz, points_per_decade, error);
  if (spectrum == NULL)
    return NULL;

  circuit = sp_circuit_parse (SP_EIS_CERAMIC_CIRCUIT, NULL);
  g_assert (circuit != NULL && sp_circuit_get_n_params (circuit) == G_N_ELEMENTS (params));
  sp_eis_ceramic_circuit_params (model, params);
  for (guint i = 0; i < spectrum->n_points; i++)
    {
      double complex z = sp_circuit_eval (circuit, params, 2 * G_PI * spectrum->freq_hz[i]);

      spectrum->z_re_ohm[i] = creal (z);
      spectrum->z_im_ohm[i] = cimag (z);
    }
  spectrum->temperature_k = model->values[SP_EIS_CERAMIC_TEMPERATURE];
  sp_eis_spectrum_set_name (spectrum, SP_EIS_CERAMIC_CIRCUIT);
  return spectrum;
}

/* Irvine, Sinclair & West (1990), Table 1, capacitances for a unit cell
 * constant: 1e-12 F bulk; 1e-11 minor second phase; 1e-11–1e-8 grain
 * boundary; 1e-10–1e-9 bulk ferroelectric; 1e-9–1e-7 surface layer;
 * 1e-7–1e-5 sample–electrode interface; 1e-4 electrochemical reactions.
 * The rows overlap; the boundaries here are where the first-named process
 * changes, and the labels name the alternatives. */
SpEisCapacitanceClass
sp_eis_capacitance_classify (double c_scaled_f)
{
  if (c_scaled_f < 1e-11)
    return SP_EIS_CAPACITANCE_BULK;
  if (c_scaled_f < 1e-8)
    return SP_EIS_CAPACITANCE_GRAIN_BOUNDARY;
  if (c_scaled_f < 1e-7)
    return SP_EIS_CAPACITANCE_SURFACE_LAYER;
  if (c_scaled_f < 1e-5)
    return SP_EIS_CAPACITANCE_ELECTRODE_INTERFACE;
  return SP_EIS_CAPACITANCE_ELECTROCHEMICAL;
}

const char *
sp_eis_capacitance_class_id (SpEisCapacitanceClass klass)
{
  static const char *const ids[] = {
    "bulk", "grain-boundary", "surface-layer", "electrode-interface",
    "electrochemical-reaction",
  };

  g_return_val_if_fail (klass < G_N_ELEMENTS (ids), NULL);
  return ids[klass];
}

const char *
sp_eis_capacitance_class_label (SpEisCapacitanceClass klass)
{
  static const char *const labels[] = {
    N_("bulk"),
    N_("grain boundary (or a minor second phase near 10⁻¹¹ F)"),
    N_("surface layer (or a grain boundary)"),
    N_("sample–electrode interface"),
    N_("electrochemical reaction"),
  };

  g_return_val_if_fail (klass < G_N_ELEMENTS (labels), NULL);
  return _(labels[klass]);
}

const char *
sp_eis_arc_kind_id (SpEisArcKind kind)
{
  static const char *const ids[] = { "bulk", "grain-boundary", "electrode" };

  g_return_val_if_fail (kind < G_N_ELEMENTS (ids), NULL);
  return ids[kind];
}

const char *
sp_eis_arc_kind_label (SpEisArcKind kind)
{
  static const char *const labels[] = {
    /* Translators: the arc of the grains' interior in a Nyquist plot. */
    NC_("arc", "bulk"),
    NC_("arc", "grain boundary"),
    NC_("arc", "electrode"),
  };

  g_return_val_if_fail (kind < G_N_ELEMENTS (labels), NULL);
  return g_dpgettext2 (GETTEXT_PACKAGE, "arc", labels[kind]);
}

/* An R‖CPE arc (R > 0) or, for the blocking electrode, the CPE against the
 * series resistance R: f = 1/(2π (RQ)^(1/α)), C_eff = Q^(1/α) R^((1−α)/α). */
static void
arc_readout (double    r,
             double    q,
             double    alpha,
             double    cell_constant_per_cm,
             SpEisArc *arc)
{
  arc->apex_hz = 1 / (2 * G_PI * pow (r * q, 1 / alpha));
  arc->c_eff_f = pow (q, 1 / alpha) * pow (r, (1 - alpha) / alpha);
  arc->c_scaled_f_per_cm = arc->c_eff_f * cell_constant_per_cm;
  arc->klass = sp_eis_capacitance_classify (arc->c_scaled_f_per_cm);
}

void
sp_eis_ceramic_readout (const SpEisCeramic  *model,
                        SpEisCeramicReadout *readout)
{
  const double *v;
  double t, area, cell_constant;
  SpEisArc *bulk, *gb;

  g_return_if_fail (model != NULL && readout != NULL);

  v = model->values;
  t = v[SP_EIS_CERAMIC_THICKNESS];
  area = v[SP_EIS_CERAMIC_AREA];
  cell_constant = t / area;
  readout->rb_ohm = bulk_resistance (model);
  readout->rgb_ohm = grain_boundary_resistance (model);
  readout->sigma_bulk_s_per_cm = cell_constant / readout->rb_ohm;
  readout->sigma_gb_s_per_cm = cell_constant / readout->rgb_ohm;
  readout->sigma_total_s_per_cm = cell_constant / (readout->rb_ohm + readout->rgb_ohm);

  bulk = &readout->arcs[SP_EIS_ARC_BULK];
  gb = &readout->arcs[SP_EIS_ARC_GRAIN_BOUNDARY];
  arc_readout (readout->rb_ohm, v[SP_EIS_CERAMIC_QB], v[SP_EIS_CERAMIC_ALPHA_B],
               cell_constant, bulk);
  arc_readout (readout->rgb_ohm, v[SP_EIS_CERAMIC_QGB], v[SP_EIS_CERAMIC_ALPHA_GB],
               cell_constant, gb);
  arc_readout (v[SP_EIS_CERAMIC_R0] + readout->rb_ohm + readout->rgb_ohm,
               v[SP_EIS_CERAMIC_QEL], v[SP_EIS_CERAMIC_ALPHA_EL], cell_constant,
               &readout->arcs[SP_EIS_ARC_ELECTRODE]);

  /* Brick layer: the grain-boundary layer's thickness relative to the
   * grain size is C_b/C_gb, so its own conductivity is σ_gb scaled by it. */
  readout->sigma_gb_specific_s_per_cm =
    cell_constant / readout->rgb_ohm * (bulk->c_eff_f / gb->c_eff_f);
}

/* Typical values, not one measurement, in every preset: the source says
 * so and names where the kind of sample is described. */
static const SpEisCeramicPreset presets[] = {
  {
    "llzo", N_("Garnet Li₇La₃Zr₂O₁₂ (LLZO) pellet, 25 °C"),
    N_("Illustrative: magnitudes typical of a dense Ta-doped cubic Li₇La₃Zr₂O₁₂ pellet at 25 °C "
       "(σ_total of order 10⁻⁴ S/cm, E_a ≈ 0.3–0.4 eV); the cubic garnet conductor: "
       "R. Murugan, V. Thangadurai, W. Weppner, Angew. Chem. Int. Ed. 46, 7778 (2007)."),
    TRUE,
    { { 2, 400, 6.66e-11, 0.95, 150, 1.06e-8, 0.85, 1e-5, 0.8, 0.1, 0.5, 298.15, 0.32, 0.38 },
      298.15 },
  },
  {
    "li6ps5cl", N_("Argyrodite Li₆PS₅Cl cold-pressed pellet, −40 °C"),
    N_("Illustrative: magnitudes typical of a cold-pressed Li₆PS₅Cl pellet (σ of order "
       "10⁻³ S/cm at 25 °C, E_a ≈ 0.3–0.4 eV), shown at −40 °C where its bulk and "
       "grain-boundary arcs separate; the argyrodite conductors: H.-J. Deiseroth et al., "
       "Angew. Chem. Int. Ed. 47, 755 (2008)."),
    TRUE,
    { { 1, 34, 8.7e-11, 0.93, 30, 1.3e-8, 0.85, 5e-6, 0.85, 0.08, 0.785, 233.15, 0.35, 0.40 },
      298.15 },
  },
  {
    "ysz", N_("8YSZ (yttria-stabilised zirconia) with Pt electrodes, 300 °C"),
    N_("Illustrative: magnitudes typical of 8 mol-percent yttria-stabilised zirconia at 300 °C "
       "(bulk E_a ≈ 1.0 eV, grain boundary ≈ 1.1 eV); review: S. P. S. Badwal, Solid State "
       "Ionics 52, 23 (1992)."),
    TRUE,
    { { 5, 35000, 1.9e-11, 0.97, 25000, 5.4e-9, 0.9, 1e-5, 0.75, 0.1, 0.5, 573.15, 1.0, 1.1 },
      573.15 },
  },
};

guint
sp_eis_ceramic_get_n_presets (void)
{
  return G_N_ELEMENTS (presets);
}

const SpEisCeramicPreset *
sp_eis_ceramic_get_preset (guint index)
{
  g_return_val_if_fail (index < G_N_ELEMENTS (presets), NULL);
  return &presets[index];
}

const SpEisCeramicPreset *
sp_eis_ceramic_find_preset (const char *id)
{
  g_return_val_if_fail (id != NULL, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (presets); i++)
    if (strcmp (presets[i].id, id) == 0)
      return &presets[i];
  return NULL;
}
