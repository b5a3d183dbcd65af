/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sp-cli-eis.c — `spinodal-cli eis SUBCOMMAND …`: the impedance tools
 *
 * One row per subcommand: each takes its own argv (argv[0] its name) and
 * returns the exit status; add a row and the function's declaration in
 * sp-cli-commands.h.  Its help and --help-all go into spinodal-cli(1)
 * (tools/gen-manpage.py reads the "Subcommands:" list printed here).
 */

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "sp-cli-commands.h"
#include "sp-cli-options.h"

typedef struct
{
  const char *name;
  int       (*run) (int argc, char **argv);
  const char *summary;
} EisCommand;

static const EisCommand eis_commands[] = {
  { "simulate", sp_cli_eis_simulate,
    N_("Write the impedance spectrum of a circuit or a ceramic preset as CSV") },
  { "kk",       sp_cli_eis_kk,
    N_("Kramers–Kronig check (Lin-KK) of a measured spectrum") },
  { "drt",      sp_cli_eis_drt,
    N_("Distribution of relaxation times of a measured spectrum, with its peaks") },
  { "fit", sp_cli_eis_fit,
    N_("Fit an equivalent circuit to a measured spectrum (values ± standard errors)") },
};

static char *
command_names (void)
{
  GString *names = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (eis_commands); i++)
    g_string_append_printf (names, "%s%s", i > 0 ? ", " : "", eis_commands[i].name);
  return g_string_free (names, FALSE);
}

/* The layout of GOption's help (usage, summary, then a list), so that the
 * manual page generator reads it like any other command's. */
static void
print_usage (FILE *stream)
{
  fprintf (stream, "%s\n  spinodal-cli eis %s\n\n", _("Usage:"), _("SUBCOMMAND [OPTION…]"));
  fprintf (stream, "%s\n\n",
           _("Impedance spectroscopy: equivalent circuits and their spectra."));
  fprintf (stream, "%s\n", _("Subcommands:"));
  for (guint i = 0; i < G_N_ELEMENTS (eis_commands); i++)
    fprintf (stream, "  %-10s %s\n", eis_commands[i].name, _(eis_commands[i].summary));
  fprintf (stream, "\n%s\n",
           _("Run “spinodal-cli eis SUBCOMMAND --help” for the options of a subcommand."));
}

int
sp_cli_eis (int    argc,
            char **argv)
{
  g_autofree char *names = NULL;

  if (argc < 2)
    {
      print_usage (stderr);
      return SP_CLI_EXIT_USAGE;
    }
  if (strcmp (argv[1], "--help") == 0 || strcmp (argv[1], "-h") == 0 ||
      strcmp (argv[1], "--help-all") == 0 || strcmp (argv[1], "help") == 0)
    {
      print_usage (stdout);
      return SP_CLI_EXIT_OK;
    }

  for (guint i = 0; i < G_N_ELEMENTS (eis_commands); i++)
    if (strcmp (argv[1], eis_commands[i].name) == 0)
      return eis_commands[i].run (argc - 1, argv + 1);

  names = command_names ();
  g_printerr (_("spinodal-cli eis: unknown subcommand “%s”; allowed: %s\n"), argv[1], names);
  return SP_CLI_EXIT_USAGE;
}
