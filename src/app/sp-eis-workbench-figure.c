/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sp-eis-workbench-figure.c — SpEisFigureData from the workbench's results
 *
 * The figure borrows every pointer; the arrays it needs beyond the
 * results themselves (the arcs, the peaks, the titles) live in the
 * workbench's cache, rebuilt on the first fill after a "changed" so that
 * two fills between changes hand out the same pointers.
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n.h>

#include "sp-eis-ceramic.h"
#include "sp-eis-workbench-private.h"

void
sp_eis_figure_cache_clear (SpEisFigureCache *cache)
{
  g_clear_pointer (&cache->spectra, g_ptr_array_unref);
  g_clear_pointer (&cache->arcs, g_array_unref);
  g_clear_pointer (&cache->strings, g_ptr_array_unref);
  g_clear_pointer (&cache->drt_peaks, g_array_unref);
  g_clear_pointer (&cache->description, g_free);
  memset (cache, 0, sizeof *cache);
}

static const char *
keep (SpEisFigureCache *cache,
      char             *text)
{
  g_ptr_array_add (cache->strings, text);
  return text;
}

/* Whether @a and @b sit in one parallel block by themselves. */
static gboolean
in_parallel (const char *canonical,
             const char *a,
             const char *b)
{
  g_autofree char *ab = g_strdup_printf ("p(%s,%s)", a, b);
  g_autofree char *ba = g_strdup_printf ("p(%s,%s)", b, a);

  return strstr (canonical, ab) != NULL || strstr (canonical, ba) != NULL;
}

/* The apex of every R‖CPE or R‖C block p(RX,CPEX) / p(RX,CX) of the
 * fitted circuit, labelled by what its effective capacitance, scaled by
 * the pellet's t/A, says it is (Irvine, Sinclair & West). */
static void
add_arcs (SpEisWorkbench     *self,
          const SpEisFitOutcome *fit)
{
  const SpCircuit *circuit = fit->circuit;
  const char *canonical = sp_circuit_to_string (circuit);
  const double *p = fit->result->value;
  guint n = sp_circuit_get_n_params (circuit);

  for (guint k = 0; k < n; k++)
    {
      const char *name = sp_circuit_get_param_name (circuit, k);
      g_autofree char *cpe = NULL, *cpe_q = NULL, *cap = NULL;
      guint iq, ia, ic;
      double r = p[k], f_apex, c_eff;
      double complex z;
      SpEisFigureArc arc;

      if (name[0] != 'R' || strcmp (sp_circuit_get_param_unit (circuit, k), "Ohm") != 0)
        continue;
      cpe = g_strconcat ("CPE", name + 1, NULL);
      cpe_q = g_strconcat (cpe, "_0", NULL);
      cap = g_strconcat ("C", name + 1, NULL);
      if (in_parallel (canonical, name, cpe)
          && sp_circuit_find_param (circuit, cpe_q, &iq, NULL))
        {
          double q = p[iq], alpha;

          ia = iq + 1;
          alpha = p[ia];
          f_apex = 1.0 / (2.0 * G_PI * pow (r * q, 1.0 / alpha));
          c_eff = pow (q, 1.0 / alpha) * pow (r, (1.0 - alpha) / alpha);
        }
      else if (in_parallel (canonical, name, cap)
               && sp_circuit_find_param (circuit, cap, &ic, NULL))
        {
          f_apex = 1.0 / (2.0 * G_PI * r * p[ic]);
          c_eff = p[ic];
        }
      else
        continue;
      if (!isfinite (f_apex) || f_apex <= 0)
        continue;
      z = sp_circuit_eval (circuit, p, 2.0 * G_PI * f_apex);
      arc.label = sp_eis_capacitance_class_label (
        sp_eis_capacitance_classify (c_eff * self->thickness_cm / self->area_cm2));
      arc.apex_freq_hz = f_apex;
      arc.apex_z_re_ohm = creal (z);
      arc.apex_z_im_ohm = cimag (z);
      g_array_append_val (self->figure.arcs, arc);
    }
}

static void
fill_arrhenius (SpEisWorkbench *self)
{
  const SpEisArrheniusSeries *series = self->arrhenius;
  const char *labels[SP_EIS_N_CONDUCTIVITIES] = {
    _("bulk"), _("grain boundary"), _("total"),
  };

  if (series == NULL || series->n_points == 0)
    return;
  for (guint k = 0; k < SP_EIS_N_CONDUCTIVITIES; k++)
    {
      SpEisFigureArrhenius *line = &self->figure.arrhenius[k];

      line->label = labels[k];
      line->n = series->n_points;
      line->temperature_k = series->temperature_k;
      line->sigma_s_cm = series->sigma_s_cm[k];
      line->sigma_err_s_cm = series->sigma_err_s_cm[k];
      line->ea_ev = series->fitted[k] ? series->fit[k].ea_ev : NAN;
      line->ea_err_ev = series->fitted[k] ? series->fit[k].ea_stderr_ev : NAN;
      line->prefactor = series->fitted[k] ? series->fit[k].prefactor : NAN;
    }
  self->figure.n_arrhenius = SP_EIS_N_CONDUCTIVITIES;
}

static void
rebuild (SpEisWorkbench *self)
{
  SpEisFigureCache *cache = &self->figure;
  SpEisEntry *entry = sp_eis_workbench_selected_entry (self);

  sp_eis_figure_cache_clear (cache);
  cache->valid = TRUE;
  cache->spectra = g_ptr_array_new ();
  cache->arcs = g_array_new (FALSE, FALSE, sizeof (SpEisFigureArc));
  cache->strings = g_ptr_array_new_with_free_func (g_free);
  cache->drt_peaks = g_array_new (FALSE, FALSE, sizeof (SpEisFigureDrtPeak));

  if (entry != NULL)
    g_ptr_array_add (cache->spectra, entry->spectrum);
  if (self->show_all)
    for (guint i = 0; i < self->entries->len; i++)
      {
        SpEisEntry *other = g_ptr_array_index (self->entries, i);
        if (other != entry)
          g_ptr_array_add (cache->spectra, other->spectrum);
      }
  if (entry == NULL)
    {
      fill_arrhenius (self);
      return;
    }

  if (entry->fit != NULL)
    {
      add_arcs (self, entry->fit);
      cache->description = g_strdup_printf ("%s — %s", entry->spectrum->name,
                                            sp_circuit_to_string (entry->fit->circuit));
    }
  else
    cache->description = g_strdup (entry->spectrum->name);

  if (self->residuals_source == SP_EIS_RESIDUALS_FIT && entry->fit != NULL)
    {
      const SpEisFitResult *r = entry->fit->result;

      cache->residuals = (SpEisFigureResiduals) {
        r->n_points, r->freq_hz, r->rel_residual_re, r->rel_residual_im,
        keep (cache, g_strdup_printf (_("Fit, χ²/ν = %.3g"), r->reduced_chi2)),
      };
    }
  else if (self->residuals_source == SP_EIS_RESIDUALS_LINKK && entry->linkk != NULL)
    {
      const SpLinKKResult *r = entry->linkk;

      cache->residuals = (SpEisFigureResiduals) {
        r->n_points, r->freq_hz, r->residual_re, r->residual_im,
        keep (cache, g_strdup_printf (_("Lin-KK, M = %u"), r->m)),
      };
    }

  if (entry->drt != NULL)
    {
      const SpDrtResult *r = entry->drt;

      for (guint i = 0; i < r->n_peaks; i++)
        {
          SpEisFigureDrtPeak peak = { r->peaks[i].tau_s, r->peaks[i].resistance_ohm };
          g_array_append_val (cache->drt_peaks, peak);
        }
      cache->drt = (SpEisFigureDrt) {
        r->n_out, r->tau_s, r->gamma_ohm,
        cache->drt_peaks->len, (const SpEisFigureDrtPeak *) cache->drt_peaks->data,
      };
    }
  fill_arrhenius (self);
}

void
sp_eis_workbench_fill_figure_data (SpEisWorkbench  *self,
                                   SpEisFigureData *data)
{
  SpEisFigureCache *cache = &self->figure;
  SpEisEntry *entry;

  g_return_if_fail (SP_IS_EIS_WORKBENCH (self));
  g_return_if_fail (data != NULL);
  if (!cache->valid)
    rebuild (self);
  entry = sp_eis_workbench_selected_entry (self);

  memset (data, 0, sizeof *data);
  data->n_spectra = cache->spectra->len;
  data->spectra = (const SpEisSpectrum *const *) cache->spectra->pdata;
  if (entry != NULL && entry->fit != NULL && entry->fit->curve != NULL)
    {
      data->model = entry->fit->curve;
      data->model_label = _("fit");
    }
  data->n_arcs = cache->arcs->len;
  data->arcs = (const SpEisFigureArc *) cache->arcs->data;
  data->residuals = cache->residuals.n > 0 ? &cache->residuals : NULL;
  data->drt = cache->drt.n > 0 ? &cache->drt : NULL;
  data->arrhenius_form = self->arrhenius_form == SP_ARRHENIUS_SIGMA
                         ? SP_EIS_FIGURE_SIGMA : SP_EIS_FIGURE_SIGMA_T;
  data->arrhenius_kelvin = TRUE;
  data->n_arrhenius = cache->n_arrhenius;
  data->arrhenius = cache->n_arrhenius > 0 ? cache->arrhenius : NULL;
  data->description = cache->description;
}
