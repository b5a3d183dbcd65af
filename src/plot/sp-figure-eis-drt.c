/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sp-figure-eis-drt.c — the distribution of relaxation times γ(τ) and the
 * Arrhenius plot of conductivities
 *
 * Both carry a second x axis on top that is a function of the first: the
 * frequency f = 1/(2πτ) over the DRT's τ, the temperature over the
 * Arrhenius plot's 1000/T (sp-figure-frame.c draws it).
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "sp-figure-private.h"
#include "sp-arrhenius.h"


/* ---- DRT ---------------------------------------------------------------------- */

void
sp_figure_drt_setup (SpFigureSpec       *spec,
                     const SpFigureData *data,
                     const SpPlotStyle  *style)
{
  const SpEisFigureDrt *drt = data->eis != NULL ? data->eis->drt : NULL;
  double t_lo = INFINITY, t_hi = -INFINITY, g_hi = 0.0;

  if (drt == NULL || drt->n < 2)
    {
      sp_figure_spec_set_no_data (spec, _("No distribution of relaxation times yet"));
      return;
    }
  for (guint i = 0; i < drt->n; i++)
    if (drt->tau_s[i] > 0.0 && isfinite (drt->tau_s[i]))
      {
        t_lo = MIN (t_lo, drt->tau_s[i]);
        t_hi = MAX (t_hi, drt->tau_s[i]);
        if (isfinite (drt->gamma_ohm[i]))
          g_hi = MAX (g_hi, drt->gamma_ohm[i]);
      }
  if (!(t_hi > t_lo))
    {
      sp_figure_spec_set_no_data (spec, _("No distribution of relaxation times yet"));
      return;
    }
  spec->x.scale = SP_SCALE_LOG;
  spec->x.min = t_lo;
  spec->x.max = t_hi;
  /* Room above the highest peak for its τ and R. */
  spec->y.min = 0.0;
  spec->y.max = g_hi > 0.0 ? 1.3 * g_hi : 1.0;
  spec->top_axis = SP_TOP_AXIS_FREQUENCY;
  spec->top_label = g_strdup (_("Frequency <i>f</i> = 1/(2π<i>τ</i>) (Hz)"));
  spec->x_label = g_strdup (_("Relaxation time <i>τ</i>"));
  spec->x_unit = g_strdup (_("s"));
  spec->y_label = g_strdup (_("<i>γ</i>"));
  spec->y_unit = g_strdup (_("Ω"));
}

/* γ at @tau on the grid: linear in ln τ between the neighbouring nodes. */
static double
gamma_at (const SpEisFigureDrt *drt,
          double          tau)
{
  for (guint i = 0; i + 1 < drt->n; i++)
    {
      double a = drt->tau_s[i], b = drt->tau_s[i + 1];

      if (tau >= MIN (a, b) && tau <= MAX (a, b) && a != b)
        {
          double t = log (tau / a) / log (b / a);

          return drt->gamma_ohm[i] + t * (drt->gamma_ohm[i + 1] - drt->gamma_ohm[i]);
        }
    }
  return NAN;
}

void
sp_figure_drt_draw (cairo_t            *cr,
                    const SpFigureSpec *spec,
                    const SpFigureData *data,
                    const SpPlotStyle  *style)
{
  const SpEisFigureDrt *drt = data->eis->drt;
  SpColor fill = style->accent;
  guint n_peaks = MIN (drt->n_peaks, SP_FIGURE_MAX_ANNOTATIONS / 2);
  const SpLabelSpot spots[] = {
    { 0.0, -0.6, 0.5, 1.0 },
    { 0.5, -0.4, 0.0, 1.0 },
    { -0.5, -0.4, 1.0, 1.0 },
    { 0.6, 0.0, 0.0, 0.5 },
    { -0.6, 0.0, 1.0, 0.5 },
  };
  SpAnnotations taken;

  cairo_save (cr);
  sp_figure_clip_plot (cr, spec);
  /* The area under γ is the resistance: shade it. */
  sp_figure_path (cr, spec, drt->tau_s, drt->gamma_ohm, drt->n);
  cairo_line_to (cr, sp_axis_map (&spec->x, drt->tau_s[drt->n - 1]), sp_axis_map (&spec->y, 0.0));
  cairo_line_to (cr, sp_axis_map (&spec->x, drt->tau_s[0]), sp_axis_map (&spec->y, 0.0));
  cairo_close_path (cr);
  fill.alpha = 0.16;
  sp_plot_set_color (cr, &fill);
  cairo_fill (cr);
  sp_figure_path (cr, spec, drt->tau_s, drt->gamma_ohm, drt->n);
  sp_figure_stroke (cr, &style->accent, 1.6 * spec->lw, FALSE);
  for (guint i = 0; i < n_peaks; i++)
    sp_figure_marker (cr, SP_MARKER_DIAMOND, sp_axis_map (&spec->x, drt->peaks[i].tau_s),
                      sp_axis_map (&spec->y, gamma_at (drt, drt->peaks[i].tau_s)), 0.4 * spec->em,
                      &style->marker, &style->background);
  cairo_restore (cr);

  memset (&taken, 0, sizeof taken);
  for (guint i = 0; i < n_peaks; i++)
    sp_annotations_add_dot (&taken, sp_axis_map (&spec->x, drt->peaks[i].tau_s),
                            sp_axis_map (&spec->y, gamma_at (drt, drt->peaks[i].tau_s)),
                            0.4 * spec->em);
  for (guint i = 0; i < n_peaks; i++)
    {
      g_autofree char *t = sp_figure_eis_format_si (drt->peaks[i].tau_s, "s");
      g_autofree char *r = sp_figure_eis_format_si (drt->peaks[i].r_ohm, "Ω");
      /* The process' capacitance C = τ/R, which says what it is (bulk,
       * grain boundary, electrode: Irvine, Sinclair & West). */
      g_autofree char *c = sp_figure_eis_format_si (drt->peaks[i].tau_s / drt->peaks[i].r_ohm, "F");
      g_autofree char *markup = g_strdup_printf (_("<i>τ</i> = %s\n<i>R</i> = %s\n<i>C</i> = %s"),
                                                 t, r, c);
      SpLabelPlacement placement;

      if (sp_figure_place_label (spec, style, 0.85, markup,
                                 sp_axis_map (&spec->x, drt->peaks[i].tau_s),
                                 sp_axis_map (&spec->y, gamma_at (drt, drt->peaks[i].tau_s)),
                                 spots, G_N_ELEMENTS (spots), &taken, &placement))
        sp_figure_draw_placed_label (cr, style, 0.85, markup, &placement, &style->foreground);
    }

  if (isfinite (data->cursor_freq_hz) && data->cursor_freq_hz > 0.0)
    {
      double tau = 1.0 / (2 * G_PI * data->cursor_freq_hz);

      if (tau > spec->x.min && tau < spec->x.max)
        {
          double u = sp_axis_map (&spec->x, tau), tw, x;
          g_autofree char *f = sp_figure_eis_format_frequency (data->cursor_freq_hz);
          g_autofree char *ts = sp_figure_eis_format_si (tau, "s");
          g_autofree char *text = g_strdup_printf (_("<i>f</i> = %s\n<i>τ</i> = %s"), f, ts);

          cairo_move_to (cr, u, spec->py);
          cairo_line_to (cr, u, spec->py + spec->ph);
          sp_figure_stroke (cr, &style->marker, spec->lw, FALSE);
          if (!sp_figure_eis_readout_fits (spec))
            return;
          sp_plot_text_measure (style, 0.9, 0, text, -1, &tw, NULL);
          x = u + 0.5 * spec->em;
          if (x + tw > spec->px + spec->pw - 0.3 * spec->em)
            x = u - 0.5 * spec->em - tw;
          sp_plot_text_draw (cr, style, 0.9, SP_TEXT_HALO, text, -1,
                             MAX (x, spec->px + 0.3 * spec->em), spec->py + 0.4 * spec->em,
                             0.0, 0.0, 0.0, &style->marker);
        }
    }
}

/* ---- Arrhenius ------------------------------------------------------------------ */

/* σT or σ, per the form. */
static double
arrhenius_y (const SpEisFigureData *eis,
             double                 sigma,
             double                 temperature_k)
{
  return eis->arrhenius_form == SP_EIS_FIGURE_SIGMA_T ? sigma * temperature_k : sigma;
}

static gboolean
point_usable (const SpEisFigureArrhenius *s,
              guint                       i)
{
  return s->temperature_k[i] > 0.0 && isfinite (s->temperature_k[i])
         && s->sigma_s_cm[i] > 0.0 && isfinite (s->sigma_s_cm[i]);
}

void
sp_figure_arrhenius_setup (SpFigureSpec       *spec,
                           const SpFigureData *data,
                           const SpPlotStyle  *style)
{
  const SpEisFigureData *eis = data->eis;
  double x_lo = INFINITY, x_hi = -INFINITY, y_lo = INFINITY, y_hi = -INFINITY, pad;

  if (eis == NULL || eis->n_arrhenius == 0)
    {
      sp_figure_spec_set_no_data (spec, _("No spectra at several temperatures yet"));
      return;
    }
  for (guint k = 0; k < eis->n_arrhenius; k++)
    {
      const SpEisFigureArrhenius *s = &eis->arrhenius[k];

      for (guint i = 0; i < s->n; i++)
        if (point_usable (s, i))
          {
            double t = s->temperature_k[i], err = s->sigma_err_s_cm ? s->sigma_err_s_cm[i] : 0.0;
            double hi = arrhenius_y (eis, s->sigma_s_cm[i] + (isfinite (err) ? fabs (err) : 0.0), t);
            double lo = arrhenius_y (eis, s->sigma_s_cm[i] - (isfinite (err) ? fabs (err) : 0.0), t);

            x_lo = MIN (x_lo, 1000.0 / t);
            x_hi = MAX (x_hi, 1000.0 / t);
            y_hi = MAX (y_hi, hi);
            /* An error bar reaching zero is cut at the point's half. */
            y_lo = MIN (y_lo, lo > 0.0 ? lo : 0.5 * arrhenius_y (eis, s->sigma_s_cm[i], t));
          }
    }
  if (!(x_hi >= x_lo) || !(y_hi >= y_lo))
    {
      sp_figure_spec_set_no_data (spec, _("No spectra at several temperatures yet"));
      return;
    }
  pad = 0.06 * MAX (x_hi - x_lo, 0.2);
  spec->x.min = MAX (x_lo - pad, 0.5 * x_lo);
  spec->x.max = x_hi + pad;
  spec->y.scale = SP_SCALE_LOG;
  spec->y.min = y_lo / pow (10.0, 0.15);
  spec->y.max = y_hi * pow (10.0, 0.15);
  spec->top_axis = eis->arrhenius_kelvin ? SP_TOP_AXIS_KELVIN : SP_TOP_AXIS_CELSIUS;
  spec->top_label = g_strdup (eis->arrhenius_kelvin ? _("Temperature <i>T</i> (K)")
                                                    : _("Temperature <i>T</i> (°C)"));
  spec->x_label = g_strdup (_("1000/<i>T</i>"));
  spec->x_unit = g_strdup (_("K⁻¹"));
  if (eis->arrhenius_form == SP_EIS_FIGURE_SIGMA_T)
    {
      spec->y_label = g_strdup (_("<i>σT</i>"));
      spec->y_unit = g_strdup (_("S K cm⁻¹"));
    }
  else
    {
      spec->y_label = g_strdup (_("<i>σ</i>"));
      spec->y_unit = g_strdup (_("S cm⁻¹"));
    }
  for (guint k = 0; k < MIN (eis->n_arrhenius, SP_FIGURE_MAX_LEGEND); k++)
    {
      const SpEisFigureArrhenius *s = &eis->arrhenius[k];
      g_autofree char *name = g_markup_escape_text (s->label != NULL ? s->label : "", -1);
      g_autofree char *label = NULL;
      SpColor color;

      if (isfinite (s->ea_ev) && isfinite (s->ea_err_ev))
        {
          g_autofree char *ea = sp_plot_format_number ("%.3f", s->ea_ev);
          g_autofree char *err = sp_plot_format_number ("%.3f", s->ea_err_ev);

          label = g_strdup_printf (_("%s: <i>E</i><sub>a</sub> = %s ± %s eV"), name, ea, err);
        }
      else if (isfinite (s->ea_ev))
        {
          g_autofree char *ea = sp_plot_format_number ("%.3f", s->ea_ev);

          label = g_strdup_printf (_("%s: <i>E</i><sub>a</sub> = %s eV"), name, ea);
        }
      else
        label = g_strdup (name);
      sp_figure_eis_series_color (style, k, &color);
      sp_figure_spec_add_legend_marker (spec, isfinite (s->ea_ev) ? SP_LEGEND_MARKER_LINE
                                                                  : SP_LEGEND_MARKER,
                                        &color, sp_figure_eis_series_marker (k), label);
    }
}

void
sp_figure_arrhenius_draw (cairo_t            *cr,
                          const SpFigureSpec *spec,
                          const SpFigureData *data,
                          const SpPlotStyle  *style)
{
  const SpEisFigureData *eis = data->eis;

  cairo_save (cr);
  sp_figure_clip_plot (cr, spec);
  for (guint k = 0; k < eis->n_arrhenius; k++)
    {
      const SpEisFigureArrhenius *s = &eis->arrhenius[k];
      SpColor color;

      sp_figure_eis_series_color (style, k, &color);
      /* The fitted line: log y is linear in 1000/T, so two points draw it
       * exactly: y = A exp(−E_a (1000/T)/(1000 k_B)). */
      if (isfinite (s->ea_ev) && s->prefactor > 0.0 && isfinite (s->prefactor))
        {
          double x[2] = { spec->x.min, spec->x.max }, y[2];

          for (int j = 0; j < 2; j++)
            y[j] = s->prefactor * exp (-s->ea_ev * x[j] / (1000.0 * SP_BOLTZMANN_EV_PER_K));
          sp_figure_path (cr, spec, x, y, 2);
          sp_figure_stroke (cr, &color, 1.3 * spec->lw, FALSE);
        }
      for (guint i = 0; i < s->n; i++)
        {
          double t, u, v, err;

          if (!point_usable (s, i))
            continue;
          t = s->temperature_k[i];
          u = sp_axis_map (&spec->x, 1000.0 / t);
          v = sp_axis_map (&spec->y, arrhenius_y (eis, s->sigma_s_cm[i], t));
          err = s->sigma_err_s_cm != NULL ? fabs (s->sigma_err_s_cm[i]) : 0.0;
          if (err > 0.0 && isfinite (err))
            {
              double lo = s->sigma_s_cm[i] - err;
              double v_hi = sp_axis_map (&spec->y, arrhenius_y (eis, s->sigma_s_cm[i] + err, t));
              double v_lo = lo > 0.0 ? sp_axis_map (&spec->y, arrhenius_y (eis, lo, t))
                                     : spec->py + spec->ph;
              double cap = 0.3 * spec->em;

              cairo_move_to (cr, u, v_lo);
              cairo_line_to (cr, u, v_hi);
              cairo_move_to (cr, u - cap, v_hi);
              cairo_line_to (cr, u + cap, v_hi);
              if (lo > 0.0)
                {
                  cairo_move_to (cr, u - cap, v_lo);
                  cairo_line_to (cr, u + cap, v_lo);
                }
              sp_figure_stroke (cr, &color, 0.8 * spec->lw, FALSE);
            }
          sp_figure_marker (cr, sp_figure_eis_series_marker (k), u, v, 0.34 * spec->em, &color,
                            &style->background);
        }
    }
  cairo_restore (cr);
}
