/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sp-eis-guess.h — starting values for a circuit fit, read off the spectrum
 *
 * So that a fit works without anyone typing numbers: the high-frequency
 * intercept gives the series resistance; each arc (a local maximum of the
 * smoothed −Z″ against log f) gives its diameter R, apex frequency f and
 * depression α, which fill the circuit's next parallel block in the order
 * of the string (the first p(…) is the highest-frequency arc):
 * R = diameter, Q = 1/(R (2πf)^α), C = 1/(2πf R); the low-frequency
 * tail fills the blocking elements in series (a CPE from −Z″ and the slope
 * of log(−Z″) against log ω at the lowest frequencies, a Warburg from the
 * 45° line).  PHYSICS-TRANSPORT.md §1.
 *
 * The arcs are read twice: from the maxima of −Z″, and from a light
 * ridge-regularised distribution of relaxation times of −Z″ (which also
 * sees a small arc on a large one's flank); the reading with one arc per
 * block comes first.  A guess is only a start: where the spectrum is
 * ambiguous (fewer arcs visible than blocks, overlapping arcs)
 * sp_eis_guess_variants() offers alternative starts (the other reading,
 * shoulders of −Z″, other splits of the arcs, shifted time constants) for
 * the fit's multi-start.
 */
#pragma once

#include <glib.h>

#include "sp-circuit.h"
#include "sp-eis-spectrum.h"

G_BEGIN_DECLS

/* Checks that @spectrum can be fitted at all: at least one point, every
 * frequency finite and > 0, every impedance finite.  The error names the
 * first bad point (1-based, in the spectrum's order). */
gboolean   sp_eis_spectrum_check        (const SpEisSpectrum *spectrum,
                                         GError             **error);

/* Fills @params (sp_circuit_get_n_params values, every one valid for
 * sp_circuit_param_valid) with the automatic guess.  FALSE with an error
 * only for a spectrum sp_eis_spectrum_check() rejects. */
gboolean   sp_eis_guess                 (const SpCircuit     *circuit,
                                         const SpEisSpectrum *spectrum,
                                         double              *params,
                                         GError             **error);

/* The guess first and then up to @max_starts − 1 alternatives, as a
 * GPtrArray of double arrays (n_params each, owned by the array); NULL
 * with an error for a bad spectrum.  @n_readings (may be NULL): how many
 * leading starts are equally likely readings of the arcs, which a fit
 * should finish: 2 when −Z″ does not show one peak per block and the
 * deconvolution reads the arcs differently, else 1; the rest (the other
 * reading among them) are variations to explore. */
GPtrArray *sp_eis_guess_variants        (const SpCircuit     *circuit,
                                         const SpEisSpectrum *spectrum,
                                         guint                max_starts,
                                         guint               *n_readings,
                                         GError             **error);

/* How many arcs (prominent maxima of the smoothed −Z″) the spectrum shows:
 * for tests and for the figures' arc labels. */
guint      sp_eis_guess_count_arcs      (const SpEisSpectrum *spectrum);

G_END_DECLS
