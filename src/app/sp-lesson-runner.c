/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sp-lesson-runner.c — a lesson's steps applied to the window */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "sp-lesson-conceal.h"
#include "sp-lesson-runner.h"
#include "sp-overview-page.h"
#include "sp-params-session.h"
#include "sp-window-private.h"

#define CONTROL_KEY "sp-lesson-key"
#define SAVED_TOOLTIP "sp-lesson-saved-tooltip"

struct _SpLessonRunner
{
  GObject    parent_instance;

  SpWindow  *window;      /* weak: the window owns the runner */
  SpLesson  *lesson;      /* NULL: no lesson */
  char      *source;
  guint      step;
  GPtrArray *locked;      /* GtkWidget (refs) made insensitive */
  GPtrArray *highlighted; /* GtkWidget (refs) given the highlight class */
  GStrv      locked_keys;
  guint      revealed;    /* bit i: the step's question i has been checked */
  SpLessonConcealment concealment;   /* what its open questions hide */
};

G_DEFINE_FINAL_TYPE (SpLessonRunner, sp_lesson_runner, G_TYPE_OBJECT)

enum { PROP_0, PROP_LESSON, PROP_STEP, N_PROPS };
static GParamSpec *properties[N_PROPS];

void
sp_lesson_control_set_key (GtkWidget  *control,
                           const char *key)
{
  g_object_set_data_full (G_OBJECT (control), CONTROL_KEY, g_strdup (key), g_free);
}

const char *
sp_lesson_control_get_key (GtkWidget *control)
{
  return g_object_get_data (G_OBJECT (control), CONTROL_KEY);
}

/* Whether @control's key is @key: the same, or @key names a page's key by
 * its last word ("impedance.r_b_ohm" for "impedance.explore.r_b_ohm"). */
static gboolean
control_matches (const char *control_key,
                 const char *key)
{
  const char *dot = strchr (key, '.');
  g_autofree char *page_prefix = NULL;

  if (control_key == NULL)
    return FALSE;
  if (g_str_equal (control_key, key))
    return TRUE;
  if (dot == NULL || strchr (dot + 1, '.') != NULL)
    return FALSE;
  page_prefix = g_strndup (key, dot - key + 1);
  return g_str_has_prefix (control_key, page_prefix) && g_str_has_suffix (control_key, dot) &&
         strlen (control_key) > strlen (page_prefix) + strlen (dot);
}

static void
collect_controls (GtkWidget  *widget,
                  const char *key,
                  GPtrArray  *out)
{
  if (control_matches (sp_lesson_control_get_key (widget), key))
    g_ptr_array_add (out, widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_controls (child, key, out);
}

GtkWidget *
sp_lesson_runner_find_figure (SpLessonRunner *self,
                              const char     *id)
{
  GtkWidget *found = NULL;

  for (guint p = 0; p < self->window->pages->len; p++)
    {
      GPtrArray *figures = sp_lab_page_get_figures (g_ptr_array_index (self->window->pages, p));

      for (guint i = 0; i < figures->len; i++)
        {
          SpPlotView *view = g_ptr_array_index (figures, i);

          if (g_strcmp0 (sp_figure_kind_to_id (sp_plot_view_get_kind (view)), id) != 0)
            continue;
          if (gtk_widget_get_mapped (GTK_WIDGET (view)))
            return GTK_WIDGET (view);
          if (found == NULL)
            found = GTK_WIDGET (view);
        }
    }
  return found;
}

/* GTK 4.8 tells assistive technologies only the insensitive widget itself
 * is disabled, not the slider and entry inside a held row: a screen reader
 * would call them usable.  Each descendant says so too. */
static void
announce_disabled (GtkWidget *widget,
                   gboolean   held)
{
  gtk_accessible_update_state (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_STATE_DISABLED,
                               held || !gtk_widget_get_sensitive (widget), -1);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    announce_disabled (child, held);
}

static void
release_controls (SpLessonRunner *self)
{
  for (guint i = 0; i < self->locked->len; i++)
    {
      GtkWidget *widget = g_ptr_array_index (self->locked, i);
      const char *tooltip = g_object_get_data (G_OBJECT (widget), SAVED_TOOLTIP);

      gtk_widget_set_sensitive (widget, TRUE);
      announce_disabled (widget, FALSE);
      gtk_widget_set_tooltip_markup (widget, tooltip);
      g_object_set_data (G_OBJECT (widget), SAVED_TOOLTIP, NULL);
    }
  g_ptr_array_set_size (self->locked, 0);
  for (guint i = 0; i < self->highlighted->len; i++)
    gtk_widget_remove_css_class (g_ptr_array_index (self->highlighted, i), SP_LESSON_HIGHLIGHT_CLASS);
  g_ptr_array_set_size (self->highlighted, 0);
  g_clear_pointer (&self->locked_keys, g_strfreev);
}

/* Presentation mode shows two of the Overview's figures: the step's
 * highlighted ones must be among them, or the class would not see the
 * figure the text and the question are about. */
static void
bring_highlights_into_focus (SpLessonRunner *self)
{
  for (guint p = 0; p < self->window->pages->len; p++)
    {
      SpLabPage *page = g_ptr_array_index (self->window->pages, p);
      GPtrArray *figures;
      g_autoptr(GPtrArray) views = NULL;

      if (!SP_IS_OVERVIEW_PAGE (page))
        continue;
      figures = sp_lab_page_get_figures (page);
      views = g_ptr_array_new ();
      for (guint i = 0; i < self->highlighted->len; i++)
        {
          gpointer widget = g_ptr_array_index (self->highlighted, i);

          if (g_ptr_array_find (figures, widget, NULL))
            g_ptr_array_add (views, widget);
        }
      sp_overview_page_show_in_focus (SP_OVERVIEW_PAGE (page), (SpPlotView *const *) views->pdata,
                                      views->len);
    }
}

static void
hold_controls (SpLessonRunner     *self,
               const SpLessonStep *step)
{
  for (guint k = 0; step->locks[k] != NULL; k++)
    {
      g_autoptr(GPtrArray) controls = g_ptr_array_new ();

      collect_controls (GTK_WIDGET (self->window), step->locks[k], controls);
      for (guint i = 0; i < controls->len; i++)
        {
          GtkWidget *widget = g_ptr_array_index (controls, i);

          if (g_ptr_array_find (self->locked, widget, NULL))
            continue;
          g_object_set_data_full (G_OBJECT (widget), SAVED_TOOLTIP,
                                  g_strdup (gtk_widget_get_tooltip_markup (widget)), g_free);
          gtk_widget_set_sensitive (widget, FALSE);
          announce_disabled (widget, TRUE);
          gtk_widget_set_tooltip_text (widget, _("The lesson holds this setting for this step"));
          g_ptr_array_add (self->locked, g_object_ref (widget));
        }
    }
  self->locked_keys = g_strdupv (step->locks);

  for (guint k = 0; step->highlights[k] != NULL; k++)
    {
      const char *name = step->highlights[k];
      g_autoptr(GPtrArray) targets = g_ptr_array_new ();

      if (sp_lesson_key_is_session (name) || strchr (name, '.') != NULL)
        collect_controls (GTK_WIDGET (self->window), name, targets);
      else
        for (guint p = 0; p < self->window->pages->len; p++)
          {
            GPtrArray *figures = sp_lab_page_get_figures (g_ptr_array_index (self->window->pages, p));
            for (guint i = 0; i < figures->len; i++)
              if (g_strcmp0 (sp_figure_kind_to_id (sp_plot_view_get_kind (g_ptr_array_index (figures, i))),
                             name) == 0)
                g_ptr_array_add (targets, g_ptr_array_index (figures, i));
          }
      for (guint i = 0; i < targets->len; i++)
        {
          gtk_widget_add_css_class (g_ptr_array_index (targets, i), SP_LESSON_HIGHLIGHT_CLASS);
          g_ptr_array_add (self->highlighted, g_object_ref (g_ptr_array_index (targets, i)));
        }
    }
  bring_highlights_into_focus (self);
}

/* The step's open questions hide their answers (sp-lesson-conceal.h). */
static void
update_concealment (SpLessonRunner *self)
{
  const SpLessonStep *step = self->lesson != NULL ? g_ptr_array_index (self->lesson->steps, self->step)
                                                  : NULL;

  sp_lesson_concealment_compute (step, self->revealed, &self->concealment);
  sp_lesson_runner_apply_concealment (self);
}

void
sp_lesson_runner_apply_concealment (SpLessonRunner *self)
{
  g_return_if_fail (SP_IS_LESSON_RUNNER (self));
  sp_lesson_concealment_apply (&self->concealment, self->window);
}

void
sp_lesson_runner_reveal (SpLessonRunner *self,
                         guint           question)
{
  g_return_if_fail (SP_IS_LESSON_RUNNER (self));
  g_return_if_fail (question < 32);

  self->revealed |= 1u << question;
  update_concealment (self);
}

gboolean
sp_lesson_runner_conceals_figure (SpLessonRunner *self,
                                  SpFigureKind    kind)
{
  g_return_val_if_fail (SP_IS_LESSON_RUNNER (self), FALSE);
  g_return_val_if_fail (kind < SP_N_FIGURES, FALSE);
  return self->concealment.veiled[kind];
}

guint
sp_lesson_runner_get_concealed (SpLessonRunner *self,
                                gboolean       *readouts)
{
  g_return_val_if_fail (SP_IS_LESSON_RUNNER (self), 0);
  if (readouts != NULL)
    *readouts = self->concealment.readouts;
  return self->concealment.quantities;
}

/* "FILE:LINE: @set KEY VALUE: MESSAGE" */
static gboolean
setting_error (SpLessonRunner        *self,
               const SpLessonSetting *setting,
               GError                *cause,
               GError               **error)
{
  g_set_error (error, SP_LESSON_ERROR, SP_LESSON_ERROR_INVALID, "%s:%u: @set %s %s: %s",
               self->lesson->filename, setting->line, setting->key, setting->value,
               cause->message);
  return FALSE;
}

static void
list_members (JsonObject *object,
              const char *prefix,
              GString    *out)
{
  JsonObjectIter iter;
  const char *name;
  JsonNode *node;

  json_object_iter_init (&iter, object);
  while (json_object_iter_next (&iter, &name, &node))
    {
      g_autofree char *path = g_strconcat (prefix, name, NULL);

      if (JSON_NODE_HOLDS_OBJECT (node))
        {
          g_autofree char *inner = g_strconcat (path, ".", NULL);
          list_members (json_node_get_object (node), inner, out);
        }
      else
        g_string_append_printf (out, "%s%s", out->len > 0 ? ", " : "", path);
    }
}

/* Sets @path ("r_b_ohm" or "explore.r_b_ohm") in @state (mutable). */
static gboolean
overlay_key (JsonObject *state,
             const char *page,
             const char *path,
             const char *value,
             GError    **error)
{
  g_auto(GStrv) parts = g_strsplit (path, ".", -1);
  JsonObject *target = state;
  guint n = g_strv_length (parts);
  const char *member = parts[n - 1];

  for (guint i = 0; i + 1 < n; i++)
    {
      JsonNode *node = json_object_get_member (target, parts[i]);
      target = node != NULL && JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
      if (target == NULL)
        break;
    }
  if (target != NULL && n == 1 && !json_object_has_member (state, member))
    {
      /* One word: the one object member of that name. */
      JsonObjectIter iter;
      const char *name;
      JsonNode *node;
      guint found = 0;

      json_object_iter_init (&iter, state);
      while (json_object_iter_next (&iter, &name, &node))
        if (JSON_NODE_HOLDS_OBJECT (node) && json_object_has_member (json_node_get_object (node), member))
          {
            target = json_node_get_object (node);
            found++;
          }
      if (found != 1)
        target = NULL;
    }
  if (target == NULL || !json_object_has_member (target, member))
    {
      g_autoptr(GString) known = g_string_new (NULL);

      list_members (state, "", known);
      g_set_error (error, SP_LESSON_ERROR, SP_LESSON_ERROR_INVALID,
                   _("the %s page has no setting “%s” (its settings: %s)"), page, path, known->str);
      return FALSE;
    }
  json_object_set_member (target, member, sp_lesson_value_to_node (value));
  return TRUE;
}

static JsonObject *
mutable_copy (JsonObject *object)
{
  g_autoptr(JsonNode) node = json_node_init_object (json_node_alloc (), object);
  g_autofree char *data = json_to_string (node, FALSE);
  g_autoptr(JsonParser) parser = json_parser_new ();

  if (!json_parser_load_from_data (parser, data, -1, NULL))
    return json_object_new ();
  return json_object_ref (json_node_get_object (json_parser_get_root (parser)));
}

gboolean
sp_lesson_runner_go_to (SpLessonRunner *self,
                        guint           index,
                        GError        **error)
{
  SpWindow *window = self->window;
  const SpLessonStep *step;
  g_auto(SpSession) session = { 0 };
  g_autoptr(GHashTable) states = NULL;   /* SpLabPage → JsonObject */
  gboolean session_changes;
  GHashTableIter iter;
  gpointer page, state;

  g_return_val_if_fail (SP_IS_LESSON_RUNNER (self), FALSE);
  g_return_val_if_fail (self->lesson != NULL, FALSE);
  g_return_val_if_fail (index < self->lesson->steps->len, FALSE);

  step = g_ptr_array_index (self->lesson->steps, index);
  states = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) json_object_unref);

  /* Check everything first. */
  if (step->page != NULL && sp_window_pages_lookup (window, step->page) == NULL)
    {
      g_set_error (error, SP_LESSON_ERROR, SP_LESSON_ERROR_INVALID,
                   _("%s:%u: this version of Spinodal has no page “%s”"),
                   self->lesson->filename, step->page_line, step->page);
      return FALSE;
    }
  sp_document_get_session (window->document, &session);
  session_changes = step->preset != NULL;
  if (step->preset != NULL)
    {
      g_autoptr(SpParams) scratch = sp_params_new ();
      g_autoptr(GError) local = NULL;
      g_auto(SpSession) with_preset = { 0 };

      if (!sp_params_set_session (scratch, &session, &local) ||
          !sp_params_load_preset (scratch, step->preset, &local))
        {
          g_set_error (error, SP_LESSON_ERROR, SP_LESSON_ERROR_INVALID, "%s:%u: @preset %s: %s",
                       self->lesson->filename, step->line, step->preset, local->message);
          return FALSE;
        }
      sp_params_get_session (scratch, &session, &with_preset);
      sp_session_set_pages (&with_preset, session.pages);
      sp_session_clear (&session);
      sp_session_copy (&session, &with_preset);
    }
  for (guint i = 0; i < step->settings->len; i++)
    {
      const SpLessonSetting *setting = g_ptr_array_index (step->settings, i);
      g_autoptr(GError) local = NULL;
      g_autofree char *page_name = NULL, *path = NULL;
      SpLabPage *lab_page;
      JsonObject *page_state;

      if (sp_lesson_key_is_session (setting->key))
        {
          if (!sp_lesson_apply_session_setting (&session, setting->key, setting->value, &local) ||
              !sp_params_session_check (window->params, &session, &local))
            return setting_error (self, setting, local, error);
          session_changes = TRUE;
          continue;
        }
      sp_lesson_key_split_page (setting->key, &page_name, &path);
      lab_page = sp_window_pages_lookup (window, page_name);
      if (lab_page == NULL || !sp_lab_page_has_state (lab_page))
        {
          g_set_error (error, SP_LESSON_ERROR, SP_LESSON_ERROR_INVALID,
                       _("%s:%u: this version of Spinodal has no page “%s” with settings"),
                       self->lesson->filename, setting->line, page_name);
          return FALSE;
        }
      page_state = g_hash_table_lookup (states, lab_page);
      if (page_state == NULL)
        {
          g_autoptr(JsonObject) saved = sp_lab_page_save_state (lab_page);
          page_state = mutable_copy (saved);
          g_hash_table_insert (states, lab_page, page_state);
        }
      if (!overlay_key (page_state, page_name, path, setting->value, &local) ||
          !sp_lab_page_check_state (lab_page, page_state, &local))
        return setting_error (self, setting, local, error);
    }
  if (session_changes && !sp_params_session_check (window->params, &session, error))
    return FALSE;
  /* A closed box keeps the drive sliders as they are (sp-params-session.c):
   * a drive number set while it stays closed would not show. */
  if (session.sim.drive.mode == SP_DRIVE_CLOSED)
    for (guint i = 0; i < step->settings->len; i++)
      {
        const SpLessonSetting *setting = g_ptr_array_index (step->settings, i);

        if (g_str_has_prefix (setting->key, "drive.") && !g_str_equal (setting->key, "drive.mode"))
          {
            g_set_error (error, SP_LESSON_ERROR, SP_LESSON_ERROR_INVALID,
                         _("%s:%u: @set %s: the particle is a closed box in this step, so the "
                           "setting would not show (set drive.mode too)"),
                         self->lesson->filename, setting->line, setting->key);
            return FALSE;
          }
      }

  /* Then change: one undo step takes the whole step back. */
  sp_undo_stack_begin_group (window->undo);
  release_controls (self);
  self->step = index;
  if (step->page != NULL)
    sp_window_pages_show (window, step->page);
  if (session_changes)
    {
      g_autoptr(GError) local = NULL;
      if (!sp_params_set_session (window->params, &session, &local))
        g_warning ("A checked session was refused: %s", local->message);
    }
  g_hash_table_iter_init (&iter, states);
  while (g_hash_table_iter_next (&iter, &page, &state))
    {
      g_autoptr(GError) local = NULL;
      if (!sp_lab_page_load_state (page, state, &local))
        g_warning ("A checked page state was refused: %s", local->message);
    }
  hold_controls (self, step);
  switch (step->simulation)
    {
    case SP_LESSON_SIMULATION_RUN:
      sp_simulation_set_running (window->simulation, TRUE);
      break;
    case SP_LESSON_SIMULATION_PAUSE:
      sp_simulation_set_running (window->simulation, FALSE);
      break;
    case SP_LESSON_SIMULATION_RESET:
      sp_simulation_restart (window->simulation);
      break;
    case SP_LESSON_SIMULATION_NONE:
    default:
      break;
    }
  sp_undo_stack_end_group (window->undo);
  sp_document_set_lesson (window->document, self->source, self->step);
  self->revealed = 0;
  update_concealment (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STEP]);
  return TRUE;
}

void
sp_lesson_runner_show (SpLessonRunner *self,
                       guint           index)
{
  g_return_if_fail (SP_IS_LESSON_RUNNER (self));
  g_return_if_fail (self->lesson != NULL && index < self->lesson->steps->len);

  release_controls (self);
  self->step = index;
  hold_controls (self, g_ptr_array_index (self->lesson->steps, index));
  sp_document_set_lesson (self->window->document, self->source, self->step);
  self->revealed = 0;
  update_concealment (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STEP]);
}

void
sp_lesson_runner_set_lesson (SpLessonRunner *self,
                             SpLesson       *lesson,
                             const char     *source)
{
  g_return_if_fail (SP_IS_LESSON_RUNNER (self));

  release_controls (self);
  g_clear_pointer (&self->lesson, sp_lesson_free);
  g_clear_pointer (&self->source, g_free);
  self->lesson = lesson;
  self->source = lesson != NULL ? g_strdup (source) : NULL;
  self->step = 0;
  if (lesson == NULL)
    sp_document_set_lesson (self->window->document, NULL, 0);
  /* The panel shows step 0 until a step is applied: its questions hide
   * theirs; no lesson hides nothing. */
  self->revealed = 0;
  update_concealment (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LESSON]);
}

SpLesson *
sp_lesson_runner_get_lesson (SpLessonRunner *self)
{
  g_return_val_if_fail (SP_IS_LESSON_RUNNER (self), NULL);
  return self->lesson;
}

const char *
sp_lesson_runner_get_source (SpLessonRunner *self)
{
  g_return_val_if_fail (SP_IS_LESSON_RUNNER (self), NULL);
  return self->source;
}

guint
sp_lesson_runner_get_step (SpLessonRunner *self)
{
  g_return_val_if_fail (SP_IS_LESSON_RUNNER (self), 0);
  return self->step;
}

gboolean
sp_lesson_runner_is_locked (SpLessonRunner *self,
                            const char     *key)
{
  g_return_val_if_fail (SP_IS_LESSON_RUNNER (self), FALSE);
  return self->locked_keys != NULL && g_strv_contains ((const char *const *) self->locked_keys, key);
}

gboolean
sp_lesson_runner_quantity (SpLessonRunner   *self,
                           SpLessonQuantity  quantity,
                           double           *value,
                           GError          **error)
{
  return sp_lesson_quantity_value (quantity, self->window->analysis, value, error);
}

void
sp_lesson_runner_marker_range (SpLessonRunner   *self,
                               SpLessonQuantity  quantity,
                               double           *min,
                               double           *max)
{
  SpParams *params = self->window->params;
  double v0, length;

  switch (quantity)
    {
    case SP_LESSON_QUANTITY_CRITICAL_TEMPERATURE:
      sp_params_get_range (params, "temperature", min, max);
      break;
    case SP_LESSON_QUANTITY_PLATEAU_VOLTAGE:
      g_object_get (params, "v0", &v0, NULL);
      *min = v0 - 0.5;
      *max = v0 + 0.5;
      break;
    case SP_LESSON_QUANTITY_FASTEST_WAVELENGTH:
      g_object_get (params, "domain-length", &length, NULL);
      *min = 0.0;
      *max = length;
      break;
    case SP_LESSON_QUANTITY_BINODAL_LOW:
    case SP_LESSON_QUANTITY_BINODAL_HIGH:
    case SP_LESSON_QUANTITY_SPINODAL_LOW:
    case SP_LESSON_QUANTITY_SPINODAL_HIGH:
    case SP_LESSON_N_QUANTITIES:
    default:
      *min = 0.0;
      *max = 1.0;
      break;
    }
}

static void
sp_lesson_runner_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  SpLessonRunner *self = SP_LESSON_RUNNER (object);

  switch (prop_id)
    {
    case PROP_LESSON:
      g_value_set_pointer (value, self->lesson);
      break;
    case PROP_STEP:
      g_value_set_uint (value, self->step);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sp_lesson_runner_finalize (GObject *object)
{
  SpLessonRunner *self = SP_LESSON_RUNNER (object);

  release_controls (self);
  g_ptr_array_unref (self->locked);
  g_ptr_array_unref (self->highlighted);
  g_clear_pointer (&self->lesson, sp_lesson_free);
  g_free (self->source);
  G_OBJECT_CLASS (sp_lesson_runner_parent_class)->finalize (object);
}

static void
sp_lesson_runner_class_init (SpLessonRunnerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = sp_lesson_runner_get_property;
  object_class->finalize = sp_lesson_runner_finalize;
  properties[PROP_LESSON] = g_param_spec_pointer ("lesson", NULL, NULL,
                                                  G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_STEP] = g_param_spec_uint ("step", NULL, NULL, 0, G_MAXUINT, 0,
                                             G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
sp_lesson_runner_init (SpLessonRunner *self)
{
  self->locked = g_ptr_array_new_with_free_func (g_object_unref);
  self->highlighted = g_ptr_array_new_with_free_func (g_object_unref);
}

SpLessonRunner *
sp_lesson_runner_new (SpWindow *window)
{
  SpLessonRunner *self = g_object_new (SP_TYPE_LESSON_RUNNER, NULL);

  self->window = window;
  return self;
}
