/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sp-hopping-import.c — the Hopping page's Data mode controls
 */

#include "config.h"

#include <math.h>

#include <glib/gi18n.h>

#include "sp-hopping-import.h"

struct _SpHoppingImport
{
  AdwBin                parent_instance;

  SpHoppingPage        *page;            /* weak */
  SpHopWorkbench       *workbench;       /* the page's, a reference */
  char                 *path;            /* chosen, not yet imported maybe */
  GtkStringList        *species;         /* of @path; NULL before listed */
  GCancellable         *listing;         /* the species being listed */
  GtkFileChooserNative *chooser;

  AdwActionRow         *file_row;
  AdwComboRow          *species_row;
  GtkSpinButton        *timestep_spin;
  GtkButton            *import_button;
  GtkWidget            *progress_row;
  GtkProgressBar       *progress_bar;
  GtkButton            *cancel_button;
  AdwPreferencesPage   *preferences;
};

G_DEFINE_FINAL_TYPE (SpHoppingImport, sp_hopping_import, ADW_TYPE_BIN)

/* A button with a mnemonic, named without it: GTK 4.8 reads a
 * use-underline button's label raw ("_Import Import"). */
GtkWidget *
sp_hopping_mnemonic_button (const char *label)
{
  GtkWidget *button = gtk_button_new_with_mnemonic (label);
  g_autoptr(GString) plain = g_string_new (NULL);

  for (const char *c = label; *c != '\0'; c++)
    {
      /* "导入(_I)": the whole "(_I)" goes. */
      if (c[0] == '(' && c[1] == '_' && c[2] != '\0' && c[3] == ')')
        {
          c += 3;
          continue;
        }
      if (*c != '_')
        g_string_append_c (plain, *c);
    }
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  plain->str, -1);
  return button;
}

static void
toast (SpHoppingImport *self,
       const char      *message)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);
  AdwToast *t;

  if (overlay == NULL)
    {
      g_message ("%s", message);
      return;
    }
  t = adw_toast_new (message);
  adw_toast_set_timeout (t, 0);
  adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), t);
}

static void
update_sensitivity (SpHoppingImport *self)
{
  gboolean busy = self->workbench != NULL && sp_hop_workbench_get_busy (self->workbench);
  gboolean ready = self->species != NULL &&
                   g_list_model_get_n_items (G_LIST_MODEL (self->species)) > 0;

  gtk_widget_set_sensitive (GTK_WIDGET (self->import_button), ready && !busy);
  gtk_widget_set_visible (self->progress_row, busy);
  gtk_widget_set_sensitive (GTK_WIDGET (self->cancel_button), busy);
}

static void
progress_cb (SpHoppingImport *self)
{
  gtk_progress_bar_set_fraction (self->progress_bar,
                                 sp_hop_workbench_get_progress (self->workbench));
}

/* The species listing: the first frame only, but a first frame of a
 * large system on a slow disk may take longer than a frame. */
static void
list_species_thread (GTask        *task,
                     gpointer      source,
                     gpointer      path,
                     GCancellable *cancellable)
{
  GError *error = NULL;
  GStrv species = sp_traj_read_species (path, SP_TRAJ_FORMAT_AUTO, &error);

  if (species == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, species, (GDestroyNotify) g_strfreev);
}

static void
species_listed_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(SpHoppingImport) self = user_data;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) species = g_task_propagate_pointer (G_TASK (result), &error);
  const char *wanted;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) || self->page == NULL)
    return;
  g_clear_object (&self->listing);
  if (species == NULL)
    {
      toast (self, error->message);
      return;
    }
  g_clear_object (&self->species);
  self->species = gtk_string_list_new ((const char * const *) species);
  adw_combo_row_set_model (self->species_row, G_LIST_MODEL (self->species));
  /* The page's species when the file has it (a session's), else Li when
   * there is Li (the usual question), else the first. */
  wanted = sp_hopping_page_get_species (self->page);
  for (guint pass = 0; pass < 2; pass++)
    for (guint i = 0; species[i] != NULL; i++)
      if (g_strcmp0 (species[i], pass == 0 ? wanted : "Li") == 0)
        {
          adw_combo_row_set_selected (self->species_row, i);
          pass = 2;
          break;
        }
  update_sensitivity (self);
}

void
sp_hopping_import_set_file (SpHoppingImport *self,
                            const char      *path)
{
  g_autoptr(GTask) task = NULL;
  g_autofree char *base = NULL;

  g_return_if_fail (SP_IS_HOPPING_IMPORT (self));
  g_return_if_fail (path != NULL);

  g_free (self->path);
  self->path = g_strdup (path);
  base = g_path_get_basename (path);
  adw_action_row_set_subtitle (self->file_row, base);
  g_clear_object (&self->species);
  adw_combo_row_set_model (self->species_row, NULL);
  if (self->listing != NULL)
    g_cancellable_cancel (self->listing);
  g_clear_object (&self->listing);
  self->listing = g_cancellable_new ();
  update_sensitivity (self);
  task = g_task_new (NULL, self->listing, species_listed_cb, g_object_ref (self));
  g_task_set_task_data (task, g_strdup (path), g_free);
  g_task_run_in_thread (task, list_species_thread);
}

static void
file_chosen_cb (GtkNativeDialog *dialog,
                int              response,
                SpHoppingImport *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      g_autofree char *path = file != NULL ? g_file_get_path (file) : NULL;

      if (path != NULL)
        sp_hopping_import_set_file (self, path);
    }
  g_clear_object (&self->chooser);
}

static void
open_clicked_cb (SpHoppingImport *self)
{
  GtkWidget *root = GTK_WIDGET (gtk_widget_get_root (GTK_WIDGET (self)));
  g_autoptr(GtkFileFilter) trajectories = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();
  static const char *patterns[] = { "*.xyz", "*.extxyz", "*.dump", "*.lammpstrj", "*.lammps",
                                    "XDATCAR*", "*.xdatcar" };

  if (self->chooser != NULL)
    return;
  gtk_file_filter_set_name (trajectories, _("Trajectories (XYZ, LAMMPS dump, XDATCAR)"));
  for (guint i = 0; i < G_N_ELEMENTS (patterns); i++)
    gtk_file_filter_add_pattern (trajectories, patterns[i]);
  gtk_file_filter_set_name (all, _("All files"));
  gtk_file_filter_add_pattern (all, "*");
  self->chooser = gtk_file_chooser_native_new (_("Open Trajectory"),
                                               GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                               GTK_FILE_CHOOSER_ACTION_OPEN,
                                               _("_Open"), _("_Cancel"));
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), trajectories);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), all);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  g_signal_connect (self->chooser, "response", G_CALLBACK (file_chosen_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static void
import_clicked_cb (SpHoppingImport *self)
{
  GtkStringObject *item;

  if (self->page == NULL || self->path == NULL || self->species == NULL)
    return;
  item = adw_combo_row_get_selected_item (self->species_row);
  if (item == NULL)
    return;
  gtk_spin_button_update (self->timestep_spin);
  sp_hopping_page_import (self->page, self->path, gtk_string_object_get_string (item),
                          gtk_spin_button_get_value (self->timestep_spin));
  update_sensitivity (self);
}

static void
cancel_clicked_cb (SpHoppingImport *self)
{
  if (self->workbench != NULL)
    sp_hop_workbench_cancel (self->workbench);
}

/* A session's file: shown as chosen, with its time step. */
static void
page_state_cb (SpHoppingImport *self)
{
  const char *path = self->page != NULL ? sp_hopping_page_get_data_file (self->page) : NULL;
  double timestep = self->page != NULL ? sp_hopping_page_get_timestep_fs (self->page) : NAN;

  if (isfinite (timestep) && timestep != gtk_spin_button_get_value (self->timestep_spin))
    gtk_spin_button_set_value (self->timestep_spin, timestep);
  if (path != NULL && g_strcmp0 (path, self->path) != 0)
    sp_hopping_import_set_file (self, path);
}

GtkStringList *
sp_hopping_import_get_species (SpHoppingImport *self)
{
  g_return_val_if_fail (SP_IS_HOPPING_IMPORT (self), NULL);
  return self->species;
}

AdwComboRow *
sp_hopping_import_get_species_row (SpHoppingImport *self)
{
  g_return_val_if_fail (SP_IS_HOPPING_IMPORT (self), NULL);
  return self->species_row;
}

GtkSpinButton *
sp_hopping_import_get_timestep_spin (SpHoppingImport *self)
{
  g_return_val_if_fail (SP_IS_HOPPING_IMPORT (self), NULL);
  return self->timestep_spin;
}

GtkButton *
sp_hopping_import_get_import_button (SpHoppingImport *self)
{
  g_return_val_if_fail (SP_IS_HOPPING_IMPORT (self), NULL);
  return self->import_button;
}

GtkButton *
sp_hopping_import_get_cancel_button (SpHoppingImport *self)
{
  g_return_val_if_fail (SP_IS_HOPPING_IMPORT (self), NULL);
  return self->cancel_button;
}

GtkProgressBar *
sp_hopping_import_get_progress_bar (SpHoppingImport *self)
{
  g_return_val_if_fail (SP_IS_HOPPING_IMPORT (self), NULL);
  return self->progress_bar;
}

AdwPreferencesPage *
sp_hopping_import_get_preferences_page (SpHoppingImport *self)
{
  g_return_val_if_fail (SP_IS_HOPPING_IMPORT (self), NULL);
  return self->preferences;
}

GtkWidget *
sp_hopping_import_new (SpHoppingPage *page)
{
  SpHoppingImport *self;
  GtkWidget *prefs, *group, *button, *row, *box;

  g_return_val_if_fail (SP_IS_HOPPING_PAGE (page), NULL);

  self = g_object_new (SP_TYPE_HOPPING_IMPORT, NULL);
  g_set_weak_pointer (&self->page, page);
  self->workbench = g_object_ref (sp_hopping_page_get_workbench (page));

  prefs = adw_preferences_page_new ();
  self->preferences = ADW_PREFERENCES_PAGE (prefs);
  group = adw_preferences_group_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("Trajectory"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group),
                                         _("Extended XYZ (with Lattice=), LAMMPS dump (custom) or "
                                           "VASP XDATCAR; unwrapped from image flags or by "
                                           "minimum-image steps, the framework’s drift removed."));
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (prefs), ADW_PREFERENCES_GROUP (group));

  self->file_row = ADW_ACTION_ROW (adw_action_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->file_row), _("File"));
  adw_action_row_set_subtitle (self->file_row, _("None"));
  button = sp_hopping_mnemonic_button (_("_Open…"));
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (button, _("Choose a trajectory file"));
  g_signal_connect_swapped (button, "clicked", G_CALLBACK (open_clicked_cb), self);
  adw_action_row_add_suffix (self->file_row, button);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (self->file_row));

  self->species_row = ADW_COMBO_ROW (adw_combo_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->species_row), _("Mobile species"));
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->species_row),
                               _("The ions whose diffusion is analysed; every other atom is the "
                                 "framework"));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (self->species_row));

  row = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Time between frames"));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), _("fs (MD time step × dump interval)"));
  self->timestep_spin = GTK_SPIN_BUTTON (gtk_spin_button_new_with_range (0.001, 1e7, 1));
  gtk_spin_button_set_digits (self->timestep_spin, 3);
  gtk_spin_button_set_value (self->timestep_spin, 1.0);
  gtk_widget_set_valign (GTK_WIDGET (self->timestep_spin), GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->timestep_spin),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Time between frames"), -1);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), GTK_WIDGET (self->timestep_spin));
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), GTK_WIDGET (self->timestep_spin));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);

  self->import_button = GTK_BUTTON (sp_hopping_mnemonic_button (_("_Import")));
  gtk_widget_add_css_class (GTK_WIDGET (self->import_button), "suggested-action");
  gtk_widget_set_margin_top (GTK_WIDGET (self->import_button), 12);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->import_button),
                               _("Read the species’ positions and analyse them"));
  g_signal_connect_swapped (self->import_button, "clicked", G_CALLBACK (import_clicked_cb), self);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (self->import_button));

  /* Reading: how far, and Cancel. */
  box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  gtk_widget_set_margin_top (box, 12);
  self->progress_bar = GTK_PROGRESS_BAR (gtk_progress_bar_new ());
  gtk_widget_set_hexpand (GTK_WIDGET (self->progress_bar), TRUE);
  gtk_widget_set_valign (GTK_WIDGET (self->progress_bar), GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->progress_bar),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Reading the trajectory"), -1);
  self->cancel_button = GTK_BUTTON (sp_hopping_mnemonic_button (_("_Cancel")));
  g_signal_connect_swapped (self->cancel_button, "clicked", G_CALLBACK (cancel_clicked_cb), self);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->progress_bar));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->cancel_button));
  self->progress_row = box;
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), box);

  adw_bin_set_child (ADW_BIN (self), prefs);

  g_signal_connect_object (self->workbench, "notify::busy", G_CALLBACK (update_sensitivity), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->workbench, "notify::progress", G_CALLBACK (progress_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (page, "state-changed", G_CALLBACK (page_state_cb), self,
                           G_CONNECT_SWAPPED);
  update_sensitivity (self);
  page_state_cb (self);
  return GTK_WIDGET (self);
}

static void
sp_hopping_import_dispose (GObject *object)
{
  SpHoppingImport *self = SP_HOPPING_IMPORT (object);

  if (self->listing != NULL)
    g_cancellable_cancel (self->listing);
  g_clear_object (&self->listing);
  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  g_clear_weak_pointer (&self->page);
  g_clear_object (&self->workbench);
  g_clear_object (&self->species);
  adw_bin_set_child (ADW_BIN (self), NULL);
  G_OBJECT_CLASS (sp_hopping_import_parent_class)->dispose (object);
}

static void
sp_hopping_import_finalize (GObject *object)
{
  g_free (SP_HOPPING_IMPORT (object)->path);
  G_OBJECT_CLASS (sp_hopping_import_parent_class)->finalize (object);
}

static void
sp_hopping_import_class_init (SpHoppingImportClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = sp_hopping_import_dispose;
  G_OBJECT_CLASS (klass)->finalize = sp_hopping_import_finalize;
}

static void
sp_hopping_import_init (SpHoppingImport *self)
{
}
