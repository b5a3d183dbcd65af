/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sp-eis-fit.c — complex non-linear least squares (see the header)
 *
 * One start: GSL's trust-region Levenberg–Marquardt, iterated by hand so
 * that a GCancellable can stop it between iterations.  Starts
 * (sp_eis_guess_variants): the guess and the other reading of the arcs
 * always; the further variants, each for a limited number of iterations,
 * only when the better of those two fits poorly: not converged, relative
 * residuals above 5 % RMS, or residual signs in long runs (a Wald–
 * Wolfowitz runs test, z < −3: a fit stuck in the wrong valley leaves a
 * trend that noise does not).  The lowest χ² wins, finished to
 * convergence.  On 300 random two-arc ceramics with electrode spike
 * (tests/test-eis-fit.c's robustness case has the same kind) this
 * reaches the noise level in all but about one in 300.
 */

#include "config.h"

#include <complex.h>
#include <glib/gi18n-lib.h>
#include <gsl/gsl_blas.h>
#include <gsl/gsl_errno.h>
#include <gsl/gsl_multifit_nlinear.h>
#include <math.h>
#include <string.h>

#include "sp-eis-fit.h"
#include "sp-eis-guess.h"

G_DEFINE_QUARK (sp-eis-fit-error-quark, sp_eis_fit_error)

#define DEFAULT_MAX_ITERATIONS 500
#define DEFAULT_MAX_STARTS     12
/* Iterations over which a fit whose χ² has stopped falling is done. */
#define STALL_WINDOW           10
/* Iterations each start after the readings of the arcs explores with. */
#define EXPLORE_ITERATIONS     30
/* A residual the model cannot produce (overflow far from the data): large
 * but finite, so the trust region rejects the step and shrinks. */
#define HUGE_RESIDUAL          1e100
/* A free α given as exactly 1 starts just below it (the logistic reaches
 * 1 only as a limit). */
#define ALPHA_START_MAX        (1 - 1e-6)

gboolean
sp_eis_weight_from_string (const char  *name,
                           SpEisWeight *weight)
{
  static const char *const names[] = { "unit", "modulus", "proportional" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    if (name != NULL && g_str_equal (name, names[i]))
      {
        *weight = (SpEisWeight) i;
        return TRUE;
      }
  return FALSE;
}

const char *
sp_eis_weight_to_string (SpEisWeight weight)
{
  switch (weight)
    {
    case SP_EIS_WEIGHT_UNIT: return "unit";
    case SP_EIS_WEIGHT_PROPORTIONAL: return "proportional";
    case SP_EIS_WEIGHT_MODULUS:
    default: return "modulus";
    }
}

void
sp_eis_fit_options_init (SpEisFitOptions *options)
{
  memset (options, 0, sizeof *options);
  options->weight = SP_EIS_WEIGHT_MODULUS;
}

void
sp_eis_fit_result_free (SpEisFitResult *result)
{
  if (result == NULL)
    return;
  g_free (result->value);
  g_free (result->std_error);
  g_free (result->fixed);
  g_free (result->initial);
  g_free (result->warning);
  g_free (result->freq_hz);
  g_free (result->z_fit_re_ohm);
  g_free (result->z_fit_im_ohm);
  g_free (result->rel_residual_re);
  g_free (result->rel_residual_im);
  g_free (result);
}

/* ---- the problem GSL sees -------------------------------------------------- */

typedef struct
{
  const SpCircuit *circuit;
  guint            n;          /* points                            */
  double          *omega;
  const double    *zr;
  const double    *zi;
  double          *sw_re;      /* √w′                               */
  double          *sw_im;      /* √w″                               */
  guint            n_params;
  guint            n_free;
  guint           *free_index; /* free → parameter                  */
  gboolean        *is_alpha;   /* per free parameter                */
  /* A CPE whose Q and α are both free: the free index of the other one
   * (−1 elsewhere).  Its Q is searched as ln(Q ω_ref^α) = −ln|Z_CPE(ω_ref)|
   * at the frequency where the element matters (set per start: where its
   * |Z| meets the data's), which α moves far less than ln Q: the valley
   * between the two, that LM crawls along, straightens. */
  int             *partner;
  double          *ln_omega_ref; /* per free Q of such a pair         */
  double          *p;          /* every parameter (fixed in place)  */
  double complex  *dz;         /* n_params scratch                  */
} Problem;

static double
to_param (gboolean alpha,
          double   u)
{
  return alpha ? 1 / (1 + exp (-u)) : exp (u);
}

static double
to_internal (const Problem *pb,
             guint          j,
             const double  *p)
{
  double v = p[pb->free_index[j]];

  if (pb->is_alpha[j])
    {
      v = MIN (v, ALPHA_START_MAX);
      return log (v / (1 - v));
    }
  if (pb->partner[j] >= 0)
    return log (v) + p[pb->free_index[pb->partner[j]]] * pb->ln_omega_ref[j];
  return log (v);
}

/* The exponents first: a coupled Q needs its α. */
static void
unpack (Problem          *pb,
        const gsl_vector *x)
{
  for (guint j = 0; j < pb->n_free; j++)
    if (pb->is_alpha[j])
      pb->p[pb->free_index[j]] = to_param (TRUE, gsl_vector_get (x, j));
  for (guint j = 0; j < pb->n_free; j++)
    if (!pb->is_alpha[j])
      {
        double u = gsl_vector_get (x, j);

        if (pb->partner[j] >= 0)
          u -= pb->p[pb->free_index[pb->partner[j]]] * pb->ln_omega_ref[j];
        pb->p[pb->free_index[j]] = to_param (FALSE, u);
      }
}

/* Whether a trial point's parameters are all usable: exp(u) can
 * overflow to ∞ or underflow to 0 far from the data, and a zero R still
 * gives a finite Z. */
static gboolean
unpacked_valid (const Problem *pb)
{
  for (guint j = 0; j < pb->n_free; j++)
    {
      double p = pb->p[pb->free_index[j]];

      if (pb->is_alpha[j] ? !(p > 1e-12 && p <= 1) : !(p > 1e-250 && p < 1e250))
        return FALSE;
    }
  return TRUE;
}

static int
residual_f (const gsl_vector *x,
            void             *data,
            gsl_vector       *f)
{
  Problem *pb = data;

  unpack (pb, x);
  if (!unpacked_valid (pb))
    {
      gsl_vector_set_all (f, HUGE_RESIDUAL);
      return GSL_SUCCESS;
    }
  for (guint i = 0; i < pb->n; i++)
    {
      double complex z = sp_circuit_eval (pb->circuit, pb->p, pb->omega[i]);
      double re = pb->sw_re[i] * (creal (z) - pb->zr[i]);
      double im = pb->sw_im[i] * (cimag (z) - pb->zi[i]);

      gsl_vector_set (f, 2 * i, isfinite (re) ? re : HUGE_RESIDUAL);
      gsl_vector_set (f, 2 * i + 1, isfinite (im) ? im : HUGE_RESIDUAL);
    }
  return GSL_SUCCESS;
}

/* ∂r/∂u = ∂r/∂p · dp/du: p for ln p, α(1 − α) for the logistic; a
 * coupled α also moves its Q (∂ln Q/∂α = −ln ω_ref at fixed u_Q). */
static int
residual_df (const gsl_vector *x,
             void             *data,
             gsl_matrix       *jac)
{
  Problem *pb = data;

  unpack (pb, x);
  for (guint i = 0; i < pb->n; i++)
    {
      sp_circuit_eval_jacobian (pb->circuit, pb->p, pb->omega[i], pb->dz);
      for (guint j = 0; j < pb->n_free; j++)
        {
          double p = pb->p[pb->free_index[j]];
          double dpdu = pb->is_alpha[j] ? p * (1 - p) : p;
          double complex d = pb->dz[pb->free_index[j]];

          if (pb->is_alpha[j] && pb->partner[j] >= 0)
            {
              guint q = pb->free_index[pb->partner[j]];

              d -= pb->ln_omega_ref[pb->partner[j]] * pb->p[q] * pb->dz[q];
            }
          d *= dpdu;
          double re = pb->sw_re[i] * creal (d), im = pb->sw_im[i] * cimag (d);

          gsl_matrix_set (jac, 2 * i, j, isfinite (re) ? re : 0);
          gsl_matrix_set (jac, 2 * i + 1, j, isfinite (im) ? im : 0);
        }
    }
  return GSL_SUCCESS;
}

static void
problem_weights (Problem    *pb,
                 SpEisWeight weight)
{
  for (guint i = 0; i < pb->n; i++)
    {
      double mod = hypot (pb->zr[i], pb->zi[i]);

      switch (weight)
        {
        case SP_EIS_WEIGHT_UNIT:
          pb->sw_re[i] = pb->sw_im[i] = 1;
          break;
        case SP_EIS_WEIGHT_PROPORTIONAL:
          pb->sw_re[i] = 1 / MAX (fabs (pb->zr[i]), 1e-3 * mod);
          pb->sw_im[i] = 1 / MAX (fabs (pb->zi[i]), 1e-3 * mod);
          break;
        case SP_EIS_WEIGHT_MODULUS:
        default:
          pb->sw_re[i] = pb->sw_im[i] = 1 / mod;
          break;
        }
      /* |Z| = 0 exactly: such a point carries no information to weight. */
      if (!isfinite (pb->sw_re[i]))
        pb->sw_re[i] = 0;
      if (!isfinite (pb->sw_im[i]))
        pb->sw_im[i] = 0;
    }
}

/* ---- one start ------------------------------------------------------------- */

typedef struct
{
  double  *p;          /* every parameter at the end           */
  double   chi2;
  guint    iterations;
  gboolean converged;
} Outcome;

/* FALSE only when cancelled or when GSL fails before the first step. */
static gboolean
run_start (Problem                        *pb,
           gsl_multifit_nlinear_workspace *w,
           gsl_multifit_nlinear_fdf       *fdf,
           const double                   *start,
           guint                           max_iterations,
           GCancellable                   *cancellable,
           Outcome                        *out,
           GError                        **error)
{
  gsl_vector *x0 = gsl_vector_alloc (pb->n_free);
  guint no_progress = 0;
  double history[STALL_WINDOW];
  int status, info = 0;

  memcpy (pb->p, start, pb->n_params * sizeof (double));
  /* Each coupled CPE's reference: the point where its |Z| at the start is
   * nearest the data's (on a log scale). */
  for (guint j = 0; j < pb->n_free; j++)
    if (!pb->is_alpha[j] && pb->partner[j] >= 0)
      {
        double q = start[pb->free_index[j]], alpha = start[pb->free_index[pb->partner[j]]];
        double best = G_MAXDOUBLE;

        pb->ln_omega_ref[j] = 0;
        for (guint i = 0; i < pb->n; i++)
          {
            double ln_w = log (pb->omega[i]);
            double gap = fabs (-log (q) - alpha * ln_w - log (hypot (pb->zr[i], pb->zi[i])));

            if (gap < best)
              {
                best = gap;
                pb->ln_omega_ref[j] = ln_w;
              }
          }
      }
  for (guint j = 0; j < pb->n_free; j++)
    gsl_vector_set (x0, j, to_internal (pb, j, start));
  status = gsl_multifit_nlinear_init (x0, fdf, w);
  gsl_vector_free (x0);
  if (status != GSL_SUCCESS)
    {
      g_set_error (error, SP_EIS_FIT_ERROR, SP_EIS_FIT_ERROR_FAILED,
                   _("the fit could not start: %s"), gsl_strerror (status));
      return FALSE;
    }

  out->converged = FALSE;
  for (out->iterations = 0; out->iterations < max_iterations;)
    {
      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;
      status = gsl_multifit_nlinear_iterate (w);
      out->iterations++;
      if (status == GSL_ENOPROG)
        {
          /* No step lowers χ² any more, however short: a minimum to the
           * precision of the arithmetic. */
          if (++no_progress >= 3 || out->iterations == 1)
            {
              out->converged = TRUE;
              break;
            }
        }
      else if (status != GSL_SUCCESS)
        break;   /* the best point so far stands; not converged */
      else
        no_progress = 0;

      status = gsl_multifit_nlinear_test (1e-10, 1e-10, 0, &info, w);
      if (status == GSL_SUCCESS)
        {
          out->converged = TRUE;
          break;
        }

      /* χ² no longer falling: less than 1e-9 of itself over the last
       * STALL_WINDOW iterations.  What still moves then is a parameter the
       * data cannot pin (an R₀ far below the arcs, an α creeping to 1),
       * whose ln p or logit α would crawl toward infinity for hundreds of
       * iterations without changing the fit. */
      {
        double norm = gsl_blas_dnrm2 (gsl_multifit_nlinear_residual (w));
        double chi2 = norm * norm, *slot = &history[out->iterations % STALL_WINDOW];

        if (out->iterations > STALL_WINDOW && *slot - chi2 <= 1e-9 * chi2)
          {
            out->converged = TRUE;
            break;
          }
        *slot = chi2;
      }
    }

  unpack (pb, gsl_multifit_nlinear_position (w));
  memcpy (out->p, pb->p, pb->n_params * sizeof (double));
  {
    double norm = gsl_blas_dnrm2 (gsl_multifit_nlinear_residual (w));

    out->chi2 = norm * norm;
  }
  return TRUE;
}

/* ---- judging a fit --------------------------------------------------------- */

static double
rms_relative (const Problem *pb,
              const double  *p)
{
  double sum = 0;

  for (guint i = 0; i < pb->n; i++)
    {
      double complex z = sp_circuit_eval (pb->circuit, p, pb->omega[i]);
      double mod = hypot (pb->zr[i], pb->zi[i]);
      double dr = creal (z) - pb->zr[i], di = cimag (z) - pb->zi[i];

      if (mod > 0)
        sum += (dr * dr + di * di) / (mod * mod);
    }
  return sqrt (sum / (2 * pb->n));
}

/* The Wald–Wolfowitz z of the residual signs (Z′ and Z″ each at
 * descending frequency, one after the other): strongly negative when the
 * residuals run in long stretches of one sign. */
static double
runs_z (const Problem *pb,
        const double  *p,
        const guint   *order)
{
  double n_pos = 0, n_neg = 0, runs = 0, n, mu, var;
  int prev = 0;

  for (guint part = 0; part < 2; part++)
    {
      prev = 0;
      for (guint k = 0; k < pb->n; k++)
        {
          guint i = order[k];
          double complex z = sp_circuit_eval (pb->circuit, p, pb->omega[i]);
          double r = part == 0 ? creal (z) - pb->zr[i] : cimag (z) - pb->zi[i];
          int sign = r > 0 ? 1 : r < 0 ? -1 : 0;

          if (sign == 0)
            continue;
          if (sign > 0)
            n_pos++;
          else
            n_neg++;
          if (sign != prev)
            runs++;
          prev = sign;
        }
    }
  n = n_pos + n_neg;
  if (n_pos == 0 || n_neg == 0 || n < 10)
    return 0;
  mu = 2 * n_pos * n_neg / n + 1;
  var = (mu - 1) * (mu - 2) / (n - 1);
  return var > 0 ? (runs - mu) / sqrt (var) : 0;
}

static gboolean
fit_is_poor (const Problem *pb,
             const Outcome *o,
             const guint   *order)
{
  double rms;

  if (!o->converged)
    return TRUE;
  rms = rms_relative (pb, o->p);
  /* Beyond 5 % RMS no measurement is that noisy: a wrong valley or a
   * wrong model, and the other starts may tell which. */
  if (!(rms <= 0.05))
    return TRUE;
  /* Exact data leave only round-off, whose signs mean nothing. */
  return rms > 1e-6 && runs_z (pb, o->p, order) < -3;
}

/* ---- the result ------------------------------------------------------------ */

static int
compare_freq_descending (gconstpointer a,
                         gconstpointer b,
                         gpointer      data)
{
  const double *w = data;
  double wa = w[*(const guint *) a], wb = w[*(const guint *) b];

  return (wa < wb) - (wa > wb);
}

/* Standard errors from the weighted Jacobian in the original parameters,
 * its columns scaled by p (by 1 for α) so that the rank test compares
 * like with like: cov = S (J̃ᵀJ̃)⁻¹ S · χ²/dof. */
static void
fill_std_errors (Problem        *pb,
                 SpEisFitResult *r,
                 GString        *undetermined)
{
  gsl_matrix *jac, *cov;
  double scale = r->dof > 0 ? r->chi2 / r->dof : NAN;

  for (guint k = 0; k < pb->n_params; k++)
    r->std_error[k] = 0;
  if (pb->n_free == 0)
    return;

  jac = gsl_matrix_alloc (2 * pb->n, pb->n_free);
  cov = gsl_matrix_alloc (pb->n_free, pb->n_free);
  memcpy (pb->p, r->value, pb->n_params * sizeof (double));
  for (guint i = 0; i < pb->n; i++)
    {
      sp_circuit_eval_jacobian (pb->circuit, pb->p, pb->omega[i], pb->dz);
      for (guint j = 0; j < pb->n_free; j++)
        {
          guint k = pb->free_index[j];
          double s = pb->is_alpha[j] ? 1 : pb->p[k];

          gsl_matrix_set (jac, 2 * i, j, pb->sw_re[i] * creal (pb->dz[k]) * s);
          gsl_matrix_set (jac, 2 * i + 1, j, pb->sw_im[i] * cimag (pb->dz[k]) * s);
        }
    }
  if (gsl_multifit_nlinear_covar (jac, 1e-12, cov) != GSL_SUCCESS)
    gsl_matrix_set_all (cov, 0);
  for (guint j = 0; j < pb->n_free; j++)
    {
      guint k = pb->free_index[j];
      double s = pb->is_alpha[j] ? 1 : r->value[k];
      double c = gsl_matrix_get (cov, j, j);

      if (c > 0 && isfinite (c))
        r->std_error[k] = s * sqrt (c * scale);
      else
        {
          r->std_error[k] = NAN;
          g_string_append_printf (undetermined, "%s%s", undetermined->len ? ", " : "",
                                  sp_circuit_get_param_name (pb->circuit, k));
        }
    }
  gsl_matrix_free (jac);
  gsl_matrix_free (cov);
}

static SpEisFitResult *
make_result (Problem             *pb,
             const SpEisSpectrum *spectrum,
             const Outcome       *best,
             const double        *start,
             guint                n_starts,
             guint                max_iterations)
{
  SpEisFitResult *r = g_new0 (SpEisFitResult, 1);
  g_autoptr(GString) undetermined = g_string_new (NULL);
  guint n = pb->n;

  r->n_params = pb->n_params;
  r->value = g_memdup2 (best->p, MAX (pb->n_params, 1) * sizeof (double));
  r->initial = g_memdup2 (start, MAX (pb->n_params, 1) * sizeof (double));
  r->std_error = g_new0 (double, MAX (pb->n_params, 1));
  r->fixed = g_new (gboolean, MAX (pb->n_params, 1));
  for (guint k = 0; k < pb->n_params; k++)
    r->fixed[k] = TRUE;
  for (guint j = 0; j < pb->n_free; j++)
    r->fixed[pb->free_index[j]] = FALSE;

  r->n_points = n;
  r->n_free = pb->n_free;
  r->dof = 2 * n - pb->n_free;
  r->iterations = best->iterations;
  r->n_starts = n_starts;
  r->converged = best->converged;

  r->freq_hz = g_memdup2 (spectrum->freq_hz, n * sizeof (double));
  r->z_fit_re_ohm = g_new (double, n);
  r->z_fit_im_ohm = g_new (double, n);
  r->rel_residual_re = g_new (double, n);
  r->rel_residual_im = g_new (double, n);
  r->chi2 = 0;
  for (guint i = 0; i < n; i++)
    {
      double complex z = sp_circuit_eval (pb->circuit, r->value, pb->omega[i]);
      double mod = hypot (pb->zr[i], pb->zi[i]);
      double dr = pb->zr[i] - creal (z), di = pb->zi[i] - cimag (z);

      r->z_fit_re_ohm[i] = creal (z);
      r->z_fit_im_ohm[i] = cimag (z);
      r->rel_residual_re[i] = mod > 0 ? dr / mod : 0;
      r->rel_residual_im[i] = mod > 0 ? di / mod : 0;
      r->chi2 += pb->sw_re[i] * pb->sw_re[i] * dr * dr + pb->sw_im[i] * pb->sw_im[i] * di * di;
    }
  r->reduced_chi2 = r->dof > 0 ? r->chi2 / r->dof : NAN;
  r->rms_relative = rms_relative (pb, r->value);

  fill_std_errors (pb, r, undetermined);
  if (!r->converged)
    r->warning = g_strdup_printf (_("the fit did not converge within %u iterations: the "
                                    "parameters are the best point it reached"),
                                  max_iterations);
  else if (undetermined->len > 0)
    r->warning = g_strdup_printf (_("the data do not determine %s (no standard error)"),
                                  undetermined->str);
  return r;
}

/* ---- checks ------------------------------------------------------------------ */

static gboolean
check_options (const SpCircuit       *circuit,
               const SpEisFitOptions *options,
               GError               **error)
{
  guint n = sp_circuit_get_n_params (circuit);

  for (guint k = 0; k < n; k++)
    {
      const char *name = sp_circuit_get_param_name (circuit, k);
      double v = options->initial != NULL ? options->initial[k] : NAN;
      gboolean fixed = options->fixed != NULL && options->fixed[k];

      if (fixed && isnan (v))
        {
          g_set_error (error, SP_EIS_FIT_ERROR, SP_EIS_FIT_ERROR_PARAMETER,
                       _("%s is to be held fixed but has no value"), name);
          return FALSE;
        }
      if (!isnan (v) && !sp_circuit_param_valid (circuit, k, v))
        {
          g_set_error (error, SP_EIS_FIT_ERROR, SP_EIS_FIT_ERROR_PARAMETER,
                       sp_circuit_get_param_kind (circuit, k) == SP_CIRCUIT_PARAM_EXPONENT
                       ? _("%s = %g is out of range: an exponent must lie in (0, 1]")
                       : _("%s = %g is out of range: it must be a positive number"),
                       name, v);
          return FALSE;
        }
    }
  return TRUE;
}

/* ---- the fit ----------------------------------------------------------------- */

SpEisFitResult *
sp_eis_fit (const SpCircuit       *circuit,
            const SpEisSpectrum   *spectrum,
            const SpEisFitOptions *options_in,
            GCancellable          *cancellable,
            GError               **error)
{
  SpEisFitOptions options;
  Problem pb = { 0 };
  g_autoptr(GPtrArray) starts = NULL;
  g_autofree guint *order = NULL;
  g_autofree double *best_p = NULL;
  g_autofree double *try_p = NULL;
  gsl_multifit_nlinear_workspace *w = NULL;
  gsl_multifit_nlinear_parameters params;
  gsl_multifit_nlinear_fdf fdf;
  Outcome best = { 0 }, trial = { 0 };
  guint best_start = 0, tried = 0, max_iterations, max_starts, n_full = 1;
  SpEisFitResult *result = NULL;

  g_return_val_if_fail (circuit != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (options_in != NULL)
    options = *options_in;
  else
    sp_eis_fit_options_init (&options);
  max_iterations = options.max_iterations ? options.max_iterations : DEFAULT_MAX_ITERATIONS;
  max_starts = options.max_starts ? options.max_starts : DEFAULT_MAX_STARTS;

  if (!sp_eis_spectrum_check (spectrum, error) || !check_options (circuit, &options, error))
    return NULL;

  pb.circuit = circuit;
  pb.n = spectrum->n_points;
  pb.n_params = sp_circuit_get_n_params (circuit);
  pb.free_index = g_new (guint, MAX (pb.n_params, 1));
  pb.is_alpha = g_new (gboolean, MAX (pb.n_params, 1));
  for (guint k = 0; k < pb.n_params; k++)
    if (options.fixed == NULL || !options.fixed[k])
      {
        pb.is_alpha[pb.n_free] = sp_circuit_get_param_kind (circuit, k) == SP_CIRCUIT_PARAM_EXPONENT;
        pb.free_index[pb.n_free++] = k;
      }
  /* Q and α of one CPE, both free, are searched together. */
  pb.partner = g_new (int, MAX (pb.n_params, 1));
  pb.ln_omega_ref = g_new0 (double, MAX (pb.n_params, 1));
  for (guint j = 0; j < pb.n_free; j++)
    {
      guint k = pb.free_index[j];

      pb.partner[j] = -1;
      if (pb.is_alpha[j] && j > 0 && pb.free_index[j - 1] == k - 1)
        {
          pb.partner[j] = j - 1;
          pb.partner[j - 1] = j;
        }
    }
  if (2 * pb.n <= pb.n_free)
    {
      g_set_error (error, SP_EIS_FIT_ERROR, SP_EIS_FIT_ERROR_TOO_FEW,
                   g_dngettext (GETTEXT_PACKAGE,
                                "%u point gives %u real values: too few for %u free "
                                "parameters (at least %u points are needed)",
                                "%u points give %u real values: too few for %u free "
                                "parameters (at least %u points are needed)", pb.n),
                   pb.n, 2 * pb.n, pb.n_free, pb.n_free / 2 + 1);
      g_free (pb.free_index);
      g_free (pb.is_alpha);
      g_free (pb.partner);
      g_free (pb.ln_omega_ref);
      return NULL;
    }

  pb.omega = g_new (double, pb.n);
  pb.zr = spectrum->z_re_ohm;
  pb.zi = spectrum->z_im_ohm;
  pb.sw_re = g_new (double, pb.n);
  pb.sw_im = g_new (double, pb.n);
  pb.p = g_new (double, MAX (pb.n_params, 1));
  pb.dz = g_new (double complex, MAX (pb.n_params, 1));
  order = g_new (guint, pb.n);
  for (guint i = 0; i < pb.n; i++)
    {
      pb.omega[i] = 2 * G_PI * spectrum->freq_hz[i];
      order[i] = i;
    }
  g_qsort_with_data (order, pb.n, sizeof (guint), compare_freq_descending, pb.omega);
  problem_weights (&pb, options.weight);

  /* The starts: the automatic guess and its variants, each with the
   * values the caller gave laid over it. */
  starts = sp_eis_guess_variants (circuit, spectrum, max_starts, &n_full, error);
  if (starts == NULL)
    goto out;
  for (guint s = 0; s < starts->len; s++)
    {
      double *p = starts->pdata[s];

      for (guint k = 0; k < pb.n_params; k++)
        if (options.initial != NULL && !isnan (options.initial[k]))
          p[k] = options.initial[k];
      /* Drop a start that the overlay made equal to an earlier one. */
      for (guint t = 0; t < s; t++)
        if (memcmp (starts->pdata[t], p, pb.n_params * sizeof (double)) == 0)
          {
            if (s < n_full)
              n_full--;
            g_ptr_array_remove_index (starts, s--);
            break;
          }
    }

  best_p = g_new (double, MAX (pb.n_params, 1));
  try_p = g_new (double, MAX (pb.n_params, 1));
  best.p = best_p;
  trial.p = try_p;

  if (pb.n_free == 0)
    {
      /* Nothing to fit: the given values, judged. */
      memcpy (best_p, starts->pdata[0], pb.n_params * sizeof (double));
      best.converged = TRUE;
      result = make_result (&pb, spectrum, &best, starts->pdata[0], 1, max_iterations);
      goto out;
    }

  fdf.f = residual_f;
  fdf.df = residual_df;
  fdf.fvv = NULL;
  fdf.n = 2 * pb.n;
  fdf.p = pb.n_free;
  fdf.params = &pb;
  params = gsl_multifit_nlinear_default_parameters ();
  params.trs = gsl_multifit_nlinear_trs_lm;
  w = gsl_multifit_nlinear_alloc (gsl_multifit_nlinear_trust, &params, fdf.n, fdf.p);
  if (w == NULL)
    {
      g_set_error (error, SP_EIS_FIT_ERROR, SP_EIS_FIT_ERROR_FAILED,
                   _("the fit could not allocate its workspace"));
      goto out;
    }

  for (guint s = 0; s < starts->len; s++)
    {
      Outcome *o = s == 0 ? &best : &trial;
      /* The two readings of the arcs run to the end; the variants (when
       * the fit is poor) only explore, and the best of them is finished
       * below. */
      guint budget = s < n_full ? max_iterations : MIN (max_iterations, EXPLORE_ITERATIONS);

      if (!run_start (&pb, w, &fdf, starts->pdata[s], budget, cancellable, o, error))
        goto out;
      tried++;
      if (s > 0 && isfinite (trial.chi2) &&
          (!isfinite (best.chi2) || trial.chi2 < best.chi2 ||
           (trial.converged && !best.converged && trial.chi2 <= best.chi2 * (1 + 1e-9))))
        {
          memcpy (best_p, try_p, pb.n_params * sizeof (double));
          best.chi2 = trial.chi2;
          best.iterations = trial.iterations;
          best.converged = trial.converged;
          best_start = s;
        }
      if (s + 1 >= n_full && !fit_is_poor (&pb, &best, order))
        break;
    }

  /* An exploring start won but stopped short: finish it from where it
   * stopped. */
  if (!best.converged && best_start >= n_full && best.iterations < max_iterations)
    {
      g_autofree double *from = g_memdup2 (best_p, pb.n_params * sizeof (double));

      if (!run_start (&pb, w, &fdf, from, max_iterations - best.iterations, cancellable, &trial,
                      error))
        goto out;
      if (isfinite (trial.chi2) && trial.chi2 <= best.chi2)
        {
          memcpy (best_p, try_p, pb.n_params * sizeof (double));
          best.chi2 = trial.chi2;
          best.converged = trial.converged;
        }
      best.iterations += trial.iterations;
    }
  result = make_result (&pb, spectrum, &best, starts->pdata[best_start], tried, max_iterations);

out:
  if (w != NULL)
    gsl_multifit_nlinear_free (w);
  g_free (pb.omega);
  g_free (pb.sw_re);
  g_free (pb.sw_im);
  g_free (pb.p);
  g_free (pb.dz);
  g_free (pb.free_index);
  g_free (pb.is_alpha);
  g_free (pb.partner);
  g_free (pb.ln_omega_ref);
  return result;
}
