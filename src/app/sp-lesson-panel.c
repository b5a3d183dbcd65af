/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sp-lesson-panel.c — the lesson panel (sp-lesson-panel.h) */

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "sp-lesson-panel.h"
#include "sp-plot-view.h"

typedef struct
{
  SpLessonPanel          *panel;
  const SpLessonQuestion *question;
  GPtrArray              *choices;    /* GtkCheckButton */
  GtkRange               *marker;     /* a marker question's scale */
  GtkLabel               *marker_value;
  GtkWidget              *figure;     /* the marker's figure, when it is on one (a ref) */
  gulong                  moved_id;   /* its "marker-moved", removed with the question */
  GtkWidget              *check;
  GtkLabel               *verdict;
  GtkLabel               *answer;
  gboolean                answered;
  int                     right;      /* -1 until revealed */
} Question;

struct _SpLessonPanel
{
  GtkWidget       parent_instance;

  SpLessonRunner *runner;
  GPtrArray      *questions;   /* Question */
  char           *progress;

  GtkWidget      *box;
  GtkLabel       *lesson_title;
  GtkLabel       *progress_label;
  GtkProgressBar *progress_bar;
  GtkLabel       *step_title;
  GtkBox         *content;
  GtkLabel       *error_label;
  GtkWidget      *previous_button;
  GtkWidget      *next_button;
  GtkScrolledWindow *scroller;
  GtkWidget      *reveal_in_view;  /* a verdict to scroll to once laid out; not a ref */
  guint           reveal_idle;
};

G_DEFINE_FINAL_TYPE (SpLessonPanel, sp_lesson_panel, GTK_TYPE_WIDGET)

static void
question_free (Question *q)
{
  if (q->figure != NULL)
    {
      g_clear_signal_handler (&q->moved_id, q->figure);
      sp_plot_view_set_marker (SP_PLOT_VIEW (q->figure), NULL);
      g_clear_object (&q->figure);
    }
  g_clear_pointer (&q->choices, g_ptr_array_unref);
  g_free (q);
}

static GtkWidget *
text_label (const char *markup,
            const char *css_class)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_markup (GTK_LABEL (label), markup);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  return label;
}

static void
update_check (Question *q)
{
  gtk_widget_set_sensitive (q->check, q->answered && q->right < 0);
}

static void
choice_toggled_cb (GtkCheckButton *button,
                   Question       *q)
{
  if (gtk_check_button_get_active (button))
    {
      q->answered = TRUE;
      update_check (q);
    }
}

/* The figure's marker where the slider is; @truth NAN until the reveal. */
static void
show_marker (Question *q,
             double    truth)
{
  SpFigureMarker marker = { q->question->marker_quantity, gtk_range_get_value (q->marker), truth };

  if (q->figure != NULL)
    sp_plot_view_set_marker (SP_PLOT_VIEW (q->figure), &marker);
}

static void
marker_changed_cb (GtkRange *range,
                   Question *q)
{
  g_autofree char *text = sp_figure_marker_format (q->question->marker_quantity, gtk_range_get_value (range));

  gtk_label_set_text (q->marker_value, text);
  show_marker (q, NAN);
  q->answered = TRUE;
  update_check (q);
}

/* The pointer dragged the marker on the figure: the slider follows (and
 * through it the label, the figure and the answer), clamped to its range. */
static void
marker_moved_cb (SpPlotView *view,
                 double      value,
                 Question   *q)
{
  if (q->right >= 0)
    return;
  gtk_range_set_value (q->marker, value);
  /* A drag is an answer even where the slider already was. */
  q->answered = TRUE;
  update_check (q);
}

/* After a reveal the verdict and the answer grow the step below the fold
 * of a projector-sized panel: once they are laid out (the adjustment's
 * upper bound follows the new height), the panel scrolls to show the
 * verdict at the top and as much of the answer as fits.  The adjustment
 * changes inside the viewport's allocation, where a new value would not
 * move the content: the scroll waits for an idle. */
static gboolean
scroll_to_reveal_idle (gpointer user_data)
{
  SpLessonPanel *self = user_data;
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (self->scroller);
  graphene_point_t at;

  self->reveal_idle = 0;
  if (self->reveal_in_view != NULL &&
      gtk_widget_compute_point (self->reveal_in_view, GTK_WIDGET (self->content),
                                &GRAPHENE_POINT_INIT (0, 0), &at))
    gtk_adjustment_set_value (adjustment,
                              MIN (at.y, gtk_adjustment_get_upper (adjustment)
                                         - gtk_adjustment_get_page_size (adjustment)));
  self->reveal_in_view = NULL;
  return G_SOURCE_REMOVE;
}

static void
scroll_to_reveal_cb (GtkAdjustment *adjustment,
                     SpLessonPanel *self)
{
  if (self->reveal_in_view != NULL && self->reveal_idle == 0)
    self->reveal_idle = g_idle_add (scroll_to_reveal_idle, self);
}

static void
reveal_cb (GtkButton *button,
           Question  *q)
{
  const SpLessonQuestion *question = q->question;
  g_autofree char *verdict = NULL;

  if (!q->answered || q->right >= 0)
    return;
  if (question->kind == SP_LESSON_QUESTION_CHOICE)
    {
      q->right = 0;
      for (guint i = 0; i < q->choices->len; i++)
        {
          GtkCheckButton *choice = g_ptr_array_index (q->choices, i);
          const SpLessonChoice *c = g_ptr_array_index (question->choices, i);

          if (gtk_check_button_get_active (choice) && c->correct)
            q->right = 1;
          if (c->correct)
            gtk_widget_add_css_class (GTK_WIDGET (choice), "lesson-right-choice");
          gtk_widget_set_sensitive (GTK_WIDGET (choice), FALSE);
        }
      verdict = g_strdup (q->right ? _("✓ Right.") : _("✗ Not quite."));
    }
  else
    {
      g_autoptr(GError) error = NULL;
      double truth, placed = gtk_range_get_value (q->marker);

      if (!sp_lesson_runner_quantity (q->panel->runner, question->marker_quantity, &truth, &error))
        {
          q->right = 0;
          verdict = g_strdup_printf (_("No answer for these parameters: %s"), error->message);
        }
      else
        {
          g_autofree char *t = sp_figure_marker_format (question->marker_quantity, truth);
          g_autofree char *p = sp_figure_marker_format (question->marker_quantity, placed);

          q->right = fabs (placed - truth) <= question->marker_tolerance;
          /* TRANSLATORS: the verdict, the true value and where the marker was put. */
          verdict = g_strdup_printf (q->right ? _("✓ Right: %s (you placed %s).")
                                              : _("✗ Not quite: %s (you placed %s)."), t, p);
          show_marker (q, truth);
        }
      gtk_widget_set_sensitive (GTK_WIDGET (q->marker), FALSE);
    }
  /* Check goes insensitive: the focus moves on to Next, not nowhere. */
  if (gtk_widget_has_focus (q->check))
    gtk_widget_grab_focus (q->panel->next_button);
  gtk_label_set_text (q->verdict, verdict);
  gtk_widget_add_css_class (GTK_WIDGET (q->verdict), q->right ? "success" : "warning");
  gtk_widget_set_visible (GTK_WIDGET (q->verdict), TRUE);
  gtk_widget_set_visible (GTK_WIDGET (q->answer), question->answer != NULL);
  q->panel->reveal_in_view = GTK_WIDGET (q->verdict);
  update_check (q);
  /* What the question hid while it was open shows again. */
  {
    guint index;

    if (g_ptr_array_find (q->panel->questions, q, &index))
      sp_lesson_runner_reveal (q->panel->runner, index);
  }
}

static GtkWidget *
build_question (SpLessonPanel          *self,
                const SpLessonQuestion *question)
{
  Question *q = g_new0 (Question, 1);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 8);
  GtkWidget *prompt = text_label (question->prompt, "lesson-question");

  q->panel = self;
  q->question = question;
  q->right = -1;
  gtk_widget_add_css_class (box, "lesson-question-box");
  gtk_box_append (GTK_BOX (box), prompt);

  if (question->kind == SP_LESSON_QUESTION_CHOICE)
    {
      GtkCheckButton *group = NULL;

      q->choices = g_ptr_array_new ();
      for (guint i = 0; i < question->choices->len; i++)
        {
          const SpLessonChoice *c = g_ptr_array_index (question->choices, i);
          GtkWidget *button = gtk_check_button_new ();
          GtkWidget *label = text_label (c->text, NULL);

          gtk_widget_set_hexpand (label, TRUE);
          gtk_check_button_set_child (GTK_CHECK_BUTTON (button), label);
          gtk_accessible_update_relation (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_RELATION_LABELLED_BY,
                                          label, NULL, -1);
          if (group != NULL)
            gtk_check_button_set_group (GTK_CHECK_BUTTON (button), group);
          else
            group = GTK_CHECK_BUTTON (button);
          g_signal_connect (button, "toggled", G_CALLBACK (choice_toggled_cb), q);
          g_ptr_array_add (q->choices, button);
          gtk_box_append (GTK_BOX (box), button);
        }
    }
  else
    {
      GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
      double min, max;

      /* On its figure the slider spans the axis, so every place on the
       * slider is a place on the figure. */
      q->figure = sp_lesson_runner_find_figure (self->runner, question->marker_figure);
      if (q->figure != NULL &&
          !sp_plot_view_marker_range (SP_PLOT_VIEW (q->figure), question->marker_quantity, &min, &max))
        q->figure = NULL;
      if (q->figure != NULL)
        g_object_ref (q->figure);   /* the window may go first */
      else
        sp_lesson_runner_marker_range (self->runner, question->marker_quantity, &min, &max);
      q->marker = GTK_RANGE (gtk_scale_new_with_range (GTK_ORIENTATION_HORIZONTAL, min, max,
                                                       (max - min) / 1000.0));
      gtk_range_set_increments (q->marker, (max - min) / 200.0, (max - min) / 20.0);
      gtk_scale_set_draw_value (GTK_SCALE (q->marker), FALSE);
      gtk_widget_set_hexpand (GTK_WIDGET (q->marker), TRUE);
      /* At the axis' start, not its middle: a symmetric gap's plateau or
       * T_c often sits right there, which would hand out the answer. */
      gtk_range_set_value (q->marker, min);
      gtk_accessible_update_property (GTK_ACCESSIBLE (q->marker), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      _("Your marker"), -1);
      q->marker_value = GTK_LABEL (gtk_label_new (NULL));
      gtk_widget_add_css_class (GTK_WIDGET (q->marker_value), "numeric");
      gtk_label_set_width_chars (q->marker_value, 10);
      {
        g_autofree char *text = sp_figure_marker_format (question->marker_quantity, min);
        gtk_label_set_text (q->marker_value, text);
      }
      gtk_box_append (GTK_BOX (row), GTK_WIDGET (q->marker));
      gtk_box_append (GTK_BOX (row), GTK_WIDGET (q->marker_value));
      gtk_box_append (GTK_BOX (box), row);
      g_signal_connect (q->marker, "value-changed", G_CALLBACK (marker_changed_cb), q);

      if (q->figure != NULL)
        {
          /* Shown from the start, where the slider is, to be grabbed. */
          show_marker (q, NAN);
          q->moved_id = g_signal_connect (q->figure, "marker-moved", G_CALLBACK (marker_moved_cb), q);
          gtk_box_append (GTK_BOX (box),
                          text_label (_("Drag on the figure or use the slider (arrow keys)."), "dim-label"));
        }
    }

  q->check = gtk_button_new_with_mnemonic (_("_Check Answer"));
  /* Without it GTK 4.8 reads the mnemonic and the label both. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (q->check), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Check answer"), -1);
  gtk_widget_set_halign (q->check, GTK_ALIGN_START);
  g_signal_connect (q->check, "clicked", G_CALLBACK (reveal_cb), q);
  gtk_box_append (GTK_BOX (box), q->check);
  q->verdict = GTK_LABEL (text_label ("", "lesson-verdict"));
  gtk_widget_set_visible (GTK_WIDGET (q->verdict), FALSE);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (q->verdict));
  q->answer = GTK_LABEL (text_label (question->answer != NULL ? question->answer : "", NULL));
  gtk_widget_set_visible (GTK_WIDGET (q->answer), FALSE);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (q->answer));
  update_check (q);
  g_ptr_array_add (self->questions, q);
  return box;
}

static void
rebuild (SpLessonPanel *self)
{
  SpLesson *lesson = sp_lesson_runner_get_lesson (self->runner);
  guint index = sp_lesson_runner_get_step (self->runner);
  const SpLessonStep *step;
  GtkWidget *child;
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;
  /* A keyboard user in the panel stays in it when its content is
   * replaced (the focused choice or button goes with the old step). */
  gboolean keep_focus = focus == NULL || focus == GTK_WIDGET (self) ||
                        gtk_widget_is_ancestor (focus, GTK_WIDGET (self));

  g_ptr_array_set_size (self->questions, 0);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->content))) != NULL)
    gtk_box_remove (self->content, child);
  sp_lesson_panel_set_error (self, NULL);
  if (lesson == NULL)
    return;

  step = g_ptr_array_index (lesson->steps, index);
  gtk_label_set_markup (self->lesson_title, lesson->title);
  g_free (self->progress);
  /* TRANSLATORS: the lesson panel's progress, "Step 3 of 7". */
  self->progress = g_strdup_printf (_("Step %u of %u"), index + 1, lesson->steps->len);
  gtk_label_set_text (self->progress_label, self->progress);
  gtk_progress_bar_set_fraction (self->progress_bar, (index + 1.0) / lesson->steps->len);
  gtk_label_set_markup (self->step_title, step->title);
  for (guint i = 0; i < step->paragraphs->len; i++)
    gtk_box_append (self->content, text_label (g_ptr_array_index (step->paragraphs, i), "lesson-text"));
  for (guint i = 0; i < step->questions->len; i++)
    gtk_box_append (self->content, build_question (self, g_ptr_array_index (step->questions, i)));
  gtk_widget_set_sensitive (self->previous_button, index > 0);
  gtk_button_set_label (GTK_BUTTON (self->next_button),
                        index + 1 < lesson->steps->len ? _("_Next") : _("_Finish"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->next_button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  index + 1 < lesson->steps->len ? _("Next step")
                                                                 : _("Finish the lesson"), -1);
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scroller), 0);
  self->reveal_in_view = NULL;
  g_clear_handle_id (&self->reveal_idle, g_source_remove);
  if (keep_focus && gtk_widget_get_mapped (GTK_WIDGET (self)))
    gtk_widget_grab_focus (GTK_WIDGET (self));
}

void
sp_lesson_panel_set_error (SpLessonPanel *self,
                           const char    *message)
{
  g_return_if_fail (SP_IS_LESSON_PANEL (self));
  gtk_label_set_text (self->error_label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
}

const char *
sp_lesson_panel_get_error (SpLessonPanel *self)
{
  g_return_val_if_fail (SP_IS_LESSON_PANEL (self), NULL);
  return gtk_widget_get_visible (GTK_WIDGET (self->error_label))
         ? gtk_label_get_text (self->error_label) : NULL;
}

const char *
sp_lesson_panel_get_progress (SpLessonPanel *self)
{
  g_return_val_if_fail (SP_IS_LESSON_PANEL (self), NULL);
  return self->progress;
}

guint
sp_lesson_panel_get_n_questions (SpLessonPanel *self)
{
  g_return_val_if_fail (SP_IS_LESSON_PANEL (self), 0);
  return self->questions->len;
}

static Question *
get_question (SpLessonPanel *self,
              guint          index)
{
  g_return_val_if_fail (index < self->questions->len, NULL);
  return g_ptr_array_index (self->questions, index);
}

void
sp_lesson_panel_choose (SpLessonPanel *self,
                        guint          question,
                        guint          choice)
{
  Question *q = get_question (self, question);

  g_return_if_fail (q != NULL && q->choices != NULL && choice < q->choices->len);
  gtk_check_button_set_active (g_ptr_array_index (q->choices, choice), TRUE);
}

void
sp_lesson_panel_set_marker (SpLessonPanel *self,
                            guint          question,
                            double         value)
{
  Question *q = get_question (self, question);

  g_return_if_fail (q != NULL && q->marker != NULL);
  gtk_range_set_value (q->marker, value);
}

gboolean
sp_lesson_panel_can_reveal (SpLessonPanel *self,
                            guint          question)
{
  Question *q = get_question (self, question);

  return q != NULL && gtk_widget_get_sensitive (q->check);
}

void
sp_lesson_panel_reveal (SpLessonPanel *self,
                        guint          question)
{
  Question *q = get_question (self, question);

  /* As a click: a button's activate() clicks only after its press
   * animation. */
  if (q != NULL && gtk_widget_get_sensitive (q->check))
    g_signal_emit_by_name (q->check, "clicked");
}

int
sp_lesson_panel_get_verdict (SpLessonPanel *self,
                             guint          question)
{
  Question *q = get_question (self, question);

  return q != NULL ? q->right : -1;
}

const char *
sp_lesson_panel_get_verdict_text (SpLessonPanel *self,
                                  guint          question)
{
  Question *q = get_question (self, question);

  return q != NULL && q->right >= 0 ? gtk_label_get_text (q->verdict) : NULL;
}

static void
sp_lesson_panel_dispose (GObject *object)
{
  SpLessonPanel *self = SP_LESSON_PANEL (object);

  g_clear_handle_id (&self->reveal_idle, g_source_remove);
  self->reveal_in_view = NULL;
  if (self->questions != NULL)
    g_ptr_array_set_size (self->questions, 0);
  if (self->runner != NULL)
    g_signal_handlers_disconnect_by_data (self->runner, self);
  g_clear_object (&self->runner);
  gtk_widget_dispose_template (GTK_WIDGET (self), SP_TYPE_LESSON_PANEL);
  G_OBJECT_CLASS (sp_lesson_panel_parent_class)->dispose (object);
}

static void
sp_lesson_panel_finalize (GObject *object)
{
  SpLessonPanel *self = SP_LESSON_PANEL (object);

  g_clear_pointer (&self->questions, g_ptr_array_unref);
  g_free (self->progress);
  G_OBJECT_CLASS (sp_lesson_panel_parent_class)->finalize (object);
}

static void
sp_lesson_panel_class_init (SpLessonPanelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sp_lesson_panel_dispose;
  object_class->finalize = sp_lesson_panel_finalize;
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/spinodal/Spinodal/sp-lesson-panel.ui");
  gtk_widget_class_bind_template_child (widget_class, SpLessonPanel, box);
  gtk_widget_class_bind_template_child (widget_class, SpLessonPanel, lesson_title);
  gtk_widget_class_bind_template_child (widget_class, SpLessonPanel, progress_label);
  gtk_widget_class_bind_template_child (widget_class, SpLessonPanel, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, SpLessonPanel, step_title);
  gtk_widget_class_bind_template_child (widget_class, SpLessonPanel, content);
  gtk_widget_class_bind_template_child (widget_class, SpLessonPanel, error_label);
  gtk_widget_class_bind_template_child (widget_class, SpLessonPanel, previous_button);
  gtk_widget_class_bind_template_child (widget_class, SpLessonPanel, next_button);
  gtk_widget_class_bind_template_child (widget_class, SpLessonPanel, scroller);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "lessonpanel");
}

static void
sp_lesson_panel_init (SpLessonPanel *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->questions = g_ptr_array_new_with_free_func ((GDestroyNotify) question_free);
  g_signal_connect_object (gtk_scrolled_window_get_vadjustment (self->scroller), "changed",
                           G_CALLBACK (scroll_to_reveal_cb), self, 0);
}

GtkWidget *
sp_lesson_panel_new (SpLessonRunner *runner)
{
  SpLessonPanel *self = g_object_new (SP_TYPE_LESSON_PANEL, NULL);

  self->runner = g_object_ref (runner);
  g_signal_connect_object (runner, "notify::step", G_CALLBACK (rebuild), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (runner, "notify::lesson", G_CALLBACK (rebuild), self, G_CONNECT_SWAPPED);
  rebuild (self);
  return GTK_WIDGET (self);
}
