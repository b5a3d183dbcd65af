/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-cli.c — spinodal-cli as a user runs it: JSON output checked against
 * the core (bad input is in test-cli-usage.c) */

#include "config.h"

#include <json-glib/json-glib.h>
#include <math.h>
#include <string.h>

#include "cli-runner.h"
#include "sp-cli-options.h"
#include "sp-critical.h"
#include "sp-equilibrium.h"
#include "sp-gsl.h"
#include "sp-kinetics.h"
#include "sp-model.h"
#include "sp-presets.h"

static void
assert_rel (double      got,
            double      expected,
            double      rel,
            const char *what)
{
  double tol = rel * MAX (fabs (got), fabs (expected));

  if (!(fabs (got - expected) <= tol))
    g_error ("%s: got %.17g, expected %.17g (relative tolerance %g)", what, got, expected, rel);
}

static double
member_double (JsonObject *object,
               const char *key)
{
  JsonNode *node = json_object_get_member (object, key);

  g_assert_nonnull (node);
  g_assert_true (JSON_NODE_HOLDS_VALUE (node));
  g_assert_true (json_node_get_value_type (node) == G_TYPE_DOUBLE ||
                 json_node_get_value_type (node) == G_TYPE_INT64);
  return json_node_get_double (node);
}

static void
assert_null_member (JsonObject *object,
                    const char *key)
{
  JsonNode *node = json_object_get_member (object, key);

  g_assert_nonnull (node);
  if (!JSON_NODE_HOLDS_NULL (node))
    g_error ("“%s” should be null", key);
}

/* Asserts that @object has exactly the keys in @keys, no more, no fewer. */
static void
assert_exact_keys (JsonObject        *object,
                   const char *const *keys)
{
  g_autoptr(GList) members = json_object_get_members (object);
  guint n = g_strv_length ((GStrv) keys);

  for (guint i = 0; i < n; i++)
    if (!json_object_has_member (object, keys[i]))
      g_error ("JSON object lacks “%s”", keys[i]);
  for (GList *l = members; l != NULL; l = l->next)
    if (!g_strv_contains (keys, l->data))
      g_error ("JSON object has unexpected key “%s”", (const char *) l->data);
  g_assert_cmpuint (json_object_get_size (object), ==, n);
}

static const char *const analysis_keys[] = {
  "omega_eff_meV", "omega_over_kT", "critical_temperature_K", "critical_kind",
  "critical_points", "miscibility_gaps", "spinodal_intervals",
  "spinodal_intervals_one_minus", "c0_region", "c0_lever", "k_star_per_nm",
  "lambda_star_nm", "sigma_max_per_s", NULL
};

static const char *const gap_keys[] = {
  "c_alpha", "c_beta", "one_minus_c_alpha", "one_minus_c_beta", "mu_meV", "voltage_V", NULL
};

/* Runs `analyze --json @args`, checks the envelope and returns the parsed
 * root object (owned by @parser). */
static JsonObject *
analyze_json (const char *const *args,
              JsonParser        *parser)
{
  g_autoptr(GPtrArray) full = g_ptr_array_new ();
  g_auto(Run) run = { 0 };
  g_autoptr(GError) error = NULL;
  JsonNode *root;

  g_ptr_array_add (full, (char *) "analyze");
  g_ptr_array_add (full, (char *) "--json");
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (full, (char *) args[i]);
  g_ptr_array_add (full, NULL);

  run_cli ((const char *const *) full->pdata, &run);
  if (run.status != 0)
    g_error ("analyze exited with %d: %s", run.status, run.err);
  g_assert_cmpstr (run.err, ==, "");
  if (contains_nan_or_inf (run.out))
    g_error ("output contains nan/inf:\n%s", run.out);

  json_parser_load_from_data (parser, run.out, -1, &error);
  g_assert_no_error (error);
  root = json_parser_get_root (parser);
  g_assert_nonnull (root);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (root));
  assert_exact_keys (json_node_get_object (root), analysis_keys);
  return json_node_get_object (root);
}

/* The CLI must print what the core computes for the same model, to round-off
 * of the JSON round trip (json-glib writes 17 significant digits). */
static void
assert_matches_core (JsonObject    *obj,
                     const SpModel *model)
{
  SpEquilibrium eq;
  SpDispersion d;
  SpCriticalPoint critical[SP_MAX_CRITICAL];
  guint n_critical = sp_critical_points (model, critical);
  JsonArray *gaps, *spinodals, *points, *one_minus;
  SpRegion region;
  const SpGap *lever_gap;

  sp_equilibrium_compute (model, &eq);
  sp_kinetics_dispersion (model, &d);
  region = sp_equilibrium_classify (&eq, model->c0);

  assert_rel (member_double (obj, "omega_eff_meV"), sp_model_omega_eff (model), 1e-12,
              "omega_eff_meV");
  assert_rel (member_double (obj, "omega_over_kT"),
              sp_model_omega_eff (model) / sp_model_kt (model), 1e-12, "omega_over_kT");

  /* The highest critical point and its kind; then every one of them. */
  if (n_critical > 0)
    {
      assert_rel (member_double (obj, "critical_temperature_K"),
                  critical[n_critical - 1].temperature, 1e-12, "critical_temperature_K");
      g_assert_cmpstr (json_object_get_string_member (obj, "critical_kind"), ==,
                       sp_critical_kind_to_string (critical[n_critical - 1].kind));
    }
  else
    {
      assert_null_member (obj, "critical_temperature_K");
      assert_null_member (obj, "critical_kind");
    }
  points = json_object_get_array_member (obj, "critical_points");
  g_assert_cmpuint (json_array_get_length (points), ==, n_critical);
  for (guint i = 0; i < n_critical; i++)
    {
      JsonObject *p = json_array_get_object_element (points, i);

      assert_rel (member_double (p, "temperature_K"), critical[i].temperature, 1e-12, "critical T");
      assert_rel (member_double (p, "c"), critical[i].c, 1e-12, "critical c");
      g_assert_cmpstr (json_object_get_string_member (p, "kind"), ==,
                       sp_critical_kind_to_string (critical[i].kind));
    }

  gaps = json_object_get_array_member (obj, "miscibility_gaps");
  g_assert_nonnull (gaps);
  g_assert_cmpuint (json_array_get_length (gaps), ==, eq.n_gaps);
  for (guint i = 0; i < eq.n_gaps; i++)
    {
      JsonNode *node = json_array_get_element (gaps, i);
      JsonObject *gap;

      g_assert_true (JSON_NODE_HOLDS_OBJECT (node));
      gap = json_node_get_object (node);
      assert_exact_keys (gap, gap_keys);
      assert_rel (member_double (gap, "c_alpha"), eq.gaps[i].c_alpha, 1e-12, "c_alpha");
      assert_rel (member_double (gap, "c_beta"), eq.gaps[i].c_beta, 1e-12, "c_beta");
      /* 1 − c from the logit, not 1 − c_beta after rounding. */
      assert_rel (member_double (gap, "one_minus_c_alpha"),
                  sp_logistic_complement (eq.gaps[i].u_alpha), 1e-12, "one_minus_c_alpha");
      assert_rel (member_double (gap, "one_minus_c_beta"),
                  sp_logistic_complement (eq.gaps[i].u_beta), 1e-12, "one_minus_c_beta");
      assert_rel (member_double (gap, "mu_meV"), sp_model_clean_energy (model, eq.gaps[i].mu),
                  1e-12, "mu_meV");
      assert_rel (member_double (gap, "voltage_V"), eq.gaps[i].voltage, 1e-12, "voltage_V");
    }

  spinodals = json_object_get_array_member (obj, "spinodal_intervals");
  g_assert_nonnull (spinodals);
  g_assert_cmpuint (json_array_get_length (spinodals), ==, eq.n_spinodals);
  for (guint i = 0; i < eq.n_spinodals; i++)
    {
      JsonNode *node = json_array_get_element (spinodals, i);
      JsonArray *pair;

      g_assert_true (JSON_NODE_HOLDS_ARRAY (node));
      pair = json_node_get_array (node);
      g_assert_cmpuint (json_array_get_length (pair), ==, 2);
      assert_rel (json_array_get_double_element (pair, 0), eq.spinodals[i].lo, 1e-12, "spinodal lo");
      assert_rel (json_array_get_double_element (pair, 1), eq.spinodals[i].hi, 1e-12, "spinodal hi");
    }

  one_minus = json_object_get_array_member (obj, "spinodal_intervals_one_minus");
  g_assert_cmpuint (json_array_get_length (one_minus), ==, eq.n_spinodals);
  for (guint i = 0; i < eq.n_spinodals; i++)
    {
      JsonArray *pair = json_array_get_array_element (one_minus, i);

      assert_rel (json_array_get_double_element (pair, 0),
                  sp_logistic_complement (eq.spinodals[i].u_lo), 1e-12, "1 - spinodal lo");
      assert_rel (json_array_get_double_element (pair, 1),
                  sp_logistic_complement (eq.spinodals[i].u_hi), 1e-12, "1 - spinodal hi");
    }

  g_assert_cmpstr (json_object_get_string_member (obj, "c0_region"), ==,
                   sp_region_to_string (region));

  /* The lever rule at c0, by its definition. */
  lever_gap = sp_equilibrium_find_gap (&eq, model->c0);
  if (lever_gap != NULL)
    {
      JsonObject *lever = json_object_get_object_member (obj, "c0_lever");
      double width = lever_gap->c_beta - lever_gap->c_alpha;

      assert_rel (member_double (lever, "fraction_beta"),
                  (model->c0 - lever_gap->c_alpha) / width, 1e-12, "fraction_beta");
      assert_rel (member_double (lever, "fraction_alpha"),
                  (lever_gap->c_beta - model->c0) / width, 1e-12, "fraction_alpha");
      assert_rel (member_double (lever, "c_alpha"), lever_gap->c_alpha, 1e-12, "lever c_alpha");
      assert_rel (member_double (lever, "c_beta"), lever_gap->c_beta, 1e-12, "lever c_beta");
    }
  else
    assert_null_member (obj, "c0_lever");

  if (d.unstable)
    {
      assert_rel (member_double (obj, "k_star_per_nm"), d.k_star, 1e-12, "k_star_per_nm");
      assert_rel (member_double (obj, "lambda_star_nm"), d.lambda_star, 1e-12, "lambda_star_nm");
      assert_rel (member_double (obj, "sigma_max_per_s"), d.sigma_max, 1e-12, "sigma_max_per_s");
    }
  else
    {
      assert_null_member (obj, "k_star_per_nm");
      assert_null_member (obj, "lambda_star_nm");
      assert_null_member (obj, "sigma_max_per_s");
    }
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
test_analyze_lifepo4 (void)
{
  const char *args[] = { "--preset", "lifepo4", NULL };
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *obj = analyze_json (args, parser);
  SpModel model = preset_model ("lifepo4");

  assert_matches_core (obj, &model);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (obj, "miscibility_gaps")), ==, 1);
  /* T_c = (Ω − K)/(2 k_B) for the symmetric model with strain. */
  assert_rel (member_double (obj, "critical_temperature_K"),
              (115.8 - 43.4) / (2.0 * SP_KB_MEV_PER_K), 1e-10, "LiFePO4 T_c closed form");
  g_assert_cmpstr (json_object_get_string_member (obj, "c0_region"), ==, "unstable");
}

static void
test_analyze_unstable (void)
{
  const char *args[] = { "--omega", "103.4", "--temperature", "300", "--c0", "0.2", NULL };
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *obj = analyze_json (args, parser);
  SpModel model;
  double kt = SP_KB_MEV_PER_K * 300.0;
  double g2 = kt / (0.2 * 0.8) - 2.0 * 103.4;
  double m = 1.0 / kt * 0.2 * 0.8;

  sp_model_init_default (&model);
  model.omega = 103.4;
  model.temperature = 300.0;
  model.c0 = 0.2;
  assert_matches_core (obj, &model);

  g_assert_cmpstr (json_object_get_string_member (obj, "c0_region"), ==, "unstable");
  /* PHYSICS.md: k* = √(−g''/(2κ)), σ_max = M g''²/(4κ) with κ = 100, D₀ = 1. */
  assert_rel (member_double (obj, "k_star_per_nm"), sqrt (-g2 / 200.0), 1e-10, "k* closed form");
  assert_rel (member_double (obj, "lambda_star_nm"), 2.0 * G_PI / sqrt (-g2 / 200.0), 1e-10,
              "λ* closed form");
  assert_rel (member_double (obj, "sigma_max_per_s"), m * g2 * g2 / 400.0, 1e-10,
              "σ_max closed form");
}

static void
test_analyze_metastable (void)
{
  g_autofree char *omega = g_strdup_printf ("%.17g", 4.0 * SP_KB_MEV_PER_K * 300.0);
  const char *args[] = { "--omega", omega, "--temperature", "300", "--c0", "0.05", NULL };
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *obj = analyze_json (args, parser);
  JsonArray *spinodals, *pair;
  SpModel model;

  sp_model_init_default (&model);
  model.omega = g_ascii_strtod (omega, NULL);
  model.temperature = 300.0;
  model.c0 = 0.05;
  assert_matches_core (obj, &model);

  g_assert_cmpstr (json_object_get_string_member (obj, "c0_region"), ==, "metastable");
  assert_rel (member_double (obj, "omega_over_kT"), 4.0, 1e-14, "Ω/kT");
  assert_null_member (obj, "k_star_per_nm");
  /* The source text's worked check: spinodal (0.146, 0.854) where c(1−c) = 1/8. */
  spinodals = json_object_get_array_member (obj, "spinodal_intervals");
  g_assert_cmpuint (json_array_get_length (spinodals), ==, 1);
  pair = json_array_get_array_element (spinodals, 0);
  assert_rel (json_array_get_double_element (pair, 0), (1.0 - sqrt (0.5)) / 2.0, 1e-12,
              "spinodal lo");
  assert_rel (json_array_get_double_element (pair, 1), (1.0 + sqrt (0.5)) / 2.0, 1e-12,
              "spinodal hi");
}

static void
test_analyze_stable (void)
{
  const char *args[] = { "--preset", "solid-solution", NULL };
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *obj = analyze_json (args, parser);
  SpModel model = preset_model ("solid-solution");

  assert_matches_core (obj, &model);
  g_assert_cmpstr (json_object_get_string_member (obj, "c0_region"), ==, "stable");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (obj, "miscibility_gaps")), ==, 0);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (obj, "spinodal_intervals")), ==, 0);
  assert_null_member (obj, "k_star_per_nm");
  assert_null_member (obj, "lambda_star_nm");
  assert_null_member (obj, "sigma_max_per_s");
  /* Ω = 30 meV > 0 still separates below T_c = Ω/(2 k_B) ≈ 174 K: the
   * preset is a solid solution at its own 298 K, not at every temperature. */
  assert_rel (member_double (obj, "critical_temperature_K"), 30.0 / (2.0 * SP_KB_MEV_PER_K),
              1e-10, "solid-solution T_c");
}

static void
test_analyze_two_gaps (void)
{
  const char *args[] = { "--rk", "0,200,0,-300", "--omega", "20", "--temperature", "298", NULL };
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *obj = analyze_json (args, parser);
  JsonArray *gaps;
  SpModel model;

  sp_model_init_default (&model);
  model.rk[0] = 0.0;
  model.rk[1] = 200.0;
  model.rk[2] = 0.0;
  model.rk[3] = -300.0;
  model.omega = 20.0;
  model.temperature = 298.0;
  assert_matches_core (obj, &model);

  gaps = json_object_get_array_member (obj, "miscibility_gaps");
  g_assert_cmpuint (json_array_get_length (gaps), ==, 2);
  g_assert_cmpfloat (json_object_get_double_member (json_array_get_object_element (gaps, 0), "c_beta"), <,
                     json_object_get_double_member (json_array_get_object_element (gaps, 1), "c_alpha"));
}

static void
test_analyze_negative_omega (void)
{
  const char *args[] = { "--omega", "-50", NULL };
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *obj = analyze_json (args, parser);
  SpModel model;

  sp_model_init_default (&model);
  model.omega = -50.0;
  assert_matches_core (obj, &model);

  g_assert_cmpfloat (member_double (obj, "omega_eff_meV"), ==, -50.0);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (obj, "miscibility_gaps")), ==, 0);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (obj, "spinodal_intervals")), ==, 0);
  g_assert_cmpstr (json_object_get_string_member (obj, "c0_region"), ==, "stable");
  assert_null_member (obj, "critical_temperature_K");
  assert_null_member (obj, "sigma_max_per_s");
}

/* g''(c) of the symmetric model: kT/(c(1−c)) − 2Ω_eff + 2K. */
static double
symmetric_g2 (double kt,
              double omega_eff,
              double stiffness,
              double c)
{
  return kt / (c * (1.0 - c)) - 2.0 * omega_eff + 2.0 * stiffness;
}

static void
test_analyze_stiffness (void)
{
  const char *args[] = { "--stiffness", "20", NULL };
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *obj = analyze_json (args, parser);
  SpModel model;
  double kt = SP_KB_MEV_PER_K * 300.0;
  double g2 = symmetric_g2 (kt, 103.4, 20.0, 0.5);
  double m = 0.25 / kt;

  sp_model_init_default (&model);
  model.stiffness = 20.0;
  assert_matches_core (obj, &model);

  /* Strain is not part of Ω_eff (it is not an entropy term) but it does
   * lower T_c to (Ω − K)/(2 k_B) and slow the growth. */
  assert_rel (member_double (obj, "omega_eff_meV"), 103.4, 1e-15, "Ω_eff with K");
  assert_rel (member_double (obj, "critical_temperature_K"), (103.4 - 20.0) / (2.0 * SP_KB_MEV_PER_K),
              1e-10, "T_c with K");
  assert_rel (member_double (obj, "sigma_max_per_s"), m * g2 * g2 / 400.0, 1e-10, "σ_max with K");
}

static void
test_analyze_s1 (void)
{
  const char *args[] = { "--s1", "1.5", NULL };
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *obj = analyze_json (args, parser);
  SpModel model;
  double kt = SP_KB_MEV_PER_K * 300.0;
  double omega_eff = 103.4 - 1.5 * kt;

  sp_model_init_default (&model);
  model.s1 = 1.5;
  assert_matches_core (obj, &model);

  assert_rel (member_double (obj, "omega_eff_meV"), omega_eff, 1e-13, "Ω_eff with s1");
  assert_rel (member_double (obj, "omega_over_kT"), omega_eff / kt, 1e-13, "Ω_eff/kT with s1");
  /* T_c = Ω/(k_B (2 + s1)). */
  assert_rel (member_double (obj, "critical_temperature_K"), 103.4 / (SP_KB_MEV_PER_K * 3.5),
              1e-10, "T_c with s1");
}

static void
test_analyze_mobility_constant (void)
{
  const char *args_const[] = { "--mobility", "constant", "--c0", "0.3", NULL };
  const char *args_site[] = { "--c0", "0.3", NULL };
  g_autoptr(JsonParser) parser_const = json_parser_new ();
  g_autoptr(JsonParser) parser_site = json_parser_new ();
  JsonObject *obj_const = analyze_json (args_const, parser_const);
  JsonObject *obj_site = analyze_json (args_site, parser_site);
  SpModel model;
  double kt = SP_KB_MEV_PER_K * 300.0;
  double g2 = symmetric_g2 (kt, 103.4, 0.0, 0.3);
  double sigma_const, sigma_site;

  sp_model_init_default (&model);
  model.mobility = SP_MOBILITY_CONSTANT;
  model.c0 = 0.3;
  assert_matches_core (obj_const, &model);

  /* σ_max = D₀/(4kT) · g''²/(4κ) with D₀ = 1, κ = 100. */
  sigma_const = member_double (obj_const, "sigma_max_per_s");
  assert_rel (sigma_const, 1.0 / (4.0 * kt) * g2 * g2 / 400.0, 1e-10, "σ_max, constant M");
  /* The mobility does not move the fastest wavelength, only the rate:
   * σ_site / σ_const = 4 c₀(1 − c₀). */
  sigma_site = member_double (obj_site, "sigma_max_per_s");
  assert_rel (sigma_site / sigma_const, 4.0 * 0.3 * 0.7, 1e-12, "σ ratio site/constant");
  assert_rel (member_double (obj_const, "k_star_per_nm"), member_double (obj_site, "k_star_per_nm"),
              1e-15, "k* independent of M");
}

/* Extreme but allowed values: the output must stay finite JSON. */
static void
test_analyze_extremes (void)
{
  const char *const cases[][9] = {
    { "--omega", "1000", "--temperature", "1", NULL },
    { "--omega", "-1000", "--temperature", "1", NULL },
    { "--omega", "1000", "--temperature", "3000", "--c0", "1e-9", NULL },
    { "--omega", "1000", "--temperature", "10", "--c0", "0.999999", NULL },
    { "--rk", "1000,-1000,1000,-1000", "--omega", "-1000", "--temperature", "50", NULL },
    { "--preset", "lto", NULL },
    { "--preset", "textbook", NULL },
    { "--preset", "two-plateau", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(JsonParser) parser = json_parser_new ();

      /* analyze_json() fails on any nan/inf and checks the key set. */
      analyze_json (cases[i], parser);
    }
}

/* κ and D₀ at the edges of their allowed ranges (κ ≥ 1e−3 meV·nm²):
 * σ_max = M g''²/(4κ) must still be a finite number, or the JSON is not even
 * valid ("inf.0").  Ω = 1000 meV at T = 1 K gives the largest |g''|. */
static void
test_analyze_tiny_kappa (void)
{
  const char *args[] = { "--kappa", "1e-3", "--d0", "1e9", "--omega", "1000",
                         "--temperature", "1", NULL };
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *obj = analyze_json (args, parser);
  SpModel model;

  sp_model_init_default (&model);
  model.kappa = 1e-3;
  model.d0 = 1e9;
  model.omega = 1000.0;
  model.temperature = 1.0;
  assert_matches_core (obj, &model);
}

/* Issue 11, item 7a: Ω = −30 meV, s1 = −3: Ω_eff = Ω − s1 k_BT grows with T,
 * so the gap exists only above the lower critical temperature
 * T = (Ω − K)/(k_B (2 + s1)) = 30/k_B = 348.13 K. */
static void
test_analyze_lower_critical (void)
{
  const char *args[] = { "--omega", "-30", "--s1", "-3", "--temperature", "400", "--c0", "0.4", NULL };
  const char *table_args[] = { "analyze", "--omega", "-30", "--s1", "-3", NULL };
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *obj = analyze_json (args, parser);
  JsonObject *lever;
  g_auto(Run) run = { 0 };
  SpModel model;
  double t_lower = 30.0 / SP_KB_MEV_PER_K;

  sp_model_init_default (&model);
  model.omega = -30.0;
  model.s1 = -3.0;
  model.temperature = 400.0;
  model.c0 = 0.4;
  assert_matches_core (obj, &model);
  assert_rel (member_double (obj, "critical_temperature_K"), t_lower, 1e-12, "lower T_c");
  g_assert_cmpstr (json_object_get_string_member (obj, "critical_kind"), ==, "lower");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (obj, "miscibility_gaps")), ==, 1);
  /* The symmetric gap's fractions at 0.4 (c_α + c_β = 1). */
  lever = json_object_get_object_member (obj, "c0_lever");
  assert_rel (member_double (lever, "fraction_alpha") + member_double (lever, "fraction_beta"), 1.0,
              1e-14, "fractions sum");

  /* The table at 300 K (below it, no gap) names the lower critical point and
   * does not claim there is no gap at any temperature. */
  run_cli (table_args, &run);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "348.136 K (c = 0.5), lower"));
  g_assert_null (strstr (run.out, "no gap at any temperature"));
}

/* Issue 11, item 7d: at 1 K a strongly non-convex Redlich–Kister model has
 * one gap (an independent fine convex hull gives 0.127225–0.980604); it
 * was lost when round-off exceeded the tangent solver's fixed tolerance.
 * Ω = 658.8 meV failed as well as the 658.8097. */
static void
test_analyze_low_temperature_gap (void)
{
  const char *omegas[] = { "658.8097", "658.8" };

  for (guint i = 0; i < G_N_ELEMENTS (omegas); i++)
    {
      const char *args[] = { "--omega", omegas[i], "--temperature", "1", "--s1", "-3.7509",
                             "--stiffness", "47.709", "--kappa", "8.21", "--c0", "0.6",
                             "--rk", "-908.6434,-899.7488,912.7536,4.3208", NULL };
      g_autoptr(JsonParser) parser = json_parser_new ();
      JsonObject *obj = analyze_json (args, parser);
      JsonArray *gaps = json_object_get_array_member (obj, "miscibility_gaps");
      JsonObject *gap;

      g_assert_cmpuint (json_array_get_length (gaps), ==, 1);
      gap = json_array_get_object_element (gaps, 0);
      g_assert_cmpfloat (fabs (member_double (gap, "c_alpha") - 0.127225), <, 2e-5);
      g_assert_cmpfloat (fabs (member_double (gap, "c_beta") - 0.980604), <, 2e-5);
    }
}

/* Issue 11, item 7e/f: at Ω/k_BT = 40 the symmetric binodal is within 1e−16
 * of 1, where c_beta itself rounds to 1: one_minus_c_beta keeps its digits
 * (against the fixed point u = −a(1 − 2c) of the symmetric binodal, with
 * 1 − c_β = c_α by symmetry), and the symmetric μ* = K = 0 prints as 0. */
static void
test_analyze_near_one (void)
{
  g_autofree char *omega = g_strdup_printf ("%.17g", 40.0 * SP_KB_MEV_PER_K * 100.0);
  const char *args[] = { "--omega", omega, "--temperature", "100", NULL };
  const char *table_args[] = { "analyze", "--omega", "150", "--temperature", "300", NULL };
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *obj = analyze_json (args, parser);
  JsonObject *gap = json_array_get_object_element (json_object_get_array_member (obj, "miscibility_gaps"), 0);
  g_auto(Run) run = { 0 };
  double u = -40.0;

  for (int i = 0; i < 200; i++)
    u = -40.0 * (sp_logistic_complement (u) - sp_logistic (u));
  assert_rel (member_double (gap, "one_minus_c_beta"), sp_logistic (u), 1e-10, "1 - c_beta");
  g_assert_cmpfloat (member_double (gap, "one_minus_c_beta"), <, 1e-16);
  g_assert_cmpfloat (member_double (gap, "mu_meV"), ==, 0.0);

  run_cli (table_args, &run);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "μ* = 0 "));
}

static void
test_analyze_table (void)
{
  const char *args[] = { "analyze", NULL };
  g_auto(Run) run = { 0 };

  run_cli (args, &run);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.err, ==, "");
  g_assert_nonnull (strstr (run.out, "Critical temperature"));
  g_assert_nonnull (strstr (run.out, "unstable"));
  g_assert_false (contains_nan_or_inf (run.out));
}

static void
test_presets (void)
{
  const char *args[] = { "presets", NULL };
  const char *ids[] = { "lifepo4", "lto", "textbook", "solid-solution", "two-plateau" };
  g_auto(Run) run = { 0 };
  g_auto(GStrv) lines = NULL;

  run_cli (args, &run);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.err, ==, "");
  lines = g_strsplit (g_strchomp (run.out), "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, G_N_ELEMENTS (ids));
  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    {
      g_auto(GStrv) words = g_strsplit (lines[i], " ", 2);
      g_assert_cmpstr (words[0], ==, ids[i]);
    }

  /* --verbose: each preset's description, source and every parameter,
   * the numbers the presets hold. */
  {
    const char *verbose[] = { "presets", "--verbose", NULL };
    g_auto(Run) more = { 0 };
    g_autoptr(SpPreset) lfp = sp_presets_lookup ("lifepo4", NULL);
    g_autofree char *omega = g_strdup_printf ("Ω = %g meV", lfp->model.omega);

    run_cli_ok (verbose, &more);
    g_assert_nonnull (strstr (more.out, lfp->description));
    g_assert_nonnull (strstr (more.out, "Source: "));
    g_assert_nonnull (strstr (more.out, lfp->source));
    g_assert_nonnull (strstr (more.out, omega));
    g_assert_nonnull (strstr (more.out, "site-blocking"));
    g_assert_nonnull (strstr (more.out, "L₁…L₄ = "));
    for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
      {
        g_autofree char *head = g_strdup_printf ("\n%s ", ids[i]);
        g_assert_true (g_str_has_prefix (more.out, ids[i]) || strstr (more.out, head) != NULL);
      }
  }
}

static void
test_bench (void)
{
  const char *args[] = { "bench", "--runs", "3", "--preset", "textbook", NULL };
  g_auto(Run) run = { 0 };

  run_cli (args, &run);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "median"));
  g_assert_nonnull (strstr (run.out, "3 runs"));
}

/* Issue 11: json-glib wrote 1e-8 as "1e-08.0" (not JSON).  The output
 * parses, and the number reads back exactly. */
static void
test_analyze_json_exponents (void)
{
  const char *args[] = { "--omega", "1e-8", "--c0", "1e-8", "--kappa", "1e-3", NULL };
  const char *raw_args[] = { "analyze", "--json", "--omega", "1e-8", NULL };
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_auto(Run) run = { 0 };
  JsonObject *obj = analyze_json (args, parser);

  g_assert_cmpfloat (member_double (obj, "omega_eff_meV"), ==, 1e-8);

  run_cli (raw_args, &run);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "\"omega_eff_meV\" : 1e-08,"));
  g_assert_null (strstr (run.out, "e-08.0"));
}

/* Every plain decimal spelling of a number is accepted and means the same. */
static void
test_analyze_number_forms (void)
{
  const char *forms[] = { "103.4", "+103.4", "1.034e2", "1034E-1", "103.40", NULL };
  double first = NAN;

  for (guint i = 0; forms[i] != NULL; i++)
    {
      const char *args[] = { "--omega", forms[i], NULL };
      g_autoptr(JsonParser) parser = json_parser_new ();
      JsonObject *obj = analyze_json (args, parser);
      double omega = member_double (obj, "omega_eff_meV");

      if (i == 0)
        first = omega;
      g_assert_cmpfloat (omega, ==, first);
    }
}

/* Issue 11: a stable model with a large D₀ ran for minutes on a fixed
 * default t-end of 100 s.  The default is now 2 L²/D_chem(c₀), the box's
 * diffusion time: the same number of steps whatever D₀ is. */
static void
test_simulate_default_t_end (void)
{
  const char *d0s[] = { "1", "1e9", NULL };
  guint64 steps[2] = { 0, 0 };

  for (guint i = 0; d0s[i] != NULL; i++)
    {
      const char *args[] = { "simulate", "--preset", "solid-solution", "--d0", d0s[i],
                             "--grid", "64", NULL };
      g_autoptr(SpPreset) preset = sp_presets_lookup ("solid-solution", NULL);
      g_auto(Run) run = { 0 };
      SpModel m = preset->model;
      const char *t, *n;
      double expected;

      m.d0 = g_ascii_strtod (d0s[i], NULL);
      g_assert_cmpfloat (sp_kinetics_dchem (&m, m.c0), >, 0.0);
      expected = 2.0 * 128.0 * 128.0 / sp_kinetics_dchem (&m, m.c0);

      run_cli (args, &run);
      g_assert_cmpint (run.status, ==, 0);
      t = strstr (run.out, "t = ");
      g_assert_nonnull (t);
      assert_rel (g_ascii_strtod (t + 4, NULL), expected, 1e-5, "default t-end");
      n = strchr (run.out, '\n');
      g_assert_nonnull (n);
      steps[i] = g_ascii_strtoull (n + 1, NULL, 10);
      g_assert_cmpuint (steps[i], >, 0);
      g_assert_cmpuint (steps[i], <, 5000);
    }
  /* Time scale invariance: D₀ only rescales time. */
  g_assert_cmpuint (steps[0], ==, steps[1]);
}

int
main (int    argc,
      char **argv)
{
  cli_runner_init (&argc, &argv);
  sp_gsl_init ();
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/cli/analyze/lifepo4", test_analyze_lifepo4);
  g_test_add_func ("/cli/analyze/unstable", test_analyze_unstable);
  g_test_add_func ("/cli/analyze/metastable", test_analyze_metastable);
  g_test_add_func ("/cli/analyze/stable", test_analyze_stable);
  g_test_add_func ("/cli/analyze/two-gaps", test_analyze_two_gaps);
  g_test_add_func ("/cli/analyze/negative-omega", test_analyze_negative_omega);
  g_test_add_func ("/cli/analyze/stiffness", test_analyze_stiffness);
  g_test_add_func ("/cli/analyze/s1", test_analyze_s1);
  g_test_add_func ("/cli/analyze/mobility-constant", test_analyze_mobility_constant);
  g_test_add_func ("/cli/analyze/extremes", test_analyze_extremes);
  g_test_add_func ("/cli/analyze/tiny-kappa", test_analyze_tiny_kappa);
  g_test_add_func ("/cli/analyze/lower-critical", test_analyze_lower_critical);
  g_test_add_func ("/cli/analyze/low-temperature-gap", test_analyze_low_temperature_gap);
  g_test_add_func ("/cli/analyze/near-one", test_analyze_near_one);
  g_test_add_func ("/cli/analyze/table", test_analyze_table);
  g_test_add_func ("/cli/analyze/json-exponents", test_analyze_json_exponents);
  g_test_add_func ("/cli/analyze/number-forms", test_analyze_number_forms);
  g_test_add_func ("/cli/simulate/default-t-end", test_simulate_default_t_end);
  g_test_add_func ("/cli/presets", test_presets);
  g_test_add_func ("/cli/bench", test_bench);

  return g_test_run ();
}
