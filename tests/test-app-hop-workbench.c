/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-app-hop-workbench.c — the hopping page's analysis without a display
 *
 * Extended XYZ files the test writes (random walks of Li among a fixed S
 * framework, wrapped into the box, with a known D = a²/(6Δt)) are read
 * through the workbench's thread: "changed" after the import, busy and
 * progress while it runs, D* near the truth within its own error, a new
 * window refitted, cancel leaving everything as it was, errors naming the
 * file, the state saved and loaded; runs at two temperatures give the
 * activation energy through their two points, tables give the Chudley–
 * Elliott l and τ and the finite-size D∞ they were made with.
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gstdio.h>

#include "sp-gsl.h"
#include "sp-hop-workbench.h"
#include "sp-json.h"
#include "test-helpers.h"
#include "test-tmpdir.h"

#define K_B_EV      8.617333262e-5
#define HBAR_MEV_PS 0.6582119569

/* The walk: one jump of A_JUMP Å along ±x, ±y or ±z per frame of DT_FS fs:
 * MSD = a² n, D = a²/(6Δt) = 6.25/(6 · 0.1 ps) Å²/ps. */
#define A_JUMP 2.5
#define DT_FS  100.0
#define BOX    15.0
#define D_TRUE (A_JUMP * A_JUMP / (6.0 * DT_FS * 1e-3) * 1e-4)

typedef struct
{
  char           *dir;
  SpHopWorkbench *wb;
  GPtrArray      *errors;
  guint           n_changed;
  guint           n_progress;
  gboolean        saw_busy;
} Fixture;

static void
on_error (SpHopWorkbench *wb,
          const char     *message,
          Fixture        *fx)
{
  g_ptr_array_add (fx->errors, g_strdup (message));
}

static void
on_changed (SpHopWorkbench *wb,
            Fixture        *fx)
{
  fx->n_changed++;
}

static void
on_progress (SpHopWorkbench *wb,
             GParamSpec     *pspec,
             Fixture        *fx)
{
  double p = sp_hop_workbench_get_progress (wb);

  g_assert_cmpfloat (p, >=, 0.0);
  g_assert_cmpfloat (p, <=, 1.0);
  fx->n_progress++;
}

static void
on_busy (SpHopWorkbench *wb,
         GParamSpec     *pspec,
         Fixture        *fx)
{
  if (sp_hop_workbench_get_busy (wb))
    fx->saw_busy = TRUE;
}

static void
fixture_set_up (Fixture       *fx,
                gconstpointer  data)
{
  fx->dir = test_tmpdir_new ("test-hop-workbench");
  fx->wb = sp_hop_workbench_new ();
  fx->errors = g_ptr_array_new_with_free_func (g_free);
  g_signal_connect (fx->wb, "error", G_CALLBACK (on_error), fx);
  g_signal_connect (fx->wb, "changed", G_CALLBACK (on_changed), fx);
  g_signal_connect (fx->wb, "notify::progress", G_CALLBACK (on_progress), fx);
  g_signal_connect (fx->wb, "notify::busy", G_CALLBACK (on_busy), fx);
}

static void
remove_dir (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_unlink (path);
    }
  g_rmdir (dir);
}

static void
fixture_tear_down (Fixture       *fx,
                   gconstpointer  data)
{
  g_object_unref (fx->wb);
  g_ptr_array_unref (fx->errors);
  remove_dir (fx->dir);
  g_free (fx->dir);
}

static gboolean
on_timeout (gpointer data)
{
  g_error ("the workbench is still busy after 120 s");
  return G_SOURCE_REMOVE;
}

/* Runs the main loop until nothing is running. */
static void
wait_idle (Fixture *fx)
{
  guint timeout = g_timeout_add_seconds (120, on_timeout, NULL);

  while (sp_hop_workbench_get_busy (fx->wb))
    g_main_context_iteration (NULL, TRUE);
  /* Deliver what the last job queued (progress). */
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_source_remove (timeout);
}

/* A random walk of @n_li Li among 8 fixed S atoms, wrapped into the cubic
 * box, @n_frames frames, temperature @t (K; NAN: none) in each comment. */
static char *
write_xyz (Fixture    *fx,
           const char *name,
           guint       n_li,
           guint       n_frames,
           double      t,
           guint32     seed)
{
  g_autofree char *path = g_build_filename (fx->dir, name, NULL);
  g_autoptr(GString) s = g_string_new (NULL);
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
  g_autofree double *r = g_new0 (double, 3 * n_li);
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < 3 * n_li; i++)
    r[i] = A_JUMP * g_rand_int_range (rand, 0, 6);
  for (guint f = 0; f < n_frames; f++)
    {
      g_string_append_printf (s, "%u\nLattice=\"%g 0 0 0 %g 0 0 0 %g\" Properties=species:S:1:pos:R:3",
                              n_li + 8, BOX, BOX, BOX);
      if (isfinite (t))
        g_string_append_printf (s, " temperature=%g", t);
      g_string_append_c (s, '\n');
      for (guint i = 0; i < n_li; i++)
        {
          double w[3];

          for (int a = 0; a < 3; a++)
            w[a] = r[3 * i + a] - BOX * floor (r[3 * i + a] / BOX);
          g_string_append_printf (s, "Li %.6f %.6f %.6f\n", w[0], w[1], w[2]);
        }
      for (guint k = 0; k < 8; k++)
        g_string_append_printf (s, "S %.3f %.3f %.3f\n", 0.25 * BOX + 0.5 * BOX * (k & 1),
                                0.25 * BOX + 0.5 * BOX * ((k >> 1) & 1), 0.25 * BOX + 0.5 * BOX * (k >> 2));
      for (guint i = 0; i < n_li; i++)
        {
          guint dir = g_rand_int_range (rand, 0, 6);

          r[3 * i + dir / 2] += dir % 2 ? A_JUMP : -A_JUMP;
        }
    }
  g_assert_true (g_file_set_contents (path, s->str, s->len, &error));
  g_assert_no_error (error);
  return g_steal_pointer (&path);
}

static void
options_init (SpTrajReadOptions *options)
{
  sp_traj_read_options_init (options);
  options->species = "Li";
  options->timestep_fs = DT_FS;
}

static void
open_file (Fixture    *fx,
           const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  SpTrajReadOptions options;

  options_init (&options);
  sp_hop_workbench_open_trajectory (fx->wb, file, &options);
}

static void
test_import (Fixture       *fx,
             gconstpointer  data)
{
  g_autofree char *path = write_xyz (fx, "walk.xyz", 40, 400, 600, 1);
  const SpDiffusion *d;
  const SpTrajectory *t;
  SpHopFigureData fig;
  double t0, t1;
  gboolean automatic;

  open_file (fx, path);
  g_assert_true (sp_hop_workbench_get_busy (fx->wb));
  g_assert_true (fx->saw_busy);
  wait_idle (fx);
  g_assert_cmpuint (fx->errors->len, ==, 0);
  g_assert_cmpuint (fx->n_changed, ==, 1);
  g_assert_cmpuint (fx->n_progress, >, 0);
  g_assert_cmpfloat (sp_hop_workbench_get_progress (fx->wb), ==, 1.0);

  t = sp_hop_workbench_get_trajectory (fx->wb);
  g_assert_nonnull (t);
  g_assert_cmpuint (t->n_ions, ==, 40);
  g_assert_cmpuint (t->n_frames, ==, 400);
  g_assert_cmpstr (sp_hop_workbench_get_path (fx->wb), ==, path);
  g_assert_cmpstr (sp_hop_workbench_get_read_options (fx->wb)->species, ==, "Li");
  sp_assert_close (sp_hop_workbench_get_temperature (fx->wb), 600, 1e-12, 0);
  g_assert_nonnull (sp_hop_workbench_get_msd (fx->wb));

  /* D* of the walk, within four of its own standard errors. */
  d = sp_hop_workbench_get_diffusion (fx->wb);
  g_assert_nonnull (d);
  g_assert_cmpfloat (d->d_star_stderr_cm2_s, >, 0.0);
  if (fabs (d->d_star_cm2_s - D_TRUE) > 4 * d->d_star_stderr_cm2_s)
    g_error ("D* = %g ± %g cm²/s, truth %g", d->d_star_cm2_s, d->d_star_stderr_cm2_s, D_TRUE);
  sp_hop_workbench_get_window (fx->wb, &t0, &t1, &automatic);
  g_assert_true (automatic);
  g_assert_cmpfloat (t0, >, 0.0);
  g_assert_cmpfloat (t1, >, t0);
  g_assert_nonnull (sp_hop_workbench_get_note (fx->wb));

  /* The figures get everything with the fit window and its numbers. */
  sp_hop_workbench_fill_figure_data (fx->wb, &fig);
  g_assert_nonnull (fig.lattice);
  g_assert_null (fig.lattice->sites);
  sp_assert_close (fig.lattice->width_angstrom, BOX, 1e-12, 0);
  g_assert_cmpuint (fig.lattice->n_paths, ==, 3);
  g_assert_cmpuint (fig.lattice->paths[0].n, ==, 400);
  g_assert_nonnull (fig.msd);
  g_assert_cmpfloat (fig.msd->window_t0_ps, ==, t0);
  g_assert_cmpfloat (fig.msd->window_t1_ps, ==, t1);
  g_assert_true (fig.msd->window_automatic);
  g_assert_cmpfloat (fig.msd->d_star_cm2_s, ==, d->d_star_cm2_s);
  g_assert_nonnull (fig.msd->msd_a2[SP_HOP_MSD_COLLECTIVE]);
  g_assert_cmpuint (fig.n_fs, ==, 8);
  g_assert_cmpfloat (fig.fs[0].q_inv_angstrom, ==, 0.25);
  g_assert_cmpfloat (fig.fs[0].fs[0], ==, 1.0);
  g_assert_nonnull (fig.description);
  g_assert_nonnull (strstr (fig.description, "walk.xyz"));
  g_assert_null (fig.arrhenius);
  g_assert_null (fig.finite_size);

  /* A second view's fill shares the first's arrays (both stay valid). */
  {
    SpHopFigureData again;

    sp_hop_workbench_fill_figure_data (fx->wb, &again);
    g_assert_true (again.msd == fig.msd);
    g_assert_true (again.lattice->paths[0].x_angstrom == fig.lattice->paths[0].x_angstrom);
  }

  /* Other Q values: F_s again, the file still the current one's source. */
  sp_hop_workbench_set_q_values (fx->wb, (double[]) { 0.5, 1.0 }, 2);
  wait_idle (fx);
  sp_hop_workbench_fill_figure_data (fx->wb, &fig);
  g_assert_cmpuint (fig.n_fs, ==, 2);
  g_assert_cmpfloat (fig.fs[1].q_inv_angstrom, ==, 1.0);
  g_assert_cmpstr (sp_hop_workbench_get_path (fx->wb), ==, path);
  g_assert_cmpuint (fx->errors->len, ==, 0);
}

static void
test_window (Fixture       *fx,
             gconstpointer  data)
{
  g_autofree char *path = write_xyz (fx, "walk.xyz", 30, 300, NAN, 2);
  const SpMsd *msd;
  double t0, t1, d_auto;
  gboolean automatic;
  guint changed;

  open_file (fx, path);
  wait_idle (fx);
  d_auto = sp_hop_workbench_get_diffusion (fx->wb)->d_star_cm2_s;
  msd = sp_hop_workbench_get_msd (fx->wb);
  changed = fx->n_changed;

  /* A window by hand (as the page's drag sets it): refitted, snapped to lags. */
  sp_hop_workbench_set_window (fx->wb, msd->lag_ps[5], msd->lag_ps[40]);
  g_assert_true (sp_hop_workbench_get_busy (fx->wb));
  wait_idle (fx);
  g_assert_cmpuint (fx->n_changed, ==, changed + 1);
  g_assert_true (sp_hop_workbench_get_msd (fx->wb) == msd);   /* the MSD stays */
  sp_hop_workbench_get_window (fx->wb, &t0, &t1, &automatic);
  g_assert_false (automatic);
  sp_assert_close (t0, msd->lag_ps[5], 1e-9, 0);
  sp_assert_close (t1, msd->lag_ps[40], 1e-9, 0);
  g_assert_cmpfloat (sp_hop_workbench_get_diffusion (fx->wb)->d_star_cm2_s, !=, d_auto);

  /* A window beyond the lags is clamped to them, not refused. */
  sp_hop_workbench_set_window (fx->wb, 1e-6, 1e9);
  wait_idle (fx);
  sp_hop_workbench_get_window (fx->wb, &t0, &t1, NULL);
  sp_assert_close (t0, msd->lag_ps[1], 1e-9, 0);
  sp_assert_close (t1, msd->lag_ps[msd->n_lags - 1], 1e-9, 0);

  /* Back to the suggested one: the same D* as at first. */
  sp_hop_workbench_set_window (fx->wb, NAN, NAN);
  wait_idle (fx);
  sp_hop_workbench_get_window (fx->wb, NULL, NULL, &automatic);
  g_assert_true (automatic);
  g_assert_cmpfloat (sp_hop_workbench_get_diffusion (fx->wb)->d_star_cm2_s, ==, d_auto);

  /* Not a range: an error, nothing runs. */
  g_assert_cmpuint (fx->errors->len, ==, 0);
  sp_hop_workbench_set_window (fx->wb, 5, 2);
  g_assert_false (sp_hop_workbench_get_busy (fx->wb));
  g_assert_cmpuint (fx->errors->len, ==, 1);
  g_assert_nonnull (strstr (g_ptr_array_index (fx->errors, 0), "t₀ < t₁"));

  /* σ by Nernst–Einstein follows a typed temperature and charge. */
  sp_hop_workbench_set_temperature (fx->wb, 500);
  sp_hop_workbench_set_charge (fx->wb, 1);
  wait_idle (fx);
  {
    const SpDiffusion *d = sp_hop_workbench_get_diffusion (fx->wb);
    double expected = d->density_cm3 * 1.602176634e-19 * d->d_sigma_cm2_s / (K_B_EV * 500);

    sp_assert_close (d->sigma_s_cm, expected, 1e-6, 0);
    g_assert_cmpfloat (sp_hop_workbench_get_temperature (fx->wb), ==, 500);
  }
}

static void
test_cancel (Fixture       *fx,
             gconstpointer  data)
{
  g_autofree char *small = write_xyz (fx, "small.xyz", 10, 100, NAN, 3);
  g_autofree char *big = write_xyz (fx, "big.xyz", 200, 3000, NAN, 4);
  const SpTrajectory *before;
  guint changed;

  open_file (fx, small);
  wait_idle (fx);
  before = sp_hop_workbench_get_trajectory (fx->wb);
  changed = fx->n_changed;

  open_file (fx, big);
  g_assert_true (sp_hop_workbench_get_busy (fx->wb));
  sp_hop_workbench_cancel (fx->wb);
  wait_idle (fx);
  /* Nothing changed, nothing reported. */
  g_assert_cmpuint (fx->n_changed, ==, changed);
  g_assert_cmpuint (fx->errors->len, ==, 0);
  g_assert_true (sp_hop_workbench_get_trajectory (fx->wb) == before);
  g_assert_cmpstr (sp_hop_workbench_get_path (fx->wb), ==, small);
}

static void
test_errors (Fixture       *fx,
             gconstpointer  data)
{
  g_autofree char *missing = g_build_filename (fx->dir, "gone.xyz", NULL);
  g_autofree char *bad = g_build_filename (fx->dir, "broken.xyz", NULL);
  g_autofree char *ok = write_xyz (fx, "fine.xyz", 10, 60, NAN, 5);
  const char *text = "3\nLattice=\"10 0 0 0 10 0 0 0 10\"\nLi 1 2 3\nLi 1 2\n";

  g_assert_true (g_file_set_contents (bad, text, -1, NULL));
  open_file (fx, missing);
  wait_idle (fx);
  g_assert_cmpuint (fx->errors->len, ==, 1);
  g_assert_nonnull (strstr (g_ptr_array_index (fx->errors, 0), "gone.xyz"));

  open_file (fx, bad);
  wait_idle (fx);
  g_assert_cmpuint (fx->errors->len, ==, 2);
  g_assert_nonnull (strstr (g_ptr_array_index (fx->errors, 1), "broken.xyz"));
  g_assert_cmpuint (fx->n_changed, ==, 0);
  g_assert_null (sp_hop_workbench_get_trajectory (fx->wb));

  /* A species the file lacks: named. */
  {
    g_autoptr(GFile) file = g_file_new_for_path (ok);
    SpTrajReadOptions options;

    options_init (&options);
    options.species = "Na";
    sp_hop_workbench_open_trajectory (fx->wb, file, &options);
    wait_idle (fx);
    g_assert_cmpuint (fx->errors->len, ==, 3);
    g_assert_nonnull (strstr (g_ptr_array_index (fx->errors, 2), "fine.xyz"));
  }
  /* Bad inputs to the setters. */
  sp_hop_workbench_set_temperature (fx->wb, -5);
  sp_hop_workbench_set_charge (fx->wb, 0);
  sp_hop_workbench_set_q_values (fx->wb, (double[]) { 0.5, -1 }, 2);
  g_assert_cmpuint (fx->errors->len, ==, 6);
  g_assert_false (sp_hop_workbench_get_busy (fx->wb));
}

/* A trajectory given directly (the KMC samples), a run each at two
 * temperatures: E_a through the two points exactly. */
static SpTrajectory *
walk_trajectory (double   jump,
                 double   temperature_k,
                 guint32  seed)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
  SpTrajectory *t = sp_trajectory_new (30, 300);

  t->dt_ps = 0.1;
  t->temperature_k = temperature_k;
  t->charge = 1;
  for (int a = 0; a < 3; a++)
    t->cell[4 * a] = BOX;
  sp_trajectory_set_species (t, "Li");
  sp_trajectory_set_name (t, "KMC");
  for (guint f = 1; f < t->n_frames; f++)
    for (guint i = 0; i < t->n_ions; i++)
      {
        double *r = sp_trajectory_position (t, f, i);
        guint dir = g_rand_int_range (rand, 0, 6);

        memcpy (r, sp_trajectory_position (t, f - 1, i), 3 * sizeof (double));
        r[dir / 2] += dir % 2 ? jump : -jump;
      }
  return t;
}

static void
test_runs (Fixture       *fx,
           gconstpointer  data)
{
  SpHopFigureData fig;
  double ea;
  const SpHopRun *a, *b;

  g_assert_false (sp_hop_workbench_add_current_run (fx->wb));
  sp_hop_workbench_set_trajectory (fx->wb, walk_trajectory (1.0, 300, 6));
  wait_idle (fx);
  g_assert_true (sp_hop_workbench_add_current_run (fx->wb));
  sp_hop_workbench_set_trajectory (fx->wb, walk_trajectory (2.0, 600, 7));
  wait_idle (fx);
  g_assert_true (sp_hop_workbench_add_current_run (fx->wb));
  g_assert_cmpuint (sp_hop_workbench_get_n_runs (fx->wb), ==, 2);
  a = sp_hop_workbench_get_run (fx->wb, 0);
  b = sp_hop_workbench_get_run (fx->wb, 1);
  g_assert_null (a->path);
  g_assert_cmpstr (a->name, ==, "KMC");
  sp_assert_close (a->length_angstrom, BOX, 1e-12, 0);
  g_assert_cmpfloat (b->d_star_cm2_s, >, 2 * a->d_star_cm2_s);

  /* Two points: the weighted line goes through both. */
  ea = K_B_EV * log (b->d_star_cm2_s / a->d_star_cm2_s) / (1.0 / 300 - 1.0 / 600);
  sp_hop_workbench_fill_figure_data (fx->wb, &fig);
  g_assert_cmpuint (fig.n_arrhenius, ==, 1);
  g_assert_cmpuint (fig.arrhenius[0].n, ==, 2);
  sp_assert_close (fig.arrhenius[0].ea_ev, ea, 1e-9, 0);
  /* Both runs have the same box, so no finite-size series. */
  g_assert_null (fig.finite_size);

  /* A typed temperature moves the point and E_a. */
  sp_hop_workbench_set_run_temperature (fx->wb, 1, 900);
  sp_hop_workbench_fill_figure_data (fx->wb, &fig);
  sp_assert_close (fig.arrhenius[0].ea_ev,
                   K_B_EV * log (b->d_star_cm2_s / a->d_star_cm2_s) / (1.0 / 300 - 1.0 / 900), 1e-9, 0);
  sp_hop_workbench_set_run_temperature (fx->wb, 1, NAN);
  g_assert_cmpfloat (b->temperature_k, ==, 600);

  sp_hop_workbench_remove_run (fx->wb, 0);
  sp_hop_workbench_fill_figure_data (fx->wb, &fig);
  g_assert_true (isnan (fig.arrhenius[0].ea_ev));
  g_assert_nonnull (strstr (sp_hop_workbench_get_note (fx->wb), "two or more temperatures"));
}

/* Runs read from files: each one's D*, a bad one named. */
static void
test_run_files (Fixture       *fx,
                gconstpointer  data)
{
  g_autofree char *p1 = write_xyz (fx, "t400.xyz", 20, 200, 400, 8);
  g_autofree char *p2 = write_xyz (fx, "t800.xyz", 20, 200, 800, 9);
  g_autofree char *p3 = g_build_filename (fx->dir, "nothing.xyz", NULL);
  GFile *files[3] = { g_file_new_for_path (p1), g_file_new_for_path (p2), g_file_new_for_path (p3) };
  SpTrajReadOptions options;

  options_init (&options);
  sp_hop_workbench_add_runs (fx->wb, files, 3, &options);
  wait_idle (fx);
  for (guint i = 0; i < 3; i++)
    g_object_unref (files[i]);
  g_assert_cmpuint (sp_hop_workbench_get_n_runs (fx->wb), ==, 2);
  g_assert_cmpfloat (sp_hop_workbench_get_run (fx->wb, 1)->file_temperature_k, ==, 800);
  g_assert_cmpstr (sp_hop_workbench_get_run (fx->wb, 0)->name, ==, "t400.xyz");
  g_assert_cmpuint (fx->errors->len, ==, 1);
  g_assert_nonnull (strstr (g_ptr_array_index (fx->errors, 0), "nothing.xyz"));
}

static void
test_tables (Fixture       *fx,
             gconstpointer  data)
{
  g_autofree char *qens = g_build_filename (fx->dir, "qens.dat", NULL);
  g_autofree char *size = g_build_filename (fx->dir, "size.csv", NULL);
  g_autoptr(GString) q = g_string_new ("# Q (1/A), Gamma (meV), error (meV)\n");
  /* No header row: the reader takes L, value, error in that order. */
  g_autoptr(GString) s = g_string_new (NULL);
  g_autoptr(GFile) qf = g_file_new_for_path (qens);
  g_autoptr(GFile) sf = g_file_new_for_path (size);
  SpHopFigureData fig;

  /* Chudley–Elliott with l = 2.5 Å, τ = 8 ps, exactly. */
  for (guint i = 1; i <= 10; i++)
    {
      double Q = 0.2 * i, x = Q * 2.5;

      g_string_append_printf (q, "%.17g %.17g %.17g\n", Q, HBAR_MEV_PS / 8.0 * (1 - sin (x) / x), 0.002);
    }
  /* D(L) = 3e-6 − 2e-5/L exactly. */
  for (guint i = 0; i < 4; i++)
    {
      double l = 12 + 6 * i;

      g_string_append_printf (s, "%.17g,%.17g,%.17g\n", l, 3e-6 - 2e-5 / l, 1e-8);
    }
  g_assert_true (g_file_set_contents (qens, q->str, -1, NULL));
  g_assert_true (g_file_set_contents (size, s->str, -1, NULL));
  sp_hop_workbench_open_qens_table (fx->wb, qf);
  sp_hop_workbench_open_finite_size_table (fx->wb, sf, SP_HOP_FINITE_SIZE_DIFFUSIVITY);
  wait_idle (fx);
  g_assert_cmpuint (fx->errors->len, ==, 0);
  sp_hop_workbench_fill_figure_data (fx->wb, &fig);
  g_assert_nonnull (fig.qens);
  g_assert_cmpuint (fig.qens->n, ==, 10);
  sp_assert_close (fig.qens->l_angstrom, 2.5, 1e-6, 0);
  sp_assert_close (fig.qens->tau_ps, 8.0, 1e-6, 0);
  sp_assert_close (fig.qens->d_cm2_s, 2.5 * 2.5 / (6 * 8.0) * 1e-4, 1e-6, 0);
  g_assert_cmpstr (fig.qens->source, ==, "qens.dat");
  g_assert_nonnull (fig.finite_size);
  sp_assert_close (fig.finite_size->intercept, 3e-6, 1e-9, 0);
  sp_assert_close (fig.finite_size->slope, -2e-5, 1e-9, 0);
  g_assert_cmpfloat (fig.finite_size->intercept_err, >, 0.0);

  /* Cleared: gone from the figures. */
  sp_hop_workbench_open_qens_table (fx->wb, NULL);
  sp_hop_workbench_open_finite_size_table (fx->wb, NULL, SP_HOP_FINITE_SIZE_DIFFUSIVITY);
  sp_hop_workbench_fill_figure_data (fx->wb, &fig);
  g_assert_null (fig.qens);
  g_assert_null (fig.finite_size);

  /* A broken table: named. */
  g_assert_true (g_file_set_contents (qens, "0.5 abc\n", -1, NULL));
  sp_hop_workbench_open_qens_table (fx->wb, qf);
  wait_idle (fx);
  g_assert_cmpuint (fx->errors->len, ==, 1);
  g_assert_nonnull (strstr (g_ptr_array_index (fx->errors, 0), "qens.dat"));
}

static void
test_state (Fixture       *fx,
            gconstpointer  data)
{
  g_autofree char *path = write_xyz (fx, "walk.xyz", 20, 200, 700, 10);
  g_autoptr(SpHopWorkbench) other = sp_hop_workbench_new ();
  g_autoptr(JsonObject) state = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *json = NULL;
  const SpMsd *msd;
  double t0, t1, o0, o1;
  Fixture fy = { .wb = other };

  open_file (fx, path);
  wait_idle (fx);
  msd = sp_hop_workbench_get_msd (fx->wb);
  sp_hop_workbench_set_window (fx->wb, msd->lag_ps[3], msd->lag_ps[30]);
  sp_hop_workbench_set_charge (fx->wb, 2);
  wait_idle (fx);
  g_assert_true (sp_hop_workbench_add_current_run (fx->wb));
  state = sp_hop_workbench_save_state (fx->wb);
  json = json_to_string (json_node_init_object (json_node_alloc (), state), FALSE);
  g_assert_nonnull (strstr (json, "\"species\":\"Li\""));
  g_assert_nonnull (strstr (json, "\"timestep_fs\":100"));

  fy.errors = g_ptr_array_new_with_free_func (g_free);
  g_signal_connect (other, "error", G_CALLBACK (on_error), &fy);
  g_assert_true (sp_hop_workbench_check_state (other, state, &error));
  g_assert_true (sp_hop_workbench_load_state (other, state, &error));
  g_assert_no_error (error);
  wait_idle (&fy);
  g_assert_cmpuint (fy.errors->len, ==, 0);
  g_assert_cmpstr (sp_hop_workbench_get_path (other), ==, path);
  sp_hop_workbench_get_window (fx->wb, &t0, &t1, NULL);
  sp_hop_workbench_get_window (other, &o0, &o1, NULL);
  g_assert_cmpfloat (o0, ==, t0);
  g_assert_cmpfloat (o1, ==, t1);
  g_assert_cmpfloat (sp_hop_workbench_get_charge (other), ==, 2);
  g_assert_cmpfloat (sp_hop_workbench_get_diffusion (other)->d_star_cm2_s, ==,
                     sp_hop_workbench_get_diffusion (fx->wb)->d_star_cm2_s);
  g_assert_cmpuint (sp_hop_workbench_get_n_runs (other), ==, 1);
  g_assert_cmpfloat (sp_hop_workbench_get_run (other, 0)->d_star_cm2_s, ==,
                     sp_hop_workbench_get_run (fx->wb, 0)->d_star_cm2_s);

  /* Bad states: refused with the field named, nothing changed. */
  {
    const struct { const char *json, *message; } bad[] = {
      { "{\"trajectory\":{\"species\":\"Li\",\"timestep_fs\":1}}", "trajectory.path: missing" },
      { "{\"trajectory\":{\"path\":\"a\",\"species\":\"Li\",\"timestep_fs\":-1}}",
        "trajectory.timestep_fs: not a positive number" },
      { "{\"trajectory\":{\"path\":\"a\",\"species\":\"Li\",\"timestep_fs\":1,\"format\":\"pdb\"}}",
        "trajectory.format" },
      { "{\"window_t0_ps\":5}", "window_t1_ps" },
      { "{\"runs\":[{\"name\":\"x\",\"temperature_k\":\"hot\"}]}", "runs[0].temperature_k: not a number" },
      { "{\"q_inv_angstrom\":[0.5,0]}", "q_inv_angstrom[1]: not a positive number" },
      { "{\"finite_size_quantity\":\"pressure\"}", "finite_size_quantity" },
    };

    for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
      {
        g_autoptr(JsonNode) node = json_from_string (bad[i].json, NULL);
        g_autoptr(GError) e = NULL;

        g_assert_false (sp_hop_workbench_load_state (other, json_node_get_object (node), &e));
        g_assert_error (e, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
        if (!g_str_has_prefix (e->message, bad[i].message))
          g_error ("%s: “%s”, expected “%s…”", bad[i].json, e->message, bad[i].message);
      }
    g_assert_cmpstr (sp_hop_workbench_get_path (other), ==, path);
  }

  /* The file gone: load succeeds, the read reports it. */
  g_unlink (path);
  g_assert_true (sp_hop_workbench_load_state (other, state, &error));
  wait_idle (&fy);
  g_assert_cmpuint (fy.errors->len, ==, 1);
  g_assert_nonnull (strstr (g_ptr_array_index (fy.errors, 0), "walk.xyz"));
  g_ptr_array_unref (fy.errors);
}

int
main (int   argc,
      char *argv[])
{
  sp_gsl_init ();
  g_test_init (&argc, &argv, NULL);
#define ADD(name, func) g_test_add ("/hop-workbench/" name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("import", test_import);
  ADD ("window", test_window);
  ADD ("cancel", test_cancel);
  ADD ("errors", test_errors);
  ADD ("runs", test_runs);
  ADD ("run-files", test_run_files);
  ADD ("tables", test_tables);
  ADD ("state", test_state);
  return g_test_run ();
}
