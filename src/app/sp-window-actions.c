/* sp-window-actions.c — every win.* action of the window, installed on
 * the class in one place (the keys that reach them: sp-window-shortcuts.c)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "sp-window-export-private.h"
#include "sp-window-handout.h"
#include "sp-window-private.h"
#include "sp-rate-sweep-dialog.h"

/* Actions ---------------------------------------------------------------- */

static void
step_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  sp_simulation_step (SP_WINDOW (widget)->simulation);
}

static void
reset_simulation_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  sp_simulation_restart (SP_WINDOW (widget)->simulation);
}

static void
reset_to_preset_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  SpWindow *self = SP_WINDOW (widget);
  g_autoptr(GError) error = NULL;

  /* One undo step, whatever it changes. */
  sp_undo_stack_begin_group (self->undo);
  if (!sp_params_reset_to_preset (self->params, &error))
    {
      sp_undo_stack_end_group (self->undo);
      adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (error->message));
      return;
    }
  sp_undo_stack_end_group (self->undo);
  /* A run the preset's own values had stopped starts again from fresh
   * noise (new values resume it by themselves). */
  if (sp_simulation_get_failed (self->simulation))
    sp_simulation_restart (self->simulation);
  adw_toast_overlay_add_toast (self->toast_overlay,
                               adw_toast_new (_("Parameters reset to the preset")));
}

static void
undo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  sp_window_undo (SP_WINDOW (widget));
}

static void
redo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  sp_window_redo (SP_WINDOW (widget));
}

static void
toggle_panel_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  SpWindow *self = SP_WINDOW (widget);

  adw_flap_set_reveal_flap (self->flap, !adw_flap_get_reveal_flap (self->flap));
}

static void
show_page_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  const char *name = g_variant_get_string (parameter, NULL);

  /* In whichever lab it is (sp-window-pages.c). */
  if (!sp_window_pages_show (SP_WINDOW (widget), name))
    g_warning ("win.show-page: no page is named “%s”", name);
}

/* Export (sp-window-export.c: which figure, the clipboard; the choosers:
 * sp-window-export-chooser.c) ---------------------------------------------- */

static void
export_figure_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  sp_window_export_present_chooser (SP_WINDOW (widget), FALSE);
}

static void
export_data_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  sp_window_export_present_chooser (SP_WINDOW (widget), TRUE);
}

static void
export_handout_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  sp_window_handout_present_chooser (SP_WINDOW (widget));
}

static void
copy_figure_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  SpWindow *self = SP_WINDOW (widget);

  sp_window_export_copy_view (self, sp_window_export_get_current_view (self));
}

/* Session and recording actions: below. */

static void
open_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  sp_window_document_open (SP_WINDOW (widget));
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  sp_window_document_save (SP_WINDOW (widget), FALSE);
}

static void
save_as_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  sp_window_document_save (SP_WINDOW (widget), TRUE);
}

static void
record_animation_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  sp_window_recording_present_chooser (SP_WINDOW (widget));
}

static void
stop_recording_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  sp_window_record_stop (SP_WINDOW (widget));
}

/* A closed dialog is forgotten as it closes, not when it is finalised: a
 * sweep still winding down after Cancel keeps it alive a little longer, and
 * the menu must then open a fresh one rather than present the closing one.
 * "destroy" still covers a dialog that goes with its parent. */
static void
rate_sweep_dialog_gone (GtkWidget *dialog,
                        SpWindow  *self)
{
  if (g_object_get_data (G_OBJECT (self), "sp-rate-sweep-dialog") == dialog)
    g_object_set_data (G_OBJECT (self), "sp-rate-sweep-dialog", NULL);
}

static gboolean
rate_sweep_dialog_closing (GtkWindow *dialog,
                           SpWindow  *self)
{
  rate_sweep_dialog_gone (GTK_WIDGET (dialog), self);
  return FALSE;
}

static void
rate_sweep_follow_params (SpParams          *params,
                          SpRateSweepDialog *dialog)
{
  SpModel model;
  SpDriveParams drive;

  sp_params_to_model (params, &model);
  sp_params_to_drive (params, &drive);
  sp_rate_sweep_dialog_set_particle (dialog, &model, &drive);
}

/* The Rate Sweep tool: one window per lab window, brought to the front
 * when it is open already (it keeps its runs). */
static void
rate_sweep_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  SpWindow *self = SP_WINDOW (widget);
  SpRateSweepDialog *dialog = g_object_get_data (G_OBJECT (self), "sp-rate-sweep-dialog");
  SpParams *params = sp_window_get_params (self);
  SpModel model;
  SpDriveParams drive;

  sp_params_to_model (params, &model);
  sp_params_to_drive (params, &drive);
  if (dialog == NULL)
    {
      dialog = sp_rate_sweep_dialog_new (GTK_WINDOW (self), &model, &drive);
      g_object_set_data (G_OBJECT (self), "sp-rate-sweep-dialog", dialog);
      g_signal_connect_object (dialog, "close-request", G_CALLBACK (rate_sweep_dialog_closing),
                               self, 0);
      g_signal_connect_object (dialog, "destroy", G_CALLBACK (rate_sweep_dialog_gone), self, 0);
      /* It sweeps the particle the window shows, as the sliders move. */
      g_signal_connect_object (params, "changed", G_CALLBACK (rate_sweep_follow_params), dialog, 0);
    }
  gtk_window_present (GTK_WINDOW (dialog));
}

void
sp_window_actions_class_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_property_action (widget_class, "win.play", "running");
  gtk_widget_class_install_property_action (widget_class, "win.presentation", "presentation");
  gtk_widget_class_install_property_action (widget_class, "win.field-fixed-scale",
                                            "field-fixed-scale");
  /* The Style submenu's radio items (sp-window-style.c). */
  gtk_widget_class_install_property_action (widget_class, "win.color-scheme", "color-scheme");
  gtk_widget_class_install_action (widget_class, "win.step", NULL, step_action);
  gtk_widget_class_install_action (widget_class, "win.reset-simulation", NULL,
                                   reset_simulation_action);
  gtk_widget_class_install_action (widget_class, "win.reset-to-preset", NULL,
                                   reset_to_preset_action);
  gtk_widget_class_install_action (widget_class, "win.toggle-panel", NULL, toggle_panel_action);
  /* Undo and redo of parameter changes (sp-window-undo.c). */
  gtk_widget_class_install_action (widget_class, "win.undo", NULL, undo_action);
  gtk_widget_class_install_action (widget_class, "win.redo", NULL, redo_action);
  gtk_widget_class_install_action (widget_class, "win.show-page", "s", show_page_action);
  /* The lab selector's buttons and menu (sp-window-pages.c). */
  gtk_widget_class_install_property_action (widget_class, "win.show-lab", "lab");
  gtk_widget_class_install_action (widget_class, "win.export-figure", NULL, export_figure_action);
  gtk_widget_class_install_action (widget_class, "win.export-data", NULL, export_data_action);
  gtk_widget_class_install_action (widget_class, "win.export-handout", NULL,
                                   export_handout_action);
  gtk_widget_class_install_action (widget_class, "win.copy-figure", NULL, copy_figure_action);
  gtk_widget_class_install_action (widget_class, "win.rate-sweep", NULL, rate_sweep_action);

  /* Session files (sp-window-document.c): disabled while the document is
   * busy.  Recording (sp-window-recording.c): one of the two enabled. */
  gtk_widget_class_install_action (widget_class, "win.open", NULL, open_action);
  gtk_widget_class_install_action (widget_class, "win.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "win.save-as", NULL, save_as_action);
  gtk_widget_class_install_action (widget_class, "win.record-animation", NULL,
                                   record_animation_action);
  gtk_widget_class_install_action (widget_class, "win.stop-recording", NULL,
                                   stop_recording_action);
}
