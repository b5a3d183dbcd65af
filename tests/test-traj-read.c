/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-traj-read.c — the trajectory readers on files the test writes:
 * extended XYZ, LAMMPS dump (any column order, image flags, scaled,
 * unwrapped, triclinic, atoms out of order), XDATCAR (constant and
 * variable cell); wrapped coordinates crossing the box unwrapped both by
 * image flags and by minimum image; the framework's drift removed; stride;
 * gzip; the species list; the writer's round trip; malformed files named
 * by file and line; progress and cancel. */

#include "config.h"

#include <math.h>
#include <string.h>

#include "sp-gsl.h"
#include "sp-traj-read.h"
#include "test-tmpdir.h"

static char *tmpdir;

static char *
write_file (const char *name,
            const char *text)
{
  char *path = g_build_filename (tmpdir, name, NULL);
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, text, -1, &error);
  g_assert_no_error (error);
  return path;
}

/* @path read with @o, which must succeed. */
static SpTrajectory *
read_with (const char              *path,
           const SpTrajReadOptions *o)
{
  g_autoptr(GError) error = NULL;
  SpTrajectory *t = sp_traj_read_file (path, o, NULL, NULL, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (t);
  return t;
}

static SpTrajectory *
read_ok (const char  *path,
         const char  *species,
         double       timestep_fs,
         SpTrajUnwrap unwrap)
{
  SpTrajReadOptions o;

  sp_traj_read_options_init (&o);
  o.species = species;
  o.timestep_fs = timestep_fs;
  o.unwrap = unwrap;
  return read_with (path, &o);
}

static void
assert_position (const SpTrajectory *t,
                 guint               frame,
                 guint               ion,
                 double              x,
                 double              y,
                 double              z)
{
  const double *p = sp_trajectory_position (t, frame, ion);

  g_assert_cmpfloat_with_epsilon (p[0], x, 1e-10);
  g_assert_cmpfloat_with_epsilon (p[1], y, 1e-10);
  g_assert_cmpfloat_with_epsilon (p[2], z, 1e-10);
}

/* Li 0 walks +x through the face of a 10 Å box (9.5 → 10.3 → 11.0 →
 * 12.2, written wrapped), Li 1 walks −y through the other face; the
 * oxygen framework sits still. */
static const char xyz_crossing[] =
  "5\nLattice=\"10 0 0 0 10 0 0 0 10\" Properties=species:S:1:pos:R:3 temperature=600\n"
  "Li 9.5 5 5\nO 1 1 1\nLi 5 0.2 5\nO 2 2 2\nO 3 3 3\n"
  "5\nLattice=\"10 0 0 0 10 0 0 0 10\" Properties=species:S:1:pos:R:3 temperature=600\n"
  "Li 0.3 5 5\nO 1 1 1\nLi 5 9.6 5\nO 2 2 2\nO 3 3 3\n"
  "\n"
  "5\nLattice=\"10 0 0 0 10 0 0 0 10\" Properties=species:S:1:pos:R:3\n"
  "Li 1.0 5 5\nO 1 1 1\nLi 5 9.0 5\nO 2 2 2\nO 3 3 3\n"
  "5\nLattice=\"10 0 0 0 10 0 0 0 10\" Properties=species:S:1:pos:R:3\n"
  "Li 2.2 5 5\nO 1 1 1\nLi 5 8.1 5\nO 2 2 2\nO 3 3 3\n";

static void
test_xyz_crossing (void)
{
  g_autofree char *path = write_file ("crossing.xyz", xyz_crossing);
  g_autoptr(SpTrajectory) t = read_ok (path, "Li", 2.0, SP_TRAJ_UNWRAP_AUTO);

  g_assert_cmpuint (t->n_ions, ==, 2);
  g_assert_cmpuint (t->n_frames, ==, 4);
  g_assert_cmpfloat_with_epsilon (t->dt_ps, 0.002, 1e-15);
  g_assert_cmpfloat (t->cell[0], ==, 10.0);
  g_assert_cmpfloat (t->cell[4], ==, 10.0);
  g_assert_cmpfloat (t->cell[1], ==, 0.0);
  g_assert_cmpfloat_with_epsilon (t->temperature_k, 600.0, 1e-12);
  g_assert_cmpstr (t->species, ==, "Li");
  g_assert_cmpstr (t->name, ==, "crossing.xyz");
  assert_position (t, 0, 0, 9.5, 5, 5);
  assert_position (t, 1, 0, 10.3, 5, 5);
  assert_position (t, 2, 0, 11.0, 5, 5);
  assert_position (t, 3, 0, 12.2, 5, 5);
  assert_position (t, 1, 1, 5, -0.4, 5);
  assert_position (t, 3, 1, 5, -1.9, 5);
}

static void
test_xyz_species_lowercase_and_stride (void)
{
  g_autofree char *path = write_file ("stride.xyz", xyz_crossing);
  SpTrajReadOptions o;
  g_autoptr(GError) error = NULL;
  g_autoptr(SpTrajectory) t = NULL;

  sp_traj_read_options_init (&o);
  o.species = "li";
  o.timestep_fs = 2.0;
  o.stride = 2;
  t = sp_traj_read_file (path, &o, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  /* Frames 0 and 2 kept, unwrapped through the skipped frame 1. */
  g_assert_cmpuint (t->n_frames, ==, 2);
  g_assert_cmpfloat_with_epsilon (t->dt_ps, 0.004, 1e-15);
  assert_position (t, 1, 0, 11.0, 5, 5);
  assert_position (t, 1, 1, 5, -1.0, 5);
}

/* The whole box drifts by (0.3, −0.2, 0.1) Å per frame (framework and
 * ions); Li also hops 1 Å along z per frame. */
static void
test_drift_removed (void)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autofree char *path = NULL;
  g_autoptr(SpTrajectory) t = NULL, kept = NULL;
  SpTrajReadOptions o;
  g_autoptr(GError) error = NULL;

  for (int f = 0; f < 30; f++)
    {
      double dx = 0.3 * f, dy = -0.2 * f, dz = 0.1 * f;
      double site[3][3] = { { 1, 1, 1 }, { 4, 6, 2 }, { 7, 3, 5 } };

      g_string_append (text, "4\nLattice=\"8 0 0 0 8 0 0 0 8\"\n");
      g_string_append_printf (text, "Na %.12f %.12f %.12f\n", fmod (2 + dx + 8, 8),
                              fmod (2 + dy + 80, 8), fmod (1.0 * f + 3 + dz, 8));
      for (int a = 0; a < 3; a++)
        g_string_append_printf (text, "Cl %.12f %.12f %.12f\n", fmod (site[a][0] + dx + 80, 8),
                                fmod (site[a][1] + dy + 80, 8), fmod (site[a][2] + dz + 80, 8));
    }
  path = write_file ("drift.xyz", text->str);
  t = read_ok (path, "Na", 1.0, SP_TRAJ_UNWRAP_AUTO);
  g_assert_cmpuint (t->n_frames, ==, 30);
  for (guint f = 0; f < 30; f++)
    assert_position (t, f, 0, 2, 2, 3 + f);

  sp_traj_read_options_init (&o);
  o.species = "Na";
  o.timestep_fs = 1.0;
  o.remove_drift = FALSE;
  kept = sp_traj_read_file (path, &o, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  assert_position (kept, 29, 0, 2 + 0.3 * 29, 2 - 0.2 * 29, 3 + 29 + 0.1 * 29);
}

/* Columns in an odd order, atoms listed in a different order each frame,
 * image flags; Li (type 1, ids 3 and 5) moves +4 Å per frame along x in
 * a 10 Å box: more than half a box in two frames but less in one. */
static const char lammps_images[] =
  "ITEM: TIMESTEP\n0\nITEM: NUMBER OF ATOMS\n3\nITEM: BOX BOUNDS pp pp pp\n"
  "0 10\n0 12\n0 14\n"
  "ITEM: ATOMS x type iy id z ix y iz\n"
  "8 1 0 3 1 0 2 0\n"
  "5 2 0 1 5 0 5 0\n"
  "1 1 0 5 7 0 11 0\n"
  "ITEM: TIMESTEP\n100\nITEM: NUMBER OF ATOMS\n3\nITEM: BOX BOUNDS pp pp pp\n"
  "0 10\n0 12\n0 14\n"
  "ITEM: ATOMS x type iy id z ix y iz\n"
  "5 2 0 1 5 0 5 0\n"
  "1 1 1 5 7 0 1 0\n"
  "2 1 0 3 1 1 2 0\n"
  "ITEM: TIMESTEP\n200\nITEM: NUMBER OF ATOMS\n3\nITEM: BOX BOUNDS pp pp pp\n"
  "0 10\n0 12\n0 14\n"
  "ITEM: ATOMS x type iy id z ix y iz\n"
  "6 1 0 3 1 1 2 0\n"
  "1 1 1 5 7 0 3 0\n"
  "5 2 0 1 5 0 5 0\n";

static void
test_lammps_image_flags (void)
{
  g_autofree char *path = write_file ("images.dump", lammps_images);
  g_autoptr(SpTrajectory) t = read_ok (path, "1", 10.0, SP_TRAJ_UNWRAP_AUTO);

  /* Ions in id order: id 3 then id 5. */
  g_assert_cmpuint (t->n_ions, ==, 2);
  g_assert_cmpuint (t->n_frames, ==, 3);
  assert_position (t, 0, 0, 8, 2, 1);
  assert_position (t, 1, 0, 12, 2, 1);
  assert_position (t, 2, 0, 16, 2, 1);
  assert_position (t, 0, 1, 1, 11, 7);
  assert_position (t, 1, 1, 1, 13, 7);
  assert_position (t, 2, 1, 1, 15, 7);
}

static void
test_lammps_minimum_image (void)
{
  g_autofree char *path = write_file ("images-mi.dump", lammps_images);
  g_autoptr(SpTrajectory) t = read_ok (path, "1", 10.0, SP_TRAJ_UNWRAP_MINIMUM_IMAGE);

  /* Without the image flags the same path follows from the minimum-image
   * steps (4 Å < 5 Å, 2 Å < 6 Å). */
  assert_position (t, 2, 0, 16, 2, 1);
  assert_position (t, 2, 1, 1, 15, 7);
}

/* Triclinic, scaled coordinates, element and type columns, no image
 * flags: Li crosses the tilted a face; the cell's tilt makes a wrapped
 * step along b shift x by xy. */
static void
test_lammps_triclinic_scaled (void)
{
  /* lx = 10, ly = 8, lz = 9, xy = 2, xz = −1, yz = 0.5: bounds per the
   * LAMMPS manual. */
  double xy = 2, xz = -1, yz = 0.5;
  double xlo_b = 0 + MIN (MIN (0.0, xy), MIN (xz, xy + xz)), xhi_b = 10 + MAX (MAX (0.0, xy), MAX (xz, xy + xz));
  double ylo_b = 0 + MIN (0.0, yz), yhi_b = 8 + MAX (0.0, yz);
  double s_li[3][3] = { { 0.9, 0.95, 0.5 }, { 0.05, 0.05, 0.5 }, { 0.2, 0.1, 0.45 } };
  g_autoptr(GString) text = g_string_new (NULL);
  g_autofree char *path = NULL;
  g_autoptr(SpTrajectory) t = NULL;
  g_auto(GStrv) species = NULL;
  g_autoptr(GError) error = NULL;

  for (int f = 0; f < 3; f++)
    {
      g_string_append_printf (text, "ITEM: TIMESTEP\n%d\nITEM: NUMBER OF ATOMS\n2\n"
                              "ITEM: BOX BOUNDS xy xz yz pp pp pp\n"
                              "%g %g %g\n%g %g %g\n0 9 %g\n"
                              "ITEM: ATOMS id element type xs ys zs\n"
                              "1 Li 1 %.15g %.15g %.15g\n2 S 2 0.5 0.5 0.5\n",
                              f * 10, xlo_b, xhi_b, xy, ylo_b, yhi_b, xz, yz,
                              s_li[f][0], s_li[f][1], s_li[f][2]);
    }
  path = write_file ("tric.lammpstrj", text->str);
  t = read_ok (path, "Li", 1.0, SP_TRAJ_UNWRAP_AUTO);
  g_assert_cmpfloat (t->cell[0], ==, 10);
  g_assert_cmpfloat (t->cell[3], ==, xy);
  g_assert_cmpfloat (t->cell[4], ==, 8);
  g_assert_cmpfloat (t->cell[6], ==, xz);
  g_assert_cmpfloat (t->cell[7], ==, yz);
  g_assert_cmpfloat (t->cell[8], ==, 9);
  /* Unwrapped fractional path: (0.9, 0.95, 0.5) → (1.05, 1.05, 0.5) →
   * (1.2, 1.1, 0.45); Cartesian r = s_a a + s_b b + s_c c. */
  {
    double u[3][3] = { { 0.9, 0.95, 0.5 }, { 1.05, 1.05, 0.5 }, { 1.2, 1.1, 0.45 } };

    for (int f = 0; f < 3; f++)
      assert_position (t, f, 0, u[f][0] * 10 + u[f][1] * xy + u[f][2] * xz,
                       u[f][1] * 8 + u[f][2] * yz, u[f][2] * 9);
  }
  /* By type as well; the picker lists elements. */
  g_clear_pointer (&t, sp_trajectory_free);
  t = read_ok (path, "1", 1.0, SP_TRAJ_UNWRAP_AUTO);
  g_assert_cmpuint (t->n_ions, ==, 1);
  species = sp_traj_read_species (path, SP_TRAJ_FORMAT_AUTO, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_strv_length (species), ==, 2);
  g_assert_cmpstr (species[0], ==, "Li");
  g_assert_cmpstr (species[1], ==, "S");
}

/* xu yu zu are taken as they are even when a step exceeds half a box. */
static void
test_lammps_unwrapped_columns (void)
{
  const char *text =
    "ITEM: TIMESTEP\n0\nITEM: NUMBER OF ATOMS\n2\nITEM: BOX BOUNDS pp pp pp\n0 10\n0 10\n0 10\n"
    "ITEM: ATOMS id type xu yu zu\n1 1 1 1 1\n2 2 5 5 5\n"
    "ITEM: TIMESTEP\n1\nITEM: NUMBER OF ATOMS\n2\nITEM: BOX BOUNDS pp pp pp\n0 10\n0 10\n0 10\n"
    "ITEM: ATOMS id type xu yu zu\n2 2 5 5 5\n1 1 8 -6 21\n";
  g_autofree char *path = write_file ("unwrapped.dump", text);
  g_autoptr(SpTrajectory) t = read_ok (path, "1", 1.0, SP_TRAJ_UNWRAP_AUTO);

  assert_position (t, 1, 0, 8, -6, 21);
}

static void
test_xdatcar_constant_cell (void)
{
  const char *text =
    "LLZO\n   2.0\n  5 0 0\n  0 5 0\n  0 0 5\n  Li O\n  2 1\n"
    "Direct configuration=     1\n 0.95 0.5 0.5\n 0.5 0.02 0.5\n 0.1 0.1 0.1\n"
    "Direct configuration=     2\n 0.05 0.5 0.5\n 0.5 0.97 0.5\n 0.1 0.1 0.1\n"
    "Direct configuration=     3\n 0.15 0.5 0.5\n 0.5 0.90 0.5\n 0.1 0.1 0.1\n";
  g_autofree char *path = write_file ("XDATCAR", text);
  g_autoptr(SpTrajectory) t = read_ok (path, "Li", 1.0, SP_TRAJ_UNWRAP_AUTO);
  g_auto(GStrv) species = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpuint (t->n_ions, ==, 2);
  g_assert_cmpuint (t->n_frames, ==, 3);
  g_assert_cmpfloat (t->cell[0], ==, 10.0);
  assert_position (t, 0, 0, 9.5, 5, 5);
  assert_position (t, 1, 0, 10.5, 5, 5);
  assert_position (t, 2, 0, 11.5, 5, 5);
  assert_position (t, 1, 1, 5, -0.3, 5);
  assert_position (t, 2, 1, 5, -1.0, 5);
  species = sp_traj_read_species (path, SP_TRAJ_FORMAT_XDATCAR, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (species[0], ==, "Li");
  g_assert_cmpstr (species[1], ==, "O");
  g_assert_null (species[2]);
}

/* @path read as XDATCAR for @species at 1 fs, drift kept or removed. */
static SpTrajectory *
read_xdatcar (const char *path,
              const char *species,
              gboolean    remove_drift)
{
  SpTrajReadOptions o;

  sp_traj_read_options_init (&o);
  o.species = species;
  o.timestep_fs = 1.0;
  o.format = SP_TRAJ_FORMAT_XDATCAR;
  o.remove_drift = remove_drift;
  return read_with (path, &o);
}

/* Cartesian configurations (in units of the scale factor, here from a
 * negative scale: the cell's volume), and counts without element names:
 * the species are then numbered from 1. */
static void
test_xdatcar_cartesian (void)
{
  const char *text =
    "cart\n -125\n 1 0 0\n 0 1 0\n 0 0 1\n 1 1\n"
    "Cartesian configuration=     1\n 0.2 0.5 0.5\n 0.5 0.5 0.5\n"
    "Cartesian configuration=     2\n 0.3 0.5 0.5\n 0.5 0.5 0.5\n";
  g_autofree char *path = write_file ("cart.XDATCAR", text);
  g_autoptr(SpTrajectory) t = read_xdatcar (path, "1", FALSE);

  g_assert_cmpuint (t->n_ions, ==, 1);
  g_assert_cmpuint (t->n_frames, ==, 2);
  /* Volume 125 Å³ of the unit rows: scale 5 Å. */
  g_assert_cmpfloat_with_epsilon (t->cell[0], 5.0, 1e-12);
  assert_position (t, 0, 0, 1.0, 2.5, 2.5);
  assert_position (t, 1, 0, 1.5, 2.5, 2.5);
}

/* NPT: the header before each configuration, the cell growing; the
 * unwrapped path adds each frame's minimum-image step in that frame's cell. */
/* VASP 6.4 (HDF5 builds) writes POTCAR labels with a hash, "Li_sv/1f2e3d4c":
 * the species are listed without the hash, and the element selects them as
 * the full label does; an NPT run's headers say the same each frame. */
static void
test_xdatcar_potcar_labels (void)
{
  const char *header =
    "Li7La3Zr2O12\n    1.00000000000000\n     10.0 0.0 0.0\n     0.0 10.0 0.0\n"
    "     0.0 0.0 10.0\n   Li_sv/1f2e3d4c  O/5a5b2b3c\n     2     1\n";
  g_autoptr(GString) text = g_string_new (NULL);
  g_autofree char *path = NULL;
  g_auto(GStrv) species = NULL;
  g_autoptr(GError) error = NULL;

  for (guint f = 0; f < 3; f++)
    g_string_append_printf (text, "%sDirect configuration=     %u\n"
                            "   0.%u0000000  0.50000000  0.50000000\n"
                            "   0.50000000  0.50000000  0.%u0000000\n"
                            "   0.10000000  0.10000000  0.10000000\n",
                            header, f + 1, 2 + f, 7 - f);
  path = write_file ("XDATCAR", text->str);
  species = sp_traj_read_species (path, SP_TRAJ_FORMAT_XDATCAR, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (species[0], ==, "Li_sv");
  g_assert_cmpstr (species[1], ==, "O");
  g_assert_null (species[2]);
  for (guint k = 0; k < 3; k++)
    {
      const char *name = (const char *[]) { "Li", "Li_sv", "li" }[k];
      g_autoptr(SpTrajectory) t = read_ok (path, name, 1.0, SP_TRAJ_UNWRAP_AUTO);

      g_assert_cmpuint (t->n_ions, ==, 2);
      g_assert_cmpuint (t->n_frames, ==, 3);
      assert_position (t, 2, 0, 4, 5, 5);
      assert_position (t, 2, 1, 5, 5, 5);
    }
  {
    g_autoptr(SpTrajectory) t = read_ok (path, "O", 1.0, SP_TRAJ_UNWRAP_AUTO);

    g_assert_cmpuint (t->n_ions, ==, 1);
  }
}

static void
test_xdatcar_variable_cell (void)
{
  const char *text =
    "run\n 1.0\n 10 0 0\n 0 10 0\n 0 0 10\n Li Cl\n 1 1\n"
    "Direct configuration=     1\n 0.95 0.5 0.5\n 0.2 0.2 0.2\n"
    "run\n 1.0\n 10.2 0 0\n 0 10 0\n 0 0 10\n Li Cl\n 1 1\n"
    "Direct configuration=     2\n 0.05 0.5 0.5\n 0.2 0.2 0.2\n"
    "run\n -1200\n 5 0 0\n 0 10 0\n 0 0 10\n Li Cl\n 1 1\n"
    "Direct configuration=     3\n 0.10 0.5 0.5\n 0.2 0.2 0.2\n";
  g_autofree char *path = write_file ("npt.XDATCAR", text);
  g_autoptr(SpTrajectory) t = read_xdatcar (path, "Li", FALSE);
  double x0 = 9.5, x1, x2, framework_drift1, framework_drift2;

  g_assert_cmpuint (t->n_frames, ==, 3);
  /* Frame 1 (cell 10.2): Li at 0.51, the step from 9.5 folds to +1.21. */
  x1 = x0 + (0.05 * 10.2 - 9.5 + 10.2);
  assert_position (t, 1, 0, x1, 5, 5);
  /* Frame 2: volume 1200 Å³ from 5 × 10 × 10 = 500 → scale (2.4)^(1/3). */
  {
    double s = cbrt (1200.0 / 500.0), a = 5 * s;
    double step = 0.10 * a - 0.05 * 10.2;

    step -= a * rint (step / a);
    x2 = x1 + step;
    assert_position (t, 2, 0, x2, 5 * s, 5 * s);
  }
  /* With the drift removed, Li follows Cl's centroid being pulled along
   * by the cell's growth. */
  g_clear_pointer (&t, sp_trajectory_free);
  t = read_xdatcar (path, "Li", TRUE);
  framework_drift1 = 0.2 * 10.2 - 2.0;
  framework_drift2 = 0.2 * 5 * cbrt (2.4) - 2.0;
  assert_position (t, 1, 0, x1 - framework_drift1, 5, 5);
  g_assert_cmpfloat_with_epsilon (sp_trajectory_position (t, 2, 0)[0], x2 - framework_drift2, 1e-10);
}

static void
test_write_round_trip (void)
{
  g_autoptr(SpTrajectory) t = sp_trajectory_new (3, 5);
  g_autoptr(SpTrajectory) back = NULL;
  g_autofree char *path = g_build_filename (tmpdir, "kmc-out.xyz", NULL);
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < 45; i++)
    t->positions[i] = 3.7 * i - 20.25;   /* steps of many cells */
  t->cell[0] = t->cell[4] = t->cell[8] = 6.5;
  t->dt_ps = 0.5;
  t->temperature_k = 450;
  sp_trajectory_set_species (t, "Li");
  g_assert_true (sp_trajectory_write_xyz (t, path, &error));
  g_assert_no_error (error);
  g_assert_cmpint (sp_traj_detect_format (path), ==, SP_TRAJ_FORMAT_XYZ);
  back = read_ok (path, "Li", 500.0, SP_TRAJ_UNWRAP_AUTO);
  g_assert_cmpuint (back->n_ions, ==, 3);
  g_assert_cmpuint (back->n_frames, ==, 5);
  g_assert_cmpfloat_with_epsilon (back->dt_ps, 0.5, 1e-15);
  g_assert_cmpfloat_with_epsilon (back->temperature_k, 450, 1e-12);
  g_assert_cmpfloat (back->cell[4], ==, 6.5);
  for (guint i = 0; i < 45; i++)
    g_assert_cmpfloat_with_epsilon (back->positions[i], t->positions[i], 1e-8);
  /* Nothing but the file in the folder (no temporary left). */
  g_assert_true (g_file_test (path, G_FILE_TEST_EXISTS));
}

static void
test_gzip (void)
{
  g_autoptr(GZlibCompressor) gz = g_zlib_compressor_new (G_ZLIB_COMPRESSOR_FORMAT_GZIP, -1);
  g_autoptr(GOutputStream) mem = g_memory_output_stream_new_resizable ();
  g_autoptr(GOutputStream) out = g_converter_output_stream_new (mem, G_CONVERTER (gz));
  g_autofree char *path = g_build_filename (tmpdir, "crossing.xyz.gz", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(SpTrajectory) t = NULL;

  g_assert_true (g_output_stream_write_all (out, xyz_crossing, strlen (xyz_crossing), NULL,
                                            NULL, &error));
  g_assert_true (g_output_stream_close (out, NULL, &error));
  g_assert_true (g_file_set_contents (path,
                                      g_memory_output_stream_get_data (G_MEMORY_OUTPUT_STREAM (mem)),
                                      g_memory_output_stream_get_data_size (G_MEMORY_OUTPUT_STREAM (mem)),
                                      &error));
  t = read_ok (path, "Li", 1.0, SP_TRAJ_UNWRAP_AUTO);
  assert_position (t, 3, 0, 12.2, 5, 5);
}

/* A .gz cut short, and one whose deflate stream is garbage: format errors
 * naming the file, not an I/O error. */
static void
test_gzip_damaged (void)
{
  static const char garbage[] = { 0x1f, (char) 0x8b, 0x23, 0x20, 0x23 };
  g_autoptr(GZlibCompressor) gz = g_zlib_compressor_new (G_ZLIB_COMPRESSOR_FORMAT_GZIP, -1);
  g_autoptr(GOutputStream) mem = g_memory_output_stream_new_resizable ();
  g_autoptr(GOutputStream) out = g_converter_output_stream_new (mem, G_CONVERTER (gz));
  g_autofree char *cut = g_build_filename (tmpdir, "cut.xyz.gz", NULL);
  g_autofree char *bad = g_build_filename (tmpdir, "bad.xyz.gz", NULL);
  g_autoptr(GError) error = NULL;
  SpTrajReadOptions o;

  g_assert_true (g_output_stream_write_all (out, xyz_crossing, strlen (xyz_crossing), NULL,
                                            NULL, &error));
  g_assert_true (g_output_stream_close (out, NULL, &error));
  g_assert_true (g_file_set_contents (cut,
                                      g_memory_output_stream_get_data (G_MEMORY_OUTPUT_STREAM (mem)),
                                      g_memory_output_stream_get_data_size (G_MEMORY_OUTPUT_STREAM (mem)) / 2,
                                      &error));
  g_assert_true (g_file_set_contents (bad, garbage, sizeof garbage, &error));

  sp_traj_read_options_init (&o);
  o.species = "Li";
  o.timestep_fs = 1.0;
  g_assert_null (sp_traj_read_file (cut, &o, NULL, NULL, NULL, &error));
  g_assert_error (error, SP_TRAJ_READ_ERROR, SP_TRAJ_READ_ERROR_TRUNCATED);
  g_assert_nonnull (strstr (error->message, "cut.xyz.gz: the compressed data ends early"));
  g_clear_error (&error);
  g_assert_null (sp_traj_read_species (bad, SP_TRAJ_FORMAT_AUTO, &error));
  g_assert_error (error, SP_TRAJ_READ_ERROR, SP_TRAJ_READ_ERROR_FORMAT);
  g_assert_nonnull (strstr (error->message, "bad.xyz.gz: the compressed data is corrupt"));
}

typedef struct
{
  const char     *name;
  const char     *text;
  const char     *species;
  gint            code;
  const char     *expect;   /* in the message */
} Bad;

static void
test_malformed (void)
{
  static const Bad bad[] = {
    { "trunc.xyz", "2\nLattice=\"5 0 0 0 5 0 0 0 5\"\nLi 1 1 1\nO 2 2 2\n"
      "2\nLattice=\"5 0 0 0 5 0 0 0 5\"\nLi 1 1 1\n", "Li",
      SP_TRAJ_READ_ERROR_TRUNCATED, "trunc.xyz: the file ends inside frame 2 (after line 7)" },
    { "count.xyz", "2\nLattice=\"5 0 0 0 5 0 0 0 5\"\nLi 1 1 1\nO 2 2 2\n"
      "3\nLattice=\"5 0 0 0 5 0 0 0 5\"\nLi 1 1 1\nO 2 2 2\nO 3 3 3\n", "Li",
      SP_TRAJ_READ_ERROR_FORMAT, "count.xyz, line 5 (frame 2): the number of atoms changed from 2 to 3" },
    { "number.xyz", "2\nLattice=\"5 0 0 0 5 0 0 0 5\"\nLi 1 1 1\nO 2 2e 2\n", "Li",
      SP_TRAJ_READ_ERROR_VALUE, "number.xyz, line 4 (frame 1): pos is not a number: “2e”" },
    { "species.xyz", "2\nLattice=\"5 0 0 0 5 0 0 0 5\"\nLi 1 1 1\nO 2 2 2\n", "Na",
      SP_TRAJ_READ_ERROR_SPECIES, "no atom of species “Na” in the first frame (species present: Li, O)" },
    { "plain.xyz", "2\ntitle\nLi 1 1 1\nO 2 2 2\n", "Li",
      SP_TRAJ_READ_ERROR_CELL, "plain.xyz, line 2 (frame 1): no Lattice=" },
    { "zero.xyz", "2\nLattice=\"5 0 0 0 5 0 0 0 0\"\nLi 1 1 1\nO 2 2 2\n", "Li",
      SP_TRAJ_READ_ERROR_CELL, "zero.xyz, line 4 (frame 1): the cell is zero or singular" },
    { "cols.xyz", "2\nLattice=\"5 0 0 0 5 0 0 0 5\"\nLi 1 1\nO 2 2 2\n", "Li",
      SP_TRAJ_READ_ERROR_FORMAT, "cols.xyz, line 3 (frame 1): expected 4 columns for an atom, found 3" },
    { "cols.dump", "ITEM: TIMESTEP\n0\nITEM: NUMBER OF ATOMS\n1\nITEM: BOX BOUNDS pp pp pp\n0 1\n0 1\n0 1\n"
      "ITEM: ATOMS id type x y\n1 1 0.5 0.5\n", "1",
      SP_TRAJ_READ_ERROR_FORMAT, "cols.dump, line 9 (frame 1): ITEM: ATOMS needs position columns" },
    { "short.dump", "ITEM: TIMESTEP\n0\nITEM: NUMBER OF ATOMS\n2\nITEM: BOX BOUNDS pp pp pp\n0 1\n0 1\n0 1\n"
      "ITEM: ATOMS id type x y z\n1 1 0.5 0.5 0.5\n2 1 0.5 0.5\n", "1",
      SP_TRAJ_READ_ERROR_FORMAT, "short.dump, line 11 (frame 1): expected 5 columns as ITEM: ATOMS names them, found 4" },
    { "nobox.dump", "ITEM: TIMESTEP\n0\nITEM: NUMBER OF ATOMS\n1\nITEM: BOX BOUNDS pp pp pp\n0 1\n0 1\n", "1",
      SP_TRAJ_READ_ERROR_TRUNCATED, "nobox.dump: the file ends inside frame 1 (after line 7): expected three BOX BOUNDS lines" },
    { "id.dump", "ITEM: TIMESTEP\n0\nITEM: NUMBER OF ATOMS\n1\nITEM: BOX BOUNDS pp pp pp\n0 1\n0 1\n0 1\n"
      "ITEM: ATOMS id type x y z\n1 1 0.5 0.5 0.5\n"
      "ITEM: TIMESTEP\n1\nITEM: NUMBER OF ATOMS\n1\nITEM: BOX BOUNDS pp pp pp\n0 1\n0 1\n0 1\n"
      "ITEM: ATOMS id type x y z\n7 1 0.5 0.5 0.5\n", "1",
      SP_TRAJ_READ_ERROR_FORMAT, "id.dump, line 20 (frame 2): atom id 7 is not in the first frame" },
    { "order.dump", "ITEM: TIMESTEP\n0\nITEM: NUMBER OF ATOMS\n2\nITEM: BOX BOUNDS pp pp pp\n0 1\n0 1\n0 1\n"
      "ITEM: ATOMS type x y z\n1 0.5 0.5 0.5\n2 0.1 0.1 0.1\n"
      "ITEM: TIMESTEP\n1\nITEM: NUMBER OF ATOMS\n2\nITEM: BOX BOUNDS pp pp pp\n0 1\n0 1\n0 1\n"
      "ITEM: ATOMS type x y z\n2 0.1 0.1 0.1\n1 0.5 0.5 0.5\n", "1",
      SP_TRAJ_READ_ERROR_FORMAT, "order.dump, line 21 (frame 2): atom 1 has type 2 here but 1 in the first frame" },
    { "item.dump", "ITEM: TIMESTEP\n0\nITEM: WHATEVER\n", "1",
      SP_TRAJ_READ_ERROR_FORMAT, "item.dump, line 3 (frame 1): unknown section “ITEM: WHATEVER”" },
    { "XDATCAR-trunc", "t\n1\n5 0 0\n0 5 0\n0 0 5\nLi\n2\nDirect configuration= 1\n0.1 0.1 0.1\n", "Li",
      SP_TRAJ_READ_ERROR_TRUNCATED, "XDATCAR-trunc: the file ends inside frame 1 (after line 9): expected one line of 3 coordinates per atom" },
    { "XDATCAR-counts", "t\n1\n5 0 0\n0 5 0\n0 0 5\nLi O\n2\nDirect configuration= 1\n", "Li",
      SP_TRAJ_READ_ERROR_FORMAT, "XDATCAR-counts, line 7 (frame 1): expected 2 atom counts, one per element name" },
    { "XDATCAR-cell", "t\n1\n5 0 0\n5 0 0\n0 0 5\nLi\n1\nDirect configuration= 1\n0.1 0.1 0.1\n", "Li",
      SP_TRAJ_READ_ERROR_CELL, "XDATCAR-cell, line 9 (frame 1): the cell is zero or singular" },
    { "huge.xyz", "50000000\nLattice=\"5 0 0 0 5 0 0 0 5\"\nLi 1 1 1\n", "Li",
      SP_TRAJ_READ_ERROR_FORMAT, "huge.xyz, line 1 (frame 1): 50000000 atoms announced, more than a file of this size can hold" },
    { "inf.dump", "ITEM: TIMESTEP\n0\nITEM: NUMBER OF ATOMS\n1\nITEM: BOX BOUNDS pp pp pp\n0 1e300\n0 1\n0 1\n"
      "ITEM: ATOMS id type x y z ix iy iz\n1 1 0.5 0.5 0.5 2000000000 0 0\n", "1",
      SP_TRAJ_READ_ERROR_VALUE, "inf.dump, line 10 (frame 1): atom 1: its unwrapped position is beyond the range of numbers" },
    { "XDATCAR-huge", "t\n1\n5 0 0\n0 5 0\n0 0 5\nLi O\n60000000 1\nDirect configuration= 1\n0.1 0.1 0.1\n", "Li",
      SP_TRAJ_READ_ERROR_FORMAT, "XDATCAR-huge, line 7 (frame 1): 60000001 atoms announced" },
    { "XDATCAR-scale", "t\n1 2\n5 0 0\n0 5 0\n0 0 5\nLi\n1\nDirect configuration= 1\n0.1 0.1 0.1\n", "Li",
      SP_TRAJ_READ_ERROR_FORMAT, "XDATCAR-scale, line 2 (frame 1): expected the scale factor (one number) on the second header line" },
    { "XDATCAR-vector", "t\n1\n5 0 0\n0 5\n0 0 5\nLi\n1\nDirect configuration= 1\n0.1 0.1 0.1\n", "Li",
      SP_TRAJ_READ_ERROR_CELL, "XDATCAR-vector, line 4 (frame 1): a lattice vector needs 3 numbers" },
    { "XDATCAR-volume", "t\n-125\n5 0 0\n5 0 0\n0 0 5\nLi\n1\nDirect configuration= 1\n0.1 0.1 0.1\n", "Li",
      SP_TRAJ_READ_ERROR_CELL, "XDATCAR-volume, line 5 (frame 1): the cell is singular" },
    { "XDATCAR-negative", "t\n1\n5 0 0\n0 5 0\n0 0 5\nLi\n-2\nDirect configuration= 1\n0.1 0.1 0.1\n", "Li",
      SP_TRAJ_READ_ERROR_FORMAT, "XDATCAR-negative, line 7 (frame 1): bad atom count “-2”" },
    { "XDATCAR-names", "t\n1\n5 0 0\n0 5 0\n0 0 5\n\nDirect configuration= 1\n0.1 0.1 0.1\n", "Li",
      SP_TRAJ_READ_ERROR_FORMAT, "XDATCAR-names, line 6 (frame 1): expected the element names or their counts" },
    { "XDATCAR-coords", "t\n1\n5 0 0\n0 5 0\n0 0 5\nLi\n1\nDirect configuration= 1\n0.1 0.1\n", "Li",
      SP_TRAJ_READ_ERROR_FORMAT, "XDATCAR-coords, line 9 (frame 1): expected 3 coordinates of atom 1 of 1" },
    { "XDATCAR-config", "t\n1\n5 0 0\n0 5 0\n0 0 5\nLi\n1\nDirect configuration= 1\n0.1 0.1 0.1\n"
      "t\n1\n5 0 0\n0 5 0\n0 0 5\nLi\n1\nSomething else\n", "Li",
      SP_TRAJ_READ_ERROR_FORMAT, "XDATCAR-config, line 17 (frame 2): expected “Direct configuration=”, found “Something else”" },
    { "XDATCAR-changed", "t\n1\n5 0 0\n0 5 0\n0 0 5\nLi\n1\nDirect configuration= 1\n0.1 0.1 0.1\n"
      "t\n1\n5 0 0\n0 5 0\n0 0 5\nLi\n2\nDirect configuration= 2\n0.1 0.1 0.1\n0.2 0.2 0.2\n", "Li",
      SP_TRAJ_READ_ERROR_FORMAT, "XDATCAR-changed, line 16 (frame 2): the number of atoms changed from 1 to 2" },
    { "unknown.txt", "hello\nworld\n", "Li",
      SP_TRAJ_READ_ERROR_FORMAT, "unknown.txt: not a trajectory this reader knows" },
    { "empty.xyz", "\n\n", "Li",
      SP_TRAJ_READ_ERROR_FORMAT, "empty.xyz: no frame found" },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autofree char *path = write_file (bad[i].name, bad[i].text);
      SpTrajReadOptions o;
      g_autoptr(GError) error = NULL;
      g_autoptr(SpTrajectory) t = NULL;

      sp_traj_read_options_init (&o);
      o.species = bad[i].species;
      o.timestep_fs = 1.0;
      t = sp_traj_read_file (path, &o, NULL, NULL, NULL, &error);
      g_assert_null (t);
      g_assert_error (error, SP_TRAJ_READ_ERROR, bad[i].code);
      if (strstr (error->message, bad[i].expect) == NULL)
        g_error ("%s: “%s” lacks “%s”", bad[i].name, error->message, bad[i].expect);
    }
}

static void
test_bad_options (void)
{
  g_autofree char *path = write_file ("opts.xyz", xyz_crossing);
  SpTrajReadOptions o;
  g_autoptr(GError) error = NULL;

  sp_traj_read_options_init (&o);
  o.species = "Li";
  o.timestep_fs = 0;
  g_assert_null (sp_traj_read_file (path, &o, NULL, NULL, NULL, &error));
  g_assert_error (error, SP_TRAJ_READ_ERROR, SP_TRAJ_READ_ERROR_OPTIONS);
  g_assert_nonnull (strstr (error->message, "must be positive, got 0 fs"));
  g_clear_error (&error);
  o.timestep_fs = -2;
  g_assert_null (sp_traj_read_file (path, &o, NULL, NULL, NULL, &error));
  g_assert_error (error, SP_TRAJ_READ_ERROR, SP_TRAJ_READ_ERROR_OPTIONS);
  g_clear_error (&error);
  o.timestep_fs = 1;
  o.species = NULL;
  g_assert_null (sp_traj_read_file (path, &o, NULL, NULL, NULL, &error));
  g_assert_error (error, SP_TRAJ_READ_ERROR, SP_TRAJ_READ_ERROR_OPTIONS);
  g_clear_error (&error);
  /* A missing file names itself. */
  o.species = "Li";
  g_assert_null (sp_traj_read_file ("/nonexistent/none.xyz", &o, NULL, NULL, NULL, &error));
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, "none.xyz"));
}

/* A plain XYZ file reads when the caller gives the cell. */
static void
test_plain_xyz_with_cell (void)
{
  g_autofree char *path = write_file ("plain-ok.xyz",
                                      "2\nframe 1\nLi 4.5 0 0\nO 1 1 1\n2\nframe 2\nLi 0.5 0 0\nO 1 1 1\n");
  SpTrajReadOptions o;
  g_autoptr(GError) error = NULL;
  g_autoptr(SpTrajectory) t = NULL;

  sp_traj_read_options_init (&o);
  o.species = "Li";
  o.timestep_fs = 1;
  o.has_cell = TRUE;
  o.cell[0] = o.cell[4] = o.cell[8] = 5;
  t = sp_traj_read_file (path, &o, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  assert_position (t, 1, 0, 5.5, 0, 0);
}

typedef struct
{
  GCancellable *cancellable;
  double        last;
  guint         calls;
  double        cancel_at;
} Progress;

static void
on_progress (double   fraction,
             gpointer user_data)
{
  Progress *p = user_data;

  g_assert_cmpfloat (fraction, >=, p->last);
  g_assert_cmpfloat (fraction, <=, 1.0);
  p->last = fraction;
  p->calls++;
  if (p->cancellable != NULL && fraction >= p->cancel_at)
    g_cancellable_cancel (p->cancellable);
}

static void
test_progress_and_cancel (void)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autofree char *path = NULL;
  SpTrajReadOptions o;
  g_autoptr(GError) error = NULL;
  g_autoptr(SpTrajectory) t = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  Progress p = { NULL, 0, 0, 2 };

  /* About 13 MB: several progress reports.  Type 2 (every fourth atom)
   * moves, type 1 stays. */
  for (int f = 0; f < 2000; f++)
    {
      g_string_append (text, "ITEM: TIMESTEP\n0\nITEM: NUMBER OF ATOMS\n200\n"
                       "ITEM: BOX BOUNDS pp pp pp\n0 20\n0 20\n0 20\nITEM: ATOMS id type x y z\n");
      for (int i = 0; i < 200; i++)
        g_string_append_printf (text, "%d %d %.6f %.6f %.6f\n", i + 1, 1 + (i % 4 == 0),
                                fmod ((i % 4 == 0 ? 0.01 * f : 0) + 0.1 * i, 20), 1.5, 2.5);
    }
  path = write_file ("big.dump", text->str);
  sp_traj_read_options_init (&o);
  o.species = "2";
  o.timestep_fs = 1;
  t = sp_traj_read_file (path, &o, on_progress, &p, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (t->n_ions, ==, 50);
  g_assert_cmpuint (t->n_frames, ==, 2000);
  g_assert_cmpuint (p.calls, >=, 3);
  g_assert_cmpfloat (p.last, ==, 1.0);
  /* Ion 0 (id 1) moves 0.01 Å a frame; ion 49 (id 197) starts at 19.6 Å
   * and crosses the 20 Å box's face, unwrapped by minimum image. */
  assert_position (t, 1999, 0, 19.99, 1.5, 2.5);
  assert_position (t, 1999, 49, 39.59, 1.5, 2.5);

  /* Cancelled before: nothing read. */
  g_cancellable_cancel (cancellable);
  g_clear_pointer (&t, sp_trajectory_free);
  t = sp_traj_read_file (path, &o, NULL, NULL, cancellable, &error);
  g_assert_null (t);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);

  /* Cancelled midway from the progress callback. */
  g_cancellable_reset (cancellable);
  p = (Progress) { cancellable, 0, 0, 0.3 };
  t = sp_traj_read_file (path, &o, on_progress, &p, cancellable, &error);
  g_assert_null (t);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpfloat (p.last, <, 1.0);
}

static void
test_detect_and_names (void)
{
  g_autofree char *xyz = write_file ("a.txt", xyz_crossing);
  g_autofree char *dump = write_file ("b.txt", lammps_images);
  SpTrajFormat f;

  g_assert_cmpint (sp_traj_detect_format (xyz), ==, SP_TRAJ_FORMAT_XYZ);
  g_assert_cmpint (sp_traj_detect_format (dump), ==, SP_TRAJ_FORMAT_LAMMPS);
  g_assert_true (sp_traj_format_from_string ("LAMMPS", &f));
  g_assert_cmpint (f, ==, SP_TRAJ_FORMAT_LAMMPS);
  g_assert_true (sp_traj_format_from_string ("xdatcar", &f));
  g_assert_cmpstr (sp_traj_format_to_string (f), ==, "xdatcar");
  g_assert_false (sp_traj_format_from_string ("pdb", &f));
}

int
main (int argc, char **argv)
{
  int status;

  g_test_init (&argc, &argv, NULL);
  sp_gsl_init ();
  tmpdir = test_tmpdir_new ("test-traj-read");
  g_test_add_func ("/traj-read/xyz-crossing", test_xyz_crossing);
  g_test_add_func ("/traj-read/xyz-stride", test_xyz_species_lowercase_and_stride);
  g_test_add_func ("/traj-read/drift-removed", test_drift_removed);
  g_test_add_func ("/traj-read/lammps-image-flags", test_lammps_image_flags);
  g_test_add_func ("/traj-read/lammps-minimum-image", test_lammps_minimum_image);
  g_test_add_func ("/traj-read/lammps-triclinic-scaled", test_lammps_triclinic_scaled);
  g_test_add_func ("/traj-read/lammps-unwrapped", test_lammps_unwrapped_columns);
  g_test_add_func ("/traj-read/xdatcar-constant", test_xdatcar_constant_cell);
  g_test_add_func ("/traj-read/xdatcar-variable", test_xdatcar_variable_cell);
  g_test_add_func ("/traj-read/xdatcar-potcar-labels", test_xdatcar_potcar_labels);
  g_test_add_func ("/traj-read/xdatcar-cartesian", test_xdatcar_cartesian);
  g_test_add_func ("/traj-read/write-round-trip", test_write_round_trip);
  g_test_add_func ("/traj-read/gzip", test_gzip);
  g_test_add_func ("/traj-read/gzip-damaged", test_gzip_damaged);
  g_test_add_func ("/traj-read/malformed", test_malformed);
  g_test_add_func ("/traj-read/bad-options", test_bad_options);
  g_test_add_func ("/traj-read/plain-xyz-cell", test_plain_xyz_with_cell);
  g_test_add_func ("/traj-read/progress-cancel", test_progress_and_cancel);
  g_test_add_func ("/traj-read/detect", test_detect_and_names);
  status = g_test_run ();
  test_tmpdir_remove (tmpdir);
  return status;
}
