/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sp-cli-export-eis.h — `spinodal-cli export`'s impedance figures: their
 * data from the command line (spectrum files, a circuit or a ceramic
 * preset, a DRT table, Arrhenius tables) */
#pragma once

#include <glib.h>

#include "sp-figure.h"

G_BEGIN_DECLS

typedef struct
{
  char   **data;               /* --data FILE, repeatable                 */
  char    *circuit;            /* --circuit S                             */
  char   **params;             /* --param NAME=VALUE, repeatable          */
  char    *ceramic;            /* --ceramic PRESET                        */
  char    *f_min, *f_max, *points_per_decade;
  char    *drt;                /* --drt FILE                              */
  char    *form;               /* --form sigma-t|sigma                    */
} SpCliEisFlags;

void     sp_cli_eis_flags_clear (SpCliEisFlags *flags);
/* Whether any impedance flag was given (they apply to those figures only). */
gboolean sp_cli_eis_flags_given (const SpCliEisFlags *flags);

/* Everything an impedance figure shows, owned. */
typedef struct _SpCliEisFigure SpCliEisFigure;

/* Reads, evaluates and fits what @kind needs from @flags; NULL (the
 * problem printed, naming the file, the flag or the parameter) when it
 * cannot. */
SpCliEisFigure        *sp_cli_eis_figure_new      (const SpCliEisFlags *flags,
                                                   SpFigureKind         kind);
const SpEisFigureData *sp_cli_eis_figure_get_data (SpCliEisFigure      *figure);
void                   sp_cli_eis_figure_free     (SpCliEisFigure      *figure);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SpCliEisFigure, sp_cli_eis_figure_free)

G_END_DECLS
