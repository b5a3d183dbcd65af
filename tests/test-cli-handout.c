/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-cli-handout.c — `spinodal-cli export --handout`: a shipped lesson,
 * a lesson file and a session's lesson at its step, each PDF read back
 * with pdfinfo and pdftotext (pages, the title, a question, the parameter
 * table, the answers on the last page); bad flags and paths give a clear
 * message and leave no file */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "cli-runner.h"
#include "sp-gsl.h"
#include "sp-session.h"
#include "test-pdf-helpers.h"
#include "test-tmpdir.h"

static void
handout_ok (const char *const *args)
{
  g_auto(Run) run = { 0 };

  run_cli (args, &run);
  if (run.status != 0)
    g_error ("export --handout failed (%d): %s", run.status, run.err);
  g_assert_cmpstr (run.out, ==, "");
  g_assert_cmpstr (run.err, ==, "");
}

/* The answers are on the last page and on no other. */
static void
assert_answers_last (const char *path,
                     guint       n_pages,
                     const char *answer)
{
  g_autofree char *last = test_pdf_text (path, n_pages, n_pages);
  g_autofree char *before = test_pdf_text (path, 1, n_pages - 1);

  g_assert_nonnull (strstr (last, "Answers"));
  g_assert_nonnull (strstr (last, answer));
  g_assert_null (strstr (before, "Answers"));
  g_assert_null (strstr (before, answer));
}

/* A shipped lesson on the Impedance page: its figures and table. */
static void
test_shipped_lesson (void)
{
  g_autofree char *dir = test_tmpdir_new ("cli-handout");
  g_autofree char *path = g_build_filename (dir, "impedance.pdf", NULL);
  const char *args[] = { "export", "--handout", "--lesson", "impedance", "--paper", "letter",
                         "-o", path, NULL };
  g_autofree char *size = NULL, *first = NULL, *all = NULL;
  guint n_pages;

  handout_ok (args);
  n_pages = test_pdf_count_pages (path);
  /* Title and table; Nyquist and Bode; seven steps; the answers. */
  g_assert_cmpuint (n_pages, >=, 4);
  size = test_pdf_page_size (path);
  g_assert_nonnull (strstr (size, "612 x 792"));
  first = test_pdf_text (path, 1, 1);
  g_assert_nonnull (strstr (first, "Reading an impedance"));
  g_assert_nonnull (strstr (first, "Impedance model"));
  /* The lesson's first step set the Li₆PS₅Cl pellet at 233.15 K. */
  g_assert_nonnull (strstr (first, "rb_ohm"));
  g_assert_nonnull (strstr (first, "233.15"));
  g_assert_null (strstr (first, "Phase separation"));
  all = test_pdf_text (path, 1, n_pages);
  g_assert_nonnull (strstr (all, "Nyquist"));
  g_assert_nonnull (strstr (all, "Which feature belongs to the highest frequencies?"));
  /* The apex the figure labels is the one the lesson quotes. */
  g_assert_nonnull (strstr (all, "5.18 MHz"));
  assert_answers_last (path, n_pages, "sintering");

  g_assert_no_errno (g_remove (path));
  g_assert_no_errno (g_rmdir (dir));
}

/* A lesson on the Hopping & Diffusion page: the lattice it sets, no
 * phase-separation model. */
static void
test_hopping_lesson (void)
{
  g_autofree char *dir = test_tmpdir_new ("cli-handout");
  g_autofree char *path = g_build_filename (dir, "diffusion.pdf", NULL);
  const char *args[] = { "export", "--handout", "--lesson", "diffusion-error", "-o", path, NULL };
  g_autofree char *first = NULL;
  guint n_pages;

  handout_ok (args);
  n_pages = test_pdf_count_pages (path);
  first = test_pdf_text (path, 1, 1);
  g_assert_nonnull (strstr (first, "Where a diffusion coefficient"));
  g_assert_nonnull (strstr (first, "Hopping & Diffusion"));
  g_assert_nonnull (strstr (first, "barrier_ev"));
  g_assert_nonnull (strstr (first, "dilute"));          /* the first step's lattice */
  g_assert_null (strstr (first, "Phase separation"));
  assert_answers_last (path, n_pages, "percolate");

  g_assert_no_errno (g_remove (path));
  g_assert_no_errno (g_rmdir (dir));
}

/* A lesson file of one's own, A4. */
static void
test_lesson_file (void)
{
  g_autofree char *dir = test_tmpdir_new ("cli-handout");
  g_autofree char *lesson = g_build_filename (dir, "own.lesson", NULL);
  g_autofree char *path = g_build_filename (dir, "own.pdf", NULL);
  const char *args[] = { "export", "--handout", "--lesson", lesson, "--paper", "a4",
                         "-o", path, NULL };
  const char *text =
    "# My own lesson\n"
    "\n"
    "## Only step\n"
    "@page overview\n"
    "@preset lifepo4\n"
    "Read the plateau.\n"
    "\n"
    "@question Where is the plateau?\n"
    "@choice* At 3.422 V\n"
    "@choice At 3.4654 V\n"
    "@answer V₀ − K/e: OWN-ANSWER.\n";
  g_autofree char *size = NULL, *first = NULL, *all = NULL;
  guint n_pages;

  g_assert_true (g_file_set_contents (lesson, text, -1, NULL));
  handout_ok (args);
  n_pages = test_pdf_count_pages (path);
  size = test_pdf_page_size (path);
  g_assert_nonnull (strstr (size, "A4"));
  first = test_pdf_text (path, 1, 1);
  g_assert_nonnull (strstr (first, "My own lesson"));
  g_assert_nonnull (strstr (first, "Parameters"));
  g_assert_nonnull (strstr (first, "Interaction parameter"));
  g_assert_nonnull (strstr (first, "115.8"));              /* the preset the step sets */
  g_assert_nonnull (strstr (first, "43.4"));
  all = test_pdf_text (path, 1, n_pages);
  g_assert_nonnull (strstr (all, "Where is the plateau?"));
  g_assert_nonnull (strstr (all, "Open-circuit voltage"));
  assert_answers_last (path, n_pages, "OWN-ANSWER");

  g_assert_no_errno (g_remove (path));
  g_assert_no_errno (g_remove (lesson));
  g_assert_no_errno (g_rmdir (dir));
}

/* A session showing a lesson at a step: the handout is that lesson with
 * the parameters of that step (nucleation, step 5: c₀ = 0.4). */
static void
test_session_lesson (void)
{
  g_autofree char *dir = test_tmpdir_new ("cli-handout");
  g_autofree char *session_path = g_build_filename (dir, "class.spinodal", NULL);
  g_autofree char *path = g_build_filename (dir, "class.pdf", NULL);
  g_autofree char *plain = g_build_filename (dir, "plain.pdf", NULL);
  const char *args[] = { "export", "--handout", "--session", session_path, "-o", path, NULL };
  const char *plain_args[] = { "export", "--handout", "--preset", "lto", "-o", plain, NULL };
  g_auto(SpSession) session = { 0 };
  g_autoptr(GError) error = NULL;
  g_autofree char *first = NULL, *text = NULL;
  guint n_pages;

  sp_session_init_default (&session);
  session.lesson = g_strdup ("nucleation");
  session.lesson_step = 4;
  sp_session_save (&session, session_path, &error);
  g_assert_no_error (error);

  handout_ok (args);
  n_pages = test_pdf_count_pages (path);
  first = test_pdf_text (path, 1, 1);
  g_assert_nonnull (strstr (first, "Spinodal or nucleation"));
  g_assert_nonnull (strstr (first, "Mean composition"));
  g_assert_nonnull (strstr (first, "0.4\n"));
  assert_answers_last (path, n_pages, "farther");

  /* Without a lesson: the preset's name, the table and the figures. */
  handout_ok (plain_args);
  n_pages = test_pdf_count_pages (plain);
  g_assert_cmpuint (n_pages, ==, 3);
  text = test_pdf_text (plain, 1, n_pages);
  g_assert_nonnull (strstr (text, "Li₄Ti₅O₁₂"));
  g_assert_nonnull (strstr (text, "89.3"));
  g_assert_null (strstr (text, "Answers"));

  g_assert_no_errno (g_remove (path));
  g_assert_no_errno (g_remove (plain));
  g_assert_no_errno (g_remove (session_path));
  g_assert_no_errno (g_rmdir (dir));
}

static void
test_usage (void)
{
  g_autofree char *dir = test_tmpdir_new ("cli-handout");
  g_autofree char *path = g_build_filename (dir, "h.pdf", NULL);
  g_autofree char *png = g_build_filename (dir, "h.png", NULL);
  const char *paper[] = { "export", "--handout", "--paper", "legal", "-o", path, NULL };
  const char *name[] = { "export", "--handout", "-o", png, NULL };
  const char *lesson[] = { "export", "--handout", "--lesson", "no-such-lesson", "-o", path, NULL };
  const char *alone[] = { "export", "--lesson", "mixing", "-o", path, NULL };
  const char *figure[] = { "export", "--handout", "--figure", "ocv", "-o", path, NULL };
  const char *output[] = { "export", "--handout", NULL };

  run_cli_expect_usage (paper, "spinodal-cli export:", "“legal” is not a paper size");
  run_cli_expect_usage (name, "spinodal-cli export:", "writes a PDF file");
  run_cli_expect_usage (lesson, "spinodal-cli export:", "no-such-lesson");
  run_cli_expect_usage (alone, "spinodal-cli export:", "apply to --handout only");
  run_cli_expect_usage (figure, "spinodal-cli export:", "--figure");
  run_cli_expect_usage (output, "spinodal-cli export:", "-o FILE is required");
  g_assert_cmpuint (test_tmpdir_count (dir), ==, 0);
  g_assert_no_errno (g_rmdir (dir));
}

/* A directory that cannot take the file: exit 1, a message naming the
 * path, nothing written. */
static void
test_unwritable (void)
{
  g_autofree char *dir = test_tmpdir_new ("cli-handout");
  g_autofree char *blocker = g_build_filename (dir, "file", NULL);
  g_autofree char *path = g_build_filename (blocker, "h.pdf", NULL);
  const char *args[] = { "export", "--handout", "--lesson", "mixing", "-o", path, NULL };
  g_auto(Run) run = { 0 };

  g_assert_true (g_file_set_contents (blocker, "x", 1, NULL));
  run_cli (args, &run);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_true (g_str_has_prefix (run.err, "spinodal-cli export:"));
  g_assert_nonnull (strstr (run.err, path));
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  g_assert_cmpuint (test_tmpdir_count (dir), ==, 1);

  g_assert_no_errno (g_remove (blocker));
  g_assert_no_errno (g_rmdir (dir));
}

int
main (int    argc,
      char **argv)
{
  cli_runner_init (&argc, &argv);
  sp_gsl_init ();
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/cli-handout/shipped-lesson", test_shipped_lesson);
  g_test_add_func ("/cli-handout/hopping-lesson", test_hopping_lesson);
  g_test_add_func ("/cli-handout/lesson-file", test_lesson_file);
  g_test_add_func ("/cli-handout/session-lesson", test_session_lesson);
  g_test_add_func ("/cli-handout/usage", test_usage);
  g_test_add_func ("/cli-handout/unwritable", test_unwritable);
  return g_test_run ();
}
