/* sp-sim-bar-layout.h — how the simulation bar wraps its read-outs
 *
 * A layout manager for SpSimBar's children, in order: a message (full
 * width, on top), the controls, then the read-outs.  The read-outs go
 * beside the controls (lines ending flush right, as on a wide screen) or
 * below them (a narrow window), whichever is lower, and wrap between
 * read-outs into as many lines as the width needs; so the bar asks only
 * for the width of its controls or its widest read-out.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define SP_TYPE_SIM_BAR_LAYOUT (sp_sim_bar_layout_get_type ())
G_DECLARE_FINAL_TYPE (SpSimBarLayout, sp_sim_bar_layout, SP, SIM_BAR_LAYOUT, GtkLayoutManager)

GtkLayoutManager *sp_sim_bar_layout_new (void);

G_END_DECLS
