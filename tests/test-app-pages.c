/* test-app-pages.c — the lab page contract (sp-lab-page.h) and the two
 * pages that follow it: each names itself and its lab, registers its
 * figures in Export's order, and lays them out from the area and
 * presentation mode it is handed, without a window around it; then the
 * window's labs (sp-window-pages.c): a second lab's pages (a test-only
 * page type, test-transport-page.h) added with sp_window_add_page(), the
 * lab selector, the panel following the page, win.show-page across labs.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>

#include "sp-gsl.h"
#include "sp-overview-page.h"
#include "sp-param-panel.h"
#include "sp-simulation-page.h"

#include "test-app-helpers.h"
#include "test-transport-page.h"

/* A page inside a plain window, so its figures are realized as in the
 * app (the page itself never needs SpWindow). */
static SpLabPage *
show_page (GType       type,
           GtkWindow **window)
{
  SpLabPage *page = g_object_new (type, NULL);

  *window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (*window, 1000, 700);
  gtk_window_set_child (*window, GTK_WIDGET (page));
  gtk_window_present (*window);
  while (!gtk_widget_get_mapped (GTK_WIDGET (page)))
    g_main_context_iteration (NULL, TRUE);
  return page;
}

static void
wait_for_layout (void)
{
  /* The relayout runs in one high-priority idle. */
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static void
assert_figure_kinds (SpLabPage          *page,
                     const SpFigureKind *kinds,
                     guint               n)
{
  GPtrArray *figures = sp_lab_page_get_figures (page);

  g_assert_cmpuint (figures->len, ==, n);
  for (guint i = 0; i < n; i++)
    g_assert_cmpint (sp_plot_view_get_kind (g_ptr_array_index (figures, i)), ==, kinds[i]);
}

static void
grid_cell (GtkWidget *figure,
           int       *column,
           int       *row,
           int       *column_span)
{
  GtkWidget *grid = gtk_widget_get_parent (figure);
  GtkLayoutManager *manager = gtk_widget_get_layout_manager (grid);
  GtkGridLayoutChild *lc = GTK_GRID_LAYOUT_CHILD (gtk_layout_manager_get_layout_child (manager, figure));

  *column = gtk_grid_layout_child_get_column (lc);
  *row = gtk_grid_layout_child_get_row (lc);
  *column_span = gtk_grid_layout_child_get_column_span (lc);
}

static void
test_overview (void)
{
  static const SpFigureKind kinds[] = {
    SP_FIGURE_FREE_ENERGY, SP_FIGURE_OCV, SP_FIGURE_PHASE_DIAGRAM, SP_FIGURE_DIFFUSIVITY,
    SP_FIGURE_DISPERSION, SP_FIGURE_FIELD,
  };
  GtkWindow *window;
  SpLabPage *page = show_page (SP_TYPE_OVERVIEW_PAGE, &window);
  GPtrArray *figures = sp_lab_page_get_figures (page);
  GtkWidget *phase = g_ptr_array_index (figures, 2);
  GtkWidget *field = g_ptr_array_index (figures, 5);
  GtkWidget *focus_bar = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (page),
                                                                     SP_TYPE_OVERVIEW_PAGE,
                                                                     "focus_bar"));
  int column, row, span;

  g_assert_cmpstr (sp_lab_page_get_page_name (page), ==, "overview");
  g_assert_cmpstr (sp_lab_page_get_title (page), ==, "_Overview");
  g_assert_cmpstr (sp_lab_page_get_icon_name (page), ==, "view-grid-symbolic");
  g_assert_cmpstr (sp_lab_page_get_lab_name (page), ==, "phase-separation");
  g_assert_cmpstr (sp_lab_page_get_lab_title (page), ==, "P_hase Separation");
  g_assert_cmpstr (sp_lab_page_get_panel_name (page), ==, "phase-separation");
  g_assert_true (sp_lab_page_get_simulation_bar (page));
  /* Its parameters are the session's "model" and "simulation". */
  g_assert_false (sp_lab_page_has_state (page));
  assert_figure_kinds (page, kinds, G_N_ELEMENTS (kinds));

  /* Wide: 3 × 2 in grid order (g, OCV, field / phase, D, σ). */
  sp_lab_page_set_area (page, 1000, 700);
  wait_for_layout ();
  grid_cell (field, &column, &row, &span);
  g_assert_cmpint (column, ==, 2);
  g_assert_cmpint (row, ==, 0);
  grid_cell (phase, &column, &row, &span);
  g_assert_cmpint (column, ==, 0);
  g_assert_cmpint (row, ==, 1);

  /* Narrow: one column, the phase diagram fourth. */
  sp_lab_page_set_area (page, 400, 700);
  wait_for_layout ();
  grid_cell (phase, &column, &row, &span);
  g_assert_cmpint (column, ==, 0);
  g_assert_cmpint (row, ==, 3);

  /* Presentation mode: the focus bar, and only g(c) and the phase
   * diagram, side by side in a wide area. */
  g_assert_false (gtk_widget_get_visible (focus_bar));
  sp_lab_page_set_presentation (page, TRUE);
  g_assert_true (gtk_widget_get_visible (focus_bar));
  sp_lab_page_set_area (page, 1600, 700);
  wait_for_layout ();
  for (guint i = 0; i < figures->len; i++)
    g_assert_cmpint (gtk_widget_get_visible (g_ptr_array_index (figures, i)), ==,
                     i == 0 || i == 2);
  grid_cell (phase, &column, &row, &span);
  g_assert_cmpint (column, ==, 1);
  g_assert_cmpint (row, ==, 0);

  sp_lab_page_set_presentation (page, FALSE);
  wait_for_layout ();
  g_assert_false (gtk_widget_get_visible (focus_bar));
  for (guint i = 0; i < figures->len; i++)
    g_assert_true (gtk_widget_get_visible (g_ptr_array_index (figures, i)));

  gtk_window_destroy (window);
}

static void
test_simulation (void)
{
  static const SpFigureKind kinds[] = {
    SP_FIGURE_FIELD, SP_FIGURE_ENERGY, SP_FIGURE_COARSENING, SP_FIGURE_STRUCTURE,
    SP_FIGURE_VOLTAGE_TRACE, SP_FIGURE_VOLTAGE_TIME,
  };
  GtkWindow *window;
  SpLabPage *page = show_page (SP_TYPE_SIMULATION_PAGE, &window);
  GPtrArray *figures = sp_lab_page_get_figures (page);
  GtkWidget *field = g_ptr_array_index (figures, 0);
  GtkWidget *structure = g_ptr_array_index (figures, 3);
  int column, row, span;

  g_assert_cmpstr (sp_lab_page_get_page_name (page), ==, "simulation");
  g_assert_cmpstr (sp_lab_page_get_title (page), ==, "_Simulation");
  g_assert_cmpstr (sp_lab_page_get_icon_name (page), ==, "media-playback-start-symbolic");
  g_assert_cmpstr (sp_lab_page_get_lab_name (page), ==, "phase-separation");
  g_assert_cmpstr (sp_lab_page_get_panel_name (page), ==, "phase-separation");
  g_assert_true (sp_lab_page_get_simulation_bar (page));
  assert_figure_kinds (page, kinds, G_N_ELEMENTS (kinds));
  for (guint i = 0; i < figures->len; i++)
    g_assert_true (sp_plot_view_shows_simulation (g_ptr_array_index (figures, i)));

  /* Three columns: the field takes two, the diagnostics the third. */
  sp_lab_page_set_area (page, 1000, 700);
  wait_for_layout ();
  grid_cell (field, &column, &row, &span);
  g_assert_cmpint (span, ==, 2);
  grid_cell (structure, &column, &row, &span);
  g_assert_cmpint (column, ==, 2);
  g_assert_cmpint (row, ==, 2);

  /* One column: the field on top (two rows), S(k, t) last. */
  sp_lab_page_set_area (page, 400, 700);
  wait_for_layout ();
  grid_cell (structure, &column, &row, &span);
  g_assert_cmpint (column, ==, 0);
  g_assert_cmpint (row, ==, 4);

  /* Driven: V(c̄), V(t) and F(t) beside the field; L(t) and S(k, t) go. */
  g_assert_false (gtk_widget_get_visible (g_ptr_array_index (figures, 4)));
  sp_simulation_page_set_driven (SP_SIMULATION_PAGE (page), TRUE);
  sp_lab_page_set_area (page, 1000, 700);
  wait_for_layout ();
  g_assert_false (gtk_widget_get_visible (structure));
  g_assert_false (gtk_widget_get_visible (g_ptr_array_index (figures, 2)));
  for (guint i = 4; i < 6; i++)
    {
      g_assert_true (gtk_widget_get_visible (g_ptr_array_index (figures, i)));
      grid_cell (g_ptr_array_index (figures, i), &column, &row, &span);
      g_assert_cmpint (column, ==, 2);
      g_assert_cmpint (row, ==, (int) i - 4);
    }
  grid_cell (g_ptr_array_index (figures, 1), &column, &row, &span);
  g_assert_cmpint (row, ==, 2);
  sp_simulation_page_set_driven (SP_SIMULATION_PAGE (page), FALSE);
  wait_for_layout ();
  g_assert_true (gtk_widget_get_visible (structure));
  g_assert_false (gtk_widget_get_visible (g_ptr_array_index (figures, 4)));

  gtk_window_destroy (window);
}

/* The window's labs ---------------------------------------------------------- */

static AdwViewStack *
window_stack (SpWindow *window)
{
  return ADW_VIEW_STACK (template_child (window, SP_TYPE_WINDOW, "view_stack"));
}

/* Whether the switcher offers the page named @name. */
static gboolean
in_switcher (SpWindow   *window,
             const char *name)
{
  AdwViewStack *stack = window_stack (window);

  return adw_view_stack_page_get_visible (
           adw_view_stack_get_page (stack, adw_view_stack_get_child_by_name (stack, name)));
}

static const char *
shown_page (SpWindow *window)
{
  return adw_view_stack_get_visible_child_name (window_stack (window));
}

/* The flap's panel on show (the others are hidden). */
static GtkWidget *
shown_panel (SpWindow *window)
{
  GtkWidget *box = GTK_WIDGET (template_child (window, SP_TYPE_WINDOW, "panel_box"));
  GtkWidget *shown = NULL;

  for (GtkWidget *child = gtk_widget_get_first_child (box); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (gtk_widget_get_visible (child))
      {
        g_assert_null (shown);
        shown = child;
      }
  return shown;
}

/* The lab selector's buttons, in order. */
static GPtrArray *
lab_buttons (SpWindow *window)
{
  GtkWidget *box = GTK_WIDGET (template_child (window, SP_TYPE_WINDOW, "lab_switcher"));
  GPtrArray *buttons = g_ptr_array_new ();

  for (GtkWidget *b = gtk_widget_get_first_child (box); b != NULL; b = gtk_widget_get_next_sibling (b))
    g_ptr_array_add (buttons, b);
  return buttons;
}

static void
go_to_page (SpWindow   *window,
            const char *name)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", name));
  flush_main_loop ();
}

/* Activates @button as the keyboard does (Space: GTK clicks it a moment
 * later), then waits for @page to be on show. */
static void
press_lab_button (SpWindow   *window,
                  GtkWidget  *button,
                  const char *page)
{
  g_assert_true (gtk_widget_activate (button));
  for (gint64 end = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;
       g_strcmp0 (shown_page (window), page) != 0 && g_get_monotonic_time () < end;)
    g_main_context_iteration (NULL, FALSE);
  flush_main_loop ();
  g_assert_cmpstr (shown_page (window), ==, page);
}

/* Today's window: two labs (Phase Separation; Ion Transport with its
 * Impedance page), the selector, the parameter panel under both of the
 * first lab's pages. */
static void
test_one_lab (void)
{
  SpWindow *window = new_window ();
  GtkWidget *selector = GTK_WIDGET (template_child (window, SP_TYPE_WINDOW, "lab_switcher"));
  g_autoptr(GPtrArray) buttons = lab_buttons (window);
  GObject *panel = window_panel (window, "phase-separation");

  g_assert_true (gtk_widget_get_visible (selector));
  g_assert_cmpuint (buttons->len, ==, 2);
  g_assert_false (in_switcher (window, "impedance"));
  g_assert_true (SP_IS_PARAM_PANEL (panel));
  g_assert_true (in_switcher (window, "overview"));
  g_assert_true (in_switcher (window, "simulation"));
  g_assert_cmpstr (shown_page (window), ==, "overview");
  g_assert_true (shown_panel (window) == GTK_WIDGET (panel));
  go_to_page (window, "simulation");
  g_assert_true (shown_panel (window) == GTK_WIDGET (panel));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (sp_window_get_sim_bar (window))));
  close_window (window);
}

static void
test_second_lab (void)
{
  SpWindow *window = new_window ();
  GtkWidget *selector = GTK_WIDGET (template_child (window, SP_TYPE_WINDOW, "lab_switcher"));
  GtkWidget *param_panel = GTK_WIDGET (window_panel (window, "phase-separation"));
  GtkWidget *sim_bar = GTK_WIDGET (sp_window_get_sim_bar (window));
  SpLabPage *a = test_transport_page_new ("transport-a", NULL);
  SpLabPage *b = test_transport_page_new ("transport-b", NULL);
  SpLabPage *own = test_transport_page_new ("transport-own", "transport-own");
  g_autoptr(GPtrArray) buttons = NULL;
  GtkWidget *lab_panel, *own_panel;

  test_transport_panels_made = 0;
  go_to_page (window, "simulation");
  /* Two labs already (the Ion Transport lab's Impedance page). */
  g_assert_true (gtk_widget_get_visible (selector));
  sp_window_add_page (window, a);
  /* A third lab's first page joins the selector. */
  g_assert_true (gtk_widget_get_visible (selector));
  g_assert_cmpuint (test_transport_panels_made, ==, 1);
  sp_window_add_page (window, b);
  sp_window_add_page (window, own);
  /* b shares the lab's panel, own brings its own: two made. */
  g_assert_cmpuint (test_transport_panels_made, ==, 2);
  lab_panel = GTK_WIDGET (window_panel (window, "test-lab"));
  own_panel = GTK_WIDGET (window_panel (window, "transport-own"));

  /* The selector: one labelled toggle button per lab, in order. */
  flush_main_loop ();
  g_assert_true (gtk_widget_get_visible (selector));
  g_assert_true (gtk_widget_get_mapped (selector));
  buttons = lab_buttons (window);
  g_assert_cmpuint (buttons->len, ==, 3);
  g_assert_cmpstr (gtk_widget_get_tooltip_text (g_ptr_array_index (buttons, 0)), ==, "Phase Separation");
  g_assert_cmpstr (gtk_widget_get_tooltip_text (g_ptr_array_index (buttons, 1)), ==, "Ion Transport");
  g_assert_cmpstr (gtk_widget_get_tooltip_text (g_ptr_array_index (buttons, 2)), ==, "Test Lab");
  g_ptr_array_remove_index (buttons, 1);   /* below: the first and the test lab */
  g_assert_true (gtk_toggle_button_get_active (g_ptr_array_index (buttons, 0)));
  g_assert_false (gtk_toggle_button_get_active (g_ptr_array_index (buttons, 1)));
  for (guint i = 0; i < buttons->len; i++)
    g_assert_true (gtk_widget_get_focusable (g_ptr_array_index (buttons, i)));

  /* The switcher shows the active lab's pages only. */
  g_assert_cmpstr (shown_page (window), ==, "simulation");
  g_assert_true (in_switcher (window, "overview"));
  g_assert_false (in_switcher (window, "transport-a"));
  g_assert_false (in_switcher (window, "transport-own"));

  /* win.show-page crosses labs: the other lab's pages, its panel, no
   * simulation bar. */
  go_to_page (window, "transport-b");
  g_assert_cmpstr (shown_page (window), ==, "transport-b");
  g_assert_false (in_switcher (window, "overview"));
  g_assert_false (in_switcher (window, "simulation"));
  g_assert_true (in_switcher (window, "transport-a"));
  g_assert_true (in_switcher (window, "transport-own"));
  g_assert_true (gtk_toggle_button_get_active (g_ptr_array_index (buttons, 1)));
  g_assert_false (gtk_toggle_button_get_active (g_ptr_array_index (buttons, 0)));
  g_assert_true (shown_panel (window) == lab_panel);
  g_assert_false (gtk_widget_get_visible (sim_bar));
  go_to_page (window, "transport-own");
  g_assert_true (shown_panel (window) == own_panel);
  go_to_page (window, "transport-a");
  g_assert_true (shown_panel (window) == lab_panel);
  /* The panel drives its page. */
  gtk_range_set_value (GTK_RANGE (gtk_widget_get_last_child (lab_panel)), 2500.0);
  g_assert_cmpfloat (test_transport_page_get_resistance (a), ==, 2500.0);

  /* The selector: back to the page each lab was left on. */
  press_lab_button (window, g_ptr_array_index (buttons, 0), "simulation");
  g_assert_true (shown_panel (window) == param_panel);
  g_assert_true (gtk_widget_get_visible (sim_bar));
  g_assert_false (in_switcher (window, "transport-a"));
  press_lab_button (window, g_ptr_array_index (buttons, 1), "transport-a");
  g_assert_true (shown_panel (window) == lab_panel);

  /* Every page is listed for the figures (none here) and by name. */
  go_to_page (window, "overview");
  g_assert_true (in_switcher (window, "overview"));
  g_assert_true (shown_panel (window) == param_panel);

  close_window (window);
  /* Held by the window until it went. */
}

/* Asks for @width × @height until the window has it (a resize of a
 * mapped window can take more than one request under Xvfb). */
static void
resize_window (SpWindow *window,
               int       width,
               int       height)
{
  GtkWidget *widget = GTK_WIDGET (window);
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
  gint64 next_ask = 0;

  while (gtk_widget_get_width (widget) > width || gtk_widget_get_width (widget) < width - 20)
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      if (g_get_monotonic_time () >= next_ask)
        {
          gtk_window_set_default_size (GTK_WINDOW (window), width, height);
          next_ask = g_get_monotonic_time () + G_USEC_PER_SEC / 4;
        }
      g_main_context_iteration (NULL, FALSE);
    }
  flush_main_loop ();
}

static int
min_width (GtkWidget *widget)
{
  int m;

  gtk_widget_measure (widget, GTK_ORIENTATION_HORIZONTAL, -1, &m, NULL, NULL, NULL);
  return m;
}

/* Waits (at most 10 s) for @widget's visibility to be @visible. */
static G_GNUC_UNUSED void
wait_visible (GtkWidget *widget,
              gboolean   visible)
{
  for (gint64 end = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
       gtk_widget_get_visible (widget) != visible && g_get_monotonic_time () < end;)
    g_main_context_iteration (NULL, FALSE);
  flush_main_loop ();
  g_assert_cmpint (gtk_widget_get_visible (widget), ==, visible);
}

/* The first section of the primary menu: its label and its items' targets. */
static char *
first_menu_section (SpWindow *window)
{
  GtkMenuButton *button = GTK_MENU_BUTTON (template_child (window, SP_TYPE_WINDOW,
                                                           "primary_menu_button"));
  GMenuModel *menu = gtk_menu_button_get_menu_model (button);
  g_autoptr(GMenuModel) section = g_menu_model_get_item_link (menu, 0, G_MENU_LINK_SECTION);
  GString *text = g_string_new (NULL);
  g_autofree char *label = NULL;

  g_assert_nonnull (section);
  if (g_menu_model_get_item_attribute (menu, 0, G_MENU_ATTRIBUTE_LABEL, "s", &label))
    g_string_append_printf (text, "%s:", label);
  for (int i = 0; i < g_menu_model_get_n_items (section); i++)
    {
      g_autofree char *action = NULL;
      g_autofree char *target = NULL;

      g_menu_model_get_item_attribute (section, i, G_MENU_ATTRIBUTE_ACTION, "s", &action);
      g_menu_model_get_item_attribute (section, i, G_MENU_ATTRIBUTE_TARGET, "s", &target);
      g_string_append_printf (text, " %s(%s)", action, target != NULL ? target : "");
    }
  return g_string_free (text, FALSE);
}

/* A narrow window folds the panel; the lab selector then leaves the
 * header, so the window gets no wider than with one lab, and the primary
 * menu's Lab section (there from the second lab on) picks the lab. */
static void
test_lab_selector_folded (void)
{
  SpWindow *window = new_window ();
  AdwFlap *flap = ADW_FLAP (template_child (window, SP_TYPE_WINDOW, "flap"));
  GtkWidget *selector = GTK_WIDGET (template_child (window, SP_TYPE_WINDOW, "lab_switcher"));
  GtkWidget *header = gtk_widget_get_ancestor (selector, ADW_TYPE_HEADER_BAR);
  g_autofree char *section_before = NULL;
  g_autofree char *section_after = NULL;
  int one_lab_min;

  resize_window (window, 1280, 720);
  section_before = first_menu_section (window);
  g_assert_cmpstr (section_before, ==,
                   "Lab: win.show-lab(phase-separation) win.show-lab(ion-transport)");
  /* As narrow as it gets with one lab. */
  gtk_window_set_default_size (GTK_WINDOW (window), 360, 700);
  for (gint64 end = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
       !adw_flap_get_folded (flap) && g_get_monotonic_time () < end;)
    g_main_context_iteration (NULL, FALSE);
  g_assert_true (adw_flap_get_folded (flap));
  flush_main_loop ();
  one_lab_min = min_width (GTK_WIDGET (window));

  sp_window_add_page (window, test_transport_page_new ("transport-a", NULL));
  flush_main_loop ();
  g_assert_false (gtk_widget_get_visible (selector));
  g_assert_cmpint (min_width (header), <=, one_lab_min);
  g_assert_cmpint (min_width (GTK_WIDGET (window)), <=, one_lab_min);
  section_after = first_menu_section (window);
  g_assert_cmpstr (section_after, ==,
                   "Lab: win.show-lab(phase-separation) win.show-lab(ion-transport) "
                   "win.show-lab(test-lab)");

  /* The menu's action: the lab, on its page. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-lab", "s", "test-lab"));
  flush_main_loop ();
  g_assert_cmpstr (shown_page (window), ==, "transport-a");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-lab", "s", "phase-separation"));
  flush_main_loop ();
  g_assert_cmpstr (shown_page (window), ==, "overview");

  resize_window (window, 1280, 720);
  wait_visible (selector, TRUE);
  close_window (window);
}

/* Alt+1 … Alt+9 name every page in list order, labs included. */
static void
test_page_keys (void)
{
  SpWindow *window = new_window ();
  static const char *expected[] = { "overview", "simulation", "impedance", "hopping", "transport-a",
                                    "transport-b" };
  g_autoptr(GListModel) controllers = NULL;
  GtkShortcutController *keys = NULL;
  guint n_found = 0;

  sp_window_add_page (window, test_transport_page_new ("transport-a", NULL));
  sp_window_add_page (window, test_transport_page_new ("transport-b", NULL));
  controllers = gtk_widget_observe_controllers (GTK_WIDGET (window));
  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) c = g_list_model_get_item (controllers, i);

      if (g_strcmp0 (gtk_event_controller_get_name (c), "sp-window-page-shortcuts") == 0)
        {
          /* One controller: the old one was replaced. */
          g_assert_null (keys);
          keys = GTK_SHORTCUT_CONTROLLER (c);
        }
    }
  g_assert_nonnull (keys);
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (keys)); i++)
    {
      g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (keys), i);
      GtkShortcutTrigger *trigger = gtk_shortcut_get_trigger (shortcut);
      guint key = gtk_keyval_trigger_get_keyval (GTK_KEYVAL_TRIGGER (trigger));
      guint n = key >= GDK_KEY_KP_1 && key <= GDK_KEY_KP_9 ? key - GDK_KEY_KP_1 : key - GDK_KEY_1;

      g_assert_cmpuint (gtk_keyval_trigger_get_modifiers (GTK_KEYVAL_TRIGGER (trigger)), ==, GDK_ALT_MASK);
      g_assert_cmpuint (n, <, G_N_ELEMENTS (expected));
      g_assert_cmpstr (gtk_named_action_get_action_name (GTK_NAMED_ACTION (gtk_shortcut_get_action (shortcut))),
                       ==, "win.show-page");
      g_assert_cmpstr (g_variant_get_string (gtk_shortcut_get_arguments (shortcut), NULL), ==, expected[n]);
      n_found++;
    }
  /* Both rows of digits. */
  g_assert_cmpuint (n_found, ==, 2 * G_N_ELEMENTS (expected));
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

  g_test_add_func ("/app/pages/overview", test_overview);
  g_test_add_func ("/app/pages/simulation", test_simulation);
  g_test_add_func ("/app/pages/one-lab", test_one_lab);
  g_test_add_func ("/app/pages/second-lab", test_second_lab);
  g_test_add_func ("/app/pages/lab-selector-folded", test_lab_selector_folded);
  g_test_add_func ("/app/pages/page-keys", test_page_keys);
  status = g_test_run ();
  g_clear_object (&app);
  return status;
}
