/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sp-cli-export-eis.c — the data of `spinodal-cli export --figure
 * nyquist|bode|eis-residuals|drt|arrhenius`
 *
 * Nyquist and Bode: spectra from --data files (any format sp_eis_read_file
 * reads) as markers, and a model curve from --circuit with --param
 * NAME=VALUE, or from --ceramic PRESET (the explore model; its arcs are
 * labelled bulk, grain boundary and electrode with their apex
 * frequencies).  Residuals: the first spectrum against that model,
 * (Z − Z_model)/|Z| at the spectrum's own frequencies.  DRT: a table of
 * tau_s,gamma_ohm (--drt FILE, as `eis drt` writes it), its peaks found
 * here (local maxima, each with the area between its neighbouring minima).
 * Arrhenius: one series per --data table of T and σ (as `arrhenius` reads
 * it), each fitted by sp_arrhenius_fit.
 */

#include "config.h"

#include <complex.h>
#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "sp-arrhenius.h"
#include "sp-circuit.h"
#include "sp-cli-export-eis-private.h"
#include "sp-cli-options.h"
#include "sp-eis-ceramic.h"
#include "sp-eis-read.h"

#define PREFIX "spinodal-cli export: "


void
sp_cli_eis_flags_clear (SpCliEisFlags *flags)
{
  g_strfreev (flags->data);
  g_free (flags->circuit);
  g_strfreev (flags->params);
  g_free (flags->ceramic);
  g_free (flags->f_min);
  g_free (flags->f_max);
  g_free (flags->points_per_decade);
  g_free (flags->drt);
  g_free (flags->form);
  memset (flags, 0, sizeof *flags);
}

gboolean
sp_cli_eis_flags_given (const SpCliEisFlags *flags)
{
  return flags->data != NULL || flags->circuit != NULL || flags->params != NULL ||
         flags->ceramic != NULL || flags->f_min != NULL || flags->f_max != NULL ||
         flags->points_per_decade != NULL || flags->drt != NULL || flags->form != NULL;
}

static void
arrhenius_data_free (gpointer data)
{
  SpArrheniusData *d = data;

  g_free (d->temperature_k);
  g_free (d->sigma_s_per_cm);
  g_free (d->sigma_stderr);
  g_free (d);
}

void
sp_cli_eis_figure_free (SpCliEisFigure *figure)
{
  if (figure == NULL)
    return;
  g_clear_pointer (&figure->spectra, g_ptr_array_unref);
  g_clear_pointer (&figure->model, sp_eis_spectrum_free);
  g_clear_pointer (&figure->circuit, sp_circuit_free);
  g_free (figure->params);
  g_free (figure->model_label);
  for (guint i = 0; i < SP_EIS_N_ARCS; i++)
    g_free (figure->arc_labels[i]);
  g_free (figure->res_f);
  g_free (figure->res_re);
  g_free (figure->res_im);
  g_free (figure->residuals_title);
  if (figure->drt_tau != NULL)
    g_array_unref (figure->drt_tau);
  if (figure->drt_gamma != NULL)
    g_array_unref (figure->drt_gamma);
  if (figure->drt_peaks != NULL)
    g_array_unref (figure->drt_peaks);
  g_clear_pointer (&figure->arrhenius_data, g_ptr_array_unref);
  g_free (figure->arrhenius);
  g_strfreev (figure->arrhenius_labels);
  g_free (figure->description);
  g_free (figure);
}

const SpEisFigureData *
sp_cli_eis_figure_get_data (SpCliEisFigure *figure)
{
  return &figure->eis;
}

void
sp_cli_export_eis_fail (const char *message)
{
  g_printerr (PREFIX "%s\n", message);
}

/* ---- residuals, DRT, Arrhenius -------------------------------------------- */

static gboolean
build_residuals (SpCliEisFigure *figure)
{
  const SpEisSpectrum *s;

  if (figure->spectra->len == 0 || figure->circuit == NULL)
    {
      sp_cli_export_eis_fail (_("--figure eis-residuals needs a spectrum (--data FILE) and a model to compare it "
              "with (--circuit S with --param NAME=VALUE, or --ceramic PRESET)"));
      return FALSE;
    }
  s = g_ptr_array_index (figure->spectra, 0);
  figure->res_f = g_new (double, s->n_points);
  figure->res_re = g_new (double, s->n_points);
  figure->res_im = g_new (double, s->n_points);
  for (guint i = 0; i < s->n_points; i++)
    {
      /* The model at the measured frequency itself, not interpolated. */
      double complex zm = sp_circuit_eval (figure->circuit, figure->params,
                                           2 * G_PI * s->freq_hz[i]);
      double mod = hypot (s->z_re_ohm[i], s->z_im_ohm[i]);

      figure->res_f[i] = s->freq_hz[i];
      figure->res_re[i] = (s->z_re_ohm[i] - creal (zm)) / mod;
      figure->res_im[i] = (s->z_im_ohm[i] - cimag (zm)) / mod;
    }
  figure->residuals_title = g_strdup_printf (_("%s against %s"), s->name, figure->model_label);
  figure->residuals = (SpEisFigureResiduals) {
    s->n_points, figure->res_f, figure->res_re, figure->res_im, figure->residuals_title
  };
  figure->eis.residuals = &figure->residuals;
  return TRUE;
}

/* A table of τ (s) and γ (Ω): two numbers a line (comma, semicolon, tab or
 * blanks between them), '#' comments and one header line allowed. */
static gboolean
read_drt (SpCliEisFigure *figure,
          const char     *path)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  g_auto(GStrv) lines = NULL;
  gboolean header_seen = FALSE;

  if (!g_file_get_contents (path, &contents, NULL, &error))
    {
      sp_cli_export_eis_fail (error->message);
      return FALSE;
    }
  figure->drt_tau = g_array_new (FALSE, FALSE, sizeof (double));
  figure->drt_gamma = g_array_new (FALSE, FALSE, sizeof (double));
  lines = g_strsplit (contents, "\n", -1);
  for (guint k = 0; lines[k] != NULL; k++)
    {
      g_auto(GStrv) fields = NULL;
      char *line = g_strstrip (lines[k]);
      double v[2];
      guint n = 0;

      if (*line == '\0' || *line == '#')
        continue;
      fields = g_strsplit_set (line, ",;\t ", -1);
      for (guint j = 0; fields[j] != NULL && n <= 2; j++)
        {
          char *end;

          if (*fields[j] == '\0')
            continue;
          if (n < 2)
            v[n] = g_ascii_strtod (fields[j], &end);
          if (n >= 2 || *end != '\0' || !isfinite (v[n]))
            {
              n = G_MAXUINT;
              break;
            }
          n++;
        }
      if (n != 2 && !header_seen && figure->drt_tau->len == 0)
        {
          header_seen = TRUE;
          continue;
        }
      if (n != 2 || !(v[0] > 0.0))
        {
          g_autofree char *message =
            g_strdup_printf (_("%s, line %u: expected two numbers, τ > 0 (s) and γ (Ω)"), path,
                             k + 1);

          sp_cli_export_eis_fail (message);
          return FALSE;
        }
      if (figure->drt_tau->len > 0 && !(v[0] > g_array_index (figure->drt_tau, double,
                                                             figure->drt_tau->len - 1)))
        {
          g_autofree char *message =
            g_strdup_printf (_("%s, line %u: τ must grow from line to line"), path, k + 1);

          sp_cli_export_eis_fail (message);
          return FALSE;
        }
      g_array_append_val (figure->drt_tau, v[0]);
      g_array_append_val (figure->drt_gamma, v[1]);
    }
  if (figure->drt_tau->len < 3)
    {
      g_autofree char *message = g_strdup_printf (_("%s: fewer than 3 rows of τ and γ"), path);

      sp_cli_export_eis_fail (message);
      return FALSE;
    }
  return TRUE;
}

/* Peaks: local maxima above 2 % of the highest, each with its area
 * ∫γ d ln τ (trapezoids) between the minima on either side. */
static void
find_drt_peaks (SpCliEisFigure *figure)
{
  const double *t = (const double *) figure->drt_tau->data;
  const double *g = (const double *) figure->drt_gamma->data;
  guint n = figure->drt_tau->len;
  double g_max = 0.0;

  figure->drt_peaks = g_array_new (FALSE, FALSE, sizeof (SpEisFigureDrtPeak));
  for (guint i = 0; i < n; i++)
    g_max = MAX (g_max, g[i]);
  for (guint i = 1; i + 1 < n; i++)
    if (g[i] > g[i - 1] && g[i] >= g[i + 1] && g[i] > 0.02 * g_max)
      {
        guint lo = i, hi = i;
        SpEisFigureDrtPeak peak = { t[i], 0.0 };

        while (lo > 0 && g[lo - 1] <= g[lo])
          lo--;
        while (hi + 1 < n && g[hi + 1] <= g[hi])
          hi++;
        for (guint j = lo; j < hi; j++)
          peak.r_ohm += 0.5 * (g[j] + g[j + 1]) * log (t[j + 1] / t[j]);
        g_array_append_val (figure->drt_peaks, peak);
      }
  figure->drt = (SpEisFigureDrt) {
    n, t, g, figure->drt_peaks->len, (const SpEisFigureDrtPeak *) figure->drt_peaks->data
  };
  figure->eis.drt = &figure->drt;
}

static gboolean
build_arrhenius (SpCliEisFigure      *figure,
                 const SpCliEisFlags *flags)
{
  SpArrheniusForm form = SP_ARRHENIUS_SIGMA_T;
  guint n = flags->data != NULL ? g_strv_length (flags->data) : 0;

  if (n == 0)
    {
      sp_cli_export_eis_fail (_("--figure arrhenius needs --data FILE: a table of temperature and conductivity "
              "(one file a series, e.g. bulk.csv, total.csv)"));
      return FALSE;
    }
  if (flags->form != NULL && !sp_arrhenius_form_from_string (flags->form, &form))
    {
      g_autofree char *message =
        g_strdup_printf (_("--form: “%s” is not a form; allowed: sigma-t, sigma"), flags->form);

      sp_cli_export_eis_fail (message);
      return FALSE;
    }
  figure->arrhenius_data = g_ptr_array_new_with_free_func (arrhenius_data_free);
  figure->arrhenius = g_new0 (SpEisFigureArrhenius, n);
  figure->arrhenius_labels = g_new0 (char *, n + 1);
  for (guint k = 0; k < n; k++)
    {
      g_autoptr(GError) error = NULL;
      SpArrheniusData *d = sp_arrhenius_data_read_file (flags->data[k], &error);
      g_autofree char *base = NULL;
      SpArrheniusFit fit;
      char *dot;

      if (d == NULL)
        {
          sp_cli_export_eis_fail (error->message);
          return FALSE;
        }
      g_ptr_array_add (figure->arrhenius_data, d);
      if (!sp_arrhenius_fit (d->temperature_k, d->sigma_s_per_cm, d->sigma_stderr, d->n_points,
                             form, &fit, &error))
        {
          g_autofree char *message = g_strdup_printf ("%s: %s", flags->data[k], error->message);

          sp_cli_export_eis_fail (message);
          return FALSE;
        }
      base = g_path_get_basename (flags->data[k]);
      dot = strrchr (base, '.');
      if (dot != NULL && dot != base)
        *dot = '\0';
      figure->arrhenius_labels[k] = g_steal_pointer (&base);
      figure->arrhenius[k] = (SpEisFigureArrhenius) {
        figure->arrhenius_labels[k], d->n_points, d->temperature_k, d->sigma_s_per_cm,
        d->sigma_stderr, fit.ea_ev, fit.ea_stderr_ev, fit.prefactor
      };
    }
  figure->eis.n_arrhenius = n;
  figure->eis.arrhenius = figure->arrhenius;
  figure->eis.arrhenius_form = form == SP_ARRHENIUS_SIGMA_T ? SP_EIS_FIGURE_SIGMA_T
                                                            : SP_EIS_FIGURE_SIGMA;
  return TRUE;
}

/* Which flags @kind reads; any other given is a mistake worth a word. */
static gboolean
check_flags (const SpCliEisFlags *flags,
             SpFigureKind         kind)
{
  const char *stray = NULL;

  if (kind == SP_FIGURE_ARRHENIUS)
    stray = flags->circuit != NULL ? "--circuit" : flags->ceramic != NULL ? "--ceramic"
          : flags->params != NULL ? "--param" : flags->drt != NULL ? "--drt"
          : flags->f_min != NULL ? "--f-min" : flags->f_max != NULL ? "--f-max"
          : flags->points_per_decade != NULL ? "--points-per-decade" : NULL;
  else if (kind == SP_FIGURE_DRT)
    stray = flags->data != NULL ? "--data" : flags->circuit != NULL ? "--circuit"
          : flags->ceramic != NULL ? "--ceramic" : flags->params != NULL ? "--param"
          : flags->form != NULL ? "--form" : NULL;
  else
    stray = flags->drt != NULL ? "--drt" : flags->form != NULL ? "--form" : NULL;
  if (stray != NULL)
    {
      g_autofree char *message = g_strdup_printf (_("%s does not apply to --figure %s"), stray,
                                                  sp_figure_kind_to_id (kind));

      sp_cli_export_eis_fail (message);
      return FALSE;
    }
  return TRUE;
}

SpCliEisFigure *
sp_cli_eis_figure_new (const SpCliEisFlags *flags,
                       SpFigureKind         kind)
{
  g_autoptr(SpCliEisFigure) figure = g_new0 (SpCliEisFigure, 1);

  if (!check_flags (flags, kind))
    return NULL;
  figure->spectra = g_ptr_array_new_with_free_func ((GDestroyNotify) sp_eis_spectrum_free);
  if (kind == SP_FIGURE_ARRHENIUS)
    return build_arrhenius (figure, flags) ? g_steal_pointer (&figure) : NULL;
  if (kind == SP_FIGURE_DRT)
    {
      if (flags->drt == NULL)
        {
          sp_cli_export_eis_fail (_("--figure drt needs --drt FILE: a table of tau_s and gamma_ohm, as "
                  "`spinodal-cli eis drt` writes it"));
          return NULL;
        }
      if (!read_drt (figure, flags->drt))
        return NULL;
      find_drt_peaks (figure);
      figure->description = g_path_get_basename (flags->drt);
      figure->eis.description = figure->description;
      return g_steal_pointer (&figure);
    }

  for (guint k = 0; flags->data != NULL && flags->data[k] != NULL; k++)
    {
      g_autoptr(GError) error = NULL;
      SpEisSpectrum *s = sp_eis_read_file (flags->data[k], &error);

      if (s == NULL)
        {
          sp_cli_export_eis_fail (error->message);
          return NULL;
        }
      g_ptr_array_add (figure->spectra, s);
    }
  if (!sp_cli_export_eis_build_model (figure, flags))
    return NULL;
  if (figure->spectra->len == 0 && figure->model == NULL)
    {
      g_autofree char *message =
        g_strdup_printf (_("--figure %s needs a spectrum (--data FILE, repeatable) or a model "
                           "(--circuit S with --param NAME=VALUE, or --ceramic PRESET)"),
                         sp_figure_kind_to_id (kind));

      sp_cli_export_eis_fail (message);
      return NULL;
    }
  if (kind == SP_FIGURE_EIS_RESIDUALS && !build_residuals (figure))
    return NULL;

  figure->eis.n_spectra = figure->spectra->len;
  figure->eis.spectra = (const SpEisSpectrum *const *) figure->spectra->pdata;
  figure->eis.model = figure->model;
  figure->eis.model_label = figure->model_label;
  figure->eis.arcs = figure->arcs;
  if (figure->description == NULL && figure->spectra->len > 0)
    {
      g_autoptr(GString) names = g_string_new (NULL);

      for (guint k = 0; k < figure->spectra->len; k++)
        g_string_append_printf (names, "%s%s", k > 0 ? ", " : "",
                                ((SpEisSpectrum *) g_ptr_array_index (figure->spectra, k))->name);
      figure->description = g_string_free (g_steal_pointer (&names), FALSE);
    }
  figure->eis.description = figure->description;
  return g_steal_pointer (&figure);
}
