/* sp-param-panel.c — the parameter panel: preset, sliders, read-outs
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>

#include <glib/gi18n.h>

#include "sp-drive-group.h"
#include "sp-i18n.h"
#include "sp-readout.h"
#include "sp-presets.h"
#include "sp-slider-row.h"

#include "sp-lesson-runner.h"
#include "sp-param-panel.h"

struct _SpParamPanel
{
  AdwBin        parent_instance;

  SpParams     *params;
  GPtrArray    *presets;      /* SpPreset, in the resource's order */
  gboolean      syncing;      /* the combo follows SpParams:preset */
  char         *ranged_preset; /* the preset the T slider's range was set for */
  gboolean      ranged;        /* … and whether it has been set at all */

  AdwComboRow  *preset_row;
  GtkLabel     *illustrative_label;
  SpSliderRow  *omega_row;
  SpSliderRow  *temperature_row;
  SpSliderRow  *s1_row;
  SpSliderRow  *stiffness_row;
  SpSliderRow  *kappa_row;
  SpSliderRow  *c0_row;
  SpSliderRow  *d0_row;
  SpSliderRow  *v0_row;
  SpSliderRow  *l1_row;
  SpSliderRow  *l2_row;
  SpSliderRow  *l3_row;
  SpSliderRow  *l4_row;
  SpSliderRow  *length_row;
  AdwComboRow  *mobility_row;
  AdwComboRow  *accuracy_row;
  AdwComboRow  *grid_row;
  AdwExpanderRow *more_row;
  SpDriveGroup *drive_group;
  GtkLabel     *omega_eff_label;
  AdwActionRow *omega_eff_row;
  AdwActionRow *critical_row;
  GtkLabel     *critical_label;
  AdwActionRow *region_row;
  GtkLabel     *region_label;
  GtkLabel     *gap_label;
  /* What a lesson's open question hides (sp_param_panel_set_concealed()),
   * and the analysis on show, to show again at the reveal. */
  guint         concealed;
  gboolean      conceal_all;
  SpAnalysis   *analysis;
};

G_DEFINE_FINAL_TYPE (SpParamPanel, sp_param_panel, ADW_TYPE_BIN)

/* Preset ----------------------------------------------------------------- */

static void
sp_param_panel_show_preset (SpParamPanel *self)
{
  const char *id = sp_params_get_preset (self->params);

  for (guint i = 0; self->presets != NULL && i < self->presets->len; i++)
    {
      const SpPreset *preset = g_ptr_array_index (self->presets, i);

      if (g_strcmp0 (preset->id, id) != 0)
        continue;
      self->syncing = TRUE;
      adw_combo_row_set_selected (self->preset_row, i);
      self->syncing = FALSE;
      gtk_widget_set_visible (GTK_WIDGET (self->illustrative_label), preset->illustrative);
      {
        /* Translators: a preset's tooltip: its description, then where its
         * numbers come from. */
        g_autofree char *tooltip = g_strdup_printf (_("%s\n\nSource: %s"),
                                                    preset->description, preset->source);

        gtk_widget_set_tooltip_text (GTK_WIDGET (self->preset_row), tooltip);
      }
      return;
    }
}

static void
preset_row_selected_cb (SpParamPanel *self)
{
  guint selected = adw_combo_row_get_selected (self->preset_row);
  const SpPreset *preset;
  g_autoptr(GError) error = NULL;

  if (self->syncing || self->params == NULL || self->presets == NULL ||
      selected >= self->presets->len)
    return;

  preset = g_ptr_array_index (self->presets, selected);
  if (!sp_params_load_preset (self->params, preset->id, &error))
    g_warning ("Could not load preset %s: %s", preset->id, error->message);
}

/* Combo rows ↔ SpParams -------------------------------------------------- */

static gboolean
grid_to_index (GBinding     *binding,
               const GValue *from,
               GValue       *to,
               gpointer      user_data)
{
  guint n = g_value_get_uint (from);

  for (guint i = 0; i < SP_PARAMS_N_GRID_SIZES; i++)
    if (sp_params_grid_sizes[i] == n)
      {
        g_value_set_uint (to, i);
        return TRUE;
      }
  return FALSE;
}

static gboolean
index_to_grid (GBinding     *binding,
               const GValue *from,
               GValue       *to,
               gpointer      user_data)
{
  guint i = g_value_get_uint (from);

  if (i >= SP_PARAMS_N_GRID_SIZES)
    return FALSE;
  g_value_set_uint (to, sp_params_grid_sizes[i]);
  return TRUE;
}

static gboolean
mobility_to_index (GBinding     *binding,
                   const GValue *from,
                   GValue       *to,
                   gpointer      user_data)
{
  g_value_set_uint (to, g_value_get_enum (from) == SP_MOBILITY_CONSTANT ? 1 : 0);
  return TRUE;
}

static gboolean
index_to_mobility (GBinding     *binding,
                   const GValue *from,
                   GValue       *to,
                   gpointer      user_data)
{
  guint i = g_value_get_uint (from);

  if (i > 1)
    return FALSE;
  g_value_set_enum (to, i == 1 ? SP_MOBILITY_CONSTANT : SP_MOBILITY_SITE_BLOCKING);
  return TRUE;
}

/* Precise / Fast: the engine's two step tolerances (0 is its default,
 * Precise).  Any other value (set by a test or a future session) shows as
 * Fast from SP_CH_TOLERANCE_FAST up, else as Precise. */
static gboolean
tolerance_to_index (GBinding     *binding,
                    const GValue *from,
                    GValue       *to,
                    gpointer      user_data)
{
  g_value_set_uint (to, g_value_get_double (from) >= SP_CH_TOLERANCE_FAST ? 1 : 0);
  return TRUE;
}

static gboolean
index_to_tolerance (GBinding     *binding,
                    const GValue *from,
                    GValue       *to,
                    gpointer      user_data)
{
  guint i = g_value_get_uint (from);

  if (i > 1)
    return FALSE;
  g_value_set_double (to, i == 1 ? SP_CH_TOLERANCE_FAST : 0.0);
  return TRUE;
}

GtkWidget *
sp_param_panel_new (void)
{
  return g_object_new (SP_TYPE_PARAM_PANEL, NULL);
}

void
sp_param_panel_set_params (SpParamPanel *self,
                           SpParams     *params)
{
  /* The property each slider shows, and the session key a lesson locks
   * and highlights it by (sp-lesson-runner.h). */
  const struct {
    SpSliderRow *row;
    const char  *property;
    const char  *key;
  } sliders[] = {
    { self->omega_row, "omega", "omega" },
    { self->temperature_row, "temperature", "temperature" },
    { self->s1_row, "s1", "s1" },
    { self->stiffness_row, "stiffness", "stiffness" },
    { self->kappa_row, "kappa", "kappa" },
    { self->c0_row, "c0", "c0" },
    { self->d0_row, "d0", "d0" },
    { self->v0_row, "v0", "v0" },
    { self->l1_row, "l1", "rk" },
    { self->l2_row, "l2", "rk" },
    { self->l3_row, "l3", "rk" },
    { self->l4_row, "l4", "rk" },
    { self->length_row, "domain-length", "length" },
  };

  g_return_if_fail (SP_IS_PARAM_PANEL (self));
  g_return_if_fail (SP_IS_PARAMS (params));
  g_return_if_fail (self->params == NULL);

  self->params = g_object_ref (params);
  for (guint i = 0; i < G_N_ELEMENTS (sliders); i++)
    {
      sp_slider_row_bind (sliders[i].row, params, sliders[i].property);
      sp_lesson_control_set_key (GTK_WIDGET (sliders[i].row), sliders[i].key);
    }
  sp_drive_group_set_params (self->drive_group, params);
  sp_lesson_control_set_key (GTK_WIDGET (self->grid_row), "grid");
  sp_lesson_control_set_key (GTK_WIDGET (self->mobility_row), "mobility");
  sp_lesson_control_set_key (GTK_WIDGET (self->accuracy_row), "tolerance");

  g_object_bind_property_full (params, "grid-size", self->grid_row, "selected",
                               G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE,
                               grid_to_index, index_to_grid, NULL, NULL);
  g_object_bind_property_full (params, "mobility", self->mobility_row, "selected",
                               G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE,
                               mobility_to_index, index_to_mobility, NULL, NULL);
  g_object_bind_property_full (params, "tolerance", self->accuracy_row, "selected",
                               G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE,
                               tolerance_to_index, index_to_tolerance, NULL, NULL);

  g_signal_connect_object (params, "notify::preset", G_CALLBACK (sp_param_panel_show_preset),
                           self, G_CONNECT_SWAPPED);
  sp_param_panel_show_preset (self);
}

/* The T slider's range follows the material ------------------------------ */

/* Above T_c nothing changes but the entropy: the T slider spans the
 * allowed minimum to 1.5 T_c (a round 50 K), so a material's working
 * temperatures get most of the trough (LiFePO₄'s 298 → 420 K is a third of
 * it rather than 7 px).  Set when the material changes, not on every Ω or
 * K: the knob must not slide away under a moving T_c. */
#define T_RANGE_FACTOR 1.5
#define T_RANGE_ROUND  50.0

static void
sp_param_panel_update_temperature_range (SpParamPanel *self,
                                         SpAnalysis   *analysis)
{
  const char *preset = sp_params_get_preset (self->params);
  double min, max, hi = NAN;

  if (self->ranged && g_strcmp0 (preset, self->ranged_preset) == 0)
    return;
  self->ranged = TRUE;
  g_free (self->ranged_preset);
  self->ranged_preset = g_strdup (preset);

  sp_params_get_range (self->params, "temperature", &min, &max);
  if (analysis->has_critical && isfinite (analysis->t_c))
    hi = ceil (T_RANGE_FACTOR * analysis->t_c / T_RANGE_ROUND) * T_RANGE_ROUND;
  if (!(hi >= min + 2 * T_RANGE_ROUND))
    hi = NAN;   /* T_c too low for a narrower range to help */
  sp_slider_row_set_focus_range (self->temperature_row, min, hi);
}

/* Read-outs -------------------------------------------------------------- */

/* Every critical temperature; the subtitle says which way the highest one
 * goes (a lower critical point, s1 < −2, opens the gap above it). */
static void
sp_param_panel_show_critical (SpParamPanel     *self,
                              const SpAnalysis *analysis)
{
  const SpPhaseDiagram *pd = analysis->phase;
  g_autoptr(GString) temps = g_string_new (NULL);
  const char *subtitle;

  if (pd->n_critical == 0)
    {
      gtk_label_set_label (self->critical_label, _("None"));
      /* Without a critical point, whether g has a gap cannot change with T. */
      adw_action_row_set_subtitle (ADW_ACTION_ROW (self->critical_row),
                                   analysis->eq.n_spinodals > 0
                                   ? _("The gap stays open at every temperature")
                                   : _("No phase separation at any temperature"));
      return;
    }

  for (guint i = 0; i < pd->n_critical; i++)
    {
      g_autofree char *t = sp_readout_fixed (pd->critical[i].temperature, 0);
      g_autofree char *kelvin = sp_readout_quantity (t, "K");

      /* Translators: the separator between two critical temperatures. */
      g_string_append_printf (temps, "%s%s", i > 0 ? _(", ") : "", kelvin);
    }
  gtk_label_set_label (self->critical_label, temps->str);

  if (pd->n_critical > 1)
    subtitle = _("Each dome of the phase diagram closes or opens at one of these");
  else if (analysis->critical_kind == SP_CRITICAL_LOWER)
    subtitle = _("A lower critical point: phases separate only above it");
  else
    subtitle = _("Above it, one solid solution at every composition");
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->critical_row), subtitle);
}

/* The lever rule read-out (PHYSICS.md): inside a gap, c0 splits at
 * equilibrium into the two coexisting phases in proportions
 * (c_β − c0)/(c_β − c_α) and (c0 − c_α)/(c_β − c_α).  Appended to the
 * region row's explanation. */
char *
sp_param_panel_lever_text (const SpAnalysis *analysis)
{
  const SpGap *gap = sp_equilibrium_find_gap (&analysis->eq, analysis->model.c0);
  double f_alpha, f_beta;
  g_autofree char *c0 = NULL, *pa = NULL, *pb = NULL, *ca = NULL, *cb = NULL;

  if (gap == NULL)
    return NULL;
  sp_gap_lever_fractions (gap, analysis->model.c0, &f_alpha, &f_beta);
  c0 = sp_readout_composition (analysis->model.c0, 1.0 - analysis->model.c0);
  pa = sp_readout_fixed (100.0 * f_alpha, 0);
  pb = sp_readout_fixed (100.0 * f_beta, 0);
  ca = sp_readout_composition (gap->c_alpha, gap->one_minus_c_alpha);
  cb = sp_readout_composition (gap->c_beta, gap->one_minus_c_beta);
  /* Translators: the lever rule: c₀ = 0.400 splits into 38 % α (c = 0.090)
   * + 62 % β (c = 0.910); the arguments are c₀, the α percentage, c_α, the
   * β percentage and c_β (use %5$s-style positions to reorder). */
  return g_strdup_printf (_("c₀ = %s splits into %s %% α (c = %s) + %s %% β (c = %s)"),
                          c0, pa, ca, pb, cb);
}

static void
sp_param_panel_show_lever (SpParamPanel     *self,
                           const SpAnalysis *analysis)
{
  g_autofree char *lever = sp_param_panel_lever_text (analysis);
  g_autofree char *text = NULL;

  if (lever == NULL)
    return;
  text = g_strdup_printf ("%s\n%s", adw_action_row_get_subtitle (self->region_row), lever);
  adw_action_row_set_subtitle (self->region_row, text);
}

void
sp_param_panel_set_presentation (SpParamPanel *self,
                                 gboolean      presentation)
{
  g_return_if_fail (SP_IS_PARAM_PANEL (self));

  gtk_widget_set_size_request (GTK_WIDGET (self),
                               presentation ? SP_PARAM_PANEL_WIDTH_PRESENTATION
                                            : SP_PARAM_PANEL_WIDTH,
                               -1);
}

/* A read-out a lesson's open question hides: "?", and a name saying so. */
static void
conceal_label (GtkLabel *label,
               gboolean  hidden)
{
  if (hidden)
    {
      gtk_label_set_label (label, "?");
      gtk_accessible_update_property (GTK_ACCESSIBLE (label), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      _("Hidden until the lesson’s question is checked"), -1);
    }
  else
    gtk_accessible_reset_property (GTK_ACCESSIBLE (label), GTK_ACCESSIBLE_PROPERTY_LABEL);
}

static void
sp_param_panel_show_concealment (SpParamPanel *self)
{
  gboolean binodal = self->concealed & (1u << SP_LESSON_QUANTITY_BINODAL_LOW |
                                        1u << SP_LESSON_QUANTITY_BINODAL_HIGH);

  conceal_label (self->omega_eff_label, self->conceal_all);
  conceal_label (self->region_label, self->conceal_all);
  conceal_label (self->critical_label, self->conceal_all ||
                 self->concealed & 1u << SP_LESSON_QUANTITY_CRITICAL_TEMPERATURE);
  conceal_label (self->gap_label, self->conceal_all || binodal);
  /* The explanations under them say as much as the numbers. */
  if (self->conceal_all)
    {
      adw_action_row_set_subtitle (self->critical_row, "");
      adw_action_row_set_subtitle (self->region_row, "");
    }
}

void
sp_param_panel_set_concealed (SpParamPanel *self,
                              guint         quantities,
                              gboolean      all)
{
  g_return_if_fail (SP_IS_PARAM_PANEL (self));

  if (self->concealed == quantities && self->conceal_all == !!all)
    return;
  self->concealed = quantities;
  self->conceal_all = !!all;
  if (self->analysis != NULL)
    sp_param_panel_set_analysis (self, self->analysis);
}

void
sp_param_panel_set_analysis (SpParamPanel *self,
                             SpAnalysis   *analysis)
{
  const SpEquilibrium *eq = &analysis->eq;
  g_autoptr(GString) gaps = g_string_new (NULL);
  g_autofree char *omega = NULL;

  g_return_if_fail (SP_IS_PARAM_PANEL (self));
  g_return_if_fail (analysis != NULL);

  if (self->analysis != analysis)
    {
      g_clear_pointer (&self->analysis, sp_analysis_unref);
      self->analysis = sp_analysis_ref (analysis);
    }
  if (self->params != NULL)
    sp_param_panel_update_temperature_range (self, analysis);

  omega = sp_readout_fixed (analysis->omega_over_kt, 2);
  gtk_label_set_label (self->omega_eff_label, omega);
  /* PHYSICS.md: no gap when Ω_eff − K ≤ 2 k_BT, so strain raises the
   * threshold for this read-out from 2 to 2 + K/k_BT.  That threshold holds
   * for the symmetric model only: with Redlich–Kister terms the read-out
   * says instead whether g is non-convex somewhere at this T. */
  if (!sp_model_is_symmetric (&analysis->model))
    adw_action_row_set_subtitle (self->omega_eff_row,
                                 eq->n_spinodals > 0
                                 ? _("With L₁…L₄, g is non-convex at this T: phases separate")
                                 : _("With L₁…L₄, g is convex at this T: one solid solution"));
  else
    {
      double k_over_kt = analysis->model.stiffness / sp_model_kt (&analysis->model);

      if (fabs (k_over_kt) < 0.005)
        adw_action_row_set_subtitle (self->omega_eff_row,
                                     _("Phases separate above 2"));
      else
        {
          g_autofree char *bar = sp_readout_fixed (2.0 + k_over_kt, 2);
          /* Translators: %s is a number such as 3.69; K is the strain stiffness. */
          g_autofree char *text = g_strdup_printf (_("Phases separate above %s "
                                                     "(2 + K/k<sub>B</sub>T)"), bar);

          adw_action_row_set_subtitle (self->omega_eff_row, text);
        }
    }

  sp_param_panel_show_critical (self, analysis);

  gtk_label_set_label (self->region_label, sp_i18n_region_label (analysis->c0_region));
  switch (analysis->c0_region)
    {
    case SP_REGION_UNSTABLE:
      adw_action_row_set_subtitle (self->region_row,
                                   _("Inside the spinodal: it separates at once, with no barrier"));
      break;
    case SP_REGION_METASTABLE:
      adw_action_row_set_subtitle (self->region_row,
                                   _("In the gap, outside the spinodal: it needs nucleation"));
      break;
    case SP_REGION_STABLE:
    default:
      adw_action_row_set_subtitle (self->region_row,
                                   _("Outside every gap: a single solid solution"));
      break;
    }
  /* The lever rule names the binodal compositions. */
  if (!(self->concealed & (1u << SP_LESSON_QUANTITY_BINODAL_LOW | 1u << SP_LESSON_QUANTITY_BINODAL_HIGH)))
    sp_param_panel_show_lever (self, analysis);

  for (guint i = 0; i < eq->n_gaps; i++)
    {
      const SpGap *gap = &eq->gaps[i];
      g_autofree char *range = sp_readout_range (gap->c_alpha, gap->u_alpha,
                                                gap->c_beta, gap->u_beta);

      g_string_append_printf (gaps, "%s%s", i > 0 ? "\n" : "", range);
    }
  gtk_label_set_label (self->gap_label, eq->n_gaps > 0 ? gaps->str : _("None"));
  sp_param_panel_show_concealment (self);
}

/* GObject ---------------------------------------------------------------- */

static void
sp_param_panel_load_presets (SpParamPanel *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);

  self->presets = sp_presets_load_all (&error);
  if (self->presets == NULL)
    {
      g_warning ("Could not load the material presets: %s", error->message);
      return;
    }
  for (guint i = 0; i < self->presets->len; i++)
    gtk_string_list_append (names, ((SpPreset *) g_ptr_array_index (self->presets, i))->name);

  self->syncing = TRUE;
  adw_combo_row_set_model (self->preset_row, G_LIST_MODEL (names));
  self->syncing = FALSE;
}

static void
sp_param_panel_dispose (GObject *object)
{
  SpParamPanel *self = SP_PARAM_PANEL (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), SP_TYPE_PARAM_PANEL);
  g_clear_object (&self->params);

  G_OBJECT_CLASS (sp_param_panel_parent_class)->dispose (object);
}

static void
sp_param_panel_finalize (GObject *object)
{
  SpParamPanel *self = SP_PARAM_PANEL (object);

  g_clear_pointer (&self->presets, g_ptr_array_unref);
  g_clear_pointer (&self->ranged_preset, g_free);
  g_clear_pointer (&self->analysis, sp_analysis_unref);

  G_OBJECT_CLASS (sp_param_panel_parent_class)->finalize (object);
}

/* AdwPreferencesPage asks for the width of its clamp (600 px); the panel
 * beside the figures wants only what its rows need.  (AdwBin's layout
 * manager is dropped in init so that these two vfuncs size the page.)
 * SpImpedancePanel sizes itself with the same two. */
void
sp_param_panel_bin_measure (GtkWidget      *widget,
                            GtkOrientation  orientation,
                            int             for_size,
                            int            *minimum,
                            int            *natural,
                            int            *minimum_baseline,
                            int            *natural_baseline)
{
  GtkWidget *child = adw_bin_get_child (ADW_BIN (widget));

  *minimum = *natural = 0;
  if (child == NULL)
    return;
  gtk_widget_measure (child, orientation, for_size, minimum, natural,
                      minimum_baseline, natural_baseline);
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    *natural = MAX (*minimum, SP_PARAM_PANEL_WIDTH);
}

void
sp_param_panel_bin_size_allocate (GtkWidget *widget,
                                  int        width,
                                  int        height,
                                  int        baseline)
{
  GtkWidget *child = adw_bin_get_child (ADW_BIN (widget));

  if (child != NULL)
    gtk_widget_allocate (child, width, height, baseline, NULL);
}

static void
sp_param_panel_class_init (SpParamPanelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sp_param_panel_dispose;
  object_class->finalize = sp_param_panel_finalize;
  widget_class->measure = sp_param_panel_bin_measure;
  widget_class->size_allocate = sp_param_panel_bin_size_allocate;

  g_type_ensure (SP_TYPE_SLIDER_ROW);
  g_type_ensure (SP_TYPE_DRIVE_GROUP);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/spinodal/Spinodal/sp-param-panel.ui");
#define BIND(name) gtk_widget_class_bind_template_child (widget_class, SpParamPanel, name)
  BIND (preset_row);
  BIND (illustrative_label);
  BIND (omega_row);
  BIND (temperature_row);
  BIND (s1_row);
  BIND (stiffness_row);
  BIND (kappa_row);
  BIND (c0_row);
  BIND (d0_row);
  BIND (v0_row);
  BIND (l1_row);
  BIND (l2_row);
  BIND (l3_row);
  BIND (l4_row);
  BIND (length_row);
  BIND (mobility_row);
  BIND (accuracy_row);
  BIND (grid_row);
  BIND (more_row);
  BIND (drive_group);
  BIND (omega_eff_label);
  BIND (omega_eff_row);
  BIND (critical_row);
  BIND (critical_label);
  BIND (region_row);
  BIND (region_label);
  BIND (gap_label);
#undef BIND
  gtk_widget_class_bind_template_callback (widget_class, preset_row_selected_cb);
}

static void
sp_param_panel_init (SpParamPanel *self)
{
  gtk_widget_set_layout_manager (GTK_WIDGET (self), NULL);
  gtk_widget_init_template (GTK_WIDGET (self));
  sp_param_panel_set_presentation (self, FALSE);
  sp_param_panel_load_presets (self);
}
