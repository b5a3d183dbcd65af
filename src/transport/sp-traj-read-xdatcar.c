/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sp-traj-read-xdatcar.c — VASP XDATCAR frames (see sp-traj-read.h)
 *
 * The header: a title, the scale factor (negative: the cell's volume in
 * Å³), three lattice rows, the element names (VASP 5 and later; without
 * them the species are named by their position, "1", "2", …) and the
 * counts.  Then "Direct configuration= N" and one fractional position per
 * atom, repeated.  A run with a variable cell (NPT) writes the whole header
 * again before each configuration: a line that is not a configuration line
 * where one is expected is taken as the next header.
 *
 * The names are POTCAR labels, not always bare elements: "Li_sv", "Ga_d"
 * (the POTCAR variant), and since VASP 6.4 (HDF5 builds) a hash after a
 * slash, "Li_sv/1f2e3d4c".  The hash is dropped from the species' label;
 * the element before the first '_' is its second name, so "Li" selects
 * the Li_sv atoms (and "Li_sv" still does).
 */

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "sp-traj-read-private.h"

typedef struct
{
  double     cell[9];
  double     scale;       /* for Cartesian configurations */
  guint      n_atoms;
  GPtrArray *labels;      /* per atom                     */
  GPtrArray *elements;    /* per atom: the element of a POTCAR label
                           * ("Li" of "Li_sv"), or NULL   */
} Header;

/* "Li_sv/1f2e3d4c" → "Li_sv": the VASP 6.4 hash goes. */
static char *
label_of_name (const char *name)
{
  const char *slash = strchr (name, '/');

  return slash != NULL && slash > name ? g_strndup (name, slash - name) : g_strdup (name);
}

/* "Li_sv" → "Li"; NULL when the label is the element already. */
static char *
element_of_label (const char *label)
{
  const char *underscore = strchr (label, '_');

  return underscore != NULL && underscore > label ? g_strndup (label, underscore - label) : NULL;
}

static char *
next_line (SpTrajLines *lines,
           const char  *what,
           GError     **error)
{
  GError *local = NULL;
  char *line = sp_traj_lines_next (lines, &local);

  if (line == NULL)
    {
      if (local != NULL)
        g_propagate_error (error, local);
      else
        sp_traj_error_truncated (lines, error, what);
    }
  return line;
}

static gboolean
is_whole_numbers (char **fields,
                  guint  n)
{
  for (guint i = 0; i < n; i++)
    {
      char *end = NULL;

      g_ascii_strtoll (fields[i], &end, 10);
      if (end == fields[i] || *end != '\0')
        return FALSE;
    }
  return n > 0;
}

/* The header after its title line (already read). */
static gboolean
read_header (SpTrajLines *lines,
             Header      *h,
             GError     **error)
{
  char *fields[SP_TRAJ_MAX_FIELDS], *line;
  g_auto (GStrv) names = NULL;
  double rows[9], det;
  guint n;
  guint64 total = 0;

  if ((line = next_line (lines, _("the scale factor"), error)) == NULL)
    return FALSE;
  if (sp_traj_split (line, fields, 2) != 1)
    {
      sp_traj_error (lines, error, SP_TRAJ_READ_ERROR_FORMAT,
                     _("expected the scale factor (one number) on the second header line"));
      return FALSE;
    }
  if (!sp_traj_parse_double (lines, fields[0], _("the scale factor"), &h->scale, error))
    return FALSE;
  for (int r = 0; r < 3; r++)
    {
      if ((line = next_line (lines, _("three lattice vectors"), error)) == NULL)
        return FALSE;
      if (sp_traj_split (line, fields, 4) != 3)
        {
          sp_traj_error (lines, error, SP_TRAJ_READ_ERROR_CELL,
                         _("a lattice vector needs 3 numbers"));
          return FALSE;
        }
      for (int k = 0; k < 3; k++)
        if (!sp_traj_parse_double (lines, fields[k], _("the lattice vector"), &rows[3 * r + k],
                                   error))
          return FALSE;
    }
  det = rows[0] * (rows[4] * rows[8] - rows[5] * rows[7])
        - rows[1] * (rows[3] * rows[8] - rows[5] * rows[6])
        + rows[2] * (rows[3] * rows[7] - rows[4] * rows[6]);
  if (h->scale < 0)
    {
      /* A negative scale is the volume the cell is to have. */
      if (det == 0)
        {
          sp_traj_error (lines, error, SP_TRAJ_READ_ERROR_CELL, _("the cell is singular"));
          return FALSE;
        }
      h->scale = cbrt (-h->scale / fabs (det));
    }
  for (int k = 0; k < 9; k++)
    h->cell[k] = h->scale * rows[k];

  if ((line = next_line (lines, _("the element names or counts"), error)) == NULL)
    return FALSE;
  n = sp_traj_split (line, fields, SP_TRAJ_MAX_FIELDS);
  if (n == 0 || n > SP_TRAJ_MAX_FIELDS)
    {
      sp_traj_error (lines, error, SP_TRAJ_READ_ERROR_FORMAT,
                     _("expected the element names or their counts"));
      return FALSE;
    }
  if (!is_whole_numbers (fields, n))
    {
      names = g_new0 (char *, n + 1);
      for (guint i = 0; i < n; i++)
        names[i] = label_of_name (fields[i]);
      if ((line = next_line (lines, _("the atom counts"), error)) == NULL)
        return FALSE;
      if (sp_traj_split (line, fields, SP_TRAJ_MAX_FIELDS) != n || !is_whole_numbers (fields, n))
        {
          sp_traj_error (lines, error, SP_TRAJ_READ_ERROR_FORMAT,
                         _("expected %u atom counts, one per element name"), n);
          return FALSE;
        }
    }
  for (guint i = 0; i < n; i++)
    {
      gint64 count = g_ascii_strtoll (fields[i], NULL, 10);

      if (count < 0 || count > SP_TRAJ_MAX_ATOMS)
        {
          sp_traj_error (lines, error, SP_TRAJ_READ_ERROR_FORMAT,
                         _("bad atom count “%s”"), fields[i]);
          return FALSE;
        }
      total += count;
    }
  if (!sp_traj_lines_check_atom_count (lines, total, error))
    return FALSE;
  g_ptr_array_set_size (h->labels, 0);
  g_ptr_array_set_size (h->elements, 0);
  for (guint i = 0; i < n; i++)
    {
      gint64 count = g_ascii_strtoll (fields[i], NULL, 10);

      for (gint64 j = 0; j < count; j++)
        {
          g_ptr_array_add (h->labels, names != NULL ? g_strdup (names[i])
                                                    : g_strdup_printf ("%u", i + 1));
          g_ptr_array_add (h->elements, names != NULL ? element_of_label (names[i]) : NULL);
        }
    }
  if (h->n_atoms != 0 && total != h->n_atoms)
    {
      sp_traj_error (lines, error, SP_TRAJ_READ_ERROR_FORMAT,
                     _("the number of atoms changed from %u to %u"), h->n_atoms, (guint) total);
      return FALSE;
    }
  h->n_atoms = total;
  return TRUE;
}

static gboolean
is_configuration_line (const char *line,
                       gboolean   *cartesian)
{
  while (*line == ' ' || *line == '\t')
    line++;
  *cartesian = g_ascii_strncasecmp (line, "cartesian", 9) == 0;
  return *cartesian || g_ascii_strncasecmp (line, "direct", 6) == 0
         || g_ascii_strncasecmp (line, "konfig", 6) == 0;
}

gboolean
sp_traj_read_xdatcar (SpTrajLines *lines,
                      SpTrajSink  *sink,
                      GError     **error)
{
  Header h = { .n_atoms = 0 };
  g_autoptr (GPtrArray) labels = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GPtrArray) elements = g_ptr_array_new_with_free_func (g_free);
  g_autofree double *pos = NULL;
  guint n_frames = 0;
  GError *local = NULL;
  char *line;

  h.labels = labels;
  h.elements = elements;
  if ((line = sp_traj_lines_next (lines, &local)) == NULL)
    {
      if (local != NULL)
        g_propagate_error (error, local);
      else
        g_set_error (error, SP_TRAJ_READ_ERROR, SP_TRAJ_READ_ERROR_FORMAT,
                     _("%s: the file is empty"), lines->name);
      return FALSE;
    }
  lines->frame = 1;
  if (!read_header (lines, &h, error))
    return FALSE;
  pos = g_new (double, (gsize) h.n_atoms * 3);

  while ((line = sp_traj_lines_next (lines, &local)) != NULL)
    {
      SpTrajFrame frame = { .image = NULL, .unwrapped = FALSE, .temperature = NAN };
      gboolean cartesian;

      if (line[strspn (line, " \t")] == '\0')
        continue;   /* blank lines between frames */
      lines->frame = n_frames + 1;
      if (!is_configuration_line (line, &cartesian))
        {
          /* A variable-cell run: the header again, then the configuration. */
          if (!read_header (lines, &h, error))
            return FALSE;
          if ((line = next_line (lines, _("a “Direct configuration=” line"), error)) == NULL)
            return FALSE;
          if (!is_configuration_line (line, &cartesian))
            {
              g_autofree char *shown = g_utf8_make_valid (line, MIN (strlen (line), 40));

              sp_traj_error (lines, error, SP_TRAJ_READ_ERROR_FORMAT,
                             _("expected “Direct configuration=”, found “%s”"), shown);
              return FALSE;
            }
        }
      for (guint i = 0; i < h.n_atoms; i++)
        {
          char *fields[4];
          double v[3], *p = pos + (gsize) i * 3;

          if ((line = next_line (lines, _("one line of 3 coordinates per atom"), error)) == NULL)
            return FALSE;
          if (sp_traj_split (line, fields, 4) < 3)
            {
              sp_traj_error (lines, error, SP_TRAJ_READ_ERROR_FORMAT,
                             _("expected 3 coordinates of atom %u of %u"), i + 1, h.n_atoms);
              return FALSE;
            }
          for (int k = 0; k < 3; k++)
            if (!sp_traj_parse_double (lines, fields[k], _("a coordinate"), &v[k], error))
              return FALSE;
          if (cartesian)
            for (int k = 0; k < 3; k++)
              p[k] = h.scale * v[k];
          else
            for (int k = 0; k < 3; k++)
              p[k] = v[0] * h.cell[k] + v[1] * h.cell[3 + k] + v[2] * h.cell[6 + k];
        }
      if (n_frames == 0)
        {
          for (guint i = 0; i < h.n_atoms; i++)
            sp_traj_sink_atom (sink, i, h.labels->pdata[i], h.elements->pdata[i]);
          if (!sp_traj_sink_begin (sink, lines, h.n_atoms, error))
            return FALSE;
        }
      memcpy (frame.cell, h.cell, sizeof frame.cell);
      frame.pos = pos;
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
}
