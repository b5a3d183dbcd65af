/* sp-sim-bar-layout.c — how the simulation bar wraps its read-outs
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "sp-sim-bar-layout.h"

/* The bar's padding below the message, the gap between the controls and
 * the read-outs and between read-outs on a line, between lines, and
 * between the controls and the read-outs below them (px). */
#define PAD_X        12
#define PAD_Y        6
#define GAP_X        18
#define GAP_Y        2
#define STACK_GAP    6
/* More read-outs than this are left unplaced (with a warning). */
#define MAX_READOUTS 8

struct _SpSimBarLayout
{
  GtkLayoutManager parent_instance;
};

G_DEFINE_FINAL_TYPE (SpSimBarLayout, sp_sim_bar_layout, GTK_TYPE_LAYOUT_MANAGER)

/* The children by role, and where the read-outs go at one width. */
typedef struct
{
  GtkWidget *message;
  GtkWidget *controls;
  GtkWidget *readouts[MAX_READOUTS];
  guint      n_readouts;
  int        widths[MAX_READOUTS];
  int        widest;
  int        line_height;

  gboolean   beside;
  int        controls_width;
  int        controls_height;
  int        lines[MAX_READOUTS];  /* the line each read-out sits on */
  int        block_height;         /* all read-out lines */
  int        height;               /* the bar below the message, padded */
} Arrangement;

static int
natural_width (GtkWidget *widget)
{
  int natural;

  gtk_widget_measure (widget, GTK_ORIENTATION_HORIZONTAL, -1, NULL, &natural, NULL, NULL);
  return natural;
}

/* Sorts @widget's visible children into their roles and measures the
 * read-outs (they never shrink: each is one unbreakable piece). */
static gboolean
collect (GtkWidget   *widget,
         Arrangement *a)
{
  memset (a, 0, sizeof *a);
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (!gtk_widget_should_layout (child))
        continue;
      if (a->message == NULL)
        a->message = child;
      else if (a->controls == NULL)
        a->controls = child;
      else if (a->n_readouts < MAX_READOUTS)
        a->readouts[a->n_readouts++] = child;
      else
        g_warning ("%s: more than %d read-outs; the rest are not shown",
                   G_OBJECT_TYPE_NAME (widget), MAX_READOUTS);
    }
  if (a->controls == NULL)
    return FALSE;

  for (guint i = 0; i < a->n_readouts; i++)
    {
      int height;

      a->widths[i] = natural_width (a->readouts[i]);
      gtk_widget_measure (a->readouts[i], GTK_ORIENTATION_VERTICAL, a->widths[i],
                          NULL, &height, NULL, NULL);
      a->line_height = MAX (a->line_height, height);
      a->widest = MAX (a->widest, a->widths[i]);
    }
  return TRUE;
}

/* Fills the read-outs greedily into lines of @width; returns the height. */
static int
wrap_readouts (Arrangement *a,
               int          width)
{
  int x = 0, n_lines = 1;

  if (a->n_readouts == 0)
    return 0;
  for (guint i = 0; i < a->n_readouts; i++)
    {
      if (i > 0 && x + GAP_X + a->widths[i] > width)
        {
          n_lines++;
          x = a->widths[i];
        }
      else
        x += (i > 0 ? GAP_X : 0) + a->widths[i];
      a->lines[i] = n_lines - 1;
    }
  return n_lines * a->line_height + (n_lines - 1) * GAP_Y;
}

/* Beside or below, whichever is lower at @width (a tie: beside). */
static void
arrange (Arrangement *a,
         int          width)
{
  int inner = MAX (0, width - 2 * PAD_X);
  int controls_min, controls_nat;
  int beside_width, beside_height = G_MAXINT, below_height;

  gtk_widget_measure (a->controls, GTK_ORIENTATION_HORIZONTAL, -1,
                      &controls_min, &controls_nat, NULL, NULL);
  a->controls_width = CLAMP (inner, controls_min, controls_nat);
  gtk_widget_measure (a->controls, GTK_ORIENTATION_VERTICAL, a->controls_width,
                      NULL, &a->controls_height, NULL, NULL);

  below_height = a->controls_height;
  if (a->n_readouts > 0)
    below_height += STACK_GAP + wrap_readouts (a, inner);
  beside_width = inner - a->controls_width - GAP_X;
  if (beside_width >= a->widest)
    beside_height = MAX (a->controls_height, wrap_readouts (a, beside_width));
  a->beside = beside_height <= below_height;
  /* Leave the lines of the arrangement chosen. */
  a->block_height = wrap_readouts (a, a->beside ? beside_width : inner);
  a->height = (a->beside ? beside_height : below_height) + 2 * PAD_Y;
}

static GtkSizeRequestMode
sp_sim_bar_layout_get_request_mode (GtkLayoutManager *manager,
                                    GtkWidget        *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
measure_width (Arrangement *a,
               int         *minimum,
               int         *natural)
{
  int message_min = 0, message_nat = 0, controls_min, controls_nat, all = 0;

  if (a->message != NULL)
    gtk_widget_measure (a->message, GTK_ORIENTATION_HORIZONTAL, -1,
                        &message_min, &message_nat, NULL, NULL);
  gtk_widget_measure (a->controls, GTK_ORIENTATION_HORIZONTAL, -1,
                      &controls_min, &controls_nat, NULL, NULL);
  for (guint i = 0; i < a->n_readouts; i++)
    all += GAP_X + a->widths[i];
  /* At the least, the controls or the widest read-out; at best, all on
   * one line. */
  *minimum = MAX (message_min, MAX (controls_min, a->widest) + 2 * PAD_X);
  *natural = MAX (message_nat, controls_nat + all + 2 * PAD_X);
}

static int
height_for_width (Arrangement *a,
                  int          width)
{
  int message = 0;

  if (a->message != NULL)
    gtk_widget_measure (a->message, GTK_ORIENTATION_VERTICAL, width, NULL, &message, NULL, NULL);
  arrange (a, width);
  return message + a->height;
}

static void
sp_sim_bar_layout_measure (GtkLayoutManager *manager,
                           GtkWidget        *widget,
                           GtkOrientation    orientation,
                           int               for_size,
                           int              *minimum,
                           int              *natural,
                           int              *minimum_baseline,
                           int              *natural_baseline)
{
  Arrangement a;
  int min_width, nat_width;

  *minimum = *natural = 0;
  if (!collect (widget, &a))
    return;

  measure_width (&a, &min_width, &nat_width);
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = min_width;
      *natural = nat_width;
    }
  else
    {
      *minimum = height_for_width (&a, for_size >= 0 ? MAX (for_size, min_width) : min_width);
      /* Unconstrained, the natural width's height may be the lower. */
      *natural = MAX (*minimum,
                      height_for_width (&a, for_size >= 0 ? MAX (for_size, min_width) : nat_width));
    }
}

static void
sp_sim_bar_layout_allocate (GtkLayoutManager *manager,
                            GtkWidget        *widget,
                            int               width,
                            int               height,
                            int               baseline)
{
  Arrangement a;
  int message_height = 0, top, bar_height, block_top, block_left, block_right;
  int line_widths[MAX_READOUTS] = { 0, };
  int x = 0, line = -1;

  if (!collect (widget, &a))
    return;

  if (a.message != NULL)
    {
      gtk_widget_measure (a.message, GTK_ORIENTATION_VERTICAL, width,
                          &message_height, NULL, NULL, NULL);
      gtk_widget_allocate (a.message, width, message_height, -1, NULL);
    }

  arrange (&a, width);
  top = message_height + PAD_Y;
  bar_height = a.height - 2 * PAD_Y;
  gtk_widget_allocate (a.controls, a.controls_width, a.controls_height, -1,
                       gsk_transform_translate (NULL, &GRAPHENE_POINT_INIT (
                         PAD_X, top + (a.beside ? (bar_height - a.controls_height) / 2 : 0))));

  if (a.beside)
    {
      block_top = top + (bar_height - a.block_height) / 2;
      block_left = PAD_X + a.controls_width + GAP_X;
    }
  else
    {
      block_top = top + a.controls_height + STACK_GAP;
      block_left = PAD_X;
    }
  block_right = width - PAD_X;

  for (guint i = 0; i < a.n_readouts; i++)
    line_widths[a.lines[i]] += (line_widths[a.lines[i]] > 0 ? GAP_X : 0) + a.widths[i];

  for (guint i = 0; i < a.n_readouts; i++)
    {
      int y = block_top + a.lines[i] * (a.line_height + GAP_Y);

      if (a.lines[i] != line)
        {
          line = a.lines[i];
          /* Beside the controls the lines end flush right, a column of
           * figures at the window's edge; below them they start left. */
          x = a.beside ? MAX (block_left, block_right - line_widths[line]) : block_left;
        }
      gtk_widget_allocate (a.readouts[i], a.widths[i], a.line_height, -1,
                           gsk_transform_translate (NULL, &GRAPHENE_POINT_INIT (x, y)));
      x += a.widths[i] + GAP_X;
    }
}

static void
sp_sim_bar_layout_class_init (SpSimBarLayoutClass *klass)
{
  GtkLayoutManagerClass *manager_class = GTK_LAYOUT_MANAGER_CLASS (klass);

  manager_class->get_request_mode = sp_sim_bar_layout_get_request_mode;
  manager_class->measure = sp_sim_bar_layout_measure;
  manager_class->allocate = sp_sim_bar_layout_allocate;
}

static void
sp_sim_bar_layout_init (SpSimBarLayout *self)
{
}

GtkLayoutManager *
sp_sim_bar_layout_new (void)
{
  return g_object_new (SP_TYPE_SIM_BAR_LAYOUT, NULL);
}
