/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sp-figure-sim.c — the live field, F(t), L(t) and S(k, t) */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "sp-figure-private.h"

/* ---- F(t) and L(t) ----------------------------------------------------------------- */

static gboolean
history_usable (const SpFigureData *data)
{
  return data->history != NULL && data->history->len >= 2;
}

/* Log time when the run spans more than two decades of positive times. */
static void
time_axis (SpFigureSpec      *spec,
           const SpChHistory *h,
           gboolean           force_log)
{
  double tmin_pos = INFINITY, tmax = -INFINITY, tmin = INFINITY;

  for (guint i = 0; i < h->len; i++)
    {
      if (h->time[i] > 0.0)
        tmin_pos = MIN (tmin_pos, h->time[i]);
      tmax = MAX (tmax, h->time[i]);
      tmin = MIN (tmin, h->time[i]);
    }
  if (isfinite (tmin_pos) && tmax > tmin_pos && (force_log || tmax / tmin_pos > 100.0))
    {
      spec->x.scale = SP_SCALE_LOG;
      spec->x.min = tmin_pos;
      spec->x.max = tmax;
    }
  else
    {
      spec->x.min = tmin;
      spec->x.max = tmax;
    }
}

void
sp_figure_energy_setup (SpFigureSpec       *spec,
                        const SpFigureData *data,
                        const SpPlotStyle  *style)
{
  const SpChHistory *h = data->history;
  double lo, hi, span;

  if (!history_usable (data) || !sp_figure_finite_range (h->free_energy, h->len, &lo, &hi))
    {
      sp_figure_spec_set_no_data (spec, _("Run the simulation to see F(t)"));
      return;
    }
  time_axis (spec, h, FALSE);
  span = hi - lo > 0.0 ? hi - lo : MAX (fabs (hi), 1.0);
  spec->y.min = lo - 0.05 * span;
  spec->y.max = hi + 0.05 * span;
  spec->x_label = g_strdup (_("Time <i>t</i>"));
  spec->y_label = g_strdup (_("Free energy <i>F</i>"));
  spec->y_label_short = g_strdup ("<i>F</i>");
  if (!sp_figure_is_pfhub (data->frame))
    {
      spec->x_unit = g_strdup (_("s"));
      spec->y_unit = g_strdup (_("meV·nm²"));
    }
  sp_figure_spec_add_legend (spec, SP_LEGEND_LINE, &style->accent, _("<i>F</i>(<i>t</i>)"));
}

void
sp_figure_energy_draw (cairo_t            *cr,
                       const SpFigureSpec *spec,
                       const SpFigureData *data,
                       const SpPlotStyle  *style)
{
  const SpChHistory *h = data->history;
  guint last = h->len - 1;

  cairo_save (cr);
  sp_figure_clip_plot (cr, spec);
  sp_figure_path (cr, spec, h->time, h->free_energy, h->len);
  sp_figure_stroke (cr, &style->accent, 1.6 * spec->lw, FALSE);
  if (spec->x.scale != SP_SCALE_LOG || h->time[last] > 0.0)
    sp_figure_dot (cr, sp_axis_map (&spec->x, h->time[last]), sp_axis_map (&spec->y, h->free_energy[last]),
                   0.32 * spec->em, &style->accent, &style->background);
  cairo_restore (cr);
}

void
sp_figure_coarsening_setup (SpFigureSpec       *spec,
                            const SpFigureData *data,
                            const SpPlotStyle  *style)
{
  const SpChHistory *h = data->history;
  double lo = INFINITY, hi = -INFINITY;
  guint n_pos = 0;

  if (history_usable (data))
    for (guint i = 0; i < h->len; i++)
      if (h->time[i] > 0.0 && h->length_scale[i] > 0.0 && isfinite (h->length_scale[i]))
        {
          lo = MIN (lo, h->length_scale[i]);
          hi = MAX (hi, h->length_scale[i]);
          n_pos++;
        }
  if (n_pos < 2)
    {
      sp_figure_spec_set_no_data (spec, _("Run the simulation to see L(t)"));
      return;
    }
  time_axis (spec, h, TRUE);
  if (data->frame != NULL && isfinite (data->frame->diag.lambda_star) && data->frame->diag.lambda_star > 0)
    {
      lo = MIN (lo, data->frame->diag.lambda_star);
      hi = MAX (hi, data->frame->diag.lambda_star);
    }
  /* At least a factor of three in L, so the guides have room to show slope. */
  spec->y.scale = SP_SCALE_LOG;
  spec->y.min = lo / 1.15;
  spec->y.max = MAX (hi * 1.4, spec->y.min * 3.0);
  spec->x_label = g_strdup (_("Time <i>t</i>"));
  spec->y_label = g_strdup (_("Domain size <i>L</i>"));
  spec->y_label_short = g_strdup ("<i>L</i>");
  if (!sp_figure_is_pfhub (data->frame))
    {
      spec->x_unit = g_strdup (_("s"));
      spec->y_unit = g_strdup (_("nm"));
    }
  sp_figure_spec_add_legend (spec, SP_LEGEND_LINE, &style->accent, _("<i>L</i>(<i>t</i>)"));
  sp_figure_spec_add_legend (spec, SP_LEGEND_DASHED, &style->secondary, "∝ <i>t</i><sup>1/3</sup>");
  sp_figure_spec_add_legend (spec, SP_LEGEND_DASHED, &style->tangent, "∝ <i>t</i><sup>1/4</sup>");
}

void
sp_figure_coarsening_draw (cairo_t            *cr,
                           const SpFigureSpec *spec,
                           const SpFigureData *data,
                           const SpPlotStyle  *style)
{
  const SpChHistory *h = data->history;
  static const double powers[] = { 1.0 / 3.0, 1.0 / 4.0 };
  double t_end = h->time[h->len - 1], l_end = h->length_scale[h->len - 1];

  cairo_save (cr);
  sp_figure_clip_plot (cr, spec);
  if (data->frame != NULL && isfinite (data->frame->diag.lambda_star) && data->frame->diag.lambda_star > 0 &&
      !sp_figure_data_conceals (data, SP_LESSON_QUANTITY_FASTEST_WAVELENGTH))
    {
      double v = sp_axis_map (&spec->y, data->frame->diag.lambda_star);

      cairo_move_to (cr, spec->px, v);
      cairo_line_to (cr, spec->px + spec->pw, v);
      sp_figure_stroke (cr, &style->marker, 0.8 * spec->lw, TRUE);
      sp_plot_text_draw (cr, style, 0.85, SP_TEXT_HALO, _("<i>λ</i>* (linear theory)"), -1,
                         spec->px + 0.4 * spec->em, v - 0.2 * spec->em, 0.0, 1.0, 0.0, &style->marker);
    }

  /* Guides over the last decade of t, ending a little above the
   * last point so they frame the data instead of hiding it. */
  if (t_end > 0.0 && l_end > 0.0)
    for (guint g = 0; g < G_N_ELEMENTS (powers); g++)
      {
        double t0 = MAX (spec->x.min, t_end / 10.0);
        double top = l_end * 1.25;
        double tx[2] = { t0, t_end };
        double ly[2] = { top * pow (t0 / t_end, powers[g]), top };
        const SpColor *color = g == 0 ? &style->secondary : &style->tangent;

        sp_figure_path (cr, spec, tx, ly, 2);
        sp_figure_stroke (cr, color, 1.1 * spec->lw, TRUE);
        sp_plot_text_draw (cr, style, 0.85, SP_TEXT_HALO,
                           g == 0 ? "<i>t</i><sup>1/3</sup>" : "<i>t</i><sup>1/4</sup>", -1,
                           sp_axis_map (&spec->x, t0) - 0.3 * spec->em,
                           sp_axis_map (&spec->y, ly[0]), 1.0, 0.5, 0.0, color);
      }

  sp_figure_path (cr, spec, h->time, h->length_scale, h->len);
  sp_figure_stroke (cr, &style->accent, 1.6 * spec->lw, FALSE);
  cairo_restore (cr);
}

/* ---- S(k, t) ------------------------------------------------------------------------ */

typedef struct
{
  double *k, *s, *s0, *slin;
  guint   n;
  gboolean has_prediction;
} StructureSeries;

static void
structure_series_clear (StructureSeries *ss)
{
  g_free (ss->k);
  g_free (ss->s);
  g_free (ss->s0);
  g_free (ss->slin);
}

/* S now, S at t0, and linear theory S(k, t0) exp(2σ(k)(t − t0)) with σ(k)
 * interpolated from the analysis (the material problem only: the analysis
 * knows nothing of PFHub's double well). */
static gboolean
structure_series (const SpFigureData *data,
                  StructureSeries    *ss)
{
  const SpFrame *f = data->frame;
  const SpChHistory *h = data->history;
  const SpAnalysis *a = data->analysis;

  memset (ss, 0, sizeof *ss);
  if (f == NULL || f->diag.n_bins < 2 || f->diag.k == NULL || f->diag.structure == NULL)
    return FALSE;
  ss->n = f->diag.n_bins;
  ss->k = g_memdup2 (f->diag.k, ss->n * sizeof (double));
  ss->s = g_memdup2 (f->diag.structure, ss->n * sizeof (double));
  ss->s0 = g_new (double, ss->n);
  ss->slin = g_new (double, ss->n);
  for (guint i = 0; i < ss->n; i++)
    ss->s0[i] = ss->slin[i] = NAN;
  if (h == NULL || h->n_bins != ss->n || h->structure0 == NULL)
    return TRUE;
  for (guint i = 0; i < ss->n; i++)
    ss->s0[i] = h->structure0[i];
  if (sp_figure_is_pfhub (f) || a == NULL)
    return TRUE;
  ss->has_prediction = TRUE;
  for (guint i = 0; i < ss->n; i++)
    {
      double sigma = sp_figure_interpolate (a->k, a->sigma, a->n_k, ss->k[i]);

      ss->slin[i] = ss->s0[i] * exp (2.0 * sigma * (f->diag.time - h->time0));
    }
  return TRUE;
}

void
sp_figure_structure_setup (SpFigureSpec       *spec,
                           const SpFigureData *data,
                           const SpPlotStyle  *style)
{
  StructureSeries ss;
  double hi = -INFINITY, lo = INFINITY;
  SpColor initial = style->foreground;

  initial.alpha = 0.45;

  if (!structure_series (data, &ss))
    {
      sp_figure_spec_set_no_data (spec, _("Run the simulation to see S(k, t)"));
      return;
    }
  spec->x.min = 0.0;
  spec->x.max = ss.k[ss.n - 1];
  {
    g_autofree char *t = sp_figure_format_time (data->frame, data->frame->diag.time);

    g_free (spec->title);
    spec->title = g_strdup_printf (_("Structure factor S(k, t) at <i>t</i> = %s"), t);
  }
  for (guint i = 0; i < ss.n; i++)
    {
      const double v[] = { ss.s[i], ss.s0[i] };

      for (guint j = 0; j < G_N_ELEMENTS (v); j++)
        if (isfinite (v[j]) && v[j] > 0.0)
          {
            hi = MAX (hi, v[j]);
            lo = MIN (lo, v[j]);
          }
    }
  if (!isfinite (hi))
    {
      structure_series_clear (&ss);
      sp_figure_spec_set_no_data (spec, _("The structure factor is zero"));
      return;
    }
  /* Linear theory may overshoot by orders of magnitude late in a run: let
   * it raise the top by at most a decade. */
  {
    double cap = 10.0 * hi;

    for (guint i = 0; i < ss.n; i++)
      if (isfinite (ss.slin[i]) && ss.slin[i] > hi)
        hi = MIN (ss.slin[i], cap);
  }
  spec->y.scale = SP_SCALE_LOG;
  spec->y.max = hi * 2.0;
  spec->y.min = MAX (lo / 2.0, spec->y.max * 1e-9);
  /* A decaying field (c0 outside the spinodal) must stay in view however
   * far it has fallen. */
  {
    double s_max = 0.0;

    for (guint i = 0; i < ss.n; i++)
      if (isfinite (ss.s[i]))
        s_max = MAX (s_max, ss.s[i]);
    if (s_max > 0.0)
      spec->y.min = MIN (spec->y.min, s_max / 100.0);
  }
  spec->x_label = g_strdup (_("Wavenumber <i>k</i>"));
  spec->y_label = g_strdup (_("Structure factor <i>S</i>"));
  spec->y_label_short = g_strdup ("<i>S</i>");
  if (!sp_figure_is_pfhub (data->frame))
    spec->x_unit = g_strdup (_("nm⁻¹"));

  sp_figure_spec_add_legend (spec, SP_LEGEND_LINE, &style->accent, _("<i>S</i>(<i>k</i>, <i>t</i>)"));
  if (isfinite (ss.s0[0]))
    {
      g_autofree char *t0 = sp_figure_format_time (data->frame, data->history->time0);
      g_autofree char *label = g_strdup_printf (_("<i>S</i>(<i>k</i>, <i>t</i>₀), <i>t</i>₀ = %s"), t0);

      sp_figure_spec_add_legend (spec, SP_LEGEND_LINE, &initial, label);
    }
  if (ss.has_prediction)
    sp_figure_spec_add_legend (spec, SP_LEGEND_DASHED, &style->secondary, _("linear theory"));
  structure_series_clear (&ss);
}

/* The linear-theory curve only where it is inside the log y range: it grows
 * as exp(2σt), so late in a run it leaves the plot almost vertically at the
 * band edges, and a clipped polyline would show that as two bare vertical
 * lines.  Segments are cut where they cross the top or bottom (in log
 * space) and skipped when neither end is in range. */
static void
path_in_range (cairo_t            *cr,
               const SpFigureSpec *spec,
               const double       *x,
               const double       *y,
               guint               n)
{
  double lo = log (MIN (spec->y.min, spec->y.max)), hi = log (MAX (spec->y.min, spec->y.max));
  gboolean joined = FALSE;   /* the path ends at point i: continue it (one dash pattern) */

  for (guint i = 0; i + 1 < n; i++)
    {
      double a, b, xa = x[i], xb = x[i + 1];
      gboolean cut_b = FALSE;

      if (!(isfinite (y[i]) && isfinite (y[i + 1]) && y[i] > 0.0 && y[i + 1] > 0.0))
        {
          joined = FALSE;
          continue;
        }
      a = log (y[i]);
      b = log (y[i + 1]);
      if ((a < lo || a > hi) && (b < lo || b > hi))
        {
          joined = FALSE;
          continue;
        }
      /* Move an out-of-range end onto the boundary it crosses. */
      if (a < lo || a > hi)
        {
          double edge = a < lo ? lo : hi;

          xa = xb + (xa - xb) * (edge - b) / (a - b);
          a = edge;
        }
      else if (b < lo || b > hi)
        {
          double edge = b < lo ? lo : hi;

          xb = xa + (xb - xa) * (edge - a) / (b - a);
          b = edge;
          cut_b = TRUE;
        }
      if (!joined)
        cairo_move_to (cr, sp_axis_map (&spec->x, xa), sp_axis_map (&spec->y, exp (a)));
      cairo_line_to (cr, sp_axis_map (&spec->x, xb), sp_axis_map (&spec->y, exp (b)));
      joined = !cut_b;
    }
}

void
sp_figure_structure_draw (cairo_t            *cr,
                          const SpFigureSpec *spec,
                          const SpFigureData *data,
                          const SpPlotStyle  *style)
{
  StructureSeries ss;
  const char *note = NULL;
  SpColor initial = style->foreground;

  initial.alpha = 0.45;

  if (!structure_series (data, &ss))
    return;
  cairo_save (cr);
  sp_figure_clip_plot (cr, spec);
  sp_figure_path (cr, spec, ss.k, ss.s0, ss.n);
  sp_figure_stroke (cr, &initial, 1.2 * spec->lw, FALSE);
  if (ss.has_prediction)
    {
      path_in_range (cr, spec, ss.k, ss.slin, ss.n);
      sp_figure_stroke (cr, &style->secondary, 1.3 * spec->lw, TRUE);
    }
  sp_figure_path (cr, spec, ss.k, ss.s, ss.n);
  sp_figure_stroke (cr, &style->accent, 1.6 * spec->lw, FALSE);
  cairo_restore (cr);

  if (sp_figure_is_pfhub (data->frame))
    note = _("PFHub problem 1: no linear-theory prediction from the material analysis");
  else if (data->analysis == NULL)
    note = _("No analysis: no linear-theory prediction");
  else if (data->history == NULL || data->history->structure0 == NULL)
    note = _("No initial S(k, t₀) recorded: no linear-theory prediction");
  if (note != NULL)
    sp_plot_text_draw (cr, style, 0.9, SP_TEXT_HALO, note, 0.9 * spec->pw,
                       spec->px + 0.5 * spec->pw, spec->py + 0.5 * spec->em, 0.5, 0.0, 0.0,
                       &style->foreground);
  else
    {
      double s_max = 0.0, lin_max = 0.0;

      for (guint i = 0; i < ss.n; i++)
        {
          if (isfinite (ss.s[i]))
            s_max = MAX (s_max, ss.s[i]);
          if (isfinite (ss.slin[i]))
            lin_max = MAX (lin_max, ss.slin[i]);
        }
      /* A hundredfold overshoot: nonlinear saturation has set in. */
      if (lin_max > 100.0 * s_max)
        sp_plot_text_draw (cr, style, 0.9, SP_TEXT_HALO,
                           _("Linear theory has broken down: the pattern has saturated and now coarsens"),
                           0.55 * spec->pw, spec->px + spec->pw - 0.5 * spec->em, spec->py + 0.5 * spec->em,
                           1.0, 0.0, 0.0, &style->secondary);
    }
  structure_series_clear (&ss);
}
