/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fuzz-cli-args.c — libFuzzer harness: spinodal-cli's option parsing
 *
 * The input is split at NUL bytes (or newlines) into argv, then parsed with
 * the shared model options plus a few main entries like a subcommand's,
 * through sp_cli_parse_args (which never prints or exits: help is turned
 * off).  A parse either succeeds and the model it resolves to is in range,
 * or fails with a message.  A flag that takes no value never accepts one
 * ("--json=0" is refused, not read as --json).
 */

#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "sp-cli-options.h"
#include "sp-gsl.h"

/* A failed property aborts (SIGABRT) rather than trapping as g_error does
 * under G_DEBUG: libFuzzer saves the input only on the signals it handles. */
#undef g_error
#define g_error(...) (g_printerr (__VA_ARGS__), g_printerr ("\n"), abort ())

#define MAX_ARGS 64

int LLVMFuzzerInitialize (int *argc, char ***argv);
int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

/* libFuzzer's start-up hook (fuzz-replay.c calls it too). */
int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  sp_gsl_init ();
  return 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  SpCliModelOptions *opts;
  GOptionContext *context;
  GError *error = NULL;
  char *copy, **argv, **argv_owned;
  char *grid = NULL, *output = NULL;
  gboolean json = FALSE, json_with_value = FALSE;
  int argc = 1;
  const GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, "JSON", NULL },
    { "grid", 0, 0, G_OPTION_ARG_STRING, &grid, "grid", "N" },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, "output", "FILE" },
    { NULL }
  };

  /* argv[0] and up to MAX_ARGS arguments; the copy keeps them alive
   * whatever GOption does to the array. */
  copy = g_malloc (size + 1);
  memcpy (copy, data, size);
  copy[size] = '\0';
  argv_owned = g_new0 (char *, MAX_ARGS + 2);
  argv_owned[0] = (char *) "fuzz";
  for (size_t i = 0, start = 0; i <= size && argc <= MAX_ARGS; i++)
    if (i == size || copy[i] == '\0' || copy[i] == '\n')
      {
        copy[i] = '\0';
        if (i > start || i < size)
          argv_owned[argc++] = copy + start;
        start = i + 1;
      }
  argv = g_memdup2 (argv_owned, sizeof (char *) * (MAX_ARGS + 2));
  for (int i = 1; i < argc && strcmp (argv_owned[i], "--") != 0; i++)
    if (g_str_has_prefix (argv_owned[i], "--json="))
      json_with_value = TRUE;

  opts = sp_cli_model_options_new ();
  context = g_option_context_new (NULL);
  g_option_context_set_help_enabled (context, FALSE);
  g_option_context_add_main_entries (context, entries, NULL);
  g_option_context_add_group (context, sp_cli_model_options_group (opts));

  if (sp_cli_parse_args (context, "fuzz", &argc, &argv, &error))
    {
      SpModel model;

      if (json_with_value)
        g_error ("--json=VALUE was accepted");

      if (sp_cli_model_options_resolve (opts, &model, &error))
        {
          if (!sp_model_validate (&model, NULL))
            g_error ("a resolved model is out of range");
        }
      else if (error == NULL || error->message[0] == '\0')
        g_error ("resolve failed without a message");
    }
  else if (error == NULL || error->message[0] == '\0')
    g_error ("parse failed without a message");

  g_clear_error (&error);
  g_option_context_free (context);
  sp_cli_model_options_free (opts);
  g_free (grid);
  g_free (output);
  g_free (argv);
  g_free (argv_owned);
  g_free (copy);
  return 0;
}
