/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sp-eis-read.c — impedance spectra from files: format recognition, the
 * vendor formats' structure, and the temperature (see the header)
 *
 * The vendor formats, as their own software writes them:
 * - Gamry .DTA (EXPLAIN format): "EXPLAIN" on the first line, tagged
 *   header lines, then "ZCURVE<TAB>TABLE", a row of column names (Pt,
 *   Time, Freq, Zreal, Zimag, Zsig, Zmod, Zphz, Idc, Vdc, IERange), a row
 *   of units, and rows that start with a tab; Zimag has its own sign.
 * - BioLogic EC-Lab .mpt: "EC-Lab ASCII FILE", "Nb header lines : N" (N
 *   counts every line up to and including the column names), free text,
 *   the tab-separated names on line N ("freq/Hz", "Re(Z)/Ohm",
 *   "-Im(Z)/Ohm", …), then the rows (a decimal comma in some locales).
 * - ZPlot / ZView .z: "ZPLOT2 ASCII", indented "key: value" lines up to
 *   "End Comments:", then comma-separated rows Freq(Hz), Ampl, Bias,
 *   Time(Sec), Z'(a), Z''(b), GD, Err, Range (Z″ with its own sign); a
 *   three-column row is read as f, Z′, Z″.
 */

#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <sys/stat.h>
#include <math.h>
#include <string.h>

#include "sp-eis-read-private.h"

#define CELSIUS_ZERO_K 273.15

G_DEFINE_QUARK (sp-eis-read-error-quark, sp_eis_read_error)

const char *
sp_eis_format_to_string (SpEisFormat format)
{
  switch (format)
    {
    case SP_EIS_FORMAT_ZPLOT:
      return "zplot";
    case SP_EIS_FORMAT_GAMRY:
      return "gamry";
    case SP_EIS_FORMAT_BIOLOGIC:
      return "biologic";
    case SP_EIS_FORMAT_TABLE:
    default:
      return "table";
    }
}

const char *const *
sp_eis_read_suffixes (void)
{
  static const char *const suffixes[] = { "csv", "tsv", "txt", "dat", "z", "dta", "mpt", NULL };

  return suffixes;
}

/* ---- temperature ------------------------------------------------------- */

static double
to_kelvin (double      value,
           const char *unit)
{
  gboolean celsius = unit[0] != 'K' && unit[0] != 'k';
  double k = celsius ? value + CELSIUS_ZERO_K : value;

  /* Beyond what any impedance cell sees: a number that is no temperature. */
  if (!(k > 0 && k <= 5000))
    return NAN;
  return k;
}

static double
parse_decimal (const char *text)
{
  g_autofree char *copy = g_strdup (text);

  g_strdelimit (copy, ",", '.');
  return g_ascii_strtod (copy, NULL);
}

double
sp_eis_temperature_from_name (const char *name)
{
  g_autoptr(GRegex) regex = NULL;
  g_autoptr(GMatchInfo) match = NULL;
  g_autofree char *base = NULL;
  double found = NAN;
  char *dot;

  if (name == NULL || name[0] == '\0')
    return NAN;
  base = g_path_get_basename (name);
  dot = strrchr (base, '.');
  /* The extension, not a decimal point ("25.5C.csv"). */
  if (dot != NULL && dot != base && !g_ascii_isdigit (dot[1]))
    *dot = '\0';

  regex = g_regex_new ("([0-9]+(?:[.,][0-9]+)?)\\s*(°\\s*C|℃|C|c|K)(?![A-Za-z0-9])",
                       0, 0, NULL);
  g_regex_match (regex, base, 0, &match);
  for (; g_match_info_matches (match); g_match_info_next (match, NULL))
    {
      int start, end;
      g_autofree char *number = g_match_info_fetch (match, 1);
      g_autofree char *unit = g_match_info_fetch (match, 2);
      double value, k;

      g_match_info_fetch_pos (match, 1, &start, &end);
      /* A number of its own: "LLZO_25C", not "Li6PS5Cl" or "R1.5C". */
      if (start > 0 && (g_ascii_isalnum (base[start - 1]) || base[start - 1] == '.' ||
                        base[start - 1] == ','))
        continue;
      value = parse_decimal (number);
      /* "_-20C", "T=-20C": a minus after a separator is a sign; in
       * "LLZO-25C" the '-' separates. */
      if (start > 0 && base[start - 1] == '-' &&
          (start == 1 || strchr ("_ =([", base[start - 2]) != NULL))
        value = -value;
      k = to_kelvin (value, g_str_equal (unit, "c") ? "C" : unit);
      if (isnan (k))
        continue;
      if (!isnan (found) && fabs (found - k) > 1e-9)
        return NAN;   /* two temperatures: the name does not say which */
      found = k;
    }
  return found;
}

static GRegex *
header_regex (void)
{
  /* "Temperature (K): 298", "T = 25 °C", "temperature_K = 300",
   * "Temp/°C: 25": a unit in the name or after the number is required;
   * "reference_temperature_k" and the like are other temperatures. */
  return g_regex_new ("(?:^|[^A-Za-z_])(?:[Tt]emperature|TEMPERATURE|[Tt]emp|TEMP|T)"
                      "(?:\\s*[(\\[]\\s*(°\\s*C|℃|K|C|degC)\\s*[)\\]]|\\s*/\\s*(°\\s*C|℃|K|C)"
                      "|_(K|C|k|c))?"
                      "\\s*[:=]\\s*(-?[0-9]+(?:[.,][0-9]+)?(?:[eE][+-]?[0-9]+)?)"
                      "\\s*(°\\s*C|℃|K|C|degC)?(?![A-Za-z])",
                      0, 0, NULL);
}

static double
temperature_from_line (GRegex     *regex,
                       const char *line)
{
  g_autoptr(GMatchInfo) match = NULL;
  double k = NAN;

  if (g_regex_match (regex, line, 0, &match))
    {
      g_autofree char *value = g_match_info_fetch (match, 4);
      char *unit = NULL;

      for (int group = 1; group <= 5 && unit == NULL; group++)
        if (group != 4)
          {
            char *u = g_match_info_fetch (match, group);

            if (u != NULL && u[0] != '\0')
              unit = u;
            else
              g_free (u);
          }
      if (unit != NULL)
        k = to_kelvin (parse_decimal (value), unit);
      g_free (unit);
    }
  return k;
}

double
sp_eis_temperature_from_line (const char *line)
{
  g_autoptr(GRegex) regex = header_regex ();

  return temperature_from_line (regex, line);
}

static double
temperature_from_lines (const SpTextLines *text,
                        guint              end)
{
  g_autoptr(GRegex) regex = header_regex ();

  for (guint i = 0; i < end && i < text->n_lines; i++)
    {
      double k = temperature_from_line (regex, text->lines[i]);

      if (!isnan (k))
        return k;
    }
  return NAN;
}

/* ---- formats ------------------------------------------------------------ */

static const char *
first_text_line (const SpTextLines *text)
{
  for (guint i = 0; i < text->n_lines; i++)
    if (!sp_text_is_blank (text->lines[i]))
      return text->lines[i];
  return "";
}

static gboolean
starts_with_word (const char *line,
                  const char *word)
{
  while (g_ascii_isspace (*line))
    line++;
  return g_ascii_strncasecmp (line, word, strlen (word)) == 0;
}

static gboolean
has_extension (const char *name,
               const char *ext)
{
  const char *dot = strrchr (name, '.');

  return dot != NULL && g_ascii_strcasecmp (dot + 1, ext) == 0;
}

static guint
find_line (const SpTextLines *text,
           const char        *word)
{
  for (guint i = 0; i < text->n_lines; i++)
    if (starts_with_word (text->lines[i], word))
      return i;
  return SP_EIS_NO_LINE;
}

static SpEisSpectrum *
read_gamry (const SpTextLines *text,
            guint             *preamble_end,
            GError           **error)
{
  SpEisTableHints hints = { 0 };
  guint table = SP_EIS_NO_LINE;

  for (guint i = 0; i < text->n_lines && table == SP_EIS_NO_LINE; i++)
    {
      g_auto(GStrv) fields = sp_text_split (text->lines[i], '\t');

      if (fields[0] != NULL && g_str_equal (fields[0], "ZCURVE"))
        table = i;
    }
  if (table == SP_EIS_NO_LINE || table + 1 >= text->n_lines)
    {
      g_set_error (error, SP_EIS_READ_ERROR, SP_EIS_READ_ERROR_FORMAT,
                   _("%s: a Gamry file without an impedance table (no “ZCURVE” line)"),
                   text->name);
      return NULL;
    }
  hints.header = table + 1;
  hints.skip_after_header = 1;
  hints.stop_at_unindented = TRUE;
  return sp_eis_read_table (text, &hints, preamble_end, error);
}

static SpEisSpectrum *
read_biologic (const SpTextLines *text,
               guint             *preamble_end,
               GError           **error)
{
  SpEisTableHints hints = { 0 };
  guint line = find_line (text, "Nb header lines");
  const char *colon;
  guint64 n = 0;

  if (line == SP_EIS_NO_LINE)
    {
      g_set_error (error, SP_EIS_READ_ERROR, SP_EIS_READ_ERROR_FORMAT,
                   _("%s: an EC-Lab file without its “Nb header lines” line"), text->name);
      return NULL;
    }
  colon = strchr (text->lines[line], ':');
  if (colon != NULL)
    {
      g_autofree char *count = g_strstrip (g_strdup (colon + 1));

      if (text->n_lines < 3 ||
          !g_ascii_string_to_unsigned (count, 10, 3, text->n_lines, &n, NULL))
        n = 0;
    }
  if (n == 0)
    {
      g_set_error (error, SP_EIS_READ_ERROR, SP_EIS_READ_ERROR_FORMAT,
                   _("%s, line %u: “Nb header lines” must count 3 to %u lines"),
                   text->name, line + 1, text->n_lines);
      return NULL;
    }
  /* N counts the lines up to and including the column names. */
  hints.header = (guint) n - 1;
  return sp_eis_read_table (text, &hints, preamble_end, error);
}

static SpEisSpectrum *
read_zplot (const SpTextLines *text,
            guint              end_comments,
            guint             *preamble_end,
            GError           **error)
{
  SpEisTableHints hints = { 0 };
  gboolean decimal_comma;

  hints.first = end_comments + 1;
  hints.header = SP_EIS_NO_LINE;
  hints.no_header = TRUE;
  hints.col_f = 0;
  hints.col_re = 1;
  hints.col_im = 2;
  /* ZPlot's rows: f, amplitude, bias, time, Z′, Z″, … */
  for (guint i = hints.first; i < text->n_lines; i++)
    if (!sp_text_is_blank (text->lines[i]))
      {
        char sep = sp_text_numeric_row (text->lines[i], 3, &decimal_comma);

        if (sep != 0)
          {
            g_auto(GStrv) fields = sp_text_split (text->lines[i], sep);

            if (g_strv_length (fields) >= 6)
              {
                hints.col_re = 4;
                hints.col_im = 5;
              }
          }
        break;
      }
  return sp_eis_read_table (text, &hints, preamble_end, error);
}

SpEisSpectrum *
sp_eis_read_data_full (const char  *bytes,
                       gsize        len,
                       const char  *name_for_messages,
                       SpEisFormat *format_out,
                       GError     **error)
{
  SpTextLines text;
  SpEisSpectrum *spectrum = NULL;
  SpEisFormat format = SP_EIS_FORMAT_TABLE;
  g_autofree char *name = g_path_get_basename (name_for_messages != NULL &&
                                               name_for_messages[0] != '\0'
                                               ? name_for_messages : "data");
  const char *first;
  guint preamble_end = 0, end_comments;
  double kelvin;

  g_return_val_if_fail (bytes != NULL || len == 0, NULL);

  if (!sp_text_lines_init (&text, bytes, len, name, error))
    {
      sp_text_lines_clear (&text);
      return NULL;
    }

  /* The content decides; the extension only when the content is silent. */
  first = first_text_line (&text);
  end_comments = find_line (&text, "End Comments");
  if (starts_with_word (first, "EXPLAIN") || (has_extension (name, "dta") &&
                                              find_line (&text, "ZCURVE") != SP_EIS_NO_LINE))
    format = SP_EIS_FORMAT_GAMRY;
  else if (starts_with_word (first, "EC-Lab ASCII FILE") ||
           starts_with_word (first, "BT-Lab ASCII FILE") ||
           (has_extension (name, "mpt") && find_line (&text, "Nb header lines") != SP_EIS_NO_LINE))
    format = SP_EIS_FORMAT_BIOLOGIC;
  else if (starts_with_word (first, "ZPLOT") || end_comments != SP_EIS_NO_LINE)
    format = SP_EIS_FORMAT_ZPLOT;

  switch (format)
    {
    case SP_EIS_FORMAT_GAMRY:
      spectrum = read_gamry (&text, &preamble_end, error);
      break;
    case SP_EIS_FORMAT_BIOLOGIC:
      spectrum = read_biologic (&text, &preamble_end, error);
      break;
    case SP_EIS_FORMAT_ZPLOT:
      if (end_comments == SP_EIS_NO_LINE)
        g_set_error (error, SP_EIS_READ_ERROR, SP_EIS_READ_ERROR_FORMAT,
                     _("%s: a ZPlot file without its “End Comments” line"), name);
      else
        spectrum = read_zplot (&text, end_comments, &preamble_end, error);
      break;
    case SP_EIS_FORMAT_TABLE:
    default:
      {
        SpEisTableHints hints = { 0 };

        hints.header = SP_EIS_NO_LINE;
        spectrum = sp_eis_read_table (&text, &hints, &preamble_end, error);
      }
      break;
    }

  if (spectrum != NULL)
    {
      /* The name the user gave the file first, then the instrument's header. */
      kelvin = sp_eis_temperature_from_name (name);
      if (isnan (kelvin))
        kelvin = temperature_from_lines (&text, preamble_end);
      spectrum->temperature_k = kelvin;
      sp_eis_spectrum_set_name (spectrum, name);
      if (format_out != NULL)
        *format_out = format;
    }
  sp_text_lines_clear (&text);
  return spectrum;
}

SpEisSpectrum *
sp_eis_read_data (const char  *bytes,
                  gsize        len,
                  const char  *name_for_messages,
                  GError     **error)
{
  return sp_eis_read_data_full (bytes, len, name_for_messages, NULL, error);
}

SpEisSpectrum *
sp_eis_read_file (const char  *path,
                  GError     **error)
{
  g_autofree char *name = NULL;
  g_autofree char *contents = NULL;
  GStatBuf st;
  gsize len;

  g_return_val_if_fail (path != NULL, NULL);

  name = g_path_get_basename (path);
  if (g_stat (path, &st) != 0)
    {
      int saved = errno;

      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved),
                   _("%s: cannot open it: %s"), name, g_strerror (saved));
      return NULL;
    }
  if (!S_ISREG (st.st_mode))
    {
      g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_INVAL,
                   _("%s: not a regular file"), name);
      return NULL;
    }
  /* Refused before reading: a huge file never fills the memory. */
  if (!sp_eis_read_check_size (name, st.st_size, error))
    return NULL;
  {
    g_autoptr(GError) local = NULL;

    if (!g_file_get_contents (path, &contents, &len, &local))
      {
        g_set_error (error, local->domain, local->code, _("%s: cannot read it: %s"),
                     name, local->message);
        return NULL;
      }
  }
  return sp_eis_read_data_full (contents, len, path, NULL, error);
}

gboolean
sp_eis_read_check_size (const char *name,
                        guint64     size_bytes,
                        GError    **error)
{
  g_autofree char *size = NULL;
  g_autofree char *limit = NULL;

  if (size_bytes <= SP_EIS_READ_MAX_BYTES)
    return TRUE;
  size = g_format_size (size_bytes);
  limit = g_format_size (SP_EIS_READ_MAX_BYTES);
  g_set_error (error, SP_EIS_READ_ERROR, SP_EIS_READ_ERROR_TOO_LARGE,
               _("%s: the file is %s, more than the %s a spectrum file may have"),
               name, size, limit);
  return FALSE;
}
