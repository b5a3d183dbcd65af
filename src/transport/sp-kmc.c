/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sp-kmc.c — the lattice Monte Carlo engine: parameters, lifetime, the
 * clock, trajectories and the state (the hops themselves are in
 * sp-kmc-events.c, the lattice's construction in sp-kmc-lattice.c) */

#include "config.h"

#include <gio/gio.h>
#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "sp-arrhenius.h"
#include "sp-kmc-private.h"

/* Limits that keep every number finite and meaningful. */
static const SpParamRange ranges[SP_KMC_N_PARAMS] = {
  [SP_KMC_PARAM_CARRIER_FRACTION] = { "carrier_fraction", "", 0.0, 1.0, TRUE, FALSE },
  [SP_KMC_PARAM_BARRIER] = { "barrier_ev", "eV", 0.0, 20.0, FALSE, FALSE },
  [SP_KMC_PARAM_BARRIER_Z] = { "barrier_z_ev", "eV", 0.0, 20.0, FALSE, FALSE },
  [SP_KMC_PARAM_ATTEMPT] = { "attempt_hz", "Hz", 0.0, 1e20, TRUE, FALSE },
  [SP_KMC_PARAM_TEMPERATURE] = { "temperature_k", "K", 0.0, 1e5, TRUE, FALSE },
  [SP_KMC_PARAM_BLOCKED_FRACTION] = { "blocked_fraction", "", 0.0, 1.0, FALSE, TRUE },
  [SP_KMC_PARAM_DISORDER] = { "disorder_ev", "eV", 0.0, 5.0, FALSE, FALSE },
  [SP_KMC_PARAM_SPACING] = { "spacing_angstrom", "Å", 0.0, 100.0, TRUE, FALSE },
};

const SpParamRange *
sp_kmc_param_range (SpKmcParamId id)
{
  g_return_val_if_fail (id < SP_KMC_N_PARAMS, NULL);
  return &ranges[id];
}

/* Parameters ------------------------------------------------------------- */

void
sp_kmc_params_init_default (SpKmcParams *params)
{
  *params = (SpKmcParams) {
    .size = 32,
    .carrier_fraction = 0.1,
    .barrier_ev = 0.3,
    .barrier_z_ev = 0.3,
    .attempt_hz = 1e13,
    .temperature_k = 300.0,
    .blocked_fraction = 0.0,
    .blocking = SP_KMC_BLOCKING_RANDOM,
    .disorder_ev = 0.0,
    .spacing_angstrom = 2.5,
    .seed = 1,
  };
}

static double
rate_for_barrier (const SpKmcParams *params,
                  double             barrier_ev)
{
  return params->attempt_hz *
         exp (-barrier_ev / (SP_BOLTZMANN_EV_PER_K * params->temperature_k));
}

double
sp_kmc_hop_rate_hz (const SpKmcParams *params)
{
  return rate_for_barrier (params, params->barrier_ev);
}

double
sp_kmc_hop_rate_z_hz (const SpKmcParams *params)
{
  return rate_for_barrier (params, params->barrier_z_ev);
}

static gboolean
check_range (const char   *name,
             SpKmcParamId  id,
             double        value,
             GError      **error)
{
  const SpParamRange *range = &ranges[id];
  const char *unit = range->unit;

  if (sp_param_range_contains (range, value))
    return TRUE;
  /* TRANSLATORS: e.g. "the temperature must lie in (0, 1e+05] K, not -3 K";
   * a round bracket excludes the end, a square one includes it. */
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
               _("%s must lie in %s%g, %g%s%s%s, not %g%s%s"), name,
               range->min_open ? "(" : "[", range->min, range->max, range->max_open ? ")" : "]",
               *unit ? " " : "", unit, value, *unit ? " " : "", unit);
  return FALSE;
}

gboolean
sp_kmc_params_check (const SpKmcParams *p,
                     GError           **error)
{
  guint n_sites, n_open;

  g_return_val_if_fail (p != NULL, FALSE);

  if (p->size < 2 || p->size > SP_KMC_MAX_SIZE)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("the lattice must have 2 to %u sites per edge, not %u"),
                   (guint) SP_KMC_MAX_SIZE, p->size);
      return FALSE;
    }
  if (!check_range (_("the carrier fraction"), SP_KMC_PARAM_CARRIER_FRACTION, p->carrier_fraction, error) ||
      !check_range (_("the in-plane barrier"), SP_KMC_PARAM_BARRIER, p->barrier_ev, error) ||
      !check_range (_("the barrier along z"), SP_KMC_PARAM_BARRIER_Z, p->barrier_z_ev, error) ||
      !check_range (_("the attempt frequency"), SP_KMC_PARAM_ATTEMPT, p->attempt_hz, error) ||
      !check_range (_("the temperature"), SP_KMC_PARAM_TEMPERATURE, p->temperature_k, error) ||
      !check_range (_("the blocked fraction"), SP_KMC_PARAM_BLOCKED_FRACTION, p->blocked_fraction, error) ||
      !check_range (_("the disorder width"), SP_KMC_PARAM_DISORDER, p->disorder_ev, error) ||
      !check_range (_("the lattice spacing"), SP_KMC_PARAM_SPACING, p->spacing_angstrom, error))
    return FALSE;
  if (p->blocking != SP_KMC_BLOCKING_RANDOM && p->blocking != SP_KMC_BLOCKING_CLUSTERED)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("unknown kind of blocking (%d)"), (int) p->blocking);
      return FALSE;
    }

  n_sites = p->size * p->size * p->size;
  n_open = n_sites - (guint) lround (p->blocked_fraction * n_sites);
  if (n_open == 0 || lround (p->carrier_fraction * n_open) < 1)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("a carrier fraction of %g on %u open sites leaves no carrier"),
                   p->carrier_fraction, n_open);
      return FALSE;
    }
  if (!(sp_kmc_hop_rate_hz (p) > 0.0) && !(sp_kmc_hop_rate_z_hz (p) > 0.0))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("no carrier can hop: the barriers (%g and %g eV) are too high for %g K "
                     "(the hop rates underflow)"),
                   p->barrier_ev, p->barrier_z_ev, p->temperature_k);
      return FALSE;
    }
  return TRUE;
}

gboolean
sp_kmc_params_same_lattice (const SpKmcParams *a,
                            const SpKmcParams *b)
{
  return a->size == b->size && a->carrier_fraction == b->carrier_fraction &&
         a->blocked_fraction == b->blocked_fraction && a->blocking == b->blocking &&
         a->seed == b->seed;
}

const char *
sp_kmc_blocking_to_string (SpKmcBlocking blocking)
{
  return blocking == SP_KMC_BLOCKING_CLUSTERED ? "clustered" : "random";
}

gboolean
sp_kmc_blocking_from_string (const char    *name,
                             SpKmcBlocking *blocking)
{
  if (g_strcmp0 (name, "random") == 0)
    *blocking = SP_KMC_BLOCKING_RANDOM;
  else if (g_strcmp0 (name, "clustered") == 0)
    *blocking = SP_KMC_BLOCKING_CLUSTERED;
  else
    return FALSE;
  return TRUE;
}

/* Lifetime --------------------------------------------------------------- */

SpKmc *
sp_kmc_new (const SpKmcParams *params,
            GError           **error)
{
  SpKmc *kmc;
  guint size;

  g_return_val_if_fail (params != NULL, NULL);

  if (!sp_kmc_params_check (params, error))
    return NULL;

  kmc = g_new0 (SpKmc, 1);
  kmc->params = *params;
  kmc->size = size = params->size;
  kmc->n_sites = size * size * size;
  kmc->state = g_new (guint8, kmc->n_sites);
  kmc->neighbour = g_new (guint32, (gsize) kmc->n_sites * 6);
  kmc->normal = g_new (double, kmc->n_sites);
  kmc->carrier_at = g_new (guint32, kmc->n_sites);
  kmc->site_of = g_new (guint32, kmc->n_sites);
  kmc->unwrapped = g_new (gint32, (gsize) kmc->n_sites * 3);
  kmc->empty_sites = g_new (guint32, kmc->n_sites);
  kmc->coord = g_new (guint32, kmc->n_sites);
  kmc->empty_index = g_new (guint32, kmc->n_sites);

  for (guint z = 0; z < size; z++)
    for (guint y = 0; y < size; y++)
      for (guint x = 0; x < size; x++)
        {
          guint site = x + size * (y + size * z);
          guint32 *nb = kmc->neighbour + (gsize) site * 6;

          kmc->coord[site] = x | y << 8 | z << 16;

          nb[0] = (x + 1) % size + size * (y + size * z);
          nb[1] = (x + size - 1) % size + size * (y + size * z);
          nb[2] = x + size * ((y + 1) % size + size * z);
          nb[3] = x + size * ((y + size - 1) % size + size * z);
          nb[4] = x + size * (y + size * ((z + 1) % size));
          nb[5] = x + size * (y + size * ((z + size - 1) % size));
        }

  for (guint d = 0; d < 6; d++)
    {
      gint32 unit = d < 2 ? 1 : d < 4 ? (gint32) size : (gint32) (size * size);
      gint32 sign = d % 2 == 0 ? 1 : -1;

      kmc->nb_step[d] = sign * unit;
      kmc->nb_wrap[d] = sign * unit * (gint32) size;
      kmc->nb_shift[d] = 8 * (d / 2);
      kmc->nb_edge[d] = d % 2 == 0 ? size - 1 : 0;
    }
  sp_kmc_rng_seed (&kmc->rng, params->seed);
  sp_kmc_lattice_build (kmc);
  sp_kmc_events_build (kmc);

  {
    g_autofree guint8 *open = g_new (guint8, kmc->n_sites);

    for (guint i = 0; i < kmc->n_sites; i++)
      open[i] = kmc->state[i] != SP_KMC_SITE_BLOCKED;
    kmc->percolating_axes = sp_kmc_wrapping_axes (open, size);
  }
  return kmc;
}

void
sp_kmc_free (SpKmc *kmc)
{
  if (kmc == NULL)
    return;
  g_free (kmc->state);
  g_free (kmc->neighbour);
  g_free (kmc->normal);
  g_free (kmc->carrier_at);
  g_free (kmc->site_of);
  g_free (kmc->unwrapped);
  g_free (kmc->empty_sites);
  g_free (kmc->coord);
  g_free (kmc->empty_index);
  sp_kmc_events_free (kmc);
  g_free (kmc);
}

gboolean
sp_kmc_set_params (SpKmc             *kmc,
                   const SpKmcParams *params,
                   GError           **error)
{
  g_return_val_if_fail (kmc != NULL && params != NULL, FALSE);

  if (!sp_kmc_params_check (params, error))
    return FALSE;
  if (!sp_kmc_params_same_lattice (&kmc->params, params))
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                           _("the new parameters need another lattice"));
      return FALSE;
    }
  kmc->params = *params;
  sp_kmc_events_build (kmc);
  return TRUE;
}

const SpKmcParams *
sp_kmc_get_params (const SpKmc *kmc)
{
  return &kmc->params;
}

/* Running ---------------------------------------------------------------- */

/* Hops until the clock would pass @target, then sets it to @target. */
static void
advance_to (SpKmc  *kmc,
            double  target)
{
  sp_kmc_events_run (kmc, G_MAXUINT64, target);
  kmc->time_s = MAX (kmc->time_s, target);
}

void
sp_kmc_advance (SpKmc  *kmc,
                double  dt_s)
{
  g_return_if_fail (kmc != NULL);

  if (dt_s > 0.0 && isfinite (dt_s))
    advance_to (kmc, kmc->time_s + dt_s);
}

guint64
sp_kmc_run_until (SpKmc   *kmc,
                  double   t_s,
                  guint64  max_hops)
{
  guint64 done;

  g_return_val_if_fail (kmc != NULL, 0);

  done = sp_kmc_events_run (kmc, max_hops, t_s);
  /* Stopped by the time, not the count: the clock reaches t_s. */
  if (done < max_hops && t_s > kmc->time_s)
    kmc->time_s = t_s;
  return done;
}

guint64
sp_kmc_run_hops (SpKmc   *kmc,
                 guint64  n_hops)
{
  g_return_val_if_fail (kmc != NULL, 0);

  return sp_kmc_events_run (kmc, n_hops, INFINITY);
}

SpTrajectory *
sp_kmc_record (SpKmc        *kmc,
               guint         n_frames,
               double        dt_s,
               GCancellable *cancellable)
{
  SpTrajectory *trajectory;
  double start, a;

  g_return_val_if_fail (kmc != NULL, NULL);

  if (n_frames == 0 || !(dt_s > 0.0) || !isfinite (dt_s))
    return NULL;
  trajectory = sp_trajectory_new (kmc->n_carriers, n_frames);
  if (trajectory == NULL)
    return NULL;

  a = kmc->params.spacing_angstrom;
  trajectory->dt_ps = dt_s * 1e12;
  trajectory->cell[0] = trajectory->cell[4] = trajectory->cell[8] = a * kmc->size;
  trajectory->temperature_k = kmc->params.temperature_k;
  trajectory->charge = 1.0;
  sp_trajectory_set_species (trajectory, "Li");
  sp_trajectory_set_name (trajectory, "KMC");

  start = kmc->time_s;
  for (guint f = 0; f < n_frames; f++)
    {
      if (g_cancellable_is_cancelled (cancellable))
        {
          sp_trajectory_free (trajectory);
          return NULL;
        }
      /* Frame times from the start, not summed: no drift over many. */
      if (f > 0)
        advance_to (kmc, start + f * dt_s);
      sp_kmc_copy_positions (kmc, sp_trajectory_position (trajectory, f, 0));
    }
  return trajectory;
}

/* The state -------------------------------------------------------------- */

double
sp_kmc_time_s (const SpKmc *kmc)
{
  return kmc->time_s;
}

guint64
sp_kmc_hop_count (const SpKmc *kmc)
{
  return kmc->hops;
}

double
sp_kmc_total_rate_hz (const SpKmc *kmc)
{
  return sp_kmc_events_total_rate (kmc);
}

guint
sp_kmc_size (const SpKmc *kmc)
{
  return kmc->size;
}

guint
sp_kmc_n_carriers (const SpKmc *kmc)
{
  return kmc->n_carriers;
}

guint
sp_kmc_n_open_sites (const SpKmc *kmc)
{
  return kmc->n_open;
}

SpKmcSite
sp_kmc_site (const SpKmc *kmc,
             guint        x,
             guint        y,
             guint        z)
{
  g_return_val_if_fail (x < kmc->size && y < kmc->size && z < kmc->size, SP_KMC_SITE_BLOCKED);
  return kmc->state[x + kmc->size * (y + kmc->size * z)];
}

void
sp_kmc_copy_layer (const SpKmc *kmc,
                   guint        z,
                   guint8      *states)
{
  g_return_if_fail (z < kmc->size);
  memcpy (states, kmc->state + (gsize) z * kmc->size * kmc->size,
          (gsize) kmc->size * kmc->size);
}

void
sp_kmc_copy_positions (const SpKmc *kmc,
                       double      *positions)
{
  double a = kmc->params.spacing_angstrom;

  for (gsize v = 0; v < (gsize) kmc->n_carriers * 3; v++)
    positions[v] = a * kmc->unwrapped[v];
}

void
sp_kmc_copy_positions_range (const SpKmc *kmc,
                             guint        first,
                             guint        n,
                             double      *positions)
{
  double a = kmc->params.spacing_angstrom;

  g_return_if_fail (first <= kmc->n_carriers && n <= kmc->n_carriers - first);
  for (gsize v = 0; v < (gsize) n * 3; v++)
    positions[v] = a * kmc->unwrapped[(gsize) first * 3 + v];
}

void
sp_kmc_collective_displacement (const SpKmc *kmc,
                                double       displacement[3])
{
  for (guint a = 0; a < 3; a++)
    displacement[a] = kmc->params.spacing_angstrom * (double) kmc->collective[a];
}

double
sp_kmc_site_energy_ev (const SpKmc *kmc,
                       guint        x,
                       guint        y,
                       guint        z)
{
  g_return_val_if_fail (x < kmc->size && y < kmc->size && z < kmc->size, 0.0);
  return kmc->params.disorder_ev * kmc->normal[x + kmc->size * (y + kmc->size * z)];
}

gboolean
sp_kmc_open_sites_percolate (SpKmc *kmc)
{
  return kmc->percolating_axes != 0;
}

guint
sp_kmc_percolating_axes (SpKmc *kmc)
{
  return kmc->percolating_axes;
}
