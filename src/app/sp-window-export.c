/* sp-window-export.c — the window's Export menu: its actions, which
 * figure they act on, the clipboard, and each figure's context menu (the
 * chooser is in sp-window-export-chooser.c; recording is
 * sp-window-recording.c's)
 *
 * "The figure the user is looking at" is the one under the pointer when
 * Ctrl+E is pressed; from the menu the pointer has left the figures, so it
 * is the one last clicked or focused on the page on show.  The chooser
 * still lists every figure (and "All panels"), with that one selected, so
 * a wrong guess costs one click.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "sp-export-dialog.h"
#include "sp-window-export-private.h"
#include "sp-window-private.h"

#define STATE_KEY "sp-window-export"

typedef struct
{
  /* Borrowed: the views live as long as the window's template. */
  SpPlotView *hovered;
  SpPlotView *last;
} ExportState;

static ExportState *
get_state (SpWindow *self)
{
  return g_object_get_data (G_OBJECT (self), STATE_KEY);
}

AdwToastOverlay *
sp_window_export_get_toasts (SpWindow *self)
{
  return self->toast_overlay;
}

void
sp_window_export_show_error (SpWindow   *self,
                             const char *message)
{
  sp_export_dialog_toast_error (sp_window_export_get_toasts (self), message);
}

/* Which figure -------------------------------------------------------------- */

SpPlotView *
sp_window_export_get_current_view (SpWindow *self)
{
  ExportState *state = get_state (self);
  g_autoptr(GPtrArray) views = sp_window_get_plot_views (self);

  g_return_val_if_fail (state != NULL, NULL);

  /* Only a view on the page on show is one the user is looking at. */
  if (state->hovered != NULL && gtk_widget_get_mapped (GTK_WIDGET (state->hovered)))
    return state->hovered;
  if (state->last != NULL && gtk_widget_get_mapped (GTK_WIDGET (state->last)))
    return state->last;
  for (guint i = 0; i < views->len; i++)
    if (gtk_widget_get_mapped (g_ptr_array_index (views, i)))
      return g_ptr_array_index (views, i);
  return g_ptr_array_index (views, 0);
}

static SpPlotView *
controller_view (gpointer controller)
{
  return SP_PLOT_VIEW (gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller)));
}

static void
enter_cb (GtkEventControllerMotion *motion,
          double                    x,
          double                    y,
          SpWindow                 *self)
{
  get_state (self)->hovered = controller_view (motion);
}

static void
leave_cb (GtkEventControllerMotion *motion,
          SpWindow                 *self)
{
  ExportState *state = get_state (self);

  if (state->hovered == controller_view (motion))
    state->hovered = NULL;
}

static void
focus_enter_cb (GtkEventControllerFocus *focus,
                SpWindow                *self)
{
  get_state (self)->last = controller_view (focus);
}

/* The figure's data as the window holds it.  Files get no linked cursor:
 * it follows the pointer, and a stray line is what a figure for print
 * must not carry. */
static void
window_figure_data (SpWindow     *self,
                    SpFigureKind  kind,
                    SpFigureData *data)
{
  SpSimulation *simulation = sp_window_get_simulation (self);

  sp_figure_data_init (data);
  data->analysis = sp_window_get_analysis (self);
  data->frame = sp_simulation_get_frame (simulation);
  data->history = sp_simulation_get_history (simulation);
  data->trace = sp_simulation_get_trace (simulation);
  data->field_fixed_scale = sp_window_get_field_fixed_scale (self);
  data->pins = self->pins;
  /* The impedance and hopping figures draw what their page gave its view. */
  if (kind < SP_N_FIGURES && (sp_figure_kind_is_impedance (kind) || sp_figure_kind_is_hopping (kind)))
    {
      g_autoptr(GPtrArray) views = sp_window_get_plot_views (self);

      for (guint i = 0; i < views->len; i++)
        if (sp_plot_view_get_kind (g_ptr_array_index (views, i)) == kind)
          {
            data->eis = sp_plot_view_get_data (g_ptr_array_index (views, i))->eis;
            data->hop = sp_plot_view_get_data (g_ptr_array_index (views, i))->hop;
            break;
          }
    }
}

/* Writing and copying ------------------------------------------------------- */

void
sp_window_export_write (SpWindow              *self,
                        SpFigureKind           kind,
                        const SpExportOptions *options,
                        GFile                 *file)
{
  SpFigureData data;

  window_figure_data (self, kind, &data);
  sp_export_dialog_write (GTK_WIDGET (self), kind, &data, options, file,
                          sp_window_export_get_toasts (self));
}

void
sp_window_export_to_path (SpWindow       *self,
                          SpFigureKind    kind,
                          const char     *path,
                          SpExportFormat  format)
{
  g_autoptr(GFile) file = NULL;
  SpExportOptions options;

  g_return_if_fail (SP_IS_WINDOW (self));
  g_return_if_fail (kind <= SP_EXPORT_FIGURE_DIAGNOSTICS && path != NULL);

  file = g_file_new_for_path (path);
  sp_export_options_init (&options, kind);
  options.format = format;
  sp_window_export_write (self, kind, &options, file);
}

void
sp_window_export_copy_view (SpWindow   *self,
                            SpPlotView *view)
{
  SpFigureKind kind;
  double width, height;

  g_return_if_fail (SP_IS_WINDOW (self));
  g_return_if_fail (SP_IS_PLOT_VIEW (view));

  kind = sp_plot_view_get_kind (view);
  width = gtk_widget_get_width (GTK_WIDGET (view));
  height = gtk_widget_get_height (GTK_WIDGET (view));
  /* Not laid out (never shown yet): the size an export would have. */
  if (width < 1 || height < 1)
    sp_export_default_size (kind, &width, &height);
  sp_export_dialog_copy_to_clipboard (GTK_WIDGET (self), kind, sp_plot_view_get_data (view),
                                      sp_plot_view_get_style (view), width, height,
                                      gtk_widget_get_scale_factor (GTK_WIDGET (view)),
                                      sp_window_export_get_toasts (self));
}

/* Each figure's context menu ------------------------------------------------ */

static void
unparent_popover (GtkWidget *popover)
{
  gtk_widget_unparent (popover);
}

static void
popup_context_menu (SpWindow   *self,
                    SpPlotView *view,
                    double      x,
                    double      y)
{
  GtkWidget *popover = g_object_get_data (G_OBJECT (view), "sp-context-menu");

  /* The menu's items act on "the last clicked" figure: this one. */
  get_state (self)->last = view;
  if (popover == NULL)
    {
      /* Declared once, in sp-window.ui's figure_menu. */
      popover = gtk_popover_menu_new_from_model (self->figure_menu);
      gtk_popover_set_has_arrow (GTK_POPOVER (popover), FALSE);
      gtk_widget_set_halign (popover, GTK_ALIGN_START);
      gtk_widget_set_parent (popover, GTK_WIDGET (view));
      g_object_set_data (G_OBJECT (view), "sp-context-menu", popover);
      /* A child the view does not know of: it must go before the view. */
      g_signal_connect_swapped (view, "destroy", G_CALLBACK (unparent_popover), popover);
    }
  gtk_popover_set_pointing_to (GTK_POPOVER (popover), &(GdkRectangle) { x, y, 1, 1 });
  gtk_popover_popup (GTK_POPOVER (popover));
}

static void
pressed_cb (GtkGestureClick *gesture,
            int              n_press,
            double           x,
            double           y,
            SpWindow        *self)
{
  SpPlotView *view = controller_view (gesture);
  GdkEvent *event = gtk_event_controller_get_current_event (GTK_EVENT_CONTROLLER (gesture));
  guint button = gtk_gesture_single_get_current_button (GTK_GESTURE_SINGLE (gesture));

  get_state (self)->last = view;
  if (button == GDK_BUTTON_SECONDARY || (event != NULL && gdk_event_triggers_context_menu (event)))
    {
      gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
      popup_context_menu (self, view, x, y);
    }
}

static gboolean
menu_key_cb (GtkWidget *widget,
             GVariant  *args,
             gpointer   user_data)
{
  popup_context_menu (SP_WINDOW (gtk_widget_get_root (widget)), SP_PLOT_VIEW (widget),
                      gtk_widget_get_width (widget) / 2.0, gtk_widget_get_height (widget) / 2.0);
  return TRUE;
}

void
sp_window_export_track_figure (SpWindow   *self,
                               SpPlotView *view)
{
  GtkEventController *motion = gtk_event_controller_motion_new ();
  GtkEventController *focus = gtk_event_controller_focus_new ();
  GtkGesture *click = gtk_gesture_click_new ();
  GtkEventController *keys = gtk_shortcut_controller_new ();

  g_signal_connect_object (motion, "enter", G_CALLBACK (enter_cb), self, 0);
  g_signal_connect_object (motion, "leave", G_CALLBACK (leave_cb), self, 0);
  gtk_widget_add_controller (GTK_WIDGET (view), motion);
  g_signal_connect_object (focus, "enter", G_CALLBACK (focus_enter_cb), self, 0);
  gtk_widget_add_controller (GTK_WIDGET (view), focus);

  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), 0);
  g_signal_connect_object (click, "pressed", G_CALLBACK (pressed_cb), self, 0);
  gtk_widget_add_controller (GTK_WIDGET (view), GTK_EVENT_CONTROLLER (click));

  gtk_shortcut_controller_add_shortcut (
    GTK_SHORTCUT_CONTROLLER (keys),
    gtk_shortcut_new (gtk_alternative_trigger_new (gtk_keyval_trigger_new (GDK_KEY_Menu, 0),
                                                   gtk_keyval_trigger_new (GDK_KEY_F10,
                                                                           GDK_SHIFT_MASK)),
                      gtk_callback_action_new (menu_key_cb, NULL, NULL)));
  gtk_widget_add_controller (GTK_WIDGET (view), keys);
}

void
sp_window_export_init (SpWindow *self)
{
  g_autoptr(GPtrArray) views = NULL;

  g_return_if_fail (SP_IS_WINDOW (self));
  g_return_if_fail (get_state (self) == NULL);

  g_object_set_data_full (G_OBJECT (self), STATE_KEY, g_new0 (ExportState, 1), g_free);
  /* The pages added so far (sp_window_adopt_page() tracks later ones). */
  views = sp_window_get_plot_views (self);
  for (guint i = 0; i < views->len; i++)
    sp_window_export_track_figure (self, g_ptr_array_index (views, i));
}
