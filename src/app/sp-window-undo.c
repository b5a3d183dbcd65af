/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sp-window-undo.c — undo and redo of every parameter change
 *
 * The states are whole sessions as a save would write them
 * (sp_document_get_session(): the phase-separation parameters, the preset
 * and every page's state), kept by an SpUndoStack.  Each SpParams batch
 * ("changed") and each page's "state-changed" tells the stack the state
 * now, under a key: the property when the batch changed one (a slider),
 * none when it changed several (a preset, Reset to Preset: a step of
 * their own), the page's name for a page.  Changes under one key join
 * one step until the pointer's buttons are up and nothing has changed for
 * COMMIT_PAUSE_MS, so a slider drag — or a run of arrow keys — is one
 * step.  Undo and redo show the stored state through
 * sp_document_restore(); the changes that causes are not steps.
 *
 * Ctrl+Z, Ctrl+Shift+Z and Ctrl+Y reach win.undo and win.redo from the
 * window's capture-phase keys (sp-window-shortcuts.c), except while a
 * text entry has the focus: there they are the entry's own undo.  A spin
 * button's number field is a parameter, not a text: there they undo the
 * parameter.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "sp-window-private.h"

#define COMMIT_PAUSE_MS 450

static gpointer
session_copy (gpointer boxed)
{
  SpSession *copy = g_new0 (SpSession, 1);

  sp_session_copy (copy, boxed);
  return copy;
}

static gboolean
session_equal (gconstpointer a,
               gconstpointer b)
{
  const SpSession *x = a, *y = b;
  SpSession xs = *x, ys = *y;

  /* Pins are not parameters: undo neither records nor restores them. */
  xs.pins = NULL;
  ys.pins = NULL;
  return sp_session_equal (&xs, &ys);
}

static void
update_actions (SpWindow *self)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.undo",
                                 sp_undo_stack_can_undo (self->undo));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.redo",
                                 sp_undo_stack_can_redo (self->undo));
}

/* Whether a pointer button is down: a drag goes on. */
static gboolean
pointer_pressed (SpWindow *self)
{
  GdkSeat *seat = gdk_display_get_default_seat (gtk_widget_get_display (GTK_WIDGET (self)));
  GdkDevice *pointer = seat != NULL ? gdk_seat_get_pointer (seat) : NULL;

  return pointer != NULL &&
         (gdk_device_get_modifier_state (pointer) &
          (GDK_BUTTON1_MASK | GDK_BUTTON2_MASK | GDK_BUTTON3_MASK)) != 0;
}

static gboolean
commit_cb (gpointer user_data)
{
  SpWindow *self = user_data;

  if (pointer_pressed (self))
    return G_SOURCE_CONTINUE;
  self->undo_commit_id = 0;
  sp_undo_stack_commit (self->undo);
  return G_SOURCE_REMOVE;
}

static void
record (SpWindow   *self,
        const char *key)
{
  g_auto(SpSession) now = { 0 };

  if (self->undo == NULL || self->undo_restoring)
    return;
  sp_document_get_session (self->document, &now);
  sp_undo_stack_changed (self->undo, &now, key);
  g_clear_handle_id (&self->undo_commit_id, g_source_remove);
  if (sp_undo_stack_is_open (self->undo))
    self->undo_commit_id = g_timeout_add (COMMIT_PAUSE_MS, commit_cb, self);
}

static void
params_notify_cb (SpWindow   *self,
                  GParamSpec *pspec)
{
  if (g_str_equal (pspec->name, "presentation"))
    return;
  if (self->undo_batch_key == NULL)
    self->undo_batch_key = g_strdup (pspec->name);
  else if (!g_str_equal (self->undo_batch_key, pspec->name))
    self->undo_batch_multi = TRUE;
}

static void
params_changed_cb (SpWindow *self)
{
  g_autofree char *key = g_steal_pointer (&self->undo_batch_key);
  gboolean multi = self->undo_batch_multi;

  self->undo_batch_multi = FALSE;
  /* A batch of several (a preset): a step of its own. */
  record (self, multi ? NULL : key);
}

static void
page_state_changed_cb (SpWindow  *self,
                       SpLabPage *page)
{
  g_autofree char *key = g_strconcat ("page:", sp_lab_page_get_page_name (page), NULL);

  record (self, key);
}

void
sp_window_undo_add_page (SpWindow  *self,
                         SpLabPage *page)
{
  g_signal_connect_object (page, "state-changed", G_CALLBACK (page_state_changed_cb), self,
                           G_CONNECT_SWAPPED);
  /* Its state now is no change. */
  if (self->undo != NULL && !sp_undo_stack_can_undo (self->undo))
    {
      g_auto(SpSession) now = { 0 };

      sp_document_get_session (self->document, &now);
      sp_undo_stack_reset (self->undo, &now);
    }
}

static gboolean
show_state (SpWindow      *self,
            gconstpointer  state)
{
  g_autoptr(GError) error = NULL;
  gboolean shown;

  if (state == NULL)
    return FALSE;
  self->undo_restoring = TRUE;
  shown = sp_document_restore (self->document, state, &error);
  self->undo_restoring = FALSE;
  if (!shown)
    adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (error->message));
  return shown;
}

gboolean
sp_window_undo (SpWindow *self)
{
  g_return_val_if_fail (SP_IS_WINDOW (self), FALSE);

  g_clear_handle_id (&self->undo_commit_id, g_source_remove);
  return show_state (self, sp_undo_stack_undo (self->undo));
}

gboolean
sp_window_redo (SpWindow *self)
{
  g_return_val_if_fail (SP_IS_WINDOW (self), FALSE);

  g_clear_handle_id (&self->undo_commit_id, g_source_remove);
  return show_state (self, sp_undo_stack_redo (self->undo));
}

SpUndoStack *
sp_window_get_undo_stack (SpWindow *self)
{
  g_return_val_if_fail (SP_IS_WINDOW (self), NULL);
  return self->undo;
}

void
sp_window_undo_init (SpWindow *self)
{
  g_auto(SpSession) now = { 0 };

  sp_document_get_session (self->document, &now);
  self->undo = sp_undo_stack_new (&now, session_copy, (GDestroyNotify) sp_session_free,
                                  session_equal);
  g_signal_connect_object (self->undo, "notify::can-undo", G_CALLBACK (update_actions), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->undo, "notify::can-redo", G_CALLBACK (update_actions), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->params, "notify", G_CALLBACK (params_notify_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->params, "changed", G_CALLBACK (params_changed_cb), self,
                           G_CONNECT_SWAPPED);
  for (guint p = 0; p < self->pages->len; p++)
    g_signal_connect_object (g_ptr_array_index (self->pages, p), "state-changed",
                             G_CALLBACK (page_state_changed_cb), self, G_CONNECT_SWAPPED);
  update_actions (self);
}

void
sp_window_undo_dispose (SpWindow *self)
{
  g_clear_handle_id (&self->undo_commit_id, g_source_remove);
  g_clear_pointer (&self->undo_batch_key, g_free);
  g_clear_object (&self->undo);
}
