/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sp-readout-groups.h — groups of read-outs that rearrange to fit
 *
 * A container for a page's groups of numbers (each a grid of names
 * and values).  It places them in the first of three arrangements whose
 * natural width fits the width it is given:
 *
 *   row      all groups side by side, the last taking what is left;
 *   beside   the first group, and the others over each other beside it;
 *   stacked  all over each other, each as wide as the whole.
 *
 * So a value is never cut off at the edge: a narrow page (the parameter
 * panel open, presentation mode's larger type, German names) gets a taller
 * arrangement instead.  Height for width: a box around it gets the
 * arrangement's height at its width.  GTK 4.8's GtkScrolledWindow asks
 * for its child's height at no width; the answer then is the height at
 * the last allocated width, asked again after a new width.
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

typedef enum
{
  SP_READOUT_GROUPS_ROW,
  SP_READOUT_GROUPS_BESIDE,
  SP_READOUT_GROUPS_STACKED,
} SpReadoutGroupsArrangement;

#define SP_TYPE_READOUT_GROUPS (sp_readout_groups_get_type ())
G_DECLARE_FINAL_TYPE (SpReadoutGroups, sp_readout_groups, SP, READOUT_GROUPS, GtkWidget)

GtkWidget                 *sp_readout_groups_new             (int              spacing);
void                       sp_readout_groups_append          (SpReadoutGroups *self,
                                                              GtkWidget       *group);

/* The arrangement the visible groups take at @width. */
SpReadoutGroupsArrangement sp_readout_groups_arrangement_at  (SpReadoutGroups *self,
                                                              int              width);

/* The arrangement of the last allocation: the one at the width it has. */
SpReadoutGroupsArrangement sp_readout_groups_get_arrangement (SpReadoutGroups *self);

G_END_DECLS
