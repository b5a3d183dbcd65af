/* test-app-window.c — the application shell and its window
 *
 * Runs under a display (the 'gui' suite: xvfb-run + dbus-run-session, with
 * GSK_RENDERER=cairo, GSETTINGS_BACKEND=memory, G_DEBUG=fatal-criticals).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include "sp-application.h"
#include "sp-critical.h"
#include "sp-equilibrium.h"
#include "sp-kinetics.h"
#include "sp-model.h"
#include "sp-presets.h"
#include "sp-window.h"

static SpApplication *app;

/* Helpers ---------------------------------------------------------------- */

static GObject *
child (SpWindow   *window,
       const char *name)
{
  GObject *object = gtk_widget_get_template_child (GTK_WIDGET (window),
                                                   SP_TYPE_WINDOW, name);

  g_assert_nonnull (object);
  return object;
}

static const char *
label_text (SpWindow   *window,
            const char *name)
{
  GObject *object = child (window, name);

  g_assert_true (GTK_IS_LABEL (object));
  return gtk_label_get_label (GTK_LABEL (object));
}

/* Every decimal number in a read-out, in order; the typeset minus sign
 * (U+2212) counts as a sign.  Returns how many were found. */
static guint
parse_numbers (const char *text,
               double     *out,
               guint       max)
{
  g_autoptr(GString) ascii = g_string_new (text);
  const char *p;
  guint n = 0;

  g_string_replace (ascii, "−", "-", 0);

  for (p = ascii->str; *p != '\0' && n < max;)
    {
      if (g_ascii_isdigit (*p) ||
          (*p == '-' && g_ascii_isdigit (p[1])))
        {
          char *end;

          out[n++] = g_ascii_strtod (p, &end);
          p = end;
        }
      else
        p++;
    }

  return n;
}

static void
assert_readout (SpWindow   *window,
                const char *name,
                guint       n_expected,
                double     *expected,
                double      tolerance)
{
  const char *text = label_text (window, name);
  double found[2 * SP_MAX_INTERVALS];
  guint n;

  /* A composition within 10⁻³ of 0 or 1 is shown in scientific notation;
   * those are checked against the core's tests, not parsed here. */
  if (strstr (text, "×") != NULL)
    return;

  n = parse_numbers (text, found, G_N_ELEMENTS (found));
  if (n != n_expected)
    g_error ("%s: “%s” holds %u numbers, expected %u", name, text, n, n_expected);
  for (guint i = 0; i < n; i++)
    if (fabs (found[i] - expected[i]) > tolerance)
      g_error ("%s: “%s”: number %u is %g, the core says %.6g",
               name, text, i + 1, found[i], expected[i]);
}

static SpWindow *
new_window (void)
{
  SpWindow *window = sp_window_new (app);

  gtk_window_present (GTK_WINDOW (window));
  while (!gtk_widget_get_mapped (GTK_WIDGET (window)))
    g_main_context_iteration (NULL, TRUE);

  return window;
}

static void
flush_main_loop (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

/* Tests ------------------------------------------------------------------ */

static void
test_actions (void)
{
  g_auto(GStrv) quit = NULL;
  g_auto(GStrv) close = NULL;

  g_assert_true (g_action_group_has_action (G_ACTION_GROUP (app), "quit"));
  g_assert_true (g_action_group_has_action (G_ACTION_GROUP (app), "about"));

  quit = gtk_application_get_accels_for_action (GTK_APPLICATION (app), "app.quit");
  g_assert_cmpuint (g_strv_length (quit), ==, 1);
  g_assert_cmpstr (quit[0], ==, "<Control>q");

  close = gtk_application_get_accels_for_action (GTK_APPLICATION (app), "window.close");
  g_assert_cmpuint (g_strv_length (close), ==, 1);
  g_assert_cmpstr (close[0], ==, "<Control>w");
}

static void
test_template (void)
{
  static const char *labels[] = {
    "omega_label", "temperature_label", "s1_label", "stiffness_label",
    "rk_label", "kappa_label", "d0_label", "mobility_label", "v0_label",
    "c0_label", "omega_eff_label", "critical_label", "gap_label",
    "plateau_label", "spinodal_label", "region_label", "lambda_label",
    "illustrative_label",
  };
  SpWindow *window = new_window ();
  g_autofree char *preset_id = NULL;
  GtkShortcutsWindow *overlay;
  g_autoptr(GString) actions = g_string_new (NULL);
  GMenuModel *menu;

  g_assert_true (ADW_IS_WINDOW_TITLE (child (window, "window_title")));
  g_assert_true (ADW_IS_COMBO_ROW (child (window, "preset_row")));
  g_assert_true (ADW_IS_ACTION_ROW (child (window, "description_row")));
  g_assert_true (ADW_IS_ACTION_ROW (child (window, "region_row")));
  g_assert_true (GTK_IS_MENU_BUTTON (child (window, "primary_menu_button")));

  /* The primary menu offers the shortcuts, About and Quit. */
  menu = gtk_menu_button_get_menu_model (GTK_MENU_BUTTON (child (window, "primary_menu_button")));
  g_assert_nonnull (menu);
  for (guint i = 0; i < (guint) g_menu_model_get_n_items (menu); i++)
    {
      g_autoptr(GMenuModel) section = g_menu_model_get_item_link (menu, i, G_MENU_LINK_SECTION);

      for (guint j = 0; section != NULL && j < (guint) g_menu_model_get_n_items (section); j++)
        {
          g_autofree char *action = NULL;

          if (g_menu_model_get_item_attribute (section, j, G_MENU_ATTRIBUTE_ACTION, "s", &action))
            g_string_append_printf (actions, "%s ", action);
        }
    }
  g_assert_cmpstr (actions->str, ==, "win.show-help-overlay app.about app.quit ");

  /* Every read-out is filled in for the default preset. */
  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    {
      const char *text = label_text (window, labels[i]);

      if (text == NULL || *text == '\0')
        g_error ("%s is empty", labels[i]);
    }

  g_assert_cmpstr (sp_window_get_preset_id (window), ==, SP_PRESET_DEFAULT);
  g_object_get (window, "preset-id", &preset_id, NULL);
  g_assert_cmpstr (preset_id, ==, SP_PRESET_DEFAULT);
  g_assert_cmpstr (adw_window_title_get_subtitle (ADW_WINDOW_TITLE (child (window, "window_title"))),
                   ==, "LiFePO₄");

  /* The shortcuts window comes from the resource at gtk/help-overlay.ui. */
  overlay = gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (window));
  g_assert_nonnull (overlay);
  g_assert_true (GTK_IS_SHORTCUTS_WINDOW (overlay));

  gtk_window_destroy (GTK_WINDOW (window));
  flush_main_loop ();
}

/* The read-outs of every preset are the core's numbers. */
static void
test_readouts_match_core (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) presets = sp_presets_load_all (&error);
  SpWindow *window = new_window ();
  AdwComboRow *row = ADW_COMBO_ROW (child (window, "preset_row"));

  g_assert_no_error (error);
  g_assert_cmpuint (presets->len, >, 1);
  g_assert_cmpuint (g_list_model_get_n_items (adw_combo_row_get_model (row)), ==, presets->len);

  for (guint i = 0; i < presets->len; i++)
    {
      const SpPreset *preset = g_ptr_array_index (presets, i);
      const SpModel *model = &preset->model;
      SpEquilibrium eq;
      SpDispersion dispersion;
      double expected[2 * SP_MAX_INTERVALS];
      double t_c, c_c;

      adw_combo_row_set_selected (row, i);
      flush_main_loop ();
      g_assert_cmpstr (sp_window_get_preset_id (window), ==, preset->id);

      expected[0] = model->omega;
      assert_readout (window, "omega_label", 1, expected, 0.05);
      expected[0] = model->temperature;
      assert_readout (window, "temperature_label", 1, expected, 0.05);
      expected[0] = model->kappa;
      assert_readout (window, "kappa_label", 1, expected, 0.05);
      expected[0] = model->v0;
      assert_readout (window, "v0_label", 1, expected, 0.0005);

      expected[0] = sp_model_omega_eff (model) / sp_model_kt (model);
      assert_readout (window, "omega_eff_label", 1, expected, 0.005);

      if (sp_critical_point (model, &t_c, &c_c))
        {
          double found[2];
          guint n = parse_numbers (label_text (window, "critical_label"), found, 2);

          /* "420 K", or "612 K at c = 0.430" for an asymmetric model. */
          g_assert_cmpuint (n, ==, sp_model_is_symmetric (model) ? 1 : 2);
          g_assert_cmpfloat_with_epsilon (found[0], t_c, 0.5);
          if (n == 2)
            g_assert_cmpfloat_with_epsilon (found[1], c_c, 0.0005);
        }
      else
        g_assert_cmpuint (parse_numbers (label_text (window, "critical_label"), expected, 1), ==, 0);

      sp_equilibrium_compute (model, &eq);
      for (guint j = 0; j < eq.n_gaps; j++)
        {
          expected[2 * j] = eq.gaps[j].c_alpha;
          expected[2 * j + 1] = eq.gaps[j].c_beta;
        }
      assert_readout (window, "gap_label", 2 * eq.n_gaps, expected, 0.0005);
      for (guint j = 0; j < eq.n_gaps; j++)
        expected[j] = eq.gaps[j].voltage;
      assert_readout (window, "plateau_label", eq.n_gaps, expected, 0.0005);

      for (guint j = 0; j < eq.n_spinodals; j++)
        {
          expected[2 * j] = eq.spinodals[j].lo;
          expected[2 * j + 1] = eq.spinodals[j].hi;
        }
      assert_readout (window, "spinodal_label", 2 * eq.n_spinodals, expected, 0.0005);

      switch (sp_equilibrium_classify (&eq, model->c0))
        {
        case SP_REGION_UNSTABLE:
          g_assert_cmpstr (label_text (window, "region_label"), ==, "Unstable");
          break;
        case SP_REGION_METASTABLE:
          g_assert_cmpstr (label_text (window, "region_label"), ==, "Metastable");
          break;
        case SP_REGION_STABLE:
        default:
          g_assert_cmpstr (label_text (window, "region_label"), ==, "Stable");
          break;
        }

      sp_kinetics_dispersion (model, &dispersion);
      if (dispersion.unstable)
        {
          expected[0] = dispersion.lambda_star;
          assert_readout (window, "lambda_label", 1, expected,
                          0.005 * dispersion.lambda_star);
        }
      else
        g_assert_cmpuint (parse_numbers (label_text (window, "lambda_label"), expected, 1), ==, 0);

      g_assert_true (gtk_widget_get_visible (GTK_WIDGET (child (window, "illustrative_label")))
                     == preset->illustrative);
    }

  gtk_window_destroy (GTK_WINDOW (window));
  flush_main_loop ();
}

/* Switching presets changes the read-outs to PHYSICS.md's numbers,
 * independently of the core: the worked example (Ω = 4 k_BT) and LiFePO₄. */
static void
test_switch_preset (void)
{
  SpWindow *window = new_window ();

  /* LiFePO₄ at 298 K: Ω/k_BT = 115.8/25.68 = 4.51; with K = 43.4 meV,
   * T_c = (Ω − K)/(2k_B) = 420 K; spinodal c(1−c) = k_BT/(2(Ω − K)),
   * c = 0.230; c₀ = ½ is unstable; μ* = K so the plateau is 3.422 − 0.0434 V;
   * λ* = 2π √(2κ/−g″(½)) with g″(½) = 4k_BT − 2Ω + 2K = −42.08 meV. */
  g_assert_cmpstr (sp_window_get_preset_id (window), ==, "lifepo4");
  g_assert_cmpstr (label_text (window, "omega_eff_label"), ==, "4.51");
  g_assert_cmpstr (label_text (window, "critical_label"), ==, "420 K");
  g_assert_cmpstr (label_text (window, "spinodal_label"), ==, "0.230 – 0.770");
  g_assert_cmpstr (label_text (window, "plateau_label"), ==, "3.379 V");
  g_assert_cmpstr (label_text (window, "region_label"), ==, "Unstable");
  g_assert_cmpstr (label_text (window, "lambda_label"), ==, "20.6 nm");
  g_assert_cmpstr (label_text (window, "omega_label"), ==, "115.8 meV");

  /* The worked check: Ω/k_BT = 4 at 300 K puts the spinodal at
   * (0.146, 0.854) and T_c at Ω/(2k_B) = 600 K; c₀ = 0.2 lies inside it;
   * the binodal of ln(c/(1−c)) = 4(2c − 1) is c = 0.0214;
   * g″(0.2) = k_BT/0.16 − 2Ω = −45.2 meV, λ* = 2π √(200/45.2) = 13.2 nm. */
  g_assert_true (sp_window_set_preset_id (window, "textbook"));
  flush_main_loop ();
  g_assert_cmpstr (adw_window_title_get_subtitle (ADW_WINDOW_TITLE (child (window, "window_title"))),
                   ==, "Textbook regular solution");
  g_assert_cmpstr (label_text (window, "omega_eff_label"), ==, "4.00");
  g_assert_cmpstr (label_text (window, "critical_label"), ==, "600 K");
  g_assert_cmpstr (label_text (window, "spinodal_label"), ==, "0.146 – 0.854");
  g_assert_cmpstr (label_text (window, "gap_label"), ==, "0.021 – 0.979");
  g_assert_cmpstr (label_text (window, "plateau_label"), ==, "3.400 V");
  g_assert_cmpstr (label_text (window, "region_label"), ==, "Unstable");
  g_assert_cmpstr (label_text (window, "lambda_label"), ==, "13.2 nm");
  g_assert_cmpstr (label_text (window, "omega_label"), ==, "103.4 meV");
  g_assert_cmpstr (label_text (window, "c0_label"), ==, "0.2");

  g_assert_false (sp_window_set_preset_id (window, "no-such-preset"));
  g_assert_cmpstr (sp_window_get_preset_id (window), ==, "textbook");

  /* Back through the property. */
  g_object_set (window, "preset-id", "lifepo4", NULL);
  flush_main_loop ();
  g_assert_cmpstr (label_text (window, "critical_label"), ==, "420 K");

  gtk_window_destroy (GTK_WINDOW (window));
  flush_main_loop ();
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
  g_assert_cmpstr (adw_about_window_get_version (about), ==, PACKAGE_VERSION);
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (about)) == GTK_WINDOW (window));

  gtk_window_destroy (GTK_WINDOW (about));
  gtk_window_destroy (GTK_WINDOW (window));
  flush_main_loop ();
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);

  app = sp_application_new ();
  /* Never hand the test over to a Spinodal already running on the bus. */
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, &error));
  g_assert_no_error (error);

  g_test_add_func ("/app/actions", test_actions);
  g_test_add_func ("/app/window/template", test_template);
  g_test_add_func ("/app/window/readouts-match-core", test_readouts_match_core);
  g_test_add_func ("/app/window/switch-preset", test_switch_preset);
  g_test_add_func ("/app/about", test_about);

  status = g_test_run ();

  g_clear_object (&app);

  return status;
}
