/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sp-traj-read-xyz.c — extended XYZ frames (see sp-traj-read.h)
 *
 * Each frame: the atom count; a comment line of key=value pairs (values
 * with blanks quoted) of which Lattice="ax ay az bx by bz cx cy cz" gives
 * the cell, Properties=name:type:count:… the columns (default
 * species:S:1:pos:R:3), temperature= (K), when present, the
 * temperature and unwrapped=T (Spinodal's own files) that the positions
 * are unwrapped already; then one line per atom.  The comment line is tokenised by
 * g_shell_parse_argv(), which understands exactly that quoting.
 */

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "sp-traj-read-private.h"

typedef struct
{
  guint species_col, pos_col, n_cols;
} Columns;

static gboolean
parse_properties (SpTrajLines *lines,
                  const char  *value,
                  Columns     *c,
                  GError     **error)
{
  g_auto (GStrv) parts = g_strsplit (value, ":", -1);
  guint n = g_strv_length (parts), col = 0;
  gboolean have_species = FALSE, have_pos = FALSE;

  if (n == 0 || n % 3 != 0)
    {
      sp_traj_error (lines, error, SP_TRAJ_READ_ERROR_FORMAT,
                     _("Properties= must be name:type:count triples, found “%s”"), value);
      return FALSE;
    }
  for (guint i = 0; i < n; i += 3)
    {
      gint64 count = g_ascii_strtoll (parts[i + 2], NULL, 10);

      if (count < 1 || count > SP_TRAJ_MAX_FIELDS)
        {
          sp_traj_error (lines, error, SP_TRAJ_READ_ERROR_FORMAT,
                         _("Properties=: bad column count “%s” for %s"), parts[i + 2], parts[i]);
          return FALSE;
        }
      if (!have_species && g_ascii_strcasecmp (parts[i], "species") == 0 && count == 1)
        {
          c->species_col = col;
          have_species = TRUE;
        }
      else if (!have_pos && g_ascii_strcasecmp (parts[i], "pos") == 0 && count == 3)
        {
          c->pos_col = col;
          have_pos = TRUE;
        }
      col += count;
    }
  if (!have_species || !have_pos)
    {
      sp_traj_error (lines, error, SP_TRAJ_READ_ERROR_FORMAT,
                     _("Properties= needs species:S:1 and pos:R:3, found “%s”"), value);
      return FALSE;
    }
  c->n_cols = col;
  return TRUE;
}

/* The comment line's keys.  A comment that is not key=value text (a plain
 * XYZ title) has none. */
static gboolean
parse_comment (SpTrajLines *lines,
               const char  *comment,
               Columns     *c,
               double       cell[9],
               gboolean    *has_cell,
               double      *temperature,
               gboolean    *unwrapped,
               GError     **error)
{
  g_auto (GStrv) argv = NULL;

  c->species_col = 0;
  c->pos_col = 1;
  c->n_cols = 4;
  *has_cell = FALSE;
  *temperature = NAN;
  *unwrapped = FALSE;
  if (!g_shell_parse_argv (comment, NULL, &argv, NULL))
    return TRUE;
  for (guint i = 0; argv[i] != NULL; i++)
    {
      char *eq = strchr (argv[i], '=');
      const char *value;

      if (eq == NULL)
        continue;
      *eq = '\0';
      value = eq + 1;
      if (g_ascii_strcasecmp (argv[i], "Lattice") == 0)
        {
          g_autofree char *copy = g_strdup (value);
          char *fields[10];

          if (sp_traj_split (copy, fields, 10) != 9)
            {
              sp_traj_error (lines, error, SP_TRAJ_READ_ERROR_CELL,
                             _("Lattice= needs 9 numbers (the cell vectors a, b, c), found “%s”"),
                             value);
              return FALSE;
            }
          for (int k = 0; k < 9; k++)
            if (!sp_traj_parse_double (lines, fields[k], "Lattice", &cell[k], error))
              return FALSE;
          *has_cell = TRUE;
        }
      else if (g_ascii_strcasecmp (argv[i], "Properties") == 0)
        {
          if (!parse_properties (lines, value, c, error))
            return FALSE;
        }
      else if (g_ascii_strcasecmp (argv[i], "unwrapped") == 0)
        *unwrapped = g_ascii_strcasecmp (value, "T") == 0 || g_ascii_strcasecmp (value, "true") == 0;
      else if (g_ascii_strcasecmp (argv[i], "temperature") == 0
               || g_ascii_strcasecmp (argv[i], "temperature_k") == 0)
        {
          char *end = NULL;
          double t = g_ascii_strtod (value, &end);

          if (end != value && *end == '\0' && t > 0 && isfinite (t))
            *temperature = t;
        }
    }
  return TRUE;
}

gboolean
sp_traj_read_xyz (SpTrajLines *lines,
                  SpTrajSink  *sink,
                  GError     **error)
{
  const SpTrajReadOptions *o = sp_traj_sink_options (sink);
  g_autofree double *pos = NULL;
  guint n_atoms = 0, n_frames = 0;
  char *line;
  GError *local = NULL;

  while ((line = sp_traj_lines_next (lines, &local)) != NULL)
    {
      char *fields[SP_TRAJ_MAX_FIELDS];
      char *end = NULL;
      gint64 count;
      Columns c;
      gboolean has_cell;
      SpTrajFrame frame = { .unwrapped = FALSE, .image = NULL };
      guint need, n_head = sp_traj_split (line, fields, 2);

      if (n_head == 0)
        continue;   /* blank lines between frames */
      lines->frame = n_frames + 1;
      count = g_ascii_strtoll (fields[0], &end, 10);
      if (n_head != 1 || *end != '\0')
        {
          g_autofree char *shown = g_utf8_make_valid (fields[0], MIN (strlen (fields[0]), 40));

          sp_traj_error (lines, error, SP_TRAJ_READ_ERROR_FORMAT,
                         _("expected the number of atoms of a frame, found “%s”"), shown);
          return FALSE;
        }
      if (!sp_traj_lines_check_atom_count (lines, count, error))
        return FALSE;
      if (n_frames > 0 && (guint) count != n_atoms)
        {
          sp_traj_error (lines, error, SP_TRAJ_READ_ERROR_FORMAT,
                         _("the number of atoms changed from %u to %u"), n_atoms, (guint) count);
          return FALSE;
        }
      n_atoms = count;
      if ((line = sp_traj_lines_next (lines, &local)) == NULL)
        goto truncated;
      if (!parse_comment (lines, line, &c, frame.cell, &has_cell, &frame.temperature,
                          &frame.unwrapped, error))
        return FALSE;
      frame.unwrapped = frame.unwrapped && o->unwrap != SP_TRAJ_UNWRAP_MINIMUM_IMAGE;
      if (!has_cell && o->has_cell)
        memcpy (frame.cell, o->cell, sizeof frame.cell);
      else if (!has_cell)
        {
          sp_traj_error (lines, error, SP_TRAJ_READ_ERROR_CELL,
                         _("no Lattice= on the comment line: a plain XYZ file has no periodic "
                           "cell, which unwrapping needs; give the cell (spinodal-cli: --cell)"));
          return FALSE;
        }
      if (pos == NULL)
        pos = g_new (double, (gsize) n_atoms * 3);
      frame.pos = pos;
      need = MAX (c.species_col, c.pos_col + 2) + 1;

      for (guint i = 0; i < n_atoms; i++)
        {
          guint nf;

          if ((line = sp_traj_lines_next (lines, &local)) == NULL)
            goto truncated;
          nf = sp_traj_split (line, fields, SP_TRAJ_MAX_FIELDS);
          if (nf < need)
            {
              sp_traj_error (lines, error, SP_TRAJ_READ_ERROR_FORMAT,
                             _("expected %u columns for an atom, found %u"), c.n_cols, nf);
              return FALSE;
            }
          if (n_frames == 0)
            sp_traj_sink_atom (sink, i, fields[c.species_col], NULL);
          else if (sp_traj_sink_species_index (sink, fields[c.species_col])
                   != sp_traj_sink_atom_species (sink, i))
            {
              g_autofree char *shown = g_utf8_make_valid (fields[c.species_col],
                                                         MIN (strlen (fields[c.species_col]), 40));

              sp_traj_error (lines, error, SP_TRAJ_READ_ERROR_FORMAT,
                             _("atom %u is “%s” here but of another species in the first frame "
                               "(atoms must stay in the same order)"), i + 1, shown);
              return FALSE;
            }
          for (int k = 0; k < 3; k++)
            if (!sp_traj_parse_double (lines, fields[c.pos_col + k], "pos",
                                       &pos[(gsize) i * 3 + k], error))
              return FALSE;
        }
      if (n_frames == 0 && !sp_traj_sink_begin (sink, lines, n_atoms, error))
        return FALSE;
      if (!sp_traj_sink_add (sink, lines, &frame, error))
        return FALSE;
      n_frames++;
    }
  if (local != NULL)
    {
      g_propagate_error (error, local);
      return FALSE;
    }
  return TRUE;

truncated:
  if (local != NULL)
    {
      g_propagate_error (error, local);
      return FALSE;
    }
  sp_traj_error_truncated (lines, error, _("the comment line and one line per atom"));
  return FALSE;
}
