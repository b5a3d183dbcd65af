/* sp-window-style.c — the light, dark or system style, chosen in the app
 *
 * A projector in a bright room wants the light style whatever the laptop's
 * desktop says, a dark lecture hall the dark one.  The choice is one
 * string in the settings, shown as three radio items; AdwStyleManager does
 * the rest (the figures follow it: sp-plot-view.c).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "sp-window-style.h"

static AdwColorScheme
scheme_from_id (const char *id)
{
  if (g_strcmp0 (id, "light") == 0)
    return ADW_COLOR_SCHEME_FORCE_LIGHT;
  if (g_strcmp0 (id, "dark") == 0)
    return ADW_COLOR_SCHEME_FORCE_DARK;
  return ADW_COLOR_SCHEME_DEFAULT;
}

static void
apply (GVariant *state)
{
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                      scheme_from_id (g_variant_get_string (state, NULL)));
}

/* The settings changed (this window's menu, another window's, dconf):
 * the radio items and the style follow. */
static void
settings_changed_cb (GSettings     *settings,
                     const char    *key,
                     GSimpleAction *action)
{
  g_autoptr(GVariant) value = g_settings_get_value (settings, key);

  g_simple_action_set_state (action, value);
  apply (value);
}

/* A radio item: into the settings when there are any, else for this run. */
static void
change_state_cb (GSimpleAction *action,
                 GVariant      *state,
                 gpointer       user_data)
{
  GSettings *settings = user_data;
  const char *id = g_variant_get_string (state, NULL);

  /* Only the three the menu offers (the settings would refuse others
   * with a critical). */
  if (g_strcmp0 (id, "default") != 0 && g_strcmp0 (id, "light") != 0 && g_strcmp0 (id, "dark") != 0)
    return;
  if (settings != NULL)
    {
      /* settings_changed_cb applies it. */
      g_settings_set_value (settings, "color-scheme", state);
      return;
    }
  g_simple_action_set_state (action, state);
  apply (state);
}

void
sp_window_style_init (SpWindow  *self,
                      GSettings *settings)
{
  g_autoptr(GVariant) initial = settings != NULL ? g_settings_get_value (settings, "color-scheme")
                                                 : g_variant_ref_sink (g_variant_new_string ("default"));
  g_autoptr(GSimpleAction) action = NULL;

  g_return_if_fail (SP_IS_WINDOW (self));

  action = g_simple_action_new_stateful ("color-scheme", G_VARIANT_TYPE_STRING, initial);
  g_signal_connect (action, "change-state", G_CALLBACK (change_state_cb), settings);
  if (settings != NULL)
    g_signal_connect_object (settings, "changed::color-scheme",
                             G_CALLBACK (settings_changed_cb), action, 0);
  g_action_map_add_action (G_ACTION_MAP (self), G_ACTION (action));
  apply (initial);
}
