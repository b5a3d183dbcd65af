/* sp-session-actions.c — open, save, save as, "discard changes?" and drag
 * and drop for session files, as asynchronous helpers the window calls */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "sp-file.h"
#include "sp-session-actions.h"

/* ---- load ------------------------------------------------------------------ */

static void
load_thread (GTask        *task,
             gpointer      source,
             gpointer      task_data,
             GCancellable *cancellable)
{
  g_autoptr(SpSession) session = sp_session_new ();
  GError *error = NULL;

  /* Into a fresh session: the window's own is touched only on success. */
  if (sp_session_load_file (session, G_FILE (task_data), cancellable, &error))
    g_task_return_pointer (task, g_steal_pointer (&session), (GDestroyNotify) sp_session_free);
  else
    g_task_return_error (task, error);
}

void
sp_session_actions_load (GFile               *file,
                         GCancellable        *cancellable,
                         GAsyncReadyCallback  callback,
                         gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, callback, user_data);

  g_return_if_fail (G_IS_FILE (file));
  g_task_set_source_tag (task, sp_session_actions_load);
  g_task_set_task_data (task, g_object_ref (file), g_object_unref);
  g_task_run_in_thread (task, load_thread);
}

SpSession *
sp_session_actions_load_finish (GAsyncResult  *result,
                                GError       **error)
{
  g_return_val_if_fail (G_IS_TASK (result), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

/* ---- file chooser ------------------------------------------------------------ */

GtkFileFilter *
sp_session_actions_file_filter (void)
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
             GTask                *task)
{
  GtkFileChooserNative *native;
  g_autoptr(GtkFileFilter) filter = sp_session_actions_file_filter ();

  native = gtk_file_chooser_native_new (title, parent, action, accept, _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), filter);
  if (current_name != NULL)
    gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (native), current_name);
  g_signal_connect (native, "response", G_CALLBACK (on_chooser_response), task);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

/* ---- open ---------------------------------------------------------------------- */

static void
open_loaded (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;
  SpSession *session = sp_session_actions_load_finish (result, &error);

  if (session == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, session, (GDestroyNotify) sp_session_free);
}

static void
open_chosen (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;
  GFile *file = g_task_propagate_pointer (G_TASK (result), &error);
  GCancellable *cancellable;

  if (file == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  g_task_set_task_data (task, file, g_object_unref);
  /* Read from @task before handing it over: the order in which a call's
   * arguments are evaluated is unspecified, so a g_steal_pointer (&task)
   * beside a use of task may run first and leave that use a NULL. */
  cancellable = g_task_get_cancellable (task);
  sp_session_actions_load (file, cancellable, open_loaded, g_steal_pointer (&task));
}

void
sp_session_actions_open (GtkWindow           *parent,
                         GCancellable        *cancellable,
                         GAsyncReadyCallback  callback,
                         gpointer             user_data)
{
  GTask *task = g_task_new (parent, cancellable, callback, user_data);
  GTask *choose = g_task_new (NULL, cancellable, open_chosen, task);

  g_task_set_source_tag (task, sp_session_actions_open);
  run_chooser (parent, GTK_FILE_CHOOSER_ACTION_OPEN, _("Open Session"), _("_Open"), NULL, choose);
}

SpSession *
sp_session_actions_open_finish (GAsyncResult  *result,
                                GFile        **file,
                                GError       **error)
{
  SpSession *session;

  g_return_val_if_fail (G_IS_TASK (result), NULL);
  session = g_task_propagate_pointer (G_TASK (result), error);
  if (file != NULL)
    *file = session != NULL ? g_object_ref (g_task_get_task_data (G_TASK (result))) : NULL;
  return session;
}

/* ---- save ---------------------------------------------------------------------- */

/* Runs in a GTask thread: the write and its fsync never block the UI. */
static void
save_in_thread (GTask        *task,
                gpointer      source,
                gpointer      task_data,
                GCancellable *cancellable)
{
  GFile *file = g_object_get_data (G_OBJECT (task), "sp-session-file");
  GBytes *bytes = task_data;
  g_autoptr(GError) error = NULL;

  if (!sp_file_write_atomic_gfile (file, g_bytes_get_data (bytes, NULL),
                                   g_bytes_get_size (bytes), cancellable, &error))
    {
      g_autofree char *name = g_file_get_parse_name (file);

      g_task_return_new_error (task, SP_SESSION_ERROR, SP_SESSION_ERROR_IO,
                               _("cannot save “%s”: %s"), name, error->message);
      return;
    }
  g_task_return_boolean (task, TRUE);
}

void
sp_session_actions_save (const SpSession     *session,
                         GFile               *file,
                         GCancellable        *cancellable,
                         GAsyncReadyCallback  callback,
                         gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, callback, user_data);
  g_autoptr(GBytes) bytes = NULL;
  GError *error = NULL;
  char *data;
  gsize length;

  g_task_set_source_tag (task, sp_session_actions_save);
  /* Serialised now (about 1 KiB, microseconds): the write runs while the
   * caller goes on changing its session. */
  data = sp_session_to_data (session, &length, &error);
  if (data == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  bytes = g_bytes_new_take (data, length);
  /* Written to a temporary file and renamed over the old one: a crash or a
   * full disk never leaves half a session. */
  g_object_set_data_full (G_OBJECT (task), "sp-session-file", g_object_ref (file), g_object_unref);
  g_task_set_task_data (task, g_steal_pointer (&bytes), (GDestroyNotify) g_bytes_unref);
  g_task_run_in_thread (task, save_in_thread);
}

gboolean
sp_session_actions_save_finish (GAsyncResult  *result,
                                GError       **error)
{
  g_return_val_if_fail (G_IS_TASK (result), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}

/* ---- save as ------------------------------------------------------------------- */

static void
save_as_written (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;

  if (!sp_session_actions_save_finish (result, &error))
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, g_object_ref (g_task_get_task_data (task)), g_object_unref);
}

static void
save_as_chosen (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GFile) chosen = NULL;
  g_autofree char *basename = NULL;
  GError *error = NULL;
  const SpSession *session;
  GCancellable *cancellable;
  GFile *file;

  chosen = g_task_propagate_pointer (G_TASK (result), &error);
  if (chosen == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  /* A bare name gets the suffix (so the file manager knows the type); a
   * name the user gave another suffix is kept as typed. */
  basename = g_file_get_basename (chosen);
  if (basename != NULL && strchr (basename, '.') == NULL)
    {
      g_autofree char *with_suffix = g_strconcat (basename, SP_SESSION_SUFFIX, NULL);
      g_autoptr(GFile) folder = g_file_get_parent (chosen);

      file = folder != NULL ? g_file_get_child (folder, with_suffix) : g_object_ref (chosen);
    }
  else
    file = g_object_ref (chosen);
  g_task_set_task_data (task, file, g_object_unref);
  /* Both read before task is handed over (see open_chosen). */
  session = g_object_get_data (G_OBJECT (task), "session");
  cancellable = g_task_get_cancellable (task);
  sp_session_actions_save (session, file, cancellable, save_as_written, g_steal_pointer (&task));
}

void
sp_session_actions_save_as (GtkWindow           *parent,
                            const SpSession     *session,
                            const char          *suggested_name,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  GTask *task = g_task_new (parent, cancellable, callback, user_data);
  GTask *choose = g_task_new (NULL, cancellable, save_as_chosen, task);
  SpSession *copy = g_new0 (SpSession, 1);
  g_autofree char *name = NULL;

  g_task_set_source_tag (task, sp_session_actions_save_as);
  /* The chooser may stay open a while: save what the session was when asked. */
  sp_session_copy (copy, session);
  g_object_set_data_full (G_OBJECT (task), "session", copy, (GDestroyNotify) sp_session_free);

  if (suggested_name == NULL || *suggested_name == '\0')
    suggested_name = _("Untitled");
  name = g_str_has_suffix (suggested_name, SP_SESSION_SUFFIX)
         ? g_strdup (suggested_name) : g_strconcat (suggested_name, SP_SESSION_SUFFIX, NULL);
  run_chooser (parent, GTK_FILE_CHOOSER_ACTION_SAVE, _("Save Session"), _("_Save"), name, choose);
}

GFile *
sp_session_actions_save_as_finish (GAsyncResult  *result,
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
sp_session_actions_confirm_discard (GtkWindow           *parent,
                                    const char          *document_name,
                                    GCancellable        *cancellable,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data)
{
  GTask *task = g_task_new (parent, cancellable, callback, user_data);
  GtkWidget *dialog;

  g_task_set_source_tag (task, sp_session_actions_confirm_discard);
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
sp_session_actions_confirm_discard_finish (GAsyncResult *result)
{
  g_autoptr(GError) error = NULL;
  gssize answer;

  g_return_val_if_fail (G_IS_TASK (result), SP_SESSION_DISCARD_CANCEL);
  answer = g_task_propagate_int (G_TASK (result), &error);
  return error != NULL ? SP_SESSION_DISCARD_CANCEL : (SpSessionDiscardResponse) answer;
}

void
sp_session_actions_show_error (GtkWindow    *parent,
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
sp_session_actions_drop_target_new (SpSessionDropFunc func,
                                    gpointer          user_data,
                                    GDestroyNotify    destroy)
{
  GtkDropTarget *target = gtk_drop_target_new (G_TYPE_FILE, GDK_ACTION_COPY);
  DropClosure *d = g_new (DropClosure, 1);

  *d = (DropClosure) { func, user_data, destroy };
  g_signal_connect_data (target, "drop", G_CALLBACK (on_drop), d, drop_closure_free, 0);
  return target;
}
