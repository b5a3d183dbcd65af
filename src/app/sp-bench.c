/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sp-bench.c — `spinodal --bench-redraw`
 *
 * One sample is the time from setting a parameter on SpParams to the end
 * of the frame in which every analysis plot has drawn again:
 *
 *   recompute  g_object_set → "changed" → sp_analysis_new_from → queue_draw
 *   paint      the frame clock's before-paint … after-paint of that frame
 *              (layout, every snapshot, GSK rendering); the part spent in
 *              the five sp_figure_draw() calls is reported on its own
 *
 * The wait for the frame clock's next tick is left out: it depends on the
 * display's refresh, not on Spinodal.  The simulation is paused so that
 * only the analysis figures redraw.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdio.h>

#include "sp-plot-view.h"

#include "sp-bench.h"

#define N_ANALYSIS 5

typedef struct
{
  SpWindow      *window;
  GdkFrameClock *clock;
  guint          iterations;
  guint          done;
  double         omega0;
  gint64         recompute_us;
  gint64         frame_start;
  guint64        counts[N_ANALYSIS];
  gint64         draw_us;     /* figures' drawing at the change */
  GArray        *figures;     /* double, ms: sp_figure_draw of the five */
  GArray        *recompute;   /* double, ms */
  GArray        *total;       /* double, ms */
  gulong         before_id, after_id;
} Bench;

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

static double
percentile (GArray *values,
            double  p)
{
  g_array_sort (values, compare_doubles);
  return g_array_index (values, double, (guint) (p * (values->len - 1) + 0.5));
}

static gboolean bench_change (gpointer data);

static void
bench_finish (Bench *bench)
{
  double mean_total = 0.0, mean_recompute = 0.0;
  GApplication *app = G_APPLICATION (gtk_window_get_application (GTK_WINDOW (bench->window)));

  g_signal_handler_disconnect (bench->clock, bench->before_id);
  g_signal_handler_disconnect (bench->clock, bench->after_id);
  for (guint i = 0; i < bench->total->len; i++)
    {
      mean_total += g_array_index (bench->total, double, i) / bench->total->len;
      mean_recompute += g_array_index (bench->recompute, double, i) / bench->recompute->len;
    }

  printf ("redraw at %d × %d (%u samples, %d analysis figures):\n",
          gtk_widget_get_width (GTK_WIDGET (bench->window)),
          gtk_widget_get_height (GTK_WIDGET (bench->window)),
          bench->total->len, N_ANALYSIS);
  printf ("  recompute (SpAnalysis): mean %.2f ms, median %.2f ms\n",
          mean_recompute, percentile (bench->recompute, 0.5));
  printf ("  sp_figure_draw × %d:     median %.2f ms\n", N_ANALYSIS,
          percentile (bench->figures, 0.5));
  printf ("  change → all redrawn:   mean %.2f ms, median %.2f ms, 95th percentile %.2f ms, max %.2f ms\n",
          mean_total, percentile (bench->total, 0.5), percentile (bench->total, 0.95),
          percentile (bench->total, 1.0));
  printf ("  target: < 16 ms\n");

  g_array_unref (bench->recompute);
  g_array_unref (bench->total);
  g_array_unref (bench->figures);
  g_free (bench);
  g_application_quit (app);
}

static void
before_paint_cb (GdkFrameClock *clock,
                 Bench         *bench)
{
  bench->frame_start = g_get_monotonic_time ();
}

static void
after_paint_cb (GdkFrameClock *clock,
                Bench         *bench)
{
  g_autoptr(GPtrArray) views = NULL;
  double recompute, total, figures;

  if (bench->recompute_us < 0)
    return;

  /* Only the frame in which every analysis plot drew counts. */
  views = sp_window_get_plot_views (bench->window);
  for (guint i = 0; i < N_ANALYSIS; i++)
    if (sp_plot_view_get_draw_count (g_ptr_array_index (views, i)) == bench->counts[i])
      return;

  recompute = bench->recompute_us / 1000.0;
  total = recompute + (g_get_monotonic_time () - bench->frame_start) / 1000.0;
  figures = -bench->draw_us / 1000.0;
  for (guint i = 0; i < N_ANALYSIS; i++)
    figures += sp_plot_view_get_draw_time (g_ptr_array_index (views, i)) / 1000.0;
  g_array_append_val (bench->figures, figures);
  g_array_append_val (bench->recompute, recompute);
  g_array_append_val (bench->total, total);
  bench->recompute_us = -1;

  if (++bench->done == bench->iterations)
    bench_finish (bench);
  else
    g_timeout_add (20, bench_change, bench);
}

static gboolean
bench_change (gpointer data)
{
  Bench *bench = data;
  g_autoptr(GPtrArray) views = sp_window_get_plot_views (bench->window);
  SpParams *params = sp_window_get_params (bench->window);
  gint64 t0;

  if (bench->clock == NULL)
    {
      bench->clock = gtk_widget_get_frame_clock (GTK_WIDGET (bench->window));
      if (bench->clock == NULL)
        return G_SOURCE_CONTINUE;   /* not realized yet */
      bench->before_id = g_signal_connect (bench->clock, "before-paint",
                                           G_CALLBACK (before_paint_cb), bench);
      bench->after_id = g_signal_connect (bench->clock, "after-paint",
                                          G_CALLBACK (after_paint_cb), bench);
      g_object_get (params, "omega", &bench->omega0, NULL);
    }

  for (guint i = 0; i < N_ANALYSIS; i++)
    bench->counts[i] = sp_plot_view_get_draw_count (g_ptr_array_index (views, i));

  /* Alternate between two values so that every change is a real one. */
  t0 = g_get_monotonic_time ();
  g_object_set (params, "omega", bench->omega0 + ((bench->done % 2) ? 0.0 : 0.5), NULL);
  bench->recompute_us = g_get_monotonic_time () - t0;
  bench->draw_us = 0;
  for (guint i = 0; i < N_ANALYSIS; i++)
    bench->draw_us += sp_plot_view_get_draw_time (g_ptr_array_index (views, i));

  return G_SOURCE_REMOVE;
}

void
sp_bench_redraw_start (SpWindow *window,
                       guint     iterations)
{
  Bench *bench = g_new0 (Bench, 1);

  bench->window = window;
  bench->iterations = MAX (iterations, 1);
  bench->recompute_us = -1;
  bench->recompute = g_array_new (FALSE, FALSE, sizeof (double));
  bench->total = g_array_new (FALSE, FALSE, sizeof (double));
  bench->figures = g_array_new (FALSE, FALSE, sizeof (double));

  sp_simulation_set_running (sp_window_get_simulation (window), FALSE);
  gtk_window_set_default_size (GTK_WINDOW (window), 1920, 1080);
  gtk_window_present (GTK_WINDOW (window));
  /* Let the first frames (and the fonts) settle before measuring. */
  g_timeout_add (500, bench_change, bench);
}
