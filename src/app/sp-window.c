/* sp-window.c — the explorer: parameter panel, linked plots, live field
 *
 * One SpParams drives everything: each batch of changes ("changed") makes
 * one new SpAnalysis (1–3 ms, so on the main thread), which every analysis
 * plot and the read-outs take; the simulation bar feeds the same
 * parameters to the running worker.  The window itself only wires these
 * together and keeps the linked cursor and the window state.
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
#include "sp-window-export.h"
#include "sp-window-shortcuts.h"
#include "sp-window-style.h"

#include "sp-window-private.h"
#include "sp-window-layout.h"

G_DEFINE_FINAL_TYPE (SpWindow, sp_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_RUNNING,
  PROP_PRESENTATION,
  PROP_FIELD_FIXED_SCALE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The analysis ----------------------------------------------------------- */

static gboolean
same_model (const SpModel *a,
            const SpModel *b)
{
  return a->omega == b->omega && a->temperature == b->temperature && a->s1 == b->s1 &&
         a->stiffness == b->stiffness && a->kappa == b->kappa &&
         memcmp (a->rk, b->rk, sizeof a->rk) == 0 && a->d0 == b->d0 && a->v0 == b->v0 &&
         a->c0 == b->c0 && a->mobility == b->mobility;
}

static void
sp_window_recompute (SpWindow *self)
{
  g_autoptr(GError) error = NULL;
  SpAnalysis *analysis;
  SpModel model;

  sp_params_to_model (self->params, &model);
  if (self->analysis != NULL && same_model (&model, &self->analysis->model))
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
  for (guint i = 0; i < N_VIEWS; i++)
    sp_plot_view_set_analysis (self->views[i], self->analysis);
  sp_param_panel_set_analysis (self->panel, self->analysis);
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
  for (guint i = 0; i < N_VIEWS; i++)
    sp_plot_view_set_cursor (self->views[i], c);
}

static void
frame_changed_cb (SpWindow *self)
{
  SpFrame *frame = sp_sim_bar_get_frame (self->sim_bar);
  const SpChHistory *history = sp_sim_bar_get_history (self->sim_bar);

  for (guint i = N_ANALYSIS_VIEWS; i < N_VIEWS; i++)
    {
      sp_plot_view_set_frame (self->views[i], frame);
      sp_plot_view_set_history (self->views[i], history);
    }
}

static void
sim_running_cb (SpWindow *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RUNNING]);
}

/* Presentation mode ------------------------------------------------------ */

/* The overview's figures in grid order; the focus drop-downs list them so. */
#define N_OVERVIEW 6

static void
overview_views (SpWindow   *self,
                GtkWidget **views)
{
  views[0] = GTK_WIDGET (self->free_energy_view);
  views[1] = GTK_WIDGET (self->ocv_view);
  views[2] = GTK_WIDGET (self->field_view);
  views[3] = GTK_WIDGET (self->phase_view);
  views[4] = GTK_WIDGET (self->dchem_view);
  views[5] = GTK_WIDGET (self->dispersion_view);
}

/* g(c) and the phase diagram by default: T moves the tangent and the
 * state on the dome at once. */
#define FOCUS_FIRST_DEFAULT  0
#define FOCUS_SECOND_DEFAULT 3

static void sp_window_queue_reflow (SpWindow *self);

/* Picking in one drop-down the figure the other shows swaps them. */
static void
focus_selected_cb (SpWindow    *self,
                   GParamSpec  *pspec,
                   GtkDropDown *source)
{
  guint slot = source == self->focus_first ? 0 : 1;
  guint other = 1 - slot;
  guint selected = gtk_drop_down_get_selected (source);
  GtkDropDown *other_drop = other == 0 ? self->focus_first : self->focus_second;

  if (selected >= N_OVERVIEW || selected == self->focus[slot])
    return;
  if (selected == self->focus[other])
    {
      self->focus[other] = self->focus[slot];
      self->focus[slot] = selected;
      gtk_drop_down_set_selected (other_drop, self->focus[other]);
    }
  else
    self->focus[slot] = selected;
  sp_window_queue_reflow (self);
}

static void
sp_window_init_focus (SpWindow *self)
{
  g_autoptr(GtkStringList) titles = gtk_string_list_new (NULL);
  GtkWidget *views[N_OVERVIEW];

  overview_views (self, views);
  for (guint i = 0; i < N_OVERVIEW; i++)
    gtk_string_list_append (titles, sp_figure_kind_title (sp_plot_view_get_kind (SP_PLOT_VIEW (views[i]))));
  self->focus[0] = FOCUS_FIRST_DEFAULT;
  self->focus[1] = FOCUS_SECOND_DEFAULT;
  gtk_drop_down_set_model (self->focus_first, G_LIST_MODEL (titles));
  gtk_drop_down_set_model (self->focus_second, G_LIST_MODEL (titles));
  gtk_drop_down_set_selected (self->focus_first, self->focus[0]);
  gtk_drop_down_set_selected (self->focus_second, self->focus[1]);
  g_signal_connect_object (self->focus_first, "notify::selected",
                           G_CALLBACK (focus_selected_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->focus_second, "notify::selected",
                           G_CALLBACK (focus_selected_cb), self, G_CONNECT_SWAPPED);
}

static void
sp_window_apply_presentation (SpWindow *self)
{
  gboolean on = sp_params_get_presentation (self->params);

  if (on)
    gtk_widget_add_css_class (GTK_WIDGET (self), "presentation");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self), "presentation");
  for (guint i = 0; i < N_VIEWS; i++)
    sp_plot_view_set_scale (self->views[i], on ? PRESENTATION_SCALE : 1.0);
  /* On a projector the sliders stay docked beside the figures they drive
   * (an overlay would hide the tangent and the dome while T moves), the
   * panel wide enough for its larger text, and the overview shows two
   * figures large (the focus bar picks which). */
  gtk_widget_set_size_request (GTK_WIDGET (self->panel), on ? PANEL_WIDTH_PRESENTATION : PANEL_WIDTH, -1);
  gtk_widget_set_visible (self->focus_bar, on);
  if (!adw_flap_get_folded (self->flap))
    adw_flap_set_reveal_flap (self->flap, TRUE);
  sp_window_queue_reflow (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PRESENTATION]);
}

/* Layout: reflow with the width, the panel as an overlay when folded ------ */

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
}

/* The overview's layout for the current size and mode, as one number:
 * its column count, or in presentation mode the two focus figures and
 * whether they stack. */
static guint
overview_layout_key (SpWindow *self)
{
  int width = gtk_widget_get_width (GTK_WIDGET (self->view_stack));
  int height = gtk_widget_get_height (GTK_WIDGET (self->view_stack));

  if (!sp_params_get_presentation (self->params))
    return sp_window_layout_columns (width);
  return 0x100 | self->focus[0] << 4 | self->focus[1] << 1
         | (guint) sp_window_layout_focus_stacked (width, height);
}

static gboolean
reflow_idle_cb (gpointer user_data)
{
  SpWindow *self = user_data;
  guint columns = sp_window_layout_columns (gtk_widget_get_width (GTK_WIDGET (self->view_stack)));
  guint key = overview_layout_key (self);
  GtkWidget *overview[N_OVERVIEW];
  GtkWidget *side[] = {
    GTK_WIDGET (self->energy_view), GTK_WIDGET (self->coarsening_view),
    GTK_WIDGET (self->structure_view),
  };

  self->reflow_idle = 0;
  overview_views (self, overview);
  if (adw_flap_get_folded (self->flap) != self->folded)
    sp_window_show_folded (self, adw_flap_get_folded (self->flap));
  if (key != self->overview_key)
    {
      self->overview_key = key;
      if (key & 0x100)
        sp_window_layout_focus (self->overview_grid, overview, N_OVERVIEW,
                                self->focus[0], self->focus[1], key & 1);
      else
        sp_window_layout_overview (self->overview_grid, overview, N_OVERVIEW, columns);
    }
  if (columns == self->columns)
    return G_SOURCE_REMOVE;
  self->columns = columns;
  sp_window_layout_simulation (self->simulation_grid, GTK_WIDGET (self->field_sim_view),
                               side, G_N_ELEMENTS (side), columns);
  return G_SOURCE_REMOVE;
}

static void
sp_window_queue_reflow (SpWindow *self)
{
  if (self->reflow_idle == 0)
    /* Above the frame clock's priorities: while the simulation animates,
     * a default idle would never run. */
    self->reflow_idle = g_idle_add_full (G_PRIORITY_HIGH_IDLE, reflow_idle_cb, self, NULL);
}

/* Moving cards or relabelling the panel button during an allocation
 * would re-enter it: after it, at most one idle. */
static void
sp_window_size_allocate (GtkWidget *widget,
                         int        width,
                         int        height,
                         int        baseline)
{
  SpWindow *self = SP_WINDOW (widget);

  GTK_WIDGET_CLASS (sp_window_parent_class)->size_allocate (widget, width, height, baseline);
  if (sp_window_layout_columns (gtk_widget_get_width (GTK_WIDGET (self->view_stack))) != self->columns
      || overview_layout_key (self) != self->overview_key
      || adw_flap_get_folded (self->flap) != self->folded)
    sp_window_queue_reflow (self);
}

/* Public API ------------------------------------------------------------- */

SpWindow *
sp_window_new (SpApplication *application)
{
  g_return_val_if_fail (SP_IS_APPLICATION (application), NULL);

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

GPtrArray *
sp_window_get_plot_views (SpWindow *self)
{
  GPtrArray *views;

  g_return_val_if_fail (SP_IS_WINDOW (self), NULL);

  views = g_ptr_array_new ();
  for (guint i = 0; i < N_VIEWS; i++)
    g_ptr_array_add (views, self->views[i]);
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
  for (guint i = 0; i < N_VIEWS; i++)
    sp_plot_view_set_field_fixed_scale (self->views[i], fixed);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FIELD_FIXED_SCALE]);
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
      g_value_set_boolean (value, self->sim_bar != NULL && sp_sim_bar_get_running (self->sim_bar));
      break;
    case PROP_PRESENTATION:
      g_value_set_boolean (value, sp_params_get_presentation (self->params));
      break;
    case PROP_FIELD_FIXED_SCALE:
      g_value_set_boolean (value, self->field_fixed_scale);
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
      sp_sim_bar_set_running (self->sim_bar, g_value_get_boolean (value));
      break;
    case PROP_PRESENTATION:
      g_object_set (self->params, "presentation", g_value_get_boolean (value), NULL);
      break;
    case PROP_FIELD_FIXED_SCALE:
      sp_window_set_field_fixed_scale (self, g_value_get_boolean (value));
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
  /* A recording under way is finished, so the video is kept. */
  g_clear_object (&self->recording);
  /* The simulation bar joins the worker thread in its own dispose. */
  gtk_widget_dispose_template (GTK_WIDGET (self), SP_TYPE_WINDOW);
  memset (self->views, 0, sizeof self->views);
  g_clear_object (&self->settings);
  g_clear_object (&self->params);
  g_clear_pointer (&self->analysis, sp_analysis_unref);
  g_clear_handle_id (&self->reflow_idle, g_source_remove);

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
  BIND (overview_grid);
  BIND (focus_bar);
  BIND (focus_first);
  BIND (focus_second);
  BIND (simulation_grid);
  BIND (view_stack);
  BIND (panel);
  BIND (sim_bar);
  BIND (free_energy_view);
  BIND (ocv_view);
  BIND (phase_view);
  BIND (dchem_view);
  BIND (dispersion_view);
  BIND (field_view);
  BIND (field_sim_view);
  BIND (energy_view);
  BIND (coarsening_view);
  BIND (structure_view);
  BIND (file_title);
  BIND (recording_indicator);
  BIND (recording_label);
#undef BIND

  /* Every win.* action: sp-window-actions.c. */
  sp_window_actions_class_init (widget_class);

  /* The keys: sp-window-shortcuts.c (capture phase, wherever the focus is). */
}

static void
sp_window_init (SpWindow *self)
{
  SpPlotView *views[N_VIEWS];

  /* Before the template: its buttons ask the property actions' state. */
  self->params = sp_params_new ();
  gtk_widget_init_template (GTK_WIDGET (self));

  views[0] = self->free_energy_view;
  views[1] = self->ocv_view;
  views[2] = self->phase_view;
  views[3] = self->dchem_view;
  views[4] = self->dispersion_view;
  views[5] = self->field_view;
  views[6] = self->field_sim_view;
  views[7] = self->energy_view;
  views[8] = self->coarsening_view;
  views[9] = self->structure_view;
  memcpy (self->views, views, sizeof views);
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
    }

  sp_window_init_focus (self);
  sp_param_panel_set_params (self->panel, self->params);
  sp_window_recompute (self);
  sp_window_show_preset_name (self);
  sp_window_apply_presentation (self);
  self->folded = -1;
  /* The flap can fold in an allocation of its own, after the window's. */
  g_signal_connect_object (self->flap, "notify::folded",
                           G_CALLBACK (sp_window_queue_reflow), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->params, "changed",
                           G_CALLBACK (sp_window_recompute), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->params, "notify::preset",
                           G_CALLBACK (sp_window_show_preset_name), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->params, "notify::presentation",
                           G_CALLBACK (sp_window_apply_presentation), self, G_CONNECT_SWAPPED);

  for (guint i = 0; i < N_VIEWS; i++)
    if (sp_figure_kind_has_composition (sp_plot_view_get_kind (self->views[i])))
      g_signal_connect_object (self->views[i], "cursor-moved",
                               G_CALLBACK (cursor_moved_cb), self, G_CONNECT_SWAPPED);

  sp_sim_bar_set_params (self->sim_bar, self->params);
  g_signal_connect_object (self->sim_bar, "frame-changed",
                           G_CALLBACK (frame_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->sim_bar, "notify::running",
                           G_CALLBACK (sim_running_cb), self, G_CONNECT_SWAPPED);
  /* The play button asked win.play's state before the simulation bar was
   * set: it showed (and told screen readers) "not pressed" while running. */
  sim_running_cb (self);

  /* The Export menu: sp-window-export.c. */
  sp_window_export_init (self);
  /* Recording the live simulation: sp-window-recording.c. */
  sp_window_recording_init (self);
  /* Open, Save, the title and unsaved changes: sp-window-document.c. */
  sp_window_document_init (self);
  /* Light, dark or the system's style: the primary menu's Style. */
  sp_window_style_init (self, self->settings);
  /* Every documented key, from any focus position. */
  sp_window_shortcuts_init (self, self->primary_menu_button);
}
