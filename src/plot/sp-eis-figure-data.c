/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sp-eis-figure-data.c — a deep copy of the impedance figures' data, for
 * an export that runs in a worker thread
 */

#include "config.h"

#include "sp-eis-figure-data.h"

static double *
dup_doubles (const double *values,
             guint         n)
{
  return values != NULL && n > 0 ? g_memdup2 (values, n * sizeof *values) : NULL;
}

SpEisFigureData *
sp_eis_figure_data_copy (const SpEisFigureData *data)
{
  SpEisFigureData *copy;

  if (data == NULL)
    return NULL;
  copy = g_new0 (SpEisFigureData, 1);
  *copy = *data;

  if (data->n_spectra > 0 && data->spectra != NULL)
    {
      SpEisSpectrum **spectra = g_new0 (SpEisSpectrum *, data->n_spectra);

      for (guint k = 0; k < data->n_spectra; k++)
        spectra[k] = data->spectra[k] != NULL ? sp_eis_spectrum_copy (data->spectra[k]) : NULL;
      copy->spectra = (const SpEisSpectrum *const *) spectra;
    }
  else
    {
      copy->n_spectra = 0;
      copy->spectra = NULL;
    }
  copy->model = data->model != NULL ? sp_eis_spectrum_copy (data->model) : NULL;
  copy->model_label = g_strdup (data->model_label);

  if (data->n_arcs > 0 && data->arcs != NULL)
    {
      SpEisFigureArc *arcs = g_memdup2 (data->arcs, data->n_arcs * sizeof *arcs);

      for (guint a = 0; a < data->n_arcs; a++)
        arcs[a].label = g_strdup (data->arcs[a].label);
      copy->arcs = arcs;
    }
  else
    {
      copy->n_arcs = 0;
      copy->arcs = NULL;
    }

  if (data->residuals != NULL)
    {
      SpEisFigureResiduals *r = g_new0 (SpEisFigureResiduals, 1);

      r->n = data->residuals->n;
      r->freq_hz = dup_doubles (data->residuals->freq_hz, r->n);
      r->d_re = dup_doubles (data->residuals->d_re, r->n);
      r->d_im = dup_doubles (data->residuals->d_im, r->n);
      r->title = g_strdup (data->residuals->title);
      copy->residuals = r;
    }

  if (data->drt != NULL)
    {
      SpEisFigureDrt *drt = g_new0 (SpEisFigureDrt, 1);

      drt->n = data->drt->n;
      drt->tau_s = dup_doubles (data->drt->tau_s, drt->n);
      drt->gamma_ohm = dup_doubles (data->drt->gamma_ohm, drt->n);
      drt->n_peaks = data->drt->peaks != NULL ? data->drt->n_peaks : 0;
      drt->peaks = drt->n_peaks > 0 ? g_memdup2 (data->drt->peaks, drt->n_peaks * sizeof *drt->peaks)
                                    : NULL;
      copy->drt = drt;
    }

  if (data->n_arrhenius > 0 && data->arrhenius != NULL)
    {
      SpEisFigureArrhenius *lines = g_memdup2 (data->arrhenius,
                                               data->n_arrhenius * sizeof *lines);

      for (guint i = 0; i < data->n_arrhenius; i++)
        {
          lines[i].label = g_strdup (data->arrhenius[i].label);
          lines[i].temperature_k = dup_doubles (data->arrhenius[i].temperature_k, lines[i].n);
          lines[i].sigma_s_cm = dup_doubles (data->arrhenius[i].sigma_s_cm, lines[i].n);
          lines[i].sigma_err_s_cm = dup_doubles (data->arrhenius[i].sigma_err_s_cm, lines[i].n);
        }
      copy->arrhenius = lines;
    }
  else
    {
      copy->n_arrhenius = 0;
      copy->arrhenius = NULL;
    }
  copy->description = g_strdup (data->description);
  return copy;
}

void
sp_eis_figure_data_free (SpEisFigureData *copy)
{
  if (copy == NULL)
    return;
  for (guint k = 0; k < copy->n_spectra; k++)
    sp_eis_spectrum_free ((SpEisSpectrum *) copy->spectra[k]);
  g_free ((gpointer) copy->spectra);
  sp_eis_spectrum_free ((SpEisSpectrum *) copy->model);
  g_free ((char *) copy->model_label);
  for (guint a = 0; a < copy->n_arcs; a++)
    g_free ((char *) copy->arcs[a].label);
  g_free ((gpointer) copy->arcs);
  if (copy->residuals != NULL)
    {
      g_free ((gpointer) copy->residuals->freq_hz);
      g_free ((gpointer) copy->residuals->d_re);
      g_free ((gpointer) copy->residuals->d_im);
      g_free ((char *) copy->residuals->title);
      g_free ((gpointer) copy->residuals);
    }
  if (copy->drt != NULL)
    {
      g_free ((gpointer) copy->drt->tau_s);
      g_free ((gpointer) copy->drt->gamma_ohm);
      g_free ((gpointer) copy->drt->peaks);
      g_free ((gpointer) copy->drt);
    }
  for (guint i = 0; i < copy->n_arrhenius; i++)
    {
      g_free ((char *) copy->arrhenius[i].label);
      g_free ((gpointer) copy->arrhenius[i].temperature_k);
      g_free ((gpointer) copy->arrhenius[i].sigma_s_cm);
      g_free ((gpointer) copy->arrhenius[i].sigma_err_s_cm);
    }
  g_free ((gpointer) copy->arrhenius);
  g_free ((char *) copy->description);
  g_free (copy);
}
