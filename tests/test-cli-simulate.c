/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-cli-simulate.c — `spinodal-cli simulate --drive …`: the driven
 * trace's CSV and the drive flags' checks */

#include "config.h"

#include <math.h>
#include <string.h>

#include "cli-runner.h"
#include "sp-gsl.h"

typedef struct
{
  double t, c, v, i, f, contrast;
} Row;

/* The energy CSV from standard output, header checked. */
static GArray *
parse_trace (const char *out)
{
  g_auto(GStrv) lines = g_strsplit (out, "\n", -1);
  GArray *rows = g_array_new (FALSE, FALSE, sizeof (Row));

  g_assert_cmpstr (lines[0], ==, "time,mean_c,voltage_V,current,free_energy,contrast");
  for (guint k = 1; lines[k] != NULL && lines[k][0] != '\0'; k++)
    {
      g_auto(GStrv) cols = g_strsplit (lines[k], ",", -1);
      Row r;

      g_assert_cmpuint (g_strv_length (cols), ==, 6);
      r.t = g_ascii_strtod (cols[0], NULL);
      r.c = g_ascii_strtod (cols[1], NULL);
      r.v = g_ascii_strtod (cols[2], NULL);
      r.i = g_ascii_strtod (cols[3], NULL);
      r.f = g_ascii_strtod (cols[4], NULL);
      r.contrast = g_ascii_strtod (cols[5], NULL);
      g_array_append_val (rows, r);
    }
  return rows;
}

/* A galvanostatic discharge: a row per step, the current integrates to c̄,
 * the run ends on c_hi, and V falls overall. */
static void
test_galvanostatic_trace (void)
{
  const char *args[] = { "simulate", "--drive", "galvanostatic", "--c-rate", "20", "--c0", "0.02",
                         "--grid", "64", "--length", "32", "--energy-csv", "-", NULL };
  g_auto(Run) run = { 0 };
  g_autoptr(GArray) rows = NULL;
  double q = 0.0;
  const Row *first, *last;

  run_cli (args, &run);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_false (contains_nan_or_inf (run.out));
  g_assert_nonnull (strstr (run.err, "finished at a cut-off"));
  rows = parse_trace (run.out);
  g_assert_cmpuint (rows->len, >, 1000);
  for (guint k = 1; k < rows->len; k++)
    {
      const Row *a = &g_array_index (rows, Row, k - 1), *b = &g_array_index (rows, Row, k);

      /* The current of a row is that of the step that ended there. */
      q += b->i * (b->t - a->t);
      g_assert_cmpfloat (b->t, >, a->t);
      g_assert_cmpfloat (fabs (b->i - 20.0 / 3600.0), <=, 1e-9 * 20.0 / 3600.0);
      g_assert_cmpfloat (b->contrast, >=, 0.0);
    }
  first = &g_array_index (rows, Row, 0);
  last = &g_array_index (rows, Row, rows->len - 1);
  g_assert_cmpfloat (fabs (last->c - 0.99), <=, 1e-12);
  /* Printed to 10 significant digits: the integral to that. */
  g_assert_cmpfloat (fabs (q - (last->c - first->c)), <=, 1e-8);
  g_assert_cmpfloat (last->v, <, first->v);
}

/* Cycling: the current changes sign once, and c̄ comes back to c_lo. */
static void
test_cycle_trace (void)
{
  const char *args[] = { "simulate", "--drive", "cycle", "--c-rate", "50", "--c0", "0.3",
                         "--c-limits", "0.2,0.8", "--k0", "2", "--alpha", "0.4",
                         "--grid", "64", "--length", "32", "--energy-csv", "-", NULL };
  g_auto(Run) run = { 0 };
  g_autoptr(GArray) rows = NULL;
  guint flips = 0;

  run_cli (args, &run);
  g_assert_cmpint (run.status, ==, 0);
  rows = parse_trace (run.out);
  for (guint k = 2; k < rows->len; k++)
    if (g_array_index (rows, Row, k).i * g_array_index (rows, Row, k - 1).i < 0.0)
      flips++;
  g_assert_cmpuint (flips, ==, 1);
  g_assert_cmpfloat (fabs (g_array_index (rows, Row, rows->len - 1).c - 0.2), <=, 1e-12);
}

/* Potentiostatic runs to --t-end exactly, at the set voltage. */
static void
test_potentiostatic_trace (void)
{
  const char *args[] = { "simulate", "--drive", "potentiostatic", "--voltage", "3.3", "--c0", "0.1",
                         "--grid", "64", "--length", "32", "--t-end", "50", "--energy-csv", "-", NULL };
  g_auto(Run) run = { 0 };
  g_autoptr(GArray) rows = NULL;
  const Row *last;

  run_cli (args, &run);
  g_assert_cmpint (run.status, ==, 0);
  rows = parse_trace (run.out);
  last = &g_array_index (rows, Row, rows->len - 1);
  g_assert_cmpfloat (last->t, ==, 50.0);
  g_assert_cmpfloat (last->v, ==, 3.3);
  /* 100 mV below the plateau: it filled. */
  g_assert_cmpfloat (last->c, >, 0.9);
}

static void
test_usage (void)
{
  const char *no_drive[] = { "simulate", "--c-rate", "2", NULL };
  const char *no_voltage[] = { "simulate", "--drive", "potentiostatic", NULL };
  const char *bad_mode[] = { "simulate", "--drive", "galvano", NULL };
  const char *bad_alpha[] = { "simulate", "--drive", "cycle", "--alpha", "1", NULL };
  const char *bad_cutoff[] = { "simulate", "--drive", "cycle", "--v-cutoff", "3.5", NULL };
  const char *bad_order[] = { "simulate", "--drive", "cycle", "--v-cutoff", "4,3", NULL };
  const char *zero_rate[] = { "simulate", "--drive", "galvanostatic", "--c-rate", "0", NULL };
  const char *bad_k0[] = { "simulate", "--drive", "galvanostatic", "--k0", "-1", NULL };
  const char *pfhub[] = { "simulate", "--model", "pfhub1a", "--drive", "galvanostatic", NULL };

  run_cli_expect_usage (no_drive, "spinodal-cli simulate:", "need --drive");
  run_cli_expect_usage (no_voltage, "spinodal-cli simulate:", "--voltage");
  run_cli_expect_usage (bad_mode, "spinodal-cli simulate:", "galvano");
  run_cli_expect_usage (bad_alpha, "spinodal-cli simulate:", "--alpha");
  run_cli_expect_usage (bad_cutoff, "spinodal-cli simulate:", "LO,HI");
  run_cli_expect_usage (bad_order, "spinodal-cli simulate:", "LO < HI");
  run_cli_expect_usage (zero_rate, "spinodal-cli simulate:", "--c-rate");
  run_cli_expect_usage (bad_k0, "spinodal-cli simulate:", "--k0");
  run_cli_expect_usage (pfhub, "spinodal-cli simulate:", "PFHub");
}

int
main (int    argc,
      char **argv)
{
  cli_runner_init (&argc, &argv);
  sp_gsl_init ();
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/cli-simulate/galvanostatic", test_galvanostatic_trace);
  g_test_add_func ("/cli-simulate/cycle", test_cycle_trace);
  g_test_add_func ("/cli-simulate/potentiostatic", test_potentiostatic_trace);
  g_test_add_func ("/cli-simulate/usage", test_usage);
  return g_test_run ();
}
