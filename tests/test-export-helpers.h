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
