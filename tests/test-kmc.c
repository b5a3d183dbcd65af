/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-kmc.c — the lattice Monte Carlo engine against the oracles of
 * PHYSICS-TRANSPORT.md §2 and closed forms
 *
 * Diffusion coefficients come from the recorded trajectories through
 * estimators written here, independent of the analysis module: squared
 * displacements over frame increments (or the difference of two lags, for
 * tracers whose early hops are correlated), with the standard error taken
 * from the scatter of independent blocks of frames.  Every comparison
 * allows four standard errors (plus, where the oracle is a limit, the
 * distance to it) — a correct engine fails one in about 16 000 runs; the
 * seeds are fixed, so a run that passes passes every time.
 */

#include "config.h"

#include <gio/gio.h>
#include <math.h>
#include <string.h>

#include "sp-arrhenius.h"
#include "sp-gsl.h"
#include "sp-kmc-private.h"

#define N_BLOCKS 10

typedef struct
{
  double mean;
  double stderr_;
} Estimate;

static Estimate
estimate_from_blocks (const double *values,
                      guint         n)
{
  Estimate est = { 0.0, 0.0 };
  double var = 0.0;

  for (guint b = 0; b < n; b++)
    est.mean += values[b] / n;
  for (guint b = 0; b < n; b++)
    var += (values[b] - est.mean) * (values[b] - est.mean) / (n - 1);
  est.stderr_ = sqrt (var / n);
  return est;
}

/* Axis @axis (0, 1, 2) or all three (−1): Σ over the components. */
static double
squared (const double *a,
         const double *b,
         int           axis)
{
  double sum = 0.0;

  for (int k = 0; k < 3; k++)
    if (axis < 0 || axis == k)
      sum += (a[k] - b[k]) * (a[k] - b[k]);
  return sum;
}

/* Tracer D (cm²/s) from frame-to-frame increments, per block: exact for
 * independent walkers (no correlation between successive hops). */
static Estimate
tracer_d_increments (const SpTrajectory *t,
                     int                 axis)
{
  double dims = axis < 0 ? 3.0 : 1.0;
  guint per_block = (t->n_frames - 1) / N_BLOCKS;
  double d[N_BLOCKS];

  for (guint b = 0; b < N_BLOCKS; b++)
    {
      double sum = 0.0;

      for (guint f = b * per_block; f < (b + 1) * per_block; f++)
        for (guint i = 0; i < t->n_ions; i++)
          sum += squared (sp_trajectory_position (t, f + 1, i),
                          sp_trajectory_position (t, f, i), axis);
      /* Å²/ps → cm²/s: 1e-16 / 1e-12. */
      d[b] = sum / (2.0 * dims * t->n_ions * per_block * t->dt_ps) * 1e-4;
    }
  return estimate_from_blocks (d, N_BLOCKS);
}

/* Tracer D from the slope of the MSD between lags @l1 and @l2 (frames),
 * over every origin inside each block: what remains of the correlated
 * early hops cancels in the difference. */
static Estimate
tracer_d_slope (const SpTrajectory *t,
                guint               l1,
                guint               l2)
{
  guint per_block = t->n_frames / N_BLOCKS;
  double d[N_BLOCKS];

  g_assert_cmpuint (per_block, >, l2);
  for (guint b = 0; b < N_BLOCKS; b++)
    {
      double msd[2] = { 0.0, 0.0 };
      guint lags[2] = { l1, l2 };

      for (guint k = 0; k < 2; k++)
        {
          guint n_origins = per_block - lags[k];

          for (guint f = b * per_block; f < b * per_block + n_origins; f++)
            for (guint i = 0; i < t->n_ions; i++)
              msd[k] += squared (sp_trajectory_position (t, f + lags[k], i),
                                 sp_trajectory_position (t, f, i), -1);
          msd[k] /= (double) n_origins * t->n_ions;
        }
      d[b] = (msd[1] - msd[0]) / (6.0 * (l2 - l1) * t->dt_ps) * 1e-4;
    }
  return estimate_from_blocks (d, N_BLOCKS);
}

/* D_σ = ⟨|ΔΣr|²⟩/(6 N Δt) from frame-to-frame increments of the summed
 * displacement (a martingale for the lattice gas: any lag will do). */
static Estimate
collective_d (const SpTrajectory *t)
{
  guint per_block = (t->n_frames - 1) / N_BLOCKS;
  double d[N_BLOCKS];

  for (guint b = 0; b < N_BLOCKS; b++)
    {
      double sum = 0.0;

      for (guint f = b * per_block; f < (b + 1) * per_block; f++)
        {
          double dx[3] = { 0.0, 0.0, 0.0 }, zero[3] = { 0.0, 0.0, 0.0 };

          for (guint i = 0; i < t->n_ions; i++)
            for (guint k = 0; k < 3; k++)
              dx[k] += sp_trajectory_position (t, f + 1, i)[k] -
                       sp_trajectory_position (t, f, i)[k];
          sum += squared (dx, zero, -1);
        }
      d[b] = sum / (6.0 * t->n_ions * per_block * t->dt_ps) * 1e-4;
    }
  return estimate_from_blocks (d, N_BLOCKS);
}

/* Γa² in cm²/s. */
static double
gamma_a2 (double rate_hz,
          double spacing_angstrom)
{
  return rate_hz * spacing_angstrom * spacing_angstrom * 1e-16;
}

static void
assert_within (const char *what,
               Estimate    est,
               double      expected,
               double      extra)
{
  g_test_message ("%s: %.5g ± %.2g cm²/s, expected %.5g (ratio %.4f)", what, est.mean,
                  est.stderr_, expected, est.mean / expected);
  g_assert_cmpfloat (est.stderr_, >, 0.0);
  g_assert_cmpfloat (fabs (est.mean - expected), <=, 4.0 * est.stderr_ + extra * expected);
}

static SpKmcParams
base_params (void)
{
  SpKmcParams p;

  sp_kmc_params_init_default (&p);
  return p;
}

static SpTrajectory *
run (const SpKmcParams *p,
     double             warm_hops_per_carrier,
     guint              n_frames,
     double             dt_s)
{
  g_autoptr(GError) error = NULL;
  SpKmc *kmc = sp_kmc_new (p, &error);
  SpTrajectory *t;

  g_assert_no_error (error);
  g_assert_nonnull (kmc);
  if (warm_hops_per_carrier > 0)
    sp_kmc_run_hops (kmc, (guint64) (warm_hops_per_carrier * sp_kmc_n_carriers (kmc)));
  t = sp_kmc_record (kmc, n_frames, dt_s, NULL);
  g_assert_nonnull (t);
  sp_kmc_free (kmc);
  return t;
}

/* Dilute: D* = Γa² (simple cubic), per axis. */
static void
test_dilute (void)
{
  SpKmcParams p = base_params ();
  g_autoptr(SpTrajectory) t = NULL;
  double gamma, expected;

  p.size = 16;
  p.carrier_fraction = 4.0 / 4096.0;     /* 4 carriers */
  p.seed = 11;
  gamma = sp_kmc_hop_rate_hz (&p);
  expected = gamma_a2 (gamma, p.spacing_angstrom);
  t = run (&p, 0, 8001, 20.0 / gamma);
  g_assert_cmpuint (t->n_ions, ==, 4);

  /* The other 3 carriers in 4096 sites slow a tracer by about 0.1 %. */
  assert_within ("dilute D*", tracer_d_increments (t, -1), expected, 0.003);
  for (int axis = 0; axis < 3; axis++)
    assert_within ("dilute D_αα", tracer_d_increments (t, axis), expected, 0.003);
}

/* D_σ = (1 − c)Γa², exactly (N_s − N)/(N_s − 1) Γa² on a finite lattice of
 * N_s sites with N carriers: the mean number of possible hops is 6N times
 * the chance that a neighbour of a carrier is empty.  Both ways of choosing
 * hops (uniform rates, and the rate classes, forced by a vanishing
 * disorder) must give it. */
static void
test_jump_diffusion (void)
{
  for (guint engine = 0; engine < 2; engine++)
    {
      SpKmcParams p = base_params ();
      g_autoptr(SpTrajectory) t = NULL;
      double gamma, n_s = 512, n_c = 256;

      p.size = 8;
      p.carrier_fraction = 0.5;
      p.disorder_ev = engine == 0 ? 0.0 : 1e-12;
      p.seed = 21 + engine;
      gamma = sp_kmc_hop_rate_hz (&p);
      t = run (&p, 10, 4001, 2.0 / gamma);
      g_assert_cmpuint (t->n_ions, ==, 256);
      assert_within (engine == 0 ? "D_σ (uniform rates)" : "D_σ (rate classes)",
                     collective_d (t),
                     (n_s - n_c) / (n_s - 1) * gamma_a2 (gamma, p.spacing_angstrom), 0.0);
    }
}

/* Near c → 1 the tracer correlation factor f = H_R = D* ÷ D_σ → 0.6531
 * (vacancy mechanism on the simple cubic lattice). */
static void
test_haven_ratio (void)
{
  SpKmcParams p = base_params ();
  g_autoptr(SpTrajectory) t = NULL;
  Estimate d_star, d_sigma;
  double gamma, haven, haven_se;

  p.size = 10;
  p.carrier_fraction = 984.0 / 1000.0;   /* 16 vacancies */
  p.seed = 31;
  gamma = sp_kmc_hop_rate_hz (&p);
  /* About 2 hops per carrier per frame. */
  t = run (&p, 20, 2001, 2.0 / (6.0 * gamma * 16.0 / 984.0));
  d_star = tracer_d_slope (t, 5, 60);
  d_sigma = collective_d (t);
  assert_within ("D_σ near c = 1", d_sigma, 16.0 / 999.0 * gamma_a2 (gamma, p.spacing_angstrom), 0.0);
  haven = d_star.mean / d_sigma.mean;
  haven_se = haven * hypot (d_star.stderr_ / d_star.mean, d_sigma.stderr_ / d_sigma.mean);
  g_test_message ("Haven ratio at c = 0.984: %.4f ± %.4f (f → 0.6531)", haven, haven_se);
  /* f(0.984) lies within about 0.01 of the limit. */
  g_assert_cmpfloat (fabs (haven - 0.6531), <=, 4.0 * haven_se + 0.015);
}

/* A large in-plane barrier: transport along z only (channels), each axis
 * still at its own Γ_α a². */
static void
test_channels (void)
{
  SpKmcParams p = base_params ();
  g_autoptr(SpTrajectory) t = NULL;
  g_autoptr(SpTrajectory) strong = NULL;
  Estimate dxx, dzz;
  double gamma_z;

  /* Moderate anisotropy: both axes measurable. */
  p.size = 16;
  p.carrier_fraction = 4.0 / 4096.0;
  p.barrier_ev = 0.30;
  p.barrier_z_ev = 0.25;
  p.seed = 41;
  gamma_z = sp_kmc_hop_rate_z_hz (&p);
  t = run (&p, 0, 8001, 20.0 / gamma_z);
  assert_within ("D_xx", tracer_d_increments (t, 0),
                 gamma_a2 (sp_kmc_hop_rate_hz (&p), p.spacing_angstrom), 0.003);
  assert_within ("D_zz", tracer_d_increments (t, 2), gamma_a2 (gamma_z, p.spacing_angstrom), 0.003);

  /* LGPS-like: 0.5 eV across, 0.2 eV along; Γ_z/Γ ≈ 10⁵. */
  p.barrier_ev = 0.5;
  p.barrier_z_ev = 0.2;
  p.seed = 42;
  gamma_z = sp_kmc_hop_rate_z_hz (&p);
  strong = run (&p, 0, 2001, 20.0 / gamma_z);
  dxx = tracer_d_increments (strong, 0);
  dzz = tracer_d_increments (strong, 2);
  g_test_message ("channels: D_zz/D_xx = %.3g (Γ_z/Γ = %.3g)", dzz.mean / MAX (dxx.mean, 1e-300),
                  gamma_z / sp_kmc_hop_rate_hz (&p));
  assert_within ("D_zz (channels)", dzz, gamma_a2 (gamma_z, p.spacing_angstrom), 0.003);
  g_assert_cmpfloat (dzz.mean, >, 1000.0 * dxx.mean);
}

/* The wrapping test on masks whose answer is known. */
static void
test_wrapping_masks (void)
{
  const guint L = 6;
  guint8 open[6 * 6 * 6];

#define SITE(x, y, z) ((x) + L * ((y) + L * (z)))
  memset (open, 1, sizeof open);
  g_assert_cmpuint (sp_kmc_wrapping_axes (open, L), ==, 7);

  memset (open, 0, sizeof open);
  g_assert_cmpuint (sp_kmc_wrapping_axes (open, L), ==, 0);

  /* One straight line along y. */
  for (guint y = 0; y < L; y++)
    open[SITE (2, y, 3)] = 1;
  g_assert_cmpuint (sp_kmc_wrapping_axes (open, L), ==, 2);

  /* A closed ring inside the box (a loop, but no wrap). */
  memset (open, 0, sizeof open);
  for (guint k = 1; k < 4; k++)
    {
      open[SITE (k, 1, 2)] = open[SITE (k, 3, 2)] = 1;
      open[SITE (1, k, 2)] = open[SITE (3, k, 2)] = 1;
    }
  g_assert_cmpuint (sp_kmc_wrapping_axes (open, L), ==, 0);

  /* Everything open but one blocked plane z = 0: wraps in x and y only. */
  memset (open, 1, sizeof open);
  for (guint y = 0; y < L; y++)
    for (guint x = 0; x < L; x++)
      open[SITE (x, y, 0)] = 0;
  g_assert_cmpuint (sp_kmc_wrapping_axes (open, L), ==, 3);

  /* A staircase that crosses the box along x + z and returns. */
  memset (open, 0, sizeof open);
  for (guint k = 0; k < L; k++)
    {
      open[SITE (k, 0, k)] = 1;
      open[SITE ((k + 1) % L, 0, k)] = 1;
    }
  g_assert_cmpuint (sp_kmc_wrapping_axes (open, L), ==, 5);
#undef SITE
}

static double
long_time_d (SpKmcParams *p)
{
  double gamma = sp_kmc_hop_rate_hz (p);
  g_autoptr(SpTrajectory) t = run (p, 0, 3, 1000.0 / gamma);
  double sum = 0.0;

  for (guint i = 0; i < t->n_ions; i++)
    sum += squared (sp_trajectory_position (t, 2, i), sp_trajectory_position (t, 0, i), -1);
  /* In units of Γa². */
  return sum / t->n_ions / (6.0 * 2000.0 / gamma) / (p->spacing_angstrom * p->spacing_angstrom) /
         gamma;
}

/* The open sites percolate (simple-cubic site percolation) while their
 * fraction 1 − p exceeds p_c = 0.3116, i.e. up to p = 0.6884 blocked; past
 * that every carrier is caged and D → 0. */
static void
test_percolation (void)
{
  SpKmcParams p = base_params ();
  g_autoptr(GError) error = NULL;
  guint wraps_below = 0, wraps_above = 0;
  double d_open, d_caged;

  p.size = 24;
  p.carrier_fraction = 0.05;
  for (guint s = 0; s < 5; s++)
    {
      SpKmc *kmc;

      p.seed = 100 + s;
      p.blocked_fraction = 1.0 - 0.3116 - 0.08;
      kmc = sp_kmc_new (&p, &error);
      g_assert_no_error (error);
      wraps_below += sp_kmc_open_sites_percolate (kmc);
      sp_kmc_free (kmc);
      p.blocked_fraction = 1.0 - 0.3116 + 0.08;
      kmc = sp_kmc_new (&p, &error);
      g_assert_no_error (error);
      wraps_above += sp_kmc_open_sites_percolate (kmc);
      sp_kmc_free (kmc);
    }
  g_assert_cmpuint (wraps_below, ==, 5);
  g_assert_cmpuint (wraps_above, ==, 0);

  /* Beyond the blocked sites' own threshold (0.3116) the open ones still
   * percolate: transport slows but goes on. */
  p.seed = 7;
  p.blocked_fraction = 0.40;
  {
    SpKmc *kmc = sp_kmc_new (&p, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (sp_kmc_percolating_axes (kmc), ==, 7);
    sp_kmc_free (kmc);
  }
  d_open = long_time_d (&p);
  p.blocked_fraction = 0.75;
  d_caged = long_time_d (&p);
  g_test_message ("D/Γa² at long times: %.3g (40 %% blocked), %.3g (75 %% blocked)", d_open,
                  d_caged);
  g_assert_cmpfloat (d_open, >, 0.1);
  g_assert_cmpfloat (d_caged, <, 0.01);
}

/* Clustered blocking: the same count as random, in blobs. */
static void
test_clustered (void)
{
  SpKmcParams p = base_params ();
  double like[2];

  p.size = 20;
  p.blocked_fraction = 0.2;
  for (guint kind = 0; kind < 2; kind++)
    {
      g_autoptr(GError) error = NULL;
      SpKmc *kmc;
      guint blocked = 0, pairs = 0, alike = 0;

      p.blocking = kind == 0 ? SP_KMC_BLOCKING_RANDOM : SP_KMC_BLOCKING_CLUSTERED;
      kmc = sp_kmc_new (&p, &error);
      g_assert_no_error (error);
      for (guint z = 0; z < 20; z++)
        for (guint y = 0; y < 20; y++)
          for (guint x = 0; x < 20; x++)
            if (sp_kmc_site (kmc, x, y, z) == SP_KMC_SITE_BLOCKED)
              {
                blocked++;
                /* Its +x neighbour. */
                pairs++;
                alike += sp_kmc_site (kmc, (x + 1) % 20, y, z) == SP_KMC_SITE_BLOCKED;
              }
      g_assert_cmpuint (blocked, ==, 1600);
      g_assert_cmpuint (sp_kmc_n_open_sites (kmc), ==, 8000 - 1600);
      g_assert_cmpuint (sp_kmc_n_carriers (kmc), ==, 640);
      like[kind] = (double) alike / pairs;
      sp_kmc_free (kmc);
    }
  g_test_message ("a blocked site's neighbour is blocked: %.3f random, %.3f clustered",
                  like[0], like[1]);
  g_assert_cmpfloat (fabs (like[0] - 0.2), <, 0.04);
  g_assert_cmpfloat (like[1], >, 0.45);
}

/* With site-energy disorder the carriers settle into the Fermi–Dirac
 * occupation of the site energies (detailed balance of the rates). */
static void
test_disorder_equilibrium (void)
{
  SpKmcParams p = base_params ();
  g_autoptr(GError) error = NULL;
  SpKmc *kmc;
  const guint L = 6, n_sites = 216, n_samples = 6000;
  double energy[216], occupied[216] = { 0 };
  double kt, lo = -1.0, hi = 1.0;
  double observed[6] = { 0 }, predicted[6] = { 0 };
  guint count[6] = { 0 };

  p.size = L;
  p.carrier_fraction = 0.5;
  p.disorder_ev = 0.05;
  p.barrier_ev = p.barrier_z_ev = 0.2;
  p.seed = 51;
  kt = SP_BOLTZMANN_EV_PER_K * p.temperature_k;
  kmc = sp_kmc_new (&p, &error);
  g_assert_no_error (error);
  g_assert_true (sp_kmc_open_sites_percolate (kmc));

  sp_kmc_run_hops (kmc, 200000);
  for (guint s = 0; s < n_samples; s++)
    {
      sp_kmc_run_hops (kmc, 200);
      for (guint i = 0; i < n_sites; i++)
        occupied[i] += sp_kmc_site (kmc, i % L, i / L % L, i / L / L) == SP_KMC_SITE_CARRIER;
    }
  for (guint i = 0; i < n_sites; i++)
    {
      energy[i] = sp_kmc_site_energy_ev (kmc, i % L, i / L % L, i / L / L);
      occupied[i] /= n_samples;
    }
  sp_kmc_free (kmc);

  /* The chemical potential that holds 108 carriers (bisection). */
  for (guint it = 0; it < 200; it++)
    {
      double mu = 0.5 * (lo + hi), n = 0.0;

      for (guint i = 0; i < n_sites; i++)
        n += 1.0 / (1.0 + exp ((energy[i] - mu) / kt));
      if (n > 108.0)
        hi = mu;
      else
        lo = mu;
    }
  /* Mean occupation by bins of ε − μ, against Fermi–Dirac. */
  for (guint i = 0; i < n_sites; i++)
    {
      double x = (energy[i] - lo) / kt;
      int b = CLAMP ((int) floor (x + 3.0), 0, 5);

      observed[b] += occupied[i];
      predicted[b] += 1.0 / (1.0 + exp (x));
      count[b]++;
    }
  for (guint b = 0; b < 6; b++)
    if (count[b] >= 5)
      {
        g_test_message ("(ε − μ)/kT in bin %u: %u sites, occupied %.3f, Fermi–Dirac %.3f", b,
                        count[b], observed[b] / count[b], predicted[b] / count[b]);
        g_assert_cmpfloat (fabs (observed[b] - predicted[b]) / count[b], <, 0.04);
      }
  /* The spread is real: low sites fuller than high ones. */
  g_assert_cmpfloat (observed[0] / MAX (count[0], 1u), >, observed[5] / MAX (count[5], 1u) + 0.3);
}

static void
test_deterministic (void)
{
  SpKmcParams p = base_params ();

  p.size = 12;
  p.carrier_fraction = 0.3;
  p.blocked_fraction = 0.1;
  for (guint disorder = 0; disorder < 2; disorder++)
    {
      g_autoptr(SpTrajectory) a = NULL;
      g_autoptr(SpTrajectory) b = NULL;
      g_autoptr(SpTrajectory) c = NULL;
      double dt = 5.0 / sp_kmc_hop_rate_hz (&p);
      gsize bytes;

      p.disorder_ev = disorder ? 0.03 : 0.0;
      p.seed = 77;
      a = run (&p, 3, 50, dt);
      b = run (&p, 3, 50, dt);
      p.seed = 78;
      c = run (&p, 3, 50, dt);
      bytes = (gsize) a->n_ions * a->n_frames * 3 * sizeof (double);
      g_assert_cmpuint (a->n_ions, ==, b->n_ions);
      g_assert_true (memcmp (a->positions, b->positions, bytes) == 0);
      g_assert_false (memcmp (a->positions, c->positions, bytes) == 0);
    }
}

/* The trajectory's bookkeeping: metadata, the clock, unwrapped positions
 * that wrap back onto carrier sites. */
static void
test_record (void)
{
  SpKmcParams p = base_params ();
  g_autoptr(GError) error = NULL;
  g_autoptr(SpTrajectory) t = NULL;
  g_autoptr(GCancellable) cancel = g_cancellable_new ();
  SpKmc *kmc;
  double dt, a = 3.0, box, far = 0.0, sum[3] = { 0 }, collective[3];
  guint L = 4;

  p.size = L;
  p.carrier_fraction = 0.25;
  p.spacing_angstrom = a;
  p.temperature_k = 450.0;
  kmc = sp_kmc_new (&p, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (sp_kmc_n_carriers (kmc), ==, 16);
  dt = 7.0 / sp_kmc_hop_rate_hz (&p);
  t = sp_kmc_record (kmc, 101, dt, NULL);
  g_assert_nonnull (t);
  g_assert_cmpuint (t->n_frames, ==, 101);
  g_assert_cmpuint (t->n_ions, ==, 16);
  g_assert_cmpfloat_with_epsilon (t->dt_ps, dt * 1e12, 1e-12 * dt * 1e12);
  g_assert_cmpfloat_with_epsilon (sp_kmc_time_s (kmc), 100 * dt, 1e-12 * 100 * dt);
  g_assert_cmpuint (sp_kmc_hop_count (kmc), >, 1000);
  box = L * a;
  g_assert_cmpfloat (t->cell[0], ==, box);
  g_assert_cmpfloat (t->cell[4], ==, box);
  g_assert_cmpfloat (t->cell[8], ==, box);
  g_assert_cmpfloat (t->cell[1], ==, 0.0);
  g_assert_cmpfloat (t->temperature_k, ==, 450.0);
  g_assert_cmpfloat (t->charge, ==, 1.0);
  g_assert_cmpstr (t->species, ==, "Li");

  for (guint i = 0; i < t->n_ions; i++)
    {
      const double *r = sp_trajectory_position (t, 100, i);
      guint site[3];

      for (guint k = 0; k < 3; k++)
        {
          double cells = floor (r[k] / box);

          far = MAX (far, fabs (r[k] - sp_trajectory_position (t, 0, i)[k]));
          site[k] = (guint) lround ((r[k] - cells * box) / a) % L;
          /* Whole lattice spacings. */
          g_assert_cmpfloat (fabs (r[k] / a - round (r[k] / a)), <, 1e-9);
          sum[k] += r[k] - sp_trajectory_position (t, 0, i)[k];
        }
      g_assert_cmpint (sp_kmc_site (kmc, site[0], site[1], site[2]), ==, SP_KMC_SITE_CARRIER);
    }
  /* Carriers went round the 12 Å box: the positions are unwrapped. */
  g_assert_cmpfloat (far, >, box);
  /* The summed displacement is what the engine counts itself. */
  sp_kmc_collective_displacement (kmc, collective);
  for (guint k = 0; k < 3; k++)
    g_assert_cmpfloat (fabs (collective[k] - sum[k]), <, 1e-9);

  /* Bounded slices: stopped by the count the clock stays at the last hop,
   * stopped by the time it reaches the target exactly. */
  {
    double now = sp_kmc_time_s (kmc), target = now + 1000 * dt;
    guint64 hops = sp_kmc_hop_count (kmc);

    g_assert_cmpuint (sp_kmc_run_until (kmc, target, 10), ==, 10);
    g_assert_cmpuint (sp_kmc_hop_count (kmc), ==, hops + 10);
    g_assert_cmpfloat (sp_kmc_time_s (kmc), >, now);
    g_assert_cmpfloat (sp_kmc_time_s (kmc), <, target);
    target = sp_kmc_time_s (kmc) + 0.01 * dt;
    g_assert_cmpuint (sp_kmc_run_until (kmc, target, G_MAXUINT64), <, 100);
    g_assert_cmpfloat (sp_kmc_time_s (kmc), ==, target);
  }

  /* Temperature changed in place: the carriers stay, the rate follows. */
  {
    double before = sp_kmc_total_rate_hz (kmc), ratio;
    double pos_before[48], pos_after[48];

    double some[6];

    sp_kmc_copy_positions (kmc, pos_before);
    sp_kmc_copy_positions_range (kmc, 3, 2, some);
    g_assert_true (memcmp (some, pos_before + 9, sizeof some) == 0);
    p.temperature_k = 300.0;
    g_assert_true (sp_kmc_set_params (kmc, &p, &error));
    g_assert_no_error (error);
    sp_kmc_copy_positions (kmc, pos_after);
    g_assert_true (memcmp (pos_before, pos_after, sizeof pos_before) == 0);
    ratio = sp_kmc_total_rate_hz (kmc) / before;
    g_assert_cmpfloat_with_epsilon (ratio, exp (-0.3 / SP_BOLTZMANN_EV_PER_K * (1.0 / 300 - 1.0 / 450)),
                                    1e-10);
  }
  /* A new size needs a new lattice. */
  p.size = 5;
  g_assert_false (sp_kmc_set_params (kmc, &p, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED);

  g_cancellable_cancel (cancel);
  g_assert_null (sp_kmc_record (kmc, 10, dt, cancel));
  g_assert_null (sp_kmc_record (kmc, 0, dt, NULL));
  g_assert_null (sp_kmc_record (kmc, 10, 0.0, NULL));
  sp_kmc_free (kmc);
}

/* Nothing to hop: every open site full; only the clock moves. */
static void
test_full_lattice (void)
{
  SpKmcParams p = base_params ();
  g_autoptr(GError) error = NULL;
  SpKmc *kmc;

  p.size = 4;
  p.carrier_fraction = 1.0;
  kmc = sp_kmc_new (&p, &error);
  g_assert_no_error (error);
  g_assert_cmpfloat (sp_kmc_total_rate_hz (kmc), ==, 0.0);
  g_assert_cmpuint (sp_kmc_run_hops (kmc, 100), ==, 0);
  sp_kmc_advance (kmc, 1e-6);
  g_assert_cmpfloat (sp_kmc_time_s (kmc), ==, 1e-6);
  g_assert_cmpuint (sp_kmc_hop_count (kmc), ==, 0);
  sp_kmc_free (kmc);
}

static void
expect_invalid (const SpKmcParams *p,
                const char        *fragment)
{
  g_autoptr(GError) error = NULL;

  g_assert_false (sp_kmc_params_check (p, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, fragment));
  g_clear_error (&error);
  g_assert_null (sp_kmc_new (p, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
}

static void
test_bad_params (void)
{
  SpKmcParams p;
  SpKmcBlocking blocking;

#define BAD(field, value, fragment) \
  G_STMT_START { p = base_params (); p.field = value; expect_invalid (&p, fragment); } G_STMT_END
  BAD (size, 1, "sites per edge");
  BAD (size, 65, "65");
  BAD (carrier_fraction, 0.0, "carrier fraction");
  BAD (carrier_fraction, 1.5, "carrier fraction");
  BAD (carrier_fraction, NAN, "carrier fraction");
  BAD (barrier_ev, -0.1, "in-plane barrier");
  BAD (barrier_z_ev, INFINITY, "barrier along z");
  BAD (attempt_hz, 0.0, "attempt frequency");
  BAD (temperature_k, 0.0, "temperature");
  BAD (temperature_k, -5.0, "-5 K");
  BAD (blocked_fraction, 1.0, "blocked fraction");
  BAD (blocked_fraction, -0.01, "blocked fraction");
  BAD (disorder_ev, -0.2, "disorder width");
  BAD (spacing_angstrom, 0.0, "lattice spacing");
  BAD (blocking, (SpKmcBlocking) 7, "blocking");
#undef BAD

  /* 8 sites × 0.05 rounds to no carrier. */
  p = base_params ();
  p.size = 2;
  p.carrier_fraction = 0.05;
  expect_invalid (&p, "no carrier");
  /* 20 eV at 10 K: exp(−23 000) underflows. */
  p = base_params ();
  p.barrier_ev = p.barrier_z_ev = 20.0;
  p.temperature_k = 10.0;
  expect_invalid (&p, "underflow");

  g_assert_true (sp_kmc_blocking_from_string ("clustered", &blocking));
  g_assert_cmpint (blocking, ==, SP_KMC_BLOCKING_CLUSTERED);
  g_assert_true (sp_kmc_blocking_from_string ("random", &blocking));
  g_assert_cmpint (blocking, ==, SP_KMC_BLOCKING_RANDOM);
  g_assert_false (sp_kmc_blocking_from_string ("blobs", &blocking));
  g_assert_cmpstr (sp_kmc_blocking_to_string (SP_KMC_BLOCKING_CLUSTERED), ==, "clustered");

  /* Γ = ν exp(−E_a/k_B T). */
  p = base_params ();
  g_assert_cmpfloat_with_epsilon (sp_kmc_hop_rate_hz (&p),
                                  1e13 * exp (-0.3 / (SP_BOLTZMANN_EV_PER_K * 300.0)),
                                  1e-12 * sp_kmc_hop_rate_hz (&p));
}

/* The neighbour by arithmetic (the uniform-rate path) is the table's. */
static void
test_neighbours (void)
{
  guint sizes[] = { 2, 3, 5, 32 };

  for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
    {
      SpKmcParams p = base_params ();
      g_autoptr(GError) error = NULL;
      SpKmc *kmc;

      p.size = sizes[s];
      p.carrier_fraction = 0.5;
      kmc = sp_kmc_new (&p, &error);
      g_assert_no_error (error);
      for (guint e = 0; e < kmc->n_sites * 6; e++)
        g_assert_cmpuint (sp_kmc_neighbour (kmc, e / 6, e % 6), ==, kmc->neighbour[e]);
      /* The table itself: ±1 along each axis, periodic. */
      for (guint i = 0; i < kmc->n_sites; i++)
        for (guint d = 0; d < 6; d++)
          {
            guint j = kmc->neighbour[i * 6 + d], a = d / 2, L = p.size;
            guint ci[3] = { i % L, i / L % L, i / L / L }, cj[3] = { j % L, j / L % L, j / L / L };

            for (guint b = 0; b < 3; b++)
              if (b == a)
                g_assert_cmpuint (cj[b], ==, (ci[b] + (d % 2 == 0 ? 1 : L - 1)) % L);
              else
                g_assert_cmpuint (cj[b], ==, ci[b]);
          }
      sp_kmc_free (kmc);
    }
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  sp_gsl_init ();
  g_test_add_func ("/kmc/neighbours", test_neighbours);
  g_test_add_func ("/kmc/dilute", test_dilute);
  g_test_add_func ("/kmc/jump-diffusion", test_jump_diffusion);
  g_test_add_func ("/kmc/haven-ratio", test_haven_ratio);
  g_test_add_func ("/kmc/channels", test_channels);
  g_test_add_func ("/kmc/wrapping-masks", test_wrapping_masks);
  g_test_add_func ("/kmc/percolation", test_percolation);
  g_test_add_func ("/kmc/clustered", test_clustered);
  g_test_add_func ("/kmc/disorder-equilibrium", test_disorder_equilibrium);
  g_test_add_func ("/kmc/deterministic", test_deterministic);
  g_test_add_func ("/kmc/record", test_record);
  g_test_add_func ("/kmc/full-lattice", test_full_lattice);
  g_test_add_func ("/kmc/bad-params", test_bad_params);
  return g_test_run ();
}
