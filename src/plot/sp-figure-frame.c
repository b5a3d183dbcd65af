/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sp-figure-frame.c — layout, axes, legend and caption shared by every
 * figure */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "sp-figure-private.h"

/* Sizes in em (the body font size × style scale). */
#define PAD          0.7
#define TICK_LEN     0.35
#define TICK_SIZE    0.9    /* tick labels */
#define LABEL_SIZE   1.0    /* axis labels */
#define TITLE_SIZE   1.12
#define CAPTION_SIZE 0.85
#define TITLE_MIN    0.85   /* a long title shrinks down to this, then wraps */

void
sp_figure_spec_clear (SpFigureSpec *spec)
{
  g_free (spec->title);
  g_free (spec->x_label);
  g_free (spec->y_label);
  g_free (spec->y_label_short);
  g_free (spec->x_unit);
  g_free (spec->y_unit);
  g_free (spec->no_data);
  g_free (spec->y2_label);
  g_free (spec->y2_unit);
  g_free (spec->top_label);
  for (guint i = 0; i < spec->n_legend; i++)
    g_free (spec->legend[i].label);
  memset (spec, 0, sizeof *spec);
}

void
sp_figure_spec_add_legend (SpFigureSpec  *spec,
                           SpLegendKind   kind,
                           const SpColor *color,
                           const char    *label)
{
  g_return_if_fail (spec->n_legend < SP_FIGURE_LEGEND_CAPACITY);

  spec->legend[spec->n_legend].label = g_strdup (label);
  spec->legend[spec->n_legend].color = *color;
  spec->legend[spec->n_legend].kind = kind;
  spec->legend[spec->n_legend].marker = SP_MARKER_CIRCLE;
  spec->n_legend++;
}

void
sp_figure_spec_add_legend_marker (SpFigureSpec  *spec,
                                  SpLegendKind   kind,
                                  const SpColor *color,
                                  SpMarker       marker,
                                  const char    *label)
{
  g_return_if_fail (spec->n_legend < SP_FIGURE_LEGEND_CAPACITY);

  sp_figure_spec_add_legend (spec, kind, color, label);
  spec->legend[spec->n_legend - 1].marker = marker;
}

void
sp_figure_spec_set_no_data (SpFigureSpec *spec,
                            const char   *reason)
{
  spec->has_data = FALSE;
  g_free (spec->no_data);
  spec->no_data = g_strdup (reason);
  /* A frame with no ticks still needs a range to lay out. */
  spec->x.min = 0.0, spec->x.max = 1.0, spec->x.scale = SP_SCALE_LINEAR;
  spec->y.min = 0.0, spec->y.max = 1.0, spec->y.scale = SP_SCALE_LINEAR;
  /* The empty frame is one plain box. */
  spec->equal_scale = FALSE;
  spec->split = FALSE;
  spec->top_axis = SP_TOP_AXIS_NONE;
  for (guint i = 0; i < spec->n_legend; i++)
    g_free (spec->legend[i].label);
  spec->n_legend = 0;
}

/* The widest tick label of @axis with at most @max_ticks ticks. */
static double
tick_label_width (const SpPlotStyle *style,
                  const SpAxis      *axis,
                  guint              max_ticks)
{
  double tick_w = 0.0;
  SpTicks ticks;

  sp_ticks_compute (&ticks, axis, max_ticks);
  for (guint i = 0; i < ticks.n; i++)
    {
      double tw;

      sp_plot_text_measure (style, TICK_SIZE, 0, ticks.label[i], -1, &tw, NULL);
      tick_w = MAX (tick_w, tw);
    }
  sp_ticks_clear (&ticks);
  return tick_w;
}

/* The height the top axis takes above the plot: ticks, labels, title. */
static double
top_axis_height (const SpFigureSpec *spec,
                 const SpPlotStyle  *style,
                 double              em)
{
  double lh = 0.0;

  if (!spec->has_data || spec->top_axis == SP_TOP_AXIS_NONE)
    return 0.0;
  if (spec->top_label != NULL)
    sp_plot_text_measure (style, LABEL_SIZE, 0, spec->top_label, -1, NULL, &lh);
  return TICK_LEN * em + 1.2 * em * TICK_SIZE + 0.25 * em + lh + 0.2 * em;
}

static void
layout_once (SpFigureSpec      *spec,
             const SpPlotStyle *style,
             double             width,
             double             height,
             const char        *caption)
{
  double em = sp_plot_text_em (style, 1.0);
  double top, bottom, left, right, th, lh;
  double tick_w = 0.0;

  spec->width = width;
  spec->height = height;
  spec->em = em;
  spec->lw = style->line_width * style->scale;

  top = PAD * em;
  spec->title_y = top;
  /* The window overlays an info button at the title's right end
   * (title_inset_right); a long title shrinks a little, then wraps. */
  {
    const char *title = spec->title ? spec->title : " ";
    double avail = MAX (width - 2 * PAD * em - style->title_inset_right, 4 * em);
    double tw;

    spec->title_size = TITLE_SIZE;
    spec->title_wrap = -1;
    sp_plot_text_measure (style, TITLE_SIZE, SP_TEXT_BOLD, title, -1, &tw, &th);
    if (tw > avail)
      {
        spec->title_size = MAX (TITLE_MIN, TITLE_SIZE * avail / tw);
        sp_plot_text_measure (style, spec->title_size, SP_TEXT_BOLD, title, -1, &tw, &th);
        if (tw > avail)
          {
            spec->title_wrap = avail;
            sp_plot_text_measure (style, spec->title_size, SP_TEXT_BOLD, title, avail, NULL, &th);
          }
      }
  }
  top += th + 0.3 * em;

  bottom = PAD * em;
  if (caption != NULL && caption[0] != '\0')
    {
      double ch;

      sp_plot_text_measure (style, CAPTION_SIZE, 0, caption, width - 2 * PAD * em, NULL, &ch);
      bottom += ch + 0.5 * em;
    }
  spec->caption_y = height - bottom + 0.5 * em;
  sp_plot_text_measure (style, LABEL_SIZE, 0, "Ag", -1, NULL, &lh);
  if (spec->has_data)
    bottom += TICK_LEN * em + 1.2 * em * TICK_SIZE + 0.25 * em + lh;
  else
    bottom += 0.5 * em;

  spec->x.exponent = sp_axis_label_exponent (&spec->x);
  spec->y.exponent = sp_axis_label_exponent (&spec->y);

  if (spec->split)
    spec->y2.exponent = sp_axis_label_exponent (&spec->y2);
  if (spec->equal_scale)
    {
      /* One unit on both axes: one power of ten for both. */
      SpAxis both = spec->x;

      both.min = MAX (fabs (spec->x.min), fabs (spec->y.min));
      both.max = MAX (fabs (spec->x.max), fabs (spec->y.max));
      spec->x.exponent = spec->y.exponent = sp_axis_label_exponent (&both);
    }

  /* Rough tick budgets from the space (refined below for y). */
  spec->max_y_ticks = (guint) CLAMP ((height - top - bottom) / (2.6 * em), 2, 9);
  if (spec->split)
    {
      spec->max_y_ticks = (guint) CLAMP (0.5 * (height - top - bottom) / (2.6 * em), 2, 6);
      spec->max_y2_ticks = spec->max_y_ticks;
    }
  left = PAD * em;
  if (spec->has_data)
    {
      tick_w = tick_label_width (style, &spec->y, spec->max_y_ticks);
      if (spec->split)
        tick_w = MAX (tick_w, tick_label_width (style, &spec->y2, spec->max_y2_ticks));
      left += lh + 0.35 * em + tick_w + (TICK_LEN + 0.25) * em;
    }
  right = (PAD + (spec->has_data ? 0.9 : 0.0) + spec->right_extra) * em;

  sp_figure_legend_layout (spec, style, left, PAD * em, width - right, height, &top, bottom);
  top += top_axis_height (spec, style, em);

  spec->px = left;
  spec->py = top;
  spec->y_label_x = PAD * em;
  spec->pw = MAX (width - left - right, 1.0);
  spec->ph = MAX (height - top - bottom, 1.0);

  if (spec->equal_aspect && spec->has_data)
    {
      double sx = spec->pw / fabs (spec->x.max - spec->x.min);
      double sy = spec->ph / fabs (spec->y.max - spec->y.min);
      double s = MIN (sx, sy);
      double pw = s * fabs (spec->x.max - spec->x.min);
      double ph = s * fabs (spec->y.max - spec->y.min);

      spec->px += 0.5 * (spec->pw - pw);
      spec->y_label_x += 0.5 * (spec->pw - pw);
      spec->py += 0.5 * (spec->ph - ph);
      spec->pw = pw;
      spec->ph = ph;
    }

  /* Whole user units: a pixel-aligned clip lets Cairo skip its clip masks
   * (several times faster) and keeps the frame crisp. */
  {
    double x1 = floor (spec->px + spec->pw), y1 = floor (spec->py + spec->ph);

    spec->px = ceil (spec->px);
    spec->py = ceil (spec->py);
    spec->pw = MAX (x1 - spec->px, 1.0);
    spec->ph = MAX (y1 - spec->py, 1.0);
  }

  if (spec->split && spec->has_data)
    {
      double gap = ceil (1.0 * em), total = spec->ph;
      double ph1 = MAX (floor (0.55 * (total - gap)), 1.0);

      spec->ph = ph1;
      spec->py2 = spec->py + ph1 + gap;
      spec->ph2 = MAX (spec->py + total - spec->py2, 1.0);
      spec->y2.start = spec->py2 + spec->ph2;
      spec->y2.end = spec->py2;
    }

  spec->max_x_ticks = (guint) CLAMP (spec->pw / (5.5 * em), 2, 10);
  spec->x.start = spec->px;
  spec->x.end = spec->px + spec->pw;
  spec->y.start = spec->py + spec->ph;
  spec->y.end = spec->py;
}

/* Widens the shorter data range so that one data unit spans the same
 * length on both axes in the laid-out plot area, to the right or upward:
 * a Nyquist plot keeps its first intercept at the left and its real axis
 * at the bottom, and the empty room goes where the spectrum could grow. */
static void
extend_to_equal_scale (SpFigureSpec *spec)
{
  double xr = spec->x.max - spec->x.min, yr = spec->y.max - spec->y.min;
  double sx = spec->pw / xr, sy = spec->ph / yr;

  if (sx > sy)
    spec->x.max = spec->x.min + spec->pw / sy;
  else if (sy > sx)
    spec->y.max = spec->y.min + spec->ph / sx;
}

void
sp_figure_layout (SpFigureSpec      *spec,
                  const SpPlotStyle *style,
                  double             width,
                  double             height,
                  const char        *caption)
{
  layout_once (spec, style, width, height, caption);
  if (!(spec->equal_scale && spec->has_data))
    return;
  /* The widened range may need wider tick labels, which narrows the plot:
   * lay out once more with it, and widen again for the final size. */
  extend_to_equal_scale (spec);
  layout_once (spec, style, width, height, caption);
  extend_to_equal_scale (spec);
  {
    /* One grid step on both axes: square grid cells. */
    double sx = sp_ticks_nice_step (spec->x.min, spec->x.max, spec->max_x_ticks);
    double sy = sp_ticks_nice_step (spec->y.min, spec->y.max, spec->max_y_ticks);

    spec->x.tick_step = spec->y.tick_step = MAX (sx, sy);
  }
}

/* Minor ticks at 2 … 9 × 10^k of a log axis, outward from @edge:
 * vertical ones (x axis) when @horizontal_axis. */
static void
minor_log_ticks (cairo_t      *cr,
                 const SpAxis *a,
                 gboolean      horizontal_axis,
                 double        edge,
                 double        len)
{
  double lo = MIN (a->min, a->max), hi = MAX (a->min, a->max);

  for (int e = (int) floor (log10 (lo)); e <= (int) ceil (log10 (hi)); e++)
    for (int m = 2; m <= 9; m++)
      {
        double v = m * pow (10.0, e);
        double p;

        if (v < lo || v > hi)
          continue;
        p = sp_axis_map (a, v);
        if (horizontal_axis)
          {
            cairo_move_to (cr, p, edge);
            cairo_line_to (cr, p, edge + len);
          }
        else
          {
            cairo_move_to (cr, edge, p);
            cairo_line_to (cr, edge - len, p);
          }
      }
}

/* Grid, ticks and tick labels of one panel (py … py + ph, y axis @y);
 * the x tick labels only under the bottom panel. */
static void
draw_panel_ticks (cairo_t            *cr,
                  const SpFigureSpec *spec,
                  const SpPlotStyle  *style,
                  const SpAxis       *y,
                  guint               max_y_ticks,
                  double              py,
                  double              ph,
                  gboolean            x_labels)
{
  double tl = TICK_LEN * spec->em;
  double lw = MAX (0.5, 0.6 * spec->lw);
  SpTicks xt, yt;

  sp_ticks_compute (&xt, &spec->x, spec->max_x_ticks);
  sp_ticks_compute (&yt, y, max_y_ticks);

  /* Grid first, under everything. */
  cairo_set_line_width (cr, lw);
  sp_plot_set_color (cr, &style->grid);
  for (guint i = 0; i < xt.n; i++)
    {
      double u = round (sp_axis_map (&spec->x, xt.value[i])) + 0.5 * fmod (lw, 2.0);

      cairo_move_to (cr, u, py);
      cairo_line_to (cr, u, py + ph);
    }
  for (guint i = 0; i < yt.n; i++)
    {
      double v = round (sp_axis_map (y, yt.value[i])) + 0.5 * fmod (lw, 2.0);

      cairo_move_to (cr, spec->px, v);
      cairo_line_to (cr, spec->px + spec->pw, v);
    }
  cairo_stroke (cr);

  /* Ticks outward, and their labels. */
  sp_plot_set_color (cr, &style->foreground);
  for (guint i = 0; i < xt.n; i++)
    {
      double u = sp_axis_map (&spec->x, xt.value[i]);

      cairo_move_to (cr, u, py + ph);
      cairo_line_to (cr, u, py + ph + (x_labels ? tl : 0.5 * tl));
    }
  for (guint i = 0; i < yt.n; i++)
    {
      double v = sp_axis_map (y, yt.value[i]);

      cairo_move_to (cr, spec->px, v);
      cairo_line_to (cr, spec->px - tl, v);
    }
  if (spec->x.scale == SP_SCALE_LOG && xt.minor_log)
    minor_log_ticks (cr, &spec->x, TRUE, py + ph, 0.55 * tl);
  if (y->scale == SP_SCALE_LOG && yt.minor_log)
    minor_log_ticks (cr, y, FALSE, spec->px, 0.55 * tl);
  cairo_set_line_width (cr, MAX (0.75, 0.8 * spec->lw));
  cairo_stroke (cr);

  for (guint i = 0; x_labels && i < xt.n; i++)
    sp_plot_text_draw (cr, style, TICK_SIZE, 0, xt.label[i], -1,
                       sp_axis_map (&spec->x, xt.value[i]), py + ph + tl + 0.15 * spec->em,
                       0.5, 0.0, 0.0, &style->foreground);
  for (guint i = 0; i < yt.n; i++)
    sp_plot_text_draw (cr, style, TICK_SIZE, 0, yt.label[i], -1,
                       spec->px - tl - 0.25 * spec->em, sp_axis_map (y, yt.value[i]),
                       1.0, 0.5, 0.0, &style->foreground);

  sp_ticks_clear (&xt);
  sp_ticks_clear (&yt);
}

/* The top axis' ticks: user x positions and labels (owned by @ticks).
 * Frequency: an exact log axis, since log f = −log 2π − log τ; temperature:
 * nice steps of T placed at 1000/T, not evenly spaced. */
static void
top_ticks (const SpFigureSpec *spec,
           SpTicks            *ticks,
           double             *pos)
{
  memset (ticks, 0, sizeof *ticks);
  if (spec->top_axis == SP_TOP_AXIS_FREQUENCY)
    {
      SpAxis f = { 0 };

      f.scale = SP_SCALE_LOG;
      f.min = 1.0 / (2 * G_PI * spec->x.max);
      f.max = 1.0 / (2 * G_PI * spec->x.min);
      f.start = spec->x.end;
      f.end = spec->x.start;
      sp_ticks_compute (ticks, &f, spec->max_x_ticks);
      for (guint i = 0; i < ticks->n; i++)
        pos[i] = sp_axis_map (&f, ticks->value[i]);
    }
  else if (spec->top_axis == SP_TOP_AXIS_CELSIUS || spec->top_axis == SP_TOP_AXIS_KELVIN)
    {
      double offset = spec->top_axis == SP_TOP_AXIS_CELSIUS ? 273.15 : 0.0;
      double lo = 1000.0 / spec->x.max - offset, hi = 1000.0 / spec->x.min - offset;
      double step, first;

      if (!(spec->x.min > 0.0) || !(hi > lo))
        return;
      step = sp_ticks_nice_step (lo, hi, spec->max_x_ticks);
      first = ceil (lo / step - 1e-9);
      for (double i = first; i * step <= hi + 1e-9 * step && ticks->n < SP_AXIS_MAX_TICKS; i += 1.0)
        {
          double v = i * step;

          if (fabs (v) < 1e-12 * step)
            v = 0.0;
          ticks->value[ticks->n] = v;
          ticks->label[ticks->n] = sp_ticks_format (v, step);
          pos[ticks->n] = sp_axis_map (&spec->x, 1000.0 / (v + offset));
          ticks->n++;
        }
    }
}

static void
draw_top_axis (cairo_t            *cr,
               const SpFigureSpec *spec,
               const SpPlotStyle  *style)
{
  double tl = TICK_LEN * spec->em, last_left = INFINITY, label_top = spec->py - tl;
  double pos[SP_AXIS_MAX_TICKS];
  SpTicks t;

  if (spec->top_axis == SP_TOP_AXIS_NONE)
    return;
  top_ticks (spec, &t, pos);
  sp_plot_set_color (cr, &style->foreground);
  for (guint i = 0; i < t.n; i++)
    {
      cairo_move_to (cr, pos[i], spec->py);
      cairo_line_to (cr, pos[i], spec->py - tl);
    }
  cairo_set_line_width (cr, MAX (0.75, 0.8 * spec->lw));
  cairo_stroke (cr);
  /* From the right (where uneven temperature ticks crowd least on 1000/T),
   * skipping a label that would touch the one drawn before. */
  /* Positions descend with the index on the frequency axis (f = 1/(2πτ)
   * grows to the left) and ascend on the temperature axis. */
  for (guint j = 0; j < t.n; j++)
    {
      guint k = t.n > 1 && pos[0] > pos[t.n - 1] ? j : t.n - 1 - j;
      double tw, th;

      sp_plot_text_measure (style, TICK_SIZE, 0, t.label[k], -1, &tw, &th);
      if (pos[k] + 0.5 * tw > last_left - 0.4 * spec->em)
        continue;
      sp_plot_text_draw (cr, style, TICK_SIZE, 0, t.label[k], -1, pos[k],
                         spec->py - tl - 0.15 * spec->em, 0.5, 1.0, 0.0, &style->foreground);
      last_left = pos[k] - 0.5 * tw;
      label_top = MIN (label_top, spec->py - tl - 0.15 * spec->em - th);
    }
  if (t.n == 0)
    label_top = spec->py - tl - 1.2 * spec->em * TICK_SIZE;
  if (spec->top_label != NULL)
    sp_plot_text_draw (cr, style, LABEL_SIZE, 0, spec->top_label, -1,
                       spec->px + 0.5 * spec->pw, label_top - 0.1 * spec->em, 0.5, 1.0, 0.0,
                       &style->foreground);
  sp_ticks_clear (&t);
}

static void
draw_ticks (cairo_t            *cr,
            const SpFigureSpec *spec,
            const SpPlotStyle  *style)
{
  draw_panel_ticks (cr, spec, style, &spec->y, spec->max_y_ticks, spec->py, spec->ph,
                    !spec->split);
  if (spec->split)
    draw_panel_ticks (cr, spec, style, &spec->y2, spec->max_y2_ticks, spec->py2, spec->ph2,
                      TRUE);
  draw_top_axis (cr, spec, style);
}

/* "quantity (10ⁿ unit)": a factored-out power of ten belongs to the unit. */
static char *
axis_text (const char   *quantity,
           const char   *unit,
           const SpAxis *axis)
{
  g_autofree char *power = axis->exponent != 0 ? sp_ticks_format_power (axis->exponent) : NULL;

  if (quantity == NULL)
    return NULL;
  if (unit != NULL && power != NULL)
    return g_strdup_printf ("%s (%s %s)", quantity, power, unit);
  if (unit != NULL)
    return g_strdup_printf ("%s (%s)", quantity, unit);
  if (power != NULL)
    return g_strdup_printf ("%s (%s)", quantity, power);
  return g_strdup (quantity);
}

void
sp_figure_draw_frame (cairo_t            *cr,
                      const SpFigureSpec *spec,
                      const SpPlotStyle  *style,
                      const char         *caption)
{
  double em = spec->em;

  cairo_save (cr);
  if (spec->title != NULL)
    sp_plot_text_draw (cr, style, spec->title_size, SP_TEXT_BOLD, spec->title, spec->title_wrap,
                       PAD * em, spec->title_y, 0.0, 0.0, 0.0, &style->foreground);

  if (spec->has_data)
    {
      draw_ticks (cr, spec, style);
      g_autofree char *xt = axis_text (spec->x_label, spec->x_unit, &spec->x);
      g_autofree char *yt = axis_text (spec->y_label, spec->y_unit, &spec->y);
      double yw, y_size = LABEL_SIZE;

      sp_plot_text_measure (style, LABEL_SIZE, 0, yt, -1, &yw, NULL);
      /* Never past the plot's ends, into the legend or the x labels. */
      if (yw > spec->ph - 0.3 * em && spec->y_label_short != NULL)
        {
          g_free (yt);
          yt = axis_text (spec->y_label_short, spec->y_unit, &spec->y);
          sp_plot_text_measure (style, LABEL_SIZE, 0, yt, -1, &yw, NULL);
        }
      /* Still too long (a short card with a long unit): a smaller font. */
      if (yt != NULL && yw > spec->ph)
        y_size = MAX (0.7, LABEL_SIZE * spec->ph / yw);

      if (xt != NULL)
        sp_plot_text_draw (cr, style, LABEL_SIZE, 0, xt, -1,
                           spec->px + 0.5 * spec->pw,
                           (spec->split ? spec->py2 + spec->ph2 : spec->py + spec->ph)
                           + TICK_LEN * em + 1.2 * em * TICK_SIZE + 0.25 * em,
                           0.5, 0.0, 0.0, &style->foreground);
      if (spec->split && spec->y2_label != NULL)
        {
          g_autofree char *y2t = axis_text (spec->y2_label, spec->y2_unit, &spec->y2);
          double w2, size2 = LABEL_SIZE;

          sp_plot_text_measure (style, LABEL_SIZE, 0, y2t, -1, &w2, NULL);
          if (w2 > spec->ph2)
            size2 = MAX (0.7, LABEL_SIZE * spec->ph2 / w2);
          sp_plot_text_draw (cr, style, size2, 0, y2t, -1,
                             spec->y_label_x, spec->py2 + 0.5 * spec->ph2,
                             0.5, 0.0, -G_PI / 2, &style->foreground);
        }
      if (yt != NULL)
        {
          /* Longer than the plot even so: its top end at the plot's top,
           * the rest in the free corner below, not over the title. */
          double length = yw * y_size / LABEL_SIZE;
          double centre = length > spec->ph ? spec->py + 0.5 * length
                                            : spec->py + 0.5 * spec->ph;

          sp_plot_text_draw (cr, style, y_size, 0, yt, -1, spec->y_label_x, centre,
                             0.5, 0.0, -G_PI / 2, &style->foreground);
        }
      /* An inset legend goes over the content (sp_figure_draw). */
      if (spec->legend_placement == SP_LEGEND_ABOVE)
        sp_figure_legend_draw (cr, spec, style);
    }

  /* The box over the grid. */
  sp_plot_set_color (cr, spec->has_data ? &style->foreground : &style->grid);
  cairo_set_line_width (cr, MAX (0.75, 0.8 * spec->lw));
  cairo_rectangle (cr, spec->px, spec->py, spec->pw, spec->ph);
  if (spec->split && spec->has_data)
    cairo_rectangle (cr, spec->px, spec->py2, spec->pw, spec->ph2);
  cairo_stroke (cr);

  if (!spec->has_data)
    sp_plot_text_draw (cr, style, 1.1, 0, spec->no_data ? spec->no_data : _("No data"),
                       0.9 * spec->pw, spec->px + 0.5 * spec->pw, spec->py + 0.5 * spec->ph,
                       0.5, 0.5, 0.0, &style->foreground);

  if (caption != NULL && caption[0] != '\0')
    {
      g_autofree char *escaped = g_markup_escape_text (caption, -1);

      sp_plot_text_draw (cr, style, CAPTION_SIZE, 0, escaped, spec->width - 2 * PAD * em,
                         PAD * em, spec->caption_y, 0.0, 0.0, 0.0, &style->foreground);
    }
  cairo_restore (cr);
}

void
sp_figure_clip_plot (cairo_t            *cr,
                     const SpFigureSpec *spec)
{
  cairo_rectangle (cr, spec->px, spec->py, spec->pw, spec->ph);
  cairo_clip (cr);
}
