/* sp-finite-size.c — values at several box lengths extrapolated to 1/L → 0
 * (see the header)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <gio/gio.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <gsl/gsl_fit.h>
#include <math.h>
#include <string.h>
#include <sys/stat.h>

#include "sp-eis-read-private.h"
#include "sp-finite-size.h"

#define BOLTZMANN_J_PER_K 1.380649e-23

gboolean
sp_finite_size_fit (const double    *length,
                    const double    *value,
                    const double    *value_stderr,
                    guint            n,
                    SpFiniteSizeFit *fit,
                    GError         **error)
{
  g_autofree double *x = NULL;
  g_autofree double *w = NULL;
  double c0, c1, cov00, cov01, cov11, chi2;
  gboolean one_length = TRUE;

  g_return_val_if_fail (fit != NULL, FALSE);
  memset (fit, 0, sizeof *fit);
  if (n < 2)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("an extrapolation to infinite size needs at least 2 box lengths, got %u"),
                   n);
      return FALSE;
    }
  x = g_new (double, n);
  w = g_new (double, n);
  for (guint i = 0; i < n; i++)
    {
      if (!(isfinite (length[i]) && length[i] > 0.0))
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                       _("point %u: the box length must be positive, not %g"), i + 1, length[i]);
          return FALSE;
        }
      if (!isfinite (value[i]))
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                       _("point %u: the value is not a finite number"), i + 1);
          return FALSE;
        }
      if (value_stderr != NULL && !(isfinite (value_stderr[i]) && value_stderr[i] > 0.0))
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                       _("point %u: the error must be positive, not %g"), i + 1,
                       value_stderr[i]);
          return FALSE;
        }
      x[i] = 1.0 / length[i];
      if (value_stderr != NULL)
        w[i] = 1.0 / (value_stderr[i] * value_stderr[i]);
      if (length[i] != length[0])
        one_length = FALSE;
    }
  if (one_length)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("every point is at the same box length (%g): no slope to fit"), length[0]);
      return FALSE;
    }

  fit->n_points = n;
  fit->dof = n - 2;
  fit->weighted = value_stderr != NULL;
  if (fit->weighted)
    /* The errors are known: (XᵀWX)⁻¹ as it stands. */
    gsl_fit_wlinear (x, 1, w, 1, value, 1, n, &c0, &c1, &cov00, &cov01, &cov11, &chi2);
  else
    /* GSL scales by the residual variance Σr²/(n − 2), undefined for 2. */
    gsl_fit_linear (x, 1, value, 1, n, &c0, &c1, &cov00, &cov01, &cov11, &chi2);
  if (!fit->weighted && n == 2)
    cov00 = cov01 = cov11 = NAN;
  fit->value_inf = c0;
  fit->slope = c1;
  fit->value_inf_stderr = sqrt (cov00);
  fit->slope_stderr = sqrt (cov11);
  fit->cov_value_slope = cov01;
  fit->chi2 = chi2;
  return TRUE;
}

double
sp_finite_size_value_at (const SpFiniteSizeFit *fit,
                         double                 length)
{
  return fit->value_inf + fit->slope / length;
}

double
sp_yeh_hummer_correction_cm2_s (double temperature_k,
                                double viscosity_pa_s,
                                double length_angstrom)
{
  double d_m2_s;

  if (!(temperature_k > 0.0) || !(viscosity_pa_s > 0.0) || !(length_angstrom > 0.0)
      || !isfinite (temperature_k) || !isfinite (viscosity_pa_s) || !isfinite (length_angstrom))
    return NAN;
  d_m2_s = SP_YEH_HUMMER_XI_CUBIC * BOLTZMANN_J_PER_K * temperature_k
           / (6.0 * G_PI * viscosity_pa_s * length_angstrom * 1e-10);
  return d_m2_s * 1e4;
}

/* ---- the table --------------------------------------------------------- */

static const char *const length_names[] = { "l", "length", "box", "box_length", "boxlength",
                                            "size", NULL };
static const char *const value_names[] = { "value", "d", "d*", "e", "ea", "e_a", "barrier",
                                           "diffusivity", "y", NULL };
static const char *const error_names[] = { "error", "err", "stderr", "sigma", "u", "sd", "std",
                                           "uncertainty", "d_err", "d_stderr", "e_err",
                                           "value_err", "value_error", "value_stderr", NULL };

static gboolean
parse_cell (const char *file,
            guint       line,
            char      **fields,
            int         col,
            char        sep,
            double     *value,
            GError    **error)
{
  g_autofree char *q = NULL;

  if (sp_text_parse_number (fields[col], sep != ',', value) && isfinite (*value))
    return TRUE;
  q = sp_text_quote (fields[col]);
  g_set_error (error, SP_EIS_READ_ERROR, SP_EIS_READ_ERROR_VALUE,
               _("%s, line %u: %s is not a finite number"), file, line, q);
  return FALSE;
}

void
sp_finite_size_data_free (SpFiniteSizeData *data)
{
  if (data == NULL)
    return;
  g_free (data->length);
  g_free (data->value);
  g_free (data->value_stderr);
  g_free (data);
}

/* The columns from a header line; FALSE when L or the value is missing. */
static gboolean
columns_from_header (char **names,
                     int   *cols)
{
  cols[0] = cols[1] = cols[2] = -1;
  for (int i = 0; names[i] != NULL; i++)
    {
      SpTextUnit unit;
      g_autofree char *key = sp_text_column_key (names[i], &unit);
      char *cut = strpbrk (key, "([/");

      /* Units the table reader does not know ("D (cm2/s)", "L [nm]") stay
       * in the key: any bracket or slash ends the name. */
      if (cut != NULL && cut != key)
        *cut = '\0';

      if (cols[0] < 0 && sp_text_key_in (key, length_names))
        cols[0] = i;
      else if (cols[1] < 0 && sp_text_key_in (key, value_names))
        cols[1] = i;
      else if (cols[2] < 0 && sp_text_key_in (key, error_names))
        cols[2] = i;
    }
  return cols[0] >= 0 && cols[1] >= 0;
}

SpFiniteSizeData *
sp_finite_size_data_read (const char *bytes,
                          gsize       len,
                          const char *name_for_messages,
                          GError    **error)
{
  g_autofree char *file = g_path_get_basename (name_for_messages != NULL
                                               && name_for_messages[0] != '\0'
                                               ? name_for_messages : "data");
  SpTextLines text;
  GArray *columns[3];
  SpFiniteSizeData *data = NULL;
  int cols[3] = { -1, -1, -1 };
  guint first = G_MAXUINT, i;
  char sep = 0;

  for (guint c = 0; c < 3; c++)
    columns[c] = g_array_new (FALSE, FALSE, sizeof (double));
  if (!sp_text_lines_init (&text, bytes, len, file, error))
    {
      for (guint c = 0; c < 3; c++)
        g_array_free (columns[c], TRUE);
      return NULL;
    }

  for (i = 0; i < text.n_lines; i++)
    {
      const char *line = text.lines[i];
      gboolean decimal_comma;

      if (sp_text_is_blank (line) || sp_text_is_comment (line))
        continue;
      sep = sp_text_numeric_row (line, 2, &decimal_comma);
      if (sep != 0)
        {
          g_auto (GStrv) fields = sp_text_split (line, sep);

          cols[0] = 0;
          cols[1] = 1;
          cols[2] = g_strv_length (fields) >= 3 ? 2 : -1;
          first = i;
        }
      else
        {
          g_auto (GStrv) names = NULL;

          sep = strchr (line, '\t') ? '\t' : strchr (line, ';') ? ';'
                : strchr (line, ',') ? ',' : ' ';
          names = sp_text_split (line, sep);
          if (!columns_from_header (names, cols))
            {
              g_set_error (error, SP_EIS_READ_ERROR, SP_EIS_READ_ERROR_FORMAT,
                           _("%s, line %u: need a box length column (L) and a value column "
                             "(value, D or E), optionally an error column (error)"),
                           file, i + 1);
              goto out;
            }
          first = i + 1;
        }
      break;
    }
  if (first == G_MAXUINT)
    {
      g_set_error (error, SP_EIS_READ_ERROR, SP_EIS_READ_ERROR_FORMAT,
                   _("%s: no table of box lengths and values found"), file);
      goto out;
    }

  for (i = first; i < text.n_lines; i++)
    {
      const char *line = text.lines[i];
      g_auto (GStrv) fields = NULL;
      int need = MAX (cols[0], MAX (cols[1], cols[2])) + 1;

      if (sp_text_is_blank (line) || sp_text_is_comment (line))
        continue;
      fields = sp_text_split (line, sep);
      if ((int) g_strv_length (fields) < need)
        {
          g_set_error (error, SP_EIS_READ_ERROR, SP_EIS_READ_ERROR_VALUE,
                       _("%s, line %u: expected %d columns, found %u"),
                       file, i + 1, need, g_strv_length (fields));
          goto out;
        }
      for (guint c = 0; c < 3; c++)
        {
          double v;

          if (cols[c] < 0)
            continue;
          if (!parse_cell (file, i + 1, fields, cols[c], sep, &v, error))
            goto out;
          if (c == 0 && !(v > 0.0))
            {
              g_set_error (error, SP_EIS_READ_ERROR, SP_EIS_READ_ERROR_VALUE,
                           _("%s, line %u: the box length must be positive, found %g"),
                           file, i + 1, v);
              goto out;
            }
          if (c == 2 && !(v > 0.0))
            {
              g_set_error (error, SP_EIS_READ_ERROR, SP_EIS_READ_ERROR_VALUE,
                           _("%s, line %u: the uncertainty must be positive, found %g"),
                           file, i + 1, v);
              goto out;
            }
          g_array_append_val (columns[c], v);
        }
    }

  data = g_new0 (SpFiniteSizeData, 1);
  data->n_points = columns[0]->len;
  data->length = (double *) g_array_free (g_steal_pointer (&columns[0]), FALSE);
  data->value = (double *) g_array_free (g_steal_pointer (&columns[1]), FALSE);
  data->value_stderr = cols[2] >= 0
                       ? (double *) g_array_free (g_steal_pointer (&columns[2]), FALSE)
                       : NULL;
out:
  for (guint c = 0; c < 3; c++)
    if (columns[c] != NULL)
      g_array_free (columns[c], TRUE);
  sp_text_lines_clear (&text);
  return data;
}

SpFiniteSizeData *
sp_finite_size_data_read_file (const char *path,
                               GError    **error)
{
  g_autofree char *name = g_path_get_basename (path);
  g_autofree char *contents = NULL;
  g_autoptr (GError) local = NULL;
  GStatBuf st;
  gsize len;

  if (g_stat (path, &st) == 0 && S_ISREG (st.st_mode)
      && !sp_eis_read_check_size (name, st.st_size, error))
    return NULL;
  if (!g_file_get_contents (path, &contents, &len, &local))
    {
      g_set_error (error, local->domain, local->code, _("%s: cannot read it: %s"),
                   name, local->message);
      return NULL;
    }
  return sp_finite_size_data_read (contents, len, path, error);
}
