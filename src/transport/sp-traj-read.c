/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sp-traj-read.c — the trajectory readers' entry points and the frame
 * sink every format feeds (see sp-traj-read.h)
 *
 * The sink holds one frame of every atom — the last raw position (to take
 * the minimum-image step to the next frame) and the last unwrapped one —
 * and the growing array of the selected species' positions.  The
 * framework's centroid is taken from the unwrapped framework positions of
 * each frame; its displacement from frame 0 is the drift subtracted.
 */

#include "config.h"

#include <glib/gi18n.h>
#include <gsl/gsl_linalg.h>
#include <gsl/gsl_math.h>
#include <math.h>
#include <string.h>

#include "sp-traj-read-private.h"

G_DEFINE_QUARK (sp-traj-read-error-quark, sp_traj_read_error)

struct _SpTrajSink
{
  const SpTrajReadOptions *options;
  gboolean   species_only;
  GPtrArray *species;        /* unique labels of the first frame, in order */
  GArray    *atom_species;   /* guint per atom: index into @species        */
  GArray    *mobile;         /* gboolean per atom                          */
  guint      n_atoms, n_mobile, n_framework;
  double    *prev_raw, *prev_unwrapped;
  double     centroid0[3];
  double    *kept;           /* n_kept × n_mobile × 3                      */
  gsize      kept_capacity;  /* doubles                                    */
  guint      n_seen, n_kept;
  double     cell0[9];
  double     temperature_sum;
  guint      n_temperatures;
};

void
sp_traj_read_options_init (SpTrajReadOptions *options)
{
  g_return_if_fail (options != NULL);
  memset (options, 0, sizeof *options);
  options->stride = 1;
  options->format = SP_TRAJ_FORMAT_AUTO;
  options->unwrap = SP_TRAJ_UNWRAP_AUTO;
  options->remove_drift = TRUE;
  options->charge = NAN;
}

gboolean
sp_traj_cell_invert (const double cell[9],
                     double       inverse[9])
{
  double copy[9], scale = 1;
  gsl_matrix_view m = gsl_matrix_view_array (copy, 3, 3);
  gsl_matrix_view inv = gsl_matrix_view_array (inverse, 3, 3);
  gsl_permutation *perm;
  int sign = 0;
  double det;

  for (int r = 0; r < 3; r++)
    scale *= gsl_hypot3 (cell[3 * r], cell[3 * r + 1], cell[3 * r + 2]);
  if (!(scale > 0) || !isfinite (scale))
    return FALSE;
  memcpy (copy, cell, sizeof copy);
  perm = gsl_permutation_alloc (3);
  if (gsl_linalg_LU_decomp (&m.matrix, perm, &sign) != GSL_SUCCESS
      || !(fabs (det = gsl_linalg_LU_det (&m.matrix, sign)) > 1e-9 * scale)
      || gsl_linalg_LU_invert (&m.matrix, perm, &inv.matrix) != GSL_SUCCESS)
    {
      gsl_permutation_free (perm);
      return FALSE;
    }
  gsl_permutation_free (perm);
  return TRUE;
}

/* ---- the sink ---------------------------------------------------------- */

const SpTrajReadOptions *
sp_traj_sink_options (SpTrajSink *sink)
{
  return sink->options;
}

void
sp_traj_sink_atom (SpTrajSink *sink,
                   guint       i,
                   const char *label,
                   const char *alt)
{
  const char *want = sink->options->species;
  gboolean mobile = FALSE;
  guint index;

  g_assert (i == sink->atom_species->len);
  if (!g_ptr_array_find_with_equal_func (sink->species, label, g_str_equal, &index))
    {
      index = sink->species->len;
      g_ptr_array_add (sink->species, g_strdup (label));
    }
  g_array_append_val (sink->atom_species, index);
  if (want != NULL && *want != '\0')
    mobile = g_ascii_strcasecmp (label, want) == 0
             || (alt != NULL && g_ascii_strcasecmp (alt, want) == 0);
  g_array_append_val (sink->mobile, mobile);
  if (mobile)
    sink->n_mobile++;
}

guint
sp_traj_sink_species_index (SpTrajSink *sink,
                            const char *label)
{
  guint index;

  if (g_ptr_array_find_with_equal_func (sink->species, label, g_str_equal, &index))
    return index;
  return G_MAXUINT;
}

guint
sp_traj_sink_atom_species (SpTrajSink *sink,
                           guint       i)
{
  return g_array_index (sink->atom_species, guint, i);
}

gboolean
sp_traj_sink_begin (SpTrajSink  *sink,
                    SpTrajLines *lines,
                    guint        n_atoms,
                    GError     **error)
{
  g_assert (sink->atom_species->len == n_atoms);
  sink->n_atoms = n_atoms;
  if (sink->species_only)
    return FALSE;
  if (sink->n_mobile == 0)
    {
      g_autofree char *present = NULL;

      g_ptr_array_add (sink->species, NULL);
      present = g_strjoinv (", ", (char **) sink->species->pdata);
      g_ptr_array_remove_index (sink->species, sink->species->len - 1);
      g_set_error (error, SP_TRAJ_READ_ERROR, SP_TRAJ_READ_ERROR_SPECIES,
                   _("%s: no atom of species “%s” in the first frame (species present: %s)"),
                   lines->name, sink->options->species, present);
      return FALSE;
    }
  sink->n_framework = n_atoms - sink->n_mobile;
  sink->prev_raw = g_new0 (double, (gsize) n_atoms * 3);
  sink->prev_unwrapped = g_new0 (double, (gsize) n_atoms * 3);
  return TRUE;
}

static gboolean
keep_positions (SpTrajSink  *sink,
                SpTrajLines *lines,
                double      *out_slot[],
                GError     **error)
{
  gsize per_frame = (gsize) sink->n_mobile * 3;
  gsize need = (gsize) (sink->n_kept + 1) * per_frame;

  if (sink->n_kept == G_MAXUINT || need / per_frame != sink->n_kept + 1u)
    goto too_large;
  if (need > sink->kept_capacity)
    {
      gsize capacity = MAX (need, sink->kept_capacity + sink->kept_capacity / 2);
      double *grown;

      if (capacity > G_MAXSIZE / sizeof (double))
        goto too_large;
      grown = g_try_realloc (sink->kept, capacity * sizeof (double));
      if (grown == NULL)
        goto too_large;
      sink->kept = grown;
      sink->kept_capacity = capacity;
    }
  *out_slot = sink->kept + (gsize) sink->n_kept * per_frame;
  sink->n_kept++;
  return TRUE;

too_large:
  sp_traj_error (lines, error, SP_TRAJ_READ_ERROR_TOO_LARGE,
                 _("the positions of %u atoms over %u frames do not fit in memory "
                   "(keep fewer frames with a larger stride)"),
                 sink->n_mobile, sink->n_kept + 1);
  return FALSE;
}

gboolean
sp_traj_sink_add (SpTrajSink        *sink,
                  SpTrajLines       *lines,
                  const SpTrajFrame *frame,
                  GError           **error)
{
  const SpTrajReadOptions *o = sink->options;
  const gboolean *mobile = (const gboolean *) sink->mobile->data;
  const double *h = frame->cell;
  gboolean first = sink->n_seen == 0;
  gboolean take_as_read = frame->unwrapped || o->unwrap == SP_TRAJ_UNWRAP_NONE;
  gboolean use_images = frame->image != NULL && o->unwrap == SP_TRAJ_UNWRAP_AUTO;
  guint stride = MAX (o->stride, 1u);
  double inv[9], centroid[3] = { 0, 0, 0 }, drift[3] = { 0, 0, 0 };
  double *slot = NULL;

  if (!sp_traj_cell_invert (h, inv))
    {
      sp_traj_error (lines, error, SP_TRAJ_READ_ERROR_CELL,
                     _("the cell is zero or singular (a = %g %g %g, b = %g %g %g, c = %g %g %g Å)"),
                     h[0], h[1], h[2], h[3], h[4], h[5], h[6], h[7], h[8]);
      return FALSE;
    }
  if (first)
    memcpy (sink->cell0, h, sizeof sink->cell0);
  if (isfinite (frame->temperature))
    {
      sink->temperature_sum += frame->temperature;
      sink->n_temperatures++;
    }

  for (guint i = 0; i < sink->n_atoms; i++)
    {
      const double *p = frame->pos + (gsize) i * 3;
      double *raw = sink->prev_raw + (gsize) i * 3;
      double *u = sink->prev_unwrapped + (gsize) i * 3;

      if (take_as_read || (first && !use_images))
        memcpy (u, p, 3 * sizeof (double));
      else if (use_images)
        {
          const gint *img = frame->image + (gsize) i * 3;

          for (int k = 0; k < 3; k++)
            u[k] = p[k] + img[0] * h[k] + img[1] * h[3 + k] + img[2] * h[6 + k];
        }
      else
        {
          /* The step since the last frame in fractional coordinates of
           * this frame's cell, folded to the nearest image. */
          double d[3] = { p[0] - raw[0], p[1] - raw[1], p[2] - raw[2] }, s[3];

          for (int k = 0; k < 3; k++)
            {
              s[k] = d[0] * inv[k] + d[1] * inv[3 + k] + d[2] * inv[6 + k];
              s[k] -= rint (s[k]);
            }
          for (int k = 0; k < 3; k++)
            u[k] += s[0] * h[k] + s[1] * h[3 + k] + s[2] * h[6 + k];
        }
      memcpy (raw, p, 3 * sizeof (double));
      if (!isfinite (u[0] + u[1] + u[2]))
        {
          sp_traj_error (lines, error, SP_TRAJ_READ_ERROR_VALUE,
                         _("atom %u: its unwrapped position is beyond the range of numbers"),
                         i + 1);
          return FALSE;
        }
      if (!mobile[i])
        for (int k = 0; k < 3; k++)
          centroid[k] += u[k];
    }

  if (sink->n_framework > 0)
    for (int k = 0; k < 3; k++)
      centroid[k] /= sink->n_framework;
  if (!isfinite (centroid[0] + centroid[1] + centroid[2]))
    {
      sp_traj_error (lines, error, SP_TRAJ_READ_ERROR_VALUE,
                     _("the framework's centroid is beyond the range of numbers"));
      return FALSE;
    }
  if (first)
    memcpy (sink->centroid0, centroid, sizeof centroid);
  if (o->remove_drift && sink->n_framework > 0)
    for (int k = 0; k < 3; k++)
      drift[k] = centroid[k] - sink->centroid0[k];

  if (sink->n_seen++ % stride != 0)
    return TRUE;
  if (!keep_positions (sink, lines, &slot, error))
    return FALSE;
  for (guint i = 0; i < sink->n_atoms; i++)
    if (mobile[i])
      {
        const double *u = sink->prev_unwrapped + (gsize) i * 3;

        for (int k = 0; k < 3; k++)
          *slot++ = u[k] - drift[k];
      }
  return TRUE;
}

static SpTrajSink *
sink_new (const SpTrajReadOptions *options,
          gboolean                 species_only)
{
  SpTrajSink *sink = g_new0 (SpTrajSink, 1);

  sink->options = options;
  sink->species_only = species_only;
  sink->species = g_ptr_array_new_with_free_func (g_free);
  sink->atom_species = g_array_new (FALSE, FALSE, sizeof (guint));
  sink->mobile = g_array_new (FALSE, FALSE, sizeof (gboolean));
  return sink;
}

static void
sink_free (SpTrajSink *sink)
{
  g_ptr_array_unref (sink->species);
  g_array_unref (sink->atom_species);
  g_array_unref (sink->mobile);
  g_free (sink->prev_raw);
  g_free (sink->prev_unwrapped);
  g_free (sink->kept);
  g_free (sink);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SpTrajSink, sink_free)

/* ---- formats ----------------------------------------------------------- */

const char *
sp_traj_format_to_string (SpTrajFormat format)
{
  switch (format)
    {
    case SP_TRAJ_FORMAT_XYZ:
      return "xyz";
    case SP_TRAJ_FORMAT_LAMMPS:
      return "lammps";
    case SP_TRAJ_FORMAT_XDATCAR:
      return "xdatcar";
    case SP_TRAJ_FORMAT_AUTO:
    default:
      return "auto";
    }
}

gboolean
sp_traj_format_from_string (const char   *text,
                            SpTrajFormat *format)
{
  static const struct { const char *name; SpTrajFormat format; } names[] = {
    { "auto", SP_TRAJ_FORMAT_AUTO }, { "xyz", SP_TRAJ_FORMAT_XYZ },
    { "extxyz", SP_TRAJ_FORMAT_XYZ }, { "lammps", SP_TRAJ_FORMAT_LAMMPS },
    { "dump", SP_TRAJ_FORMAT_LAMMPS }, { "lammpstrj", SP_TRAJ_FORMAT_LAMMPS },
    { "xdatcar", SP_TRAJ_FORMAT_XDATCAR }, { "vasp", SP_TRAJ_FORMAT_XDATCAR },
  };

  for (gsize i = 0; text != NULL && i < G_N_ELEMENTS (names); i++)
    if (g_ascii_strcasecmp (text, names[i].name) == 0)
      {
        *format = names[i].format;
        return TRUE;
      }
  return FALSE;
}

static gboolean
is_numbers (const char *line,
            guint       count)
{
  g_autofree char *copy = g_strdup (line);
  char *fields[8];
  guint n = sp_traj_split (copy, fields, G_N_ELEMENTS (fields));

  if (n != count)
    return FALSE;
  for (guint i = 0; i < n; i++)
    {
      char *end = NULL;

      g_ascii_strtod (fields[i], &end);
      if (end == fields[i] || *end != '\0')
        return FALSE;
    }
  return TRUE;
}

static SpTrajFormat
format_from_content (char **head,
                     guint  n)
{
  for (guint i = 0; i < n; i++)
    {
      const char *l = head[i];

      while (*l == ' ' || *l == '\t')
        l++;
      if (*l == '\0')
        continue;
      if (g_str_has_prefix (l, "ITEM:"))
        return SP_TRAJ_FORMAT_LAMMPS;
      break;
    }
  /* XDATCAR: title, scale, three cell rows, (element names,) counts, then
   * "Direct configuration=". */
  if (n >= 8 && is_numbers (head[1], 1) && is_numbers (head[2], 3) && is_numbers (head[3], 3)
      && is_numbers (head[4], 3))
    for (guint i = 6; i < MIN (n, 9u); i++)
      {
        const char *l = head[i];

        while (*l == ' ' || *l == '\t')
          l++;
        if (g_ascii_strncasecmp (l, "direct", 6) == 0 || g_ascii_strncasecmp (l, "cartesian", 9) == 0
            || g_ascii_strncasecmp (l, "konfig", 6) == 0)
          return SP_TRAJ_FORMAT_XDATCAR;
      }
  if (n >= 3)
    {
      g_autofree char *copy = g_strdup (head[0]);
      char *fields[2], *end = NULL;

      if (sp_traj_split (copy, fields, 2) == 1)
        {
          gint64 count = g_ascii_strtoll (fields[0], &end, 10);

          if (*end == '\0' && count > 0)
            return SP_TRAJ_FORMAT_XYZ;
        }
    }
  return SP_TRAJ_FORMAT_AUTO;
}

static SpTrajFormat
format_from_name (const char *path)
{
  g_autofree char *base = g_path_get_basename (path);
  g_autofree char *lower = g_ascii_strdown (base, -1);

  if (g_str_has_suffix (lower, ".gz"))
    lower[strlen (lower) - 3] = '\0';
  if (g_str_has_suffix (lower, ".xyz") || g_str_has_suffix (lower, ".extxyz"))
    return SP_TRAJ_FORMAT_XYZ;
  if (g_str_has_suffix (lower, ".dump") || g_str_has_suffix (lower, ".lammpstrj")
      || g_str_has_prefix (lower, "dump"))
    return SP_TRAJ_FORMAT_LAMMPS;
  if (g_str_has_prefix (lower, "xdatcar") || g_str_has_suffix (lower, "xdatcar"))
    return SP_TRAJ_FORMAT_XDATCAR;
  return SP_TRAJ_FORMAT_AUTO;
}

SpTrajFormat
sp_traj_detect_format (const char *path)
{
  SpTrajLines lines;
  char *head[10];
  guint n = 0;
  SpTrajFormat format = SP_TRAJ_FORMAT_AUTO;

  if (sp_traj_lines_open (&lines, path, NULL, NULL, NULL, NULL))
    {
      char *line;

      while (n < G_N_ELEMENTS (head) && (line = sp_traj_lines_next (&lines, NULL)) != NULL)
        head[n++] = g_strdup (line);
      format = format_from_content (head, n);
      for (guint i = 0; i < n; i++)
        g_free (head[i]);
    }
  sp_traj_lines_clear (&lines);
  return format != SP_TRAJ_FORMAT_AUTO ? format : format_from_name (path);
}

static gboolean
read_all (const char               *path,
          SpTrajFormat              format,
          SpTrajSink               *sink,
          SpTrajProgressFunc        progress,
          gpointer                  user_data,
          GCancellable             *cancellable,
          GError                  **error)
{
  SpTrajLines lines;
  g_autoptr (GError) local = NULL;
  gboolean ok;

  if (format == SP_TRAJ_FORMAT_AUTO)
    format = sp_traj_detect_format (path);
  if (!sp_traj_lines_open (&lines, path, progress, user_data, cancellable, error))
    {
      sp_traj_lines_clear (&lines);
      return FALSE;
    }
  switch (format)
    {
    case SP_TRAJ_FORMAT_XYZ:
      ok = sp_traj_read_xyz (&lines, sink, &local);
      break;
    case SP_TRAJ_FORMAT_LAMMPS:
      ok = sp_traj_read_lammps (&lines, sink, &local);
      break;
    case SP_TRAJ_FORMAT_XDATCAR:
      ok = sp_traj_read_xdatcar (&lines, sink, &local);
      break;
    case SP_TRAJ_FORMAT_AUTO:
    default:
      g_set_error (&local, SP_TRAJ_READ_ERROR, SP_TRAJ_READ_ERROR_FORMAT,
                   _("%s: not a trajectory this reader knows (extended XYZ, LAMMPS dump, "
                     "VASP XDATCAR); choose the format if it is one of them"), lines.name);
      ok = FALSE;
      break;
    }
  /* A species-only read stops after the first frame without an error. */
  if (!ok && local == NULL && sink->species_only && sink->species->len > 0)
    ok = TRUE;
  else if (ok && sink->n_atoms == 0)
    {
      g_set_error (&local, SP_TRAJ_READ_ERROR, SP_TRAJ_READ_ERROR_FORMAT,
                   _("%s: no frame found"), lines.name);
      ok = FALSE;
    }
  if (!ok && local != NULL)
    g_propagate_error (error, g_steal_pointer (&local));
  else if (!ok)
    g_set_error (error, SP_TRAJ_READ_ERROR, SP_TRAJ_READ_ERROR_FORMAT,
                 _("%s: no frame found"), lines.name);
  sp_traj_lines_clear (&lines);
  return ok;
}

SpTrajectory *
sp_traj_read_file (const char              *path,
                   const SpTrajReadOptions *options,
                   SpTrajProgressFunc       progress,
                   gpointer                 user_data,
                   GCancellable            *cancellable,
                   GError                 **error)
{
  g_autoptr (SpTrajSink) sink = NULL;
  g_autofree char *name = NULL;
  SpTrajectory *trajectory;
  guint stride;

  g_return_val_if_fail (path != NULL && options != NULL, NULL);
  name = g_path_get_basename (path);
  if (options->species == NULL || *options->species == '\0')
    {
      g_set_error (error, SP_TRAJ_READ_ERROR, SP_TRAJ_READ_ERROR_OPTIONS,
                   _("%s: choose the mobile species (an element such as Li, or a LAMMPS type)"),
                   name);
      return NULL;
    }
  if (!(options->timestep_fs > 0) || !isfinite (options->timestep_fs))
    {
      g_set_error (error, SP_TRAJ_READ_ERROR, SP_TRAJ_READ_ERROR_OPTIONS,
                   _("%s: the time step between frames must be positive, got %g fs"),
                   name, options->timestep_fs);
      return NULL;
    }
  stride = MAX (options->stride, 1u);

  sink = sink_new (options, FALSE);
  if (!read_all (path, options->format, sink, progress, user_data, cancellable, error))
    return NULL;

  trajectory = sp_trajectory_new (sink->n_mobile, 1);
  g_free (trajectory->positions);
  trajectory->positions = g_steal_pointer (&sink->kept);
  trajectory->n_frames = sink->n_kept;
  trajectory->dt_ps = options->timestep_fs * stride * 1e-3;
  memcpy (trajectory->cell, sink->cell0, sizeof trajectory->cell);
  trajectory->charge = options->charge;
  if (sink->n_temperatures > 0)
    trajectory->temperature_k = sink->temperature_sum / sink->n_temperatures;
  sp_trajectory_set_species (trajectory, options->species);
  sp_trajectory_set_name (trajectory, name);
  if (progress != NULL)
    progress (1.0, user_data);
  return trajectory;
}

GStrv
sp_traj_read_species (const char   *path,
                      SpTrajFormat  format,
                      GError      **error)
{
  g_autoptr (SpTrajSink) sink = NULL;
  SpTrajReadOptions options;

  g_return_val_if_fail (path != NULL, NULL);
  sp_traj_read_options_init (&options);
  sink = sink_new (&options, TRUE);
  if (!read_all (path, format, sink, NULL, NULL, NULL, error))
    return NULL;
  g_ptr_array_add (sink->species, NULL);
  return (GStrv) g_ptr_array_steal (sink->species, NULL);
}
