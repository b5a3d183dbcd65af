/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sp-window-lesson.c — the window's lessons: Open Lesson…, the shipped
 * lessons' menu, the panel beside the figures, the presenter's keys
 * (Page Down / Page Up anywhere; Space / Enter where the focused control
 * does not use them; Escape closes) and the lesson kept in the session
 *
 * A lesson file is read off the main thread (it may sit on a slow share);
 * a shipped lesson comes from the resource.  Opening goes to the step the
 * caller names and applies it; a session's lesson shows its saved step
 * without applying it again (the session holds the parameters as saved).
 */

#include "config.h"

#include <glib/gi18n.h>

#include "sp-lesson-check.h"
#include "sp-lesson-panel.h"
#include "sp-session-dialogs.h"
#include "sp-window-lesson.h"
#include "sp-window-private.h"

#define LESSON_PANEL_WIDTH              400
#define LESSON_PANEL_WIDTH_PRESENTATION 460

typedef struct
{
  char    *source;
  guint    step;
  gboolean apply;   /* apply the step (else only show it: a session's) */
} OpenRequest;

static void
open_request_free (OpenRequest *request)
{
  g_free (request->source);
  g_free (request);
}

SpLessonRunner *
sp_window_get_lesson_runner (SpWindow *self)
{
  g_return_val_if_fail (SP_IS_WINDOW (self), NULL);
  return self->lesson_runner;
}

GtkWidget *
sp_window_get_lesson_panel (SpWindow *self)
{
  g_return_val_if_fail (SP_IS_WINDOW (self), NULL);
  return self->lesson_panel;
}

static void
update_actions (SpWindow *self)
{
  SpLesson *lesson = sp_lesson_runner_get_lesson (self->lesson_runner);
  guint step = sp_lesson_runner_get_step (self->lesson_runner);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.lesson-next", lesson != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.lesson-previous",
                                 lesson != NULL && step > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.close-lesson", lesson != NULL);
}

static void
show_panel (SpWindow *self,
            gboolean  shown)
{
  gtk_widget_set_visible (self->lesson_panel, shown);
  gtk_widget_set_visible (self->lesson_separator, shown);
  update_actions (self);
}

gboolean
sp_window_lesson_go_to (SpWindow *self,
                        guint     step)
{
  g_autoptr(GError) error = NULL;
  SpLesson *lesson = sp_lesson_runner_get_lesson (self->lesson_runner);

  if (lesson == NULL || step >= lesson->steps->len)
    return FALSE;
  if (!sp_lesson_runner_go_to (self->lesson_runner, step, &error))
    {
      sp_lesson_panel_set_error (SP_LESSON_PANEL (self->lesson_panel), error->message);
      return FALSE;
    }
  update_actions (self);
  return TRUE;
}

void
sp_window_close_lesson (SpWindow *self)
{
  g_return_if_fail (SP_IS_WINDOW (self));

  if (sp_lesson_runner_get_lesson (self->lesson_runner) == NULL)
    return;
  sp_lesson_runner_set_lesson (self->lesson_runner, NULL, NULL);
  show_panel (self, FALSE);
}

/* Shows @lesson (taken) at @request's step. */
static void
show_lesson (SpWindow          *self,
             SpLesson          *lesson,
             const OpenRequest *request)
{
  guint step = MIN (request->step, lesson->steps->len - 1);

  sp_lesson_runner_set_lesson (self->lesson_runner, lesson, request->source);
  show_panel (self, TRUE);
  if (request->apply)
    sp_window_lesson_go_to (self, step);
  else
    sp_lesson_runner_show (self->lesson_runner, step);
  update_actions (self);
  gtk_widget_grab_focus (self->lesson_panel);
}

static void
load_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  OpenRequest *request = task_data;
  GError *error = NULL;
  SpLesson *lesson = sp_lesson_open_checked (request->source, &error);

  if (lesson == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, lesson, (GDestroyNotify) sp_lesson_free);
}

static void
loaded_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  SpWindow *self = SP_WINDOW (source);
  g_autoptr(GError) error = NULL;
  SpLesson *lesson = g_task_propagate_pointer (G_TASK (result), &error);

  if (lesson == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        sp_session_dialogs_show_error (GTK_WINDOW (self), _("Could Not Open the Lesson"), error);
      return;
    }
  show_lesson (self, lesson, g_task_get_task_data (G_TASK (result)));
}

static void
open_lesson (SpWindow   *self,
             const char *source,
             guint       step,
             gboolean    apply)
{
  g_autoptr(GTask) task = g_task_new (self, self->lesson_cancellable, loaded_cb, NULL);
  OpenRequest *request = g_new0 (OpenRequest, 1);

  request->source = g_strdup (source);
  request->step = step;
  request->apply = apply;
  g_task_set_source_tag (task, open_lesson);
  g_task_set_task_data (task, request, (GDestroyNotify) open_request_free);
  g_task_run_in_thread (task, load_thread);
}

void
sp_window_open_lesson (SpWindow   *self,
                       const char *source)
{
  g_return_if_fail (SP_IS_WINDOW (self));
  g_return_if_fail (source != NULL);
  open_lesson (self, source, 0, TRUE);
}

void
sp_window_lesson_session_shown (SpWindow *self)
{
  guint step = 0;
  const char *source = sp_document_get_lesson (self->document, &step);
  const char *open = sp_lesson_runner_get_source (self->lesson_runner);

  if (source == NULL)
    {
      sp_window_close_lesson (self);
      return;
    }
  if (g_strcmp0 (source, open) == 0)
    {
      sp_lesson_runner_show (self->lesson_runner, MIN (step, sp_lesson_runner_get_lesson (self->lesson_runner)->steps->len - 1));
      update_actions (self);
      return;
    }
  open_lesson (self, source, step, FALSE);
}

/* Actions ------------------------------------------------------------------ */

static void
lesson_chosen_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  SpWindow *self = SP_WINDOW (user_data);
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = sp_session_dialogs_choose_finish (result, &error);
  g_autofree char *path = NULL;

  if (file != NULL && (path = g_file_get_path (file)) != NULL)
    sp_window_open_lesson (self, path);
  g_object_unref (self);
}

static void
open_lesson_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  sp_session_dialogs_choose_lesson (GTK_WINDOW (widget), NULL, lesson_chosen_cb,
                                    g_object_ref (widget));
}

static void
open_shipped_lesson_action (GtkWidget  *widget,
                            const char *action_name,
                            GVariant   *parameter)
{
  sp_window_open_lesson (SP_WINDOW (widget), g_variant_get_string (parameter, NULL));
}

static void
lesson_next_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  SpWindow *self = SP_WINDOW (widget);
  SpLesson *lesson = sp_lesson_runner_get_lesson (self->lesson_runner);
  guint step = sp_lesson_runner_get_step (self->lesson_runner);

  if (lesson == NULL)
    return;
  /* Past the last step: Finish closes the lesson. */
  if (step + 1 >= lesson->steps->len)
    sp_window_close_lesson (self);
  else
    sp_window_lesson_go_to (self, step + 1);
}

static void
lesson_previous_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  SpWindow *self = SP_WINDOW (widget);
  guint step = sp_lesson_runner_get_step (self->lesson_runner);

  if (step > 0)
    sp_window_lesson_go_to (self, step - 1);
}

static void
close_lesson_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  sp_window_close_lesson (SP_WINDOW (widget));
}

void
sp_window_lesson_class_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.open-lesson", NULL, open_lesson_action);
  gtk_widget_class_install_action (widget_class, "win.open-shipped-lesson", "s",
                                   open_shipped_lesson_action);
  gtk_widget_class_install_action (widget_class, "win.lesson-next", NULL, lesson_next_action);
  gtk_widget_class_install_action (widget_class, "win.lesson-previous", NULL,
                                   lesson_previous_action);
  gtk_widget_class_install_action (widget_class, "win.close-lesson", NULL, close_lesson_action);
}

/* Keys ----------------------------------------------------------------------- */

/* Page Down / Page Up, as a presenter's clicker sends them: before any
 * control (a slider would move by a page).  Escape too (a folded flap or
 * a figure would take it first), unless a menu or popover is open: there
 * it closes that. */
static gboolean
capture_key_cb (GtkEventControllerKey *controller,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                SpWindow              *self)
{
  if (sp_lesson_runner_get_lesson (self->lesson_runner) == NULL ||
      (state & (GDK_CONTROL_MASK | GDK_ALT_MASK | GDK_SHIFT_MASK)) != 0)
    return FALSE;
  switch (keyval)
    {
    case GDK_KEY_Page_Down:
    case GDK_KEY_KP_Page_Down:
      gtk_widget_activate_action (GTK_WIDGET (self), "win.lesson-next", NULL);
      return TRUE;
    case GDK_KEY_Page_Up:
    case GDK_KEY_KP_Page_Up:
      gtk_widget_activate_action (GTK_WIDGET (self), "win.lesson-previous", NULL);
      return TRUE;
    case GDK_KEY_Escape:
      {
        GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self));

        if (focus != NULL && gtk_widget_get_ancestor (focus, GTK_TYPE_POPOVER) != NULL)
          return FALSE;
        sp_window_close_lesson (self);
        return TRUE;
      }
    default:
      return FALSE;
    }
}

/* Space / Enter (next): only when the focused control did not take the
 * key itself (a button presses on Space, a field on Enter). */
static gboolean
bubble_key_cb (GtkEventControllerKey *controller,
               guint                  keyval,
               guint                  keycode,
               GdkModifierType        state,
               SpWindow              *self)
{
  if (sp_lesson_runner_get_lesson (self->lesson_runner) == NULL ||
      (state & (GDK_CONTROL_MASK | GDK_ALT_MASK | GDK_SHIFT_MASK)) != 0)
    return FALSE;
  switch (keyval)
    {
    case GDK_KEY_space:
    case GDK_KEY_Return:
    case GDK_KEY_KP_Enter:
      gtk_widget_activate_action (GTK_WIDGET (self), "win.lesson-next", NULL);
      return TRUE;
    default:
      return FALSE;
    }
}

/* The panel ------------------------------------------------------------------- */

static void
presentation_cb (SpWindow *self)
{
  gtk_widget_set_size_request (self->lesson_panel,
                               sp_params_get_presentation (self->params)
                               ? LESSON_PANEL_WIDTH_PRESENTATION : LESSON_PANEL_WIDTH, -1);
}

/* The shipped lessons, by their titles in the user's language. */
static void
fill_lessons_menu (SpWindow *self)
{
  g_auto(GStrv) names = sp_lesson_list_shipped ();

  for (guint i = 0; names[i] != NULL; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(SpLesson) lesson = sp_lesson_load_shipped (names[i], NULL, &error);
      g_autoptr(GMenuItem) item = NULL;
      g_autoptr(PangoAttrList) attrs = NULL;
      g_autofree char *title = NULL;

      if (lesson == NULL)
        {
          g_warning ("Shipped lesson %s: %s", names[i], error->message);
          continue;
        }
      /* A menu item shows no markup: the title's text. */
      if (!pango_parse_markup (lesson->title, -1, 0, &attrs, &title, NULL, NULL))
        title = g_strdup (names[i]);
      item = g_menu_item_new (title, NULL);
      g_menu_item_set_action_and_target (item, "win.open-shipped-lesson", "s", names[i]);
      g_menu_append_item (self->lessons_menu, item);
    }
}

void
sp_window_lesson_init (SpWindow *self)
{
  GtkEventController *capture = gtk_event_controller_key_new ();
  GtkEventController *bubble = gtk_event_controller_key_new ();

  self->lesson_cancellable = g_cancellable_new ();
  self->lesson_runner = sp_lesson_runner_new (self);
  self->lesson_panel = sp_lesson_panel_new (self->lesson_runner);
  gtk_widget_add_css_class (self->lesson_panel, "lesson-panel");
  gtk_widget_set_focusable (self->lesson_panel, TRUE);
  self->lesson_separator = gtk_separator_new (GTK_ORIENTATION_VERTICAL);
  gtk_box_append (self->lesson_slot, self->lesson_separator);
  gtk_box_append (self->lesson_slot, self->lesson_panel);
  presentation_cb (self);
  g_signal_connect_object (self->params, "notify::presentation", G_CALLBACK (presentation_cb),
                           self, G_CONNECT_SWAPPED);
  show_panel (self, FALSE);
  fill_lessons_menu (self);

  gtk_event_controller_set_propagation_phase (capture, GTK_PHASE_CAPTURE);
  g_signal_connect (capture, "key-pressed", G_CALLBACK (capture_key_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), capture);
  gtk_event_controller_set_propagation_phase (bubble, GTK_PHASE_BUBBLE);
  g_signal_connect (bubble, "key-pressed", G_CALLBACK (bubble_key_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), bubble);
}

void
sp_window_lesson_dispose (SpWindow *self)
{
  if (self->lesson_cancellable != NULL)
    g_cancellable_cancel (self->lesson_cancellable);
  g_clear_object (&self->lesson_cancellable);
  if (self->lesson_runner != NULL)
    sp_lesson_runner_set_lesson (self->lesson_runner, NULL, NULL);
  g_clear_object (&self->lesson_runner);
}
