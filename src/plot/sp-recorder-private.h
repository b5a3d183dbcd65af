/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sp-recorder-private.h — what the recorder's thread and its WebM encoder
 * (sp-recorder-webm.c) share */
#pragma once

#include <cairo.h>

#ifdef SP_HAVE_GSTREAMER
#include <gst/gst.h>
#endif

#include "sp-recorder.h"

G_BEGIN_DECLS

struct _SpRecorder
{
  SpRecorderKind  kind;
  SpRecorderOptions options;
  SpPlotStyle     style;
  char           *output;     /* the WebM file or the PNG directory        */
  char           *temporary;  /* WebM: the file being written, else NULL   */

  GThread        *thread;
  GMutex          lock;
  GCond           cond;
  GQueue          queue;      /* SpFrame *, at most options.queue_length    */
  gboolean        closing;    /* no more frames: drain and stop             */
  gboolean        finished;
  GError         *error;      /* the first failure, under the lock          */
  guint           written;    /* under the lock                             */
  guint           pushed, dropped;   /* atomic: push() may skip the lock    */

#ifdef SP_HAVE_GSTREAMER
  GstElement     *pipeline;
  GstElement     *appsrc;
#endif
};

/* Records the first failure (taking @error); later frames are dropped. */
void      sp_recorder_fail            (SpRecorder      *self,
                                       GError          *error);
gboolean  sp_recorder_failed          (SpRecorder      *self);
void      sp_recorder_count_written   (SpRecorder      *self);

/* The WebM encoder.  start: makes the temporary file and the pipeline,
 * playing; push: one drawn frame (on the recorder thread); end: the end of
 * the stream, waited for, then the pipeline stopped; dispose: frees it. */
gboolean  sp_recorder_webm_start      (SpRecorder      *self,
                                       GError         **error);
void      sp_recorder_webm_push       (SpRecorder      *self,
                                       cairo_surface_t *surface);
void      sp_recorder_webm_end        (SpRecorder      *self);
void      sp_recorder_webm_dispose    (SpRecorder      *self);

G_END_DECLS
