/* sp-window.c — the explorer: parameter panel, linked plots, live field
 *
 * One SpParams drives everything: each batch of changes ("changed") makes
 * one new SpAnalysis (1–3 ms, so on the main thread), which every analysis
 * plot and the read-outs take; the simulation bar feeds the same
 * parameters to the running worker.  The window itself only wires these
 * together and keeps the linked cursor and the window state; the figures
 * belong to the pages (sp-window-pages.c lists them, sp-lab-page.h is how
 * the window sees one).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n.h>

#include "sp-param-panel.h"
#include "sp-plot-view.h"
#include "sp-presets.h"
#include "sp-simulation-page.h"
#include "sp-window-shortcuts.h"
#include "sp-window-style.h"

#include "sp-window-lesson.h"
#include "sp-window-private.h"

G_DEFINE_FINAL_TYPE (SpWindow, sp_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_RUNNING,
  PROP_PRESENTATION,
  PROP_FIELD_FIXED_SCALE,
  PROP_COLOR_SCHEME,
  PROP_LAB,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The analysis ----------------------------------------------------------- */

static void
sp_window_recompute (SpWindow *self)
{
  g_autoptr(GError) error = NULL;
  SpAnalysis *analysis;
  SpModel model;

  sp_params_to_model (self->params, &model);
  if (self->analysis != NULL && sp_model_equal (&model, &self->analysis->model))
    return;

  /* SpParams' ranges lie inside the core's, so this only guards a bug. */
  if (!sp_model_validate (&model, &error))
    {
      g_warning ("Parameters out of range: %s", error->message);
      return;
    }

  /* Built from the last snapshot: only what the change affects is
   * recomputed (a c0 or κ change keeps the phase diagram). */
  analysis = sp_analysis_new_from (self->analysis, &model);
  g_clear_pointer (&self->analysis, sp_analysis_unref);
  self->analysis = analysis;

  /* The simulation figures use it too: S(k, t) draws the linear theory. */
  for (guint p = 0; p < self->pages->len; p++)
    {
      GPtrArray *figures = sp_lab_page_get_figures (g_ptr_array_index (self->pages, p));

      for (guint i = 0; i < figures->len; i++)
        sp_plot_view_set_analysis (g_ptr_array_index (figures, i), self->analysis);
    }
  if (self->panel != NULL)
    sp_param_panel_set_analysis (self->panel, self->analysis);
  if (self->sim_bar != NULL)
    sp_sim_bar_set_analysis (self->sim_bar, self->analysis);
}

static void
sp_window_show_preset_name (SpWindow *self)
{
  g_autoptr(SpPreset) preset = sp_presets_lookup (sp_params_get_preset (self->params), NULL);

  adw_view_switcher_title_set_subtitle (self->switcher_title,
                                        preset != NULL ? preset->name : NULL);
}

/* The linked cursor: any composition figure moves it on all of them. */
static void
cursor_moved_cb (SpWindow   *self,
                 double      c,
                 SpPlotView *source)
{
  for (guint p = 0; p < self->pages->len; p++)
    {
      GPtrArray *figures = sp_lab_page_get_figures (g_ptr_array_index (self->pages, p));

      for (guint i = 0; i < figures->len; i++)
        sp_plot_view_set_cursor (g_ptr_array_index (figures, i), c);
    }
}

/* The simulation's frames reach every page's figures that draw them. */
static void
frame_changed_cb (SpWindow *self)
{
  SpFrame *frame = sp_simulation_get_frame (self->simulation);
  const SpChHistory *history = sp_simulation_get_history (self->simulation);
  const SpDriveTrace *trace = sp_simulation_get_trace (self->simulation);

  for (guint p = 0; p < self->pages->len; p++)
    {
      GPtrArray *figures = sp_lab_page_get_figures (g_ptr_array_index (self->pages, p));

      for (guint i = 0; i < figures->len; i++)
        if (sp_plot_view_shows_simulation (g_ptr_array_index (figures, i)))
          {
            sp_plot_view_set_frame (g_ptr_array_index (figures, i), frame);
            sp_plot_view_set_history (g_ptr_array_index (figures, i), history);
            sp_plot_view_set_trace (g_ptr_array_index (figures, i), trace);
          }
    }
}

/* A driven run shows its voltage trace beside the field. */
static void
drive_mode_cb (SpWindow *self)
{
  gboolean driven = sp_params_get_drive_mode (self->params) != SP_DRIVE_CLOSED;

  for (guint p = 0; p < self->pages->len; p++)
    if (SP_IS_SIMULATION_PAGE (g_ptr_array_index (self->pages, p)))
      sp_simulation_page_set_driven (g_ptr_array_index (self->pages, p), driven);
}

static void
sim_running_cb (SpWindow *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RUNNING]);
}

/* Presentation mode ------------------------------------------------------ */

static void sp_window_queue_fold (SpWindow *self);

static void
sp_window_apply_presentation (SpWindow *self)
{
  gboolean on = sp_params_get_presentation (self->params);

  if (on)
    gtk_widget_add_css_class (GTK_WIDGET (self), "presentation");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self), "presentation");
  /* On a projector the sliders stay docked beside the figures they drive
   * (an overlay would hide the tangent and the dome while T moves), the
   * panel wide enough for its larger text, and each page shows its
   * figures larger (the overview only two, which its focus bar picks). */
  for (guint p = 0; p < self->pages->len; p++)
    {
      SpLabPage *page = g_ptr_array_index (self->pages, p);
      GPtrArray *figures = sp_lab_page_get_figures (page);

      for (guint i = 0; i < figures->len; i++)
        sp_plot_view_set_scale (g_ptr_array_index (figures, i), on ? PRESENTATION_SCALE : 1.0);
      sp_lab_page_set_presentation (page, on);
    }
  if (self->panel != NULL)
    sp_param_panel_set_presentation (self->panel, on);
  if (!adw_flap_get_folded (self->flap))
    adw_flap_set_reveal_flap (self->flap, TRUE);
  sp_window_queue_fold (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PRESENTATION]);
}

/* Layout: the pages reflow themselves; the panel an overlay when folded --- */

/* Folded (a window too narrow for both), the panel slides over the
 * figures without dimming them, so a slider and the plots it changes are
 * seen together, and the toggle button says what it opens. */
static void
sp_window_show_folded (SpWindow *self,
                       gboolean  folded)
{
  self->folded = folded;
  adw_flap_set_modal (self->flap, !folded);
  adw_button_content_set_label (self->panel_button_content, folded ? _("_Parameters") : "");
  sp_window_pages_show_folded (self, folded);
  /* A narrow header has no room for it: Ctrl+P and the menu pin. */
  gtk_widget_set_visible (self->pin_button, !folded);
}

static gboolean
fold_idle_cb (gpointer user_data)
{
  SpWindow *self = user_data;

  self->fold_idle = 0;
  if (adw_flap_get_folded (self->flap) != self->folded)
    sp_window_show_folded (self, adw_flap_get_folded (self->flap));
  return G_SOURCE_REMOVE;
}

static void
sp_window_queue_fold (SpWindow *self)
{
  if (self->fold_idle == 0)
    /* Above the frame clock's priorities: while the simulation animates,
     * a default idle would never run. */
    self->fold_idle = g_idle_add_full (G_PRIORITY_HIGH_IDLE, fold_idle_cb, self, NULL);
}

/* Moving cards or relabelling the panel button during an allocation
 * would re-enter it: after it, at most one idle each (the pages' own). */
static void
sp_window_size_allocate (GtkWidget *widget,
                         int        width,
                         int        height,
                         int        baseline)
{
  SpWindow *self = SP_WINDOW (widget);
  int stack_width, stack_height;

  GTK_WIDGET_CLASS (sp_window_parent_class)->size_allocate (widget, width, height, baseline);
  /* Every page, shown or not, is laid out for the stack's area. */
  stack_width = gtk_widget_get_width (GTK_WIDGET (self->view_stack));
  stack_height = gtk_widget_get_height (GTK_WIDGET (self->view_stack));
  for (guint p = 0; p < self->pages->len; p++)
    sp_lab_page_set_area (g_ptr_array_index (self->pages, p), stack_width, stack_height);
  if (adw_flap_get_folded (self->flap) != self->folded)
    sp_window_queue_fold (self);
}

/* Public API ------------------------------------------------------------- */

SpWindow *
sp_window_new (GtkApplication *application)
{
  g_return_val_if_fail (GTK_IS_APPLICATION (application), NULL);

  return g_object_new (SP_TYPE_WINDOW, "application", application, NULL);
}

SpParams *
sp_window_get_params (SpWindow *self)
{
  g_return_val_if_fail (SP_IS_WINDOW (self), NULL);
  return self->params;
}

SpAnalysis *
sp_window_get_analysis (SpWindow *self)
{
  g_return_val_if_fail (SP_IS_WINDOW (self), NULL);
  return self->analysis;
}

SpSimBar *
sp_window_get_sim_bar (SpWindow *self)
{
  g_return_val_if_fail (SP_IS_WINDOW (self), NULL);
  return self->sim_bar;
}

SpSimulation *
sp_window_get_simulation (SpWindow *self)
{
  g_return_val_if_fail (SP_IS_WINDOW (self), NULL);
  return self->simulation;
}

GPtrArray *
sp_window_get_plot_views (SpWindow *self)
{
  GPtrArray *views;

  g_return_val_if_fail (SP_IS_WINDOW (self), NULL);

  views = g_ptr_array_new ();
  for (guint p = 0; p < self->pages->len; p++)
    {
      GPtrArray *figures = sp_lab_page_get_figures (g_ptr_array_index (self->pages, p));

      g_ptr_array_extend (views, figures, NULL, NULL);
    }
  return views;
}

gboolean
sp_window_get_field_fixed_scale (SpWindow *self)
{
  g_return_val_if_fail (SP_IS_WINDOW (self), TRUE);
  return self->field_fixed_scale;
}

void
sp_window_set_field_fixed_scale (SpWindow *self,
                                 gboolean  fixed)
{
  g_return_if_fail (SP_IS_WINDOW (self));

  fixed = !!fixed;
  if (self->field_fixed_scale == fixed)
    return;
  self->field_fixed_scale = fixed;
  for (guint p = 0; p < self->pages->len; p++)
    {
      GPtrArray *figures = sp_lab_page_get_figures (g_ptr_array_index (self->pages, p));

      for (guint i = 0; i < figures->len; i++)
        sp_plot_view_set_field_fixed_scale (g_ptr_array_index (figures, i), fixed);
    }
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FIELD_FIXED_SCALE]);
}

/* The style, from the Style submenu or the settings (bound both ways). */
static void
sp_window_set_color_scheme (SpWindow   *self,
                            const char *id)
{
  if (!sp_window_style_is_valid (id) || g_strcmp0 (self->color_scheme, id) == 0)
    return;
  g_free (self->color_scheme);
  self->color_scheme = g_strdup (id);
  sp_window_style_apply (id);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COLOR_SCHEME]);
}

void
sp_window_add_toast (SpWindow *self,
                     AdwToast *toast)
{
  g_return_if_fail (SP_IS_WINDOW (self));
  g_return_if_fail (ADW_IS_TOAST (toast));

  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

/* GObject ---------------------------------------------------------------- */

static GSettings *
sp_window_open_settings (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;

  /* Running uninstalled without GSETTINGS_SCHEMA_DIR: work, but forget. */
  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, APP_ID, TRUE);
  if (schema == NULL)
    {
      g_message ("Schema %s not found: settings will not be saved", APP_ID);
      return NULL;
    }
  return g_settings_new (APP_ID);
}

/* Called when the window goes, however it goes (close button, Ctrl+W, or
 * app.quit, which destroys windows without a close request). */
static void
sp_window_save_state (SpWindow *self)
{
  int width, height;

  if (self->settings == NULL)
    return;

  gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);
  g_settings_delay (self->settings);
  if (width > 0 && height > 0)
    {
      g_settings_set_int (self->settings, "window-width", width);
      g_settings_set_int (self->settings, "window-height", height);
    }
  g_settings_set_boolean (self->settings, "window-maximized",
                          gtk_window_is_maximized (GTK_WINDOW (self)));
  g_settings_apply (self->settings);
}

static void
sp_window_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  SpWindow *self = SP_WINDOW (object);

  switch (prop_id)
    {
    case PROP_RUNNING:
      g_value_set_boolean (value, self->simulation != NULL &&
                                  sp_simulation_get_running (self->simulation));
      break;
    case PROP_PRESENTATION:
      g_value_set_boolean (value, sp_params_get_presentation (self->params));
      break;
    case PROP_FIELD_FIXED_SCALE:
      g_value_set_boolean (value, self->field_fixed_scale);
      break;
    case PROP_COLOR_SCHEME:
      g_value_set_string (value, self->color_scheme != NULL ? self->color_scheme : "default");
      break;
    case PROP_LAB:
      g_value_set_string (value, sp_window_pages_get_lab (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sp_window_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  SpWindow *self = SP_WINDOW (object);

  switch (prop_id)
    {
    case PROP_RUNNING:
      sp_simulation_set_running (self->simulation, g_value_get_boolean (value));
      break;
    case PROP_PRESENTATION:
      g_object_set (self->params, "presentation", g_value_get_boolean (value), NULL);
      break;
    case PROP_FIELD_FIXED_SCALE:
      sp_window_set_field_fixed_scale (self, g_value_get_boolean (value));
      break;
    case PROP_COLOR_SCHEME:
      sp_window_set_color_scheme (self, g_value_get_string (value));
      break;
    case PROP_LAB:
      if (!sp_window_pages_show_lab (self, g_value_get_string (value)))
        g_warning ("win.show-lab: no lab is named “%s”", g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sp_window_dispose (GObject *object)
{
  SpWindow *self = SP_WINDOW (object);

  sp_window_save_state (self);
  sp_window_tour_stop (self);
  sp_window_undo_dispose (self);
  /* A recording under way is finished, so the video is kept. */
  g_clear_object (&self->recording);
  g_clear_handle_id (&self->fold_idle, g_source_remove);
  sp_window_lesson_dispose (self);
  gtk_widget_dispose_template (GTK_WIDGET (self), SP_TYPE_WINDOW);
  /* Disposed with the view stack, and now without figures. */
  sp_window_pages_dispose (self);
  /* Joins the worker thread, unless someone else still holds the run:
   * then it must not call back into a window without figures. */
  if (self->simulation != NULL)
    g_signal_handlers_disconnect_by_data (self->simulation, self);
  g_clear_object (&self->simulation);
  g_clear_object (&self->settings);
  g_clear_object (&self->params);
  g_clear_pointer (&self->analysis, sp_analysis_unref);
  g_clear_pointer (&self->color_scheme, g_free);
  sp_window_pins_dispose (self);

  G_OBJECT_CLASS (sp_window_parent_class)->dispose (object);
}

static void
sp_window_finalize (GObject *object)
{
  /* Kept until now: a load or save still under way holds the window. */
  sp_window_document_finalize (SP_WINDOW (object));

  G_OBJECT_CLASS (sp_window_parent_class)->finalize (object);
}

static void
sp_window_class_init (SpWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = sp_window_get_property;
  object_class->set_property = sp_window_set_property;
  object_class->dispose = sp_window_dispose;
  object_class->finalize = sp_window_finalize;
  widget_class->size_allocate = sp_window_size_allocate;

  /* Whether the simulation runs (the win.play action's state). */
  properties[PROP_RUNNING] =
    g_param_spec_boolean ("running", NULL, NULL, TRUE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* Larger text and lines for a projector (win.presentation). */
  properties[PROP_PRESENTATION] =
    g_param_spec_boolean ("presentation", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* The field's colours over c = 0 … 1 (win.field-fixed-scale). */
  properties[PROP_FIELD_FIXED_SCALE] =
    g_param_spec_boolean ("field-fixed-scale", NULL, NULL, TRUE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* "default", "light" or "dark" (win.color-scheme, the Style submenu). */
  properties[PROP_COLOR_SCHEME] =
    g_param_spec_string ("color-scheme", NULL, NULL, "default",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* The active lab's name (win.show-lab, the lab selector); set, the lab
   * shows the page it was left on.  Notified by sp-window-pages.c. */
  properties[PROP_LAB] =
    g_param_spec_string ("lab", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (SP_TYPE_PARAM_PANEL);
  g_type_ensure (SP_TYPE_PLOT_VIEW);
  g_type_ensure (SP_TYPE_SIM_BAR);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/spinodal/Spinodal/sp-window.ui");
#define BIND(name) gtk_widget_class_bind_template_child (widget_class, SpWindow, name)
  BIND (toast_overlay);
  BIND (switcher_title);
  BIND (primary_menu_button);
  BIND (flap);
  BIND (panel_button_content);
  BIND (view_stack);
  BIND (panel_box);
  BIND (lab_switcher);
  BIND (panel_button);
  BIND (sim_bar);
  BIND (figure_menu);
  BIND (file_title);
  BIND (recording_indicator);
  BIND (recording_label);
  BIND (pins_section);
  BIND (pin_button);
  BIND (lesson_slot);
  BIND (lessons_menu);
#undef BIND

  /* Every win.* action: sp-window-actions.c; the lessons' own:
   * sp-window-lesson.c. */
  sp_window_actions_class_init (widget_class);
  /* Pins and the tangent construction: sp-window-pins.c, sp-window-tour.c. */
  sp_window_pins_class_init (widget_class);
  sp_window_tour_class_init (widget_class);
  sp_window_lesson_class_init (widget_class);

  /* The keys: sp-window-shortcuts.c (capture phase, wherever the focus is). */
}

static void
sp_window_init (SpWindow *self)
{
  /* Before the template: its buttons ask the property actions' state. */
  self->params = sp_params_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
  /* The Overview, the Simulation, …: sp-window-pages.c. */
  sp_window_pages_init (self);
  /* A teacher's default: the colours mean the same composition in every
   * frame, so the noise of t = 0 looks faint, as it is. */
  self->field_fixed_scale = FALSE;
  sp_window_set_field_fixed_scale (self, TRUE);

  self->settings = sp_window_open_settings ();
  if (self->settings != NULL)
    {
      sp_params_bind_settings (self->params, self->settings);
      gtk_window_set_default_size (GTK_WINDOW (self),
                                   g_settings_get_int (self->settings, "window-width"),
                                   g_settings_get_int (self->settings, "window-height"));
      if (g_settings_get_boolean (self->settings, "window-maximized"))
        gtk_window_maximize (GTK_WINDOW (self));
      g_settings_bind (self->settings, "field-fixed-scale", self, "field-fixed-scale",
                       G_SETTINGS_BIND_DEFAULT);
      /* Another window's Style menu, or dconf, changes this one's too. */
      g_settings_bind (self->settings, "color-scheme", self, "color-scheme",
                       G_SETTINGS_BIND_DEFAULT);
    }
  else
    sp_window_set_color_scheme (self, "default");

  sp_param_panel_set_params (self->panel, self->params);
  sp_window_recompute (self);
  sp_window_show_preset_name (self);
  sp_window_apply_presentation (self);
  self->folded = -1;
  /* The flap can fold in an allocation of its own, after the window's. */
  g_signal_connect_object (self->flap, "notify::folded",
                           G_CALLBACK (sp_window_queue_fold), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->params, "changed",
                           G_CALLBACK (sp_window_recompute), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->params, "notify::preset",
                           G_CALLBACK (sp_window_show_preset_name), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->params, "notify::presentation",
                           G_CALLBACK (sp_window_apply_presentation), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->params, "notify::drive-mode",
                           G_CALLBACK (drive_mode_cb), self, G_CONNECT_SWAPPED);
  drive_mode_cb (self);

  for (guint p = 0; p < self->pages->len; p++)
    {
      GPtrArray *figures = sp_lab_page_get_figures (g_ptr_array_index (self->pages, p));

      for (guint i = 0; i < figures->len; i++)
        if (sp_figure_kind_has_composition (sp_plot_view_get_kind (g_ptr_array_index (figures, i))))
          g_signal_connect_object (g_ptr_array_index (figures, i), "cursor-moved",
                                   G_CALLBACK (cursor_moved_cb), self, G_CONNECT_SWAPPED);
    }

  /* On first launch the field separates before the student's eyes. */
  self->simulation = sp_simulation_new (self->params);
  sp_simulation_set_running (self->simulation, TRUE);
  sp_sim_bar_set_simulation (self->sim_bar, self->simulation);
  g_signal_connect_object (self->simulation, "notify::frame",
                           G_CALLBACK (frame_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->simulation, "notify::running",
                           G_CALLBACK (sim_running_cb), self, G_CONNECT_SWAPPED);
  /* The play button asked win.play's state before the simulation was
   * made: it showed (and told screen readers) "not pressed" while running. */
  sim_running_cb (self);

  /* The Export menu: sp-window-export.c. */
  sp_window_export_init (self);
  /* Recording the live simulation: sp-window-recording.c. */
  sp_window_recording_init (self);
  /* Open, Save, the title and unsaved changes: sp-window-document.c. */
  sp_window_document_init (self);
  /* Pins on every figure and in the session: sp-window-pins.c. */
  sp_window_pins_init (self);
  /* Undo and redo of every parameter change: sp-window-undo.c. */
  sp_window_undo_init (self);
  /* Lessons: the panel, the menu, the presenter's keys (sp-window-lesson.c). */
  sp_window_lesson_init (self);
  /* Every documented key, from any focus position. */
  sp_window_shortcuts_init (GTK_WIDGET (self), self->primary_menu_button);
  /* Alt+1 …, the first page's panel; later pages are wired as they come. */
  sp_window_pages_ready (self);
}

/* A page added after the window's init (sp_window_add_page()) gets what
 * the init gave the pages of the list. */
void
sp_window_adopt_page (SpWindow  *self,
                      SpLabPage *page,
                      GtkWidget *new_panel)
{
  gboolean on = sp_params_get_presentation (self->params);
  GPtrArray *figures = sp_lab_page_get_figures (page);

  for (guint i = 0; i < figures->len; i++)
    {
      SpPlotView *figure = g_ptr_array_index (figures, i);

      sp_plot_view_set_analysis (figure, self->analysis);
      sp_plot_view_set_field_fixed_scale (figure, self->field_fixed_scale);
      sp_plot_view_set_scale (figure, on ? PRESENTATION_SCALE : 1.0);
      if (sp_figure_kind_has_composition (sp_plot_view_get_kind (figure)))
        g_signal_connect_object (figure, "cursor-moved",
                                 G_CALLBACK (cursor_moved_cb), self, G_CONNECT_SWAPPED);
      sp_window_export_track_figure (self, figure);
    }
  sp_lab_page_set_presentation (page, on);
  sp_lab_page_set_area (page, gtk_widget_get_width (GTK_WIDGET (self->view_stack)),
                        gtk_widget_get_height (GTK_WIDGET (self->view_stack)));
  if (new_panel != NULL && new_panel == GTK_WIDGET (self->panel))
    {
      sp_param_panel_set_params (self->panel, self->params);
      sp_param_panel_set_analysis (self->panel, self->analysis);
      sp_param_panel_set_presentation (self->panel, on);
    }
  sp_window_document_add_page (self, page);
  sp_window_pins_add_page (self, page);
  sp_window_undo_add_page (self, page);
  /* A lesson's open question hides its answer on the new page too. */
  if (self->lesson_runner != NULL)
    sp_lesson_runner_apply_concealment (self->lesson_runner);
}
