/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sp-cli-export-eis-model.c — the model curve of `spinodal-cli export
 * --figure nyquist|bode|eis-residuals`: a circuit with every parameter
 * given by --param NAME=VALUE, or a ceramic preset of the explore model
 * with --param ID=VALUE overrides and its arcs labelled */

#include "config.h"

#include <complex.h>
#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "sp-cli-eis-common.h"
#include "sp-cli-export-eis-private.h"
#include "sp-cli-options.h"

/* ---- the model ------------------------------------------------------------------ */

/* --ceramic PRESET with --param ID=VALUE overrides (rb_ohm, temperature_k, …). */
static gboolean
ceramic_model (const SpCliEisFlags *flags,
               SpEisCeramic        *model)
{
  const SpEisCeramicPreset *preset = sp_eis_ceramic_find_preset (flags->ceramic);
  g_autoptr(GError) error = NULL;

  if (preset == NULL)
    {
      g_autoptr(GString) ids = g_string_new (NULL);
      g_autofree char *message = NULL;

      for (guint i = 0; i < sp_eis_ceramic_get_n_presets (); i++)
        g_string_append_printf (ids, "%s%s", i > 0 ? ", " : "", sp_eis_ceramic_get_preset (i)->id);
      message = g_strdup_printf (_("--ceramic: no preset “%s”; the presets are %s"),
                                 flags->ceramic, ids->str);
      sp_cli_export_eis_fail (message);
      return FALSE;
    }
  *model = preset->model;
  for (guint i = 0; flags->params != NULL && flags->params[i] != NULL; i++)
    {
      g_autofree char *name = NULL, *flag = NULL;
      const SpEisCeramicRange *r;
      SpParamRange range;
      const char *value;
      int id;

      if (!sp_cli_eis_split_assignment ("export", flags->params[i], &name, &value))
        return FALSE;
      id = sp_eis_ceramic_find_param (name);
      if (id < 0)
        {
          g_autoptr(GString) ids = g_string_new (NULL);
          g_autofree char *message = NULL;

          for (int k = 0; k < SP_EIS_CERAMIC_N_PARAMS; k++)
            g_string_append_printf (ids, "%s%s", k > 0 ? ", " : "", sp_eis_ceramic_get_range (k)->id);
          message = g_strdup_printf (_("the preset model has no parameter “%s”; its "
                                       "parameters are %s"), name, ids->str);
          sp_cli_export_eis_fail (message);
          return FALSE;
        }
      r = sp_eis_ceramic_get_range (id);
      range = (SpParamRange) { .name = r->id, .unit = r->unit, .min = r->min, .max = r->max };
      flag = g_strdup_printf ("--param %s", name);
      if (!sp_cli_parse_number (flag, value, &range, &model->values[id], &error))
        {
          sp_cli_export_eis_fail (error->message);
          return FALSE;
        }
    }
  return TRUE;
}

/* The model's frequency grid: --f-min/--f-max, else the data's range, else
 * 0.1 Hz … 10 MHz; 20 points a decade for a smooth line. */
static gboolean
model_grid (const SpCliEisFlags *flags,
            GPtrArray           *spectra,
            double              *f_min,
            double              *f_max,
            double              *ppd)
{
  *f_min = 0.1;
  *f_max = 1e7;
  *ppd = 20;
  if (spectra->len > 0)
    {
      *f_min = INFINITY;
      *f_max = 0.0;
      for (guint k = 0; k < spectra->len; k++)
        {
          const SpEisSpectrum *s = g_ptr_array_index (spectra, k);

          for (guint i = 0; i < s->n_points; i++)
            {
              *f_min = MIN (*f_min, s->freq_hz[i]);
              *f_max = MAX (*f_max, s->freq_hz[i]);
            }
        }
      if (!(*f_max > *f_min))
        *f_max = 10.0 * *f_min;
    }
  return sp_cli_eis_parse_grid ("export", flags->f_min, flags->f_max, flags->points_per_decade,
                                f_min, f_max, ppd);
}

static const char *
arc_label (SpEisArcKind kind)
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

gboolean
sp_cli_export_eis_build_model (SpCliEisFigure      *figure,
                               const SpCliEisFlags *flags)
{
  g_autoptr(SpCircuit) circuit = NULL;
  g_autofree double *params = NULL;
  g_autoptr(GError) error = NULL;
  SpEisCeramic ceramic;
  double f_min, f_max, ppd;

  if (flags->circuit != NULL && flags->ceramic != NULL)
    {
      sp_cli_export_eis_fail (_("give --circuit or --ceramic, not both"));
      return FALSE;
    }
  if (flags->circuit == NULL && flags->ceramic == NULL)
    {
      if (flags->params != NULL)
        {
          sp_cli_export_eis_fail (_("--param needs --circuit or --ceramic"));
          return FALSE;
        }
      return TRUE;
    }
  if (flags->circuit != NULL)
    {
      if (!sp_cli_eis_circuit_params ("export", flags->circuit, flags->params, &circuit,
                                      &params))
        return FALSE;
    }
  else
    {
      if (!ceramic_model (flags, &ceramic))
        return FALSE;
      circuit = sp_circuit_parse (SP_EIS_CERAMIC_CIRCUIT, NULL);
      params = g_new0 (double, SP_EIS_CERAMIC_N_CIRCUIT_PARAMS);
      sp_eis_ceramic_circuit_params (&ceramic, params);
    }
  if (!model_grid (flags, figure->spectra, &f_min, &f_max, &ppd))
    return FALSE;
  figure->model = sp_eis_spectrum_new_log (f_min, f_max, ppd, &error);
  if (figure->model == NULL)
    {
      sp_cli_export_eis_fail (error->message);
      return FALSE;
    }
  for (guint i = 0; i < figure->model->n_points; i++)
    {
      double complex z = sp_circuit_eval (circuit, params, 2 * G_PI * figure->model->freq_hz[i]);

      figure->model->z_re_ohm[i] = creal (z);
      figure->model->z_im_ohm[i] = cimag (z);
    }
  sp_eis_spectrum_set_name (figure->model, sp_circuit_to_string (circuit));
  figure->model_label = g_strdup (flags->ceramic != NULL ? flags->ceramic
                                                         : sp_circuit_to_string (circuit));

  {
    g_autoptr(GString) text = g_string_new (sp_circuit_to_string (circuit));

    for (guint k = 0; k < sp_circuit_get_n_params (circuit); k++)
      {
        char buf[G_ASCII_DTOSTR_BUF_SIZE];

        g_string_append_printf (text, "%s %s = %s %s", k == 0 ? ":" : ",",
                                sp_circuit_get_param_name (circuit, k),
                                g_ascii_formatd (buf, sizeof buf, "%.4g", params[k]),
                                sp_circuit_get_param_unit (circuit, k));
      }
    figure->description = g_strchomp (g_string_free (g_steal_pointer (&text), FALSE));
  }

  if (flags->ceramic != NULL)
    {
      SpEisCeramicReadout readout;

      sp_eis_ceramic_readout (&ceramic, &readout);
      for (guint a = 0; a < SP_EIS_N_ARCS; a++)
        {
          double f = readout.arcs[a].apex_hz;
          double complex z = sp_circuit_eval (circuit, params, 2 * G_PI * f);

          if (!(f > 0.0) || !isfinite (f))
            continue;
          figure->arc_labels[figure->eis.n_arcs] = g_strdup (arc_label (a));
          figure->arcs[figure->eis.n_arcs] = (SpEisFigureArc) {
            figure->arc_labels[figure->eis.n_arcs], f, creal (z), cimag (z)
          };
          figure->eis.n_arcs++;
        }
    }
  figure->circuit = g_steal_pointer (&circuit);
  figure->params = g_steal_pointer (&params);
  return TRUE;
}
