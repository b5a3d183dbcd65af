/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sp-traj-read.h — one mobile species' trajectory from an MD file
 *
 * Reads extended XYZ (a `Lattice="ax ay az bx by bz cx cy cz"` key on each
 * comment line, `Properties=` naming the species and pos columns), LAMMPS
 * dump `custom` files (ITEM: ATOMS with any column order: x y z with
 * optional ix iy iz image flags, or scaled xs ys zs, or unwrapped xu yu
 * zu; an element or a type column; orthogonal or triclinic `xy xz yz`
 * boxes; atoms matched across frames by their id column when there is one;
 * gzip-compressed files too)
 * and VASP XDATCAR (constant cell, or a cell block before every frame).
 *
 * The reader streams: it holds one frame of every atom (to unwrap and to
 * follow the framework) and, over the whole file, only the selected
 * species' positions.  Each kept position is unwrapped — from image flags
 * when the file has them (or taken as it is from xu yu zu), else by adding
 * minimum-image steps between consecutive frames, which is right as long
 * as no atom moves half a cell between two frames — and the drift of the
 * framework's centroid (every atom not of the selected species, equal
 * weights: for a framework that vibrates about its sites the centroid
 * follows the same rigid translation as the centre of mass) is subtracted.
 *
 * A plain XYZ file (no Lattice=) has no cell: it is refused unless the
 * caller gives one in the options.  Errors name the file, the line (and
 * frame) and the problem: “md.dump, line 2017 (frame 3): expected 7
 * columns, found 5”.
 */
#pragma once

#include <gio/gio.h>

#include "sp-trajectory.h"

G_BEGIN_DECLS

#define SP_TRAJ_READ_ERROR (sp_traj_read_error_quark ())

typedef enum
{
  SP_TRAJ_READ_ERROR_FORMAT,     /* not a trajectory, or a malformed header/frame */
  SP_TRAJ_READ_ERROR_TRUNCATED,  /* the file ends inside a frame                 */
  SP_TRAJ_READ_ERROR_VALUE,      /* a bad number                                 */
  SP_TRAJ_READ_ERROR_SPECIES,    /* the species is not in the file               */
  SP_TRAJ_READ_ERROR_CELL,       /* no cell, or a zero/singular one              */
  SP_TRAJ_READ_ERROR_OPTIONS,    /* a time step ≤ 0, no species given            */
  SP_TRAJ_READ_ERROR_TOO_LARGE,  /* the selected positions do not fit memory     */
} SpTrajReadError;

typedef enum
{
  SP_TRAJ_FORMAT_AUTO,      /* from the content (then the extension)  */
  SP_TRAJ_FORMAT_XYZ,       /* extended XYZ                           */
  SP_TRAJ_FORMAT_LAMMPS,    /* LAMMPS dump custom                     */
  SP_TRAJ_FORMAT_XDATCAR,   /* VASP XDATCAR                           */
} SpTrajFormat;

typedef enum
{
  SP_TRAJ_UNWRAP_AUTO,           /* image flags / xu yu zu when present, else minimum image */
  SP_TRAJ_UNWRAP_MINIMUM_IMAGE,  /* minimum-image steps even when image flags exist          */
  SP_TRAJ_UNWRAP_NONE,           /* the coordinates are unwrapped already: take them as read */
} SpTrajUnwrap;

typedef struct
{
  const char   *species;       /* element symbol, or LAMMPS type ("2")       */
  double        timestep_fs;   /* time between consecutive frames of the file, fs (> 0) */
  guint         stride;        /* keep every stride-th frame (0 is taken as 1); dt_ps =
                                * timestep_fs · stride / 1000                 */
  SpTrajFormat  format;
  SpTrajUnwrap  unwrap;
  gboolean      remove_drift;  /* subtract the framework's drift (default TRUE) */
  gboolean      has_cell;      /* use @cell for files without one (plain XYZ) */
  double        cell[9];       /* rows a, b, c, Å                            */
  double        charge;        /* copied to the trajectory (NAN: unknown)    */
} SpTrajReadOptions;

/* Called now and then with the fraction of the file's bytes read (0–1). */
typedef void (*SpTrajProgressFunc) (double   fraction,
                                    gpointer user_data);

GQuark        sp_traj_read_error_quark   (void);

/* Defaults: no species, time step 0 (the caller must set both), stride 1,
 * AUTO format and unwrapping, drift removed, no cell, charge NAN. */
void          sp_traj_read_options_init  (SpTrajReadOptions  *options);

/* Reads @path.  The trajectory's name is the file's base name, its cell
 * the first frame's, its temperature the file's when it states one.
 * @progress may be NULL.  Cancelling returns NULL with
 * G_IO_ERROR_CANCELLED.  Safe to call from any thread. */
SpTrajectory *sp_traj_read_file          (const char               *path,
                                          const SpTrajReadOptions  *options,
                                          SpTrajProgressFunc        progress,
                                          gpointer                  user_data,
                                          GCancellable             *cancellable,
                                          GError                  **error);

/* The species of the first frame, in order of first appearance (element
 * symbols; a LAMMPS dump without an element column gives its type
 * numbers), for a picker. */
GStrv         sp_traj_read_species       (const char               *path,
                                          SpTrajFormat              format,
                                          GError                  **error);

/* The format @path's content (else its extension) says, or AUTO when
 * neither does. */
SpTrajFormat  sp_traj_detect_format      (const char               *path);

/* "xyz", "lammps", "xdatcar" (and "auto"); from_string takes the same
 * (case ignored; also "dump", "extxyz") and returns FALSE otherwise. */
const char   *sp_traj_format_to_string   (SpTrajFormat              format);
gboolean      sp_traj_format_from_string (const char               *text,
                                          SpTrajFormat             *format);

/* Writes @trajectory as extended XYZ (a Lattice= and Time= per frame,
 * Properties=species:S:1:pos:R:3, the unwrapped positions), atomically. */
gboolean      sp_trajectory_write_xyz    (const SpTrajectory       *trajectory,
                                          const char               *path,
                                          GError                  **error);

G_END_DECLS
