/* sp-simulation-page.c — the Simulation page: the field large on the left
 * and the diagnostics stacked on the right, or (one column) the field on
 * top of them (sp-window-layout.c places them).  A driven run swaps L(t)
 * and S(k, t) for the voltage trace V(c̄) and V(t): the point of charging
 * the particle is the field and its voltage side by side.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "sp-simulation-page.h"
#include "sp-param-panel.h"
#include "sp-window-layout.h"

struct _SpSimulationPage
{
  SpLabPage   parent_instance;

  guint       columns;          /* as last placed, 0 before the first layout */
  GtkGrid    *simulation_grid;
  SpPlotView *field_sim_view;
  SpPlotView *energy_view;
  SpPlotView *coarsening_view;
  SpPlotView *structure_view;
  SpPlotView *voltage_trace_view;
  SpPlotView *voltage_time_view;
  gboolean    driven;
};

G_DEFINE_FINAL_TYPE (SpSimulationPage, sp_simulation_page, SP_TYPE_LAB_PAGE)

/* A hidden figure still counts its grid column (the columns are
 * homogeneous): it waits in the first cell, which every layout has. */
static void
park (GtkGrid   *grid,
      GtkWidget *figure)
{
  GtkLayoutManager *manager = gtk_widget_get_layout_manager (GTK_WIDGET (grid));
  GtkGridLayoutChild *lc =
    GTK_GRID_LAYOUT_CHILD (gtk_layout_manager_get_layout_child (manager, figure));

  gtk_widget_set_visible (figure, FALSE);
  gtk_grid_layout_child_set_column (lc, 0);
  gtk_grid_layout_child_set_row (lc, 0);
  gtk_grid_layout_child_set_column_span (lc, 1);
  gtk_grid_layout_child_set_row_span (lc, 1);
}

static void
sp_simulation_page_relayout (SpLabPage *page)
{
  SpSimulationPage *self = SP_SIMULATION_PAGE (page);
  GtkWidget *closed[] = {
    GTK_WIDGET (self->energy_view), GTK_WIDGET (self->coarsening_view),
    GTK_WIDGET (self->structure_view),
  };
  GtkWidget *driven[] = {
    GTK_WIDGET (self->voltage_trace_view), GTK_WIDGET (self->voltage_time_view),
    GTK_WIDGET (self->energy_view),
  };
  GtkWidget **side = self->driven ? driven : closed;
  int width;
  guint columns;

  sp_lab_page_get_area (page, &width, NULL);
  columns = sp_window_layout_columns (width);
  if (columns == self->columns)
    return;
  self->columns = columns;
  for (guint i = 0; i < G_N_ELEMENTS (closed); i++)
    {
      GtkWidget *hidden = self->driven ? closed[i] : driven[i];

      if (hidden != GTK_WIDGET (self->energy_view))
        park (self->simulation_grid, hidden);
      gtk_widget_set_visible (side[i], TRUE);
    }
  sp_window_layout_simulation (self->simulation_grid, GTK_WIDGET (self->field_sim_view),
                               side, G_N_ELEMENTS (closed), columns);
}

void
sp_simulation_page_set_driven (SpSimulationPage *self,
                               gboolean          driven)
{
  g_return_if_fail (SP_IS_SIMULATION_PAGE (self));

  driven = !!driven;
  if (self->driven == driven)
    return;
  self->driven = driven;
  /* Placed again whatever the width. */
  self->columns = 0;
  sp_lab_page_queue_relayout (SP_LAB_PAGE (self));
}

gboolean
sp_simulation_page_get_driven (SpSimulationPage *self)
{
  g_return_val_if_fail (SP_IS_SIMULATION_PAGE (self), FALSE);
  return self->driven;
}

/* The lab's parameter panel, shared with the lab's other page (both
 * have the panel name "phase-separation"): made by the first of them. */
static GtkWidget *
sp_simulation_page_create_panel (SpLabPage *page)
{
  return sp_param_panel_new ();
}

static void
sp_simulation_page_class_init (SpSimulationPageClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  SpLabPageClass *page_class = SP_LAB_PAGE_CLASS (klass);

  page_class->relayout = sp_simulation_page_relayout;
  page_class->create_panel = sp_simulation_page_create_panel;

  g_type_ensure (SP_TYPE_PLOT_VIEW);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/spinodal/Spinodal/sp-simulation-page.ui");
  gtk_widget_class_bind_template_child (widget_class, SpSimulationPage, simulation_grid);
  gtk_widget_class_bind_template_child (widget_class, SpSimulationPage, field_sim_view);
  gtk_widget_class_bind_template_child (widget_class, SpSimulationPage, energy_view);
  gtk_widget_class_bind_template_child (widget_class, SpSimulationPage, coarsening_view);
  gtk_widget_class_bind_template_child (widget_class, SpSimulationPage, structure_view);
}

static void
sp_simulation_page_init (SpSimulationPage *self)
{
  SpLabPage *page = SP_LAB_PAGE (self);

  gtk_widget_init_template (GTK_WIDGET (self));
  /* Made here rather than in the template, by their kinds' names. */
  self->voltage_trace_view = SP_PLOT_VIEW (sp_plot_view_new (SP_FIGURE_VOLTAGE_TRACE));
  self->voltage_time_view = SP_PLOT_VIEW (sp_plot_view_new (SP_FIGURE_VOLTAGE_TIME));
  gtk_widget_set_visible (GTK_WIDGET (self->voltage_trace_view), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->voltage_time_view), FALSE);
  gtk_grid_attach (self->simulation_grid, GTK_WIDGET (self->voltage_trace_view), 0, 0, 1, 1);
  gtk_grid_attach (self->simulation_grid, GTK_WIDGET (self->voltage_time_view), 0, 0, 1, 1);
  sp_lab_page_add_figure (page, self->field_sim_view);
  sp_lab_page_add_figure (page, self->energy_view);
  sp_lab_page_add_figure (page, self->coarsening_view);
  sp_lab_page_add_figure (page, self->structure_view);
  sp_lab_page_add_figure (page, self->voltage_trace_view);
  sp_lab_page_add_figure (page, self->voltage_time_view);
}
