/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-presets.c — the material presets: contents, validation, lookup and
 * the parser's behaviour on hostile documents */

#include "config.h"

#include <math.h>
#include <string.h>

#include <json-glib/json-glib.h>

#include "sp-equilibrium.h"
#include "sp-gsl.h"
#include "sp-presets.h"

static const char *const expected_ids[] = {
  "lifepo4", "lto", "textbook", "solid-solution", "two-plateau",
};

static SpPreset *
lookup (const char *id)
{
  g_autoptr(GError) error = NULL;
  SpPreset *preset = sp_presets_lookup (id, &error);

  g_assert_no_error (error);
  g_assert_nonnull (preset);
  return preset;
}

static void
test_load_all (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) presets = sp_presets_load_all (&error);

  g_assert_no_error (error);
  g_assert_nonnull (presets);
  g_assert_cmpuint (presets->len, ==, G_N_ELEMENTS (expected_ids));

  for (guint i = 0; i < presets->len; i++)
    {
      const SpPreset *p = g_ptr_array_index (presets, i);

      /* The index fixes the display order; the UI and the README rely on it. */
      g_assert_cmpstr (p->id, ==, expected_ids[i]);
      g_assert_nonnull (p->name);
      g_assert_cmpuint (strlen (p->name), >, 0);
      g_assert_nonnull (p->description);
      g_assert_cmpuint (strlen (p->description), >, 0);
      g_assert_nonnull (p->source);
      g_assert_cmpuint (strlen (p->source), >, 0);
    }
}

/* PHYSICS.md's table, compared exactly: a preset is data, not a fit, so any
 * difference at all means the file drifted from the documented source. */
static void
test_lifepo4 (void)
{
  g_autoptr(SpPreset) p = lookup ("lifepo4");

  g_assert_cmpfloat (p->model.omega, ==, 115.8);
  g_assert_cmpfloat (p->model.kappa, ==, 227.0);
  g_assert_cmpfloat (p->model.stiffness, ==, 43.4);
  g_assert_cmpfloat (p->model.d0, ==, 0.53);
  g_assert_cmpfloat (p->model.v0, ==, 3.4654);
  g_assert_cmpfloat (p->model.temperature, ==, 298.0);
  g_assert_cmpfloat (p->model.s1, ==, 0.0);
  for (guint j = 0; j < SP_RK_MAX; j++)
    g_assert_cmpfloat (p->model.rk[j], ==, 0.0);
  g_assert_cmpint (p->model.mobility, ==, SP_MOBILITY_SITE_BLOCKING);
  /* 115.8 meV is documented as 4.51 k_BT at 298 K. */
  g_assert_cmpfloat_with_epsilon (p->model.omega / (SP_KB_MEV_PER_K * 298.0), 4.51, 0.005);
  g_assert_false (p->illustrative);
}

static void
test_lto (void)
{
  g_autoptr(SpPreset) p = lookup ("lto");

  g_assert_cmpfloat (p->model.omega, ==, 89.3);
  g_assert_cmpfloat (p->model.kappa, ==, 47.3);
  g_assert_cmpfloat (p->model.stiffness, ==, 0.0);
  g_assert_cmpfloat (p->model.v0, ==, 1.55);
  g_assert_cmpfloat (p->model.temperature, ==, 298.0);
  g_assert_cmpfloat_with_epsilon (p->model.omega / (SP_KB_MEV_PER_K * 298.0), 3.48, 0.005);
  g_assert_false (p->illustrative);
}

static void
test_textbook (void)
{
  g_autoptr(SpPreset) p = lookup ("textbook");

  g_assert_cmpfloat (p->model.omega, ==, 103.4);
  g_assert_cmpfloat (p->model.kappa, ==, 100.0);
  g_assert_cmpfloat (p->model.stiffness, ==, 0.0);
  g_assert_cmpfloat (p->model.d0, ==, 1.0);
  g_assert_cmpfloat (p->model.v0, ==, 3.4);
  g_assert_cmpfloat (p->model.temperature, ==, 300.0);
  g_assert_cmpfloat (p->model.s1, ==, 0.0);
  g_assert_false (p->illustrative);
}

static void
test_illustrative (void)
{
  g_autoptr(GPtrArray) presets = sp_presets_load_all (NULL);

  g_assert_nonnull (presets);
  for (guint i = 0; i < presets->len; i++)
    {
      const SpPreset *p = g_ptr_array_index (presets, i);
      gboolean made_up = g_str_equal (p->id, "solid-solution") ||
                         g_str_equal (p->id, "two-plateau");

      g_assert_cmpint (p->illustrative, ==, made_up);
      /* PHYSICS.md: illustrative presets must say so in words, not only in a flag. */
      if (made_up)
        g_assert_nonnull (strstr (p->description, "Illustrative"));
      else
        g_assert_null (strstr (p->description, "Illustrative"));
    }
}

static void
test_validate (void)
{
  g_autoptr(GPtrArray) presets = sp_presets_load_all (NULL);

  g_assert_nonnull (presets);
  for (guint i = 0; i < presets->len; i++)
    {
      const SpPreset *p = g_ptr_array_index (presets, i);
      g_autoptr(GError) error = NULL;

      g_assert_true (sp_model_validate (&p->model, &error));
      g_assert_no_error (error);
    }
}

static void
test_lookup_case (void)
{
  g_autoptr(SpPreset) upper = lookup ("LIFEPO4");
  g_autoptr(SpPreset) mixed = lookup ("Solid-Solution");
  g_autoptr(SpPreset) lower = lookup ("lifepo4");

  g_assert_cmpstr (upper->id, ==, "lifepo4");
  g_assert_cmpstr (mixed->id, ==, "solid-solution");
  g_assert_cmpmem (&upper->model, sizeof upper->model, &lower->model, sizeof lower->model);
}

static void
test_lookup_unknown (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SpPreset) p = sp_presets_lookup ("nosuch", &error);

  g_assert_null (p);
  g_assert_error (error, SP_PRESETS_ERROR, SP_PRESETS_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "nosuch"));
  for (guint i = 0; i < G_N_ELEMENTS (expected_ids); i++)
    g_assert_nonnull (strstr (error->message, expected_ids[i]));
}

/* A preset document with one piece replaceable, so each hostile variant
 * differs from a known-good document in exactly one place. */
static char *
make_document (const char *illustrative_member,
               const char *parameters_member)
{
  return g_strdup_printf (
    "{ \"id\": \"test\", \"name\": \"Test\", \"description\": \"d\", \"source\": \"s\"%s%s }",
    illustrative_member, parameters_member);
}

static char *
make_parameters (const char *omega,
                 const char *temperature,
                 const char *rk,
                 const char *mobility)
{
  return g_strdup_printf (
    ", \"parameters\": { \"omega\": %s, \"temperature\": %s, \"s1\": 0, \"stiffness\": 10,"
    " \"kappa\": 100, \"rk\": %s, \"d0\": 2, \"v0\": 3.1, \"c0\": 0.3, \"mobility\": %s }",
    omega, temperature, rk, mobility);
}

static void
test_parse_valid (void)
{
  g_autofree char *params = make_parameters ("-12.5", "350", "[1, 2.5]", "\"constant\"");
  g_autofree char *doc = make_document (", \"illustrative\": true", params);
  g_autoptr(GError) error = NULL;
  g_autoptr(SpPreset) p = sp_preset_parse (doc, -1, &error);

  g_assert_no_error (error);
  g_assert_nonnull (p);
  g_assert_cmpstr (p->id, ==, "test");
  g_assert_true (p->illustrative);
  g_assert_cmpfloat (p->model.omega, ==, -12.5);
  g_assert_cmpfloat (p->model.temperature, ==, 350.0);
  g_assert_cmpfloat (p->model.stiffness, ==, 10.0);
  g_assert_cmpfloat (p->model.rk[0], ==, 1.0);
  g_assert_cmpfloat (p->model.rk[1], ==, 2.5);
  /* Elements not given must be zero, not garbage. */
  g_assert_cmpfloat (p->model.rk[2], ==, 0.0);
  g_assert_cmpfloat (p->model.rk[3], ==, 0.0);
  g_assert_cmpfloat (p->model.c0, ==, 0.3);
  g_assert_cmpint (p->model.mobility, ==, SP_MOBILITY_CONSTANT);
}

/* The kinetic parameters: MPET's LiFePO₄ (k₀ = 0.16 A/m² through the
 * face of a 20 nm platelet of 1.3793e28 sites/m³, converted to a rate per
 * site), the textbook's illustrative one, and none for a preset without. */
static void
test_kinetics (void)
{
  g_autoptr(SpPreset) lfp = sp_presets_lookup ("lifepo4", NULL);
  g_autoptr(SpPreset) textbook = sp_presets_lookup ("textbook", NULL);
  g_autofree char *params = make_parameters ("100", "300", "[]", "\"site-blocking\"");
  g_autofree char *plain = make_document (", \"illustrative\": false", params);
  g_autoptr(SpPreset) none = sp_preset_parse (plain, -1, NULL);
  const double e = 1.602176634e-19, rho_s = 1.3793e28, h = 20e-9;

  g_assert_nonnull (lfp);
  g_assert_true (lfp->has_kinetics);
  /* Three significant digits, as written in the preset. */
  g_assert_cmpfloat_with_epsilon (lfp->k0, 0.16 / (e * rho_s * h), 5e-3 * lfp->k0);
  g_assert_cmpfloat (lfp->alpha, ==, 0.5);
  g_assert_nonnull (strstr (lfp->kinetics_source, "MPET"));
  g_assert_nonnull (strstr (lfp->kinetics_source, "1.6e-1"));

  g_assert_nonnull (textbook);
  g_assert_true (textbook->has_kinetics);
  g_assert_cmpfloat (textbook->k0, ==, 0.01);
  g_assert_cmpfloat (textbook->alpha, ==, 0.5);
  g_assert_nonnull (strstr (textbook->kinetics_source, "illustrative"));

  g_assert_nonnull (none);
  g_assert_false (none->has_kinetics);
  g_assert_null (none->kinetics_source);
}

typedef struct
{
  const char *what;
  char       *doc;
  const char *field;   /* must appear in the message, or NULL */
} Hostile;

static void
assert_rejected (const Hostile *h)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SpPreset) p = NULL;

  g_test_message ("hostile document: %s", h->what);
  p = sp_preset_parse (h->doc, -1, &error);
  g_assert_null (p);
  g_assert_nonnull (error);
  g_assert_cmpuint (strlen (error->message), >, 0);
  if (h->field != NULL && strstr (error->message, h->field) == NULL)
    g_error ("%s: message “%s” does not name “%s”", h->what, error->message, h->field);
}

static void
test_parse_hostile (void)
{
  const char *good_illustrative = ", \"illustrative\": false";
  g_autofree char *p_omega = make_parameters ("\"abc\"", "300", "[]", "\"site-blocking\"");
  g_autofree char *p_temp = make_parameters ("100", "-1", "[]", "\"site-blocking\"");
  g_autofree char *p_rk = make_parameters ("100", "300", "[1, 2, 3, 4, 5]", "\"site-blocking\"");
  g_autofree char *p_rk_str = make_parameters ("100", "300", "[1, \"x\"]", "\"site-blocking\"");
  g_autofree char *p_mob = make_parameters ("100", "300", "[]", "\"fast\"");
  g_autofree char *p_good = make_parameters ("100", "300", "[]", "\"site-blocking\"");
  g_autofree char *p_omega_big = make_parameters ("1e400", "300", "[]", "\"site-blocking\"");
  g_autofree char *p_good_kin_array = g_strconcat (p_good, ", \"kinetics\": [1]", NULL);
  g_autofree char *p_kin_no_k0 =
    g_strconcat (p_good, ", \"kinetics\": { \"alpha\": 0.5, \"source\": \"x\" }", NULL);
  g_autofree char *p_kin_neg_k0 =
    g_strconcat (p_good, ", \"kinetics\": { \"k0\": -1, \"alpha\": 0.5, \"source\": \"x\" }", NULL);
  g_autofree char *p_kin_alpha =
    g_strconcat (p_good, ", \"kinetics\": { \"k0\": 1, \"alpha\": 1, \"source\": \"x\" }", NULL);
  g_autofree char *p_kin_no_source =
    g_strconcat (p_good, ", \"kinetics\": { \"k0\": 1, \"alpha\": 0.5 }", NULL);
  Hostile cases[] = {
    { "not JSON", g_strdup ("this is { not json"), NULL },
    { "empty", g_strdup (""), NULL },
    { "JSON array", g_strdup ("[1, 2, 3]"), NULL },
    { "JSON string", g_strdup ("\"lifepo4\""), NULL },
    { "missing parameters", make_document (good_illustrative, ""), "parameters" },
    { "parameters not an object", make_document (good_illustrative, ", \"parameters\": [1]"), "parameters" },
    { "omega is a string", make_document (good_illustrative, p_omega), "omega" },
    { "omega overflows", make_document (good_illustrative, p_omega_big), "omega" },
    { "negative temperature", make_document (good_illustrative, p_temp), "temperature" },
    { "five rk elements", make_document (good_illustrative, p_rk), "rk" },
    { "rk element not a number", make_document (good_illustrative, p_rk_str), "rk" },
    { "unknown mobility", make_document (good_illustrative, p_mob), "mobility" },
    { "missing illustrative", make_document ("", p_good), "illustrative" },
    { "illustrative not boolean", make_document (", \"illustrative\": 1", p_good), "illustrative" },
    { "missing id", g_strdup ("{ \"name\": \"x\" }"), "id" },
    { "kinetics not an object", make_document (good_illustrative, p_good_kin_array), "kinetics" },
    { "kinetics without k0", make_document (good_illustrative, p_kin_no_k0), "k0" },
    { "negative k0", make_document (good_illustrative, p_kin_neg_k0), "k0" },
    { "alpha of 1", make_document (good_illustrative, p_kin_alpha), "alpha" },
    { "kinetics without source", make_document (good_illustrative, p_kin_no_source), "source" },
  };
  g_autofree char *control = make_document (good_illustrative, p_good);
  g_autoptr(SpPreset) ok = sp_preset_parse (control, -1, NULL);

  /* The control document must parse, or the rejections prove nothing. */
  g_assert_nonnull (ok);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      assert_rejected (&cases[i]);
      g_free (cases[i].doc);
    }
}

static void
test_solid_solution_no_gap (void)
{
  g_autoptr(SpPreset) p = lookup ("solid-solution");
  SpEquilibrium eq;

  sp_equilibrium_compute (&p->model, &eq);
  g_assert_cmpuint (eq.n_gaps, ==, 0);
  g_assert_cmpuint (eq.n_spinodals, ==, 0);
  /* Below the 2 k_BT threshold of the symmetric regular solution. */
  g_assert_cmpfloat (sp_model_omega_eff (&p->model) - p->model.stiffness, <,
                     2.0 * sp_model_kt (&p->model));
}

static void
test_two_plateau (void)
{
  g_autoptr(SpPreset) p = lookup ("two-plateau");
  SpEquilibrium eq;

  sp_equilibrium_compute (&p->model, &eq);
  g_assert_cmpuint (eq.n_gaps, ==, 2);
  g_assert_cmpfloat (eq.gaps[0].c_beta, <, eq.gaps[1].c_alpha);
  g_assert_cmpfloat (fabs (eq.gaps[0].voltage - eq.gaps[1].voltage), >, 0.02);
  for (guint i = 0; i < eq.n_gaps; i++)
    {
      const SpGap *gap = &eq.gaps[i];

      g_assert_cmpfloat (gap->c_alpha, >, 0.0);
      g_assert_cmpfloat (gap->c_alpha, <, gap->c_beta);
      g_assert_cmpfloat (gap->c_beta, <, 1.0);
      /* Common tangent: equal μ at both ends to round-off (μ is O(100) meV). */
      g_assert_cmpfloat_with_epsilon (sp_model_mu (&p->model, gap->c_alpha), gap->mu, 1e-8);
      g_assert_cmpfloat_with_epsilon (sp_model_mu (&p->model, gap->c_beta), gap->mu, 1e-8);
      g_assert_cmpfloat_with_epsilon (gap->voltage, p->model.v0 - gap->mu / 1000.0, 1e-14);
    }
}

static void
test_lifepo4_one_gap (void)
{
  g_autoptr(SpPreset) p = lookup ("lifepo4");
  SpEquilibrium eq;
  double kt = sp_model_kt (&p->model);
  double w = sp_model_omega_eff (&p->model) - p->model.stiffness;

  sp_equilibrium_compute (&p->model, &eq);
  g_assert_cmpuint (eq.n_gaps, ==, 1);
  g_assert_cmpuint (eq.n_spinodals, ==, 1);
  /* The strain term is K c − K c(1−c): the tangent compositions are those of
   * the symmetric regular solution with Ω − K, so c_α + c_β = 1 and c_α
   * solves kT ln(c/(1−c)) + (Ω − K)(1 − 2c) = 0. */
  g_assert_cmpfloat_with_epsilon (eq.gaps[0].c_alpha + eq.gaps[0].c_beta, 1.0, 1e-10);
  g_assert_cmpfloat_with_epsilon (kt * log (eq.gaps[0].c_alpha / (1.0 - eq.gaps[0].c_alpha)) +
                                  w * (1.0 - 2.0 * eq.gaps[0].c_alpha), 0.0, 1e-9);
}

/* ---- every preset's stated numbers against its own curves -------------- */

/* A number as the description prints it: it must appear there verbatim,
 * and the computed value must round to it (half a unit in its last
 * digit). */
static void
check_stated (const SpPreset *p,
              const char     *what,
              const char     *stated,
              double          computed)
{
  const char *dot = strchr (stated, '.');
  int decimals = dot != NULL ? (int) strlen (dot + 1) : 0;
  double value = g_ascii_strtod (stated, NULL);

  if (strstr (p->description, stated) == NULL)
    g_error ("preset %s: its claims state %s = %s, its description does not", p->id, what, stated);
  if (!(fabs (computed - value) <= 0.5 * pow (10.0, -decimals) * (1.0 + 1e-9)))
    g_error ("preset %s: the description says %s = %s, the model gives %.6g",
             p->id, what, stated, computed);
}

static JsonObject *
preset_claims (const char  *id,
               JsonParser  *parser)
{
  g_autofree char *path = g_strdup_printf ("/io/github/spinodal/Spinodal/presets/%s.json", id);
  g_autoptr(GBytes) bytes = g_resources_lookup_data (path, 0, NULL);
  g_autoptr(GError) error = NULL;
  JsonObject *root;

  g_assert_nonnull (bytes);
  g_assert_true (json_parser_load_from_data (parser, g_bytes_get_data (bytes, NULL),
                                             g_bytes_get_size (bytes), &error));
  g_assert_no_error (error);
  root = json_node_get_object (json_parser_get_root (parser));
  /* Every preset states checkable numbers. */
  g_assert_true (json_object_has_member (root, "claims"));
  return json_object_get_object_member (root, "claims");
}

static void
test_claims (void)
{
  for (guint k = 0; k < G_N_ELEMENTS (expected_ids); k++)
    {
      g_autoptr(SpPreset) p = lookup (expected_ids[k]);
      g_autoptr(JsonParser) parser = json_parser_new ();
      JsonObject *claims = preset_claims (expected_ids[k], parser);
      SpEquilibrium eq;
      guint n_checked = 0;

      sp_equilibrium_compute (&p->model, &eq);
      if (json_object_has_member (claims, "omega_over_kT"))
        {
          check_stated (p, "Ω/kT", json_object_get_string_member (claims, "omega_over_kT"),
                        p->model.omega / sp_model_kt (&p->model));
          n_checked++;
        }
      if (json_object_has_member (claims, "n_gaps"))
        {
          g_assert_cmpint (eq.n_gaps, ==, json_object_get_int_member (claims, "n_gaps"));
          n_checked++;
        }
      if (json_object_has_member (claims, "plateau_V"))
        {
          JsonArray *v = json_object_get_array_member (claims, "plateau_V");

          g_assert_cmpuint (json_array_get_length (v), ==, eq.n_gaps);
          for (guint i = 0; i < eq.n_gaps; i++)
            check_stated (p, "plateau (V)", json_array_get_string_element (v, i), eq.gaps[i].voltage);
          n_checked++;
        }
      if (json_object_has_member (claims, "plateau_shift_V"))
        {
          /* With K c² the symmetric μ* is K: the plateau lies K/e below V0. */
          check_stated (p, "V0 − plateau (V)",
                        json_object_get_string_member (claims, "plateau_shift_V"),
                        p->model.v0 - eq.gaps[0].voltage);
          n_checked++;
        }
      if (json_object_has_member (claims, "gaps"))
        {
          JsonArray *gaps = json_object_get_array_member (claims, "gaps");

          g_assert_cmpuint (json_array_get_length (gaps), ==, eq.n_gaps);
          for (guint i = 0; i < eq.n_gaps; i++)
            {
              JsonArray *ends = json_array_get_array_element (gaps, i);

              check_stated (p, "c_alpha", json_array_get_string_element (ends, 0), eq.gaps[i].c_alpha);
              check_stated (p, "c_beta", json_array_get_string_element (ends, 1), eq.gaps[i].c_beta);
            }
          n_checked++;
        }
      if (json_object_has_member (claims, "spinodals"))
        {
          JsonArray *sp = json_object_get_array_member (claims, "spinodals");

          g_assert_cmpuint (json_array_get_length (sp), ==, eq.n_spinodals);
          for (guint i = 0; i < eq.n_spinodals; i++)
            {
              JsonArray *ends = json_array_get_array_element (sp, i);

              check_stated (p, "spinodal lo", json_array_get_string_element (ends, 0), eq.spinodals[i].lo);
              check_stated (p, "spinodal hi", json_array_get_string_element (ends, 1), eq.spinodals[i].hi);
            }
          n_checked++;
        }
      {
        const char *regions[] = { "unstable", "metastable" };

        for (guint r = 0; r < G_N_ELEMENTS (regions); r++)
          if (json_object_has_member (claims, regions[r]))
            {
              JsonArray *cs = json_object_get_array_member (claims, regions[r]);

              for (guint i = 0; i < json_array_get_length (cs); i++)
                {
                  const char *stated = json_array_get_string_element (cs, i);

                  g_assert_nonnull (strstr (p->description, stated));
                  g_assert_cmpstr (sp_region_to_string (sp_equilibrium_classify (&eq, g_ascii_strtod (stated, NULL))),
                                   ==, regions[r]);
                }
              n_checked++;
            }
      }
      g_assert_cmpuint (n_checked, ==, json_object_get_size (claims));
    }
}

/* PHYSICS.md: the LiFePO4 plateau V0 − K/e lands on the measured 3.422 V. */
static void
test_lifepo4_plateau (void)
{
  g_autoptr(SpPreset) p = lookup ("lifepo4");
  SpEquilibrium eq;

  sp_equilibrium_compute (&p->model, &eq);
  g_assert_cmpuint (eq.n_gaps, ==, 1);
  g_assert_cmpfloat (fabs (eq.gaps[0].mu - p->model.stiffness), <=, 1e-10 * p->model.stiffness);
  g_assert_cmpfloat (fabs (eq.gaps[0].voltage - (p->model.v0 - p->model.stiffness / 1000.0)), <=, 1e-10);
  g_assert_cmpfloat (fabs (eq.gaps[0].voltage - 3.422), <=, 1e-10);
}

int
main (int    argc,
      char **argv)
{
  sp_gsl_init ();
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/presets/load-all", test_load_all);
  g_test_add_func ("/presets/lifepo4", test_lifepo4);
  g_test_add_func ("/presets/lto", test_lto);
  g_test_add_func ("/presets/textbook", test_textbook);
  g_test_add_func ("/presets/illustrative", test_illustrative);
  g_test_add_func ("/presets/validate", test_validate);
  g_test_add_func ("/presets/lookup-case", test_lookup_case);
  g_test_add_func ("/presets/lookup-unknown", test_lookup_unknown);
  g_test_add_func ("/presets/parse-valid", test_parse_valid);
  g_test_add_func ("/presets/kinetics", test_kinetics);
  g_test_add_func ("/presets/parse-hostile", test_parse_hostile);
  g_test_add_func ("/presets/solid-solution-no-gap", test_solid_solution_no_gap);
  g_test_add_func ("/presets/two-plateau", test_two_plateau);
  g_test_add_func ("/presets/lifepo4-one-gap", test_lifepo4_one_gap);
  g_test_add_func ("/presets/claims", test_claims);
  g_test_add_func ("/presets/lifepo4-plateau", test_lifepo4_plateau);

  return g_test_run ();
}
