/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sp-arrhenius-read.c — temperature/conductivity tables for the Arrhenius
 * fit (see sp-arrhenius.h)
 */

#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <math.h>
#include <string.h>
#include <sys/stat.h>

#include "sp-arrhenius.h"
#include "sp-eis-read-private.h"

#define CELSIUS_ZERO_K 273.15

static const char *const t_names[] = { "t", "temp", "temperature", NULL };
static const char *const sigma_names[] = {
  "sigma", "σ", "conductivity", "sigma_total", "σ_total", "sigma_tot", NULL
};
static const char *const u_names[] = {
  "sigma_err", "sigma_error", "sigma_stderr", "sigma_std", "sigma_sd", "sigma_unc",
  "sigma_uncertainty", "u(sigma)", "u_sigma", "dsigma", "d_sigma", "δσ", "δsigma", "Δσ",
  "σ_err", "σ_stderr", "u(σ)", "err", "error", "stderr", "uncertainty", "conductivity_err",
  "conductivity_error", "u", "sd", "std", NULL
};

typedef struct
{
  int      t, sigma, u;
  gboolean celsius;
  double   sigma_scale, u_scale;
} Columns;

static gboolean
columns_from_header (char   **names,
                     Columns *c)
{
  c->t = c->sigma = c->u = -1;
  c->celsius = FALSE;
  c->sigma_scale = c->u_scale = 1;
  for (int i = 0; names[i] != NULL; i++)
    {
      SpTextUnit unit;
      g_autofree char *key = sp_text_column_key (names[i], &unit);

      if (c->t < 0 && sp_text_key_in (key, t_names))
        {
          c->t = i;
          /* A bare "T" is in kelvin; °C only when the unit says so. */
          c->celsius = unit.kind == SP_TEXT_UNIT_CELSIUS;
        }
      else if (c->sigma < 0 && sp_text_key_in (key, sigma_names))
        {
          c->sigma = i;
          if (unit.kind == SP_TEXT_UNIT_S_PER_CM)
            c->sigma_scale = unit.factor;
        }
      else if (c->u < 0 && sp_text_key_in (key, u_names))
        {
          c->u = i;
          if (unit.kind == SP_TEXT_UNIT_S_PER_CM)
            c->u_scale = unit.factor;
        }
    }
  return c->t >= 0 && c->sigma >= 0;
}

static gboolean
parse_cell (const char *file,
            guint       line,
            char      **fields,
            char      **names,
            int         col,
            char        sep,
            guint       expected,
            double     *value,
            GError    **error)
{
  g_autofree char *q = NULL;

  if (sp_text_parse_number (fields[col], sep != ',', value) && isfinite (*value))
    return TRUE;
  q = sp_text_quote (fields[col]);
  if (sp_text_parse_number (fields[col], sep != ',', value))
    g_set_error (error, SP_EIS_READ_ERROR, SP_EIS_READ_ERROR_VALUE,
                 _("%s, line %u: %s is not a finite number"), file, line, q);
  else if (names != NULL)
    {
      g_autofree char *name = sp_text_quote (names[col]);

      g_set_error (error, SP_EIS_READ_ERROR, SP_EIS_READ_ERROR_VALUE,
                   _("%s, line %u: expected a number in column %s, found %s"),
                   file, line, name, q);
    }
  else
    g_set_error (error, SP_EIS_READ_ERROR, SP_EIS_READ_ERROR_VALUE,
                 _("%s, line %u: expected %u numbers, found %s"), file, line, expected, q);
  return FALSE;
}

void
sp_arrhenius_data_free (SpArrheniusData *data)
{
  if (data == NULL)
    return;
  g_free (data->temperature_k);
  g_free (data->sigma_s_per_cm);
  g_free (data->sigma_stderr);
  g_free (data);
}

SpArrheniusData *
sp_arrhenius_data_read (const char  *bytes,
                        gsize        len,
                        const char  *name_for_messages,
                        GError     **error)
{
  g_autofree char *file = g_path_get_basename (name_for_messages != NULL &&
                                               name_for_messages[0] != '\0'
                                               ? name_for_messages : "data");
  SpTextLines text;
  g_auto(GStrv) names = NULL;
  g_autoptr(GArray) t = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) s = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) u = g_array_new (FALSE, FALSE, sizeof (double));
  SpArrheniusData *data = NULL;
  Columns cols = { -1, -1, -1, FALSE, 1, 1 };
  guint first = G_MAXUINT, i;
  char sep = 0;

  if (!sp_text_lines_init (&text, bytes, len, file, error))
    goto out;

  /* The first line that is not blank or a comment: names or numbers. */
  for (i = 0; i < text.n_lines; i++)
    {
      const char *line = text.lines[i];
      gboolean decimal_comma;

      if (sp_text_is_blank (line) || sp_text_is_comment (line))
        continue;
      sep = sp_text_numeric_row (line, 2, &decimal_comma);
      if (sep != 0)
        {
          /* No header: T (K), σ (S/cm), u_σ by order. */
          g_auto(GStrv) fields = sp_text_split (line, sep);

          cols.t = 0;
          cols.sigma = 1;
          cols.u = g_strv_length (fields) >= 3 ? 2 : -1;
          first = i;
        }
      else
        {
          sep = strchr (line, '\t') ? '\t' : strchr (line, ';') ? ';' : strchr (line, ',') ? ',' : ' ';
          names = sp_text_split (line, sep);
          if (!columns_from_header (names, &cols))
            {
              GString *found = g_string_new (NULL);

              for (guint k = 0; names[k] != NULL; k++)
                {
                  g_autofree char *q = sp_text_quote (names[k]);

                  g_string_append_printf (found, "%s%s", k > 0 ? ", " : "", q);
                }
              g_set_error (error, SP_EIS_READ_ERROR, SP_EIS_READ_ERROR_FORMAT,
                           _("%s, line %u: need a temperature column (T, in K or °C) and a "
                             "conductivity column (sigma, S/cm); the header has %s"),
                           file, i + 1, found->str);
              g_string_free (found, TRUE);
              goto out;
            }
          first = i + 1;
        }
      break;
    }
  if (first == G_MAXUINT)
    {
      g_set_error (error, SP_EIS_READ_ERROR, SP_EIS_READ_ERROR_FORMAT,
                   _("%s: no table of temperatures and conductivities found"), file);
      goto out;
    }

  for (i = first; i < text.n_lines; i++)
    {
      const char *line = text.lines[i];
      g_auto(GStrv) fields = NULL;
      int need = MAX (cols.t, MAX (cols.sigma, cols.u)) + 1;
      double tv, sv, uv = 0;

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
      if (!parse_cell (file, i + 1, fields, names, cols.t, sep, need, &tv, error) ||
          !parse_cell (file, i + 1, fields, names, cols.sigma, sep, need, &sv, error) ||
          (cols.u >= 0 && !parse_cell (file, i + 1, fields, names, cols.u, sep, need, &uv, error)))
        goto out;
      if (cols.celsius)
        tv += CELSIUS_ZERO_K;
      sv *= cols.sigma_scale;
      uv *= cols.u_scale;
      if (!(tv > 0))
        {
          g_set_error (error, SP_EIS_READ_ERROR, SP_EIS_READ_ERROR_VALUE,
                       _("%s, line %u: the temperature must be above 0 K, found %g K"),
                       file, i + 1, tv);
          goto out;
        }
      if (!(sv > 0))
        {
          g_set_error (error, SP_EIS_READ_ERROR, SP_EIS_READ_ERROR_VALUE,
                       _("%s, line %u: the conductivity must be positive, found %g S/cm"),
                       file, i + 1, sv);
          goto out;
        }
      if (cols.u >= 0 && !(uv > 0))
        {
          g_set_error (error, SP_EIS_READ_ERROR, SP_EIS_READ_ERROR_VALUE,
                       _("%s, line %u: the uncertainty must be positive, found %g S/cm"),
                       file, i + 1, uv);
          goto out;
        }
      g_array_append_val (t, tv);
      g_array_append_val (s, sv);
      g_array_append_val (u, uv);
    }

  data = g_new0 (SpArrheniusData, 1);
  data->n_points = t->len;
  data->celsius = cols.celsius;
  data->temperature_k = (double *) g_array_free (g_steal_pointer (&t), FALSE);
  data->sigma_s_per_cm = (double *) g_array_free (g_steal_pointer (&s), FALSE);
  data->sigma_stderr = cols.u >= 0 ? (double *) g_array_free (g_steal_pointer (&u), FALSE) : NULL;

out:
  sp_text_lines_clear (&text);
  return data;
}

SpArrheniusData *
sp_arrhenius_data_read_file (const char  *path,
                             GError     **error)
{
  g_autofree char *name = g_path_get_basename (path);
  g_autofree char *contents = NULL;
  g_autoptr(GError) local = NULL;
  GStatBuf st;
  gsize len;

  if (g_stat (path, &st) == 0 && S_ISREG (st.st_mode) &&
      !sp_eis_read_check_size (name, st.st_size, error))
    return NULL;
  if (!g_file_get_contents (path, &contents, &len, &local))
    {
      g_set_error (error, local->domain, local->code, _("%s: cannot read it: %s"),
                   name, local->message);
      return NULL;
    }
  return sp_arrhenius_data_read (contents, len, path, error);
}
