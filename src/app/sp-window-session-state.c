/* sp-window-session-state.c — the window's session state: which file,
 * whether the parameters have unsaved changes, the title that shows both,
 * and one operation at a time (the flows are in sp-window-session.c)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "sp-params-session.h"

#include "sp-window-session-private.h"

#define STATE_KEY "sp-window-session"

SpWindowSessionState *
sp_window_session_state (SpWindow *self)
{
  return g_object_get_data (G_OBJECT (self), STATE_KEY);
}

static void
session_state_free (gpointer data)
{
  SpWindowSessionState *state = data;

  g_cancellable_cancel (state->cancellable);
  g_clear_object (&state->cancellable);
  g_clear_handle_id (&state->title_idle, g_source_remove);
  g_clear_object (&state->file);
  g_clear_object (&state->saving_file);
  g_clear_object (&state->pending_file);
  g_clear_pointer (&state->saving, sp_session_free);
  g_clear_pointer (&state->pending, sp_session_free);
  sp_session_clear (&state->saved);
  sp_session_clear (&state->pristine);
  g_free (state);
}

char *
sp_window_session_display_name (GFile *file)
{
  g_autofree char *basename = g_file_get_basename (file);

  return basename != NULL ? g_filename_display_name (basename) : g_file_get_parse_name (file);
}

/* The parameters as a session ----------------------------------------------- */

void
sp_window_session_current (SpWindowSessionState *state,
                           SpSession            *session)
{
  sp_params_get_session (sp_window_get_params (state->window), &state->saved, session);
  if (state->no_preset)
    g_clear_pointer (&session->preset, g_free);
}

/* Untitled work is compared with a fresh set of parameters on its preset. */
void
sp_window_session_update_pristine (SpWindowSessionState *state)
{
  const char *preset = sp_params_get_preset (sp_window_get_params (state->window));
  g_autoptr(SpParams) fresh = sp_params_new ();

  if (preset != NULL && *preset != '\0')
    sp_params_load_preset (fresh, preset, NULL);
  sp_session_clear (&state->pristine);
  sp_params_get_session (fresh, NULL, &state->pristine);
  g_free (state->pristine.preset);
  state->pristine.preset = g_strdup (preset);
}

static AdwViewSwitcherTitle *
switcher_title (SpWindowSessionState *state)
{
  return ADW_VIEW_SWITCHER_TITLE (gtk_widget_get_template_child (GTK_WIDGET (state->window),
                                                                 SP_TYPE_WINDOW,
                                                                 "switcher_title"));
}

/* "~/Documents" for the header bar's subtitle. */
static char *
folder_name (GFile *file)
{
  g_autoptr(GFile) parent = g_file_get_parent (file);
  g_autoptr(GFile) home = g_file_new_for_path (g_get_home_dir ());
  g_autofree char *relative = NULL;

  if (parent == NULL)
    return g_strdup ("");
  if (g_file_equal (parent, home))
    return g_strdup ("~");
  relative = g_file_get_relative_path (home, parent);
  if (relative != NULL)
    return g_build_filename ("~", relative, NULL);
  return g_file_get_parse_name (parent);
}

/* Wide, the header bar's middle is the page switcher, so the file's name
 * has a title of its own at the start; narrow, the switcher moves to the
 * bottom and the middle shows the name. */
void
sp_window_session_update_title (SpWindowSessionState *state)
{
  g_autofree char *name = NULL;
  g_autofree char *shown = NULL;
  g_autofree char *window_title = NULL;
  g_autofree char *folder = NULL;

  if (state->file == NULL)
    {
      adw_view_switcher_title_set_title (switcher_title (state), _("Spinodal"));
      adw_window_title_set_title (state->file_title, "");
      adw_window_title_set_subtitle (state->file_title, "");
      gtk_window_set_title (GTK_WINDOW (state->window), _("Spinodal"));
      return;
    }

  name = sp_window_session_display_name (state->file);
  /* Translators: the title of a session file with unsaved changes. */
  shown = state->modified ? g_strdup_printf (_("• %s"), name) : g_strdup (name);
  /* Translators: the window's title in the window list: the session file, then the app. */
  window_title = g_strdup_printf (_("%s — Spinodal"), shown);
  folder = folder_name (state->file);
  adw_view_switcher_title_set_title (switcher_title (state), shown);
  adw_window_title_set_title (state->file_title, shown);
  adw_window_title_set_subtitle (state->file_title, folder);
  gtk_window_set_title (GTK_WINDOW (state->window), window_title);
}

void
sp_window_session_update_modified (SpWindowSessionState *state)
{
  g_auto(SpSession) now = { 0 };
  gboolean modified;

  sp_window_session_current (state, &now);
  modified = !sp_session_equal (&now, state->file != NULL ? &state->saved : &state->pristine);
  if (modified == state->modified)
    return;
  state->modified = modified;
  sp_window_session_update_title (state);
}

static void
params_notify_cb (SpWindow   *self,
                  GParamSpec *pspec,
                  SpParams   *params)
{
  SpWindowSessionState *state = sp_window_session_state (self);

  /* Presentation mode is how the window looks, not part of the session. */
  if (state->applying || g_str_equal (pspec->name, "presentation"))
    return;
  if (g_str_equal (pspec->name, "preset"))
    {
      state->no_preset = FALSE;
      sp_window_session_update_pristine (state);
    }
  sp_window_session_update_modified (state);
}

/* One operation at a time --------------------------------------------------- */

void
sp_window_session_set_busy (SpWindowSessionState *state,
                            gboolean              busy)
{
  static const char *actions[] = { "open", "save", "save-as" };

  state->busy = busy;
  for (guint i = 0; i < G_N_ELEMENTS (actions); i++)
    g_simple_action_set_enabled (G_SIMPLE_ACTION (g_action_map_lookup_action (G_ACTION_MAP (state->window),
                                                                              actions[i])),
                                 !busy);
  /* Last, as it may destroy the window (the callbacks hold a reference). */
  if (!busy && state->close_pending)
    {
      state->close_pending = FALSE;
      gtk_window_close (GTK_WINDOW (state->window));
    }
}

static gboolean
sync_file_title (gpointer user_data)
{
  SpWindowSessionState *state = user_data;

  state->title_idle = 0;
  gtk_widget_set_visible (GTK_WIDGET (state->file_title),
                          !adw_view_switcher_title_get_title_visible (switcher_title (state)));
  return G_SOURCE_REMOVE;
}

/* The switcher title changes its mind inside its allocation: showing or
 * hiding a sibling there would re-enter it, so after it, at most one idle. */
static void
title_visible_cb (SpWindow *self)
{
  SpWindowSessionState *state = sp_window_session_state (self);

  if (state->title_idle == 0)
    state->title_idle = g_idle_add_full (G_PRIORITY_HIGH_IDLE, sync_file_title, state, NULL);
}

SpWindowSessionState *
sp_window_session_state_new (SpWindow *self)
{
  SpWindowSessionState *state = g_new0 (SpWindowSessionState, 1);

  state->window = self;
  state->cancellable = g_cancellable_new ();
  sp_session_init_default (&state->saved);
  sp_session_init_default (&state->pristine);
  g_object_set_data_full (G_OBJECT (self), STATE_KEY, state, session_state_free);

  g_signal_connect_object (sp_window_get_params (self), "notify",
                           G_CALLBACK (params_notify_cb), self, G_CONNECT_SWAPPED);

  state->file_title = ADW_WINDOW_TITLE (adw_window_title_new ("", ""));
  gtk_widget_add_css_class (GTK_WIDGET (state->file_title), "session-title");
  adw_header_bar_pack_start (ADW_HEADER_BAR (gtk_widget_get_ancestor (GTK_WIDGET (switcher_title (state)),
                                                                      ADW_TYPE_HEADER_BAR)),
                             GTK_WIDGET (state->file_title));
  sync_file_title (state);
  g_signal_connect_object (switcher_title (state), "notify::title-visible",
                           G_CALLBACK (title_visible_cb), self, G_CONNECT_SWAPPED);

  sp_window_session_update_pristine (state);
  state->modified = TRUE;
  sp_window_session_update_modified (state);
  sp_window_session_update_title (state);
  return state;
}
