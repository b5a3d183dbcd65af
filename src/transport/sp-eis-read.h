/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sp-eis-read.h — impedance spectra from the files instruments write
 *
 * One reader for every text format a solid-electrolyte lab meets: a
 * CSV/TSV/semicolon/whitespace table with or without a header row (decimal
 * commas too), ZView/ZPlot `.z`, Gamry `.DTA` (the ZCURVE table) and the
 * BioLogic EC-Lab `.mpt` text export.  The format is recognised from the
 * content (a Gamry, EC-Lab or ZPlot header), the extension deciding only
 * when the content says nothing.  A file that cannot be read gets one
 * message naming the file, the line and the problem
 * ("pellet.csv, line 17: expected 3 numbers, found “abc”").
 *
 * Columns of a table are found by name, case and unit suffix ignored
 * ("Freq/Hz", "frequency (Hz)", "f", "freq_hz"; "Z'", "Zreal", "Re(Z)/Ohm",
 * "z_re_ohm"; "Z''", "Zimag", "Im(Z)", "z_im_ohm" or "-Z''", "-Im(Z)/Ohm";
 * "|Z|" with "Phase" instead of the two parts), a kΩ/MΩ/mΩ or kHz/MHz/mHz
 * unit scaling the column.  A header nothing of which is recognised is
 * treated as a title, and a table without a header is read by order:
 * f, Z′, Z″ in the first three columns.  Z″ or −Z″: a header says which
 * by its sign; without one, the column is −Z″ when more of its values are
 * positive than negative (a capacitive spectrum, the solid-electrolyte
 * case, has Z″ < 0 everywhere except at the inductive top frequencies).
 *
 * The temperature comes from the file name ("25C", "25 °C", "298K",
 * "T=300K", "_150C_"; every such mention must agree), else from a header or
 * comment line ("Temperature (K): 298", "# T = 25 °C", "temperature_K =
 * 300"; the unit is required), else it is NAN.
 */
#pragma once

#include <glib.h>

#include "sp-eis-spectrum.h"

G_BEGIN_DECLS

#define SP_EIS_READ_ERROR (sp_eis_read_error_quark ())

typedef enum
{
  SP_EIS_READ_ERROR_EMPTY,      /* nothing but blank lines                        */
  SP_EIS_READ_ERROR_TOO_LARGE,  /* above SP_EIS_READ_MAX_BYTES                    */
  SP_EIS_READ_ERROR_BINARY,     /* not text                                       */
  SP_EIS_READ_ERROR_FORMAT,     /* no table, columns missing, a broken header     */
  SP_EIS_READ_ERROR_VALUE,      /* a bad number on a data line                    */
  SP_EIS_READ_ERROR_TOO_FEW,    /* fewer than SP_EIS_READ_MIN_POINTS points       */
} SpEisReadError;

/* A spectrum has a few hundred points; 32 MiB is ten thousand times that. */
#define SP_EIS_READ_MAX_BYTES  (32 * 1024 * 1024)
#define SP_EIS_READ_MIN_POINTS 3

typedef enum
{
  SP_EIS_FORMAT_TABLE,      /* CSV, TSV, semicolon or whitespace columns */
  SP_EIS_FORMAT_ZPLOT,      /* ZView / ZPlot .z                          */
  SP_EIS_FORMAT_GAMRY,      /* Gamry .DTA                                */
  SP_EIS_FORMAT_BIOLOGIC,   /* BioLogic EC-Lab .mpt                      */
} SpEisFormat;

GQuark         sp_eis_read_error_quark      (void);

/* Reads @path (the file's base name is the spectrum's name and names it in
 * messages).  Safe to call from any thread. */
SpEisSpectrum *sp_eis_read_file             (const char  *path,
                                             GError     **error);

/* The same on bytes already in memory (a drop, a GFile loaded
 * asynchronously): @name_for_messages is the file's name, used in messages,
 * as the spectrum's name, for the temperature and, when the content does
 * not say, for the format (its extension).  @format_out may be NULL. */
SpEisSpectrum *sp_eis_read_data             (const char  *bytes,
                                             gsize        len,
                                             const char  *name_for_messages,
                                             GError     **error);
SpEisSpectrum *sp_eis_read_data_full        (const char  *bytes,
                                             gsize        len,
                                             const char  *name_for_messages,
                                             SpEisFormat *format_out,
                                             GError     **error);

/* The temperature (K) a file name states, or NAN (none, or two that
 * disagree).  Directories are ignored. */
double         sp_eis_temperature_from_name (const char  *name);
/* The temperature (K) a header line states, or NAN. */
double         sp_eis_temperature_from_line (const char  *line);

const char    *sp_eis_format_to_string      (SpEisFormat  format);

/* The file-name suffixes spectra come with, lower case, without the dot
 * (NULL-terminated: "csv", "tsv", "txt", "dat", "z", "dta", "mpt"), for a
 * file chooser's filter; the reader itself goes by content. */
const char *const *sp_eis_read_suffixes     (void);

G_END_DECLS
