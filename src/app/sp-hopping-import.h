/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sp-hopping-import.h — the Hopping page's Data mode controls
 *
 * Open… a trajectory (extended XYZ, LAMMPS dump, XDATCAR) with the
 * window's file chooser; its species listed in a thread (the first
 * frame) for the picker; the time between frames in fs; Import, then a
 * progress bar with Cancel while the workbench reads and analyses it.
 * A file that cannot be read gives one toast naming it.
 */
#pragma once

#include <adwaita.h>

#include "sp-hopping-page.h"

G_BEGIN_DECLS

#define SP_TYPE_HOPPING_IMPORT (sp_hopping_import_get_type ())
G_DECLARE_FINAL_TYPE (SpHoppingImport, sp_hopping_import, SP, HOPPING_IMPORT, AdwBin)

GtkWidget     *sp_hopping_import_new            (SpHoppingPage   *page);
/* As if chosen in the file chooser: lists its species (in a thread). */
void           sp_hopping_import_set_file       (SpHoppingImport *self,
                                                 const char      *path);
/* The species offered (NULL before a file's were listed), for tests. */
GtkStringList *sp_hopping_import_get_species    (SpHoppingImport *self);
AdwComboRow   *sp_hopping_import_get_species_row (SpHoppingImport *self);
GtkSpinButton *sp_hopping_import_get_timestep_spin (SpHoppingImport *self);
GtkButton     *sp_hopping_import_get_import_button (SpHoppingImport *self);
GtkButton     *sp_hopping_import_get_cancel_button (SpHoppingImport *self);
GtkProgressBar *sp_hopping_import_get_progress_bar (SpHoppingImport *self);
/* Its preferences page, for the panel's groups after the trajectory's. */
AdwPreferencesPage *sp_hopping_import_get_preferences_page (SpHoppingImport *self);

/* A button labelled @label (with its mnemonic underscore), whose
 * accessible name is the label without it. */
GtkWidget     *sp_hopping_mnemonic_button       (const char      *label);

G_END_DECLS
