/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-cli-eis.c — `spinodal-cli eis`: the subcommand table, `eis simulate`
 * against the circuit evaluated here (every CSV row bit for bit), its --json
 * line, and every kind of bad input with its exit status and message */

#include "config.h"

#include <complex.h>
#include <json-glib/json-glib.h>
#include <math.h>
#include <string.h>

#include "cli-runner.h"
#include "sp-circuit.h"
#include "sp-eis-ceramic.h"
#include "sp-eis-read.h"
#include "sp-gsl.h"
#include "test-tmpdir.h"

/* The data rows of a CSV written by eis simulate: freq, Z′, Z″ triples. */
static GArray *
read_rows (const char *text)
{
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);
  GArray *rows = g_array_new (FALSE, FALSE, sizeof (double));
  gboolean header_seen = FALSE;

  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto(GStrv) cells = NULL;

      if (lines[i][0] == '#' || lines[i][0] == '\0')
        continue;
      if (!header_seen)
        {
          g_assert_cmpstr (lines[i], ==, "freq_hz,z_re_ohm,z_im_ohm");
          header_seen = TRUE;
          continue;
        }
      cells = g_strsplit (lines[i], ",", -1);
      g_assert_cmpuint (g_strv_length (cells), ==, 3);
      for (guint c = 0; c < 3; c++)
        {
          char *end = NULL;
          double value = g_ascii_strtod (cells[c], &end);

          g_assert_true (*end == '\0' && isfinite (value));
          g_array_append_val (rows, value);
        }
    }
  g_assert_true (header_seen);
  return rows;
}

static void
assert_rows_match (GArray          *rows,
                   const SpCircuit *circuit,
                   const double    *params,
                   double           f_max,
                   double           f_min,
                   guint            n)
{
  g_assert_cmpuint (rows->len, ==, 3 * n);
  g_assert_cmpfloat (g_array_index (rows, double, 0), ==, f_max);
  g_assert_cmpfloat (g_array_index (rows, double, 3 * (n - 1)), ==, f_min);
  for (guint i = 0; i < n; i++)
    {
      double f = g_array_index (rows, double, 3 * i);
      double complex z = sp_circuit_eval (circuit, params, 2 * G_PI * f);

      g_assert_cmpfloat (g_array_index (rows, double, 3 * i + 1), ==, creal (z));
      g_assert_cmpfloat (g_array_index (rows, double, 3 * i + 2), ==, cimag (z));
      if (i > 0)
        g_assert_cmpfloat (f, <, g_array_index (rows, double, 3 * (i - 1)));
    }
}

static void
test_dispatch (void)
{
  g_auto(Run) none = { 0 };
  g_auto(Run) help = { 0 };
  g_auto(Run) unknown = { 0 };
  g_auto(Run) top = { 0 };

  run_cli ((const char *[]) { "eis", NULL }, &none);
  g_assert_cmpint (none.status, ==, 2);
  g_assert_cmpstr (none.out, ==, "");
  g_assert_nonnull (strstr (none.err, "simulate"));

  run_cli ((const char *[]) { "eis", "--help", NULL }, &help);
  g_assert_cmpint (help.status, ==, 0);
  g_assert_true (g_str_has_prefix (help.out, "Usage:\n  spinodal-cli eis SUBCOMMAND"));
  g_assert_nonnull (strstr (help.out, "\nSubcommands:\n  simulate "));

  run_cli ((const char *[]) { "eis", "nope", NULL }, &unknown);
  g_assert_cmpint (unknown.status, ==, 2);
  g_assert_nonnull (strstr (unknown.err, "spinodal-cli eis: unknown subcommand “nope”; allowed: "
                                         "simulate"));

  run_cli ((const char *[]) { "--help", NULL }, &top);
  g_assert_cmpint (top.status, ==, 0);
  g_assert_nonnull (strstr (top.out, "\n  eis "));
}

static void
test_simulate_circuit (void)
{
  g_autofree char *dir = test_tmpdir_new ("test-cli-eis");
  g_autofree char *path = g_build_filename (dir, "z.csv", NULL);
  g_autofree char *text = NULL;
  g_autoptr(GArray) rows = NULL;
  g_autoptr(SpCircuit) circuit = sp_circuit_parse ("R0-p(R1,CPE1)-Wo1", NULL);
  const double params[] = { 10, 250, 3e-6, 0.85, 40, 0.5 };
  g_auto(Run) run = { 0 };
  const char *args[] = {
    "eis", "simulate", "--circuit", "R0 - p(R1, CPE1) - Wo1", "--param", "R0=10",
    "--param", "R1=250", "--param", "CPE1.Q=3e-6", "--param", "CPE1_1=0.85",
    "--param", "Wo1_0=40", "--param", "Wo1.tau=0.5", "--f-min", "0.01", "--f-max", "1e5",
    "--points-per-decade", "5", "-o", path, "--json", NULL,
  };

  run_cli (args, &run);
  if (run.status != 0)
    g_error ("eis simulate failed (%d): %s", run.status, run.err);
  g_assert_cmpstr (run.err, ==, "");
  text = test_tmpdir_read_text (path);
  g_assert_true (g_str_has_prefix (text, "# Spinodal " PACKAGE_VERSION
                                         " — impedance spectrum of R0-p(R1,CPE1)-Wo1\n"));
  g_assert_nonnull (strstr (text, "\n# CPE1_0 = 3e-06 F s^(a-1)\n"));
  rows = read_rows (text);
  /* 7 decades at 5 per decade, both ends. */
  assert_rows_match (rows, circuit, params, 1e5, 0.01, 36);

  /* One JSON line: what was written. */
  {
    g_autoptr(JsonParser) parser = json_parser_new ();
    g_autoptr(GError) error = NULL;
    JsonObject *o;
    JsonArray *p;

    g_assert_true (g_str_has_suffix (run.out, "}\n"));
    g_assert_true (strchr (run.out, '\n') == run.out + strlen (run.out) - 1);
    g_assert_false (contains_nan_or_inf (run.out));
    g_assert_true (json_parser_load_from_data (parser, run.out, -1, &error));
    g_assert_no_error (error);
    o = json_node_get_object (json_parser_get_root (parser));
    g_assert_cmpstr (json_object_get_string_member (o, "output"), ==, path);
    g_assert_cmpstr (json_object_get_string_member (o, "format"), ==, "csv");
    g_assert_cmpstr (json_object_get_string_member (o, "circuit"), ==, "R0-p(R1,CPE1)-Wo1");
    g_assert_true (json_object_get_null_member (o, "preset"));
    g_assert_cmpint (json_object_get_int_member (o, "n_points"), ==, 36);
    g_assert_cmpfloat (json_object_get_double_member (o, "f_min_hz"), ==, 0.01);
    g_assert_cmpfloat (json_object_get_double_member (o, "f_max_hz"), ==, 1e5);
    g_assert_cmpfloat (json_object_get_double_member (o, "points_per_decade"), ==, 5);
    p = json_object_get_array_member (o, "parameters");
    g_assert_cmpuint (json_array_get_length (p), ==, 6);
    for (guint k = 0; k < 6; k++)
      {
        JsonObject *param = json_array_get_object_element (p, k);

        g_assert_cmpstr (json_object_get_string_member (param, "name"), ==,
                         sp_circuit_get_param_name (circuit, k));
        g_assert_cmpfloat (json_object_get_double_member (param, "value"), ==, params[k]);
        g_assert_cmpstr (json_object_get_string_member (param, "unit"), ==,
                         sp_circuit_get_param_unit (circuit, k));
      }
  }
  test_tmpdir_remove (dir);
}

/* The defaults (0.1 Hz … 10 MHz, 10 per decade) and standard output. */
static void
test_simulate_stdout (void)
{
  g_autoptr(SpCircuit) circuit = sp_circuit_parse ("p(R1,C1)", NULL);
  const double params[] = { 1000, 1e-9 };
  g_autoptr(GArray) rows = NULL;
  g_auto(Run) run = { 0 };
  const char *args[] = {
    "eis", "simulate", "--circuit", "p(R1,C1)", "--param", "R1=1000", "--param", "C1=1e-9",
    "-o", "-", NULL,
  };

  run_cli (args, &run);
  g_assert_cmpint (run.status, ==, 0);
  rows = read_rows (run.out);
  assert_rows_match (rows, circuit, params, 1e7, 0.1, 81);
  /* The arc's apex, 1/(2πRC) = 159 kHz, is on it: −Z″ ≤ R/2 everywhere. */
  for (guint i = 0; i < 81; i++)
    g_assert_cmpfloat (-g_array_index (rows, double, 3 * i + 2), <=, 500);
}

static void
test_simulate_preset (void)
{
  g_autoptr(SpCircuit) circuit = sp_circuit_parse (SP_EIS_CERAMIC_CIRCUIT, NULL);
  const SpEisCeramicPreset *preset = sp_eis_ceramic_find_preset ("ysz");
  double params[SP_EIS_CERAMIC_N_CIRCUIT_PARAMS];
  g_autoptr(GArray) rows = NULL;
  SpEisCeramic model;
  g_auto(Run) run = { 0 };
  const char *args[] = {
    "eis", "simulate", "--preset", "ysz", "--param", "temperature_k=623.15",
    "--param", "rgb_ohm=5e4", "--points-per-decade", "3", "-o", "-", NULL,
  };

  g_assert_nonnull (preset);
  run_cli (args, &run);
  if (run.status != 0)
    g_error ("eis simulate --preset failed (%d): %s", run.status, run.err);
  g_assert_nonnull (strstr (run.out, "\n# preset = ysz\n# source = Illustrative: "));
  g_assert_nonnull (strstr (run.out, "\n# temperature_k = 623.15 K\n"));
  g_assert_nonnull (strstr (run.out, "\n# temperature_K = 623.15\n"));

  model = preset->model;
  model.values[SP_EIS_CERAMIC_TEMPERATURE] = 623.15;
  model.values[SP_EIS_CERAMIC_RGB] = 5e4;
  sp_eis_ceramic_circuit_params (&model, params);
  rows = read_rows (run.out);
  assert_rows_match (rows, circuit, params, 1e7, 0.1, 25);
}

/* What eis simulate writes, the lab's reader reads back: every number and
 * the temperature exactly. */
static void
test_simulate_reads_back (void)
{
  g_autofree char *dir = test_tmpdir_new ("test-cli-eis-read");
  g_autofree char *path = g_build_filename (dir, "llzo.csv", NULL);
  g_autoptr(SpEisSpectrum) expected = NULL;
  g_autoptr(SpEisSpectrum) read = NULL;
  g_autoptr(GError) error = NULL;
  const SpEisCeramicPreset *preset = sp_eis_ceramic_find_preset ("llzo");
  SpEisCeramic model;
  g_auto(Run) run = { 0 };
  const char *args[] = {
    "eis", "simulate", "--preset", "llzo", "--param", "temperature_k=260.5",
    "--points-per-decade", "7", "-o", path, NULL,
  };

  run_cli (args, &run);
  g_assert_cmpint (run.status, ==, 0);
  model = preset->model;
  model.values[SP_EIS_CERAMIC_TEMPERATURE] = 260.5;
  expected = sp_eis_ceramic_simulate (&model, 0.1, 1e7, 7, &error);
  g_assert_no_error (error);
  read = sp_eis_read_file (path, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (read->n_points, ==, expected->n_points);
  g_assert_cmpfloat (read->temperature_k, ==, 260.5);
  for (guint i = 0; i < read->n_points; i++)
    {
      g_assert_cmpfloat (read->freq_hz[i], ==, expected->freq_hz[i]);
      g_assert_cmpfloat (read->z_re_ohm[i], ==, expected->z_re_ohm[i]);
      g_assert_cmpfloat (read->z_im_ohm[i], ==, expected->z_im_ohm[i]);
    }
  test_tmpdir_remove (dir);
}

typedef struct
{
  const char *args[16];
  int         status;
  const char *message;   /* part of stderr */
} BadCase;

static void
test_simulate_bad (void)
{
  g_autofree char *dir = test_tmpdir_new ("test-cli-eis-bad");
  g_autofree char *missing_dir = g_build_filename (dir, "no", "such", "dir", "z.csv", NULL);
  const BadCase cases[] = {
    { { "eis", "simulate", "-o", "-", NULL }, 2,
      "give --circuit CIRCUIT with --param NAME=VALUE for each parameter, or --preset "
      "(llzo, li6ps5cl, ysz)" },
    { { "eis", "simulate", "--circuit", "R1", "--preset", "llzo", "-o", "-", NULL }, 2,
      "--circuit and --preset exclude each other" },
    { { "eis", "simulate", "--circuit", "R1", "--param", "R1=1", NULL }, 2,
      "-o FILE is required" },
    { { "eis", "simulate", "--circuit", "R0-", "-o", "-", NULL }, 2,
      "--circuit “R0-”: at character 3: '-' with nothing after it" },
    { { "eis", "simulate", "--circuit", "R0-p(R1,Q1)", "-o", "-", NULL }, 2,
      "at character 9: unknown element “Q1”" },
    { { "eis", "simulate", "--circuit", "R0-p(R1,C1)", "--param", "Rx=5", "-o", "-", NULL }, 2,
      "R0-p(R1,C1) has no parameter “Rx”; its parameters are R0, R1, C1" },
    { { "eis", "simulate", "--circuit", "R0-p(R1,C1)", "--param", "R0=5", "-o", "-", NULL }, 2,
      "R0-p(R1,C1) needs a value for every parameter; missing: R1, C1" },
    { { "eis", "simulate", "--circuit", "R1", "--param", "R1=abc", "-o", "-", NULL }, 2,
      "--param R1: “abc” is not a number" },
    { { "eis", "simulate", "--circuit", "R1", "--param", "R1=1,5", "-o", "-", NULL }, 2,
      "use '.' as the decimal separator" },
    { { "eis", "simulate", "--circuit", "R1", "--param", "R1=-5", "-o", "-", NULL }, 2,
      "--param R1: -5 is out of range; allowed: (0, 1e+300] Ohm" },
    { { "eis", "simulate", "--circuit", "R1", "--param", "R1=0", "-o", "-", NULL }, 2,
      "--param R1: 0 is out of range" },
    { { "eis", "simulate", "--circuit", "CPE1", "--param", "CPE1_0=1e-6", "--param",
        "CPE1.alpha=1.5", "-o", "-", NULL }, 2,
      "--param CPE1.alpha: 1.5 is out of range; allowed: (0, 1]" },
    { { "eis", "simulate", "--circuit", "R1", "--param", "R1=1", "--param", "R1=2", "-o", "-",
        NULL }, 2, "--param gives R1 twice" },
    { { "eis", "simulate", "--circuit", "R1", "--param", "R1", "-o", "-", NULL }, 2,
      "--param “R1” is not NAME=VALUE" },
    { { "eis", "simulate", "--preset", "nasicon", "-o", "-", NULL }, 2,
      "--preset: no preset “nasicon”; the presets are llzo, li6ps5cl, ysz" },
    { { "eis", "simulate", "--preset", "llzo", "--param", "R1=5", "-o", "-", NULL }, 2,
      "the preset model has no parameter “R1”; its parameters are r0_ohm, rb_ohm," },
    { { "eis", "simulate", "--preset", "llzo", "--param", "temperature_k=5000", "-o", "-",
        NULL }, 2, "--param temperature_k: 5000 is out of range; allowed: [150, 1300] K" },
    { { "eis", "simulate", "--circuit", "R1", "--param", "R1=1", "--f-min", "1e3", "--f-max",
        "10", "-o", "-", NULL }, 2, "--f-max (10 Hz) must be above --f-min (1000 Hz)" },
    { { "eis", "simulate", "--circuit", "R1", "--param", "R1=1", "--f-min", "0", "-o", "-",
        NULL }, 2, "--f-min: 0 is out of range" },
    { { "eis", "simulate", "--circuit", "R1", "--param", "R1=1", "--points-per-decade", "0.5",
        "-o", "-", NULL }, 2, "--points-per-decade: 0.5 is out of range; allowed: [1, 1000]" },
    { { "eis", "simulate", "--circuit", "R1", "--param", "R1=1", "-o", "-", "--json", NULL }, 2,
      "--json with -o - would mix" },
    { { "eis", "simulate", "--circuit", "R1", "--param", "R1=1", "--json=1", "-o", "x", NULL },
      2, "--json takes no value" },
    { { "eis", "simulate", "--circuit", "R1", "--param", "R1=1", "--bogus", "-o", "-", NULL },
      2, "--bogus" },
    { { "eis", "simulate", "--circuit", "R1", "--param", "R1=1", "-o", missing_dir, NULL }, 1,
      missing_dir },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_auto(Run) run = { 0 };

      run_cli (cases[i].args, &run);
      if (run.status != cases[i].status || strstr (run.err, cases[i].message) == NULL)
        g_error ("case %u: status %d (expected %d), stderr “%s” (expected “%s”)", i, run.status,
                 cases[i].status, run.err, cases[i].message);
      g_assert_cmpstr (run.out, ==, "");
      /* One line, starting with the command. */
      g_assert_true (g_str_has_prefix (run.err, "spinodal-cli eis simulate: "));
      g_assert_nonnull (strchr (run.err, '\n'));
      g_assert_cmpstr (strchr (run.err, '\n'), ==, "\n");
    }
  /* Nothing was left behind in the directory (not even a temporary). */
  g_assert_cmpuint (test_tmpdir_count (dir), ==, 0);
  test_tmpdir_remove (dir);
}

int
main (int    argc,
      char **argv)
{
  cli_runner_init (&argc, &argv);
  sp_gsl_init ();
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/cli/eis/dispatch", test_dispatch);
  g_test_add_func ("/cli/eis/simulate-circuit", test_simulate_circuit);
  g_test_add_func ("/cli/eis/simulate-stdout", test_simulate_stdout);
  g_test_add_func ("/cli/eis/simulate-preset", test_simulate_preset);
  g_test_add_func ("/cli/eis/simulate-reads-back", test_simulate_reads_back);
  g_test_add_func ("/cli/eis/simulate-bad", test_simulate_bad);

  return g_test_run ();
}
