/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sp-window-layout.c — how the figure grids reflow with the window's width
 *
 * GTK 4.8 and libadwaita 1.2 have no breakpoints, so the window measures
 * its content area after each allocation and, when the column count should
 * change, moves the cards in an idle (sp-window.c).  A projector at
 * 1280 × 720 keeps 3 × 2; a half-screen window gets 2 × 3; a phone-narrow
 * one a single scrolling column.
 */

#include "config.h"

#include "sp-window-layout.h"

/* A card narrower than this squeezes its axes labels together. */
#define MIN_CARD_WIDTH 250

guint
sp_window_layout_columns (int width)
{
  if (width >= 3 * MIN_CARD_WIDTH + 60)
    return 3;
  if (width >= 2 * MIN_CARD_WIDTH + 40)
    return 2;
  return 1;
}

static void
place (GtkGrid   *grid,
       GtkWidget *child,
       int        column,
       int        row,
       int        width,
       int        height)
{
  GtkLayoutManager *manager = gtk_widget_get_layout_manager (GTK_WIDGET (grid));
  GtkGridLayoutChild *lc = GTK_GRID_LAYOUT_CHILD (gtk_layout_manager_get_layout_child (manager, child));

  gtk_grid_layout_child_set_column (lc, column);
  gtk_grid_layout_child_set_row (lc, row);
  gtk_grid_layout_child_set_column_span (lc, width);
  gtk_grid_layout_child_set_row_span (lc, height);
}

/* The height below which a card scrolls instead (in one or two columns
 * the window is usually too short for all rows). */
static int
min_card_height (guint columns)
{
  return columns >= 3 ? -1 : columns == 2 ? 230 : 270;
}

void
sp_window_layout_overview (GtkGrid    *grid,
                           GtkWidget **views,
                           guint       n,
                           guint       columns)
{
  g_return_if_fail (GTK_IS_GRID (grid));
  g_return_if_fail (columns >= 1);

  for (guint i = 0; i < n; i++)
    {
      gtk_widget_set_visible (views[i], TRUE);
      place (grid, views[i], i % columns, i / columns, 1, 1);
      gtk_widget_set_size_request (views[i], -1, min_card_height (columns));
    }
}

/* Presentation mode: a figure shorter than this loses its legend or squeezes
 * its ticks at 1.45 × text; the area scrolls instead. */
#define MIN_FOCUS_HEIGHT 250
/* Side by side only when each figure would still be about as wide as it
 * is tall. */
#define SIDE_BY_SIDE_ASPECT 1.6

gboolean
sp_window_layout_focus_stacked (int width,
                                int height)
{
  return width < SIDE_BY_SIDE_ASPECT * height;
}

void
sp_window_layout_focus (GtkGrid    *grid,
                        GtkWidget **views,
                        guint       n,
                        guint       first,
                        guint       second,
                        gboolean    stacked)
{
  g_return_if_fail (GTK_IS_GRID (grid));
  g_return_if_fail (first < n && second < n && first != second);

  /* The hidden figures go into the first cell: a grid with homogeneous
   * rows counts the rows of its hidden children when it measures, so a
   * figure left at row 5 of the one-column layout made the two shown
   * figures a third of a screen taller than the area each, half of them
   * scrolled out of sight. */
  for (guint i = 0; i < n; i++)
    {
      gtk_widget_set_visible (views[i], i == first || i == second);
      if (i != first && i != second)
        place (grid, views[i], 0, 0, 1, 1);
    }
  place (grid, views[first], 0, 0, 1, 1);
  place (grid, views[second], stacked ? 0 : 1, stacked ? 1 : 0, 1, 1);
  gtk_widget_set_size_request (views[first], -1, MIN_FOCUS_HEIGHT);
  gtk_widget_set_size_request (views[second], -1, MIN_FOCUS_HEIGHT);
}

void
sp_window_layout_simulation (GtkGrid    *grid,
                             GtkWidget  *field,
                             GtkWidget **side,
                             guint       n_side,
                             guint       columns)
{
  g_return_if_fail (GTK_IS_GRID (grid));

  if (columns >= 2)
    {
      /* Three columns: the field takes two; two: half, so the diagnostics
       * beside it stay readable. */
      place (grid, field, 0, 0, columns - 1, n_side);
      gtk_widget_set_size_request (field, -1, -1);
      for (guint i = 0; i < n_side; i++)
        {
          place (grid, side[i], columns - 1, i, 1, 1);
          gtk_widget_set_size_request (side[i], -1, -1);
        }
      return;
    }
  /* One column: the field gets two rows, each diagnostic one. */
  place (grid, field, 0, 0, 1, 2);
  gtk_widget_set_size_request (field, -1, 2 * min_card_height (1));
  for (guint i = 0; i < n_side; i++)
    {
      place (grid, side[i], 0, 2 + i, 1, 1);
      gtk_widget_set_size_request (side[i], -1, min_card_height (1));
    }
}
