/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sp-csv.c — plotted curves, fields and time series as CSV */

#include "config.h"

#include <math.h>
#include <string.h>

#include "sp-csv.h"
#include "sp-file.h"

/* The shortest of %.15g, %.16g and %.17g that reads back as the very same
 * double (%.17g always does): exact, yet 103.4 rather than
 * 103.40000000000001.  g_ascii_formatd keeps '.' as the decimal point
 * whatever the locale, which a CSV reader relies on. */
void
sp_csv_append_number (GString *csv,
                      double   value,
                      char     sep)
{
  static const char *const formats[] = { "%.15g", "%.16g", "%.17g" };
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    {
      g_ascii_formatd (buf, sizeof buf, formats[i], value);
      if (g_ascii_strtod (buf, NULL) == value || isnan (value))
        break;
    }
  g_string_append (csv, buf);
  g_string_append_c (csv, sep);
}

static void
append_row (GString      *csv,
            const double *values,
            guint         n)
{
  for (guint i = 0; i < n; i++)
    sp_csv_append_number (csv, values[i], i + 1 < n ? ',' : '\n');
}

static GString *
begin (const char *what)
{
  GString *csv = g_string_new (NULL);

  g_string_append_printf (csv, "# Spinodal %s — %s\n", PACKAGE_VERSION, what);
  return csv;
}

static void
append_param (GString    *csv,
              SpParamId   id,
              double      value)
{
  const SpParamRange *range = sp_param_range (id);

  g_string_append_printf (csv, "# %s = ", range->name);
  sp_csv_append_number (csv, value, ' ');
  g_string_truncate (csv, csv->len - 1);
  if (range->unit != NULL && *range->unit != '\0')
    g_string_append_printf (csv, " %s", range->unit);
  g_string_append_c (csv, '\n');
}

void
sp_csv_append_model (GString       *csv,
                     const SpModel *model)
{
  append_param (csv, SP_PARAM_OMEGA, model->omega);
  append_param (csv, SP_PARAM_TEMPERATURE, model->temperature);
  append_param (csv, SP_PARAM_S1, model->s1);
  append_param (csv, SP_PARAM_STIFFNESS, model->stiffness);
  append_param (csv, SP_PARAM_KAPPA, model->kappa);
  for (guint j = 0; j < SP_RK_MAX; j++)
    {
      g_string_append_printf (csv, "# L%u = ", j + 1);
      sp_csv_append_number (csv, model->rk[j], ' ');
      g_string_append_printf (csv, "%s\n", sp_param_range (SP_PARAM_RK)->unit);
    }
  append_param (csv, SP_PARAM_D0, model->d0);
  append_param (csv, SP_PARAM_V0, model->v0);
  append_param (csv, SP_PARAM_C0, model->c0);
  g_string_append_printf (csv, "# mobility = %s\n",
                          model->mobility == SP_MOBILITY_CONSTANT ? "constant" : "site-blocking");
}

static void
append_columns (GString           *csv,
                const char *const *names,
                const char *const *meanings)
{
  for (guint i = 0; names[i] != NULL; i++)
    g_string_append_printf (csv, "# column %s: %s\n", names[i], meanings[i]);
  for (guint i = 0; names[i] != NULL; i++)
    g_string_append_printf (csv, "%s%c", names[i], names[i + 1] != NULL ? ',' : '\n');
}

static void
append_curves (GString            *csv,
               const char *const  *names,
               const char *const  *meanings,
               guint               n_rows,
               const double *const *columns)
{
  guint n_cols = g_strv_length ((char **) names);
  double row[8];

  g_assert (n_cols <= G_N_ELEMENTS (row));
  append_columns (csv, names, meanings);
  for (guint i = 0; i < n_rows; i++)
    {
      for (guint j = 0; j < n_cols; j++)
        row[j] = columns[j][i];
      append_row (csv, row, n_cols);
    }
}

static void
append_phase_diagram (GString            *csv,
                      const SpPhaseDiagram *phase)
{
  static const char *const names[] = {
    "temperature_K", "index", "c_alpha", "c_beta", "spinodal_lo", "spinodal_hi", NULL
  };
  static const char *const meanings[] = {
    "temperature (K)", "number of the gap / spinodal interval at that temperature, from 0",
    "binodal: Li-poor coexisting composition", "binodal: Li-rich coexisting composition",
    "spinodal: lower edge where g'' = 0", "spinodal: upper edge where g'' = 0", NULL
  };

  /* One line per critical point: a two-dome model has two, and a lower
   * critical point (the gap opens above it) is labelled as such. */
  for (guint i = 0; i < phase->n_critical; i++)
    {
      g_string_append (csv, "# critical point: T_c = ");
      sp_csv_append_number (csv, phase->critical[i].temperature, ' ');
      g_string_append (csv, "K, c_c = ");
      sp_csv_append_number (csv, phase->critical[i].c, ' ');
      g_string_append_printf (csv, "(%s)\n", sp_critical_kind_to_string (phase->critical[i].kind));
    }
  if (phase->n_critical == 0)
    g_string_append (csv, "# critical point: none at any temperature\n");
  append_columns (csv, names, meanings);

  for (guint r = 0; r < phase->n_rows; r++)
    {
      const SpPhaseRow *row = &phase->rows[r];
      guint n = MAX (MAX (row->eq.n_gaps, row->eq.n_spinodals), 1);

      for (guint i = 0; i < n; i++)
        {
          double values[6] = { row->temperature, i, NAN, NAN, NAN, NAN };

          if (i < row->eq.n_gaps)
            {
              values[2] = row->eq.gaps[i].c_alpha;
              values[3] = row->eq.gaps[i].c_beta;
            }
          if (i < row->eq.n_spinodals)
            {
              values[4] = row->eq.spinodals[i].lo;
              values[5] = row->eq.spinodals[i].hi;
            }
          append_row (csv, values, 6);
        }
    }
}

GString *
sp_csv_analysis (const SpAnalysis *a,
                 SpCsvCurve        curve)
{
  GString *csv;

  g_return_val_if_fail (a != NULL, NULL);

  switch (curve)
    {
    case SP_CSV_FREE_ENERGY:
      {
        static const char *const names[] = { "c", "g_meV", "mu_meV", "g2_meV", NULL };
        static const char *const meanings[] = {
          "Li site fraction", "free energy per site g(c) (meV)",
          "chemical potential mu = g'(c) (meV)", "curvature g''(c) (meV)", NULL
        };
        const double *cols[] = { a->c, a->g, a->mu, a->g2 };

        csv = begin ("free energy g(c)");
        sp_csv_append_model (csv, &a->model);
        append_curves (csv, names, meanings, a->n_curve, cols);
        return csv;
      }
    case SP_CSV_OCV:
      {
        static const char *const names[] = { "c", "ocv_equilibrium_V", "ocv_homogeneous_V", NULL };
        static const char *const meanings[] = {
          "Li site fraction", "equilibrium open-circuit voltage, flat across every gap (V)",
          "single-phase voltage V0 - mu/1000 (V)", NULL
        };
        const double *cols[] = { a->c, a->ocv_equilibrium, a->ocv_homogeneous };

        csv = begin ("open-circuit voltage V(c)");
        sp_csv_append_model (csv, &a->model);
        append_curves (csv, names, meanings, a->n_curve, cols);
        return csv;
      }
    case SP_CSV_DIFFUSIVITY:
      {
        static const char *const names[] = { "c", "dchem_nm2_per_s", NULL };
        static const char *const meanings[] = {
          "Li site fraction", "chemical diffusivity M(c) g''(c), negative = uphill (nm^2/s)", NULL
        };
        const double *cols[] = { a->c, a->dchem };

        csv = begin ("chemical diffusivity D_chem(c)");
        sp_csv_append_model (csv, &a->model);
        append_curves (csv, names, meanings, a->n_curve, cols);
        return csv;
      }
    case SP_CSV_DISPERSION:
      {
        static const char *const names[] = { "k_per_nm", "sigma_per_s", NULL };
        static const char *const meanings[] = {
          "wavenumber (1/nm)", "growth rate of a composition wave at c0 (1/s)", NULL
        };
        const double *cols[] = { a->k, a->sigma };

        csv = begin ("growth-rate dispersion sigma(k)");
        sp_csv_append_model (csv, &a->model);
        append_curves (csv, names, meanings, a->n_k, cols);
        return csv;
      }
    case SP_CSV_PHASE_DIAGRAM:
      csv = begin ("phase diagram (binodal and spinodal against T)");
      sp_csv_append_model (csv, &a->model);
      append_phase_diagram (csv, a->phase);
      return csv;
    default:
      g_return_val_if_reached (NULL);
    }
}

static gboolean
is_pfhub (const SpChParams *params)
{
  return params != NULL && params->problem == SP_CH_PROBLEM_PFHUB1;
}

static void
append_simulation (GString          *csv,
                   const SpChParams *params)
{
  if (is_pfhub (params))
    {
      g_string_append (csv, "# problem = PFHub benchmark 1 (dimensionless units)\n");
      return;
    }
  sp_csv_append_model (csv, &params->model);
  g_string_append_printf (csv, "# grid = %u\n", params->n);
  g_string_append (csv, "# length = ");
  sp_csv_append_number (csv, params->length, ' ');
  g_string_append (csv, "nm\n");
}

GString *
sp_csv_field (const SpFrame *frame)
{
  static const char *const names_nm[] = { "x_nm", "y_nm", "c", NULL };
  static const char *const names_pf[] = { "x", "y", "c", NULL };
  static const char *const meanings[] = {
    "position along x", "position along y", "Li site fraction", NULL
  };
  gboolean pfhub;
  GString *csv;
  double dx;

  g_return_val_if_fail (frame != NULL && frame->field != NULL, NULL);

  pfhub = is_pfhub (&frame->params);
  dx = frame->length / frame->n;
  csv = begin ("simulated composition field c(x, y)");
  append_simulation (csv, &frame->params);
  g_string_append (csv, "# time = ");
  sp_csv_append_number (csv, frame->diag.time, ' ');
  g_string_append (csv, pfhub ? "\n" : "s\n");
  append_columns (csv, pfhub ? names_pf : names_nm, meanings);
  for (guint j = 0; j < frame->n; j++)
    for (guint i = 0; i < frame->n; i++)
      {
        double row[3] = { i * dx, j * dx, frame->field[(gsize) j * frame->n + i] };

        append_row (csv, row, 3);
      }
  return csv;
}

GString *
sp_csv_history (const SpChHistory *history,
                const SpChParams  *params)
{
  static const char *const names_si[] = {
    "time_s", "free_energy_meV_nm2", "mean_c", "length_nm", NULL
  };
  static const char *const names_plain[] = { "time", "free_energy", "mean_c", "length", NULL };
  static const char *const meanings[] = {
    "simulated time", "total free energy F of the box (per site per nm of thickness)",
    "mean composition (conserved)", "coarsening length L = 2 pi / <k>", NULL
  };
  const double *cols[] = {
    history->time, history->free_energy, history->mean_c, history->length_scale
  };
  GString *csv;

  g_return_val_if_fail (history != NULL, NULL);

  csv = begin ("diagnostics time series");
  if (params != NULL)
    append_simulation (csv, params);
  append_curves (csv, params != NULL && !is_pfhub (params) ? names_si : names_plain,
                 meanings, history->len, cols);
  return csv;
}

GString *
sp_csv_structure (const SpFrame     *frame,
                  const SpChHistory *history)
{
  static const char *const names[] = {
    "k_per_nm", "structure_initial", "structure_now", NULL
  };
  static const char *const meanings[] = {
    "ring wavenumber", "radially averaged S(k) of the first frame",
    "radially averaged S(k) now", NULL
  };
  const SpChDiagnostics *d;
  GString *csv;

  g_return_val_if_fail (frame != NULL, NULL);

  d = &frame->diag;
  csv = begin ("structure factor S(k)");
  append_simulation (csv, &frame->params);
  if (history != NULL && history->n_bins > 0)
    {
      g_string_append (csv, "# initial time = ");
      sp_csv_append_number (csv, history->time0, '\n');
    }
  g_string_append (csv, "# time now = ");
  sp_csv_append_number (csv, d->time, '\n');
  append_columns (csv, names, meanings);
  for (guint b = 0; b < d->n_bins; b++)
    {
      double row[3] = { d->k[b], NAN, d->structure[b] };

      /* Both come from the same grid unless the run was restarted on a new
       * one; then the old rings mean nothing here. */
      if (history != NULL && b < history->n_bins && history->k0[b] == d->k[b])
        row[1] = history->structure0[b];
      append_row (csv, row, 3);
    }
  return csv;
}

gboolean
sp_csv_write (const char    *path,
              const GString *csv,
              GError       **error)
{
  return sp_file_write_atomic (path, csv->str, csv->len, error);
}

GString *
sp_csv_begin (const char *what)
{
  return begin (what);
}

void
sp_csv_append_columns (GString           *csv,
                       const char *const *names,
                       const char *const *meanings)
{
  append_columns (csv, names, meanings);
}

void
sp_csv_append_row (GString      *csv,
                   const double *values,
                   guint         n)
{
  append_row (csv, values, n);
}
