/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-readout-groups.c — groups of read-outs that rearrange to fit
 * (sp-readout-groups.c): the arrangement at each width, every group's
 * rectangle in it, the height asked for at a width, hidden groups, and
 * the hopping and impedance read-outs never cutting a value off.
 *
 * Runs in the 'gui' suite (xvfb-run + dbus-run-session). */

#include "config.h"

#include <adwaita.h>

#include "sp-gsl.h"
#include "sp-hopping-readouts.h"
#include "sp-impedance-explore.h"
#include "sp-impedance-readouts.h"
#include "sp-readout-groups.h"

#define SPACING 24

/* A group of a fixed size: a drawing area's content size is its minimum
 * and natural size alike. */
static GtkWidget *
fixed_group (int width,
             int height)
{
  GtkWidget *area = gtk_drawing_area_new ();

  gtk_drawing_area_set_content_width (GTK_DRAWING_AREA (area), width);
  gtk_drawing_area_set_content_height (GTK_DRAWING_AREA (area), height);
  return area;
}

/* Three groups, 300 × 100, 200 × 40 and 250 × 50: in one row they take
 * 300 + 200 + 250 + 2·24 = 798 px, beside 300 + 24 + 250 = 574 px. */
static SpReadoutGroups *
three_groups (GtkWidget **children)
{
  GtkWidget *groups = sp_readout_groups_new (SPACING);
  const int sizes[3][2] = { { 300, 100 }, { 200, 40 }, { 250, 50 } };

  g_object_ref_sink (groups);
  for (guint i = 0; i < 3; i++)
    {
      children[i] = fixed_group (sizes[i][0], sizes[i][1]);
      sp_readout_groups_append (SP_READOUT_GROUPS (groups), children[i]);
    }
  return SP_READOUT_GROUPS (groups);
}

static void
allocate (SpReadoutGroups *groups,
          int              width)
{
  int min, nat;

  gtk_widget_measure (GTK_WIDGET (groups), GTK_ORIENTATION_VERTICAL, width, &min, &nat, NULL,
                      NULL);
  gtk_widget_size_allocate (GTK_WIDGET (groups), &(GtkAllocation) { 0, 0, width, nat }, -1);
}

static void
assert_rect (GtkWidget *child,
             int        x,
             int        y,
             int        width,
             int        height)
{
  graphene_rect_t bounds;

  g_assert_true (gtk_widget_compute_bounds (child, gtk_widget_get_parent (child), &bounds));
  g_assert_cmpint ((int) bounds.origin.x, ==, x);
  g_assert_cmpint ((int) bounds.origin.y, ==, y);
  g_assert_cmpint ((int) bounds.size.width, ==, width);
  g_assert_cmpint ((int) bounds.size.height, ==, height);
}

static int
height_at (SpReadoutGroups *groups,
           int              width)
{
  int min, nat;

  gtk_widget_measure (GTK_WIDGET (groups), GTK_ORIENTATION_VERTICAL, width, &min, &nat, NULL,
                      NULL);
  g_assert_cmpint (min, ==, nat);
  return nat;
}

/* The width asked for: the widest group at least, one row by choice. */
static void
test_widths (void)
{
  GtkWidget *c[3];
  g_autoptr(SpReadoutGroups) groups = three_groups (c);
  int min, nat;

  g_assert_cmpint (gtk_widget_get_request_mode (GTK_WIDGET (groups)), ==,
                   GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH);
  gtk_widget_measure (GTK_WIDGET (groups), GTK_ORIENTATION_HORIZONTAL, -1, &min, &nat, NULL, NULL);
  g_assert_cmpint (min, ==, 300);
  g_assert_cmpint (nat, ==, 798);
}

/* The first arrangement that fits, at and on either side of each edge. */
static void
test_arrangement_at (void)
{
  GtkWidget *c[3];
  g_autoptr(SpReadoutGroups) groups = three_groups (c);

  g_assert_cmpint (sp_readout_groups_arrangement_at (groups, 1000), ==, SP_READOUT_GROUPS_ROW);
  g_assert_cmpint (sp_readout_groups_arrangement_at (groups, 798), ==, SP_READOUT_GROUPS_ROW);
  g_assert_cmpint (sp_readout_groups_arrangement_at (groups, 797), ==, SP_READOUT_GROUPS_BESIDE);
  g_assert_cmpint (sp_readout_groups_arrangement_at (groups, 574), ==, SP_READOUT_GROUPS_BESIDE);
  g_assert_cmpint (sp_readout_groups_arrangement_at (groups, 573), ==, SP_READOUT_GROUPS_STACKED);
  g_assert_cmpint (sp_readout_groups_arrangement_at (groups, 300), ==, SP_READOUT_GROUPS_STACKED);
  /* The height at each width is that arrangement's. */
  g_assert_cmpint (height_at (groups, 1000), ==, 100);
  g_assert_cmpint (height_at (groups, 700), ==, MAX (100, 40 + SPACING + 50));
  g_assert_cmpint (height_at (groups, 500), ==, 100 + SPACING + 40 + SPACING + 50);
}

/* Each group's rectangle in each arrangement. */
static void
test_allocation (void)
{
  GtkWidget *c[3];
  g_autoptr(SpReadoutGroups) groups = three_groups (c);

  /* A row: natural widths, the last taking the rest. */
  allocate (groups, 1000);
  g_assert_cmpint (sp_readout_groups_get_arrangement (groups), ==, SP_READOUT_GROUPS_ROW);
  assert_rect (c[0], 0, 0, 300, 100);
  assert_rect (c[1], 324, 0, 200, 40);
  assert_rect (c[2], 548, 0, 1000 - 548, 50);

  /* Beside: the first at its width, the others over each other filling
   * the rest. */
  allocate (groups, 700);
  g_assert_cmpint (sp_readout_groups_get_arrangement (groups), ==, SP_READOUT_GROUPS_BESIDE);
  assert_rect (c[0], 0, 0, 300, 100);
  assert_rect (c[1], 324, 0, 700 - 324, 40);
  assert_rect (c[2], 324, 40 + SPACING, 700 - 324, 50);

  /* Stacked: each as wide as the whole. */
  allocate (groups, 400);
  g_assert_cmpint (sp_readout_groups_get_arrangement (groups), ==, SP_READOUT_GROUPS_STACKED);
  assert_rect (c[0], 0, 0, 400, 100);
  assert_rect (c[1], 0, 100 + SPACING, 400, 40);
  assert_rect (c[2], 0, 100 + SPACING + 40 + SPACING, 400, 50);
}

/* Groups whose names wrap: a width between their minimum and natural
 * widths.  The arrangement follows the minimum widths; the width is shared
 * out towards the natural ones (as GtkBox does), the rest to the last. */
static void
test_wrapping_groups (void)
{
  static const char *texts[] = {
    "Tracer diffusion coefficient from the mean-squared displacement",
    "Hop rate in the plane",
    "Residence time between two jumps",
  };
  g_autoptr(SpReadoutGroups) groups =
    SP_READOUT_GROUPS (g_object_ref_sink (sp_readout_groups_new (SPACING)));
  GtkWidget *c[3];
  int min[3], nat[3], sum_min = 2 * SPACING, sum_nat = 2 * SPACING, side_min, width;

  for (guint i = 0; i < 3; i++)
    {
      c[i] = gtk_label_new (texts[i]);
      gtk_label_set_wrap (GTK_LABEL (c[i]), TRUE);
      gtk_label_set_max_width_chars (GTK_LABEL (c[i]), 40);
      sp_readout_groups_append (groups, c[i]);
      gtk_widget_measure (c[i], GTK_ORIENTATION_HORIZONTAL, -1, &min[i], &nat[i], NULL, NULL);
      g_assert_cmpint (min[i], <, nat[i]);
      sum_min += min[i];
      sum_nat += nat[i];
    }
  side_min = MAX (min[1], min[2]);

  /* Natural widths and more: each at its natural width, the last the rest. */
  allocate (groups, sum_nat + 10);
  g_assert_cmpint (sp_readout_groups_get_arrangement (groups), ==, SP_READOUT_GROUPS_ROW);
  for (guint i = 0; i < 2; i++)
    g_assert_cmpint (gtk_widget_get_width (c[i]), ==, nat[i]);
  g_assert_cmpint (gtk_widget_get_width (c[2]), ==, nat[2] + 10);

  /* Minimum widths exactly: still a row, each at its minimum. */
  allocate (groups, sum_min);
  g_assert_cmpint (sp_readout_groups_get_arrangement (groups), ==, SP_READOUT_GROUPS_ROW);
  for (guint i = 0; i < 3; i++)
    g_assert_cmpint (gtk_widget_get_width (c[i]), ==, min[i]);

  /* Between: every group between its minimum and natural width, all of
   * the width used. */
  width = (sum_min + sum_nat) / 2;
  allocate (groups, width);
  g_assert_cmpint (sp_readout_groups_get_arrangement (groups), ==, SP_READOUT_GROUPS_ROW);
  {
    int used = 2 * SPACING;

    for (guint i = 0; i < 3; i++)
      {
        g_assert_cmpint (gtk_widget_get_width (c[i]), >=, min[i]);
        g_assert_cmpint (gtk_widget_get_width (c[i]), <=, nat[i]);
        used += gtk_widget_get_width (c[i]);
      }
    g_assert_cmpint (used, ==, width);
  }

  /* One pixel short of the row's minimum: beside, if that fits. */
  g_assert_cmpint (min[0] + SPACING + side_min, <, sum_min - 1);
  g_assert_cmpint (sp_readout_groups_arrangement_at (groups, sum_min - 1), ==,
                   SP_READOUT_GROUPS_BESIDE);
  g_assert_cmpint (sp_readout_groups_arrangement_at (groups, min[0] + SPACING + side_min), ==,
                   SP_READOUT_GROUPS_BESIDE);
  g_assert_cmpint (sp_readout_groups_arrangement_at (groups, min[0] + SPACING + side_min - 1), ==,
                   SP_READOUT_GROUPS_STACKED);
}

/* A hidden group takes no room: two left fit in one row at 574 px. */
static void
test_hidden_group (void)
{
  GtkWidget *c[3];
  g_autoptr(SpReadoutGroups) groups = three_groups (c);
  int min, nat;

  gtk_widget_set_visible (c[1], FALSE);
  gtk_widget_measure (GTK_WIDGET (groups), GTK_ORIENTATION_HORIZONTAL, -1, &min, &nat, NULL, NULL);
  g_assert_cmpint (nat, ==, 574);
  g_assert_cmpint (sp_readout_groups_arrangement_at (groups, 574), ==, SP_READOUT_GROUPS_ROW);
  allocate (groups, 600);
  assert_rect (c[0], 0, 0, 300, 100);
  assert_rect (c[2], 324, 0, 600 - 324, 50);
  /* One group alone is a row at any width. */
  gtk_widget_set_visible (c[2], FALSE);
  g_assert_cmpint (sp_readout_groups_arrangement_at (groups, 10), ==, SP_READOUT_GROUPS_ROW);
}

/* Every label of a widget lies inside it (no value cut off at its edge). */
static void
assert_labels_inside (GtkWidget *top,
                      GtkWidget *widget)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      graphene_rect_t bounds;

      if (!gtk_widget_get_mapped (child))
        continue;
      if (GTK_IS_LABEL (child) && *gtk_label_get_label (GTK_LABEL (child)) != '\0')
        {
          g_assert_true (gtk_widget_compute_bounds (child, top, &bounds));
          if (bounds.origin.x < 0 ||
              bounds.origin.x + bounds.size.width > gtk_widget_get_width (top) + 0.5)
            g_error ("“%s” at x = %g–%g lies outside the %d px read-outs",
                     gtk_label_get_label (GTK_LABEL (child)), bounds.origin.x,
                     bounds.origin.x + bounds.size.width, gtk_widget_get_width (top));
        }
      assert_labels_inside (top, child);
    }
}

static const char *
cell_name (GtkWidget *cell)
{
  return GTK_IS_LABEL (cell) ? gtk_label_get_label (GTK_LABEL (cell)) : "a button";
}

/* No two of a group's labels and buttons cover each other (a heading
 * under its ⓘ button, say). */
static void
assert_no_overlap (GtkWidget *group)
{
  g_autoptr(GPtrArray) cells = g_ptr_array_new ();

  for (GtkWidget *c = gtk_widget_get_first_child (group); c != NULL;
       c = gtk_widget_get_next_sibling (c))
    if (gtk_widget_get_mapped (c) && (GTK_IS_LABEL (c) || GTK_IS_BUTTON (c)))
      g_ptr_array_add (cells, c);
  for (guint i = 0; i < cells->len; i++)
    for (guint j = i + 1; j < cells->len; j++)
      {
        graphene_rect_t a, b, both;

        g_assert_true (gtk_widget_compute_bounds (cells->pdata[i], group, &a));
        g_assert_true (gtk_widget_compute_bounds (cells->pdata[j], group, &b));
        if (graphene_rect_intersection (&a, &b, &both) &&
            both.size.width > 0.5 && both.size.height > 0.5)
          g_error ("“%s” and “%s” overlap by %g × %g px", cell_name (cells->pdata[i]),
                   cell_name (cells->pdata[j]), both.size.width, both.size.height);
      }
}

/* Each group has the height it needs at its width: none clipped below. */
static SpReadoutGroups *
assert_groups_whole (GtkWidget *readouts,
                     guint      n_groups)
{
  SpReadoutGroups *found = NULL;
  guint n = 0;

  for (GtkWidget *groups = gtk_widget_get_first_child (readouts); groups != NULL;
       groups = gtk_widget_get_next_sibling (groups))
    {
      if (!SP_IS_READOUT_GROUPS (groups))
        continue;
      found = SP_READOUT_GROUPS (groups);
      for (GtkWidget *g = gtk_widget_get_first_child (groups); g != NULL;
           g = gtk_widget_get_next_sibling (g))
        {
          graphene_rect_t bounds;
          int min, nat;

          if (!gtk_widget_get_visible (g))
            continue;
          gtk_widget_measure (g, GTK_ORIENTATION_VERTICAL, gtk_widget_get_width (g), &min, &nat,
                              NULL, NULL);
          g_assert_cmpint (gtk_widget_get_height (g), >=, min);
          g_assert_true (gtk_widget_compute_bounds (g, groups, &bounds));
          g_assert_cmpfloat (bounds.origin.y + bounds.size.height, <=,
                             gtk_widget_get_height (groups) + 0.5);
          assert_no_overlap (g);
          n++;
        }
    }
  g_assert_cmpuint (n, ==, n_groups);
  /* … and the read-outs lie whole inside every widget around them (a
   * scrolled window that asked for too little would clip them). */
  for (GtkWidget *p = gtk_widget_get_parent (readouts); p != NULL; p = gtk_widget_get_parent (p))
    {
      graphene_rect_t bounds;

      g_assert_true (gtk_widget_compute_bounds (readouts, p, &bounds));
      if (bounds.origin.y < -0.5 ||
          bounds.origin.y + bounds.size.height > gtk_widget_get_height (p) + 0.5)
        g_error ("the read-outs span y = %g–%g in a %s %d px high", bounds.origin.y,
                 bounds.origin.y + bounds.size.height, G_OBJECT_TYPE_NAME (p),
                 gtk_widget_get_height (p));
    }
  g_assert_nonnull (found);
  return found;
}

/* @readouts (with @n_groups groups) in a window of @width, placed as on
 * the page (@in_scroller FALSE: in a box in a scrolled window, which
 * scrolls sideways only where the widest group does not fit) or directly
 * in a scrolled window (TRUE: GTK 4.8's asks for their height at no
 * width): every value whole and inside, nothing clipped; the arrangement
 * they took. */
static SpReadoutGroupsArrangement
arrangement_in_window (GtkWidget *readouts,
                       guint      n_groups,
                       int        width,
                       gboolean   in_scroller)
{
  GtkWidget *window = gtk_window_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *scroller = gtk_scrolled_window_new ();
  SpReadoutGroupsArrangement arrangement;

  if (in_scroller)
    {
      gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_AUTOMATIC,
                                      GTK_POLICY_NEVER);
      gtk_scrolled_window_set_propagate_natural_width (GTK_SCROLLED_WINDOW (scroller), TRUE);
      gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), readouts);
      gtk_box_append (GTK_BOX (box), scroller);
      gtk_window_set_child (GTK_WINDOW (window), box);
    }
  else
    {
      gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_AUTOMATIC,
                                      GTK_POLICY_AUTOMATIC);
      gtk_box_append (GTK_BOX (box), readouts);
      gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), box);
      gtk_window_set_child (GTK_WINDOW (window), scroller);
    }
  gtk_window_set_default_size (GTK_WINDOW (window), width, in_scroller ? 200 : 900);
  gtk_window_present (GTK_WINDOW (window));
  while (gtk_widget_get_width (readouts) == 0 ||
         gtk_widget_get_width (GTK_WIDGET (window)) != width)
    g_main_context_iteration (NULL, TRUE);
  /* A few frames: the height asked for after the first allocation. */
  {
    gint64 until = g_get_monotonic_time () + G_USEC_PER_SEC / 4;

    while (g_get_monotonic_time () < until)
      {
        g_main_context_iteration (NULL, FALSE);
        g_usleep (1000);
      }
  }

  assert_labels_inside (box, readouts);
  arrangement = sp_readout_groups_get_arrangement (assert_groups_whole (readouts, n_groups));
  gtk_window_destroy (GTK_WINDOW (window));
  return arrangement;
}

/* The hopping read-outs with every number set, in a window of @width. */
static SpReadoutGroupsArrangement
hopping_readouts_at (int      width,
                     gboolean in_scroller,
                     gboolean filled)
{
  SpHoppingReadouts *readouts = SP_HOPPING_READOUTS (sp_hopping_readouts_new ());
  SpHoppingReadout r;

  sp_hopping_readout_init (&r);
  if (!filled)
    {
      /* Nothing known: dashes, the groups at their narrowest, and no
       * lattice group (as in Data mode). */
      sp_hopping_readouts_set (readouts, &r);
      return arrangement_in_window (GTK_WIDGET (readouts), 2, width, in_scroller);
    }
  r.d_star_cm2_s = 1.6919e-7, r.d_star_se = 6.6e-10;
  r.d_xx_cm2_s = 1.68e-7, r.d_yy_cm2_s = 1.69e-7, r.d_zz_cm2_s = 1.70e-7;
  r.d_sigma_cm2_s = 2.36e-7, r.d_sigma_se = 3.4e-8;
  r.haven = 0.72, r.haven_se = 0.10;
  r.sigma_s_cm = 0.0469, r.sigma_se = 0.0067;
  r.error_method = "GLS";
  r.gamma_hz = 6.31e8, r.gamma_z_hz = 6.31e8, r.d_dilute_cm2_s = 3.95e-7;
  r.density_cm3 = 3.2e22;
  r.ce_l_angstrom = 2.64, r.ce_l_se = 0.02, r.ce_tau_ps = 1585, r.ce_tau_se = 20;
  r.ce_d_cm2_s = 7.3e-8, r.ce_d_se = 1e-9;
  sp_hopping_readouts_set (readouts, &r);
  return arrangement_in_window (GTK_WIDGET (readouts), 3, width, in_scroller);
}

/* The impedance read-outs of the default ceramic, in a window of @width. */
static SpReadoutGroupsArrangement
impedance_readouts_at (int      width,
                       gboolean narrow,
                       gboolean in_scroller)
{
  SpImpedanceReadouts *readouts = SP_IMPEDANCE_READOUTS (sp_impedance_readouts_new ());
  SpImpedanceExplore explore;

  sp_impedance_explore_init (&explore);
  sp_impedance_readouts_set (readouts, &explore.readout);
  sp_impedance_readouts_set_narrow (readouts, narrow);
  sp_impedance_explore_clear (&explore);
  return arrangement_in_window (GTK_WIDGET (readouts), 2, width, in_scroller);
}

static void
test_hopping_readouts (void)
{
  for (guint in_scroller = 0; in_scroller < 2; in_scroller++)
    {
      SpReadoutGroupsArrangement wide = hopping_readouts_at (1600, in_scroller, TRUE);
      SpReadoutGroupsArrangement medium = hopping_readouts_at (800, in_scroller, TRUE);
      SpReadoutGroupsArrangement narrow = hopping_readouts_at (440, in_scroller, TRUE);

      /* Empty, at every width from a small window's up. */
      for (int width = 600; width <= 1000; width += 40)
        hopping_readouts_at (width, in_scroller, FALSE);

      g_assert_cmpint (wide, ==, SP_READOUT_GROUPS_ROW);
      g_assert_cmpint (medium, >=, wide);
      g_assert_cmpint (narrow, ==, SP_READOUT_GROUPS_STACKED);
    }
}

/* The conductivities beside the arcs' table where they fit, over it where
 * not; the table's words wrap rather than run off the edge. */
static void
test_impedance_readouts (void)
{
  for (guint in_scroller = 0; in_scroller < 2; in_scroller++)
    {
      g_assert_cmpint (impedance_readouts_at (1600, FALSE, in_scroller), ==,
                       SP_READOUT_GROUPS_ROW);
      g_assert_cmpint (impedance_readouts_at (640, FALSE, in_scroller), ==,
                       SP_READOUT_GROUPS_STACKED);
      g_assert_cmpint (impedance_readouts_at (600, TRUE, in_scroller), ==,
                       SP_READOUT_GROUPS_STACKED);
    }
}

int
main (int   argc,
      char *argv[])
{
  sp_gsl_init ();
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/readout-groups/widths", test_widths);
  g_test_add_func ("/readout-groups/arrangement-at", test_arrangement_at);
  g_test_add_func ("/readout-groups/allocation", test_allocation);
  g_test_add_func ("/readout-groups/wrapping-groups", test_wrapping_groups);
  g_test_add_func ("/readout-groups/hidden-group", test_hidden_group);
  g_test_add_func ("/readout-groups/hopping-readouts", test_hopping_readouts);
  g_test_add_func ("/readout-groups/impedance-readouts", test_impedance_readouts);
  return g_test_run ();
}
