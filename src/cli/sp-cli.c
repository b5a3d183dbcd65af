/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sp-cli.c — spinodal-cli: the command-line face of the Spinodal core */

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <stdio.h>
#include <string.h>

#include "sp-cli-commands.h"
#include "sp-cli-options.h"
#include "sp-gsl.h"
#include "sp-i18n.h"

typedef struct
{
  const char *name;
  int       (*run) (int argc, char **argv);
  const char *summary;
} Command;

static const Command commands[] = {
  { "analyze",  sp_cli_analyze,  N_("Equilibrium, spinodal, voltage and linear-stability analysis") },
  { "simulate", sp_cli_simulate, N_("Run a 2D Cahn–Hilliard simulation") },
  { "export",   sp_cli_export,   N_("Export a figure or its data as PNG, SVG, PDF or CSV") },
  { "presets",  sp_cli_presets,  N_("List the material presets") },
  { "bench",    sp_cli_bench,    N_("Time one full recompute of every plotted curve") },
  { "eis",      sp_cli_eis,      N_("Impedance spectroscopy: equivalent circuits and spectra") },
  { "arrhenius", sp_cli_arrhenius, N_("Activation energy from conductivities at several temperatures") },
  { "kmc",      sp_cli_kmc,      N_("Lattice Monte Carlo of hopping ions: D*, D_σ, Haven ratio, trajectories") },
  { "qens",     sp_cli_qens,     N_("Jump length, residence time and D from QENS linewidths or a trajectory") },
  { "msd",      sp_cli_msd,      N_("Diffusion coefficients with honest errors from an MD trajectory") },
  { "extrapolate", sp_cli_extrapolate, N_("A value at several box lengths extrapolated to infinite size") },
  { "rate-sweep", sp_cli_rate_sweep, N_("Fill and empty the driven particle at several C-rates: when does it stop splitting?") },
};

static void
print_usage (FILE *stream)
{
  fprintf (stream, "%s\n\n", _("Usage: spinodal-cli COMMAND [OPTION…]"));
  fprintf (stream, "%s\n", _("Commands:"));
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    fprintf (stream, "  %-11s  %s\n", commands[i].name, _(commands[i].summary));
  fprintf (stream, "\n%s\n", _("Run “spinodal-cli COMMAND --help” for the options of a command."));
  fprintf (stream, "\n%s\n",
           _("Examples:\n"
             "  spinodal-cli analyze --preset lifepo4\n"
             "  spinodal-cli analyze --omega 103.4 --temperature 300 --c0 0.2 --json\n"
             "  spinodal-cli simulate --preset lifepo4 --grid 128 --t-end 2000\n"
             "  spinodal-cli export --preset lifepo4 --figure free-energy -o free-energy.svg"));
}

int
main (int    argc,
      char **argv)
{
  /* Before any thread: GSL's statuses are checked, never its handler. */
  sp_gsl_init ();

  /* Locale and catalogue ($SPINODAL_LOCALEDIR overrides the installed one). */
  sp_i18n_init ();

  if (argc < 2)
    {
      print_usage (stderr);
      return SP_CLI_EXIT_USAGE;
    }

  if (strcmp (argv[1], "--help") == 0 || strcmp (argv[1], "-h") == 0 ||
      strcmp (argv[1], "help") == 0)
    {
      print_usage (stdout);
      return SP_CLI_EXIT_OK;
    }
  if (strcmp (argv[1], "--version") == 0)
    {
      printf ("spinodal-cli %s\n", PACKAGE_VERSION);
      return SP_CLI_EXIT_OK;
    }

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    if (strcmp (argv[1], commands[i].name) == 0)
      return commands[i].run (argc - 1, argv + 1);

  {
    g_autoptr(GString) names = g_string_new (NULL);

    for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
      g_string_append_printf (names, "%s%s", i > 0 ? ", " : "", commands[i].name);
    g_printerr (_("spinodal-cli: unknown command “%s”; allowed: %s\n"), argv[1], names->str);
  }
  return SP_CLI_EXIT_USAGE;
}
