/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sp-figure-legend.c — where a figure's legend goes, and drawing it
 *
 * On a large card the legend sits above the plot in as many columns as fit.
 * On a small card (a projector at 1280 × 720, a narrow window) a legend
 * above would eat a third of the card, so it moves inside the plot area, in
 * the corner where it covers the fewest curve pixels, on a translucent
 * background.  The corner is found from a coarse, low-resolution "ink" image
 * of the figure's content (sp-figure.c renders it), so it follows the data
 * of any figure without per-figure rules.
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include "sp-figure-private.h"

#define LEGEND_SIZE        0.9   /* em, above the plot */
#define LEGEND_SIZE_INSIDE 0.82  /* em, inside: a little tighter */
#define ROW_H              1.45  /* row height in legend em */
#define SWATCH             1.8   /* swatch length in body em */
#define INSET              0.45  /* legend box margin from the plot frame, em */
#define BOX_PAD            0.35  /* padding inside the inset box, em */
/* Above the plot the legend may take this much of the card's height. */
#define ABOVE_MAX_FRACTION 0.12

/* The compact (smaller) legend also has shorter swatches and gaps. */
static double
swatch_length (const SpFigureSpec *spec,
               double              size)
{
  return (size < LEGEND_SIZE ? 1.6 : SWATCH) * spec->em;
}

static double
item_width (const SpFigureSpec *spec,
            const SpPlotStyle  *style,
            double              size,
            guint               i)
{
  double tw;

  sp_plot_text_measure (style, size, 0, spec->legend[i].label, -1, &tw, NULL);
  return swatch_length (spec, size) + 0.4 * spec->em + tw
         + (size < LEGEND_SIZE ? 0.75 : 1.0) * spec->em;
}

/* Items go row-major into @cols columns; each column is as wide as its
 * widest item.  Returns the total width; @col_w (may be NULL) gets each. */
static double
grid_width (const SpFigureSpec *spec,
            const SpPlotStyle  *style,
            double              size,
            guint               cols,
            double             *col_w)
{
  double w[SP_FIGURE_LEGEND_CAPACITY] = { 0 };
  double total = 0.0;

  for (guint i = 0; i < spec->n_legend; i++)
    w[i % cols] = MAX (w[i % cols], item_width (spec, style, size, i));
  for (guint j = 0; j < cols; j++)
    total += w[j];
  if (col_w != NULL)
    memcpy (col_w, w, sizeof w);
  return total;
}

static double
row_height (const SpFigureSpec *spec,
            double              size)
{
  return ROW_H * spec->em * size;
}

/* The most columns whose grid is at most @avail wide (at least 1). */
static guint
fit_columns (const SpFigureSpec *spec,
             const SpPlotStyle  *style,
             double              size,
             double              avail)
{
  for (guint cols = spec->n_legend; cols > 1; cols--)
    if (grid_width (spec, style, size, cols, NULL) <= avail)
      return cols;
  return 1;
}

static void
set_grid (SpFigureSpec      *spec,
          const SpPlotStyle *style,
          double             size,
          guint              cols)
{
  guint rows = (spec->n_legend + cols - 1) / cols;

  spec->legend_size = size;
  spec->legend_cols = cols;
  spec->legend_w = grid_width (spec, style, size, cols, NULL);
  spec->legend_h = rows * row_height (spec, size);
}

/* Small-font rows above the plot across the card's whole width (under the
 * title), as long as the plot keeps 40 % of the card and every entry fits
 * the width; else no legend: a thumbnail keeps its plot rather than its
 * legend. */
static void
compact_above (SpFigureSpec      *spec,
               const SpPlotStyle *style,
               double             card_left,
               double             right_edge,
               double             height,
               double            *top,
               double             bottom)
{
  double above_h;

  set_grid (spec, style, LEGEND_SIZE_INSIDE,
            fit_columns (spec, style, LEGEND_SIZE_INSIDE, right_edge - card_left));
  spec->legend_x = card_left;
  above_h = spec->legend_h + 0.2 * spec->em;
  /* An entry wider than the card (a fit's numbers at a projector's size)
   * would be cut off mid-number: no legend rather than a wrong-looking one. */
  if (spec->legend_w <= right_edge - card_left &&
      height - (*top + above_h) - bottom >= 0.36 * height)
    {
      spec->legend_placement = SP_LEGEND_ABOVE;
      spec->legend_y = *top;
      *top += above_h;
    }
  else
    spec->legend_placement = SP_LEGEND_HIDDEN;
}

void
sp_figure_legend_layout (SpFigureSpec      *spec,
                         const SpPlotStyle *style,
                         double             plot_left,
                         double             card_left,
                         double             right_edge,
                         double             height,
                         double            *top,
                         double             bottom)
{
  guint cols;
  double above_h, inside_w, inside_h, plot_h;
  double avail_w = right_edge - plot_left;

  spec->legend_placement = SP_LEGEND_HIDDEN;
  if (spec->n_legend == 0 || !spec->has_data)
    return;

  if (spec->legend_force_above)
    {
      compact_above (spec, style, card_left, right_edge, height, top, bottom);
      return;
    }

  cols = fit_columns (spec, style, LEGEND_SIZE, avail_w);
  set_grid (spec, style, LEGEND_SIZE, cols);
  spec->legend_x = plot_left;
  above_h = spec->legend_h + 0.25 * spec->em;
  if (above_h <= ABOVE_MAX_FRACTION * height && spec->legend_w <= avail_w)
    {
      spec->legend_placement = SP_LEGEND_ABOVE;
      spec->legend_y = *top;
      *top += above_h;
      return;
    }

  /* Inside: the compact single-column grid must fit in the plot area with
   * room to spare; the exact columns and corner are chosen at draw time. */
  plot_h = height - *top - bottom;
  set_grid (spec, style, LEGEND_SIZE_INSIDE, 1);
  inside_w = spec->legend_w + 2 * BOX_PAD * spec->em;
  inside_h = spec->legend_h + 2 * BOX_PAD * spec->em;
  if (inside_h <= 0.62 * plot_h && inside_w <= 0.8 * avail_w)
    {
      spec->legend_placement = SP_LEGEND_INSIDE;
      return;
    }
  set_grid (spec, style, LEGEND_SIZE_INSIDE, fit_columns (spec, style, LEGEND_SIZE_INSIDE, avail_w));
  if (spec->legend_h + 2 * BOX_PAD * spec->em <= 0.45 * plot_h)
    {
      spec->legend_placement = SP_LEGEND_INSIDE;
      return;
    }

  /* No room inside either: compact rows above. */
  compact_above (spec, style, card_left, right_edge, height, top, bottom);
}

/* Ink pixels inside a rectangle of user units.  The region fills are left
 * out of the image, so a quarter alpha already counts: a faint reference
 * curve (S(k, t₀) at 45 %) is data too. */
static guint
count_ink (const guint8 *ink,
           int           stride,
           int           iw,
           int           ih,
           double        scale,
           double        x,
           double        y,
           double        w,
           double        h)
{
  int x0 = MAX (0, (int) floor (x * scale)), x1 = MIN (iw, (int) ceil ((x + w) * scale));
  int y0 = MAX (0, (int) floor (y * scale)), y1 = MIN (ih, (int) ceil ((y + h) * scale));
  guint n = 0;

  for (int j = y0; j < y1; j++)
    for (int i = x0; i < x1; i++)
      n += ink[j * stride + i] >= 64;
  return n;
}

guint
sp_figure_legend_place (SpFigureSpec      *spec,
                        const SpPlotStyle *style,
                        const guint8      *ink,
                        int                stride,
                        int                iw,
                        int                ih,
                        double             scale)
{
  double m = INSET * spec->em, pad = BOX_PAD * spec->em;
  double best_cost = INFINITY;
  guint best_ink = 0, best_cols = 1;

  g_return_val_if_fail (spec->legend_placement == SP_LEGEND_INSIDE, 0);

  for (guint cols = 1; cols <= spec->n_legend; cols++)
    {
      double w, h;

      set_grid (spec, style, LEGEND_SIZE_INSIDE, cols);
      w = spec->legend_w + 2 * pad;
      h = spec->legend_h + 2 * pad;
      if (w > spec->pw - 2 * m || h > spec->ph - 2 * m)
        continue;
      /* Corners in order of preference on a tie: top right, top left,
       * bottom right, bottom left. */
      for (guint corner = 0; corner < 4; corner++)
        {
          double x = corner % 2 == 0 ? spec->px + spec->pw - m - w : spec->px + m;
          double y = corner < 2 ? spec->py + m : spec->py + spec->ph - m - h;
          guint n = count_ink (ink, stride, iw, ih, scale, x, y, w, h);
          /* Covered curve pixels dominate; a smaller box breaks ties. */
          double cost = n + 0.002 * w * h * scale * scale;

          if (cost < best_cost)
            {
              best_cost = cost;
              best_ink = n;
              best_cols = cols;
              spec->legend_x = x;
              spec->legend_y = y;
            }
        }
    }
  /* Nothing fits (a tiny card): all the ink there is, so the caller puts
   * the legend above or drops it. */
  if (!isfinite (best_cost))
    return G_MAXUINT;
  set_grid (spec, style, LEGEND_SIZE_INSIDE, best_cols);
  spec->legend_w += 2 * pad;
  spec->legend_h += 2 * pad;
  return best_ink;
}

double
sp_figure_legend_ink_allowance (const SpFigureSpec *spec,
                                const SpPlotStyle  *style,
                                double              scale)
{
  /* The ink image strokes curves 2.5 times thicker (sp-figure.c). */
  return 1.2 * spec->em * scale * MAX (1.0, 2.5 * 1.6 * spec->lw * scale);
}

void
sp_figure_legend_rect (const SpFigureSpec *spec,
                       double             *x,
                       double             *y,
                       double             *w,
                       double             *h)
{
  if (spec->legend_placement != SP_LEGEND_HIDDEN)
    *x = spec->legend_x, *y = spec->legend_y, *w = spec->legend_w, *h = spec->legend_h;
  else
    *x = *y = *w = *h = 0.0;
}

void
sp_figure_legend_draw (cairo_t            *cr,
                       const SpFigureSpec *spec,
                       const SpPlotStyle  *style)
{
  double size = spec->legend_size;
  double row_h = row_height (spec, size);
  double sw = swatch_length (spec, size);
  double col_w[SP_FIGURE_LEGEND_CAPACITY];
  double x0, y0;
  guint cols = spec->legend_cols;

  if (spec->legend_placement == SP_LEGEND_HIDDEN || spec->n_legend == 0 || cols == 0)
    return;

  grid_width (spec, style, size, cols, col_w);
  x0 = spec->legend_x;
  y0 = spec->legend_y;
  if (spec->legend_placement == SP_LEGEND_INSIDE)
    {
      double pad = BOX_PAD * spec->em;
      SpColor bg = style->background;
      double r = 0.3 * spec->em;
      double bx = spec->legend_x, by = spec->legend_y, bw = spec->legend_w, bh = spec->legend_h;

      /* Translucent, so a curve under it still shows through faintly. */
      bg.alpha = 0.85;
      cairo_new_sub_path (cr);
      cairo_arc (cr, bx + bw - r, by + r, r, -G_PI / 2, 0);
      cairo_arc (cr, bx + bw - r, by + bh - r, r, 0, G_PI / 2);
      cairo_arc (cr, bx + r, by + bh - r, r, G_PI / 2, G_PI);
      cairo_arc (cr, bx + r, by + r, r, G_PI, 3 * G_PI / 2);
      cairo_close_path (cr);
      sp_plot_set_color (cr, &bg);
      cairo_fill_preserve (cr);
      sp_plot_set_color (cr, &style->grid);
      cairo_set_line_width (cr, MAX (0.75, 0.6 * spec->lw));
      cairo_stroke (cr);
      x0 = bx + pad;
      y0 = by + pad;
    }

  for (guint i = 0; i < spec->n_legend; i++)
    {
      const SpLegendItem *item = &spec->legend[i];
      double x = x0, cy = y0 + (i / cols + 0.5) * row_h;

      for (guint j = 0; j < i % cols; j++)
        x += col_w[j];
      switch (item->kind)
        {
        case SP_LEGEND_FILL:
          sp_plot_set_color (cr, &item->color);
          cairo_rectangle (cr, x, cy - 0.4 * spec->em * size / LEGEND_SIZE, sw,
                           0.8 * spec->em * size / LEGEND_SIZE);
          cairo_fill (cr);
          break;
        case SP_LEGEND_DOT:
          sp_figure_dot (cr, x + 0.5 * sw, cy, 0.35 * spec->em, &item->color, &style->background);
          break;
        case SP_LEGEND_MARKER_LINE:
          cairo_move_to (cr, x, cy);
          cairo_line_to (cr, x + sw, cy);
          sp_figure_stroke (cr, &item->color, spec->lw, FALSE);
          G_GNUC_FALLTHROUGH;
        case SP_LEGEND_MARKER:
          sp_figure_marker (cr, item->marker, x + 0.5 * sw, cy, 0.38 * spec->em, &item->color,
                            &style->background);
          break;
        case SP_LEGEND_PIN:
          cairo_move_to (cr, x, cy);
          cairo_line_to (cr, x + sw, cy);
          sp_figure_pin_stroke (cr, style, (guint) item->marker, 1.4 * spec->lw);
          break;
        case SP_LEGEND_LINE:
        case SP_LEGEND_DASHED:
        default:
          cairo_move_to (cr, x, cy);
          cairo_line_to (cr, x + sw, cy);
          sp_figure_stroke (cr, &item->color, 1.4 * spec->lw, item->kind == SP_LEGEND_DASHED);
          break;
        }
      sp_plot_text_draw (cr, style, size, 0, item->label, -1,
                         x + sw + 0.4 * spec->em * size / LEGEND_SIZE, cy, 0.0, 0.5, 0.0,
                         &style->foreground);
    }
}
