/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sp-impedance-readouts.h — the explore mode's numbers under its figures
 *
 * The conductivities (σ_bulk, σ_gb, the brick-layer specific σ_gb,sp and
 * σ_total) beside a table of the three arcs: apex frequency, effective
 * capacitance, the capacitance scaled by the cell constant and what that
 * says the arc is (Irvine, Sinclair & West).  An info button reveals the
 * formulas under them.  Side by side, or stacked in a narrow window.
 */
#pragma once

#include <gtk/gtk.h>

#include "sp-eis-ceramic.h"

G_BEGIN_DECLS

#define SP_TYPE_IMPEDANCE_READOUTS (sp_impedance_readouts_get_type ())
G_DECLARE_FINAL_TYPE (SpImpedanceReadouts, sp_impedance_readouts, SP, IMPEDANCE_READOUTS, GtkWidget)

GtkWidget  *sp_impedance_readouts_new        (void);
void        sp_impedance_readouts_set        (SpImpedanceReadouts       *self,
                                              const SpEisCeramicReadout *readout);
void        sp_impedance_readouts_set_narrow (SpImpedanceReadouts       *self,
                                              gboolean                   narrow);
/* The text shown for a quantity (for tests): the row's value label. */
const char *sp_impedance_readouts_get_sigma_total_text (SpImpedanceReadouts *self);
const char *sp_impedance_readouts_get_apex_text (SpImpedanceReadouts *self,
                                                 SpEisArcKind         arc);

/* "15.1 MHz", "10.6 nF" (three significant digits with an SI prefix,
 * @si_prefix), or "2.30 × 10⁻⁴ S/cm" (a power of ten). */
char       *sp_impedance_readouts_format     (double                     value,
                                              const char                *unit,
                                              gboolean                   si_prefix);

G_END_DECLS
