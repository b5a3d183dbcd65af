/* sp-recording.c — capturing the live simulation as an animation
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "sp-recording.h"

struct _SpRecording
{
  GObject     parent_instance;

  SpRecorder *recorder;
  guint       fps;
  gint64      period;     /* µs between frames passed on               */
  gint64      next_due;   /* monotonic µs of the next frame to pass on */
  char       *status;
};

G_DEFINE_FINAL_TYPE (SpRecording, sp_recording, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_RECORDING,
  PROP_STATUS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
set_status (SpRecording *self,
            char        *status)   /* taken */
{
  if (g_strcmp0 (self->status, status) == 0)
    {
      g_free (status);
      return;
    }
  g_free (self->status);
  self->status = status;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATUS]);
}

/* The video's length so far and what the encoder could not take. */
static void
update_status (SpRecording *self)
{
  guint64 dropped = sp_recorder_get_dropped (self->recorder);
  guint64 frames = sp_recorder_get_pushed (self->recorder) - dropped;
  guint seconds = (guint) (frames / self->fps);
  g_autofree char *count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u frame", "%u frames",
                                                         (gulong) frames), (guint) frames);

  if (dropped > 0)
    /* Translators: recording indicator: video length, frames, frames dropped. */
    set_status (self, g_strdup_printf (_("%u:%02u · %s · %u dropped"), seconds / 60, seconds % 60,
                                       count, (guint) dropped));
  else
    /* Translators: recording indicator: video length and frames. */
    set_status (self, g_strdup_printf (_("%u:%02u · %s"), seconds / 60, seconds % 60, count));
}

gboolean
sp_recording_start (SpRecording              *self,
                    const char               *path,
                    const SpRecorderOptions  *options,
                    GError                  **error)
{
  SpRecorder *recorder;

  g_return_val_if_fail (SP_IS_RECORDING (self), FALSE);
  g_return_val_if_fail (path != NULL && options != NULL, FALSE);

  if (self->recorder != NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_BUSY, _("a recording is already under way"));
      return FALSE;
    }
  recorder = sp_recorder_new (path, options, error);
  if (recorder == NULL)
    return FALSE;
  self->recorder = recorder;
  self->fps = options->fps;
  self->period = G_USEC_PER_SEC / options->fps;
  self->next_due = 0;
  update_status (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RECORDING]);
  return TRUE;
}

void
sp_recording_add_frame (SpRecording *self,
                        SpFrame     *frame)
{
  gint64 now = g_get_monotonic_time ();

  g_return_if_fail (SP_IS_RECORDING (self));

  if (self->recorder == NULL || frame == NULL || now < self->next_due)
    return;
  /* After a pause, start afresh rather than push a burst to catch up. */
  if (now - self->next_due > self->period)
    self->next_due = now;
  self->next_due += self->period;
  sp_recorder_push (self->recorder, frame);
  update_status (self);
}

static void
finish_thread (GTask        *task,
               gpointer      source,
               gpointer      task_data,
               GCancellable *cancellable)
{
  SpRecorder *recorder = task_data;   /* the thread's own from here on */
  GError *error = NULL;

  if (sp_recorder_finish (recorder, &error))
    g_task_return_pointer (task, recorder, (GDestroyNotify) sp_recorder_free);
  else
    {
      sp_recorder_free (recorder);
      g_task_return_error (task, error);
    }
}

void
sp_recording_stop_async (SpRecording         *self,
                         GCancellable        *cancellable,
                         GAsyncReadyCallback  callback,
                         gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (SP_IS_RECORDING (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, sp_recording_stop_async);
  if (self->recorder == NULL)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_NOT_INITIALIZED,
                               _("nothing is being recorded"));
      return;
    }
  g_task_set_task_data (task, g_steal_pointer (&self->recorder), NULL);
  set_status (self, g_strdup (""));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RECORDING]);
  g_task_run_in_thread (task, finish_thread);
}

SpRecorder *
sp_recording_stop_finish (SpRecording   *self,
                          GAsyncResult  *result,
                          GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

gboolean
sp_recording_get_recording (SpRecording *self)
{
  g_return_val_if_fail (SP_IS_RECORDING (self), FALSE);
  return self->recorder != NULL;
}

const char *
sp_recording_get_status (SpRecording *self)
{
  g_return_val_if_fail (SP_IS_RECORDING (self), NULL);
  return self->status;
}

SpRecorder *
sp_recording_get_recorder (SpRecording *self)
{
  g_return_val_if_fail (SP_IS_RECORDING (self), NULL);
  return self->recorder;
}

/* GObject ---------------------------------------------------------------- */

SpRecording *
sp_recording_new (void)
{
  return g_object_new (SP_TYPE_RECORDING, NULL);
}

/* Going (a window closed, the application quit) while recording keeps the
 * video: the encoder drains its short queue, a fraction of a second. */
static void
sp_recording_dispose (GObject *object)
{
  SpRecording *self = SP_RECORDING (object);
  g_autoptr(GError) error = NULL;

  if (self->recorder != NULL && !sp_recorder_finish (self->recorder, &error))
    g_warning ("Could not finish the recording: %s", error->message);
  g_clear_pointer (&self->recorder, sp_recorder_free);

  G_OBJECT_CLASS (sp_recording_parent_class)->dispose (object);
}

static void
sp_recording_finalize (GObject *object)
{
  SpRecording *self = SP_RECORDING (object);

  g_free (self->status);

  G_OBJECT_CLASS (sp_recording_parent_class)->finalize (object);
}

static void
sp_recording_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  SpRecording *self = SP_RECORDING (object);

  switch (prop_id)
    {
    case PROP_RECORDING:
      g_value_set_boolean (value, self->recorder != NULL);
      break;
    case PROP_STATUS:
      g_value_set_string (value, self->status);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sp_recording_class_init (SpRecordingClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = sp_recording_dispose;
  object_class->finalize = sp_recording_finalize;
  object_class->get_property = sp_recording_get_property;

  properties[PROP_RECORDING] =
    g_param_spec_boolean ("recording", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_STATUS] =
    g_param_spec_string ("status", NULL, NULL, "",
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
sp_recording_init (SpRecording *self)
{
  self->status = g_strdup ("");
}
