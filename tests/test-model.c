/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-model.c — the free energy g(c), μ, g'' and the parameter ranges */

#include "config.h"

#include <string.h>

#include "sp-gsl.h"
#include "sp-model.h"
#include "test-helpers.h"

static void
make_rk_model (SpModel *m)
{
  sp_model_init_default (m);
  m->omega = 80.0;
  m->s1 = 0.7;
  m->stiffness = 12.0;
  m->rk[0] = 15.0;
  m->rk[1] = -40.0;
  m->rk[2] = 9.0;
  m->rk[3] = 22.0;
}

/* The regular solution in closed form (PHYSICS.md), written independently. */
static void
test_closed_form (void)
{
  SpModel m;
  double kt, oe;

  sp_model_init_default (&m);
  m.s1 = 1.3;
  m.stiffness = 20.0;
  kt = SP_KT (m.temperature);
  oe = m.omega - m.s1 * kt;
  sp_assert_close (sp_model_omega_eff (&m), oe, 1e-15, 1.0);

  for (double c = 0.01; c < 1.0; c += 0.0437)
    {
      double g = kt * (c * log (c) + (1 - c) * log (1 - c)) + oe * c * (1 - c) + m.stiffness * c * c;
      double mu = kt * log (c / (1 - c)) + oe * (1 - 2 * c) + 2 * m.stiffness * c;
      double g2 = kt / (c * (1 - c)) - 2 * oe + 2 * m.stiffness;

      sp_assert_close (sp_model_g (&m, c), g, 1e-12, kt);
      sp_assert_close (sp_model_mu (&m, c), mu, 1e-12, kt);
      sp_assert_close (sp_model_g2 (&m, c), g2, 1e-12, kt);
      sp_assert_close (sp_model_mu_rest (&m, c), oe * (1 - 2 * c) + 2 * m.stiffness * c, 1e-12, kt);
      sp_assert_close (sp_model_mu_rest_prime (&m, c), -2 * oe + 2 * m.stiffness, 1e-12, kt);
    }
}

/* With Redlich–Kister terms: μ = dg/dc and g'' = dμ/dc by Richardson-
 * extrapolated central differences, an independent check of the Horner
 * derivatives. */
static double
richardson (double (*f) (const SpModel *, double), const SpModel *m, double c, double h)
{
  double d1 = (f (m, c + h) - f (m, c - h)) / (2 * h);
  double d2 = (f (m, c + h / 2) - f (m, c - h / 2)) / h;
  return (4 * d2 - d1) / 3;
}

static void
test_derivatives (void)
{
  SpModel m;

  make_rk_model (&m);
  /* O(h⁴) truncation against round-off at h = 1e−3 leaves about 1e−9. */
  for (double c = 0.1; c < 0.91; c += 0.05)
    {
      sp_assert_close (richardson (sp_model_g, &m, c, 1e-3), sp_model_mu (&m, c), 1e-8, 10.0);
      sp_assert_close (richardson (sp_model_mu, &m, c, 1e-3), sp_model_g2 (&m, c), 1e-7, 10.0);
    }
}

/* The excess of one L_j term against its expanded polynomial. */
static void
test_excess_terms (void)
{
  for (int j = 0; j <= SP_RK_MAX; j++)
    {
      SpModel m;

      sp_model_init_default (&m);
      m.omega = j == 0 ? 7.0 : 0.0;
      if (j > 0)
        m.rk[j - 1] = 7.0;
      for (double c = 0.03; c < 1.0; c += 0.07)
        {
          double h;

          sp_model_excess (&m, c, &h, NULL, NULL);
          sp_assert_close (h, 7.0 * c * (1 - c) * pow (1 - 2 * c, j), 1e-13, 1.0);
        }
    }
}

/* Logit variants: ω = g − cμ, dμ/du = c(1−c) g'', and exact complements. */
static void
test_logit_identities (void)
{
  SpModel m;

  make_rk_model (&m);
  for (double u = -20.0; u <= 20.0; u += 0.731)
    {
      double c = sp_logistic (u);
      double g = sp_model_g_u (&m, u), mu = sp_model_mu_u (&m, u);

      sp_assert_close (sp_model_omega_u (&m, u), g - c * mu, 1e-12, 10.0);
      /* the reference uses the plain-c g'', accurate only away from c = 1 */
      if (u < 5.0)
        sp_assert_close (sp_model_dmu_du (&m, u),
                         c * sp_logistic_complement (u) * sp_model_g2 (&m, c), 1e-10, 1e-3);
      sp_assert_close (sp_logistic (u) + sp_logistic_complement (u), 1.0, 1e-15, 1.0);
      sp_assert_close (sp_logit (c), u, 1e-9, 1.0);
    }

  /* Full relative precision of the complement far out: 1 − c = e^{−u}/(1+e^{−u}). */
  sp_assert_close (sp_logistic_complement (40.0), exp (-40.0) / (1 + exp (-40.0)), 1e-15, 0.0);
  sp_assert_close (sp_logistic (-700.0), exp (-700.0), 1e-13, 0.0);
  g_assert_true (isfinite (sp_model_g_u (&m, -700.0)));
  g_assert_true (isfinite (sp_model_mu_u (&m, 700.0)));
}

static void
test_mobility (void)
{
  SpModel m;
  double kt;

  sp_model_init_default (&m);
  m.d0 = 2.5;
  kt = SP_KT (m.temperature);
  sp_assert_close (sp_model_mobility (&m, 0.3), 2.5 / kt * 0.3 * 0.7, 1e-15, 0.0);
  m.mobility = SP_MOBILITY_CONSTANT;
  sp_assert_close (sp_model_mobility (&m, 0.3), 2.5 / (4 * kt), 1e-15, 0.0);
  sp_assert_close (sp_model_voltage (&m, 123.0), m.v0 - 0.123, 1e-15, 1.0);
}

static void
test_validate (void)
{
  struct { gsize offset; double value; const char *name; } bad[] = {
    { G_STRUCT_OFFSET (SpModel, temperature), 0.0, "temperature" },
    { G_STRUCT_OFFSET (SpModel, temperature), -3.0, "temperature" },
    { G_STRUCT_OFFSET (SpModel, temperature), NAN, "temperature" },
    { G_STRUCT_OFFSET (SpModel, omega), INFINITY, "omega" },
    { G_STRUCT_OFFSET (SpModel, omega), 1e6, "omega" },
    { G_STRUCT_OFFSET (SpModel, kappa), 0.0, "kappa" },
    { G_STRUCT_OFFSET (SpModel, c0), 0.0, "c0" },
    { G_STRUCT_OFFSET (SpModel, c0), 1.0, "c0" },
    { G_STRUCT_OFFSET (SpModel, d0), -1.0, "d0" },
    { G_STRUCT_OFFSET (SpModel, stiffness), -1.0, "stiffness" },
  };
  SpModel m;

  sp_model_init_default (&m);
  g_assert_true (sp_model_validate (&m, NULL));
  m.omega = -200.0;   /* attractive interactions are allowed */
  g_assert_true (sp_model_validate (&m, NULL));

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;

      sp_model_init_default (&m);
      G_STRUCT_MEMBER (double, &m, bad[i].offset) = bad[i].value;
      g_assert_false (sp_model_validate (&m, &error));
      g_assert_error (error, SP_MODEL_ERROR, SP_MODEL_ERROR_OUT_OF_RANGE);
      g_assert_true (g_str_has_prefix (error->message, bad[i].name));
    }

  {
    g_autoptr(GError) error = NULL;

    sp_model_init_default (&m);
    m.rk[2] = NAN;
    g_assert_false (sp_model_validate (&m, &error));
    g_assert_true (g_str_has_prefix (error->message, "L3"));
  }
}

static void
test_ranges (void)
{
  const SpParamRange *c0 = sp_param_range (SP_PARAM_C0);
  const SpParamRange *t = sp_param_range (SP_PARAM_TEMPERATURE);
  g_autofree char *c0_text = sp_param_range_describe (c0);
  g_autofree char *t_text = sp_param_range_describe (t);

  g_assert_cmpstr (c0_text, ==, "(0, 1)");
  g_assert_cmpstr (t_text, ==, "[1, 3000] K");
  g_assert_false (sp_param_range_contains (c0, 0.0));
  g_assert_true (sp_param_range_contains (c0, 1e-9));
  g_assert_false (sp_param_range_contains (t, NAN));
  g_assert_true (sp_param_range_contains (t, 3000.0));
  g_assert_false (sp_param_range_contains (t, 3000.0000001));
}

/* The round-off scale of a read-out: |μ*| < 1e−12 × max(|Ω|, k_BT, |K|,
 * |L_j|) prints as 0 (a symmetric μ* of −2e−14 meV), anything larger is
 * kept. */
static void
test_clean_energy (void)
{
  SpModel m;

  sp_model_init_default (&m);
  m.omega = 100.0;
  m.temperature = 300.0;
  g_assert_cmpfloat (sp_model_energy_scale (&m), ==, 100.0);
  m.rk[2] = -400.0;
  g_assert_cmpfloat (sp_model_energy_scale (&m), ==, 400.0);
  m.omega = 1.0;
  m.rk[2] = 0.0;
  g_assert_cmpfloat (sp_model_energy_scale (&m), ==, sp_model_kt (&m));
  m.stiffness = 50.0;
  g_assert_cmpfloat (sp_model_energy_scale (&m), ==, 50.0);

  g_assert_cmpfloat (sp_model_clean_energy (&m, -2e-14), ==, 0.0);
  g_assert_cmpfloat (sp_model_clean_energy (&m, 4e-11), ==, 0.0);   /* < 5e-11 */
  g_assert_cmpfloat (sp_model_clean_energy (&m, 6e-11), ==, 6e-11);
  g_assert_cmpfloat (sp_model_clean_energy (&m, 43.4), ==, 43.4);
  g_assert_cmpfloat (sp_model_clean_energy (&m, -1e-9), ==, -1e-9);
}

/* Two copies of the defaults, with different bytes in the padding. */
static void
model_pair (SpModel *a,
            SpModel *b)
{
  memset (a, 0x00, sizeof *a);
  memset (b, 0xab, sizeof *b);
  sp_model_init_default (a);
  sp_model_init_default (b);
  /* init_default may assign the whole struct: copy field by field. */
  b->omega = a->omega;
  b->temperature = a->temperature;
  b->s1 = a->s1;
  b->stiffness = a->stiffness;
  b->kappa = a->kappa;
  for (guint j = 0; j < SP_RK_MAX; j++)
    b->rk[j] = a->rk[j];
  b->d0 = a->d0;
  b->v0 = a->v0;
  b->c0 = a->c0;
  b->mobility = a->mobility;
}

static void
test_equal (void)
{
  SpModel a, b;

  model_pair (&a, &b);
  g_assert_true (sp_model_equal (&a, &b));
  g_assert_true (sp_model_equal (&b, &a));

  /* 0 and −0 are the same parameter. */
  a.v0 = 0.0;
  b.v0 = -0.0;
  g_assert_true (sp_model_equal (&a, &b));

  /* Each field, changed alone, makes the models differ. */
  for (guint field = 0; field < 9 + SP_RK_MAX; field++)
    {
      model_pair (&a, &b);
      switch (field)
        {
        case 0: b.omega += 1.0; break;
        case 1: b.temperature += 1.0; break;
        case 2: b.s1 += 0.5; break;
        case 3: b.stiffness += 1.0; break;
        case 4: b.kappa *= 2.0; break;
        case 5: b.d0 *= 2.0; break;
        case 6: b.v0 += 0.1; break;
        case 7: b.c0 = a.c0 == 0.5 ? 0.25 : 0.5; break;
        case 8:
          b.mobility = a.mobility == SP_MOBILITY_CONSTANT ? SP_MOBILITY_SITE_BLOCKING
                                                          : SP_MOBILITY_CONSTANT;
          break;
        default: b.rk[field - 9] += 1.0; break;
        }
      g_assert_false (sp_model_equal (&a, &b));
      g_assert_false (sp_model_equal (&b, &a));
    }
}

/* sp_model_point_u() gives, bit for bit, what the single functions give
 * (the phase diagram's solver and the analysis curves rely on it). */
static void
test_point_bit_identical (void)
{
  const double us[] = { -745.0, -40.0, -3.5, -1e-9, -0.0, 0.0, 1e-9, 0.7, 12.0, 40.0, 700.0 };
  SpModel m;

  sp_model_init_default (&m);
  m.s1 = 0.7;
  m.stiffness = 12.5;
  m.rk[0] = 30.0;
  m.rk[1] = -80.0;
  m.rk[3] = 55.0;
  for (guint i = 0; i < G_N_ELEMENTS (us); i++)
    {
      SpModelPoint p;
      double single[] = { sp_logistic (us[i]), sp_logistic_complement (us[i]),
                          sp_model_g_u (&m, us[i]), sp_model_mu_u (&m, us[i]),
                          sp_model_omega_u (&m, us[i]), sp_model_dmu_du (&m, us[i]) };

      sp_model_point_u (&m, us[i], &p);
      {
        double joint[] = { p.c, p.one_minus_c, p.g, p.mu, p.omega, p.dmu_du };

        g_assert_cmpmem (joint, sizeof joint, single, sizeof single);
      }
    }
}

int
main (int argc, char **argv)
{
  sp_gsl_init ();
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/model/closed-form", test_closed_form);
  g_test_add_func ("/model/derivatives", test_derivatives);
  g_test_add_func ("/model/excess-terms", test_excess_terms);
  g_test_add_func ("/model/logit-identities", test_logit_identities);
  g_test_add_func ("/model/mobility", test_mobility);
  g_test_add_func ("/model/validate", test_validate);
  g_test_add_func ("/model/ranges", test_ranges);
  g_test_add_func ("/model/clean-energy", test_clean_energy);
  g_test_add_func ("/model/equal", test_equal);
  g_test_add_func ("/model/point-bit-identical", test_point_bit_identical);
  return g_test_run ();
}
