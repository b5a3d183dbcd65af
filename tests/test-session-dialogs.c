/* test-session-dialogs.c — the questions a window asks about session
 * files: the "save changes?" dialog's three answers, the drop target and
 * the chooser's filter.  The native file chooser itself needs a portal and
 * is not run here (test-app-session drives GTK's own).  Loading and saving
 * are SpDocument's: test-document.c.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "sp-gsl.h"
#include "sp-session-dialogs.h"

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

  sp_session_dialogs_confirm_discard (parent, "LiFePO₄.spinodal", NULL, store_result, &result);
  dialog = find_message_dialog ();
  g_assert_nonnull (dialog);
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "LiFePO₄.spinodal"));
  g_assert_cmpint (adw_message_dialog_get_response_appearance (dialog, "discard"), ==,
                   ADW_RESPONSE_DESTRUCTIVE);
  if (response != NULL)
    adw_message_dialog_response (dialog, response);
  else
    gtk_window_close (GTK_WINDOW (dialog));   /* Escape / the close button */
  answer = sp_session_dialogs_confirm_discard_finish (wait_result (&result));
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
  GtkDropTarget *target = sp_session_dialogs_drop_target_new (on_drop, &dropped, destroy_flag);
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
  g_autoptr(GtkFileFilter) filter = sp_session_dialogs_file_filter ();

  g_assert_true (filter_matches (filter, "run.spinodal", "application/octet-stream"));
  g_assert_true (filter_matches (filter, "renamed.txt", SP_SESSION_MIME_TYPE));
  g_assert_false (filter_matches (filter, "data.json", "application/json"));
  g_assert_false (filter_matches (filter, "run.spinodal.bak", "application/octet-stream"));
}

int
main (int    argc,
      char **argv)
{
  sp_gsl_init ();
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/session-dialogs/confirm-discard", test_confirm_discard);
  g_test_add_func ("/session-dialogs/drop-target", test_drop_target);
  g_test_add_func ("/session-dialogs/file-filter", test_file_filter);

  return g_test_run ();
}
