/* test-session-actions.c — the window-side session helpers: asynchronous
 * load and save (a bad file reports the field and yields no session), the
 * "save changes?" dialog's three answers, the drop target and the chooser's
 * filter.  The native file chooser itself needs a portal and is not run. */

#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <string.h>

#include "sp-session-actions.h"

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

static char *
scratch_dir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("sp-session-actions-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

static void
test_save_then_load (void)
{
  g_autofree char *dir = scratch_dir ();
  g_autofree char *path = g_build_filename (dir, "a.spinodal", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(SpSession) saved = sp_session_new ();
  g_autoptr(SpSession) loaded = NULL;
  g_autoptr(GAsyncResult) save_result = NULL;
  g_autoptr(GAsyncResult) load_result = NULL;
  g_autoptr(GError) error = NULL;

  saved->preset = g_strdup ("lto");
  saved->sim.model.omega = 89.25;
  saved->sim.seed = 77;
  sp_session_actions_save (saved, file, NULL, store_result, &save_result);
  /* Serialised at the call: changing the session now must not matter. */
  saved->sim.model.omega = -1.0;
  g_assert_true (sp_session_actions_save_finish (wait_result (&save_result), &error));
  g_assert_no_error (error);

  sp_session_actions_load (file, NULL, store_result, &load_result);
  loaded = sp_session_actions_load_finish (wait_result (&load_result), &error);
  g_assert_no_error (error);
  g_assert_nonnull (loaded);
  g_assert_cmpstr (loaded->preset, ==, "lto");
  g_assert_cmpfloat (loaded->sim.model.omega, ==, 89.25);
  g_assert_cmpuint (loaded->sim.seed, ==, 77);

  g_assert_cmpint (g_remove (path), ==, 0);
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

static void
test_bad_file (void)
{
  g_autofree char *dir = scratch_dir ();
  g_autofree char *path = g_build_filename (dir, "bad.spinodal", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GAsyncResult) save_result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(SpSession) invalid = sp_session_new ();
  SpSession *loaded;

  g_assert_true (g_file_set_contents (path, "{\"format\": \"spinodal-session\", \"version\": 1,"
                                            " \"model\": {\"kappa\": \"soft\"}}", -1, NULL));
  sp_session_actions_load (file, NULL, store_result, &result);
  loaded = sp_session_actions_load_finish (wait_result (&result), &error);
  g_assert_null (loaded);
  g_assert_error (error, SP_SESSION_ERROR, SP_SESSION_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "session.model.kappa"));
  g_clear_error (&error);

  /* An invalid session is never written: the old file stays as it was. */
  invalid->sim.model.temperature = 0.0;
  sp_session_actions_save (invalid, file, NULL, store_result, &save_result);
  g_assert_false (sp_session_actions_save_finish (wait_result (&save_result), &error));
  g_assert_error (error, SP_SESSION_ERROR, SP_SESSION_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "session.model.temperature"));
  {
    g_autofree char *contents = NULL;

    g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
    g_assert_nonnull (strstr (contents, "\"soft\""));
  }

  g_assert_cmpint (g_remove (path), ==, 0);
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

static AdwMessageDialog *
find_message_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();   /* transfer none */

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) w = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (w) && gtk_widget_get_visible (GTK_WIDGET (w)))
        return ADW_MESSAGE_DIALOG (w);
    }
  return NULL;
}

static SpSessionDiscardResponse
answer_discard (GtkWindow  *parent,
                const char *response)
{
  g_autoptr(GAsyncResult) result = NULL;
  SpSessionDiscardResponse answer;
  AdwMessageDialog *dialog;

  sp_session_actions_confirm_discard (parent, "LiFePO₄.spinodal", NULL, store_result, &result);
  dialog = find_message_dialog ();
  g_assert_nonnull (dialog);
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "LiFePO₄.spinodal"));
  g_assert_cmpint (adw_message_dialog_get_response_appearance (dialog, "discard"), ==,
                   ADW_RESPONSE_DESTRUCTIVE);
  if (response != NULL)
    adw_message_dialog_response (dialog, response);
  else
    gtk_window_close (GTK_WINDOW (dialog));   /* Escape / the close button */
  answer = sp_session_actions_confirm_discard_finish (wait_result (&result));
  /* A click closes the dialog itself; the programmatic response above does
   * not, so close it here for the next round. */
  if (response != NULL)
    gtk_window_destroy (GTK_WINDOW (dialog));
  g_assert_null (find_message_dialog ());
  return answer;
}

static void
test_confirm_discard (void)
{
  GtkWindow *parent = GTK_WINDOW (gtk_window_new ());

  gtk_window_present (parent);
  g_assert_cmpint (answer_discard (parent, "save"), ==, SP_SESSION_DISCARD_SAVE);
  g_assert_cmpint (answer_discard (parent, "discard"), ==, SP_SESSION_DISCARD_DISCARD);
  g_assert_cmpint (answer_discard (parent, "cancel"), ==, SP_SESSION_DISCARD_CANCEL);
  g_assert_cmpint (answer_discard (parent, NULL), ==, SP_SESSION_DISCARD_CANCEL);
  gtk_window_destroy (parent);
}

static gboolean
on_drop (GFile    *file,
         gpointer  user_data)
{
  g_autofree char *name = g_file_get_basename (file);

  *(char **) user_data = g_steal_pointer (&name);
  return TRUE;
}

static void
destroy_flag (gpointer data)
{
  g_free (*(char **) data);
  *(char **) data = g_strdup ("destroyed");
}

static void
test_drop_target (void)
{
  char *dropped = NULL;
  GtkDropTarget *target = sp_session_actions_drop_target_new (on_drop, &dropped, destroy_flag);
  g_autoptr(GFile) file = g_file_new_for_path ("/tmp/dropped.spinodal");
  GValue value = G_VALUE_INIT;
  gboolean accepted = FALSE;

  g_assert_cmpint (gtk_drop_target_get_actions (target), ==, GDK_ACTION_COPY);
  g_value_init (&value, G_TYPE_FILE);
  g_value_set_object (&value, file);
  g_signal_emit_by_name (target, "drop", &value, 1.0, 2.0, &accepted);
  g_value_unset (&value);
  g_assert_true (accepted);
  g_assert_cmpstr (dropped, ==, "dropped.spinodal");

  /* The user data is released with the target. */
  g_object_unref (target);
  g_assert_cmpstr (dropped, ==, "destroyed");
  g_free (dropped);
}

static gboolean
filter_matches (GtkFileFilter *filter,
                const char    *name,
                const char    *content_type)
{
  g_autoptr(GFileInfo) info = g_file_info_new ();

  g_file_info_set_display_name (info, name);
  g_file_info_set_content_type (info, content_type);
  return gtk_filter_match (GTK_FILTER (filter), info);
}

static void
test_file_filter (void)
{
  g_autoptr(GtkFileFilter) filter = sp_session_actions_file_filter ();

  g_assert_true (filter_matches (filter, "run.spinodal", "application/octet-stream"));
  g_assert_true (filter_matches (filter, "renamed.txt", SP_SESSION_MIME_TYPE));
  g_assert_false (filter_matches (filter, "data.json", "application/json"));
  g_assert_false (filter_matches (filter, "run.spinodal.bak", "application/octet-stream"));
}

int
main (int    argc,
      char **argv)
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/session-actions/save-then-load", test_save_then_load);
  g_test_add_func ("/session-actions/bad-file", test_bad_file);
  g_test_add_func ("/session-actions/confirm-discard", test_confirm_discard);
  g_test_add_func ("/session-actions/drop-target", test_drop_target);
  g_test_add_func ("/session-actions/file-filter", test_file_filter);

  return g_test_run ();
}
