/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-app-pins.c — pinned comparisons in the window
 *
 * Pin K = 0 and K = 43.4 meV on the LiFePO₄ preset: the labels say what
 * differs, every figure that takes pins has them, the figures and every
 * export format draw them (pixels and file bytes differ from a figure
 * without pins), the CSV carries them as columns named by the label with
 * the pinned numbers bit for bit, the impedance page's curve is pinned
 * too, pins are removed one at a time or all, at most four, renamed, and
 * they survive a save and an open (the session's top-level "pins").
 * The hopping page's MSD is pinned as its curves: drawn, exported as
 * columns, and back bit for bit after a save and an open.
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gstdio.h>

#include "sp-export.h"
#include "sp-gsl.h"
#include "sp-impedance-page.h"

#include "test-app-helpers.h"

/* Every field of two models, bit for bit (not the struct's padding). */
static void
assert_fields_bits (const SpModel *a,
                    const SpModel *b)
{
  const double *x[] = { &a->omega, &a->temperature, &a->s1, &a->stiffness, &a->kappa,
                        &a->rk[0], &a->rk[1], &a->rk[2], &a->rk[3], &a->d0, &a->v0, &a->c0 };
  const double *y[] = { &b->omega, &b->temperature, &b->s1, &b->stiffness, &b->kappa,
                        &b->rk[0], &b->rk[1], &b->rk[2], &b->rk[3], &b->d0, &b->v0, &b->c0 };

  for (guint i = 0; i < G_N_ELEMENTS (x); i++)
    g_assert_cmpmem (x[i], sizeof (double), y[i], sizeof (double));
  g_assert_cmpint (a->mobility, ==, b->mobility);
}

static SpWindow *
pinned_window (void)
{
  SpWindow *window = new_window ();
  SpParams *params = sp_window_get_params (window);

  flush_main_loop ();
  sp_window_clear_pins (window);
  g_object_set (params, "stiffness", 0.0, NULL);
  g_assert_true (sp_window_pin (window, NULL));
  g_object_set (params, "stiffness", 43.4, NULL);
  g_assert_true (sp_window_pin (window, NULL));
  flush_main_loop ();
  return window;
}

static void
window_data (SpWindow     *window,
             SpFigureKind  kind,
             SpFigureData *data)
{
  g_autoptr(GPtrArray) views = sp_window_get_plot_views (window);

  for (guint i = 0; i < views->len; i++)
    if (sp_plot_view_get_kind (g_ptr_array_index (views, i)) == kind)
      {
        *data = *sp_plot_view_get_data (g_ptr_array_index (views, i));
        data->cursor_c = NAN;
        data->cursor_freq_hz = NAN;
        return;
      }
  g_assert_not_reached ();
}

static void
test_labels_and_views (void)
{
  SpWindow *window = pinned_window ();
  SpPinSet *pins = sp_window_get_pins (window);
  g_autoptr(GPtrArray) views = sp_window_get_plot_views (window);

  g_assert_cmpuint (sp_pin_set_get_n (pins), ==, 2);
  g_assert_cmpstr (sp_pin_set_get (pins, 0)->label, ==, "K = 0 meV");
  g_assert_cmpstr (sp_pin_set_get (pins, 1)->label, ==, "K = 43.4 meV");
  g_assert_cmpfloat (sp_pin_set_get (pins, 0)->analysis->model.stiffness, ==, 0.0);
  g_assert_cmpfloat (sp_pin_set_get (pins, 1)->analysis->model.stiffness, ==, 43.4);
  /* Every figure has them; the ones that take pins draw them. */
  for (guint i = 0; i < views->len; i++)
    g_assert_true (sp_plot_view_get_data (g_ptr_array_index (views, i))->pins == pins);
  close_window (window);
}

/* The impedance page's model curve is pinned with the rest. */
static void
test_impedance_pin (void)
{
  SpWindow *window = new_window ();
  SpImpedancePage *page = NULL;
  g_autoptr(GPtrArray) views = NULL;
  const SpPin *pin;
  SpFigureData data;
  g_autoptr(GBytes) csv = NULL;
  g_autoptr(GError) error = NULL;
  SpExportOptions options;
  GtkAdjustment *rb;

  flush_main_loop ();
  sp_window_clear_pins (window);
  views = sp_window_get_plot_views (window);
  for (guint i = 0; i < views->len && page == NULL; i++)
    {
      GtkWidget *ancestor = gtk_widget_get_ancestor (g_ptr_array_index (views, i),
                                                     SP_TYPE_IMPEDANCE_PAGE);
      if (ancestor != NULL)
        page = SP_IMPEDANCE_PAGE (ancestor);
    }
  g_assert_nonnull (page);
  rb = sp_impedance_page_get_adjustment (page, SP_EIS_CERAMIC_RB);
  g_assert_true (sp_window_pin (window, "R_b before"));
  gtk_adjustment_set_value (rb, 2.0 * gtk_adjustment_get_value (rb));
  flush_main_loop ();
  pin = sp_pin_set_get (sp_window_get_pins (window), 0);
  g_assert_nonnull (pin->impedance);
  g_assert_cmpuint (pin->impedance->n_points, >=, 2);

  window_data (window, SP_FIGURE_NYQUIST, &data);
  g_assert_nonnull (data.pins);
  sp_export_options_init (&options, SP_FIGURE_NYQUIST);
  options.format = SP_EXPORT_CSV;
  csv = sp_export_render (SP_FIGURE_NYQUIST, &data, &options, &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (g_bytes_get_data (csv, NULL), ",R_b before: freq_hz,"));
  close_window (window);
}

/* Pixels of the plot drawn with and without the pins differ, in every
 * figure that takes pins; PNG, SVG and PDF carry them. */
static void
test_exports_draw_pins (void)
{
  static const SpFigureKind kinds[] = {
    SP_FIGURE_FREE_ENERGY, SP_FIGURE_OCV, SP_FIGURE_PHASE_DIAGRAM, SP_FIGURE_DIFFUSIVITY,
    SP_FIGURE_DISPERSION,
  };
  SpWindow *window = pinned_window ();

  for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
    {
      SpFigureData with, without;

      window_data (window, kinds[k], &with);
      without = with;
      without.pins = NULL;
      for (SpExportFormat f = SP_EXPORT_PNG; f <= SP_EXPORT_PDF; f++)
        {
          SpExportOptions options;
          g_autoptr(GBytes) a = NULL;
          g_autoptr(GBytes) b = NULL;
          g_autoptr(GError) error = NULL;

          sp_export_options_init (&options, kinds[k]);
          options.format = f;
          a = sp_export_render (kinds[k], &with, &options, &error);
          g_assert_no_error (error);
          b = sp_export_render (kinds[k], &without, &options, &error);
          g_assert_no_error (error);
          g_test_message ("%s %s: %zu vs %zu bytes", sp_figure_kind_to_id (kinds[k]),
                          sp_export_format_to_id (f), g_bytes_get_size (a), g_bytes_get_size (b));
          g_assert_false (g_bytes_equal (a, b));
        }
    }
  close_window (window);
}

/* The CSV of g(c): a column per pin named by its label, the pinned
 * numbers read back bit for bit. */
static void
test_csv_columns (void)
{
  SpWindow *window = pinned_window ();
  SpPinSet *pins = sp_window_get_pins (window);
  SpFigureData data;
  SpExportOptions options;
  g_autoptr(GBytes) csv = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) lines = NULL;
  guint header = 0, rows = 0;

  window_data (window, SP_FIGURE_FREE_ENERGY, &data);
  sp_export_options_init (&options, SP_FIGURE_FREE_ENERGY);
  options.format = SP_EXPORT_CSV;
  csv = sp_export_render (SP_FIGURE_FREE_ENERGY, &data, &options, &error);
  g_assert_no_error (error);
  lines = g_strsplit (g_bytes_get_data (csv, NULL), "\n", -1);
  while (lines[header] != NULL && lines[header][0] == '#')
    header++;
  g_assert_cmpstr (lines[header], ==, "c,g_meV,mu_meV,g2_meV,K = 0 meV: g_meV,K = 43.4 meV: g_meV");
  for (guint i = header + 1; lines[i] != NULL && lines[i][0] != '\0'; i++, rows++)
    {
      g_auto(GStrv) cells = g_strsplit (lines[i], ",", -1);

      g_assert_cmpuint (g_strv_length (cells), ==, 6);
      for (guint p = 0; p < 2; p++)
        g_assert_cmpfloat (g_ascii_strtod (cells[4 + p], NULL), ==,
                           sp_pin_set_get (pins, p)->analysis->g[rows]);
    }
  g_assert_cmpuint (rows, ==, sp_pin_set_get (pins, 0)->analysis->n_curve);
  close_window (window);
}

static void
save_and_wait (SpWindow *window,
               GFile    *file)
{
  SpDocument *document = sp_window_get_document (window);

  sp_document_save_async (document, file, NULL, NULL, NULL);
  while (sp_document_get_busy (document))
    g_main_context_iteration (NULL, TRUE);
  flush_main_loop ();
}

static void
load_and_wait (SpWindow *window,
               GFile    *file)
{
  SpDocument *document = sp_window_get_document (window);

  sp_document_load_async (document, file, NULL, NULL, NULL);
  while (sp_document_get_busy (document))
    g_main_context_iteration (NULL, TRUE);
  flush_main_loop ();
}

static void
test_session (void)
{
  SpWindow *window = pinned_window ();
  g_autofree char *dir = g_dir_make_tmp ("spinodal-pins-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "pins.spinodal", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(SpSession) loaded = sp_session_new ();
  g_autoptr(GError) error = NULL;
  SpModel pinned0 = sp_pin_set_get (sp_window_get_pins (window), 0)->analysis->model;
  SpPinSet *pins;

  g_assert_true (sp_document_get_modified (sp_window_get_document (window)));
  save_and_wait (window, file);
  g_assert_false (sp_document_get_modified (sp_window_get_document (window)));
  g_assert_true (sp_session_load (loaded, path, &error));
  g_assert_no_error (error);
  g_assert_nonnull (loaded->pins);
  g_assert_cmpuint (json_array_get_length (loaded->pins), ==, 2);

  /* Pins changed count as unsaved changes; the file brings them back. */
  sp_window_clear_pins (window);
  g_assert_true (sp_document_get_modified (sp_window_get_document (window)));
  load_and_wait (window, file);
  pins = sp_window_get_pins (window);
  g_assert_cmpuint (sp_pin_set_get_n (pins), ==, 2);
  g_assert_cmpstr (sp_pin_set_get (pins, 0)->label, ==, "K = 0 meV");
  g_assert_cmpstr (sp_pin_set_get (pins, 1)->label, ==, "K = 43.4 meV");
  assert_fields_bits (&sp_pin_set_get (pins, 0)->analysis->model, &pinned0);
  g_assert_false (sp_document_get_modified (sp_window_get_document (window)));

  g_unlink (path);
  g_rmdir (dir);
  close_window (window);
}

static SpPlotView *
view_of_kind (SpWindow     *window,
              SpFigureKind  kind)
{
  g_autoptr(GPtrArray) views = sp_window_get_plot_views (window);

  for (guint i = 0; i < views->len; i++)
    if (sp_plot_view_get_kind (g_ptr_array_index (views, i)) == kind)
      return g_ptr_array_index (views, i);
  g_assert_not_reached ();
}

static void
test_hopping_curves (void)
{
  SpWindow *window = new_window ();
  g_autofree char *dir = g_dir_make_tmp ("spinodal-pins-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "hop.spinodal", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GBytes) csv = NULL, with_png = NULL, without_png = NULL;
  g_autoptr(GError) error = NULL;
  double t[40], fast[40], slow[40];
  SpHopFigureMsd msd = { 0 };
  SpHopFigureData hop = { 0 };
  SpExportOptions options;
  SpFigureData data;
  SpPlotView *view;
  const SpPin *pin;
  const SpPinCurve *curve = NULL;

  flush_main_loop ();
  sp_window_clear_pins (window);
  for (guint i = 0; i < 40; i++)
    {
      t[i] = pow (10.0, -1.0 + 0.1 * i);
      fast[i] = 0.3 * t[i];
      slow[i] = 0.1 * t[i];
    }
  msd.n = 40;
  msd.t_ps = t;
  msd.msd_a2[SP_HOP_MSD_TOTAL] = fast;
  msd.dimensions = 3;
  msd.window_t0_ps = msd.window_t1_ps = NAN;
  msd.d_star_cm2_s = msd.d_sigma_cm2_s = NAN;
  hop.msd = &msd;
  view = view_of_kind (window, SP_FIGURE_MSD);
  sp_plot_view_set_hop_data (view, &hop);
  g_assert_true (sp_window_pin (window, "fast run"));
  msd.msd_a2[SP_HOP_MSD_TOTAL] = slow;
  sp_plot_view_set_hop_data (view, &hop);
  flush_main_loop ();

  pin = sp_pin_set_get (sp_window_get_pins (window), 0);
  for (guint i = 0; pin->curves != NULL && i < pin->curves->len; i++)
    if (g_str_equal (((SpPinCurve *) g_ptr_array_index (pin->curves, i))->name, "msd_total_a2"))
      curve = g_ptr_array_index (pin->curves, i);
  g_assert_nonnull (curve);
  g_assert_cmpmem (curve->y, curve->n * sizeof (double), fast, sizeof fast);

  /* The figure and its exports draw it; the CSV has it as columns. */
  data = *sp_plot_view_get_data (view);
  data.cursor_time_ps = NAN;
  g_assert_true (data.pins == sp_window_get_pins (window));
  sp_export_options_init (&options, SP_FIGURE_MSD);
  options.format = SP_EXPORT_CSV;
  csv = sp_export_render (SP_FIGURE_MSD, &data, &options, &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (g_bytes_get_data (csv, NULL), ",fast run: t_ps,fast run: msd_total_a2"));
  options.format = SP_EXPORT_PNG;
  with_png = sp_export_render (SP_FIGURE_MSD, &data, &options, &error);
  g_assert_no_error (error);
  data.pins = NULL;
  without_png = sp_export_render (SP_FIGURE_MSD, &data, &options, &error);
  g_assert_no_error (error);
  g_assert_false (g_bytes_equal (with_png, without_png));

  /* A save and an open bring the curve back bit for bit. */
  save_and_wait (window, file);
  sp_window_clear_pins (window);
  load_and_wait (window, file);
  g_assert_cmpuint (sp_pin_set_get_n (sp_window_get_pins (window)), ==, 1);
  pin = sp_pin_set_get (sp_window_get_pins (window), 0);
  curve = NULL;
  for (guint i = 0; pin->curves != NULL && i < pin->curves->len; i++)
    if (g_str_equal (((SpPinCurve *) g_ptr_array_index (pin->curves, i))->name, "msd_total_a2"))
      curve = g_ptr_array_index (pin->curves, i);
  g_assert_nonnull (curve);
  g_assert_cmpstr (curve->figure, ==, "msd");
  g_assert_cmpmem (curve->x, curve->n * sizeof (double), t, sizeof t);
  g_assert_cmpmem (curve->y, curve->n * sizeof (double), fast, sizeof fast);

  sp_plot_view_set_hop_data (view, NULL);
  g_unlink (path);
  g_rmdir (dir);
  close_window (window);
}

static void
test_remove_limit_rename (void)
{
  SpWindow *window = pinned_window ();
  SpPinSet *pins;

  g_assert_true (test_action_enabled (window, "win.pin"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.pin", NULL));
  g_assert_true (sp_window_pin (window, "fourth"));
  g_assert_cmpuint (sp_pin_set_get_n (sp_window_get_pins (window)), ==, 4);
  /* Full: Pin is off, and pinning says so. */
  g_assert_false (test_action_enabled (window, "win.pin"));
  g_assert_false (sp_window_pin (window, "fifth"));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.remove-pin", "u", 0));
  pins = sp_window_get_pins (window);
  g_assert_cmpuint (sp_pin_set_get_n (pins), ==, 3);
  g_assert_cmpstr (sp_pin_set_get (pins, 0)->label, ==, "K = 43.4 meV");
  sp_window_rename_pin (window, 0, "  stiff\nlattice  ");
  g_assert_cmpstr (sp_pin_set_get (sp_window_get_pins (window), 0)->label, ==, "stiff lattice");
  /* An empty name keeps the old one. */
  sp_window_rename_pin (window, 0, "   ");
  g_assert_cmpstr (sp_pin_set_get (sp_window_get_pins (window), 0)->label, ==, "stiff lattice");
  /* Rename… asks in a dialog; its answer renames. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.rename-pin", "u", 1));
  {
    GListModel *toplevels = gtk_window_get_toplevels ();
    AdwMessageDialog *dialog = NULL;
    GtkWidget *entry;

    flush_main_loop ();
    for (guint i = 0; i < g_list_model_get_n_items (toplevels) && dialog == NULL; i++)
      {
        g_autoptr(GObject) toplevel = g_list_model_get_item (toplevels, i);

        if (ADW_IS_MESSAGE_DIALOG (toplevel))
          dialog = ADW_MESSAGE_DIALOG (toplevel);
      }
    g_assert_nonnull (dialog);
    entry = adw_message_dialog_get_extra_child (dialog);
    g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==,
                     sp_pin_set_get (sp_window_get_pins (window), 1)->label);
    gtk_editable_set_text (GTK_EDITABLE (entry), "R_b × 2");
    /* Enter in the entry: the default response. */
    g_signal_emit_by_name (entry, "activate");
    flush_main_loop ();
    g_assert_cmpstr (sp_pin_set_get (sp_window_get_pins (window), 1)->label, ==, "R_b × 2");
    flush_main_loop ();
  }
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.remove-all-pins", NULL));
  g_assert_cmpuint (sp_pin_set_get_n (sp_window_get_pins (window)), ==, 0);
  g_assert_false (test_action_enabled (window, "win.remove-all-pins"));
  close_window (window);
}

/* The tangent construction plays on the g(c) figure from the frame clock,
 * its frames follow the analysis, it stops by itself or when asked, and
 * exports never carry it. */
static void
test_tangent_tour (void)
{
  SpWindow *window = new_window ();
  SpPlotView *view = SP_PLOT_VIEW (overview_child (window, "free_energy_view"));
  const SpAnalysis *analysis;
  SpTangentTourPhase last = SP_TANGENT_TOUR_ROLL;
  gboolean saw_roll = FALSE;
  gint64 end;

  flush_main_loop ();
  g_assert_false (sp_window_get_tangent_tour_playing (window));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.tangent-tour", NULL));
  g_assert_true (sp_window_get_tangent_tour_playing (window));
  end = g_get_monotonic_time () + 3 * G_USEC_PER_SEC;
  while (sp_plot_view_get_data (view)->tangent_tour == NULL && g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, TRUE);
  g_assert_nonnull (sp_plot_view_get_data (view)->tangent_tour);
  analysis = sp_window_get_analysis (window);
  /* Each frame touches g where it says (the geometry: test-tangent-tour). */
  for (guint i = 0; i < 20; i++)
    {
      const SpTangentTourFrame *f = sp_plot_view_get_data (view)->tangent_tour;

      g_assert_nonnull (f);
      saw_roll = saw_roll || f->phase == SP_TANGENT_TOUR_ROLL;
      g_assert_cmpint (f->phase, >=, last);
      last = f->phase;
      g_assert_cmpfloat_with_epsilon (sp_tangent_tour_line (f, f->contact_c),
                                      sp_model_g (&analysis->model, f->contact_c), 1e-9);
      g_main_context_iteration (NULL, TRUE);
    }
  g_assert_true (saw_roll);
  /* The export's data has no frame. */
  {
    SpFigureData data;

    sp_figure_data_init (&data);
    g_assert_null (data.tangent_tour);
  }
  /* Asked again: it stops, and the figure is itself again. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.tangent-tour", NULL));
  g_assert_false (sp_window_get_tangent_tour_playing (window));
  g_assert_null (sp_plot_view_get_data (view)->tangent_tour);
  close_window (window);
}

int
main (int   argc,
      char *argv[])
{
  sp_gsl_init ();
  g_test_init (&argc, &argv, NULL);
  test_app_init ();

  g_test_add_func ("/app/pins/labels-and-views", test_labels_and_views);
  g_test_add_func ("/app/pins/impedance", test_impedance_pin);
  g_test_add_func ("/app/pins/exports-draw-pins", test_exports_draw_pins);
  g_test_add_func ("/app/pins/csv-columns", test_csv_columns);
  g_test_add_func ("/app/pins/session", test_session);
  g_test_add_func ("/app/pins/hopping-curves", test_hopping_curves);
  g_test_add_func ("/app/pins/remove-limit-rename", test_remove_limit_rename);
  g_test_add_func ("/app/pins/tangent-tour", test_tangent_tour);

  return g_test_run ();
}
