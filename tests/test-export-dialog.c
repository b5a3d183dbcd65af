/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-export-dialog.c — the window side of export, under a display:
 * the file chooser driven to a file, the threaded write and its toasts,
 * a failing folder, and the clipboard image read back
 *
 * Runs in the 'gui' suite (xvfb-run + dbus-run-session; no portal, so
 * GtkFileChooserNative falls back to an in-process GtkFileChooserDialog
 * the test can answer).
 */

#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "sp-export-dialog.h"
#include "sp-gsl.h"
#include "sp-presets.h"
#include "test-export-helpers.h"
#include "test-tmpdir.h"

typedef struct
{
  GtkWindow       *window;
  AdwToastOverlay *toasts;
  SpAnalysis      *analysis;
  SpFigureData     data;
  char            *dir;
} Fixture;

static void
fixture_setup (Fixture       *f,
               gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SpPreset) preset = sp_presets_lookup ("lifepo4", &error);

  g_assert_no_error (error);
  f->analysis = sp_analysis_new (&preset->model);
  sp_figure_data_init (&f->data);
  f->data.analysis = f->analysis;
  f->dir = test_tmpdir_new ("test-export-dialog");

  f->window = GTK_WINDOW (gtk_window_new ());
  f->toasts = ADW_TOAST_OVERLAY (adw_toast_overlay_new ());
  gtk_window_set_child (f->window, GTK_WIDGET (f->toasts));
  gtk_window_present (f->window);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  user_data)
{
  gtk_window_destroy (f->window);
  while (g_main_context_iteration (NULL, FALSE))
    ;
  test_tmpdir_remove (f->dir);
  g_free (f->dir);
  sp_analysis_unref (f->analysis);
}

/* Runs the main loop until the overlay shows @needle (a toast). */
static char *
wait_for_toast (Fixture    *f,
                const char *needle)
{
  return test_wait_for_text (GTK_WIDGET (f->toasts), needle, 30.0);
}

static void
test_write (Fixture       *f,
            gconstpointer  user_data)
{
  g_autofree char *path = g_build_filename (f->dir, "fe.png", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *shown = NULL;
  SpExportOptions o;

  sp_export_options_init (&o, SP_FIGURE_FREE_ENERGY);
  o.width = 300;
  o.height = 200;
  o.scale = 2;
  sp_export_dialog_write (GTK_WIDGET (f->window), SP_FIGURE_FREE_ENERGY, &f->data, &o, file,
                          f->toasts);
  shown = wait_for_toast (f, "Exported “fe.png”");
  g_assert_nonnull (strstr (shown, "[Show in _Folder]"));
  test_assert_png_size (path, 600, 400);
  g_assert_cmpuint (test_tmpdir_count (f->dir), ==, 1);
}

static void
test_write_failure (Fixture       *f,
                    gconstpointer  user_data)
{
  g_autofree char *path = g_build_filename (f->dir, "missing", "fe.pdf", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *shown = NULL;
  SpExportOptions o;

  sp_export_options_init (&o, SP_FIGURE_FREE_ENERGY);
  o.format = SP_EXPORT_PDF;
  sp_export_dialog_write (GTK_WIDGET (f->window), SP_FIGURE_FREE_ENERGY, &f->data, &o, file,
                          f->toasts);
  shown = wait_for_toast (f, "Could not export: ");
  g_assert_nonnull (strstr (shown, "fe.pdf"));
  g_assert_cmpuint (test_tmpdir_count (f->dir), ==, 0);
}

/* The filters carry their format to sp_export_dialog_chosen_format(); a filter
 * that is not one of them (the video's) reads as the fallback. */
static void
test_filters (Fixture       *f,
              gconstpointer  user_data)
{
  /* Never shown: no folder loads behind the later tests' backs. */
  g_autoptr(GtkFileChooserNative) native = gtk_file_chooser_native_new (NULL, NULL,
                                                                         GTK_FILE_CHOOSER_ACTION_SAVE,
                                                                         NULL, NULL);
  GtkFileChooser *chooser = GTK_FILE_CHOOSER (native);
  g_autoptr(GListModel) filters = NULL;
  g_autoptr(GtkFileFilter) video = gtk_file_filter_new ();
  static const char * const names[] = {
    "PNG image", "SVG vector image", "PDF document", "CSV data",
  };

  for (SpExportFormat format = SP_EXPORT_PNG; format < SP_EXPORT_N_FORMATS; format++)
    sp_export_dialog_add_file_filter (chooser, format);
  filters = gtk_file_chooser_get_filters (chooser);
  g_assert_cmpuint (g_list_model_get_n_items (filters), ==, SP_EXPORT_N_FORMATS);
  /* Backwards, so that no answer is left over from the first filter. */
  for (int i = SP_EXPORT_N_FORMATS - 1; i >= 0; i--)
    {
      g_autoptr(GtkFileFilter) filter = g_list_model_get_item (filters, i);

      g_assert_cmpstr (gtk_file_filter_get_name (filter), ==, names[i]);
      gtk_file_chooser_set_filter (chooser, filter);
      g_assert_cmpint (sp_export_dialog_chosen_format (chooser, SP_EXPORT_N_FORMATS), ==, i);
    }

  gtk_file_filter_set_name (video, "WebM video");
  gtk_file_filter_add_pattern (video, "*.webm");
  gtk_file_chooser_add_filter (chooser, video);
  gtk_file_chooser_set_filter (chooser, video);
  g_assert_cmpint (sp_export_dialog_chosen_format (chooser, SP_EXPORT_PDF), ==, SP_EXPORT_PDF);
  g_assert_cmpint (sp_export_dialog_chosen_format (chooser, SP_EXPORT_CSV), ==, SP_EXPORT_CSV);
}

/* The shared toasts: an error shows its text as given (not as markup); a
 * file's toast has Open and Show in Folder; without an overlay both are
 * dropped. */
static void
test_toasts (Fixture       *f,
             gconstpointer  user_data)
{
  g_autofree char *path = g_build_filename (f->dir, "run.webm", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *shown = NULL;

  sp_export_dialog_toast_error (NULL, "dropped");
  sp_export_dialog_toast_file (NULL, "dropped", file);

  sp_export_dialog_toast_file (f->toasts, "Recorded “run.webm” & more", file);
  shown = wait_for_toast (f, "Recorded “run.webm” & more");
  g_assert_nonnull (strstr (shown, "[Show in _Folder]"));
  g_assert_null (strstr (shown, "dropped"));

  /* A failure outranks the toast on show (and then stays until read). */
  sp_export_dialog_toast_error (f->toasts, "No <b>space</b> & no luck");
  g_free (wait_for_toast (f, "No <b>space</b> & no luck"));
}

/* Selects the filter named @name ("SVG vector image") as a user would. */
static void
pick_filter (GtkFileChooser *chooser,
             const char     *name)
{
  g_autoptr(GListModel) filters = gtk_file_chooser_get_filters (chooser);

  for (guint i = 0; i < g_list_model_get_n_items (filters); i++)
    {
      g_autoptr(GtkFileFilter) filter = g_list_model_get_item (filters, i);

      if (g_strcmp0 (gtk_file_filter_get_name (filter), name) == 0)
        {
          gtk_file_chooser_set_filter (chooser, filter);
          return;
        }
    }
  g_error ("no filter “%s”", name);
}

/* The chooser answered with a name without extension and the SVG filter:
 * the file gets ".svg" and is an SVG. */
static void
test_chooser (Fixture       *f,
              gconstpointer  user_data)
{
  g_autofree char *path = g_build_filename (f->dir, "ocv.svg", NULL);
  g_autofree char *text = NULL;
  g_autofree char *shown = NULL;
  GtkFileChooser *chooser;

  sp_export_dialog_present (f->window, SP_FIGURE_OCV, &f->data, NULL, f->toasts);
  chooser = test_wait_for_chooser ();

  /* The suggested name is the figure's, as PNG, with PNG selected. */
  g_assert_cmpstr (gtk_file_chooser_get_current_name (chooser), ==, "ocv.png");
  g_assert_cmpint (sp_export_dialog_chosen_format (chooser, SP_EXPORT_N_FORMATS), ==,
                   SP_EXPORT_PNG);
  pick_filter (chooser, "SVG vector image");
  gtk_file_chooser_set_choice (chooser, "caption", "true");
  test_answer_chooser (chooser, f->dir, "ocv");

  shown = wait_for_toast (f, "Exported “ocv.svg”");
  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
  g_assert_nonnull (strstr (text, "<svg"));
  g_assert_nonnull (strstr (text, "<desc>Ω = "));   /* the caption was asked for */
  g_assert_cmpuint (test_tmpdir_count (f->dir), ==, 1);
}

/* Issue 11: a ".png" name with "PDF document" selected wrote a PNG.  The
 * file type picked wins and the extension follows it; the next dialog
 * suggests the figure's name in that format, with that type selected. */
static void
test_chooser_type_wins (Fixture       *f,
                        gconstpointer  user_data)
{
  g_autofree char *pdf = g_build_filename (f->dir, "fig.pdf", NULL);
  g_autofree char *png = g_build_filename (f->dir, "fig.png", NULL);
  g_autofree char *svg = g_build_filename (f->dir, "typed.svg", NULL);
  g_autofree char *text = NULL;
  g_autofree char *shown = NULL;
  GtkFileChooser *chooser;

  sp_export_dialog_present (f->window, SP_FIGURE_PHASE_DIAGRAM, &f->data, NULL, f->toasts);
  chooser = test_wait_for_chooser ();
  g_assert_cmpstr (gtk_file_chooser_get_current_name (chooser), ==, "phase-diagram.png");
  pick_filter (chooser, "PDF document");
  test_answer_chooser (chooser, f->dir, "fig.png");
  shown = wait_for_toast (f, "Exported “fig.pdf”");
  g_assert_true (g_file_get_contents (pdf, &text, NULL, NULL));
  g_assert_true (g_str_has_prefix (text, "%PDF-"));
  g_assert_false (g_file_test (png, G_FILE_TEST_EXISTS));

  /* The default name and file type follow: the figure, as PDF. */
  sp_export_dialog_present (f->window, SP_FIGURE_OCV, &f->data, NULL, f->toasts);
  chooser = test_wait_for_chooser ();
  g_assert_cmpstr (gtk_file_chooser_get_current_name (chooser), ==, "ocv.pdf");
  g_assert_cmpint (sp_export_dialog_chosen_format (chooser, SP_EXPORT_N_FORMATS), ==,
                   SP_EXPORT_PDF);

  /* File type left as it opened: the typed extension decides. */
  test_answer_chooser (chooser, f->dir, "typed.svg");
  g_free (shown);
  shown = wait_for_toast (f, "Exported “typed.svg”");
  g_clear_pointer (&text, g_free);
  g_assert_true (g_file_get_contents (svg, &text, NULL, NULL));
  g_assert_nonnull (strstr (text, "<svg"));
  g_assert_cmpuint (test_tmpdir_count (f->dir), ==, 2);
}

/* The rule itself, case by case. */
static void
test_resolve_name (Fixture       *f,
                   gconstpointer  user_data)
{
  static const struct
  {
    const char    *name;
    SpExportFormat chosen;
    gboolean       type_was_chosen;
    const char    *expected;
    SpExportFormat format;
  } cases[] = {
    { "fig.png",     SP_EXPORT_PDF, TRUE,  "fig.pdf",     SP_EXPORT_PDF },
    { "fig.png",     SP_EXPORT_PNG, FALSE, "fig.png",     SP_EXPORT_PNG },
    { "fig.svg",     SP_EXPORT_PNG, FALSE, "fig.svg",     SP_EXPORT_SVG },
    { "fig.SVG",     SP_EXPORT_PNG, FALSE, "fig.SVG",     SP_EXPORT_SVG },
    { "fig.svg",     SP_EXPORT_PDF, TRUE,  "fig.pdf",     SP_EXPORT_PDF },
    { "fig.pdf",     SP_EXPORT_PDF, TRUE,  "fig.pdf",     SP_EXPORT_PDF },
    { "fig",         SP_EXPORT_SVG, TRUE,  "fig.svg",     SP_EXPORT_SVG },
    { "fig",         SP_EXPORT_PNG, FALSE, "fig.png",     SP_EXPORT_PNG },
    { "data.v2",     SP_EXPORT_CSV, TRUE,  "data.v2.csv", SP_EXPORT_CSV },
    { ".png",        SP_EXPORT_PDF, TRUE,  ".png.pdf",    SP_EXPORT_PDF },
    { "run.png.csv", SP_EXPORT_CSV, TRUE,  "run.png.csv", SP_EXPORT_CSV },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      SpExportFormat format = SP_EXPORT_N_FORMATS;
      g_autofree char *got = sp_export_dialog_resolve_name (cases[i].name, cases[i].chosen,
                                                            cases[i].type_was_chosen, &format);

      g_assert_cmpstr (got, ==, cases[i].expected);
      g_assert_cmpint (format, ==, cases[i].format);
    }
}

static void
test_clipboard (Fixture       *f,
                gconstpointer  user_data)
{
  GdkClipboard *clipboard = gtk_widget_get_clipboard (GTK_WIDGET (f->window));
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *shown = NULL;
  g_autofree guchar *pixels = NULL;
  cairo_surface_t *direct;
  gsize stride;

  sp_export_dialog_copy_to_clipboard (GTK_WIDGET (f->window), SP_FIGURE_PHASE_DIAGRAM, &f->data,
                                      NULL, 320, 240, 2, f->toasts);
  shown = wait_for_toast (f, "Figure copied to the clipboard");
  gdk_clipboard_read_texture_async (clipboard, NULL, test_on_texture, &texture);
  while (texture == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpint (gdk_texture_get_width (texture), ==, 640);
  g_assert_cmpint (gdk_texture_get_height (texture), ==, 480);

  /* The very pixels the figure draws. */
  stride = 640 * 4;
  pixels = g_malloc (stride * 480);
  gdk_texture_download (texture, pixels, stride);
  direct = sp_export_render_image (SP_FIGURE_PHASE_DIAGRAM, &f->data, NULL, 320, 240, 2);
  for (int y = 0; y < 480; y++)
    g_assert_cmpmem (pixels + y * stride, stride,
                     cairo_image_surface_get_data (direct) + y * cairo_image_surface_get_stride (direct),
                     stride);
  cairo_surface_destroy (direct);
}

int
main (int    argc,
      char **argv)
{
  gtk_disable_setlocale ();
  sp_gsl_init ();
  g_test_init (&argc, &argv, NULL);
  gtk_init ();
  adw_init ();

  g_test_add ("/export-dialog/write", Fixture, NULL, fixture_setup, test_write, fixture_teardown);
  g_test_add ("/export-dialog/write-failure", Fixture, NULL, fixture_setup, test_write_failure,
              fixture_teardown);
  g_test_add ("/export-dialog/filters", Fixture, NULL, fixture_setup, test_filters,
              fixture_teardown);
  g_test_add ("/export-dialog/toasts", Fixture, NULL, fixture_setup, test_toasts,
              fixture_teardown);
  g_test_add ("/export-dialog/chooser", Fixture, NULL, fixture_setup, test_chooser,
              fixture_teardown);
  g_test_add ("/export-dialog/chooser-type-wins", Fixture, NULL, fixture_setup,
              test_chooser_type_wins, fixture_teardown);
  g_test_add ("/export-dialog/resolve-name", Fixture, NULL, fixture_setup, test_resolve_name,
              fixture_teardown);
  g_test_add ("/export-dialog/clipboard", Fixture, NULL, fixture_setup, test_clipboard,
              fixture_teardown);
  return g_test_run ();
}
