/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-app-undo.c — undo and redo in the window, as a user uses them
 *
 * Every parameter change is undone bit for bit; a slider drag is one step
 * (moved by many values in a row, and by a real pointer drag that pauses
 * with the button held); a preset and Reset to Preset are one step each;
 * a page's state is undone like a parameter; the menu items follow; and
 * the keys are real (XTEST through xdotool): Ctrl+Z, Ctrl+Shift+Z and
 * Ctrl+Y from a spin button, and not from a text entry, which keeps its
 * own undo.
 *
 * Alone on the display (the keys and the pointer go to the X focus).
 */

#include "config.h"

#include <string.h>

#include <gdk/x11/gdkx.h>

#include "sp-gsl.h"
#include "sp-hopping-page.h"
#include "sp-impedance-page.h"
#include "sp-param-panel.h"
#include "sp-slider-row.h"

#include "test-app-helpers.h"
#include "test-transport-page.h"

/* A pause longer than the window's coalescing one (sp-window-undo.c). */
#define PAUSE_MS 700

static void
wait_ms (guint ms)
{
  gint64 end = g_get_monotonic_time () + ms * 1000;

  while (g_get_monotonic_time () < end)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (5000);
    }
  flush_main_loop ();
}

/* The window with its history forgotten: what it shows now is the start. */
static SpWindow *
fresh_window (void)
{
  SpWindow *window = new_window ();
  g_auto(SpSession) now = { 0 };

  flush_main_loop ();
  sp_document_get_session (sp_window_get_document (window), &now);
  sp_undo_stack_reset (sp_window_get_undo_stack (window), &now);
  return window;
}

static void
get_model (SpWindow *window,
           SpModel  *model)
{
  sp_params_to_model (sp_window_get_params (window), model);
}

/* Every field of two models, bit for bit (not the struct's padding). */
static void
assert_fields_bits (const SpModel *a,
                    const SpModel *b)
{
  const double *x[] = { &a->omega, &a->temperature, &a->s1, &a->stiffness, &a->kappa,
                        &a->rk[0], &a->rk[1], &a->rk[2], &a->rk[3], &a->d0, &a->v0, &a->c0 };
  const double *y[] = { &b->omega, &b->temperature, &b->s1, &b->stiffness, &b->kappa,
                        &b->rk[0], &b->rk[1], &b->rk[2], &b->rk[3], &b->d0, &b->v0, &b->c0 };

  for (guint i = 0; i < G_N_ELEMENTS (x); i++)
    g_assert_cmpmem (x[i], sizeof (double), y[i], sizeof (double));
  g_assert_cmpint (a->mobility, ==, b->mobility);
}

static void
assert_model_bits (const SpModel *a,
                   const SpModel *b)
{
  assert_fields_bits (a, b);
}

static SpSliderRow *
slider (SpWindow   *window,
        const char *name)
{
  return SP_SLIDER_ROW (template_child (window_panel (window, "phase-separation"),
                                        SP_TYPE_PARAM_PANEL, name));
}

/* Tests ------------------------------------------------------------------ */

static void
test_bit_for_bit (void)
{
  SpWindow *window = fresh_window ();
  SpParams *params = sp_window_get_params (window);
  SpUndoStack *stack = sp_window_get_undo_stack (window);
  SpModel start, middle, end, shown;

  get_model (window, &start);
  /* Values no decimal text holds exactly. */
  g_object_set (params, "omega", 100.0 / 3.0, NULL);
  sp_undo_stack_commit (stack);
  g_object_set (params, "temperature", 298.15 + 1.0 / 7.0, NULL);
  sp_undo_stack_commit (stack);
  get_model (window, &middle);
  middle.temperature = start.temperature;
  g_object_set (params, "stiffness", 17.0 / 9.0, NULL);
  get_model (window, &end);
  g_assert_cmpuint (sp_undo_stack_get_n_undo (stack), ==, 3);

  g_assert_true (sp_window_undo (window));
  g_assert_true (sp_window_undo (window));
  get_model (window, &shown);
  g_assert_cmpfloat (shown.omega, ==, 100.0 / 3.0);
  assert_model_bits (&shown, &middle);
  g_assert_true (sp_window_undo (window));
  get_model (window, &shown);
  assert_model_bits (&shown, &start);
  g_assert_false (sp_window_undo (window));
  /* What undo showed is no new step: redo is still there. */
  flush_main_loop ();
  g_assert_cmpuint (sp_undo_stack_get_n_redo (stack), ==, 3);
  g_assert_true (sp_window_redo (window));
  g_assert_true (sp_window_redo (window));
  g_assert_true (sp_window_redo (window));
  get_model (window, &shown);
  assert_model_bits (&shown, &end);

  /* A new change after an undo drops the redo. */
  g_assert_true (sp_window_undo (window));
  g_object_set (params, "kappa", 123.0, NULL);
  g_assert_false (sp_undo_stack_can_redo (stack));
  close_window (window);
}

/* Many values of one slider in a row, then a pause: one step. */
static void
test_slider_run (void)
{
  SpWindow *window = fresh_window ();
  SpUndoStack *stack = sp_window_get_undo_stack (window);
  GtkAdjustment *omega = sp_slider_row_get_adjustment (slider (window, "omega_row"));
  double before = gtk_adjustment_get_value (omega);
  SpModel start, shown;

  get_model (window, &start);
  for (guint i = 1; i <= 60; i++)
    {
      gtk_adjustment_set_value (omega, before - 0.5 * i);
      g_main_context_iteration (NULL, FALSE);
    }
  wait_ms (PAUSE_MS);
  g_assert_cmpuint (sp_undo_stack_get_n_undo (stack), ==, 1);
  g_assert_false (sp_undo_stack_is_open (stack));
  /* The next run is a step of its own. */
  gtk_adjustment_set_value (omega, before + 3.0);
  wait_ms (PAUSE_MS);
  g_assert_cmpuint (sp_undo_stack_get_n_undo (stack), ==, 2);
  sp_window_undo (window);
  sp_window_undo (window);
  get_model (window, &shown);
  assert_model_bits (&shown, &start);
  close_window (window);
}

/* A preset and Reset to Preset are a step each. */
static void
test_preset_steps (void)
{
  SpWindow *window = fresh_window ();
  SpParams *params = sp_window_get_params (window);
  SpUndoStack *stack = sp_window_get_undo_stack (window);
  SpModel changed, shown, lifepo4;

  get_model (window, &lifepo4);
  g_object_set (params, "omega", 90.0, NULL);
  sp_undo_stack_commit (stack);
  g_object_set (params, "temperature", 350.0, NULL);
  sp_undo_stack_commit (stack);
  get_model (window, &changed);
  g_assert_cmpuint (sp_undo_stack_get_n_undo (stack), ==, 2);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.reset-to-preset", NULL));
  flush_main_loop ();
  g_assert_cmpuint (sp_undo_stack_get_n_undo (stack), ==, 3);
  get_model (window, &shown);
  assert_model_bits (&shown, &lifepo4);
  sp_window_undo (window);
  get_model (window, &shown);
  assert_model_bits (&shown, &changed);

  g_assert_true (sp_params_load_preset (params, "textbook", NULL));
  flush_main_loop ();
  g_assert_cmpuint (sp_undo_stack_get_n_undo (stack), ==, 3);
  g_assert_cmpstr (sp_params_get_preset (params), ==, "textbook");
  sp_window_undo (window);
  get_model (window, &shown);
  assert_model_bits (&shown, &changed);
  g_assert_cmpstr (sp_params_get_preset (params), ==, SP_PRESET_DEFAULT);
  close_window (window);
}

/* A page's state (the contract's save_state/load_state) is undone too. */
static void
test_page_state (void)
{
  SpWindow *window = fresh_window ();
  SpUndoStack *stack = sp_window_get_undo_stack (window);
  TestTransportPage *page = TEST_TRANSPORT_PAGE (test_transport_page_new ("transport-undo", NULL));
  guint steps;

  sp_window_add_page (window, SP_LAB_PAGE (page));
  flush_main_loop ();
  steps = sp_undo_stack_get_n_undo (stack);
  gtk_adjustment_set_value (page->resistance, 1234.5);
  gtk_adjustment_set_value (page->resistance, 2345.25);
  sp_undo_stack_commit (stack);
  g_assert_cmpuint (sp_undo_stack_get_n_undo (stack), ==, steps + 1);
  sp_window_undo (window);
  g_assert_cmpfloat (gtk_adjustment_get_value (page->resistance), ==, TEST_RESISTANCE_DEFAULT);
  sp_window_redo (window);
  g_assert_cmpfloat (gtk_adjustment_get_value (page->resistance), ==, 2345.25);
  close_window (window);
}

/* The state the document would save for page @name, as JSON text. */
static char *
page_state_text (SpWindow   *window,
                 const char *name)
{
  g_auto(SpSession) session = { 0 };
  JsonNode *node;

  sp_document_get_session (sp_window_get_document (window), &session);
  g_assert_nonnull (session.pages);
  node = json_object_get_member (session.pages, name);
  g_assert_nonnull (node);
  return json_to_string (node, FALSE);
}

static GtkWidget *
page_named (SpWindow   *window,
            const char *name)
{
  AdwViewStack *stack = ADW_VIEW_STACK (template_child (window, SP_TYPE_WINDOW, "view_stack"));

  return adw_view_stack_get_child_by_name (stack, name);
}

/* One slider of @adjustment moved to @value and left: one step, which
 * undo takes back to the page's state before, text for text, and redo
 * forward to @value exactly. */
static void
assert_page_undo (SpWindow      *window,
                  const char    *name,
                  GtkAdjustment *adjustment,
                  double         value)
{
  SpUndoStack *stack = sp_window_get_undo_stack (window);
  g_autofree char *before = page_state_text (window, name);
  g_autofree char *after = NULL, *undone = NULL, *redone = NULL;
  guint steps = sp_undo_stack_get_n_undo (stack);

  g_assert_cmpfloat (gtk_adjustment_get_value (adjustment), !=, value);
  gtk_adjustment_set_value (adjustment, value);
  wait_ms (PAUSE_MS);
  g_assert_cmpuint (sp_undo_stack_get_n_undo (stack), ==, steps + 1);
  after = page_state_text (window, name);
  g_assert_cmpstr (after, !=, before);

  g_assert_true (sp_window_undo (window));
  flush_main_loop ();
  undone = page_state_text (window, name);
  g_assert_cmpstr (undone, ==, before);
  g_assert_true (sp_window_redo (window));
  flush_main_loop ();
  redone = page_state_text (window, name);
  g_assert_cmpstr (redone, ==, after);
  g_assert_cmpfloat (gtk_adjustment_get_value (adjustment), ==, value);
}

/* The Ion Transport lab's own pages, not a test page: a slider of the
 * Impedance page's model and one of the Hopping page's lattice. */
static void
test_transport_pages (void)
{
  SpWindow *window = fresh_window ();
  SpImpedancePage *impedance = SP_IMPEDANCE_PAGE (page_named (window, "impedance"));
  SpHoppingPage *hopping = SP_HOPPING_PAGE (page_named (window, "hopping"));

  assert_page_undo (window, "impedance",
                    sp_impedance_page_get_adjustment (impedance, SP_EIS_CERAMIC_TEMPERATURE),
                    250.0 + 1.0 / 3.0);
  assert_page_undo (window, "hopping",
                    sp_hopping_page_get_adjustment (hopping, SP_HOPPING_TEMPERATURE),
                    450.0 + 1.0 / 7.0);
  close_window (window);
}

/* The menu items and the actions follow what can be done. */
static void
test_menu_sensitivity (void)
{
  SpWindow *window = fresh_window ();
  SpParams *params = sp_window_get_params (window);

  g_assert_false (test_action_enabled (window, "win.undo"));
  g_assert_false (test_action_enabled (window, "win.redo"));
  g_object_set (params, "c0", 0.3, NULL);
  g_assert_true (test_action_enabled (window, "win.undo"));
  g_assert_false (test_action_enabled (window, "win.redo"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  g_assert_false (test_action_enabled (window, "win.undo"));
  g_assert_true (test_action_enabled (window, "win.redo"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.redo", NULL));
  g_assert_true (test_action_enabled (window, "win.undo"));
  close_window (window);
}

/* Real keys and a real pointer ------------------------------------------- */

static gboolean
can_use_xdotool (void)
{
  g_autofree char *xdotool = g_find_program_in_path ("xdotool");

  if (!GDK_IS_X11_DISPLAY (gdk_display_get_default ()))
    {
      g_test_skip ("real key presses need an X server (Xvfb)");
      return FALSE;
    }
  if (xdotool == NULL)
    {
      g_test_skip ("real key presses need xdotool (tools/setup.sh installs it)");
      return FALSE;
    }
  return TRUE;
}

static void
xdotool (SpWindow   *window,
         const char *commands)
{
  GdkSurface *surface = gtk_native_get_surface (GTK_NATIVE (window));
  g_autofree char *xid = g_strdup_printf ("%lu", (gulong) gdk_x11_surface_get_xid (surface));
  g_autofree char *with_xid = NULL;
  g_autofree char *line = NULL;
  g_auto(GStrv) parts = g_strsplit (commands, "XID", -1);
  g_auto(GStrv) argv = NULL;
  g_autoptr(GError) error = NULL;
  int status = 0;

  with_xid = g_strjoinv (xid, parts);
  line = g_strdup_printf ("xdotool windowfocus --sync %s sleep 0.05 %s", xid, with_xid);
  g_assert_true (g_shell_parse_argv (line, NULL, &argv, &error));
  g_assert_true (g_spawn_sync (NULL, argv, NULL,
                               G_SPAWN_SEARCH_PATH | G_SPAWN_STDOUT_TO_DEV_NULL, NULL, NULL,
                               NULL, NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  wait_ms (100);
}

static void
test_keys (void)
{
  SpWindow *window;
  SpParams *params;
  SpUndoStack *stack;
  GtkWidget *content, *entry;
  SpModel start, changed, shown;

  if (!can_use_xdotool ())
    return;
  window = fresh_window ();
  params = sp_window_get_params (window);
  stack = sp_window_get_undo_stack (window);
  get_model (window, &start);
  g_object_set (params, "omega", 95.5, NULL);
  get_model (window, &changed);
  g_assert_cmpuint (sp_undo_stack_get_n_undo (stack), ==, 1);

  /* From a spin button's number field: the parameter. */
  gtk_widget_grab_focus (GTK_WIDGET (sp_slider_row_get_spin (slider (window, "temperature_row"))));
  xdotool (window, "key ctrl+z");
  get_model (window, &shown);
  assert_model_bits (&shown, &start);
  xdotool (window, "key ctrl+shift+z");
  get_model (window, &shown);
  assert_model_bits (&shown, &changed);
  xdotool (window, "key ctrl+z");
  xdotool (window, "key ctrl+y");
  get_model (window, &shown);
  assert_model_bits (&shown, &changed);

  /* From a text entry: its own undo, never the parameters'. */
  content = adw_application_window_get_content (ADW_APPLICATION_WINDOW (window));
  entry = gtk_entry_new ();
  gtk_box_append (GTK_BOX (content), entry);
  flush_main_loop ();
  gtk_widget_grab_focus (entry);
  xdotool (window, "type abc");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "abc");
  xdotool (window, "key ctrl+z");
  get_model (window, &shown);
  assert_model_bits (&shown, &changed);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), !=, "abc");
  gtk_box_remove (GTK_BOX (content), entry);
  close_window (window);
}

/* A real drag of the Ω slider that rests, button down, longer than the
 * coalescing pause: still one step, closed when the button comes up. */
static void
test_pointer_drag (void)
{
  SpWindow *window;
  SpUndoStack *stack;
  GtkWidget *scale;
  SpModel start, shown;
  graphene_point_t origin = { 0 }, at;
  int x0, y0, w;
  g_autofree char *move = NULL;
  GString *drag;
  double before;

  if (!can_use_xdotool ())
    return;
  window = fresh_window ();
  stack = sp_window_get_undo_stack (window);
  scale = GTK_WIDGET (sp_slider_row_get_scale (slider (window, "omega_row")));
  g_assert_true (gtk_widget_compute_point (scale, GTK_WIDGET (window), &origin, &at));
  w = gtk_widget_get_width (scale);
  g_assert_cmpint (w, >, 40);
  {
    double sx, sy;

    /* Surface coordinates: the window's shadow lies around its widget. */
    gtk_native_get_surface_transform (GTK_NATIVE (window), &sx, &sy);
    x0 = (int) (at.x + sx) + w / 2;
    y0 = (int) (at.y + sy) + gtk_widget_get_height (scale) / 2;
  }
  get_model (window, &start);
  before = start.omega;

  drag = g_string_new (NULL);
  g_string_append_printf (drag, "mousemove --window XID %d %d mousedown 1 sleep 0.1", x0, y0);
  for (int i = 1; i <= 8; i++)
    g_string_append_printf (drag, " mousemove --window XID %d %d sleep 0.05", x0 - 4 * i, y0);
  /* Held still, longer than the pause. */
  g_string_append (drag, " sleep 1.0");
  for (int i = 1; i <= 6; i++)
    g_string_append_printf (drag, " mousemove --window XID %d %d sleep 0.05", x0 - 32 + 3 * i, y0);
  g_string_append (drag, " mouseup 1");
  move = g_string_free (drag, FALSE);
  xdotool (window, move);
  wait_ms (PAUSE_MS);

  get_model (window, &shown);
  g_assert_cmpfloat (shown.omega, !=, before);
  g_assert_cmpuint (sp_undo_stack_get_n_undo (stack), ==, 1);
  sp_window_undo (window);
  get_model (window, &shown);
  assert_model_bits (&shown, &start);
  close_window (window);
}

int
main (int   argc,
      char *argv[])
{
  sp_gsl_init ();
  g_test_init (&argc, &argv, NULL);
  test_app_init ();

  g_test_add_func ("/app/undo/bit-for-bit", test_bit_for_bit);
  g_test_add_func ("/app/undo/slider-run", test_slider_run);
  g_test_add_func ("/app/undo/preset-steps", test_preset_steps);
  g_test_add_func ("/app/undo/page-state", test_page_state);
  g_test_add_func ("/app/undo/transport-pages", test_transport_pages);
  g_test_add_func ("/app/undo/menu-sensitivity", test_menu_sensitivity);
  g_test_add_func ("/app/undo/keys", test_keys);
  g_test_add_func ("/app/undo/pointer-drag", test_pointer_drag);

  return g_test_run ();
}
