/* sp-trajectory.c — the positions of one mobile species (see the header)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include "sp-trajectory.h"

SpTrajectory *
sp_trajectory_new (guint n_ions,
                   guint n_frames)
{
  SpTrajectory *trajectory;
  gsize n_values;

  /* 3 · n_ions · n_frames doubles must fit a gsize of bytes. */
  if (n_ions != 0 && n_frames > G_MAXSIZE / sizeof (double) / 3 / n_ions)
    return NULL;
  n_values = (gsize) n_ions * n_frames * 3;

  trajectory = g_new0 (SpTrajectory, 1);
  trajectory->n_ions = n_ions;
  trajectory->n_frames = n_frames;
  trajectory->dt_ps = 1.0;
  trajectory->positions = g_try_new0 (double, MAX (n_values, 1));
  if (trajectory->positions == NULL)
    {
      g_free (trajectory);
      return NULL;
    }
  trajectory->temperature_k = NAN;
  trajectory->charge = NAN;
  trajectory->species = g_strdup ("");
  trajectory->name = g_strdup ("");
  return trajectory;
}

SpTrajectory *
sp_trajectory_copy (const SpTrajectory *trajectory)
{
  SpTrajectory *copy;

  g_return_val_if_fail (trajectory != NULL, NULL);

  copy = sp_trajectory_new (trajectory->n_ions, trajectory->n_frames);
  if (copy == NULL)
    return NULL;
  memcpy (copy->positions, trajectory->positions,
          (gsize) trajectory->n_ions * trajectory->n_frames * 3 * sizeof (double));
  memcpy (copy->cell, trajectory->cell, sizeof copy->cell);
  copy->dt_ps = trajectory->dt_ps;
  copy->temperature_k = trajectory->temperature_k;
  copy->charge = trajectory->charge;
  sp_trajectory_set_species (copy, trajectory->species);
  sp_trajectory_set_name (copy, trajectory->name);
  return copy;
}

void
sp_trajectory_free (SpTrajectory *trajectory)
{
  if (trajectory == NULL)
    return;
  g_free (trajectory->positions);
  g_free (trajectory->species);
  g_free (trajectory->name);
  g_free (trajectory);
}

void
sp_trajectory_set_species (SpTrajectory *trajectory,
                           const char   *species)
{
  g_return_if_fail (trajectory != NULL);
  g_free (trajectory->species);
  trajectory->species = g_strdup (species != NULL ? species : "");
}

void
sp_trajectory_set_name (SpTrajectory *trajectory,
                        const char   *name)
{
  g_return_if_fail (trajectory != NULL);
  g_free (trajectory->name);
  trajectory->name = g_strdup (name != NULL ? name : "");
}

double
sp_trajectory_volume_a3 (const SpTrajectory *trajectory)
{
  const double *a = trajectory->cell, *b = trajectory->cell + 3, *c = trajectory->cell + 6;

  return fabs (a[0] * (b[1] * c[2] - b[2] * c[1])
               - a[1] * (b[0] * c[2] - b[2] * c[0])
               + a[2] * (b[0] * c[1] - b[1] * c[0]));
}

double
sp_trajectory_density_cm3 (const SpTrajectory *trajectory)
{
  double volume = sp_trajectory_volume_a3 (trajectory);

  if (volume <= 0.0)
    return NAN;
  return trajectory->n_ions / (volume * 1e-24);   /* 1 Å³ = 1e-24 cm³ */
}
