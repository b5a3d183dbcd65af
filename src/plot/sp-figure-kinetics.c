/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sp-figure-kinetics.c — D_chem(c) and the growth-rate dispersion σ(k) */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>
#include <stdlib.h>

#include "sp-figure-private.h"

/* ---- D_chem(c) -------------------------------------------------------------- */

static int
compare_double (gconstpointer a,
                gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

/* D_chem diverges like 1/(c(1−c)) at the ends for a constant mobility and
 * stays within one decade for site blocking.  When the largest |D| exceeds
 * the median |D| thirty-fold a linear axis would flatten the interesting
 * middle, so we switch to asinh: linear within ±linthresh (a power of ten
 * at or below the median), logarithmic beyond, and say so on the axis. */
static void
diffusivity_scale (const SpAnalysis *a,
                   SpAxis           *axis)
{
  g_autofree double *mag = g_new (double, a->n_curve);
  guint n = 0;
  double median, amax = 0.0;

  for (guint i = 0; i < a->n_curve; i++)
    if (isfinite (a->dchem[i]))
      {
        mag[n++] = fabs (a->dchem[i]);
        amax = MAX (amax, fabs (a->dchem[i]));
      }
  axis->scale = SP_SCALE_LINEAR;
  if (n == 0)
    return;
  qsort (mag, n, sizeof (double), compare_double);
  median = mag[n / 2];
  if (median > 0.0 && amax > 30.0 * median)
    {
      axis->scale = SP_SCALE_ASINH;
      axis->linthresh = pow (10.0, floor (log10 (median)));
    }
}

void
sp_figure_diffusivity_setup (SpFigureSpec       *spec,
                             const SpFigureData *data,
                             const SpPlotStyle  *style)
{
  const SpAnalysis *a = data->analysis;
  double lo, hi, t0, t1, pad;

  if (a == NULL || a->n_curve < 2 || !sp_figure_finite_range (a->dchem, a->n_curve, &lo, &hi))
    {
      sp_figure_spec_set_no_data (spec, _("No analysis"));
      return;
    }
  spec->x.min = 0.0;
  spec->x.max = 1.0;
  spec->composition_x = TRUE;
  spec->x_label = g_strdup (_("Li fraction <i>c</i>"));

  diffusivity_scale (a, &spec->y);
  /* Always show zero: the sign is the point of the figure. */
  spec->y.min = MIN (lo, 0.0);
  spec->y.max = MAX (hi, 0.0);
  t0 = sp_axis_transform (&spec->y, spec->y.min);
  t1 = sp_axis_transform (&spec->y, spec->y.max);
  pad = 0.05 * (t1 - t0);
  spec->y.min = sp_axis_untransform (&spec->y, t0 - pad);
  spec->y.max = sp_axis_untransform (&spec->y, t1 + pad);
  if (spec->y.scale == SP_SCALE_ASINH)
    spec->y_label = g_strdup (_("<i>D</i><sub>chem</sub>, asinh scale"));
  else
    spec->y_label = g_strdup (_("<i>D</i><sub>chem</sub>"));
  spec->y_unit = g_strdup (_("nm²/s"));

  sp_figure_spec_add_legend (spec, SP_LEGEND_LINE, &style->accent, _("<i>D</i><sub>chem</sub>(<i>c</i>)"));
  if (a->eq.n_spinodals > 0 && !SP_FIGURE_CONCEALS_SPINODAL (data))
    sp_figure_spec_add_legend (spec, SP_LEGEND_FILL, &style->unstable_fill,
                               _("uphill diffusion (<i>D</i><sub>chem</sub> &lt; 0)"));
  sp_figure_spec_add_legend (spec, SP_LEGEND_DASHED, &style->marker, _("<i>c</i>₀"));
}

/* "uphill" in the first spinodal band, just under the zero line (where
 * D_chem < 0 is drawn), else above it; sp_figure_place_label() keeps it
 * inside the plot, off the tick labels, when zero sits near an edge. */
void
sp_figure_diffusivity_annotate (const SpFigureSpec *spec,
                                const SpFigureData *data,
                                const SpPlotStyle  *style,
                                SpAnnotations      *annotations,
                                SpLabelPlacement   *uphill,
                                gboolean           *has_uphill)
{
  const SpAnalysis *a = data->analysis;
  const SpLabelSpot spots[] = {
    { 0.0, 0.4, 0.5, 0.0 },
    { 0.0, -0.4, 0.5, 1.0 },
  };

  memset (annotations, 0, sizeof *annotations);
  *has_uphill = FALSE;
  if (a->eq.n_spinodals > 0 && !SP_FIGURE_CONCEALS_SPINODAL (data))
    {
      const SpInterval *s = &a->eq.spinodals[0];

      *has_uphill = sp_figure_place_label (spec, style, 0.9, _("uphill"),
                                           sp_axis_map (&spec->x, 0.5 * (s->lo + s->hi)),
                                           sp_axis_map (&spec->y, 0.0), spots,
                                           G_N_ELEMENTS (spots), annotations, uphill);
    }
}

void
sp_figure_diffusivity_draw (cairo_t            *cr,
                            const SpFigureSpec *spec,
                            const SpFigureData *data,
                            const SpPlotStyle  *style)
{
  const SpAnalysis *a = data->analysis;
  double v0 = sp_axis_map (&spec->y, 0.0);

  cairo_save (cr);
  sp_figure_clip_plot (cr, spec);
  /* D_chem = M g'' with M > 0: negative exactly on the spinodal intervals. */
  for (guint j = 0; !SP_FIGURE_CONCEALS_SPINODAL (data) && j < a->eq.n_spinodals; j++)
    sp_figure_band_x (cr, spec, a->eq.spinodals[j].lo, a->eq.spinodals[j].hi, &style->unstable_fill);

  cairo_move_to (cr, spec->px, v0);
  cairo_line_to (cr, spec->px + spec->pw, v0);
  sp_figure_stroke (cr, &style->foreground, 0.7 * spec->lw, FALSE);

  sp_figure_vline (cr, spec, a->model.c0, &style->marker, spec->lw, TRUE);
  sp_figure_path (cr, spec, a->c, a->dchem, a->n_curve);
  sp_figure_stroke (cr, &style->accent, 1.6 * spec->lw, FALSE);
  cairo_restore (cr);

  {
    SpAnnotations annotations;
    SpLabelPlacement uphill;
    gboolean has_uphill;

    sp_figure_diffusivity_annotate (spec, data, style, &annotations, &uphill, &has_uphill);
    if (has_uphill)
      sp_figure_draw_placed_label (cr, style, 0.9, _("uphill"), &uphill, &style->tangent);
  }

  if (isfinite (data->cursor_c))
    {
      double d = sp_figure_interpolate (a->c, a->dchem, a->n_curve, data->cursor_c);
      g_autofree char *cs = sp_plot_format_number ("%.3f", data->cursor_c);
      g_autofree char *ds = sp_format_significant (d, 3);
      g_autofree char *text = g_strdup_printf (_("<i>c</i> = %s, <i>D</i><sub>chem</sub> = %s nm²/s"),
                                               cs, ds);

      sp_figure_draw_cursor (cr, spec, style, data->cursor_c, text);
    }
}

/* ---- σ(k) ------------------------------------------------------------------------ */

void
sp_figure_dispersion_setup (SpFigureSpec       *spec,
                            const SpFigureData *data,
                            const SpPlotStyle  *style)
{
  const SpAnalysis *a = data->analysis;
  double lo, hi;

  if (a == NULL || a->n_k < 2 || !sp_figure_finite_range (a->sigma, a->n_k, &lo, &hi))
    {
      sp_figure_spec_set_no_data (spec, _("No analysis"));
      return;
    }
  spec->x.min = 0.0;
  spec->x.max = a->k[a->n_k - 1];
  spec->x_label = g_strdup (_("Wavenumber <i>k</i>"));
  spec->x_unit = g_strdup (_("nm⁻¹"));
  spec->y_label = g_strdup (_("Growth rate <i>σ</i>"));
  spec->y_label_short = g_strdup ("<i>σ</i>");
  spec->y_unit = g_strdup (_("s⁻¹"));

  if (a->dispersion.unstable)
    {
      /* The k⁴ tail plunges far below the band; clip it so the band, which
       * is what matters, fills the plot. */
      spec->y.max = 1.15 * a->dispersion.sigma_max;
      spec->y.min = MAX (lo, -1.2 * a->dispersion.sigma_max);
      sp_figure_spec_add_legend (spec, SP_LEGEND_LINE, &style->accent, _("<i>σ</i>(<i>k</i>)"));
      sp_figure_spec_add_legend (spec, SP_LEGEND_FILL, &style->unstable_fill, _("unstable band"));
      if (!sp_figure_data_conceals (data, SP_LESSON_QUANTITY_FASTEST_WAVELENGTH))
        sp_figure_spec_add_legend (spec, SP_LEGEND_DASHED, &style->marker,
                                   _("fastest mode <i>k</i>*"));
    }
  else
    {
      spec->y.min = lo;
      spec->y.max = 0.15 * fabs (lo);
      sp_figure_spec_add_legend (spec, SP_LEGEND_LINE, &style->accent, _("<i>σ</i>(<i>k</i>)"));
    }
}

void
sp_figure_dispersion_draw (cairo_t            *cr,
                           const SpFigureSpec *spec,
                           const SpFigureData *data,
                           const SpPlotStyle  *style)
{
  const SpAnalysis *a = data->analysis;
  const SpDispersion *d = &a->dispersion;
  double v0 = sp_axis_map (&spec->y, 0.0);
  /* k* gives λ* = 2π/k*: a question asking for λ* hides both. */
  gboolean star = !sp_figure_data_conceals (data, SP_LESSON_QUANTITY_FASTEST_WAVELENGTH);

  cairo_save (cr);
  sp_figure_clip_plot (cr, spec);
  if (d->unstable)
    {
      sp_figure_band_x (cr, spec, 0.0, d->k_max, &style->unstable_fill);
      if (star)
        sp_figure_vline (cr, spec, d->k_star, &style->marker, spec->lw, TRUE);
    }
  cairo_move_to (cr, spec->px, v0);
  cairo_line_to (cr, spec->px + spec->pw, v0);
  sp_figure_stroke (cr, &style->foreground, 0.7 * spec->lw, FALSE);
  sp_figure_path (cr, spec, a->k, a->sigma, a->n_k);
  sp_figure_stroke (cr, &style->accent, 1.6 * spec->lw, FALSE);
  if (d->unstable && star)
    sp_figure_dot (cr, sp_axis_map (&spec->x, d->k_star), sp_axis_map (&spec->y, d->sigma_max),
                   0.34 * spec->em, &style->marker, &style->background);
  cairo_restore (cr);

  if (d->unstable)
    {
      g_autofree char *ks = sp_format_significant (d->k_star, 4);
      g_autofree char *ls = sp_format_significant (d->lambda_star, 3);
      g_autofree char *ss = sp_format_significant (d->sigma_max, 3);
      g_autofree char *text = NULL;

      if (star)
        text = g_strdup_printf (_("<i>k</i>* = %s nm⁻¹\n<i>λ</i>* = 2π/<i>k</i>* = %s nm\n<i>σ</i><sub>max</sub> = %s s⁻¹"),
                                ks, ls, ss);
      else
        text = g_strdup_printf (_("<i>σ</i><sub>max</sub> = %s s⁻¹"), ss);

      /* Below σ = 0 and left of the band's edge nothing is drawn: room for
       * the numbers. */
      sp_plot_text_draw (cr, style, 0.9, SP_TEXT_HALO, text, -1,
                         spec->px + 0.6 * spec->em, spec->py + spec->ph - 0.5 * spec->em,
                         0.0, 1.0, 0.0, &style->foreground);
    }
  else
    sp_plot_text_draw (cr, style, 1.0, SP_TEXT_HALO,
                       _("<i>c</i>₀ lies outside the spinodal: every wave decays"), 0.6 * spec->pw,
                       spec->px + 0.6 * spec->em, spec->py + spec->ph - 0.5 * spec->em, 0.0, 1.0, 0.0,
                       &style->foreground);
}
