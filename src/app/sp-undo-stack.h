/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sp-undo-stack.h — undo and redo of whole states, with coalescing
 *
 * The stack knows nothing of widgets nor of what a state is: it holds
 * copies of states (whatever the copy, free and equal functions handle;
 * the window uses SpSession, every parameter and every page's state) and
 * hands back the one to show.  A step is the pair (before, after).
 *
 *  - sp_undo_stack_changed() says the state is now @now.  It opens a step
 *    (before = the state the stack last knew) or, while a step is open
 *    under the same @key, moves that step's "after" on: a slider drag of
 *    a hundred values is one step.  A different key, or no key, closes
 *    the open step first.  A new step drops everything that could be
 *    redone.  A step whose after equals its before (a slider dragged back
 *    to where it started) is dropped.
 *  - sp_undo_stack_commit() closes the open step (the window calls it at
 *    the end of a drag, or after a short idle).
 *  - sp_undo_stack_begin_group() … end_group(): every change between the
 *    two is one step whatever its key (a preset, a lesson's step).  Groups
 *    nest; the outermost end closes the step.
 *  - sp_undo_stack_undo() / redo() close the open step, move one step and
 *    return the state to show (borrowed; the caller shows it and must not
 *    report that as a change).
 * States are compared with the equal function only to drop empty steps:
 * what undo returns is the very copy taken, so a state comes back bit for
 * bit.
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define SP_TYPE_UNDO_STACK (sp_undo_stack_get_type ())
G_DECLARE_FINAL_TYPE (SpUndoStack, sp_undo_stack, SP, UNDO_STACK, GObject)

/* At most this many steps are kept; older ones are forgotten. */
#define SP_UNDO_STACK_MAX_STEPS 200

/* @initial: the state now (copied).  @equal may be NULL (never equal). */
SpUndoStack *sp_undo_stack_new          (gconstpointer    initial,
                                         GBoxedCopyFunc   copy,
                                         GDestroyNotify   free_func,
                                         GEqualFunc       equal);

/* The state is now @now (copied); @key names what changed ("omega",
 * "impedance"), NULL for a change never merged with another. */
void         sp_undo_stack_changed      (SpUndoStack     *self,
                                         gconstpointer    now,
                                         const char      *key);
/* Closes the open step, if any. */
void         sp_undo_stack_commit       (SpUndoStack     *self);
/* Whether a step is open (changes with its key would join it). */
gboolean     sp_undo_stack_is_open      (SpUndoStack     *self);

void         sp_undo_stack_begin_group  (SpUndoStack     *self);
void         sp_undo_stack_end_group    (SpUndoStack     *self);
guint        sp_undo_stack_get_group_depth (SpUndoStack  *self);

gboolean     sp_undo_stack_can_undo     (SpUndoStack     *self);
gboolean     sp_undo_stack_can_redo     (SpUndoStack     *self);
/* The state to show (borrowed, valid until the next call), or NULL. */
gconstpointer sp_undo_stack_undo        (SpUndoStack     *self);
gconstpointer sp_undo_stack_redo        (SpUndoStack     *self);
/* The state the stack knows as the current one (borrowed). */
gconstpointer sp_undo_stack_get_current (SpUndoStack     *self);
/* Forgets every step; @now becomes the current state (a file opened). */
void         sp_undo_stack_reset        (SpUndoStack     *self,
                                         gconstpointer    now);
/* The number of steps that undo can take back, and redo. */
guint        sp_undo_stack_get_n_undo   (SpUndoStack     *self);
guint        sp_undo_stack_get_n_redo   (SpUndoStack     *self);

G_END_DECLS
