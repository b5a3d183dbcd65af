/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-cli-rate-sweep.c — `spinodal-cli rate-sweep`: its JSON fields, the
 * same seed giving the same numbers, the table, `export --figure
 * rate-sweep` as PNG and CSV, and bad flags stopped with status 2 and a
 * message naming them */

#include "config.h"

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <math.h>
#include <string.h>

#include "cli-runner.h"
#include "sp-gsl.h"

/* Two rates far above the critical one: a second or so. */
#define FAST "3000,10000"

/* Runs the CLI and fails unless it exits 0 with nothing on standard
 * error but its progress lines ("rate-sweep: 3000C (1 of 2), …", every
 * two seconds on a slow machine). */
static void
run_ok (const char *const *args,
        Run               *run)
{
  g_auto(GStrv) lines = NULL;

  run_cli (args, run);
  g_assert_cmpint (run->status, ==, 0);
  lines = g_strsplit (run->err, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    if (lines[i][0] != '\0' && !g_str_has_prefix (lines[i], "rate-sweep: ") &&
        !g_str_has_prefix (lines[i], "export: "))
      g_error ("unexpected message: %s", lines[i]);
}

static void
test_json (void)
{
  const char *args[] = { "rate-sweep", "--c-rates", FAST, "--json", NULL };
  g_auto(Run) run = { 0 };
  g_auto(Run) again = { 0 };
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonObject *o, *rate;
  JsonArray *rates;

  run_ok (args, &run);
  g_assert_false (contains_nan_or_inf (run.out));
  g_assert_true (json_parser_load_from_data (parser, run.out, -1, &error));
  g_assert_no_error (error);
  o = json_node_get_object (json_parser_get_root (parser));
  rates = json_object_get_array_member (o, "rates");
  g_assert_cmpuint (json_array_get_length (rates), ==, 2);
  for (guint i = 0; i < 2; i++)
    {
      const char *keys[] = { "c_rate", "contrast", "v_discharge_V", "v_charge_V", "voltage_gap_V",
                             "gain_e_folds", "seconds" };

      rate = json_array_get_object_element (rates, i);
      for (guint k = 0; k < G_N_ELEMENTS (keys); k++)
        g_assert_true (isfinite (json_object_get_double_member (rate, keys[k])));
      g_assert_false (json_object_get_boolean_member (rate, "separated"));
      g_assert_cmpint (json_object_get_int_member (rate, "steps"), >, 0);
      /* Charge above discharge. */
      g_assert_cmpfloat (json_object_get_double_member (rate, "voltage_gap_V"), >, 0.0);
    }
  g_assert_cmpfloat (json_object_get_double_member (json_array_get_object_element (rates, 0),
                                                    "c_rate"), ==, 3000.0);
  g_assert_true (json_node_is_null (json_object_get_member (o, "critical_c_rate")));
  g_assert_cmpstr (json_object_get_string_member (o, "critical"), ==, "below");
  g_assert_cmpfloat (json_object_get_double_member (o, "estimated_critical_c_rate"), >, 10.0);
  g_assert_cmpint (json_object_get_int_member (o, "grid"), ==, 64);

  /* The same seed: the same numbers (the timings aside). */
  run_ok (args, &again);
  {
    g_autoptr(JsonParser) p2 = json_parser_new ();
    JsonArray *r2;

    g_assert_true (json_parser_load_from_data (p2, again.out, -1, NULL));
    r2 = json_object_get_array_member (json_node_get_object (json_parser_get_root (p2)), "rates");
    for (guint i = 0; i < 2; i++)
      g_assert_cmpfloat (json_object_get_double_member (json_array_get_object_element (r2, i),
                                                        "contrast"), ==,
                         json_object_get_double_member (json_array_get_object_element (rates, i),
                                                        "contrast"));
  }
}

static void
test_table (void)
{
  const char *args[] = { "rate-sweep", "--c-rates", FAST, "--k0", "2", "--alpha", "0.4",
                         "--grid", "32", NULL };
  g_auto(Run) run = { 0 };

  run_ok (args, &run);
  g_assert_true (g_str_has_prefix (run.out, "C-rate (1/h)  contrast"));
  g_assert_nonnull (strstr (run.out, "Critical C-rate (runs): below 3000C"));
  g_assert_nonnull (strstr (run.out, "Critical C-rate (linear-stability estimate):"));
  g_assert_nonnull (strstr (run.out, "2 runs on 32 × 32"));
}

static void
test_export (void)
{
  g_autofree char *dir = g_dir_make_tmp ("sp-cli-rate-sweep-XXXXXX", NULL);
  g_autofree char *png = g_build_filename (dir, "sweep.png", NULL);
  g_autofree char *csv = g_build_filename (dir, "sweep.csv", NULL);
  const char *png_args[] = { "export", "--figure", "rate-sweep", "--c-rates", FAST, "-o", png, NULL };
  const char *csv_args[] = { "export", "--figure", "rate-sweep", "--c-rates", FAST, "-o", csv, NULL };
  g_auto(Run) run = { 0 };
  g_auto(Run) run2 = { 0 };
  g_autofree char *text = NULL;
  gsize len;

  run_ok (png_args, &run);
  g_assert_true (g_file_get_contents (png, &text, &len, NULL));
  g_assert_cmpuint (len, >, 1000);
  g_assert_true (memcmp (text, "\x89PNG", 4) == 0);
  g_clear_pointer (&text, g_free);

  run_ok (csv_args, &run2);
  g_assert_true (g_file_get_contents (csv, &text, NULL, NULL));
  g_assert_nonnull (strstr (text, "\nc_rate,contrast,voltage_gap_V,v_discharge_V,"
                                  "v_charge_V,gain_e_folds,separated\n3000,"));
  g_remove (png);
  g_remove (csv);
  g_rmdir (dir);
}

static void
test_bad_flags (void)
{
  const char *c_rates[] = { "rate-sweep", "--c-rates", "1,abc", NULL };
  const char *twice[] = { "rate-sweep", "--c-rates", "1,1", NULL };
  const char *k0[] = { "rate-sweep", "--k0", "-1", NULL };
  const char *alpha[] = { "rate-sweep", "--alpha", "1", NULL };
  const char *grid[] = { "rate-sweep", "--grid", "8", NULL };
  const char *noise[] = { "rate-sweep", "--noise", "0", NULL };
  const char *stray[] = { "rate-sweep", "extra", NULL };
  const char *export_flag[] = { "export", "--figure", "ocv", "--c-rates", "1", "-o", "x.png", NULL };

  run_cli_expect_usage (c_rates, "spinodal-cli rate-sweep: ", "“abc” is not a C-rate");
  run_cli_expect_usage (twice, "spinodal-cli rate-sweep: ", "given twice");
  run_cli_expect_usage (k0, "spinodal-cli rate-sweep: ", "--k0");
  run_cli_expect_usage (alpha, "spinodal-cli rate-sweep: ", "--alpha");
  run_cli_expect_usage (grid, "spinodal-cli rate-sweep: ", "--grid");
  run_cli_expect_usage (noise, "spinodal-cli rate-sweep: ", "--noise");
  run_cli_expect_usage (stray, "spinodal-cli rate-sweep: ", "extra");
  run_cli_expect_usage (export_flag, "spinodal-cli export: ", "rate-sweep figure only");
}

int
main (int    argc,
      char **argv)
{
  sp_gsl_init ();
  cli_runner_init (&argc, &argv);
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/cli-rate-sweep/json", test_json);
  g_test_add_func ("/cli-rate-sweep/table", test_table);
  g_test_add_func ("/cli-rate-sweep/export", test_export);
  g_test_add_func ("/cli-rate-sweep/bad-flags", test_bad_flags);
  return g_test_run ();
}
