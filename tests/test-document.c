/* test-document.c — SpDocument without a window: untitled and titled
 * modified tracking, the title and folder, busy, save → load → revert,
 * a change made while saving, and failures that name the file or the field
 * and change nothing; the pages' states (sp-document-pages.c) with a
 * test-only page (needs a display: skipped without one)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "sp-document.h"
#include "sp-gsl.h"
#include "sp-params-session.h"
#include "sp-presets.h"

#include "test-tmpdir.h"
#include "test-transport-page.h"

static GAsyncResult *
wait_result (GAsyncResult **slot)
{
  while (*slot == NULL)
    g_main_context_iteration (NULL, TRUE);
  return *slot;
}

static void
store_result (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

static void
count_notify (GObject    *object,
              GParamSpec *pspec,
              gpointer    user_data)
{
  (*(guint *) user_data)++;
}

static gboolean
save (SpDocument  *document,
      GFile       *file,
      GError     **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  sp_document_save_async (document, file, NULL, store_result, &result);
  g_assert_true (sp_document_get_busy (document));
  return sp_document_save_finish (document, wait_result (&result), error);
}

static gboolean
load (SpDocument  *document,
      GFile       *file,
      GError     **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  sp_document_load_async (document, file, NULL, store_result, &result);
  g_assert_true (sp_document_get_busy (document));
  return sp_document_load_finish (document, wait_result (&result), error);
}

static void
test_untitled (void)
{
  g_autoptr(SpParams) params = sp_params_new ();
  g_autoptr(SpDocument) document = sp_document_new (params);
  guint modified_notes = 0;
  double omega;

  g_assert_null (sp_document_get_file (document));
  g_assert_cmpstr (sp_document_get_title (document), ==, "");
  g_assert_cmpstr (sp_document_get_subtitle (document), ==, "");
  g_assert_false (sp_document_get_busy (document));
  /* Fresh parameters are their preset's own. */
  g_assert_false (sp_document_get_modified (document));

  g_signal_connect (document, "notify::modified", G_CALLBACK (count_notify), &modified_notes);
  g_object_get (params, "omega", &omega, NULL);
  g_object_set (params, "omega", omega + 5.0, NULL);
  g_assert_true (sp_document_get_modified (document));
  g_assert_cmpuint (modified_notes, ==, 1);
  /* Untitled has no file to name: the title stays empty. */
  g_assert_cmpstr (sp_document_get_title (document), ==, "");
  /* Back to the preset's value: compared by value, no longer modified. */
  g_object_set (params, "omega", omega, NULL);
  g_assert_false (sp_document_get_modified (document));
  g_assert_cmpuint (modified_notes, ==, 2);

  /* Presentation mode is how the window looks, not the session. */
  g_object_set (params, "presentation", TRUE, NULL);
  g_assert_false (sp_document_get_modified (document));
  g_assert_cmpuint (modified_notes, ==, 2);

  /* Save As… suggests the preset's name while untitled. */
  {
    g_autofree char *name = sp_document_suggest_name (document);
    g_autoptr(SpPreset) preset = sp_presets_lookup (sp_params_get_preset (params), NULL);

    g_assert_nonnull (preset);
    g_assert_cmpstr (name, ==, preset->name);
  }
}

static void
test_busy (void)
{
  g_autoptr(SpParams) params = sp_params_new ();
  g_autoptr(SpDocument) document = sp_document_new (params);
  guint busy_notes = 0;

  g_signal_connect (document, "notify::busy", G_CALLBACK (count_notify), &busy_notes);
  sp_document_hold (document);
  sp_document_hold (document);
  g_assert_true (sp_document_get_busy (document));
  sp_document_release (document);
  g_assert_true (sp_document_get_busy (document));
  sp_document_release (document);
  g_assert_false (sp_document_get_busy (document));
  /* Once on, once off: nested holds are one busy spell. */
  g_assert_cmpuint (busy_notes, ==, 2);
}

static void
test_save_load_revert (void)
{
  g_autofree char *dir = test_tmpdir_new ("test-document");
  g_autofree char *path = g_build_filename (dir, "run.spinodal", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(SpParams) params = sp_params_new ();
  g_autoptr(SpDocument) document = sp_document_new (params);
  g_autoptr(SpParams) other_params = sp_params_new ();
  g_autoptr(SpDocument) other = sp_document_new (other_params);
  g_autoptr(GError) error = NULL;
  g_autofree char *folder = NULL;
  g_auto(SpSession) mine = { 0 };
  g_auto(SpSession) theirs = { 0 };
  double omega;

  g_object_set (params, "omega", 101.25, "kappa", 333.5, "seed", (guint64) 4242, NULL);
  g_assert_true (save (document, file, &error));
  g_assert_no_error (error);
  g_assert_false (sp_document_get_busy (document));
  g_assert_true (g_file_equal (sp_document_get_file (document), file));
  g_assert_false (sp_document_get_modified (document));
  g_assert_cmpstr (sp_document_get_title (document), ==, "run.spinodal");
  /* The folder as the user knows it: a temporary folder is outside home. */
  folder = g_filename_display_name (dir);
  g_assert_cmpstr (sp_document_get_subtitle (document), ==, folder);

  /* A change shows in the title; saving to the same file clears it. */
  g_object_set (params, "omega", 102.5, NULL);
  g_assert_true (sp_document_get_modified (document));
  g_assert_cmpstr (sp_document_get_title (document), ==, "• run.spinodal");
  g_assert_true (save (document, NULL, &error));
  g_assert_false (sp_document_get_modified (document));
  g_assert_cmpstr (sp_document_get_title (document), ==, "run.spinodal");

  /* Reading alone shows nothing: the caller asks its question first. */
  {
    g_autoptr(GAsyncResult) result = NULL;
    g_autoptr(SpSession) read = NULL;

    sp_document_read_async (other, file, NULL, store_result, &result);
    read = sp_document_read_finish (other, wait_result (&result), &error);
    g_assert_no_error (error);
    g_assert_nonnull (read);
    g_assert_cmpfloat (read->sim.model.omega, ==, 102.5);
    g_assert_null (sp_document_get_file (other));
    g_object_get (other_params, "omega", &omega, NULL);
    g_assert_cmpfloat (omega, !=, 102.5);
  }

  /* Another document loads exactly what was saved. */
  g_assert_true (load (other, file, &error));
  g_assert_no_error (error);
  g_assert_false (sp_document_get_busy (other));
  g_assert_true (g_file_equal (sp_document_get_file (other), file));
  g_assert_false (sp_document_get_modified (other));
  sp_document_get_session (document, &mine);
  sp_document_get_session (other, &theirs);
  g_assert_true (sp_session_equal (&mine, &theirs));
  g_object_get (other_params, "omega", &omega, NULL);
  g_assert_cmpfloat (omega, ==, 102.5);

  /* Revert drops unsaved changes. */
  g_object_set (params, "omega", 77.0, "kappa", 12.0, NULL);
  g_assert_true (sp_document_get_modified (document));
  {
    g_autoptr(GAsyncResult) result = NULL;

    sp_document_revert_async (document, NULL, store_result, &result);
    g_assert_true (sp_document_revert_finish (document, wait_result (&result), &error));
    g_assert_no_error (error);
  }
  g_assert_false (sp_document_get_modified (document));
  g_object_get (params, "omega", &omega, NULL);
  g_assert_cmpfloat (omega, ==, 102.5);

  test_tmpdir_remove (dir);
}

/* The parameters are taken when the save starts: a change made while the
 * file is written is still unsaved afterwards. */
static void
test_change_while_saving (void)
{
  g_autofree char *dir = test_tmpdir_new ("test-document");
  g_autofree char *path = g_build_filename (dir, "moving.spinodal", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(SpParams) params = sp_params_new ();
  g_autoptr(SpDocument) document = sp_document_new (params);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;

  g_object_set (params, "omega", 90.5, NULL);
  sp_document_save_async (document, file, NULL, store_result, &result);
  g_object_set (params, "omega", 91.5, NULL);
  g_assert_true (sp_document_save_finish (document, wait_result (&result), &error));
  g_assert_no_error (error);
  g_assert_true (sp_document_get_modified (document));
  g_assert_cmpstr (sp_document_get_title (document), ==, "• moving.spinodal");
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_nonnull (strstr (contents, "90.5"));
  g_assert_null (strstr (contents, "91.5"));

  test_tmpdir_remove (dir);
}

/* Failures name the file or the field, and leave the document and the
 * parameters as they were. */
static void
test_errors (void)
{
  g_autofree char *dir = test_tmpdir_new ("test-document");
  g_autofree char *missing_path = g_build_filename (dir, "missing.spinodal", NULL);
  g_autofree char *bad_path = g_build_filename (dir, "bad.spinodal", NULL);
  g_autofree char *range_path = g_build_filename (dir, "range.spinodal", NULL);
  g_autofree char *unwritable_path = g_build_filename (dir, "no-such-folder", "x.spinodal", NULL);
  g_autoptr(GFile) missing = g_file_new_for_path (missing_path);
  g_autoptr(GFile) bad = g_file_new_for_path (bad_path);
  g_autoptr(GFile) range = g_file_new_for_path (range_path);
  g_autoptr(GFile) unwritable = g_file_new_for_path (unwritable_path);
  g_autoptr(SpParams) params = sp_params_new ();
  g_autoptr(SpDocument) document = sp_document_new (params);
  g_autoptr(GError) error = NULL;
  g_auto(SpSession) before = { 0 };
  g_auto(SpSession) after = { 0 };

  g_object_set (params, "omega", 95.0, NULL);
  sp_document_get_session (document, &before);

  g_assert_false (load (document, missing, &error));
  g_assert_error (error, SP_SESSION_ERROR, SP_SESSION_ERROR_IO);
  g_assert_nonnull (strstr (error->message, "missing.spinodal"));
  g_clear_error (&error);

  g_assert_true (g_file_set_contents (bad_path, "{\"format\": \"spinodal-session\", \"version\": 1,"
                                                " \"model\": {\"kappa\": \"soft\"}}", -1, NULL));
  g_assert_false (load (document, bad, &error));
  g_assert_error (error, SP_SESSION_ERROR, SP_SESSION_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "session.model.kappa"));
  g_clear_error (&error);

  /* Valid for the core, outside the explorer's slider: refused by the
   * read, before any question. */
  {
    g_auto(SpSession) wide = { 0 };
    g_autofree char *data = NULL;
    gsize length;

    sp_session_init_default (&wide);
    wide.sim.model.omega = 800.0;
    data = sp_session_to_data (&wide, &length, &error);
    g_assert_no_error (error);
    g_assert_true (g_file_set_contents (range_path, data, length, NULL));
  }
  {
    g_autoptr(GAsyncResult) result = NULL;
    SpSession *read;

    sp_document_read_async (document, range, NULL, store_result, &result);
    read = sp_document_read_finish (document, wait_result (&result), &error);
    g_assert_null (read);
    g_assert_error (error, SP_SESSION_ERROR, SP_SESSION_ERROR_INVALID);
    g_assert_nonnull (strstr (error->message, "session.model.omega"));
    g_clear_error (&error);
  }

  g_assert_false (save (document, unwritable, &error));
  g_assert_error (error, SP_SESSION_ERROR, SP_SESSION_ERROR_IO);
  g_assert_nonnull (strstr (error->message, "x.spinodal"));
  g_clear_error (&error);

  /* Nothing changed, nothing stuck busy. */
  g_assert_null (sp_document_get_file (document));
  g_assert_false (sp_document_get_busy (document));
  g_assert_true (sp_document_get_modified (document));
  sp_document_get_session (document, &after);
  g_assert_true (sp_session_equal (&before, &after));
  {
    GAsyncResult *result = NULL;

    /* Untitled: nothing to revert to. */
    sp_document_revert_async (document, NULL, store_result, &result);
    g_assert_false (sp_document_revert_finish (document, wait_result (&result), &error));
    g_assert_error (error, SP_SESSION_ERROR, SP_SESSION_ERROR_IO);
    g_clear_error (&error);
    g_object_unref (result);
  }

  test_tmpdir_remove (dir);
}

/* A file without a preset stays without one when saved again. */
static void
test_no_preset (void)
{
  g_autofree char *dir = test_tmpdir_new ("test-document");
  g_autofree char *path = g_build_filename (dir, "plain.spinodal", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(SpParams) params = sp_params_new ();
  g_autoptr(SpDocument) document = sp_document_new (params);
  g_autoptr(GError) error = NULL;
  g_auto(SpSession) plain = { 0 };
  g_auto(SpSession) now = { 0 };
  g_autofree char *data = NULL;
  gsize length;

  sp_session_init_default (&plain);
  g_clear_pointer (&plain.preset, g_free);
  data = sp_session_to_data (&plain, &length, &error);
  g_assert_no_error (error);
  g_assert_true (g_file_set_contents (path, data, length, NULL));

  g_assert_true (load (document, file, &error));
  g_assert_no_error (error);
  g_assert_false (sp_document_get_modified (document));
  sp_document_get_session (document, &now);
  g_assert_null (now.preset);

  test_tmpdir_remove (dir);
}

/* Pages with state: saved, compared, loaded, refused, and a file's pages
 * no page here has kept, named in order. */
static void
test_pages (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(SpParams) params = NULL;
  g_autoptr(SpDocument) document = NULL;
  g_autoptr(SpParams) other_params = NULL;
  g_autoptr(SpDocument) other = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(SpSession) session = { 0 };
  g_autoptr(JsonObject) pages = json_object_new ();
  g_autoptr(JsonObject) bad = json_object_new ();
  SpLabPage *a, *b, *other_a;
  const char * const *unknown;

  if (!gtk_init_check ())
    {
      g_test_skip ("pages are widgets: no display");
      return;
    }
  dir = test_tmpdir_new ("test-document");
  path = g_build_filename (dir, "pages.spinodal", NULL);
  file = g_file_new_for_path (path);
  params = sp_params_new ();
  document = sp_document_new (params);
  other_params = sp_params_new ();
  other = sp_document_new (other_params);
  a = g_object_ref_sink (test_transport_page_new ("transport-a", NULL));
  b = g_object_ref_sink (test_transport_page_new ("transport-b", NULL));
  other_a = g_object_ref_sink (test_transport_page_new ("transport-a", NULL));

  sp_document_add_page (document, a);
  sp_document_add_page (document, b);
  sp_document_add_page (other, other_a);
  g_assert_false (sp_document_get_modified (document));
  test_transport_page_set_resistance (b, 5.0);
  g_assert_true (sp_document_get_modified (document));
  sp_document_get_session (document, &session);
  g_assert_cmpfloat (json_object_get_double_member (sp_session_get_page (&session, "transport-b"),
                                                    "resistance_ohm"), ==, 5.0);
  g_assert_cmpfloat (json_object_get_double_member (sp_session_get_page (&session, "transport-a"),
                                                    "resistance_ohm"), ==, TEST_RESISTANCE_DEFAULT);

  /* Saved; another document with transport-a only: it loads that page,
   * keeps transport-b as the file holds it and names it. */
  test_transport_page_set_resistance (a, 42.0);
  g_assert_true (save (document, file, &error));
  g_assert_no_error (error);
  g_assert_false (sp_document_get_modified (document));
  g_assert_true (load (other, file, &error));
  g_assert_no_error (error);
  g_assert_cmpfloat (test_transport_page_get_resistance (other_a), ==, 42.0);
  g_assert_false (sp_document_get_modified (other));
  unknown = sp_document_get_unknown_pages (other);
  g_assert_nonnull (unknown);
  g_assert_cmpstr (unknown[0], ==, "transport-b");
  g_assert_null (unknown[1]);
  sp_session_clear (&session);
  sp_document_get_session (other, &session);
  g_assert_cmpfloat (json_object_get_double_member (sp_session_get_page (&session, "transport-b"),
                                                    "resistance_ohm"), ==, 5.0);

  /* Unknown names come sorted. */
  json_object_set_object_member (pages, "zeta", json_object_new ());
  json_object_set_object_member (pages, "alpha", json_object_new ());
  json_object_set_object_member (pages, "transport-a", json_object_new ());
  sp_session_set_pages (&session, pages);
  g_assert_true (sp_document_apply (other, &session, file, &error));
  g_assert_no_error (error);
  unknown = sp_document_get_unknown_pages (other);
  g_assert_cmpstr (unknown[0], ==, "alpha");
  g_assert_cmpstr (unknown[1], ==, "zeta");
  g_assert_null (unknown[2]);
  /* An empty state: the page's defaults for what it does not say. */
  g_assert_cmpfloat (test_transport_page_get_resistance (other_a), ==, TEST_RESISTANCE_DEFAULT);

  /* A state the page refuses changes nothing, the parameters included. */
  {
    JsonObject *state = json_object_new ();
    double omega;

    json_object_set_string_member (state, "resistance_ohm", "ten");
    json_object_set_object_member (bad, "transport-a", state);
    test_transport_page_set_resistance (other_a, 77.0);
    g_object_set (other_params, "omega", 101.0, NULL);
    session.sim.model.omega = 120.0;
    sp_session_set_pages (&session, bad);
    g_assert_false (sp_document_apply (other, &session, file, &error));
    g_assert_error (error, SP_SESSION_ERROR, SP_SESSION_ERROR_INVALID);
    g_assert_nonnull (strstr (error->message, "session.pages.transport-a.resistance_ohm"));
    g_assert_cmpfloat (test_transport_page_get_resistance (other_a), ==, 77.0);
    g_object_get (other_params, "omega", &omega, NULL);
    g_assert_cmpfloat (omega, ==, 101.0);
  }

  g_object_unref (a);
  g_object_unref (b);
  g_object_unref (other_a);
  test_tmpdir_remove (dir);
}

int
main (int    argc,
      char **argv)
{
  sp_gsl_init ();
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/document/untitled", test_untitled);
  g_test_add_func ("/document/busy", test_busy);
  g_test_add_func ("/document/save-load-revert", test_save_load_revert);
  g_test_add_func ("/document/change-while-saving", test_change_while_saving);
  g_test_add_func ("/document/errors", test_errors);
  g_test_add_func ("/document/no-preset", test_no_preset);
  g_test_add_func ("/document/pages", test_pages);
  return g_test_run ();
}
