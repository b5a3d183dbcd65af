/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-app-shortcuts.c — every documented shortcut, pressed as a user
 * presses it, from every place the keyboard focus can be
 *
 * GTK 4 has no public way to make a key event, and activating an action
 * skips what a user hits (a focused spin button swallowing Ctrl+Space, its
 * text opening the emoji chooser on Ctrl+.).  So the keys are real: the X
 * server's XTEST extension (through xdotool) presses them on the window
 * under Xvfb, and GTK delivers them as it delivers a keyboard's.
 *
 * Each case focuses a widget (a spin button, a scale, a figure, a button
 * of the simulation bar, the main menu button, nothing), presses the key
 * and waits for the action's effect: a state it changes (running,
 * presentation, the panel, the page, the seed, a parameter reset, the
 * menu), Open and Save beginning (the document turns busy: the window's
 * class actions cannot be replaced by a probe), or, for the other actions
 * that open a dialog or quit, a probe put in the action's place that
 * counts its activations.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <gdk/x11/gdkx.h>

#include "sp-gsl.h"
#include "sp-param-panel.h"
#include "sp-plot-view.h"

#include "test-app-helpers.h"
#include "test-transport-page.h"

/* Where the keyboard focus is when the key is pressed. */
typedef enum
{
  FOCUS_SPIN,
  FOCUS_SCALE,
  FOCUS_PLOT,
  FOCUS_SIM_BUTTON,
  FOCUS_MENU_BUTTON,
  FOCUS_PAGE,
  N_FOCUS
} Focus;

static const char *focus_names[N_FOCUS] = {
  "spin button", "scale", "figure", "simulation bar button", "main menu button", "page",
};

typedef enum
{
  EFFECT_RUNNING,        /* the simulation runs          */
  EFFECT_STEP,           /* one more step, paused        */
  EFFECT_SEED,           /* a new seed (restart)         */
  EFFECT_RESET,          /* T back to the preset's       */
  EFFECT_PRESENTATION,
  EFFECT_PANEL_HIDDEN,
  EFFECT_PAGE_OVERVIEW,
  EFFECT_PAGE_SIMULATION,
  EFFECT_MENU_OPEN,
  EFFECT_PROBE,          /* the probe action ran         */
  EFFECT_CHOOSER,        /* a file chooser opened        */
  EFFECT_COPIED,         /* the clipboard changed        */
  EFFECT_DOCUMENT_BUSY,  /* Open or Save began          */
  EFFECT_CLOSE_REQUEST,
} Effect;

typedef struct
{
  const char *keys;      /* for xdotool                     */
  const char *label;     /* as the README writes it         */
  Effect      effect;
  const char *probe;     /* "win.open", "app.quit", …       */
} Case;

static const Case cases[] = {
  { "ctrl+space",   "Ctrl+Space",   EFFECT_RUNNING,         NULL },
  { "ctrl+period",  "Ctrl+.",       EFFECT_STEP,            NULL },
  { "ctrl+r",       "Ctrl+R",       EFFECT_SEED,            NULL },
  { "ctrl+shift+r", "Ctrl+Shift+R", EFFECT_RESET,           NULL },
  { "F5",           "F5",           EFFECT_PRESENTATION,    NULL },
  { "F9",           "F9",           EFFECT_PANEL_HIDDEN,    NULL },
  { "alt+1",        "Alt+1",        EFFECT_PAGE_OVERVIEW,   NULL },
  { "alt+2",        "Alt+2",        EFFECT_PAGE_SIMULATION, NULL },
  { "F10",          "F10",          EFFECT_MENU_OPEN,       NULL },
  { "ctrl+o",       "Ctrl+O",       EFFECT_DOCUMENT_BUSY,   NULL },
  { "ctrl+s",       "Ctrl+S",       EFFECT_DOCUMENT_BUSY,   NULL },
  { "ctrl+shift+s", "Ctrl+Shift+S", EFFECT_DOCUMENT_BUSY,   NULL },
  /* Class actions of the window (a probe cannot stand in for them):
   * seen by what they do. */
  { "ctrl+e",       "Ctrl+E",       EFFECT_CHOOSER,         NULL },
  { "ctrl+shift+e", "Ctrl+Shift+E", EFFECT_CHOOSER,         NULL },
  { "ctrl+shift+c", "Ctrl+Shift+C", EFFECT_COPIED,          NULL },
  { "ctrl+question", "Ctrl+?",      EFFECT_PROBE,           "win.show-help-overlay" },
  { "ctrl+q",       "Ctrl+Q",       EFFECT_PROBE,           "app.quit" },
  { "ctrl+w",       "Ctrl+W",       EFFECT_CLOSE_REQUEST,   NULL },
};

typedef struct
{
  SpWindow  *window;
  SpParams  *params;
  AdwFlap   *flap;
  AdwViewStack *stack;
  GtkMenuButton *menu_button;
  GtkWidget *focus[N_FOCUS];
  GHashTable *probe_counts;     /* "win.open" → activations (GUINT_TO_POINTER) */
  guint      close_requests;
  guint      copies;            /* the clipboard's "changed" */
  guint      busy_spells;       /* the document turned busy (Open, Save) */
  double     preset_temperature;
  /* Before the key. */
  guint64    seed;
  guint64    steps;
  guint      count;
} Fixture;

/* Finding widgets ----------------------------------------------------------- */

static GtkWidget *
find_descendant (GtkWidget *root,
                 GType      type,
                 gboolean   mapped)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (G_TYPE_CHECK_INSTANCE_TYPE (child, type) && (!mapped || gtk_widget_get_mapped (child)))
        return child;
      if ((found = find_descendant (child, type, mapped)) != NULL)
        return found;
    }
  return NULL;
}

/* Whether a GtkEmojiChooser (a GtkText's, opened by Ctrl+. or Ctrl+;) is
 * shown; it is closed. */
static gboolean
emoji_chooser_shown (GtkWidget *root)
{
  GType type = g_type_from_name ("GtkEmojiChooser");

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (type != 0 && G_TYPE_CHECK_INSTANCE_TYPE (child, type) && gtk_widget_get_visible (child))
        {
          /* Closed again, or it would take the next keys. */
          gtk_popover_popdown (GTK_POPOVER (child));
          return TRUE;
        }
      if (emoji_chooser_shown (child))
        return TRUE;
    }
  return FALSE;
}

static void
busy_cb (SpDocument *document,
         GParamSpec *pspec,
         Fixture    *f)
{
  if (sp_document_get_busy (document))
    f->busy_spells++;
}

/* Cancels the file chooser Open or Save showed (GTK's own dialog: the
 * test's bus has no portal), closes what it may have left (its "folder
 * contents could not be displayed" when cancelled while listing), and
 * waits for the window to be idle again. */
static void
close_chooser (Fixture *f)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  do
    {
      for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
        {
          g_autoptr(GObject) toplevel = g_list_model_get_item (toplevels, i);

          if (GTK_IS_FILE_CHOOSER_DIALOG (toplevel) && gtk_widget_get_mapped (GTK_WIDGET (toplevel)))
            g_assert_true (gtk_widget_activate_action (GTK_WIDGET (toplevel), "window.close", NULL));
          else if (GTK_IS_MESSAGE_DIALOG (toplevel))
            gtk_window_destroy (GTK_WINDOW (toplevel));
        }
      g_main_context_iteration (NULL, FALSE);
    }
  while (sp_document_get_busy (sp_window_get_document (f->window)));
}

/* Probes ---------------------------------------------------------------------- */

static void
probe_activate_cb (GSimpleAction *action,
                   GVariant      *parameter,
                   gpointer       user_data)
{
  Fixture *f = user_data;
  const char *name = g_object_get_data (G_OBJECT (action), "probe-name");
  guint n = GPOINTER_TO_UINT (g_hash_table_lookup (f->probe_counts, name));

  g_hash_table_insert (f->probe_counts, (gpointer) name, GUINT_TO_POINTER (n + 1));
}

/* Puts a counting action in the place of @detailed ("win.open"): the real
 * one would open a dialog or quit. */
static void
install_probe (Fixture    *f,
               const char *detailed)
{
  GActionMap *map = g_str_has_prefix (detailed, "app.") ? G_ACTION_MAP (app)
                                                         : G_ACTION_MAP (f->window);
  const char *name = strchr (detailed, '.') + 1;
  g_autoptr(GSimpleAction) probe = g_simple_action_new (name, NULL);

  g_assert_nonnull (g_action_map_lookup_action (map, name));
  g_action_map_remove_action (map, name);
  g_object_set_data (G_OBJECT (probe), "probe-name", (gpointer) detailed);
  g_signal_connect (probe, "activate", G_CALLBACK (probe_activate_cb), f);
  g_action_map_add_action (map, G_ACTION (probe));
}

static gboolean
close_request_cb (GtkWindow *window,
                  gpointer   user_data)
{
  Fixture *f = user_data;

  f->close_requests++;
  return TRUE;   /* the test goes on with this window */
}

/* Keys ------------------------------------------------------------------------- */

static gboolean
run_xdotool (const char * const *argv)
{
  g_autoptr(GError) error = NULL;
  int status = 0;

  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDOUT_TO_DEV_NULL,
                     NULL, NULL, NULL, NULL, &status, &error))
    {
      g_test_message ("xdotool: %s", error->message);
      return FALSE;
    }
  return g_spawn_check_wait_status (status, NULL);
}

/* Presses @keys (xdotool's names, space-separated) on @window as a keyboard would: the X server's focus on
 * the window, then XTEST key events. */
static void
press_keys (SpWindow   *window,
            const char *keys)
{
  GdkSurface *surface = gtk_native_get_surface (GTK_NATIVE (window));
  g_autofree char *xid = g_strdup_printf ("%lu", (gulong) gdk_x11_surface_get_xid (surface));
  g_auto(GStrv) key_list = g_strsplit (keys, " ", -1);
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();

  /* The X focus first, in the same command: another window (a dialog,
   * another program on the display) may have taken it. */
  g_ptr_array_add (argv, (gpointer) "xdotool");
  g_ptr_array_add (argv, (gpointer) "windowfocus");
  g_ptr_array_add (argv, xid);
  g_ptr_array_add (argv, (gpointer) "sleep");
  g_ptr_array_add (argv, (gpointer) "0.05");
  g_ptr_array_add (argv, (gpointer) "key");
  g_ptr_array_add (argv, (gpointer) "--delay");
  g_ptr_array_add (argv, (gpointer) "20");
  for (guint i = 0; key_list[i] != NULL; i++)
    g_ptr_array_add (argv, key_list[i]);
  g_ptr_array_add (argv, NULL);
  g_assert_true (run_xdotool ((const char * const *) argv->pdata));
}

/* Effects ---------------------------------------------------------------------- */

static gboolean
get_running (Fixture *f)
{
  gboolean running;

  g_object_get (f->window, "running", &running, NULL);
  return running;
}

static double
get_temperature (Fixture *f)
{
  double t;

  g_object_get (f->params, "temperature", &t, NULL);
  return t;
}

static guint64
get_seed (Fixture *f)
{
  return sp_params_get_seed (f->params);
}

static guint64
get_steps (Fixture *f)
{
  SpFrame *frame = sp_simulation_get_frame (sp_window_get_simulation (f->window));

  return frame != NULL ? frame->diag.steps : 0;
}

static gboolean
menu_open (Fixture *f)
{
  GtkPopover *popover = gtk_menu_button_get_popover (f->menu_button);

  return popover != NULL && gtk_widget_get_visible (GTK_WIDGET (popover));
}

/* The file choosers on show. */
static guint
count_choosers (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();
  guint n = 0;

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) w = g_list_model_get_item (toplevels, i);

      n += GTK_IS_FILE_CHOOSER (w) && gtk_widget_get_mapped (GTK_WIDGET (w));
    }
  return n;
}

/* Cancels every file chooser, as Escape would. */
static void
cancel_choosers (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = g_list_model_get_n_items (toplevels); i-- > 0;)
    {
      g_autoptr(GObject) w = g_list_model_get_item (toplevels, i);

      if (GTK_IS_FILE_CHOOSER (w) && GTK_IS_DIALOG (w))
        gtk_dialog_response (GTK_DIALOG (w), GTK_RESPONSE_CANCEL);
      else if (GTK_IS_FILE_CHOOSER (w))
        gtk_window_destroy (GTK_WINDOW (w));
    }
  while (count_choosers () > 0)
    g_main_context_iteration (NULL, TRUE);
}

static void
clipboard_changed_cb (GdkClipboard *clipboard,
                      Fixture      *f)
{
  f->copies++;
}

/* The state every case starts from: paused, no presentation, the panel
 * shown, the overview, the preset's T, the menu closed. */
static void
reset_state (Fixture    *f,
             const Case *c)
{
  g_object_set (f->window, "running", FALSE, "presentation", FALSE, NULL);
  adw_flap_set_reveal_flap (f->flap, TRUE);
  gtk_menu_button_popdown (f->menu_button);
  adw_view_stack_set_visible_child_name (f->stack, c->effect == EFFECT_PAGE_OVERVIEW
                                                   ? "simulation" : "overview");
  g_object_set (f->params, "temperature",
                c->effect == EFFECT_RESET ? f->preset_temperature + 40 : f->preset_temperature,
                NULL);
  g_hash_table_remove_all (f->probe_counts);
  cancel_choosers ();
  f->close_requests = 0;
  f->copies = 0;
  close_chooser (f);
  f->busy_spells = 0;
  flush_main_loop ();
  f->seed = get_seed (f);
  f->steps = get_steps (f);
}

static gboolean
effect_seen (Fixture    *f,
             const Case *c)
{
  switch (c->effect)
    {
    case EFFECT_RUNNING:
      return get_running (f);
    case EFFECT_STEP:
      return !get_running (f) && get_steps (f) > f->steps;
    case EFFECT_SEED:
      return get_seed (f) != f->seed;
    case EFFECT_RESET:
      return get_temperature (f) == f->preset_temperature;
    case EFFECT_PRESENTATION:
      return sp_params_get_presentation (f->params);
    case EFFECT_PANEL_HIDDEN:
      return !adw_flap_get_reveal_flap (f->flap);
    case EFFECT_PAGE_OVERVIEW:
      return g_strcmp0 (adw_view_stack_get_visible_child_name (f->stack), "overview") == 0;
    case EFFECT_PAGE_SIMULATION:
      return g_strcmp0 (adw_view_stack_get_visible_child_name (f->stack), "simulation") == 0;
    case EFFECT_MENU_OPEN:
      return menu_open (f);
    case EFFECT_PROBE:
      return g_hash_table_lookup (f->probe_counts, c->probe) != NULL;
    case EFFECT_DOCUMENT_BUSY:
      return f->busy_spells > 0;
    case EFFECT_CLOSE_REQUEST:
      return f->close_requests > 0;
    case EFFECT_CHOOSER:
      return count_choosers () > 0;
    case EFFECT_COPIED:
      return f->copies > 0;
    default:
      g_assert_not_reached ();
    }
}

/* Waits (at most @seconds) for the effect, the main loop running. */
static gboolean
wait_for_effect (Fixture    *f,
                 const Case *c,
                 double      seconds)
{
  gint64 end = g_get_monotonic_time () + (gint64) (seconds * G_USEC_PER_SEC);

  while (!effect_seen (f, c))
    {
      if (g_get_monotonic_time () > end)
        return FALSE;
      g_main_context_iteration (NULL, FALSE);
      g_usleep (2000);
    }
  /* Exactly once: the key was not handled twice (bubble and capture). */
  if (c->effect == EFFECT_PROBE)
    {
      flush_main_loop ();
      return GPOINTER_TO_UINT (g_hash_table_lookup (f->probe_counts, c->probe)) == 1;
    }
  if (c->effect == EFFECT_DOCUMENT_BUSY)
    {
      flush_main_loop ();
      return f->busy_spells == 1;
    }
  if (c->effect == EFFECT_CHOOSER || c->effect == EFFECT_COPIED)
    {
      gboolean once;

      /* A second activation would have presented its own chooser or
       * copied again by now. */
      g_usleep (100 * 1000);
      flush_main_loop ();
      once = c->effect == EFFECT_CHOOSER ? count_choosers () == 1 : f->copies == 1;
      cancel_choosers ();
      return once;
    }
  return TRUE;
}

static gboolean
focus_is_in (SpWindow  *window,
             GtkWidget *widget)
{
  GtkWidget *focus = gtk_window_get_focus (GTK_WINDOW (window));

  if (widget == NULL)
    return focus == NULL;
  return focus != NULL && (focus == widget || gtk_widget_is_ancestor (focus, widget));
}

/* The test ----------------------------------------------------------------------- */

static void
setup (Fixture *f)
{
  GtkWidget *panel, *sim_bar;

  f->window = new_window ();
  f->params = sp_window_get_params (f->window);
  f->flap = ADW_FLAP (template_child (f->window, SP_TYPE_WINDOW, "flap"));
  f->stack = ADW_VIEW_STACK (template_child (f->window, SP_TYPE_WINDOW, "view_stack"));
  f->menu_button = GTK_MENU_BUTTON (template_child (f->window, SP_TYPE_WINDOW,
                                                    "primary_menu_button"));
  f->probe_counts = g_hash_table_new (g_str_hash, g_str_equal);
  f->preset_temperature = get_temperature (f);
  /* The first frame exists before a step is counted. */
  while (sp_simulation_get_frame (sp_window_get_simulation (f->window)) == NULL)
    g_main_context_iteration (NULL, TRUE);

  panel = GTK_WIDGET (window_panel (f->window, "phase-separation"));
  sim_bar = GTK_WIDGET (sp_window_get_sim_bar (f->window));
  f->focus[FOCUS_SPIN] = find_descendant (panel, GTK_TYPE_SPIN_BUTTON, TRUE);
  f->focus[FOCUS_SCALE] = find_descendant (panel, GTK_TYPE_SCALE, TRUE);
  f->focus[FOCUS_PLOT] = GTK_WIDGET (overview_child (f->window, "free_energy_view"));
  f->focus[FOCUS_SIM_BUTTON] = find_descendant (sim_bar, GTK_TYPE_BUTTON, TRUE);
  f->focus[FOCUS_MENU_BUTTON] = GTK_WIDGET (f->menu_button);
  f->focus[FOCUS_PAGE] = NULL;
  for (guint i = 0; i < N_FOCUS; i++)
    g_assert_true (i == FOCUS_PAGE || f->focus[i] != NULL);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    if (cases[i].probe != NULL)
      install_probe (f, cases[i].probe);
  g_signal_connect (f->window, "close-request", G_CALLBACK (close_request_cb), f);
  g_signal_connect (gtk_widget_get_clipboard (GTK_WIDGET (f->window)), "changed",
                    G_CALLBACK (clipboard_changed_cb), f);
  g_signal_connect (sp_window_get_document (f->window), "notify::busy", G_CALLBACK (busy_cb), f);
}

static void
teardown (Fixture *f)
{
  close_chooser (f);
  g_signal_handlers_disconnect_by_func (sp_window_get_document (f->window), busy_cb, f);
  g_signal_handlers_disconnect_by_func (f->window, close_request_cb, f);
  g_signal_handlers_disconnect_by_func (gtk_widget_get_clipboard (GTK_WIDGET (f->window)),
                                        clipboard_changed_cb, f);
  g_object_set (f->window, "running", FALSE, NULL);
  close_window (f->window);
  g_hash_table_unref (f->probe_counts);
}

static gboolean
can_press_keys (void)
{
  GdkDisplay *display = gdk_display_get_default ();
  g_autofree char *xdotool = g_find_program_in_path ("xdotool");

  if (!GDK_IS_X11_DISPLAY (display))
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
test_every_focus (void)
{
  g_autoptr(GString) failures = g_string_new (NULL);
  Fixture f = { 0 };
  guint n_pressed = 0;

  if (!can_press_keys ())
    return;
  setup (&f);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    for (guint where = 0; where < N_FOCUS; where++)
      {
        const Case *c = &cases[i];
        GtkWidget *target = f.focus[where];

        reset_state (&f, c);
        /* A figure of the overview cannot have the focus while the
         * simulation page is shown (the case Alt+1 starts from). */
        if (target != NULL && !gtk_widget_get_mapped (target))
          continue;
        if (target != NULL)
          g_assert_true (gtk_widget_grab_focus (target));
        else
          gtk_window_set_focus (GTK_WINDOW (f.window), NULL);
        flush_main_loop ();
        g_assert_true (focus_is_in (f.window, target));

        press_keys (f.window, c->keys);
        n_pressed++;
        if (!wait_for_effect (&f, c, 1.5))
          g_string_append_printf (failures, "\n  %s with the focus on the %s did nothing",
                                  c->label, focus_names[where]);
        if (emoji_chooser_shown (GTK_WIDGET (f.window)))
          g_string_append_printf (failures, "\n  %s with the focus on the %s opened the emoji chooser",
                                  c->label, focus_names[where]);
      }

  teardown (&f);
  g_test_message ("%u key presses", n_pressed);
  if (failures->len > 0)
    g_test_fail_printf ("shortcuts lost:%s", failures->str);
}

/* Keys that belong to the focused widget stay with it: typing a digit or
 * a period into a spin button edits the number (the capture controller
 * takes only the chords), and Left on a figure moves the linked cursor. */
static void
test_widgets_keep_their_keys (void)
{
  Fixture f = { 0 };
  GtkWidget *text;
  double c_before, c_after;

  if (!can_press_keys ())
    return;
  setup (&f);

  g_assert_true (gtk_widget_grab_focus (f.focus[FOCUS_SPIN]));
  flush_main_loop ();
  press_keys (f.window, "ctrl+a");
  press_keys (f.window, "4 2 period 5");
  flush_main_loop ();
  text = find_descendant (f.focus[FOCUS_SPIN], GTK_TYPE_TEXT, FALSE);
  g_assert_nonnull (text);
  for (gint64 end = g_get_monotonic_time () + 3 * G_USEC_PER_SEC;
       strcmp (gtk_editable_get_text (GTK_EDITABLE (text)), "42.5") != 0
       && g_get_monotonic_time () < end;)
    g_main_context_iteration (NULL, FALSE);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (text)), ==, "42.5");
  gtk_spin_button_update (GTK_SPIN_BUTTON (f.focus[FOCUS_SPIN]));

  sp_plot_view_set_cursor (SP_PLOT_VIEW (f.focus[FOCUS_PLOT]), 0.5);
  g_assert_true (gtk_widget_grab_focus (f.focus[FOCUS_PLOT]));
  flush_main_loop ();
  c_before = sp_plot_view_get_data (SP_PLOT_VIEW (f.focus[FOCUS_PLOT]))->cursor_c;
  press_keys (f.window, "Left");
  c_after = c_before;
  for (gint64 end = g_get_monotonic_time () + 3 * G_USEC_PER_SEC;
       c_after == c_before && g_get_monotonic_time () < end;)
    {
      g_main_context_iteration (NULL, FALSE);
      c_after = sp_plot_view_get_data (SP_PLOT_VIEW (f.focus[FOCUS_PLOT]))->cursor_c;
    }
  g_assert_cmpfloat (c_after, <, c_before);

  teardown (&f);
}

/* Alt+N reaches every page of every lab, in list order: a second lab's
 * pages (the test page type) come after the Phase Separation lab's, and
 * the key changes the lab as it goes. */
static void
test_pages_across_labs (void)
{
  static const struct { const char *keys; const char *page; const char *lab; } steps[] = {
    { "alt+3", "impedance", "ion-transport" },
    { "alt+4", "hopping", "ion-transport" },
    { "alt+5", "transport-a", "test-lab" },
    { "alt+6", "transport-b", "test-lab" },
    { "alt+2", "simulation", "phase-separation" },
    { "alt+KP_6", "transport-b", "test-lab" },
    { "alt+1", "overview", "phase-separation" },
  };
  SpWindow *window;
  AdwViewStack *stack;
  GtkWidget *panel;

  if (!can_press_keys ())
    return;
  window = new_window ();
  stack = ADW_VIEW_STACK (template_child (window, SP_TYPE_WINDOW, "view_stack"));
  sp_window_add_page (window, test_transport_page_new ("transport-a", NULL));
  sp_window_add_page (window, test_transport_page_new ("transport-b", NULL));
  /* The focus in the phase-separation panel, as after a slider drag. */
  panel = GTK_WIDGET (window_panel (window, "phase-separation"));
  g_assert_true (gtk_widget_grab_focus (find_descendant (panel, GTK_TYPE_SCALE, TRUE)));
  flush_main_loop ();

  for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
    {
      g_autofree char *lab = NULL;

      press_keys (window, steps[i].keys);
      for (gint64 end = g_get_monotonic_time () + 3 * G_USEC_PER_SEC;
           g_strcmp0 (adw_view_stack_get_visible_child_name (stack), steps[i].page) != 0 &&
           g_get_monotonic_time () < end;)
        g_main_context_iteration (NULL, FALSE);
      g_assert_cmpstr (adw_view_stack_get_visible_child_name (stack), ==, steps[i].page);
      g_object_get (window, "lab", &lab, NULL);
      g_assert_cmpstr (lab, ==, steps[i].lab);
    }
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

  g_test_add_func ("/app/shortcuts/every-focus", test_every_focus);
  g_test_add_func ("/app/shortcuts/widgets-keep-their-keys", test_widgets_keep_their_keys);
  g_test_add_func ("/app/shortcuts/pages-across-labs", test_pages_across_labs);

  status = g_test_run ();
  g_clear_object (&app);
  return status;
}
