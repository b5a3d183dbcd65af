/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-trajectory.c — the trajectory value: layout, copies, cell volume */

#include "config.h"

#include <math.h>
#include <string.h>

#include "sp-gsl.h"
#include "sp-trajectory.h"

static void
test_new_layout (void)
{
  g_autoptr(SpTrajectory) t = sp_trajectory_new (3, 4);

  g_assert_nonnull (t);
  g_assert_cmpuint (t->n_ions, ==, 3);
  g_assert_cmpuint (t->n_frames, ==, 4);
  g_assert_cmpfloat (t->dt_ps, ==, 1.0);
  g_assert_true (isnan (t->temperature_k));
  g_assert_true (isnan (t->charge));
  g_assert_cmpstr (t->species, ==, "");
  /* Frame-major: ion 2 of frame 1 is the 6th triple. */
  g_assert_true (sp_trajectory_position (t, 1, 2) == t->positions + 15);
  for (guint i = 0; i < 36; i++)
    g_assert_cmpfloat (t->positions[i], ==, 0.0);
}

static void
test_copy (void)
{
  g_autoptr(SpTrajectory) t = sp_trajectory_new (2, 5);
  g_autoptr(SpTrajectory) copy = NULL;

  for (guint i = 0; i < 30; i++)
    t->positions[i] = 0.5 * i - 3.0;
  t->cell[0] = 10.0; t->cell[4] = 11.0; t->cell[8] = 12.0;
  t->dt_ps = 0.25;
  t->temperature_k = 600.0;
  t->charge = 1.0;
  sp_trajectory_set_species (t, "Li");
  sp_trajectory_set_name (t, "run.xyz");

  copy = sp_trajectory_copy (t);
  g_assert_cmpmem (copy->positions, 30 * sizeof (double), t->positions, 30 * sizeof (double));
  g_assert_cmpmem (copy->cell, sizeof copy->cell, t->cell, sizeof t->cell);
  g_assert_cmpfloat (copy->dt_ps, ==, 0.25);
  g_assert_cmpfloat (copy->temperature_k, ==, 600.0);
  g_assert_cmpfloat (copy->charge, ==, 1.0);
  g_assert_cmpstr (copy->species, ==, "Li");
  g_assert_cmpstr (copy->name, ==, "run.xyz");
  g_assert_true (copy->positions != t->positions);
}

static void
test_volume_and_density (void)
{
  g_autoptr(SpTrajectory) t = sp_trajectory_new (8, 1);

  /* No cell: no volume, no density. */
  g_assert_cmpfloat (sp_trajectory_volume_a3 (t), ==, 0.0);
  g_assert_true (isnan (sp_trajectory_density_cm3 (t)));

  /* A triclinic cell: a = (10,0,0), b = (2,10,0), c = (1,1,10) → 1000 Å³. */
  t->cell[0] = 10; t->cell[3] = 2; t->cell[4] = 10;
  t->cell[6] = 1; t->cell[7] = 1; t->cell[8] = 10;
  g_assert_cmpfloat_with_epsilon (sp_trajectory_volume_a3 (t), 1000.0, 1e-10);
  /* 8 carriers in 1000 Å³ = 1e-21 cm³: 8e21 per cm³. */
  g_assert_cmpfloat_with_epsilon (sp_trajectory_density_cm3 (t) / 8e21, 1.0, 1e-12);

  /* A left-handed cell has the same volume. */
  t->cell[8] = -10;
  g_assert_cmpfloat_with_epsilon (sp_trajectory_volume_a3 (t), 1000.0, 1e-10);
}

static void
test_overflow (void)
{
  g_assert_null (sp_trajectory_new (G_MAXUINT, G_MAXUINT));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  sp_gsl_init ();
  g_test_add_func ("/trajectory/new-layout", test_new_layout);
  g_test_add_func ("/trajectory/copy", test_copy);
  g_test_add_func ("/trajectory/volume-density", test_volume_and_density);
  g_test_add_func ("/trajectory/overflow", test_overflow);
  return g_test_run ();
}
