/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sp-export-private.h — what sp-export.c shares with sp-export-eis.c (not
 * installed) */
#pragma once

#include <glib.h>

#include "sp-figure.h"

G_BEGIN_DECLS

/* The impedance figures' data as CSV; NULL when @eis lacks what @kind plots. */
GString  *sp_export_eis_csv  (SpFigureKind           kind,
                              const SpEisFigureData *eis);

/* sp-export-pins.c: the pins @kind draws as extra columns of @csv. */
void      sp_export_csv_add_pins (GString            *csv,
                                  SpFigureKind        kind,
                                  const SpFigureData *data);
/* The hopping figures' data as CSV; NULL when @hop lacks what @kind plots. */
GString  *sp_export_hop_csv  (SpFigureKind           kind,
                              const SpHopFigureData *hop);

/* sp-export-voltage.c: the voltage trace (both voltage figures export
 * it); @params (may be NULL) puts the model and the drive in the header.
 * NULL when there is no trace. */
GString  *sp_export_voltage_csv (const SpDriveTrace *trace,
                                 const SpChParams   *params);

G_END_DECLS
