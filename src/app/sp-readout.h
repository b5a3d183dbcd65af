/* sp-readout.h — numbers and quantities typeset for the read-outs
 *
 * A true minus sign (U+2212), "1.2 × 10⁻⁵" rather than "1.2e-05", and
 * compositions near 0 or 1 shown with full relative precision.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* What a read-out shows for a number that is undefined (NaN, infinite):
 * never "nan nm". */
#define SP_READOUT_UNDEFINED "—"

/* @digits decimals, without a "−0.000"; SP_READOUT_UNDEFINED when @value
 * is not finite (as for sp_readout_significant). */
char *sp_readout_fixed        (double      value,
                              int         digits);
/* @significant significant digits, trailing zeros dropped. */
char *sp_readout_significant  (double      value,
                              int         significant);
/* A number and its unit symbol, e.g. "115.8 meV". */
char *sp_readout_quantity     (const char *number,
                              const char *unit);
/* A composition 0 < c < 1 given with its complement 1 − c (exact near
 * both ends): three decimals unless that would round to 0 or 1. */
char *sp_readout_composition  (double      c,
                              double      one_minus_c);
/* "0.146 – 0.854" from two compositions and their logits. */
char *sp_readout_range        (double      lo,
                              double      u_lo,
                              double      hi,
                              double      u_hi);

G_END_DECLS
