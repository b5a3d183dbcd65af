/* test-app-presentation.c — presentation mode and the sliders at the
 * projector size, 1280 × 720: the sliders docked beside the figures they
 * drive, the focus figures large enough to keep their legends, a T slider
 * long enough to drag and a T range that follows the material
 *
 * Runs under a display (the 'gui' suite: xvfb-run + dbus-run-session, with
 * GSK_RENDERER=cairo, GSETTINGS_BACKEND=memory, G_DEBUG=fatal-criticals).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>

#include <glib/gstdio.h>

#include "sp-figure-private.h"
#include "sp-gsl.h"
#include "sp-lesson-panel.h"
#include "sp-lesson-runner.h"
#include "sp-window-lesson.h"
#include "sp-param-panel.h"
#include "sp-plot-view.h"
#include "sp-presets.h"
#include "sp-slider-row.h"

#include "test-app-helpers.h"

#define PROJECTOR_WIDTH  1280
#define PROJECTOR_HEIGHT 720
#define MIN_FOCUS_HEIGHT 250
#define MIN_TROUGH       300

static void
settle (void)
{
  test_settle (150);
}

static SpWindow *
new_projector_window (gboolean presentation)
{
  SpWindow *window = sp_window_new (GTK_APPLICATION (app));
  SpParams *params = sp_window_get_params (window);

  gtk_window_set_default_size (GTK_WINDOW (window), PROJECTOR_WIDTH, PROJECTOR_HEIGHT);
  gtk_window_present (GTK_WINDOW (window));
  while (!gtk_widget_get_mapped (GTK_WIDGET (window)))
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (sp_params_load_preset (params, SP_PRESET_DEFAULT, NULL));
  g_object_set (params, "presentation", presentation, NULL);
  settle ();
  /* The default size includes the frame of client-side decorations
   * (5 px a side without a compositor): the content gets a little less. */
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (window)), >=, PROJECTOR_WIDTH - 12);
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (window)), <=, PROJECTOR_WIDTH);
  g_assert_cmpint (gtk_widget_get_height (GTK_WIDGET (window)), >=, PROJECTOR_HEIGHT - 12);
  g_assert_cmpint (gtk_widget_get_height (GTK_WIDGET (window)), <=, PROJECTOR_HEIGHT);
  return window;
}

static graphene_rect_t
bounds_in_window (gpointer  widget,
                  SpWindow *window)
{
  graphene_rect_t r;

  g_assert_true (gtk_widget_compute_bounds (GTK_WIDGET (widget), GTK_WIDGET (window), &r));
  return r;
}

static GtkWidget *
find_css_child (GtkWidget  *widget,
                const char *css_name)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (g_str_equal (gtk_widget_get_css_name (child), css_name))
        return child;
      if ((found = find_css_child (child, css_name)) != NULL)
        return found;
    }
  return NULL;
}

static SpSliderRow *
slider_row (SpWindow   *window,
            const char *name)
{
  GObject *panel = window_panel (window, "phase-separation");

  return SP_SLIDER_ROW (template_child (panel, SP_TYPE_PARAM_PANEL, name));
}

/* The trough of a slider row's scale, in pixels. */
static int
trough_length (SpSliderRow *row)
{
  GtkWidget *trough = find_css_child (GTK_WIDGET (sp_slider_row_get_scale (row)), "trough");

  g_assert_nonnull (trough);
  return gtk_widget_get_width (trough);
}

static void
test_focus_layout (void)
{
  SpWindow *window = new_projector_window (TRUE);
  GtkWidget *panel = GTK_WIDGET (window_panel (window, "phase-separation"));
  GtkWidget *g_view = GTK_WIDGET (overview_child (window, "free_energy_view"));
  GtkWidget *phase_view = GTK_WIDGET (overview_child (window, "phase_view"));
  GtkWidget *ocv_view = GTK_WIDGET (overview_child (window, "ocv_view"));
  GtkWidget *focus_bar = GTK_WIDGET (overview_child (window, "focus_bar"));
  GtkDropDown *first = GTK_DROP_DOWN (overview_child (window, "focus_first"));
  SpSliderRow *temperature = slider_row (window, "temperature_row");
  graphene_rect_t panel_r, t_r, g_r, phase_r, window_r = GRAPHENE_RECT_INIT (0, 0, PROJECTOR_WIDTH, PROJECTOR_HEIGHT);
  GtkWidget *plots[2] = { g_view, phase_view };

  g_assert_true (gtk_widget_get_visible (focus_bar));
  g_assert_true (gtk_widget_get_mapped (panel));
  panel_r = bounds_in_window (panel, window);
  t_r = bounds_in_window (sp_slider_row_get_scale (temperature), window);
  g_r = bounds_in_window (g_view, window);
  phase_r = bounds_in_window (phase_view, window);

  /* Docked beside the figures, not over them; and all on screen. */
  g_assert_false (graphene_rect_intersection (&panel_r, &g_r, NULL));
  g_assert_false (graphene_rect_intersection (&panel_r, &phase_r, NULL));
  g_assert_false (graphene_rect_intersection (&t_r, &g_r, NULL));
  g_assert_false (graphene_rect_intersection (&t_r, &phase_r, NULL));
  g_assert_false (graphene_rect_intersection (&g_r, &phase_r, NULL));
  g_assert_true (graphene_rect_contains_rect (&window_r, &t_r));
  for (guint i = 0; i < 2; i++)
    {
      graphene_rect_t r = bounds_in_window (plots[i], window);
      const SpPlotStyle *style = sp_plot_view_get_style (SP_PLOT_VIEW (plots[i]));
      SpFigureData data;
      SpFigureSpec spec;
      guint ink;

      g_assert_true (gtk_widget_get_mapped (plots[i]));
      g_assert_true (graphene_rect_contains_rect (&window_r, &r));
      g_test_message ("focus figure %u: %.0f × %.0f px", i, r.size.width, r.size.height);
      g_assert_cmpfloat (r.size.height, >=, MIN_FOCUS_HEIGHT);
      g_assert_cmpfloat (style->scale, ==, 1.45);
      /* … and large enough to keep the legend, at 1.45 × text. */
      sp_figure_data_init (&data);
      data.analysis = sp_window_get_analysis (window);
      g_assert_cmpint (sp_figure_legend_compute (sp_plot_view_get_kind (SP_PLOT_VIEW (plots[i])),
                                                 &data, style, r.size.width, r.size.height,
                                                 &spec, &ink), !=, SP_LEGEND_HIDDEN);
      sp_figure_spec_clear (&spec);
    }
  g_assert_false (gtk_widget_get_mapped (ocv_view));

  /* Another figure into focus: the OCV replaces g(c). */
  gtk_drop_down_set_selected (first, 1);
  settle ();
  g_assert_true (gtk_widget_get_mapped (ocv_view));
  g_assert_false (gtk_widget_get_mapped (g_view));
  g_assert_cmpfloat (bounds_in_window (ocv_view, window).size.height, >=, MIN_FOCUS_HEIGHT);
  /* Picking what the other shows swaps the two. */
  gtk_drop_down_set_selected (first, 3);
  settle ();
  g_assert_cmpuint (gtk_drop_down_get_selected (
                      GTK_DROP_DOWN (overview_child (window, "focus_second"))), ==, 1);
  g_assert_true (gtk_widget_get_mapped (ocv_view));
  g_assert_true (gtk_widget_get_mapped (phase_view));

  /* Leaving presentation mode brings back all six. */
  g_object_set (sp_window_get_params (window), "presentation", FALSE, NULL);
  settle ();
  g_assert_false (gtk_widget_get_visible (focus_bar));
  g_assert_true (gtk_widget_get_mapped (g_view));
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (overview_child (window, "dispersion_view"))));

  close_window (window);
}

/* Whether @widget is wholly in view: inside the window and not scrolled
 * out of the viewport that holds it. */
static void
assert_wholly_shown (GtkWidget  *widget,
                     SpWindow   *window,
                     const char *what)
{
  graphene_rect_t r = bounds_in_window (widget, window);
  graphene_rect_t window_r = GRAPHENE_RECT_INIT (0, 0, gtk_widget_get_width (GTK_WIDGET (window)),
                                                 gtk_widget_get_height (GTK_WIDGET (window)));
  GtkWidget *scroller = gtk_widget_get_ancestor (widget, GTK_TYPE_SCROLLED_WINDOW);

  g_test_message ("%s: %.0f × %.0f px at (%.0f, %.0f)", what, r.size.width, r.size.height,
                  r.origin.x, r.origin.y);
  g_assert_true (gtk_widget_get_mapped (widget));
  g_assert_true (graphene_rect_contains_rect (&window_r, &r));
  if (scroller != NULL)
    {
      graphene_rect_t view_r = bounds_in_window (scroller, window);

      g_test_message ("  its scrolled window: %.0f × %.0f px at (%.0f, %.0f)", view_r.size.width,
                      view_r.size.height, view_r.origin.x, view_r.origin.y);
      /* A pixel of rounding either way. */
      graphene_rect_inset (&view_r, -1, -1);
      g_assert_true (graphene_rect_contains_rect (&view_r, &r));
    }
  g_assert_cmpfloat (r.size.height, >=, MIN_FOCUS_HEIGHT);
}

/* A lesson in presentation mode at 1280 × 720: the panel takes its share
 * of the width, yet both focus figures are wholly on screen, unscrolled,
 * and a step's highlighted figures are the ones in focus. */
static void
test_lesson_focus (void)
{
  static const char text[] =
    "# Focus\n"
    "\n"
    "## The voltage\n"
    "@page overview\n"
    "@preset lifepo4\n"
    "@highlight ocv\n"
    "Read the plateau off the OCV.\n"
    "\n"
    "## Two figures\n"
    "@highlight dispersion diffusivity\n"
    "Uphill diffusion and its wavelength.\n"
    "\n"
    "## One already shown\n"
    "@highlight diffusivity temperature\n"
    "D<sub>chem</sub> again.\n";
  SpWindow *window = new_projector_window (TRUE);
  g_autofree char *dir = g_dir_make_tmp ("presentation-lesson-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "focus.lesson", NULL);
  GtkWidget *g_view = GTK_WIDGET (overview_child (window, "free_energy_view"));
  GtkWidget *ocv_view = GTK_WIDGET (overview_child (window, "ocv_view"));
  GtkWidget *phase_view = GTK_WIDGET (overview_child (window, "phase_view"));
  GtkWidget *dchem_view = GTK_WIDGET (overview_child (window, "dchem_view"));
  GtkWidget *dispersion_view = GTK_WIDGET (overview_child (window, "dispersion_view"));
  GtkDropDown *first = GTK_DROP_DOWN (overview_child (window, "focus_first"));
  GtkDropDown *second = GTK_DROP_DOWN (overview_child (window, "focus_second"));
  gint64 deadline = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;

  g_assert_true (g_file_set_contents (path, text, -1, NULL));
  sp_window_open_lesson (window, path);
  while (sp_lesson_runner_get_lesson (sp_window_get_lesson_runner (window)) == NULL)
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, TRUE);
    }
  settle ();
  g_assert_true (gtk_widget_get_mapped (sp_window_get_lesson_panel (window)));

  /* One highlighted figure joins g(c), which leads. */
  assert_wholly_shown (g_view, window, "g(c)");
  assert_wholly_shown (ocv_view, window, "OCV");
  g_assert_false (gtk_widget_get_mapped (phase_view));
  g_assert_cmpuint (gtk_drop_down_get_selected (first), ==, 0);
  g_assert_cmpuint (gtk_drop_down_get_selected (second), ==, 1);

  /* Two take both places, in their order. */
  g_assert_true (sp_window_lesson_go_to (window, 1));
  settle ();
  assert_wholly_shown (dispersion_view, window, "σ(k)");
  assert_wholly_shown (dchem_view, window, "D_chem");
  g_assert_false (gtk_widget_get_mapped (g_view));
  g_assert_cmpuint (gtk_drop_down_get_selected (first), ==, 5);
  g_assert_cmpuint (gtk_drop_down_get_selected (second), ==, 4);

  /* One already in focus stays where it is, and so does its neighbour. */
  g_assert_true (sp_window_lesson_go_to (window, 2));
  settle ();
  g_assert_cmpuint (gtk_drop_down_get_selected (first), ==, 5);
  g_assert_cmpuint (gtk_drop_down_get_selected (second), ==, 4);
  assert_wholly_shown (dchem_view, window, "D_chem");

  /* The other way round: the lesson first, then presentation mode (F5). */
  sp_window_close_lesson (window);
  g_object_set (sp_window_get_params (window), "presentation", FALSE, NULL);
  settle ();
  sp_window_open_lesson (window, path);
  deadline = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;
  while (sp_lesson_runner_get_lesson (sp_window_get_lesson_runner (window)) == NULL)
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, TRUE);
    }
  settle ();
  g_object_set (sp_window_get_params (window), "presentation", TRUE, NULL);
  settle ();
  /* σ(k) was left in the lead by the last lesson; the OCV joins it. */
  g_assert_cmpuint (gtk_drop_down_get_selected (first), ==, 5);
  g_assert_cmpuint (gtk_drop_down_get_selected (second), ==, 1);
  assert_wholly_shown (dispersion_view, window, "σ(k) after F5");
  assert_wholly_shown (ocv_view, window, "OCV after F5");

  sp_window_close_lesson (window);
  close_window (window);
  g_assert_no_errno (g_remove (path));
  g_assert_no_errno (g_rmdir (dir));
}

static gboolean
is_label_with_text (GtkWidget    *widget,
                    gconstpointer text)
{
  return GTK_IS_LABEL (widget) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), text) == 0;
}

/* A step whose text fills the panel: after Check the verdict and the
 * answer are below the fold, and the panel scrolls them into view. */
static void
test_lesson_reveal_in_view (void)
{
  g_autoptr(GString) text = g_string_new ("# Reveal\n\n## A long step\n@page overview\n");
  SpWindow *window = new_projector_window (TRUE);
  g_autofree char *dir = g_dir_make_tmp ("presentation-reveal-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "reveal.lesson", NULL);
  SpLessonPanel *panel = SP_LESSON_PANEL (sp_window_get_lesson_panel (window));
  gint64 deadline = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;
  GtkWidget *verdict, *scroller;
  graphene_rect_t verdict_r, scroller_r;

  for (guint i = 0; i < 8; i++)
    g_string_append (text, "A paragraph long enough to take several lines of the panel at the "
                           "projector's size, so that the question comes below the fold.\n\n");
  g_string_append (text, "@question How many minima?\n@choice One\n@choice* Two\n"
                         "@answer Two: the entropy is steepest at the ends.\n");
  g_assert_true (g_file_set_contents (path, text->str, -1, NULL));
  sp_window_open_lesson (window, path);
  while (sp_lesson_runner_get_lesson (sp_window_get_lesson_runner (window)) == NULL)
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, TRUE);
    }
  settle ();
  scroller = gtk_widget_get_ancestor (GTK_WIDGET (test_find_widget (GTK_WIDGET (panel), is_label_with_text,
                                                                    "Two")),
                                      GTK_TYPE_SCROLLED_WINDOW);
  g_assert_nonnull (scroller);
  g_assert_cmpfloat (gtk_adjustment_get_value (gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller))),
                     ==, 0);

  sp_lesson_panel_choose (panel, 0, 1);
  sp_lesson_panel_reveal (panel, 0);
  settle ();
  g_assert_cmpint (sp_lesson_panel_get_verdict (panel, 0), ==, 1);
  verdict = test_find_widget (GTK_WIDGET (panel), is_label_with_text,
                              sp_lesson_panel_get_verdict_text (panel, 0));
  g_assert_nonnull (verdict);
  verdict_r = bounds_in_window (verdict, window);
  scroller_r = bounds_in_window (scroller, window);
  g_test_message ("verdict at y = %.0f … %.0f, panel's scrolled area %.0f … %.0f", verdict_r.origin.y,
                  verdict_r.origin.y + verdict_r.size.height, scroller_r.origin.y,
                  scroller_r.origin.y + scroller_r.size.height);
  /* It scrolled, and the verdict is wholly in view. */
  g_assert_cmpfloat (gtk_adjustment_get_value (gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller))),
                     >, 0);
  graphene_rect_inset (&scroller_r, -1, -1);
  g_assert_true (graphene_rect_contains_rect (&scroller_r, &verdict_r));

  sp_window_close_lesson (window);
  close_window (window);
  g_assert_no_errno (g_remove (path));
  g_assert_no_errno (g_rmdir (dir));
}

static void
test_slider_length (void)
{
  SpWindow *window = new_projector_window (FALSE);
  SpSliderRow *temperature = slider_row (window, "temperature_row");
  SpSliderRow *omega = slider_row (window, "omega_row");
  double t_lo, t_hi;
  int trough = trough_length (temperature);

  sp_slider_row_get_scale_range (temperature, &t_lo, &t_hi);
  g_test_message ("T trough %d px over %g–%g K", trough, t_lo, t_hi);
  g_assert_cmpint (trough, >=, MIN_TROUGH);
  g_assert_cmpint (trough_length (omega), >=, MIN_TROUGH);
  /* LiFePO₄'s 298 → 420 K: a good part of the trough, not 7 px. */
  g_assert_cmpfloat ((420.0 - 298.0) / (t_hi - t_lo) * trough, >=, 50.0);
  /* Page steps are round: a tenth of the shown range, 1, 2 or 5 × 10ⁿ. */
  {
    double page = gtk_adjustment_get_page_increment (gtk_range_get_adjustment (GTK_RANGE (sp_slider_row_get_scale (temperature))));
    double mantissa = page / pow (10.0, floor (log10 (page)));

    g_assert_true (fabs (mantissa - 1.0) < 1e-9 || fabs (mantissa - 2.0) < 1e-9 ||
                   fabs (mantissa - 5.0) < 1e-9);
    g_assert_cmpfloat (page, <=, (t_hi - t_lo) / 10.0);
    g_assert_cmpfloat (page, >, (t_hi - t_lo) / 25.0);
  }

  /* GtkRange's long-press fine-tune (where slow drags jump) is off. */
  {
    g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (GTK_WIDGET (sp_slider_row_get_scale (temperature)));
    guint long_presses = 0;

    for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
      {
        g_autoptr(GtkEventController) c = g_list_model_get_item (controllers, i);

        if (GTK_IS_GESTURE_LONG_PRESS (c))
          {
            long_presses++;
            g_assert_cmpint (gtk_event_controller_get_propagation_phase (c), ==, GTK_PHASE_NONE);
          }
      }
    g_assert_cmpuint (long_presses, ==, 1);
  }

  /* In presentation mode too, with the larger text. */
  g_object_set (sp_window_get_params (window), "presentation", TRUE, NULL);
  settle ();
  g_test_message ("T trough in presentation mode: %d px", trough_length (temperature));
  g_assert_cmpint (trough_length (temperature), >=, MIN_TROUGH);

  close_window (window);
}

/* The T slider spans up to 1.5 T_c of the material (a round 50 K), widens
 * for a value typed into the entry, and the toggle shows the full range. */
static void
test_temperature_range (void)
{
  SpWindow *window = new_projector_window (FALSE);
  SpParams *params = sp_window_get_params (window);
  SpSliderRow *row = slider_row (window, "temperature_row");
  GtkToggleButton *full = sp_slider_row_get_full_range_button (row);
  GtkRange *scale = GTK_RANGE (sp_slider_row_get_scale (row));
  const char *presets[] = { "lifepo4", "textbook" };
  double lo, hi, min, max, value;

  sp_params_get_range (params, "temperature", &min, &max);
  for (guint i = 0; i < G_N_ELEMENTS (presets); i++)
    {
      g_autoptr(SpPreset) preset = sp_presets_lookup (presets[i], NULL);
      g_autoptr(SpAnalysis) a = NULL;

      g_assert_nonnull (preset);
      a = sp_analysis_new (&preset->model);
      g_assert_true (sp_params_load_preset (params, presets[i], NULL));
      flush_main_loop ();
      g_assert_true (a->has_critical);
      sp_slider_row_get_scale_range (row, &lo, &hi);
      g_assert_cmpfloat (lo, ==, min);
      g_assert_cmpfloat (hi, ==, ceil (1.5 * a->t_c / 50.0) * 50.0);
      g_assert_cmpfloat (hi, >=, 1.5 * a->t_c);
      g_assert_cmpfloat (hi, <, 1.5 * a->t_c + 50.0);
      g_assert_true (gtk_widget_get_visible (GTK_WIDGET (full)));
    }

  /* A value typed beyond it: accepted, and the slider widens to show it. */
  sp_slider_row_get_scale_range (row, &lo, &hi);
  gtk_spin_button_set_value (sp_slider_row_get_spin (row), 1400.0);
  g_object_get (params, "temperature", &value, NULL);
  g_assert_cmpfloat (value, ==, 1400.0);
  sp_slider_row_get_scale_range (row, &lo, &hi);
  g_assert_cmpfloat (hi, >=, 1400.0);
  g_assert_cmpfloat (hi, <=, max);
  g_assert_cmpfloat (gtk_range_get_value (scale), ==, 1400.0);
  /* The slider moves the value, anywhere in its range. */
  gtk_range_set_value (scale, 333.0);
  g_object_get (params, "temperature", &value, NULL);
  g_assert_cmpfloat (value, ==, 333.0);

  /* Full range: 50–1500 K; back: the material's again. */
  gtk_toggle_button_set_active (full, TRUE);
  sp_slider_row_get_scale_range (row, &lo, &hi);
  g_assert_cmpfloat (lo, ==, min);
  g_assert_cmpfloat (hi, ==, max);
  gtk_toggle_button_set_active (full, FALSE);
  sp_slider_row_get_scale_range (row, &lo, &hi);
  g_assert_cmpfloat (hi, <, max);
  g_assert_cmpfloat (gtk_range_get_value (scale), ==, 333.0);

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

  g_test_add_func ("/app/presentation/focus-layout", test_focus_layout);
  g_test_add_func ("/app/presentation/lesson-focus", test_lesson_focus);
  g_test_add_func ("/app/presentation/lesson-reveal-in-view", test_lesson_reveal_in_view);
  g_test_add_func ("/app/presentation/slider-length", test_slider_length);
  g_test_add_func ("/app/presentation/temperature-range", test_temperature_range);

  status = g_test_run ();
  g_clear_object (&app);

  return status;
}
