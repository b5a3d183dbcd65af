/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sp-figure-rate-sweep.c — contrast and voltage gap against C-rate
 *
 * Two stacked panels on one logarithmic C-rate axis (as the Bode plot:
 * each quantity on its own labelled axis, readable in greyscale): above,
 * the field's contrast max c − min c when the fill passes c̄ = ½, with the
 * threshold (half the miscibility gap) that separates “split into two
 * phases” from “filled as a solid solution”; below, the voltage gap
 * between charge and discharge at c̄ = ½ in mV.  A solid vertical line
 * marks the critical rate the runs bracket, a dashed one the
 * linear-stability estimate (sp-rate-sweep.h).
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "sp-figure-private.h"

static gboolean
has_points (const SpRateSweepResult *r)
{
  return r != NULL && r->n_points > 0;
}

void
sp_figure_rate_sweep_setup (SpFigureSpec       *spec,
                            const SpFigureData *data,
                            const SpPlotStyle  *style)
{
  const SpRateSweepResult *r = data->rate_sweep;
  double x_lo = INFINITY, x_hi = -INFINITY, c_hi = 0.0, g_lo = 0.0, g_hi = 0.0;
  const double marks[] = { r != NULL ? r->critical_c_rate : NAN,
                           r != NULL ? r->estimate.critical_c_rate : NAN };

  if (!has_points (r))
    {
      sp_figure_spec_set_no_data (spec, _("No rate sweep yet"));
      return;
    }
  for (guint i = 0; i < r->n_points; i++)
    {
      const SpRateSweepPoint *p = &r->points[i];

      x_lo = MIN (x_lo, p->c_rate);
      x_hi = MAX (x_hi, p->c_rate);
      if (isfinite (p->contrast))
        c_hi = MAX (c_hi, p->contrast);
      if (isfinite (p->voltage_gap))
        {
          g_lo = MIN (g_lo, 1000.0 * p->voltage_gap);
          g_hi = MAX (g_hi, 1000.0 * p->voltage_gap);
        }
    }
  /* Both marks stay in view when they lie within a decade of the runs. */
  for (guint i = 0; i < G_N_ELEMENTS (marks); i++)
    if (isfinite (marks[i]) && marks[i] > x_lo / 10.0 && marks[i] < x_hi * 10.0)
      {
        x_lo = MIN (x_lo, marks[i]);
        x_hi = MAX (x_hi, marks[i]);
      }
  if (x_hi <= x_lo)
    {
      x_lo /= sqrt (10.0);
      x_hi *= sqrt (10.0);
    }
  spec->x.scale = SP_SCALE_LOG;
  spec->x.min = x_lo / pow (10.0, 0.15);
  spec->x.max = x_hi * pow (10.0, 0.15);
  if (isfinite (r->c_beta - r->c_alpha))
    c_hi = MAX (c_hi, r->c_beta - r->c_alpha);
  spec->y.min = 0.0;
  spec->y.max = 1.08 * MAX (c_hi, 0.05);
  spec->split = TRUE;
  spec->y2.scale = SP_SCALE_LINEAR;
  spec->y2.min = g_lo < 0 ? 1.08 * g_lo : 0.0;
  spec->y2.max = 1.08 * MAX (g_hi, 1.0);

  spec->x_label = g_strdup (_("C-rate"));
  spec->x_unit = g_strdup (_("1/h"));
  spec->y_label = g_strdup (_("Contrast at <i>c̄</i> = ½"));
  spec->y_label_short = g_strdup (_("Contrast"));
  spec->y2_label = g_strdup (_("Voltage gap"));
  spec->y2_unit = g_strdup (_("mV"));

  sp_figure_spec_add_legend_marker (spec, SP_LEGEND_MARKER_LINE, &style->accent, SP_MARKER_CIRCLE,
                                    _("contrast max <i>c</i> − min <i>c</i>"));
  sp_figure_spec_add_legend_marker (spec, SP_LEGEND_MARKER_LINE, &style->secondary,
                                    SP_MARKER_SQUARE, _("charge − discharge voltage"));
  if (isfinite (r->estimate.threshold))
    sp_figure_spec_add_legend (spec, SP_LEGEND_DASHED, &style->foreground,
                               _("half the miscibility gap"));
  if (isfinite (r->critical_c_rate))
    sp_figure_spec_add_legend (spec, SP_LEGEND_LINE, &style->marker, _("critical rate (runs)"));
  if (isfinite (r->estimate.critical_c_rate))
    sp_figure_spec_add_legend (spec, SP_LEGEND_DASHED, &style->tangent,
                               _("linear-stability estimate"));
}

/* The series as markers joined by a line, in one panel. */
static void
series (cairo_t                 *cr,
        const SpFigureSpec      *spec,
        const SpPlotStyle       *style,
        const SpAxis            *y,
        const SpRateSweepResult *r,
        gboolean                 gap,
        const SpColor           *color,
        SpMarker                 marker)
{
  g_autofree double *rate = g_new (double, r->n_points);
  g_autofree double *v = g_new (double, r->n_points);
  double radius = 0.32 * spec->em;

  for (guint i = 0; i < r->n_points; i++)
    {
      rate[i] = r->points[i].c_rate;
      v[i] = gap ? 1000.0 * r->points[i].voltage_gap : r->points[i].contrast;
    }
  sp_figure_path_on (cr, &spec->x, y, rate, v, r->n_points);
  sp_figure_stroke (cr, color, 1.2 * spec->lw, FALSE);
  for (guint i = 0; i < r->n_points; i++)
    if (isfinite (v[i]))
      sp_figure_marker (cr, marker, sp_axis_map (&spec->x, rate[i]), sp_axis_map (y, v[i]),
                        radius, color, &style->background);
}

/* A vertical line at @c_rate through both panels. */
static void
rate_line (cairo_t            *cr,
           const SpFigureSpec *spec,
           double              c_rate,
           const SpColor      *color,
           gboolean            dashed)
{
  double u;

  if (!(c_rate > spec->x.min && c_rate < spec->x.max))
    return;
  u = sp_axis_map (&spec->x, c_rate);
  cairo_move_to (cr, u, spec->py);
  cairo_line_to (cr, u, spec->py + spec->ph);
  cairo_move_to (cr, u, spec->py2);
  cairo_line_to (cr, u, spec->py2 + spec->ph2);
  sp_figure_stroke (cr, color, 1.3 * spec->lw, dashed);
}

void
sp_figure_rate_sweep_draw (cairo_t            *cr,
                           const SpFigureSpec *spec,
                           const SpFigureData *data,
                           const SpPlotStyle  *style)
{
  const SpRateSweepResult *r = data->rate_sweep;

  cairo_save (cr);
  cairo_rectangle (cr, spec->px, spec->py, spec->pw, spec->ph);
  cairo_rectangle (cr, spec->px, spec->py2, spec->pw, spec->ph2);
  cairo_clip (cr);
  if (isfinite (r->estimate.threshold))
    {
      double v = sp_axis_map (&spec->y, r->estimate.threshold);

      cairo_move_to (cr, spec->px, v);
      cairo_line_to (cr, spec->px + spec->pw, v);
      sp_figure_stroke (cr, &style->foreground, 0.8 * spec->lw, TRUE);
    }
  rate_line (cr, spec, r->estimate.critical_c_rate, &style->tangent, TRUE);
  rate_line (cr, spec, r->critical_c_rate, &style->marker, FALSE);
  series (cr, spec, style, &spec->y, r, FALSE, &style->accent, SP_MARKER_CIRCLE);
  series (cr, spec, style, &spec->y2, r, TRUE, &style->secondary, SP_MARKER_SQUARE);
  cairo_restore (cr);
}
