/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sp-figure-eis-bode.c — |Z| and phase against f, and the relative
 * residuals of a fit or a Kramers–Kronig test
 *
 * Bode: two stacked panels on one frequency axis rather than twin y axes.
 * Twin axes make the reader match each curve to its axis by colour, which
 * fails in a greyscale handout and from the back of a lecture hall; stacked
 * panels keep each quantity on its own labelled axis, and a process' |Z|
 * step sits straight above its phase peak.  The phase is drawn as −θ
 * (θ = arg Z), positive for capacitive behaviour like −Z″ on the Nyquist
 * plot — the convention of ZView's "−theta" Bode plot.
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "sp-figure-private.h"

static gboolean
usable (const SpEisSpectrum *s)
{
  return s != NULL && s->n_points > 0;
}

static double
modulus (const SpEisSpectrum *s,
         guint                i)
{
  return hypot (s->z_re_ohm[i], s->z_im_ohm[i]);
}

/* −θ in degrees. */
static double
minus_phase (const SpEisSpectrum *s,
             guint                i)
{
  return -atan2 (s->z_im_ohm[i], s->z_re_ohm[i]) * 180.0 / G_PI;
}

static void
extend (const SpEisSpectrum *s,
        double              *f_lo,
        double              *f_hi,
        double              *m_lo,
        double              *m_hi,
        double              *p_lo,
        double              *p_hi)
{
  for (guint i = 0; i < s->n_points; i++)
    {
      double m = modulus (s, i), p = minus_phase (s, i);

      if (!(s->freq_hz[i] > 0.0) || !isfinite (s->freq_hz[i]) || !(m > 0.0) || !isfinite (m))
        continue;
      *f_lo = MIN (*f_lo, s->freq_hz[i]);
      *f_hi = MAX (*f_hi, s->freq_hz[i]);
      *m_lo = MIN (*m_lo, m);
      *m_hi = MAX (*m_hi, m);
      *p_lo = MIN (*p_lo, p);
      *p_hi = MAX (*p_hi, p);
    }
}

/* A log range widened by @decades on each side; a single value gets one
 * decade around it. */
static void
log_pad (double *lo,
         double *hi,
         double  decades)
{
  if (*hi <= *lo)
    {
      *lo /= sqrt (10.0);
      *hi *= sqrt (10.0);
    }
  *lo /= pow (10.0, decades);
  *hi *= pow (10.0, decades);
}

void
sp_figure_bode_setup (SpFigureSpec       *spec,
                      const SpFigureData *data,
                      const SpPlotStyle  *style)
{
  const SpEisFigureData *eis = data->eis;
  double f_lo = INFINITY, f_hi = -INFINITY, m_lo = INFINITY, m_hi = -INFINITY;
  double p_lo = 0.0, p_hi = 0.0, pad;

  if (sp_figure_nyquist_cursor_spectrum (eis) == NULL)
    {
      sp_figure_spec_set_no_data (spec, _("No impedance spectrum"));
      return;
    }
  for (guint i = 0; i < eis->n_spectra; i++)
    if (usable (eis->spectra[i]))
      extend (eis->spectra[i], &f_lo, &f_hi, &m_lo, &m_hi, &p_lo, &p_hi);
  if (usable (eis->model))
    extend (eis->model, &f_lo, &f_hi, &m_lo, &m_hi, &p_lo, &p_hi);
  if (!(f_hi >= f_lo) || !(m_hi >= m_lo))
    {
      sp_figure_spec_set_no_data (spec, _("No impedance spectrum"));
      return;
    }
  log_pad (&f_lo, &f_hi, 0.05);
  log_pad (&m_lo, &m_hi, 0.08);
  spec->x.scale = SP_SCALE_LOG;
  spec->x.min = f_lo;
  spec->x.max = f_hi;
  spec->y.scale = SP_SCALE_LOG;
  spec->y.min = m_lo;
  spec->y.max = m_hi;
  /* The phase always shows 0°, and at least 0 … 90°'s scale when it is
   * small, so a nearly resistive spectrum does not look like a wild one. */
  pad = 0.06 * MAX (p_hi - p_lo, 10.0);
  spec->split = TRUE;
  spec->y2.scale = SP_SCALE_LINEAR;
  spec->y2.min = p_lo - pad;
  spec->y2.max = p_hi + pad;
  spec->x_label = g_strdup (_("Frequency <i>f</i>"));
  spec->x_unit = g_strdup (_("Hz"));
  spec->y_label = g_strdup (_("|<i>Z</i>|"));
  spec->y_unit = g_strdup (_("Ω"));
  spec->y2_label = g_strdup (_("−<i>θ</i>"));
  spec->y2_unit = g_strdup (_("°"));
  sp_figure_eis_spectra_legend (spec, eis, style);
}

typedef double (*BodeValue) (const SpEisSpectrum *, guint);

static void
value_path (cairo_t             *cr,
            const SpFigureSpec  *spec,
            const SpAxis        *y,
            const SpEisSpectrum *s,
            BodeValue            value)
{
  g_autofree double *v = g_new (double, s->n_points);

  for (guint i = 0; i < s->n_points; i++)
    v[i] = value (s, i);
  sp_figure_path_on (cr, &spec->x, y, s->freq_hz, v, s->n_points);
}

static void
draw_panel (cairo_t               *cr,
            const SpFigureSpec    *spec,
            const SpPlotStyle     *style,
            const SpEisFigureData *eis,
            const SpAxis          *y,
            double                 py,
            double                 ph,
            BodeValue              value)
{
  gboolean any = FALSE;

  cairo_save (cr);
  cairo_rectangle (cr, spec->px, py, spec->pw, ph);
  cairo_clip (cr);
  for (guint i = 0; i < eis->n_spectra; i++)
    any = any || usable (eis->spectra[i]);
  if (usable (eis->model))
    {
      value_path (cr, spec, y, eis->model, value);
      sp_figure_stroke (cr, any ? &style->foreground : &style->accent,
                        (any ? 1.1 : 1.8) * spec->lw, FALSE);
    }
  for (guint k = 0; k < eis->n_spectra; k++)
    {
      const SpEisSpectrum *s = eis->spectra[k];
      SpColor color;
      double r;

      if (!usable (s))
        continue;
      r = sp_figure_eis_marker_radius (spec, s->n_points);
      sp_figure_eis_series_color (style, k, &color);
      for (guint i = 0; i < s->n_points; i++)
        sp_figure_marker (cr, sp_figure_eis_series_marker (k), sp_axis_map (&spec->x, s->freq_hz[i]),
                          sp_axis_map (y, value (s, i)), r, &color, &style->background);
    }
  cairo_restore (cr);
}

/* A vertical cursor line at f through the panel(s) and its read-out. */
static void
frequency_cursor (cairo_t            *cr,
                  const SpFigureSpec *spec,
                  const SpPlotStyle  *style,
                  double              freq_hz,
                  const char         *readout)
{
  double u = sp_axis_map (&spec->x, freq_hz);
  double tw, th, x;

  if (!(freq_hz > MIN (spec->x.min, spec->x.max) && freq_hz < MAX (spec->x.min, spec->x.max)))
    return;
  cairo_move_to (cr, u, spec->py);
  cairo_line_to (cr, u, spec->py + spec->ph);
  if (spec->split)
    {
      cairo_move_to (cr, u, spec->py2);
      cairo_line_to (cr, u, spec->py2 + spec->ph2);
    }
  sp_figure_stroke (cr, &style->marker, spec->lw, FALSE);
  if (readout == NULL || !sp_figure_eis_readout_fits (spec))
    return;
  sp_plot_text_measure (style, 0.9, 0, readout, -1, &tw, &th);
  x = u + 0.5 * spec->em;
  if (x + tw > spec->px + spec->pw - 0.3 * spec->em)
    x = u - 0.5 * spec->em - tw;
  x = MAX (x, spec->px + 0.3 * spec->em);
  sp_plot_text_draw (cr, style, 0.9, SP_TEXT_HALO, readout, -1, x, spec->py + 0.4 * spec->em,
                     0.0, 0.0, 0.0, &style->marker);
}

void
sp_figure_bode_draw (cairo_t            *cr,
                     const SpFigureSpec *spec,
                     const SpFigureData *data,
                     const SpPlotStyle  *style)
{
  const SpEisFigureData *eis = data->eis;

  draw_panel (cr, spec, style, eis, &spec->y, spec->py, spec->ph, modulus);
  draw_panel (cr, spec, style, eis, &spec->y2, spec->py2, spec->ph2, minus_phase);

  if (isfinite (data->cursor_freq_hz))
    {
      const SpEisSpectrum *s = sp_figure_nyquist_cursor_spectrum (eis);
      g_autofree char *f = sp_figure_eis_format_frequency (data->cursor_freq_hz);
      g_autofree char *text = NULL;
      double z_re, z_im;

      if (sp_figure_eis_spectrum_at (s, data->cursor_freq_hz, &z_re, &z_im))
        {
          g_autofree char *m = sp_figure_eis_format_si (hypot (z_re, z_im), "Ω");
          g_autofree char *p = sp_plot_format_number ("%.1f", -atan2 (z_im, z_re) * 180 / G_PI);

          text = g_strdup_printf (_("<i>f</i> = %s\n|<i>Z</i>| = %s, −<i>θ</i> = %s°"), f, m, p);
        }
      else
        text = g_strdup_printf (_("<i>f</i> = %s"), f);
      frequency_cursor (cr, spec, style, data->cursor_freq_hz, text);
    }
}

/* ---- residuals ------------------------------------------------------------- */

void
sp_figure_eis_residuals_setup (SpFigureSpec       *spec,
                               const SpFigureData *data,
                               const SpPlotStyle  *style)
{
  const SpEisFigureResiduals *r = data->eis != NULL ? data->eis->residuals : NULL;
  double f_lo = INFINITY, f_hi = -INFINITY, amax = 0.0, lim;
  SpColor band;

  if (r == NULL || r->n == 0)
    {
      sp_figure_spec_set_no_data (spec, _("No fit or Kramers–Kronig test yet"));
      return;
    }
  for (guint i = 0; i < r->n; i++)
    if (r->freq_hz[i] > 0.0 && isfinite (r->freq_hz[i]))
      {
        f_lo = MIN (f_lo, r->freq_hz[i]);
        f_hi = MAX (f_hi, r->freq_hz[i]);
        if (isfinite (r->d_re[i]))
          amax = MAX (amax, fabs (r->d_re[i]));
        if (isfinite (r->d_im[i]))
          amax = MAX (amax, fabs (r->d_im[i]));
      }
  if (!(f_hi >= f_lo))
    {
      sp_figure_spec_set_no_data (spec, _("No fit or Kramers–Kronig test yet"));
      return;
    }
  log_pad (&f_lo, &f_hi, 0.05);
  spec->x.scale = SP_SCALE_LOG;
  spec->x.min = f_lo;
  spec->x.max = f_hi;
  /* Symmetric about zero, and never narrower than ±1.5 %: the ±1 % band
   * stays in view as the yardstick. */
  lim = MAX (1.5, 1.12 * 100.0 * amax);
  spec->y.min = -lim;
  spec->y.max = lim;
  if (r->title != NULL && r->title[0] != '\0')
    {
      g_autofree char *t = g_markup_escape_text (r->title, -1);

      g_free (spec->title);
      spec->title = g_strdup_printf (_("Residuals: %s"), t);
    }
  spec->x_label = g_strdup (_("Frequency <i>f</i>"));
  spec->x_unit = g_strdup (_("Hz"));
  spec->y_label = g_strdup (_("Δ<i>Z</i> / |<i>Z</i>|"));
  spec->y_unit = g_strdup ("%");
  sp_figure_spec_add_legend_marker (spec, SP_LEGEND_MARKER_LINE, &style->accent, SP_MARKER_CIRCLE,
                                    _("real part Δ<i>Z</i>′/|<i>Z</i>|"));
  sp_figure_spec_add_legend_marker (spec, SP_LEGEND_MARKER_LINE, &style->secondary,
                                    SP_MARKER_SQUARE, _("imaginary part Δ<i>Z</i>″/|<i>Z</i>|"));
  band = style->accent;
  band.alpha = 0.14;
  {
    g_autofree char *one = g_strdup_printf (_("±%d %%"), 1);

    sp_figure_spec_add_legend (spec, SP_LEGEND_FILL, &band, one);
  }
}

static void
residual_series (cairo_t            *cr,
                 const SpFigureSpec *spec,
                 const SpPlotStyle  *style,
                 const double       *f,
                 const double       *d,
                 guint               n,
                 const SpColor      *color,
                 SpMarker            marker)
{
  g_autofree double *pct = g_new (double, n);
  double r = 0.93 * sp_figure_eis_marker_radius (spec, n);

  for (guint i = 0; i < n; i++)
    pct[i] = 100.0 * d[i];
  sp_figure_path (cr, spec, f, pct, n);
  sp_figure_stroke (cr, color, 0.7 * spec->lw, FALSE);
  for (guint i = 0; i < n; i++)
    if (isfinite (pct[i]) && f[i] > 0.0)
      sp_figure_marker (cr, marker, sp_axis_map (&spec->x, f[i]), sp_axis_map (&spec->y, pct[i]),
                        r, color, &style->background);
}

void
sp_figure_eis_residuals_draw (cairo_t            *cr,
                              const SpFigureSpec *spec,
                              const SpFigureData *data,
                              const SpPlotStyle  *style)
{
  const SpEisFigureResiduals *r = data->eis->residuals;
  SpColor band = style->accent;
  double v0 = sp_axis_map (&spec->y, 0.0);

  cairo_save (cr);
  sp_figure_clip_plot (cr, spec);
  band.alpha = 0.14;
  sp_plot_set_color (cr, &band);
  {
    double top = sp_axis_map (&spec->y, 1.0), bottom = sp_axis_map (&spec->y, -1.0);

    cairo_rectangle (cr, spec->px, top, spec->pw, bottom - top);
    cairo_fill (cr);
  }
  cairo_move_to (cr, spec->px, v0);
  cairo_line_to (cr, spec->px + spec->pw, v0);
  sp_figure_stroke (cr, &style->foreground, 0.7 * spec->lw, FALSE);
  residual_series (cr, spec, style, r->freq_hz, r->d_re, r->n, &style->accent, SP_MARKER_CIRCLE);
  residual_series (cr, spec, style, r->freq_hz, r->d_im, r->n, &style->secondary,
                   SP_MARKER_SQUARE);
  cairo_restore (cr);

  if (isfinite (data->cursor_freq_hz))
    {
      g_autofree char *f = sp_figure_eis_format_frequency (data->cursor_freq_hz);
      g_autofree char *text = NULL;
      double best = INFINITY;
      guint at = 0;

      /* The read-out gives the residuals of the nearest measured point. */
      for (guint i = 0; i < r->n; i++)
        {
          double d = fabs (log (r->freq_hz[i] / data->cursor_freq_hz));

          if (d < best)
            best = d, at = i;
        }
      if (isfinite (best))
        {
          g_autofree char *re = sp_plot_format_number ("%+.2f", 100.0 * r->d_re[at]);
          g_autofree char *im = sp_plot_format_number ("%+.2f", 100.0 * r->d_im[at]);

          text = g_strdup_printf (_("<i>f</i> = %s\nΔ<i>Z</i>′ %s %%, Δ<i>Z</i>″ %s %%"), f, re, im);
        }
      frequency_cursor (cr, spec, style, data->cursor_freq_hz, text);
    }
}
