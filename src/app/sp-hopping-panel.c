/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sp-hopping-panel.c — the Hopping page's flap panel
 */

#include "config.h"

#include <math.h>

#include <glib/gi18n.h>

#include "sp-hopping-import.h"
#include "sp-hopping-panel.h"
#include "sp-hopping-params.h"
#include "sp-hopping-readouts.h"
#include "sp-hopping-series.h"
#include "sp-lesson-runner.h"
#include "sp-param-panel.h"
#include "sp-readout.h"

struct _SpHoppingPanel
{
  AdwBin               parent_instance;

  SpHoppingPage       *page;            /* weak: the window holds both */
  SpSliderRow         *rows[SP_HOPPING_N_PARAMS];
  SpSliderRow         *layer_row;
  SpSliderRow         *speed_row;
  GtkSpinButton       *seed_spin;
  AdwComboRow         *preset_row;
  AdwComboRow         *blocking_row;
  GtkLabel            *illustrative_label;
  GtkLabel            *source_label;
  AdwActionRow        *window_rows[2];  /* the fit window, in Live and in Data mode */
  AdwEntryRow         *window_entries[2]; /* the window typed, "t0 – t1" in ps */
  GtkWidget           *live_page;       /* the live groups */
  GtkWidget           *data_view;       /* SpHoppingImport */
  SpHoppingSeries     *series;          /* in the data view's page */
  gboolean             showing;         /* the panel shows the page's values */
};

G_DEFINE_FINAL_TYPE (SpHoppingPanel, sp_hopping_panel, ADW_TYPE_BIN)

typedef struct
{
  SpHoppingParam param;
  const char    *tooltip;   /* N_() markup */
} RowInfo;

static const RowInfo carrier_rows[] = {
  { SP_HOPPING_CARRIER_FRACTION,
    N_("Carriers per open site.  Few carriers hop independently (D* = Γa²); near c = 1 a "
       "carrier moves only when a vacancy passes, and its hops are correlated (Haven ratio).") },
  { SP_HOPPING_BARRIER,
    N_("Migration barrier of hops in the x–y plane: Γ = ν exp(−E<sub>a</sub>/k<sub>B</sub>T).") },
  { SP_HOPPING_BARRIER_Z,
    N_("Barrier of hops along z.  Lower than the in-plane barrier: fast channels along z, "
       "as in Li<sub>10</sub>GeP<sub>2</sub>S<sub>12</sub> (D<sub>zz</sub> ≫ D<sub>xx</sub>).") },
  { SP_HOPPING_ATTEMPT,
    N_("How often a carrier tries to hop: about a lattice vibration's frequency, 10<sup>12</sup>–10<sup>13</sup> Hz.") },
  { SP_HOPPING_TEMPERATURE,
    N_("Temperature: every hop rate has its Boltzmann factor exp(−E<sub>a</sub>/k<sub>B</sub>T).") },
};
static const RowInfo blocking_rows[] = {
  { SP_HOPPING_BLOCKED_FRACTION,
    N_("Fraction of sites no carrier may enter (Al<sup>3+</sup> on Li sites of a garnet).  "
       "Past p = 1 − p<sub>c</sub> ≈ 0.69 (random) the open sites no longer span the lattice "
       "and D drops to zero.") },
  { SP_HOPPING_DISORDER,
    N_("Width of the Gaussian spread of site energies: deep sites trap carriers and raise "
       "the effective barrier (ordered against disordered argyrodites).") },
};
static const RowInfo lattice_rows[] = {
  { SP_HOPPING_SPACING, N_("The hop length a: D = Γa² in the dilute limit.") },
  { SP_HOPPING_SIZE,
    N_("Sites along each edge of the periodic cube.  Larger lattices give smoother averages "
       "and less finite-size error.") },
};

SpHoppingSeries *
sp_hopping_panel_get_series (SpHoppingPanel *self)
{
  g_return_val_if_fail (SP_IS_HOPPING_PANEL (self), NULL);
  return self->series;
}

SpSliderRow *
sp_hopping_panel_get_row (SpHoppingPanel *self,
                          SpHoppingParam  param)
{
  g_return_val_if_fail (SP_IS_HOPPING_PANEL (self), NULL);
  g_return_val_if_fail (param < SP_HOPPING_N_PARAMS, NULL);
  return self->rows[param];
}

GtkSpinButton *
sp_hopping_panel_get_seed_spin (SpHoppingPanel *self)
{
  g_return_val_if_fail (SP_IS_HOPPING_PANEL (self), NULL);
  return self->seed_spin;
}

AdwComboRow *
sp_hopping_panel_get_preset_row (SpHoppingPanel *self)
{
  g_return_val_if_fail (SP_IS_HOPPING_PANEL (self), NULL);
  return self->preset_row;
}

AdwComboRow *
sp_hopping_panel_get_blocking_row (SpHoppingPanel *self)
{
  g_return_val_if_fail (SP_IS_HOPPING_PANEL (self), NULL);
  return self->blocking_row;
}

AdwEntryRow *
sp_hopping_panel_get_window_entry (SpHoppingPanel *self,
                                   guint           index)
{
  g_return_val_if_fail (SP_IS_HOPPING_PANEL (self), NULL);
  g_return_val_if_fail (index < G_N_ELEMENTS (self->window_entries), NULL);
  return self->window_entries[index];
}

const char *
sp_hopping_panel_get_window_text (SpHoppingPanel *self)
{
  g_return_val_if_fail (SP_IS_HOPPING_PANEL (self), NULL);
  return adw_action_row_get_subtitle (self->window_rows[0]);
}

/* The preset in the drop-down and its source under it; the blocking. */
static void
show_preset (SpHoppingPanel *self)
{
  const char *id = self->page != NULL ? sp_hopping_page_get_preset (self->page) : NULL;
  const SpHoppingPreset *preset = sp_hopping_find_preset (id);

  gtk_widget_set_visible (GTK_WIDGET (self->illustrative_label),
                          preset != NULL && preset->illustrative);
  /* Translators: the source line when the sliders no longer hold a preset. */
  gtk_label_set_label (self->source_label, preset != NULL ? _(preset->source)
                                                          : _("Your own values."));
  self->showing = TRUE;
  for (guint i = 0; preset != NULL && i < sp_hopping_get_n_presets (); i++)
    if (sp_hopping_get_preset (i) == preset)
      adw_combo_row_set_selected (self->preset_row, i);
  if (preset == NULL)
    adw_combo_row_set_selected (self->preset_row, sp_hopping_get_n_presets ());
  self->showing = FALSE;
}

static void
show_blocking (SpHoppingPanel *self)
{
  if (self->page == NULL)
    return;
  self->showing = TRUE;
  adw_combo_row_set_selected (self->blocking_row, sp_hopping_page_get_blocking (self->page));
  self->showing = FALSE;
}

static void
preset_selected_cb (SpHoppingPanel *self)
{
  guint selected = adw_combo_row_get_selected (self->preset_row);

  if (self->showing || self->page == NULL || selected >= sp_hopping_get_n_presets ())
    return;
  sp_hopping_page_apply_preset (self->page, sp_hopping_get_preset (selected)->id);
}

static void
blocking_selected_cb (SpHoppingPanel *self)
{
  guint selected = adw_combo_row_get_selected (self->blocking_row);

  if (self->showing || self->page == NULL || selected > SP_HOPPING_BLOCKING_CLUSTERED)
    return;
  sp_hopping_page_set_blocking (self->page, selected);
}

/* T in K with °C on the unit line; the fit window. */
static void
show_values (SpHoppingPanel *self)
{
  double t0, t1;
  gboolean automatic;
  g_autofree char *celsius = NULL;
  g_autofree char *unit = NULL;
  g_autofree char *window = NULL;

  if (self->page == NULL)
    return;
  celsius = sp_readout_fixed (gtk_adjustment_get_value (sp_hopping_page_get_adjustment (self->page,
                                                                                       SP_HOPPING_TEMPERATURE))
                              - 273.15, 1);
  /* Translators: the temperature slider's unit line, e.g. "K (25.0 °C)". */
  unit = g_strdup_printf (_("K (%s °C)"), celsius);
  g_object_set (self->rows[SP_HOPPING_TEMPERATURE], "unit", unit, NULL);

  sp_hop_workbench_get_window (sp_hopping_page_get_workbench (self->page), &t0, &t1, &automatic);
  if (isfinite (t0) && isfinite (t1))
    {
      g_autofree char *a = sp_hopping_readouts_format_pm (t0, NAN, NULL);
      g_autofree char *b = sp_hopping_readouts_format_pm (t1, NAN, "ps");

      window = automatic
               /* Translators: the MSD fit window, e.g. "12.5 – 870 ps, suggested". */
               ? g_strdup_printf (_("%s – %s, suggested where the MSD is a straight line"), a, b)
               /* Translators: the MSD fit window set by dragging on the plot. */
               : g_strdup_printf (_("%s – %s, set by hand"), a, b);
    }
  else
    window = g_strdup (_("No MSD yet"));
  for (guint i = 0; i < G_N_ELEMENTS (self->window_rows); i++)
    {
      adw_action_row_set_subtitle (self->window_rows[i], window);
      /* The numbers in the entry too, unless they are being typed. */
      if (self->window_entries[i] != NULL &&
          !gtk_widget_has_focus (GTK_WIDGET (self->window_entries[i])) &&
          !gtk_widget_has_css_class (GTK_WIDGET (self->window_entries[i]), "error"))
        {
          g_autofree char *text = isfinite (t0) && isfinite (t1)
                                  ? g_strdup_printf ("%.4g – %.4g", t0, t1) : g_strdup ("");

          gtk_editable_set_text (GTK_EDITABLE (self->window_entries[i]), text);
        }
    }
}

/* "t0 – t1", "t0, t1" or "t0 t1" in ps: both positive, t0 < t1. */
gboolean
sp_hopping_parse_window (const char *text,
                         double     *t0_ps,
                         double     *t1_ps)
{
  g_autofree char *copy = g_strdup (text);
  g_auto(GStrv) parts = NULL;
  double v[2];
  guint n = 0;

  /* Dashes and commas are separators; an en dash is three bytes. */
  copy = g_strdelimit (copy, ",;", ' ');
  {
    g_autoptr(GString) s = g_string_new (copy);

    g_string_replace (s, "–", " ", 0);
    g_string_replace (s, "—", " ", 0);
    g_free (copy);
    copy = g_string_free (g_steal_pointer (&s), FALSE);
  }
  parts = g_strsplit_set (copy, " \t", -1);
  for (guint i = 0; parts[i] != NULL; i++)
    {
      char *end = NULL;

      if (*parts[i] == '\0')
        continue;
      if (n == 2)
        return FALSE;
      v[n] = g_ascii_strtod (parts[i], &end);
      if (*end != '\0' || !isfinite (v[n]))
        return FALSE;
      n++;
    }
  if (n != 2 || !(v[0] > 0) || !(v[1] > v[0]))
    return FALSE;
  *t0_ps = v[0];
  *t1_ps = v[1];
  return TRUE;
}

static void
window_entry_apply_cb (AdwEntryRow    *entry,
                       SpHoppingPanel *self)
{
  double t0, t1;

  if (self->page == NULL)
    return;
  if (!sp_hopping_parse_window (gtk_editable_get_text (GTK_EDITABLE (entry)), &t0, &t1))
    {
      gtk_widget_add_css_class (GTK_WIDGET (entry), "error");
      gtk_widget_set_tooltip_text (GTK_WIDGET (entry),
                                   _("Two times in ps, the first above 0 and below the second, "
                                     "e.g. “2 – 150”"));
      gtk_widget_error_bell (GTK_WIDGET (entry));
      return;
    }
  gtk_widget_remove_css_class (GTK_WIDGET (entry), "error");
  gtk_widget_set_tooltip_text (GTK_WIDGET (entry), NULL);
  sp_hopping_page_set_window (self->page, t0, t1);
}

static void
window_entry_changed_cb (AdwEntryRow *entry)
{
  gtk_widget_remove_css_class (GTK_WIDGET (entry), "error");
}

static void
show_mode (SpHoppingPanel *self)
{
  gboolean data;

  if (self->page == NULL)
    return;
  data = sp_hopping_page_get_mode (self->page) == SP_HOPPING_MODE_DATA;
  gtk_widget_set_visible (self->live_page, !data);
  gtk_widget_set_visible (self->data_view, data);
}

static void
show_presentation (SpHoppingPanel *self)
{
  gboolean presentation = self->page != NULL &&
                          sp_lab_page_get_presentation (SP_LAB_PAGE (self->page));

  gtk_widget_set_size_request (GTK_WIDGET (self),
                               presentation ? SP_PARAM_PANEL_WIDTH_PRESENTATION
                                            : SP_PARAM_PANEL_WIDTH,
                               -1);
}

static void
suggested_clicked_cb (SpHoppingPanel *self)
{
  if (self->page != NULL)
    sp_hopping_page_set_window (self->page, NAN, NAN);
}

static SpSliderRow *
new_row (const char    *title,
         const char    *unit,
         guint          digits,
         gboolean       logarithmic,
         const char    *tooltip,
         GtkAdjustment *adjustment)
{
  SpSliderRow *row = g_object_new (SP_TYPE_SLIDER_ROW,
                                   "title", title,
                                   "unit", unit,
                                   "digits", digits,
                                   "logarithmic", logarithmic,
                                   "tooltip-markup", tooltip,
                                   NULL);

  sp_slider_row_bind_adjustment (row, adjustment);
  return row;
}

static gboolean
hz_to_thz (GBinding     *binding,
           const GValue *from,
           GValue       *to,
           gpointer      data)
{
  g_value_set_double (to, g_value_get_double (from) * 1e-12);
  return TRUE;
}

static gboolean
thz_to_hz (GBinding     *binding,
           const GValue *from,
           GValue       *to,
           gpointer      data)
{
  g_value_set_double (to, g_value_get_double (from) * 1e12);
  return TRUE;
}

/* ν slides in THz: the entry reads "10" rather than a 14-digit number
 * (the session keeps attempt_hz in Hz). */
static GtkAdjustment *
attempt_in_thz (SpHoppingPanel *self)
{
  GtkAdjustment *hz = sp_hopping_page_get_adjustment (self->page, SP_HOPPING_ATTEMPT);
  GtkAdjustment *thz = gtk_adjustment_new (gtk_adjustment_get_value (hz) * 1e-12,
                                           gtk_adjustment_get_lower (hz) * 1e-12,
                                           gtk_adjustment_get_upper (hz) * 1e-12, 0, 0, 0);

  g_object_bind_property_full (hz, "value", thz, "value",
                               G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE,
                               hz_to_thz, thz_to_hz, NULL, NULL);
  /* The row holds the only reference. */
  g_object_set_data_full (G_OBJECT (self), "attempt-thz", g_object_ref_sink (thz), g_object_unref);
  return thz;
}

static void
add_rows (SpHoppingPanel      *self,
          AdwPreferencesGroup *group,
          const RowInfo       *rows,
          guint                n)
{
  for (guint i = 0; i < n; i++)
    {
      const SpHoppingRange *range = sp_hopping_get_range (rows[i].param);
      gboolean thz = rows[i].param == SP_HOPPING_ATTEMPT;
      SpSliderRow *row = new_row (_(range->label),
                                  thz ? "THz" : *range->unit != '\0' ? _(range->unit) : "",
                                  range->digits, range->log_scale, _(rows[i].tooltip),
                                  thz ? attempt_in_thz (self)
                                      : sp_hopping_page_get_adjustment (self->page, rows[i].param));

      adw_preferences_group_add (group, GTK_WIDGET (row));
      self->rows[rows[i].param] = row;
      /* A lesson's name for it (sp-lesson-runner.h): the page state's key. */
      {
        g_autofree char *key = g_strconcat ("hopping.", range->id, NULL);
        sp_lesson_control_set_key (GTK_WIDGET (row), key);
      }
    }
}

static AdwPreferencesGroup *
add_group (GtkWidget  *page,
           const char *title)
{
  GtkWidget *group = adw_preferences_group_new ();

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), title);
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (group));
  return ADW_PREFERENCES_GROUP (group);
}

/* The preset drop-down, "Illustrative" and the source. */
static void
build_sample_group (SpHoppingPanel      *self,
                    AdwPreferencesGroup *group)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  GtkWidget *source_row;

  for (guint i = 0; i < sp_hopping_get_n_presets (); i++)
    gtk_string_list_append (names, _(sp_hopping_get_preset (i)->name));
  /* Translators: the preset drop-down once a slider moved off the preset. */
  gtk_string_list_append (names, _("Custom"));
  self->preset_row = ADW_COMBO_ROW (adw_combo_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->preset_row), _("_Preset"));
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (self->preset_row), TRUE);
  adw_combo_row_set_model (self->preset_row, G_LIST_MODEL (names));
  adw_preferences_group_add (group, GTK_WIDGET (self->preset_row));

  self->illustrative_label = GTK_LABEL (gtk_label_new (_("Illustrative")));
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->illustrative_label),
                               _("Typical magnitudes of this kind of material, not one measurement"));
  gtk_widget_set_valign (GTK_WIDGET (self->illustrative_label), GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (GTK_WIDGET (self->illustrative_label), "illustrative-tag");
  adw_preferences_group_set_header_suffix (group, GTK_WIDGET (self->illustrative_label));

  self->source_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->source_label, TRUE);
  gtk_label_set_xalign (self->source_label, 0.0);
  gtk_label_set_selectable (self->source_label, TRUE);
  g_object_set (self->source_label, "margin-start", 12, "margin-end", 12, "margin-top", 8,
                "margin-bottom", 8, NULL);
  gtk_widget_add_css_class (GTK_WIDGET (self->source_label), "dim-label");
  gtk_widget_add_css_class (GTK_WIDGET (self->source_label), "caption");
  source_row = adw_preferences_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (source_row), _("Source"));
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (source_row), FALSE);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (source_row), GTK_WIDGET (self->source_label));
  adw_preferences_group_add (group, source_row);
}

static void
build_blocking (SpHoppingPanel      *self,
                AdwPreferencesGroup *group)
{
  g_autoptr(GtkStringList) kinds = gtk_string_list_new (NULL);

  /* Translators: how blocked sites are placed: independently. */
  gtk_string_list_append (kinds, _("Random"));
  /* Translators: how blocked sites are placed: grown into blobs. */
  gtk_string_list_append (kinds, _("Clustered"));
  self->blocking_row = ADW_COMBO_ROW (adw_combo_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->blocking_row), _("_Blocked sites placed"));
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (self->blocking_row), TRUE);
  adw_combo_row_set_model (self->blocking_row, G_LIST_MODEL (kinds));
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->blocking_row),
                               _("At random, or grown into compact clusters, which leave wider "
                                 "open paths at the same blocked fraction"));
  adw_preferences_group_add (group, GTK_WIDGET (self->blocking_row));
}

static void
build_seed (SpHoppingPanel      *self,
            AdwPreferencesGroup *group)
{
  GtkWidget *row = adw_action_row_new ();
  const SpHoppingRange *range = sp_hopping_get_range (SP_HOPPING_SEED);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _(range->label));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row),
                               _("The same seed builds the same lattice and the same hops"));
  self->seed_spin = GTK_SPIN_BUTTON (gtk_spin_button_new (sp_hopping_page_get_adjustment (self->page,
                                                                                        SP_HOPPING_SEED),
                                                         1, 0));
  gtk_spin_button_set_numeric (self->seed_spin, TRUE);
  gtk_widget_set_valign (GTK_WIDGET (self->seed_spin), GTK_ALIGN_CENTER);
  gtk_editable_set_width_chars (GTK_EDITABLE (self->seed_spin), 10);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->seed_spin), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _(range->label), -1);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), GTK_WIDGET (self->seed_spin));
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), GTK_WIDGET (self->seed_spin));
  adw_preferences_group_add (group, row);
}

/* The fit window: what it is, and back to the suggested one. */
static AdwPreferencesGroup *
build_window_group (SpHoppingPanel *self,
                    guint           index)
{
  GtkWidget *group = adw_preferences_group_new ();
  GtkWidget *button = sp_hopping_mnemonic_button (_("_Suggested"));
  AdwActionRow *row = ADW_ACTION_ROW (adw_action_row_new ());

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("MSD Fit Window"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group),
                                         _("Drag on the MSD plot to set it (near a bound moves "
                                           "the bound, elsewhere draws a new window), or type it."));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Window"));
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (button, _("Back to the suggested window: the log–log slope near 1, then the MSD a straight line by its own fit"));
  adw_action_row_add_suffix (row, button);
  g_signal_connect_swapped (button, "clicked", G_CALLBACK (suggested_clicked_cb), self);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (row));
  self->window_rows[index] = row;
  /* Typed, for the keyboard (and for exact numbers). */
  self->window_entries[index] = ADW_ENTRY_ROW (adw_entry_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->window_entries[index]),
                                 _("From – to, ps"));
  adw_entry_row_set_show_apply_button (self->window_entries[index], TRUE);
  g_signal_connect (self->window_entries[index], "apply", G_CALLBACK (window_entry_apply_cb), self);
  g_signal_connect (self->window_entries[index], "changed", G_CALLBACK (window_entry_changed_cb),
                    NULL);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group),
                             GTK_WIDGET (self->window_entries[index]));
  return ADW_PREFERENCES_GROUP (group);
}

GtkWidget *
sp_hopping_panel_new (SpHoppingPage *page)
{
  SpHoppingPanel *self;
  GtkWidget *box, *live;
  AdwPreferencesGroup *group;
  AdwPreferencesPage *data_page;

  g_return_val_if_fail (SP_IS_HOPPING_PAGE (page), NULL);

  self = g_object_new (SP_TYPE_HOPPING_PANEL, NULL);
  g_set_weak_pointer (&self->page, page);

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  live = adw_preferences_page_new ();
  gtk_widget_set_vexpand (live, TRUE);
  self->live_page = live;

  group = add_group (live, _("Material"));
  build_sample_group (self, group);
  group = add_group (live, _("Carriers and Barriers"));
  add_rows (self, group, carrier_rows, G_N_ELEMENTS (carrier_rows));
  group = add_group (live, _("Blocking and Disorder"));
  add_rows (self, group, blocking_rows, 1);
  build_blocking (self, group);
  add_rows (self, group, blocking_rows + 1, 1);
  group = add_group (live, _("Lattice"));
  add_rows (self, group, lattice_rows, G_N_ELEMENTS (lattice_rows));
  build_seed (self, group);
  self->layer_row = new_row (_("Layer shown z"), "", 0, FALSE,
                             _("Which x–y layer of the lattice the figure shows"),
                             sp_hopping_page_get_layer_adjustment (page));
  adw_preferences_group_add (group, GTK_WIDGET (self->layer_row));
  sp_lesson_control_set_key (GTK_WIDGET (self->layer_row), "hopping.layer");
  self->speed_row = new_row (_("Speed"), _("hops/s"), 0, TRUE,
                             _("Hops per second of wall time: slow enough to follow single "
                               "hops; at the right end as fast as the processor allows"),
                             sp_hopping_page_get_speed_adjustment (page));
  adw_preferences_group_add (group, GTK_WIDGET (self->speed_row));
  sp_lesson_control_set_key (GTK_WIDGET (self->speed_row), "hopping.speed_hops_s");
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (live), build_window_group (self, 0));

  self->data_view = sp_hopping_import_new (page);
  gtk_widget_set_vexpand (self->data_view, TRUE);
  data_page = sp_hopping_import_get_preferences_page (SP_HOPPING_IMPORT (self->data_view));
  adw_preferences_page_add (data_page, build_window_group (self, 1));
  self->series = SP_HOPPING_SERIES (sp_hopping_series_new (sp_hopping_page_get_workbench (page)));
  adw_preferences_page_add (data_page, ADW_PREFERENCES_GROUP (self->series));
  adw_preferences_page_add (data_page, sp_hopping_series_get_tables (self->series));

  gtk_box_append (GTK_BOX (box), live);
  gtk_box_append (GTK_BOX (box), self->data_view);
  adw_bin_set_child (ADW_BIN (self), box);

  show_preset (self);
  show_blocking (self);
  show_values (self);
  show_mode (self);
  show_presentation (self);
  g_signal_connect_object (page, "notify::presentation", G_CALLBACK (show_presentation), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (page, "notify::preset", G_CALLBACK (show_preset), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (page, "notify::blocking", G_CALLBACK (show_blocking), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (page, "notify::mode", G_CALLBACK (show_mode), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (page, "state-changed", G_CALLBACK (show_values), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (sp_hopping_page_get_workbench (page), "changed",
                           G_CALLBACK (show_values), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->preset_row, "notify::selected", G_CALLBACK (preset_selected_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->blocking_row, "notify::selected",
                           G_CALLBACK (blocking_selected_cb), self, G_CONNECT_SWAPPED);
  return GTK_WIDGET (self);
}

static void
sp_hopping_panel_dispose (GObject *object)
{
  SpHoppingPanel *self = SP_HOPPING_PANEL (object);

  g_clear_weak_pointer (&self->page);
  adw_bin_set_child (ADW_BIN (self), NULL);
  G_OBJECT_CLASS (sp_hopping_panel_parent_class)->dispose (object);
}

static void
sp_hopping_panel_class_init (SpHoppingPanelClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = sp_hopping_panel_dispose;
  /* Narrow beside the figures, as SpParamPanel (init drops AdwBin's
   * layout manager so that these two size the panel). */
  widget_class->measure = sp_param_panel_bin_measure;
  widget_class->size_allocate = sp_param_panel_bin_size_allocate;
}

static void
sp_hopping_panel_init (SpHoppingPanel *self)
{
  gtk_widget_set_layout_manager (GTK_WIDGET (self), NULL);
  gtk_widget_set_hexpand (GTK_WIDGET (self), FALSE);
}
