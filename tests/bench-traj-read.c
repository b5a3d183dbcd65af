/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bench-traj-read.c — import speed of a LAMMPS dump (MB/s)
 *
 * Writes a dump of SIZE MB (argument, default 1024) in the temporary
 * directory — 2000 atoms a frame (500 Li that hop, 1500 framework atoms
 * vibrating), columns id type x y z ix iy iz, atoms in id order — then
 * reads it with sp_traj_read_file() (Li selected, unwrapped from the image
 * flags, drift removed) and, as floors in the same run on the same file
 * (in the page cache after writing), with plain 1 MiB g_input_stream_read()
 * calls (the bytes only) and with the same reads plus finding every line
 * end (what any line-based reader must do).  GDataInputStream's read_line
 * is timed too, as the GLib way of reading lines.  The file is deleted
 * afterwards.  Each figure is the fastest of ROUNDS passes, in wall time
 * and in the process's CPU time (on a shared machine the long parse loses
 * the CPU far more often than the short floors).
 */

#include "config.h"

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <math.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "sp-gsl.h"
#include "sp-traj-read.h"

#define ROUNDS   2
#define N_LI     500
#define N_ATOMS  2000
#define BOX      30.0

static double
seconds_since (gint64 t0)
{
  return (g_get_monotonic_time () - t0) / (double) G_USEC_PER_SEC;
}

/* The process's CPU time: a loaded machine stretches the wall time of a
 * long pass far more than that of the short floors. */
static double
cpu_seconds (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_PROCESS_CPUTIME_ID, &ts);
  return ts.tv_sec + 1e-9 * ts.tv_nsec;
}

static gboolean
write_dump (const char *path,
            double      megabytes,
            guint      *n_frames)
{
  FILE *out = fopen (path, "w");
  GRand *rand = g_rand_new_with_seed (5);
  g_autofree double *home = g_new (double, N_ATOMS * 3);
  g_autofree double *li = g_new0 (double, N_LI * 3);
  guint64 written = 0, target = (guint64) (megabytes * 1e6);
  guint f = 0;

  if (out == NULL)
    return FALSE;
  for (guint i = 0; i < N_ATOMS * 3; i++)
    home[i] = g_rand_double_range (rand, 0, BOX);
  while (written < target)
    {
      int n = fprintf (out, "ITEM: TIMESTEP\n%u\nITEM: NUMBER OF ATOMS\n%u\n"
                       "ITEM: BOX BOUNDS pp pp pp\n0 %g\n0 %g\n0 %g\n"
                       "ITEM: ATOMS id type x y z ix iy iz\n", f * 50, N_ATOMS, BOX, BOX, BOX);

      if (n < 0)
        break;
      written += n;
      for (guint i = 0; i < N_ATOMS; i++)
        {
          double r[3];
          int img[3];

          for (int k = 0; k < 3; k++)
            {
              if (i < N_LI)
                {
                  li[i * 3 + k] += g_rand_double_range (rand, -0.3, 0.3);
                  r[k] = home[i * 3 + k] + li[i * 3 + k];
                }
              else
                r[k] = home[i * 3 + k] + g_rand_double_range (rand, -0.1, 0.1);
              img[k] = (int) floor (r[k] / BOX);
              r[k] -= img[k] * BOX;
            }
          n = fprintf (out, "%u %d %.5f %.5f %.5f %d %d %d\n", i + 1, i < N_LI ? 1 : 2,
                       r[0], r[1], r[2], img[0], img[1], img[2]);
          if (n < 0)
            break;
          written += n;
        }
      f++;
    }
  *n_frames = f;
  g_rand_free (rand);
  return fclose (out) == 0;
}

/* Reads the file in 1 MiB blocks; with @lines, counts the line ends. */
static double
floor_read (const char *path,
            gboolean    lines,
            guint64    *count,
            double     *cpu)
{
  double c0 = cpu_seconds ();
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFileInputStream) in = g_file_read (file, NULL, NULL);
  g_autofree char *buf = g_malloc (1 << 20);
  gint64 t0 = g_get_monotonic_time ();
  gssize n;

  *count = 0;
  g_assert (in != NULL);
  while ((n = g_input_stream_read (G_INPUT_STREAM (in), buf, 1 << 20, NULL, NULL)) > 0)
    {
      if (!lines)
        {
          *count += n;
          continue;
        }
      for (const char *p = buf, *end = buf + n; (p = memchr (p, '\n', end - p)) != NULL; p++)
        (*count)++;
    }
  *cpu = cpu_seconds () - c0;
  return seconds_since (t0);
}

static double
floor_data_stream (const char *path,
                   guint64    *count)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFileInputStream) in = g_file_read (file, NULL, NULL);
  g_autoptr(GDataInputStream) data = g_data_input_stream_new (G_INPUT_STREAM (in));
  gint64 t0 = g_get_monotonic_time ();
  char *line;
  gsize len;

  *count = 0;
  g_buffered_input_stream_set_buffer_size (G_BUFFERED_INPUT_STREAM (data), 1 << 20);
  while ((line = g_data_input_stream_read_line (data, &len, NULL, NULL)) != NULL)
    {
      (*count)++;
      g_free (line);
    }
  return seconds_since (t0);
}

int
main (int argc, char **argv)
{
  double megabytes = argc > 1 ? g_ascii_strtod (argv[1], NULL) : 1024;
  g_autofree char *path = g_build_filename (g_get_tmp_dir (), "spinodal-bench-XXXXXX.dump", NULL);
  double t_read = G_MAXDOUBLE, t_lines = G_MAXDOUBLE, t_data = G_MAXDOUBLE, t_parse = G_MAXDOUBLE;
  double c_read = G_MAXDOUBLE, c_lines = G_MAXDOUBLE, c_parse = G_MAXDOUBLE, c;
  double t_write, mb;
  guint64 bytes = 0, n_lines = 0, n_data = 0;
  guint n_frames = 0;
  GStatBuf st;
  gint64 t0;
  int fd;

  sp_gsl_init ();
  if (!(megabytes > 0))
    {
      fprintf (stderr, "usage: bench-traj-read [SIZE_MB]\n");
      return 2;
    }
  fd = g_mkstemp (path);
  if (fd < 0)
    {
      fprintf (stderr, "bench-traj-read: cannot create %s\n", path);
      return 1;
    }
  close (fd);
  t0 = g_get_monotonic_time ();
  if (!write_dump (path, megabytes, &n_frames))
    {
      fprintf (stderr, "bench-traj-read: cannot write %s\n", path);
      g_remove (path);
      return 1;
    }
  t_write = seconds_since (t0);
  g_stat (path, &st);
  mb = st.st_size / 1e6;
  printf ("LAMMPS dump: %.0f MB, %u frames × %u atoms (%u Li), written in %.1f s\n",
          mb, n_frames, N_ATOMS, N_LI, t_write);

  for (guint r = 0; r < ROUNDS; r++)
    {
      SpTrajReadOptions o;
      g_autoptr(GError) error = NULL;
      g_autoptr(SpTrajectory) t = NULL;
      double s, c0;

      t_read = MIN (t_read, floor_read (path, FALSE, &bytes, &c));
      c_read = MIN (c_read, c);
      t_lines = MIN (t_lines, floor_read (path, TRUE, &n_lines, &c));
      c_lines = MIN (c_lines, c);
      sp_traj_read_options_init (&o);
      o.species = "1";
      o.timestep_fs = 50;
      t0 = g_get_monotonic_time ();
      c0 = cpu_seconds ();
      t = sp_traj_read_file (path, &o, NULL, NULL, NULL, &error);
      s = seconds_since (t0);
      c_parse = MIN (c_parse, cpu_seconds () - c0);
      if (t == NULL)
        {
          fprintf (stderr, "bench-traj-read: %s\n", error->message);
          g_remove (path);
          return 1;
        }
      g_assert (t->n_frames == n_frames && t->n_ions == N_LI);
      t_parse = MIN (t_parse, s);
      if (r == 0)
        t_data = floor_data_stream (path, &n_data);
    }
  g_assert (bytes == (guint64) st.st_size && n_data == n_lines);
  g_remove (path);

  printf ("                                           wall          CPU of the process\n");
  printf ("floor, 1 MiB reads (bytes only):          %7.0f MB/s   %7.0f MB/s\n",
          mb / t_read, mb / c_read);
  printf ("floor, 1 MiB reads + line ends:           %7.0f MB/s   %7.0f MB/s  (%" G_GUINT64_FORMAT
          " lines)\n", mb / t_lines, mb / c_lines, n_lines);
  printf ("GDataInputStream read_line (no parsing):  %7.0f MB/s\n", mb / t_data);
  printf ("sp_traj_read_file (parse, unwrap, drift): %7.0f MB/s   %7.0f MB/s  (%.1f s wall, "
          "%.1f s CPU; %.1f × the line floor's CPU time)\n",
          mb / t_parse, mb / c_parse, t_parse, c_parse, c_parse / c_lines);
  return 0;
}
