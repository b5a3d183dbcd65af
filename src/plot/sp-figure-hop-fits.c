/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sp-figure-hop-fits.c — the hopping page's fits over Q, T and L: QENS
 * linewidths Γ(Q) with the Chudley–Elliott curve and its small-Q ħDQ²
 * line, D against 1000/T with its Arrhenius line, and D (or a barrier)
 * against 1/L extrapolated to the infinite box
 *
 * Every fitted number is printed with its standard error, and every data
 * point carries its error bar when the data give one.
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "sp-figure-private.h"
#include "sp-arrhenius.h"
#include "sp-qens.h"

static double
err_at (const double *err,
        guint         i)
{
  return err != NULL && isfinite (err[i]) ? fabs (err[i]) : 0.0;
}

/* ---- QENS ------------------------------------------------------------------ */

static gboolean
qens_point (const SpHopFigureQens *q,
            guint                  i)
{
  return q->q_inv_angstrom[i] > 0.0 && isfinite (q->q_inv_angstrom[i]) && isfinite (q->gamma_mev[i]);
}

static double
chudley_elliott (const SpHopFigureQens *q,
                 double                 Q)
{
  return sp_chudley_elliott_gamma_mev (Q, q->l_angstrom, q->tau_ps);
}

static gboolean
qens_has_fit (const SpHopFigureQens *q)
{
  return isfinite (q->l_angstrom) && isfinite (q->tau_ps) && q->tau_ps > 0.0 && q->l_angstrom > 0.0;
}

void
sp_figure_qens_setup (SpFigureSpec       *spec,
                      const SpFigureData *data,
                      const SpPlotStyle  *style)
{
  const SpHopFigureQens *q = data->hop != NULL ? data->hop->qens : NULL;
  double q_hi = 0.0, g_hi = 0.0, g_lo = 0.0;
  guint n = 0;
  SpColor color;

  for (guint i = 0; q != NULL && q->q_inv_angstrom != NULL && q->gamma_mev != NULL && i < q->n; i++)
    if (qens_point (q, i))
      {
        q_hi = MAX (q_hi, q->q_inv_angstrom[i]);
        g_hi = MAX (g_hi, q->gamma_mev[i] + err_at (q->gamma_err_mev, i));
        g_lo = MIN (g_lo, q->gamma_mev[i] - err_at (q->gamma_err_mev, i));
        n++;
      }
  if (n == 0 || !(q_hi > 0.0))
    {
      sp_figure_spec_set_no_data (spec, _("No linewidths yet: open a Q/Γ table or a trajectory"));
      return;
    }
  if (qens_has_fit (q))
    g_hi = MAX (g_hi, chudley_elliott (q, q_hi));
  if (!(g_hi > g_lo))
    g_hi = g_lo + 1.0;
  spec->x.min = 0.0;
  spec->x.max = 1.06 * q_hi;
  spec->y.min = g_lo;
  spec->y.max = g_lo + 1.1 * (g_hi - g_lo);
  spec->x_label = g_strdup (_("Momentum transfer <i>Q</i>"));
  spec->x_unit = g_strdup (_("Å⁻¹"));
  spec->y_label = g_strdup (_("Linewidth <i>Γ</i> (HWHM)"));
  spec->y_label_short = g_strdup (_("<i>Γ</i>"));
  spec->y_unit = g_strdup (_("meV"));
  {
    g_autofree char *source = q->source != NULL ? g_markup_escape_text (q->source, -1) : NULL;
    g_autofree char *label = source != NULL ? g_strdup_printf (_("<i>Γ</i>(<i>Q</i>): %s"), source)
                                            : g_strdup (_("<i>Γ</i>(<i>Q</i>)"));

    sp_figure_spec_add_legend_marker (spec, SP_LEGEND_MARKER, &style->accent, SP_MARKER_CIRCLE, label);
  }
  if (qens_has_fit (q))
    {
      g_autofree char *l = sp_figure_hop_format_pm (q->l_angstrom, q->l_err_angstrom, _("Å"));
      g_autofree char *tau = sp_figure_hop_format_pm (q->tau_ps, q->tau_err_ps, _("ps"));
      g_autofree char *ce = g_strdup_printf (_("Chudley–Elliott: <i>l</i> = %s, <i>τ</i> = %s"), l, tau);

      sp_figure_eis_series_color (style, 1, &color);
      sp_figure_spec_add_legend (spec, SP_LEGEND_LINE, &color, ce);
      if (isfinite (q->d_cm2_s))
        {
          g_autofree char *d = sp_figure_hop_format_pm (q->d_cm2_s, q->d_err_cm2_s, _("cm²/s"));
          g_autofree char *small = g_strdup_printf (_("small <i>Q</i>: <i>ħDQ</i>², <i>D</i> = %s"), d);

          sp_figure_eis_series_color (style, 3, &color);
          sp_figure_spec_add_legend (spec, SP_LEGEND_DASHED, &color, small);
        }
    }
}

void
sp_figure_qens_draw (cairo_t            *cr,
                     const SpFigureSpec *spec,
                     const SpFigureData *data,
                     const SpPlotStyle  *style)
{
  const SpHopFigureQens *q = data->hop->qens;
  SpColor color;

  cairo_save (cr);
  sp_figure_clip_plot (cr, spec);
  if (qens_has_fit (q))
    {
      enum { N = 160 };
      double x[N], y[N];

      if (isfinite (q->d_cm2_s))
        {
          /* ħDQ², D in Å²/ps: meV ps · Å²/ps · Å⁻² = meV. */
          for (guint i = 0; i < N; i++)
            {
              x[i] = spec->x.max * i / (N - 1);
              y[i] = sp_qens_small_q_gamma_mev (x[i], q->d_cm2_s);
            }
          sp_figure_path (cr, spec, x, y, N);
          sp_figure_eis_series_color (style, 3, &color);
          sp_figure_stroke (cr, &color, 1.3 * spec->lw, TRUE);
        }
      for (guint i = 0; i < N; i++)
        {
          x[i] = spec->x.max * i / (N - 1);
          y[i] = chudley_elliott (q, x[i]);
        }
      sp_figure_path (cr, spec, x, y, N);
      sp_figure_eis_series_color (style, 1, &color);
      sp_figure_stroke (cr, &color, 1.8 * spec->lw, FALSE);
    }
  for (guint i = 0; i < q->n; i++)
    {
      double u, v, e;

      if (!qens_point (q, i))
        continue;
      u = sp_axis_map (&spec->x, q->q_inv_angstrom[i]);
      v = sp_axis_map (&spec->y, q->gamma_mev[i]);
      e = err_at (q->gamma_err_mev, i);
      if (e > 0.0)
        sp_figure_hop_error_bar (cr, spec, u, sp_axis_map (&spec->y, q->gamma_mev[i] - e),
                                 sp_axis_map (&spec->y, q->gamma_mev[i] + e), TRUE, &style->accent);
      sp_figure_marker (cr, SP_MARKER_CIRCLE, u, v, 0.34 * spec->em, &style->accent, &style->background);
    }
  cairo_restore (cr);
}

/* ---- D against 1000/T ------------------------------------------------------------ */

static gboolean
arrhenius_point (const SpHopFigureArrhenius *s,
                 guint                       i)
{
  return s->temperature_k[i] > 0.0 && isfinite (s->temperature_k[i])
         && s->d_cm2_s[i] > 0.0 && isfinite (s->d_cm2_s[i]);
}

void
sp_figure_diffusion_arrhenius_setup (SpFigureSpec       *spec,
                                     const SpFigureData *data,
                                     const SpPlotStyle  *style)
{
  const SpHopFigureData *hop = data->hop;
  double x_lo = INFINITY, x_hi = -INFINITY, y_lo = INFINITY, y_hi = -INFINITY, pad;

  for (guint k = 0; hop != NULL && k < hop->n_arrhenius; k++)
    {
      const SpHopFigureArrhenius *s = &hop->arrhenius[k];

      for (guint i = 0; s->temperature_k != NULL && s->d_cm2_s != NULL && i < s->n; i++)
        if (arrhenius_point (s, i))
          {
            double d = s->d_cm2_s[i], e = err_at (s->d_err_cm2_s, i);

            x_lo = MIN (x_lo, 1000.0 / s->temperature_k[i]);
            x_hi = MAX (x_hi, 1000.0 / s->temperature_k[i]);
            y_hi = MAX (y_hi, d + e);
            /* An error bar reaching zero is cut at the point's half. */
            y_lo = MIN (y_lo, d - e > 0.0 ? d - e : 0.5 * d);
          }
    }
  if (!(x_hi >= x_lo) || !(y_hi >= y_lo))
    {
      sp_figure_spec_set_no_data (spec, _("No runs at several temperatures yet"));
      return;
    }
  pad = 0.06 * MAX (x_hi - x_lo, 0.2);
  spec->x.min = MAX (x_lo - pad, 0.5 * x_lo);
  spec->x.max = x_hi + pad;
  spec->y.scale = SP_SCALE_LOG;
  spec->y.min = y_lo / pow (10.0, 0.15);
  spec->y.max = y_hi * pow (10.0, 0.15);
  spec->top_axis = SP_TOP_AXIS_KELVIN;
  spec->top_label = g_strdup (_("Temperature <i>T</i> (K)"));
  spec->x_label = g_strdup (_("1000/<i>T</i>"));
  spec->x_unit = g_strdup (_("K⁻¹"));
  spec->y_label = g_strdup (_("Diffusivity <i>D</i>"));
  spec->y_label_short = g_strdup (_("<i>D</i>"));
  spec->y_unit = g_strdup (_("cm²/s"));
  for (guint k = 0; k < MIN (hop->n_arrhenius, SP_FIGURE_MAX_LEGEND); k++)
    {
      const SpHopFigureArrhenius *s = &hop->arrhenius[k];
      g_autofree char *name = g_markup_escape_text (s->label != NULL ? s->label : "", -1);
      g_autofree char *label = NULL;
      SpColor color;

      if (isfinite (s->ea_ev))
        {
          g_autofree char *ea = sp_figure_hop_format_pm (s->ea_ev, s->ea_err_ev, _("eV"));

          label = g_strdup_printf (_("%s: <i>E</i><sub>a</sub> = %s"), name, ea);
        }
      else
        label = g_strdup (name);
      sp_figure_eis_series_color (style, k, &color);
      sp_figure_spec_add_legend_marker (spec, isfinite (s->ea_ev) ? SP_LEGEND_MARKER_LINE : SP_LEGEND_MARKER,
                                        &color, sp_figure_eis_series_marker (k), label);
    }
}

void
sp_figure_diffusion_arrhenius_draw (cairo_t            *cr,
                                    const SpFigureSpec *spec,
                                    const SpFigureData *data,
                                    const SpPlotStyle  *style)
{
  const SpHopFigureData *hop = data->hop;

  cairo_save (cr);
  sp_figure_clip_plot (cr, spec);
  for (guint k = 0; k < hop->n_arrhenius; k++)
    {
      const SpHopFigureArrhenius *s = &hop->arrhenius[k];
      SpColor color;

      if (s->temperature_k == NULL || s->d_cm2_s == NULL)
        continue;
      sp_figure_eis_series_color (style, k, &color);
      /* log D is linear in 1000/T: two points draw the line exactly. */
      if (isfinite (s->ea_ev) && s->prefactor_cm2_s > 0.0 && isfinite (s->prefactor_cm2_s))
        {
          double x[2] = { spec->x.min, spec->x.max }, y[2];

          for (int j = 0; j < 2; j++)
            y[j] = s->prefactor_cm2_s * exp (-s->ea_ev * x[j] / (1000.0 * SP_BOLTZMANN_EV_PER_K));
          sp_figure_path (cr, spec, x, y, 2);
          sp_figure_stroke (cr, &color, 1.3 * spec->lw, FALSE);
        }
      for (guint i = 0; i < s->n; i++)
        {
          double u, d, e;

          if (!arrhenius_point (s, i))
            continue;
          u = sp_axis_map (&spec->x, 1000.0 / s->temperature_k[i]);
          d = s->d_cm2_s[i];
          e = err_at (s->d_err_cm2_s, i);
          if (e > 0.0)
            sp_figure_hop_error_bar (cr, spec, u,
                                     d - e > 0.0 ? sp_axis_map (&spec->y, d - e) : NAN,
                                     sp_axis_map (&spec->y, d + e), d - e > 0.0, &color);
          sp_figure_marker (cr, sp_figure_eis_series_marker (k), u, sp_axis_map (&spec->y, d),
                            0.34 * spec->em, &color, &style->background);
        }
    }
  cairo_restore (cr);
}

/* ---- finite size ----------------------------------------------------------------- */

static gboolean
size_point (const SpHopFigureFiniteSize *f,
            guint                        i)
{
  return f->length_angstrom[i] > 0.0 && isfinite (f->length_angstrom[i]) && isfinite (f->value[i]);
}

static gboolean
size_has_fit (const SpHopFigureFiniteSize *f)
{
  return isfinite (f->intercept) && isfinite (f->slope);
}

void
sp_figure_finite_size_setup (SpFigureSpec       *spec,
                             const SpFigureData *data,
                             const SpPlotStyle  *style)
{
  const SpHopFigureFiniteSize *f = data->hop != NULL ? data->hop->finite_size : NULL;
  gboolean energy = f != NULL && f->quantity == SP_HOP_FINITE_SIZE_ENERGY;
  double x_hi = 0.0, y_lo = INFINITY, y_hi = -INFINITY, pad;
  SpColor color;

  for (guint i = 0; f != NULL && f->length_angstrom != NULL && f->value != NULL && i < f->n; i++)
    if (size_point (f, i))
      {
        x_hi = MAX (x_hi, 1.0 / f->length_angstrom[i]);
        y_lo = MIN (y_lo, f->value[i] - err_at (f->value_err, i));
        y_hi = MAX (y_hi, f->value[i] + err_at (f->value_err, i));
      }
  if (!(x_hi > 0.0) || !(y_hi >= y_lo))
    {
      sp_figure_spec_set_no_data (spec, _("No box sizes yet: add runs at several box lengths or open an L/value table"));
      return;
    }
  if (size_has_fit (f))
    {
      double e = isfinite (f->intercept_err) ? fabs (f->intercept_err) : 0.0;

      y_lo = MIN (y_lo, f->intercept - e);
      y_hi = MAX (y_hi, f->intercept + e);
    }
  pad = 0.08 * (y_hi > y_lo ? y_hi - y_lo : MAX (fabs (y_hi), 1e-30));
  /* A little left of 1/L = 0, so the extrapolated value shows whole. */
  spec->x.min = -0.06 * x_hi;
  spec->x.max = 1.08 * x_hi;
  spec->y.min = y_lo - pad;
  spec->y.max = y_hi + pad;
  spec->x_label = g_strdup (_("Inverse box length 1/<i>L</i>"));
  spec->x_unit = g_strdup (_("Å⁻¹"));
  if (energy)
    {
      spec->y_label = g_strdup (_("Barrier <i>E</i>"));
      spec->y_label_short = g_strdup (_("<i>E</i>"));
      spec->y_unit = g_strdup (_("eV"));
    }
  else
    {
      spec->y_label = g_strdup (_("Diffusivity <i>D</i>"));
      spec->y_label_short = g_strdup (_("<i>D</i>"));
      spec->y_unit = g_strdup (_("cm²/s"));
    }
  sp_figure_spec_add_legend_marker (spec, SP_LEGEND_MARKER, &style->accent, SP_MARKER_CIRCLE,
                                    energy ? _("<i>E</i>(<i>L</i>)") : _("<i>D</i>(<i>L</i>)"));
  if (size_has_fit (f))
    {
      g_autofree char *v = sp_figure_hop_format_pm (f->intercept, f->intercept_err,
                                                    energy ? _("eV") : _("cm²/s"));
      g_autofree char *label = g_strdup_printf (energy ? _("fit to 1/<i>L</i> → 0: <i>E</i><sub>∞</sub> = %s")
                                                       : _("fit to 1/<i>L</i> → 0: <i>D</i><sub>∞</sub> = %s"),
                                                v);

      sp_figure_eis_series_color (style, 1, &color);
      sp_figure_spec_add_legend_marker (spec, SP_LEGEND_MARKER_LINE, &color, SP_MARKER_DIAMOND, label);
    }
}

void
sp_figure_finite_size_draw (cairo_t            *cr,
                            const SpFigureSpec *spec,
                            const SpFigureData *data,
                            const SpPlotStyle  *style)
{
  const SpHopFigureFiniteSize *f = data->hop->finite_size;
  SpColor color;

  cairo_save (cr);
  sp_figure_clip_plot (cr, spec);
  sp_figure_eis_series_color (style, 1, &color);
  if (size_has_fit (f))
    {
      double x[2] = { 0.0, spec->x.max }, y[2];
      double u0 = sp_axis_map (&spec->x, 0.0), v0 = sp_axis_map (&spec->y, f->intercept);
      double e = isfinite (f->intercept_err) ? fabs (f->intercept_err) : 0.0;

      for (int j = 0; j < 2; j++)
        y[j] = f->intercept + f->slope * x[j];
      sp_figure_path (cr, spec, x, y, 2);
      sp_figure_stroke (cr, &color, 1.4 * spec->lw, FALSE);
      if (e > 0.0)
        sp_figure_hop_error_bar (cr, spec, u0, sp_axis_map (&spec->y, f->intercept - e),
                                 sp_axis_map (&spec->y, f->intercept + e), TRUE, &color);
      sp_figure_marker (cr, SP_MARKER_DIAMOND, u0, v0, 0.45 * spec->em, &color, &style->background);
    }
  for (guint i = 0; i < f->n; i++)
    {
      double u, e;

      if (!size_point (f, i))
        continue;
      u = sp_axis_map (&spec->x, 1.0 / f->length_angstrom[i]);
      e = err_at (f->value_err, i);
      if (e > 0.0)
        sp_figure_hop_error_bar (cr, spec, u, sp_axis_map (&spec->y, f->value[i] - e),
                                 sp_axis_map (&spec->y, f->value[i] + e), TRUE, &style->accent);
      sp_figure_marker (cr, SP_MARKER_CIRCLE, u, sp_axis_map (&spec->y, f->value[i]), 0.34 * spec->em,
                        &style->accent, &style->background);
    }
  cairo_restore (cr);
}
