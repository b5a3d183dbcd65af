/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sp-figure-hop-msd.c — the mean-squared displacement on log–log axes, and
 * the self intermediate scattering function F_s(Q, t)
 *
 * MSD: per direction (thin), total (thick, with its ±1 s.e. band when the
 * analysis gives one) and collective (dashed); a slope-1 guide below the
 * total, because "diffusive" means parallel to it; the fit window shaded
 * between two marked bounds; the fitted line 2dD*t + b solid inside the
 * window and dashed outside it, so a reader sees at once where the number
 * comes from and how far the data stray from it.
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "sp-figure-private.h"
#include "sp-diffusion.h"
#include "sp-qens.h"


static const char *const direction_labels[SP_HOP_MSD_N] = {
  N_("<i>x</i>"), N_("<i>y</i>"), N_("<i>z</i>"), N_("total"), N_("collective"),
};

static void
curve_color (const SpPlotStyle *style,
             SpHopMsdCurve      curve,
             SpColor           *color)
{
  switch (curve)
    {
    case SP_HOP_MSD_TOTAL:
      *color = style->accent;
      break;
    case SP_HOP_MSD_COLLECTIVE:
      *color = style->foreground;
      break;
    default:
      sp_figure_eis_series_color (style, 1 + curve, color);
      break;
    }
}

static gboolean
msd_usable (const SpHopFigureMsd *msd)
{
  if (msd == NULL || msd->n == 0 || msd->t_ps == NULL)
    return FALSE;
  for (guint c = 0; c < SP_HOP_MSD_N; c++)
    if (msd->msd_a2[c] != NULL)
      return TRUE;
  return FALSE;
}

static double
fit_line (const SpHopFigureMsd *msd,
          double                d_cm2_s,
          double                offset,
          double                t)
{
  guint d = msd->dimensions > 0 ? msd->dimensions : 3;

  return 2.0 * d * d_cm2_s / SP_ANGSTROM2_PER_PS_IN_CM2_PER_S * t + (isfinite (offset) ? offset : 0.0);
}

/* "20", "2.5", "350", "1.1×10⁴": three digits at most. */
static char *
format_time (double t_ps)
{
  return t_ps < 1000.0 ? sp_plot_format_number ("%.3g", t_ps) : sp_format_significant (t_ps, 2);
}

static gboolean
has_window (const SpHopFigureMsd *msd)
{
  return msd->window_t0_ps > 0.0 && msd->window_t1_ps > msd->window_t0_ps
         && isfinite (msd->window_t1_ps);
}

void
sp_figure_msd_setup (SpFigureSpec       *spec,
                     const SpFigureData *data,
                     const SpPlotStyle  *style)
{
  const SpHopFigureMsd *msd = data->hop != NULL ? data->hop->msd : NULL;
  double t_lo = INFINITY, t_hi = -INFINITY, m_lo = INFINITY, m_hi = -INFINITY;
  SpColor color;

  if (!msd_usable (msd))
    {
      sp_figure_spec_set_no_data (spec, _("No MSD yet: run the lattice or open a trajectory"));
      return;
    }
  for (guint i = 0; i < msd->n; i++)
    {
      if (!(msd->t_ps[i] > 0.0) || !isfinite (msd->t_ps[i]))
        continue;
      for (guint c = 0; c < SP_HOP_MSD_N; c++)
        if (msd->msd_a2[c] != NULL && msd->msd_a2[c][i] > 0.0 && isfinite (msd->msd_a2[c][i]))
          {
            t_lo = MIN (t_lo, msd->t_ps[i]);
            t_hi = MAX (t_hi, msd->t_ps[i]);
            m_lo = MIN (m_lo, msd->msd_a2[c][i]);
            m_hi = MAX (m_hi, msd->msd_a2[c][i]);
          }
    }
  if (!(t_hi > t_lo) || !(m_hi >= m_lo))
    {
      sp_figure_spec_set_no_data (spec, _("No MSD yet: too few lag times to plot"));
      return;
    }
  if (m_hi <= m_lo)
    {
      m_lo /= 10.0;
      m_hi *= 10.0;
    }
  spec->x.scale = SP_SCALE_LOG;
  spec->x.min = t_lo / pow (10.0, 0.05);
  spec->x.max = t_hi * pow (10.0, 0.05);
  spec->y.scale = SP_SCALE_LOG;
  spec->y.min = m_lo / pow (10.0, 0.15);
  spec->y.max = m_hi * pow (10.0, 0.15);
  spec->x_label = g_strdup (_("Lag time <i>Δt</i>"));
  spec->x_unit = g_strdup (_("ps"));
  spec->y_label = g_strdup (_("Mean-squared displacement"));
  spec->y_label_short = g_strdup (_("MSD"));
  spec->y_unit = g_strdup (_("Å²"));

  for (guint c = 0; c < SP_HOP_MSD_N; c++)
    if (msd->msd_a2[c] != NULL)
      {
        curve_color (style, c, &color);
        sp_figure_spec_add_legend (spec, c == SP_HOP_MSD_COLLECTIVE ? SP_LEGEND_DASHED : SP_LEGEND_LINE,
                                   &color, _(direction_labels[c]));
      }
  if (has_window (msd))
    {
      g_autofree char *t0 = format_time (msd->window_t0_ps);
      g_autofree char *t1 = format_time (msd->window_t1_ps);
      g_autofree char *label = g_strdup_printf (msd->window_automatic
                                                ? _("fit window %s–%s ps (suggested)")
                                                : _("fit window %s–%s ps"), t0, t1);

      color = style->accent;
      color.alpha = 0.16;
      sp_figure_spec_add_legend (spec, SP_LEGEND_FILL, &color, label);
      if (isfinite (msd->d_star_cm2_s))
        {
          g_autofree char *d = sp_figure_hop_format_pm (msd->d_star_cm2_s, msd->d_star_err_cm2_s,
                                                        _("cm²/s"));
          g_autofree char *fit = g_strdup_printf (_("fit: <i>D</i>* = %s"), d);

          sp_figure_spec_add_legend (spec, SP_LEGEND_LINE, &style->tangent, fit);
        }
      if (isfinite (msd->d_sigma_cm2_s) && msd->msd_a2[SP_HOP_MSD_COLLECTIVE] != NULL)
        {
          g_autofree char *d = sp_figure_hop_format_pm (msd->d_sigma_cm2_s, msd->d_sigma_err_cm2_s,
                                                        _("cm²/s"));
          g_autofree char *fit = g_strdup_printf (_("fit: <i>D</i><sub>σ</sub> = %s"), d);

          sp_figure_spec_add_legend (spec, SP_LEGEND_DASHED, &style->foreground, fit);
        }
    }
}

/* A dense log-spaced path of the fitted line between t0 and t1. */
static void
line_path (cairo_t              *cr,
           const SpFigureSpec   *spec,
           const SpHopFigureMsd *msd,
           double                d_cm2_s,
           double                offset,
           double                t0,
           double                t1)
{
  enum { N = 64 };
  double t[N], m[N];

  if (!(t1 > t0) || !(t0 > 0.0))
    return;
  for (guint i = 0; i < N; i++)
    {
      t[i] = t0 * pow (t1 / t0, (double) i / (N - 1));
      m[i] = fit_line (msd, d_cm2_s, offset, t[i]);
      if (!(m[i] > 0.0))
        m[i] = NAN;
    }
  sp_figure_path (cr, spec, t, m, N);
}

static void
draw_fit (cairo_t              *cr,
          const SpFigureSpec   *spec,
          const SpHopFigureMsd *msd,
          double                d_cm2_s,
          double                offset,
          const SpColor        *color,
          gboolean              dashed_inside)
{
  if (!isfinite (d_cm2_s))
    return;
  /* Outside the window: thin and dashed, the extrapolation. */
  line_path (cr, spec, msd, d_cm2_s, offset, spec->x.min, msd->window_t0_ps);
  line_path (cr, spec, msd, d_cm2_s, offset, msd->window_t1_ps, spec->x.max);
  sp_figure_stroke (cr, color, 0.8 * spec->lw, TRUE);
  line_path (cr, spec, msd, d_cm2_s, offset, msd->window_t0_ps, msd->window_t1_ps);
  sp_figure_stroke (cr, color, 1.6 * spec->lw, dashed_inside);
}

/* The total at @t (linear in log–log between lags); NAN outside. */
static double
total_at (const SpHopFigureMsd *msd,
          double                t)
{
  const double *m = msd->msd_a2[SP_HOP_MSD_TOTAL];

  if (m == NULL)
    return NAN;
  for (guint i = 0; i + 1 < msd->n; i++)
    if (msd->t_ps[i] > 0.0 && msd->t_ps[i] <= t && t <= msd->t_ps[i + 1]
        && m[i] > 0.0 && m[i + 1] > 0.0)
      {
        double f = log (t / msd->t_ps[i]) / log (msd->t_ps[i + 1] / msd->t_ps[i]);

        return exp (log (m[i]) + f * log (m[i + 1] / m[i]));
      }
  return NAN;
}

void
sp_figure_msd_draw (cairo_t            *cr,
                    const SpFigureSpec *spec,
                    const SpFigureData *data,
                    const SpPlotStyle  *style)
{
  const SpHopFigureMsd *msd = data->hop->msd;
  SpColor color;

  cairo_save (cr);
  sp_figure_clip_plot (cr, spec);

  if (has_window (msd))
    {
      color = style->accent;
      color.alpha = 0.16;
      sp_figure_band_x (cr, spec, msd->window_t0_ps, msd->window_t1_ps, &color);
      sp_figure_vline (cr, spec, msd->window_t0_ps, &style->accent, 1.2 * spec->lw, FALSE);
      sp_figure_vline (cr, spec, msd->window_t1_ps, &style->accent, 1.2 * spec->lw, FALSE);
    }

  /* The ±1 s.e. band of the total. */
  if (msd->total_err_a2 != NULL && msd->msd_a2[SP_HOP_MSD_TOTAL] != NULL)
    {
      const double *m = msd->msd_a2[SP_HOP_MSD_TOTAL];
      gboolean pen = FALSE;
      int last = -1;

      for (guint i = 0; i < msd->n; i++)
        {
          double hi = m[i] + fabs (msd->total_err_a2[i]);
          double u = sp_axis_map (&spec->x, msd->t_ps[i]), v = sp_axis_map (&spec->y, hi);

          if (!isfinite (u) || !isfinite (v))
            continue;
          pen ? cairo_line_to (cr, u, v) : cairo_move_to (cr, u, v);
          pen = TRUE;
          last = i;
        }
      for (int i = last; pen && i >= 0; i--)
        {
          double lo = m[i] - fabs (msd->total_err_a2[i]);
          double u = sp_axis_map (&spec->x, msd->t_ps[i]);
          double v = lo > 0.0 ? sp_axis_map (&spec->y, lo) : spec->py + spec->ph;

          if (isfinite (u) && isfinite (v) && isfinite (msd->total_err_a2[i]))
            cairo_line_to (cr, u, v);
        }
      if (pen)
        {
          color = style->accent;
          color.alpha = 0.25;
          cairo_close_path (cr);
          sp_plot_set_color (cr, &color);
          cairo_fill (cr);
        }
    }

  /* The slope-1 guide: a third of the total at the window's middle (or the
   * plot's), so it runs beside the data instead of over it. */
  {
    double tm = has_window (msd) ? sqrt (msd->window_t0_ps * msd->window_t1_ps)
                                 : sqrt (spec->x.min * spec->x.max);
    double mm = total_at (msd, tm) / 3.0;

    if (isfinite (mm) && mm > 0.0)
      {
        double t[2] = { spec->x.min, spec->x.max };
        double m[2] = { mm * spec->x.min / tm, mm * spec->x.max / tm };
        double tl = spec->x.min * pow (spec->x.max / spec->x.min, 0.2), ml = mm * tl / tm;

        sp_figure_path (cr, spec, t, m, 2);
        sp_figure_stroke (cr, &style->foreground, 0.9 * spec->lw, TRUE);
        sp_plot_text_draw (cr, style, 0.85, SP_TEXT_HALO, _("slope 1"), -1,
                           sp_axis_map (&spec->x, tl), sp_axis_map (&spec->y, ml) + 0.3 * spec->em,
                           0.0, 0.0, 0.0, &style->foreground);
      }
  }

  for (guint c = 0; c < SP_HOP_MSD_N; c++)
    {
      if (msd->msd_a2[c] == NULL)
        continue;
      curve_color (style, c, &color);
      sp_figure_path (cr, spec, msd->t_ps, msd->msd_a2[c], msd->n);
      sp_figure_stroke (cr, &color, (c == SP_HOP_MSD_TOTAL ? 2.2 : 1.2) * spec->lw,
                        c == SP_HOP_MSD_COLLECTIVE);
    }

  if (has_window (msd))
    {
      draw_fit (cr, spec, msd, msd->d_star_cm2_s, msd->offset_a2, &style->tangent, FALSE);
      if (msd->msd_a2[SP_HOP_MSD_COLLECTIVE] != NULL)
        draw_fit (cr, spec, msd, msd->d_sigma_cm2_s, msd->offset_collective_a2, &style->foreground,
                  TRUE);
    }
  cairo_restore (cr);

  if (isfinite (data->cursor_time_ps))
    {
      g_autofree char *t = sp_format_significant (data->cursor_time_ps, 3);
      g_autofree char *m = sp_format_significant (total_at (msd, data->cursor_time_ps), 3);
      g_autofree char *text = isfinite (total_at (msd, data->cursor_time_ps))
        ? g_strdup_printf (_("<i>Δt</i> = %s ps\nMSD = %s Å²"), t, m)
        : g_strdup_printf (_("<i>Δt</i> = %s ps"), t);

      sp_figure_draw_cursor (cr, spec, style, data->cursor_time_ps,
                             sp_figure_eis_readout_fits (spec) ? text : NULL);
    }
}

/* ---- F_s(Q, t) --------------------------------------------------------------- */

#define FS_MAX_CURVES 6

/* Which curves the figure draws: all, or six spread evenly over Q. */
static guint
fs_pick (const SpHopFigureData *hop,
         guint                 *index)
{
  guint usable[64], m = 0;

  for (guint i = 0; i < hop->n_fs && m < G_N_ELEMENTS (usable); i++)
    if (hop->fs[i].n > 0 && hop->fs[i].t_ps != NULL && hop->fs[i].fs != NULL)
      usable[m++] = i;
  if (m <= FS_MAX_CURVES)
    {
      for (guint k = 0; k < m; k++)
        index[k] = usable[k];
      return m;
    }
  /* More than a legend holds: the first, the last and four between. */
  for (guint k = 0; k < FS_MAX_CURVES; k++)
    index[k] = usable[(guint) round ((double) k * (m - 1) / (FS_MAX_CURVES - 1))];
  return FS_MAX_CURVES;
}

void
sp_figure_fs_setup (SpFigureSpec       *spec,
                    const SpFigureData *data,
                    const SpPlotStyle  *style)
{
  const SpHopFigureData *hop = data->hop;
  guint index[FS_MAX_CURVES], n;
  double t_lo = INFINITY, t_hi = -INFINITY;

  n = hop != NULL ? fs_pick (hop, index) : 0;
  if (n == 0)
    {
      sp_figure_spec_set_no_data (spec, _("No F<sub>s</sub>(Q, t) yet: run the lattice or open a trajectory"));
      return;
    }
  for (guint k = 0; k < n; k++)
    {
      const SpHopFigureFs *f = &hop->fs[index[k]];

      for (guint i = 0; i < f->n; i++)
        if (f->t_ps[i] > 0.0 && isfinite (f->t_ps[i]) && isfinite (f->fs[i]))
          {
            t_lo = MIN (t_lo, f->t_ps[i]);
            t_hi = MAX (t_hi, f->t_ps[i]);
          }
    }
  if (!(t_hi > t_lo))
    {
      sp_figure_spec_set_no_data (spec, _("No F<sub>s</sub>(Q, t) yet: too few lag times to plot"));
      return;
    }
  spec->x.scale = SP_SCALE_LOG;
  spec->x.min = t_lo / pow (10.0, 0.05);
  spec->x.max = t_hi * pow (10.0, 0.05);
  spec->y.min = -0.05;
  spec->y.max = 1.08;
  spec->x_label = g_strdup (_("Time <i>t</i>"));
  spec->x_unit = g_strdup (_("ps"));
  spec->y_label = g_strdup (_("<i>F</i><sub>s</sub>(<i>Q</i>, <i>t</i>)"));
  for (guint k = 0; k < n; k++)
    {
      const SpHopFigureFs *f = &hop->fs[index[k]];
      g_autofree char *q = sp_plot_format_number ("%.3g", f->q_inv_angstrom);
      g_autofree char *label = NULL;
      SpColor color;

      if (isfinite (f->gamma_mev))
        {
          g_autofree char *g = sp_figure_hop_format_pm (f->gamma_mev, f->gamma_err_mev, _("meV"));

          label = g_strdup_printf (_("<i>Q</i> = %s Å⁻¹: <i>Γ</i> = %s"), q, g);
        }
      else
        label = g_strdup_printf (_("<i>Q</i> = %s Å⁻¹"), q);
      sp_figure_eis_series_color (style, k, &color);
      sp_figure_spec_add_legend_marker (spec, SP_LEGEND_MARKER_LINE, &color,
                                        sp_figure_eis_series_marker (k), label);
    }
}

void
sp_figure_fs_draw (cairo_t            *cr,
                   const SpFigureSpec *spec,
                   const SpFigureData *data,
                   const SpPlotStyle  *style)
{
  const SpHopFigureData *hop = data->hop;
  guint index[FS_MAX_CURVES], n = fs_pick (hop, index);

  cairo_save (cr);
  sp_figure_clip_plot (cr, spec);
  sp_figure_path (cr, spec, (double[]) { spec->x.min, spec->x.max }, (double[]) { 0.0, 0.0 }, 2);
  sp_figure_stroke (cr, &style->grid, spec->lw, FALSE);
  for (guint k = 0; k < n; k++)
    {
      const SpHopFigureFs *f = &hop->fs[index[k]];
      double r;
      SpColor color;
      /* Markers on at most about 40 of the lags, so dense data stays a line. */
      guint step = MAX (1u, f->n / 40);

      sp_figure_eis_series_color (style, k, &color);
      if (isfinite (f->gamma_mev) && f->gamma_mev >= 0.0)
        {
          enum { N = 80 };
          double t[N], y[N];

          for (guint i = 0; i < N; i++)
            {
              t[i] = spec->x.min * pow (spec->x.max / spec->x.min, (double) i / (N - 1));
              y[i] = (f->amplitude > 0.0 ? f->amplitude : 1.0) * exp (-f->gamma_mev * t[i] / SP_HBAR_MEV_PS);
            }
          sp_figure_path (cr, spec, t, y, N);
          sp_figure_stroke (cr, &color, 1.1 * spec->lw, TRUE);
        }
      sp_figure_path (cr, spec, f->t_ps, f->fs, f->n);
      sp_figure_stroke (cr, &color, 1.2 * spec->lw, FALSE);
      r = sp_figure_eis_marker_radius (spec, MIN (f->n, 40u));
      for (guint i = 0; i < f->n; i += step)
        sp_figure_marker (cr, sp_figure_eis_series_marker (k), sp_axis_map (&spec->x, f->t_ps[i]),
                          sp_axis_map (&spec->y, f->fs[i]), r, &color, &style->background);
    }
  cairo_restore (cr);

  if (isfinite (data->cursor_time_ps))
    {
      g_autofree char *t = sp_format_significant (data->cursor_time_ps, 3);
      g_autofree char *text = g_strdup_printf (_("<i>t</i> = %s ps"), t);

      sp_figure_draw_cursor (cr, spec, style, data->cursor_time_ps,
                             sp_figure_eis_readout_fits (spec) ? text : NULL);
    }
}
