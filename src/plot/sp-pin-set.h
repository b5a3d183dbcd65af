/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sp-pin-set.h — pinned comparisons: curves kept from earlier parameters
 *
 * "Pin" keeps what every figure plots now (the phase-separation lab's
 * analysis and the impedance page's model curve) under a label, so a
 * class sees K = 0 and K = 43 meV on the same axes: the figures draw each
 * pin as a grey ghost under the current curves, in a dash pattern and a
 * grey of its own that still tell the pins apart when printed in
 * greyscale (sp_pin_set_style()), exports draw them too, and CSV files
 * carry them as extra columns named by the label.
 *
 * A set is immutable and reference-counted (a change makes a new set), so
 * the window, its figures and an export thread can share one.
 */
#pragma once

#include <glib.h>

#include "sp-analysis.h"
#include "sp-eis-spectrum.h"
#include "sp-plot-style.h"
#include "sp-session.h"

G_BEGIN_DECLS

#define SP_PIN_SET_MAX 4

/* One curve another figure showed when the pin was made (the hopping
 * page's, the impedance page's data-mode figures', the Simulation page's
 * traces): x and y in the quantities that figure plots on its axes, so
 * the ghost is drawn as it was seen and written to CSV under @x_name and
 * @name.  @axes says what those axes held when several are possible ("D"
 * or "E" on the finite-size figure, σT or σ on the Arrhenius one): a
 * curve is drawn only on a figure whose axes hold the same. */
typedef struct
{
  char    *figure;   /* the figure's id, sp_figure_kind_to_id()            */
  char    *axes;     /* "" when the figure's axes never change meaning      */
  char    *name;     /* CSV column of y: "msd_total_a2"                     */
  char    *x_name;   /* CSV column of x: "t_ps"                             */
  gboolean points;   /* markers (data points), else a line (data or a fit)  */
  guint    n;
  double  *x;
  double  *y;
} SpPinCurve;

SpPinCurve  *sp_pin_curve_new      (const char          *figure,
                                    const char          *axes,
                                    const char          *name,
                                    const char          *x_name,
                                    gboolean             points,
                                    const double        *x,
                                    const double        *y,
                                    guint                n);
void         sp_pin_curve_free     (SpPinCurve          *curve);

typedef struct
{
  char          *label;      /* plain text, never empty                       */
  SpAnalysis    *analysis;   /* the phase-separation figures' curves, or NULL */
  SpEisSpectrum *impedance;  /* Nyquist and Bode: the curve shown, or NULL    */
  GPtrArray     *curves;     /* SpPinCurve, shared and never changed; or NULL */
} SpPin;

typedef struct _SpPinSet SpPinSet;

SpPinSet    *sp_pin_set_new        (void);
SpPinSet    *sp_pin_set_ref        (SpPinSet            *set);
void         sp_pin_set_unref      (SpPinSet            *set);
guint        sp_pin_set_get_n      (const SpPinSet      *set);   /* NULL: 0 */
const SpPin *sp_pin_set_get        (const SpPinSet      *set,
                                    guint                index);

/* A new set: @set's pins and one more at the end (@analysis referenced,
 * @impedance copied; either may be NULL).  NULL when @set is full. */
SpPinSet    *sp_pin_set_add        (const SpPinSet      *set,
                                    const char          *label,
                                    SpAnalysis          *analysis,
                                    const SpEisSpectrum *impedance);
/* The same with the other figures' curves (@curves: SpPinCurve, a
 * reference taken; NULL: none). */
SpPinSet    *sp_pin_set_add_full   (const SpPinSet      *set,
                                    const char          *label,
                                    SpAnalysis          *analysis,
                                    const SpEisSpectrum *impedance,
                                    GPtrArray           *curves);
/* A new set without pin @index, or with it renamed. */
SpPinSet    *sp_pin_set_remove     (const SpPinSet      *set,
                                    guint                index);
SpPinSet    *sp_pin_set_rename     (const SpPinSet      *set,
                                    guint                index,
                                    const char          *label);

/* The pins @session holds ("pins", checked when it was loaded): each
 * model analysed again, each impedance curve and other figure's curve
 * read back.  An empty set
 * when it holds none. */
SpPinSet    *sp_pin_set_new_from_session (const SpSession *session);

/* How pin @index is drawn: a grey between the foreground and the
 * background (lighter for later pins) and a dash pattern (long dashes,
 * dash-dot, dots, dash-dot-dot) in units of the line width. */
void         sp_pin_set_style      (const SpPlotStyle   *style,
                                    guint                index,
                                    SpColor             *color,
                                    const double       **dashes,
                                    int                 *n_dashes);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SpPinSet, sp_pin_set_unref)

G_END_DECLS
