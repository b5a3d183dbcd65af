/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-plot-view.c — the figure widget (sp-plot-view.c) on its own: its
 * properties, the linked cursor it reports as the pointer moves over a
 * composition or an impedance figure and leaves it, and the ⓘ button that
 * opens and closes the figure's explanation.
 *
 * Runs in the 'gui' suite (xvfb-run + dbus-run-session). */

#include "config.h"

#include <adwaita.h>
#include <math.h>

#include "sp-analysis.h"
#include "sp-eis-spectrum.h"
#include "sp-gsl.h"
#include "sp-plot-view.h"
#include "sp-presets.h"

#include "test-export-helpers.h"

typedef struct
{
  GtkWidget *window;
  GtkWidget *view;
} Fixture;

/* A window of 640 × 420 showing a figure of @kind, once laid out. */
static void
fixture_open (Fixture      *f,
              SpFigureKind  kind)
{
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  f->window = gtk_window_new ();
  f->view = sp_plot_view_new (kind);
  gtk_window_set_default_size (GTK_WINDOW (f->window), 640, 420);
  gtk_window_set_child (GTK_WINDOW (f->window), f->view);
  gtk_window_present (GTK_WINDOW (f->window));
  while (gtk_widget_get_width (f->view) < 100 || !gtk_widget_get_mapped (f->view))
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, TRUE);
    }
}

static void
fixture_close (Fixture *f)
{
  gtk_window_destroy (GTK_WINDOW (f->window));
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static GtkEventController *
motion_controller (GtkWidget *widget)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) c = g_list_model_get_item (controllers, i);

      if (GTK_IS_EVENT_CONTROLLER_MOTION (c))
        return c;
    }
  g_error ("the plot view has no motion controller");
}

static void
record_double (SpPlotView *view,
               double      value,
               double     *out)
{
  *out = value;
}

static SpAnalysis *
lifepo4 (void)
{
  g_autoptr(SpPreset) preset = sp_presets_lookup ("lifepo4", NULL);

  return sp_analysis_new (&preset->model);
}

static void
test_properties (void)
{
  GtkWidget *view = g_object_ref_sink (g_object_new (SP_TYPE_PLOT_VIEW,
                                                     "kind", SP_FIGURE_DIFFUSIVITY, NULL));
  int kind;
  double scale;

  g_object_set (view, "scale", 1.5, NULL);
  g_object_get (view, "scale", &scale, "kind", &kind, NULL);
  g_assert_cmpfloat (scale, ==, 1.5);
  g_assert_cmpint (kind, ==, SP_FIGURE_DIFFUSIVITY);
  g_assert_cmpint (sp_plot_view_get_kind (SP_PLOT_VIEW (view)), ==, SP_FIGURE_DIFFUSIVITY);
  g_object_unref (view);
}

/* Over the OCV the pointer is a composition: inside (0, 1) in the plot,
 * NAN outside it and when it leaves. */
static void
test_composition_cursor (void)
{
  g_autoptr(SpAnalysis) analysis = lifepo4 ();
  GtkEventController *motion;
  double c = -1.0;
  Fixture f;

  fixture_open (&f, SP_FIGURE_OCV);
  sp_plot_view_set_analysis (SP_PLOT_VIEW (f.view), analysis);
  g_signal_connect (f.view, "cursor-moved", G_CALLBACK (record_double), &c);
  motion = motion_controller (f.view);

  g_signal_emit_by_name (motion, "motion", gtk_widget_get_width (f.view) * 0.55,
                         gtk_widget_get_height (f.view) * 0.5);
  g_assert_true (c > 0.0 && c < 1.0);
  g_signal_emit_by_name (motion, "motion", 1.0, 1.0);
  g_assert_true (isnan (c));
  c = 0.5;
  g_signal_emit_by_name (motion, "leave");
  g_assert_true (isnan (c));
  fixture_close (&f);
}

/* Over a Bode plot it is a frequency within the spectrum's span. */
static void
test_frequency_cursor (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SpEisSpectrum) rc = sp_eis_spectrum_new_log (1.0, 1e6, 60, &error);
  SpEisFigureData eis = { 0 };
  GtkEventController *motion;
  double f_hz = -1.0;
  Fixture f;

  g_assert_no_error (error);
  for (guint i = 0; i < rc->n_points; i++)
    {
      double wt = 2.0 * G_PI * rc->freq_hz[i] * 1e-3;

      rc->z_re_ohm[i] = 100.0 / (1.0 + wt * wt);
      rc->z_im_ohm[i] = -100.0 * wt / (1.0 + wt * wt);
    }
  eis.model = rc;
  fixture_open (&f, SP_FIGURE_BODE);
  sp_plot_view_set_eis_data (SP_PLOT_VIEW (f.view), &eis);
  g_signal_connect (f.view, "frequency-moved", G_CALLBACK (record_double), &f_hz);
  motion = motion_controller (f.view);

  g_signal_emit_by_name (motion, "motion", gtk_widget_get_width (f.view) * 0.5,
                         gtk_widget_get_height (f.view) * 0.3);
  g_assert_true (f_hz >= 1.0 && f_hz <= 1e6);
  g_signal_emit_by_name (motion, "leave");
  g_assert_true (isnan (f_hz));
  fixture_close (&f);
}

/* The ⓘ button opens the figure's explanation and closes it again; the
 * popover closing by itself (Escape, a click elsewhere) releases it. */
static void
test_info_popover (void)
{
  g_autoptr(SpAnalysis) analysis = lifepo4 ();
  GtkWidget *button, *popover;
  Fixture f;

  fixture_open (&f, SP_FIGURE_FREE_ENERGY);
  sp_plot_view_set_analysis (SP_PLOT_VIEW (f.view), analysis);
  button = test_find_type (f.view, GTK_TYPE_TOGGLE_BUTTON);
  popover = test_find_type (f.view, GTK_TYPE_POPOVER);
  g_assert_nonnull (button);
  g_assert_nonnull (popover);
  g_assert_false (gtk_widget_get_visible (popover));

  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (button), TRUE);
  g_assert_true (gtk_widget_get_visible (popover));
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (button), FALSE);
  g_assert_false (gtk_widget_get_visible (popover));

  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (button), TRUE);
  gtk_popover_popdown (GTK_POPOVER (popover));
  g_assert_false (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (button)));
  fixture_close (&f);
}

int
main (int   argc,
      char *argv[])
{
  gtk_disable_setlocale ();
  sp_gsl_init ();
  g_test_init (&argc, &argv, NULL);
  gtk_init ();
  adw_init ();

  g_test_add_func ("/plot-view/properties", test_properties);
  g_test_add_func ("/plot-view/composition-cursor", test_composition_cursor);
  g_test_add_func ("/plot-view/frequency-cursor", test_frequency_cursor);
  g_test_add_func ("/plot-view/info-popover", test_info_popover);
  return g_test_run ();
}
