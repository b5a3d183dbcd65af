/* sp-window-export.h — the window's Export menu: figures, data, the
 * clipboard (recording the live simulation: sp-window-recording.c)
 *
 * Which figure the user is looking at and every figure's context menu
 * (the figure menu of sp-window.ui): sp_window_export_init(), declared
 * with the window's other parts in sp-window-private.h.  The
 * actions (win.export-figure, win.export-data, win.copy-figure) are
 * installed in sp-window-actions.c.  The chooser-free functions below are
 * what the actions do once a file is chosen; the tests call them directly.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "sp-export.h"
#include "sp-plot-view.h"
#include "sp-window.h"

G_BEGIN_DECLS

/* Called once from the window's init, after its template. */
/* The figure the actions act on: the one under the pointer, else the one
 * last clicked or focused on the page on show, else that page's first. */
SpPlotView    *sp_window_export_get_current_view  (SpWindow                *self);

/* Writes @kind (SP_FIGURE_ALL and SP_EXPORT_FIGURE_DIAGNOSTICS included)
 * as @format to @path at the default size in the light print style, off
 * the main thread; the outcome is a toast. */
void           sp_window_export_to_path           (SpWindow                *self,
                                                   SpFigureKind             kind,
                                                   const char              *path,
                                                   SpExportFormat           format);

/* Puts @view's figure on the clipboard as drawn on screen: its size, its
 * style, the display's scale factor.  Then the toast "Figure copied". */
void           sp_window_export_copy_view         (SpWindow                *self,
                                                   SpPlotView              *view);

G_END_DECLS
