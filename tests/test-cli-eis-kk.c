/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-cli-eis-kk.c — `spinodal-cli eis kk` on spectra the test writes:
 * the JSON line against the library run in this process, a drifting
 * spectrum flagged, the fit modes and the series capacitance, the table,
 * and bad input with its exit status and message */

#include "config.h"

#include <complex.h>
#include <json-glib/json-glib.h>
#include <math.h>
#include <string.h>

#include "cli-runner.h"
#include "sp-eis-read.h"
#include "sp-gsl.h"
#include "sp-linkk.h"
#include "test-tmpdir.h"

static char *tmpdir;

typedef struct
{
  double c_series;   /* 0: none */
  double drift;      /* R1, R2 grow by this fraction over the sweep */
} Variant;

/* R0-p(R1,C1)-p(R2,CPE2) (+ C) from 100 kHz down to 10 mHz, 10 per decade,
 * as a CSV with a header, every number in full. */
static char *
write_spectrum (const char    *name,
                const Variant *v)
{
  g_autoptr(GString) csv = g_string_new ("freq_hz,z_re_ohm,z_im_ohm\n");
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (tmpdir, name, NULL);
  const guint n = 71;

  for (guint i = 0; i < n; i++)
    {
      double f = 1e5 * pow (10, -7.0 * i / (n - 1)), w = 2 * G_PI * f;
      double drift = 1 + v->drift * i / (n - 1.0);
      double complex z = 10 + 100 * drift / (1 + I * w * 100 * drift * 1e-6)
                            + 200 * drift / (1 + 200 * drift * 1e-4 * cpow (I * w, 0.8));
      char buf[3][G_ASCII_DTOSTR_BUF_SIZE];

      if (v->c_series > 0)
        z += 1 / (I * w * v->c_series);
      g_string_append_printf (csv, "%s,%s,%s\n",
                              g_ascii_dtostr (buf[0], sizeof buf[0], f),
                              g_ascii_dtostr (buf[1], sizeof buf[1], creal (z)),
                              g_ascii_dtostr (buf[2], sizeof buf[2], cimag (z)));
    }
  g_assert_true (g_file_set_contents (path, csv->str, csv->len, &error));
  g_assert_no_error (error);
  return path;
}

static JsonObject *
parse_json (const char *text)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonNode *root;

  /* One line. */
  g_assert_true (strchr (text, '\n') == text + strlen (text) - 1);
  g_assert_false (contains_nan_or_inf (text));
  g_assert_true (json_parser_load_from_data (parser, text, -1, &error));
  g_assert_no_error (error);
  root = json_parser_get_root (parser);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (root));
  return json_object_ref (json_node_get_object (root));
}

static void
test_valid_json (void)
{
  Variant v = { 0 };
  g_autofree char *path = write_spectrum ("valid.csv", &v);
  const char *args[] = { "eis", "kk", "--data", path, "--json", NULL };
  g_auto(Run) run = { 0 };
  g_autoptr(JsonObject) o = NULL;
  g_autoptr(SpEisSpectrum) s = NULL;
  g_autoptr(SpLinKKResult) lib = NULL;
  g_autoptr(GError) error = NULL;
  JsonObject *residuals;
  JsonArray *freq, *re, *im;

  run_cli_ok (args, &run);
  o = parse_json (run.out);
  g_assert_cmpstr (json_object_get_string_member (o, "verdict"), ==, "valid");
  g_assert_cmpstr (json_object_get_string_member (o, "fit"), ==, "complex");
  g_assert_cmpfloat (json_object_get_double_member (o, "c"), ==, 0.85);
  g_assert_true (json_object_get_boolean_member (o, "mu_reached"));
  g_assert_cmpfloat (json_object_get_double_member (o, "mu"), <, 0.85);
  g_assert_cmpfloat (json_object_get_double_member (o, "pseudo_chi2"), <, 1e-5);
  g_assert_true (JSON_NODE_HOLDS_NULL (json_object_get_member (o, "inductance_h")));
  g_assert_true (JSON_NODE_HOLDS_NULL (json_object_get_member (o, "capacitance_f")));
  g_assert_true (g_str_has_prefix (json_object_get_string_member (o, "explanation"), "Valid"));

  /* The same numbers as the library on the same file, to the last bit. */
  s = sp_eis_read_file (path, &error);
  g_assert_no_error (error);
  lib = sp_linkk_check (s, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (json_object_get_int_member (o, "m"), ==, lib->m);
  g_assert_cmpfloat (json_object_get_double_member (o, "mu"), ==, lib->mu);
  g_assert_cmpfloat (json_object_get_double_member (o, "pseudo_chi2"), ==, lib->pseudo_chi2);
  g_assert_cmpfloat (json_object_get_double_member (o, "r0_ohm"), ==, lib->r0_ohm);

  residuals = json_object_get_object_member (o, "residuals");
  freq = json_object_get_array_member (residuals, "freq_hz");
  re = json_object_get_array_member (residuals, "re");
  im = json_object_get_array_member (residuals, "im");
  g_assert_cmpuint (json_array_get_length (freq), ==, 71);
  g_assert_cmpuint (json_array_get_length (re), ==, 71);
  g_assert_cmpuint (json_array_get_length (im), ==, 71);
  g_assert_cmpfloat (json_array_get_double_element (freq, 0), ==, 1e5);
  for (guint i = 0; i < 71; i++)
    {
      g_assert_cmpfloat (json_array_get_double_element (re, i), ==, lib->residual_re[i]);
      g_assert_cmpfloat (fabs (json_array_get_double_element (im, i)), <, 5e-4);
    }
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (
                      json_object_get_object_member (o, "time_constants"), "tau_s")), ==, lib->m);
}

static void
test_drift_flagged (void)
{
  Variant v = { .drift = 0.05 };
  g_autofree char *path = write_spectrum ("drift.csv", &v);
  const char *args[] = { "eis", "kk", "--data", path, "--json", NULL };
  const char *table_args[] = { "eis", "kk", "--data", path, NULL };
  g_auto(Run) run = { 0 };
  g_auto(Run) table = { 0 };
  g_autoptr(JsonObject) o = NULL;

  run_cli_ok (args, &run);
  o = parse_json (run.out);
  g_assert_cmpstr (json_object_get_string_member (o, "verdict"), ==, "trend");
  g_assert_true (g_str_has_prefix (json_object_get_string_member (o, "explanation"),
                                   "Not valid"));
  run_cli_ok (table_args, &table);
  g_assert_nonnull (strstr (table.out, "Not valid: the residuals of Z″ follow a trend"));
  g_assert_nonnull (strstr (table.out, "RC elements M"));
}

static void
test_modes (void)
{
  Variant v = { .c_series = 1e-2 };
  g_autofree char *path = write_spectrum ("blocking.csv", &v);
  const char *plain[] = { "eis", "kk", "--data", path, "--json", NULL };
  const char *with_c[] = { "eis", "kk", "--data", path, "--add-capacitance", "--add-inductance",
                           "--json", NULL };
  const char *real[] = { "eis", "kk", "--data", path, "--add-capacitance", "--fit", "real",
                         "--c", "0.8", "--json", NULL };
  g_auto(Run) a = { 0 };
  g_auto(Run) b = { 0 };
  g_auto(Run) c = { 0 };
  g_autoptr(JsonObject) oa = NULL;
  g_autoptr(JsonObject) ob = NULL;
  g_autoptr(JsonObject) oc = NULL;

  run_cli_ok (plain, &a);
  oa = parse_json (a.out);
  g_assert_cmpstr (json_object_get_string_member (oa, "verdict"), ==, "outside");

  run_cli_ok (with_c, &b);
  ob = parse_json (b.out);
  g_assert_cmpstr (json_object_get_string_member (ob, "verdict"), ==, "valid");
  g_assert_cmpfloat (fabs (json_object_get_double_member (ob, "capacitance_f") / 1e-2 - 1), <, 1e-3);
  g_assert_false (JSON_NODE_HOLDS_NULL (json_object_get_member (ob, "inductance_h")));

  run_cli_ok (real, &c);
  oc = parse_json (c.out);
  g_assert_cmpstr (json_object_get_string_member (oc, "fit"), ==, "real");
  g_assert_cmpfloat (json_object_get_double_member (oc, "c"), ==, 0.8);
  g_assert_cmpfloat (json_object_get_double_member (oc, "mu"), <, 0.8);
}

static void
expect_usage (const char *const *args,
              const char        *fragment)
{
  run_cli_expect_usage (args, "spinodal-cli eis kk: ", fragment);
}

static void
test_bad_input (void)
{
  Variant v = { 0 };
  g_autofree char *path = write_spectrum ("ok.csv", &v);
  g_autofree char *missing = g_build_filename (tmpdir, "none.csv", NULL);
  g_autofree char *broken = g_build_filename (tmpdir, "broken.csv", NULL);

  g_assert_true (g_file_set_contents (broken, "freq_hz,z_re_ohm,z_im_ohm\n1,2,3\n2,x,4\n", -1,
                                      NULL));
  expect_usage ((const char *[]) { "eis", "kk", NULL }, "--data FILE is required");
  expect_usage ((const char *[]) { "eis", "kk", "--data", path, "--c", "1.5", NULL }, "--c");
  expect_usage ((const char *[]) { "eis", "kk", "--data", path, "--c", "0,85", NULL }, "--c");
  expect_usage ((const char *[]) { "eis", "kk", "--data", path, "--fit", "both", NULL },
                "--fit must be real, imag or complex, not “both”");
  expect_usage ((const char *[]) { "eis", "kk", "--data", missing, NULL }, "none.csv");
  expect_usage ((const char *[]) { "eis", "kk", "--data", broken, NULL }, "broken.csv");
  expect_usage ((const char *[]) { "eis", "kk", "--data", path, "--bogus", NULL }, "--bogus");
}

int
main (int    argc,
      char **argv)
{
  int status;

  sp_gsl_init ();
  cli_runner_init (&argc, &argv);
  g_test_init (&argc, &argv, NULL);
  tmpdir = test_tmpdir_new ("test-cli-eis-kk");

  g_test_add_func ("/cli-eis-kk/valid-json", test_valid_json);
  g_test_add_func ("/cli-eis-kk/drift-flagged", test_drift_flagged);
  g_test_add_func ("/cli-eis-kk/modes", test_modes);
  g_test_add_func ("/cli-eis-kk/bad-input", test_bad_input);
  status = g_test_run ();
  test_tmpdir_remove (tmpdir);
  g_free (tmpdir);
  return status;
}
