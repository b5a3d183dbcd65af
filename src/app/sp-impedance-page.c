/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sp-impedance-page.c — the Ion Transport lab's Impedance page
 *
 * Layout (relayout(), from the area's width as the other pages: 3, 2 or 1
 * columns by sp_window_layout_columns()):
 *   Explore, 3 columns: Nyquist over two of them (its axes are equal, so
 *   it wants the width), Bode in the third; 2: side by side; 1: stacked.
 *   The read-outs follow under the figures, stacked when narrow.
 *   Data, 3 columns (and not presenting): Nyquist over two rows, Bode and
 *   residuals, DRT and Arrhenius beside it; else two columns (Nyquist
 *   beside Bode, residuals beside DRT, Arrhenius) or one, scrolling below
 *   a card height that keeps ticks and legends readable on a projector.
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n.h>

#include "sp-impedance-page.h"
#include "sp-impedance-panel.h"
#include "sp-session.h"
#include "sp-window-layout.h"

/* Two columns of read-outs need this much; below, they stack. */
#define READOUTS_WIDE_WIDTH 900
/* A card in a scrolling layout: shorter squeezes the ticks. */
#define MIN_CARD_HEIGHT 250

enum { NYQUIST, BODE, RESIDUALS, DRT, ARRHENIUS, N_VIEWS };

struct _SpImpedancePage
{
  SpLabPage            parent_instance;

  SpImpedanceExplore   explore;
  GtkAdjustment       *adjustments[SP_EIS_CERAMIC_N_PARAMS];
  char                *preset;           /* applied last; NULL: none */
  SpImpedanceMode      mode;
  gboolean             applying;         /* a preset or a file sets every value */
  double               cursor_hz;
  guint                layout_key;       /* as last placed; 0 before */
  /* Data mode: the spectra and their fit, Lin-KK, DRT and Arrhenius
   * (the panel's SpEisDataView drives it), and what its figures draw,
   * empty until spectra are loaded. */
  SpEisWorkbench      *workbench;
  SpEisFigureData      data_figure;

  /* Template children. */
  GtkWidget           *mode_bar;
  GtkToggleButton     *explore_button;
  GtkToggleButton     *data_button;
  GtkGrid             *figure_grid;
  SpPlotView          *nyquist_view;
  SpPlotView          *bode_view;
  SpPlotView          *residuals_view;
  SpPlotView          *drt_view;
  SpPlotView          *arrhenius_view;
  SpImpedanceReadouts *readouts;
};

G_DEFINE_FINAL_TYPE (SpImpedancePage, sp_impedance_page, SP_TYPE_LAB_PAGE)

enum {
  PROP_0,
  PROP_MODE,
  PROP_PRESET,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
views (SpImpedancePage  *self,
       SpPlotView      **out)
{
  out[NYQUIST] = self->nyquist_view;
  out[BODE] = self->bode_view;
  out[RESIDUALS] = self->residuals_view;
  out[DRT] = self->drt_view;
  out[ARRHENIUS] = self->arrhenius_view;
}

/* Layout ------------------------------------------------------------------ */

static void
place (GtkGrid    *grid,
       SpPlotView *view,
       int         column,
       int         row,
       int         width,
       int         height,
       int         min_height)
{
  GtkLayoutManager *manager = gtk_widget_get_layout_manager (GTK_WIDGET (grid));
  GtkGridLayoutChild *child =
    GTK_GRID_LAYOUT_CHILD (gtk_layout_manager_get_layout_child (manager, GTK_WIDGET (view)));

  gtk_widget_set_visible (GTK_WIDGET (view), TRUE);
  gtk_grid_layout_child_set_column (child, column);
  gtk_grid_layout_child_set_row (child, row);
  gtk_grid_layout_child_set_column_span (child, width);
  gtk_grid_layout_child_set_row_span (child, height);
  gtk_widget_set_size_request (GTK_WIDGET (view), -1, min_height);
}

/* The layout as one number: mode, columns, presentation, narrow read-outs. */
static guint
layout_key (SpImpedancePage *self)
{
  int width, height;

  sp_lab_page_get_area (SP_LAB_PAGE (self), &width, &height);
  return 0x100 | (guint) self->mode << 6 | sp_window_layout_columns (width) << 2
         | (guint) sp_lab_page_get_presentation (SP_LAB_PAGE (self)) << 1
         | (guint) (width < READOUTS_WIDE_WIDTH);
}

static void
sp_impedance_page_relayout (SpLabPage *page)
{
  SpImpedancePage *self = SP_IMPEDANCE_PAGE (page);
  guint key = layout_key (self);
  guint columns = (key >> 2) & 0xf;
  gboolean presentation = (key >> 1) & 1;
  SpPlotView *v[N_VIEWS];

  if (key == self->layout_key)
    return;
  self->layout_key = key;
  views (self, v);
  sp_impedance_readouts_set_narrow (self->readouts, key & 1);
  gtk_widget_set_visible (GTK_WIDGET (self->readouts), self->mode == SP_IMPEDANCE_MODE_EXPLORE);

  if (self->mode == SP_IMPEDANCE_MODE_EXPLORE)
    {
      for (guint i = RESIDUALS; i < N_VIEWS; i++)
        gtk_widget_set_visible (GTK_WIDGET (v[i]), FALSE);
      if (columns >= 3)
        {
          place (self->figure_grid, v[NYQUIST], 0, 0, 2, 1, -1);
          place (self->figure_grid, v[BODE], 2, 0, 1, 1, -1);
        }
      else if (columns == 2)
        {
          /* Two figures in one row share the height left by the
           * read-outs: no scrolling on a projector. */
          place (self->figure_grid, v[NYQUIST], 0, 0, 1, 1, -1);
          place (self->figure_grid, v[BODE], 1, 0, 1, 1, -1);
        }
      else
        {
          place (self->figure_grid, v[NYQUIST], 0, 0, 1, 1, MIN_CARD_HEIGHT);
          place (self->figure_grid, v[BODE], 0, 1, 1, 1, MIN_CARD_HEIGHT);
        }
      return;
    }

  if (columns >= 3 && !presentation)
    {
      place (self->figure_grid, v[NYQUIST], 0, 0, 1, 2, -1);
      place (self->figure_grid, v[BODE], 1, 0, 1, 1, -1);
      place (self->figure_grid, v[RESIDUALS], 1, 1, 1, 1, -1);
      place (self->figure_grid, v[DRT], 2, 0, 1, 1, -1);
      place (self->figure_grid, v[ARRHENIUS], 2, 1, 1, 1, -1);
    }
  else
    {
      /* Two columns on a projector too: five figures in three columns
       * of 1280 px are too small to read from the back of a room. */
      guint c = MIN (columns, 2);

      for (guint i = 0; i < N_VIEWS; i++)
        place (self->figure_grid, v[i], i % c, i / c, 1, 1, MIN_CARD_HEIGHT);
    }
}

/* Explore mode ------------------------------------------------------------ */

static void
show_figures (SpImpedancePage *self)
{
  const SpEisFigureData *data = self->mode == SP_IMPEDANCE_MODE_EXPLORE
                                ? &self->explore.figure : &self->data_figure;
  SpPlotView *v[N_VIEWS];

  views (self, v);
  /* Both plots in this main-loop turn: they are drawn in the same frame. */
  for (guint i = 0; i < N_VIEWS; i++)
    sp_plot_view_set_eis_data (v[i], data);
}

/* Any slider: the model from the adjustments, the spectrum, the figures
 * and the read-outs, at once. */
static void
recompute (SpImpedancePage *self)
{
  g_autoptr(GError) error = NULL;

  if (self->applying)
    return;
  for (guint p = 0; p < SP_EIS_CERAMIC_N_PARAMS; p++)
    self->explore.model.values[p] = gtk_adjustment_get_value (self->adjustments[p]);
  /* The adjustments keep every value in its range: this cannot fail. */
  if (!sp_impedance_explore_update (&self->explore, &error))
    {
      g_warning ("impedance explore model: %s", error->message);
      return;
    }
  sp_impedance_readouts_set (self->readouts, &self->explore.readout);
  show_figures (self);
  sp_lab_page_state_changed (SP_LAB_PAGE (self));
}

static void
set_values (SpImpedancePage    *self,
            const SpEisCeramic *model)
{
  self->applying = TRUE;
  for (guint p = 0; p < SP_EIS_CERAMIC_N_PARAMS; p++)
    gtk_adjustment_set_value (self->adjustments[p], model->values[p]);
  self->explore.model.reference_temperature_k = model->reference_temperature_k;
  self->applying = FALSE;
  recompute (self);
}

static void
set_preset (SpImpedancePage *self,
            const char      *id)
{
  if (g_strcmp0 (self->preset, id) == 0)
    return;
  g_free (self->preset);
  self->preset = g_strdup (id);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PRESET]);
}

gboolean
sp_impedance_page_apply_preset (SpImpedancePage *self,
                                const char      *id)
{
  const SpEisCeramicPreset *preset;

  g_return_val_if_fail (SP_IS_IMPEDANCE_PAGE (self), FALSE);
  g_return_val_if_fail (id != NULL, FALSE);

  preset = sp_eis_ceramic_find_preset (id);
  if (preset == NULL)
    return FALSE;
  set_preset (self, preset->id);
  set_values (self, &preset->model);
  return TRUE;
}

const char *
sp_impedance_page_get_preset (SpImpedancePage *self)
{
  g_return_val_if_fail (SP_IS_IMPEDANCE_PAGE (self), NULL);
  return self->preset;
}

GtkAdjustment *
sp_impedance_page_get_adjustment (SpImpedancePage   *self,
                                  SpEisCeramicParam  param)
{
  g_return_val_if_fail (SP_IS_IMPEDANCE_PAGE (self), NULL);
  g_return_val_if_fail (param < SP_EIS_CERAMIC_N_PARAMS, NULL);
  return self->adjustments[param];
}

const SpImpedanceExplore *
sp_impedance_page_get_explore (SpImpedancePage *self)
{
  g_return_val_if_fail (SP_IS_IMPEDANCE_PAGE (self), NULL);
  return &self->explore;
}

SpPlotView *
sp_impedance_page_get_figure (SpImpedancePage *self,
                              SpFigureKind     kind)
{
  SpPlotView *v[N_VIEWS];

  g_return_val_if_fail (SP_IS_IMPEDANCE_PAGE (self), NULL);

  views (self, v);
  for (guint i = 0; i < N_VIEWS; i++)
    if (sp_plot_view_get_kind (v[i]) == kind)
      return v[i];
  return NULL;
}

SpImpedanceReadouts *
sp_impedance_page_get_readouts (SpImpedancePage *self)
{
  g_return_val_if_fail (SP_IS_IMPEDANCE_PAGE (self), NULL);
  return self->readouts;
}

/* Mode -------------------------------------------------------------------- */

SpImpedanceMode
sp_impedance_page_get_mode (SpImpedancePage *self)
{
  g_return_val_if_fail (SP_IS_IMPEDANCE_PAGE (self), SP_IMPEDANCE_MODE_EXPLORE);
  return self->mode;
}

void
sp_impedance_page_set_mode (SpImpedancePage *self,
                            SpImpedanceMode  mode)
{
  g_return_if_fail (SP_IS_IMPEDANCE_PAGE (self));
  g_return_if_fail (mode == SP_IMPEDANCE_MODE_EXPLORE || mode == SP_IMPEDANCE_MODE_DATA);

  if (self->mode == mode)
    return;
  self->mode = mode;
  gtk_toggle_button_set_active (mode == SP_IMPEDANCE_MODE_EXPLORE ? self->explore_button
                                                                  : self->data_button, TRUE);
  show_figures (self);
  sp_lab_page_queue_relayout (SP_LAB_PAGE (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODE]);
  sp_lab_page_state_changed (SP_LAB_PAGE (self));
}

static void
mode_toggled_cb (SpImpedancePage *self)
{
  sp_impedance_page_set_mode (self, gtk_toggle_button_get_active (self->data_button)
                                    ? SP_IMPEDANCE_MODE_DATA : SP_IMPEDANCE_MODE_EXPLORE);
}

/* Data mode --------------------------------------------------------------- */

/* New spectra or results: the figures redraw from the workbench's values
 * (borrowed until its next "changed", when this refills them). */
static void
workbench_changed_cb (SpImpedancePage *self)
{
  memset (&self->data_figure, 0, sizeof self->data_figure);
  sp_eis_workbench_fill_figure_data (self->workbench, &self->data_figure);
  if (self->mode == SP_IMPEDANCE_MODE_DATA)
    show_figures (self);
  sp_lab_page_state_changed (SP_LAB_PAGE (self));
}

/* A file that could not be read: one toast naming it, nothing else. */
static void
workbench_error_cb (SpImpedancePage *self,
                    const char      *message)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);
  AdwToast *toast;

  if (overlay == NULL)
    {
      g_message ("%s", message);
      return;
    }
  toast = adw_toast_new (message);
  adw_toast_set_timeout (toast, 0);   /* a message about a file stays until read */
  adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
}

SpEisWorkbench *
sp_impedance_page_get_workbench (SpImpedancePage *self)
{
  g_return_val_if_fail (SP_IS_IMPEDANCE_PAGE (self), NULL);
  return self->workbench;
}

/* The linked cursor by frequency ------------------------------------------ */

void
sp_impedance_page_set_cursor_frequency (SpImpedancePage *self,
                                        double           freq_hz)
{
  SpPlotView *v[N_VIEWS];

  g_return_if_fail (SP_IS_IMPEDANCE_PAGE (self));

  self->cursor_hz = freq_hz;
  views (self, v);
  for (guint i = 0; i < N_VIEWS; i++)
    sp_plot_view_set_cursor_frequency (v[i], freq_hz);
}

double
sp_impedance_page_get_cursor_frequency (SpImpedancePage *self)
{
  g_return_val_if_fail (SP_IS_IMPEDANCE_PAGE (self), NAN);
  return self->cursor_hz;
}

static void
frequency_moved_cb (SpImpedancePage *self,
                    double           freq_hz)
{
  sp_impedance_page_set_cursor_frequency (self, freq_hz);
}

/* Session state ------------------------------------------------------------ */

static const char *
mode_id (SpImpedanceMode mode)
{
  return mode == SP_IMPEDANCE_MODE_DATA ? "data" : "explore";
}

static JsonObject *
sp_impedance_page_save_state (SpLabPage *page)
{
  SpImpedancePage *self = SP_IMPEDANCE_PAGE (page);
  JsonObject *state = json_object_new ();
  JsonObject *explore = json_object_new ();

  json_object_set_string_member (state, "mode", mode_id (self->mode));
  if (self->preset != NULL)
    json_object_set_string_member (state, "preset", self->preset);
  else
    json_object_set_null_member (state, "preset");
  for (guint p = 0; p < SP_EIS_CERAMIC_N_PARAMS; p++)
    json_object_set_double_member (explore, sp_eis_ceramic_get_range (p)->id,
                                   self->explore.model.values[p]);
  json_object_set_double_member (explore, "reference_temperature_k",
                                 self->explore.model.reference_temperature_k);
  json_object_set_object_member (state, "explore", explore);
  json_object_set_object_member (state, "data", sp_eis_workbench_save_state (self->workbench));
  return state;
}

static gboolean
invalid (GError    **error,
         const char *page,
         const char *field,
         const char *problem)
{
  g_set_error (error, SP_SESSION_ERROR, SP_SESSION_ERROR_INVALID,
               "session.pages.%s.%s: %s", page, field, problem);
  return FALSE;
}

/* @value of @node when it is a number (JSON has no NaN). */
static gboolean
get_number (JsonNode *node,
            double   *value)
{
  if (!JSON_NODE_HOLDS_VALUE (node) ||
      (json_node_get_value_type (node) != G_TYPE_DOUBLE &&
       json_node_get_value_type (node) != G_TYPE_INT64))
    return FALSE;
  *value = json_node_get_double (node);
  return isfinite (*value);
}

static gboolean
check_explore (const char  *page,
               JsonObject  *explore,
               GError     **error)
{
  for (guint p = 0; p < SP_EIS_CERAMIC_N_PARAMS; p++)
    {
      const SpEisCeramicRange *range = sp_eis_ceramic_get_range (p);
      JsonNode *node = json_object_get_member (explore, range->id);
      g_autofree char *field = g_strconcat ("explore.", range->id, NULL);
      double value;

      if (node == NULL)
        continue;   /* missing: the default, as the session's own fields */
      if (!get_number (node, &value))
        return invalid (error, page, field, _("must be a number"));
      if (value < range->min || value > range->max)
        {
          g_autofree char *problem =
            g_strdup_printf (_("%g %s is outside its range %g … %g"), value, range->unit,
                             range->min, range->max);

          return invalid (error, page, field, problem);
        }
    }
  {
    JsonNode *node = json_object_get_member (explore, "reference_temperature_k");
    double value;

    if (node != NULL && (!get_number (node, &value) || !(value > 0.0)))
      return invalid (error, page, "explore.reference_temperature_k",
                      _("must be a temperature above 0 K"));
  }
  return TRUE;
}

static gboolean
sp_impedance_page_check_state (SpLabPage   *page,
                               JsonObject  *state,
                               GError     **error)
{
  const char *name = sp_lab_page_get_page_name (page);
  JsonNode *node;

  node = json_object_get_member (state, "mode");
  if (node != NULL &&
      (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING ||
       (g_strcmp0 (json_node_get_string (node), "explore") != 0 &&
        g_strcmp0 (json_node_get_string (node), "data") != 0)))
    return invalid (error, name, "mode", _("must be “explore” or “data”"));

  node = json_object_get_member (state, "preset");
  if (node != NULL && !JSON_NODE_HOLDS_NULL (node) &&
      (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING ||
       sp_eis_ceramic_find_preset (json_node_get_string (node)) == NULL))
    {
      g_autoptr(GString) ids = g_string_new (NULL);
      g_autofree char *problem = NULL;

      for (guint i = 0; i < sp_eis_ceramic_get_n_presets (); i++)
        g_string_append_printf (ids, "%s%s", i > 0 ? ", " : "", sp_eis_ceramic_get_preset (i)->id);
      problem = g_strdup_printf (_("no such preset; the presets are %s"), ids->str);
      return invalid (error, name, "preset", problem);
    }

  node = json_object_get_member (state, "explore");
  if (node != NULL)
    {
      if (!JSON_NODE_HOLDS_OBJECT (node))
        return invalid (error, name, "explore", _("must be an object"));
      if (!check_explore (name, json_node_get_object (node), error))
        return FALSE;
    }

  node = json_object_get_member (state, "data");
  if (node != NULL)
    {
      g_autoptr(GError) data_error = NULL;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        return invalid (error, name, "data", _("must be an object"));
      /* The workbench names the field inside "data". */
      if (!sp_eis_workbench_check_state (SP_IMPEDANCE_PAGE (page)->workbench,
                                         json_node_get_object (node), &data_error))
        {
          g_autofree char *field = g_strconcat ("data.", data_error->message, NULL);
          g_set_error (error, SP_SESSION_ERROR, SP_SESSION_ERROR_INVALID,
                       "session.pages.%s.%s", name, field);
          return FALSE;
        }
    }
  return TRUE;
}

static void
sp_impedance_page_load_state (SpLabPage  *page,
                              JsonObject *state)
{
  SpImpedancePage *self = SP_IMPEDANCE_PAGE (page);
  JsonNode *explore_node = json_object_get_member (state, "explore");
  JsonObject *explore = explore_node != NULL ? json_node_get_object (explore_node) : NULL;
  JsonNode *preset = json_object_get_member (state, "preset");
  JsonNode *data = json_object_get_member (state, "data");
  SpEisCeramic model;

  sp_eis_ceramic_init_default (&model);
  for (guint p = 0; explore != NULL && p < SP_EIS_CERAMIC_N_PARAMS; p++)
    model.values[p] = json_object_get_double_member_with_default (explore,
                                                                  sp_eis_ceramic_get_range (p)->id,
                                                                  model.values[p]);
  if (explore != NULL)
    model.reference_temperature_k =
      json_object_get_double_member_with_default (explore, "reference_temperature_k",
                                                  model.reference_temperature_k);
  set_preset (self, preset != NULL && JSON_NODE_HOLDS_VALUE (preset)
                    ? json_node_get_string (preset) : NULL);
  set_values (self, &model);
  if (data != NULL)
    {
      g_autoptr(GError) error = NULL;

      /* check_state() accepted it: this cannot fail. */
      if (!sp_eis_workbench_load_state (self->workbench, json_node_get_object (data), &error))
        g_warning ("impedance data mode: %s", error->message);
    }
  sp_impedance_page_set_mode (self,
                              g_strcmp0 (json_object_get_string_member_with_default (state, "mode",
                                                                                     "explore"),
                                         "data") == 0
                              ? SP_IMPEDANCE_MODE_DATA : SP_IMPEDANCE_MODE_EXPLORE);
}

/* The panel ---------------------------------------------------------------- */

static GtkWidget *
sp_impedance_page_create_panel (SpLabPage *page)
{
  return sp_impedance_panel_new (SP_IMPEDANCE_PAGE (page));
}

/* GObject ------------------------------------------------------------------ */

static void
sp_impedance_page_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  SpImpedancePage *self = SP_IMPEDANCE_PAGE (object);

  switch (prop_id)
    {
    case PROP_MODE:
      g_value_set_int (value, self->mode);
      break;
    case PROP_PRESET:
      g_value_set_string (value, self->preset);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sp_impedance_page_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  SpImpedancePage *self = SP_IMPEDANCE_PAGE (object);

  switch (prop_id)
    {
    case PROP_MODE:
      sp_impedance_page_set_mode (self, g_value_get_int (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sp_impedance_page_dispose (GObject *object)
{
  SpImpedancePage *self = SP_IMPEDANCE_PAGE (object);
  SpPlotView *v[N_VIEWS];

  /* The figures may outlive the page's data by a snapshot. */
  views (self, v);
  for (guint i = 0; i < N_VIEWS; i++)
    if (v[i] != NULL)
      sp_plot_view_set_eis_data (v[i], NULL);
  if (self->workbench != NULL)
    g_signal_handlers_disconnect_by_data (self->workbench, self);
  g_clear_object (&self->workbench);
  /* SpLabPage disposes the template. */
  G_OBJECT_CLASS (sp_impedance_page_parent_class)->dispose (object);
}

static void
sp_impedance_page_finalize (GObject *object)
{
  SpImpedancePage *self = SP_IMPEDANCE_PAGE (object);

  for (guint p = 0; p < SP_EIS_CERAMIC_N_PARAMS; p++)
    g_clear_object (&self->adjustments[p]);
  sp_impedance_explore_clear (&self->explore);
  g_free (self->preset);
  G_OBJECT_CLASS (sp_impedance_page_parent_class)->finalize (object);
}

static void
sp_impedance_page_class_init (SpImpedancePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  SpLabPageClass *page_class = SP_LAB_PAGE_CLASS (klass);

  object_class->get_property = sp_impedance_page_get_property;
  object_class->set_property = sp_impedance_page_set_property;
  object_class->dispose = sp_impedance_page_dispose;
  object_class->finalize = sp_impedance_page_finalize;
  page_class->relayout = sp_impedance_page_relayout;
  page_class->create_panel = sp_impedance_page_create_panel;
  page_class->save_state = sp_impedance_page_save_state;
  page_class->check_state = sp_impedance_page_check_state;
  page_class->load_state = sp_impedance_page_load_state;

  /* An SpImpedanceMode. */
  properties[PROP_MODE] =
    g_param_spec_int ("mode", NULL, NULL, SP_IMPEDANCE_MODE_EXPLORE, SP_IMPEDANCE_MODE_DATA,
                      SP_IMPEDANCE_MODE_EXPLORE,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* The ceramic preset applied last, or NULL. */
  properties[PROP_PRESET] =
    g_param_spec_string ("preset", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (SP_TYPE_PLOT_VIEW);
  g_type_ensure (SP_TYPE_IMPEDANCE_READOUTS);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/spinodal/Spinodal/sp-impedance-page.ui");
#define BIND(name) gtk_widget_class_bind_template_child (widget_class, SpImpedancePage, name)
  BIND (mode_bar);
  BIND (explore_button);
  BIND (data_button);
  BIND (figure_grid);
  BIND (nyquist_view);
  BIND (bode_view);
  BIND (residuals_view);
  BIND (drt_view);
  BIND (arrhenius_view);
  BIND (readouts);
#undef BIND
}

static void
sp_impedance_page_init (SpImpedancePage *self)
{
  SpLabPage *page = SP_LAB_PAGE (self);
  SpPlotView *v[N_VIEWS];

  self->cursor_hz = NAN;
  sp_impedance_explore_init (&self->explore);
  gtk_widget_init_template (GTK_WIDGET (self));

  for (guint p = 0; p < SP_EIS_CERAMIC_N_PARAMS; p++)
    {
      const SpEisCeramicRange *range = sp_eis_ceramic_get_range (p);

      self->adjustments[p] = g_object_ref_sink (gtk_adjustment_new (range->default_value,
                                                                    range->min, range->max,
                                                                    0.0, 0.0, 0.0));
      g_signal_connect_object (self->adjustments[p], "value-changed",
                               G_CALLBACK (recompute), self, G_CONNECT_SWAPPED);
    }

  /* Export's order: what explore mode shows first. */
  views (self, v);
  for (guint i = 0; i < N_VIEWS; i++)
    {
      sp_lab_page_add_figure (page, v[i]);
      g_signal_connect_object (v[i], "frequency-moved",
                               G_CALLBACK (frequency_moved_cb), self, G_CONNECT_SWAPPED);
    }
  g_signal_connect_object (self->data_button, "toggled",
                           G_CALLBACK (mode_toggled_cb), self, G_CONNECT_SWAPPED);

  /* The first preset: a real material's magnitudes rather than the
   * ranges' defaults. */
  sp_impedance_page_apply_preset (self, sp_eis_ceramic_get_preset (0)->id);
  self->workbench = sp_eis_workbench_new ();
  g_signal_connect_object (self->workbench, "changed",
                           G_CALLBACK (workbench_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->workbench, "error",
                           G_CALLBACK (workbench_error_cb), self, G_CONNECT_SWAPPED);
}
