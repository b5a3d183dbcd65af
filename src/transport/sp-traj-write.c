/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sp-traj-write.c — a trajectory as extended XYZ (see sp-traj-read.h)
 *
 * What `spinodal-cli kmc --trajectory-out` writes and any MD tool (ASE,
 * OVITO, VMD) opens: per frame the ion count, a comment line with
 * Lattice=, Properties=species:S:1:pos:R:3, Time= (ps), pbc and, when
 * known, temperature= (K); then one line per ion.  The positions are the
 * unwrapped ones, marked unwrapped=T so that a reader does not unwrap
 * them again (Spinodal's own reader honours the key).  Ten significant digits: 1e-7 Å at 1000 Å.
 */

#include "config.h"

#include <math.h>

#include "sp-file.h"
#include "sp-traj-read.h"

static void
append_number (GString *out,
               double   value)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  g_string_append (out, g_ascii_formatd (buf, sizeof buf, "%.10g", value));
}

gboolean
sp_trajectory_write_xyz (const SpTrajectory *trajectory,
                         const char         *path,
                         GError            **error)
{
  g_autoptr (GString) out = NULL;
  const char *species;

  g_return_val_if_fail (trajectory != NULL && path != NULL, FALSE);
  species = trajectory->species != NULL && *trajectory->species != '\0'
            ? trajectory->species : "X";
  out = g_string_sized_new (64 + (gsize) trajectory->n_frames
                                 * (80 + (gsize) trajectory->n_ions * 48));
  for (guint f = 0; f < trajectory->n_frames; f++)
    {
      g_string_append_printf (out, "%u\nLattice=\"", trajectory->n_ions);
      for (int k = 0; k < 9; k++)
        {
          if (k > 0)
            g_string_append_c (out, ' ');
          append_number (out, trajectory->cell[k]);
        }
      g_string_append (out, "\" Properties=species:S:1:pos:R:3 Time=");
      append_number (out, f * trajectory->dt_ps);
      if (isfinite (trajectory->temperature_k))
        {
          g_string_append (out, " temperature=");
          append_number (out, trajectory->temperature_k);
        }
      g_string_append (out, " unwrapped=T pbc=\"T T T\"\n");
      for (guint i = 0; i < trajectory->n_ions; i++)
        {
          const double *p = sp_trajectory_position (trajectory, f, i);

          g_string_append (out, species);
          for (int k = 0; k < 3; k++)
            {
              g_string_append_c (out, ' ');
              append_number (out, p[k]);
            }
          g_string_append_c (out, '\n');
        }
    }
  return sp_file_write_atomic (path, out->str, out->len, error);
}
