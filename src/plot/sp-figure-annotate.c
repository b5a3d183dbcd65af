/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sp-figure-annotate.c — where a figure's labels go
 *
 * One rule for every annotation (the critical temperature, the state's
 * "(c₀, T)", "uphill"): a label's box, halo included, lies inside the plot
 * area, so it can never cover a tick label (those sit outside it), and
 * clear of every marker and label already placed.  Each label offers spots
 * around its anchor in order of preference; the first spot that is clear
 * wins, pulled inside the plot area if it sticks out.  When none is clear
 * (a tiny plot) or the plot is smaller than the label, the label is left
 * out: the legend still names every marker, and a label on a marker or a
 * tick hides both.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>

#include "sp-figure-private.h"

/* The halo SP_TEXT_HALO paints: 0.2 em either side, 0.1 em above and below. */
#define HALO_X 0.2
#define HALO_Y 0.1

static double
overlap (const SpFigureBox *a,
         const SpFigureBox *b)
{
  double w = MIN (a->x + a->w, b->x + b->w) - MAX (a->x, b->x);
  double h = MIN (a->y + a->h, b->y + b->h) - MAX (a->y, b->y);

  return w > 0.0 && h > 0.0 ? w * h : 0.0;
}

gboolean
sp_figure_boxes_intersect (const SpFigureBox *a,
                           const SpFigureBox *b)
{
  return overlap (a, b) > 0.0;
}

static void
add_box (SpAnnotations     *taken,
         const SpFigureBox *box,
         gboolean           label)
{
  if (taken->n >= SP_FIGURE_MAX_ANNOTATIONS)
    return;
  taken->item[taken->n].box = *box;
  taken->item[taken->n].label = label;
  taken->n++;
}

void
sp_annotations_add_dot (SpAnnotations *taken,
                        double         x,
                        double         y,
                        double         radius)
{
  SpFigureBox box = { x - radius, y - radius, 2 * radius, 2 * radius };

  if (isfinite (x) && isfinite (y))
    add_box (taken, &box, FALSE);
}

gboolean
sp_figure_place_label (const SpFigureSpec  *spec,
                       const SpPlotStyle   *style,
                       double               size,
                       const char          *markup,
                       double               x,
                       double               y,
                       const SpLabelSpot   *spots,
                       guint                n_spots,
                       SpAnnotations       *taken,
                       SpLabelPlacement    *placement)
{
  double em = sp_plot_text_em (style, size), tw, th;
  double best_cost = INFINITY;
  SpFigureBox best = { 0 };

  g_return_val_if_fail (n_spots > 0, FALSE);

  sp_plot_text_measure (style, size, 0, markup, -1, &tw, &th);
  if (!isfinite (x) || !isfinite (y) ||
      tw + 2 * HALO_X * em > spec->pw || th + 2 * HALO_Y * em > spec->ph)
    return FALSE;

  for (guint i = 0; i < n_spots; i++)
    {
      const SpLabelSpot *s = &spots[i];
      double ax = x + s->dx * spec->em, ay = y + s->dy * spec->em;
      SpFigureBox box = {
        ax - s->xalign * tw - HALO_X * em, ay - s->yalign * th - HALO_Y * em,
        tw + 2 * HALO_X * em, th + 2 * HALO_Y * em,
      };
      double covered = 0.0, cost;

      /* Pulled inside the plot area. */
      box.x = CLAMP (box.x, spec->px, spec->px + spec->pw - box.w);
      box.y = CLAMP (box.y, spec->py, spec->py + spec->ph - box.h);
      for (guint j = 0; j < taken->n; j++)
        covered += overlap (&box, &taken->item[j].box);
      if (covered > 0.0)
        continue;
      /* Among clear spots one that needed no pulling wins, else the
       * earliest. */
      cost = fabs (box.x - (ax - s->xalign * tw - HALO_X * em))
             + fabs (box.y - (ay - s->yalign * th - HALO_Y * em)) > 0.5 * spec->em ? 1.0 : 0.0;
      if (cost < best_cost)
        {
          best_cost = cost;
          best = box;
          if (cost == 0.0)
            break;
        }
    }

  if (isinf (best_cost))
    return FALSE;
  add_box (taken, &best, TRUE);
  placement->box = best;
  /* The text's top-left corner inside the chosen box. */
  placement->x = best.x + HALO_X * em;
  placement->y = best.y + HALO_Y * em;
  return TRUE;
}

void
sp_figure_draw_placed_label (cairo_t                *cr,
                             const SpPlotStyle      *style,
                             double                  size,
                             const char             *markup,
                             const SpLabelPlacement *placement,
                             const SpColor          *color)
{
  sp_plot_text_draw (cr, style, size, SP_TEXT_HALO, markup, -1, placement->x, placement->y,
                     0.0, 0.0, 0.0, color);
}
