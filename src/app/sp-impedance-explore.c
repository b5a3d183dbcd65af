/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sp-impedance-explore.c — the ceramic model as the explore figures' data
 */

#include "config.h"

#include <complex.h>
#include <math.h>

#include <glib/gi18n.h>

#include "sp-circuit.h"
#include "sp-impedance-explore.h"

const char *
sp_impedance_explore_arc_name (SpEisArcKind kind)
{
  switch (kind)
    {
    case SP_EIS_ARC_BULK:
      return _("bulk");
    case SP_EIS_ARC_GRAIN_BOUNDARY:
      return _("grain boundary");
    case SP_EIS_ARC_ELECTRODE:
    case SP_EIS_N_ARCS:
    default:
      return _("electrode");
    }
}

void
sp_impedance_explore_window (const SpEisCeramic        *model,
                             const SpEisCeramicReadout *readout,
                             double                    *f_min_hz,
                             double                    *f_max_hz)
{
  const double *v = model->values;
  /* Above the bulk apex: one decade more of a CPE arc (α < 1 widens it)
   * for every 0.1 that α lacks of 1, at least one decade. */
  double decades_up = 1.0 + 10.0 * (1.0 - v[SP_EIS_CERAMIC_ALPHA_B]);
  double f_bulk = readout->arcs[SP_EIS_ARC_BULK].apex_hz;
  /* |Z_el| = 1/(Q ω^α) reaches 1.5 (R0 + Rb + Rgb) where the spike,
   * rising from the frequency at which it equals that resistance, has
   * grown by 1.5: f = f_el · 1.5^(−1/α). */
  double f_el = readout->arcs[SP_EIS_ARC_ELECTRODE].apex_hz;
  double f_low = f_el * pow (1.5, -1.0 / v[SP_EIS_CERAMIC_ALPHA_EL]);
  double f_high = f_bulk * pow (10.0, decades_up);

  /* The top on a whole decade (where the bulk arc has long closed); the
   * bottom exactly where the spike reaches its height: a decade lower
   * would let it grow up to 10^α times taller and flatten the arcs. */
  f_high = pow (10.0, ceil (log10 (f_high)));
  f_low = CLAMP (f_low, SP_IMPEDANCE_EXPLORE_F_LOWEST, SP_IMPEDANCE_EXPLORE_F_HIGHEST / 10.0);
  f_high = CLAMP (f_high, 10.0 * f_low, SP_IMPEDANCE_EXPLORE_F_HIGHEST);
  *f_min_hz = f_low;
  *f_max_hz = f_high;
}

void
sp_impedance_explore_init (SpImpedanceExplore *self)
{
  g_return_if_fail (self != NULL);

  *self = (SpImpedanceExplore) { 0 };
  sp_eis_ceramic_init_default (&self->model);
  if (!sp_impedance_explore_update (self, NULL))
    g_assert_not_reached ();
}

void
sp_impedance_explore_clear (SpImpedanceExplore *self)
{
  g_return_if_fail (self != NULL);

  g_clear_pointer (&self->spectrum, sp_eis_spectrum_free);
  g_clear_pointer (&self->description, g_free);
  self->figure = (SpEisFigureData) { 0 };
}

/* "R0-p(Rb,CPEb)-p(Rgb,CPEgb)-CPEel, T = 298.15 K: R0 = 2 Ω, …" for an
 * export's caption. */
static char *
describe (const SpEisCeramic *model)
{
  g_autoptr(GString) text = g_string_new (SP_EIS_CERAMIC_CIRCUIT);

  for (guint p = 0; p < SP_EIS_CERAMIC_N_PARAMS; p++)
    {
      const SpEisCeramicRange *range = sp_eis_ceramic_get_range (p);
      char buffer[G_ASCII_DTOSTR_BUF_SIZE];

      g_string_append_printf (text, "%s %s = %s%s%s", p == 0 ? ":" : ",", range->id,
                              g_ascii_formatd (buffer, sizeof buffer, "%.4g", model->values[p]),
                              *range->unit != '\0' ? " " : "", range->unit);
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

gboolean
sp_impedance_explore_update (SpImpedanceExplore *self,
                             GError            **error)
{
  g_autoptr(SpCircuit) circuit = NULL;
  double params[SP_EIS_CERAMIC_N_CIRCUIT_PARAMS];
  SpEisCeramicReadout readout;
  SpEisSpectrum *spectrum;
  double f_min, f_max, decades;
  guint n_arcs = 0;

  g_return_val_if_fail (self != NULL, FALSE);

  if (!sp_eis_ceramic_validate (&self->model, error))
    return FALSE;
  sp_eis_ceramic_readout (&self->model, &readout);
  sp_impedance_explore_window (&self->model, &readout, &f_min, &f_max);
  decades = log10 (f_max / f_min);
  /* About 120 points, never fewer than 12 a decade. */
  spectrum = sp_eis_ceramic_simulate (&self->model, f_min, f_max,
                                      MAX (SP_IMPEDANCE_EXPLORE_POINTS_PER_DECADE,
                                           ceil (120.0 / decades)),
                                      error);
  if (spectrum == NULL)
    return FALSE;

  sp_impedance_explore_clear (self);
  self->readout = readout;
  self->spectrum = spectrum;
  self->description = describe (&self->model);

  /* Each arc's label at its apex on the drawn curve. */
  circuit = sp_circuit_parse (SP_EIS_CERAMIC_CIRCUIT, NULL);
  g_assert (circuit != NULL);
  sp_eis_ceramic_circuit_params (&self->model, params);
  for (guint a = 0; a < SP_EIS_N_ARCS; a++)
    {
      double f = readout.arcs[a].apex_hz;
      double complex z;

      if (!(f > 0.0 && isfinite (f)))
        continue;
      z = sp_circuit_eval (circuit, params, 2 * G_PI * f);
      self->arcs[n_arcs++] = (SpEisFigureArc) {
        sp_impedance_explore_arc_name (a), f, creal (z), cimag (z),
      };
    }

  self->figure.model = self->spectrum;
  self->figure.model_label = _("model");
  self->figure.n_arcs = n_arcs;
  self->figure.arcs = self->arcs;
  self->figure.description = self->description;
  return TRUE;
}

void
sp_impedance_explore_model_from_state (JsonObject   *state,
                                       SpEisCeramic *model)
{
  JsonNode *node = state != NULL ? json_object_get_member (state, "explore") : NULL;
  JsonObject *explore = node != NULL && JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node)
                                                                       : NULL;

  g_return_if_fail (model != NULL);

  sp_eis_ceramic_init_default (model);
  if (explore == NULL)
    return;
  for (guint p = 0; p < SP_EIS_CERAMIC_N_PARAMS; p++)
    model->values[p] = json_object_get_double_member_with_default (explore,
                                                                   sp_eis_ceramic_get_range (p)->id,
                                                                   model->values[p]);
  model->reference_temperature_k =
    json_object_get_double_member_with_default (explore, "reference_temperature_k",
                                                model->reference_temperature_k);
}
