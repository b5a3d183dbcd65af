/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sp-window-document.c — the window around its SpDocument: the header's
 * file title, and the flows that join the document's loads and saves to
 * the questions of sp-session-dialogs.c (Open…, Save, Save As…, a dropped
 * file, the command line, closing with unsaved changes)
 *
 *  - Opening a file over modified parameters, titled or not, asks "Save
 *    changes?" first, but only once the file has been read and found to fit
 *    the explorer, so a bad file never costs a question, and a failed load
 *    (reported in a dialog naming the field) leaves the window as it was.
 *  - Closing asks only for a titled session with unsaved changes: untitled
 *    work is kept by GSettings.  Discard leaves the file as it was.
 *  - One operation at a time: the window holds the document busy from the
 *    action to its end, which disables Open and Save; a close arriving
 *    meanwhile is carried out (with its own question) when it ends.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "sp-params-session.h"
#include "sp-session-dialogs.h"

#include "sp-window-lesson.h"
#include "sp-window-private.h"

/* What follows a "Save changes?" answer or a save. */
enum
{
  THEN_NOTHING,
  THEN_APPLY,   /* show the pending session */
  THEN_CLOSE,   /* close the window         */
};

/* Whether the window has gone: whatever is still under way must not touch it. */
static gboolean
gone (SpWindow *self)
{
  return g_cancellable_is_cancelled (self->document_cancellable);
}

static void
report_open_error (SpWindow     *self,
                   GFile        *file,
                   const GError *error)
{
  g_autofree char *name = file != NULL ? sp_document_display_name (file) : NULL;
  /* Translators: a dialog heading; %s is a file name. */
  g_autofree char *heading = name != NULL ? g_strdup_printf (_("Could Not Open “%s”"), name)
                                          : g_strdup (_("Could Not Open the Session"));

  sp_session_dialogs_show_error (GTK_WINDOW (self), heading, error);
}

static void
clear_pending (SpWindow *self)
{
  g_clear_pointer (&self->pending_session, sp_session_free);
  g_clear_object (&self->pending_file);
}

static void
apply_pending (SpWindow *self)
{
  g_autoptr(SpSession) session = g_steal_pointer (&self->pending_session);
  g_autoptr(GFile) file = g_steal_pointer (&self->pending_file);
  g_autoptr(GError) error = NULL;

  if (!sp_document_apply (self->document, session, file, &error))
    {
      /* Checked after reading: only a changed SpParams gets here. */
      report_open_error (self, file, error);
      return;
    }
  /* The lesson the session was saved with, at its step. */
  sp_window_lesson_session_shown (self);
  if (sp_params_session_has_own_numerics (session))
    adw_toast_overlay_add_toast (self->toast_overlay,
                                 adw_toast_new (_("The file’s noise amplitude and time-step "
                                                  "settings are kept for saving; the explorer "
                                                  "simulates with its own")));
  if (sp_document_get_unknown_pages (self->document) != NULL)
    {
      g_autofree char *names = g_strjoinv (", ", (GStrv) sp_document_get_unknown_pages (self->document));
      g_autofree char *text = NULL;
      AdwToast *toast;

      /* Translators: %s is a list of page ids, e.g. "hopping, defects". */
      text = g_strdup_printf (_("This session also holds pages this version of Spinodal "
                                "does not have (%s): they are kept and saved with it"), names);
      toast = adw_toast_new (text);
      adw_toast_set_timeout (toast, 0);
      adw_toast_overlay_add_toast (self->toast_overlay, toast);
    }
}

static void discard_answered_cb (GObject      *source,
                                 GAsyncResult *result,
                                 gpointer      user_data);

static void
ask_to_discard (SpWindow *self,
                guint     then)
{
  GFile *file = sp_document_get_file (self->document);
  g_autofree char *name = file != NULL ? sp_document_display_name (file) : NULL;

  self->document_then = then;
  sp_session_dialogs_confirm_discard (GTK_WINDOW (self), name, self->document_cancellable,
                                      discard_answered_cb, g_object_ref (self));
}

/* Reading ---------------------------------------------------------------- */

static void
read_cb (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(SpWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  SpSession *session = sp_document_read_finish (SP_DOCUMENT (source), result, &error);

  if (gone (self))
    {
      g_clear_pointer (&session, sp_session_free);
      clear_pending (self);
      sp_document_release (self->document);
      return;
    }
  if (session == NULL)
    {
      report_open_error (self, self->pending_file, error);
      clear_pending (self);
      sp_document_release (self->document);
      return;
    }
  self->pending_session = session;
  if (sp_document_get_modified (self->document))
    {
      ask_to_discard (self, THEN_APPLY);
      return;
    }
  apply_pending (self);
  sp_document_release (self->document);
}

/* Reads @file, the window holding the document meanwhile. */
static void
read_file (SpWindow *self,
           GFile    *file)
{
  g_set_object (&self->pending_file, file);
  sp_document_read_async (self->document, file, self->document_cancellable, read_cb,
                          g_object_ref (self));
}

static void
open_chosen_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(SpWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = sp_session_dialogs_choose_finish (result, &error);

  if (file == NULL || gone (self))
    {
      /* Dismissing the chooser is not an error. */
      if (!gone (self) && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        report_open_error (self, NULL, error);
      sp_document_release (self->document);
      return;
    }
  read_file (self, file);
}

/* Saving ----------------------------------------------------------------- */

static void
finish_save (SpWindow     *self,
             gboolean      saved,
             const GError *error)
{
  guint then = self->document_then;

  self->document_then = THEN_NOTHING;
  if (gone (self))
    {
      clear_pending (self);
      sp_document_release (self->document);
      return;
    }
  if (!saved)
    {
      /* A dismissed chooser cancels whatever was to follow, silently. */
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        sp_session_dialogs_show_error (GTK_WINDOW (self), _("Could Not Save the Session"), error);
      clear_pending (self);
      sp_document_release (self->document);
      return;
    }
  if (then == THEN_APPLY)
    apply_pending (self);
  else if (then == THEN_CLOSE)
    {
      self->close_confirmed = TRUE;
      self->close_pending = TRUE;
    }
  sp_document_release (self->document);
}

static void
saved_cb (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(SpWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  gboolean saved = sp_document_save_finish (SP_DOCUMENT (source), result, &error);

  finish_save (self, saved, error);
}

static void
save_chosen_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(SpWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = sp_session_dialogs_choose_finish (result, &error);

  if (file == NULL || gone (self))
    {
      finish_save (self, FALSE, error);
      return;
    }
  sp_document_save_async (self->document, file, self->document_cancellable, saved_cb,
                          g_object_ref (self));
}

/* Saves to the document's file, or through the chooser when @choose or
 * untitled; then does @then. */
static void
save (SpWindow *self,
      gboolean  choose,
      guint     then)
{
  g_autofree char *name = NULL;

  self->document_then = then;
  if (!choose && sp_document_get_file (self->document) != NULL)
    {
      sp_document_save_async (self->document, NULL, self->document_cancellable, saved_cb,
                              g_object_ref (self));
      return;
    }
  name = sp_document_suggest_name (self->document);
  sp_session_dialogs_choose_save (GTK_WINDOW (self), name, self->document_cancellable,
                                  save_chosen_cb, g_object_ref (self));
}

/* "Save changes?" answered ------------------------------------------------ */

static void
discard_answered_cb (GObject      *source,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(SpWindow) self = user_data;
  SpSessionDiscardResponse answer = sp_session_dialogs_confirm_discard_finish (result);

  if (gone (self))
    answer = SP_SESSION_DISCARD_CANCEL;
  switch (answer)
    {
    case SP_SESSION_DISCARD_SAVE:
      /* Untitled work is saved through the chooser. */
      save (self, FALSE, self->document_then);
      return;
    case SP_SESSION_DISCARD_DISCARD:
      if (self->document_then == THEN_APPLY)
        apply_pending (self);
      else if (self->document_then == THEN_CLOSE)
        {
          self->close_confirmed = TRUE;
          self->close_pending = TRUE;
        }
      break;
    case SP_SESSION_DISCARD_CANCEL:
    default:
      clear_pending (self);
      break;
    }
  self->document_then = THEN_NOTHING;
  sp_document_release (self->document);
}

/* Entry points: the actions, a drop, the command line --------------------- */

void
sp_window_document_open (SpWindow *self)
{
  if (sp_document_get_busy (self->document))
    return;
  sp_document_hold (self->document);
  sp_session_dialogs_choose_open (GTK_WINDOW (self), self->document_cancellable, open_chosen_cb,
                                  g_object_ref (self));
}

void
sp_window_document_save (SpWindow *self,
                         gboolean  choose)
{
  if (sp_document_get_busy (self->document))
    return;
  sp_document_hold (self->document);
  save (self, choose, THEN_NOTHING);
}

void
sp_window_open_file (SpWindow *self,
                     GFile    *file)
{
  g_return_if_fail (SP_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  if (sp_document_get_busy (self->document))
    {
      adw_toast_overlay_add_toast (self->toast_overlay,
                                   adw_toast_new (_("Another session file is being opened or "
                                                    "saved; try again in a moment")));
      return;
    }
  sp_document_hold (self->document);
  read_file (self, file);
}

SpDocument *
sp_window_get_document (SpWindow *self)
{
  g_return_val_if_fail (SP_IS_WINDOW (self), NULL);
  return self->document;
}

static gboolean
file_dropped_cb (GFile    *file,
                 gpointer  user_data)
{
  SpWindow *self = user_data;

  if (sp_document_get_busy (self->document))
    return FALSE;
  sp_window_open_file (self, file);
  return TRUE;
}

/* Busy, closing ------------------------------------------------------------ */

static void
busy_changed_cb (SpWindow *self)
{
  gboolean busy = sp_document_get_busy (self->document);

  if (gone (self))
    return;
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.open", !busy);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.save", !busy);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.save-as", !busy);
  /* Last, as it may destroy the window (the callbacks hold a reference). */
  if (!busy && self->close_pending)
    {
      self->close_pending = FALSE;
      gtk_window_close (GTK_WINDOW (self));
    }
}

static gboolean
close_request_cb (SpWindow *self)
{
  if (self->close_confirmed)
    return FALSE;
  if (sp_document_get_busy (self->document))
    {
      self->close_pending = TRUE;
      return TRUE;
    }
  /* Untitled work is kept by GSettings: only a file can be left behind. */
  if (sp_document_get_file (self->document) == NULL || !sp_document_get_modified (self->document))
    return FALSE;
  sp_document_hold (self->document);
  ask_to_discard (self, THEN_CLOSE);
  return TRUE;
}

static void
destroy_cb (SpWindow *self)
{
  g_cancellable_cancel (self->document_cancellable);
  g_clear_handle_id (&self->file_title_idle, g_source_remove);
}

/* The title ------------------------------------------------------------------ */

/* Wide, the header bar's middle is the page switcher, so the file's name
 * has a title of its own at the start; narrow, the switcher moves to the
 * bottom and the middle shows the name. */
static void
title_changed_cb (SpWindow *self)
{
  g_autofree char *window_title = NULL;
  const char *title = sp_document_get_title (self->document);

  /* A save that ends after the window went still renames the document. */
  if (gone (self))
    return;
  if (sp_document_get_file (self->document) == NULL)
    {
      adw_view_switcher_title_set_title (self->switcher_title, _("Spinodal"));
      gtk_window_set_title (GTK_WINDOW (self), _("Spinodal"));
      return;
    }
  /* Translators: the window's title in the window list: the session file, then the app. */
  window_title = g_strdup_printf (_("%s — Spinodal"), title);
  adw_view_switcher_title_set_title (self->switcher_title, title);
  gtk_window_set_title (GTK_WINDOW (self), window_title);
}

static gboolean
sync_file_title (gpointer user_data)
{
  SpWindow *self = user_data;

  self->file_title_idle = 0;
  gtk_widget_set_visible (GTK_WIDGET (self->file_title),
                          !adw_view_switcher_title_get_title_visible (self->switcher_title));
  return G_SOURCE_REMOVE;
}

/* The switcher title changes its mind inside its allocation: showing or
 * hiding a sibling there would re-enter it, so after it, at most one idle. */
static void
title_visible_cb (SpWindow *self)
{
  if (self->file_title_idle == 0)
    self->file_title_idle = g_idle_add_full (G_PRIORITY_HIGH_IDLE, sync_file_title, self, NULL);
}

/* Set-up and tear-down ------------------------------------------------------- */

void
sp_window_document_init (SpWindow *self)
{
  GtkDropTarget *drop;

  self->document = sp_document_new (self->params);
  self->document_cancellable = g_cancellable_new ();
  /* Every page's state is part of the session (pages added later: below). */
  for (guint p = 0; p < self->pages->len; p++)
    sp_document_add_page (self->document, g_ptr_array_index (self->pages, p));

  g_object_bind_property (self->document, "title", self->file_title, "title",
                          G_BINDING_SYNC_CREATE);
  g_object_bind_property (self->document, "subtitle", self->file_title, "subtitle",
                          G_BINDING_SYNC_CREATE);
  g_signal_connect_object (self->document, "notify::title", G_CALLBACK (title_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->document, "notify::busy", G_CALLBACK (busy_changed_cb), self,
                           G_CONNECT_SWAPPED);
  title_changed_cb (self);
  sync_file_title (self);
  g_signal_connect_object (self->switcher_title, "notify::title-visible",
                           G_CALLBACK (title_visible_cb), self, G_CONNECT_SWAPPED);

  drop = sp_session_dialogs_drop_target_new (file_dropped_cb, self, NULL);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drop));
  g_signal_connect (self, "close-request", G_CALLBACK (close_request_cb), NULL);
  g_signal_connect (self, "destroy", G_CALLBACK (destroy_cb), NULL);
}

void
sp_window_document_add_page (SpWindow  *self,
                             SpLabPage *page)
{
  sp_document_add_page (self->document, page);
}

void
sp_window_document_finalize (SpWindow *self)
{
  g_clear_handle_id (&self->file_title_idle, g_source_remove);
  clear_pending (self);
  g_clear_object (&self->document);
  g_clear_object (&self->document_cancellable);
}
