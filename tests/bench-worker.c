/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bench-worker.c — the live simulation's steps per second against bare
 * stepping (issue 12, item 2)
 *
 * For each grid, in interleaved rounds on the same field size:
 *   bare     sp_ch_step() in a loop on this thread, no worker, no frames;
 *   none     the worker running with nobody taking frames;
 *   60 Hz    a reader taking frames at the display rate (as the window's
 *            tick callback does);
 *   greedy   a reader taking every frame as soon as it is there, which is
 *            what publishing after every batch cost before (for reference).
 * The worker runs 4 steps per batch (the window's default speed).  Its
 * steps per second come from the steps of the frame the pause publishes
 * and the wall time between run and pause.  The machine is shared: each
 * figure is the best of its rounds, and the ratios to bare stepping are
 * taken from the same rounds.  Because whole-run rates are noisy on a
 * loaded machine, the cost of one frame (sp_frame_new, best of many) is
 * also timed against one step: a 60 Hz reader costs the run about
 * 60 · frame seconds per second, at most 4 % (the worker's frame budget
 * lowers the frame rate of large grids), where publishing after every
 * batch of 4 cost frame / (frame + 4 steps).
 */

#include "config.h"

#include <stdio.h>
#include <stdlib.h>

#include "sp-ch.h"
#include "sp-gsl.h"
#include "sp-worker.h"

#define ROUNDS         6
#define ROUND_SECONDS  0.4

typedef enum { READ_NONE, READ_60HZ, READ_GREEDY } ReadMode;

static double
bare_rate (SpCh *ch)
{
  gint64 t0 = g_get_monotonic_time ();
  guint64 steps = 0;
  double wall;

  while ((wall = (g_get_monotonic_time () - t0) / 1e6) < ROUND_SECONDS)
    {
      g_autoptr(GError) error = NULL;

      if (!sp_ch_step (ch, &error))
        g_error ("%s", error->message);
      steps++;
    }
  return steps / wall;
}

static SpFrame *
wait_state (SpWorker      *w,
            SpWorkerState  state,
            guint64        after)
{
  for (;;)
    {
      if (sp_worker_get_serial (w) > after)
        {
          SpFrame *f = sp_worker_get_frame (w);

          if (f->state == state)
            return f;
          after = f->serial;
          sp_frame_unref (f);
        }
      g_usleep (100);
    }
}

static double
live_rate (SpWorker *w,
           ReadMode  mode,
           guint    *frames)
{
  g_autoptr(SpFrame) start = NULL;
  g_autoptr(SpFrame) end = NULL;
  guint64 serial;
  gint64 t0, t1, next;

  start = wait_state (w, SP_WORKER_PAUSED, 0);
  serial = start->serial;
  *frames = 0;
  t0 = g_get_monotonic_time ();
  next = t0;
  sp_worker_run (w);
  while (g_get_monotonic_time () - t0 < ROUND_SECONDS * 1e6)
    {
      if (mode == READ_GREEDY || (mode == READ_60HZ && g_get_monotonic_time () >= next))
        {
          if (sp_worker_get_serial (w) != serial)
            {
              SpFrame *f = sp_worker_get_frame (w);

              serial = f->serial;
              sp_frame_unref (f);
              (*frames)++;
            }
          next += G_USEC_PER_SEC / 60;
        }
      g_usleep (mode == READ_GREEDY ? 50 : 1000);
    }
  t1 = g_get_monotonic_time ();
  sp_worker_pause (w);
  end = wait_state (w, SP_WORKER_PAUSED, serial);
  return (end->diag.steps - start->diag.steps) / ((t1 - t0) / 1e6);
}

static void
bench_grid (guint n)
{
  static const char *const names[] = { "none", "60 Hz", "greedy" };
  SpChParams p;
  g_autoptr(SpCh) ch = NULL;
  g_autoptr(SpWorker) w = NULL;
  double bare = 0.0, live[3] = { 0 };
  guint frames[3] = { 0 };

  sp_ch_params_init_default (&p);
  p.n = n;
  p.length = 0.5 * n;
  ch = sp_ch_new (&p, NULL);
  w = sp_worker_new (&p, NULL, NULL);
  sp_worker_set_steps_per_frame (w, 4);
  for (guint s = 0; s < 30; s++)
    sp_ch_step (ch, NULL);

  for (guint r = 0; r < ROUNDS; r++)
    {
      bare = MAX (bare, bare_rate (ch));
      for (guint m = 0; m < 3; m++)
        {
          guint f;
          double rate = live_rate (w, m, &f);

          if (rate > live[m])
            {
              live[m] = rate;
              frames[m] = f;
            }
        }
    }

  {
    double frame = G_MAXDOUBLE;

    for (guint r = 0; r < 20; r++)
      {
        gint64 t0 = g_get_monotonic_time ();
        SpFrame *f = sp_frame_new (ch, &p, SP_WORKER_RUNNING, NULL);

        frame = MIN (frame, (g_get_monotonic_time () - t0) / 1e6);
        sp_frame_unref (f);
      }
    printf ("%4u²  one frame %.3f ms = %.2f steps; at 60 Hz %.1f %% of the run, "
            "after every 4-step batch %.1f %%\n", n, 1e3 * frame, frame * bare,
            100.0 * MIN (60.0 * frame, 1.0 / 25.0), 100.0 * frame / (frame + 4.0 / bare));
  }
  printf ("       bare   %8.0f steps/s\n", bare);
  for (guint m = 0; m < 3; m++)
    printf ("       %-6s %8.0f steps/s  %4.0f frames/s  ratio to bare %.3f\n",
            names[m], live[m], frames[m] / ROUND_SECONDS, live[m] / bare);
}

int
main (int    argc,
      char **argv)
{
  static const guint sizes[] = { 128, 256, 512 };
  double load[3];

  sp_gsl_init ();
  if (getloadavg (load, 3) == 3)
    printf ("load average %.2f (%u cores)\n", load[0], g_get_num_processors ());
  printf ("live simulation (default material, site blocking, 4 steps per batch):\n");
  for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
    bench_grid (sizes[i]);
  return 0;
}
