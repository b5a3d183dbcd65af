/* test-recording.c — SpRecording without a window: start, the frame rate
 * limit, the status its indicator shows, stop in a thread with the
 * finished recorder, a second start refused, a start that fails, and the
 * video kept when the object goes mid-recording
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "sp-ch.h"
#include "sp-gsl.h"
#include "sp-recording.h"

#include "test-tmpdir.h"

static SpFrame *
make_frame (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SpCh) ch = NULL;
  SpChParams p;

  sp_ch_params_init_default (&p);
  p.n = 32;
  ch = sp_ch_new (&p, &error);
  g_assert_no_error (error);
  g_assert_true (sp_ch_step (ch, &error));
  return sp_frame_new (ch, &p, SP_WORKER_RUNNING, NULL);
}

static void
options_init (SpRecorderOptions *options,
              guint              fps)
{
  sp_recorder_options_init (options);
  options->width = 64;
  options->height = 64;
  options->fps = fps;
  options->force_png = TRUE;   /* no encoder needed */
}

static void
store_result (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

static void
count_notify (GObject    *object,
              GParamSpec *pspec,
              gpointer    user_data)
{
  (*(guint *) user_data)++;
}

/* Frames handed to the recorder (those it dropped included). */
static guint64
pushed (SpRecording *recording)
{
  return sp_recorder_get_pushed (sp_recording_get_recorder (recording));
}

static void
test_record_and_stop (void)
{
  g_autofree char *dir = test_tmpdir_new ("test-recording");
  g_autofree char *path = g_build_filename (dir, "frames", NULL);
  g_autoptr(SpRecording) recording = sp_recording_new ();
  g_autoptr(SpFrame) frame = make_frame ();
  g_autoptr(SpRecorder) finished = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  SpRecorderOptions options;
  guint recording_notes = 0;
  gint64 start;

  g_signal_connect (recording, "notify::recording", G_CALLBACK (count_notify), &recording_notes);
  g_assert_false (sp_recording_get_recording (recording));
  g_assert_null (sp_recording_get_recorder (recording));
  g_assert_cmpstr (sp_recording_get_status (recording), ==, "");
  /* Not recording: frames are ignored. */
  sp_recording_add_frame (recording, frame);

  options_init (&options, 25);
  g_assert_true (sp_recording_start (recording, path, &options, &error));
  g_assert_no_error (error);
  g_assert_true (sp_recording_get_recording (recording));
  g_assert_cmpuint (recording_notes, ==, 1);
  g_assert_cmpstr (sp_recording_get_status (recording), ==, "0:00 · 0 frames");

  /* A second start while recording is refused, naming why. */
  g_assert_false (sp_recording_start (recording, path, &options, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_BUSY);
  g_clear_error (&error);

  /* NULL (no frame yet) is not a frame. */
  sp_recording_add_frame (recording, NULL);
  g_assert_cmpuint (pushed (recording), ==, 0);

  /* The first frame passes at once; more within 1/25 s do not. */
  start = g_get_monotonic_time ();
  sp_recording_add_frame (recording, frame);
  for (guint i = 0; i < 20; i++)
    sp_recording_add_frame (recording, frame);
  /* (Under valgrind the 21 calls may take longer than a period.) */
  if (g_get_monotonic_time () - start < G_USEC_PER_SEC / 25)
    {
      g_assert_cmpuint (pushed (recording), ==, 1);
      g_assert_cmpstr (sp_recording_get_status (recording), ==, "0:00 · 1 frame");
    }
  else
    {
      g_autofree char *status = g_strdup_printf ("0:00 · %" G_GUINT64_FORMAT " frames",
                                                 pushed (recording));

      g_assert_cmpuint (pushed (recording), >=, 1);
      if (pushed (recording) > 1)
        g_assert_cmpstr (sp_recording_get_status (recording), ==, status);
    }

  /* A period later the next one passes. */
  {
    guint64 before = pushed (recording);

    g_usleep (G_USEC_PER_SEC / 25 + 5000);
    sp_recording_add_frame (recording, frame);
    g_assert_cmpuint (pushed (recording), ==, before + 1);
  }

  sp_recording_stop_async (recording, NULL, store_result, &result);
  /* Stopped at once: a new recording may start while this one finishes. */
  g_assert_false (sp_recording_get_recording (recording));
  g_assert_cmpuint (recording_notes, ==, 2);
  g_assert_cmpstr (sp_recording_get_status (recording), ==, "");
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  finished = sp_recording_stop_finish (recording, result, &error);
  g_assert_no_error (error);
  g_assert_nonnull (finished);
  g_assert_cmpint (sp_recorder_get_kind (finished), ==, SP_RECORDER_PNG_SEQUENCE);
  g_assert_cmpstr (sp_recorder_get_output (finished), ==, path);
  g_assert_cmpuint (sp_recorder_get_written (finished) + sp_recorder_get_dropped (finished), ==,
                    sp_recorder_get_pushed (finished));
  g_assert_cmpuint (test_tmpdir_count (path), ==, sp_recorder_get_written (finished));

  test_tmpdir_remove (dir);
}

static void
test_status_counts (void)
{
  g_autofree char *dir = test_tmpdir_new ("test-recording");
  g_autofree char *path = g_build_filename (dir, "frames", NULL);
  g_autoptr(SpRecording) recording = sp_recording_new ();
  g_autoptr(SpFrame) frame = make_frame ();
  g_autoptr(GError) error = NULL;
  SpRecorderOptions options;
  guint status_notes = 0;

  /* 120 frames a second: a frame every 8.3 ms. */
  options_init (&options, 120);
  g_assert_true (sp_recording_start (recording, path, &options, &error));
  g_signal_connect (recording, "notify::status", G_CALLBACK (count_notify), &status_notes);
  for (guint i = 0; i < 3; i++)
    {
      sp_recording_add_frame (recording, frame);
      g_usleep (G_USEC_PER_SEC / 120 + 2000);
    }
  g_assert_cmpuint (pushed (recording), ==, 3);
  g_assert_cmpuint (status_notes, ==, 3);
  /* Dropped frames (the encoder's queue full) are not in the video. */
  {
    guint64 dropped = sp_recorder_get_dropped (sp_recording_get_recorder (recording));
    g_autofree char *expected = dropped > 0
      ? g_strdup_printf ("0:00 · %u frame%s · %u dropped", (guint) (3 - dropped),
                         3 - dropped == 1 ? "" : "s", (guint) dropped)
      : g_strdup ("0:00 · 3 frames");

    g_assert_cmpstr (sp_recording_get_status (recording), ==, expected);
  }

  /* Going mid-recording keeps what was recorded. */
  g_clear_object (&recording);
  g_assert_cmpuint (test_tmpdir_count (path), >=, 1);

  test_tmpdir_remove (dir);
}

static void
test_failures (void)
{
  g_autoptr(SpRecording) recording = sp_recording_new ();
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  SpRecorderOptions options;

  /* A folder that cannot be made: refused with the recorder's reason. */
  options_init (&options, 25);
  g_assert_false (sp_recording_start (recording, "/proc/no-such-dir/frames", &options, &error));
  g_assert_nonnull (error);
  g_assert_cmpstr (error->message, !=, "");
  g_clear_error (&error);
  g_assert_false (sp_recording_get_recording (recording));

  /* Stopping with nothing under way says so. */
  sp_recording_stop_async (recording, NULL, store_result, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_null (sp_recording_stop_finish (recording, result, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_INITIALIZED);
}

int
main (int    argc,
      char **argv)
{
  sp_gsl_init ();
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/recording/record-and-stop", test_record_and_stop);
  g_test_add_func ("/recording/status-counts", test_status_counts);
  g_test_add_func ("/recording/failures", test_failures);
  return g_test_run ();
}
