/* test-app-session.c — session files in the window: Save / Open, hostile
 * files, unsaved changes and the close question, drag and drop, and
 * `spinodal FILE` (GApplication::open); version 2's page states with a
 * page of a second lab (test-transport-page.h), version-1 files beside it
 *
 * Runs under a display (the 'gui' suite: xvfb-run + dbus-run-session, with
 * GSK_RENDERER=cairo, GSETTINGS_BACKEND=memory, G_DEBUG=fatal-criticals).
 * Without a portal on the test's session bus the native file chooser is
 * GTK's own dialog, which chooser-save-open fills in and accepts; the
 * other tests save through sp_document_save_async().
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "sp-gsl.h"
#include "sp-param-panel.h"
#include "sp-params-session.h"
#include "sp-slider-row.h"
#include "sp-window.h"

#include "test-app-helpers.h"
#include "test-export-helpers.h"
#include "test-params-helpers.h"
#include "test-transport-page.h"

/* Helpers ------------------------------------------------------------------ */

static char *
scratch_dir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("sp-app-session-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

static void
remove_dir (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      g_assert_cmpint (g_remove (path), ==, 0);
    }
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

/* A copy of tests/data/@name in @dir: a save must never overwrite the
 * repository's samples. */
static GFile *
copy_sample (const char *dir,
             const char *name,
             const char *as)
{
  g_autofree char *source = g_test_build_filename (G_TEST_DIST, "data", name, NULL);
  g_autofree char *path = g_build_filename (dir, as, NULL);
  g_autofree char *contents = NULL;
  gsize length;

  g_assert_true (g_file_get_contents (source, &contents, &length, NULL));
  g_assert_true (g_file_set_contents (path, contents, length, NULL));
  return g_file_new_for_path (path);
}

static GFile *
write_file (const char *dir,
            const char *name,
            const char *contents,
            gssize      length)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);

  g_assert_true (g_file_set_contents (path, contents, length, NULL));
  return g_file_new_for_path (path);
}

static SpSession *
load_session (GFile *file)
{
  g_autoptr(SpSession) session = sp_session_new ();
  g_autoptr(GError) error = NULL;

  g_assert_true (sp_session_load_file (session, file, NULL, &error));
  g_assert_no_error (error);
  return g_steal_pointer (&session);
}

/* The visible AdwMessageDialog over @window, or NULL. */
static AdwMessageDialog *
find_dialog (SpWindow *window)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) toplevel = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (toplevel) && gtk_widget_get_visible (GTK_WIDGET (toplevel)) &&
          gtk_window_get_transient_for (GTK_WINDOW (toplevel)) == GTK_WINDOW (window))
        return ADW_MESSAGE_DIALOG (toplevel);
    }
  return NULL;
}

/* Types @name over the text the name field has, as a user does (the
 * field has the focus when the chooser opens). */
static void
type_name (GtkFileChooser *chooser,
           const char     *name)
{
  GtkWidget *focus = gtk_window_get_focus (GTK_WINDOW (chooser));

  g_assert_true (GTK_IS_EDITABLE (focus));
  gtk_editable_set_text (GTK_EDITABLE (focus), name);
  gtk_editable_set_position (GTK_EDITABLE (focus), -1);
  flush_main_loop ();
}

/* What Enter in the chooser does: its default button (Save or Open). */
static void
press_enter_in_chooser (GtkFileChooser *chooser)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (chooser), "default.activate", NULL));
}

/* Until the window's session operation is done or asks something. */
static void
wait_for_window (SpWindow *window)
{
  while (sp_document_get_busy (sp_window_get_document (window)) && find_dialog (window) == NULL)
    g_main_context_iteration (NULL, TRUE);
  flush_main_loop ();
}

/* Answers the dialog over @window (which must be there) with @response. */
static void
answer_dialog (SpWindow   *window,
               const char *response)
{
  AdwMessageDialog *dialog = find_dialog (window);

  g_assert_nonnull (dialog);
  adw_message_dialog_response (dialog, response);
  /* A click closes the dialog itself; a programmatic response does not. */
  gtk_window_destroy (GTK_WINDOW (dialog));
  flush_main_loop ();
}

/* A window whose every parameter is a fresh SpParams's: untitled and
 * unmodified, whatever earlier tests left in the memory settings. */
static SpWindow *
fresh_window (void)
{
  SpWindow *window = new_window ();
  g_autoptr(SpParams) fresh = sp_params_new ();
  g_auto(SpSession) session = { 0 };
  g_autoptr(GError) error = NULL;

  sp_params_get_session (fresh, NULL, &session);
  g_assert_true (sp_params_set_session (sp_window_get_params (window), &session, &error));
  g_assert_no_error (error);
  g_assert_null (sp_document_get_file (sp_window_get_document (window)));
  g_assert_false (sp_document_get_modified (sp_window_get_document (window)));
  return window;
}

/* The window's analysis is that of @model: an independent computation. */
static void
assert_analysis_of (SpWindow      *window,
                    const SpModel *model)
{
  SpAnalysis *shown = sp_window_get_analysis (window);
  g_autoptr(SpAnalysis) fresh = sp_analysis_new (model);

  g_assert_cmpfloat (shown->model.omega, ==, model->omega);
  g_assert_cmpfloat (shown->model.temperature, ==, model->temperature);
  g_assert_cmpfloat (shown->model.kappa, ==, model->kappa);
  g_assert_cmpfloat (shown->model.rk[1], ==, model->rk[1]);
  g_assert_cmpint (shown->model.mobility, ==, model->mobility);
  g_assert_cmpuint (shown->eq.n_gaps, ==, fresh->eq.n_gaps);
  for (guint i = 0; i < fresh->eq.n_gaps; i++)
    {
      g_assert_cmpfloat_with_epsilon (shown->eq.gaps[i].c_alpha, fresh->eq.gaps[i].c_alpha, 1e-12);
      g_assert_cmpfloat_with_epsilon (shown->eq.gaps[i].c_beta, fresh->eq.gaps[i].c_beta, 1e-12);
    }
  g_assert_cmpuint (shown->eq.n_spinodals, ==, fresh->eq.n_spinodals);
  for (guint i = 0; i < fresh->eq.n_spinodals; i++)
    g_assert_cmpfloat_with_epsilon (shown->eq.spinodals[i].lo, fresh->eq.spinodals[i].lo, 1e-12);
}

static AdwWindowTitle *
find_file_title (GtkWidget *widget)
{
  if (ADW_IS_WINDOW_TITLE (widget) && gtk_widget_has_css_class (widget, "session-title"))
    return ADW_WINDOW_TITLE (widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      AdwWindowTitle *found = find_file_title (child);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The session's name as the header bar shows it: in the middle when the
 * window is narrow, at the start (empty while untitled) when it is wide. */
static const char *
shown_title (SpWindow *window)
{
  GObject *switcher = template_child (window, SP_TYPE_WINDOW, "switcher_title");
  const char *title = adw_view_switcher_title_get_title (ADW_VIEW_SWITCHER_TITLE (switcher));
  AdwWindowTitle *file_title;

  flush_main_loop ();   /* the header bar settles in an idle */
  file_title = find_file_title (GTK_WIDGET (window));
  g_assert_nonnull (file_title);
  g_assert_cmpint (gtk_widget_get_visible (GTK_WIDGET (file_title)), !=,
                   adw_view_switcher_title_get_title_visible (ADW_VIEW_SWITCHER_TITLE (switcher)));
  if (sp_document_get_file (sp_window_get_document (window)) == NULL)
    g_assert_cmpstr (adw_window_title_get_title (file_title), ==, "");
  else
    g_assert_cmpstr (adw_window_title_get_title (file_title), ==, title);
  return title;
}

static void
move_omega_slider (SpWindow *window,
                   double    value)
{
  GObject *panel = window_panel (window, "phase-separation");
  SpSliderRow *omega = SP_SLIDER_ROW (template_child (panel, SP_TYPE_PARAM_PANEL, "omega_row"));

  gtk_adjustment_set_value (sp_slider_row_get_adjustment (omega), value);
}

static void
save_and_wait (SpWindow *window,
               GFile    *file)
{
  sp_document_save_async (sp_window_get_document (window), file, NULL, NULL, NULL);
  wait_for_window (window);
  g_assert_null (find_dialog (window));
  g_assert_true (sp_document_get_file (sp_window_get_document (window)) != NULL &&
                 g_file_equal (sp_document_get_file (sp_window_get_document (window)), file));
}
/* The window -------------------------------------------------------------- */

/* Whether @detailed ("win.open") is one of the window's class actions. */
static gboolean
has_class_action (SpWindow   *window,
                  const char *detailed)
{
  GtkWidgetClass *klass = GTK_WIDGET_GET_CLASS (window);
  const GVariantType *parameter_type;
  const char *property;
  const char *name;
  GType owner;

  /* GTK 4.8 writes every out argument: none may be NULL. */
  for (guint i = 0;
       gtk_widget_class_query_action (klass, i, &owner, &name, &parameter_type, &property);
       i++)
    if (g_str_equal (name, detailed))
      return TRUE;
  return FALSE;
}

static void
test_accels (void)
{
  const struct { const char *action; const char *accel; } expected[] = {
    { "win.open", "<Control>o" },
    { "win.save", "<Control>s" },
    { "win.save-as", "<Shift><Control>s" },
  };
  SpWindow *window = fresh_window ();

  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_auto(GStrv) accels = gtk_application_get_accels_for_action (GTK_APPLICATION (app),
                                                                   expected[i].action);
      guint key, want_key;
      GdkModifierType mods, want_mods;

      g_assert_cmpuint (g_strv_length (accels), ==, 1);
      g_assert_true (gtk_accelerator_parse (accels[0], &key, &mods));
      g_assert_true (gtk_accelerator_parse (expected[i].accel, &want_key, &want_mods));
      g_assert_cmpuint (key, ==, want_key);
      g_assert_cmpuint (mods, ==, want_mods);
      /* A class action of the window (sp-window-actions.c). */
      g_assert_true (has_class_action (window, expected[i].action));
    }
  close_window (window);
}

/* Save through the hook, read back with the core loader: equal. */
static void
test_save_load (void)
{
  g_autofree char *dir = scratch_dir ();
  g_autofree char *path = g_build_filename (dir, "mine.spinodal", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  SpWindow *window = fresh_window ();
  SpParams *params = sp_window_get_params (window);
  g_auto(SpSession) expected = { 0 };
  g_autoptr(SpSession) loaded = NULL;

  g_assert_cmpstr (shown_title (window), ==, "Spinodal");
  g_object_set (params, "omega", 101.25, "kappa", 333.5, "l2", -12.75, "grid-size", 128u,
                "domain-length", 96.5, "seed", G_GUINT64_CONSTANT (9007199254740993),
                "steps-per-frame", 17u, "mobility", SP_MOBILITY_CONSTANT, NULL);
  g_assert_true (sp_document_get_modified (sp_window_get_document (window)));   /* untitled, off its preset */
  save_and_wait (window, file);
  g_assert_false (sp_document_get_modified (sp_window_get_document (window)));
  g_assert_cmpstr (shown_title (window), ==, "mine.spinodal");
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "mine.spinodal — Spinodal");

  loaded = load_session (file);
  g_assert_cmpfloat (loaded->sim.model.omega, ==, 101.25);
  g_assert_cmpfloat (loaded->sim.model.kappa, ==, 333.5);
  g_assert_cmpfloat (loaded->sim.model.rk[1], ==, -12.75);
  g_assert_cmpuint (loaded->sim.n, ==, 128);
  g_assert_cmpfloat (loaded->sim.length, ==, 96.5);
  g_assert_cmpuint (loaded->sim.seed, ==, G_GUINT64_CONSTANT (9007199254740993));
  g_assert_cmpuint (loaded->steps_per_frame, ==, 17);
  g_assert_cmpint (loaded->sim.model.mobility, ==, SP_MOBILITY_CONSTANT);
  g_assert_cmpstr (loaded->preset, ==, SP_PRESET_DEFAULT);
  sp_params_get_session (params, NULL, &expected);
  /* The window's other pages saved theirs (the Impedance page's model). */
  g_assert_nonnull (loaded->pages);
  g_assert_true (json_object_has_member (loaded->pages, "impedance"));
  sp_session_set_pages (&expected, loaded->pages);
  g_assert_true (sp_session_equal (loaded, &expected));
  assert_params_show (params, loaded);

  close_window (window);
  remove_dir (dir);
}

/* Save As and Open through the file chooser, as a user does them: Ctrl+S
 * on a new session (and Ctrl+Shift+S) opens the chooser, a name is typed,
 * Enter.  Save As used to crash here: g_steal_pointer (&task) evaluated
 * before g_task_get_cancellable (task) in the same call. */
static void
test_chooser_save_open (void)
{
  g_autofree char *dir = scratch_dir ();
  g_autofree char *path = g_build_filename (dir, "lecture.spinodal", NULL);
  g_autofree char *path2 = g_build_filename (dir, "second.spinodal", NULL);
  g_autofree char *cwd = g_get_current_dir ();
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) file2 = g_file_new_for_path (path2);
  SpWindow *window = fresh_window ();
  SpParams *params = sp_window_get_params (window);
  g_auto(SpSession) expected = { 0 };
  g_autoptr(SpSession) loaded = NULL;
  GtkFileChooser *chooser;

  g_object_set (params, "omega", 117.5, "temperature", 333.0, NULL);
  sp_params_get_session (params, NULL, &expected);
  /* The chooser opens in the current folder: a typed name is saved there. */
  g_assert_cmpint (g_chdir (dir), ==, 0);

  /* Ctrl+S, untitled: the chooser; the bare name gets the suffix. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL);
  chooser = test_wait_for_chooser ();
  type_name (chooser, "lecture");   /* a bare name: the suffix is added */
  press_enter_in_chooser (chooser);
  wait_for_window (window);
  g_assert_false (sp_document_get_busy (sp_window_get_document (window)));
  g_assert_nonnull (sp_document_get_file (sp_window_get_document (window)));
  g_assert_cmpstr (g_file_peek_path (sp_document_get_file (sp_window_get_document (window))), ==, path);
  g_assert_false (sp_document_get_modified (sp_window_get_document (window)));
  loaded = load_session (file);
  /* The params' session has no pages; the file has the Impedance page's. */
  g_assert_true (json_object_has_member (loaded->pages, "impedance"));
  sp_session_set_pages (loaded, NULL);
  g_assert_true (sp_session_equal (loaded, &expected));
  g_clear_pointer (&loaded, sp_session_free);

  /* Ctrl+Shift+S to another name. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.save-as", NULL);
  chooser = test_wait_for_chooser ();
  type_name (chooser, "second.spinodal");
  press_enter_in_chooser (chooser);
  wait_for_window (window);
  g_assert_true (g_file_equal (sp_document_get_file (sp_window_get_document (window)), file2));
  loaded = load_session (file2);
  /* The params' session has no pages; the file has the Impedance page's. */
  g_assert_true (json_object_has_member (loaded->pages, "impedance"));
  sp_session_set_pages (loaded, NULL);
  g_assert_true (sp_session_equal (loaded, &expected));
  g_clear_pointer (&loaded, sp_session_free);

  /* Changed, then Ctrl+O the first file: "Save changes?" Discard, and the
   * file's parameters are back. */
  g_object_set (params, "omega", 150.0, NULL);
  g_assert_true (sp_document_get_modified (sp_window_get_document (window)));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.open", NULL);
  chooser = test_wait_for_chooser ();
  /* The file clicked in the list (selected once the folder is read). */
  g_assert_true (gtk_file_chooser_set_file (chooser, file, NULL));
  for (gint64 end = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;;)
    {
      g_autoptr(GFile) selected = gtk_file_chooser_get_file (chooser);

      if (selected != NULL && g_file_equal (selected, file))
        break;
      g_assert_cmpint (g_get_monotonic_time (), <, end);
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
  press_enter_in_chooser (chooser);
  wait_for_window (window);
  answer_dialog (window, "discard");
  wait_for_window (window);
  g_assert_false (sp_document_get_busy (sp_window_get_document (window)));
  g_assert_true (g_file_equal (sp_document_get_file (sp_window_get_document (window)), file));
  g_assert_false (sp_document_get_modified (sp_window_get_document (window)));
  assert_params_show (params, &expected);

  /* Dismissing the chooser changes nothing and leaves nothing busy. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.save-as", NULL);
  chooser = test_wait_for_chooser ();
  gtk_widget_activate_action (GTK_WIDGET (chooser), "window.close", NULL);
  wait_for_window (window);
  g_assert_false (sp_document_get_busy (sp_window_get_document (window)));
  g_assert_true (g_file_equal (sp_document_get_file (sp_window_get_document (window)), file));

  close_window (window);
  g_assert_cmpint (g_chdir (cwd), ==, 0);
  remove_dir (dir);
}

/* A slider marks the session modified ("•"); Save clears it; moving the
 * slider back to the file's value clears it too. */
static void
test_modified (void)
{
  g_autofree char *dir = scratch_dir ();
  g_autofree char *path = g_build_filename (dir, "work.spinodal", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  SpWindow *window = fresh_window ();
  SpParams *params = sp_window_get_params (window);
  g_autoptr(SpSession) loaded = NULL;
  double omega;

  /* Untitled: back on its preset, it is not modified. */
  move_omega_slider (window, 150.0);
  g_assert_true (sp_document_get_modified (sp_window_get_document (window)));
  g_assert_true (sp_params_reset_to_preset (params, NULL));
  g_assert_false (sp_document_get_modified (sp_window_get_document (window)));
  g_assert_cmpstr (shown_title (window), ==, "Spinodal");

  save_and_wait (window, file);
  g_object_get (params, "omega", &omega, NULL);
  /* Presentation mode is not part of the session. */
  g_object_set (params, "presentation", TRUE, NULL);
  g_assert_false (sp_document_get_modified (sp_window_get_document (window)));
  g_object_set (params, "presentation", FALSE, NULL);

  move_omega_slider (window, 150.0);
  g_assert_true (sp_document_get_modified (sp_window_get_document (window)));
  g_assert_cmpstr (shown_title (window), ==, "• work.spinodal");
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "• work.spinodal — Spinodal");
  move_omega_slider (window, omega);
  g_assert_false (sp_document_get_modified (sp_window_get_document (window)));
  g_assert_cmpstr (shown_title (window), ==, "work.spinodal");

  /* Ctrl+S's action writes to the session's own file. */
  move_omega_slider (window, 150.0);
  g_object_set (params, "seed", G_GUINT64_CONSTANT (4242), NULL);
  g_assert_true (sp_document_get_modified (sp_window_get_document (window)));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL));
  wait_for_window (window);
  g_assert_false (sp_document_get_modified (sp_window_get_document (window)));
  g_assert_cmpstr (shown_title (window), ==, "work.spinodal");
  loaded = load_session (file);
  g_assert_cmpfloat (loaded->sim.model.omega, ==, 150.0);
  g_assert_cmpuint (loaded->sim.seed, ==, 4242);

  close_window (window);
  remove_dir (dir);
}

/* A sample file: every property, the analysis, the title; saved back, the
 * file's own numerics and missing preset survive. */
static void
check_load_sample (const char *sample,
                   gboolean    has_preset)
{
  g_autofree char *dir = scratch_dir ();
  g_autoptr(GFile) file = copy_sample (dir, sample, "sample.spinodal");
  g_autofree char *copy_path = g_build_filename (dir, "copy.spinodal", NULL);
  g_autoptr(GFile) copy = g_file_new_for_path (copy_path);
  g_autoptr(SpSession) expected = load_session (file);
  g_autoptr(SpSession) saved = NULL;
  SpWindow *window = fresh_window ();
  SpParams *params = sp_window_get_params (window);

  sp_window_open_file (window, file);
  g_assert_true (sp_document_get_busy (sp_window_get_document (window)));
  wait_for_window (window);
  g_assert_null (find_dialog (window));
  g_assert_true (g_file_equal (sp_document_get_file (sp_window_get_document (window)), file));
  g_assert_false (sp_document_get_modified (sp_window_get_document (window)));
  g_assert_cmpstr (shown_title (window), ==, "sample.spinodal");
  assert_params_show (params, expected);
  assert_analysis_of (window, &expected->sim.model);
  if (!has_preset)
    g_assert_cmpstr (sp_params_get_preset (params), ==, SP_PRESET_DEFAULT);

  save_and_wait (window, copy);
  saved = load_session (copy);
  /* The window's Impedance and Hopping pages save their state, whether
   * or not the sample had one. */
  for (guint p = 0; p < 2; p++)
    {
      const char *page = p == 0 ? "impedance" : "hopping";
      g_autoptr(JsonObject) rest = NULL;
      g_autoptr(GList) names = NULL;

      if (expected->pages != NULL && json_object_has_member (expected->pages, page))
        continue;
      rest = json_object_new ();
      g_assert_nonnull (saved->pages);
      g_assert_true (json_object_has_member (saved->pages, page));
      names = json_object_get_members (saved->pages);
      for (GList *n = names; n != NULL; n = n->next)
        if (g_strcmp0 (n->data, page) != 0)
          json_object_set_member (rest, n->data,
                                  json_node_copy (json_object_get_member (saved->pages, n->data)));
      sp_session_set_pages (saved, json_object_get_size (rest) > 0 ? rest : NULL);
    }
  g_assert_true (sp_session_equal (saved, expected));

  close_window (window);
  remove_dir (dir);
}

static void
test_load_file (void)
{
  /* The literal values of tests/data/session-v1-custom-rk.spinodal. */
  {
    g_autofree char *dir = scratch_dir ();
    g_autoptr(GFile) file = copy_sample (dir, "session-v1-custom-rk.spinodal", "rk.spinodal");
    SpWindow *window = fresh_window ();
    SpParams *params = sp_window_get_params (window);
    double omega, l2, c0, length;
    guint64 seed;
    guint grid;
    SpMobility mobility;

    sp_window_open_file (window, file);
    wait_for_window (window);
    g_object_get (params, "omega", &omega, "l2", &l2, "c0", &c0, "domain-length", &length,
                  "seed", &seed, "grid-size", &grid, "mobility", &mobility, NULL);
    g_assert_cmpfloat (omega, ==, 60.0);
    g_assert_cmpfloat (l2, ==, 35.5);
    g_assert_cmpfloat (c0, ==, 0.3);
    g_assert_cmpfloat (length, ==, 150.0);
    g_assert_cmpuint (seed, ==, G_MAXUINT64);
    g_assert_cmpuint (grid, ==, 128);
    g_assert_cmpint (mobility, ==, SP_MOBILITY_CONSTANT);
    g_assert_cmpfloat (sp_window_get_analysis (window)->model.rk[0], ==, -20.0);
    close_window (window);
    remove_dir (dir);
  }

  check_load_sample ("session-v1-custom-rk.spinodal", FALSE);
  check_load_sample ("session-v1-lifepo4.spinodal", TRUE);
}

/* @text with its first @from replaced by @to. */
static char *
replace_once (const char *text,
              const char *from,
              const char *to)
{
  const char *at = strstr (text, from);
  g_autofree char *head = NULL;

  g_assert_nonnull (at);
  head = g_strndup (text, at - text);
  return g_strconcat (head, to, at + strlen (from), NULL);
}

typedef struct
{
  const char *name;
  char       *contents;
  gssize      length;
  const char *expect;   /* in the dialog's body */
} HostileCase;

/* Hostile files: a dialog naming the problem, not a question, and every
 * parameter as it was, even over unsaved changes. */
static void
test_hostile (void)
{
  g_autofree char *dir = scratch_dir ();
  g_autofree char *good_path = g_test_build_filename (G_TEST_DIST, "data",
                                                      "session-v1-lifepo4.spinodal", NULL);
  g_autofree char *good = NULL;
  g_autofree char *garbage = g_malloc (4096);
  g_autofree char *huge = NULL;
  SpWindow *window = fresh_window ();
  SpParams *params = sp_window_get_params (window);
  g_autoptr(GFile) mine = g_file_new_build_filename (dir, "mine.spinodal", NULL);
  gsize good_length;
  HostileCase cases[12];
  guint n = 0;

  g_assert_true (g_file_get_contents (good_path, &good, &good_length, NULL));
  for (guint i = 0; i < 4096; i++)
    garbage[i] = (char) (g_test_rand_int () & 0xff);
  garbage[0] = (char) 0xff;   /* never valid UTF-8 */
  huge = g_strnfill (SP_SESSION_MAX_BYTES + 16, ' ');

#define REPLACE(from, to) replace_once (good, from, to)
#define CASE(n_, c_, l_, e_) cases[n++] = (HostileCase) { n_, c_, l_, e_ }
  CASE ("truncated.spinodal", g_strndup (good, good_length / 2), -1, "not valid JSON");
  CASE ("nan.spinodal", REPLACE ("115.8", "NaN"), -1, "not valid JSON");
  CASE ("nan-string.spinodal", REPLACE ("115.8", "\"NaN\""), -1, "session.model.omega");
  CASE ("infinite.spinodal", REPLACE ("115.8", "1e999"), -1, "session.model.omega");
  CASE ("cold.spinodal", REPLACE ("298.0", "0"), -1, "session.model.temperature");
  CASE ("explorer-range.spinodal", REPLACE ("115.8", "800"), -1, "session.model.omega: 800 meV");
  CASE ("grid.spinodal", REPLACE ("\"grid\" : 256", "\"grid\" : 1000"), -1, "session.simulation.grid");
  CASE ("typed.spinodal", REPLACE ("\"c0\" : 0.5", "\"c0\" : [0.5]"), -1, "session.model.c0");
  CASE ("version.spinodal", REPLACE ("\"version\" : 1", "\"version\" : 99"), -1, "session.version");
  CASE ("garbage.spinodal", g_memdup2 (garbage, 4096), 4096, "not UTF-8");
  CASE ("huge.spinodal", g_strdup (huge), -1, "larger than the 16777216 bytes");
  CASE ("empty.spinodal", g_strdup (""), 0, "the file is empty");
#undef CASE
#undef REPLACE
  g_assert_cmpuint (n, <=, G_N_ELEMENTS (cases));

  /* Titled, with unsaved changes: a bad file must not ask to save them. */
  save_and_wait (window, mine);
  move_omega_slider (window, 140.0);
  g_assert_true (sp_document_get_modified (sp_window_get_document (window)));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GFile) file = write_file (dir, cases[i].name, cases[i].contents, cases[i].length);
      g_autoptr(Snapshot) snap = snapshot_new (params);
      g_autofree char *heading = g_strdup_printf ("Could Not Open “%s”", cases[i].name);
      SpAnalysis *analysis = sp_window_get_analysis (window);
      AdwMessageDialog *dialog;

      sp_window_open_file (window, file);
      wait_for_window (window);
      dialog = find_dialog (window);
      g_assert_nonnull (dialog);
      g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, heading);
      g_assert_cmpstr (adw_message_dialog_get_body (dialog), !=, "");
      if (strstr (adw_message_dialog_get_body (dialog), cases[i].expect) == NULL)
        g_error ("%s: “%s” does not name “%s”", cases[i].name,
                 adw_message_dialog_get_body (dialog), cases[i].expect);
      /* The error dialog has one answer: no Discard, no Save. */
      g_assert_false (adw_message_dialog_has_response (dialog, "discard"));
      answer_dialog (window, "close");
      g_assert_false (sp_document_get_busy (sp_window_get_document (window)));

      assert_params_equal (params, snap, TRUE);
      g_assert_true (sp_window_get_analysis (window) == analysis);
      g_assert_true (g_file_equal (sp_document_get_file (sp_window_get_document (window)), mine));
      g_assert_true (sp_document_get_modified (sp_window_get_document (window)));
      g_assert_cmpstr (shown_title (window), ==, "• mine.spinodal");
      g_free (cases[i].contents);
    }

  close_window (window);
  remove_dir (dir);
}

/* Opening over unsaved changes asks; Cancel keeps everything, Discard
 * opens, Save writes the old file first. */
static void
test_open_asks (void)
{
  g_autofree char *dir = scratch_dir ();
  g_autoptr(GFile) mine = g_file_new_build_filename (dir, "mine.spinodal", NULL);
  g_autoptr(GFile) sample = copy_sample (dir, "session-v1-custom-rk.spinodal", "rk.spinodal");
  g_autoptr(SpSession) expected = load_session (sample);
  SpWindow *window = fresh_window ();
  SpParams *params = sp_window_get_params (window);
  g_autoptr(Snapshot) snap = NULL;
  g_autoptr(SpSession) written = NULL;
  AdwMessageDialog *dialog;

  save_and_wait (window, mine);
  move_omega_slider (window, 140.0);
  snap = snapshot_new (params);

  sp_window_open_file (window, sample);
  wait_for_window (window);
  dialog = find_dialog (window);
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Save Changes?");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "mine.spinodal"));
  answer_dialog (window, "cancel");
  g_assert_false (sp_document_get_busy (sp_window_get_document (window)));
  assert_params_equal (params, snap, TRUE);
  g_assert_true (g_file_equal (sp_document_get_file (sp_window_get_document (window)), mine));
  g_assert_true (sp_document_get_modified (sp_window_get_document (window)));

  sp_window_open_file (window, sample);
  wait_for_window (window);
  answer_dialog (window, "discard");
  wait_for_window (window);
  g_assert_true (g_file_equal (sp_document_get_file (sp_window_get_document (window)), sample));
  assert_params_show (params, expected);
  written = load_session (mine);
  g_assert_cmpfloat (written->sim.model.omega, !=, 140.0);   /* discarded */
  g_clear_pointer (&written, sp_session_free);

  /* "Save" writes the session's own file (the copied sample), then opens. */
  move_omega_slider (window, 130.0);
  sp_window_open_file (window, mine);
  wait_for_window (window);
  answer_dialog (window, "save");
  wait_for_window (window);
  g_assert_true (g_file_equal (sp_document_get_file (sp_window_get_document (window)), mine));
  written = load_session (sample);
  g_assert_cmpfloat (written->sim.model.omega, ==, 130.0);
  g_assert_cmpfloat (written->sim.noise, ==, expected->sim.noise);   /* kept */
  g_assert_null (written->preset);

  close_window (window);
  remove_dir (dir);
}

/* close-request: untitled never asks; a modified file asks, Cancel keeps
 * the window, Discard closes it, Save writes and closes. */
static void
test_close_asks (void)
{
  g_autofree char *dir = scratch_dir ();
  g_autoptr(GFile) file = g_file_new_build_filename (dir, "close.spinodal", NULL);
  SpWindow *window = fresh_window ();
  g_autoptr(SpSession) written = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_auto(SpSession) at_close = { 0 };
  gpointer alive = window;

  /* Untitled and modified: GSettings keeps it, no question. */
  g_object_add_weak_pointer (G_OBJECT (window), &alive);
  move_omega_slider (window, 140.0);
  g_assert_true (sp_document_get_modified (sp_window_get_document (window)));
  gtk_window_close (GTK_WINDOW (window));
  flush_main_loop ();
  g_assert_null (alive);

  window = fresh_window ();
  alive = window;
  g_object_add_weak_pointer (G_OBJECT (window), &alive);
  save_and_wait (window, file);
  /* Titled and unmodified: no question either. */
  gtk_window_close (GTK_WINDOW (window));
  flush_main_loop ();
  g_assert_null (alive);

  window = fresh_window ();
  alive = window;
  g_object_add_weak_pointer (G_OBJECT (window), &alive);
  save_and_wait (window, file);
  g_assert_true (g_file_get_contents (g_file_peek_path (file), &before, NULL, NULL));
  move_omega_slider (window, 140.0);

  gtk_window_close (GTK_WINDOW (window));
  flush_main_loop ();
  g_assert_nonnull (find_dialog (window));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (find_dialog (window)), "close.spinodal"));
  answer_dialog (window, "cancel");
  g_assert_nonnull (alive);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (window)));
  g_assert_true (sp_document_get_modified (sp_window_get_document (window)));

  /* Quit (Ctrl+Q) asks the same question, and Cancel keeps the window. */
  g_action_group_activate_action (G_ACTION_GROUP (app), "quit", NULL);
  flush_main_loop ();
  answer_dialog (window, "cancel");
  g_assert_nonnull (alive);
  g_assert_true (sp_document_get_modified (sp_window_get_document (window)));

  /* Discard: the window goes, the file stays as it was. */
  gtk_window_close (GTK_WINDOW (window));
  flush_main_loop ();
  answer_dialog (window, "discard");
  g_assert_null (alive);
  g_assert_true (g_file_get_contents (g_file_peek_path (file), &after, NULL, NULL));
  g_assert_cmpstr (after, ==, before);

  /* Save: written, then closed. */
  window = fresh_window ();
  alive = window;
  g_object_add_weak_pointer (G_OBJECT (window), &alive);
  save_and_wait (window, file);
  move_omega_slider (window, 145.5);
  sp_params_get_session (sp_window_get_params (window), NULL, &at_close);
  gtk_window_close (GTK_WINDOW (window));
  flush_main_loop ();
  answer_dialog (window, "save");
  while (alive != NULL)
    g_main_context_iteration (NULL, TRUE);
  written = load_session (file);
  g_assert_cmpfloat (written->sim.model.omega, ==, 145.5);
  /* The params' session has no pages; the file has the Impedance page's. */
  g_assert_true (json_object_has_member (written->pages, "impedance"));
  sp_session_set_pages (written, NULL);
  g_assert_true (sp_session_equal (written, &at_close));

  remove_dir (dir);
}

/* A file dropped on the window opens like Open…. */
static void
test_drop (void)
{
  g_autofree char *dir = scratch_dir ();
  g_autoptr(GFile) sample = copy_sample (dir, "session-v1-custom-rk.spinodal", "dropped.spinodal");
  g_autoptr(SpSession) expected = load_session (sample);
  SpWindow *window = fresh_window ();
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (GTK_WIDGET (window));
  GtkDropTarget *target = NULL;
  GValue value = G_VALUE_INIT;
  gboolean accepted = FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_DROP_TARGET (controller))
        target = GTK_DROP_TARGET (controller);
    }
  g_assert_nonnull (target);
  g_value_init (&value, G_TYPE_FILE);
  g_value_set_object (&value, sample);
  g_signal_emit_by_name (target, "drop", &value, 10.0, 10.0, &accepted);
  g_value_unset (&value);
  g_assert_true (accepted);
  wait_for_window (window);
  g_assert_true (g_file_equal (sp_document_get_file (sp_window_get_document (window)), sample));
  assert_params_show (sp_window_get_params (window), expected);
  g_assert_cmpstr (shown_title (window), ==, "dropped.spinodal");

  close_window (window);
  remove_dir (dir);
}

/* `spinodal FILE`: GApplication::open loads it into the explorer window;
 * a bad file shows the error dialog there. */
static void
test_application_open (void)
{
  g_autofree char *dir = scratch_dir ();
  g_autoptr(GFile) sample = copy_sample (dir, "session-v1-custom-rk.spinodal", "cli.spinodal");
  g_autoptr(GFile) bad = write_file (dir, "bad.spinodal", "{\"format\": \"spinodal-session\","
                                     " \"version\": 1, \"model\": {\"kappa\": -1}}", -1);
  g_autoptr(SpSession) expected = load_session (sample);
  SpWindow *window = fresh_window ();
  GFile *files[1];
  g_autoptr(Snapshot) snap = NULL;

  g_assert_true (g_application_get_flags (G_APPLICATION (app)) & G_APPLICATION_HANDLES_OPEN);
  files[0] = sample;
  g_application_open (G_APPLICATION (app), files, 1, "");
  wait_for_window (window);
  g_assert_cmpuint (g_list_length (gtk_application_get_windows (GTK_APPLICATION (app))), ==, 1);
  g_assert_true (g_file_equal (sp_document_get_file (sp_window_get_document (window)), sample));
  assert_params_show (sp_window_get_params (window), expected);
  assert_analysis_of (window, &expected->sim.model);

  snap = snapshot_new (sp_window_get_params (window));
  files[0] = bad;
  g_application_open (G_APPLICATION (app), files, 1, "");
  wait_for_window (window);
  g_assert_nonnull (find_dialog (window));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (find_dialog (window)), "session.model.kappa"));
  answer_dialog (window, "close");
  assert_params_equal (sp_window_get_params (window), snap, TRUE);
  g_assert_true (g_file_equal (sp_document_get_file (sp_window_get_document (window)), sample));
  close_window (window);

  /* No window yet: open makes one. */
  files[0] = sample;
  g_application_open (G_APPLICATION (app), files, 1, "");
  g_assert_nonnull (gtk_application_get_windows (GTK_APPLICATION (app)));
  window = SP_WINDOW (gtk_application_get_windows (GTK_APPLICATION (app))->data);
  wait_for_window (window);
  if (find_dialog (window) != NULL)   /* the settings held unsaved work */
    {
      answer_dialog (window, "discard");
      wait_for_window (window);
    }
  g_assert_true (g_file_equal (sp_document_get_file (sp_window_get_document (window)), sample));
  assert_params_show (sp_window_get_params (window), expected);
  close_window (window);

  remove_dir (dir);
}

/* Version 2: the pages' states ------------------------------------------------ */

static double
get_omega (SpWindow *window)
{
  double omega;

  g_object_get (sp_window_get_params (window), "omega", &omega, NULL);
  return omega;
}

/* A fresh window with the test page of the Ion Transport lab. */
static SpLabPage *
add_transport_page (SpWindow *window)
{
  SpLabPage *page = test_transport_page_new ("transport-a", NULL);

  sp_window_add_page (window, page);
  g_assert_false (sp_document_get_modified (sp_window_get_document (window)));
  return page;
}

static JsonObject *
read_json (GFile *file)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autofree char *path = g_file_get_path (file);
  g_autoptr(GError) error = NULL;

  g_assert_true (json_parser_load_from_file (parser, path, &error));
  g_assert_no_error (error);
  return json_object_ref (json_node_get_object (json_parser_get_root (parser)));
}

static JsonObject *
saved_page (JsonObject *root,
            const char *name)
{
  return json_object_get_object_member (json_object_get_object_member (root, "pages"), name);
}

static void
open_and_wait (SpWindow *window,
               GFile    *file)
{
  sp_window_open_file (window, file);
  wait_for_window (window);
}

/* A page's state is saved, counts as a change, and is shown again. */
static void
test_page_state_round_trip (void)
{
  g_autofree char *dir = scratch_dir ();
  g_autoptr(GFile) file = g_file_new_build_filename (dir, "pages.spinodal", NULL);
  g_autoptr(JsonObject) root = NULL;
  SpWindow *window = fresh_window ();
  SpLabPage *page = add_transport_page (window);
  SpDocument *document = sp_window_get_document (window);

  /* Untitled: a page's own state counts like a slider. */
  test_transport_page_set_resistance (page, 2500.0);
  g_assert_true (sp_document_get_modified (document));
  test_transport_page_set_resistance (page, TEST_RESISTANCE_DEFAULT);
  g_assert_false (sp_document_get_modified (document));

  test_transport_page_set_resistance (page, 2500.0);
  move_omega_slider (window, 140.0);
  save_and_wait (window, file);
  g_assert_false (sp_document_get_modified (document));
  root = read_json (file);
  g_assert_cmpint (json_object_get_int_member (root, "version"), ==, 2);
  g_assert_cmpfloat (json_object_get_double_member (saved_page (root, "transport-a"), "resistance_ohm"),
                     ==, 2500.0);
  g_assert_cmpfloat (json_object_get_double_member (json_object_get_object_member (root, "model"),
                                                    "omega"), ==, 140.0);
  /* Titled: a change and its undoing. */
  test_transport_page_set_resistance (page, 30.0);
  g_assert_true (sp_document_get_modified (document));
  g_assert_cmpstr (shown_title (window), ==, "• pages.spinodal");
  test_transport_page_set_resistance (page, 2500.0);
  g_assert_false (sp_document_get_modified (document));
  close_window (window);

  /* Another window shows both labs' states from the file. */
  window = fresh_window ();
  page = add_transport_page (window);
  g_assert_cmpfloat (test_transport_page_get_resistance (page), ==, TEST_RESISTANCE_DEFAULT);
  open_and_wait (window, file);
  g_assert_null (find_dialog (window));
  g_assert_cmpfloat (test_transport_page_get_resistance (page), ==, 2500.0);
  g_assert_cmpfloat (get_omega (window), ==, 140.0);
  g_assert_false (sp_document_get_modified (sp_window_get_document (window)));
  g_assert_null (sp_document_get_unknown_pages (sp_window_get_document (window)));
  close_window (window);
  remove_dir (dir);
}

/* A version-1 file (tests/data) opens beside a page it knows nothing of:
 * the page keeps its state, nothing counts as changed, a save writes
 * version 2 with the page and the file's parameters. */
static void
test_page_state_v1 (void)
{
  g_autofree char *dir = scratch_dir ();
  g_autoptr(GFile) sample = copy_sample (dir, "session-v1-lifepo4.spinodal", "v1.spinodal");
  g_autoptr(GFile) copy = g_file_new_build_filename (dir, "v2.spinodal", NULL);
  g_autoptr(SpSession) expected = load_session (sample);
  g_autoptr(SpSession) saved = NULL;
  g_autoptr(JsonObject) root = NULL;
  SpWindow *window = fresh_window ();
  SpLabPage *page = add_transport_page (window);

  /* The page's change is unsaved work: opening asks first. */
  test_transport_page_set_resistance (page, 777.0);
  open_and_wait (window, sample);
  answer_dialog (window, "discard");
  wait_for_window (window);
  g_assert_null (find_dialog (window));
  g_assert_true (g_file_equal (sp_document_get_file (sp_window_get_document (window)), sample));
  g_assert_false (sp_document_get_modified (sp_window_get_document (window)));
  g_assert_cmpfloat (test_transport_page_get_resistance (page), ==, 777.0);
  assert_params_show (sp_window_get_params (window), expected);

  save_and_wait (window, copy);
  root = read_json (copy);
  g_assert_cmpint (json_object_get_int_member (root, "version"), ==, 2);
  g_assert_cmpfloat (json_object_get_double_member (saved_page (root, "transport-a"), "resistance_ohm"),
                     ==, 777.0);
  saved = load_session (copy);
  sp_session_set_pages (saved, NULL);
  g_assert_true (sp_session_equal (saved, expected));
  close_window (window);
  remove_dir (dir);
}

/* A page this version does not have: the rest loads, a toast names it,
 * and a save keeps it as the file had it. */
static void
test_unknown_page (void)
{
  static const char doc[] =
    "{\"format\": \"spinodal-session\", \"version\": 2, \"preset\": \"lifepo4\","
    " \"model\": {\"omega\": 120.5},"
    " \"pages\": {\"defects\": {\"barrier_ev\": 0.31, \"sites\": [1, 2]},"
    "             \"transport-a\": {\"resistance_ohm\": 50}}}";
  g_autofree char *dir = scratch_dir ();
  g_autoptr(GFile) file = write_file (dir, "future.spinodal", doc, -1);
  g_autoptr(GFile) copy = g_file_new_build_filename (dir, "copy.spinodal", NULL);
  g_autoptr(JsonObject) root = NULL;
  g_autofree char *toasts = NULL;
  SpWindow *window = fresh_window ();
  SpLabPage *page = add_transport_page (window);
  const char * const *unknown;

  open_and_wait (window, file);
  g_assert_null (find_dialog (window));
  g_assert_cmpfloat (test_transport_page_get_resistance (page), ==, 50.0);
  g_assert_cmpfloat (get_omega (window), ==, 120.5);
  unknown = sp_document_get_unknown_pages (sp_window_get_document (window));
  g_assert_nonnull (unknown);
  g_assert_cmpstr (unknown[0], ==, "defects");
  g_assert_null (unknown[1]);
  toasts = test_wait_for_text (GTK_WIDGET (template_child (window, SP_TYPE_WINDOW, "toast_overlay")),
                               "does not have (defects)", 5.0);
  g_assert_false (sp_document_get_modified (sp_window_get_document (window)));

  save_and_wait (window, copy);
  root = read_json (copy);
  g_assert_cmpfloat (json_object_get_double_member (saved_page (root, "defects"), "barrier_ev"), ==, 0.31);
  g_assert_cmpint (json_array_get_length (json_object_get_array_member (saved_page (root, "defects"), "sites")),
                   ==, 2);
  g_assert_cmpfloat (json_object_get_double_member (saved_page (root, "transport-a"), "resistance_ohm"),
                     ==, 50.0);
  close_window (window);
  remove_dir (dir);
}

/* A state its page refuses, or a newer format, opens nothing: one dialog
 * names the field or the version, and every lab stays as it was. */
static void
test_page_state_refused (void)
{
  static const struct { const char *name; const char *doc; const char *expect; } cases[] = {
    { "bad-page.spinodal",
      "{\"format\": \"spinodal-session\", \"version\": 2, \"model\": {\"omega\": 120.5},"
      " \"pages\": {\"transport-a\": {\"resistance_ohm\": -5}}}",
      "session.pages.transport-a.resistance_ohm: must be a number in [1, 1e6] Ω" },
    { "page-type.spinodal",
      "{\"format\": \"spinodal-session\", \"version\": 2, \"pages\": {\"transport-a\": [50]}}",
      "session.pages.transport-a: must be an object, got an array" },
    { "newer.spinodal",
      "{\"format\": \"spinodal-session\", \"version\": 3, \"pages\": {}}",
      "the file has format version 3, newer than this Spinodal reads (2); update Spinodal to open it" },
  };
  g_autofree char *dir = scratch_dir ();
  SpWindow *window = fresh_window ();
  SpLabPage *page = add_transport_page (window);
  SpParams *params = sp_window_get_params (window);

  test_transport_page_set_resistance (page, 640.0);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GFile) file = write_file (dir, cases[i].name, cases[i].doc, -1);
      g_autoptr(Snapshot) snap = snapshot_new (params);
      AdwMessageDialog *dialog;

      open_and_wait (window, file);
      dialog = find_dialog (window);
      g_assert_nonnull (dialog);
      if (strstr (adw_message_dialog_get_body (dialog), cases[i].expect) == NULL)
        g_error ("%s: “%s” does not name “%s”", cases[i].name,
                 adw_message_dialog_get_body (dialog), cases[i].expect);
      answer_dialog (window, "close");
      assert_params_equal (params, snap, TRUE);
      g_assert_cmpfloat (test_transport_page_get_resistance (page), ==, 640.0);
      g_assert_null (sp_document_get_file (sp_window_get_document (window)));
    }
  close_window (window);
  remove_dir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int status;

  sp_gsl_init ();
  g_test_init (&argc, &argv, NULL);
  /* As `spinodal` runs it (HANDLES_OPEN), but never the one on the bus. */
  app = sp_application_new ();
  g_application_set_flags (G_APPLICATION (app),
                           g_application_get_flags (G_APPLICATION (app)) | G_APPLICATION_NON_UNIQUE);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, &error));
  g_assert_no_error (error);

  g_test_add_func ("/app/session/accels", test_accels);
  g_test_add_func ("/app/session/save-load", test_save_load);
  g_test_add_func ("/app/session/chooser-save-open", test_chooser_save_open);
  g_test_add_func ("/app/session/modified", test_modified);
  g_test_add_func ("/app/session/load-file", test_load_file);
  g_test_add_func ("/app/session/hostile", test_hostile);
  g_test_add_func ("/app/session/open-asks", test_open_asks);
  g_test_add_func ("/app/session/close-asks", test_close_asks);
  g_test_add_func ("/app/session/drop", test_drop);
  g_test_add_func ("/app/session/application-open", test_application_open);
  g_test_add_func ("/app/session/page-state-round-trip", test_page_state_round_trip);
  g_test_add_func ("/app/session/page-state-v1", test_page_state_v1);
  g_test_add_func ("/app/session/unknown-page", test_unknown_page);
  g_test_add_func ("/app/session/page-state-refused", test_page_state_refused);

  status = g_test_run ();
  g_clear_object (&app);

  return status;
}
