/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sp-eis-csv.h — an impedance spectrum as CSV, the way every Spinodal CSV
 * is written (sp-csv.h): "# " comment lines saying what the table is and
 * where it came from, one header row freq_hz,z_re_ohm,z_im_ohm (Z″ with its
 * own sign), then one row per point in the spectrum's order, every number
 * in the shortest form that reads back as the same double.  The readers of
 * the transport lab (and pandas, gnuplot, R) read it back.
 */
#pragma once

#include <glib.h>

#include "sp-eis-spectrum.h"

G_BEGIN_DECLS

/* @what says what the table is ("impedance of R0-p(R1,C1)"); @comments
 * (NULL-terminated, may be NULL) are further "# " lines, e.g. "R1 = 100 Ohm".
 * A non-finite value is written "nan", "inf" or "-inf". */
GString *sp_eis_csv_spectrum (const SpEisSpectrum *spectrum,
                              const char          *what,
                              const char *const   *comments);

G_END_DECLS
