/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sp-traj-read-lammps.c — LAMMPS `dump custom` frames (see sp-traj-read.h)
 *
 * A frame is a run of ITEM: sections — TIMESTEP, (TIME, UNITS,) NUMBER
 * OF ATOMS, BOX BOUNDS (three "lo hi" lines, or "lo_bound hi_bound tilt"
 * for a triclinic box, header "xy xz yz …") and ATOMS with its column
 * names.  Positions are taken from xu yu zu (unwrapped) when present, else
 * x y z, else scaled xs ys zs, else xsu ysu zsu; ix iy iz are image flags.
 * The triclinic conversion follows the LAMMPS manual (Howto triclinic):
 * xlo = xlo_bound − min(0, xy, xz, xy + xz), xhi = xhi_bound − max(…),
 * ylo = ylo_bound − min(0, yz), yhi = yhi_bound − max(0, yz); a = (lx, 0,
 * 0), b = (xy, ly, 0), c = (xz, yz, lz).  LAMMPS writes atoms in any order
 * unless told to sort: with an id column atoms are matched by id (the
 * trajectory's ions in id order when the ids are 1 … N, else in the first
 * frame's order), without one the order must not change (checked by type).
 */

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "sp-traj-read-private.h"

typedef enum { POS_NONE, POS_UNWRAPPED, POS_WRAPPED, POS_SCALED, POS_SCALED_UNWRAPPED } PosKind;

typedef struct
{
  int     id, type, element, pos[3], image[3];
  PosKind kind;
  guint   n_cols;
} Columns;

typedef struct
{
  guint       n_atoms;
  double     *pos;
  gint       *image;
  gint64     *type_of_slot;    /* without an id column: checked each frame */
  gint64     *id_of_slot;
  guint      *slot_of_id;      /* ids 1 … N: direct; else @slot_by_id      */
  GHashTable *slot_by_id;
  guint      *seen;            /* frame stamp per slot (duplicate ids)     */
} State;

static void
state_clear (State *s)
{
  g_free (s->pos);
  g_free (s->image);
  g_free (s->type_of_slot);
  g_free (s->id_of_slot);
  g_free (s->slot_of_id);
  g_clear_pointer (&s->slot_by_id, g_hash_table_unref);
  g_free (s->seen);
}

static gboolean
parse_columns (SpTrajLines *lines,
               char        *names,
               Columns     *c,
               GError     **error)
{
  static const char *const pos_names[][3] = {
    [POS_UNWRAPPED] = { "xu", "yu", "zu" },
    [POS_WRAPPED] = { "x", "y", "z" },
    [POS_SCALED] = { "xs", "ys", "zs" },
    [POS_SCALED_UNWRAPPED] = { "xsu", "ysu", "zsu" },
  };
  static const char *const image_names[3] = { "ix", "iy", "iz" };
  char *fields[SP_TRAJ_MAX_FIELDS];
  guint n = sp_traj_split (names, fields, SP_TRAJ_MAX_FIELDS);
  int found[5][3];

  if (n > SP_TRAJ_MAX_FIELDS)
    {
      sp_traj_error (lines, error, SP_TRAJ_READ_ERROR_FORMAT,
                     _("more than %u columns in ITEM: ATOMS"), (guint) SP_TRAJ_MAX_FIELDS);
      return FALSE;
    }
  c->id = c->type = c->element = -1;
  memset (found, -1, sizeof found);
  for (int k = 0; k < 3; k++)
    c->image[k] = -1;
  for (guint i = 0; i < n; i++)
    {
      if (strcmp (fields[i], "id") == 0)
        c->id = i;
      else if (strcmp (fields[i], "type") == 0)
        c->type = i;
      else if (strcmp (fields[i], "element") == 0)
        c->element = i;
      for (int k = 0; k < 3; k++)
        {
          if (strcmp (fields[i], image_names[k]) == 0)
            c->image[k] = i;
          for (int kind = POS_UNWRAPPED; kind <= POS_SCALED_UNWRAPPED; kind++)
            if (strcmp (fields[i], pos_names[kind][k]) == 0)
              found[kind][k] = i;
        }
    }
  c->n_cols = n;
  c->kind = POS_NONE;
  for (int kind = POS_UNWRAPPED; kind <= POS_SCALED_UNWRAPPED && c->kind == POS_NONE; kind++)
    if (found[kind][0] >= 0 && found[kind][1] >= 0 && found[kind][2] >= 0)
      {
        c->kind = kind;
        memcpy (c->pos, found[kind], sizeof c->pos);
      }
  if (c->kind == POS_NONE)
    {
      sp_traj_error (lines, error, SP_TRAJ_READ_ERROR_FORMAT,
                     _("ITEM: ATOMS needs position columns: x y z, xu yu zu, xs ys zs or "
                       "xsu ysu zsu"));
      return FALSE;
    }
  if (c->type < 0 && c->element < 0)
    {
      sp_traj_error (lines, error, SP_TRAJ_READ_ERROR_FORMAT,
                     _("ITEM: ATOMS needs a type or an element column to tell the species"));
      return FALSE;
    }
  if ((c->image[0] >= 0) != (c->image[1] >= 0) || (c->image[0] >= 0) != (c->image[2] >= 0))
    {
      sp_traj_error (lines, error, SP_TRAJ_READ_ERROR_FORMAT,
                     _("ITEM: ATOMS has some of the image flags ix iy iz but not all three"));
      return FALSE;
    }
  return TRUE;
}

/* The three BOX BOUNDS lines → cell rows and origin. */
static gboolean
parse_box (SpTrajLines *lines,
           gboolean     triclinic,
           double       cell[9],
           double       origin[3],
           GError     **error)
{
  double b[3][3] = { { 0 } };
  GError *local = NULL;

  for (int r = 0; r < 3; r++)
    {
      char *fields[4];
      char *line = sp_traj_lines_next (lines, &local);
      guint n, want = triclinic ? 3 : 2;

      if (line == NULL)
        {
          if (local != NULL)
            g_propagate_error (error, local);
          else
            sp_traj_error_truncated (lines, error, _("three BOX BOUNDS lines"));
          return FALSE;
        }
      n = sp_traj_split (line, fields, 4);
      if (n != want)
        {
          sp_traj_error (lines, error, SP_TRAJ_READ_ERROR_CELL,
                         _("a BOX BOUNDS line needs %u numbers, found %u"), want, n);
          return FALSE;
        }
      for (guint k = 0; k < n; k++)
        if (!sp_traj_parse_double (lines, fields[k], "BOX BOUNDS", &b[r][k], error))
          return FALSE;
    }
  {
    double xy = b[0][2], xz = b[1][2], yz = b[2][2];
    double xlo = b[0][0] - MIN (MIN (0.0, xy), MIN (xz, xy + xz));
    double xhi = b[0][1] - MAX (MAX (0.0, xy), MAX (xz, xy + xz));
    double ylo = b[1][0] - MIN (0.0, yz), yhi = b[1][1] - MAX (0.0, yz);
    double zlo = b[2][0], zhi = b[2][1];
    double rows[9] = { xhi - xlo, 0, 0, xy, yhi - ylo, 0, xz, yz, zhi - zlo };

    memcpy (cell, rows, sizeof rows);
    origin[0] = xlo;
    origin[1] = ylo;
    origin[2] = zlo;
  }
  return TRUE;
}

/* The slot of the atom with @id (frame 0 decided the mapping). */
static gboolean
slot_for_id (SpTrajLines *lines,
             State       *s,
             gint64       id,
             guint        frame_stamp,
             guint       *slot,
             GError     **error)
{
  gpointer value;

  if (s->slot_of_id != NULL && id >= 1 && id <= s->n_atoms)
    *slot = s->slot_of_id[id - 1];
  else if (s->slot_by_id != NULL && g_hash_table_lookup_extended (s->slot_by_id, &id, NULL, &value))
    *slot = GPOINTER_TO_UINT (value);
  else
    {
      sp_traj_error (lines, error, SP_TRAJ_READ_ERROR_FORMAT,
                     _("atom id %lld is not in the first frame"), (long long) id);
      return FALSE;
    }
  if (s->seen[*slot] == frame_stamp)
    {
      sp_traj_error (lines, error, SP_TRAJ_READ_ERROR_FORMAT,
                     _("atom id %lld appears twice in one frame"), (long long) id);
      return FALSE;
    }
  s->seen[*slot] = frame_stamp;
  return TRUE;
}

/* Frame 0 with ids: atoms go in id order (ids 1 … N map directly). */
static gboolean
map_ids (SpTrajLines *lines,
         State       *s,
         const gint64 *ids,
         GError     **error)
{
  gboolean dense = TRUE;
  g_autofree guint *order = NULL;

  s->slot_of_id = g_new (guint, s->n_atoms);
  for (guint i = 0; i < s->n_atoms; i++)
    s->slot_of_id[i] = G_MAXUINT;
  for (guint i = 0; i < s->n_atoms && dense; i++)
    {
      if (ids[i] < 1 || ids[i] > s->n_atoms || s->slot_of_id[ids[i] - 1] != G_MAXUINT)
        dense = FALSE;
      else
        s->slot_of_id[ids[i] - 1] = ids[i] - 1;
    }
  if (dense)
    return TRUE;
  g_clear_pointer (&s->slot_of_id, g_free);
  s->slot_by_id = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  for (guint i = 0; i < s->n_atoms; i++)
    {
      if (g_hash_table_contains (s->slot_by_id, &ids[i]))
        {
          sp_traj_error (lines, error, SP_TRAJ_READ_ERROR_FORMAT,
                         _("atom id %lld appears twice in one frame"),
                         (long long) ids[i]);
          return FALSE;
        }
      g_hash_table_insert (s->slot_by_id, g_memdup2 (&ids[i], sizeof ids[i]), GUINT_TO_POINTER (i));
    }
  return TRUE;
}

/* Reads the N atom lines of ITEM: ATOMS into the state (positions
 * Cartesian) and, for frame 0, tells the sink the species. */
static gboolean
read_atoms (SpTrajLines       *lines,
            SpTrajSink        *sink,
            State             *s,
            const Columns     *c,
            const double       cell[9],
            const double       origin[3],
            gboolean           first,
            GError           **error)
{
  g_autofree gint64 *ids = NULL;
  g_autoptr (GPtrArray) labels = NULL, alts = NULL;
  gboolean scaled = c->kind == POS_SCALED || c->kind == POS_SCALED_UNWRAPPED;
  gboolean has_images = c->image[0] >= 0;
  GError *local = NULL;

  if (first)
    {
      s->pos = g_new (double, (gsize) s->n_atoms * 3);
      s->image = has_images ? g_new (gint, (gsize) s->n_atoms * 3) : NULL;
      s->seen = g_new0 (guint, s->n_atoms);
      if (c->id >= 0)
        ids = g_new (gint64, s->n_atoms);
      else if (c->type >= 0)
        s->type_of_slot = g_new (gint64, s->n_atoms);
      labels = g_ptr_array_new_with_free_func (g_free);
      alts = g_ptr_array_new_with_free_func (g_free);
    }
  for (guint i = 0; i < s->n_atoms; i++)
    {
      char *fields[SP_TRAJ_MAX_FIELDS];
      char *line = sp_traj_lines_next (lines, &local);
      guint nf, slot = i;
      double *p;
      gint64 v;

      if (line == NULL)
        {
          if (local != NULL)
            g_propagate_error (error, local);
          else
            sp_traj_error_truncated (lines, error, _("one line per atom after ITEM: ATOMS"));
          return FALSE;
        }
      nf = sp_traj_split (line, fields, SP_TRAJ_MAX_FIELDS);
      if (nf != c->n_cols)
        {
          sp_traj_error (lines, error, SP_TRAJ_READ_ERROR_FORMAT,
                         _("expected %u columns as ITEM: ATOMS names them, found %u"),
                         c->n_cols, nf);
          return FALSE;
        }
      if (c->id >= 0)
        {
          if (!sp_traj_parse_int (lines, fields[c->id], "id", &v, error))
            return FALSE;
          if (first)
            ids[i] = v;
          else if (!slot_for_id (lines, s, v, lines->frame, &slot, error))
            return FALSE;
        }
      if (c->type >= 0 && (first || c->id < 0))
        {
          if (!sp_traj_parse_int (lines, fields[c->type], "type", &v, error))
            return FALSE;
          if (first && s->type_of_slot != NULL)
            s->type_of_slot[i] = v;
          else if (!first && s->type_of_slot != NULL && s->type_of_slot[i] != v)
            {
              sp_traj_error (lines, error, SP_TRAJ_READ_ERROR_FORMAT,
                             _("atom %u has type %lld here but %lld in the first frame (without an "
                               "id column the atoms must stay in order)"), i + 1, (long long) v,
                             (long long) s->type_of_slot[i]);
              return FALSE;
            }
        }
      if (first)
        {
          if (c->element >= 0)
            {
              g_ptr_array_add (labels, g_strdup (fields[c->element]));
              g_ptr_array_add (alts, c->type >= 0 ? g_strdup (fields[c->type]) : NULL);
            }
          else
            {
              g_ptr_array_add (labels, g_strdup (fields[c->type]));
              g_ptr_array_add (alts, NULL);
            }
        }
      p = s->pos + (gsize) slot * 3;
      for (int k = 0; k < 3; k++)
        if (!sp_traj_parse_double (lines, fields[c->pos[k]], "position", &p[k], error))
          return FALSE;
      if (scaled)
        {
          double f[3] = { p[0], p[1], p[2] };

          for (int k = 0; k < 3; k++)
            p[k] = origin[k] + f[0] * cell[k] + f[1] * cell[3 + k] + f[2] * cell[6 + k];
        }
      if (has_images)
        for (int k = 0; k < 3; k++)
          {
            if (!sp_traj_parse_int (lines, fields[c->image[k]], "image flag", &v, error))
              return FALSE;
            s->image[(gsize) slot * 3 + k] = (gint) CLAMP (v, G_MININT, G_MAXINT);
          }
    }
  if (!first)
    return TRUE;

  /* Frame 0: the slots in id order, then the species in slot order. */
  if (c->id >= 0)
    {
      if (!map_ids (lines, s, ids, error))
        return FALSE;
      if (s->slot_of_id != NULL)
        {
          g_autofree double *pos = g_new (double, (gsize) s->n_atoms * 3);
          g_autofree gint *image = has_images ? g_new (gint, (gsize) s->n_atoms * 3) : NULL;
          g_autoptr (GPtrArray) l2 = g_ptr_array_new_full (s->n_atoms, g_free);
          g_autoptr (GPtrArray) a2 = g_ptr_array_new_full (s->n_atoms, g_free);

          g_ptr_array_set_size (l2, s->n_atoms);
          g_ptr_array_set_size (a2, s->n_atoms);
          for (guint i = 0; i < s->n_atoms; i++)
            {
              guint slot = ids[i] - 1;

              memcpy (pos + (gsize) slot * 3, s->pos + (gsize) i * 3, 3 * sizeof (double));
              if (image != NULL)
                memcpy (image + (gsize) slot * 3, s->image + (gsize) i * 3, 3 * sizeof (gint));
              l2->pdata[slot] = g_steal_pointer (&labels->pdata[i]);
              a2->pdata[slot] = g_steal_pointer (&alts->pdata[i]);
            }
          memcpy (s->pos, pos, (gsize) s->n_atoms * 3 * sizeof (double));
          if (image != NULL)
            memcpy (s->image, image, (gsize) s->n_atoms * 3 * sizeof (gint));
          g_ptr_array_unref (labels);
          g_ptr_array_unref (alts);
          labels = g_steal_pointer (&l2);
          alts = g_steal_pointer (&a2);
        }
    }
  for (guint i = 0; i < s->n_atoms; i++)
    sp_traj_sink_atom (sink, i, labels->pdata[i], alts->pdata[i]);
  return TRUE;
}

gboolean
sp_traj_read_lammps (SpTrajLines *lines,
                     SpTrajSink  *sink,
                     GError     **error)
{
  const SpTrajReadOptions *o = sp_traj_sink_options (sink);
  State s = { 0 };
  guint n_frames = 0;
  gint64 count = -1;
  gboolean have_box = FALSE, ok = FALSE;
  double cell[9], origin[3];
  char *line;
  GError *local = NULL;

  while ((line = sp_traj_lines_next (lines, &local)) != NULL)
    {
      char *item = line;

      while (*item == ' ' || *item == '\t')
        item++;
      if (*item == '\0')
        continue;
      lines->frame = n_frames + 1;
      if (!g_str_has_prefix (item, "ITEM:"))
        {
          g_autofree char *shown = g_utf8_make_valid (item, MIN (strlen (item), 40));

          sp_traj_error (lines, error, SP_TRAJ_READ_ERROR_FORMAT,
                         _("expected an “ITEM:” line, found “%s”"), shown);
          goto out;
        }
      item += 5;
      while (*item == ' ' || *item == '\t')
        item++;
      if (g_str_has_prefix (item, "TIMESTEP") || g_str_has_prefix (item, "TIME")
          || g_str_has_prefix (item, "UNITS"))
        {
          if ((line = sp_traj_lines_next (lines, &local)) == NULL)
            goto truncated;
        }
      else if (g_str_has_prefix (item, "NUMBER OF ATOMS"))
        {
          char *fields[2];

          if ((line = sp_traj_lines_next (lines, &local)) == NULL)
            goto truncated;
          if (sp_traj_split (line, fields, 2) != 1
              || !sp_traj_parse_int (lines, fields[0], _("the number of atoms"), &count, error))
            {
              if (error != NULL && *error == NULL)
                sp_traj_error (lines, error, SP_TRAJ_READ_ERROR_FORMAT,
                               _("expected the number of atoms"));
              goto out;
            }
          if (!sp_traj_lines_check_atom_count (lines, count, error))
            goto out;
          if (n_frames > 0 && (guint) count != s.n_atoms)
            {
              sp_traj_error (lines, error, SP_TRAJ_READ_ERROR_FORMAT,
                             _("the number of atoms changed from %u to %u"), s.n_atoms,
                             (guint) count);
              goto out;
            }
        }
      else if (g_str_has_prefix (item, "BOX BOUNDS"))
        {
          gboolean triclinic = strstr (item, "xy") != NULL;

          if (!parse_box (lines, triclinic, cell, origin, error))
            goto out;
          have_box = TRUE;
        }
      else if (g_str_has_prefix (item, "ATOMS"))
        {
          Columns c;
          SpTrajFrame frame;
          gboolean first = n_frames == 0;

          if (count < 0 || !have_box)
            {
              sp_traj_error (lines, error, SP_TRAJ_READ_ERROR_FORMAT,
                             _("ITEM: ATOMS before ITEM: NUMBER OF ATOMS and ITEM: BOX BOUNDS"));
              goto out;
            }
          if (!parse_columns (lines, item + 5, &c, error))
            goto out;
          if (!first && (c.image[0] >= 0) != (s.image != NULL))
            {
              sp_traj_error (lines, error, SP_TRAJ_READ_ERROR_FORMAT,
                             _("the columns of ITEM: ATOMS changed from the first frame"));
              goto out;
            }
          s.n_atoms = count;
          if (!read_atoms (lines, sink, &s, &c, cell, origin, first, error))
            goto out;
          if (first && !sp_traj_sink_begin (sink, lines, s.n_atoms, error))
            goto out;
          memcpy (frame.cell, cell, sizeof cell);
          frame.pos = s.pos;
          frame.image = s.image;
          frame.unwrapped = (c.kind == POS_UNWRAPPED || c.kind == POS_SCALED_UNWRAPPED)
                            && o->unwrap != SP_TRAJ_UNWRAP_MINIMUM_IMAGE;
          frame.temperature = NAN;
          if (!sp_traj_sink_add (sink, lines, &frame, error))
            goto out;
          n_frames++;
          count = -1;
          have_box = FALSE;
        }
      else
        {
          g_autofree char *shown = g_utf8_make_valid (item, MIN (strlen (item), 40));

          sp_traj_error (lines, error, SP_TRAJ_READ_ERROR_FORMAT,
                         _("unknown section “ITEM: %s” (a LAMMPS dump has TIMESTEP, NUMBER OF "
                           "ATOMS, BOX BOUNDS and ATOMS)"), shown);
          goto out;
        }
    }
  if (local != NULL)
    {
      g_propagate_error (error, local);
      goto out;
    }
  if (count >= 0 || have_box)
    {
      lines->frame = n_frames + 1;
      sp_traj_error_truncated (lines, error, _("ITEM: ATOMS and the atoms"));
      goto out;
    }
  ok = TRUE;
  goto out;

truncated:
  if (local != NULL)
    g_propagate_error (error, local);
  else
    sp_traj_error_truncated (lines, error, _("the value after the ITEM: line"));
out:
  state_clear (&s);
  return ok;
}
