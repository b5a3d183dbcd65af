/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sp-trajectory.h — the positions of one mobile species over time
 *
 * The value the hopping-and-diffusion tools pass around: the lattice Monte
 * Carlo engine and the trajectory readers (extended XYZ, LAMMPS dump,
 * XDATCAR) fill it, the MSD/diffusion analysis and the QENS tools read it,
 * the figures draw from what those compute.  Positions are *unwrapped*
 * Cartesian coordinates in Å (a carrier that crossed the periodic box k
 * times is k box lengths away from where it started), with the framework's
 * centre-of-mass drift already removed by whoever filled it.  Frames are
 * evenly spaced in time, @dt_ps apart.
 *
 * Layout: frame-major, positions[(frame * n_ions + ion) * 3 + axis], the
 * order a reader streams them in; the analysis gathers one ion's series
 * with a stride.  500 ions × 10⁵ frames is 1.2 GB of doubles: only the
 * selected species is ever held, never the framework.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct
{
  guint   n_ions;          /* carriers of the selected species            */
  guint   n_frames;        /* frames stored (≥ 1)                         */
  double  dt_ps;           /* time between stored frames, ps (> 0)        */
  double *positions;       /* unwrapped Cartesian, Å (layout above)       */
  double  cell[9];         /* cell vectors a, b, c as rows, Å (frame 0)   */
  double  temperature_k;   /* NAN when the source does not say            */
  double  charge;          /* carrier charge in e (e.g. 1 for Li⁺); NAN
                            * when unknown: no Nernst–Einstein σ then     */
  char   *species;         /* element or type label, e.g. "Li"            */
  char   *name;            /* a label: the file's base name, or "KMC"     */
} SpTrajectory;

/* A trajectory of @n_ions × @n_frames zeroed positions; dt 1 ps, a zero
 * cell, temperature and charge NAN, species and name "".  NULL (no
 * error set) only when the size overflows. */
SpTrajectory *sp_trajectory_new          (guint               n_ions,
                                          guint               n_frames);
SpTrajectory *sp_trajectory_copy         (const SpTrajectory *trajectory);
void          sp_trajectory_free         (SpTrajectory       *trajectory);
void          sp_trajectory_set_species  (SpTrajectory       *trajectory,
                                          const char         *species);
void          sp_trajectory_set_name     (SpTrajectory       *trajectory,
                                          const char         *name);

/* The position of @ion in @frame (3 doubles, Å). */
static inline double *
sp_trajectory_position (const SpTrajectory *trajectory,
                        guint               frame,
                        guint               ion)
{
  return trajectory->positions + ((gsize) frame * trajectory->n_ions + ion) * 3;
}

/* The cell's volume |a · (b × c)| in Å³ (0 for a zero cell). */
double        sp_trajectory_volume_a3    (const SpTrajectory *trajectory);

/* Carriers per cm³ (n_ions over the cell volume); NAN for a zero cell. */
double        sp_trajectory_density_cm3  (const SpTrajectory *trajectory);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SpTrajectory, sp_trajectory_free)

G_END_DECLS
