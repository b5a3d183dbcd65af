/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sp-csv.h — every plotted curve, the field and the diagnostics as CSV
 *
 * One table per file, comma-separated, '.' as decimal point whatever the
 * locale, every number with as many digits as it takes (at most 17) to
 * read back as the very double that was plotted.  The file starts with "# " comment lines: the
 * program and version, what the table is, every model parameter with its
 * unit, and the columns with their units; then one header row of column
 * names (the unit is part of the name: g_meV, sigma_per_s) and the rows.
 * A value that does not exist (no second gap at that temperature) is "nan".
 */
#pragma once

#include <glib.h>

#include "sp-analysis.h"
#include "sp-ch-history.h"
#include "sp-frame.h"

G_BEGIN_DECLS

typedef enum
{
  SP_CSV_FREE_ENERGY,    /* c,g_meV,mu_meV,g2_meV                           */
  SP_CSV_OCV,            /* c,ocv_equilibrium_V,ocv_homogeneous_V            */
  SP_CSV_PHASE_DIAGRAM,  /* temperature_K,index,c_alpha,c_beta,spinodal_lo,spinodal_hi */
  SP_CSV_DIFFUSIVITY,    /* c,dchem_nm2_per_s                                */
  SP_CSV_DISPERSION,     /* k_per_nm,sigma_per_s                             */
} SpCsvCurve;

/* Appends @value as the shortest of %.15g, %.16g and %.17g that reads back
 * as the very same double ('.' whatever the locale; "nan", "inf"), then
 * @sep: how every Spinodal CSV writes a number. */
void      sp_csv_append_number   (GString            *csv,
                                  double              value,
                                  char                sep);

/* The model's parameters as "# name = value unit" lines. */
void      sp_csv_append_model    (GString            *csv,
                                  const SpModel      *model);

/* One figure's curves of @analysis.  The phase diagram has one row per
 * temperature and per gap/spinodal index (index 0, 1, …), "nan" where that
 * temperature has fewer gaps or spinodals; every critical point is in the
 * header, one "# critical point: T_c = … K, c_c = … (upper|lower)" line
 * each. */
GString  *sp_csv_analysis        (const SpAnalysis   *analysis,
                                  SpCsvCurve          curve);

/* The field as long-format rows x_nm,y_nm,c (x fastest, y slowest; grid
 * point (i, j) sits at x = i·L/n, y = j·L/n), which plotting programs
 * (gnuplot, pandas, R) read without knowing n.  PFHub: x,y,c. */
GString  *sp_csv_field           (const SpFrame      *frame);

/* The diagnostics time series: time_s,free_energy_meV_nm2,mean_c,length_nm
 * (PFHub, dimensionless: time,free_energy,mean_c,length).  @params may be
 * NULL (then the units are not known and the plain names are used). */
GString  *sp_csv_history         (const SpChHistory  *history,
                                  const SpChParams   *params);

/* The structure factor: k_per_nm,structure_initial,structure_now — S(k) of
 * the first frame of @history (NaN where it has no such ring) and of @frame. */
GString  *sp_csv_structure       (const SpFrame      *frame,
                                  const SpChHistory  *history);

/* Building blocks for the other tables (the impedance figures' in
 * src/plot): the first comment line "# Spinodal VERSION — @what", the
 * "# column" comments and the header row (@names and @meanings
 * NULL-terminated, equally long), one row of numbers. */
GString  *sp_csv_begin           (const char         *what);
void      sp_csv_append_columns  (GString            *csv,
                                  const char *const  *names,
                                  const char *const  *meanings);
void      sp_csv_append_row      (GString            *csv,
                                  const double       *values,
                                  guint               n);

/* Writes @csv to @path atomically (temporary file + rename); the error
 * message names the path. */
gboolean  sp_csv_write           (const char         *path,
                                  const GString      *csv,
                                  GError            **error);

G_END_DECLS
