/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-csv.c — every CSV table read back equals the numbers it came from */

#include "config.h"

#include <glib/gstdio.h>
#include <math.h>
#include <string.h>
#include <unistd.h>

#include "sp-ch.h"
#include "sp-csv.h"
#include "sp-gsl.h"
#include "sp-presets.h"
#include "test-helpers.h"
#include "test-tmpdir.h"

/* A parsed CSV: the comment lines, the column names and the rows. */
typedef struct
{
  GPtrArray *comments;   /* char *, without "# " */
  GStrv      names;
  GPtrArray *rows;       /* GArray of double */
} Table;

static void
table_clear (Table *t)
{
  g_clear_pointer (&t->comments, g_ptr_array_unref);
  g_clear_pointer (&t->names, g_strfreev);
  g_clear_pointer (&t->rows, g_ptr_array_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Table, table_clear)

/* Strict: every field of every row must be a whole number token. */
static void
table_parse (const char *text,
             Table      *t)
{
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);
  guint i = 0;

  t->comments = g_ptr_array_new_with_free_func (g_free);
  t->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
  for (; lines[i] != NULL && g_str_has_prefix (lines[i], "# "); i++)
    g_ptr_array_add (t->comments, g_strdup (lines[i] + 2));
  g_assert_nonnull (lines[i]);
  t->names = g_strsplit (lines[i++], ",", -1);
  for (; lines[i] != NULL; i++)
    {
      g_auto(GStrv) fields = NULL;
      GArray *row;

      if (lines[i][0] == '\0')
        {
          g_assert_null (lines[i + 1]);   /* only the final newline */
          break;
        }
      fields = g_strsplit (lines[i], ",", -1);
      g_assert_cmpuint (g_strv_length (fields), ==, g_strv_length (t->names));
      row = g_array_new (FALSE, FALSE, sizeof (double));
      for (guint j = 0; fields[j] != NULL; j++)
        {
          char *end = NULL;
          double v = g_ascii_strtod (fields[j], &end);

          if (end == fields[j] || *end != '\0')
            g_error ("line %u field %u: “%s” is not a number", i + 1, j, fields[j]);
          g_array_append_val (row, v);
        }
      g_ptr_array_add (t->rows, row);
    }
}

static double
cell (const Table *t,
      guint        row,
      guint        col)
{
  return g_array_index ((GArray *) g_ptr_array_index (t->rows, row), double, col);
}

/* Equal to 1e-12 relative (in fact bit-identical: the digits round-trip). */
static void
assert_column (const Table  *t,
               guint         col,
               const double *expected,
               guint         n)
{
  g_assert_cmpuint (t->rows->len, ==, n);
  for (guint i = 0; i < n; i++)
    {
      sp_assert_close (cell (t, i, col), expected[i], 1e-12, 1e-300);
      g_assert_true (cell (t, i, col) == expected[i]);
    }
}

static gboolean
has_comment (const Table *t,
             const char  *text)
{
  for (guint i = 0; i < t->comments->len; i++)
    if (strstr (g_ptr_array_index (t->comments, i), text) != NULL)
      return TRUE;
  return FALSE;
}

static void
assert_names (const Table       *t,
              const char *const *names)
{
  g_assert_cmpstrv (t->names, names);
}

static SpAnalysis *
lifepo4_analysis (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SpPreset) preset = sp_presets_lookup ("lifepo4", &error);

  g_assert_no_error (error);
  return sp_analysis_new (&preset->model);
}

static void
test_curves (void)
{
  g_autoptr(SpAnalysis) a = lifepo4_analysis ();

  {
    g_autoptr(GString) csv = sp_csv_analysis (a, SP_CSV_FREE_ENERGY);
    g_auto(Table) t = { 0 };
    const char *const names[] = { "c", "g_meV", "mu_meV", "g2_meV", NULL };

    table_parse (csv->str, &t);
    assert_names (&t, names);
    assert_column (&t, 0, a->c, a->n_curve);
    assert_column (&t, 1, a->g, a->n_curve);
    assert_column (&t, 2, a->mu, a->n_curve);
    assert_column (&t, 3, a->g2, a->n_curve);
  }
  {
    g_autoptr(GString) csv = sp_csv_analysis (a, SP_CSV_OCV);
    g_auto(Table) t = { 0 };
    const char *const names[] = { "c", "ocv_equilibrium_V", "ocv_homogeneous_V", NULL };

    table_parse (csv->str, &t);
    assert_names (&t, names);
    assert_column (&t, 0, a->c, a->n_curve);
    assert_column (&t, 1, a->ocv_equilibrium, a->n_curve);
    assert_column (&t, 2, a->ocv_homogeneous, a->n_curve);
  }
  {
    g_autoptr(GString) csv = sp_csv_analysis (a, SP_CSV_DIFFUSIVITY);
    g_auto(Table) t = { 0 };
    const char *const names[] = { "c", "dchem_nm2_per_s", NULL };

    table_parse (csv->str, &t);
    assert_names (&t, names);
    assert_column (&t, 0, a->c, a->n_curve);
    assert_column (&t, 1, a->dchem, a->n_curve);
  }
  {
    g_autoptr(GString) csv = sp_csv_analysis (a, SP_CSV_DISPERSION);
    g_auto(Table) t = { 0 };
    const char *const names[] = { "k_per_nm", "sigma_per_s", NULL };

    table_parse (csv->str, &t);
    assert_names (&t, names);
    assert_column (&t, 0, a->k, a->n_k);
    assert_column (&t, 1, a->sigma, a->n_k);
  }
}

/* The value after "# @key = " in the header, read back. */
static double
header_value (const Table *t,
              const char  *key)
{
  g_autofree char *prefix = g_strdup_printf ("%s = ", key);

  for (guint i = 0; i < t->comments->len; i++)
    {
      const char *line = g_ptr_array_index (t->comments, i);

      if (g_str_has_prefix (line, prefix))
        return g_ascii_strtod (line + strlen (prefix), NULL);
    }
  g_error ("no “%s” in the header", key);
}

static void
test_header (void)
{
  g_autoptr(SpAnalysis) a = lifepo4_analysis ();
  g_autoptr(GString) csv = sp_csv_analysis (a, SP_CSV_FREE_ENERGY);
  g_auto(Table) t = { 0 };

  table_parse (csv->str, &t);
  g_assert_true (g_str_has_prefix (g_ptr_array_index (t.comments, 0),
                                   "Spinodal " PACKAGE_VERSION " — "));
  /* Every parameter reads back exactly. */
  g_assert_true (header_value (&t, "omega") == a->model.omega);
  g_assert_true (header_value (&t, "temperature") == a->model.temperature);
  g_assert_true (header_value (&t, "kappa") == a->model.kappa);
  g_assert_true (header_value (&t, "stiffness") == a->model.stiffness);
  g_assert_true (header_value (&t, "d0") == a->model.d0);
  g_assert_true (header_value (&t, "v0") == a->model.v0);
  g_assert_true (header_value (&t, "c0") == a->model.c0);
  g_assert_true (has_comment (&t, "meV·nm²"));
  g_assert_true (has_comment (&t, "mobility = site-blocking"));
  g_assert_true (has_comment (&t, "column g_meV: "));
}

/* As many digits as it takes, no more: 0.1 stays "0.1", 0.1 + 0.2 needs 17. */
static void
test_shortest_digits (void)
{
  g_autoptr(GString) csv = g_string_new (NULL);
  g_auto(Table) t = { 0 };
  SpModel m;

  sp_model_init_default (&m);
  m.c0 = 0.1;
  m.omega = 103.4;
  m.kappa = 0.1 + 0.2;   /* needs all 17 digits */
  m.d0 = 1e-300;
  sp_csv_append_model (csv, &m);
  g_string_append (csv, "x\n");
  table_parse (csv->str, &t);
  g_assert_true (has_comment (&t, "c0 = 0.1"));
  g_assert_false (has_comment (&t, "c0 = 0.10"));
  g_assert_true (has_comment (&t, "omega = 103.4 meV"));
  g_assert_true (has_comment (&t, "kappa = 0.30000000000000004 meV·nm²"));
  g_assert_true (header_value (&t, "kappa") == m.kappa);
  g_assert_true (header_value (&t, "d0") == m.d0);
}

static void
test_phase_diagram (void)
{
  g_autoptr(SpAnalysis) a = lifepo4_analysis ();
  g_autoptr(GString) csv = sp_csv_analysis (a, SP_CSV_PHASE_DIAGRAM);
  const SpPhaseDiagram *pd = a->phase;
  g_auto(Table) t = { 0 };
  const char *const names[] = {
    "temperature_K", "index", "c_alpha", "c_beta", "spinodal_lo", "spinodal_hi", NULL
  };
  guint row = 0, with_gap = 0;

  table_parse (csv->str, &t);
  assert_names (&t, names);
  g_assert_true (pd->has_critical);
  g_assert_true (has_comment (&t, "critical point: T_c = "));

  for (guint r = 0; r < pd->n_rows; r++)
    {
      const SpEquilibrium *eq = &pd->rows[r].eq;
      guint n = MAX (MAX (eq->n_gaps, eq->n_spinodals), 1);

      for (guint i = 0; i < n; i++, row++)
        {
          g_assert_cmpuint (row, <, t.rows->len);
          g_assert_true (cell (&t, row, 0) == pd->rows[r].temperature);
          g_assert_cmpfloat (cell (&t, row, 1), ==, i);
          if (i < eq->n_gaps)
            {
              sp_assert_close (cell (&t, row, 2), eq->gaps[i].c_alpha, 1e-12, 1e-300);
              sp_assert_close (cell (&t, row, 3), eq->gaps[i].c_beta, 1e-12, 1e-300);
              with_gap++;
            }
          else
            g_assert_true (isnan (cell (&t, row, 2)) && isnan (cell (&t, row, 3)));
          if (i < eq->n_spinodals)
            {
              sp_assert_close (cell (&t, row, 4), eq->spinodals[i].lo, 1e-12, 1e-300);
              sp_assert_close (cell (&t, row, 5), eq->spinodals[i].hi, 1e-12, 1e-300);
            }
          else
            g_assert_true (isnan (cell (&t, row, 4)) && isnan (cell (&t, row, 5)));
        }
    }
  g_assert_cmpuint (row, ==, t.rows->len);
  /* LiFePO4 separates at room temperature: the dome has rows. */
  g_assert_cmpuint (with_gap, >, 10);
}

static SpCh *
small_run (SpChParams *p,
           guint       n)
{
  g_autoptr(GError) error = NULL;
  SpCh *ch;

  sp_ch_params_init_default (p);
  p->n = n;
  ch = sp_ch_new (p, &error);
  g_assert_no_error (error);
  return ch;
}

/* Issue 11, item 7c: a two-dome model has two critical points, and the CSV
 * lists both, each with the kind and the exact numbers; a lower critical
 * point (s1 < −2) is labelled as such. */
static void
test_every_critical_point (void)
{
  SpModel m;
  g_autoptr(SpAnalysis) a = NULL;
  g_autoptr(SpAnalysis) lower = NULL;
  g_autoptr(GString) csv = NULL;
  g_autoptr(GString) csv_lower = NULL;
  g_auto(Table) t = { 0 };
  g_auto(Table) tl = { 0 };
  guint lines = 0;

  sp_model_init_default (&m);
  m.omega = 20.0;
  m.rk[0] = 20.0;
  m.rk[1] = 200.0;
  m.rk[3] = -300.0;
  a = sp_analysis_new (&m);
  g_assert_cmpuint (a->phase->n_critical, ==, 2);
  csv = sp_csv_analysis (a, SP_CSV_PHASE_DIAGRAM);
  table_parse (csv->str, &t);
  for (guint i = 0; i < t.comments->len; i++)
    lines += strstr (g_ptr_array_index (t.comments, i), "critical point: T_c = ") != NULL;
  g_assert_cmpuint (lines, ==, 2);
  for (guint k = 0; k < 2; k++)
    {
      g_autoptr(GString) line = g_string_new ("critical point: T_c = ");

      g_string_append_printf (line, "%.17g", a->phase->critical[k].temperature);
      /* The shortest round-trip form is a prefix of %.17g's digits only when
       * they agree; compare the parsed numbers instead. */
      for (guint i = 0; i < t.comments->len; i++)
        {
          const char *c = strstr (g_ptr_array_index (t.comments, i), "T_c = ");
          double value;

          if (c == NULL)
            continue;
          value = g_ascii_strtod (c + 6, NULL);
          if (value == a->phase->critical[k].temperature)
            {
              g_assert_nonnull (strstr (c, "(upper)"));
              g_string_truncate (line, 0);
            }
        }
      g_assert_cmpuint (line->len, ==, 0);
    }

  sp_model_init_default (&m);
  m.omega = -30.0;
  m.s1 = -3.0;
  lower = sp_analysis_new (&m);
  csv_lower = sp_csv_analysis (lower, SP_CSV_PHASE_DIAGRAM);
  table_parse (csv_lower->str, &tl);
  g_assert_true (has_comment (&tl, "(lower)"));
}

static void
test_field (void)
{
  SpChParams p;
  g_autoptr(SpCh) ch = small_run (&p, 16);
  g_autoptr(GError) error = NULL;
  g_autoptr(SpFrame) frame = NULL;
  g_autoptr(GString) csv = NULL;
  g_auto(Table) t = { 0 };
  const char *const names[] = { "x_nm", "y_nm", "c", NULL };
  double dx;

  for (guint i = 0; i < 5; i++)
    g_assert_true (sp_ch_step (ch, &error));
  frame = sp_frame_new (ch, &p, SP_WORKER_PAUSED, NULL);
  csv = sp_csv_field (frame);
  table_parse (csv->str, &t);
  assert_names (&t, names);
  g_assert_cmpuint (t.rows->len, ==, 16 * 16);
  dx = frame->length / 16;
  for (guint j = 0; j < 16; j++)
    for (guint i = 0; i < 16; i++)
      {
        guint r = j * 16 + i;

        g_assert_true (cell (&t, r, 0) == i * dx);
        g_assert_true (cell (&t, r, 1) == j * dx);
        g_assert_true (cell (&t, r, 2) == sp_ch_get_field (ch)[r]);
      }
  g_assert_true (has_comment (&t, "grid = 16"));
  g_assert_true (has_comment (&t, "time = "));
}

static void
test_history_and_structure (void)
{
  SpChParams p;
  g_autoptr(SpCh) ch = small_run (&p, 32);
  g_autoptr(SpChHistory) history = sp_ch_history_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(SpFrame) frame = NULL;
  g_autoptr(GString) csv = NULL;
  g_autoptr(GString) scsv = NULL;
  g_auto(Table) t = { 0 };
  g_auto(Table) s = { 0 };
  const char *const names[] = { "time_s", "free_energy_meV_nm2", "mean_c", "length_nm", NULL };
  const char *const snames[] = { "k_per_nm", "structure_initial", "structure_now", NULL };

  for (guint i = 0; i < 6; i++)
    {
      SpChDiagnostics d;

      if (i > 0)
        for (guint k = 0; k < 3; k++)
          g_assert_true (sp_ch_step (ch, &error));
      sp_ch_diagnostics_compute (ch, &d);
      sp_ch_history_append (history, &d);
      sp_ch_diagnostics_clear (&d);
    }
  g_assert_cmpuint (history->len, ==, 6);

  csv = sp_csv_history (history, &p);
  table_parse (csv->str, &t);
  assert_names (&t, names);
  assert_column (&t, 0, history->time, history->len);
  assert_column (&t, 1, history->free_energy, history->len);
  assert_column (&t, 2, history->mean_c, history->len);
  assert_column (&t, 3, history->length_scale, history->len);

  frame = sp_frame_new (ch, &p, SP_WORKER_PAUSED, NULL);
  scsv = sp_csv_structure (frame, history);
  table_parse (scsv->str, &s);
  assert_names (&s, snames);
  assert_column (&s, 0, frame->diag.k, frame->diag.n_bins);
  assert_column (&s, 1, history->structure0, history->n_bins);
  assert_column (&s, 2, frame->diag.structure, frame->diag.n_bins);
}

static void
test_write (void)
{
  g_autofree char *dir = test_tmpdir_new ("test-csv");
  g_autofree char *path = g_build_filename (dir, "curve.csv", NULL);
  g_autofree char *bad = g_build_filename (dir, "missing", "curve.csv", NULL);
  g_autoptr(GString) csv = g_string_new ("a,b\n1,2\n");
  g_autoptr(GError) error = NULL;
  g_autofree char *back = NULL;

  g_assert_true (sp_csv_write (path, csv, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &back, NULL, NULL));
  g_assert_cmpstr (back, ==, csv->str);

  /* A missing directory: an error naming the path, nothing created. */
  g_assert_false (sp_csv_write (bad, csv, &error));
  g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_NOENT);
  g_assert_nonnull (strstr (error->message, bad));
  g_assert_cmpuint (test_tmpdir_count (dir), ==, 1);

  /* A "directory" that is a file: ENOTDIR, which even root cannot get past. */
  {
    g_autofree char *through_file = g_build_filename (path, "curve.csv", NULL);

    g_clear_error (&error);
    g_assert_false (sp_csv_write (through_file, csv, &error));
    g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_NOTDIR);
    g_assert_nonnull (strstr (error->message, through_file));
    g_assert_cmpuint (test_tmpdir_count (dir), ==, 1);
  }

  /* An unwritable directory (root ignores permissions: skip that half). */
  if (geteuid () != 0)
    {
      g_clear_error (&error);
      g_assert_cmpint (g_chmod (dir, 0500), ==, 0);
      g_assert_false (sp_csv_write (path, csv, &error));
      g_assert_nonnull (error);
      g_assert_cmpint (g_chmod (dir, 0700), ==, 0);
      g_assert_cmpuint (test_tmpdir_count (dir), ==, 1);
    }

  g_assert_cmpint (g_remove (path), ==, 0);
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

/* The building blocks other tables use: the same first line, comments,
 * header and shortest exact numbers as every figure's CSV. */
static void
test_building_blocks (void)
{
  static const char *const names[] = { "freq_hz", "gamma_ohm", NULL };
  static const char *const meanings[] = { "frequency (Hz)", "gamma (ohm)", NULL };
  const double row[] = { 0.1, 103.4 };
  g_autoptr(GString) csv = sp_csv_begin ("a table");

  sp_csv_append_columns (csv, names, meanings);
  sp_csv_append_row (csv, row, G_N_ELEMENTS (row));
  g_assert_cmpstr (csv->str, ==,
                   "# Spinodal " PACKAGE_VERSION " — a table\n"
                   "# column freq_hz: frequency (Hz)\n"
                   "# column gamma_ohm: gamma (ohm)\n"
                   "freq_hz,gamma_ohm\n"
                   "0.1,103.4\n");
}

int
main (int    argc,
      char **argv)
{
  sp_gsl_init ();
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/csv/curves", test_curves);
  g_test_add_func ("/csv/building-blocks", test_building_blocks);
  g_test_add_func ("/csv/header", test_header);
  g_test_add_func ("/csv/shortest-digits", test_shortest_digits);
  g_test_add_func ("/csv/phase-diagram", test_phase_diagram);
  g_test_add_func ("/csv/every-critical-point", test_every_critical_point);
  g_test_add_func ("/csv/field", test_field);
  g_test_add_func ("/csv/history-and-structure", test_history_and_structure);
  g_test_add_func ("/csv/write", test_write);
  return g_test_run ();
}
