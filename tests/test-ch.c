/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-ch.c — the Cahn–Hilliard engine against closed forms and invariants */

#include "config.h"

#include <float.h>
#include <math.h>
#include <string.h>

#include "sp-ch.h"
#include "sp-ch-diagnostics.h"
#include "sp-ch-private.h"
#include "sp-gsl.h"
#include "sp-presets.h"
#include "test-helpers.h"

static void
textbook (SpChParams *p,
          SpMobility  mobility,
          double      c0,
          guint       n)
{
  sp_ch_params_init_default (p);
  p->model.mobility = mobility;
  p->model.c0 = c0;
  p->n = n;
  /* Δx = 0.5 nm resolves the textbook interfaces (width ≈ 1.4 nm, with
   * sub-nanometre tails near the binodal compositions). */
  p->length = 0.5 * n;
}

/* The expanded polynomial must be the model's free energy, with every term
 * switched on (asymmetric Redlich–Kister, strain, vibrational entropy). */
static void
test_free_energy_polynomial (void)
{
  SpChParams p;
  SpChFreeEnergy fe;

  sp_ch_params_init_default (&p);
  p.model.omega = 120.0;
  p.model.s1 = 0.7;
  p.model.stiffness = 31.0;
  p.model.rk[0] = 12.5;
  p.model.rk[1] = -7.0;
  p.model.rk[2] = 3.25;
  p.model.rk[3] = -1.5;
  sp_ch_free_energy_init (&fe, &p);

  for (double c = 0.001; c < 1.0; c += 0.0137)
    {
      double x = 1.0 - 2.0 * c;

      sp_assert_close (sp_ch_free_energy_f (&fe, c), sp_model_g (&p.model, c), 1e-12, 1.0);
      sp_assert_close (sp_ch_poly (fe.mu_rest, x), sp_model_mu_rest (&p.model, c), 1e-12, 1.0);
      sp_assert_close (sp_ch_poly (fe.mu_rest_prime, x), sp_model_mu_rest_prime (&p.model, c),
                       1e-12, 1.0);
    }
}

/* The material pass takes ln(c/(1 − c)) from a vectorised logarithm
 * (libmvec where available): it must agree with the scalar libm one to a
 * few ulps over the whole range, extreme compositions included, and keep
 * NaN for compositions outside (0, 1) (the step control relies on it). */
static void
test_vector_logit (void)
{
  enum { N = 4099 };   /* odd: the vector loop's scalar tail runs too */
  g_autofree double *c = g_new (double, N);
  g_autofree double *out = g_new (double, N);
  double worst = 0.0;

  for (guint i = 0; i < N; i++)
    {
      /* log-spaced towards both ends: 5e-16 … ½ … 1 − 5e-16 */
      double u = (i + 0.5) / N, tail = 0.5 * pow (10.0, -15.0 * fabs (1.0 - 2.0 * u));

      c[i] = u < 0.5 ? tail : 1.0 - tail;
    }
  sp_ch_kernel_logit (c, out, N);
  for (guint i = 0; i < N; i++)
    {
      double ref = log (c[i] / (1.0 - c[i]));
      double err = fabs (out[i] - ref) / MAX (fabs (ref), G_MINDOUBLE);

      worst = MAX (worst, err);
      g_assert_cmpfloat (err, <=, 4.0 * DBL_EPSILON);
    }
  g_test_message ("kernels: %s, worst relative difference to libm %.3g", sp_ch_kernel_isa (), worst);

  /* Inside a vector, not only in the scalar tail. */
  for (guint i = 0; i < 16; i++)
    c[i] = 0.3;
  c[3] = -0.1;
  c[8] = 1.5;
  sp_ch_kernel_logit (c, out, 16);
  for (guint i = 0; i < 16; i++)
    g_assert_true (isnan (out[i]) == (i == 3 || i == 8));
}

/* Projection of the field on cos(k x) along x: the mode's amplitude. */
static double
mode_amplitude (SpCh  *ch,
                guint  m)
{
  guint n = sp_ch_get_n (ch);
  const double *c = sp_ch_get_field (ch);
  double sum = 0.0;

  for (guint i = 0; i < n; i++)
    for (guint j = 0; j < n; j++)
      sum += c[(gsize) i * n + j] * cos (2.0 * G_PI * m * j / n);
  return 2.0 * sum / ((double) n * n);
}

/* σ(k) = −M(c0) k² (g''(c0) + κ k²) from the closed forms of PHYSICS.md,
 * independently of the engine and of sp-kinetics. */
static double
closed_form_sigma (const SpModel *m,
                   double         k)
{
  double kt = SP_KT (m->temperature);
  double omega_eff = m->omega - m->s1 * kt;
  double c0 = m->c0;
  double g2 = kt / (c0 * (1.0 - c0)) - 2.0 * omega_eff + 2.0 * m->stiffness;
  double mob = m->mobility == SP_MOBILITY_CONSTANT ? m->d0 / (4.0 * kt)
                                                   : m->d0 / kt * c0 * (1.0 - c0);

  return -mob * k * k * (g2 + m->kappa * k * k);
}

static void
check_growth_on (SpMobility mobility,
                 double     c0,
                 guint      n)
{
  SpChParams p;
  double g2, k_ref, rate_ref;

  textbook (&p, mobility, c0, n);
  p.model.stiffness = 10.0;          /* exercise the strain term too */
  g2 = SP_KT (p.model.temperature) / (c0 * (1 - c0)) - 2.0 * p.model.omega + 2.0 * p.model.stiffness;
  /* A box holding modes on both sides of the band edge (or, when stable,
   * decaying at comparable rates). */
  k_ref = sqrt (fabs (g2) / (2.0 * p.model.kappa));
  p.length = 2.0 * 2.0 * G_PI / k_ref;

  for (guint m = 1; m <= 4; m++)
    {
      g_autoptr(SpCh) ch = NULL;
      g_autofree double *field = g_new (double, (gsize) p.n * p.n);
      double k = 2.0 * G_PI * m / p.length;
      double sigma = closed_form_sigma (&p.model, k);
      double a0, a1, t_end, measured;

      /* dt: a first-order scheme's growth error is ~ dt·rate/2; keep it
       * near 1e-4 of the stiffest rate involved. */
      rate_ref = fabs (sigma) + sp_model_mobility (&p.model, c0) * (fabs (g2) * k * k + p.model.kappa * k * k * k * k)
                 + p.model.d0 * k * k;
      p.dt_max = 2e-4 / rate_ref;
      ch = sp_ch_new (&p, NULL);
      g_assert_nonnull (ch);
      for (guint i = 0; i < p.n; i++)
        for (guint j = 0; j < p.n; j++)
          field[(gsize) i * p.n + j] = c0 + 1e-7 * cos (k * j * p.length / p.n);
      sp_ch_set_field (ch, field);

      a0 = mode_amplitude (ch, m);
      t_end = 0.7 / fabs (sigma);
      g_assert_true (sp_ch_advance_to (ch, t_end, NULL));
      a1 = mode_amplitude (ch, m);
      measured = log (a1 / a0) / t_end;

      g_test_message ("c0 %.2f m %u: sigma = %.6g, measured %.6g (%.2e rel.)",
                      c0, m, sigma, measured, fabs (measured - sigma) / fabs (sigma));
      /* The issue asks for 1 %; a first-order step this small does 1e-3. */
      sp_assert_close (measured, sigma, 1e-3, 0.0);
    }
}

static void
check_growth (SpMobility mobility,
              double     c0)
{
  check_growth_on (mobility, c0, 32);
}

static void
test_growth_constant (void)
{
  /* An odd grid too: its padded rows in the in-place transforms hold one
   * spare double, an even grid's two. */
  check_growth_on (SP_MOBILITY_CONSTANT, 0.5, 27);
  check_growth (SP_MOBILITY_CONSTANT, 0.5);
  check_growth (SP_MOBILITY_CONSTANT, 0.35);
  check_growth (SP_MOBILITY_CONSTANT, 0.05);     /* outside the spinodal: all decay */
}

static void
test_growth_site_blocking (void)
{
  check_growth_on (SP_MOBILITY_SITE_BLOCKING, 0.5, 27);
  check_growth (SP_MOBILITY_SITE_BLOCKING, 0.5);
  check_growth (SP_MOBILITY_SITE_BLOCKING, 0.35);
  check_growth (SP_MOBILITY_SITE_BLOCKING, 0.05);
}

/* |ĉ| of the modes (kx, ky) = (m, 0) and (0, m) of the current spectrum. */
static void
axis_modes (SpCh   *ch,
            guint   m,
            double  out[2])
{
  guint n = sp_ch_get_n (ch), nh = n / 2 + 1;
  const double *z = sp_ch_get_spectrum (ch);
  const double *a = z + 2 * (gsize) m, *b = z + 2 * ((gsize) m * nh);

  out[0] = hypot (a[0], a[1]);
  out[1] = hypot (b[0], b[1]);
}

/* Issue 12: at the DEFAULT tolerance (no dt_max), the fastest mode k* of
 * every preset that separates grows at σ_max within 2 %, for both
 * mobilities, from a single Fourier mode and from noise (in the linear
 * regime every Fourier mode grows on its own, so the k* modes of noise do
 * too, while the controller also has the decaying short waves to step
 * through).  The box holds four λ*, so k* is mode 4 along each axis. */
static void
check_fastest_growth (const char *id,
                      SpMobility  mobility,
                      gboolean    from_noise)
{
  g_autoptr(SpPreset) preset = sp_presets_lookup (id, NULL);
  SpChParams p;
  g_autoptr(SpCh) ch = NULL;
  g_autoptr(GError) error = NULL;
  const guint m = 4;
  double g2, k_star, sigma, t_end, a0[2], a1[2];

  g_assert_nonnull (preset);
  sp_ch_params_init_default (&p);
  p.model = preset->model;
  p.model.mobility = mobility;
  g2 = sp_model_g2 (&p.model, p.model.c0);
  if (g2 >= 0.0)
    {
      g_test_message ("%s: c0 = %g is outside the spinodal, nothing grows", id, p.model.c0);
      return;
    }
  k_star = sqrt (-g2 / (2.0 * p.model.kappa));
  sigma = sp_model_mobility (&p.model, p.model.c0) * g2 * g2 / (4.0 * p.model.kappa);
  p.n = 64;
  p.length = m * 2.0 * G_PI / k_star;
  p.noise = 1e-5;
  p.tolerance = 0.0;   /* the default */
  ch = sp_ch_new (&p, &error);
  g_assert_no_error (error);
  if (!from_noise)
    {
      g_autofree double *field = g_new (double, (gsize) p.n * p.n);

      for (guint i = 0; i < p.n; i++)
        for (guint j = 0; j < p.n; j++)
          field[(gsize) i * p.n + j] = p.model.c0 + 1e-7 * (cos (2.0 * G_PI * m * j / p.n) +
                                                             cos (2.0 * G_PI * m * i / p.n));
      sp_ch_set_field (ch, field);
    }
  axis_modes (ch, m, a0);
  t_end = 4.0 / sigma;
  g_assert_true (sp_ch_advance_to (ch, t_end, &error));
  g_assert_no_error (error);
  axis_modes (ch, m, a1);

  for (guint d = 0; d < 2; d++)
    {
      double measured = log (a1[d] / a0[d]) / t_end;

      g_test_message ("%s %s %s axis %u: σ_max = %.6g, measured %.6g (%+.2e rel.), %"
                      G_GUINT64_FORMAT " steps, %" G_GUINT64_FORMAT " retried",
                      id, mobility == SP_MOBILITY_CONSTANT ? "constant" : "site-blocking",
                      from_noise ? "noise" : "mode", d, sigma, measured, measured / sigma - 1.0,
                      sp_ch_get_steps (ch), sp_ch_get_rejected (ch));
      sp_assert_close (measured, sigma, 0.02, 0.0);
    }
}

static void
test_fastest_growth_default_tolerance (void)
{
  static const char *const ids[] = { "lifepo4", "lto", "textbook", "two-plateau", "solid-solution" };

  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    for (guint mob = 0; mob < 2; mob++)
      {
        SpMobility mobility = mob ? SP_MOBILITY_CONSTANT : SP_MOBILITY_SITE_BLOCKING;

        check_fastest_growth (ids[i], mobility, FALSE);
        check_fastest_growth (ids[i], mobility, TRUE);
      }
}

/* δF/δc = f'(c) − κ∇²c of the current field, by its own transforms. */
static void
chemical_potential (SpCh   *ch,
                    double *mu)
{
  const SpChParams *p = sp_ch_get_params (ch);
  guint n = sp_ch_get_n (ch), nh = n / 2 + 1;
  const double *c = sp_ch_get_field (ch), *z = sp_ch_get_spectrum (ch);
  double dk = 2.0 * G_PI / p->length;
  fftw_complex *lap = fftw_alloc_complex ((gsize) n * nh);
  double *out = fftw_alloc_real ((gsize) n * n);
  fftw_plan plan = fftw_plan_dft_c2r_2d ((int) n, (int) n, lap, out, FFTW_ESTIMATE);

  for (guint i = 0; i < n; i++)
    for (guint j = 0; j < nh; j++)
      {
        int ky = i <= n / 2 ? (int) i : (int) i - (int) n;
        double k2 = dk * dk * ((double) ky * ky + (double) j * j);
        gsize q = (gsize) i * nh + j;

        lap[q][0] = k2 * z[2 * q] / ((double) n * n);
        lap[q][1] = k2 * z[2 * q + 1] / ((double) n * n);
      }
  fftw_execute (plan);
  for (gsize q = 0; q < (gsize) n * n; q++)
    {
      double h = 1e-6;
      /* f' by a central difference of the tested f (independent of the
       * engine's μ), plus κ k² ĉ = −κ∇²c. */
      double f1 = (sp_ch_params_f (p, c[q] + h) - sp_ch_params_f (p, c[q] - h)) / (2.0 * h);
      mu[q] = f1 + sp_ch_params_kappa (p) * out[q];
    }
  fftw_destroy_plan (plan);
  fftw_free (lap);
  fftw_free (out);
}

/* Issue 12: the error estimate is honest.  Runs at tolerance τ and τ/2
 * differ by less than what the estimates predict: the field by at most
 * the sum of both runs' estimated local errors (RMS), F by at most
 * L² · rms(δF/δc) · that (Cauchy–Schwarz on the first variation). */
static void
check_tolerance_halving (SpChParams *p,
                         double      t_end)
{
  g_autoptr(SpCh) a = NULL;
  g_autoptr(SpCh) b = NULL;
  g_autofree double *mu = NULL;
  gsize np = (gsize) p->n * p->n;
  double tol = p->tolerance, dc2 = 0.0, mu2 = 0.0, fa, fb, bound_c, bound_f, rms_dc;
  const double *ca, *cb;

  a = sp_ch_new (p, NULL);
  p->tolerance = 0.5 * tol;
  b = sp_ch_new (p, NULL);
  p->tolerance = tol;
  g_assert_true (sp_ch_advance_to (a, t_end, NULL));
  g_assert_true (sp_ch_advance_to (b, t_end, NULL));
  ca = sp_ch_get_field (a);
  cb = sp_ch_get_field (b);
  mu = g_new (double, np);
  chemical_potential (b, mu);
  for (gsize q = 0; q < np; q++)
    {
      dc2 += (ca[q] - cb[q]) * (ca[q] - cb[q]);
      mu2 += mu[q] * mu[q];
    }
  rms_dc = sqrt (dc2 / np);
  bound_c = sp_ch_get_error_estimate (a) + sp_ch_get_error_estimate (b);
  bound_f = p->length * p->length * sqrt (mu2 / np) * bound_c;
  fa = sp_ch_free_energy (a);
  fb = sp_ch_free_energy (b);
  g_test_message ("tolerance %g → %g to t = %g (%" G_GUINT64_FORMAT " → %" G_GUINT64_FORMAT
                  " steps): F %.10g → %.10g, |ΔF| = %.3g ≤ predicted %.3g (ratio %.3g); "
                  "rms Δc = %.3g ≤ predicted %.3g", tol, 0.5 * tol, t_end, sp_ch_get_steps (a),
                  sp_ch_get_steps (b), fa, fb, fabs (fa - fb), bound_f, fabs (fa - fb) / bound_f,
                  rms_dc, bound_c);
  g_assert_cmpfloat (sp_ch_get_steps (b), >, sp_ch_get_steps (a));
  g_assert_cmpfloat (rms_dc, <=, bound_c);
  g_assert_cmpfloat (fabs (fa - fb), <=, bound_f);
}

static void
test_tolerance_halving (void)
{
  SpChParams p;

  sp_ch_params_init_pfhub1a (&p);
  p.tolerance = SP_CH_TOLERANCE_PRECISE;
  check_tolerance_halving (&p, 100.0);
  p.tolerance = SP_CH_TOLERANCE_FAST;
  check_tolerance_halving (&p, 100.0);

  textbook (&p, SP_MOBILITY_SITE_BLOCKING, 0.4, 64);
  p.tolerance = SP_CH_TOLERANCE_PRECISE;
  check_tolerance_halving (&p, 20.0);
  textbook (&p, SP_MOBILITY_CONSTANT, 0.4, 64);
  p.tolerance = SP_CH_TOLERANCE_FAST;
  check_tolerance_halving (&p, 20.0);
}

static void
check_mass (SpChParams *p)
{
  g_autoptr(SpCh) ch = sp_ch_new (p, NULL);
  double m0 = sp_ch_mean_composition (ch), worst = 0.0;

  for (guint s = 1; s <= 100000; s++)
    {
      g_assert_true (sp_ch_step (ch, NULL));
      if (s % 5000 == 0)
        worst = fmax (worst, fabs (sp_ch_mean_composition (ch) - m0) / m0);
    }
  g_test_message ("mass drift after 1e5 steps to t = %g: %.3g", sp_ch_get_time (ch), worst);
  g_assert_cmpfloat (worst, <=, 1e-12);
}

static void
test_mass (void)
{
  SpChParams p;

  textbook (&p, SP_MOBILITY_SITE_BLOCKING, 0.4, 32);
  check_mass (&p);
  textbook (&p, SP_MOBILITY_CONSTANT, 0.4, 32);
  check_mass (&p);
  sp_ch_params_init_pfhub1a (&p);
  p.n = 32;
  p.length = 32.0;
  p.init = SP_CH_INIT_NOISE;
  p.noise = 0.01;
  check_mass (&p);
}

static void
check_energy_decreases (SpChParams *p,
                        guint       steps)
{
  g_autoptr(SpCh) ch = sp_ch_new (p, NULL);
  double f = sp_ch_free_energy (ch), f0 = f;

  for (guint s = 0; s < steps; s++)
    {
      double next;

      g_assert_true (sp_ch_step (ch, NULL));
      next = sp_ch_free_energy (ch);
      /* Allow only the summation's own round-off. */
      if (next > f + 1e-13 * fabs (f))
        g_error ("F rose from %.17g to %.17g at step %u (t = %g)", f, next, s, sp_ch_get_time (ch));
      f = next;
    }
  g_test_message ("F %.8g -> %.8g over %u steps, t = %g", f0, f, steps, sp_ch_get_time (ch));
  g_assert_cmpfloat (f, <, f0);
}

static void
test_energy_decreases (void)
{
  SpChParams p;

  textbook (&p, SP_MOBILITY_SITE_BLOCKING, 0.4, 64);
  check_energy_decreases (&p, 3000);
  textbook (&p, SP_MOBILITY_CONSTANT, 0.4, 64);
  check_energy_decreases (&p, 3000);
  sp_ch_params_init_pfhub1a (&p);
  p.n = 64;
  p.length = 64.0;
  p.init = SP_CH_INIT_NOISE;
  p.noise = 0.01;
  check_energy_decreases (&p, 3000);
}

static void
test_deterministic (void)
{
  SpChParams p;
  g_autoptr(SpCh) a = NULL;
  g_autoptr(SpCh) b = NULL;
  g_autoptr(SpCh) other = NULL;
  gsize bytes;

  textbook (&p, SP_MOBILITY_SITE_BLOCKING, 0.45, 64);
  p.seed = G_GUINT64_CONSTANT (0x123456789abcdef);
  a = sp_ch_new (&p, NULL);
  b = sp_ch_new (&p, NULL);
  p.seed++;
  other = sp_ch_new (&p, NULL);
  bytes = (gsize) p.n * p.n * sizeof (double);

  for (guint s = 0; s < 500; s++)
    {
      g_assert_true (sp_ch_step (a, NULL));
      g_assert_true (sp_ch_step (b, NULL));
      g_assert_true (sp_ch_step (other, NULL));
    }
  g_assert_cmpfloat (sp_ch_get_time (a), ==, sp_ch_get_time (b));
  g_assert_cmpmem (sp_ch_get_field (a), bytes, sp_ch_get_field (b), bytes);
  g_assert_true (memcmp (sp_ch_get_field (a), sp_ch_get_field (other), bytes) != 0);

  /* A reset with the same seed replays the run exactly. */
  {
    g_autofree double *first = g_memdup2 (sp_ch_get_field (other), bytes);
    double t = sp_ch_get_time (other);

    sp_ch_reset (other, p.seed);
    for (guint s = 0; s < 500; s++)
      g_assert_true (sp_ch_step (other, NULL));
    g_assert_cmpfloat (sp_ch_get_time (other), ==, t);
    g_assert_cmpmem (sp_ch_get_field (other), bytes, first, bytes);
  }
}

/* A deep quench (Ω/k_BT ≈ 6, equilibrium compositions near 2.5e-3) must keep
 * c strictly inside (0, 1), finite, for both mobility models. */
/* c0 nearer an end than the noise amplitude: the initial field still lies
 * inside (0, 1), its mean is exactly c0, and the first steps succeed. */
static void
test_noise_near_ends (void)
{
  const double c0s[] = { 0.004, 0.996, 1e-6 };

  for (guint i = 0; i < G_N_ELEMENTS (c0s); i++)
    {
      SpChParams p;
      g_autoptr(SpCh) ch = NULL;
      g_autoptr(GError) error = NULL;
      const double *c;
      double lo = 1.0, hi = 0.0, sum = 0.0;
      gsize n2;

      textbook (&p, 0, c0s[i], 64);
      p.noise = 0.01;
      ch = sp_ch_new (&p, &error);
      g_assert_no_error (error);
      c = sp_ch_get_field (ch);
      n2 = (gsize) p.n * p.n;
      for (gsize k = 0; k < n2; k++)
        {
          lo = fmin (lo, c[k]);
          hi = fmax (hi, c[k]);
          sum += c[k];
        }
      g_assert_cmpfloat (lo, >=, 0.5 * MIN (c0s[i], 1.0 - c0s[i]) - 1e-15);
      g_assert_cmpfloat (hi, <=, 1.0 - 0.5 * MIN (c0s[i], 1.0 - c0s[i]) + 1e-15);
      g_assert_cmpfloat (fabs (sum / (double) n2 - c0s[i]), <=, 1e-12 * c0s[i] + 1e-17);
      g_assert_cmpfloat (hi - lo, >, 0.0);
      for (guint s = 0; s < 20; s++)
        g_assert_true (sp_ch_step (ch, NULL));
    }
}

static void
test_bounds (void)
{
  for (guint mob = 0; mob < 2; mob++)
    {
      SpChParams p;
      g_autoptr(SpCh) ch = NULL;

      textbook (&p, mob, 0.3, 64);
      p.model.omega = 155.0;
      p.length = 24.0;
      ch = sp_ch_new (&p, NULL);
      for (guint frame = 0; frame < 40; frame++)
        {
          const double *c = sp_ch_get_field (ch);
          double lo = 1.0, hi = 0.0;

          for (guint s = 0; s < 50; s++)
            g_assert_true (sp_ch_step (ch, NULL));
          for (gsize i = 0; i < (gsize) p.n * p.n; i++)
            {
              lo = fmin (lo, c[i]);
              hi = fmax (hi, c[i]);
            }
          g_assert_cmpfloat (lo, >, 0.0);
          g_assert_cmpfloat (hi, <, 1.0);
          if (frame == 39)
            g_test_message ("%s: t = %g, c in [%.3g, %.6f], %" G_GUINT64_FORMAT " retried",
                            mob ? "constant" : "site-blocking", sp_ch_get_time (ch), lo, hi,
                            sp_ch_get_rejected (ch));
        }
      /* It did phase-separate. */
      {
        const double *c = sp_ch_get_field (ch);
        double lo = 1.0;
        for (gsize i = 0; i < (gsize) p.n * p.n; i++)
          lo = fmin (lo, c[i]);
        g_assert_cmpfloat (lo, <, 0.05);
      }
    }
}

static void
test_advance_lands (void)
{
  SpChParams p;
  g_autoptr(SpCh) ch = NULL;

  textbook (&p, SP_MOBILITY_CONSTANT, 0.5, 32);
  ch = sp_ch_new (&p, NULL);
  g_assert_true (sp_ch_advance_to (ch, 0.37, NULL));
  g_assert_cmpfloat (sp_ch_get_time (ch), ==, 0.37);
  g_assert_true (sp_ch_advance_to (ch, 2.0, NULL));
  g_assert_cmpfloat (sp_ch_get_time (ch), ==, 2.0);
}

static void
test_params_keep_field (void)
{
  SpChParams p, q;
  g_autoptr(SpCh) ch = NULL;
  g_autoptr(GError) error = NULL;
  double mean;

  textbook (&p, SP_MOBILITY_SITE_BLOCKING, 0.4, 32);
  ch = sp_ch_new (&p, NULL);
  for (guint s = 0; s < 50; s++)
    g_assert_true (sp_ch_step (ch, NULL));
  mean = sp_ch_mean_composition (ch);

  q = p;
  q.model.kappa = 150.0;
  q.model.temperature = 280.0;
  g_assert_true (sp_ch_set_params (ch, &q, &error));
  g_assert_no_error (error);
  for (guint s = 0; s < 50; s++)
    g_assert_true (sp_ch_step (ch, NULL));
  sp_assert_close (sp_ch_mean_composition (ch), mean, 1e-14, 0.0);

  q.n = 64;
  g_assert_false (sp_ch_set_params (ch, &q, &error));
  g_assert_error (error, SP_CH_ERROR, SP_CH_ERROR_INVALID);
  g_assert_cmpuint (sp_ch_get_n (ch), ==, 32);
}

/* The pointwise passes split over 1, 2 or 3 threads: one engine replays
 * the run from its seed with each split (the same FFTW plans, so that only
 * the split differs), bit for bit, step sizes included, for both
 * mobilities and PFHub.  With FFTW's own threads too the plans themselves
 * differ (another algorithm, another rounding; even two single-threaded
 * engines may measure different plans on a loaded machine), so that run
 * is held to the round-off accumulated over the steps instead. */
static void
check_thread_split (SpChParams *p)
{
  g_autoptr(SpCh) ch = NULL;
  g_autoptr(SpCh) fft2 = NULL;
  gsize bytes = (gsize) p->n * p->n * sizeof (double);
  g_autofree double *first = NULL;
  double worst = 0.0, t1 = 0.0;
  guint64 steps1 = 0;

  p->fft_threads = 1;
  ch = sp_ch_new (p, NULL);
  for (guint threads = 1; threads <= 3; threads++)
    {
      sp_ch_reset (ch, p->seed);
      ch->threads = threads;
      for (guint s = 0; s < 300; s++)
        g_assert_true (sp_ch_step (ch, NULL));
      if (threads == 1)
        {
          first = g_memdup2 (sp_ch_get_field (ch), bytes);
          t1 = sp_ch_get_time (ch);
          steps1 = sp_ch_get_steps (ch);
          continue;
        }
      g_assert_cmpfloat (sp_ch_get_time (ch), ==, t1);
      g_assert_cmpuint (sp_ch_get_steps (ch), ==, steps1);
      g_assert_cmpmem (sp_ch_get_field (ch), bytes, first, bytes);
    }

  p->fft_threads = 2;
  fft2 = sp_ch_new (p, NULL);
  g_assert_cmpuint (fft2->threads, ==, 2);
  for (guint s = 0; s < 300; s++)
    g_assert_true (sp_ch_step (fft2, NULL));
  for (gsize i = 0; i < (gsize) p->n * p->n; i++)
    worst = fmax (worst, fabs (sp_ch_get_field (fft2)[i] - first[i]));
  g_test_message ("FFTW on 2 threads: fields differ by %.3g after 300 steps", worst);
  g_assert_cmpfloat (worst, <, 1e-9);
}

/* The scan's Σ f(c) takes the entropy's ln(1 − c) as the log of column
 * products over blocks of SP_CH_LOG_ROWS rows: it must be the scalar
 * Σ f(c) to round-off (8 ulps of every term), on a grid that is no multiple of the block (the last
 * block is short), with whole columns at 1 − c = 10⁻¹⁵ (the smallest
 * products a valid field can make), for both mobilities (only the constant
 * one's μ has the logarithm) with and without Redlich–Kister terms; the
 * same bit for bit on 1, 2 or 3 threads; and a field with a point at c ≥ 1
 * or c ≤ 0 invalid. */
static void
check_scan_energy (SpMobility mobility,
                   gboolean   redlich_kister)
{
  enum { N = 40 };
  SpChParams p;
  g_autoptr(SpCh) ch = NULL;
  g_autofree double *c = g_new (double, N * N);
  double ref = 0.0, bound = 0.0, f_one = 0.0;
  SpChScan s;

  textbook (&p, mobility, 0.45, N);
  if (redlich_kister)
    {
      p.model.rk[0] = 7.0;
      p.model.rk[2] = -3.0;
    }
  ch = sp_ch_new (&p, NULL);
  g_assert_nonnull (ch);
  g_assert_cmpint (ch->fe.mu_rest_linear, ==, !redlich_kister);

  for (guint i = 0; i < N; i++)
    for (guint j = 0; j < N; j++)
      {
        double u = (double) ((i * 37 + j * 11) % 97) / 96.0;

        /* log-spaced over 10⁻¹² … ½ … 1 − 10⁻¹², and two columns pinned
         * to 1 − 10⁻¹⁵ over every row */
        c[i * N + j] = u < 0.5 ? 0.5 * pow (10.0, -11.7 * (1.0 - 2.0 * u))
                               : 1.0 - 0.5 * pow (10.0, -11.7 * (2.0 * u - 1.0));
        if (j == 5 || j == 6)
          c[i * N + j] = 1.0 - 1e-15;
      }
  sp_ch_set_field (ch, c);
  for (gsize i = 0; i < N * N; i++)
    {
      double ci = sp_ch_get_field (ch)[i];
      double h = sp_ch_poly (ch->fe.h, 1.0 - 2.0 * ci);

      ref += sp_ch_free_energy_f (&ch->fe, ci);
      /* Round-off of either form: a few ulps of each of its terms, which
       * cancel near c = 1 (c ln(c/(1−c)) against ln(1−c)). */
      bound += 8.0 * DBL_EPSILON * (ch->fe.kt * (fabs (ci * log (ci / (1.0 - ci))) +
                                                 fabs (log1p (-ci))) + fabs (h));
    }

  for (guint threads = 1; threads <= 3; threads++)
    {
      ch->threads = threads;
      sp_ch_kernel_scan (ch, sp_ch_get_field (ch), &s);
      g_assert_true (s.valid);
      g_assert_cmpfloat (fabs (s.f_sum - ref), <=, bound);
      if (threads == 1)
        f_one = s.f_sum;
      else
        g_assert_cmpfloat (s.f_sum, ==, f_one);
    }

  /* A point on a bound or outside spoils the scan however it is split. */
  c[17 * N + 3] = 1.0;
  c[33 * N + 30] = -1e-3;
  for (guint threads = 1; threads <= 3; threads++)
    {
      ch->threads = threads;
      sp_ch_kernel_scan (ch, c, &s);
      g_assert_false (s.valid);
    }
}

static void
test_scan_energy (void)
{
  check_scan_energy (SP_MOBILITY_CONSTANT, FALSE);
  check_scan_energy (SP_MOBILITY_CONSTANT, TRUE);
  check_scan_energy (SP_MOBILITY_SITE_BLOCKING, FALSE);
  check_scan_energy (SP_MOBILITY_SITE_BLOCKING, TRUE);
}

static void
test_threads_deterministic (void)
{
  SpChParams p;

  textbook (&p, SP_MOBILITY_SITE_BLOCKING, 0.45, 64);
  check_thread_split (&p);
  textbook (&p, SP_MOBILITY_CONSTANT, 0.45, 64);
  check_thread_split (&p);
  sp_ch_params_init_pfhub1a (&p);
  p.n = 64;
  p.length = 64.0;
  check_thread_split (&p);
}

int
main (int    argc,
      char **argv)
{
  sp_gsl_init ();
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/ch/free-energy/polynomial", test_free_energy_polynomial);
  g_test_add_func ("/ch/vector-logit", test_vector_logit);
  g_test_add_func ("/ch/scan-energy", test_scan_energy);
  g_test_add_func ("/ch/linear-growth/constant", test_growth_constant);
  g_test_add_func ("/ch/linear-growth/site-blocking", test_growth_site_blocking);
  g_test_add_func ("/ch/linear-growth/fastest-default-tolerance", test_fastest_growth_default_tolerance);
  g_test_add_func ("/ch/tolerance-halving", test_tolerance_halving);
  g_test_add_func ("/ch/mass-conservation", test_mass);
  g_test_add_func ("/ch/energy-decreases", test_energy_decreases);
  g_test_add_func ("/ch/deterministic", test_deterministic);
  g_test_add_func ("/ch/threads-deterministic", test_threads_deterministic);
  g_test_add_func ("/ch/bounds", test_bounds);
  g_test_add_func ("/ch/noise-near-ends", test_noise_near_ends);
  g_test_add_func ("/ch/advance-lands", test_advance_lands);
  g_test_add_func ("/ch/set-params", test_params_keep_field);

  return g_test_run ();
}
