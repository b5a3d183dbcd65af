/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-recorder.c — WebM read back by a GStreamer decoder, the PNG
 * fallback, dropped frames and failures */

#include "config.h"

#include <cairo.h>
#include <gio/gio.h>
#include <glib/gstdio.h>
#include <string.h>

#ifdef SP_HAVE_GSTREAMER
#include <gst/gst.h>
#endif

#include "sp-ch.h"
#include "sp-gsl.h"
#include "sp-recorder.h"
#include "test-tmpdir.h"

static SpCh *
make_engine (SpChParams *p)
{
  g_autoptr(GError) error = NULL;
  SpCh *ch;

  sp_ch_params_init_default (p);
  p->n = 32;
  ch = sp_ch_new (p, &error);
  g_assert_no_error (error);
  return ch;
}

static SpFrame *
next_frame (SpCh             *ch,
            const SpChParams *p)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (sp_ch_step (ch, &error));
  return sp_frame_new (ch, p, SP_WORKER_RUNNING, NULL);
}

static GPtrArray *
list_dir (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  GPtrArray *names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  g_assert_nonnull (d);
  while ((name = g_dir_read_name (d)) != NULL)
    g_ptr_array_add (names, g_strdup (name));
  return names;
}

/* Records @n frames: a push the recorder refuses (queue full, or its lock
 * busy that instant) is retried a moment later, as a test may but the UI
 * never does. */
static void
record (SpRecorder *rec,
        guint       n)
{
  SpChParams p;
  g_autoptr(SpCh) ch = make_engine (&p);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SpFrame) frame = next_frame (ch, &p);

      while (!sp_recorder_push (rec, frame))
        g_usleep (1000);
    }
}

#ifdef SP_HAVE_GSTREAMER
typedef struct
{
  guint frames;
  int   width, height;
} Decoded;

static void
on_handoff (GstElement *sink,
            GstBuffer  *buffer,
            GstPad     *pad,
            gpointer    user_data)
{
  Decoded *d = user_data;
  g_autoptr(GstCaps) caps = gst_pad_get_current_caps (pad);
  GstStructure *s = gst_caps_get_structure (caps, 0);

  gst_structure_get_int (s, "width", &d->width);
  gst_structure_get_int (s, "height", &d->height);
  d->frames++;
}

/* Decodes the whole file, counting the frames. */
static Decoded
decode (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GstElement) pipeline = NULL;
  g_autoptr(GstElement) src = NULL;
  g_autoptr(GstElement) sink = NULL;
  g_autoptr(GstBus) bus = NULL;
  GstMessage *msg;
  Decoded d = { 0 };

  pipeline = gst_parse_launch ("filesrc name=src ! matroskademux ! vp8dec ! "
                               "fakesink name=sink signal-handoffs=true sync=false", &error);
  g_assert_no_error (error);
  src = gst_bin_get_by_name (GST_BIN (pipeline), "src");
  sink = gst_bin_get_by_name (GST_BIN (pipeline), "sink");
  g_object_set (src, "location", path, NULL);
  g_signal_connect (sink, "handoff", G_CALLBACK (on_handoff), &d);
  gst_element_set_state (pipeline, GST_STATE_PLAYING);
  bus = gst_element_get_bus (pipeline);
  msg = gst_bus_timed_pop_filtered (bus, 60 * GST_SECOND, GST_MESSAGE_EOS | GST_MESSAGE_ERROR);
  g_assert_nonnull (msg);
  g_assert_cmpint (GST_MESSAGE_TYPE (msg), ==, GST_MESSAGE_EOS);
  gst_message_unref (msg);
  gst_element_set_state (pipeline, GST_STATE_NULL);
  return d;
}
#endif

static void
test_webm (void)
{
#ifdef SP_HAVE_GSTREAMER
  g_autofree char *dir = test_tmpdir_new ("test-recorder");
  g_autofree char *path = g_build_filename (dir, "run.webm", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(SpRecorder) rec = NULL;
  g_autoptr(GPtrArray) names = NULL;
  g_autofree guchar *bytes = NULL;
  static const guchar ebml[] = { 0x1A, 0x45, 0xDF, 0xA3 };
  SpRecorderOptions o;
  Decoded d;
  gsize len;

  if (!sp_recorder_can_encode_webm ())
    {
      g_test_skip ("GStreamer lacks vp8enc or webmmux");
      g_rmdir (dir);
      return;
    }
  sp_recorder_options_init (&o);
  o.width = 160;
  o.height = 120;
  o.fps = 10;
  o.queue_length = 16;
  rec = sp_recorder_new (path, &o, &error);
  g_assert_no_error (error);
  g_assert_cmpint (sp_recorder_get_kind (rec), ==, SP_RECORDER_WEBM);
  g_assert_cmpstr (sp_recorder_get_output (rec), ==, path);
  /* Nothing at the final name until finish (a temporary beside it). */
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));

  record (rec, 10);
  g_assert_true (sp_recorder_finish (rec, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (sp_recorder_get_written (rec), ==, 10);
  g_assert_cmpuint (sp_recorder_get_pushed (rec), ==, 10 + sp_recorder_get_dropped (rec));

  g_assert_true (g_file_get_contents (path, (char **) &bytes, &len, NULL));
  g_assert_cmpuint (len, >, 100);
  g_assert_cmpmem (bytes, 4, ebml, 4);
  g_assert_nonnull (memmem (bytes, MIN (len, 64), "webm", 4));   /* the DocType */

  d = decode (path);
  g_assert_cmpuint (d.frames, ==, 10);
  g_assert_cmpint (d.width, ==, 160);
  g_assert_cmpint (d.height, ==, 120);

  /* Only the video: the temporary was renamed, not left. */
  names = list_dir (dir);
  g_assert_cmpuint (names->len, ==, 1);
  test_tmpdir_remove (dir);
#else
  g_test_skip ("built without GStreamer");
#endif
}

static void
test_png_sequence (void)
{
  g_autofree char *dir = test_tmpdir_new ("test-recorder");
  g_autofree char *path = g_build_filename (dir, "run.webm", NULL);
  g_autofree char *frames = g_build_filename (dir, "run", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(SpRecorder) rec = NULL;
  g_autoptr(GPtrArray) names = NULL;
  SpRecorderOptions o;

  sp_recorder_options_init (&o);
  o.width = 96;
  o.height = 64;
  o.force_png = TRUE;
  rec = sp_recorder_new (path, &o, &error);
  g_assert_no_error (error);
  g_assert_cmpint (sp_recorder_get_kind (rec), ==, SP_RECORDER_PNG_SEQUENCE);
  g_assert_cmpstr (sp_recorder_get_output (rec), ==, frames);

  record (rec, 7);
  g_assert_true (sp_recorder_finish (rec, &error));
  g_assert_no_error (error);

  names = list_dir (frames);
  g_assert_cmpuint (names->len, ==, 7);
  for (guint i = 1; i <= 7; i++)
    {
      g_autofree char *name = g_strdup_printf ("frame-%06u.png", i);
      g_autofree char *file = g_build_filename (frames, name, NULL);
      cairo_surface_t *png = cairo_image_surface_create_from_png (file);

      g_assert_cmpint (cairo_surface_status (png), ==, CAIRO_STATUS_SUCCESS);
      g_assert_cmpint (cairo_image_surface_get_width (png), ==, 96);
      g_assert_cmpint (cairo_image_surface_get_height (png), ==, 64);
      cairo_surface_destroy (png);
    }
  test_tmpdir_remove (dir);
}

static void
test_drops (void)
{
  g_autofree char *dir = test_tmpdir_new ("test-recorder");
  g_autofree char *path = g_build_filename (dir, "frames", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(SpRecorder) rec = NULL;
  g_autoptr(GPtrArray) names = NULL;
  SpRecorderOptions o;
  SpChParams p;
  g_autoptr(SpCh) ch = make_engine (&p);
  g_autoptr(SpFrame) frame = next_frame (ch, &p);
  guint accepted = 0;

  sp_recorder_options_init (&o);
  o.width = 256;
  o.height = 256;
  o.queue_length = 2;
  o.force_png = TRUE;
  rec = sp_recorder_new (path, &o, &error);
  g_assert_no_error (error);

  /* Far faster than frames can be drawn and compressed: the queue fills,
   * push returns at once with FALSE, and every frame is accounted for. */
  for (guint i = 0; i < 200; i++)
    accepted += sp_recorder_push (rec, frame);
  g_assert_true (sp_recorder_finish (rec, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (sp_recorder_get_pushed (rec), ==, 200);
  g_assert_cmpuint (sp_recorder_get_written (rec), ==, accepted);
  g_assert_cmpuint (sp_recorder_get_dropped (rec), ==, 200 - accepted);
  g_assert_cmpuint (sp_recorder_get_dropped (rec), >, 0);
  names = list_dir (path);
  g_assert_cmpuint (names->len, ==, accepted);
  /* After finish nothing more is taken. */
  g_assert_false (sp_recorder_push (rec, frame));
  test_tmpdir_remove (dir);
}

static void
test_failures (void)
{
  g_autofree char *dir = test_tmpdir_new ("test-recorder");
  g_autofree char *blocker = g_build_filename (dir, "file", NULL);
  g_autofree char *webm = g_build_filename (dir, "missing", "run.webm", NULL);
  g_autofree char *pngs = g_build_filename (blocker, "frames", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) names = NULL;
  SpRecorderOptions o;

  g_assert_true (g_file_set_contents (blocker, "", 0, NULL));
  sp_recorder_options_init (&o);

  if (sp_recorder_can_encode_webm ())
    {
      g_assert_null (sp_recorder_new (webm, &o, &error));
      g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_NOENT);
      g_assert_nonnull (strstr (error->message, webm));
      g_clear_error (&error);
    }

  o.force_png = TRUE;
  g_assert_null (sp_recorder_new (pngs, &o, &error));
  g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_NOTDIR);
  g_assert_nonnull (strstr (error->message, pngs));
  g_clear_error (&error);

  o.width = 101;
  g_assert_null (sp_recorder_new (webm, &o, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
  g_clear_error (&error);
  sp_recorder_options_init (&o);
  o.fps = 0;
  g_assert_null (sp_recorder_new (webm, &o, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);

  names = list_dir (dir);
  g_assert_cmpuint (names->len, ==, 1);
  test_tmpdir_remove (dir);
}

/* Freeing without finishing abandons the video and removes its temporary. */
static void
test_abandon (void)
{
  g_autofree char *dir = test_tmpdir_new ("test-recorder");
  g_autofree char *path = g_build_filename (dir, "run.webm", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) names = NULL;
  SpRecorderOptions o;
  SpRecorder *rec;

  sp_recorder_options_init (&o);
  o.width = 64;
  o.height = 64;
  rec = sp_recorder_new (path, &o, &error);
  g_assert_no_error (error);
  record (rec, 3);
  sp_recorder_free (rec);
  names = list_dir (dir);
  /* WebM: nothing; PNG fallback: the frames directory that was asked for. */
  g_assert_cmpuint (names->len, ==, sp_recorder_can_encode_webm () ? 0 : 1);
  test_tmpdir_remove (dir);
}

int
main (int    argc,
      char **argv)
{
  sp_gsl_init ();
  g_test_init (&argc, &argv, NULL);
#ifdef SP_HAVE_GSTREAMER
  gst_init (&argc, &argv);
#endif
  g_test_add_func ("/recorder/webm", test_webm);
  g_test_add_func ("/recorder/png-sequence", test_png_sequence);
  g_test_add_func ("/recorder/drops", test_drops);
  g_test_add_func ("/recorder/failures", test_failures);
  g_test_add_func ("/recorder/abandon", test_abandon);
  return g_test_run ();
}
