/* sp-window-shortcuts.h — the window's keyboard shortcuts, wherever the
 * focus is
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Adds the window-wide shortcuts (README's table, the shortcuts window)
 * as one capture-phase controller on @self: they run before the focused
 * widget sees the key, so a spin button's text (Ctrl+. would insert an
 * emoji) or a scale cannot swallow them.  F10 pops up @primary_menu. */
void    sp_window_shortcuts_init      (GtkWidget          *self,
                                       GtkMenuButton      *primary_menu);
/* Alt+1 … Alt+9 (either row of digits) show the pages named in
 * @page_names (NULL-terminated, every lab's pages in order) through
 * win.show-page; replaces the previous list. */
void    sp_window_shortcuts_set_pages (GtkWidget          *self,
                                       const char * const *page_names);

G_END_DECLS
