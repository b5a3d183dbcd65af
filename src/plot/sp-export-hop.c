/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sp-export-hop.c — the hopping figures' data as CSV
 *
 * Like every other figure's CSV (src/core/sp-csv.c): "# " comment lines
 * saying what the table is, the fitted values with their standard errors,
 * and what each column means; one header row of snake_case names with
 * their units; then the rows.  Several curves go into one long table with
 * an index column, which pandas, R and gnuplot split without knowing the
 * count.  The fitted curves are columns beside the data, evaluated where
 * the data are, so a reader can plot residuals without the model.
 */

#include "config.h"

#include <math.h>

#include "sp-csv.h"
#include "sp-export-private.h"
#include "sp-arrhenius.h"
#include "sp-qens.h"
#include "sp-diffusion.h"


static void
comment_value (GString    *csv,
               const char *name,
               double      value,
               double      err,
               const char *unit)
{
  g_string_append_printf (csv, "# %s = ", name);
  sp_csv_append_number (csv, value, ' ');
  if (isfinite (err))
    {
      g_string_append (csv, "+- ");
      sp_csv_append_number (csv, err, ' ');
    }
  if (unit != NULL)
    g_string_append (csv, unit);
  else
    g_string_truncate (csv, csv->len - 1);
  g_string_append_c (csv, '\n');
}

static double
at (const double *values,
    guint         i)
{
  return values != NULL ? values[i] : NAN;
}

static GString *
lattice_csv (const SpHopFigureLattice *l)
{
  static const char *const names[] = { "path", "x_angstrom", "y_angstrom", "site", NULL };
  static const char *const meanings[] = {
    "-1 for a lattice site, else the tracer's number",
    "x (angstrom; a site's centre, or a tracer's unwrapped position)",
    "y (angstrom)",
    "a site's state: 0 empty, 1 carrier, 2 blocked (nan on a path)", NULL
  };
  GString *csv = sp_csv_begin ("lattice layer: sites and tracer paths");

  if (l->label != NULL)
    g_string_append_printf (csv, "# layer: %s\n", l->label);
  if (l->sites != NULL && l->nx > 0)
    {
      g_string_append_printf (csv, "# %u x %u sites\n", l->nx, l->ny);
      comment_value (csv, "spacing", l->spacing_angstrom, NAN, "angstrom");
    }
  sp_csv_append_columns (csv, names, meanings);
  if (l->sites != NULL)
    for (guint j = 0; j < l->ny; j++)
      for (guint i = 0; i < l->nx; i++)
        {
          double row[] = { -1, (i + 0.5) * l->spacing_angstrom, (j + 0.5) * l->spacing_angstrom,
                           l->sites[(gsize) j * l->nx + i] };

          sp_csv_append_row (csv, row, G_N_ELEMENTS (row));
        }
  for (guint k = 0; k < l->n_paths; k++)
    for (guint i = 0; i < l->paths[k].n; i++)
      {
        double row[] = { k, l->paths[k].x_angstrom[i], l->paths[k].y_angstrom[i], NAN };

        sp_csv_append_row (csv, row, G_N_ELEMENTS (row));
      }
  return csv;
}

static GString *
msd_csv (const SpHopFigureMsd *msd)
{
  static const char *const names[] = {
    "t_ps", "msd_x_a2", "msd_y_a2", "msd_z_a2", "msd_total_a2", "msd_total_stderr_a2",
    "msd_collective_a2", "fit_total_a2", "in_window", NULL
  };
  static const char *const meanings[] = {
    "lag time (ps)", "MSD along x (angstrom^2)", "MSD along y (angstrom^2)",
    "MSD along z (angstrom^2)", "total MSD (angstrom^2)",
    "standard error of the total MSD (angstrom^2; nan when not known)",
    "collective MSD |sum of displacements|^2 / N (angstrom^2)",
    "the fitted line 2 d D* t + offset (angstrom^2; nan without a fit)",
    "1 inside the fit window, else 0", NULL
  };
  guint d = msd->dimensions > 0 ? msd->dimensions : 3;
  gboolean window = msd->window_t0_ps > 0.0 && msd->window_t1_ps > msd->window_t0_ps;
  GString *csv = sp_csv_begin ("mean-squared displacement");

  g_string_append_printf (csv, "# dimensions d = %u\n", d);
  if (window)
    {
      comment_value (csv, "window_t0_ps", msd->window_t0_ps, NAN, NULL);
      comment_value (csv, "window_t1_ps", msd->window_t1_ps, NAN, NULL);
      g_string_append_printf (csv, "# window chosen: %s\n", msd->window_automatic ? "suggested" : "by hand");
    }
  comment_value (csv, "d_star_cm2_s", msd->d_star_cm2_s, msd->d_star_err_cm2_s, NULL);
  comment_value (csv, "offset_a2", msd->offset_a2, NAN, NULL);
  comment_value (csv, "d_sigma_cm2_s", msd->d_sigma_cm2_s, msd->d_sigma_err_cm2_s, NULL);
  sp_csv_append_columns (csv, names, meanings);
  for (guint i = 0; i < msd->n; i++)
    {
      double t = msd->t_ps[i];
      double fit = window && isfinite (msd->d_star_cm2_s)
        ? 2.0 * d * msd->d_star_cm2_s / SP_ANGSTROM2_PER_PS_IN_CM2_PER_S * t + (isfinite (msd->offset_a2) ? msd->offset_a2 : 0.0)
        : NAN;
      double row[] = {
        t, at (msd->msd_a2[SP_HOP_MSD_X], i), at (msd->msd_a2[SP_HOP_MSD_Y], i),
        at (msd->msd_a2[SP_HOP_MSD_Z], i), at (msd->msd_a2[SP_HOP_MSD_TOTAL], i),
        at (msd->total_err_a2, i), at (msd->msd_a2[SP_HOP_MSD_COLLECTIVE], i), fit,
        window && t >= msd->window_t0_ps && t <= msd->window_t1_ps ? 1 : 0,
      };

      sp_csv_append_row (csv, row, G_N_ELEMENTS (row));
    }
  return csv;
}

static GString *
fs_csv (const SpHopFigureData *hop)
{
  static const char *const names[] = { "curve", "q_inv_angstrom", "t_ps", "fs", "fs_fit", NULL };
  static const char *const meanings[] = {
    "which Q (listed above)", "momentum transfer Q (1/angstrom)", "time t (ps)",
    "self intermediate scattering function F_s(Q, t)",
    "the fit A exp(-Gamma t / hbar) (nan without a fit)", NULL
  };
  GString *csv = sp_csv_begin ("self intermediate scattering function (powder average)");

  for (guint k = 0; k < hop->n_fs; k++)
    {
      g_autofree char *name = g_strdup_printf ("curve %u: gamma_mev at q_inv_angstrom %g", k,
                                               hop->fs[k].q_inv_angstrom);

      comment_value (csv, name, hop->fs[k].gamma_mev, hop->fs[k].gamma_err_mev, NULL);
      g_string_append_printf (csv, "#   amplitude A = %g\n",
                              hop->fs[k].amplitude > 0.0 ? hop->fs[k].amplitude : 1.0);
    }
  sp_csv_append_columns (csv, names, meanings);
  for (guint k = 0; k < hop->n_fs; k++)
    for (guint i = 0; i < hop->fs[k].n; i++)
      {
        const SpHopFigureFs *f = &hop->fs[k];
        double row[] = {
          k, f->q_inv_angstrom, f->t_ps[i], f->fs[i],
          isfinite (f->gamma_mev)
            ? (f->amplitude > 0.0 ? f->amplitude : 1.0) * exp (-f->gamma_mev * f->t_ps[i] / SP_HBAR_MEV_PS)
            : NAN,
        };

        sp_csv_append_row (csv, row, G_N_ELEMENTS (row));
      }
  return csv;
}

static GString *
qens_csv (const SpHopFigureQens *q)
{
  static const char *const names[] = {
    "q_inv_angstrom", "gamma_mev", "gamma_stderr_mev", "gamma_chudley_elliott_mev",
    "gamma_hbar_d_q2_mev", NULL
  };
  static const char *const meanings[] = {
    "momentum transfer Q (1/angstrom)", "linewidth Gamma, HWHM (meV)",
    "standard error of Gamma (meV; nan when not known)",
    "Chudley-Elliott (hbar/tau)(1 - sin(Ql)/(Ql)) (meV; nan without a fit)",
    "small-Q line hbar D Q^2 (meV; nan without a fit)", NULL
  };
  gboolean fit = isfinite (q->l_angstrom) && isfinite (q->tau_ps) && q->tau_ps > 0.0;
  GString *csv = sp_csv_begin ("QENS linewidths and the Chudley-Elliott fit");

  if (q->source != NULL)
    g_string_append_printf (csv, "# from: %s\n", q->source);
  comment_value (csv, "l_angstrom", q->l_angstrom, q->l_err_angstrom, NULL);
  comment_value (csv, "tau_ps", q->tau_ps, q->tau_err_ps, NULL);
  comment_value (csv, "d_cm2_s", q->d_cm2_s, q->d_err_cm2_s, NULL);
  sp_csv_append_columns (csv, names, meanings);
  for (guint i = 0; i < q->n; i++)
    {
      double Q = q->q_inv_angstrom[i];
      double row[] = {
        Q, q->gamma_mev[i], at (q->gamma_err_mev, i),
        fit ? sp_chudley_elliott_gamma_mev (Q, q->l_angstrom, q->tau_ps) : NAN,
        isfinite (q->d_cm2_s) ? sp_qens_small_q_gamma_mev (Q, q->d_cm2_s) : NAN,
      };

      sp_csv_append_row (csv, row, G_N_ELEMENTS (row));
    }
  return csv;
}

static GString *
arrhenius_csv (const SpHopFigureData *hop)
{
  static const char *const names[] = {
    "series", "temperature_k", "inv_temperature_1000_per_k", "d_cm2_s", "d_stderr_cm2_s",
    "d_fit_cm2_s", NULL
  };
  static const char *const meanings[] = {
    "which diffusivity (listed above)", "temperature T (K)", "1000/T (1/K)", "D (cm^2/s)",
    "standard error of D (cm^2/s; nan when not known)",
    "the fit D0 exp(-Ea/(kB T)) (cm^2/s; nan without a fit)", NULL
  };
  GString *csv = sp_csv_begin ("diffusivity against temperature (Arrhenius)");

  for (guint k = 0; k < hop->n_arrhenius; k++)
    {
      const SpHopFigureArrhenius *s = &hop->arrhenius[k];

      g_string_append_printf (csv, "# series %u: %s\n", k, s->label != NULL ? s->label : "");
      comment_value (csv, "series ea_ev", s->ea_ev, s->ea_err_ev, NULL);
      comment_value (csv, "series prefactor_cm2_s", s->prefactor_cm2_s, NAN, NULL);
    }
  sp_csv_append_columns (csv, names, meanings);
  for (guint k = 0; k < hop->n_arrhenius; k++)
    {
      const SpHopFigureArrhenius *s = &hop->arrhenius[k];

      for (guint i = 0; i < s->n; i++)
        {
          double t = s->temperature_k[i];
          double row[] = {
            k, t, 1000.0 / t, s->d_cm2_s[i], at (s->d_err_cm2_s, i),
            isfinite (s->ea_ev) ? s->prefactor_cm2_s * exp (-s->ea_ev / (SP_BOLTZMANN_EV_PER_K * t)) : NAN,
          };

          sp_csv_append_row (csv, row, G_N_ELEMENTS (row));
        }
    }
  return csv;
}

static GString *
finite_size_csv (const SpHopFigureFiniteSize *f)
{
  static const char *const names[] = {
    "length_angstrom", "inv_length_per_angstrom", "value", "value_stderr", "value_fit", NULL
  };
  static const char *const d_meanings[] = {
    "box length L (angstrom)", "1/L (1/angstrom)", "D (cm^2/s)",
    "standard error of D (cm^2/s; nan when not known)",
    "the fit D_inf + slope/L (cm^2/s; nan without a fit)", NULL
  };
  static const char *const e_meanings[] = {
    "box length L (angstrom)", "1/L (1/angstrom)", "E (eV)",
    "standard error of E (eV; nan when not known)",
    "the fit E_inf + slope/L (eV; nan without a fit)", NULL
  };
  gboolean energy = f->quantity == SP_HOP_FINITE_SIZE_ENERGY;
  gboolean fit = isfinite (f->intercept) && isfinite (f->slope);
  GString *csv = sp_csv_begin (energy ? "barrier against inverse box length"
                                      : "diffusivity against inverse box length");

  comment_value (csv, energy ? "e_inf_ev" : "d_inf_cm2_s", f->intercept, f->intercept_err, NULL);
  comment_value (csv, energy ? "slope_ev_angstrom" : "slope_cm2_s_angstrom", f->slope, NAN, NULL);
  sp_csv_append_columns (csv, names, energy ? e_meanings : d_meanings);
  for (guint i = 0; i < f->n; i++)
    {
      double l = f->length_angstrom[i];
      double row[] = { l, 1.0 / l, f->value[i], at (f->value_err, i),
                       fit ? f->intercept + f->slope / l : NAN };

      sp_csv_append_row (csv, row, G_N_ELEMENTS (row));
    }
  return csv;
}

GString *
sp_export_hop_csv (SpFigureKind           kind,
                   const SpHopFigureData *hop)
{
  if (hop == NULL)
    return NULL;
  switch (kind)
    {
    case SP_FIGURE_LATTICE:
      return hop->lattice != NULL && ((hop->lattice->sites != NULL && hop->lattice->nx > 0 && hop->lattice->ny > 0)
                                      || hop->lattice->n_paths > 0)
             ? lattice_csv (hop->lattice) : NULL;
    case SP_FIGURE_MSD:
      return hop->msd != NULL && hop->msd->n > 0 && hop->msd->t_ps != NULL ? msd_csv (hop->msd) : NULL;
    case SP_FIGURE_FS:
      return hop->n_fs > 0 && hop->fs != NULL ? fs_csv (hop) : NULL;
    case SP_FIGURE_QENS:
      return hop->qens != NULL && hop->qens->n > 0 ? qens_csv (hop->qens) : NULL;
    case SP_FIGURE_DIFFUSION_ARRHENIUS:
      return hop->n_arrhenius > 0 && hop->arrhenius != NULL ? arrhenius_csv (hop) : NULL;
    case SP_FIGURE_FINITE_SIZE:
      return hop->finite_size != NULL && hop->finite_size->n > 0 ? finite_size_csv (hop->finite_size) : NULL;
    default:
      return NULL;
    }
}
