/* sp-session-dialogs.c — the questions a window asks about session files:
 * which file to open or save to, "Save changes?", what went wrong, and
 * the drop target for files from a file manager
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "sp-session-dialogs.h"

/* ---- file chooser ------------------------------------------------------------ */

GtkFileFilter *
sp_session_dialogs_file_filter (void)
{
  GtkFileFilter *filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("Spinodal sessions"));
  gtk_file_filter_add_pattern (filter, "*" SP_SESSION_SUFFIX);
  gtk_file_filter_add_mime_type (filter, SP_SESSION_MIME_TYPE);
  return filter;
}

/* Runs @native and returns its file through @task (G_IO_ERROR_CANCELLED
 * when dismissed). */
static void
on_chooser_response (GtkNativeDialog *native,
                     int              response,
                     gpointer         user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native));
  gtk_native_dialog_destroy (native);
  g_object_unref (native);

  if (file == NULL)
    g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_CANCELLED, _("No file was chosen"));
  else
    g_task_return_pointer (task, g_steal_pointer (&file), g_object_unref);
}

static void
run_chooser (GtkWindow            *parent,
             GtkFileChooserAction  action,
             const char           *title,
             const char           *accept,
             const char           *current_name,
             GtkFileFilter        *filter,
             GTask                *task)
{
  GtkFileChooserNative *native;

  native = gtk_file_chooser_native_new (title, parent, action, accept, _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), filter);
  if (current_name != NULL)
    gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (native), current_name);
  g_signal_connect (native, "response", G_CALLBACK (on_chooser_response), task);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

/* ---- open and save as ------------------------------------------------------ */

void
sp_session_dialogs_choose_open (GtkWindow           *parent,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  GTask *task = g_task_new (parent, cancellable, callback, user_data);
  g_autoptr(GtkFileFilter) filter = sp_session_dialogs_file_filter ();

  g_task_set_source_tag (task, sp_session_dialogs_choose_open);
  run_chooser (parent, GTK_FILE_CHOOSER_ACTION_OPEN, _("Open Session"), _("_Open"), NULL, filter,
               task);
}

void
sp_session_dialogs_choose_lesson (GtkWindow           *parent,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  GTask *task = g_task_new (parent, cancellable, callback, user_data);
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("Lessons"));
  gtk_file_filter_add_pattern (filter, "*.lesson");
  g_task_set_source_tag (task, sp_session_dialogs_choose_lesson);
  run_chooser (parent, GTK_FILE_CHOOSER_ACTION_OPEN, _("Open Lesson"), _("_Open"), NULL, filter,
               task);
}

/* A bare name gets the suffix (so the file manager knows the type); a
 * name the user gave another suffix is kept as typed. */
static GFile *
with_suffix (GFile *chosen)
{
  g_autofree char *basename = g_file_get_basename (chosen);
  g_autofree char *name = NULL;
  g_autoptr(GFile) folder = NULL;

  if (basename == NULL || strchr (basename, '.') != NULL)
    return g_object_ref (chosen);
  name = g_strconcat (basename, SP_SESSION_SUFFIX, NULL);
  folder = g_file_get_parent (chosen);
  return folder != NULL ? g_file_get_child (folder, name) : g_object_ref (chosen);
}

static void
save_as_chosen (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GFile) chosen = NULL;
  GError *error = NULL;

  chosen = g_task_propagate_pointer (G_TASK (result), &error);
  if (chosen == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, with_suffix (chosen), g_object_unref);
}

void
sp_session_dialogs_choose_save (GtkWindow           *parent,
                                const char          *suggested_name,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  GTask *task = g_task_new (parent, cancellable, callback, user_data);
  GTask *choose = g_task_new (NULL, cancellable, save_as_chosen, task);
  g_autofree char *name = NULL;

  g_task_set_source_tag (task, sp_session_dialogs_choose_save);
  if (suggested_name == NULL || *suggested_name == '\0')
    suggested_name = _("Untitled");
  name = g_str_has_suffix (suggested_name, SP_SESSION_SUFFIX)
         ? g_strdup (suggested_name) : g_strconcat (suggested_name, SP_SESSION_SUFFIX, NULL);
  {
    g_autoptr(GtkFileFilter) filter = sp_session_dialogs_file_filter ();
    run_chooser (parent, GTK_FILE_CHOOSER_ACTION_SAVE, _("Save Session"), _("_Save"), name, filter,
                 choose);
  }
}

GFile *
sp_session_dialogs_choose_finish (GAsyncResult  *result,
                                  GError       **error)
{
  g_return_val_if_fail (G_IS_TASK (result), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

/* ---- discard changes? ------------------------------------------------------------ */

static void
on_discard_response (AdwMessageDialog *dialog,
                     const char       *response,
                     gpointer          user_data)
{
  g_autoptr(GTask) task = user_data;
  SpSessionDiscardResponse answer = SP_SESSION_DISCARD_CANCEL;

  /* Closing after a response emits the close response too: answer once. */
  g_signal_handlers_disconnect_by_func (dialog, on_discard_response, user_data);

  if (g_strcmp0 (response, "discard") == 0)
    answer = SP_SESSION_DISCARD_DISCARD;
  else if (g_strcmp0 (response, "save") == 0)
    answer = SP_SESSION_DISCARD_SAVE;
  g_task_return_int (task, answer);
}

void
sp_session_dialogs_confirm_discard (GtkWindow           *parent,
                                    const char          *document_name,
                                    GCancellable        *cancellable,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data)
{
  GTask *task = g_task_new (parent, cancellable, callback, user_data);
  GtkWidget *dialog;

  g_task_set_source_tag (task, sp_session_dialogs_confirm_discard);
  dialog = adw_message_dialog_new (parent, _("Save Changes?"), NULL);
  adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog),
                                  _("“%s” has unsaved changes. Changes which are not saved will be lost."),
                                  document_name != NULL ? document_name : _("Untitled"));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "discard", _("_Discard"),
                                    "save", _("_Save"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "discard",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "save",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "save");
  /* Escape or the window manager's close: nothing is lost. */
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect (dialog, "response", G_CALLBACK (on_discard_response), task);
  gtk_window_present (GTK_WINDOW (dialog));
}

SpSessionDiscardResponse
sp_session_dialogs_confirm_discard_finish (GAsyncResult *result)
{
  g_autoptr(GError) error = NULL;
  gssize answer;

  g_return_val_if_fail (G_IS_TASK (result), SP_SESSION_DISCARD_CANCEL);
  answer = g_task_propagate_int (G_TASK (result), &error);
  return error != NULL ? SP_SESSION_DISCARD_CANCEL : (SpSessionDiscardResponse) answer;
}

void
sp_session_dialogs_show_error (GtkWindow    *parent,
                               const char   *heading,
                               const GError *error)
{
  GtkWidget *dialog = adw_message_dialog_new (parent, heading, error->message);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "close");
  gtk_window_present (GTK_WINDOW (dialog));
}

/* ---- drag and drop ------------------------------------------------------------- */

typedef struct
{
  SpSessionDropFunc func;
  gpointer          user_data;
  GDestroyNotify    destroy;
} DropClosure;

static void
drop_closure_free (gpointer data,
                   GClosure *closure)
{
  DropClosure *d = data;

  if (d->destroy != NULL)
    d->destroy (d->user_data);
  g_free (d);
}

static gboolean
on_drop (GtkDropTarget *target,
         const GValue  *value,
         double         x,
         double         y,
         gpointer       user_data)
{
  DropClosure *d = user_data;

  if (!G_VALUE_HOLDS (value, G_TYPE_FILE) || g_value_get_object (value) == NULL)
    return FALSE;
  return d->func (g_value_get_object (value), d->user_data);
}

GtkDropTarget *
sp_session_dialogs_drop_target_new (SpSessionDropFunc func,
                                    gpointer          user_data,
                                    GDestroyNotify    destroy)
{
  GtkDropTarget *target = gtk_drop_target_new (G_TYPE_FILE, GDK_ACTION_COPY);
  DropClosure *d = g_new (DropClosure, 1);

  *d = (DropClosure) { func, user_data, destroy };
  g_signal_connect_data (target, "drop", G_CALLBACK (on_drop), d, drop_closure_free, 0);
  return target;
}
