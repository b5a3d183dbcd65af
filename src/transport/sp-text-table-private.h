/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sp-text-table-private.h — the text-table pieces the spectrum reader and
 * the Arrhenius data reader share: bytes to lines, fields, numbers and
 * column names with their units.  Internal to src/transport (tested
 * through test-eis-read.c and test-arrhenius.c).
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A spectrum table has thousands of lines of a hundred bytes at most. */
#define SP_TEXT_MAX_LINES      1000000
#define SP_TEXT_MAX_LINE_BYTES 65536

typedef struct
{
  char  *name;      /* the file's base name, for messages          */
  char **lines;     /* UTF-8, without line ends; line k is lines[k - 1] */
  guint  n_lines;
} SpTextLines;

/* Decodes @bytes (UTF-8 with or without BOM, UTF-16 with BOM, else
 * Windows-1252, which instruments on Windows write) and splits them into
 * lines (\n, \r\n or \r).  Fails with SP_EIS_READ_ERROR_EMPTY,
 * _TOO_LARGE (also beyond SP_TEXT_MAX_LINES), _BINARY or _FORMAT (a line
 * beyond SP_TEXT_MAX_LINE_BYTES), the message starting with @name. */
gboolean  sp_text_lines_init    (SpTextLines  *text,
                                 const char   *bytes,
                                 gsize         len,
                                 const char   *name,
                                 GError      **error);
void      sp_text_lines_clear   (SpTextLines  *text);

gboolean  sp_text_is_blank      (const char   *line);
/* A line starting (after blanks) with #, %, ! or //. */
gboolean  sp_text_is_comment    (const char   *line);

/* Field separators: ',' ';' '\t', ' ' (runs of blanks) and '2' (runs of
 * two or more blanks: a whitespace header whose names hold spaces). */
char    **sp_text_split         (const char   *line,
                                 char          sep);
/* The separator of a row of numbers, or 0 when @line is not at least
 * @min_numbers numbers (empty fields aside).  *@decimal_comma: the numbers
 * use ',' as decimal point (only with a separator other than ','). */
char      sp_text_numeric_row   (const char   *line,
                                 guint         min_numbers,
                                 gboolean     *decimal_comma);
/* The whole of @field as a number ('.' decimal point, or ',' with
 * @decimal_comma); "nan" and "inf" parse (callers check finiteness). */
gboolean  sp_text_parse_number  (const char   *field,
                                 gboolean      decimal_comma,
                                 double       *value);
/* How many of @fields (empty ones aside) are numbers; *@all_numbers
 * (may be NULL): whether every non-empty one is. */
guint     sp_text_count_numbers (char        **fields,
                                 gboolean      decimal_comma,
                                 gboolean     *all_numbers);
/* @field for a message: “…” around at most 40 characters, control
 * characters escaped. */
char     *sp_text_quote         (const char   *field);

typedef enum
{
  SP_TEXT_UNIT_NONE,
  SP_TEXT_UNIT_OHM,
  SP_TEXT_UNIT_HZ,
  SP_TEXT_UNIT_DEGREE,
  SP_TEXT_UNIT_RADIAN,
  SP_TEXT_UNIT_KELVIN,
  SP_TEXT_UNIT_CELSIUS,
  SP_TEXT_UNIT_S_PER_CM,
  SP_TEXT_UNIT_LABEL,     /* ZPlot's "(a)", "(b)": no unit, no scale */
} SpTextUnitKind;

typedef struct
{
  SpTextUnitKind kind;
  double         factor;  /* to Ω, Hz, S/cm (kΩ: 1e3, mS/cm: 1e-3, S/m: 1e-2) */
} SpTextUnit;

/* A column name split into its key — lower case, blanks removed, primes
 * and the minus sign unified ("Z′′ (kOhm)" → "z''", "−Im(Z)/Ohm" →
 * "-im(z)") — and its unit suffix ("(kOhm)", "/Hz", "_ohm", "[°C]",
 * " in Hz"), kind NONE when there is none. */
char     *sp_text_column_key    (const char   *name,
                                 SpTextUnit   *unit);
/* Whether @key is one of the NULL-terminated @names. */
gboolean  sp_text_key_in        (const char   *key,
                                 const char   *const *names);

G_END_DECLS
