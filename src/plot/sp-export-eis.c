/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sp-export-eis.c — the impedance figures' data as CSV
 *
 * Like every other figure's CSV (src/core/sp-csv.c): "# " comment lines
 * saying what the table is and what each column means, one header row of
 * snake_case names with their units, then the rows.  Several spectra go
 * into one long table with a `spectrum` index column (named in the
 * comments), which pandas, R and gnuplot split without knowing the count.
 */

#include "config.h"

#include <gio/gio.h>
#include <glib/gi18n.h>
#include <math.h>

#include "sp-csv.h"
#include "sp-export-private.h"

static void
comment_number (GString    *csv,
                const char *name,
                double      value,
                const char *unit)
{
  g_string_append_printf (csv, "%s = ", name);
  sp_csv_append_number (csv, value, ' ');
  if (unit != NULL)
    g_string_append (csv, unit);
  else
    g_string_truncate (csv, csv->len - 1);
}

static void
append_spectrum_rows (GString             *csv,
                      const SpEisSpectrum *s,
                      guint                index)
{
  for (guint i = 0; i < s->n_points; i++)
    {
      double row[] = {
        index, s->freq_hz[i], s->z_re_ohm[i], s->z_im_ohm[i],
        hypot (s->z_re_ohm[i], s->z_im_ohm[i]),
        atan2 (s->z_im_ohm[i], s->z_re_ohm[i]) * 180.0 / G_PI,
      };

      sp_csv_append_row (csv, row, G_N_ELEMENTS (row));
    }
}

static GString *
spectra_csv (SpFigureKind           kind,
             const SpEisFigureData *eis)
{
  static const char *const names[] = {
    "spectrum", "freq_hz", "z_re_ohm", "z_im_ohm", "z_abs_ohm", "phase_deg", NULL
  };
  static const char *const meanings[] = {
    "which spectrum (listed above)", "frequency f (Hz)", "Z' (ohm)",
    "Z'' with its own sign (ohm; the Nyquist plot draws -Z'' upward)", "|Z| (ohm)",
    "phase theta = arg Z (degrees; the Bode plot draws -theta)", NULL
  };
  GString *csv = sp_csv_begin (kind == SP_FIGURE_NYQUIST ? "Nyquist plot: impedance spectra"
                                                         : "Bode plot: impedance spectra");
  guint index = 0;

  for (guint k = 0; k < eis->n_spectra; k++)
    if (eis->spectra[k] != NULL && eis->spectra[k]->n_points > 0)
      {
        g_string_append_printf (csv, "# spectrum %u: %s", index, eis->spectra[k]->name != NULL
                                                                ? eis->spectra[k]->name : "");
        if (isfinite (eis->spectra[k]->temperature_k))
          {
            g_string_append (csv, ", ");
            comment_number (csv, "temperature", eis->spectra[k]->temperature_k, "K");
          }
        g_string_append_c (csv, '\n');
        index++;
      }
  if (eis->model != NULL && eis->model->n_points > 0)
    g_string_append_printf (csv, "# spectrum %u: model%s%s\n", index,
                            eis->model_label != NULL ? ", " : "",
                            eis->model_label != NULL ? eis->model_label : "");
  if (kind == SP_FIGURE_NYQUIST)
    for (guint i = 0; i < eis->n_arcs; i++)
      {
        g_string_append_printf (csv, "# arc %s: ", eis->arcs[i].label != NULL
                                                    ? eis->arcs[i].label : "");
        comment_number (csv, "apex_freq_hz", eis->arcs[i].apex_freq_hz, NULL);
        g_string_append (csv, ", ");
        comment_number (csv, "apex_z_re_ohm", eis->arcs[i].apex_z_re_ohm, NULL);
        g_string_append (csv, ", ");
        comment_number (csv, "apex_z_im_ohm", eis->arcs[i].apex_z_im_ohm, NULL);
        g_string_append_c (csv, '\n');
      }
  sp_csv_append_columns (csv, names, meanings);
  index = 0;
  for (guint k = 0; k < eis->n_spectra; k++)
    if (eis->spectra[k] != NULL && eis->spectra[k]->n_points > 0)
      append_spectrum_rows (csv, eis->spectra[k], index++);
  if (eis->model != NULL && eis->model->n_points > 0)
    append_spectrum_rows (csv, eis->model, index);
  return csv;
}

static GString *
residuals_csv (const SpEisFigureResiduals *r)
{
  static const char *const names[] = { "freq_hz", "res_re_percent", "res_im_percent", NULL };
  static const char *const meanings[] = {
    "frequency f (Hz)", "(Z' - Z'_model)/|Z| (%)", "(Z'' - Z''_model)/|Z| (%)", NULL
  };
  GString *csv = sp_csv_begin ("relative residuals");

  if (r->title != NULL)
    g_string_append_printf (csv, "# from: %s\n", r->title);
  sp_csv_append_columns (csv, names, meanings);
  for (guint i = 0; i < r->n; i++)
    {
      double row[] = { r->freq_hz[i], 100.0 * r->d_re[i], 100.0 * r->d_im[i] };

      sp_csv_append_row (csv, row, G_N_ELEMENTS (row));
    }
  return csv;
}

static GString *
drt_csv (const SpEisFigureDrt *drt)
{
  static const char *const names[] = { "tau_s", "freq_hz", "gamma_ohm", NULL };
  static const char *const meanings[] = {
    "relaxation time tau (s)", "f = 1/(2 pi tau) (Hz)", "gamma(ln tau) (ohm)", NULL
  };
  GString *csv = sp_csv_begin ("distribution of relaxation times");

  for (guint i = 0; i < drt->n_peaks; i++)
    {
      g_string_append (csv, "# peak: ");
      comment_number (csv, "tau_s", drt->peaks[i].tau_s, NULL);
      g_string_append (csv, ", ");
      comment_number (csv, "r_ohm", drt->peaks[i].r_ohm, NULL);
      g_string_append_c (csv, '\n');
    }
  sp_csv_append_columns (csv, names, meanings);
  for (guint i = 0; i < drt->n; i++)
    {
      double row[] = { drt->tau_s[i], 1.0 / (2 * G_PI * drt->tau_s[i]), drt->gamma_ohm[i] };

      sp_csv_append_row (csv, row, G_N_ELEMENTS (row));
    }
  return csv;
}

static GString *
arrhenius_csv (const SpEisFigureData *eis)
{
  static const char *const names[] = {
    "series", "temperature_k", "inv_temperature_1000_per_k", "sigma_s_per_cm",
    "sigma_stderr_s_per_cm", "sigma_t_s_k_per_cm", NULL
  };
  static const char *const meanings[] = {
    "which conductivity (listed above)", "temperature T (K)", "1000/T (1/K)", "sigma (S/cm)",
    "standard error of sigma (S/cm; nan when not known)", "sigma T (S K/cm)", NULL
  };
  gboolean sigma_t = eis->arrhenius_form == SP_EIS_FIGURE_SIGMA_T;
  GString *csv = sp_csv_begin ("Arrhenius plot: conductivities against temperature");

  g_string_append_printf (csv, "# form: %s\n",
                          sigma_t ? "sigma T = A exp(-Ea/(kB T)), A in S K/cm"
                                  : "sigma = sigma0 exp(-Ea/(kB T)), sigma0 in S/cm");
  for (guint k = 0; k < eis->n_arrhenius; k++)
    {
      const SpEisFigureArrhenius *s = &eis->arrhenius[k];

      g_string_append_printf (csv, "# series %u: %s: ", k, s->label != NULL ? s->label : "");
      comment_number (csv, "ea_ev", s->ea_ev, NULL);
      g_string_append (csv, ", ");
      comment_number (csv, "ea_stderr_ev", s->ea_err_ev, NULL);
      g_string_append (csv, ", ");
      comment_number (csv, "prefactor", s->prefactor, sigma_t ? "S K/cm" : "S/cm");
      g_string_append_c (csv, '\n');
    }
  sp_csv_append_columns (csv, names, meanings);
  for (guint k = 0; k < eis->n_arrhenius; k++)
    {
      const SpEisFigureArrhenius *s = &eis->arrhenius[k];

      for (guint i = 0; i < s->n; i++)
        {
          double t = s->temperature_k[i];
          double row[] = {
            k, t, 1000.0 / t, s->sigma_s_cm[i],
            s->sigma_err_s_cm != NULL ? s->sigma_err_s_cm[i] : NAN, s->sigma_s_cm[i] * t,
          };

          sp_csv_append_row (csv, row, G_N_ELEMENTS (row));
        }
    }
  return csv;
}

GString *
sp_export_eis_csv (SpFigureKind           kind,
                   const SpEisFigureData *eis)
{
  gboolean any_spectrum = FALSE;

  if (eis == NULL)
    return NULL;
  for (guint k = 0; k < eis->n_spectra; k++)
    any_spectrum = any_spectrum || (eis->spectra[k] != NULL && eis->spectra[k]->n_points > 0);
  any_spectrum = any_spectrum || (eis->model != NULL && eis->model->n_points > 0);
  switch (kind)
    {
    case SP_FIGURE_NYQUIST:
    case SP_FIGURE_BODE:
      return any_spectrum ? spectra_csv (kind, eis) : NULL;
    case SP_FIGURE_EIS_RESIDUALS:
      return eis->residuals != NULL && eis->residuals->n > 0 ? residuals_csv (eis->residuals) : NULL;
    case SP_FIGURE_DRT:
      return eis->drt != NULL && eis->drt->n > 0 ? drt_csv (eis->drt) : NULL;
    case SP_FIGURE_ARRHENIUS:
      return eis->n_arrhenius > 0 ? arrhenius_csv (eis) : NULL;
    default:
      return NULL;
    }
}
