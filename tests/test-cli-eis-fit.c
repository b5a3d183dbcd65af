/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-cli-eis-fit.c — `spinodal-cli eis fit` on spectra the test writes:
 * the JSON's parameters against the truth, fixed values, frequency
 * windows, the table, and every bad flag with status 2 and a message */

#include "config.h"

#include <complex.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <math.h>
#include <string.h>

#include "cli-runner.h"
#include "sp-gsl.h"
#include "test-tmpdir.h"

static char *tmpdir;

/* The ceramic R0-p(Rb,CPEb)-p(Rgb,CPEgb)-CPEel, written out here
 * independently of src/transport. */
static const double truth[] = { 50, 1e4, 1e-10, 0.9, 3e4, 5e-9, 0.85, 1e-6, 0.9 };
static const char *const names[] = {
  "R0", "Rb", "CPEb_0", "CPEb_1", "Rgb", "CPEgb_0", "CPEgb_1", "CPEel_0", "CPEel_1",
};
#define CERAMIC "R0-p(Rb,CPEb)-p(Rgb,CPEgb)-CPEel"

static double complex
rq (double r, double q, double alpha, double omega)
{
  return 1 / (1 / r + q * cpow (I * omega, alpha));
}

static double complex
ceramic (double omega)
{
  return truth[0] + rq (truth[1], truth[2], truth[3], omega)
         + rq (truth[4], truth[5], truth[6], omega)
         + 1 / (truth[7] * cpow (I * omega, truth[8]));
}

/* 60 points from 10 MHz to 0.1 Hz as "f,Z′,Z″" lines, no header; with
 * @inductive, three more points above 10 MHz with Z″ > 0. */
static char *
write_spectrum (const char *name,
                gboolean    inductive)
{
  g_autoptr(GString) text = g_string_new (NULL);
  char *path = g_build_filename (tmpdir, name, NULL);

  if (inductive)
    for (guint i = 0; i < 3; i++)
      g_string_append_printf (text, "%.17g,%.17g,%.17g\n", 4e7 - 1e7 * i, 50.0, 5.0 - i);
  for (guint i = 0; i < 60; i++)
    {
      double f = 1e7 * pow (10, -8.0 * i / 59);
      double complex z = ceramic (2 * G_PI * f);

      g_string_append_printf (text, "%.17g,%.17g,%.17g\n", f, creal (z), cimag (z));
    }
  g_assert_true (g_file_set_contents (path, text->str, -1, NULL));
  return path;
}

static JsonObject *
parse_one_line (const char *out,
                JsonParser *parser)
{
  g_autoptr(GError) error = NULL;

  /* One line of JSON, then the newline. */
  g_assert_nonnull (strchr (out, '\n'));
  g_assert_cmpstr (strchr (out, '\n') + 1, ==, "");
  g_assert_false (contains_nan_or_inf (out));
  json_parser_load_from_data (parser, out, -1, &error);
  g_assert_no_error (error);
  return json_node_get_object (json_parser_get_root (parser));
}

static JsonObject *
param (JsonObject *root,
       guint       k)
{
  JsonArray *params = json_object_get_array_member (root, "parameters");

  return json_array_get_object_element (params, k);
}

static void
test_json (void)
{
  g_autofree char *path = write_spectrum ("ceramic.csv", FALSE);
  const char *args[] = { "eis", "fit", "--data", path, "--circuit", CERAMIC, "--json", NULL };
  g_auto(Run) run = { 0 };
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *root;

  run_cli (args, &run);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.err, ==, "");
  root = parse_one_line (run.out, parser);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (root, "parameters")),
                    ==, 9);
  for (guint k = 0; k < 9; k++)
    {
      JsonObject *p = param (root, k);

      g_assert_cmpstr (json_object_get_string_member (p, "name"), ==, names[k]);
      g_assert_cmpfloat_with_epsilon (json_object_get_double_member (p, "value") / truth[k],
                                      1.0, 1e-6);
      g_assert_true (json_object_has_member (p, "stderr"));
      g_assert_false (json_object_get_boolean_member (p, "fixed"));
    }
  g_assert_cmpstr (json_object_get_string_member (param (root, 0), "unit"), ==, "Ohm");
  g_assert_cmpstr (json_object_get_string_member (param (root, 3), "unit"), ==, "");
  g_assert_cmpint (json_object_get_int_member (root, "n_points"), ==, 60);
  g_assert_cmpint (json_object_get_int_member (root, "dof"), ==, 120 - 9);
  g_assert_true (json_object_get_boolean_member (root, "converged"));
  g_assert_cmpfloat (json_object_get_double_member (root, "chi2"), <, 1e-12);
  g_assert_cmpstr (json_object_get_string_member (root, "weights"), ==, "modulus");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (
                      json_object_get_object_member (root, "residuals"), "relative_re")), ==, 60);
  g_assert_true (json_object_get_null_member (root, "warning"));
}

/* --fixed holds a value exactly (s.e. 0.0); --initial only starts there;
 * --f-min/--f-max and --drop-positive-imag leave points out. */
static void
test_fixed_and_windows (void)
{
  g_autofree char *path = write_spectrum ("inductive.csv", TRUE);
  const char *fixed[] = { "eis", "fit", "--data", path, "--circuit", CERAMIC, "--json",
                          "--drop-positive-imag", "--fixed", "R0=50,CPEgb_1=0.85",
                          "--initial", "Rb=2e4", "--weights", "proportional", NULL };
  const char *window[] = { "eis", "fit", "--data", path, "--circuit", "R0-p(Rb,CPEb)", "--json",
                           "--f-min", "1e5", "--f-max", "1e7", NULL };
  g_auto(Run) a = { 0 };
  g_auto(Run) b = { 0 };
  g_autoptr(JsonParser) pa = json_parser_new ();
  g_autoptr(JsonParser) pb = json_parser_new ();
  JsonObject *root;

  run_cli (fixed, &a);
  g_assert_cmpint (a.status, ==, 0);
  root = parse_one_line (a.out, pa);
  g_assert_cmpint (json_object_get_int_member (root, "n_points"), ==, 60);
  g_assert_cmpint (json_object_get_int_member (root, "n_free"), ==, 7);
  g_assert_cmpstr (json_object_get_string_member (root, "weights"), ==, "proportional");
  g_assert_cmpfloat (json_object_get_double_member (param (root, 0), "value"), ==, 50);
  g_assert_cmpfloat (json_object_get_double_member (param (root, 0), "stderr"), ==, 0);
  g_assert_true (json_object_get_boolean_member (param (root, 0), "fixed"));
  g_assert_cmpfloat (json_object_get_double_member (param (root, 6), "value"), ==, 0.85);
  g_assert_cmpfloat (json_object_get_double_member (param (root, 1), "initial"), ==, 2e4);
  g_assert_cmpfloat_with_epsilon (json_object_get_double_member (param (root, 4), "value") / 3e4,
                                  1.0, 1e-6);

  /* 10 MHz … 100 kHz: the 15 points (7.4 a decade) of the bulk arc's two decades. */
  run_cli (window, &b);
  g_assert_cmpint (b.status, ==, 0);
  root = parse_one_line (b.out, pb);
  g_assert_cmpint (json_object_get_int_member (root, "n_points"), ==, 15);
}

static void
test_table (void)
{
  g_autofree char *path = write_spectrum ("table.csv", FALSE);
  const char *args[] = { "eis", "fit", "--data", path, "--circuit", CERAMIC,
                         "--fixed", "CPEel_1=0.9", NULL };
  g_auto(Run) run = { 0 };

  run_cli (args, &run);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "Circuit: " CERAMIC));
  g_assert_nonnull (strstr (run.out, "(60 points)"));
  g_assert_nonnull (strstr (run.out, "CPEgb_0"));
  g_assert_nonnull (strstr (run.out, "fixed"));
  g_assert_nonnull (strstr (run.out, "reduced χ²"));
  g_assert_nonnull (strstr (run.out, "Converged after"));
}

static void
assert_usage (const char *const *args,
              int                status,
              const char        *fragment)
{
  g_auto(Run) run = { 0 };

  run_cli (args, &run);
  g_assert_cmpint (run.status, ==, status);
  g_assert_cmpstr (run.out, ==, "");
  if (strstr (run.err, fragment) == NULL)
    g_error ("stderr “%s” lacks “%s”", run.err, fragment);
  g_assert_nonnull (g_str_has_prefix (run.err, "spinodal-cli eis fit: ") ? run.err : NULL);
}

static void
test_bad_flags (void)
{
  g_autofree char *path = write_spectrum ("bad.csv", FALSE);
  g_autofree char *missing = g_build_filename (tmpdir, "no-such-file.csv", NULL);
  g_autofree char *garbage = g_build_filename (tmpdir, "garbage.csv", NULL);

  g_assert_true (g_file_set_contents (garbage, "this is not a spectrum\n", -1, NULL));
  {
    const char *a[] = { "eis", "fit", "--circuit", CERAMIC, NULL };
    assert_usage (a, 2, "--data FILE is required");
  }
  {
    const char *a[] = { "eis", "fit", "--data", path, NULL };
    assert_usage (a, 2, "--circuit S is required");
  }
  {
    const char *a[] = { "eis", "fit", "--data", path, "--circuit", "R0-p(R1,CPE1", NULL };
    assert_usage (a, 2, "--circuit");
  }
  {
    const char *a[] = { "eis", "fit", "--data", path, "--circuit", CERAMIC, "--initial",
                        "Rx=5", NULL };
    assert_usage (a, 2, "Rx");
  }
  {
    const char *a[] = { "eis", "fit", "--data", path, "--circuit", CERAMIC, "--fixed",
                        "CPEb_1=1.2", NULL };
    assert_usage (a, 2, "--fixed CPEb_1: 1.2 is out of range");
  }
  {
    const char *a[] = { "eis", "fit", "--data", path, "--circuit", CERAMIC, "--initial",
                        "Rb=-4", NULL };
    assert_usage (a, 2, "it must be positive");
  }
  {
    const char *a[] = { "eis", "fit", "--data", path, "--circuit", CERAMIC, "--initial",
                        "Rb", NULL };
    assert_usage (a, 2, "NAME=VALUE");
  }
  {
    const char *a[] = { "eis", "fit", "--data", path, "--circuit", CERAMIC, "--initial",
                        "Rb=1e4,Rb=2e4", NULL };
    assert_usage (a, 2, "given twice");
  }
  {
    const char *a[] = { "eis", "fit", "--data", path, "--circuit", CERAMIC, "--initial",
                        "Rb=1e4", "--fixed", "Rb=1e4", NULL };
    assert_usage (a, 2, "Rb is both --fixed and --initial");
  }
  {
    const char *a[] = { "eis", "fit", "--data", path, "--circuit", CERAMIC, "--weights",
                        "square", NULL };
    assert_usage (a, 2, "unit, modulus or proportional");
  }
  {
    const char *a[] = { "eis", "fit", "--data", path, "--circuit", CERAMIC, "--f-min",
                        "1e3", "--f-max", "10", NULL };
    assert_usage (a, 2, "above --f-max");
  }
  {
    const char *a[] = { "eis", "fit", "--data", path, "--circuit", CERAMIC, "--f-min",
                        "-5", NULL };
    assert_usage (a, 2, "--f-min");
  }
  {
    const char *a[] = { "eis", "fit", "--data", path, "--circuit", CERAMIC, "--f-min",
                        "2e7", NULL };
    assert_usage (a, 2, "no point is left");
  }
  {
    const char *a[] = { "eis", "fit", "--data", missing, "--circuit", CERAMIC, NULL };
    assert_usage (a, 2, "no-such-file.csv");
  }
  {
    const char *a[] = { "eis", "fit", "--data", garbage, "--circuit", CERAMIC, NULL };
    assert_usage (a, 2, "garbage.csv");
  }
  /* Two points, four values, nine free parameters: the fit itself refuses. */
  {
    const char *a[] = { "eis", "fit", "--data", path, "--circuit", CERAMIC, "--f-min",
                        "5e6", NULL };
    assert_usage (a, 1, "too few for 9 free parameters");
  }
}

int
main (int    argc,
      char **argv)
{
  int status;

  sp_gsl_init ();
  cli_runner_init (&argc, &argv);
  g_test_init (&argc, &argv, NULL);
  tmpdir = test_tmpdir_new ("sp-cli-eis-fit");

  g_test_add_func ("/cli-eis-fit/json", test_json);
  g_test_add_func ("/cli-eis-fit/fixed-and-windows", test_fixed_and_windows);
  g_test_add_func ("/cli-eis-fit/table", test_table);
  g_test_add_func ("/cli-eis-fit/bad-flags", test_bad_flags);
  status = g_test_run ();
  test_tmpdir_remove (tmpdir);
  g_free (tmpdir);
  return status;
}
