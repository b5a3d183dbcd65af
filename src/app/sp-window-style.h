/* sp-window-style.h — the light, dark or system style, chosen in the app
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Whether @id is a style the Style submenu offers: "default" (follow the
 * system), "light" or "dark". */
gboolean sp_window_style_is_valid (const char *id);
/* Applies the style @id (a valid one) to the application's
 * AdwStyleManager, so every window and figure follows it. */
void     sp_window_style_apply    (const char *id);

G_END_DECLS
