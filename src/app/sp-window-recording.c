/* sp-window-recording.c — the window around its SpRecording: Record
 * Animation's chooser (where, how fast, how large), the header's
 * indicator (declared in sp-window.ui, bound to the recording's
 * properties), and the toasts that tell how a recording ended
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "sp-export-dialog.h"
#include "sp-window-export.h"

#include "sp-window-private.h"

/* Start and stop ------------------------------------------------------------ */

gboolean
sp_window_record_start (SpWindow                *self,
                        const char              *path,
                        const SpRecorderOptions *options)
{
  g_autoptr(GError) error = NULL;
  SpRecorderOptions own;

  g_return_val_if_fail (SP_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (path != NULL && options != NULL, FALSE);
  g_return_val_if_fail (!sp_recording_get_recording (self->recording), FALSE);

  /* The video's colours are the window's. */
  own = *options;
  own.field_fixed_scale = self->field_fixed_scale;
  if (!sp_recording_start (self->recording, path, &own, &error))
    {
      g_autofree char *message = g_strdup_printf (_("Could not record: %s"), error->message);

      sp_export_dialog_toast_error (self->toast_overlay, message);
      return FALSE;
    }
  /* The video opens on what is on screen now, running or paused. */
  sp_recording_add_frame (self->recording, sp_simulation_get_frame (self->simulation));
  return TRUE;
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
  sp_export_dialog_toast_file (self->toast_overlay, title, file);
}

static void
stopped_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(SpWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(SpRecorder) recorder = sp_recording_stop_finish (SP_RECORDING (source), result,
                                                             &error);

  /* Closed meanwhile: nowhere to tell (the file is complete either way). */
  if (self->toast_overlay == NULL)
    return;
  if (recorder == NULL)
    {
      g_autofree char *message = g_strdup_printf (_("Could not record: %s"), error->message);

      sp_export_dialog_toast_error (self->toast_overlay, message);
      return;
    }
  show_recorded (self, recorder);
}

void
sp_window_record_stop (SpWindow *self)
{
  g_return_if_fail (SP_IS_WINDOW (self));

  if (!sp_recording_get_recording (self->recording))
    return;
  sp_recording_stop_async (self->recording, NULL, stopped_cb, g_object_ref (self));
}

SpRecording *
sp_window_get_recording (SpWindow *self)
{
  g_return_val_if_fail (SP_IS_WINDOW (self), NULL);
  return self->recording;
}

/* The chooser --------------------------------------------------------------- */

/* Each default first: GTK 4.8's own dialog (no portal) ignores
 * gtk_file_chooser_set_choice() and always starts on the first option. */
static const struct
{
  guint       fps;
  const char *id;
  const char *label;
} fps_choices[] = {
  { 25, "25", N_("25 frames per second") },
  { 30, "30", N_("30 frames per second") },
  { 50, "50", N_("50 frames per second") },
  { 60, "60", N_("60 frames per second") },
};

static const struct
{
  guint       width, height;
  const char *id;
  const char *label;
} size_choices[] = {
  { 512, 512, "512", N_("512 × 512") },
  { 720, 720, "720", N_("720 × 720") },
  { 1024, 1024, "1024", N_("1024 × 1024") },
  { 1280, 720, "hd", N_("1280 × 720 (HD)") },
  { 1920, 1080, "fullhd", N_("1920 × 1080 (Full HD)") },
};

typedef struct
{
  SpWindow    *window;
  gboolean     webm;
  SpPlotStyle  screen_style;
} RecordRequest;

static void
record_request_free (RecordRequest *request)
{
  g_object_unref (request->window);
  sp_plot_style_clear (&request->screen_style);
  g_free (request);
}

static void
on_record_response (GtkNativeDialog *native,
                    int              response,
                    RecordRequest   *request)
{
  GtkFileChooser *chooser = GTK_FILE_CHOOSER (native);
  g_autoptr(GFile) file = response == GTK_RESPONSE_ACCEPT ? gtk_file_chooser_get_file (chooser)
                                                          : NULL;
  g_autofree char *path = file != NULL ? g_file_get_path (file) : NULL;
  const char *fps = gtk_file_chooser_get_choice (chooser, "fps");
  const char *size = gtk_file_chooser_get_choice (chooser, "size");
  SpRecorderOptions options;

  sp_recorder_options_init (&options);
  for (guint i = 0; i < G_N_ELEMENTS (fps_choices); i++)
    if (g_strcmp0 (fps, fps_choices[i].id) == 0)
      options.fps = fps_choices[i].fps;
  for (guint i = 0; i < G_N_ELEMENTS (size_choices); i++)
    if (g_strcmp0 (size, size_choices[i].id) == 0)
      {
        options.width = size_choices[i].width;
        options.height = size_choices[i].height;
      }
  if (sp_export_dialog_chose_screen_style (chooser))
    options.style = &request->screen_style;

  if (path != NULL && !sp_recording_get_recording (request->window->recording))
    {
      if (request->webm && !g_str_has_suffix (path, ".webm"))
        {
          char *with_ext = g_strconcat (path, ".webm", NULL);

          g_free (path);
          path = with_ext;
        }
      sp_window_record_start (request->window, path, &options);
    }
  record_request_free (request);
  gtk_native_dialog_destroy (native);
  g_object_unref (native);
}

static void
present_record_chooser (RecordRequest *request)
{
  const char *fps_ids[G_N_ELEMENTS (fps_choices) + 1] = { NULL };
  const char *fps_labels[G_N_ELEMENTS (fps_choices) + 1] = { NULL };
  const char *size_ids[G_N_ELEMENTS (size_choices) + 1] = { NULL };
  const char *size_labels[G_N_ELEMENTS (size_choices) + 1] = { NULL };
  GtkFileChooserNative *native;
  GtkFileChooser *chooser;

  for (guint i = 0; i < G_N_ELEMENTS (fps_choices); i++)
    {
      fps_ids[i] = fps_choices[i].id;
      fps_labels[i] = _(fps_choices[i].label);
    }
  for (guint i = 0; i < G_N_ELEMENTS (size_choices); i++)
    {
      size_ids[i] = size_choices[i].id;
      size_labels[i] = _(size_choices[i].label);
    }

  /* Without an encoder the name is that of a new folder of PNG frames. */
  native = gtk_file_chooser_native_new (request->webm ? _("Record Animation")
                                                      : _("Record Animation as PNG Frames"),
                                        GTK_WINDOW (request->window),
                                        GTK_FILE_CHOOSER_ACTION_SAVE, _("_Record"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);
  chooser = GTK_FILE_CHOOSER (native);
  if (request->webm)
    {
      g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

      gtk_file_filter_set_name (filter, _("WebM video"));
      gtk_file_filter_add_pattern (filter, "*.webm");
      gtk_file_filter_add_mime_type (filter, "video/webm");
      gtk_file_chooser_add_filter (chooser, filter);
    }
  gtk_file_chooser_set_current_name (chooser, request->webm ? "spinodal.webm" : "spinodal-frames");
  gtk_file_chooser_add_choice (chooser, "fps", _("Frame rate"), fps_ids, fps_labels);
  gtk_file_chooser_set_choice (chooser, "fps", "25");
  gtk_file_chooser_add_choice (chooser, "size", _("Size"), size_ids, size_labels);
  gtk_file_chooser_set_choice (chooser, "size", "512");
  sp_export_dialog_add_style_choice (chooser);
  g_signal_connect (native, "response", G_CALLBACK (on_record_response), request);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

/* GStreamer's first start may scan its plugins: not on the UI thread. */
static void
probe_in_thread (GTask        *task,
                 gpointer      source,
                 gpointer      task_data,
                 GCancellable *cancellable)
{
  g_task_return_boolean (task, sp_recorder_can_encode_webm ());
}

static void
on_probed (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  RecordRequest *request = user_data;

  request->webm = g_task_propagate_boolean (G_TASK (result), NULL);
  if (request->window->toast_overlay == NULL)
    record_request_free (request);   /* the window went meanwhile */
  else
    present_record_chooser (request);
}

void
sp_window_recording_present_chooser (SpWindow *self)
{
  RecordRequest *request = g_new0 (RecordRequest, 1);
  g_autoptr(GTask) task = g_task_new (NULL, NULL, on_probed, request);
  g_autoptr(GPtrArray) views = sp_window_get_plot_views (self);
  SpPlotView *field = sp_window_export_get_current_view (self);

  /* "As on screen" takes the style of a field view, the figure recorded. */
  for (guint i = 0; i < views->len && sp_plot_view_get_kind (field) != SP_FIGURE_FIELD; i++)
    field = g_ptr_array_index (views, i);
  request->window = g_object_ref (self);
  sp_plot_style_copy (sp_plot_view_get_style (field), &request->screen_style);
  g_task_run_in_thread (task, probe_in_thread);
}

/* Set-up -------------------------------------------------------------------- */

static void
recording_changed_cb (SpWindow *self)
{
  gboolean recording = sp_recording_get_recording (self->recording);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.record-animation", !recording);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.stop-recording", recording);
}

/* Every frame the simulation shows goes to the recording: the one line
 * to change when frames come from elsewhere. */
static void
frame_shown_cb (SpWindow *self)
{
  if (self->recording != NULL)
    sp_recording_add_frame (self->recording, sp_simulation_get_frame (self->simulation));
}

void
sp_window_recording_init (SpWindow *self)
{
  self->recording = sp_recording_new ();
  g_object_bind_property (self->recording, "recording", self->recording_indicator, "visible",
                          G_BINDING_SYNC_CREATE);
  g_object_bind_property (self->recording, "status", self->recording_label, "label",
                          G_BINDING_SYNC_CREATE);
  g_signal_connect_object (self->recording, "notify::recording",
                           G_CALLBACK (recording_changed_cb), self, G_CONNECT_SWAPPED);
  recording_changed_cb (self);
  g_signal_connect_object (self->simulation, "notify::frame", G_CALLBACK (frame_shown_cb), self,
                           G_CONNECT_SWAPPED);
}
