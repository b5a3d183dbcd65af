/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-cli-msd.c — `spinodal-cli msd` on a random walk the test writes:
 * the JSON numbers equal the library's on the same file, D* holds the
 * truth, σ is Nernst–Einstein's; the table; bad flags and files stop it
 * with status 2.  `spinodal-cli extrapolate` recovers an exact line. */

#include "config.h"

#include <glib/gstdio.h>
#include <gsl/gsl_randist.h>
#include <gsl/gsl_rng.h>
#include <json-glib/json-glib.h>
#include <math.h>
#include <string.h>
#include <unistd.h>

#include "cli-runner.h"
#include "sp-diffusion.h"
#include "sp-gsl.h"
#include "sp-msd.h"
#include "sp-traj-read.h"

#define D_TRUE_A2_PS 0.2

static char *
scratch_path (const char *suffix)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *tmpl = g_strdup_printf ("sp-cli-msd-XXXXXX%s", suffix);
  char *path = NULL;
  int fd = g_file_open_tmp (tmpl, &path, &error);

  g_assert_no_error (error);
  close (fd);
  return path;
}

/* 16 Li on a Gaussian random walk in a 20 Å cube, frames 50 fs apart. */
static char *
write_walk (void)
{
  g_autofree char *path = scratch_path (".xyz");
  g_autoptr (SpTrajectory) t = sp_trajectory_new (16, 3000);
  gsl_rng *rng = gsl_rng_alloc (gsl_rng_mt19937);
  double step = sqrt (2.0 * D_TRUE_A2_PS * 0.05);
  g_autoptr (GError) error = NULL;

  gsl_rng_set (rng, 17);
  t->dt_ps = 0.05;
  t->cell[0] = t->cell[4] = t->cell[8] = 20.0;
  sp_trajectory_set_species (t, "Li");
  for (guint i = 0; i < 16; i++)
    for (guint a = 0; a < 3; a++)
      sp_trajectory_position (t, 0, i)[a] = gsl_rng_uniform (rng) * 20.0;
  for (guint f = 1; f < 3000; f++)
    for (guint i = 0; i < 16; i++)
      for (guint a = 0; a < 3; a++)
        sp_trajectory_position (t, f, i)[a] = sp_trajectory_position (t, f - 1, i)[a]
                                              + gsl_ran_gaussian_ziggurat (rng, step);
  gsl_rng_free (rng);
  g_assert_true (sp_trajectory_write_xyz (t, path, &error));
  g_assert_no_error (error);
  return g_steal_pointer (&path);
}

static JsonObject *
parse_json (const char *out,
            JsonParser *parser)
{
  g_autoptr (GError) error = NULL;

  g_assert_nonnull (strchr (out, '\n'));
  g_assert_cmpstr (strchr (out, '\n') + 1, ==, "");
  g_assert_false (contains_nan_or_inf (out));
  json_parser_load_from_data (parser, out, -1, &error);
  g_assert_no_error (error);
  return json_node_get_object (json_parser_get_root (parser));
}

static void
assert_rel (double got,
            double want)
{
  if (!(fabs (got - want) <= 1e-12 * fabs (want)))
    g_error ("%.17g against %.17g", got, want);
}

static void
test_json (void)
{
  g_autofree char *path = write_walk ();
  const char *args[] = { "msd", "--trajectory", path, "--species", "Li", "--timestep-fs", "50",
                         "--temperature", "500", "--charge", "1", "--json", NULL };
  g_auto (Run) run = { 0 };
  g_autoptr (JsonParser) parser = json_parser_new ();
  g_autoptr (SpTrajectory) t = NULL;
  g_autoptr (SpMsd) msd = NULL;
  SpTrajReadOptions options;
  SpDiffusion d;
  JsonObject *o;
  double t0, t1, d_true = D_TRUE_A2_PS * 1e-4;

  run_cli_ok (args, &run);
  o = parse_json (run.out, parser);

  /* The library on the same file gives the same numbers. */
  sp_traj_read_options_init (&options);
  options.species = "Li";
  options.timestep_fs = 50;
  t = sp_traj_read_file (path, &options, NULL, NULL, NULL, NULL);
  g_assert_nonnull (t);
  t->temperature_k = 500;
  t->charge = 1;
  msd = sp_msd_compute (t, 0, NULL, NULL);
  g_assert_true (sp_diffusion_suggest_window (t, msd, &t0, &t1));
  g_assert_true (sp_diffusion_fit (t, msd, t0, t1, &d, NULL));

  g_assert_cmpint (json_object_get_int_member (o, "n_ions"), ==, 16);
  g_assert_cmpint (json_object_get_int_member (o, "n_frames"), ==, 3000);
  g_assert_true (json_object_get_boolean_member (o, "window_suggested"));
  assert_rel (json_object_get_double_member (o, "window_t0_ps"), d.t0_ps);
  assert_rel (json_object_get_double_member (o, "window_t1_ps"), d.t1_ps);
  assert_rel (json_object_get_double_member (o, "d_star_cm2_s"), d.d_star_cm2_s);
  assert_rel (json_object_get_double_member (o, "d_star_stderr_cm2_s"), d.d_star_stderr_cm2_s);
  assert_rel (json_object_get_double_member (o, "d_yy_cm2_s"), d.axis[1].d_cm2_s);
  assert_rel (json_object_get_double_member (o, "d_zz_stderr_cm2_s"), d.axis[2].d_stderr_cm2_s);
  assert_rel (json_object_get_double_member (o, "d_sigma_cm2_s"), d.d_sigma_cm2_s);
  assert_rel (json_object_get_double_member (o, "haven_ratio"), d.haven_ratio);
  assert_rel (json_object_get_double_member (o, "sigma_s_cm"),
              sp_nernst_einstein_s_cm (16 / 8e-21, 1.0, d.d_sigma_cm2_s, 500.0));
  g_assert_true (json_object_has_member (o, "sigma_stderr_s_cm"));
  g_assert_true (json_object_has_member (o, "d_xx_stderr_cm2_s"));
  g_assert_true (json_object_has_member (o, "haven_ratio_stderr"));
  g_assert_true (json_object_has_member (o, "d_sigma_stderr_cm2_s"));
  g_assert_cmpstr (json_object_get_string_member (o, "trusted"), ==, "gls");
  g_assert_true (g_str_has_prefix (json_object_get_string_member (o, "trust_reason"),
                                   "GLS is trusted"));
  g_assert_true (json_object_has_member (json_object_get_object_member (o, "block_averaging"),
                                         "d_stderr_cm2_s"));
  g_assert_true (json_object_has_member (json_object_get_object_member (o, "green_kubo"),
                                         "cutoff_ps"));

  /* The truth, within the trusted error. */
  g_assert_cmpfloat (fabs (d.d_star_cm2_s - d_true), <, 4 * d.d_star_stderr_cm2_s);
  g_assert_cmpfloat (fabs (d.haven_ratio - 1.0), <, 4 * d.haven_ratio_stderr);
  g_unlink (path);
}

static void
test_window_and_table (void)
{
  g_autofree char *path = write_walk ();
  const char *json_args[] = { "msd", "--trajectory", path, "--species", "Li", "--timestep-fs",
                              "50", "--window", "0.5,20", "--json", NULL };
  const char *table_args[] = { "msd", "--trajectory", path, "--species", "Li", "--timestep-fs",
                               "50", NULL };
  g_auto (Run) run = { 0 };
  g_auto (Run) table = { 0 };
  g_autoptr (JsonParser) parser = json_parser_new ();
  JsonObject *o;

  run_cli_ok (json_args, &run);
  o = parse_json (run.out, parser);
  g_assert_false (json_object_get_boolean_member (o, "window_suggested"));
  g_assert_cmpfloat (json_object_get_double_member (o, "window_t0_ps"), ==, 0.5);
  g_assert_cmpfloat (json_object_get_double_member (o, "window_t1_ps"), ==, 20.0);
  /* No temperature or charge: no σ. */
  g_assert_false (json_object_has_member (o, "sigma_s_cm"));

  run_cli_ok (table_args, &table);
  g_assert_nonnull (strstr (table.out, "D*        = "));
  g_assert_nonnull (strstr (table.out, "D_zz"));
  g_assert_nonnull (strstr (table.out, "H_R"));
  g_assert_nonnull (strstr (table.out, "bare least squares"));
  g_assert_nonnull (strstr (table.out, "GLS is trusted"));
  g_assert_nonnull (strstr (table.out, "(suggested: log–log slope near 1, then the MSD a straight line)"));
  g_unlink (path);
}

static void
test_bad_input (void)
{
  g_autofree char *path = write_walk ();
  const char *no_traj[] = { "msd", "--species", "Li", NULL };
  const char *no_species[] = { "msd", "--trajectory", path, "--timestep-fs", "50", NULL };
  const char *no_step[] = { "msd", "--trajectory", path, "--species", "Li", NULL };
  const char *one_number[] = { "msd", "--trajectory", path, "--species", "Li",
                               "--timestep-fs", "50", "--window", "5", NULL };
  const char *reversed[] = { "msd", "--trajectory", path, "--species", "Li",
                             "--timestep-fs", "50", "--window", "5,2", NULL };
  const char *outside[] = { "msd", "--trajectory", path, "--species", "Li",
                            "--timestep-fs", "50", "--window", "5,500", NULL };
  const char *zero_charge[] = { "msd", "--trajectory", path, "--species", "Li",
                                "--timestep-fs", "50", "--charge", "0", NULL };
  const char *cold[] = { "msd", "--trajectory", path, "--species", "Li",
                         "--timestep-fs", "50", "--temperature", "-3", NULL };
  const char *missing[] = { "msd", "--trajectory", "/nonexistent/md.xyz", "--species", "Li",
                            "--timestep-fs", "50", NULL };
  const char *no_li[] = { "msd", "--trajectory", path, "--species", "Na",
                          "--timestep-fs", "50", NULL };
  const char *format[] = { "msd", "--trajectory", path, "--species", "Li",
                           "--timestep-fs", "50", "--format", "pdb", NULL };
  const char *unwrap[] = { "msd", "--trajectory", path, "--species", "Li",
                           "--timestep-fs", "50", "--unwrap", "sometimes", NULL };
  const char *two_lengths[] = { "msd", "--trajectory", path, "--species", "Li",
                                "--timestep-fs", "50", "--cell", "20,20", NULL };
  const char *negative[] = { "msd", "--trajectory", path, "--species", "Li",
                             "--timestep-fs", "50", "--cell", "20,-20,20", NULL };
  const char *stride[] = { "msd", "--trajectory", path, "--species", "Li",
                           "--timestep-fs", "50", "--stride", "0", NULL };
  /* Cell vectors have zero components: 9 numbers need not be positive. */
  const char *vectors[] = { "msd", "--trajectory", path, "--species", "Li", "--timestep-fs", "50",
                            "--cell", "20,0,0,0,20,0,0,0,20", "--json", NULL };
  g_auto (Run) run = { 0 };

  run_cli_expect_usage (unwrap, "spinodal-cli msd: ", "“sometimes” is not a method");
  run_cli_expect_usage (two_lengths, "spinodal-cli msd: ", "give 3 lengths (a,b,c) or 9 numbers");
  run_cli_expect_usage (negative, "spinodal-cli msd: ", "“-20” is not a positive number");
  run_cli_expect_usage (stride, "spinodal-cli msd: ", "--stride must be at least 1");
  run_cli_ok (vectors, &run);
  run_cli_expect_usage (no_traj, "spinodal-cli msd: ", "--trajectory FILE");
  run_cli_expect_usage (no_species, "spinodal-cli msd: ", "--species");
  run_cli_expect_usage (no_step, "spinodal-cli msd: ", "--timestep-fs");
  run_cli_expect_usage (one_number, "spinodal-cli msd: ", "expected 2 to 2");
  run_cli_expect_usage (reversed, "spinodal-cli msd: ", "later than T0");
  run_cli_expect_usage (outside, "spinodal-cli msd: ", "must lie inside");
  run_cli_expect_usage (zero_charge, "spinodal-cli msd: ", "--charge");
  run_cli_expect_usage (cold, "spinodal-cli msd: ", "--temperature");
  run_cli_expect_usage (missing, "spinodal-cli msd: ", "md.xyz");
  run_cli_expect_usage (no_li, "spinodal-cli msd: ", "Na");
  run_cli_expect_usage (format, "spinodal-cli msd: ", "pdb");
  g_unlink (path);
}

/* E(L) = 0.42 + 1.3/L eV exactly, with and without errors. */
static void
test_extrapolate (void)
{
  g_autofree char *path = scratch_path (".csv");
  g_autofree char *bad = scratch_path (".csv");
  GString *text = g_string_new ("# NEB barrier against supercell edge\nL (Å),E (eV),error\n");
  const char *args[] = { "extrapolate", "--data", path, "--json", NULL };
  const char *table_args[] = { "extrapolate", "--data", path, NULL };
  const char *bad_args[] = { "extrapolate", "--data", bad, NULL };
  const char *no_data[] = { "extrapolate", NULL };
  g_auto (Run) run = { 0 };
  g_auto (Run) table = { 0 };
  g_autoptr (JsonParser) parser = json_parser_new ();
  g_autofree char *bad_fragment = NULL;
  JsonObject *o;

  for (guint i = 0; i < 5; i++)
    {
      double l = 8.0 + 4.0 * i;

      g_string_append_printf (text, "%.17g,%.17g,%.17g\n", l, 0.42 + 1.3 / l, 0.01 + 0.002 * i);
    }
  g_assert_true (g_file_set_contents (path, text->str, -1, NULL));
  g_string_free (text, TRUE);
  g_assert_true (g_file_set_contents (bad, "L,E\n8,0.5\n12,oops\n", -1, NULL));

  run_cli_ok (args, &run);
  o = parse_json (run.out, parser);
  g_assert_cmpfloat (fabs (json_object_get_double_member (o, "extrapolated_value") - 0.42), <, 1e-10);
  g_assert_cmpfloat (fabs (json_object_get_double_member (o, "slope") - 1.3), <, 1e-10);
  g_assert_true (json_object_get_boolean_member (o, "weighted"));
  g_assert_cmpfloat (json_object_get_double_member (o, "extrapolated_value_stderr"), >, 0.0);
  g_assert_cmpint (json_object_get_int_member (o, "n_points"), ==, 5);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (o, "points")), ==, 5);

  run_cli_ok (table_args, &table);
  g_assert_nonnull (strstr (table.out, "y∞ = 0.42"));

  bad_fragment = g_strdup_printf ("%s, line 3", strrchr (bad, '/') + 1);
  run_cli_expect_usage (bad_args, "spinodal-cli extrapolate: ", bad_fragment);
  run_cli_expect_usage (no_data, "spinodal-cli extrapolate: ", "--data FILE");
  g_unlink (path);
  g_unlink (bad);
}

int
main (int argc, char **argv)
{
  cli_runner_init (&argc, &argv);
  g_test_init (&argc, &argv, NULL);
  sp_gsl_init ();
  g_test_add_func ("/cli-msd/json", test_json);
  g_test_add_func ("/cli-msd/window-and-table", test_window_and_table);
  g_test_add_func ("/cli-msd/bad-input", test_bad_input);
  g_test_add_func ("/cli-msd/extrapolate", test_extrapolate);
  return g_test_run ();
}
