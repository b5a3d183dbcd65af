/* test-params-session.c — SpParams ⇄ SpSession: every property survives
 * params → session → params bit for bit (and through JSON), and a session
 * the explorer cannot show is refused, naming the field, with every
 * property untouched
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "sp-gsl.h"
#include "sp-params-session.h"
#include "sp-presets.h"

#include "test-params-helpers.h"

static double
random_in (SpParams   *params,
           const char *property)
{
  double min, max;

  sp_params_get_range (params, property, &min, &max);
  return g_test_rand_double_range (min, max);
}

static void
test_params_round_trip (void)
{
  static const char *doubles[] = {
    "omega", "temperature", "s1", "stiffness", "kappa", "l1", "l2", "l3", "l4",
    "d0", "v0", "c0", "domain-length", "c-rate", "k0", "alpha", "drive-voltage",
  };
  g_autoptr(GPtrArray) presets = sp_presets_load_all (NULL);

  g_assert_nonnull (presets);
  for (guint round = 0; round < 200; round++)
    {
      g_autoptr(SpParams) a = sp_params_new ();
      g_autoptr(SpParams) b = sp_params_new ();
      g_autoptr(Snapshot) snap = NULL;
      g_auto(SpSession) session = { 0 };
      g_auto(SpSession) again = { 0 };
      g_autoptr(GError) error = NULL;
      const SpPreset *preset = g_ptr_array_index (presets, g_test_rand_int_range (0, presets->len));

      for (guint i = 0; i < G_N_ELEMENTS (doubles); i++)
        g_object_set (a, doubles[i], random_in (a, doubles[i]), NULL);
      g_object_set (a,
                    "mobility", g_test_rand_bit () ? SP_MOBILITY_CONSTANT : SP_MOBILITY_SITE_BLOCKING,
                    "grid-size", sp_params_grid_sizes[g_test_rand_int_range (0, SP_PARAMS_N_GRID_SIZES)],
                    "seed", ((guint64) g_test_rand_int () << 32) | (guint32) g_test_rand_int (),
                    "steps-per-frame", (guint) g_test_rand_int_range (1, 101),
                    "preset", preset->id,
                    /* Driven: a closed box's drive numbers stay as they were
                     * (test_closed_keeps_drive). */
                    "drive-mode", (SpDriveMode) g_test_rand_int_range (1, SP_DRIVE_N_MODES),
                    "drive-charge", g_test_rand_bit (),
                    NULL);
      /* Cut-offs in order (a crossed pair is swapped on the way out). */
      g_object_set (a, "v-cutoff-lo", g_test_rand_double_range (-1.5, 3.0),
                    "v-cutoff-hi", g_test_rand_double_range (3.01, 7.5), NULL);
      snap = snapshot_new (a);

      /* Params → session → other params: every property, bit for bit. */
      sp_params_get_session (a, NULL, &session);
      g_assert_true (sp_params_set_session (b, &session, &error));
      g_assert_no_error (error);
      assert_params_equal (b, snap, FALSE);
      assert_params_show (b, &session);

      /* → session again: the same session, through JSON as well. */
      sp_params_get_session (b, &session, &again);
      g_assert_true (sp_session_equal (&session, &again));
      {
        g_autofree char *data = NULL;
        g_autoptr(SpSession) parsed = sp_session_new ();
        gsize length;

        data = sp_session_to_data (&again, &length, &error);
        g_assert_no_error (error);
        g_assert_true (sp_session_load_from_data (parsed, data, length, &error));
        g_assert_no_error (error);
        g_assert_true (sp_session_equal (parsed, &session));
      }
    }
}

/* A closed session sets the drive closed and leaves its numbers (the
 * material's kinetics on the sliders) alone; closed sessions are equal
 * whatever those numbers. */
static void
test_closed_keeps_drive (void)
{
  g_autoptr(SpParams) params = sp_params_new ();
  g_auto(SpSession) session = { 0 };
  g_auto(SpSession) other = { 0 };
  double k0;

  g_object_set (params, "drive-mode", SP_DRIVE_CYCLE, "k0", 0.25, NULL);
  sp_params_get_session (params, NULL, &session);
  session.sim.drive.mode = SP_DRIVE_CLOSED;
  session.sim.drive.k0 = 1.0;
  g_assert_true (sp_params_set_session (params, &session, NULL));
  g_object_get (params, "k0", &k0, NULL);
  g_assert_cmpint (sp_params_get_drive_mode (params), ==, SP_DRIVE_CLOSED);
  g_assert_cmpfloat (k0, ==, 0.25);
  sp_session_copy (&other, &session);
  other.sim.drive.k0 = 5.0;
  g_assert_true (sp_session_equal (&session, &other));
  other.sim.drive.mode = SP_DRIVE_GALVANOSTATIC;
  g_assert_false (sp_session_equal (&session, &other));
}

/* What the explorer cannot show is refused, naming the field, untouched. */
static void
test_params_refuse (void)
{
  g_autoptr(SpParams) params = sp_params_new ();
  g_autoptr(Snapshot) snap = snapshot_new (params);
  g_auto(SpSession) good = { 0 };
  struct { const char *field; SpSession session; } spoiled[10];
  guint n = 0;

  sp_params_get_session (params, NULL, &good);

#define SPOIL(path, stmt)                                   \
  G_STMT_START {                                            \
    SpSession *s = &spoiled[n].session;                     \
    sp_session_copy (s, &good);                             \
    stmt;                                                   \
    spoiled[n++].field = path;                              \
  } G_STMT_END
  /* Inside the core's ranges, outside the sliders'. */
  SPOIL ("session.model.omega: 800 meV is outside the explorer’s range, -200 meV to 500 meV",
         s->sim.model.omega = 800.0);
  SPOIL ("session.model.rk[2]: -600 meV", s->sim.model.rk[2] = -600.0);
  SPOIL ("session.model.c0: 0.995 is outside", s->sim.model.c0 = 0.995);
  SPOIL ("session.simulation.length: 2000 nm", s->sim.length = 2000.0);
  SPOIL ("session.simulation.grid: the explorer offers grids of 64, 128, 256, 512 points per side, got 1024",
         s->sim.n = 1024);
  SPOIL ("session.simulation.steps_per_frame: the explorer runs 1 to 100 steps per frame, got 500",
         s->steps_per_frame = 500);
  SPOIL ("session.simulation.problem", sp_ch_params_init_pfhub1a (&s->sim));
  SPOIL ("session.simulation.drive.c_rate: 5000 C is outside the explorer’s range",
         (s->sim.drive.mode = SP_DRIVE_GALVANOSTATIC, s->sim.drive.c_rate = -5000.0));
  SPOIL ("session.simulation.drive.k0: 100 1/s is outside the explorer’s range",
         (s->sim.drive.mode = SP_DRIVE_POTENTIOSTATIC, s->sim.drive.k0 = 100.0));
  /* Outside the core's: the loader's own message. */
  SPOIL ("session.model.temperature: must be a number in [1, 3000] K", s->sim.model.temperature = 0.0);
#undef SPOIL

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GError) error = NULL;

      g_assert_false (sp_params_set_session (params, &spoiled[i].session, &error));
      g_assert_error (error, SP_SESSION_ERROR, SP_SESSION_ERROR_INVALID);
      if (strstr (error->message, spoiled[i].field) == NULL)
        g_error ("“%s” does not contain “%s”", error->message, spoiled[i].field);
      assert_params_equal (params, snap, TRUE);
      sp_session_clear (&spoiled[i].session);
    }
}

int
main (int   argc,
      char *argv[])
{
  sp_gsl_init ();
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/params-session/round-trip", test_params_round_trip);
  g_test_add_func ("/params-session/refuse", test_params_refuse);
  g_test_add_func ("/params-session/closed-keeps-drive", test_closed_keeps_drive);

  return g_test_run ();
}
