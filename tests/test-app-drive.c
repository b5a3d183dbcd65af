/* test-app-drive.c — charging the particle in the window: the drive
 * selector and its rows, the voltage trace growing frame by frame, the
 * read-outs agreeing with the trace the figures draw, the page swapping
 * in the voltage figures, and undo of a drive change
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include "sp-drive-group.h"
#include "sp-gsl.h"
#include "sp-param-panel.h"
#include "sp-plot-view.h"
#include "sp-readout.h"
#include "sp-sim-bar.h"
#include "sp-slider-row.h"
#include "sp-undo-stack.h"

#include "test-app-helpers.h"

static SpDriveGroup *
drive_group (SpWindow *window)
{
  return SP_DRIVE_GROUP (template_child (window_panel (window, "phase-separation"),
                                         SP_TYPE_PARAM_PANEL, "drive_group"));
}

static GtkWidget *
group_row (SpWindow   *window,
           const char *name)
{
  return GTK_WIDGET (template_child (drive_group (window), SP_TYPE_DRIVE_GROUP, name));
}

static SpSimulationPage *
simulation_page (SpWindow *window)
{
  AdwViewStack *stack = ADW_VIEW_STACK (template_child (window, SP_TYPE_WINDOW, "view_stack"));

  return SP_SIMULATION_PAGE (adw_view_stack_get_child_by_name (stack, "simulation"));
}

/* Choosing each entry of the selector sets the drive (and a c₀ with room
 * to run) and shows exactly the rows that drive uses. */
static void
test_selector (void)
{
  SpWindow *window = new_window ();
  SpParams *params = sp_window_get_params (window);
  AdwComboRow *selector = ADW_COMBO_ROW (group_row (window, "drive_row"));
  const struct {
    SpDriveChoice choice;
    SpDriveMode   mode;
    gboolean      charge;
    double        c0;        /* after choosing it, in this order from c₀ = ½ */
    const char   *shown[6];
  } cases[] = {
    { SP_DRIVE_CHOICE_DISCHARGE, SP_DRIVE_GALVANOSTATIC, FALSE, SP_DRIVE_GROUP_START_C,
      { "c_rate_row", "k0_row", "alpha_row", "v_lo_row", "v_hi_row", NULL } },
    { SP_DRIVE_CHOICE_CHARGE, SP_DRIVE_GALVANOSTATIC, TRUE, 1.0 - SP_DRIVE_GROUP_START_C,
      { "c_rate_row", "k0_row", "alpha_row", "v_lo_row", "v_hi_row", NULL } },
    { SP_DRIVE_CHOICE_CYCLE, SP_DRIVE_CYCLE, FALSE, SP_DRIVE_GROUP_START_C,
      { "c_rate_row", "k0_row", "alpha_row", "v_lo_row", "v_hi_row", NULL } },
    { SP_DRIVE_CHOICE_HOLD, SP_DRIVE_POTENTIOSTATIC, FALSE, SP_DRIVE_GROUP_START_C,
      { "voltage_row", "k0_row", "alpha_row", NULL } },
    { SP_DRIVE_CHOICE_CLOSED, SP_DRIVE_CLOSED, FALSE, SP_DRIVE_GROUP_START_C, { NULL } },
  };
  const char *rows[] = { "c_rate_row", "voltage_row", "k0_row", "alpha_row", "v_lo_row",
                         "v_hi_row" };
  double k0, alpha;

  /* Closed at first: the selector says so and no slider shows. */
  g_assert_cmpint (sp_params_get_drive_mode (params), ==, SP_DRIVE_CLOSED);
  g_assert_cmpuint (adw_combo_row_get_selected (selector), ==, SP_DRIVE_CHOICE_CLOSED);
  for (guint r = 0; r < G_N_ELEMENTS (rows); r++)
    g_assert_false (gtk_widget_get_visible (group_row (window, rows[r])));
  g_assert_false (sp_simulation_page_get_driven (simulation_page (window)));
  /* The preset's MPET kinetics are on the sliders. */
  g_object_get (params, "k0", &k0, "alpha", &alpha, NULL);
  g_assert_cmpfloat (k0, ==, 3.62e-3);
  g_assert_cmpfloat (alpha, ==, 0.5);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      gboolean charge;
      double c0;

      adw_combo_row_set_selected (selector, cases[i].choice);
      flush_main_loop ();
      g_object_get (params, "drive-charge", &charge, "c0", &c0, NULL);
      g_assert_cmpint (sp_params_get_drive_mode (params), ==, cases[i].mode);
      g_assert_cmpint (charge, ==, cases[i].charge);
      g_assert_cmpfloat (c0, ==, cases[i].c0);
      for (guint r = 0; r < G_N_ELEMENTS (rows); r++)
        g_assert_cmpint (gtk_widget_get_visible (group_row (window, rows[r])), ==,
                         g_strv_contains (cases[i].shown, rows[r]));
      g_assert_cmpint (sp_simulation_page_get_driven (simulation_page (window)), ==,
                       cases[i].mode != SP_DRIVE_CLOSED);
    }

  /* The selector follows the parameters too (a session, undo). */
  g_object_set (params, "drive-mode", SP_DRIVE_GALVANOSTATIC, "drive-charge", TRUE, NULL);
  g_assert_cmpuint (adw_combo_row_get_selected (selector), ==, SP_DRIVE_CHOICE_CHARGE);
  close_window (window);
}

static SpFrame *
wait_for_trace (SpSimulation *sim,
                guint         min_len,
                double        min_mean_c,
                double        seconds)
{
  gint64 deadline = g_get_monotonic_time () + (gint64) (seconds * G_USEC_PER_SEC);

  for (;;)
    {
      SpFrame *frame = sp_simulation_get_frame (sim);
      const SpDriveTrace *trace = sp_simulation_get_trace (sim);

      if (frame != NULL && trace->len >= min_len && frame->drive.mean_c >= min_mean_c &&
          frame->params.drive.mode != SP_DRIVE_CLOSED)
        return frame;
      if (g_get_monotonic_time () > deadline)
        g_error ("trace of %u points, c̄ = %g after %g s", trace->len,
                 frame != NULL ? frame->drive.mean_c : NAN, seconds);
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
}

static SpFrame *
wait_for_paused_frame (SpSimulation *sim,
                       double        seconds)
{
  gint64 deadline = g_get_monotonic_time () + (gint64) (seconds * G_USEC_PER_SEC);

  for (;;)
    {
      SpFrame *frame = sp_simulation_get_frame (sim);

      if (frame != NULL && frame->state == SP_WORKER_PAUSED)
        return frame;
      if (g_get_monotonic_time () > deadline)
        g_error ("no paused frame after %g s", seconds);
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
}

/* A fast discharge on a small grid: the trace grows with c̄, the voltage
 * figures draw it, and the bar's V, η and β read the very numbers the
 * plot's last point has. */
static void
test_trace_grows_and_readouts_agree (void)
{
  SpWindow *window = new_window ();
  SpParams *params = sp_window_get_params (window);
  SpSimulation *sim = sp_window_get_simulation (window);
  SpSimBar *bar = sp_window_get_sim_bar (window);
  g_autoptr(GPtrArray) views = sp_window_get_plot_views (window);
  const SpDriveTrace *trace;
  const SpDrivePoint *last;
  SpFrame *frame;
  double start_c, field_fraction, eq_fraction;
  guint voltage_views = 0, len;
  g_autofree char *v = NULL, *eta = NULL, *f_field = NULL, *f_eq = NULL;
  g_autofree char *v_text = NULL, *eta_text = NULL, *phase_text = NULL;

  g_object_set (params, "grid-size", 64u, "domain-length", 32.0, NULL);
  sp_params_set_clamped (params, "c-rate", 5.0);
  sp_drive_choice_apply (SP_DRIVE_CHOICE_DISCHARGE, params);
  sp_simulation_set_running (sim, TRUE);

  frame = wait_for_trace (sim, 3, 0.0, 60.0);
  start_c = sp_simulation_get_trace (sim)->points[0].mean_c;
  g_assert_cmpfloat (start_c, <, 0.05);
  frame = wait_for_trace (sim, 10, start_c + 0.01, 120.0);
  sp_simulation_set_running (sim, FALSE);
  /* The worker publishes the pause in a frame of its own, and the trace
   * may hold batches stepped after the frame on show until then; a flush
   * alone can end before that frame comes on a loaded machine. */
  frame = wait_for_paused_frame (sim, 60.0);
  trace = sp_simulation_get_trace (sim);
  len = trace->len;
  last = &trace->points[len - 1];

  for (guint i = 0; i < len; i++)
    g_test_message ("t = %g  c = %.6f  V = %.6f  I = %g  eta = %g  dir %d", trace->points[i].time,
                    trace->points[i].mean_c, trace->points[i].voltage, trace->points[i].current,
                    trace->points[i].overpotential, trace->points[i].direction);
  /* The trace grew with c̄, discharging, and ends at the frame on show. */
  g_assert_cmpuint (len, >=, 10);
  for (guint i = 1; i < len; i++)
    {
      g_assert_cmpfloat (trace->points[i].time, >, trace->points[i - 1].time);
      g_assert_cmpfloat (trace->points[i].mean_c, >=, trace->points[i - 1].mean_c - 1e-12);
    }
  g_assert_cmpint (last->direction, ==, frame->drive.finished ? 0 : 1);
  {
    guint driven = 0;

    for (guint i = 0; i < len; i++)
      driven += trace->points[i].direction == 1;
    g_assert_cmpuint (driven, >=, 10);
  }
  g_assert_cmpfloat (last->time, ==, frame->diag.time);
  g_assert_cmpfloat (last->mean_c, ==, frame->drive.mean_c);
  g_assert_cmpfloat (last->voltage, ==, frame->drive.voltage_V);
  g_assert_cmpfloat (last->overpotential, ==, frame->drive.overpotential_V);

  /* Both voltage figures are on the page and draw this trace. */
  for (guint i = 0; i < views->len; i++)
    {
      SpPlotView *view = g_ptr_array_index (views, i);
      SpFigureKind kind = sp_plot_view_get_kind (view);

      if (kind != SP_FIGURE_VOLTAGE_TRACE && kind != SP_FIGURE_VOLTAGE_TIME)
        continue;
      voltage_views++;
      g_assert_true (sp_plot_view_get_data (view)->trace == trace);
      g_assert_true (gtk_widget_get_visible (GTK_WIDGET (view)));
    }
  g_assert_cmpuint (voltage_views, ==, 2);

  /* The read-outs: V to 0.1 mV, η in mV, β against the lever rule. */
  v = sp_readout_fixed (last->voltage, 4);
  eta = sp_readout_significant (1000.0 * last->overpotential, 3);
  sp_sim_bar_drive_fractions (frame, sp_window_get_analysis (window), &field_fraction,
                              &eq_fraction);
  g_assert_true (field_fraction >= 0.0 && field_fraction <= 1.0);
  g_assert_true (eq_fraction >= 0.0 && eq_fraction <= 1.0);
  f_field = sp_readout_fixed (100.0 * field_fraction, 0);
  f_eq = sp_readout_fixed (100.0 * eq_fraction, 0);
  v_text = g_strdup_printf ("V = %s V", v);
  eta_text = g_strdup_printf ("η = %s mV", eta);
  phase_text = g_strdup_printf ("β %s %% (equilibrium %s %%)", f_field, f_eq);
  g_test_message ("status: %s", sp_sim_bar_get_status (bar));
  g_assert_nonnull (strstr (sp_sim_bar_get_status (bar), v_text));
  g_assert_nonnull (strstr (sp_sim_bar_get_status (bar), eta_text));
  g_assert_nonnull (strstr (sp_sim_bar_get_status (bar), phase_text));
  /* The equilibrium share is the lever rule at this c̄ in LiFePO₄'s gap. */
  {
    const SpGap *gap = &sp_window_get_analysis (window)->eq.gaps[0];

    g_assert_cmpfloat_with_epsilon (eq_fraction,
                                    CLAMP ((last->mean_c - gap->c_alpha) /
                                           (gap->c_beta - gap->c_alpha), 0.0, 1.0), 1e-12);
  }

  /* Back to the closed box: the drive's read-outs go, as do the voltage
   * figures from the page. */
  sp_drive_choice_apply (SP_DRIVE_CHOICE_CLOSED, params);
  sp_simulation_step (sim);
  {
    gint64 deadline = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;

    while (sp_simulation_get_frame (sim)->params.drive.mode != SP_DRIVE_CLOSED)
      {
        g_assert_cmpint (g_get_monotonic_time (), <, deadline);
        g_main_context_iteration (NULL, FALSE);
        g_usleep (1000);
      }
  }
  flush_main_loop ();
  g_assert_null (strstr (sp_sim_bar_get_status (bar), "η = "));
  g_assert_false (sp_simulation_page_get_driven (simulation_page (window)));
  close_window (window);
}

/* Choosing a drive is one undo step, and undo brings the closed box and
 * its c₀ back bit for bit; a C-rate drag is undone like any slider. */
static void
test_undo (void)
{
  SpWindow *window = new_window ();
  SpParams *params = sp_window_get_params (window);
  SpUndoStack *stack = sp_window_get_undo_stack (window);
  AdwComboRow *selector = ADW_COMBO_ROW (group_row (window, "drive_row"));
  double c0, rate;

  sp_undo_stack_commit (stack);
  adw_combo_row_set_selected (selector, SP_DRIVE_CHOICE_DISCHARGE);
  flush_main_loop ();
  sp_undo_stack_commit (stack);
  sp_params_set_clamped (params, "c-rate", 25.0);
  flush_main_loop ();
  sp_undo_stack_commit (stack);

  g_assert_true (sp_window_undo (window));
  flush_main_loop ();
  g_object_get (params, "c-rate", &rate, NULL);
  g_assert_cmpfloat (rate, ==, 1.0);
  g_assert_cmpint (sp_params_get_drive_mode (params), ==, SP_DRIVE_GALVANOSTATIC);

  g_assert_true (sp_window_undo (window));
  flush_main_loop ();
  g_object_get (params, "c0", &c0, NULL);
  g_assert_cmpint (sp_params_get_drive_mode (params), ==, SP_DRIVE_CLOSED);
  g_assert_cmpfloat (c0, ==, 0.5);
  g_assert_cmpuint (adw_combo_row_get_selected (selector), ==, SP_DRIVE_CHOICE_CLOSED);

  g_assert_true (sp_window_redo (window));
  flush_main_loop ();
  g_object_get (params, "c0", &c0, NULL);
  g_assert_cmpint (sp_params_get_drive_mode (params), ==, SP_DRIVE_GALVANOSTATIC);
  g_assert_cmpfloat (c0, ==, SP_DRIVE_GROUP_START_C);
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

  g_test_add_func ("/app/drive/selector", test_selector);
  g_test_add_func ("/app/drive/trace-grows-and-readouts-agree", test_trace_grows_and_readouts_agree);
  g_test_add_func ("/app/drive/undo", test_undo);

  status = g_test_run ();
  g_clear_object (&app);

  return status;
}
