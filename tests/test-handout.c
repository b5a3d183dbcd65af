/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-handout.c — the handout PDF (src/plot/sp-handout.h): its pages,
 * read back with poppler's pdfinfo and pdftotext — the title, the
 * parameter table with its units, the figures, the lesson's steps and
 * questions with their choices, the answers alone on the last page — A4
 * and Letter, and a write that fails leaving no file */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "sp-analysis.h"
#include "sp-eis-ceramic.h"
#include "sp-gsl.h"
#include "sp-handout.h"
#include "sp-lesson-check.h"
#include "sp-presets.h"

#include "test-pdf-helpers.h"
#include "test-tmpdir.h"

/* A short lesson with both kinds of question: the text the pages must hold. */
static const char lesson_text[] =
  "# Handout check\n"
  "@description A lesson written for the test.\n"
  "\n"
  "## First step\n"
  "@page overview\n"
  "@preset textbook\n"
  "Paragraph one of the first step.\n"
  "\n"
  "@question Which way does the voltage go?\n"
  "@choice Up\n"
  "@choice* Down with every lithium added\n"
  "@answer It falls because μ rises: ANSWER-ONE.\n"
  "\n"
  "## Second step\n"
  "@page overview\n"
  "Paragraph two, with c<sub>α</sub>.\n"
  "\n"
  "@question Drag the marker to the left binodal.\n"
  "@marker free-energy binodal-low 0.03\n"
  "@answer At c = 0.021: ANSWER-TWO.\n";

static SpLesson *
test_lesson (void)
{
  g_autoptr(GError) error = NULL;
  SpLesson *lesson = sp_lesson_parse (lesson_text, -1, "check.lesson", &error);

  g_assert_no_error (error);
  sp_lesson_check (lesson, &error);
  g_assert_no_error (error);
  return lesson;
}

/* The textbook model's figures and table, and @lesson. */
static SpHandout *
new_handout (SpHandoutPaper  paper,
             const SpLesson *lesson)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SpPreset) preset = sp_presets_lookup ("textbook", &error);
  g_autoptr(SpAnalysis) analysis = NULL;
  SpHandout *handout = sp_handout_new (paper);
  SpFigureData data;

  g_assert_no_error (error);
  analysis = sp_analysis_new (&preset->model);
  sp_figure_data_init (&data);
  data.analysis = analysis;
  sp_handout_add_figure (handout, SP_FIGURE_FREE_ENERGY, &data);
  sp_handout_add_figure (handout, SP_FIGURE_OCV, &data);
  sp_handout_add_figure (handout, SP_FIGURE_PHASE_DIAGRAM, &data);
  sp_handout_add_model_parameters (handout, &preset->model);
  sp_handout_set_subtitle (handout, "Textbook subtitle");
  if (lesson != NULL)
    sp_handout_set_lesson (handout, lesson);
  return handout;
}

static char *
write_pdf (const SpHandout *handout,
           const char      *dir,
           const char      *name,
           guint           *n_pages)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  char *path = g_build_filename (dir, name, NULL);

  bytes = sp_handout_render (handout, n_pages, &error);
  g_assert_no_error (error);
  g_assert_cmpmem (g_bytes_get_data (bytes, NULL), 5, "%PDF-", 5);
  sp_handout_write (handout, path, &error);
  g_assert_no_error (error);
  return path;
}

static void
test_pages (void)
{
  g_autofree char *dir = test_tmpdir_new ("handout");
  g_autoptr(SpLesson) lesson = test_lesson ();
  g_autoptr(SpHandout) handout = new_handout (SP_HANDOUT_PAPER_A4, lesson);
  g_autofree char *path = NULL, *size = NULL, *all = NULL, *first = NULL, *last = NULL;
  g_autofree char *before_last = NULL;
  guint n_pages = 0;

  g_assert_cmpuint (sp_handout_get_n_figures (handout), ==, 3);
  /* Ω T s₁ K κ D₀ V₀ c₀ M: the textbook model has no L₁…L₄. */
  g_assert_cmpuint (sp_handout_get_n_parameters (handout), ==, 9);
  path = write_pdf (handout, dir, "handout.pdf", &n_pages);
  /* Title and table with one figure; two figures; the lesson; the answers. */
  g_assert_cmpuint (n_pages, ==, 4);
  g_assert_cmpuint (test_pdf_count_pages (path), ==, n_pages);
  size = test_pdf_page_size (path);
  g_assert_nonnull (strstr (size, "A4"));

  first = test_pdf_text (path, 1, 1);
  g_assert_nonnull (strstr (first, "Handout check"));       /* the lesson's title */
  g_assert_nonnull (strstr (first, "Textbook subtitle"));
  g_assert_nonnull (strstr (first, "Parameters"));
  g_assert_nonnull (strstr (first, "Interaction parameter"));
  g_assert_nonnull (strstr (first, "103.4"));
  g_assert_nonnull (strstr (first, "meV"));
  g_assert_nonnull (strstr (first, "site-blocking"));
  g_assert_nonnull (strstr (first, "Free energy"));         /* the figure's own title */

  all = test_pdf_text (path, 1, n_pages);
  g_assert_nonnull (strstr (all, "Step 1: First step"));
  g_assert_nonnull (strstr (all, "Paragraph two, with"));
  g_assert_nonnull (strstr (all, "Which way does the voltage go?"));
  g_assert_nonnull (strstr (all, "Down with every lithium added"));
  g_assert_nonnull (strstr (all, "Your estimate:"));

  /* The answers: on the last page, and nowhere before it. */
  last = test_pdf_text (path, n_pages, n_pages);
  g_assert_nonnull (strstr (last, "Answers"));
  g_assert_nonnull (strstr (last, "ANSWER-ONE"));
  g_assert_nonnull (strstr (last, "ANSWER-TWO"));
  g_assert_nonnull (strstr (last, "B Down with every lithium added"));
  g_assert_null (strstr (last, "Paragraph two"));
  before_last = test_pdf_text (path, 1, n_pages - 1);
  g_assert_null (strstr (before_last, "ANSWER-ONE"));
  g_assert_null (strstr (before_last, "ANSWER-TWO"));
  g_assert_null (strstr (before_last, "Answers"));

  g_assert_no_errno (g_remove (path));
  g_assert_no_errno (g_rmdir (dir));
}

static void
test_letter_without_lesson (void)
{
  g_autofree char *dir = test_tmpdir_new ("handout");
  g_autoptr(SpHandout) handout = new_handout (SP_HANDOUT_PAPER_LETTER, NULL);
  g_autofree char *path = NULL, *size = NULL, *all = NULL;
  guint n_pages = 0;

  g_assert_cmpint (sp_handout_get_paper (handout), ==, SP_HANDOUT_PAPER_LETTER);
  path = write_pdf (handout, dir, "letter.pdf", &n_pages);
  /* No lesson: the table and the figures only, no answers page. */
  g_assert_cmpuint (n_pages, ==, 2);
  g_assert_cmpuint (test_pdf_count_pages (path), ==, 2);
  size = test_pdf_page_size (path);
  g_assert_nonnull (strstr (size, "612 x 792"));
  all = test_pdf_text (path, 1, n_pages);
  g_assert_nonnull (strstr (all, "Spinodal"));
  g_assert_null (strstr (all, "Answers"));
  g_assert_null (strstr (all, "Step 1"));

  g_assert_no_errno (g_remove (path));
  g_assert_no_errno (g_rmdir (dir));
}

/* The Impedance page's model: its parameters with their units. */
static void
test_ceramic_parameters (void)
{
  g_autofree char *dir = test_tmpdir_new ("handout");
  g_autoptr(SpHandout) handout = sp_handout_new (SP_HANDOUT_PAPER_A4);
  const SpEisCeramicPreset *preset = sp_eis_ceramic_find_preset ("llzo");
  g_autofree char *path = NULL, *text = NULL;
  guint n_pages = 0;

  g_assert_nonnull (preset);
  sp_handout_add_ceramic_parameters (handout, &preset->model);
  g_assert_cmpuint (sp_handout_get_n_parameters (handout), ==, SP_EIS_CERAMIC_N_PARAMS + 1);
  path = write_pdf (handout, dir, "ceramic.pdf", &n_pages);
  g_assert_cmpuint (n_pages, ==, 1);
  text = test_pdf_text (path, 1, 1);
  g_assert_nonnull (strstr (text, "Impedance model"));
  g_assert_nonnull (strstr (text, "rb_ohm"));
  g_assert_nonnull (strstr (text, "400"));
  g_assert_nonnull (strstr (text, "cm²"));
  g_assert_nonnull (strstr (text, "eV"));

  g_assert_no_errno (g_remove (path));
  g_assert_no_errno (g_rmdir (dir));
}

/* A page's state as rows: numbers, strings and booleans in the page's
 * order with the unit of their key; objects, arrays and nulls skipped. */
static void
test_state_parameters (void)
{
  g_autofree char *dir = test_tmpdir_new ("handout");
  g_autoptr(SpHandout) handout = sp_handout_new (SP_HANDOUT_PAPER_A4);
  g_autoptr(JsonObject) state = json_object_new ();
  g_autofree char *path = NULL, *text = NULL;
  guint n_pages = 0;

  json_object_set_string_member (state, "mode", "live");
  json_object_set_double_member (state, "barrier_ev", 0.25);
  json_object_set_double_member (state, "attempt_hz", 1e13);
  json_object_set_int_member (state, "size", 32);
  json_object_set_boolean_member (state, "running", TRUE);
  json_object_set_null_member (state, "window_t0_ps");
  json_object_set_object_member (state, "data", json_object_new ());
  sp_handout_add_state_parameters (handout, "Lattice group", state);
  g_assert_cmpuint (sp_handout_get_n_parameters (handout), ==, 5);
  path = write_pdf (handout, dir, "state.pdf", &n_pages);
  text = test_pdf_text (path, 1, 1);
  g_assert_nonnull (strstr (text, "Lattice group"));
  g_assert_nonnull (strstr (text, "barrier_ev"));
  g_assert_nonnull (strstr (text, "1 × 10¹³"));
  g_assert_nonnull (strstr (text, "Hz"));
  g_assert_nonnull (strstr (text, "eV"));
  g_assert_nonnull (strstr (text, "true"));
  g_assert_null (strstr (text, "window_t0_ps"));
  g_assert_null (strstr (text, "data"));
  /* In the page's order. */
  g_assert_true (strstr (text, "mode") < strstr (text, "barrier_ev"));
  g_assert_true (strstr (text, "barrier_ev") < strstr (text, "running"));

  g_assert_no_errno (g_remove (path));
  g_assert_no_errno (g_rmdir (dir));
}

/* A path that cannot be written: a clear message naming it, no file, and
 * an old file at a good path stays as it was until a write succeeds. */
static void
test_bad_path (void)
{
  g_autofree char *dir = test_tmpdir_new ("handout");
  g_autofree char *blocker = g_build_filename (dir, "not-a-directory", NULL);
  g_autofree char *bad = g_build_filename (blocker, "handout.pdf", NULL);
  g_autoptr(SpHandout) handout = new_handout (SP_HANDOUT_PAPER_A4, NULL);
  g_autoptr(GError) error = NULL;

  /* A file where the path needs a directory: fails for root as well. */
  g_assert_true (g_file_set_contents (blocker, "x", 1, NULL));
  g_assert_false (sp_handout_write (handout, bad, &error));
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, bad));
  g_assert_false (g_file_test (bad, G_FILE_TEST_EXISTS));
  g_assert_cmpuint (test_tmpdir_count (dir), ==, 1);

  g_assert_no_errno (g_remove (blocker));
  g_assert_no_errno (g_rmdir (dir));
}

static void
test_paper_ids (void)
{
  SpHandoutPaper paper = SP_HANDOUT_PAPER_A4;
  double w, h;

  g_assert_true (sp_handout_paper_from_id ("Letter", &paper));
  g_assert_cmpint (paper, ==, SP_HANDOUT_PAPER_LETTER);
  g_assert_true (sp_handout_paper_from_id ("a4", &paper));
  g_assert_cmpint (paper, ==, SP_HANDOUT_PAPER_A4);
  g_assert_false (sp_handout_paper_from_id ("legal", &paper));
  g_assert_cmpstr (sp_handout_paper_to_id (SP_HANDOUT_PAPER_LETTER), ==, "letter");
  sp_handout_paper_size (SP_HANDOUT_PAPER_A4, &w, &h);
  /* 210 × 297 mm in points. */
  g_assert_cmpfloat_with_epsilon (w, 210.0 / 25.4 * 72.0, 1e-3);
  g_assert_cmpfloat_with_epsilon (h, 297.0 / 25.4 * 72.0, 1e-3);
  sp_handout_paper_size (SP_HANDOUT_PAPER_LETTER, &w, &h);
  g_assert_cmpfloat (w, ==, 612.0);
  g_assert_cmpfloat (h, ==, 792.0);

  g_setenv ("LC_ALL", "en_US.UTF-8", TRUE);
  g_assert_cmpint (sp_handout_paper_default (), ==, SP_HANDOUT_PAPER_LETTER);
  g_setenv ("LC_ALL", "de_DE.UTF-8", TRUE);
  g_assert_cmpint (sp_handout_paper_default (), ==, SP_HANDOUT_PAPER_A4);
  g_setenv ("LC_ALL", "C.UTF-8", TRUE);
}

int
main (int    argc,
      char **argv)
{
  sp_gsl_init ();
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/handout/pages", test_pages);
  g_test_add_func ("/handout/letter-without-lesson", test_letter_without_lesson);
  g_test_add_func ("/handout/ceramic-parameters", test_ceramic_parameters);
  g_test_add_func ("/handout/state-parameters", test_state_parameters);
  g_test_add_func ("/handout/bad-path", test_bad_path);
  g_test_add_func ("/handout/paper-ids", test_paper_ids);
  return g_test_run ();
}
