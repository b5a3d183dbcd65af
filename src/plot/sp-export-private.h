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

/* The hopping figures' data as CSV; NULL when @hop lacks what @kind plots. */
GString  *sp_export_hop_csv  (SpFigureKind           kind,
                              const SpHopFigureData *hop);

G_END_DECLS
