/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-export-helpers.h — what the export tests (test-export-dialog.c,
 * test-app-export.c) look for on screen: the text of a widget tree, a
 * widget by type, a toast's text, a PNG's size, a clipboard image */
#pragma once

#include <string.h>

#include <cairo.h>
#include <gtk/gtk.h>

/* Appends every label's text below @widget, a line each, and a button's
 * own label as "[label]". */
static inline void
test_collect_text (GtkWidget *widget,
                   GString   *text)
{
  if (GTK_IS_LABEL (widget))
    g_string_append_printf (text, "%s\n", gtk_label_get_text (GTK_LABEL (widget)));
  else if (GTK_IS_BUTTON (widget) && gtk_button_get_label (GTK_BUTTON (widget)) != NULL)
    g_string_append_printf (text, "[%s]\n", gtk_button_get_label (GTK_BUTTON (widget)));
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL;
       c = gtk_widget_get_next_sibling (c))
    test_collect_text (c, text);
}

/* Iterates until the text below @widget (a toast overlay) holds @needle,
 * or fails after @seconds; returns all that text. */
static inline char *
test_wait_for_text (GtkWidget  *widget,
                    const char *needle,
                    double      seconds)
{
  gint64 deadline = g_get_monotonic_time () + (gint64) (seconds * G_USEC_PER_SEC);

  for (;;)
    {
      g_autoptr(GString) text = g_string_new (NULL);

      test_collect_text (widget, text);
      if (strstr (text->str, needle) != NULL)
        return g_string_free (g_steal_pointer (&text), FALSE);
      if (g_get_monotonic_time () > deadline)
        g_error ("no toast “%s” within %g s; shown: %s", needle, seconds, text->str);
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
}

/* Whether @widget is the one a search looks for (@data: the search's). */
typedef gboolean (*TestWidgetMatch) (GtkWidget    *widget,
                                     gconstpointer data);

/* The first widget at or below @widget that @match accepts, depth first. */
static inline GtkWidget *
test_find_widget (GtkWidget      *widget,
                  TestWidgetMatch match,
                  gconstpointer   data)
{
  if (match (widget, data))
    return widget;
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL;
       c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = test_find_widget (c, match, data);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static inline gboolean
test_widget_has_type (GtkWidget    *widget,
                      gconstpointer type)
{
  return G_TYPE_CHECK_INSTANCE_TYPE (widget, GPOINTER_TO_SIZE (type));
}

/* The first widget of @type at or below @widget, depth first. */
static inline GtkWidget *
test_find_type (GtkWidget *widget,
                GType      type)
{
  return test_find_widget (widget, test_widget_has_type, GSIZE_TO_POINTER (type));
}

static inline void
test_assert_png_size (const char *path,
                      int         width,
                      int         height)
{
  cairo_surface_t *png = cairo_image_surface_create_from_png (path);

  g_assert_cmpint (cairo_surface_status (png), ==, CAIRO_STATUS_SUCCESS);
  g_assert_cmpint (cairo_image_surface_get_width (png), ==, width);
  g_assert_cmpint (cairo_image_surface_get_height (png), ==, height);
  cairo_surface_destroy (png);
}

/* For gdk_clipboard_read_texture_async(): stores the texture in
 * *(GdkTexture **) @user_data. */
static inline void
test_on_texture (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  GdkTexture **texture = user_data;
  g_autoptr(GError) error = NULL;

  *texture = gdk_clipboard_read_texture_finish (GDK_CLIPBOARD (source), result, &error);
  g_assert_no_error (error);
}

static inline gboolean
test_on_timeout (gpointer user_data)
{
  *(gboolean *) user_data = TRUE;
  return G_SOURCE_REMOVE;
}

/* The file chooser a dialog opened (the first mapped one), once mapped. */
static inline GtkFileChooser *
test_wait_for_chooser (void)
{
  GtkFileChooser *chooser = NULL;
  gboolean timed_out = FALSE;
  guint id = g_timeout_add_seconds (30, test_on_timeout, &timed_out);

  while (chooser == NULL && !timed_out)
    {
      GListModel *toplevels = gtk_window_get_toplevels ();

      for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
        {
          g_autoptr(GObject) w = g_list_model_get_item (toplevels, i);

          if (GTK_IS_FILE_CHOOSER (w) && gtk_widget_get_mapped (GTK_WIDGET (w)))
            chooser = GTK_FILE_CHOOSER (w);
        }
      if (chooser == NULL)
        g_main_context_iteration (NULL, TRUE);
    }
  g_assert_nonnull (chooser);
  g_source_remove (id);
  return chooser;
}

/* Shows @dir, types @name there and accepts. */
static inline void
test_answer_chooser (GtkFileChooser *chooser,
                     const char     *dir,
                     const char     *name)
{
  g_autoptr(GFile) folder = g_file_new_for_path (dir);
  g_autofree char *typed = g_build_filename (dir, name, NULL);
  gboolean timed_out = FALSE;
  guint id;

  gint64 ask_again;

  g_assert_true (gtk_file_chooser_set_current_folder (chooser, folder, NULL));
  ask_again = g_get_monotonic_time () + 2 * G_USEC_PER_SEC;
  /* The folder changes once it has loaded.  Asked again every 2 s: a
   * chooser still settling its own start folder (GTK 4.8) may go there
   * after our request and stay (about one run in three under ASan). */
  id = g_timeout_add_seconds (30, test_on_timeout, &timed_out);
  for (;;)
    {
      g_autoptr(GFile) current = gtk_file_chooser_get_current_folder (chooser);

      if ((current != NULL && g_file_equal (current, folder)) || timed_out)
        break;
      if (g_get_monotonic_time () > ask_again)
        {
          g_assert_true (gtk_file_chooser_set_current_folder (chooser, folder, NULL));
          ask_again = g_get_monotonic_time () + 2 * G_USEC_PER_SEC;
        }
      if (!g_main_context_iteration (NULL, FALSE))
        g_usleep (1000);
    }
  g_assert_false (timed_out);
  g_source_remove (id);
  /* GTK 4.8's save entry resolves a bare name against the folder it was
   * created in, not the one shown: type the whole path, as a user may. */
  gtk_file_chooser_set_current_name (chooser, typed);
  /* What the widget emits once its own (asynchronous) checks of the name
   * pass: the dialog then answers with its accept button. */
  g_assert_true (gtk_widget_activate_action (test_find_type (GTK_WIDGET (chooser),
                                                         GTK_TYPE_FILE_CHOOSER_WIDGET),
                                             "response.activate", NULL));
}
