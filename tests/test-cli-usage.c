/* test-cli-usage.c — spinodal-cli's help, and every kind of bad input
 * rejected with exit status 2 and one clear line naming the flag and its
 * allowed range */

#include "config.h"

#include <string.h>

#include "cli-runner.h"
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
  const char *args[8];
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
