/* sp-window-style.c — the light, dark or system style, chosen in the app
 *
 * A projector in a bright room wants the light style whatever the laptop's
 * desktop says, a dark lecture hall the dark one.  The choice is one
 * string, the window's "color-scheme" property: win.color-scheme shows it
 * as three radio items (sp-window-actions.c) and the settings keep it
 * (sp-window.c binds them); AdwStyleManager does the rest (the figures
 * follow it: sp-plot-view.c).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>

#include "sp-window-style.h"

gboolean
sp_window_style_is_valid (const char *id)
{
  /* Only the three the menu offers (the settings would refuse others
   * with a critical). */
  return g_strcmp0 (id, "default") == 0 || g_strcmp0 (id, "light") == 0
         || g_strcmp0 (id, "dark") == 0;
}

void
sp_window_style_apply (const char *id)
{
  AdwColorScheme scheme = ADW_COLOR_SCHEME_DEFAULT;

  g_return_if_fail (sp_window_style_is_valid (id));

  if (g_strcmp0 (id, "light") == 0)
    scheme = ADW_COLOR_SCHEME_FORCE_LIGHT;
  else if (g_strcmp0 (id, "dark") == 0)
    scheme = ADW_COLOR_SCHEME_FORCE_DARK;
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), scheme);
}
