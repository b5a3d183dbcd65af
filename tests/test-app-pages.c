/* test-app-pages.c — the lab page contract (sp-lab-page.h) and the two
 * pages that follow it: each names itself, registers its figures in
 * Export's order, and lays them out from the area and presentation mode
 * it is handed, without a window around it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>

#include "sp-gsl.h"
#include "sp-overview-page.h"
#include "sp-simulation-page.h"

/* A page inside a plain window, so its figures are realized as in the
 * app (the page itself never needs SpWindow). */
static SpLabPage *
show_page (GType       type,
           GtkWindow **window)
{
  SpLabPage *page = g_object_new (type, NULL);

  *window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (*window, 1000, 700);
  gtk_window_set_child (*window, GTK_WIDGET (page));
  gtk_window_present (*window);
  while (!gtk_widget_get_mapped (GTK_WIDGET (page)))
    g_main_context_iteration (NULL, TRUE);
  return page;
}

static void
wait_for_layout (void)
{
  /* The relayout runs in one high-priority idle. */
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static void
assert_figure_kinds (SpLabPage          *page,
                     const SpFigureKind *kinds,
                     guint               n)
{
  GPtrArray *figures = sp_lab_page_get_figures (page);

  g_assert_cmpuint (figures->len, ==, n);
  for (guint i = 0; i < n; i++)
    g_assert_cmpint (sp_plot_view_get_kind (g_ptr_array_index (figures, i)), ==, kinds[i]);
}

static void
grid_cell (GtkWidget *figure,
           int       *column,
           int       *row,
           int       *column_span)
{
  GtkWidget *grid = gtk_widget_get_parent (figure);
  GtkLayoutManager *manager = gtk_widget_get_layout_manager (grid);
  GtkGridLayoutChild *lc = GTK_GRID_LAYOUT_CHILD (gtk_layout_manager_get_layout_child (manager, figure));

  *column = gtk_grid_layout_child_get_column (lc);
  *row = gtk_grid_layout_child_get_row (lc);
  *column_span = gtk_grid_layout_child_get_column_span (lc);
}

static void
test_overview (void)
{
  static const SpFigureKind kinds[] = {
    SP_FIGURE_FREE_ENERGY, SP_FIGURE_OCV, SP_FIGURE_PHASE_DIAGRAM, SP_FIGURE_DIFFUSIVITY,
    SP_FIGURE_DISPERSION, SP_FIGURE_FIELD,
  };
  GtkWindow *window;
  SpLabPage *page = show_page (SP_TYPE_OVERVIEW_PAGE, &window);
  GPtrArray *figures = sp_lab_page_get_figures (page);
  GtkWidget *phase = g_ptr_array_index (figures, 2);
  GtkWidget *field = g_ptr_array_index (figures, 5);
  GtkWidget *focus_bar = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (page),
                                                                     SP_TYPE_OVERVIEW_PAGE,
                                                                     "focus_bar"));
  int column, row, span;

  g_assert_cmpstr (sp_lab_page_get_page_name (page), ==, "overview");
  g_assert_cmpstr (sp_lab_page_get_title (page), ==, "_Overview");
  g_assert_cmpstr (sp_lab_page_get_icon_name (page), ==, "view-grid-symbolic");
  assert_figure_kinds (page, kinds, G_N_ELEMENTS (kinds));

  /* Wide: 3 × 2 in grid order (g, OCV, field / phase, D, σ). */
  sp_lab_page_set_area (page, 1000, 700);
  wait_for_layout ();
  grid_cell (field, &column, &row, &span);
  g_assert_cmpint (column, ==, 2);
  g_assert_cmpint (row, ==, 0);
  grid_cell (phase, &column, &row, &span);
  g_assert_cmpint (column, ==, 0);
  g_assert_cmpint (row, ==, 1);

  /* Narrow: one column, the phase diagram fourth. */
  sp_lab_page_set_area (page, 400, 700);
  wait_for_layout ();
  grid_cell (phase, &column, &row, &span);
  g_assert_cmpint (column, ==, 0);
  g_assert_cmpint (row, ==, 3);

  /* Presentation mode: the focus bar, and only g(c) and the phase
   * diagram, side by side in a wide area. */
  g_assert_false (gtk_widget_get_visible (focus_bar));
  sp_lab_page_set_presentation (page, TRUE);
  g_assert_true (gtk_widget_get_visible (focus_bar));
  sp_lab_page_set_area (page, 1600, 700);
  wait_for_layout ();
  for (guint i = 0; i < figures->len; i++)
    g_assert_cmpint (gtk_widget_get_visible (g_ptr_array_index (figures, i)), ==,
                     i == 0 || i == 2);
  grid_cell (phase, &column, &row, &span);
  g_assert_cmpint (column, ==, 1);
  g_assert_cmpint (row, ==, 0);

  sp_lab_page_set_presentation (page, FALSE);
  wait_for_layout ();
  g_assert_false (gtk_widget_get_visible (focus_bar));
  for (guint i = 0; i < figures->len; i++)
    g_assert_true (gtk_widget_get_visible (g_ptr_array_index (figures, i)));

  gtk_window_destroy (window);
}

static void
test_simulation (void)
{
  static const SpFigureKind kinds[] = {
    SP_FIGURE_FIELD, SP_FIGURE_ENERGY, SP_FIGURE_COARSENING, SP_FIGURE_STRUCTURE,
  };
  GtkWindow *window;
  SpLabPage *page = show_page (SP_TYPE_SIMULATION_PAGE, &window);
  GPtrArray *figures = sp_lab_page_get_figures (page);
  GtkWidget *field = g_ptr_array_index (figures, 0);
  GtkWidget *structure = g_ptr_array_index (figures, 3);
  int column, row, span;

  g_assert_cmpstr (sp_lab_page_get_page_name (page), ==, "simulation");
  g_assert_cmpstr (sp_lab_page_get_title (page), ==, "_Simulation");
  g_assert_cmpstr (sp_lab_page_get_icon_name (page), ==, "media-playback-start-symbolic");
  assert_figure_kinds (page, kinds, G_N_ELEMENTS (kinds));
  for (guint i = 0; i < figures->len; i++)
    g_assert_true (sp_plot_view_shows_simulation (g_ptr_array_index (figures, i)));

  /* Three columns: the field takes two, the diagnostics the third. */
  sp_lab_page_set_area (page, 1000, 700);
  wait_for_layout ();
  grid_cell (field, &column, &row, &span);
  g_assert_cmpint (span, ==, 2);
  grid_cell (structure, &column, &row, &span);
  g_assert_cmpint (column, ==, 2);
  g_assert_cmpint (row, ==, 2);

  /* One column: the field on top (two rows), S(k, t) last. */
  sp_lab_page_set_area (page, 400, 700);
  wait_for_layout ();
  grid_cell (structure, &column, &row, &span);
  g_assert_cmpint (column, ==, 0);
  g_assert_cmpint (row, ==, 4);

  gtk_window_destroy (window);
}

int
main (int   argc,
      char *argv[])
{
  sp_gsl_init ();
  g_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/app/pages/overview", test_overview);
  g_test_add_func ("/app/pages/simulation", test_simulation);
  return g_test_run ();
}
