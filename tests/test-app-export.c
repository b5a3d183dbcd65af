/* test-app-export.c — the window's Export menu: actions and shortcuts, the
 * figure chooser, files written through the export dialog, the clipboard,
 * recording the running simulation, and failures that leave nothing
 *
 * Runs in the 'gui' suite (xvfb-run + dbus-run-session, no portal, so the
 * native chooser falls back to an in-process dialog the test answers).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "sp-export.h"
#include "sp-export-dialog.h"
#include "sp-gsl.h"
#include "sp-plot-view.h"
#include "sp-recorder.h"
#include "sp-window-export.h"

#include "test-app-helpers.h"
#include "test-export-helpers.h"
#include "test-tmpdir.h"

static const guchar ebml_magic[] = { 0x1A, 0x45, 0xDF, 0xA3 };

/* Helpers ------------------------------------------------------------------- */

static void
iterate_for (double seconds)
{
  gint64 until = g_get_monotonic_time () + (gint64) (seconds * G_USEC_PER_SEC);

  while (g_get_monotonic_time () < until)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
}

/* Iterates until a label in the window's toast overlay reads @needle;
 * returns all the overlay's text. */
static char *
wait_for_toast (SpWindow   *window,
                const char *needle)
{
  return test_wait_for_text (GTK_WIDGET (template_child (window, SP_TYPE_WINDOW, "toast_overlay")),
                             needle, 60.0);
}

static gboolean
has_name (GtkWidget    *widget,
          gconstpointer name)
{
  return g_strcmp0 (gtk_widget_get_name (widget), name) == 0;
}

/* Whether win.@name is enabled, as a button or menu item bound to it sees
 * it (the window's class actions have no public getter). */
static gboolean
action_enabled (SpWindow   *window,
                const char *name)
{
  g_autofree char *full_name = g_strconcat ("win.", name, NULL);

  return test_action_enabled (window, full_name);
}

static SpFrame *
wait_for_serial (SpSimulation *sim,
                 guint64       serial)
{
  gint64 deadline = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;

  while (sp_simulation_get_frame (sim) == NULL || sp_simulation_get_frame (sim)->serial <= serial)
    {
      if (g_get_monotonic_time () > deadline)
        g_error ("no frame after serial %" G_GUINT64_FORMAT " within 30 s", serial);
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
  return sp_simulation_get_frame (sim);
}

/* Whether @path starts with WebM's EBML magic and holds more than that. */
static void
assert_webm (const char *path)
{
  g_autofree char *contents = NULL;
  gsize length = 0;

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_assert_cmpuint (length, >, 1000);
  g_assert_cmpmem (contents, sizeof ebml_magic, ebml_magic, sizeof ebml_magic);
}

/* The shortcuts window lists @action. */
static gboolean
help_lists (SpWindow   *window,
            const char *action)
{
  GtkWindow *help = GTK_WINDOW (gtk_application_window_get_help_overlay (
                                  GTK_APPLICATION_WINDOW (window)));
  g_autoptr(GPtrArray) stack = g_ptr_array_new ();

  g_ptr_array_add (stack, help);
  while (stack->len > 0)
    {
      GtkWidget *w = g_ptr_array_steal_index (stack, stack->len - 1);

      if (GTK_IS_SHORTCUTS_SHORTCUT (w))
        {
          g_autofree char *name = NULL;

          g_object_get (w, "action-name", &name, NULL);
          if (g_strcmp0 (name, action) == 0)
            return TRUE;
        }
      for (GtkWidget *c = gtk_widget_get_first_child (w); c != NULL;
           c = gtk_widget_get_next_sibling (c))
        g_ptr_array_add (stack, c);
    }
  return FALSE;
}

/* Tests ----------------------------------------------------------------------- */

static void
test_actions (void)
{
  static const struct
  {
    const char *action;
    const char *accel;
  } shortcuts[] = {
    { "win.export-figure", "<Control>e" },
    { "win.export-data", "<Shift><Control>e" },
    { "win.copy-figure", "<Shift><Control>c" },
  };
  SpWindow *window = new_window ();

  for (guint i = 0; i < G_N_ELEMENTS (shortcuts); i++)
    {
      g_auto(GStrv) accels = gtk_application_get_accels_for_action (GTK_APPLICATION (app),
                                                                   shortcuts[i].action);
      guint key, want_key;
      GdkModifierType mods, want_mods;

      g_assert_cmpuint (g_strv_length (accels), ==, 1);
      g_assert_true (gtk_accelerator_parse (accels[0], &key, &mods));
      g_assert_true (gtk_accelerator_parse (shortcuts[i].accel, &want_key, &want_mods));
      g_assert_cmpuint (key, ==, want_key);
      g_assert_cmpuint (mods, ==, want_mods);
      g_assert_true (action_enabled (window, shortcuts[i].action + 4));
      g_assert_true (help_lists (window, shortcuts[i].action));
    }

  /* The record item shows until a recording starts, then the stop item. */
  g_assert_true (action_enabled (window, "record-animation"));
  g_assert_false (action_enabled (window, "stop-recording"));
  g_assert_false (gtk_widget_get_visible (test_find_widget (GTK_WIDGET (window), has_name, "recording-indicator")));

  close_window (window);
}

/* Which figure: the first of the page on show, then the one focused. */
static void
test_current_view (void)
{
  SpWindow *window = new_window ();
  SpPlotView *ocv = SP_PLOT_VIEW (overview_child (window, "ocv_view"));
  SpPlotView *energy = SP_PLOT_VIEW (simulation_child (window, "energy_view"));

  g_assert_cmpint (sp_plot_view_get_kind (sp_window_export_get_current_view (window)), ==,
                   SP_FIGURE_FREE_ENERGY);
  g_assert_true (gtk_widget_grab_focus (GTK_WIDGET (ocv)));
  g_assert_true (sp_window_export_get_current_view (window) == ocv);

  /* A figure on the page no longer shown is not the one looked at. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "simulation");
  while (!gtk_widget_get_mapped (GTK_WIDGET (energy)))
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpint (sp_plot_view_get_kind (sp_window_export_get_current_view (window)), ==,
                   SP_FIGURE_FIELD);

  close_window (window);
}

static void
test_to_path (void)
{
  SpWindow *window = new_window ();
  g_autofree char *dir = test_tmpdir_new ("test-app-export");
  g_autofree char *png = g_build_filename (dir, "fe.png", NULL);
  g_autofree char *csv = g_build_filename (dir, "ocv.csv", NULL);
  g_autofree char *shown = NULL;
  g_autofree char *text = NULL;
  double width, height;

  sp_window_export_to_path (window, SP_FIGURE_FREE_ENERGY, png, SP_EXPORT_PNG);
  shown = wait_for_toast (window, "Exported “fe.png”");
  g_assert_nonnull (strstr (shown, "Show in Folder"));
  sp_export_default_size (SP_FIGURE_FREE_ENERGY, &width, &height);
  test_assert_png_size (png, (int) width, (int) height);

  /* The data of the very analysis the window shows. */
  sp_window_export_to_path (window, SP_FIGURE_OCV, csv, SP_EXPORT_CSV);
  while (!g_file_test (csv, G_FILE_TEST_EXISTS))
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (g_file_get_contents (csv, &text, NULL, NULL));
  {
    g_autoptr(GBytes) expected = NULL;
    SpExportOptions o;
    SpFigureData data;

    sp_figure_data_init (&data);
    data.analysis = sp_window_get_analysis (window);
    sp_export_options_init (&o, SP_FIGURE_OCV);
    o.format = SP_EXPORT_CSV;
    expected = sp_export_render (SP_FIGURE_OCV, &data, &o, NULL);
    g_assert_nonnull (expected);
    g_assert_cmpmem (text, strlen (text), g_bytes_get_data (expected, NULL),
                     g_bytes_get_size (expected));
  }
  g_assert_cmpuint (test_tmpdir_count (dir), ==, 2);

  close_window (window);
  test_tmpdir_remove (dir);
}

static void
test_to_path_failure (void)
{
  SpWindow *window = new_window ();
  g_autofree char *dir = test_tmpdir_new ("test-app-export");
  g_autofree char *path = g_build_filename (dir, "missing", "all.pdf", NULL);
  g_autofree char *shown = NULL;

  sp_window_export_to_path (window, SP_FIGURE_ALL, path, SP_EXPORT_PDF);
  shown = wait_for_toast (window, "Could not export: ");
  g_assert_nonnull (strstr (shown, "all.pdf"));
  g_assert_cmpuint (test_tmpdir_count (dir), ==, 0);

  close_window (window);
  test_tmpdir_remove (dir);
}

/* Picks the option labelled @label in one of @chooser's drop-downs, as a
 * user would: GTK 4.8's gtk_file_chooser_set_choice() does not move them. */
static void
pick_option (GtkFileChooser *chooser,
             const char     *label)
{
  g_autoptr(GPtrArray) stack = g_ptr_array_new ();

  g_ptr_array_add (stack, chooser);
  while (stack->len > 0)
    {
      GtkWidget *w = g_ptr_array_steal_index (stack, stack->len - 1);

      if (GTK_IS_DROP_DOWN (w) && GTK_IS_STRING_LIST (gtk_drop_down_get_model (GTK_DROP_DOWN (w))))
        {
          GtkStringList *list = GTK_STRING_LIST (gtk_drop_down_get_model (GTK_DROP_DOWN (w)));

          for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (list)); i++)
            if (g_str_equal (gtk_string_list_get_string (list, i), label))
              {
                gtk_drop_down_set_selected (GTK_DROP_DOWN (w), i);
                return;
              }
        }
      for (GtkWidget *c = gtk_widget_get_first_child (w); c != NULL;
           c = gtk_widget_get_next_sibling (c))
        g_ptr_array_add (stack, c);
    }
  g_error ("no option “%s” in the chooser", label);
}

/* Answers @chooser with @path typed in full (GTK 4.8's save entry resolves
 * a bare name against the folder it was created in). */
static void
accept_chooser (GtkFileChooser *chooser,
                const char     *path)
{
  gtk_file_chooser_set_current_name (chooser, path);
  g_assert_true (gtk_widget_activate_action (test_find_type (GTK_WIDGET (chooser),
                                                        GTK_TYPE_FILE_CHOOSER_WIDGET),
                                             "response.activate", NULL));
}

/* Ctrl+E's chooser: the current figure suggested, every figure and "All
 * panels" offered; picking "all" under the suggested name writes all.png. */
static void
test_chooser (void)
{
  SpWindow *window = new_window ();
  SpPlotView *dchem = SP_PLOT_VIEW (overview_child (window, "dchem_view"));
  g_autofree char *dir = test_tmpdir_new ("test-app-export");
  g_autofree char *typed = NULL;
  g_autofree char *expected = NULL;
  GtkFileChooser *chooser;
  double width, height;

  g_assert_true (gtk_widget_grab_focus (GTK_WIDGET (dchem)));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.export-figure", NULL));
  chooser = test_wait_for_chooser ();
  g_assert_cmpstr (gtk_file_chooser_get_current_name (chooser), ==, "diffusivity.png");
  g_assert_cmpstr (gtk_file_chooser_get_choice (chooser, "figure"), ==, "diffusivity");
  g_assert_cmpstr (gtk_file_chooser_get_choice (chooser, "style"), ==, "light");

  pick_option (chooser, "All panels");
  pick_option (chooser, "Double (HiDPI)");
  g_assert_cmpstr (gtk_file_chooser_get_choice (chooser, "figure"), ==, "all");
  typed = g_build_filename (dir, "diffusivity.png", NULL);
  accept_chooser (chooser, typed);

  wait_for_toast (window, "Exported “all.png”");
  expected = g_build_filename (dir, "all.png", NULL);
  sp_export_default_size (SP_FIGURE_ALL, &width, &height);
  test_assert_png_size (expected, 2 * (int) width, 2 * (int) height);
  g_assert_cmpuint (test_tmpdir_count (dir), ==, 1);

  close_window (window);
  test_tmpdir_remove (dir);
}

/* Issue 11: the file type picked in Ctrl+E's chooser wins over the typed
 * extension (a ".png" name with PDF picked wrote a PNG); the next chooser
 * suggests the figure in that format with that type selected. */
static void
test_chooser_type_wins (void)
{
  SpWindow *window = new_window ();
  SpPlotView *dchem = SP_PLOT_VIEW (overview_child (window, "dchem_view"));
  g_autofree char *dir = test_tmpdir_new ("test-app-export");
  g_autofree char *typed = NULL;
  g_autofree char *pdf = NULL;
  g_autofree char *text = NULL;
  GtkFileChooser *chooser;

  g_assert_true (gtk_widget_grab_focus (GTK_WIDGET (dchem)));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.export-figure", NULL));
  chooser = test_wait_for_chooser ();
  g_assert_cmpstr (gtk_file_chooser_get_current_name (chooser), ==, "diffusivity.png");
  {
    g_autoptr(GListModel) filters = gtk_file_chooser_get_filters (chooser);
    g_autoptr(GtkFileFilter) filter = g_list_model_get_item (filters, SP_EXPORT_PDF);

    g_assert_cmpstr (gtk_file_filter_get_name (filter), ==, "PDF document");
    gtk_file_chooser_set_filter (chooser, filter);
  }
  typed = g_build_filename (dir, "diffusivity.png", NULL);
  accept_chooser (chooser, typed);

  wait_for_toast (window, "Exported “diffusivity.pdf”");
  pdf = g_build_filename (dir, "diffusivity.pdf", NULL);
  g_assert_true (g_file_get_contents (pdf, &text, NULL, NULL));
  g_assert_true (g_str_has_prefix (text, "%PDF-"));
  g_assert_cmpuint (test_tmpdir_count (dir), ==, 1);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.export-figure", NULL));
  chooser = test_wait_for_chooser ();
  g_assert_cmpstr (gtk_file_chooser_get_current_name (chooser), ==, "diffusivity.pdf");
  g_assert_cmpint (sp_export_dialog_chosen_format (chooser, SP_EXPORT_N_FORMATS), ==,
                   SP_EXPORT_PDF);
  /* Cancel: the dialog goes away and nothing is written. */
  g_object_add_weak_pointer (G_OBJECT (chooser), (gpointer *) &chooser);
  gtk_dialog_response (GTK_DIALOG (chooser), GTK_RESPONSE_CANCEL);
  while (chooser != NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (test_tmpdir_count (dir), ==, 1);
  /* Let the window lay out again (the toast included) before closing it. */
  while (g_main_context_iteration (NULL, FALSE))
    ;

  close_window (window);
  test_tmpdir_remove (dir);
}

/* Export Data: CSV only; F(t) on show offers the diagnostics table. */
static void
test_data_chooser (void)
{
  SpWindow *window = new_window ();
  SpSimulation *sim = sp_window_get_simulation (window);
  g_autofree char *dir = test_tmpdir_new ("test-app-export");
  g_autofree char *typed = NULL;
  g_autofree char *text = NULL;
  GtkFileChooser *chooser;

  wait_for_serial (sim, 0);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "simulation");
  while (!gtk_widget_get_mapped (GTK_WIDGET (simulation_child (window, "field_sim_view"))))
    g_main_context_iteration (NULL, TRUE);
  /* Nothing clicked or focused there: the page's first figure. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.export-data", NULL));
  chooser = test_wait_for_chooser ();
  g_assert_cmpstr (gtk_file_chooser_get_current_name (chooser), ==, "field.csv");
  pick_option (chooser, "Simulation diagnostics");
  typed = g_build_filename (dir, "run", NULL);
  accept_chooser (chooser, typed);

  wait_for_toast (window, "Exported “run.csv”");
  g_free (typed);
  typed = g_build_filename (dir, "run.csv", NULL);
  g_assert_true (g_file_get_contents (typed, &text, NULL, NULL));
  g_assert_true (g_str_has_prefix (text, "# Spinodal "));
  g_assert_nonnull (strstr (text, "diagnostics time series"));

  close_window (window);
  test_tmpdir_remove (dir);
}

/* Copy: the focused figure, as drawn on screen, at its size. */
static void
test_copy (void)
{
  SpWindow *window = new_window ();
  SpPlotView *phase = SP_PLOT_VIEW (overview_child (window, "phase_view"));
  GdkClipboard *clipboard = gtk_widget_get_clipboard (GTK_WIDGET (window));
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree guchar *pixels = NULL;
  cairo_surface_t *direct;
  int width, height, scale;
  gsize stride;

  /* Laid out: copies take the figure's size on screen. */
  while (gtk_widget_get_width (GTK_WIDGET (phase)) < 50)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (gtk_widget_grab_focus (GTK_WIDGET (phase)));
  /* The size the copy is drawn at: taken with the copy, since the toast
   * (or a read-out wrapping on a slow machine) may relayout afterwards. */
  width = gtk_widget_get_width (GTK_WIDGET (phase));
  height = gtk_widget_get_height (GTK_WIDGET (phase));
  scale = gtk_widget_get_scale_factor (GTK_WIDGET (phase));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.copy-figure", NULL));
  wait_for_toast (window, "Figure copied");

  g_assert_cmpint (width, >, 50);
  gdk_clipboard_read_texture_async (clipboard, NULL, test_on_texture, &texture);
  while (texture == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpint (gdk_texture_get_width (texture), ==, width * scale);
  g_assert_cmpint (gdk_texture_get_height (texture), ==, height * scale);

  /* The pixels of the figure in the view's own style. */
  stride = (gsize) width * scale * 4;
  pixels = g_malloc (stride * height * scale);
  gdk_texture_download (texture, pixels, stride);
  direct = sp_export_render_image (SP_FIGURE_PHASE_DIAGRAM, sp_plot_view_get_data (phase),
                                   sp_plot_view_get_style (phase), width, height, scale);
  cairo_surface_flush (direct);
  for (int y = 0; y < height * scale; y++)
    g_assert_cmpmem (pixels + y * stride, stride,
                     cairo_image_surface_get_data (direct) +
                     y * cairo_image_surface_get_stride (direct), stride);
  cairo_surface_destroy (direct);

  close_window (window);
}

/* One second of the running simulation: the UI keeps ticking, at most
 * fps frames a second reach the recorder, and Stop writes the video. */
static void
test_record (void)
{
  SpWindow *window = new_window ();
  SpSimulation *sim = sp_window_get_simulation (window);
  GtkWidget *indicator = test_find_widget (GTK_WIDGET (window), has_name, "recording-indicator");
  g_autofree char *dir = test_tmpdir_new ("test-app-export");
  g_autofree char *path = g_build_filename (dir, "run.webm", NULL);
  g_autofree char *shown = NULL;
  SpRecorderOptions options;
  SpRecorder *recorder;
  guint64 serial, pushed, dropped, written;
  gint64 start, elapsed;
  gboolean webm = sp_recorder_can_encode_webm ();

  serial = wait_for_serial (sim, 0)->serial;
  sp_recorder_options_init (&options);
  options.width = options.height = 256;
  options.fps = 25;
  start = g_get_monotonic_time ();
  g_assert_true (sp_window_record_start (window, path, &options));
  recorder = sp_recording_get_recorder (sp_window_get_recording (window));
  g_assert_nonnull (recorder);
  g_assert_true (gtk_widget_get_visible (indicator));
  g_assert_false (action_enabled (window, "record-animation"));
  g_assert_true (action_enabled (window, "stop-recording"));

  /* At least a second, and on a machine loaded far beyond its cores (the
   * sanitizer stage beside other work) until five frames went through. */
  iterate_for (1.0);
  for (int i = 0; i < 300 && (sp_recorder_get_pushed (recorder) < 5 ||
                              sp_simulation_get_frame (sim)->serial < serial + 5); i++)
    iterate_for (0.1);
  /* The window went on showing new frames while recording. */
  g_assert_cmpuint (sp_simulation_get_frame (sim)->serial, >=, serial + 5);
  pushed = sp_recorder_get_pushed (recorder);
  dropped = sp_recorder_get_dropped (recorder);
  elapsed = g_get_monotonic_time () - start;
  g_assert_cmpuint (pushed, >=, 5);
  /* The first frame at once, then one per 1/25 s at most. */
  g_assert_cmpuint (pushed, <=, 1 + (guint64) (elapsed * 25 / G_USEC_PER_SEC) + 1);
  {
    g_autoptr(GString) text = g_string_new (NULL);

    test_collect_text (indicator, text);
    g_assert_nonnull (strstr (text->str, " frames"));
  }

  gtk_widget_activate_action (GTK_WIDGET (window), "win.stop-recording", NULL);
  g_assert_null (sp_recording_get_recorder (sp_window_get_recording (window)));
  g_assert_false (gtk_widget_get_visible (indicator));
  g_assert_true (action_enabled (window, "record-animation"));
  if (webm)
    {
      shown = wait_for_toast (window, "Recorded “run.webm”: ");
      assert_webm (path);
      g_assert_cmpuint (test_tmpdir_count (dir), ==, 1);   /* no temporary left */
    }
  else
    {
      g_autofree char *frames = g_build_filename (dir, "run", NULL);

      shown = wait_for_toast (window, "frames in “run”");
      g_assert_true (g_file_test (frames, G_FILE_TEST_IS_DIR));
    }
  /* Every frame handed over is in the video: "N frames" in the toast. */
  written = g_ascii_strtoull (strstr (shown, webm ? "”: " : "Recorded ") +
                              strlen (webm ? "”: " : "Recorded "), NULL, 10);
  g_assert_cmpuint (written, >=, pushed - dropped);

  close_window (window);
  test_tmpdir_remove (dir);
}

static void
test_record_failure (void)
{
  SpWindow *window = new_window ();
  g_autofree char *dir = test_tmpdir_new ("test-app-export");
  g_autofree char *path = g_build_filename (dir, "missing", "run.webm", NULL);
  g_autofree char *shown = NULL;
  SpRecorderOptions options;

  sp_recorder_options_init (&options);
  if (!sp_recorder_can_encode_webm ())
    {
      /* The PNG fallback makes its folder: a file in the way stops it. */
      g_autofree char *blocker = g_build_filename (dir, "missing", NULL);

      g_assert_true (g_file_set_contents (blocker, "", 0, NULL));
    }
  g_assert_false (sp_window_record_start (window, path, &options));
  shown = wait_for_toast (window, "Could not record: ");
  g_assert_nonnull (strstr (shown, "missing"));
  g_assert_null (sp_recording_get_recorder (sp_window_get_recording (window)));
  g_assert_true (action_enabled (window, "record-animation"));
  g_assert_false (action_enabled (window, "stop-recording"));
  g_assert_cmpuint (test_tmpdir_count (dir), ==, sp_recorder_can_encode_webm () ? 0 : 1);

  close_window (window);
  test_tmpdir_remove (dir);
}

/* The record chooser's answers reach the recorder; closing the window
 * mid-recording still leaves a complete video and no temporary. */
static void
test_record_chooser_and_close (void)
{
  SpWindow *window = new_window ();
  g_autofree char *dir = test_tmpdir_new ("test-app-export");
  g_autofree char *typed = g_build_filename (dir, "clip", NULL);
  g_autofree char *path = NULL;
  GtkFileChooser *chooser;
  gboolean webm = sp_recorder_can_encode_webm ();

  wait_for_serial (sp_window_get_simulation (window), 0);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.record-animation", NULL));
  chooser = test_wait_for_chooser ();
  g_assert_cmpstr (gtk_file_chooser_get_choice (chooser, "fps"), ==, "25");
  g_assert_cmpstr (gtk_file_chooser_get_choice (chooser, "size"), ==, "512");
  pick_option (chooser, "30 frames per second");
  pick_option (chooser, "1280 × 720 (HD)");
  accept_chooser (chooser, typed);
  while (sp_recording_get_recorder (sp_window_get_recording (window)) == NULL)
    g_main_context_iteration (NULL, TRUE);
  path = g_strdup (sp_recorder_get_output (sp_recording_get_recorder (sp_window_get_recording (window))));
  /* The extension is added to a bare name. */
  g_assert_true (g_str_has_suffix (path, webm ? "clip.webm" : "clip"));

  iterate_for (0.5);
  /* 30 a second: at most 1 + 0.5·30 (+1 for timing) frames. */
  g_assert_cmpuint (sp_recorder_get_pushed (sp_recording_get_recorder (sp_window_get_recording (window))), <=, 17);
  g_assert_cmpuint (sp_recorder_get_pushed (sp_recording_get_recorder (sp_window_get_recording (window))), >=, 1);

  close_window (window);
  if (webm)
    {
      assert_webm (path);
      g_assert_cmpuint (test_tmpdir_count (dir), ==, 1);
    }
  else
    g_assert_cmpuint (test_tmpdir_count (path), >=, 1);
  test_tmpdir_remove (dir);
}

/* Stop, then close before the file is finished: the file is still
 * completed, and the late outcome has nowhere to go (no toast, no crash). */
static void
test_record_stop_then_close (void)
{
  SpWindow *window = new_window ();
  g_autofree char *dir = test_tmpdir_new ("test-app-export");
  g_autofree char *path = g_build_filename (dir, "late.webm", NULL);
  SpRecorderOptions options;

  wait_for_serial (sp_window_get_simulation (window), 0);
  sp_recorder_options_init (&options);
  options.force_png = !sp_recorder_can_encode_webm ();
  g_assert_true (sp_window_record_start (window, path, &options));
  iterate_for (0.3);
  sp_window_record_stop (window);
  close_window (window);
  iterate_for (2.0);
  if (!options.force_png)
    assert_webm (path);
  test_tmpdir_remove (dir);
}

/* The Menu key on a figure opens its context menu, whose items then act
 * on that figure. */
static void
test_context_menu (void)
{
  SpWindow *window = new_window ();
  SpPlotView *phase = SP_PLOT_VIEW (overview_child (window, "phase_view"));
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (GTK_WIDGET (phase));
  GtkShortcut *menu_key = NULL;
  GtkWidget *popover;
  GMenuModel *model;

  for (guint i = 0; menu_key == NULL && i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_SHORTCUT_CONTROLLER (controller))
        for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
          {
            g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);
            GtkShortcutTrigger *t = gtk_shortcut_get_trigger (shortcut);
            g_autofree char *trigger = gtk_shortcut_trigger_to_string (t);

            if (strstr (trigger, "Menu") != NULL)
              menu_key = g_steal_pointer (&shortcut);
          }
    }
  g_assert_nonnull (menu_key);
  g_assert_true (gtk_shortcut_action_activate (gtk_shortcut_get_action (menu_key), 0,
                                               GTK_WIDGET (phase), NULL));
  g_object_unref (menu_key);

  popover = test_find_type (GTK_WIDGET (phase), GTK_TYPE_POPOVER_MENU);
  g_assert_nonnull (popover);
  while (!gtk_widget_get_mapped (popover))
    g_main_context_iteration (NULL, TRUE);
  model = gtk_popover_menu_get_menu_model (GTK_POPOVER_MENU (popover));
  g_assert_cmpint (g_menu_model_get_n_items (model), ==, 3);
  /* The figure under the menu is the one the items act on. */
  g_assert_true (sp_window_export_get_current_view (window) == phase);
  gtk_popover_popdown (GTK_POPOVER (popover));

  close_window (window);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  sp_gsl_init ();
  g_test_init (&argc, &argv, NULL);
  test_app_init ();

  g_test_add_func ("/app/export/actions", test_actions);
  g_test_add_func ("/app/export/current-view", test_current_view);
  g_test_add_func ("/app/export/to-path", test_to_path);
  g_test_add_func ("/app/export/to-path-failure", test_to_path_failure);
  g_test_add_func ("/app/export/chooser", test_chooser);
  g_test_add_func ("/app/export/chooser-type-wins", test_chooser_type_wins);
  g_test_add_func ("/app/export/data-chooser", test_data_chooser);
  g_test_add_func ("/app/export/copy", test_copy);
  g_test_add_func ("/app/export/context-menu", test_context_menu);
  g_test_add_func ("/app/export/record", test_record);
  g_test_add_func ("/app/export/record-failure", test_record_failure);
  g_test_add_func ("/app/export/record-chooser-and-close", test_record_chooser_and_close);
  g_test_add_func ("/app/export/record-stop-then-close", test_record_stop_then_close);

  status = g_test_run ();
  g_clear_object (&app);

  return status;
}
