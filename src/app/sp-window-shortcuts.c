/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sp-window-shortcuts.c — the window's keyboard shortcuts, wherever the
 * focus is
 *
 * Bindings added with gtk_widget_class_add_binding_action() run in the
 * bubble phase: after the focused widget.  A GtkText (inside every spin
 * button) binds Ctrl+. and Ctrl+; to its emoji chooser and takes
 * Ctrl+Space, so right after a slider was used the simulation shortcuts
 * did nothing, or opened the emoji picker.  One capture-phase controller
 * on the window sees every key first.  Only chords with Ctrl or Alt, and
 * the function keys, are taken: typing into a field is never affected,
 * and keys a focused widget uses on its own (arrows on a slider or a
 * figure, Escape on a figure, Shift+F10 for a figure's menu) stay with it.
 *
 * Ctrl+Z, Ctrl+Shift+Z and Ctrl+Y (undo, redo) are the window's too,
 * except while a text entry has the focus: there they stay the entry's
 * own undo.  A spin button's number field is a parameter's: there they
 * undo the parameter.
 *
 * The application's accelerators (Ctrl+O, Ctrl+S, Ctrl+E, …, set with
 * gtk_application_set_accels_for_action()) already run in the capture
 * phase; they are listed here too, so that this file is the one place
 * that says which keys the window takes from its children.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "sp-window-shortcuts.h"

typedef struct
{
  guint            keyval;
  GdkModifierType  modifiers;
  const char      *action;
  const char      *target;   /* a string parameter, or NULL */
} Shortcut;

static const Shortcut shortcuts[] = {
  { GDK_KEY_space,  GDK_CONTROL_MASK,                  "win.play",             NULL },
  { GDK_KEY_period, GDK_CONTROL_MASK,                  "win.step",             NULL },
  { GDK_KEY_KP_Decimal, GDK_CONTROL_MASK,              "win.step",             NULL },
  { GDK_KEY_r,      GDK_CONTROL_MASK,                  "win.reset-simulation", NULL },
  { GDK_KEY_r,      GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.reset-to-preset",  NULL },
  { GDK_KEY_F5,     0,                                 "win.presentation",     NULL },
  { GDK_KEY_F9,     0,                                 "win.toggle-panel",     NULL },
  { GDK_KEY_p,      GDK_CONTROL_MASK,                  "win.pin",              NULL },
  /* Also the application's accelerators (sp-application.c). */
  { GDK_KEY_o,      GDK_CONTROL_MASK,                  "win.open",             NULL },
  { GDK_KEY_s,      GDK_CONTROL_MASK,                  "win.save",             NULL },
  { GDK_KEY_s,      GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.save-as",          NULL },
  { GDK_KEY_e,      GDK_CONTROL_MASK,                  "win.export-figure",    NULL },
  { GDK_KEY_e,      GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.export-data",      NULL },
  { GDK_KEY_c,      GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.copy-figure",      NULL },
};

static void
add_shortcut (GtkShortcutController *controller,
              guint                  keyval,
              GdkModifierType        modifiers,
              const char            *action,
              const char            *target)
{
  GtkShortcut *shortcut = gtk_shortcut_new (gtk_keyval_trigger_new (keyval, modifiers),
                                            gtk_named_action_new (action));

  if (target != NULL)
    gtk_shortcut_set_arguments (shortcut, g_variant_new_string (target));
  gtk_shortcut_controller_add_shortcut (controller, shortcut);
}

/* Whether the focus is in a text entry (not a spin button's number). */
static gboolean
text_entry_has_focus (GtkWidget *widget)
{
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

  return focus != NULL && GTK_IS_TEXT (focus) &&
         gtk_widget_get_ancestor (focus, GTK_TYPE_SPIN_BUTTON) == NULL;
}

static gboolean
undo_cb (GtkWidget *widget,
         GVariant  *args,
         gpointer   user_data)
{
  const char *action = user_data;

  if (text_entry_has_focus (widget))
    return FALSE;
  gtk_widget_activate_action (widget, action, NULL);
  /* Taken even when there is nothing to undo: a spin button's text must
   * not undo its own typing behind the parameter's back. */
  return TRUE;
}

static gboolean
popup_menu_cb (GtkWidget *widget,
               GVariant  *args,
               gpointer   user_data)
{
  GtkMenuButton *menu = user_data;

  if (!gtk_widget_is_sensitive (GTK_WIDGET (menu)) || !gtk_widget_get_mapped (GTK_WIDGET (menu)))
    return FALSE;
  gtk_menu_button_popup (menu);
  return TRUE;
}

void
sp_window_shortcuts_init (GtkWidget     *self,
                          GtkMenuButton *primary_menu)
{
  GtkEventController *controller;
  GtkShortcutController *shortcut_controller;

  g_return_if_fail (GTK_IS_WIDGET (self));
  g_return_if_fail (GTK_IS_MENU_BUTTON (primary_menu));

  controller = gtk_shortcut_controller_new ();
  shortcut_controller = GTK_SHORTCUT_CONTROLLER (controller);
  gtk_event_controller_set_static_name (controller, "sp-window-shortcuts");
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  for (guint i = 0; i < G_N_ELEMENTS (shortcuts); i++)
    add_shortcut (shortcut_controller, shortcuts[i].keyval, shortcuts[i].modifiers,
                  shortcuts[i].action, shortcuts[i].target);
  /* The primary menu button binds F10 itself, but in the bubble phase. */
  gtk_shortcut_controller_add_shortcut (
    shortcut_controller,
    gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_F10, 0),
                      gtk_callback_action_new (popup_menu_cb, primary_menu, NULL)));
  /* Undo and redo, unless a text entry has the focus. */
  gtk_shortcut_controller_add_shortcut (
    shortcut_controller,
    gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_z, GDK_CONTROL_MASK),
                      gtk_callback_action_new (undo_cb, (gpointer) "win.undo", NULL)));
  gtk_shortcut_controller_add_shortcut (
    shortcut_controller,
    gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_z, GDK_CONTROL_MASK | GDK_SHIFT_MASK),
                      gtk_callback_action_new (undo_cb, (gpointer) "win.redo", NULL)));
  gtk_shortcut_controller_add_shortcut (
    shortcut_controller,
    gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_y, GDK_CONTROL_MASK),
                      gtk_callback_action_new (undo_cb, (gpointer) "win.redo", NULL)));
  gtk_widget_add_controller (self, controller);
}

/* A controller of their own, replaced whole when a page is added. */
#define PAGE_KEYS_NAME "sp-window-page-shortcuts"

void
sp_window_shortcuts_set_pages (GtkWidget          *self,
                               const char * const *page_names)
{
  GtkEventController *controller = NULL;
  g_autoptr(GListModel) controllers = NULL;

  g_return_if_fail (GTK_IS_WIDGET (self));

  controllers = gtk_widget_observe_controllers (self);
  for (guint i = 0; i < g_list_model_get_n_items (controllers) && controller == NULL; i++)
    {
      g_autoptr(GtkEventController) c = g_list_model_get_item (controllers, i);

      if (g_strcmp0 (gtk_event_controller_get_name (c), PAGE_KEYS_NAME) == 0)
        controller = c;
    }
  if (controller != NULL)
    gtk_widget_remove_controller (self, controller);

  controller = gtk_shortcut_controller_new ();
  gtk_event_controller_set_static_name (controller, PAGE_KEYS_NAME);
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  /* Alt+1, Alt+2, …: every lab's pages in order, on either row of digits
   * (the switcher shows the active lab's; win.show-page changes lab). */
  for (guint i = 0; page_names != NULL && page_names[i] != NULL && i < 9; i++)
    {
      add_shortcut (GTK_SHORTCUT_CONTROLLER (controller), GDK_KEY_1 + i, GDK_ALT_MASK,
                    "win.show-page", page_names[i]);
      add_shortcut (GTK_SHORTCUT_CONTROLLER (controller), GDK_KEY_KP_1 + i, GDK_ALT_MASK,
                    "win.show-page", page_names[i]);
    }
  gtk_widget_add_controller (self, controller);
}
