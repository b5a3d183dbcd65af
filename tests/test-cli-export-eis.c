/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-cli-export-eis.c — `spinodal-cli export --figure nyquist|bode|
 * eis-residuals|drt|arrhenius`: every format, the same pixels as the
 * figure code draws for the same data, the numbers in the CSVs against
 * closed forms, and the messages for missing or bad input */

#include "config.h"

#include <cairo.h>
#include <complex.h>
#include <math.h>
#include <string.h>

#include "cli-runner.h"
#include "sp-eis-read.h"
#include "sp-export.h"
#include "sp-gsl.h"
#include "test-tmpdir.h"

#define K_B 8.617333262e-5

static const char *const figures[] = { "nyquist", "bode", "eis-residuals", "drt", "arrhenius" };

/* R0-p(R1,C1): R0 = 20 Ω, R1 = 1 kΩ, C1 = 1 nF (apex at 159 kHz). */
static double complex
rc_z (double f,
      double r1)
{
  return 20.0 + r1 / (1.0 + I * 2 * G_PI * f * r1 * 1e-9);
}

typedef struct
{
  char *dir, *spectrum, *arrhenius, *drt;
} Files;

static void
files_init (Files *files)
{
  g_autoptr(GString) s = g_string_new ("freq_hz,z_re_ohm,z_im_ohm\n");
  g_autoptr(GString) a = g_string_new ("T_K,sigma_S_per_cm\n");
  g_autoptr(GString) d = g_string_new ("tau_s,gamma_ohm\n");

  files->dir = test_tmpdir_new ("test-cli-export-eis");
  for (int i = 0; i <= 40; i++)
    {
      double f = pow (10.0, 7.0 - 0.15 * i);
      double complex z = rc_z (f, 1000.0);
      char b[3][G_ASCII_DTOSTR_BUF_SIZE];

      g_string_append_printf (s, "%s,%s,%s\n", g_ascii_formatd (b[0], sizeof b[0], "%.17g", f),
                              g_ascii_formatd (b[1], sizeof b[1], "%.17g", creal (z)),
                              g_ascii_formatd (b[2], sizeof b[2], "%.17g", cimag (z)));
    }
  /* σT = 5e4 S K/cm · exp(−0.35 eV/(k_B T)), exactly. */
  for (int i = 0; i < 6; i++)
    {
      double t = 300.0 + 20.0 * i;
      char b[2][G_ASCII_DTOSTR_BUF_SIZE];

      g_string_append_printf (a, "%s,%s\n", g_ascii_formatd (b[0], sizeof b[0], "%.17g", t),
                              g_ascii_formatd (b[1], sizeof b[1], "%.17g",
                                               5e4 / t * exp (-0.35 / (K_B * t))));
    }
  /* One Gaussian of area 1000 Ω in ln τ at τ = 1e-4 s. */
  for (int i = 0; i <= 100; i++)
    {
      double lt = log (1e-8) + i * (log (1e0) - log (1e-8)) / 100.0;
      double g = 1000.0 * exp (-0.5 * pow ((lt - log (1e-4)) / 0.6, 2)) / (0.6 * sqrt (2 * G_PI));
      char b[2][G_ASCII_DTOSTR_BUF_SIZE];

      g_string_append_printf (d, "%s,%s\n", g_ascii_formatd (b[0], sizeof b[0], "%.17g", exp (lt)),
                              g_ascii_formatd (b[1], sizeof b[1], "%.17g", g));
    }
  files->spectrum = g_build_filename (files->dir, "pellet.csv", NULL);
  files->arrhenius = g_build_filename (files->dir, "total.csv", NULL);
  files->drt = g_build_filename (files->dir, "drt.csv", NULL);
  g_assert_true (g_file_set_contents (files->spectrum, s->str, -1, NULL));
  g_assert_true (g_file_set_contents (files->arrhenius, a->str, -1, NULL));
  g_assert_true (g_file_set_contents (files->drt, d->str, -1, NULL));
}

static void
files_clear (Files *files)
{
  test_tmpdir_remove (files->dir);
  g_free (files->dir);
  g_free (files->spectrum);
  g_free (files->arrhenius);
  g_free (files->drt);
}

/* The data flags each figure needs. */
static GPtrArray *
figure_args (const Files *files,
             const char  *figure,
             const char  *output)
{
  GPtrArray *args = g_ptr_array_new ();

  g_ptr_array_add (args, "export");
  g_ptr_array_add (args, "--figure");
  g_ptr_array_add (args, (gpointer) figure);
  g_ptr_array_add (args, "-o");
  g_ptr_array_add (args, (gpointer) output);
  if (g_str_equal (figure, "arrhenius"))
    {
      g_ptr_array_add (args, "--data");
      g_ptr_array_add (args, files->arrhenius);
    }
  else if (g_str_equal (figure, "drt"))
    {
      g_ptr_array_add (args, "--drt");
      g_ptr_array_add (args, files->drt);
    }
  else
    {
      static const char *const model[] = {
        "--circuit", "R0-p(R1,C1)", "--param", "R0=20", "--param", "R1=1000", "--param", "C1=1e-9",
      };

      g_ptr_array_add (args, "--data");
      g_ptr_array_add (args, files->spectrum);
      for (guint i = 0; i < G_N_ELEMENTS (model); i++)
        g_ptr_array_add (args, (gpointer) model[i]);
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
  g_assert_cmpstr (run.err, ==, "");
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
          g_assert_true (g_str_has_prefix (text, "%PDF-"));
        else
          g_assert_true (g_str_has_prefix (text, "# Spinodal " PACKAGE_VERSION));
      }
  files_clear (&files);
}

/* The CLI draws the very pixels the figure code draws for the same data. */
static void
test_same_pixels (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SpEisSpectrum) spectrum = NULL;
  g_autoptr(GBytes) expected = NULL;
  g_autofree char *path = NULL, *actual = NULL;
  const SpEisSpectrum *spectra[1];
  SpEisFigureData eis = { 0 };
  SpExportOptions options;
  SpFigureData data;
  Files files;
  gsize len;

  files_init (&files);
  path = g_build_filename (files.dir, "nyquist.png", NULL);
  {
    const char *args[] = { "export", "--figure", "nyquist", "--data", files.spectrum, "-o", path,
                           "--width", "420", "--height", "300", NULL };
    g_auto(Run) run = { 0 };

    run_cli (args, &run);
    g_assert_cmpint (run.status, ==, 0);
  }
  spectrum = sp_eis_read_file (files.spectrum, &error);
  g_assert_no_error (error);
  spectra[0] = spectrum;
  eis.n_spectra = 1;
  eis.spectra = spectra;
  eis.description = spectrum->name;
  sp_figure_data_init (&data);
  data.eis = &eis;
  sp_export_options_init (&options, SP_FIGURE_NYQUIST);
  options.width = 420;
  options.height = 300;
  expected = sp_export_render (SP_FIGURE_NYQUIST, &data, &options, &error);
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &actual, &len, NULL));
  g_assert_cmpuint (len, ==, g_bytes_get_size (expected));
  g_assert_cmpint (memcmp (actual, g_bytes_get_data (expected, NULL), len), ==, 0);
  files_clear (&files);
}

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

/* The rows after the header @header, split at commas. */
static GPtrArray *
csv_rows (const char *text,
          const char *header)
{
  g_autofree char *row = g_strdup_printf ("\n%s\n", header);
  const char *start = strstr (text, row);
  g_auto(GStrv) lines = NULL;
  GPtrArray *rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);

  g_assert_nonnull (start);
  lines = g_strsplit (start + strlen (row), "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    if (lines[i][0] != '\0')
      g_ptr_array_add (rows, g_strsplit (lines[i], ",", -1));
  return rows;
}

static double
cell (GPtrArray *rows,
      guint      i,
      guint      j)
{
  return g_ascii_strtod (((char **) g_ptr_array_index (rows, i))[j], NULL);
}

static void
test_residuals_closed_form (void)
{
  Files files;

  files_init (&files);
  /* The data's own circuit: zero within round-off. */
  {
    g_autofree char *text = export_csv (&files, "eis-residuals", NULL);
    g_autoptr(GPtrArray) rows = csv_rows (text, "freq_hz,res_re_percent,res_im_percent");

    g_assert_cmpuint (rows->len, ==, 41);
    for (guint i = 0; i < rows->len; i++)
      {
        g_assert_cmpfloat (fabs (cell (rows, i, 1)), <, 1e-11);
        g_assert_cmpfloat (fabs (cell (rows, i, 2)), <, 1e-11);
      }
  }
  /* R1 = 1010 Ω in the model: (Z(1000) − Z(1010))/|Z(1000)| in %. */
  {
    g_autofree char *path = g_build_filename (files.dir, "r.csv", NULL);
    const char *args[] = { "export", "--figure", "eis-residuals", "--data", files.spectrum,
                           "--circuit", "R0-p(R1,C1)", "--param", "R0=20", "--param", "R1=1010",
                           "--param", "C1=1e-9", "-o", path, NULL };
    g_autofree char *text = NULL;
    g_autoptr(GPtrArray) rows = NULL;
    g_auto(Run) run = { 0 };

    run_cli (args, &run);
    g_assert_cmpint (run.status, ==, 0);
    g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
    rows = csv_rows (text, "freq_hz,res_re_percent,res_im_percent");
    for (guint i = 0; i < rows->len; i++)
      {
        double f = cell (rows, i, 0);
        double complex zd = rc_z (f, 1000.0), zm = rc_z (f, 1010.0);

        g_assert_cmpfloat (fabs (cell (rows, i, 1) - 100 * creal (zd - zm) / cabs (zd)), <, 1e-10);
        g_assert_cmpfloat (fabs (cell (rows, i, 2) - 100 * cimag (zd - zm) / cabs (zd)), <, 1e-10);
      }
  }
  /* The Nyquist table holds the file's points exactly, then the model. */
  {
    g_autofree char *text = export_csv (&files, "nyquist", NULL);
    g_autoptr(GPtrArray) rows = csv_rows (text, "spectrum,freq_hz,z_re_ohm,z_im_ohm,z_abs_ohm,phase_deg");
    double complex z = rc_z (1e7, 1000.0);

    g_assert_nonnull (strstr (text, "# spectrum 0: pellet.csv\n"));
    g_assert_nonnull (strstr (text, "# spectrum 1: model, R0-p(R1,C1)\n"));
    g_assert_cmpfloat (cell (rows, 0, 1), ==, 1e7);
    g_assert_cmpfloat (cell (rows, 0, 2), ==, creal (z));
    g_assert_cmpfloat (cell (rows, 0, 3), ==, cimag (z));
    /* The model: 20 points a decade over the data's 6 decades. */
    g_assert_cmpuint (rows->len, ==, 41 + 121);
  }
  files_clear (&files);
}

static void
test_drt_and_arrhenius (void)
{
  Files files;

  files_init (&files);
  {
    g_autofree char *text = export_csv (&files, "drt", NULL);
    const char *peak = strstr (text, "# peak: tau_s = ");
    double tau, r;

    g_assert_nonnull (peak);
    g_assert_cmpint (sscanf (peak, "# peak: tau_s = %lf, r_ohm = %lf", &tau, &r), ==, 2);
    g_assert_cmpfloat (fabs (tau / 1e-4 - 1.0), <, 1e-9);
    /* The trapezoid area of the Gaussian on 12.5 nodes a decade. */
    g_assert_cmpfloat (fabs (r - 1000.0), <, 1.0);
    g_assert_null (strstr (peak + 1, "# peak:"));
  }
  {
    g_autofree char *text = export_csv (&files, "arrhenius", NULL);
    const char *series = strstr (text, "# series 0: total: ea_ev = ");
    double ea, prefactor;

    g_assert_nonnull (series);
    g_assert_cmpint (sscanf (series, "# series 0: total: ea_ev = %lf", &ea), ==, 1);
    g_assert_cmpfloat (fabs (ea - 0.35), <, 1e-10);
    g_assert_nonnull (strstr (series, "prefactor = "));
    g_assert_cmpint (sscanf (strstr (series, "prefactor = "), "prefactor = %lf", &prefactor), ==, 1);
    g_assert_cmpfloat (fabs (prefactor / 5e4 - 1.0), <, 1e-9);
  }
  files_clear (&files);
}

typedef struct
{
  const char *name;
  const char *args[16];
  int         status;
  const char *message;   /* a part of standard error */
} BadInput;

/* "@S": the spectrum file, "@D": the DRT file, "@X": a file that is not
 * there, "@B": a broken spectrum file. */
static const BadInput bad_inputs[] = {
  { "no-data", { "--figure", "nyquist", NULL }, 2, "needs a spectrum (--data FILE" },
  { "missing-file", { "--figure", "bode", "--data", "@X", NULL }, 2, "missing.csv" },
  { "broken-file", { "--figure", "nyquist", "--data", "@B", NULL }, 2, "broken.csv" },
  { "residuals-no-model", { "--figure", "eis-residuals", "--data", "@S", NULL }, 2,
    "needs a spectrum (--data FILE) and a model" },
  { "missing-param", { "--figure", "nyquist", "--circuit", "R0-p(R1,C1)", "--param", "R0=1", NULL },
    2, "missing: R1, C1" },
  { "bad-circuit", { "--figure", "nyquist", "--circuit", "R0-p(R1", NULL }, 2, "--circuit" },
  { "param-without-model", { "--figure", "nyquist", "--data", "@S", "--param", "R0=1", NULL }, 2,
    "--param needs --circuit or --ceramic" },
  { "both-models", { "--figure", "bode", "--circuit", "R0", "--param", "R0=1", "--ceramic", "llzo",
                     NULL }, 2, "not both" },
  { "bad-ceramic", { "--figure", "bode", "--ceramic", "nope", NULL }, 2, "no preset “nope”" },
  { "drt-without-table", { "--figure", "drt", NULL }, 2, "--drt FILE" },
  { "drt-bad-row", { "--figure", "drt", "--drt", "@B", NULL }, 2, "line 2: expected two numbers" },
  { "drt-with-data", { "--figure", "drt", "--drt", "@D", "--data", "@S", NULL }, 2,
    "--data does not apply to --figure drt" },
  { "arrhenius-bad-form", { "--figure", "arrhenius", "--data", "@S", "--form", "ln", NULL }, 2,
    "“ln” is not a form" },
  { "eis-flag-on-ocv", { "--figure", "ocv", "--data", "@S", NULL }, 2,
    "apply to the impedance figures" },
  { "f-range", { "--figure", "bode", "--ceramic", "llzo", "--f-min", "10", "--f-max", "1", NULL }, 2,
    "must be above --f-min" },
  { "ceramic-unknown-param", { "--figure", "nyquist", "--ceramic", "llzo", "--param", "rb=1", NULL },
    2, "the preset model has no parameter “rb”; its parameters are r0_ohm, rb_ohm" },
  { "ceramic-param-range", { "--figure", "nyquist", "--ceramic", "llzo", "--param", "rb_ohm=-5",
                             NULL }, 2, "--param rb_ohm" },
  { "ceramic-param-syntax", { "--figure", "nyquist", "--ceramic", "llzo", "--param", "rb_ohm",
                              NULL }, 2, "rb_ohm" },
};

/* The apex Z' of the bulk arc that an export of the LLZO preset with
 * R_b = @rb_ohm lists in its CSV. */
static double
bulk_apex_re (const char *dir,
              const char *rb_ohm)
{
  g_autofree char *out = g_build_filename (dir, "ceramic.csv", NULL);
  g_autofree char *param = g_strdup_printf ("rb_ohm=%s", rb_ohm);
  const char *args[] = { "export", "--figure", "nyquist", "--ceramic", "llzo", "--param", param,
                         "-o", out, NULL };
  g_auto(Run) run = { 0 };
  g_autofree char *text = NULL;
  const char *line;

  run_cli_ok (args, &run);
  g_assert_true (g_file_get_contents (out, &text, NULL, NULL));
  line = strstr (text, "# arc bulk: ");
  g_assert_nonnull (line);
  line = strstr (line, "apex_z_re_ohm = ");
  g_assert_nonnull (line);
  g_assert_nonnull (strstr (text, "# arc grain boundary: "));
  g_assert_nonnull (strstr (text, "# arc electrode: "));
  return g_ascii_strtod (line + strlen ("apex_z_re_ohm = "), NULL);
}

/* --ceramic with --param: the preset's model with that value, its arcs
 * labelled; doubling R_b moves the bulk apex by about R_b/2. */
static void
test_ceramic_param (void)
{
  g_autofree char *dir = test_tmpdir_new ("test-cli-export-eis-ceramic");
  double a = bulk_apex_re (dir, "1234");
  double b = bulk_apex_re (dir, "2468");

  g_assert_cmpfloat (fabs ((b - a) - 617.0), <, 0.05 * 617.0);
  test_tmpdir_remove (dir);
}

static void
test_bad_input (gconstpointer user_data)
{
  const BadInput *bad = user_data;
  g_autofree char *dir = test_tmpdir_new ("test-cli-export-eis-bad");
  g_autofree char *out = g_build_filename (dir, "out.png", NULL);
  g_autofree char *missing = g_build_filename (dir, "missing.csv", NULL);
  g_autofree char *broken = g_build_filename (dir, "broken.csv", NULL);
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  g_auto(Run) run = { 0 };
  Files files;

  files_init (&files);
  g_assert_true (g_file_set_contents (broken, "freq_hz,z_re_ohm,z_im_ohm\n1,2,3\n2,x,4\n", -1,
                                      NULL));
  g_ptr_array_add (args, "export");
  for (guint i = 0; bad->args[i] != NULL; i++)
    {
      const char *a = bad->args[i];

      g_ptr_array_add (args, g_str_equal (a, "@S") ? files.spectrum : g_str_equal (a, "@D") ? files.drt
                             : g_str_equal (a, "@X") ? missing : g_str_equal (a, "@B") ? broken
                             : (char *) a);
    }
  g_ptr_array_add (args, "-o");
  g_ptr_array_add (args, out);
  g_ptr_array_add (args, NULL);
  run_cli ((const char *const *) args->pdata, &run);
  if (run.status != bad->status || strstr (run.err, bad->message) == NULL)
    g_error ("%s: status %d, message: %s", bad->name, run.status, run.err);
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
  g_test_add_func ("/cli-export-eis/every-format", test_every_format);
  g_test_add_func ("/cli-export-eis/same-pixels", test_same_pixels);
  g_test_add_func ("/cli-export-eis/residuals-closed-form", test_residuals_closed_form);
  g_test_add_func ("/cli-export-eis/drt-and-arrhenius", test_drt_and_arrhenius);
  g_test_add_func ("/cli-export-eis/ceramic-param", test_ceramic_param);
  for (guint i = 0; i < G_N_ELEMENTS (bad_inputs); i++)
    {
      g_autofree char *path = g_strdup_printf ("/cli-export-eis/bad-input/%s", bad_inputs[i].name);

      g_test_add_data_func (path, &bad_inputs[i], test_bad_input);
    }
  return g_test_run ();
}
