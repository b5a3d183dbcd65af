/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sp-figure-thermo.c — g(c) with tangents, the OCV and the T–c diagram */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "sp-figure-private.h"

/* g(0) = 0 and g(1) = K exactly (the mixing and excess terms vanish at both
 * ends, K c² does not), so the straight line through the end points is K c.
 * Subtracting it keeps every common tangent a straight line and shows the
 * double well that the K c term would otherwise hide. */
double
sp_figure_free_energy_shift (const SpModel *model,
                             double         c)
{
  return 0.0 * (1.0 - c) + model->stiffness * c;
}

/* Curve with the two exact end points g̃(0) = g̃(1) = 0 added. */
static void
shifted_curve (const SpAnalysis *a,
               double           *x,
               double           *y)
{
  x[0] = 0.0;
  y[0] = 0.0;
  for (guint i = 0; i < a->n_curve; i++)
    {
      x[i + 1] = a->c[i];
      y[i + 1] = a->g[i] - sp_figure_free_energy_shift (&a->model, a->c[i]);
    }
  x[a->n_curve + 1] = 1.0;
  y[a->n_curve + 1] = 0.0;
}

static void
composition_axis (SpFigureSpec *spec)
{
  spec->x.min = 0.0;
  spec->x.max = 1.0;
  spec->composition_x = TRUE;
  spec->x_label = g_strdup (_("Li fraction <i>c</i>"));
}

static void
pad_range (SpAxis *axis,
           double  lo_frac,
           double  hi_frac)
{
  double span = axis->max - axis->min;

  if (!(span > 0.0))
    span = MAX (fabs (axis->max), 1.0);
  axis->min -= lo_frac * span;
  axis->max += hi_frac * span;
}

/* Shades every spinodal interval, and every gap minus its spinodals; a
 * band whose edges a lesson's open question asks for is left out (the
 * metastable bands end at the binodal and at the spinodal). */
static void
draw_regions (cairo_t             *cr,
              const SpFigureSpec  *spec,
              const SpFigureData  *data,
              const SpEquilibrium *eq,
              const SpPlotStyle   *style)
{
  gboolean spinodal = !SP_FIGURE_CONCEALS_SPINODAL (data);
  gboolean metastable = spinodal && !SP_FIGURE_CONCEALS_BINODAL (data);

  for (guint i = 0; metastable && i < eq->n_gaps; i++)
    {
      double lo = eq->gaps[i].c_alpha;

      for (guint j = 0; j < eq->n_spinodals; j++)
        {
          const SpInterval *s = &eq->spinodals[j];

          if (s->hi <= lo || s->lo >= eq->gaps[i].c_beta)
            continue;
          if (s->lo > lo)
            sp_figure_band_x (cr, spec, lo, s->lo, &style->metastable_fill);
          lo = MAX (lo, s->hi);
        }
      if (lo < eq->gaps[i].c_beta)
        sp_figure_band_x (cr, spec, lo, eq->gaps[i].c_beta, &style->metastable_fill);
    }
  for (guint j = 0; spinodal && j < eq->n_spinodals; j++)
    sp_figure_band_x (cr, spec, eq->spinodals[j].lo, eq->spinodals[j].hi, &style->unstable_fill);
}

static void
add_region_legend (SpFigureSpec        *spec,
                   const SpFigureData  *data,
                   const SpEquilibrium *eq,
                   const SpPlotStyle   *style)
{
  if (SP_FIGURE_CONCEALS_SPINODAL (data))
    return;
  if (eq->n_spinodals > 0)
    sp_figure_spec_add_legend (spec, SP_LEGEND_FILL, &style->unstable_fill, _("unstable (spinodal)"));
  if (eq->n_gaps > 0 && !SP_FIGURE_CONCEALS_BINODAL (data))
    sp_figure_spec_add_legend (spec, SP_LEGEND_FILL, &style->metastable_fill, _("metastable"));
}

/* Δg at the two ends of a gap's common tangent. */
static void
binodal_points (const SpAnalysis *a,
                const SpGap      *gap,
                double           *ga,
                double           *gb)
{
  double slope = gap->mu - sp_figure_free_energy_shift (&a->model, 1.0)
                 + sp_figure_free_energy_shift (&a->model, 0.0);

  *ga = sp_model_g_u (&a->model, gap->u_alpha) - sp_figure_free_energy_shift (&a->model, gap->c_alpha);
  *gb = *ga + slope * (gap->c_beta - gap->c_alpha);
}

#define BINODAL_DOT   0.32   /* em */
#define BINODAL_SIZE  0.8
#define C0_SIZE       0.9

static char *
binodal_text (double c)
{
  return g_strdup_printf ("%.3f", c);
}

/* Markers and labels of g(c), by sp_figure_place_label(): each binodal
 * point's composition under its dot (centred, or turned outwards when
 * the gap is narrow), else above it or beside it; then "c₀" at the foot
 * of its line, right of it or left of it, else at its top. */
void
sp_figure_free_energy_annotate (const SpFigureSpec *spec,
                                const SpFigureData *data,
                                const SpPlotStyle  *style,
                                SpAnnotations      *annotations,
                                SpLabelPlacement   *binodal,
                                gboolean           *has_binodal,
                                SpLabelPlacement   *c0_label,
                                gboolean           *has_c0_label)
{
  const SpAnalysis *a = data->analysis;
  double r = BINODAL_DOT * spec->em;
  double u0 = sp_axis_map (&spec->x, a->model.c0);
  double top = -(spec->ph / spec->em) + 0.3;

  memset (annotations, 0, sizeof *annotations);
  for (guint i = 0; !SP_FIGURE_CONCEALS_BINODAL (data) && i < a->eq.n_gaps; i++)
    {
      double ga, gb;

      binodal_points (a, &a->eq.gaps[i], &ga, &gb);
      sp_annotations_add_dot (annotations, sp_axis_map (&spec->x, a->eq.gaps[i].c_alpha),
                              sp_axis_map (&spec->y, ga), 1.25 * r);
      sp_annotations_add_dot (annotations, sp_axis_map (&spec->x, a->eq.gaps[i].c_beta),
                              sp_axis_map (&spec->y, gb), 1.25 * r);
    }
  for (guint i = 0; i < 2 * a->eq.n_gaps; i++)
    has_binodal[i] = FALSE;
  for (guint i = 0; !SP_FIGURE_CONCEALS_BINODAL (data) && i < 2 * a->eq.n_gaps; i++)
    {
      const SpGap *gap = &a->eq.gaps[i / 2];
      gboolean close = gap->c_beta - gap->c_alpha < 0.12;
      gboolean beta = i % 2 == 1;
      double xalign = close ? (beta ? 0.0 : 1.0) : 0.5;
      double c = beta ? gap->c_beta : gap->c_alpha, ga, gb;
      g_autofree char *text = binodal_text (c);
      const SpLabelSpot spots[] = {
        { 0.0, 0.6, xalign, 0.0 },
        { 0.0, -0.6, xalign, 1.0 },
        { beta ? 0.6 : -0.6, 0.0, beta ? 0.0 : 1.0, 0.5 },
        { beta ? -0.6 : 0.6, 0.0, beta ? 1.0 : 0.0, 0.5 },
      };

      binodal_points (a, gap, &ga, &gb);
      has_binodal[i] = sp_figure_place_label (spec, style, BINODAL_SIZE, text,
                                              sp_axis_map (&spec->x, c),
                                              sp_axis_map (&spec->y, beta ? gb : ga),
                                              spots, G_N_ELEMENTS (spots), annotations,
                                              &binodal[i]);
    }
  {
    const SpLabelSpot spots[] = {
      { 0.3, -0.3, 0.0, 1.0 },
      { -0.3, -0.3, 1.0, 1.0 },
      { 0.3, top, 0.0, 0.0 },
      { -0.3, top, 1.0, 0.0 },
    };

    *has_c0_label = sp_figure_place_label (spec, style, C0_SIZE, "<i>c</i>₀", u0, spec->py + spec->ph,
                                           spots, G_N_ELEMENTS (spots), annotations, c0_label);
  }
}

/* ---- g(c) ---------------------------------------------------------------- */

void
sp_figure_free_energy_setup (SpFigureSpec       *spec,
                             const SpFigureData *data,
                             const SpPlotStyle  *style)
{
  const SpAnalysis *a = data->analysis;
  g_autofree double *x = NULL, *y = NULL;

  if (a == NULL || a->n_curve < 2)
    {
      sp_figure_spec_set_no_data (spec, _("No analysis"));
      return;
    }
  composition_axis (spec);
  x = g_new (double, a->n_curve + 2);
  y = g_new (double, a->n_curve + 2);
  shifted_curve (a, x, y);
  sp_figure_finite_range (y, a->n_curve + 2, &spec->y.min, &spec->y.max);
  pad_range (&spec->y, 0.06, 0.06);
  /* Translators: Pango markup; keep the tags.  The free energy minus the
   * straight line through its end points. */
  spec->y_label = g_strdup (_("Δ<i>g</i> = <i>g</i> − [<i>g</i>(0)(1−<i>c</i>) + <i>g</i>(1)<i>c</i>]"));
  spec->y_label_short = g_strdup (_("Δ<i>g</i>"));
  spec->y_unit = g_strdup (_("meV"));

  sp_figure_spec_add_legend (spec, SP_LEGEND_LINE, &style->accent, _("<i>g</i>(<i>c</i>)"));
  if (a->eq.n_gaps > 0 && !SP_FIGURE_CONCEALS_BINODAL (data))
    sp_figure_spec_add_legend (spec, SP_LEGEND_LINE, &style->tangent, _("common tangent"));
  add_region_legend (spec, data, &a->eq, style);
  sp_figure_spec_add_legend (spec, SP_LEGEND_DASHED, &style->marker, _("<i>c</i>₀"));
}

void
sp_figure_free_energy_draw (cairo_t            *cr,
                            const SpFigureSpec *spec,
                            const SpFigureData *data,
                            const SpPlotStyle  *style)
{
  const SpAnalysis *a = data->analysis;
  g_autofree double *x = g_new (double, a->n_curve + 2);
  g_autofree double *y = g_new (double, a->n_curve + 2);
  double r = BINODAL_DOT * spec->em;
  SpAnnotations annotations;
  SpLabelPlacement binodal[2 * SP_MAX_INTERVALS], c0_label;
  gboolean has_binodal[2 * SP_MAX_INTERVALS], has_c0_label;

  shifted_curve (a, x, y);

  cairo_save (cr);
  sp_figure_clip_plot (cr, spec);
  draw_regions (cr, spec, data, &a->eq, style);
  /* While the tangent construction plays, c₀ is its sweep's. */
  if (data->tangent_tour == NULL)
    sp_figure_vline (cr, spec, a->model.c0, &style->marker, spec->lw, TRUE);
  /* "c₀" under the curves, which must stay whole where they cross it. */
  sp_figure_free_energy_annotate (spec, data, style, &annotations, binodal, has_binodal,
                                  &c0_label, &has_c0_label);
  if (has_c0_label && data->tangent_tour == NULL)
    sp_figure_draw_placed_label (cr, style, C0_SIZE, "<i>c</i>₀", &c0_label, &style->marker);

  sp_figure_path (cr, spec, x, y, a->n_curve + 2);
  sp_figure_stroke (cr, &style->accent, 1.6 * spec->lw, FALSE);

  /* While the tangent construction plays, the tangents are its to show;
   * while a question asks for the binodal, they are not shown at all. */
  for (guint i = 0; data->tangent_tour == NULL && !SP_FIGURE_CONCEALS_BINODAL (data) &&
                    i < a->eq.n_gaps; i++)
    {
      const SpGap *gap = &a->eq.gaps[i];
      double slope = gap->mu - sp_figure_free_energy_shift (&a->model, 1.0)
                     + sp_figure_free_energy_shift (&a->model, 0.0);
      double ga, gb;
      double ext = 0.12 * (gap->c_beta - gap->c_alpha) + 0.02;
      double tx[2] = { gap->c_alpha - ext, gap->c_beta + ext };
      double ty[2];

      binodal_points (a, gap, &ga, &gb);
      ty[0] = ga - slope * ext;
      ty[1] = gb + slope * ext;
      sp_figure_path (cr, spec, tx, ty, 2);
      sp_figure_stroke (cr, &style->tangent, 1.2 * spec->lw, FALSE);
      sp_figure_dot (cr, sp_axis_map (&spec->x, gap->c_alpha), sp_axis_map (&spec->y, ga),
                     r, &style->tangent, &style->background);
      sp_figure_dot (cr, sp_axis_map (&spec->x, gap->c_beta), sp_axis_map (&spec->y, gb),
                     r, &style->tangent, &style->background);
    }
  cairo_restore (cr);

  for (guint i = 0; data->tangent_tour == NULL && i < 2 * a->eq.n_gaps; i++)
    if (has_binodal[i])
      {
        const SpGap *gap = &a->eq.gaps[i / 2];
        g_autofree char *text = binodal_text (i % 2 == 1 ? gap->c_beta : gap->c_alpha);

        sp_figure_draw_placed_label (cr, style, BINODAL_SIZE, text, &binodal[i], &style->tangent);
      }

  if (isfinite (data->cursor_c))
    {
      double v = sp_figure_interpolate (x, y, a->n_curve + 2, data->cursor_c);
      g_autofree char *cs = sp_plot_format_number ("%.3f", data->cursor_c);
      g_autofree char *vs = sp_plot_format_number ("%.2f", v);
      g_autofree char *text = g_strdup_printf (_("<i>c</i> = %s, Δ<i>g</i> = %s meV"), cs, vs);

      sp_figure_draw_cursor (cr, spec, style, data->cursor_c, text);
    }
}

/* ---- OCV ------------------------------------------------------------------ */

/* The equilibrium curve is flat at the plateau voltage between the two
 * binodal compositions: a question asking for either hides it. */
static gboolean
ocv_equilibrium_shown (const SpFigureData *data)
{
  return !SP_FIGURE_CONCEALS_BINODAL (data) &&
         !sp_figure_data_conceals (data, SP_LESSON_QUANTITY_PLATEAU_VOLTAGE);
}

void
sp_figure_ocv_setup (SpFigureSpec       *spec,
                     const SpFigureData *data,
                     const SpPlotStyle  *style)
{
  const SpAnalysis *a = data->analysis;
  double lo1, hi1, lo2, hi2;

  if (a == NULL || a->n_curve < 2)
    {
      sp_figure_spec_set_no_data (spec, _("No analysis"));
      return;
    }
  composition_axis (spec);
  sp_figure_finite_range (a->ocv_homogeneous, a->n_curve, &lo1, &hi1);
  sp_figure_finite_range (a->ocv_equilibrium, a->n_curve, &lo2, &hi2);
  spec->y.min = MIN (lo1, lo2);
  spec->y.max = MAX (hi1, hi2);
  pad_range (&spec->y, 0.04, 0.04);
  spec->y_label = g_strdup (_("Voltage <i>V</i>"));
  spec->y_label_short = g_strdup ("<i>V</i>");
  spec->y_unit = g_strdup (_("V"));

  if (ocv_equilibrium_shown (data))
    sp_figure_spec_add_legend (spec, SP_LEGEND_LINE, &style->accent, _("equilibrium"));
  sp_figure_spec_add_legend (spec, SP_LEGEND_LINE, &style->secondary, _("single phase"));
  if (a->eq.n_spinodals > 0)
    sp_figure_spec_add_legend (spec, SP_LEGEND_DASHED, &style->secondary,
                               _("single phase, unstable"));
  add_region_legend (spec, data, &a->eq, style);
}

void
sp_figure_ocv_draw (cairo_t            *cr,
                    const SpFigureSpec *spec,
                    const SpFigureData *data,
                    const SpPlotStyle  *style)
{
  const SpAnalysis *a = data->analysis;
  guint start = 0;

  cairo_save (cr);
  sp_figure_clip_plot (cr, spec);
  draw_regions (cr, spec, data, &a->eq, style);

  /* The homogeneous curve in runs of constant stability; each run shares
   * its end point with the next so the line has no gaps. */
  for (guint i = 1; i <= a->n_curve; i++)
    {
      gboolean unstable = a->g2[start] < 0.0;

      if (i == a->n_curve || (a->g2[i] < 0.0) != unstable)
        {
          guint end = MIN (i + 1, a->n_curve);

          sp_figure_path (cr, spec, a->c + start, a->ocv_homogeneous + start, end - start);
          sp_figure_stroke (cr, &style->secondary, 1.2 * spec->lw, unstable);
          start = i;
        }
    }

  if (ocv_equilibrium_shown (data))
    {
      sp_figure_path (cr, spec, a->c, a->ocv_equilibrium, a->n_curve);
      sp_figure_stroke (cr, &style->accent, 1.8 * spec->lw, FALSE);
    }
  cairo_restore (cr);

  for (guint i = 0; !sp_figure_data_conceals (data, SP_LESSON_QUANTITY_PLATEAU_VOLTAGE) &&
                    i < a->eq.n_gaps; i++)
    {
      const SpGap *gap = &a->eq.gaps[i];
      g_autofree char *vs = sp_plot_format_number ("%.3f", gap->voltage);
      g_autofree char *text = g_strdup_printf (_("plateau %s V"), vs);

      sp_plot_text_draw (cr, style, 0.9, SP_TEXT_HALO, text, -1,
                         sp_axis_map (&spec->x, 0.5 * (gap->c_alpha + gap->c_beta)),
                         sp_axis_map (&spec->y, gap->voltage) - 0.5 * spec->em,
                         0.5, 1.0, 0.0, &style->accent);
    }

  if (isfinite (data->cursor_c))
    {
      double ve = sp_figure_interpolate (a->c, a->ocv_equilibrium, a->n_curve, data->cursor_c);
      double vh = sp_figure_interpolate (a->c, a->ocv_homogeneous, a->n_curve, data->cursor_c);
      g_autofree char *cs = sp_plot_format_number ("%.3f", data->cursor_c);
      g_autofree char *es = sp_plot_format_number ("%.4f", ve);
      g_autofree char *hs = sp_plot_format_number ("%.4f", vh);
      g_autofree char *text = NULL;

      if (ocv_equilibrium_shown (data))
        text = g_strdup_printf (_("<i>c</i> = %s\nequilibrium %s V\nsingle phase %s V"), cs, es, hs);
      else
        text = g_strdup_printf (_("<i>c</i> = %s\nsingle phase %s V"), cs, hs);
      sp_figure_draw_cursor (cr, spec, style, data->cursor_c, text);
    }
}

/* ---- T–c phase diagram ------------------------------------------------------ */

/* Both domes close at the critical point: a question asking for T_c
 * hides them, one asking for the binodal or the spinodal hides its own. */
static gboolean
phase_dome_shown (const SpFigureData *data,
                  gboolean            spinodal)
{
  if (sp_figure_data_conceals (data, SP_LESSON_QUANTITY_CRITICAL_TEMPERATURE))
    return FALSE;
  return spinodal ? !SP_FIGURE_CONCEALS_SPINODAL (data) : !SP_FIGURE_CONCEALS_BINODAL (data);
}


void
sp_figure_phase_setup (SpFigureSpec       *spec,
                       const SpFigureData *data,
                       const SpPlotStyle  *style)
{
  const SpAnalysis *a = data->analysis;

  if (a == NULL || a->phase == NULL || a->phase->n_rows < 2)
    {
      sp_figure_spec_set_no_data (spec, _("No analysis"));
      return;
    }
  composition_axis (spec);
  spec->y.min = a->phase->t_min;
  spec->y.max = a->phase->t_max;
  /* The diagram ends a tenth above the highest critical point: while a
   * question asks for T_c (and the domes are hidden) the axis spans the
   * temperature's whole range instead, which says nothing of T_c. */
  if (sp_figure_data_conceals (data, SP_LESSON_QUANTITY_CRITICAL_TEMPERATURE))
    {
      const SpParamRange *range = sp_param_range (SP_PARAM_TEMPERATURE);

      spec->y.min = range->min;
      spec->y.max = range->max;
    }
  spec->y_label = g_strdup (_("Temperature <i>T</i>"));
  spec->y_label_short = g_strdup ("<i>T</i>");
  spec->readout_bottom = TRUE;
  spec->y_unit = g_strdup (_("K"));

  if (phase_dome_shown (data, FALSE))
    sp_figure_spec_add_legend (spec, SP_LEGEND_LINE, &style->tangent, _("binodal"));
  if (phase_dome_shown (data, TRUE))
    sp_figure_spec_add_legend (spec, SP_LEGEND_LINE, &style->secondary, _("spinodal"));
  {
    gboolean shown = FALSE;

    /* Only when a critical point lies on the axis (one above the slider
     * range is not drawn). */
    for (guint k = 0; k < a->phase->n_critical; k++)
      shown |= a->phase->critical[k].temperature >= a->phase->t_min &&
               a->phase->critical[k].temperature <= a->phase->t_max;
    if (shown && !sp_figure_data_conceals (data, SP_LESSON_QUANTITY_CRITICAL_TEMPERATURE))
      sp_figure_spec_add_legend (spec, SP_LEGEND_DOT, &style->foreground, _("critical point"));
  }
  sp_figure_spec_add_legend (spec, SP_LEGEND_DOT, &style->marker, _("(<i>c</i>₀, <i>T</i>)"));
}

/* The two boundaries of interval @i of a row: a gap or a spinodal. */
static guint
row_count (const SpPhaseRow *row,
           gboolean          spinodal)
{
  return spinodal ? row->eq.n_spinodals : row->eq.n_gaps;
}

static void
row_bounds (const SpPhaseRow *row,
            gboolean          spinodal,
            guint             i,
            double           *lo,
            double           *hi)
{
  if (spinodal)
    {
      *lo = row->eq.spinodals[i].lo;
      *hi = row->eq.spinodals[i].hi;
    }
  else
    {
      *lo = row->eq.gaps[i].c_alpha;
      *hi = row->eq.gaps[i].c_beta;
    }
}

/* The critical point, if any, where interval @i of row @r closes towards
 * row @next (the row above for an upper point, below for a lower one):
 * one with its temperature between the two rows, on the side where that
 * row has fewer intervals, and nearest to interval @i. */
static const SpCriticalPoint *
closing_point (const SpPhaseDiagram *pd,
               gboolean              spinodal,
               guint                 r,
               guint                 next,
               guint                 i)
{
  const SpPhaseRow *row = &pd->rows[r];
  double t_lo = MIN (row->temperature, pd->rows[next].temperature);
  double t_hi = MAX (row->temperature, pd->rows[next].temperature);
  const SpCriticalPoint *best = NULL;
  double best_distance = INFINITY;

  if (row_count (&pd->rows[next], spinodal) >= row_count (row, spinodal))
    return NULL;
  for (guint k = 0; k < pd->n_critical; k++)
    {
      const SpCriticalPoint *p = &pd->critical[k];
      double lo, hi, distance = INFINITY;

      if (p->temperature < t_lo || p->temperature > t_hi)
        continue;
      /* Which interval it closes: the one nearest to it, if this is it. */
      for (guint j = 0; j < row_count (row, spinodal); j++)
        {
          row_bounds (row, spinodal, j, &lo, &hi);
          if (j == i)
            distance = p->c < lo ? lo - p->c : p->c > hi ? p->c - hi : 0.0;
        }
      for (guint j = 0; j < row_count (row, spinodal); j++)
        {
          double d;

          row_bounds (row, spinodal, j, &lo, &hi);
          d = p->c < lo ? lo - p->c : p->c > hi ? p->c - hi : 0.0;
          if (j != i && d < distance)
            distance = INFINITY;   /* another interval is nearer */
        }
      if (distance < best_distance)
        {
          best = p;
          best_distance = distance;
        }
    }
  return best;
}

/* The interval of row @next that continues interval @i of row @r (both
 * ends nearby), or −1: where a run of rows with two domes meets one with
 * one, the surviving dome goes on without a seam, while a three-phase line
 * (one wide gap splitting into two) stays drawn. */
static int
continuing_interval (const SpPhaseDiagram *pd,
                     gboolean              spinodal,
                     guint                 r,
                     guint                 next,
                     guint                 i)
{
  double lo, hi, lo_n, hi_n;

  row_bounds (&pd->rows[r], spinodal, i, &lo, &hi);
  for (guint j = 0; j < row_count (&pd->rows[next], spinodal); j++)
    {
      row_bounds (&pd->rows[next], spinodal, j, &lo_n, &hi_n);
      if (fabs (lo_n - lo) < 0.05 && fabs (hi_n - hi) < 0.05)
        return j;
    }
  return -1;
}

static void
path_to (cairo_t            *cr,
         const SpFigureSpec *spec,
         gboolean            move,
         double              c,
         double              t)
{
  if (move)
    cairo_move_to (cr, sp_axis_map (&spec->x, c), sp_axis_map (&spec->y, t));
  else
    cairo_line_to (cr, sp_axis_map (&spec->x, c), sp_axis_map (&spec->y, t));
}

/* Traces each dome as one polygon: for every run of consecutive rows with
 * the same number of intervals, interval i's low edge upwards, the critical
 * point where it closes above the run (an upper critical point), its high
 * edge back down, and the critical point where it opens below the run (a
 * lower one, s1 < −2: a dome that opens upward).  One polygon per run (not
 * one quadrilateral per row) keeps the fill seamless and the edges smooth,
 * and costs Cairo a fraction of the time. */
static void
dome_path (cairo_t              *cr,
           const SpFigureSpec   *spec,
           const SpPhaseDiagram *pd,
           gboolean              spinodal,
           gboolean              closed)
{
  guint r0 = 0;

  while (r0 < pd->n_rows)
    {
      guint n = row_count (&pd->rows[r0], spinodal), r1 = r0;

      while (r1 + 1 < pd->n_rows && row_count (&pd->rows[r1 + 1], spinodal) == n)
        r1++;
      for (guint i = 0; i < n; i++)
        {
          const SpCriticalPoint *top = r1 + 1 < pd->n_rows
                                       ? closing_point (pd, spinodal, r1, r1 + 1, i) : NULL;
          const SpCriticalPoint *bottom = r0 > 0
                                          ? closing_point (pd, spinodal, r0, r0 - 1, i) : NULL;
          int on = top == NULL && r1 + 1 < pd->n_rows
                   ? continuing_interval (pd, spinodal, r1, r1 + 1, i) : -1;
          double lo, hi;

          if (r1 == r0 && top == NULL && bottom == NULL && on < 0)
            continue;
          if (bottom != NULL)
            path_to (cr, spec, TRUE, bottom->c, bottom->temperature);
          for (guint r = r0; r <= r1; r++)
            {
              row_bounds (&pd->rows[r], spinodal, i, &lo, &hi);
              path_to (cr, spec, r == r0 && bottom == NULL, lo, pd->rows[r].temperature);
            }
          if (top != NULL)
            path_to (cr, spec, FALSE, top->c, top->temperature);
          if (on >= 0)
            {
              /* Up to the next run's row, where this dome goes on. */
              row_bounds (&pd->rows[r1 + 1], spinodal, on, &lo, &hi);
              path_to (cr, spec, FALSE, lo, pd->rows[r1 + 1].temperature);
              if (!closed)
                path_to (cr, spec, TRUE, hi, pd->rows[r1 + 1].temperature);
              else
                path_to (cr, spec, FALSE, hi, pd->rows[r1 + 1].temperature);
            }
          for (guint r = r1 + 1; r-- > r0;)
            {
              row_bounds (&pd->rows[r], spinodal, i, &lo, &hi);
              path_to (cr, spec, FALSE, hi, pd->rows[r].temperature);
            }
          if (bottom != NULL)
            path_to (cr, spec, FALSE, bottom->c, bottom->temperature);
          if (closed)
            cairo_close_path (cr);
        }
      r0 = r1 + 1;
    }
}

static void
draw_dome (cairo_t              *cr,
           const SpFigureSpec   *spec,
           const SpPhaseDiagram *pd,
           gboolean              spinodal,
           const SpColor        *fill,
           const SpColor        *line,
           double                width)
{
  dome_path (cr, spec, pd, spinodal, TRUE);
  sp_plot_set_color (cr, fill);
  cairo_fill (cr);
  /* Open paths: the bottom of the plot is not a boundary. */
  dome_path (cr, spec, pd, spinodal, FALSE);
  sp_figure_stroke (cr, line, width, FALSE);
}

/* The critical point and the state (c₀, T): dots, and labels placed by
 * sp_figure_place_label() clear of both dots, of each other and of the
 * tick labels. */
#define DOT_RADIUS 0.36   /* em; the state's dot is 1.2 × larger */
#define RING       1.25   /* the dot's ring reaches this far, × radius */
#define LABEL_SIZE 0.9

static gboolean
critical_shown (const SpFigureData    *data,
                const SpFigureSpec    *spec,
                const SpCriticalPoint *p)
{
  return !sp_figure_data_conceals (data, SP_LESSON_QUANTITY_CRITICAL_TEMPERATURE) &&
         p->temperature >= spec->y.min && p->temperature <= spec->y.max;
}

static gboolean
state_shown (const SpFigureSpec *spec,
             const SpAnalysis   *a)
{
  return a->model.temperature >= spec->y.min && a->model.temperature <= spec->y.max;
}

static char *
critical_text (const SpCriticalPoint *p)
{
  return g_strdup_printf (_("<i>T</i><sub>c</sub> = %.0f K"), p->temperature);
}

void
sp_figure_phase_annotate (const SpFigureSpec *spec,
                          const SpFigureData *data,
                          const SpPlotStyle  *style,
                          SpAnnotations      *annotations,
                          SpLabelPlacement   *tc_label,
                          gboolean           *has_tc_label,
                          SpLabelPlacement   *state_label,
                          gboolean           *has_state_label)
{
  const SpAnalysis *a = data->analysis;
  const SpPhaseDiagram *pd = a->phase;
  double r = DOT_RADIUS * spec->em;
  double u0 = sp_axis_map (&spec->x, a->model.c0);
  double v0 = sp_axis_map (&spec->y, a->model.temperature);

  memset (annotations, 0, sizeof *annotations);
  *has_state_label = FALSE;
  for (guint k = 0; k < SP_MAX_CRITICAL; k++)
    has_tc_label[k] = FALSE;
  /* Every critical point's dot first, so no label covers any of them. */
  for (guint k = 0; k < pd->n_critical; k++)
    if (critical_shown (data, spec, &pd->critical[k]))
      sp_annotations_add_dot (annotations, sp_axis_map (&spec->x, pd->critical[k].c),
                              sp_axis_map (&spec->y, pd->critical[k].temperature), RING * r);
  if (state_shown (spec, a))
    sp_annotations_add_dot (annotations, u0, v0, RING * 1.2 * r);

  if (state_shown (spec, a))
    {
      const char *label = _("(<i>c</i>₀, <i>T</i>)");
      double tw, room_left = u0 - spec->px, room_right = spec->px + spec->pw - u0, side;

      /* First beside the dot on the side where the nearest binodal or
       * spinodal at this temperature is farther away, so the label does
       * not sit on a curve; below the T line, then above it. */
      for (guint i = 0; i < a->eq.n_gaps + a->eq.n_spinodals; i++)
        {
          gboolean gap = i < a->eq.n_gaps;
          guint j = gap ? i : i - a->eq.n_gaps;
          double ends[2] = { gap ? a->eq.gaps[j].c_alpha : a->eq.spinodals[j].lo,
                             gap ? a->eq.gaps[j].c_beta : a->eq.spinodals[j].hi };

          for (guint e = 0; e < 2; e++)
            {
              double u = sp_axis_map (&spec->x, ends[e]);

              if (u >= u0)
                room_right = MIN (room_right, u - u0);
              else
                room_left = MIN (room_left, u0 - u);
            }
        }
      sp_plot_text_measure (style, LABEL_SIZE, 0, label, -1, &tw, NULL);
      side = room_right >= tw + 1.2 * spec->em || room_right >= room_left ? 1.0 : -1.0;
      {
        const SpLabelSpot spots[] = {
          { 0.7 * side, 0.4, side > 0 ? 0.0 : 1.0, 0.0 },
          { 0.7 * side, -0.4, side > 0 ? 0.0 : 1.0, 1.0 },
          { -0.7 * side, 0.4, side > 0 ? 1.0 : 0.0, 0.0 },
          { -0.7 * side, -0.4, side > 0 ? 1.0 : 0.0, 1.0 },
          { 0.0, 0.8, 0.5, 0.0 },
          { 0.0, -0.8, 0.5, 1.0 },
        };

        *has_state_label = sp_figure_place_label (spec, style, LABEL_SIZE, label, u0, v0, spots,
                                                  G_N_ELEMENTS (spots), annotations, state_label);
      }
    }

  for (guint k = 0; k < pd->n_critical; k++)
    {
      const SpCriticalPoint *p = &pd->critical[k];
      g_autofree char *text = NULL;
      /* An upper point: above it first (outside its dome), then beside
       * it, then below.  A lower point's dome opens upward: below first. */
      const SpLabelSpot upper[] = {
        { 0.0, -0.6, 0.5, 1.0 },
        { 0.8, 0.2, 0.0, 0.0 },
        { -0.8, 0.2, 1.0, 0.0 },
        { 0.8, -0.2, 0.0, 1.0 },
        { -0.8, -0.2, 1.0, 1.0 },
        { 0.0, 0.6, 0.5, 0.0 },
      };
      const SpLabelSpot lower[] = {
        { 0.0, 0.6, 0.5, 0.0 },
        { 0.8, 0.2, 0.0, 0.0 },
        { -0.8, 0.2, 1.0, 0.0 },
        { 0.8, -0.2, 0.0, 1.0 },
        { -0.8, -0.2, 1.0, 1.0 },
        { 0.0, -0.6, 0.5, 1.0 },
      };

      if (!critical_shown (data, spec, p))
        continue;
      text = critical_text (p);
      has_tc_label[k] = sp_figure_place_label (spec, style, LABEL_SIZE, text,
                                               sp_axis_map (&spec->x, p->c),
                                               sp_axis_map (&spec->y, p->temperature),
                                               p->kind == SP_CRITICAL_LOWER ? lower : upper,
                                               G_N_ELEMENTS (upper), annotations, &tc_label[k]);
    }
}

void
sp_figure_phase_draw (cairo_t            *cr,
                      const SpFigureSpec *spec,
                      const SpFigureData *data,
                      const SpPlotStyle  *style)
{
  const SpAnalysis *a = data->analysis;
  const SpPhaseDiagram *pd = a->phase;
  double r = DOT_RADIUS * spec->em;
  double u0 = sp_axis_map (&spec->x, a->model.c0);
  double v0 = sp_axis_map (&spec->y, a->model.temperature);
  SpAnnotations annotations;
  SpLabelPlacement tc_label[SP_MAX_CRITICAL], state_label;
  gboolean has_tc_label[SP_MAX_CRITICAL], has_state_label;

  cairo_save (cr);
  sp_figure_clip_plot (cr, spec);
  if (phase_dome_shown (data, FALSE))
    draw_dome (cr, spec, pd, FALSE, &style->metastable_fill, &style->tangent, 1.6 * spec->lw);
  if (phase_dome_shown (data, TRUE))
    draw_dome (cr, spec, pd, TRUE, &style->unstable_fill, &style->secondary, 1.3 * spec->lw);

  /* The current temperature as a thin line, the state as a dot on it. */
  cairo_move_to (cr, spec->px, v0);
  cairo_line_to (cr, spec->px + spec->pw, v0);
  sp_figure_stroke (cr, &style->marker, 0.7 * spec->lw, TRUE);
  cairo_restore (cr);

  sp_figure_phase_annotate (spec, data, style, &annotations, tc_label, has_tc_label,
                            &state_label, &has_state_label);
  for (guint k = 0; k < pd->n_critical; k++)
    if (critical_shown (data, spec, &pd->critical[k]))
      sp_figure_dot (cr, sp_axis_map (&spec->x, pd->critical[k].c),
                     sp_axis_map (&spec->y, pd->critical[k].temperature), r,
                     &style->foreground, &style->background);
  if (state_shown (spec, a))
    sp_figure_dot (cr, u0, v0, 1.2 * r, &style->marker, &style->background);
  for (guint k = 0; k < pd->n_critical; k++)
    if (has_tc_label[k])
      {
        g_autofree char *text = critical_text (&pd->critical[k]);

        sp_figure_draw_placed_label (cr, style, LABEL_SIZE, text, &tc_label[k], &style->foreground);
      }
  if (has_state_label)
    sp_figure_draw_placed_label (cr, style, LABEL_SIZE, _("(<i>c</i>₀, <i>T</i>)"), &state_label,
                                 &style->marker);

  if (isfinite (data->cursor_c))
    {
      SpRegion region = sp_equilibrium_classify (&a->eq, data->cursor_c);
      const char *where = region == SP_REGION_UNSTABLE ? _("unstable")
                          : region == SP_REGION_METASTABLE ? _("metastable") : _("stable");
      g_autofree char *cs = sp_plot_format_number ("%.3f", data->cursor_c);
      g_autofree char *text = NULL;

      /* Where the region changes is what a binodal or spinodal question asks. */
      if (SP_FIGURE_CONCEALS_BINODAL (data) || SP_FIGURE_CONCEALS_SPINODAL (data))
        text = g_strdup_printf (_("<i>c</i> = %s at %.0f K"), cs, a->model.temperature);
      else
        text = g_strdup_printf (_("<i>c</i> = %s: %s at %.0f K"), cs, where, a->model.temperature);

      sp_figure_draw_cursor (cr, spec, style, data->cursor_c, text);
    }
}
