/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sp-hopping-params.h — the Hopping page's lattice parameters and presets
 *
 * One range per slider (SpHoppingParam, sp-hopping-page.h): its session
 * key (the state key with its unit, "barrier_ev"), label, unit, bounds,
 * default and whether it slides in log10.  The presets set every value
 * and say where their numbers come from; the page applies them, the
 * panel lists them, check_state() takes its bounds from here.
 */
#pragma once

#include <glib.h>

#include "sp-hopping-page.h"

G_BEGIN_DECLS

typedef struct
{
  const char *id;          /* the session key: "carrier_fraction", "barrier_ev", … */
  const char *label;       /* N_(): the slider's title */
  const char *unit;        /* "eV", "K", "Hz", "Å", "" */
  double      min;
  double      max;
  double      default_value;
  gboolean    log_scale;
  guint       digits;      /* decimals of the slider's entry */
  gboolean    integer;     /* size and seed */
} SpHoppingRange;

/* How the blocked sites are placed. */
typedef enum
{
  SP_HOPPING_BLOCKING_RANDOM,
  SP_HOPPING_BLOCKING_CLUSTERED,
} SpHoppingBlocking;

typedef struct
{
  const char       *id;           /* stable, for sessions and lessons: "network-3d" */
  const char       *name;         /* N_() */
  const char       *source;       /* N_(): where the numbers come from */
  gboolean          illustrative; /* typical magnitudes, not one measurement */
  double            values[SP_HOPPING_N_PARAMS];
  SpHoppingBlocking blocking;
} SpHoppingPreset;

const SpHoppingRange  *sp_hopping_get_range        (SpHoppingParam param);
guint                  sp_hopping_get_n_presets    (void);
const SpHoppingPreset *sp_hopping_get_preset       (guint          index);
/* NULL when there is no preset @id. */
const SpHoppingPreset *sp_hopping_find_preset      (const char    *id);
/* "random" / "clustered", and back (FALSE for anything else). */
const char            *sp_hopping_blocking_to_id   (SpHoppingBlocking blocking);
gboolean               sp_hopping_blocking_from_id (const char        *id,
                                                    SpHoppingBlocking *blocking);

/* Simple-cubic site percolation threshold p_c = 0.3116 (Stauffer &
 * Aharony, Introduction to Percolation Theory, 2nd ed. 1994, table 2;
 * PHYSICS-TRANSPORT.md §2 quotes it).  The and the physics
 * document's "D → 0 beyond p_c ≈ 0.31 blocking" reads it as a blocked
 * fraction; by the source it is the fraction of sites that must stay
 * OPEN: the carriers move through the open sites, which stop spanning the
 * lattice when their fraction falls below p_c = 0.3116, i.e. when the
 * blocked fraction passes 1 − p_c ≈ 0.688 for random blocking (clustered
 * blocking leaves wider open paths).  The read-outs take the lattice's
 * own test (finite lattices straddle the threshold); this is the
 * infinite lattice's value they quote. */
#define SP_HOPPING_SITE_PERCOLATION_SC 0.3116

G_END_DECLS
