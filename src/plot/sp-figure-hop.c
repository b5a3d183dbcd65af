/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sp-figure-hop.c — what the hopping page's figures share (colours, a
 * value with its uncertainty, error bars, the time cursor) and the lattice
 * figure
 *
 * The lattice layer is drawn for a lecture hall: carriers as filled
 * circles in the accent colour, blocked sites as grey squares (shape and
 * lightness tell them apart, not hue alone, so the picture survives
 * colour-blindness, greyscale print and a washed-out projector), empty
 * sites as faint dots; tracer paths in Okabe–Ito colours (orange,
 * vermilion, reddish purple, bluish green: distinguishable with every
 * common colour-vision deficiency) over a halo of the background, each
 * ending in a ring at the tracer's present position.
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "sp-figure-private.h"

/* Okabe & Ito, "Color Universal Design" (2008), and lighter shades of the
 * same hues for the dark style. */
static const SpColor path_light[] = {
  { 0.90, 0.62, 0.00, 1.0 },   /* #e69f00 orange         */
  { 0.84, 0.37, 0.00, 1.0 },   /* #d55e00 vermilion      */
  { 0.80, 0.47, 0.65, 1.0 },   /* #cc79a7 reddish purple */
  { 0.00, 0.62, 0.45, 1.0 },   /* #009e73 bluish green   */
};
static const SpColor path_dark[] = {
  { 1.00, 0.75, 0.25, 1.0 },
  { 1.00, 0.52, 0.25, 1.0 },
  { 0.93, 0.62, 0.80, 1.0 },
  { 0.25, 0.85, 0.65, 1.0 },
};

void
sp_figure_hop_path_color (const SpPlotStyle *style,
                          guint              i,
                          SpColor           *color)
{
  *color = style->dark ? path_dark[i % G_N_ELEMENTS (path_dark)]
                       : path_light[i % G_N_ELEMENTS (path_light)];
}

/* Decimals that show two significant digits of @err (or three of @value
 * when there is no error). */
static int
decimals_for (double value,
              double err)
{
  double ref = isfinite (err) && err > 0.0 ? err : fabs (value);
  int digits = isfinite (err) && err > 0.0 ? 2 : 3;

  if (!(ref > 0.0) || !isfinite (ref))
    return 0;
  return CLAMP (digits - 1 - (int) floor (log10 (ref)), 0, 8);
}

char *
sp_figure_hop_format_pm (double      value,
                         double      err,
                         const char *unit)
{
  int e = 0, decimals;
  gboolean sci, has_err = isfinite (err) && err > 0.0;
  g_autofree char *format = NULL;
  g_autofree char *v = NULL;
  g_autofree char *s = NULL;
  g_autofree char *power = NULL;
  const char *sep = unit != NULL && unit[0] != '\0' ? " " : "";

  if (unit == NULL)
    unit = "";
  if (!isfinite (value))
    return g_strdup_printf ("–%s%s", sep, unit);
  if (value != 0.0)
    e = (int) floor (log10 (fabs (value)));
  sci = e < -2 || e > 3;
  if (!sci)
    e = 0;
  decimals = decimals_for (value / pow (10.0, e), has_err ? err / pow (10.0, e) : NAN);
  format = g_strdup_printf ("%%.%df", decimals);
  v = sp_plot_format_number (format, value / pow (10.0, e));
  if (has_err)
    s = sp_plot_format_number (format, err / pow (10.0, e));
  if (!sci)
    return has_err ? g_strdup_printf ("%s ± %s%s%s", v, s, sep, unit)
                   : g_strdup_printf ("%s%s%s", v, sep, unit);
  power = sp_ticks_format_power (e);
  return has_err ? g_strdup_printf ("(%s ± %s) × %s%s%s", v, s, power, sep, unit)
                 : g_strdup_printf ("%s × %s%s%s", v, power, sep, unit);
}

void
sp_figure_hop_error_bar (cairo_t            *cr,
                         const SpFigureSpec *spec,
                         double              u,
                         double              v_lo,
                         double              v_hi,
                         gboolean            cap_lo,
                         const SpColor      *color)
{
  double cap = 0.3 * spec->em;

  if (!isfinite (u) || !isfinite (v_hi))
    return;
  if (!isfinite (v_lo))
    {
      v_lo = spec->py + spec->ph;
      cap_lo = FALSE;
    }
  cairo_move_to (cr, u, v_lo);
  cairo_line_to (cr, u, v_hi);
  cairo_move_to (cr, u - cap, v_hi);
  cairo_line_to (cr, u + cap, v_hi);
  if (cap_lo)
    {
      cairo_move_to (cr, u - cap, v_lo);
      cairo_line_to (cr, u + cap, v_lo);
    }
  sp_figure_stroke (cr, color, 0.8 * spec->lw, FALSE);
}

gboolean
sp_figure_hop_time_axis (SpFigureKind kind)
{
  return kind == SP_FIGURE_MSD || kind == SP_FIGURE_FS;
}

/* ---- lattice ------------------------------------------------------------------- */

static gboolean
lattice_has_sites (const SpHopFigureLattice *l)
{
  return l->sites != NULL && l->nx > 0 && l->ny > 0 && l->spacing_angstrom > 0.0;
}

static void
lattice_box (const SpHopFigureLattice *l,
             double                   *w,
             double                   *h)
{
  *w = lattice_has_sites (l) ? l->nx * l->spacing_angstrom : l->width_angstrom;
  *h = lattice_has_sites (l) ? l->ny * l->spacing_angstrom : l->height_angstrom;
}

static void
blocked_color (const SpPlotStyle *style,
               SpColor           *color)
{
  *color = style->foreground;
  color->alpha = 0.55;
}

void
sp_figure_lattice_setup (SpFigureSpec       *spec,
                         const SpFigureData *data,
                         const SpPlotStyle  *style)
{
  const SpHopFigureLattice *l = data->hop != NULL ? data->hop->lattice : NULL;
  double w, h;
  SpColor color;

  if (l == NULL)
    {
      sp_figure_spec_set_no_data (spec, _("No lattice yet: start the simulation or open a trajectory"));
      return;
    }
  lattice_box (l, &w, &h);
  if (!(w > 0.0) || !(h > 0.0) || !isfinite (w) || !isfinite (h))
    {
      sp_figure_spec_set_no_data (spec, _("No lattice yet: start the simulation or open a trajectory"));
      return;
    }
  if (l->label != NULL && l->label[0] != '\0')
    {
      g_autofree char *label = g_markup_escape_text (l->label, -1);

      g_free (spec->title);
      spec->title = g_strdup_printf (_("Lattice: %s"), label);
    }
  spec->x.min = 0.0;
  spec->x.max = w;
  spec->y.min = 0.0;
  spec->y.max = h;
  spec->equal_aspect = TRUE;
  spec->x_label = g_strdup (_("<i>x</i>"));
  spec->x_unit = g_strdup (_("Å"));
  spec->y_label = g_strdup (_("<i>y</i>"));
  spec->y_unit = g_strdup (_("Å"));
  /* The layer fills the plot: the legend always goes above it. */
  spec->legend_force_above = TRUE;
  if (lattice_has_sites (l))
    {
      sp_figure_spec_add_legend_marker (spec, SP_LEGEND_MARKER, &style->accent, SP_MARKER_CIRCLE,
                                        _("carrier"));
      blocked_color (style, &color);
      sp_figure_spec_add_legend_marker (spec, SP_LEGEND_MARKER, &color, SP_MARKER_SQUARE,
                                        _("blocked site"));
      color = style->grid;
      color.alpha = MAX (color.alpha, 0.8);
      sp_figure_spec_add_legend (spec, SP_LEGEND_DOT, &color, _("empty site"));
    }
  if (l->n_paths > 0)
    {
      sp_figure_hop_path_color (style, 0, &color);
      sp_figure_spec_add_legend (spec, SP_LEGEND_LINE, &color, _("tracer paths"));
    }
}

/* The path folded into the box, broken where it crosses a boundary. */
static void
fold_path (cairo_t                  *cr,
           const SpFigureSpec       *spec,
           const SpHopFigurePath    *p,
           double                    w,
           double                    h,
           double                   *end_u,
           double                   *end_v)
{
  double prev_x = NAN, prev_y = NAN;

  *end_u = *end_v = NAN;
  for (guint i = 0; i < p->n; i++)
    {
      double x = p->x_angstrom[i], y = p->y_angstrom[i], u, v;

      if (!isfinite (x) || !isfinite (y))
        {
          prev_x = prev_y = NAN;
          continue;
        }
      x -= w * floor (x / w);
      y -= h * floor (y / h);
      u = sp_axis_map (&spec->x, x);
      v = sp_axis_map (&spec->y, y);
      if (isfinite (prev_x) && fabs (x - prev_x) < 0.5 * w && fabs (y - prev_y) < 0.5 * h)
        cairo_line_to (cr, u, v);
      else
        cairo_move_to (cr, u, v);
      prev_x = x;
      prev_y = y;
      *end_u = u;
      *end_v = v;
    }
}

void
sp_figure_lattice_draw (cairo_t            *cr,
                        const SpFigureSpec *spec,
                        const SpFigureData *data,
                        const SpPlotStyle  *style)
{
  const SpHopFigureLattice *l = data->hop->lattice;
  double w, h, lw = spec->lw;
  SpColor blocked, empty = style->grid;

  lattice_box (l, &w, &h);
  blocked_color (style, &blocked);
  empty.alpha = MAX (empty.alpha, 0.8);
  cairo_save (cr);
  sp_figure_clip_plot (cr, spec);
  if (lattice_has_sites (l))
    {
      double a = l->spacing_angstrom;
      double cell = fabs (sp_axis_map (&spec->x, a) - sp_axis_map (&spec->x, 0.0));
      double r_carrier = 0.36 * cell, r_empty = MAX (0.6, 0.07 * cell), half = 0.42 * cell;

      /* One path per kind of site, filled once: 64 × 64 sites stay fast. */
      for (guint j = 0; j < l->ny; j++)
        for (guint i = 0; i < l->nx; i++)
          if (l->sites[(gsize) j * l->nx + i] == SP_HOP_SITE_EMPTY)
            {
              double u = sp_axis_map (&spec->x, (i + 0.5) * a), v = sp_axis_map (&spec->y, (j + 0.5) * a);

              cairo_new_sub_path (cr);
              cairo_arc (cr, u, v, r_empty, 0, 2 * G_PI);
            }
      sp_plot_set_color (cr, &empty);
      cairo_fill (cr);
      for (guint j = 0; j < l->ny; j++)
        for (guint i = 0; i < l->nx; i++)
          if (l->sites[(gsize) j * l->nx + i] == SP_HOP_SITE_BLOCKED)
            cairo_rectangle (cr, sp_axis_map (&spec->x, (i + 0.5) * a) - half,
                             sp_axis_map (&spec->y, (j + 0.5) * a) - half, 2 * half, 2 * half);
      sp_plot_set_color (cr, &blocked);
      cairo_fill (cr);
      for (guint j = 0; j < l->ny; j++)
        for (guint i = 0; i < l->nx; i++)
          if (l->sites[(gsize) j * l->nx + i] == SP_HOP_SITE_CARRIER)
            {
              double u = sp_axis_map (&spec->x, (i + 0.5) * a), v = sp_axis_map (&spec->y, (j + 0.5) * a);

              cairo_new_sub_path (cr);
              cairo_arc (cr, u, v, r_carrier, 0, 2 * G_PI);
            }
      sp_plot_set_color (cr, &style->accent);
      cairo_fill (cr);
      /* Paths as wide as a fifth of a site, but readable when sites are tiny. */
      lw = CLAMP (0.2 * cell, 1.2 * spec->lw, 2.5 * spec->lw);
    }
  else
    lw = 1.6 * spec->lw;

  for (guint k = 0; k < l->n_paths; k++)
    {
      const SpHopFigurePath *p = &l->paths[k];
      SpColor color;
      double eu, ev;

      if (p->n == 0 || p->x_angstrom == NULL || p->y_angstrom == NULL)
        continue;
      sp_figure_hop_path_color (style, k, &color);
      fold_path (cr, spec, p, w, h, &eu, &ev);
      sp_figure_stroke (cr, &style->background, 2.4 * lw, FALSE);
      fold_path (cr, spec, p, w, h, &eu, &ev);
      sp_figure_stroke (cr, &color, lw, FALSE);
      if (isfinite (eu))
        {
          cairo_new_sub_path (cr);
          cairo_arc (cr, eu, ev, 1.6 * lw + 0.15 * spec->em, 0, 2 * G_PI);
          sp_figure_stroke (cr, &style->background, 2.2 * lw, FALSE);
          cairo_new_sub_path (cr);
          cairo_arc (cr, eu, ev, 1.6 * lw + 0.15 * spec->em, 0, 2 * G_PI);
          sp_figure_stroke (cr, &color, lw, FALSE);
        }
    }
  cairo_restore (cr);
}

/* ---- the linked cursor by time -------------------------------------------------- */

gboolean
sp_figure_time_at (SpFigureKind        kind,
                   const SpFigureData *data,
                   const SpPlotStyle  *style,
                   double              width,
                   double              height,
                   double              x,
                   double              y,
                   double             *t_ps)
{
  SpFigureSpec spec;
  gboolean inside;

  g_return_val_if_fail (data != NULL && style != NULL, FALSE);
  g_return_val_if_fail (kind < SP_N_FIGURES, FALSE);

  if (!sp_figure_hop_time_axis (kind))
    return FALSE;
  sp_figure_spec_compute (kind, data, style, width, height, &spec);
  inside = spec.has_data && x >= spec.px && x <= spec.px + spec.pw
           && y >= spec.py && y <= spec.py + spec.ph;
  if (inside && t_ps != NULL)
    *t_ps = sp_axis_unmap (&spec.x, x);
  sp_figure_spec_clear (&spec);
  return inside;
}

gboolean
sp_figure_msd_window_x (const SpFigureData *data,
                        const SpPlotStyle  *style,
                        double              width,
                        double              height,
                        double             *x0,
                        double             *x1)
{
  const SpHopFigureMsd *msd;
  SpFigureSpec spec;
  gboolean drawn;

  g_return_val_if_fail (data != NULL && style != NULL, FALSE);

  msd = data->hop != NULL ? data->hop->msd : NULL;
  if (msd == NULL || !(msd->window_t0_ps > 0.0) || !(msd->window_t1_ps > msd->window_t0_ps))
    return FALSE;
  sp_figure_spec_compute (SP_FIGURE_MSD, data, style, width, height, &spec);
  drawn = spec.has_data;
  if (drawn)
    {
      if (x0 != NULL)
        *x0 = sp_axis_map (&spec.x, msd->window_t0_ps);
      if (x1 != NULL)
        *x1 = sp_axis_map (&spec.x, msd->window_t1_ps);
    }
  sp_figure_spec_clear (&spec);
  return drawn;
}
