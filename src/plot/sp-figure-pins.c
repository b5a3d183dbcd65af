/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sp-figure-pins.c — pinned curves as grey ghosts under a figure's own
 *
 * Each figure that takes pins draws the curve that carries its message
 * for every pin: g(c) (shifted by that pin's own K c, as the figure
 * shifts its own), the equilibrium OCV, the binodal dome, D_chem(c),
 * σ(k), and the impedance curve in Nyquist and in both Bode panels.  The
 * axes grow to hold the pins (the phase diagram to the pin's own
 * temperature range), so a ghost is never cut off.  Each pin has a legend entry
 * with its dash pattern and its label.
 *
 * The other curve figures (sp_figure_kind_pins_curves()) draw the curves
 * the pin kept of them (SpPin.curves, sp-figure-pin-curves.c): lines in
 * the pin's dash pattern, data points as hollow markers of the pin's
 * shape, both in the pin's grey.
 */

#include "config.h"

#include <math.h>

#include "sp-figure-private.h"

gboolean
sp_figure_kind_takes_pins (SpFigureKind kind)
{
  switch (kind)
    {
    case SP_FIGURE_FREE_ENERGY:
    case SP_FIGURE_OCV:
    case SP_FIGURE_PHASE_DIAGRAM:
    case SP_FIGURE_DIFFUSIVITY:
    case SP_FIGURE_DISPERSION:
    case SP_FIGURE_NYQUIST:
    case SP_FIGURE_BODE:
      return TRUE;
    default:
      return sp_figure_kind_pins_curves (kind);
    }
}

/* Whether @curve belongs on figure @kind showing @data. */
static gboolean
curve_fits (SpFigureKind        kind,
            const SpFigureData *data,
            const SpPinCurve   *curve)
{
  return curve->n > 0 && g_str_equal (curve->figure, sp_figure_kind_to_id (kind)) &&
         g_str_equal (curve->axes, sp_figure_pin_curves_axes (kind, data));
}

guint
sp_figure_pin_n_curves (SpFigureKind        kind,
                        const SpFigureData *data,
                        const SpPin        *pin)
{
  guint n = 0;

  for (guint i = 0; pin->curves != NULL && i < pin->curves->len; i++)
    n += curve_fits (kind, data, g_ptr_array_index (pin->curves, i));
  return n;
}

static gboolean
pin_usable_on (SpFigureKind        kind,
               const SpFigureData *data,
               const SpPin        *pin)
{
  if (sp_figure_kind_pins_curves (kind))
    return sp_figure_pin_n_curves (kind, data, pin) > 0;
  if (kind == SP_FIGURE_NYQUIST || kind == SP_FIGURE_BODE)
    return pin->impedance != NULL && pin->impedance->n_points >= 2;
  return pin->analysis != NULL && pin->analysis->n_curve >= 2;
}

/* The range of an axis grown to hold @lo … @hi, with a margin on the side
 * that grew (a twentieth of the range, a tenth of a decade on a log axis). */
static void
grow_axis (SpAxis *axis,
           double  lo,
           double  hi)
{
  if (!(lo <= hi))
    return;
  if (axis->scale == SP_SCALE_LOG)
    {
      if (lo < axis->min)
        axis->min = lo / pow (10.0, 0.1);
      if (hi > axis->max)
        axis->max = hi * pow (10.0, 0.1);
    }
  else
    {
      double span = MAX (hi, axis->max) - MIN (lo, axis->min);

      if (lo < axis->min)
        axis->min = lo - 0.05 * span;
      if (hi > axis->max)
        axis->max = hi + 0.05 * span;
    }
}

static void
curves_extend_axes (SpFigureKind        kind,
                    SpFigureSpec       *spec,
                    const SpFigureData *data,
                    const SpPin        *pin)
{
  double xlo = INFINITY, xhi = -INFINITY, ylo = INFINITY, yhi = -INFINITY;

  for (guint k = 0; pin->curves != NULL && k < pin->curves->len; k++)
    {
      const SpPinCurve *curve = g_ptr_array_index (pin->curves, k);

      if (!curve_fits (kind, data, curve))
        continue;
      for (guint i = 0; i < curve->n; i++)
        {
          double x = curve->x[i], y = curve->y[i];

          if ((spec->x.scale == SP_SCALE_LOG && !(x > 0.0)) ||
              (spec->y.scale == SP_SCALE_LOG && !(y > 0.0)))
            continue;
          xlo = MIN (xlo, x);
          xhi = MAX (xhi, x);
          ylo = MIN (ylo, y);
          yhi = MAX (yhi, y);
        }
    }
  grow_axis (&spec->x, xlo, xhi);
  grow_axis (&spec->y, ylo, yhi);
}

static gboolean
pin_usable (SpFigureKind  kind,
            const SpPin  *pin)
{
  if (kind == SP_FIGURE_NYQUIST || kind == SP_FIGURE_BODE)
    return pin->impedance != NULL && pin->impedance->n_points >= 2;
  return pin->analysis != NULL && pin->analysis->n_curve >= 2;
}

/* Δg = g − K c of the pin's own model. */
static void
shifted_g (const SpAnalysis *a,
           double           *y)
{
  for (guint i = 0; i < a->n_curve; i++)
    y[i] = a->g[i] - sp_figure_free_energy_shift (&a->model, a->c[i]);
}

static void
extend (double *lo,
        double *hi,
        double  value)
{
  if (isfinite (value))
    {
      *lo = MIN (*lo, value);
      *hi = MAX (*hi, value);
    }
}

void
sp_figure_pins_extend_axes (SpFigureKind        kind,
                            SpFigureSpec       *spec,
                            const SpFigureData *data)
{
  guint n = sp_pin_set_get_n (data->pins);

  if (!spec->has_data || n == 0 || !sp_figure_kind_takes_pins (kind))
    return;
  for (guint p = 0; p < n; p++)
    {
      const SpPin *pin = sp_pin_set_get (data->pins, p);
      double lo = spec->y.min, hi = spec->y.max;

      if (sp_figure_kind_pins_curves (kind))
        {
          curves_extend_axes (kind, spec, data, pin);
          continue;
        }
      if (!pin_usable (kind, pin))
        continue;
      if (kind == SP_FIGURE_FREE_ENERGY)
        {
          g_autofree double *y = g_new (double, pin->analysis->n_curve);
          double span = spec->y.max - spec->y.min;

          shifted_g (pin->analysis, y);
          for (guint i = 0; i < pin->analysis->n_curve; i++)
            extend (&lo, &hi, y[i]);
          spec->y.min = MIN (spec->y.min, lo - (lo < spec->y.min ? 0.06 * span : 0.0));
          spec->y.max = MAX (spec->y.max, hi + (hi > spec->y.max ? 0.06 * span : 0.0));
        }
      else if (kind == SP_FIGURE_OCV)
        {
          for (guint i = 0; i < pin->analysis->n_curve; i++)
            extend (&lo, &hi, pin->analysis->ocv_equilibrium[i]);
          spec->y.min = lo;
          spec->y.max = hi;
        }
      else if (kind == SP_FIGURE_PHASE_DIAGRAM)
        {
          const SpPhaseDiagram *pd = pin->analysis->phase;

          /* The pinned dome whole: its own temperature range. */
          if (pd != NULL && pd->n_rows >= 2)
            {
              spec->y.min = MIN (spec->y.min, pd->t_min);
              spec->y.max = MAX (spec->y.max, pd->t_max);
            }
        }
      else if (kind == SP_FIGURE_DIFFUSIVITY)
        {
          for (guint i = 0; i < pin->analysis->n_curve; i++)
            extend (&lo, &hi, pin->analysis->dchem[i]);
          spec->y.min = lo;
          spec->y.max = hi;
        }
      else if (kind == SP_FIGURE_DISPERSION)
        {
          const SpAnalysis *a = pin->analysis;

          if (a->n_k >= 2)
            spec->x.max = MAX (spec->x.max, a->k[a->n_k - 1]);
          if (a->dispersion.unstable)
            spec->y.max = MAX (spec->y.max, 1.15 * a->dispersion.sigma_max);
        }
      else if (kind == SP_FIGURE_NYQUIST)
        {
          const SpEisSpectrum *s = pin->impedance;
          double xlo = spec->x.min, xhi = spec->x.max;

          for (guint i = 0; i < s->n_points; i++)
            {
              extend (&xlo, &xhi, s->z_re_ohm[i]);
              extend (&lo, &hi, -s->z_im_ohm[i]);
            }
          spec->x.min = xlo;
          spec->x.max = xhi;
          spec->y.min = lo;
          spec->y.max = hi;
        }
      else if (kind == SP_FIGURE_BODE)
        {
          const SpEisSpectrum *s = pin->impedance;
          double flo = spec->x.min, fhi = spec->x.max;
          double plo = spec->y2.min, phi = spec->y2.max;

          for (guint i = 0; i < s->n_points; i++)
            {
              if (s->freq_hz[i] > 0.0)
                extend (&flo, &fhi, s->freq_hz[i]);
              if (hypot (s->z_re_ohm[i], s->z_im_ohm[i]) > 0.0)
                extend (&lo, &hi, hypot (s->z_re_ohm[i], s->z_im_ohm[i]));
              extend (&plo, &phi, -atan2 (s->z_im_ohm[i], s->z_re_ohm[i]) * 180.0 / G_PI);
            }
          spec->x.min = flo;
          spec->x.max = fhi;
          spec->y.min = lo;
          spec->y.max = hi;
          spec->y2.min = plo;
          spec->y2.max = phi;
        }
    }
}

void
sp_figure_pins_add_legend (SpFigureKind        kind,
                           SpFigureSpec       *spec,
                           const SpFigureData *data,
                           const SpPlotStyle  *style)
{
  guint n = sp_pin_set_get_n (data->pins);

  if (!spec->has_data || !sp_figure_kind_takes_pins (kind))
    return;
  for (guint p = 0; p < n && spec->n_legend < SP_FIGURE_LEGEND_CAPACITY; p++)
    {
      const SpPin *pin = sp_pin_set_get (data->pins, p);
      g_autofree char *label = NULL;
      const double *dashes;
      int n_dashes;
      SpColor color;

      if (!pin_usable_on (kind, data, pin))
        continue;
      label = g_markup_escape_text (pin->label, -1);
      sp_pin_set_style (style, p, &color, &dashes, &n_dashes);
      sp_figure_spec_add_legend_marker (spec, SP_LEGEND_PIN, &color, (SpMarker) p, label);
    }
}

void
sp_figure_pin_stroke (cairo_t           *cr,
                      const SpPlotStyle *style,
                      guint              index,
                      double             line_width)
{
  const double *pattern;
  double dashes[8];
  int n;
  SpColor color;

  sp_pin_set_style (style, index, &color, &pattern, &n);
  for (int i = 0; i < n && i < (int) G_N_ELEMENTS (dashes); i++)
    dashes[i] = pattern[i] * line_width;
  cairo_save (cr);
  sp_plot_set_color (cr, &color);
  cairo_set_line_width (cr, line_width);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_BEVEL);
  /* Round caps turn the 1-width dashes into dots. */
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
  cairo_set_dash (cr, dashes, MIN (n, (int) G_N_ELEMENTS (dashes)), 0.0);
  cairo_stroke (cr);
  cairo_restore (cr);
}

/* The binodal dome of the pin's phase diagram: c_α up, c_β down, over
 * the rows with a gap (the first gap of each row). */
static void
dome_path (cairo_t            *cr,
           const SpFigureSpec *spec,
           const SpAnalysis   *a)
{
  const SpPhaseDiagram *pd = a->phase;
  g_autofree double *x = NULL, *y = NULL;
  guint n = 0;

  if (pd == NULL || pd->n_rows < 2)
    return;
  x = g_new (double, 2 * pd->n_rows);
  y = g_new (double, 2 * pd->n_rows);
  for (guint i = 0; i < pd->n_rows; i++)
    if (pd->rows[i].eq.n_gaps > 0)
      {
        x[n] = pd->rows[i].eq.gaps[0].c_alpha;
        y[n++] = pd->rows[i].temperature;
      }
  for (guint i = pd->n_rows; i-- > 0;)
    if (pd->rows[i].eq.n_gaps > 0)
      {
        const SpEquilibrium *eq = &pd->rows[i].eq;

        x[n] = eq->gaps[eq->n_gaps - 1].c_beta;
        y[n++] = pd->rows[i].temperature;
      }
  sp_figure_path (cr, spec, x, y, n);
}

static void
bode_path (cairo_t             *cr,
           const SpFigureSpec  *spec,
           const SpAxis        *axis,
           const SpEisSpectrum *s,
           gboolean             phase)
{
  g_autofree double *v = g_new (double, s->n_points);

  for (guint i = 0; i < s->n_points; i++)
    v[i] = phase ? -atan2 (s->z_im_ohm[i], s->z_re_ohm[i]) * 180.0 / G_PI
                 : hypot (s->z_re_ohm[i], s->z_im_ohm[i]);
  sp_figure_path_on (cr, &spec->x, axis, s->freq_hz, v, s->n_points);
}

static void
curves_draw (cairo_t            *cr,
             SpFigureKind        kind,
             const SpFigureSpec *spec,
             const SpFigureData *data,
             const SpPlotStyle  *style,
             const SpPin        *pin,
             guint               index,
             double              lw)
{
  for (guint k = 0; pin->curves != NULL && k < pin->curves->len; k++)
    {
      const SpPinCurve *curve = g_ptr_array_index (pin->curves, k);

      if (!curve_fits (kind, data, curve))
        continue;
      if (curve->points)
        {
          const double *dashes;
          int n_dashes;
          SpColor color;
          double r = 0.3 * spec->em;

          /* Hollow markers of the pin's shape: a ghost never hides a point. */
          sp_pin_set_style (style, index, &color, &dashes, &n_dashes);
          for (guint i = 0; i < curve->n; i++)
            {
              double u = sp_axis_map (&spec->x, curve->x[i]), v = sp_axis_map (&spec->y, curve->y[i]);

              if (isfinite (u) && isfinite (v))
                sp_figure_marker (cr, (SpMarker) (index % SP_N_MARKERS), u, v, r,
                                  &style->background, &color);
            }
        }
      else
        {
          sp_figure_path (cr, spec, curve->x, curve->y, curve->n);
          sp_figure_pin_stroke (cr, style, index, lw);
        }
    }
}

void
sp_figure_pins_draw (cairo_t            *cr,
                     SpFigureKind        kind,
                     const SpFigureSpec *spec,
                     const SpFigureData *data,
                     const SpPlotStyle  *style)
{
  guint n = sp_pin_set_get_n (data->pins);
  double lw = 1.5 * spec->lw;

  if (!spec->has_data || n == 0 || !sp_figure_kind_takes_pins (kind))
    return;
  cairo_save (cr);
  sp_figure_clip_plot (cr, spec);
  if (kind == SP_FIGURE_BODE)
    {
      cairo_reset_clip (cr);
      cairo_rectangle (cr, spec->px, spec->py, spec->pw, spec->ph);
      cairo_rectangle (cr, spec->px, spec->py2, spec->pw, spec->ph2);
      cairo_clip (cr);
    }
  for (guint p = 0; p < n; p++)
    {
      const SpPin *pin = sp_pin_set_get (data->pins, p);
      const SpAnalysis *a = pin->analysis;

      if (sp_figure_kind_pins_curves (kind))
        {
          curves_draw (cr, kind, spec, data, style, pin, p, lw);
          continue;
        }
      if (!pin_usable (kind, pin))
        continue;
      switch (kind)
        {
        case SP_FIGURE_FREE_ENERGY:
          {
            g_autofree double *y = g_new (double, a->n_curve);

            shifted_g (a, y);
            sp_figure_path (cr, spec, a->c, y, a->n_curve);
          }
          break;
        case SP_FIGURE_OCV:
          sp_figure_path (cr, spec, a->c, a->ocv_equilibrium, a->n_curve);
          break;
        case SP_FIGURE_PHASE_DIAGRAM:
          dome_path (cr, spec, a);
          break;
        case SP_FIGURE_DIFFUSIVITY:
          sp_figure_path (cr, spec, a->c, a->dchem, a->n_curve);
          break;
        case SP_FIGURE_DISPERSION:
          sp_figure_path (cr, spec, a->k, a->sigma, a->n_k);
          break;
        case SP_FIGURE_NYQUIST:
          {
            const SpEisSpectrum *s = pin->impedance;
            g_autofree double *y = g_new (double, s->n_points);

            for (guint i = 0; i < s->n_points; i++)
              y[i] = -s->z_im_ohm[i];
            sp_figure_path (cr, spec, s->z_re_ohm, y, s->n_points);
          }
          break;
        case SP_FIGURE_BODE:
          bode_path (cr, spec, &spec->y, pin->impedance, FALSE);
          bode_path (cr, spec, &spec->y2, pin->impedance, TRUE);
          break;
        default:
          break;
        }
      sp_figure_pin_stroke (cr, style, p, lw);
    }
  cairo_restore (cr);
}
