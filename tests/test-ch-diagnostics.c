/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-ch-diagnostics.c — F, mean c, S(k), L(t) and wavelengths on fields
 * whose values are known in closed form */

#include "config.h"

#include <math.h>
#include <string.h>

#include "sp-ch.h"
#include "sp-ch-diagnostics.h"
#include "sp-ch-private.h"
#include "sp-gsl.h"
#include "test-helpers.h"

static SpCh *
engine_with_field (SpChParams *p,
                   double    (*field) (double x, double y, gpointer data),
                   gpointer    data)
{
  SpCh *ch = sp_ch_new (p, NULL);
  g_autofree double *c = g_new (double, (gsize) p->n * p->n);
  double dx = p->length / p->n;

  for (guint i = 0; i < p->n; i++)
    for (guint j = 0; j < p->n; j++)
      c[(gsize) i * p->n + j] = field (j * dx, i * dx, data);
  sp_ch_set_field (ch, c);
  return ch;
}

typedef struct
{
  double c0, a1, a2;
  double k1x, k1y, k2x;
} Modes;

static double
modes_field (double   x,
             double   y,
             gpointer data)
{
  const Modes *m = data;

  return m->c0 + m->a1 * cos (m->k1x * x + m->k1y * y) + m->a2 * sin (m->k2x * x);
}

static void
test_uniform (void)
{
  SpChParams p;
  Modes m = { .c0 = 0.37 };
  g_autoptr(SpCh) ch = NULL;
  SpChDiagnostics d;

  sp_ch_params_init_default (&p);
  p.n = 64;
  p.length = 50.0;
  p.model.c0 = 0.37;
  ch = engine_with_field (&p, modes_field, &m);
  sp_ch_diagnostics_compute (ch, &d);

  sp_assert_close (d.mean_c, 0.37, 1e-15, 0.0);
  sp_assert_close (d.free_energy, 50.0 * 50.0 * sp_model_g (&p.model, 0.37), 1e-13, 0.0);
  g_assert_cmpfloat (d.mean_k, ==, 0.0);
  g_assert_true (isnan (d.length_scale));
  g_assert_cmpfloat (d.time, ==, 0.0);
  sp_ch_diagnostics_clear (&d);
}

/* One cosine mode along a lattice direction: the gradient energy is
 * (κ/2) a² k² L²/2, S peaks in its ring, ⟨k⟩ = k and L(t) = 2π/k. */
static void
test_single_mode (void)
{
  SpChParams p;
  g_autoptr(SpCh) ch = NULL;
  SpChDiagnostics d;
  double length = 80.0, k, bulk = 0.0, dx;
  Modes m;

  sp_ch_params_init_default (&p);
  p.n = 128;
  p.length = length;
  p.model.c0 = 0.5;
  k = 2.0 * G_PI * 5 / length;
  m = (Modes) { .c0 = 0.5, .a1 = 0.2, .k1x = k };
  ch = engine_with_field (&p, modes_field, &m);
  sp_ch_diagnostics_compute (ch, &d);

  dx = length / p.n;
  for (guint j = 0; j < p.n; j++)
    bulk += sp_model_g (&p.model, 0.5 + 0.2 * cos (k * j * dx));
  bulk *= p.n * dx * dx;

  sp_assert_close (d.free_energy,
                   bulk + 0.5 * p.model.kappa * 0.2 * 0.2 * k * k * length * length / 2.0,
                   1e-12, 0.0);
  sp_assert_close (d.mean_c, 0.5, 1e-15, 0.0);
  sp_assert_close (d.mean_k, k, 1e-12, 0.0);
  sp_assert_close (d.length_scale, length / 5.0, 1e-12, 0.0);
  sp_assert_close (d.lambda_dominant, length / 5.0, 1e-12, 0.0);
  g_assert_cmpuint (d.n_bins, ==, 64);
  sp_assert_close (d.k[4], k, 1e-14, 0.0);
  /* All the power sits in that one ring. */
  for (guint b = 0; b < d.n_bins; b++)
    if (b != 4)
      g_assert_cmpfloat (d.structure[b], <=, 1e-24 * d.structure[4]);
  sp_ch_diagnostics_clear (&d);
}

/* Two modes: ⟨k⟩ is the power-weighted mean of their wavenumbers. */
static void
test_first_moment (void)
{
  SpChParams p;
  g_autoptr(SpCh) ch = NULL;
  SpChDiagnostics d;
  double length = 64.0, dk = 2.0 * G_PI / length;
  double k1 = dk * 5.0, k2 = dk * 12.0;   /* mode 1 along (3, 4): |k| = 5 dk */
  Modes m = { .c0 = 0.45, .a1 = 0.1, .k1x = 3 * dk, .k1y = 4 * dk, .a2 = 0.05, .k2x = k2 };
  double w1 = 0.1 * 0.1, w2 = 0.05 * 0.05;

  sp_ch_params_init_default (&p);
  p.n = 64;
  p.length = length;
  p.model.c0 = 0.45;
  ch = engine_with_field (&p, modes_field, &m);
  sp_ch_diagnostics_compute (ch, &d);

  sp_assert_close (d.mean_k, (w1 * k1 + w2 * k2) / (w1 + w2), 1e-12, 0.0);
  sp_assert_close (d.length_scale, 2.0 * G_PI * (w1 + w2) / (w1 * k1 + w2 * k2), 1e-12, 0.0);
  /* The ring average favours the stronger mode (ring 12 also spreads its
   * power over about 2.4 times as many lattice modes). */
  sp_assert_close (d.lambda_dominant, length / 5.0, 1e-12, 0.0);
  sp_ch_diagnostics_clear (&d);
}

static void
test_lambda_star (void)
{
  SpChParams p;
  double kt, g2;

  sp_ch_params_init_default (&p);
  p.model.c0 = 0.3;
  p.model.stiffness = 5.0;
  kt = SP_KT (p.model.temperature);
  g2 = kt / (0.3 * 0.7) - 2.0 * p.model.omega + 2.0 * p.model.stiffness;
  sp_assert_close (sp_ch_lambda_star (&p), 2.0 * G_PI * sqrt (2.0 * p.model.kappa / -g2), 1e-12, 0.0);

  p.model.c0 = 0.05;   /* outside the spinodal */
  g_assert_true (isnan (sp_ch_lambda_star (&p)));

  /* PFHub: f''(0.5) = −0.8, κ = 2. */
  sp_ch_params_init_pfhub1a (&p);
  sp_assert_close (sp_ch_lambda_star (&p), 2.0 * G_PI * sqrt (2.0 * 2.0 / 0.8), 1e-12, 0.0);
}

/* PFHub's double well in its own units: F of a uniform field and a mode. */
static void
test_pfhub_energy (void)
{
  SpChParams p;
  g_autoptr(SpCh) ch = NULL;
  double k = 2.0 * G_PI * 3 / 32.0, bulk = 0.0;
  Modes m = { .c0 = 0.5, .a1 = 0.1, .k1y = k };

  sp_ch_params_init_pfhub1a (&p);
  p.n = 32;
  p.length = 32.0;
  ch = engine_with_field (&p, modes_field, &m);
  for (guint i = 0; i < p.n; i++)
    {
      double c = 0.5 + 0.1 * cos (k * i);
      bulk += 5.0 * pow (c - 0.3, 2) * pow (0.7 - c, 2);
    }
  bulk *= p.n;
  sp_assert_close (sp_ch_free_energy (ch), bulk + 0.5 * 2.0 * 0.01 * k * k * 32.0 * 32.0 / 2.0,
                   1e-12, 0.0);
}

static void
test_copy (void)
{
  SpChParams p;
  g_autoptr(SpCh) ch = NULL;
  SpChDiagnostics a, b;

  sp_ch_params_init_default (&p);
  p.n = 32;
  ch = sp_ch_new (&p, NULL);
  sp_ch_diagnostics_compute (ch, &a);
  sp_ch_diagnostics_copy (&a, &b);
  g_assert_true (a.structure != b.structure);
  g_assert_cmpmem (a.structure, a.n_bins * sizeof (double), b.structure, b.n_bins * sizeof (double));
  sp_ch_diagnostics_clear (&a);
  g_assert_cmpfloat (b.k[0], ==, 2.0 * G_PI / p.length);
  sp_ch_diagnostics_clear (&b);
  g_assert_null (b.k);
}

/* The vectorised f(c) the diagnostic sums against the scalar
 * sp_ch_free_energy_f(): pointwise, in the sum, and in F itself, for the
 * material (with and without Redlich–Kister terms, c up to 1e-12 from
 * either bound) and PFHub's double well. */
static void
check_density (const SpChParams *p)
{
  g_autoptr(SpCh) ch = NULL;
  g_autoptr(GRand) rand = g_rand_new_with_seed (7);
  gsize np = (gsize) p->n * p->n;
  g_autofree double *c = g_new (double, np);
  g_autofree double *f = g_new (double, np);
  const double *chat;
  SpChFreeEnergy fe;
  double sum_vec = 0.0, sum_ref = 0.0, scale = 0.0, grad = 0.0, dx = p->length / p->n;
  double dk = 2.0 * G_PI / p->length;
  guint nh = p->n / 2 + 1;

  for (gsize i = 0; i < np; i++)
    c[i] = g_rand_double_range (rand, 0.02, 0.98);
  c[0] = 1e-12;
  c[1] = 1.0 - 1e-12;
  c[2] = 0.5;
  ch = sp_ch_new (p, NULL);
  g_assert_nonnull (ch);
  sp_ch_set_field (ch, c);
  memcpy (c, sp_ch_get_field (ch), np * sizeof (double));
  sp_ch_free_energy_init (&fe, p);
  sp_ch_kernel_free_energy_density (&fe, c, f, np);

  for (gsize i = 0; i < np; i++)
    {
      double ref = sp_ch_free_energy_f (&fe, c[i]);
      double tol = 1e-12 * (fabs (ref) + fabs (fe.kt));

      if (!(fabs (f[i] - ref) <= tol))
        g_error ("f(%.17g): vectorised %.17g, scalar %.17g", c[i], f[i], ref);
      sum_vec += f[i];
      sum_ref += ref;
      scale += fabs (ref);
    }
  g_assert_cmpfloat (fabs (sum_vec - sum_ref), <=, 1e-12 * scale);

  /* F with an independent gradient term: Σ|k|²|ĉ|² over the half spectrum. */
  chat = sp_ch_get_spectrum (ch);
  for (guint i = 0; i < p->n; i++)
    for (guint j = 0; j < nh; j++)
      {
        double ky = (i <= p->n / 2 ? (double) i : (double) i - p->n) * dk, kx = j * dk;
        const double *z = chat + 2 * ((gsize) i * nh + j);
        double w = (j == 0 || 2 * j == p->n) ? 1.0 : 2.0;

        grad += w * (kx * kx + ky * ky) * (z[0] * z[0] + z[1] * z[1]);
      }
  sp_assert_close (sp_ch_free_energy (ch),
                   dx * dx * (sum_ref + 0.5 * fe.kappa * grad / (double) np), 1e-12, 0.0);
}

static void
test_vectorised_density (void)
{
  SpChParams p;

  sp_ch_params_init_default (&p);
  p.n = 64;
  p.length = 40.0;
  check_density (&p);
  p.model.mobility = SP_MOBILITY_CONSTANT;
  p.model.rk[0] = 30.0;
  p.model.rk[1] = -12.0;
  p.model.rk[3] = 5.0;
  p.model.stiffness = 40.0;
  check_density (&p);
  sp_ch_params_init_pfhub1a (&p);
  p.n = 48;
  p.length = 48.0;
  check_density (&p);
}

/* The mean a frame reports is the conserved k = 0 mode: the field's own
 * mean after many steps, to round-off. */
static void
test_mean_is_conserved_mode (void)
{
  SpChParams p;
  g_autoptr(SpCh) ch = NULL;
  SpChDiagnostics d;

  sp_ch_params_init_default (&p);
  p.n = 64;
  p.length = 32.0;
  p.model.c0 = 0.43;
  ch = sp_ch_new (&p, NULL);
  for (guint s = 0; s < 200; s++)
    g_assert_true (sp_ch_step (ch, NULL));
  sp_ch_diagnostics_compute (ch, &d);
  sp_assert_close (d.mean_c, sp_ch_mean_composition (ch), 1e-14, 0.0);
  sp_assert_close (d.mean_c, 0.43, 1e-14, 0.0);
  sp_ch_diagnostics_clear (&d);
}

int
main (int    argc,
      char **argv)
{
  sp_gsl_init ();
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/ch-diagnostics/uniform", test_uniform);
  g_test_add_func ("/ch-diagnostics/single-mode", test_single_mode);
  g_test_add_func ("/ch-diagnostics/first-moment", test_first_moment);
  g_test_add_func ("/ch-diagnostics/lambda-star", test_lambda_star);
  g_test_add_func ("/ch-diagnostics/pfhub-energy", test_pfhub_energy);
  g_test_add_func ("/ch-diagnostics/copy", test_copy);
  g_test_add_func ("/ch-diagnostics/vectorised-density", test_vectorised_density);
  g_test_add_func ("/ch-diagnostics/mean-is-conserved-mode", test_mean_is_conserved_mode);

  return g_test_run ();
}
