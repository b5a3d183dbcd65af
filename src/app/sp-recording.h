/* sp-recording.h — capturing the live simulation as an animation
 *
 * An SpRecording wraps one SpRecorder at a time and knows nothing of
 * windows or of where frames come from: whoever observes the simulation
 * hands each shown frame to sp_recording_add_frame(), which never waits and
 * passes on at most options.fps frames a second, so the video plays at the
 * speed the user watched whatever the display rate.  SpRecording:recording
 * and SpRecording:status ("0:04 · 100 frames · 2 dropped") are what an
 * indicator binds to.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "sp-recorder.h"

G_BEGIN_DECLS

#define SP_TYPE_RECORDING (sp_recording_get_type ())

G_DECLARE_FINAL_TYPE (SpRecording, sp_recording, SP, RECORDING, GObject)

SpRecording *sp_recording_new             (void);

/* Starts recording to @path (WebM, or a folder of PNGs when WebM cannot
 * be encoded).  FALSE with @error when it cannot start, or while already
 * recording. */
gboolean     sp_recording_start           (SpRecording             *self,
                                           const char              *path,
                                           const SpRecorderOptions *options,
                                           GError                 **error);
/* A frame on show now (NULL: none yet); ignored while not recording, and
 * when the last frame passed on was less than 1/fps ago.  After a pause
 * the next frame passes at once rather than a burst to catch up. */
void         sp_recording_add_frame       (SpRecording             *self,
                                           SpFrame                 *frame);
/* Finishes the file in a thread (the encoder drains its queue); at once
 * :recording is FALSE and a new recording may start. */
void         sp_recording_stop_async      (SpRecording             *self,
                                           GCancellable            *cancellable,
                                           GAsyncReadyCallback      callback,
                                           gpointer                 user_data);
/* The finished recorder (its output, kind and frames written; free it),
 * or NULL with @error. */
SpRecorder  *sp_recording_stop_finish     (SpRecording             *self,
                                           GAsyncResult            *result,
                                           GError                 **error);

gboolean     sp_recording_get_recording   (SpRecording             *self);
/* "0:04 · 100 frames", with " · 2 dropped" when the encoder could not keep
 * up; "" while not recording. */
const char  *sp_recording_get_status      (SpRecording             *self);
/* The recording under way (borrowed), or NULL. */
SpRecorder  *sp_recording_get_recorder    (SpRecording             *self);

G_END_DECLS
