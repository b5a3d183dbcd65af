/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sp-figure-draw.c — the drawing helpers every figure uses: polylines,
 * strokes, bands, markers, the linked cursor, and small data utilities */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "sp-figure-private.h"

/* Cairo's fixed-point coordinates overflow near ±8·10⁶; points far outside
 * the plot are clipped anyway, so clamping them changes nothing visible. */
static double
clamp_user (double u)
{
  return CLAMP (u, -1e5, 1e5);
}

void
sp_figure_path_on (cairo_t      *cr,
                   const SpAxis *x_axis,
                   const SpAxis *y_axis,
                   const double *x,
                   const double *y,
                   guint         n)
{
  gboolean pen_down = FALSE;

  for (guint i = 0; i < n; i++)
    {
      double u, v;

      if (!isfinite (x[i]) || !isfinite (y[i])
          || (x_axis->scale == SP_SCALE_LOG && x[i] <= 0)
          || (y_axis->scale == SP_SCALE_LOG && y[i] <= 0))
        {
          pen_down = FALSE;
          continue;
        }
      u = clamp_user (sp_axis_map (x_axis, x[i]));
      v = clamp_user (sp_axis_map (y_axis, y[i]));
      if (pen_down)
        cairo_line_to (cr, u, v);
      else
        cairo_move_to (cr, u, v);
      pen_down = TRUE;
    }
}

void
sp_figure_path (cairo_t            *cr,
                const SpFigureSpec *spec,
                const double       *x,
                const double       *y,
                guint               n)
{
  sp_figure_path_on (cr, &spec->x, &spec->y, x, y, n);
}

void
sp_figure_stroke (cairo_t       *cr,
                  const SpColor *color,
                  double         width,
                  gboolean       dashed)
{
  cairo_save (cr);
  sp_plot_set_color (cr, color);
  cairo_set_line_width (cr, width);
  /* Curves are dense polylines turning by small angles at every vertex:
   * a bevel looks the same as a round join there and strokes several times
   * faster in Cairo's stroker. */
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_BEVEL);
  cairo_set_line_cap (cr, dashed ? CAIRO_LINE_CAP_BUTT : CAIRO_LINE_CAP_ROUND);
  if (dashed)
    {
      double dash[] = { 4.0 * width, 2.5 * width };

      cairo_set_dash (cr, dash, 2, 0.0);
    }
  cairo_stroke (cr);
  cairo_restore (cr);
}

void
sp_figure_band_x (cairo_t            *cr,
                  const SpFigureSpec *spec,
                  double              lo,
                  double              hi,
                  const SpColor      *color)
{
  double u0 = clamp_user (sp_axis_map (&spec->x, lo));
  double u1 = clamp_user (sp_axis_map (&spec->x, hi));

  sp_plot_set_color (cr, color);
  cairo_rectangle (cr, MIN (u0, u1), spec->py, fabs (u1 - u0), spec->ph);
  cairo_fill (cr);
}

void
sp_figure_vline (cairo_t            *cr,
                 const SpFigureSpec *spec,
                 double              x,
                 const SpColor      *color,
                 double              width,
                 gboolean            dashed)
{
  double u = sp_axis_map (&spec->x, x);

  if (!isfinite (u))
    return;
  cairo_move_to (cr, u, spec->py);
  cairo_line_to (cr, u, spec->py + spec->ph);
  sp_figure_stroke (cr, color, width, dashed);
}

void
sp_figure_dot (cairo_t       *cr,
               double         ux,
               double         uy,
               double         radius,
               const SpColor *fill,
               const SpColor *ring)
{
  if (!isfinite (ux) || !isfinite (uy))
    return;
  cairo_new_sub_path (cr);
  cairo_arc (cr, ux, uy, radius, 0, 2 * G_PI);
  if (ring != NULL)
    {
      sp_plot_set_color (cr, ring);
      cairo_set_line_width (cr, 0.45 * radius);
      cairo_stroke_preserve (cr);
    }
  sp_plot_set_color (cr, fill);
  cairo_fill (cr);
}

void
sp_figure_marker (cairo_t       *cr,
                  SpMarker       marker,
                  double         ux,
                  double         uy,
                  double         radius,
                  const SpColor *fill,
                  const SpColor *ring)
{
  double r = radius;

  if (!isfinite (ux) || !isfinite (uy))
    return;
  cairo_new_sub_path (cr);
  switch (marker)
    {
    case SP_MARKER_SQUARE:
      r *= 0.88;  /* the same ink as the circle */
      cairo_rectangle (cr, ux - r, uy - r, 2 * r, 2 * r);
      break;
    case SP_MARKER_TRIANGLE:
    case SP_MARKER_TRIANGLE_DOWN:
      {
        double s = marker == SP_MARKER_TRIANGLE ? 1.0 : -1.0;

        r *= 1.25;
        cairo_move_to (cr, ux, uy - s * r);
        cairo_line_to (cr, ux + 0.866 * r, uy + s * 0.5 * r);
        cairo_line_to (cr, ux - 0.866 * r, uy + s * 0.5 * r);
        cairo_close_path (cr);
      }
      break;
    case SP_MARKER_DIAMOND:
      r *= 1.2;
      cairo_move_to (cr, ux, uy - r);
      cairo_line_to (cr, ux + 0.8 * r, uy);
      cairo_line_to (cr, ux, uy + r);
      cairo_line_to (cr, ux - 0.8 * r, uy);
      cairo_close_path (cr);
      break;
    case SP_MARKER_STAR:
      r *= 1.35;
      for (int k = 0; k < 10; k++)
        {
          double a = -G_PI / 2 + k * G_PI / 5, rr = k % 2 == 0 ? r : 0.45 * r;

          if (k == 0)
            cairo_move_to (cr, ux + rr * cos (a), uy + rr * sin (a));
          else
            cairo_line_to (cr, ux + rr * cos (a), uy + rr * sin (a));
        }
      cairo_close_path (cr);
      break;
    case SP_MARKER_PLUS:
    case SP_MARKER_CROSS:
      {
        double c = marker == SP_MARKER_CROSS ? 0.8 : 1.1;
        double a = marker == SP_MARKER_CROSS ? G_PI / 4 : 0.0;

        /* Strokes: a background ring first keeps them apart from a line. */
        for (int pass = ring != NULL ? 0 : 1; pass < 2; pass++)
          {
            for (int k = 0; k < 2; k++)
              {
                double dx = c * r * cos (a + k * G_PI / 2), dy = c * r * sin (a + k * G_PI / 2);

                cairo_move_to (cr, ux - dx, uy - dy);
                cairo_line_to (cr, ux + dx, uy + dy);
              }
            cairo_save (cr);
            sp_plot_set_color (cr, pass == 0 ? ring : fill);
            cairo_set_line_width (cr, pass == 0 ? 0.9 * r : 0.5 * r);
            cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
            cairo_stroke (cr);
            cairo_restore (cr);
          }
        return;
      }
    case SP_MARKER_CIRCLE:
    case SP_N_MARKERS:
    default:
      cairo_arc (cr, ux, uy, r, 0, 2 * G_PI);
      break;
    }
  if (ring != NULL)
    {
      sp_plot_set_color (cr, ring);
      cairo_set_line_width (cr, 0.4 * radius);
      cairo_stroke_preserve (cr);
    }
  sp_plot_set_color (cr, fill);
  cairo_fill (cr);
}

void
sp_figure_draw_cursor (cairo_t            *cr,
                       const SpFigureSpec *spec,
                       const SpPlotStyle  *style,
                       double              c,
                       const char         *readout)
{
  double u, tw;

  if (!isfinite (c) || c <= spec->x.min || c >= spec->x.max)
    return;
  u = sp_axis_map (&spec->x, c);
  cairo_save (cr);
  sp_figure_vline (cr, spec, c, &style->marker, spec->lw, FALSE);
  if (readout != NULL)
    {
      double th, x, y;

      /* Right of the line when it fits, else left of it, and never out of
       * the plot. */
      sp_plot_text_measure (style, 0.9, 0, readout, -1, &tw, &th);
      x = u + 0.5 * spec->em;
      if (x + tw > spec->px + spec->pw - 0.3 * spec->em)
        x = u - 0.5 * spec->em - tw;
      x = MAX (x, spec->px + 0.3 * spec->em);
      y = spec->readout_bottom ? spec->py + spec->ph - 0.4 * spec->em - th
                               : spec->py + 0.4 * spec->em;
      sp_plot_text_draw (cr, style, 0.9, SP_TEXT_HALO, readout, -1, x, y, 0.0, 0.0, 0.0,
                         &style->marker);
    }
  cairo_restore (cr);
}

gboolean
sp_figure_finite_range (const double *y,
                        guint         n,
                        double       *min,
                        double       *max)
{
  gboolean any = FALSE;

  *min = INFINITY;
  *max = -INFINITY;
  for (guint i = 0; i < n; i++)
    if (isfinite (y[i]))
      {
        *min = MIN (*min, y[i]);
        *max = MAX (*max, y[i]);
        any = TRUE;
      }
  return any;
}

double
sp_figure_interpolate (const double *x,
                       const double *y,
                       guint         n,
                       double        at)
{
  guint lo = 0, hi;

  if (n < 2 || !(at >= x[0] && at <= x[n - 1]))
    return NAN;
  hi = n - 1;
  while (hi - lo > 1)
    {
      guint mid = (lo + hi) / 2;

      if (x[mid] <= at)
        lo = mid;
      else
        hi = mid;
    }
  return y[lo] + (y[hi] - y[lo]) * (at - x[lo]) / (x[hi] - x[lo]);
}

gboolean
sp_figure_is_pfhub (const SpFrame *frame)
{
  return frame != NULL && frame->params.problem == SP_CH_PROBLEM_PFHUB1;
}

char *
sp_figure_format_time (const SpFrame *frame,
             double         t)
{
  g_autofree char *number = sp_format_significant (t, 4);

  if (sp_figure_is_pfhub (frame))
    return g_steal_pointer (&number);
  return g_strdup_printf (_("%s s"), number);
}
