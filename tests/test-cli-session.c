/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-cli-session.c — `--session FILE` on every spinodal-cli subcommand:
 * the session's model is used, explicit flags override it, and a bad
 * session stops the command with status 2 and a message naming the file
 * and the field */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

#include "cli-runner.h"
#include "sp-gsl.h"

static char *
sample (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "data", name, NULL);
}

/* A scratch file holding @contents; the caller removes it. */
static char *
scratch (const char *contents)
{
  g_autoptr(GError) error = NULL;
  char *path = NULL;
  int fd = g_file_open_tmp ("sp-cli-session-XXXXXX.spinodal", &path, &error);

  g_assert_no_error (error);
  close (fd);
  g_assert_true (g_file_set_contents (path, contents, -1, NULL));
  return path;
}

/* The session file gives exactly the preset's analysis: same model, same
 * numbers, byte for byte. */
static void
test_analyze_matches_preset (void)
{
  g_autofree char *lfp = sample ("session-v1-lifepo4.spinodal");
  const char *with_session[] = { "analyze", "--json", "--session", lfp, NULL };
  const char *with_preset[] = { "analyze", "--json", "--preset", "lifepo4", NULL };
  g_auto(Run) a = { 0 };
  g_auto(Run) b = { 0 };

  run_cli (with_session, &a);
  run_cli (with_preset, &b);
  g_assert_cmpint (a.status, ==, 0);
  g_assert_cmpint (b.status, ==, 0);
  g_assert_cmpstr (a.err, ==, "");
  g_assert_cmpstr (a.out, ==, b.out);
  g_assert_nonnull (strstr (a.out, "115.8"));
}

/* Flags override the session, whichever order they come in. */
static void
test_flags_override (void)
{
  g_autofree char *lfp = sample ("session-v1-lifepo4.spinodal");
  const char *before[] = { "analyze", "--json", "--omega", "90", "--c0", "0.3", "--session", lfp, NULL };
  const char *after[] = { "analyze", "--json", "--session", lfp, "--omega", "90", "--c0", "0.3", NULL };
  const char *preset[] = { "analyze", "--json", "--preset", "lifepo4", "--omega", "90", "--c0", "0.3", NULL };
  const char *plain[] = { "analyze", "--json", "--session", lfp, NULL };
  g_auto(Run) a = { 0 };
  g_auto(Run) b = { 0 };
  g_auto(Run) c = { 0 };
  g_auto(Run) d = { 0 };

  run_cli (before, &a);
  run_cli (after, &b);
  run_cli (preset, &c);
  run_cli (plain, &d);
  g_assert_cmpint (a.status, ==, 0);
  g_assert_cmpint (b.status, ==, 0);
  g_assert_cmpstr (a.out, ==, c.out);
  g_assert_cmpstr (b.out, ==, c.out);
  g_assert_cmpstr (a.out, !=, d.out);
}

/* A session without a preset (custom Redlich–Kister model) gives the same
 * analysis as the same numbers given as flags. */
static void
test_custom_session_equals_flags (void)
{
  g_autofree char *rk = sample ("session-v1-custom-rk.spinodal");
  const char *with_session[] = { "analyze", "--json", "--session", rk, NULL };
  const char *with_flags[] = {
    "analyze", "--json", "--omega", "60", "--temperature", "280", "--s1", "1.5",
    "--stiffness", "5", "--kappa", "12.5", "--rk", "-20,35.5", "--d0", "2", "--v0", "0.2",
    "--c0", "0.3", "--mobility", "constant", NULL
  };
  g_auto(Run) a = { 0 };
  g_auto(Run) b = { 0 };

  run_cli (with_session, &a);
  run_cli (with_flags, &b);
  g_assert_cmpint (a.status, ==, 0);
  g_assert_cmpint (b.status, ==, 0);
  g_assert_cmpstr (a.out, ==, b.out);
}

/* A session's grid with a large prime factor is rounded up like --grid:
 * 127 (prime) runs as 128 would, with the note (issue 12). */
static void
test_simulate_session_grid_rounded_up (void)
{
  g_autofree char *odd = scratch ("{\"format\": \"spinodal-session\", \"version\": 1,"
                                  " \"preset\": \"lifepo4\","
                                  " \"simulation\": {\"grid\": 127, \"length\": 150,"
                                  " \"seed\": 3}}");
  const char *with_session[] = { "simulate", "--session", odd, "--t-end", "5", "--frames", "1", NULL };
  const char *with_flags[] = { "simulate", "--preset", "lifepo4", "--grid", "128", "--length",
                               "150", "--seed", "3", "--t-end", "5", "--frames", "1", NULL };
  g_auto(Run) a = { 0 };
  g_auto(Run) b = { 0 };
  g_auto(GStrv) la = NULL;
  g_auto(GStrv) lb = NULL;

  run_cli (with_session, &a);
  run_cli (with_flags, &b);
  g_assert_cmpint (g_remove (odd), ==, 0);
  g_assert_cmpint (a.status, ==, 0);
  g_assert_cmpint (b.status, ==, 0);
  g_assert_nonnull (strstr (a.err, "note: grid 127 has a prime factor above 7"));
  g_assert_nonnull (strstr (a.err, "using 128 instead"));
  la = g_strsplit (a.out, "\n", 2);
  lb = g_strsplit (b.out, "\n", 2);
  g_assert_nonnull (strstr (la[0], "F = "));
  g_assert_cmpstr (la[0], ==, lb[0]);
}

/* simulate takes the session's grid, box, noise and seed as its defaults:
 * the run equals the one with those values as flags, and a flag given
 * explicitly overrides the session. */
static void
test_simulate_uses_session_settings (void)
{
  g_autofree char *path = scratch ("{\"format\": \"spinodal-session\", \"version\": 1,"
                                   " \"preset\": \"lifepo4\", \"model\": {\"c0\": 0.45},"
                                   " \"simulation\": {\"grid\": 64, \"length\": 90,"
                                   " \"noise\": 0.02, \"seed\": 5}}");
  const char *with_session[] = { "simulate", "--session", path, "--t-end", "20", "--frames", "2", NULL };
  const char *with_flags[] = {
    "simulate", "--preset", "lifepo4", "--c0", "0.45", "--grid", "64", "--length", "90",
    "--noise", "0.02", "--seed", "5", "--t-end", "20", "--frames", "2", NULL
  };
  const char *override[] = { "simulate", "--session", path, "--seed", "6", "--t-end", "20",
                             "--frames", "2", NULL };
  g_auto(Run) a = { 0 };
  g_auto(Run) b = { 0 };
  g_auto(Run) c = { 0 };
  g_auto(GStrv) la = NULL;
  g_auto(GStrv) lb = NULL;
  g_auto(GStrv) lc = NULL;

  run_cli (with_session, &a);
  run_cli (with_flags, &b);
  run_cli (override, &c);
  g_assert_cmpint (g_remove (path), ==, 0);
  g_assert_cmpint (a.status, ==, 0);
  g_assert_cmpint (b.status, ==, 0);
  g_assert_cmpint (c.status, ==, 0);
  /* The first line holds the end state (the second the wall time). */
  la = g_strsplit (a.out, "\n", 2);
  lb = g_strsplit (b.out, "\n", 2);
  lc = g_strsplit (c.out, "\n", 2);
  g_assert_nonnull (strstr (la[0], "F = "));
  g_assert_cmpstr (la[0], ==, lb[0]);
  g_assert_cmpstr (la[0], !=, lc[0]);
}

typedef struct
{
  const char *name;
  const char *command;
  const char *contents;   /* NULL: a file that does not exist */
  const char *expect;
} BadSession;

#define HEAD "{\"format\": \"spinodal-session\", \"version\": 1, "

static const BadSession bad_sessions[] = {
  { "analyze-omega-string", "analyze", HEAD "\"model\": {\"omega\": \"abc\"}}",
    "session.model.omega: must be a number in [-1000, 1000] meV, got \"abc\"" },
  { "simulate-c0", "simulate", HEAD "\"model\": {\"c0\": 1.5}}", "session.model.c0" },
  { "bench-grid", "bench", HEAD "\"simulation\": {\"grid\": 5000}}", "session.simulation.grid" },
  { "export-kappa", "export", HEAD "\"model\": {\"kappa\": -1}}", "session.model.kappa" },
  { "analyze-newer", "analyze", "{\"format\": \"spinodal-session\", \"version\": 9}",
    "newer than this Spinodal reads" },
  { "analyze-truncated", "analyze", HEAD "\"model\": {", "not valid JSON" },
  { "analyze-garbage", "analyze", "\x89PNG\r\n\x1a\n\xff\xfe", "not UTF-8" },
  { "analyze-missing", "analyze", NULL, "/nonexistent-dir/none.spinodal" },
};

static void
test_bad_session (gconstpointer data)
{
  const BadSession *b = data;
  g_autofree char *path = b->contents != NULL ? scratch (b->contents)
                                              : g_strdup ("/nonexistent-dir/none.spinodal");
  const char *args[] = { b->command, "--session", path, NULL };
  g_auto(Run) run = { 0 };
  g_autofree char *prefix = g_strdup_printf ("spinodal-cli %s: --session", b->command);

  run_cli (args, &run);
  if (b->contents != NULL)
    g_assert_cmpint (g_remove (path), ==, 0);
  g_assert_cmpint (run.status, ==, 2);
  g_assert_cmpstr (run.out, ==, "");
  if (strstr (run.err, b->expect) == NULL || !g_str_has_prefix (run.err, prefix) ||
      strstr (run.err, path) == NULL)
    g_error ("stderr “%s” should start with “%s” and name “%s” and “%s”",
             run.err, prefix, path, b->expect);
  /* One line. */
  g_assert_cmpint (strchr (run.err, '\n') - run.err, ==, (int) strlen (run.err) - 1);
}

/* `presets` reads no parameters: --session is refused with the reason. */
static void
test_presets_refuses_session (void)
{
  g_autofree char *lfp = sample ("session-v1-lifepo4.spinodal");
  const char *args[] = { "presets", "--session", lfp, NULL };
  g_auto(Run) run = { 0 };

  run_cli (args, &run);
  g_assert_cmpint (run.status, ==, 2);
  g_assert_cmpstr (run.out, ==, "");
  g_assert_nonnull (strstr (run.err, "--session does not apply to “presets”"));
}

static void
test_help_lists_session (void)
{
  const char *args[] = { "analyze", "--help-model", NULL };
  g_auto(Run) run = { 0 };

  run_cli (args, &run);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "--session=FILE"));
}

int
main (int    argc,
      char **argv)
{
  cli_runner_init (&argc, &argv);
  sp_gsl_init ();
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/cli-session/analyze-matches-preset", test_analyze_matches_preset);
  g_test_add_func ("/cli-session/flags-override", test_flags_override);
  g_test_add_func ("/cli-session/custom-session-equals-flags", test_custom_session_equals_flags);
  g_test_add_func ("/cli-session/simulate-uses-session-settings", test_simulate_uses_session_settings);
  g_test_add_func ("/cli-session/simulate-session-grid-rounded-up",
                   test_simulate_session_grid_rounded_up);
  for (guint i = 0; i < G_N_ELEMENTS (bad_sessions); i++)
    {
      g_autofree char *path = g_strdup_printf ("/cli-session/bad/%s", bad_sessions[i].name);
      g_test_add_data_func (path, &bad_sessions[i], test_bad_session);
    }
  g_test_add_func ("/cli-session/presets-refuses-session", test_presets_refuses_session);
  g_test_add_func ("/cli-session/help-lists-session", test_help_lists_session);

  return g_test_run ();
}
