/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sp-eis-read-private.h — the table reader under every spectrum format */
#pragma once

#include "sp-eis-read.h"
#include "sp-text-table-private.h"

G_BEGIN_DECLS

#define SP_EIS_NO_LINE G_MAXUINT

typedef struct
{
  guint    first;              /* the first line (index) to look at          */
  guint    header;             /* the header row's index, or SP_EIS_NO_LINE:
                                * found from the content                      */
  guint    skip_after_header;  /* rows after the header that hold no data
                                * (Gamry's units row)                         */
  gboolean stop_at_unindented; /* Gamry: a row not starting with a blank ends
                                * the table (the next section's keyword)      */
  gboolean no_header;          /* ZPlot: numbers only, columns by position   */
  int      col_f, col_re, col_im; /* with no_header: the columns, Z″ own sign */
} SpEisTableHints;

/* The spectrum in @text's table.  *@preamble_end: the index of the first
 * line of the table (header or data); the lines before it are free text
 * (the temperature may be there). */
SpEisSpectrum *sp_eis_read_table (const SpTextLines     *text,
                                  const SpEisTableHints *hints,
                                  guint                 *preamble_end,
                                  GError               **error);

/* FALSE with SP_EIS_READ_ERROR_TOO_LARGE naming @name and both sizes when
 * a file of @size_bytes exceeds SP_EIS_READ_MAX_BYTES: the readers refuse
 * it before reading, so a huge file never fills the memory. */
gboolean       sp_eis_read_check_size (const char            *name,
                                       guint64                size_bytes,
                                       GError               **error);

G_END_DECLS
