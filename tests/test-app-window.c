/* test-app-window.c — the explorer window: templates, SpParams → analysis
 * → plots, presets, sliders, the linked cursor, presentation mode, actions
 *
 * Runs under a display (the 'gui' suite: xvfb-run + dbus-run-session, with
 * GSK_RENDERER=cairo, GSETTINGS_BACKEND=memory, G_DEBUG=fatal-criticals).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include "sp-gsl.h"
#include "sp-param-panel.h"
#include "sp-plot-view.h"
#include "sp-presets.h"
#include "sp-readout.h"
#include "sp-slider-row.h"

#include "test-app-helpers.h"

/* The window's analysis equals an independent sp_analysis_new() of the
 * same model: gaps, spinodals, T_c and the curves, to 1e-12. */
static void
assert_analysis_matches (SpAnalysis    *shown,
                         const SpModel *model)
{
  g_autoptr(SpAnalysis) fresh = sp_analysis_new (model);

  g_assert_cmpfloat (shown->model.omega, ==, model->omega);
  g_assert_cmpfloat (shown->model.temperature, ==, model->temperature);
  g_assert_cmpfloat (shown->model.c0, ==, model->c0);
  g_assert_cmpuint (shown->eq.n_gaps, ==, fresh->eq.n_gaps);
  for (guint i = 0; i < fresh->eq.n_gaps; i++)
    {
      g_assert_cmpfloat_with_epsilon (shown->eq.gaps[i].c_alpha, fresh->eq.gaps[i].c_alpha, 1e-12);
      g_assert_cmpfloat_with_epsilon (shown->eq.gaps[i].c_beta, fresh->eq.gaps[i].c_beta, 1e-12);
      g_assert_cmpfloat_with_epsilon (shown->eq.gaps[i].voltage, fresh->eq.gaps[i].voltage, 1e-12);
    }
  g_assert_cmpuint (shown->eq.n_spinodals, ==, fresh->eq.n_spinodals);
  for (guint i = 0; i < fresh->eq.n_spinodals; i++)
    {
      g_assert_cmpfloat_with_epsilon (shown->eq.spinodals[i].lo, fresh->eq.spinodals[i].lo, 1e-12);
      g_assert_cmpfloat_with_epsilon (shown->eq.spinodals[i].hi, fresh->eq.spinodals[i].hi, 1e-12);
    }
  g_assert_cmpint (shown->has_critical, ==, fresh->has_critical);
  if (fresh->has_critical)
    g_assert_cmpfloat_with_epsilon (shown->t_c, fresh->t_c, 1e-9);
  g_assert_cmpuint (shown->n_curve, ==, fresh->n_curve);
  for (guint i = 0; i < fresh->n_curve; i++)
    g_assert_cmpfloat_with_epsilon (shown->g[i], fresh->g[i], 1e-12);
}

static void
assert_views_show (SpWindow   *window,
                   SpAnalysis *analysis)
{
  g_autoptr(GPtrArray) views = sp_window_get_plot_views (window);
  guint n_analysis = 0;

  /* The analysis figures (every kind before the field) come first, as
   * Export lists them, and each shows it. */
  while (n_analysis < views->len
         && !sp_plot_view_shows_simulation (g_ptr_array_index (views, n_analysis)))
    {
      g_assert_true (sp_plot_view_get_data (g_ptr_array_index (views, n_analysis))->analysis == analysis);
      n_analysis++;
    }
  g_assert_cmpuint (n_analysis, ==, SP_FIGURE_FIELD);
}

static const char *
panel_label (SpWindow   *window,
             const char *name)
{
  GObject *panel = window_panel (window, "phase-separation");

  return gtk_label_get_label (GTK_LABEL (template_child (panel, SP_TYPE_PARAM_PANEL, name)));
}

/* Tests ------------------------------------------------------------------ */

static void
test_actions (void)
{
  static const char *window_actions[] = {
    "play", "step", "reset-simulation", "reset-to-preset", "presentation",
    "toggle-panel", "show-page", "show-help-overlay",
  };
  SpWindow *window = new_window ();
  g_auto(GStrv) quit = gtk_application_get_accels_for_action (GTK_APPLICATION (app), "app.quit");
  g_auto(GStrv) close = gtk_application_get_accels_for_action (GTK_APPLICATION (app), "window.close");
  AdwFlap *flap;
  AdwViewStack *stack;
  gboolean revealed;

  g_assert_true (g_action_group_has_action (G_ACTION_GROUP (app), "quit"));
  g_assert_true (g_action_group_has_action (G_ACTION_GROUP (app), "about"));
  g_assert_cmpstrv (quit, ((const char *[]) { "<Control>q", NULL }));
  g_assert_cmpstrv (close, ((const char *[]) { "<Control>w", NULL }));

  /* Every action the buttons and the shortcuts window name is installed. */
  for (guint i = 0; i < G_N_ELEMENTS (window_actions); i++)
    {
      GtkWidgetClass *klass = GTK_WIDGET_GET_CLASS (window);
      const char *name, *property;
      const GVariantType *parameter_type;
      GType owner;
      gboolean found = g_str_equal (window_actions[i], "show-help-overlay") &&
                       g_action_group_has_action (G_ACTION_GROUP (window), "show-help-overlay");

      for (guint j = 0; !found && gtk_widget_class_query_action (klass, j, &owner, &name,
                                                                  &parameter_type,
                                                                  &property); j++)
        found = owner == SP_TYPE_WINDOW && g_str_has_prefix (name, "win.") &&
                g_str_equal (name + 4, window_actions[i]);
      if (!found)
        g_error ("win.%s is not installed", window_actions[i]);
    }

  /* F9's action hides and shows the panel; Alt+1/2's switch pages. */
  flap = ADW_FLAP (template_child (window, SP_TYPE_WINDOW, "flap"));
  revealed = adw_flap_get_reveal_flap (flap);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.toggle-panel", NULL));
  g_assert_cmpint (adw_flap_get_reveal_flap (flap), ==, !revealed);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.toggle-panel", NULL));
  g_assert_cmpint (adw_flap_get_reveal_flap (flap), ==, revealed);
  stack = ADW_VIEW_STACK (template_child (window, SP_TYPE_WINDOW, "view_stack"));
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (stack), ==, "overview");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "simulation"));
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (stack), ==, "simulation");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "overview"));

  close_window (window);
}

/* The actions of @menu's sections, and of the sections inside those (the
 * figure menu inside the file section), in order. */
static void
append_section_actions (GString    *actions,
                        GMenuModel *menu)
{
  for (guint i = 0; i < (guint) g_menu_model_get_n_items (menu); i++)
    {
      g_autoptr(GMenuModel) section = g_menu_model_get_item_link (menu, i, G_MENU_LINK_SECTION);
      g_autofree char *action = NULL;

      if (section != NULL)
        append_section_actions (actions, section);
      else if (g_menu_model_get_item_attribute (menu, i, G_MENU_ATTRIBUTE_ACTION, "s", &action))
        g_string_append_printf (actions, "%s ", action);
    }
}

static void
test_template (void)
{
  SpWindow *window = new_window ();
  g_autoptr(GString) actions = g_string_new (NULL);
  g_autoptr(GPtrArray) views = sp_window_get_plot_views (window);
  GMenuModel *menu;
  gboolean seen[SP_N_FIGURES] = { FALSE };

  g_assert_true (ADW_IS_FLAP (template_child (window, SP_TYPE_WINDOW, "flap")));
  g_assert_true (ADW_IS_VIEW_STACK (template_child (window, SP_TYPE_WINDOW, "view_stack")));
  g_assert_true (SP_IS_PARAM_PANEL (window_panel (window, "phase-separation")));
  g_assert_true (SP_IS_SIM_BAR (template_child (window, SP_TYPE_WINDOW, "sim_bar")));

  /* The primary menu: sections others extend, then shortcuts, About, Quit. */
  menu = gtk_menu_button_get_menu_model (GTK_MENU_BUTTON (template_child (window, SP_TYPE_WINDOW,
                                                                          "primary_menu_button")));
  g_assert_nonnull (menu);
  append_section_actions (actions, menu);
  /* The Lab section first: the window has two labs (Phase Separation,
   * Ion Transport). */
  g_assert_cmpstr (actions->str, ==,
                   "win.show-lab win.show-lab "
                   "win.open win.save win.save-as "
                   "win.export-figure win.export-data win.copy-figure win.export-handout "
                   "win.record-animation win.stop-recording "
                   "win.undo win.redo win.pin win.remove-all-pins win.tangent-tour win.rate-sweep "
                   "win.open-lesson "
                   "win.presentation win.field-fixed-scale win.reset-to-preset win.show-help-overlay app.about app.quit ");

  /* One view per figure but "all", the field twice (overview and
   * simulation page), the Impedance page's five, the Hopping page's six
   * and the Simulation page's V(c̄) and V(t); the analysis figures show
   * the window's analysis. */
  g_assert_cmpuint (views->len, ==, 23);
  for (guint i = 0; i < views->len; i++)
    seen[sp_plot_view_get_kind (g_ptr_array_index (views, i))] = TRUE;
  /* The rate sweep's figure lives in its own window (win.rate-sweep). */
  for (guint k = 0; k < SP_N_FIGURES; k++)
    g_assert_true (seen[k] == (k != SP_FIGURE_ALL && k != SP_FIGURE_RATE_SWEEP));
  g_assert_nonnull (sp_window_get_analysis (window));
  assert_views_show (window, sp_window_get_analysis (window));

  /* The read-outs for LiFePO₄ (PHYSICS.md): Ω/k_BT = 115.8/25.68 = 4.51,
   * T_c = (Ω − K)/(2k_B) = 420 K, c₀ = ½ inside the spinodal. */
  g_assert_cmpstr (panel_label (window, "omega_eff_label"), ==, "4.51");
  g_assert_cmpstr (panel_label (window, "critical_label"), ==, "420 K");
  g_assert_cmpstr (panel_label (window, "region_label"), ==, "Unstable");

  g_assert_true (GTK_IS_SHORTCUTS_WINDOW (gtk_application_window_get_help_overlay (
                   GTK_APPLICATION_WINDOW (window))));

  close_window (window);
}

/* Setting a property on SpParams changes what the plots draw. */
static void
test_params_drive_plots (void)
{
  SpWindow *window = new_window ();
  SpParams *params = sp_window_get_params (window);
  SpAnalysis *before = sp_window_get_analysis (window);
  SpModel model;

  g_object_set (params, "temperature", 350.0, NULL);
  g_assert_true (sp_window_get_analysis (window) != before);
  sp_params_to_model (params, &model);
  g_assert_cmpfloat (model.temperature, ==, 350.0);
  assert_analysis_matches (sp_window_get_analysis (window), &model);
  assert_views_show (window, sp_window_get_analysis (window));

  /* Above T_c = 420 K the gap closes: the read-out follows. */
  g_object_set (params, "temperature", 500.0, NULL);
  g_assert_cmpuint (sp_window_get_analysis (window)->eq.n_gaps, ==, 0);
  g_assert_cmpstr (panel_label (window, "gap_label"), ==, "None");
  g_assert_cmpstr (panel_label (window, "region_label"), ==, "Stable");

  /* An asymmetric Redlich–Kister term, through the slider's adjustment. */
  g_object_set (params, "temperature", 298.0, NULL);
  sp_params_set_clamped (params, "l1", 40.0);
  sp_params_to_model (params, &model);
  g_assert_cmpfloat (model.rk[0], ==, 40.0);
  assert_analysis_matches (sp_window_get_analysis (window), &model);

  /* No change, no new analysis. */
  before = sp_window_get_analysis (window);
  g_object_set (params, "presentation", TRUE, NULL);
  g_object_set (params, "presentation", FALSE, NULL);
  g_assert_true (sp_window_get_analysis (window) == before);

  close_window (window);
}

static void
test_slider_clamps (void)
{
  SpWindow *window = new_window ();
  SpParams *params = sp_window_get_params (window);
  GObject *panel = window_panel (window, "phase-separation");
  SpSliderRow *omega = SP_SLIDER_ROW (template_child (panel, SP_TYPE_PARAM_PANEL, "omega_row"));
  SpSliderRow *c0 = SP_SLIDER_ROW (template_child (panel, SP_TYPE_PARAM_PANEL, "c0_row"));
  double value, min, max;

  sp_params_get_range (params, "omega", &min, &max);
  gtk_adjustment_set_value (sp_slider_row_get_adjustment (omega), 1e6);
  g_object_get (params, "omega", &value, NULL);
  g_assert_cmpfloat (value, ==, max);
  gtk_spin_button_set_value (sp_slider_row_get_spin (omega), -1e6);
  g_object_get (params, "omega", &value, NULL);
  g_assert_cmpfloat (value, ==, min);

  gtk_range_set_value (GTK_RANGE (sp_slider_row_get_scale (c0)), 7.0);
  g_object_get (params, "c0", &value, NULL);
  g_assert_cmpfloat (value, ==, 0.99);
  g_assert_true (sp_window_get_analysis (window)->model.c0 == 0.99);

  /* And the other way: the property moves the slider. */
  g_object_set (params, "c0", 0.25, NULL);
  g_assert_cmpfloat (gtk_adjustment_get_value (sp_slider_row_get_adjustment (c0)), ==, 0.25);

  /* D₀ spans four decades: its slider moves in log10 D₀, its entry and
   * the property stay linear. */
  {
    SpSliderRow *d0 = SP_SLIDER_ROW (template_child (panel, SP_TYPE_PARAM_PANEL, "d0_row"));
    GtkRange *scale = GTK_RANGE (sp_slider_row_get_scale (d0));

    gtk_range_set_value (scale, 1.0);
    g_object_get (params, "d0", &value, NULL);
    g_assert_cmpfloat (value, ==, 10.0);
    g_object_set (params, "d0", 0.53, NULL);
    g_assert_cmpfloat_with_epsilon (gtk_range_get_value (scale), log10 (0.53), 1e-12);
    gtk_range_set_value (scale, 99.0);
    g_object_get (params, "d0", &value, NULL);
    sp_params_get_range (params, "d0", &min, &max);
    g_assert_cmpfloat (value, ==, max);
  }

  close_window (window);
}

static void
test_presets_load (void)
{
  g_autoptr(GPtrArray) presets = sp_presets_load_all (NULL);
  SpWindow *window = new_window ();
  GObject *panel = window_panel (window, "phase-separation");
  AdwComboRow *row = ADW_COMBO_ROW (template_child (panel, SP_TYPE_PARAM_PANEL, "preset_row"));
  AdwViewSwitcherTitle *title = ADW_VIEW_SWITCHER_TITLE (template_child (window, SP_TYPE_WINDOW,
                                                                         "switcher_title"));

  g_assert_nonnull (presets);
  g_assert_cmpuint (g_list_model_get_n_items (adw_combo_row_get_model (row)), ==, presets->len);

  for (guint i = 0; i < presets->len; i++)
    {
      const SpPreset *preset = g_ptr_array_index (presets, i);

      adw_combo_row_set_selected (row, i);
      g_assert_cmpstr (sp_params_get_preset (sp_window_get_params (window)), ==, preset->id);
      g_assert_cmpstr (adw_view_switcher_title_get_subtitle (title), ==, preset->name);
      assert_analysis_matches (sp_window_get_analysis (window), &preset->model);
    }

  /* Reset to preset undoes a slider. */
  g_object_set (sp_window_get_params (window), "kappa", 3.0, NULL);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.reset-to-preset", NULL);
  assert_analysis_matches (sp_window_get_analysis (window),
                           &((SpPreset *) g_ptr_array_index (presets, presets->len - 1))->model);

  /* Loading through SpParams moves the combo. */
  g_assert_true (sp_params_load_preset (sp_window_get_params (window), "textbook", NULL));
  g_assert_cmpstr (((SpPreset *) g_ptr_array_index (presets, adw_combo_row_get_selected (row)))->id,
                   ==, "textbook");

  close_window (window);
}

static void
test_linked_cursor (void)
{
  SpWindow *window = new_window ();
  g_autoptr(GPtrArray) views = sp_window_get_plot_views (window);

  g_signal_emit_by_name (g_ptr_array_index (views, 0), "cursor-moved", 0.3);
  for (guint i = 0; i < views->len; i++)
    {
      SpPlotView *view = g_ptr_array_index (views, i);
      double c = sp_plot_view_get_data (view)->cursor_c;

      if (sp_figure_kind_has_composition (sp_plot_view_get_kind (view)))
        g_assert_cmpfloat (c, ==, 0.3);
      else
        g_assert_true (isnan (c));
    }
  g_signal_emit_by_name (g_ptr_array_index (views, 2), "cursor-moved", NAN);
  for (guint i = 0; i < views->len; i++)
    g_assert_true (isnan (sp_plot_view_get_data (g_ptr_array_index (views, i))->cursor_c));

  /* The figure's own mapping: the middle of the g(c) plot area is a
   * composition inside (0, 1), and the view reports it. */
  {
    SpPlotView *view = g_ptr_array_index (views, 0);
    gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
    double c = NAN;
    int w, h;

    /* The first layout comes with the first frame after mapping. */
    while (gtk_widget_get_width (GTK_WIDGET (view)) == 0 && g_get_monotonic_time () < deadline)
      g_main_context_iteration (NULL, FALSE);
    w = gtk_widget_get_width (GTK_WIDGET (view));
    h = gtk_widget_get_height (GTK_WIDGET (view));

    g_assert_cmpint (w, >, 0);
    g_assert_true (sp_figure_composition_at (SP_FIGURE_FREE_ENERGY, sp_plot_view_get_data (view),
                                             sp_plot_view_get_style (view), w, h,
                                             w / 2.0, h / 2.0, &c));
    g_assert_cmpfloat (c, >, 0.0);
    g_assert_cmpfloat (c, <, 1.0);
  }

  close_window (window);
}

static gboolean
press_key (SpPlotView      *view,
           guint            keyval,
           GdkModifierType  state)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (GTK_WIDGET (view));
  gboolean handled = FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_EVENT_CONTROLLER_KEY (controller))
        g_signal_emit_by_name (controller, "key-pressed", keyval, 0, state, &handled);
    }
  return handled;
}

/* The keyboard moves the linked cursor too. */
static void
test_keyboard_cursor (void)
{
  SpWindow *window = new_window ();
  g_autoptr(GPtrArray) views = sp_window_get_plot_views (window);
  SpPlotView *ocv = g_ptr_array_index (views, 1);
  SpPlotView *free_energy = g_ptr_array_index (views, 0);
  SpPlotView *dispersion = g_ptr_array_index (views, 4);

  g_assert_true (gtk_widget_get_focusable (GTK_WIDGET (ocv)));
  g_assert_false (gtk_widget_get_focusable (GTK_WIDGET (dispersion)));

  /* The first press shows the cursor at ½, the next ones move it. */
  g_assert_true (press_key (ocv, GDK_KEY_Right, 0));
  g_assert_cmpfloat (sp_plot_view_get_data (free_energy)->cursor_c, ==, 0.5);
  g_assert_true (press_key (ocv, GDK_KEY_Right, 0));
  g_assert_cmpfloat_with_epsilon (sp_plot_view_get_data (free_energy)->cursor_c, 0.51, 1e-12);
  g_assert_true (press_key (ocv, GDK_KEY_Left, GDK_SHIFT_MASK));
  g_assert_cmpfloat_with_epsilon (sp_plot_view_get_data (free_energy)->cursor_c, 0.41, 1e-12);
  g_assert_true (press_key (ocv, GDK_KEY_Home, 0));
  g_assert_cmpfloat (sp_plot_view_get_data (ocv)->cursor_c, ==, 0.001);
  g_assert_true (press_key (ocv, GDK_KEY_Escape, 0));
  g_assert_true (isnan (sp_plot_view_get_data (free_energy)->cursor_c));
  /* Not a composition figure: the keys pass through. */
  g_assert_false (press_key (dispersion, GDK_KEY_Right, 0));

  close_window (window);
}

static void
test_presentation (void)
{
  SpWindow *window = new_window ();
  g_autoptr(GPtrArray) views = sp_window_get_plot_views (window);

  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (window), "presentation"));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.presentation", NULL);
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (window), "presentation"));
  for (guint i = 0; i < views->len; i++)
    g_assert_cmpfloat (sp_plot_view_get_style (g_ptr_array_index (views, i))->scale, >, 1.0);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.presentation", NULL);
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (window), "presentation"));
  for (guint i = 0; i < views->len; i++)
    g_assert_cmpfloat (sp_plot_view_get_style (g_ptr_array_index (views, i))->scale, ==, 1.0);

  close_window (window);
}

/* The dark style reaches the figures through css_changed. */
static void
test_dark_style (void)
{
  SpWindow *window = new_window ();
  g_autoptr(GPtrArray) views = sp_window_get_plot_views (window);
  AdwStyleManager *manager = adw_style_manager_get_default ();
  const SpPlotStyle *style = sp_plot_view_get_style (g_ptr_array_index (views, 0));

  adw_style_manager_set_color_scheme (manager, ADW_COLOR_SCHEME_FORCE_DARK);
  flush_main_loop ();
  g_assert_true (style->dark);
  /* Light text on a dark surface. */
  g_assert_cmpfloat (style->foreground.red + style->foreground.green + style->foreground.blue,
                     >, style->background.red + style->background.green + style->background.blue);
  adw_style_manager_set_color_scheme (manager, ADW_COLOR_SCHEME_FORCE_LIGHT);
  flush_main_loop ();
  g_assert_false (style->dark);
  g_assert_cmpfloat (style->foreground.red + style->foreground.green + style->foreground.blue,
                     <, style->background.red + style->background.green + style->background.blue);
  adw_style_manager_set_color_scheme (manager, ADW_COLOR_SCHEME_DEFAULT);

  close_window (window);
}

static GtkWidget *
find_by_type_name (GtkWidget  *root,
                   const char *type_name)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (g_strcmp0 (G_OBJECT_TYPE_NAME (child), type_name) == 0)
        return child;
      if ((found = find_by_type_name (child, type_name)) != NULL)
        return found;
    }
  return NULL;
}

/* A toast (Reset to Preset's, an export's) never covers the simulation
 * bar: its Restart and Speed stay in reach while it shows. */
static void
test_toast_clear_of_sim_bar (void)
{
  SpWindow *window = new_window ();
  GtkWidget *sim_bar = GTK_WIDGET (sp_window_get_sim_bar (window));
  GtkWidget *toast = NULL;
  graphene_rect_t toast_bounds, bar_bounds;
  gint64 end = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;

  gtk_widget_activate_action (GTK_WIDGET (window), "win.reset-to-preset", NULL);
  while ((toast = find_by_type_name (GTK_WIDGET (window), "AdwToastWidget")) == NULL
         || gtk_widget_get_height (toast) == 0)
    {
      g_assert_cmpint (g_get_monotonic_time (), <, end);
      g_main_context_iteration (NULL, FALSE);
    }
  /* Where the toast comes to rest: it slides in over a few frames, and
   * under load a frame may show it mid-way. */
  end = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;
  do
    {
      flush_main_loop ();
      g_assert_true (gtk_widget_compute_bounds (toast, GTK_WIDGET (window), &toast_bounds));
      g_assert_true (gtk_widget_compute_bounds (sim_bar, GTK_WIDGET (window), &bar_bounds));
    }
  while (graphene_rect_intersection (&toast_bounds, &bar_bounds, NULL)
         && g_get_monotonic_time () < end);
  g_assert_cmpfloat (bar_bounds.size.height, >, 0);
  g_assert_false (graphene_rect_intersection (&toast_bounds, &bar_bounds, NULL));
  g_assert_cmpfloat (toast_bounds.origin.y + toast_bounds.size.height, <=, bar_bounds.origin.y);

  close_window (window);
}

/* The shortcuts window (Ctrl+?) opens without a GTK warning: on more than
 * one page its page switcher's labels measured negative ("GtkLabel …
 * reported min width -3"; g_test_init() makes a warning fatal).  On one
 * page it is about 1160 × 724: it fits a 1366 × 768 screen. */
static void
test_shortcuts_window (void)
{
  SpWindow *window = new_window ();
  GtkWindow *overlay = NULL;
  gint64 end = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;

  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-help-overlay", NULL);
  while (overlay == NULL)
    {
      GListModel *toplevels = gtk_window_get_toplevels ();

      for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
        {
          g_autoptr(GObject) toplevel = g_list_model_get_item (toplevels, i);

          if (GTK_IS_SHORTCUTS_WINDOW (toplevel) && gtk_widget_get_mapped (GTK_WIDGET (toplevel)))
            overlay = GTK_WINDOW (toplevel);
        }
      g_assert_cmpint (g_get_monotonic_time (), <, end);
      g_main_context_iteration (NULL, FALSE);
    }
  while (gtk_widget_get_width (GTK_WIDGET (overlay)) == 0)
    g_main_context_iteration (NULL, TRUE);
  flush_main_loop ();
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (overlay)), <=, 1366);
  g_assert_cmpint (gtk_widget_get_height (GTK_WIDGET (overlay)), <=, 768);

  gtk_window_destroy (overlay);
  close_window (window);
}

/* The primary menu's Style: win.color-scheme sets the style manager and
 * the settings, and the figures follow. */
static void
test_style_switch (void)
{
  SpWindow *window = new_window ();
  g_autoptr(GPtrArray) views = sp_window_get_plot_views (window);
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  AdwStyleManager *manager = adw_style_manager_get_default ();
  const SpPlotStyle *style = sp_plot_view_get_style (g_ptr_array_index (views, 0));

  gtk_widget_activate_action (GTK_WIDGET (window), "win.color-scheme", "s", "dark");
  flush_main_loop ();
  g_assert_cmpint (adw_style_manager_get_color_scheme (manager), ==, ADW_COLOR_SCHEME_FORCE_DARK);
  g_assert_true (style->dark);
  g_assert_cmpstr (g_settings_get_string (settings, "color-scheme"), ==, "dark");

  gtk_widget_activate_action (GTK_WIDGET (window), "win.color-scheme", "s", "light");
  flush_main_loop ();
  g_assert_cmpint (adw_style_manager_get_color_scheme (manager), ==, ADW_COLOR_SCHEME_FORCE_LIGHT);
  g_assert_false (style->dark);
  close_window (window);

  /* The next window starts in the saved style. */
  g_settings_set_string (settings, "color-scheme", "dark");
  adw_style_manager_set_color_scheme (manager, ADW_COLOR_SCHEME_DEFAULT);
  window = new_window_from_settings ();
  g_assert_cmpint (adw_style_manager_get_color_scheme (manager), ==, ADW_COLOR_SCHEME_FORCE_DARK);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.color-scheme", "s", "default");
  flush_main_loop ();
  g_assert_cmpint (adw_style_manager_get_color_scheme (manager), ==, ADW_COLOR_SCHEME_DEFAULT);
  close_window (window);
}

/* The last parameters and window size come back in the next window (the
 * memory backend lives as long as the process). */
/* The field's colour scale: fixed 0 … 1 by default, a menu toggle
 * (win.field-fixed-scale) that every figure follows, kept in the settings
 * for the next window. */
static void
test_field_scale (void)
{
  SpWindow *window = new_window ();
  g_autoptr(GPtrArray) views = sp_window_get_plot_views (window);
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);

  g_assert_true (g_settings_get_boolean (settings, "field-fixed-scale"));
  g_assert_true (sp_window_get_field_fixed_scale (window));
  for (guint i = 0; i < views->len; i++)
    g_assert_true (sp_plot_view_get_data (g_ptr_array_index (views, i))->field_fixed_scale);

  gtk_widget_activate_action (GTK_WIDGET (window), "win.field-fixed-scale", NULL);
  g_assert_false (sp_window_get_field_fixed_scale (window));
  g_assert_false (g_settings_get_boolean (settings, "field-fixed-scale"));
  for (guint i = 0; i < views->len; i++)
    g_assert_false (sp_plot_view_get_data (g_ptr_array_index (views, i))->field_fixed_scale);
  close_window (window);

  window = new_window_from_settings ();
  g_assert_false (sp_window_get_field_fixed_scale (window));
  g_settings_set_boolean (settings, "field-fixed-scale", TRUE);
  g_assert_true (sp_window_get_field_fixed_scale (window));
  close_window (window);
}

static void
test_settings_restore (void)
{
  SpWindow *window = new_window ();
  SpModel a, b;

  g_object_set (sp_window_get_params (window), "omega", 140.0, "kappa", 55.5, NULL);
  gtk_window_set_default_size (GTK_WINDOW (window), 1111, 666);
  sp_params_to_model (sp_window_get_params (window), &a);
  gtk_window_close (GTK_WINDOW (window));
  flush_main_loop ();

  window = new_window_from_settings ();
  sp_params_to_model (sp_window_get_params (window), &b);
  g_assert_cmpfloat (b.omega, ==, 140.0);
  g_assert_cmpfloat (b.kappa, ==, 55.5);
  g_assert_cmpfloat (b.temperature, ==, a.temperature);
  assert_analysis_matches (sp_window_get_analysis (window), &b);
  {
    int w, h;

    gtk_window_get_default_size (GTK_WINDOW (window), &w, &h);
    g_assert_cmpint (w, ==, 1111);
    g_assert_cmpint (h, ==, 666);
  }
  sp_params_load_preset (sp_window_get_params (window), SP_PRESET_DEFAULT, NULL);
  close_window (window);
}

static void
test_about (void)
{
  SpWindow *window = new_window ();
  GListModel *toplevels = gtk_window_get_toplevels ();
  AdwAboutWindow *about = NULL;

  g_action_group_activate_action (G_ACTION_GROUP (app), "about", NULL);
  flush_main_loop ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) toplevel = g_list_model_get_item (toplevels, i);

      if (ADW_IS_ABOUT_WINDOW (toplevel))
        about = ADW_ABOUT_WINDOW (toplevel);
    }
  g_assert_nonnull (about);
  g_assert_cmpstr (adw_about_window_get_application_name (about), ==, "Spinodal");
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (about)) == GTK_WINDOW (window));

  gtk_window_destroy (GTK_WINDOW (about));
  close_window (window);
}

static const char *
panel_row_subtitle (SpWindow   *window,
                    const char *name)
{
  GObject *panel = window_panel (window, "phase-separation");

  return adw_action_row_get_subtitle (ADW_ACTION_ROW (template_child (panel, SP_TYPE_PARAM_PANEL,
                                                                      name)));
}

/* Issue 11, items 7 and 10: a lower critical point is reported as such
 * (Ω = −30 meV, s1 = −3: a gap only above 348 K), the lever rule splits c0
 * inside a gap, the "above 2 + K/k_BT" threshold is not claimed for
 * Redlich–Kister models, and undefined lengths read "—". */
static void
test_readout_numbers (void)
{
  SpWindow *window = new_window ();
  SpParams *params = sp_window_get_params (window);
  SpAnalysis *a;
  g_autofree char *lever = NULL;
  double f_alpha;

  g_object_set (params, "omega", -30.0, "s1", -3.0, "stiffness", 0.0,
                "temperature", 400.0, "c0", 0.4, NULL);
  a = sp_window_get_analysis (window);
  g_assert_cmpstr (panel_label (window, "critical_label"), ==, "348 K");
  g_assert_nonnull (strstr (panel_row_subtitle (window, "critical_row"), "lower critical point"));
  g_assert_cmpuint (a->eq.n_gaps, ==, 1);

  /* 0.4 lies in the gap: the fractions (c_β − c0)/(c_β − c_α) and the rest. */
  f_alpha = (a->eq.gaps[0].c_beta - 0.4) / (a->eq.gaps[0].c_beta - a->eq.gaps[0].c_alpha);
  lever = g_strdup_printf ("c₀ = 0.400 splits into %.0f %% α (c = %.3f) + %.0f %% β (c = %.3f)",
                           100 * f_alpha, a->eq.gaps[0].c_alpha, 100 * (1 - f_alpha),
                           a->eq.gaps[0].c_beta);
  g_assert_nonnull (strstr (panel_row_subtitle (window, "region_row"), lever));
  g_assert_nonnull (strstr (panel_row_subtitle (window, "omega_eff_row"), "Phases separate above 2"));

  /* Below 348 K there is no gap at all, and no lever sentence. */
  g_object_set (params, "temperature", 300.0, NULL);
  g_assert_cmpuint (sp_window_get_analysis (window)->eq.n_gaps, ==, 0);
  g_assert_null (strstr (panel_row_subtitle (window, "region_row"), "splits into"));
  g_assert_cmpstr (panel_label (window, "critical_label"), ==, "348 K");

  /* With an L₁ term the symmetric threshold is not shown. */
  g_object_set (params, "omega", 115.8, "s1", 0.0, "l1", 40.0, "temperature", 298.0, NULL);
  g_assert_null (strstr (panel_row_subtitle (window, "omega_eff_row"), "above"));
  g_assert_nonnull (strstr (panel_row_subtitle (window, "omega_eff_row"), "non-convex"));

  /* No read-out prints nan. */
  {
    g_autofree char *nan_text = sp_readout_significant (NAN, 3);
    g_autofree char *inf_text = sp_readout_fixed (INFINITY, 1);

    g_assert_cmpstr (nan_text, ==, SP_READOUT_UNDEFINED);
    g_assert_cmpstr (inf_text, ==, SP_READOUT_UNDEFINED);
  }

  close_window (window);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  sp_gsl_init ();
  g_test_init (&argc, &argv, NULL);
  test_app_init ();

  g_test_add_func ("/app/actions", test_actions);
  g_test_add_func ("/app/window/template", test_template);
  g_test_add_func ("/app/window/params-drive-plots", test_params_drive_plots);
  g_test_add_func ("/app/window/slider-clamps", test_slider_clamps);
  g_test_add_func ("/app/window/presets-load", test_presets_load);
  g_test_add_func ("/app/window/linked-cursor", test_linked_cursor);
  g_test_add_func ("/app/window/keyboard-cursor", test_keyboard_cursor);
  g_test_add_func ("/app/window/presentation", test_presentation);
  g_test_add_func ("/app/window/dark-style", test_dark_style);
  g_test_add_func ("/app/window/settings-restore", test_settings_restore);
  g_test_add_func ("/app/window/field-scale", test_field_scale);
  g_test_add_func ("/app/window/style-switch", test_style_switch);
  g_test_add_func ("/app/window/shortcuts-window", test_shortcuts_window);
  g_test_add_func ("/app/window/toast-clear-of-sim-bar", test_toast_clear_of_sim_bar);
  g_test_add_func ("/app/about", test_about);
  g_test_add_func ("/app/window/readout-numbers", test_readout_numbers);

  status = g_test_run ();
  g_clear_object (&app);

  return status;
}
