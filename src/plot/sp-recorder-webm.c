/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sp-recorder-webm.c — the recorder's WebM encoder: appsrc → videoconvert
 * → vp8enc → webmmux → filesink.  A build without GStreamer has no WebM
 * encoder: sp_recorder_can_encode_webm() is FALSE there, so the recorder
 * always writes the PNG sequence and only start() is reachable (it says
 * why WebM is unavailable). */

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <gio/gio.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <unistd.h>

#ifdef SP_HAVE_GSTREAMER
#include <gst/app/gstappsrc.h>
#endif

#include "sp-recorder-private.h"

#ifdef SP_HAVE_GSTREAMER

static const char *const webm_elements[] = {
  "appsrc", "videoconvert", "vp8enc", "webmmux", "filesink"
};

static gboolean
gst_ready (void)
{
  static gsize once = 0;
  static gboolean ok = FALSE;

  if (g_once_init_enter (&once))
    {
      ok = gst_init_check (NULL, NULL, NULL);
      g_once_init_leave (&once, 1);
    }
  return ok;
}

/* An error posted by the pipeline (the disk filled up, …), or NULL. */
static GError *
pipeline_error (SpRecorder   *self,
                GstClockTime  timeout,
                gboolean     *eos)
{
  g_autoptr(GstBus) bus = gst_element_get_bus (self->pipeline);
  GstMessage *msg = gst_bus_timed_pop_filtered (bus, timeout, GST_MESSAGE_EOS | GST_MESSAGE_ERROR);
  GError *error = NULL;

  if (msg == NULL)
    return NULL;
  if (GST_MESSAGE_TYPE (msg) == GST_MESSAGE_ERROR)
    {
      g_autoptr(GError) gerror = NULL;

      gst_message_parse_error (msg, &gerror, NULL);
      error = g_error_new (G_IO_ERROR, G_IO_ERROR_FAILED, _("Could not write “%s”: %s"),
                           self->output, gerror->message);
    }
  else if (eos != NULL)
    *eos = TRUE;
  gst_message_unref (msg);
  return error;
}

/* appsrc does not block (a blocked push could wait forever on a pipeline
 * that failed): wait here while the encoder is more than two frames behind,
 * watching the bus.  Meanwhile our own bounded queue fills, and push()
 * drops instead of waiting. */
static gboolean
wait_for_room (SpRecorder *self)
{
  guint64 room = (guint64) 2 * self->options.width * self->options.height * 4;

  while (gst_app_src_get_current_level_bytes (GST_APP_SRC (self->appsrc)) >= room)
    {
      GError *error = pipeline_error (self, 2 * GST_MSECOND, NULL);

      if (error != NULL)
        {
          sp_recorder_fail (self, error);
          return FALSE;
        }
    }
  return TRUE;
}

void
sp_recorder_webm_push (SpRecorder      *self,
                       cairo_surface_t *surface)
{
  gsize size = (gsize) cairo_image_surface_get_stride (surface) *
               cairo_image_surface_get_height (surface);
  GstBuffer *buffer;
  GstFlowReturn ret;

  if (!wait_for_room (self))
    return;
  buffer = gst_buffer_new_memdup (cairo_image_surface_get_data (surface), size);

  GST_BUFFER_PTS (buffer) = gst_util_uint64_scale (self->written, GST_SECOND, self->options.fps);
  GST_BUFFER_DURATION (buffer) = gst_util_uint64_scale (1, GST_SECOND, self->options.fps);
  ret = gst_app_src_push_buffer (GST_APP_SRC (self->appsrc), buffer);
  if (ret != GST_FLOW_OK)
    {
      sp_recorder_fail (self, g_error_new (G_IO_ERROR, G_IO_ERROR_FAILED,
                               _("The video encoder stopped: %s"), gst_flow_get_name (ret)));
      return;
    }
  sp_recorder_count_written (self);
}

/* Waits for the end of the stream (or an error) on the pipeline's bus. */
static void
wait_for_eos (SpRecorder *self)
{
  gboolean eos = FALSE;

  while (!eos)
    {
      GError *error = pipeline_error (self, GST_CLOCK_TIME_NONE, &eos);

      if (error != NULL)
        {
          sp_recorder_fail (self, error);
          return;
        }
    }
}

gboolean
sp_recorder_webm_start (SpRecorder  *self,
                        GError     **error)
{
  g_autofree char *dir = g_path_get_dirname (self->output);
  g_autofree char *base = g_path_get_basename (self->output);
  g_autofree char *template = g_strdup_printf ("%s/.%s-XXXXXX", dir, base);
  GstElement *convert, *encoder, *mux, *sink;
  g_autoptr(GstCaps) caps = NULL;
  int fd;

  /* The temporary file is made here so that a missing or read-only
   * directory fails now, with its own errno, not in the pipeline. */
  fd = g_mkstemp_full (template, O_WRONLY, 0644);
  if (fd < 0)
    {
      int saved = errno;

      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved),
                   _("cannot write “%s”: %s"), self->output, g_strerror (saved));
      return FALSE;
    }
  close (fd);
  self->temporary = g_steal_pointer (&template);

  self->pipeline = gst_pipeline_new ("sp-recorder");
  self->appsrc = gst_element_factory_make ("appsrc", NULL);
  convert = gst_element_factory_make ("videoconvert", NULL);
  encoder = gst_element_factory_make ("vp8enc", NULL);
  mux = gst_element_factory_make ("webmmux", NULL);
  sink = gst_element_factory_make ("filesink", NULL);
  if (self->appsrc == NULL || convert == NULL || encoder == NULL || mux == NULL || sink == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                   _("GStreamer lacks an element for WebM"));
      return FALSE;
    }
  gst_bin_add_many (GST_BIN (self->pipeline), self->appsrc, convert, encoder, mux, sink, NULL);
  if (!gst_element_link_many (self->appsrc, convert, encoder, mux, sink, NULL))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("Could not link the WebM pipeline"));
      return FALSE;
    }

  /* Cairo's ARGB32 is native-endian 32-bit words: BGRA bytes on little-endian
   * machines, ARGB on big-endian ones. */
  caps = gst_caps_new_simple ("video/x-raw",
                              "format", G_TYPE_STRING,
                              G_BYTE_ORDER == G_LITTLE_ENDIAN ? "BGRA" : "ARGB",
                              "width", G_TYPE_INT, (int) self->options.width,
                              "height", G_TYPE_INT, (int) self->options.height,
                              "framerate", GST_TYPE_FRACTION, (int) self->options.fps, 1,
                              NULL);
  g_object_set (self->appsrc,
                "caps", caps,
                "format", GST_FORMAT_TIME,
                "block", FALSE,
                NULL);
  /* Realtime deadline: fast enough to keep up with a live simulation. */
  g_object_set (encoder, "deadline", (gint64) 1, "cpu-used", 4,
                "target-bitrate", 4000000, NULL);
  g_object_set (sink, "location", self->temporary, NULL);

  if (gst_element_set_state (self->pipeline, GST_STATE_PLAYING) == GST_STATE_CHANGE_FAILURE)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   _("cannot write “%s”: the video pipeline did not start"), self->output);
      return FALSE;
    }
  return TRUE;
}

void
sp_recorder_webm_end (SpRecorder *self)
{
  gst_app_src_end_of_stream (GST_APP_SRC (self->appsrc));
  if (!sp_recorder_failed (self))
    wait_for_eos (self);
  gst_element_set_state (self->pipeline, GST_STATE_NULL);
}

void
sp_recorder_webm_dispose (SpRecorder *self)
{
  if (self->pipeline == NULL)
    return;
  gst_element_set_state (self->pipeline, GST_STATE_NULL);
  g_clear_pointer (&self->pipeline, gst_object_unref);
}

#else  /* !SP_HAVE_GSTREAMER: sp_recorder_can_encode_webm() is FALSE */

gboolean
sp_recorder_webm_start (SpRecorder  *self,
                        GError     **error)
{
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
               _("This build cannot write WebM (no GStreamer)"));
  return FALSE;
}

void
sp_recorder_webm_push (SpRecorder      *self,
                       cairo_surface_t *surface)
{
  g_assert_not_reached ();
}

void
sp_recorder_webm_end (SpRecorder *self)
{
  g_assert_not_reached ();
}

void
sp_recorder_webm_dispose (SpRecorder *self)
{
}

#endif

gboolean
sp_recorder_can_encode_webm (void)
{
#ifdef SP_HAVE_GSTREAMER
  if (!gst_ready ())
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (webm_elements); i++)
    {
      GstElementFactory *factory = gst_element_factory_find (webm_elements[i]);

      if (factory == NULL)
        return FALSE;
      gst_object_unref (factory);
    }
  return TRUE;
#else
  return FALSE;
#endif
}
