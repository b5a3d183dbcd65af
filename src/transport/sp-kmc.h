/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sp-kmc.h — lattice kinetic Monte Carlo of hopping carriers
 *
 * A lattice gas on a periodic simple-cubic lattice of size³ sites (2 ≤ size
 * ≤ 64), spacing a.  A fraction p of the sites is blocked (never occupied,
 * never a target: the Al³⁺ of a garnet), placed at random or grown into
 * blobs; a fraction c of the OPEN sites holds carriers.  A carrier hops to
 * an empty open nearest neighbour; with site energies ε (Gaussian, width
 * disorder_ev, zero without disorder) the barrier of the hop i → j is
 *
 *   E_ij = max (E₀ + (ε_j − ε_i)/2,  0,  ε_j − ε_i)
 *
 * with E₀ = barrier_ev for hops in x and y and barrier_z_ev for hops along
 * z (channels), and the rate is ν exp(−E_ij/(k_B T)).  The saddle point
 * ε_i + E_ij = max ((ε_i + ε_j)/2 + E₀, ε_i, ε_j) is the same seen from
 * either side, so rate_ij / rate_ji = exp(−(ε_j − ε_i)/(k_B T)): detailed
 * balance holds and the carriers relax to the Fermi–Dirac occupation of the
 * site energies.  Without disorder every in-plane hop has the rate
 * Γ = ν exp(−E_a/(k_B T)) (sp_kmc_hop_rate_hz) and the oracles of
 * PHYSICS-TRANSPORT.md §2 hold: dilute D* = Γa² (per axis D_αα = Γ_α a²),
 * D_σ = (1 − c)Γa², D* = f(c) D_σ with f → 0.6531 as c → 1.
 *
 * Algorithm: the residence-time (BKL, n-fold way) method — every possible
 * hop is an event with its rate; the clock advances by an exponential
 * waiting time of the total rate R and one event is chosen with probability
 * rate/R.  Two exact ways to choose (sp-kmc-events.c): with uniform rates
 * (no disorder, at most half the sites blocked) R = A_xy Γ + A_z Γ_z from
 * integer counts A of the possible hops, and a hop is drawn uniformly by
 * rejection over carriers (or over empty sites, whichever are fewer) and
 * directions; otherwise composition–rejection (Slepoy, Thompson &
 * Plimpton, J. Chem. Phys. 128, 205101 (2008)): events sit in classes of
 * rates within a factor 2 of each other, a class is chosen by its rate sum
 * and a member uniformly, accepted with probability rate/(class bound)
 * ≥ ½.  Both O(1) per hop; about 10⁷ hops/s on 32³ for uniform rates
 * (bench-kmc), half that with disorder.
 *
 * Random numbers: xoshiro256** (Blackman & Vigna, 2018), seeded from the
 * 64-bit seed through splitmix64.  The same parameters and seed give the
 * same lattice and the same hops, bit for bit, on every machine.
 *
 * Carriers are tagged: each keeps its unwrapped lattice position, so a
 * trajectory (sp_kmc_record) holds the true displacements across the
 * periodic box.  Carriers start on open sites chosen uniformly at random.
 *
 * An SpKmc is not thread-safe: one thread at a time (the live worker owns
 * its engine).
 */
#pragma once

#include <gio/gio.h>

#include "sp-model.h"
#include "sp-trajectory.h"

G_BEGIN_DECLS

#define SP_KMC_MAX_SIZE 64

typedef enum
{
  SP_KMC_BLOCKING_RANDOM,     /* each blocked site uniformly at random         */
  SP_KMC_BLOCKING_CLUSTERED,  /* the same number grown into compact blobs      */
} SpKmcBlocking;

typedef enum
{
  SP_KMC_SITE_EMPTY = 0,
  SP_KMC_SITE_CARRIER = 1,
  SP_KMC_SITE_BLOCKED = 2,
} SpKmcSite;

typedef struct
{
  guint         size;               /* sites per edge, 2 … 64                    */
  double        carrier_fraction;   /* c: carriers per open site, (0, 1]         */
  double        barrier_ev;         /* E_a for hops in x and y, ≥ 0              */
  double        barrier_z_ev;       /* E_a,z for hops along z, ≥ 0               */
  double        attempt_hz;         /* ν, > 0                                    */
  double        temperature_k;      /* T, > 0                                    */
  double        blocked_fraction;   /* p: blocked sites per site, [0, 1)         */
  SpKmcBlocking blocking;
  double        disorder_ev;        /* width of the Gaussian site energies, ≥ 0  */
  double        spacing_angstrom;   /* a, > 0                                    */
  guint64       seed;
} SpKmcParams;

typedef struct _SpKmc SpKmc;

/* The ranges of the real-valued parameters (names as the page's session
 * keys), for the CLI's flags and the sliders; sp_kmc_params_check applies
 * the same. */
typedef enum
{
  SP_KMC_PARAM_CARRIER_FRACTION,
  SP_KMC_PARAM_BARRIER,
  SP_KMC_PARAM_BARRIER_Z,
  SP_KMC_PARAM_ATTEMPT,
  SP_KMC_PARAM_TEMPERATURE,
  SP_KMC_PARAM_BLOCKED_FRACTION,
  SP_KMC_PARAM_DISORDER,
  SP_KMC_PARAM_SPACING,
  SP_KMC_N_PARAMS
} SpKmcParamId;

const SpParamRange *sp_kmc_param_range     (SpKmcParamId       id);

/* Defaults: 32³, c = 0.1, E_a = E_a,z = 0.3 eV, ν = 10¹³ Hz, 300 K, no
 * blocking (random), no disorder, a = 2.5 Å, seed 1. */
void          sp_kmc_params_init_default   (SpKmcParams       *params);

/* FALSE with G_IO_ERROR_INVALID_ARGUMENT naming the parameter, its value
 * and the allowed range; also when no open site or no carrier would be
 * left, or when every hop rate underflows (barrier ≫ k_B T). */
gboolean      sp_kmc_params_check          (const SpKmcParams *params,
                                            GError           **error);

/* TRUE when @a and @b build the same lattice (size, c, p, blocking and
 * seed): what differs then can be changed on a running engine with
 * sp_kmc_set_params. */
gboolean      sp_kmc_params_same_lattice   (const SpKmcParams *a,
                                            const SpKmcParams *b);

/* "random" / "clustered"; FALSE for anything else. */
const char   *sp_kmc_blocking_to_string    (SpKmcBlocking      blocking);
gboolean      sp_kmc_blocking_from_string  (const char        *name,
                                            SpKmcBlocking     *blocking);

/* Γ = ν exp(−E_a/(k_B T)) in the plane, and Γ_z along z, Hz (no disorder). */
double        sp_kmc_hop_rate_hz           (const SpKmcParams *params);
double        sp_kmc_hop_rate_z_hz         (const SpKmcParams *params);

/* Builds the lattice (blocked sites, site energies, carriers) at time 0.
 * NULL with an error from sp_kmc_params_check. */
SpKmc        *sp_kmc_new                   (const SpKmcParams *params,
                                            GError           **error);
void          sp_kmc_free                  (SpKmc             *kmc);

/* Changes barriers, ν, T, disorder width and spacing in place, keeping the
 * carriers where they are and their displacements (the site energies keep
 * their random draws, scaled to the new width).  FALSE with
 * G_IO_ERROR_INVALID_ARGUMENT when @params is invalid, with
 * G_IO_ERROR_NOT_SUPPORTED when it needs another lattice
 * (!sp_kmc_params_same_lattice): build a new engine then. */
gboolean      sp_kmc_set_params            (SpKmc             *kmc,
                                            const SpKmcParams *params,
                                            GError           **error);
const SpKmcParams *sp_kmc_get_params       (const SpKmc       *kmc);

/* Runs hops until the clock passes t + @dt_s; the clock is then exactly
 * t + @dt_s (the waiting time is memoryless, so the hop that would come
 * after is drawn afresh next time).  With no possible hop only the clock
 * moves. */
void          sp_kmc_advance               (SpKmc             *kmc,
                                            double             dt_s);
/* Runs hops until the next would come after @t_s (the clock is then set
 * to @t_s) or until @max_hops are done (the clock stays at the last hop):
 * advancing in bounded slices, for a thread that must answer commands.
 * Returns the hops done. */
guint64       sp_kmc_run_until             (SpKmc             *kmc,
                                            double             t_s,
                                            guint64            max_hops);
/* Runs @n_hops hops (fewer only when no hop is possible); returns how many. */
guint64       sp_kmc_run_hops              (SpKmc             *kmc,
                                            guint64            n_hops);

/* @n_frames (≥ 1) positions of every carrier, the first now, then after
 * each further @dt_s (> 0) of KMC time: unwrapped, Å, frame-major; dt_ps,
 * the cubic cell, T and charge 1 e filled, species "Li", name "KMC".  NULL
 * when @cancellable fires (checked between frames), when the trajectory
 * does not fit in memory, or for n_frames = 0 or dt_s ≤ 0. */
SpTrajectory *sp_kmc_record                (SpKmc             *kmc,
                                            guint              n_frames,
                                            double             dt_s,
                                            GCancellable      *cancellable);

/* The state now. */
double        sp_kmc_time_s                (const SpKmc       *kmc);
guint64       sp_kmc_hop_count             (const SpKmc       *kmc);
/* The sum of the rates of every possible hop now, Hz. */
double        sp_kmc_total_rate_hz         (const SpKmc       *kmc);
guint         sp_kmc_size                  (const SpKmc       *kmc);
guint         sp_kmc_n_carriers            (const SpKmc       *kmc);
guint         sp_kmc_n_open_sites          (const SpKmc       *kmc);
SpKmcSite     sp_kmc_site                  (const SpKmc       *kmc,
                                            guint              x,
                                            guint              y,
                                            guint              z);
/* The site states of layer @z, size² bytes (SpKmcSite), x fastest. */
void          sp_kmc_copy_layer            (const SpKmc       *kmc,
                                            guint              z,
                                            guint8            *states);
/* Unwrapped position of every carrier, Å, 3 doubles per carrier (the
 * tagged order of sp_kmc_record). */
void          sp_kmc_copy_positions        (const SpKmc       *kmc,
                                            double            *positions);
/* The same for carriers @first … @first + @n − 1 only. */
void          sp_kmc_copy_positions_range  (const SpKmc       *kmc,
                                            guint              first,
                                            guint              n,
                                            double            *positions);
/* Σ over every carrier of its displacement since t = 0, Å (the collective
 * or charge displacement, for D_σ). */
void          sp_kmc_collective_displacement (const SpKmc     *kmc,
                                            double             displacement[3]);
/* The site energy (eV) of (x, y, z); 0 without disorder. */
double        sp_kmc_site_energy_ev        (const SpKmc       *kmc,
                                            guint              x,
                                            guint              y,
                                            guint              z);

/* TRUE when a cluster of open sites wraps the periodic box (connects to
 * its own image) along at least one axis: long-range transport possible. */
gboolean      sp_kmc_open_sites_percolate  (SpKmc             *kmc);
/* The axes (bit 0 = x, 1 = y, 2 = z) along which a cluster of open sites
 * wraps the periodic box. */
guint         sp_kmc_percolating_axes      (SpKmc             *kmc);
/* The same test on any size³ mask (nonzero = open), x fastest; union–find
 * with the displacement to the root kept per site, so a bond that closes a
 * loop with a nonzero net displacement reveals a wrapping cluster. */
guint         sp_kmc_wrapping_axes         (const guint8      *open,
                                            guint              size);

G_END_DECLS
