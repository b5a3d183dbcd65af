/* test-app-impedance.c — the Ion Transport lab's Impedance page in the
 * window: switching labs shows it and its panel; a slider moved as a user
 * moves it (the scale's own adjustment) changes the spectrum Nyquist and
 * Bode draw, to the closed form at the new value, in one frame, and the
 * read-outs with it; presets apply; the linked cursor by frequency; the
 * layout; the session state's round trip and its errors; Export draws
 * the page's data.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <complex.h>
#include <math.h>
#include <string.h>

#include <glib/gstdio.h>

#include "sp-eis-data-view.h"
#include "sp-gsl.h"
#include "sp-impedance-page.h"
#include "sp-impedance-panel.h"
#include "sp-param-panel.h"
#include "sp-readout.h"
#include "sp-window-export.h"

#include "test-app-helpers.h"

static SpImpedancePage *
impedance_page (SpWindow *window)
{
  AdwViewStack *stack = ADW_VIEW_STACK (template_child (window, SP_TYPE_WINDOW, "view_stack"));
  GtkWidget *page = adw_view_stack_get_child_by_name (stack, "impedance");

  g_assert_true (SP_IS_IMPEDANCE_PAGE (page));
  return SP_IMPEDANCE_PAGE (page);
}

/* The flap's panel on show (the others are hidden). */
static GtkWidget *
shown_panel (SpWindow *window)
{
  GtkWidget *box = GTK_WIDGET (template_child (window, SP_TYPE_WINDOW, "panel_box"));
  GtkWidget *shown = NULL;

  for (GtkWidget *child = gtk_widget_get_first_child (box); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (gtk_widget_get_visible (child))
      {
        g_assert_null (shown);
        shown = child;
      }
  g_assert_nonnull (shown);
  return shown;
}

static const char *
shown_page (SpWindow *window)
{
  return adw_view_stack_get_visible_child_name (ADW_VIEW_STACK (template_child (window, SP_TYPE_WINDOW,
                                                                                "view_stack")));
}

/* The window on the Impedance page, through the lab selector's action. */
static SpWindow *
window_on_impedance (void)
{
  SpWindow *window = new_window ();

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-lab", "s",
                                             "ion-transport"));
  flush_main_loop ();
  g_assert_cmpstr (shown_page (window), ==, "impedance");
  return window;
}

/* Z of the ceramic model written out (not through sp-circuit). */
static double complex
ceramic_z (const SpEisCeramic *m,
           double              f)
{
  const double *v = m->values;
  double omega = 2 * G_PI * f, t = v[SP_EIS_CERAMIC_TEMPERATURE], t_ref = m->reference_temperature_k;
  double k = SP_BOLTZMANN_EV_PER_K;
  double rb = v[SP_EIS_CERAMIC_RB] * (t / t_ref) * exp (v[SP_EIS_CERAMIC_EA_B] / k * (1 / t - 1 / t_ref));
  double rgb = v[SP_EIS_CERAMIC_RGB] * (t / t_ref) * exp (v[SP_EIS_CERAMIC_EA_GB] / k * (1 / t - 1 / t_ref));

  return v[SP_EIS_CERAMIC_R0]
         + rb / (1 + rb * v[SP_EIS_CERAMIC_QB] * cpow (I * omega, v[SP_EIS_CERAMIC_ALPHA_B]))
         + rgb / (1 + rgb * v[SP_EIS_CERAMIC_QGB] * cpow (I * omega, v[SP_EIS_CERAMIC_ALPHA_GB]))
         + 1 / (v[SP_EIS_CERAMIC_QEL] * cpow (I * omega, v[SP_EIS_CERAMIC_ALPHA_EL]));
}

static const SpEisSpectrum *
drawn_model (SpImpedancePage *page,
             SpFigureKind     kind)
{
  const SpFigureData *data = sp_plot_view_get_data (sp_impedance_page_get_figure (page, kind));

  g_assert_nonnull (data->eis);
  g_assert_nonnull (data->eis->model);
  return data->eis->model;
}

/* The drawn curve is the closed form of @model at every point. */
static void
assert_drawn_is (const SpEisSpectrum *s,
                 const SpEisCeramic  *model)
{
  g_assert_cmpuint (s->n_points, >=, 100);
  for (guint i = 0; i < s->n_points; i++)
    {
      double complex z = ceramic_z (model, s->freq_hz[i]);

      g_assert_cmpfloat_with_epsilon (s->z_re_ohm[i], creal (z), 1e-10 * cabs (z));
      g_assert_cmpfloat_with_epsilon (s->z_im_ohm[i], cimag (z), 1e-10 * cabs (z));
    }
}

/* Z′ where −Z″ has its minimum between the bulk and grain-boundary arcs
 * is about R0 + R_b; at the electrode's take-over, R0 + R_b + R_gb: the
 * span of the two arcs on the Z′ axis. */
static double
arcs_span (const SpEisSpectrum *s,
           double               r0)
{
  double span = 0;

  /* The real part of the arcs alone: Z′ less the electrode CPE's own
   * real part, which grows without bound at low frequency. */
  for (guint i = 0; i < s->n_points; i++)
    span = MAX (span, s->z_re_ohm[i] - r0);
  return span;
}

static void
wait_frames (GtkWidget *widget,
             guint      n)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (widget);
  gint64 start = gdk_frame_clock_get_frame_counter (clock);
  gint64 end = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;

  while (gdk_frame_clock_get_frame_counter (clock) < start + n && g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, TRUE);
}

static void
test_switch_labs (void)
{
  SpWindow *window = window_on_impedance ();
  SpImpedancePage *page = impedance_page (window);
  GtkWidget *panel = shown_panel (window);
  GPtrArray *figures = sp_lab_page_get_figures (SP_LAB_PAGE (page));
  static const SpFigureKind kinds[] = {
    SP_FIGURE_NYQUIST, SP_FIGURE_BODE, SP_FIGURE_EIS_RESIDUALS, SP_FIGURE_DRT, SP_FIGURE_ARRHENIUS,
  };

  g_assert_true (SP_IS_IMPEDANCE_PANEL (panel));
  g_assert_true (gtk_widget_get_mapped (panel));
  /* No wider than the other lab's panel: the flap folds at the same
   * window width in both labs. */
  {
    int min;

    gtk_widget_measure (panel, GTK_ORIENTATION_HORIZONTAL, -1, &min, NULL, NULL, NULL);
    g_assert_cmpint (min, <=, SP_PARAM_PANEL_WIDTH);
  }
  g_assert_cmpstr (sp_lab_page_get_lab_name (SP_LAB_PAGE (page)), ==, "ion-transport");
  g_assert_cmpstr (sp_lab_page_get_panel_name (SP_LAB_PAGE (page)), ==, "ion-transport");
  g_assert_false (sp_lab_page_get_simulation_bar (SP_LAB_PAGE (page)));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (sp_window_get_sim_bar (window))));
  g_assert_true (sp_lab_page_has_state (SP_LAB_PAGE (page)));
  g_assert_cmpuint (figures->len, ==, G_N_ELEMENTS (kinds));
  for (guint i = 0; i < figures->len; i++)
    g_assert_cmpint (sp_plot_view_get_kind (g_ptr_array_index (figures, i)), ==, kinds[i]);
  /* Explore mode: Nyquist and Bode with the model, the read-outs. */
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (sp_impedance_page_get_figure (page, SP_FIGURE_NYQUIST))));
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (sp_impedance_page_get_figure (page, SP_FIGURE_BODE))));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (sp_impedance_page_get_figure (page, SP_FIGURE_DRT))));
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (sp_impedance_page_get_readouts (page))));
  assert_drawn_is (drawn_model (page, SP_FIGURE_NYQUIST), &sp_impedance_page_get_explore (page)->model);

  /* Alt+3 is the page (the third of the list). */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "overview"));
  flush_main_loop ();
  g_assert_cmpstr (shown_page (window), ==, "overview");
  g_assert_false (SP_IS_IMPEDANCE_PANEL (shown_panel (window)));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-lab", "s", "ion-transport"));
  flush_main_loop ();
  g_assert_true (shown_panel (window) == panel);
  close_window (window);
}

/* The bulk resistance slider dragged as a user does: the scale's own
 * adjustment (log10 of the value) moves; the page's value, the spectrum
 * on Nyquist and Bode (the same one, in the same frame) and the read-outs
 * follow. */
static void
test_slider_moves_spectrum (void)
{
  SpWindow *window = window_on_impedance ();
  SpImpedancePage *page = impedance_page (window);
  SpImpedancePanel *panel = SP_IMPEDANCE_PANEL (shown_panel (window));
  SpSliderRow *row = sp_impedance_panel_get_row (panel, SP_EIS_CERAMIC_RB);
  GtkAdjustment *scale = gtk_range_get_adjustment (GTK_RANGE (sp_slider_row_get_scale (row)));
  SpPlotView *nyquist = sp_impedance_page_get_figure (page, SP_FIGURE_NYQUIST);
  SpPlotView *bode = sp_impedance_page_get_figure (page, SP_FIGURE_BODE);
  const SpImpedanceExplore *explore = sp_impedance_page_get_explore (page);
  double r0 = explore->model.values[SP_EIS_CERAMIC_R0];
  double span_before, span_after, rb, rgb, sigma;
  guint64 nyquist_draws, bode_draws;
  g_autofree char *sigma_text = NULL;
  g_autofree char *before_text = NULL;

  wait_frames (GTK_WIDGET (nyquist), 2);
  span_before = arcs_span (drawn_model (page, SP_FIGURE_NYQUIST), r0);
  before_text = g_strdup (sp_impedance_readouts_get_sigma_total_text (sp_impedance_page_get_readouts (page)));
  nyquist_draws = sp_plot_view_get_draw_count (nyquist);
  bode_draws = sp_plot_view_get_draw_count (bode);

  /* From 400 Ω to 4000 Ω: one decade along the log slider. */
  g_assert_cmpfloat_with_epsilon (gtk_adjustment_get_value (scale), log10 (400.0), 1e-12);
  gtk_adjustment_set_value (scale, log10 (4000.0));
  g_assert_cmpfloat (gtk_adjustment_get_value (sp_impedance_page_get_adjustment (page, SP_EIS_CERAMIC_RB)),
                     ==, 4000.0);
  g_assert_cmpfloat (explore->model.values[SP_EIS_CERAMIC_RB], ==, 4000.0);
  assert_drawn_is (drawn_model (page, SP_FIGURE_NYQUIST), &explore->model);
  g_assert_true (drawn_model (page, SP_FIGURE_BODE) == drawn_model (page, SP_FIGURE_NYQUIST));

  /* The arcs' Z′ span: R_b + R_gb (at 25 °C, the reference temperature)
   * plus the electrode CPE's real part at the lowest frequency. */
  rb = explore->readout.rb_ohm;
  rgb = explore->readout.rgb_ohm;
  g_assert_cmpfloat_with_epsilon (rb, 4000.0, 1e-9);
  span_after = arcs_span (drawn_model (page, SP_FIGURE_NYQUIST), r0);
  {
    const SpEisSpectrum *s = drawn_model (page, SP_FIGURE_NYQUIST);
    double f_low = s->freq_hz[s->n_points - 1];
    double alpha = explore->model.values[SP_EIS_CERAMIC_ALPHA_EL];
    double el_re = cos (alpha * G_PI / 2) / (explore->model.values[SP_EIS_CERAMIC_QEL]
                                              * pow (2 * G_PI * f_low, alpha));

    g_assert_cmpfloat_with_epsilon (span_after - el_re, rb + rgb, 1e-3 * (rb + rgb));
  }
  g_assert_cmpfloat (span_after, >, span_before + 3000.0);

  /* One frame draws both. */
  wait_frames (GTK_WIDGET (nyquist), 2);
  g_assert_cmpuint (sp_plot_view_get_draw_count (nyquist), >, nyquist_draws);
  g_assert_cmpuint (sp_plot_view_get_draw_count (bode), >, bode_draws);

  /* σ_total = t/((R_b + R_gb) A), as the read-out prints it. */
  sigma = explore->model.values[SP_EIS_CERAMIC_THICKNESS]
          / ((rb + rgb) * explore->model.values[SP_EIS_CERAMIC_AREA]);
  g_assert_cmpfloat_with_epsilon (explore->readout.sigma_total_s_per_cm, sigma, 1e-12 * sigma);
  sigma_text = sp_impedance_readouts_format (sigma, "S/cm", FALSE);
  g_assert_cmpstr (sp_impedance_readouts_get_sigma_total_text (sp_impedance_page_get_readouts (page)),
                   ==, sigma_text);
  g_assert_cmpstr (sigma_text, !=, before_text);

  /* The temperature slider moves R_b by its activation energy. */
  gtk_adjustment_set_value (sp_impedance_page_get_adjustment (page, SP_EIS_CERAMIC_TEMPERATURE), 400.0);
  g_assert_cmpfloat_with_epsilon (explore->readout.rb_ohm,
                                  sp_eis_resistance_at (4000.0, explore->model.values[SP_EIS_CERAMIC_EA_B],
                                                        explore->model.reference_temperature_k, 400.0),
                                  1e-9);
  assert_drawn_is (drawn_model (page, SP_FIGURE_BODE), &explore->model);
  close_window (window);
}

static void
test_presets (void)
{
  SpWindow *window = window_on_impedance ();
  SpImpedancePage *page = impedance_page (window);
  SpImpedancePanel *panel = SP_IMPEDANCE_PANEL (shown_panel (window));
  GtkLabel *source = GTK_LABEL (template_child (panel, SP_TYPE_IMPEDANCE_PANEL, "source_label"));
  GtkWidget *tag = GTK_WIDGET (template_child (panel, SP_TYPE_IMPEDANCE_PANEL, "illustrative_label"));
  const SpEisCeramicPreset *ysz = sp_eis_ceramic_find_preset ("ysz");
  guint index = 0;

  g_assert_cmpstr (sp_impedance_page_get_preset (page), ==, sp_eis_ceramic_get_preset (0)->id);
  while (sp_eis_ceramic_get_preset (index) != ysz)
    index++;
  adw_combo_row_set_selected (sp_impedance_panel_get_preset_row (panel), index);
  g_assert_cmpstr (sp_impedance_page_get_preset (page), ==, "ysz");
  for (guint p = 0; p < SP_EIS_CERAMIC_N_PARAMS; p++)
    g_assert_cmpfloat (gtk_adjustment_get_value (sp_impedance_page_get_adjustment (page, p)), ==,
                       ysz->model.values[p]);
  g_assert_cmpfloat (sp_impedance_page_get_explore (page)->model.reference_temperature_k, ==,
                     ysz->model.reference_temperature_k);
  assert_drawn_is (drawn_model (page, SP_FIGURE_NYQUIST), &ysz->model);
  /* Its source, and the tag that says the numbers are illustrative. */
  g_assert_nonnull (strstr (gtk_label_get_label (source), "Badwal"));
  g_assert_true (gtk_widget_get_visible (tag) == ysz->illustrative);
  /* The slider rows show the preset's values. */
  g_assert_cmpfloat (gtk_adjustment_get_value (sp_slider_row_get_adjustment (
                       sp_impedance_panel_get_row (panel, SP_EIS_CERAMIC_RB))), ==, 35000.0);

  /* From the page: the drop-down follows. */
  g_assert_true (sp_impedance_page_apply_preset (page, "li6ps5cl"));
  g_assert_cmpstr (sp_eis_ceramic_get_preset (adw_combo_row_get_selected (
                     sp_impedance_panel_get_preset_row (panel)))->id, ==, "li6ps5cl");
  g_assert_false (sp_impedance_page_apply_preset (page, "no-such-preset"));
  close_window (window);
}

/* Hovering a frequency on one figure marks it on all of them. */
static void
test_linked_cursor (void)
{
  SpWindow *window = window_on_impedance ();
  SpImpedancePage *page = impedance_page (window);
  GPtrArray *figures = sp_lab_page_get_figures (SP_LAB_PAGE (page));
  SpPlotView *bode = sp_impedance_page_get_figure (page, SP_FIGURE_BODE);
  SpPlotView *nyquist = sp_impedance_page_get_figure (page, SP_FIGURE_NYQUIST);
  const SpFigureData *data = sp_plot_view_get_data (nyquist);
  double f;
  int width, height;

  g_signal_emit_by_name (bode, "frequency-moved", 1234.0);
  for (guint i = 0; i < figures->len; i++)
    g_assert_cmpfloat (sp_plot_view_get_data (g_ptr_array_index (figures, i))->cursor_freq_hz, ==, 1234.0);
  g_assert_cmpfloat (sp_impedance_page_get_cursor_frequency (page), ==, 1234.0);
  g_signal_emit_by_name (nyquist, "frequency-moved", NAN);
  for (guint i = 0; i < figures->len; i++)
    g_assert_true (isnan (sp_plot_view_get_data (g_ptr_array_index (figures, i))->cursor_freq_hz));

  /* What the pointer reports is sp_figure_frequency_at() on the drawn
   * data: the centre of the Bode plot is a frequency of its axis. */
  wait_frames (GTK_WIDGET (bode), 2);
  width = gtk_widget_get_width (GTK_WIDGET (bode));
  height = gtk_widget_get_height (GTK_WIDGET (bode));
  g_assert_true (sp_figure_frequency_at (SP_FIGURE_BODE, sp_plot_view_get_data (bode),
                                         sp_plot_view_get_style (bode), width, height,
                                         width / 2.0, height / 3.0, &f));
  g_assert_cmpfloat (f, >, data->eis->model->freq_hz[data->eis->model->n_points - 1]);
  g_assert_cmpfloat (f, <, data->eis->model->freq_hz[0]);
  close_window (window);
}

static void
grid_cell (GtkWidget *figure,
           int       *column,
           int       *row,
           int       *column_span,
           int       *row_span)
{
  GtkWidget *grid = gtk_widget_get_parent (figure);
  GtkLayoutManager *manager = gtk_widget_get_layout_manager (grid);
  GtkGridLayoutChild *lc = GTK_GRID_LAYOUT_CHILD (gtk_layout_manager_get_layout_child (manager, figure));

  *column = gtk_grid_layout_child_get_column (lc);
  *row = gtk_grid_layout_child_get_row (lc);
  *column_span = gtk_grid_layout_child_get_column_span (lc);
  *row_span = gtk_grid_layout_child_get_row_span (lc);
}

/* The page alone, handed areas as the window does. */
static void
test_layout (void)
{
  SpImpedancePage *page = g_object_new (SP_TYPE_IMPEDANCE_PAGE, NULL);
  GtkWindow *window = GTK_WINDOW (gtk_window_new ());
  GtkWidget *nyquist = GTK_WIDGET (sp_impedance_page_get_figure (page, SP_FIGURE_NYQUIST));
  GtkWidget *bode = GTK_WIDGET (sp_impedance_page_get_figure (page, SP_FIGURE_BODE));
  GtkWidget *drt = GTK_WIDGET (sp_impedance_page_get_figure (page, SP_FIGURE_DRT));
  GtkWidget *arrhenius = GTK_WIDGET (sp_impedance_page_get_figure (page, SP_FIGURE_ARRHENIUS));
  int c, r, cs, rs;

  gtk_window_set_default_size (window, 1000, 700);
  gtk_window_set_child (window, GTK_WIDGET (page));
  gtk_window_present (window);
  while (!gtk_widget_get_mapped (GTK_WIDGET (page)))
    g_main_context_iteration (NULL, TRUE);

  /* Explore, wide: Nyquist over two columns, Bode in the third. */
  sp_lab_page_set_area (SP_LAB_PAGE (page), 1000, 700);
  flush_main_loop ();
  grid_cell (nyquist, &c, &r, &cs, &rs);
  g_assert_cmpint (c, ==, 0);
  g_assert_cmpint (cs, ==, 2);
  grid_cell (bode, &c, &r, &cs, &rs);
  g_assert_cmpint (c, ==, 2);
  g_assert_cmpint (r, ==, 0);
  g_assert_false (gtk_widget_get_visible (drt));
  /* Narrow: stacked. */
  sp_lab_page_set_area (SP_LAB_PAGE (page), 400, 700);
  flush_main_loop ();
  grid_cell (bode, &c, &r, &cs, &rs);
  g_assert_cmpint (c, ==, 0);
  g_assert_cmpint (r, ==, 1);

  /* Data, wide: Nyquist over two rows, four beside it. */
  sp_impedance_page_set_mode (page, SP_IMPEDANCE_MODE_DATA);
  sp_lab_page_set_area (SP_LAB_PAGE (page), 1600, 900);
  flush_main_loop ();
  g_assert_false (gtk_widget_get_mapped (GTK_WIDGET (sp_impedance_page_get_readouts (page))));
  g_assert_true (gtk_widget_get_visible (drt));
  grid_cell (nyquist, &c, &r, &cs, &rs);
  g_assert_cmpint (rs, ==, 2);
  grid_cell (arrhenius, &c, &r, &cs, &rs);
  g_assert_cmpint (c, ==, 2);
  g_assert_cmpint (r, ==, 1);
  /* On a projector: two columns, Nyquist beside Bode. */
  sp_lab_page_set_presentation (SP_LAB_PAGE (page), TRUE);
  flush_main_loop ();
  grid_cell (bode, &c, &r, &cs, &rs);
  g_assert_cmpint (c, ==, 1);
  g_assert_cmpint (r, ==, 0);
  grid_cell (arrhenius, &c, &r, &cs, &rs);
  g_assert_cmpint (c, ==, 0);
  g_assert_cmpint (r, ==, 2);
  /* Back to explore: the data figures go. */
  sp_impedance_page_set_mode (page, SP_IMPEDANCE_MODE_EXPLORE);
  flush_main_loop ();
  g_assert_false (gtk_widget_get_visible (drt));
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (sp_impedance_page_get_readouts (page))));
  gtk_window_destroy (window);
  flush_main_loop ();
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
  g_autofree char *prefix = g_strdup_printf ("session.pages.impedance.%s: ", field);

  g_assert_false (sp_lab_page_load_state (page, state, &error));
  g_assert_error (error, SP_SESSION_ERROR, SP_SESSION_ERROR_INVALID);
  g_test_message ("%s", error->message);
  g_assert_true (g_str_has_prefix (error->message, prefix));
}

static void
test_session_state (void)
{
  SpImpedancePage *page = g_object_ref_sink (g_object_new (SP_TYPE_IMPEDANCE_PAGE, NULL));
  SpLabPage *lab_page = SP_LAB_PAGE (page);
  g_autoptr(JsonObject) saved = NULL;
  g_autoptr(JsonObject) again = NULL;
  g_autoptr(GError) error = NULL;
  SpEisCeramic expected;

  g_assert_true (sp_impedance_page_apply_preset (page, "li6ps5cl"));
  gtk_adjustment_set_value (sp_impedance_page_get_adjustment (page, SP_EIS_CERAMIC_QGB), 2.5e-8);
  sp_impedance_page_set_mode (page, SP_IMPEDANCE_MODE_DATA);
  expected = sp_impedance_page_get_explore (page)->model;
  saved = sp_lab_page_save_state (lab_page);
  g_assert_cmpstr (json_object_get_string_member (saved, "mode"), ==, "data");
  g_assert_cmpstr (json_object_get_string_member (saved, "preset"), ==, "li6ps5cl");
  g_assert_cmpfloat (json_object_get_double_member (json_object_get_object_member (saved, "explore"),
                                                    "qgb"), ==, 2.5e-8);

  /* Elsewhere, then back. */
  g_assert_true (sp_impedance_page_apply_preset (page, "ysz"));
  sp_impedance_page_set_mode (page, SP_IMPEDANCE_MODE_EXPLORE);
  g_assert_true (sp_lab_page_load_state (lab_page, saved, &error));
  g_assert_no_error (error);
  g_assert_cmpint (sp_impedance_page_get_mode (page), ==, SP_IMPEDANCE_MODE_DATA);
  g_assert_cmpstr (sp_impedance_page_get_preset (page), ==, "li6ps5cl");
  for (guint p = 0; p < SP_EIS_CERAMIC_N_PARAMS; p++)
    g_assert_cmpfloat (sp_impedance_page_get_explore (page)->model.values[p], ==, expected.values[p]);
  g_assert_cmpfloat (sp_impedance_page_get_explore (page)->model.reference_temperature_k, ==,
                     expected.reference_temperature_k);
  assert_drawn_is (sp_impedance_page_get_explore (page)->spectrum, &expected);
  again = sp_lab_page_save_state (lab_page);
  g_assert_true (json_object_equal (saved, again));

  /* A file's errors name the field; nothing changes. */
  assert_refused (lab_page, "{\"explore\": {\"rb_ohm\": 1e12}}", "explore.rb_ohm");
  assert_refused (lab_page, "{\"explore\": {\"alpha_b\": \"one\"}}", "explore.alpha_b");
  assert_refused (lab_page, "{\"explore\": [1, 2]}", "explore");
  assert_refused (lab_page, "{\"explore\": {\"reference_temperature_k\": -3}}",
                  "explore.reference_temperature_k");
  assert_refused (lab_page, "{\"mode\": \"fit\"}", "mode");
  assert_refused (lab_page, "{\"preset\": \"glass\"}", "preset");
  assert_refused (lab_page, "{\"preset\": 3}", "preset");
  g_assert_cmpint (sp_impedance_page_get_mode (page), ==, SP_IMPEDANCE_MODE_DATA);
  g_assert_cmpfloat (sp_impedance_page_get_explore (page)->model.values[SP_EIS_CERAMIC_QGB], ==, 2.5e-8);

  /* Missing fields: the defaults; a null preset: none. */
  {
    g_autoptr(JsonObject) sparse = parse_object ("{\"preset\": null, \"explore\": {\"rb_ohm\": 123}}");
    SpEisCeramic defaults;

    sp_eis_ceramic_init_default (&defaults);
    g_assert_true (sp_lab_page_load_state (lab_page, sparse, NULL));
    g_assert_null (sp_impedance_page_get_preset (page));
    g_assert_cmpint (sp_impedance_page_get_mode (page), ==, SP_IMPEDANCE_MODE_EXPLORE);
    g_assert_cmpfloat (sp_impedance_page_get_explore (page)->model.values[SP_EIS_CERAMIC_RB], ==, 123);
    g_assert_cmpfloat (sp_impedance_page_get_explore (page)->model.values[SP_EIS_CERAMIC_QB], ==,
                       defaults.values[SP_EIS_CERAMIC_QB]);
  }
  g_object_unref (page);
}

static gboolean
is_data_view (GtkWidget *widget)
{
  if (SP_IS_EIS_DATA_VIEW (widget))
    return TRUE;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (is_data_view (child))
      return TRUE;
  return FALSE;
}

static void
wait_idle_workbench (SpEisWorkbench *workbench)
{
  gint64 end = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;

  flush_main_loop ();
  while (sp_eis_workbench_get_busy (workbench) && g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (sp_eis_workbench_get_busy (workbench));
  flush_main_loop ();
}

/* Data mode: the panel holds the workbench's controls, a spectrum and its
 * fit reach every figure, a file that cannot be read changes nothing, and
 * the spectra are part of the page's session state. */
static void
test_data_mode (void)
{
  SpWindow *window = window_on_impedance ();
  SpImpedancePage *page = impedance_page (window);
  SpEisWorkbench *workbench = sp_impedance_page_get_workbench (page);
  const SpFigureData *nyquist;
  g_autoptr(SpEisSpectrum) spectrum = NULL;
  g_autoptr(GFile) missing = g_file_new_for_path ("/nonexistent/spectrum.csv");
  g_autoptr(JsonObject) saved = NULL;
  SpEisCeramic model;

  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (template_child (page, SP_TYPE_IMPEDANCE_PAGE,
                                                                     "mode_bar"))));
  sp_impedance_page_set_mode (page, SP_IMPEDANCE_MODE_DATA);
  flush_main_loop ();
  g_assert_true (is_data_view (shown_panel (window)));

  sp_eis_ceramic_init_default (&model);
  spectrum = sp_eis_ceramic_simulate (&model, 1, 1e7, 8, NULL);
  g_assert_nonnull (spectrum);
  sp_eis_workbench_add_spectrum (workbench, spectrum, NULL);
  flush_main_loop ();
  nyquist = sp_plot_view_get_data (sp_impedance_page_get_figure (page, SP_FIGURE_NYQUIST));
  g_assert_nonnull (nyquist->eis);
  g_assert_cmpuint (nyquist->eis->n_spectra, ==, 1);
  g_assert_cmpuint (nyquist->eis->spectra[0]->n_points, ==, spectrum->n_points);
  g_assert_cmpfloat (nyquist->eis->spectra[0]->z_re_ohm[3], ==, spectrum->z_re_ohm[3]);

  /* A fit from the automatic guess draws its curve on Nyquist. */
  sp_eis_workbench_fit (workbench);
  wait_idle_workbench (workbench);
  nyquist = sp_plot_view_get_data (sp_impedance_page_get_figure (page, SP_FIGURE_NYQUIST));
  g_assert_nonnull (nyquist->eis->model);
  g_assert_cmpuint (nyquist->eis->model->n_points, >, spectrum->n_points);

  /* A file that cannot be read: a message, and the spectra stay. */
  sp_eis_workbench_open_files (workbench, (GFile *[]) { missing }, 1);
  wait_idle_workbench (workbench);
  g_assert_cmpuint (sp_eis_workbench_get_n_spectra (workbench), ==, 1);

  /* The spectra travel with the session; a bad "data" names its field. */
  saved = sp_lab_page_save_state (SP_LAB_PAGE (page));
  g_assert_true (json_object_has_member (saved, "data"));
  sp_eis_workbench_remove_spectrum (workbench, 0);
  g_assert_cmpuint (sp_eis_workbench_get_n_spectra (workbench), ==, 0);
  g_assert_true (sp_lab_page_load_state (SP_LAB_PAGE (page), saved, NULL));
  g_assert_cmpuint (sp_eis_workbench_get_n_spectra (workbench), ==, 1);
  assert_refused (SP_LAB_PAGE (page), "{\"data\": [1]}", "data");
  g_assert_cmpuint (sp_eis_workbench_get_n_spectra (workbench), ==, 1);

  gtk_window_destroy (GTK_WINDOW (window));
  flush_main_loop ();
}

/* Export draws what the page shows (PNG) and writes its numbers (CSV). */
static void
test_export (void)
{
  SpWindow *window = window_on_impedance ();
  g_autofree char *dir = g_dir_make_tmp ("test-app-impedance-XXXXXX", NULL);
  g_autofree char *png = g_build_filename (dir, "nyquist.png", NULL);
  g_autofree char *csv = g_build_filename (dir, "bode.csv", NULL);
  g_autofree char *text = NULL;

  sp_window_export_to_path (window, SP_FIGURE_NYQUIST, png, SP_EXPORT_PNG);
  sp_window_export_to_path (window, SP_FIGURE_BODE, csv, SP_EXPORT_CSV);
  for (gint64 end = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
       (!g_file_test (png, G_FILE_TEST_EXISTS) || !g_file_test (csv, G_FILE_TEST_EXISTS)) &&
       g_get_monotonic_time () < end;)
    g_main_context_iteration (NULL, FALSE);
  g_assert_true (g_file_test (png, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_get_contents (csv, &text, NULL, NULL));
  /* The page's model is in the table. */
  g_assert_nonnull (strstr (text, "# spectrum 0: model"));
  g_assert_nonnull (strstr (text, "freq_hz"));
  g_unlink (png);
  g_unlink (csv);
  g_rmdir (dir);
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
  g_test_add_func ("/app/impedance/switch-labs", test_switch_labs);
  g_test_add_func ("/app/impedance/slider-moves-spectrum", test_slider_moves_spectrum);
  g_test_add_func ("/app/impedance/presets", test_presets);
  g_test_add_func ("/app/impedance/linked-cursor", test_linked_cursor);
  g_test_add_func ("/app/impedance/layout", test_layout);
  g_test_add_func ("/app/impedance/session-state", test_session_state);
  g_test_add_func ("/app/impedance/data-mode", test_data_mode);
  g_test_add_func ("/app/impedance/export", test_export);
  status = g_test_run ();
  g_object_unref (app);
  return status;
}
