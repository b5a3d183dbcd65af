/* test-undo-stack.c — SpUndoStack: steps, coalescing, groups, redo, and
 * states that come back bit for bit
 *
 * No display (suite 'core').  The states are SpSession values, as the
 * window's, with parameters chosen so that any rounding on the way (a
 * double through text, a float) would show.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include "sp-gsl.h"
#include "sp-session.h"
#include "sp-undo-stack.h"

static gpointer
session_copy (gpointer boxed)
{
  SpSession *copy = g_new0 (SpSession, 1);

  sp_session_copy (copy, boxed);
  return copy;
}

static gboolean
session_equal (gconstpointer a,
               gconstpointer b)
{
  return sp_session_equal (a, b);
}

static SpUndoStack *
new_stack (const SpSession *initial)
{
  return sp_undo_stack_new (initial, session_copy, (GDestroyNotify) sp_session_free,
                            session_equal);
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

/* The bits of every double of the model. */
static void
assert_model_bits (const SpSession *a,
                   const SpSession *b)
{
  assert_fields_bits (&a->sim.model, &b->sim.model);
  g_assert_cmpmem (&a->sim.length, sizeof (double), &b->sim.length, sizeof (double));
  g_assert_cmpstr (a->preset, ==, b->preset);
}

static void
test_undo_redo (void)
{
  g_auto(SpSession) s0 = { 0 };
  g_auto(SpSession) s1 = { 0 };
  g_auto(SpSession) s2 = { 0 };
  g_autoptr(SpUndoStack) stack = NULL;
  const SpSession *shown;

  sp_session_init_default (&s0);
  /* Values no decimal text holds exactly. */
  s0.sim.model.omega = 0.1 + 0.2;
  s0.sim.model.temperature = nextafter (298.15, 400.0);
  sp_session_copy (&s1, &s0);
  s1.sim.model.omega = 100.0 / 3.0;
  sp_session_copy (&s2, &s1);
  s2.sim.model.temperature = M_PI * 100.0;

  stack = new_stack (&s0);
  g_assert_false (sp_undo_stack_can_undo (stack));
  g_assert_false (sp_undo_stack_can_redo (stack));
  g_assert_null (sp_undo_stack_undo (stack));

  sp_undo_stack_changed (stack, &s1, NULL);
  sp_undo_stack_changed (stack, &s2, NULL);
  g_assert_cmpuint (sp_undo_stack_get_n_undo (stack), ==, 2);
  g_assert_true (sp_undo_stack_can_undo (stack));

  shown = sp_undo_stack_undo (stack);
  assert_model_bits (shown, &s1);
  shown = sp_undo_stack_undo (stack);
  assert_model_bits (shown, &s0);
  g_assert_false (sp_undo_stack_can_undo (stack));
  g_assert_cmpuint (sp_undo_stack_get_n_redo (stack), ==, 2);
  shown = sp_undo_stack_redo (stack);
  assert_model_bits (shown, &s1);
  shown = sp_undo_stack_redo (stack);
  assert_model_bits (shown, &s2);
  g_assert_null (sp_undo_stack_redo (stack));
  assert_model_bits (sp_undo_stack_get_current (stack), &s2);
}

/* A slider drag: a hundred values under one key are one step, and the
 * step's before is the value the drag started from. */
static void
test_coalesce (void)
{
  g_auto(SpSession) s0 = { 0 };
  g_auto(SpSession) now = { 0 };
  g_autoptr(SpUndoStack) stack = NULL;
  const SpSession *shown;

  sp_session_init_default (&s0);
  stack = new_stack (&s0);
  sp_session_copy (&now, &s0);
  for (guint i = 1; i <= 100; i++)
    {
      now.sim.model.omega = s0.sim.model.omega + 0.37 * i;
      sp_undo_stack_changed (stack, &now, "omega");
      g_assert_true (sp_undo_stack_is_open (stack));
    }
  g_assert_cmpuint (sp_undo_stack_get_n_undo (stack), ==, 1);
  sp_undo_stack_commit (stack);
  g_assert_false (sp_undo_stack_is_open (stack));

  /* After the commit the same key makes a new step. */
  now.sim.model.omega += 1.0;
  sp_undo_stack_changed (stack, &now, "omega");
  g_assert_cmpuint (sp_undo_stack_get_n_undo (stack), ==, 2);
  /* Another key closes the open step at once. */
  now.sim.model.temperature += 1.0;
  sp_undo_stack_changed (stack, &now, "temperature");
  g_assert_cmpuint (sp_undo_stack_get_n_undo (stack), ==, 3);

  sp_undo_stack_undo (stack);
  sp_undo_stack_undo (stack);
  shown = sp_undo_stack_undo (stack);
  assert_model_bits (shown, &s0);
}

/* A drag that ends where it began leaves no step. */
static void
test_drag_back (void)
{
  g_auto(SpSession) s0 = { 0 };
  g_auto(SpSession) now = { 0 };
  g_autoptr(SpUndoStack) stack = NULL;

  sp_session_init_default (&s0);
  stack = new_stack (&s0);
  sp_session_copy (&now, &s0);
  now.sim.model.c0 = 0.3;
  sp_undo_stack_changed (stack, &now, "c0");
  now.sim.model.c0 = s0.sim.model.c0;
  sp_undo_stack_changed (stack, &now, "c0");
  g_assert_false (sp_undo_stack_can_undo (stack));
  /* An unchanged state is no step either. */
  sp_undo_stack_changed (stack, &s0, NULL);
  g_assert_false (sp_undo_stack_can_undo (stack));
}

/* A new change after an undo drops what could be redone. */
static void
test_redo_cleared (void)
{
  g_auto(SpSession) s0 = { 0 };
  g_auto(SpSession) now = { 0 };
  g_autoptr(SpUndoStack) stack = NULL;

  sp_session_init_default (&s0);
  stack = new_stack (&s0);
  sp_session_copy (&now, &s0);
  now.sim.model.kappa = 3.0;
  sp_undo_stack_changed (stack, &now, NULL);
  now.sim.model.kappa = 4.0;
  sp_undo_stack_changed (stack, &now, NULL);
  sp_undo_stack_undo (stack);
  g_assert_true (sp_undo_stack_can_redo (stack));
  now.sim.model.kappa = 5.0;
  sp_undo_stack_changed (stack, &now, NULL);
  g_assert_false (sp_undo_stack_can_redo (stack));
  g_assert_cmpuint (sp_undo_stack_get_n_undo (stack), ==, 2);
  g_assert_cmpfloat (((const SpSession *) sp_undo_stack_undo (stack))->sim.model.kappa, ==, 3.0);
}

/* Everything inside a group is one step, whatever its keys; groups nest. */
static void
test_group (void)
{
  g_auto(SpSession) s0 = { 0 };
  g_auto(SpSession) now = { 0 };
  g_autoptr(SpUndoStack) stack = NULL;
  const SpSession *shown;

  sp_session_init_default (&s0);
  stack = new_stack (&s0);
  sp_session_copy (&now, &s0);
  sp_undo_stack_begin_group (stack);
  now.sim.model.omega = 90.0;
  sp_undo_stack_changed (stack, &now, "omega");
  sp_undo_stack_begin_group (stack);
  now.sim.model.temperature = 350.0;
  sp_undo_stack_changed (stack, &now, NULL);
  sp_undo_stack_end_group (stack);
  /* A commit (an idle) inside the group does not split it. */
  sp_undo_stack_commit (stack);
  g_free (now.preset);
  now.preset = g_strdup ("textbook");
  sp_undo_stack_changed (stack, &now, "preset");
  g_assert_cmpuint (sp_undo_stack_get_group_depth (stack), ==, 1);
  sp_undo_stack_end_group (stack);
  g_assert_cmpuint (sp_undo_stack_get_group_depth (stack), ==, 0);
  g_assert_false (sp_undo_stack_is_open (stack));
  g_assert_cmpuint (sp_undo_stack_get_n_undo (stack), ==, 1);

  shown = sp_undo_stack_undo (stack);
  assert_model_bits (shown, &s0);
  shown = sp_undo_stack_redo (stack);
  assert_model_bits (shown, &now);
}

/* The oldest steps are forgotten beyond the limit; reset forgets all. */
static void
test_limit_and_reset (void)
{
  g_auto(SpSession) s0 = { 0 };
  g_auto(SpSession) now = { 0 };
  g_autoptr(SpUndoStack) stack = NULL;

  sp_session_init_default (&s0);
  stack = new_stack (&s0);
  sp_session_copy (&now, &s0);
  for (guint i = 0; i < SP_UNDO_STACK_MAX_STEPS + 25; i++)
    {
      now.sim.seed = 1000 + i;
      sp_undo_stack_changed (stack, &now, NULL);
    }
  g_assert_cmpuint (sp_undo_stack_get_n_undo (stack), ==, SP_UNDO_STACK_MAX_STEPS);
  while (sp_undo_stack_can_undo (stack))
    sp_undo_stack_undo (stack);
  g_assert_cmpuint (((const SpSession *) sp_undo_stack_get_current (stack))->sim.seed, ==,
                    1000 + 24);
  sp_undo_stack_reset (stack, &s0);
  g_assert_false (sp_undo_stack_can_undo (stack));
  g_assert_false (sp_undo_stack_can_redo (stack));
}

static void
count_cb (GObject    *object,
          GParamSpec *pspec,
          guint      *count)
{
  (*count)++;
}

/* can-undo / can-redo notify when they change (menu sensitivity). */
static void
test_notify (void)
{
  g_auto(SpSession) s0 = { 0 };
  g_auto(SpSession) now = { 0 };
  g_autoptr(SpUndoStack) stack = NULL;
  guint undo_notes = 0, redo_notes = 0;

  sp_session_init_default (&s0);
  stack = new_stack (&s0);
  g_signal_connect (stack, "notify::can-undo", G_CALLBACK (count_cb), &undo_notes);
  g_signal_connect (stack, "notify::can-redo", G_CALLBACK (count_cb), &redo_notes);
  sp_session_copy (&now, &s0);
  now.sim.model.v0 = 3.1;
  sp_undo_stack_changed (stack, &now, NULL);
  g_assert_cmpuint (undo_notes, ==, 1);
  g_assert_cmpuint (redo_notes, ==, 0);
  sp_undo_stack_undo (stack);
  g_assert_cmpuint (undo_notes, ==, 2);
  g_assert_cmpuint (redo_notes, ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  sp_gsl_init ();
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/undo-stack/undo-redo", test_undo_redo);
  g_test_add_func ("/undo-stack/coalesce", test_coalesce);
  g_test_add_func ("/undo-stack/drag-back", test_drag_back);
  g_test_add_func ("/undo-stack/redo-cleared", test_redo_cleared);
  g_test_add_func ("/undo-stack/group", test_group);
  g_test_add_func ("/undo-stack/limit-and-reset", test_limit_and_reset);
  g_test_add_func ("/undo-stack/notify", test_notify);

  return g_test_run ();
}
