/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sp-hop-figure-data.h — what the hopping-and-diffusion figures draw, as
 * plain arrays
 *
 * The lattice, MSD, F_s(Q,t), QENS, diffusion-Arrhenius and finite-size
 * figures read only these values, never the KMC engine, the readers or the
 * MSD/QENS modules themselves: the hopping page's workbench
 * (sp-hop-workbench.h), the exporter and the CLI fill them from whatever
 * computed the numbers.  Every pointer is borrowed (the caller keeps it
 * alive while the figure draws); a NULL or empty part draws a labelled
 * "no data" frame.  Units as in PHYSICS-TRANSPORT.md: lengths Å, times ps,
 * D cm²/s, Γ meV, Q Å⁻¹.  NAN marks a value that is not known (no fit, no
 * error): the figure then leaves out the line or the "±".
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* ---- lattice slice ------------------------------------------------------ */

typedef enum
{
  SP_HOP_SITE_EMPTY,
  SP_HOP_SITE_CARRIER,
  SP_HOP_SITE_BLOCKED,
} SpHopSite;

/* One tracer's path projected on the slice's plane: unwrapped positions
 * in Å (the figure folds them into the box, breaking the line where it
 * crosses a periodic boundary). */
typedef struct
{
  guint         n;
  const double *x_angstrom;
  const double *y_angstrom;
} SpHopFigurePath;

typedef struct
{
  /* Sites of a simple-cubic layer, row-major: sites[j * nx + i] is the
   * site at (i a, j a); a SpHopSite each.  NULL (or nx, ny 0): no sites,
   * only the paths in a box of width × height (an imported trajectory). */
  guint          nx, ny;
  const guint8  *sites;
  double         spacing_angstrom;   /* a, Å (> 0 with sites)            */
  double         width_angstrom;     /* the box drawn: nx a, or the cell  */
  double         height_angstrom;
  guint          n_paths;
  const SpHopFigurePath *paths;
  const char    *label;              /* plain text, e.g. "layer z = 12 of 32"; may be NULL */
} SpHopFigureLattice;

/* ---- mean-squared displacement ----------------------------------------- */

typedef enum
{
  SP_HOP_MSD_X,
  SP_HOP_MSD_Y,
  SP_HOP_MSD_Z,
  SP_HOP_MSD_TOTAL,
  SP_HOP_MSD_COLLECTIVE,   /* ⟨|Σᵢ Δrᵢ|²⟩/N, the charge MSD per ion        */
  SP_HOP_MSD_N,
} SpHopMsdCurve;

typedef struct
{
  guint         n;                         /* lags                             */
  const double *t_ps;                      /* ascending; lag 0 (t = 0) is skipped on the log axes */
  const double *msd_a2[SP_HOP_MSD_N];      /* Å²; NULL: the curve is not known */
  const double *total_err_a2;              /* one s.e. of the total; may be NULL: no band */
  guint         dimensions;                /* d of D = slope/(2d): 3 (1 for one direction) */
  /* The diffusive window the fit used, ps; NAN: none chosen. */
  double        window_t0_ps, window_t1_ps;
  gboolean      window_automatic;          /* suggested from the log–log slope */
  /* The fitted line MSD_total = 2d D* t + offset over the window. */
  double        d_star_cm2_s, d_star_err_cm2_s;
  double        offset_a2;
  /* The collective line MSD_coll = 2d D_σ t + offset_coll; NAN: none. */
  double        d_sigma_cm2_s, d_sigma_err_cm2_s;
  double        offset_collective_a2;
} SpHopFigureMsd;

/* ---- self intermediate scattering function ---------------------------- */

typedef struct
{
  double        q_inv_angstrom;           /* Q, Å⁻¹                          */
  guint         n;
  const double *t_ps;
  const double *fs;                       /* F_s(Q, t), 1 at t = 0           */
  double        gamma_mev;                /* fitted A exp(−Γt/ħ); NAN: no fit */
  double        gamma_err_mev;            /* NAN when unknown                */
  double        amplitude;                /* A (the Debye–Waller drop); ≤ 0 or NAN: 1 */
} SpHopFigureFs;

/* ---- QENS linewidths ---------------------------------------------------- */

typedef struct
{
  guint         n;
  const double *q_inv_angstrom;           /* Q, Å⁻¹                          */
  const double *gamma_mev;                /* HWHM Γ, meV                     */
  const double *gamma_err_mev;            /* one s.e.; may be NULL           */
  /* The Chudley–Elliott fit Γ = (ħ/τ)(1 − sin(Ql)/(Ql)); NAN: no fit. */
  double        l_angstrom, l_err_angstrom;
  double        tau_ps, tau_err_ps;
  double        d_cm2_s, d_err_cm2_s;     /* D = l²/(6τ); its ħDQ² line      */
  const char   *source;                   /* plain text: "trajectory", a file name; may be NULL */
} SpHopFigureQens;

/* ---- D against temperature --------------------------------------------- */

typedef struct
{
  const char   *label;                    /* plain text: "D*", "D_σ", …      */
  guint         n;
  const double *temperature_k;
  const double *d_cm2_s;
  const double *d_err_cm2_s;              /* one s.e.; may be NULL           */
  /* D = D₀ exp(−E_a/(k_B T)); NAN: no line. */
  double        ea_ev, ea_err_ev;
  double        prefactor_cm2_s;          /* D₀                              */
} SpHopFigureArrhenius;

/* ---- finite-size extrapolation ----------------------------------------- */

typedef enum
{
  SP_HOP_FINITE_SIZE_DIFFUSIVITY,         /* D(L) = D∞ − C/L, cm²/s          */
  SP_HOP_FINITE_SIZE_ENERGY,              /* E(L) = E∞ + C/L, eV (NEB)       */
} SpHopFiniteSizeQuantity;

typedef struct
{
  SpHopFiniteSizeQuantity quantity;
  guint         n;
  const double *length_angstrom;          /* box length L, Å                 */
  const double *value;                    /* D (cm²/s) or E (eV)             */
  const double *value_err;                /* one s.e.; may be NULL           */
  /* value = intercept + slope/L; NAN: no fit. */
  double        intercept, intercept_err; /* D∞ or E∞ ± s.e.                 */
  double        slope;                    /* per Å⁻¹ (value × Å)             */
} SpHopFigureFiniteSize;

typedef struct
{
  const SpHopFigureLattice    *lattice;
  const SpHopFigureMsd        *msd;
  guint                        n_fs;
  const SpHopFigureFs         *fs;
  const SpHopFigureQens       *qens;
  guint                        n_arrhenius;
  const SpHopFigureArrhenius  *arrhenius;
  const SpHopFigureFiniteSize *finite_size;
  /* One line for an export's caption: the trajectory or the lattice and
   * its parameters; NULL: no caption. */
  const char                  *description;
} SpHopFigureData;

/* A deep copy that owns everything it points to (for a thread that draws
 * or writes it while the page's data moves on); NULL for NULL. */
SpHopFigureData *sp_hop_figure_data_copy (const SpHopFigureData *data);
/* Frees a copy made by sp_hop_figure_data_copy() (never the page's own). */
void             sp_hop_figure_data_free (SpHopFigureData       *copy);

G_END_DECLS
