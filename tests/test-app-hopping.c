/* test-app-hopping.c — the Ion Transport lab's Hopping & Diffusion page in
 * the window: it appears under Ion Transport after Impedance, Alt+4 is
 * its key, its panel is its own; a slider moved as a user moves it (the
 * scale's own adjustment) reaches the worker, the closed-form read-outs
 * follow at once; the lattice hops and the analysis fills D*, D_σ and the
 * Haven ratio; the percolation message past the threshold; presets; the
 * session state's round trip and its errors naming the field; Data mode
 * imports a file the test writes (species picker, progress, cancel, a
 * missing file's error); the main thread stays responsive while it runs.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>
#include <string.h>
#include <time.h>

#include <glib/gstdio.h>

#include "sp-gsl.h"
#include "sp-hopping-import.h"
#include "sp-hopping-page.h"
#include "sp-hopping-panel.h"
#include "sp-hopping-params.h"
#include "sp-lesson-runner.h"
#include "sp-param-panel.h"
#include "sp-session.h"

#include "test-app-helpers.h"
#include "test-dispatch-timer.h"

static SpHoppingPage *
hopping_page (SpWindow *window)
{
  AdwViewStack *stack = ADW_VIEW_STACK (template_child (window, SP_TYPE_WINDOW, "view_stack"));
  GtkWidget *page = adw_view_stack_get_child_by_name (stack, "hopping");

  g_assert_true (SP_IS_HOPPING_PAGE (page));
  return SP_HOPPING_PAGE (page);
}

static const char *
shown_page (SpWindow *window)
{
  return adw_view_stack_get_visible_child_name (ADW_VIEW_STACK (template_child (window, SP_TYPE_WINDOW,
                                                                                "view_stack")));
}

static SpWindow *
window_on_hopping (void)
{
  SpWindow *window = new_window ();

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "hopping"));
  flush_main_loop ();
  g_assert_cmpstr (shown_page (window), ==, "hopping");
  return window;
}

static SpHoppingPanel *
hopping_panel (SpWindow *window)
{
  GObject *panel = window_panel (window, "hopping");

  g_assert_true (SP_IS_HOPPING_PANEL (panel));
  return SP_HOPPING_PANEL (panel);
}

/* Iterates the main loop until @done (or fails after @seconds). */
static void
wait_until (gboolean (*done) (gpointer),
            gpointer   data,
            double     seconds,
            const char *what)
{
  gint64 end = g_get_monotonic_time () + (gint64) (seconds * G_USEC_PER_SEC);

  while (!done (data))
    {
      if (g_get_monotonic_time () > end)
        g_error ("timed out waiting for %s", what);
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
}

/* The page under Ion Transport, its figures, its own panel, Alt+4. */
static void
test_page_in_lab (void)
{
  SpWindow *window = window_on_hopping ();
  SpHoppingPage *page = hopping_page (window);
  GPtrArray *figures = sp_lab_page_get_figures (SP_LAB_PAGE (page));
  static const SpFigureKind kinds[] = {
    SP_FIGURE_LATTICE, SP_FIGURE_MSD, SP_FIGURE_FS, SP_FIGURE_QENS,
    SP_FIGURE_DIFFUSION_ARRHENIUS, SP_FIGURE_FINITE_SIZE,
  };
  g_autoptr(GListModel) controllers = NULL;
  g_autofree char *lab = NULL;
  gboolean alt4 = FALSE;
  int min;

  g_assert_cmpstr (sp_lab_page_get_lab_name (SP_LAB_PAGE (page)), ==, "ion-transport");
  g_assert_cmpstr (sp_lab_page_get_panel_name (SP_LAB_PAGE (page)), ==, "hopping");
  g_object_get (window, "lab", &lab, NULL);
  g_assert_cmpstr (lab, ==, "ion-transport");
  g_assert_false (sp_lab_page_get_simulation_bar (SP_LAB_PAGE (page)));
  g_assert_true (sp_lab_page_has_state (SP_LAB_PAGE (page)));
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (hopping_panel (window))));
  gtk_widget_measure (GTK_WIDGET (hopping_panel (window)), GTK_ORIENTATION_HORIZONTAL, -1, &min,
                      NULL, NULL, NULL);
  g_assert_cmpint (min, <=, SP_PARAM_PANEL_WIDTH);
  /* The .ui's kind numbers are the figure kinds. */
  g_assert_cmpuint (figures->len, ==, G_N_ELEMENTS (kinds));
  for (guint i = 0; i < figures->len; i++)
    g_assert_cmpint (sp_plot_view_get_kind (g_ptr_array_index (figures, i)), ==, kinds[i]);
  /* Live: four figures and the read-outs; D(T) and D(1/L) in Data mode. */
  for (guint i = 0; i < 4; i++)
    g_assert_true (gtk_widget_get_mapped (g_ptr_array_index (figures, i)));
  g_assert_false (gtk_widget_get_visible (g_ptr_array_index (figures, 4)));
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (sp_hopping_page_get_readouts (page))));

  /* Alt+4 (either row of digits) shows the page: the fourth of the list. */
  controllers = gtk_widget_observe_controllers (GTK_WIDGET (window));
  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) c = g_list_model_get_item (controllers, i);

      if (g_strcmp0 (gtk_event_controller_get_name (c), "sp-window-page-shortcuts") != 0)
        continue;
      for (guint k = 0; k < g_list_model_get_n_items (G_LIST_MODEL (c)); k++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (c), k);
          g_autoptr(GtkShortcutTrigger) alt_4 = gtk_keyval_trigger_new (GDK_KEY_4, GDK_ALT_MASK);
          GVariant *target = gtk_shortcut_get_arguments (shortcut);

          if (gtk_shortcut_trigger_equal (gtk_shortcut_get_trigger (shortcut), alt_4))
            {
              g_assert_nonnull (target);
              g_assert_cmpstr (g_variant_get_string (target, NULL), ==, "hopping");
              alt4 = TRUE;
            }
        }
    }
  g_assert_true (alt4);

  /* Away and back: the lab comes back on this page, with its panel. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "impedance"));
  flush_main_loop ();
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (hopping_panel (window))));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "overview"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "hopping"));
  flush_main_loop ();
  g_assert_cmpstr (shown_page (window), ==, "hopping");
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (hopping_panel (window))));
  close_window (window);
}

static gboolean
worker_has_temperature (gpointer data)
{
  SpHoppingPage *page = data;
  SpKmcLiveFrame *frame = sp_kmc_live_get_frame (sp_hopping_page_get_live (page));

  return frame != NULL && frame->params.temperature_k == 450.0;
}

static gboolean
worker_has_size (gpointer data)
{
  SpHoppingPage *page = data;
  SpKmcLiveFrame *frame = sp_kmc_live_get_frame (sp_hopping_page_get_live (page));

  return frame != NULL && frame->size == 16 && frame->params.size == 16;
}

/* Sliders moved as a user moves them reach the worker: parameters that
 * keep the lattice apply in place, the lattice size builds a new one; the
 * closed forms in the read-outs follow at once. */
/* A lesson names every slider by the page state's key ("hopping.barrier_ev"),
 * so @lock and @highlight reach them. */
static void
test_lesson_keys (void)
{
  SpWindow *window = window_on_hopping ();
  SpHoppingPanel *panel = hopping_panel (window);

  guint rows = 0;

  for (guint p = 0; p < SP_HOPPING_N_PARAMS; p++)
    {
      g_autofree char *key = g_strconcat ("hopping.", sp_hopping_get_range (p)->id, NULL);
      SpSliderRow *row = sp_hopping_panel_get_row (panel, p);

      /* Parameters set by other controls (the seed's spin button) have no row. */
      if (row == NULL)
        continue;
      g_assert_cmpstr (sp_lesson_control_get_key (GTK_WIDGET (row)), ==, key);
      rows++;
    }
  g_assert_cmpuint (rows, >=, 9);
  close_window (window);
}

static void
test_sliders_reach_worker (void)
{
  SpWindow *window = window_on_hopping ();
  SpHoppingPage *page = hopping_page (window);
  SpHoppingPanel *panel = hopping_panel (window);
  SpKmcLive *live = sp_hopping_page_get_live (page);
  SpSliderRow *row = sp_hopping_panel_get_row (panel, SP_HOPPING_TEMPERATURE);
  GtkAdjustment *scale = gtk_range_get_adjustment (GTK_RANGE (sp_slider_row_get_scale (row)));
  const SpHoppingReadout *readout = sp_hopping_page_get_readout (page);
  double ea = gtk_adjustment_get_value (sp_hopping_page_get_adjustment (page, SP_HOPPING_BARRIER));
  double nu = gtk_adjustment_get_value (sp_hopping_page_get_adjustment (page, SP_HOPPING_ATTEMPT));
  double a = gtk_adjustment_get_value (sp_hopping_page_get_adjustment (page, SP_HOPPING_SPACING));
  double gamma = nu * exp (-ea / (SP_BOLTZMANN_EV_PER_K * 450.0));
  g_autofree char *gamma_number = sp_hopping_readouts_format_pm (gamma, NAN, NULL);
  g_autofree char *gamma_text = g_strconcat (gamma_number, " Hz", NULL);

  g_assert_cmpstr (sp_hopping_page_get_preset (page), ==, "network-3d");
  gtk_adjustment_set_value (scale, 450.0);
  g_assert_cmpfloat (gtk_adjustment_get_value (sp_hopping_page_get_adjustment (page,
                                                                               SP_HOPPING_TEMPERATURE)),
                     ==, 450.0);
  g_assert_cmpfloat (sp_kmc_live_get_params (live)->temperature_k, ==, 450.0);
  /* A hand-moved slider leaves the preset. */
  g_assert_null (sp_hopping_page_get_preset (page));
  /* Γ = ν exp(−E_a/k_BT) and the dilute D* = Γa², in the same turn. */
  g_assert_cmpfloat_with_epsilon (readout->gamma_hz, gamma, 1e-12 * gamma);
  g_assert_cmpfloat_with_epsilon (readout->d_dilute_cm2_s, gamma * a * a * 1e-16, 1e-12 * gamma * a * a * 1e-16);
  /* "Γ Hz" */
  g_assert_cmpstr (sp_hopping_readouts_get_gamma_text (sp_hopping_page_get_readouts (page)), ==,
                   gamma_text);
  wait_until (worker_has_temperature, page, 20, "the worker's frame at 450 K");

  /* The channels' barrier in place, the size as a new lattice. */
  gtk_adjustment_set_value (gtk_range_get_adjustment (GTK_RANGE (sp_slider_row_get_scale (
                              sp_hopping_panel_get_row (panel, SP_HOPPING_BARRIER_Z)))), 0.15);
  g_assert_cmpfloat (sp_kmc_live_get_params (live)->barrier_z_ev, ==, 0.15);
  g_assert_cmpfloat (readout->gamma_z_hz, >, readout->gamma_hz);
  gtk_adjustment_set_value (gtk_range_get_adjustment (GTK_RANGE (sp_slider_row_get_scale (
                              sp_hopping_panel_get_row (panel, SP_HOPPING_SIZE)))), 16);
  g_assert_cmpuint (sp_kmc_live_get_params (live)->size, ==, 16);
  wait_until (worker_has_size, page, 20, "a 16³ lattice");
  /* The layer slider's range follows the size. */
  g_assert_cmpfloat (gtk_adjustment_get_upper (sp_hopping_page_get_layer_adjustment (page)), ==, 15);

  /* The blocking drop-down; then a preset puts every value back. */
  adw_combo_row_set_selected (sp_hopping_panel_get_blocking_row (panel), SP_HOPPING_BLOCKING_CLUSTERED);
  g_assert_cmpint (sp_kmc_live_get_params (live)->blocking, ==, SP_KMC_BLOCKING_CLUSTERED);
  adw_combo_row_set_selected (sp_hopping_panel_get_preset_row (panel), 1);
  g_assert_cmpstr (sp_hopping_page_get_preset (page), ==, sp_hopping_get_preset (1)->id);
  for (guint i = 0; i < SP_HOPPING_N_PARAMS; i++)
    g_assert_cmpfloat (gtk_adjustment_get_value (sp_hopping_page_get_adjustment (page, i)), ==,
                       sp_hopping_get_preset (1)->values[i]);
  g_assert_cmpfloat (sp_kmc_live_get_params (live)->barrier_z_ev, ==,
                     sp_hopping_get_preset (1)->values[SP_HOPPING_BARRIER_Z]);
  g_assert_cmpint (sp_kmc_live_get_params (live)->blocking, ==, SP_KMC_BLOCKING_RANDOM);
  close_window (window);
}

static gboolean
idle_workbench (gpointer data)
{
  return !sp_hop_workbench_get_busy (data);
}

static gboolean
analysed (gpointer data)
{
  const SpHoppingReadout *r = sp_hopping_page_get_readout (data);

  return isfinite (r->d_star_cm2_s) && isfinite (r->d_sigma_cm2_s) && isfinite (r->haven);
}

static gboolean
not_percolating (gpointer data)
{
  SpKmcLiveFrame *frame = sp_kmc_live_get_frame (sp_hopping_page_get_live (data));
  const SpHoppingReadout *r = sp_hopping_page_get_readout (data);

  return frame != NULL && frame->params.blocked_fraction == 0.85 && r->percolation_known &&
         !r->percolates;
}

/* One dispatch on the main thread (one callback: a frame's hand-off, a
 * job's result, the frame clock's layout and drawing of every figure) may
 * take this much of the main thread's own CPU time, never the lattice's or
 * the analysis' work.  AddressSanitizer runs the same code about three
 * times slower (and the first drawing of every figure falls into one
 * dispatch), so it gets three times as long. */
#if defined(__SANITIZE_ADDRESS__)
#define MAIN_DISPATCH_LIMIT_US 300000
#else
#define MAIN_DISPATCH_LIMIT_US 100000
#endif

/* The timer measures single dispatches: two sources ready together run in
 * one iteration, which sums them, while the longest dispatch is the slower
 * one alone; a custom source (given a timed copy of its funcs) and an idle
 * one (timed through g_idle_funcs) are both seen. */
static void
burn_cpu_us (gint64 us)
{
  gint64 end = dispatch_timer_cpu_us () + us;
  volatile double sink = 1.0;

  while (dispatch_timer_cpu_us () < end)
    sink = sink * 1.0000001 + 1e-9;
}

static gboolean
slow_idle_cb (gpointer data)
{
  burn_cpu_us (30000);
  return G_SOURCE_REMOVE;
}

static gboolean
ready_prepare (GSource *source,
               gint    *timeout)
{
  *timeout = 0;
  return TRUE;
}

static gboolean
slow_custom_dispatch (GSource     *source,
                      GSourceFunc  callback,
                      gpointer     user_data)
{
  burn_cpu_us (20000);
  return G_SOURCE_REMOVE;
}

static GSourceFuncs slow_custom_funcs = { .prepare = ready_prepare, .dispatch = slow_custom_dispatch };

static void
test_dispatch_timer (void)
{
  GSource *custom = g_source_new (&slow_custom_funcs, sizeof (GSource));
  GSource *idle = g_idle_source_new ();
  const DispatchTimer *timer;

  /* Nothing else pending (the other tests' windows are gone). */
  for (guint i = 0; i < 1000 && g_main_context_iteration (NULL, FALSE); i++)
    ;
  g_source_set_priority (custom, G_PRIORITY_DEFAULT);
  g_source_attach (custom, NULL);
  g_source_unref (custom);
  g_source_set_priority (idle, G_PRIORITY_DEFAULT);
  g_source_set_name (idle, "slow idle");
  g_source_set_callback (idle, slow_idle_cb, NULL, NULL);
  dispatch_timer_start ();
  g_source_attach (idle, NULL);
  g_source_unref (idle);
  dispatch_timer_iteration ();
  timer = dispatch_timer_stop ();
  g_test_message ("two sources in one iteration: %.1f ms, the longest dispatch %.1f ms (%s)",
                  timer->longest_iteration_us / 1000.0, timer->longest_us / 1000.0,
                  timer->longest_name);
  g_assert_cmpuint (timer->n_dispatches, ==, 2);
  g_assert_true (timer->saw_wrapped && timer->saw_idle_or_timeout);
  g_assert_cmpint (timer->longest_iteration_us, >=, 50000);
  g_assert_cmpint (timer->longest_us, >=, 30000);
  g_assert_cmpint (timer->longest_us, <, 45000);
  g_assert_cmpstr (timer->longest_name, ==, "slow idle");
}

/* Running: frames with hops, the analysis of the rolling window fills
 * D* ± s.e., D_σ and H_R (dilute: H_R near 1, D* near Γa²), the figures
 * get the MSD; the main thread never waits long; past the percolation
 * threshold the message appears. */
static void
test_running (void)
{
  SpWindow *window = window_on_hopping ();
  SpHoppingPage *page = hopping_page (window);
  SpHoppingReadouts *readouts = sp_hopping_page_get_readouts (page);
  const SpHoppingReadout *r = sp_hopping_page_get_readout (page);
  const DispatchTimer *timer;
  gint64 end;
  const SpFigureData *msd;

  g_assert_true (sp_hopping_page_apply_preset (page, "dilute"));
  gtk_adjustment_set_value (sp_hopping_page_get_adjustment (page, SP_HOPPING_SIZE), 16);
  sp_hopping_page_set_running (page, TRUE);
  g_assert_true (sp_hopping_page_get_running (page));
  /* The main thread's longest single dispatch (its own CPU time: the
   * machine is shared) while the lattice hops and the analysis runs: the
   * work is on other threads; a callback draws a frame at most.  Per
   * dispatch, not per loop iteration: an iteration runs every ready source
   * at once (test-dispatch-timer.h). */
  dispatch_timer_start ();
  end = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;
  while (!analysed (page) && g_get_monotonic_time () < end)
    {
      dispatch_timer_iteration ();
      g_usleep (1000);
    }
  timer = dispatch_timer_stop ();
  g_assert_true (analysed (page));
  g_test_message ("longest main-thread dispatch while running: %.1f ms of CPU (%s); "
                  "%u dispatches timed, %u sources wrapped; longest loop iteration %.1f ms",
                  timer->longest_us / 1000.0, timer->longest_name, timer->n_dispatches,
                  timer->n_wrapped, timer->longest_iteration_us / 1000.0);
  /* Both ways of timing took part: GLib's idle/timeout sources (the frame
   * clock, the jobs' results) and wrapped ones (the worker's frames). */
  g_assert_true (timer->saw_idle_or_timeout);
  g_assert_true (timer->saw_wrapped);
  g_assert_cmpint (timer->longest_us, <, MAIN_DISPATCH_LIMIT_US);
  g_assert_cmpfloat (r->d_star_cm2_s, >, 0);
  g_assert_true (isfinite (r->d_star_se) && r->d_star_se > 0);
  /* Dilute: tracer and jump diffusivity both near Γa² (within generous
   * bounds: a short live window; the engine's own tests hold the tight
   * oracles). */
  g_assert_cmpfloat (r->d_star_cm2_s, >, 0.3 * r->d_dilute_cm2_s);
  g_assert_cmpfloat (r->d_star_cm2_s, <, 3.0 * r->d_dilute_cm2_s);
  g_assert_true (g_str_has_suffix (sp_hopping_readouts_get_d_star_text (readouts), "cm²/s"));
  g_assert_nonnull (strstr (sp_hopping_readouts_get_d_star_text (readouts), "±"));
  msd = sp_plot_view_get_data (sp_hopping_page_get_figure (page, SP_FIGURE_MSD));
  g_assert_nonnull (msd->hop);
  g_assert_nonnull (msd->hop->msd);
  g_assert_nonnull (msd->hop->msd->msd_a2[SP_HOP_MSD_TOTAL]);
  g_assert_nonnull (msd->hop->lattice);
  g_assert_cmpuint (msd->hop->lattice->nx, ==, 16);

  /* The fit window from the plot (as a drag reports it), paused: the
   * window of samples stays. */
  sp_hopping_page_set_running (page, FALSE);
  wait_until (idle_workbench, sp_hopping_page_get_workbench (page), 30, "the analysis");
  msd = sp_plot_view_get_data (sp_hopping_page_get_figure (page, SP_FIGURE_MSD));
  {
    double t0 = msd->hop->msd->t_ps[1], t1 = msd->hop->msd->t_ps[msd->hop->msd->n - 1];
    double w0, w1;
    gboolean automatic;

    g_assert_cmpuint (msd->hop->msd->n, >=, 3);
    g_assert_cmpfloat (t0, <, t1);
    g_signal_emit_by_name (sp_hopping_page_get_figure (page, SP_FIGURE_MSD), "window-dragged", t0, t1);
    /* The refit in its thread, then the window it used (on the lags). */
    wait_until (idle_workbench, sp_hopping_page_get_workbench (page), 30, "the refit");
    sp_hop_workbench_get_window (sp_hopping_page_get_workbench (page), &w0, &w1, &automatic);
    g_assert_false (automatic);
    g_assert_cmpfloat_with_epsilon (w0, t0, 1e-9 * t0);
    g_assert_cmpfloat_with_epsilon (w1, t1, 1e-9 * t1);
  }

  /* Past the threshold: the open sites no longer span the lattice. */
  g_assert_cmpstr (sp_hopping_readouts_get_percolation_text (readouts), ==, "");
  gtk_adjustment_set_value (sp_hopping_page_get_adjustment (page, SP_HOPPING_BLOCKED_FRACTION), 0.85);
  sp_hopping_page_set_running (page, TRUE);
  wait_until (not_percolating, page, 30, "a non-percolating lattice");
  g_assert_nonnull (strstr (sp_hopping_readouts_get_percolation_text (readouts), "0.850"));

  sp_hopping_page_set_running (page, FALSE);
  close_window (window);
}

static JsonObject *
parse_object (const char *json)
{
  g_autoptr(JsonParser) parser = json_parser_new ();

  g_assert_true (json_parser_load_from_data (parser, json, -1, NULL));
  return json_object_ref (json_node_get_object (json_parser_get_root (parser)));
}

static void
assert_refused (SpLabPage  *page,
                const char *json,
                const char *field)
{
  g_autoptr(JsonObject) state = parse_object (json);
  g_autoptr(GError) error = NULL;
  g_autofree char *prefix = g_strdup_printf ("session.pages.hopping.%s: ", field);

  g_assert_false (sp_lab_page_load_state (page, state, &error));
  g_assert_error (error, SP_SESSION_ERROR, SP_SESSION_ERROR_INVALID);
  g_test_message ("%s", error->message);
  g_assert_true (g_str_has_prefix (error->message, prefix));
}

/* Save, change, load: the same values bit for bit and the same state
 * again; a file's errors name the field and change nothing; missing
 * keys are the starting values. */
static void
test_session_state (void)
{
  SpHoppingPage *page = g_object_ref_sink (g_object_new (SP_TYPE_HOPPING_PAGE, NULL));
  SpLabPage *lab_page = SP_LAB_PAGE (page);
  g_autoptr(JsonObject) saved = NULL;
  g_autoptr(JsonObject) again = NULL;
  g_autoptr(GError) error = NULL;
  double expected[SP_HOPPING_N_PARAMS];
  static const char *keys[] = {
    "mode", "preset", "running", "carrier_fraction", "barrier_ev", "barrier_z_ev", "attempt_hz",
    "temperature_k", "blocked_fraction", "blocking", "disorder_ev", "spacing_angstrom", "size",
    "seed", "layer", "speed_hops_s", "window_t0_ps", "window_t1_ps", "data_file", "species",
    "timestep_fs", "series",
  };

  g_assert_true (sp_hopping_page_apply_preset (page, "garnet-al"));
  gtk_adjustment_set_value (sp_hopping_page_get_adjustment (page, SP_HOPPING_DISORDER), 0.0625);
  gtk_adjustment_set_value (sp_hopping_page_get_adjustment (page, SP_HOPPING_SEED), 4242);
  sp_hopping_page_set_blocking (page, SP_HOPPING_BLOCKING_CLUSTERED);
  gtk_adjustment_set_value (sp_hopping_page_get_layer_adjustment (page), 5);
  gtk_adjustment_set_value (sp_hopping_page_get_speed_adjustment (page), 1000);
  for (guint i = 0; i < SP_HOPPING_N_PARAMS; i++)
    expected[i] = gtk_adjustment_get_value (sp_hopping_page_get_adjustment (page, i));
  saved = sp_lab_page_save_state (lab_page);
  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    g_assert_true (json_object_has_member (saved, keys[i]));
  g_assert_cmpuint (json_object_get_size (saved), ==, G_N_ELEMENTS (keys));
  g_assert_cmpstr (json_object_get_string_member (saved, "mode"), ==, "live");
  g_assert_true (json_object_get_null_member (saved, "preset"));
  g_assert_cmpstr (json_object_get_string_member (saved, "blocking"), ==, "clustered");
  g_assert_cmpfloat (json_object_get_double_member (saved, "disorder_ev"), ==, 0.0625);
  g_assert_cmpint (json_object_get_int_member (saved, "seed"), ==, 4242);
  g_assert_cmpint (json_object_get_int_member (saved, "layer"), ==, 5);
  g_assert_cmpfloat (json_object_get_double_member (saved, "speed_hops_s"), ==, 1000);

  /* Elsewhere, then back. */
  g_assert_true (sp_hopping_page_apply_preset (page, "channels-1d"));
  gtk_adjustment_set_value (sp_hopping_page_get_layer_adjustment (page), 9);
  g_assert_true (sp_lab_page_load_state (lab_page, saved, &error));
  g_assert_no_error (error);
  for (guint i = 0; i < SP_HOPPING_N_PARAMS; i++)
    g_assert_cmpfloat (gtk_adjustment_get_value (sp_hopping_page_get_adjustment (page, i)), ==,
                       expected[i]);
  g_assert_cmpint (sp_hopping_page_get_blocking (page), ==, SP_HOPPING_BLOCKING_CLUSTERED);
  g_assert_null (sp_hopping_page_get_preset (page));
  g_assert_cmpint (sp_kmc_live_get_params (sp_hopping_page_get_live (page))->seed, ==, 4242);
  g_assert_cmpint (sp_kmc_live_get_params (sp_hopping_page_get_live (page))->blocking, ==,
                   SP_KMC_BLOCKING_CLUSTERED);
  again = sp_lab_page_save_state (lab_page);
  g_assert_true (json_object_equal (saved, again));

  /* A preset's own values come back as the preset. */
  {
    g_autoptr(JsonObject) preset = NULL;

    g_assert_true (sp_hopping_page_apply_preset (page, "channels-1d"));
    preset = sp_lab_page_save_state (lab_page);
    g_assert_true (sp_lab_page_load_state (lab_page, saved, NULL));
    g_assert_true (sp_lab_page_load_state (lab_page, preset, NULL));
    g_assert_cmpstr (sp_hopping_page_get_preset (page), ==, "channels-1d");
  }

  /* Errors name the field; nothing changes. */
  g_assert_true (sp_lab_page_load_state (lab_page, saved, NULL));
  assert_refused (lab_page, "{\"barrier_ev\": 3}", "barrier_ev");
  assert_refused (lab_page, "{\"barrier_z_ev\": \"low\"}", "barrier_z_ev");
  assert_refused (lab_page, "{\"carrier_fraction\": 1.5}", "carrier_fraction");
  assert_refused (lab_page, "{\"temperature_k\": -3}", "temperature_k");
  assert_refused (lab_page, "{\"size\": 12.5}", "size");
  assert_refused (lab_page, "{\"size\": 128}", "size");
  assert_refused (lab_page, "{\"seed\": -1}", "seed");
  assert_refused (lab_page, "{\"size\": 16, \"layer\": 16}", "layer");
  assert_refused (lab_page, "{\"blocking\": \"striped\"}", "blocking");
  assert_refused (lab_page, "{\"mode\": \"replay\"}", "mode");
  assert_refused (lab_page, "{\"preset\": \"glass\"}", "preset");
  assert_refused (lab_page, "{\"running\": 1}", "running");
  assert_refused (lab_page, "{\"speed_hops_s\": 5}", "speed_hops_s");
  assert_refused (lab_page, "{\"window_t0_ps\": 5}", "window_t1_ps");
  assert_refused (lab_page, "{\"window_t0_ps\": 5, \"window_t1_ps\": 2}", "window_t1_ps");
  assert_refused (lab_page, "{\"window_t0_ps\": -1, \"window_t1_ps\": 2}", "window_t0_ps");
  assert_refused (lab_page, "{\"timestep_fs\": 0}", "timestep_fs");
  assert_refused (lab_page, "{\"species\": \"\"}", "species");
  assert_refused (lab_page, "{\"data_file\": 7}", "data_file");
  for (guint i = 0; i < SP_HOPPING_N_PARAMS; i++)
    g_assert_cmpfloat (gtk_adjustment_get_value (sp_hopping_page_get_adjustment (page, i)), ==,
                       expected[i]);

  /* Missing keys: the starting values (the first preset's). */
  {
    g_autoptr(JsonObject) sparse = parse_object ("{\"temperature_k\": 600}");
    const SpHoppingPreset *first = sp_hopping_get_preset (0);

    g_assert_true (sp_lab_page_load_state (lab_page, sparse, NULL));
    for (guint i = 0; i < SP_HOPPING_N_PARAMS; i++)
      g_assert_cmpfloat (gtk_adjustment_get_value (sp_hopping_page_get_adjustment (page, i)), ==,
                         i == SP_HOPPING_TEMPERATURE ? 600 : first->values[i]);
    g_assert_cmpint (sp_hopping_page_get_blocking (page), ==, SP_HOPPING_BLOCKING_RANDOM);
    g_assert_false (sp_hopping_page_get_running (page));
    g_assert_null (sp_hopping_page_get_data_file (page));
  }
  g_object_run_dispose (G_OBJECT (page));
  g_object_unref (page);
}

/* An extended XYZ file of @n_frames: @n_li Li on a random walk (steps of
 * ±1 Å per axis, wrapped into a 10 Å box) and two fixed O. */
/* @n_li Li stepping ±@step Å per axis per frame in a 10 Å cube, two O as
 * the framework; the header states @temperature_k unless it is NAN. */
static char *
write_walk_at (const char *dir,
               const char *name,
               guint       n_li,
               guint       n_frames,
               double      step,
               double      temperature_k);

static char *
write_trajectory (const char *dir,
                  const char *name,
                  guint       n_li,
                  guint       n_frames)
{
  return write_walk_at (dir, name, n_li, n_frames, 1.0, NAN);
}

static char *
write_walk_at (const char *dir,
               const char *name,
               guint       n_li,
               guint       n_frames,
               double      step,
               double      temperature_k)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GRand) rand = g_rand_new_with_seed (7);
  g_autofree double *x = g_new0 (double, 3 * n_li);
  g_autoptr(GError) error = NULL;

  for (guint f = 0; f < n_frames; f++)
    {
      g_string_append_printf (text, "%u\nLattice=\"10 0 0 0 10 0 0 0 10\" "
                              "Properties=species:S:1:pos:R:3 Time=%u", n_li + 2, f);
      if (!isnan (temperature_k))
        g_string_append_printf (text, " temperature=%g", temperature_k);
      g_string_append_c (text, '\n');
      for (guint i = 0; i < n_li; i++)
        {
          for (guint a = 0; a < 3; a++)
            if (f > 0)
              x[3 * i + a] += g_rand_boolean (rand) ? step : -step;
          g_string_append_printf (text, "Li %.6f %.6f %.6f\n", fmod (x[3 * i] + 1000.0, 10.0),
                                  fmod (x[3 * i + 1] + 1000.0, 10.0), fmod (x[3 * i + 2] + 1000.0, 10.0));
        }
      g_string_append (text, "O 1.0 1.0 1.0\nO 6.0 6.0 6.0\n");
    }
  g_assert_true (g_file_set_contents (path, text->str, text->len, &error));
  g_assert_no_error (error);
  return g_steal_pointer (&path);
}

static gboolean
species_listed (gpointer data)
{
  return sp_hopping_import_get_species (data) != NULL;
}


static void
error_cb (SpHopWorkbench *workbench,
          const char     *message,
          char          **out)
{
  g_free (*out);
  *out = g_strdup (message);
}

/* Data mode: the file chosen, its species listed for the picker, the time
 * step, Import; progress while reading; the MSD and D* of the file; a
 * large file's import cancelled changes nothing; a missing file's error
 * names it. */
static void
test_data_import (void)
{
  SpWindow *window = window_on_hopping ();
  SpHoppingPage *page = hopping_page (window);
  SpHopWorkbench *workbench = sp_hopping_page_get_workbench (page);
  SpHoppingImport *import;
  g_autofree char *dir = g_dir_make_tmp ("test-app-hopping-XXXXXX", NULL);
  g_autofree char *small = write_trajectory (dir, "walk.xyz", 8, 400);
  g_autofree char *large = NULL;
  g_autofree char *message = NULL;
  const SpTrajectory *trajectory;
  GtkStringList *species;
  gboolean saw_progress = FALSE;

  sp_hopping_page_set_mode (page, SP_HOPPING_MODE_DATA);
  flush_main_loop ();
  import = SP_HOPPING_IMPORT (test_find_type (GTK_WIDGET (hopping_panel (window)),
                                               SP_TYPE_HOPPING_IMPORT));
  g_assert_nonnull (import);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (import)));
  g_assert_false (gtk_widget_get_sensitive (GTK_WIDGET (sp_hopping_import_get_import_button (import))));

  sp_hopping_import_set_file (import, small);
  wait_until (species_listed, import, 20, "the species");
  species = sp_hopping_import_get_species (import);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (species)), ==, 2);
  g_assert_cmpstr (gtk_string_list_get_string (species, 0), ==, "Li");
  g_assert_cmpstr (gtk_string_list_get_string (species, 1), ==, "O");
  g_assert_cmpuint (adw_combo_row_get_selected (sp_hopping_import_get_species_row (import)), ==, 0);
  gtk_spin_button_set_value (sp_hopping_import_get_timestep_spin (import), 2.0);
  g_assert_true (gtk_widget_get_sensitive (GTK_WIDGET (sp_hopping_import_get_import_button (import))));
  g_signal_emit_by_name (sp_hopping_import_get_import_button (import), "clicked");
  g_assert_cmpstr (sp_hopping_page_get_data_file (page), ==, small);
  g_assert_cmpstr (sp_hopping_page_get_species (page), ==, "Li");
  g_assert_cmpfloat (sp_hopping_page_get_timestep_fs (page), ==, 2.0);
  wait_until (idle_workbench, workbench, 60, "the import");
  flush_main_loop ();
  trajectory = sp_hop_workbench_get_trajectory (workbench);
  g_assert_nonnull (trajectory);
  g_assert_cmpuint (trajectory->n_ions, ==, 8);
  g_assert_cmpuint (trajectory->n_frames, ==, 400);
  g_assert_cmpfloat_with_epsilon (trajectory->dt_ps, 0.002, 1e-15);
  g_assert_nonnull (sp_plot_view_get_data (sp_hopping_page_get_figure (page, SP_FIGURE_MSD))->hop->msd);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (sp_hopping_page_get_figure (page,
                                                                                  SP_FIGURE_FINITE_SIZE))));
  /* ±1 Å per axis per frame: D = 1 Å²/(2·0.002 ps) = 250 Å²/ps = 0.025 cm²/s. */
  g_assert_cmpfloat (fabs (sp_hopping_page_get_readout (page)->d_star_cm2_s - 0.025), <, 0.005);

  /* A large file: progress, then Cancel; the small file's analysis stays. */
  large = write_trajectory (dir, "large.xyz", 200, 4000);
  sp_hopping_page_import (page, large, "Li", 1.0);
  g_assert_true (sp_hop_workbench_get_busy (workbench));
  g_assert_true (gtk_widget_is_visible (GTK_WIDGET (sp_hopping_import_get_progress_bar (import))));
  for (gint64 end = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;
       !saw_progress && sp_hop_workbench_get_busy (workbench) && g_get_monotonic_time () < end;)
    {
      g_main_context_iteration (NULL, FALSE);
      saw_progress = sp_hop_workbench_get_progress (workbench) > 0.0;
    }
  g_signal_emit_by_name (sp_hopping_import_get_cancel_button (import), "clicked");
  wait_until (idle_workbench, workbench, 30, "the cancelled import");
  flush_main_loop ();
  g_test_message ("progress seen before cancelling: %s", saw_progress ? "yes" : "no");
  g_assert_nonnull (sp_hop_workbench_get_trajectory (workbench));
  g_assert_cmpuint (sp_hop_workbench_get_trajectory (workbench)->n_ions, ==, 8);
  g_assert_false (gtk_widget_is_visible (GTK_WIDGET (sp_hopping_import_get_progress_bar (import))));

  /* A file that is gone: one error naming it. */
  g_signal_connect (workbench, "error", G_CALLBACK (error_cb), &message);
  sp_hopping_page_import (page, "/nonexistent/md.dump", "Li", 1.0);
  wait_until (idle_workbench, workbench, 30, "the missing file");
  flush_main_loop ();
  g_assert_nonnull (message);
  g_assert_nonnull (strstr (message, "md.dump"));
  g_signal_handlers_disconnect_by_data (workbench, &message);

  /* The file and its options are the session's. */
  {
    g_autoptr(JsonObject) saved = sp_lab_page_save_state (SP_LAB_PAGE (page));

    g_assert_cmpstr (json_object_get_string_member (saved, "mode"), ==, "data");
    g_assert_cmpstr (json_object_get_string_member (saved, "species"), ==, "Li");
  }

  close_window (window);
  g_remove (small);
  g_remove (large);
  g_rmdir (dir);
}

/* What the window entry accepts. */
static void
test_parse_window (void)
{
  double t0 = 0, t1 = 0;

  g_assert_true (sp_hopping_parse_window ("2 – 150", &t0, &t1));
  g_assert_cmpfloat (t0, ==, 2.0);
  g_assert_cmpfloat (t1, ==, 150.0);
  g_assert_true (sp_hopping_parse_window ("  0.5,3e2 ", &t0, &t1));
  g_assert_cmpfloat (t1, ==, 300.0);
  g_assert_true (sp_hopping_parse_window ("1 2", &t0, &t1));
  g_assert_false (sp_hopping_parse_window ("2", &t0, &t1));
  g_assert_false (sp_hopping_parse_window ("5 – 2", &t0, &t1));
  g_assert_false (sp_hopping_parse_window ("0 – 2", &t0, &t1));
  g_assert_false (sp_hopping_parse_window ("1 – 2 – 3", &t0, &t1));
  g_assert_false (sp_hopping_parse_window ("1 – inf", &t0, &t1));
  g_assert_false (sp_hopping_parse_window ("a – b", &t0, &t1));
  g_assert_false (sp_hopping_parse_window ("", &t0, &t1));
}

static gboolean
has_runs (gpointer data)
{
  SpHopWorkbench *workbench = data;

  return !sp_hop_workbench_get_busy (workbench) && sp_hop_workbench_get_n_runs (workbench) == 3;
}

static gboolean
has_two_runs (gpointer data)
{
  SpHopWorkbench *workbench = data;

  return !sp_hop_workbench_get_busy (workbench) && sp_hop_workbench_get_n_runs (workbench) == 2;
}

/* Data mode beyond one file: runs at three temperatures added (the
 * imported file's species and time step), their rows, a typed temperature
 * and Remove, the Arrhenius figure's E_a; the Γ(Q) and box-size tables
 * opened and cleared, their rows naming the file. */
static void
test_data_series (void)
{
  SpWindow *window = window_on_hopping ();
  SpHoppingPage *page = hopping_page (window);
  SpHopWorkbench *workbench = sp_hopping_page_get_workbench (page);
  SpHoppingSeries *series = sp_hopping_panel_get_series (hopping_panel (window));
  g_autofree char *dir = g_dir_make_tmp ("test-app-hopping-XXXXXX", NULL);
  /* D = step²/(2·0.002 ps): 0.25², 0.5², 1² × 250 Å²/ps at 400, 500, 700 K. */
  g_autofree char *cold = write_walk_at (dir, "cold.xyz", 8, 300, 0.25, 400.0);
  g_autofree char *warm = write_walk_at (dir, "warm.xyz", 8, 300, 0.5, 500.0);
  g_autofree char *hot = write_walk_at (dir, "hot.xyz", 8, 300, 1.0, 700.0);
  g_autofree char *qens = g_build_filename (dir, "gamma.csv", NULL);
  g_autofree char *sizes = g_build_filename (dir, "neb.csv", NULL);
  g_autoptr(GFile) qens_file = g_file_new_for_path (qens);
  g_autoptr(GFile) sizes_file = g_file_new_for_path (sizes);
  GFile *files[2];
  const SpHopFigureData *data;

  g_assert_nonnull (series);
  sp_hopping_page_set_mode (page, SP_HOPPING_MODE_DATA);
  flush_main_loop ();
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (series)));
  /* Runs take the imported file's species and time step: none yet. */
  g_assert_false (gtk_widget_get_sensitive (sp_hopping_series_get_add_files_button (series)));
  g_assert_false (gtk_widget_get_sensitive (sp_hopping_series_get_add_current_button (series)));

  sp_hopping_page_import (page, cold, "Li", 2.0);
  wait_until (idle_workbench, workbench, 60, "the import");
  flush_main_loop ();
  g_assert_true (gtk_widget_get_sensitive (sp_hopping_series_get_add_files_button (series)));
  g_signal_emit_by_name (sp_hopping_series_get_add_current_button (series), "clicked");
  /* Add Files… opens the real file dialog; the file picked there is read
   * with the imported file's species and time step. */
  {
    GtkFileChooser *chooser;
    g_autoptr(GFile) picked = g_file_new_for_path (warm);
    gint64 deadline = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;

    g_signal_emit_by_name (sp_hopping_series_get_add_files_button (series), "clicked");
    chooser = test_wait_for_chooser ();
    g_assert_true (gtk_file_chooser_get_select_multiple (chooser));
    /* The file clicked in the list (selected once the folder is read). */
    g_assert_true (gtk_file_chooser_set_file (chooser, picked, NULL));
    for (;;)
      {
        g_autoptr(GListModel) selected = gtk_file_chooser_get_files (chooser);
        g_autoptr(GFile) first = g_list_model_get_n_items (selected) > 0
                                 ? g_list_model_get_item (selected, 0) : NULL;

        if (first != NULL && g_file_equal (first, picked))
          break;
        g_assert_cmpint (g_get_monotonic_time (), <, deadline);
        g_main_context_iteration (NULL, FALSE);
        g_usleep (1000);
      }
    /* Enter: the dialog's default button, Open. */
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (chooser), "default.activate", NULL));
    /* Read before the next one is added, so that the rows keep this order. */
    wait_until (has_two_runs, workbench, 60, "the picked file's run");
  }
  files[0] = g_file_new_for_path (hot);
  sp_hopping_series_add_files (series, files, 1);
  g_object_unref (files[0]);
  wait_until (has_runs, workbench, 60, "the runs");
  flush_main_loop ();
  g_assert_cmpuint (sp_hopping_series_get_n_run_rows (series), ==, 3);
  g_assert_cmpfloat (gtk_spin_button_get_value (sp_hopping_series_get_run_temperature (series, 1)),
                     ==, 500.0);
  data = sp_plot_view_get_data (sp_hopping_page_get_figure (page, SP_FIGURE_DIFFUSION_ARRHENIUS))->hop;
  g_assert_cmpuint (data->n_arrhenius, >=, 1);
  g_assert_cmpuint (data->arrhenius[0].n, ==, 3);
  g_assert_cmpfloat (data->arrhenius[0].ea_ev, >, 0.0);

  /* The fit window typed (the keyboard's way to set it): applied, or
   * refused with the entry marked. */
  {
    AdwEntryRow *entry = sp_hopping_panel_get_window_entry (hopping_panel (window), 1);
    double t0, t1;
    gboolean automatic;

    g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (entry)));
    gtk_editable_set_text (GTK_EDITABLE (entry), "5 – 2");
    g_signal_emit_by_name (entry, "apply");
    g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (entry), "error"));
    gtk_editable_set_text (GTK_EDITABLE (entry), "0.01, 0.2");
    g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (entry), "error"));
    g_signal_emit_by_name (entry, "apply");
    wait_until (idle_workbench, workbench, 30, "the typed window's fit");
    flush_main_loop ();
    sp_hop_workbench_get_window (workbench, &t0, &t1, &automatic);
    g_assert_false (automatic);
    g_assert_cmpfloat (t0, ==, 0.01);
    g_assert_cmpfloat (t1, ==, 0.2);
    g_assert_true (g_str_has_suffix (sp_hopping_panel_get_window_text (hopping_panel (window)),
                                     "set by hand"));
    sp_hopping_page_set_window (page, NAN, NAN);
    wait_until (idle_workbench, workbench, 30, "the suggested window's fit");
  }

  /* A typed temperature reaches the run; Remove drops its row. */
  gtk_spin_button_set_value (sp_hopping_series_get_run_temperature (series, 2), 800.0);
  wait_until (idle_workbench, workbench, 30, "the refit");
  flush_main_loop ();
  g_assert_cmpfloat (sp_hop_workbench_get_run (workbench, 2)->temperature_k, ==, 800.0);
  g_signal_emit_by_name (sp_hopping_series_get_run_remove (series, 0), "clicked");
  wait_until (idle_workbench, workbench, 30, "the removal");
  flush_main_loop ();
  g_assert_cmpuint (sp_hop_workbench_get_n_runs (workbench), ==, 2);
  g_assert_cmpuint (sp_hopping_series_get_n_run_rows (series), ==, 2);
  g_assert_cmpstr (sp_hop_workbench_get_run (workbench, 0)->name, ==, "warm.xyz");

  /* The tables. */
  g_assert_true (g_file_set_contents (qens, "Q,Gamma,err\n0.4,0.010,0.001\n0.8,0.035,0.002\n"
                                      "1.2,0.065,0.003\n1.6,0.090,0.004\n2.0,0.105,0.005\n",
                                      -1, NULL));
  g_assert_true (g_file_set_contents (sizes, "L,E,err\n10,0.50,0.01\n15,0.47,0.01\n"
                                      "20,0.455,0.01\n30,0.44,0.01\n", -1, NULL));
  g_assert_cmpstr (adw_action_row_get_subtitle (sp_hopping_series_get_qens_row (series)), ==,
                   "None: Γ(Q) from the trajectory");
  sp_hopping_series_open_qens_table (series, qens_file);
  gtk_drop_down_set_selected (sp_hopping_series_get_size_quantity (series), 1);
  sp_hopping_series_open_size_table (series, sizes_file);
  wait_until (idle_workbench, workbench, 30, "the tables");
  flush_main_loop ();
  g_assert_cmpstr (adw_action_row_get_subtitle (sp_hopping_series_get_qens_row (series)), ==,
                   "gamma.csv");
  g_assert_cmpstr (adw_action_row_get_subtitle (sp_hopping_series_get_size_row (series)), ==,
                   "neb.csv");
  data = sp_plot_view_get_data (sp_hopping_page_get_figure (page, SP_FIGURE_FINITE_SIZE))->hop;
  g_assert_nonnull (data->finite_size);
  g_assert_cmpint (data->finite_size->quantity, ==, SP_HOP_FINITE_SIZE_ENERGY);
  g_assert_cmpuint (data->finite_size->n, ==, 4);
  data = sp_plot_view_get_data (sp_hopping_page_get_figure (page, SP_FIGURE_QENS))->hop;
  g_assert_nonnull (data->qens);
  g_assert_cmpuint (data->qens->n, ==, 5);
  g_assert_true (isfinite (data->qens->l_angstrom));

  /* A session keeps the runs (their numbers) and the tables (read again). */
  {
    SpLabPage *lab = SP_LAB_PAGE (page);
    g_autoptr(JsonObject) saved = sp_lab_page_save_state (lab);
    g_autoptr(JsonObject) empty = json_object_new ();
    g_autoptr(GError) error = NULL;
    JsonObject *series_state = json_object_get_object_member (saved, "series");

    g_assert_nonnull (series_state);
    g_assert_cmpuint (json_array_get_length (json_object_get_array_member (series_state, "runs")),
                      ==, 2);
    g_assert_cmpstr (json_object_get_string_member (series_state, "finite_size_quantity"), ==,
                     "energy");
    /* Loaded over a page without them. */
    sp_hop_workbench_load_series (workbench, empty, NULL);
    flush_main_loop ();
    g_assert_cmpuint (sp_hopping_series_get_n_run_rows (series), ==, 0);
    g_assert_true (sp_lab_page_check_state (lab, saved, &error));
    g_assert_no_error (error);
    g_assert_true (sp_lab_page_load_state (lab, saved, &error));
    wait_until (idle_workbench, workbench, 60, "the session's files");
    flush_main_loop ();
    g_assert_cmpuint (sp_hopping_series_get_n_run_rows (series), ==, 2);
    g_assert_cmpfloat (sp_hop_workbench_get_run (workbench, 1)->temperature_k, ==, 800.0);
    g_assert_cmpstr (adw_action_row_get_subtitle (sp_hopping_series_get_size_row (series)), ==,
                     "neb.csv");
    /* A run that is not a run names itself. */
    json_object_set_string_member (json_array_get_object_element (
                                     json_object_get_array_member (series_state, "runs"), 0),
                                   "d_star_cm2_s", "fast");
    g_assert_false (sp_lab_page_check_state (lab, saved, &error));
    g_assert_nonnull (strstr (error->message, "session.pages.hopping.series.runs[0].d_star_cm2_s"));
  }

  /* Clear: back to the trajectory's and the runs'. */
  g_signal_emit_by_name (sp_hopping_series_get_qens_clear (series), "clicked");
  g_signal_emit_by_name (sp_hopping_series_get_size_clear (series), "clicked");
  flush_main_loop ();
  g_assert_cmpstr (adw_action_row_get_subtitle (sp_hopping_series_get_qens_row (series)), ==,
                   "None: Γ(Q) from the trajectory");
  g_assert_false (gtk_widget_get_sensitive (sp_hopping_series_get_qens_clear (series)));
  g_assert_cmpstr (adw_action_row_get_subtitle (sp_hopping_series_get_size_row (series)), ==,
                   "None: D* of the runs");
  data = sp_plot_view_get_data (sp_hopping_page_get_figure (page, SP_FIGURE_QENS))->hop;
  g_assert_true (data->qens == NULL || g_strcmp0 (data->qens->source, "gamma.csv") != 0);
  close_window (window);
  g_unlink (cold);
  g_unlink (warm);
  g_unlink (hot);
  g_unlink (qens);
  g_unlink (sizes);
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  sp_gsl_init ();
  g_test_init (&argc, &argv, NULL);
  test_app_init ();

  g_test_add_func ("/app/hopping/page-in-lab", test_page_in_lab);
  g_test_add_func ("/app/hopping/lesson-keys", test_lesson_keys);
  g_test_add_func ("/app/hopping/sliders-reach-worker", test_sliders_reach_worker);
  g_test_add_func ("/app/hopping/dispatch-timer", test_dispatch_timer);
  g_test_add_func ("/app/hopping/running", test_running);
  g_test_add_func ("/app/hopping/session-state", test_session_state);
  g_test_add_func ("/app/hopping/data-import", test_data_import);
  g_test_add_func ("/app/hopping/data-series", test_data_series);
  g_test_add_func ("/app/hopping/parse-window", test_parse_window);

  status = g_test_run ();
  g_object_unref (app);
  return status;
}
