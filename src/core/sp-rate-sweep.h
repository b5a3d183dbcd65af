/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sp-rate-sweep.h — the driven particle at a ladder of C-rates: does it
 * split into two phases or fill as a solid solution?
 *
 * For each C-rate the driven Cahn–Hilliard engine (sp-ch.h with
 * SP_DRIVE_GALVANOSTATIC) fills a particle from c_lo, noisy, to c_hi and
 * empties it back to c̄ = ½.  Two numbers per rate: the field's contrast
 * max c − min c when the fill passes c̄ = ½ (about c_β − c_α when it has
 * split, the initial noise or less when it filled homogeneously), and the
 * voltage gap V_charge − V_discharge at c̄ = ½ (the hysteresis).  The
 * critical rate is where the contrast falls through half the equilibrium
 * gap.  Beside it, the linear-stability estimate of that rate (README, “How
 * the numbers are computed”):
 *
 *   G(k; r) = (1/r) ∫ σ(k, c; r) dc  over a stretch of the fill,
 *   σ(k, c; r) = −(M q + ρ)(g'' + κ q) + r ∂ln f/∂c,   q = k²,
 *
 * the e-folds a composition wave of fixed wavenumber gains while a
 * homogeneous particle is filled at r = C/3600 s⁻¹: bulk diffusion (the
 * analysis' dispersion) plus the reaction, whose local rate follows the
 * local μ (ρ = −∂R/∂μ at the homogeneous state, Bai, Cogswell & Bazant,
 * Nano Lett. 11, 4890 (2011)) and the composition dependence of its
 * exchange rate f(c).  The engine has no thermal noise, so the runs add
 * fresh fluctuations of the seeded size when the fill reaches the
 * spinodal's edge c_s (a slow fill would otherwise damp the seeded noise
 * to a bit-uniform field on the stable stretch); the estimate's wave is
 * what is left of the seeded one plus the fresh one, in quadrature:
 * e^G = e^{G(c_s→½)} √(1 + e^{2G(c_lo→c_s)}).  A wave starts at the white
 * noise's amplitude per Fourier mode, a₀ = noise·√(2/3)/n; the estimated
 * critical rate is where its contrast 2a₀e^G just reaches the threshold.
 */
#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "sp-ch.h"

G_BEGIN_DECLS

/* The sweep's grid: small, so a ladder of rates takes seconds. */
#define SP_RATE_SWEEP_DEFAULT_GRID 64
#define SP_RATE_SWEEP_MAX_RATES    24
/* C-rates the sweep accepts, 1/h. */
#define SP_RATE_SWEEP_C_RATE_MIN   1e-4
#define SP_RATE_SWEEP_C_RATE_MAX   1e5

#define SP_RATE_SWEEP_ERROR (sp_rate_sweep_error_quark ())
GQuark sp_rate_sweep_error_quark (void);
typedef enum
{
  SP_RATE_SWEEP_ERROR_INVALID,   /* no rates, a rate out of range, a bad drive */
  SP_RATE_SWEEP_ERROR_FAILED,    /* a run did not reach c̄ = ½                  */
} SpRateSweepError;

/* What the linear-stability estimate gives for one model and drive. */
typedef struct
{
  gboolean unstable;        /* ½ lies in a spinodal: the estimate applies   */
  double   c_from, c_to;    /* the fill it integrates over: c_lo … ½        */
  double   threshold;       /* contrast that counts as split: ½ (c_β − c_α) */
  double   amplitude0;      /* one wave's start, noise·√(2/3)/n (white noise
                               of half-width noise on n² points)            */
  double   e_folds;         /* ln (½ threshold / amplitude0): a wave of
                               amplitude a has contrast 2a                  */
  double   critical_c_rate; /* 1/h where G = e_folds; NAN when none in
                               [SP_RATE_SWEEP_C_RATE_MIN, _MAX]             */
} SpRateSweepEstimate;

/* G in e-folds at @c_rate (1/h) for @params (model, box, c_lo of the
 * drive, k0, α): the gain of the wave that gains most from the spinodal's
 * edge to ½, with what is left of the seeded wave added in quadrature;
 * @k_star (may be NULL) gets its wavenumber, 1/nm (k ≥ 2π/L, the box's
 * longest wave). */
double   sp_rate_sweep_gain          (const SpChParams    *params,
                                      double               c_rate,
                                      double              *k_star);
/* The estimate for @params; unstable FALSE (the rest NAN) when ½ is no
 * unstable composition. */
void     sp_rate_sweep_estimate      (const SpChParams    *params,
                                      SpRateSweepEstimate *out);

/* The sweep's engine parameters for @model: n², a box of up to eight
 * fastest wavelengths at c̄ = ½ that the grid resolves, noise 0.01, seed 1,
 * a galvanostatic drive from c_lo = 0.02 to c_hi = 0.98 with the drive's
 * default k0 and α and cut-offs that never stop it. */
void     sp_rate_sweep_params_init   (SpChParams          *params,
                                      const SpModel       *model,
                                      guint                n);

typedef struct
{
  double   c_rate;          /* 1/h                                          */
  double   contrast;        /* max c − min c at c̄ = ½ on the fill           */
  double   v_discharge;     /* V at c̄ = ½ while inserting                   */
  double   v_charge;        /* V at c̄ = ½ while extracting                  */
  double   voltage_gap;     /* v_charge − v_discharge, V                    */
  double   gain;            /* the estimate's G at this rate, e-folds       */
  gboolean separated;       /* contrast ≥ the threshold                     */
  guint64  steps;           /* accepted engine steps                        */
  double   seconds;         /* wall time of this rate                       */
} SpRateSweepPoint;

typedef enum
{
  SP_RATE_SWEEP_CRITICAL_FOUND,   /* between two rates of the ladder      */
  SP_RATE_SWEEP_CRITICAL_ABOVE,   /* every rate split: above the largest  */
  SP_RATE_SWEEP_CRITICAL_BELOW,   /* none split: below the smallest       */
  SP_RATE_SWEEP_CRITICAL_NONE,    /* no gap at ½: nothing to suppress     */
} SpRateSweepCritical;

typedef struct
{
  SpChParams          params;     /* the engine's, drive included       */
  guint               n_points;
  SpRateSweepPoint   *points;     /* ascending C-rate                   */
  SpRateSweepEstimate estimate;
  double              c_alpha, c_beta;  /* the gap at ½ (NAN: none)   */
  SpRateSweepCritical critical_kind;
  double              critical_c_rate;  /* NAN unless FOUND           */
  double              seconds;          /* wall time of the sweep     */
} SpRateSweepResult;

/* A result from runs made elsewhere (tests, a loaded table): the points
 * are copied and sorted by C-rate; the estimate, the gap and the critical
 * rate are computed from @params. */
SpRateSweepResult *sp_rate_sweep_result_new   (const SpChParams       *params,
                                               const SpRateSweepPoint *points,
                                               guint                   n_points);
SpRateSweepResult *sp_rate_sweep_result_ref   (SpRateSweepResult *result);
void               sp_rate_sweep_result_unref (SpRateSweepResult *result);

/* Called from the running thread after every piece of a run: @rate_index
 * of @n_rates, @fraction of the whole sweep done (0 … 1). */
typedef void (*SpRateSweepProgress) (guint    rate_index,
                                     guint    n_rates,
                                     double   fraction,
                                     gpointer user_data);

/* Runs @params' drive at each of @c_rates (1/h, any order; run and
 * returned ascending), each from the same seeded noise, with fresh
 * fluctuations of that size added at the spinodal's edge.  Cancelling
 * @cancellable stops it within one engine step (G_IO_ERROR_CANCELLED).
 * Blocks: call it from a worker thread. */
SpRateSweepResult *sp_rate_sweep_run          (const SpChParams    *params,
                                               const double        *c_rates,
                                               guint                n_rates,
                                               SpRateSweepProgress  progress,
                                               gpointer             user_data,
                                               GCancellable        *cancellable,
                                               GError             **error);

/* Parses "0.01,0.1,1,10": ascending unique rates in range, at most
 * SP_RATE_SWEEP_MAX_RATES; FALSE with a message naming the bad item. */
gboolean           sp_rate_sweep_parse_rates  (const char          *text,
                                               GArray             **rates,
                                               GError             **error);
/* The ladder the window offers: @n rates log-spaced over a factor 10⁴
 * centred on the estimated critical rate (on 1C when there is none),
 * rounded to 1-2-5 steps. */
GArray            *sp_rate_sweep_default_rates (const SpRateSweepEstimate *estimate);

/* `rate-sweep --json`: the parameters, each rate's numbers, the critical
 * rate (null when not bracketed) and the estimate. */
JsonNode          *sp_rate_sweep_result_to_json (const SpRateSweepResult *result);
/* The figure's table: c_rate,contrast,voltage_gap_V,v_discharge_V,
 * v_charge_V,gain_e_folds,separated. */
GString           *sp_rate_sweep_result_to_csv  (const SpRateSweepResult *result);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SpRateSweepResult, sp_rate_sweep_result_unref)

G_END_DECLS
