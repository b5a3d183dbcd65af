/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sp-kmc-events.c — choosing hops and keeping the total rate (the
 * residence-time loop)
 *
 * Two exact ways to choose the next hop with probability rate/R:
 *
 * Uniform rates (no site-energy disorder, at most half the sites blocked):
 * every in-plane hop has rate Γ, every hop along z Γ_z, so R = A_xy Γ +
 * A_z Γ_z with A the counts of possible hops, kept exactly (integers) by
 * looking at the 12 neighbours of the two sites of each hop.  A class is
 * chosen by its share of R; then a hop within it uniformly by rejection:
 * a random carrier and a random direction of the class, accepted when the
 * target is empty — or, when carriers outnumber the empty sites, a random
 * empty site and direction, accepted when the neighbour there holds a
 * carrier (the hop of that carrier into it).  Each possible hop is one
 * such pair, so the accepted one is uniform among them; at least about
 * half the draws are accepted below half blocking.  No per-event table:
 * a hop touches a few cache lines, which is what makes 10⁷ hops/s.
 *
 * Any rates (disorder): composition–rejection (see sp-kmc.h) over
 * tabulated per-event rates and per-class member lists.  After a hop i → j
 * only events touching i or j change: i's own (now none), its occupied
 * neighbours' hops into i (now possible), j's occupied neighbours' hops
 * into j (now impossible), j's own into empty neighbours — at most 24 list
 * updates of O(1) each.  Class sums follow by adding and subtracting; the
 * rounding that accumulates is cleared by summing the lists afresh every
 * RESUM_HOPS hops.
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include "sp-kmc-private.h"

#define RESUM_HOPS (1u << 20)

static const gint8 step_of[6][3] = {
  { 1, 0, 0 }, { -1, 0, 0 }, { 0, 1, 0 }, { 0, -1, 0 }, { 0, 0, 1 }, { 0, 0, -1 },
};

static inline double
rate_for_barrier (const SpKmcParams *params,
                  double             barrier_ev)
{
  return params->attempt_hz *
         exp (-barrier_ev / (SP_KMC_BOLTZMANN_EV_PER_K * params->temperature_k));
}

/* The class lists ------------------------------------------------------- */

static inline void
event_add (SpKmc   *kmc,
           guint32  e)
{
  guint k = kmc->klass[e];
  guint32 index;

  if (kmc->pos[e] >= 0 || k == SP_KMC_NO_CLASS)
    return;
  index = kmc->class_count[k]++;
  kmc->members[kmc->class_start[k] + index] = e;
  kmc->pos[e] = (gint32) index;
  kmc->class_sum[k] += kmc->rate[e];
  kmc->n_active++;
}

static inline void
event_remove (SpKmc   *kmc,
              guint32  e)
{
  gint32 index = kmc->pos[e];
  guint k;
  guint32 *list, last;

  if (index < 0)
    return;
  k = kmc->klass[e];
  list = kmc->members + kmc->class_start[k];
  last = list[--kmc->class_count[k]];
  list[index] = last;
  kmc->pos[last] = index;
  kmc->pos[e] = -1;
  kmc->class_sum[k] -= kmc->rate[e];
  /* An empty class owes nothing to rounding. */
  if (kmc->class_count[k] == 0)
    kmc->class_sum[k] = 0.0;
  kmc->n_active--;
}

/* Sums every class list afresh. */
static void
resum (SpKmc *kmc)
{
  for (guint k = 0; k < kmc->n_classes; k++)
    {
      const guint32 *list = kmc->members + kmc->class_start[k];
      double sum = 0.0;

      for (guint32 m = 0; m < kmc->class_count[k]; m++)
        sum += kmc->rate[list[m]];
      kmc->class_sum[k] = sum;
    }
}

/* The barrier of the hop from @i in direction @d (sp-kmc.h's formula). */
static double
hop_barrier (const SpKmc *kmc,
             guint        i,
             guint        d)
{
  const SpKmcParams *p = &kmc->params;
  double e0 = d >= 4 ? p->barrier_z_ev : p->barrier_ev;
  double delta = p->disorder_ev * (kmc->normal[kmc->neighbour[i * 6 + d]] - kmc->normal[i]);

  return MAX (MAX (e0 + 0.5 * delta, 0.0), delta);
}

static void
build_lists (SpKmc *kmc)
{
  gsize n_events = (gsize) kmc->n_sites * 6;
  guint32 count[SP_KMC_N_CLASSES] = { 0 };
  double r_max = 0.0;
  guint32 start = 0;

  if (kmc->rate == NULL)
    {
      kmc->rate = g_new (double, n_events);
      kmc->klass = g_new (guint8, n_events);
      kmc->pos = g_new (gint32, n_events);
      kmc->members = g_new (guint32, n_events);
    }

  for (gsize e = 0; e < n_events; e++)
    {
      guint i = e / 6;
      guint j = kmc->neighbour[e];

      kmc->rate[e] = 0.0;
      if (kmc->state[i] != SP_KMC_SITE_BLOCKED && kmc->state[j] != SP_KMC_SITE_BLOCKED)
        kmc->rate[e] = rate_for_barrier (&kmc->params, hop_barrier (kmc, i, e % 6));
      r_max = MAX (r_max, kmc->rate[e]);
    }

  memset (kmc->class_bound, 0, sizeof kmc->class_bound);
  kmc->n_classes = 0;
  for (gsize e = 0; e < n_events; e++)
    {
      double r = kmc->rate[e];
      guint k;

      kmc->pos[e] = -1;
      if (!(r > 0.0))
        {
          kmc->klass[e] = SP_KMC_NO_CLASS;
          continue;
        }
      /* r_max·2^−(k+1) < r ≤ r_max·2^−k (the last class: anything less). */
      k = (guint) MIN (ilogb (r_max / r), SP_KMC_N_CLASSES - 1);
      kmc->klass[e] = (guint8) k;
      count[k]++;
      kmc->class_bound[k] = MAX (kmc->class_bound[k], r);
      kmc->n_classes = MAX (kmc->n_classes, k + 1);
    }

  for (guint k = 0; k < SP_KMC_N_CLASSES; k++)
    {
      kmc->class_start[k] = start;
      kmc->class_count[k] = 0;
      kmc->class_sum[k] = 0.0;
      start += count[k];
    }

  kmc->n_active = 0;
  for (guint i = 0; i < kmc->n_sites; i++)
    if (kmc->state[i] == SP_KMC_SITE_CARRIER)
      for (guint d = 0; d < 6; d++)
        if (kmc->state[kmc->neighbour[i * 6 + d]] == SP_KMC_SITE_EMPTY)
          event_add (kmc, i * 6 + d);
  resum (kmc);
}

/* The total rate, summed over the classes rather than kept as one running
 * sum: rates of different classes may differ by many orders of magnitude,
 * and adding and removing a fast one would leave rounding of its size in a
 * total made of slow ones.  Within a class every rate is within a factor 2
 * of the others, so each class sum stays accurate. */
static inline double
lists_total (const SpKmc *kmc)
{
  double total = 0.0;

  for (guint k = 0; k < kmc->n_classes; k++)
    total += kmc->class_sum[k];
  return total;
}

static guint32
lists_choose (SpKmc  *kmc,
              double  total)
{
  guint k = 0;

  if (kmc->n_classes > 1)
    {
      double target = sp_kmc_rng_uniform (&kmc->rng) * total;

      /* The last nonempty class takes what rounding leaves over. */
      for (guint c = 0; c < kmc->n_classes; c++)
        if (kmc->class_count[c] > 0)
          {
            k = c;
            target -= kmc->class_sum[c];
            if (target < 0.0)
              break;
          }
    }

  if (k == SP_KMC_N_CLASSES - 1)
    {
      /* The catch-all class: its rates may differ by any factor. */
      const guint32 *list = kmc->members + kmc->class_start[k];
      double target = sp_kmc_rng_uniform (&kmc->rng) * kmc->class_sum[k];

      for (guint32 m = 0; m + 1 < kmc->class_count[k]; m++)
        {
          target -= kmc->rate[list[m]];
          if (target < 0.0)
            return list[m];
        }
      return list[kmc->class_count[k] - 1];
    }

  for (;;)
    {
      guint32 m = sp_kmc_rng_below (&kmc->rng, kmc->class_count[k]);
      guint32 e = kmc->members[kmc->class_start[k] + m];
      double r = kmc->rate[e];

      /* Every rate in a class is within a factor 2 of its fastest: at
       * least half the draws are accepted, all when the rates are equal. */
      if (r == kmc->class_bound[k] ||
          sp_kmc_rng_uniform (&kmc->rng) * kmc->class_bound[k] < r)
        return e;
    }
}

/* After the carrier moved from @i to @j. */
static void
lists_update (SpKmc *kmc,
              guint  i,
              guint  j)
{
  const guint32 *nb_i = kmc->neighbour + (gsize) i * 6;
  const guint32 *nb_j = kmc->neighbour + (gsize) j * 6;

  for (guint d = 0; d < 6; d++)
    {
      guint k = nb_i[d];

      event_remove (kmc, i * 6 + d);
      /* Occupied neighbours of i may now hop into it (j among them). */
      if (kmc->state[k] == SP_KMC_SITE_CARRIER)
        event_add (kmc, k * 6 + (d ^ 1));
    }
  for (guint d = 0; d < 6; d++)
    {
      guint k = nb_j[d];

      if (kmc->state[k] == SP_KMC_SITE_CARRIER)
        event_remove (kmc, k * 6 + (d ^ 1));
      else if (kmc->state[k] == SP_KMC_SITE_EMPTY)
        event_add (kmc, j * 6 + d);
    }
  if ((kmc->hops & (RESUM_HOPS - 1)) == 0)
    resum (kmc);
}

/* Uniform rates --------------------------------------------------------- */

static void
build_counts (SpKmc *kmc)
{
  kmc->rate_xy = rate_for_barrier (&kmc->params, kmc->params.barrier_ev);
  kmc->rate_z = rate_for_barrier (&kmc->params, kmc->params.barrier_z_ev);
  kmc->n_active_xy = kmc->n_active_z = 0;
  for (guint i = 0; i < kmc->n_sites; i++)
    if (kmc->state[i] == SP_KMC_SITE_CARRIER)
      for (guint d = 0; d < 6; d++)
        if (kmc->state[kmc->neighbour[i * 6 + d]] == SP_KMC_SITE_EMPTY)
          {
            if (d < 4)
              kmc->n_active_xy++;
            else
              kmc->n_active_z++;
          }
}

static inline double
counts_total (const SpKmc *kmc)
{
  return kmc->n_active_xy * kmc->rate_xy + kmc->n_active_z * kmc->rate_z;
}

/* A uniform draw from [0, n · n_dirs) split into (index, direction):
 * constant divisors, so no division instruction in the hot loop. */
static inline guint
draw_pair (SpKmcRng *rng,
           guint32   n,
           guint     n_dirs,
           guint    *dir)
{
  guint32 r = sp_kmc_rng_below (rng, n * n_dirs);

  switch (n_dirs)
    {
    case 2:
      *dir = r & 1;
      return r >> 1;
    case 4:
      *dir = r & 3;
      return r >> 2;
    default:
      *dir = r % 6;
      return r / 6;
    }
}

static guint32
counts_choose (SpKmc  *kmc,
               double  total)
{
  guint first = 0, n_dirs = 6, d;
  guint n_empty = kmc->n_open - kmc->n_carriers;

  /* Different rates in and across the plane: a class first, by its share
   * of the total.  With total > 0 this never picks a class of no hops or
   * of rate 0 (an underflowed barrier): u·total < A_xy Γ for every u < 1
   * when A_z Γ_z is 0, and never when A_xy Γ is. */
  if (kmc->rate_xy != kmc->rate_z)
    {
      gboolean along_z =
        sp_kmc_rng_uniform (&kmc->rng) * total >= kmc->n_active_xy * kmc->rate_xy;

      first = along_z ? 4 : 0;
      n_dirs = along_z ? 2 : 4;
    }

  if (!kmc->pick_empty)
    for (;;)
      {
        guint site = kmc->site_of[draw_pair (&kmc->rng, kmc->n_carriers, n_dirs, &d)];

        d += first;
        if (kmc->state[sp_kmc_neighbour (kmc, site, d)] == SP_KMC_SITE_EMPTY)
          return site * 6 + d;
      }
  for (;;)
    {
      guint empty = kmc->empty_sites[draw_pair (&kmc->rng, n_empty, n_dirs, &d)];
      guint from;

      d += first;
      from = sp_kmc_neighbour (kmc, empty, d);
      if (kmc->state[from] == SP_KMC_SITE_CARRIER)
        return from * 6 + (d ^ 1);
    }
}

/* After the carrier moved from @i to @j (states already swapped): the
 * change of the possible hops, counting each directed bond touching i or
 * j once (the two between i and j through i's list only). */
static void
counts_update (SpKmc *kmc,
               guint  i,
               guint  j)
{
  const guint8 *state = kmc->state;
  int delta[2] = { 0, 0 };

  for (guint d = 0; d < 6; d++)
    {
      guint k = sp_kmc_neighbour (kmc, i, d);
      /* i → k was possible when k was empty (j was), k → i is now when k
       * holds a carrier (j does). */
      int was = k == j || state[k] == SP_KMC_SITE_EMPTY;
      int now = state[k] == SP_KMC_SITE_CARRIER;

      delta[d >= 4] += now - was;
    }
  for (guint d = 0; d < 6; d++)
    {
      guint k = sp_kmc_neighbour (kmc, j, d);

      if (k == i)
        continue;
      /* j → k is now possible when k is empty, k → j was when k held a
       * carrier. */
      delta[d >= 4] += (state[k] == SP_KMC_SITE_EMPTY) - (state[k] == SP_KMC_SITE_CARRIER);
    }
  kmc->n_active_xy += delta[0];
  kmc->n_active_z += delta[1];
}

/* Both ------------------------------------------------------------------ */

void
sp_kmc_events_build (SpKmc *kmc)
{
  kmc->uniform = kmc->params.disorder_ev == 0.0 && kmc->params.blocked_fraction <= 0.5;
  /* The lists of carrier sites and empty sites: rebuilt from the lattice
   * (only one of them is kept up to date while hopping). */
  kmc->pick_empty = kmc->uniform && kmc->n_carriers > kmc->n_open - kmc->n_carriers;
  for (guint i = 0, e = 0; i < kmc->n_sites; i++)
    if (kmc->state[i] == SP_KMC_SITE_CARRIER)
      kmc->site_of[kmc->carrier_at[i]] = i;
    else if (kmc->state[i] == SP_KMC_SITE_EMPTY)
      {
        kmc->empty_sites[e] = i;
        kmc->empty_index[i] = e++;
      }
  if (kmc->uniform)
    build_counts (kmc);
  else
    build_lists (kmc);
}

double
sp_kmc_events_total_rate (const SpKmc *kmc)
{
  if (kmc->uniform)
    return counts_total (kmc);
  return kmc->n_active > 0 ? MAX (lists_total (kmc), 0.0) : 0.0;
}

static inline gboolean
any_event (const SpKmc *kmc)
{
  return kmc->uniform ? counts_total (kmc) > 0.0 : kmc->n_active > 0;
}

static void
hop (SpKmc   *kmc,
     guint32  e)
{
  guint i = e / 6, d = e % 6;
  guint j = sp_kmc_neighbour (kmc, i, d);
  guint32 carrier = kmc->carrier_at[i];

  kmc->state[i] = SP_KMC_SITE_EMPTY;
  kmc->state[j] = SP_KMC_SITE_CARRIER;
  kmc->carrier_at[j] = carrier;
  /* Only the list the uniform-rate choice draws from is kept (each is a
   * cache miss per hop): the carriers' sites when carriers are fewer, the
   * empty sites otherwise — fixed for a lattice. */
  if (kmc->pick_empty)
    {
      guint32 slot = kmc->empty_index[j];

      /* The empty site j becomes the empty site i, in j's slot. */
      kmc->empty_sites[slot] = i;
      kmc->empty_index[i] = slot;
    }
  else
    kmc->site_of[carrier] = j;
  for (guint a = 0; a < 3; a++)
    {
      kmc->unwrapped[3 * carrier + a] += step_of[d][a];
      kmc->collective[a] += step_of[d][a];
    }
  kmc->hops++;
  if (kmc->uniform)
    counts_update (kmc, i, j);
  else
    lists_update (kmc, i, j);
}

guint64
sp_kmc_events_run (SpKmc   *kmc,
                   guint64  max_hops,
                   double   t_end)
{
  guint64 done = 0;

  while (done < max_hops && any_event (kmc))
    {
      double total = kmc->uniform ? counts_total (kmc) : lists_total (kmc);
      /* 1 − u lies in (0, 1]: the logarithm is finite. */
      double wait = -log (1.0 - sp_kmc_rng_uniform (&kmc->rng)) / total;
      guint32 e;

      if (kmc->time_s + wait > t_end)
        break;
      kmc->time_s += wait;
      e = kmc->uniform ? counts_choose (kmc, total) : lists_choose (kmc, total);
      hop (kmc, e);
      done++;
    }
  return done;
}

void
sp_kmc_events_free (SpKmc *kmc)
{
  g_clear_pointer (&kmc->rate, g_free);
  g_clear_pointer (&kmc->klass, g_free);
  g_clear_pointer (&kmc->pos, g_free);
  g_clear_pointer (&kmc->members, g_free);
}
