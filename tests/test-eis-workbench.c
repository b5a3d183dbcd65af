/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-eis-workbench.c — the impedance Data mode without a display
 *
 * Files the test writes are opened through the workbench's thread, fitted
 * from the automatic guess, checked, cancelled, saved and loaded; the
 * Arrhenius series of three files at different temperatures gives back
 * the activation energies the spectra were made with.
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gstdio.h>

#include "eis-synth.h"
#include "sp-eis-ceramic.h"
#include "sp-eis-workbench.h"
#include "sp-gsl.h"
#include "sp-json.h"

typedef struct
{
  char           *dir;
  SpEisWorkbench *wb;
  GPtrArray      *errors;     /* the "error" messages, in order */
  guint           n_changed;
} Fixture;

static void
on_error (SpEisWorkbench *wb,
          const char     *message,
          Fixture        *fx)
{
  g_ptr_array_add (fx->errors, g_strdup (message));
}

static void
on_changed (SpEisWorkbench *wb,
            Fixture        *fx)
{
  fx->n_changed++;
}

static void
fixture_set_up (Fixture       *fx,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fx->dir = g_dir_make_tmp ("test-eis-workbench-XXXXXX", &error);
  g_assert_no_error (error);
  fx->wb = sp_eis_workbench_new ();
  fx->errors = g_ptr_array_new_with_free_func (g_free);
  g_signal_connect (fx->wb, "error", G_CALLBACK (on_error), fx);
  g_signal_connect (fx->wb, "changed", G_CALLBACK (on_changed), fx);
}

static void
remove_dir (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_unlink (path);
    }
  g_rmdir (dir);
}

static void
fixture_tear_down (Fixture       *fx,
                   gconstpointer  data)
{
  g_object_unref (fx->wb);
  g_ptr_array_unref (fx->errors);
  remove_dir (fx->dir);
  g_free (fx->dir);
}

/* Runs the main context until nothing runs. */
static void
wait_idle (SpEisWorkbench *wb)
{
  while (sp_eis_workbench_get_busy (wb))
    g_main_context_iteration (NULL, TRUE);
  /* The results' "changed" came before busy fell; drain what is left. */
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static char *
write_csv (Fixture             *fx,
           const char          *name,
           const SpEisSpectrum *s)
{
  g_autoptr(GString) text = g_string_new ("freq_hz,z_re_ohm,z_im_ohm\n");
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (fx->dir, name, NULL);

  for (guint i = 0; i < s->n_points; i++)
    g_string_append_printf (text, "%.17g,%.17g,%.17g\n",
                            s->freq_hz[i], s->z_re_ohm[i], s->z_im_ohm[i]);
  g_file_set_contents (path, text->str, text->len, &error);
  g_assert_no_error (error);
  return path;
}

static void
open_paths (Fixture     *fx,
            const char **paths,
            guint        n)
{
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < n; i++)
    g_ptr_array_add (files, g_file_new_for_path (paths[i]));
  sp_eis_workbench_open_files (fx->wb, (GFile **) files->pdata, n);
  g_assert_true (sp_eis_workbench_get_busy (fx->wb));
  wait_idle (fx->wb);
}

/* The ceramic of eis-synth.h with 0.2 % noise, 61 points 10 MHz … 0.1 Hz. */
static SpEisSpectrum *
noisy_ceramic (guint seed)
{
  g_autoptr(SpCircuit) circuit = synth_circuit (SYNTH_CERAMIC);
  gsl_rng *rng = gsl_rng_alloc (gsl_rng_mt19937);
  SpEisSpectrum *s;

  gsl_rng_set (rng, seed);
  s = synth_spectrum (circuit, synth_ceramic_params, 0.1, 1e7, 61, 0.002, rng);
  gsl_rng_free (rng);
  return s;
}

static void
test_open_good_and_bad (Fixture       *fx,
                        gconstpointer  data)
{
  g_autoptr(SpEisSpectrum) s = noisy_ceramic (1);
  g_autofree char *good = write_csv (fx, "pellet_300K.csv", s);
  g_autofree char *bad = g_build_filename (fx->dir, "broken.csv", NULL);
  g_autofree char *missing = g_build_filename (fx->dir, "missing.csv", NULL);
  const char *paths[] = { good, bad };
  const char *lines =
    "freq_hz,z_re_ohm,z_im_ohm\n1e6,10,-1\n1e5,20,-5\n1e4,abc,-8\n1e3,40,-2\n";
  guint changed;

  g_assert_true (g_file_set_contents (bad, lines, -1, NULL));
  open_paths (fx, paths, 2);
  g_assert_cmpuint (sp_eis_workbench_get_n_spectra (fx->wb), ==, 1);
  g_assert_cmpint (sp_eis_workbench_get_selected (fx->wb), ==, 0);
  g_assert_cmpstr (sp_eis_workbench_get_spectrum (fx->wb, 0)->name, ==, "pellet_300K.csv");
  g_assert_cmpstr (sp_eis_workbench_get_spectrum_path (fx->wb, 0), ==, good);
  g_assert_cmpfloat_with_epsilon (sp_eis_workbench_get_temperature (fx->wb, 0), 300.0, 1e-12);
  g_assert_cmpuint (sp_eis_workbench_get_spectrum (fx->wb, 0)->n_points, ==, 61);
  /* One message, naming the file and the line. */
  g_assert_cmpuint (fx->errors->len, ==, 1);
  g_assert_nonnull (strstr (fx->errors->pdata[0], "broken.csv"));
  g_assert_nonnull (strstr (fx->errors->pdata[0], "line 4"));

  /* A bad file alone and a missing one: messages, nothing else changes. */
  changed = fx->n_changed;
  paths[0] = bad;
  paths[1] = missing;
  open_paths (fx, paths, 2);
  g_assert_cmpuint (fx->errors->len, ==, 3);
  g_assert_nonnull (strstr (fx->errors->pdata[2], "missing.csv"));
  g_assert_cmpuint (fx->n_changed, ==, changed);
  g_assert_cmpuint (sp_eis_workbench_get_n_spectra (fx->wb), ==, 1);

  /* The same file again replaces it, a typed temperature stays. */
  sp_eis_workbench_set_temperature (fx->wb, 0, 310.0);
  paths[0] = good;
  open_paths (fx, paths, 1);
  g_assert_cmpuint (sp_eis_workbench_get_n_spectra (fx->wb), ==, 1);
  g_assert_cmpfloat (sp_eis_workbench_get_temperature (fx->wb, 0), ==, 310.0);
  sp_eis_workbench_set_temperature (fx->wb, 0, NAN);
  g_assert_cmpfloat_with_epsilon (sp_eis_workbench_get_temperature (fx->wb, 0), 300.0, 1e-12);
}

static void
test_circuit_error (Fixture       *fx,
                    gconstpointer  data)
{
  g_autoptr(SpEisSpectrum) s = noisy_ceramic (2);
  guint position = 0;
  const char *message;

  g_assert_nonnull (sp_eis_workbench_get_circuit (fx->wb));
  g_assert_null (sp_eis_workbench_get_circuit_error (fx->wb, NULL));
  sp_eis_workbench_set_circuit_text (fx->wb, "R0-p(Rb,CPEb");
  g_assert_null (sp_eis_workbench_get_circuit (fx->wb));
  message = sp_eis_workbench_get_circuit_error (fx->wb, &position);
  g_assert_nonnull (message);
  g_assert_cmpuint (position, >, 0);
  g_assert_nonnull (strstr (message, "character"));

  sp_eis_workbench_add_spectrum (fx->wb, s, NULL);
  sp_eis_workbench_fit (fx->wb);
  g_assert_false (sp_eis_workbench_get_busy (fx->wb));
  g_assert_cmpuint (fx->errors->len, ==, 1);
  g_assert_nonnull (strstr (fx->errors->pdata[0], message));
  g_assert_null (sp_eis_workbench_get_fit (fx->wb));
}

static void
test_fit_automatic (Fixture       *fx,
                    gconstpointer  data)
{
  g_autoptr(SpEisSpectrum) s = noisy_ceramic (3);
  g_autofree char *path = write_csv (fx, "ceramic.csv", s);
  const SpEisFitResult *fit;
  SpEisFigureData fig;
  const char *paths[] = { path };

  open_paths (fx, paths, 1);
  g_assert_cmpstr (sp_eis_workbench_get_circuit_text (fx->wb), ==, SYNTH_CERAMIC);
  sp_eis_workbench_fit (fx->wb);
  g_assert_true (sp_eis_workbench_get_busy (fx->wb));
  wait_idle (fx->wb);
  g_assert_cmpuint (fx->errors->len, ==, 0);
  fit = sp_eis_workbench_get_fit (fx->wb);
  g_assert_nonnull (fit);
  g_assert_true (fit->converged);
  g_assert_cmpuint (fit->n_params, ==, 9);
  for (guint k = 0; k < 9; k++)
    {
      double truth = synth_ceramic_params[k];
      /* 0.2 % noise: within four standard errors and a few per cent. */
      g_assert_cmpfloat (fabs (fit->value[k] - truth), <=, 4 * fit->std_error[k] + 1e-9 * truth);
      g_assert_cmpfloat (fabs (fit->value[k] - truth), <=, 0.05 * truth);
    }
  /* Noise of 0.2 % of |Z|: the reduced χ² (modulus weights) is σ². */
  g_assert_cmpfloat (fit->reduced_chi2, >, 0.5 * 0.002 * 0.002);
  g_assert_cmpfloat (fit->reduced_chi2, <, 2.0 * 0.002 * 0.002);

  sp_eis_workbench_fill_figure_data (fx->wb, &fig);
  g_assert_cmpuint (fig.n_spectra, ==, 1);
  g_assert_true (fig.spectra[0] == sp_eis_workbench_get_spectrum (fx->wb, 0));
  g_assert_nonnull (fig.model);
  g_assert_cmpuint (fig.model->n_points, >, 4 * 61);
  /* The model curve is the fitted circuit. */
  {
    const SpCircuit *circuit = sp_eis_workbench_get_fit_circuit (fx->wb);
    double complex z = sp_circuit_eval (circuit, fit->value, 2 * G_PI * fig.model->freq_hz[17]);
    g_assert_cmpfloat (fabs (creal (z) - fig.model->z_re_ohm[17]), <=, 1e-12 * cabs (z));
    g_assert_cmpfloat (fabs (cimag (z) - fig.model->z_im_ohm[17]), <=, 1e-12 * cabs (z));
  }
  /* Bulk and grain-boundary arcs: apex at 1/(2π (RQ)^(1/α)). */
  g_assert_cmpuint (fig.n_arcs, ==, 2);
  g_assert_cmpfloat_with_epsilon (fig.arcs[0].apex_freq_hz,
                                  1 / (2 * G_PI * pow (fit->value[1] * fit->value[2], 1 / fit->value[3])),
                                  1e-9 * fig.arcs[0].apex_freq_hz);
  g_assert_cmpfloat (fig.arcs[0].apex_freq_hz, >, fig.arcs[1].apex_freq_hz);
  g_assert_nonnull (fig.residuals);
  g_assert_cmpuint (fig.residuals->n, ==, 61);
  g_assert_true (fig.residuals->d_re == fit->rel_residual_re);
  g_assert_null (fig.drt);
  g_assert_cmpuint (fig.n_arrhenius, ==, 0);

  /* Lin-KK on the same spectrum (blocking electrodes: with the series
   * capacitance): valid, and the residuals switch to it. */
  sp_eis_workbench_set_linkk_options (fx->wb, 0.85, SP_LINKK_FIT_COMPLEX, TRUE);
  sp_eis_workbench_linkk (fx->wb);
  wait_idle (fx->wb);
  g_assert_nonnull (sp_eis_workbench_get_linkk (fx->wb));
  g_assert_cmpint (sp_eis_workbench_get_linkk (fx->wb)->verdict, ==, SP_LINKK_VALID);
  g_assert_cmpint (sp_eis_workbench_get_residuals_source (fx->wb), ==, SP_EIS_RESIDUALS_LINKK);
  sp_eis_workbench_fill_figure_data (fx->wb, &fig);
  g_assert_true (fig.residuals->d_re == sp_eis_workbench_get_linkk (fx->wb)->residual_re);

  /* DRT by GCV above the electrode spike (f ≥ 300 Hz): a peak at the
   * bulk arc's τ = (R_b Q_b)^(1/α_b) whose area is R_b, and one at the
   * grain boundary's. */
  sp_eis_workbench_set_range (fx->wb, 300, INFINITY, FALSE);
  sp_eis_workbench_drt (fx->wb);
  wait_idle (fx->wb);
  g_assert_cmpuint (fx->errors->len, ==, 0);
  sp_eis_workbench_fill_figure_data (fx->wb, &fig);
  g_assert_nonnull (fig.drt);
  g_assert_true (fig.drt->gamma_ohm == sp_eis_workbench_get_drt (fx->wb)->gamma_ohm);
  g_assert_cmpuint (sp_eis_workbench_get_drt (fx->wb)->n_points, <, 61);
  {
    double tau_b = pow (1e4 * 1e-10, 1 / 0.9), tau_gb = pow (3e4 * 5e-9, 1 / 0.85);
    gboolean found_b = FALSE, found_gb = FALSE;

    for (guint i = 0; i < fig.drt->n_peaks; i++)
      {
        const SpEisFigureDrtPeak *peak = &fig.drt->peaks[i];

        if (fabs (log (peak->tau_s / tau_b)) < log (2))
          {
            found_b = TRUE;
            /* A depressed arc's peak, split from its neighbour at the
             * minimum between them and smoothed by λ: about R_b. */
            g_assert_cmpfloat (fabs (peak->r_ohm - 1e4), <, 0.25 * 1e4);
          }
        if (fabs (log (peak->tau_s / tau_gb)) < log (2))
          found_gb = TRUE;
      }
    g_assert_true (found_b);
    g_assert_true (found_gb);
  }
  /* Exactly what the library gives on the points in the range. */
  {
    g_autoptr(SpEisSpectrum) points = sp_eis_spectrum_select (
      sp_eis_workbench_get_spectrum (fx->wb, 0), 300, INFINITY, FALSE);
    g_autoptr(SpDrtResult) direct = NULL;
    const SpDrtResult *drt = sp_eis_workbench_get_drt (fx->wb);
    SpDrtOptions options;

    sp_drt_options_init (&options);
    direct = sp_drt_compute (points, &options, NULL, NULL, NULL, NULL);
    g_assert_nonnull (direct);
    g_assert_true (drt->lambda_from_gcv);
    g_assert_cmpfloat (drt->lambda, ==, direct->lambda);
    g_assert_cmpuint (drt->n_peaks, ==, direct->n_peaks);
    for (guint i = 0; i < drt->n_peaks; i++)
      g_assert_cmpfloat (drt->peaks[i].resistance_ohm, ==, direct->peaks[i].resistance_ohm);
  }
}

static void
test_fixed_parameter (Fixture       *fx,
                      gconstpointer  data)
{
  g_autoptr(SpEisSpectrum) s = noisy_ceramic (4);
  const SpEisFitResult *fit;

  sp_eis_workbench_add_spectrum (fx->wb, s, NULL);
  /* α_el held at a value off the truth (0.9): the fit keeps it. */
  sp_eis_workbench_set_param_initial (fx->wb, 8, 0.95);
  sp_eis_workbench_set_param_fixed (fx->wb, 8, TRUE);
  sp_eis_workbench_set_weight (fx->wb, SP_EIS_WEIGHT_PROPORTIONAL);
  sp_eis_workbench_fit (fx->wb);
  wait_idle (fx->wb);
  fit = sp_eis_workbench_get_fit (fx->wb);
  g_assert_nonnull (fit);
  g_assert_cmpfloat (fit->value[8], ==, 0.95);
  g_assert_true (fit->fixed[8]);
  g_assert_cmpfloat (fit->std_error[8], ==, 0.0);
  g_assert_false (fit->fixed[7]);

  /* Editing the circuit keeps the settings of the parameters that stay. */
  sp_eis_workbench_set_circuit_text (fx->wb, "R0-p(Rb,CPEb)-p(Rgb,CPEgb)-p(Rx,Cx)-CPEel");
  g_assert_cmpstr (sp_circuit_get_param_name (sp_eis_workbench_get_circuit (fx->wb), 10),
                   ==, "CPEel_1");
  g_assert_true (sp_eis_workbench_get_param_fixed (fx->wb, 10));
  g_assert_cmpfloat (sp_eis_workbench_get_param_initial (fx->wb, 10), ==, 0.95);
  g_assert_true (isnan (sp_eis_workbench_get_param_initial (fx->wb, 0)));
  /* The fit on show is still the one made with the first circuit. */
  g_assert_cmpuint (sp_circuit_get_n_params (sp_eis_workbench_get_fit_circuit (fx->wb)), ==, 9);
  sp_eis_workbench_reset_params (fx->wb);
  g_assert_false (sp_eis_workbench_get_param_fixed (fx->wb, 10));
}

static void
test_cancel (Fixture       *fx,
             gconstpointer  data)
{
  g_autoptr(SpEisSpectrum) s = noisy_ceramic (5);
  guint changed;

  sp_eis_workbench_add_spectrum (fx->wb, s, NULL);
  changed = fx->n_changed;
  sp_eis_workbench_drt (fx->wb);
  sp_eis_workbench_fit (fx->wb);
  g_assert_true (sp_eis_workbench_get_busy (fx->wb));
  sp_eis_workbench_cancel (fx->wb);
  wait_idle (fx->wb);
  /* Nothing arrived, nothing failed. */
  g_assert_null (sp_eis_workbench_get_drt (fx->wb));
  g_assert_null (sp_eis_workbench_get_fit (fx->wb));
  g_assert_cmpuint (fx->errors->len, ==, 0);
  g_assert_cmpuint (fx->n_changed, ==, changed);

  /* A second start of an action replaces the first: one result. */
  sp_eis_workbench_fit (fx->wb);
  sp_eis_workbench_set_weight (fx->wb, SP_EIS_WEIGHT_UNIT);
  sp_eis_workbench_fit (fx->wb);
  wait_idle (fx->wb);
  g_assert_nonnull (sp_eis_workbench_get_fit (fx->wb));
  g_assert_cmpuint (fx->n_changed, ==, changed + 2);   /* the weight, the fit */

  /* Closing a spectrum while its fit runs: the result is dropped. */
  sp_eis_workbench_add_spectrum (fx->wb, s, NULL);
  sp_eis_workbench_set_selected (fx->wb, 1);
  sp_eis_workbench_fit (fx->wb);
  sp_eis_workbench_remove_spectrum (fx->wb, 1);
  wait_idle (fx->wb);
  g_assert_cmpuint (sp_eis_workbench_get_n_spectra (fx->wb), ==, 1);
  g_assert_cmpint (sp_eis_workbench_get_selected (fx->wb), ==, 0);
  g_assert_cmpuint (fx->errors->len, ==, 0);
}

static char *
state_text (SpEisWorkbench *wb)
{
  g_autoptr(JsonNode) node = json_node_new (JSON_NODE_OBJECT);

  json_node_take_object (node, sp_eis_workbench_save_state (wb));
  return sp_json_to_data (node, 0, NULL);
}

static JsonObject *
parse_object (const char *text)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  json_parser_load_from_data (parser, text, -1, &error);
  g_assert_no_error (error);
  return json_object_ref (json_node_get_object (json_parser_get_root (parser)));
}

static void
test_state_round_trip (Fixture       *fx,
                       gconstpointer  data)
{
  g_autoptr(SpEisSpectrum) a = noisy_ceramic (6);
  g_autoptr(SpEisSpectrum) b = noisy_ceramic (7);
  g_autoptr(SpEisWorkbench) other = sp_eis_workbench_new ();
  g_autofree char *text = NULL, *again = NULL, *before = NULL;
  g_autoptr(JsonObject) state = NULL, bad = NULL;
  g_autoptr(GError) error = NULL;
  const SpEisSpectrum *s;
  double f_min, f_max, c, lambda, t, area;
  gboolean drop, gcv, add_c;
  guint derivative;
  SpLinKKFit fit;
  SpArrheniusForm form;

  a->temperature_k = 298.15;
  sp_eis_spectrum_set_name (a, "a.csv");
  sp_eis_workbench_add_spectrum (fx->wb, a, "/nowhere/a.csv");
  sp_eis_workbench_add_spectrum (fx->wb, b, NULL);
  sp_eis_workbench_set_temperature (fx->wb, 1, 350.0);
  sp_eis_workbench_set_selected (fx->wb, 1);
  sp_eis_workbench_set_circuit_text (fx->wb, "R0-p(Rb,CPEb)-p(Rgb,CPEgb)");
  sp_eis_workbench_set_weight (fx->wb, SP_EIS_WEIGHT_PROPORTIONAL);
  sp_eis_workbench_set_param_initial (fx->wb, 1, 1.25e4);
  sp_eis_workbench_set_param_fixed (fx->wb, 3, TRUE);
  sp_eis_workbench_set_range (fx->wb, 1.0, 1e6, TRUE);
  sp_eis_workbench_set_linkk_options (fx->wb, 0.8, SP_LINKK_FIT_IMAG, TRUE);
  sp_eis_workbench_set_drt_options (fx->wb, FALSE, 1e-4, 2);
  sp_eis_workbench_set_arrhenius_options (fx->wb, 0.12, 0.785, SP_ARRHENIUS_SIGMA);

  text = state_text (fx->wb);
  state = parse_object (text);
  g_assert_true (sp_eis_workbench_load_state (other, state, &error));
  g_assert_no_error (error);
  again = state_text (other);
  g_assert_cmpstr (text, ==, again);

  g_assert_cmpuint (sp_eis_workbench_get_n_spectra (other), ==, 2);
  s = sp_eis_workbench_get_spectrum (other, 1);
  g_assert_cmpuint (s->n_points, ==, b->n_points);
  for (guint i = 0; i < s->n_points; i++)
    {
      g_assert_cmpfloat (s->freq_hz[i], ==, b->freq_hz[i]);
      g_assert_cmpfloat (s->z_re_ohm[i], ==, b->z_re_ohm[i]);
      g_assert_cmpfloat (s->z_im_ohm[i], ==, b->z_im_ohm[i]);
    }
  g_assert_cmpstr (sp_eis_workbench_get_spectrum_path (other, 0), ==, "/nowhere/a.csv");
  g_assert_cmpfloat (sp_eis_workbench_get_temperature (other, 0), ==, 298.15);
  g_assert_cmpfloat (sp_eis_workbench_get_temperature (other, 1), ==, 350.0);
  g_assert_cmpint (sp_eis_workbench_get_selected (other), ==, 1);
  g_assert_cmpstr (sp_eis_workbench_get_circuit_text (other), ==, "R0-p(Rb,CPEb)-p(Rgb,CPEgb)");
  g_assert_cmpint (sp_eis_workbench_get_weight (other), ==, SP_EIS_WEIGHT_PROPORTIONAL);
  g_assert_cmpfloat (sp_eis_workbench_get_param_initial (other, 1), ==, 1.25e4);
  g_assert_true (sp_eis_workbench_get_param_fixed (other, 3));
  sp_eis_workbench_get_range (other, &f_min, &f_max, &drop);
  g_assert_cmpfloat (f_min, ==, 1.0);
  g_assert_cmpfloat (f_max, ==, 1e6);
  g_assert_true (drop);
  sp_eis_workbench_get_linkk_options (other, &c, &fit, &add_c);
  g_assert_cmpfloat (c, ==, 0.8);
  g_assert_cmpint (fit, ==, SP_LINKK_FIT_IMAG);
  g_assert_true (add_c);
  sp_eis_workbench_get_drt_options (other, &gcv, &lambda, &derivative);
  g_assert_false (gcv);
  g_assert_cmpfloat (lambda, ==, 1e-4);
  g_assert_cmpuint (derivative, ==, 2);
  sp_eis_workbench_get_arrhenius_options (other, &t, &area, &form);
  g_assert_cmpfloat (t, ==, 0.12);
  g_assert_cmpfloat (area, ==, 0.785);
  g_assert_cmpint (form, ==, SP_ARRHENIUS_SIGMA);

  /* A broken number: the error names the field, nothing changes. */
  before = state_text (other);
  bad = parse_object (text);
  {
    JsonObject *s0 = json_array_get_object_element (json_object_get_array_member (bad, "spectra"), 0);
    JsonArray *re = json_object_get_array_member (s0, "z_re_ohm");

    /* The third value becomes a string. */
    json_node_set_string (json_array_get_element (re, 2), "x");
  }
  g_assert_false (sp_eis_workbench_check_state (other, bad, &error));
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, "spectra[0].z_re_ohm[2]"));
  g_clear_error (&error);
  g_assert_false (sp_eis_workbench_load_state (other, bad, &error));
  g_assert_nonnull (strstr (error->message, "spectra[0].z_re_ohm[2]"));
  g_clear_error (&error);
  g_free (again);
  again = state_text (other);
  g_assert_cmpstr (before, ==, again);

  /* Other fields. */
  {
    struct { const char *member, *json, *field; } cases[] = {
      { "weights", "\"heavy\"", "weights" },
      { "selected", "7", "selected" },
      { "linkk", "{\"c\": 1.5, \"fit\": \"complex\", \"add_capacitance\": false}", "linkk.c" },
      { "drt", "{\"lambda\": \"auto\", \"derivative\": 1}", "drt.lambda" },
      { "drt", "{\"lambda\": 0.1, \"derivative\": 3}", "drt.derivative" },
      { "arrhenius", "{\"thickness_cm\": -1, \"area_cm2\": 1, \"form\": \"sigma\"}",
        "arrhenius.thickness_cm" },
      { "spectra", "[{\"name\": \"x\", \"freq_hz\": [1, 2], \"z_re_ohm\": [1, 2], "
                   "\"z_im_ohm\": [1, 2]}]", "spectra[0].freq_hz" },
      { "spectra", "[{\"name\": \"x\", \"freq_hz\": [1, 2, 3], \"z_re_ohm\": [1, 2], "
                   "\"z_im_ohm\": [1, 2, 3]}]", "spectra[0].z_re_ohm" },
    };
    for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
      {
        g_autoptr(JsonObject) o = parse_object (text);
        g_autoptr(JsonParser) parser = json_parser_new ();

        g_assert_true (json_parser_load_from_data (parser, cases[i].json, -1, NULL));
        json_object_set_member (o, cases[i].member,
                                json_node_copy (json_parser_get_root (parser)));
        g_assert_false (sp_eis_workbench_load_state (other, o, &error));
        g_assert_nonnull (error);
        if (!g_str_has_prefix (error->message, cases[i].field))
          g_error ("case %u: %s", i, error->message);
        g_clear_error (&error);
      }
    g_free (again);
    again = state_text (other);
    g_assert_cmpstr (before, ==, again);
  }
}

/* Three pellets at 300, 350 and 400 K whose R_b and R_gb follow their own
 * activation energies (0.35 and 0.55 eV): E_a comes back. */
static void
test_arrhenius (Fixture       *fx,
                gconstpointer  data)
{
  g_autoptr(SpCircuit) circuit = synth_circuit (SYNTH_CERAMIC);
  const double temps[] = { 300.0, 350.0, 400.0 };
  const double ea_b = 0.35, ea_gb = 0.55, t_ref = 300.0;
  const double thickness = 0.12, area = 0.785;
  char *paths[4];
  const SpEisArrheniusSeries *series;
  SpEisFigureData fig;

  for (guint i = 0; i < 3; i++)
    {
      double p[9];
      g_autofree char *name = g_strdup_printf ("llzo_%.0fK.csv", temps[i]);
      g_autoptr(SpEisSpectrum) s = NULL;

      memcpy (p, synth_ceramic_params, sizeof p);
      p[1] = sp_eis_resistance_at (p[1], ea_b, t_ref, temps[i]);
      p[4] = sp_eis_resistance_at (p[4], ea_gb, t_ref, temps[i]);
      s = synth_spectrum (circuit, p, 0.1, 1e7, 61, 0, NULL);
      paths[i] = write_csv (fx, name, s);
    }
  {
    g_autoptr(SpEisSpectrum) s = noisy_ceramic (8);
    paths[3] = write_csv (fx, "no-temperature.csv", s);
  }
  open_paths (fx, (const char **) paths, 4);
  g_assert_cmpuint (sp_eis_workbench_get_n_spectra (fx->wb), ==, 4);
  sp_eis_workbench_set_arrhenius_options (fx->wb, thickness, area, SP_ARRHENIUS_SIGMA_T);
  /* A circuit without Rb and Rgb: the ceramic circuit is used. */
  sp_eis_workbench_set_circuit_text (fx->wb, "R0-p(R1,CPE1)-p(R2,CPE2)-CPE3");
  sp_eis_workbench_arrhenius (fx->wb);
  wait_idle (fx->wb);
  g_assert_cmpuint (fx->errors->len, ==, 0);
  series = sp_eis_workbench_get_arrhenius (fx->wb);
  g_assert_nonnull (series);
  g_assert_cmpstr (series->circuit, ==, SP_EIS_CERAMIC_CIRCUIT);
  g_assert_cmpuint (series->n_points, ==, 3);
  g_assert_nonnull (series->note);
  g_assert_nonnull (strstr (series->note, "no-temperature.csv"));
  for (guint i = 0; i < 3; i++)
    {
      double rb = sp_eis_resistance_at (synth_ceramic_params[1], ea_b, t_ref, temps[i]);
      g_assert_cmpfloat (series->temperature_k[i], ==, temps[i]);
      g_assert_cmpfloat (fabs (series->sigma_s_cm[SP_EIS_CONDUCTIVITY_BULK][i]
                               - thickness / (rb * area)), <=, 1e-6 * thickness / (rb * area));
    }
  g_assert_true (series->fitted[SP_EIS_CONDUCTIVITY_BULK]);
  g_assert_true (series->fitted[SP_EIS_CONDUCTIVITY_GRAIN_BOUNDARY]);
  g_assert_true (series->fitted[SP_EIS_CONDUCTIVITY_TOTAL]);
  /* Exact data: σT is exactly Arrhenius for bulk and grain boundary. */
  g_assert_cmpfloat_with_epsilon (series->fit[SP_EIS_CONDUCTIVITY_BULK].ea_ev, ea_b, 1e-5);
  g_assert_cmpfloat_with_epsilon (series->fit[SP_EIS_CONDUCTIVITY_GRAIN_BOUNDARY].ea_ev,
                                  ea_gb, 1e-5);
  /* The total lies between (its resistance is dominated by R_gb). */
  g_assert_cmpfloat (series->fit[SP_EIS_CONDUCTIVITY_TOTAL].ea_ev, >, ea_b);
  g_assert_cmpfloat (series->fit[SP_EIS_CONDUCTIVITY_TOTAL].ea_ev, <, ea_gb);

  sp_eis_workbench_fill_figure_data (fx->wb, &fig);
  g_assert_cmpuint (fig.n_arrhenius, ==, 3);
  g_assert_cmpint (fig.arrhenius_form, ==, SP_EIS_FIGURE_SIGMA_T);
  g_assert_true (fig.arrhenius[0].sigma_s_cm == series->sigma_s_cm[SP_EIS_CONDUCTIVITY_BULK]);
  g_assert_cmpfloat (fig.arrhenius[1].ea_ev, ==, series->fit[SP_EIS_CONDUCTIVITY_GRAIN_BOUNDARY].ea_ev);
  g_assert_null (fig.arrhenius[2].sigma_err_s_cm);

  /* Typing a temperature brings the fourth in; one alone is refused. */
  sp_eis_workbench_set_temperature (fx->wb, 3, 450.0);
  sp_eis_workbench_arrhenius (fx->wb);
  wait_idle (fx->wb);
  g_assert_cmpuint (sp_eis_workbench_get_arrhenius (fx->wb)->n_points, ==, 4);
  for (guint i = 0; i < 3; i++)
    sp_eis_workbench_remove_spectrum (fx->wb, 0);
  g_assert_null (sp_eis_workbench_get_arrhenius (fx->wb));
  sp_eis_workbench_arrhenius (fx->wb);
  g_assert_false (sp_eis_workbench_get_busy (fx->wb));
  g_assert_cmpuint (fx->errors->len, ==, 1);
  g_assert_nonnull (strstr (fx->errors->pdata[0], "two"));
  for (guint i = 0; i < 4; i++)
    g_free (paths[i]);
}

int
main (int    argc,
      char **argv)
{
  sp_gsl_init ();
  g_test_init (&argc, &argv, NULL);
#define ADD(path, fn) \
  g_test_add (path, Fixture, NULL, fixture_set_up, fn, fixture_tear_down)
  ADD ("/eis-workbench/open", test_open_good_and_bad);
  ADD ("/eis-workbench/circuit-error", test_circuit_error);
  ADD ("/eis-workbench/fit-automatic", test_fit_automatic);
  ADD ("/eis-workbench/fixed", test_fixed_parameter);
  ADD ("/eis-workbench/cancel", test_cancel);
  ADD ("/eis-workbench/state", test_state_round_trip);
  ADD ("/eis-workbench/arrhenius", test_arrhenius);
#undef ADD
  return g_test_run ();
}
