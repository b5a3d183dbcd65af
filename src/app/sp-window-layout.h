/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sp-window-layout.h — how the figure grids reflow with the window's width */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Columns of the overview for a content area @width wide: 3 (3 × 2),
 * 2 (2 × 3) or 1 (one scrolling column). */
guint sp_window_layout_columns    (int         width);
/* Puts @views[0 … n) row-major into @columns columns of @grid, with a
 * minimum card height that makes a too-short window scroll rather than
 * squash the figures. */
void  sp_window_layout_overview   (GtkGrid    *grid,
                                   GtkWidget **views,
                                   guint       n,
                                   guint       columns);
/* Presentation mode's focus layout: only @views[@first] and @views[@second],
 * large, one above the other or (@stacked FALSE) side by side; the rest
 * hidden until sp_window_layout_overview() shows them again. */
void  sp_window_layout_focus      (GtkGrid    *grid,
                                   GtkWidget **views,
                                   guint       n,
                                   guint       first,
                                   guint       second,
                                   gboolean    stacked);
/* Whether an area @width × @height stacks the two focus figures. */
gboolean sp_window_layout_focus_stacked (int width,
                                         int height);
/* The simulation page: the field large on the left and the diagnostics
 * stacked on the right, or (one column) the field on top of them. */
void  sp_window_layout_simulation (GtkGrid    *grid,
                                   GtkWidget  *field,
                                   GtkWidget **side,
                                   guint       n_side,
                                   guint       columns);

G_END_DECLS
