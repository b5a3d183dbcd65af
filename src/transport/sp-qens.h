/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sp-qens.h — quasi-elastic neutron scattering linewidths and the
 * Chudley–Elliott jump model
 *
 * From a trajectory: the self intermediate scattering function, powder
 * averaged, over all time origins and ions,
 *   F_s(Q, t) = ⟨sin(Q|Δr(t)|) / (Q|Δr(t)|)⟩,
 * and at each Q the linewidth Γ(Q) (HWHM, meV) from a fit of
 * A·exp(−Γ t/ħ) to F_s over the lags from the first one to the last
 * before F_s falls below SP_QENS_FIT_FLOOR (A free: it takes up the fast
 * vibrational drop at short times, the Debye–Waller factor).
 *
 * From Γ(Q) (computed, or measured and read from a table): the
 * Chudley–Elliott fit Γ(Q) = (ħ/τ)[1 − sin(Ql)/(Ql)] → jump length l (Å),
 * residence time τ (ps), D = l²/(6τ) (cm²/s), each ± s.e.; at small Q
 * Γ → ħ D Q².  ħ = 0.6582119569 meV·ps.
 */
#pragma once

#include <gio/gio.h>

#include "sp-trajectory.h"

G_BEGIN_DECLS

#define SP_QENS_ERROR (sp_qens_error_quark ())

typedef enum
{
  SP_QENS_ERROR_INPUT,   /* too few frames/points, bad Q, non-positive Γ */
  SP_QENS_ERROR_FORMAT,  /* a table that cannot be read                  */
  SP_QENS_ERROR_FIT,     /* a fit that did not converge                  */
} SpQensError;

#define SP_HBAR_MEV_PS     0.6582119569
/* Γ is fitted while F_s stays above this. */
#define SP_QENS_FIT_FLOOR  0.1
/* Γ's standard error comes from the scatter of Γ over this many groups of
 * ions (ion i in group i mod G), which, unlike the fit's own error, counts
 * the correlation between F_s at neighbouring lags. */
#define SP_QENS_ION_GROUPS 8
/* Points the Chudley–Elliott fit needs (2 parameters + 1). */
#define SP_QENS_MIN_POINTS 3

/* F_s(Q, t) at n_q wave vectors and lags 0 … n_lags − 1 (times lag · dt). */
typedef struct
{
  guint   n_q;
  guint   n_lags;
  double  dt_ps;
  double *q;      /* Å⁻¹, n_q                                */
  double *fs;     /* fs[iq * n_lags + lag], F_s(q, 0) = 1     */
  guint   n_groups;  /* min(SP_QENS_ION_GROUPS, ions); 0 or 1: none */
  double *fs_group;  /* [(g * n_q + iq) * n_lags + lag], each group's F_s */
} SpQensFs;

/* Γ(Q) points: computed from F_s or read from a table. */
typedef struct
{
  guint   n_points;
  double *q;              /* Å⁻¹                                            */
  double *gamma_mev;      /* HWHM, meV                                      */
  double *gamma_err_mev;  /* s.e., meV; NULL when the table has no errors   */
  double *amplitude;      /* A of each F_s fit; NULL for a table            */
  guint  *fit_lags;       /* last lag of each F_s fit; NULL for a table     */
  guint   n_groups;       /* groups of ions behind the errors (0: the fit's
                           * own s.e., or a table)                          */
  double *gamma_group;    /* [g * n_points + i]: each group's Γ, meV; NULL
                           * when n_groups is 0                             */
  char   *name;
} SpQensGamma;

/* The Chudley–Elliott fit. */
typedef struct
{
  double   l_angstrom, l_stderr_angstrom;
  double   tau_ps, tau_stderr_ps;
  double   d_cm2_s, d_stderr_cm2_s;   /* l²/(6τ), s.e. with the l–τ covariance */
  double   chi2;                      /* Σ w r², w = 1/err² (or 1)             */
  double   reduced_chi2;              /* chi2 / (n − 2)                        */
  guint    n_points;
  gboolean weighted;                  /* errors given: weights 1/err²          */
  guint    n_groups;                  /* > 0: the s.e. of l, τ, D are the spread
                                       * of the fits to each group of ions' Γ(Q)
                                       * over √G (Γ at different Q share the
                                       * same displacements, so their errors
                                       * are correlated); 0: from the Jacobian */
} SpChudleyElliott;

GQuark        sp_qens_error_quark           (void);

/* F_s at @q (n_q values, Å⁻¹, > 0) for lags 0 … @max_lag (0: n_frames / 2;
 * capped at n_frames − 1), averaged over every ion and every time origin.
 * Needs at least 3 frames.  Cancellable between lags. */
SpQensFs     *sp_qens_fs_compute            (const SpTrajectory *trajectory,
                                             const double       *q,
                                             guint               n_q,
                                             guint               max_lag,
                                             GCancellable       *cancellable,
                                             GError            **error);
void          sp_qens_fs_free               (SpQensFs           *fs);

/* Γ(Q) from each curve of @fs, its s.e. the standard deviation of the
 * groups' Γ (fitted over the same lags) over √G; with fewer than 2 groups,
 * the fit's own s.e. (Jacobian, scaled by the residuals), which F_s's
 * correlation between lags makes far too small.  A curve that drops below the floor before its second
 * lag (Γ too large for the time step) or never decays is an error naming
 * its Q. */
SpQensGamma  *sp_qens_gamma_from_fs         (const SpQensFs     *fs,
                                             GError            **error);
/* The same, leaving out the Q whose curve cannot be fitted (appended to
 * @skipped_q, an array of double); an error only when none is left. */
SpQensGamma  *sp_qens_gamma_from_fs_skipping (const SpQensFs    *fs,
                                              GArray            *skipped_q,
                                              GError           **error);
/* Both steps. */
SpQensGamma  *sp_qens_gamma_from_trajectory (const SpTrajectory *trajectory,
                                             const double       *q,
                                             guint               n_q,
                                             guint               max_lag,
                                             GCancellable       *cancellable,
                                             GError            **error);

/* A Q/Γ table: Q (Å⁻¹), Γ (meV, HWHM), optionally its error (meV); comma,
 * semicolon, tab or blank separated; lines starting with #, %, ! or //
 * are comments; an optional header row, commented or not (a "µeV"/"ueV"
 * unit in it scales Γ and its error by 1e-3, "1/nm" or "nm^-1" scales Q
 * by 0.1).  Errors
 * name the file and line. */
SpQensGamma  *sp_qens_read_table            (const char         *path,
                                             GError            **error);
SpQensGamma  *sp_qens_read_table_data       (const char         *bytes,
                                             gsize               len,
                                             const char         *name_for_messages,
                                             GError            **error);
SpQensGamma  *sp_qens_gamma_new             (guint               n_points,
                                             gboolean            with_errors);
SpQensGamma  *sp_qens_gamma_copy            (const SpQensGamma  *gamma);
void          sp_qens_gamma_free            (SpQensGamma        *gamma);

/* Weighted (1/err² when @gamma has errors, else unit) non-linear least
 * squares of the Chudley–Elliott form; s.e. from (JᵀWJ)⁻¹ · χ²/(n − 2),
 * or, for Γ(Q) from a trajectory's groups of ions, from the spread of the
 * groups' own fits, times √(χ²/ν) when Γ(Q) misses the Chudley–Elliott
 * form by more than its errors (Birge: the misfit is an error too). */
gboolean      sp_chudley_elliott_fit        (const SpQensGamma  *gamma,
                                             SpChudleyElliott   *out,
                                             GError            **error);
/* (ħ/τ)[1 − sin(Ql)/(Ql)] in meV. */
double        sp_chudley_elliott_gamma_mev  (double              q_inv_angstrom,
                                             double              l_angstrom,
                                             double              tau_ps);
/* ħ D Q² in meV (D in cm²/s). */
double        sp_qens_small_q_gamma_mev     (double              q_inv_angstrom,
                                             double              d_cm2_s);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SpQensFs, sp_qens_fs_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SpQensGamma, sp_qens_gamma_free)

G_END_DECLS
