/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sp-figure-tour.c — one frame of the tangent-construction animation over
 * the g(c) figure (sp-tangent-tour.h computes where everything is)
 *
 * Drawn big for a projector: the rolling tangent across the whole plot,
 * its contact point, and once it locks, both contact points, the words
 * "common tangent" and, during the c₀ sweep, a bar split by the lever
 * rule with the two fractions in per cent.  The figure plots
 * Δg = g − K c, so the line is shifted by the same K c: a straight line
 * minus a straight line, still the tangent.
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "sp-figure-private.h"

static double
shifted_line (const SpModel            *model,
              const SpTangentTourFrame *f,
              double                    x)
{
  return sp_tangent_tour_line (f, x) - sp_figure_free_energy_shift (model, x);
}

static void
lever_bar (cairo_t            *cr,
           const SpFigureSpec *spec,
           const SpPlotStyle  *style,
           const SpTangentTourFrame *f)
{
  double w = 0.42 * spec->pw, h = 1.3 * spec->em;
  double x = spec->px + 0.5 * (spec->pw - w), y = spec->py + 0.8 * spec->em;
  double split = w * CLAMP (f->fraction_alpha, 0.0, 1.0);
  g_autofree char *pa = sp_plot_format_number ("%.0f", 100.0 * f->fraction_alpha);
  g_autofree char *pb = sp_plot_format_number ("%.0f", 100.0 * f->fraction_beta);
  /* Translators: the lever rule's phase fractions on a bar; keep %s %%. */
  g_autofree char *ta = g_strdup_printf (_("α %s %%"), pa);
  g_autofree char *tb = g_strdup_printf (_("β %s %%"), pb);
  g_autofree char *title = g_strdup (_("lever rule"));

  cairo_save (cr);
  sp_plot_set_color (cr, &style->background);
  cairo_rectangle (cr, x - 0.3 * spec->em, y - 0.3 * spec->em, w + 0.6 * spec->em,
                   h + 2.0 * spec->em);
  cairo_fill (cr);
  /* α solid, β hatched by a lighter fill: apart in greyscale too. */
  sp_plot_set_color (cr, &style->accent);
  cairo_rectangle (cr, x, y, split, h);
  cairo_fill (cr);
  sp_plot_set_color (cr, &style->tangent);
  cairo_rectangle (cr, x + split, y, w - split, h);
  cairo_fill (cr);
  cairo_set_line_width (cr, spec->lw);
  sp_plot_set_color (cr, &style->foreground);
  cairo_rectangle (cr, x, y, w, h);
  cairo_stroke (cr);
  cairo_restore (cr);
  sp_plot_text_draw (cr, style, 1.0, SP_TEXT_BOLD, ta, -1, x, y + h + 0.2 * spec->em,
                     0.0, 0.0, 0.0, &style->accent);
  sp_plot_text_draw (cr, style, 1.0, SP_TEXT_BOLD, tb, -1, x + w, y + h + 0.2 * spec->em,
                     1.0, 0.0, 0.0, &style->tangent);
  sp_plot_text_draw (cr, style, 0.85, 0, title, -1, x + 0.5 * w, y + h + 0.2 * spec->em,
                     0.5, 0.0, 0.0, &style->foreground);
}

void
sp_figure_tangent_tour_draw (cairo_t            *cr,
                             const SpFigureSpec *spec,
                             const SpFigureData *data,
                             const SpPlotStyle  *style)
{
  const SpTangentTourFrame *f = data->tangent_tour;
  const SpModel *model = &data->analysis->model;
  double x[2] = { spec->x.min, spec->x.max }, y[2];
  double r = 0.45 * spec->em;
  const SpColor *color = f->locked ? &style->tangent : &style->marker;

  y[0] = shifted_line (model, f, x[0]);
  y[1] = shifted_line (model, f, x[1]);

  cairo_save (cr);
  sp_figure_clip_plot (cr, spec);
  if (isfinite (f->sweep_c0))
    sp_figure_vline (cr, spec, f->sweep_c0, &style->marker, 2.0 * spec->lw, FALSE);
  sp_figure_path (cr, spec, x, y, 2);
  sp_figure_stroke (cr, color, (1.8 + 1.2 * f->lock) * spec->lw, FALSE);
  sp_figure_dot (cr, sp_axis_map (&spec->x, f->contact_c),
                 sp_axis_map (&spec->y, shifted_line (model, f, f->contact_c)),
                 r, color, &style->background);
  if (f->locked)
    {
      /* The second contact grows in as the tangent locks. */
      sp_figure_dot (cr, sp_axis_map (&spec->x, f->c_beta),
                     sp_axis_map (&spec->y, shifted_line (model, f, f->c_beta)),
                     r * f->lock, color, &style->background);
    }
  cairo_restore (cr);

  if (f->locked)
    {
      double cx = 0.5 * (f->c_alpha + f->c_beta);

      sp_plot_text_draw (cr, style, 1.2, SP_TEXT_HALO | SP_TEXT_BOLD, _("common tangent"), -1,
                         sp_axis_map (&spec->x, cx),
                         sp_axis_map (&spec->y, shifted_line (model, f, cx)) - 0.6 * spec->em,
                         0.5, 1.0, 0.0, &style->tangent);
    }
  if (isfinite (f->sweep_c0))
    {
      sp_plot_text_draw (cr, style, 1.1, SP_TEXT_HALO | SP_TEXT_BOLD, "<i>c</i>₀", -1,
                         sp_axis_map (&spec->x, f->sweep_c0) + 0.3 * spec->em,
                         spec->py + spec->ph - 0.3 * spec->em, 0.0, 1.0, 0.0, &style->marker);
      lever_bar (cr, spec, style, f);
    }
}
