/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sp-plot-view.h — one figure of src/plot as a widget
 *
 * The snapshot hands a Cairo node to sp_figure_draw(); nothing is computed
 * while drawing.  The style comes from the theme (css_changed), scaled in
 * presentation mode.  An info button opens the figure's explanation.  On
 * composition figures, pointer motion reports the composition under it
 * ("cursor-moved"), which the window shows on every such figure; on the
 * impedance figures the frequency under it ("frequency-moved"), on the MSD
 * and F_s figures the lag time ("time-moved"); on the MSD figure a drag
 * moves a bound of the fit window or draws a new one ("window-dragged");
 * on a figure with a lesson's marker a drag moves it ("marker-moved").
 */
#pragma once

#include <gtk/gtk.h>

#include "sp-figure.h"

G_BEGIN_DECLS

#define SP_TYPE_PLOT_VIEW (sp_plot_view_get_type ())
G_DECLARE_FINAL_TYPE (SpPlotView, sp_plot_view, SP, PLOT_VIEW, GtkWidget)

GtkWidget          *sp_plot_view_new          (SpFigureKind       kind);
SpFigureKind        sp_plot_view_get_kind     (SpPlotView        *self);
/* Whether the figure draws the simulation (the field, F, L, S, V(c̄),
 * V(t)): the one test of which figures take frames, rather than a count
 * of views. */
gboolean            sp_plot_view_shows_simulation (SpPlotView    *self);
void                sp_plot_view_set_analysis (SpPlotView        *self,
                                               SpAnalysis        *analysis);
void                sp_plot_view_set_frame    (SpPlotView        *self,
                                               SpFrame           *frame);
/* Borrowed: the owner keeps @history alive while it is set. */
void                sp_plot_view_set_history  (SpPlotView        *self,
                                               const SpChHistory *history);
/* Borrowed likewise: the driven particle's voltage trace. */
void                sp_plot_view_set_trace    (SpPlotView         *self,
                                               const SpDriveTrace *trace);
/* NAN hides the cursor. */
void                sp_plot_view_set_cursor   (SpPlotView        *self,
                                               double             c);
void                sp_plot_view_set_scale    (SpPlotView        *self,
                                               double             scale);
/* What the next snapshot draws (for tests and the exporter). */
const SpFigureData *sp_plot_view_get_data     (SpPlotView        *self);
const SpPlotStyle  *sp_plot_view_get_style    (SpPlotView        *self);
/* The number of snapshots taken so far (for the redraw benchmark). */
guint64             sp_plot_view_get_draw_count (SpPlotView      *self);
/* Microseconds spent in sp_figure_draw() so far. */
gint64              sp_plot_view_get_draw_time  (SpPlotView      *self);
/* The field's colours over c = 0 … 1 (TRUE) or the frame's own range. */
void                sp_plot_view_set_field_fixed_scale (SpPlotView *self,
                                                        gboolean    fixed);
/* The impedance figures' data (borrowed: the owner keeps it and what it
 * points to alive while it is set, and sets it again after changing it);
 * NULL draws "no data". */
void                sp_plot_view_set_eis_data (SpPlotView            *self,
                                               const SpEisFigureData *eis);
/* The linked cursor by frequency (Hz) on an impedance figure; NAN hides it. */
void                sp_plot_view_set_cursor_frequency (SpPlotView *self,
                                                       double      freq_hz);
/* The pinned comparisons to draw (referenced; NULL: none). */
void                sp_plot_view_set_pins     (SpPlotView            *self,
                                               SpPinSet              *pins);
/* A frame of the tangent-construction animation on g(c) (copied; NULL
 * ends it).  Only the view draws it: exports take the figure's data
 * without it. */
void                sp_plot_view_set_tangent_tour (SpPlotView               *self,
                                                   const SpTangentTourFrame *frame);
/* The hopping figures' data (borrowed, as the impedance figures'); NULL
 * draws "no data". */
void                sp_plot_view_set_hop_data (SpPlotView            *self,
                                               const SpHopFigureData *hop);
/* The linked cursor by lag time (ps) on the MSD and F_s figures; NAN hides it. */
void                sp_plot_view_set_cursor_time (SpPlotView *self,
                                                  double      t_ps);
/* The rate sweep's runs (referenced; NULL draws "no data"). */
void                sp_plot_view_set_rate_sweep (SpPlotView        *self,
                                                 SpRateSweepResult *result);
/* While a lesson's question is open: the quantities it asks for (bits
 * 1 << SpLessonQuantity) drawn nowhere, and a veil instead of the figure
 * (SpFigureData.concealed, .veiled); 0, FALSE shows everything again. */
void                sp_plot_view_set_concealed (SpPlotView *self,
                                                guint       quantities,
                                                gboolean    veiled);
/* A lesson's marker question on the figure (copied; NULL removes it):
 * drawn while the figure shows its quantity (sp_figure_marker_axis()),
 * on screen only.  Until its truth is set (the reveal) a press in the
 * plot area grabs it and the drag reports where it goes
 * ("marker-moved"); the owner moves it with set_marker() again. */
void                sp_plot_view_set_marker   (SpPlotView           *self,
                                               const SpFigureMarker *marker);
/* The marker set, or NULL. */
const SpFigureMarker *sp_plot_view_get_marker (SpPlotView           *self);
/* The span of @quantity this figure's axis shows (sp_figure_marker_range()
 * at its size); FALSE when it does not show @quantity or has no data. */
gboolean            sp_plot_view_marker_range (SpPlotView           *self,
                                               SpLessonQuantity      quantity,
                                               double               *min,
                                               double               *max);
/* Whether the figure has a composition axis (the linked cursor). */
gboolean            sp_figure_kind_has_composition (SpFigureKind  kind);

G_END_DECLS
