/* test-app-helpers.h — shared set-up of the GUI tests (test-app-*.c)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "sp-application.h"
#include "sp-overview-page.h"
#include "sp-presets.h"
#include "sp-simulation-page.h"
#include "sp-window.h"

#include "test-export-helpers.h"

static SpApplication *app;

static inline void
flush_main_loop (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

/* A window on whatever the settings hold (the restore on start). */
static inline gboolean
test_quit_loop_cb (gpointer loop)
{
  g_main_loop_quit (loop);
  return G_SOURCE_REMOVE;
}

/* Lets layout and a few frames run: three waits of @interval_ms, each
 * followed by a flush. */
static inline void
test_settle (guint interval_ms)
{
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);

  for (guint i = 0; i < 3; i++)
    {
      g_timeout_add (interval_ms, test_quit_loop_cb, loop);
      g_main_loop_run (loop);
      flush_main_loop ();
    }
}

static inline SpWindow *
new_window_from_settings (void)
{
  SpWindow *window = sp_window_new (GTK_APPLICATION (app));

  gtk_window_present (GTK_WINDOW (window));
  while (!gtk_widget_get_mapped (GTK_WIDGET (window)))
    g_main_context_iteration (NULL, TRUE);

  return window;
}

/* A window on the default preset and grid, whatever an earlier test left
 * in the (process-wide) memory settings. */
static inline SpWindow *
new_window (void)
{
  SpWindow *window = new_window_from_settings ();
  SpParams *params = sp_window_get_params (window);

  g_assert_true (sp_params_load_preset (params, SP_PRESET_DEFAULT, NULL));
  g_object_set (params, "grid-size", SP_PARAMS_DEFAULT_GRID,
                "domain-length", SP_PARAMS_DEFAULT_LENGTH, NULL);
  return window;
}

static inline void
close_window (SpWindow *window)
{
  gtk_window_destroy (GTK_WINDOW (window));
  flush_main_loop ();
}

static inline GObject *
template_child (gpointer    widget,
                GType       type,
                const char *name)
{
  GObject *object = gtk_widget_get_template_child (GTK_WIDGET (widget), type, name);

  g_assert_nonnull (object);
  return object;
}

/* The flap's panel named @name ("phase-separation": the parameter panel
 * both of its pages share; sp-lab-page.h). */
static inline GObject *
window_panel (gpointer    window,
              const char *name)
{
  GtkWidget *box = GTK_WIDGET (template_child (window, SP_TYPE_WINDOW, "panel_box"));
  GtkWidget *panel = NULL;

  for (GtkWidget *child = gtk_widget_get_first_child (box); child != NULL && panel == NULL;
       child = gtk_widget_get_next_sibling (child))
    if (g_strcmp0 (g_object_get_data (G_OBJECT (child), "sp-panel-name"), name) == 0)
      panel = child;

  g_assert_nonnull (panel);
  return G_OBJECT (panel);
}

/* A template child of the window's page @page ("overview", "simulation"),
 * a widget of @type. */
static inline GObject *
page_child (gpointer    window,
            const char *page,
            GType       type,
            const char *name)
{
  AdwViewStack *stack = ADW_VIEW_STACK (template_child (window, SP_TYPE_WINDOW, "view_stack"));
  GtkWidget *child = adw_view_stack_get_child_by_name (stack, page);

  g_assert_nonnull (child);
  g_assert_true (G_TYPE_CHECK_INSTANCE_TYPE (child, type));
  return template_child (child, type, name);
}

/* A figure of the Overview page, by its id in sp-overview-page.ui. */
#define overview_child(window, name) \
  page_child ((window), "overview", SP_TYPE_OVERVIEW_PAGE, (name))
/* A figure of the Simulation page, by its id in sp-simulation-page.ui. */
#define simulation_child(window, name) \
  page_child ((window), "simulation", SP_TYPE_SIMULATION_PAGE, (name))

/* Whether the action @name ("win.save") is there and enabled as the
 * window's widgets see it, whichever way it is installed (a class action
 * or an action map's): a hidden button naming it, inside the window, is
 * sensitive exactly then. */
static inline gboolean
test_action_enabled (gpointer    window,
                     const char *name)
{
  GtkWidget *content = adw_application_window_get_content (ADW_APPLICATION_WINDOW (window));
  GtkWidget *probe = gtk_button_new ();
  gboolean enabled;

  gtk_widget_set_visible (probe, FALSE);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (probe), name);
  gtk_box_append (GTK_BOX (content), probe);
  enabled = gtk_widget_get_sensitive (probe);
  gtk_box_remove (GTK_BOX (content), probe);
  return enabled;
}

/* A non-unique, registered application (never the one on the bus). */
static inline void
test_app_init (void)
{
  g_autoptr(GError) error = NULL;

  app = sp_application_new ();
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, &error));
  g_assert_no_error (error);
}
