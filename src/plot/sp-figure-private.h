/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sp-figure-private.h — what the figure modules share (not installed)
 *
 * Each figure is two functions: a setup that fills an SpFigureSpec (title,
 * axes, legend) from the data without drawing, and a draw that paints the
 * content inside the laid-out plot area.  Layout depends only on the spec,
 * the style and the size, so sp_figure_composition_at() can invert the very
 * mapping the draw used without a Cairo context.
 */
#pragma once

#include "sp-axis.h"
#include "sp-figure.h"
#include "sp-plot-text.h"

G_BEGIN_DECLS

typedef enum
{
  SP_LEGEND_LINE,
  SP_LEGEND_DASHED,
  SP_LEGEND_FILL,
  SP_LEGEND_DOT,
  SP_LEGEND_MARKER,       /* a data marker of item->marker's shape */
  SP_LEGEND_MARKER_LINE,  /* the marker on a line (markers joined) */
  SP_LEGEND_PIN,          /* a pinned curve: pin number item->marker's dashes */
} SpLegendKind;

/* Data-point markers: shapes that tell series apart in greyscale print. */
typedef enum
{
  SP_MARKER_CIRCLE,
  SP_MARKER_SQUARE,
  SP_MARKER_TRIANGLE,
  SP_MARKER_DIAMOND,
  SP_MARKER_TRIANGLE_DOWN,
  SP_MARKER_PLUS,
  SP_MARKER_CROSS,
  SP_MARKER_STAR,
  SP_N_MARKERS
} SpMarker;

/* A second x axis along the top of the plot, a function of the first. */
typedef enum
{
  SP_TOP_AXIS_NONE,
  SP_TOP_AXIS_FREQUENCY,      /* x is τ (s, log): f = 1/(2πτ) in Hz       */
  SP_TOP_AXIS_CELSIUS,        /* x is 1000/T (K⁻¹): T − 273.15 in °C      */
  SP_TOP_AXIS_KELVIN,         /* x is 1000/T (K⁻¹): T in K                */
} SpTopAxis;

typedef enum
{
  SP_LEGEND_HIDDEN,  /* no room for it at this size */
  SP_LEGEND_ABOVE,   /* in rows above the plot area */
  SP_LEGEND_INSIDE,  /* in a box in the plot area's emptiest corner */
} SpLegendPlacement;

typedef struct
{
  char         *label;   /* markup, owned */
  SpColor       color;
  SpLegendKind  kind;
  SpMarker      marker;  /* SP_LEGEND_MARKER, SP_LEGEND_MARKER_LINE */
} SpLegendItem;

/* A figure's own entries at most, and room for the pins' after them. */
#define SP_FIGURE_MAX_LEGEND 8
#define SP_FIGURE_LEGEND_CAPACITY (SP_FIGURE_MAX_LEGEND + SP_PIN_SET_MAX)

typedef struct
{
  char         *title;         /* owned */
  char         *x_label;       /* the quantity, markup, owned */
  char         *y_label;
  char         *y_label_short; /* used when y_label does not fit; may be NULL */
  char         *x_unit;        /* markup, owned; NULL: dimensionless */
  char         *y_unit;
  SpAxis        x, y;          /* ranges from setup; start/end from layout */
  gboolean      has_data;
  char         *no_data;       /* why there is nothing to show, owned */
  gboolean      equal_aspect;  /* one data unit is as long on both axes */
  /* Likewise, but by widening the shorter data range after layout, so the
   * plot keeps the whole card (Nyquist); both axes then share their tick
   * step and power of ten. */
  gboolean      equal_scale;
  /* Two panels stacked on one x axis: y in the upper (px, py, pw, ph),
   * y2 in the lower (px, py2, pw, ph2); x ticks are labelled under the
   * lower. */
  gboolean      split;
  SpAxis        y2;
  char         *y2_label, *y2_unit;   /* markup, owned */
  double        py2, ph2;
  guint         max_y2_ticks;
  SpTopAxis     top_axis;
  char         *top_label;            /* markup with its unit, owned */
  gboolean      composition_x; /* the x axis is c: the linked cursor applies */
  gboolean      readout_bottom; /* cursor read-out at the bottom of the plot */
  double        right_extra;   /* room right of the plot (colorbar), em */
  guint         n_legend;
  SpLegendItem  legend[SP_FIGURE_LEGEND_CAPACITY];
  gboolean      legend_force_above; /* input: every inset corner was full */
  SpLegendPlacement legend_placement;
  guint         legend_cols;    /* grid columns (items go row-major) */
  double        legend_size;    /* font size, em */

  /* Layout (user units). */
  double        width, height;
  double        px, py, pw, ph;     /* the plot area */
  double        em;                 /* body font size */
  double        lw;                 /* body line width */
  double        title_y;
  double        title_size;         /* em; shrinks for a long title */
  double        title_wrap;         /* wrap width, or -1 */
  double        y_label_x;          /* left edge of the rotated y label */
  double        legend_x, legend_y; /* the box (inside) or top (above) */
  double        legend_w, legend_h;
  double        caption_y;
  guint         max_x_ticks, max_y_ticks;
} SpFigureSpec;

typedef void (*SpFigureSetupFunc) (SpFigureSpec       *spec,
                                   const SpFigureData *data,
                                   const SpPlotStyle  *style);
typedef void (*SpFigureDrawFunc)  (cairo_t            *cr,
                                   const SpFigureSpec *spec,
                                   const SpFigureData *data,
                                   const SpPlotStyle  *style);

/* sp-figure-annotate.c: labels placed clear of markers and tick labels. */
typedef struct
{
  double x, y, w, h;   /* user units, y down */
} SpFigureBox;

#define SP_FIGURE_MAX_ANNOTATIONS 48   /* ≥ 2 dots + 2 labels per gap, and more */

/* What a figure has put in its plot area: markers (dots) and labels. */
typedef struct
{
  struct
  {
    SpFigureBox box;
    gboolean    label;   /* FALSE: a marker */
  } item[SP_FIGURE_MAX_ANNOTATIONS];
  guint n;
} SpAnnotations;

/* A place for a label relative to its anchor: offset in em, and which
 * point of the text's box sits there (0 left/top … 1 right/bottom). */
typedef struct
{
  double dx, dy;
  double xalign, yalign;
} SpLabelSpot;

typedef struct
{
  SpFigureBox box;     /* with the halo */
  double      x, y;    /* the text's top-left corner */
} SpLabelPlacement;

gboolean sp_figure_boxes_intersect  (const SpFigureBox *a,
                                     const SpFigureBox *b);
/* A round marker of @radius (ring included) at (x, y). */
void     sp_annotations_add_dot     (SpAnnotations     *taken,
                                     double             x,
                                     double             y,
                                     double             radius);
/* Places @markup near (x, y) at the first of @spots whose box lies in the
 * plot area clear of @taken (see the file's comment), adds its box to
 * @taken; FALSE (nothing added) when no spot is clear. */
gboolean sp_figure_place_label      (const SpFigureSpec *spec,
                                     const SpPlotStyle  *style,
                                     double              size,
                                     const char         *markup,
                                     double              x,
                                     double              y,
                                     const SpLabelSpot  *spots,
                                     guint               n_spots,
                                     SpAnnotations      *taken,
                                     SpLabelPlacement   *placement);
void     sp_figure_draw_placed_label (cairo_t                *cr,
                                      const SpPlotStyle      *style,
                                      double                  size,
                                      const char             *markup,
                                      const SpLabelPlacement *placement,
                                      const SpColor          *color);
/* The markers and labels figure @kind draws at that size (test hook;
 * figures without placed labels give none). */
void     sp_figure_annotations_compute (SpFigureKind        kind,
                                        const SpFigureData *data,
                                        const SpPlotStyle  *style,
                                        double              width,
                                        double              height,
                                        SpFigureSpec       *spec,
                                        SpAnnotations      *annotations);
/* Per figure: its markers and placed labels (the draw uses the same).
 * g(c): @binodal and @has_binodal hold 2 × SP_MAX_INTERVALS, α then β of
 * each gap. */
void     sp_figure_free_energy_annotate (const SpFigureSpec *spec,
                                         const SpFigureData *data,
                                         const SpPlotStyle  *style,
                                         SpAnnotations      *annotations,
                                         SpLabelPlacement   *binodal,
                                         gboolean           *has_binodal,
                                         SpLabelPlacement   *c0_label,
                                         gboolean           *has_c0_label);
/* Phase diagram: @tc_label and @has_tc_label hold SP_MAX_CRITICAL, one per
 * entry of the phase diagram's critical[]. */
void     sp_figure_phase_annotate   (const SpFigureSpec *spec,
                                     const SpFigureData *data,
                                     const SpPlotStyle  *style,
                                     SpAnnotations      *annotations,
                                     SpLabelPlacement   *tc_label,
                                     gboolean           *has_tc_label,
                                     SpLabelPlacement   *state_label,
                                     gboolean           *has_state_label);
void     sp_figure_diffusivity_annotate (const SpFigureSpec *spec,
                                         const SpFigureData *data,
                                         const SpPlotStyle  *style,
                                         SpAnnotations      *annotations,
                                         SpLabelPlacement   *uphill,
                                         gboolean           *has_uphill);

/* sp-figure-legend.c: the legend's placement from the sizes alone (moves
 * *top down when it goes above the plot), the corner with the least ink when
 * it goes inside (returns the covered ink pixels; @ink is an A8 image of the
 * content at @scale pixels per user unit), its rectangle, and drawing it. */
void     sp_figure_legend_layout   (SpFigureSpec       *spec,
                                    const SpPlotStyle  *style,
                                    double              plot_left,
                                    double              card_left,
                                    double              right_edge,
                                    double              height,
                                    double             *top,
                                    double              bottom);
guint    sp_figure_legend_place    (SpFigureSpec       *spec,
                                    const SpPlotStyle  *style,
                                    const guint8       *ink,
                                    int                 stride,
                                    int                 iw,
                                    int                 ih,
                                    double              scale);
/* The covered ink an inset legend may have: about one em of one curve. */
double   sp_figure_legend_ink_allowance (const SpFigureSpec *spec,
                                         const SpPlotStyle  *style,
                                         double              scale);
void     sp_figure_legend_rect     (const SpFigureSpec *spec,
                                    double             *x,
                                    double             *y,
                                    double             *w,
                                    double             *h);
void     sp_figure_legend_draw     (cairo_t            *cr,
                                    const SpFigureSpec *spec,
                                    const SpPlotStyle  *style);
/* The legend as the figure of that size draws it (test hook); returns its
 * placement.  *ink gets the covered curve pixels of the low-resolution
 * content image when inside. */
SpLegendPlacement sp_figure_legend_compute (SpFigureKind        kind,
                                            const SpFigureData *data,
                                            const SpPlotStyle  *style,
                                            double              width,
                                            double              height,
                                            SpFigureSpec       *spec,
                                            guint              *ink);

/* sp-figure-frame.c */
void     sp_figure_spec_clear      (SpFigureSpec       *spec);
void     sp_figure_spec_add_legend (SpFigureSpec       *spec,
                                    SpLegendKind        kind,
                                    const SpColor      *color,
                                    const char         *label);
void     sp_figure_spec_add_legend_marker (SpFigureSpec  *spec,
                                          SpLegendKind   kind,
                                          const SpColor *color,
                                          SpMarker       marker,
                                          const char    *label);
void     sp_figure_spec_set_no_data (SpFigureSpec      *spec,
                                     const char        *reason);
void     sp_figure_layout          (SpFigureSpec       *spec,
                                    const SpPlotStyle  *style,
                                    double              width,
                                    double              height,
                                    const char         *caption);
void     sp_figure_draw_frame      (cairo_t            *cr,
                                    const SpFigureSpec *spec,
                                    const SpPlotStyle  *style,
                                    const char         *caption);
void     sp_figure_clip_plot       (cairo_t            *cr,
                                    const SpFigureSpec *spec);
/* sp-figure-veil.c: what a figure a lesson's open question conceals
 * draws instead of its content: its title and "Predict first…". */
void     sp_figure_veil_draw       (cairo_t            *cr,
                                    double              width,
                                    double              height,
                                    SpFigureKind        kind,
                                    const SpPlotStyle  *style);
/* Whether the figure hides the gap's binodal / the spinodal (either end
 * asked gives the other away: the gap of a symmetric g is symmetric). */
#define SP_FIGURE_CONCEALS_BINODAL(data) \
  (sp_figure_data_conceals ((data), SP_LESSON_QUANTITY_BINODAL_LOW) || \
   sp_figure_data_conceals ((data), SP_LESSON_QUANTITY_BINODAL_HIGH))
#define SP_FIGURE_CONCEALS_SPINODAL(data) \
  (sp_figure_data_conceals ((data), SP_LESSON_QUANTITY_SPINODAL_LOW) || \
   sp_figure_data_conceals ((data), SP_LESSON_QUANTITY_SPINODAL_HIGH))
/* Appends a polyline through the finite points to the current path,
 * lifting the pen over the others (and over points ≤ 0 on a log axis). */
void     sp_figure_path            (cairo_t            *cr,
                                    const SpFigureSpec *spec,
                                    const double       *x,
                                    const double       *y,
                                    guint               n);
/* The same on other axes: a second panel's (spec->y2) or any. */
void     sp_figure_path_on         (cairo_t            *cr,
                                    const SpAxis       *x_axis,
                                    const SpAxis       *y_axis,
                                    const double       *x,
                                    const double       *y,
                                    guint               n);
void     sp_figure_stroke          (cairo_t            *cr,
                                    const SpColor      *color,
                                    double              width,
                                    gboolean            dashed);
/* A full-height band lo < x < hi. */
void     sp_figure_band_x          (cairo_t            *cr,
                                    const SpFigureSpec *spec,
                                    double              lo,
                                    double              hi,
                                    const SpColor      *color);
void     sp_figure_vline           (cairo_t            *cr,
                                    const SpFigureSpec *spec,
                                    double              x,
                                    const SpColor      *color,
                                    double              width,
                                    gboolean            dashed);
void     sp_figure_dot             (cairo_t            *cr,
                                    double              ux,
                                    double              uy,
                                    double              radius,
                                    const SpColor      *fill,
                                    const SpColor      *ring);
/* A data marker of @radius centred on (ux, uy): filled with @fill and
 * outlined with @ring (NULL: no outline); the plus and cross are strokes
 * in @fill. */
void     sp_figure_marker          (cairo_t            *cr,
                                    SpMarker            marker,
                                    double              ux,
                                    double              uy,
                                    double              radius,
                                    const SpColor      *fill,
                                    const SpColor      *ring);
/* The linked cursor: a vertical line at composition @c and a read-out. */
void     sp_figure_draw_cursor     (cairo_t            *cr,
                                    const SpFigureSpec *spec,
                                    const SpPlotStyle  *style,
                                    double              c,
                                    const char         *readout);
/* Min and max of the finite values of y[i] (optionally only where
 * lo ≤ x[i] ≤ hi when x is non-NULL). */
gboolean sp_figure_finite_range    (const double       *y,
                                    guint               n,
                                    double             *min,
                                    double             *max);
/* Linear interpolation of y(x) on ascending x; NAN outside. */
double   sp_figure_interpolate     (const double       *x,
                                    const double       *y,
                                    guint               n,
                                    double              at);

/* Whether @frame (may be NULL) runs PFHub's dimensionless problem. */
gboolean sp_figure_is_pfhub        (const SpFrame      *frame);
/* A time with its unit ("5963 s"; PFHub: the bare number). */
char    *sp_figure_format_time     (const SpFrame      *frame,
                                    double              t);

/* The spec (setup + layout) of one figure kind at a size. */
void     sp_figure_spec_compute    (SpFigureKind        kind,
                                    const SpFigureData *data,
                                    const SpPlotStyle  *style,
                                    double              width,
                                    double              height,
                                    SpFigureSpec       *spec);
/* The cell of panel @kind in the SP_FIGURE_ALL page of that size. */
void     sp_figure_all_cell        (SpFigureKind        kind,
                                    const SpFigureData *data,
                                    const SpPlotStyle  *style,
                                    double              width,
                                    double              height,
                                    double             *x,
                                    double             *y,
                                    double             *w,
                                    double             *h);

/* The field figure's colour range (tests check pixels against it): 0 … 1
 * when @fixed, else the frame's own. */
void     sp_figure_field_range     (const SpFrame      *frame,
                                    gboolean            fixed,
                                    double             *vmin,
                                    double             *vmax);

/* The g(c) figure's transform: g − (g(0)(1−c) + g(1)c), meV. */
double   sp_figure_free_energy_shift (const SpModel    *model,
                                      double            c);

/* Per-figure setup and draw (sp-figure-thermo.c, -kinetics.c, -sim.c). */
void sp_figure_free_energy_setup   (SpFigureSpec *, const SpFigureData *, const SpPlotStyle *);
void sp_figure_free_energy_draw    (cairo_t *, const SpFigureSpec *, const SpFigureData *, const SpPlotStyle *);
void sp_figure_ocv_setup           (SpFigureSpec *, const SpFigureData *, const SpPlotStyle *);
void sp_figure_ocv_draw            (cairo_t *, const SpFigureSpec *, const SpFigureData *, const SpPlotStyle *);
void sp_figure_phase_setup         (SpFigureSpec *, const SpFigureData *, const SpPlotStyle *);
void sp_figure_phase_draw          (cairo_t *, const SpFigureSpec *, const SpFigureData *, const SpPlotStyle *);
void sp_figure_diffusivity_setup   (SpFigureSpec *, const SpFigureData *, const SpPlotStyle *);
void sp_figure_diffusivity_draw    (cairo_t *, const SpFigureSpec *, const SpFigureData *, const SpPlotStyle *);
void sp_figure_dispersion_setup    (SpFigureSpec *, const SpFigureData *, const SpPlotStyle *);
void sp_figure_dispersion_draw     (cairo_t *, const SpFigureSpec *, const SpFigureData *, const SpPlotStyle *);
void sp_figure_field_setup         (SpFigureSpec *, const SpFigureData *, const SpPlotStyle *);
void sp_figure_field_draw          (cairo_t *, const SpFigureSpec *, const SpFigureData *, const SpPlotStyle *);
void sp_figure_energy_setup        (SpFigureSpec *, const SpFigureData *, const SpPlotStyle *);
void sp_figure_energy_draw         (cairo_t *, const SpFigureSpec *, const SpFigureData *, const SpPlotStyle *);
void sp_figure_coarsening_setup    (SpFigureSpec *, const SpFigureData *, const SpPlotStyle *);
void sp_figure_coarsening_draw     (cairo_t *, const SpFigureSpec *, const SpFigureData *, const SpPlotStyle *);
void sp_figure_structure_setup     (SpFigureSpec *, const SpFigureData *, const SpPlotStyle *);
void sp_figure_structure_draw      (cairo_t *, const SpFigureSpec *, const SpFigureData *, const SpPlotStyle *);

/* sp-figure-pins.c: pinned curves (sp-pin-set.h) as ghosts.  The axes
 * grow to hold them (after the figure's setup, before the layout), the
 * legend lists them, and they are drawn under the figure's own curves. */
void     sp_figure_pins_extend_axes (SpFigureKind        kind,
                                     SpFigureSpec       *spec,
                                     const SpFigureData *data);
void     sp_figure_pins_add_legend  (SpFigureKind        kind,
                                     SpFigureSpec       *spec,
                                     const SpFigureData *data,
                                     const SpPlotStyle  *style);
void     sp_figure_pins_draw        (cairo_t            *cr,
                                     SpFigureKind        kind,
                                     const SpFigureSpec *spec,
                                     const SpFigureData *data,
                                     const SpPlotStyle  *style);
/* How many of @pin's kept curves figure @kind draws for @data. */
guint    sp_figure_pin_n_curves     (SpFigureKind        kind,
                                     const SpFigureData *data,
                                     const SpPin        *pin);
/* Strokes the current path as pin @index draws its curve. */
void     sp_figure_pin_stroke       (cairo_t            *cr,
                                     const SpPlotStyle  *style,
                                     guint               index,
                                     double              line_width);

/* sp-figure-marker.c: a lesson's marker (data->marker) over the figure,
 * and after the reveal the true value beside it. */
void     sp_figure_marker_draw     (cairo_t            *cr,
                                    SpFigureKind        kind,
                                    const SpFigureSpec *spec,
                                    const SpFigureData *data,
                                    const SpPlotStyle  *style);

/* sp-figure-tour.c: the tangent-construction animation's frame over g(c). */
void     sp_figure_tangent_tour_draw (cairo_t            *cr,
                                      const SpFigureSpec *spec,
                                      const SpFigureData *data,
                                      const SpPlotStyle  *style);

/* sp-figure-eis*.c: the impedance page's figures. */
void sp_figure_nyquist_setup       (SpFigureSpec *, const SpFigureData *, const SpPlotStyle *);
void sp_figure_nyquist_draw        (cairo_t *, const SpFigureSpec *, const SpFigureData *, const SpPlotStyle *);
void sp_figure_bode_setup          (SpFigureSpec *, const SpFigureData *, const SpPlotStyle *);
void sp_figure_bode_draw           (cairo_t *, const SpFigureSpec *, const SpFigureData *, const SpPlotStyle *);
void sp_figure_eis_residuals_setup (SpFigureSpec *, const SpFigureData *, const SpPlotStyle *);
void sp_figure_eis_residuals_draw  (cairo_t *, const SpFigureSpec *, const SpFigureData *, const SpPlotStyle *);
void sp_figure_drt_setup           (SpFigureSpec *, const SpFigureData *, const SpPlotStyle *);
void sp_figure_drt_draw            (cairo_t *, const SpFigureSpec *, const SpFigureData *, const SpPlotStyle *);
void sp_figure_arrhenius_setup     (SpFigureSpec *, const SpFigureData *, const SpPlotStyle *);
void sp_figure_arrhenius_draw      (cairo_t *, const SpFigureSpec *, const SpFigureData *, const SpPlotStyle *);

/* Colours and markers of the i-th impedance series (a spectrum, an
 * Arrhenius line): the first in the accent colour, then a palette that
 * reads on the light and the dark background. */
void     sp_figure_eis_series_color (const SpPlotStyle  *style,
                                     guint               i,
                                     SpColor            *color);
SpMarker sp_figure_eis_series_marker (guint              i);
/* Data markers: 0.3 em, smaller for dense spectra, and never larger than
 * a 60th of the plot's short side (a thumbnail in presentation mode would
 * otherwise be all markers). */
double   sp_figure_eis_marker_radius (const SpFigureSpec *spec,
                                      guint               n_points);
/* Whether the plot area has room for a cursor's two-line read-out. */
gboolean sp_figure_eis_readout_fits (const SpFigureSpec *spec);
/* "12.3 kHz", "450 mHz", "1.00 MHz": three significant digits with an SI
 * prefix. */
char    *sp_figure_eis_format_frequency (double          freq_hz);
/* "1.2 kΩ" likewise, and "3.4 µs" for times. */
char    *sp_figure_eis_format_si   (double              value,
                                    const char         *unit);
/* The Nyquist annotations (arc apex labels) as drawn at that layout:
 * @placement and @has hold one per arc (at most SP_EIS_MAX_ARCS). */
#define SP_EIS_MAX_ARCS 8
void     sp_figure_nyquist_annotate (const SpFigureSpec *spec,
                                     const SpFigureData *data,
                                     const SpPlotStyle  *style,
                                     SpAnnotations      *annotations,
                                     char              **label_markup,
                                     SpLabelPlacement   *placement,
                                     gboolean           *has);
/* The spectrum the Nyquist cursor and hover use: the first measured one,
 * else the model; NULL when there is none. */
const SpEisSpectrum *sp_figure_nyquist_cursor_spectrum (const SpEisFigureData *eis);
/* Z at @freq_hz along @s, interpolated linearly in log f between the
 * neighbouring points; FALSE outside the spectrum's range. */
gboolean sp_figure_eis_spectrum_at (const SpEisSpectrum *s,
                                    double               freq_hz,
                                    double              *z_re,
                                    double              *z_im);
/* The legend of the Nyquist and Bode plots: each spectrum's marker and
 * name, then the model's line. */
void     sp_figure_eis_spectra_legend (SpFigureSpec          *spec,
                                       const SpEisFigureData *eis,
                                       const SpPlotStyle     *style);
/* Where the Nyquist plot draws its frequency cursor (user units); FALSE
 * when it draws none. */
gboolean sp_figure_nyquist_cursor_point (const SpFigureSpec *spec,
                                         const SpFigureData *data,
                                         double             *u,
                                         double             *v);
/* The frequency under the pointer (see sp_figure_frequency_at) once the
 * spec is laid out. */
gboolean sp_figure_eis_frequency_at (SpFigureKind        kind,
                                     const SpFigureSpec *spec,
                                     const SpFigureData *data,
                                     double              x,
                                     double              y,
                                     double             *freq_hz);

/* sp-figure-hop*.c: the hopping page's figures. */
void sp_figure_lattice_setup       (SpFigureSpec *, const SpFigureData *, const SpPlotStyle *);
void sp_figure_lattice_draw        (cairo_t *, const SpFigureSpec *, const SpFigureData *, const SpPlotStyle *);
void sp_figure_msd_setup           (SpFigureSpec *, const SpFigureData *, const SpPlotStyle *);
void sp_figure_msd_draw            (cairo_t *, const SpFigureSpec *, const SpFigureData *, const SpPlotStyle *);
void sp_figure_fs_setup            (SpFigureSpec *, const SpFigureData *, const SpPlotStyle *);
void sp_figure_fs_draw             (cairo_t *, const SpFigureSpec *, const SpFigureData *, const SpPlotStyle *);
void sp_figure_qens_setup          (SpFigureSpec *, const SpFigureData *, const SpPlotStyle *);
void sp_figure_qens_draw           (cairo_t *, const SpFigureSpec *, const SpFigureData *, const SpPlotStyle *);
void sp_figure_diffusion_arrhenius_setup (SpFigureSpec *, const SpFigureData *, const SpPlotStyle *);
void sp_figure_diffusion_arrhenius_draw  (cairo_t *, const SpFigureSpec *, const SpFigureData *, const SpPlotStyle *);
void sp_figure_finite_size_setup   (SpFigureSpec *, const SpFigureData *, const SpPlotStyle *);
void sp_figure_finite_size_draw    (cairo_t *, const SpFigureSpec *, const SpFigureData *, const SpPlotStyle *);

/* sp-figure-rate-sweep.c: the driven particle's rate sweep. */
void sp_figure_rate_sweep_setup    (SpFigureSpec *, const SpFigureData *, const SpPlotStyle *);
void sp_figure_rate_sweep_draw     (cairo_t *, const SpFigureSpec *, const SpFigureData *, const SpPlotStyle *);
/* sp-figure-voltage.c: the driven particle's voltage trace. */
void sp_figure_voltage_trace_setup (SpFigureSpec *, const SpFigureData *, const SpPlotStyle *);
void sp_figure_voltage_trace_draw  (cairo_t *, const SpFigureSpec *, const SpFigureData *, const SpPlotStyle *);
void sp_figure_voltage_time_setup  (SpFigureSpec *, const SpFigureData *, const SpPlotStyle *);
void sp_figure_voltage_time_draw   (cairo_t *, const SpFigureSpec *, const SpFigureData *, const SpPlotStyle *);
/* The trace's colour for a drive direction (+1 discharge, −1 charge, 0 at
 * rest); the tests check pixels against it. */
void sp_figure_voltage_direction_color (const SpPlotStyle *style,
                                        int                direction,
                                        SpColor           *color);

/* The i-th tracer path's colour (Okabe–Ito hues, lighter on dark). */
void     sp_figure_hop_path_color  (const SpPlotStyle  *style,
                                    guint               i,
                                    SpColor            *color);
/* "2.31 ± 0.12 eV", "(4.2 ± 0.3) × 10⁻⁶ cm²/s": two significant digits of
 * the error (three of the value without one; NAN or ≤ 0 @err: none);
 * @unit markup, may be NULL. */
char    *sp_figure_hop_format_pm   (double              value,
                                    double              err,
                                    const char         *unit);
/* A vertical error bar at u from v_lo to v_hi (user units) with caps;
 * v_lo NAN: down to the plot's bottom, uncapped (a bar reaching ≤ 0 on a
 * log axis). */
void     sp_figure_hop_error_bar   (cairo_t            *cr,
                                    const SpFigureSpec *spec,
                                    double              u,
                                    double              v_lo,
                                    double              v_hi,
                                    gboolean            cap_lo,
                                    const SpColor      *color);
/* Whether @kind has the lag time on its x axis (MSD, F_s). */
gboolean sp_figure_hop_time_axis   (SpFigureKind        kind);

G_END_DECLS
