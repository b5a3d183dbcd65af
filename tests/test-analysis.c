/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-analysis.c — SpAnalysis: the snapshot behind every plot must hold
 * exactly what the core functions give, for every preset */

#include "config.h"

#include <math.h>
#include <string.h>

#include "sp-analysis.h"
#include "sp-critical.h"
#include "sp-gsl.h"
#include "sp-presets.h"

/* Relative comparison against a scale: the curves are sums of terms of size
 * kT, |Ω|, K and |L_j|, so round-off is relative to that scale, not to the
 * (possibly near-zero) result. */
static void
assert_close (double      got,
              double      expected,
              double      scale,
              double      rel,
              const char *what,
              double      where)
{
  double tol = rel * MAX (MAX (fabs (got), fabs (expected)), scale);

  if (!(fabs (got - expected) <= tol))
    g_error ("%s at %.17g: got %.17g, expected %.17g (|Δ| = %.3g > %.3g)",
             what, where, got, expected, fabs (got - expected), tol);
}

static double
energy_scale (const SpModel *model)
{
  double s = sp_model_kt (model) + fabs (model->omega) + model->stiffness;

  for (guint j = 0; j < SP_RK_MAX; j++)
    s += fabs (model->rk[j]);
  return s;
}

/* Every preset plus a model with repulsive interaction (Ω < 0), which the
 * sliders allow and which has no gap at any temperature. */
static GArray *
all_models (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) presets = sp_presets_load_all (&error);
  GArray *models = g_array_new (FALSE, FALSE, sizeof (SpModel));
  SpModel negative;

  g_assert_no_error (error);
  g_assert_cmpuint (presets->len, ==, 5);
  for (guint i = 0; i < presets->len; i++)
    {
      const SpPreset *p = g_ptr_array_index (presets, i);
      g_array_append_val (models, p->model);
    }

  /* Zeroed first: the test compares models with memcmp, padding too. */
  memset (&negative, 0, sizeof negative);
  sp_model_init_default (&negative);
  negative.omega = -50.0;
  g_array_append_val (models, negative);

  return models;
}

static SpModel
preset_model (const char *id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SpPreset) p = sp_presets_lookup (id, &error);

  g_assert_no_error (error);
  return p->model;
}

static void
check_curves (const SpModel *model)
{
  g_autoptr(SpAnalysis) a = sp_analysis_new (model);
  double scale = energy_scale (model);

  g_assert_cmpuint (a->n_curve, ==, SP_ANALYSIS_CURVE_POINTS);
  g_assert_cmpuint (a->n_curve, ==, 512);
  for (guint i = 0; i < a->n_curve; i++)
    {
      double c = (i + 0.5) / 512.0;

      g_assert_cmpfloat (a->c[i], ==, c);
      assert_close (a->g[i], sp_model_g (model, c), scale, 1e-12, "g", c);
      assert_close (a->mu[i], sp_model_mu (model, c), scale, 1e-12, "mu", c);
      /* g'' grows like kT/(c(1−c)); its own size is the right scale there. */
      assert_close (a->g2[i], sp_model_g2 (model, c), scale, 1e-12, "g2", c);
      assert_close (a->dchem[i], sp_model_mobility (model, c) * sp_model_g2 (model, c),
                    scale * sp_model_mobility (model, c), 1e-12, "dchem", c);
      assert_close (a->dchem[i], sp_kinetics_dchem (model, c),
                    scale * sp_model_mobility (model, c), 1e-12, "dchem vs sp_kinetics_dchem", c);
      assert_close (a->ocv_homogeneous[i], model->v0 - a->mu[i] / 1000.0,
                    fabs (model->v0) + scale / 1000.0, 1e-12, "ocv_homogeneous", c);
    }
  g_assert_cmpfloat (a->kt, ==, sp_model_kt (model));
  g_assert_cmpfloat (a->omega_eff, ==, sp_model_omega_eff (model));
  g_assert_cmpfloat (a->omega_over_kt, ==, sp_model_omega_eff (model) / sp_model_kt (model));
  /* Field by field: the struct's tail padding is never written. */
  g_assert_cmpfloat (a->model.omega, ==, model->omega);
  g_assert_cmpfloat (a->model.temperature, ==, model->temperature);
  g_assert_cmpfloat (a->model.s1, ==, model->s1);
  g_assert_cmpfloat (a->model.stiffness, ==, model->stiffness);
  g_assert_cmpfloat (a->model.kappa, ==, model->kappa);
  g_assert_cmpmem (a->model.rk, sizeof a->model.rk, model->rk, sizeof model->rk);
  g_assert_cmpfloat (a->model.d0, ==, model->d0);
  g_assert_cmpfloat (a->model.v0, ==, model->v0);
  g_assert_cmpfloat (a->model.c0, ==, model->c0);
  g_assert_cmpint (a->model.mobility, ==, model->mobility);
}

static void
test_curves (void)
{
  g_autoptr(GArray) models = all_models ();

  for (guint m = 0; m < models->len; m++)
    check_curves (&g_array_index (models, SpModel, m));
}

static void
check_ocv (const SpModel *model,
           guint          expected_gaps)
{
  g_autoptr(SpAnalysis) a = sp_analysis_new (model);
  SpEquilibrium eq;
  guint inside = 0, outside = 0;

  sp_equilibrium_compute (model, &eq);
  g_assert_cmpuint (eq.n_gaps, ==, expected_gaps);
  g_assert_cmpuint (a->eq.n_gaps, ==, eq.n_gaps);
  g_assert_cmpuint (a->eq.n_spinodals, ==, eq.n_spinodals);

  for (guint i = 0; i < a->n_curve; i++)
    {
      double c = a->c[i];
      const SpGap *gap = NULL;

      for (guint j = 0; j < eq.n_gaps; j++)
        if (c > eq.gaps[j].c_alpha && c < eq.gaps[j].c_beta)
          gap = &eq.gaps[j];

      if (gap != NULL)
        {
          /* A plateau is flat: exactly the tangent's voltage, not merely close. */
          g_assert_cmpfloat (a->ocv_equilibrium[i], ==, gap->voltage);
          assert_close (gap->voltage, model->v0 - gap->mu / 1000.0, fabs (model->v0), 1e-14,
                        "plateau voltage", c);
          inside++;
        }
      else
        {
          g_assert_cmpfloat (a->ocv_equilibrium[i], ==, a->ocv_homogeneous[i]);
          outside++;
        }
    }

  if (expected_gaps > 0)
    g_assert_cmpuint (inside, >, 0);
  else
    g_assert_cmpuint (inside, ==, 0);
  g_assert_cmpuint (outside, >, 0);

  /* Outside every gap the equilibrium OCV falls as c rises (μ increases on
   * the convex hull); inside it is flat.  A rise anywhere is a wrong hull. */
  for (guint i = 1; i < a->n_curve; i++)
    g_assert_cmpfloat (a->ocv_equilibrium[i], <=, a->ocv_equilibrium[i - 1] + 1e-12);
}

static void
test_ocv (void)
{
  SpModel negative;

  /* Zeroed first: the test compares models with memcmp, padding too. */
  memset (&negative, 0, sizeof negative);
  sp_model_init_default (&negative);
  negative.omega = -50.0;
  check_ocv (&negative, 0);
}

static void
test_ocv_presets (void)
{
  SpModel lifepo4 = preset_model ("lifepo4");
  SpModel textbook = preset_model ("textbook");
  SpModel lto = preset_model ("lto");
  SpModel solid = preset_model ("solid-solution");
  SpModel two = preset_model ("two-plateau");

  check_ocv (&lifepo4, 1);
  check_ocv (&textbook, 1);
  check_ocv (&lto, 1);
  check_ocv (&solid, 0);
  check_ocv (&two, 2);
}

static void
check_dispersion (const SpModel *model)
{
  g_autoptr(SpAnalysis) a = sp_analysis_new (model);
  SpDispersion d;
  double g2 = sp_model_g2 (model, model->c0);
  double m0 = sp_model_mobility (model, model->c0);

  sp_kinetics_dispersion (model, &d);
  g_assert_cmpuint (a->n_k, ==, SP_ANALYSIS_DISPERSION_POINTS);
  g_assert_cmpuint (a->n_k, ==, 256);
  g_assert_cmpfloat (a->k[0], ==, 0.0);
  g_assert_cmpfloat (a->sigma[0], ==, 0.0);
  g_assert_cmpint (a->dispersion.unstable, ==, d.unstable);
  g_assert_cmpint (a->dispersion.unstable, ==, g2 < 0);

  for (guint i = 0; i < a->n_k; i++)
    {
      double k = a->k[i];

      if (i > 0)
        g_assert_cmpfloat (k, >, a->k[i - 1]);
      assert_close (a->sigma[i], sp_kinetics_growth_rate (model, k),
                    m0 * (fabs (g2) * k * k + model->kappa * k * k * k * k), 1e-12, "sigma", k);
      /* σ(k) = −M k² (g'' + κ k²), from PHYSICS.md. */
      assert_close (a->sigma[i], -m0 * k * k * (g2 + model->kappa * k * k),
                    m0 * (fabs (g2) * k * k + model->kappa * k * k * k * k), 1e-12,
                    "sigma closed form", k);
      if (d.unstable)
        g_assert_cmpfloat (a->sigma[i], <=, d.sigma_max * (1.0 + 1e-12));
      else if (i > 0)
        g_assert_cmpfloat (a->sigma[i], <, 0.0);
    }

  if (d.unstable)
    {
      /* The plot must show the whole unstable band and its maximum. */
      g_assert_cmpfloat (a->k[a->n_k - 1], >, d.k_max);
      assert_close (d.sigma_max, m0 * g2 * g2 / (4.0 * model->kappa), 0.0, 1e-12, "sigma_max", 0);
      assert_close (a->dispersion.sigma_max, d.sigma_max, 0.0, 1e-15, "analysis sigma_max", 0);
      assert_close (a->dispersion.k_star, d.k_star, 0.0, 1e-15, "analysis k_star", 0);
    }
}

static void
test_dispersion (void)
{
  g_autoptr(GArray) models = all_models ();

  for (guint m = 0; m < models->len; m++)
    check_dispersion (&g_array_index (models, SpModel, m));
}

static void
test_phase_diagram (void)
{
  SpModel model = preset_model ("lifepo4");
  g_autoptr(SpAnalysis) a = sp_analysis_new (&model);
  const SpPhaseDiagram *pd = a->phase;
  double t_c, c_c;
  guint above = 0, below = 0;

  g_assert_true (sp_critical_point (&model, &t_c, &c_c));
  /* Symmetric model: T_c = (Ω − K) / (2 k_B). */
  assert_close (t_c, (model.omega - model.stiffness) / (2.0 * SP_KB_MEV_PER_K), 0.0, 1e-10,
                "T_c closed form", 0);

  g_assert_nonnull (pd);
  g_assert_cmpuint (pd->n_rows, ==, SP_ANALYSIS_PHASE_ROWS);
  g_assert_cmpuint (pd->n_rows, ==, 200);
  g_assert_cmpfloat (pd->t_max, >=, t_c);
  g_assert_cmpfloat (pd->t_min, <=, model.temperature);
  g_assert_cmpfloat (pd->t_max, >=, model.temperature);
  g_assert_cmpfloat (pd->rows[0].temperature, ==, pd->t_min);
  assert_close (pd->rows[pd->n_rows - 1].temperature, pd->t_max, 0.0, 1e-12, "last row T", 0);

  for (guint i = 0; i < pd->n_rows; i++)
    {
      const SpPhaseRow *row = &pd->rows[i];

      if (i > 0)
        g_assert_cmpfloat (row->temperature, >, pd->rows[i - 1].temperature);
      if (row->temperature > t_c * (1.0 + 1e-9))
        {
          g_assert_cmpuint (row->eq.n_gaps, ==, 0);
          g_assert_cmpuint (row->eq.n_spinodals, ==, 0);
          above++;
        }
      else if (row->temperature < 0.99 * t_c)
        {
          g_assert_cmpuint (row->eq.n_gaps, ==, 1);
          /* Binodal ⊇ spinodal. */
          g_assert_cmpuint (row->eq.n_spinodals, ==, 1);
          g_assert_cmpfloat (row->eq.gaps[0].c_alpha, <, row->eq.spinodals[0].lo);
          g_assert_cmpfloat (row->eq.spinodals[0].hi, <, row->eq.gaps[0].c_beta);
          below++;
        }
    }
  g_assert_cmpuint (above, >, 0);
  g_assert_cmpuint (below, >, 0);
}

static void
test_critical (void)
{
  g_autoptr(GArray) models = all_models ();

  for (guint m = 0; m < models->len; m++)
    {
      const SpModel *model = &g_array_index (models, SpModel, m);
      g_autoptr(SpAnalysis) a = sp_analysis_new (model);
      double t_c = 0.0, c_c = 0.0;
      gboolean has = sp_critical_point (model, &t_c, &c_c);

      g_assert_cmpint (a->has_critical, ==, has);
      g_assert_cmpint (a->phase->has_critical, ==, has);
      if (has)
        {
          assert_close (a->t_c, t_c, 0.0, 1e-12, "t_c", m);
          assert_close (a->c_c, c_c, 0.0, 1e-12, "c_c", m);
        }
    }

  /* Ω < 0: repulsive, no gap at any temperature. */
  {
    const SpModel *negative = &g_array_index (models, SpModel, models->len - 1);
    g_autoptr(SpAnalysis) a = sp_analysis_new (negative);

    g_assert_cmpfloat (negative->omega, <, 0.0);
    g_assert_false (a->has_critical);
    g_assert_cmpuint (a->eq.n_gaps, ==, 0);
    g_assert_cmpint (a->c0_region, ==, SP_REGION_STABLE);
  }
}

static void
test_refcount (void)
{
  SpModel model = preset_model ("textbook");
  SpAnalysis *a = sp_analysis_new (&model);
  SpAnalysis *b = sp_analysis_ref (a);
  double g_mid;

  g_assert_true (a == b);
  g_mid = a->g[256];
  /* Dropping one of two references must leave the snapshot intact: a plot
   * may still be drawing it while the window has moved on. */
  sp_analysis_unref (a);
  g_assert_cmpfloat (b->g[256], ==, g_mid);
  g_assert_cmpuint (b->n_curve, ==, 512);
  g_assert_cmpuint (b->phase->n_rows, ==, 200);
  sp_analysis_unref (b);
}

static gboolean
all_finite (const double *v,
            guint         n)
{
  for (guint i = 0; i < n; i++)
    if (!isfinite (v[i]))
      return FALSE;
  return TRUE;
}

static void
check_equilibrium_finite (const SpEquilibrium *eq)
{
  for (guint i = 0; i < eq->n_gaps; i++)
    {
      const SpGap *g = &eq->gaps[i];
      double v[] = { g->c_alpha, g->c_beta, g->u_alpha, g->u_beta, g->mu, g->voltage };

      g_assert_true (all_finite (v, G_N_ELEMENTS (v)));
    }
  for (guint i = 0; i < eq->n_spinodals; i++)
    {
      const SpInterval *s = &eq->spinodals[i];
      double v[] = { s->lo, s->hi, s->u_lo, s->u_hi };

      g_assert_true (all_finite (v, G_N_ELEMENTS (v)));
    }
}

static void
test_no_nan (void)
{
  g_autoptr(GArray) models = all_models ();
  SpModel extreme;

  /* Ω/kT ≈ 3900: compositions near 1e−1700, far below the smallest double. */
  sp_model_init_default (&extreme);
  extreme.omega = 1000.0;
  extreme.temperature = 3.0;
  g_array_append_val (models, extreme);

  for (guint m = 0; m < models->len; m++)
    {
      const SpModel *model = &g_array_index (models, SpModel, m);
      g_autoptr(SpAnalysis) a = sp_analysis_new (model);
      double scalars[] = { a->kt, a->omega_eff, a->omega_over_kt };

      g_test_message ("model %u: omega = %g meV, T = %g K", m, model->omega, model->temperature);
      g_assert_true (all_finite (scalars, G_N_ELEMENTS (scalars)));
      g_assert_true (all_finite (a->c, a->n_curve));
      g_assert_true (all_finite (a->g, a->n_curve));
      g_assert_true (all_finite (a->mu, a->n_curve));
      g_assert_true (all_finite (a->g2, a->n_curve));
      g_assert_true (all_finite (a->ocv_equilibrium, a->n_curve));
      g_assert_true (all_finite (a->ocv_homogeneous, a->n_curve));
      g_assert_true (all_finite (a->dchem, a->n_curve));
      g_assert_true (all_finite (a->k, a->n_k));
      g_assert_true (all_finite (a->sigma, a->n_k));
      check_equilibrium_finite (&a->eq);
      if (a->has_critical)
        g_assert_true (isfinite (a->t_c) && isfinite (a->c_c));
      if (a->dispersion.unstable)
        {
          double d[] = { a->dispersion.k_max, a->dispersion.k_star,
                         a->dispersion.lambda_star, a->dispersion.sigma_max };

          g_assert_true (all_finite (d, G_N_ELEMENTS (d)));
        }
      g_assert_true (isfinite (a->phase->t_min) && isfinite (a->phase->t_max));
      g_assert_cmpfloat (a->phase->t_min, >, 0.0);
      for (guint r = 0; r < a->phase->n_rows; r++)
        {
          g_assert_true (isfinite (a->phase->rows[r].temperature));
          check_equilibrium_finite (&a->phase->rows[r].eq);
        }
    }
}

/* ---- incremental recompute: the same snapshot, bit for bit -------------- */

static void
assert_same_bits (const double *got,
                  const double *expected,
                  guint         n,
                  const char   *what)
{
  for (guint i = 0; i < n; i++)
    if (memcmp (&got[i], &expected[i], sizeof (double)) != 0)
      g_error ("%s[%u]: incremental %.17g, fresh %.17g", what, i, got[i], expected[i]);
}

static void
assert_same_equilibrium (const SpEquilibrium *got,
                         const SpEquilibrium *expected,
                         const char          *what)
{
  g_assert_cmpuint (got->n_gaps, ==, expected->n_gaps);
  g_assert_cmpuint (got->n_spinodals, ==, expected->n_spinodals);
  /* SpGap and SpInterval hold doubles only: compare them as such. */
  assert_same_bits ((const double *) got->gaps, (const double *) expected->gaps,
                    got->n_gaps * sizeof (SpGap) / sizeof (double), what);
  assert_same_bits ((const double *) got->spinodals, (const double *) expected->spinodals,
                    got->n_spinodals * sizeof (SpInterval) / sizeof (double), what);
}

static void
assert_same_analysis (const SpAnalysis *got,
                      const SpAnalysis *expected)
{
  const SpPhaseDiagram *p = got->phase, *q = expected->phase;
  double scalars_got[] = { got->kt, got->omega_eff, got->omega_over_kt, got->t_c, got->c_c,
                           got->dispersion.k_max, got->dispersion.k_star,
                           got->dispersion.lambda_star, got->dispersion.sigma_max,
                           p->t_min, p->t_max, p->t_c, p->c_c };
  double scalars_expected[] = { expected->kt, expected->omega_eff, expected->omega_over_kt,
                                expected->t_c, expected->c_c,
                                expected->dispersion.k_max, expected->dispersion.k_star,
                                expected->dispersion.lambda_star,
                                expected->dispersion.sigma_max,
                                q->t_min, q->t_max, q->t_c, q->c_c };

  g_assert_true (memcmp (&got->model, &expected->model, sizeof got->model) == 0);
  assert_same_bits (scalars_got, scalars_expected, G_N_ELEMENTS (scalars_got), "scalars");
  g_assert_cmpint (got->has_critical, ==, expected->has_critical);
  g_assert_cmpint (got->critical_kind, ==, expected->critical_kind);
  g_assert_cmpint (got->c0_region, ==, expected->c0_region);
  g_assert_cmpint (got->dispersion.unstable, ==, expected->dispersion.unstable);
  assert_same_equilibrium (&got->eq, &expected->eq, "eq");

  g_assert_cmpuint (got->n_curve, ==, expected->n_curve);
  assert_same_bits (got->c, expected->c, got->n_curve, "c");
  assert_same_bits (got->g, expected->g, got->n_curve, "g");
  assert_same_bits (got->mu, expected->mu, got->n_curve, "mu");
  assert_same_bits (got->g2, expected->g2, got->n_curve, "g2");
  assert_same_bits (got->ocv_equilibrium, expected->ocv_equilibrium, got->n_curve, "ocv_eq");
  assert_same_bits (got->ocv_homogeneous, expected->ocv_homogeneous, got->n_curve, "ocv_hom");
  assert_same_bits (got->dchem, expected->dchem, got->n_curve, "dchem");
  g_assert_cmpuint (got->n_k, ==, expected->n_k);
  assert_same_bits (got->k, expected->k, got->n_k, "k");
  assert_same_bits (got->sigma, expected->sigma, got->n_k, "sigma");

  g_assert_cmpuint (p->n_critical, ==, q->n_critical);
  for (guint i = 0; i < p->n_critical; i++)
    {
      g_assert_cmpint (p->critical[i].kind, ==, q->critical[i].kind);
      assert_same_bits (&p->critical[i].temperature, &q->critical[i].temperature, 1, "t_crit");
      assert_same_bits (&p->critical[i].c, &q->critical[i].c, 1, "c_crit");
    }
  g_assert_cmpuint (p->n_rows, ==, q->n_rows);
  for (guint r = 0; r < p->n_rows; r++)
    {
      assert_same_bits (&p->rows[r].temperature, &q->rows[r].temperature, 1, "row T");
      assert_same_equilibrium (&p->rows[r].eq, &q->rows[r].eq, "row");
    }
}

/* The slider parameters; SP_PARAM_RK stands for L1 … L4 (four entries). */
#define N_CHANGED (SP_N_PARAMS - 1 + SP_RK_MAX + 1)   /* + the mobility */

static const char *
changed_name (guint which)
{
  static const char *names[N_CHANGED] = {
    "omega", "temperature", "s1", "stiffness", "kappa", "L1", "L2", "L3", "L4",
    "d0", "v0", "c0", "mobility",
  };
  return names[which];
}

/* Changes one parameter of @model by a random step inside its range:
 * mostly a slider-sized nudge, sometimes a jump anywhere in a range that
 * keeps the numerics well inside what the sliders offer. */
static void
change_one (SpModel *model,
            guint    which)
{
  gboolean jump = g_test_rand_int_range (0, 4) == 0;
  double nudge = g_test_rand_double_range (-0.1, 0.1);
  double *value;
  double lo, hi;

  switch (which)
    {
    case 0: value = &model->omega; lo = -200.0; hi = 300.0; break;
    case 1: value = &model->temperature; lo = 50.0; hi = 1500.0; break;
    case 2: value = &model->s1; lo = -3.0; hi = 3.0; break;
    case 3: value = &model->stiffness; lo = 0.0; hi = 100.0; break;
    case 4: value = &model->kappa; lo = 1.0; hi = 1000.0; break;
    case 5: case 6: case 7: case 8:
      value = &model->rk[which - 5]; lo = -30.0; hi = 30.0; break;
    case 9: value = &model->d0; lo = 0.01; hi = 100.0; break;
    case 10: value = &model->v0; lo = 0.0; hi = 5.0; break;
    case 11: value = &model->c0; lo = 0.02; hi = 0.98; break;
    default:
      model->mobility = model->mobility == SP_MOBILITY_CONSTANT ? SP_MOBILITY_SITE_BLOCKING
                                                                : SP_MOBILITY_CONSTANT;
      return;
    }

  if (jump)
    *value = g_test_rand_double_range (lo, hi);
  else if (*value == 0.0)
    *value = nudge * (hi - lo);
  else
    *value *= 1.0 + nudge;
  *value = CLAMP (*value, lo, hi);
}

/* Chains of random single-parameter changes on every preset: each step
 * builds the next snapshot from the last incremental one, and it must equal
 * a fresh sp_analysis_new() in every bit. */
static void
test_incremental (void)
{
  g_autoptr(GArray) models = all_models ();
  guint chain = g_test_thorough () ? 24 : 6;

  for (guint m = 0; m < models->len; m++)
    for (guint which = 0; which < N_CHANGED; which++)
      {
        SpModel model = g_array_index (models, SpModel, m);
        g_autoptr(SpAnalysis) last = sp_analysis_new (&model);

        for (guint step = 0; step < chain; step++)
          {
            g_autoptr(SpAnalysis) fresh = NULL;
            SpAnalysis *next;

            change_one (&model, which);
            g_assert_true (sp_model_validate (&model, NULL));
            g_test_message ("model %u, %s -> step %u", m, changed_name (which), step);
            next = sp_analysis_new_from (last, &model);
            fresh = sp_analysis_new (&model);
            assert_same_analysis (next, fresh);
            sp_analysis_unref (last);
            last = next;
          }
      }
}

/* What does not depend on the changed parameter is shared, not recomputed. */
static void
test_incremental_shares (void)
{
  SpModel model = preset_model ("two-plateau");
  g_autoptr(SpAnalysis) a = sp_analysis_new (&model);
  g_autoptr(SpAnalysis) b = NULL;
  g_autoptr(SpAnalysis) c = NULL;
  g_autoptr(SpAnalysis) d = NULL;
  g_autoptr(SpAnalysis) e = NULL;
  g_autoptr(SpAnalysis) f = NULL;

  /* c0, κ, D0 and the mobility: the diagram and the g, μ, g'' arrays. */
  model.c0 = 0.3;
  model.kappa *= 2.0;
  model.d0 *= 3.0;
  model.mobility = SP_MOBILITY_CONSTANT;
  b = sp_analysis_new_from (a, &model);
  g_assert_true (b->phase == a->phase);
  g_assert_true (b->g == a->g && b->mu == a->mu && b->g2 == a->g2 && b->c == a->c);

  /* V0: the same arrays, a diagram with the new plateau voltages. */
  model.v0 += 0.25;
  c = sp_analysis_new_from (b, &model);
  g_assert_true (c->g == b->g);
  g_assert_true (c->phase != b->phase);
  g_assert_cmpuint (c->phase->rows[0].eq.n_gaps, >, 0);
  g_assert_cmpfloat_with_epsilon (c->phase->rows[0].eq.gaps[0].voltage,
                                  b->phase->rows[0].eq.gaps[0].voltage + 0.25, 1e-12);

  /* T inside the diagram's range: the diagram stays, g(c) is new. */
  model.temperature += 5.0;
  d = sp_analysis_new_from (c, &model);
  g_assert_true (d->phase == c->phase);
  g_assert_true (d->g != c->g);

  /* T far above every critical point moves the range: a new diagram. */
  model.temperature = 2000.0;
  e = sp_analysis_new_from (d, &model);
  g_assert_true (e->phase != d->phase);
  g_assert_cmpfloat (e->phase->t_max, >, d->phase->t_max);

  /* Ω: everything anew. */
  model.omega += 1.0;
  f = sp_analysis_new_from (e, &model);
  g_assert_true (f->phase != e->phase && f->g != e->g);

  /* The first snapshot is still intact after its successors share it. */
  g_clear_pointer (&b, sp_analysis_unref);
  g_assert_cmpuint (a->phase->n_rows, ==, SP_ANALYSIS_PHASE_ROWS);
  g_assert_true (isfinite (a->g[SP_ANALYSIS_CURVE_POINTS - 1]));
}

int
main (int    argc,
      char **argv)
{
  sp_gsl_init ();
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/analysis/curves", test_curves);
  g_test_add_func ("/analysis/ocv/negative-omega", test_ocv);
  g_test_add_func ("/analysis/ocv/presets", test_ocv_presets);
  g_test_add_func ("/analysis/dispersion", test_dispersion);
  g_test_add_func ("/analysis/phase-diagram", test_phase_diagram);
  g_test_add_func ("/analysis/critical", test_critical);
  g_test_add_func ("/analysis/refcount", test_refcount);
  g_test_add_func ("/analysis/no-nan", test_no_nan);
  g_test_add_func ("/analysis/incremental/bit-identical", test_incremental);
  g_test_add_func ("/analysis/incremental/shares", test_incremental_shares);

  return g_test_run ();
}
