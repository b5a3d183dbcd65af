/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sp-kmc-private.h — the lattice Monte Carlo engine's insides, shared by
 * sp-kmc.c (events and hops) and sp-kmc-lattice.c (building the lattice,
 * percolation)
 *
 * Events: the hop of the carrier on site i in direction d (0 +x, 1 −x,
 * 2 +y, 3 −y, 4 +z, 5 −z; the opposite of d is d ^ 1) is event 6i + d.
 * Its rate and rate class depend only on the lattice (blocked sites, site
 * energies, barriers), so they are tabulated once per parameter set; an
 * event is *active* while site i holds a carrier and its neighbour is
 * empty, and only active events sit in their class's member list.
 */
#pragma once

#include <glib.h>

#include "sp-arrhenius.h"
#include "sp-kmc.h"

G_BEGIN_DECLS

#define SP_KMC_BOLTZMANN_EV_PER_K SP_BOLTZMANN_EV_PER_K

/* Classes 0 … N_CLASSES − 2 hold rates within a factor 2 of each other;
 * the last holds everything slower still (selected by a linear scan: it is
 * chosen with a probability below 2⁻⁶² of the fastest class's). */
#define SP_KMC_N_CLASSES 64
#define SP_KMC_NO_CLASS  0xff

/* xoshiro256** 1.0 (Blackman & Vigna, public domain reference code). */
typedef struct
{
  guint64 s[4];
} SpKmcRng;

static inline guint64
sp_kmc_rotl (guint64 x,
             int     k)
{
  return (x << k) | (x >> (64 - k));
}

static inline guint64
sp_kmc_rng_next (SpKmcRng *rng)
{
  guint64 *s = rng->s;
  guint64 result = sp_kmc_rotl (s[1] * 5, 7) * 9;
  guint64 t = s[1] << 17;

  s[2] ^= s[0];
  s[3] ^= s[1];
  s[1] ^= s[2];
  s[0] ^= s[3];
  s[2] ^= t;
  s[3] = sp_kmc_rotl (s[3], 45);
  return result;
}

/* Uniform in [0, 1), 53 bits. */
static inline double
sp_kmc_rng_uniform (SpKmcRng *rng)
{
  return (double) (sp_kmc_rng_next (rng) >> 11) * 0x1.0p-53;
}

/* Uniform in [0, n), n ≥ 1, without bias (Lemire, ACM TOMS 2019). */
static inline guint32
sp_kmc_rng_below (SpKmcRng *rng,
                  guint32   n)
{
  guint64 m = (sp_kmc_rng_next (rng) >> 32) * (guint64) n;
  guint32 low = (guint32) m;

  if (low < n)
    {
      guint32 threshold = (guint32) (-n) % n;

      while (low < threshold)
        {
          m = (sp_kmc_rng_next (rng) >> 32) * (guint64) n;
          low = (guint32) m;
        }
    }
  return (guint32) (m >> 32);
}

void   sp_kmc_rng_seed      (SpKmcRng *rng,
                             guint64   seed);
/* Standard normal by Marsaglia's polar method (the pair's second value is
 * dropped: one value per call keeps the order of the draws simple). */
double sp_kmc_rng_gaussian  (SpKmcRng *rng);

struct _SpKmc
{
  SpKmcParams params;
  guint       size;
  guint       n_sites;
  guint       n_open;
  guint       n_carriers;

  guint8     *state;         /* SpKmcSite per site                        */
  guint32    *neighbour;     /* 6 per site                                */
  /* The neighbour by arithmetic (sp_kmc_neighbour): a site's packed
   * coordinates x | y << 8 | z << 16, 4 bytes a site instead of the
   * table's 24 — the uniform-rate path stays in the cache. */
  guint32    *coord;
  gint32      nb_step[6];    /* index step to the neighbour               */
  gint32      nb_wrap[6];    /* … minus this when across the boundary     */
  guint8      nb_shift[6];   /* the coordinate's bit offset               */
  guint8      nb_edge[6];    /* the coordinate at that boundary           */
  double     *normal;        /* standard-normal draw per site: ε = σ·z    */
  guint32    *carrier_at;    /* carrier on a site (stale where empty)     */
  guint32    *site_of;       /* site of each carrier (see pick_empty)     */
  gint32     *unwrapped;     /* 3 per carrier, lattice units              */
  gint64      collective[3]; /* Σ of every hop's step, lattice units      */
  guint32    *empty_sites;   /* the open empty sites, in any order (kept
                                while hopping only when pick_empty)      */
  guint32    *empty_index;   /* a site's slot in empty_sites              */

  /* Uniform rates (sp-kmc-events.c): counts of possible hops. */
  gboolean    uniform;
  gboolean    pick_empty;    /* choose among empty sites, not carriers    */
  double      rate_xy, rate_z;
  gint64      n_active_xy, n_active_z;

  /* Any rates: events (6 per site), allocated when first needed. */
  double     *rate;          /* Hz; 0 for impossible hops                 */
  guint8     *klass;         /* rate class, or SP_KMC_NO_CLASS            */
  gint32     *pos;           /* index in its class's list, −1 inactive    */
  guint32    *members;       /* every class's list, back to back          */
  guint32     class_start[SP_KMC_N_CLASSES];
  guint32     class_count[SP_KMC_N_CLASSES];
  double      class_sum[SP_KMC_N_CLASSES];
  double      class_bound[SP_KMC_N_CLASSES]; /* fastest rate in class    */
  guint       n_classes;     /* classes in use: 0 … n_classes − 1          */
  double      total_rate;
  guint32     n_active;      /* active events in every class             */

  SpKmcRng    rng;
  double      time_s;
  guint64     hops;
  guint       percolating_axes;
};

static inline guint
sp_kmc_neighbour (const SpKmc *kmc,
                  guint        site,
                  guint        d)
{
  guint q = (kmc->coord[site] >> kmc->nb_shift[d]) & 0xff;

  return (guint) ((gint32) site + kmc->nb_step[d] - (q == kmc->nb_edge[d]) * kmc->nb_wrap[d]);
}

/* sp-kmc-lattice.c: places blocked sites, draws site energies, places
 * carriers, in that order, from kmc->rng (fills state, normal, carrier_at,
 * unwrapped; neighbour must be filled). */
void    sp_kmc_lattice_build      (SpKmc   *kmc);

/* sp-kmc-events.c: sets up the hop selection for the current parameters
 * and occupation; the total rate now; runs hops until @max_hops or until
 * the next would come after @t_end (the clock stays at the last hop);
 * frees the event tables. */
void    sp_kmc_events_build       (SpKmc   *kmc);
double  sp_kmc_events_total_rate  (const SpKmc *kmc);
guint64 sp_kmc_events_run         (SpKmc   *kmc,
                                   guint64  max_hops,
                                   double   t_end);
void    sp_kmc_events_free        (SpKmc   *kmc);

G_END_DECLS
