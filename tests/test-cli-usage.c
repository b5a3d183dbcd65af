/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-cli-usage.c — spinodal-cli's help, and every kind of bad input
 * rejected with exit status 2 and one clear line naming the flag and its
 * allowed range */

#include "config.h"

#include <string.h>

#include "cli-runner.h"
#include "sp-gsl.h"
#include "sp-model.h"

static void
test_help (void)
{
  const char *args[] = { "--help", NULL };
  const char *args_analyze[] = { "analyze", "--help", NULL };
  g_auto(Run) run = { 0 };
  g_auto(Run) run_analyze = { 0 };

  run_cli (args, &run);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "analyze"));
  g_assert_nonnull (strstr (run.out, "presets"));

  run_cli (args_analyze, &run_analyze);
  g_assert_cmpint (run_analyze.status, ==, 0);
  g_assert_nonnull (strstr (run_analyze.out, "--omega"));
  g_assert_nonnull (strstr (run_analyze.out, "--json"));

  /* The default t-end follows the model's time scale, and says so. */
  {
    const char *args_simulate[] = { "simulate", "--help", NULL };
    g_auto(Run) run_simulate = { 0 };

    run_cli (args_simulate, &run_simulate);
    g_assert_cmpint (run_simulate.status, ==, 0);
    g_assert_nonnull (strstr (run_simulate.out, "50/σ_max when c₀ is unstable"));
    g_assert_nonnull (strstr (run_simulate.out, "2 L²/D_chem(c₀)"));
  }
}

static void
test_no_command (void)
{
  const char *args[] = { NULL };
  g_auto(Run) run = { 0 };

  run_cli (args, &run);
  g_assert_cmpint (run.status, ==, 2);
  g_assert_cmpstr (run.out, ==, "");
  g_assert_nonnull (strstr (run.err, "analyze"));
}

/* ---- bad input ---------------------------------------------------------- */

typedef struct
{
  const char *name;
  const char *args[10];
  const char *must_name;   /* the flag (or word) the message must name */
  SpParamId   range;       /* whose range text must appear, or SP_N_PARAMS */
  const char *also;        /* a further required substring, or NULL */
} BadInput;

static const BadInput bad_inputs[] = {
  { "bogus-flag",        { "analyze", "--bogus", NULL },               "--bogus",       SP_N_PARAMS, NULL },
  { "omega-abc",         { "analyze", "--omega", "abc", NULL },        "--omega",       SP_PARAM_OMEGA, NULL },
  { "omega-nan",         { "analyze", "--omega", "nan", NULL },        "--omega",       SP_PARAM_OMEGA, NULL },
  { "omega-overflow",    { "analyze", "--omega", "1e400", NULL },      "--omega",       SP_PARAM_OMEGA, NULL },
  { "omega-trailing",    { "analyze", "--omega", "12meV", NULL },      "--omega",       SP_PARAM_OMEGA, NULL },
  { "omega-too-big",     { "analyze", "--omega", "1000.5", NULL },     "--omega",       SP_PARAM_OMEGA, NULL },
  { "temperature-zero",  { "analyze", "--temperature", "0", NULL },    "--temperature", SP_PARAM_TEMPERATURE, NULL },
  { "temperature-neg",   { "analyze", "--temperature", "-5", NULL },   "--temperature", SP_PARAM_TEMPERATURE, NULL },
  { "c0-one",            { "analyze", "--c0", "1", NULL },             "--c0",          SP_PARAM_C0, NULL },
  { "c0-zero",           { "analyze", "--c0", "0", NULL },             "--c0",          SP_PARAM_C0, NULL },
  { "c0-above",          { "analyze", "--c0", "1.5", NULL },           "--c0",          SP_PARAM_C0, NULL },
  { "kappa-zero",        { "analyze", "--kappa", "0", NULL },          "--kappa",       SP_PARAM_KAPPA, NULL },
  { "kappa-neg",         { "analyze", "--kappa", "-1", NULL },         "--kappa",       SP_PARAM_KAPPA, NULL },
  { "kappa-tiny",        { "analyze", "--kappa", "1e-300", NULL },     "--kappa",       SP_PARAM_KAPPA, NULL },
  { "rk-too-many",       { "analyze", "--rk", "1,2,3,4,5", NULL },     "--rk",          SP_N_PARAMS, "4" },
  { "rk-not-number",     { "analyze", "--rk", "1,x", NULL },           "--rk",          SP_PARAM_RK, "L2" },
  { "mobility-fast",     { "analyze", "--mobility", "fast", NULL },    "--mobility",    SP_N_PARAMS, "site-blocking" },
  { "preset-nosuch",     { "analyze", "--preset", "nosuch", NULL },    "--preset",      SP_N_PARAMS, "lifepo4, lto, textbook, solid-solution, two-plateau" },
  { "missing-value",     { "analyze", "--omega", NULL },               "--omega",       SP_N_PARAMS, NULL },
  { "unknown-command",   { "frobnicate", NULL },                       "frobnicate",    SP_N_PARAMS, "analyze" },
  { "stray-argument",    { "analyze", "extra", NULL },                 "extra",         SP_N_PARAMS, NULL },
  { "bench-runs-zero",   { "bench", "--runs", "0", NULL },             "--runs",        SP_N_PARAMS, "[1, 100000]" },
  { "bench-bad-value",   { "bench", "--c0", "2", NULL },               "--c0",          SP_PARAM_C0, NULL },
  /* Issue 11: numbers are plain decimal, the same for every flag. */
  { "omega-lead-space",  { "analyze", "--omega", " 103.4", NULL },     "--omega",       SP_PARAM_OMEGA, "spaces" },
  { "omega-trail-space", { "analyze", "--omega", "103.4 ", NULL },     "--omega",       SP_PARAM_OMEGA, "spaces" },
  { "omega-comma",       { "analyze", "--omega", "103,4", NULL },      "--omega",       SP_PARAM_OMEGA, "use '.' as the decimal separator (103.4)" },
  { "c0-comma",          { "simulate", "--c0", "0,3", NULL },          "--c0",          SP_PARAM_C0, "use '.'" },
  { "omega-hex",         { "analyze", "--omega", "0x40", NULL },       "--omega",       SP_PARAM_OMEGA, "not a number" },
  { "omega-hex-float",   { "analyze", "--omega", "0x1p4", NULL },      "--omega",       SP_PARAM_OMEGA, "not a number" },
  { "omega-infinity",    { "analyze", "--omega", "infinity", NULL },   "--omega",       SP_PARAM_OMEGA, "not a number" },
  { "json-value-0",      { "analyze", "--json=0", NULL },              "--json",        SP_N_PARAMS, "takes no value" },
  { "json-value-true",   { "analyze", "--json=true", NULL },           "--json",        SP_N_PARAMS, "takes no value" },
  { "caption-value",     { "export", "--caption=no", "-o", "x.png", NULL }, "--caption", SP_N_PARAMS, "takes no value" },
  { "grid-hex",          { "simulate", "--grid", "0x100", NULL },      "--grid",        SP_N_PARAMS, "decimal digits only" },
  { "grid-space",        { "simulate", "--grid", " 128", NULL },       "--grid",        SP_N_PARAMS, "[64, 1024]" },
  { "grid-exponent",     { "simulate", "--grid", "1e2", NULL },        "--grid",        SP_N_PARAMS, "decimal digits only" },
  { "seed-hex",          { "simulate", "--seed", "0x10", NULL },       "--seed",        SP_N_PARAMS, "decimal digits only" },
  { "seed-negative",     { "simulate", "--seed", "-1", NULL },         "--seed",        SP_N_PARAMS, "[0, 18446744073709551615]" },
  { "frames-fraction",   { "export", "--frames", "2.5", "-o", "x.png", NULL }, "--frames", SP_N_PARAMS, "[1, 100000]" },
  { "runs-hex",          { "bench", "--runs", "0x10", NULL },          "--runs",        SP_N_PARAMS, "decimal digits only" },
  { "pfhub-omega",       { "simulate", "--model", "pfhub1a", "--omega", "50", NULL }, "--omega", SP_N_PARAMS, "pfhub1a" },
  { "pfhub-preset",      { "simulate", "--model", "pfhub1a", "--preset", "lto", "--c0", "0.4", NULL }, "given: --c0, --preset", SP_N_PARAMS, "ignores" },
  { "format-mismatch",   { "export", "--format", "svg", "-o", "x.png", NULL }, "svg", SP_N_PARAMS, "“x.png” (a png file)" },
  { "stdout-no-format",  { "export", "-o", "-", NULL },                "-o -",          SP_N_PARAMS, "--format" },
  { "stdout-all-csv",    { "export", "--figure", "all", "--format", "csv", "-o", "-", NULL }, "-o -", SP_N_PARAMS, "one file per figure" },
  { "both-stdout",       { "simulate", "--energy-csv", "-", "--field-out", "-", NULL }, "--energy-csv", SP_N_PARAMS, "standard output" },
  /* Issue 12: the step tolerance, strictly inside (0, 0.5). */
  { "tolerance-zero",    { "simulate", "--tolerance", "0", NULL },     "--tolerance",   SP_N_PARAMS, "(0, 0.5)" },
  { "tolerance-half",    { "simulate", "--tolerance", "0.5", NULL },   "--tolerance",   SP_N_PARAMS, "(0, 0.5)" },
  { "tolerance-word",    { "simulate", "--tolerance", "fast", NULL },  "--tolerance",   SP_N_PARAMS, "not a number" },
  { "tolerance-comma",   { "simulate", "--tolerance", "0,01", NULL },  "--tolerance",   SP_N_PARAMS, "use '.'" },
  { "dt-max-tiny",       { "simulate", "--dt-max", "1e-300", NULL },   "--dt-max",      SP_N_PARAMS, "t-end" },
  { "dt-max-tiny-export",{ "export", "--figure", "field", "--dt-max", "1e-9", "--t-end", "100", "-o", "x.png", NULL }, "--dt-max", SP_N_PARAMS, "steps" },
};

static void
test_bad_input (gconstpointer data)
{
  const BadInput *bad = data;
  g_auto(Run) run = { 0 };
  const char *newline;

  run_cli (bad->args, &run);
  g_test_message ("stderr: %s", run.err);
  g_assert_cmpint (run.status, ==, 2);
  g_assert_cmpstr (run.out, ==, "");

  /* Exactly one line: non-empty, ending in the only newline. */
  newline = strchr (run.err, '\n');
  g_assert_nonnull (newline);
  g_assert_cmpuint (newline - run.err, >, 0);
  g_assert_cmpstr (newline + 1, ==, "");

  if (strstr (run.err, bad->must_name) == NULL)
    g_error ("message “%s” does not name “%s”", run.err, bad->must_name);
  if (bad->range != SP_N_PARAMS)
    {
      g_autofree char *allowed = sp_param_range_describe (sp_param_range (bad->range));

      if (strstr (run.err, allowed) == NULL)
        g_error ("message “%s” does not give the range “%s”", run.err, allowed);
    }
  if (bad->also != NULL && strstr (run.err, bad->also) == NULL)
    g_error ("message “%s” does not contain “%s”", run.err, bad->also);
}

int
main (int    argc,
      char **argv)
{
  cli_runner_init (&argc, &argv);
  sp_gsl_init ();
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/cli/help", test_help);
  g_test_add_func ("/cli/no-command", test_no_command);
  for (guint i = 0; i < G_N_ELEMENTS (bad_inputs); i++)
    {
      g_autofree char *path = g_strdup_printf ("/cli/usage/%s", bad_inputs[i].name);
      g_test_add_data_func (path, &bad_inputs[i], test_bad_input);
    }

  return g_test_run ();
}
