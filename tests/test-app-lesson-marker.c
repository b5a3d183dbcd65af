/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-app-lesson-marker.c — a lesson's marker question on its figure, for
 * every kind of quantity (T_c on the phase diagram, the plateau on the
 * OCV, λ* on σ(k), a binodal on g(c)) in presentation mode at 1280 × 720:
 * the figure shows the marker where the panel's slider is, the slider's
 * keys move it, a real pointer drag on the figure (XTEST through xdotool)
 * sets the answer to the value under the pointer, the reveal puts the true
 * value beside it and ends the dragging, and the next step takes the
 * marker off */

#include "config.h"

#include <gdk/x11/gdkx.h>
#include <math.h>

#include <glib/gstdio.h>

#include "sp-gsl.h"
#include "sp-lesson-panel.h"
#include "sp-lesson-runner.h"
#include "sp-plot-view.h"
#include "sp-window-lesson.h"

#include "test-app-helpers.h"

static const char lesson_text[] =
  "# Markers on every figure\n"
  "\n"
  "## Critical temperature\n"
  "@page overview\n"
  "@preset lifepo4\n"
  "@highlight phase-diagram\n"
  "Where does the gap close?\n"
  "\n"
  "@question Drag the marker to the critical temperature.\n"
  "@marker phase-diagram critical-temperature 25\n"
  "\n"
  "## Plateau\n"
  "@preset lifepo4\n"
  "@highlight ocv\n"
  "A flat voltage.\n"
  "\n"
  "@question Drag the marker to the plateau.\n"
  "@marker ocv plateau-voltage 0.01\n"
  "\n"
  "## Fastest wavelength\n"
  "@preset textbook\n"
  "@set c0 0.5\n"
  "@highlight dispersion\n"
  "One wavelength grows fastest.\n"
  "\n"
  "@question Drag the marker to the fastest wavelength.\n"
  "@marker dispersion fastest-wavelength 1\n"
  "\n"
  "## Binodal\n"
  "@preset textbook\n"
  "@set c0 0.5\n"
  "@highlight free-energy\n"
  "The common tangent.\n"
  "\n"
  "@question Drag the marker to the left binodal.\n"
  "@marker free-energy binodal-low 0.03\n";

static void
settle (void)
{
  test_settle (100);
}

static void
xdotool (SpWindow   *window,
         const char *commands)
{
  GdkSurface *surface = gtk_native_get_surface (GTK_NATIVE (window));
  g_autofree char *xid = g_strdup_printf ("%lu", (gulong) gdk_x11_surface_get_xid (surface));
  g_auto(GStrv) parts = g_strsplit (commands, "XID", -1);
  g_autofree char *with_xid = g_strjoinv (xid, parts);
  g_autofree char *line = g_strdup_printf ("xdotool windowfocus --sync %s sleep 0.05 %s", xid, with_xid);
  g_auto(GStrv) argv = NULL;
  g_autoptr(GError) error = NULL;
  int status = 0;

  g_assert_true (g_shell_parse_argv (line, NULL, &argv, &error));
  g_assert_true (g_spawn_sync (NULL, argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDOUT_TO_DEV_NULL,
                               NULL, NULL, NULL, NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
}

static GtkRange *
find_range (GtkWidget *widget)
{
  if (GTK_IS_RANGE (widget))
    return GTK_RANGE (widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkRange *found = find_range (child);
      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The quantity the figure would take at (x, y) of its own widget. */
static double
value_at (SpPlotView       *view,
          SpLessonQuantity  quantity,
          double            x,
          double            y)
{
  double value = NAN;

  g_assert_true (sp_figure_marker_value_at (sp_plot_view_get_kind (view), sp_plot_view_get_data (view),
                                            sp_plot_view_get_style (view),
                                            gtk_widget_get_width (GTK_WIDGET (view)),
                                            gtk_widget_get_height (GTK_WIDGET (view)),
                                            quantity, x, y, TRUE, &value));
  return value;
}

static void
check_step (SpWindow         *window,
            guint             step,
            const char       *figure_id,
            SpLessonQuantity  quantity,
            double            tolerance)
{
  SpLessonRunner *runner = sp_window_get_lesson_runner (window);
  SpLessonPanel *panel = SP_LESSON_PANEL (sp_window_get_lesson_panel (window));
  SpPlotView *view;
  GtkRange *range;
  const SpFigureMarker *marker;
  double min, max, step_size, w, h, truth, x0, y0, x1, y1, expected, lo, hi, placed;
  graphene_point_t at;
  double sx, sy;
  g_autofree char *commands = NULL;
  gint64 until;

  g_test_message ("step %u: %s on %s", step + 1, sp_lesson_quantity_to_id (quantity), figure_id);
  g_assert_true (sp_window_lesson_go_to (window, step));
  settle ();
  view = SP_PLOT_VIEW (sp_lesson_runner_find_figure (runner, figure_id));
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (view)));
  range = find_range (sp_window_get_lesson_panel (window));
  g_assert_nonnull (range);

  /* The marker, where the slider starts: at the axis' start. */
  marker = sp_plot_view_get_marker (view);
  g_assert_nonnull (marker);
  g_assert_cmpint (marker->quantity, ==, quantity);
  g_assert_true (isnan (marker->truth));
  g_assert_true (sp_plot_view_marker_range (view, quantity, &min, &max));
  g_assert_cmpfloat (gtk_range_get_value (range), ==, min);
  g_assert_cmpfloat (marker->value, ==, min);
  g_assert_false (sp_lesson_panel_can_reveal (panel, 0));

  /* The slider's keys (its key bindings' signal) move the figure's marker. */
  step_size = gtk_adjustment_get_step_increment (gtk_range_get_adjustment (range));
  g_signal_emit_by_name (range, "move-slider", GTK_SCROLL_STEP_RIGHT);
  g_assert_cmpfloat_with_epsilon (gtk_range_get_value (range), min + step_size, 1e-9 * (max - min));
  g_assert_cmpfloat (sp_plot_view_get_marker (view)->value, ==, gtk_range_get_value (range));
  sp_lesson_panel_set_marker (panel, 0, 0.3 * min + 0.7 * max);
  g_assert_cmpfloat (sp_plot_view_get_marker (view)->value, ==, 0.3 * min + 0.7 * max);

  /* A real drag on the figure, from the middle to a point right of and
   * above it: the answer is the value under the pointer where it let go
   * (within a pixel: the screen draws with the info button's title inset). */
  w = gtk_widget_get_width (GTK_WIDGET (view));
  h = gtk_widget_get_height (GTK_WIDGET (view));
  x0 = 0.5 * w;
  y0 = 0.55 * h;
  x1 = 0.62 * w;
  y1 = 0.45 * h;
  g_assert_true (gtk_widget_compute_point (GTK_WIDGET (view), GTK_WIDGET (window),
                                           &GRAPHENE_POINT_INIT (0, 0), &at));
  gtk_native_get_surface_transform (GTK_NATIVE (window), &sx, &sy);
  commands = g_strdup_printf ("mousemove --window XID %d %d mousedown 1 sleep 0.1 "
                              "mousemove --window XID %d %d sleep 0.05 "
                              "mousemove --window XID %d %d sleep 0.05 "
                              "mousemove --window XID %d %d sleep 0.1 mouseup 1",
                              (int) (at.x + sx + x0), (int) (at.y + sy + y0),
                              (int) (at.x + sx + 0.5 * (x0 + x1)), (int) (at.y + sy + 0.5 * (y0 + y1)),
                              (int) (at.x + sx + x1 - 3), (int) (at.y + sy + y1 + 3),
                              (int) (at.x + sx + x1), (int) (at.y + sy + y1));
  xdotool (window, commands);
  expected = value_at (view, quantity, (int) x1, (int) y1);
  lo = MIN (value_at (view, quantity, (int) x1 - 2, (int) y1 + 2),
            value_at (view, quantity, (int) x1 + 2, (int) y1 - 2));
  hi = MAX (value_at (view, quantity, (int) x1 - 2, (int) y1 + 2),
            value_at (view, quantity, (int) x1 + 2, (int) y1 - 2));
  until = g_get_monotonic_time () + 3 * G_USEC_PER_SEC;
  while (!(gtk_range_get_value (range) >= lo && gtk_range_get_value (range) <= hi) &&
         g_get_monotonic_time () < until)
    g_main_context_iteration (NULL, FALSE);
  settle ();
  placed = gtk_range_get_value (range);
  g_test_message ("dragged to %g (under the pointer %g, %g … %g)", placed, expected, lo, hi);
  g_assert_cmpfloat (placed, >=, lo);
  g_assert_cmpfloat (placed, <=, hi);
  g_assert_cmpfloat (sp_plot_view_get_marker (view)->value, ==, placed);
  g_assert_true (sp_lesson_panel_can_reveal (panel, 0));

  /* The reveal: the truth beside the marker, and the marker stays put. */
  g_assert_true (sp_lesson_runner_quantity (runner, quantity, &truth, NULL));
  sp_lesson_panel_reveal (panel, 0);
  g_assert_cmpint (sp_lesson_panel_get_verdict (panel, 0), ==, fabs (placed - truth) <= tolerance);
  marker = sp_plot_view_get_marker (view);
  g_assert_cmpfloat (marker->truth, ==, truth);
  g_assert_cmpfloat (marker->value, ==, placed);
  xdotool (window, commands);
  settle ();
  g_assert_cmpfloat (sp_plot_view_get_marker (view)->value, ==, placed);
  g_assert_cmpfloat (gtk_range_get_value (range), ==, placed);
}

static void
test_drag (void)
{
  g_autofree char *xdotool_path = g_find_program_in_path ("xdotool");
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  SpWindow *window;
  SpParams *params;
  SpLessonRunner *runner;
  GtkWidget *previous;
  gint64 deadline = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;

  if (!GDK_IS_X11_DISPLAY (gdk_display_get_default ()) || xdotool_path == NULL)
    {
      g_test_skip ("a real drag needs Xvfb and xdotool");
      return;
    }
  dir = g_dir_make_tmp ("lesson-marker-XXXXXX", NULL);
  path = g_build_filename (dir, "markers.lesson", NULL);
  g_assert_true (g_file_set_contents (path, lesson_text, -1, NULL));

  window = sp_window_new (GTK_APPLICATION (app));
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 720);
  gtk_window_present (GTK_WINDOW (window));
  while (!gtk_widget_get_mapped (GTK_WIDGET (window)))
    g_main_context_iteration (NULL, TRUE);
  params = sp_window_get_params (window);
  g_object_set (params, "presentation", TRUE, NULL);
  runner = sp_window_get_lesson_runner (window);
  sp_window_open_lesson (window, path);
  while (sp_lesson_runner_get_lesson (runner) == NULL)
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, TRUE);
    }
  settle ();

  check_step (window, 0, "phase-diagram", SP_LESSON_QUANTITY_CRITICAL_TEMPERATURE, 25);
  previous = sp_lesson_runner_find_figure (runner, "phase-diagram");
  check_step (window, 1, "ocv", SP_LESSON_QUANTITY_PLATEAU_VOLTAGE, 0.01);
  /* The step's question went, and its marker with it. */
  g_assert_null (sp_plot_view_get_marker (SP_PLOT_VIEW (previous)));
  check_step (window, 2, "dispersion", SP_LESSON_QUANTITY_FASTEST_WAVELENGTH, 1);
  check_step (window, 3, "free-energy", SP_LESSON_QUANTITY_BINODAL_LOW, 0.03);
  sp_window_close_lesson (window);
  settle ();
  g_assert_null (sp_plot_view_get_marker (SP_PLOT_VIEW (sp_lesson_runner_find_figure (runner, "free-energy"))));

  close_window (window);
  g_unlink (path);
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
  g_test_add_func ("/app/lesson-marker/drag", test_drag);
  status = g_test_run ();
  g_clear_object (&app);
  return status;
}
