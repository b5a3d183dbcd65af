/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sp-ch-diagnostics.h — what a published Cahn–Hilliard frame reports
 *
 * The free energy is one discrete functional, consistent with the scheme:
 *   F = Δx² Σ_x f(c_x) + (κ/2) Δx² (1/n²) Σ_k |k|² |ĉ_k|²
 * (spectral gradient, Parseval).  Units: for the material, f in meV per
 * site and areas in nm², so F is in meV·nm² (per site per nm of thickness
 * when multiplied by the site density); PFHub's own units otherwise.
 *
 * The structure factor is S(k) = |ĉ_k|²/n² averaged over rings of width
 * 2π/L; the coarsening length is L(t) = 2π/⟨k⟩ with ⟨k⟩ = Σ|k| S / Σ S over
 * every mode k ≠ 0.
 */
#pragma once

#include <glib.h>

#include "sp-ch.h"

G_BEGIN_DECLS

typedef struct
{
  double   time;
  guint64  steps;
  double   dt;               /* the step the controller will try next */
  double   mean_c;
  double   free_energy;
  guint    n_bins;           /* rings k_b = b · 2π/L, b = 1 … n/2    */
  double  *k;                /* 1/nm                                 */
  double  *structure;        /* S(k_b), radially averaged            */
  double   mean_k;           /* ⟨k⟩, 1/nm                            */
  double   length_scale;     /* L(t) = 2π/⟨k⟩, nm                    */
  double   lambda_dominant;  /* 2π/k of the ring where S peaks, nm  */
  double   lambda_star;      /* the analysis' fastest wavelength 2π√(2κ/−g''(c0)); NAN when g''(c0) ≥ 0 */
} SpChDiagnostics;

/* Fills @out (allocating its arrays); free them with sp_ch_diagnostics_clear(). */
void     sp_ch_diagnostics_compute   (SpCh            *ch,
                                      SpChDiagnostics *out);
void     sp_ch_diagnostics_clear     (SpChDiagnostics *diag);
void     sp_ch_diagnostics_copy      (const SpChDiagnostics *src,
                                      SpChDiagnostics       *dest);

/* The pieces on their own (cheaper when only one is needed). */
double   sp_ch_free_energy           (SpCh            *ch);
double   sp_ch_mean_composition      (SpCh            *ch);
/* λ* of the analysis for the engine's problem and mean composition. */
double   sp_ch_lambda_star           (const SpChParams *params);

G_END_DECLS
