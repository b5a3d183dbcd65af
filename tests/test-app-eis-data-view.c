/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-app-eis-data-view.c — the Data mode controls on a real display
 *
 * A spectrum the test writes is imported, Fit is pressed, and the table
 * fills with the fitted values and their standard errors; the circuit's
 * error shows inline; a fixed check, a typed temperature, Lin-KK and the
 * DRT go through the controls to the workbench and back.
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gstdio.h>

#include "eis-synth.h"
#include "sp-eis-data-view.h"
#include "sp-gsl.h"

typedef struct
{
  GtkWidget      *window;
  SpEisDataView  *view;
  SpEisWorkbench *wb;
  GPtrArray      *errors;
} Fixture;

static void
on_error (SpEisWorkbench *wb,
          const char     *message,
          Fixture        *fx)
{
  g_ptr_array_add (fx->errors, g_strdup (message));
}

static void
wait_idle (SpEisWorkbench *wb)
{
  while (sp_eis_workbench_get_busy (wb))
    g_main_context_iteration (NULL, TRUE);
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static gpointer
child (Fixture    *fx,
       const char *name)
{
  GObject *object = gtk_widget_get_template_child (GTK_WIDGET (fx->view),
                                                   SP_TYPE_EIS_DATA_VIEW, name);
  if (object == NULL)
    g_error ("no template child %s", name);
  return object;
}

/* The widget in @grid's @column of @row. */
static GtkWidget *
grid_cell (GtkGrid *grid,
           int      column,
           int      row)
{
  GtkWidget *widget = gtk_grid_get_child_at (grid, column, row);

  g_assert_nonnull (widget);
  return widget;
}

/* A button's click now (gtk_widget_activate() clicks after its
 * press animation). */
static void
click (gpointer button)
{
  g_assert_true (gtk_widget_is_sensitive (button));
  g_signal_emit_by_name (button, "clicked");
}

static char *
write_spectrum (const char *dir)
{
  g_autoptr(SpCircuit) circuit = synth_circuit (SYNTH_CERAMIC);
  g_autoptr(SpEisSpectrum) s = NULL;
  g_autoptr(GString) text = g_string_new ("Freq/Hz;Re(Z)/Ohm;-Im(Z)/Ohm\n");
  gsl_rng *rng = gsl_rng_alloc (gsl_rng_mt19937);
  char *path = g_build_filename (dir, "pellet_300K.csv", NULL);

  gsl_rng_set (rng, 11);
  s = synth_spectrum (circuit, synth_ceramic_params, 0.1, 1e7, 61, 0.002, rng);
  gsl_rng_free (rng);
  for (guint i = 0; i < s->n_points; i++)
    g_string_append_printf (text, "%.10g;%.10g;%.10g\n",
                            s->freq_hz[i], s->z_re_ohm[i], -s->z_im_ohm[i]);
  g_assert_true (g_file_set_contents (path, text->str, text->len, NULL));
  return path;
}

static void
test_import_and_fit (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("test-app-eis-data-view-XXXXXX", &error);
  g_autofree char *path = write_spectrum (dir);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  Fixture fx = { 0 };
  GtkListBox *list;
  GtkGrid *grid;
  GtkListBoxRow *row;
  GtkEditable *t_entry;
  const char *text;
  double rb;

  fx.wb = sp_eis_workbench_new ();
  fx.errors = g_ptr_array_new_with_free_func (g_free);
  g_signal_connect (fx.wb, "error", G_CALLBACK (on_error), &fx);
  fx.view = SP_EIS_DATA_VIEW (sp_eis_data_view_new (fx.wb));
  g_assert_true (sp_eis_data_view_get_workbench (fx.view) == fx.wb);
  fx.window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (fx.window), 480, 900);
  gtk_window_set_child (GTK_WINDOW (fx.window), GTK_WIDGET (fx.view));
  gtk_window_present (GTK_WINDOW (fx.window));
  while (!gtk_widget_get_mapped (fx.window))
    g_main_context_iteration (NULL, TRUE);

  /* Import: files dropped on the view (Open… hands its files to the same
   * sp_eis_workbench_open_files()). */
  {
    g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (GTK_WIDGET (fx.view));
    GtkDropTarget *target = NULL;
    GValue value = G_VALUE_INIT;
    gboolean accepted = FALSE;

    for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
      {
        g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);
        if (GTK_IS_DROP_TARGET (controller))
          target = GTK_DROP_TARGET (controller);
      }
    g_assert_nonnull (target);
    g_value_init (&value, GDK_TYPE_FILE_LIST);
    g_value_take_boxed (&value, gdk_file_list_new_from_array (&file, 1));
    g_signal_emit_by_name (target, "drop", &value, 10.0, 10.0, &accepted);
    g_value_unset (&value);
    g_assert_true (accepted);
  }
  g_assert_true (sp_eis_workbench_get_busy (fx.wb));
  wait_idle (fx.wb);
  g_assert_cmpuint (fx.errors->len, ==, 0);
  list = child (&fx, "spectra_list");
  row = gtk_list_box_get_row_at_index (list, 0);
  g_assert_nonnull (row);
  g_assert_null (gtk_list_box_get_row_at_index (list, 1));
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==, "pellet_300K.csv");
  g_assert_true (gtk_list_box_get_selected_row (list) == row);
  t_entry = g_object_get_data (G_OBJECT (row), "sp-temperature-entry");
  g_assert_cmpstr (gtk_editable_get_text (t_entry), ==, "300.00");

  /* Fit: the spinner turns and Cancel is offered while it runs. */
  grid = child (&fx, "param_grid");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (grid_cell (grid, 1, 2))), ==, "");
  click (child (&fx, "fit_button"));
  g_assert_true (sp_eis_workbench_get_busy (fx.wb));
  g_assert_true (gtk_spinner_get_spinning (child (&fx, "spinner")));
  g_assert_true (gtk_widget_get_sensitive (child (&fx, "cancel_button")));
  wait_idle (fx.wb);
  g_assert_cmpuint (fx.errors->len, ==, 0);
  g_assert_false (gtk_spinner_get_spinning (child (&fx, "spinner")));
  g_assert_false (gtk_widget_get_sensitive (child (&fx, "cancel_button")));

  /* The table: Rb (row 2) near 1e4 Ω with its standard error. */
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (grid_cell (grid, 0, 2))), ==, "Rb");
  text = gtk_editable_get_text (GTK_EDITABLE (grid_cell (grid, 1, 2)));
  rb = g_ascii_strtod (text, NULL);
  g_assert_cmpfloat (fabs (rb - 1e4), <, 0.05 * 1e4);
  g_assert_true (g_str_has_prefix (gtk_label_get_text (GTK_LABEL (grid_cell (grid, 2, 2))), "±"));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (grid_cell (grid, 3, 2))), ==, "Ohm");
  g_assert_nonnull (strstr (gtk_label_get_text (child (&fx, "chi2_label")), "χ²"));

  /* "Fixed" on α_el (row 9) holds it at its fitted value. */
  gtk_check_button_set_active (GTK_CHECK_BUTTON (grid_cell (grid, 4, 9)), TRUE);
  g_assert_true (sp_eis_workbench_get_param_fixed (fx.wb, 8));
  g_assert_cmpfloat (sp_eis_workbench_get_param_initial (fx.wb, 8), ==,
                     sp_eis_workbench_get_fit (fx.wb)->value[8]);

  /* A typed temperature. */
  gtk_editable_set_text (t_entry, "310");
  g_signal_emit_by_name (t_entry, "activate");
  g_assert_cmpfloat (sp_eis_workbench_get_temperature (fx.wb, 0), ==, 310.0);

  /* A broken circuit: its error inline, no table. */
  gtk_editable_set_text (GTK_EDITABLE (child (&fx, "circuit_row")), "R0-p(Rb,CPEb");
  g_assert_null (sp_eis_workbench_get_circuit (fx.wb));
  g_assert_true (gtk_widget_get_visible (child (&fx, "circuit_error_label")));
  g_assert_nonnull (strstr (gtk_label_get_text (child (&fx, "circuit_error_label")), "character"));
  g_assert_null (gtk_grid_get_child_at (grid, 0, 1));
  gtk_editable_set_text (GTK_EDITABLE (child (&fx, "circuit_row")), SYNTH_CERAMIC);
  g_assert_false (gtk_widget_get_visible (child (&fx, "circuit_error_label")));
  g_assert_nonnull (gtk_grid_get_child_at (grid, 1, 2));
  g_assert_true (gtk_check_button_get_active (GTK_CHECK_BUTTON (grid_cell (grid, 4, 9))));

  /* Lin-KK and the DRT through their buttons. */
  click (child (&fx, "linkk_button"));
  wait_idle (fx.wb);
  g_assert_nonnull (strstr (gtk_label_get_text (child (&fx, "linkk_label")), "M = "));
  click (child (&fx, "drt_button"));
  wait_idle (fx.wb);
  g_assert_cmpuint (fx.errors->len, ==, 0);
  g_assert_nonnull (gtk_grid_get_child_at (child (&fx, "peak_grid"), 0, 1));

  /* Arrhenius needs two temperatures: the message says so, through
   * "error" (the page's toast). */
  click (child (&fx, "arrhenius_button"));
  g_assert_cmpuint (fx.errors->len, ==, 1);
  g_assert_nonnull (strstr (fx.errors->pdata[0], "two"));

  /* Closing the spectrum empties the list. */
  sp_eis_workbench_remove_spectrum (fx.wb, 0);
  g_assert_null (gtk_list_box_get_row_at_index (list, 0));

  gtk_window_destroy (GTK_WINDOW (fx.window));
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_object_unref (fx.wb);
  g_ptr_array_unref (fx.errors);
  g_unlink (path);
  g_rmdir (dir);
}

int
main (int    argc,
      char **argv)
{
  sp_gsl_init ();
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  g_test_add_func ("/eis-data-view/import-and-fit", test_import_and_fit);
  return g_test_run ();
}
