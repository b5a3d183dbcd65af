/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-cli-export.c — `spinodal-cli export` for every figure and format,
 * each file read back; exit statuses and the failure path */

#include "config.h"

#include <cairo.h>
#include <glib/gstdio.h>
#include <math.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>
#include <utime.h>

#include "cli-runner.h"
#include "sp-analysis.h"
#include "sp-export.h"
#include "sp-gsl.h"
#include "test-tmpdir.h"

/* Small and short: the simulation figures run the engine first (the
 * textbook model's λ* is 8.7 nm: four wavelengths at Δx = 0.55 nm). */
#define SIM_FLAGS "--grid", "64", "--length", "35", "--frames", "4"

static const char *const figures[] = {
  "free-energy", "ocv", "phase-diagram", "diffusivity", "dispersion", "field",
  "diagnostics", "energy", "coarsening", "structure", "all",
};

/* The header row each figure's CSV starts its table with. */
static const char *const csv_headers[] = {
  "c,g_meV,mu_meV,g2_meV", "c,ocv_equilibrium_V,ocv_homogeneous_V",
  "temperature_K,index,c_alpha,c_beta,spinodal_lo,spinodal_hi", "c,dchem_nm2_per_s",
  "k_per_nm,sigma_per_s", "x_nm,y_nm,c", "time_s,free_energy_meV_nm2,mean_c,length_nm",
  "time_s,free_energy_meV_nm2,mean_c,length_nm", "time_s,free_energy_meV_nm2,mean_c,length_nm",
  "k_per_nm,structure_initial,structure_now", NULL,
};

static void
export_ok (const char *const *args)
{
  g_auto(Run) run = { 0 };

  run_cli (args, &run);
  if (run.status != 0)
    g_error ("export failed (%d): %s", run.status, run.err);
  g_assert_cmpstr (run.out, ==, "");
}

static void
assert_png (const char *path,
            int         width,
            int         height)
{
  cairo_surface_t *png = cairo_image_surface_create_from_png (path);

  g_assert_cmpint (cairo_surface_status (png), ==, CAIRO_STATUS_SUCCESS);
  g_assert_cmpint (cairo_image_surface_get_width (png), ==, width);
  g_assert_cmpint (cairo_image_surface_get_height (png), ==, height);
  cairo_surface_destroy (png);
}

static void
assert_csv_header (const char *path,
                   const char *header)
{
  g_autofree char *text = NULL;
  g_autofree char *row = g_strdup_printf ("\n%s\n", header);

  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
  g_assert_true (g_str_has_prefix (text, "# Spinodal " PACKAGE_VERSION));
  g_assert_nonnull (strstr (text, row));
}

/* Every figure in every format; the format from the extension. */
static void
test_every_figure (void)
{
  g_autofree char *dir = test_tmpdir_new ("test-cli-export");

  for (guint i = 0; i < G_N_ELEMENTS (figures); i++)
    for (SpExportFormat format = 0; format < SP_EXPORT_N_FORMATS; format++)
      {
        const char *ext = sp_export_format_to_id (format);
        g_autofree char *name = g_strdup_printf ("%s.%s", figures[i], ext);
        g_autofree char *path = g_build_filename (dir, name, NULL);
        g_autofree char *text = NULL;
        const char *args[] = { "export", "--figure", figures[i], "-o", path, SIM_FLAGS,
                               "--width", "320", "--height", "240", NULL };
        gboolean all_csv = format == SP_EXPORT_CSV && g_str_equal (figures[i], "all");
        gsize len;

        if (format == SP_EXPORT_CSV)
          args[11] = NULL;   /* CSV has no size */
        export_ok (args);
        if (all_csv)
          continue;   /* test_all_csv */
        g_assert_true (g_file_get_contents (path, &text, &len, NULL));
        switch (format)
          {
          case SP_EXPORT_PNG:
            assert_png (path, 320, 240);
            break;
          case SP_EXPORT_SVG:
            g_assert_true (g_str_has_prefix (text, "<?xml"));
            g_assert_nonnull (strstr (text, "<svg"));
            g_assert_nonnull (strstr (text, "width=\"320"));
            g_assert_true (g_str_has_suffix (g_strchomp (text), "</svg>"));
            break;
          case SP_EXPORT_PDF:
            g_assert_true (g_str_has_prefix (text, "%PDF-"));
            g_assert_nonnull (memmem (text, len, "/MediaBox [ 0 0 320 240 ]", 25));
            break;
          case SP_EXPORT_CSV:
            assert_csv_header (path, csv_headers[i]);
            break;
          default:
            g_assert_not_reached ();
          }
      }
  test_tmpdir_remove (dir);
}

/* export --figure voltage-trace|voltage-time: a galvanostatic discharge
 * from c₀ = 0.02 runs to its end; the CSV's c̄ rises from 0.02 to the
 * c̄ limit, the drive is in its header, and the PNG and SVG are drawn. */
static void
test_voltage_trace (void)
{
  g_autofree char *dir = test_tmpdir_new ("test-cli-export-voltage");
  g_autofree char *csv = g_build_filename (dir, "v.csv", NULL);
  g_autofree char *png = g_build_filename (dir, "v.png", NULL);
  g_autofree char *svg = g_build_filename (dir, "vt.svg", NULL);
  const char *csv_args[] = { "export", "--figure", "voltage-trace", "-o", csv, "--grid", "64",
                             "--length", "32", "--c0", "0.02", "--drive", "galvanostatic",
                             "--c-rate", "20", NULL };
  const char *png_args[] = { "export", "--figure", "voltage-trace", "-o", png, "--grid", "64",
                             "--length", "32", "--c0", "0.02", "--drive", "cycle",
                             "--c-rate", "50", "--width", "400", "--height", "300", NULL };
  const char *svg_args[] = { "export", "--figure", "voltage-time", "-o", svg, "--grid", "64",
                             "--length", "32", "--c0", "0.5", "--drive", "potentiostatic",
                             "--voltage", "3.3", "--t-end", "50", NULL };
  const char *bad_args[] = { "export", "--figure", "voltage-trace", "-o", csv, "--k0", "1",
                             NULL };
  g_autofree char *text = NULL;
  g_auto(GStrv) lines = NULL;
  double first_c = NAN, last_c = NAN, prev_c = -1.0;
  guint rows = 0;
  g_auto(Run) bad = { 0 };

  export_ok (csv_args);
  assert_csv_header (csv, "time_s,mean_c,voltage_V,current_per_s,overpotential_V,direction");
  g_assert_true (g_file_get_contents (csv, &text, NULL, NULL));
  g_assert_nonnull (strstr (text, "# drive = galvanostatic\n"));
  g_assert_nonnull (strstr (text, "# c_rate = 20 1/h\n"));
  lines = g_strsplit (text, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto(GStrv) cells = NULL;
      double c;

      if (lines[i][0] == '#' || lines[i][0] == '\0' || g_ascii_isalpha (lines[i][0]))
        continue;
      cells = g_strsplit (lines[i], ",", -1);
      g_assert_cmpuint (g_strv_length (cells), ==, 6);
      c = g_ascii_strtod (cells[1], NULL);
      /* Inserting: c̄ never falls. */
      g_assert_cmpfloat (c, >=, prev_c - 1e-12);
      prev_c = c;
      if (rows++ == 0)
        first_c = c;
      last_c = c;
    }
  g_assert_cmpuint (rows, >, 100);
  g_assert_cmpfloat_with_epsilon (first_c, 0.02, 1e-9);
  /* The default c̄ limit, 0.99, ends the discharge. */
  g_assert_cmpfloat_with_epsilon (last_c, 0.99, 1e-6);

  export_ok (png_args);
  assert_png (png, 400, 300);
  export_ok (svg_args);
  g_clear_pointer (&text, g_free);
  g_assert_true (g_file_get_contents (svg, &text, NULL, NULL));
  g_assert_nonnull (strstr (text, "<svg"));

  /* A kinetic flag without a drive is refused, naming it. */
  run_cli (bad_args, &bad);
  g_assert_cmpint (bad.status, ==, 2);
  g_assert_nonnull (strstr (bad.err, "--k0"));
  test_tmpdir_remove (dir);
}

static void
test_all_csv (void)
{
  g_autofree char *dir = test_tmpdir_new ("test-cli-export");
  g_autofree char *path = g_build_filename (dir, "run.csv", NULL);
  const char *args[] = { "export", "--figure", "all", "--format", "csv", "-o", path,
                         SIM_FLAGS, NULL };
  const char *const files[] = {
    "free-energy", "ocv", "phase-diagram", "diffusivity", "dispersion", "field",
    "diagnostics", "structure",
  };
  const guint header[] = { 0, 1, 2, 3, 4, 5, 6, 9 };

  export_ok (args);
  g_assert_cmpuint (test_tmpdir_count (dir), ==, G_N_ELEMENTS (files));
  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      g_autofree char *name = g_strdup_printf ("run-%s.csv", files[i]);
      g_autofree char *file = g_build_filename (dir, name, NULL);

      assert_csv_header (file, csv_headers[header[i]]);
    }
  test_tmpdir_remove (dir);
}

/* The CSV from the CLI equals the analysis the core computes, to 1e-12. */
static void
test_csv_numbers (void)
{
  g_autofree char *dir = test_tmpdir_new ("test-cli-export");
  g_autofree char *path = g_build_filename (dir, "ocv.csv", NULL);
  const char *args[] = { "export", "--figure", "ocv", "-o", path, "--preset", "lifepo4",
                         "--temperature", "310", "--stiffness", "20", NULL };
  g_autofree char *text = NULL;
  g_auto(GStrv) lines = NULL;
  g_autoptr(SpAnalysis) a = NULL;
  SpModel m = { 0 };
  guint row = 0;

  export_ok (args);
  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
  g_assert_nonnull (strstr (text, "# temperature = 310 K\n"));
  g_assert_nonnull (strstr (text, "# stiffness = 20 meV\n"));

  /* The same model the CLI built: parsed from the header's exact values. */
  lines = g_strsplit (text, "\n", -1);
  sp_model_init_default (&m);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      struct { const char *key; double *field; } keys[] = {
        { "# omega = ", &m.omega }, { "# temperature = ", &m.temperature },
        { "# s1 = ", &m.s1 }, { "# stiffness = ", &m.stiffness }, { "# kappa = ", &m.kappa },
        { "# d0 = ", &m.d0 }, { "# v0 = ", &m.v0 }, { "# c0 = ", &m.c0 },
        { "# L1 = ", &m.rk[0] }, { "# L2 = ", &m.rk[1] }, { "# L3 = ", &m.rk[2] },
        { "# L4 = ", &m.rk[3] },
      };

      for (guint k = 0; k < G_N_ELEMENTS (keys); k++)
        if (g_str_has_prefix (lines[i], keys[k].key))
          *keys[k].field = g_ascii_strtod (lines[i] + strlen (keys[k].key), NULL);
    }
  a = sp_analysis_new (&m);
  for (guint i = 0; lines[i] != NULL && lines[i][0] != '\0'; i++)
    {
      g_auto(GStrv) cells = NULL;

      if (lines[i][0] == '#' || g_str_has_prefix (lines[i], "c,"))
        continue;
      cells = g_strsplit (lines[i], ",", -1);
      g_assert_cmpuint (g_strv_length (cells), ==, 3);
      g_assert_cmpfloat_with_epsilon (g_ascii_strtod (cells[0], NULL), a->c[row], 1e-12);
      g_assert_cmpfloat_with_epsilon (g_ascii_strtod (cells[1], NULL), a->ocv_equilibrium[row], 1e-12);
      g_assert_cmpfloat_with_epsilon (g_ascii_strtod (cells[2], NULL), a->ocv_homogeneous[row], 1e-12);
      row++;
    }
  g_assert_cmpuint (row, ==, a->n_curve);
  test_tmpdir_remove (dir);
}

static void
test_options (void)
{
  g_autofree char *dir = test_tmpdir_new ("test-cli-export");
  g_autofree char *big = g_build_filename (dir, "big.png", NULL);
  g_autofree char *light = g_build_filename (dir, "light.png", NULL);
  g_autofree char *dark = g_build_filename (dir, "dark.png", NULL);
  g_autofree char *noext = g_build_filename (dir, "figure", NULL);
  const char *args_scale[] = { "export", "--figure", "ocv", "--width", "300", "--height", "200",
                               "--scale", "2", "--caption", "-o", big, NULL };
  const char *args_light[] = { "export", "--figure", "ocv", "-o", light, NULL };
  const char *args_dark[] = { "export", "--figure", "ocv", "--style", "dark", "-o", dark, NULL };
  const char *args_noext[] = { "export", "--figure", "ocv", "--format", "svg", "-o", noext, NULL };
  cairo_surface_t *l, *d;
  double width, height;
  guint32 pl, pd;

  export_ok (args_scale);
  assert_png (big, 600, 400);
  export_ok (args_light);
  export_ok (args_dark);
  sp_export_default_size (SP_FIGURE_OCV, &width, &height);
  assert_png (light, (int) width, (int) height);

  /* The corner is background: light is bright, dark is dark. */
  l = cairo_image_surface_create_from_png (light);
  d = cairo_image_surface_create_from_png (dark);
  pl = *(guint32 *) cairo_image_surface_get_data (l);
  pd = *(guint32 *) cairo_image_surface_get_data (d);
  g_assert_cmpuint ((pl >> 8) & 0xff, >, 0x80);
  g_assert_cmpuint ((pd >> 8) & 0xff, <, 0x80);
  cairo_surface_destroy (l);
  cairo_surface_destroy (d);

  export_ok (args_noext);
  {
    g_autofree char *text = NULL;

    g_assert_true (g_file_get_contents (noext, &text, NULL, NULL));
    g_assert_nonnull (strstr (text, "<svg"));
  }
  test_tmpdir_remove (dir);
}

typedef struct
{
  const char *name;
  const char *args[12];
  const char *must_name;
} BadInput;


static const BadInput bad_inputs[] = {
  { "figure",      { "export", "--figure", "pie", "-o", "x.png", NULL }, "--figure" },
  { "format",      { "export", "--format", "gif", "-o", "x.gif", NULL }, "--format" },
  { "extension",   { "export", "-o", "x.gif", NULL }, "x.gif" },
  { "no-output",   { "export", "--figure", "ocv", NULL }, "-o" },
  { "width",       { "export", "--width", "5", "-o", "x.png", NULL }, "--width" },
  { "height",      { "export", "--height", "abc", "-o", "x.png", NULL }, "--height" },
  { "scale",       { "export", "--scale", "9", "-o", "x.png", NULL }, "--scale" },
  { "scale-svg",   { "export", "--scale", "2", "-o", "x.svg", NULL }, "--scale" },
  { "style",       { "export", "--style", "neon", "-o", "x.png", NULL }, "--style" },
  { "omega",       { "export", "--omega", "1e9", "-o", "x.png", NULL }, "--omega" },
  { "grid",        { "export", "--grid", "3", "-o", "x.png", NULL }, "--grid" },
  { "preset",      { "export", "--preset", "unobtainium", "-o", "x.png", NULL }, "unobtainium" },
  { "extra",       { "export", "-o", "x.png", "stray", NULL }, "stray" },
};

static void
test_bad_input (gconstpointer user_data)
{
  const BadInput *bad = user_data;
  g_autofree char *dir = test_tmpdir_new ("test-cli-export");
  g_autoptr(GPtrArray) args = g_ptr_array_new_with_free_func (g_free);
  g_auto(Run) run = { 0 };

  /* The output goes into an empty directory: nothing may appear there. */
  for (guint i = 0; bad->args[i] != NULL; i++)
    g_ptr_array_add (args, i > 0 && g_str_equal (bad->args[i - 1], "-o")
                           ? g_build_filename (dir, bad->args[i], NULL)
                           : g_strdup (bad->args[i]));
  g_ptr_array_add (args, NULL);
  run_cli ((const char *const *) args->pdata, &run);
  g_assert_cmpint (run.status, ==, 2);
  g_assert_cmpstr (run.out, ==, "");
  g_assert_true (g_str_has_prefix (run.err, "spinodal-cli export: "));
  g_assert_nonnull (strstr (run.err, bad->must_name));
  /* One line. */
  g_assert_nonnull (strchr (run.err, '\n'));
  g_assert_cmpstr (strchr (run.err, '\n'), ==, "\n");
  g_assert_cmpuint (test_tmpdir_count (dir), ==, 0);
  test_tmpdir_remove (dir);
}

static void
test_write_failure (void)
{
  g_autofree char *dir = test_tmpdir_new ("test-cli-export");
  g_autofree char *missing = g_build_filename (dir, "missing", "x.png", NULL);
  g_autofree char *blocker = g_build_filename (dir, "file", NULL);
  g_autofree char *through = g_build_filename (blocker, "x.png", NULL);
  g_autofree char *field = g_build_filename (dir, "nodir", "field.png", NULL);
  const char *paths[] = { missing, through, dir, field };

  g_assert_true (g_file_set_contents (blocker, "", 0, NULL));
  for (guint i = 0; i < G_N_ELEMENTS (paths); i++)
    {
      const char *args[] = { "export", "--figure", i == 3 ? "field" : "ocv", "-o", paths[i],
                             "--format", "png", SIM_FLAGS, NULL };
      g_auto(Run) run = { 0 };

      run_cli (args, &run);
      g_assert_cmpint (run.status, ==, 1);
      g_assert_cmpstr (run.out, ==, "");
      g_assert_true (g_str_has_prefix (run.err, "spinodal-cli export: "));
      g_assert_nonnull (strstr (run.err, paths[i]));
      g_assert_cmpstr (strchr (run.err, '\n'), ==, "\n");
      /* Nothing but the blocker: no partial file, no temporary. */
      g_assert_cmpuint (test_tmpdir_count (dir), ==, 1);
    }
  test_tmpdir_remove (dir);
}

/* Issue 11: -o onto a symbolic link writes the file it points to (the link
 * stays); onto /dev/null writes to the device (the node stays). */
static void
test_symlink_and_device (void)
{
  g_autofree char *dir = test_tmpdir_new ("test-cli-export");
  g_autofree char *target = g_build_filename (dir, "target.svg", NULL);
  g_autofree char *link = g_build_filename (dir, "link.svg", NULL);
  const char *to_link[] = { "export", "--figure", "ocv", "-o", link, NULL };
  const char *to_null[] = { "export", "--figure", "ocv", "--format", "png", "-o", "/dev/null", NULL };
  g_autofree char *text = NULL;
  GStatBuf st;

  g_assert_true (g_file_set_contents (target, "old", -1, NULL));
  g_assert_cmpint (symlink ("target.svg", link), ==, 0);
  export_ok (to_link);
  g_assert_cmpint (g_lstat (link, &st), ==, 0);
  g_assert_true (S_ISLNK (st.st_mode));
  text = test_tmpdir_read_text (target);
  g_assert_true (g_str_has_prefix (text, "<?xml"));
  g_assert_nonnull (strstr (text, "<svg"));
  g_assert_cmpuint (test_tmpdir_count (dir), ==, 2);

  export_ok (to_null);
  g_assert_cmpint (g_stat ("/dev/null", &st), ==, 0);
  g_assert_true (S_ISCHR (st.st_mode));
  test_tmpdir_remove (dir);
}

/* -o - streams the figure to standard output, nothing else on it. */
static void
test_stdout (void)
{
  const char *svg[] = { "export", "--figure", "ocv", "--format", "svg", "-o", "-", NULL };
  const char *png[] = { "export", "--figure", "ocv", "--format", "png", "-o", "-", NULL };
  const char *csv[] = { "export", "--figure", "ocv", "--format", "csv", "-o", "-", NULL };
  const char *sim[] = { "simulate", "--energy-csv", "-", "--t-end", "1", SIM_FLAGS, NULL };
  /* /dev/stdout is a link to /proc/self/fd/1, a pipe here: written in
   * place, not resolved to a path beside which a temporary could go. */
  const char *dev_stdout[] = { "export", "--figure", "ocv", "--format", "svg", "-o", "/dev/stdout",
                               NULL };
  g_auto(Run) r5 = { 0 };
  g_auto(Run) r1 = { 0 };
  g_auto(Run) r2 = { 0 };
  g_auto(Run) r3 = { 0 };
  g_auto(Run) r4 = { 0 };

  run_cli (svg, &r1);
  g_assert_cmpint (r1.status, ==, 0);
  g_assert_true (g_str_has_prefix (r1.out, "<?xml"));
  g_assert_true (g_str_has_suffix (r1.out, "</svg>\n") || g_str_has_suffix (r1.out, "</svg>"));

  run_cli (png, &r2);
  g_assert_cmpint (r2.status, ==, 0);
  g_assert_cmpmem (r2.out, 8, "\x89PNG\r\n\x1a\n", 8);

  run_cli (csv, &r3);
  g_assert_cmpint (r3.status, ==, 0);
  g_assert_true (g_str_has_prefix (r3.out, "# "));

  /* simulate: the CSV alone on stdout, the summary moves to stderr. */
  run_cli (sim, &r4);
  g_assert_cmpint (r4.status, ==, 0);
  g_assert_true (g_str_has_prefix (r4.out, "time,free_energy,mean_c,length\n"));
  g_assert_null (strstr (r4.out, "steps"));
  g_assert_nonnull (strstr (r4.err, "steps"));

  run_cli (dev_stdout, &r5);
  if (r5.status != 0)
    g_error ("-o /dev/stdout failed: %s", r5.err);
  g_assert_true (g_str_has_prefix (r5.out, "<?xml"));
}

/* A session's pins: drawn (the figure differs from one without), and in
 * the CSV as a column named by the label; a session with bad pins is
 * refused with the field named. */
static void
test_session_pins (void)
{
  g_autofree char *dir = g_dir_make_tmp ("spinodal-cli-pins-XXXXXX", NULL);
  g_autofree char *with = g_build_filename (dir, "with.spinodal", NULL);
  g_autofree char *without = g_build_filename (dir, "without.spinodal", NULL);
  g_autofree char *bad = g_build_filename (dir, "bad.spinodal", NULL);
#define PIN_MODEL(k) "{\"omega\": 115.8, \"temperature\": 298, \"stiffness\": " k "}"
  const char *m0 = PIN_MODEL ("0");
  const char *m1 = PIN_MODEL ("43.4");
#undef PIN_MODEL
  g_autofree char *doc_with = g_strdup_printf ("{\"format\": \"spinodal-session\", \"version\": 2, "
                                               "\"model\": %s, \"pins\": [{\"label\": \"K = 0 meV\", "
                                               "\"model\": %s}]}", m1, m0);
  g_autofree char *doc_without = g_strdup_printf ("{\"format\": \"spinodal-session\", "
                                                  "\"version\": 2, \"model\": %s}", m1);
  g_autofree char *doc_bad = g_strdup_printf ("{\"format\": \"spinodal-session\", \"version\": 2, "
                                              "\"model\": %s, \"pins\": [{\"label\": \"x\", "
                                              "\"model\": {\"kappa\": -1}}]}", m1);
  const char *csv[] = { "export", "--session", with, "--figure", "ocv", "--format", "csv", "-o", "-", NULL };
  const char *svg_with[] = { "export", "--session", with, "--figure", "free-energy", "--format", "svg",
                             "-o", "-", NULL };
  const char *svg_without[] = { "export", "--session", without, "--figure", "free-energy",
                                "--format", "svg", "-o", "-", NULL };
  const char *refused[] = { "export", "--session", bad, "--figure", "ocv", "-o", "-", NULL };
  g_auto(Run) r1 = { 0 };
  g_auto(Run) r2 = { 0 };
  g_auto(Run) r3 = { 0 };
  g_auto(Run) r4 = { 0 };

  g_assert_true (g_file_set_contents (with, doc_with, -1, NULL));
  g_assert_true (g_file_set_contents (without, doc_without, -1, NULL));
  g_assert_true (g_file_set_contents (bad, doc_bad, -1, NULL));
  run_cli (csv, &r1);
  g_assert_cmpint (r1.status, ==, 0);
  g_assert_nonnull (strstr (r1.out, "\nc,ocv_equilibrium_V,ocv_homogeneous_V,K = 0 meV: ocv_equilibrium_V\n"));
  run_cli (svg_with, &r2);
  run_cli (svg_without, &r3);
  g_assert_cmpint (r2.status, ==, 0);
  g_assert_cmpint (r3.status, ==, 0);
  g_assert_false (g_strcmp0 (r2.out, r3.out) == 0);
  run_cli (refused, &r4);
  g_assert_cmpint (r4.status, !=, 0);
  g_assert_nonnull (strstr (r4.err, "session.pins[0].model.kappa"));
  g_unlink (with);
  g_unlink (without);
  g_unlink (bad);
  g_rmdir (dir);
}

/* --figure all --format csv writes eight files or none: with one of them
 * blocked (a directory in its place), the existing ones keep their old
 * contents and no temporary is left. */
static void
test_all_csv_all_or_nothing (void)
{
  g_autofree char *dir = test_tmpdir_new ("test-cli-export");
  g_autofree char *path = g_build_filename (dir, "run.csv", NULL);
  g_autofree char *first = g_build_filename (dir, "run-free-energy.csv", NULL);
  g_autofree char *blocked = g_build_filename (dir, "run-structure.csv", NULL);
  const char *args[] = { "export", "--figure", "all", "--format", "csv", "-o", path,
                         SIM_FLAGS, NULL };
  g_auto(Run) run = { 0 };
  g_autofree char *text = NULL;

  g_assert_true (g_file_set_contents (first, "old", -1, NULL));
  g_assert_cmpint (g_mkdir (blocked, 0700), ==, 0);
  run_cli (args, &run);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.err, blocked));
  g_assert_nonnull (strstr (run.err, "directory"));
  text = test_tmpdir_read_text (first);
  g_assert_cmpstr (text, ==, "old");
  g_assert_cmpuint (test_tmpdir_count (dir), ==, 2);

  /* Unblocked, the same command writes all eight. */
  g_assert_cmpint (g_rmdir (blocked), ==, 0);
  export_ok (args);
  g_clear_pointer (&text, g_free);
  text = test_tmpdir_read_text (first);
  g_assert_true (g_str_has_prefix (text, "# "));
  g_assert_cmpuint (test_tmpdir_count (dir), ==, 8);
  test_tmpdir_remove (dir);
}

/* simulate with two outputs: the field goes through a link into a missing
 * directory (which only the write itself finds, after the run), so the
 * energy file is not replaced either. */
static void
test_simulate_all_or_nothing (void)
{
  g_autofree char *dir = test_tmpdir_new ("test-cli-export");
  g_autofree char *energy = g_build_filename (dir, "energy.csv", NULL);
  g_autofree char *field = g_build_filename (dir, "field.csv", NULL);
  const char *args[] = { "simulate", "--energy-csv", energy, "--field-out", field,
                         "--t-end", "1", SIM_FLAGS, NULL };
  g_auto(Run) run = { 0 };
  g_autofree char *text = NULL;

  g_assert_true (g_file_set_contents (energy, "old", -1, NULL));
  g_assert_cmpint (symlink ("gone/field.csv", field), ==, 0);
  run_cli (args, &run);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.out, "steps"));   /* it ran before failing */
  g_assert_nonnull (strstr (run.err, field));
  text = test_tmpdir_read_text (energy);
  g_assert_cmpstr (text, ==, "old");
  g_assert_cmpuint (test_tmpdir_count (dir), ==, 2);
  test_tmpdir_remove (dir);
}

/* simulate --field-out writes the core's field table (sp_csv_field), the
 * same as `export --figure field` to a .csv: the header, then one x_nm,y_nm,c
 * row per grid point, x fastest. */
static void
test_simulate_field_csv (void)
{
  g_autofree char *dir = test_tmpdir_new ("test-cli-export");
  g_autofree char *field = g_build_filename (dir, "field.csv", NULL);
  g_autofree char *exported = g_build_filename (dir, "export.csv", NULL);
  const char *args[] = { "simulate", "--field-out", field, "--t-end", "1", SIM_FLAGS, NULL };
  const char *export_args[] = { "export", "--figure", "field", "-o", exported,
                                "--t-end", "1", SIM_FLAGS, NULL };
  g_auto(Run) run = { 0 };
  g_autofree char *text = NULL, *export_text = NULL;
  g_auto(GStrv) lines = NULL, export_lines = NULL;
  guint first_row = 0, n_rows = 0, n_header = 0;

  run_cli (args, &run);
  g_assert_cmpint (run.status, ==, 0);
  export_ok (export_args);
  text = test_tmpdir_read_text (field);
  export_text = test_tmpdir_read_text (exported);
  lines = g_strsplit (text, "\n", -1);
  export_lines = g_strsplit (export_text, "\n", -1);

  /* The comment lines and the column names are the export's, line for line
   * (the run is the same: same model, grid, seed and end time). */
  while (lines[first_row] != NULL && g_str_has_prefix (lines[first_row], "# "))
    {
      g_assert_cmpstr (lines[first_row], ==, export_lines[first_row]);
      first_row++;
    }
  g_assert_cmpuint (first_row, >, 5);
  g_assert_cmpstr (lines[first_row], ==, "x_nm,y_nm,c");
  g_assert_cmpstr (export_lines[first_row], ==, "x_nm,y_nm,c");
  n_header = first_row + 1;

  for (guint i = n_header; lines[i] != NULL && lines[i][0] != '\0'; i++, n_rows++)
    {
      g_auto(GStrv) cells = g_strsplit (lines[i], ",", -1);
      guint k = n_rows;

      g_assert_cmpuint (g_strv_length (cells), ==, 3);
      /* Grid point (k mod 64, k div 64) of a 64-point, 35 nm box. */
      g_assert_cmpfloat_with_epsilon (g_ascii_strtod (cells[0], NULL), (k % 64) * 35.0 / 64, 1e-12);
      g_assert_cmpfloat_with_epsilon (g_ascii_strtod (cells[1], NULL), (k / 64) * 35.0 / 64, 1e-12);
      g_assert_cmpfloat (g_ascii_strtod (cells[2], NULL), >, 0.0);
      g_assert_cmpfloat (g_ascii_strtod (cells[2], NULL), <, 1.0);
    }
  g_assert_cmpuint (n_rows, ==, 64 * 64);
  g_assert_cmpuint (g_strv_length (export_lines), ==, g_strv_length (lines));
  test_tmpdir_remove (dir);
}

/* A crash's leftover temporary (old, in the writer's pattern) is removed
 * by the next export into that directory; a young one and a file of the
 * user's own are kept. */
static void
test_stale_temporary_cleaned (void)
{
  g_autofree char *dir = test_tmpdir_new ("test-cli-export");
  g_autofree char *stale = g_build_filename (dir, ".fig.svg.spinodal-tmp-Ab12Cd", NULL);
  g_autofree char *young = g_build_filename (dir, ".fig.svg.spinodal-tmp-Xy34Zw", NULL);
  g_autofree char *mine = g_build_filename (dir, "fig.svg.bak", NULL);
  g_autofree char *out = g_build_filename (dir, "fig.svg", NULL);
  const char *args[] = { "export", "--figure", "ocv", "-o", out, NULL };
  struct utimbuf old = { 0 };

  old.actime = old.modtime = (time_t) (g_get_real_time () / G_USEC_PER_SEC - 2 * 3600);
  g_assert_true (g_file_set_contents (stale, "partial", -1, NULL));
  g_assert_true (g_file_set_contents (young, "partial", -1, NULL));
  g_assert_true (g_file_set_contents (mine, "keep", -1, NULL));
  g_assert_cmpint (g_utime (stale, &old), ==, 0);
  g_assert_cmpint (g_utime (mine, &old), ==, 0);

  export_ok (args);
  g_assert_false (g_file_test (stale, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (young, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (mine, G_FILE_TEST_EXISTS));
  g_assert_cmpuint (test_tmpdir_count (dir), ==, 3);
  test_tmpdir_remove (dir);
}

int
main (int    argc,
      char **argv)
{
  cli_runner_init (&argc, &argv);
  sp_gsl_init ();
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/cli-export/every-figure", test_every_figure);
  g_test_add_func ("/cli-export/all-csv", test_all_csv);
  g_test_add_func ("/cli-export/voltage-trace", test_voltage_trace);
  g_test_add_func ("/cli-export/csv-numbers", test_csv_numbers);
  g_test_add_func ("/cli-export/options", test_options);
  g_test_add_func ("/cli-export/write-failure", test_write_failure);
  g_test_add_func ("/cli-export/symlink-and-device", test_symlink_and_device);
  g_test_add_func ("/cli-export/stdout", test_stdout);
  g_test_add_func ("/cli-export/session-pins", test_session_pins);
  g_test_add_func ("/cli-export/all-csv-all-or-nothing", test_all_csv_all_or_nothing);
  g_test_add_func ("/cli-export/simulate-all-or-nothing", test_simulate_all_or_nothing);
  g_test_add_func ("/cli-export/simulate-field-csv", test_simulate_field_csv);
  g_test_add_func ("/cli-export/stale-temporary-cleaned", test_stale_temporary_cleaned);
  for (guint i = 0; i < G_N_ELEMENTS (bad_inputs); i++)
    {
      g_autofree char *path = g_strdup_printf ("/cli-export/bad-input/%s", bad_inputs[i].name);

      g_test_add_data_func (path, &bad_inputs[i], test_bad_input);
    }
  return g_test_run ();
}
