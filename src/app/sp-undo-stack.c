/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sp-undo-stack.c — undo and redo of whole states (see the header)
 *
 * The states form one line, states[0] … states[n − 1]; step i takes
 * states[i] to states[i + 1] and @position is the state on show.  Undo
 * moves left, redo right, a new change cuts off what lies right of
 * @position.  An open step is the last one, its "after" replaced while
 * changes with its key keep coming.
 */

#include "config.h"

#include "sp-undo-stack.h"

struct _SpUndoStack
{
  GObject         parent_instance;

  GBoxedCopyFunc  copy;
  GDestroyNotify  free_func;
  GEqualFunc      equal;
  GPtrArray      *states;      /* owned copies, oldest first               */
  guint           position;    /* the state on show                        */
  gboolean        open;        /* the step ending at @position is open     */
  char           *open_key;    /* its key                                  */
  guint           group_depth;
  gboolean        can_undo, can_redo;   /* as last notified                */
};

G_DEFINE_FINAL_TYPE (SpUndoStack, sp_undo_stack, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_CAN_UNDO,
  PROP_CAN_REDO,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
notify_abilities (SpUndoStack *self)
{
  gboolean can_undo = sp_undo_stack_can_undo (self);
  gboolean can_redo = sp_undo_stack_can_redo (self);

  if (can_undo != self->can_undo)
    {
      self->can_undo = can_undo;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_UNDO]);
    }
  if (can_redo != self->can_redo)
    {
      self->can_redo = can_redo;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_REDO]);
    }
}

static void
close_step (SpUndoStack *self)
{
  self->open = FALSE;
  g_clear_pointer (&self->open_key, g_free);
}

static gboolean
states_equal (SpUndoStack   *self,
              gconstpointer  a,
              gconstpointer  b)
{
  return self->equal != NULL && self->equal (a, b);
}

SpUndoStack *
sp_undo_stack_new (gconstpointer   initial,
                   GBoxedCopyFunc  copy,
                   GDestroyNotify  free_func,
                   GEqualFunc      equal)
{
  SpUndoStack *self;

  g_return_val_if_fail (initial != NULL && copy != NULL && free_func != NULL, NULL);

  self = g_object_new (SP_TYPE_UNDO_STACK, NULL);
  self->copy = copy;
  self->free_func = free_func;
  self->equal = equal;
  self->states = g_ptr_array_new_with_free_func (free_func);
  g_ptr_array_add (self->states, copy ((gpointer) initial));
  return self;
}

void
sp_undo_stack_changed (SpUndoStack   *self,
                       gconstpointer  now,
                       const char    *key)
{
  gboolean join;

  g_return_if_fail (SP_IS_UNDO_STACK (self));
  g_return_if_fail (now != NULL);

  join = self->open && (self->group_depth > 0 ||
                        (key != NULL && g_strcmp0 (key, self->open_key) == 0));
  if (join)
    {
      /* The open step's "after" moves on; its "before" stays. */
      g_ptr_array_remove_index (self->states, self->position);
      g_ptr_array_add (self->states, self->copy ((gpointer) now));
      if (states_equal (self, g_ptr_array_index (self->states, self->position - 1), now))
        {
          /* Back where the step started: no step at all.  While a group
           * is open it stays open (more changes may follow). */
          g_ptr_array_remove_index (self->states, self->position);
          self->position--;
          if (self->group_depth == 0)
            close_step (self);
          else
            self->open = FALSE;
        }
      notify_abilities (self);
      return;
    }

  close_step (self);
  if (states_equal (self, g_ptr_array_index (self->states, self->position), now))
    return;
  /* A new step: what could be redone is gone. */
  if (self->position + 1 < self->states->len)
    g_ptr_array_remove_range (self->states, self->position + 1,
                              self->states->len - self->position - 1);
  g_ptr_array_add (self->states, self->copy ((gpointer) now));
  self->position++;
  while (self->states->len > SP_UNDO_STACK_MAX_STEPS + 1)
    {
      g_ptr_array_remove_index (self->states, 0);
      self->position--;
    }
  if (key != NULL || self->group_depth > 0)
    {
      self->open = TRUE;
      self->open_key = g_strdup (key);
    }
  notify_abilities (self);
}

void
sp_undo_stack_commit (SpUndoStack *self)
{
  g_return_if_fail (SP_IS_UNDO_STACK (self));

  /* Inside a group the step closes with the outermost end. */
  if (self->group_depth == 0)
    close_step (self);
}

gboolean
sp_undo_stack_is_open (SpUndoStack *self)
{
  g_return_val_if_fail (SP_IS_UNDO_STACK (self), FALSE);
  return self->open;
}

void
sp_undo_stack_begin_group (SpUndoStack *self)
{
  g_return_if_fail (SP_IS_UNDO_STACK (self));

  if (self->group_depth++ == 0)
    close_step (self);
}

void
sp_undo_stack_end_group (SpUndoStack *self)
{
  g_return_if_fail (SP_IS_UNDO_STACK (self));
  g_return_if_fail (self->group_depth > 0);

  if (--self->group_depth == 0)
    close_step (self);
}

guint
sp_undo_stack_get_group_depth (SpUndoStack *self)
{
  g_return_val_if_fail (SP_IS_UNDO_STACK (self), 0);
  return self->group_depth;
}

gboolean
sp_undo_stack_can_undo (SpUndoStack *self)
{
  g_return_val_if_fail (SP_IS_UNDO_STACK (self), FALSE);
  return self->position > 0;
}

gboolean
sp_undo_stack_can_redo (SpUndoStack *self)
{
  g_return_val_if_fail (SP_IS_UNDO_STACK (self), FALSE);
  return self->position + 1 < self->states->len;
}

gconstpointer
sp_undo_stack_undo (SpUndoStack *self)
{
  g_return_val_if_fail (SP_IS_UNDO_STACK (self), NULL);

  close_step (self);
  if (self->position == 0)
    return NULL;
  self->position--;
  notify_abilities (self);
  return g_ptr_array_index (self->states, self->position);
}

gconstpointer
sp_undo_stack_redo (SpUndoStack *self)
{
  g_return_val_if_fail (SP_IS_UNDO_STACK (self), NULL);

  close_step (self);
  if (self->position + 1 >= self->states->len)
    return NULL;
  self->position++;
  notify_abilities (self);
  return g_ptr_array_index (self->states, self->position);
}

gconstpointer
sp_undo_stack_get_current (SpUndoStack *self)
{
  g_return_val_if_fail (SP_IS_UNDO_STACK (self), NULL);
  return g_ptr_array_index (self->states, self->position);
}

void
sp_undo_stack_reset (SpUndoStack   *self,
                     gconstpointer  now)
{
  g_return_if_fail (SP_IS_UNDO_STACK (self));
  g_return_if_fail (now != NULL);

  close_step (self);
  g_ptr_array_set_size (self->states, 0);
  g_ptr_array_add (self->states, self->copy ((gpointer) now));
  self->position = 0;
  notify_abilities (self);
}

guint
sp_undo_stack_get_n_undo (SpUndoStack *self)
{
  g_return_val_if_fail (SP_IS_UNDO_STACK (self), 0);
  return self->position;
}

guint
sp_undo_stack_get_n_redo (SpUndoStack *self)
{
  g_return_val_if_fail (SP_IS_UNDO_STACK (self), 0);
  return self->states->len - 1 - self->position;
}

static void
sp_undo_stack_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  SpUndoStack *self = SP_UNDO_STACK (object);

  switch (prop_id)
    {
    case PROP_CAN_UNDO:
      g_value_set_boolean (value, sp_undo_stack_can_undo (self));
      break;
    case PROP_CAN_REDO:
      g_value_set_boolean (value, sp_undo_stack_can_redo (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sp_undo_stack_finalize (GObject *object)
{
  SpUndoStack *self = SP_UNDO_STACK (object);

  g_clear_pointer (&self->states, g_ptr_array_unref);
  g_clear_pointer (&self->open_key, g_free);

  G_OBJECT_CLASS (sp_undo_stack_parent_class)->finalize (object);
}

static void
sp_undo_stack_class_init (SpUndoStackClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = sp_undo_stack_get_property;
  object_class->finalize = sp_undo_stack_finalize;

  properties[PROP_CAN_UNDO] =
    g_param_spec_boolean ("can-undo", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CAN_REDO] =
    g_param_spec_boolean ("can-redo", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
sp_undo_stack_init (SpUndoStack *self)
{
}
