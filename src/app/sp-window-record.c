/* sp-window-record.c — recording the live simulation from the window
 *
 * Every frame the simulation takes from its worker ("notify::frame") goes
 * to sp_recorder_push(), which never waits, at most options.fps a second:
 * the video then plays at the speed the user watched, whatever the
 * display rate.  A header-bar indicator counts the frames and the drops
 * and stops the recording when clicked; finishing waits for the encoder,
 * so it runs in a thread and ends with a toast.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "sp-export-dialog.h"
#include "sp-window-export-private.h"

#define STATE_KEY "sp-window-record"

typedef struct
{
  SpRecorder *recorder;
  guint       fps;
  gint64      period;       /* µs between pushed frames              */
  gint64      next_due;     /* monotonic µs of the next frame to push */
  GtkWidget  *indicator;    /* borrowed: the header bar owns it       */
  GtkLabel   *indicator_label;
} RecordState;

static RecordState *
get_state (SpWindow *self)
{
  return g_object_get_data (G_OBJECT (self), STATE_KEY);
}

static void
set_recording (SpWindow *self,
               gboolean  recording)
{
  RecordState *state = get_state (self);

  g_simple_action_set_enabled (G_SIMPLE_ACTION (g_action_map_lookup_action (G_ACTION_MAP (self),
                                                                            "record-animation")),
                               !recording);
  g_simple_action_set_enabled (G_SIMPLE_ACTION (g_action_map_lookup_action (G_ACTION_MAP (self),
                                                                            "stop-recording")),
                               recording);
  gtk_widget_set_visible (state->indicator, recording);
}

/* "0:04 · 100 frames · 2 dropped": the video's length so far and what the
 * UI could not hand over. */
static void
update_indicator (RecordState *state)
{
  guint64 dropped = sp_recorder_get_dropped (state->recorder);
  guint64 frames = sp_recorder_get_pushed (state->recorder) - dropped;
  guint seconds = (guint) (frames / state->fps);
  g_autofree char *count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u frame", "%u frames",
                                                         (gulong) frames), (guint) frames);
  g_autofree char *text = NULL;

  if (dropped > 0)
    /* Translators: recording indicator: video length, frames, frames dropped. */
    text = g_strdup_printf (_("%u:%02u · %s · %u dropped"), seconds / 60, seconds % 60, count,
                            (guint) dropped);
  else
    /* Translators: recording indicator: video length and frames. */
    text = g_strdup_printf (_("%u:%02u · %s"), seconds / 60, seconds % 60, count);
  gtk_label_set_text (state->indicator_label, text);
}

static void
push_frame (SpWindow *self)
{
  RecordState *state = get_state (self);
  SpFrame *frame = sp_simulation_get_frame (sp_window_get_simulation (self));
  gint64 now = g_get_monotonic_time ();

  if (state->recorder == NULL || frame == NULL || now < state->next_due)
    return;
  /* After a pause, start afresh rather than push a burst to catch up. */
  if (now - state->next_due > state->period)
    state->next_due = now;
  state->next_due += state->period;
  sp_recorder_push (state->recorder, frame);
  update_indicator (state);
}

/* Start and stop ------------------------------------------------------------ */

gboolean
sp_window_record_start (SpWindow                *self,
                        const char              *path,
                        const SpRecorderOptions *options)
{
  RecordState *state;
  g_autoptr(GError) error = NULL;
  SpRecorder *recorder;

  g_return_val_if_fail (SP_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (path != NULL && options != NULL, FALSE);
  state = get_state (self);
  g_return_val_if_fail (state->recorder == NULL, FALSE);

  /* The video's colours are the window's. */
  {
    SpRecorderOptions own = *options;

    own.field_fixed_scale = sp_window_get_field_fixed_scale (self);
    recorder = sp_recorder_new (path, &own, &error);
  }
  if (recorder == NULL)
    {
      g_autofree char *message = g_strdup_printf (_("Could not record: %s"), error->message);

      sp_window_export_show_error (self, message);
      return FALSE;
    }
  state->recorder = recorder;
  state->fps = options->fps;
  state->period = G_USEC_PER_SEC / options->fps;
  state->next_due = 0;
  set_recording (self, TRUE);
  /* The video opens on what is on screen now, running or paused. */
  push_frame (self);
  update_indicator (state);
  return TRUE;
}

static void
finish_in_thread (GTask        *task,
                  gpointer      source,
                  gpointer      task_data,
                  GCancellable *cancellable)
{
  GError *error = NULL;

  if (sp_recorder_finish (task_data, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

/* "Recorded …" with Open (the video or the folder of frames) and, in the
 * title, Show in Folder. */
static void
show_recorded (SpWindow   *self,
               SpRecorder *recorder)
{
  g_autoptr(GFile) file = g_file_new_for_path (sp_recorder_get_output (recorder));
  g_autofree char *name = g_file_get_basename (file);
  g_autofree char *title = NULL;
  guint frames = (guint) sp_recorder_get_written (recorder);

  if (sp_recorder_get_kind (recorder) == SP_RECORDER_WEBM)
    title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Recorded “%s”: %u frame",
                                          "Recorded “%s”: %u frames", frames), name, frames);
  else
    title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Recorded %u frame in “%s”",
                                          "Recorded %u frames in “%s”", frames), frames, name);
  sp_export_toast_file (sp_window_export_get_toasts (self), title, file);
}

static void
on_finished (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  SpWindow *self = SP_WINDOW (source);
  g_autoptr(GError) error = NULL;

  /* Closed meanwhile: nowhere to tell (the file is complete either way). */
  if (sp_window_export_get_toasts (self) == NULL)
    return;
  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      g_autofree char *message = g_strdup_printf (_("Could not record: %s"), error->message);

      sp_window_export_show_error (self, message);
      return;
    }
  show_recorded (self, g_task_get_task_data (G_TASK (result)));
}

void
sp_window_record_stop (SpWindow *self)
{
  RecordState *state;
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (SP_IS_WINDOW (self));
  state = get_state (self);
  if (state->recorder == NULL)
    return;

  set_recording (self, FALSE);
  task = g_task_new (self, NULL, on_finished, NULL);
  g_task_set_source_tag (task, sp_window_record_stop);
  g_task_set_task_data (task, g_steal_pointer (&state->recorder),
                        (GDestroyNotify) sp_recorder_free);
  g_task_run_in_thread (task, finish_in_thread);
}

SpRecorder *
sp_window_record_get_recorder (SpWindow *self)
{
  g_return_val_if_fail (SP_IS_WINDOW (self), NULL);
  return get_state (self)->recorder;
}

/* Actions ------------------------------------------------------------------- */

static void
record_animation_action (GSimpleAction *action,
                         GVariant      *parameter,
                         gpointer       user_data)
{
  sp_window_record_present_chooser (SP_WINDOW (user_data));
}

static void
stop_recording_action (GSimpleAction *action,
                       GVariant      *parameter,
                       gpointer       user_data)
{
  sp_window_record_stop (SP_WINDOW (user_data));
}

static const GActionEntry record_actions[] = {
  { "record-animation", record_animation_action },
  { "stop-recording", stop_recording_action },
};

/* Set-up -------------------------------------------------------------------- */

static void
record_state_free (RecordState *state)
{
  g_clear_pointer (&state->recorder, sp_recorder_free);
  g_free (state);
}

/* Closing (or quitting) while recording keeps the video: the encoder
 * drains its short queue (a fraction of a second) before the window goes. */
static void
on_window_destroy (SpWindow *self)
{
  RecordState *state = get_state (self);
  g_autoptr(GError) error = NULL;

  if (state->recorder != NULL && !sp_recorder_finish (state->recorder, &error))
    g_warning ("Could not finish the recording: %s", error->message);
  g_clear_pointer (&state->recorder, sp_recorder_free);
}

static GtkWidget *
indicator_new (RecordState *state)
{
  GtkWidget *button = gtk_button_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *icon = gtk_image_new_from_icon_name ("media-record-symbolic");
  GtkWidget *label = gtk_label_new (NULL);

  gtk_widget_add_css_class (icon, "error");
  gtk_widget_add_css_class (label, "numeric");
  gtk_box_append (GTK_BOX (box), icon);
  gtk_box_append (GTK_BOX (box), label);
  gtk_button_set_child (GTK_BUTTON (button), box);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "win.stop-recording");
  gtk_widget_set_tooltip_text (button, _("Stop Recording"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Recording: stop"), -1);
  gtk_widget_set_visible (button, FALSE);
  state->indicator_label = GTK_LABEL (label);
  return button;
}

void
sp_window_record_init (SpWindow *self)
{
  RecordState *state = g_new0 (RecordState, 1);
  GObject *menu_button = gtk_widget_get_template_child (GTK_WIDGET (self), SP_TYPE_WINDOW,
                                                        "primary_menu_button");
  GtkWidget *header = gtk_widget_get_ancestor (GTK_WIDGET (menu_button), ADW_TYPE_HEADER_BAR);

  g_object_set_data_full (G_OBJECT (self), STATE_KEY, state, (GDestroyNotify) record_state_free);
  g_action_map_add_action_entries (G_ACTION_MAP (self), record_actions,
                                   G_N_ELEMENTS (record_actions), self);

  state->indicator = indicator_new (state);
  gtk_widget_set_name (state->indicator, "recording-indicator");
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), state->indicator);
  set_recording (self, FALSE);

  g_signal_connect_object (sp_window_get_simulation (self), "notify::frame",
                           G_CALLBACK (push_frame), self, G_CONNECT_SWAPPED);
  g_signal_connect (self, "destroy", G_CALLBACK (on_window_destroy), NULL);
}
