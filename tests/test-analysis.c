/* test-analysis.c — SpAnalysis: the snapshot behind every plot must hold
 * exactly what the core functions give, for every preset */

#include "config.h"

#include <math.h>

#include "sp-analysis.h"
#include "sp-critical.h"
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

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/analysis/curves", test_curves);
  g_test_add_func ("/analysis/ocv/negative-omega", test_ocv);
  g_test_add_func ("/analysis/ocv/presets", test_ocv_presets);
  g_test_add_func ("/analysis/dispersion", test_dispersion);
  g_test_add_func ("/analysis/phase-diagram", test_phase_diagram);
  g_test_add_func ("/analysis/critical", test_critical);
  g_test_add_func ("/analysis/refcount", test_refcount);
  g_test_add_func ("/analysis/no-nan", test_no_nan);

  return g_test_run ();
}
