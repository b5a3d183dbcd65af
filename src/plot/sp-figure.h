/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sp-figure.h — one draw function per figure, shared by the window, the
 * exporter and the tests
 *
 * Cairo only, no GTK: the window calls sp_figure_draw() from a snapshot, the
 * CLI and the Export menu call it on PNG/SVG/PDF surfaces, and the tests on
 * image surfaces, so every face of the program draws the same pixels.
 * Everything a figure shows comes in SpFigureData (immutable results); no
 * physics is recomputed while drawing.
 */
#pragma once

#include <cairo.h>
#include <glib.h>

#include "sp-analysis.h"
#include "sp-ch-history.h"
#include "sp-drive-trace.h"
#include "sp-eis-figure-data.h"
#include "sp-pin-set.h"
#include "sp-tangent-tour.h"
#include "sp-hop-figure-data.h"
#include "sp-lesson.h"
#include "sp-plot-style.h"
#include "sp-frame.h"
#include "sp-rate-sweep.h"

G_BEGIN_DECLS

typedef enum
{
  SP_FIGURE_FREE_ENERGY,    /* g(c), common tangents, binodal, spinodal, c0     */
  SP_FIGURE_OCV,            /* equilibrium and homogeneous V(c), plateaus        */
  SP_FIGURE_PHASE_DIAGRAM,  /* T–c: binodal, spinodal, critical point, (c0, T)   */
  SP_FIGURE_DIFFUSIVITY,    /* D_chem(c), uphill region shaded                   */
  SP_FIGURE_DISPERSION,     /* σ(k), unstable band, k*, λ*                       */
  SP_FIGURE_FIELD,          /* the live 2D field with a colorbar                 */
  SP_FIGURE_ENERGY,         /* F(t)                                              */
  SP_FIGURE_COARSENING,     /* L(t), log–log, t^1/3 and t^1/4 guides             */
  SP_FIGURE_STRUCTURE,      /* S(k,t) over the linear-theory prediction          */
  SP_FIGURE_ALL,            /* every panel above on one page                     */
  /* The ion-transport lab's impedance page (not on the all-panels page). */
  SP_FIGURE_NYQUIST,        /* −Z″ against Z′, equal scales, arcs and apices     */
  SP_FIGURE_BODE,           /* |Z| and phase against f, two stacked panels       */
  SP_FIGURE_EIS_RESIDUALS,  /* relative residuals of a fit or Lin-KK, ±1 % band  */
  SP_FIGURE_DRT,            /* γ against τ, f on top, peaks with τ and R          */
  SP_FIGURE_ARRHENIUS,      /* σT (or σ) against 1000/T, E_a of each line        */
  /* The ion-transport lab's hopping-and-diffusion page (SpFigureData.hop). */
  SP_FIGURE_LATTICE,        /* a layer of the lattice: carriers, blocked sites, tracer paths */
  SP_FIGURE_MSD,            /* MSD log–log per direction, slope-1 guide, fit window */
  SP_FIGURE_FS,             /* F_s(Q, t) for several Q with their exp fits       */
  SP_FIGURE_QENS,           /* Γ(Q), Chudley–Elliott curve, ħDQ² line            */
  SP_FIGURE_DIFFUSION_ARRHENIUS, /* D against 1000/T, E_a ± s.e.                 */
  SP_FIGURE_FINITE_SIZE,    /* D (or E) against 1/L, extrapolated to 1/L → 0     */
  /* The driven particle's rate sweep (SpFigureData.rate_sweep). */
  SP_FIGURE_RATE_SWEEP,     /* contrast and voltage gap against C-rate           */
  /* The Simulation page's driven particle (SpFigureData.trace). */
  SP_FIGURE_VOLTAGE_TRACE,  /* V(c̄) over the equilibrium and homogeneous OCV    */
  SP_FIGURE_VOLTAGE_TIME,   /* V(t), plateaus and cut-offs                       */
  SP_N_FIGURES
} SpFigureKind;

/* A lesson's marker question on a figure (sp-figure-marker.c): where the
 * student put the marker and, after the reveal, the true value, both in
 * the quantity's own unit (c, K, V, nm). */
typedef struct
{
  SpLessonQuantity quantity;
  double           value;   /* NAN: not placed */
  double           truth;   /* NAN until the reveal */
} SpFigureMarker;

typedef struct
{
  SpAnalysis         *analysis;  /* NULL: the analysis figures draw "no data"     */
  SpFrame            *frame;     /* NULL: the simulation figures draw "no data"   */
  const SpChHistory  *history;   /* time series for F(t) and L(t); may be NULL    */
  double              cursor_c;  /* linked cursor composition; NAN for none       */
  const char         *caption;   /* drawn under the figure when non-NULL          */
  /* The field's colours over c = 0 … 1 (TRUE), the same for every frame, or
   * over the frame's own range (FALSE), which shows the noise of t = 0 at
   * full contrast. */
  gboolean            field_fixed_scale;
  /* The impedance figures' data; NULL: they draw "no data". */
  const SpEisFigureData *eis;
  /* Linked cursor by frequency (Hz) for Nyquist, Bode, residuals and DRT
   * (there at τ = 1/(2πf)); NAN for none. */
  double              cursor_freq_hz;
  /* Pinned comparisons (borrowed; NULL: none), drawn as grey ghosts on
   * the figures sp_figure_kind_takes_pins() names. */
  const SpPinSet     *pins;
  /* The tangent-construction animation's frame on g(c) (borrowed; NULL:
   * none): the window's view only, never an export (the figure already
   * shows its final state, the common tangent). */
  const SpTangentTourFrame *tangent_tour;
  /* The hopping page's figures' data; NULL: they draw "no data". */
  const SpHopFigureData *hop;
  /* Linked cursor by lag time (ps) for the MSD and F_s(Q, t); NAN for none. */
  double              cursor_time_ps;
  /* The rate sweep's runs (borrowed); NULL: the figure draws "no data". */
  const SpRateSweepResult *rate_sweep;
  /* The driven particle's voltage trace (borrowed); NULL: the voltage
   * figures draw "no data". */
  const SpDriveTrace *trace;
  /* While a lesson's question is open (the window's view only, never an
   * export): the quantities it asks for, bits 1 << SpLessonQuantity, are
   * drawn on no figure (their labels, lines and shading; either end of a
   * gap or spinodal hides both, as one gives the other away)… */
  guint               concealed;
  /* … and a figure the question names in @conceal draws a veil instead
   * of its content. */
  gboolean            veiled;
  /* A lesson's marker (borrowed; NULL: none), drawn over the figure that
   * shows its quantity (sp_figure_marker_axis()). */
  const SpFigureMarker *marker;
} SpFigureData;

/* Whether @data hides @quantity (see SpFigureData.concealed). */
gboolean     sp_figure_data_conceals    (const SpFigureData *data,
                                         SpLessonQuantity    quantity);

/* Fills @data with no analysis, no frame, no impedance or hopping data, no cursors,
 * no caption, nothing concealed and the field on its own colour range. */
void         sp_figure_data_init        (SpFigureData       *data);

/* Draws @kind into the rectangle (0, 0, @width, @height) of @cr, in user
 * units (device scale handles HiDPI).  Never fails: missing data draws a
 * labelled empty frame. */
void         sp_figure_draw             (cairo_t            *cr,
                                         double              width,
                                         double              height,
                                         SpFigureKind        kind,
                                         const SpFigureData *data,
                                         const SpPlotStyle  *style);

/* Stable identifiers for the CLI and files: "free-energy", "ocv",
 * "phase-diagram", "diffusivity", "dispersion", "field", "energy",
 * "coarsening", "structure", "all", "nyquist", "bode", "eis-residuals",
 * "drt", "arrhenius", "lattice", "msd", "fs", "qens", "diffusion-arrhenius",
 * "finite-size", "rate-sweep", "voltage-trace", "voltage-time". */
const char  *sp_figure_kind_to_id       (SpFigureKind        kind);
gboolean     sp_figure_kind_from_id     (const char         *id,
                                         SpFigureKind       *kind);
/* Whether @kind is one of the impedance page's figures (nyquist, bode,
 * eis-residuals, drt, arrhenius), which draw SpFigureData.eis. */
gboolean     sp_figure_kind_is_impedance (SpFigureKind       kind);
/* Whether @kind draws pins: g(c), OCV, phase diagram, D_chem, σ(k),
 * Nyquist and Bode, and those sp_figure_kind_pins_curves() names. */
gboolean     sp_figure_kind_takes_pins  (SpFigureKind        kind);
/* Whether a pin keeps @kind's curves themselves (SpPin.curves): MSD,
 * F_s(Q, t), Γ(Q), D against 1000/T and 1/L, DRT, Lin-KK residuals,
 * σ against 1000/T, F(t), L(t), V(c̄) and V(t) (sp-figure-pin-curves.c
 * says why not the field, the lattice, S(k, t) and the rate sweep). */
gboolean     sp_figure_kind_pins_curves (SpFigureKind        kind);
/* What @kind's axes hold for @data when that can change ("D" or "E",
 * "sigma_T" or "sigma", "pfhub"), else "": SpPinCurve.axes. */
const char  *sp_figure_pin_curves_axes  (SpFigureKind        kind,
                                         const SpFigureData *data);
/* The curves a pin keeps of @n_figures figures (@kinds[i] showing
 * @data[i]; a kind's later figures are left out), as they are plotted,
 * thinned to what a session holds: a new array of SpPinCurve. */
GPtrArray   *sp_figure_pin_curves_capture (guint                      n_figures,
                                           const SpFigureKind        *kinds,
                                           const SpFigureData *const *data);
/* Whether @kind is one of the hopping page's figures (lattice, msd, fs,
 * qens, diffusion-arrhenius, finite-size), which draw SpFigureData.hop. */
gboolean     sp_figure_kind_is_hopping  (SpFigureKind        kind);
/* Translated title and a two-or-three-sentence explanation for students. */
const char  *sp_figure_kind_title       (SpFigureKind        kind);
const char  *sp_figure_kind_explanation (SpFigureKind        kind);

/* The linked cursor: whether (x, y) in a figure of that size lies in the
 * plot area of a composition axis, and the composition there.  Figures with
 * no composition axis (σ(k), field, F, L, S) return FALSE. */
gboolean     sp_figure_composition_at   (SpFigureKind        kind,
                                         const SpFigureData *data,
                                         const SpPlotStyle  *style,
                                         double              width,
                                         double              height,
                                         double              x,
                                         double              y,
                                         double             *c);

/* The linked cursor by frequency: whether (x, y) lies in the plot area of
 * an impedance figure with a frequency there, and that frequency (Hz).
 * Bode, residuals: f under x; DRT: f = 1/(2πτ) under x; Nyquist: the
 * frequency of the nearest drawn point (the first spectrum's, or the
 * model's when there is no spectrum).  Other figures return FALSE. */
gboolean     sp_figure_frequency_at     (SpFigureKind        kind,
                                         const SpFigureData *data,
                                         const SpPlotStyle  *style,
                                         double              width,
                                         double              height,
                                         double              x,
                                         double              y,
                                         double             *freq_hz);

/* The linked cursor by time: whether (x, y) lies in the plot area of the
 * MSD or F_s(Q, t) figure (both have the lag time on a log x axis), and
 * the lag time there (ps).  The MSD page drags its fit window with it.
 * Other figures return FALSE. */
gboolean     sp_figure_time_at          (SpFigureKind        kind,
                                         const SpFigureData *data,
                                         const SpPlotStyle  *style,
                                         double              width,
                                         double              height,
                                         double              x,
                                         double              y,
                                         double             *t_ps);
/* Where the MSD figure of that size draws its fit window's bounds (x in
 * user units), for grabbing them with the pointer; FALSE when it draws
 * no window. */
gboolean     sp_figure_msd_window_x     (const SpFigureData *data,
                                         const SpPlotStyle  *style,
                                         double              width,
                                         double              height,
                                         double             *x0,
                                         double             *x1);

/* Where a figure shows a lesson quantity: a composition or the
 * wavenumber along x (a vertical marker), a temperature or a voltage
 * along y (a horizontal one), or not at all. */
typedef enum
{
  SP_FIGURE_MARKER_NONE,
  SP_FIGURE_MARKER_X,
  SP_FIGURE_MARKER_Y,
} SpFigureMarkerAxis;

/* Binodal: g(c), OCV, phase diagram; spinodal: those and D_chem(c);
 * T_c: the phase diagram's T; the plateau: the OCV's V; λ*: σ(k), whose
 * axis is k = 2π/λ. */
SpFigureMarkerAxis sp_figure_marker_axis (SpFigureKind        kind,
                                          SpLessonQuantity    quantity);
/* The figures that show @quantity, as export ids joined by ", ". */
char        *sp_figure_marker_figures   (SpLessonQuantity    quantity);
/* "c = 0.250", "512 K", "3.412 V", "12.3 nm". */
char        *sp_figure_marker_format    (SpLessonQuantity    quantity,
                                         double              value);
/* The quantity at (x, y) in a figure of that size, as the marker would be
 * dragged there: FALSE outside the plot area (or when the figure does not
 * show @quantity or has no data); with @clamp a point outside is taken to
 * the plot area's edge first (a drag that overshoots). */
gboolean     sp_figure_marker_value_at  (SpFigureKind        kind,
                                         const SpFigureData *data,
                                         const SpPlotStyle  *style,
                                         double              width,
                                         double              height,
                                         SpLessonQuantity    quantity,
                                         double              x,
                                         double              y,
                                         gboolean            clamp,
                                         double             *value);
/* The span of @quantity the figure's axis shows (for λ: from the axis'
 * largest k to a tenth of it); FALSE when it shows none. */
gboolean     sp_figure_marker_range     (SpFigureKind        kind,
                                         const SpFigureData *data,
                                         const SpPlotStyle  *style,
                                         double              width,
                                         double              height,
                                         SpLessonQuantity    quantity,
                                         double             *min,
                                         double             *max);

G_END_DECLS
