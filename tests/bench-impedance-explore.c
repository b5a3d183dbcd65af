/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bench-impedance-explore.c — one slider move on the Impedance page:
 * the ceramic model recomputed (spectrum, arcs, read-outs) and Nyquist and
 * Bode drawn at the sizes a 1280 × 720 window gives them
 *
 * Reported against two peers measured in the same run: drawing the two
 * figures alone (what any redraw costs, so the ratio is what the recompute
 * adds) and a 60 Hz frame (16.7 ms: a move must fit in one).  Each figure
 * is the fastest of several interleaved blocks (the machine is shared).
 * Drawn with Cairo on image surfaces, as the window's cairo renderer does.
 */

#include "config.h"

#include <math.h>
#include <stdio.h>

#include "sp-figure.h"
#include "sp-gsl.h"
#include "sp-impedance-explore.h"
#include "sp-plot-style.h"

#define ROUNDS        7
#define BLOCK_SECONDS 0.2
/* The explore layout at 1280 × 720: Nyquist over two columns, Bode one. */
#define NYQUIST_W 560
#define NYQUIST_H 410
#define BODE_W    272
#define BODE_H    410

static void
draw_both (cairo_t                 *nyquist_cr,
           cairo_t                 *bode_cr,
           const SpImpedanceExplore *explore,
           const SpPlotStyle        *style)
{
  SpFigureData data;

  sp_figure_data_init (&data);
  data.eis = &explore->figure;
  sp_figure_draw (nyquist_cr, NYQUIST_W, NYQUIST_H, SP_FIGURE_NYQUIST, &data, style);
  sp_figure_draw (bode_cr, BODE_W, BODE_H, SP_FIGURE_BODE, &data, style);
}

int
main (int    argc,
      char **argv)
{
  SpImpedanceExplore explore;
  SpPlotStyle style;
  cairo_surface_t *nyquist = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, NYQUIST_W, NYQUIST_H);
  cairo_surface_t *bode = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, BODE_W, BODE_H);
  cairo_t *nyquist_cr = cairo_create (nyquist);
  cairo_t *bode_cr = cairo_create (bode);
  const SpEisCeramicRange *rb = sp_eis_ceramic_get_range (SP_EIS_CERAMIC_RB);
  double best_move = G_MAXDOUBLE, best_draw = G_MAXDOUBLE;
  guint step = 0;

  sp_gsl_init ();
  sp_plot_style_init_light (&style);
  sp_impedance_explore_init (&explore);

  for (guint r = 0; r < ROUNDS; r++)
    {
      gint64 t0;
      guint n;

      /* A drag of R_b across its range, log-spaced, as the slider moves. */
      t0 = g_get_monotonic_time ();
      for (n = 0; g_get_monotonic_time () - t0 < BLOCK_SECONDS * G_USEC_PER_SEC; n++, step++)
        {
          double u = (step % 200) / 199.0;

          explore.model.values[SP_EIS_CERAMIC_RB] = rb->min * pow (rb->max / rb->min, u);
          if (!sp_impedance_explore_update (&explore, NULL))
            g_error ("the explore model refused R_b = %g", explore.model.values[SP_EIS_CERAMIC_RB]);
          draw_both (nyquist_cr, bode_cr, &explore, &style);
        }
      best_move = MIN (best_move, (g_get_monotonic_time () - t0) / (double) n);

      t0 = g_get_monotonic_time ();
      for (n = 0; g_get_monotonic_time () - t0 < BLOCK_SECONDS * G_USEC_PER_SEC; n++)
        draw_both (nyquist_cr, bode_cr, &explore, &style);
      best_draw = MIN (best_draw, (g_get_monotonic_time () - t0) / (double) n);
    }

  g_assert_cmpint (cairo_status (nyquist_cr), ==, CAIRO_STATUS_SUCCESS);
  g_assert_cmpint (cairo_status (bode_cr), ==, CAIRO_STATUS_SUCCESS);
  printf ("slider move (recompute + Nyquist + Bode): %.3f ms\n", best_move / 1000);
  printf ("redraw alone (Nyquist + Bode):            %.3f ms\n", best_draw / 1000);
  printf ("ratio move/redraw: %.2f; move/frame (16.7 ms): %.3f\n",
          best_move / best_draw, best_move / 16667.0);

  cairo_destroy (nyquist_cr);
  cairo_destroy (bode_cr);
  cairo_surface_destroy (nyquist);
  cairo_surface_destroy (bode);
  sp_impedance_explore_clear (&explore);
  sp_plot_style_clear (&style);
  return 0;
}
