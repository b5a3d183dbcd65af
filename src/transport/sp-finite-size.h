/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sp-finite-size.h — a value at infinite box size from several box lengths
 *
 * Periodic images slow diffusion in a finite box: D(L) = D∞ − C/L (Yeh &
 * Hummer, J. Phys. Chem. B 108, 15873 (2004): C = ξ k_B T/(6πη) with
 * ξ = 2.837297 for a cubic box).  Migration barriers of charged defects
 * from NEB converge the same way, E(L) ≈ E∞ + C/L.  Either is a straight
 * line y = y∞ + s·x in x = 1/L, fitted by linear least squares (GSL): with
 * the values' standard errors given, weighted (w = 1/u²) and the
 * covariance taken as known; without, unweighted and scaled by the
 * residual variance Σr²/(n − 2) — two points then fit exactly and leave
 * the standard errors NAN.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define SP_YEH_HUMMER_XI_CUBIC 2.837297

typedef struct
{
  guint    n_points;
  gboolean weighted;
  double   value_inf;          /* y at 1/L → 0                            */
  double   value_inf_stderr;
  double   slope;              /* dy/d(1/L), value · length units         */
  double   slope_stderr;
  double   cov_value_slope;
  double   chi2;               /* Σ w r² (Σ r² unweighted)                */
  guint    dof;                /* n − 2                                   */
} SpFiniteSizeFit;

/* Fits @n values at box lengths @length (any length unit, > 0); @stderr
 * may be NULL.  FALSE with an error naming the point: fewer than 2
 * points, a length ≤ 0, an error ≤ 0, anything not finite, or every point
 * at one length. */
gboolean sp_finite_size_fit        (const double    *length,
                                    const double    *value,
                                    const double    *value_stderr,
                                    guint            n,
                                    SpFiniteSizeFit *fit,
                                    GError         **error);

/* The fitted value at box length @length. */
double   sp_finite_size_value_at   (const SpFiniteSizeFit *fit,
                                    double                 length);

/* The Yeh–Hummer correction ξ k_B T/(6πηL) in cm²/s for a cubic box of
 * edge @length_angstrom, @viscosity_pa_s (NAN for bad input). */
double   sp_yeh_hummer_correction_cm2_s (double temperature_k,
                                         double viscosity_pa_s,
                                         double length_angstrom);

typedef struct
{
  guint   n_points;
  double *length;
  double *value;
  double *value_stderr;        /* NULL without an error column            */
} SpFiniteSizeData;

/* A CSV/TSV/whitespace table: box length ("L", "length", "box"), the
 * value ("value", "D", "E", "barrier", "y") and optionally its error
 * ("error", "err", "stderr", "sigma", "u"); without a header, the first
 * two or three columns in that order.  Errors name the file and line. */
SpFiniteSizeData *sp_finite_size_data_read_file (const char *path,
                                                 GError    **error);
SpFiniteSizeData *sp_finite_size_data_read      (const char *bytes,
                                                 gsize       len,
                                                 const char *name_for_messages,
                                                 GError    **error);
void              sp_finite_size_data_free      (SpFiniteSizeData *data);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SpFiniteSizeData, sp_finite_size_data_free)

G_END_DECLS
