/* test-params.c — SpParams: ranges, presets, plain structs, GSettings
 *
 * No display needed (suite 'core'); GSettings comes from the memory
 * backend and the schema compiled into the build tree.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>

#define G_SETTINGS_ENABLE_BACKEND
#include <gio/gsettingsbackend.h>

#include "sp-gsl.h"
#include "sp-params.h"
#include "sp-presets.h"

static const char *double_props[] = {
  "omega", "temperature", "s1", "stiffness", "kappa", "l1", "l2", "l3", "l4",
  "d0", "v0", "c0", "domain-length",
};

static void
assert_model_equal (const SpModel *a,
                    const SpModel *b)
{
  g_assert_cmpfloat (a->omega, ==, b->omega);
  g_assert_cmpfloat (a->temperature, ==, b->temperature);
  g_assert_cmpfloat (a->s1, ==, b->s1);
  g_assert_cmpfloat (a->stiffness, ==, b->stiffness);
  g_assert_cmpfloat (a->kappa, ==, b->kappa);
  for (guint j = 0; j < SP_RK_MAX; j++)
    g_assert_cmpfloat (a->rk[j], ==, b->rk[j]);
  g_assert_cmpfloat (a->d0, ==, b->d0);
  g_assert_cmpfloat (a->v0, ==, b->v0);
  g_assert_cmpfloat (a->c0, ==, b->c0);
  g_assert_cmpint (a->mobility, ==, b->mobility);
}

static void
count_changed (SpParams *params,
               guint    *count)
{
  (*count)++;
}

static void
test_defaults_are_preset (void)
{
  g_autoptr(SpParams) params = sp_params_new ();
  g_autoptr(SpPreset) preset = sp_presets_lookup (SP_PRESET_DEFAULT, NULL);
  SpModel model;
  guint n;

  g_assert_nonnull (preset);
  sp_params_to_model (params, &model);
  assert_model_equal (&model, &preset->model);
  g_assert_cmpstr (sp_params_get_preset (params), ==, SP_PRESET_DEFAULT);
  g_object_get (params, "grid-size", &n, NULL);
  g_assert_cmpuint (n, ==, SP_PARAMS_DEFAULT_GRID);
}

/* Every slider range lies inside the core's range, so nothing a slider
 * can reach is refused by sp_model_validate. */
static void
test_ranges_inside_core (void)
{
  static const struct { const char *name; SpParamId id; } map[] = {
    { "omega", SP_PARAM_OMEGA }, { "temperature", SP_PARAM_TEMPERATURE },
    { "s1", SP_PARAM_S1 }, { "stiffness", SP_PARAM_STIFFNESS },
    { "kappa", SP_PARAM_KAPPA }, { "l1", SP_PARAM_RK }, { "l2", SP_PARAM_RK },
    { "l3", SP_PARAM_RK }, { "l4", SP_PARAM_RK }, { "d0", SP_PARAM_D0 },
    { "v0", SP_PARAM_V0 }, { "c0", SP_PARAM_C0 },
  };
  g_autoptr(SpParams) params = sp_params_new ();

  for (guint i = 0; i < G_N_ELEMENTS (map); i++)
    {
      const SpParamRange *core = sp_param_range (map[i].id);
      GParamSpec *pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (params), map[i].name);
      GParamSpecDouble *d = G_PARAM_SPEC_DOUBLE (pspec);
      double min, max;

      sp_params_get_range (params, map[i].name, &min, &max);
      g_assert_cmpfloat (min, ==, d->minimum);
      g_assert_cmpfloat (max, ==, d->maximum);
      g_assert_cmpfloat (min, <, max);
      if (!sp_param_range_contains (core, min) || !sp_param_range_contains (core, max))
        g_error ("%s: [%g, %g] is not inside the core's range", map[i].name, min, max);
    }
}

static void
test_clamp (void)
{
  g_autoptr(SpParams) params = sp_params_new ();
  SpModel model;
  double c0;

  g_assert_cmpfloat (sp_params_set_clamped (params, "c0", 2.0), ==, 0.99);
  g_assert_cmpfloat (sp_params_set_clamped (params, "c0", -1.0), ==, 0.01);
  g_assert_cmpfloat (sp_params_set_clamped (params, "omega", -1e9), ==, -200.0);
  g_assert_cmpfloat (sp_params_set_clamped (params, "kappa", 0.0), ==, 1.0);
  g_assert_cmpfloat (sp_params_set_clamped (params, "d0", 0.0), ==, 0.01);
  /* NaN never gets in. */
  g_assert_cmpfloat (sp_params_set_clamped (params, "temperature", NAN), ==, 298.0);
  sp_params_to_model (params, &model);
  g_assert_true (sp_model_validate (&model, NULL));

  /* GObject itself refuses an out-of-range property value. */
  g_test_expect_message ("GLib-GObject", G_LOG_LEVEL_WARNING, "*c0*");
  g_object_set (params, "c0", 1.5, NULL);
  g_test_assert_expected_messages ();
  g_object_get (params, "c0", &c0, NULL);
  g_assert_cmpfloat (c0, ==, 0.01);

  /* A model from elsewhere (a session) is clamped field by field. */
  model.omega = 5000.0;
  model.c0 = 0.999999;
  sp_params_set_model (params, &model);
  sp_params_to_model (params, &model);
  g_assert_cmpfloat (model.omega, ==, 500.0);
  g_assert_cmpfloat (model.c0, ==, 0.99);
}

static void
test_grid_snap (void)
{
  g_autoptr(SpParams) params = sp_params_new ();
  static const guint in[] = { 64, 100, 129, 200, 300, 512 };
  static const guint out[] = { 64, 128, 128, 256, 256, 512 };

  for (guint i = 0; i < G_N_ELEMENTS (in); i++)
    {
      guint n;

      g_object_set (params, "grid-size", in[i], NULL);
      g_object_get (params, "grid-size", &n, NULL);
      g_assert_cmpuint (n, ==, out[i]);
    }
}

static void
test_load_preset (void)
{
  g_autoptr(SpParams) params = sp_params_new ();
  g_autoptr(GPtrArray) presets = sp_presets_load_all (NULL);
  g_autoptr(GError) error = NULL;
  guint changed = 0;
  SpModel before, model;

  g_assert_nonnull (presets);
  g_signal_connect (params, "changed", G_CALLBACK (count_changed), &changed);

  for (guint i = 0; i < presets->len; i++)
    {
      const SpPreset *preset = g_ptr_array_index (presets, i);
      guint expected = changed + 1;

      /* Start from something else so that loading changes many fields. */
      sp_params_set_clamped (params, "omega", preset->model.omega + 1.0);
      expected = changed + 1;
      g_assert_true (sp_params_load_preset (params, preset->id, &error));
      g_assert_no_error (error);
      /* One batch, one "changed", however many fields moved. */
      g_assert_cmpuint (changed, ==, expected);
      sp_params_to_model (params, &model);
      assert_model_equal (&model, &preset->model);
      g_assert_cmpstr (sp_params_get_preset (params), ==, preset->id);
    }

  sp_params_to_model (params, &before);
  g_assert_false (sp_params_load_preset (params, "no-such-preset", &error));
  g_assert_error (error, SP_PRESETS_ERROR, SP_PRESETS_ERROR_NOT_FOUND);
  sp_params_to_model (params, &model);
  assert_model_equal (&model, &before);

  /* Reset to preset undoes slider changes. */
  g_clear_error (&error);
  g_assert_true (sp_params_load_preset (params, "textbook", &error));
  sp_params_set_clamped (params, "temperature", 444.0);
  g_assert_true (sp_params_reset_to_preset (params, &error));
  sp_params_to_model (params, &model);
  g_assert_cmpfloat (model.temperature, ==, 300.0);
}

static void
test_to_ch_params (void)
{
  g_autoptr(SpParams) params = sp_params_new ();
  SpChParams ch;
  SpModel model;

  g_object_set (params, "grid-size", 128u, "domain-length", 80.0,
                "seed", G_GUINT64_CONSTANT (77), NULL);
  sp_params_to_ch_params (params, &ch);
  sp_params_to_model (params, &model);
  g_assert_cmpuint (ch.n, ==, 128);
  g_assert_cmpfloat (ch.length, ==, 80.0);
  g_assert_cmpuint (ch.seed, ==, 77);
  g_assert_cmpint (ch.problem, ==, SP_CH_PROBLEM_MODEL);
  assert_model_equal (&ch.model, &model);
  g_assert_true (sp_ch_params_validate (&ch, NULL));

  /* The default grid resolves the interfaces: Δx = 0.5 nm. */
  g_object_set (params, "grid-size", SP_PARAMS_DEFAULT_GRID,
                "domain-length", SP_PARAMS_DEFAULT_LENGTH, NULL);
  sp_params_to_ch_params (params, &ch);
  g_assert_cmpfloat (ch.length / ch.n, ==, 0.5);
}

static void
count_cb (guint *count)
{
  (*count)++;
}

/* The drive: the preset's MPET kinetics and cut-offs around its V₀, the
 * signed C-rate the engine takes, crossed cut-offs put in order, a
 * session's drive clamped into the sliders, and "changed" on each. */
static void
test_drive (void)
{
  g_autoptr(SpParams) params = sp_params_new ();
  g_autoptr(SpPreset) lto = sp_presets_lookup ("lto", NULL);
  SpDriveParams drive, in;
  double k0, alpha, lo, hi, voltage;
  guint changed = 0;

  /* The default preset, LiFePO₄: MPET's k₀ and α, V₀ = 3.4654 V. */
  sp_params_to_drive (params, &drive);
  g_assert_cmpint (drive.mode, ==, SP_DRIVE_CLOSED);
  g_assert_cmpfloat (drive.k0, ==, 3.62e-3);
  g_assert_cmpfloat (drive.alpha, ==, 0.5);
  g_assert_cmpfloat (drive.v_lo, ==, 3.0);
  g_assert_cmpfloat (drive.v_hi, ==, 4.0);
  g_assert_cmpfloat (drive.voltage_V, ==, 3.37);
  g_assert_true (sp_drive_params_validate (&drive, NULL));

  /* LTO (V₀ = 1.55 V, no kinetics of its own): cut-offs follow V₀, k₀
   * stays. */
  g_assert_nonnull (lto);
  g_assert_true (sp_params_load_preset (params, "lto", NULL));
  g_object_get (params, "k0", &k0, "alpha", &alpha, "v-cutoff-lo", &lo, "v-cutoff-hi", &hi,
                "drive-voltage", &voltage, NULL);
  g_assert_cmpfloat (lo, ==, round (10.0 * (lto->model.v0 - 0.5)) / 10.0);
  g_assert_cmpfloat (hi, ==, round (10.0 * (lto->model.v0 + 0.5)) / 10.0);
  g_assert_cmpfloat (voltage, ==, round (100.0 * (lto->model.v0 - 0.1)) / 100.0);
  if (!lto->has_kinetics)
    g_assert_cmpfloat (k0, ==, 3.62e-3);
  g_assert_true (sp_params_load_preset (params, "textbook", NULL));
  g_object_get (params, "k0", &k0, NULL);
  g_assert_cmpfloat (k0, ==, 0.01);

  g_signal_connect_swapped (params, "changed", G_CALLBACK (count_cb), &changed);
  /* A charge: the engine gets a negative C-rate. */
  g_object_set (params, "drive-mode", SP_DRIVE_GALVANOSTATIC, "drive-charge", TRUE,
                "c-rate", 20.0, NULL);
  g_assert_cmpuint (changed, >=, 1);
  sp_params_to_drive (params, &drive);
  g_assert_cmpint (drive.mode, ==, SP_DRIVE_GALVANOSTATIC);
  g_assert_cmpfloat (drive.c_rate, ==, -20.0);
  /* Crossed cut-off sliders reach the engine in order; equal ones apart. */
  g_object_set (params, "v-cutoff-lo", 4.2, "v-cutoff-hi", 2.5, NULL);
  sp_params_to_drive (params, &drive);
  g_assert_cmpfloat (drive.v_lo, ==, 2.5);
  g_assert_cmpfloat (drive.v_hi, ==, 4.2);
  g_object_set (params, "v-cutoff-lo", 3.0, "v-cutoff-hi", 3.0, NULL);
  sp_params_to_drive (params, &drive);
  g_assert_cmpfloat (drive.v_lo, <, drive.v_hi);
  g_assert_true (sp_drive_params_validate (&drive, NULL));

  /* A session's drive, clamped into the sliders where it is outside. */
  sp_drive_params_init_default (&in);
  in.mode = SP_DRIVE_CYCLE;
  in.c_rate = 5000.0;
  in.k0 = 1e-7;
  in.alpha = 0.3;
  in.v_lo = 2.8;
  in.v_hi = 4.1;
  in.c_lo = 0.05;
  sp_params_set_drive (params, &in);
  sp_params_to_drive (params, &drive);
  g_assert_cmpint (drive.mode, ==, SP_DRIVE_CYCLE);
  g_assert_cmpfloat (drive.c_rate, ==, 1000.0);
  g_assert_cmpfloat (drive.k0, ==, 1e-5);
  g_assert_cmpfloat (drive.alpha, ==, 0.3);
  g_assert_cmpfloat (drive.v_lo, ==, 2.8);
  g_assert_cmpfloat (drive.v_hi, ==, 4.1);
  g_assert_cmpfloat (drive.c_lo, ==, 0.05);
  /* The whole drive is in the engine's parameters. */
  {
    SpChParams ch;

    sp_params_to_ch_params (params, &ch);
    g_assert_cmpmem (&ch.drive, sizeof ch.drive, &drive, sizeof drive);
  }
}

static GSettings *
new_memory_settings (void)
{
  g_autoptr(GSettingsBackend) backend = g_memory_settings_backend_new ();

  return g_settings_new_with_backend (APP_ID, backend);
}

/* The schema's defaults are the default preset, so a first launch and
 * "Reset to preset" agree. */
static void
test_schema_defaults (void)
{
  g_autoptr(GSettings) settings = new_memory_settings ();
  g_autoptr(SpParams) reference = sp_params_new ();
  g_autoptr(SpParams) params = sp_params_new ();
  SpModel a, b;

  sp_params_bind_settings (params, settings);
  sp_params_to_model (reference, &a);
  sp_params_to_model (params, &b);
  assert_model_equal (&a, &b);
  g_assert_cmpuint (g_settings_get_uint (settings, "grid-size"), ==, SP_PARAMS_DEFAULT_GRID);
  g_assert_cmpfloat (g_settings_get_double (settings, "domain-length"), ==,
                     SP_PARAMS_DEFAULT_LENGTH);

  /* Every settings range is the property's range. */
  for (guint i = 0; i < G_N_ELEMENTS (double_props); i++)
    {
      g_autoptr(GSettingsSchema) schema = NULL;
      g_autoptr(GSettingsSchemaKey) key = NULL;
      g_autoptr(GVariant) range = NULL;
      g_autoptr(GVariant) limits = NULL;
      const char *type;
      double min, max, kmin, kmax;

      g_object_get (settings, "settings-schema", &schema, NULL);
      key = g_settings_schema_get_key (schema, double_props[i]);
      range = g_settings_schema_key_get_range (key);
      g_variant_get (range, "(&sv)", &type, &limits);
      g_assert_cmpstr (type, ==, "range");
      g_variant_get (limits, "(dd)", &kmin, &kmax);
      sp_params_get_range (params, double_props[i], &min, &max);
      g_assert_cmpfloat (kmin, ==, min);
      g_assert_cmpfloat (kmax, ==, max);
      {
        /* range_check does not sink a floating reference. */
        g_autoptr(GVariant) above = g_variant_ref_sink (g_variant_new_double (max + 1.0));

        g_assert_false (g_settings_schema_key_range_check (key, above));
      }
    }
}

static void
test_settings_round_trip (void)
{
  g_autoptr(GSettings) settings = new_memory_settings ();
  g_autoptr(SpParams) params = sp_params_new ();
  g_autoptr(SpParams) again = sp_params_new ();
  guint changed = 0;
  SpModel a, b;
  SpMobility mobility;
  guint64 seed;
  gboolean presentation;

  sp_params_bind_settings (params, settings);

  /* Property → key. */
  g_object_set (params, "temperature", 350.0, "l2", -42.5, "mobility", SP_MOBILITY_CONSTANT,
                "seed", G_GUINT64_CONSTANT (12345678901234), "presentation", TRUE,
                "preset", "textbook", "steps-per-frame", 9u, "grid-size", 512u, NULL);
  g_assert_cmpfloat (g_settings_get_double (settings, "temperature"), ==, 350.0);
  g_assert_cmpfloat (g_settings_get_double (settings, "l2"), ==, -42.5);
  g_assert_cmpint (g_settings_get_enum (settings, "mobility"), ==, SP_MOBILITY_CONSTANT);
  g_assert_cmpuint (g_settings_get_uint64 (settings, "seed"), ==, G_GUINT64_CONSTANT (12345678901234));
  g_assert_true (g_settings_get_boolean (settings, "presentation"));
  g_assert_cmpuint (g_settings_get_uint (settings, "steps-per-frame"), ==, 9);
  g_assert_cmpuint (g_settings_get_uint (settings, "grid-size"), ==, 512);

  /* Key → property. */
  g_signal_connect (params, "changed", G_CALLBACK (count_changed), &changed);
  g_settings_set_double (settings, "c0", 0.3);
  g_settings_set_string (settings, "mobility", "site-blocking");
  g_object_get (params, "mobility", &mobility, NULL);
  g_assert_cmpint (mobility, ==, SP_MOBILITY_SITE_BLOCKING);
  g_assert_cmpuint (changed, ==, 2);

  /* A second SpParams bound to the same store starts where the first
   * stopped: the restore on start. */
  sp_params_bind_settings (again, settings);
  sp_params_to_model (params, &a);
  sp_params_to_model (again, &b);
  assert_model_equal (&a, &b);
  g_assert_cmpfloat (b.c0, ==, 0.3);
  g_object_get (again, "seed", &seed, "presentation", &presentation, NULL);
  g_assert_cmpuint (seed, ==, G_GUINT64_CONSTANT (12345678901234));
  g_assert_true (presentation);
  g_assert_cmpstr (sp_params_get_preset (again), ==, "textbook");
}

int
main (int   argc,
      char *argv[])
{
  sp_gsl_init ();
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/params/defaults-are-preset", test_defaults_are_preset);
  g_test_add_func ("/params/ranges-inside-core", test_ranges_inside_core);
  g_test_add_func ("/params/clamp", test_clamp);
  g_test_add_func ("/params/grid-snap", test_grid_snap);
  g_test_add_func ("/params/load-preset", test_load_preset);
  g_test_add_func ("/params/to-ch-params", test_to_ch_params);
  g_test_add_func ("/params/drive", test_drive);
  g_test_add_func ("/params/schema-defaults", test_schema_defaults);
  g_test_add_func ("/params/settings-round-trip", test_settings_round_trip);

  return g_test_run ();
}
