/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sp-recorder.h — records simulation frames to WebM, or to numbered PNGs
 *
 * Frames are drawn with the field figure and encoded on the recorder's own
 * thread: GStreamer's appsrc → videoconvert → vp8enc → webmmux → filesink
 * when those elements exist, otherwise a directory of frame-000001.png,
 * frame-000002.png, … .  sp_recorder_push() only takes a reference and
 * queues it, so the caller (the UI) never waits: when the queue is full the
 * frame is dropped and counted.  The video's timestamps advance one frame
 * period per recorded frame, so drops shorten the video, never stutter it.
 *
 * No GTK: the recorder takes SpFrames (from the worker or sp_frame_new()).
 */
#pragma once

#include <glib.h>

#include "sp-plot-style.h"
#include "sp-frame.h"

G_BEGIN_DECLS

#define SP_RECORDER_MIN_SIZE  16
#define SP_RECORDER_MAX_SIZE  4096
#define SP_RECORDER_MAX_FPS   120

typedef enum
{
  SP_RECORDER_WEBM,
  SP_RECORDER_PNG_SEQUENCE,
} SpRecorderKind;

typedef struct
{
  guint              width, height;  /* pixels, even, [16, 4096]          */
  guint              fps;            /* frames per second, [1, 120]       */
  guint              queue_length;   /* frames waiting before drops; 0: 8 */
  const SpPlotStyle *style;          /* NULL: the light print style       */
  gboolean           force_png;      /* PNGs even when WebM is possible   */
  gboolean           field_fixed_scale; /* colours over c = 0 … 1 (SpFigureData) */
} SpRecorderOptions;

typedef struct _SpRecorder SpRecorder;

/* 512 × 512 at 25 frames per second, queue of 8, light style. */
void            sp_recorder_options_init     (SpRecorderOptions       *options);

/* Whether this build and this system can write WebM (GStreamer with the
 * appsrc, videoconvert, vp8enc and webmmux elements). */
gboolean        sp_recorder_can_encode_webm  (void);

/* Starts recording.  WebM goes to @path (written to a temporary file beside
 * it and renamed there by sp_recorder_finish()); a PNG sequence goes to the
 * directory @path minus a ".webm" extension, created if needed.  The error
 * names the path. */
SpRecorder     *sp_recorder_new              (const char              *path,
                                              const SpRecorderOptions *options,
                                              GError                 **error);
/* Never blocks, not even on the recorder's lock.  FALSE: the frame was
 * dropped (and counted) because the queue was full, the recorder thread
 * held the lock that instant, or the recorder failed or was finished. */
gboolean        sp_recorder_push             (SpRecorder              *self,
                                              SpFrame                 *frame);
/* Encodes what is queued, closes the file and moves it into place; waits
 * for the encoder (call it off the UI thread, e.g. in a GTask). */
gboolean        sp_recorder_finish           (SpRecorder              *self,
                                              GError                 **error);
/* Stops; an unfinished recording is abandoned and its temporary file removed. */
void            sp_recorder_free             (SpRecorder              *self);

SpRecorderKind  sp_recorder_get_kind         (SpRecorder              *self);
/* The WebM file or the PNG directory. */
const char     *sp_recorder_get_output       (SpRecorder              *self);
guint64         sp_recorder_get_pushed       (SpRecorder              *self);
guint64         sp_recorder_get_written      (SpRecorder              *self);
guint64         sp_recorder_get_dropped      (SpRecorder              *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SpRecorder, sp_recorder_free)

G_END_DECLS
