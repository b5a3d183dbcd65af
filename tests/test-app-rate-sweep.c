/* test-app-rate-sweep.c — the window's Rate Sweep tool: opened from the
 * main menu's action, it runs off the main thread with progress, shows the
 * figure and the read-out, refuses a bad ladder with a message, cancels,
 * and exports what it shows
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <math.h>
#include <string.h>

#include "sp-export.h"
#include "sp-params.h"
#include "sp-gsl.h"
#include "sp-plot-view.h"
#include "sp-rate-sweep-dialog.h"

#include "test-app-helpers.h"

/* Turns the main loop for @seconds. */
static void
settle_for (double seconds)
{
  gint64 end = g_get_monotonic_time () + (gint64) (seconds * G_USEC_PER_SEC);

  while (g_get_monotonic_time () < end)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
}

static SpRateSweepDialog *
open_dialog (SpWindow *window)
{
  SpRateSweepDialog *dialog;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.rate-sweep", NULL));
  flush_main_loop ();
  dialog = g_object_get_data (G_OBJECT (window), "sp-rate-sweep-dialog");
  g_assert_true (SP_IS_RATE_SWEEP_DIALOG (dialog));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (dialog)));
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (dialog)) == GTK_WINDOW (window));
  return dialog;
}

/* Iterates the main loop until the sweep stops, or fails after @seconds;
 * returns the largest progress fraction seen meanwhile. */
static double
wait_until_stopped (SpRateSweepDialog *dialog,
                    double             seconds)
{
  gint64 deadline = g_get_monotonic_time () + (gint64) (seconds * G_USEC_PER_SEC);
  double seen = 0.0;

  while (sp_rate_sweep_dialog_get_running (dialog))
    {
      seen = MAX (seen, sp_rate_sweep_dialog_get_fraction (dialog));
      if (g_get_monotonic_time () > deadline)
        g_error ("the sweep still runs after %g s", seconds);
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
  return seen;
}

static void
test_run (void)
{
  SpWindow *window = new_window ();
  SpRateSweepDialog *dialog = open_dialog (window);
  SpRateSweepResult *result;
  GtkWidget *view = sp_rate_sweep_dialog_get_view (dialog);
  g_auto(GStrv) rates = NULL;
  double seen;

  /* The ladder is the estimate's: seven rates. */
  rates = g_strsplit (sp_rate_sweep_dialog_get_rates (dialog), ",", -1);
  g_assert_cmpuint (g_strv_length (rates), ==, 7);
  g_assert_null (sp_rate_sweep_dialog_get_result (dialog));
  g_assert_null (sp_plot_view_get_data (SP_PLOT_VIEW (view))->rate_sweep);

  /* Again: the same window, brought forward. */
  g_assert_true (open_dialog (window) == dialog);

  /* It sweeps the window's particle: the Charging group's k₀, followed as
   * it moves, the proposed ladder with it; a typed ladder stays. */
  {
    SpParams *params = sp_window_get_params (window);
    g_autofree char *proposed = g_strdup (sp_rate_sweep_dialog_get_rates (dialog));
    double k0;

    g_object_get (params, "k0", &k0, NULL);
    g_assert_cmpfloat (sp_rate_sweep_dialog_get_k0 (dialog), ==, k0);
    g_object_set (params, "k0", 2.0, NULL);
    flush_main_loop ();
    g_assert_cmpfloat (sp_rate_sweep_dialog_get_k0 (dialog), ==, 2.0);
    /* The ladder once the sliders rest (its estimate is not redone at
     * every step of a drag). */
    settle_for (0.5);
    g_assert_cmpstr (sp_rate_sweep_dialog_get_rates (dialog), !=, proposed);
    sp_rate_sweep_dialog_set_rates (dialog, "1,2");
    g_object_set (params, "k0", k0, NULL);
    flush_main_loop ();
    g_assert_cmpfloat (sp_rate_sweep_dialog_get_k0 (dialog), ==, k0);
    settle_for (0.5);
    g_assert_cmpstr (sp_rate_sweep_dialog_get_rates (dialog), ==, "1,2");
  }

  /* Fast rates finish in a second or two; the main loop keeps turning. */
  sp_rate_sweep_dialog_set_rates (dialog, "3000,10000");
  sp_rate_sweep_dialog_run (dialog);
  g_assert_true (sp_rate_sweep_dialog_get_running (dialog));
  seen = wait_until_stopped (dialog, 120.0);
  /* The bar moved while it ran (one idle at most per report). */
  g_assert_cmpfloat (seen, >, 0.0);
  result = sp_rate_sweep_dialog_get_result (dialog);
  g_assert_nonnull (result);
  g_assert_cmpuint (result->n_points, ==, 2);
  g_assert_cmpfloat (sp_rate_sweep_dialog_get_fraction (dialog), ==, 1.0);
  g_assert_true (sp_plot_view_get_data (SP_PLOT_VIEW (view))->rate_sweep == result);
  /* Both too fast to split: the read-out says the critical rate lies below. */
  g_assert_cmpint (result->critical_kind, ==, SP_RATE_SWEEP_CRITICAL_BELOW);
  g_assert_nonnull (strstr (sp_rate_sweep_dialog_get_status (dialog), "below 3000C"));

  /* What the figure shows is what an export writes. */
  {
    g_autofree char *dir = g_dir_make_tmp ("sp-rate-sweep-XXXXXX", NULL);
    g_autofree char *path = g_build_filename (dir, "sweep.csv", NULL);
    g_autofree char *text = NULL;
    g_autoptr(GError) error = NULL;
    SpExportOptions options;

    sp_export_options_init (&options, SP_FIGURE_RATE_SWEEP);
    options.format = SP_EXPORT_CSV;
    g_assert_true (sp_export_write (path, SP_FIGURE_RATE_SWEEP,
                                    sp_plot_view_get_data (SP_PLOT_VIEW (view)), &options,
                                    &error));
    g_assert_no_error (error);
    g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
    g_assert_nonnull (strstr (text, "\nc_rate,contrast,voltage_gap_V,"));
    g_assert_nonnull (strstr (text, "\n3000,"));
    g_remove (path);
    g_rmdir (dir);
  }

  /* A bad ladder: nothing runs, the message names the problem. */
  sp_rate_sweep_dialog_set_rates (dialog, "1,abc");
  sp_rate_sweep_dialog_run (dialog);
  g_assert_false (sp_rate_sweep_dialog_get_running (dialog));
  g_assert_nonnull (strstr (sp_rate_sweep_dialog_get_status (dialog), "abc"));
  g_assert_true (sp_rate_sweep_dialog_get_result (dialog) == result);

  close_window (window);
}

static void
test_cancel (void)
{
  SpWindow *window = new_window ();
  SpRateSweepDialog *dialog = open_dialog (window);
  gint64 start;

  /* Slow rates: minutes of work, cancelled at once. */
  sp_rate_sweep_dialog_set_rates (dialog, "0.001,0.01");
  sp_rate_sweep_dialog_run (dialog);
  g_assert_true (sp_rate_sweep_dialog_get_running (dialog));
  for (int i = 0; i < 20; i++)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (5000);
    }
  start = g_get_monotonic_time ();
  sp_rate_sweep_dialog_cancel (dialog);
  wait_until_stopped (dialog, 10.0);
  g_assert_cmpint (g_get_monotonic_time () - start, <, 5 * G_USEC_PER_SEC);
  g_assert_null (sp_rate_sweep_dialog_get_result (dialog));
  g_assert_nonnull (strstr (sp_rate_sweep_dialog_get_status (dialog), "cancelled"));

  /* Closing the window while a sweep runs stops it; nothing is left behind,
   * and the menu opens a fresh window even before the old sweep has wound
   * down (under a sanitizer that takes longer than one main-loop flush). */
  sp_rate_sweep_dialog_run (dialog);
  g_assert_true (sp_rate_sweep_dialog_get_running (dialog));
  {
    SpRateSweepDialog *closed = dialog;
    SpRateSweepDialog *fresh;

    g_object_add_weak_pointer (G_OBJECT (closed), (gpointer *) &closed);
    gtk_window_close (GTK_WINDOW (dialog));
    g_assert_null (g_object_get_data (G_OBJECT (window), "sp-rate-sweep-dialog"));
    fresh = open_dialog (window);
    g_assert_true (fresh != closed);
    g_assert_false (sp_rate_sweep_dialog_get_running (fresh));
    start = g_get_monotonic_time ();
    while (closed != NULL)
      {
        if (g_get_monotonic_time () - start > 10 * G_USEC_PER_SEC)
          g_error ("the closed Rate Sweep window is still alive after 10 s");
        g_main_context_iteration (NULL, FALSE);
        g_usleep (1000);
      }
    /* The old window's end did not take the fresh one's place. */
    g_assert_true (g_object_get_data (G_OBJECT (window), "sp-rate-sweep-dialog") == fresh);
    gtk_window_close (GTK_WINDOW (fresh));
    flush_main_loop ();
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

  g_test_add_func ("/app/rate-sweep/run", test_run);
  g_test_add_func ("/app/rate-sweep/cancel", test_cancel);

  status = g_test_run ();
  g_clear_object (&app);

  return status;
}
