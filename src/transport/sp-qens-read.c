/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sp-qens-read.c — a table of QENS linewidths Γ(Q) (see sp-qens.h)
 *
 * Q (Å⁻¹), Γ (meV, HWHM) and optionally Γ's error, one point per line,
 * through the text-table helpers the impedance and Arrhenius readers use
 * (encodings, separators, decimal commas).  Text lines before the first
 * row of numbers are titles or a header (commented or not: the last one
 * before the numbers counts); the header's units scale the columns (linewidths are often tabulated in µeV, Q in nm⁻¹).
 */

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "sp-qens.h"
#include "sp-text-table-private.h"

/* A linewidth table has tens of points; 16 MiB is far beyond any. */
#define MAX_BYTES (16 * 1024 * 1024)

static void
scales_from_header (const char *header,
                    double     *q_scale,
                    double     *gamma_scale)
{
  g_autofree char *lower = g_utf8_strdown (header, -1);

  if (strstr (lower, "µev") != NULL || strstr (lower, "μev") != NULL
      || strstr (lower, "uev") != NULL)
    *gamma_scale = 1e-3;
  if (strstr (lower, "1/nm") != NULL || strstr (lower, "nm^-1") != NULL
      || strstr (lower, "nm⁻¹") != NULL || strstr (lower, "nm-1") != NULL)
    *q_scale = 0.1;
}

SpQensGamma *
sp_qens_read_table_data (const char *bytes,
                         gsize       len,
                         const char *name_for_messages,
                         GError    **error)
{
  g_autofree char *file = g_path_get_basename (name_for_messages);
  g_autoptr (GError) local = NULL;
  g_autoptr (GArray) rows = g_array_new (FALSE, FALSE, sizeof (double));
  SpTextLines text = { 0 };
  SpQensGamma *gamma = NULL;
  const char *header = NULL;
  double q_scale = 1, gamma_scale = 1;
  guint width = 0, n_points;

  if (!sp_text_lines_init (&text, bytes, len, file, &local))
    {
      g_set_error_literal (error, SP_QENS_ERROR, SP_QENS_ERROR_FORMAT, local->message);
      goto out;
    }
  for (guint k = 0; k < text.n_lines; k++)
    {
      const char *line = text.lines[k];
      gboolean dc;
      char sep;
      g_auto (GStrv) fields = NULL;
      guint n = 0;
      double v[3];

      if (sp_text_is_blank (line))
        continue;
      if (sp_text_is_comment (line))
        {
          /* A commented header ("# Q (1/A)  Gamma (ueV)") still gives units. */
          if (width == 0)
            header = line;
          continue;
        }
      sep = sp_text_numeric_row (line, 2, &dc);
      if (sep == 0)
        {
          g_autofree char *shown = sp_text_quote (line);

          if (width == 0)
            {
              header = line;
              continue;
            }
          g_set_error (error, SP_QENS_ERROR, SP_QENS_ERROR_FORMAT,
                       _("%s, line %u: expected Q, Γ and optionally its error as numbers, "
                         "found %s"), file, k + 1, shown);
          goto out;
        }
      fields = sp_text_split (line, sep);
      for (guint i = 0; fields[i] != NULL; i++)
        {
          if (*fields[i] == '\0')
            continue;
          if (n < 3)
            sp_text_parse_number (fields[i], dc, &v[n]);
          n++;
        }
      if (n > 3)
        {
          g_set_error (error, SP_QENS_ERROR, SP_QENS_ERROR_FORMAT,
                       _("%s, line %u: expected 2 or 3 numbers (Q, Γ, error), found %u"),
                       file, k + 1, n);
          goto out;
        }
      if (width != 0 && n != width)
        {
          g_set_error (error, SP_QENS_ERROR, SP_QENS_ERROR_FORMAT,
                       _("%s, line %u: expected %u numbers like the first row, found %u"),
                       file, k + 1, width, n);
          goto out;
        }
      if (width == 0)
        {
          width = n;
          if (header != NULL)
            scales_from_header (header, &q_scale, &gamma_scale);
        }
      for (guint i = 0; i < n; i++)
        if (!isfinite (v[i]))
          {
            g_set_error (error, SP_QENS_ERROR, SP_QENS_ERROR_FORMAT,
                         _("%s, line %u: %g is not a finite number"), file, k + 1, v[i]);
            goto out;
          }
      if (!(v[0] > 0))
        {
          g_set_error (error, SP_QENS_ERROR, SP_QENS_ERROR_FORMAT,
                       _("%s, line %u: Q must be positive, found %g Å⁻¹"), file, k + 1, v[0]);
          goto out;
        }
      if (!(v[1] > 0))
        {
          g_set_error (error, SP_QENS_ERROR, SP_QENS_ERROR_FORMAT,
                       _("%s, line %u: the linewidth Γ must be positive, found %g"), file,
                       k + 1, v[1]);
          goto out;
        }
      if (n == 3 && !(v[2] > 0))
        {
          g_set_error (error, SP_QENS_ERROR, SP_QENS_ERROR_FORMAT,
                       _("%s, line %u: the error of Γ must be positive, found %g"), file,
                       k + 1, v[2]);
          goto out;
        }
      v[0] *= q_scale;
      v[1] *= gamma_scale;
      v[2] = n == 3 ? v[2] * gamma_scale : NAN;
      g_array_append_vals (rows, v, 3);
    }
  n_points = rows->len / 3;
  if (n_points < SP_QENS_MIN_POINTS)
    {
      g_set_error (error, SP_QENS_ERROR, SP_QENS_ERROR_FORMAT,
                   _("%s: %u Q/Γ points found, the Chudley–Elliott fit needs at least %u"),
                   file, n_points, (guint) SP_QENS_MIN_POINTS);
      goto out;
    }
  gamma = sp_qens_gamma_new (n_points, width == 3);
  for (guint i = 0; i < n_points; i++)
    {
      const double *v = &g_array_index (rows, double, 3 * i);

      gamma->q[i] = v[0];
      gamma->gamma_mev[i] = v[1];
      if (width == 3)
        gamma->gamma_err_mev[i] = v[2];
    }
  g_free (gamma->name);
  gamma->name = g_steal_pointer (&file);
out:
  sp_text_lines_clear (&text);
  return gamma;
}

SpQensGamma *
sp_qens_read_table (const char *path,
                    GError    **error)
{
  g_autofree char *name = g_path_get_basename (path);
  g_autoptr (GError) local = NULL;
  g_autoptr (GMappedFile) mapped = NULL;
  gsize len;

  mapped = g_mapped_file_new (path, FALSE, &local);
  if (mapped == NULL)
    {
      g_set_error (error, SP_QENS_ERROR, SP_QENS_ERROR_FORMAT, _("%s: cannot read it: %s"),
                   name, local->message);
      return NULL;
    }
  len = g_mapped_file_get_length (mapped);
  if (len > MAX_BYTES)
    {
      g_set_error (error, SP_QENS_ERROR, SP_QENS_ERROR_FORMAT,
                   _("%s: %zu bytes is too large for a table of linewidths"), name, len);
      return NULL;
    }
  return sp_qens_read_table_data (len > 0 ? g_mapped_file_get_contents (mapped) : "", len,
                                  path, error);
}
