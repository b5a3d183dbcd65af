/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bench-recorder.c — how many 512 × 512 frames per second the recorder
 * draws and encodes (WebM, or PNGs without GStreamer), and how long a push
 * takes the caller.  A benchmark, not a test: it prints, it asserts only
 * that every frame is accounted for. */

#include "config.h"

#include <glib/gstdio.h>
#include <stdio.h>

#include "sp-ch.h"
#include "sp-gsl.h"
#include "sp-recorder.h"
#include "test-tmpdir.h"

static void
run (gboolean force_png,
     guint    n_frames)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("bench-recorder-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "run.webm", NULL);
  g_autoptr(SpRecorder) rec = NULL;
  g_autoptr(SpCh) ch = NULL;
  SpRecorderOptions o;
  SpChParams p;
  gint64 start, worst_push = 0, flood_start;
  double seconds;

  sp_ch_params_init_default (&p);
  p.n = 128;
  ch = sp_ch_new (&p, &error);
  g_assert_no_error (error);

  sp_recorder_options_init (&o);
  o.width = o.height = 512;
  o.fps = 25;
  o.force_png = force_png;
  rec = sp_recorder_new (path, &o, &error);
  g_assert_no_error (error);

  /* Throughput: wait for room, so no frame is dropped. */
  start = g_get_monotonic_time ();
  for (guint i = 0; i < n_frames; i++)
    {
      g_autoptr(SpFrame) frame = NULL;
      gint64 t0;

      g_assert_true (sp_ch_step (ch, &error));
      frame = sp_frame_new (ch, &p, SP_WORKER_RUNNING, NULL);
      for (;;)
        {
          gboolean queued;

          t0 = g_get_monotonic_time ();
          queued = sp_recorder_push (rec, frame);
          worst_push = MAX (worst_push, g_get_monotonic_time () - t0);
          if (queued)
            break;
          g_usleep (500);
        }
    }
  while (sp_recorder_get_written (rec) < n_frames)
    g_usleep (500);
  seconds = (g_get_monotonic_time () - start) / 1e6;

  /* Flood: a caller pushing far faster than the encoder runs. */
  flood_start = g_get_monotonic_time ();
  {
    g_autoptr(SpFrame) frame = sp_frame_new (ch, &p, SP_WORKER_RUNNING, NULL);

    for (guint i = 0; i < 1000; i++)
      {
        gint64 t0 = g_get_monotonic_time ();

        sp_recorder_push (rec, frame);
        worst_push = MAX (worst_push, g_get_monotonic_time () - t0);
      }
  }
  /* Refused pushes while waiting for room count as drops too. */
  printf ("%s 512x512: %.1f frames/s encoded (%u frames in %.2f s); "
          "flood of 1000 pushes in %.2f ms, %" G_GUINT64_FORMAT " dropped; "
          "slowest push %" G_GINT64_FORMAT " us\n",
          sp_recorder_get_kind (rec) == SP_RECORDER_WEBM ? "WebM" : "PNG sequence",
          n_frames / seconds, n_frames, seconds,
          (g_get_monotonic_time () - flood_start) / 1e3,
          sp_recorder_get_dropped (rec), worst_push);
  g_assert_true (sp_recorder_finish (rec, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (sp_recorder_get_written (rec) + sp_recorder_get_dropped (rec), ==,
                    sp_recorder_get_pushed (rec));
  test_tmpdir_remove (dir);
}

int
main (int    argc,
      char **argv)
{
  sp_gsl_init ();
  run (FALSE, 100);
  run (TRUE, 50);
  return 0;
}
