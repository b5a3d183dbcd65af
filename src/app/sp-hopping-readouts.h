/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sp-hopping-readouts.h — the Hopping page's numbers under its figures
 *
 * Diffusion (from the MSD fit: tracer D* and per direction, jump D_σ,
 * the Haven ratio, σ by Nernst–Einstein), each as value ± standard
 * error with its unit, and which error is trusted; the lattice's closed
 * forms (hop rates Γ and Γ_z, the dilute limit Γa²) in Live mode; the
 * Chudley–Elliott fit of Γ(Q) (l, τ, D); and a message when the open
 * sites no longer percolate and D collapses.  An info button reveals the
 * formulas.
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Every number NAN when not (yet) known; errors NAN when there is none. */
typedef struct
{
  double   d_star_cm2_s, d_star_se;
  double   d_xx_cm2_s, d_yy_cm2_s, d_zz_cm2_s;   /* the per-direction D* */
  double   d_sigma_cm2_s, d_sigma_se;
  double   haven, haven_se;
  double   sigma_s_cm, sigma_se;
  const char *error_method;   /* "GLS" / "block averaging" … (translated), or NULL */
  /* The lattice's closed forms (Live mode; NAN in Data mode). */
  double   gamma_hz, gamma_z_hz;
  double   d_dilute_cm2_s;    /* Γa² (in-plane): the dilute limit of D*       */
  double   density_cm3;       /* carriers per cm³ (Nernst–Einstein's n)       */
  /* QENS: the Chudley–Elliott fit of Γ(Q). */
  double   ce_l_angstrom, ce_l_se;
  double   ce_tau_ps, ce_tau_se;
  double   ce_d_cm2_s, ce_d_se;
  /* Live: whether the open sites span the lattice (FALSE: D → 0). */
  gboolean percolation_known;
  gboolean percolates;
  double   blocked_fraction;
} SpHoppingReadout;

void        sp_hopping_readout_init (SpHoppingReadout *readout);

#define SP_TYPE_HOPPING_READOUTS (sp_hopping_readouts_get_type ())
G_DECLARE_FINAL_TYPE (SpHoppingReadouts, sp_hopping_readouts, SP, HOPPING_READOUTS, GtkWidget)

GtkWidget  *sp_hopping_readouts_new        (void);
void        sp_hopping_readouts_set        (SpHoppingReadouts      *self,
                                            const SpHoppingReadout *readout);
/* For tests: the text shown for D* ("(2.31 ± 0.05) × 10⁻⁶ cm²/s"), for
 * the Haven ratio, for Γ and the percolation message ("" when hidden). */
const char *sp_hopping_readouts_get_d_star_text      (SpHoppingReadouts *self);
const char *sp_hopping_readouts_get_haven_text       (SpHoppingReadouts *self);
const char *sp_hopping_readouts_get_gamma_text       (SpHoppingReadouts *self);
const char *sp_hopping_readouts_get_percolation_text (SpHoppingReadouts *self);

/* "(2.31 ± 0.05) × 10⁻⁶ cm²/s": the value and its standard error with
 * the error's two significant digits, one power of ten for both; without
 * an error (NAN) "2.31 × 10⁻⁶ cm²/s"; a NAN value "—". */
char       *sp_hopping_readouts_format_pm  (double      value,
                                            double      se,
                                            const char *unit);

G_END_DECLS
