/* sp-overview-page.c — the Overview page: the analysis figures and the
 * live field in a grid of 3 × 2, 2 × 3 or one column (sp-window-layout.c);
 * in presentation mode only two of them, large, which its focus bar picks
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "sp-overview-page.h"
#include "sp-param-panel.h"
#include "sp-window-layout.h"

/* The figures in grid order; the focus drop-downs list them so. */
#define N_OVERVIEW 6

/* g(c) and the phase diagram by default: T moves the tangent and the
 * state on the dome at once. */
#define FOCUS_FIRST_DEFAULT  0
#define FOCUS_SECOND_DEFAULT 3

struct _SpOverviewPage
{
  SpLabPage    parent_instance;

  guint        layout_key;      /* the layout as last placed; 0 before */
  guint        focus[2];        /* presentation mode's figures, indices into grid order */

  /* Template children. */
  GtkWidget   *focus_bar;       /* shown in presentation mode (bound in its template) */
  GtkDropDown *focus_first;
  GtkDropDown *focus_second;
  GtkGrid     *overview_grid;
  SpPlotView  *free_energy_view;
  SpPlotView  *ocv_view;
  SpPlotView  *field_view;
  SpPlotView  *phase_view;
  SpPlotView  *dchem_view;
  SpPlotView  *dispersion_view;
};

G_DEFINE_FINAL_TYPE (SpOverviewPage, sp_overview_page, SP_TYPE_LAB_PAGE)

static void
grid_order (SpOverviewPage  *self,
            GtkWidget      **views)
{
  views[0] = GTK_WIDGET (self->free_energy_view);
  views[1] = GTK_WIDGET (self->ocv_view);
  views[2] = GTK_WIDGET (self->field_view);
  views[3] = GTK_WIDGET (self->phase_view);
  views[4] = GTK_WIDGET (self->dchem_view);
  views[5] = GTK_WIDGET (self->dispersion_view);
}

/* The layout for the current area and mode, as one number: the column
 * count, or in presentation mode the two focus figures and whether they
 * stack. */
static guint
layout_key (SpOverviewPage *self)
{
  int width, height;

  sp_lab_page_get_area (SP_LAB_PAGE (self), &width, &height);
  if (!sp_lab_page_get_presentation (SP_LAB_PAGE (self)))
    return sp_window_layout_columns (width);
  return 0x100 | self->focus[0] << 4 | self->focus[1] << 1
         | (guint) sp_window_layout_focus_stacked (width, height);
}

static void
sp_overview_page_relayout (SpLabPage *page)
{
  SpOverviewPage *self = SP_OVERVIEW_PAGE (page);
  guint key = layout_key (self);
  GtkWidget *views[N_OVERVIEW];

  if (key == self->layout_key)
    return;
  self->layout_key = key;
  grid_order (self, views);
  if (key & 0x100)
    sp_window_layout_focus (self->overview_grid, views, N_OVERVIEW,
                            self->focus[0], self->focus[1], key & 1);
  else
    sp_window_layout_overview (self->overview_grid, views, N_OVERVIEW, key);
}

/* Picking in one drop-down the figure the other shows swaps them. */
static void
focus_selected_cb (SpOverviewPage *self,
                   GParamSpec     *pspec,
                   GtkDropDown    *source)
{
  guint slot = source == self->focus_first ? 0 : 1;
  guint other = 1 - slot;
  guint selected = gtk_drop_down_get_selected (source);
  GtkDropDown *other_drop = other == 0 ? self->focus_first : self->focus_second;

  if (selected >= N_OVERVIEW || selected == self->focus[slot])
    return;
  if (selected == self->focus[other])
    {
      self->focus[other] = self->focus[slot];
      self->focus[slot] = selected;
      gtk_drop_down_set_selected (other_drop, self->focus[other]);
    }
  else
    self->focus[slot] = selected;
  sp_lab_page_queue_relayout (SP_LAB_PAGE (self));
}

void
sp_overview_page_show_in_focus (SpOverviewPage    *self,
                                SpPlotView *const *views,
                                guint              n_views)
{
  GtkWidget *grid[N_OVERVIEW];
  guint wanted[2];
  guint n_wanted = 0;
  guint focus[2] = { self->focus[0], self->focus[1] };
  gboolean held[2] = { FALSE, FALSE };

  g_return_if_fail (SP_IS_OVERVIEW_PAGE (self));

  grid_order (self, grid);
  for (guint v = 0; v < n_views && n_wanted < 2; v++)
    for (guint i = 0; i < N_OVERVIEW; i++)
      if (grid[i] == GTK_WIDGET (views[v]) && (n_wanted == 0 || wanted[0] != i))
        wanted[n_wanted++] = i;
  if (n_wanted == 0)
    return;

  /* A wanted figure already on show keeps its place. */
  for (guint w = 0; w < n_wanted; w++)
    for (guint s = 0; s < 2; s++)
      if (focus[s] == wanted[w])
        held[s] = TRUE;
  for (guint w = 0; w < n_wanted; w++)
    {
      /* One figure joins g(c) (or whatever leads) in the second place;
       * two take the places in their order. */
      static const guint one[] = { 1, 0 }, two[] = { 0, 1 };
      const guint *order = n_wanted == 1 ? one : two;

      if (focus[0] == wanted[w] || focus[1] == wanted[w])
        continue;
      for (guint k = 0; k < 2; k++)
        if (!held[order[k]])
          {
            focus[order[k]] = wanted[w];
            held[order[k]] = TRUE;
            break;
          }
    }
  if (focus[0] == self->focus[0] && focus[1] == self->focus[1])
    return;
  /* Set first: the drop-downs' handlers then find nothing to swap. */
  self->focus[0] = focus[0];
  self->focus[1] = focus[1];
  gtk_drop_down_set_selected (self->focus_first, focus[0]);
  gtk_drop_down_set_selected (self->focus_second, focus[1]);
  sp_lab_page_queue_relayout (SP_LAB_PAGE (self));
}

static void
sp_overview_page_init_focus (SpOverviewPage *self)
{
  g_autoptr(GtkStringList) titles = gtk_string_list_new (NULL);
  GtkWidget *views[N_OVERVIEW];

  grid_order (self, views);
  for (guint i = 0; i < N_OVERVIEW; i++)
    gtk_string_list_append (titles, sp_figure_kind_title (sp_plot_view_get_kind (SP_PLOT_VIEW (views[i]))));
  self->focus[0] = FOCUS_FIRST_DEFAULT;
  self->focus[1] = FOCUS_SECOND_DEFAULT;
  gtk_drop_down_set_model (self->focus_first, G_LIST_MODEL (titles));
  gtk_drop_down_set_model (self->focus_second, G_LIST_MODEL (titles));
  gtk_drop_down_set_selected (self->focus_first, self->focus[0]);
  gtk_drop_down_set_selected (self->focus_second, self->focus[1]);
  g_signal_connect_object (self->focus_first, "notify::selected",
                           G_CALLBACK (focus_selected_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->focus_second, "notify::selected",
                           G_CALLBACK (focus_selected_cb), self, G_CONNECT_SWAPPED);
}

/* The lab's parameter panel, shared with the lab's other page (both
 * have the panel name "phase-separation"): made by the first of them. */
static GtkWidget *
sp_overview_page_create_panel (SpLabPage *page)
{
  return sp_param_panel_new ();
}

static void
sp_overview_page_class_init (SpOverviewPageClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  SpLabPageClass *page_class = SP_LAB_PAGE_CLASS (klass);

  page_class->relayout = sp_overview_page_relayout;
  page_class->create_panel = sp_overview_page_create_panel;

  g_type_ensure (SP_TYPE_PLOT_VIEW);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/spinodal/Spinodal/sp-overview-page.ui");
#define BIND(name) gtk_widget_class_bind_template_child (widget_class, SpOverviewPage, name)
  BIND (focus_bar);
  BIND (focus_first);
  BIND (focus_second);
  BIND (overview_grid);
  BIND (free_energy_view);
  BIND (ocv_view);
  BIND (field_view);
  BIND (phase_view);
  BIND (dchem_view);
  BIND (dispersion_view);
#undef BIND
}

static void
sp_overview_page_init (SpOverviewPage *self)
{
  SpLabPage *page = SP_LAB_PAGE (self);

  gtk_widget_init_template (GTK_WIDGET (self));
  /* Export's order: the analysis figures, then the field. */
  sp_lab_page_add_figure (page, self->free_energy_view);
  sp_lab_page_add_figure (page, self->ocv_view);
  sp_lab_page_add_figure (page, self->phase_view);
  sp_lab_page_add_figure (page, self->dchem_view);
  sp_lab_page_add_figure (page, self->dispersion_view);
  sp_lab_page_add_figure (page, self->field_view);
  sp_overview_page_init_focus (self);
}
