/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sp-eis-workbench.h — the impedance page's Data mode, without widgets
 *
 * What a researcher does with measured spectra: open one or many files,
 * pick one, fit a circuit to it, check it against Kramers–Kronig, compute
 * its distribution of relaxation times, and take the conductivities of a
 * temperature series to an Arrhenius plot (PHYSICS-TRANSPORT.md §1).
 *
 * The workbench holds the inputs (the spectra, the selection, the circuit,
 * the options) and the results, and runs everything that may take longer
 * than a frame — reading files, the fit, Lin-KK, the DRT, the Arrhenius
 * series — in a GTask thread with a GCancellable.  Results are immutable
 * values made in the thread and swapped in on the main thread; then
 * "changed" is emitted (redraw, refill the controls).  "busy" is TRUE
 * while anything runs.  A failure (a bad file, a fit that cannot start)
 * is reported once through "error" with a translated message naming what
 * failed, and changes nothing else.
 *
 * GLib, GIO and json-glib only (no GTK): the data view (sp-eis-data-view.h)
 * and the impedance page observe it; tests drive it without a display.
 * Use it from the thread whose thread-default main context was current
 * when it was made.
 */
#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "sp-arrhenius.h"
#include "sp-circuit.h"
#include "sp-drt.h"
#include "sp-eis-figure-data.h"
#include "sp-eis-fit.h"
#include "sp-linkk.h"

G_BEGIN_DECLS

#define SP_TYPE_EIS_WORKBENCH (sp_eis_workbench_get_type ())
G_DECLARE_FINAL_TYPE (SpEisWorkbench, sp_eis_workbench, SP, EIS_WORKBENCH, GObject)

/* Which residuals the figure shows. */
typedef enum
{
  SP_EIS_RESIDUALS_FIT,
  SP_EIS_RESIDUALS_LINKK,
} SpEisResidualsSource;

SpEisWorkbench *sp_eis_workbench_new                (void);

/* ---- spectra ----------------------------------------------------------- */

/* Reads @files (n_files) in a thread and appends each good one (a file
 * already loaded, by path, is replaced by its new content); each bad file
 * gives one "error" naming the file, the line and the problem. */
void            sp_eis_workbench_open_files         (SpEisWorkbench *self,
                                                     GFile         **files,
                                                     guint           n_files);
/* Appends a copy of @spectrum (tests, the CLI's files); @path may be NULL. */
void            sp_eis_workbench_add_spectrum       (SpEisWorkbench      *self,
                                                     const SpEisSpectrum *spectrum,
                                                     const char          *path);
void            sp_eis_workbench_remove_spectrum    (SpEisWorkbench *self,
                                                     guint           index);
guint           sp_eis_workbench_get_n_spectra      (SpEisWorkbench *self);
/* Borrowed, valid until the next "changed". */
const SpEisSpectrum *sp_eis_workbench_get_spectrum  (SpEisWorkbench *self,
                                                     guint           index);
/* The file it was read from, or NULL. */
const char     *sp_eis_workbench_get_spectrum_path  (SpEisWorkbench *self,
                                                     guint           index);
/* The spectrum's temperature (K): the one typed, else the file's; NAN. */
double          sp_eis_workbench_get_temperature    (SpEisWorkbench *self,
                                                     guint           index);
/* Types a temperature (K; NAN returns to the file's). */
void            sp_eis_workbench_set_temperature    (SpEisWorkbench *self,
                                                     guint           index,
                                                     double          temperature_k);
/* The spectrum the fit, Lin-KK and DRT work on; -1 when none is loaded. */
int             sp_eis_workbench_get_selected       (SpEisWorkbench *self);
void            sp_eis_workbench_set_selected       (SpEisWorkbench *self,
                                                     int             index);

/* ---- the circuit and the fit's options --------------------------------- */

/* Any text; a circuit that does not parse leaves get_circuit() NULL and
 * get_circuit_error() saying where and why. */
void            sp_eis_workbench_set_circuit_text   (SpEisWorkbench *self,
                                                     const char     *text);
const char     *sp_eis_workbench_get_circuit_text   (SpEisWorkbench *self);
const SpCircuit *sp_eis_workbench_get_circuit       (SpEisWorkbench *self);
/* The parser's message, or NULL; @position (may be NULL): the 1-based
 * character it points at. */
const char     *sp_eis_workbench_get_circuit_error  (SpEisWorkbench *self,
                                                     guint          *position);
void            sp_eis_workbench_set_weight         (SpEisWorkbench *self,
                                                     SpEisWeight     weight);
SpEisWeight     sp_eis_workbench_get_weight         (SpEisWorkbench *self);
/* The start of parameter @index of the current circuit: NAN means the
 * automatic guess.  A fixed parameter without a start is held at the
 * guess. */
void            sp_eis_workbench_set_param_initial  (SpEisWorkbench *self,
                                                     guint           index,
                                                     double          value);
double          sp_eis_workbench_get_param_initial  (SpEisWorkbench *self,
                                                     guint           index);
void            sp_eis_workbench_set_param_fixed    (SpEisWorkbench *self,
                                                     guint           index,
                                                     gboolean        fixed);
gboolean        sp_eis_workbench_get_param_fixed    (SpEisWorkbench *self,
                                                     guint           index);
/* Every start back to the automatic guess, nothing fixed. */
void            sp_eis_workbench_reset_params       (SpEisWorkbench *self);
/* The points the fit, Lin-KK and DRT use: f_min ≤ f ≤ f_max (0 and
 * INFINITY: all) and, when @drop_positive_imag, Z″ ≤ 0. */
void            sp_eis_workbench_set_range          (SpEisWorkbench *self,
                                                     double          f_min_hz,
                                                     double          f_max_hz,
                                                     gboolean        drop_positive_imag);
void            sp_eis_workbench_get_range          (SpEisWorkbench *self,
                                                     double         *f_min_hz,
                                                     double         *f_max_hz,
                                                     gboolean       *drop_positive_imag);

/* ---- Lin-KK, DRT, Arrhenius options ------------------------------------ */

void            sp_eis_workbench_set_linkk_options  (SpEisWorkbench *self,
                                                     double          c,
                                                     SpLinKKFit      fit,
                                                     gboolean        add_capacitance);
void            sp_eis_workbench_get_linkk_options  (SpEisWorkbench *self,
                                                     double         *c,
                                                     SpLinKKFit     *fit,
                                                     gboolean       *add_capacitance);
/* @lambda used when !@gcv (> 0); @derivative 1 or 2. */
void            sp_eis_workbench_set_drt_options    (SpEisWorkbench *self,
                                                     gboolean        gcv,
                                                     double          lambda,
                                                     guint           derivative);
void            sp_eis_workbench_get_drt_options    (SpEisWorkbench *self,
                                                     gboolean       *gcv,
                                                     double         *lambda,
                                                     guint          *derivative);
/* The pellet: thickness (cm) and electrode area (cm²), both > 0. */
void            sp_eis_workbench_set_arrhenius_options (SpEisWorkbench *self,
                                                     double          thickness_cm,
                                                     double          area_cm2,
                                                     SpArrheniusForm form);
void            sp_eis_workbench_get_arrhenius_options (SpEisWorkbench *self,
                                                     double         *thickness_cm,
                                                     double         *area_cm2,
                                                     SpArrheniusForm *form);
void            sp_eis_workbench_set_residuals_source (SpEisWorkbench      *self,
                                                     SpEisResidualsSource source);
SpEisResidualsSource sp_eis_workbench_get_residuals_source (SpEisWorkbench *self);
/* Every loaded spectrum drawn on Nyquist and Bode, not only the selected. */
void            sp_eis_workbench_set_show_all       (SpEisWorkbench *self,
                                                     gboolean        show_all);
gboolean        sp_eis_workbench_get_show_all       (SpEisWorkbench *self);

/* ---- actions (each in a thread; a second start of one replaces it) ----- */

/* Fits the current circuit to the selected spectrum. */
void            sp_eis_workbench_fit                (SpEisWorkbench *self);
void            sp_eis_workbench_linkk              (SpEisWorkbench *self);
void            sp_eis_workbench_drt                (SpEisWorkbench *self);
/* Fits every spectrum with a temperature to the ceramic circuit (the
 * current circuit when it has the parameters Rb and Rgb, else
 * SP_EIS_CERAMIC_CIRCUIT), σ_bulk, σ_gb and σ_total from the pellet's
 * thickness and area, and E_a of each. */
void            sp_eis_workbench_arrhenius          (SpEisWorkbench *self);
/* Cancels whatever runs (reading files too); nothing changes. */
void            sp_eis_workbench_cancel             (SpEisWorkbench *self);
gboolean        sp_eis_workbench_get_busy           (SpEisWorkbench *self);

/* ---- results (borrowed, valid until the next "changed"; NULL: none) --- */

/* The selected spectrum's last fit, and the circuit it was made with
 * (which may differ from the current one once the user edits it). */
const SpEisFitResult *sp_eis_workbench_get_fit      (SpEisWorkbench *self);
const SpCircuit *sp_eis_workbench_get_fit_circuit   (SpEisWorkbench *self);
const SpLinKKResult *sp_eis_workbench_get_linkk     (SpEisWorkbench *self);
const SpDrtResult *sp_eis_workbench_get_drt         (SpEisWorkbench *self);

typedef enum
{
  SP_EIS_CONDUCTIVITY_BULK,
  SP_EIS_CONDUCTIVITY_GRAIN_BOUNDARY,
  SP_EIS_CONDUCTIVITY_TOTAL,
  SP_EIS_N_CONDUCTIVITIES,
} SpEisConductivity;

typedef struct
{
  guint           n_points;          /* spectra used                        */
  double         *temperature_k;
  double         *resistance_ohm[SP_EIS_N_CONDUCTIVITIES];
  double         *sigma_s_cm[SP_EIS_N_CONDUCTIVITIES];
  double         *sigma_err_s_cm[SP_EIS_N_CONDUCTIVITIES]; /* NULL for total */
  gboolean        fitted[SP_EIS_N_CONDUCTIVITIES];  /* the line exists      */
  SpArrheniusFit  fit[SP_EIS_N_CONDUCTIVITIES];
  char           *circuit;           /* the circuit fitted to each spectrum */
  /* Translated; NULL, or which spectra were left out and why. */
  char           *note;
} SpEisArrheniusSeries;

const SpEisArrheniusSeries *sp_eis_workbench_get_arrhenius (SpEisWorkbench *self);

/* Fills @data for the impedance figures: the selected spectrum (or all)
 * as markers, the fit on a dense grid with its arcs, the residuals of the
 * fit or of Lin-KK, the DRT with its peaks, the Arrhenius series.  Parts
 * without a result are left empty.  Pointers are borrowed, valid until
 * the next "changed". */
void            sp_eis_workbench_fill_figure_data   (SpEisWorkbench  *self,
                                                     SpEisFigureData *data);

/* ---- session state ----------------------------------------------------- */

/* The inputs, spectra included with their numbers (a session reopens
 * without the original files); results are computed again on request. */
JsonObject     *sp_eis_workbench_save_state         (SpEisWorkbench *self);
/* Whether @state can be loaded; changes nothing.  Errors name the field
 * ("spectra[1].z_re_ohm[4]: not a finite number"). */
gboolean        sp_eis_workbench_check_state        (SpEisWorkbench *self,
                                                     JsonObject     *state,
                                                     GError        **error);
/* check_state(), then replaces every input (and drops every result);
 * FALSE and nothing changed on an error. */
gboolean        sp_eis_workbench_load_state         (SpEisWorkbench *self,
                                                     JsonObject     *state,
                                                     GError        **error);

G_END_DECLS
