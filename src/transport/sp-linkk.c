/* sp-linkk.c — the Lin-KK check (see the header for the method and the rule)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <gio/gio.h>
#include <glib/gi18n-lib.h>
#include <gsl/gsl_blas.h>
#include <gsl/gsl_errno.h>
#include <gsl/gsl_linalg.h>
#include <gsl/gsl_permutation.h>
#include <math.h>
#include <string.h>

#include "sp-linkk.h"

/* Directions below this fraction of the largest are dropped (a
 * pseudo-inverse, as impedance.py's pinv): closely spaced τ at large M make
 * neighbouring columns nearly equal, and the minimum-norm solution keeps
 * the resistors finite there. */
#define RANK_TOLERANCE 1e-12
#define M_CAP         100u
/* Each M costs O(N M²): a few seconds at this size, far beyond any
 * analyser's sweep. */
#define MAX_POINTS    10000u
#define M_PER_DECADE  3.0
/* The verdict's constants (header). */
#define OUTSIDE_SHARE 0.05
#define TREND_LAG1    0.8
#define TREND_FLOOR   0.1

typedef struct
{
  guint   n;
  double *omega;
  double *z_re;
  double *z_im;
  double *mod;     /* |Z| */
} Data;

/* The unknowns of one fit: R₀, R₁ … R_M, L, 1/C (the last two zero when
 * not added). */
typedef struct
{
  guint   m;
  double *tau;
  double *r;
  double  r0;
  double  l;
  double  inv_c;
} Model;

void
sp_linkk_options_init (SpLinKKOptions *options)
{
  g_return_if_fail (options != NULL);

  memset (options, 0, sizeof *options);
  options->c = 0.85;
  options->fit = SP_LINKK_FIT_COMPLEX;
  options->tolerance = 0.01;
}

const char *
sp_linkk_verdict_to_string (SpLinKKVerdict verdict)
{
  switch (verdict)
    {
    case SP_LINKK_OUTSIDE:
      return "outside";
    case SP_LINKK_TREND:
      return "trend";
    case SP_LINKK_VALID:
    default:
      return "valid";
    }
}

const char *
sp_linkk_fit_to_string (SpLinKKFit fit)
{
  switch (fit)
    {
    case SP_LINKK_FIT_REAL:
      return "real";
    case SP_LINKK_FIT_IMAG:
      return "imag";
    case SP_LINKK_FIT_COMPLEX:
    default:
      return "complex";
    }
}

gboolean
sp_linkk_fit_from_string (const char *name,
                          SpLinKKFit *fit)
{
  static const SpLinKKFit all[] = { SP_LINKK_FIT_COMPLEX, SP_LINKK_FIT_REAL, SP_LINKK_FIT_IMAG };

  for (guint i = 0; name != NULL && i < G_N_ELEMENTS (all); i++)
    if (strcmp (name, sp_linkk_fit_to_string (all[i])) == 0)
      {
        *fit = all[i];
        return TRUE;
      }
  return FALSE;
}

static gboolean
data_init (Data                *d,
           const SpEisSpectrum *s,
           GError             **error)
{
  if (s->n_points < 3)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("the Kramers–Kronig check needs at least 3 points, the spectrum has %u"),
                   s->n_points);
      return FALSE;
    }
  if (s->n_points > MAX_POINTS)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("the Kramers–Kronig check takes at most %u points, the spectrum has %u"),
                   MAX_POINTS, s->n_points);
      return FALSE;
    }
  d->n = s->n_points;
  d->omega = g_new (double, d->n);
  d->z_re = g_memdup2 (s->z_re_ohm, d->n * sizeof (double));
  d->z_im = g_memdup2 (s->z_im_ohm, d->n * sizeof (double));
  d->mod = g_new (double, d->n);
  for (guint i = 0; i < d->n; i++)
    {
      double f = s->freq_hz[i];

      if (!(isfinite (f) && f > 0))
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                       _("point %u: the frequency must be a positive number of hertz, not %g"),
                       i + 1, f);
          return FALSE;
        }
      d->omega[i] = 2 * G_PI * f;
      d->mod[i] = hypot (d->z_re[i], d->z_im[i]);
      if (!(isfinite (d->z_re[i]) && isfinite (d->z_im[i]) && isfinite (d->mod[i]) &&
            d->mod[i] > 0))
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                       _("point %u (%g Hz): the impedance must be finite and not zero"),
                       i + 1, f);
          return FALSE;
        }
    }
  if (!sp_eis_spectrum_check_distinct_frequencies (s, error))
    return FALSE;
  return TRUE;
}

static void
data_clear (Data *d)
{
  g_free (d->omega);
  g_free (d->z_re);
  g_free (d->z_im);
  g_free (d->mod);
}

static void
tau_grid (const Data *d,
          guint       m,
          double     *tau)
{
  double w_min = d->omega[0], w_max = d->omega[0];

  for (guint i = 1; i < d->n; i++)
    {
      w_min = MIN (w_min, d->omega[i]);
      w_max = MAX (w_max, d->omega[i]);
    }
  if (m == 1)
    {
      tau[0] = 1 / sqrt (w_min * w_max);
      return;
    }
  /* In logarithms, so that wide ranges neither overflow nor lose digits. */
  for (guint k = 0; k < m; k++)
    tau[k] = exp (-log (w_max) + (log (w_max) - log (w_min)) * k / (m - 1));
}

/* Least squares X c ≈ y, minimum-norm where X is (numerically) rank
 * deficient: a complete orthogonal decomposition (column-pivoted
 * Householder QR, then Householder from the right), which gives what a
 * pseudo-inverse gives at a fraction of the cost of an SVD.  Each column
 * is scaled to unit norm first, so that |R₁₁| = 1 and the rank tolerance is
 * relative and compares like with like (ω/|Z| and 1/(ω|Z|) span many
 * decades).  A zero column gets a zero coefficient. */
static gboolean
solve_least_squares (gsl_matrix  *x,
                     gsl_vector  *y,
                     gsl_vector  *c,
                     GError     **error)
{
  size_t n = x->size1, p = x->size2, rank = 0;
  g_autofree double *scale = g_new (double, p);
  gsl_vector *tau_q = gsl_vector_alloc (MIN (n, p));
  gsl_vector *tau_z = gsl_vector_alloc (MIN (n, p));
  gsl_vector *work = gsl_vector_alloc (p);
  gsl_vector *residual = gsl_vector_alloc (n);
  gsl_permutation *perm = gsl_permutation_alloc (p);
  int status;

  for (size_t j = 0; j < p; j++)
    {
      gsl_vector_view col = gsl_matrix_column (x, j);
      double norm = gsl_blas_dnrm2 (&col.vector);

      scale[j] = norm > 0 ? norm : 1;
      gsl_vector_scale (&col.vector, 1 / scale[j]);
    }
  status = gsl_linalg_COD_decomp_e (x, tau_q, tau_z, perm, RANK_TOLERANCE, &rank, work);
  if (status == GSL_SUCCESS && rank == 0)
    gsl_vector_set_zero (c);
  else if (status == GSL_SUCCESS)
    status = gsl_linalg_COD_lssolve (x, tau_q, tau_z, perm, rank, y, c, residual);
  gsl_vector_free (tau_q);
  gsl_vector_free (tau_z);
  gsl_vector_free (work);
  gsl_vector_free (residual);
  gsl_permutation_free (perm);
  if (status != GSL_SUCCESS)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   _("the linear least-squares solve failed: %s"), gsl_strerror (status));
      return FALSE;
    }
  for (size_t j = 0; j < p; j++)
    {
      double v = gsl_vector_get (c, j) / scale[j];

      if (!isfinite (v))
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                       _("the linear least-squares solve gave a non-finite value"));
          return FALSE;
        }
      gsl_vector_set (c, j, v);
    }
  return TRUE;
}

/* Re and Im of 1/(1 + jωτ). */
static inline void
rc_kernel (double  omega,
           double  tau,
           double *re,
           double *im)
{
  double wt = omega * tau, den = 1 + wt * wt;

  *re = 1 / den;
  *im = -wt / den;
}

/* Ẑ at point @i of the model without R₀ (for the second stage of the
 * one-part fits) or with it. */
static void
model_eval (const Model *model,
            double       omega,
            gboolean     with_r0,
            double      *re,
            double      *im)
{
  double zr = with_r0 ? model->r0 : 0, zi = omega * model->l - model->inv_c / omega;

  for (guint k = 0; k < model->m; k++)
    {
      double kr, ki;

      rc_kernel (omega, model->tau[k], &kr, &ki);
      zr += model->r[k] * kr;
      zi += model->r[k] * ki;
    }
  *re = zr;
  *im = zi;
}

/* Column layout of the design matrix: which unknowns a fit carries. */
typedef struct
{
  gboolean r0, rk, l, c;
} Columns;

static guint
columns_count (const Columns *cols,
               guint          m)
{
  return (cols->r0 ? 1 : 0) + (cols->rk ? m : 0) + (cols->l ? 1 : 0) + (cols->c ? 1 : 0);
}

/* One weighted least-squares stage: the unknowns in @cols, fitted to the
 * real rows (@use_re) and/or the imaginary rows (@use_im) of Z − @model's
 * current value of the unknowns not in @cols.  Writes the fitted unknowns
 * into @model. */
static gboolean
fit_stage (const Data    *d,
           const Columns *cols,
           gboolean       use_re,
           gboolean       use_im,
           Model         *model,
           GError       **error)
{
  guint p = columns_count (cols, model->m);
  guint rows = (use_re ? d->n : 0) + (use_im ? d->n : 0);
  gsl_matrix *x;
  gsl_vector *y, *c;
  gboolean ok;
  guint row = 0, j;
  Model rest = *model;

  if (p == 0)
    return TRUE;
  /* What the other unknowns already explain is subtracted from the data. */
  rest.r = g_new0 (double, model->m);
  if (!cols->rk)
    memcpy (rest.r, model->r, model->m * sizeof (double));
  if (cols->r0)
    rest.r0 = 0;
  if (cols->l)
    rest.l = 0;
  if (cols->c)
    rest.inv_c = 0;

  x = gsl_matrix_calloc (rows, p);
  y = gsl_vector_alloc (rows);
  c = gsl_vector_alloc (p);
  for (int part = 0; part < 2; part++)
    {
      gboolean real = part == 0;

      if ((real && !use_re) || (!real && !use_im))
        continue;
      for (guint i = 0; i < d->n; i++, row++)
        {
          double w = d->omega[i], inv = 1 / d->mod[i], known_re, known_im;

          model_eval (&rest, w, TRUE, &known_re, &known_im);
          j = 0;
          if (cols->r0)
            gsl_matrix_set (x, row, j++, real ? inv : 0);
          if (cols->rk)
            for (guint k = 0; k < model->m; k++)
              {
                double kr, ki;

                rc_kernel (w, model->tau[k], &kr, &ki);
                gsl_matrix_set (x, row, j++, (real ? kr : ki) * inv);
              }
          if (cols->l)
            gsl_matrix_set (x, row, j++, real ? 0 : w * inv);
          if (cols->c)
            gsl_matrix_set (x, row, j++, real ? 0 : -inv / w);
          gsl_vector_set (y, row, real ? (d->z_re[i] - known_re) * inv
                                       : (d->z_im[i] - known_im) * inv);
        }
    }
  g_free (rest.r);

  ok = solve_least_squares (x, y, c, error);
  if (ok)
    {
      j = 0;
      if (cols->r0)
        model->r0 = gsl_vector_get (c, j++);
      if (cols->rk)
        for (guint k = 0; k < model->m; k++)
          model->r[k] = gsl_vector_get (c, j++);
      if (cols->l)
        model->l = gsl_vector_get (c, j++);
      if (cols->c)
        model->inv_c = gsl_vector_get (c, j++);
    }
  gsl_matrix_free (x);
  gsl_vector_free (y);
  gsl_vector_free (c);
  return ok;
}

static gboolean
fit_model (const Data           *d,
           const SpLinKKOptions *o,
           Model                *model,
           GError              **error)
{
  Columns all = { TRUE, TRUE, o->add_inductance, o->add_capacitance };
  Columns re_part = { TRUE, TRUE, FALSE, FALSE };
  Columns im_part = { FALSE, TRUE, o->add_inductance, o->add_capacitance };
  Columns im_rest = { FALSE, FALSE, o->add_inductance, o->add_capacitance };
  Columns re_rest = { TRUE, FALSE, FALSE, FALSE };

  model->r0 = model->l = model->inv_c = 0;
  memset (model->r, 0, model->m * sizeof (double));
  tau_grid (d, model->m, model->tau);
  switch (o->fit)
    {
    case SP_LINKK_FIT_REAL:
      return fit_stage (d, &re_part, TRUE, FALSE, model, error) &&
             fit_stage (d, &im_rest, FALSE, TRUE, model, error);
    case SP_LINKK_FIT_IMAG:
      /* R₀ then is the 1/|Z|²-weighted mean of what Rₖ leave of Z′:
       * exactly this one-column least-squares stage. */
      return fit_stage (d, &im_part, FALSE, TRUE, model, error) &&
             fit_stage (d, &re_rest, TRUE, FALSE, model, error);
    case SP_LINKK_FIT_COMPLEX:
    default:
      return fit_stage (d, &all, TRUE, TRUE, model, error);
    }
}

/* μ = 1 − Σ_{Rₖ<0}|Rₖ| / Σ_{Rₖ≥0}|Rₖ| (no negative mass: 1).  With a
 * series capacitance the element at τ_M = 1/ω_min is, over the measured
 * band, a capacitor plus a small real part, nearly a combination of
 * 1/(jωC) and the others: the two trade large values of opposite sign, and
 * its sign says nothing about over-fitting.  Likewise the element at
 * τ₁ = 1/ω_max with R₀ and a series inductance (R/(1 + jωτ₁) ≈ R − jωτ₁R).
 * μ leaves such an element out. */
static double
compute_mu (const Model          *model,
            const SpLinKKOptions *o)
{
  double neg = 0, pos = 0;
  guint first = o->add_inductance && model->m > 1 ? 1 : 0;
  guint last = o->add_capacitance && model->m > 1 ? model->m - 1 : model->m;

  for (guint k = first; k < last; k++)
    {
      if (model->r[k] < 0)
        neg += -model->r[k];
      else
        pos += model->r[k];
    }
  if (neg == 0)
    return 1;
  /* No positive mass at all: as over-fitted as it gets. */
  return pos > 0 ? 1 - neg / pos : -INFINITY;
}

/* The largest M the data leave a test in: no more unknowns than equations
 * in a one-part fit (the other part is then predicted), and for the complex
 * fit no more unknowns than points — half its equations — since with as
 * many unknowns as equations any spectrum is interpolated exactly and the
 * check would say nothing. */
static guint
m_limit (const Data           *d,
         const SpLinKKOptions *o)
{
  guint extras = (o->add_inductance ? 1 : 0) + (o->add_capacitance ? 1 : 0);
  guint limit;

  switch (o->fit)
    {
    case SP_LINKK_FIT_REAL:
      limit = d->n - 1;
      break;
    case SP_LINKK_FIT_IMAG:
      limit = d->n - extras;
      break;
    case SP_LINKK_FIT_COMPLEX:
    default:
      limit = d->n - 1 - extras;
      break;
    }
  return MAX (limit, 1u);
}

/* Σ xᵢ xᵢ₊₁ / Σ xᵢ² over the points in @order: not centred on the mean,
 * because a residual should have none — an offset (a drifting resistance
 * shifts a whole band of Z″) counts as a trend as much as a slope does.
 * Zero-mean white noise gives 0 ± 1/√n. */
static double
lag1_autocorrelation (const double *x,
                      const guint  *order,
                      guint         n)
{
  double num = 0, den = 0;

  for (guint i = 0; i < n; i++)
    {
      double a = x[order[i]];

      den += a * a;
      if (i + 1 < n)
        num += a * x[order[i + 1]];
    }
  return den > 0 ? num / den : 0;
}

static void
judge (SpLinKKResult *r)
{
  guint n = r->n_points;
  g_autofree guint *order = sp_eis_spectrum_frequency_order (r->freq_hz, n);
  double rms_re = 0, rms_im = 0, floor_rms = TREND_FLOOR * r->tolerance;
  guint allowed = (guint) floor (OUTSIDE_SHARE * n);

  r->n_outside = 0;
  r->max_abs_residual = 0;
  r->max_at_hz = r->freq_hz[0];
  for (guint i = 0; i < n; i++)
    {
      double a = MAX (fabs (r->residual_re[i]), fabs (r->residual_im[i]));

      if (a > r->tolerance)
        r->n_outside++;
      if (a > r->max_abs_residual)
        {
          r->max_abs_residual = a;
          r->max_at_hz = r->freq_hz[i];
        }
      rms_re += r->residual_re[i] * r->residual_re[i];
      rms_im += r->residual_im[i] * r->residual_im[i];
    }
  r->rms_re = rms_re = sqrt (rms_re / n);
  r->rms_im = rms_im = sqrt (rms_im / n);
  r->rms_residual = sqrt (r->pseudo_chi2 / (2.0 * n));

  r->lag1_re = lag1_autocorrelation (r->residual_re, order, n);
  r->lag1_im = lag1_autocorrelation (r->residual_im, order, n);

  if (r->n_outside > allowed)
    r->verdict = SP_LINKK_OUTSIDE;
  else if ((r->lag1_re >= TREND_LAG1 && rms_re > floor_rms) ||
           (r->lag1_im >= TREND_LAG1 && rms_im > floor_rms))
    r->verdict = SP_LINKK_TREND;
  else
    r->verdict = SP_LINKK_VALID;
}

static gboolean
options_check (const SpLinKKOptions *o,
               GError              **error)
{
  if (!(o->c > 0 && o->c < 1))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("the μ threshold c must lie between 0 and 1, not %g"), o->c);
      return FALSE;
    }
  if (!(o->tolerance > 0 && o->tolerance < 1))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("the residual tolerance must lie between 0 and 1, not %g"), o->tolerance);
      return FALSE;
    }
  if (o->fit != SP_LINKK_FIT_COMPLEX && o->fit != SP_LINKK_FIT_REAL &&
      o->fit != SP_LINKK_FIT_IMAG)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("unknown Kramers–Kronig fit mode %d"), (int) o->fit);
      return FALSE;
    }
  return TRUE;
}

SpLinKKResult *
sp_linkk_check (const SpEisSpectrum  *spectrum,
                const SpLinKKOptions *options,
                GError              **error)
{
  SpLinKKOptions defaults;
  Data d = { 0 };
  Model model = { 0 };
  SpLinKKResult *r;
  guint limit, m_first, m_last;
  double mu = 1;

  g_return_val_if_fail (spectrum != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (options == NULL)
    {
      sp_linkk_options_init (&defaults);
      options = &defaults;
    }
  if (!options_check (options, error))
    return NULL;
  if (!data_init (&d, spectrum, error))
    {
      data_clear (&d);
      return NULL;
    }

  limit = m_limit (&d, options);
  if (options->max_m > 0)
    limit = MIN (limit, options->max_m);
  else
    limit = MIN (limit, M_CAP);
  if (options->fixed_m > 0)
    {
      if (options->fixed_m > m_limit (&d, options))
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                       _("%u time constants are more than %u points can determine (at most %u)"),
                       options->fixed_m, d.n, m_limit (&d, options));
          data_clear (&d);
          return NULL;
        }
      m_first = m_last = options->fixed_m;
    }
  else
    {
      double w_min = d.omega[0], w_max = d.omega[0];

      for (guint i = 1; i < d.n; i++)
        {
          w_min = MIN (w_min, d.omega[i]);
          w_max = MAX (w_max, d.omega[i]);
        }
      m_first = options->min_m > 0 ? options->min_m
                                   : (guint) ceil (M_PER_DECADE * log10 (w_max / w_min) - 1e-9);
      m_last = limit;
      m_first = CLAMP (m_first, 1u, m_last);
    }

  model.tau = g_new (double, m_last);
  model.r = g_new (double, m_last);
  for (guint m = m_first; m <= m_last; m++)
    {
      model.m = m;
      if (!fit_model (&d, options, &model, error))
        {
          g_free (model.tau);
          g_free (model.r);
          data_clear (&d);
          return NULL;
        }
      mu = compute_mu (&model, options);
      if (mu < options->c)
        break;
    }

  r = g_new0 (SpLinKKResult, 1);
  r->m = model.m;
  r->mu = mu;
  r->mu_reached = mu < options->c;
  r->r0_ohm = model.r0;
  r->inductance_h = model.l;
  r->capacitance_f = model.inv_c != 0 ? 1 / model.inv_c : INFINITY;
  r->tau_s = model.tau;
  r->r_ohm = model.r;
  r->n_points = d.n;
  r->freq_hz = g_memdup2 (spectrum->freq_hz, d.n * sizeof (double));
  r->z_fit_re_ohm = g_new (double, d.n);
  r->z_fit_im_ohm = g_new (double, d.n);
  r->residual_re = g_new (double, d.n);
  r->residual_im = g_new (double, d.n);
  r->tolerance = options->tolerance;
  for (guint i = 0; i < d.n; i++)
    {
      model_eval (&model, d.omega[i], TRUE, &r->z_fit_re_ohm[i], &r->z_fit_im_ohm[i]);
      r->residual_re[i] = (d.z_re[i] - r->z_fit_re_ohm[i]) / d.mod[i];
      r->residual_im[i] = (d.z_im[i] - r->z_fit_im_ohm[i]) / d.mod[i];
      r->pseudo_chi2 += r->residual_re[i] * r->residual_re[i] +
                        r->residual_im[i] * r->residual_im[i];
    }
  judge (r);
  data_clear (&d);
  return r;
}

void
sp_linkk_result_free (SpLinKKResult *result)
{
  if (result == NULL)
    return;
  g_free (result->tau_s);
  g_free (result->r_ohm);
  g_free (result->freq_hz);
  g_free (result->z_fit_re_ohm);
  g_free (result->z_fit_im_ohm);
  g_free (result->residual_re);
  g_free (result->residual_im);
  g_free (result);
}

char *
sp_linkk_explain (const SpLinKKResult *r)
{
  g_return_val_if_fail (r != NULL, NULL);

  switch (r->verdict)
    {
    case SP_LINKK_OUTSIDE:
      /* Translators: the Kramers–Kronig verdict; %u of %u points, then the
       * tolerance and the largest residual in percent (%% is a percent
       * sign) and where it is in Hz. */
      return g_strdup_printf (_("Not valid: %u of %u points lie outside ±%.2g %% (largest %.2g %% "
                                "at %.3g Hz); the spectrum is not causal, linear and stable "
                                "there."),
                              r->n_outside, r->n_points, 100 * r->tolerance,
                              100 * r->max_abs_residual, r->max_at_hz);
    case SP_LINKK_TREND:
      {
        /* The part that carries the trend (the larger one if both do). */
        gboolean re = r->lag1_re >= TREND_LAG1 &&
                      (r->lag1_im < TREND_LAG1 || r->rms_re >= r->rms_im);

        /* Translators: the residuals are small but systematic; Z′ or Z″,
         * a correlation coefficient, a percentage (%% is a percent sign). */
        return g_strdup_printf (_("Not valid: the residuals of %s follow a trend over frequency "
                                  "(lag-1 correlation %.2f, rms %.2g %%): the system drifted or "
                                  "did not respond linearly."),
                                re ? "Z′" : "Z″", re ? r->lag1_re : r->lag1_im,
                                100 * (re ? r->rms_re : r->rms_im));
      }
    case SP_LINKK_VALID:
    default:
      return g_strdup_printf (_("Valid: the residuals lie within ±%.2g %% without a trend "
                                "(largest %.2g %%, %u of %u points outside)."),
                              100 * r->tolerance, 100 * r->max_abs_residual,
                              r->n_outside, r->n_points);
    }
}
