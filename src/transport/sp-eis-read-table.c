/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sp-eis-read-table.c — the columns of a spectrum table, found by name or
 * by order, and its rows read with a message for every bad one
 */

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "sp-eis-read-private.h"

/* Column names after sp_text_column_key (lower case, no blanks, no unit). */
static const char *const freq_names[] = {
  "f", "freq", "freq.", "frequency", "frequencies", NULL
};
static const char *const re_names[] = {
  "z'", "zreal", "zre", "z_re", "z_real", "z-re", "re(z)", "re[z]", "rez", "re_z", "real(z)",
  "real", "re", "zr", "z_r", NULL
};
static const char *const im_names[] = {
  "z''", "zimag", "zim", "z_im", "z_imag", "z-im", "im(z)", "im[z]", "imz", "im_z", "imag(z)",
  "imag", "im", "zi", "z_i", NULL
};
static const char *const minus_im_names[] = {
  "-z''", "-zimag", "-zim", "-z_im", "-z_imag", "-im(z)", "-im[z]", "-imz", "-im_z",
  "-imag(z)", "-imag", "-im", "-zi", "minus_z_im", "minus_z_imag", "neg_z_im", NULL
};
static const char *const mod_names[] = {
  "|z|", "zmod", "z_mod", "mod(z)", "modz", "mod_z", "abs(z)", "z_abs", "zabs", "z",
  "magnitude", "zmag", "z_mag", NULL
};
static const char *const phase_names[] = {
  "phase", "phase(z)", "zphz", "phz", "zphase", "z_phase", "phase_z", "theta", "θ", "phi",
  "φ", "angle", "arg(z)", NULL
};
static const char *const minus_phase_names[] = {
  "-phase", "-phase(z)", "-zphz", "-phz", "-zphase", "-z_phase", "-phase_z", "-theta", "-θ",
  "-phi", "-φ", "-angle", "-arg(z)", NULL
};

typedef struct
{
  int      f, re, im, mod, phase;    /* column indices, −1: none           */
  double   f_scale, re_scale, im_scale, mod_scale;
  gboolean im_is_minus;              /* the column holds −Z″               */
  gboolean phase_is_minus, phase_in_rad;
  gboolean by_order;                 /* no header: f, Z′, Z″ by position   */
  gboolean detect_im_sign;           /* no header: −Z″ when mostly positive */
  char   **names;                    /* the header's names, or NULL        */
} Columns;

static void
columns_init (Columns *c)
{
  memset (c, 0, sizeof *c);
  c->f = c->re = c->im = c->mod = c->phase = -1;
  c->f_scale = c->re_scale = c->im_scale = c->mod_scale = 1;
}

/* Sets *@slot to @i unless already set (the first such column wins). */
static void
take (int    *slot,
      double *scale,
      int     i,
      const SpTextUnit *unit,
      SpTextUnitKind    kind)
{
  if (*slot >= 0)
    return;
  *slot = i;
  if (scale != NULL && unit->kind == kind)
    *scale = unit->factor;
}

/* Matches the header @fields; returns how many columns it recognised. */
static guint
columns_from_header (Columns *c,
                     char   **fields)
{
  guint recognised = 0;

  for (int i = 0; fields[i] != NULL; i++)
    {
      SpTextUnit unit;
      g_autofree char *key = sp_text_column_key (fields[i], &unit);
      gboolean known = TRUE;

      if (sp_text_key_in (key, freq_names))
        take (&c->f, &c->f_scale, i, &unit, SP_TEXT_UNIT_HZ);
      else if (sp_text_key_in (key, re_names))
        take (&c->re, &c->re_scale, i, &unit, SP_TEXT_UNIT_OHM);
      else if (sp_text_key_in (key, im_names) || sp_text_key_in (key, minus_im_names))
        {
          if (c->im < 0)
            c->im_is_minus = key[0] == '-' || g_str_has_prefix (key, "minus") ||
                             g_str_has_prefix (key, "neg");
          take (&c->im, &c->im_scale, i, &unit, SP_TEXT_UNIT_OHM);
        }
      else if (sp_text_key_in (key, mod_names))
        take (&c->mod, &c->mod_scale, i, &unit, SP_TEXT_UNIT_OHM);
      else if (sp_text_key_in (key, phase_names) || sp_text_key_in (key, minus_phase_names))
        {
          if (c->phase < 0)
            {
              c->phase_is_minus = key[0] == '-';
              c->phase_in_rad = unit.kind == SP_TEXT_UNIT_RADIAN;
            }
          take (&c->phase, NULL, i, &unit, SP_TEXT_UNIT_NONE);
        }
      else
        known = FALSE;
      recognised += known;
    }
  return recognised;
}

static gboolean
columns_complete (const Columns *c)
{
  return c->f >= 0 && ((c->re >= 0 && c->im >= 0) || (c->mod >= 0 && c->phase >= 0));
}

static char *
join_quoted (char **fields)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; fields[i] != NULL; i++)
    {
      g_autofree char *q = sp_text_quote (fields[i]);

      if (i > 0)
        g_string_append (out, ", ");
      g_string_append (out, q);
    }
  return g_string_free (out, FALSE);
}

static char
guess_separator (const char *line)
{
  if (strchr (line, '\t') != NULL)
    return '\t';
  if (strchr (line, ';') != NULL)
    return ';';
  if (strchr (line, ',') != NULL)
    return ',';
  return ' ';
}

static const char *
comment_body (const char *line)
{
  while (g_ascii_isspace (*line))
    line++;
  if (line[0] == '/' && line[1] == '/')
    return line + 2;
  return line + 1;
}

static guint
strv_len (char **v)
{
  return g_strv_length (v);
}

/* @line as a complete header (a frequency and Z′, Z″ or |Z|, phase):
 * its fields, with *@cols and *@sep set; NULL when it is not one.  Blank-
 * separated names may hold single blanks ("Freq (Hz)  Z' (Ohm)"). */
static char **
header_split (const char *line,
              Columns    *cols,
              char       *sep)
{
  char guess = guess_separator (line);
  const char tries[2] = { guess == ' ' ? '2' : guess, guess };

  for (guint t = 0; t < (guess == ' ' ? 2u : 1u); t++)
    {
      char **names = sp_text_split (line, tries[t]);

      columns_init (cols);
      columns_from_header (cols, names);
      if (columns_complete (cols))
        {
          *sep = tries[t] == '2' ? ' ' : tries[t];
          return names;
        }
      g_strfreev (names);
    }
  columns_init (cols);
  return NULL;
}

/* ---- rows ---------------------------------------------------------------- */

typedef struct
{
  const SpTextLines *text;
  const Columns     *cols;
  char               sep;
  guint              line;      /* 1-based, for messages */
} Row;

static gboolean
row_number (const Row  *row,
            char      **fields,
            int         col,
            double     *value,
            GError    **error)
{
  const char *field = fields[col];

  if (!sp_text_parse_number (field, row->sep != ',', value))
    {
      g_autofree char *q = sp_text_quote (field);

      if (row->cols->names != NULL && (guint) col < strv_len (row->cols->names))
        {
          g_autofree char *name = sp_text_quote (row->cols->names[col]);

          g_set_error (error, SP_EIS_READ_ERROR, SP_EIS_READ_ERROR_VALUE,
                       _("%s, line %u: expected a number in column %s, found %s"),
                       row->text->name, row->line, name, q);
        }
      else
        g_set_error (error, SP_EIS_READ_ERROR, SP_EIS_READ_ERROR_VALUE,
                     _("%s, line %u: expected %u numbers, found %s"),
                     row->text->name, row->line, row->cols->by_order ? 3u : (guint) col + 1, q);
      return FALSE;
    }
  if (!isfinite (*value))
    {
      g_autofree char *q = sp_text_quote (field);

      g_set_error (error, SP_EIS_READ_ERROR, SP_EIS_READ_ERROR_VALUE,
                   _("%s, line %u: %s is not a finite number"), row->text->name, row->line, q);
      return FALSE;
    }
  return TRUE;
}

static gboolean
read_row (const Row  *row,
          const char *line,
          double     *f,
          double     *re,
          double     *im,
          GError    **error)
{
  const Columns *c = row->cols;
  g_auto(GStrv) fields = sp_text_split (line, row->sep);
  guint n = strv_len (fields);
  int need = MAX (c->f, MAX (MAX (c->re, c->im), MAX (c->mod, c->phase))) + 1;

  if ((int) n < need)
    {
      if (c->by_order)
        g_set_error (error, SP_EIS_READ_ERROR, SP_EIS_READ_ERROR_VALUE,
                     _("%s, line %u: expected 3 numbers, found %u"),
                     row->text->name, row->line, n);
      else
        g_set_error (error, SP_EIS_READ_ERROR, SP_EIS_READ_ERROR_VALUE,
                     _("%s, line %u: expected %d columns, found %u"),
                     row->text->name, row->line, need, n);
      return FALSE;
    }

  if (!row_number (row, fields, c->f, f, error))
    return FALSE;
  if (!(*f > 0))
    {
      g_autofree char *q = sp_text_quote (fields[c->f]);

      g_set_error (error, SP_EIS_READ_ERROR, SP_EIS_READ_ERROR_VALUE,
                   _("%s, line %u: the frequency must be positive, found %s"),
                   row->text->name, row->line, q);
      return FALSE;
    }
  *f *= c->f_scale;

  if (c->re >= 0 && c->im >= 0)
    {
      if (!row_number (row, fields, c->re, re, error) ||
          !row_number (row, fields, c->im, im, error))
        return FALSE;
      *re *= c->re_scale;
      *im *= c->im_is_minus ? -c->im_scale : c->im_scale;
    }
  else
    {
      double mod, phase;

      if (!row_number (row, fields, c->mod, &mod, error) ||
          !row_number (row, fields, c->phase, &phase, error))
        return FALSE;
      mod *= c->mod_scale;
      if (!c->phase_in_rad)
        phase *= G_PI / 180;
      if (c->phase_is_minus)
        phase = -phase;
      *re = mod * cos (phase);
      *im = mod * sin (phase);
    }
  return TRUE;
}

static SpEisSpectrum *
read_rows (const SpTextLines     *text,
           const SpEisTableHints *hints,
           const Columns         *cols,
           char                   sep,
           guint                  first,
           GError               **error)
{
  g_autoptr(GArray) f = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) re = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) im = g_array_new (FALSE, FALSE, sizeof (double));
  SpEisSpectrum *spectrum;
  Row row = { text, cols, sep, 0 };
  guint positive = 0, negative = 0;

  for (guint i = first; i < text->n_lines; i++)
    {
      const char *line = text->lines[i];
      double fv, rv, iv;

      if (sp_text_is_blank (line) || sp_text_is_comment (line))
        continue;
      if (hints->stop_at_unindented && !g_ascii_isspace (line[0]))
        break;
      row.line = i + 1;
      if (!read_row (&row, line, &fv, &rv, &iv, error))
        return NULL;
      g_array_append_val (f, fv);
      g_array_append_val (re, rv);
      g_array_append_val (im, iv);
      positive += iv > 0;
      negative += iv < 0;
    }

  if (f->len < SP_EIS_READ_MIN_POINTS)
    {
      g_set_error (error, SP_EIS_READ_ERROR, SP_EIS_READ_ERROR_TOO_FEW,
                   _("%s: %u data points; a spectrum needs at least %d"),
                   text->name, f->len, SP_EIS_READ_MIN_POINTS);
      return NULL;
    }

  spectrum = sp_eis_spectrum_new (f->len);
  for (guint k = 0; k < f->len; k++)
    {
      spectrum->freq_hz[k] = g_array_index (f, double, k);
      spectrum->z_re_ohm[k] = g_array_index (re, double, k);
      /* Without a header the bulk of a capacitive spectrum decides: a
       * column mostly positive holds −Z″. */
      spectrum->z_im_ohm[k] = (cols->detect_im_sign && positive > negative ? -1 : 1) *
                              g_array_index (im, double, k);
    }
  return spectrum;
}

/* ---- the table ----------------------------------------------------------- */

SpEisSpectrum *
sp_eis_read_table (const SpTextLines     *text,
                   const SpEisTableHints *hints,
                   guint                 *preamble_end,
                   GError               **error)
{
  Columns cols;
  guint data_first = SP_EIS_NO_LINE, header = hints->header;
  char sep = 0;
  gboolean decimal_comma;
  g_auto(GStrv) names = NULL;

  columns_init (&cols);
  *preamble_end = hints->first;

  if (hints->no_header)
    {
      /* ZPlot: numbers only, the columns by position. */
      for (guint i = hints->first; i < text->n_lines && data_first == SP_EIS_NO_LINE; i++)
        if (!sp_text_is_blank (text->lines[i]) && !sp_text_is_comment (text->lines[i]))
          data_first = i;
      if (data_first == SP_EIS_NO_LINE)
        {
          g_set_error (error, SP_EIS_READ_ERROR, SP_EIS_READ_ERROR_TOO_FEW,
                       _("%s: %u data points; a spectrum needs at least %d"),
                       text->name, 0u, SP_EIS_READ_MIN_POINTS);
          return NULL;
        }
      sep = sp_text_numeric_row (text->lines[data_first], 3, &decimal_comma);
      if (sep == 0)
        sep = guess_separator (text->lines[data_first]);
      cols.f = hints->col_f;
      cols.re = hints->col_re;
      cols.im = hints->col_im;
      *preamble_end = data_first;
      return read_rows (text, hints, &cols, sep, data_first, error);
    }

  if (header != SP_EIS_NO_LINE)
    {
      /* Gamry, EC-Lab: the header row is known. */
      guint skip = hints->skip_after_header;

      for (guint i = header + 1; i < text->n_lines && data_first == SP_EIS_NO_LINE; i++)
        {
          if (sp_text_is_blank (text->lines[i]))
            continue;
          if (skip > 0)
            {
              skip--;
              continue;
            }
          data_first = i;
        }
      sep = data_first != SP_EIS_NO_LINE
            ? sp_text_numeric_row (text->lines[data_first], 3, &decimal_comma) : 0;
      if (sep == 0)
        sep = guess_separator (text->lines[header]);
      names = sp_text_split (text->lines[header], sep);
      columns_from_header (&cols, names);
      if (!columns_complete (&cols))
        {
          g_autofree char *found = join_quoted (names);

          g_set_error (error, SP_EIS_READ_ERROR, SP_EIS_READ_ERROR_FORMAT,
                       _("%s, line %u: cannot tell the columns: a frequency and Z′ and Z″ "
                         "(or |Z| and phase) are needed; the header has %s"),
                       text->name, header + 1, found);
          return NULL;
        }
      cols.names = names;
      *preamble_end = header;
      return read_rows (text, hints, &cols, sep, data_first != SP_EIS_NO_LINE ? data_first
                                                                      : text->n_lines, error);
    }

  /* A plain table: free text, maybe a header row, then rows of numbers. */
  {
    guint candidate = SP_EIS_NO_LINE;

    for (guint i = hints->first; i < text->n_lines; i++)
      {
        const char *line = text->lines[i];

        if (sp_text_is_blank (line))
          continue;
        if (!sp_text_is_comment (line))
          {
            sep = sp_text_numeric_row (line, 3, &decimal_comma);
            if (sep != 0)
              {
                data_first = i;
                break;
              }
            /* A header row names its columns (data rows may then hold
             * text columns too). */
            names = header_split (line, &cols, &sep);
            if (names != NULL)
              {
                header = i;
                break;
              }
          }
        candidate = i;
      }

    if (header != SP_EIS_NO_LINE)
      {
        guint first = header + 1;

        /* A units row under the names ("Hz;Ohm;Ohm"): no number in it. */
        while (first < text->n_lines && sp_text_is_blank (text->lines[first]))
          first++;
        if (first < text->n_lines && !sp_text_is_comment (text->lines[first]))
          {
            g_auto(GStrv) units = sp_text_split (text->lines[first], sep);
            if (sp_text_count_numbers (units, sep != ',', NULL) == 0)
              first++;
          }
        cols.names = names;
        *preamble_end = header;
        return read_rows (text, hints, &cols, sep, first, error);
      }
    if (data_first == SP_EIS_NO_LINE)
      {
        g_set_error (error, SP_EIS_READ_ERROR, SP_EIS_READ_ERROR_FORMAT,
                     _("%s: no table of numbers found (rows of frequency, Z′ and Z″)"),
                     text->name);
        return NULL;
      }

    *preamble_end = data_first;
    if (candidate != SP_EIS_NO_LINE)
      {
        const char *line = text->lines[candidate];
        g_auto(GStrv) data = sp_text_split (text->lines[data_first], sep);
        guint recognised;

        if (sp_text_is_comment (line))
          {
            /* numpy.savetxt's "# f,Z',Z''". */
            names = header_split (comment_body (line), &cols, &sep);
            if (names != NULL && strv_len (names) == strv_len (data))
              {
                cols.names = names;
                *preamble_end = candidate;
                return read_rows (text, hints, &cols, sep, data_first, error);
              }
            g_clear_pointer (&names, g_strfreev);
            columns_init (&cols);
          }
        else
          {
            /* A header right above the numbers with a name recognised but
             * not enough of them: say so rather than guess. */
            names = sp_text_split (line, sep);
            recognised = columns_from_header (&cols, names);
            if (recognised > 0 && strv_len (names) == strv_len (data))
              {
                g_autofree char *found = join_quoted (names);

                g_set_error (error, SP_EIS_READ_ERROR, SP_EIS_READ_ERROR_FORMAT,
                             _("%s, line %u: cannot tell the columns: a frequency and Z′ and Z″ "
                               "(or |Z| and phase) are needed; the header has %s"),
                             text->name, candidate + 1, found);
                return NULL;
              }
          }
      }

    /* No header: f, Z′, Z″ (or −Z″) by order. */
    columns_init (&cols);
    cols.f = 0;
    cols.re = 1;
    cols.im = 2;
    cols.by_order = TRUE;
    cols.detect_im_sign = TRUE;
    return read_rows (text, hints, &cols, sep, data_first, error);
  }
}
