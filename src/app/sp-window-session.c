/* sp-window-session.c — session files in the window: Open…, Save, Save
 * As…, the title, unsaved changes, drag and drop
 *
 * Policy for unsaved changes (issue 7: never lose work silently, never nag):
 *
 *  - Untitled work is not a file: every parameter is bound to GSettings, so
 *    it is still there after a restart.  Closing an untitled window
 *    therefore never asks.  It counts as modified when it differs from its
 *    preset's own parameters (default grid, box, seed and speed), a test
 *    that gives the same answer after a restart.
 *  - A titled session is modified when the parameters differ from what its
 *    file holds (compared by value, so moving a slider back clears the
 *    "•").  Closing such a window asks Cancel / Discard / Save; Discard
 *    leaves the file as it was (the parameters, like untitled work, stay in
 *    GSettings).
 *  - Opening a file (Open…, a drop, the command line, the file manager)
 *    over modified parameters, titled or not, asks the same question first,
 *    but only once the file has been read and found to fit the explorer,
 *    so a bad file never costs a question, and a failed load (reported in
 *    a dialog naming the field) leaves the window exactly as it was.
 *
 * One operation at a time: while a question, a chooser, a load or a save is
 * under way the three actions are disabled; a close arriving meanwhile is
 * carried out (with its own question if needed) when the operation ends.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "sp-params-session.h"
#include "sp-presets.h"
#include "sp-session-actions.h"

#include "sp-window-session-private.h"

static void
report_open_error (SpWindowSessionState *state,
                   GFile                *file,
                   const GError         *error)
{
  g_autofree char *name = file != NULL ? sp_window_session_display_name (file) : NULL;
  /* Translators: a dialog heading; %s is a file name. */
  g_autofree char *heading = name != NULL ? g_strdup_printf (_("Could Not Open “%s”"), name)
                                          : g_strdup (_("Could Not Open the Session"));

  sp_session_actions_show_error (GTK_WINDOW (state->window), heading, error);
}

/* Showing a session ---------------------------------------------------------- */

static void
apply_pending (SpWindowSessionState *state)
{
  g_autoptr(SpSession) session = g_steal_pointer (&state->pending);
  g_autoptr(GFile) file = g_steal_pointer (&state->pending_file);
  g_autoptr(GError) error = NULL;
  gboolean applied;

  state->applying = TRUE;
  applied = sp_params_set_session (sp_window_get_params (state->window), session, &error);
  state->applying = FALSE;
  if (!applied)
    {
      /* Checked before the question: only a changed SpParams gets here. */
      report_open_error (state, file, error);
      return;
    }

  sp_session_clear (&state->saved);
  sp_session_copy (&state->saved, session);
  g_set_object (&state->file, file);
  state->no_preset = session->preset == NULL;
  sp_window_session_update_pristine (state);
  state->modified = TRUE;
  sp_window_session_update_modified (state);
  sp_window_session_update_title (state);

  if (sp_params_session_has_own_numerics (session))
    sp_window_add_toast (state->window,
                         adw_toast_new (_("The file’s noise amplitude and time-step settings are "
                                          "kept for saving; the explorer simulates with its own")));
}

static void discard_answered_cb (GObject      *source,
                                 GAsyncResult *result,
                                 gpointer      user_data);

static void
ask_to_discard (SpWindowSessionState *state,
                SpSessionThen         then)
{
  g_autofree char *name = state->file != NULL ? sp_window_session_display_name (state->file) : NULL;

  state->then = then;
  sp_session_actions_confirm_discard (GTK_WINDOW (state->window), name, state->cancellable,
                                      discard_answered_cb, g_object_ref (state->window));
}

/* @session (taken) has been read from @file, or @error says why not: show
 * it, asking first if the parameters have unsaved changes. */
static void
offer (SpWindowSessionState *state,
       SpSession            *session,
       GFile                *file,
       const GError         *error)
{
  g_autoptr(GError) check_error = NULL;

  if (session == NULL)
    {
      /* Dismissing the chooser is not an error. */
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        report_open_error (state, file, error);
      sp_window_session_set_busy (state, FALSE);
      return;
    }
  if (!sp_params_session_check (sp_window_get_params (state->window), session, &check_error))
    {
      sp_session_free (session);
      report_open_error (state, file, check_error);
      sp_window_session_set_busy (state, FALSE);
      return;
    }

  state->pending = session;
  g_set_object (&state->pending_file, file);
  if (state->modified)
    {
      ask_to_discard (state, SP_SESSION_THEN_APPLY);
      return;
    }
  apply_pending (state);
  sp_window_session_set_busy (state, FALSE);
}

/* The state of @window, unless it has gone meanwhile. */
static SpWindowSessionState *
live_state (SpWindow *window)
{
  SpWindowSessionState *state = sp_window_session_state (window);

  return state != NULL && !g_cancellable_is_cancelled (state->cancellable) ? state : NULL;
}

static void
loaded_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(SpWindow) window = user_data;
  SpWindowSessionState *state = live_state (window);
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = NULL;
  SpSession *session = sp_session_actions_load_finish (result, &error);

  if (state == NULL)
    {
      g_clear_pointer (&session, sp_session_free);
      return;
    }
  file = g_steal_pointer (&state->pending_file);
  offer (state, session, file, error);
}

static void
opened_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(SpWindow) window = user_data;
  SpWindowSessionState *state = live_state (window);
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = NULL;
  SpSession *session = sp_session_actions_open_finish (result, &file, &error);

  if (state == NULL)
    {
      g_clear_pointer (&session, sp_session_free);
      return;
    }
  offer (state, session, file, error);
}

/* Saving ----------------------------------------------------------------------- */

static void
finish_save (SpWindowSessionState *state,
             GFile                *file,
             const GError         *error)
{
  g_autoptr(SpSession) saved = g_steal_pointer (&state->saving);
  SpSessionThen then = state->then;

  state->then = SP_SESSION_THEN_NOTHING;
  if (file == NULL)
    {
      /* A dismissed chooser cancels whatever was to follow, silently. */
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        sp_session_actions_show_error (GTK_WINDOW (state->window),
                                       _("Could Not Save the Session"), error);
      g_clear_pointer (&state->pending, sp_session_free);
      g_clear_object (&state->pending_file);
      sp_window_session_set_busy (state, FALSE);
      return;
    }

  /* The parameters as they were when the save began: any change made
   * while it was written still counts as unsaved. */
  sp_session_clear (&state->saved);
  sp_session_copy (&state->saved, saved);
  g_set_object (&state->file, file);
  state->no_preset = saved->preset == NULL;
  state->modified = TRUE;
  sp_window_session_update_modified (state);
  sp_window_session_update_title (state);

  if (then == SP_SESSION_THEN_APPLY)
    apply_pending (state);
  else if (then == SP_SESSION_THEN_CLOSE)
    {
      state->close_confirmed = TRUE;
      state->close_pending = TRUE;
    }
  sp_window_session_set_busy (state, FALSE);
}

static void
saved_cb (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(SpWindow) window = user_data;
  SpWindowSessionState *state = live_state (window);
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = NULL;
  gboolean saved = sp_session_actions_save_finish (result, &error);

  if (state == NULL)
    return;
  file = g_steal_pointer (&state->saving_file);
  finish_save (state, saved ? file : NULL, error);
}

static void
saved_as_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(SpWindow) window = user_data;
  SpWindowSessionState *state = live_state (window);
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = sp_session_actions_save_as_finish (result, &error);

  if (state == NULL)
    return;
  finish_save (state, file, error);
}

/* The chooser's first guess: the file's name, else the preset's. */
static char *
suggested_name (SpWindowSessionState *state)
{
  const char *id = sp_params_get_preset (sp_window_get_params (state->window));
  g_autoptr(SpPreset) preset = NULL;

  if (state->file != NULL)
    return sp_window_session_display_name (state->file);
  if (id != NULL)
    preset = sp_presets_lookup (id, NULL);
  return g_strdup (preset != NULL ? preset->name : _("Untitled"));
}

/* Saves to @file, or asks where when it is NULL; then does @then. */
static void
save_session (SpWindowSessionState *state,
              GFile                *file,
              SpSessionThen         then)
{
  state->then = then;
  state->saving = g_new0 (SpSession, 1);
  sp_window_session_current (state, state->saving);
  if (file != NULL)
    {
      g_set_object (&state->saving_file, file);
      sp_session_actions_save (state->saving, file, state->cancellable, saved_cb,
                               g_object_ref (state->window));
    }
  else
    {
      g_autofree char *name = suggested_name (state);

      sp_session_actions_save_as (GTK_WINDOW (state->window), state->saving, name,
                                  state->cancellable, saved_as_cb, g_object_ref (state->window));
    }
}

/* "Save changes?" answered ----------------------------------------------------- */

static void
discard_answered_cb (GObject      *source,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(SpWindow) window = user_data;
  SpWindowSessionState *state = live_state (window);
  SpSessionDiscardResponse answer = sp_session_actions_confirm_discard_finish (result);

  if (state == NULL)
    return;

  switch (answer)
    {
    case SP_SESSION_DISCARD_SAVE:
      /* Untitled work is saved through the chooser. */
      save_session (state, state->file, state->then);
      return;
    case SP_SESSION_DISCARD_DISCARD:
      if (state->then == SP_SESSION_THEN_APPLY)
        apply_pending (state);
      else if (state->then == SP_SESSION_THEN_CLOSE)
        {
          state->close_confirmed = TRUE;
          state->close_pending = TRUE;
        }
      break;
    case SP_SESSION_DISCARD_CANCEL:
    default:
      g_clear_pointer (&state->pending, sp_session_free);
      g_clear_object (&state->pending_file);
      break;
    }
  state->then = SP_SESSION_THEN_NOTHING;
  sp_window_session_set_busy (state, FALSE);
}

/* Closing ---------------------------------------------------------------------- */

static gboolean
close_request_cb (SpWindow *self,
                  gpointer  user_data)
{
  SpWindowSessionState *state = sp_window_session_state (self);

  if (state->close_confirmed)
    return FALSE;
  if (state->busy)
    {
      state->close_pending = TRUE;
      return TRUE;
    }
  /* Untitled work is kept by GSettings: only a file can be left behind. */
  if (state->file == NULL || !state->modified)
    return FALSE;
  sp_window_session_set_busy (state, TRUE);
  ask_to_discard (state, SP_SESSION_THEN_CLOSE);
  return TRUE;
}

static void
destroy_cb (SpWindow *self,
            gpointer  user_data)
{
  /* Whatever is still under way must not touch a window that is gone. */
  g_cancellable_cancel (sp_window_session_state (self)->cancellable);
}

/* Actions, drops, the public API ----------------------------------------------- */

static void
open_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  SpWindowSessionState *state = sp_window_session_state (user_data);

  if (state->busy)
    return;
  sp_window_session_set_busy (state, TRUE);
  sp_session_actions_open (GTK_WINDOW (state->window), state->cancellable, opened_cb,
                           g_object_ref (state->window));
}

static void
save_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  SpWindowSessionState *state = sp_window_session_state (user_data);

  if (state->busy)
    return;
  sp_window_session_set_busy (state, TRUE);
  save_session (state, state->file, SP_SESSION_THEN_NOTHING);
}

static void
save_as_action (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  SpWindowSessionState *state = sp_window_session_state (user_data);

  if (state->busy)
    return;
  sp_window_session_set_busy (state, TRUE);
  save_session (state, NULL, SP_SESSION_THEN_NOTHING);
}

static const GActionEntry session_actions[] = {
  { "open", open_action },
  { "save", save_action },
  { "save-as", save_as_action },
};

static gboolean
file_dropped_cb (GFile    *file,
                 gpointer  user_data)
{
  SpWindow *self = user_data;

  if (sp_window_session_state (self)->busy)
    return FALSE;
  sp_window_session_open_file (self, file);
  return TRUE;
}

void
sp_window_session_open_file (SpWindow *self,
                             GFile    *file)
{
  SpWindowSessionState *state;

  g_return_if_fail (SP_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  state = sp_window_session_state (self);
  g_return_if_fail (state != NULL);
  if (state->busy)
    {
      sp_window_add_toast (self, adw_toast_new (_("Another session file is being opened or "
                                                  "saved; try again in a moment")));
      return;
    }
  sp_window_session_set_busy (state, TRUE);
  g_set_object (&state->pending_file, file);
  sp_session_actions_load (file, state->cancellable, loaded_cb, g_object_ref (self));
}

void
sp_window_session_save_to_file (SpWindow *self,
                                GFile    *file)
{
  SpWindowSessionState *state;

  g_return_if_fail (SP_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  state = sp_window_session_state (self);
  g_return_if_fail (state != NULL && !state->busy);
  sp_window_session_set_busy (state, TRUE);
  save_session (state, file, SP_SESSION_THEN_NOTHING);
}

GFile *
sp_window_session_get_file (SpWindow *self)
{
  g_return_val_if_fail (SP_IS_WINDOW (self), NULL);
  return sp_window_session_state (self)->file;
}

gboolean
sp_window_session_get_modified (SpWindow *self)
{
  g_return_val_if_fail (SP_IS_WINDOW (self), FALSE);
  return sp_window_session_state (self)->modified;
}

gboolean
sp_window_session_get_busy (SpWindow *self)
{
  g_return_val_if_fail (SP_IS_WINDOW (self), FALSE);
  return sp_window_session_state (self)->busy;
}

void
sp_window_session_init (SpWindow *self)
{
  GtkDropTarget *drop;

  g_return_if_fail (SP_IS_WINDOW (self));
  g_return_if_fail (sp_window_session_state (self) == NULL);

  sp_window_session_state_new (self);
  g_action_map_add_action_entries (G_ACTION_MAP (self), session_actions,
                                   G_N_ELEMENTS (session_actions), self);
  drop = sp_session_actions_drop_target_new (file_dropped_cb, self, NULL);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drop));
  g_signal_connect (self, "close-request", G_CALLBACK (close_request_cb), NULL);
  g_signal_connect (self, "destroy", G_CALLBACK (destroy_cb), NULL);
}
