/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sp-impedance-panel.c — the Impedance page's flap panel
 */

#include "config.h"

#include <math.h>

#include <glib/gi18n.h>

#include "sp-eis-data-view.h"
#include "sp-impedance-panel.h"
#include "sp-lesson-runner.h"
#include "sp-param-panel.h"
#include "sp-readout.h"

struct _SpImpedancePanel
{
  AdwBin            parent_instance;

  SpImpedancePage  *page;          /* weak: the window holds both */
  SpSliderRow      *rows[SP_EIS_CERAMIC_N_PARAMS];
  gboolean          showing_preset;

  /* Template children. */
  GtkWidget            *explore_page;
  AdwComboRow          *preset_row;
  GtkLabel             *illustrative_label;
  GtkLabel             *source_label;
  AdwPreferencesGroup  *temperature_group;
  AdwPreferencesGroup  *bulk_group;
  AdwPreferencesGroup  *gb_group;
  AdwPreferencesGroup  *electrode_group;
  AdwPreferencesGroup  *geometry_group;
  AdwBin               *data_bin;
};

G_DEFINE_FINAL_TYPE (SpImpedancePanel, sp_impedance_panel, ADW_TYPE_BIN)

/* Where each slider goes, its decimals and what it does. */
typedef struct
{
  SpEisCeramicParam param;
  guint             digits;
  const char       *tooltip;   /* N_() markup */
} RowInfo;

static const RowInfo temperature_rows[] = {
  { SP_EIS_CERAMIC_TEMPERATURE, 2,
    N_("Moves R<sub>b</sub> and R<sub>gb</sub> by their activation energies: "
       "R(T) = R<sub>ref</sub> (T/T<sub>ref</sub>) exp[(E<sub>a</sub>/k<sub>B</sub>)(1/T − 1/T<sub>ref</sub>)].") },
  { SP_EIS_CERAMIC_EA_B, 2,
    N_("Activation energy of σ<sub>bulk</sub>T = A exp(−E<sub>a</sub>/k<sub>B</sub>T).") },
  { SP_EIS_CERAMIC_EA_GB, 2,
    N_("Activation energy of σ<sub>gb</sub>T: usually above the bulk's, so the grain "
       "boundaries dominate at low temperature.") },
};
static const RowInfo bulk_rows[] = {
  { SP_EIS_CERAMIC_RB, 2,
    N_("Resistance of the grains at T<sub>ref</sub>: the diameter of the high-frequency arc.") },
  { SP_EIS_CERAMIC_QB, 2,
    N_("Constant-phase element of the grains: with R<sub>b</sub> it sets the arc's apex "
       "frequency f = 1/(2π(R<sub>b</sub>Q<sub>b</sub>)<sup>1/α</sup>).") },
  { SP_EIS_CERAMIC_ALPHA_B, 2,
    N_("1 is an ideal capacitor and a semicircle; smaller values depress the arc.") },
};
static const RowInfo gb_rows[] = {
  { SP_EIS_CERAMIC_RGB, 2,
    N_("Resistance of the grain boundaries at T<sub>ref</sub>: the diameter of the middle arc.") },
  { SP_EIS_CERAMIC_QGB, 2,
    N_("Constant-phase element of the thin grain-boundary layers: larger than the bulk's, "
       "so their arc lies at lower frequency.") },
  { SP_EIS_CERAMIC_ALPHA_GB, 2,
    N_("1 is a semicircle; smaller values depress the grain-boundary arc.") },
};
static const RowInfo electrode_rows[] = {
  { SP_EIS_CERAMIC_QEL, 2,
    N_("The ion-blocking electrode's double layer: the spike at low frequency.") },
  { SP_EIS_CERAMIC_ALPHA_EL, 2,
    N_("1: a vertical spike; smaller values tilt it (a rough electrode).") },
};
static const RowInfo geometry_rows[] = {
  { SP_EIS_CERAMIC_THICKNESS, 3, N_("Thickness of the pellet: σ = t/(R·A).") },
  { SP_EIS_CERAMIC_AREA, 2, N_("Area of the electrodes: σ = t/(R·A).") },
  { SP_EIS_CERAMIC_R0, 2,
    N_("Resistance of the leads and contacts in series: shifts the spectrum along Z′.") },
};

SpSliderRow *
sp_impedance_panel_get_row (SpImpedancePanel  *self,
                            SpEisCeramicParam  param)
{
  g_return_val_if_fail (SP_IS_IMPEDANCE_PANEL (self), NULL);
  g_return_val_if_fail (param < SP_EIS_CERAMIC_N_PARAMS, NULL);
  return self->rows[param];
}

AdwComboRow *
sp_impedance_panel_get_preset_row (SpImpedancePanel *self)
{
  g_return_val_if_fail (SP_IS_IMPEDANCE_PANEL (self), NULL);
  return self->preset_row;
}

/* T in K, and °C beside it (the unit line); T_ref under the group. */
static void
show_temperature (SpImpedancePanel *self)
{
  const SpImpedanceExplore *explore;
  g_autofree char *celsius = NULL;
  g_autofree char *unit = NULL;
  g_autofree char *t_ref = NULL;
  g_autofree char *description = NULL;

  if (self->page == NULL)
    return;
  explore = sp_impedance_page_get_explore (self->page);
  celsius = sp_readout_fixed (explore->model.values[SP_EIS_CERAMIC_TEMPERATURE] - 273.15, 1);
  /* Translators: the temperature slider's unit line, e.g. "K (25.0 °C)". */
  unit = g_strdup_printf (_("K (%s °C)"), celsius);
  g_object_set (self->rows[SP_EIS_CERAMIC_TEMPERATURE], "unit", unit, NULL);
  t_ref = sp_readout_fixed (explore->model.reference_temperature_k, 2);
  description = g_strdup_printf (_("R_b and R_gb below are given at T_ref = %s K"), t_ref);
  adw_preferences_group_set_description (self->temperature_group, description);
}

/* The preset's name in the drop-down, its source under it. */
static void
show_preset (SpImpedancePanel *self)
{
  const char *id = self->page != NULL ? sp_impedance_page_get_preset (self->page) : NULL;
  const SpEisCeramicPreset *preset = id != NULL ? sp_eis_ceramic_find_preset (id) : NULL;

  gtk_widget_set_visible (GTK_WIDGET (self->illustrative_label),
                          preset != NULL && preset->illustrative);
  gtk_label_set_label (self->source_label, preset != NULL ? _(preset->source) : "");
  if (preset == NULL)
    return;
  for (guint i = 0; i < sp_eis_ceramic_get_n_presets (); i++)
    if (sp_eis_ceramic_get_preset (i) == preset)
      {
        self->showing_preset = TRUE;
        adw_combo_row_set_selected (self->preset_row, i);
        self->showing_preset = FALSE;
      }
}

static void
preset_selected_cb (SpImpedancePanel *self)
{
  guint selected = adw_combo_row_get_selected (self->preset_row);

  if (self->showing_preset || self->page == NULL || selected >= sp_eis_ceramic_get_n_presets ())
    return;
  sp_impedance_page_apply_preset (self->page, sp_eis_ceramic_get_preset (selected)->id);
}

static void
show_mode (SpImpedancePanel *self)
{
  if (self->page == NULL)
    return;
  gboolean data = sp_impedance_page_get_mode (self->page) == SP_IMPEDANCE_MODE_DATA;

  gtk_widget_set_visible (self->explore_page, !data);
  gtk_widget_set_visible (GTK_WIDGET (self->data_bin), data);
}

/* As wide as the phase-separation lab's panel (wider in presentation
 * mode), so the flap folds at the same window width in either lab. */
static void
show_presentation (SpImpedancePanel *self)
{
  gboolean presentation = self->page != NULL &&
                          sp_lab_page_get_presentation (SP_LAB_PAGE (self->page));

  gtk_widget_set_size_request (GTK_WIDGET (self),
                               presentation ? SP_PARAM_PANEL_WIDTH_PRESENTATION
                                            : SP_PARAM_PANEL_WIDTH,
                               -1);
}

static void
add_rows (SpImpedancePanel    *self,
          AdwPreferencesGroup *group,
          const RowInfo       *rows,
          guint                n)
{
  for (guint i = 0; i < n; i++)
    {
      const SpEisCeramicRange *range = sp_eis_ceramic_get_range (rows[i].param);
      SpSliderRow *row = g_object_new (SP_TYPE_SLIDER_ROW,
                                       "title", _(range->label),
                                       "unit", range->unit,
                                       "digits", rows[i].digits,
                                       "logarithmic", range->log_scale,
                                       "tooltip-markup", _(rows[i].tooltip),
                                       NULL);

      sp_slider_row_bind_adjustment (row, sp_impedance_page_get_adjustment (self->page,
                                                                            rows[i].param));
      adw_preferences_group_add (group, GTK_WIDGET (row));
      self->rows[rows[i].param] = row;
      /* A lesson's name for it (sp-lesson-runner.h): the state's path. */
      {
        g_autofree char *key = g_strconcat ("impedance.explore.", range->id, NULL);
        sp_lesson_control_set_key (GTK_WIDGET (row), key);
      }
    }
}

GtkWidget *
sp_impedance_panel_new (SpImpedancePage *page)
{
  SpImpedancePanel *self;
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);

  g_return_val_if_fail (SP_IS_IMPEDANCE_PAGE (page), NULL);

  self = g_object_new (SP_TYPE_IMPEDANCE_PANEL, NULL);
  g_set_weak_pointer (&self->page, page);

  for (guint i = 0; i < sp_eis_ceramic_get_n_presets (); i++)
    gtk_string_list_append (names, _(sp_eis_ceramic_get_preset (i)->name));
  adw_combo_row_set_model (self->preset_row, G_LIST_MODEL (names));

  add_rows (self, self->temperature_group, temperature_rows, G_N_ELEMENTS (temperature_rows));
  add_rows (self, self->bulk_group, bulk_rows, G_N_ELEMENTS (bulk_rows));
  add_rows (self, self->gb_group, gb_rows, G_N_ELEMENTS (gb_rows));
  add_rows (self, self->electrode_group, electrode_rows, G_N_ELEMENTS (electrode_rows));
  add_rows (self, self->geometry_group, geometry_rows, G_N_ELEMENTS (geometry_rows));

  /* Data mode's controls: the files, the circuit, fit, Lin-KK, DRT and
   * Arrhenius, on the page's workbench. */
  adw_bin_set_child (self->data_bin, sp_eis_data_view_new (sp_impedance_page_get_workbench (page)));

  show_preset (self);
  show_temperature (self);
  show_mode (self);
  show_presentation (self);
  g_signal_connect_object (page, "notify::presentation", G_CALLBACK (show_presentation), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->preset_row, "notify::selected",
                           G_CALLBACK (preset_selected_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (page, "notify::preset", G_CALLBACK (show_preset), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (page, "notify::mode", G_CALLBACK (show_mode), self,
                           G_CONNECT_SWAPPED);
  /* Every model change (a slider, a preset, a session). */
  g_signal_connect_object (page, "state-changed", G_CALLBACK (show_temperature), self,
                           G_CONNECT_SWAPPED);
  return GTK_WIDGET (self);
}

static void
sp_impedance_panel_dispose (GObject *object)
{
  SpImpedancePanel *self = SP_IMPEDANCE_PANEL (object);

  g_clear_weak_pointer (&self->page);
  /* The bin lets go of its child first: the template would unparent it
   * behind the bin's back. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (object), SP_TYPE_IMPEDANCE_PANEL);
  G_OBJECT_CLASS (sp_impedance_panel_parent_class)->dispose (object);
}

static void
sp_impedance_panel_class_init (SpImpedancePanelClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = sp_impedance_panel_dispose;
  /* Narrow beside the figures, as SpParamPanel (init drops AdwBin's
   * layout manager so that these two size the panel). */
  widget_class->measure = sp_param_panel_bin_measure;
  widget_class->size_allocate = sp_param_panel_bin_size_allocate;

  g_type_ensure (SP_TYPE_SLIDER_ROW);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/spinodal/Spinodal/sp-impedance-panel.ui");
#define BIND(name) gtk_widget_class_bind_template_child (widget_class, SpImpedancePanel, name)
  BIND (explore_page);
  BIND (preset_row);
  BIND (illustrative_label);
  BIND (source_label);
  BIND (temperature_group);
  BIND (bulk_group);
  BIND (gb_group);
  BIND (electrode_group);
  BIND (geometry_group);
  BIND (data_bin);
#undef BIND
}

static void
sp_impedance_panel_init (SpImpedancePanel *self)
{
  gtk_widget_set_layout_manager (GTK_WIDGET (self), NULL);
  gtk_widget_init_template (GTK_WIDGET (self));
}
