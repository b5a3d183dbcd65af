/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sp-cli-traj-options.c — see the header */

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "sp-cli-traj-options.h"

void
sp_cli_traj_options_add (SpCliTrajOptions *opts,
                         GOptionContext   *context)
{
  const GOptionEntry entries[] = {
    { "trajectory", 0, 0, G_OPTION_ARG_FILENAME, &opts->path,
      N_("MD trajectory (extended XYZ, LAMMPS dump, XDATCAR; may be gzipped)"), N_("FILE") },
    { "species", 0, 0, G_OPTION_ARG_STRING, &opts->species,
      N_("Mobile species: an element (Li) or a LAMMPS type (2)"), N_("NAME") },
    { "timestep-fs", 0, 0, G_OPTION_ARG_DOUBLE, &opts->timestep_fs,
      N_("Time between consecutive frames of the file, in fs"), N_("FS") },
    { "stride", 0, 0, G_OPTION_ARG_INT, &opts->stride,
      N_("Keep every N-th frame (default 1)"), N_("N") },
    { "format", 0, 0, G_OPTION_ARG_STRING, &opts->format,
      N_("Trajectory format: auto (default), xyz, lammps or xdatcar"), N_("FORMAT") },
    { "unwrap", 0, 0, G_OPTION_ARG_STRING, &opts->unwrap,
      N_("auto (image flags when present, default), minimum-image or none"), N_("METHOD") },
    { "cell", 0, 0, G_OPTION_ARG_STRING, &opts->cell,
      N_("Cell for a plain XYZ file: a,b,c (orthorhombic) or 9 numbers, Å"), N_("LIST") },
    { NULL }
  };

  memset (opts, 0, sizeof *opts);
  opts->stride = 1;
  /* The group copies the entries; their targets are @opts' fields. */
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
}

/* --cell: 3 lengths (an orthorhombic cell) or the 9 numbers of the cell
 * vectors, each positive for the lengths and finite for the vectors. */
static gboolean
parse_cell (const char *command,
            const char *text,
            double      cell[9])
{
  g_auto(GStrv) parts = g_strsplit (text, ",", -1);
  guint n = g_strv_length (parts);
  double v[9];

  if (n != 3 && n != 9)
    {
      g_printerr ("%s: %s\n", command,
                  _("--cell: give 3 lengths (a,b,c) or 9 numbers (the cell vectors)"));
      return FALSE;
    }
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *field = g_strstrip (g_strdup (parts[i]));
      char *end = NULL;

      v[i] = g_ascii_strtod (field, &end);
      if (*field == '\0' || *end != '\0' || !isfinite (v[i]) || (n == 3 && !(v[i] > 0)))
        {
          g_printerr (_("%s: %s: “%s” is not a positive number\n"), command, "--cell", parts[i]);
          return FALSE;
        }
    }
  memset (cell, 0, 9 * sizeof *cell);
  if (n == 3)
    for (guint k = 0; k < 3; k++)
      cell[4 * k] = v[k];
  else
    memcpy (cell, v, sizeof v);
  return TRUE;
}

gboolean
sp_cli_traj_options_resolve (SpCliTrajOptions  *opts,
                             const char        *command,
                             SpTrajReadOptions *options)
{
  sp_traj_read_options_init (options);
  if (opts->species == NULL)
    {
      g_printerr ("%s: %s\n", command, _("--trajectory needs --species (e.g. Li)"));
      return FALSE;
    }
  if (!(opts->timestep_fs > 0) || !isfinite (opts->timestep_fs))
    {
      g_printerr ("%s: %s\n", command,
                  _("--trajectory needs --timestep-fs, the time between frames (> 0 fs)"));
      return FALSE;
    }
  if (opts->stride < 1)
    {
      g_printerr ("%s: %s\n", command, _("--stride must be at least 1"));
      return FALSE;
    }
  if (opts->format != NULL && !sp_traj_format_from_string (opts->format, &options->format))
    {
      g_printerr (_("%s: --format: “%s” is not a format; allowed: auto, xyz, lammps, xdatcar\n"),
                  command, opts->format);
      return FALSE;
    }
  if (opts->unwrap != NULL)
    {
      if (strcmp (opts->unwrap, "auto") == 0)
        options->unwrap = SP_TRAJ_UNWRAP_AUTO;
      else if (strcmp (opts->unwrap, "minimum-image") == 0)
        options->unwrap = SP_TRAJ_UNWRAP_MINIMUM_IMAGE;
      else if (strcmp (opts->unwrap, "none") == 0)
        options->unwrap = SP_TRAJ_UNWRAP_NONE;
      else
        {
          g_printerr (_("%s: --unwrap: “%s” is not a method; allowed: auto, minimum-image, none\n"),
                      command, opts->unwrap);
          return FALSE;
        }
    }
  if (opts->cell != NULL)
    {
      if (!parse_cell (command, opts->cell, options->cell))
        return FALSE;
      options->has_cell = TRUE;
    }
  options->species = opts->species;
  options->timestep_fs = opts->timestep_fs;
  options->stride = (guint) opts->stride;
  return TRUE;
}

void
sp_cli_traj_options_clear (SpCliTrajOptions *opts)
{
  g_clear_pointer (&opts->path, g_free);
  g_clear_pointer (&opts->species, g_free);
  g_clear_pointer (&opts->format, g_free);
  g_clear_pointer (&opts->unwrap, g_free);
  g_clear_pointer (&opts->cell, g_free);
}
