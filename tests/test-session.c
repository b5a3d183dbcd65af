/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-session.c — session files: bit-exact round trips, defaults, forward
 * compatibility, the committed version-1 files, and hostile input that must
 * be refused with a message naming the field while the caller's session
 * stays exactly as it was */

#include "config.h"

#include <glib/gstdio.h>
#include <math.h>
#include <string.h>

#include "sp-gsl.h"
#include "sp-kinetics.h"
#include "sp-presets.h"
#include "sp-session.h"

/* A session whose every field differs from the defaults. */
static void
session_init_unusual (SpSession *s)
{
  sp_session_init_default (s);
  s->preset = g_strdup ("lto");
  s->sim.model = (SpModel) {
    .omega = 89.3, .temperature = 311.5, .s1 = 0.25, .stiffness = 12.5, .kappa = 47.3,
    .rk = { 1.5, -2.25, 3.125, -4.0625 }, .d0 = 0.125, .v0 = 1.55, .c0 = 0.35,
    .mobility = SP_MOBILITY_CONSTANT,
  };
  s->sim.n = 512;
  s->sim.length = 321.75;
  s->sim.noise = 0.025;
  s->sim.seed = 987654321;
  s->sim.dt_max = 0.5;
  s->sim.tolerance = 0.05;
  s->steps_per_frame = 37;
}

static char *
to_data (const SpSession *s)
{
  g_autoptr(GError) error = NULL;
  char *data = sp_session_to_data (s, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (data);
  return data;
}

static void
assert_double_identical (double a,
                         double b)
{
  char sa[64], sb[64];

  g_snprintf (sa, sizeof sa, "%.17g", a);
  g_snprintf (sb, sizeof sb, "%.17g", b);
  g_assert_cmpstr (sa, ==, sb);
  g_assert_true (memcmp (&a, &b, sizeof a) == 0);
}

static void
assert_sessions_identical (const SpSession *a,
                           const SpSession *b)
{
  const SpModel *m = &a->sim.model, *n = &b->sim.model;

  g_assert_cmpstr (a->preset, ==, b->preset);
  assert_double_identical (m->omega, n->omega);
  assert_double_identical (m->temperature, n->temperature);
  assert_double_identical (m->s1, n->s1);
  assert_double_identical (m->stiffness, n->stiffness);
  assert_double_identical (m->kappa, n->kappa);
  for (guint j = 0; j < SP_RK_MAX; j++)
    assert_double_identical (m->rk[j], n->rk[j]);
  assert_double_identical (m->d0, n->d0);
  assert_double_identical (m->v0, n->v0);
  assert_double_identical (m->c0, n->c0);
  g_assert_cmpint (m->mobility, ==, n->mobility);
  g_assert_cmpint (a->sim.problem, ==, b->sim.problem);
  g_assert_cmpint (a->sim.init, ==, b->sim.init);
  g_assert_cmpuint (a->sim.n, ==, b->sim.n);
  assert_double_identical (a->sim.length, b->sim.length);
  assert_double_identical (a->sim.noise, b->sim.noise);
  g_assert_cmpuint (a->sim.seed, ==, b->sim.seed);
  assert_double_identical (a->sim.dt_max, b->sim.dt_max);
  assert_double_identical (a->sim.tolerance, b->sim.tolerance);
  g_assert_cmpuint (a->steps_per_frame, ==, b->steps_per_frame);
  g_assert_true (sp_session_equal (a, b));
}

static void
test_defaults (void)
{
  g_auto(SpSession) s = { 0 };
  g_autoptr(GError) error = NULL;
  SpChParams ch;

  sp_session_init_default (&s);
  sp_ch_params_init_default (&ch);
  g_assert_true (sp_session_validate (&s, &error));
  g_assert_no_error (error);
  g_assert_null (s.preset);
  g_assert_cmpuint (s.steps_per_frame, ==, SP_SESSION_STEPS_PER_FRAME_DEFAULT);
  g_assert_cmpuint (s.sim.n, ==, ch.n);
  g_assert_cmpfloat (s.sim.model.omega, ==, ch.model.omega);
}

/* Random values spread over every range, written and read back: each double
 * must come back bit for bit (sp-json writes the shortest exact form).
 * Every fifth trial rounds the values to a few digits, which is where
 * exponent forms without a '.' ("1e-08") appear. */
static void
test_round_trip_random (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (20261122);

  for (guint trial = 0; trial < 300; trial++)
    {
      g_auto(SpSession) a = { 0 };
      g_auto(SpSession) b = { 0 };
      g_autoptr(GError) error = NULL;
      g_autofree char *data = NULL;
      SpModel *m;

      sp_session_init_default (&a);
      m = &a.sim.model;
      m->omega = g_rand_double_range (rand, -1000, 1000);
      m->temperature = g_rand_double_range (rand, 1, 3000);
      m->s1 = g_rand_double_range (rand, -10, 10);
      m->stiffness = g_rand_double_range (rand, 0, 1000);
      m->kappa = exp (g_rand_double_range (rand, log (1e-3), log (1e5)));
      for (guint j = 0; j < SP_RK_MAX; j++)
        m->rk[j] = g_rand_double_range (rand, -1000, 1000);
      m->d0 = exp (g_rand_double_range (rand, log (1e-6), log (1e9)));
      m->v0 = g_rand_double_range (rand, -5, 10);
      m->c0 = g_rand_double_range (rand, 1e-12, 1 - 1e-12);
      m->mobility = g_rand_boolean (rand) ? SP_MOBILITY_CONSTANT : SP_MOBILITY_SITE_BLOCKING;
      a.sim.n = g_rand_int_range (rand, SP_SESSION_GRID_MIN, SP_SESSION_GRID_MAX + 1);
      a.sim.length = g_rand_double_range (rand, 1e-3, 1e6);
      a.sim.noise = g_rand_double_range (rand, 0, 0.49);
      /* Seeds above 2⁶³ are written as strings. */
      a.sim.seed = ((guint64) g_rand_int (rand) << 32) | g_rand_int (rand);
      a.sim.dt_max = trial % 3 == 0 ? 0.0 : g_rand_double_range (rand, 1e-9, 1e12);
      a.sim.tolerance = trial % 4 == 0 ? 0.0 : g_rand_double_range (rand, 1e-6, 0.49);
      a.sim.problem = trial % 7 == 0 ? SP_CH_PROBLEM_PFHUB1 : SP_CH_PROBLEM_MODEL;
      a.sim.init = trial % 7 == 0 ? SP_CH_INIT_PFHUB1A : SP_CH_INIT_NOISE;
      a.steps_per_frame = g_rand_int_range (rand, 1, SP_SESSION_STEPS_PER_FRAME_MAX + 1);
      if (trial % 2 == 0)
        a.preset = g_strdup ("lifepo4");
      if (trial % 5 == 0)
        {
          double *fields[] = { &m->kappa, &m->d0, &m->c0, &a.sim.length, &a.sim.noise,
                               &a.sim.dt_max, &a.sim.tolerance };

          for (guint f = 0; f < G_N_ELEMENTS (fields); f++)
            {
              char text[32];
              double rounded;

              g_snprintf (text, sizeof text, "%.1e", *fields[f]);
              rounded = g_ascii_strtod (text, NULL);
              if (*fields[f] > 0 && (fields[f] != &m->c0 || rounded < 1.0))
                *fields[f] = rounded;
            }
        }

      data = to_data (&a);
      sp_session_init_default (&b);
      sp_session_load_from_data (&b, data, strlen (data), &error);
      g_assert_no_error (error);
      assert_sessions_identical (&a, &b);
    }
}

/* Every field, through a real file. */
static void
test_round_trip_file (void)
{
  g_auto(SpSession) a = { 0 };
  g_auto(SpSession) b = { 0 };
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("sp-session-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "a.spinodal", NULL);
  g_autofree char *contents = NULL;

  g_assert_no_error (error);
  session_init_unusual (&a);
  a.sim.seed = G_MAXUINT64;
  g_assert_true (sp_session_save (&a, path, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_nonnull (strstr (contents, "\"format\" : \"spinodal-session\""));
  g_assert_nonnull (strstr (contents, "\"version\" : 2"));
  g_assert_nonnull (strstr (contents, "\"pages\" : {"));
  g_assert_nonnull (strstr (contents, "\"18446744073709551615\""));

  sp_session_init_default (&b);
  g_assert_true (sp_session_load (&b, path, &error));
  g_assert_no_error (error);
  assert_sessions_identical (&a, &b);

  /* Saving again replaces the file whole and leaves no temporary behind. */
  a.sim.model.omega = -12.5;
  g_assert_true (sp_session_save (&a, path, &error));
  g_assert_true (sp_session_load (&b, path, &error));
  g_assert_cmpfloat (b.sim.model.omega, ==, -12.5);
  {
    g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
    const char *name;
    guint count = 0;

    while ((name = g_dir_read_name (d)) != NULL)
      count++;
    g_assert_cmpuint (count, ==, 1);
  }
  g_assert_cmpint (g_remove (path), ==, 0);
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

/* Issue 11: json-glib wrote 1e-8 as "1e-08.0", so a session with 1e-8 in
 * a field saved over a good file and was then refused on open.  Every
 * field that can hold such a value, through a real file saved over a good
 * one, and powers of ten and integers in every double field. */
static void
test_round_trip_exponents (void)
{
  g_auto(SpSession) a = { 0 };
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("sp-session-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "tiny.spinodal", NULL);
  static const double powers[] = { 1e-8, 1e-9, 1e-12, 1e-5, 1e-6, 1e-7 };

  g_assert_no_error (error);
  session_init_unusual (&a);
  g_assert_true (sp_session_save (&a, path, &error));
  g_assert_no_error (error);

  for (guint i = 0; i < G_N_ELEMENTS (powers); i++)
    {
      g_auto(SpSession) b = { 0 };
      g_autofree char *contents = NULL;

      a.sim.tolerance = powers[i];
      a.sim.dt_max = powers[i];
      a.sim.noise = powers[i];
      a.sim.model.d0 = powers[i];
      a.sim.model.c0 = powers[i];
      a.sim.model.omega = 1.0;
      a.sim.model.kappa = 100.0;
      a.sim.length = 1e5;
      g_assert_true (sp_session_save (&a, path, &error));
      g_assert_no_error (error);
      g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
      g_assert_null (strstr (contents, "e-08.0"));
      g_assert_null (strstr (contents, "e-09.0"));

      sp_session_init_default (&b);
      g_assert_true (sp_session_load (&b, path, &error));
      g_assert_no_error (error);
      assert_sessions_identical (&a, &b);
    }
  g_assert_cmpint (g_remove (path), ==, 0);
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

static void
test_save_refuses_invalid (void)
{
  g_auto(SpSession) s = { 0 };
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("sp-session-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "bad.spinodal", NULL);

  sp_session_init_default (&s);
  s.sim.model.c0 = 1.0;
  g_assert_false (sp_session_save (&s, path, &error));
  g_assert_error (error, SP_SESSION_ERROR, SP_SESSION_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "session.model.c0"));
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  g_clear_error (&error);

  /* A directory that does not exist: an I/O error naming the cause. */
  s.sim.model.c0 = 0.5;
  g_assert_false (sp_session_save (&s, "/nonexistent-dir/x.spinodal", &error));
  g_assert_error (error, SP_SESSION_ERROR, SP_SESSION_ERROR_IO);
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

static void
test_missing_fields_take_defaults (void)
{
  g_auto(SpSession) s = { 0 };
  g_auto(SpSession) def = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(SpPreset) lfp = sp_presets_lookup ("lifepo4", NULL);
  const char *minimal = "{\"format\": \"spinodal-session\", \"version\": 1}";
  const char *preset_only =
    "{\"format\": \"spinodal-session\", \"version\": 1, \"preset\": \"lifepo4\","
    " \"model\": {\"c0\": 0.25}}";
  SpDispersion disp;

  session_init_unusual (&s);
  sp_session_init_default (&def);
  g_assert_true (sp_session_load_from_data (&s, minimal, strlen (minimal), &error));
  g_assert_no_error (error);
  assert_sessions_identical (&s, &def);

  /* A preset supplies the model's defaults; the box follows the model. */
  g_assert_true (sp_session_load_from_data (&s, preset_only, strlen (preset_only), &error));
  g_assert_no_error (error);
  g_assert_cmpstr (s.preset, ==, "lifepo4");
  g_assert_cmpfloat (s.sim.model.omega, ==, lfp->model.omega);
  g_assert_cmpfloat (s.sim.model.stiffness, ==, lfp->model.stiffness);
  g_assert_cmpfloat (s.sim.model.c0, ==, 0.25);
  sp_kinetics_dispersion (&s.sim.model, &disp);
  g_assert_true (disp.unstable);
  g_assert_cmpfloat (s.sim.length, ==, 16.0 * disp.lambda_star);
}

static void
test_unknown_fields_ignored (void)
{
  g_auto(SpSession) s = { 0 };
  g_autoptr(GError) error = NULL;
  const char *doc =
    "{\"format\": \"spinodal-session\", \"version\": 1, \"future\": {\"x\": [1, {\"y\": null}]},"
    " \"preset\": \"some-future-preset\","
    " \"model\": {\"omega\": 50, \"colour\": \"blue\", \"rk\": [7]},"
    " \"simulation\": {\"grid\": 128.0, \"engine\": \"gpu\", \"seed\": \"42\","
    " \"steps_per_frame\": 5e1}}";

  sp_session_init_default (&s);
  g_assert_true (sp_session_load_from_data (&s, doc, strlen (doc), &error));
  g_assert_no_error (error);
  g_assert_null (s.preset);        /* unknown preset: the numbers count */
  g_assert_cmpfloat (s.sim.model.omega, ==, 50.0);
  g_assert_cmpfloat (s.sim.model.rk[0], ==, 7.0);
  g_assert_cmpfloat (s.sim.model.rk[1], ==, 0.0);
  g_assert_cmpuint (s.sim.n, ==, 128);            /* whole numbers written as 128.0 … */
  g_assert_cmpuint (s.steps_per_frame, ==, 50);   /* … or 5e1 are whole numbers */
  g_assert_cmpuint (s.sim.seed, ==, 42);
}

/* The largest integer seed and the smallest too-large one (see hostile). */
static void
test_seed_limits (void)
{
  g_auto(SpSession) s = { 0 };
  g_autoptr(GError) error = NULL;
  const char *doc = "{\"format\": \"spinodal-session\", \"version\": 1,"
                    " \"simulation\": {\"seed\": 9223372036854775807}}";

  sp_session_init_default (&s);
  g_assert_true (sp_session_load_from_data (&s, doc, strlen (doc), &error));
  g_assert_no_error (error);
  g_assert_cmpuint (s.sim.seed, ==, G_MAXINT64);
}

/* ---- hostile input ------------------------------------------------------ */

#define HEAD "{\"format\": \"spinodal-session\", \"version\": 1, "

typedef struct
{
  const char *name;
  const char *data;       /* NUL-terminated unless @length is set */
  gsize       length;
  int         code;
  const char *expect;     /* a substring the message must contain */
  const char *also;
} Hostile;

#define HEAD2 "{\"format\": \"spinodal-session\", \"version\": 2, "

static const Hostile hostile[] = {
  /* Pins (version 2's top-level "pins"): each problem names its field. */
  { "pins-object", HEAD2 "\"pins\": {}}", 0, SP_SESSION_ERROR_INVALID,
    "session.pins: must be an array of pins", NULL },
  { "pins-five", HEAD2 "\"pins\": [{}, {}, {}, {}, {}]}", 0, SP_SESSION_ERROR_INVALID,
    "session.pins: at most 4 pins, got 5", NULL },
  { "pin-number", HEAD2 "\"pins\": [3]}", 0, SP_SESSION_ERROR_INVALID,
    "session.pins[0]: must be an object", NULL },
  { "pin-no-label", HEAD2 "\"pins\": [{\"model\": {}}]}", 0, SP_SESSION_ERROR_INVALID,
    "session.pins[0].label: must be a text of 1 to 64 characters", NULL },
  { "pin-empty-label", HEAD2 "\"pins\": [{\"label\": \"\", \"model\": {}}]}", 0,
    SP_SESSION_ERROR_INVALID, "session.pins[0].label", NULL },
  { "pin-no-model", HEAD2 "\"pins\": [{\"label\": \"a\"}]}", 0, SP_SESSION_ERROR_INVALID,
    "session.pins[0].model: must be an object", NULL },
  { "pin-omega", HEAD2 "\"pins\": [{\"label\": \"a\", \"model\": {}}, "
    "{\"label\": \"b\", \"model\": {\"omega\": 1e9}}]}", 0, SP_SESSION_ERROR_INVALID,
    "session.pins[1].model.omega: must be a number in [-1000, 1000] meV", NULL },
  { "pin-rk", HEAD2 "\"pins\": [{\"label\": \"a\", \"model\": {\"rk\": [1, \"x\"]}}]}", 0,
    SP_SESSION_ERROR_INVALID, "session.pins[0].model.rk[1]", NULL },
  { "pin-curve-lengths", HEAD2 "\"pins\": [{\"label\": \"a\", \"model\": {}, \"impedance\": "
    "{\"freq_hz\": [1, 2, 3], \"z_re_ohm\": [1, 2, 3], \"z_im_ohm\": [1, 2]}}]}", 0,
    SP_SESSION_ERROR_INVALID, "session.pins[0].impedance.z_im_ohm: must hold as many numbers as freq_hz (3), got 2", NULL },
  { "pin-curve-frequency", HEAD2 "\"pins\": [{\"label\": \"a\", \"model\": {}, \"impedance\": "
    "{\"freq_hz\": [1, -2], \"z_re_ohm\": [1, 2], \"z_im_ohm\": [1, 2]}}]}", 0,
    SP_SESSION_ERROR_INVALID, "session.pins[0].impedance.freq_hz[1]: must be a frequency above 0 Hz", NULL },
  { "pin-curve-missing", HEAD2 "\"pins\": [{\"label\": \"a\", \"model\": {}, \"impedance\": "
    "{\"freq_hz\": [1, 2]}}]}", 0,
    SP_SESSION_ERROR_INVALID, "session.pins[0].impedance.z_re_ohm: must be an array of numbers", NULL },
  { "empty", "", 0, SP_SESSION_ERROR_PARSE, "session: the file is empty", NULL },
  { "whitespace", "  \n\t ", 0, SP_SESSION_ERROR_PARSE, "empty", NULL },
  { "truncated", HEAD "\"model\": {\"omega\": 1", 0, SP_SESSION_ERROR_PARSE, "not valid JSON", NULL },
  { "truncated-string", HEAD "\"preset\": \"lif", 0, SP_SESSION_ERROR_PARSE, "not valid JSON", NULL },
  { "omega-string", HEAD "\"model\": {\"omega\": \"abc\"}}", 0, SP_SESSION_ERROR_INVALID,
    "session.model.omega: must be a number in [-1000, 1000] meV, got \"abc\"", NULL },
  { "temperature-bool", HEAD "\"model\": {\"temperature\": true}}", 0, SP_SESSION_ERROR_INVALID,
    "session.model.temperature: must be a number in [1, 3000] K, got true", NULL },
  { "kappa-null", HEAD "\"model\": {\"kappa\": null}}", 0, SP_SESSION_ERROR_INVALID,
    "session.model.kappa: ", "got null" },
  { "kappa-object", HEAD "\"model\": {\"kappa\": {}}}", 0, SP_SESSION_ERROR_INVALID,
    "session.model.kappa: ", "got an object" },
  { "c0-one", HEAD "\"model\": {\"c0\": 1}}", 0, SP_SESSION_ERROR_INVALID,
    "session.model.c0: must be a number in (0, 1), got 1", NULL },
  { "c0-negative", HEAD "\"model\": {\"c0\": -0.0}}", 0, SP_SESSION_ERROR_INVALID,
    "session.model.c0", NULL },
  { "omega-huge", HEAD "\"model\": {\"omega\": 1e400}}", 0, SP_SESSION_ERROR_INVALID,
    "session.model.omega: must be a number in [-1000, 1000] meV, got inf", NULL },
  { "omega-nan", HEAD "\"model\": {\"omega\": NaN}}", 0, SP_SESSION_ERROR_PARSE,
    "not valid JSON", "NaN" },
  { "omega-infinity", HEAD "\"model\": {\"omega\": Infinity}}", 0, SP_SESSION_ERROR_PARSE,
    "not valid JSON", "Infinity" },
  { "omega-minus-infinity", HEAD "\"model\": {\"omega\": -Infinity}}", 0, SP_SESSION_ERROR_PARSE,
    "not valid JSON", NULL },
  { "rk-long", HEAD "\"model\": {\"rk\": [1, 2, 3, 4, 5]}}", 0, SP_SESSION_ERROR_INVALID,
    "session.model.rk: must be an array of at most 4", NULL },
  { "rk-element", HEAD "\"model\": {\"rk\": [1, \"x\"]}}", 0, SP_SESSION_ERROR_INVALID,
    "session.model.rk[1]: must be a number", "got \"x\"" },
  { "rk-number", HEAD "\"model\": {\"rk\": 5}}", 0, SP_SESSION_ERROR_INVALID,
    "session.model.rk: ", "got 5" },
  { "mobility-unknown", HEAD "\"model\": {\"mobility\": \"fast\"}}", 0, SP_SESSION_ERROR_INVALID,
    "session.model.mobility: must be one of site-blocking, constant, got \"fast\"", NULL },
  { "model-array", HEAD "\"model\": []}", 0, SP_SESSION_ERROR_INVALID,
    "session.model: must be an object, got an array", NULL },
  { "simulation-string", HEAD "\"simulation\": \"x\"}", 0, SP_SESSION_ERROR_INVALID,
    "session.simulation: must be an object", NULL },
  { "grid-fraction", HEAD "\"simulation\": {\"grid\": 100.5}}", 0, SP_SESSION_ERROR_INVALID,
    "session.simulation.grid: must be a whole number in [64, 1024], got 100.5", NULL },
  { "grid-huge", HEAD "\"simulation\": {\"grid\": 100000}}", 0, SP_SESSION_ERROR_INVALID,
    "session.simulation.grid: must be a whole number in [64, 1024], got 100000", NULL },
  { "grid-negative", HEAD "\"simulation\": {\"grid\": -256}}", 0, SP_SESSION_ERROR_INVALID,
    "session.simulation.grid", NULL },
  { "length-zero", HEAD "\"simulation\": {\"length\": 0}}", 0, SP_SESSION_ERROR_INVALID,
    "session.simulation.length: must be a number in (0, 1e+06] nm", NULL },
  { "noise-half", HEAD "\"simulation\": {\"noise\": 0.5}}", 0, SP_SESSION_ERROR_INVALID,
    "session.simulation.noise", NULL },
  { "dt-negative", HEAD "\"simulation\": {\"dt_max\": -1}}", 0, SP_SESSION_ERROR_INVALID,
    "session.simulation.dt_max", NULL },
  { "tolerance-big", HEAD "\"simulation\": {\"tolerance\": 0.7}}", 0, SP_SESSION_ERROR_INVALID,
    "session.simulation.tolerance", NULL },
  { "steps-zero", HEAD "\"simulation\": {\"steps_per_frame\": 0}}", 0, SP_SESSION_ERROR_INVALID,
    "session.simulation.steps_per_frame", NULL },
  { "seed-negative", HEAD "\"simulation\": {\"seed\": -1}}", 0, SP_SESSION_ERROR_INVALID,
    "session.simulation.seed", "got -1" },
  { "seed-word", HEAD "\"simulation\": {\"seed\": \"abc\"}}", 0, SP_SESSION_ERROR_INVALID,
    "session.simulation.seed", NULL },
  { "seed-float", HEAD "\"simulation\": {\"seed\": 1e30}}", 0, SP_SESSION_ERROR_INVALID,
    "session.simulation.seed", NULL },
  { "seed-fraction", HEAD "\"simulation\": {\"seed\": 2.5}}", 0, SP_SESSION_ERROR_INVALID,
    "session.simulation.seed", "got 2.5" },
  /* json-glib would wrap 2⁶⁴ + 1 to 1 silently; the pre-scan refuses it. */
  { "seed-wraps", HEAD "\"simulation\": {\"seed\": 18446744073709551617}}", 0, SP_SESSION_ERROR_PARSE,
    "line 1: whole number outside [−2⁶³, 2⁶³ − 1]", NULL },
  { "seed-2-63", HEAD "\"simulation\": {\"seed\": 9223372036854775808}}", 0, SP_SESSION_ERROR_PARSE,
    "whole number outside", NULL },
  { "grid-wraps", HEAD "\"simulation\": {\"grid\": -9223372036854775809}}", 0, SP_SESSION_ERROR_PARSE,
    "whole number outside", NULL },
  { "problem-unknown", HEAD "\"simulation\": {\"problem\": 3}}", 0, SP_SESSION_ERROR_INVALID,
    "session.simulation.problem: must be one of model, pfhub1, got 3", NULL },
  { "preset-path", HEAD "\"preset\": \"../../etc/passwd\"}", 0, SP_SESSION_ERROR_INVALID,
    "session.preset", NULL },
  { "preset-number", HEAD "\"preset\": 7}", 0, SP_SESSION_ERROR_INVALID,
    "session.preset: must be a preset id or null, got 7", NULL },
  { "no-format", "{\"version\": 1}", 0, SP_SESSION_ERROR_FORMAT,
    "session.format: must be \"spinodal-session\"", NULL },
  { "other-format", "{\"format\": \"geojson\", \"version\": 1}", 0, SP_SESSION_ERROR_FORMAT,
    "session.format", NULL },
  { "no-version", "{\"format\": \"spinodal-session\"}", 0, SP_SESSION_ERROR_FORMAT,
    "session.version: must be a whole number ≥ 1, got nothing", NULL },
  { "version-string", "{\"format\": \"spinodal-session\", \"version\": \"1\"}", 0,
    SP_SESSION_ERROR_FORMAT, "session.version", "got \"1\"" },
  { "version-zero", "{\"format\": \"spinodal-session\", \"version\": 0}", 0,
    SP_SESSION_ERROR_FORMAT, "session.version", NULL },
  { "version-newer", "{\"format\": \"spinodal-session\", \"version\": 3, \"model\": {\"omega\": 1}}", 0,
    SP_SESSION_ERROR_VERSION, "session.version: the file has format version 3, newer than this Spinodal reads (2)",
    "update Spinodal" },
  { "pages-array", "{\"format\": \"spinodal-session\", \"version\": 2, \"pages\": [1]}", 0,
    SP_SESSION_ERROR_INVALID, "session.pages: must be an object, got an array", NULL },
  { "page-number", "{\"format\": \"spinodal-session\", \"version\": 2, \"pages\": {\"impedance\": 7}}", 0,
    SP_SESSION_ERROR_INVALID, "session.pages.impedance: must be an object, got 7", NULL },
  { "page-name", "{\"format\": \"spinodal-session\", \"version\": 2, \"pages\": {\"../x\": {}}}", 0,
    SP_SESSION_ERROR_INVALID, "session.pages: “../x” is not a page name", NULL },
  { "top-array", "[1, 2, 3]", 0, SP_SESSION_ERROR_FORMAT,
    "session: the top level must be an object, got an array", NULL },
  { "top-number", "42", 0, SP_SESSION_ERROR_FORMAT, "top level must be an object", NULL },
  { "binary", "\x7f" "ELF\x02\x01\x01\x00\x00\x00\x00\x00\x00\x00\x00\x00\x03\x00>\x00", 20,
    SP_SESSION_ERROR_PARSE, "session: not UTF-8 text", NULL },
  { "latin1", HEAD "\"preset\": \"caf\xe9\"}", 0, SP_SESSION_ERROR_PARSE,
    "not UTF-8 text (invalid byte at offset 59)", NULL },
  { "nul-byte", HEAD "\"model\": {}}\0{\"x\": 1}", sizeof (HEAD "\"model\": {}}\0{\"x\": 1}") - 1,
    SP_SESSION_ERROR_PARSE, "not UTF-8 text", NULL },
  { "trailing-garbage", HEAD "\"model\": {}} }", 0, SP_SESSION_ERROR_PARSE, "not valid JSON", NULL },
};

static void
assert_refused (const char *data,
                gsize       length,
                int         code,
                const char *expect,
                const char *also)
{
  g_auto(SpSession) s = { 0 };
  g_auto(SpSession) before = { 0 };
  g_autoptr(GError) error = NULL;
  char *preset_pointer;

  session_init_unusual (&s);
  sp_session_copy (&before, &s);
  preset_pointer = s.preset;

  g_assert_false (sp_session_load_from_data (&s, data, length, &error));
  g_assert_error (error, SP_SESSION_ERROR, code);
  if (strstr (error->message, expect) == NULL || (also != NULL && strstr (error->message, also) == NULL))
    g_error ("message “%s” lacks “%s”%s%s", error->message, expect,
             also != NULL ? " / " : "", also != NULL ? also : "");
  /* Untouched: same values and even the same preset string. */
  g_assert_true (s.preset == preset_pointer);
  assert_sessions_identical (&s, &before);
}

static void
test_hostile (gconstpointer data)
{
  const Hostile *h = data;

  assert_refused (h->data, h->length > 0 ? h->length : strlen (h->data), h->code, h->expect, h->also);
}

/* 100000 nested arrays overflow json-glib 1.6's recursive parser (a
 * segfault, found while writing this loader); the pre-scan refuses them. */
static void
test_deeply_nested (void)
{
  const gsize depth = 100000;
  g_autoptr(GString) doc = g_string_new (HEAD "\"future\": ");
  g_autoptr(GString) shallow = g_string_new (HEAD "\"future\": ");

  for (gsize i = 0; i < depth; i++)
    g_string_append_c (doc, '[');
  for (gsize i = 0; i < depth; i++)
    g_string_append_c (doc, ']');
  g_string_append_c (doc, '}');
  assert_refused (doc->str, doc->len, SP_SESSION_ERROR_PARSE,
                  "session: nested more than 64 levels deep (line 1)", NULL);

  /* Brackets inside strings do not count; 60 real levels are fine. */
  g_string_append (shallow, "[\"[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[\", ");
  for (guint i = 0; i < 60; i++)
    g_string_append_c (shallow, '[');
  for (guint i = 0; i < 60; i++)
    g_string_append_c (shallow, ']');
  g_string_append (shallow, "]}");
  {
    g_auto(SpSession) s = { 0 };
    g_autoptr(GError) error = NULL;

    sp_session_init_default (&s);
    g_assert_true (sp_session_load_from_data (&s, shallow->str, shallow->len, &error));
    g_assert_no_error (error);
  }
}

static void
test_huge (void)
{
  g_autoptr(GString) doc = g_string_new (HEAD "\"padding\": \"");
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("sp-session-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "huge.spinodal", NULL);
  g_auto(SpSession) s = { 0 };

  while (doc->len <= SP_SESSION_MAX_BYTES)
    g_string_append (doc, "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx");
  g_string_append (doc, "\"}");
  assert_refused (doc->str, doc->len, SP_SESSION_ERROR_TOO_LARGE, "larger than the 16777216 bytes", NULL);

  /* From a file too: refused after reading at most the cap plus one byte. */
  g_assert_true (g_file_set_contents (path, doc->str, (gssize) doc->len, NULL));
  sp_session_init_default (&s);
  g_assert_false (sp_session_load (&s, path, &error));
  g_assert_error (error, SP_SESSION_ERROR, SP_SESSION_ERROR_TOO_LARGE);
  g_assert_nonnull (strstr (error->message, "huge.spinodal"));
  g_clear_error (&error);

  /* An endless device is not even opened (nor a FIFO, which would block). */
  if (g_file_test ("/dev/zero", G_FILE_TEST_EXISTS))
    {
      g_assert_false (sp_session_load (&s, "/dev/zero", &error));
      g_assert_error (error, SP_SESSION_ERROR, SP_SESSION_ERROR_IO);
      g_assert_nonnull (strstr (error->message, "not a regular file"));
      g_clear_error (&error);
    }

  /* A session just under the cap (padding in an unknown field) loads. */
  g_string_truncate (doc, SP_SESSION_MAX_BYTES - 2);
  g_string_append (doc, "\"}");
  g_assert_true (sp_session_load_from_data (&s, doc->str, doc->len, &error));
  g_assert_no_error (error);

  g_assert_cmpint (g_remove (path), ==, 0);
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

/* A session that would grow past the cap when written (a page this
 * version does not have, loaded compact, written indented) is not saved:
 * it could not be opened again. */
static void
test_save_too_large (void)
{
  g_autoptr(GString) doc = g_string_new (HEAD2 "\"pages\": {\"future-page\": {\"values\": [0");
  g_auto(SpSession) s = { 0 };
  g_autoptr(GError) error = NULL;
  g_autofree char *data = NULL;

  while (doc->len < SP_SESSION_MAX_BYTES / 3)
    g_string_append (doc, ",0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0");
  g_string_append (doc, "]}}}");
  sp_session_init_default (&s);
  g_assert_true (sp_session_load_from_data (&s, doc->str, doc->len, &error));
  g_assert_no_error (error);
  data = sp_session_to_data (&s, NULL, &error);
  g_assert_null (data);
  g_assert_error (error, SP_SESSION_ERROR, SP_SESSION_ERROR_TOO_LARGE);
  g_assert_nonnull (strstr (error->message, "could not be opened again"));
}

static void
test_io_errors (void)
{
  g_auto(SpSession) s = { 0 };
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("sp-session-XXXXXX", NULL);

  sp_session_init_default (&s);
  g_assert_false (sp_session_load (&s, "/nonexistent/none.spinodal", &error));
  g_assert_error (error, SP_SESSION_ERROR, SP_SESSION_ERROR_IO);
  g_assert_nonnull (strstr (error->message, "/nonexistent/none.spinodal"));
  g_clear_error (&error);

  g_assert_false (sp_session_load (&s, dir, &error));
  g_assert_error (error, SP_SESSION_ERROR, SP_SESSION_ERROR_IO);
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

/* ---- version 2: the pages' states ------------------------------------------ */

static void
test_pages (void)
{
  g_autoptr(GError) error = NULL;
  g_auto(SpSession) a = { 0 };
  g_auto(SpSession) b = { 0 };
  g_auto(SpSession) c = { 0 };
  g_autoptr(JsonObject) pages = json_object_new ();
  JsonObject *state = json_object_new ();
  JsonArray *list = json_array_new ();
  g_autofree char *data = NULL;
  g_autofree char *again = NULL;

  /* Any JSON under a page: the core keeps it as it is. */
  json_object_set_double_member (state, "r_b_ohm", 1234.5e-7);
  json_object_set_int_member (state, "points", 61);
  json_object_set_string_member (state, "circuit", "R0-p(Rb,CPEb)");
  json_object_set_boolean_member (state, "fit", TRUE);
  json_object_set_null_member (state, "file");
  json_array_add_double_element (list, -0.5);
  json_array_add_string_element (list, "ü");
  json_object_set_array_member (state, "list", list);
  json_object_set_object_member (pages, "impedance", state);
  json_object_set_object_member (pages, "hopping", json_object_new ());

  sp_session_init_default (&a);
  sp_session_set_pages (&a, pages);
  g_assert_true (json_object_is_immutable (pages));
  data = sp_session_to_data (&a, NULL, &error);
  g_assert_no_error (error);
  sp_session_init_default (&b);
  g_assert_true (sp_session_load_from_data (&b, data, strlen (data), &error));
  g_assert_no_error (error);
  g_assert_true (sp_session_equal (&a, &b));
  g_assert_nonnull (sp_session_get_page (&b, "hopping"));
  g_assert_null (sp_session_get_page (&b, "defects"));
  g_assert_cmpfloat (json_object_get_double_member (sp_session_get_page (&b, "impedance"), "r_b_ohm"),
                     ==, 1234.5e-7);
  g_assert_cmpstr (json_object_get_string_member (sp_session_get_page (&b, "impedance"), "circuit"),
                   ==, "R0-p(Rb,CPEb)");
  /* Written again, byte for byte the same. */
  again = sp_session_to_data (&b, NULL, &error);
  g_assert_cmpstr (again, ==, data);

  /* A copy shares the sealed pages; a changed page is a different session. */
  sp_session_copy (&c, &b);
  g_assert_true (c.pages == b.pages);
  {
    g_autoptr(JsonObject) other = json_object_new ();

    json_object_set_object_member (other, "impedance", json_object_new ());
    sp_session_set_pages (&c, other);
  }
  g_assert_false (sp_session_equal (&b, &c));
  /* No pages and an empty object are the same. */
  {
    g_autoptr(JsonObject) empty = json_object_new ();

    sp_session_set_pages (&c, NULL);
    sp_session_set_pages (&a, empty);
    g_assert_true (sp_session_equal (&a, &c));
  }

  /* Version 1 had no pages: one there is ignored like any unknown field. */
  {
    const char *v1 = "{\"format\": \"spinodal-session\", \"version\": 1, \"pages\": {\"impedance\": {}}}";

    g_assert_true (sp_session_load_from_data (&b, v1, strlen (v1), &error));
    g_assert_no_error (error);
    g_assert_null (b.pages);
  }
}

/* A version-2 file as this version writes it (tests/data): the pages'
 * states load, and the file is written back byte for byte. */
/* Every field of two models, bit for bit (not the struct's padding). */
static void
assert_model_bits (const SpModel *a,
                   const SpModel *b)
{
  const double *x[] = { &a->omega, &a->temperature, &a->s1, &a->stiffness, &a->kappa,
                        &a->rk[0], &a->rk[1], &a->rk[2], &a->rk[3], &a->d0, &a->v0, &a->c0 };
  const double *y[] = { &b->omega, &b->temperature, &b->s1, &b->stiffness, &b->kappa,
                        &b->rk[0], &b->rk[1], &b->rk[2], &b->rk[3], &b->d0, &b->v0, &b->c0 };

  for (guint i = 0; i < G_N_ELEMENTS (x); i++)
    g_assert_cmpmem (x[i], sizeof (double), y[i], sizeof (double));
  g_assert_cmpint (a->mobility, ==, b->mobility);
}

/* Pins round-trip bit for bit; files without them load with none; a
 * version-1 file's "pins" is an unknown field. */
static void
test_pins (void)
{
  g_auto(SpSession) s = { 0 };
  g_auto(SpSession) back = { 0 };
  g_auto(SpSession) plain = { 0 };
  g_autoptr(JsonArray) pins = json_array_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *data = NULL;
  g_autofree double *freq = NULL, *re = NULL, *im = NULL;
  const double f[] = { 0.1, 1.0 / 3.0, 1e6 }, zr[] = { 100.0 / 7.0, 2.0, 3.0 },
               zi[] = { -1e-300, -0.1 - 0.2, 0.0 };
  const char *label;
  SpModel model, pinned;
  gsize length;
  guint n;

  sp_session_init_default (&s);
  sp_model_init_default (&pinned);
  pinned.stiffness = 43.4;
  pinned.omega = 100.0 / 3.0;
  pinned.rk[2] = -1.0 / 7.0;
  json_array_add_object_element (pins, sp_session_pin_new ("K = 43.4 meV", &pinned, 0, NULL, NULL, NULL));
  json_array_add_object_element (pins, sp_session_pin_new ("Rb × 2, “wide”", &pinned, 3, f, zr, zi));
  sp_session_set_pins (&s, pins);
  data = sp_session_to_data (&s, &length, &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (data, "\"pins\""));
  sp_session_init_default (&back);
  g_assert_true (sp_session_load_from_data (&back, data, length, &error));
  g_assert_no_error (error);
  g_assert_true (sp_session_equal (&s, &back));
  g_assert_true (sp_session_get_pin (&back, 0, &label, &model, &n, &freq, &re, &im));
  g_assert_cmpstr (label, ==, "K = 43.4 meV");
  assert_model_bits (&model, &pinned);
  g_assert_cmpuint (n, ==, 0);
  g_assert_null (freq);
  g_assert_true (sp_session_get_pin (&back, 1, &label, &model, &n, &freq, &re, &im));
  g_assert_cmpstr (label, ==, "Rb × 2, “wide”");
  g_assert_cmpuint (n, ==, 3);
  g_assert_cmpmem (freq, sizeof f, f, sizeof f);
  g_assert_cmpmem (re, sizeof zr, zr, sizeof zr);
  g_assert_cmpmem (im, sizeof zi, zi, sizeof zi);
  g_clear_pointer (&freq, g_free);
  g_clear_pointer (&re, g_free);
  g_clear_pointer (&im, g_free);
  g_assert_false (sp_session_get_pin (&back, 2, &label, &model, &n, &freq, &re, &im));

  /* Without pins: none, and the file has no "pins" at all. */
  sp_session_init_default (&plain);
  g_clear_pointer (&data, g_free);
  data = sp_session_to_data (&plain, &length, &error);
  g_assert_null (strstr (data, "\"pins\""));
  g_assert_true (sp_session_load_from_data (&back, data, length, &error));
  g_assert_null (back.pins);
  g_assert_false (sp_session_equal (&s, &back));
  /* An empty list is no pins. */
  g_assert_true (sp_session_load_from_data (&back, HEAD2 "\"pins\": []}", strlen (HEAD2 "\"pins\": []}"), &error));
  g_assert_true (sp_session_equal (&plain, &back));
  /* Version 1 knew no pins: ignored as an unknown field. */
  g_assert_true (sp_session_load_from_data (&back, HEAD "\"pins\": 5}", strlen (HEAD "\"pins\": 5}"), &error));
  g_assert_no_error (error);
}

static void
test_v2_file (void)
{
  g_autoptr(GError) error = NULL;
  g_auto(SpSession) s = { 0 };
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "session-v2-pages.spinodal", NULL);
  g_autofree char *contents = NULL;
  g_autofree char *written = NULL;
  JsonObject *impedance;

  sp_session_init_default (&s);
  g_assert_true (sp_session_load (&s, path, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (s.preset, ==, "lifepo4");
  g_assert_cmpfloat (s.sim.model.omega, ==, 115.8);
  impedance = sp_session_get_page (&s, "impedance");
  g_assert_nonnull (impedance);
  g_assert_cmpstr (json_object_get_string_member (impedance, "circuit"), ==,
                   "R0-p(Rb,CPEb)-p(Rgb,CPEgb)-CPEel");
  g_assert_cmpfloat (json_object_get_double_member (impedance, "r_b_ohm"), ==, 1250.0);
  g_assert_cmpfloat (json_object_get_double_member (impedance, "alpha_b"), ==, 0.875);
  g_assert_cmpint (json_object_get_int_member (impedance, "points_per_decade"), ==, 10);

  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  written = sp_session_to_data (&s, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (written, ==, contents);
}

/* ---- files written by version 1 load forever ----------------------------- */

/* The lesson on show: saved and read back, absent in older files, and a
 * bad one refused with its field named. */
static void
test_lesson (void)
{
  g_auto(SpSession) s = { 0 };
  g_auto(SpSession) back = { 0 };
  g_autoptr(GError) error = NULL;
  g_autofree char *data = NULL;
  static const struct { const char *lesson; const char *message; } bad[] = {
    { "\"mixing\"", "session.lesson: must be an object" },
    { "{}", "session.lesson.source: must be a lesson’s name or path, got nothing" },
    { "{\"source\": 3}", "session.lesson.source: must be a lesson’s name or path, got 3" },
    { "{\"source\": \"\"}", "session.lesson.source: must be a lesson’s name or path" },
    { "{\"source\": \"a\\nb\"}", "session.lesson.source: must be a lesson’s name or path" },
    { "{\"source\": \"mixing\", \"step\": 0}", "session.lesson.step: " },
    { "{\"source\": \"mixing\", \"step\": 1.5}", "session.lesson.step: " },
    { "{\"source\": \"mixing\", \"step\": \"2\"}", "session.lesson.step: " },
  };

  sp_session_init_default (&s);
  s.lesson = g_strdup ("/home/t/lessons/my lesson.lesson");
  s.lesson_step = 4;
  data = to_data (&s);
  g_assert_nonnull (strstr (data, "\"lesson\""));
  g_assert_nonnull (strstr (data, "\"step\" : 5"));
  sp_session_init_default (&back);
  g_assert_true (sp_session_load_from_data (&back, data, strlen (data), &error));
  g_assert_no_error (error);
  g_assert_cmpstr (back.lesson, ==, s.lesson);
  g_assert_cmpuint (back.lesson_step, ==, 4);
  g_assert_true (sp_session_equal (&s, &back));
  back.lesson_step = 3;
  g_assert_false (sp_session_equal (&s, &back));

  /* No lesson: no key, and a file without one loads with none. */
  g_clear_pointer (&s.lesson, g_free);
  g_clear_pointer (&data, g_free);
  data = to_data (&s);
  g_assert_null (strstr (data, "\"lesson\""));
  g_assert_true (sp_session_load_from_data (&back, data, strlen (data), &error));
  g_assert_null (back.lesson);

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autofree char *doc = g_strdup_printf ("{\"format\": \"spinodal-session\", \"version\": 2, "
                                              "\"lesson\": %s}", bad[i].lesson);
      g_auto(SpSession) kept = { 0 };

      sp_session_init_default (&kept);
      if (sp_session_load_from_data (&kept, doc, strlen (doc), &error))
        g_error ("accepted: %s", doc);
      g_assert_error (error, SP_SESSION_ERROR, SP_SESSION_ERROR_INVALID);
      if (!g_str_has_prefix (error->message, bad[i].message))
        g_error ("%s: “%s”", bad[i].lesson, error->message);
      g_assert_null (kept.lesson);
      g_clear_error (&error);
    }
}

static void
test_v1_files (void)
{
  g_autoptr(GError) error = NULL;
  g_auto(SpSession) s = { 0 };
  g_autofree char *lfp = g_test_build_filename (G_TEST_DIST, "data", "session-v1-lifepo4.spinodal", NULL);
  g_autofree char *pfhub = g_test_build_filename (G_TEST_DIST, "data", "session-v1-pfhub1a.spinodal", NULL);
  g_autofree char *rk = g_test_build_filename (G_TEST_DIST, "data", "session-v1-custom-rk.spinodal", NULL);

  sp_session_init_default (&s);
  g_assert_true (sp_session_load (&s, lfp, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (s.preset, ==, "lifepo4");
  g_assert_cmpfloat (s.sim.model.omega, ==, 115.8);
  g_assert_cmpfloat (s.sim.model.temperature, ==, 298.0);
  g_assert_cmpfloat (s.sim.model.stiffness, ==, 43.4);
  g_assert_cmpfloat (s.sim.model.kappa, ==, 227.0);
  g_assert_cmpfloat (s.sim.model.d0, ==, 0.53);
  g_assert_cmpfloat (s.sim.model.v0, ==, 3.4654);
  g_assert_cmpfloat (s.sim.model.c0, ==, 0.5);
  g_assert_cmpint (s.sim.model.mobility, ==, SP_MOBILITY_SITE_BLOCKING);
  g_assert_cmpuint (s.sim.n, ==, 256);
  g_assert_cmpfloat (s.sim.length, ==, 400.0);
  g_assert_cmpfloat (s.sim.noise, ==, 0.01);
  g_assert_cmpuint (s.sim.seed, ==, 1);
  g_assert_cmpuint (s.steps_per_frame, ==, 10);

  g_assert_true (sp_session_load (&s, pfhub, &error));
  g_assert_no_error (error);
  g_assert_null (s.preset);
  g_assert_cmpint (s.sim.problem, ==, SP_CH_PROBLEM_PFHUB1);
  g_assert_cmpint (s.sim.init, ==, SP_CH_INIT_PFHUB1A);
  g_assert_cmpuint (s.sim.n, ==, 200);
  g_assert_cmpfloat (s.sim.length, ==, 200.0);
  g_assert_cmpfloat (s.sim.noise, ==, 0.0);

  g_assert_true (sp_session_load (&s, rk, &error));
  g_assert_no_error (error);
  g_assert_null (s.preset);
  g_assert_cmpfloat (s.sim.model.rk[0], ==, -20.0);
  g_assert_cmpfloat (s.sim.model.rk[1], ==, 35.5);
  g_assert_cmpfloat (s.sim.model.rk[2], ==, 0.0);
  g_assert_cmpfloat (s.sim.model.s1, ==, 1.5);
  g_assert_cmpint (s.sim.model.mobility, ==, SP_MOBILITY_CONSTANT);
  g_assert_cmpuint (s.sim.seed, ==, G_GUINT64_CONSTANT (18446744073709551615));
  g_assert_cmpfloat (s.sim.dt_max, ==, 0.25);
  g_assert_cmpfloat (s.sim.tolerance, ==, 0.02);
  g_assert_cmpuint (s.steps_per_frame, ==, 4);
  g_assert_null (s.pages);
}

/* The drive: written when not closed and read back bit for bit; a bad
 * drive is refused naming its field; a file without one is closed. */
static void
test_drive (void)
{
  g_auto(SpSession) s = { 0 };
  g_auto(SpSession) back = { 0 };
  g_autoptr(GError) error = NULL;
  g_autofree char *data = NULL;
  g_autofree char *closed = NULL;
  const struct {
    const char *drive;
    const char *message;
  } bad[] = {
    { "5", "session.simulation.drive: must be an object" },
    { "{ \"mode\": \"fast\" }", "session.simulation.drive.mode: must be one of closed, "
                                  "galvanostatic, potentiostatic, cycle" },
    { "{ \"mode\": \"cycle\", \"k0\": -1 }", "session.simulation.drive.k0" },
    { "{ \"alpha\": 1 }", "session.simulation.drive.alpha" },
    { "{ \"c_rate\": \"fast\" }", "session.simulation.drive.c_rate" },
    { "{ \"mode\": \"cycle\", \"v_cutoff_lo\": 4, \"v_cutoff_hi\": 3 }",
      "session.simulation.drive" },
  };

  sp_session_init_default (&s);
  closed = sp_session_to_data (&s, NULL, &error);
  g_assert_no_error (error);
  g_assert_null (strstr (closed, "\"drive\""));

  s.sim.drive.mode = SP_DRIVE_CYCLE;
  s.sim.drive.c_rate = -12.5;
  s.sim.drive.voltage_V = 3.3;
  s.sim.drive.k0 = 3.62e-3;
  s.sim.drive.alpha = 0.3;
  s.sim.drive.v_lo = 2.75;
  s.sim.drive.v_hi = 4.125;
  s.sim.drive.c_lo = 0.02;
  s.sim.drive.c_hi = 0.97;
  data = sp_session_to_data (&s, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (data, "\"mode\" : \"cycle\""));
  sp_session_init_default (&back);
  g_assert_true (sp_session_load_from_data (&back, data, strlen (data), &error));
  g_assert_no_error (error);
  g_assert_cmpmem (&back.sim.drive, sizeof back.sim.drive, &s.sim.drive, sizeof s.sim.drive);
  g_assert_true (sp_session_equal (&back, &s));
  back.sim.drive.alpha = 0.31;
  g_assert_false (sp_session_equal (&back, &s));

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autofree char *doc = g_strdup_printf (
        "{ \"format\": \"spinodal-session\", \"version\": 2, "
        "\"simulation\": { \"drive\": %s } }", bad[i].drive);
      g_auto(SpSession) kept = { 0 };

      sp_session_init_default (&kept);
      g_clear_error (&error);
      if (sp_session_load_from_data (&kept, doc, strlen (doc), &error))
        g_error ("accepted: %s", doc);
      g_assert_error (error, SP_SESSION_ERROR, SP_SESSION_ERROR_INVALID);
      if (!g_str_has_prefix (error->message, bad[i].message))
        g_error ("%s: “%s”", bad[i].drive, error->message);
    }
}

int
main (int    argc,
      char **argv)
{
  sp_gsl_init ();
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/session/defaults", test_defaults);
  g_test_add_func ("/session/drive", test_drive);
  g_test_add_func ("/session/round-trip-random", test_round_trip_random);
  g_test_add_func ("/session/round-trip-file", test_round_trip_file);
  g_test_add_func ("/session/round-trip-exponents", test_round_trip_exponents);
  g_test_add_func ("/session/save-refuses-invalid", test_save_refuses_invalid);
  g_test_add_func ("/session/missing-fields-take-defaults", test_missing_fields_take_defaults);
  g_test_add_func ("/session/unknown-fields-ignored", test_unknown_fields_ignored);
  g_test_add_func ("/session/seed-limits", test_seed_limits);
  for (guint i = 0; i < G_N_ELEMENTS (hostile); i++)
    {
      g_autofree char *path = g_strdup_printf ("/session/hostile/%s", hostile[i].name);
      g_test_add_data_func (path, &hostile[i], test_hostile);
    }
  g_test_add_func ("/session/hostile/deeply-nested", test_deeply_nested);
  g_test_add_func ("/session/hostile/huge", test_huge);
  g_test_add_func ("/session/save-too-large", test_save_too_large);
  g_test_add_func ("/session/io-errors", test_io_errors);
  g_test_add_func ("/session/pages", test_pages);
  g_test_add_func ("/session/pins", test_pins);
  g_test_add_func ("/session/lesson", test_lesson);
  g_test_add_func ("/session/v1-files", test_v1_files);
  g_test_add_func ("/session/v2-file", test_v2_file);

  return g_test_run ();
}
