/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sp-cli-export-hop.h — `spinodal-cli export`'s hopping figures: their
 * data from the command line (trajectory files, a lattice Monte Carlo
 * run, QENS and finite-size tables) */
#pragma once

#include <glib.h>

#include "sp-figure.h"

G_BEGIN_DECLS

typedef struct
{
  char   **trajectory;         /* --trajectory FILE, repeatable (runs)      */
  char    *species;            /* --species S                               */
  char    *timestep_fs;        /* --timestep-fs X                           */
  char    *stride;             /* --stride N                                */
  char    *trajectory_format;  /* --trajectory-format auto|xyz|lammps|xdatcar */
  char    *window;             /* --window T0,T1 (ps)                       */
  char    *q;                  /* --q Q1,Q2,… (Å⁻¹)                         */
  char    *quantity;           /* --quantity diffusivity|energy             */
  char    *layer;              /* --layer Z                                 */
  /* The lattice Monte Carlo run (lattice, msd, fs, qens without files). */
  char    *lattice_size, *carrier_fraction, *barrier_ev, *barrier_z_ev, *attempt_hz;
  char    *temperature_k, *blocked_fraction, *blocking, *disorder_ev, *spacing_angstrom;
  char    *kmc_seed, *kmc_frames;
} SpCliHopFlags;

/* Adds the flags above to @context's main group (their help translated). */
void     sp_cli_hop_flags_add   (SpCliHopFlags  *flags,
                                 GOptionContext *context);
void     sp_cli_hop_flags_clear (SpCliHopFlags  *flags);
/* Whether any hopping flag was given (they apply to those figures only). */
gboolean sp_cli_hop_flags_given (const SpCliHopFlags *flags);

/* Everything a hopping figure shows, owned. */
typedef struct _SpCliHopFigure SpCliHopFigure;

/* Reads, simulates and fits what @kind needs from @flags (@data: the
 * --data tables, for qens and finite-size); NULL (the problem printed,
 * naming the file or the flag) when it cannot. */
SpCliHopFigure        *sp_cli_hop_figure_new      (const SpCliHopFlags *flags,
                                                   char               **data,
                                                   SpFigureKind         kind);
const SpHopFigureData *sp_cli_hop_figure_get_data (SpCliHopFigure      *figure);
void                   sp_cli_hop_figure_free     (SpCliHopFigure      *figure);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SpCliHopFigure, sp_cli_hop_figure_free)

G_END_DECLS
