/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-app-handout.c — the window's Export Handout: the action, the PDF of
 * the lab on show (Phase Separation, Impedance) with the lesson on show and
 * its answers on the last page, written off the main thread with a toast,
 * and a path that cannot be written (a toast naming it, no file)
 *
 * Runs in the 'gui' suite (xvfb-run + dbus-run-session). */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "sp-gsl.h"
#include "sp-window-handout.h"
#include "sp-window-lesson.h"

#include "test-app-helpers.h"
#include "test-export-helpers.h"
#include "test-pdf-helpers.h"
#include "test-tmpdir.h"

static GtkWidget *
toasts (SpWindow *window)
{
  return GTK_WIDGET (template_child (window, SP_TYPE_WINDOW, "toast_overlay"));
}

/* Writes the handout of @window to @path and waits for its toast. */
static void
write_and_wait (SpWindow       *window,
                const char     *path,
                SpHandoutPaper  paper,
                const char     *toast)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *text = NULL;

  sp_window_handout_write (window, file, paper);
  text = test_wait_for_text (toasts (window), toast, 60.0);
}

static void
test_action (void)
{
  SpWindow *window = new_window ();

  g_assert_true (test_action_enabled (window, "win.export-handout"));
  close_window (window);
}

/* The real save dialog: the suggested name is the preset's, a name typed
 * without ".pdf" gets it, and Cancel writes nothing. */
static void
test_chooser (void)
{
  g_autofree char *dir = test_tmpdir_new ("app-handout");
  g_autofree char *path = g_build_filename (dir, "class.pdf", NULL);
  g_autofree char *text = NULL;
  SpWindow *window = new_window ();
  GtkFileChooser *chooser;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.export-handout", NULL));
  chooser = test_wait_for_chooser ();
  g_assert_cmpstr (gtk_file_chooser_get_current_name (chooser), ==, "lifepo4-handout.pdf");
  g_assert_nonnull (gtk_file_chooser_get_choice (chooser, "paper"));
  test_answer_chooser (chooser, dir, "class");
  g_free (test_wait_for_text (toasts (window), "Handout exported", 60.0));
  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
  g_assert_true (g_str_has_prefix (text, "%PDF-"));
  g_assert_cmpuint (test_tmpdir_count (dir), ==, 1);

  /* Cancel: the dialog goes, nothing more is written. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.export-handout", NULL));
  chooser = test_wait_for_chooser ();
  gtk_dialog_response (GTK_DIALOG (chooser), GTK_RESPONSE_CANCEL);
  flush_main_loop ();
  g_assert_cmpuint (test_tmpdir_count (dir), ==, 1);

  close_window (window);
  test_tmpdir_remove (dir);
}

static void
test_phase_separation (void)
{
  g_autofree char *dir = test_tmpdir_new ("app-handout");
  g_autofree char *path = g_build_filename (dir, "plain.pdf", NULL);
  SpWindow *window = new_window ();
  g_autofree char *first = NULL, *all = NULL;
  guint n_pages;

  write_and_wait (window, path, SP_HANDOUT_PAPER_A4, "Handout exported");
  n_pages = test_pdf_count_pages (path);
  /* Title and table with g(c); two figures a page after it. */
  g_assert_cmpuint (n_pages, >=, 3);
  first = test_pdf_text (path, 1, 1);
  g_assert_nonnull (strstr (first, "Parameters"));
  g_assert_nonnull (strstr (first, "Phase separation"));
  g_assert_nonnull (strstr (first, "Interaction parameter"));
  all = test_pdf_text (path, 1, n_pages);
  g_assert_nonnull (strstr (all, "Open-circuit voltage"));
  g_assert_nonnull (strstr (all, "Phase diagram"));
  g_assert_null (strstr (all, "Answers"));
  g_assert_null (strstr (all, "Impedance model"));

  close_window (window);
  g_assert_no_errno (g_remove (path));
  g_assert_no_errno (g_rmdir (dir));
}

static void
test_lesson_on_show (void)
{
  g_autofree char *dir = test_tmpdir_new ("app-handout");
  g_autofree char *path = g_build_filename (dir, "voltage.pdf", NULL);
  SpWindow *window = new_window ();
  SpLessonRunner *runner = sp_window_get_lesson_runner (window);
  gint64 deadline = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;
  g_autofree char *first = NULL, *last = NULL, *before = NULL;
  guint n_pages;

  sp_window_open_lesson (window, "voltage");
  while (g_strcmp0 (sp_lesson_runner_get_source (runner), "voltage") != 0)
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, FALSE);
    }
  /* Step 2: LiFePO₄, the table shows its parameters. */
  g_assert_true (sp_window_lesson_go_to (window, 1));
  flush_main_loop ();

  write_and_wait (window, path, SP_HANDOUT_PAPER_LETTER, "Handout exported");
  n_pages = test_pdf_count_pages (path);
  first = test_pdf_text (path, 1, 1);
  g_assert_nonnull (strstr (first, "From free energy to voltage"));
  g_assert_nonnull (strstr (first, "LiFePO₄"));
  g_assert_nonnull (strstr (first, "115.8"));
  last = test_pdf_text (path, n_pages, n_pages);
  g_assert_nonnull (strstr (last, "Answers"));
  g_assert_nonnull (strstr (last, "hysteresis"));
  before = test_pdf_text (path, 1, n_pages - 1);
  g_assert_nonnull (strstr (before, "Where is its plateau?"));
  g_assert_null (strstr (before, "hysteresis"));

  sp_window_close_lesson (window);
  close_window (window);
  g_assert_no_errno (g_remove (path));
  g_assert_no_errno (g_rmdir (dir));
}

static void
test_impedance (void)
{
  g_autofree char *dir = test_tmpdir_new ("app-handout");
  g_autofree char *path = g_build_filename (dir, "impedance.pdf", NULL);
  SpWindow *window = new_window ();
  g_autofree char *all = NULL;
  guint n_pages;

  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "impedance");
  flush_main_loop ();
  write_and_wait (window, path, SP_HANDOUT_PAPER_A4, "Handout exported");
  n_pages = test_pdf_count_pages (path);
  all = test_pdf_text (path, 1, n_pages);
  g_assert_nonnull (strstr (all, "Impedance model"));
  g_assert_nonnull (strstr (all, "rb_ohm"));
  g_assert_nonnull (strstr (all, "Nyquist"));
  g_assert_null (strstr (all, "Phase separation"));

  close_window (window);
  g_assert_no_errno (g_remove (path));
  g_assert_no_errno (g_rmdir (dir));
}

static void
test_hopping (void)
{
  g_autofree char *dir = test_tmpdir_new ("app-handout");
  g_autofree char *path = g_build_filename (dir, "hopping.pdf", NULL);
  SpWindow *window = new_window ();
  g_autofree char *first = NULL;

  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "hopping");
  flush_main_loop ();
  write_and_wait (window, path, SP_HANDOUT_PAPER_A4, "Handout exported");
  first = test_pdf_text (path, 1, 1);
  g_assert_nonnull (strstr (first, "Hopping & Diffusion"));
  g_assert_nonnull (strstr (first, "barrier_ev"));
  g_assert_null (strstr (first, "Phase separation"));
  g_assert_null (strstr (first, "Impedance model"));

  close_window (window);
  g_assert_no_errno (g_remove (path));
  g_assert_no_errno (g_rmdir (dir));
}

static void
test_failure (void)
{
  g_autofree char *dir = test_tmpdir_new ("app-handout");
  g_autofree char *blocker = g_build_filename (dir, "file", NULL);
  g_autofree char *path = g_build_filename (blocker, "handout.pdf", NULL);
  SpWindow *window = new_window ();

  g_assert_true (g_file_set_contents (blocker, "x", 1, NULL));
  write_and_wait (window, path, SP_HANDOUT_PAPER_A4, path);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  g_assert_cmpuint (test_tmpdir_count (dir), ==, 1);

  close_window (window);
  g_assert_no_errno (g_remove (blocker));
  g_assert_no_errno (g_rmdir (dir));
}

int
main (int    argc,
      char **argv)
{
  int status;

  sp_gsl_init ();
  g_test_init (&argc, &argv, NULL);
  test_app_init ();

  g_test_add_func ("/app/handout/action", test_action);
  g_test_add_func ("/app/handout/chooser", test_chooser);
  g_test_add_func ("/app/handout/phase-separation", test_phase_separation);
  g_test_add_func ("/app/handout/lesson-on-show", test_lesson_on_show);
  g_test_add_func ("/app/handout/impedance", test_impedance);
  g_test_add_func ("/app/handout/hopping", test_hopping);
  g_test_add_func ("/app/handout/failure", test_failure);

  status = g_test_run ();
  g_clear_object (&app);
  return status;
}
