/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sp-window-tour.c — the tangent-construction animation on g(c)
 *
 * win.tangent-tour plays the construction of sp-tangent-tour.h once on
 * the g(c) figure in view (the overview's): a tick callback on that
 * figure asks the frame clock for the time, hands the figure the frame of
 * that moment and removes itself at the end, leaving the figure as it
 * was (its own common tangent is the animation's final state).  Each
 * frame is computed from the analysis of that moment, so a slider moved
 * meanwhile moves the tangent with the curve; the action again, or the
 * figure going away (its page hidden, the window closed), stops it.  Exports never draw it: they take the figure's data without
 * the frame (sp-plot-view.h).
 */

#include "config.h"

#include <glib/gi18n.h>

#include "sp-window-private.h"

static SpPlotView *
free_energy_view (SpWindow *self)
{
  g_autoptr(GPtrArray) views = sp_window_get_plot_views (self);
  SpPlotView *first = NULL;

  /* The one on show, else the first. */
  for (guint i = 0; i < views->len; i++)
    {
      SpPlotView *view = g_ptr_array_index (views, i);

      if (sp_plot_view_get_kind (view) != SP_FIGURE_FREE_ENERGY)
        continue;
      if (gtk_widget_get_mapped (GTK_WIDGET (view)))
        return view;
      if (first == NULL)
        first = view;
    }
  return first;
}

void
sp_window_tour_stop (SpWindow *self)
{
  if (self->tour_view == NULL)
    return;
  if (self->tour_tick_id != 0)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self->tour_view), self->tour_tick_id);
  self->tour_tick_id = 0;
  sp_plot_view_set_tangent_tour (self->tour_view, NULL);
  g_signal_handlers_disconnect_by_data (self->tour_view, self);
  g_clear_object (&self->tour_view);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.tangent-tour", TRUE);
}

static gboolean
tick_cb (GtkWidget     *widget,
         GdkFrameClock *clock,
         gpointer       user_data)
{
  SpWindow *self = user_data;
  SpTangentTourFrame frame;
  double t;

  if (self->analysis == NULL)
    {
      self->tour_tick_id = 0;
      sp_window_tour_stop (self);
      return G_SOURCE_REMOVE;
    }
  if (self->tour_start_us == 0)
    self->tour_start_us = gdk_frame_clock_get_frame_time (clock);
  t = (gdk_frame_clock_get_frame_time (clock) - self->tour_start_us) / 1e6;
  if (t > self->tour_duration_s + 1.0)
    {
      /* The last frame stayed a second: back to the figure itself. */
      self->tour_tick_id = 0;
      sp_window_tour_stop (self);
      return G_SOURCE_REMOVE;
    }
  sp_tangent_tour_frame (&self->analysis->model, &self->analysis->eq, t, &frame);
  sp_plot_view_set_tangent_tour (self->tour_view, &frame);
  return G_SOURCE_CONTINUE;
}

static void
view_unmapped_cb (SpWindow *self)
{
  sp_window_tour_stop (self);
}

void
sp_window_play_tangent_tour (SpWindow *self,
                             gboolean  play)
{
  SpPlotView *view;

  g_return_if_fail (SP_IS_WINDOW (self));

  sp_window_tour_stop (self);
  if (!play || self->analysis == NULL || (view = free_energy_view (self)) == NULL)
    return;
  self->tour_view = g_object_ref (view);
  self->tour_start_us = 0;
  self->tour_duration_s = sp_tangent_tour_duration (&self->analysis->model, &self->analysis->eq);
  self->tour_tick_id = gtk_widget_add_tick_callback (GTK_WIDGET (view), tick_cb, self, NULL);
  g_signal_connect_swapped (view, "unmap", G_CALLBACK (view_unmapped_cb), self);
}

gboolean
sp_window_get_tangent_tour_playing (SpWindow *self)
{
  g_return_val_if_fail (SP_IS_WINDOW (self), FALSE);
  return self->tour_view != NULL;
}

static void
tangent_tour_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  SpWindow *self = SP_WINDOW (widget);

  /* Again while it plays: stop. */
  sp_window_play_tangent_tour (self, !sp_window_get_tangent_tour_playing (self));
}

void
sp_window_tour_class_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.tangent-tour", NULL, tangent_tour_action);
}
