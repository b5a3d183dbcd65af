/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-cli-arrhenius.c — `spinodal-cli arrhenius`: the activation energy of
 * a table written here comes back to 1e-12 eV in one line of valid JSON;
 * °C columns are converted; bad flags and bad files stop it with status 2
 * and a message naming the file, the line and the problem */

#include "config.h"

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <math.h>
#include <string.h>
#include <unistd.h>

#include "cli-runner.h"
#include "sp-gsl.h"

#define KB 8.617333262e-5

/* A scratch file holding @contents; the caller removes it. */
static char *
scratch (const char *suffix,
         const char *contents)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *tmpl = g_strdup_printf ("sp-cli-arrhenius-XXXXXX%s", suffix);
  char *path = NULL;
  int fd = g_file_open_tmp (tmpl, &path, &error);

  g_assert_no_error (error);
  close (fd);
  g_assert_true (g_file_set_contents (path, contents, -1, NULL));
  return path;
}

/* σT = A exp(−E_a/k_BT) at 25 … 200 °C, written with all digits. */
static char *
exact_table (gboolean celsius,
             gboolean sigma_form)
{
  GString *text = g_string_new ("# LLZO pellet, sputtered Au\n");

  g_string_append (text, celsius ? "T (°C),sigma (S/cm)\n" : "T_K,sigma_S_per_cm\n");
  for (guint i = 0; i < 8; i++)
    {
      double t_c = 25 + 25 * i, t = t_c + 273.15;
      double s = 2.5e5 * exp (-0.38 / (KB * t)) / (sigma_form ? 1 : t);

      g_string_append_printf (text, "%.17g,%.17g\n", celsius ? t_c : t, s);
    }
  return g_string_free (text, FALSE);
}

static JsonObject *
parse_json (const char *out,
            JsonParser *parser)
{
  g_autoptr(GError) error = NULL;

  /* One line: the object and its newline. */
  g_assert_nonnull (strchr (out, '\n'));
  g_assert_cmpstr (strchr (out, '\n') + 1, ==, "");
  g_assert_false (contains_nan_or_inf (out));
  json_parser_load_from_data (parser, out, -1, &error);
  g_assert_no_error (error);
  return json_node_get_object (json_parser_get_root (parser));
}

static void
test_json_exact (void)
{
  for (int form = 0; form <= 1; form++)
    for (int celsius = 0; celsius <= 1; celsius++)
      {
        g_autofree char *table = exact_table (celsius, form == 1);
        g_autofree char *path = scratch (".csv", table);
        const char *args[] = { "arrhenius", "--data", path, "--form", form ? "sigma" : "sigma-t",
                               "--json", NULL };
        g_auto(Run) run = { 0 };
        g_autoptr(JsonParser) parser = json_parser_new ();
        JsonObject *o;
        JsonArray *points;

        run_cli (args, &run);
        g_remove (path);
        g_assert_cmpint (run.status, ==, 0);
        g_assert_cmpstr (run.err, ==, "");
        o = parse_json (run.out, parser);
        g_assert_cmpstr (json_object_get_string_member (o, "form"), ==, form ? "sigma" : "sigma-t");
        g_assert_cmpfloat (fabs (json_object_get_double_member (o, "ea_ev") - 0.38), <, 1e-12);
        g_assert_cmpfloat (json_object_get_double_member (o, "ea_stderr_ev"), <, 1e-12);
        g_assert_cmpfloat_with_epsilon (json_object_get_double_member (o, "prefactor") / 2.5e5, 1, 1e-10);
        g_assert_true (json_object_has_member (o, "prefactor_stderr"));
        g_assert_cmpstr (json_object_get_string_member (o, "prefactor_unit"), ==,
                         form ? "S/cm" : "S K/cm");
        g_assert_cmpfloat (fabs (json_object_get_double_member (o, "r_squared") - 1), <, 1e-12);
        g_assert_cmpint (json_object_get_int_member (o, "n_points"), ==, 8);
        g_assert_false (json_object_get_boolean_member (o, "weighted"));
        points = json_object_get_array_member (o, "points");
        g_assert_cmpuint (json_array_get_length (points), ==, 8);
        g_assert_cmpfloat_with_epsilon (
          json_object_get_double_member (json_array_get_object_element (points, 0), "temperature_k"),
          298.15, 1e-12);
      }
}

/* The uncertainties weigh the points; two points leave no standard error
 * (null in JSON, never NaN). */
static void
test_weighted_and_two_points (void)
{
  g_autofree char *weighted = scratch (".tsv", "T\tsigma\tsigma_err\n300\t1e-4\t5e-6\n350\t8e-4\t2e-5\n"
                                               "400\t3.5e-3\t1e-4\n450\t1.1e-2\t5e-4\n");
  g_autofree char *two = scratch (".csv", "300,1e-4\n400,3e-3\n");
  const char *args_w[] = { "arrhenius", "--data", weighted, "--json", NULL };
  const char *args_2[] = { "arrhenius", "--json", "--data", two, NULL };
  const char *args_text[] = { "arrhenius", "--data", two, NULL };
  g_auto(Run) w = { 0 };
  g_auto(Run) r2 = { 0 };
  g_auto(Run) text = { 0 };
  g_autoptr(JsonParser) p1 = json_parser_new ();
  g_autoptr(JsonParser) p2 = json_parser_new ();
  JsonObject *o;

  run_cli (args_w, &w);
  g_assert_cmpint (w.status, ==, 0);
  o = parse_json (w.out, p1);
  g_assert_true (json_object_get_boolean_member (o, "weighted"));
  g_assert_cmpfloat (json_object_get_double_member (o, "ea_stderr_ev"), >, 0);
  g_assert_true (json_object_has_member (json_array_get_object_element (
                   json_object_get_array_member (o, "points"), 0), "sigma_stderr_s_per_cm"));

  run_cli (args_2, &r2);
  g_assert_cmpint (r2.status, ==, 0);
  o = parse_json (r2.out, p2);
  /* ln(3e-3·400/(1e-4·300)) / (1/300 − 1/400) · k_B */
  g_assert_cmpfloat_with_epsilon (json_object_get_double_member (o, "ea_ev"),
                                  log (3e-3 * 400 / (1e-4 * 300)) / (1.0 / 300 - 1.0 / 400) * KB,
                                  1e-12);
  g_assert_true (json_node_is_null (json_object_get_member (o, "ea_stderr_ev")));
  g_assert_true (json_node_is_null (json_object_get_member (o, "ea_ci95_halfwidth_ev")));

  run_cli (args_text, &text);
  g_assert_cmpint (text.status, ==, 0);
  g_assert_nonnull (strstr (text.out, "E_a  = "));
  g_assert_nonnull (strstr (text.out, "two points: no standard error"));
  g_remove (weighted);
  g_remove (two);
}

static void
test_text (void)
{
  g_autofree char *table = exact_table (TRUE, FALSE);
  g_autofree char *path = scratch (".csv", table);
  const char *args[] = { "arrhenius", "--data", path, NULL };
  g_auto(Run) run = { 0 };

  run_cli (args, &run);
  g_remove (path);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "σT = A exp(−E_a/k_BT)"));
  g_assert_nonnull (strstr (run.out, "E_a  = 0.38 ± "));
  g_assert_nonnull (strstr (run.out, "(temperatures in °C, converted to K)"));
  g_assert_nonnull (strstr (run.out, "R²   = 1.000000"));
}

static void
test_help (void)
{
  const char *args[] = { "arrhenius", "--help", NULL };
  const char *top[] = { "--help", NULL };
  g_auto(Run) run = { 0 };
  g_auto(Run) run_top = { 0 };

  run_cli (args, &run);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "--data"));
  g_assert_nonnull (strstr (run.out, "--form"));
  g_assert_nonnull (strstr (run.out, "--json"));
  g_assert_nonnull (strstr (run.out, "°C"));
  run_cli (top, &run_top);
  g_assert_nonnull (strstr (run_top.out, "  arrhenius  "));
}

static void
test_bad (void)
{
  g_autofree char *letters = scratch (".csv", "T,sigma\n300,1e-4\n350,2e-4\n400,x\n");
  g_autofree char *same = scratch (".csv", "T,sigma\n300,1e-4\n300,2e-4\n");
  g_autofree char *columns = scratch (".csv", "temp,resistance\n300,1e4\n");
  g_autofree char *base_letters = g_path_get_basename (letters);
  g_autofree char *base_same = g_path_get_basename (same);
  g_autofree char *msg_letters = g_strdup_printf ("spinodal-cli arrhenius: %s, line 4: expected a "
                                                  "number in column “sigma”, found “x”\n", base_letters);
  g_autofree char *msg_same = g_strdup_printf ("spinodal-cli arrhenius: %s: every point is at the "
                                               "same temperature (300 K): no slope to fit\n", base_same);
  const struct { const char *args[8]; const char *message; } cases[] = {
    { { "arrhenius", NULL }, "spinodal-cli arrhenius: --data FILE is required\n" },
    { { "arrhenius", "--data", letters, "--form", "sigmaT", NULL },
      "spinodal-cli arrhenius: --form: “sigmaT” is not a form; allowed: sigma-t, sigma\n" },
    { { "arrhenius", "--data", "/nonexistent/llzo.csv", NULL }, NULL },
    { { "arrhenius", "--data", letters, NULL }, msg_letters },
    { { "arrhenius", "--data", same, "--json", NULL }, msg_same },
    { { "arrhenius", "--data", columns, NULL }, NULL },
    { { "arrhenius", "--data", letters, "stray", NULL }, NULL },
    { { "arrhenius", "--bogus", NULL }, NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_auto(Run) run = { 0 };

      run_cli (cases[i].args, &run);
      g_test_message ("case %u: %s", i, run.err);
      g_assert_cmpint (run.status, ==, 2);
      g_assert_cmpstr (run.out, ==, "");
      /* One line, naming the command. */
      g_assert_true (g_str_has_prefix (run.err, "spinodal-cli arrhenius: "));
      g_assert_cmpstr (strchr (run.err, '\n') + 1, ==, "");
      if (cases[i].message != NULL)
        g_assert_cmpstr (run.err, ==, cases[i].message);
    }
  {
    g_auto(Run) run = { 0 };
    const char *args[] = { "arrhenius", "--data", "/nonexistent/llzo.csv", NULL };

    run_cli (args, &run);
    g_assert_true (g_str_has_prefix (run.err, "spinodal-cli arrhenius: llzo.csv: cannot read it: "));
  }
  g_remove (letters);
  g_remove (same);
  g_remove (columns);
}

int
main (int    argc,
      char **argv)
{
  sp_gsl_init ();
  cli_runner_init (&argc, &argv);
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/cli-arrhenius/json-exact", test_json_exact);
  g_test_add_func ("/cli-arrhenius/weighted-two-points", test_weighted_and_two_points);
  g_test_add_func ("/cli-arrhenius/text", test_text);
  g_test_add_func ("/cli-arrhenius/help", test_help);
  g_test_add_func ("/cli-arrhenius/bad", test_bad);
  return g_test_run ();
}
