/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-cli-box.c — `simulate` on small grids: the default box is fitted to
 * the interfaces with a note on stderr, an explicit --length the grid cannot
 * resolve is refused up front with consistent numbers (issue 11); a grid
 * with a large prime factor is rounded up to a fast FFT size (issue 12) */

#include "config.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "cli-runner.h"
#include "sp-gsl.h"

static void
assert_runs (const char *const *args,
             Run               *run)
{
  run_cli (args, run);
  if (run->status != 0)
    g_error ("%s %s %s %s failed (%d): %s", args[0], args[1], args[2], args[3], run->status,
             run->err);
  g_assert_nonnull (strstr (run->out, "F = "));
  /* (Not contains_nan_or_inf: “λ_dominant” holds “nan”.)  The solid
   * solution has no λ*: only F, c̄ and L must be numbers. */
  g_assert_null (strstr (run->out, "F = nan"));
  g_assert_null (strstr (run->out, "F = inf"));
  g_assert_null (strstr (run->out, "L = nan"));
}

/* The note's numbers agree: Δx is the box over the grid, and the points per
 * interface are the width over Δx, at least the engine's four. */
static void
assert_note_consistent (const char *err,
                        guint       n)
{
  const char *note = strstr (err, "note: Box set to ");
  double box, asked, width, dx, points;

  g_assert_nonnull (note);
  g_assert_cmpint (sscanf (note, "note: Box set to %lf nm instead of %lf nm so that the %lf nm",
                           &box, &asked, &width), ==, 3);
  g_assert_cmpint (sscanf (strstr (note, "(Δx = "), "(Δx = %lf nm, %lf points", &dx, &points), ==, 2);
  g_assert_cmpfloat (box, <, asked);
  g_assert_cmpfloat (fabs (dx - box / n), <=, 0.05 * dx);
  g_assert_cmpfloat (points, >=, 4.0);
  g_assert_cmpfloat (fabs (points - width / dx), <=, 0.1 * points);
}

/* Every preset on 64² (issue 11: lifepo4, lto and textbook stopped with
 * the default box), and textbook on 128². */
static void
test_presets_small_grids (void)
{
  static const struct { const char *preset, *grid; gboolean fitted; } cases[] = {
    { "lifepo4", "64", TRUE }, { "lto", "64", TRUE }, { "textbook", "64", TRUE },
    { "solid-solution", "64", FALSE }, { "two-plateau", "64", TRUE },
    { "textbook", "128", TRUE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      const char *args[] = { "simulate", "--preset", cases[i].preset, "--grid", cases[i].grid, NULL };
      g_auto(Run) run = { 0 };

      assert_runs (args, &run);
      g_test_message ("%s --grid %s: %s", cases[i].preset, cases[i].grid, run.err);
      if (cases[i].fitted)
        assert_note_consistent (run.err, (guint) g_ascii_strtoull (cases[i].grid, NULL, 10));
      else
        g_assert_null (strstr (run.err, "note:"));
    }
}

/* An explicit box that cannot be resolved is refused before any step, with
 * a message whose numbers agree; the box it suggests then runs, silently. */
static void
test_explicit_box (void)
{
  const char *refused[] = { "simulate", "--preset", "lifepo4", "--grid", "64", "--length", "330", NULL };
  g_auto(Run) bad = { 0 };
  g_auto(Run) good = { 0 };
  g_autofree char *suggested = NULL;
  double box, dx, width, need, most;
  const char *at;

  run_cli (refused, &bad);
  g_assert_cmpint (bad.status, ==, 2);
  g_test_message ("%s", bad.err);
  g_assert_cmpstr (bad.out, ==, "");
  at = strstr (bad.err, "--length: a box of ");
  g_assert_nonnull (at);
  g_assert_cmpint (sscanf (at, "--length: a box of %lf nm on 64 points gives Δx = %lf nm, but the "
                           "interfaces are about %lf nm wide and need Δx ≤ %lf nm", &box, &dx,
                           &width, &need), ==, 4);
  g_assert_cmpfloat (box, ==, 330.0);
  g_assert_cmpfloat (fabs (dx - 330.0 / 64), <=, 0.01);
  g_assert_cmpfloat (dx, >, need);
  g_assert_cmpfloat (fabs (need - width / 4.0), <=, 0.01 * need);
  g_assert_cmpint (sscanf (strstr (bad.err, "use a box of at most "), "use a box of at most %lf",
                           &most), ==, 1);
  g_assert_cmpfloat (most / 64, <=, need * 1.001);

  suggested = g_strdup_printf ("%g", most);
  {
    const char *args[] = { "simulate", "--preset", "lifepo4", "--grid", "64", "--length",
                           suggested, "--t-end", "500", NULL };

    assert_runs (args, &good);
    g_assert_null (strstr (good.err, "note:"));
  }
}

/* --grid 67 (prime) runs as --grid 70 = 2·5·7, with a note naming both;
 * a size FFTW handles fast (64, 2²·3·5² = 300, 7³ = 343) runs as given. */
static void
test_grid_rounded_up (void)
{
  const char *odd[] = { "simulate", "--preset", "lifepo4", "--grid", "67", "--length", "90",
                        "--t-end", "20", "--frames", "2", NULL };
  const char *good[] = { "simulate", "--preset", "lifepo4", "--grid", "70", "--length", "90",
                         "--t-end", "20", "--frames", "2", NULL };
  static const char *fine[] = { "64", "300", "343" };
  g_auto(Run) a = { 0 };
  g_auto(Run) b = { 0 };
  g_auto(GStrv) la = NULL;
  g_auto(GStrv) lb = NULL;

  assert_runs (odd, &a);
  assert_runs (good, &b);
  g_assert_nonnull (strstr (a.err, "note: grid 67 has a prime factor above 7"));
  g_assert_nonnull (strstr (a.err, "using 70 instead"));
  g_assert_null (strstr (b.err, "prime factor"));
  /* The first line holds the end state (the second the wall time). */
  la = g_strsplit (a.out, "\n", 2);
  lb = g_strsplit (b.out, "\n", 2);
  g_assert_cmpstr (la[0], ==, lb[0]);

  for (guint i = 0; i < G_N_ELEMENTS (fine); i++)
    {
      const char *args[] = { "simulate", "--preset", "lifepo4", "--grid", fine[i], "--t-end",
                             "1", "--frames", "1", NULL };
      g_auto(Run) run = { 0 };

      assert_runs (args, &run);
      g_assert_null (strstr (run.err, "prime factor"));
    }
}

int
main (int    argc,
      char **argv)
{
  cli_runner_init (&argc, &argv);
  sp_gsl_init ();
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/cli/box/presets-small-grids", test_presets_small_grids);
  g_test_add_func ("/cli/box/grid-rounded-up", test_grid_rounded_up);
  g_test_add_func ("/cli/box/explicit-box", test_explicit_box);

  return g_test_run ();
}
