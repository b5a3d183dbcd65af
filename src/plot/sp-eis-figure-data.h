/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sp-eis-figure-data.h — what the impedance figures draw, as plain arrays
 *
 * The Nyquist, Bode, residual, DRT and Arrhenius figures read only these
 * values, never the fit, Kramers–Kronig or DRT modules themselves: the
 * window, the exporter and the CLI fill them from whatever computed the
 * numbers.  Every pointer is borrowed (the caller keeps it alive while the
 * figure draws); a NULL or empty part draws a labelled "no data" frame.
 */
#pragma once

#include <glib.h>

#include "sp-eis-spectrum.h"

G_BEGIN_DECLS

/* One arc of the Nyquist plot: its process and its apex (the point of
 * largest −Z″, at f = 1/(2π(RQ)^(1/α)) for an R‖CPE). */
typedef struct
{
  const char *label;          /* plain text: "bulk", "grain boundary", …; may be NULL */
  double      apex_freq_hz;   /* > 0                                     */
  double      apex_z_re_ohm;  /* Z′ at the apex, Ω                       */
  double      apex_z_im_ohm;  /* Z″ at the apex, Ω (own sign, < 0)       */
} SpEisFigureArc;

/* Relative residuals (Z′ᵢ − Z′ᵢ,model)/|Zᵢ| and (Z″ᵢ − Z″ᵢ,model)/|Zᵢ| as
 * fractions (0.01 is 1 %), from a fit or from Lin-KK. */
typedef struct
{
  guint         n;
  const double *freq_hz;
  const double *d_re;
  const double *d_im;
  const char   *title;        /* plain text, e.g. "Lin-KK, M = 12"; may be NULL */
} SpEisFigureResiduals;

typedef struct
{
  double tau_s;               /* the peak's position, s                  */
  double r_ohm;               /* its area, the process' resistance, Ω    */
} SpEisFigureDrtPeak;

/* γ(ln τ) on a grid of ascending τ. */
typedef struct
{
  guint               n;
  const double       *tau_s;
  const double       *gamma_ohm;
  guint               n_peaks;
  const SpEisFigureDrtPeak *peaks;
} SpEisFigureDrt;

typedef enum
{
  SP_EIS_FIGURE_SIGMA_T,   /* σT = A exp(−E_a/(k_B T)), A in S K/cm   */
  SP_EIS_FIGURE_SIGMA,     /* σ = σ₀ exp(−E_a/(k_B T)), σ₀ in S/cm    */
} SpEisFigureArrheniusForm;

/* One conductivity (bulk, grain boundary, total) at several temperatures,
 * and its fitted line. */
typedef struct
{
  const char   *label;            /* plain text: "bulk", "total", …         */
  guint         n;
  const double *temperature_k;
  const double *sigma_s_cm;       /* σ, S/cm (σT is formed by the figure)   */
  const double *sigma_err_s_cm;   /* one standard error of σ; may be NULL   */
  double        ea_ev;            /* fitted E_a, eV; NAN: no line           */
  double        ea_err_ev;        /* its standard error; NAN when unknown   */
  double        prefactor;        /* A (S K/cm) or σ₀ (S/cm) per the form   */
} SpEisFigureArrhenius;

typedef struct
{
  /* Nyquist and Bode: measured (or simulated) spectra as markers, and a
   * model curve (explore mode's circuit, or a fit) on a dense grid. */
  guint                        n_spectra;
  const SpEisSpectrum *const  *spectra;
  const SpEisSpectrum         *model;
  const char                  *model_label;   /* plain text; NULL: "model" */
  guint                        n_arcs;
  const SpEisFigureArc              *arcs;

  const SpEisFigureResiduals        *residuals;
  const SpEisFigureDrt              *drt;

  SpEisFigureArrheniusForm           arrhenius_form;
  gboolean                     arrhenius_kelvin;  /* top axis in K, else °C */
  guint                        n_arrhenius;
  const SpEisFigureArrhenius  *arrhenius;

  /* One line for an export's caption: the circuit and its parameters, or
   * the files; NULL: no caption. */
  const char                  *description;
} SpEisFigureData;

/* A deep copy that owns everything it points to (for a thread that draws
 * or writes it while the window's data moves on); NULL for NULL. */
SpEisFigureData *sp_eis_figure_data_copy (const SpEisFigureData *data);
/* Frees a copy made by sp_eis_figure_data_copy() (never the window's own). */
void             sp_eis_figure_data_free (SpEisFigureData       *copy);

G_END_DECLS
