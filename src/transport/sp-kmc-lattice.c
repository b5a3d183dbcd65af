/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sp-kmc-lattice.c — building the lattice gas, and whether its open sites
 * percolate
 *
 * Everything random here comes from the engine's own generator in a fixed
 * order (blocked sites, then one normal per site, then the carriers), so a
 * seed fixes the lattice.  The normals are drawn even without disorder:
 * the width can then be changed on a running engine without another draw.
 *
 * Clustered blocking grows the blocked sites as Eden clusters: one seed
 * per CLUSTER_SITES blocked sites, then each new blocked site is a random
 * entry of the list of open sites next to a blocked one.  The blobs come
 * out compact (a few sites across), with the same count as random
 * blocking; where the list runs dry (the blobs have swallowed their
 * surroundings) a new seed is planted.
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include "sp-kmc-private.h"

/* Blocked sites per seed of clustered blocking: blobs of about 3 × 3 × 3. */
#define CLUSTER_SITES 27

static guint64
splitmix64 (guint64 *x)
{
  guint64 z = (*x += 0x9e3779b97f4a7c15ull);

  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
  return z ^ (z >> 31);
}

void
sp_kmc_rng_seed (SpKmcRng *rng,
                 guint64   seed)
{
  guint64 x = seed;

  /* splitmix64 never yields four zero words, the one state xoshiro
   * cannot leave. */
  for (guint i = 0; i < 4; i++)
    rng->s[i] = splitmix64 (&x);
}

double
sp_kmc_rng_gaussian (SpKmcRng *rng)
{
  double u, v, s;

  do
    {
      u = 2.0 * sp_kmc_rng_uniform (rng) - 1.0;
      v = 2.0 * sp_kmc_rng_uniform (rng) - 1.0;
      s = u * u + v * v;
    }
  while (s >= 1.0 || s == 0.0);
  return u * sqrt (-2.0 * log (s) / s);
}

static guint
random_open_site (SpKmc *kmc)
{
  guint site;

  /* At least one site in n_sites is open (p < 1): this ends. */
  do
    site = sp_kmc_rng_below (&kmc->rng, kmc->n_sites);
  while (kmc->state[site] == SP_KMC_SITE_BLOCKED);
  return site;
}

static void
block_random (SpKmc  *kmc,
              guint   n_blocked)
{
  g_autofree guint32 *order = g_new (guint32, kmc->n_sites);

  for (guint i = 0; i < kmc->n_sites; i++)
    order[i] = i;
  /* The first n_blocked of a Fisher–Yates shuffle. */
  for (guint i = 0; i < n_blocked; i++)
    {
      guint j = i + sp_kmc_rng_below (&kmc->rng, kmc->n_sites - i);
      guint32 t = order[i];

      order[i] = order[j];
      order[j] = t;
      kmc->state[order[i]] = SP_KMC_SITE_BLOCKED;
    }
}

static void
push_open_neighbours (SpKmc  *kmc,
                      GArray *frontier,
                      guint   site)
{
  for (guint d = 0; d < 6; d++)
    {
      guint32 next = kmc->neighbour[site * 6 + d];

      if (kmc->state[next] != SP_KMC_SITE_BLOCKED)
        g_array_append_val (frontier, next);
    }
}

static void
block_clustered (SpKmc *kmc,
                 guint  n_blocked)
{
  g_autoptr(GArray) frontier = g_array_new (FALSE, FALSE, sizeof (guint32));
  guint n_seeds = MAX (1u, (n_blocked + CLUSTER_SITES / 2) / CLUSTER_SITES);
  guint done = 0;

  for (; done < MIN (n_seeds, n_blocked); done++)
    {
      guint site = random_open_site (kmc);

      kmc->state[site] = SP_KMC_SITE_BLOCKED;
      push_open_neighbours (kmc, frontier, site);
    }
  while (done < n_blocked)
    {
      guint site;

      if (frontier->len == 0)
        site = random_open_site (kmc);
      else
        {
          guint k = sp_kmc_rng_below (&kmc->rng, frontier->len);

          site = g_array_index (frontier, guint32, k);
          g_array_remove_index_fast (frontier, k);
          /* Listed twice (next to two blocked sites): already taken. */
          if (kmc->state[site] == SP_KMC_SITE_BLOCKED)
            continue;
        }
      kmc->state[site] = SP_KMC_SITE_BLOCKED;
      push_open_neighbours (kmc, frontier, site);
      done++;
    }
}

void
sp_kmc_lattice_build (SpKmc *kmc)
{
  const SpKmcParams *p = &kmc->params;
  guint n_blocked = (guint) lround (p->blocked_fraction * kmc->n_sites);
  g_autofree guint32 *open = NULL;
  guint n_open = 0;

  memset (kmc->state, SP_KMC_SITE_EMPTY, kmc->n_sites);
  if (p->blocking == SP_KMC_BLOCKING_CLUSTERED)
    block_clustered (kmc, n_blocked);
  else
    block_random (kmc, n_blocked);

  for (guint i = 0; i < kmc->n_sites; i++)
    kmc->normal[i] = sp_kmc_rng_gaussian (&kmc->rng);

  open = g_new (guint32, kmc->n_sites);
  for (guint i = 0; i < kmc->n_sites; i++)
    if (kmc->state[i] != SP_KMC_SITE_BLOCKED)
      open[n_open++] = i;
  kmc->n_open = n_open;
  kmc->n_carriers = (guint) lround (p->carrier_fraction * n_open);

  for (guint i = 0; i < kmc->n_sites; i++)
    kmc->carrier_at[i] = G_MAXUINT32;
  for (guint c = 0; c < kmc->n_carriers; c++)
    {
      guint j = c + sp_kmc_rng_below (&kmc->rng, n_open - c);
      guint32 site = open[j];
      guint size = kmc->size;

      open[j] = open[c];
      open[c] = site;
      kmc->state[site] = SP_KMC_SITE_CARRIER;
      kmc->carrier_at[site] = c;
      kmc->unwrapped[3 * c + 0] = (gint32) (site % size);
      kmc->unwrapped[3 * c + 1] = (gint32) (site / size % size);
      kmc->unwrapped[3 * c + 2] = (gint32) (site / size / size);
    }
}

/* Percolation ------------------------------------------------------------ */

typedef struct
{
  guint32 *parent;
  gint32  *offset;    /* 3 per site: position of the parent − own, unwrapped */
} UnionFind;

/* The root of @i, with *@to_root the unwrapped displacement from @i to it;
 * compresses the path (each site on it then points at the root with the
 * summed offset). */
static guint32
find_root (UnionFind *uf,
           guint32    i,
           gint32     to_root[3])
{
  guint32 root = i;
  gint32 sum[3] = { 0, 0, 0 };

  while (uf->parent[root] != root)
    {
      for (guint a = 0; a < 3; a++)
        sum[a] += uf->offset[3 * root + a];
      root = uf->parent[root];
    }
  memcpy (to_root, sum, sizeof sum);

  /* Second pass: every site on the path points at the root directly. */
  while (uf->parent[i] != root && i != root)
    {
      guint32 next = uf->parent[i];
      gint32 own[3];

      for (guint a = 0; a < 3; a++)
        {
          own[a] = uf->offset[3 * i + a];
          uf->offset[3 * i + a] = sum[a];
          sum[a] -= own[a];
        }
      uf->parent[i] = root;
      i = next;
    }
  return root;
}

guint
sp_kmc_wrapping_axes (const guint8 *open,
                      guint         size)
{
  guint n = size * size * size;
  UnionFind uf;
  guint axes = 0;

  g_return_val_if_fail (open != NULL && size >= 1 && size <= SP_KMC_MAX_SIZE, 0);

  uf.parent = g_new (guint32, n);
  uf.offset = g_new0 (gint32, 3 * (gsize) n);
  for (guint i = 0; i < n; i++)
    uf.parent[i] = i;

  for (guint z = 0; z < size; z++)
    for (guint y = 0; y < size; y++)
      for (guint x = 0; x < size; x++)
        {
          guint i = x + size * (y + size * z);

          if (!open[i])
            continue;
          /* The bonds to +x, +y, +z (across the boundary too). */
          for (guint a = 0; a < 3; a++)
            {
              guint c[3] = { x, y, z };
              guint j;
              gint32 oi[3], oj[3];
              guint32 ri, rj;

              c[a] = (c[a] + 1) % size;
              j = c[0] + size * (c[1] + size * c[2]);
              if (!open[j])
                continue;
              ri = find_root (&uf, i, oi);
              rj = find_root (&uf, j, oj);
              /* Unwrapped: pos(j) = pos(i) + e_a; pos(ri) = pos(i) + oi;
               * pos(rj) = pos(j) + oj. */
              oj[a] += 1;
              if (ri != rj)
                {
                  uf.parent[rj] = ri;
                  for (guint b = 0; b < 3; b++)
                    uf.offset[3 * rj + b] = oi[b] - oj[b];
                }
              else
                for (guint b = 0; b < 3; b++)
                  if (oi[b] != oj[b])
                    axes |= 1u << b;
            }
        }

  g_free (uf.parent);
  g_free (uf.offset);
  return axes;
}
