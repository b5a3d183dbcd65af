/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sp-figure-marker.c — a lesson's "drag the marker" question on its figure
 *
 * One mechanism for every quantity: a table says along which axis a figure
 * shows it, the quantity maps onto that axis (λ through k = 2π/λ on σ(k)),
 * and the marker is a line across the plot at that place: vertical for an
 * x quantity, horizontal for a y one.  The student's marker is dashed, in
 * the text colour (no curve of any figure has it), with a grip at the
 * plot's edge; after the reveal the true value is drawn as a solid line in
 * the colour the figures give c₀, T and k*, each with its value, so the
 * class sees how far off the guess was on the figure itself.
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "sp-figure-private.h"

SpFigureMarkerAxis
sp_figure_marker_axis (SpFigureKind     kind,
                       SpLessonQuantity quantity)
{
  switch (quantity)
    {
    case SP_LESSON_QUANTITY_BINODAL_LOW:
    case SP_LESSON_QUANTITY_BINODAL_HIGH:
      return kind == SP_FIGURE_FREE_ENERGY || kind == SP_FIGURE_OCV ||
             kind == SP_FIGURE_PHASE_DIAGRAM ? SP_FIGURE_MARKER_X : SP_FIGURE_MARKER_NONE;
    case SP_LESSON_QUANTITY_SPINODAL_LOW:
    case SP_LESSON_QUANTITY_SPINODAL_HIGH:
      /* D_chem(c) < 0 between the spinodals: its uphill region. */
      return kind == SP_FIGURE_FREE_ENERGY || kind == SP_FIGURE_OCV ||
             kind == SP_FIGURE_PHASE_DIAGRAM || kind == SP_FIGURE_DIFFUSIVITY
             ? SP_FIGURE_MARKER_X : SP_FIGURE_MARKER_NONE;
    case SP_LESSON_QUANTITY_CRITICAL_TEMPERATURE:
      return kind == SP_FIGURE_PHASE_DIAGRAM ? SP_FIGURE_MARKER_Y : SP_FIGURE_MARKER_NONE;
    case SP_LESSON_QUANTITY_PLATEAU_VOLTAGE:
      return kind == SP_FIGURE_OCV ? SP_FIGURE_MARKER_Y : SP_FIGURE_MARKER_NONE;
    case SP_LESSON_QUANTITY_FASTEST_WAVELENGTH:
      return kind == SP_FIGURE_DISPERSION ? SP_FIGURE_MARKER_X : SP_FIGURE_MARKER_NONE;
    case SP_LESSON_N_QUANTITIES:
    default:
      return SP_FIGURE_MARKER_NONE;
    }
}

char *
sp_figure_marker_figures (SpLessonQuantity quantity)
{
  GString *ids = g_string_new (NULL);

  for (guint i = 0; i < SP_N_FIGURES; i++)
    if (sp_figure_marker_axis (i, quantity) != SP_FIGURE_MARKER_NONE)
      g_string_append_printf (ids, "%s%s", ids->len > 0 ? ", " : "", sp_figure_kind_to_id (i));
  return g_string_free (ids, FALSE);
}

char *
sp_figure_marker_format (SpLessonQuantity quantity,
                         double           value)
{
  switch (quantity)
    {
    case SP_LESSON_QUANTITY_CRITICAL_TEMPERATURE:
      return g_strdup_printf ("%.0f K", value);
    case SP_LESSON_QUANTITY_PLATEAU_VOLTAGE:
      return g_strdup_printf ("%.3f V", value);
    case SP_LESSON_QUANTITY_FASTEST_WAVELENGTH:
      return g_strdup_printf ("%.1f nm", value);
    case SP_LESSON_QUANTITY_BINODAL_LOW:
    case SP_LESSON_QUANTITY_BINODAL_HIGH:
    case SP_LESSON_QUANTITY_SPINODAL_LOW:
    case SP_LESSON_QUANTITY_SPINODAL_HIGH:
    case SP_LESSON_N_QUANTITIES:
    default:
      return g_strdup_printf ("c = %.3f", value);
    }
}

/* The quantity's place on its axis, and back: λ ↔ k = 2π/λ, the others as
 * they are. */
static double
to_axis (SpLessonQuantity quantity,
         double           value)
{
  if (quantity == SP_LESSON_QUANTITY_FASTEST_WAVELENGTH)
    return value > 0.0 ? 2.0 * G_PI / value : NAN;
  return value;
}

static double
from_axis (SpLessonQuantity quantity,
           double           v)
{
  return to_axis (quantity, v);   /* 2π/(2π/λ) = λ */
}

/* The figure's plot area and axes at this size; FALSE (and nothing to
 * clear) when it does not show @quantity or has no data. */
static gboolean
marker_spec (SpFigureKind        kind,
             const SpFigureData *data,
             const SpPlotStyle  *style,
             double              width,
             double              height,
             SpLessonQuantity    quantity,
             SpFigureSpec       *spec)
{
  g_return_val_if_fail (data != NULL && style != NULL, FALSE);
  g_return_val_if_fail (kind < SP_N_FIGURES && quantity < SP_LESSON_N_QUANTITIES, FALSE);

  if (sp_figure_marker_axis (kind, quantity) == SP_FIGURE_MARKER_NONE)
    return FALSE;
  sp_figure_spec_compute (kind, data, style, width, height, spec);
  if (!spec->has_data)
    {
      sp_figure_spec_clear (spec);
      return FALSE;
    }
  return TRUE;
}

gboolean
sp_figure_marker_value_at (SpFigureKind        kind,
                           const SpFigureData *data,
                           const SpPlotStyle  *style,
                           double              width,
                           double              height,
                           SpLessonQuantity    quantity,
                           double              x,
                           double              y,
                           gboolean            clamp,
                           double             *value)
{
  SpFigureSpec spec;
  gboolean inside;
  double v;

  if (!marker_spec (kind, data, style, width, height, quantity, &spec))
    return FALSE;
  inside = x >= spec.px && x <= spec.px + spec.pw && y >= spec.py && y <= spec.py + spec.ph;
  if (clamp)
    {
      /* On σ(k) the left edge is k = 0, λ = ∞: a drag stops a pixel short. */
      double left = quantity == SP_LESSON_QUANTITY_FASTEST_WAVELENGTH ? spec.px + 1.0 : spec.px;

      x = CLAMP (x, left, spec.px + spec.pw);
      y = CLAMP (y, spec.py, spec.py + spec.ph);
      inside = TRUE;
    }
  if (sp_figure_marker_axis (kind, quantity) == SP_FIGURE_MARKER_X)
    v = from_axis (quantity, sp_axis_unmap (&spec.x, x));
  else
    v = from_axis (quantity, sp_axis_unmap (&spec.y, y));
  sp_figure_spec_clear (&spec);
  inside = inside && isfinite (v);
  if (inside && value != NULL)
    *value = v;
  return inside;
}

gboolean
sp_figure_marker_range (SpFigureKind        kind,
                        const SpFigureData *data,
                        const SpPlotStyle  *style,
                        double              width,
                        double              height,
                        SpLessonQuantity    quantity,
                        double             *min,
                        double             *max)
{
  SpFigureSpec spec;
  const SpAxis *axis;

  if (!marker_spec (kind, data, style, width, height, quantity, &spec))
    return FALSE;
  axis = sp_figure_marker_axis (kind, quantity) == SP_FIGURE_MARKER_X ? &spec.x : &spec.y;
  if (quantity == SP_LESSON_QUANTITY_FASTEST_WAVELENGTH)
    {
      /* k = 0 is λ = ∞: the slider spans the k axis' outer nine tenths,
       * where λ* lies (k* = k_c/√2 of a band the axis shows whole). */
      *min = from_axis (quantity, axis->max);
      *max = from_axis (quantity, 0.1 * axis->max);
    }
  else
    {
      *min = axis->min;
      *max = axis->max;
    }
  sp_figure_spec_clear (&spec);
  return isfinite (*min) && isfinite (*max) && *min < *max;
}

/* One marker line with its grip and its label: @side 0 puts the label at
 * the start of the line (top of a vertical one, left of a horizontal one),
 * 1 at the end, so the guess and the truth never share a corner; @other
 * is the other line's place (user units, NAN: none), whose side the label
 * avoids when it can. */
static void
marker_line (cairo_t            *cr,
             const SpFigureSpec *spec,
             const SpPlotStyle  *style,
             SpFigureMarkerAxis  axis,
             double              v,
             const SpColor      *color,
             gboolean            dashed,
             const char         *label,
             int                 side,
             double              other)
{
  double em = spec->em, tw, th;
  gboolean vertical = axis == SP_FIGURE_MARKER_X;
  double at = vertical ? sp_axis_map (&spec->x, v) : sp_axis_map (&spec->y, v);
  double lo = vertical ? spec->px : spec->py, hi = lo + (vertical ? spec->pw : spec->ph);
  double lx, ly, xalign, yalign;

  if (!isfinite (at) || at < lo - 0.5 || at > hi + 0.5)
    return;
  cairo_save (cr);
  sp_figure_clip_plot (cr, spec);
  if (vertical)
    {
      cairo_move_to (cr, at, spec->py);
      cairo_line_to (cr, at, spec->py + spec->ph);
    }
  else
    {
      cairo_move_to (cr, spec->px, at);
      cairo_line_to (cr, spec->px + spec->pw, at);
    }
  sp_figure_stroke (cr, color, 2.2 * spec->lw, dashed);
  cairo_restore (cr);
  if (dashed)   /* the grip says it can be dragged */
    sp_figure_marker (cr, SP_MARKER_DIAMOND,
                      vertical ? at : spec->px, vertical ? spec->py : at,
                      0.55 * em, color, &style->background);

  sp_plot_text_measure (style, 0.95, SP_TEXT_BOLD, label, -1, &tw, &th);
  if (vertical)
    {
      /* Right of the line when it fits and the other line is not there,
       * else left of it when that fits. */
      gboolean right_fits = at + 0.5 * em + tw <= spec->px + spec->pw - 0.3 * em;
      gboolean left_fits = at - 0.5 * em - tw >= spec->px + 0.3 * em;
      gboolean right = right_fits && !(isfinite (other) && other > at && left_fits);

      lx = right ? at + 0.5 * em : at - 0.5 * em;
      xalign = right ? 0.0 : 1.0;
      ly = side == 0 ? spec->py + 1.0 * em : spec->py + spec->ph - 0.5 * em;
      yalign = side == 0 ? 0.0 : 1.0;
    }
  else
    {
      /* Above the line when there is room and the other line is not
       * there, else under it when that fits. */
      gboolean above_fits = at - 0.3 * em - th >= spec->py;
      gboolean below_fits = at + 0.3 * em + th <= spec->py + spec->ph;
      gboolean above = above_fits && !(isfinite (other) && other < at && below_fits);

      lx = side == 0 ? spec->px + 1.0 * em : spec->px + spec->pw - 0.5 * em;
      xalign = side == 0 ? 0.0 : 1.0;
      ly = above ? at - 0.3 * em : at + 0.3 * em;
      yalign = above ? 1.0 : 0.0;
    }
  sp_plot_text_draw (cr, style, 0.95, SP_TEXT_BOLD | SP_TEXT_HALO, label, -1,
                     lx, ly, xalign, yalign, 0.0, color);
}

void
sp_figure_marker_draw (cairo_t            *cr,
                       SpFigureKind        kind,
                       const SpFigureSpec *spec,
                       const SpFigureData *data,
                       const SpPlotStyle  *style)
{
  const SpFigureMarker *m = data->marker;
  SpFigureMarkerAxis axis = sp_figure_marker_axis (kind, m->quantity);
  const SpAxis *along;
  double value_at, truth_at;

  if (axis == SP_FIGURE_MARKER_NONE)
    return;
  along = axis == SP_FIGURE_MARKER_X ? &spec->x : &spec->y;
  value_at = isfinite (m->value) ? sp_axis_map (along, to_axis (m->quantity, m->value)) : NAN;
  truth_at = isfinite (m->truth) ? sp_axis_map (along, to_axis (m->quantity, m->truth)) : NAN;
  if (isfinite (m->truth))
    {
      g_autofree char *value = sp_figure_marker_format (m->quantity, m->truth);
      /* TRANSLATORS: the true value on a figure after a marker question's reveal. */
      g_autofree char *label = g_strdup_printf (_("answer %s"), value);

      marker_line (cr, spec, style, axis, to_axis (m->quantity, m->truth), &style->marker,
                   FALSE, label, 1, value_at);
    }
  if (isfinite (m->value))
    {
      g_autofree char *value = sp_figure_marker_format (m->quantity, m->value);
      /* TRANSLATORS: the student's marker on a figure, with its value. */
      g_autofree char *label = g_strdup_printf (_("your marker %s"), value);

      marker_line (cr, spec, style, axis, to_axis (m->quantity, m->value), &style->foreground,
                   TRUE, label, 0, truth_at);
    }
}
