/* sp-window-style.h — the light, dark or system style, chosen in the app
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "sp-window.h"

G_BEGIN_DECLS

/* Adds win.color-scheme ("default", "light" or "dark", the primary menu's
 * Style submenu), kept in @settings' "color-scheme" key (NULL: for this
 * run only), and applies it to the application's AdwStyleManager. */
void    sp_window_style_init   (SpWindow  *self,
                                GSettings *settings);

G_END_DECLS
