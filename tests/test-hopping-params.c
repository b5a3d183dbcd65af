/* test-hopping-params.c — the Hopping page's parameter ranges and presets
 * (sp-hopping-params.h) and the read-outs' value ± error typesetting:
 * every preset inside the sliders' ranges and accepted by the engine,
 * unique ids, a source for each; the state keys are the documented ones;
 * the threshold is the simple cubic lattice's; "(2.31 ± 0.05) × 10⁻⁶".
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include "sp-hopping-params.h"
#include "sp-hopping-readouts.h"
#include "sp-kmc.h"

static void
test_ranges (void)
{
  /* The keys of sp-hopping-page.h's list, in SpHoppingParam order. */
  static const char *keys[SP_HOPPING_N_PARAMS] = {
    "carrier_fraction", "barrier_ev", "barrier_z_ev", "attempt_hz", "temperature_k",
    "blocked_fraction", "disorder_ev", "spacing_angstrom", "size", "seed",
  };

  for (guint i = 0; i < SP_HOPPING_N_PARAMS; i++)
    {
      const SpHoppingRange *r = sp_hopping_get_range (i);

      g_assert_cmpstr (r->id, ==, keys[i]);
      g_assert_cmpfloat (r->min, <, r->max);
      g_assert_cmpfloat (r->default_value, >=, r->min);
      g_assert_cmpfloat (r->default_value, <=, r->max);
      g_assert_true (!r->log_scale || r->min > 0);
      g_assert_nonnull (r->label);
    }
  /* The engine's limits: a carrier fraction inside (0, 1], up to 64³,
   * blocked fractions below 1. */
  g_assert_cmpfloat (sp_hopping_get_range (SP_HOPPING_CARRIER_FRACTION)->min, >, 0);
  g_assert_cmpfloat (sp_hopping_get_range (SP_HOPPING_SIZE)->max, ==, SP_KMC_MAX_SIZE);
  g_assert_cmpfloat (sp_hopping_get_range (SP_HOPPING_BLOCKED_FRACTION)->max, <, 1);
  /* The slider reaches past the open sites' threshold, so the collapse
   * of D can be watched. */
  g_assert_cmpfloat (sp_hopping_get_range (SP_HOPPING_BLOCKED_FRACTION)->max, >,
                     1 - SP_HOPPING_SITE_PERCOLATION_SC + 0.1);
  g_assert_cmpfloat (SP_HOPPING_SITE_PERCOLATION_SC, ==, 0.3116);
}

static void
test_presets (void)
{
  g_assert_cmpuint (sp_hopping_get_n_presets (), >=, 4);
  g_assert_nonnull (sp_hopping_find_preset ("network-3d"));
  g_assert_nonnull (sp_hopping_find_preset ("channels-1d"));
  g_assert_nonnull (sp_hopping_find_preset ("garnet-al"));
  g_assert_nonnull (sp_hopping_find_preset ("argyrodite-disordered"));
  g_assert_null (sp_hopping_find_preset ("glass"));
  g_assert_null (sp_hopping_find_preset (NULL));

  for (guint p = 0; p < sp_hopping_get_n_presets (); p++)
    {
      const SpHoppingPreset *preset = sp_hopping_get_preset (p);
      g_autoptr(GError) error = NULL;
      SpKmcParams params;

      g_assert_true (sp_hopping_find_preset (preset->id) == preset);
      g_assert_cmpuint (strlen (preset->source), >, 20);
      for (guint i = 0; i < SP_HOPPING_N_PARAMS; i++)
        {
          const SpHoppingRange *r = sp_hopping_get_range (i);

          g_assert_cmpfloat (preset->values[i], >=, r->min);
          g_assert_cmpfloat (preset->values[i], <=, r->max);
          if (r->integer)
            g_assert_cmpfloat (preset->values[i], ==, floor (preset->values[i]));
        }
      sp_kmc_params_init_default (&params);
      params.carrier_fraction = preset->values[SP_HOPPING_CARRIER_FRACTION];
      params.barrier_ev = preset->values[SP_HOPPING_BARRIER];
      params.barrier_z_ev = preset->values[SP_HOPPING_BARRIER_Z];
      params.attempt_hz = preset->values[SP_HOPPING_ATTEMPT];
      params.temperature_k = preset->values[SP_HOPPING_TEMPERATURE];
      params.blocked_fraction = preset->values[SP_HOPPING_BLOCKED_FRACTION];
      params.disorder_ev = preset->values[SP_HOPPING_DISORDER];
      params.spacing_angstrom = preset->values[SP_HOPPING_SPACING];
      params.size = (guint) preset->values[SP_HOPPING_SIZE];
      params.seed = (guint64) preset->values[SP_HOPPING_SEED];
      g_assert_true (sp_kmc_params_check (&params, &error));
      g_assert_no_error (error);
    }
  /* What the presets stand for. */
  {
    const SpHoppingPreset *lgps = sp_hopping_find_preset ("channels-1d");
    const SpHoppingPreset *garnet = sp_hopping_find_preset ("garnet-al");
    const SpHoppingPreset *cl = sp_hopping_find_preset ("argyrodite-disordered");
    const SpHoppingPreset *iodide = sp_hopping_find_preset ("argyrodite-ordered");

    g_assert_cmpfloat (lgps->values[SP_HOPPING_BARRIER_Z], <, lgps->values[SP_HOPPING_BARRIER]);
    g_assert_cmpfloat (garnet->values[SP_HOPPING_BLOCKED_FRACTION], >, 0);
    g_assert_cmpfloat (garnet->values[SP_HOPPING_BLOCKED_FRACTION], <,
                       1 - SP_HOPPING_SITE_PERCOLATION_SC);
    g_assert_cmpfloat (iodide->values[SP_HOPPING_DISORDER], >, cl->values[SP_HOPPING_DISORDER]);
  }
}

static void
test_blocking_ids (void)
{
  SpHoppingBlocking b = SP_HOPPING_BLOCKING_RANDOM;

  g_assert_cmpstr (sp_hopping_blocking_to_id (SP_HOPPING_BLOCKING_CLUSTERED), ==, "clustered");
  g_assert_cmpstr (sp_hopping_blocking_to_id (SP_HOPPING_BLOCKING_RANDOM), ==, "random");
  g_assert_true (sp_hopping_blocking_from_id ("clustered", &b));
  g_assert_cmpint (b, ==, SP_HOPPING_BLOCKING_CLUSTERED);
  g_assert_true (sp_hopping_blocking_from_id ("random", &b));
  g_assert_cmpint (b, ==, SP_HOPPING_BLOCKING_RANDOM);
  g_assert_false (sp_hopping_blocking_from_id ("Random", &b));
  g_assert_false (sp_hopping_blocking_from_id (NULL, &b));
  /* The same words as the engine's. */
  g_assert_cmpstr (sp_kmc_blocking_to_string (SP_KMC_BLOCKING_CLUSTERED), ==, "clustered");
}

static void
assert_format (double      value,
               double      se,
               const char *unit,
               const char *expected)
{
  g_autofree char *text = sp_hopping_readouts_format_pm (value, se, unit);

  g_assert_cmpstr (text, ==, expected);
}

static void
test_format (void)
{
  assert_format (2.3141e-6, 4.9e-8, "cm²/s", "(2.314 ± 0.049) × 10⁻⁶ cm²/s");
  assert_format (2.3141e-6, 5.3e-7, "cm²/s", "(2.31 ± 0.53) × 10⁻⁶ cm²/s");
  assert_format (0.6531, 0.012, NULL, "0.653 ± 0.012");
  assert_format (1.5e9, NAN, "Hz", "1.50 × 10⁹ Hz");
  assert_format (NAN, 1.0, "Hz", "—");
  assert_format (-3.25e-5, 1e-6, "S/cm", "(−3.25 ± 0.10) × 10⁻⁵ S/cm");
  assert_format (12.0, NAN, "ps", "12.0 ps");
  assert_format (0.0, NAN, "cm²/s", "0.00 cm²/s");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/hopping/params/ranges", test_ranges);
  g_test_add_func ("/hopping/params/presets", test_presets);
  g_test_add_func ("/hopping/params/blocking-ids", test_blocking_ids);
  g_test_add_func ("/hopping/params/format", test_format);
  return g_test_run ();
}
