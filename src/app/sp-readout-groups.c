/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sp-readout-groups.c — groups of read-outs that rearrange to fit
 *
 * The arrangement is chosen from the width alone, in measure and allocate
 * alike, so the height a parent asks for at a width is the height the
 * groups then take there: no frame with a number cut off.  (A parent that
 * asks at no width, GTK 4.8's GtkScrolledWindow, gets the height at the
 * last allocated width and is asked again after a new one: one frame
 * late.)  A group is never given less than its minimum width, at which
 * its names wrap and its values are still whole; the first arrangement
 * that gives every group that much is taken, and within it the width is
 * shared out towards the groups' natural widths.
 */

#include "config.h"

#include "sp-readout-groups.h"

/* The most groups laid out (a page has two or three); any more are not. */
#define MAX_GROUPS 8

/* The layout manager ------------------------------------------------------ */

#define SP_TYPE_READOUT_GROUPS_LAYOUT (sp_readout_groups_layout_get_type ())
G_DECLARE_FINAL_TYPE (SpReadoutGroupsLayout, sp_readout_groups_layout, SP, READOUT_GROUPS_LAYOUT,
                      GtkLayoutManager)

struct _SpReadoutGroupsLayout
{
  GtkLayoutManager           parent_instance;

  int                        spacing;
  /* The width of the last allocation, and the idle that asks for a new
   * height once it changed (measure at no width, below). */
  int                        allocated_width;
  guint                      remeasure_idle;
};

G_DEFINE_FINAL_TYPE (SpReadoutGroupsLayout, sp_readout_groups_layout, GTK_TYPE_LAYOUT_MANAGER)

typedef struct
{
  GtkWidget *child;
  int        min_width, nat_width;
  int        x, y, width, height;
} Group;

/* The visible children, with their widths measured. */
static guint
collect (GtkWidget *widget,
         Group     *groups)
{
  guint n = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL && n < MAX_GROUPS;
       child = gtk_widget_get_next_sibling (child))
    {
      if (!gtk_widget_should_layout (child))
        continue;
      groups[n] = (Group) { .child = child };
      gtk_widget_measure (child, GTK_ORIENTATION_HORIZONTAL, -1,
                          &groups[n].min_width, &groups[n].nat_width, NULL, NULL);
      n++;
    }
  return n;
}

/* The width of all groups in one row, each at its minimum (@natural
 * FALSE) or natural width. */
static int
row_width (const SpReadoutGroupsLayout *self,
           const Group                 *groups,
           guint                        n,
           gboolean                     natural)
{
  int width = 0;

  for (guint i = 0; i < n; i++)
    width += (natural ? groups[i].nat_width : groups[i].min_width) + (i > 0 ? self->spacing : 0);
  return width;
}

/* The widest of the groups after the first, at their minimum and natural
 * widths. */
static void
side_widths (const Group *groups,
             guint        n,
             int         *min,
             int         *nat)
{
  *min = *nat = 0;
  for (guint i = 1; i < n; i++)
    {
      *min = MAX (*min, groups[i].min_width);
      *nat = MAX (*nat, groups[i].nat_width);
    }
}

/* The first arrangement in which every group gets at least its minimum
 * width: its names may wrap there, its values never do. */
static SpReadoutGroupsArrangement
choose (const SpReadoutGroupsLayout *self,
        const Group                 *groups,
        guint                        n,
        int                          width)
{
  int side_min, side_nat;

  if (n <= 1 || row_width (self, groups, n, FALSE) <= width)
    return SP_READOUT_GROUPS_ROW;
  side_widths (groups, n, &side_min, &side_nat);
  if (groups[0].min_width + self->spacing + side_min <= width)
    return SP_READOUT_GROUPS_BESIDE;
  return SP_READOUT_GROUPS_STACKED;
}

static int
height_at (Group *group,
           int    width)
{
  int min, nat;

  gtk_widget_measure (group->child, GTK_ORIENTATION_VERTICAL, width, &min, &nat, NULL, NULL);
  return MAX (min, nat);
}

/* Places @groups[from..n) over each other from (@x, 0), @width wide; the
 * height they take. */
static int
stack (const SpReadoutGroupsLayout *self,
       Group                       *groups,
       guint                        from,
       guint                        n,
       int                          x,
       int                          width)
{
  int y = 0;

  for (guint i = from; i < n; i++)
    {
      Group *g = &groups[i];

      if (i > from)
        y += self->spacing;
      g->x = x;
      g->y = y;
      g->width = MAX (width, g->min_width);
      g->height = height_at (g, g->width);
      y += g->height;
    }
  return y;
}

/* Shares @width among columns of @min..@nat widths the way GtkBox does:
 * each its minimum, then the rest towards their natural widths; what is
 * left over goes to the last column.  @widths gets each. */
static void
share (const int *min,
       const int *nat,
       guint      n,
       int        width,
       int       *widths)
{
  GtkRequestedSize sizes[MAX_GROUPS];
  int extra = width;

  for (guint i = 0; i < n; i++)
    {
      sizes[i] = (GtkRequestedSize) { .minimum_size = min[i], .natural_size = nat[i] };
      extra -= min[i];
    }
  extra = gtk_distribute_natural_allocation (MAX (extra, 0), n, sizes);
  for (guint i = 0; i < n; i++)
    widths[i] = sizes[i].minimum_size;
  widths[n - 1] += extra;
}

/* Every group's rectangle at @width; the height of the whole. */
static int
arrange (const SpReadoutGroupsLayout *self,
         Group                       *groups,
         guint                        n,
         int                          width,
         SpReadoutGroupsArrangement   arrangement)
{
  int min[MAX_GROUPS], nat[MAX_GROUPS], widths[MAX_GROUPS];
  int height = 0, x = 0;

  switch (arrangement)
    {
    case SP_READOUT_GROUPS_ROW:
      for (guint i = 0; i < n; i++)
        min[i] = groups[i].min_width, nat[i] = groups[i].nat_width;
      /* The last group takes what is left: its end (the ⓘ button) sits at
       * the right edge. */
      if (n > 0)
        share (min, nat, n, width - (int) (n - 1) * self->spacing, widths);
      for (guint i = 0; i < n; i++)
        {
          Group *g = &groups[i];

          g->width = widths[i];
          g->x = x;
          g->y = 0;
          g->height = height_at (g, g->width);
          height = MAX (height, g->height);
          x += g->width + self->spacing;
        }
      return height;
    case SP_READOUT_GROUPS_BESIDE:
      min[0] = groups[0].min_width, nat[0] = groups[0].nat_width;
      side_widths (groups, n, &min[1], &nat[1]);
      share (min, nat, 2, width - self->spacing, widths);
      groups[0].x = groups[0].y = 0;
      groups[0].width = widths[0];
      groups[0].height = height_at (&groups[0], groups[0].width);
      x = groups[0].width + self->spacing;
      height = stack (self, groups, 1, n, x, widths[1]);
      return MAX (height, groups[0].height);
    case SP_READOUT_GROUPS_STACKED:
    default:
      return stack (self, groups, 0, n, 0, width);
    }
}

static GtkSizeRequestMode
sp_readout_groups_layout_get_request_mode (GtkLayoutManager *manager,
                                           GtkWidget        *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
sp_readout_groups_layout_measure (GtkLayoutManager *manager,
                                  GtkWidget        *widget,
                                  GtkOrientation    orientation,
                                  int               for_size,
                                  int              *minimum,
                                  int              *natural,
                                  int              *minimum_baseline,
                                  int              *natural_baseline)
{
  SpReadoutGroupsLayout *self = SP_READOUT_GROUPS_LAYOUT (manager);
  Group groups[MAX_GROUPS];
  guint n = collect (widget, groups);

  *minimum = *natural = 0;
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      /* Stacked at the least (names wrap, values stay whole); in one
       * row by choice. */
      for (guint i = 0; i < n; i++)
        *minimum = MAX (*minimum, groups[i].min_width);
      *natural = MAX (*minimum, row_width (self, groups, n, TRUE));
    }
  else
    {
      /* At no width (GTK 4.8's GtkScrolledWindow asks so): the height at
       * the width of the last allocation, the one the groups will most
       * likely get again; allocate() asks again when it changes. */
      int width = for_size >= 0 ? for_size
                  : self->allocated_width > 0 ? self->allocated_width
                  : row_width (self, groups, n, TRUE);

      *minimum = *natural = arrange (self, groups, n, width, choose (self, groups, n, width));
    }
}

static gboolean
remeasure_cb (gpointer user_data)
{
  SpReadoutGroupsLayout *self = user_data;

  self->remeasure_idle = 0;
  gtk_layout_manager_layout_changed (GTK_LAYOUT_MANAGER (self));
  return G_SOURCE_REMOVE;
}

static void
sp_readout_groups_layout_allocate (GtkLayoutManager *manager,
                                   GtkWidget        *widget,
                                   int               width,
                                   int               height,
                                   int               baseline)
{
  SpReadoutGroupsLayout *self = SP_READOUT_GROUPS_LAYOUT (manager);
  Group groups[MAX_GROUPS];
  guint n = collect (widget, groups);

  arrange (self, groups, n, width, choose (self, groups, n, width));
  /* A new width may need another height, which a parent that measured at
   * no width has not asked for: a resize, after this layout pass (one
   * queued from within it would be lost). */
  if (width != self->allocated_width)
    {
      self->allocated_width = width;
      if (self->remeasure_idle == 0)
        self->remeasure_idle = g_idle_add_full (G_PRIORITY_HIGH_IDLE, remeasure_cb,
                                                g_object_ref (self), g_object_unref);
    }
  for (guint i = 0; i < n; i++)
    gtk_widget_size_allocate (groups[i].child,
                              &(GtkAllocation) { groups[i].x, groups[i].y,
                                                 groups[i].width, groups[i].height },
                              -1);
}

static void
sp_readout_groups_layout_class_init (SpReadoutGroupsLayoutClass *klass)
{
  GtkLayoutManagerClass *manager_class = GTK_LAYOUT_MANAGER_CLASS (klass);

  manager_class->get_request_mode = sp_readout_groups_layout_get_request_mode;
  manager_class->measure = sp_readout_groups_layout_measure;
  manager_class->allocate = sp_readout_groups_layout_allocate;
}

static void
sp_readout_groups_layout_init (SpReadoutGroupsLayout *self)
{
}

/* The widget ---------------------------------------------------------------- */

struct _SpReadoutGroups
{
  GtkWidget parent_instance;
};

G_DEFINE_FINAL_TYPE (SpReadoutGroups, sp_readout_groups, GTK_TYPE_WIDGET)

static void
sp_readout_groups_dispose (GObject *object)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (object))) != NULL)
    gtk_widget_unparent (child);
  G_OBJECT_CLASS (sp_readout_groups_parent_class)->dispose (object);
}

static void
sp_readout_groups_class_init (SpReadoutGroupsClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = sp_readout_groups_dispose;
  gtk_widget_class_set_layout_manager_type (GTK_WIDGET_CLASS (klass),
                                            SP_TYPE_READOUT_GROUPS_LAYOUT);
}

static void
sp_readout_groups_init (SpReadoutGroups *self)
{
}

GtkWidget *
sp_readout_groups_new (int spacing)
{
  GtkWidget *self = g_object_new (SP_TYPE_READOUT_GROUPS, NULL);

  SP_READOUT_GROUPS_LAYOUT (gtk_widget_get_layout_manager (self))->spacing = MAX (spacing, 0);
  return self;
}

void
sp_readout_groups_append (SpReadoutGroups *self,
                          GtkWidget       *group)
{
  g_return_if_fail (SP_IS_READOUT_GROUPS (self));
  g_return_if_fail (GTK_IS_WIDGET (group));

  gtk_widget_set_parent (group, GTK_WIDGET (self));
}

SpReadoutGroupsArrangement
sp_readout_groups_arrangement_at (SpReadoutGroups *self,
                                  int              width)
{
  SpReadoutGroupsLayout *layout;
  Group groups[MAX_GROUPS];
  guint n;

  g_return_val_if_fail (SP_IS_READOUT_GROUPS (self), SP_READOUT_GROUPS_ROW);

  layout = SP_READOUT_GROUPS_LAYOUT (gtk_widget_get_layout_manager (GTK_WIDGET (self)));
  n = collect (GTK_WIDGET (self), groups);
  return choose (layout, groups, n, width);
}

SpReadoutGroupsArrangement
sp_readout_groups_get_arrangement (SpReadoutGroups *self)
{
  g_return_val_if_fail (SP_IS_READOUT_GROUPS (self), SP_READOUT_GROUPS_ROW);
  /* Allocation chooses from the width alone: the same choice again. */
  return sp_readout_groups_arrangement_at (self, gtk_widget_get_width (GTK_WIDGET (self)));
}
