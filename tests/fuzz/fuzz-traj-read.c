/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fuzz-traj-read.c — libFuzzer harness: the trajectory readers (extended
 * XYZ, LAMMPS dump, XDATCAR, by content and forced) and the QENS
 * linewidth table reader on arbitrary bytes
 *
 * The readers stream from a file, so each input is written to one scratch
 * file first.  Every input must either give a trajectory (≥ 1 ion, ≥ 1
 * frame, every position and the cell finite, dt > 0, named after the
 * file) or be refused with an SP_TRAJ_READ_ERROR naming the file; the
 * species list likewise; a Q/Γ table gives ≥ 3 positive finite points or
 * an SP_QENS_ERROR naming the file.  Built with -fsanitize=fuzzer (meson
 * -Dfuzzing=true); without it, fuzz-replay.c supplies main() and replays
 * files.
 */

#include "config.h"

#include <glib/gstdio.h>
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "sp-gsl.h"
#include "sp-qens.h"
#include "sp-traj-read.h"

/* A failed property aborts (SIGABRT) rather than trapping as g_error does
 * under G_DEBUG: libFuzzer saves the input only on the signals it handles. */
#undef g_error
#define g_error(...) (g_printerr (__VA_ARGS__), g_printerr ("\n"), abort ())

int LLVMFuzzerInitialize (int *argc, char ***argv);
int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

static char *scratch_dir;

static void
remove_scratch (void)
{
  g_autofree char *path = g_build_filename (scratch_dir, "fuzz.traj", NULL);

  g_remove (path);
  g_rmdir (scratch_dir);
}

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  sp_gsl_init ();
  scratch_dir = g_dir_make_tmp ("fuzz-traj-read-XXXXXX", NULL);
  if (scratch_dir == NULL)
    abort ();
  atexit (remove_scratch);
  return 0;
}

static void
check_refusal (GError     *error,
               GQuark      domain,
               const char *name)
{
  if (error == NULL || error->domain != domain || strstr (error->message, name) == NULL)
    g_error ("%s refused without an error of its domain naming it: %s", name,
             error != NULL ? error->message : "(no error)");
}

static void
check_trajectory (const SpTrajectory *t)
{
  if (t->n_ions == 0 || t->n_frames == 0 || !(t->dt_ps > 0))
    g_error ("a trajectory of %u ions × %u frames, dt %g ps", t->n_ions, t->n_frames, t->dt_ps);
  for (gsize i = 0; i < (gsize) t->n_ions * t->n_frames * 3; i++)
    if (!isfinite (t->positions[i]))
      g_error ("position value %zu is %g", i, t->positions[i]);
  for (int k = 0; k < 9; k++)
    if (!isfinite (t->cell[k]))
      g_error ("cell value %d is %g", k, t->cell[k]);
  if (strcmp (t->name, "fuzz.traj") != 0)
    g_error ("the trajectory is named %s", t->name);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  static const SpTrajFormat formats[] = {
    SP_TRAJ_FORMAT_AUTO, SP_TRAJ_FORMAT_XYZ, SP_TRAJ_FORMAT_LAMMPS, SP_TRAJ_FORMAT_XDATCAR,
  };
  g_autofree char *path = g_build_filename (scratch_dir, "fuzz.traj", NULL);

  if (!g_file_set_contents (path, (const char *) data, size, NULL))
    abort ();
  for (gsize f = 0; f < G_N_ELEMENTS (formats); f++)
    {
      GError *error = NULL;
      g_auto(GStrv) species = sp_traj_read_species (path, formats[f], &error);
      SpTrajReadOptions o;
      SpTrajectory *t;

      if (species == NULL)
        {
          check_refusal (error, SP_TRAJ_READ_ERROR, "fuzz.traj");
          g_clear_error (&error);
          continue;
        }
      if (species[0] == NULL)
        g_error ("an empty species list");
      sp_traj_read_options_init (&o);
      o.species = species[0];
      o.timestep_fs = 1.5;
      o.stride = 1 + f % 2;
      o.format = formats[f];
      t = sp_traj_read_file (path, &o, NULL, NULL, NULL, &error);
      if (t != NULL)
        {
          check_trajectory (t);
          sp_trajectory_free (t);
        }
      else
        check_refusal (error, SP_TRAJ_READ_ERROR, "fuzz.traj");
      g_clear_error (&error);
    }

  {
    GError *error = NULL;
    SpQensGamma *g = sp_qens_read_table_data ((const char *) data, size, "fuzz.csv", &error);

    if (g != NULL)
      {
        if (g->n_points < SP_QENS_MIN_POINTS)
          g_error ("a table of %u points", g->n_points);
        for (guint i = 0; i < g->n_points; i++)
          if (!(g->q[i] > 0 && isfinite (g->q[i]) && g->gamma_mev[i] > 0
                && isfinite (g->gamma_mev[i])
                && (g->gamma_err_mev == NULL
                    || (g->gamma_err_mev[i] > 0 && isfinite (g->gamma_err_mev[i])))))
            g_error ("table point %u: Q = %g, Γ = %g", i, g->q[i], g->gamma_mev[i]);
        sp_qens_gamma_free (g);
      }
    else
      check_refusal (error, SP_QENS_ERROR, "fuzz.csv");
    g_clear_error (&error);
  }
  return 0;
}
