/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-cli-qens.c — `spinodal-cli qens`: exact Chudley–Elliott linewidths
 * written here come back as l, τ and D in one line of JSON; a LAMMPS dump
 * of isotropic jumps (wrapped, with image flags and a framework) gives l
 * and τ; bad flags and bad files stop it with status 2 and a message
 * naming the file and the problem */

#include "config.h"

#include <glib/gstdio.h>
#include <gsl/gsl_randist.h>
#include <gsl/gsl_rng.h>
#include <json-glib/json-glib.h>
#include <math.h>
#include <string.h>
#include <unistd.h>

#include "cli-runner.h"
#include "sp-gsl.h"

#define HBAR 0.6582119569

static char *
scratch (const char *suffix,
         const char *contents)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *tmpl = g_strdup_printf ("sp-cli-qens-XXXXXX%s", suffix);
  char *path = NULL;
  int fd = g_file_open_tmp (tmpl, &path, &error);

  g_assert_no_error (error);
  close (fd);
  g_assert_true (g_file_set_contents (path, contents, -1, NULL));
  return path;
}

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
ce (double q, double l, double tau)
{
  return HBAR / tau * (1 - sin (q * l) / (q * l));
}

static void
test_table_json (void)
{
  g_autoptr(GString) text = g_string_new ("# Q (1/A)  Gamma (ueV)\n");
  g_autofree char *path = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *o;
  JsonArray *points;

  for (int i = 1; i <= 10; i++)
    g_string_append_printf (text, "%.17g %.17g\n", 0.2 * i, 1e3 * ce (0.2 * i, 2.8, 3.0));
  path = scratch (".dat", text->str);
  {
    const char *args[] = { "qens", "--data", path, "--json", NULL };
    g_auto(Run) run = { 0 };

    run_cli_ok (args, &run);
    o = parse_json (run.out, parser);
    g_assert_cmpstr (json_object_get_string_member (o, "source"), ==, "data");
    g_assert_cmpfloat_with_epsilon (json_object_get_double_member (o, "l_angstrom"), 2.8, 1e-7);
    g_assert_cmpfloat_with_epsilon (json_object_get_double_member (o, "tau_ps"), 3.0, 1e-7);
    g_assert_cmpfloat_with_epsilon (json_object_get_double_member (o, "d_cm2_s") / 1e-4,
                                    2.8 * 2.8 / 18, 1e-7);
    g_assert_true (json_object_has_member (o, "l_stderr_angstrom"));
    g_assert_true (json_object_has_member (o, "tau_stderr_ps"));
    g_assert_true (json_object_has_member (o, "d_stderr_cm2_s"));
    g_assert_cmpint (json_object_get_int_member (o, "n_points"), ==, 10);
    g_assert_false (json_object_get_boolean_member (o, "weighted"));
    points = json_object_get_array_member (o, "points");
    g_assert_cmpuint (json_array_get_length (points), ==, 10);
    /* µeV in the header: Γ in meV here. */
    g_assert_cmpfloat_with_epsilon (
      json_object_get_double_member (json_array_get_object_element (points, 0), "gamma_mev"),
      ce (0.2, 2.8, 3.0), 1e-12);
  }
  {
    const char *args[] = { "qens", "--data", path, NULL };
    g_auto(Run) run = { 0 };

    run_cli_ok (args, &run);
    g_assert_nonnull (strstr (run.out, "l   = 2.8 ± "));
    g_assert_nonnull (strstr (run.out, "τ   = 3 ± "));
    g_assert_nonnull (strstr (run.out, "ħDQ²"));
  }
  g_remove (path);
}

/* 150 Li ions jumping 2.5 Å in random directions every τ = 1.5 ps on
 * average, sampled every 100 fs, in a 12 Å box (wrapped, image flags), and
 * a framework of 20 static S atoms; ids shuffled in every frame. */
static char *
jump_dump (void)
{
  const guint n_li = 150, n_s = 20, n = n_li + n_s, frames = 300;
  const double box = 12, l = 2.5, tau = 1.5, dt = 0.1;
  g_autofree double *r = g_new0 (double, n * 3);
  g_autofree guint *order = g_new (guint, n);
  GString *text = g_string_new (NULL);
  gsl_rng *rng = gsl_rng_alloc (gsl_rng_mt19937);

  gsl_rng_set (rng, 11);
  for (guint i = 0; i < n * 3; i++)
    r[i] = gsl_rng_uniform (rng) * box;
  for (guint i = 0; i < n; i++)
    order[i] = i;
  for (guint f = 0; f < frames; f++)
    {
      if (f > 0)
        for (guint i = 0; i < n_li; i++)
          for (guint j = gsl_ran_poisson (rng, dt / tau); j > 0; j--)
            {
              double d[3];

              gsl_ran_dir_3d (rng, &d[0], &d[1], &d[2]);
              for (int k = 0; k < 3; k++)
                r[i * 3 + k] += l * d[k];
            }
      gsl_ran_shuffle (rng, order, n, sizeof (guint));
      g_string_append_printf (text, "ITEM: TIMESTEP\n%u\nITEM: NUMBER OF ATOMS\n%u\n"
                              "ITEM: BOX BOUNDS pp pp pp\n0 %g\n0 %g\n0 %g\n"
                              "ITEM: ATOMS id element x y z ix iy iz\n", f * 100, n, box, box, box);
      for (guint k = 0; k < n; k++)
        {
          guint i = order[k];
          double w[3];
          int img[3];

          for (int a = 0; a < 3; a++)
            {
              img[a] = (int) floor (r[i * 3 + a] / box);
              w[a] = r[i * 3 + a] - img[a] * box;
            }
          g_string_append_printf (text, "%u %s %.8f %.8f %.8f %d %d %d\n", i + 1,
                                  i < n_li ? "Li" : "S", w[0], w[1], w[2], img[0], img[1], img[2]);
        }
    }
  gsl_rng_free (rng);
  return g_string_free (text, FALSE);
}

static void
test_trajectory_json (void)
{
  g_autofree char *dump = jump_dump ();
  g_autofree char *path = scratch (".lammpstrj", dump);
  const char *args[] = { "qens", "--trajectory", path, "--species", "Li", "--timestep-fs", "100",
                         "--q", "0.4,0.8,1.2,1.6,2.0", "--max-lag-ps", "6", "--json", NULL };
  g_auto(Run) run = { 0 };
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *o;

  run_cli_ok (args, &run);
  g_remove (path);
  o = parse_json (run.out, parser);
  g_assert_cmpstr (json_object_get_string_member (o, "source"), ==, "trajectory");
  g_assert_cmpstr (json_object_get_string_member (o, "species"), ==, "Li");
  g_assert_cmpint (json_object_get_int_member (o, "n_ions"), ==, 150);
  g_assert_cmpint (json_object_get_int_member (o, "n_frames"), ==, 300);
  g_assert_cmpfloat_with_epsilon (json_object_get_double_member (o, "dt_ps"), 0.1, 1e-15);
  g_assert_cmpfloat_with_epsilon (json_object_get_double_member (o, "max_lag_ps"), 6.0, 1e-9);
  g_test_message ("l = %g ± %g Å, τ = %g ± %g ps",
                  json_object_get_double_member (o, "l_angstrom"),
                  json_object_get_double_member (o, "l_stderr_angstrom"),
                  json_object_get_double_member (o, "tau_ps"),
                  json_object_get_double_member (o, "tau_stderr_ps"));
  g_assert_cmpfloat (fabs (json_object_get_double_member (o, "l_angstrom") / 2.5 - 1), <, 0.1);
  g_assert_cmpfloat (fabs (json_object_get_double_member (o, "tau_ps") / 1.5 - 1), <, 0.1);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (o, "points")), ==, 5);
}

/* 50 ions in a large box taking Gaussian steps of 2.8 Å per axis every
 * frame: F_s(Q, k) = exp(−Q²s²k/2) falls below 0.1 within 3 frames for
 * Q ≥ 0.6 Å⁻¹, so of the default Q only 0.2 and 0.4 can be fitted. */
static char *
fast_walk_xyz (void)
{
  const guint n = 50, frames = 200;
  gsl_rng *rng = gsl_rng_alloc (gsl_rng_mt19937);
  g_autoptr(GString) text = g_string_new (NULL);
  g_autofree double *r = g_new0 (double, n * 3);
  char *path;

  gsl_rng_set (rng, 5);
  for (guint f = 0; f < frames; f++)
    {
      g_string_append_printf (text, "%u\nLattice=\"1000 0 0 0 1000 0 0 0 1000\" "
                              "Properties=species:S:1:pos:R:3\n", n);
      for (guint i = 0; i < n; i++)
        {
          g_string_append_printf (text, "Li %.6f %.6f %.6f\n", 500 + r[3 * i], 500 + r[3 * i + 1],
                                  500 + r[3 * i + 2]);
          for (guint a = 0; a < 3; a++)
            r[3 * i + a] += gsl_ran_gaussian (rng, 2.8);
        }
    }
  gsl_rng_free (rng);
  path = scratch (".xyz", text->str);
  return path;
}

static void
test_bad (void)
{
  g_autofree char *table = scratch (".csv", "0.4,0.1\n0.8,x\n1.2,0.3\n");
  g_autofree char *xyz = scratch (".xyz", "1\nLattice=\"5 0 0 0 5 0 0 0 5\"\nO 1 1 1\n");
  g_autofree char *base_table = g_path_get_basename (table);
  g_autofree char *msg_table = g_strdup_printf ("%s, line 2: expected Q, Γ", base_table);
  g_autofree char *fast = fast_walk_xyz ();
  const struct { const char *args[12]; const char *fragment; } cases[] = {
    { { "qens", NULL }, "give either --data FILE or --trajectory FILE" },
    /* Too few Q left after skipping: which were skipped, and why. */
    { { "qens", "--trajectory", fast, "--species", "Li", "--timestep-fs", "100", NULL },
      "needs at least 3 Γ(Q) points, found 2\nspinodal-cli qens: skipped Q = 0.6, 0.8, 1, 1.2, "
      "1.4, 1.6, 1.8, 2 Å⁻¹: F_s there decays within 3 frames (0.1 ps apart) or not at all; "
      "give smaller --q values, or frames closer together\n" },
    { { "qens", "--data", table, "--trajectory", xyz, NULL },
      "give either --data FILE or --trajectory FILE" },
    { { "qens", "--data", table, NULL }, msg_table },
    { { "qens", "--trajectory", xyz, "--timestep-fs", "1", NULL }, "--trajectory needs --species" },
    { { "qens", "--trajectory", xyz, "--species", "Li", NULL }, "--timestep-fs" },
    { { "qens", "--trajectory", xyz, "--species", "Li", "--timestep-fs", "-1", NULL },
      "--timestep-fs" },
    { { "qens", "--trajectory", xyz, "--species", "Li", "--timestep-fs", "1", "--q", "0.5,abc",
        NULL }, "--q: “abc” is not a positive number" },
    { { "qens", "--trajectory", xyz, "--species", "Li", "--timestep-fs", "1", "--format", "pdb",
        NULL }, "--format: “pdb” is not a format" },
    { { "qens", "--trajectory", xyz, "--species", "Li", "--timestep-fs", "1", NULL },
      "no atom of species “Li” in the first frame (species present: O)" },
    { { "qens", "--trajectory", "/nonexistent/md.xyz", "--species", "Li", "--timestep-fs", "1",
        NULL }, "md.xyz" },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    run_cli_expect_usage (cases[i].args, "spinodal-cli qens: ", cases[i].fragment);
  g_remove (table);
  g_remove (xyz);
  g_remove (fast);
}

static void
test_help (void)
{
  const char *args[] = { "qens", "--help", NULL };
  const char *top[] = { "--help", NULL };
  g_auto(Run) run = { 0 };
  g_auto(Run) run_top = { 0 };

  run_cli (args, &run);
  g_assert_cmpint (run.status, ==, 0);
  for (const char *const *flag = (const char *const[]) { "--data", "--trajectory", "--species",
                                                         "--timestep-fs", "--q", "--json", NULL };
       *flag != NULL; flag++)
    g_assert_nonnull (strstr (run.out, *flag));
  run_cli (top, &run_top);
  g_assert_nonnull (strstr (run_top.out, "  qens "));
}

int
main (int argc, char **argv)
{
  cli_runner_init (&argc, &argv);
  g_test_init (&argc, &argv, NULL);
  sp_gsl_init ();
  g_test_add_func ("/cli-qens/table-json", test_table_json);
  g_test_add_func ("/cli-qens/trajectory-json", test_trajectory_json);
  g_test_add_func ("/cli-qens/bad", test_bad);
  g_test_add_func ("/cli-qens/help", test_help);
  return g_test_run ();
}
