/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sp-figure-voltage.c — the voltage trace of a driven particle: V(c̄) over
 * the analysis' equilibrium OCV and homogeneous (spinodal-loop) curves,
 * and V(t)
 *
 * The point of the pair: at a low rate the trajectory runs along the flat
 * equilibrium plateau (the particle splits into two phases), at a high
 * rate along the homogeneous curve V₀ − g′(c)/e with its loop (it fills as
 * a solid solution), and charge and discharge part into a hysteresis
 * loop.  So the trace is drawn in colours that read against both
 * reference curves: discharge (insertion) red, charge (extraction) green,
 * a run at rest grey; the reference curves are thinner and lighter.
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "sp-figure-private.h"

/* The trace's colours (GNOME palette): red 3 and green 4 on light, their
 * lighter siblings on dark. */
void
sp_figure_voltage_direction_color (const SpPlotStyle *style,
                                   int                direction,
                                   SpColor           *color)
{
  if (direction > 0)
    *color = style->tangent;
  else if (direction < 0)
    *color = style->dark ? (SpColor) { 0.56, 0.94, 0.64, 1.0 }    /* #8ff0a4 */
                         : (SpColor) { 0.15, 0.64, 0.41, 1.0 };   /* #26a269 */
  else
    {
      *color = style->foreground;
      color->alpha = 0.55;
    }
}

static gboolean
trace_usable (const SpFigureData *data)
{
  return data->trace != NULL && data->trace->len >= 1;
}

static void
pad_axis (SpAxis *axis,
          double  frac)
{
  double span = axis->max - axis->min;

  if (!(span > 0.0))
    span = MAX (1e-3, 1e-3 * fabs (axis->max));
  axis->min -= frac * span;
  axis->max += frac * span;
}

/* The equilibrium OCV is flat at the plateau between the binodal
 * compositions: hidden while a lesson's question asks for either. */
static gboolean
equilibrium_shown (const SpFigureData *data)
{
  return !SP_FIGURE_CONCEALS_BINODAL (data) &&
         !sp_figure_data_conceals (data, SP_LESSON_QUANTITY_PLATEAU_VOLTAGE);
}

/* Which directions the trace has, for the legend. */
static void
trace_directions (const SpDriveTrace *trace,
                  gboolean           *inserting,
                  gboolean           *extracting,
                  gboolean           *resting)
{
  *inserting = *extracting = *resting = FALSE;
  for (guint i = 0; i < trace->len; i++)
    {
      int d = trace->points[i].direction;

      *inserting |= d > 0;
      *extracting |= d < 0;
      *resting |= d == 0;
    }
}

static void
add_trace_legend (SpFigureSpec       *spec,
                  const SpFigureData *data,
                  const SpPlotStyle  *style)
{
  gboolean inserting, extracting, resting;
  SpColor color;

  trace_directions (data->trace, &inserting, &extracting, &resting);
  if (inserting)
    {
      sp_figure_voltage_direction_color (style, 1, &color);
      sp_figure_spec_add_legend (spec, SP_LEGEND_LINE, &color, _("discharge (Li in)"));
    }
  if (extracting)
    {
      sp_figure_voltage_direction_color (style, -1, &color);
      sp_figure_spec_add_legend (spec, SP_LEGEND_LINE, &color, _("charge (Li out)"));
    }
  if (resting)
    {
      sp_figure_voltage_direction_color (style, 0, &color);
      sp_figure_spec_add_legend (spec, SP_LEGEND_LINE, &color, _("at rest"));
    }
}

/* The trace against x = c̄ (@against_time FALSE) or t, in runs of one
 * direction; each run shares its first point with the one before, so the
 * line has no gaps where the drive turns. */
static void
draw_trace (cairo_t            *cr,
            const SpFigureSpec *spec,
            const SpFigureData *data,
            const SpPlotStyle  *style,
            gboolean            against_time)
{
  const SpDriveTrace *trace = data->trace;
  guint start = 0;

  for (guint i = 1; i <= trace->len; i++)
    if (i == trace->len || trace->points[i].direction != trace->points[start].direction)
      {
        SpColor color;

        cairo_new_path (cr);
        for (guint j = start == 0 ? 0 : start - 1; j < i; j++)
          {
            const SpDrivePoint *p = &trace->points[j];
            double u = sp_axis_map (&spec->x, against_time ? p->time : p->mean_c);
            double v = sp_axis_map (&spec->y, p->voltage);

            if (j == (start == 0 ? 0 : start - 1))
              cairo_move_to (cr, u, v);
            else
              cairo_line_to (cr, u, v);
          }
        sp_figure_voltage_direction_color (style, trace->points[start].direction, &color);
        sp_figure_stroke (cr, &color, 2.0 * spec->lw, FALSE);
        start = i;
      }

  /* The particle now. */
  {
    const SpDrivePoint *last = &trace->points[trace->len - 1];
    SpColor color;

    sp_figure_voltage_direction_color (style, last->direction, &color);
    color.alpha = 1.0;
    sp_figure_dot (cr, sp_axis_map (&spec->x, against_time ? last->time : last->mean_c),
                   sp_axis_map (&spec->y, last->voltage), 0.32 * spec->em, &color,
                   &style->background);
  }
}

/* The cut-off voltages of the run, when it is driven. */
static gboolean
cutoffs (const SpFigureData *data,
         double             *lo,
         double             *hi)
{
  const SpDriveParams *drive;

  if (data->frame == NULL)
    return FALSE;
  drive = &data->frame->params.drive;
  if (drive->mode != SP_DRIVE_GALVANOSTATIC && drive->mode != SP_DRIVE_CYCLE)
    return FALSE;
  *lo = drive->v_lo;
  *hi = drive->v_hi;
  return isfinite (*lo) && isfinite (*hi) && *lo < *hi;
}

static void
hline (cairo_t            *cr,
       const SpFigureSpec *spec,
       double              v,
       const SpColor      *color,
       double              width,
       gboolean            dashed)
{
  double y = sp_axis_map (&spec->y, v);

  cairo_new_path (cr);
  cairo_move_to (cr, spec->px, y);
  cairo_line_to (cr, spec->px + spec->pw, y);
  sp_figure_stroke (cr, color, width, dashed);
}

/* ---- V(c̄) ------------------------------------------------------------------ */

void
sp_figure_voltage_trace_setup (SpFigureSpec       *spec,
                               const SpFigureData *data,
                               const SpPlotStyle  *style)
{
  const SpAnalysis *a = data->analysis;
  double lo = INFINITY, hi = -INFINITY;
  SpColor light;

  if (!trace_usable (data))
    {
      sp_figure_spec_set_no_data (spec, _("Choose a drive and run the simulation to see V(c̄)"));
      return;
    }
  spec->x.min = 0.0;
  spec->x.max = 1.0;
  spec->composition_x = TRUE;
  spec->x_label = g_strdup (_("Mean Li fraction <i>c̄</i>"));
  spec->y_label = g_strdup (_("Voltage <i>V</i>"));
  spec->y_label_short = g_strdup ("<i>V</i>");
  spec->y_unit = g_strdup (_("V"));

  /* The reference curves set the range (as on the OCV figure); the trace
   * widens it when its overpotential takes it outside. */
  if (a != NULL && a->n_curve >= 2)
    {
      double l1, h1, l2, h2;

      if (sp_figure_finite_range (a->ocv_homogeneous, a->n_curve, &l1, &h1))
        {
          lo = MIN (lo, l1);
          hi = MAX (hi, h1);
        }
      if (sp_figure_finite_range (a->ocv_equilibrium, a->n_curve, &l2, &h2))
        {
          lo = MIN (lo, l2);
          hi = MAX (hi, h2);
        }
    }
  for (guint i = 0; i < data->trace->len; i++)
    {
      lo = MIN (lo, data->trace->points[i].voltage);
      hi = MAX (hi, data->trace->points[i].voltage);
    }
  spec->y.min = lo;
  spec->y.max = hi;
  pad_axis (&spec->y, 0.04);

  add_trace_legend (spec, data, style);
  if (a != NULL && a->n_curve >= 2)
    {
      light = style->accent;
      light.alpha = 0.6;
      if (equilibrium_shown (data))
        sp_figure_spec_add_legend (spec, SP_LEGEND_LINE, &light, _("equilibrium"));
      light = style->secondary;
      light.alpha = 0.6;
      sp_figure_spec_add_legend (spec, SP_LEGEND_DASHED, &light, _("homogeneous"));
    }
}

void
sp_figure_voltage_trace_draw (cairo_t            *cr,
                              const SpFigureSpec *spec,
                              const SpFigureData *data,
                              const SpPlotStyle  *style)
{
  const SpAnalysis *a = data->analysis;

  cairo_save (cr);
  sp_figure_clip_plot (cr, spec);
  if (a != NULL && a->n_curve >= 2)
    {
      SpColor light = style->secondary;

      light.alpha = 0.6;
      sp_figure_path (cr, spec, a->c, a->ocv_homogeneous, a->n_curve);
      sp_figure_stroke (cr, &light, 1.2 * spec->lw, TRUE);
      light = style->accent;
      light.alpha = 0.6;
      if (equilibrium_shown (data))
        {
          sp_figure_path (cr, spec, a->c, a->ocv_equilibrium, a->n_curve);
          sp_figure_stroke (cr, &light, 1.4 * spec->lw, FALSE);
        }
    }
  draw_trace (cr, spec, data, style, FALSE);
  cairo_restore (cr);

  if (isfinite (data->cursor_c) && a != NULL && a->n_curve >= 2 && equilibrium_shown (data))
    {
      double ve = sp_figure_interpolate (a->c, a->ocv_equilibrium, a->n_curve, data->cursor_c);
      g_autofree char *cs = sp_plot_format_number ("%.3f", data->cursor_c);
      g_autofree char *es = sp_plot_format_number ("%.4f", ve);
      g_autofree char *text = g_strdup_printf ("<i>c</i> = %s\n<i>V</i><sub>eq</sub> = %s %s",
                                               cs, es, _("V"));

      sp_figure_draw_cursor (cr, spec, style, data->cursor_c, text);
    }
}

/* ---- V(t) ------------------------------------------------------------------ */

void
sp_figure_voltage_time_setup (SpFigureSpec       *spec,
                              const SpFigureData *data,
                              const SpPlotStyle  *style)
{
  const SpDriveTrace *trace = data->trace;
  double lo = INFINITY, hi = -INFINITY, v_lo, v_hi;

  if (!trace_usable (data) || trace->len < 2)
    {
      sp_figure_spec_set_no_data (spec, _("Choose a drive and run the simulation to see V(t)"));
      return;
    }
  spec->x.min = trace->points[0].time;
  spec->x.max = trace->points[trace->len - 1].time;
  for (guint i = 0; i < trace->len; i++)
    {
      lo = MIN (lo, trace->points[i].voltage);
      hi = MAX (hi, trace->points[i].voltage);
    }
  /* The plateaus stay in view, so a flat trace reads against them. */
  if (data->analysis != NULL)
    for (guint i = 0; i < data->analysis->eq.n_gaps; i++)
      {
        lo = MIN (lo, data->analysis->eq.gaps[i].voltage);
        hi = MAX (hi, data->analysis->eq.gaps[i].voltage);
      }
  if (cutoffs (data, &v_lo, &v_hi))
    {
      /* Only a cut-off the trace comes near: a far one would squash it. */
      if (v_lo > lo - 0.25 * (hi - lo + 0.01))
        lo = MIN (lo, v_lo);
      if (v_hi < hi + 0.25 * (hi - lo + 0.01))
        hi = MAX (hi, v_hi);
    }
  spec->y.min = lo;
  spec->y.max = hi;
  pad_axis (&spec->y, 0.06);
  spec->x_label = g_strdup (_("Time <i>t</i>"));
  spec->x_unit = g_strdup (_("s"));
  spec->y_label = g_strdup (_("Voltage <i>V</i>"));
  spec->y_label_short = g_strdup ("<i>V</i>");
  spec->y_unit = g_strdup (_("V"));
  add_trace_legend (spec, data, style);
  if (data->analysis != NULL && data->analysis->eq.n_gaps > 0 &&
      !sp_figure_data_conceals (data, SP_LESSON_QUANTITY_PLATEAU_VOLTAGE))
    {
      SpColor light = style->accent;

      light.alpha = 0.6;
      sp_figure_spec_add_legend (spec, SP_LEGEND_DASHED, &light, _("plateau"));
    }
}

void
sp_figure_voltage_time_draw (cairo_t            *cr,
                             const SpFigureSpec *spec,
                             const SpFigureData *data,
                             const SpPlotStyle  *style)
{
  double v_lo, v_hi;

  cairo_save (cr);
  sp_figure_clip_plot (cr, spec);
  if (data->analysis != NULL && !sp_figure_data_conceals (data, SP_LESSON_QUANTITY_PLATEAU_VOLTAGE))
    for (guint i = 0; i < data->analysis->eq.n_gaps; i++)
      {
        SpColor light = style->accent;

        light.alpha = 0.6;
        hline (cr, spec, data->analysis->eq.gaps[i].voltage, &light, 1.2 * spec->lw, TRUE);
      }
  if (cutoffs (data, &v_lo, &v_hi))
    {
      SpColor faint = style->foreground;

      faint.alpha = 0.35;
      hline (cr, spec, v_lo, &faint, spec->lw, TRUE);
      hline (cr, spec, v_hi, &faint, spec->lw, TRUE);
    }
  draw_trace (cr, spec, data, style, TRUE);
  cairo_restore (cr);
}
