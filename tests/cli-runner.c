/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cli-runner.c — runs spinodal-cli as a user would, for the CLI tests */

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "cli-runner.h"

static char *cli_path;

void
run_clear (Run *run)
{
  g_clear_pointer (&run->out, g_free);
  g_clear_pointer (&run->err, g_free);
}

void
cli_runner_init (int    *argc,
                 char ***argv)
{
  char **v = *argv;

  if (*argc < 2 || v[1][0] == '-')
    {
      g_printerr ("usage: %s PATH-TO-spinodal-cli [GTEST-OPTION…]\n", v[0]);
      exit (1);
    }
  cli_path = g_strdup (v[1]);
  for (int i = 1; i < *argc; i++)
    v[i] = v[i + 1];
  (*argc)--;
}

void
run_cli (const char *const *args,
         Run               *run)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_auto(GStrv) envp = g_get_environ ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) wait_error = NULL;
  g_autoptr(GString) cmdline = g_string_new (cli_path);
  int wait_status = 0;

  g_ptr_array_add (argv, cli_path);
  for (guint i = 0; args[i] != NULL; i++)
    {
      g_ptr_array_add (argv, (char *) args[i]);
      g_string_append_printf (cmdline, " %s", args[i]);
    }
  g_ptr_array_add (argv, NULL);

  envp = g_environ_setenv (envp, "LANGUAGE", "", TRUE);
  envp = g_environ_setenv (envp, "LC_ALL", "C.UTF-8", TRUE);

  g_test_message ("running: %s", cmdline->str);
  if (!g_spawn_sync (NULL, (char **) argv->pdata, envp, G_SPAWN_DEFAULT, NULL, NULL,
                     &run->out, &run->err, &wait_status, &error))
    g_error ("could not run %s: %s", cli_path, error->message);

  if (g_spawn_check_wait_status (wait_status, &wait_error))
    run->status = 0;
  else if (wait_error->domain == G_SPAWN_EXIT_ERROR)
    run->status = wait_error->code;
  else
    g_error ("%s did not exit normally: %s", cmdline->str, wait_error->message);
}

void
run_cli_ok (const char *const *args,
            Run               *run)
{
  run_cli (args, run);
  if (run->status != 0)
    g_error ("status %d: %s", run->status, run->err);
  g_assert_cmpstr (run->err, ==, "");
}

void
run_cli_expect_usage (const char *const *args,
                      const char        *prefix,
                      const char        *fragment)
{
  g_auto(Run) run = { 0 };

  run_cli (args, &run);
  g_assert_cmpint (run.status, ==, 2);
  g_assert_cmpstr (run.out, ==, "");
  if (strstr (run.err, fragment) == NULL)
    g_error ("stderr “%s” lacks “%s”", run.err, fragment);
  g_assert_true (g_str_has_prefix (run.err, prefix));
}

gboolean
contains_nan_or_inf (const char *text)
{
  g_autofree char *lower = g_ascii_strdown (text, -1);

  return strstr (lower, "nan") != NULL || strstr (lower, "inf") != NULL;
}
