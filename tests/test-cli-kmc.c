/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-cli-kmc.c — `spinodal-cli kmc`: one line of JSON whose dilute D*
 * agrees with Γa² within its standard error, the same seed giving the same
 * numbers, an extended XYZ trajectory the readers take back, the table,
 * and bad flags stopped with status 2 and a message naming them */

#include "config.h"

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <math.h>
#include <string.h>
#include <unistd.h>

#include "cli-runner.h"
#include "sp-gsl.h"
#include "sp-traj-read.h"

#define KB 8.617333262e-5

static JsonObject *
parse_json (const char *out,
            JsonParser *parser)
{
  g_autoptr(GError) error = NULL;

  g_assert_nonnull (strchr (out, '\n'));
  g_assert_cmpstr (strchr (out, '\n') + 1, ==, "");
  g_assert_false (contains_nan_or_inf (out));
  json_parser_load_from_data (parser, out, -1, &error);
  g_assert_no_error (error);
  return json_node_get_object (json_parser_get_root (parser));
}

static double
number (JsonObject *o,
        const char *key)
{
  g_assert_true (json_object_has_member (o, key));
  return json_object_get_double_member (o, key);
}

/* 20 carriers on 16³ sites: D* = Γa² within 4 standard errors (plus the
 * 1 % the other carriers take). */
static void
test_json_dilute (void)
{
  const char *args[] = { "kmc", "--size", "16", "--carrier-fraction", "0.005", "--barrier", "0.25",
                         "--temperature", "400", "--steps", "2000000", "--frames", "401",
                         "--seed", "5", "--json", NULL };
  g_auto(Run) run = { 0 };
  g_auto(Run) again = { 0 };
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(JsonParser) parser2 = json_parser_new ();
  JsonObject *o, *o2;
  double gamma = 1e13 * exp (-0.25 / (KB * 400.0));
  double expected = gamma * 2.5 * 2.5 * 1e-16, d, se;

  run_cli_ok (args, &run);
  o = parse_json (run.out, parser);
  g_assert_cmpint (json_object_get_int_member (o, "n_carriers"), ==, 20);
  g_assert_cmpint (json_object_get_int_member (o, "n_open_sites"), ==, 4096);
  g_assert_cmpint (json_object_get_int_member (o, "frames"), ==, 401);
  g_assert_true (json_object_get_boolean_member (o, "percolates"));
  g_assert_cmpstr (json_object_get_string_member (o, "percolating_axes"), ==, "xyz");
  g_assert_cmpstr (json_object_get_string_member (o, "seed"), ==, "5");
  g_assert_cmpstr (json_object_get_string_member (o, "blocking"), ==, "random");
  g_assert_cmpfloat_with_epsilon (number (o, "gamma_hz") / gamma, 1.0, 1e-9);
  /* One barrier given: isotropic. */
  g_assert_cmpfloat (number (o, "gamma_z_hz"), ==, number (o, "gamma_hz"));
  g_assert_cmpfloat_with_epsilon (number (o, "d_star_gamma_a2_cm2_s") / expected, 1.0, 1e-9);
  /* 20 carriers in (16 · 2.5 Å)³. */
  g_assert_cmpfloat_with_epsilon (number (o, "carrier_density_cm3") / (20.0 / 64000e-24), 1.0,
                                  1e-12);
  /* About the asked-for hops (the rate fluctuates a little). */
  g_assert_cmpfloat (fabs (number (o, "hops") / 2e6 - 1.0), <, 0.05);

  d = number (o, "d_star_cm2_s");
  se = number (o, "d_star_stderr_cm2_s");
  g_test_message ("D* = %.4g ± %.2g cm²/s, Γa² = %.4g", d, se, expected);
  g_assert_cmpfloat (se, >, 0.0);
  g_assert_cmpfloat (fabs (d - expected), <, 4.0 * se + 0.01 * expected);
  for (guint k = 0; k < 3; k++)
    {
      const char *keys[3] = { "d_star_xx_cm2_s", "d_star_yy_cm2_s", "d_star_zz_cm2_s" };
      const char *errs[3] = { "d_star_xx_stderr_cm2_s", "d_star_yy_stderr_cm2_s",
                              "d_star_zz_stderr_cm2_s" };

      g_assert_cmpfloat (fabs (number (o, keys[k]) - expected), <,
                         4.0 * number (o, errs[k]) + 0.01 * expected);
    }
  /* Dilute: no correlation between carriers, H_R ≈ 1 within its error. */
  g_assert_cmpfloat (fabs (number (o, "haven_ratio") - 1.0), <,
                     4.0 * number (o, "haven_ratio_stderr") + 0.02);
  /* σ = n e² D_σ/(k_B T). */
  g_assert_cmpfloat_with_epsilon (number (o, "sigma_s_cm") /
                                  (number (o, "carrier_density_cm3") * 1.602176634e-19 *
                                   number (o, "d_sigma_cm2_s") / (KB * 400.0)), 1.0, 1e-9);

  /* Same seed, same run. */
  run_cli_ok (args, &again);
  o2 = parse_json (again.out, parser2);
  g_assert_cmpfloat (number (o2, "d_star_cm2_s"), ==, d);
  g_assert_cmpfloat (number (o2, "d_sigma_cm2_s"), ==, number (o, "d_sigma_cm2_s"));
  g_assert_cmpfloat (number (o2, "kmc_time_s"), ==, number (o, "kmc_time_s"));
}

/* The trajectory written, read back by the extended XYZ reader. */
static void
test_trajectory_out (void)
{
  g_autofree char *dir = g_dir_make_tmp ("sp-cli-kmc-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "lgps.xyz", NULL);
  const char *args[] = { "kmc", "--size", "8", "--carrier-fraction", "0.25", "--barrier", "0.5",
                         "--barrier-z", "0.2", "--spacing", "3", "--steps", "20000",
                         "--frames", "21", "--trajectory-out", path, "--json", NULL };
  g_auto(Run) run = { 0 };
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(SpTrajectory) t = NULL;
  SpTrajReadOptions options;
  JsonObject *o;
  double dt_ps;

  run_cli_ok (args, &run);
  o = parse_json (run.out, parser);
  g_assert_cmpstr (json_object_get_string_member (o, "trajectory"), ==, path);
  /* Channels: D_zz far above D_xx. */
  g_assert_cmpfloat (number (o, "d_star_zz_cm2_s"), >, 100.0 * number (o, "d_star_xx_cm2_s"));
  dt_ps = number (o, "dt_ps");

  sp_traj_read_options_init (&options);
  options.species = "Li";
  options.timestep_fs = dt_ps * 1000.0;
  options.unwrap = SP_TRAJ_UNWRAP_NONE;
  options.remove_drift = FALSE;
  t = sp_traj_read_file (path, &options, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (t->n_frames, ==, 21);
  g_assert_cmpuint (t->n_ions, ==, 128);
  g_assert_cmpfloat_with_epsilon (t->cell[0], 24.0, 1e-12);
  g_assert_cmpfloat_with_epsilon (t->cell[8], 24.0, 1e-12);
  /* Every position a whole number of spacings. */
  for (gsize v = 0; v < (gsize) t->n_frames * t->n_ions * 3; v++)
    g_assert_cmpfloat (fabs (t->positions[v] / 3.0 - round (t->positions[v] / 3.0)), <, 1e-9);

  g_remove (path);
  g_rmdir (dir);
}

static void
test_text_and_help (void)
{
  const char *args[] = { "kmc", "--size", "6", "--blocked", "0.75", "--blocking", "clustered",
                         "--steps", "5000", NULL };
  const char *help[] = { "kmc", "--help", NULL };
  g_auto(Run) run = { 0 };
  g_auto(Run) h = { 0 };

  run_cli_ok (args, &run);
  g_assert_nonnull (strstr (run.out, "6 × 6 × 6"));
  g_assert_nonnull (strstr (run.out, "do not percolate"));
  g_assert_nonnull (strstr (run.out, "D_σ"));
  g_assert_nonnull (strstr (run.out, "Nernst–Einstein"));

  run_cli_ok (help, &h);
  for (guint i = 0; i < 5; i++)
    {
      const char *flags[] = { "--trajectory-out", "--steps", "--barrier-z", "--blocked", "--json" };

      g_assert_nonnull (strstr (h.out, flags[i]));
    }
}

static void
test_bad (void)
{
  const char *prefix = "spinodal-cli kmc: ";
  struct
  {
    const char *args[8];
    const char *fragment;
  } cases[] = {
    { { "kmc", "--size", "65", NULL }, "--size" },
    { { "kmc", "--size", "1", NULL }, "--size" },
    { { "kmc", "--carrier-fraction", "0", NULL }, "--carrier-fraction" },
    { { "kmc", "--carrier-fraction", "abc", NULL }, "--carrier-fraction" },
    { { "kmc", "--temperature", "-3", NULL }, "--temperature" },
    { { "kmc", "--blocked", "1", NULL }, "--blocked" },
    { { "kmc", "--blocking", "blobs", NULL }, "clustered" },
    { { "kmc", "--steps", "10", "--duration", "1e-6", NULL }, "not both" },
    { { "kmc", "--frames", "5", NULL }, "--frames" },
    { { "kmc", "--seed", "-1", NULL }, "--seed" },
    { { "kmc", "--bogus", NULL }, "--bogus" },
    { { "kmc", "--size", "2", "--carrier-fraction", "0.05", NULL }, "no carrier" },
    { { "kmc", "--size", "4", "--carrier-fraction", "1", NULL }, "--duration" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    run_cli_expect_usage (cases[i].args, prefix, cases[i].fragment);

  /* A file that cannot be written: status 1, the path named. */
  {
    const char *args[] = { "kmc", "--size", "4", "--steps", "100",
                           "--trajectory-out", "/nonexistent-dir/t.xyz", NULL };
    g_auto(Run) run = { 0 };

    run_cli (args, &run);
    g_assert_cmpint (run.status, ==, 1);
    g_assert_nonnull (strstr (run.err, "/nonexistent-dir"));
  }
}

int
main (int    argc,
      char **argv)
{
  sp_gsl_init ();
  cli_runner_init (&argc, &argv);
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/cli-kmc/json-dilute", test_json_dilute);
  g_test_add_func ("/cli-kmc/trajectory-out", test_trajectory_out);
  g_test_add_func ("/cli-kmc/text-help", test_text_and_help);
  g_test_add_func ("/cli-kmc/bad", test_bad);
  return g_test_run ();
}
