/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-cli-export-hop.c — `spinodal-cli export --figure lattice|msd|fs|
 * qens|diffusion-arrhenius|finite-size`: every format from a lattice Monte
 * Carlo run, trajectories and tables the test writes; the CSVs' columns
 * and their numbers against closed forms (tables on exact curves, two-run
 * Arrhenius lines through both points); the messages for missing or bad
 * input, with nothing written */

#include "config.h"

#include <cairo.h>
#include <math.h>
#include <string.h>

#include "cli-runner.h"
#include "sp-export.h"
#include "sp-gsl.h"
#include "test-helpers.h"
#include "test-tmpdir.h"

#define K_B_EV      8.617333262e-5
#define HBAR_MEV_PS 0.6582119569
#define BOX         15.0

static const char *const figures[] = {
  "lattice", "msd", "fs", "qens", "diffusion-arrhenius", "finite-size",
};

static const char *const columns[] = {
  "path,x_angstrom,y_angstrom,site",
  "t_ps,msd_x_a2,msd_y_a2,msd_z_a2,msd_total_a2,msd_total_stderr_a2,msd_collective_a2,fit_total_a2,in_window",
  "curve,q_inv_angstrom,t_ps,fs,fs_fit",
  "q_inv_angstrom,gamma_mev,gamma_stderr_mev,gamma_chudley_elliott_mev,gamma_hbar_d_q2_mev",
  "series,temperature_k,inv_temperature_1000_per_k,d_cm2_s,d_stderr_cm2_s,d_fit_cm2_s",
  "length_angstrom,inv_length_per_angstrom,value,value_stderr,value_fit",
};

typedef struct
{
  char *dir, *walk400, *walk800, *walk_big, *qens, *size;
} Files;

/* Li random walks (one jump of @jump Å per 100 fs frame) among 8 fixed S,
 * wrapped into a box of @box Å, temperature= @t. */
static char *
write_walk (const char *dir,
            const char *name,
            double      jump,
            double      box,
            double      t,
            guint32     seed)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GString) s = g_string_new (NULL);
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
  double r[20][3];

  for (guint i = 0; i < 20; i++)
    for (guint a = 0; a < 3; a++)
      r[i][a] = g_rand_double_range (rand, 0, box);
  for (guint f = 0; f < 200; f++)
    {
      g_string_append_printf (s, "28\nLattice=\"%g 0 0 0 %g 0 0 0 %g\" temperature=%g\n", box, box, box, t);
      for (guint i = 0; i < 20; i++)
        g_string_append_printf (s, "Li %.6f %.6f %.6f\n", r[i][0] - box * floor (r[i][0] / box),
                                r[i][1] - box * floor (r[i][1] / box), r[i][2] - box * floor (r[i][2] / box));
      for (guint k = 0; k < 8; k++)
        g_string_append_printf (s, "S %.3f %.3f %.3f\n", 0.25 * box + 0.5 * box * (k & 1),
                                0.25 * box + 0.5 * box * ((k >> 1) & 1), 0.25 * box + 0.5 * box * (k >> 2));
      for (guint i = 0; i < 20; i++)
        {
          guint dir_ = g_rand_int_range (rand, 0, 6);

          r[i][dir_ / 2] += dir_ % 2 ? jump : -jump;
        }
    }
  g_assert_true (g_file_set_contents (path, s->str, s->len, NULL));
  return g_steal_pointer (&path);
}

static void
files_init (Files *files)
{
  g_autoptr(GString) q = g_string_new ("Q_inv_angstrom,Gamma_meV,error_meV\n");
  g_autoptr(GString) s = g_string_new (NULL);

  files->dir = test_tmpdir_new ("test-cli-export-hop");
  files->walk400 = write_walk (files->dir, "t400.xyz", 1.0, BOX, 400, 1);
  files->walk800 = write_walk (files->dir, "t800.xyz", 2.0, BOX, 800, 2);
  files->walk_big = write_walk (files->dir, "big.xyz", 1.0, 2 * BOX, 400, 3);
  /* Chudley–Elliott with l = 2.5 Å, τ = 8 ps, exactly. */
  for (guint i = 1; i <= 10; i++)
    {
      double x = 0.2 * i * 2.5;
      char b[2][G_ASCII_DTOSTR_BUF_SIZE];

      g_string_append_printf (q, "%s,%s,0.001\n", g_ascii_formatd (b[0], sizeof b[0], "%.17g", 0.2 * i),
                              g_ascii_formatd (b[1], sizeof b[1], "%.17g",
                                               HBAR_MEV_PS / 8.0 * (1 - sin (x) / x)));
    }
  /* E(L) = 0.25 + 1.5/L eV exactly (an NEB barrier), no errors. */
  for (guint i = 0; i < 4; i++)
    {
      double l = 10 + 5 * i;
      char b[2][G_ASCII_DTOSTR_BUF_SIZE];

      g_string_append_printf (s, "%s %s\n", g_ascii_formatd (b[0], sizeof b[0], "%.17g", l),
                              g_ascii_formatd (b[1], sizeof b[1], "%.17g", 0.25 + 1.5 / l));
    }
  files->qens = g_build_filename (files->dir, "qens.csv", NULL);
  files->size = g_build_filename (files->dir, "size.txt", NULL);
  g_assert_true (g_file_set_contents (files->qens, q->str, -1, NULL));
  g_assert_true (g_file_set_contents (files->size, s->str, -1, NULL));
}

static void
files_clear (Files *files)
{
  test_tmpdir_remove (files->dir);
  g_free (files->dir);
  g_free (files->walk400);
  g_free (files->walk800);
  g_free (files->walk_big);
  g_free (files->qens);
  g_free (files->size);
}

static GPtrArray *
figure_args (const Files *files,
             const char  *figure,
             const char  *out)
{
  GPtrArray *args = g_ptr_array_new ();
  const char *const small_kmc[] = { "--lattice-size", "8", "--carrier-fraction", "0.3", "--kmc-frames", "120", NULL };

  g_ptr_array_add (args, "export");
  g_ptr_array_add (args, "--figure");
  g_ptr_array_add (args, (gpointer) figure);
  g_ptr_array_add (args, "-o");
  g_ptr_array_add (args, (gpointer) out);
  if (g_str_equal (figure, "lattice") || g_str_equal (figure, "fs"))
    for (guint i = 0; small_kmc[i] != NULL; i++)
      g_ptr_array_add (args, (gpointer) small_kmc[i]);
  else if (g_str_equal (figure, "msd") || g_str_equal (figure, "diffusion-arrhenius"))
    {
      g_ptr_array_add (args, "--trajectory");
      g_ptr_array_add (args, files->walk400);
      if (g_str_equal (figure, "diffusion-arrhenius"))
        {
          g_ptr_array_add (args, "--trajectory");
          g_ptr_array_add (args, files->walk800);
        }
      g_ptr_array_add (args, "--species");
      g_ptr_array_add (args, "Li");
      g_ptr_array_add (args, "--timestep-fs");
      g_ptr_array_add (args, "100");
    }
  else if (g_str_equal (figure, "qens"))
    {
      g_ptr_array_add (args, "--data");
      g_ptr_array_add (args, files->qens);
    }
  else
    {
      g_ptr_array_add (args, "--data");
      g_ptr_array_add (args, files->size);
      g_ptr_array_add (args, "--quantity");
      g_ptr_array_add (args, "energy");
    }
  return args;
}

static void
run_ok (GPtrArray *args)
{
  g_auto(Run) run = { 0 };

  g_ptr_array_add (args, NULL);
  run_cli ((const char *const *) args->pdata, &run);
  if (run.status != 0)
    g_error ("export failed (%d): %s", run.status, run.err);
  g_assert_cmpstr (run.out, ==, "");
}

/* The header row of a CSV (the first line not a comment). */
static char *
csv_header (const char *text)
{
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    if (lines[i][0] != '#')
      return g_strdup (lines[i]);
  return NULL;
}

static void
test_every_format (void)
{
  Files files;

  files_init (&files);
  for (guint i = 0; i < G_N_ELEMENTS (figures); i++)
    for (SpExportFormat format = 0; format < SP_EXPORT_N_FORMATS; format++)
      {
        g_autofree char *name = g_strdup_printf ("%s.%s", figures[i], sp_export_format_to_id (format));
        g_autofree char *path = g_build_filename (files.dir, name, NULL);
        g_autoptr(GPtrArray) args = figure_args (&files, figures[i], path);
        g_autofree char *text = NULL;
        gsize len;

        if (format != SP_EXPORT_CSV)
          {
            g_ptr_array_add (args, "--width");
            g_ptr_array_add (args, "500");
            g_ptr_array_add (args, "--height");
            g_ptr_array_add (args, "360");
            g_ptr_array_add (args, "--caption");
          }
        run_ok (args);
        g_assert_true (g_file_get_contents (path, &text, &len, NULL));
        if (format == SP_EXPORT_PNG)
          {
            cairo_surface_t *png = cairo_image_surface_create_from_png (path);

            g_assert_cmpint (cairo_surface_status (png), ==, CAIRO_STATUS_SUCCESS);
            g_assert_cmpint (cairo_image_surface_get_width (png), ==, 500);
            g_assert_cmpint (cairo_image_surface_get_height (png), ==, 360);
            cairo_surface_destroy (png);
          }
        else if (format == SP_EXPORT_SVG)
          g_assert_nonnull (strstr (text, "<svg"));
        else if (format == SP_EXPORT_PDF)
          g_assert_true (g_str_has_prefix (text, "%PDF"));
        else
          {
            g_autofree char *header = csv_header (text);

            g_assert_true (g_str_has_prefix (text, "# Spinodal " PACKAGE_VERSION));
            g_assert_cmpstr (header, ==, columns[i]);
          }
      }
  files_clear (&files);
}

/* The CSV of one export. */
static char *
export_csv (const Files       *files,
            const char        *figure,
            const char *const *extra)
{
  g_autofree char *path = g_build_filename (files->dir, "out.csv", NULL);
  g_autoptr(GPtrArray) args = figure_args (files, figure, path);
  char *text = NULL;

  for (guint i = 0; extra != NULL && extra[i] != NULL; i++)
    g_ptr_array_add (args, (gpointer) extra[i]);
  run_ok (args);
  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
  return text;
}

/* The number after "# NAME = " in a CSV's comments; NAN when absent. */
static double
comment_value (const char *text,
               const char *name)
{
  g_autofree char *key = g_strdup_printf ("# %s = ", name);
  const char *p = strstr (text, key);

  return p != NULL ? g_ascii_strtod (p + strlen (key), NULL) : NAN;
}

/* Column @c of every data row. */
static GArray *
column (const char *text,
        guint       c)
{
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);
  GArray *values = g_array_new (FALSE, FALSE, sizeof (double));
  gboolean header = FALSE;

  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto(GStrv) cells = NULL;
      double v;

      if (lines[i][0] == '#' || lines[i][0] == '\0')
        continue;
      if (!header)
        {
          header = TRUE;
          continue;
        }
      cells = g_strsplit (lines[i], ",", -1);
      v = g_ascii_strtod (cells[c], NULL);
      g_array_append_val (values, v);
    }
  return values;
}

static void
test_closed_forms (void)
{
  Files files;

  files_init (&files);
  /* Chudley–Elliott on an exact curve: l and τ back; the fitted columns. */
  {
    g_autofree char *text = export_csv (&files, "qens", NULL);
    g_autoptr(GArray) q = column (text, 0), ce = column (text, 3), small = column (text, 4);

    sp_assert_close (comment_value (text, "l_angstrom"), 2.5, 1e-6, 0);
    sp_assert_close (comment_value (text, "tau_ps"), 8.0, 1e-6, 0);
    sp_assert_close (comment_value (text, "d_cm2_s"), 2.5 * 2.5 / 48.0 * 1e-4, 1e-6, 0);
    g_assert_cmpuint (q->len, ==, 10);
    for (guint i = 0; i < q->len; i++)
      {
        double Q = g_array_index (q, double, i), x = Q * 2.5;

        sp_assert_close (g_array_index (ce, double, i), HBAR_MEV_PS / 8.0 * (1 - sin (x) / x), 1e-5, 0);
        sp_assert_close (g_array_index (small, double, i),
                         HBAR_MEV_PS * comment_value (text, "d_cm2_s") * 1e4 * Q * Q, 1e-6, 0);
      }
  }
  /* E∞ of an exact line. */
  {
    g_autofree char *text = export_csv (&files, "finite-size", NULL);

    sp_assert_close (comment_value (text, "e_inf_ev"), 0.25, 1e-10, 0);
    sp_assert_close (comment_value (text, "slope_ev_angstrom"), 1.5, 1e-10, 0);
  }
  /* Two runs: the Arrhenius line goes through both points. */
  {
    g_autofree char *text = export_csv (&files, "diffusion-arrhenius", NULL);
    g_autoptr(GArray) t = column (text, 1), d = column (text, 3), fit = column (text, 5);
    double d1 = g_array_index (d, double, 0), d2 = g_array_index (d, double, 1);

    g_assert_cmpuint (t->len, ==, 2);
    g_assert_cmpfloat (g_array_index (t, double, 0), ==, 400);
    g_assert_cmpfloat (g_array_index (t, double, 1), ==, 800);
    sp_assert_close (comment_value (text, "series ea_ev"),
                     K_B_EV * log (d2 / d1) / (1.0 / 400 - 1.0 / 800), 1e-8, 0);
    sp_assert_close (g_array_index (fit, double, 0), d1, 1e-8, 0);
    sp_assert_close (g_array_index (fit, double, 1), d2, 1e-8, 0);
    /* The walks' D = a²/(6Δt): 1 Å jumps per 0.1 ps, 1.667e-4 cm²/s ± 25 %. */
    sp_assert_close (d1, 1.0 / 0.6 * 1e-4, 0.25, 0);
  }
  /* Runs at two box lengths give a finite-size line too. */
  {
    g_autofree char *path = g_build_filename (files.dir, "fs.csv", NULL);
    const char *args[] = { "export", "--figure", "finite-size", "-o", path,
                           "--trajectory", files.walk400, "--trajectory", files.walk_big,
                           "--species", "Li", "--timestep-fs", "100", NULL };
    g_auto(Run) run = { 0 };
    g_autofree char *text = NULL;
    g_autoptr(GArray) l = NULL;

    run_cli (args, &run);
    g_assert_cmpint (run.status, ==, 0);
    g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
    l = column (text, 0);
    g_assert_cmpuint (l->len, ==, 2);
    sp_assert_close (g_array_index (l, double, 0), BOX, 1e-9, 0);
    sp_assert_close (g_array_index (l, double, 1), 2 * BOX, 1e-9, 0);
    g_assert_true (isfinite (comment_value (text, "d_inf_cm2_s")));
  }
  /* MSD with a window by hand: the rows inside it flagged, the fit in it. */
  {
    const char *const extra[] = { "--window", "0.5,5", NULL };
    g_autofree char *text = export_csv (&files, "msd", extra);
    g_autoptr(GArray) t = column (text, 0), in = column (text, 8);

    sp_assert_close (comment_value (text, "window_t0_ps"), 0.5, 1e-9, 0);
    sp_assert_close (comment_value (text, "window_t1_ps"), 5.0, 1e-9, 0);
    g_assert_nonnull (strstr (text, "# window chosen: by hand"));
    for (guint i = 0; i < t->len; i++)
      g_assert_cmpfloat (g_array_index (in, double, i), ==,
                         g_array_index (t, double, i) >= 0.5 - 1e-9 && g_array_index (t, double, i) <= 5 + 1e-9);
  }
  /* The lattice layer: 8 × 8 sites, no blocked ones without blocking, and
   * about c of the open sites carriers. */
  {
    g_autofree char *text = export_csv (&files, "lattice", NULL);
    g_autoptr(GArray) path = column (text, 0), site = column (text, 3);
    guint sites = 0, carriers = 0, blocked = 0;

    for (guint i = 0; i < path->len; i++)
      if (g_array_index (path, double, i) < 0)
        {
          sites++;
          carriers += g_array_index (site, double, i) == 1;
          blocked += g_array_index (site, double, i) == 2;
        }
    g_assert_cmpuint (sites, ==, 64);
    g_assert_cmpuint (blocked, ==, 0);
    g_assert_cmpuint (carriers, >, 5);
    g_assert_cmpuint (carriers, <, 40);
    g_assert_nonnull (strstr (text, "# layer: z = 4 (of 8 layers)"));
  }
  files_clear (&files);
}

typedef struct
{
  const char *name;
  const char *args[12];
  const char *message;
} BadInput;

static const BadInput bad_inputs[] = {
  { "no-species", { "--figure", "msd", "--trajectory", "@W", "--timestep-fs", "1", NULL },
    "--trajectory needs --species and --timestep-fs" },
  { "missing-file", { "--figure", "msd", "--trajectory", "@X", "--species", "Li", "--timestep-fs", "1", NULL },
    "missing.xyz" },
  { "wrong-species", { "--figure", "msd", "--trajectory", "@W", "--species", "Na", "--timestep-fs", "1", NULL },
    "Na" },
  { "bad-window", { "--figure", "msd", "--trajectory", "@W", "--species", "Li", "--timestep-fs", "1",
                    "--window", "5,2", NULL }, "--window needs two times" },
  { "bad-timestep", { "--figure", "msd", "--trajectory", "@W", "--species", "Li", "--timestep-fs", "-1", NULL },
    "--timestep-fs" },
  { "bad-blocking", { "--figure", "lattice", "--blocking", "striped", NULL }, "--blocking" },
  { "bad-size", { "--figure", "lattice", "--lattice-size", "100", NULL }, "--lattice-size" },
  { "data-on-lattice", { "--figure", "lattice", "--data", "@Q", NULL }, "--data applies to qens" },
  { "hop-flag-elsewhere", { "--figure", "free-energy", "--species", "Li", NULL },
    "apply to the hopping figures" },
  { "eis-flag-here", { "--figure", "qens", "--data", "@Q", "--circuit", "R0", NULL },
    "apply to the impedance figures only" },
  { "bad-quantity", { "--figure", "finite-size", "--data", "@Q", "--quantity", "pressure", NULL },
    "--quantity" },
  { "arrhenius-without-files", { "--figure", "diffusion-arrhenius", NULL }, "needs --trajectory" },
  { "no-temperature", { "--figure", "diffusion-arrhenius", "--trajectory", "@N", "--species", "Li",
                        "--timestep-fs", "1", NULL }, "states no temperature" },
  { "both-inputs", { "--figure", "fs", "--trajectory", "@W", "--species", "Li", "--timestep-fs", "1",
                     "--carrier-fraction", "0.2", NULL }, "exclude each other" },
  { "bad-q", { "--figure", "fs", "--q", "0.5,abc", NULL }, "--q" },
};

static void
test_bad_input (gconstpointer user_data)
{
  const BadInput *bad = user_data;
  g_autofree char *dir = test_tmpdir_new ("test-cli-export-hop-bad");
  g_autofree char *out = g_build_filename (dir, "out.png", NULL);
  g_autofree char *missing = g_build_filename (dir, "missing.xyz", NULL);
  g_autofree char *no_t = g_build_filename (dir, "no-t.xyz", NULL);
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  g_auto(Run) run = { 0 };
  Files files;

  files_init (&files);
  g_assert_true (g_file_set_contents (no_t, "1\nLattice=\"5 0 0 0 5 0 0 0 5\"\nLi 1 1 1\n"
                                            "1\nLattice=\"5 0 0 0 5 0 0 0 5\"\nLi 1 1 2\n", -1, NULL));
  g_ptr_array_add (args, "export");
  for (guint i = 0; bad->args[i] != NULL; i++)
    {
      const char *a = bad->args[i];

      g_ptr_array_add (args, g_str_equal (a, "@W") ? files.walk400 : g_str_equal (a, "@X") ? missing
                             : g_str_equal (a, "@Q") ? files.qens : g_str_equal (a, "@N") ? no_t
                             : (char *) a);
    }
  g_ptr_array_add (args, "-o");
  g_ptr_array_add (args, out);
  g_ptr_array_add (args, NULL);
  run_cli ((const char *const *) args->pdata, &run);
  if (run.status != 2 || strstr (run.err, bad->message) == NULL)
    g_error ("%s: status %d, message: %s", bad->name, run.status, run.err);
  g_assert_cmpstr (run.out, ==, "");
  /* Nothing written. */
  g_assert_false (g_file_test (out, G_FILE_TEST_EXISTS));
  files_clear (&files);
  test_tmpdir_remove (dir);
}

int
main (int    argc,
      char **argv)
{
  cli_runner_init (&argc, &argv);
  sp_gsl_init ();
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/cli-export-hop/every-format", test_every_format);
  g_test_add_func ("/cli-export-hop/closed-forms", test_closed_forms);
  for (guint i = 0; i < G_N_ELEMENTS (bad_inputs); i++)
    {
      g_autofree char *path = g_strdup_printf ("/cli-export-hop/bad-input/%s", bad_inputs[i].name);

      g_test_add_data_func (path, &bad_inputs[i], test_bad_input);
    }
  return g_test_run ();
}
