/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sp-eis-data-view.c — the Data mode controls over an SpEisWorkbench
 *
 * The static controls are in ui/sp-eis-data-view.ui; the rows that depend
 * on the data (one per spectrum, one per circuit parameter, one per DRT
 * peak) are made here.  Every "changed" of the workbench refreshes the
 * controls; rows are rebuilt only when what they stand for changed (other
 * spectra, another circuit), so that the keyboard focus and a value being
 * typed survive a result arriving.
 */
#include "config.h"

#include <math.h>

#include <glib/gi18n.h>

#include "sp-eis-data-view.h"
#include "sp-eis-read.h"

struct _SpEisDataView
{
  AdwBin parent_instance;

  SpEisWorkbench *workbench;
  gulong          changed_id;
  gulong          busy_id;
  gboolean        updating;      /* refreshing: the controls' signals are ours */
  char           *spectra_signature;
  char           *params_signature;
  GPtrArray      *value_entries; /* one per parameter (borrowed)               */
  GPtrArray      *se_labels;
  GPtrArray      *fixed_checks;
  GtkFileChooserNative *chooser;

  GtkButton      *open_button;
  GtkListBox     *spectra_list;
  GtkSwitch      *show_all_switch;
  AdwEntryRow    *circuit_row;
  GtkLabel       *circuit_error_label;
  AdwComboRow    *weight_row;
  GtkEntry       *f_min_entry;
  GtkEntry       *f_max_entry;
  GtkSwitch      *drop_switch;
  GtkButton      *fit_button;
  GtkSpinner     *spinner;
  GtkButton      *cancel_button;
  GtkGrid        *param_grid;
  GtkLabel       *chi2_label;
  GtkSpinButton  *linkk_c_spin;
  AdwComboRow    *linkk_fit_row;
  GtkSwitch      *linkk_c_switch;
  GtkLabel       *linkk_label;
  GtkButton      *linkk_button;
  GtkButton      *drt_button;
  GtkButton      *arrhenius_button;
  AdwComboRow    *drt_lambda_row;
  AdwActionRow   *drt_lambda_value_row;
  GtkEntry       *drt_lambda_entry;
  AdwComboRow    *drt_derivative_row;
  GtkLabel       *drt_label;
  GtkGrid        *peak_grid;
  GtkSpinButton  *thickness_spin;
  GtkSpinButton  *area_spin;
  AdwComboRow    *arrhenius_form_row;
  GtkLabel       *arrhenius_label;
};

G_DEFINE_FINAL_TYPE (SpEisDataView, sp_eis_data_view, ADW_TYPE_BIN)

enum
{
  PROP_0,
  PROP_WORKBENCH,
  N_PROPS
};

static GParamSpec *props[N_PROPS];

/* ---- helpers ------------------------------------------------------------ */

/* A number typed by a person: decimal comma or point, exponent allowed;
 * empty gives NAN and TRUE; junk gives FALSE. */
static gboolean
parse_number (const char *text,
              double     *value)
{
  g_autofree char *copy = g_strstrip (g_strdelimit (g_strdup (text), ",", '.'));
  char *end = NULL;

  if (*copy == '\0')
    {
      *value = NAN;
      return TRUE;
    }
  *value = g_ascii_strtod (copy, &end);
  return end != copy && *end == '\0' && isfinite (*value);
}

static void
set_entry_text (GtkEditable *editable,
                const char  *text)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (editable));
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

  /* Never under the user's cursor (the focus is the entry's inner text). */
  if (focus != NULL && (focus == GTK_WIDGET (editable)
                        || gtk_widget_is_ancestor (focus, GTK_WIDGET (editable))))
    return;
  if (g_strcmp0 (gtk_editable_get_text (editable), text) != 0)
    gtk_editable_set_text (editable, text);
  g_object_set_data_full (G_OBJECT (editable), "sp-shown", g_strdup (text), g_free);
}

static gboolean
entry_edited (GtkEditable *editable)
{
  return g_strcmp0 (gtk_editable_get_text (editable),
                    g_object_get_data (G_OBJECT (editable), "sp-shown")) != 0;
}

static void
mark_error (GtkWidget *widget,
            gboolean   error)
{
  if (error)
    gtk_widget_add_css_class (widget, "error");
  else
    gtk_widget_remove_css_class (widget, "error");
}

static void
remove_children (GtkWidget *parent)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (parent)) != NULL)
    {
      if (GTK_IS_GRID (parent))
        gtk_grid_remove (GTK_GRID (parent), child);
      else
        gtk_list_box_remove (GTK_LIST_BOX (parent), child);
    }
}

static GtkWidget *
grid_label (const char *text,
            gboolean    heading,
            float       xalign)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), xalign);
  if (heading)
    gtk_widget_add_css_class (label, "heading");
  else
    gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  return label;
}

/* ---- spectra ------------------------------------------------------------ */

static void
temperature_activate_cb (GtkEntry      *entry,
                         SpEisDataView *self)
{
  guint index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (entry), "sp-index"));
  double t;

  if (!parse_number (gtk_editable_get_text (GTK_EDITABLE (entry)), &t) || t <= 0)
    {
      mark_error (GTK_WIDGET (entry), TRUE);
      return;
    }
  mark_error (GTK_WIDGET (entry), FALSE);
  sp_eis_workbench_set_temperature (self->workbench, index, t);
}

static void
remove_clicked_cb (GtkButton     *button,
                   SpEisDataView *self)
{
  guint index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "sp-index"));

  sp_eis_workbench_remove_spectrum (self->workbench, index);
}

static GtkWidget *
spectrum_row (SpEisDataView *self,
              guint          index)
{
  const SpEisSpectrum *s = sp_eis_workbench_get_spectrum (self->workbench, index);
  const char *path = sp_eis_workbench_get_spectrum_path (self->workbench, index);
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *entry = gtk_entry_new ();
  GtkWidget *remove = gtk_button_new_from_icon_name ("window-close-symbolic");
  g_autofree char *points = g_strdup_printf (ngettext ("%u point", "%u points", s->n_points),
                                             s->n_points);
  g_autofree char *t_label = g_strdup_printf (_("Temperature of %s, K"), s->name);
  g_autofree char *close_label = g_strdup_printf (_("Close %s"), s->name);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), s->name);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), points);
  if (path != NULL)
    gtk_widget_set_tooltip_text (row, path);

  gtk_editable_set_width_chars (GTK_EDITABLE (entry), 7);
  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), _("T (K)"));
  gtk_widget_set_valign (entry, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (entry, _("Temperature in kelvin (from the file, or typed)"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, t_label, -1);
  g_object_set_data (G_OBJECT (entry), "sp-index", GUINT_TO_POINTER (index));
  g_signal_connect (entry, "activate", G_CALLBACK (temperature_activate_cb), self);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), entry);

  gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (remove, "flat");
  gtk_widget_set_tooltip_text (remove, _("Close this spectrum"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (remove),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, close_label, -1);
  g_object_set_data (G_OBJECT (remove), "sp-index", GUINT_TO_POINTER (index));
  g_signal_connect (remove, "clicked", G_CALLBACK (remove_clicked_cb), self);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), remove);

  g_object_set_data (G_OBJECT (row), "sp-temperature-entry", entry);
  return row;
}

static void
refresh_spectra (SpEisDataView *self)
{
  SpEisWorkbench *wb = self->workbench;
  guint n = sp_eis_workbench_get_n_spectra (wb);
  g_autoptr(GString) signature = g_string_new (NULL);
  int selected = sp_eis_workbench_get_selected (wb);

  for (guint i = 0; i < n; i++)
    g_string_append_printf (signature, "%p;", (void *) sp_eis_workbench_get_spectrum (wb, i));
  if (g_strcmp0 (signature->str, self->spectra_signature) != 0)
    {
      remove_children (GTK_WIDGET (self->spectra_list));
      for (guint i = 0; i < n; i++)
        gtk_list_box_append (self->spectra_list, spectrum_row (self, i));
      g_free (self->spectra_signature);
      self->spectra_signature = g_strdup (signature->str);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->spectra_list), n > 0);
  for (guint i = 0; i < n; i++)
    {
      GtkListBoxRow *row = gtk_list_box_get_row_at_index (self->spectra_list, (int) i);
      GtkEditable *entry = g_object_get_data (G_OBJECT (row), "sp-temperature-entry");
      double t = sp_eis_workbench_get_temperature (wb, i);
      g_autofree char *text = isfinite (t) ? g_strdup_printf ("%.2f", t) : g_strdup ("");

      set_entry_text (entry, text);
    }
  gtk_list_box_select_row (self->spectra_list,
                           selected >= 0 ? gtk_list_box_get_row_at_index (self->spectra_list,
                                                                          selected)
                                         : NULL);
  gtk_switch_set_active (self->show_all_switch, sp_eis_workbench_get_show_all (wb));
}

/* ---- the circuit and its parameters ------------------------------------- */

/* The fit on show belongs to the current circuit (not an older one). */
static const SpEisFitResult *
current_fit (SpEisDataView *self)
{
  const SpCircuit *circuit = sp_eis_workbench_get_circuit (self->workbench);
  const SpCircuit *fit_circuit = sp_eis_workbench_get_fit_circuit (self->workbench);

  if (circuit == NULL || fit_circuit == NULL
      || g_strcmp0 (sp_circuit_to_string (circuit), sp_circuit_to_string (fit_circuit)) != 0)
    return NULL;
  return sp_eis_workbench_get_fit (self->workbench);
}

static void
apply_typed_values (SpEisDataView *self)
{
  const SpCircuit *circuit = sp_eis_workbench_get_circuit (self->workbench);

  for (guint k = 0; k < self->value_entries->len; k++)
    {
      GtkEditable *entry = g_ptr_array_index (self->value_entries, k);
      double value;

      if (!entry_edited (entry))
        continue;
      if (!parse_number (gtk_editable_get_text (entry), &value)
          || (!isnan (value) && !sp_circuit_param_valid (circuit, k, value)))
        {
          mark_error (GTK_WIDGET (entry), TRUE);
          continue;
        }
      mark_error (GTK_WIDGET (entry), FALSE);
      /* What is typed now is what the workbench holds. */
      g_object_set_data_full (G_OBJECT (entry), "sp-shown",
                              g_strdup (gtk_editable_get_text (entry)), g_free);
      sp_eis_workbench_set_param_initial (self->workbench, k, value);
    }
}

static void
value_activate_cb (GtkEntry      *entry,
                   SpEisDataView *self)
{
  apply_typed_values (self);
}

static void
fixed_toggled_cb (GtkCheckButton *check,
                  SpEisDataView  *self)
{
  guint k = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (check), "sp-index"));
  const SpEisFitResult *fit = current_fit (self);
  gboolean fixed = gtk_check_button_get_active (check);

  if (self->updating)
    return;
  apply_typed_values (self);
  /* Fixing a fitted parameter holds it where the fit put it. */
  if (fixed && fit != NULL && isnan (sp_eis_workbench_get_param_initial (self->workbench, k)))
    sp_eis_workbench_set_param_initial (self->workbench, k, fit->value[k]);
  sp_eis_workbench_set_param_fixed (self->workbench, k, fixed);
}

static void
rebuild_param_grid (SpEisDataView   *self,
                    const SpCircuit *circuit)
{
  const char *headings[] = {
    N_("Parameter"), N_("Value"), N_("± s.e."), N_("Unit"), N_("Fixed"),
  };

  remove_children (GTK_WIDGET (self->param_grid));
  g_ptr_array_set_size (self->value_entries, 0);
  g_ptr_array_set_size (self->se_labels, 0);
  g_ptr_array_set_size (self->fixed_checks, 0);
  if (circuit == NULL)
    return;
  for (guint c = 0; c < G_N_ELEMENTS (headings); c++)
    gtk_grid_attach (self->param_grid, grid_label (_(headings[c]), TRUE, 0), (int) c, 0, 1, 1);
  for (guint k = 0; k < sp_circuit_get_n_params (circuit); k++)
    {
      const char *name = sp_circuit_get_param_name (circuit, k);
      const char *alias = sp_circuit_get_param_alias (circuit, k);
      GtkWidget *name_label = grid_label (name, FALSE, 0);
      GtkWidget *entry = gtk_entry_new ();
      GtkWidget *se = grid_label ("", FALSE, 0);
      GtkWidget *check = gtk_check_button_new ();
      /* Screen readers get the spelled-out alias: "CPEb_0" would be read
       * with its underscore (and looks like a mnemonic). */
      const char *spoken = alias != NULL ? alias : name;
      g_autofree char *value_label = g_strdup_printf (_("Value of %s"), spoken);
      g_autofree char *fixed_label = g_strdup_printf (_("Hold %s fixed"), spoken);

      if (alias != NULL)
        gtk_widget_set_tooltip_text (name_label, alias);
      gtk_editable_set_width_chars (GTK_EDITABLE (entry), 10);
      gtk_entry_set_placeholder_text (GTK_ENTRY (entry), _("auto"));
      gtk_widget_set_tooltip_text (entry, _("The fitted value; type a starting value "
                                            "(empty: guessed from the spectrum)"));
      gtk_accessible_update_property (GTK_ACCESSIBLE (entry),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, value_label, -1);
      g_signal_connect (entry, "activate", G_CALLBACK (value_activate_cb), self);
      gtk_accessible_update_property (GTK_ACCESSIBLE (check),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, fixed_label, -1);
      g_object_set_data (G_OBJECT (check), "sp-index", GUINT_TO_POINTER (k));
      g_signal_connect (check, "toggled", G_CALLBACK (fixed_toggled_cb), self);

      gtk_grid_attach (self->param_grid, name_label, 0, (int) k + 1, 1, 1);
      gtk_grid_attach (self->param_grid, entry, 1, (int) k + 1, 1, 1);
      gtk_grid_attach (self->param_grid, se, 2, (int) k + 1, 1, 1);
      gtk_grid_attach (self->param_grid,
                       grid_label (sp_circuit_get_param_unit (circuit, k), FALSE, 0),
                       3, (int) k + 1, 1, 1);
      gtk_grid_attach (self->param_grid, check, 4, (int) k + 1, 1, 1);
      g_ptr_array_add (self->value_entries, entry);
      g_ptr_array_add (self->se_labels, se);
      g_ptr_array_add (self->fixed_checks, check);
    }
}

static void
refresh_fit (SpEisDataView *self)
{
  SpEisWorkbench *wb = self->workbench;
  const SpCircuit *circuit = sp_eis_workbench_get_circuit (wb);
  const SpEisFitResult *fit = current_fit (self);
  guint position = 0;
  const char *error = sp_eis_workbench_get_circuit_error (wb, &position);
  g_autofree char *signature = NULL;
  double f_min, f_max;
  gboolean drop;

  set_entry_text (GTK_EDITABLE (self->circuit_row), sp_eis_workbench_get_circuit_text (wb));
  gtk_widget_set_visible (GTK_WIDGET (self->circuit_error_label), error != NULL);
  gtk_label_set_text (self->circuit_error_label, error != NULL ? error : "");
  mark_error (GTK_WIDGET (self->circuit_row), error != NULL);
  adw_combo_row_set_selected (self->weight_row, sp_eis_workbench_get_weight (wb));

  sp_eis_workbench_get_range (wb, &f_min, &f_max, &drop);
  {
    g_autofree char *lo = f_min > 0 ? g_strdup_printf ("%g", f_min) : g_strdup ("");
    g_autofree char *hi = isfinite (f_max) ? g_strdup_printf ("%g", f_max) : g_strdup ("");
    set_entry_text (GTK_EDITABLE (self->f_min_entry), lo);
    set_entry_text (GTK_EDITABLE (self->f_max_entry), hi);
  }
  gtk_switch_set_active (self->drop_switch, drop);

  signature = g_strdup_printf ("%s|%p", circuit != NULL ? sp_circuit_to_string (circuit) : "",
                               (void *) circuit);
  if (g_strcmp0 (signature, self->params_signature) != 0)
    {
      rebuild_param_grid (self, circuit);
      g_free (self->params_signature);
      self->params_signature = g_steal_pointer (&signature);
    }
  for (guint k = 0; k < self->value_entries->len; k++)
    {
      double initial = sp_eis_workbench_get_param_initial (wb, k);
      gboolean fixed = sp_eis_workbench_get_param_fixed (wb, k);
      g_autofree char *value = NULL, *se = NULL;

      if (fit != NULL)
        {
          value = g_strdup_printf ("%.5g", fit->value[k]);
          se = fit->fixed[k] ? g_strdup (_("fixed"))
               : isnan (fit->std_error[k]) ? g_strdup (_("undetermined"))
               : g_strdup_printf ("± %.2g", fit->std_error[k]);
        }
      else
        {
          value = isnan (initial) ? g_strdup ("") : g_strdup_printf ("%.5g", initial);
          se = g_strdup ("");
        }
      set_entry_text (g_ptr_array_index (self->value_entries, k), value);
      gtk_label_set_text (g_ptr_array_index (self->se_labels, k), se);
      gtk_check_button_set_active (g_ptr_array_index (self->fixed_checks, k), fixed);
    }

  if (fit != NULL)
    {
      g_autofree char *text =
        g_strdup_printf (_("χ² = %.4g, χ²/ν = %.3g, RMS relative residual %.2g %% "
                           "(%u points, %u free parameters)%s%s"),
                         fit->chi2, fit->reduced_chi2, 100 * fit->rms_relative,
                         fit->n_points, fit->n_free,
                         fit->warning != NULL ? "\n" : "",
                         fit->warning != NULL ? fit->warning : "");
      gtk_label_set_text (self->chi2_label, text);
    }
  else
    gtk_label_set_text (self->chi2_label,
                        sp_eis_workbench_get_fit (wb) != NULL
                        ? _("The fit on show was made with another circuit: press Fit.")
                        : "");
}

/* ---- Lin-KK, DRT, Arrhenius --------------------------------------------- */

static void
refresh_linkk (SpEisDataView *self)
{
  const SpLinKKResult *kk = sp_eis_workbench_get_linkk (self->workbench);
  double c;
  SpLinKKFit fit;
  gboolean add_c;

  sp_eis_workbench_get_linkk_options (self->workbench, &c, &fit, &add_c);
  gtk_spin_button_set_value (self->linkk_c_spin, c);
  adw_combo_row_set_selected (self->linkk_fit_row, fit);
  gtk_switch_set_active (self->linkk_c_switch, add_c);
  if (kk != NULL)
    {
      g_autofree char *explain = sp_linkk_explain (kk);
      g_autofree char *text =
        g_strdup_printf (_("M = %u, μ = %.3f, pseudo-χ² = %.3g\n%s"),
                         kk->m, kk->mu, kk->pseudo_chi2, explain);
      gtk_label_set_text (self->linkk_label, text);
    }
  else
    gtk_label_set_text (self->linkk_label, "");
}

static void
refresh_drt (SpEisDataView *self)
{
  const SpDrtResult *drt = sp_eis_workbench_get_drt (self->workbench);
  const char *headings[] = { N_("τ (s)"), N_("f (Hz)"), N_("R (Ω)"), N_("C (F)") };
  gboolean gcv;
  double lambda;
  guint derivative;

  sp_eis_workbench_get_drt_options (self->workbench, &gcv, &lambda, &derivative);
  adw_combo_row_set_selected (self->drt_lambda_row, gcv ? 0 : 1);
  gtk_widget_set_visible (GTK_WIDGET (self->drt_lambda_value_row), !gcv);
  {
    g_autofree char *text = g_strdup_printf ("%g", lambda);
    set_entry_text (GTK_EDITABLE (self->drt_lambda_entry), text);
  }
  adw_combo_row_set_selected (self->drt_derivative_row, derivative - 1);

  remove_children (GTK_WIDGET (self->peak_grid));
  if (drt == NULL)
    {
      gtk_label_set_text (self->drt_label, "");
      return;
    }
  {
    g_autofree char *text =
      g_strdup_printf (_("λ = %.3g%s, R∞ = %.4g Ω, polarisation %.4g Ω, %u peaks"),
                       drt->lambda, drt->lambda_from_gcv ? _(" (GCV)") : "",
                       drt->r_inf_ohm, drt->polarisation_ohm, drt->n_peaks);
    gtk_label_set_text (self->drt_label, text);
  }
  if (drt->n_peaks == 0)
    return;
  for (guint c = 0; c < G_N_ELEMENTS (headings); c++)
    gtk_grid_attach (self->peak_grid, grid_label (_(headings[c]), TRUE, 1), (int) c, 0, 1, 1);
  for (guint i = 0; i < drt->n_peaks; i++)
    {
      const SpDrtPeak *p = &drt->peaks[i];
      double values[] = { p->tau_s, p->freq_hz, p->resistance_ohm, p->capacitance_f };

      for (guint c = 0; c < G_N_ELEMENTS (values); c++)
        {
          g_autofree char *text = g_strdup_printf ("%.3g", values[c]);
          gtk_grid_attach (self->peak_grid, grid_label (text, FALSE, 1), (int) c, (int) i + 1, 1, 1);
        }
    }
}

static void
refresh_arrhenius (SpEisDataView *self)
{
  const SpEisArrheniusSeries *series = sp_eis_workbench_get_arrhenius (self->workbench);
  const char *labels[SP_EIS_N_CONDUCTIVITIES] = {
    N_("Bulk"), N_("Grain boundary"), N_("Total"),
  };
  double thickness, area;
  SpArrheniusForm form;
  g_autoptr(GString) text = g_string_new (NULL);

  sp_eis_workbench_get_arrhenius_options (self->workbench, &thickness, &area, &form);
  gtk_spin_button_set_value (self->thickness_spin, thickness);
  gtk_spin_button_set_value (self->area_spin, area);
  adw_combo_row_set_selected (self->arrhenius_form_row, form);
  if (series != NULL)
    {
      for (guint k = 0; k < SP_EIS_N_CONDUCTIVITIES; k++)
        {
          if (text->len > 0)
            g_string_append_c (text, '\n');
          if (series->fitted[k])
            /* TRANSLATORS: "Bulk: Eₐ = 0.352 ± 0.004 eV" */
            g_string_append_printf (text, _("%s: Eₐ = %.3f ± %.3f eV"), _(labels[k]),
                                    series->fit[k].ea_ev, series->fit[k].ea_stderr_ev);
          else
            g_string_append_printf (text, _("%s: no line"), _(labels[k]));
        }
      g_string_append_c (text, '\n');
      g_string_append_printf (text, ngettext ("%u spectrum fitted with %s",
                                              "%u spectra fitted with %s", series->n_points),
                              series->n_points, series->circuit);
      if (series->note != NULL)
        g_string_append_printf (text, "\n%s", series->note);
    }
  gtk_label_set_text (self->arrhenius_label, text->str);
}

static void
refresh (SpEisDataView *self)
{
  self->updating = TRUE;
  refresh_spectra (self);
  refresh_fit (self);
  refresh_linkk (self);
  refresh_drt (self);
  refresh_arrhenius (self);
  self->updating = FALSE;
}

static void
refresh_busy (SpEisDataView *self)
{
  gboolean busy = sp_eis_workbench_get_busy (self->workbench);

  gtk_spinner_set_spinning (self->spinner, busy);
  gtk_widget_set_sensitive (GTK_WIDGET (self->cancel_button), busy);
}

/* ---- the controls' signals ---------------------------------------------- */

static void
files_chosen_cb (GtkNativeDialog *dialog,
                 int              response,
                 SpEisDataView   *self)
{
  if (response == GTK_RESPONSE_ACCEPT && self->workbench != NULL)
    {
      g_autoptr(GListModel) files = gtk_file_chooser_get_files (GTK_FILE_CHOOSER (dialog));
      guint n = g_list_model_get_n_items (files);
      g_autoptr(GPtrArray) array = g_ptr_array_new_with_free_func (g_object_unref);

      for (guint i = 0; i < n; i++)
        g_ptr_array_add (array, g_list_model_get_item (files, i));
      sp_eis_workbench_open_files (self->workbench, (GFile **) array->pdata, n);
    }
  g_clear_object (&self->chooser);
}

static void
open_clicked_cb (SpEisDataView *self)
{
  GtkWidget *root = GTK_WIDGET (gtk_widget_get_root (GTK_WIDGET (self)));
  g_autoptr(GtkFileFilter) spectra = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();
  const char *const *suffixes = sp_eis_read_suffixes ();

  if (self->chooser != NULL)
    return;
  gtk_file_filter_set_name (spectra, _("Impedance spectra"));
  for (guint i = 0; suffixes[i] != NULL; i++)
    gtk_file_filter_add_suffix (spectra, suffixes[i]);
  gtk_file_filter_set_name (all, _("All files"));
  gtk_file_filter_add_pattern (all, "*");
  self->chooser = gtk_file_chooser_native_new (_("Open Spectra"),
                                               GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                               GTK_FILE_CHOOSER_ACTION_OPEN,
                                               _("_Open"), _("_Cancel"));
  gtk_file_chooser_set_select_multiple (GTK_FILE_CHOOSER (self->chooser), TRUE);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), spectra);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), all);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  g_signal_connect (self->chooser, "response", G_CALLBACK (files_chosen_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static gboolean
drop_cb (GtkDropTarget *target,
         const GValue  *value,
         double         x,
         double         y,
         SpEisDataView *self)
{
  GSList *list;
  g_autoptr(GPtrArray) files = g_ptr_array_new ();

  if (self->workbench == NULL || !G_VALUE_HOLDS (value, GDK_TYPE_FILE_LIST))
    return FALSE;
  list = gdk_file_list_get_files (g_value_get_boxed (value));
  for (GSList *l = list; l != NULL; l = l->next)
    g_ptr_array_add (files, l->data);
  g_slist_free (list);
  if (files->len == 0)
    return FALSE;
  sp_eis_workbench_open_files (self->workbench, (GFile **) files->pdata, files->len);
  return TRUE;
}

static void
spectrum_selected_cb (SpEisDataView *self,
                      GtkListBoxRow *row)
{
  if (self->updating || self->workbench == NULL || row == NULL)
    return;
  sp_eis_workbench_set_selected (self->workbench, gtk_list_box_row_get_index (row));
}

static void
show_all_cb (SpEisDataView *self)
{
  if (self->updating || self->workbench == NULL)
    return;
  sp_eis_workbench_set_show_all (self->workbench, gtk_switch_get_active (self->show_all_switch));
}

static void
circuit_changed_cb (SpEisDataView *self)
{
  if (self->updating || self->workbench == NULL)
    return;
  sp_eis_workbench_set_circuit_text (self->workbench,
                                     gtk_editable_get_text (GTK_EDITABLE (self->circuit_row)));
}

static void
weight_selected_cb (SpEisDataView *self)
{
  if (self->updating || self->workbench == NULL)
    return;
  sp_eis_workbench_set_weight (self->workbench, adw_combo_row_get_selected (self->weight_row));
}

static void
range_activate_cb (SpEisDataView *self)
{
  double lo, hi;
  gboolean ok_lo, ok_hi;

  if (self->updating || self->workbench == NULL)
    return;
  ok_lo = parse_number (gtk_editable_get_text (GTK_EDITABLE (self->f_min_entry)), &lo)
          && (isnan (lo) || lo >= 0);
  ok_hi = parse_number (gtk_editable_get_text (GTK_EDITABLE (self->f_max_entry)), &hi)
          && (isnan (hi) || hi > 0);
  if (isnan (lo))
    lo = 0;
  if (isnan (hi))
    hi = INFINITY;
  if (ok_lo && ok_hi && hi <= lo)
    ok_lo = ok_hi = FALSE;
  mark_error (GTK_WIDGET (self->f_min_entry), !ok_lo);
  mark_error (GTK_WIDGET (self->f_max_entry), !ok_hi);
  if (!ok_lo || !ok_hi)
    return;
  sp_eis_workbench_set_range (self->workbench, lo, hi, gtk_switch_get_active (self->drop_switch));
}

static void
fit_clicked_cb (SpEisDataView *self)
{
  if (self->workbench == NULL)
    return;
  apply_typed_values (self);
  range_activate_cb (self);
  sp_eis_workbench_fit (self->workbench);
}

static void
reset_clicked_cb (SpEisDataView *self)
{
  if (self->workbench != NULL)
    sp_eis_workbench_reset_params (self->workbench);
}

static void
cancel_clicked_cb (SpEisDataView *self)
{
  if (self->workbench != NULL)
    sp_eis_workbench_cancel (self->workbench);
}

static void
linkk_options_cb (SpEisDataView *self)
{
  if (self->updating || self->workbench == NULL)
    return;
  sp_eis_workbench_set_linkk_options (self->workbench,
                                      gtk_spin_button_get_value (self->linkk_c_spin),
                                      adw_combo_row_get_selected (self->linkk_fit_row),
                                      gtk_switch_get_active (self->linkk_c_switch));
}

static void
linkk_clicked_cb (SpEisDataView *self)
{
  if (self->workbench == NULL)
    return;
  range_activate_cb (self);
  sp_eis_workbench_linkk (self->workbench);
}

/* FALSE (and the entry marked) when λ is typed wrong. */
static gboolean
apply_drt_options (SpEisDataView *self)
{
  double lambda;
  gboolean ok = parse_number (gtk_editable_get_text (GTK_EDITABLE (self->drt_lambda_entry)),
                              &lambda) && lambda > 0;

  mark_error (GTK_WIDGET (self->drt_lambda_entry), !ok);
  if (!ok)
    sp_eis_workbench_get_drt_options (self->workbench, NULL, &lambda, NULL);
  sp_eis_workbench_set_drt_options (self->workbench,
                                    adw_combo_row_get_selected (self->drt_lambda_row) == 0,
                                    lambda,
                                    adw_combo_row_get_selected (self->drt_derivative_row) + 1);
  return ok;
}

static void
drt_options_cb (SpEisDataView *self)
{
  if (self->updating || self->workbench == NULL)
    return;
  apply_drt_options (self);
}

static void
drt_clicked_cb (SpEisDataView *self)
{
  if (self->workbench == NULL)
    return;
  range_activate_cb (self);
  if (apply_drt_options (self) || adw_combo_row_get_selected (self->drt_lambda_row) == 0)
    sp_eis_workbench_drt (self->workbench);
}

static void
arrhenius_options_cb (SpEisDataView *self)
{
  if (self->updating || self->workbench == NULL)
    return;
  sp_eis_workbench_set_arrhenius_options (self->workbench,
                                          gtk_spin_button_get_value (self->thickness_spin),
                                          gtk_spin_button_get_value (self->area_spin),
                                          adw_combo_row_get_selected (self->arrhenius_form_row));
}

static void
arrhenius_clicked_cb (SpEisDataView *self)
{
  if (self->workbench == NULL)
    return;
  range_activate_cb (self);
  sp_eis_workbench_arrhenius (self->workbench);
}

/* ---- the object --------------------------------------------------------- */

void
sp_eis_data_view_set_workbench (SpEisDataView  *self,
                                SpEisWorkbench *workbench)
{
  g_return_if_fail (SP_IS_EIS_DATA_VIEW (self));
  g_return_if_fail (workbench == NULL || SP_IS_EIS_WORKBENCH (workbench));
  if (self->workbench == workbench)
    return;
  if (self->workbench != NULL)
    {
      g_clear_signal_handler (&self->changed_id, self->workbench);
      g_clear_signal_handler (&self->busy_id, self->workbench);
      g_clear_object (&self->workbench);
    }
  if (workbench != NULL)
    {
      self->workbench = g_object_ref (workbench);
      self->changed_id = g_signal_connect_swapped (workbench, "changed",
                                                   G_CALLBACK (refresh), self);
      self->busy_id = g_signal_connect_swapped (workbench, "notify::busy",
                                                G_CALLBACK (refresh_busy), self);
      g_clear_pointer (&self->spectra_signature, g_free);
      g_clear_pointer (&self->params_signature, g_free);
      refresh (self);
      refresh_busy (self);
    }
  gtk_widget_set_sensitive (GTK_WIDGET (self), workbench != NULL);
  g_object_notify_by_pspec (G_OBJECT (self), props[PROP_WORKBENCH]);
}

SpEisWorkbench *
sp_eis_data_view_get_workbench (SpEisDataView *self)
{
  g_return_val_if_fail (SP_IS_EIS_DATA_VIEW (self), NULL);
  return self->workbench;
}

GtkWidget *
sp_eis_data_view_new (SpEisWorkbench *workbench)
{
  return g_object_new (SP_TYPE_EIS_DATA_VIEW, "workbench", workbench, NULL);
}

static void
sp_eis_data_view_dispose (GObject *object)
{
  SpEisDataView *self = SP_EIS_DATA_VIEW (object);

  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  sp_eis_data_view_set_workbench (self, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), SP_TYPE_EIS_DATA_VIEW);
  G_OBJECT_CLASS (sp_eis_data_view_parent_class)->dispose (object);
}

static void
sp_eis_data_view_finalize (GObject *object)
{
  SpEisDataView *self = SP_EIS_DATA_VIEW (object);

  g_free (self->spectra_signature);
  g_free (self->params_signature);
  g_ptr_array_unref (self->value_entries);
  g_ptr_array_unref (self->se_labels);
  g_ptr_array_unref (self->fixed_checks);
  G_OBJECT_CLASS (sp_eis_data_view_parent_class)->finalize (object);
}

static void
sp_eis_data_view_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  SpEisDataView *self = SP_EIS_DATA_VIEW (object);

  switch (prop_id)
    {
    case PROP_WORKBENCH:
      g_value_set_object (value, self->workbench);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sp_eis_data_view_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  SpEisDataView *self = SP_EIS_DATA_VIEW (object);

  switch (prop_id)
    {
    case PROP_WORKBENCH:
      sp_eis_data_view_set_workbench (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sp_eis_data_view_class_init (SpEisDataViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sp_eis_data_view_dispose;
  object_class->finalize = sp_eis_data_view_finalize;
  object_class->get_property = sp_eis_data_view_get_property;
  object_class->set_property = sp_eis_data_view_set_property;

  props[PROP_WORKBENCH] =
    g_param_spec_object ("workbench", NULL, NULL, SP_TYPE_EIS_WORKBENCH,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, props);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/spinodal/Spinodal/sp-eis-data-view.ui");
#define CHILD(name) gtk_widget_class_bind_template_child (widget_class, SpEisDataView, name)
  CHILD (open_button);
  CHILD (spectra_list);
  CHILD (show_all_switch);
  CHILD (circuit_row);
  CHILD (circuit_error_label);
  CHILD (weight_row);
  CHILD (f_min_entry);
  CHILD (f_max_entry);
  CHILD (drop_switch);
  CHILD (fit_button);
  CHILD (spinner);
  CHILD (cancel_button);
  CHILD (param_grid);
  CHILD (chi2_label);
  CHILD (linkk_c_spin);
  CHILD (linkk_fit_row);
  CHILD (linkk_c_switch);
  CHILD (linkk_label);
  CHILD (linkk_button);
  CHILD (drt_button);
  CHILD (arrhenius_button);
  CHILD (drt_lambda_row);
  CHILD (drt_lambda_value_row);
  CHILD (drt_lambda_entry);
  CHILD (drt_derivative_row);
  CHILD (drt_label);
  CHILD (peak_grid);
  CHILD (thickness_spin);
  CHILD (area_spin);
  CHILD (arrhenius_form_row);
  CHILD (arrhenius_label);
#undef CHILD
#define CALLBACK(name) gtk_widget_class_bind_template_callback (widget_class, name)
  CALLBACK (open_clicked_cb);
  CALLBACK (spectrum_selected_cb);
  CALLBACK (show_all_cb);
  CALLBACK (circuit_changed_cb);
  CALLBACK (weight_selected_cb);
  CALLBACK (range_activate_cb);
  CALLBACK (fit_clicked_cb);
  CALLBACK (reset_clicked_cb);
  CALLBACK (cancel_clicked_cb);
  CALLBACK (linkk_options_cb);
  CALLBACK (linkk_clicked_cb);
  CALLBACK (drt_options_cb);
  CALLBACK (drt_clicked_cb);
  CALLBACK (arrhenius_options_cb);
  CALLBACK (arrhenius_clicked_cb);
#undef CALLBACK
}

static void
sp_eis_data_view_init (SpEisDataView *self)
{
  GtkDropTarget *target;

  self->value_entries = g_ptr_array_new ();
  self->se_labels = g_ptr_array_new ();
  self->fixed_checks = g_ptr_array_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_widget_set_sensitive (GTK_WIDGET (self), FALSE);

  target = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);
  g_signal_connect (target, "drop", G_CALLBACK (drop_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (target));
}
