/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bench-kmc.c — lattice Monte Carlo hops per second on a 32³ lattice
 * (target ≥ 10⁷ on one core), against a floor timed in the same run: the
 * same number of bare events, each a draw of the engine's generator, a
 * random site, its neighbour from the engine's table, a swap in a copy of
 * its state array and the logarithm of the waiting time — what any residence-time
 * hop must at least do.  The ratio says how much the bookkeeping of exact
 * rates costs on top.
 *
 * The machine is shared: times are the thread's CPU time (a loaded core
 * does not count against the engine), each figure the best of ROUNDS, the
 * engine and the floor timed alternately.  A benchmark, not a test: it
 * prints, and asserts only that hops happen. */

#include "config.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "sp-gsl.h"
#include "sp-kmc-private.h"

#define ROUNDS 5
#define HOPS   4000000u

static double
cpu_s (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &ts);
  return ts.tv_sec + 1e-9 * ts.tv_nsec;
}

/* The floor: HOPS bare events on @kmc's own arrays (a copy of its state). */
static double
floor_seconds (const SpKmc *kmc,
               double      *sink)
{
  g_autofree guint8 *state = g_memdup2 (kmc->state, kmc->n_sites);
  SpKmcRng rng;
  double sum = 0.0, t0;

  sp_kmc_rng_seed (&rng, 99);
  t0 = cpu_s ();
  for (guint e = 0; e < HOPS; e++)
    {
      guint32 r = sp_kmc_rng_below (&rng, kmc->n_sites * 6);
      guint i = r / 6;
      guint j = kmc->neighbour[r];
      guint8 s = state[i];

      state[i] = state[j];
      state[j] = s;
      sum += -log (1.0 - sp_kmc_rng_uniform (&rng));
    }
  *sink += sum;
  return cpu_s () - t0;
}

static void
bench (const char        *name,
       const SpKmcParams *params)
{
  g_autoptr(GError) error = NULL;
  SpKmc *kmc = sp_kmc_new (params, &error);
  double best = INFINITY, best_floor = INFINITY, sink = 0.0;

  g_assert_no_error (error);
  /* Away from the random start first. */
  sp_kmc_run_hops (kmc, HOPS / 4);
  for (guint round = 0; round < ROUNDS; round++)
    {
      double t0 = cpu_s ();
      guint64 done = sp_kmc_run_hops (kmc, HOPS);

      g_assert_cmpuint (done, ==, HOPS);
      best = MIN (best, cpu_s () - t0);
      best_floor = MIN (best_floor, floor_seconds (kmc, &sink));
    }
  printf ("  %-34s %6.2f M hops/s   floor %6.2f M events/s   ratio %.2f%s\n", name,
          HOPS / best / 1e6, HOPS / best_floor / 1e6, best / best_floor,
          HOPS / best >= 1e7 ? "" : "   (below 10⁷)");
  /* Keeps the floor's work from being optimised away. */
  if (sink < 0.0)
    abort ();
  sp_kmc_free (kmc);
}

int
main (void)
{
  SpKmcParams p;
  double load[3];

  sp_gsl_init ();
  if (getloadavg (load, 3) > 0)
    printf ("load average %.2f (%u cores); thread CPU time, best of %u rounds of %u hops\n",
            load[0], g_get_num_processors (), ROUNDS, HOPS);
  printf ("lattice Monte Carlo, 32³ sites, one core:\n");

  sp_kmc_params_init_default (&p);
  p.size = 32;
  p.carrier_fraction = 0.1;
  bench ("c = 0.1", &p);
  p.carrier_fraction = 0.5;
  bench ("c = 0.5", &p);
  p.carrier_fraction = 0.9;
  bench ("c = 0.9 (choosing among vacancies)", &p);
  p.carrier_fraction = 0.1;
  p.blocked_fraction = 0.2;
  bench ("c = 0.1, 20 % blocked", &p);
  p.blocked_fraction = 0.0;
  p.barrier_z_ev = 0.2;
  bench ("c = 0.1, channels along z", &p);
  p.barrier_z_ev = 0.3;
  p.disorder_ev = 0.05;
  bench ("c = 0.1, 50 meV disorder (rate classes)", &p);
  return 0;
}
