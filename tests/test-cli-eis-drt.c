/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-cli-eis-drt.c — `spinodal-cli eis drt` on spectra the test writes:
 * an R‖C's single peak in the JSON line, the same numbers as the library
 * in this process, λ and the derivative given, the table, and bad input
 * with its exit status and message */

#include "config.h"

#include <complex.h>
#include <json-glib/json-glib.h>
#include <math.h>
#include <string.h>

#include "cli-runner.h"
#include "sp-drt.h"
#include "sp-eis-read.h"
#include "sp-gsl.h"
#include "test-tmpdir.h"

static char *tmpdir;

/* 10 Ω + 100 Ω ‖ 10 µF (τ = 1 ms), 100 kHz … 10 mHz, 10 per decade. */
static char *
write_rc (const char *name)
{
  g_autoptr(GString) csv = g_string_new ("# an R-C test spectrum\nfreq_hz,z_re_ohm,z_im_ohm\n");
  char *path = g_build_filename (tmpdir, name, NULL);
  const guint n = 71;

  for (guint i = 0; i < n; i++)
    {
      double f = 1e5 * pow (10, -7.0 * i / (n - 1));
      double complex z = 10 + 100 / (1 + I * 2 * G_PI * f * 1e-3);
      char buf[3][G_ASCII_DTOSTR_BUF_SIZE];

      g_string_append_printf (csv, "%s,%s,%s\n",
                              g_ascii_dtostr (buf[0], sizeof buf[0], f),
                              g_ascii_dtostr (buf[1], sizeof buf[1], creal (z)),
                              g_ascii_dtostr (buf[2], sizeof buf[2], cimag (z)));
    }
  g_assert_true (g_file_set_contents (path, csv->str, csv->len, NULL));
  return path;
}

static JsonObject *
parse_json (const char *text)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonNode *root;

  /* One line, valid JSON, no NaN or infinity. */
  g_assert_true (strchr (text, '\n') == text + strlen (text) - 1);
  {
    /* The key r_inf_ohm contains "inf"; no value may. */
    g_auto(GStrv) parts = g_strsplit (text, "\"r_inf_ohm\"", -1);
    g_autofree char *values = g_strjoinv ("", parts);

    g_assert_false (contains_nan_or_inf (values));
  }
  g_assert_true (json_parser_load_from_data (parser, text, -1, &error));
  g_assert_no_error (error);
  root = json_parser_get_root (parser);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (root));
  return json_object_ref (json_node_get_object (root));
}

static void
test_rc_json (void)
{
  g_autofree char *path = write_rc ("rc.csv");
  const char *args[] = { "eis", "drt", "--data", path, "--json", NULL };
  g_auto(Run) run = { 0 };
  g_autoptr(JsonObject) o = NULL;
  g_autoptr(SpEisSpectrum) s = NULL;
  g_autoptr(SpDrtResult) lib = NULL;
  g_autoptr(GError) error = NULL;
  JsonArray *peaks, *tau, *gamma;
  JsonObject *peak;

  run_cli_ok (args, &run);
  o = parse_json (run.out);
  g_assert_cmpstr (json_object_get_string_member (o, "lambda_method"), ==, "gcv");
  g_assert_cmpint (json_object_get_int_member (o, "derivative"), ==, 1);
  peaks = json_object_get_array_member (o, "peaks");
  g_assert_cmpuint (json_array_get_length (peaks), ==, 1);
  peak = json_array_get_object_element (peaks, 0);
  g_assert_cmpfloat (fabs (json_object_get_double_member (peak, "tau_s") / 1e-3 - 1), <, 0.02);
  g_assert_cmpfloat (fabs (json_object_get_double_member (peak, "resistance_ohm") / 100 - 1), <,
                     0.02);
  g_assert_cmpfloat (fabs (json_object_get_double_member (peak, "capacitance_f") / 1e-5 - 1), <,
                     0.04);
  g_assert_cmpfloat (fabs (json_object_get_double_member (peak, "freq_hz") * 2 * G_PI * 1e-3 - 1),
                     <, 0.02);
  g_assert_cmpfloat (fabs (json_object_get_double_member (o, "r_inf_ohm") / 10 - 1), <, 0.02);
  g_assert_cmpfloat (json_object_get_double_member (o, "inductance_h"), >=, 0);

  /* The same numbers as the library on the same file. */
  s = sp_eis_read_file (path, &error);
  g_assert_no_error (error);
  lib = sp_drt_compute (s, NULL, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpfloat (json_object_get_double_member (o, "lambda"), ==, lib->lambda);
  g_assert_cmpfloat (json_object_get_double_member (o, "r_inf_ohm"), ==, lib->r_inf_ohm);
  g_assert_cmpfloat (json_object_get_double_member (peak, "resistance_ohm"), ==,
                     lib->peaks[0].resistance_ohm);
  tau = json_object_get_array_member (o, "tau_s");
  gamma = json_object_get_array_member (o, "gamma_ohm");
  g_assert_cmpuint (json_array_get_length (tau), ==, lib->n_out);
  g_assert_cmpuint (json_array_get_length (gamma), ==, lib->n_out);
  for (guint i = 0; i < lib->n_out; i++)
    {
      g_assert_cmpfloat (json_array_get_double_element (tau, i), ==, lib->tau_s[i]);
      g_assert_cmpfloat (json_array_get_double_element (gamma, i), ==, lib->gamma_ohm[i]);
    }
}

static void
test_given_lambda (void)
{
  g_autofree char *path = write_rc ("rc2.csv");
  const char *args[] = { "eis", "drt", "--data", path, "--lambda", "1e-3", "--derivative", "2",
                         "--json", NULL };
  const char *table_args[] = { "eis", "drt", "--data", path, "--lambda", "gcv", NULL };
  g_auto(Run) run = { 0 };
  g_auto(Run) table = { 0 };
  g_autoptr(JsonObject) o = NULL;

  run_cli_ok (args, &run);
  o = parse_json (run.out);
  g_assert_cmpfloat (json_object_get_double_member (o, "lambda"), ==, 1e-3);
  g_assert_cmpstr (json_object_get_string_member (o, "lambda_method"), ==, "given");
  g_assert_true (JSON_NODE_HOLDS_NULL (json_object_get_member (o, "gcv_score")));
  g_assert_cmpint (json_object_get_int_member (o, "derivative"), ==, 2);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (o, "peaks")), >=, 1);

  run_cli_ok (table_args, &table);
  g_assert_nonnull (strstr (table.out, "generalised cross-validation"));
  g_assert_nonnull (strstr (table.out, "τ/s"));
}

static void
expect_usage (const char *const *args,
              const char        *fragment)
{
  run_cli_expect_usage (args, "spinodal-cli eis drt: ", fragment);
}

static void
test_bad_input (void)
{
  g_autofree char *path = write_rc ("ok.csv");
  g_autofree char *missing = g_build_filename (tmpdir, "none.csv", NULL);
  g_autofree char *short_file = g_build_filename (tmpdir, "short.csv", NULL);

  g_assert_true (g_file_set_contents (short_file,
                                      "freq_hz,z_re_ohm,z_im_ohm\n1,2,-3\n2,2,-2\n3,2,-1\n", -1,
                                      NULL));
  expect_usage ((const char *[]) { "eis", "drt", NULL }, "--data FILE is required");
  expect_usage ((const char *[]) { "eis", "drt", "--data", path, "--lambda", "-1", NULL },
                "--lambda");
  expect_usage ((const char *[]) { "eis", "drt", "--data", path, "--lambda", "often", NULL },
                "--lambda");
  expect_usage ((const char *[]) { "eis", "drt", "--data", path, "--derivative", "3", NULL },
                "--derivative");
  expect_usage ((const char *[]) { "eis", "drt", "--data", missing, NULL }, "none.csv");
  expect_usage ((const char *[]) { "eis", "drt", "--data", short_file, NULL },
                "at least 5 points");
}

int
main (int    argc,
      char **argv)
{
  int status;

  sp_gsl_init ();
  cli_runner_init (&argc, &argv);
  g_test_init (&argc, &argv, NULL);
  tmpdir = test_tmpdir_new ("test-cli-eis-drt");

  g_test_add_func ("/cli-eis-drt/rc-json", test_rc_json);
  g_test_add_func ("/cli-eis-drt/given-lambda", test_given_lambda);
  g_test_add_func ("/cli-eis-drt/bad-input", test_bad_input);
  status = g_test_run ();
  test_tmpdir_remove (tmpdir);
  g_free (tmpdir);
  return status;
}
