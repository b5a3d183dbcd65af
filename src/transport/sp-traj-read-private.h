/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sp-traj-read-private.h — the pieces the three trajectory formats share:
 * a streamed line reader (progress, cancel, gzip), in-place field
 * splitting, number parsing with messages, and the frame sink that
 * unwraps, follows the framework and keeps the selected species.
 * Internal to src/transport (tested through test-traj-read.c).
 */
#pragma once

#include <gio/gio.h>

#include "sp-traj-read.h"

G_BEGIN_DECLS

/* The longest line accepted (an XYZ comment line with many keys is a few
 * hundred bytes; a line beyond this is not a trajectory). */
#define SP_TRAJ_MAX_LINE_BYTES (1 << 20)
/* More atoms than this in one frame is not a trajectory this lab reads. */
#define SP_TRAJ_MAX_ATOMS      100000000
/* Fields of an atom line a reader looks at. */
#define SP_TRAJ_MAX_FIELDS     64

typedef struct
{
  char              *name;        /* the file's base name, for messages     */
  GInputStream      *base;        /* the file                               */
  GInputStream      *stream;      /* the file, or its gunzipped content     */
  char              *buf;
  gsize              buf_size, start, end;
  gboolean           eof;
  gulong             line;        /* number of the line last returned (1-based) */
  guint              frame;       /* frame being read (1-based; 0: none)    */
  goffset            total_bytes; /* the file's size (0: unknown)           */
  goffset            next_report; /* report progress past this many bytes   */
  GCancellable      *cancellable;
  SpTrajProgressFunc progress;
  gpointer           user_data;
} SpTrajLines;

gboolean  sp_traj_lines_open   (SpTrajLines        *lines,
                                const char         *path,
                                SpTrajProgressFunc  progress,
                                gpointer            user_data,
                                GCancellable       *cancellable,
                                GError            **error);
/* The next line without its end (NUL-terminated, writable, valid until the
 * next call), or NULL at the end of the file (@error unset) or on an error
 * (set: read failure, cancelled, binary content, a line too long). */
char     *sp_traj_lines_next   (SpTrajLines        *lines,
                                GError            **error);
void      sp_traj_lines_clear  (SpTrajLines        *lines);
/* FALSE with @error unless 1 ≤ @count ≤ SP_TRAJ_MAX_ATOMS and the file is
 * large enough to hold a line of at least 6 bytes per atom (gzip: at the
 * deflate format's largest ratio, 1032:1), so that a header claiming
 * millions of atoms is refused before memory is set aside for them. */
gboolean  sp_traj_lines_check_atom_count (SpTrajLines *lines,
                                          gint64       count,
                                          GError     **error);

/* Sets @error to "NAME, line L (frame F): MESSAGE" (the frame part when one
 * is being read). */
void      sp_traj_error        (SpTrajLines        *lines,
                                GError            **error,
                                SpTrajReadError     code,
                                const char         *format,
                                ...) G_GNUC_PRINTF (4, 5);
/* "The file ends inside frame F (after line L): expected WHAT". */
void      sp_traj_error_truncated (SpTrajLines     *lines,
                                   GError         **error,
                                   const char      *what);

/* Splits @line in place at runs of blanks and tabs into at most @max
 * fields; returns how many there are (counting beyond @max). */
guint     sp_traj_split        (char               *line,
                                char              **fields,
                                guint               max);
/* @field as a finite double / integer, else FALSE with @error naming the
 * line and @what (a column name). */
gboolean  sp_traj_parse_double (SpTrajLines        *lines,
                                const char         *field,
                                const char         *what,
                                double             *value,
                                GError            **error);
gboolean  sp_traj_parse_int    (SpTrajLines        *lines,
                                const char         *field,
                                const char         *what,
                                gint64             *value,
                                GError            **error);

/* One frame as a format reader hands it over (buffers owned by the
 * reader, reused from frame to frame). */
typedef struct
{
  double  cell[9];      /* rows a, b, c, Å                                 */
  double *pos;          /* n_atoms × 3 Cartesian, Å                        */
  gint   *image;        /* n_atoms × 3 image flags, or NULL                */
  gboolean unwrapped;   /* @pos is unwrapped already (LAMMPS xu yu zu)     */
  double  temperature;  /* K, NAN when the frame does not say              */
} SpTrajFrame;

typedef struct _SpTrajSink SpTrajSink;

/* The first frame's atoms: the species of atom @i (and, for a LAMMPS dump
 * with both, its type number as @alt, else NULL). */
void      sp_traj_sink_atom     (SpTrajSink        *sink,
                                 guint              i,
                                 const char        *label,
                                 const char        *alt);
/* After the first frame's labels: FALSE with @error when the species is
 * absent; FALSE without an error when the caller wanted the species list
 * only (stop reading). */
gboolean  sp_traj_sink_begin    (SpTrajSink        *sink,
                                 SpTrajLines       *lines,
                                 guint              n_atoms,
                                 GError           **error);
/* The species index of atom @i in the first frame (for readers that check
 * atoms keep their species); G_MAXUINT for a label never seen. */
guint     sp_traj_sink_species_index (SpTrajSink  *sink,
                                      const char  *label);
guint     sp_traj_sink_atom_species  (SpTrajSink  *sink,
                                      guint        i);
/* Unwraps, follows the framework, keeps the selected species' positions
 * of every stride-th frame. */
gboolean  sp_traj_sink_add      (SpTrajSink        *sink,
                                 SpTrajLines       *lines,
                                 const SpTrajFrame *frame,
                                 GError           **error);
const SpTrajReadOptions *sp_traj_sink_options (SpTrajSink *sink);

/* Each format: reads every frame of @lines into @sink. */
gboolean  sp_traj_read_xyz      (SpTrajLines       *lines,
                                 SpTrajSink        *sink,
                                 GError           **error);
gboolean  sp_traj_read_lammps   (SpTrajLines       *lines,
                                 SpTrajSink        *sink,
                                 GError           **error);
gboolean  sp_traj_read_xdatcar  (SpTrajLines       *lines,
                                 SpTrajSink        *sink,
                                 GError           **error);

/* Determinant and inverse of a 3 × 3 cell (rows); FALSE for a singular
 * one (|det| below 1e-9 of the product of the row lengths). */
gboolean  sp_traj_cell_invert   (const double       cell[9],
                                 double             inverse[9]);

G_END_DECLS
