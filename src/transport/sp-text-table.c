/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sp-text-table.c — lines, fields, numbers and column names of text tables
 * (see sp-text-table-private.h)
 */

#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "sp-eis-read.h"
#include "sp-text-table-private.h"

/* ---- bytes to lines ----------------------------------------------------- */

static char *
decode (const char  *bytes,
        gsize        len,
        const char  *name,
        GError     **error)
{
  const guchar *u = (const guchar *) bytes;
  const char *end;

  /* UTF-16 (some Windows exports): only with its byte-order mark. */
  if (len >= 2 && ((u[0] == 0xFF && u[1] == 0xFE) || (u[0] == 0xFE && u[1] == 0xFF)))
    {
      char *text = g_convert (bytes + 2, len - 2, "UTF-8",
                              u[0] == 0xFF ? "UTF-16LE" : "UTF-16BE", NULL, NULL, NULL);
      if (text == NULL)
        g_set_error (error, SP_EIS_READ_ERROR, SP_EIS_READ_ERROR_BINARY,
                     _("%s: not a text file (broken UTF-16)"), name);
      return text;
    }

  for (gsize i = 0; i < len; i++)
    if (bytes[i] == '\0')
      {
        g_set_error (error, SP_EIS_READ_ERROR, SP_EIS_READ_ERROR_BINARY,
                     _("%s: not a text file (a zero byte at offset %zu)"),
                     name, i);
        return NULL;
      }

  if (len >= 3 && u[0] == 0xEF && u[1] == 0xBB && u[2] == 0xBF)
    {
      bytes += 3;
      len -= 3;
    }
  if (g_utf8_validate (bytes, len, &end))
    return g_strndup (bytes, len);

  /* Instrument software on Windows writes its code page (°, µ, Ω). */
  {
    char *text = g_convert (bytes, len, "UTF-8", "WINDOWS-1252", NULL, NULL, NULL);

    if (text == NULL)
      text = g_convert (bytes, len, "UTF-8", "ISO-8859-1", NULL, NULL, NULL);
    if (text == NULL)
      g_set_error (error, SP_EIS_READ_ERROR, SP_EIS_READ_ERROR_BINARY,
                   _("%s: not a text file (invalid byte at offset %zu)"),
                   name, (gsize) (end - bytes));
    return text;
  }
}

gboolean
sp_text_lines_init (SpTextLines  *text,
                    const char   *bytes,
                    gsize         len,
                    const char   *name,
                    GError      **error)
{
  g_autofree char *decoded = NULL;
  GString *normal;
  gsize n_control = 0, n_chars = 0;
  gboolean blank = TRUE;

  memset (text, 0, sizeof *text);
  text->name = g_strdup (name);

  if (len == 0)
    {
      g_set_error (error, SP_EIS_READ_ERROR, SP_EIS_READ_ERROR_EMPTY,
                   _("%s: the file is empty"), name);
      return FALSE;
    }
  if (len > SP_EIS_READ_MAX_BYTES)
    {
      g_autofree char *size = g_format_size (len);
      g_autofree char *limit = g_format_size (SP_EIS_READ_MAX_BYTES);

      g_set_error (error, SP_EIS_READ_ERROR, SP_EIS_READ_ERROR_TOO_LARGE,
                   _("%s: the file is %s, more than the %s a spectrum file may have"),
                   name, size, limit);
      return FALSE;
    }

  decoded = decode (bytes, len, name, error);
  if (decoded == NULL)
    return FALSE;

  /* One line end; other control characters mean it is no text. */
  normal = g_string_sized_new (strlen (decoded) + 1);
  for (const char *p = decoded; *p != '\0'; p++)
    {
      guchar c = (guchar) *p;

      if (c == '\r')
        {
          g_string_append_c (normal, '\n');
          if (p[1] == '\n')
            p++;
          continue;
        }
      n_chars++;
      if ((c < 0x20 && c != '\t' && c != '\n' && c != '\f' && c != '\v') || c == 0x7F)
        n_control++;
      if (!g_ascii_isspace (c))
        blank = FALSE;
      g_string_append_c (normal, (char) c);
    }
  if (n_control > 0 && n_control * 100 >= n_chars)
    {
      g_string_free (normal, TRUE);
      g_set_error (error, SP_EIS_READ_ERROR, SP_EIS_READ_ERROR_BINARY,
                   _("%s: not a text file (%zu control characters)"),
                   name, n_control);
      return FALSE;
    }
  if (blank)
    {
      g_string_free (normal, TRUE);
      g_set_error (error, SP_EIS_READ_ERROR, SP_EIS_READ_ERROR_EMPTY,
                   _("%s: the file holds only blank lines"), name);
      return FALSE;
    }

  /* Bounds that keep a pathological file (millions of empty lines or of
   * commas) from costing gigabytes in lines and fields. */
  {
    gsize n_lines = 1, length = 0;

    for (const char *p = normal->str; *p != '\0'; p++)
      {
        if (*p == '\n')
          {
            n_lines++;
            length = 0;
          }
        else if (++length > SP_TEXT_MAX_LINE_BYTES)
          {
            g_string_free (normal, TRUE);
            g_set_error (error, SP_EIS_READ_ERROR, SP_EIS_READ_ERROR_FORMAT,
                         _("%s, line %zu: longer than %d bytes; not a table of numbers"),
                         name, n_lines, SP_TEXT_MAX_LINE_BYTES);
            return FALSE;
          }
        if (n_lines > SP_TEXT_MAX_LINES)
          {
            g_string_free (normal, TRUE);
            g_set_error (error, SP_EIS_READ_ERROR, SP_EIS_READ_ERROR_TOO_LARGE,
                         _("%s: more than %d lines; a spectrum file has far fewer"),
                         name, SP_TEXT_MAX_LINES);
            return FALSE;
          }
      }
  }
  text->lines = g_strsplit (normal->str, "\n", -1);
  text->n_lines = g_strv_length (text->lines);
  /* A final line end does not start another line. */
  if (text->n_lines > 1 && text->lines[text->n_lines - 1][0] == '\0')
    text->n_lines--;
  g_string_free (normal, TRUE);
  return TRUE;
}

void
sp_text_lines_clear (SpTextLines *text)
{
  g_clear_pointer (&text->name, g_free);
  g_clear_pointer (&text->lines, g_strfreev);
  text->n_lines = 0;
}

gboolean
sp_text_is_blank (const char *line)
{
  for (; *line != '\0'; line++)
    if (!g_ascii_isspace (*line))
      return FALSE;
  return TRUE;
}

gboolean
sp_text_is_comment (const char *line)
{
  while (g_ascii_isspace (*line))
    line++;
  return line[0] == '#' || line[0] == '%' || line[0] == '!' ||
         (line[0] == '/' && line[1] == '/');
}

/* ---- fields and numbers ------------------------------------------------- */

static char *
clean_field (const char *start,
             gsize       len)
{
  char *field = g_strstrip (g_strndup (start, len));
  gsize n = strlen (field);

  /* "…" quoting (spreadsheets quote names with spaces or commas). */
  if (n >= 2 && field[0] == '"' && field[n - 1] == '"')
    {
      memmove (field, field + 1, n - 2);
      field[n - 2] = '\0';
      g_strstrip (field);
    }
  return field;
}

char **
sp_text_split (const char *line,
               char        sep)
{
  GPtrArray *fields = g_ptr_array_new ();

  if (sep == ' ' || sep == '2')
    {
      const char *p = line;
      guint min_run = sep == '2' ? 2 : 1;

      while (*p == ' ' || *p == '\t')
        p++;
      while (*p != '\0')
        {
          const char *start = p;

          while (*p != '\0')
            {
              guint run = 0;

              while (p[run] == ' ' || p[run] == '\t')
                run++;
              if (run == 0)
                {
                  p++;
                  continue;
                }
              /* Trailing blanks, a long enough run or a tab end the field. */
              if (p[run] == '\0' || run >= min_run || memchr (p, '\t', run) != NULL)
                break;
              p += run;
            }
          g_ptr_array_add (fields, clean_field (start, p - start));
          while (*p == ' ' || *p == '\t')
            p++;
        }
    }
  else
    {
      const char *p = line;

      for (;;)
        {
          const char *next = strchr (p, sep);
          gsize len = next != NULL ? (gsize) (next - p) : strlen (p);

          g_ptr_array_add (fields, clean_field (p, len));
          if (next == NULL)
            break;
          p = next + 1;
        }
      /* A trailing separator ("1,2,3,") adds no column. */
      while (fields->len > 1 && ((char *) fields->pdata[fields->len - 1])[0] == '\0')
        g_free (g_ptr_array_steal_index (fields, fields->len - 1));
    }
  g_ptr_array_add (fields, NULL);
  return (char **) g_ptr_array_free (fields, FALSE);
}

gboolean
sp_text_parse_number (const char *field,
                      gboolean    decimal_comma,
                      double     *value)
{
  g_autofree char *copy = NULL;
  char *end;

  if (field[0] == '\0')
    return FALSE;
  if (strchr (field, ',') != NULL)
    {
      if (!decimal_comma)
        return FALSE;
      copy = g_strdup (field);
      g_strdelimit (copy, ",", '.');
      field = copy;
    }
  /* strtod skips leading blanks; fields are stripped, so any is inside. */
  if (g_ascii_isspace (field[0]))
    return FALSE;
  errno = 0;
  *value = g_ascii_strtod (field, &end);
  if (end == field || *end != '\0')
    return FALSE;
  /* Overflow is ±HUGE_VAL with ERANGE: reported as not finite. */
  if (errno == ERANGE && isinf (*value))
    return TRUE;
  /* Hexadecimal floats are no instrument's output. */
  if (strpbrk (field, "xX") != NULL)
    return FALSE;
  return TRUE;
}

guint
sp_text_count_numbers (char   **fields,
                       gboolean decimal_comma,
                       gboolean *all_numbers)
{
  guint n = 0;
  gboolean all = TRUE;

  for (guint i = 0; fields[i] != NULL; i++)
    {
      double v;

      if (fields[i][0] == '\0')
        continue;
      if (sp_text_parse_number (fields[i], decimal_comma, &v))
        n++;
      else
        all = FALSE;
    }
  if (all_numbers != NULL)
    *all_numbers = all;
  return n;
}

char
sp_text_numeric_row (const char *line,
                     guint       min_numbers,
                     gboolean   *decimal_comma)
{
  /* Tab, then ';', then ',' (a comma either separates or is a decimal
   * point between blank-separated numbers), then blanks. */
  static const char seps[] = { '\t', ';', ',', ' ' };

  *decimal_comma = FALSE;
  for (guint s = 0; s < G_N_ELEMENTS (seps); s++)
    {
      char sep = seps[s];

      if (sep != ' ' && strchr (line, sep) == NULL)
        continue;
      for (int dc = 0; dc <= (sep == ',' ? 0 : 1); dc++)
        {
          g_auto(GStrv) fields = sp_text_split (line, sep);
          gboolean all;
          guint n = sp_text_count_numbers (fields, dc, &all);

          if (all && n >= min_numbers)
            {
              *decimal_comma = dc;
              return sep;
            }
        }
      /* A tab or ';' that is there separates, numbers or not. */
      if (sep == '\t' || sep == ';')
        return 0;
    }
  return 0;
}

char *
sp_text_quote (const char *field)
{
  GString *out = g_string_new ("“");
  guint n = 0;

  for (const char *p = field; *p != '\0' && n < 40; p = g_utf8_next_char (p), n++)
    {
      gunichar c = g_utf8_get_char (p);

      if (c < 0x20 || c == 0x7F)
        g_string_append_printf (out, "\\x%02X", c);
      else
        g_string_append_unichar (out, c);
    }
  if (g_utf8_strlen (field, -1) > 40)
    g_string_append (out, "…");
  g_string_append (out, "”");
  return g_string_free (out, FALSE);
}

/* ---- column names and units --------------------------------------------- */

typedef struct
{
  const char     *text;
  SpTextUnitKind  kind;
  double          factor;
} UnitName;

static const UnitName unit_names[] = {
  { "ohm", SP_TEXT_UNIT_OHM, 1 }, { "ohms", SP_TEXT_UNIT_OHM, 1 },
  { "Ω", SP_TEXT_UNIT_OHM, 1 }, { "Ω", SP_TEXT_UNIT_OHM, 1 },
  { "kohm", SP_TEXT_UNIT_OHM, 1e3 }, { "kOhm", SP_TEXT_UNIT_OHM, 1e3 },
  { "kΩ", SP_TEXT_UNIT_OHM, 1e3 },
  { "Mohm", SP_TEXT_UNIT_OHM, 1e6 }, { "MOhm", SP_TEXT_UNIT_OHM, 1e6 },
  { "MΩ", SP_TEXT_UNIT_OHM, 1e6 },
  { "mohm", SP_TEXT_UNIT_OHM, 1e-3 }, { "mOhm", SP_TEXT_UNIT_OHM, 1e-3 },
  { "mΩ", SP_TEXT_UNIT_OHM, 1e-3 },
  { "Hz", SP_TEXT_UNIT_HZ, 1 }, { "kHz", SP_TEXT_UNIT_HZ, 1e3 },
  { "MHz", SP_TEXT_UNIT_HZ, 1e6 }, { "mHz", SP_TEXT_UNIT_HZ, 1e-3 },
  { "deg", SP_TEXT_UNIT_DEGREE, 1 }, { "degree", SP_TEXT_UNIT_DEGREE, 1 },
  { "degrees", SP_TEXT_UNIT_DEGREE, 1 }, { "°", SP_TEXT_UNIT_DEGREE, 1 },
  { "rad", SP_TEXT_UNIT_RADIAN, 1 },
  { "K", SP_TEXT_UNIT_KELVIN, 1 }, { "kelvin", SP_TEXT_UNIT_KELVIN, 1 },
  { "°C", SP_TEXT_UNIT_CELSIUS, 1 }, { "℃", SP_TEXT_UNIT_CELSIUS, 1 },
  { "C", SP_TEXT_UNIT_CELSIUS, 1 }, { "degC", SP_TEXT_UNIT_CELSIUS, 1 },
  { "celsius", SP_TEXT_UNIT_CELSIUS, 1 },
  { "S/cm", SP_TEXT_UNIT_S_PER_CM, 1 }, { "S cm-1", SP_TEXT_UNIT_S_PER_CM, 1 },
  { "S cm^-1", SP_TEXT_UNIT_S_PER_CM, 1 }, { "S·cm⁻¹", SP_TEXT_UNIT_S_PER_CM, 1 },
  { "S cm⁻¹", SP_TEXT_UNIT_S_PER_CM, 1 }, { "S_per_cm", SP_TEXT_UNIT_S_PER_CM, 1 },
  { "mS/cm", SP_TEXT_UNIT_S_PER_CM, 1e-3 }, { "mS cm-1", SP_TEXT_UNIT_S_PER_CM, 1e-3 },
  { "mS_per_cm", SP_TEXT_UNIT_S_PER_CM, 1e-3 },
  { "S/m", SP_TEXT_UNIT_S_PER_CM, 1e-2 }, { "S m-1", SP_TEXT_UNIT_S_PER_CM, 1e-2 },
  { "S_per_m", SP_TEXT_UNIT_S_PER_CM, 1e-2 },
  { "a", SP_TEXT_UNIT_LABEL, 1 }, { "b", SP_TEXT_UNIT_LABEL, 1 },
};

/* Case matters for the prefixes (mΩ, MΩ); the unit words match in any case
 * ("OHM", "Ohm", "hz"), but never "K" for "k". */
static gboolean
lookup_unit (const char *text,
             gboolean    bracketed,
             SpTextUnit *unit)
{
  g_autofree char *t = g_strstrip (g_strdup (text));

  if (g_ascii_strncasecmp (t, "in ", 3) == 0)
    memmove (t, t + 3, strlen (t + 3) + 1);
  for (guint pass = 0; pass < 2; pass++)
    for (guint i = 0; i < G_N_ELEMENTS (unit_names); i++)
      {
        const UnitName *u = &unit_names[i];
        gboolean same = pass == 0 ? strcmp (t, u->text) == 0
                                  : g_ascii_strcasecmp (t, u->text) == 0 &&
                                    (u->factor == 1 || u->kind == SP_TEXT_UNIT_S_PER_CM) &&
                                    u->kind != SP_TEXT_UNIT_KELVIN && u->kind != SP_TEXT_UNIT_CELSIUS;

        /* ZPlot's "(a)", "(b)" only in brackets. */
        if (same && (u->kind != SP_TEXT_UNIT_LABEL || bracketed))
          {
            unit->kind = u->kind;
            unit->factor = u->factor;
            return TRUE;
          }
      }
  return FALSE;
}

static char *
normalise_key (const char *base)
{
  static const struct { const char *from, *to; } map[] = {
    { "′′", "''" }, { "″", "''" }, { "’’", "''" }, { "\"", "''" },
    { "′", "'" }, { "’", "'" }, { "‘", "'" }, { "`", "'" },
    { "−", "-" }, { "–", "-" },
  };
  g_autofree char *lower = g_utf8_strdown (base, -1);
  GString *key = g_string_new (NULL);

  for (const char *p = lower; *p != '\0';)
    {
      gboolean mapped = FALSE;

      if (g_ascii_isspace (*p))
        {
          p++;
          continue;
        }
      for (guint i = 0; i < G_N_ELEMENTS (map) && !mapped; i++)
        if (g_str_has_prefix (p, map[i].from))
          {
            g_string_append (key, map[i].to);
            p += strlen (map[i].from);
            mapped = TRUE;
          }
      if (!mapped)
        {
          const char *next = g_utf8_next_char (p);

          g_string_append_len (key, p, next - p);
          p = next;
        }
    }
  /* Separators left at the end ("Freq /", "z_re_"). */
  while (key->len > 0 && strchr ("/_-:", key->str[key->len - 1]) != NULL && key->len > 1)
    g_string_truncate (key, key->len - 1);
  return g_string_free (key, FALSE);
}

char *
sp_text_column_key (const char *name,
                    SpTextUnit *unit)
{
  g_autofree char *t = g_strstrip (g_strdup (name));
  gsize n = strlen (t);

  unit->kind = SP_TEXT_UNIT_NONE;
  unit->factor = 1;

  /* "Z' (Ohm)", "T [°C]", "Z'(a)": a bracketed unit at the end. */
  if (n > 2 && (t[n - 1] == ')' || t[n - 1] == ']'))
    {
      char close = t[n - 1], open = close == ')' ? '(' : '[';
      int depth = 0;

      for (gssize i = n - 1; i >= 0; i--)
        {
          if (t[i] == close)
            depth++;
          else if (t[i] == open && --depth == 0)
            {
              g_autofree char *inner = g_strndup (t + i + 1, n - i - 2);

              if (i > 0 && lookup_unit (inner, TRUE, unit))
                {
                  t[i] = '\0';
                  return normalise_key (t);
                }
              break;
            }
        }
    }

  /* "Freq/Hz", "z_re_ohm", "sigma_S_per_cm", "Frequency in Hz": the first
   * '/', '_' or blank whose rest is a unit. */
  for (char *p = t[0] != '\0' ? t + 1 : t; *p != '\0'; p++)
    if ((*p == '/' || *p == '_' || *p == ' ') && lookup_unit (p + 1, FALSE, unit))
      {
        *p = '\0';
        return normalise_key (t);
      }
  return normalise_key (t);
}

gboolean
sp_text_key_in (const char        *key,
                const char *const *names)
{
  for (guint i = 0; names[i] != NULL; i++)
    if (strcmp (key, names[i]) == 0)
      return TRUE;
  return FALSE;
}
