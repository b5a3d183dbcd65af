/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-app-lesson.c — lessons in the window: a step sets exactly the
 * parameters it names (the session and every page's state compared with
 * an independent overlay of the step's settings on the state before),
 * locks and unlocks controls, highlights figures, a question blocks its
 * reveal until it is answered, a marker is judged against the quantity
 * computed from the window's own analysis, Page Down / Page Up / Escape as
 * real key presses, the lesson's step in the session, and every shipped
 * lesson in every language run step by step without a warning */

#include "config.h"

#include <adwaita.h>
#include <gdk/x11/gdkx.h>
#include <glib/gstdio.h>
#include <math.h>
#include <string.h>

#include "sp-figure-private.h"
#include "sp-gsl.h"
#include "sp-impedance-panel.h"
#include "sp-lesson-panel.h"
#include "sp-lesson-runner.h"
#include "sp-lesson.h"
#include "sp-param-panel.h"
#include "sp-params-session.h"
#include "sp-window-lesson.h"

#include "test-app-helpers.h"

/* Lets pending work run, for at most 100 ms: with the simulation and
 * the hopping page's run live, there is always another frame, and an
 * unbounded flush would never end. */
static void
settle (void)
{
  gint64 until = g_get_monotonic_time () + G_USEC_PER_SEC / 10;

  while (g_get_monotonic_time () < until && g_main_context_iteration (NULL, FALSE))
    ;
}

static SpLessonRunner *
runner_of (SpWindow *window)
{
  return sp_window_get_lesson_runner (window);
}

static SpLessonPanel *
panel_of (SpWindow *window)
{
  return SP_LESSON_PANEL (sp_window_get_lesson_panel (window));
}

/* Opens @source and waits for the thread that reads it. */
static void
open_and_wait (SpWindow   *window,
               const char *source)
{
  gint64 deadline = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;

  sp_window_close_lesson (window);
  sp_window_open_lesson (window, source);
  while (sp_lesson_runner_get_lesson (runner_of (window)) == NULL)
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, TRUE);
    }
  settle ();
}

static char *
sample_path (void)
{
  return g_test_build_filename (G_TEST_DIST, "data", "sample.lesson", NULL);
}

/* ---- what a step must set ------------------------------------------------- */

/* The step compared last restarts the simulation (expected_after()). */
static gboolean reset_reseeds;
/* The pages whose "preset" the step compared last named: a page names
 * its preset only while its values are the preset's, so a step that picks
 * a preset and then moves a value leaves it unnamed (its own rule). */
static GPtrArray *preset_pages;

/* @state with PATH (a word, or words joined by dots; a single word
 * anywhere one level down when not at the top) set to @value. */
static void
expect_page_key (JsonObject *state,
                 const char *path,
                 const char *value)
{
  g_auto(GStrv) parts = g_strsplit (path, ".", -1);
  guint n = g_strv_length (parts);
  JsonObject *target = state;

  for (guint i = 0; i + 1 < n; i++)
    target = json_object_get_object_member (target, parts[i]);
  if (n == 1 && !json_object_has_member (state, parts[0]))
    {
      GList *members = json_object_get_members (state);
      for (GList *l = members; l != NULL; l = l->next)
        {
          JsonNode *node = json_object_get_member (state, l->data);
          if (JSON_NODE_HOLDS_OBJECT (node) &&
              json_object_has_member (json_node_get_object (node), parts[0]))
            target = json_node_get_object (node);
        }
      g_list_free (members);
    }
  g_assert_true (json_object_has_member (target, parts[n - 1]));
  json_object_set_member (target, parts[n - 1], sp_lesson_value_to_node (value));
}

static JsonObject *
copy_object (JsonObject *object)
{
  g_autoptr(JsonNode) node = json_node_init_object (json_node_alloc (), object);
  g_autofree char *text = json_to_string (node, FALSE);
  g_autoptr(JsonParser) parser = json_parser_new ();

  g_assert_true (json_parser_load_from_data (parser, text, -1, NULL));
  return json_object_ref (json_node_get_object (json_parser_get_root (parser)));
}

/* Numbers compared as numbers (a page may write 1250 back as 1250.0). */
static gboolean
nodes_equal (JsonNode *a,
             JsonNode *b)
{
  if (JSON_NODE_HOLDS_OBJECT (a) && JSON_NODE_HOLDS_OBJECT (b))
    {
      JsonObject *oa = json_node_get_object (a), *ob = json_node_get_object (b);
      GList *members = json_object_get_members (oa);
      gboolean equal = json_object_get_size (oa) == json_object_get_size (ob);

      for (GList *l = members; equal && l != NULL; l = l->next)
        equal = json_object_has_member (ob, l->data) &&
                nodes_equal (json_object_get_member (oa, l->data), json_object_get_member (ob, l->data));
      g_list_free (members);
      return equal;
    }
  if (JSON_NODE_HOLDS_VALUE (a) && JSON_NODE_HOLDS_VALUE (b) &&
      (json_node_get_value_type (a) == G_TYPE_DOUBLE || json_node_get_value_type (a) == G_TYPE_INT64) &&
      (json_node_get_value_type (b) == G_TYPE_DOUBLE || json_node_get_value_type (b) == G_TYPE_INT64))
    return json_node_get_double (a) == json_node_get_double (b);
  return json_node_equal (a, b);
}

/* The session before a step, with the step's preset and settings laid on
 * it independently of the runner. */
static void
expected_after (SpWindow           *window,
                const SpLessonStep *step,
                const SpSession    *before,
                SpSession          *expected)
{
  g_autoptr(JsonObject) pages = copy_object (before->pages);

  sp_session_copy (expected, before);
  reset_reseeds = step->simulation == SP_LESSON_SIMULATION_RESET;
  if (preset_pages == NULL)
    preset_pages = g_ptr_array_new_with_free_func (g_free);
  g_ptr_array_set_size (preset_pages, 0);
  if (step->preset != NULL)
    {
      g_autoptr(SpPreset) preset = sp_presets_lookup (step->preset, NULL);
      g_autoptr(SpParams) scratch = sp_params_new ();
      SpDriveParams drive;

      g_assert_nonnull (preset);
      expected->sim.model = preset->model;
      /* A preset brings its material's kinetics and the drive's voltages
       * around its V₀ (sp_params_load_preset); mode and rate stay. */
      g_assert_true (sp_params_load_preset (scratch, step->preset, NULL));
      sp_params_to_drive (scratch, &drive);
      if (preset->has_kinetics)
        {
          expected->sim.drive.k0 = drive.k0;
          expected->sim.drive.alpha = drive.alpha;
        }
      expected->sim.drive.v_lo = drive.v_lo;
      expected->sim.drive.v_hi = drive.v_hi;
      expected->sim.drive.voltage_V = drive.voltage_V;
      g_free (expected->preset);
      expected->preset = g_strdup (step->preset);
    }
  for (guint i = 0; i < step->settings->len; i++)
    {
      const SpLessonSetting *s = g_ptr_array_index (step->settings, i);
      g_autofree char *page = NULL, *path = NULL;
      g_autoptr(GError) error = NULL;

      if (sp_lesson_key_is_session (s->key))
        {
          g_assert_true (sp_lesson_apply_session_setting (expected, s->key, s->value, &error));
          g_assert_no_error (error);
          continue;
        }
      g_assert_true (sp_lesson_key_split_page (s->key, &page, &path));
      expect_page_key (json_object_get_object_member (pages, page), path, s->value);
      if (g_str_equal (path, "preset"))
        g_ptr_array_add (preset_pages, g_strdup (page));
    }
  sp_session_set_pages (expected, pages);
}

static void
assert_session_is (SpWindow        *window,
                   const SpSession *expected,
                   const char      *where)
{
  g_auto(SpSession) now = { 0 };
  g_autoptr(JsonNode) a = NULL, b = NULL;

  sp_document_get_session (sp_window_get_document (window), &now);
  /* The lesson's own place is compared elsewhere. */
  g_clear_pointer (&now.lesson, g_free);
  {
    g_auto(SpSession) e = { 0 };
    sp_session_copy (&e, expected);
    g_clear_pointer (&e.lesson, g_free);
    if (e.pages != NULL && now.pages != NULL)
      {
        g_autoptr(JsonObject) e_pages = copy_object (e.pages);

        for (guint i = 0; preset_pages != NULL && i < preset_pages->len; i++)
          {
            JsonObject *page_now = sp_session_get_page (&now, g_ptr_array_index (preset_pages, i));
            JsonObject *page_e = json_object_get_object_member (e_pages, g_ptr_array_index (preset_pages, i));
            if (page_now != NULL && page_e != NULL)
              json_object_set_member (page_e, "preset",
                                      json_node_copy (json_object_get_member (page_now, "preset")));
          }
        sp_session_set_pages (&e, e_pages);
        a = json_node_init_object (json_node_alloc (), e.pages);
        b = json_node_init_object (json_node_alloc (), now.pages);
        if (!nodes_equal (a, b))
          {
            g_autofree char *sa = json_to_string (a, TRUE), *sb = json_to_string (b, TRUE);
            g_error ("%s: the pages are\n%s\nexpected\n%s", where, sb, sa);
          }
      }
    sp_session_set_pages (&e, NULL);
    sp_session_set_pages (&now, NULL);
    /* @simulation reset restarts from new noise, as Ctrl+R does: the
     * one change a step makes that it does not name as a key. */
    if (reset_reseeds)
      e.sim.seed = now.sim.seed;
    if (!sp_session_equal (&e, &now))
      {
        g_autofree char *sa = sp_session_to_data (&e, NULL, NULL);
        g_autofree char *sb = sp_session_to_data (&now, NULL, NULL);
        g_error ("%s: the session is\n%s\nexpected\n%s", where, sb, sa);
      }
  }
}

/* Goes to every step in order with win.lesson-next, checking each. */
static void
run_every_step (SpWindow   *window,
                const char *name)
{
  SpLessonRunner *runner = runner_of (window);
  SpLesson *lesson = sp_lesson_runner_get_lesson (runner);
  guint n = lesson->steps->len;

  for (guint i = 0; i < n; i++)
    {
      const SpLessonStep *step = g_ptr_array_index (lesson->steps, i);
      g_auto(SpSession) before = { 0 };
      g_auto(SpSession) expected = { 0 };
      g_autofree char *where = g_strdup_printf ("%s step %u (line %u)", name, i + 1, step->line);
      g_autofree char *progress = g_strdup_printf ("Step %u of %u", i + 1, n);

      if (i > 0)
        {
          sp_document_get_session (sp_window_get_document (window), &before);
          expected_after (window, step, &before, &expected);
          gtk_widget_activate_action (GTK_WIDGET (window), "win.lesson-next", NULL);
          settle ();
        }
      if (sp_lesson_panel_get_error (panel_of (window)) != NULL)
        g_error ("%s: %s", where, sp_lesson_panel_get_error (panel_of (window)));
      g_assert_cmpuint (sp_lesson_runner_get_step (runner), ==, i);
      g_assert_cmpstr (sp_lesson_panel_get_progress (panel_of (window)), ==, progress);
      if (i > 0)
        assert_session_is (window, &expected, where);
      if (step->page != NULL)
        {
          AdwViewStack *stack = ADW_VIEW_STACK (template_child (window, SP_TYPE_WINDOW, "view_stack"));
          g_assert_cmpstr (adw_view_stack_get_visible_child_name (stack), ==, step->page);
        }
      /* Every marker question has an answer for the step's parameters. */
      for (guint q = 0; q < step->questions->len; q++)
        {
          const SpLessonQuestion *question = g_ptr_array_index (step->questions, q);
          g_autoptr(GError) error = NULL;
          double value;

          if (question->kind != SP_LESSON_QUESTION_MARKER)
            continue;
          if (!sp_lesson_runner_quantity (runner, question->marker_quantity, &value, &error))
            g_error ("%s: %s", where, error->message);
          g_assert_nonnull (sp_lesson_runner_find_figure (runner, question->marker_figure));
        }
    }
}

/* ---- the sample lesson ------------------------------------------------------ */

static GtkWidget *
control (SpWindow   *window,
         const char *key)
{
  SpParamPanel *panel = SP_PARAM_PANEL (window_panel (window, "phase-separation"));
  GtkWidget *row = GTK_WIDGET (template_child (panel, SP_TYPE_PARAM_PANEL, key));

  return row;
}

static void
test_sample_steps (void)
{
  SpWindow *window = new_window ();
  g_autofree char *path = sample_path ();
  g_auto(SpSession) before = { 0 };
  g_auto(SpSession) expected = { 0 };
  GtkWidget *omega_row = control (window, "omega_row");
  GtkWidget *kappa_row = control (window, "kappa_row");
  g_autofree char *omega_tooltip = g_strdup (gtk_widget_get_tooltip_markup (omega_row));
  SpLessonRunner *runner = runner_of (window);
  SpLessonPanel *panel = panel_of (window);
  SpLesson *lesson;
  GtkWidget *free_energy;
  double truth, tolerance;

  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (panel)));
  g_assert_false (test_action_enabled (window, "win.lesson-next"));
  sp_document_get_session (sp_window_get_document (window), &before);
  open_and_wait (window, path);
  lesson = sp_lesson_runner_get_lesson (runner);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (panel)));
  g_assert_cmpstr (sp_lesson_panel_get_progress (panel), ==, "Step 1 of 3");

  /* Step 1: the textbook preset, Ω = 100, T = 298, nothing else. */
  expected_after (window, g_ptr_array_index (lesson->steps, 0), &before, &expected);
  assert_session_is (window, &expected, "sample step 1");
  {
    double omega;
    g_object_get (sp_window_get_params (window), "omega", &omega, NULL);
    g_assert_cmpfloat (omega, ==, 100.0);
  }
  /* Locked: Ω with the lesson's tooltip; κ free. */
  g_assert_false (gtk_widget_get_sensitive (omega_row));
  g_assert_cmpstr (gtk_widget_get_tooltip_text (omega_row), ==,
                   "The lesson holds this setting for this step");
  g_assert_true (sp_lesson_runner_is_locked (runner, "omega"));
  g_assert_true (gtk_widget_get_sensitive (kappa_row));
  free_energy = sp_lesson_runner_find_figure (runner, "free-energy");
  g_assert_true (gtk_widget_has_css_class (free_energy, SP_LESSON_HIGHLIGHT_CLASS));
  g_assert_true (gtk_widget_has_css_class (control (window, "temperature_row"), SP_LESSON_HIGHLIGHT_CLASS));

  /* The question: no reveal before an answer. */
  g_assert_cmpuint (sp_lesson_panel_get_n_questions (panel), ==, 1);
  g_assert_false (sp_lesson_panel_can_reveal (panel, 0));
  sp_lesson_panel_reveal (panel, 0);
  g_assert_cmpint (sp_lesson_panel_get_verdict (panel, 0), ==, -1);
  g_assert_null (sp_lesson_panel_get_verdict_text (panel, 0));
  sp_lesson_panel_choose (panel, 0, 0);   /* wrong */
  g_assert_true (sp_lesson_panel_can_reveal (panel, 0));
  sp_lesson_panel_reveal (panel, 0);
  g_assert_cmpint (sp_lesson_panel_get_verdict (panel, 0), ==, 0);
  g_assert_false (sp_lesson_panel_can_reveal (panel, 0));   /* once */
  g_assert_cmpstr (sp_lesson_panel_get_verdict_text (panel, 0), ==, "✗ Not quite.");

  /* Step 2: Ω unlocked, its tooltip back; c0 and the grid set. */
  sp_session_clear (&before);
  sp_session_clear (&expected);
  sp_document_get_session (sp_window_get_document (window), &before);
  expected_after (window, g_ptr_array_index (lesson->steps, 1), &before, &expected);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.lesson-next", NULL);
  settle ();
  g_assert_null (sp_lesson_panel_get_error (panel));
  assert_session_is (window, &expected, "sample step 2");
  /* One undo takes the whole step back (c0 and the grid), redo brings it. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  settle ();
  assert_session_is (window, &before, "sample step 2 undone");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.redo", NULL);
  settle ();
  assert_session_is (window, &expected, "sample step 2 redone");
  g_assert_true (gtk_widget_get_sensitive (omega_row));
  g_assert_cmpstr (gtk_widget_get_tooltip_markup (omega_row), ==, omega_tooltip);
  g_assert_false (gtk_widget_has_css_class (free_energy, SP_LESSON_HIGHLIGHT_CLASS));
  g_assert_true (gtk_widget_has_css_class (sp_lesson_runner_find_figure (runner, "phase-diagram"),
                                           SP_LESSON_HIGHLIGHT_CLASS));

  /* The marker, judged against the window's own analysis: the left
   * binodal of the gap around c0 = 0.5. */
  {
    SpAnalysis *analysis = sp_window_get_analysis (window);
    g_assert_cmpuint (analysis->eq.n_gaps, >=, 1);
    truth = analysis->eq.gaps[0].c_alpha;
    tolerance = 0.03;
  }
  g_assert_false (sp_lesson_panel_can_reveal (panel, 0));
  sp_lesson_panel_set_marker (panel, 0, truth + 0.5 * tolerance);
  g_assert_true (sp_lesson_panel_can_reveal (panel, 0));
  sp_lesson_panel_reveal (panel, 0);
  g_assert_cmpint (sp_lesson_panel_get_verdict (panel, 0), ==, 1);
  g_assert_true (g_str_has_prefix (sp_lesson_panel_get_verdict_text (panel, 0), "✓ Right"));
  /* Again (Page Up, Page Down rebuild the question), now too far off. */
  g_assert_true (sp_window_lesson_go_to (window, 1));
  settle ();
  sp_lesson_panel_set_marker (panel, 0, truth + 2.0 * tolerance);
  sp_lesson_panel_reveal (panel, 0);
  g_assert_cmpint (sp_lesson_panel_get_verdict (panel, 0), ==, 0);

  /* Step 3: the impedance page's r_b_ohm through the page contract. */
  sp_session_clear (&before);
  sp_session_clear (&expected);
  sp_document_get_session (sp_window_get_document (window), &before);
  expected_after (window, g_ptr_array_index (lesson->steps, 2), &before, &expected);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.lesson-next", NULL);
  settle ();
  g_assert_null (sp_lesson_panel_get_error (panel));
  assert_session_is (window, &expected, "sample step 3");
  g_assert_true (sp_lesson_runner_is_locked (runner, "impedance.rb_ohm"));
  {
    /* The page's row for it, found by its full path. */
    SpImpedancePanel *ipanel = SP_IMPEDANCE_PANEL (window_panel (window, "ion-transport"));
    GtkWidget *rb_row = GTK_WIDGET (sp_impedance_panel_get_row (ipanel, SP_EIS_CERAMIC_RB));
    g_assert_cmpstr (sp_lesson_control_get_key (rb_row), ==, "impedance.explore.rb_ohm");
    g_assert_false (gtk_widget_get_sensitive (rb_row));
  }
  g_assert_true (test_action_enabled (window, "win.lesson-next"));

  /* The lesson in the session, step counted from 0 inside. */
  {
    g_auto(SpSession) saved = { 0 };
    sp_document_get_session (sp_window_get_document (window), &saved);
    g_assert_cmpstr (saved.lesson, ==, path);
    g_assert_cmpuint (saved.lesson_step, ==, 2);
  }
  /* Previous goes back and applies step 2 again. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.lesson-previous", NULL);
  settle ();
  g_assert_cmpuint (sp_lesson_runner_get_step (runner), ==, 1);

  /* Finish on the last step closes the lesson and frees every control. */
  g_assert_true (sp_window_lesson_go_to (window, 2));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.lesson-next", NULL);
  settle ();
  g_assert_null (sp_lesson_runner_get_lesson (runner));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (panel)));
  g_assert_true (gtk_widget_get_sensitive (omega_row));
  {
    g_auto(SpSession) saved = { 0 };
    sp_document_get_session (sp_window_get_document (window), &saved);
    g_assert_null (saved.lesson);
  }
  close_window (window);
}

/* A step that cannot be applied changes nothing and says where. */
static void
test_bad_step (void)
{
  SpWindow *window = new_window ();
  g_autofree char *dir = g_dir_make_tmp ("lesson-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "bad.lesson", NULL);
  g_auto(SpSession) before = { 0 };
  const char *message;

  /* grid 96 is a session's, not one of the explorer's grid sizes. */
  g_assert_true (g_file_set_contents (path, "# T\n## One\n@set omega 90\nok\n"
                                      "## Two\n@set temperature 350\n@set grid 96\ntext\n", -1, NULL));
  open_and_wait (window, path);
  sp_document_get_session (sp_window_get_document (window), &before);
  g_assert_false (sp_window_lesson_go_to (window, 1));
  message = sp_lesson_panel_get_error (panel_of (window));
  g_assert_nonnull (message);
  g_assert_true (g_str_has_prefix (message, "bad.lesson:7: @set grid 96: session.simulation.grid"));
  assert_session_is (window, &before, "after a refused step");
  g_assert_cmpuint (sp_lesson_runner_get_step (runner_of (window)), ==, 0);
  sp_window_close_lesson (window);
  close_window (window);
  g_unlink (path);
  g_rmdir (dir);
}

/* ---- real keys ---------------------------------------------------------------- */

static gboolean
run_xdotool (const char * const *argv)
{
  g_autoptr(GError) error = NULL;
  int status = 0;

  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDOUT_TO_DEV_NULL,
                     NULL, NULL, NULL, NULL, &status, &error))
    return FALSE;
  return g_spawn_check_wait_status (status, NULL);
}

/* Presses @key, then waits (at most 3 s) until @done says it arrived. */
static void
press_key_until (SpWindow   *window,
                 const char *key,
                 gboolean  (*done) (SpWindow *window, gpointer data),
                 gpointer    data)
{
  GdkSurface *surface = gtk_native_get_surface (GTK_NATIVE (window));
  g_autofree char *xid = g_strdup_printf ("%lu", (gulong) gdk_x11_surface_get_xid (surface));
  const char *argv[] = { "xdotool", "windowfocus", xid, "sleep", "0.05", "key", key, NULL };
  gint64 until;

  g_assert_true (run_xdotool (argv));
  /* The events arrive through the X connection. */
  until = g_get_monotonic_time () + 3 * G_USEC_PER_SEC;
  while (!done (window, data) && g_get_monotonic_time () < until)
    g_main_context_iteration (NULL, FALSE);
  settle ();
}

static gboolean
at_step (SpWindow *window,
         gpointer  data)
{
  SpLessonRunner *runner = sp_window_get_lesson_runner (window);

  return sp_lesson_runner_get_lesson (runner) != NULL &&
         sp_lesson_runner_get_step (runner) == GPOINTER_TO_UINT (data);
}

static gboolean
closed (SpWindow *window,
        gpointer  data)
{
  return sp_lesson_runner_get_lesson (sp_window_get_lesson_runner (window)) == NULL;
}

#define press_key(window, key, step) press_key_until ((window), (key), at_step, GUINT_TO_POINTER (step))

static void
test_keys (void)
{
  SpWindow *window;
  g_autofree char *path = sample_path ();
  g_autofree char *xdotool = g_find_program_in_path ("xdotool");
  SpLessonRunner *runner;
  GtkWidget *slider_spin;

  if (!GDK_IS_X11_DISPLAY (gdk_display_get_default ()) || xdotool == NULL)
    {
      g_test_skip ("real key presses need Xvfb and xdotool");
      return;
    }
  window = new_window ();
  runner = runner_of (window);
  open_and_wait (window, path);

  /* From the panel, then with the focus in a slider's entry (whose Page
   * Down would move the value by a page). */
  press_key (window, "Next", 1);
  g_assert_cmpuint (sp_lesson_runner_get_step (runner), ==, 1);
  press_key (window, "Prior", 0);
  g_assert_cmpuint (sp_lesson_runner_get_step (runner), ==, 0);
  slider_spin = GTK_WIDGET (sp_slider_row_get_scale (SP_SLIDER_ROW (control (window, "kappa_row"))));
  g_assert_true (gtk_widget_grab_focus (slider_spin));
  {
    double kappa_before, kappa_after;
    g_object_get (sp_window_get_params (window), "kappa", &kappa_before, NULL);
    press_key (window, "Next", 1);
    g_object_get (sp_window_get_params (window), "kappa", &kappa_after, NULL);
    g_assert_cmpuint (sp_lesson_runner_get_step (runner), ==, 1);
    g_assert_cmpfloat (kappa_before, ==, kappa_after);
  }
  /* Space on the panel: next; Escape closes. */
  gtk_widget_grab_focus (sp_window_get_lesson_panel (window));
  press_key (window, "space", 2);
  g_assert_cmpuint (sp_lesson_runner_get_step (runner), ==, 2);
  press_key_until (window, "Escape", closed, NULL);
  g_assert_null (sp_lesson_runner_get_lesson (runner));
  close_window (window);
}

/* ---- the session ------------------------------------------------------------- */

static void
loaded_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (sp_document_load_finish (SP_DOCUMENT (source), result, &error));
  g_assert_no_error (error);
  *(gboolean *) user_data = TRUE;
}

static void
test_session (void)
{
  gboolean loaded = FALSE;
  SpWindow *window = new_window ();
  g_autofree char *path = sample_path ();
  g_autofree char *dir = g_dir_make_tmp ("lesson-session-XXXXXX", NULL);
  g_autofree char *file_path = g_build_filename (dir, "class.spinodal", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (file_path);
  g_auto(SpSession) session = { 0 };
  g_autoptr(GError) error = NULL;
  gint64 deadline;
  double c0_saved, c0_now;

  open_and_wait (window, path);
  g_assert_true (sp_window_lesson_go_to (window, 1));
  /* The class moved c0 away from the step's 0.5 before saving. */
  g_object_set (sp_window_get_params (window), "c0", 0.42, NULL);
  g_object_get (sp_window_get_params (window), "c0", &c0_saved, NULL);
  sp_document_get_session (sp_window_get_document (window), &session);
  g_assert_true (sp_session_save (&session, file_path, &error));
  g_assert_no_error (error);
  /* Not work to save: moving through a lesson marks nothing modified. */
  g_assert_true (sp_window_lesson_go_to (window, 0));
  sp_window_close_lesson (window);
  close_window (window);

  /* A new window opens the file: the lesson at its step, the parameters
   * as saved (the step's settings are not applied over them). */
  window = new_window ();
  /* The window's own flow after a file is read (sp-window-document.c):
   * apply, then the lesson (whatever "Save changes?" would ask first). */
  sp_document_load_async (sp_window_get_document (window), file, NULL, loaded_cb, &loaded);
  while (!loaded)
    g_main_context_iteration (NULL, TRUE);
  sp_window_lesson_session_shown (window);
  deadline = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;
  while (sp_lesson_runner_get_lesson (runner_of (window)) == NULL)
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, TRUE);
    }
  settle ();
  g_assert_cmpuint (sp_lesson_runner_get_step (runner_of (window)), ==, 1);
  g_assert_cmpstr (sp_lesson_panel_get_progress (panel_of (window)), ==, "Step 2 of 3");
  g_object_get (sp_window_get_params (window), "c0", &c0_now, NULL);
  g_assert_cmpfloat (c0_now, ==, c0_saved);
  g_assert_false (sp_document_get_modified (sp_window_get_document (window)));
  sp_window_close_lesson (window);
  close_window (window);
  g_unlink (file_path);
  g_rmdir (dir);
}


/* ---- the answer hidden until the reveal ------------------------------------------ */

/* Whether g(c) in @view labels any binodal composition. */
static gboolean
labels_binodal (SpPlotView *view)
{
  SpFigureSpec spec;
  SpAnnotations ann;
  SpLabelPlacement binodal[2 * SP_MAX_INTERVALS], c0_label;
  gboolean has_binodal[2 * SP_MAX_INTERVALS], has_c0, any = FALSE;
  const SpFigureData *data = sp_plot_view_get_data (view);

  sp_figure_annotations_compute (SP_FIGURE_FREE_ENERGY, data, sp_plot_view_get_style (view),
                                 640, 480, &spec, &ann);
  sp_figure_free_energy_annotate (&spec, data, sp_plot_view_get_style (view), &ann, binodal,
                                  has_binodal, &c0_label, &has_c0);
  for (guint i = 0; i < 2 * data->analysis->eq.n_gaps; i++)
    any |= has_binodal[i];
  sp_figure_spec_clear (&spec);
  return any;
}

static void
test_conceal (void)
{
  SpWindow *window = new_window ();
  SpLessonRunner *runner = runner_of (window);
  SpLessonPanel *panel = panel_of (window);
  SpParamPanel *params = SP_PARAM_PANEL (window_panel (window, "phase-separation"));
  GtkLabel *gap = GTK_LABEL (template_child (params, SP_TYPE_PARAM_PANEL, "gap_label"));
  GtkLabel *critical = GTK_LABEL (template_child (params, SP_TYPE_PARAM_PANEL, "critical_label"));
  SpPlotView *g = SP_PLOT_VIEW (sp_lesson_runner_find_figure (runner, "free-energy"));
  SpPlotView *ocv = SP_PLOT_VIEW (sp_lesson_runner_find_figure (runner, "ocv"));
  SpPlotView *phase = SP_PLOT_VIEW (sp_lesson_runner_find_figure (runner, "phase-diagram"));
  SpLesson *lesson = sp_lesson_load_shipped ("mixing", (const char *[]) { "C", NULL }, NULL);
  const guint binodal_low = 1u << SP_LESSON_QUANTITY_BINODAL_LOW;
  gboolean readouts = TRUE;
  double truth;

  g_assert_nonnull (lesson);
  /* Nothing hidden without a lesson. */
  g_assert_cmpuint (sp_plot_view_get_data (g)->concealed, ==, 0);
  g_assert_false (sp_plot_view_get_data (g)->veiled);
  sp_lesson_runner_set_lesson (runner, lesson, "mixing");

  /* Step 1 asks what g(c) looks like at 700 K: g(c), the phase diagram
   * and the read-outs are veiled until Check; the OCV is not. */
  g_assert_true (sp_window_lesson_go_to (window, 0));
  settle ();
  g_assert_true (sp_plot_view_get_data (g)->veiled);
  g_assert_true (sp_plot_view_get_data (phase)->veiled);
  g_assert_false (sp_plot_view_get_data (ocv)->veiled);
  g_assert_true (sp_lesson_runner_conceals_figure (runner, SP_FIGURE_FREE_ENERGY));
  g_assert_false (sp_lesson_runner_conceals_figure (runner, SP_FIGURE_OCV));
  g_assert_cmpuint (sp_lesson_runner_get_concealed (runner, &readouts), ==, 0);
  g_assert_true (readouts);
  g_assert_cmpstr (gtk_label_get_label (gap), ==, "?");
  g_assert_cmpstr (gtk_label_get_label (critical), ==, "?");
  /* An answer alone reveals nothing; Check does. */
  sp_lesson_panel_choose (panel, 0, 1);
  g_assert_true (sp_plot_view_get_data (g)->veiled);
  sp_lesson_panel_reveal (panel, 0);
  g_assert_cmpint (sp_lesson_panel_get_verdict (panel, 0), ==, 1);
  g_assert_false (sp_plot_view_get_data (g)->veiled);
  g_assert_false (sp_plot_view_get_data (phase)->veiled);
  sp_lesson_runner_get_concealed (runner, &readouts);
  g_assert_false (readouts);
  g_assert_cmpstr (gtk_label_get_label (gap), ==, "None");   /* 700 K: no gap */
  g_assert_cmpstr (gtk_label_get_label (critical), !=, "?");

  /* Step 3 asks for the left binodal by a marker: hidden on every figure
   * (not only g(c)) and in the gap's read-out; T_c stays. */
  g_assert_true (sp_window_lesson_go_to (window, 2));
  settle ();
  g_assert_cmpuint (sp_plot_view_get_data (g)->concealed, ==, binodal_low);
  g_assert_cmpuint (sp_plot_view_get_data (ocv)->concealed, ==, binodal_low);
  g_assert_cmpuint (sp_plot_view_get_data (phase)->concealed, ==, binodal_low);
  g_assert_false (sp_plot_view_get_data (g)->veiled);
  g_assert_false (labels_binodal (g));
  g_assert_cmpstr (gtk_label_get_label (gap), ==, "?");
  g_assert_cmpstr (gtk_label_get_label (critical), !=, "?");
  /* The marker still moves on the figure. */
  truth = sp_window_get_analysis (window)->eq.gaps[0].c_alpha;
  sp_lesson_panel_set_marker (panel, 0, truth);
  g_assert_nonnull (sp_plot_view_get_marker (g));
  g_assert_cmpfloat_with_epsilon (sp_plot_view_get_marker (g)->value, truth, 1e-3);
  /* A saved session holds no concealment: it follows the step. */
  {
    g_auto(SpSession) session = { 0 };
    g_autofree char *data = NULL;

    sp_document_get_session (sp_window_get_document (window), &session);
    data = sp_session_to_data (&session, NULL, NULL);
    g_assert_nonnull (data);
    g_assert_null (strstr (data, "conceal"));
    g_assert_null (strstr (data, "veil"));
  }
  sp_lesson_panel_reveal (panel, 0);
  g_assert_cmpint (sp_lesson_panel_get_verdict (panel, 0), ==, 1);
  g_assert_cmpuint (sp_plot_view_get_data (g)->concealed, ==, 0);
  g_assert_cmpuint (sp_plot_view_get_data (ocv)->concealed, ==, 0);
  g_assert_true (labels_binodal (g));
  g_assert_cmpstr (gtk_label_get_label (gap), !=, "?");
  g_assert_nonnull (strstr (gtk_label_get_label (gap), "–"));

  /* Going to the step again opens its question again; closing the lesson
   * shows everything. */
  g_assert_true (sp_window_lesson_go_to (window, 2));
  settle ();
  g_assert_cmpuint (sp_plot_view_get_data (g)->concealed, ==, binodal_low);
  g_assert_cmpstr (gtk_label_get_label (gap), ==, "?");
  sp_window_close_lesson (window);
  g_assert_cmpuint (sp_plot_view_get_data (g)->concealed, ==, 0);
  g_assert_false (sp_plot_view_get_data (g)->veiled);
  g_assert_cmpstr (gtk_label_get_label (gap), !=, "?");
  close_window (window);
}

/* ---- every shipped lesson ------------------------------------------------------- */

static void
test_shipped (void)
{
  g_auto(GStrv) files = sp_lesson_list_shipped_files ();
  SpWindow *window = new_window ();
  guint n = 0;

  for (guint i = 0; files[i] != NULL; i++)
    {
      g_autofree char *name = sp_lesson_name_from_filename (files[i]);
      const char *rest = files[i] + strlen (name);
      g_autofree char *language = g_str_equal (rest, SP_LESSON_SUFFIX) ? g_strdup ("C")
                                  : g_strndup (rest + 1, strlen (rest) - 1 - strlen (SP_LESSON_SUFFIX));
      g_autoptr(SpLesson) lesson = sp_lesson_load_shipped (name, (const char *[]) { language, NULL }, NULL);
      g_autoptr(GError) error = NULL;
      g_auto(SpSession) before = { 0 };
      g_auto(SpSession) expected = { 0 };
      SpLesson *shown;

      g_assert_nonnull (lesson);
      g_test_message ("%s", files[i]);
      /* The language's own file, shown the way the window shows any. */
      sp_window_close_lesson (window);
      sp_document_get_session (sp_window_get_document (window), &before);
      expected_after (window, g_ptr_array_index (lesson->steps, 0), &before, &expected);
      sp_lesson_runner_set_lesson (runner_of (window), g_steal_pointer (&lesson), name);
      shown = sp_lesson_runner_get_lesson (runner_of (window));
      if (!sp_window_lesson_go_to (window, 0))
        g_error ("%s: %s", files[i], sp_lesson_panel_get_error (panel_of (window)));
      settle ();
      assert_session_is (window, &expected, files[i]);
      run_every_step (window, files[i]);
      g_assert_cmpuint (sp_lesson_runner_get_step (runner_of (window)), ==, shown->steps->len - 1);
      n++;
    }
  sp_window_close_lesson (window);
  close_window (window);
  g_assert_cmpuint (n, ==, g_strv_length (files));
  if (n == 0)
    g_test_skip ("no shipped lessons");
}

static void
test_open_shipped_by_name (void)
{
  g_auto(GStrv) names = sp_lesson_list_shipped ();
  SpWindow *window;

  if (names[0] == NULL)
    {
      g_test_skip ("no shipped lessons");
      return;
    }
  window = new_window ();
  gtk_widget_activate_action (GTK_WIDGET (window), "win.open-shipped-lesson", "s", names[0]);
  while (sp_lesson_runner_get_lesson (runner_of (window)) == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpstr (sp_lesson_runner_get_source (runner_of (window)), ==, names[0]);
  g_assert_true (test_action_enabled (window, "win.close-lesson"));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.close-lesson", NULL);
  g_assert_null (sp_lesson_runner_get_lesson (runner_of (window)));
  close_window (window);
}

/* The targets of every "win.open-shipped-lesson" item under @menu, in
 * the order the menu shows them. */
static void
collect_shipped_items (GMenuModel *menu,
                       GPtrArray  *out)
{
  for (int i = 0; i < g_menu_model_get_n_items (menu); i++)
    {
      g_autofree char *action = NULL;
      g_autofree char *target = NULL;
      const char *links[] = { G_MENU_LINK_SECTION, G_MENU_LINK_SUBMENU };

      if (g_menu_model_get_item_attribute (menu, i, G_MENU_ATTRIBUTE_ACTION, "s", &action) &&
          g_str_equal (action, "win.open-shipped-lesson") &&
          g_menu_model_get_item_attribute (menu, i, G_MENU_ATTRIBUTE_TARGET, "s", &target))
        g_ptr_array_add (out, g_steal_pointer (&target));
      for (guint l = 0; l < G_N_ELEMENTS (links); l++)
        {
          g_autoptr(GMenuModel) child = g_menu_model_get_item_link (menu, i, links[l]);

          if (child != NULL)
            collect_shipped_items (child, out);
        }
    }
}

/* Guided Lessons lists the shipped lessons in teaching order, (a) mixing
 * first, not by name. */
static void
test_menu_order (void)
{
  g_auto(GStrv) names = sp_lesson_list_shipped ();
  SpWindow *window = new_window ();
  GtkMenuButton *button = GTK_MENU_BUTTON (gtk_widget_get_template_child (GTK_WIDGET (window), SP_TYPE_WINDOW,
                                                                          "primary_menu_button"));
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_free);

  collect_shipped_items (gtk_menu_button_get_menu_model (button), items);
  g_assert_cmpuint (items->len, ==, g_strv_length (names));
  for (guint i = 0; i < items->len; i++)
    g_assert_cmpstr (g_ptr_array_index (items, i), ==, names[i]);
  g_assert_cmpuint (items->len, >=, 2);
  g_assert_cmpstr (g_ptr_array_index (items, 0), ==, "mixing");
  g_assert_cmpstr (g_ptr_array_index (items, 1), ==, "nucleation");
  close_window (window);
}

/* Charging from a lesson: @set drive.KEY sets the drive whole through the
 * session, @lock drive.KEY holds its row, one undo takes the step back,
 * and a drive number set for a closed box is refused with the line. */
static gboolean
has_lesson_key (GtkWidget    *widget,
                gconstpointer key)
{
  return g_strcmp0 (sp_lesson_control_get_key (widget), key) == 0;
}

static void
test_drive_step (void)
{
  static const char text[] =
    "# Charging\n"
    "\n"
    "## Fill it slowly\n"
    "@page simulation\n"
    "@set drive.mode cycle\n"
    "@set drive.c_rate 0.1\n"
    "@set drive.k0 0.00362\n"
    "@lock drive.c_rate drive.mode\n"
    "At C/10 the particle splits into two phases.\n"
    "\n"
    "## Closed again\n"
    "@set drive.c_rate 5\n"
    "The rate alone does nothing while the box is closed.\n";
  SpWindow *window = new_window ();
  g_autofree char *dir = g_dir_make_tmp ("lesson-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "charging.lesson", NULL);
  g_auto(SpSession) before = { 0 };
  g_auto(SpSession) expected = { 0 };
  SpLesson *lesson;
  GtkWidget *c_rate_row, *mode_row, *k0_row;
  SpDriveMode mode;
  double c_rate;

  g_assert_true (g_file_set_contents (path, text, -1, NULL));
  sp_document_get_session (sp_window_get_document (window), &before);
  g_assert_cmpint (before.sim.drive.mode, ==, SP_DRIVE_CLOSED);
  open_and_wait (window, path);
  lesson = sp_lesson_runner_get_lesson (runner_of (window));
  g_assert_null (sp_lesson_panel_get_error (panel_of (window)));

  expected_after (window, g_ptr_array_index (lesson->steps, 0), &before, &expected);
  assert_session_is (window, &expected, "drive step 1");
  g_object_get (sp_window_get_params (window), "drive-mode", &mode, "c-rate", &c_rate, NULL);
  g_assert_cmpint (mode, ==, SP_DRIVE_CYCLE);
  g_assert_cmpfloat (c_rate, ==, 0.1);
  c_rate_row = test_find_widget (GTK_WIDGET (window), has_lesson_key, "drive.c_rate");
  mode_row = test_find_widget (GTK_WIDGET (window), has_lesson_key, "drive.mode");
  k0_row = test_find_widget (GTK_WIDGET (window), has_lesson_key, "drive.k0");
  g_assert_nonnull (c_rate_row);
  g_assert_nonnull (mode_row);
  g_assert_nonnull (k0_row);
  g_assert_false (gtk_widget_get_sensitive (c_rate_row));
  g_assert_false (gtk_widget_get_sensitive (mode_row));
  g_assert_true (gtk_widget_get_sensitive (k0_row));

  /* One undo: the box is closed again. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  settle ();
  g_object_get (sp_window_get_params (window), "drive-mode", &mode, NULL);
  g_assert_cmpint (mode, ==, SP_DRIVE_CLOSED);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.redo", NULL);
  settle ();
  g_object_get (sp_window_get_params (window), "drive-mode", &mode, NULL);
  g_assert_cmpint (mode, ==, SP_DRIVE_CYCLE);

  /* Step 2 while the box is driven: the rate moves. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.lesson-next", NULL);
  settle ();
  g_assert_null (sp_lesson_panel_get_error (panel_of (window)));
  g_object_get (sp_window_get_params (window), "c-rate", &c_rate, NULL);
  g_assert_cmpfloat (c_rate, ==, 5.0);
  g_assert_true (gtk_widget_get_sensitive (c_rate_row));

  /* Step 2 after the box was closed by hand: refused, with the line. */
  g_object_set (sp_window_get_params (window), "drive-mode", SP_DRIVE_CLOSED, NULL);
  settle ();
  g_assert_false (sp_window_lesson_go_to (window, 1));
  settle ();
  g_assert_nonnull (sp_lesson_panel_get_error (panel_of (window)));
  g_assert_nonnull (strstr (sp_lesson_panel_get_error (panel_of (window)),
                            "charging.lesson:12: @set drive.c_rate: the particle is a closed box"));

  sp_window_close_lesson (window);
  close_window (window);
  g_remove (path);
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  sp_gsl_init ();
  g_test_init (&argc, &argv, NULL);
  /* No warning either: a shipped lesson must run clean. */
  g_log_set_always_fatal (G_LOG_LEVEL_WARNING | G_LOG_LEVEL_CRITICAL);
  test_app_init ();

  g_test_add_func ("/app/lesson/sample-steps", test_sample_steps);
  g_test_add_func ("/app/lesson/drive-step", test_drive_step);
  g_test_add_func ("/app/lesson/bad-step", test_bad_step);
  g_test_add_func ("/app/lesson/keys", test_keys);
  g_test_add_func ("/app/lesson/session", test_session);
  g_test_add_func ("/app/lesson/conceal", test_conceal);
  g_test_add_func ("/app/lesson/open-shipped-by-name", test_open_shipped_by_name);
  g_test_add_func ("/app/lesson/menu-order", test_menu_order);
  g_test_add_func ("/app/lesson/shipped", test_shipped);

  status = g_test_run ();
  g_clear_pointer (&preset_pages, g_ptr_array_unref);
  g_clear_object (&app);
  return status;
}
