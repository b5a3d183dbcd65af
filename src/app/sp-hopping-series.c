/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sp-hopping-series.c — see the header */

#include "config.h"

#include <math.h>

#include <glib/gi18n.h>

#include "sp-hopping-import.h"
#include "sp-hopping-readouts.h"
#include "sp-hopping-series.h"

/* What the open file chooser is for. */
typedef enum { CHOOSE_RUNS, CHOOSE_QENS, CHOOSE_SIZE } Choosing;

struct _SpHoppingSeries
{
  AdwPreferencesGroup   parent_instance;

  SpHopWorkbench       *workbench;        /* a reference */
  GtkFileChooserNative *chooser;
  Choosing              choosing;

  AdwActionRow         *runs_row;
  GtkWidget            *add_files_button;
  GtkWidget            *add_current_button;
  GPtrArray            *run_rows;         /* AdwActionRow (owned by the group) */
  AdwPreferencesGroup  *tables;           /* a reference; the panel places it */
  AdwActionRow         *qens_row;
  GtkWidget            *qens_clear;
  AdwActionRow         *size_row;
  GtkWidget            *size_clear;
  GtkDropDown          *size_quantity;
};

G_DEFINE_FINAL_TYPE (SpHoppingSeries, sp_hopping_series, ADW_TYPE_PREFERENCES_GROUP)

/* Keys on a run row's widgets. */
#define RUN_TEMPERATURE "sp-run-temperature"
#define RUN_REMOVE      "sp-run-remove"
/* The typed-temperature spin button shows 0 for "the file's, unknown". */
#define T_MAX_K 5000.0

static int
row_index (SpHoppingSeries *self,
           GtkWidget       *row)
{
  for (guint i = 0; i < self->run_rows->len; i++)
    if (g_ptr_array_index (self->run_rows, i) == row)
      return (int) i;
  return -1;
}

static void
temperature_changed_cb (GtkSpinButton   *spin,
                        SpHoppingSeries *self)
{
  int i = row_index (self, gtk_widget_get_ancestor (GTK_WIDGET (spin), ADW_TYPE_ACTION_ROW));
  double t = gtk_spin_button_get_value (spin);

  if (i >= 0)
    sp_hop_workbench_set_run_temperature (self->workbench, (guint) i, t > 0.0 ? t : NAN);
}

static void
remove_clicked_cb (GtkButton       *button,
                   SpHoppingSeries *self)
{
  int i = row_index (self, gtk_widget_get_ancestor (GTK_WIDGET (button), ADW_TYPE_ACTION_ROW));

  if (i >= 0)
    sp_hop_workbench_remove_run (self->workbench, (guint) i);
}

static GtkWidget *
new_run_row (SpHoppingSeries *self)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *spin = gtk_spin_button_new_with_range (0.0, T_MAX_K, 10.0);
  GtkWidget *remove = gtk_button_new_from_icon_name ("user-trash-symbolic");

  gtk_spin_button_set_digits (GTK_SPIN_BUTTON (spin), 1);
  gtk_widget_set_valign (spin, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (spin, _("The run’s temperature in K (0: the file’s own)"));
  g_signal_connect (spin, "value-changed", G_CALLBACK (temperature_changed_cb), self);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), spin);
  gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (remove, "flat");
  gtk_widget_set_tooltip_text (remove, _("Remove this run"));
  g_signal_connect (remove, "clicked", G_CALLBACK (remove_clicked_cb), self);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), remove);
  g_object_set_data (G_OBJECT (row), RUN_TEMPERATURE, spin);
  g_object_set_data (G_OBJECT (row), RUN_REMOVE, remove);
  return row;
}

/* A run's row in place: its name, D* ± s.e., box length and temperature. */
static void
fill_run_row (SpHoppingSeries *self,
              GtkWidget       *row,
              const SpHopRun  *run)
{
  GtkSpinButton *spin = g_object_get_data (G_OBJECT (row), RUN_TEMPERATURE);
  g_autofree char *d = sp_hopping_readouts_format_pm (run->d_star_cm2_s, run->d_star_err_cm2_s,
                                                      "cm²/s");
  g_autofree char *subtitle = NULL;
  g_autofree char *title = g_markup_escape_text (run->name, -1);
  g_autofree char *name = NULL;

  if (isfinite (run->length_angstrom))
    /* Translators: a run's line: D* ± s.e. with its unit, then the box length. */
    subtitle = g_strdup_printf (_("D* = %s · L = %.1f Å"), d, run->length_angstrom);
  else
    subtitle = g_strdup_printf ("D* = %s", d);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  /* Translators: the accessible name of a run's temperature box. */
  name = g_strdup_printf (_("Temperature of %s, K"), run->name);
  gtk_accessible_update_property (GTK_ACCESSIBLE (spin), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  /* Setting the value must not type it back (the workbench's own). */
  g_signal_handlers_block_by_func (spin, temperature_changed_cb, self);
  gtk_spin_button_set_value (spin, isfinite (run->temperature_k) ? run->temperature_k : 0.0);
  g_signal_handlers_unblock_by_func (spin, temperature_changed_cb, self);
}

static void
set_table_row (AdwActionRow *row,
               GtkWidget    *clear,
               const char   *path,
               const char   *none)
{
  g_autofree char *base = path != NULL ? g_path_get_basename (path) : NULL;
  g_autofree char *escaped = base != NULL ? g_markup_escape_text (base, -1) : NULL;

  adw_action_row_set_subtitle (row, escaped != NULL ? escaped : none);
  gtk_widget_set_sensitive (clear, path != NULL);
}

static void
sync_from_workbench (SpHoppingSeries *self)
{
  guint n = sp_hop_workbench_get_n_runs (self->workbench);
  gboolean busy = sp_hop_workbench_get_busy (self->workbench);
  SpHopFiniteSizeQuantity quantity;
  const char *size_path;

  /* Rows are kept while the count stays, so a temperature being typed
   * keeps its focus when the fit follows. */
  while (self->run_rows->len > n)
    {
      GtkWidget *row = g_ptr_array_index (self->run_rows, self->run_rows->len - 1);

      adw_preferences_group_remove (ADW_PREFERENCES_GROUP (self), row);
      g_ptr_array_remove_index (self->run_rows, self->run_rows->len - 1);
    }
  while (self->run_rows->len < n)
    g_ptr_array_add (self->run_rows, new_run_row (self));
  for (guint i = 0; i < n; i++)
    {
      GtkWidget *row = g_ptr_array_index (self->run_rows, i);

      fill_run_row (self, row, sp_hop_workbench_get_run (self->workbench, i));
      if (gtk_widget_get_parent (row) == NULL)
        adw_preferences_group_add (ADW_PREFERENCES_GROUP (self), row);
    }

  gtk_widget_set_sensitive (self->add_files_button,
                            !busy && sp_hop_workbench_get_read_options (self->workbench) != NULL);
  gtk_widget_set_sensitive (self->add_current_button,
                            !busy && sp_hop_workbench_get_diffusion (self->workbench) != NULL);
  set_table_row (self->qens_row, self->qens_clear,
                 sp_hop_workbench_get_qens_table_path (self->workbench),
                 _("None: Γ(Q) from the trajectory"));
  size_path = sp_hop_workbench_get_finite_size_table_path (self->workbench, &quantity);
  set_table_row (self->size_row, self->size_clear, size_path, _("None: D* of the runs"));
  if (size_path != NULL)
    gtk_drop_down_set_selected (self->size_quantity, quantity == SP_HOP_FINITE_SIZE_ENERGY);
}

/* ---- the file choosers ---------------------------------------------------- */

void
sp_hopping_series_add_files (SpHoppingSeries *self,
                             GFile          **files,
                             guint            n_files)
{
  const SpTrajReadOptions *options;

  g_return_if_fail (SP_IS_HOPPING_SERIES (self));

  options = sp_hop_workbench_get_read_options (self->workbench);
  if (options == NULL || n_files == 0)
    return;
  sp_hop_workbench_add_runs (self->workbench, files, n_files, options);
}

void
sp_hopping_series_open_qens_table (SpHoppingSeries *self,
                                   GFile           *file)
{
  g_return_if_fail (SP_IS_HOPPING_SERIES (self));
  sp_hop_workbench_open_qens_table (self->workbench, file);
}

void
sp_hopping_series_open_size_table (SpHoppingSeries *self,
                                   GFile           *file)
{
  g_return_if_fail (SP_IS_HOPPING_SERIES (self));
  sp_hop_workbench_open_finite_size_table (self->workbench, file,
                                           gtk_drop_down_get_selected (self->size_quantity) == 1
                                           ? SP_HOP_FINITE_SIZE_ENERGY
                                           : SP_HOP_FINITE_SIZE_DIFFUSIVITY);
}

static void
chosen_cb (GtkNativeDialog *dialog,
           int              response,
           SpHoppingSeries *self)
{
  g_autoptr(GListModel) files = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    files = gtk_file_chooser_get_files (GTK_FILE_CHOOSER (dialog));
  if (files != NULL && g_list_model_get_n_items (files) > 0)
    {
      guint n = g_list_model_get_n_items (files);
      g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func (g_object_unref);

      for (guint i = 0; i < n; i++)
        g_ptr_array_add (list, g_list_model_get_item (files, i));
      if (self->choosing == CHOOSE_RUNS)
        sp_hopping_series_add_files (self, (GFile **) list->pdata, n);
      else if (self->choosing == CHOOSE_QENS)
        sp_hopping_series_open_qens_table (self, list->pdata[0]);
      else
        sp_hopping_series_open_size_table (self, list->pdata[0]);
    }
  g_clear_object (&self->chooser);
}

static void
choose (SpHoppingSeries *self,
        Choosing         choosing)
{
  GtkWidget *root = GTK_WIDGET (gtk_widget_get_root (GTK_WIDGET (self)));
  g_autoptr(GtkFileFilter) wanted = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();
  static const char *trajectories[] = { "*.xyz", "*.extxyz", "*.dump", "*.lammpstrj",
                                        "*.lammps", "XDATCAR*", "*.xdatcar", "*.gz" };
  static const char *tables[] = { "*.csv", "*.txt", "*.dat", "*.tsv" };
  const char **patterns = choosing == CHOOSE_RUNS ? trajectories : tables;
  guint n = choosing == CHOOSE_RUNS ? G_N_ELEMENTS (trajectories) : G_N_ELEMENTS (tables);
  const char *title = choosing == CHOOSE_RUNS ? _("Add Trajectories")
                      : choosing == CHOOSE_QENS ? _("Open Γ(Q) Table")
                      : _("Open Box-Size Table");

  if (self->chooser != NULL)
    return;
  gtk_file_filter_set_name (wanted, choosing == CHOOSE_RUNS
                                    ? _("Trajectories (XYZ, LAMMPS dump, XDATCAR)")
                                    : _("Tables (CSV, text)"));
  for (guint i = 0; i < n; i++)
    gtk_file_filter_add_pattern (wanted, patterns[i]);
  gtk_file_filter_set_name (all, _("All files"));
  gtk_file_filter_add_pattern (all, "*");
  self->choosing = choosing;
  self->chooser = gtk_file_chooser_native_new (title,
                                               GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                               GTK_FILE_CHOOSER_ACTION_OPEN,
                                               _("_Open"), _("_Cancel"));
  gtk_file_chooser_set_select_multiple (GTK_FILE_CHOOSER (self->chooser),
                                        choosing == CHOOSE_RUNS);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), wanted);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), all);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  g_signal_connect (self->chooser, "response", G_CALLBACK (chosen_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static void add_files_clicked_cb (SpHoppingSeries *self) { choose (self, CHOOSE_RUNS); }
static void open_qens_clicked_cb (SpHoppingSeries *self) { choose (self, CHOOSE_QENS); }
static void open_size_clicked_cb (SpHoppingSeries *self) { choose (self, CHOOSE_SIZE); }

static void
add_current_clicked_cb (SpHoppingSeries *self)
{
  sp_hop_workbench_add_current_run (self->workbench);
}

static void
clear_qens_clicked_cb (SpHoppingSeries *self)
{
  sp_hop_workbench_open_qens_table (self->workbench, NULL);
}

static void
clear_size_clicked_cb (SpHoppingSeries *self)
{
  sp_hop_workbench_open_finite_size_table (self->workbench, NULL, SP_HOP_FINITE_SIZE_DIFFUSIVITY);
}

/* ---- building ------------------------------------------------------------- */

/* @accessible: the button's name for a screen reader when its label
 * alone ("Clear") does not say what it acts on; NULL: the label. */
static GtkWidget *
suffix_button (AdwActionRow *row,
               const char   *label,
               const char   *accessible,
               const char   *tooltip,
               GCallback     clicked,
               gpointer      self)
{
  GtkWidget *button = sp_hopping_mnemonic_button (label);

  if (accessible != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                    accessible, -1);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (button, tooltip);
  g_signal_connect_swapped (button, "clicked", clicked, self);
  adw_action_row_add_suffix (row, button);
  return button;
}

static AdwActionRow *
new_row (const char *title)
{
  AdwActionRow *row = ADW_ACTION_ROW (adw_action_row_new ());

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  return row;
}

GtkWidget *
sp_hopping_series_new (SpHopWorkbench *workbench)
{
  SpHoppingSeries *self;
  const char *quantities[] = { N_("D*"), N_("Barrier E"), NULL };
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);

  g_return_val_if_fail (SP_IS_HOP_WORKBENCH (workbench), NULL);

  self = g_object_new (SP_TYPE_HOPPING_SERIES,
                       "title", _("Series"),
                       "description", _("Trajectories of the same species at other temperatures "
                                        "(Arrhenius E_a) or box sizes (D∞ from D against 1/L), read "
                                        "with the imported file’s species and time step; tables "
                                        "measured elsewhere."),
                       NULL);
  self->workbench = g_object_ref (workbench);
  self->run_rows = g_ptr_array_new ();

  self->runs_row = new_row (_("Runs"));
  adw_action_row_set_subtitle (self->runs_row, _("D* of each, with its error"));
  self->add_files_button = suffix_button (self->runs_row, _("_Add Files…"), NULL,
                                          _("Read more trajectories, each reduced to its D*"),
                                          G_CALLBACK (add_files_clicked_cb), self);
  self->add_current_button = suffix_button (self->runs_row, _("Add _Current"), NULL,
                                            _("Add the analysed trajectory as a run"),
                                            G_CALLBACK (add_current_clicked_cb), self);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self), GTK_WIDGET (self->runs_row));

  self->tables = g_object_ref_sink (g_object_new (ADW_TYPE_PREFERENCES_GROUP,
                                                  "title", _("Tables"), NULL));
  self->qens_row = new_row (_("Γ(Q) table"));
  suffix_button (self->qens_row, _("Open…"), _("Open a Γ(Q) table"),
                 _("Q (Å⁻¹), Γ (meV, HWHM) and optionally its error, from a QENS fit"),
                 G_CALLBACK (open_qens_clicked_cb), self);
  self->qens_clear = suffix_button (self->qens_row, _("Clear"), _("Clear the Γ(Q) table"),
                                    _("Back to Γ(Q) from the trajectory"),
                                    G_CALLBACK (clear_qens_clicked_cb), self);

  adw_preferences_group_add (self->tables, GTK_WIDGET (self->qens_row));
  self->size_row = new_row (_("Box-size table"));
  for (guint i = 0; quantities[i] != NULL; i++)
    gtk_string_list_append (names, _(quantities[i]));
  self->size_quantity = GTK_DROP_DOWN (gtk_drop_down_new (G_LIST_MODEL (g_object_ref (names)), NULL));
  gtk_widget_set_valign (GTK_WIDGET (self->size_quantity), GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->size_quantity),
                               _("What the table’s second column holds: D in cm²/s, or an NEB "
                                 "barrier E in eV"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->size_quantity),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("What the box-size table holds"),
                                  -1);
  adw_action_row_add_suffix (self->size_row, GTK_WIDGET (self->size_quantity));
  suffix_button (self->size_row, _("Open…"), _("Open a box-size table"),
                 _("L (Å), then D (cm²/s) or E (eV), and optionally its error"),
                 G_CALLBACK (open_size_clicked_cb), self);
  self->size_clear = suffix_button (self->size_row, _("Clear"), _("Clear the box-size table"),
                                    _("Back to the runs’ D*"),
                                    G_CALLBACK (clear_size_clicked_cb), self);
  adw_preferences_group_add (self->tables, GTK_WIDGET (self->size_row));

  g_signal_connect_object (workbench, "changed", G_CALLBACK (sync_from_workbench), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (workbench, "notify::busy", G_CALLBACK (sync_from_workbench), self,
                           G_CONNECT_SWAPPED);
  sync_from_workbench (self);
  return GTK_WIDGET (self);
}

GtkWidget *
sp_hopping_series_get_add_files_button (SpHoppingSeries *self)
{
  g_return_val_if_fail (SP_IS_HOPPING_SERIES (self), NULL);
  return self->add_files_button;
}

GtkWidget *
sp_hopping_series_get_add_current_button (SpHoppingSeries *self)
{
  g_return_val_if_fail (SP_IS_HOPPING_SERIES (self), NULL);
  return self->add_current_button;
}

guint
sp_hopping_series_get_n_run_rows (SpHoppingSeries *self)
{
  g_return_val_if_fail (SP_IS_HOPPING_SERIES (self), 0);
  return self->run_rows->len;
}

GtkSpinButton *
sp_hopping_series_get_run_temperature (SpHoppingSeries *self,
                                       guint            index)
{
  g_return_val_if_fail (SP_IS_HOPPING_SERIES (self), NULL);
  g_return_val_if_fail (index < self->run_rows->len, NULL);
  return g_object_get_data (g_ptr_array_index (self->run_rows, index), RUN_TEMPERATURE);
}

GtkWidget *
sp_hopping_series_get_run_remove (SpHoppingSeries *self,
                                  guint            index)
{
  g_return_val_if_fail (SP_IS_HOPPING_SERIES (self), NULL);
  g_return_val_if_fail (index < self->run_rows->len, NULL);
  return g_object_get_data (g_ptr_array_index (self->run_rows, index), RUN_REMOVE);
}

AdwPreferencesGroup *
sp_hopping_series_get_tables (SpHoppingSeries *self)
{
  g_return_val_if_fail (SP_IS_HOPPING_SERIES (self), NULL);
  return self->tables;
}

GtkWidget *
sp_hopping_series_get_qens_clear (SpHoppingSeries *self)
{
  g_return_val_if_fail (SP_IS_HOPPING_SERIES (self), NULL);
  return self->qens_clear;
}

GtkWidget *
sp_hopping_series_get_size_clear (SpHoppingSeries *self)
{
  g_return_val_if_fail (SP_IS_HOPPING_SERIES (self), NULL);
  return self->size_clear;
}

AdwActionRow *
sp_hopping_series_get_qens_row (SpHoppingSeries *self)
{
  g_return_val_if_fail (SP_IS_HOPPING_SERIES (self), NULL);
  return self->qens_row;
}

AdwActionRow *
sp_hopping_series_get_size_row (SpHoppingSeries *self)
{
  g_return_val_if_fail (SP_IS_HOPPING_SERIES (self), NULL);
  return self->size_row;
}

GtkDropDown *
sp_hopping_series_get_size_quantity (SpHoppingSeries *self)
{
  g_return_val_if_fail (SP_IS_HOPPING_SERIES (self), NULL);
  return self->size_quantity;
}

static void
sp_hopping_series_dispose (GObject *object)
{
  SpHoppingSeries *self = SP_HOPPING_SERIES (object);

  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  if (self->workbench != NULL)
    g_signal_handlers_disconnect_by_data (self->workbench, self);
  g_clear_object (&self->workbench);
  g_clear_pointer (&self->run_rows, g_ptr_array_unref);
  g_clear_object (&self->tables);
  G_OBJECT_CLASS (sp_hopping_series_parent_class)->dispose (object);
}

static void
sp_hopping_series_class_init (SpHoppingSeriesClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = sp_hopping_series_dispose;
}

static void
sp_hopping_series_init (SpHoppingSeries *self)
{
}
