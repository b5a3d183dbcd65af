/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sp-rate-sweep.c — the driven particle at a ladder of C-rates, and the
 * linear-stability estimate of the rate that suppresses phase separation
 * (the derivation is in README.md, “How the numbers are computed”) */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <gsl/gsl_integration.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "sp-brent.h"
#include "sp-ch-box.h"
#include "sp-csv.h"
#include "sp-drive.h"
#include "sp-equilibrium.h"
#include "sp-json.h"
#include "sp-kinetics.h"
#include "sp-rate-sweep.h"

G_DEFINE_QUARK (sp-rate-sweep-error-quark, sp_rate_sweep_error)

/* Gauss–Legendre points of the estimate's integrals over c_lo … ½: the
 * integrands are smooth there (c_lo ≥ 1e-6 keeps k_BT/c finite), and 128
 * points hold them to round-off (tests/test-rate-sweep.c). */
#define GAIN_QUADRATURE_POINTS 128
/* The fill's end that the contrast is read at. */
#define C_HALF 0.5

/* ---- the estimate ------------------------------------------------------- */

/* The exchange-rate prefactor of sp-drive.h, f(c) = c(1 − c). */
static double
exchange_factor (double c)
{
  return c * (1.0 - c);
}

typedef struct
{
  double alpha;
  double target;   /* r / (k0 f) */
} OverpotentialRoot;

static double
bracket_residual (double x, void *data)
{
  const OverpotentialRoot *o = data;

  return exp (-o->alpha * x) - exp ((1.0 - o->alpha) * x) - o->target;
}

/* The dimensionless overpotential x = eη/k_BT of a homogeneous particle
 * inserting at r (1/s, > 0): k0 f (e^{−αx} − e^{(1−α)x}) = r, x < 0. */
static double
homogeneous_overpotential (double alpha,
                           double target)
{
  OverpotentialRoot o = { alpha, target };
  /* e^{α X} ≥ 1 + target makes the bracket's residual ≥ 0 at −X. */
  double lo = -(log1p (target) / alpha) - 1.0;
  double x = 0.0;

  if (target == 0.0)
    return 0.0;
  if (!sp_brent_root (bracket_residual, &o, lo, 0.0, 0.0, 1e-14, &x))
    return NAN;
  return x;
}

/* ρ = −∂R/∂μ (1/(s·meV)) of the homogeneous particle at c filling at r. */
static double
reaction_stiffness (const SpDriveParams *drive,
                    double               kt,
                    double               c,
                    double               r)
{
  double kf = drive->k0 * exchange_factor (c);
  double x = homogeneous_overpotential (drive->alpha, r / kf);

  return kf / kt * (drive->alpha * exp (-drive->alpha * x) +
                    (1.0 - drive->alpha) * exp ((1.0 - drive->alpha) * x));
}

/* A wave of wavenumber k = √q gains G(q) = (−κ A q² − B q − C)/r + L over
 * a stretch of the fill: σ(k, c) = −(M q + ρ)(g'' + κ q) + r ∂ln f/∂c
 * integrated with dt = dc/r, A = ∫ M, B = ∫ (M g'' + κ ρ), C = ∫ ρ g'',
 * L = ln(f(c_to)/f(c_from)). */
typedef struct
{
  double a, b, c, l, r, kappa;
} Stretch;

static void
stretch_init (Stretch          *st,
              const SpChParams *params,
              double            c_from,
              double            c_to,
              double            r)
{
  const SpModel *model = &params->model;
  double kt = sp_model_kt (model);
  gsl_integration_glfixed_table *table;

  *st = (Stretch) { 0.0, 0.0, 0.0, 0.0, r, model->kappa };
  if (!(c_to > c_from))
    return;
  table = gsl_integration_glfixed_table_alloc (GAIN_QUADRATURE_POINTS);
  for (size_t i = 0; i < GAIN_QUADRATURE_POINTS; i++)
    {
      double c, w, m, g2, rho;

      gsl_integration_glfixed_point (c_from, c_to, i, &c, &w, table);
      m = sp_model_mobility (model, c);
      g2 = sp_model_g2 (model, c);
      rho = reaction_stiffness (&params->drive, kt, c, r);
      st->a += w * m;
      st->b += w * (m * g2 + model->kappa * rho);
      st->c += w * rho * g2;
    }
  gsl_integration_glfixed_table_free (table);
  st->l = log (exchange_factor (c_to) / exchange_factor (c_from));
}

static double
stretch_gain (const Stretch *st,
              double         q)
{
  return (-st->kappa * st->a * q * q - st->b * q - st->c) / st->r + st->l;
}

/* The lower edge of the spinodal interval that holds ½ (½ itself when
 * none does). */
static double
spinodal_edge (const SpModel *model)
{
  SpInterval spinodals[SP_MAX_INTERVALS];
  guint n = sp_spinodals_find (model, spinodals);

  for (guint i = 0; i < n; i++)
    if (spinodals[i].lo < C_HALF && spinodals[i].hi > C_HALF)
      return spinodals[i].lo;
  return C_HALF;
}

/* The gain, with the spinodal's edge @edge. */
static double
gain_with_edge (const SpChParams *params,
                double            edge,
                double            c_rate,
                double           *k_star)
{
  double r = sp_drive_current_of_c_rate (c_rate);
  double c_lo = params->drive.c_lo, c_s = MAX (edge, c_lo);
  double q_min = pow (2.0 * G_PI / params->length, 2.0), q, g1, g2;
  Stretch stable, unstable;

  g_return_val_if_fail (c_rate > 0 && c_lo < C_HALF, NAN);

  stretch_init (&stable, params, c_lo, c_s, r);
  stretch_init (&unstable, params, c_s, C_HALF, r);
  /* The wave that gains most inside the spinodal, but none longer than
   * the box.  It meets fresh fluctuations of the seeded size at the edge
   * (the runs add them there, sp_rate_sweep_run()), independent of what
   * is left of the seeded wave: their amplitudes add in quadrature. */
  q = MAX (-unstable.b / (2.0 * unstable.kappa * unstable.a), q_min);
  g1 = stretch_gain (&stable, q);
  g2 = stretch_gain (&unstable, q);
  if (k_star != NULL)
    *k_star = sqrt (q);
  return 0.5 * log1p (exp (2.0 * g1)) + g2;
}

double
sp_rate_sweep_gain (const SpChParams *params,
                    double            c_rate,
                    double           *k_star)
{
  return gain_with_edge (params, spinodal_edge (&params->model), c_rate, k_star);
}

typedef struct
{
  const SpChParams *params;
  double            edge;
  double            e_folds;
} GainRoot;

static double
gain_residual (double log_c_rate, void *data)
{
  const GainRoot *g = data;

  return gain_with_edge (g->params, g->edge, exp (log_c_rate), NULL) - g->e_folds;
}

/* The gap ½ lies in, if any. */
static gboolean
gap_at_half (const SpModel *model,
             double        *c_alpha,
             double        *c_beta)
{
  SpEquilibrium eq;
  const SpGap *gap;

  sp_equilibrium_compute (model, &eq);
  gap = sp_equilibrium_find_gap (&eq, C_HALF);
  *c_alpha = gap != NULL ? gap->c_alpha : NAN;
  *c_beta = gap != NULL ? gap->c_beta : NAN;
  return gap != NULL;
}

void
sp_rate_sweep_estimate (const SpChParams    *params,
                        SpRateSweepEstimate *out)
{
  double c_alpha, c_beta, lo, hi;
  GainRoot g;
  /* Ten points a decade find the first rate at which the gain falls
   * below the e-folds needed; Brent then solves it on log C. */
  const guint per_decade = 10;
  guint n_scan;

  out->c_from = params->drive.c_lo;
  out->c_to = C_HALF;
  /* Uniform noise of half-width a has variance a²/3; spread evenly over
   * the n² Fourier modes (Parseval), a cosine wave's amplitude is
   * √2 σ/n. */
  out->amplitude0 = params->noise * sqrt (2.0 / 3.0) / params->n;
  out->threshold = NAN;
  out->e_folds = NAN;
  out->critical_c_rate = NAN;
  out->unstable = sp_model_g2 (&params->model, C_HALF) < 0 &&
                  gap_at_half (&params->model, &c_alpha, &c_beta) &&
                  params->noise > 0;
  if (!out->unstable)
    return;
  out->threshold = 0.5 * (c_beta - c_alpha);
  out->e_folds = log (0.5 * out->threshold / out->amplitude0);

  g.params = params;
  g.edge = spinodal_edge (&params->model);
  g.e_folds = out->e_folds;
  lo = log (SP_RATE_SWEEP_C_RATE_MIN);
  hi = log (SP_RATE_SWEEP_C_RATE_MAX);
  n_scan = (guint) lround ((hi - lo) / G_LN10 * per_decade);
  for (guint i = 0; i < n_scan; i++)
    {
      double x0 = lo + (hi - lo) * i / n_scan, x1 = lo + (hi - lo) * (i + 1) / n_scan;
      double r0 = gain_residual (x0, &g), r1 = gain_residual (x1, &g), root;

      if (!(r0 >= 0 && r1 < 0))
        continue;
      if (sp_brent_root (gain_residual, &g, x0, x1, 0.0, 1e-12, &root))
        out->critical_c_rate = exp (root);
      return;
    }
}

void
sp_rate_sweep_params_init (SpChParams    *params,
                           const SpModel *model,
                           guint          n)
{
  SpModel at_half = *model;
  SpDispersion disp;
  SpChBoxFit fit;

  sp_ch_params_init_default (params);
  params->model = *model;
  params->n = n;
  params->noise = 0.01;
  params->seed = 1;

  /* The box is chosen for the pattern the fill meets at ½: up to eight
   * of its fastest wavelengths, fewer when the grid would not resolve the
   * interfaces. */
  at_half.c0 = C_HALF;
  sp_kinetics_dispersion (&at_half, &disp);
  sp_ch_box_fit (&at_half, n, disp.unstable ? 8.0 * disp.lambda_star : 128.0, 0.0, &fit);
  params->length = fit.length;

  sp_drive_params_init_default (&params->drive);
  params->drive.mode = SP_DRIVE_GALVANOSTATIC;
  params->drive.c_lo = 0.02;
  params->drive.c_hi = 0.98;
  params->model.c0 = params->drive.c_lo;
}

/* ---- the runs ----------------------------------------------------------- */

SpRateSweepResult *
sp_rate_sweep_result_ref (SpRateSweepResult *result)
{
  return g_atomic_rc_box_acquire (result);
}

static void
result_clear (gpointer data)
{
  SpRateSweepResult *result = data;

  g_free (result->points);
}

void
sp_rate_sweep_result_unref (SpRateSweepResult *result)
{
  g_atomic_rc_box_release_full (result, result_clear);
}

static int
compare_doubles (const void *a,
                 const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

static int
compare_points (const void *a,
                const void *b)
{
  return compare_doubles (&((const SpRateSweepPoint *) a)->c_rate,
                          &((const SpRateSweepPoint *) b)->c_rate);
}

typedef struct
{
  SpRateSweepProgress progress;
  gpointer            user_data;
  GCancellable       *cancellable;
  guint               index, n_rates;
  double              t_total;      /* the whole run of this rate, s */
  double              t_offset;     /* run time before the engine's t = 0 */
} Run;

/* Steps @ch to exactly @t_end, one step at a time so that a cancel is
 * seen within a step, reporting progress every few steps. */
static gboolean
run_to (SpCh     *ch,
        double    t_end,
        Run      *run,
        GError  **error)
{
  guint since_report = 0;

  while (sp_ch_get_time (ch) < t_end)
    {
      gboolean ok;

      if (g_cancellable_set_error_if_cancelled (run->cancellable, error))
        return FALSE;
      /* The last step is shortened to land on t_end exactly. */
      if (sp_ch_get_time (ch) + sp_ch_get_dt (ch) >= t_end)
        ok = sp_ch_advance_to (ch, t_end, error);
      else
        ok = sp_ch_step (ch, error);
      if (!ok)
        return FALSE;
      if (run->progress != NULL && ++since_report == 16)
        {
          since_report = 0;
          run->progress (run->index, run->n_rates,
                         (run->index +
                          MIN ((run->t_offset + sp_ch_get_time (ch)) / run->t_total, 1.0)) /
                         run->n_rates,
                         run->user_data);
        }
    }
  return TRUE;
}

static double
field_contrast (SpCh *ch)
{
  const double *c = sp_ch_get_field (ch);
  gsize n = (gsize) sp_ch_get_n (ch) * sp_ch_get_n (ch);
  double lo = c[0], hi = c[0];

  for (gsize i = 1; i < n; i++)
    {
      lo = MIN (lo, c[i]);
      hi = MAX (hi, c[i]);
    }
  return hi - lo;
}

/* The engine's mass balance puts c̄ at ½ exactly when the sweep reads
 * it; a drive that stopped on its own would not. */
static gboolean
check_half (SpCh    *ch,
            GError **error)
{
  if (sp_ch_get_drive_finished (ch) || !(fabs (sp_ch_get_mean_c (ch) - C_HALF) < 1e-8))
    {
      g_set_error (error, SP_RATE_SWEEP_ERROR, SP_RATE_SWEEP_ERROR_FAILED,
                   _("the driven run did not reach c̄ = ½ (it stopped at c̄ = %.6g)"),
                   sp_ch_get_mean_c (ch));
      return FALSE;
    }
  return TRUE;
}

/* Fresh fluctuations of the seeded size at the spinodal's edge: zero-mean
 * uniform noise (c̄ unchanged to rounding), drawn from the run's seed.
 * The engine has no thermal noise; without this, a slow fill damps the
 * seeded noise on the stable stretch to a bit-uniform field, which no
 * instability can then split, and the sweep would call the slowest rates
 * homogeneous. */
static void
add_fluctuations (SpCh             *ch,
                  const SpChParams *params)
{
  gsize n = (gsize) sp_ch_get_n (ch) * sp_ch_get_n (ch);
  g_autofree double *field = g_memdup2 (sp_ch_get_field (ch), n * sizeof (double));
  g_autofree double *xi = g_new (double, n);
  g_autoptr(GRand) rand = g_rand_new_with_seed ((guint32) (params->seed ^ (params->seed >> 32)) ^
                                                0x5eedu);
  double mean = 0.0, c_min = 1.0, c_max = 0.0, amplitude;

  for (gsize i = 0; i < n; i++)
    {
      xi[i] = g_rand_double_range (rand, -1.0, 1.0);
      mean += xi[i];
      c_min = MIN (c_min, field[i]);
      c_max = MAX (c_max, field[i]);
    }
  mean /= n;
  /* Inside (0, 1) with room to spare, as the engine's own initial noise. */
  amplitude = MIN (params->noise, 0.5 * MIN (c_min, 1.0 - c_max));
  for (gsize i = 0; i < n; i++)
    field[i] += amplitude * (xi[i] - mean);
  sp_ch_set_field (ch, field);
}

/* One rate: fill c_lo → the spinodal's edge (fresh fluctuations) → ½
 * (contrast, V) → c_hi, then extract → ½ (V). */
static gboolean
run_one_rate (const SpChParams *base,
              double            c_rate,
              double            edge,
              Run              *run,
              SpRateSweepPoint *point,
              GError          **error)
{
  SpChParams p = *base;
  g_autoptr(SpCh) ch = NULL;
  double r = sp_drive_current_of_c_rate (c_rate);
  double c_lo = base->drive.c_lo, c_hi = base->drive.c_hi;
  double c_s = CLAMP (edge, c_lo, C_HALF);
  gint64 start = g_get_monotonic_time ();
  guint64 steps = 0;

  /* The sweep ends each leg itself, at exact times: the engine's own
   * limits sit beyond them and its cut-offs out of reach, so neither ever
   * stops a leg early (a steep overpotential at a high rate would
   * otherwise end the fill before c_hi). */
  p.model.c0 = c_lo;
  p.drive.mode = SP_DRIVE_GALVANOSTATIC;
  p.drive.c_rate = c_rate;
  p.drive.c_lo = 0.5 * c_lo;
  p.drive.c_hi = 0.5 * (1.0 + c_hi);
  p.drive.v_lo = p.model.v0 - 100.0;
  p.drive.v_hi = p.model.v0 + 100.0;
  run->t_total = (c_hi - c_lo + c_hi - C_HALF) / r;
  run->t_offset = 0.0;

  ch = sp_ch_new (&p, error);
  if (ch == NULL)
    return FALSE;
  if (c_s > c_lo)
    {
      /* The engine's clock restarts with the new field: times below are
       * from the edge. */
      if (!run_to (ch, (c_s - c_lo) / r, run, error))
        return FALSE;
      steps += sp_ch_get_steps (ch);
      add_fluctuations (ch, base);
      run->t_offset = (c_s - c_lo) / r;
    }
  if (!run_to (ch, (C_HALF - c_s) / r, run, error) || !check_half (ch, error))
    return FALSE;
  point->contrast = field_contrast (ch);
  point->v_discharge = sp_ch_get_voltage (ch);
  if (!run_to (ch, (c_hi - c_s) / r, run, error))
    return FALSE;

  p.drive.c_rate = -c_rate;
  if (!sp_ch_set_params (ch, &p, error) ||
      !run_to (ch, (c_hi - c_s + c_hi - C_HALF) / r, run, error) || !check_half (ch, error))
    return FALSE;
  point->v_charge = sp_ch_get_voltage (ch);

  point->c_rate = c_rate;
  point->voltage_gap = point->v_charge - point->v_discharge;
  point->gain = gain_with_edge (base, edge, c_rate, NULL);
  point->steps = steps + sp_ch_get_steps (ch);
  point->seconds = (g_get_monotonic_time () - start) / (double) G_USEC_PER_SEC;
  return TRUE;
}

/* The critical rate from the measured contrasts: where it falls through
 * the threshold between two neighbouring rates (linear in log C). */
static void
find_critical (SpRateSweepResult *result)
{
  double thr = result->estimate.threshold;
  gboolean any = FALSE, all = TRUE;

  result->critical_c_rate = NAN;
  if (isnan (result->c_alpha))
    {
      result->critical_kind = SP_RATE_SWEEP_CRITICAL_NONE;
      return;
    }
  for (guint i = 0; i < result->n_points; i++)
    {
      result->points[i].separated = result->points[i].contrast >= thr;
      any |= result->points[i].separated;
      all &= result->points[i].separated;
    }
  result->critical_kind = all ? SP_RATE_SWEEP_CRITICAL_ABOVE
                              : !any ? SP_RATE_SWEEP_CRITICAL_BELOW
                                     : SP_RATE_SWEEP_CRITICAL_FOUND;
  for (guint i = 0; i + 1 < result->n_points && !all && any; i++)
    {
      const SpRateSweepPoint *a = &result->points[i], *b = &result->points[i + 1];
      double t;

      if (!(a->separated && !b->separated))
        continue;
      t = (a->contrast - thr) / (a->contrast - b->contrast);
      result->critical_c_rate = exp (log (a->c_rate) + t * (log (b->c_rate) - log (a->c_rate)));
      return;
    }
}

static gboolean
check_rates (const double *c_rates,
             guint         n_rates,
             GError      **error)
{
  if (n_rates == 0 || n_rates > SP_RATE_SWEEP_MAX_RATES)
    {
      g_set_error (error, SP_RATE_SWEEP_ERROR, SP_RATE_SWEEP_ERROR_INVALID,
                   _("a rate sweep takes 1 to %d C-rates, not %u"),
                   SP_RATE_SWEEP_MAX_RATES, n_rates);
      return FALSE;
    }
  for (guint i = 0; i < n_rates; i++)
    if (!(c_rates[i] >= SP_RATE_SWEEP_C_RATE_MIN && c_rates[i] <= SP_RATE_SWEEP_C_RATE_MAX))
      {
        g_set_error (error, SP_RATE_SWEEP_ERROR, SP_RATE_SWEEP_ERROR_INVALID,
                     _("C-rate %g is outside [%g, %g] 1/h"), c_rates[i],
                     SP_RATE_SWEEP_C_RATE_MIN, SP_RATE_SWEEP_C_RATE_MAX);
        return FALSE;
      }
  return TRUE;
}

SpRateSweepResult *
sp_rate_sweep_result_new (const SpChParams       *params,
                          const SpRateSweepPoint *points,
                          guint                   n_points)
{
  SpRateSweepResult *result = g_atomic_rc_box_new0 (SpRateSweepResult);

  result->params = *params;
  result->params.drive.mode = SP_DRIVE_GALVANOSTATIC;
  result->params.model.c0 = params->drive.c_lo;
  result->n_points = n_points;
  result->points = g_memdup2 (points, n_points * sizeof *points);
  qsort (result->points, n_points, sizeof *result->points, compare_points);
  sp_rate_sweep_estimate (&result->params, &result->estimate);
  if (!gap_at_half (&result->params.model, &result->c_alpha, &result->c_beta))
    result->estimate.threshold = NAN;
  else if (isnan (result->estimate.threshold))
    /* ½ in a gap but outside the spinodal: no estimate, but a threshold. */
    result->estimate.threshold = 0.5 * (result->c_beta - result->c_alpha);
  find_critical (result);
  return result;
}

SpRateSweepResult *
sp_rate_sweep_run (const SpChParams    *params,
                   const double        *c_rates,
                   guint                n_rates,
                   SpRateSweepProgress  progress,
                   gpointer             user_data,
                   GCancellable        *cancellable,
                   GError             **error)
{
  g_autofree SpRateSweepPoint *points = NULL;
  g_autofree double *sorted = NULL;
  SpRateSweepResult *result;
  SpChParams base = *params;
  gint64 start = g_get_monotonic_time ();
  Run run = { progress, user_data, cancellable, 0, n_rates, 1.0, 0.0 };
  double edge;

  if (!check_rates (c_rates, n_rates, error))
    return NULL;
  if (!(params->drive.c_lo < C_HALF && params->drive.c_hi > C_HALF))
    {
      g_set_error (error, SP_RATE_SWEEP_ERROR, SP_RATE_SWEEP_ERROR_INVALID,
                   _("the sweep fills from c_lo = %g to c_hi = %g, which must lie either side of ½"),
                   params->drive.c_lo, params->drive.c_hi);
      return NULL;
    }

  base.drive.mode = SP_DRIVE_GALVANOSTATIC;
  base.model.c0 = params->drive.c_lo;
  sorted = g_memdup2 (c_rates, n_rates * sizeof *c_rates);
  qsort (sorted, n_rates, sizeof *sorted, compare_doubles);
  points = g_new0 (SpRateSweepPoint, n_rates);
  edge = spinodal_edge (&base.model);
  for (guint i = 0; i < n_rates; i++)
    {
      run.index = i;
      if (!run_one_rate (&base, sorted[i], edge, &run, &points[i], error))
        return NULL;
      if (progress != NULL)
        progress (i, n_rates, (i + 1.0) / n_rates, user_data);
    }
  result = sp_rate_sweep_result_new (&base, points, n_rates);
  result->seconds = (g_get_monotonic_time () - start) / (double) G_USEC_PER_SEC;
  return result;
}

/* ---- rates, JSON and CSV ------------------------------------------------ */

gboolean
sp_rate_sweep_parse_rates (const char  *text,
                           GArray     **rates,
                           GError     **error)
{
  g_auto(GStrv) items = NULL;
  g_autoptr(GArray) out = g_array_new (FALSE, FALSE, sizeof (double));

  if (text == NULL || *text == '\0')
    {
      g_set_error (error, SP_RATE_SWEEP_ERROR, SP_RATE_SWEEP_ERROR_INVALID,
                   _("--c-rates needs a comma-separated list such as 0.01,0.1,1,10"));
      return FALSE;
    }
  items = g_strsplit (text, ",", -1);
  for (guint i = 0; items[i] != NULL; i++)
    {
      char *end = NULL;
      double v = g_ascii_strtod (items[i], &end);

      /* Plain decimal only, as every number flag: no "0x10", no " 1". */
      if (end == items[i] || *end != '\0' || !isfinite (v) ||
          items[i][strspn (items[i], "0123456789.eE+-")] != '\0' ||
          v < SP_RATE_SWEEP_C_RATE_MIN || v > SP_RATE_SWEEP_C_RATE_MAX)
        {
          g_set_error (error, SP_RATE_SWEEP_ERROR, SP_RATE_SWEEP_ERROR_INVALID,
                       _("--c-rates: “%s” is not a C-rate in [%g, %g] 1/h"), items[i],
                       SP_RATE_SWEEP_C_RATE_MIN, SP_RATE_SWEEP_C_RATE_MAX);
          return FALSE;
        }
      for (guint j = 0; j < out->len; j++)
        if (g_array_index (out, double, j) == v)
          {
            g_set_error (error, SP_RATE_SWEEP_ERROR, SP_RATE_SWEEP_ERROR_INVALID,
                         _("--c-rates: %s is given twice"), items[i]);
            return FALSE;
          }
      g_array_append_val (out, v);
    }
  if (out->len > SP_RATE_SWEEP_MAX_RATES)
    {
      g_set_error (error, SP_RATE_SWEEP_ERROR, SP_RATE_SWEEP_ERROR_INVALID,
                   _("--c-rates: %u rates given, at most %d"), out->len, SP_RATE_SWEEP_MAX_RATES);
      return FALSE;
    }
  g_array_sort (out, compare_doubles);
  *rates = g_steal_pointer (&out);
  return TRUE;
}

GArray *
sp_rate_sweep_default_rates (const SpRateSweepEstimate *estimate)
{
  GArray *rates = g_array_new (FALSE, FALSE, sizeof (double));
  double centre = estimate->unstable && isfinite (estimate->critical_c_rate)
                  ? estimate->critical_c_rate : 1.0;
  /* Half decades, 1 and 3 × 10ⁿ, from about 30 times below the estimate
   * to 30 times above it: seven runs that straddle it either way. */
  int h0 = (int) lround (2.0 * log10 (centre));

  for (int h = h0 - 3; h <= h0 + 3; h++)
    {
      int decade = (int) floor (h / 2.0);
      double v = (h - 2 * decade == 0 ? 1.0 : 3.0) * pow (10.0, decade);

      if (v >= SP_RATE_SWEEP_C_RATE_MIN && v <= SP_RATE_SWEEP_C_RATE_MAX)
        g_array_append_val (rates, v);
    }
  return rates;
}

static const char *
critical_kind_to_string (SpRateSweepCritical kind)
{
  static const char *const names[] = { "found", "above", "below", "none" };

  return names[kind];
}

JsonNode *
sp_rate_sweep_result_to_json (const SpRateSweepResult *result)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();
  const SpChParams *p = &result->params;

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "grid");
  json_builder_add_int_value (b, p->n);
  sp_json_builder_add_number (b, "length_nm", p->length);
  sp_json_builder_add_number (b, "noise", p->noise);
  json_builder_set_member_name (b, "seed");
  json_builder_add_int_value (b, (gint64) p->seed);
  sp_json_builder_add_number (b, "k0", p->drive.k0);
  sp_json_builder_add_number (b, "alpha", p->drive.alpha);
  sp_json_builder_add_number (b, "c_lo", p->drive.c_lo);
  sp_json_builder_add_number (b, "c_hi", p->drive.c_hi);
  sp_json_builder_add_number (b, "c_alpha", result->c_alpha);
  sp_json_builder_add_number (b, "c_beta", result->c_beta);
  sp_json_builder_add_number (b, "contrast_threshold", result->estimate.threshold);
  json_builder_set_member_name (b, "rates");
  json_builder_begin_array (b);
  for (guint i = 0; i < result->n_points; i++)
    {
      const SpRateSweepPoint *pt = &result->points[i];

      json_builder_begin_object (b);
      sp_json_builder_add_number (b, "c_rate", pt->c_rate);
      sp_json_builder_add_number (b, "contrast", pt->contrast);
      sp_json_builder_add_number (b, "v_discharge_V", pt->v_discharge);
      sp_json_builder_add_number (b, "v_charge_V", pt->v_charge);
      sp_json_builder_add_number (b, "voltage_gap_V", pt->voltage_gap);
      sp_json_builder_add_number (b, "gain_e_folds", pt->gain);
      json_builder_set_member_name (b, "separated");
      json_builder_add_boolean_value (b, pt->separated);
      json_builder_set_member_name (b, "steps");
      json_builder_add_int_value (b, (gint64) pt->steps);
      sp_json_builder_add_number (b, "seconds", pt->seconds);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  sp_json_builder_add_number (b, "critical_c_rate", result->critical_c_rate);
  json_builder_set_member_name (b, "critical");
  json_builder_add_string_value (b, critical_kind_to_string (result->critical_kind));
  sp_json_builder_add_number (b, "estimated_critical_c_rate", result->estimate.critical_c_rate);
  sp_json_builder_add_number (b, "estimate_e_folds", result->estimate.e_folds);
  sp_json_builder_add_number (b, "seconds", result->seconds);
  json_builder_end_object (b);
  return json_builder_get_root (b);
}

GString *
sp_rate_sweep_result_to_csv (const SpRateSweepResult *result)
{
  static const char *const names[] = {
    "c_rate", "contrast", "voltage_gap_V", "v_discharge_V", "v_charge_V", "gain_e_folds",
    "separated", NULL
  };
  static const char *const meanings[] = {
    "C-rate, 1/h", "max c - min c when the fill passes mean c = 1/2",
    "v_charge_V - v_discharge_V, V", "cell voltage at mean c = 1/2 while inserting, V",
    "cell voltage at mean c = 1/2 while extracting, V",
    "the linear-stability estimate's gain, e-folds",
    "1 when contrast >= half the miscibility gap", NULL
  };
  const SpChParams *p = &result->params;
  GString *csv = sp_csv_begin ("rate sweep of the driven particle");

  sp_csv_append_model (csv, &p->model);
  g_string_append_printf (csv, "# grid = %u\n", p->n);
  g_string_append (csv, "# box = ");
  sp_csv_append_number (csv, p->length, ' ');
  g_string_append (csv, "nm\n# k0 = ");
  sp_csv_append_number (csv, p->drive.k0, ' ');
  g_string_append (csv, "1/s\n# alpha = ");
  sp_csv_append_number (csv, p->drive.alpha, '\n');
  g_string_append (csv, "# critical_c_rate = ");
  sp_csv_append_number (csv, result->critical_c_rate, '\n');
  g_string_append (csv, "# estimated_critical_c_rate = ");
  sp_csv_append_number (csv, result->estimate.critical_c_rate, '\n');
  sp_csv_append_columns (csv, names, meanings);
  for (guint i = 0; i < result->n_points; i++)
    {
      const SpRateSweepPoint *pt = &result->points[i];
      const double values[] = { pt->c_rate, pt->contrast, pt->voltage_gap, pt->v_discharge,
                                pt->v_charge, pt->gain, pt->separated ? 1.0 : 0.0 };

      sp_csv_append_row (csv, values, G_N_ELEMENTS (values));
    }
  return csv;
}
